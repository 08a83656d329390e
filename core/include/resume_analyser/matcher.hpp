// Finds a keyword set's keywords in tokenised text.
//
// Rules (README "Matching"):
//   - A name or alias matches as a whole sequence of tokens (see text.hpp),
//     case-folded unless the keyword is case_sensitive or the spelling is an
//     exact alias.
//   - Between words, spaces, line breaks and '-' are interchangeable; other
//     joiners must be the same ("node.js", "a/b").
//   - A match may not be glued to a neighbouring token by '.' or '&' (R&D,
//     Node.js), nor a one-letter word by '-' (R-squared, C-suite); '/' and
//     "'s" are fine (Python/R, Python's).
//   - Leftmost-longest; a different keyword inside a longer match is found
//     too unless it ends where the match ends (its head word). Stop phrases
//     take part in leftmost-longest and hide their words.
//   - A keyword with a context counts only in a list holding a context-free
//     keyword of that category: neighbours separated by punctuation, one
//     "and"/"or", or version numbers, chained through keywords of the
//     category; a line break ends the list unless the context keyword stands
//     alone on its line.
//   - An inflected keyword (inflect: true) accepts regular forms of each of
//     its words (deploy, deploys, deployed, deploying, deployment).
//   - RE2 patterns run case-insensitively over the normalised text and count
//     only when the match starts and ends on token boundaries.
// Cost is linear in the number of tokens and independent of the set's size:
// one hash lookup per token, and one more per further word while the text
// goes on spelling the start of some keyword (a trie of the keywords'
// words), plus one RE2::Set pass when patterns exist.
#pragma once

#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/result.hpp"
#include "resume_analyser/text.hpp"

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace ra {

/// One place a keyword was found.
struct Occurrence {
  std::size_t keyword = 0;        // index into KeywordSet::keywords
  std::uint32_t first_token = 0;  // [first_token, end_token) in the token list
  std::uint32_t end_token = 0;
  std::uint32_t begin = 0;        // byte range in the normalised text
  std::uint32_t end = 0;
  std::uint32_t line = 0;         // 0-based line of `begin`
};

class Matcher {
 public:
  /// Compiles `set` (which must outlive the matcher). Fails only if an RE2
  /// pattern cannot be compiled.
  static Result<Matcher> compile(const KeywordSet& set);

  Matcher(Matcher&&) noexcept;
  Matcher& operator=(Matcher&&) noexcept;
  ~Matcher();

  /// Every occurrence in `text` (normalised, see normalize_text) whose
  /// tokens are `tokens` (= tokenize(text)), ordered by position. Fails only
  /// when RE2 runs out of memory. Thread-safe.
  Result<std::vector<Occurrence>> find(std::string_view text, const Tokens& tokens) const;

  /// The occurrences of find(text, tokens) that start at tokens [first,
  /// last), and no others, at the cost of those tokens (and of the keyword
  /// words leading into them) rather than of the whole text, unless the set
  /// has patterns or contexts, which need the whole text.
  Result<std::vector<Occurrence>> find(std::string_view text, const Tokens& tokens, std::size_t first,
                                       std::size_t last) const;

  const KeywordSet& keyword_set() const noexcept;

 private:
  struct Impl;
  explicit Matcher(std::unique_ptr<Impl> impl);
  /// find() for matches starting at tokens [from, to), once this thread's
  /// scratch holds the vocabulary entries they can reach.
  Result<std::vector<Occurrence>> scan(std::string_view text, const Tokens& tokens, std::size_t from,
                                       std::size_t to) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ra
