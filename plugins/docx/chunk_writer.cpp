#include "chunk_writer.hpp"

#include "docx_error.hpp"

#include <cstdint>

namespace ra::docx {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

/// Appends `in` to `out` as valid UTF-8 without control characters but '\t'.
void append_clean_utf8(std::string& out, std::string_view in) {
  std::size_t i = 0;
  while (i < in.size()) {
    const auto lead = static_cast<unsigned char>(in[i]);
    if (lead < 0x80) {
      if (lead >= 0x20 ? lead != 0x7F : lead == '\t') out += static_cast<char>(lead);
      ++i;
      continue;
    }
    std::size_t length = 0;
    std::uint32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2, cp = lead & 0x1Fu;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3, cp = lead & 0x0Fu;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4, cp = lead & 0x07u;
    } else {
      out += kReplacement;
      ++i;
      continue;
    }
    std::size_t k = 1;
    for (; k < length && i + k < in.size(); ++k) {
      const auto next = static_cast<unsigned char>(in[i + k]);
      if ((next & 0xC0u) != 0x80u) break;
      cp = cp << 6 | (next & 0x3Fu);
    }
    const bool valid = k == length && !(length == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) &&
                       !(length == 4 && (cp < 0x10000 || cp > 0x10FFFF));
    if (valid) {
      out.append(in.substr(i, length));
    } else {
      out += kReplacement;
    }
    i += k;
  }
}

}  // namespace

void ChunkWriter::add_line(Zone zone, std::string_view line) {
  std::string clean;
  append_clean_utf8(clean, line);
  const std::size_t first = clean.find_first_not_of(' ');
  if (first == std::string::npos || clean.find_first_not_of(" \t") == std::string::npos) return;
  const std::size_t last = clean.find_last_not_of(' ');
  add_clean(zone, std::string_view(clean).substr(first, last + 1 - first));
}

void ChunkWriter::append(const ChunkWriter& other) {
  for (const TextChunk& chunk : other.chunks_) add_clean(chunk.zone, chunk.text);
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

}  // namespace ra::docx
