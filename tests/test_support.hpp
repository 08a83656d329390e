// Shared helpers for tests: the built plugins and the sample files.
#pragma once

#include "resume_analyser/plugin_host.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>

namespace ra::test {

/// The host with every plugin built into build/plugins/ (loaded once).
inline const PluginHost& built_plugins() {
  static const PluginHost host = [] {
    PluginHost h;
    h.load_directory(RA_TEST_PLUGIN_DIR);
    return h;
  }();
  return host;
}

/// The loaded plugin for format `name` ("docx", "html", "text"); fails the test if absent.
inline const FormatPlugin& plugin(const std::string& name) {
  for (const LoadedPlugin& p : built_plugins().plugins()) {
    if (p.info.name == name) return *p.plugin;
  }
  FAIL("plugin not built: " << name);
  throw std::logic_error("unreachable");
}

/// "unsupported format (supported: ...)" as the host words it for the built plugins.
inline std::string unsupported() {
  return "unsupported format (supported: " + built_plugins().supported_formats() + ")";
}

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in.good());
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline std::string sample(const std::string& name) {
  return read_file(std::string(RA_TEST_SAMPLES_DIR) + "/" + name);
}

/// All chunk texts joined with '\n', each prefixed by "[zone] " when `zones`.
inline std::string joined(const ExtractResult& r, bool zones = false) {
  std::string out;
  for (const TextChunk& c : r.chunks) {
    if (zones) out += std::string("[") + zone_name(c.zone) + "] ";
    out += c.text;
    out += '\n';
  }
  return out;
}

}  // namespace ra::test
