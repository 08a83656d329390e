// Role files: validation errors with file:line, and the bundled roles'
// traceability to the career guides.
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/text.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <algorithm>
#include <ctime>
#include <cstdint>
#include <fstream>
#include <set>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string error_of(const std::string& yaml) {
  ra::Result<ra::KeywordSet> r = ra::parse_keyword_set(yaml, "role.yaml");
  return r ? std::string("(loaded)") : r.error().message;
}

const std::string kHead = "format: 1\nid: role\nname: Role\ncategories:\n  - id: langs\n    name: Languages\n    keywords:\n";
const std::string kSrc = "sources: [{guide: g, quote: q}]";

}  // namespace

TEST_CASE("a valid role file loads with categories, keywords and sources", "[keywords]") {
  ra::Result<ra::KeywordSet> r = ra::parse_keyword_set(
      kHead + "      - {name: Python, weight: 3, aliases: [python3], " + kSrc + "}\n" +
          "      - {name: R, weight: 2, case_sensitive: true, context: langs, " + kSrc + "}\n",
      "role.yaml");
  REQUIRE(r.ok());
  CHECK(r->id == "role");
  REQUIRE(r->categories.size() == 1);
  CHECK(r->categories[0].keywords == std::vector<std::size_t>{0, 1});
  CHECK(r->keywords[0].aliases == std::vector<std::string>{"python3"});
  CHECK(r->keywords[0].sources[0].guide == "g");
  CHECK(r->keywords[1].case_sensitive);
  CHECK(r->keywords[1].context == "langs");
  CHECK(r->keywords[1].line == 9);
}

TEST_CASE("role file errors name the file and line", "[keywords]") {
  CHECK(error_of("format: 2\nid: role\n") ==
        "role.yaml:1: unsupported keyword-file format 2 (this build reads format 1)");
  CHECK(error_of("id: role\n") == "role.yaml:1: keyword file lacks required key 'format'");
  CHECK(error_of("format: 1\nid: other\nname: X\ncategories: []\n") ==
        "role.yaml:2: id 'other' does not match the file name 'role.yaml'");
  CHECK(error_of(kHead + "      - {name: Python, weight: 4, " + kSrc + "}\n") ==
        "role.yaml:8: weight of 'Python' must be 1, 2 or 3");
  CHECK(error_of(kHead + "      - {name: Python, " + kSrc + "}\n") ==
        "role.yaml:8: keyword 'Python' lacks required key 'weight'");
  CHECK(error_of(kHead + "      - {name: Python, weight: 1}\n") ==
        "role.yaml:8: keyword 'Python' lacks required key 'sources'");
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, colour: red, " + kSrc + "}\n") ==
        "role.yaml:8: unknown key 'colour' in keyword (expected one of: name, weight, aliases, "
        "exact_aliases, case_sensitive, context, inflect, patterns, sources)");
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, " + kSrc + "}\n" +
                 "      - {name: python, weight: 1, " + kSrc + "}\n") ==
        "role.yaml:9: 'python' is already used on line 8");
  CHECK(error_of(kHead + "      - {name: scikit-learn, weight: 1, " + kSrc + "}\n" +
                 "      - {name: Sklearn, aliases: [scikit learn], weight: 1, " + kSrc + "}\n") ==
        "role.yaml:9: 'scikit learn' is already used on line 8");
  CHECK(error_of(kHead + "      - {name: '++', weight: 1, " + kSrc + "}\n") ==
        "role.yaml:8: '++' contains no letters or digits to match");
  CHECK(error_of(kHead + "      - {name: X, weight: 1, patterns: ['a(b'], " + kSrc + "}\n") ==
        "role.yaml:8: pattern 'a(b' does not compile: missing ): a(b");
  CHECK(error_of(kHead + "      - {name: X, weight: 1, context: nowhere, " + kSrc + "}\n") ==
        "role.yaml:8: context 'nowhere' of 'X' is not a category of this file");
  CHECK(error_of(kHead + "      - {name: X, weight: 1, inflect: maybe, " + kSrc + "}\n") ==
        "role.yaml:8: inflect must be true or false");
  CHECK(error_of("format: 1\nid: role\nname: R\nsources: [a.txt]\ncategories:\n  - id: c\n    name: C\n"
                 "    keywords:\n      - {name: X, weight: 1, sources: [{guide: b.txt, quote: q}]}\n") ==
        "role.yaml:9: guide 'b.txt' is not listed in the file's sources");
  CHECK(error_of("format: 1\nid: role\nname: [unclosed\n") ==
        "role.yaml:4: did not find expected ',' or ']' while parsing a flow sequence");
  CHECK(error_of("- a list\n") == "role.yaml:1: a keyword file must be a YAML mapping");
}

TEST_CASE("a missing keyword file is an error naming it", "[keywords]") {
  ra::Result<ra::KeywordSet> r = ra::load_keyword_set("/no/such/role.yaml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == "cannot read keyword file /no/such/role.yaml");
}

TEST_CASE("roles are found by id on the search path, first folder first", "[keywords]") {
  const std::vector<ra::RoleFile> roles = ra::find_roles({RA_TEST_SOURCE_KEYWORD_DIR});
  REQUIRE_FALSE(roles.empty());
  CHECK(std::is_sorted(roles.begin(), roles.end(),
                       [](const ra::RoleFile& a, const ra::RoleFile& b) { return a.id < b.id; }));
  CHECK(std::any_of(roles.begin(), roles.end(), [](const ra::RoleFile& r) { return r.id == "ml-engineer"; }));
  ra::Result<ra::KeywordSet> r = ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR});
  REQUIRE(r.ok());
  ra::Result<ra::KeywordSet> unknown = ra::load_role("astronaut", {RA_TEST_SOURCE_KEYWORD_DIR});
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.error().message.rfind("unknown role 'astronaut' (known roles: ", 0) == 0);
}

// Every bundled keyword, weight, competency, level and education rule must
// trace back to a verbatim passage of a guide.
// The guides live beside the repository (../shared/guides); where they are
// absent (a user's checkout) the check says so and passes.
TEST_CASE("every bundled role quotes its guides verbatim", "[keywords][guides]") {
  const fs::path guides = RA_TEST_GUIDES_DIR;
  if (!fs::is_directory(guides)) {
    WARN("guides not found at " << guides << ": traceability not checked");
    return;
  }
  for (const ra::RoleFile& role : ra::find_roles({RA_TEST_SOURCE_KEYWORD_DIR})) {
    ra::Result<ra::KeywordSet> set = ra::load_keyword_set(role.file);
    REQUIRE(set.ok());
    for (const std::string& g : set->sources) CHECK(fs::exists(guides / g));
    auto check = [&](const std::string& what, const std::vector<ra::SourceRef>& sources) {
      for (const ra::SourceRef& s : sources) {
        INFO(role.id << ": " << what << " (line " << s.line << ") quotes " << s.guide << ": " << s.quote);
        CHECK(fs::exists(guides / s.guide));
        if (fs::exists(guides / s.guide)) {
          CHECK(ra::test::read_file((guides / s.guide).string()).find(s.quote) != std::string::npos);
        }
      }
    };
    for (const ra::Keyword& kw : set->keywords) {
      CHECK_FALSE(kw.sources.empty());
      check("keyword " + kw.name, kw.sources);
    }
    for (const ra::CompetencyTable& t : set->competencies) {
      check("table " + t.id, t.sources);
      for (const ra::CompetencyRow& row : t.rows) check("row " + row.name, row.sources);
    }
    for (const ra::ExperienceLevel& l : set->experience_levels) check("level " + l.level, l.sources);
    check("education", set->education.sources);
  }
}

namespace {
ra::Result<ra::KeywordSet> test_role(const std::string& id) {
  return ra::load_keyword_set(fs::path(RA_TEST_DATA_DIR) / "roles" / (id + ".yaml"));
}
}  // namespace

TEST_CASE("a role file carries competency tables, experience levels and education", "[keywords]") {
  ra::Result<ra::KeywordSet> base = test_role("base");
  REQUIRE(base.ok());
  REQUIRE(base->competencies.size() == 1);
  const ra::CompetencyTable& t = base->competencies[0];
  CHECK(t.id == "skills");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.rows[0].level == "High");
  CHECK(t.rows[0].needs == 1);
  CHECK(t.rows[1].needs == 2);  // default with several evidence items
  CHECK(t.rows[1].evidence == std::vector<std::string>{"Docker", "deploy models", "monitor models"});
  REQUIRE(base->experience_levels.size() == 3);
  CHECK(base->experience_levels[2].level == "senior");
  CHECK(base->experience_levels[2].min_years == 8);
  CHECK(base->education.minimum == ra::Degree::kBachelor);
  CHECK(base->education.preferred == ra::Degree::kMaster);
  CHECK(base->education.fields == std::vector<std::string>{"computer science", "statistics"});
}

TEST_CASE("a role extends another: adds, re-weights, appends, replaces", "[keywords]") {
  ra::Result<ra::KeywordSet> child = test_role("child");
  REQUIRE(child.ok());
  CHECK(child->id == "child");
  CHECK(child->extends == std::vector<std::string>{"base"});
  CHECK(child->sources == std::vector<std::string>{"g.txt", "h.txt"});
  REQUIRE(child->categories.size() == 3);
  CHECK(child->categories[1].id == "ops");
  CHECK(child->categories[1].name == "Operations");  // inherited name kept
  CHECK(child->categories[1].keywords.size() == 2);  // Docker + Kubernetes
  const ra::Keyword& docker = child->keywords[static_cast<std::size_t>(child->find_keyword("Docker"))];
  CHECK(docker.weight == 3);
  CHECK(docker.sources.size() == 2);
  CHECK(child->competencies.size() == 2);
  CHECK(child->experience_levels.size() == 3);  // inherited
  CHECK(child->education.minimum == ra::Degree::kMaster);  // replaced

  ra::Result<ra::KeywordSet> grand = test_role("grandchild");
  REQUIRE(grand.ok());
  CHECK(grand->extends == std::vector<std::string>{"child", "base"});
  CHECK(grand->keywords.size() == 6);
}

TEST_CASE("inheritance errors name the file and line", "[keywords]") {
  const std::string dir = std::string(RA_TEST_DATA_DIR) + "/roles/";
  ra::Result<ra::KeywordSet> r = test_role("cycle-a");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == dir + "cycle-b.yaml:3: 'extends: cycle-a' makes a cycle");
  r = test_role("orphan");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == dir + "orphan.yaml:3: role 'nobody' to extend is not in " + dir.substr(0, dir.size() - 1));
  r = test_role("dup-inherited");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().message == dir + "dup-inherited.yaml:8: 'python' is already used on keyword 'Python' of role 'base'");
}

TEST_CASE("a parent role read before is read again when its files change", "[keywords]") {
  // Parents are parsed once per process and reused while their files and
  // their ancestors' files hold the same bytes: edits must still show.
  const fs::path dir = fs::temp_directory_path() / ("ra-parent-cache-" + std::to_string(std::time(nullptr)) + "-" +
                                                    std::to_string(reinterpret_cast<std::uintptr_t>(&dir)));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& yaml) {
    std::ofstream(dir / name, std::ios::binary) << yaml;
  };
  const auto role = [&](const std::string& id, const std::string& extends, const std::string& keyword) {
    return "format: 1\nid: " + id + "\nname: " + id + "\n" + (extends.empty() ? "" : "extends: " + extends + "\n") +
           "categories:\n  - id: " + id + "\n    name: C\n    keywords:\n      - {name: " + keyword +
           ", weight: 1, " + kSrc + "}\n";
  };
  const auto keywords = [&](const std::string& id) {
    ra::Result<ra::KeywordSet> set = ra::load_keyword_set(dir / (id + ".yaml"));
    INFO((set ? std::string() : set.error().message));
    REQUIRE(set.ok());
    std::vector<std::string> names;
    for (const ra::Keyword& k : set->keywords) names.push_back(k.name);
    return names;
  };
  write("top.yaml", role("top", "", "Python"));
  write("mid.yaml", role("mid", "top", "Docker"));
  write("leaf.yaml", role("leaf", "mid", "Spark"));
  CHECK(keywords("leaf") == std::vector<std::string>{"Python", "Docker", "Spark"});
  CHECK(keywords("leaf") == std::vector<std::string>{"Python", "Docker", "Spark"});  // parents reused
  write("mid.yaml", role("mid", "top", "Kubernetes"));                                // the parent changes
  CHECK(keywords("leaf") == std::vector<std::string>{"Python", "Kubernetes", "Spark"});
  write("top.yaml", role("top", "", "SQL"));  // a grandparent changes: the parent's entry is stale
  CHECK(keywords("leaf") == std::vector<std::string>{"SQL", "Kubernetes", "Spark"});

  // A role whose own id is among a reused parent's ancestors is a cycle,
  // reported as a fresh parse would.
  write("a.yaml", role("a", "", "Go"));
  write("b.yaml", role("b", "a", "Rust"));
  write("c.yaml", role("c", "b", "Java"));
  CHECK(keywords("c") == std::vector<std::string>{"Go", "Rust", "Java"});  // b and a are now kept
  const ra::Result<ra::KeywordSet> cycle = ra::parse_keyword_set(role("a", "b", "Scala"), (dir / "a.yaml").string());
  REQUIRE_FALSE(cycle.ok());
  CHECK(cycle.error().message == (dir / "b.yaml").string() + ":4: 'extends: a' makes a cycle");
  fs::remove_all(dir);
}

TEST_CASE("competency and level errors", "[keywords]") {
  const std::string head = kHead + "      - {name: Python, weight: 1, " + kSrc + "}\n";
  CHECK(error_of(head + "competencies:\n  - {id: t, name: T, sources: [{guide: g, quote: q}], rows: "
                        "[{name: X, evidence: [a, b], needs: 3}]}\n") ==
        "role.yaml:10: needs of 'X' must be between 1 and its number of evidence items");
  CHECK(error_of(head + "competencies:\n  - {id: t, name: T, rows: [{name: X, evidence: [a]}]}\n") ==
        "role.yaml:10: competency table 't' lacks required key 'sources'");
  CHECK(error_of(head + "experience_levels:\n  - {level: a, min_years: 4, " + kSrc + "}\n"
                        "  - {level: b, min_years: 2, " + kSrc + "}\n") ==
        "role.yaml:11: experience levels must be in ascending order of min_years");
  CHECK(error_of(head + "education: {minimum: diploma, " + kSrc + "}\n") ==
        "role.yaml:9: degree 'diploma' must be one of: bachelor, master, phd");
  CHECK(error_of(head + "weights:\n  - {keyword: Rust, weight: 2, " + kSrc + "}\n") ==
        "role.yaml:10: weights: no keyword 'Rust' to re-weight");
}

TEST_CASE("role files: YAML as libyaml reads it, with keys once and aliases bounded", "[keywords]") {
  const std::string kw = "      - {name: Python, weight: 1, " + kSrc + "}\n";
  // A key given twice would silently lose one of its values.
  CHECK(error_of("format: 1\nid: role\nid: other\n") ==
        "role.yaml:3: key 'id' appears twice in one mapping (lines 2 and 3)");
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, weight: 2, " + kSrc + "}\n") ==
        "role.yaml:8: key 'weight' appears twice in one mapping (lines 8 and 8)");
  CHECK(error_of("format: 1\n[a, b]: 1\n") == "role.yaml:2: a mapping key must be a string");
  CHECK(error_of(kHead + kw + "---\nformat: 1\n") ==
        "role.yaml:9: a second YAML document starts here; a file holds one");
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, sources: *s}\n") ==
        "role.yaml:8: alias '*s' names no anchor before it");
  CHECK(error_of("format: &a [1, *a]\n") == "role.yaml:1: alias '*a' is inside the node it names");
  // Anchors and aliases share a list; the values are what the alias names.
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, sources: &s [{guide: g, quote: q}]}\n" +
                 "      - {name: Rust, weight: 2, sources: *s}\n") == "(loaded)");
  // Ten levels of ten aliases would be 10^10 nodes written out: refused
  // before they are walked.
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    const std::string prev = "*a" + std::to_string(i - 1);
    bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) bomb += (j ? ", " : "") + prev;
    bomb += "]\n";
  }
  CHECK(error_of(bomb) == "role.yaml:6: the aliases make more than 1000000 nodes");
  // Scalars: whole numbers are decimal; booleans as YAML 1.1 spells them.
  CHECK(error_of(kHead + "      - {name: Python, weight: 0x2, " + kSrc + "}\n") ==
        "role.yaml:8: weight of 'Python' must be 1, 2 or 3");
  CHECK(error_of(kHead + "      - {name: Python, weight: 2.0, " + kSrc + "}\n") ==
        "role.yaml:8: weight of 'Python' must be 1, 2 or 3");
  CHECK(error_of(kHead + "      - {name: Python, weight: +2, inflect: Yes, case_sensitive: off, " + kSrc + "}\n") ==
        "(loaded)");
  CHECK(error_of(kHead + "      - {name: Python, weight: \"3\", inflect: 1, " + kSrc + "}\n") ==
        "role.yaml:8: inflect must be true or false");
  // A plain null is no string; a quoted one is.
  CHECK(error_of(kHead + "      - {name: ~, weight: 1, " + kSrc + "}\n") == "role.yaml:8: keyword name must be a string");
  CHECK(error_of(kHead + "      - {name: \"null\", weight: 1, " + kSrc + "}\n") == "(loaded)");
  CHECK(error_of("") == "role.yaml:1: a keyword file must be a YAML mapping");
}

// Found by fuzz_keywords (fuzz/regressions/fuzz_keywords-multiline-yaml-error):
// yaml-cpp quoted the raw line feed in its message and broke the one-line rule.
// libyaml refuses the bytes themselves, and says where.
TEST_CASE("fuzz_keywords-multiline-yaml-error", "[keywords][regression]") {
  const std::string message = error_of(std::string("\xff\x00\n", 3));
  CHECK(message == "role.yaml:1: invalid leading UTF-8 octet at byte 1");
  CHECK(error_of(std::string("format: 1\nid: \"\x01\"\n")) ==
        "role.yaml:2: control characters are not allowed at byte 16");
  CHECK(error_of("format: 1\nid: \"a\\qb\"\n") ==
        "role.yaml:2: found unknown escape character while parsing a quoted scalar");
}

// Found by fuzz_keywords (fuzz/regressions/fuzz_keywords-newline-in-unknown-key):
// an unknown key with a line break in it was quoted as written.
TEST_CASE("fuzz_keywords-newline-in-unknown-key", "[keywords][regression]") {
  const std::string message = error_of("format: 1\n\"a\\nb\": 1\n");
  CHECK(message.rfind("role.yaml:2: unknown key 'a?b' in keyword file", 0) == 0);
  CHECK(message.find('\n') == std::string::npos);
  CHECK(error_of("format: 1\n\"a\\rb\": 1\n").find('\r') == std::string::npos);
}

namespace {

/// CPU seconds `f` takes (process CPU time: less sensitive than wall time to
/// other work on a shared machine).
template <typename F>
double cpu_seconds(F&& f) {
  const std::clock_t start = std::clock();
  f();
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

/// A role file with `n` keywords (kw0 ... kw<n-1>) and a `weights:` entry
/// for each of them, in reverse order.
std::string reweighted_role(int n) {
  std::string yaml = kHead;
  for (int i = 0; i < n; ++i) yaml += "      - {name: a keyword with a long name of many words " + std::to_string(i) + ", weight: 1, " + kSrc + "}\n";
  yaml += "weights:\n";
  for (int i = n - 1; i >= 0; --i) yaml += "  - {keyword: A Keyword With a Long Name of Many Words " + std::to_string(i) + ", weight: 2, " + kSrc + "}\n";
  return yaml;
}

}  // namespace

// Found while measuring why fuzz_keywords was slow (docs/fuzzing.md): each
// `weights:` entry normalised and tokenised the name of every keyword to find
// its own, so a hostile role file of 4,000 keywords and 4,000 weights (530 KB)
// took 11 s to load and twice that took four times as long. The entries are
// now looked up in an index: four times the entries take about four times the
// time (a quadratic loader took 14 times).
TEST_CASE("a role file with thousands of weights entries loads in linear time", "[keywords][slow-path]") {
  const std::string small = reweighted_role(500);
  const std::string large = reweighted_role(2000);
  ra::Result<ra::KeywordSet> r = ra::parse_keyword_set(large, "role.yaml");
  REQUIRE(r.ok());
  REQUIRE(r->keywords.size() == 2000);
  CHECK(r->keywords[0].weight == 2);
  CHECK(r->keywords[1999].weight == 2);
  CHECK(r->keywords[1999].sources.size() == 2);

  double t_small = 1e9, t_large = 1e9;  // best of three, against noise
  for (int run = 0; run < 3; ++run) {
    t_small = std::min(t_small, cpu_seconds([&] { (void)ra::parse_keyword_set(small, "role.yaml"); }));
    t_large = std::min(t_large, cpu_seconds([&] { (void)ra::parse_keyword_set(large, "role.yaml"); }));
  }
  INFO("500 keywords and weights: " << t_small << " s CPU; 2,000: " << t_large << " s CPU");
  CHECK(t_large < 8 * std::max(t_small, 0.005));
}

// KeywordSet::find_keyword runs once per competency evidence item when a role
// is compiled (Role::compile) and per job-posting keyword; it used to
// normalise and tokenise every keyword's name on each call (9 million
// term keys for 3,000 evidence items over 3,000 keywords: seconds).
TEST_CASE("find_keyword matches spellings and does not tokenise every name per call", "[keywords][slow-path]") {
  ra::KeywordSet set;
  for (const char* name : {"scikit-learn", "C++", "C#", ".NET", "Node.js", "Straße", "Machine learning", "R", "fine-tuning"}) {
    ra::Keyword kw;
    kw.name = name;
    set.keywords.push_back(kw);
  }
  CHECK(set.find_keyword("Scikit Learn") == 0);
  CHECK(set.find_keyword("scikit/learn") == 0);
  CHECK(set.find_keyword("scikitlearn") == -1);
  CHECK(set.find_keyword("c++") == 1);
  CHECK(set.find_keyword("C") == -1);
  CHECK(set.find_keyword("c#") == 2);
  CHECK(set.find_keyword(".net") == 3);
  CHECK(set.find_keyword("NET") == -1);
  CHECK(set.find_keyword("node JS") == 4);
  CHECK(set.find_keyword("STRASSE") == 5);   // case folding of a non-ASCII name
  CHECK(set.find_keyword("strasse") == 5);
  CHECK(set.find_keyword("machine-learning") == 6);
  CHECK(set.find_keyword("\xef\xac\x81ne tuning") == 8);  // "ﬁne": NFKC makes it "fine"
  CHECK(set.find_keyword("r") == 7);

  ra::KeywordSet big;
  const int n = 3000;
  for (int i = 0; i < n; ++i) {
    ra::Keyword kw;
    kw.name = "data pipeline " + std::to_string(i);
    big.keywords.push_back(kw);
  }
  std::ptrdiff_t sum = 0;
  const double t = cpu_seconds([&] {
    for (int i = 0; i < n; ++i) sum += big.find_keyword("Data-Pipeline " + std::to_string(i));
  });
  CHECK(sum == static_cast<std::ptrdiff_t>(n) * (n - 1) / 2);
  // The yardstick, in the same build: normalising and tokenising each name
  // once. Tokenising every name per look-up costs about n = 3,000 times that;
  // comparing letters and digits first, a small fraction of it.
  double t_once = 1e9;
  for (int run = 0; run < 3; ++run) {
    t_once = std::min(t_once, cpu_seconds([&] {
                        for (const ra::Keyword& kw : big.keywords) (void)ra::tokenize(ra::normalize_text(kw.name));
                      }));
  }
  INFO("3,000 look-ups in 3,000 keywords: " << t << " s CPU; tokenising the 3,000 names once: " << t_once);
  CHECK(t < 1000 * std::max(t_once, 0.0002));
}

// Found by fuzz_keywords (fuzz/regressions/fuzz_keywords-invalid-utf8-name)
// once the harness got past the `id` check: a name (any string of a role)
// holding bytes that are not UTF-8 loaded, and writing the report as JSON
// then threw ("invalid UTF-8 byte"); text and HTML output carried the bytes.
// yaml-cpp passed such bytes through; libyaml refuses the file at the first.
TEST_CASE("fuzz_keywords-invalid-utf8-name", "[keywords][regression]") {
  // libyaml names the first byte that breaks UTF-8 (from 1): the bad lead
  // byte, or the byte after a lead that should have continued it.
  const std::size_t at = kHead.size() + 1;  // the first byte of line 8
  CHECK(error_of(kHead + "      - {name: \"Py\xffthon\", weight: 1, " + kSrc + "}\n") ==
        "role.yaml:8: invalid leading UTF-8 octet at byte " + std::to_string(at + 18));
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, aliases: [\"py\xc3\"], " + kSrc + "}\n") ==
        "role.yaml:8: invalid trailing UTF-8 octet at byte " + std::to_string(at + 48));
  CHECK(error_of(kHead + "      - {name: Python, weight: 1, sources: [{guide: g, quote: \"\xe2\x80\"}]}\n") ==
        "role.yaml:8: invalid trailing UTF-8 octet at byte " + std::to_string(at + 65));
  CHECK(error_of(kHead + "      - {name: \"Pyth\xc3\xb6n\", weight: 1, " + kSrc + "}\n") == "(loaded)");
}
