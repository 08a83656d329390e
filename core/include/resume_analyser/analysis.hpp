// Analysing a résumé against a role: the score, where each keyword was found,
// competency verdicts, education, experience and honesty flags.
//
// Score. For keywords k with weights w(k) in 1..3 and found(k) = 1 when the
// keyword counts (found at least once and not stuffed):
//   score = 100 * sum(w(k) * found(k)) / sum(w(k))
// overall, and per category over its own keywords. Rounded to one decimal,
// half away from zero. Repeating a keyword never raises the score. See README
// "Scoring".
#pragma once

#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/matcher.hpp"
#include "resume_analyser/profile.hpp"
#include "resume_analyser/result.hpp"
#include "resume_analyser/sections.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ra {

/// Rounds to one decimal, half away from zero (72.25 -> 72.3).
double round1(double value);

/// Where something was found: the words as written, and their place in the
/// text `resume-analyser extract` prints.
struct Location {
  std::string text;
  std::uint32_t line = 0;  // 0-based
  Zone zone = Zone::kBody;
  SectionKind section = SectionKind::kTop;
};

struct KeywordHit {
  std::size_t keyword = 0;
  int count = 0;
  std::vector<Location> places;  // one per occurrence, in text order
  /// Found only in Skills (or Summary/top) and never in Experience or
  /// Projects, while the résumé has such sections: listed, not demonstrated.
  bool listed_only = false;
  bool stuffed = false;  // over the density limit: does not count
};

struct CategoryScore {
  std::size_t category = 0;
  double score = 0;
  int matched = 0;  // keywords that count
  int total = 0;
};

enum class Verdict : std::uint8_t { kMet, kPartlyMet, kNotMet };
const char* verdict_name(Verdict v) noexcept;  // "met", "partly met", "not met"

struct EvidenceFound {
  std::size_t item = 0;  // index into CompetencyRow::evidence
  Location where;        // first place it was found
};

struct RowResult {
  std::size_t table = 0;  // index into KeywordSet::competencies
  std::size_t row = 0;
  Verdict verdict = Verdict::kNotMet;
  std::vector<EvidenceFound> found;
};

struct EducationResult {
  EducationFound found;
  bool meets_minimum = true;    // true when the role sets no minimum
  bool meets_preferred = true;  // true when the role sets no preference
  bool field_matches = false;   // a degree names a field the role lists
};

struct ExperienceResult {
  ExperienceFound found;
  std::string level;  // from the role's experience_levels, or ""
};

struct StuffedKeyword {
  std::size_t keyword = 0;
  int count = 0;
  double density = 0;  // occurrences per word of the résumé
};

struct Warning {
  std::string code;     // stable id: "hidden-text", "contact-in-header-footer", ...
  std::string message;  // one line for people
};

struct Flags {
  int hidden_words = 0;                    // words of hidden text (kept out of the score)
  std::vector<std::size_t> hidden_keywords;  // role keywords found in hidden text
  std::vector<StuffedKeyword> stuffed;
  std::vector<Warning> warnings;           // screening-readability and honesty warnings
};

/// A term in a job posting that looks like a tool or technology name (mixed
/// case like "LangChain", letters with digits like "S3" or "GPT-4", a '.',
/// '+' or '#' inside it like "Next.js", or a short all-capitals acronym) but
/// that no role knows: reported so the user sees it, never scored.
struct UnknownTerm {
  std::string text;
  int count = 0;
  std::uint32_t first_line = 0;  // 0-based line in the posting
};

/// Set when the report scores a résumé against a job posting (--job).
struct JobInfo {
  std::string file;
  std::string title;
  std::vector<UnknownTerm> unknown;
};

struct Report {
  const KeywordSet* set = nullptr;
  std::string file;
  std::string format;
  double score = 0;
  std::vector<CategoryScore> categories;  // role-file order
  std::vector<KeywordHit> matched;        // by weight, then count, then role-file order
  std::vector<std::size_t> missing;       // keyword indexes by weight, then role-file order
  std::vector<Section> sections;
  std::vector<RowResult> competencies;    // table order, row order
  EducationResult education;
  ExperienceResult experience;
  Flags flags;
  int words = 0;                          // tokens in the scored text
  YearMonth as_of;                        // what "Present" meant
  std::optional<JobInfo> job;             // set by the caller for --job
};

struct AnalysisOptions {
  YearMonth as_of = this_month();  // what "Present" means
  /// A keyword stuffs when it is at least `stuffing_min_count` times in the
  /// résumé and above `stuffing_density` of its words (4 %, as ats-checker).
  double stuffing_density = 0.04;
  int stuffing_min_count = 5;
};

/// A role compiled for analysis. Build once, analyse many documents, from
/// any number of threads.
class Role {
 public:
  /// Fails when an RE2 pattern of the role cannot be compiled.
  static Result<Role> compile(KeywordSet set);

  Role(Role&&) noexcept;
  Role& operator=(Role&&) noexcept;
  ~Role();

  const KeywordSet& keyword_set() const noexcept;

  /// Fails only when RE2 runs out of memory.
  Result<Report> analyse(const Document& doc, const AnalysisOptions& options = {}) const;

 private:
  struct Impl;
  explicit Role(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace ra
