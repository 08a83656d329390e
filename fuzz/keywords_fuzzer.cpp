// libFuzzer target for the role-file loader.
//
// Each input is parsed as a keyword file labelled "fuzz-role", so a role it
// `extends` is looked up in the working folder (fuzz/run.sh runs this target
// in a folder holding the bundled and test roles). The label has no ".yaml"
// on purpose: with one, the loader requires the file's `id` to equal the
// file name ("fuzz"), which no seed has, so every input stopped at the id
// check and nothing after it (keywords, weights, extends, competencies,
// compile, analysis) was ever fuzzed. That check has Catch2 tests. A set that loads is
// compiled with ra::Role::compile and, when that works, analyses a fixed
// small document, whose report is then printed as text and JSON (to a
// string) as the CLI would.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/report.hpp"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

namespace {

// Sections, a header, a table, hidden text, dates, degrees, single-letter
// languages and the usual keyword traps: something for every part of the
// analysis to read.
const ra::Document& fixed_document() {
  static const ra::Document doc = ra::make_document(
      "fuzz.docx", "docx",
      {{ra::Zone::kHeader, "Jane R. Doe | jane@example.com | +1 555 0100"},
       {ra::Zone::kBody,
        "Summary\nMachine learning engineer: Python, R, SQL, C/C++ and k8s; R&D on NLP.\n"
        "Skills\nPython (3.11), R (4.3), PyTorch, scikit-learn, TensorFlow, Docker, Kubernetes\n"
        "AWS SageMaker, A/B testing, MLflow, Spark, fine-\ntuning, deployed machine learning models\n"
        "Experience\nSenior ML Engineer, Acme — March 2021 – Present\n"
        "Deployed models to production; built data pipelines; mentored two engineers.\n"
        "ML Engineer, Initech — 07/2017 - 02/2021\nCollaborative filtering, A/B tests, Node.js.\n"
        "Projects\nOpen-source ﬁne-tuning toolkit; Python/R bindings.\n"
        "Education\nM.S. in Computer Science, 2017\nB.Sc. Mathematics, 2015\n"
        "Certifications\nAWS Certified Machine Learning"},
       {ra::Zone::kTable, "Languages\tPython\tJava\tScala"},
       {ra::Zone::kHidden, "Kubernetes TensorFlow PyTorch"},
       {ra::Zone::kFooter, "References on request"}});
  return doc;
}

// RA_FUZZ_ALLOW_MULTILINE_ERRORS=1 skips the one-line check of error
// messages, to look for other findings while that one is open.
const bool g_allow_multiline = [] {
  const char* v = std::getenv("RA_FUZZ_ALLOW_MULTILINE_ERRORS");
  return v != nullptr && *v != '\0' && *v != '0';
}();

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view yaml(reinterpret_cast<const char*>(data), size);
  ra::Result<ra::KeywordSet> set = ra::parse_keyword_set(yaml, "fuzz-role");
  if (!set) {
    // Result's contract: one line (no LF, no CR), not empty.
    const std::string& message = set.error().message;
    if (message.empty() ||
        (!g_allow_multiline && message.find_first_of("\r\n") != std::string::npos)) {
      std::fprintf(stderr, "fuzz_keywords: error message is empty or not one line: \"");
      for (const unsigned char c : message) {
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') std::fputc(c, stderr);
        else std::fprintf(stderr, "\\x%02x", c);
      }
      std::fprintf(stderr, "\"\n");
      std::abort();
    }
    return 0;
  }
  ra::Result<ra::Role> role = ra::Role::compile(std::move(set).value());
  if (!role) return 0;
  ra::AnalysisOptions options;
  options.as_of = {2026, 1};
  ra::Result<ra::Report> report = role->analyse(fixed_document(), options);
  if (!report) return 0;
  std::ostringstream out;
  ra::write_score_text(out, *report);
  ra::write_score_json(out, *report);
  ra::write_missing_text(out, *report);
  ra::write_missing_json(out, *report);
  return 0;
}
