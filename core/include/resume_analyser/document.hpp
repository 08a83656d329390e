// A résumé as the analyser reads it: bytes -> plugin -> normalised text.
#pragma once

#include "resume_analyser/format_plugin.hpp"
#include "resume_analyser/plugin_host.hpp"
#include "resume_analyser/result.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

struct Document {
  std::string name;    // the path as given, for messages and reports
  std::string format;  // name of the plugin that read it ("docx")
  /// Normalised text (normalize_text) of all chunks joined by '\n': exactly
  /// what the matcher reads and what `resume-analyser extract` prints.
  std::string text;
  /// Zone of each line of `text`, as runs: (first line, zone), ascending.
  std::vector<std::pair<std::uint32_t, Zone>> zones;
  /// Normalised text of Zone::kHidden chunks, kept out of `text` (and so out
  /// of the score) and reported as a flag.
  std::string hidden_text;

  Zone zone_of_line(std::uint32_t line) const;
};

/// Builds a Document from extracted chunks (normalises and joins them).
Document make_document(std::string name, std::string format,
                       const std::vector<TextChunk>& chunks);

/// Every limit that guards reading an untrusted file, defaults in place.
/// `resume-analyser --limit NAME=VALUE` changes them (README "Limits").
struct ReadLimits {
  ExtractLimits extract;                    // enforced by the plugin while it reads
  std::uint64_t max_file_bytes = 64ull << 20;  // refused before reading into memory
  std::uint64_t max_input_bytes = 0;        // per format; 0 = the plugin's own (FormatInfo)
};

/// Reads `bytes` with the plugin `host` chooses for them. Errors are one line
/// and start with `name`: unsupported format (listing the supported ones),
/// input over the format's size limit, the plugin's own failure, or no text.
Result<Document> read_document(const PluginHost& host, std::string name, std::string_view bytes,
                               const ReadLimits& limits = {});

/// Reads the file at `path` (never writing to it), then as above. A missing or
/// unreadable file, or a folder, is an error naming the path. Files larger
/// than `limits.max_file_bytes` are refused before they are read into memory.
Result<Document> read_document_file(const PluginHost& host, const std::filesystem::path& path,
                                    const ReadLimits& limits = {});

}  // namespace ra
