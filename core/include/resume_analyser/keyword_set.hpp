// Role keyword sets: the YAML files in keywords/, loaded and validated.
//
// File format (version 1) — see README "Keyword files":
//   format: 1
//   id: ml-engineer            (must equal the file name without .yaml)
//   name, description, sources: [guide file names]
//   categories: [{id, name, keywords: [{name, weight 1-3, aliases?,
//     case_sensitive?, context?, inflect?, patterns?, sources: [{guide, quote}]}]}]
// Unknown keys, duplicate names or aliases, bad weights and RE2 patterns
// that do not compile are errors reported as "FILE:LINE: message".
#pragma once

#include "resume_analyser/result.hpp"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

inline constexpr int kKeywordFormatVersion = 1;

struct SourceRef {
  std::string guide;  // guide file name, e.g. "002_85a1bc83d66f9c3a.txt"
  std::string quote;  // verbatim passage of that guide
  int line = 0;       // line in the keyword file
};

struct Keyword {
  std::string name;                  // canonical name, also matched
  int weight = 1;                    // 1 (low) .. 3 (high)
  std::vector<std::string> aliases;  // other spellings, matched like the name
  bool case_sensitive = false;       // name/aliases count only in this exact case
  std::string context;               // category id it must be listed with (see matcher.hpp), or ""
  bool inflect = false;              // each word also matches -s, -ed, -ing, -ment, ...
  std::vector<std::string> patterns; // RE2, case-insensitive, on token boundaries
  std::vector<SourceRef> sources;
  std::size_t category = 0;          // index into KeywordSet::categories
  int line = 0;                      // line of the entry in the file
};

struct Category {
  std::string id;
  std::string name;
  std::vector<std::size_t> keywords;  // indexes into KeywordSet::keywords, file order
};

struct KeywordSet {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> sources;
  std::vector<Category> categories;
  std::vector<Keyword> keywords;
  std::filesystem::path file;
};

/// Parses a keyword set from YAML text; `label` names it in errors.
Result<KeywordSet> parse_keyword_set(std::string_view yaml, const std::string& label);

/// Reads and parses `file`; errors name the file.
Result<KeywordSet> load_keyword_set(const std::filesystem::path& file);

/// A role file found on the keyword search path.
struct RoleFile {
  std::string id;  // file name without .yaml
  std::filesystem::path file;
};

/// Folders searched for role files, highest priority first: `extra_dirs`
/// (--keywords-dir), RESUME_ANALYSER_KEYWORDS_PATH (':'-separated),
/// `keywords/` beside the executable, then the install location.
std::vector<std::filesystem::path> keyword_search_path(
    const std::vector<std::filesystem::path>& extra_dirs);

/// Every role file on `search_path` (first folder wins for a repeated id),
/// sorted by id.
std::vector<RoleFile> find_roles(const std::vector<std::filesystem::path>& search_path);

/// Resolves `role` — an id on the search path, or a path to a .yaml file —
/// and loads it. Unknown ids list the roles that exist.
Result<KeywordSet> load_role(std::string_view role,
                             const std::vector<std::filesystem::path>& search_path);

}  // namespace ra
