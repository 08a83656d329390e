#include "resume_analyser/matcher.hpp"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>

namespace ra {
namespace {

constexpr std::size_t kStop = static_cast<std::size_t>(-1);  // keyword index of stop phrases

/// One spelling of a keyword, cut into tokens like the text is.
struct Alias {
  Tokens tokens;  // the gaps between words; `folded` is unused here
  std::vector<std::vector<std::string>> forms;  // per word: accepted spellings
                                                // (exact case when exact_case)
  std::vector<std::uint32_t> words;  // per word: its number in the vocabulary (case-folded)
  std::size_t keyword = 0;
  bool exact_case = false;
  bool inflect = false;
};

bool is_consonant(char c) {
  return c >= 'a' && c <= 'z' && std::string_view("aeiou").find(c) == std::string_view::npos;
}

/// Regular English inflections of a practice word ("deploy" -> "deployed",
/// "deployment"; "optimize" -> "optimizing", "optimization"). Over-generation
/// is harmless: a form that is not a word never occurs in text.
std::vector<std::string> inflections(const std::string& w) {
  std::vector<std::string> out{w};
  if (w.size() < 3) return out;
  for (const char* s : {"s", "es", "ed", "ing", "ment", "ments", "ation", "ations", "er", "ers"}) {
    out.push_back(w + s);
  }
  const char last = w.back();
  const std::string stem = w.substr(0, w.size() - 1);
  if (last == 'e') {
    for (const char* s : {"d", "r", "rs"}) out.push_back(w + s);
    for (const char* s : {"ing", "ation", "ations"}) out.push_back(stem + s);
  } else if (last == 'y' && is_consonant(w[w.size() - 2])) {
    for (const char* s : {"ies", "ied"}) out.push_back(stem + s);
  } else if (is_consonant(last) && last != 'w' && last != 'x' && last != 'y' &&
             !is_consonant(w[w.size() - 2]) && is_consonant(w[w.size() - 3])) {
    for (const char* s : {"ed", "ing", "er", "ers"}) out.push_back(w + last + s);
  }
  return out;
}

bool space_like(const Token& t) {
  return t.gap == Gap::kSpace || t.gap == Gap::kLineBreak ||
         (t.gap == Gap::kJoiner && t.joiner == '-');
}

/// Whether the text gap before `text` fits the alias gap before `alias`.
bool gap_fits(const Token& alias, const Token& text) {
  if (alias.gap == Gap::kJoiner && alias.joiner != '-') {
    return text.gap == Gap::kJoiner && text.joiner == alias.joiner;
  }
  if (alias.gap == Gap::kBreak) return text.gap != Gap::kJoiner;
  return space_like(text);
}

/// Whether the token `boundary`, lying next to a match whose edge word is
/// `edge_word`, is glued to it so the match is part of a larger word.
bool glued(const Token& boundary, std::string_view edge_word) {
  if (boundary.gap != Gap::kJoiner) return false;
  switch (boundary.joiner) {
    case '.':
    case '&':
      return true;
    case '-':
      return edge_word.size() == 1;
    default:  // '/' lists alternatives; '\'' is a possessive
      return false;
  }
}

}  // namespace

struct Matcher::Impl {
  /// A trie over the case-folded words of every spelling: walking it from a
  /// token visits the few aliases whose words could start there, whatever
  /// the size of the set. Words are numbered once (`vocabulary`); an
  /// inflected word has one edge, under its base form, and each of its forms
  /// leads to that base ("deployed" -> "deploy"). Nodes only propose
  /// candidates: match_at() checks each word, gap and case.
  static constexpr std::uint32_t kNoWord = static_cast<std::uint32_t>(-1);
  struct Word {
    std::uint32_t id = kNoWord;        // as a word of some spelling
    std::vector<std::uint32_t> bases;  // as an inflected form of these words
  };

  const KeywordSet* set = nullptr;
  bool local = true;         // no patterns, no contexts: a match depends only on its tokens and neighbours
  std::size_t longest = 0;   // tokens of the longest spelling
  std::vector<Alias> aliases;
  std::unordered_map<std::string, Word> vocabulary;  // folded word
  std::uint32_t words = 0;
  std::unordered_map<std::uint64_t, std::uint32_t> edges;  // (node << 32 | word) -> node, until freeze()
  std::vector<std::vector<std::uint32_t>> ends{1};         // per node: aliases ending there
  std::vector<std::uint8_t> inner;                         // per node: 1 when some edge leaves it
  std::vector<std::size_t> pattern_keyword;  // RE2::Set index -> keyword
  std::vector<std::unique_ptr<RE2>> patterns;
  std::unique_ptr<RE2::Set> pattern_set;

  std::uint32_t word_id(const std::string& folded) {
    Word& w = vocabulary[folded];
    if (w.id == kNoWord) w.id = words++;
    return w.id;
  }

  /// Adds one spelling of `keyword` (kStop for a stop phrase).
  void add_alias(const std::string& spelling, std::size_t keyword, bool exact, bool inflect) {
    const std::string text = normalize_text(spelling);
    Alias alias;
    alias.tokens = tokenize(text);
    if (alias.tokens.empty()) return;
    alias.keyword = keyword;
    alias.exact_case = exact;
    alias.inflect = inflect;
    std::uint32_t node = 0;  // the root
    for (const Token& t : alias.tokens) {
      const std::string word = exact ? text.substr(t.begin, t.end - t.begin) : std::string(t.folded);
      alias.forms.push_back(inflect ? inflections(word) : std::vector<std::string>{word});
      const std::string key = exact ? fold_case(word) : word;
      const std::uint32_t id = word_id(key);
      alias.words.push_back(id);
      for (const std::string& form : alias.forms.back()) {
        const std::string folded = exact ? fold_case(form) : form;
        if (folded == key) continue;
        std::vector<std::uint32_t>& b = vocabulary[folded].bases;
        if (std::find(b.begin(), b.end(), id) == b.end()) b.push_back(id);
      }
      const auto child = static_cast<std::uint32_t>(ends.size());
      const auto [it, added] = edges.emplace(std::uint64_t{node} << 32 | id, child);
      if (added) ends.emplace_back();
      node = it->second;
    }
    longest = std::max(longest, alias.tokens.size());
    ends[node].push_back(static_cast<std::uint32_t>(aliases.size()));
    aliases.push_back(std::move(alias));
  }

  /// `vocabulary` as an open-addressing table on Token::hash, built once
  /// compiled: a token is looked up with its precomputed hash and, mostly,
  /// one comparison, where std::unordered_map hashes the string again. At
  /// most a quarter full, so that the usual token, a word no spelling has,
  /// meets an empty slot at once. The probe reads `tags` (Token::hash with
  /// bit 0 set; 0: empty) and only on a hit `slots`. (A word's entry stays in
  /// its map node, beside its text: the comparison brings the entry into the
  /// cache for the walk that follows. Packing the texts and entries apart
  /// measured no fewer cache misses.)
  struct Slot {
    const std::string* word = nullptr;
    const Word* entry = nullptr;
  };
  std::vector<std::uint64_t> tags;  // size a power of two
  std::vector<Slot> slots;          // same size
  int tag_shift = 60;               // a word's first slot: its hash's top bits (word_hash)
  /// Bit i set when some word's first slot is i: one bit per slot (a
  /// sixty-fourth of `tags`, which stays in the nearest cache), which turns
  /// away most tokens that no spelling has without reading `tags`.
  std::vector<std::uint64_t> first_slots;

  /// `edges` likewise, as flat arrays (no node per entry to chase): at most
  /// half full; `edge_keys` holds the key plus one (0: empty), `edge_children`
  /// the child node; a key's first slot is its Fibonacci hash's top bits.
  std::vector<std::uint64_t> edge_keys;
  std::vector<std::uint32_t> edge_children;
  int edge_shift = 64;

  static std::uint64_t tag(std::uint64_t hash) { return hash | 1; }

  std::size_t edge_slot(std::uint64_t stored) const {
    return static_cast<std::size_t>((stored * 0x9E3779B97F4A7C15ull) >> edge_shift);
  }

  /// The child of trie node `node` by word `id`, or kNoWord.
  std::uint32_t child(std::uint32_t node, std::uint32_t id) const {
    const std::uint64_t stored = (std::uint64_t{node} << 32 | id) + 1;
    const std::size_t mask = edge_keys.size() - 1;
    for (std::size_t i = edge_slot(stored); edge_keys[i] != 0; i = (i + 1) & mask) {
      if (edge_keys[i] == stored) return edge_children[i];
    }
    return kNoWord;
  }

  void freeze() {
    std::size_t edge_size = 16;
    edge_shift = 60;
    while (edge_size < edges.size() * 2) {
      edge_size *= 2;
      --edge_shift;
    }
    edge_keys.assign(edge_size, 0);
    edge_children.assign(edge_size, 0);
    inner.assign(ends.size(), 0);
    for (const auto& [key, node] : edges) {
      inner[key >> 32] = 1;
      std::size_t i = edge_slot(key + 1);
      while (edge_keys[i] != 0) i = (i + 1) & (edge_size - 1);
      edge_keys[i] = key + 1;
      edge_children[i] = node;
    }
    edges = {};  // child() reads the flat copy

    std::size_t size = 16;
    tag_shift = 60;
    while (size < vocabulary.size() * 4) {
      size *= 2;
      --tag_shift;
    }
    tags.assign(size, 0);
    slots.assign(size, Slot{});
    first_slots.assign(size / 64 + 1, 0);
    for (const auto& [word, entry] : vocabulary) {
      const std::uint64_t hash = word_hash(word);
      std::size_t i = static_cast<std::size_t>(hash >> tag_shift);
      first_slots[i / 64] |= std::uint64_t{1} << (i % 64);
      while (tags[i] != 0) i = (i + 1) & (size - 1);
      tags[i] = tag(hash);
      slots[i] = {&word, &entry};
    }
  }

  /// The vocabulary entry of token `k` (nullptr: a word no spelling has).
  /// Most tokens are turned away by their hash alone (Tokens::hash and
  /// `first_slots`), without reading the token itself.
  const Word* find_word(const Tokens& tokens, std::size_t k) const {
    const std::uint64_t hash = tokens.hash(k);
    const auto first = static_cast<std::size_t>(hash >> tag_shift);
    if ((first_slots[first / 64] >> (first % 64) & 1) == 0) return nullptr;
    const std::size_t mask = tags.size() - 1;
    const std::uint64_t want = tag(hash);
    for (std::size_t i = first; tags[i] != 0; i = (i + 1) & mask) {
      if (tags[i] == want && *slots[i].word == tokens[k].folded) return slots[i].entry;
    }
    return nullptr;
  }

  /// The vocabulary entry of each token.
  void look_up(const Tokens& tokens, std::vector<const Word*>& out) const {
    const std::size_t n = tokens.size();
    out.resize(n);
    for (std::size_t k = 0; k < n; ++k) out[k] = find_word(tokens, k);
  }


  /// A step of the walk in candidates(): at trie node `node` with text
  /// token `k` next, `choice` of that token's word ids tried so far.
  struct Frame {
    std::uint32_t node;
    std::size_t k;
    std::size_t choice;
  };

  /// Scratch space of find() on this thread, kept between calls (documents
  /// come one after another). A whole-text find() first trims what a very
  /// long text made large; a range's find() does not, as a document may have
  /// thousands of ranges (its degree lines), each of which would allocate
  /// and fill the arrays again. So a thread keeps at most what one document
  /// needed, until its next whole-text find().
  struct Scratch {
    std::vector<const Word*> words;
    std::vector<Frame> stack;
    std::vector<std::pair<std::uint32_t, std::size_t>> at_start;  // (alias, tokens) matching where a match starts
    std::vector<Occurrence> found;   // scan()'s matches before the context rule
    std::vector<Occurrence> nested;  // and the other keywords inside them

    static Scratch& of_this_thread() {
      thread_local Scratch scratch;
      return scratch;
    }
    void trim() {
      constexpr std::size_t kKeep = 1 << 16;
      if (words.capacity() > kKeep) words = {};
      if (stack.capacity() > kKeep) stack = {};
      if (at_start.capacity() > kKeep) at_start = {};
      if (found.capacity() > kKeep) found = {};
      if (nested.capacity() > kKeep) nested = {};
    }
  };

  /// Calls `f(alias index)` for every alias whose words could start at
  /// token `at` (a superset of those that match there), depth first;
  /// `words` is look_up(tokens) of `n` tokens, `stack` scratch space. Not
  /// recursive: a keyword may have any number of words.
  template <typename F>
  void candidates(const Word* const* words, std::size_t n, std::size_t at, std::vector<Frame>& stack,
                  F&& f) const {
    if (at >= n || words[at] == nullptr) return;  // most tokens start no keyword
    stack.clear();
    // The frame being walked stays in registers; `stack` holds only the
    // frames above it (a frame written and read straight back through
    // memory stalled on store forwarding).
    Frame top{0, at, 0};
    for (;;) {
      const Word* w = top.k < n ? words[top.k] : nullptr;
      const bool own = w != nullptr && w->id != kNoWord;
      const std::size_t choices = w == nullptr ? 0 : (own ? 1 : 0) + w->bases.size();
      if (top.choice == choices) {
        if (stack.empty()) return;
        top = stack.back();
        stack.pop_back();
        continue;
      }
      const std::uint32_t id = own ? (top.choice == 0 ? w->id : w->bases[top.choice - 1]) : w->bases[top.choice];
      ++top.choice;
      const std::uint32_t next = child(top.node, id);
      if (next == kNoWord) continue;
      for (std::uint32_t a : ends[next]) f(a);
      // Walk on only where a longer spelling could still match.
      if (inner[next] != 0 && top.k + 1 < n && words[top.k + 1] != nullptr) {
        stack.push_back(top);
        top = Frame{next, top.k + 1, 0};
      }
    }
  }

  /// Number of tokens `alias` covers at `at`, or 0 when it does not match;
  /// `words` is look_up(tokens).
  std::size_t match_at(const Alias& alias, std::string_view text, const Tokens& tokens,
                       const Word* const* words, std::size_t at) const {
    const std::size_t n = alias.tokens.size();
    if (at + n > tokens.size()) return 0;
    for (std::size_t k = 0; k < n; ++k) {
      const Token& t = tokens[at + k];
      if (!alias.exact_case) {
        // Every form of a case-folded spelling is in the vocabulary: a token
        // that is not cannot match, one that is the word itself does.
        const Word* w = words[at + k];
        if (w == nullptr || (w->id != alias.words[k] && !alias.inflect)) return 0;
      }
      if (alias.exact_case || words[at + k]->id != alias.words[k]) {
        const std::string_view word = alias.exact_case ? text.substr(t.begin, t.end - t.begin) : t.folded;
        const std::vector<std::string>& forms = alias.forms[k];
        if (std::find(forms.begin(), forms.end(), word) == forms.end()) return 0;
      }
      if (k > 0 && !gap_fits(alias.tokens[k], t)) return 0;
    }
    auto edge = [&](std::size_t k) { return tokens[at + k].folded; };
    if (glued(tokens[at], edge(0))) return 0;
    if (at + n < tokens.size() && glued(tokens[at + n], edge(n - 1))) return 0;
    return n;
  }
};

Matcher::Matcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Matcher::Matcher(Matcher&&) noexcept = default;
Matcher& Matcher::operator=(Matcher&&) noexcept = default;
Matcher::~Matcher() = default;

const KeywordSet& Matcher::keyword_set() const noexcept { return *impl_->set; }

Result<Matcher> Matcher::compile(const KeywordSet& set) {
  auto impl = std::make_unique<Impl>();
  impl->set = &set;
  RE2::Options options;
  options.set_case_sensitive(false);
  options.set_log_errors(false);
  for (std::size_t i = 0; i < set.keywords.size(); ++i) {
    const Keyword& kw = set.keywords[i];
    if (!kw.context.empty() || !kw.patterns.empty()) impl->local = false;
    impl->add_alias(kw.name, i, kw.case_sensitive, kw.inflect);
    for (const std::string& a : kw.aliases) impl->add_alias(a, i, kw.case_sensitive, kw.inflect);
    for (const std::string& a : kw.exact_aliases) impl->add_alias(a, i, true, kw.inflect);
    for (const std::string& p : kw.patterns) {
      if (!impl->pattern_set) {
        impl->pattern_set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
      }
      std::string error;
      auto re = std::make_unique<RE2>(p, options);
      if (!re->ok() || impl->pattern_set->Add(p, &error) < 0) {
        return Error{"pattern '" + p + "' of '" + kw.name +
                     "' does not compile: " + (re->ok() ? error : re->error())};
      }
      impl->patterns.push_back(std::move(re));
      impl->pattern_keyword.push_back(i);
    }
  }
  for (const std::string& p : set.stop_phrases) impl->add_alias(p, kStop, false, false);
  impl->freeze();
  if (impl->pattern_set && !impl->pattern_set->Compile()) {
    return Error{"RE2 ran out of memory compiling the patterns of " + set.id};
  }
  return Matcher(std::move(impl));
}

Result<std::vector<Occurrence>> Matcher::find(std::string_view text, const Tokens& tokens) const {
  Impl::Scratch& scratch = Impl::Scratch::of_this_thread();
  scratch.trim();
  impl_->look_up(tokens, scratch.words);
  return scan(text, tokens, 0, tokens.size());
}

Result<std::vector<Occurrence>> Matcher::find(std::string_view text, const Tokens& tokens, std::size_t first,
                                              std::size_t last) const {
  const Impl& m = *impl_;
  const std::size_t n = tokens.size();
  last = std::min(last, n);
  first = std::min(first, last);
  auto outside = [&](const Occurrence& o) { return o.first_token < first || o.first_token >= last; };
  if (!m.local) {  // patterns and contexts read the whole text
    Result<std::vector<Occurrence>> all = find(text, tokens);
    if (all) all->erase(std::remove_if(all->begin(), all->end(), outside), all->end());
    return all;
  }
  // The words of the range, and of whatever a match starting in it can
  // reach, then an unknown word (nullptr) at `reach`, which ends every walk
  // there. Only these are written: the rest of the array holds what earlier
  // calls left, and the scan below reads none of it (clearing the whole array
  // made many short ranges of a long text quadratic: the hostile corpus's
  // degree-field-lines.txt, 25,000 lines with a degree, took 0.3-0.8 s).
  std::vector<const Impl::Word*>& words = Impl::Scratch::of_this_thread().words;
  if (words.size() <= n) words.resize(n + 1);
  const std::size_t reach = std::min(n, last + m.longest);
  for (std::size_t k = first; k < reach; ++k) words[k] = m.find_word(tokens, k);
  words[reach] = nullptr;
  // A match covers only tokens whose words some spelling has, so the whole
  // text's scan steps onto the first token after an unknown one: from there
  // on it is this scan. Start after the last unknown token before `first`.
  std::size_t from = first;
  while (from > 0 && (words[from - 1] = m.find_word(tokens, from - 1)) != nullptr) --from;
  Result<std::vector<Occurrence>> found = scan(text, tokens, from, last);
  if (found) found->erase(std::remove_if(found->begin(), found->end(), outside), found->end());
  return found;
}

Result<std::vector<Occurrence>> Matcher::scan(std::string_view text, const Tokens& tokens, std::size_t from,
                                              std::size_t to) const {
  const Impl& m = *impl_;
  Impl::Scratch& scratch = Impl::Scratch::of_this_thread();
  std::vector<Occurrence>& found = scratch.found;
  std::vector<Occurrence>& nested = scratch.nested;  // other keywords inside a longer match
  found.clear();
  nested.clear();
  auto add = [&](std::size_t keyword, std::size_t first, std::size_t end) {
    found.push_back({keyword, static_cast<std::uint32_t>(first), static_cast<std::uint32_t>(end),
                     tokens[first].begin, tokens[end - 1].end, tokens[first].line});
  };

  const std::size_t n = tokens.size();
  const Impl::Word* const* const words = scratch.words.data();
  std::vector<Impl::Frame>& stack = scratch.stack;  // candidates()' scratch, reused for every token
  for (std::size_t i = from; i < to;) {
    if (words[i] == nullptr) {  // most tokens start no keyword
      ++i;
      continue;
    }
    std::size_t best_len = 0, best_keyword = 0;
    std::uint32_t best_alias = 0;
    scratch.at_start.clear();
    m.candidates(words, n, i, stack, [&](std::uint32_t a) {  // the longest; the first alias on a tie
      const std::size_t len = m.match_at(m.aliases[a], text, tokens, words, i);
      if (len == 0) return;
      scratch.at_start.emplace_back(a, len);
      if (len > best_len || (len == best_len && a < best_alias)) {
        best_len = len, best_keyword = m.aliases[a].keyword, best_alias = a;
      }
    });
    if (best_len == 0) {
      ++i;
      continue;
    }
    if (best_keyword == kStop) {  // a stop phrase hides its words
      i += best_len;
      continue;
    }
    add(best_keyword, i, i + best_len);
    // A different keyword that modifies the match ("AWS SageMaker", "deploy
    // machine learning models") is found too; its last word, the term's head
    // ("A/B testing"), is not. At the match's first token the walk above has
    // found them already.
    auto modifier = [&](std::uint32_t a, std::size_t j, std::size_t len) {
      const Alias& alias = m.aliases[a];
      if (alias.keyword == best_keyword || alias.keyword == kStop) return;
      if (len == 0 || j + len >= i + best_len) return;
      const bool seen = std::any_of(nested.begin(), nested.end(), [&](const Occurrence& o) {
        return o.keyword == alias.keyword && o.first_token >= i;
      });
      if (!seen) {
        nested.push_back({alias.keyword, static_cast<std::uint32_t>(j), static_cast<std::uint32_t>(j + len),
                          tokens[j].begin, tokens[j + len - 1].end, tokens[j].line});
      }
    };
    for (const auto& [a, len] : scratch.at_start) modifier(a, i, len);
    for (std::size_t j = i + 1; j < i + best_len; ++j) {
      m.candidates(words, n, j, stack, [&](std::uint32_t a) {
        const Alias& alias = m.aliases[a];
        if (alias.keyword == best_keyword || alias.keyword == kStop) return;
        modifier(a, j, m.match_at(alias, text, tokens, words, j));
      });
    }
    i += best_len;
  }

  if (m.pattern_set) {
    std::vector<int> hits;
    RE2::Set::ErrorInfo info{};
    if (!m.pattern_set->Match(text, &hits, &info) && info.kind != RE2::Set::kNoError) {
      return Error{info.kind == RE2::Set::kOutOfMemory
                       ? "RE2 ran out of memory matching keyword patterns"
                       : "RE2 pattern set failed to match"};
    }
    std::sort(hits.begin(), hits.end());
    auto token_at = [&](std::uint32_t offset, bool want_begin) -> std::ptrdiff_t {
      const auto it = std::lower_bound(tokens.begin(), tokens.end(), offset,
                                       [&](const Token& t, std::uint32_t off) {
                                         return (want_begin ? t.begin : t.end) < off;
                                       });
      if (it == tokens.end() || (want_begin ? it->begin : it->end) != offset) return -1;
      return it - tokens.begin();
    };
    for (int h : hits) {
      const RE2& re = *m.patterns[static_cast<std::size_t>(h)];
      re2::StringPiece input(text.data(), text.size()), match;
      std::size_t pos = 0;
      while (pos <= text.size() &&
             re.Match(input, pos, text.size(), RE2::UNANCHORED, &match, 1)) {
        const auto b = static_cast<std::uint32_t>(match.data() - text.data());
        const auto e = static_cast<std::uint32_t>(b + match.size());
        const std::ptrdiff_t first = token_at(b, true), last = token_at(e, false);
        if (first >= 0 && last >= first) {
          add(m.pattern_keyword[static_cast<std::size_t>(h)], static_cast<std::size_t>(first),
              static_cast<std::size_t>(last) + 1);
        }
        pos = e > b ? e : b + 1;
      }
    }
    // Leftmost-longest across words and patterns: drop what overlaps.
    std::sort(found.begin(), found.end(), [](const Occurrence& a, const Occurrence& b) {
      if (a.first_token != b.first_token) return a.first_token < b.first_token;
      if (a.end_token != b.end_token) return a.end_token > b.end_token;
      return a.keyword < b.keyword;
    });
    std::size_t disjoint = 0;  // compacted in place
    for (const Occurrence& o : found) {
      if (disjoint == 0 || o.first_token >= found[disjoint - 1].end_token) found[disjoint++] = o;
    }
    found.resize(disjoint);
  }

  // A keyword with a context counts only when it is part of a list that holds
  // a context-free keyword of that category: neighbours adjacent or with one
  // "and"/"or" between (numbers such as versions are skipped), chained
  // through other keywords of the category. A line break ends the list unless
  // the context keyword stands alone on its line (a vertical list).
  const KeywordSet& set = *m.set;
  auto is_number = [&](std::uint32_t t) {
    const std::string_view w = tokens[t].folded;
    return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  auto alone_on_line = [&](const Occurrence& o) {
    const bool starts = o.first_token == 0 || tokens[o.first_token - 1].line != tokens[o.first_token].line;
    const bool ends = o.end_token == tokens.size() || tokens[o.end_token].line != tokens[o.end_token - 1].line;
    return starts && ends;
  };
  auto listed_together = [&](const Occurrence& a, const Occurrence& b) {
    if (b.first_token < a.end_token) return false;
    std::uint32_t words = 0, joins = 0;
    for (std::uint32_t t = a.end_token; t < b.first_token; ++t) {
      if (is_number(t)) continue;
      const std::string_view w = tokens[t].folded;
      if (w == "and" || w == "or") ++joins; else ++words;
    }
    if (words > 0 || joins > 1) return false;
    if (tokens[a.end_token - 1].line != tokens[b.first_token].line) {
      for (const Occurrence* o : {&a, &b}) {
        if (!set.keywords[o->keyword].context.empty() && !alone_on_line(*o)) return false;
      }
    }
    return true;
  };
  auto in_category = [&](const Occurrence& o, const std::string& category_id) {
    return set.categories[set.keywords[o.keyword].category].id == category_id;
  };
  // Both lists are in token order (nested ones are found in the order their
  // containing matches are), so the result is their merge, with a match
  // before the other keywords that start at its first token.
  std::vector<Occurrence> kept;
  kept.reserve(found.size() + nested.size());
  std::size_t next_nested = 0;
  auto keep_nested_before = [&](std::uint32_t token) {
    for (; next_nested < nested.size() && nested[next_nested].first_token < token; ++next_nested) {
      const Occurrence& o = nested[next_nested];
      if (set.keywords[o.keyword].context.empty()) kept.push_back(o);
    }
  };
  for (std::size_t i = 0; i < found.size(); ++i) {
    const Occurrence& o = found[i];
    const std::string& context = set.keywords[o.keyword].context;
    bool ok = context.empty();
    for (std::size_t j = i; !ok && j-- > 0 && listed_together(found[j], found[j + 1]) &&
                            in_category(found[j], context);) {
      ok = set.keywords[found[j].keyword].context.empty();
    }
    for (std::size_t j = i + 1; !ok && j < found.size() && listed_together(found[j - 1], found[j]) &&
                                in_category(found[j], context);
         ++j) {
      ok = set.keywords[found[j].keyword].context.empty();
    }
    keep_nested_before(o.first_token);
    if (ok) kept.push_back(o);
  }
  keep_nested_before(static_cast<std::uint32_t>(-1));
  return kept;
}

}  // namespace ra
