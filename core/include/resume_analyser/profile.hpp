// What a résumé says about its owner beyond keywords: degrees and fields of
// study, and years of professional experience from dated roles.
#pragma once

#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/sections.hpp"
#include "resume_analyser/text.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

/// A calendar month. Ordered; `index()` counts months from year 0.
struct YearMonth {
  int year = 0;
  int month = 1;  // 1..12
  int index() const noexcept { return year * 12 + (month - 1); }
  bool operator<(const YearMonth& o) const noexcept { return index() < o.index(); }
  bool operator==(const YearMonth& o) const noexcept { return index() == o.index(); }
  std::string text() const;  // "2023-03"
};

/// The current month (UTC).
YearMonth this_month();

struct DegreeMention {
  Degree degree = Degree::kNone;
  std::string text;                 // as written: "M.S.", "Bachelor of Science"
  std::uint32_t line = 0;           // 0-based
  std::vector<std::string> fields;  // fields of study named on the same line
};

struct EducationFound {
  Degree highest = Degree::kNone;
  std::vector<DegreeMention> degrees;  // in text order
};

/// Finds degrees (bachelor's, master's, Ph.D. and their abbreviations:
/// B.Sc., BS, M.S., MSc, PhD, ...) and, on the same line, the fields of study
/// given at construction. Only the Education section is read when there is
/// one (so "MS" in "MS Office" under Skills is no master's degree); otherwise
/// the whole text. Two-letter abbreviations (BS, BA, MS, MA) count only in
/// capitals. Construct once, use from any thread.
class EducationDetector {
 public:
  explicit EducationDetector(const std::vector<std::string>& fields);
  ~EducationDetector();
  EducationDetector(EducationDetector&&) noexcept;
  EducationDetector& operator=(EducationDetector&&) noexcept;

  EducationFound detect(std::string_view text, const Tokens& tokens,
                        const std::vector<Section>& sections) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct DatedRole {
  YearMonth start;
  YearMonth end;         // `as_of` for "Present"
  bool present = false;  // ended "Present", "Current", "Now", "Today"
  std::uint32_t line = 0;
  std::string text;      // the date range as written
};

struct ExperienceFound {
  std::vector<DatedRole> roles;  // in text order
  int months = 0;                // union of the roles, inclusive of both ends
  double years = 0;              // months / 12, one decimal
};

/// A date range as written in a line: the whole of it and its two ends,
/// views into the text searched.
struct DateRangeSpan {
  std::string_view range;  // "Jan 2020 - Present"
  std::string_view from;   // "Jan 2020"
  std::string_view to;     // "Present"
};

/// The first date range in `text` (normalised: see normalize_text), as this
/// regular expression finds it, case-insensitively, leftmost first:
///   \b((DATE) *(?:-|to|until|through|till) *(DATE|present|current|now|today|date))\b
/// where DATE is `MONTH +\d{4}`, `(?:0?[1-9]|1[0-2])/\d{4}`,
/// `\d{4}-(?:0[1-9]|1[0-2])\b` or `\d{4}`, and MONTH an English month name,
/// whole or cut to its first three letters ("Sept" too), with an optional
/// '.'. `range` is the first group, `from` and `to` the others. Written out
/// by hand: the expression's submatches cost several thousand instructions
/// a range. No range: nullopt.
std::optional<DateRangeSpan> find_date_range(std::string_view text);

/// Years of professional experience from date ranges ("March 2023 - Present",
/// "07/2020 - 02/2023", "2016 - 2018"). Reads the Experience section when
/// there is one, otherwise every line outside Education. Overlapping roles
/// count once; a year alone counts as its January; ranges that end before
/// they start or start after `as_of` are ignored.
ExperienceFound estimate_experience(std::string_view text, const std::vector<Section>& sections,
                                    YearMonth as_of);

/// The level of the highest band whose min_years <= the completed years
/// (floor of `years`), or "" when `levels` is empty.
std::string experience_level(const std::vector<ExperienceLevel>& levels, double years);

}  // namespace ra
