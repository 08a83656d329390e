// The central directory of a ZIP archive held in memory, read in place from
// its bytes: no library, no allocation, every read bounded by the bytes.
// Stricter checks of libzip's (which the plugins used before) that it does
// not repeat: names flagged UTF-8 need not be valid UTF-8, a stored entry's
// sizes need not agree; neither matters to reading the entries.
//
// Contract:
//  - The constructor finds the end of central directory (EOCD) record: the
//    last "PK\5\6" within reach of the end (22 bytes plus at most a 65,535-byte
//    comment) whose comment fits in the bytes and whose directory lies inside
//    the bytes before it and starts with a central directory record (or is
//    empty). ZIP64 end records are followed
//    when the EOCD's fields are saturated and a ZIP64 locator precedes it.
//    Multi-disk archives are refused. Failures throw PluginError kCorrupt:
//      * "corrupt ZIP archive: truncated": under 22 bytes, starting with a
//        local file header;
//      * "corrupt ZIP archive: no end of central directory (truncated?)": no
//        EOCD signature, starting with a local file header;
//      * "not a ZIP archive": neither of the above, no EOCD signature;
//      * "corrupt ZIP archive: <reason>": EOCD signatures, none usable.
//  - next() reads the directory's records one by one, in order, each a view
//    into the bytes (names are not copied); a record that is cut short, lacks
//    its signature or needs a ZIP64 field it does not have throws kCorrupt
//    "corrupt ZIP archive: unreadable entry <index>". count_entries() walks
//    them all and checks the count against the EOCD's (modulo 65,536 without
//    ZIP64, as Info-ZIP writes more entries than 16 bits hold).
//  - stored_data(entry) is the entry's data as stored: after its local file
//    header (whose name and extra field lengths are all that is read of it;
//    its signature is not checked, as libzip did not), compressed_size
//    bytes, all inside the bytes; otherwise kCorrupt "corrupt part <name>:
//    <reason>".
// `bytes` must outlive the object and every view it gave.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ra::common {

/// `name` as entry names compare: ASCII lower case, '\\' turned into '/'.
std::string fold_entry_name(std::string_view name);

/// fold_entry_name(a) compared with fold_entry_name(b) (<0, 0, >0), without copying.
int compare_folded(std::string_view a, std::string_view b) noexcept;

/// The first eight bytes of fold_entry_name(name) as a big-endian number,
/// zero-padded: when the keys of two names differ, the names compare
/// (compare_folded) as their keys do; when they are equal, the names may
/// still differ. A cheap first comparison for sorting and searching names.
std::uint64_t folded_key(std::string_view name) noexcept;

/// The little-endian 16- and 32-bit numbers at `at` (at least 2 or 4 bytes
/// of `b` from there: the caller checks).
inline std::uint16_t le16(std::string_view b, std::uint64_t at) {
  return static_cast<std::uint16_t>(static_cast<unsigned char>(b[at]) |
                                    static_cast<unsigned char>(b[at + 1]) << 8);
}
inline std::uint32_t le32(std::string_view b, std::uint64_t at) {
  return static_cast<std::uint32_t>(le16(b, at)) | static_cast<std::uint32_t>(le16(b, at + 2)) << 16;
}

/// One central directory record.
struct ZipEntry {
  std::string_view name;  // as stored: raw bytes, any encoding
  std::uint16_t flags = 0;
  std::uint16_t method = 0;  // 0 STORE, 8 DEFLATE, ...
  std::uint32_t crc = 0;
  std::uint64_t compressed_size = 0;
  std::uint64_t size = 0;  // inflated: a claim
  std::uint64_t local_header = 0;  // offset of its local file header

  /// Encrypted, in any way (general purpose bit 0: traditional, AES, strong).
  bool encrypted() const noexcept { return (flags & 0x1) != 0; }
};

class ZipDirectory {
 public:
  explicit ZipDirectory(std::string_view bytes);

  /// Where next() starts: the first record, index 0.
  struct Cursor {
    std::uint64_t at = 0;
    std::uint64_t index = 0;
  };
  Cursor begin() const noexcept { return Cursor{begin_, 0}; }

  /// Reads the record at `cursor` into `entry` and moves past it; false at
  /// the end of the directory.
  bool next(Cursor& cursor, ZipEntry& entry) const;

  /// The number of records, all of them read and checked (see above).
  std::uint64_t count_entries() const;

  /// The check of count_entries(), for a caller that read the records
  /// itself: `end` is the cursor next() returned false at.
  void check_count(const Cursor& end) const;

  /// The number of entries the end record declares (modulo 65,536 without
  /// ZIP64): a claim, to be checked.
  std::uint64_t declared_entries() const noexcept { return declared_; }

  /// The entry's bytes as stored; `shown` names it in messages.
  std::string_view stored_data(const ZipEntry& entry, std::string_view shown) const;

  std::string_view bytes() const noexcept { return bytes_; }

 private:
  const char* locate(std::size_t eocd);  // nullptr when the EOCD at `eocd` is usable, else why not

  std::string_view bytes_;
  std::uint64_t begin_ = 0;     // the central directory: [begin_, end_)
  std::uint64_t end_ = 0;
  std::uint64_t declared_ = 0;  // entries, as the end record says
  bool zip64_ = false;
};

}  // namespace ra::common
