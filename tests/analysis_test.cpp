// Role::analyse on small documents: competency verdicts, evidence places,
// listed-but-not-demonstrated, stuffing, hidden text and readability warnings.
#include "resume_analyser/analysis.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

namespace {

const ra::Role& base_role() {
  static const ra::Role role = std::move(ra::Role::compile(std::move(ra::load_keyword_set(
      std::filesystem::path(RA_TEST_DATA_DIR) / "roles" / "base.yaml")).value())).value();
  return role;
}

ra::Report analyse(std::vector<ra::TextChunk> chunks) {
  ra::AnalysisOptions options;
  options.as_of = {2026, 11};
  return std::move(base_role().analyse(ra::make_document("cv.docx", "docx", chunks), options)).value();
}

ra::Report analyse(const std::string& body) { return analyse({{ra::Zone::kBody, body}}); }

const std::string kContact = "Jane Doe\njane@example.com\n";

std::vector<std::string> warning_codes(const ra::Report& r) {
  std::vector<std::string> codes;
  for (const ra::Warning& w : r.flags.warnings) codes.push_back(w.code);
  return codes;
}

}  // namespace

TEST_CASE("competency rows are met, partly met or not met, with their evidence", "[analysis]") {
  ra::Report r = analyse(kContact + "Skills\nPython\nExperience\nWe deployed models with Docker.");
  REQUIRE(r.competencies.size() == 2);
  CHECK(r.competencies[0].verdict == ra::Verdict::kMet);  // Programming: Python or R, needs 1
  REQUIRE(r.competencies[0].found.size() == 1);
  CHECK(r.competencies[0].found[0].item == 0);
  CHECK(r.competencies[0].found[0].where.text == "Python");
  CHECK(r.competencies[0].found[0].where.line == 3);
  CHECK(r.competencies[0].found[0].where.section == ra::SectionKind::kSkills);
  CHECK(r.competencies[1].verdict == ra::Verdict::kMet);  // Shipping: Docker + "deploy models"
  REQUIRE(r.competencies[1].found.size() == 2);
  CHECK(r.competencies[1].found[1].where.text == "deployed models");

  r = analyse(kContact + "Experience\nShipped with Docker.");
  CHECK(r.competencies[0].verdict == ra::Verdict::kNotMet);
  CHECK(r.competencies[1].verdict == ra::Verdict::kPartlyMet);
}

TEST_CASE("a keyword only in Skills is listed, not demonstrated", "[analysis]") {
  const ra::Report r = analyse(kContact + "Skills\nPython, Docker\nExperience\nShipped services in Docker.");
  REQUIRE(r.matched.size() == 2);
  CHECK(r.matched[0].places[0].section == ra::SectionKind::kSkills);
  CHECK(r.matched[0].listed_only);       // Python
  CHECK_FALSE(r.matched[1].listed_only); // Docker, also in Experience
  // Without Experience or Projects sections nothing can be called undemonstrated.
  CHECK_FALSE(analyse(kContact + "Skills\nPython").matched[0].listed_only);
}

TEST_CASE("a stuffed keyword is left out of the score and reported", "[analysis]") {
  const ra::Report r = analyse(kContact + "Python Python Python Python Python and Docker in this short text");
  REQUIRE(r.flags.stuffed.size() == 1);
  CHECK(r.flags.stuffed[0].count == 5);
  CHECK(r.score == 14.3);  // Docker only: 1 of 3+3+1
  CHECK(r.flags.warnings[0].message ==
        "'Python' appears 5 times (31.2% of words): left out of the score as keyword stuffing");
  CHECK(analyse(kContact + "Python, Docker").score == 57.1);
}

TEST_CASE("hidden text is reported with the keywords it names, never scored", "[analysis]") {
  const ra::Report r = analyse({{ra::Zone::kBody, kContact + "Python"}, {ra::Zone::kHidden, "Docker, R and Python"}});
  CHECK(r.score == 42.9);
  CHECK(r.flags.hidden_words == 4);
  REQUIRE(r.flags.hidden_keywords.size() == 3);
  CHECK(r.flags.warnings[0].code == "hidden-text");
  CHECK(r.flags.warnings[0].message ==
        "4 words of hidden text (invisible formatting) were left out of the score; they name Docker, R, Python");
}

TEST_CASE("screening-readability warnings", "[analysis]") {
  CHECK(warning_codes(analyse("Python developer")) == std::vector<std::string>{"no-contact-details"});
  CHECK(warning_codes(analyse(kContact + "Python")).empty());
  CHECK(warning_codes(analyse({{ra::Zone::kHeader, kContact}, {ra::Zone::kBody, "Python"}})) ==
        std::vector<std::string>{"contact-in-header-footer"});
  CHECK(warning_codes(analyse({{ra::Zone::kBody, kContact}, {ra::Zone::kTextBox, "Python"}})) ==
        std::vector<std::string>{"text-boxes"});
  CHECK(warning_codes(analyse({{ra::Zone::kBody, kContact}, {ra::Zone::kTable, "Skills\tPython"}})).empty());
  CHECK(warning_codes(analyse({{ra::Zone::kBody, kContact}, {ra::Zone::kTable, "Experience\nAcme\tPython"}})) ==
        std::vector<std::string>{"layout-tables"});
}

TEST_CASE("education and experience are judged against the role", "[analysis]") {
  ra::Report r = analyse(kContact + "Experience\nJan 2020 - Present\nEducation\nB.Sc. in Statistics");
  CHECK(r.education.found.highest == ra::Degree::kBachelor);
  CHECK(r.education.meets_minimum);
  CHECK_FALSE(r.education.meets_preferred);
  CHECK(r.education.field_matches);
  CHECK(r.experience.found.years == 6.9);
  CHECK(r.experience.level == "mid");
  r = analyse(kContact + "Self-taught");
  CHECK_FALSE(r.education.meets_minimum);
  CHECK(r.experience.level == "junior");
}
