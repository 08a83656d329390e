// The scoring formula on fixed inputs: exact numbers.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/report.hpp"

#include <catch2/catch.hpp>

#include <sstream>

namespace {

const char* const kSet = R"(format: 1
id: mini
name: Mini role
categories:
  - id: languages
    name: Languages
    keywords:
      - {name: Python, weight: 3, sources: [{guide: g, quote: q}]}
      - {name: SQL, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: Scala, weight: 1, sources: [{guide: g, quote: q}]}
  - id: cloud
    name: Cloud
    keywords:
      - {name: AWS, weight: 3, sources: [{guide: g, quote: q}]}
      - {name: Docker, weight: 1, sources: [{guide: g, quote: q}]}
)";

const ra::Role& mini_role() {
  static const ra::Role role =
      std::move(ra::Role::compile(std::move(ra::parse_keyword_set(kSet, "mini.yaml")).value())).value();
  return role;
}

ra::Report score(const std::string& text) {
  const ra::Document doc = ra::make_document("cv.txt", "text", {{ra::Zone::kBody, text}});
  ra::AnalysisOptions options;
  options.as_of = {2026, 11};
  return std::move(mini_role().analyse(doc, options)).value();
}

}  // namespace

TEST_CASE("score is weighted coverage, overall and per category", "[score]") {
  // Found: Python (3), Scala (1), Docker (1) of 3+2+1+3+1 = 10.
  const ra::Report r = score("Python and Scala\nPython, Docker");
  CHECK(r.score == 50.0);
  REQUIRE(r.categories.size() == 2);
  CHECK(r.categories[0].score == 66.7);  // 4 of 6
  CHECK(r.categories[0].matched == 2);
  CHECK(r.categories[0].total == 3);
  CHECK(r.categories[1].score == 25.0);  // 1 of 4
  REQUIRE(r.matched.size() == 3);
  CHECK(r.matched[0].keyword == 0);  // Python: heaviest first
  CHECK(r.matched[0].count == 2);
  REQUIRE(r.matched[0].places.size() == 2);
  CHECK(r.matched[0].places[1].line == 1);
  CHECK(r.matched[0].places[1].text == "Python");
  CHECK(r.missing == std::vector<std::size_t>{3, 1});  // AWS (3) before SQL (2)
}

TEST_CASE("repeating a keyword does not raise the score", "[score]") {
  CHECK(score("Python").score == score("Python and Python and Python").score);
  CHECK(score("").score == 0.0);
  CHECK(score("Python SQL Scala AWS Docker").score == 100.0);
}

TEST_CASE("round1 rounds half away from zero", "[score]") {
  CHECK(ra::round1(72.25) == 72.3);
  CHECK(ra::round1(66.666) == 66.7);
  CHECK(ra::round1(0.04) == 0.0);
}

TEST_CASE("text report shows the score, categories, finds and gaps", "[score]") {
  std::ostringstream out;
  ra::write_score_text(out, score("Python and Scala\nPython, Docker"));
  CHECK(out.str() ==
        "cv.txt: 50.0/100 for Mini role (read as text)\n"
        "\n"
        "Categories\n"
        "  Languages   66.7  2/3\n"
        "  Cloud       25.0  1/2\n"
        "\n"
        "Found (3):\n"
        "  Python x2, Scala, Docker\n"
        "\n"
        "Missing (2), most important first:\n"
        "  AWS  (weight 3, Cloud)\n"
        "  SQL  (weight 2, Languages)\n"
        "\n"
        "Education: no degree found\n"
        "Experience: 0.0 years from 0 dated roles (as of 2026-11)\n"
        "Sections:\n"
        "\n"
        "Warnings\n"
        "  - no email address or phone number found\n");
}

TEST_CASE("missing JSON lists gaps by weight", "[score]") {
  std::ostringstream out;
  ra::write_missing_json(out, score("Python and Scala\nPython, Docker"));
  CHECK(out.str() == R"({
  "schema_version": 2,
  "file": "cv.txt",
  "format": "text",
  "role": "mini",
  "role_name": "Mini role",
  "as_of": "2026-11",
  "score": 50.0,
  "missing": [
    {
      "keyword": "AWS",
      "category": "cloud",
      "weight": 3
    },
    {
      "keyword": "SQL",
      "category": "languages",
      "weight": 2
    }
  ]
}
)");
}

TEST_CASE("hidden text is kept out of the text that is scored", "[score]") {
  const ra::Document doc = ra::make_document(
      "cv.docx", "docx",
      {{ra::Zone::kHeader, "Jane Doe"}, {ra::Zone::kHidden, "AWS Docker"}, {ra::Zone::kBody, "Python"},
       {ra::Zone::kHidden, "Scala"}});
  CHECK(doc.text == "Jane Doe\nPython");
  CHECK(doc.hidden_text == "AWS Docker\nScala");
  CHECK(doc.zone_of_line(0) == ra::Zone::kHeader);
  CHECK(doc.zone_of_line(1) == ra::Zone::kBody);
}
