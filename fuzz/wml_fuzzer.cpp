// libFuzzer targets for the DOCX plugin's two readers of a part
// (plugins/docx/wml_text.hpp, opc_package.hpp): the input is one part, stored
// (not deflated, with its right CRC-32) in an otherwise fixed package, so
// that mutations reach the XML rather than the ZIP layer.
//   fuzz_wml:  the main part, word/document.xml, in a minimal package;
//   fuzz_rels (RA_FUZZ_RELS): the main part's relationships,
//              word/_rels/document.xml.rels, in a package that holds a
//              header, a footer, footnotes and a styles part that hides a
//              style's text, which the relationships may name or not.
// Each input is extracted by the real docx.so with the default readers (the
// stream, the tree where the stream is unsure) and again with
// RA_DOCX_READER=tree; the two outcomes (status, message, offset, chunks)
// must be the same, and a failure's message one line.
#include "fuzz_support.hpp"
#include "zip_writer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

const ra::LoadedPlugin* g_plugin = nullptr;

#if defined(RA_FUZZ_RELS)
constexpr const char* kTarget = "fuzz_rels";
#else
constexpr const char* kTarget = "fuzz_wml";
#endif

constexpr const char* kWml = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

/// A WordprocessingML part: root element w:<root> around `content`.
std::string part(const std::string& root, const std::string& content) {
  return "<w:" + root + " " + kWml + ">" + content + "</w:" + root + ">";
}

std::string paragraph(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_plugin = &ra::fuzz::load_plugin(kTarget, "docx", RA_FUZZ_PLUGIN_DIR);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  std::vector<ra::test::Entry> entries{
      ra::test::stored("[Content_Types].xml",
                       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
      ra::test::stored("_rels/.rels",
                       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                       "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")};
#if defined(RA_FUZZ_RELS)
  entries.push_back(ra::test::stored(
      "word/document.xml",
      part("document", "<w:body>" + paragraph("Body text") +
                           "<w:p><w:pPr><w:pStyle w:val=\"Secret\"/></w:pPr><w:r><w:t>Styled</w:t></w:r></w:p>"
                           "</w:body>")));
  entries.push_back(ra::test::stored("word/_rels/document.xml.rels", input));
  entries.push_back(ra::test::stored("word/header1.xml", part("hdr", paragraph("Header text"))));
  entries.push_back(ra::test::stored("word/footer1.xml", part("ftr", paragraph("Footer text"))));
  entries.push_back(ra::test::stored(
      "word/footnotes.xml", part("footnotes", "<w:footnote w:id=\"1\">" + paragraph("Note text") + "</w:footnote>")));
  entries.push_back(ra::test::stored(
      "word/styles.xml",
      part("styles", "<w:style w:type=\"paragraph\" w:styleId=\"Secret\"><w:rPr><w:vanish/></w:rPr></w:style>")));
#else
  entries.push_back(ra::test::stored("word/document.xml", input));
#endif
  const std::string package = ra::test::make_zip(entries);
  const ra::ExtractLimits limits;
  const ra::ExtractResult result = g_plugin->plugin->extract(package, limits);
  if (!result.ok() && result.message.find_first_of("\r\n") != std::string::npos) {
    ra::fuzz::fail(kTarget, "failure message is not one line", result.message);
  }
  ra::fuzz::check_tree_reader(kTarget, "RA_DOCX_READER", *g_plugin->plugin, package, limits, result);
  return 0;
}
