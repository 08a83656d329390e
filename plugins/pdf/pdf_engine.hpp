// What pdf.so and the PDF reader proper agree on.
//
// The reader (pdf_engine.cpp, page_layout.cpp, line_repair.cpp) is built on
// poppler as a library of its own, pdf-engine/pdf_poppler.so next to pdf.so.
// Loading poppler and the thirty-odd libraries it needs takes about 7 ms,
// a third of a `score` run, and most runs read no PDF: so pdf.so sniffs
// without it and loads it (RTLD_NOW) the first time it reads a PDF. It is
// never unloaded: poppler's process-wide message hook points into it.
#pragma once

#include "resume_analyser/format_plugin.hpp"

#include <cstddef>

namespace ra::pdf {

/// Where the reader lies, relative to the folder that holds pdf.so.
inline constexpr const char* kEngineFile = "pdf-engine/pdf_poppler.so";

/// The reader's one export, by this name; the version is in the name, so a
/// reader built for another pdf.so is refused when pdf.so looks it up.
inline constexpr const char* kEngineSymbol = "ra_pdf_engine_read_v1";

/// Reads the PDF `bytes[0, size)` within `limits` into `*out` (the contract
/// of FormatPlugin::extract, pdf_plugin.cpp). Never throws.
using EngineRead = void (*)(const char* bytes, std::size_t size, const ExtractLimits* limits,
                            ExtractResult* out) noexcept;

}  // namespace ra::pdf
