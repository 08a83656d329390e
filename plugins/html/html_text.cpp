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

}  // namespace

bool TextBuilder::start_element(std::string_view name) {
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
  open_.push_back(f);
  if (skipping_ > 0) {
    ++skipping_;
    return true;
  }
  if (f & kSkip) {
    skipping_ = 1;
    return true;
  }
  if (f & (kBlock | kBreak)) end_line();
  if ((f & kCell) && !line_.empty()) pending_ = kTab;
  if (f & kPre) ++pre_;
  if (f & kSectioning) ++sectioning_;
  if (f & kHeader) zones_.push_back(Zone::kHeader);
  if (f & kFooter) zones_.push_back(Zone::kFooter);
  if (f & kTable) zones_.push_back(Zone::kTable);
  return stop_ == Stop::kNone;
}

void TextBuilder::end_element() {
  if (stop_ != Stop::kNone || open_.empty()) return;
  const std::uint16_t f = open_.back();
  open_.pop_back();
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
  if (f & kBlock) end_line();
  if ((f & (kHeader | kFooter | kTable)) && !zones_.empty()) zones_.pop_back();
}

bool TextBuilder::text(std::string_view utf8) {
  if (stop_ != Stop::kNone) return false;
  if (skipping_ > 0) return true;
  const auto* p = reinterpret_cast<const unsigned char*>(utf8.data());
  const std::size_t n = utf8.size();
  std::size_t i = 0;
  while (i < n && stop_ == Stop::kNone) {
    char32_t cp = p[i];
    if (cp > 0x20 && cp < 0x7F) {  // printable ASCII
      flush_pending();
      after_cr_ = false;
      line_.push_back(static_cast<char>(cp));
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
    if (pre_ > 0) {
      const bool lf_after_cr = cp == '\n' && after_cr_;
      after_cr_ = cp == '\r';
      if (lf_after_cr) continue;
      if (cp == '\n' || cp == '\r' || cp == '\f') {
        end_line();
        continue;
      }
      if (space) {  // space, tab or NBSP: kept, except at the start of a line
        flush_pending();
        if (!line_.empty()) line_.push_back(cp == '\t' ? '\t' : ' ');
        continue;
      }
    } else if (space) {
      if (pending_ == kNothing && !line_.empty()) pending_ = kSpace;
      continue;
    }
    if (cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF) continue;
    if (cp < 0x20 || cp == 0x7F) continue;
    if (cp >= 0x80 && cp < 0xA0) {
      cp = codec::cp1252_char(static_cast<unsigned char>(cp));
      if (cp == codec::kReplacement) continue;
    }
    append_char(cp);
  }
  return stop_ == Stop::kNone;
}

bool TextBuilder::finish() {
  if (stop_ != Stop::kNone) return false;
  end_line();
  return stop_ == Stop::kNone;
}

void TextBuilder::flush_pending() {
  if (pending_ != kNothing && !line_.empty()) line_.push_back(pending_ == kTab ? '\t' : ' ');
  pending_ = kNothing;
}

void TextBuilder::append_char(char32_t cp) {
  flush_pending();
  codec::append_utf8(line_, cp);
}

Zone TextBuilder::zone() const {
  for (auto it = zones_.rbegin(); it != zones_.rend(); ++it) {
    if (*it != Zone::kTable) return *it;
  }
  return zones_.empty() ? Zone::kBody : Zone::kTable;
}

void TextBuilder::end_line() {
  std::size_t b = 0, e = line_.size();
  while (b < e && is_space_or_tab(line_[b])) ++b;
  while (e > b && is_space_or_tab(line_[e - 1])) --e;
  if (e > b && stop_ == Stop::kNone) {
    const Zone z = zone();
    if (chunks_.empty() || chunks_.back().zone != z) {
      chunks_.push_back(TextChunk{z, std::string()});
    } else {
      chunks_.back().text.push_back('\n');
      ++total_;
    }
    chunks_.back().text.append(line_, b, e - b);
    total_ += e - b;
    if (total_ > max_text_bytes_) stop_ = Stop::kTooMuchText;
  }
  line_.clear();
  pending_ = kNothing;
}

}  // namespace ra::html
