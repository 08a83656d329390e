// The PDF format plugin, on poppler's C++ library (poppler-cpp).
//
// extract():
//  - Loads the document from memory. A document that needs a password
//    (is_locked) is kUnsupported "encrypted PDF is not supported"; one that
//    is encrypted but opens without a password (only an owner password, as
//    "restrict copying" PDFs are) is read, as every reader shows it.
//    Anything poppler cannot open is kCorrupt "not a readable PDF".
//  - More than kMaxPages pages: kLimitExceeded "PDF has more than 200
//    pages", before any page is read. No pages: kCorrupt "PDF has no pages".
//  - Each page's words (poppler::page::text_list: text and bounding box) are
//    put in reading order by layout_page() (page_layout.hpp: columns, lines,
//    separators); pages follow one another. Ligatures are expanded and words
//    split at line ends joined by line_repair.hpp. Text goes through the same
//    cleaning as the other plugins: valid UTF-8, no control characters but
//    tab, spaces trimmed at line ends, no blank lines. All of it is body
//    text: one Zone::kBody chunk (running headers, footers and page numbers
//    are kept where they stand on the page).
//  - No text on any page (pages of images only): kUnsupported "no text
//    layer: scanned image?", never an empty result.
//  - The text may not pass ExtractLimits::max_text_bytes: kLimitExceeded
//    "extracted text exceeds the <size> limit", checked page by page.
//  - poppler's own messages (it reports every damaged object on stderr) are
//    silenced; exceptions (poppler-cpp may throw std::bad_alloc and others)
//    become kInternal through ra::extract_guarded.
// Not detected: hidden text (white, tiny or off-page); poppler-cpp does not
// give a word's colour. Poppler guards its own parsers (it is fuzzed by
// OSS-Fuzz) but has no time or memory budget a caller can set.
//
// sniff(): 100 when a header "%PDF-<digit>.<digit>" starts within the first
// 1 KiB (readers accept leading junk up to there), else 0.
#include "line_repair.hpp"
#include "page_layout.hpp"

#include "resume_analyser/format_plugin.hpp"
#include "resume_analyser/text_codec.hpp"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <poppler-version.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace ra::pdf {
namespace {

constexpr std::uint64_t kMaxInputBytes = 20ull << 20;
constexpr int kMaxPages = 200;
constexpr std::size_t kMaxHeaderOffset = 1024;

/// "20 MiB", "100 KiB" or "1000 bytes", as the other plugins print limits.
std::string format_size(std::uint64_t bytes) {
  if (bytes != 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes != 0 && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

void ignore_poppler_message(const std::string&, void*) {}

/// Poppler prints its diagnostics on stderr unless told otherwise; the
/// setting is process-wide, so it is made once. It points into this library,
/// which is linked with -z nodelete so that the pointer never dangles
/// (CMakeLists.txt).
void silence_poppler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });
}

std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.data(), bytes.size());
}

/// `raw` as one clean line: valid UTF-8, line breaks and other control
/// characters (tab kept) dropped, trimmed; empty when only blanks are left.
std::string clean_line(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    const char32_t cp = codec::next_code_point(raw, i);
    if (cp >= 0x20 ? cp != 0x7F : cp == '\t') codec::append_utf8(out, cp);
  }
  const std::size_t first = out.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const std::size_t last = out.find_last_not_of(" \t");
  return out.substr(first, last + 1 - first);
}

#if POPPLER_VERSION_MAJOR > 0 || POPPLER_VERSION_MINOR >= 63
/// The lines of `page` in reading order, from its words and their boxes.
std::vector<std::string> page_lines(const poppler::page& page) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list()) {
    std::string text = expand_ligatures(utf8_of(box.text()));
    for (char& c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    }
    if (text.find_first_not_of(' ') == std::string::npos) continue;
    const poppler::rectf r = box.bbox();
    words.push_back(Word{std::move(text), r.left(), r.top(), r.right(), r.bottom(), box.rotation(),
                         box.has_space_after()});
  }
  return layout_page(std::move(words));
}
#else
/// poppler before 0.63 has no text_list(): its own physical layout, which
/// keeps lines but reads columns across.
std::vector<std::string> page_lines(const poppler::page& page) {
  std::vector<std::string> lines;
  const std::string text = utf8_of(page.text(poppler::rectf(), poppler::page::physical_layout));
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.emplace_back(expand_ligatures(std::string_view(text).substr(start, end - start)));
    start = end + 1;
  }
  return lines;
}
#endif

ExtractResult read_pdf(std::string_view bytes, const ExtractLimits& limits) {
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return ExtractResult::failure(ExtractStatus::kLimitExceeded, "PDF larger than 2 GiB");
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) return ExtractResult::failure(ExtractStatus::kCorrupt, "not a readable PDF");
  if (doc->is_locked()) return ExtractResult::failure(ExtractStatus::kUnsupported, "encrypted PDF is not supported");
  const int pages = doc->pages();
  if (pages > kMaxPages) {
    return ExtractResult::failure(ExtractStatus::kLimitExceeded,
                                  "PDF has more than " + std::to_string(kMaxPages) + " pages");
  }
  if (pages <= 0) return ExtractResult::failure(ExtractStatus::kCorrupt, "PDF has no pages");

  const auto too_long = [&] {
    return ExtractResult::failure(ExtractStatus::kLimitExceeded,
                                  "extracted text exceeds the " + format_size(limits.max_text_bytes) + " limit");
  };
  std::vector<std::string> lines;
  std::uint64_t bytes_out = 0;  // lines and the '\n' between them
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    for (const std::string& raw : page_lines(*page)) {
      std::string line = clean_line(raw);
      if (line.empty()) continue;
      bytes_out += line.size() + (lines.empty() ? 0 : 1);
      if (bytes_out > limits.max_text_bytes) return too_long();
      lines.push_back(std::move(line));
    }
  }
  if (lines.empty()) return ExtractResult::failure(ExtractStatus::kUnsupported, "no text layer: scanned image?");

  repair_line_breaks(lines);  // only ever shortens the text
  ExtractResult result;
  TextChunk chunk{Zone::kBody, {}};
  chunk.text.reserve(bytes_out);
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (!chunk.text.empty()) chunk.text += '\n';
    chunk.text += line;
  }
  result.chunks.push_back(std::move(chunk));
  return result;
}

class PdfPlugin final : public FormatPlugin {
 public:
  PdfPlugin() { silence_poppler(); }

  FormatInfo info() const noexcept override {
    FormatInfo info;
    try {
      info.name = "pdf";
      info.description = "PDF";
      info.version = "1.0.0";
      info.extensions = {".pdf"};
      info.media_types = {"application/pdf"};
      info.max_input_bytes = kMaxInputBytes;
    } catch (...) {
    }
    return info;
  }

  int sniff(std::string_view bytes) const noexcept override {
    const std::string_view head = bytes.substr(0, kMaxHeaderOffset + 8);
    const auto digit = [&](std::size_t i) { return i < head.size() && head[i] >= '0' && head[i] <= '9'; };
    for (std::size_t at = head.find("%PDF-"); at != std::string_view::npos && at <= kMaxHeaderOffset;
         at = head.find("%PDF-", at + 1)) {
      if (digit(at + 5) && at + 6 < head.size() && head[at + 6] == '.' && digit(at + 7)) return 100;
    }
    return 0;
  }

  ExtractResult extract(std::string_view bytes, const ExtractLimits& limits) const noexcept override {
    return extract_guarded([&] { return read_pdf(bytes, limits); });
  }
};

}  // namespace
}  // namespace ra::pdf

RA_DECLARE_FORMAT_PLUGIN(ra::pdf::PdfPlugin, "pdf")
