// The PDF plugin (plugins/pdf), loaded from the built pdf.so.
// Fixtures: tests/data/pdf/, written by LibreOffice through
// make_pdf_fixtures.py there; the samples' pdftotext files by
// samples/make-samples.sh. PDFs that LibreOffice cannot write (200+ pages,
// damaged bytes) are built here.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"

#include "test_support.hpp"

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <future>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;

const ra::FormatPlugin& pdf() { return ra::test::plugin("pdf"); }

std::string data_path(const std::string& name) { return std::string(RA_TEST_DATA_DIR) + "/pdf/" + name; }

std::string fixture(const std::string& name) { return ra::test::read_file(data_path(name)); }

ExtractResult extract(const std::string& bytes, const ExtractLimits& limits = ExtractLimits{}) {
  return pdf().extract(bytes, limits);
}

/// The chunk contract, then the text with zones.
std::string text_of_bytes(const std::string& bytes) {
  const ExtractResult r = extract(bytes);
  INFO(r.message);
  REQUIRE(r.ok());
  for (const ra::TextChunk& c : r.chunks) {
    CHECK(!c.text.empty());
    CHECK(c.text.back() != '\n');
    CHECK(c.text.find("\n\n") == std::string::npos);
  }
  return ra::test::joined(r, true);
}

std::string text_of(const std::string& name) {
  INFO(name);
  return text_of_bytes(fixture(name));
}

/// `text` without any white space, ligatures spelt out: what two extractions
/// of the same page must share whatever their spacing and line breaks.
std::string squeezed(const std::string& text) {
  static const std::pair<std::string, std::string> kLigatures[] = {
      {"\xEF\xAC\x80", "ff"}, {"\xEF\xAC\x81", "fi"}, {"\xEF\xAC\x82", "fl"},
      {"\xEF\xAC\x83", "ffi"}, {"\xEF\xAC\x84", "ffl"}};
  std::string out;
  for (const char c : text) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') out += c;
  }
  for (const auto& [ligature, letters] : kLigatures) {
    for (std::size_t at = out.find(ligature); at != std::string::npos; at = out.find(ligature, at)) {
      out.replace(at, ligature.size(), letters);
    }
  }
  return out;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Standard output of `command`, or nullopt when it fails.
std::optional<std::string> output_of(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string out;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) out.append(buf, n);
  const int status = pclose(pipe);
  if (status != 0) return std::nullopt;
  return out;
}

// ------------------------------------------------------------------ a PDF writer for built inputs

/// A PDF with one page per content stream (Helvetica as /F1), its
/// cross-reference table right; pages are `width` points wide.
std::string make_pdf(const std::vector<std::string>& contents, int width = 612) {
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t i = 0; i < contents.size(); ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(contents.size()) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (std::size_t i = 0; i < contents.size(); ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + std::to_string(width) + " 792] /Resources << /Font << /F1 3 0 R >> >> "
                      "/Contents " + std::to_string(5 + 2 * i) + " 0 R >>");
    objects.push_back("<< /Length " + std::to_string(contents[i].size()) + " >>\nstream\n" + contents[i] +
                      "\nendstream");
  }
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    char line[24];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

/// A content stream writing `lines` in 12 pt Helvetica from the top left.
std::string text_stream(const std::vector<std::string>& lines, double x = 72, double y = 720) {
  std::string s = "BT /F1 12 Tf 14 TL " + std::to_string(x) + " " + std::to_string(y) + " Td\n";
  for (const std::string& line : lines) s += "(" + line + ") Tj T*\n";
  return s + "ET";
}

double score_of(const std::string& name, const std::string& format = "pdf") {
  static const ra::Role role = std::move(ra::Role::compile(
      std::move(ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR})).value())).value();
  ra::Result<ra::Document> doc = ra::read_document(ra::test::built_plugins(), name, ra::test::sample(name));
  if (!doc) FAIL(doc.error().message);
  CHECK(doc.value().format == format);
  return std::move(role.analyse(doc.value())).value().score;
}

}  // namespace

TEST_CASE("pdf plugin describes itself", "[pdf]") {
  const ra::FormatInfo info = pdf().info();
  CHECK(info.name == "pdf");
  CHECK(info.description == "PDF");
  CHECK(info.extensions == std::vector<std::string>{".pdf"});
  CHECK(info.media_types == std::vector<std::string>{"application/pdf"});
  CHECK(info.max_input_bytes == 20u * 1024 * 1024);
}

TEST_CASE("pdf sniff: a %PDF-n.n header within the first KiB", "[pdf]") {
  const std::string doc = fixture("hyphenated.pdf");
  CHECK(pdf().sniff(doc) == 100);
  CHECK(pdf().sniff(std::string(1024, 'x') + doc) == 100);
  CHECK(pdf().sniff(std::string(1025, 'x') + doc) == 0);
  CHECK(pdf().sniff("%PDF") == 0);
  CHECK(pdf().sniff("%PDF-1.7") == 100);
  CHECK(pdf().sniff("<p>A PDF starts with %PDF-, then a version.</p> %PDF-2.0") == 100);
  CHECK(pdf().sniff("<p>A PDF starts with %PDF-, then a version.</p>") == 0);
  CHECK(pdf().sniff("") == 0);
  CHECK(pdf().sniff(ra::test::sample("strong-ml-engineer.docx")) == 0);
  CHECK(pdf().sniff(ra::test::sample("strong-ml-engineer.txt")) == 0);
}

TEST_CASE("pdf samples extract to exactly their expected text", "[pdf]") {
  for (const std::string name : {"strong-ml-engineer.pdf", "weak-ml-engineer.pdf"}) {
    INFO(name);
    const std::string text = text_of_bytes(ra::test::sample(name));
    const std::string expected_file = data_path(name + ".extract");
    if (std::getenv("RA_UPDATE_GOLDEN") != nullptr) std::ofstream(expected_file, std::ios::binary) << text;
    CHECK(text == ra::test::read_file(expected_file));
  }
}

TEST_CASE("pdf text agrees with pdftotext -layout on the LibreOffice samples", "[pdf]") {
  // The committed files are pdftotext -layout output (samples/make-samples.sh
  // writes them). Line breaks and spacing differ by design (pdftotext pads
  // columns with spaces; hyphen and C++ repairs join lines), so the two
  // must agree character for character once white space is removed.
  for (const std::string stem : {"strong-ml-engineer", "weak-ml-engineer"}) {
    INFO(stem);
    const std::string ours = squeezed(text_of_bytes(ra::test::sample(stem + ".pdf")));
    const std::string committed = ra::test::read_file(data_path(stem + ".pdftotext.txt"));
    CHECK(ours == squeezed(committed).insert(0, "[body]"));
    // When pdftotext is installed, the committed file must still be what it says.
    if (output_of("command -v pdftotext >/dev/null 2>&1")) {
      const std::optional<std::string> live =
          output_of("pdftotext -layout " + shell_quote(std::string(RA_TEST_SAMPLES_DIR) + "/" + stem + ".pdf") + " -");
      REQUIRE(live);
      CHECK(squeezed(*live) == squeezed(committed));
    } else {
      WARN("pdftotext not installed: compared with the committed output only");
    }
  }
}

TEST_CASE("pdf two columns read column by column, date columns row by row", "[pdf]") {
  CHECK(text_of("two_column.pdf") ==
        "[body] Jane Doe\n"
        "Machine Learning Engineer \xC2\xB7 Seattle, WA \xC2\xB7 jane@example.com\n"
        "Skills\nPython\nPyTorch\nTensorFlow\nscikit-learn\nSQL and dbt\nDocker\nKubernetes\n"
        "Languages\nEnglish\nSpanish\nContact\njane@example.com\n+1 555 0100\n"
        "Experience\n"
        "Machine Learning Engineer at Acme Corp: trained\n"
        "and deployed ranking models for the search team,\n"
        "moved feature pipelines to Airflow and cut the\n"
        "training bill by a third with mixed precision.\n"
        "Data Scientist at Initech: churn models with\n"
        "gradient boosting, explained to account teams\n"
        "with SHAP plots and plain-language summaries.\n"
        "Projects\n"
        "An open-source library for time-series features,\n"
        "used by two teams at Initech and a few hundred\n"
        "people on GitHub; rolling statistics in Rust.\n"
        "A reinforcement learning agent for a warehouse\n"
        "game, in PyTorch, used in a university course.\n"
        "Education\n"
        "M.S. in Computer Science, University of Westbrook,\n"
        "thesis on semi-supervised learning for noisy\n"
        "product taxonomies; B.Sc. in Mathematics.\n"
        "Publications\n"
        "Two workshop papers on label noise and one on\n"
        "drift detection for tabular models in production.\n"
        "Talks at PyData Seattle and the ML meetup.\n"
        "Volunteering\n"
        "Mentor for a coding bootcamp; journal reviewer.\n"
        "Interests\n"
        "Trail running, chess, and restoring old radios.\n"
        "Languages\n"
        "Fluent English and Spanish, working German.\n"
        "Awards\n"
        "Best poster at the 2019 graduate research day.\n"
        "References available on request.\n"
        "Earlier roles\n"
        "2016 - 2018\tResearch Assistant, University of Westbrook\n"
        "Built data pipelines for a\n"
        "sensor network and wrote the lab's first\n"
        "model-monitoring dashboards.\n"
        "2014 - 2016\tAnalyst, Larkspur Retail\n"
        "Weekly sales forecasts in R;\n"
        "automated the reporting with SQL\n"
        "and cron jobs.\n"
        "2012 - 2014\tIntern, Bluefin Health\n"
        "Cleaned clinical records and\n"
        "labelled X-ray images for\n"
        "a triage model.\n");
}

TEST_CASE("pdf two columns on a page of any width", "[pdf]") {
  // Found by fuzz_pdf: on pages over 6,144 points wide the gutter width in
  // grid cells wrapped around, no column was ever found there, and the
  // faster column search that came later read past its buffers.
  const std::vector<std::string> left = {"Skills", "Python and C++", "PyTorch", "Kubernetes", "SQL", "Spark"};
  const std::vector<std::string> right = {"Experience", "Built a ranking model", "Served it on GPUs",
                                          "Cut latency by half", "Mentored two engineers", "Wrote the docs"};
  std::string expected = "[body] ";
  for (const std::string& line : left) expected += line + "\n";
  for (const std::string& line : right) expected += line + "\n";
  for (const int width : {612, 20000}) {
    INFO("page width " << width);
    const double right_x = width == 612 ? 330 : 15000;
    CHECK(text_of_bytes(make_pdf({text_stream(left) + "\n" + text_stream(right, right_x)}, width)) == expected);
  }
}

TEST_CASE("pdf two columns: pdftotext -layout interleaves them, the plugin does not", "[pdf]") {
  // The failure other scanners show: a line of the sidebar, then a line of
  // the main column, on one line.
  const std::optional<std::string> layout =
      output_of("pdftotext -layout " + shell_quote(data_path("two_column.pdf")) + " - 2>/dev/null");
  if (layout) {
    const std::size_t at = layout->find("\nPython ");
    REQUIRE(at != std::string::npos);
    CHECK(layout->substr(at + 1, layout->find('\n', at + 1) - at - 1).find("Acme Corp") != std::string::npos);
  } else {
    WARN("pdftotext not installed: its interleaving not shown");
  }
  const std::string text = text_of("two_column.pdf");
  CHECK(text.find("Python\nPyTorch\n") != std::string::npos);
  CHECK(text.find("Skills") < text.find("Experience"));
  CHECK(text.find("+1 555 0100\nExperience\n") != std::string::npos);
}

TEST_CASE("pdf hyphenation at line ends: typesetter's hyphens joined, authors' kept", "[pdf]") {
  // LibreOffice hyphenated the first paragraph itself (orga-nization and
  // the like are joined again); the hand-broken lines show each rule of
  // line_repair.hpp; the last line was typed with ligature characters.
  CHECK(text_of("hyphenated.pdf") ==
        "[body] Our infrastructure engineering organization builds distributed\n"
        "recommendation systems and operationalizes\n"
        "experimentation frameworks and containerization internationally.\n"
        "Hand-broken lines:\n"
        "Platform engineering\n"           // engi- + neering: neither half a word here
        "for the search team.\n"
        "Pipelines with scikit-\n"         // scikit-learn appears elsewhere
        "learn and pandas.\n"
        "Wrote a data-\n"                  // "data" appears elsewhere
        "driven roadmap.\n"
        "Owned model deployment\n"         // "deployment" appears elsewhere
        "end to end.\n"
        "Answered e-\n"                    // one letter
        "mail within a day.\n"
        "Moved jobs to Python-\n"          // a capital after the break
        "Based tools.\n"
        "Also: scikit-learn, data quality, every deployment.\n"
        "Certified in workflow design; efficient offline tools.\n");
}

TEST_CASE("pdf hyphenation: unknown halves join only where the document hyphenates", "[pdf]") {
  // No break here is certainly the typesetter's: the hyphen stays.
  CHECK(text_of_bytes(make_pdf({text_stream({"Platform engi-", "neering for search."})})) ==
        "[body] Platform engi-\nneering for search.\n");
  // "engineering" appears elsewhere: join.
  CHECK(text_of_bytes(make_pdf({text_stream({"Platform engi-", "neering for search.", "More engineering."})})) ==
        "[body] Platform engineering\nfor search.\nMore engineering.\n");
  // deploy-ment is certain (deployment appears), so this document
  // hyphenates, and engi-neering, whose halves are no words here, joins too.
  CHECK(text_of_bytes(make_pdf({text_stream({"Platform engi-", "neering; deploy-", "ment and every deployment."})})) ==
        "[body] Platform engineering;\ndeployment\nand every deployment.\n");
  // C++ split after its first '+'; a lower-case line after a capital hyphen.
  CHECK(text_of_bytes(make_pdf({text_stream({"Fluent in C+", "+ and Python-", "based tools"})})) ==
        "[body] Fluent in C++\nand Python-\nbased tools\n");
}

TEST_CASE("pdf with no text layer is reported as a scanned image", "[pdf]") {
  const ExtractResult r = extract(fixture("scanned.pdf"));
  CHECK(r.status == ExtractStatus::kUnsupported);
  CHECK(r.message == "no text layer: scanned image?");
  // Blank pages too: never an empty success.
  const ExtractResult blank = extract(make_pdf({"", "0 0 m 100 100 l S"}));
  CHECK(blank.status == ExtractStatus::kUnsupported);
  CHECK(blank.message == "no text layer: scanned image?");
}

TEST_CASE("pdf scanned image: the command exits 2 with the reason", "[pdf]") {
  const std::string path = data_path("scanned.pdf");
  const std::string out = std::string(RA_TEST_BINARY_DIR) + "/pdf_scanned.err";
  const int raw = std::system((shell_quote(RA_TEST_EXECUTABLE)+
                               " extract " + shell_quote(path) + " >/dev/null 2>" + shell_quote(out))
                                  .c_str());
  REQUIRE(WIFEXITED(raw));
  CHECK(WEXITSTATUS(raw) == 2);
  CHECK(ra::test::read_file(out) ==
        "resume-analyser: " + path + ": cannot read as pdf: no text layer: scanned image?\n");
}

TEST_CASE("pdf encryption: a password is unsupported, an owner password alone is read", "[pdf]") {
  const ExtractResult locked = extract(fixture("encrypted.pdf"));
  CHECK(locked.status == ExtractStatus::kUnsupported);
  CHECK(locked.message == "encrypted PDF is not supported");
  CHECK(text_of("owner_only.pdf") == text_of("hyphenated.pdf"));
}

TEST_CASE("pdf damaged or fake files are corrupt", "[pdf]") {
  const ExtractResult truncated = extract(fixture("truncated.pdf"));
  CHECK(truncated.status == ExtractStatus::kCorrupt);
  CHECK(truncated.message == "not a readable PDF");

  const ExtractResult fake = extract("%PDF-1.7\nthis is not a PDF at all\n");
  CHECK(fake.status == ExtractStatus::kCorrupt);
  CHECK(fake.message == "not a readable PDF");

  const ExtractResult empty = extract("");
  CHECK(empty.status == ExtractStatus::kCorrupt);
  CHECK(empty.message == "not a readable PDF");
}

TEST_CASE("pdf leading junk before the header is skipped, as readers do", "[pdf]") {
  CHECK(text_of_bytes(std::string(600, '#') + "\n" + fixture("hyphenated.pdf")) == text_of("hyphenated.pdf"));
}

TEST_CASE("pdf limits: pages and text", "[pdf]") {
  const std::string page = text_stream({"Page"});
  const std::string pages200 = make_pdf(std::vector<std::string>(200, page));
  const ExtractResult ok = extract(pages200);
  REQUIRE(ok.ok());
  CHECK(ok.chunks.at(0).text.size() == 200 * 5 - 1);

  const ExtractResult many = extract(make_pdf(std::vector<std::string>(201, page)));
  CHECK(many.status == ExtractStatus::kLimitExceeded);
  CHECK(many.message == "PDF has more than 200 pages");

  ExtractLimits limits;
  limits.max_text_bytes = 100;
  const ExtractResult long_text = extract(ra::test::sample("strong-ml-engineer.pdf"), limits);
  CHECK(long_text.status == ExtractStatus::kLimitExceeded);
  CHECK(long_text.message == "extracted text exceeds the 100 bytes limit");
  limits.max_text_bytes = 999;  // exactly the 200 pages' text
  CHECK(extract(pages200, limits).ok());
  limits.max_text_bytes = 998;
  CHECK(extract(pages200, limits).status == ExtractStatus::kLimitExceeded);
}

TEST_CASE("pdf built pages: lines, tabs, rotation and control characters", "[pdf]") {
  // Two lines drawn bottom first, a wide gap inside a line, a word in
  // pieces, and text turned by 90 degrees.
  const std::string content =
      "BT /F1 12 Tf 72 680 Td (second line) Tj ET\n"
      "BT /F1 12 Tf 72 700 Td (first line) Tj ET\n"
      "BT /F1 12 Tf 72 660 Td (Python) Tj ET BT /F1 12 Tf 300 660 Td (2019 - 2023) Tj ET\n"
      "BT /F1 12 Tf 72 640 Td (Kube) Tj (rnetes) Tj ET\n"
      "BT /F1 12 Tf 0 1 -1 0 560 300 Tm (sideways) Tj ET\n"
      "BT /F1 12 Tf 72 620 Td (bell\\007 here) Tj ET\n";
  CHECK(text_of_bytes(make_pdf({content})) ==
        "[body] first line\nsecond line\nPython\t2019 - 2023\nKubernetes\nbell here\nsideways\n");
}

TEST_CASE("pdf damaged bytes never crash and keep the contract", "[pdf]") {
  const std::string original = fixture("hyphenated.pdf");
  std::mt19937 rng(20260101);
  for (int round = 0; round < 60; ++round) {
    std::string bytes = original;
    const int flips = 1 + static_cast<int>(rng() % 40);
    for (int i = 0; i < flips; ++i) bytes[rng() % bytes.size()] = static_cast<char>(rng() & 0xFF);
    if (round % 5 == 0) bytes.resize(rng() % bytes.size());
    const ExtractResult r = extract(bytes);
    INFO("round " << round << ": " << r.message);
    if (r.ok()) {
      for (const ra::TextChunk& c : r.chunks) {
        CHECK(!c.text.empty());
        CHECK(c.text.back() != '\n');
        CHECK(c.text.find("\n\n") == std::string::npos);
      }
    } else {
      CHECK(!r.message.empty());
      CHECK(r.message.find('\n') == std::string::npos);
    }
  }
}

TEST_CASE("pdf extraction is thread-safe", "[pdf]") {
  const std::string strong = ra::test::sample("strong-ml-engineer.pdf");
  const std::string two = fixture("two_column.pdf");
  const std::string expected_strong = text_of_bytes(strong), expected_two = text_of_bytes(two);
  std::vector<std::future<bool>> runs;
  for (int i = 0; i < 8; ++i) {
    runs.push_back(std::async(std::launch::async, [&, i] {
      const ExtractResult r = extract(i % 2 ? strong : two);
      return r.ok() && ra::test::joined(r, true) == (i % 2 ? expected_strong : expected_two);
    }));
  }
  for (auto& run : runs) CHECK(run.get());
}

TEST_CASE("pdf samples score within 3 points of the text samples", "[pdf][samples]") {
  // The same résumé as samples/*.txt (84.7 and 12.8 when this was written).
  for (const std::string stem : {"strong-ml-engineer", "weak-ml-engineer"}) {
    const double txt = score_of(stem + ".txt", "text");
    INFO(stem << ".pdf vs .txt " << txt);
    CHECK(std::abs(score_of(stem + ".pdf") - txt) <= 3.0);
  }
  CHECK(std::abs(score_of("strong-ml-engineer.txt", "text") - 84.7) <= 3.0);
  CHECK(std::abs(score_of("weak-ml-engineer.txt", "text") - 12.8) <= 3.0);
}
