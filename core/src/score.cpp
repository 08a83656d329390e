#include "resume_analyser/score.hpp"

#include "resume_analyser/text.hpp"

#include <algorithm>
#include <cmath>

namespace ra {

double round1(double value) { return std::round(value * 10.0) / 10.0; }

ScoreReport score_occurrences(const KeywordSet& set, const Document& doc,
                              const std::vector<Occurrence>& occurrences) {
  ScoreReport report;
  report.set = &set;
  report.file = doc.name;
  report.format = doc.format;

  std::vector<KeywordHit> hits(set.keywords.size());
  for (std::size_t i = 0; i < hits.size(); ++i) hits[i].keyword = i;
  for (const Occurrence& o : occurrences) {
    ++hits[o.keyword].count;
    hits[o.keyword].lines.push_back(o.line);
  }

  auto coverage = [&](const std::vector<std::size_t>& keywords, int* matched) {
    long found = 0, total = 0;
    for (std::size_t k : keywords) {
      total += set.keywords[k].weight;
      if (hits[k].count > 0) {
        found += set.keywords[k].weight;
        ++*matched;
      }
    }
    return total == 0 ? 0.0 : 100.0 * static_cast<double>(found) / static_cast<double>(total);
  };

  std::vector<std::size_t> all(set.keywords.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  int ignored = 0;
  report.score = round1(coverage(all, &ignored));
  for (std::size_t c = 0; c < set.categories.size(); ++c) {
    CategoryScore cs;
    cs.category = c;
    cs.total = static_cast<int>(set.categories[c].keywords.size());
    cs.score = round1(coverage(set.categories[c].keywords, &cs.matched));
    report.categories.push_back(cs);
  }

  for (KeywordHit& h : hits) {
    if (h.count > 0) {
      std::sort(h.lines.begin(), h.lines.end());
      report.matched.push_back(std::move(h));
    } else {
      report.missing.push_back(h.keyword);
    }
  }
  auto weight = [&](std::size_t k) { return set.keywords[k].weight; };
  std::stable_sort(report.matched.begin(), report.matched.end(),
                   [&](const KeywordHit& a, const KeywordHit& b) {
                     if (weight(a.keyword) != weight(b.keyword)) return weight(a.keyword) > weight(b.keyword);
                     return a.count > b.count;
                   });
  std::stable_sort(report.missing.begin(), report.missing.end(),
                   [&](std::size_t a, std::size_t b) { return weight(a) > weight(b); });
  return report;
}

Result<ScoreReport> score_document(const Matcher& matcher, const Document& doc) {
  const std::vector<Token> tokens = tokenize(doc.text);
  Result<std::vector<Occurrence>> found = matcher.find(doc.text, tokens);
  if (!found) return found.error();
  return score_occurrences(matcher.keyword_set(), doc, *found);
}

}  // namespace ra
