// HTML format plugin: libxml2's HTML parser in SAX mode (no tree is built).
//
// The plugin decodes the file itself (html_decode.hpp) and hands libxml2
// UTF-8 with HTML_PARSE_IGNORE_ENC, so <meta charset> is read once, the
// browser way, and libxml2 never falls back to Latin-1 on its own.
// libxml2 2.9.14's HTML parser has no depth limit; the SAX callbacks count
// depth and stop the parser (xmlStopParser) as soon as max_nesting_depth is
// passed, so a very deep document costs next to nothing. Its time is
// quadratic in the attributes of one start tag, and a callback only runs once
// the whole tag is parsed, so max_attributes (and max_elements) are checked
// by a linear scan of the text before libxml2 sees it (html_scan.hpp); the
// callbacks count elements too, for the ones libxml2 implies (html, body,
// p...). Each call has its own parser context; xmlInitParser() runs once, in
// the constructor.
// Text a reader cannot see (the hidden attribute and inline styles, rules in
// html_style.hpp) comes as Zone::kHidden chunks (html_text.hpp).
#include "resume_analyser/format_plugin.hpp"

#include "html_decode.hpp"
#include "html_scan.hpp"
#include "html_text.hpp"
#include "resume_analyser/text_codec.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <new>
#include <string>
#include <string_view>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;
namespace codec = ra::codec;

constexpr std::uint64_t kMaxInputBytes = 2ull << 20;
constexpr std::size_t kSniffWindow = 1024;
constexpr int kSniffScore = 80;

// ---------------------------------------------------------------------------
// sniff

char ascii_lower(unsigned c) {
  if (c >= 'A' && c <= 'Z') return static_cast<char>(c + 32);
  return c < 0x80 ? static_cast<char>(c) : '\x80';
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
bool is_name_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

// True when `h` (lower case) at `i` has "<name" with `name` a whole tag name.
bool tag_at(std::string_view h, std::size_t i, std::string_view name) {
  if (i >= h.size() || h[i] != '<' || h.compare(i + 1, name.size(), name) != 0) return false;
  const std::size_t after = i + 1 + name.size();
  return after >= h.size() || is_ws(h[after]) || h[after] == '>' || h[after] == '/';
}

bool has_tag(std::string_view h, std::string_view name) {
  for (std::size_t i = h.find('<'); i != std::string_view::npos; i = h.find('<', i + 1)) {
    if (tag_at(h, i, name)) return true;
  }
  return false;
}

// Tags that, in a file that starts with '<', make it HTML.
bool has_typical_tag(std::string_view h) {
  static constexpr std::string_view kTypical[] = {
      "head", "body", "p", "div", "meta", "title", "table", "h1", "h2", "h3", "h4", "h5", "h6",
      "ul", "ol", "li", "br", "span", "section", "article", "header", "footer", "nav", "main",
      "style", "script", "link", "base"};
  for (std::size_t i = h.find('<'); i != std::string_view::npos; i = h.find('<', i + 1)) {
    std::size_t e = i + 1;
    while (e < h.size() && is_name_char(h[e])) ++e;
    if (e == i + 1 || e >= h.size() || !(is_ws(h[e]) || h[e] == '>' || h[e] == '/')) continue;
    const std::string_view name = h.substr(i + 1, e - i - 1);
    for (const std::string_view t : kTypical) {
      if (name == t) return true;
    }
  }
  return false;
}

int sniff_html(std::string_view bytes) {
  // The first 1 KiB of characters, ASCII lower-cased, anything else as 0x80.
  char head[kSniffWindow];
  std::size_t n = 0;
  const codec::Bom bom = codec::detect_bom(bytes);
  if (bom == codec::Bom::kUtf32Le || bom == codec::Bom::kUtf32Be) return 0;
  if (bom == codec::Bom::kUtf16Le || bom == codec::Bom::kUtf16Be) {
    const bool be = bom == codec::Bom::kUtf16Be;
    for (std::size_t i = 2; i + 1 < bytes.size() && n < kSniffWindow; i += 2) {
      const auto hi = static_cast<unsigned char>(bytes[be ? i : i + 1]);
      const auto lo = static_cast<unsigned char>(bytes[be ? i + 1 : i]);
      head[n++] = hi == 0 ? ascii_lower(lo) : '\x80';
    }
  } else {
    for (std::size_t i = codec::bom_length(bom); i < bytes.size() && n < kSniffWindow; ++i) {
      head[n++] = ascii_lower(static_cast<unsigned char>(bytes[i]));
    }
  }
  const std::string_view h(head, n);

  std::size_t i = 0;
  for (;;) {  // skip whitespace and comments
    while (i < h.size() && is_ws(h[i])) ++i;
    if (h.compare(i, 4, "<!--") != 0) break;
    const std::size_t end = h.find("-->", i + 4);
    if (end == std::string_view::npos) return 0;
    i = end + 3;
  }
  const std::string_view rest = h.substr(i);
  if (rest.empty() || rest[0] != '<') return 0;
  if (rest.compare(0, 14, "<!doctype html") == 0 &&
      (rest.size() == 14 || is_ws(rest[14]) || rest[14] == '>')) {
    return kSniffScore;
  }
  if (tag_at(rest, 0, "html")) return kSniffScore;
  if (rest.compare(0, 5, "<?xml") == 0) {
    return (has_tag(rest, "html") || rest.find("<!doctype html") != std::string_view::npos)
               ? kSniffScore
               : 0;
  }
  return has_typical_tag(rest) ? kSniffScore : 0;
}

// ---------------------------------------------------------------------------
// extract

struct SaxState {
  explicit SaxState(const ExtractLimits& limits) : builder(limits), max_elements(limits.max_elements) {}
  ra::html::TextBuilder builder;
  htmlParserCtxtPtr ctxt = nullptr;
  std::uint64_t stop_position = 0;  // where in libxml2's input a limit was reached
  std::uint64_t elements = 0;
  std::uint64_t max_elements;
  bool too_many_elements = false;
  bool stopped = false;
  bool out_of_memory = false;
};

SaxState& state_of(void* ctx) {
  return *static_cast<SaxState*>(static_cast<htmlParserCtxtPtr>(ctx)->_private);
}

std::uint64_t input_position(htmlParserCtxtPtr ctxt) {
  const xmlParserInputPtr in = ctxt->input;
  if (in == nullptr || in->cur == nullptr || in->base == nullptr || in->cur < in->base) return 0;
  return static_cast<std::uint64_t>(in->consumed) + static_cast<std::uint64_t>(in->cur - in->base);
}

void stop_parser(SaxState& s) {
  if (s.stopped) return;
  s.stopped = true;
  s.stop_position = input_position(s.ctxt);
  xmlStopParser(s.ctxt);
}

// SAX callbacks: C code calls them, so nothing may propagate out of them.
void on_start_element(void* ctx, const xmlChar* name, const xmlChar** attributes) {
  SaxState& s = state_of(ctx);
  if (s.stopped) return;
  if (++s.elements > s.max_elements) {
    s.too_many_elements = true;
    stop_parser(s);
    return;
  }
  try {
    const char* n = name != nullptr ? reinterpret_cast<const char*>(name) : "";
    const ra::html::ElementLook look =
        ra::html::read_element_look(n, reinterpret_cast<const char* const*>(attributes));
    if (!s.builder.start_element(n, look)) stop_parser(s);
  } catch (...) {
    s.out_of_memory = true;
    stop_parser(s);
  }
}

void on_end_element(void* ctx, const xmlChar* /*name*/) {
  SaxState& s = state_of(ctx);
  if (s.stopped) return;
  try {
    s.builder.end_element();
  } catch (...) {
    s.out_of_memory = true;
    stop_parser(s);
  }
}

void on_text(void* ctx, const xmlChar* text, int len) {
  SaxState& s = state_of(ctx);
  if (s.stopped || text == nullptr || len <= 0) return;
  try {
    if (!s.builder.text(std::string_view(reinterpret_cast<const char*>(text),
                                         static_cast<std::size_t>(len)))) {
      stop_parser(s);
    }
  } catch (...) {
    s.out_of_memory = true;
    stop_parser(s);
  }
}

struct CtxtDeleter {
  void operator()(htmlParserCtxtPtr c) const { htmlFreeParserCtxt(c); }
};

std::string limit_message(std::uint64_t max_bytes) {
  return "extracted text exceeds " + std::to_string(max_bytes) + " bytes";
}

std::string elements_message(std::uint64_t max_elements) {
  return "more than " + std::to_string(max_elements) + " HTML elements";
}

/// The file offset of the '<' at or before `pos` in `text`, when offsets are known.
std::uint64_t tag_offset(const ra::html::DecodedHtml& decoded, std::uint64_t pos) {
  const std::string_view text = decoded.text;
  if (!decoded.offsets_exact || text.empty()) return 0;
  const std::size_t at = static_cast<std::size_t>(std::min<std::uint64_t>(pos, text.size() - 1));
  const std::size_t lt = text.rfind('<', at);
  return decoded.offset_base + (lt == std::string_view::npos ? at : lt);
}

ExtractResult extract_html(std::string_view bytes, const ExtractLimits& limits) {
  const ra::html::DecodedHtml decoded = ra::html::decode_html(bytes);
  const std::string_view text = decoded.text;
  ExtractResult result;
  if (text.empty()) return result;
  if (text.size() > static_cast<std::size_t>(INT_MAX)) {
    return ExtractResult::failure(ExtractStatus::kLimitExceeded, "input too large for the HTML parser");
  }
  const ra::html::MarkupCheck markup = ra::html::check_html_markup(text, limits.max_elements, limits.max_attributes);
  switch (markup.problem) {
    case ra::html::MarkupCheck::Problem::kNone: break;
    case ra::html::MarkupCheck::Problem::kTooManyElements:
      return ExtractResult::failure(ExtractStatus::kLimitExceeded, elements_message(limits.max_elements),
                                    tag_offset(decoded, markup.at));
    case ra::html::MarkupCheck::Problem::kTooManyAttributes:
      return ExtractResult::failure(
          ExtractStatus::kLimitExceeded,
          "an HTML element with more than " + std::to_string(limits.max_attributes) + " attributes",
          tag_offset(decoded, markup.at));
  }

  std::unique_ptr<htmlParserCtxt, CtxtDeleter> ctxt(htmlNewParserCtxt());
  if (!ctxt || ctxt->sax == nullptr) return ExtractResult::internal("out of memory");
  htmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  sax.startElement = on_start_element;
  sax.endElement = on_end_element;
  sax.characters = on_text;
  sax.ignorableWhitespace = on_text;  // whitespace between inline elements matters
  sax.cdataBlock = on_text;           // script/style content: skipped by the builder
  std::memcpy(ctxt->sax, &sax, sizeof sax);
  SaxState state(limits);
  state.ctxt = ctxt.get();
  ctxt->_private = &state;

  // No HTML_PARSE_NOBLANKS: it drops whitespace-only text ("<b>Jane</b> <i>Doe</i>").
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
                      HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC;
  htmlDocPtr doc = htmlCtxtReadMemory(ctxt.get(), text.data(), static_cast<int>(text.size()),
                                      nullptr, "UTF-8", options);
  if (doc != nullptr) xmlFreeDoc(doc);  // SAX mode builds none; just in case
  ctxt.reset();

  if (state.out_of_memory) return ExtractResult::internal("out of memory");
  if (state.too_many_elements) {
    return ExtractResult::failure(ExtractStatus::kLimitExceeded, elements_message(limits.max_elements),
                                  tag_offset(decoded, state.stop_position));
  }
  ra::html::TextBuilder& b = state.builder;
  if (b.stopped() == ra::html::TextBuilder::Stop::kNone) b.finish();
  switch (b.stopped()) {
    case ra::html::TextBuilder::Stop::kNone: break;
    case ra::html::TextBuilder::Stop::kTooDeep:
      // libxml2 stands at the end of the start tag: report its '<'.
      return ExtractResult::failure(
          ExtractStatus::kLimitExceeded,
          "HTML nesting deeper than " + std::to_string(limits.max_nesting_depth),
          tag_offset(decoded, state.stop_position));
    case ra::html::TextBuilder::Stop::kTooMuchText:
      return ExtractResult::failure(ExtractStatus::kLimitExceeded,
                                    limit_message(limits.max_text_bytes));
  }
  result.chunks = std::move(b.chunks());
  return result;
}

class HtmlPlugin final : public ra::FormatPlugin {
 public:
  HtmlPlugin() { xmlInitParser(); }  // never xmlCleanupParser: the host may use libxml2 too

  ra::FormatInfo info() const noexcept override {
    try {
      ra::FormatInfo i;
      i.name = "html";
      i.description = "HTML";
      i.version = "1.0.0";
      i.extensions = {".html", ".htm", ".xhtml"};
      i.media_types = {"text/html"};
      i.max_input_bytes = kMaxInputBytes;
      return i;
    } catch (...) {
      return ra::FormatInfo{};
    }
  }

  // 80 when the file starts (after a BOM, whitespace and comments, within
  // the first 1 KiB) with <!doctype html, <html, or <?xml ... <html; or when
  // it starts with '<' and a typical HTML tag follows in that window. 0 otherwise.
  int sniff(std::string_view bytes) const noexcept override {
    try {
      return sniff_html(bytes);
    } catch (...) {
      return 0;
    }
  }

  ExtractResult extract(std::string_view bytes, const ExtractLimits& limits) const noexcept override {
    return ra::extract_guarded([&] { return extract_html(bytes, limits); });
  }
};

}  // namespace

RA_DECLARE_FORMAT_PLUGIN(HtmlPlugin, "html")
