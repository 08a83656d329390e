// libFuzzer target for the DOCX plugin's two readers of a WordprocessingML
// part (plugins/docx/wml_text.hpp): the input is the main part itself,
// word/document.xml, stored (not deflated, with its right CRC-32) in an
// otherwise minimal package, so that mutations reach the XML rather than the
// ZIP layer. Each input is extracted by the real docx.so with the default
// readers (the stream, the tree where the stream is unsure) and again with
// RA_DOCX_READER=tree; the two outcomes (status, message, offset, chunks)
// must be the same, and a failure's message one line.
#include "fuzz_support.hpp"
#include "zip_writer.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace {

const ra::LoadedPlugin* g_plugin = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_plugin = &ra::fuzz::load_plugin("fuzz_wml", "docx", RA_FUZZ_PLUGIN_DIR);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::vector<ra::test::Entry> entries{
      ra::test::stored("[Content_Types].xml",
                       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
      ra::test::stored("_rels/.rels",
                       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                       "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"),
      ra::test::stored("word/document.xml", std::string(reinterpret_cast<const char*>(data), size))};
  const std::string package = ra::test::make_zip(entries);
  const ra::ExtractLimits limits;
  const ra::ExtractResult result = g_plugin->plugin->extract(package, limits);
  if (!result.ok() && result.message.find_first_of("\r\n") != std::string::npos) {
    ra::fuzz::fail("fuzz_wml", "failure message is not one line", result.message);
  }
  ra::fuzz::check_tree_reader("fuzz_wml", "RA_DOCX_READER", *g_plugin->plugin, package, limits, result);
  return 0;
}
