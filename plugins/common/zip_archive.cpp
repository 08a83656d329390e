#include "common/zip_archive.hpp"

#include <libdeflate.h>
#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <new>

namespace ra::common {
namespace {

constexpr std::uint64_t kMaxDeflateRatio = 1032;  // what DEFLATE can reach at best
constexpr std::uint16_t kStore = 0;
constexpr std::uint16_t kDeflate = 8;

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

/// Gives zlib the next slice of `raw` (at most what uInt counts) once it has
/// used the last; false when all of `raw` was given.
bool feed(z_stream& z, std::string_view raw, std::uint64_t& fed) {
  if (fed == raw.size()) return false;
  const std::uint64_t slice = std::min<std::uint64_t>(raw.size() - fed, std::numeric_limits<uInt>::max());
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data() + fed));
  z.avail_in = static_cast<uInt>(slice);
  fed += slice;
  return true;
}

/// Inflates all of raw DEFLATE data `raw` into `out` (at most `room` bytes)
/// in one call; the size inflated, or nullopt when the data is invalid, ends
/// early or does not fit (ZipArchive::read_entry then inflates it step by
/// step, which says which).
std::optional<std::size_t> inflate_whole(libdeflate_decompressor* d, std::string_view raw, char* out,
                                         std::size_t room) {
  std::size_t in_used = 0, produced = 0;
  const libdeflate_result rc = libdeflate_deflate_decompress_ex(d, raw.data(), raw.size(), out, room, &in_used, &produced);
  if (rc != LIBDEFLATE_SUCCESS) return std::nullopt;
  return produced;
}

std::uint32_t crc32_of(std::uint32_t crc, const char* data, std::size_t size) {
  return libdeflate_crc32(crc, data, size);
}

struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const noexcept { libdeflate_free_decompressor(d); }
};

/// The thread's libdeflate decompressor, made on first use and kept: making
/// one zero-fills about 11 KB, and a decompressor keeps no state from one
/// call to the next (one per thread, as libdeflate requires).
libdeflate_decompressor* thread_decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> decompressor;
  if (!decompressor) {
    decompressor.reset(libdeflate_alloc_decompressor());
    if (!decompressor) throw std::bad_alloc();
  }
  return decompressor.get();
}

}  // namespace

ByteBuffer inflate_prefix(std::string_view raw, std::size_t max_out) {
  Inflater inflater;
  z_stream& z = inflater.stream();
  ByteBuffer out;
  std::uint64_t fed = 0;
  feed(z, raw, fed);
  z.next_out = reinterpret_cast<Bytef*>(out.grow(max_out));
  z.avail_out = static_cast<uInt>(max_out);
  inflate(&z, Z_SYNC_FLUSH);
  out.commit(max_out - z.avail_out);
  return out;
}

namespace {

/// Slot order: folded name (the cheap key first), then directory order.
int compare_names(std::uint64_t key_a, std::string_view a, std::uint64_t key_b, std::string_view b) {
  if (key_a != key_b) return key_a < key_b ? -1 : 1;
  return compare_folded(a, b);
}

}  // namespace

ZipArchive::ZipArchive(std::string_view bytes, const ExtractLimits& limits, std::string_view format)
    : directory_(bytes), format_(format), limits_(limits) {
  // One walk reads every record, as count_entries() would, and indexes them
  // while there are no more than the limit allows; the limit is reported
  // only for a directory that is readable and holds as many records as its
  // end record says. A record takes at least 46 bytes.
  index_.reserve(static_cast<std::size_t>(
      std::min({directory_.declared_entries(), limits_.max_archive_entries, std::uint64_t{bytes.size() / 46}})));
  // The first entry whose compressed size takes the running total past the archive's size.
  std::uint64_t compressed_total = 0;
  std::uint64_t overlap_at = std::numeric_limits<std::uint64_t>::max();
  ZipEntry e;
  ZipDirectory::Cursor c = directory_.begin();
  for (std::uint64_t record = c.at; directory_.next(c, e); record = c.at) {
    if (c.index > limits_.max_archive_entries) continue;
    index_.push_back(Slot{folded_key(e.name), e.name, record});
    if (overlap_at == std::numeric_limits<std::uint64_t>::max()) {
      if (e.compressed_size > bytes.size() - compressed_total) overlap_at = record;
      compressed_total += e.compressed_size;
    }
  }
  directory_.check_count(c);
  if (c.index > limits_.max_archive_entries) {
    fail(ExtractStatus::kLimitExceeded,
         "ZIP archive has more than " + std::to_string(limits_.max_archive_entries) + " entries");
  }
  // Sorted by folded name, records in directory order among equals: the first
  // entry named like an earlier one follows that one directly.
  std::sort(index_.begin(), index_.end(), [](const Slot& a, const Slot& b) {
    const int order = compare_names(a.key, a.name, b.key, b.name);
    return order != 0 ? order < 0 : a.record < b.record;
  });
  const Slot* duplicate = nullptr;
  for (std::size_t i = 1; i < index_.size(); ++i) {
    if (compare_names(index_[i - 1].key, index_[i - 1].name, index_[i].key, index_[i].name) == 0 &&
        (duplicate == nullptr || index_[i].record < duplicate->record)) {
      duplicate = &index_[i];
    }
  }
  // Checked entry by entry in directory order, a duplicate name before an overlap.
  if (duplicate != nullptr && duplicate->record <= overlap_at) {
    fail(ExtractStatus::kCorrupt, "duplicate entry name " + printable_name(duplicate->name) + " in ZIP archive");
  }
  if (overlap_at != std::numeric_limits<std::uint64_t>::max()) {
    fail(ExtractStatus::kCorrupt, "ZIP entries overlap (compressed sizes exceed the archive size)");
  }
}

const ZipArchive::Slot* ZipArchive::find(std::string_view name) const {
  const std::uint64_t key = folded_key(name);
  const auto found = std::lower_bound(index_.begin(), index_.end(), name, [key](const Slot& slot, std::string_view n) {
    return compare_names(slot.key, slot.name, key, n) < 0;
  });
  return found != index_.end() && compare_names(found->key, found->name, key, name) == 0 ? &*found : nullptr;
}

bool ZipArchive::contains(std::string_view name) const { return find(name) != nullptr; }

std::optional<ByteBuffer> ZipArchive::read(std::string_view name) {
  return read_entry(name, std::numeric_limits<std::uint64_t>::max());
}

std::optional<ByteBuffer> ZipArchive::read_prefix(std::string_view name, std::size_t max_bytes,
                                                  bool (*enough)(std::string_view), std::size_t step) {
  return read_entry(name, max_bytes, enough, step);
}

std::optional<ZipEntry> ZipArchive::entry(std::string_view name) const {
  const Slot* slot = find(name);
  if (slot == nullptr) return std::nullopt;
  ZipEntry st;
  ZipDirectory::Cursor at{slot->record, 0};
  directory_.next(at, st);  // read and checked by the constructor
  return st;
}

std::optional<std::uint32_t> ZipArchive::declared_crc(std::string_view name) const {
  const std::optional<ZipEntry> found = entry(name);
  if (!found) return std::nullopt;
  return found->crc;
}

std::optional<EntryFingerprint> ZipArchive::fingerprint(std::string_view name, std::size_t max_stored) const {
  const std::optional<ZipEntry> found = entry(name);
  if (!found) return std::nullopt;
  const ZipEntry& st = *found;
  if (st.compressed_size > max_stored) return std::nullopt;
  const std::string_view stored = directory_.stored_data(st, printable_name(name));
  return EntryFingerprint{st.flags, st.method, st.crc, st.size, std::string(stored)};
}

bool ZipArchive::reuse(std::string_view name, const EntryFingerprint& seen) {
  const std::optional<ZipEntry> found = entry(name);
  if (!found) return false;
  const ZipEntry& st = *found;
  if (st.flags != seen.flags || st.method != seen.method || st.crc != seen.crc || st.size != seen.size ||
      st.compressed_size != seen.stored.size()) {
    return false;
  }
  if (st.size > limits_.ratio_check_after_bytes || st.size > limits_.max_part_bytes ||
      st.size > limits_.max_total_inflated_bytes - total_inflated_) {
    return false;  // read() would check a ratio, or fail: let it
  }
  if (directory_.stored_data(st, printable_name(name)) != seen.stored) return false;
  total_inflated_ += st.size;
  return true;
}

std::optional<ByteBuffer> ZipArchive::read_entry(std::string_view name, std::uint64_t stop_after,
                                                 bool (*enough)(std::string_view), std::uint64_t step) {
  const std::optional<ZipEntry> found = entry(name);
  if (!found) return std::nullopt;
  const ZipEntry& st = *found;
  const std::string shown = printable_name(name);
  if (st.encrypted()) fail(ExtractStatus::kUnsupported, "encrypted " + std::string(format_) + " is not supported");
  if (st.method != kStore && st.method != kDeflate) {
    fail(ExtractStatus::kUnsupported, "unsupported compression method " + std::to_string(st.method) + " in " + shown);
  }
  const bool deflated = st.method == kDeflate;
  const std::string_view raw = directory_.stored_data(st, shown);

  // The declared size is a claim: it only saves moves when it is true, and is
  // never believed past the limits or what the stored bytes can inflate to.
  const std::uint64_t most = deflated ? raw.size() * kMaxDeflateRatio : raw.size();
  ByteBuffer out;
  out.reserve(static_cast<std::size_t>(std::min<std::uint64_t>({st.size, limits_.max_part_bytes, stop_after, most}) + 1));

  // Fast path: an entry whose declared size is within every limit, too small
  // for the ratio check to apply and read whole, inflated in one call
  // (libdeflate, about twice zlib's speed). It only stands when the data
  // inflates completely within the declared size; anything else (a size
  // claim that is too small, invalid or truncated data) is inflated again
  // below, step by step, which gives the same result and the same failures as
  // if this path did not exist.
  if (deflated && enough == nullptr && st.size <= limits_.ratio_check_after_bytes && st.size <= limits_.max_part_bytes &&
      st.size <= most && st.size <= stop_after && st.size <= limits_.max_total_inflated_bytes - total_inflated_) {
    const std::size_t room = static_cast<std::size_t>(st.size);
    if (const std::optional<std::size_t> produced = inflate_whole(thread_decompressor(), raw, out.grow(room), room)) {
      out.commit(*produced);
      total_inflated_ += *produced;
      if (crc32_of(0, out.data(), out.size()) != st.crc) {
        fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": CRC error");
      }
      return out;
    }
  }
  std::optional<Inflater> inflater;
  if (deflated) inflater.emplace();
  std::uint64_t fed = 0;       // compressed bytes given to zlib
  std::uint64_t consumed = 0;  // compressed bytes used so far
  bool at_end = false;
  std::uint32_t crc = 0;

  while (!at_end && out.size() < stop_after) {
    const std::uint64_t want = std::min<std::uint64_t>(step, stop_after - out.size());
    char* into = out.grow(static_cast<std::size_t>(want));
    std::uint64_t produced = 0;
    if (!deflated) {
      produced = std::min<std::uint64_t>(want, raw.size() - consumed);
      std::memcpy(into, raw.data() + consumed, static_cast<std::size_t>(produced));
      consumed += produced;
      at_end = consumed == raw.size();
    } else {
      z_stream& z = inflater->stream();
      if (z.avail_in == 0 && !feed(z, raw, fed)) {
        fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": compressed data ends early");
      }
      z.next_out = reinterpret_cast<Bytef*>(into);
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
    out.commit(static_cast<std::size_t>(produced));
    if (produced == 0) continue;
    crc = crc32_of(crc, into, static_cast<std::size_t>(produced));

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
    if (enough != nullptr && enough(out.view())) break;
  }
  if (at_end && crc != st.crc) {
    fail(ExtractStatus::kCorrupt, "corrupt part " + shown + ": CRC error");
  }
  return out;
}

}  // namespace ra::common
