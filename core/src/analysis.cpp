#include "resume_analyser/analysis.hpp"

#include "resume_analyser/text.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <iterator>
#include <set>
#include <unordered_map>

namespace ra {

double round1(double value) { return std::round(value * 10.0) / 10.0; }

const char* verdict_name(Verdict v) noexcept {
  switch (v) {
    case Verdict::kMet: return "met";
    case Verdict::kPartlyMet: return "partly met";
    case Verdict::kNotMet: return "not met";
  }
  return "not met";
}

namespace {

/// Where one evidence item of a competency row is looked for.
struct EvidenceRef {
  std::uint32_t index = 0;  // keyword index, or phrase index in Role::Impl::phrases
  bool is_keyword = false;
};

/// A competency row, as analyse() reads it: its items are
/// Role::Impl::evidence_items[first, end).
struct EvidenceRow {
  std::uint32_t first = 0, end = 0;
  int needs = 0;  // CompetencyRow::needs
};

std::string percent(double fraction) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", fraction * 100.0);
  return buf;
}

bool in_section(const Location& l, std::initializer_list<SectionKind> kinds) {
  return std::find(kinds.begin(), kinds.end(), l.section) != kinds.end();
}

const RE2& contact_re() {
  static const RE2 re(
      "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"
      "|\\(?\\+?\\d{1,3}\\)?[ .-]?\\(?\\d{3}\\)?[ .-]\\d{3}[ .-]\\d{4}");
  return re;
}

/// Whether `line` could match contact_re(): an email needs '@', a phone
/// number at least 10 digits. Most lines have neither, and this is far
/// cheaper than the regular expression.
bool may_hold_contact(std::string_view line) {
  return line.find('@') != std::string_view::npos || count_ascii_digits(line) >= 10;
}

}  // namespace

struct Role::Impl {
  KeywordSet set;
  std::unique_ptr<Matcher> keywords;
  KeywordSet phrases;  // evidence phrases that are not keywords of the role
  std::unique_ptr<Matcher> phrase_matcher;
  // What analyse() reads of `set` for every document, packed, where `set`
  // spreads it over one large record per keyword and per row:
  std::vector<EvidenceRow> evidence_rows;  // every table's rows, in order
  std::vector<EvidenceRef> evidence_items;
  std::vector<int> weights;  // set.keywords[k].weight
  std::unique_ptr<EducationDetector> education;
  std::vector<std::size_t> by_weight;  // keyword indexes by weight, then role-file order

  Location locate(const Document& doc, const std::vector<Section>& sections,
                  const Occurrence& o) const {
    return {doc.text.substr(o.begin, o.end - o.begin), o.line, doc.zone_of_line(o.line),
            section_of_line(sections, o.line).kind};
  }

  void add_warnings(const Document& doc, const std::vector<Section>& sections, Report& r) const;
};

Role::Role(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Role::Role(Role&&) noexcept = default;
Role& Role::operator=(Role&&) noexcept = default;
Role::~Role() = default;

const KeywordSet& Role::keyword_set() const noexcept { return impl_->set; }

Result<Role> Role::compile(KeywordSet set) {
  auto impl = std::make_unique<Impl>();
  impl->set = std::move(set);
  Result<Matcher> keywords = Matcher::compile(impl->set);
  if (!keywords) return keywords.error();
  impl->keywords = std::make_unique<Matcher>(std::move(keywords).value());

  impl->phrases.id = impl->set.id + "-evidence";
  impl->phrases.categories = {{"evidence", "evidence", {}}};
  // Evidence items are looked up by term_key, as KeywordSet::find_keyword
  // compares names, in maps built once (the first keyword of a key wins).
  std::unordered_map<std::string, std::size_t> keyword_by_key, phrase_by_key;
  for (std::size_t k = 0; k < impl->set.keywords.size(); ++k) {
    keyword_by_key.emplace(term_key(impl->set.keywords[k].name), k);
  }
  std::vector<EvidenceRef>& items = impl->evidence_items;
  const auto ref = [](std::size_t index, bool is_keyword) {
    return EvidenceRef{static_cast<std::uint32_t>(index), is_keyword};
  };
  for (const CompetencyTable& table : impl->set.competencies) {
    for (const CompetencyRow& row : table.rows) {
      EvidenceRow& packed = impl->evidence_rows.emplace_back();
      packed.first = static_cast<std::uint32_t>(items.size());
      packed.needs = row.needs;
      for (const std::string& item : row.evidence) {
        const std::string key = term_key(item);
        if (const auto k = keyword_by_key.find(key); k != keyword_by_key.end()) {
          items.push_back(ref(k->second, true));
          continue;
        }
        if (const auto p = phrase_by_key.find(key); p != phrase_by_key.end()) {
          items.push_back(ref(p->second, false));
          continue;
        }
        phrase_by_key.emplace(key, impl->phrases.keywords.size());
        Keyword phrase;
        phrase.name = item;
        phrase.inflect = true;
        impl->phrases.categories[0].keywords.push_back(impl->phrases.keywords.size());
        items.push_back(ref(impl->phrases.keywords.size(), false));
        impl->phrases.keywords.push_back(std::move(phrase));
      }
      packed.end = static_cast<std::uint32_t>(items.size());
    }
  }
  for (const Keyword& k : impl->set.keywords) impl->weights.push_back(k.weight);
  Result<Matcher> phrases = Matcher::compile(impl->phrases);
  if (!phrases) return phrases.error();
  impl->phrase_matcher = std::make_unique<Matcher>(std::move(phrases).value());
  impl->education = std::make_unique<EducationDetector>(impl->set.education.fields);
  impl->by_weight.resize(impl->set.keywords.size());
  for (std::size_t k = 0; k < impl->by_weight.size(); ++k) impl->by_weight[k] = k;
  std::stable_sort(impl->by_weight.begin(), impl->by_weight.end(), [&](std::size_t a, std::size_t b) {
    return impl->set.keywords[a].weight > impl->set.keywords[b].weight;
  });
  return Role(std::move(impl));
}

Result<Report> Role::analyse(const Document& doc, const AnalysisOptions& options) const {
  const Impl& m = *impl_;
  const KeywordSet& set = m.set;
  Report r;
  r.set = &set;
  r.as_of = options.as_of;
  r.file = doc.name;
  r.format = doc.format;

  const Tokens tokens = tokenize(doc.text);
  r.words = static_cast<int>(tokens.size());
  r.sections = detect_sections(doc.text, tokens);
  Result<std::vector<Occurrence>> occurrences = m.keywords->find(doc.text, tokens);
  if (!occurrences) return occurrences.error();

  // Keywords: places, stuffing, listed but not demonstrated.
  std::vector<KeywordHit> hits(set.keywords.size());
  for (std::size_t i = 0; i < hits.size(); ++i) hits[i].keyword = i;
  for (const Occurrence& o : *occurrences) ++hits[o.keyword].count;
  for (KeywordHit& h : hits) {
    if (h.count > 0) h.places.reserve(static_cast<std::size_t>(h.count));
  }
  for (const Occurrence& o : *occurrences) hits[o.keyword].places.push_back(m.locate(doc, r.sections, o));
  const bool has_work = std::any_of(r.sections.begin(), r.sections.end(), [](const Section& s) {
    return s.kind == SectionKind::kExperience || s.kind == SectionKind::kProjects;
  });
  for (KeywordHit& h : hits) {
    if (h.count == 0) continue;
    const double density = r.words ? static_cast<double>(h.count) / r.words : 0.0;
    if (h.count >= options.stuffing_min_count && density > options.stuffing_density) {
      h.stuffed = true;
      r.flags.stuffed.push_back({h.keyword, h.count, density});
    }
    auto any = [&](std::initializer_list<SectionKind> kinds) {
      return std::any_of(h.places.begin(), h.places.end(),
                         [&](const Location& l) { return in_section(l, kinds); });
    };
    h.listed_only = has_work && any({SectionKind::kSkills}) &&
                    !any({SectionKind::kExperience, SectionKind::kProjects});
  }
  auto counts = [&](std::size_t k) { return hits[k].count > 0 && !hits[k].stuffed; };

  // Score.
  auto coverage = [&](const std::vector<std::size_t>& keywords, int* matched) {
    long found = 0, total = 0;
    for (std::size_t k : keywords) {
      total += m.weights[k];
      if (counts(k)) {
        found += m.weights[k];
        ++*matched;
      }
    }
    return total == 0 ? 0.0 : 100.0 * static_cast<double>(found) / static_cast<double>(total);
  };
  std::vector<std::size_t> all(set.keywords.size());
  for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
  int ignored = 0;
  r.score = round1(coverage(all, &ignored));
  r.categories.reserve(set.categories.size());
  for (std::size_t c = 0; c < set.categories.size(); ++c) {
    CategoryScore cs;
    cs.category = c;
    cs.total = static_cast<int>(set.categories[c].keywords.size());
    cs.score = round1(coverage(set.categories[c].keywords, &cs.matched));
    r.categories.push_back(cs);
  }
  // `matched` by weight, then count, then role-file order; the keywords are
  // sorted, not their hits, which then move once into place.
  std::vector<std::size_t> matched;
  r.missing.reserve(hits.size());
  for (std::size_t k : m.by_weight) {  // `missing` comes out in order
    if (counts(k)) {
      matched.push_back(k);
    } else {
      r.missing.push_back(k);
    }
  }
  auto weight = [&](std::size_t k) { return m.weights[k]; };
  std::stable_sort(matched.begin(), matched.end(), [&](std::size_t a, std::size_t b) {
    if (weight(a) != weight(b)) return weight(a) > weight(b);
    return hits[a].count > hits[b].count;
  });
  r.matched.reserve(matched.size());
  for (std::size_t k : matched) r.matched.push_back(std::move(hits[k]));

  // Competencies.
  Result<std::vector<Occurrence>> phrase_hits = m.phrase_matcher->find(doc.text, tokens);
  if (!phrase_hits) return phrase_hits.error();
  std::vector<const Occurrence*> first_phrase(m.phrases.keywords.size(), nullptr);
  for (const Occurrence& o : *phrase_hits) {
    if (first_phrase[o.keyword] == nullptr) first_phrase[o.keyword] = &o;
  }
  std::vector<const Location*> first_keyword(set.keywords.size(), nullptr);
  for (const KeywordHit& h : r.matched) first_keyword[h.keyword] = &h.places.front();
  std::size_t rows = 0;
  for (const CompetencyTable& table : set.competencies) rows += table.rows.size();
  r.competencies.reserve(rows);
  std::vector<EvidenceFound> found;  // scratch: each row's list is then allocated once, at its size
  const EvidenceRow* packed = m.evidence_rows.data();  // the rows in the same order
  for (std::size_t t = 0; t < set.competencies.size(); ++t) {
    for (std::size_t row = 0; row < set.competencies[t].rows.size(); ++row, ++packed) {
      RowResult rr{t, row, Verdict::kNotMet, {}};
      found.clear();
      for (std::uint32_t at = packed->first; at < packed->end; ++at) {
        const EvidenceRef& item = m.evidence_items[at];
        const std::size_t i = at - packed->first;
        if (item.is_keyword) {
          if (const Location* l = first_keyword[item.index]) found.push_back({i, *l});
        } else if (const Occurrence* o = first_phrase[item.index]) {
          found.push_back({i, m.locate(doc, r.sections, *o)});
        }
      }
      rr.found.assign(std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
      const int needs = packed->needs;
      const int got = static_cast<int>(rr.found.size());
      rr.verdict = got >= needs ? Verdict::kMet : got > 0 ? Verdict::kPartlyMet : Verdict::kNotMet;
      r.competencies.push_back(std::move(rr));
    }
  }

  // Education and experience.
  r.education.found = m.education->detect(doc.text, tokens, r.sections);
  const Degree highest = r.education.found.highest;
  r.education.meets_minimum = highest >= set.education.minimum;
  r.education.meets_preferred = highest >= set.education.preferred;
  r.education.field_matches =
      std::any_of(r.education.found.degrees.begin(), r.education.found.degrees.end(),
                  [](const DegreeMention& d) { return !d.fields.empty(); });
  r.experience.found = estimate_experience(doc.text, r.sections, options.as_of);
  r.experience.level = experience_level(set.experience_levels, r.experience.found.years);

  // Hidden text: matched for the report, never scored.
  if (!doc.hidden_text.empty()) {
    const Tokens hidden_tokens = tokenize(doc.hidden_text);
    r.flags.hidden_words = static_cast<int>(hidden_tokens.size());
    Result<std::vector<Occurrence>> hidden = m.keywords->find(doc.hidden_text, hidden_tokens);
    if (!hidden) return hidden.error();
    std::set<std::size_t> seen;
    for (const Occurrence& o : *hidden) {
      if (seen.insert(o.keyword).second) r.flags.hidden_keywords.push_back(o.keyword);
    }
  }
  m.add_warnings(doc, r.sections, r);
  return r;
}

void Role::Impl::add_warnings(const Document& doc, const std::vector<Section>& sections,
                              Report& r) const {
  auto warn = [&](const char* code, std::string message) {
    r.flags.warnings.push_back({code, std::move(message)});
  };
  if (r.flags.hidden_words > 0) {
    std::string names;
    for (std::size_t k : r.flags.hidden_keywords) names += (names.empty() ? "" : ", ") + set.keywords[k].name;
    warn("hidden-text", std::to_string(r.flags.hidden_words) +
                            " words of hidden text (invisible formatting) were left out of the score" +
                            (names.empty() ? "" : "; they name " + names));
  }
  for (const StuffedKeyword& s : r.flags.stuffed) {
    warn("keyword-stuffing", "'" + set.keywords[s.keyword].name + "' appears " + std::to_string(s.count) +
                                 " times (" + percent(s.density) +
                                 " of words): left out of the score as keyword stuffing");
  }

  // Screening readability: what a parser that reads only the body would miss.
  int lines = 0, table_lines = 0, box_lines = 0, contact_lines = 0, contact_outside_body = 0;
  bool heading_in_table = false;
  std::uint32_t line = 0;
  for (std::size_t start = 0; start <= doc.text.size(); ++line) {
    std::size_t end = doc.text.find('\n', start);
    if (end == std::string::npos) end = doc.text.size();
    const std::string_view text(doc.text.data() + start, end - start);
    const Zone zone = doc.zone_of_line(line);
    ++lines;
    table_lines += zone == Zone::kTable;
    box_lines += zone == Zone::kTextBox;
    if (zone == Zone::kTable && section_of_line(sections, line).first_line == line && line != 0) {
      heading_in_table = true;
    }
    if (may_hold_contact(text) &&
        RE2::PartialMatch(re2::StringPiece(text.data(), text.size()), contact_re())) {
      ++contact_lines;
      contact_outside_body += zone == Zone::kHeader || zone == Zone::kFooter;
    }
    start = end + 1;
  }
  if (contact_lines == 0) {
    warn("no-contact-details", "no email address or phone number found");
  } else if (contact_outside_body == contact_lines) {
    warn("contact-in-header-footer",
         "contact details appear only in the page header or footer, which many screening systems skip");
  }
  if (box_lines > 0) {
    warn("text-boxes", std::to_string(box_lines) + (box_lines == 1 ? " line sits" : " lines sit") +
                           " in text boxes, which many screening systems do not read");
  }
  if (heading_in_table || (lines >= 10 && table_lines * 2 > lines)) {
    warn("layout-tables", "tables lay out the page (" + std::to_string(table_lines) + " of " +
                              std::to_string(lines) +
                              " lines): screening systems often read table cells out of order");
  }
}

}  // namespace ra
