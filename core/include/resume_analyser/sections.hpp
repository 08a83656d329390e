// Résumé sections (Summary, Skills, Experience, ...) found from headings.
#pragma once

#include "resume_analyser/text.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

enum class SectionKind : std::uint8_t {
  kTop,  // before the first heading: name and contact details
  kSummary,
  kSkills,
  kExperience,
  kEducation,
  kProjects,
  kCertifications,
  kOther,  // a heading of another kind (Publications, Awards, Interests, ...)
};

const char* section_name(SectionKind kind) noexcept;  // "top", "summary", "skills", ...

struct Section {
  SectionKind kind = SectionKind::kTop;
  std::string heading;           // the heading line as written ("" for kTop)
  std::uint32_t first_line = 0;  // 0-based line of the heading (0 for kTop)
};

/// Sections of `text` in order; the first is always kTop. A heading is a
/// line of at most five words that, trimmed and without a trailing ':', is
/// one of the usual headings of its kind in any case: "Work Experience",
/// "TECHNICAL SKILLS", "Education:", "Licenses & Certifications"... (the full
/// list is in sections.cpp).
std::vector<Section> detect_sections(std::string_view text);

/// The same, given `tokens` = tokenize(text): the text is not tokenised
/// again. Linear in the text.
std::vector<Section> detect_sections(std::string_view text, const Tokens& tokens);

/// The section holding 0-based `line` (sections as returned above).
const Section& section_of_line(const std::vector<Section>& sections, std::uint32_t line);

}  // namespace ra
