#include "search_path.hpp"

#include "resume_analyser/plugin_host.hpp"  // executable_dir

#include <cstdlib>
#include <string>
#include <string_view>

namespace ra {

std::vector<std::filesystem::path> search_path(const std::vector<std::filesystem::path>& extra_dirs,
                                               const char* env_var, const char* beside_exe,
                                               const char* installed_rel, const char* installed_abs) {
  std::vector<std::filesystem::path> dirs(extra_dirs.begin(), extra_dirs.end());
  if (const char* env = std::getenv(env_var)) {
    std::string_view rest(env);
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      if (colon != 0) dirs.emplace_back(std::string(rest.substr(0, colon)));
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  const std::filesystem::path exe_dir = executable_dir();
  if (!exe_dir.empty()) {
    dirs.push_back(exe_dir / beside_exe);
    dirs.push_back(exe_dir / installed_rel);
  }
  dirs.emplace_back(installed_abs);
  return dirs;
}

}  // namespace ra
