// What the fuzz targets share: failing with the contract broken, and the
// whole outcome of an extraction as one string to compare.
#pragma once

#include "resume_analyser/format_plugin.hpp"
#include "resume_analyser/plugin_host.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace ra::fuzz {

/// Reports "<target>: contract violated: <what>: "<detail>"" on stderr (the
/// detail escaped) and aborts, so that libFuzzer saves the input.
[[noreturn]] inline void fail(const char* target, const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "%s: contract violated: %s", target, what);
  if (!detail.empty()) {
    std::fprintf(stderr, ": \"");
    for (const unsigned char c : detail) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') std::fputc(c, stderr);
      else std::fprintf(stderr, "\\x%02x", c);
    }
    std::fprintf(stderr, "\"");
  }
  std::fprintf(stderr, "\n");
  std::abort();
}

/// Loads plugin `format` from RA_FUZZ_PLUGIN_DIR (the environment variable,
/// else the build's plugins folder) through ra::PluginHost, as the analyser
/// does, and keeps it loaded; exits 2 when it cannot.
inline const LoadedPlugin& load_plugin(const char* target, const std::string& format, const char* build_dir) {
  static PluginHost host;
  const char* dir = std::getenv("RA_FUZZ_PLUGIN_DIR");
  const std::string file = std::string(dir ? dir : build_dir) + "/" + format + ".so";
  if (!host.load_file(file)) {
    std::fprintf(stderr, "%s: cannot load %s: %s\n", target, file.c_str(),
                 host.errors().empty() ? "?" : host.errors().back().reason.c_str());
    std::exit(2);
  }
  const LoadedPlugin& plugin = host.plugins().front();
  if (plugin.info.name != format) {
    std::fprintf(stderr, "%s: %s provides format '%s'\n", target, file.c_str(), plugin.info.name.c_str());
    std::exit(2);
  }
  return plugin;
}

/// Everything an extraction says: status, message, offset, chunks.
inline std::string outcome(const ExtractResult& r) {
  std::string out = std::to_string(static_cast<int>(r.status)) + " " + r.message + " @" + std::to_string(r.offset);
  for (const TextChunk& chunk : r.chunks) out += "\n" + std::to_string(static_cast<int>(chunk.zone)) + " " + chunk.text;
  return out;
}

/// `plugin.extract(bytes, limits)` again with environment variable `readers`
/// set to "tree"; aborts unless the outcome is `result`'s.
inline void check_tree_reader(const char* target, const char* readers, const FormatPlugin& plugin,
                              std::string_view bytes, const ExtractLimits& limits, const ExtractResult& result) {
  ::setenv(readers, "tree", 1);
  const ExtractResult tree = plugin.extract(bytes, limits);
  ::unsetenv(readers);
  const std::string expected = outcome(tree), got = outcome(result);
  if (got != expected) fail(target, "the tree reader gives another outcome", got + "\n---\n" + expected);
}

}  // namespace ra::fuzz
