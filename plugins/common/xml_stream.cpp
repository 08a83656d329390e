#include "common/xml_stream.hpp"

#include <array>
#include <cstring>

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

XmlStream::XmlStream(std::string_view xml, const XmlLimits& limits) : xml_(xml), limits_(limits) {
  if (xml_.substr(0, 3) == "\xEF\xBB\xBF") xml_.remove_prefix(3);
  if (xml_.size() / 2 > limits_.max_elements || xml_.substr(0, 2) == "\xFF\xFE" || xml_.substr(0, 2) == "\xFE\xFF" ||
      std::memchr(xml_.data(), '\0', xml_.size()) != nullptr) {
    state_ = Token::kUnsure;
  }
}

std::size_t XmlStream::name_end(std::size_t from) const {
  while (from < xml_.size() && kNameChar[static_cast<unsigned char>(xml_[from])]) ++from;
  return from;
}

bool XmlStream::skip_past(std::string_view end) {
  const std::size_t found = xml_.find(end, at_);
  if (found == std::string_view::npos) return false;
  at_ = found + end.size();
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
    if (at_ >= xml_.size()) {
      if (root_seen_ && open_.empty()) return state_ = Token::kDone;
      return unsure();  // no root element, or it never ends
    }
    if (xml_[at_] != '<') {
      std::size_t end = at_;
      std::uint8_t seen = 0;
      for (; end < xml_.size(); ++end) {
        const std::uint8_t c = kCharClass[static_cast<unsigned char>(xml_[end])];
        if (c & kLessThan) break;
        seen |= c;
      }
      const std::string_view text = xml_.substr(at_, end - at_);
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
    if (at_ + 1 >= xml_.size()) return unsure();
    const char second = xml_[at_ + 1];
    if (second == '/') return end_tag();
    if (second == '!') {
      if (xml_.substr(at_, 4) != "<!--") return unsure();  // DTD, CDATA, ...
      at_ += 4;
      if (!skip_past("-->")) return unsure();
      if (!open_.empty()) return Token::kOther;
      continue;
    }
    if (second == '?') {  // a processing instruction: a name, then white space or "?>"
      if (root_seen_) return unsure();
      const std::size_t target_end = name_end(at_ + 2);
      if (at_ + 2 >= xml_.size() || !is_name_start(xml_[at_ + 2]) || target_end >= xml_.size() ||
          !(is_space(xml_[target_end]) || xml_[target_end] == '?')) {
        return unsure();
      }
      at_ = target_end;
      if (!skip_past("?>")) return unsure();
      continue;
    }
    return start_tag();
  }
}

XmlStream::Token XmlStream::start_tag() {
  if (root_seen_ && open_.empty()) return unsure();  // a second root element
  const std::size_t name_begin = at_ + 1;
  if (!is_name_start(xml_[name_begin])) return unsure();
  std::size_t p = name_end(name_begin);
  const std::string_view name = xml_.substr(name_begin, p - name_begin);
  attributes_.clear();
  bool self_closing = false;
  while (true) {
    if (p >= xml_.size()) return unsure();
    char c = xml_[p];
    if (c == '>') {
      ++p;
      break;
    }
    if (c == '/') {
      if (p + 1 >= xml_.size() || xml_[p + 1] != '>') return unsure();
      p += 2;
      self_closing = true;
      break;
    }
    if (!is_space(c)) return unsure();  // attributes are separated by white space
    while (p < xml_.size() && is_space(xml_[p])) ++p;
    if (p >= xml_.size()) return unsure();
    c = xml_[p];
    if (c == '>' || c == '/') continue;
    if (!is_name_start(c)) return unsure();
    const std::size_t attribute_begin = p;
    p = name_end(p);
    const std::string_view attribute = xml_.substr(attribute_begin, p - attribute_begin);
    while (p < xml_.size() && is_space(xml_[p])) ++p;
    if (p >= xml_.size() || xml_[p] != '=') return unsure();
    ++p;
    while (p < xml_.size() && is_space(xml_[p])) ++p;
    if (p >= xml_.size() || (xml_[p] != '"' && xml_[p] != '\'')) return unsure();
    const std::uint8_t quote = xml_[p] == '"' ? kDoubleQuote : kSingleQuote;
    std::size_t close = p + 1;
    std::uint8_t seen = 0;
    for (; close < xml_.size(); ++close) {
      const std::uint8_t c = kCharClass[static_cast<unsigned char>(xml_[close])];
      if (c & quote) break;
      seen |= c;
    }
    if (close >= xml_.size() || (seen & kLessThan) != 0) return unsure();
    attributes_.push_back({attribute, xml_.substr(p + 1, close - p - 1), (seen & (kDecoded | kValueSpace)) == 0});
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
  const std::size_t name_begin = at_ + 2;
  std::size_t p = name_end(name_begin);
  const std::string_view name = xml_.substr(name_begin, p - name_begin);
  while (p < xml_.size() && is_space(xml_[p])) ++p;
  if (p >= xml_.size() || xml_[p] != '>' || open_.empty() || open_.back() != name) return unsure();
  open_.pop_back();
  name_ = name;
  at_ = p + 1;
  return Token::kEnd;
}

}  // namespace ra::common
