#include "common/chunk_writer.hpp"

#include "common/plugin_error.hpp"
#include "resume_analyser/text_codec.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace ra::common {
namespace {

constexpr std::array<bool, 256> kPlainAscii = [] {  // printable ASCII and '\t'
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = true;
  t['\t'] = true;
  return t;
}();

/// The end of the run of printable ASCII and tabs at in[from]: eight bytes
/// at a time while none is below 0x20 or above 0x7E, then one at a time.
std::size_t plain_run_end(std::string_view in, std::size_t from) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  std::size_t i = from;
  for (; i + 8 <= in.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, in.data() + i, 8);
    const std::uint64_t below_space = (w - kOnes * 0x20) & ~w & kHighs;  // some byte < 0x20
    const std::uint64_t above_tilde = ((w + kOnes * (127 - 0x7E)) | w) & kHighs;  // some byte > 0x7E
    if ((below_space | above_tilde) != 0) break;
  }
  while (i < in.size() && kPlainAscii[static_cast<unsigned char>(in[i])]) ++i;
  return i;
}

/// Appends `in` to `out` as valid UTF-8 without control characters but '\t'.
void append_clean_utf8(std::string& out, std::string_view in) {
  out.reserve(out.size() + in.size());
  for (std::size_t i = 0; i < in.size();) {
    // Printable ASCII and tabs, nearly all of a line, are copied a run at a time.
    const std::size_t run = plain_run_end(in, i);
    out.append(in.data() + i, run - i);
    i = run;
    if (i == in.size()) break;
    const char32_t cp = codec::next_code_point(in, i);
    if (cp >= 0x20 ? cp != 0x7F : cp == '\t') codec::append_utf8(out, cp);
  }
}

}  // namespace

void ChunkWriter::add_line(Zone zone, std::string_view line) {
  std::string& clean = clean_;  // keeps its buffer from line to line
  clean.clear();
  append_clean_utf8(clean, line);
  const std::size_t first = clean.find_first_not_of(' ');
  if (first == std::string::npos || clean.find_first_not_of(" \t") == std::string::npos) return;
  const std::size_t last = clean.find_last_not_of(' ');
  add_clean(zone, std::string_view(clean).substr(first, last + 1 - first));
}

void ChunkWriter::append(const ChunkWriter& other) {
  for (const TextChunk& chunk : other.chunks_) add_clean(chunk.zone, chunk.text);
}

void ChunkWriter::append(ChunkWriter&& other) {
  if (!chunks_.empty() || other.max_bytes_ != max_bytes_) return append(other);
  // `other` counted its text from empty against the same limit, as this would.
  chunks_ = std::move(other.chunks_);
  bytes_ = other.bytes_;
  other.chunks_.clear();
  other.bytes_ = 0;
}

void ChunkWriter::check_fits(std::uint64_t bytes) const {
  if (bytes > max_bytes_ || bytes_ > max_bytes_ - bytes) {
    fail(ExtractStatus::kLimitExceeded, "extracted text exceeds the " + format_size(max_bytes_) + " limit");
  }
}

void ChunkWriter::add_clean(Zone zone, std::string_view text) {
  const std::uint64_t added = text.size() + (chunks_.empty() ? 0 : 1);
  check_fits(added);
  bytes_ += added;
  if (!chunks_.empty() && chunks_.back().zone == zone) {
    chunks_.back().text += '\n';
    chunks_.back().text += text;
  } else {
    chunks_.push_back(TextChunk{zone, std::string(text)});
  }
}

}  // namespace ra::common
