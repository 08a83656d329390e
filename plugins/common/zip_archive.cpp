#include "common/zip_archive.hpp"

#include <zip.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

namespace ra::common {
namespace {

constexpr std::uint64_t kReadChunk = 64 * 1024;        // inflated bytes per step
constexpr std::uint64_t kCompressedChunk = 16 * 1024;  // compressed bytes per zip_fread
constexpr std::size_t kMinZipBytes = 22;               // an end-of-central-directory record
constexpr std::string_view kLocalHeader("PK\x03\x04", 4);

/// inflated > ratio * compressed, without overflow.
bool over_ratio(std::uint64_t inflated, std::uint64_t compressed, std::uint32_t ratio) {
  if (ratio != 0 && compressed > std::numeric_limits<std::uint64_t>::max() / ratio) return false;
  return inflated > compressed * ratio;
}

/// A raw DEFLATE stream being inflated; inflateEnd() on destruction.
class Inflater {
 public:
  Inflater() {
    std::memset(&z_, 0, sizeof z_);
    if (inflateInit2(&z_, -MAX_WBITS) != Z_OK) throw std::bad_alloc();
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  ~Inflater() { inflateEnd(&z_); }
  z_stream& stream() { return z_; }

 private:
  z_stream z_;
};

}  // namespace

std::string fold_entry_name(std::string_view name) {
  std::string out(name);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c == '\\') c = '/';
  }
  return out;
}

std::string inflate_prefix(std::string_view raw, std::size_t max_out) {
  Inflater inflater;
  z_stream& z = inflater.stream();
  std::string out(max_out, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data()));
  z.avail_in = static_cast<uInt>(std::min<std::size_t>(raw.size(), std::numeric_limits<uInt>::max()));
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(max_out);
  inflate(&z, Z_SYNC_FLUSH);
  out.resize(max_out - z.avail_out);
  return out;
}

void ZipArchive::Discard::operator()(zip* archive) const noexcept { zip_discard(archive); }

ZipArchive::ZipArchive(std::string_view bytes, const ExtractLimits& limits, std::string_view format)
    : archive_bytes_(bytes.size()), format_(format), limits_(limits) {
  const bool local_header_first = bytes.substr(0, kLocalHeader.size()) == kLocalHeader;
  if (bytes.size() < kMinZipBytes) {
    fail(ExtractStatus::kCorrupt, local_header_first ? "corrupt ZIP archive: truncated" : "not a ZIP archive");
  }

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
    if (not_zip && local_header_first) {
      fail(ExtractStatus::kCorrupt, "corrupt ZIP archive: no end of central directory (truncated?)");
    }
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
    fail(ExtractStatus::kUnsupported, "encrypted " + std::string(format_) + " is not supported");
  }
  if ((st.valid & ZIP_STAT_COMP_METHOD) == 0 ||
      (st.comp_method != ZIP_CM_STORE && st.comp_method != ZIP_CM_DEFLATE)) {
    fail(ExtractStatus::kUnsupported,
         "unsupported compression method " + std::to_string(st.comp_method) + " in " + shown);
  }
  const bool deflated = st.comp_method == ZIP_CM_DEFLATE;

  struct Close {
    void operator()(zip_file_t* file) const noexcept { zip_fclose(file); }
  };
  std::unique_ptr<zip_file_t, Close> file(zip_fopen_index(zip_.get(), index, ZIP_FL_COMPRESSED));
  if (!file) {
    fail(ExtractStatus::kCorrupt,
         "corrupt part " + shown + ": " + lower_first(zip_error_strerror(zip_get_error(zip_.get()))));
  }
  // Reads up to `size` compressed (as stored) bytes into `into`; 0 at the end.
  const auto read_raw = [&](char* into, std::uint64_t size) {
    const zip_int64_t got = zip_fread(file.get(), into, size);
    if (got < 0) {
      // libzip checks the CRC of stored entries itself.
      if (zip_error_code_zip(zip_file_get_error(file.get())) == ZIP_ER_CRC) {
        fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": CRC error");
      }
      fail(ExtractStatus::kCorrupt,
           "corrupt part " + shown + ": " + lower_first(zip_file_strerror(file.get())));
    }
    return static_cast<std::uint64_t>(got);
  };

  std::string out;
  if ((st.valid & ZIP_STAT_SIZE) != 0) {  // a claim: only saves copies when it is true
    out.reserve(static_cast<std::size_t>(
        std::min<std::uint64_t>({st.size, limits_.max_part_bytes, stop_after}) + kReadChunk));
  }
  std::optional<Inflater> inflater;
  if (deflated) inflater.emplace();
  std::string compressed_chunk(deflated ? kCompressedChunk : 0, '\0');
  std::uint64_t consumed = 0;  // compressed bytes used so far
  bool at_end = false;
  uLong crc = crc32(0, nullptr, 0);

  while (!at_end && out.size() < stop_after) {
    const std::uint64_t want = std::min<std::uint64_t>(kReadChunk, stop_after - out.size());
    const std::size_t old_size = out.size();
    out.resize(old_size + want);
    std::uint64_t produced = 0;
    if (!deflated) {
      produced = read_raw(out.data() + old_size, want);
      consumed += produced;
      at_end = produced == 0;
    } else {
      z_stream& z = inflater->stream();
      if (z.avail_in == 0) {
        const std::uint64_t got = read_raw(compressed_chunk.data(), compressed_chunk.size());
        if (got == 0) fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": compressed data ends early");
        z.next_in = reinterpret_cast<Bytef*>(compressed_chunk.data());
        z.avail_in = static_cast<uInt>(got);
      }
      z.next_out = reinterpret_cast<Bytef*>(out.data() + old_size);
      z.avail_out = static_cast<uInt>(want);
      const uInt had_in = z.avail_in;
      const int rc = inflate(&z, Z_NO_FLUSH);
      if (rc == Z_MEM_ERROR) throw std::bad_alloc();
      if (rc == Z_DATA_ERROR || rc == Z_NEED_DICT || rc == Z_STREAM_ERROR) {
        fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": invalid compressed data");
      }
      produced = want - z.avail_out;
      consumed = z.total_in;
      at_end = rc == Z_STREAM_END;
      if (rc == Z_BUF_ERROR && produced == 0 && z.avail_in == had_in && had_in != 0) {
        fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": invalid compressed data");
      }
    }
    out.resize(old_size + static_cast<std::size_t>(produced));
    if (produced == 0) continue;
    crc = crc32(crc, reinterpret_cast<const Bytef*>(out.data() + old_size), static_cast<uInt>(produced));

    total_inflated_ += produced;
    if (out.size() > limits_.max_part_bytes) {
      fail(ExtractStatus::kLimitExceeded,
           "part " + shown + " inflates past the " + format_size(limits_.max_part_bytes) + " limit");
    }
    if (total_inflated_ > limits_.max_total_inflated_bytes) {
      fail(ExtractStatus::kLimitExceeded,
           "package inflates past the " + format_size(limits_.max_total_inflated_bytes) + " limit");
    }
    if (out.size() > limits_.ratio_check_after_bytes &&
        over_ratio(out.size(), consumed, limits_.max_compression_ratio)) {
      fail(ExtractStatus::kLimitExceeded, "compression ratio over " +
                                              std::to_string(limits_.max_compression_ratio) +
                                              ":1 in " + shown);
    }
  }
  if (at_end && (st.valid & ZIP_STAT_CRC) != 0 && static_cast<std::uint32_t>(crc) != st.crc) {
    fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": CRC error");
  }
  return out;
}

}  // namespace ra::common
