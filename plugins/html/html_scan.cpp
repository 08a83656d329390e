#include "html_scan.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace ra::html {
namespace {

constexpr std::size_t kMaxNameLength = 100;  // libxml2's HTML_PARSER_BUFFER_SIZE

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }  // IS_BLANK_CH
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_name_start(char c) { return is_letter(c) || c == '_' || c == ':' || c == '.'; }
bool is_name_char(char c) { return is_name_start(c) || (c >= '0' && c <= '9') || c == '-'; }

/// The attribute lists of a text, as libxml2 2.9.14 reads them.
class AttributeLists {
 public:
  AttributeLists(std::string_view text, std::uint64_t cap)
      : t_(text), n_(text.size()), cap_(static_cast<std::uint32_t>(std::min<std::uint64_t>(cap, 0xFFFFFFFEu))),
        jump_(text.size()), memo_(text.size(), 0) {
    // jump_[x]: at a blank, the next non-blank; elsewhere the next blank, '>'
    // or "/>" (the position of its '/'), x itself when it is one.
    auto next_blank_or_end = static_cast<std::uint32_t>(n_);
    auto next_other = static_cast<std::uint32_t>(n_);
    for (std::size_t x = n_; x-- > 0;) {
      const char c = t_[x];
      if (is_blank(c)) {
        jump_[x] = next_other;
        next_blank_or_end = static_cast<std::uint32_t>(x);
      } else {
        if (c == '>' || (c == '/' && x + 1 < n_ && t_[x + 1] == '>')) next_blank_or_end = static_cast<std::uint32_t>(x);
        jump_[x] = next_blank_or_end;
        next_other = static_cast<std::uint32_t>(x);
      }
    }
  }

  /// The attributes of a list starting at `p` (just after a tag name), at
  /// most the cap.
  std::uint32_t count_from(std::size_t p) {
    p = skip_blanks(p);
    // Walk to the end of the list or to a position already counted, then
    // walk again and remember the count from each position.
    std::uint64_t attributes = 0;
    std::size_t q = p;
    std::uint64_t rest = 0;
    for (;;) {
      if (ends_list(q)) break;
      if (memo_[q] != 0) {
        rest = memo_[q] - 1;
        break;
      }
      const Step s = step(q);
      attributes += s.attribute ? 1 : 0;
      q = s.next;
    }
    std::uint64_t from_here = std::min<std::uint64_t>(attributes + rest, cap_);
    const std::uint64_t result = from_here;
    std::uint64_t left = attributes;
    for (q = p; !ends_list(q) && memo_[q] == 0;) {
      const Step s = step(q);
      memo_[q] = static_cast<std::uint32_t>(std::min<std::uint64_t>(left + rest, cap_) + 1);
      left -= s.attribute ? 1 : 0;
      q = s.next;
    }
    return static_cast<std::uint32_t>(result);
  }

  /// After a tag name starting at `p`: where libxml2's name ends.
  std::size_t name_end(std::size_t p) const {
    if (p >= n_ || !is_name_start(t_[p])) return p;
    std::size_t e = p + 1;
    while (e < n_ && e - p < kMaxNameLength && is_name_char(t_[e])) ++e;
    return e;
  }

 private:
  struct Step {
    bool attribute;
    std::size_t next;
  };

  std::size_t skip_blanks(std::size_t x) const { return x < n_ && is_blank(t_[x]) ? jump_[x] : x; }
  /// The first blank, '>' or "/>" from x.
  std::size_t stop_from(std::size_t x) const { return x < n_ && !is_blank(t_[x]) ? jump_[x] : x; }
  bool ends_list(std::size_t x) const {
    return x >= n_ || t_[x] == '>' || (t_[x] == '/' && x + 1 < n_ && t_[x + 1] == '>');
  }

  /// htmlParseAttValue from x: where the value ends.
  std::size_t value_end(std::size_t x) const {
    if (x >= n_) return n_;
    const char c = t_[x];
    if (c == '"' || c == '\'') {
      const void* found = std::memchr(t_.data() + x + 1, c, n_ - x - 1);
      return found == nullptr ? n_ : static_cast<std::size_t>(static_cast<const char*>(found) - t_.data()) + 1;
    }
    const std::size_t e = stop_from(x);  // unquoted: up to a blank or '>'
    return e < n_ && t_[e] == '/' ? e + 1 : e;
  }

  /// One turn of htmlParseStartTag's attribute loop from x (not blank, not
  /// the end of the list): an attribute, or a bogus string skipped.
  Step step(std::size_t x) const {
    const std::size_t e = name_end(x);
    if (e > x) {
      std::size_t q = skip_blanks(e);
      if (q < n_ && t_[q] == '=') q = value_end(skip_blanks(q + 1));
      return {true, skip_blanks(q)};
    }
    return {false, skip_blanks(stop_from(x))};
  }

  std::string_view t_;
  std::size_t n_;
  std::uint32_t cap_;
  std::vector<std::uint32_t> jump_;
  std::vector<std::uint32_t> memo_;  // at a list position: 1 + the attributes from there on (capped)
};

}  // namespace

MarkupCheck check_html_markup(std::string_view html, std::uint64_t max_elements, std::uint64_t max_attributes) {
  MarkupCheck check;
  const auto is_tag = [&](std::size_t i) { return i + 1 < html.size() && is_name_start(html[i + 1]); };
  // Elements first: cheap, and it needs no arrays.
  std::uint64_t elements = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (is_tag(i) && ++elements > max_elements) {
      check.problem = MarkupCheck::Problem::kTooManyElements;
      check.at = i;
      return check;
    }
  }
  if (elements == 0 || html.size() >= 0xFFFFFFFFu) return check;  // positions must fit the arrays
  AttributeLists lists(html, max_attributes + 1 > max_attributes ? max_attributes + 1 : max_attributes);
  for (std::size_t i = html.find('<'); i != std::string_view::npos; i = html.find('<', i + 1)) {
    if (!is_tag(i)) continue;
    if (lists.count_from(lists.name_end(i + 1)) > max_attributes) {
      check.problem = MarkupCheck::Problem::kTooManyAttributes;
      check.at = i;
      return check;
    }
  }
  return check;
}

}  // namespace ra::html
