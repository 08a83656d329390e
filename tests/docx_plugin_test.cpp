// The DOCX plugin (plugins/docx), loaded from the built docx.so.
// Fixtures: tests/data/docx/, written by make_edge_docx.py there. Large
// hostile inputs (zip bomb, very deep XML, many entries) are built here.
#include "test_support.hpp"
#include "zip_writer.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <future>
#include <string>
#include <vector>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;

const ra::FormatPlugin& docx() { return ra::test::plugin("docx"); }

std::string fixture(const std::string& name) {
  return ra::test::read_file(std::string(RA_TEST_DATA_DIR) + "/docx/" + name);
}

/// RA_DOCX_READER (plugins/docx/wml_text.hpp) for the extractions in its
/// scope; ctest runs each test case in its own process, one at a time.
class Readers {
 public:
  explicit Readers(const char* readers) { ::setenv("RA_DOCX_READER", readers, 1); }
  ~Readers() { ::unsetenv("RA_DOCX_READER"); }
  Readers(const Readers&) = delete;
  Readers& operator=(const Readers&) = delete;
};

/// Everything an extraction says.
std::string outcome(const ExtractResult& r) {
  return std::to_string(static_cast<int>(r.status)) + " " + r.message + " @" + std::to_string(r.offset) + "\n" +
         ra::test::joined(r, true);
}

/// Extracts with the plugin's readers as users get them, and checks that
/// every part read from a tree gives the same outcome: so each document of
/// these tests also compares the stream reader with the tree reader.
ExtractResult extract(const std::string& bytes, const ExtractLimits& limits = ExtractLimits{}) {
  ExtractResult result = docx().extract(bytes, limits);
  const Readers tree("tree");
  CHECK(outcome(docx().extract(bytes, limits)) == outcome(result));
  return result;
}

std::string text_of(const std::string& name) {
  const ExtractResult r = extract(fixture(name));
  INFO(name << ": " << r.message);
  REQUIRE(r.ok());
  for (const ra::TextChunk& c : r.chunks) {
    CHECK(!c.text.empty());
    CHECK(c.text.back() != '\n');
    CHECK(c.text.find("\n\n") == std::string::npos);
  }
  return ra::test::joined(r, true);
}

// ------------------------------------------------------------------ a ZIP writer for hostile inputs

using ra::test::crc32;
using ra::test::Entry;
using ra::test::deflated_stored;
using ra::test::make_zip;
using ra::test::put16;
using ra::test::put32;
using ra::test::stored;

const char* const kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// [Content_Types].xml and _rels/.rels naming word/document.xml.
std::vector<Entry> package_entries() {
  return {stored("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
          stored("_rels/.rels",
                 "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                 "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                 "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")};
}

/// A minimal package around a main part.
std::string package(std::string document_xml) {
  std::vector<Entry> entries = package_entries();
  entries.push_back(stored("word/document.xml", std::move(document_xml)));
  return make_zip(entries);
}

/// A package whose main part has a styles part (when `styles_xml` is not
/// empty) and a footnotes part (when `footnotes_xml` is not empty).
std::string styled_package(std::string document_xml, std::string styles_xml, std::string footnotes_xml = "") {
  std::vector<Entry> entries = package_entries();
  entries.push_back(stored("word/document.xml", std::move(document_xml)));
  entries.push_back(stored("word/_rels/document.xml.rels",
                           "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                           "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                           "2006/relationships/styles\" Target=\"styles.xml\"/>"
                           "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
                           "2006/relationships/footnotes\" Target=\"footnotes.xml\"/></Relationships>"));
  if (!styles_xml.empty()) entries.push_back(stored("word/styles.xml", std::move(styles_xml)));
  if (!footnotes_xml.empty()) entries.push_back(stored("word/footnotes.xml", std::move(footnotes_xml)));
  return make_zip(entries);
}

std::string document(const std::string& body) {
  return std::string("<w:document xmlns:w=\"") + kW + "\"><w:body>" + body + "</w:body></w:document>";
}

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

/// `mib` MiB of zeros as one raw DEFLATE stream: copies of zlib's (level 9)
/// compression of 1 MiB of zeros, each ending in a full flush so copies can
/// follow one another, then an empty final block. Ratio about 1011:1.
std::string deflated_zeros(std::size_t mib) {
  const std::string block =
      from_hex("ecc13101000000c2a0f54f6d085fa0") + std::string(1016, '\0') + from_hex("3e030000ffff");
  std::string out;
  for (std::size_t i = 0; i < mib; ++i) out += block;
  return out + from_hex("0300");
}

/// A package whose word/document.xml is `mib` MiB of deflated zeros,
/// claiming `declared_size` bytes uncompressed.
std::string zip_bomb(std::size_t mib, std::uint32_t declared_size) {
  std::vector<Entry> entries = package_entries();
  entries.push_back(Entry{"word/document.xml", deflated_zeros(mib), 8, 0, declared_size});
  return make_zip(entries);
}

}  // namespace

TEST_CASE("docx plugin describes itself", "[docx]") {
  const ra::FormatInfo info = docx().info();
  CHECK(info.name == "docx");
  CHECK(info.description == "Word document (DOCX)");
  CHECK(info.extensions == std::vector<std::string>{".docx"});
  CHECK(info.media_types ==
        std::vector<std::string>{"application/vnd.openxmlformats-officedocument.wordprocessingml.document"});
  CHECK(info.max_input_bytes == 10u * 1024 * 1024);
}

TEST_CASE("docx text boxes appear once, after their paragraph", "[docx]") {
  CHECK(text_of("textbox.docx") ==
        "[body] Jane Doe\n"
        "[text box] Skills: Python, SQL\nCertified Kubernetes Administrator\n"
        "[body] Experience\n"
        "[text box] Legacy VML box\n"
        "[body] References\n");
}

TEST_CASE("docx headers come first, each distinct text once; footers last", "[docx]") {
  CHECK(text_of("header_contact.docx") ==
        "[header] Jane Doe\njane@example.com\t+1 555 0100\nJane Doe \xE2\x80\x94 CV\n"
        "[body] Software Engineer\nBuilt payment systems.\n"
        "[footer] Page 1\n");
}

TEST_CASE("docx tables: a row per line, cells separated by tabs", "[docx]") {
  CHECK(text_of("table_skills.docx") ==
        "[body] Skills\n"
        "[table] Language\tLevel\nC++\tExpert\nPython Go\tIntermediate\nAWS\tGCP\tCloud\n"
        "[body] Education\n");
}

TEST_CASE("docx tracked changes: insertions and moves kept, deletions dropped", "[docx]") {
  CHECK(text_of("tracked_changes.docx") == "[body] Managed five engineers\nTools: Kubernetes\n");
}

TEST_CASE("docx hyperlinks keep their text", "[docx]") {
  CHECK(text_of("hyperlink.docx") == "[body] Portfolio: github.com/janedoe\nBlog: jane.dev\n");
}

TEST_CASE("docx content controls, smart tags and custom XML keep their text", "[docx]") {
  CHECK(text_of("content_control.docx") ==
        "[body] Jane Q. Doe\nEmail: jane@example.com\nBased in Berlin, Germany\n");
}

TEST_CASE("docx fields: results kept, codes dropped, nesting followed", "[docx]") {
  CHECK(text_of("fields.docx") ==
        "[body] Updated 2024\nOuter result\nsee page 7\nAfter a field without result\nPages: 3\n");
}

TEST_CASE("docx runs: spaces, tabs, breaks, hyphens, hidden run, ruby, bad UTF-8", "[docx]") {
  CHECK(text_of("runs.docx") ==
        "[body] Senior Engineer\n"
        "Lead Developer\n"
        "2019\t2023\n"
        "Line one\nLine two\nLine three\n"
        "e-commerce\n"
        "database\n"
        "Left\tRight\n"
        "Visible text\n"
        "[hidden] kubernetes docker\n"  // w:vanish: hidden, not dropped
        "[body] A\nB\n"
        "Caf\xC3\xA9 \xC2\xBFok? & <tags> \xF0\x9F\x98\x80\n"
        "padded\n"
        "Ruby: \xE6\xBC\xA2\xE5\xAD\x97\n"
        // One U+FFFD per maximal ill-formed subpart (Unicode 3.9): a UTF-8-encoded surrogate is three.
        "bad \xEF\xBF\xBD\xEF\xBF\xBD byte, \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD surrogate\n");
}

TEST_CASE("docx hidden text: white, vanished, styled and tiny runs go to the hidden zone", "[docx][hidden]") {
  CHECK(text_of("hidden_text.docx") ==
        "[header] jane@example.com\n"
        "[hidden] Salesforce\n"                       // white in the header
        "[body] Jane Doe\n"                           // white on a paragraph style's dark shading
        "Senior Software Engineer\n"
        "[hidden] Kubernetes Terraform Ansible\n"     // w:color FFFFFF
        "[body] Skills: Python, Go , SQL\n"           // the hidden space still parts the words
        "[hidden] Rust Scala\n"                       // w:vanish
        "[body] Tools: Git and Jira\n"
        "[hidden] Docker Helm\n"                      // character style, and a style based on it
        "Machine Learning, TensorFlow, PyTorch\n"     // paragraph style: no body line at all
        "[body] Shown despite a hidden style\n"       // direct w:vanish w:val=\"off\" wins
        "Certifications: CKA\n"
        "[hidden] AWS Solutions Architect\n"          // w:sz 2 (1 pt)
        "[body] Vanish off: visible\n"                // w:vanish w:val=\"0\"
        "Highlighted white text and shaded white text\n"
        "Leadership Hiring\n"                         // EFFFFF is under the near-white threshold
        "[hidden] Mentoring\n"                        // f8F8f0 is near white
        "[body] Languages: English\n"
        "[hidden] German\n"                           // w:specVanish
        "[table] Skills\tSpark\n"                     // white in a dark cell is visible
        "[hidden] Kafka\n"                            // white in a plain cell is not
        "[body] References\n"
        "[hidden] on request Flink\n"                 // white through a character style
        "[body] Summary\n"
        "[text box] Sidebar: Java, Spring\n"          // white in a text box counts as visible
        "[body] Profile\n"
        "[hidden] Hidden box: Golang\n");             // a text box anchored in a hidden run
}

namespace {

const char* const kStylesOpen =
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";

/// The text of a one-paragraph document whose run has properties `rpr`,
/// inside a paragraph with properties `ppr`, with styles `styles` (inner XML).
std::string run_text(const std::string& rpr, const std::string& ppr = "", const std::string& styles = "") {
  const std::string body = "<w:p>" + ppr + "<w:r><w:t>Before </w:t></w:r><w:r><w:rPr>" + rpr +
                           "</w:rPr><w:t>Kubernetes</w:t></w:r><w:r><w:t> after</w:t></w:r></w:p>";
  const ExtractResult r =
      extract(styled_package(document(body), styles.empty() ? "" : kStylesOpen + styles + "</w:styles>"));
  INFO(r.message);
  REQUIRE(r.ok());
  return ra::test::joined(r, true);
}

const std::string kShown = "[body] Before Kubernetes after\n";
const std::string kHidden = "[body] Before  after\n[hidden] Kubernetes\n";
// A paragraph style hides "Before" and "after" too.
const std::string kAllHidden = "[hidden] Before Kubernetes after\n";
const std::string kOnlyRunShown = "[body] Kubernetes\n[hidden] Before  after\n";

}  // namespace

TEST_CASE("docx hidden text: the rules, one property at a time", "[docx][hidden]") {
  const std::string white = "<w:color w:val=\"FFFFFF\"/>";
  struct Case {
    std::string rpr;
    const std::string& expected;
  };
  for (const Case& c : std::vector<Case>{
           {"<w:vanish/>", kHidden},
           {"<w:vanish w:val=\"true\"/>", kHidden},
           {"<w:vanish w:val=\"1\"/>", kHidden},
           {"<w:vanish w:val=\"on\"/>", kHidden},
           {"<w:vanish w:val=\"false\"/>", kShown},
           {"<w:specVanish/>", kHidden},
           {"<w:specVanish w:val=\"0\"/><w:vanish/>", kHidden},
           {"<w:webHidden/>", kShown},  // hidden in web view only
           // Size in half-points, or with a unit: at most 1 pt is hidden.
           {"<w:sz w:val=\"2\"/>", kHidden},
           {"<w:sz w:val=\"0\"/>", kHidden},
           {"<w:sz w:val=\"3\"/>", kShown},
           {"<w:sz w:val=\"1pt\"/>", kHidden},
           {"<w:sz w:val=\"1.5pt\"/>", kShown},
           {"<w:sz w:val=\"0.3mm\"/>", kHidden},
           {"<w:sz w:val=\"1mm\"/>", kShown},
           {"<w:sz w:val=\"small\"/>", kShown},
           {"<w:szCs w:val=\"2\"/>", kShown},  // complex-script size: not this text's
           // White: six hex digits, any case, each channel at least F0.
           {white, kHidden},
           {"<w:color w:val=\"ffffff\"/>", kHidden},
           {"<w:color w:val=\"F0F0F0\"/>", kHidden},
           {"<w:color w:val=\"EFFFFF\"/>", kShown},
           {"<w:color w:val=\"FFFFEF\"/>", kShown},
           {"<w:color w:val=\"auto\"/>", kShown},
           {"<w:color w:val=\"FFF\"/>", kShown},
           {"<w:color w:val=\"FFFFFF\" w:themeColor=\"background1\"/>", kHidden},
           // White on something coloured is visible.
           {white + "<w:highlight w:val=\"yellow\"/>", kShown},
           {white + "<w:highlight w:val=\"black\"/>", kShown},
           {white + "<w:highlight w:val=\"none\"/>", kHidden},
           {white + "<w:highlight w:val=\"white\"/>", kHidden},
           {white + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"2F5496\"/>", kShown},
           {white + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FFFFFF\"/>", kHidden},
           {white + "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"auto\"/>", kHidden},
           {white + "<w:shd w:val=\"nil\" w:fill=\"000000\"/>", kHidden},
           {white + "<w:shd w:val=\"solid\" w:color=\"auto\" w:fill=\"FFFFFF\"/>", kShown},  // auto pattern: black
           {white + "<w:shd w:val=\"pct10\" w:color=\"FFFFFF\" w:fill=\"FFFFFF\"/>", kHidden},
       }) {
    INFO(c.rpr);
    CHECK(run_text(c.rpr) == c.expected);
  }
}

TEST_CASE("docx hidden text: backgrounds behind white text", "[docx][hidden]") {
  const std::string white = "<w:color w:val=\"FFFFFF\"/>";
  const std::string dark = "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"1F3864\"/>";
  CHECK(run_text(white, "<w:pPr>" + dark + "</w:pPr>") == kShown);
  CHECK(run_text(white, "<w:pPr><w:shd w:val=\"clear\" w:fill=\"FFFFFF\"/></w:pPr>") == kHidden);
  // A paragraph's own shading overrides its style's.
  const std::string shaded_style =
      "<w:style w:type=\"paragraph\" w:styleId=\"Dark\"><w:pPr>" + dark + "</w:pPr></w:style>";
  CHECK(run_text(white, "<w:pPr><w:pStyle w:val=\"Dark\"/></w:pPr>", shaded_style) == kShown);
  CHECK(run_text(white, "<w:pPr><w:pStyle w:val=\"Dark\"/><w:shd w:val=\"nil\"/></w:pPr>", shaded_style) ==
        kHidden);

  const auto table = [&](const std::string& tbl_pr, const std::string& tc_pr, const std::string& styles = "") {
    const std::string body = "<w:tbl><w:tblPr>" + tbl_pr + "</w:tblPr><w:tr><w:tc><w:tcPr>" + tc_pr +
                             "</w:tcPr><w:p><w:r><w:t>Go</w:t></w:r><w:r><w:rPr>" + white +
                             "</w:rPr><w:t xml:space=\"preserve\"> Kubernetes</w:t></w:r></w:p></w:tc></w:tr>"
                             "</w:tbl>";
    const ExtractResult r =
        extract(styled_package(document(body), styles.empty() ? "" : kStylesOpen + styles + "</w:styles>"));
    REQUIRE(r.ok());
    return ra::test::joined(r, true);
  };
  CHECK(table("", "") == "[table] Go\n[hidden] Kubernetes\n");
  CHECK(table("", dark) == "[table] Go Kubernetes\n");
  CHECK(table(dark, "") == "[table] Go Kubernetes\n");
  // A table style with coloured shading anywhere (here in its header-row formatting) counts for all cells.
  const std::string grid = "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:tblPr/></w:style>";
  const std::string banded = "<w:style w:type=\"table\" w:styleId=\"Banded\"><w:basedOn w:val=\"Grid\"/>"
                             "<w:tblStylePr w:type=\"firstRow\"><w:tcPr>" + dark + "</w:tcPr></w:tblStylePr></w:style>";
  CHECK(table("<w:tblStyle w:val=\"Grid\"/>", "", grid + banded) == "[table] Go\n[hidden] Kubernetes\n");
  CHECK(table("<w:tblStyle w:val=\"Banded\"/>", "", grid + banded) == "[table] Go Kubernetes\n");

  // A coloured page.
  const ExtractResult page = extract(package(
      std::string("<w:document xmlns:w=\"") + kW + "\"><w:background w:color=\"1F3864\"/><w:body><w:p><w:r><w:rPr>" +
      white + "</w:rPr><w:t>White on a dark page</w:t></w:r></w:p></w:body></w:document>"));
  REQUIRE(page.ok());
  CHECK(ra::test::joined(page, true) == "[body] White on a dark page\n");
}

TEST_CASE("docx hidden text: styles, defaults and their order", "[docx][hidden]") {
  const std::string vanish_char = "<w:style w:type=\"character\" w:styleId=\"V\"><w:rPr><w:vanish/></w:rPr></w:style>";
  const std::string vanish_para = "<w:style w:type=\"paragraph\" w:styleId=\"P\"><w:rPr><w:vanish/></w:rPr></w:style>";
  const std::string white_para =
      "<w:style w:type=\"paragraph\" w:styleId=\"W\"><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr></w:style>";
  // Direct properties override the character style, which overrides the paragraph style.
  CHECK(run_text("<w:rStyle w:val=\"V\"/>", "", vanish_char) == kHidden);
  CHECK(run_text("<w:rStyle w:val=\"V\"/><w:vanish w:val=\"0\"/>", "", vanish_char) == kShown);
  CHECK(run_text("", "<w:pPr><w:pStyle w:val=\"W\"/></w:pPr>", white_para) == kAllHidden);
  CHECK(run_text("<w:color w:val=\"auto\"/>", "<w:pPr><w:pStyle w:val=\"W\"/></w:pPr>", white_para) == kOnlyRunShown);
  const std::string unvanish_char =
      "<w:style w:type=\"character\" w:styleId=\"U\"><w:rPr><w:vanish w:val=\"0\"/></w:rPr></w:style>";
  CHECK(run_text("<w:rStyle w:val=\"U\"/>", "<w:pPr><w:pStyle w:val=\"P\"/></w:pPr>", vanish_para + unvanish_char) ==
        kOnlyRunShown);
  // Not modelled: the toggle rule (vanish in both styles cancels out); the nearest setting wins.
  CHECK(run_text("<w:rStyle w:val=\"V\"/>", "<w:pPr><w:pStyle w:val=\"P\"/></w:pPr>", vanish_para + vanish_char) ==
        kAllHidden);
  // The paragraph style hides the whole paragraph: no body line.
  {
    const ExtractResult r = extract(styled_package(
        document("<w:p><w:pPr><w:pStyle w:val=\"P\"/></w:pPr><w:r><w:t>All hidden</w:t></w:r></w:p>"
                 "<w:p><w:r><w:t>Shown</w:t></w:r></w:p>"),
        kStylesOpen + vanish_para + "</w:styles>"));
    REQUIRE(r.ok());
    CHECK(ra::test::joined(r, true) == "[hidden] All hidden\n[body] Shown\n");
  }
  // Default paragraph and character styles apply without w:pStyle / w:rStyle; docDefaults last.
  CHECK(run_text("", "",
                 "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"D\"><w:rPr><w:sz w:val=\"1\"/>"
                 "</w:rPr></w:style>") == "[hidden] Before Kubernetes after\n");
  CHECK(run_text("<w:sz w:val=\"24\"/>", "",
                 "<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val=\"2\"/></w:rPr></w:rPrDefault></w:docDefaults>") ==
        "[body] Kubernetes\n[hidden] Before  after\n");
  CHECK(run_text("<w:rStyle w:val=\"NoSuchStyle\"/>", "<w:pPr><w:pStyle w:val=\"Nor\"/></w:pPr>", vanish_char) ==
        kShown);
  // basedOn chains are followed up to 32 links; a cycle ends there too.
  std::string chain = vanish_char;
  for (int i = 1; i <= 40; ++i) {
    chain += "<w:style w:type=\"character\" w:styleId=\"V" + std::to_string(i) + "\"><w:basedOn w:val=\"" +
             (i == 1 ? std::string("V") : "V" + std::to_string(i - 1)) + "\"/></w:style>";
  }
  CHECK(run_text("<w:rStyle w:val=\"V32\"/>", "", chain) == kHidden);
  CHECK(run_text("<w:rStyle w:val=\"V33\"/>", "", chain) == kShown);
  CHECK(run_text("<w:rStyle w:val=\"A\"/>", "",
                 "<w:style w:type=\"character\" w:styleId=\"A\"><w:basedOn w:val=\"B\"/></w:style>"
                 "<w:style w:type=\"character\" w:styleId=\"B\"><w:basedOn w:val=\"A\"/></w:style>") == kShown);
  // Styles are matched by namespace URI, not by prefix.
  CHECK(run_text("<w:rStyle w:val=\"V\"/>", "",
                 "<s:style xmlns:s=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" s:type=\"character\" "
                 "s:styleId=\"V\"><s:rPr><s:vanish/></s:rPr></s:style>") == kHidden);
}

TEST_CASE("docx hidden text: breaks, tables and fields", "[docx][hidden]") {
  const auto text = [](const std::string& body) {
    const ExtractResult r = extract(package(document(body)));
    REQUIRE(r.ok());
    return ra::test::joined(r, true);
  };
  const std::string v = "<w:rPr><w:vanish/></w:rPr>";
  // Hidden pieces that something visible separates are joined by a space; a hidden break is a
  // space; adjacent hidden runs join as written.
  CHECK(text("<w:p><w:r>" + v + "<w:t>Rust</w:t></w:r><w:r><w:t>Go</w:t></w:r><w:r>" + v +
             "<w:t>Zig</w:t><w:br/><w:t>Kuber</w:t></w:r><w:r>" + v + "<w:t>netes</w:t></w:r></w:p>") ==
        "[body] Go\n[hidden] Rust Zig Kubernetes\n");
  // A visible break still ends the visible line; the paragraph's hidden text follows the paragraph.
  CHECK(text("<w:p><w:r><w:t>One</w:t><w:br/><w:t>Two</w:t></w:r><w:r>" + v + "<w:t>Kafka</w:t></w:r></w:p>") ==
        "[body] One\nTwo\n[hidden] Kafka\n");
  // Hidden spaces and breaks keep visible words apart; hidden text inside a word keeps it whole.
  CHECK(text("<w:p><w:r><w:t>Python</w:t></w:r><w:r>" + v + "<w:t xml:space=\"preserve\"> Go </w:t></w:r>"
             "<w:r><w:t>and</w:t></w:r><w:r>" + v + "<w:t>x</w:t><w:br/></w:r><w:r><w:t>SQL</w:t></w:r></w:p>") ==
        "[body] Python and SQL\n[hidden] Go x\n");
  CHECK(text("<w:p><w:r><w:t>Kuber</w:t></w:r><w:r>" + v + "<w:t>zzz</w:t></w:r><w:r><w:t>netes</w:t></w:r></w:p>") ==
        "[body] Kubernetes\n[hidden] zzz\n");
  // In a table row: the row's hidden text after the row, cells joined by a space. A cell holding
  // only hidden text looks empty, and keeps its tab as an empty cell does.
  CHECK(text("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>C++</w:t></w:r><w:r>" + v + "<w:t>Rust</w:t></w:r></w:p></w:tc>"
             "<w:tc><w:p><w:r>" + v + "<w:t>Zig</w:t></w:r></w:p></w:tc></w:tr></w:tbl>") ==
        "[table] C++\t\n[hidden] Rust Zig\n");
  // Field codes stay dropped, hidden or not; a hidden field result is hidden.
  CHECK(text("<w:p><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r>" + v +
             "<w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r>" + v +
             "<w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r><w:r><w:t>Page</w:t></w:r></w:p>") ==
        "[body] Page\n[hidden] 7\n");
  // Deleted text stays dropped.
  CHECK(text("<w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r>" + v + "<w:delText>Gone</w:delText></w:r></w:del></w:p>") ==
        "[body] Kept\n");
}

TEST_CASE("docx styles part: missing is fine, parsed only when it could hide text", "[docx][hidden]") {
  const std::string body = document("<w:p><w:r><w:t>Text</w:t></w:r></w:p>");
  const ExtractResult missing = extract(styled_package(body, ""));
  REQUIRE(missing.ok());
  CHECK(ra::test::joined(missing, true) == "[body] Text\n");
  const ExtractResult other_root = extract(styled_package(body, "<x:styles xmlns:x=\"urn:not-word\"/>"));
  REQUIRE(other_root.ok());
  CHECK(ra::test::joined(other_root, true) == "[body] Text\n");
  // Styles that could hide text are parsed like any part: malformed XML fails.
  const ExtractResult malformed =
      extract(styled_package(body, std::string(kStylesOpen) + "<w:style><w:rPr><w:vanish/></w:rPr>"));
  CHECK(malformed.status == ExtractStatus::kCorrupt);
  CHECK(malformed.message.rfind("malformed XML in word/styles.xml: ", 0) == 0);
  CHECK(malformed.chunks.empty());
  // Styles that cannot (dark colours, normal sizes, nothing else that
  // matters) are not parsed at all: their text is read, damage or not.
  const ExtractResult harmless = extract(styled_package(
      body, std::string(kStylesOpen) + "<w:style><w:rPr><w:color w:val=\"000080\"/><w:sz w:val=\"24\"/></w:rPr>"));
  CHECK(harmless.message.empty());
  CHECK(ra::test::joined(harmless, true) == "[body] Text\n");
}

namespace {

/// CRC-32 (zip_writer.hpp's) one byte at a time, and back.
struct Crc32Steps {
  std::uint32_t table[256];
  Crc32Steps() {
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
      table[i] = c;
    }
  }
  /// The register before byte `b` was processed, given the register after.
  std::uint32_t back(std::uint32_t reg, unsigned char b) const {
    std::uint32_t k = 0;
    while ((table[k] >> 24) != (reg >> 24)) ++k;  // the top bytes of the table differ
    return ((reg ^ table[k]) << 8) | (k ^ b);
  }
};

/// `prefix` + four bytes + `suffix` with CRC-32 `target`: anyone can make a
/// part with the checksum of another, so only equal bytes show equal parts.
std::string with_crc(const std::string& prefix, const std::string& suffix, std::uint32_t target) {
  const Crc32Steps steps;
  std::uint32_t reg = ~target;  // the register after the last byte
  for (auto it = suffix.rbegin(); it != suffix.rend(); ++it) reg = steps.back(reg, static_cast<unsigned char>(*it));
  for (int i = 0; i < 4; ++i) reg = steps.back(reg, 0);  // four zero bytes XORed into the state
  const std::uint32_t patch = reg ^ ~crc32(prefix);
  std::string out = prefix;
  for (int i = 0; i < 4; ++i) out += static_cast<char>(patch >> (8 * i));
  return out + suffix;
}

/// XML of `original`'s size and CRC-32 but other bytes: `core`, then a
/// comment whose four patched bytes (with_crc) make the checksum match, then
/// `close`. For the tests that a part met before is known by its bytes.
std::string forged_like(const std::string& original, const std::string& core, const std::string& close) {
  for (std::size_t pad = 0;; ++pad) {
    const std::string prefix = core + "<!--" + std::string(pad, ' ');
    const std::string suffix = std::string(original.size() - prefix.size() - 4 - 3 - close.size(), ' ') + "-->" + close;
    const std::string candidate = with_crc(prefix, suffix, crc32(original));
    const std::string patch = candidate.substr(prefix.size(), 4);
    if (patch.find_first_of(std::string("-<>\0", 4)) == std::string::npos) return candidate;
  }
}

bool same_result(const ExtractResult& a, const ExtractResult& b) {
  return a.status == b.status && a.message == b.message && ra::test::joined(a, true) == ra::test::joined(b, true);
}

/// The part, total and ratio limits each set to `v`, one at a time.
std::array<ExtractLimits, 3> limits_of(std::uint64_t v) {
  std::array<ExtractLimits, 3> limits;
  limits[0].max_part_bytes = v;
  limits[1].max_total_inflated_bytes = v;
  limits[2].ratio_check_after_bytes = v;
  limits[2].max_compression_ratio = 1;
  return limits;
}

/// What a thread that has read nothing before makes of `bytes`.
ExtractResult extract_cold(const std::string& bytes, const ExtractLimits& limits = ExtractLimits{}) {
  return std::async(std::launch::async, [&] { return extract(bytes, limits); }).get();
}

const std::string kSecretBody = document(
    "<w:p><w:r><w:rPr><w:rStyle w:val=\"Secret\"/></w:rPr><w:t>Kubernetes</w:t></w:r><w:r><w:t> shown</w:t></w:r></w:p>");
const char* const kFootnotesOpen =
    "<w:footnotes xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">";
/// A footnotes part with the separators only, as pandoc writes it: no text.
const std::string kSeparatorNotes =
    std::string(kFootnotesOpen) + "<!-- separators only, as a template writes them for every document -->" +
    "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
    "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p>"
    "</w:footnote></w:footnotes>";
const std::string kPlainStyles =
    std::string(kStylesOpen) + "<!-- a template's styles, as many documents share them -->" +
    "<w:style w:type=\"character\" w:styleId=\"Secret\"><w:rPr><w:color w:val=\"000080\"/></w:rPr></w:style></w:styles>";

}  // namespace

TEST_CASE("docx styles met before are known by their bytes, not their checksum", "[docx][hidden]") {
  // A styles part that cannot hide text is remembered by its stored bytes
  // (plugins/common/part_memo.hpp), so that documents of one template scan
  // it once per thread. A part of the same size and CRC-32 that hides text
  // must still be read: keyword stuffing in hidden text is what the scan is for.
  const std::string forged = forged_like(
      kPlainStyles,
      std::string(kStylesOpen) +
          "<w:style w:type=\"character\" w:styleId=\"Secret\"><w:rPr><w:vanish/></w:rPr></w:style>",
      "</w:styles>");
  REQUIRE(forged.size() == kPlainStyles.size());
  REQUIRE(crc32(forged) == crc32(kPlainStyles));
  REQUIRE(forged != kPlainStyles);

  const std::string plain = styled_package(kSecretBody, kPlainStyles);
  const std::string hiding = styled_package(kSecretBody, forged);
  const std::string shown_text = "[body] Kubernetes shown\n";
  const std::string hidden_text = "[body] shown\n[hidden] Kubernetes\n";
  CHECK(ra::test::joined(extract_cold(plain), true) == shown_text);
  CHECK(ra::test::joined(extract_cold(hiding), true) == hidden_text);
  for (int round = 0; round < 2; ++round) {  // this thread remembers the plain styles from the first read
    CHECK(ra::test::joined(extract(plain), true) == shown_text);
    CHECK(ra::test::joined(extract(hiding), true) == hidden_text);
  }
}

TEST_CASE("docx notes met before that gave no text are known by their bytes, not their checksum", "[docx]") {
  // A notes, header or footer part that gave no text is remembered by its
  // stored bytes, so that documents of one template read it once per
  // thread. A part of the same size and CRC-32 that holds text must still be read.
  const std::string forged = forged_like(
      kSeparatorNotes,
      std::string(kFootnotesOpen) + "<w:footnote w:id=\"1\"><w:p><w:r><w:t>Kubernetes</w:t></w:r></w:p></w:footnote>",
      "</w:footnotes>");
  REQUIRE(forged.size() == kSeparatorNotes.size());
  REQUIRE(crc32(forged) == crc32(kSeparatorNotes));
  REQUIRE(forged != kSeparatorNotes);

  const std::string body = document("<w:p><w:r><w:t>Terraform</w:t></w:r></w:p>");
  const std::string separators = styled_package(body, kPlainStyles, kSeparatorNotes);
  const std::string noted = styled_package(body, kPlainStyles, forged);
  CHECK(ra::test::joined(extract_cold(separators), true) == "[body] Terraform\n");
  CHECK(ra::test::joined(extract_cold(noted), true) == "[body] Terraform\n[footnote] Kubernetes\n");
  for (int round = 0; round < 2; ++round) {  // this thread remembers the separators from the first read
    CHECK(ra::test::joined(extract(separators), true) == "[body] Terraform\n");
    CHECK(ra::test::joined(extract(noted), true) == "[body] Terraform\n[footnote] Kubernetes\n");
  }
}

TEST_CASE("docx parts met before count against the limits as if read again", "[docx][hostile]") {
  // Relationships, plain styles and notes that gave no text are remembered
  // by their stored bytes; a thread that remembers them must give what a
  // fresh one gives, under any limits, failures and their messages included.
  const std::string pkg = styled_package(kSecretBody, kPlainStyles, kSeparatorNotes);
  REQUIRE(extract(pkg).ok());  // now remembered on this thread
  // Every limit from 0 to the package's size, past the five parts' sizes
  // together: each part's own size and every running total are crossed.
  const std::uint64_t all = pkg.size();
  std::size_t failures = 0;
  for (std::uint64_t v = 0; v <= all; ++v) {
    for (const ExtractLimits& limits : limits_of(v)) {
      INFO("limit " << v);
      const ExtractResult warm = extract(pkg, limits), cold = extract_cold(pkg, limits);
      CHECK(same_result(warm, cold));
      failures += warm.ok() ? 0 : 1;
    }
  }
  CHECK(failures > 100);  // the sweep does cross the limits
  for (std::uint32_t v = 1; v <= 4; ++v) {
    ExtractLimits depth, attributes, elements;
    depth.max_nesting_depth = v;
    attributes.max_attributes = v;
    elements.max_elements = v + 1;
    for (const ExtractLimits& limits : {depth, attributes, elements}) {
      INFO("XML limit " << v);
      const ExtractResult warm = extract(pkg, limits), cold = extract_cold(pkg, limits);
      CHECK(same_result(warm, cold));
      if (v == 1) CHECK(!warm.ok());
    }
  }
}

TEST_CASE("docx main part inflated by sniff is what extract reads, and only for the same bytes", "[docx][hostile]") {
  // sniff() keeps the main part it inflated whole for the extract() that
  // follows on its thread. extract() must give what a thread that never
  // sniffed gives: for another document, for a forged part with the same
  // size and CRC-32, under any limits, and when called twice.
  const auto deflated_package = [](const std::string& document_xml) {
    std::vector<Entry> entries = package_entries();
    entries.push_back(deflated_stored("word/document.xml", document_xml));
    return make_zip(entries);
  };
  const std::string body = document("<w:p><w:r><w:t>Kubernetes, Terraform and Python</w:t></w:r></w:p>");
  const std::string pkg = deflated_package(body);
  const std::string text = "[body] Kubernetes, Terraform and Python\n";
  REQUIRE(docx().sniff(pkg) == 100);
  CHECK(ra::test::joined(extract(pkg), true) == text);  // extract() reads it twice: the second without
  REQUIRE(docx().sniff(pkg) == 100);
  CHECK(ra::test::joined(extract(deflated_package(document("<w:p><w:r><w:t>Rust</w:t></w:r></w:p>"))), true) ==
        "[body] Rust\n");

  std::string forged;
  const std::string prefix = document("<w:p><w:r><w:t>Go and Python</w:t></w:r></w:p>");
  REQUIRE(prefix.size() + 4 + 4 < body.size());
  for (std::size_t pad = 0; forged.empty(); ++pad) {  // a comment after the root element hides the patch
    const std::string head = prefix + "<!--" + std::string(pad, ' ');
    const std::string tail = std::string(body.size() - head.size() - 4 - 3, ' ') + "-->";
    const std::string candidate = with_crc(head, tail, crc32(body));
    if (candidate.substr(head.size(), 4).find_first_of(std::string("-<>\0", 4)) == std::string::npos) {
      forged = candidate;
    }
  }
  REQUIRE(forged.size() == body.size());
  REQUIRE(crc32(forged) == crc32(body));
  REQUIRE(docx().sniff(pkg) == 100);
  CHECK(ra::test::joined(extract(deflated_package(forged)), true) == "[body] Go and Python\n");

  std::size_t failures = 0;
  for (std::uint64_t v = 0; v <= body.size() + 200; v += 7) {
    for (const ExtractLimits& limits : limits_of(v)) {
      INFO("limit " << v);
      REQUIRE(docx().sniff(pkg) == 100);
      const ExtractResult warm = extract(pkg, limits), cold = extract_cold(pkg, limits);
      CHECK(same_result(warm, cold));
      failures += warm.ok() ? 0 : 1;
    }
  }
  CHECK(failures > 30);  // the sweep does cross the limits
}

TEST_CASE("docx styles that could hide text are read however they are spelt", "[docx][hidden]") {
  // The byte scan that decides whether to parse the styles part must not
  // miss a style that hides text: each of these is a paragraph style "W".
  const auto para_style = [](const std::string& rpr) {
    return "<w:style w:type=\"paragraph\" w:styleId=\"W\"><w:rPr>" + rpr + "</w:rPr></w:style>";
  };
  const std::string in_w = "<w:pPr><w:pStyle w:val=\"W\"/></w:pPr>";
  for (const std::string& rpr : {
           std::string("<w:color w:val=\"FFFFFF\"/>"),
           std::string("<w:color w:val='fff8F0'/>"),                          // single quotes, any case
           std::string("<w:color w:val = \"FFFFFF\" />"),                   // spaces around '='
           std::string("<w:color w:val=\"&#70;FFFFF\"/>"),                  // a character reference
           std::string("<w:color w:themeColor=\"a>b\" w:val=\"FFFFFF\"/>"),  // '>' in an earlier value
           std::string("<q:color xmlns:q=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                       "q:val=\"FFFFFF\"/>"),                                 // another prefix
           std::string("<w:sz w:val=\"2\"/>"),
           std::string("<w:sz w:val=\"0.5pt\"/>"),
           std::string("<w:vanish/>"),
           std::string("<w:specVanish/>"),
       }) {
    INFO(rpr);
    CHECK(run_text("", in_w, para_style(rpr)) == kAllHidden);
  }
  // A comment that looks like an element only makes the scan cautious.
  CHECK(run_text("", in_w, "<!-- <w:vanish/> -->" + para_style("<w:color w:val=\"000000\"/>")) == kShown);
  // Shading in a style shows white text: the styles must be read for that too.
  CHECK(run_text("<w:color w:val=\"FFFFFF\"/>", in_w,
                 "<w:style w:type=\"paragraph\" w:styleId=\"W\"><w:pPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/>"
                 "</w:pPr></w:style>") == kShown);
  CHECK(run_text("<w:color w:val=\"FFFFFF\"/>", in_w, para_style("<w:highlight w:val=\"black\"/>")) == kShown);
}

TEST_CASE("docx footnotes and endnotes follow the body, without separators", "[docx]") {
  CHECK(text_of("footnotes.docx") ==
        "[body] Published 3 papers and a book\nSpeaker\n"
        "[footnote] IEEE Software, 2021.\nSecond note.\nReferences on request.\n");
}

TEST_CASE("docx Strict namespaces and relationship types", "[docx]") {
  CHECK(text_of("strict.docx") == "[header] Strict header\n[body] Strict body text\nRust\tGo\n");
}

TEST_CASE("docx elements are matched by namespace URI, not prefix", "[docx]") {
  CHECK(text_of("prefixes.docx") == "[body] Default namespace\nOther prefix\nKept too\n");
}

TEST_CASE("docx main part found only through relationships", "[docx]") {
  CHECK(text_of("main_elsewhere.docx") ==
        "[header] Main header\n[body] Found through relationships\n[footer] Main footer\n");
}

TEST_CASE("docx written by LibreOffice: header, text box, table, footer", "[docx]") {
  CHECK(text_of("libreoffice_resume.docx") ==
        "[header] Jane Doe \xC2\xB7 jane@example.com \xC2\xB7 +1 555 0100\n"
        "[body] Senior Software Engineer\nTen years building distributed systems.\n"
        "[text box] Certified Kubernetes Administrator\n"
        "[table] Languages\tC++, Rust\nDatabases\tPostgreSQL\n"
        "[body] Available from May.\n"
        "[footer] R\xC3\xA9sum\xC3\xA9 of Jane Doe\n");
}

TEST_CASE("docx written by pandoc: lists, table, link, footnote", "[docx]") {
  CHECK(text_of("pandoc_resume.docx") ==
        "[body] Jane Doe\njane@example.com \xC2\xB7 github.com/janedoe\nExperience\n"
        "Senior Software Engineer, Acme Corp (2019\xE2\x80\x93" "2024)\n"
        "Led a team of five engineers\nBuilt CI/CD pipelines with GitHub Actions\nSkills\n"
        "[table] Area\tTools\nLanguages\tC++, Python, Go\nCloud\tAWS, Kubernetes\n"
        "[footnote] Hired and mentored three of them.\n");
}

TEST_CASE("docx parts are read as they stream by, and from a tree where the stream is unsure", "[docx]") {
  // Documents by real writers, and the edge fixtures, read whole by the
  // stream: no tree is built for them, and the text is the tree's.
  for (const std::string name :
       {"pandoc_resume.docx", "libreoffice_resume.docx", "hidden_text.docx", "textbox.docx", "table_skills.docx",
        "fields.docx", "footnotes.docx", "header_contact.docx", "content_control.docx", "hyperlink.docx",
        "tracked_changes.docx", "prefixes.docx", "strict.docx", "main_elsewhere.docx"}) {
    INFO(name);
    ExtractResult streamed;
    {
      const Readers stream("stream");
      streamed = docx().extract(fixture(name), ExtractLimits{});
    }
    REQUIRE(streamed.ok());
    CHECK(ra::test::joined(streamed, true) == text_of(name));
  }

  // What the stream leaves to the tree, each with the text the tree gives
  // (extract() checks that the default readers give the same as the tree).
  const auto unsure = [](const std::string& body, const std::string& text) {
    const std::string bytes = package(document(body));
    INFO(body);
    {
      const Readers stream("stream");
      const ExtractResult streamed = docx().extract(bytes, ExtractLimits{});
      CHECK(streamed.status == ExtractStatus::kInternal);
      CHECK(streamed.message == "the stream reader gave up on word/document.xml");
    }
    const ExtractResult r = extract(bytes);
    REQUIRE(r.ok());
    CHECK(ra::test::joined(r, true) == text);
  };
  // Character references, CDATA, a carriage return: kept as pugixml reads them.
  unsure("<w:p><w:r><w:t>caf&#233; &#x2014; ok</w:t></w:r></w:p>", "[body] caf\xC3\xA9 \xE2\x80\x94 ok\n");
  unsure("<w:p><w:r><w:t><![CDATA[a <b> c]]></w:t></w:r></w:p>", "[body] a <b> c\n");
  unsure("<w:p><w:r><w:t>one\r\ntwo</w:t></w:r></w:p>", "[body] one two\n");
  unsure("<w:p><w:pPr><w:pStyle w:val=\"a&#10;b\"/></w:pPr><w:r><w:t>styled</w:t></w:r></w:p>", "[body] styled\n");
  // A w:t holding more than one run of text.
  unsure("<w:p><w:r><w:t>split<!-- note -->text</w:t></w:r></w:p>", "[body] splittext\n");
  unsure("<w:p><w:r><w:t>a<w:x/>b</w:t></w:r></w:p>", "[body] ab\n");
  // Properties after the content they apply to: the whole element takes them.
  unsure("<w:p><w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr><w:t>white</w:t></w:r>"
         "<w:pPr><w:shd w:val=\"clear\" w:fill=\"1F3864\"/></w:pPr></w:p>",
         "[body] white\n");
  unsure("<w:p><w:r><w:t>gone</w:t><w:rPr><w:vanish/></w:rPr></w:r></w:p>", "[hidden] gone\n");
  unsure("<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr><w:t>cell</w:t></w:r></w:p>"
         "</w:tc></w:tr><w:tblPr><w:shd w:val=\"clear\" w:fill=\"000000\"/></w:tblPr></w:tbl>",
         "[table] cell\n");
  unsure("<w:tbl><w:tr><w:tc><w:p><w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr><w:t>cell</w:t></w:r></w:p>"
         "<w:tcPr><w:shd w:val=\"clear\" w:fill=\"000000\"/></w:tcPr></w:tc></w:tr></w:tbl>",
         "[table] cell\n");
  // mc:AlternateContent: the first mc:Choice counts, even after the mc:Fallback.
  unsure("<w:p><w:r><mc:AlternateContent xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\">"
         "<mc:Fallback><w:t>fallback</w:t></mc:Fallback><mc:Choice Requires=\"wps\"><w:t>choice</w:t></mc:Choice>"
         "</mc:AlternateContent></w:r></w:p>",
         "[body] choice\n");
  // A page colour given after the body still colours the page behind it.
  {
    const std::string body = "<w:p><w:r><w:rPr><w:color w:val=\"FFFFFF\"/></w:rPr><w:t>on dark</w:t></w:r></w:p>";
    const std::string xml = std::string("<w:document xmlns:w=\"") + kW + "\"><w:body>" + body +
                            "</w:body><w:background w:color=\"000000\"/></w:document>";
    const ExtractResult r = extract(package(xml));
    REQUIRE(r.ok());
    CHECK(ra::test::joined(r, true) == "[body] on dark\n");
    const Readers stream("stream");
    CHECK(docx().extract(package(xml), ExtractLimits{}).status == ExtractStatus::kInternal);
  }
  // Malformed XML: the tree's message, never the stream's.
  const ExtractResult malformed = extract(package(document("<w:p><w:r><w:t>open</w:r></w:p>")));
  CHECK(malformed.status == ExtractStatus::kCorrupt);
  CHECK(malformed.message.rfind("malformed XML in word/document.xml: ", 0) == 0);
}

TEST_CASE("docx UTF-16 parts are decoded", "[docx]") {
  const std::string xml = "\xFF\xFE" + document("<w:p><w:r><w:t>UTF-16 r\xC3\xA9sum\xC3\xA9</w:t></w:r></w:p>");
  std::string utf16;  // the ASCII and Latin-1 text above, widened to UTF-16LE
  for (std::size_t i = 0; i < xml.size(); ++i) {
    const auto c = static_cast<unsigned char>(xml[i]);
    if (i < 2) {
      utf16 += static_cast<char>(c);
    } else if (c == 0xC3) {
      utf16 += static_cast<char>(0x40 + static_cast<unsigned char>(xml[++i]));
      utf16 += '\0';
    } else {
      utf16 += static_cast<char>(c);
      utf16 += '\0';
    }
  }
  const ExtractResult r = extract(package(utf16));
  REQUIRE(r.ok());
  CHECK(ra::test::joined(r, true) == "[body] UTF-16 r\xC3\xA9sum\xC3\xA9\n");
}

TEST_CASE("docx sniff", "[docx]") {
  for (const char* name :
       {"textbox.docx", "header_contact.docx", "table_skills.docx", "tracked_changes.docx", "hyperlink.docx",
        "content_control.docx", "fields.docx", "runs.docx", "footnotes.docx", "strict.docx", "prefixes.docx",
        "main_elsewhere.docx", "libreoffice_resume.docx", "pandoc_resume.docx", "hidden_text.docx",
        "hostile_deep300.docx",
        "hostile_malformed.docx"}) {
    INFO(name);
    CHECK(docx().sniff(fixture(name)) == 100);
  }
  // A package whose main part is read and is not WordprocessingML is not a DOCX.
  CHECK(docx().sniff(fixture("hostile_presentation.docx")) == 0);
  // Recognised but unreadable: extract() says why.
  CHECK(docx().sniff(fixture("hostile_encrypted.docx")) == 50);
  CHECK(docx().sniff(fixture("hostile_bzip2.docx")) == 50);
  // Meant to be a DOCX (an entry under word/), but corrupt or hostile: 50, so that
  // the host runs extract() and the user learns the reason, not "unsupported format".
  for (const char* name : {"hostile_no_main_part.docx", "hostile_plain.zip", "hostile_media_main.docx",
                           "hostile_duplicate.docx", "hostile_overlap.docx", "hostile_dtd.docx"}) {
    INFO(name);
    CHECK(docx().sniff(fixture(name)) == 50);
  }
  CHECK(docx().sniff(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0') +
                     std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32)) == 50);
  CHECK(docx().sniff("") == 0);
  CHECK(docx().sniff("PK") == 0);
  CHECK(docx().sniff("Jane Doe\nSoftware Engineer\n") == 0);
  CHECK(docx().sniff("<html><body>Jane</body></html>") == 0);
  CHECK(docx().sniff(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11) + std::string(200, 'x')) == 0);
  CHECK(docx().sniff(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0')) == 0);
  const std::string whole = fixture("textbox.docx");
  // Truncated: no central directory, so the local file headers tell.
  CHECK(docx().sniff(whole.substr(0, whole.size() / 2)) == 50);
}

TEST_CASE("docx sniff reads the main part as far as its root tag, up to 64 KiB", "[docx]") {
  // Word writes dozens of namespace declarations on w:document (about 2.5 KB);
  // the sniff inflates the part a step at a time until the tag is complete.
  const auto root_tag = [](const std::string& element, std::size_t padding) {
    std::string tag = "<" + element + " xmlns:w=\"" + kW + "\"";
    for (std::size_t i = 0; tag.size() < padding; ++i) tag += " xmlns:n" + std::to_string(i) + "=\"urn:padding\"";
    return tag + ">";
  };
  const auto sniff = [](const std::string& main_xml, bool deflated) {
    std::vector<Entry> entries = package_entries();
    entries.push_back(deflated ? deflated_stored("word/document.xml", main_xml) : stored("word/document.xml", main_xml));
    return docx().sniff(make_zip(entries));
  };
  const std::string rest = "<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>";
  for (const std::size_t padding : {std::size_t{0}, std::size_t{1500}, std::size_t{3000}, std::size_t{20000}}) {
    INFO(padding);
    const std::string document = root_tag("w:document", padding) + rest + "</w:document>";
    CHECK(sniff(document, true) == 100);
    CHECK(sniff(document, false) == 100);
    CHECK(sniff(root_tag("w:presentation", padding) + rest + "</w:presentation>", true) == 0);
  }
  // A root tag that runs past 64 KiB is never read: recognised (an entry
  // under word/), so extract() tells the user what it finds.
  CHECK(sniff(root_tag("w:document", 70000) + rest + "</w:document>", false) == 50);
  // Damage past the root tag is extract()'s to report.
  const std::string document = root_tag("w:document", 3000) + rest + "</w:document>";
  std::vector<Entry> entries = package_entries();
  entries.push_back(deflated_stored("word/document.xml", document));
  entries.back().crc ^= 1;
  const std::string bad_crc = make_zip(entries);
  CHECK(docx().sniff(bad_crc) == 100);
  CHECK(extract(bad_crc).message == "corrupt part word/document.xml: CRC error");
}

TEST_CASE("docx sniff: the main part's root element by namespace, however its tag is written", "[docx]") {
  // The root tag is read as the part streams by, or from a tree of the tag
  // where the stream gives up (a DOCTYPE, which the tree then refuses; a
  // character reference): the same answer either way.
  const auto sniff = [](const std::string& main_xml) {
    std::vector<Entry> entries = package_entries();
    entries.push_back(deflated_stored("word/document.xml", main_xml));
    return docx().sniff(make_zip(entries));
  };
  const std::string w(kW), strict("http://purl.oclc.org/ooxml/wordprocessingml/main");
  const std::string body = "<w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body>";
  const std::pair<std::string, int> cases[] = {
      {"<w:document xmlns:w=\"" + w + "\">" + body + "</w:document>", 100},
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?>\n<!-- c -->\n<w:document xmlns:w='" + w + "'>" + body + "</w:document>", 100},
      {"<document xmlns=\"" + w + "\" xmlns:w=\"" + w + "\">" + body + "</document>", 100},
      {"<x:document xmlns:x=\"" + strict + "\" xmlns:w=\"" + strict + "\">" + body + "</x:document>", 100},
      {"<!DOCTYPE w:document><w:document xmlns:w=\"" + w + "\">" + body + "</w:document>", 50},  // a DTD: refused
      {"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/m&#97;in\">" + body +
           "</w:document>", 100},
      {"<w:document xmlns:w=\"urn:not-word\">" + body + "</w:document>", 0},
      {"<w:document xmlns:w=\"" + w + "&amp;\">" + body + "</w:document>", 0},
      {"<w:document>" + body + "</w:document>", 0},
      {"<document xmlns:w=\"" + w + "\">" + body + "</document>", 0},
      {"<w:body xmlns:w=\"" + w + "\"><w:p/></w:body>", 0},
  };
  for (const auto& [xml, expected] : cases) {
    INFO(xml.substr(0, 120));
    CHECK(sniff(xml) == expected);
  }
}

TEST_CASE("docx relationships: however written, streamed or from a tree, the same parts", "[docx]") {
  // The main part's relationships name a header and a footer. extract()
  // reads each package with the default readers and again from trees only,
  // and checks that both say the same (see extract() above).
  const auto extracted = [](const std::string& rels) {
    std::vector<Entry> entries = package_entries();
    entries.push_back(stored("word/document.xml", document("<w:p><w:r><w:t>Body</w:t></w:r></w:p>")));
    entries.push_back(stored("word/_rels/document.xml.rels", rels));
    entries.push_back(stored("word/header1.xml", std::string("<w:hdr xmlns:w=\"") + kW +
                                                     "\"><w:p><w:r><w:t>Head</w:t></w:r></w:p></w:hdr>"));
    entries.push_back(stored("word/footer1.xml", std::string("<w:ftr xmlns:w=\"") + kW +
                                                     "\"><w:p><w:r><w:t>Foot</w:t></w:r></w:p></w:ftr>"));
    const ExtractResult r = extract(make_zip(entries));
    return r.ok() ? ra::test::joined(r, true) : r.message;
  };
  const std::string types = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  const auto rel = [&](const std::string& attributes) { return "<Relationship " + attributes + "/>"; };
  const auto rels = [](const std::string& content) {
    return "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/"
           "relationships\">" + content + "</Relationships>";
  };
  const std::string both = "[header] Head\n[body] Body\n[footer] Foot\n";
  CHECK(extracted(rels(rel("Id=\"rId1\" Type=\"" + types + "header\" Target=\"header1.xml\"") +
                       rel("Id='rId2' Type='" + types + "footer' Target='/word/footer1.xml'"))) == both);
  // Entities and white space in values, a prefix on the element, comments.
  CHECK(extracted(rels("<!-- r --><r:Relationship xmlns:r=\"urn:x\" Id=\"rId1\" Type=\"" + types +
                       "header\" Target=\"./header1.xml\"/>\n" +
                       rel("Id=\"rId2\" Type=\"" + types + "footer\" Target=\"footer1.xml\" Note=\"a&amp;b\tc\""))) ==
        both);
  // A character reference: the stream gives up, the tree reads it.
  CHECK(extracted(rels(rel("Id=\"rId1\" Type=\"" + types + "header\" Target=\"header&#49;.xml\""))) ==
        "[header] Head\n[body] Body\n");
  // External targets, other vocabularies, a Relationship not a child of the
  // root, and the first of two Target attributes.
  CHECK(extracted(rels(rel("Id=\"rId1\" Type=\"" + types + "header\" Target=\"header1.xml\" TargetMode=\"External\"") +
                       rel("Id=\"rId2\" Type=\"urn:other/footer\" Target=\"footer1.xml\"") +
                       "<Group>" + rel("Id=\"rId3\" Type=\"" + types + "footer\" Target=\"footer1.xml\"") + "</Group>" +
                       rel("Id=\"rId4\" Type=\"" + types + "header\" Target=\"nowhere.xml\" Target=\"header1.xml\""))) ==
        "[body] Body\n");
  // Malformed: the tree's error, whichever reader came first.
  CHECK(extracted(rels(rel("Id=\"rId1\" Type=\"" + types + "header\" Target=\"header1.xml\"") + "<Relationship")) ==
        "malformed XML in word/_rels/document.xml.rels: error parsing start element tag at offset 248");
}

TEST_CASE("docx sniff: a broken DOCX is recognised, other ZIPs are not", "[docx][hostile]") {
  const std::string good = package(document("<w:p><w:r><w:t>Python</w:t></w:r></w:p>"));
  REQUIRE(docx().sniff(good) == 100);

  // Central directory damaged: every record's signature broken.
  std::string bad_directory = good;
  for (std::size_t at = 0; (at = bad_directory.find("PK\x01\x02", at)) != std::string::npos;) {
    bad_directory[at + 2] = '\xEE';
  }
  CHECK(docx().sniff(bad_directory) == 50);
  CHECK(extract(bad_directory).status == ExtractStatus::kCorrupt);
  // Cut anywhere after the first local headers.
  CHECK(docx().sniff(good.substr(0, good.size() - 30)) == 50);
  // Bad CRC in the main part.
  std::vector<Entry> entries = package_entries();
  entries.push_back(stored("word/document.xml", document("<w:p><w:r><w:t>Python</w:t></w:r></w:p>")));
  entries.back().crc ^= 0x5A5A5A5Au;
  CHECK(docx().sniff(make_zip(entries)) == 50);
  // A root start tag longer than the 4 KiB sniff() reads first: it reads on.
  std::string long_root = "<w:document xmlns:w=\"" + std::string(kW) + "\"";
  for (int i = 0; long_root.size() < 6000; ++i) long_root += " xmlns:x" + std::to_string(i) + "=\"urn:x\"";
  CHECK(docx().sniff(package(long_root + "><w:body/></w:document>")) == 100);
  CHECK(docx().sniff(package(long_root.replace(1, 10, "w:settings") + "/>")) == 0);
  // The main part's first element is not within 64 KiB (a DTD stops the scan).
  CHECK(docx().sniff(package("<!DOCTYPE w:document []>" + document(""))) == 50);
  // Too many entries.
  std::vector<Entry> many = package_entries();
  many.push_back(stored("word/document.xml", document("")));
  for (int i = 0; i < 1001; ++i) many.push_back(stored("customXml/item" + std::to_string(i) + ".xml", "<a/>"));
  CHECK(docx().sniff(make_zip(many)) == 50);
  // No word/ entry, but [Content_Types].xml names a WordprocessingML main part elsewhere.
  std::vector<Entry> elsewhere{
      stored("[Content_Types].xml",
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
             "PartName=\"/doc/main.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
             "wordprocessingml.document.main+xml\"/></Types>"),
      stored("doc/main.xml", document(""))};
  CHECK(docx().sniff(make_zip(elsewhere)) == 50);
  CHECK(extract(make_zip(elsewhere)).message == "no package relationships (_rels/.rels) in package");
  elsewhere.push_back(elsewhere.back());  // and then a duplicate entry
  CHECK(docx().sniff(make_zip(elsewhere)) == 50);

  // Not meant to be a DOCX: 0, for the other plugins to claim.
  const std::vector<Entry> odt{
      stored("mimetype", "application/vnd.oasis.opendocument.text"),
      stored("content.xml", "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:"
                            "office:1.0\"/>"),
      stored("META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:"
                                      "xmlns:manifest:1.0\"/>")};
  CHECK(docx().sniff(make_zip(odt)) == 0);
  std::vector<Entry> broken_odt = odt;
  broken_odt.push_back(odt[1]);  // a duplicate entry: unreadable, but still no DOCX
  CHECK(docx().sniff(make_zip(broken_odt)) == 0);
  const std::string odt_zip = make_zip(odt);
  CHECK(docx().sniff(odt_zip.substr(0, odt_zip.size() / 2)) == 0);
  const std::vector<Entry> text_files{stored("readme.txt", "just a zip\n"), stored("notes/todo.txt", "word/ up\n")};
  CHECK(docx().sniff(make_zip(text_files)) == 0);
  CHECK(docx().sniff(make_zip({})) == 0);
  // A spreadsheet: [Content_Types].xml, but not a Word type.
  const std::vector<Entry> xlsx{
      stored("[Content_Types].xml",
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override "
             "PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument."
             "spreadsheetml.sheet.main+xml\"/></Types>"),
      stored("xl/workbook.xml", "<workbook/>")};
  CHECK(docx().sniff(make_zip(xlsx)) == 0);
}

namespace {

void check_failure(const std::string& bytes, ExtractStatus status, const std::string& message,
                   const ExtractLimits& limits = ExtractLimits{}) {
  const ExtractResult r = extract(bytes, limits);
  CHECK(r.status == status);
  CHECK(r.message == message);
  CHECK(r.chunks.empty());
}

}  // namespace

TEST_CASE("docx refuses what is not a DOCX", "[docx][hostile]") {
  check_failure("", ExtractStatus::kCorrupt, "not a ZIP archive");
  check_failure("Jane Doe, Software Engineer, jane@example.com", ExtractStatus::kCorrupt, "not a ZIP archive");
  check_failure(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11) + std::string(200, 'x'), ExtractStatus::kCorrupt,
                "not a ZIP archive");
  const std::string whole = fixture("textbox.docx");
  check_failure(whole.substr(0, whole.size() / 2), ExtractStatus::kCorrupt,
                "corrupt ZIP archive: no end of central directory (truncated?)");
  check_failure(whole.substr(0, 10), ExtractStatus::kCorrupt, "corrupt ZIP archive: truncated");
  check_failure(fixture("hostile_plain.zip"), ExtractStatus::kCorrupt,
                "no package relationships (_rels/.rels) in package");
  check_failure(fixture("hostile_no_main_part.docx"), ExtractStatus::kCorrupt,
                "no main document part (word/document.xml) in package");
  check_failure(fixture("hostile_media_main.docx"), ExtractStatus::kCorrupt,
                "no main document part (word/media/image1.xml) in package");
  check_failure(fixture("hostile_presentation.docx"), ExtractStatus::kCorrupt,
                "main part ppt/presentation.xml is not a WordprocessingML document");
  check_failure(fixture("hostile_malformed.docx"), ExtractStatus::kCorrupt,
                "malformed XML in word/document.xml: start-end tags mismatch at offset 609");
  check_failure(fixture("hostile_dtd.docx"), ExtractStatus::kCorrupt, "DTD not allowed in word/document.xml");
}

TEST_CASE("docx refuses encrypted and oddly compressed packages", "[docx][hostile]") {
  check_failure(fixture("hostile_encrypted.docx"), ExtractStatus::kUnsupported, "encrypted DOCX is not supported");
  check_failure(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(600, '\0') +
                    std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32),
                ExtractStatus::kUnsupported, "encrypted DOCX is not supported");
  check_failure(fixture("hostile_bzip2.docx"), ExtractStatus::kUnsupported,
                "unsupported compression method 12 in word/document.xml");
}

TEST_CASE("docx reads ZIP64 directories and archive comments", "[docx]") {
  std::vector<Entry> entries = package_entries();
  entries.push_back(stored("word/document.xml", document("<w:p><w:r><w:t>Python</w:t></w:r></w:p>")));
  // The second comment holds an end record's signature whose fields are nonsense.
  for (const std::string comment : {std::string(), "PK\x05\x06" + std::string(30, 'x')}) {
    for (const bool zip64 : {false, true}) {
      INFO("zip64 " << zip64 << ", comment of " << comment.size() << " bytes");
      const std::string zip = make_zip(entries, zip64, comment);
      CHECK(docx().sniff(zip) == 100);
      const ExtractResult r = extract(zip);
      CHECK(r.message.empty());
      CHECK(ra::test::joined(r, true) == "[body] Python\n");
    }
  }
  // An end record whose comment would run past the end of the file is not one.
  const std::string zip = make_zip(entries, false, "a comment");
  check_failure(zip.substr(0, zip.size() - 1), ExtractStatus::kCorrupt,
                "corrupt ZIP archive: the end record's comment runs past the end");
  // A declared size no allocation could hold is only a claim, even with the limits lifted.
  std::string huge = make_zip(entries, true);
  huge[huge.rfind(std::string("\x01\x00\x18\x00", 4)) + 4 + 7] = '\x40';  // word/document.xml: 2^62 more
  ExtractLimits unlimited;
  unlimited.max_part_bytes = unlimited.max_total_inflated_bytes = ~std::uint64_t{0};
  const ExtractResult r = extract(huge, unlimited);
  CHECK(r.message.empty());
  CHECK(ra::test::joined(r, true) == "[body] Python\n");
  // Saturated sizes need their ZIP64 extra field.
  std::string no_extra = make_zip(entries, true);
  no_extra[no_extra.find(std::string("\x01\x00\x18\x00", 4))] = '\x07';  // the first record's field id
  check_failure(no_extra, ExtractStatus::kCorrupt, "corrupt ZIP archive: unreadable entry 0");
  CHECK(docx().sniff(no_extra) == 50);  // still names word/ entries in its local headers
}

TEST_CASE("docx refuses malicious ZIP structure", "[docx][hostile]") {
  check_failure(fixture("hostile_duplicate.docx"), ExtractStatus::kCorrupt,
                "duplicate entry name word/document.xml in ZIP archive");
  check_failure(fixture("hostile_overlap.docx"), ExtractStatus::kCorrupt,
                "ZIP entries overlap (compressed sizes exceed the archive size)");
  std::vector<Entry> many = package_entries();
  for (int i = 0; i < 1000; ++i) many.push_back(stored("word/media/" + std::to_string(i) + ".png", ""));
  check_failure(make_zip(many), ExtractStatus::kLimitExceeded, "ZIP archive has more than 1000 entries");
}

TEST_CASE("docx stops zip bombs by the bytes actually inflated", "[docx][hostile]") {
  // About 200 MB of zeros in 190 KiB.
  check_failure(zip_bomb(190, 190u << 20), ExtractStatus::kLimitExceeded,
                "compression ratio over 100:1 in word/document.xml");
  // The declared size is only a claim.
  check_failure(zip_bomb(190, 1000), ExtractStatus::kLimitExceeded,
                "compression ratio over 100:1 in word/document.xml");

  ExtractLimits no_ratio;
  no_ratio.max_compression_ratio = 1u << 30;
  no_ratio.max_part_bytes = 1u << 20;
  check_failure(zip_bomb(2, 2u << 20), ExtractStatus::kLimitExceeded,
                "part word/document.xml inflates past the 1 MiB limit", no_ratio);
  no_ratio.max_part_bytes = 20u << 20;
  no_ratio.max_total_inflated_bytes = 1u << 20;
  check_failure(zip_bomb(2, 2u << 20), ExtractStatus::kLimitExceeded, "package inflates past the 1 MiB limit",
                no_ratio);
}

TEST_CASE("docx limits XML nesting", "[docx][hostile]") {
  check_failure(fixture("hostile_deep300.docx"), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 256 in word/document.xml");
  // Not well-formed: the scan before parsing decides.
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<w:sdt>";
  check_failure(package(document(deep)), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 256 in word/document.xml");
  // Well-formed and small enough to parse first: the tree is checked, without recursion.
  std::string well_formed = deep;
  for (int i = 0; i < 200000; ++i) well_formed += "</w:sdt>";
  check_failure(package(document(well_formed)), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 256 in word/document.xml");
  // The depth counts elements with children: 256 levels pass, 257 do not.
  const auto nested = [](int levels) {
    std::string xml;
    for (int i = 0; i < levels; ++i) xml += "<w:sdt>";
    xml += "x";
    for (int i = 0; i < levels; ++i) xml += "</w:sdt>";
    return xml;
  };
  CHECK(extract(package(document(nested(254)))).ok());  // w:document and w:body make 256
  check_failure(package(document(nested(255))), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 256 in word/document.xml");

  ExtractLimits shallow;
  shallow.max_nesting_depth = 5;
  check_failure(fixture("textbox.docx"), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 5 in word/document.xml", shallow);
  // The walk recurses over the tree, so the plugin caps depth at 1024 whatever the host allows.
  ExtractLimits unbounded;
  unbounded.max_nesting_depth = 1u << 30;
  check_failure(package(document(deep)), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 1024 in word/document.xml", unbounded);
}

TEST_CASE("docx limits elements, attributes and tree nodes before building a tree", "[docx][hostile]") {
  const auto paragraphs = [](int n, const std::string& extra = "") {
    std::string body;
    for (int i = 0; i < n; ++i) body += "<w:p" + extra + "><w:r><w:t>x</w:t></w:r></w:p>";
    return document(body);
  };
  ExtractLimits limits;
  limits.max_elements = 1000;
  // 2 + 3 * 333 = 1001 elements (w:document, w:body, then w:p w:r w:t per paragraph).
  check_failure(package(paragraphs(333)), ExtractStatus::kLimitExceeded,
                "more than 1000 XML elements in word/document.xml", limits);
  // Self-closing elements count too.
  check_failure(package(document(std::string(1000, ' ') + [] {
                  std::string flood;
                  for (int i = 0; i < 1000; ++i) flood += "<ab/>";
                  return flood;
                }())),
                ExtractStatus::kLimitExceeded, "more than 1000 XML elements in word/document.xml", limits);
  // 2 + 3 * 250 = 752 elements, 250 text nodes, 1 attribute (xmlns:w): 1003 nodes.
  check_failure(package(paragraphs(250)), ExtractStatus::kLimitExceeded,
                "more than 1000 XML nodes (elements, attributes, text) in word/document.xml", limits);
  CHECK(extract(package(paragraphs(249)), limits).ok());  // 999 nodes
  // Attributes are nodes too.
  check_failure(package(paragraphs(200, " a=\"1\" b='2'")), ExtractStatus::kLimitExceeded,
                "more than 1000 XML nodes (elements, attributes, text) in word/document.xml", limits);
  // So are text runs that comments, processing instructions or CDATA split, and CDATA sections.
  std::string split = "<w:p><w:r><w:t>";
  for (int i = 0; i < 400; ++i) split += "x<!---->y<?pi?><![CDATA[z]]>";
  check_failure(package(document(split + "</w:t></w:r></w:p>")), ExtractStatus::kLimitExceeded,
                "more than 1000 XML nodes (elements, attributes, text) in word/document.xml", limits);
  // White space between elements is not a node (pugixml drops it), so indentation costs
  // nothing: 722 elements, 240 text nodes, 1 attribute (and 1200 runs of white space).
  std::string indented;
  for (int i = 0; i < 240; ++i) indented += "\n  <w:p>\n    <w:r>\n      <w:t>x</w:t>\n    </w:r>\n  </w:p>";
  CHECK(extract(package(document(indented)), limits).ok());
  // White space that is an element's only child is kept, so it counts: 30 more elements
  // and 30 more text nodes give 1023 nodes (993 if that white space were not counted).
  std::string only_spaces;
  for (int i = 0; i < 30; ++i) only_spaces += "<a> </a>";
  check_failure(package(document(indented + only_spaces)),
                ExtractStatus::kLimitExceeded,
                "more than 1000 XML nodes (elements, attributes, text) in word/document.xml", limits);

  // Attributes of one element, namespace declarations included.
  ExtractLimits few;
  few.max_attributes = 3;
  check_failure(package(paragraphs(1, " a=\"1\" b='2' c=\"3\" d=\"4\"")), ExtractStatus::kLimitExceeded,
                "an element with more than 3 attributes in word/document.xml", few);
  CHECK(extract(package(paragraphs(1, " a=\"1\" b='2' c=\"3\"")), few).ok());
  // Quotes inside a value are not attributes; '>' inside a value does not end the tag.
  CHECK(extract(package(paragraphs(1, " a=\"'x'>'\" b='\"' c=\"3\"")), few).ok());
  // A start tag cut off at the end of the part counts as far as it goes.
  check_failure(package(document("") + "<w:p a=\"1\" b=\"2\" c=\"3\" d=\"4\" e=\"5\""), ExtractStatus::kLimitExceeded,
                "an element with more than 3 attributes in word/document.xml", few);

  // Every part is held to the limits: here the package relationships come first.
  few.max_attributes = 1;
  check_failure(package(document("")), ExtractStatus::kLimitExceeded,
                "an element with more than 1 attributes in _rels/.rels", few);
  ExtractLimits small;
  small.max_elements = 50;
  std::string styles = std::string("<w:styles xmlns:w=\"") + kW + "\">";
  for (int i = 0; i < 60; ++i) styles += "<w:style/>";
  styles += "<w:style><w:rPr><w:vanish/></w:rPr></w:style>";  // a styles part that is parsed
  check_failure(styled_package(document(""), styles + "</w:styles>"), ExtractStatus::kLimitExceeded,
                "more than 50 XML elements in word/styles.xml", small);
  CHECK(extract(fixture("header_contact.docx"), small).ok());
}

TEST_CASE("docx checks the compression ratio against the compressed bytes used so far", "[docx][hostile]") {
  // 4 MiB of zeros (about 4 KiB), then 300,000 bytes that do not compress (stored
  // blocks): 4.3 MB from 304 KB is 14:1 over the whole entry, so a check against the
  // entry's compressed size would let it through; the zeros alone are 1000:1.
  std::string data;
  const std::string zeros = deflated_zeros(4);
  data = zeros.substr(0, zeros.size() - 2);  // without the final empty block
  std::uint32_t seed = 12345;
  for (int block = 0; block < 5; ++block) {
    const std::uint32_t n = 60000;
    data += static_cast<char>(block == 4 ? 1 : 0);  // BFINAL on the last, BTYPE 00 (stored)
    put16(data, n);
    put16(data, n ^ 0xFFFFu);
    for (std::uint32_t i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      data += static_cast<char>(seed >> 24);
    }
  }
  std::vector<Entry> entries = package_entries();
  entries.push_back(Entry{"word/document.xml", data, 8, 0, (4u << 20) + 300000u});
  check_failure(make_zip(entries), ExtractStatus::kLimitExceeded,
                "compression ratio over 100:1 in word/document.xml");
  ExtractLimits lenient;
  lenient.max_compression_ratio = 2000;
  check_failure(make_zip(entries), ExtractStatus::kCorrupt, "corrupt part word/document.xml: CRC error", lenient);

  // A DEFLATE stream without its final block, and invalid DEFLATE data.
  entries.back() = Entry{"word/document.xml", zeros.substr(0, zeros.size() - 2), 8, 0, 4u << 20};
  check_failure(make_zip(entries), ExtractStatus::kCorrupt,
                "corrupt part word/document.xml: compressed data ends early", lenient);
  entries.back() = Entry{"word/document.xml", std::string(64, '\xFF'), 8, 0, 1000};
  check_failure(make_zip(entries), ExtractStatus::kCorrupt, "corrupt part word/document.xml: invalid compressed data");
  // A stored entry with a wrong CRC.
  entries.back() = stored("word/document.xml", document(""));
  entries.back().crc ^= 1;
  check_failure(make_zip(entries), ExtractStatus::kCorrupt, "corrupt part word/document.xml: CRC error");
}

TEST_CASE("docx reads small deflated parts whatever size they claim", "[docx][hostile]") {
  // Parts up to 100 KiB are inflated in one call into a buffer of their
  // declared size; when the claim is wrong or the data is damaged they are
  // read again step by step, with the same result as any other part.
  const std::string xml = document("<w:p><w:r><w:t>Python and SQL</w:t></w:r></w:p>");
  const auto with_main = [&](const Entry& main) {
    std::vector<Entry> entries = package_entries();
    entries.push_back(main);
    return make_zip(entries);
  };
  Entry main = deflated_stored("word/document.xml", xml);
  for (const std::uint32_t claim : {main.size, main.size - 10, main.size + 1000, 0u}) {
    main.size = claim;
    const ExtractResult r = extract(with_main(main));
    CHECK(r.message.empty());
    CHECK(ra::test::joined(r, true) == "[body] Python and SQL\n");
  }
  main = deflated_stored("word/document.xml", xml);
  main.crc ^= 1;
  check_failure(with_main(main), ExtractStatus::kCorrupt, "corrupt part word/document.xml: CRC error");
  main = deflated_stored("word/document.xml", xml);
  main.data.resize(main.data.size() - 5);
  check_failure(with_main(main), ExtractStatus::kCorrupt, "corrupt part word/document.xml: compressed data ends early");
}

TEST_CASE("docx limits the extracted text", "[docx][hostile]") {
  ExtractLimits small;
  small.max_text_bytes = 16;
  check_failure(fixture("runs.docx"), ExtractStatus::kLimitExceeded, "extracted text exceeds the 16 bytes limit",
                small);
  // One huge paragraph is stopped while it grows.
  small.max_text_bytes = 1000;
  check_failure(package(document("<w:p><w:r><w:t>" + std::string(5000, 'x') + "</w:t></w:r></w:p>")),
                ExtractStatus::kLimitExceeded, "extracted text exceeds the 1000 bytes limit", small);
}

TEST_CASE("docx extract and sniff may run on several threads at once", "[docx]") {
  const std::vector<std::string> names{"textbox.docx", "header_contact.docx", "table_skills.docx", "fields.docx",
                                       "runs.docx", "footnotes.docx", "libreoffice_resume.docx",
                                       "hidden_text.docx", "hostile_deep300.docx"};
  std::vector<std::string> inputs, expected;
  for (const std::string& name : names) {
    inputs.push_back(fixture(name));
    const ExtractResult r = extract(inputs.back());
    expected.push_back(r.message + "|" + ra::test::joined(r, true));
  }
  std::vector<std::future<bool>> runs;
  for (int t = 0; t < 4; ++t) {
    runs.push_back(std::async(std::launch::async, [&] {
      bool same = true;
      for (int round = 0; round < 20; ++round) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const ExtractResult r = docx().extract(inputs[i], ExtractLimits{});
          same = same && r.message + "|" + ra::test::joined(r, true) == expected[i] && docx().sniff(inputs[i]) == 100;
        }
      }
      return same;
    }));
  }
  for (auto& run : runs) CHECK(run.get());
}
