// How well the matcher reads résumé text for the ml-engineer role, measured on
// labelled cases written for this project (tests/data/accuracy/cases.tsv; its
// header gives the format). Each case names one keyword and says whether a
// recruiter reads it as claimed in the text. A "yes" case found is a true
// positive, missed a false negative; a "no" case found is a false positive,
// not found a true negative. The run prints precision and recall, overall and
// per kind, lists every misclassified case, and fails below precision 0.99 or
// recall 0.97. Labels describe the reader, not today's matcher: when a case
// fails, fix the matcher or the role file, not the case.
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/matcher.hpp"
#include "resume_analyser/text.hpp"
#include "resume_analyser/text_codec.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr double kMinPrecision = 0.99;
constexpr double kMinRecall = 0.97;
constexpr std::size_t kMinCases = 150;

const std::string kCasesPath = std::string(RA_TEST_DATA_DIR) + "/accuracy/cases.tsv";
const std::string kCasesLabel = "tests/data/accuracy/cases.tsv";
const std::string kFormatLine = "# resume-analyser accuracy cases, format 1";

const std::array<std::string_view, 7> kKinds = {"match",  "alias",   "inflection", "trap",
                                                "context", "phrase", "unicode"};

/// The traps the issue lists; each must occur in the text of some "no" case.
/// An entry with an upper-case letter must occur exactly as written; an
/// all-lower-case entry in any case ("Began", "began").
const std::array<std::string_view, 19> kIssueTraps = {
    "R&D",     "R-squared", "R.",   "C-suite", "vitamin C", "scalable", "JavaScript",
    "HTML",    "XML",       "YAML", "said",    "maintain",  "laws",     "draws",
    "tools",   "America",   "began", "organization", "sparked"};

struct Case {
  int line = 0;
  std::string id;
  std::string kind;
  std::string keyword;  // canonical name in the role file
  bool expect = false;  // true: must be found; false: must not be
  std::string written;  // the text field as the file writes it (escapes kept)
  std::string text;     // the text with escapes resolved
};

struct CaseFile {
  std::vector<Case> cases;
  std::vector<std::string> errors;  // "FILE:LINE: reason", one per bad line
};

bool is_hex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// Resolves \n \t \\ and \u{HEX} in `field`; nullopt and `error` on a bad escape.
std::optional<std::string> unescape(std::string_view field, std::string& error) {
  std::string out;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\') {
      out.push_back(field[i]);
      continue;
    }
    const char e = i + 1 < field.size() ? field[i + 1] : '\0';
    if (e == 'n' || e == 't' || e == '\\') {
      out.push_back(e == 'n' ? '\n' : e == 't' ? '\t' : '\\');
      ++i;
      continue;
    }
    if (e == 'u' && i + 2 < field.size() && field[i + 2] == '{') {
      const std::size_t close = field.find('}', i + 3);
      const std::string_view hex =
          close == std::string_view::npos ? "" : field.substr(i + 3, close - i - 3);
      if (!hex.empty() && hex.size() <= 6 && std::all_of(hex.begin(), hex.end(), is_hex)) {
        const auto cp = static_cast<char32_t>(std::stoul(std::string(hex), nullptr, 16));
        if (cp != 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF)) {
          ra::codec::append_utf8(out, cp);
          i = close;
          continue;
        }
      }
      error = "bad \\u{...} escape in text (1 to 6 hex digits of a Unicode scalar value)";
      return std::nullopt;
    }
    error = "bad escape '\\" + std::string(e ? 1 : 0, e) +
            "' in text (use \\n, \\t, \\\\ or \\u{HEX})";
    return std::nullopt;
  }
  return out;
}

bool valid_id(std::string_view id) {
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
  });
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t start = 0;;) {
    const std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

/// Parses the cases file; every malformed line is reported with its number.
CaseFile parse_cases(std::string_view content, const std::string& label) {
  CaseFile file;
  std::vector<std::string_view> lines = split(content, '\n');
  if (!lines.empty() && lines.back().empty()) lines.pop_back();  // final newline
  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string_view line = lines[n];
    const int number = static_cast<int>(n) + 1;
    auto error = [&](const std::string& reason) {
      file.errors.push_back(label + ":" + std::to_string(number) + ": " + reason);
    };
    if (const std::size_t bad = ra::codec::utf8_first_invalid(line); bad != ra::codec::kNpos) {
      error("invalid UTF-8 at byte " + std::to_string(bad + 1) + " of the line");
      continue;
    }
    if (line.find('\r') != std::string_view::npos) {
      error("carriage return in line (the file uses LF line ends)");
      continue;
    }
    if (n == 0) {
      if (line != kFormatLine) error("first line must be '" + kFormatLine + "'");
      continue;
    }
    if (line.empty() || line.front() == '#') continue;

    const std::vector<std::string_view> f = split(line, '\t');
    if (f.size() != 5) {
      error("expected 5 tab-separated fields (id, kind, keyword, expect, text), found " +
            std::to_string(f.size()));
      continue;
    }
    Case c;
    c.line = number;
    c.id = std::string(f[0]);
    c.kind = std::string(f[1]);
    c.keyword = std::string(f[2]);
    c.written = std::string(f[4]);
    if (!valid_id(c.id)) {
      error("id '" + c.id + "' must be non-empty letters, digits and '-'");
      continue;
    }
    if (std::find(kKinds.begin(), kKinds.end(), c.kind) == kKinds.end()) {
      error("unknown kind '" + c.kind +
            "' (expected match, alias, inflection, trap, context, phrase or unicode)");
      continue;
    }
    if (c.keyword.empty() || c.keyword.front() == ' ' || c.keyword.back() == ' ') {
      error("keyword '" + c.keyword + "' is empty or has spaces around it");
      continue;
    }
    if (f[3] != "yes" && f[3] != "no") {
      error("expect must be 'yes' or 'no', not '" + std::string(f[3]) + "'");
      continue;
    }
    c.expect = f[3] == "yes";
    std::string reason;
    std::optional<std::string> text = unescape(f[4], reason);
    if (!text) {
      error(reason);
      continue;
    }
    if (text->empty()) {
      error("empty text");
      continue;
    }
    c.text = std::move(*text);
    file.cases.push_back(std::move(c));
  }
  return file;
}

const CaseFile& case_file() {
  static const CaseFile file = [] {
    std::ifstream in(kCasesPath, std::ios::binary);
    if (!in) FAIL("cannot read " << kCasesPath);
    std::ostringstream content;
    content << in.rdbuf();
    return parse_cases(content.str(), kCasesLabel);
  }();
  return file;
}

const ra::KeywordSet& role() {
  static const ra::KeywordSet set = [] {
    ra::Result<ra::KeywordSet> r = ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR});
    if (!r) FAIL(r.error().message);
    return std::move(r).value();
  }();
  return set;
}

/// Keyword index by canonical name.
std::map<std::string, std::size_t> keyword_index(const ra::KeywordSet& set) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < set.keywords.size(); ++i) index[set.keywords[i].name] = i;
  return index;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool contains_trap(const std::string& text, std::string_view trap) {
  const bool exact = std::any_of(trap.begin(), trap.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
  return exact ? text.find(trap) != std::string::npos
               : lower_ascii(text).find(trap) != std::string::npos;
}

/// Counts of one group of cases.
struct Tally {
  int tp = 0, fn = 0, fp = 0, tn = 0;
  void add(bool expect, bool found) { (expect ? (found ? tp : fn) : (found ? fp : tn))++; }
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }
};

std::string fixed(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  return buf;
}

std::string padded(std::string s, std::size_t width) {
  if (s.size() < width) s.insert(0, width - s.size(), ' ');
  return s;
}

}  // namespace

TEST_CASE("the cases loader names the line of every malformed case", "[accuracy]") {
  const std::string head = kFormatLine + "\n# comment\n\n";
  const CaseFile ok = parse_cases(
      head + "a-1\tunicode\tPython\tyes\tPy\\u{200B}thon\\nline two\\t\\\\\n", "f.tsv");
  CHECK(ok.errors.empty());
  REQUIRE(ok.cases.size() == 1);
  CHECK(ok.cases[0].line == 4);
  CHECK(ok.cases[0].expect);
  CHECK(ok.cases[0].text == "Py\u200Bthon\nline two\t\\");

  const CaseFile bad = parse_cases("# other header\n"
                                   "a\tmatch\tPython\tyes\n"
                                   "a b\tmatch\tPython\tyes\tx\n"
                                   "b\tguess\tPython\tyes\tx\n"
                                   "c\tmatch\tPython\tmaybe\tx\n"
                                   "d\tmatch\tPython\tno\tbad \\q\n"
                                   "e\tmatch\tPython\tno\t\\u{D800}\n"
                                   "f\tmatch\t Python\tno\tx\n"
                                   "g\tmatch\tPython\tno\t\xff\n"
                                   "h\tmatch\tPython\tno\tx\r\n",
                                   "f.tsv");
  CHECK(bad.cases.empty());
  CHECK(bad.errors == std::vector<std::string>{
                          "f.tsv:1: first line must be '" + kFormatLine + "'",
                          "f.tsv:2: expected 5 tab-separated fields (id, kind, keyword, expect, "
                          "text), found 4",
                          "f.tsv:3: id 'a b' must be non-empty letters, digits and '-'",
                          "f.tsv:4: unknown kind 'guess' (expected match, alias, inflection, "
                          "trap, context, phrase or unicode)",
                          "f.tsv:5: expect must be 'yes' or 'no', not 'maybe'",
                          "f.tsv:6: bad escape '\\q' in text (use \\n, \\t, \\\\ or "
                          "\\u{HEX})",
                          "f.tsv:7: bad \\u{...} escape in text (1 to 6 hex digits of a "
                          "Unicode scalar value)",
                          "f.tsv:8: keyword ' Python' is empty or has spaces around it",
                          "f.tsv:9: invalid UTF-8 at byte 19 of the line",
                          "f.tsv:10: carriage return in line (the file uses LF line ends)"});
}

TEST_CASE("the accuracy cases file is well-formed and names only the role's keywords",
          "[accuracy]") {
  const CaseFile& file = case_file();
  for (const std::string& e : file.errors) FAIL_CHECK(e);
  CHECK(file.cases.size() >= kMinCases);

  const std::map<std::string, std::size_t> index = keyword_index(role());
  std::map<std::string, int> first_line;
  for (const Case& c : file.cases) {
    const auto [it, fresh] = first_line.emplace(c.id, c.line);
    if (!fresh) {
      FAIL_CHECK(kCasesLabel << ":" << c.line << ": id '" << c.id << "' already used on line "
                             << it->second);
    }
    if (index.count(c.keyword) == 0) {
      FAIL_CHECK(kCasesLabel << ":" << c.line << ": '" << c.keyword
                             << "' is not a keyword of ml-engineer (use its canonical name)");
    }
  }
  for (std::string_view kind : kKinds) {
    const bool used = std::any_of(file.cases.begin(), file.cases.end(),
                                  [&](const Case& c) { return c.kind == kind; });
    if (!used) FAIL_CHECK("no case of kind '" << kind << "'");
  }
  for (std::string_view trap : kIssueTraps) {
    const bool covered = std::any_of(file.cases.begin(), file.cases.end(), [&](const Case& c) {
      return !c.expect && contains_trap(c.text, trap);
    });
    if (!covered) FAIL_CHECK("no 'no' case contains the trap '" << trap << "'");
  }
}

TEST_CASE("every keyword of the role has a case where it must be found", "[accuracy]") {
  const CaseFile& file = case_file();
  for (const ra::Keyword& kw : role().keywords) {
    const bool covered = std::any_of(file.cases.begin(), file.cases.end(), [&](const Case& c) {
      return c.expect && c.keyword == kw.name;
    });
    if (!covered) FAIL_CHECK("no 'yes' case for keyword '" << kw.name << "'");
  }
}

TEST_CASE("matcher precision and recall on the labelled cases", "[accuracy]") {
  const CaseFile& file = case_file();
  REQUIRE(file.errors.empty());
  REQUIRE(!file.cases.empty());
  const ra::KeywordSet& set = role();
  ra::Result<ra::Matcher> compiled = ra::Matcher::compile(set);
  if (!compiled) FAIL(compiled.error().message);
  const ra::Matcher& matcher = *compiled;
  const std::map<std::string, std::size_t> index = keyword_index(set);

  Tally all;
  std::map<std::string, Tally> by_kind;
  std::ostringstream wrong;
  int wrong_count = 0;
  for (const Case& c : file.cases) {
    const auto kw = index.find(c.keyword);
    if (kw == index.end()) {
      FAIL_CHECK(kCasesLabel << ":" << c.line << ": unknown keyword '" << c.keyword << "'");
      continue;
    }
    const std::string text = ra::normalize_text(c.text);
    const ra::Tokens tokens = ra::tokenize(text);
    ra::Result<std::vector<ra::Occurrence>> occ = matcher.find(text, tokens);
    if (!occ) FAIL(kCasesLabel << ":" << c.line << ": " << occ.error().message);
    const auto hit = std::find_if(occ->begin(), occ->end(), [&](const ra::Occurrence& o) {
      return o.keyword == kw->second;
    });
    const bool found = hit != occ->end();
    all.add(c.expect, found);
    by_kind[c.kind].add(c.expect, found);
    if (found == c.expect) continue;

    ++wrong_count;
    wrong << (c.expect ? "  FN " : "  FP ") << c.id << " (line " << c.line << ", " << c.kind
          << ") [" << c.keyword << "] \"" << c.written << "\"";
    if (found) {
      wrong << " -- matched \"" << text.substr(hit->begin, hit->end - hit->begin) << "\"";
    } else if (!occ->empty()) {
      wrong << " -- found instead:";
      for (const ra::Occurrence& o : *occ) {
        wrong << " " << set.keywords[o.keyword].name << " \""
              << text.substr(o.begin, o.end - o.begin) << "\";";
      }
    }
    wrong << "\n";
  }

  std::ostringstream report;
  report << "matcher accuracy on " << file.cases.size() << " cases (" << kCasesLabel << ")\n"
         << "  precision " << fixed(all.precision()) << " = " << all.tp << " / "
         << all.tp + all.fp << "   (minimum " << kMinPrecision << ")\n"
         << "  recall    " << fixed(all.recall()) << " = " << all.tp << " / " << all.tp + all.fn
         << "   (minimum " << kMinRecall << ")\n"
         << "  kind          yes   no   TP   FN   FP   TN\n";
  for (std::string_view kind : kKinds) {
    const Tally& t = by_kind[std::string(kind)];
    std::string name(kind);
    name.resize(12, ' ');
    report << "  " << name << padded(std::to_string(t.tp + t.fn), 5)
           << padded(std::to_string(t.fp + t.tn), 5) << padded(std::to_string(t.tp), 5)
           << padded(std::to_string(t.fn), 5) << padded(std::to_string(t.fp), 5)
           << padded(std::to_string(t.tn), 5) << "\n";
  }
  report << "  total       " << padded(std::to_string(all.tp + all.fn), 5)
         << padded(std::to_string(all.fp + all.tn), 5) << padded(std::to_string(all.tp), 5)
         << padded(std::to_string(all.fn), 5) << padded(std::to_string(all.fp), 5)
         << padded(std::to_string(all.tn), 5) << "\n"
         << "misclassified: " << wrong_count << "\n"
         << wrong.str();
  // The table goes to stdout unwrapped (Catch wraps messages at 80 columns);
  // the summary also goes through Catch so every reporter shows it.
  std::cout << report.str() << std::flush;
  WARN("accuracy: precision " << fixed(all.precision()) << ", recall " << fixed(all.recall())
                              << ", " << wrong_count << " of " << file.cases.size()
                              << " cases misclassified");

  CHECK(all.precision() >= kMinPrecision);
  CHECK(all.recall() >= kMinRecall);
}
