// Bounded reading of a ZIP archive held in memory, shared by the package
// formats (DOCX, ODT): the directory read in place (zip_directory.hpp), the
// entries inflated straight from the bytes (libdeflate in one call for small
// entries read whole, zlib step by step otherwise; see read()).
//
// Contract:
//  - The archive is read in place from `bytes` (never from a path); `bytes`
//    must outlive the object. One object serves one extraction (or one
//    sniff): it is not shared between threads.
//  - The constructor reads the central directory (zip_directory.hpp: its
//    "not a ZIP archive" and "corrupt ZIP archive: ..." failures; bytes that
//    start with a local file header but have no end of central directory, a
//    truncated file, are "corrupt ZIP archive: ...", not "not a ZIP
//    archive") and checks it as a whole: at most max_archive_entries
//    entries; then, entry by entry in directory order, no entry name equal
//    to an earlier one (ignoring ASCII case and '\' versus '/', as OPC part
//    names compare; ODF names are case-sensitive, so for ODT this is
//    stricter than it needs to be) and the declared compressed sizes adding
//    up to no more than the archive (overlapping entries, the trick of zip
//    bombs such as zbsm.zip, fail this). It allocates once, an index of the
//    entries sorted by folded name, never per entry.
//  - read() takes an entry's bytes as stored (after its local file header)
//    and inflates them itself, so that it knows how many compressed bytes
//    each inflated byte came from. It refuses encrypted entries (kUnsupported
//    "encrypted <format> is not supported", <format> being the name the
//    constructor was given, "DOCX") and compression methods other than STORE
//    and DEFLATE (kUnsupported "unsupported compression method <m> in
//    <name>") before inflating anything, then counts the bytes actually
//    produced (declared sizes are only claims) against:
//      * max_part_bytes, for the entry;
//      * max_total_inflated_bytes, for all reads of this object together;
//      * max_compression_ratio, once the entry has produced more than
//        ratio_check_after_bytes: the bytes produced so far may not pass
//        ratio * the compressed bytes consumed so far (zlib's total_in).
//    All three are checked after every inflate step, which produces at most
//    64 KiB; so an entry never yields more than 64 KiB past
//    min(max_part_bytes, max(ratio_check_after_bytes, ratio * compressed
//    bytes read)), however its data is arranged: a bomb whose dense part
//    comes late in a large entry is stopped as soon as its running ratio
//    passes the limit, not judged by the entry's whole compressed size. A
//    DEFLATE stream that ends before its end block ("compressed data ends
//    early"), or whose data is invalid ("invalid compressed data"), is
//    corrupt; the CRC-32 is checked whenever an entry is read to its end
//    ("CRC error"); all three kCorrupt "corrupt part <name>: <reason>".
//    An entry read whole whose declared size is within every limit and at
//    most ratio_check_after_bytes (so no ratio check applies) is first
//    inflated in one call into a buffer of its declared size; that result
//    only stands when the data inflates completely within it, and anything
//    else is read again step by step as above, so the results and failures
//    are the same whichever way an entry is read.
//  - The inflated bytes go into a ByteBuffer (byte_buffer.hpp), never
//    zero-filled, reserved at the entry's declared size (bounded by the
//    limits and by 1032 times the stored bytes, DEFLATE's best), ready to be
//    handed to pugixml without a copy.
//  - fingerprint() and reuse() let a caller remember what it computed from
//    an entry's bytes and skip reading an entry stored byte for byte the
//    same (part_memo.hpp): reuse() counts the entry against the limits
//    exactly as read() would have, and only applies where read() would
//    succeed.
//  - Every failure throws PluginError (plugin_error.hpp).
#pragma once

#include "common/byte_buffer.hpp"
#include "common/plugin_error.hpp"
#include "common/zip_directory.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>


namespace ra::common {

/// Up to `max_out` bytes inflated from the start of raw DEFLATE data `raw`,
/// as far as it goes and is valid (for sniffing a part from a local file
/// header). Throws only std::bad_alloc.
ByteBuffer inflate_prefix(std::string_view raw, std::size_t max_out);

/// An entry as stored, copied: its compression method, flags, declared size
/// and CRC-32 and its stored bytes. Entries with equal fingerprints inflate
/// to the same bytes, or fail alike.
struct EntryFingerprint {
  std::uint16_t flags = 0;
  std::uint16_t method = 0;
  std::uint32_t crc = 0;
  std::uint64_t size = 0;
  std::string stored;

  bool operator==(const EntryFingerprint& o) const noexcept {
    return flags == o.flags && method == o.method && crc == o.crc && size == o.size && stored == o.stored;
  }
};

class ZipArchive {
 public:
  /// `format` names the package format in messages ("DOCX", "ODT"); it must
  /// outlive the object (a string literal).
  ZipArchive(std::string_view bytes, const ExtractLimits& limits, std::string_view format);

  /// Whether an entry is called `name` (compared as the constructor does).
  bool contains(std::string_view name) const;

  /// The whole inflated entry `name` (its CRC checked), or nullopt if absent.
  std::optional<ByteBuffer> read(std::string_view name);

  /// At most the first `max_bytes` inflated bytes of entry `name`, or nullopt
  /// if absent. Counts against the same limits as read(). With `enough`, the
  /// entry is inflated `step` bytes at a time, and reading stops as soon as
  /// enough(the bytes so far) is true: a caller looking for something near
  /// the start inflates no further than it must.
  std::optional<ByteBuffer> read_prefix(std::string_view name, std::size_t max_bytes,
                                        bool (*enough)(std::string_view) = nullptr, std::size_t step = 64 * 1024);

  /// The fingerprint of entry `name`; nullopt when it is absent or stores
  /// more than `max_stored` bytes.
  std::optional<EntryFingerprint> fingerprint(std::string_view name, std::size_t max_stored) const;

  /// The CRC-32 entry `name` declares, or nullopt if absent: a cheap first
  /// test of many fingerprints before reuse().
  std::optional<std::uint32_t> declared_crc(std::string_view name) const;

  /// Whether entry `name` is stored as `seen` says, where `seen` is the
  /// fingerprint of an entry that read() inflated whole without failing (in
  /// this archive or another), and read() of it would succeed here too: its
  /// declared size within max_part_bytes, ratio_check_after_bytes (no ratio
  /// check applies) and what max_total_inflated_bytes leaves. If so, its
  /// size is counted as read() would count it, and the caller may use what
  /// it computed from the earlier read instead of reading the entry. Throws
  /// what read() would when the entry's data lies outside the archive.
  bool reuse(std::string_view name, const EntryFingerprint& seen);

 private:
  struct Slot {
    std::uint64_t key;  // folded_key(name)
    std::string_view name;
    std::uint64_t record;  // where its central directory record starts
  };
  const Slot* find(std::string_view name) const;
  std::optional<ZipEntry> entry(std::string_view name) const;  // its directory record, if present
  std::optional<ByteBuffer> read_entry(std::string_view name, std::uint64_t stop_after,
                                       bool (*enough)(std::string_view) = nullptr, std::uint64_t step = 64 * 1024);

  ZipDirectory directory_;
  std::string_view format_;
  ExtractLimits limits_;
  std::vector<Slot> index_;  // sorted by folded name, then directory order
  std::uint64_t total_inflated_ = 0;
};

}  // namespace ra::common
