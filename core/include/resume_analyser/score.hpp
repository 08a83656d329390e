// Weighted keyword coverage of a document for one role.
//
// For a set of keywords K with weights w(k) in 1..3 and found(k) = 1 when
// the keyword occurs at least once:
//   score(K) = 100 * sum(w(k) * found(k)) / sum(w(k))
// The overall score uses every keyword; each category's score uses its own.
// Scores are rounded to one decimal for display (round half away from zero);
// repeating a keyword does not raise the score. See README "Scoring".
#pragma once

#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/matcher.hpp"
#include "resume_analyser/result.hpp"

#include <string>
#include <vector>

namespace ra {

struct CategoryScore {
  std::size_t category = 0;  // index into KeywordSet::categories
  double score = 0;          // 0-100, rounded to one decimal
  int matched = 0;           // keywords found
  int total = 0;             // keywords in the category
};

struct KeywordHit {
  std::size_t keyword = 0;
  int count = 0;                      // occurrences
  std::vector<std::uint32_t> lines;   // 0-based lines of the occurrences, ascending
};

struct ScoreReport {
  const KeywordSet* set = nullptr;
  std::string file;
  std::string format;
  double score = 0;                       // 0-100, rounded to one decimal
  std::vector<CategoryScore> categories;  // in file order
  std::vector<KeywordHit> matched;        // by weight, then count, then file order
  std::vector<std::size_t> missing;       // keyword indexes by weight, then file order
};

/// Rounds to one decimal, half away from zero (72.25 -> 72.3).
double round1(double value);

/// Scores `occurrences` (from a Matcher over `doc`) against `set`.
ScoreReport score_occurrences(const KeywordSet& set, const Document& doc,
                              const std::vector<Occurrence>& occurrences);

/// Tokenises, matches and scores `doc`. Fails only on RE2 resource errors.
Result<ScoreReport> score_document(const Matcher& matcher, const Document& doc);

}  // namespace ra
