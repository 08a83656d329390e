// Results computed from ZIP entries, remembered by the entries' stored bytes.
//
// Documents written by one tool share parts byte for byte: the package
// relationships, often the styles. A PartMemo keeps what a plugin computed
// from such a part (the relationships it lists, whether its styles can hide
// text) for the last few distinct parts it met, so that a batch computes
// each once. It is meant to be thread_local: one per thread, no locks.
//
// Contract:
//  - find() returns the value remembered for an entry stored exactly as
//    (ZipArchive::reuse) the one it was computed from, under the same
//    `context` (whatever else the value depends on: the part's name, the
//    limits it was read under), and counts the entry against the archive's
//    limits as reading it would; nullptr otherwise, and then the caller reads
//    the entry itself. So a hit gives what a read would have given, failures
//    included: only values computed from entries read without failing are
//    remembered, and reuse() declines wherever a read could fail.
//  - remember() keeps a value for entry `name` of `zip` (which the caller
//    has just read whole without failing), replacing the least recently used
//    of kSlots; entries storing more than kMaxStoredBytes are not kept.
//  - Memory: at most kSlots * kMaxStoredBytes stored bytes plus the values.
#pragma once

#include "common/zip_archive.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace ra::common {

template <class Value>
class PartMemo {
 public:
  static constexpr std::size_t kSlots = 8;
  static constexpr std::size_t kMaxStoredBytes = 64 * 1024;

  const Value* find(ZipArchive& zip, std::string_view name, std::string_view context) {
    const std::optional<std::uint32_t> crc = zip.declared_crc(name);  // one look-up, not one per slot
    if (!crc) return nullptr;
    for (Slot& slot : slots_) {
      if (slot.used != 0 && slot.entry.crc == *crc && slot.context == context && zip.reuse(name, slot.entry)) {
        slot.used = ++clock_;
        return &slot.value;
      }
    }
    return nullptr;
  }

  void remember(const ZipArchive& zip, std::string_view name, std::string_view context, Value value) {
    std::optional<EntryFingerprint> entry = zip.fingerprint(name, kMaxStoredBytes);
    if (!entry) return;
    Slot* oldest = &slots_[0];
    for (Slot& slot : slots_) {
      if (slot.used < oldest->used) oldest = &slot;
    }
    *oldest = Slot{std::move(*entry), std::string(context), std::move(value), ++clock_};
  }

 private:
  struct Slot {
    EntryFingerprint entry;
    std::string context;
    Value value{};
    std::uint64_t used = 0;  // 0: empty; else when last found or remembered
  };
  std::array<Slot, kSlots> slots_;
  std::uint64_t clock_ = 0;
};

}  // namespace ra::common
