// Printers for analysis reports: one for people, one for machines (JSON).
// The JSON schema is documented in README "JSON output"; `schema_version`
// changes whenever a field changes meaning or disappears (fields may be added
// within a version).
#pragma once

#include "resume_analyser/analysis.hpp"

#include <ostream>
#include <vector>

namespace ra {

inline constexpr int kReportSchemaVersion = 2;

/// How text output looks: plain, or with ANSI colours and bars (the CLI uses
/// them when stdout is a terminal and NO_COLOR is not set).
struct TextStyle {
  bool color = false;
};

/// `resume-analyser score --format text`.
void write_score_text(std::ostream& out, const Report& report, const TextStyle& style = {});
/// `resume-analyser score --format json`: one JSON object and a newline.
void write_score_json(std::ostream& out, const Report& report);
/// `resume-analyser missing --format text`: missing keywords, most important first.
void write_missing_text(std::ostream& out, const Report& report);
/// `resume-analyser missing --format json`.
void write_missing_json(std::ostream& out, const Report& report);
/// `resume-analyser fit`: one line (or JSON object) per role, in the order
/// given (best first), with the role's five most important missing keywords.
void write_fit(std::ostream& out, const std::vector<Report>& reports, bool json);

}  // namespace ra
