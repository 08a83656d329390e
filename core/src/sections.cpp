#include "resume_analyser/sections.hpp"

#include "resume_analyser/text.hpp"

#include <algorithm>
#include <unordered_map>

namespace ra {
namespace {

/// Headings by kind, as the case-folded words of the line joined by single
/// spaces ('&' read as "and").
const std::unordered_map<std::string, SectionKind>& headings() {
  static const std::unordered_map<std::string, SectionKind> table = [] {
    std::unordered_map<std::string, SectionKind> t;
    auto add = [&](SectionKind kind, std::initializer_list<const char*> names) {
      for (const char* n : names) t.emplace(n, kind);
    };
    add(SectionKind::kSummary,
        {"summary", "professional summary", "career summary", "executive summary", "profile",
         "professional profile", "about", "about me", "objective", "career objective", "overview",
         "personal statement", "summary of qualifications"});
    add(SectionKind::kSkills,
        {"skills", "technical skills", "core skills", "key skills", "skills and tools",
         "skills and technologies", "tools and technologies", "technologies", "core competencies",
         "competencies", "areas of expertise", "expertise", "technical expertise", "tech stack",
         "skills summary", "technical proficiencies"});
    add(SectionKind::kExperience,
        {"experience", "work experience", "professional experience", "relevant experience",
         "employment", "employment history", "work history", "career history",
         "professional background", "industry experience", "experience and employment"});
    add(SectionKind::kEducation,
        {"education", "academic background", "education and training", "academic qualifications",
         "educational background", "education and certifications", "qualifications"});
    add(SectionKind::kProjects,
        {"projects", "selected projects", "personal projects", "key projects", "side projects",
         "academic projects", "portfolio", "open source", "open source projects",
         "projects and open source"});
    add(SectionKind::kCertifications,
        {"certifications", "certificates", "certification", "licenses and certifications",
         "licences and certifications", "certifications and training", "courses", "training",
         "professional development", "certifications and courses"});
    add(SectionKind::kOther,
        {"publications", "awards", "honors", "honours", "awards and honors", "languages",
         "interests", "hobbies", "volunteering", "volunteer experience", "references", "contact",
         "leadership", "activities", "patents", "talks", "presentations", "affiliations"});
    return t;
  }();
  return table;
}

/// The heading key of the line `line` (text[line_begin, ...)) whose tokens
/// are [first, last), or "" when the line is no heading's shape.
std::string heading_key(std::string_view text, std::size_t line_begin, std::string_view line,
                        const Token* first, const Token* last) {
  if (first == last || last - first > 5) return "";
  std::string key;
  for (const Token* t = first; t != last; ++t) {
    // Only spaces, '&', ',' or '/' may stand between the words of a heading.
    if (t != first) {
      const std::string_view between = text.substr(t[-1].end, t->begin - t[-1].end);
      for (char c : between) {
        if (c != ' ' && c != '\t' && c != '&' && c != ',' && c != '/') return "";
      }
      key += ' ';
      if (between.find('&') != std::string_view::npos || between.find('/') != std::string_view::npos) {
        key += "and ";
      }
    }
    key += t->folded;
  }
  // Nothing but an optional ':' may follow, and nothing may precede.
  const std::string_view before = line.substr(0, first->begin - line_begin);
  const std::string_view after = line.substr(last[-1].end - line_begin);
  auto blank = [](std::string_view s, std::string_view allowed) {
    return std::all_of(s.begin(), s.end(), [&](char c) { return allowed.find(c) != std::string_view::npos; });
  };
  if (!blank(before, " \t#*") || !blank(after, " \t:*")) return "";
  return key;
}

}  // namespace

const char* section_name(SectionKind kind) noexcept {
  switch (kind) {
    case SectionKind::kTop: return "top";
    case SectionKind::kSummary: return "summary";
    case SectionKind::kSkills: return "skills";
    case SectionKind::kExperience: return "experience";
    case SectionKind::kEducation: return "education";
    case SectionKind::kProjects: return "projects";
    case SectionKind::kCertifications: return "certifications";
    case SectionKind::kOther: return "other";
  }
  return "other";
}

std::vector<Section> detect_sections(std::string_view text) { return detect_sections(text, tokenize(text)); }

std::vector<Section> detect_sections(std::string_view text, const Tokens& tokens) {
  std::vector<Section> sections{Section{}};
  const Token* first = tokens.begin();  // the first token of the line
  const Token* const tokens_end = tokens.end();
  std::uint32_t line_no = 0;
  for (std::size_t start = 0; start <= text.size(); ++line_no) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    while (first != tokens_end && first->line < line_no) ++first;
    if (line.size() <= 60) {
      const Token* last = first;
      while (last != tokens_end && last->line == line_no) ++last;
      const auto it = headings().find(heading_key(text, start, line, first, last));
      if (it != headings().end()) {
        const std::size_t b = line.find_first_not_of(" \t#*");
        const std::size_t e = line.find_last_not_of(" \t:*");
        sections.push_back({it->second, std::string(line.substr(b, e + 1 - b)), line_no});
      }
    }
    start = end + 1;
  }
  return sections;
}

const Section& section_of_line(const std::vector<Section>& sections, std::uint32_t line) {
  auto it = std::upper_bound(sections.begin(), sections.end(), line,
                             [](std::uint32_t l, const Section& s) { return l < s.first_line; });
  return it == sections.begin() ? sections.front() : *std::prev(it);
}

}  // namespace ra
