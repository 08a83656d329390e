// The ODT plugin (plugins/odt), loaded from the built odt.so.
// Fixtures: tests/data/odt/, written by LibreOffice through
// make_odt_fixtures.py there. Hostile packages, and ODF that LibreOffice
// does not keep when it reads Flat ODT (hidden-paragraph and hidden-text
// fields), are built here.
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"

#include "test_support.hpp"
#include "zip_writer.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <future>
#include <string>
#include <vector>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;

const ra::FormatPlugin& odt() { return ra::test::plugin("odt"); }

std::string fixture(const std::string& name) {
  return ra::test::read_file(std::string(RA_TEST_DATA_DIR) + "/odt/" + name);
}

ExtractResult extract(const std::string& bytes, const ExtractLimits& limits = ExtractLimits{}) {
  return odt().extract(bytes, limits);
}

std::string text_of_bytes(const std::string& bytes) {
  const ExtractResult r = extract(bytes);
  INFO(r.message);
  REQUIRE(r.ok());
  for (const ra::TextChunk& c : r.chunks) {
    CHECK(!c.text.empty());
    CHECK(c.text.back() != '\n');
    CHECK(c.text.find("\n\n") == std::string::npos);
  }
  for (std::size_t i = 1; i < r.chunks.size(); ++i) CHECK(r.chunks[i].zone != r.chunks[i - 1].zone);
  return ra::test::joined(r, true);
}

std::string text_of(const std::string& name) {
  INFO(name);
  return text_of_bytes(fixture(name));
}

void check_failure(const std::string& bytes, ExtractStatus status, const std::string& message,
                   const ExtractLimits& limits = ExtractLimits{}) {
  const ExtractResult r = extract(bytes, limits);
  CHECK(r.message == message);
  CHECK(r.status == status);
  CHECK(r.chunks.empty());
}

// ------------------------------------------------------------------ a ZIP writer (tests/zip_writer.hpp)

using ra::test::crc32;
using ra::test::Entry;
using ra::test::make_zip;
using ra::test::put16;
using ra::test::put32;
using ra::test::stored;

const char* const kNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"";

std::string content(const std::string& text, const std::string& automatic_styles = "") {
  return std::string("<office:document-content ") + kNs + "><office:automatic-styles>" + automatic_styles +
         "</office:automatic-styles><office:body><office:text>" + text +
         "</office:text></office:body></office:document-content>";
}

const char* const kManifest =
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
    "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
    "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
    "</manifest:manifest>";

/// mimetype (stored, first), the manifest, and content.xml.
std::string package(const std::string& content_xml, const std::string& mimetype = "application/vnd.oasis.opendocument.text") {
  return make_zip({stored("mimetype", mimetype), stored("META-INF/manifest.xml", kManifest),
                   stored("content.xml", content_xml)});
}

std::string from_hex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  return out;
}

/// `mib` MiB of zeros as one raw DEFLATE stream (see docx_plugin_test.cpp).
std::string deflated_zeros(std::size_t mib) {
  const std::string block =
      from_hex("ecc13101000000c2a0f54f6d085fa0") + std::string(1016, '\0') + from_hex("3e030000ffff");
  std::string out;
  for (std::size_t i = 0; i < mib; ++i) out += block;
  return out + from_hex("0300");
}

double score_of(const std::string& name, const std::string& format = "odt") {
  static const ra::Role role = std::move(ra::Role::compile(
      std::move(ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR})).value())).value();
  ra::Result<ra::Document> doc = ra::read_document(ra::test::built_plugins(), name, ra::test::sample(name));
  if (!doc) FAIL(doc.error().message);
  CHECK(doc.value().format == format);
  return std::move(role.analyse(doc.value())).value().score;
}

}  // namespace

TEST_CASE("odt plugin describes itself", "[odt]") {
  const ra::FormatInfo info = odt().info();
  CHECK(info.name == "odt");
  CHECK(info.description == "OpenDocument text (ODT)");
  CHECK(info.extensions == std::vector<std::string>{".odt"});
  CHECK(info.media_types == std::vector<std::string>{"application/vnd.oasis.opendocument.text"});
  CHECK(info.max_input_bytes == 10u * 1024 * 1024);
}

TEST_CASE("odt sniff: mimetype or manifest says text document", "[odt]") {
  CHECK(odt().sniff(fixture("table.odt")) == 100);
  CHECK(odt().sniff(ra::test::sample("strong-ml-engineer.odt")) == 100);
  CHECK(odt().sniff(package(content("<text:p>x</text:p>"))) == 100);
  // No mimetype entry: the manifest is enough.
  CHECK(odt().sniff(make_zip({stored("META-INF/manifest.xml", kManifest), stored("content.xml", content(""))})) ==
        100);
  // A mimetype entry decides; the manifest counts only without one.
  CHECK(odt().sniff(package(content(""), "application/vnd.oasis.opendocument.spreadsheet")) == 0);
  CHECK(odt().sniff(make_zip({stored("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                              stored("content.xml", content(""))})) == 0);
  CHECK(odt().sniff(ra::test::sample("strong-ml-engineer.docx")) == 0);
  CHECK(odt().sniff(ra::test::sample("strong-ml-engineer.pdf")) == 0);
  CHECK(odt().sniff("") == 0);
  CHECK(odt().sniff("PK\x03\x04 not really") == 0);
}

TEST_CASE("odt samples extract to exactly their expected text", "[odt]") {
  for (const std::string name : {"strong-ml-engineer.odt", "weak-ml-engineer.odt"}) {
    INFO(name);
    const std::string text = text_of_bytes(ra::test::sample(name));
    const std::string expected_file = std::string(RA_TEST_DATA_DIR) + "/odt/" + name + ".extract";
    if (std::getenv("RA_UPDATE_GOLDEN") != nullptr) std::ofstream(expected_file, std::ios::binary) << text;
    CHECK(text == ra::test::read_file(expected_file));
  }
}

TEST_CASE("odt sample reads like the DOCX LibreOffice wrote from the same document", "[odt]") {
  for (const std::string stem : {"strong-ml-engineer", "weak-ml-engineer"}) {
    INFO(stem);
    const ra::PluginHost& host = ra::test::built_plugins();
    auto from_odt = ra::read_document(host, stem + ".odt", ra::test::sample(stem + ".odt"));
    auto from_docx = ra::read_document(host, stem + ".docx", ra::test::sample(stem + ".libreoffice.docx"));
    REQUIRE(from_odt);
    REQUIRE(from_docx);
    // All but the footer's page-number field, whose saved value differs.
    const std::string a = from_odt.value().text, b = from_docx.value().text;
    CHECK(a.substr(0, a.rfind('\n')) == b.substr(0, b.rfind('\n')));
  }
}

TEST_CASE("odt headers first, each distinct text once; footers last", "[odt]") {
  CHECK(text_of("header_footer.odt") ==
        "[header] Jane Doe\njane@example.com\t+1 555 0100\n"
        "[body] Software Engineer\nBuilt payment systems.\n"
        "[footer] Jane Doe, CV, page 0\nConfidential\n");
}

TEST_CASE("odt tables: a row per line, cells separated by tabs, merged cells once", "[odt]") {
  CHECK(text_of("table.odt") ==
        "[body] Skills\n"
        "[table] Area\tTools\tYears\n"
        "Languages\tPython, SQL some Go and Rust\t8\n"
        "Cloud: AWS and GCP\t5\n"
        "[body] References on request.\n");
}

TEST_CASE("odt text boxes and shapes follow their anchor; page-anchored ones stand where they are", "[odt]") {
  CHECK(text_of("text_box.odt") ==
        "[text box] Page-anchored note\n"
        "[body] Jane Doe\n"
        "[text box] Skills: Python, SQL\nCertified Kubernetes Administrator\n"
        "[body] Experience\nSummary\n"
        "[text box] Shape text: open to relocation\n"
        "[body] References\n");
}

TEST_CASE("odt tracked changes: insertions kept, deletions dropped", "[odt]") {
  CHECK(text_of("tracked_changes.odt") == "[body] Skills: Python, Kubernetes, SQL\n");
}

TEST_CASE("odt notes follow the body, without their citation marks", "[odt]") {
  CHECK(text_of("notes.odt") ==
        "[body] Led the migration to PyTorch. Shipped weekly.\nPublished at NeurIPS.\n"
        "[footnote] Across three teams.\nWorkshop track.\n");
}

TEST_CASE("odt hidden text goes to the hidden zone", "[odt][hidden]") {
  CHECK(text_of("hidden_text.odt") ==
        "[body] Skills: Python and SQL\n"
        "[hidden] Kubernetes Terraform\nGhost paragraph: TensorFlow\n"
        "[body] Languages: English\n"
        "[hidden] machine learning deep learning\n"
        "[body] White on dark: Scala\n"
        "[hidden] Section: Hadoop\n"
        "[body] End of document.\n");
  // Fields LibreOffice does not keep from Flat ODT, as it writes them.
  CHECK(text_of_bytes(package(content(
            "<text:p><text:hidden-paragraph text:condition=\"ooow:1\" text:is-hidden=\"true\"/>Spark</text:p>"
            "<text:p>Git<text:hidden-text text:condition=\"ooow:1\" text:string-value=\" Airflow\" "
            "text:is-hidden=\"true\"/>, Docker</text:p>"
            "<text:p>Go<text:hidden-text text:condition=\"ooow:0\" text:string-value=\" and Rust\" "
            "text:is-hidden=\"false\"/>.</text:p>"
            "<text:p><text:hidden-paragraph text:condition=\"ooow:0\" text:is-hidden=\"false\"/>Shown</text:p>"))) ==
        "[hidden] Spark\n[body] Git, Docker\n[hidden] Airflow\n[body] Go and Rust.\nShown\n");
  // White text: hidden on a white page, shown in a shaded cell or on a
  // shaded span; a text box counts as coloured.
  const std::string styles =
      "<style:style style:name=\"W\" style:family=\"text\"><style:text-properties fo:color=\"#FFFFFF\"/></style:style>"
      "<style:style style:name=\"WB\" style:family=\"text\"><style:text-properties fo:color=\"#fefefe\" "
      "fo:background-color=\"#000000\"/></style:style>"
      "<style:style style:name=\"Dark\" style:family=\"table-cell\"><style:table-cell-properties "
      "fo:background-color=\"#333333\"/></style:style>";
  CHECK(text_of_bytes(package(content(
            "<text:p>A <text:span text:style-name=\"W\">B</text:span> C</text:p>"
            "<text:p>D <text:span text:style-name=\"WB\">E</text:span></text:p>"
            "<table:table><table:table-row><table:table-cell table:style-name=\"Dark\"><text:p>"
            "<text:span text:style-name=\"W\">F</text:span></text:p></table:table-cell></table:table-row></table:table>"
            "<text:p>G<draw:frame><draw:text-box><text:p><text:span text:style-name=\"W\">H</text:span></text:p>"
            "</draw:text-box></draw:frame></text:p>",
            styles))) ==
        "[body] A C\n[hidden] B\n[body] D E\n[table] F\n[body] G\n[text box] H\n");
}

TEST_CASE("odt runs: spaces, tabs, breaks, links, comments, lists, page breaks", "[odt]") {
  CHECK(text_of("runs.odt") ==
        "[body] Jane   Doe\tEngineer\nSeattle, WA\n"
        "See my portfolio and blog.\n"
        "First item\nSecond item\n"
        "Before after.\n");
  // White space collapses as ODF says; text:s is bounded.
  CHECK(text_of_bytes(package(content("<text:p>  a \n\t b<text:s text:c=\"2\"/>c<text:s text:c=\"999999999\"/>d"
                                      "<text:span> e</text:span></text:p>"))) ==
        "[body] a b  c" + std::string(1000, ' ') + "d e\n");
}

TEST_CASE("odt elements are matched by namespace URI, not prefix", "[odt]") {
  const std::string xml =
      "<o:document-content xmlns:o=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
      "xmlns:t=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" xmlns:text=\"urn:example:not-odf\">"
      "<o:body><o:text><t:p>Kept</t:p><text:p>Also kept, as an unknown element</text:p>"
      "<t:tracked-changes><t:p>Dropped</t:p></t:tracked-changes></o:text></o:body></o:document-content>";
  CHECK(text_of_bytes(package(xml)) == "[body] Kept\n");
}

TEST_CASE("odt refuses what is not an ODT", "[odt][hostile]") {
  check_failure("", ExtractStatus::kCorrupt, "not a ZIP archive");
  check_failure("Jane Doe, jane@example.com", ExtractStatus::kCorrupt, "not a ZIP archive");
  const std::string whole = fixture("table.odt");
  // Cut in half: it starts like a ZIP, so the shared reader says why it cannot read it.
  check_failure(whole.substr(0, whole.size() / 2), ExtractStatus::kCorrupt,
                "corrupt ZIP archive: no end of central directory (truncated?)");
  CHECK(odt().sniff(whole.substr(0, whole.size() / 2)) == 0);
  check_failure(ra::test::sample("strong-ml-engineer.docx"), ExtractStatus::kCorrupt,
                "not an OpenDocument text document");
  check_failure(make_zip({stored("mimetype", "application/vnd.oasis.opendocument.spreadsheet"),
                          stored("content.xml", content("<text:p>x</text:p>"))}),
                ExtractStatus::kCorrupt, "not an OpenDocument text document");
  check_failure(make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text")}), ExtractStatus::kCorrupt,
                "no content.xml in package");
  check_failure(package("<office:document-styles xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>"),
                ExtractStatus::kCorrupt, "content.xml is not an OpenDocument document");
  check_failure(package(std::string("<office:document-content ") + kNs + "><office:body><office:spreadsheet/>"
                        "</office:body></office:document-content>"),
                ExtractStatus::kCorrupt, "content.xml holds no text document (office:text)");
  check_failure(package(content("<text:p>unclosed</text:span>")), ExtractStatus::kCorrupt,
                "malformed XML in content.xml: start-end tags mismatch at offset 502");
  check_failure(package("<!DOCTYPE x [<!ENTITY a \"b\">]>" + content("<text:p>&a;</text:p>")), ExtractStatus::kCorrupt,
                "DTD not allowed in content.xml");
  // styles.xml is optional, but read like content.xml when present.
  check_failure(make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text"),
                          stored("content.xml", content("<text:p>x</text:p>")), stored("styles.xml", "<a><b></a>")}),
                ExtractStatus::kCorrupt, "malformed XML in styles.xml: start-end tags mismatch at offset 8");
}

TEST_CASE("odt refuses encrypted and oddly compressed packages", "[odt][hostile]") {
  const std::string manifest =
      "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\">"
      "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
      "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
      "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\">"
      "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\" manifest:initialisation-vector=\"x\"/>"
      "</manifest:encryption-data></manifest:file-entry></manifest:manifest>";
  const std::string encrypted = make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text"),
                                          stored("META-INF/manifest.xml", manifest),
                                          stored("content.xml", std::string("\x93\x11\xfe garbage", 11))});
  check_failure(encrypted, ExtractStatus::kUnsupported, "encrypted ODT is not supported");
  CHECK(odt().sniff(encrypted) == 100);

  Entry bzip2 = stored("content.xml", content("<text:p>x</text:p>"));
  bzip2.method = 12;
  check_failure(make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text"), bzip2}),
                ExtractStatus::kUnsupported, "unsupported compression method 12 in content.xml");
}

TEST_CASE("odt refuses malicious ZIP structure", "[odt][hostile]") {
  check_failure(make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text"),
                          stored("content.xml", content("<text:p>a</text:p>")),
                          stored("content.xml", content("<text:p>b</text:p>"))}),
                ExtractStatus::kCorrupt, "duplicate entry name content.xml in ZIP archive");
  // Claim a compressed size larger than the archive for the last entry.
  std::vector<Entry> entries{stored("mimetype", "application/vnd.oasis.opendocument.text"),
                             stored("content.xml", content("<text:p>x</text:p>"))};
  entries[1].data += std::string(10, ' ');
  std::string zip = make_zip(entries);
  const std::size_t central = zip.find(std::string("PK\x01\x02", 4), zip.find("content.xml") + 1);
  const std::size_t second = zip.find(std::string("PK\x01\x02", 4), central + 4);
  REQUIRE(second != std::string::npos);
  zip[second + 20] = '\xFF';  // compressed size, low bytes
  zip[second + 21] = '\xFF';
  check_failure(zip, ExtractStatus::kCorrupt, "ZIP entries overlap (compressed sizes exceed the archive size)");
  std::vector<Entry> many{stored("mimetype", "application/vnd.oasis.opendocument.text"),
                          stored("content.xml", content(""))};
  for (int i = 0; i < 999; ++i) many.push_back(stored("Pictures/" + std::to_string(i) + ".png", ""));
  check_failure(make_zip(many), ExtractStatus::kLimitExceeded, "ZIP archive has more than 1000 entries");
}

TEST_CASE("odt stops zip bombs by the bytes actually inflated", "[odt][hostile]") {
  const auto bomb = [](std::size_t mib, std::uint32_t declared) {
    return make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text"),
                     Entry{"content.xml", deflated_zeros(mib), 8, 0, declared}});
  };
  check_failure(bomb(190, 190u << 20), ExtractStatus::kLimitExceeded, "compression ratio over 100:1 in content.xml");
  check_failure(bomb(190, 1000), ExtractStatus::kLimitExceeded, "compression ratio over 100:1 in content.xml");
  ExtractLimits no_ratio;
  no_ratio.max_compression_ratio = 1u << 30;
  no_ratio.max_part_bytes = 1u << 20;
  check_failure(bomb(2, 2u << 20), ExtractStatus::kLimitExceeded, "part content.xml inflates past the 1 MiB limit",
                no_ratio);
  no_ratio.max_part_bytes = 20u << 20;
  no_ratio.max_total_inflated_bytes = 1u << 20;
  check_failure(bomb(2, 2u << 20), ExtractStatus::kLimitExceeded, "package inflates past the 1 MiB limit", no_ratio);
}

TEST_CASE("odt checks the compression ratio against the compressed bytes used so far", "[odt][hostile]") {
  // A late-dense bomb: 60,000 bytes that do not compress (a stored block), then 8 MiB of
  // zeros (about 8 KiB), then 300,000 more bytes that do not compress. Over the whole entry
  // that is 8.7 MB from 368 KB, 24:1, so a check against the entry's compressed size lets it
  // through; the running ratio passes 100:1 about 6.6 MB into the zeros.
  std::uint32_t seed = 4321;
  const auto stored_block = [&](std::string& out, std::uint32_t n, bool last) {
    out += static_cast<char>(last ? 1 : 0);  // BFINAL, BTYPE 00 (stored), then byte-aligned
    put16(out, n);
    put16(out, n ^ 0xFFFFu);
    for (std::uint32_t i = 0; i < n; ++i) {
      seed = seed * 1103515245u + 12345u;
      out += static_cast<char>(seed >> 24);
    }
  };
  std::string data;
  stored_block(data, 60000, false);
  const std::string zeros = deflated_zeros(8);
  data += zeros.substr(0, zeros.size() - 2);  // without the final empty block
  for (int block = 0; block < 5; ++block) stored_block(data, 60000, block == 4);
  const std::string bomb = make_zip({stored("mimetype", "application/vnd.oasis.opendocument.text"),
                                     Entry{"content.xml", data, 8, 0, 60000u + (8u << 20) + 300000u}});
  REQUIRE(odt().sniff(bomb) == 100);
  check_failure(bomb, ExtractStatus::kLimitExceeded, "compression ratio over 100:1 in content.xml");
  // Read to its end under a looser ratio, it fails its CRC (0 here) instead.
  ExtractLimits lenient;
  lenient.max_compression_ratio = 2000;
  check_failure(bomb, ExtractStatus::kCorrupt, "corrupt part content.xml: CRC error", lenient);
  lenient.max_compression_ratio = 30;  // over the whole entry it stays under 30:1, not so as it runs
  check_failure(bomb, ExtractStatus::kLimitExceeded, "compression ratio over 30:1 in content.xml", lenient);
}

TEST_CASE("odt limits XML nesting before building a tree", "[odt][hostile]") {
  std::string deep;
  for (int i = 0; i < 200000; ++i) deep += "<text:span>";
  check_failure(package(content("<text:p>" + deep)), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 256 in content.xml");
  ExtractLimits shallow;
  shallow.max_nesting_depth = 5;
  check_failure(fixture("table.odt"), ExtractStatus::kLimitExceeded, "XML nesting deeper than 5 in content.xml",
                shallow);
  ExtractLimits unbounded;
  unbounded.max_nesting_depth = 1u << 30;
  check_failure(package(content("<text:p>" + deep)), ExtractStatus::kLimitExceeded,
                "XML nesting deeper than 1024 in content.xml", unbounded);
}

TEST_CASE("odt limits elements, attributes and tree nodes as docx does", "[odt][hostile]") {
  const auto paragraphs = [](int n, const std::string& extra = "") {
    std::string text;
    for (int i = 0; i < n; ++i) text += "<text:p" + extra + ">x</text:p>";
    return package(content(text));
  };
  ExtractLimits limits;
  limits.max_elements = 100;
  // 4 elements around the text (document-content, automatic-styles, body, text) + 97 paragraphs.
  check_failure(paragraphs(97), ExtractStatus::kLimitExceeded, "more than 100 XML elements in content.xml", limits);
  // 4 + 48 elements, 48 text nodes and 6 namespace declarations: 106 nodes.
  check_failure(paragraphs(48), ExtractStatus::kLimitExceeded,
                "more than 100 XML nodes (elements, attributes, text) in content.xml", limits);
  CHECK(extract(paragraphs(45), limits).ok());  // 4 + 45 + 45 + 6 = 100 nodes
  // The root of content.xml declares 6 namespaces; the manifest's elements have at most 2
  // attributes, and the manifest is read first.
  ExtractLimits few;
  few.max_attributes = 6;
  CHECK(extract(paragraphs(1, " a=\"1\" b='2' c=\"3\" d=\"4\" e=\"5\" f=\"6\""), few).ok());
  check_failure(paragraphs(1, " a=\"1\" b='2' c=\"3\" d=\"4\" e=\"5\" f=\"6\" g=\"7\""),
                ExtractStatus::kLimitExceeded, "an element with more than 6 attributes in content.xml", few);
  few.max_attributes = 1;
  check_failure(paragraphs(1), ExtractStatus::kLimitExceeded,
                "an element with more than 1 attributes in META-INF/manifest.xml", few);
}

TEST_CASE("odt limits the extracted text", "[odt][hostile]") {
  ExtractLimits small;
  small.max_text_bytes = 16;
  check_failure(fixture("runs.odt"), ExtractStatus::kLimitExceeded, "extracted text exceeds the 16 bytes limit", small);
  small.max_text_bytes = 1000;
  check_failure(package(content("<text:p>" + std::string(5000, 'x') + "</text:p>")), ExtractStatus::kLimitExceeded,
                "extracted text exceeds the 1000 bytes limit", small);
  // Spaces from text:s count as they grow.
  std::string spaces;
  for (int i = 0; i < 10; ++i) spaces += "<text:s text:c=\"1000\"/>";
  check_failure(package(content("<text:p>a" + spaces + "b</text:p>")), ExtractStatus::kLimitExceeded,
                "extracted text exceeds the 1000 bytes limit", small);
}

TEST_CASE("odt extract and sniff may run on several threads at once", "[odt]") {
  const std::vector<std::string> names{"header_footer.odt", "table.odt", "text_box.odt", "tracked_changes.odt",
                                       "notes.odt", "hidden_text.odt", "runs.odt"};
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
      for (int round = 0; round < 10; ++round) {
        for (std::size_t i = 0; i < inputs.size(); ++i) {
          const ExtractResult r = extract(inputs[i]);
          same = same && r.message + "|" + ra::test::joined(r, true) == expected[i] && odt().sniff(inputs[i]) == 100;
        }
      }
      return same;
    }));
  }
  for (auto& run : runs) CHECK(run.get());
}

TEST_CASE("odt samples score within 3 points of the text samples", "[odt][samples]") {
  // The same résumé as samples/*.txt (84.7 and 12.8 when this was written).
  for (const std::string stem : {"strong-ml-engineer", "weak-ml-engineer"}) {
    const double txt = score_of(stem + ".txt", "text");
    INFO(stem << ".odt vs .txt " << txt);
    CHECK(std::abs(score_of(stem + ".odt") - txt) <= 3.0);
  }
  CHECK(std::abs(score_of("strong-ml-engineer.txt", "text") - 84.7) <= 3.0);
  CHECK(std::abs(score_of("weak-ml-engineer.txt", "text") - 12.8) <= 3.0);
}
