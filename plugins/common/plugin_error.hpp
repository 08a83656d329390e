// How the units of a package-reading plugin (DOCX, ODT) report failure.
//
// Code inside the plugin, this folder's units included, throws PluginError
// (through fail()); the plugin's extract() runs its work through
// extract_reporting(), which turns a PluginError into
// ExtractResult::failure(status, message, offset) and any other exception
// into kInternal. No PluginError (nor any other exception) leaves a plugin.
//
// Every plugin links its own copy of this folder's library with hidden
// visibility, so a PluginError never crosses from one plugin to another.
#pragma once

#include "resume_analyser/format_plugin.hpp"

#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ra::common {

struct PluginError {
  ExtractStatus status;
  std::string message;       // one line, lower case, no file name
  std::uint64_t offset = 0;  // byte offset in the input file, 0 when unknown
};

[[noreturn]] inline void fail(ExtractStatus status, std::string message) {
  throw PluginError{status, std::move(message), 0};
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

/// ExtractResult::failure that cannot throw: the message is left short if
/// memory runs out.
inline ExtractResult failure(ExtractStatus status, std::string_view message, std::string_view detail = {},
                             std::uint64_t offset = 0) noexcept {
  ExtractResult result;
  result.status = status;
  result.offset = offset;
  try {
    result.message = message;
    result.message += detail;
  } catch (...) {
  }
  return result;
}

/// Runs `body` (a callable returning the chunks) for extract(): its chunks,
/// or the PluginError it throws as that failure; std::bad_alloc as kInternal
/// "out of memory"; any other exception as kInternal "internal error[: what]".
template <class Body>
ExtractResult extract_reporting(Body&& body) noexcept {
  try {
    ExtractResult result;
    result.chunks = body();
    return result;
  } catch (const PluginError& e) {
    return failure(e.status, e.message, {}, e.offset);
  } catch (const std::bad_alloc&) {
    return failure(ExtractStatus::kInternal, "out of memory");
  } catch (const std::exception& e) {
    return failure(ExtractStatus::kInternal, "internal error: ", e.what());
  } catch (...) {
    return failure(ExtractStatus::kInternal, "internal error");
  }
}

}  // namespace ra::common
