// The PDF reader proper, on poppler's C++ library (poppler-cpp): what
// pdf.so's extract() does (pdf_plugin.cpp has the contract), built as a
// library that pdf.so loads only when it first reads a PDF (pdf_engine.hpp).
#include "pdf_engine.hpp"

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
#include <type_traits>
#include <vector>

namespace ra::pdf {
namespace {

constexpr int kMaxPages = 200;

/// "20 MiB", "100 KiB" or "1000 bytes", as the other plugins print limits.
std::string format_size(std::uint64_t bytes) {
  if (bytes != 0 && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  if (bytes != 0 && bytes % (1u << 10) == 0) return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + " bytes";
}

void ignore_poppler_message(const std::string&, void*) {}

/// Poppler prints its diagnostics on stderr unless told otherwise; the
/// setting is process-wide, so it is made once. It points into this library,
/// which is never unloaded (pdf_engine.hpp; linked with -z nodelete).
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

}  // namespace
}  // namespace ra::pdf

extern "C" __attribute__((visibility("default"))) void ra_pdf_engine_read_v1(
    const char* bytes, std::size_t size, const ra::ExtractLimits* limits, ra::ExtractResult* out) noexcept {
  static_assert(std::is_same_v<decltype(&ra_pdf_engine_read_v1), ra::pdf::EngineRead>,
                "the export and pdf_engine.hpp disagree");
  ra::pdf::silence_poppler();
  *out = ra::extract_guarded([&] { return ra::pdf::read_pdf(std::string_view(bytes, size), *limits); });
}
