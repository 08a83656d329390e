#include "cli_support.hpp"

#include "resume_analyser/job_posting.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
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

std::string apply_limits(const std::vector<std::string>& settings, ra::ReadLimits* limits) {
  ra::ExtractLimits& x = limits->extract;
  struct Entry {
    const char* name;
    std::uint64_t* value64;
    std::uint32_t* value32;
  };
  const Entry entries[] = {
      {"file-bytes", &limits->max_file_bytes, nullptr},
      {"input-bytes", &limits->max_input_bytes, nullptr},
      {"archive-entries", &x.max_archive_entries, nullptr},
      {"part-bytes", &x.max_part_bytes, nullptr},
      {"total-bytes", &x.max_total_inflated_bytes, nullptr},
      {"ratio-after-bytes", &x.ratio_check_after_bytes, nullptr},
      {"ratio", nullptr, &x.max_compression_ratio},
      {"depth", nullptr, &x.max_nesting_depth},
      {"elements", &x.max_elements, nullptr},
      {"attributes", nullptr, &x.max_attributes},
      {"text-bytes", &x.max_text_bytes, nullptr},
  };
  for (const std::string& s : settings) {
    const std::size_t eq = s.find('=');
    const std::string name = s.substr(0, eq);
    const Entry* e = std::find_if(std::begin(entries), std::end(entries),
                                  [&](const Entry& en) { return name == en.name; });
    if (eq == std::string::npos || e == std::end(entries)) {
      std::string names;
      for (const Entry& en : entries) names += (names.empty() ? "" : ", ") + std::string(en.name);
      return "--limit: expected NAME=VALUE with NAME one of " + names + ", got '" + s + "'";
    }
    char* end = nullptr;
    const std::string text = s.substr(eq + 1);
    unsigned long long v = std::strtoull(text.c_str(), &end, 10);
    const std::string suffix = end ? end : "";
    const unsigned long long scale = suffix == "" ? 1 : suffix == "K" ? 1ull << 10 : suffix == "M" ? 1ull << 20
                                   : suffix == "G" ? 1ull << 30 : 0;
    if (text.empty() || end == text.c_str() || scale == 0 || v == 0) {
      return "--limit " + name + ": expected a positive whole number (K, M, G allowed), got '" + text + "'";
    }
    v *= scale;
    if (e->value64) *e->value64 = v;
    if (e->value32) {
      if (v > 0xFFFFFFFFull) return "--limit " + name + ": " + text + " is too large";
      *e->value32 = static_cast<std::uint32_t>(v);
    }
  }
  return "";
}

ra::Result<std::vector<ra::KeywordSet>> load_all_roles(const std::vector<std::filesystem::path>& keyword_dirs) {
  std::vector<ra::KeywordSet> roles;
  for (const ra::RoleFile& r : ra::find_roles(ra::keyword_search_path(keyword_dirs))) {
    ra::Result<ra::KeywordSet> set = ra::load_keyword_set(r.file);
    if (!set) return set.error();
    roles.push_back(std::move(set).value());
  }
  if (roles.empty()) return ra::Error{"no role files found (see --keywords-dir)"};
  return roles;
}

ra::Result<ra::Role> choose_role(const std::string& role_id, const std::string& job_file,
                                 const std::vector<std::filesystem::path>& keyword_dirs,
                                 const std::function<const ra::PluginHost&()>& host, const ra::ReadLimits& limits,
                                 std::optional<ra::JobInfo>* job) {
  if (job_file.empty()) {
    ra::Result<ra::KeywordSet> set = ra::load_role(role_id, ra::keyword_search_path(keyword_dirs));
    if (!set) return set.error();
    return ra::Role::compile(std::move(set).value());
  }
  ra::Result<ra::Document> posting = ra::read_document_file(host(), job_file, limits);
  if (!posting) return ra::Error{"--job: " + posting.error().message};
  ra::Result<std::vector<ra::KeywordSet>> roles = load_all_roles(keyword_dirs);
  if (!roles) return roles.error();
  ra::Result<ra::JobPosting> parsed = ra::read_job_posting(*posting, *roles);
  if (!parsed) return ra::Error{"--job: " + parsed.error().message};
  *job = ra::JobInfo{job_file, parsed->title, std::move(parsed->unknown)};
  return ra::Role::compile(std::move(parsed->role));
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
