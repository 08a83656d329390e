#include "line_repair.hpp"

#include "resume_analyser/text_codec.hpp"

#include <cstddef>
#include <unordered_map>
#include <unordered_set>

namespace ra::pdf {
namespace {

constexpr char32_t kSoftHyphen = 0x00AD;

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;       // Latin-1 signs
  if (c >= 0x2000 && c <= 0x2BFF) return false;                // punctuation, symbols, arrows
  if (c >= 0x3000 && c <= 0x303F) return false;                // CJK punctuation
  if (c >= 0xFE00 && c <= 0xFE0F) return false;                // variation selectors
  if (c >= 0xFF00 && c <= 0xFF20) return false;                // full-width punctuation
  return c != codec::kReplacement;
}

bool is_lower_start(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 0xDF && c <= 0xFF && c != 0xF7); }

bool is_hyphen(char32_t c) { return c == '-' || c == 0x2010 || c == kSoftHyphen; }

/// A word as the rules compare it: ASCII letters in lower case.
std::string fold(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

/// The code point that ends `s` and where it starts (s must not be empty).
char32_t last_code_point(std::string_view s, std::size_t& start) {
  start = s.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80 && s.size() - start < 4) --start;
  std::size_t pos = start;
  return codec::next_code_point(s, pos);
}

/// The letters that end `s` (before byte `end`).
std::string_view letters_before(std::string_view s, std::size_t end) {
  std::size_t begin = end;
  while (begin > 0) {
    std::size_t at;
    const char32_t c = last_code_point(s.substr(0, begin), at);
    if (!is_letter(c)) break;
    begin = at;
  }
  return s.substr(begin, end - begin);
}

/// The letters that start `s`.
std::string_view letters_after(std::string_view s) {
  std::size_t end = 0;
  while (end < s.size()) {
    std::size_t next = end;
    if (!is_letter(codec::next_code_point(s, next))) break;
    end = next;
  }
  return s.substr(0, end);
}

/// What a line break between two lines looks like.
struct Break {
  enum Kind { kNone, kSoftHyphen, kHyphen, kPlus } kind = kNone;
  std::string_view before, after;  // A and B: the letters either side
  std::size_t hyphen_at = 0;       // byte offset of the hyphen in the upper line
};

Break classify(std::string_view upper, std::string_view lower) {
  Break b;
  if (upper.empty() || lower.empty()) return b;
  std::size_t at;
  const char32_t last = last_code_point(upper, at);
  if (last == '+' && lower.front() == '+' && at > 0) {
    std::size_t prev_at;
    const char32_t prev = last_code_point(upper.substr(0, at), prev_at);
    if (is_letter(prev) || prev == '+') b.kind = Break::kPlus;
    return b;
  }
  if (!is_hyphen(last)) return b;
  b.before = letters_before(upper, at);
  b.after = letters_after(lower);
  b.hyphen_at = at;
  if (b.before.empty() || b.after.empty()) return b;
  if (last == kSoftHyphen) {
    b.kind = Break::kSoftHyphen;
    return b;
  }
  std::size_t pos = 0;
  if (!is_lower_start(codec::next_code_point(lower, pos))) return b;
  b.kind = Break::kHyphen;
  return b;
}

/// Words of the document: each run of letters, and each hyphenated pair.
struct Vocabulary {
  std::unordered_map<std::string, int> words;
  std::unordered_set<std::string> pairs;       // "a-b"
  std::unordered_set<std::string> hyphenated;  // a and b of each pair

  void add_line(std::string_view line) {
    std::string_view prev_word;
    std::size_t prev_end = std::string_view::npos;
    std::size_t i = 0;
    while (i < line.size()) {
      std::size_t next = i;
      if (!is_letter(codec::next_code_point(line, next))) {
        i = next;
        continue;
      }
      const std::string_view word = letters_after(line.substr(i));
      ++words[fold(word)];
      if (prev_end != std::string_view::npos && i == prev_end + 1 && line[prev_end] == '-') {
        pairs.insert(fold(prev_word) + "-" + fold(word));
        hyphenated.insert(fold(prev_word));
        hyphenated.insert(fold(word));
      }
      prev_word = word;
      prev_end = i + word.size();
      i = prev_end;
    }
  }

  bool has(const std::string& word) const {
    const auto it = words.find(word);
    return it != words.end() && it->second > 0;
  }
};

enum class Verdict { kKeep, kJoin, kUnknown };

/// Rules 1-5 of the contract; kUnknown when neither half is a word here.
Verdict judge(const Break& b, const Vocabulary& vocab) {
  switch (b.kind) {
    case Break::kNone: return Verdict::kKeep;
    case Break::kSoftHyphen:
    case Break::kPlus: return Verdict::kJoin;
    case Break::kHyphen: break;
  }
  auto letters = [](std::string_view w) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < w.size(); ++n) codec::next_code_point(w, i);
    return n;
  };
  if (letters(b.before) < 2 || letters(b.after) < 2) return Verdict::kKeep;
  const std::string a = fold(b.before), c = fold(b.after);
  if (vocab.has(a + c)) return Verdict::kJoin;
  if (vocab.pairs.count(a + "-" + c) != 0) return Verdict::kKeep;
  // A half of two letters ("in", "re") counts only as part of a hyphenated
  // word elsewhere: on its own it is too common to tell anything.
  const auto evidence = [&](const std::string& half, std::size_t n) {
    return n >= 3 ? vocab.has(half) : vocab.hyphenated.count(half) != 0;
  };
  if (evidence(a, letters(b.before)) || evidence(c, letters(b.after))) return Verdict::kKeep;
  return Verdict::kUnknown;
}

/// Moves the first word of `lower` to the end of `upper`, dropping the
/// hyphen at `hyphen_at` (npos: none).
void join(std::string& upper, std::string& lower, std::size_t hyphen_at) {
  if (hyphen_at != std::string::npos) upper.erase(hyphen_at);
  const std::size_t end = lower.find_first_of(" \t");
  upper.append(lower, 0, end);
  const std::size_t rest = end == std::string::npos ? std::string::npos : lower.find_first_not_of(" \t", end);
  lower.erase(0, rest);
}

}  // namespace

std::string expand_ligatures(std::string_view text) {
  static constexpr const char* kLetters[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
  // U+FB00..U+FB06 are EF AC 80..86 in UTF-8.
  if (text.find("\xEF\xAC") == std::string_view::npos) return std::string(text);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xAC') {
      const auto third = static_cast<unsigned char>(text[i + 2]);
      if (third >= 0x80 && third <= 0x86) {
        out += kLetters[third - 0x80];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

void repair_line_breaks(std::vector<std::string>& lines) {
  if (lines.size() < 2) return;
  Vocabulary vocab;
  for (const std::string& line : lines) vocab.add_line(line);
  // The halves at each candidate break are not evidence for themselves.
  for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
    const Break b = classify(lines[i], lines[i + 1]);
    if (b.kind != Break::kHyphen) continue;
    --vocab.words[fold(b.before)];
    --vocab.words[fold(b.after)];
  }
  // Does whatever made this document hyphenate words at line ends?
  bool hyphenates = false;
  for (std::size_t i = 0; i + 1 < lines.size() && !hyphenates; ++i) {
    const Break b = classify(lines[i], lines[i + 1]);
    hyphenates = b.kind != Break::kPlus && judge(b, vocab) == Verdict::kJoin;
  }

  std::vector<std::string> out;
  out.reserve(lines.size());
  std::size_t i = 0;
  while (i < lines.size()) {
    std::string line = std::move(lines[i++]);
    // Join while the line still ends in a split word (a moved word may end
    // in a hyphen itself); each join consumes text, so this ends.
    while (i < lines.size()) {
      const Break b = classify(line, lines[i]);
      const Verdict verdict = judge(b, vocab);
      if (verdict == Verdict::kKeep || (verdict == Verdict::kUnknown && !hyphenates)) break;
      join(line, lines[i], b.kind == Break::kPlus ? std::string::npos : b.hyphen_at);
      if (lines[i].empty()) ++i;
    }
    out.push_back(std::move(line));
  }
  lines = std::move(out);
}

}  // namespace ra::pdf
