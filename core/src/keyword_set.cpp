#include "resume_analyser/keyword_set.hpp"

#include "resume_analyser/text.hpp"

#include "search_path.hpp"

#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#ifndef RA_INSTALL_KEYWORD_DIR_ABS
#define RA_INSTALL_KEYWORD_DIR_ABS "/usr/local/share/resume-analyser/keywords"
#define RA_INSTALL_KEYWORD_DIR_REL "../share/resume-analyser/keywords"
#endif

namespace ra {
namespace fs = std::filesystem;

namespace {

/// Thrown inside the parser only; turned into an Error at the boundary.
struct ParseError {
  int line;
  std::string message;
};

int line_of(const YAML::Node& n) { return n.Mark().line + 1; }

[[noreturn]] void fail(const YAML::Node& n, std::string message) {
  throw ParseError{line_of(n), std::move(message)};
}

void check_keys(const YAML::Node& map, const char* what, std::initializer_list<const char*> allowed) {
  if (!map.IsMap()) fail(map, std::string(what) + " must be a mapping");
  for (const auto& kv : map) {
    const std::string key = kv.first.as<std::string>();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      fail(kv.first, "unknown key '" + key + "' in " + what + " (expected one of: " + list + ")");
    }
  }
}

const YAML::Node required(const YAML::Node& map, const char* key, const std::string& what) {
  const YAML::Node n = map[key];
  if (!n) fail(map, what + " lacks required key '" + key + "'");
  return n;
}

std::string scalar(const YAML::Node& n, const char* what) {
  if (!n.IsScalar()) fail(n, std::string(what) + " must be a string");
  std::string s = n.as<std::string>();
  if (s.empty()) fail(n, std::string(what) + " is empty");
  return s;
}

bool boolean(const YAML::Node& n, const char* what) {
  bool value = false;
  if (!n.IsScalar() || !YAML::convert<bool>::decode(n, value)) {
    fail(n, std::string(what) + " must be true or false");
  }
  return value;
}

std::vector<std::string> string_list(const YAML::Node& n, const char* what) {
  if (!n.IsSequence()) fail(n, std::string(what) + " must be a list");
  std::vector<std::string> out;
  for (const auto& item : n) out.push_back(scalar(item, what));
  return out;
}

/// The token sequence a term matches, as one string: two spellings that cut
/// to the same tokens are the same term.
std::string term_key(const std::string& term) {
  std::string key;
  for (const Token& t : tokenize(normalize_text(term))) {
    if (!key.empty()) key += ' ';
    key += t.folded;
  }
  return key;
}

struct Parser {
  KeywordSet set;
  std::map<std::string, int> terms;  // term_key -> line first seen
  std::set<std::string> guides;

  void claim_term(const YAML::Node& at, const std::string& term) {
    const std::string key = term_key(term);
    if (key.empty()) fail(at, "'" + term + "' contains no letters or digits to match");
    auto [it, fresh] = terms.emplace(key, line_of(at));
    if (!fresh) {
      fail(at, "'" + term + "' is already used on line " + std::to_string(it->second));
    }
  }

  SourceRef source(const YAML::Node& n) {
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

  void keyword(const YAML::Node& n, std::size_t category) {
    check_keys(n, "keyword", {"name", "weight", "aliases", "case_sensitive", "context",
                              "inflect", "patterns", "sources"});
    Keyword kw;
    kw.line = line_of(n);
    kw.category = category;
    kw.name = scalar(required(n, "name", "keyword"), "keyword name");
    claim_term(n["name"], kw.name);

    const YAML::Node weight = required(n, "weight", "keyword '" + kw.name + "'");
    int w = 0;
    if (!weight.IsScalar() || !YAML::convert<int>::decode(weight, w) || w < 1 || w > 3) {
      fail(weight, "weight of '" + kw.name + "' must be 1, 2 or 3");
    }
    kw.weight = w;

    if (n["aliases"]) {
      kw.aliases = string_list(n["aliases"], "aliases");
      for (const std::string& a : kw.aliases) claim_term(n["aliases"], a);
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
    const YAML::Node sources = required(n, "sources", "keyword '" + kw.name + "'");
    if (!sources.IsSequence() || sources.size() == 0) {
      fail(sources, "keyword '" + kw.name + "' needs at least one source");
    }
    for (const auto& s : sources) kw.sources.push_back(source(s));

    set.categories[category].keywords.push_back(set.keywords.size());
    set.keywords.push_back(std::move(kw));
  }

  void parse(const YAML::Node& root, const std::string& label) {
    if (!root.IsMap()) throw ParseError{1, "a keyword file must be a YAML mapping"};
    check_keys(root, "keyword file", {"format", "id", "name", "description", "sources", "categories"});
    const YAML::Node format = required(root, "format", "keyword file");
    int version = 0;
    if (!format.IsScalar() || !YAML::convert<int>::decode(format, version)) {
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
    set.name = scalar(required(root, "name", "keyword file"), "name");
    if (root["description"]) set.description = scalar(root["description"], "description");
    if (root["sources"]) {
      set.sources = string_list(root["sources"], "sources");
      guides.insert(set.sources.begin(), set.sources.end());
    }

    const YAML::Node categories = required(root, "categories", "keyword file");
    if (!categories.IsSequence() || categories.size() == 0) {
      fail(categories, "categories must be a non-empty list");
    }
    for (const auto& c : categories) {
      check_keys(c, "category", {"id", "name", "keywords"});
      Category cat;
      cat.id = scalar(required(c, "id", "category"), "category id");
      cat.name = scalar(required(c, "name", "category"), "category name");
      for (const Category& other : set.categories) {
        if (other.id == cat.id) fail(c["id"], "category '" + cat.id + "' appears twice");
      }
      set.categories.push_back(std::move(cat));
      const YAML::Node keywords = required(c, "keywords", "category");
      if (!keywords.IsSequence() || keywords.size() == 0) {
        fail(keywords, "category '" + set.categories.back().id + "' has no keywords");
      }
      for (const auto& k : keywords) keyword(k, set.categories.size() - 1);
    }

    for (const Keyword& kw : set.keywords) {
      if (kw.context.empty()) continue;
      const bool known = std::any_of(set.categories.begin(), set.categories.end(),
                                     [&](const Category& c) { return c.id == kw.context; });
      if (!known) {
        throw ParseError{kw.line, "context '" + kw.context + "' of '" + kw.name +
                                      "' is not a category of this file"};
      }
    }
  }
};

}  // namespace

Result<KeywordSet> parse_keyword_set(std::string_view yaml, const std::string& label) {
  Parser parser;
  try {
    parser.parse(YAML::Load(std::string(yaml)), label);
  } catch (const ParseError& e) {
    return Error{label + ":" + std::to_string(e.line) + ": " + e.message};
  } catch (const YAML::Exception& e) {
    return Error{label + ":" + std::to_string(e.mark.line + 1) + ": " + e.msg};
  }
  return std::move(parser.set);
}

Result<KeywordSet> load_keyword_set(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Error{"cannot read keyword file " + file.string()};
  std::ostringstream text;
  text << in.rdbuf();
  Result<KeywordSet> set = parse_keyword_set(text.str(), file.string());
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
