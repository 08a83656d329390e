// The PDF format plugin, on poppler's C++ library (poppler-cpp), which it
// loads only when it first reads a PDF (pdf_engine.hpp): sniff() needs none
// of it.
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
//  - The reader (pdf-engine/pdf_poppler.so) missing or unloadable next to
//    pdf.so: kInternal "PDF reader unavailable: <the loader's reason>".
// Not detected: hidden text (white, tiny or off-page); poppler-cpp does not
// give a word's colour. Poppler guards its own parsers (it is fuzzed by
// OSS-Fuzz) but has no time or memory budget a caller can set.
//
// sniff(): 100 when a header "%PDF-<digit>.<digit>" starts within the first
// 1 KiB (readers accept leading junk up to there), else 0.
#include "pdf_engine.hpp"

#include "resume_analyser/format_plugin.hpp"

#include <dlfcn.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace ra::pdf {
namespace {

constexpr std::uint64_t kMaxInputBytes = 20ull << 20;
constexpr std::size_t kMaxHeaderOffset = 1024;

/// The reader, loaded on first use from beside this library, or why not.
struct Engine {
  EngineRead read = nullptr;
  std::string error;
};

const Engine& engine() {
  static const Engine loaded = [] {
    Engine e;
    Dl_info self{};
    if (dladdr(reinterpret_cast<void*>(&engine), &self) == 0 || self.dli_fname == nullptr) {
      e.error = "PDF reader unavailable: pdf.so cannot find its own file";
      return e;
    }
    const std::string file = self.dli_fname;
    const std::size_t slash = file.rfind('/');
    const std::string path = (slash == std::string::npos ? std::string(".") : file.substr(0, slash)) + "/" + kEngineFile;
    // Never closed: what it returns and poppler's message hook point into it.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      e.error = std::string("PDF reader unavailable: ") + (why != nullptr ? why : path);
      return e;
    }
    e.read = reinterpret_cast<EngineRead>(dlsym(handle, kEngineSymbol));
    if (e.read == nullptr) e.error = "PDF reader unavailable: " + path + " has no " + kEngineSymbol;
    return e;
  }();
  return loaded;
}

class PdfPlugin final : public FormatPlugin {
 public:
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
    return extract_guarded([&] {
      const Engine& e = engine();
      if (e.read == nullptr) return ExtractResult::failure(ExtractStatus::kInternal, e.error);
      ExtractResult result;
      e.read(bytes.data(), bytes.size(), &limits, &result);
      return result;
    });
  }
};

}  // namespace
}  // namespace ra::pdf

RA_DECLARE_FORMAT_PLUGIN(ra::pdf::PdfPlugin, "pdf")
