#include "common/xml_stream.hpp"

#include "common/xml_names.hpp"

#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace ra::common {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

constexpr std::array<bool, 256> kNameChar = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == ':' || c == '-';
  }
  return t;
}();

bool is_name_char(char c) { return kNameChar[static_cast<unsigned char>(c)]; }

/// The first character at or after `p` that is not a name character, or
/// `end`. Four at a time while there are four: one bounds check for four.
[[gnu::always_inline]] inline const char* name_end(const char* p, const char* end) {
  for (; end - p >= 4; p += 4) {
    if (!is_name_char(p[0])) return p;
    if (!is_name_char(p[1])) return p + 1;
    if (!is_name_char(p[2])) return p + 2;
    if (!is_name_char(p[3])) return p + 3;
  }
  while (p != end && is_name_char(*p)) ++p;
  return p;
}

const char* skip_spaces(const char* p, const char* end) {
  while (p != end && is_space(*p)) ++p;
  return p;
}

// What a character means inside character data or an attribute value.
enum : std::uint8_t {
  kLessThan = 1,      // ends character data; not allowed in a value
  kDecoded = 2,       // '&', '\r': the text or value needs decoding
  kValueSpace = 4,    // '\t', '\n': a value needs decoding
  kDoubleQuote = 8,
  kSingleQuote = 16,
};

constexpr std::array<std::uint8_t, 256> kCharClass = [] {
  std::array<std::uint8_t, 256> t{};
  t['<'] = kLessThan;
  t['&'] = t['\r'] = kDecoded;
  t['\t'] = t['\n'] = kValueSpace;
  t['"'] = kDoubleQuote;
  t['\''] = kSingleQuote;
  return t;
}();

std::uint8_t char_class(char c) { return kCharClass[static_cast<unsigned char>(c)]; }

/// The end of character data (`quote` 0) or of an attribute value (`quote`
/// its quotation mark) starting at `p`: the first '<' or the closing quote,
/// or `end` when there is none. `classes` gets the kLessThan, kDecoded and
/// kValueSpace bits of the characters before it.
const char* scan_chars(const char* p, const char* end, char quote, std::uint8_t& classes) {
  const char* const begin = p;
  const std::uint8_t stop = quote == 0 ? kLessThan : quote == '"' ? kDoubleQuote : kSingleQuote;
#if defined(__SSE2__)
  // Sixteen characters at a time: where the stop is, and whether anything
  // with a class comes before it (rare: then they are classed one by one).
  const __m128i stop_char = _mm_set1_epi8(quote == 0 ? '<' : quote);
  const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&'), cr = _mm_set1_epi8('\r');
  const __m128i tab = _mm_set1_epi8('\t'), lf = _mm_set1_epi8('\n');
  bool others = false;
  for (; end - p >= 16; p += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto stops = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, stop_char)));
    __m128i marked = _mm_or_si128(_mm_cmpeq_epi8(v, amp), _mm_cmpeq_epi8(v, cr));
    marked = _mm_or_si128(marked, _mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, lf)));
    if (quote != 0) marked = _mm_or_si128(marked, _mm_cmpeq_epi8(v, lt));
    const auto marks = static_cast<unsigned>(_mm_movemask_epi8(marked));
    if (stops != 0) {
      others = others || (marks & ((stops & (0u - stops)) - 1)) != 0;
      p += __builtin_ctz(stops);
      break;
    }
    others = others || marks != 0;
  }
  std::uint8_t seen = 0;
  if (others) {
    for (const char* q = begin; q != p; ++q) seen |= char_class(*q);
  }
#else
  std::uint8_t seen = 0;
#endif
  for (; p != end; ++p) {
    const std::uint8_t c = char_class(*p);
    if (c & stop) break;
    seen |= c;
  }
  classes = seen & (kLessThan | kDecoded | kValueSpace);
  return p;
}

/// Appends the entity at the start of `rest` (just past its '&'); the
/// length it took, or 0 when it is not one of the five predefined ones.
std::size_t append_entity(std::string_view rest, std::string& out) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"amp;", '&'}, {"lt;", '<'}, {"gt;", '>'}, {"quot;", '"'}, {"apos;", '\''}};
  for (const auto& [name, c] : kEntities) {
    if (rest.substr(0, name.size()) == name) {
      out += c;
      return name.size();
    }
  }
  return 0;
}

bool decode(std::string_view raw, bool attribute, std::string& out) {
  out.clear();
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == '&') {
      const std::size_t taken = append_entity(raw.substr(i + 1), out);
      if (taken == 0) return false;
      i += taken;
    } else if (c == '\r') {
      if (!attribute) return false;
      out += ' ';
      if (i + 1 < raw.size() && raw[i + 1] == '\n') ++i;
    } else if (attribute && (c == '\t' || c == '\n')) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return true;
}

}  // namespace

bool decode_text(std::string_view raw, std::string& out) { return decode(raw, false, out); }
bool decode_attribute(std::string_view raw, std::string& out) { return decode(raw, true, out); }

XmlStream::XmlStream(std::string_view xml, const XmlLimits& limits) : limits_(limits) {
  if (xml.substr(0, 3) == "\xEF\xBB\xBF") xml.remove_prefix(3);
  at_ = xml.data();
  end_ = xml.data() + xml.size();
  if (xml.size() / 2 > limits_.max_elements || xml.substr(0, 2) == "\xFF\xFE" || xml.substr(0, 2) == "\xFE\xFF" ||
      std::memchr(xml.data(), '\0', xml.size()) != nullptr) {
    state_ = Token::kUnsure;
  }
  // Room for what most parts need (a root element's namespace declarations,
  // the nesting of a table in a text box), so that the vectors do not grow
  // step by step in every part.
  attributes_.reserve(16);
  open_.reserve(16);
}

bool XmlStream::skip_past(std::string_view end) {
  const std::string_view rest(at_, static_cast<std::size_t>(end_ - at_));
  const std::size_t found = rest.find(end);
  if (found == std::string_view::npos) return false;
  at_ += found + end.size();
  return true;
}

XmlStream::Token XmlStream::next() {
  if (state_ == Token::kUnsure || state_ == Token::kDone) return state_;
  if (pending_end_) {
    pending_end_ = false;
    name_ = open_.back();
    open_.pop_back();
    return Token::kEnd;
  }
  while (true) {
    if (at_ == end_) {
      if (root_seen_ && open_.empty()) return state_ = Token::kDone;
      return unsure();  // no root element, or it never ends
    }
    if (*at_ != '<') {
      std::uint8_t seen;
      const char* const end = scan_chars(at_, end_, 0, seen);
      const std::string_view text(at_, static_cast<std::size_t>(end - at_));
      at_ = end;
      if (open_.empty()) {  // before or after the root element: white space only
        for (const char c : text) {
          if (!is_space(c)) return unsure();
        }
        continue;
      }
      text_ = text;
      text_plain_ = (seen & kDecoded) == 0;
      return Token::kText;
    }
    if (end_ - at_ < 2) return unsure();
    const char second = at_[1];
    if (second == '/') return end_tag();
    if (second == '!') {
      if (std::string_view(at_, static_cast<std::size_t>(end_ - at_)).substr(0, 4) != "<!--") {
        return unsure();  // DTD, CDATA, ...
      }
      at_ += 4;
      if (!skip_past("-->")) return unsure();
      if (!open_.empty()) return Token::kOther;
      continue;
    }
    if (second == '?') {  // a processing instruction: a name, then white space or "?>"
      if (root_seen_) return unsure();
      const char* const target = at_ + 2;
      if (target == end_ || !is_name_start(*target)) return unsure();
      const char* const target_end = name_end(target, end_);
      if (target_end == end_ || !(is_space(*target_end) || *target_end == '?')) return unsure();
      at_ = target_end;
      if (!skip_past("?>")) return unsure();
      continue;
    }
    return start_tag();
  }
}

XmlStream::Token XmlStream::start_tag() {
  if (root_seen_ && open_.empty()) return unsure();  // a second root element
  const char* const name_begin = at_ + 1;             // next() saw at_[1]
  if (!is_name_start(*name_begin)) return unsure();
  const char* p = name_end(name_begin + 1, end_);
  const std::string_view name(name_begin, static_cast<std::size_t>(p - name_begin));
  attributes_.clear();
  declares_ = false;
  bool self_closing = false;
  while (true) {
    if (p == end_) return unsure();
    char c = *p;
    if (c == '>') {
      ++p;
      break;
    }
    if (c == '/') {
      if (end_ - p < 2 || p[1] != '>') return unsure();
      p += 2;
      self_closing = true;
      break;
    }
    if (!is_space(c)) return unsure();  // attributes are separated by white space
    p = skip_spaces(p + 1, end_);
    if (p == end_) return unsure();
    c = *p;
    if (c == '>' || c == '/') continue;
    if (!is_name_start(c)) return unsure();
    const char* const attribute_begin = p;
    p = name_end(p + 1, end_);
    const std::string_view attribute(attribute_begin, static_cast<std::size_t>(p - attribute_begin));
    p = skip_spaces(p, end_);
    if (p == end_ || *p != '=') return unsure();
    p = skip_spaces(p + 1, end_);
    if (p == end_ || (*p != '"' && *p != '\'')) return unsure();
    const char* const value_begin = p + 1;
    std::uint8_t seen;
    const char* const close = scan_chars(value_begin, end_, *p, seen);
    if (close == end_ || (seen & kLessThan) != 0) return unsure();
    // Field by field into place: a record built aside and copied in would be
    // read back wider than it was written, which stalls store forwarding.
    XmlRawAttribute& added = attributes_.emplace_back();
    added.name = attribute;
    added.value = std::string_view(value_begin, static_cast<std::size_t>(close - value_begin));
    added.plain = (seen & (kDecoded | kValueSpace)) == 0;
    if (c == 'x' && attribute.substr(0, 5) == "xmlns") declares_ = true;
    p = close + 1;
  }
  if (attributes_.size() > limits_.max_attributes || open_.size() + 1 >= limits_.max_depth) return unsure();
  open_.push_back(name);
  root_seen_ = true;
  name_ = name;
  pending_end_ = self_closing;
  at_ = p;
  return Token::kStart;
}

XmlStream::Token XmlStream::end_tag() {
  const char* const name_begin = at_ + 2;
  const char* p = name_end(name_begin, end_);
  const std::string_view name(name_begin, static_cast<std::size_t>(p - name_begin));
  p = skip_spaces(p, end_);
  if (p == end_ || *p != '>' || open_.empty() || !same_name(open_.back(), name)) return unsure();
  open_.pop_back();
  name_ = name;
  at_ = p + 1;
  return Token::kEnd;
}

}  // namespace ra::common
