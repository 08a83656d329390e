// Helpers shared by the command implementations (private to the CLI).
#pragma once

#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/plugin_host.hpp"
#include "resume_analyser/profile.hpp"

#include <filesystem>
#include <functional>
#include <optional>
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
/// ratio, ratio-after-bytes, depth, elements, attributes, text-bytes. Sizes
/// accept K, M, G suffixes.
std::string apply_limits(const std::vector<std::string>& settings, ra::ReadLimits* limits);

/// Every role on the search path, loaded; the first bad file is an error.
ra::Result<std::vector<ra::KeywordSet>> load_all_roles(const std::vector<std::filesystem::path>& keyword_dirs);

/// The role to score against: `job_file` (a posting, read with the plugins
/// `host()` gives) when given, else the role `role_id`. `host()` is called
/// only for a posting, so a caller may load the plugins meanwhile. `job` is
/// filled for a posting.
ra::Result<ra::Role> choose_role(const std::string& role_id, const std::string& job_file,
                                 const std::vector<std::filesystem::path>& keyword_dirs,
                                 const std::function<const ra::PluginHost&()>& host, const ra::ReadLimits& limits,
                                 std::optional<ra::JobInfo>* job);

/// "2026-11" -> {2026, 11}; false when malformed.
bool parse_month(const std::string& text, ra::YearMonth* out);

}  // namespace cli
