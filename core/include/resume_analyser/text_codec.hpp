// Character decoding for plugins and the core: UTF-8 validation and repair,
// UTF-16 and Windows-1252 to UTF-8, byte-order marks. Header-only and part
// of the plugin interface, so every plugin compiles its own hidden copy and
// links nothing.
//
// Everything here works on bytes and produces valid UTF-8. Nothing throws
// except std::bad_alloc from std::string.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ra::codec {

inline constexpr char32_t kReplacement = 0xFFFD;
inline constexpr std::size_t kNpos = std::string_view::npos;

/// Appends the UTF-8 form of `cp` (which must be a Unicode scalar value).
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    const char b[2] = {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 2);
  } else if (cp < 0x10000) {
    const char b[3] = {static_cast<char>(0xE0 | (cp >> 12)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 3);
  } else {
    const char b[4] = {static_cast<char>(0xF0 | (cp >> 18)),
                       static_cast<char>(0x80 | ((cp >> 12) & 0x3F)),
                       static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                       static_cast<char>(0x80 | (cp & 0x3F))};
    out.append(b, 4);
  }
}

/// Decodes one UTF-8 sequence at p[0, n) (n >= 1) following Unicode Table 3-7
/// (no overlongs, no surrogates, nothing above U+10FFFF). Returns its length
/// and sets `cp`; returns 0 for an ill-formed sequence and sets `bad` to the
/// length of its maximal subpart (>= 1), the bytes one U+FFFD stands for.
inline std::size_t decode_utf8(const unsigned char* p, std::size_t n, char32_t& cp,
                               std::size_t& bad) noexcept {
  const unsigned char b0 = p[0];
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  std::size_t len;
  char32_t c;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    len = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    len = 3;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;       // overlong
    else if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    len = 4;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;       // overlong
    else if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    bad = 1;  // 80..C1 (continuation or overlong lead), F5..FF
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if (i >= n || p[i] < lo || p[i] > hi) {
      bad = i;
      return 0;
    }
    lo = 0x80;
    hi = 0xBF;
    c = (c << 6) | (p[i] & 0x3F);
  }
  cp = c;
  return len;
}

/// The index of the first byte of `s` at or after `from` that is not ASCII
/// (0x80 or above), or s.size(). Eight bytes at a time.
inline std::size_t ascii_run_end(std::string_view s, std::size_t from) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = from;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (w & 0x8080808080808080ull) break;
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

/// Whether `s` holds a line feed or a carriage return. Eight bytes at a time:
/// a byte equal to `c` is a zero byte of w ^ c, which (x - 0x01..) & ~x &
/// 0x80.. flags (exactly whether there is one).
inline bool has_line_break(std::string_view s) noexcept {
  constexpr std::uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  auto has_zero = [](std::uint64_t x) { return ((x - kOnes) & ~x & kHigh) != 0; };
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, p + i, 8);
    if (has_zero(w ^ (kOnes * '\n')) || has_zero(w ^ (kOnes * '\r'))) return true;
  }
  for (; i < n; ++i) {
    if (p[i] == '\n' || p[i] == '\r') return true;
  }
  return false;
}

/// Index of the first byte of the first ill-formed UTF-8 sequence in `s`, or
/// kNpos when `s` is valid UTF-8.
inline std::size_t utf8_first_invalid(std::string_view s) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    i = ascii_run_end(s, i);
    if (i >= n) break;
    char32_t cp;
    std::size_t bad;
    const std::size_t len = decode_utf8(p + i, n - i, cp, bad);
    if (len == 0) return i;
    i += len;
  }
  return kNpos;
}

/// Decodes the code point at s[pos] and advances `pos` past it; an ill-formed
/// sequence yields kReplacement and advances past its maximal subpart.
inline char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data()) + pos;
  char32_t cp = kReplacement;
  std::size_t bad = 1;
  const std::size_t len = decode_utf8(p, s.size() - pos, cp, bad);
  pos += len != 0 ? len : bad;
  return len != 0 ? cp : kReplacement;
}

/// Appends `s` as UTF-8, replacing each maximal ill-formed subpart with U+FFFD.
/// Returns how many replacements were made.
inline std::size_t append_utf8_repaired(std::string& out, std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  std::size_t replaced = 0;
  std::size_t i = 0;
  while (i < n) {
    const std::size_t bad_at = utf8_first_invalid(std::string_view(s.data() + i, n - i));
    if (bad_at == kNpos) {
      out.append(s.data() + i, n - i);
      break;
    }
    out.append(s.data() + i, bad_at);
    i += bad_at;
    char32_t cp;
    std::size_t bad = 1;
    decode_utf8(p + i, n - i, cp, bad);
    append_utf8(out, kReplacement);
    ++replaced;
    i += bad;
  }
  return replaced;
}

/// Windows-1252 bytes 0x80..0x9F. The five bytes the code page leaves
/// undefined (81 8D 8F 90 9D) become U+FFFD.
inline constexpr char32_t kCp1252High[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  // 88-8F
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,  // 98-9F
};

/// The character a Windows-1252 byte stands for.
inline constexpr char32_t cp1252_char(unsigned char b) noexcept {
  return (b >= 0x80 && b < 0xA0) ? kCp1252High[b - 0x80] : static_cast<char32_t>(b);
}

/// Appends the Windows-1252 bytes `s` as UTF-8.
inline void append_cp1252(std::string& out, std::string_view s) {
  out.reserve(out.size() + s.size() + s.size() / 2);
  for (const char ch : s) {
    const auto b = static_cast<unsigned char>(ch);
    if (b < 0x80) out.push_back(ch);
    else append_utf8(out, cp1252_char(b));
  }
}

/// Appends UTF-16 code units `s` (no BOM) as UTF-8. Strict mode stops at the
/// first unpaired surrogate or dangling odd byte and returns its index in `s`;
/// lenient mode writes U+FFFD for it. Returns kNpos when nothing stopped it.
inline std::size_t append_utf16(std::string& out, std::string_view s, bool big_endian,
                                bool strict) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  out.reserve(out.size() + n);
  auto unit = [&](std::size_t i) -> char32_t {
    return big_endian ? static_cast<char32_t>((p[i] << 8) | p[i + 1])
                      : static_cast<char32_t>((p[i + 1] << 8) | p[i]);
  };
  std::size_t i = 0;
  for (; i + 1 < n; i += 2) {
    const char32_t u = unit(i);
    if (u < 0xD800 || u > 0xDFFF) {
      append_utf8(out, u);
      continue;
    }
    if (u <= 0xDBFF && i + 3 < n) {
      const char32_t low = unit(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
        i += 2;
        continue;
      }
    }
    if (strict) return i;
    append_utf8(out, kReplacement);
  }
  if (i < n) {  // one byte left over
    if (strict) return i;
    append_utf8(out, kReplacement);
  }
  return kNpos;
}

/// What a byte-order mark at the start of a file says.
enum class Bom { kNone, kUtf8, kUtf16Le, kUtf16Be, kUtf32Le, kUtf32Be };

inline Bom detect_bom(std::string_view s) noexcept {
  auto at = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  if (s.size() >= 4 && at(0) == 0xFF && at(1) == 0xFE && at(2) == 0 && at(3) == 0) return Bom::kUtf32Le;
  if (s.size() >= 4 && at(0) == 0 && at(1) == 0 && at(2) == 0xFE && at(3) == 0xFF) return Bom::kUtf32Be;
  if (s.size() >= 3 && at(0) == 0xEF && at(1) == 0xBB && at(2) == 0xBF) return Bom::kUtf8;
  if (s.size() >= 2 && at(0) == 0xFF && at(1) == 0xFE) return Bom::kUtf16Le;
  if (s.size() >= 2 && at(0) == 0xFE && at(1) == 0xFF) return Bom::kUtf16Be;
  return Bom::kNone;
}

inline std::size_t bom_length(Bom bom) noexcept {
  switch (bom) {
    case Bom::kNone: return 0;
    case Bom::kUtf8: return 3;
    case Bom::kUtf16Le:
    case Bom::kUtf16Be: return 2;
    case Bom::kUtf32Le:
    case Bom::kUtf32Be: return 4;
  }
  return 0;
}

}  // namespace ra::codec
