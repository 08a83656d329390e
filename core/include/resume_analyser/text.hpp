// Text normalisation and tokenisation shared by documents and keyword sets,
// so that both sides of a match are cut the same way.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

/// Returns `utf8` in the form the analyser reads: NFKC (ligatures split,
/// full-width and NBSP-like spaces made plain), hyphen and dash variants as
/// '-', curly apostrophes as '\'', soft hyphens, zero-width and other
/// default-ignorable characters removed, invalid UTF-8 replaced by U+FFFD.
/// Case is kept (some keywords are case-sensitive). The number of '\n' is
/// never changed, so line numbers survive normalisation.
std::string normalize_text(std::string_view utf8);

/// normalize_text(utf8) appended to `out`.
void append_normalized(std::string_view utf8, std::string& out);

/// Unicode case folding (full folding; "Straße" -> "strasse").
std::string fold_case(std::string_view utf8);

/// What separates a token from the one before it.
enum class Gap : std::uint8_t {
  kStart,      // first token of the text
  kSpace,      // spaces or tabs only
  kLineBreak,  // whitespace including at least one '\n'
  kJoiner,     // exactly one joining character (. - / & ') between word characters
  kBreak,      // anything else: punctuation such as , ; ( ) or ". "
};

/// A word-like unit. Letters and digits form a token; a trailing run of '+'
/// or '#' stays with it (C++, C#); a '.' directly before a word at a word
/// start stays with it (.NET). Joined words (scikit-learn, Node.js, A/B,
/// R&D) are separate tokens linked by Gap::kJoiner, so a matcher can decide
/// per joiner whether "R" in "R&D" counts (it does not).
struct Token {
  std::uint32_t begin = 0;   // byte offset in the tokenised text
  std::uint32_t end = 0;     // one past the last byte
  std::uint32_t line = 0;    // 0-based line of `begin`
  Gap gap = Gap::kStart;     // separation from the previous token
  char joiner = 0;           // the joining character when gap == kJoiner
  std::string_view folded;   // case-folded text of the token, held by its Tokens
  std::uint64_t hash = 0;    // word_hash(folded), for lookups
};

/// The tokens of a text in order, with the storage their `folded` words
/// point into (one buffer, not a string per token). Moving keeps the words
/// where they are; copying is not allowed, as the copies would point into
/// the original.
class Tokens {
 public:
  Tokens() = default;
  Tokens(Tokens&&) noexcept = default;
  Tokens& operator=(Tokens&&) noexcept = default;
  Tokens(const Tokens&) = delete;
  Tokens& operator=(const Tokens&) = delete;

  std::size_t size() const noexcept { return tokens_.size(); }
  bool empty() const noexcept { return tokens_.empty(); }
  const Token& operator[](std::size_t i) const noexcept { return tokens_[i]; }
  const Token& front() const noexcept { return tokens_.front(); }
  const Token& back() const noexcept { return tokens_.back(); }
  const Token* begin() const noexcept { return tokens_.data(); }
  const Token* end() const noexcept { return tokens_.data() + tokens_.size(); }

  /// (*this)[i].hash, from an array of the hashes alone: eight bytes a token
  /// where a Token takes forty, for lookups that mostly read nothing else.
  std::uint64_t hash(std::size_t i) const noexcept { return hashes_[i]; }

 private:
  friend Tokens tokenize(std::string_view normalized);
  std::vector<Token> tokens_;
  std::vector<std::uint64_t> hashes_;  // tokens_[i].hash
  std::unique_ptr<char[]> folded_;  // the folded words, one after another
};

/// A hash of a (case-folded) word, the same for equal words: its bytes eight
/// at a time as little-endian numbers (the last group padded with zeros),
/// each mixed in with one multiply by 2^64 / phi (Fibonacci hashing). Its
/// top bits depend on every byte, the low ones only on the bytes before
/// them: take a table slot from the top bits. A multiply a word, mostly,
/// where a byte-at-a-time hash (FNV-1a) chains one per byte.
inline constexpr std::uint64_t kWordHashSeed = 14695981039346656037ull;
namespace detail {
inline std::uint64_t word_hash_mix(std::uint64_t h, std::uint64_t group) noexcept {
  return (h ^ group) * 0x9E3779B97F4A7C15ull;
}
/// Bytes [p, p + 8) as a little-endian number.
inline std::uint64_t load_le64(const char* p) noexcept {
  std::uint64_t v;
  std::memcpy(&v, p, sizeof v);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  v = __builtin_bswap64(v);
#endif
  return v;
}

/// The hash of `size` bytes at `word`: the whole groups loaded here, the
/// last, shorter one as `tail(start, bytes)` gives it (zero-padded).
template <typename Tail>
inline std::uint64_t word_hash_groups(const char* word, std::size_t size, Tail tail) noexcept {
  std::uint64_t h = kWordHashSeed ^ size;
  std::size_t i = 0;
  for (; i + 8 <= size; i += 8) h = word_hash_mix(h, load_le64(word + i));
  if (i < size) h = word_hash_mix(h, tail(word + i, size - i));
  return h;
}
}  // namespace detail

inline std::uint64_t word_hash(std::string_view word) noexcept {
  return detail::word_hash_groups(word.data(), word.size(), [](const char* p, std::size_t n) {
    std::uint64_t group = 0;
    for (std::size_t k = n; k-- > 0;) group = group << 8 | static_cast<unsigned char>(p[k]);
    return group;
  });
}

/// word_hash(std::string_view(word, size)) when at least 7 bytes after the
/// word may be read (their values do not matter): no byte loop.
inline std::uint64_t word_hash_padded(const char* word, std::size_t size) noexcept {
  return detail::word_hash_groups(word, size, [](const char* p, std::size_t n) {
    return detail::load_le64(p) & (~std::uint64_t{0} >> (64 - 8 * n));
  });
}

/// How many ASCII digits `s` holds: loops without exits, which the compiler
/// vectorises, for cheap tests that spare lines a regular expression. Counted
/// in blocks of at most 255 bytes into a one-byte counter, so that a vector
/// step adds 16 bytes at once (a std::size_t counter widens every byte).
inline std::size_t count_ascii_digits(std::string_view s) noexcept {
  std::size_t digits = 0;
  for (std::size_t at = 0; at < s.size(); at += 255) {
    const std::size_t end = s.size() - at > 255 ? at + 255 : s.size();
    std::uint8_t block = 0;
    for (std::size_t i = at; i < end; ++i) block += static_cast<unsigned char>(s[i] - '0') < 10;
    digits += block;
  }
  return digits;
}

/// Splits normalised text into tokens (see Token). Linear in the input; two
/// allocations (the tokens, their folded words) for text whose words need no
/// case folding beyond ASCII.
Tokens tokenize(std::string_view normalized);

}  // namespace ra
