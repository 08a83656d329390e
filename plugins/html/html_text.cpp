#include "html_text.hpp"

#include "resume_analyser/text_codec.hpp"

#include <unordered_map>

namespace ra::html {
namespace {

namespace codec = ra::codec;

enum Flag : std::uint16_t {
  kBlock = 1 << 0,   // ends the line before and after
  kBreak = 1 << 1,   // br: ends the line
  kSkip = 1 << 2,    // nothing inside is text
  kCell = 1 << 3,    // td, th: '\t' before it when the line has text
  kPre = 1 << 4,     // whitespace kept
  kHeader = 1 << 5,  // zones
  kFooter = 1 << 6,
  kTable = 1 << 7,
  kVoid = 1 << 8,    // HTML5 void element libxml2 2.9 does not know: it nests what
                     // follows inside it, so it neither counts for depth nor skips
  kSectioning = 1 << 9,  // article aside main nav section: header/footer inside are not zones
};

std::uint16_t flags_of(std::string_view name) {
  static const std::unordered_map<std::string_view, std::uint16_t> table = [] {
    std::unordered_map<std::string_view, std::uint16_t> t;
    for (const char* n :
         {"address", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir",
          "div", "dl", "dt", "fieldset", "figcaption", "figure", "form", "frameset", "h1", "h2",
          "h3", "h4", "h5", "h6", "hgroup", "hr", "html", "legend", "li", "menu", "ol",
          "optgroup", "option", "p", "search", "summary", "tbody", "tfoot", "thead", "tr", "ul"}) {
      t.emplace(n, kBlock);
    }
    for (const char* n : {"article", "aside", "main", "nav", "section"}) {
      t.emplace(n, kBlock | kSectioning);
    }
    for (const char* n : {"pre", "listing", "xmp", "plaintext"}) t.emplace(n, kBlock | kPre);
    for (const char* n : {"script", "style", "noscript", "template", "head", "title", "svg",
                          "iframe", "object", "applet", "canvas", "audio", "video",
                          "datalist", "noembed", "noframes"}) {
      t.emplace(n, kSkip);
    }
    for (const char* n : {"bgsound", "embed", "image", "keygen", "source", "track", "wbr"}) {
      t.emplace(n, kVoid);
    }
    t.emplace("br", kBreak);
    t.emplace("td", kCell);
    t.emplace("th", kCell);
    t.emplace("header", kBlock | kHeader);
    t.emplace("footer", kBlock | kFooter);
    t.emplace("table", kBlock | kTable);
    return t;
  }();
  const auto it = table.find(name);
  return it == table.end() ? 0 : it->second;
}

bool is_space_or_tab(char c) { return c == ' ' || c == '\t'; }

/// `line` without the spaces and tabs at its ends.
std::string_view trimmed(const std::string& line) {
  std::size_t b = 0, e = line.size();
  while (b < e && is_space_or_tab(line[b])) ++b;
  while (e > b && is_space_or_tab(line[e - 1])) --e;
  return std::string_view(line).substr(b, e - b);
}

}  // namespace

bool TextBuilder::start_element(std::string_view name, const ElementLook& look) {
  if (stop_ != Stop::kNone) return false;
  std::uint16_t f = flags_of(name);
  // Like ARIA's banner/contentinfo: a header or footer inside sectioning
  // content heads that section, it is not the page's header or footer.
  if (sectioning_ > 0) f &= static_cast<std::uint16_t>(~(kHeader | kFooter));
  if (!(f & kVoid)) {
    if (depth_ >= max_depth_) {
      stop_ = Stop::kTooDeep;
      return false;
    }
    ++depth_;
  }
  RenderState state = open_.empty() ? RenderState{} : open_.back().state;
  if (!(f & kVoid)) state.apply(look);  // libxml2 nests what follows a kVoid element inside it
  open_.push_back(Open{f, state});
  if (skipping_ > 0) {
    ++skipping_;
    return true;
  }
  if (f & kSkip) {
    skipping_ = 1;
    return true;
  }
  const bool hidden = state.hides();
  if (f & (kBlock | kBreak)) boundary(hidden);
  Line& line = line_for(hidden);
  if ((f & kCell) && !line.text.empty()) line.pending = kTab;
  if (f & kPre) ++pre_;
  if (f & kSectioning) ++sectioning_;
  if (f & kHeader) zones_.push_back(Zone::kHeader);
  if (f & kFooter) zones_.push_back(Zone::kFooter);
  if (f & kTable) zones_.push_back(Zone::kTable);
  return stop_ == Stop::kNone;
}

void TextBuilder::end_element() {
  if (stop_ != Stop::kNone || open_.empty()) return;
  const Open element = open_.back();
  open_.pop_back();
  const std::uint16_t f = element.flags;
  if (!(f & kVoid)) --depth_;
  if (skipping_ > 0) {
    --skipping_;
    return;
  }
  if (f & kPre) {
    --pre_;
    after_cr_ = false;
  }
  if (f & kSectioning) --sectioning_;
  if (f & kBlock) boundary(element.state.hides());
  if ((f & (kHeader | kFooter | kTable)) && !zones_.empty()) zones_.pop_back();
}

bool TextBuilder::text(std::string_view utf8) {
  if (stop_ != Stop::kNone) return false;
  if (skipping_ > 0) return true;
  const bool hidden = hiding();
  Line& line = line_for(hidden);
  // Visible text between two hidden pieces keeps them apart.
  if (!hidden && hidden_.pending == kNothing) hidden_.pending = kSpace;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n && stop_ == Stop::kNone) {
    char32_t cp = p[i];
    if (cp > 0x20 && cp < 0x7F) {  // printable ASCII
      flush_pending(line);
      after_cr_ = false;
      line.text.push_back(static_cast<char>(cp));
      ++i;
      continue;
    }
    if (cp >= 0x80) {
      std::size_t bad = 1;
      const std::size_t len = codec::decode_utf8(p + i, n - i, cp, bad);
      if (len == 0) {  // libxml2 gives valid UTF-8; never let anything else through
        i += bad;
        continue;
      }
      i += len;
    } else {
      ++i;
    }
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0;
    // White space in hidden text still parts the visible words around it.
    if (space && hidden && visible_.pending == kNothing) visible_.pending = kSpace;
    if (pre_ > 0) {
      const bool lf_after_cr = cp == '\n' && after_cr_;
      after_cr_ = cp == '\r';
      if (lf_after_cr) continue;
      if (cp == '\n' || cp == '\r' || cp == '\f') {
        boundary(hidden);
        continue;
      }
      if (space) {  // space, tab or NBSP: kept, except at the start of a line
        flush_pending(line);
        if (!line.text.empty()) line.text.push_back(cp == '\t' ? '\t' : ' ');
        continue;
      }
    } else if (space) {
      if (line.pending == kNothing && !line.text.empty()) line.pending = kSpace;
      continue;
    }
    if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) continue;
    if (cp < 0x20 || cp == 0x7F) continue;
    if (cp >= 0x80 && cp < 0xA0) {
      cp = codec::cp1252_char(static_cast<unsigned char>(cp));
      if (cp == codec::kReplacement) continue;
    }
    append_char(line, cp);
  }
  return stop_ == Stop::kNone;
}

bool TextBuilder::finish() {
  if (stop_ != Stop::kNone) return false;
  end_line();
  return stop_ == Stop::kNone;
}

void TextBuilder::flush_pending(Line& line) {
  if (line.pending != kNothing && !line.text.empty()) line.text.push_back(line.pending == kTab ? '\t' : ' ');
  line.pending = kNothing;
}

void TextBuilder::append_char(Line& line, char32_t cp) {
  flush_pending(line);
  codec::append_utf8(line.text, cp);
}

Zone TextBuilder::zone() const {
  for (auto it = zones_.rbegin(); it != zones_.rend(); ++it) {
    if (*it != Zone::kTable) return *it;
  }
  return zones_.empty() ? Zone::kBody : Zone::kTable;
}

void TextBuilder::boundary(bool hidden) {
  if (!hidden) return end_line();
  // The hidden line ends. Inside a visible line that has text, it waits for
  // that line to end; otherwise it goes now.
  const std::string_view text = trimmed(hidden_.text);
  if (visible_.text.empty()) {
    add_line(Zone::kHidden, text);
  } else if (!text.empty()) {
    deferred_bytes_ += text.size() + (deferred_.empty() ? 0 : 1);  // as add_line will count them
    deferred_.emplace_back(text);
    if (total_ + deferred_bytes_ > max_text_bytes_) stop_ = Stop::kTooMuchText;
  }
  hidden_.text.clear();
  hidden_.pending = kNothing;
  if (visible_.pending == kNothing) visible_.pending = kSpace;
}

void TextBuilder::end_line() {
  add_line(zone(), trimmed(visible_.text));
  visible_.text.clear();
  visible_.pending = kNothing;
  for (const std::string& line : deferred_) add_line(Zone::kHidden, line);
  deferred_.clear();
  deferred_bytes_ = 0;
  add_line(Zone::kHidden, trimmed(hidden_.text));
  hidden_.text.clear();
  hidden_.pending = kNothing;
}

void TextBuilder::add_line(Zone z, std::string_view text) {
  if (text.empty() || stop_ != Stop::kNone) return;
  if (chunks_.empty() || chunks_.back().zone != z) {
    chunks_.push_back(TextChunk{z, std::string()});
  } else {
    chunks_.back().text.push_back('\n');
    ++total_;
  }
  chunks_.back().text.append(text);
  total_ += text.size();
  if (total_ > max_text_bytes_) stop_ = Stop::kTooMuchText;
}

}  // namespace ra::html
