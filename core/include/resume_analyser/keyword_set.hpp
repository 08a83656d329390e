// Role keyword sets: the YAML files in keywords/, loaded and validated.
//
// File format (version 1) — see README "Keyword files":
//   format: 1
//   id: ml-engineer            (must equal the file name without .yaml)
//   extends: <role id>         (optional; a file in the same folder)
//   name, description, sources: [guide file names]
//   stop_phrases: [phrases that hide the keywords inside them]
//   weights: [{keyword, weight, sources}]        (re-weights inherited keywords)
//   categories: [{id, name, keywords: [{name, weight 1-3, aliases?,
//     exact_aliases?, case_sensitive?, context?, inflect?, patterns?,
//     sources: [{guide, quote}]}]}]
//   competencies: [{id, name, sources, rows: [{name, level?, evidence, needs?, sources?}]}]
//   experience_levels: [{level, min_years, sources}]
//   education: {minimum, preferred?, fields, sources}
// A child role starts from its parent: categories with an inherited id gain
// keywords, competency tables are appended, experience_levels and education
// replace the parent's when given. Unknown keys, duplicate names or aliases
// (inherited ones included), bad weights, re-weights of unknown keywords, cycles
// in `extends` and RE2 patterns that do not compile are errors reported as
// "FILE:LINE: message".
#pragma once

#include "resume_analyser/result.hpp"

#include <cstdint>
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
  std::vector<std::string> exact_aliases;  // spellings that count only in this exact case ("ML", not "mL")
  bool case_sensitive = false;       // name/aliases count only in this exact case
  std::string context;               // category id it must be listed with (see matcher.hpp), or ""
  bool inflect = false;              // each word also matches -s, -ed, -ing, -ment, ...
  std::vector<std::string> patterns; // RE2, case-insensitive, on token boundaries
  std::vector<SourceRef> sources;
  std::size_t category = 0;          // index into KeywordSet::categories
  int line = 0;                      // line of the entry in the file
};

/// One row of a competency table: a skill or responsibility a guide lists,
/// and the words that show it on a résumé.
struct CompetencyRow {
  std::string name;
  std::string level;                  // importance or career level as the guide gives it, or ""
  std::vector<std::string> evidence;  // keyword names of the role, or other phrases
  int needs = 1;                      // evidence items found for "met"; 1..needs-1 is "partly met"
  std::vector<SourceRef> sources;
  int line = 0;
};

struct CompetencyTable {
  std::string id;
  std::string name;
  std::vector<SourceRef> sources;
  std::vector<CompetencyRow> rows;
};

/// Years of professional experience from which a level applies.
struct ExperienceLevel {
  std::string level;  // "junior", "mid", "senior", ...
  double min_years = 0;
  std::vector<SourceRef> sources;
};

enum class Degree : std::uint8_t { kNone, kBachelor, kMaster, kPhd };
const char* degree_name(Degree degree) noexcept;  // "none", "bachelor", "master", "phd"

struct EducationRule {
  Degree minimum = Degree::kNone;
  Degree preferred = Degree::kNone;
  std::vector<std::string> fields;  // fields of study the guides name
  std::vector<SourceRef> sources;
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
  std::vector<std::string> extends;  // ancestor ids, nearest first
  std::vector<std::string> sources;  // guide files quoted (own and inherited)
  std::vector<Category> categories;
  std::vector<Keyword> keywords;
  /// Phrases that are no keyword although they contain one ("collaborative
  /// filtering" is not Collaboration): matched first, they hide their words.
  std::vector<std::string> stop_phrases;
  std::vector<CompetencyTable> competencies;
  std::vector<ExperienceLevel> experience_levels;  // ascending min_years
  EducationRule education;
  std::filesystem::path file;

  /// Index of the first keyword named `name` (compared by term_key), or -1.
  /// Scans the keywords: to look many names up, index them by term_key.
  std::ptrdiff_t find_keyword(std::string_view name) const;
};

/// The most words a keyword name, alias, stop phrase or evidence phrase may
/// have; a role file with a longer one is refused when it loads.
inline constexpr std::size_t kMaxTermWords = 32;

/// The token sequence a term matches, as one string (case-folded tokens
/// joined by spaces): two spellings with the same key are the same term.
std::string term_key(std::string_view term);

/// Parses a keyword set from YAML text; `label` names it in errors, and a
/// role it extends is loaded from the folder of `label`. A role that is
/// extended is parsed once per process and reused (copied) while its file and
/// its ancestors' files hold the same bytes, which are read again each time;
/// the result is always what a fresh parse would give. Thread-safe.
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
