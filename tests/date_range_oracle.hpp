// The regular expression find_date_range() was written from (profile.hpp),
// as RE2 runs it: the oracle profile_test.cpp and fuzz_analysis check the
// hand-written search against.
#pragma once

#include "resume_analyser/profile.hpp"

#include <re2/re2.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ra::test {

inline const RE2& date_range_oracle() {
  static const RE2 re = [] {
    const std::string month =
        "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
    const std::string date = "(?:" + month + " +\\d{4}|(?:0?[1-9]|1[0-2])/\\d{4}|\\d{4}-(?:0[1-9]|1[0-2])\\b|\\d{4})";
    RE2::Options options;
    options.set_case_sensitive(false);
    return RE2("\\b((" + date + ") *(?:-|to|until|through|till) *(" + date + "|present|current|now|today|date))\\b",
               options);
  }();
  return re;
}

/// Searches `line` for one range after another, as estimate_experience()
/// does, with both find_date_range() and the oracle. Returns "" when they
/// agree on every range, else what differs; `*ranges` counts the ranges.
inline std::string compare_date_ranges(std::string_view line, std::size_t* ranges = nullptr) {
  std::string_view ours = line;
  re2::StringPiece theirs(line.data(), line.size());
  while (true) {
    re2::StringPiece groups[4];
    const bool expected = date_range_oracle().Match(theirs, 0, theirs.size(), RE2::UNANCHORED, groups, 4);
    const std::optional<DateRangeSpan> got = find_date_range(ours);
    if (got.has_value() != expected) return expected ? "RE2 finds a range that find_date_range does not" : "find_date_range finds a range that RE2 does not";
    if (!expected) return "";
    const auto same = [](std::string_view a, re2::StringPiece b) { return a.data() == b.data() && a.size() == b.size(); };
    if (!same(got->range, groups[1])) return "the ranges differ: '" + std::string(got->range) + "', '" + std::string(groups[1]) + "'";
    if (!same(got->from, groups[2])) return "the starts differ: '" + std::string(got->from) + "', '" + std::string(groups[2]) + "'";
    if (!same(got->to, groups[3])) return "the ends differ: '" + std::string(got->to) + "', '" + std::string(groups[3]) + "'";
    if (ranges != nullptr) ++*ranges;
    theirs.remove_prefix(static_cast<std::size_t>(groups[0].end() - theirs.begin()));
    ours.remove_prefix(static_cast<std::size_t>(got->range.end() - ours.begin()));
  }
}

}  // namespace ra::test
