// The format-plugin interface: the only header a plugin includes.
//
// A plugin is a shared library that turns the bytes of one file format into
// UTF-8 text chunks. It exports two symbols, both written by
// RA_DECLARE_FORMAT_PLUGIN(Class, "name") at the end of this file:
//   - `ra_plugin_abi`, a plain C function returning a PluginAbiInfo. The host
//     reads it before running any other plugin code and rejects a plugin whose
//     ABI differs from its own.
//   - `ra_create_format_plugin`, a Boost.DLL alias of the factory.
//
// Contract for implementations:
//   - No exception leaves a plugin: every member is noexcept and reports
//     failure through ExtractResult.
//   - extract() and sniff() are const and may be called from several threads
//     at once on one object.
//   - Output text is valid UTF-8 with '\n' line ends; the plugin decodes the
//     source encoding itself.
//   - The host keeps the library loaded while any object the plugin returned
//     lives, so plugin objects may hold plugin code (vtables, std::function).
#pragma once

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

/// Bump whenever this header changes in a way a built plugin would notice.
inline constexpr std::uint32_t kPluginAbiVersion = 3;

/// Where in a document a chunk of text sat. Screening systems often read only
/// the body, so the analyser reports text found elsewhere. kHidden is text a
/// reader of the rendered document cannot see (DOCX w:vanish, white or tiny
/// runs; HTML display:none, visibility:hidden, the hidden attribute, zero
/// font size): the core keeps it out of the score and flags the document.
enum class Zone : std::uint8_t { kBody, kHeader, kFooter, kTable, kTextBox, kFootnote, kHidden };

inline const char* zone_name(Zone zone) noexcept {
  switch (zone) {
    case Zone::kBody: return "body";
    case Zone::kHeader: return "header";
    case Zone::kFooter: return "footer";
    case Zone::kTable: return "table";
    case Zone::kTextBox: return "text box";
    case Zone::kFootnote: return "footnote";
    case Zone::kHidden: return "hidden";
  }
  return "body";
}

struct TextChunk {
  Zone zone = Zone::kBody;
  std::string text;  // UTF-8; '\n' ends lines
};

enum class ExtractStatus : std::uint8_t {
  kOk,
  kCorrupt,        // not a valid file of this format (bad ZIP, no main part, ...)
  kUnsupported,    // valid but a variant this plugin does not read (encrypted, ...)
  kLimitExceeded,  // a limit in ExtractLimits was reached
  kInternal,       // the plugin failed (out of memory, a bug)
};

/// Outcome of extract(): chunks on success, otherwise a status, a one-line
/// message (no file name: the host adds it) and the byte offset the problem
/// was found at (0 when unknown).
struct ExtractResult {
  std::vector<TextChunk> chunks;
  ExtractStatus status = ExtractStatus::kOk;
  std::string message;
  std::uint64_t offset = 0;

  bool ok() const noexcept { return status == ExtractStatus::kOk; }
  static ExtractResult failure(ExtractStatus status, std::string message,
                               std::uint64_t offset = 0) {
    ExtractResult r;
    r.status = status;
    r.message = std::move(message);
    r.offset = offset;
    return r;
  }
  /// A kInternal failure that cannot throw (the message is dropped if even
  /// that allocation fails).
  static ExtractResult internal(const char* message) noexcept {
    ExtractResult r;
    r.status = ExtractStatus::kInternal;
    try {
      r.message = message;
    } catch (...) {
    }
    return r;
  }
};

/// Runs `body` (a callable returning ExtractResult) and turns any exception
/// it throws into a kInternal failure, so that extract() can keep its
/// noexcept promise: `return ra::extract_guarded([&] { return read(bytes); });`
template <class Body>
ExtractResult extract_guarded(Body&& body) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return ExtractResult::internal("out of memory");
  } catch (...) {
    return ExtractResult::internal("internal error in the plugin");
  }
}

/// Resource limits a plugin enforces while reading untrusted input. The host
/// fills them; defaults follow what careful extractors use (see README).
struct ExtractLimits {
  std::uint64_t max_archive_entries = 1000;           // ZIP entries
  std::uint64_t max_part_bytes = 20ull << 20;         // one inflated part
  std::uint64_t max_total_inflated_bytes = 50ull << 20;
  std::uint64_t ratio_check_after_bytes = 100ull << 10;
  std::uint32_t max_compression_ratio = 100;          // inflated : compressed
  std::uint32_t max_nesting_depth = 256;              // XML / HTML elements
  std::uint64_t max_elements = 1'000'000;             // XML / HTML elements in one part, and the
                                                      // nodes (elements, attributes, text) a DOM of it holds
  std::uint32_t max_attributes = 256;                 // on one XML / HTML element
  std::uint64_t max_text_bytes = 4ull << 20;          // extracted UTF-8 text
};

/// What a plugin reads.
struct FormatInfo {
  std::string name;         // short id, e.g. "docx"
  std::string description;  // e.g. "Word document (DOCX)"
  std::string version;      // the plugin's own version
  std::vector<std::string> extensions;   // lower case, with the dot: ".docx"
  std::vector<std::string> media_types;
  std::uint64_t max_input_bytes = 0;     // larger inputs are refused before extract()
};

class BOOST_SYMBOL_VISIBLE FormatPlugin {
 public:
  virtual ~FormatPlugin() = default;

  virtual FormatInfo info() const noexcept = 0;

  /// How sure the plugin is that `bytes` (a whole file) is its format:
  /// 0 = not mine, 100 = certain. Judged by content; the host breaks ties by
  /// file extension. Must be cheap and never fail.
  virtual int sniff(std::string_view bytes) const noexcept = 0;

  /// Extracts the text of `bytes` within `limits`.
  virtual ExtractResult extract(std::string_view bytes,
                                const ExtractLimits& limits) const noexcept = 0;
};

/// Returned by a plugin's `ra_plugin_abi`; plain data so it can be read
/// before anything else is trusted.
struct PluginAbiInfo {
  std::uint32_t abi_version;
  std::uint32_t cxx11_string_abi;  // _GLIBCXX_USE_CXX11_ABI, or 0
  std::uint32_t sizeof_string;     // guards against a different standard library
  const char* plugin_name;
};

inline constexpr PluginAbiInfo current_abi_info(const char* plugin_name) noexcept {
  return PluginAbiInfo{kPluginAbiVersion,
#if defined(_GLIBCXX_USE_CXX11_ABI)
                       _GLIBCXX_USE_CXX11_ABI,
#else
                       0,
#endif
                       static_cast<std::uint32_t>(sizeof(std::string)), plugin_name};
}

using FormatPluginFactory = std::unique_ptr<FormatPlugin>();

}  // namespace ra

/// Exports the ABI function and the factory for `Class`, which must be a
/// default-constructible ra::FormatPlugin. Use once, at namespace scope, in
/// one source file of the plugin.
#define RA_DECLARE_FORMAT_PLUGIN(Class, plugin_name)                              \
  extern "C" BOOST_SYMBOL_EXPORT const ::ra::PluginAbiInfo* ra_plugin_abi() {     \
    static constexpr ::ra::PluginAbiInfo info = ::ra::current_abi_info(plugin_name); \
    return &info;                                                                 \
  }                                                                               \
  namespace ra_plugin_detail {                                                    \
  inline std::unique_ptr<::ra::FormatPlugin> create() {                          \
    try {                                                                         \
      return std::make_unique<Class>();                                           \
    } catch (...) {                                                               \
      return nullptr;                                                             \
    }                                                                             \
  }                                                                               \
  }                                                                               \
  BOOST_DLL_ALIAS(ra_plugin_detail::create, ra_create_format_plugin)
