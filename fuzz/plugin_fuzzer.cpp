// libFuzzer target for one format plugin (RA_FUZZ_FORMAT: docx, html, text).
//
// Loads the real plugin library from the build's plugins folder through
// ra::PluginHost once, then for each input calls sniff() and extract() with
// the default ExtractLimits and checks the plugin contract
// (format_plugin.hpp):
//   - success: every chunk is valid UTF-8, no chunk ends with '\n', and the
//     text together stays within limits.max_text_bytes;
//   - failure: the message is one line and not empty.
// extract() runs whatever sniff() said: every file is untrusted, and the
// plugin must cope with any bytes. Inputs over the format's max_input_bytes
// are skipped, as the host refuses them before extract().
// With RA_FUZZ_READERS_ENV (fuzz_docx: RA_DOCX_READER), a plugin that has two
// readers for one result is run again with that variable set to "tree", and
// the two outcomes (status, message, offset, chunks) must be the same.
#include "fuzz_support.hpp"

#include "resume_analyser/format_plugin.hpp"
#include "resume_analyser/text_codec.hpp"

#include <cstdint>
#include <string_view>

namespace {

const ra::LoadedPlugin* g_plugin = nullptr;

[[noreturn]] void fail(const char* what, std::string_view detail = {}) {
  ra::fuzz::fail("fuzz_" RA_FUZZ_FORMAT, what, detail);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_plugin = &ra::fuzz::load_plugin("fuzz_" RA_FUZZ_FORMAT, RA_FUZZ_FORMAT, RA_FUZZ_PLUGIN_DIR);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (g_plugin->info.max_input_bytes != 0 && size > g_plugin->info.max_input_bytes) return -1;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const ra::FormatPlugin& plugin = *g_plugin->plugin;

  const int confidence = plugin.sniff(bytes);
  if (confidence < 0 || confidence > 100) fail("sniff() outside 0..100");

  const ra::ExtractLimits limits;
  const ra::ExtractResult result = plugin.extract(bytes, limits);
  if (result.ok()) {
    std::uint64_t total = 0;
    for (const ra::TextChunk& chunk : result.chunks) {
      const std::size_t bad = ra::codec::utf8_first_invalid(chunk.text);
      if (bad != ra::codec::kNpos) fail("chunk text is not valid UTF-8", chunk.text.substr(bad, 16));
      if (!chunk.text.empty() && chunk.text.back() == '\n') fail("chunk text ends with '\\n'");
      total += chunk.text.size();
    }
    if (total > limits.max_text_bytes) fail("text over limits.max_text_bytes");
  } else {
    if (result.message.empty()) fail("failure with an empty message");
    if (result.message.find_first_of("\r\n") != std::string::npos)
      fail("failure message is not one line", result.message);
  }
#ifdef RA_FUZZ_READERS_ENV
  ra::fuzz::check_tree_reader("fuzz_" RA_FUZZ_FORMAT, RA_FUZZ_READERS_ENV, plugin, bytes, limits, result);
#endif
  return 0;
}
