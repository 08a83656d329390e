// Helpers shared by the command implementations (private to the CLI).
#pragma once

#include "resume_analyser/document.hpp"
#include "resume_analyser/plugin_host.hpp"
#include "resume_analyser/profile.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 2;

/// Prints "resume-analyser: MESSAGE" on stderr; returns kExitError.
int fail(const std::string& message);

/// Every plugin on the search path; each refused one is a warning on stderr.
ra::PluginHost load_plugins(const std::vector<std::filesystem::path>& extra_dirs);

/// Applies "NAME=VALUE" settings (--limit) to `limits`; "" or an error message.
/// Names: file-bytes, input-bytes, archive-entries, part-bytes, total-bytes,
/// ratio, ratio-after-bytes, depth, text-bytes. Sizes accept K, M, G suffixes.
std::string apply_limits(const std::vector<std::string>& settings, ra::ReadLimits* limits);

/// "2026-11" -> {2026, 11}; false when malformed.
bool parse_month(const std::string& text, ra::YearMonth* out);

}  // namespace cli
