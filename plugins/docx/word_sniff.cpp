#include "word_sniff.hpp"

#include "common/plugin_error.hpp"
#include "common/zip_archive.hpp"
#include "common/zip_directory.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace ra::docx {
namespace {

using common::compare_folded;
using common::inflate_prefix;
using common::le16;
using common::le32;
using common::PluginError;
using common::ZipDirectory;
using common::ZipEntry;

constexpr std::string_view kLocalHeader("PK\x03\x04", 4);
constexpr std::uint16_t kStore = 0;
constexpr std::uint16_t kDeflate = 8;
constexpr std::uint64_t kSniffMaxEntries = 65536;
constexpr std::size_t kSniffScanBytes = 256 * 1024;
constexpr int kSniffMaxLocalHeaders = 64;
constexpr std::size_t kSniffContentTypesBytes = 64 * 1024;


/// Whether the start of a [Content_Types].xml names a Word main part's type.
bool names_word_content_type(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text.find("wordprocessingml") != std::string::npos || text.find("vnd.ms-word.") != std::string::npos;
}

bool is_word_entry(std::string_view name) { return compare_folded(name.substr(0, 5), "word/") == 0; }
bool is_content_types(std::string_view name) { return compare_folded(name, "[content_types].xml") == 0; }

/// The first bytes of [Content_Types].xml as the directory describes it, or
/// "" when they cannot be read (encrypted, another method, no local header).
std::string content_types_head(const ZipDirectory& directory, const ZipEntry& entry) {
  if (entry.encrypted() || (entry.method != kStore && entry.method != kDeflate)) return {};
  try {
    const std::string_view data = directory.stored_data(entry, entry.name);
    if (entry.method == kStore) return std::string(data.substr(0, kSniffContentTypesBytes));
    return std::string(inflate_prefix(data, kSniffContentTypesBytes).view());
  } catch (const PluginError&) {
    return {};
  }
}

/// looks_like_word_package() from the central directory; nullopt when it is unreadable.
std::optional<bool> word_package_by_directory(std::string_view bytes) {
  std::optional<ZipDirectory> directory;
  try {
    directory.emplace(bytes);
    directory->count_entries();  // every record readable, as many as the end record says
  } catch (const PluginError&) {
    return std::nullopt;
  }
  ZipEntry entry, content_types;
  ZipDirectory::Cursor cursor = directory->begin();
  while (cursor.index < kSniffMaxEntries && directory->next(cursor, entry)) {
    if (is_word_entry(entry.name)) return true;
    if (content_types.name.empty() && is_content_types(entry.name)) content_types = entry;
  }
  return !content_types.name.empty() && names_word_content_type(content_types_head(*directory, content_types));
}

/// looks_like_word_package() from the local file headers near the start.
bool word_package_by_local_headers(std::string_view bytes) {
  const std::string_view window = bytes.substr(0, kSniffScanBytes);
  std::size_t at = 0;
  for (int seen = 0; seen < kSniffMaxLocalHeaders; ++seen, at += kLocalHeader.size()) {
    at = window.find(kLocalHeader, at);
    if (at == std::string_view::npos || window.size() - at < 30) return false;
    const std::uint16_t method = le16(window, at + 8);
    const std::uint32_t compressed = le32(window, at + 18);
    const std::size_t name_length = le16(window, at + 26);
    const std::size_t extra_length = le16(window, at + 28);
    if (window.size() - at - 30 < name_length) return false;
    const std::string_view name = window.substr(at + 30, name_length);
    if (is_word_entry(name)) return true;
    if (!is_content_types(name)) continue;
    const std::size_t data_at = at + 30 + name_length + extra_length;
    if (data_at >= window.size()) continue;
    std::string_view data = window.substr(data_at);
    if (compressed != 0 && compressed < data.size()) data = data.substr(0, compressed);
    if (method == kStore &&
        names_word_content_type(std::string(data.substr(0, kSniffContentTypesBytes)))) {
      return true;
    }
    if (method == kDeflate &&
        names_word_content_type(std::string(inflate_prefix(data, kSniffContentTypesBytes).view()))) {
      return true;
    }
  }
  return false;
}

}  // namespace

bool looks_like_word_package(std::string_view bytes) {
  if (bytes.substr(0, kLocalHeader.size()) != kLocalHeader) return false;
  if (const std::optional<bool> by_directory = word_package_by_directory(bytes)) return *by_directory;
  return word_package_by_local_headers(bytes);
}

}  // namespace ra::docx
