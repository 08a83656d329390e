#include "word_sniff.hpp"

#include "common/zip_archive.hpp"

#include <zip.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace ra::docx {
namespace {

using common::fold_entry_name;
using common::inflate_prefix;

constexpr std::string_view kLocalHeader("PK\x03\x04", 4);
constexpr std::uint64_t kSniffMaxEntries = 65536;
constexpr std::size_t kSniffScanBytes = 256 * 1024;
constexpr int kSniffMaxLocalHeaders = 64;
constexpr std::size_t kSniffContentTypesBytes = 64 * 1024;

std::uint16_t le16(std::string_view b, std::size_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}
std::uint32_t le32(std::string_view b, std::size_t at) {
  return static_cast<std::uint32_t>(le16(b, at)) | static_cast<std::uint32_t>(le16(b, at + 2)) << 16;
}

/// Whether the start of a [Content_Types].xml names a Word main part's type.
bool names_word_content_type(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text.find("wordprocessingml") != std::string::npos || text.find("vnd.ms-word.") != std::string::npos;
}

bool is_word_entry(std::string_view name) { return fold_entry_name(name.substr(0, 5)) == "word/"; }
bool is_content_types(std::string_view name) { return fold_entry_name(name) == "[content_types].xml"; }

/// looks_like_word_package() through libzip; nullopt when it cannot open the archive.
std::optional<bool> word_package_by_directory(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    throw std::bad_alloc();
  }
  zip_t* opened = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (opened == nullptr) {
    zip_source_free(source);
    return std::nullopt;
  }
  struct Discard {
    void operator()(zip_t* z) const noexcept { zip_discard(z); }
  };
  const std::unique_ptr<zip_t, Discard> archive(opened);
  const zip_int64_t entries = zip_get_num_entries(opened, 0);
  std::optional<zip_uint64_t> content_types;
  for (zip_int64_t i = 0; i < entries && static_cast<std::uint64_t>(i) < kSniffMaxEntries; ++i) {
    const char* name = zip_get_name(opened, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (name == nullptr) continue;
    if (is_word_entry(name)) return true;
    if (!content_types && is_content_types(name)) content_types = static_cast<zip_uint64_t>(i);
  }
  if (!content_types) return false;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(opened, *content_types, 0, &st) != 0 || (st.valid & ZIP_STAT_COMP_METHOD) == 0 ||
      (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE) ||
      ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE)) {
    return false;
  }
  struct Close {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
  };
  const std::unique_ptr<zip_file_t, Close> file(zip_fopen_index(opened, *content_types, 0));
  if (!file) return false;
  std::string text(kSniffContentTypesBytes, '\0');
  const zip_int64_t got = zip_fread(file.get(), text.data(), text.size());
  if (got <= 0) return false;
  text.resize(static_cast<std::size_t>(got));
  return names_word_content_type(std::move(text));
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
    if (method == ZIP_CM_STORE &&
        names_word_content_type(std::string(data.substr(0, kSniffContentTypesBytes)))) {
      return true;
    }
    if (method == ZIP_CM_DEFLATE && names_word_content_type(inflate_prefix(data, kSniffContentTypesBytes))) {
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
