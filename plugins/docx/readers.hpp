// Which reader reads a WordprocessingML or relationships part, chosen by
// RA_DOCX_READER in the environment so that tests and fuzzers can compare
// the two (wml_text.hpp, opc_package.hpp): unset or anything else, a part is
// read as it streams by (common/xml_stream.hpp) and, where the stream gives
// up, from a tree (common/xml_part.hpp); "tree", from a tree only; "stream",
// as it streams by only, failing with kInternal "the stream reader gave up
// on <part>" where the stream gives up.
#pragma once

#include "common/xml_part.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace ra::docx {

enum class Readers : std::uint8_t { kStreamThenTree, kTree, kStream };

inline Readers readers() {
  const char* chosen = std::getenv("RA_DOCX_READER");
  if (chosen == nullptr) return Readers::kStreamThenTree;
  const std::string_view name(chosen);
  return name == "tree" ? Readers::kTree : name == "stream" ? Readers::kStream : Readers::kStreamThenTree;
}

/// What else a part's result depends on, besides its bytes: the XML limits
/// it is read under and the readers (for the context of a PartMemo,
/// common/part_memo.hpp).
inline std::string reading_context(const common::XmlLimits& limits) {
  return std::to_string(limits.max_depth) + ' ' + std::to_string(limits.max_elements) + ' ' +
         std::to_string(limits.max_attributes) + ' ' + std::to_string(static_cast<int>(readers()));
}

}  // namespace ra::docx
