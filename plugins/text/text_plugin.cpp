// Plain-text format plugin.
//
// Decoding, in this order:
//   1. A UTF-32 byte-order mark: refused (kUnsupported).
//   2. A UTF-16 LE/BE byte-order mark: strict UTF-16; an unpaired surrogate
//      or an odd byte count is kCorrupt "invalid UTF-16 at byte N".
//   3. Any NUL byte: binary, kUnsupported "binary data, not text".
//   4. A UTF-8 byte-order mark: UTF-8; an ill-formed sequence becomes U+FFFD
//      (the mark declares the encoding, so the rest is not re-guessed).
//   5. Valid UTF-8: used as is.
//   6. Anything else: Windows-1252; its five undefined bytes become U+FFFD.
// Then: CRLF and CR become LF, form feed becomes LF, other control characters
// (C0 but tab, DEL, C1) and U+FEFF are dropped, trailing spaces and tabs are
// stripped from each line, leading and trailing blank lines are removed and a
// run of blank lines becomes one. The whole text is one body chunk.
#include "resume_analyser/format_plugin.hpp"
#include "resume_analyser/text_codec.hpp"

#include <cstring>
#include <new>
#include <string>
#include <string_view>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;
namespace codec = ra::codec;

constexpr std::uint64_t kMaxInputBytes = 1ull << 20;

std::string limit_message(std::uint64_t max_bytes) {
  return "extracted text exceeds " + std::to_string(max_bytes) + " bytes";
}

// Builds the normalised text line by line.
class LineWriter {
 public:
  explicit LineWriter(std::uint64_t max_bytes) : max_bytes_(max_bytes) {}

  // Ends the current line. Returns false once the output passes the limit.
  bool end_line() {
    std::size_t end = line_.size();
    while (end > 0 && (line_[end - 1] == ' ' || line_[end - 1] == '\t')) --end;
    if (end == 0) {
      if (!out_.empty()) blank_pending_ = true;
    } else {
      if (!out_.empty()) out_ += blank_pending_ ? "\n\n" : "\n";
      out_.append(line_, 0, end);
      blank_pending_ = false;
    }
    line_.clear();
    return out_.size() <= max_bytes_;
  }

  std::string& line() { return line_; }
  std::string& text() { return out_; }

 private:
  std::uint64_t max_bytes_;
  std::string out_;
  std::string line_;
  bool blank_pending_ = false;
};

// `u` is valid UTF-8. Returns false when the output passes `max_bytes`.
bool normalise(std::string_view u, std::uint64_t max_bytes, std::string& out) {
  LineWriter w(max_bytes);
  const auto* p = reinterpret_cast<const unsigned char*>(u.data());
  const std::size_t n = u.size();
  std::size_t i = 0;
  while (i < n) {
    // Copy the run of ordinary bytes in one go.
    std::size_t j = i;
    while (j < n && p[j] >= 0x20 && p[j] != 0x7F && p[j] != 0xC2 && p[j] != 0xEF) ++j;
    if (j > i) {
      w.line().append(u.data() + i, j - i);  // bounded by the input size
      i = j;
      continue;
    }
    const unsigned char b = p[i];
    if (b == '\n' || b == '\f') {
      if (!w.end_line()) return false;
      ++i;
    } else if (b == '\r') {
      if (!w.end_line()) return false;
      i += (i + 1 < n && p[i + 1] == '\n') ? 2 : 1;
    } else if (b == '\t') {
      w.line().push_back('\t');
      ++i;
    } else if (b == 0xC2) {
      // U+0080..U+009F (C1 controls) are dropped; other C2 xx are copied.
      if (i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9F) {
        i += 2;
      } else {
        w.line().append(u.data() + i, 2);  // valid UTF-8: C2 is followed by one byte
        i += 2;
      }
    } else if (b == 0xEF) {
      if (i + 2 < n && p[i + 1] == 0xBB && p[i + 2] == 0xBF) {
        i += 3;  // U+FEFF
      } else {
        w.line().append(u.data() + i, 3);
        i += 3;
      }
    } else {
      ++i;  // other C0 control or DEL
    }
  }
  if (!w.end_line()) return false;
  out = std::move(w.text());
  return true;
}

ExtractResult binary_failure(std::size_t offset) {
  return ExtractResult::failure(ExtractStatus::kUnsupported, "binary data, not text", offset);
}

ExtractResult extract_text(std::string_view bytes, const ExtractLimits& limits) {
  const codec::Bom bom = codec::detect_bom(bytes);
  const std::size_t skip = codec::bom_length(bom);
  const std::string_view body = bytes.substr(skip);
  std::string decoded;
  std::string_view utf8;
  switch (bom) {
    case codec::Bom::kUtf32Le:
    case codec::Bom::kUtf32Be:
      return ExtractResult::failure(ExtractStatus::kUnsupported, "UTF-32 text is not supported");
    case codec::Bom::kUtf16Le:
    case codec::Bom::kUtf16Be: {
      const std::size_t bad =
          codec::append_utf16(decoded, body, bom == codec::Bom::kUtf16Be, /*strict=*/true);
      if (bad != codec::kNpos) {
        return ExtractResult::failure(ExtractStatus::kCorrupt,
                                      "invalid UTF-16 at byte " + std::to_string(bad + skip),
                                      bad + skip);
      }
      utf8 = decoded;
      break;
    }
    case codec::Bom::kUtf8:
    case codec::Bom::kNone: {
      if (const void* nul = std::memchr(body.data(), 0, body.size())) {
        return binary_failure(static_cast<const char*>(nul) - bytes.data());
      }
      if (codec::utf8_first_invalid(body) == codec::kNpos) {
        utf8 = body;
      } else if (bom == codec::Bom::kUtf8) {
        codec::append_utf8_repaired(decoded, body);
        utf8 = decoded;
      } else {
        codec::append_cp1252(decoded, body);
        utf8 = decoded;
      }
      break;
    }
  }

  ExtractResult result;
  std::string text;
  if (!normalise(utf8, limits.max_text_bytes, text)) {
    return ExtractResult::failure(ExtractStatus::kLimitExceeded,
                                  limit_message(limits.max_text_bytes));
  }
  if (!text.empty()) result.chunks.push_back(ra::TextChunk{ra::Zone::kBody, std::move(text)});
  return result;
}

class TextPlugin final : public ra::FormatPlugin {
 public:
  ra::FormatInfo info() const noexcept override {
    try {
      ra::FormatInfo i;
      i.name = "text";
      i.description = "plain text";
      i.version = "1.0.0";
      i.extensions = {".txt", ".text", ".md"};
      i.media_types = {"text/plain"};
      i.max_input_bytes = kMaxInputBytes;
      return i;
    } catch (...) {
      return ra::FormatInfo{};
    }
  }

  // 10 for anything that decodes as text (low, so that richer formats win),
  // including an empty file; 0 for binary data and UTF-32.
  int sniff(std::string_view bytes) const noexcept override {
    const codec::Bom bom = codec::detect_bom(bytes);
    switch (bom) {
      case codec::Bom::kUtf32Le:
      case codec::Bom::kUtf32Be: return 0;
      case codec::Bom::kUtf16Le:
      case codec::Bom::kUtf16Be: return 10;
      case codec::Bom::kUtf8:
      case codec::Bom::kNone: break;
    }
    return std::memchr(bytes.data(), 0, bytes.size()) == nullptr ? 10 : 0;
  }

  ExtractResult extract(std::string_view bytes, const ExtractLimits& limits) const noexcept override {
    return ra::extract_guarded([&] { return extract_text(bytes, limits); });
  }
};

}  // namespace

RA_DECLARE_FORMAT_PLUGIN(TextPlugin, "text")
