// Section headings as résumé writers write them.
#include "resume_analyser/sections.hpp"

#include <catch2/catch.hpp>

namespace {
std::string kinds(const std::string& text) {
  std::string out;
  for (const ra::Section& s : ra::detect_sections(text)) {
    out += std::string(out.empty() ? "" : " ") + ra::section_name(s.kind) + "@" + std::to_string(s.first_line);
  }
  return out;
}
}  // namespace

TEST_CASE("headings start sections; the text before them is the top", "[sections]") {
  CHECK(kinds("Jane Doe\njane@example.com\nSUMMARY\nML engineer.\nTechnical Skills:\nPython\n"
              "Work Experience\nAcme\nEducation\nM.S.\nProjects\nx\nLicenses & Certifications\nAWS") ==
        "top@0 summary@2 skills@4 experience@6 education@8 projects@10 certifications@12");
}

TEST_CASE("heading variants and what is not a heading", "[sections]") {
  CHECK(kinds("## Professional Experience") == "top@0 experience@0");
  CHECK(kinds("Skills & Tools") == "top@0 skills@0");
  CHECK(kinds("  Core Competencies  ") == "top@0 skills@0");
  CHECK(kinds("Publications") == "top@0 other@0");
  CHECK(kinds("My skills include Python") == "top@0");       // a sentence, not a heading
  CHECK(kinds("Experience with Kubernetes") == "top@0");     // starts like one, is not
  CHECK(kinds("Education - M.S. 2018") == "top@0");
  CHECK(kinds("Skills: Python, SQL") == "top@0");            // a skills line, not a heading
}

TEST_CASE("section_of_line finds the enclosing section", "[sections]") {
  const std::vector<ra::Section> s = ra::detect_sections("Name\nSkills\nPython\nExperience\nAcme");
  CHECK(ra::section_of_line(s, 0).kind == ra::SectionKind::kTop);
  CHECK(ra::section_of_line(s, 1).kind == ra::SectionKind::kSkills);
  CHECK(ra::section_of_line(s, 2).kind == ra::SectionKind::kSkills);
  CHECK(ra::section_of_line(s, 4).kind == ra::SectionKind::kExperience);
  CHECK(ra::section_of_line(s, 4).heading == "Experience");
}
