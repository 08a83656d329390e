// Copied from plugins/docx/zip_archive.cpp (plugins may not depend on each other's
// folders) and adapted: namespace ra::odt, OdtError, ODT messages. Keep the
// two in step until they move into a shared helper.
#include "zip_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <limits>
#include <new>

namespace ra::odt {
namespace {

constexpr std::uint64_t kReadChunk = 64 * 1024;
constexpr std::size_t kMinZipBytes = 22;  // an end-of-central-directory record

/// inflated > ratio * compressed, without overflow.
bool over_ratio(std::uint64_t inflated, std::uint64_t compressed, std::uint32_t ratio) {
  if (ratio != 0 && compressed > std::numeric_limits<std::uint64_t>::max() / ratio) return false;
  return inflated > compressed * ratio;
}

}  // namespace

std::string fold_entry_name(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\\') c = '/';
  }
  return out;
}

void ZipArchive::Discard::operator()(zip* archive) const noexcept { zip_discard(archive); }

ZipArchive::ZipArchive(std::string_view bytes, const ExtractLimits& limits)
    : archive_bytes_(bytes.size()), limits_(limits) {
  if (bytes.size() < kMinZipBytes) fail(ExtractStatus::kCorrupt, "not a ZIP archive");

  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    throw std::bad_alloc();
  }
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive == nullptr) {
    zip_source_free(source);
    const bool not_zip = zip_error_code_zip(&error) == ZIP_ER_NOZIP;
    std::string reason = lower_first(zip_error_strerror(&error));
    zip_error_fini(&error);
    if (not_zip) fail(ExtractStatus::kCorrupt, "not a ZIP archive");
    fail(ExtractStatus::kCorrupt, "corrupt ZIP archive: " + reason);
  }
  zip_error_fini(&error);
  zip_.reset(archive);

  const zip_int64_t entries = zip_get_num_entries(archive, 0);
  if (entries < 0) fail(ExtractStatus::kCorrupt, "corrupt ZIP archive");
  if (static_cast<std::uint64_t>(entries) > limits_.max_archive_entries) {
    fail(ExtractStatus::kLimitExceeded,
         "ZIP archive has more than " + std::to_string(limits_.max_archive_entries) + " entries");
  }

  std::uint64_t compressed_total = 0;
  for (zip_uint64_t i = 0; i < static_cast<zip_uint64_t>(entries); ++i) {
    zip_stat_t st;
    zip_stat_init(&st);
    const char* name = zip_get_name(archive, i, ZIP_FL_ENC_RAW);
    if (name == nullptr || zip_stat_index(archive, i, ZIP_FL_ENC_RAW, &st) != 0) {
      fail(ExtractStatus::kCorrupt, "corrupt ZIP archive: unreadable entry " + std::to_string(i));
    }
    if (!index_.emplace(fold_entry_name(name), i).second) {
      fail(ExtractStatus::kCorrupt, "duplicate entry name " + printable_name(name) + " in ZIP archive");
    }
    if ((st.valid & ZIP_STAT_COMP_SIZE) != 0) {
      if (st.comp_size > archive_bytes_ - compressed_total) {
        fail(ExtractStatus::kCorrupt, "ZIP entries overlap (compressed sizes exceed the archive size)");
      }
      compressed_total += st.comp_size;
    }
  }
}

ZipArchive::~ZipArchive() = default;

bool ZipArchive::contains(std::string_view name) const { return index_.count(fold_entry_name(name)) != 0; }

std::optional<std::string> ZipArchive::read(std::string_view name) {
  return read_entry(name, std::numeric_limits<std::uint64_t>::max());
}

std::optional<std::string> ZipArchive::read_prefix(std::string_view name, std::size_t max_bytes) {
  return read_entry(name, max_bytes);
}

std::optional<std::string> ZipArchive::read_entry(std::string_view name, std::uint64_t stop_after) {
  const auto found = index_.find(fold_entry_name(name));
  if (found == index_.end()) return std::nullopt;
  const zip_uint64_t index = found->second;
  const std::string shown = printable_name(name);

  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(zip_.get(), index, 0, &st) != 0) fail(ExtractStatus::kCorrupt, "corrupt part " + shown);
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
    fail(ExtractStatus::kUnsupported, "encrypted ODT is not supported");
  }
  if ((st.valid & ZIP_STAT_COMP_METHOD) == 0 ||
      (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)) {
    fail(ExtractStatus::kUnsupported,
         "unsupported compression method " + std::to_string(st.comp_method) + " in " + shown);
  }
  const std::uint64_t compressed = (st.valid & ZIP_STAT_COMP_SIZE) != 0 ? st.comp_size : 0;

  struct Close {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
  };
  std::unique_ptr<zip_file_t, Close> file(zip_fopen_index(zip_.get(), index, 0));
  if (!file) {
    fail(ExtractStatus::kCorrupt,
         "corrupt part " + shown + ": " + lower_first(zip_error_strerror(zip_get_error(zip_.get()))));
  }

  std::string out;
  while (out.size() < stop_after) {
    const std::uint64_t want = std::min<std::uint64_t>(kReadChunk, stop_after - out.size());
    const std::size_t old_size = out.size();
    out.resize(old_size + want);
    const zip_int64_t got = zip_fread(file.get(), out.data() + old_size, want);
    if (got < 0) {
      fail(ExtractStatus::kCorrupt,
           "corrupt part " + shown + ": " + lower_first(zip_file_strerror(file.get())));
    }
    out.resize(old_size + static_cast<std::size_t>(got));
    if (got == 0) break;

    total_inflated_ += static_cast<std::uint64_t>(got);
    if (out.size() > limits_.max_part_bytes) {
      fail(ExtractStatus::kLimitExceeded,
           "part " + shown + " inflates past the " + format_size(limits_.max_part_bytes) + " limit");
    }
    if (total_inflated_ > limits_.max_total_inflated_bytes) {
      fail(ExtractStatus::kLimitExceeded,
           "package inflates past the " + format_size(limits_.max_total_inflated_bytes) + " limit");
    }
    if (out.size() > limits_.ratio_check_after_bytes &&
        over_ratio(out.size(), compressed, limits_.max_compression_ratio)) {
      fail(ExtractStatus::kLimitExceeded, "compression ratio over " +
                                              std::to_string(limits_.max_compression_ratio) +
                                              ":1 in " + shown);
    }
  }
  return out;
}

}  // namespace ra::odt
