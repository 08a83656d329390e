// Collects extracted lines into the chunk list the host expects (the DOCX
// and ODT plugins).
//
// Contract:
//  - add_line() takes one line (no '\n' in it). The line is made valid UTF-8
//    (each invalid sequence becomes U+FFFD), control characters other than
//    '\t' are dropped, spaces at both ends are trimmed, and a line of nothing
//    but spaces and tabs is dropped: chunks never hold blank lines.
//  - A line in the same zone as the line before joins that chunk after a
//    '\n'; otherwise it starts a new chunk. Chunk texts never end in '\n'.
//  - The text kept so far, counting one '\n' between lines and between chunks
//    (the host joins chunks with '\n'), may not pass max_text_bytes:
//    kLimitExceeded "extracted text exceeds the <size> limit", thrown as
//    PluginError (plugin_error.hpp).
#pragma once

#include "resume_analyser/format_plugin.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ra::common {

class ChunkWriter {
 public:
  explicit ChunkWriter(std::uint64_t max_text_bytes) : max_bytes_(max_text_bytes) {}

  void add_line(Zone zone, std::string_view line);

  /// Adds every chunk of `other` in order, as if its lines were added here.
  void append(const ChunkWriter& other);
  /// The same; when nothing was added here yet and both have one limit,
  /// `other`'s chunks are taken as they are, without a copy.
  void append(ChunkWriter&& other);

  /// Throws the limit error unless `bytes` more would still fit; lets a
  /// caller stop a runaway line before it is complete.
  void check_fits(std::uint64_t bytes) const;

  const std::vector<TextChunk>& chunks() const { return chunks_; }
  std::vector<TextChunk> take() { return std::move(chunks_); }

 private:
  void add_clean(Zone zone, std::string_view text);

  std::uint64_t max_bytes_;
  std::uint64_t bytes_ = 0;
  std::vector<TextChunk> chunks_;
  std::string clean_;  // add_line()'s scratch
};

}  // namespace ra::common
