// Copied from plugins/docx/docx_error.hpp (plugins may not depend on each other's
// folders) and adapted: namespace ra::odt, OdtError, ODT messages. Keep the
// two in step until they move into a shared helper.
// How the ODT plugin's units report failure.
//
// Code inside the plugin throws OdtError; OdtPlugin::extract() catches it
// and returns ExtractResult::failure(status, message, offset). No OdtError
// (nor any other exception) leaves the plugin.
#pragma once

#include "resume_analyser/format_plugin.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace ra::odt {

struct OdtError {
  ExtractStatus status;
  std::string message;       // one line, lower case, no file name
  std::uint64_t offset = 0;  // byte offset in the input file, 0 when unknown
};

[[noreturn]] inline void fail(ExtractStatus status, std::string message) {
  throw OdtError{status, std::move(message), 0};
}

/// "20 MiB", "100 KiB" or "1000 bytes": a limit as messages print it.
inline std::string format_size(std::uint64_t bytes) {
  if (bytes != 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes != 0 && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

/// `text` with its first letter in lower case ("Not a zip archive" ->
/// "not a zip archive"), for library messages quoted in ours.
inline std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] - 'A' + 'a');
  return text;
}

/// A part name fit for a one-line message: printable ASCII is kept, any
/// other byte becomes '?', and long names are cut to 120 bytes.
inline std::string printable_name(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 120)) out += (c >= 0x20 && c < 0x7f) ? c : '?';
  if (name.size() > 120) out += "...";
  return out;
}

}  // namespace ra::odt
