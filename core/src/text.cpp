#include "resume_analyser/text.hpp"

#include "resume_analyser/text_codec.hpp"

#include <unicode/bytestream.h>
#include <unicode/casemap.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <stdexcept>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ra {
namespace {

bool all_ascii(std::string_view s) { return codec::ascii_run_end(s, 0) == s.size(); }

/// Maps one code point of NFKC text to what the analyser reads; returns
/// false to drop it.
bool map_code_point(char32_t& cp) {
  if (cp < 0x80) return true;
  if (cp == 0x2028 || cp == 0x2029) {  // keep the line count unchanged
    cp = ' ';
    return true;
  }
  if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return false;  // soft hyphen, zero-width space/joiners, BOM, ...
  }
  if (u_charType(static_cast<UChar32>(cp)) == U_DASH_PUNCTUATION || cp == 0x2212) {
    cp = '-';
    return true;
  }
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC:
      cp = '\'';
      return true;
    case 0x201C: case 0x201D: case 0x201F: case 0x2033:
      cp = '"';
      return true;
    default:
      return true;
  }
}

const icu::Normalizer2& nfkc() {
  static const icu::Normalizer2* instance = [] {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFKCInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC data unavailable");
    return n;
  }();
  return *instance;
}

/// What tokenize() needs to know of an ASCII byte.
enum AsciiClass : std::uint8_t {
  kWordByte = 1,    // letter or digit
  kSpaceByte = 2,   // ' ', '\t', '\r', '\f', '\v'
  kJoinerByte = 4,  // . - / & '
};

constexpr std::array<std::uint8_t, 128> kAsciiClass = [] {
  std::array<std::uint8_t, 128> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = kWordByte;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = kWordByte;
  for (char c : {' ', '\t', '\r', '\f', '\v'}) t[static_cast<unsigned char>(c)] = kSpaceByte;
  for (char c : {'.', '-', '/', '&', '\''}) t[static_cast<unsigned char>(c)] = kJoinerByte;
  return t;
}();

/// Each byte as it stands in a folded ASCII word: letters lower-cased,
/// digits kept, 0 for every other byte (non-ASCII ones included).
constexpr std::array<char, 256> kAsciiWordFolded = [] {
  std::array<char, 256> t{};
  for (int c = '0'; c <= '9'; ++c) t[c] = static_cast<char>(c);
  for (int c = 'a'; c <= 'z'; ++c) t[c] = t[c - 'a' + 'A'] = static_cast<char>(c);
  return t;
}();

/// Writes the ASCII letters and digits at the start of [p, end) to `out`,
/// lower-cased, and returns how many there were; `*plain_end` tells whether
/// what follows them cannot go on with the word: neither a non-ASCII byte
/// nor '+' or '#' ("C++"). Sixteen bytes at a time where SSE2 is there: it
/// may then write up to 15 bytes more to `out` (which must have room for as
/// many bytes as [p, end) holds).
std::size_t fold_ascii_word(const char* p, const char* end, char* out, bool* plain_end) {
  const char* const start = p;
#if defined(__SSE2__)
  while (end - p >= 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // Letters, and only they, fall in 'a'..'z' with bit 5 set; digits keep
    // their value; bytes >= 0x80 are negative and fall in neither range.
    const __m128i lower = _mm_or_si128(v, _mm_set1_epi8(0x20));
    const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)),
                                         _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
                                        _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
    const auto word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + (p - start)), lower);
    if (word != 0xFFFF) {
      const auto stop = static_cast<unsigned>(__builtin_ctz(~word));
      const auto unusual = static_cast<unsigned>(
          _mm_movemask_epi8(v) | _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('+')),
                                                                _mm_cmpeq_epi8(v, _mm_set1_epi8('#')))));
      *plain_end = ((unusual >> stop) & 1) == 0;
      return static_cast<std::size_t>(p - start) + stop;
    }
    p += 16;
  }
#endif
  for (char c; p < end && (c = kAsciiWordFolded[static_cast<unsigned char>(*p)]) != 0; ++p) out[p - start] = c;
  *plain_end = p == end || (static_cast<unsigned char>(*p) < 0x80 && *p != '+' && *p != '#');
  return static_cast<std::size_t>(p - start);
}

bool is_word_non_ascii(char32_t cp) {
  if (cp == codec::kReplacement) return false;
  const auto c = static_cast<UChar32>(cp);
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

bool is_word_cp(char32_t cp) {
  return cp < 0x80 ? (kAsciiClass[cp] & kWordByte) != 0 : is_word_non_ascii(cp);
}

bool is_joiner(char32_t cp) { return cp < 0x80 && (kAsciiClass[cp] & kJoinerByte) != 0; }

bool is_space(char32_t cp) { return cp < 0x80 && (kAsciiClass[cp] & kSpaceByte) != 0; }

/// normalize_text() of a piece holding non-ASCII text, appended to `out`.
void normalize_piece(std::string_view text, std::string& out) {
  std::string valid;
  codec::append_utf8_repaired(valid, text);
  std::string composed;
  {
    UErrorCode status = U_ZERO_ERROR;
    icu::StringByteSink<std::string> sink(&composed, static_cast<int32_t>(valid.size()));
    nfkc().normalizeUTF8(0, icu::StringPiece(valid.data(), static_cast<int32_t>(valid.size())),
                         sink, nullptr, status);
    if (U_FAILURE(status)) composed = valid;
  }

  std::size_t pos = 0;
  while (pos < composed.size()) {
    char32_t cp = codec::next_code_point(composed, pos);
    if (map_code_point(cp)) codec::append_utf8(out, cp);
  }
}

}  // namespace

std::string normalize_text(std::string_view text) {
  std::string out;
  append_normalized(text, out);
  return out;
}

void append_normalized(std::string_view text, std::string& out) {
  // ASCII is its own NFKC form and map_code_point() leaves it alone, and no
  // character composes with an ASCII character after it. So only the runs of
  // non-ASCII bytes need ICU, each with the ASCII character before it (a
  // combining accent may compose with it): résumé text is mostly ASCII.
  out.reserve(out.size() + text.size());
  std::size_t done = 0;
  while (done < text.size()) {
    const std::size_t high = codec::ascii_run_end(text, done);
    if (high == text.size()) {
      out.append(text.data() + done, text.size() - done);
      break;
    }
    const std::size_t start = high > done ? high - 1 : high;  // with the ASCII character before
    out.append(text.data() + done, start - done);
    std::size_t end = high;
    while (end < text.size() && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
    normalize_piece(text.substr(start, end - start), out);
    done = end;
  }
}

std::string fold_case(std::string_view text) {
  std::string out;
  if (all_ascii(text)) {
    out.assign(text);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::StringByteSink<std::string> sink(&out, static_cast<int32_t>(text.size()));
  icu::CaseMap::utf8Fold(0, icu::StringPiece(text.data(), static_cast<int32_t>(text.size())),
                         sink, nullptr, status);
  if (U_FAILURE(status)) out.assign(text);
  return out;
}

Tokens tokenize(std::string_view text) {
  Tokens out;
  std::vector<Token>& tokens = out.tokens_;
  tokens.reserve(text.size() / 6 + 1);
  out.hashes_.reserve(tokens.capacity());
  // The folded words. Invariant: room for the rest of the text, so that an
  // ASCII word (folded as long as written) always fits; a longer folding
  // grows the buffer and moves the words written so far.
  std::size_t capacity = text.size(), used = 0;
  // kPadding bytes more than the words need, for word_hash_padded().
  constexpr std::size_t kPadding = 8;
  out.folded_.reset(new char[capacity + kPadding]);
  auto room = [&](std::size_t need) {
    if (capacity >= need) return;
    const std::size_t grown = std::max(need, 2 * capacity);
    std::unique_ptr<char[]> buffer(new char[grown + kPadding]);
    std::copy(out.folded_.get(), out.folded_.get() + used, buffer.get());
    for (Token& t : tokens) {
      t.folded = std::string_view(buffer.get() + (t.folded.data() - out.folded_.get()), t.folded.size());
    }
    out.folded_ = std::move(buffer);
    capacity = grown;
  };

  std::uint32_t line = 0;
  std::size_t pos = 0;
  // State of the separator run since the previous token.
  bool saw_newline = false, saw_other = false;
  // "fine-\ntuning": a hyphen right after a word, then only whitespace with a
  // line break, is a hyphen the line wrapped at.
  bool wrap_hyphen = false;
  std::size_t separator_chars = 0;
  char32_t only_joiner = 0;
  char32_t prev = 0;  // last separator code point; 0 at the start or right after a token
  bool after_token = false;

  // The code point at `at` (0 at the end of the text) and where the next begins.
  auto peek = [&](std::size_t at, std::size_t* next) -> char32_t {
    if (at >= text.size()) {
      *next = at;
      return 0;
    }
    const auto byte = static_cast<unsigned char>(text[at]);
    if (byte < 0x80) {
      *next = at + 1;
      return byte;
    }
    std::size_t p = at;
    const char32_t cp = codec::next_code_point(text, p);
    *next = p;
    return cp;
  };

  while (pos < text.size()) {
    if (text[pos] == ' ') {  // the usual separator, as the general case below takes it
      ++separator_chars;
      prev = ' ';
      ++pos;
      continue;
    }
    std::size_t next = 0;
    const char32_t cp = peek(pos, &next);
    bool dot_word = false;
    if (!is_word_cp(cp)) {
      // ".NET": a dot opens a token only where a word could start.
      if (cp == '.' && (!after_token || (prev != 0 && !is_joiner(prev)))) {
        std::size_t after_dot = 0;
        dot_word = is_word_cp(peek(next, &after_dot));
      }
      if (!dot_word) {
        ++separator_chars;
        if (cp == '\n') {
          saw_newline = true;
          ++line;
        } else if (!is_space(cp)) {
          wrap_hyphen = cp == '-' && separator_chars == 1 && after_token;
          saw_other = true;
          only_joiner = is_joiner(cp) ? cp : 0;
        }
        prev = cp;
        pos = next;
        continue;
      }
    }

    // A token starts here: word characters, then a trailing run of + or #.
    Gap gap = Gap::kBreak;
    char joiner = 0;
    if (tokens.empty()) {
      gap = Gap::kStart;
    } else if (separator_chars == 1 && saw_other && only_joiner != 0) {
      gap = Gap::kJoiner;
      joiner = static_cast<char>(only_joiner);
    } else if (wrap_hyphen && saw_newline) {
      gap = Gap::kJoiner;
      joiner = '-';
    } else if (!saw_other) {
      gap = saw_newline ? Gap::kLineBreak : Gap::kSpace;
    }
    // The word's ASCII letters and digits are folded as they are scanned,
    // straight into the buffer (the common case, one pass). A word that goes
    // on with a non-ASCII letter is folded again below, whole.
    char* word = out.folded_.get() + used;
    std::size_t size = 0;
    if (dot_word) word[size++] = '.';
    std::size_t end = dot_word ? next : pos;
    bool plain_end = true;
    {
      const std::size_t n = fold_ascii_word(text.data() + end, text.data() + text.size(), word + size, &plain_end);
      size += n;
      end += n;
    }
    bool ascii = true;
    for (; !plain_end;) {
      if (end >= text.size() || static_cast<unsigned char>(text[end]) < 0x80) break;
      std::size_t n = 0;
      if (!is_word_non_ascii(peek(end, &n))) break;
      ascii = false;
      end = n;
      while (end < text.size() && kAsciiWordFolded[static_cast<unsigned char>(text[end])] != 0) ++end;
    }
    std::size_t suffix_end = end;
    while (!plain_end && suffix_end < text.size() && (text[suffix_end] == '+' || text[suffix_end] == '#')) {
      ++suffix_end;
    }
    if (suffix_end != end) {
      // "C++", "C++17" (a version follows), but not "A+B".
      std::size_t n = 0;
      const char32_t after = peek(suffix_end, &n);
      if (!is_word_cp(after) || (after >= '0' && after <= '9')) {
        if (ascii) {
          for (std::size_t k = end; k < suffix_end; ++k) word[size++] = text[k];
        }
        end = suffix_end;
      }
    }

    if (!ascii) {
      const std::string f = fold_case(text.substr(pos, end - pos));
      room(used + f.size() + (text.size() - end));
      word = out.folded_.get() + used;
      std::copy(f.begin(), f.end(), word);
      size = f.size();
    }
    const std::uint64_t hash = word_hash_padded(word, size);
    const std::string_view folded(word, size);
    used += folded.size();
    // Field by field into the vector: a Token built aside and copied in is
    // written in narrow pieces and read back wide, which stalls the store
    // forwarding of most x86 cores (a third of this function's time).
    Token& token = tokens.emplace_back();
    token.begin = static_cast<std::uint32_t>(pos);
    token.end = static_cast<std::uint32_t>(end);
    token.line = line;
    token.gap = gap;
    token.joiner = joiner;
    token.folded = folded;
    token.hash = hash;
    out.hashes_.push_back(hash);

    pos = end;
    saw_newline = saw_other = wrap_hyphen = false;
    separator_chars = 0;
    only_joiner = 0;
    prev = 0;
    after_token = true;
  }
  return out;
}

}  // namespace ra
