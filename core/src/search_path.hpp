// The folder lists plugins and role files are looked up in (private).
#pragma once

#include <filesystem>
#include <vector>

namespace ra {

/// Highest priority first: `extra_dirs`, the ':'-separated entries of the
/// environment variable `env_var`, `beside_exe` under the executable's folder
/// (the build tree), `installed_rel` relative to the executable's folder (a
/// relocated install), then `installed_abs`.
std::vector<std::filesystem::path> search_path(const std::vector<std::filesystem::path>& extra_dirs,
                                               const char* env_var, const char* beside_exe,
                                               const char* installed_rel, const char* installed_abs);

}  // namespace ra
