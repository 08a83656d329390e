// Whether a ZIP that the DOCX plugin may be unable to read is meant to be a
// Word document, for sniff().
//
// looks_like_word_package(bytes): `bytes` start with a ZIP local file header
// and the package names something under word/, or its [Content_Types].xml
// names a WordprocessingML or ms-word content type. It uses the central
// directory when it is readable (common/zip_directory.hpp; whatever
// ZipArchive's checks would say), otherwise the local file headers in the
// first 256 KiB of the bytes (a truncated file, a damaged directory).
// Bounded, and no allocation per entry: at most 65,536 directory entries or
// 64 local headers looked at, and at most 64 KiB of [Content_Types].xml
// inflated. Throws only std::bad_alloc.
#pragma once

#include <string_view>

namespace ra::docx {

bool looks_like_word_package(std::string_view bytes);

}  // namespace ra::docx
