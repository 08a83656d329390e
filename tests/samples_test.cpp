// The bundled samples end to end: exact extracted text for every file, and
// the same résumé scoring alike in every format.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>

namespace {

const char* const kSamples[] = {
    "strong-ml-engineer.txt",  "strong-ml-engineer.html", "strong-ml-engineer.docx",
    "strong-ml-engineer.libreoffice.docx",
    "weak-ml-engineer.txt",    "weak-ml-engineer.html",   "weak-ml-engineer.docx",
    "weak-ml-engineer.libreoffice.docx",
};

ra::Document read_sample(const std::string& name) {
  ra::Result<ra::Document> doc = ra::read_document(ra::test::built_plugins(), name, ra::test::sample(name));
  if (!doc) FAIL(doc.error().message);
  return std::move(doc).value();
}

double score_of(const std::string& name) {
  static const ra::Role role = std::move(ra::Role::compile(
      std::move(ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR})).value())).value();
  return std::move(role.analyse(read_sample(name))).value().score;
}

}  // namespace

TEST_CASE("each sample extracts to exactly its expected text", "[samples]") {
  for (const char* name : kSamples) {
    INFO(name);
    const ra::Document doc = read_sample(name);
    const std::string expected_file = std::string(RA_TEST_DATA_DIR) + "/expected/" + name + ".extract";
    if (std::getenv("RA_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(expected_file, std::ios::binary) << doc.text << '\n';
    }
    CHECK(doc.text + '\n' == ra::test::read_file(expected_file));
  }
}

TEST_CASE("samples are read by the plugin their content calls for", "[samples]") {
  CHECK(read_sample("strong-ml-engineer.docx").format == "docx");
  CHECK(read_sample("strong-ml-engineer.libreoffice.docx").format == "docx");
  CHECK(read_sample("strong-ml-engineer.html").format == "html");
  CHECK(read_sample("strong-ml-engineer.txt").format == "text");
}

TEST_CASE("the same résumé scores within 3 points in every format", "[samples]") {
  for (const std::string stem : {"strong-ml-engineer", "weak-ml-engineer"}) {
    const double txt = score_of(stem + ".txt");
    for (const std::string ext : {".html", ".docx", ".libreoffice.docx"}) {
      INFO(stem + ext << " vs .txt " << txt);
      CHECK(std::abs(score_of(stem + ext) - txt) <= 3.0);
    }
  }
}

TEST_CASE("the strong sample outscores the weak one by a wide margin", "[samples]") {
  CHECK(score_of("strong-ml-engineer.txt") - score_of("weak-ml-engineer.txt") >= 40.0);
}
