#include "resume_analyser/keyword_set.hpp"

#include "resume_analyser/text.hpp"
#include "resume_analyser/text_codec.hpp"

#include "search_path.hpp"
#include "yaml_tree.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#ifndef RA_INSTALL_KEYWORD_DIR_ABS
#define RA_INSTALL_KEYWORD_DIR_ABS "/usr/local/share/resume-analyser/keywords"
#define RA_INSTALL_KEYWORD_DIR_REL "../share/resume-analyser/keywords"
#endif

namespace ra {
namespace fs = std::filesystem;

namespace {

/// Thrown inside the parser (and by the YAML reader); turned into an Error
/// at the boundary.
using ParseError = yaml::ParseError;

int line_of(const yaml::Node& n) { return n.line(); }

[[noreturn]] void fail(const yaml::Node& n, std::string message) {
  throw ParseError{line_of(n), std::move(message)};
}

void check_keys(const yaml::Node& map, const char* what, std::initializer_list<const char*> allowed) {
  if (!map.is_map()) fail(map, std::string(what) + " must be a mapping");
  for (std::size_t i = 0; i < map.size(); ++i) {
    const std::string& key = map.key(i).scalar();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(map.key(i), "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
    }
  }
}

const yaml::Node required(const yaml::Node& map, const char* key, const std::string& what) {
  const yaml::Node n = map[key];
  if (!n) fail(map, what + " lacks required key '" + key + "'");
  return n;
}

std::string scalar(const yaml::Node& n, const char* what) {
  if (!n.is_scalar()) fail(n, std::string(what) + " must be a string");
  std::string s = n.scalar();
  if (s.empty()) fail(n, std::string(what) + " is empty");
  // Every string of a role ends up in reports (JSON, HTML, the terminal),
  // which must stay valid UTF-8 (fuzz_keywords-invalid-utf8-name: yaml-cpp
  // passed any bytes through and the JSON writer threw on them; libyaml
  // refuses them, this check stays as the guard of that rule).
  if (codec::utf8_first_invalid(s) != codec::kNpos) fail(n, std::string(what) + " is not valid UTF-8");
  return s;
}

bool boolean(const yaml::Node& n, const char* what) {
  bool value = false;
  if (!n.is_scalar() || !n.to_bool(value)) {
    fail(n, std::string(what) + " must be true or false");
  }
  return value;
}

std::vector<std::string> string_list(const yaml::Node& n, const char* what) {
  if (!n.is_seq()) fail(n, std::string(what) + " must be a list");
  std::vector<std::string> out;
  for (const auto& item : n) out.push_back(scalar(item, what));
  return out;
}

/// Thrown when a parent role fails to load: its message already names its file.
struct ParentError {
  std::string message;
};

/// The files a parsed role was built from: its own, then its ancestors',
/// nearest first, each with the bytes that were parsed.
using Sources = std::vector<std::pair<std::string, std::string>>;

Result<KeywordSet> parse_chain(std::string_view yaml, const std::string& label,
                               std::vector<std::string>& chain, Sources* sources = nullptr);

/// Parent roles parsed so far in this process. Most roles extend the same
/// parent (9 of the 10 bundled ones extend ml-engineer, 73 KB of YAML), and
/// `fit` loads every role: each parent is parsed once and its KeywordSet
/// copied after that. An entry is used only while the bytes of the parent
/// and of each of its ancestors are still those it was parsed from (every
/// file is read again and compared), and never when one of its ancestors is
/// in the chain being loaded (that is a cycle, which a fresh parse reports);
/// so a hit gives exactly what parsing again would. Only successful parses
/// are kept. Safe to use from several threads.
class ParentCache {
 public:
  static ParentCache& instance() {
    static ParentCache cache;
    return cache;
  }

  std::optional<std::pair<KeywordSet, Sources>> find(const std::string& file, const std::string& text,
                                                     const std::vector<std::string>& chain) {
    std::shared_ptr<const Entry> entry;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      const auto found = entries_.find(file);
      if (found == entries_.end()) return std::nullopt;
      entry = found->second;
    }
    if (entry->sources.front().second != text) return std::nullopt;
    for (std::size_t i = 1; i < entry->sources.size(); ++i) {
      const std::optional<std::string> now = yaml::read_file(entry->sources[i].first);
      if (!now || *now != entry->sources[i].second) return std::nullopt;
    }
    for (const std::string& ancestor : entry->set.extends) {
      if (std::find(chain.begin(), chain.end(), ancestor) != chain.end()) return std::nullopt;
    }
    return std::make_pair(entry->set, entry->sources);
  }

  void add(const std::string& file, const KeywordSet& set, const Sources& sources) {
    auto entry = std::make_shared<const Entry>(Entry{set, sources});
    const std::lock_guard<std::mutex> lock(mutex_);
    entries_[file] = std::move(entry);
  }

 private:
  struct Entry {
    KeywordSet set;
    Sources sources;  // the parent's file first
  };
  std::mutex mutex_;
  std::unordered_map<std::string, std::shared_ptr<const Entry>> entries_;
};

struct Parser {
  KeywordSet set;
  std::map<std::string, std::string> terms;  // term_key -> where it was first used
  std::set<std::string> guides;
  // term_key of each keyword's name -> its index in set.keywords, so that
  // `weights:` finds a keyword in one lookup, not a scan of every keyword
  // (which made a file with thousands of keywords and weights quadratic).
  std::unordered_map<std::string, std::size_t> keyword_index;
  std::unordered_map<std::string, std::size_t> category_index;  // id -> index
  std::unordered_set<std::string> table_ids;                    // competency tables
  Sources inherited;  // the files of the role this one extends, and its ancestors'

  /// Refuses a term of more than kMaxTermWords words (matching walks a
  /// keyword word by word from every token: no term may make that long).
  static void check_length(const yaml::Node& at, const std::string& term, const std::string& key) {
    const auto words = static_cast<std::size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
    if (words <= kMaxTermWords) return;
    const std::string head = term.size() > 40 ? term.substr(0, 40) + "..." : term;
    fail(at, "'" + head + "' has " + std::to_string(words) + " words; a keyword, alias or phrase has at most " +
                 std::to_string(kMaxTermWords));
  }

  std::string claim_term(const yaml::Node& at, const std::string& term) {
    std::string key = term_key(term);
    if (key.empty()) fail(at, "'" + term + "' contains no letters or digits to match");
    check_length(at, term, key);
    auto [it, fresh] = terms.emplace(key, "line " + std::to_string(line_of(at)));
    if (!fresh) fail(at, "'" + term + "' is already used on " + it->second);
    return key;
  }

  SourceRef source(const yaml::Node& n) {
    check_keys(n, "source", {"guide", "quote"});
    SourceRef ref;
    ref.guide = scalar(required(n, "guide", "source"), "guide");
    ref.quote = scalar(required(n, "quote", "source"), "quote");
    ref.line = line_of(n);
    if (!guides.empty() && guides.count(ref.guide) == 0) {
      fail(n["guide"], "guide '" + ref.guide + "' is not listed in the file's sources");
    }
    return ref;
  }

  /// The `sources` list of the mapping `parent`.
  std::vector<SourceRef> sources(const yaml::Node& parent, const std::string& what, bool needed) {
    std::vector<SourceRef> out;
    const yaml::Node n = parent["sources"];
    if (!n) {
      if (needed) fail(parent, what + " lacks required key 'sources'");
      return out;
    }
    if (!n.is_seq() || (needed && n.size() == 0)) fail(n, what + " needs at least one source");
    for (const auto& s : n) out.push_back(source(s));
    return out;
  }

  int weight_of(const yaml::Node& n, const std::string& name) {
    const yaml::Node weight = required(n, "weight", "keyword '" + name + "'");
    int w = 0;
    if (!weight.is_scalar() || !weight.to_int(w) || w < 1 || w > 3) {
      fail(weight, "weight of '" + name + "' must be 1, 2 or 3");
    }
    return w;
  }

  void keyword(const yaml::Node& n, std::size_t category) {
    check_keys(n, "keyword", {"name", "weight", "aliases", "exact_aliases", "case_sensitive",
                              "context", "inflect", "patterns", "sources"});
    Keyword kw;
    kw.line = line_of(n);
    kw.category = category;
    kw.name = scalar(required(n, "name", "keyword"), "keyword name");
    const std::string key = claim_term(n["name"], kw.name);
    kw.weight = weight_of(n, kw.name);
    if (n["aliases"]) {
      kw.aliases = string_list(n["aliases"], "aliases");
      for (const std::string& a : kw.aliases) claim_term(n["aliases"], a);
    }
    if (n["exact_aliases"]) {
      kw.exact_aliases = string_list(n["exact_aliases"], "exact_aliases");
      for (const std::string& a : kw.exact_aliases) claim_term(n["exact_aliases"], a);
    }
    if (n["case_sensitive"]) kw.case_sensitive = boolean(n["case_sensitive"], "case_sensitive");
    if (n["inflect"]) kw.inflect = boolean(n["inflect"], "inflect");
    if (n["context"]) kw.context = scalar(n["context"], "context");
    if (n["patterns"]) {
      kw.patterns = string_list(n["patterns"], "patterns");
      for (const std::string& p : kw.patterns) {
        RE2::Options options;
        options.set_log_errors(false);
        options.set_case_sensitive(false);
        RE2 re(p, options);
        if (!re.ok()) fail(n["patterns"], "pattern '" + p + "' does not compile: " + re.error());
      }
    }
    kw.sources = sources(n, "keyword '" + kw.name + "'", true);
    set.categories[category].keywords.push_back(set.keywords.size());
    keyword_index.emplace(key, set.keywords.size());
    set.keywords.push_back(std::move(kw));
  }

  void inherit(const yaml::Node& extends, const std::string& label, std::vector<std::string>& chain) {
    const std::string parent = scalar(extends, "extends");
    if (parent == set.id || std::find(chain.begin(), chain.end(), parent) != chain.end()) {
      fail(extends, "'extends: " + parent + "' makes a cycle");
    }
    const fs::path file = fs::path(label).parent_path() / (parent + ".yaml");
    const std::optional<std::string> text = yaml::read_file(file);
    if (!text) fail(extends, "role '" + parent + "' to extend is not in " + file.parent_path().string());
    chain.push_back(set.id);
    Result<KeywordSet> base = Error{""};
    if (auto cached = ParentCache::instance().find(file.string(), *text, chain)) {
      base = std::move(cached->first);
      inherited = std::move(cached->second);
    } else {
      base = parse_chain(*text, file.string(), chain, &inherited);
      if (base) ParentCache::instance().add(file.string(), *base, inherited);
    }
    chain.pop_back();
    if (!base) throw ParentError{base.error().message};
    const std::string id = set.id;
    set = std::move(base).value();
    set.extends.insert(set.extends.begin(), set.id);
    set.id = id;
    for (std::size_t i = 0; i < set.keywords.size(); ++i) {
      const Keyword& kw = set.keywords[i];
      const std::string where = "keyword '" + kw.name + "' of role '" + parent + "'";
      const std::string key = term_key(kw.name);
      terms.emplace(key, where);
      keyword_index.emplace(key, i);
      for (const std::string& a : kw.aliases) terms.emplace(term_key(a), where);
      for (const std::string& a : kw.exact_aliases) terms.emplace(term_key(a), where);
    }
  }

  void categories(const yaml::Node& list, bool inherited) {
    if (!list.is_seq() || (!inherited && list.size() == 0)) {
      fail(list, "categories must be a non-empty list");
    }
    for (const auto& c : list) {
      check_keys(c, "category", {"id", "name", "keywords"});
      const std::string id = scalar(required(c, "id", "category"), "category id");
      if (category_index.empty()) {  // the parent's categories, when there is one
        for (std::size_t i = 0; i < set.categories.size(); ++i) category_index.emplace(set.categories[i].id, i);
      }
      const auto existing = category_index.find(id);
      std::size_t index = set.categories.size();
      if (existing == category_index.end()) {
        set.categories.push_back({id, scalar(required(c, "name", "category"), "category name"), {}});
        category_index.emplace(id, index);
      } else if (!inherited) {
        fail(c["id"], "category '" + id + "' appears twice");
      } else {
        index = existing->second;
        if (c["name"]) set.categories[index].name = scalar(c["name"], "category name");
      }
      const yaml::Node keywords = required(c, "keywords", "category");
      if (!keywords.is_seq() || keywords.size() == 0) {
        fail(keywords, "category '" + id + "' has no keywords");
      }
      for (const auto& k : keywords) keyword(k, index);
    }
  }

  void reweight(const yaml::Node& list) {
    if (!list.is_seq()) fail(list, "weights must be a list");
    for (const auto& w : list) {
      check_keys(w, "weights entry", {"keyword", "weight", "sources"});
      const std::string name = scalar(required(w, "keyword", "weights entry"), "keyword");
      const auto k = keyword_index.find(term_key(name));
      if (k == keyword_index.end()) fail(w["keyword"], "weights: no keyword '" + name + "' to re-weight");
      Keyword& kw = set.keywords[k->second];
      kw.weight = weight_of(w, name);
      for (SourceRef& s : sources(w, "weights entry for '" + name + "'", true)) {
        kw.sources.push_back(std::move(s));
      }
    }
  }

  void competencies(const yaml::Node& list) {
    if (!list.is_seq()) fail(list, "competencies must be a list");
    for (const auto& t : list) {
      check_keys(t, "competency table", {"id", "name", "sources", "rows"});
      CompetencyTable table;
      table.id = scalar(required(t, "id", "competency table"), "competency table id");
      if (table_ids.empty()) {  // the parent's tables
        for (const CompetencyTable& other : set.competencies) table_ids.insert(other.id);
      }
      if (!table_ids.insert(table.id).second) {
        fail(t["id"], "competency table '" + table.id + "' appears twice");
      }
      table.name = scalar(required(t, "name", "competency table"), "competency table name");
      table.sources = sources(t, "competency table '" + table.id + "'", true);
      const yaml::Node rows = required(t, "rows", "competency table");
      if (!rows.is_seq() || rows.size() == 0) fail(rows, "competency table '" + table.id + "' has no rows");
      for (const auto& r : rows) {
        check_keys(r, "competency row", {"name", "level", "evidence", "needs", "sources"});
        CompetencyRow row;
        row.line = line_of(r);
        row.name = scalar(required(r, "name", "competency row"), "row name");
        if (r["level"]) row.level = scalar(r["level"], "level");
        row.evidence = string_list(required(r, "evidence", "competency row '" + row.name + "'"), "evidence");
        if (row.evidence.empty()) fail(r["evidence"], "competency row '" + row.name + "' has no evidence");
        for (const std::string& e : row.evidence) {
          const std::string key = term_key(e);
          if (key.empty()) fail(r["evidence"], "evidence '" + e + "' contains no letters or digits");
          check_length(r["evidence"], e, key);
        }
        row.needs = row.evidence.size() >= 2 ? 2 : 1;
        if (r["needs"]) {
          int needs = 0;
          if (!r["needs"].to_int(needs) || needs < 1 ||
              needs > static_cast<int>(row.evidence.size())) {
            fail(r["needs"], "needs of '" + row.name + "' must be between 1 and its number of evidence items");
          }
          row.needs = needs;
        }
        row.sources = sources(r, "competency row '" + row.name + "'", false);
        table.rows.push_back(std::move(row));
      }
      set.competencies.push_back(std::move(table));
    }
  }

  void experience_levels(const yaml::Node& list) {
    if (!list.is_seq() || list.size() == 0) fail(list, "experience_levels must be a non-empty list");
    set.experience_levels.clear();
    for (const auto& l : list) {
      check_keys(l, "experience level", {"level", "min_years", "sources"});
      ExperienceLevel level;
      level.level = scalar(required(l, "level", "experience level"), "level");
      const yaml::Node min = required(l, "min_years", "experience level");
      if (!min.to_double(level.min_years) || level.min_years < 0) {
        fail(min, "min_years must be a number of years, 0 or more");
      }
      if (!set.experience_levels.empty() && level.min_years <= set.experience_levels.back().min_years) {
        fail(min, "experience levels must be in ascending order of min_years");
      }
      level.sources = sources(l, "experience level '" + level.level + "'", true);
      set.experience_levels.push_back(std::move(level));
    }
  }

  Degree degree(const yaml::Node& n) {
    const std::string name = scalar(n, "degree");
    for (Degree d : {Degree::kBachelor, Degree::kMaster, Degree::kPhd}) {
      if (name == degree_name(d)) return d;
    }
    fail(n, "degree '" + name + "' must be one of: bachelor, master, phd");
  }

  void education(const yaml::Node& n) {
    check_keys(n, "education", {"minimum", "preferred", "fields", "sources"});
    EducationRule rule;
    rule.minimum = degree(required(n, "minimum", "education"));
    if (n["preferred"]) rule.preferred = degree(n["preferred"]);
    if (n["fields"]) rule.fields = string_list(n["fields"], "fields");
    rule.sources = sources(n, "education", true);
    set.education = std::move(rule);
  }

  void parse(const yaml::Node& root, const std::string& label, std::vector<std::string>& chain) {
    if (!root.is_map()) throw ParseError{1, "a keyword file must be a YAML mapping"};
    check_keys(root, "keyword file",
               {"format", "id", "extends", "name", "description", "sources", "stop_phrases", "weights",
                "categories", "competencies", "experience_levels", "education"});
    const yaml::Node format = required(root, "format", "keyword file");
    int version = 0;
    if (!format.is_scalar() || !format.to_int(version)) {
      fail(format, "format must be a whole number");
    }
    if (version != kKeywordFormatVersion) {
      fail(format, "unsupported keyword-file format " + std::to_string(version) +
                       " (this build reads format " + std::to_string(kKeywordFormatVersion) + ")");
    }
    set.id = scalar(required(root, "id", "keyword file"), "id");
    const std::string stem = fs::path(label).stem().string();
    if (fs::path(label).extension() == ".yaml" && stem != set.id) {
      fail(root["id"], "id '" + set.id + "' does not match the file name '" + stem + ".yaml'");
    }
    const bool inherited = static_cast<bool>(root["extends"]);
    if (inherited) inherit(root["extends"], label, chain);
    set.name = scalar(required(root, "name", "keyword file"), "name");
    set.description = root["description"] ? scalar(root["description"], "description") : "";
    if (root["sources"]) {
      for (std::string& g : string_list(root["sources"], "sources")) {
        if (std::find(set.sources.begin(), set.sources.end(), g) == set.sources.end()) {
          set.sources.push_back(std::move(g));
        }
      }
      guides.insert(set.sources.begin(), set.sources.end());
    }
    if (root["stop_phrases"]) {
      for (std::string& p : string_list(root["stop_phrases"], "stop_phrases")) {
        const std::string key = term_key(p);
        if (key.empty()) fail(root["stop_phrases"], "stop phrase '" + p + "' contains no letters or digits");
        Parser::check_length(root["stop_phrases"], p, key);
        set.stop_phrases.push_back(std::move(p));
      }
    }
    if (root["categories"]) {
      categories(root["categories"], inherited);
    } else if (!inherited) {
      fail(root, "keyword file lacks required key 'categories'");
    }
    if (root["weights"]) reweight(root["weights"]);
    if (root["competencies"]) competencies(root["competencies"]);
    if (root["experience_levels"]) experience_levels(root["experience_levels"]);
    if (root["education"]) education(root["education"]);

    std::unordered_set<std::string> category_ids;
    for (const Category& c : set.categories) category_ids.insert(c.id);
    for (const Keyword& kw : set.keywords) {
      if (kw.context.empty()) continue;
      if (category_ids.count(kw.context) == 0) {
        throw ParseError{kw.line, "context '" + kw.context + "' of '" + kw.name +
                                      "' is not a category of this file"};
      }
    }
  }
};

Result<KeywordSet> parse_chain(std::string_view yaml, const std::string& label,
                               std::vector<std::string>& chain, Sources* sources) {
  Parser parser;
  try {
    const yaml::Document doc(yaml);
    parser.parse(doc.root(), label, chain);
    if (sources != nullptr) {
      sources->clear();
      sources->emplace_back(label, std::string(yaml));
      sources->insert(sources->end(), parser.inherited.begin(), parser.inherited.end());
    }
  } catch (const ParseError& e) {
    return Error{yaml::located(label, e)};
  } catch (const ParentError& e) {
    return Error{e.message};
  }
  return std::move(parser.set);
}

}  // namespace

const char* degree_name(Degree degree) noexcept {
  switch (degree) {
    case Degree::kBachelor: return "bachelor";
    case Degree::kMaster: return "master";
    case Degree::kPhd: return "phd";
    case Degree::kNone: break;
  }
  return "none";
}

namespace {

bool is_ascii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/// Whether the ASCII letters and digits of the ASCII string `name`,
/// lower-cased and in order, are `alnum`. A necessary condition for
/// term_key(name) to have those letters and digits: for ASCII text,
/// term_key keeps every letter and digit, lower-cased, and adds only
/// spaces, '+', '#' and '.'. Allocates nothing; compares from the end,
/// where numbered names ("data pipeline 17") differ.
bool same_alnum(std::string_view name, std::string_view alnum) {
  std::size_t j = alnum.size();
  for (std::size_t i = name.size(); i-- > 0;) {
    const char c = name[i];
    if (!is_ascii_alnum(c)) continue;
    const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    if (j == 0 || alnum[j - 1] != lower) return false;
    --j;
  }
  return j == 0;
}

}  // namespace

std::string term_key(std::string_view term) {
  std::string key;
  for (const Token& t : tokenize(normalize_text(term))) {
    if (!key.empty()) key += ' ';
    key += t.folded;
  }
  return key;
}

std::ptrdiff_t KeywordSet::find_keyword(std::string_view name) const {
  // Called once per competency evidence item (Role::compile) and per job
  // posting keyword, so each call must not normalise and tokenise every
  // keyword's name: an ASCII name (nearly all) is first compared by its
  // letters and digits alone, and term_key is computed only for candidates.
  const std::string key = term_key(name);
  const bool key_ascii = is_ascii(key);
  std::string key_alnum;
  for (const char c : key) {
    if (is_ascii_alnum(c)) key_alnum += c;
  }
  for (std::size_t i = 0; i < keywords.size(); ++i) {
    const std::string& candidate = keywords[i].name;
    if (is_ascii(candidate) && (!key_ascii || !same_alnum(candidate, key_alnum))) continue;
    if (term_key(candidate) == key) return static_cast<std::ptrdiff_t>(i);
  }
  return -1;
}

Result<KeywordSet> parse_keyword_set(std::string_view yaml, const std::string& label) {
  std::vector<std::string> chain;
  return parse_chain(yaml, label, chain);
}

Result<KeywordSet> load_keyword_set(const fs::path& file) {
  const std::optional<std::string> text = yaml::read_file(file);
  if (!text) return Error{"cannot read keyword file " + file.string()};
  Result<KeywordSet> set = parse_keyword_set(*text, file.string());
  if (set) set->file = file;
  return set;
}

std::vector<fs::path> keyword_search_path(const std::vector<fs::path>& extra_dirs) {
  return search_path(extra_dirs, "RESUME_ANALYSER_KEYWORDS_PATH", "keywords",
                     RA_INSTALL_KEYWORD_DIR_REL, RA_INSTALL_KEYWORD_DIR_ABS);
}

std::vector<RoleFile> find_roles(const std::vector<fs::path>& search_path) {
  std::map<std::string, fs::path> found;
  for (const fs::path& dir : search_path) {
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->path().extension() != ".yaml") continue;
      found.emplace(it->path().stem().string(), it->path());  // first folder wins
    }
  }
  std::vector<RoleFile> roles;
  for (auto& [id, file] : found) roles.push_back({id, file});
  return roles;
}

Result<KeywordSet> load_role(std::string_view role, const std::vector<fs::path>& search_path) {
  const fs::path as_path{std::string(role)};
  if (as_path.extension() == ".yaml" || as_path.has_parent_path()) return load_keyword_set(as_path);
  const std::vector<RoleFile> roles = find_roles(search_path);
  for (const RoleFile& r : roles) {
    if (r.id == role) return load_keyword_set(r.file);
  }
  std::string known;
  for (const RoleFile& r : roles) known += (known.empty() ? "" : ", ") + r.id;
  return Error{"unknown role '" + std::string(role) + "' (known roles: " +
               (known.empty() ? "none found" : known) + ")"};
}

}  // namespace ra
