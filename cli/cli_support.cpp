#include "cli_support.hpp"

#include <cstdio>
#include <iostream>

namespace cli {

int fail(const std::string& message) {
  std::cerr << "resume-analyser: " << message << '\n';
  return kExitError;
}

ra::PluginHost load_plugins(const std::vector<std::filesystem::path>& extra_dirs) {
  ra::PluginHost host;
  for (const std::filesystem::path& dir : ra::plugin_search_path(extra_dirs)) host.load_directory(dir);
  for (const ra::PluginLoadError& e : host.errors()) {
    std::cerr << "resume-analyser: warning: skipped plugin " << e.file.string() << ": " << e.reason << '\n';
  }
  return host;
}

bool parse_month(const std::string& text, ra::YearMonth* out) {
  int year = 0, month = 0;
  char tail = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d%c", &year, &month, &tail) != 2 || month < 1 || month > 12) {
    return false;
  }
  *out = {year, month};
  return true;
}

}  // namespace cli
