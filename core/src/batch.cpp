#include "resume_analyser/batch.hpp"

#include "resume_analyser/html_report.hpp"

#include "resume_analyser/text_codec.hpp"

#include "yaml_tree.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace ra {
namespace fs = std::filesystem;

namespace {

constexpr std::size_t kTopMissing = 10;  // missing keywords named per failure

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

bool hidden_name(const fs::path& p) {
  const std::string name = p.filename().string();
  return !name.empty() && name[0] == '.';
}

std::vector<std::string> top_missing(const Report& r, std::size_t n) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < r.missing.size() && i < n; ++i) names.push_back(r.set->keywords[r.missing[i]].name);
  return names;
}

std::string joined(const std::vector<std::string>& items, const char* sep = ", ") {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : sep) + s;
  return out;
}

/// "score 12.8 is below 60; missing: R, TensorFlow, ..." for a failure.
std::string failure_text(const FileResult& r) {
  std::string text = joined(r.reasons, "; ");
  const std::vector<std::string> missing = top_missing(*r.report, kTopMissing);
  if (!missing.empty()) text += "; missing: " + joined(missing);
  return text;
}

}  // namespace

InputPaths::InputPaths(std::vector<std::string> paths, std::istream& list) : paths_(std::move(paths)), list_(list) {}

void InputPaths::enter(const std::string& folder) {
  // Sorted as the whole paths would sort: a folder's name as if followed by
  // its '/', so "b-x" (a file) comes before the files of folder "b".
  std::vector<std::pair<std::string, std::pair<std::string, bool>>> keyed;  // key, (path, is a folder)
  std::error_code ec;
  fs::directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (hidden_name(it->path())) continue;
    std::error_code type_ec;
    const bool is_folder = it->is_directory(type_ec) && !it->is_symlink(type_ec);
    if (!is_folder && !it->is_regular_file(type_ec)) continue;
    std::string name = it->path().filename().string();
    if (is_folder) name += '/';
    keyed.push_back({std::move(name), {it->path().string(), is_folder}});
  }
  std::sort(keyed.begin(), keyed.end());
  Folder f;
  f.entries.reserve(keyed.size());
  for (auto& k : keyed) f.entries.push_back(std::move(k.second));
  folders_.push_back(std::move(f));
}

std::optional<std::string> InputPaths::next() {
  for (;;) {
    while (!folders_.empty()) {
      Folder& f = folders_.back();
      if (f.at == f.entries.size()) {
        folders_.pop_back();
        continue;
      }
      auto [path, is_folder] = std::move(f.entries[f.at++]);
      if (!is_folder) return path;
      enter(path);  // may reallocate folders_: `f` is not used after this
    }
    if (in_list_) {
      for (std::string line; std::getline(list_, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) return line;
      }
      in_list_ = false;
    }
    if (arg_ == paths_.size()) return std::nullopt;
    const std::string& p = paths_[arg_++];
    if (p == "-") {
      in_list_ = true;
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(p, ec)) return p;
    enter(p);
  }
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::istream& list) {
  std::vector<std::string> files;
  InputPaths inputs(paths, list);
  while (std::optional<std::string> p = inputs.next()) files.push_back(std::move(*p));
  return files;
}

Result<BatchConfig> load_batch_config(const std::string& file) {
  const std::optional<std::string> text = yaml::read_file(file);
  if (!text) return Error{"cannot read config file " + file};
  BatchConfig c;
  const auto fail = [&](const yaml::Node& n, const std::string& message) {
    return Error{yaml::located(file, yaml::ParseError{n.line(), message})};
  };
  const auto string = [](const yaml::Node& n, std::optional<std::string>& out) {
    if (!n.is_scalar()) return false;
    out = n.scalar();
    return true;
  };
  try {
    const yaml::Document doc(*text);
    const yaml::Node root = doc.root();
    if (!root.is_map()) return Error{file + ":1: the config must be a YAML mapping"};
    const fs::path base = fs::path(file).parent_path();
    for (std::size_t i = 0; i < root.size(); ++i) {
      const std::string& key = root.key(i).scalar();
      const yaml::Node v = root.value(i);
      if (key == "role") {
        if (!string(v, c.role)) return fail(v, "role must be a string");
      } else if (key == "min_score") {
        double score = 0;
        if (!v.to_double(score)) return fail(v, "min_score must be a number");
        c.min_score = score;
      } else if (key == "min_category") {
        if (!v.is_map()) return fail(v, "min_category must map category ids to minimum scores");
        for (std::size_t m = 0; m < v.size(); ++m) {
          double score = 0;
          if (!v.value(m).to_double(score)) {
            return fail(v.value(m), "min_category '" + v.key(m).scalar() + "' must be a number");
          }
          c.min_category.emplace_back(v.key(m).scalar(), score);
        }
      } else if (key == "paths") {
        if (!v.is_seq()) return fail(v, "paths must be a list");
        for (const yaml::Node& p : v) {
          if (!p.is_scalar()) return fail(p, "each of paths must be a string");
          const fs::path path = p.scalar();
          c.paths.push_back(path.is_relative() && !base.empty() ? (base / path).string() : path.string());
        }
      } else if (key == "format") {
        if (!string(v, c.format)) return fail(v, "format must be a string");
      } else if (key == "jobs") {
        int jobs = 0;
        if (!v.to_int(jobs) || jobs < 1) return fail(v, "jobs must be a whole number, 1 or more");
        c.jobs = static_cast<unsigned>(jobs);
      } else if (key == "as_of") {
        if (!string(v, c.as_of)) return fail(v, "as_of must be a string");
      } else {
        return fail(root.key(i), "unknown key '" + key +
                                     "' (expected one of: role, min_score, min_category, paths, format, jobs, as_of)");
      }
    }
  } catch (const yaml::ParseError& e) {
    return Error{yaml::located(file, e)};
  }
  return c;
}

const char* outcome_name(Outcome o) noexcept {
  switch (o) {
    case Outcome::kPass: return "pass";
    case Outcome::kFail: return "fail";
    case Outcome::kError: return "error";
  }
  return "error";
}

std::string check_thresholds(const Thresholds& t, const KeywordSet& set) {
  for (const auto& [id, min] : t.min_category) {
    const bool known = std::any_of(set.categories.begin(), set.categories.end(),
                                   [&id = id](const Category& c) { return c.id == id; });
    if (!known) {
      std::string ids;
      for (const Category& c : set.categories) ids += (ids.empty() ? "" : ", ") + c.id;
      return "role '" + set.id + "' has no category '" + id + "' (categories: " + ids + ")";
    }
  }
  return "";
}

FileResult judge(std::string file, Result<Report> report, const Thresholds& t) {
  FileResult r;
  r.file = std::move(file);
  if (!report) {
    r.error = report.error().message;
    return r;
  }
  r.report = std::move(report).value();
  const Report& rep = *r.report;
  if (rep.score < t.min_score) {
    r.reasons.push_back("score " + fixed1(rep.score) + " is below " + fixed1(t.min_score));
  }
  for (const auto& [id, min] : t.min_category) {
    for (const CategoryScore& c : rep.categories) {
      if (rep.set->categories[c.category].id == id && c.score < min) {
        r.reasons.push_back(id + " " + fixed1(c.score) + " is below " + fixed1(min));
      }
    }
  }
  r.outcome = r.reasons.empty() ? Outcome::kPass : Outcome::kFail;
  return r;
}

void BatchSummary::add(const FileResult& r) {
  switch (r.outcome) {
    case Outcome::kPass: ++passed; break;
    case Outcome::kFail: ++failed; break;
    case Outcome::kError: ++errors; break;
  }
  if (r.report) score_sum += r.report->score;
}

std::string BatchSummary::line() const {
  const std::size_t total = passed + failed + errors;
  const std::size_t read = passed + failed;
  std::string s = std::to_string(total) + (total == 1 ? " file: " : " files: ") + std::to_string(passed) +
                  " passed, " + std::to_string(failed) + " failed, " + std::to_string(errors) +
                  (errors == 1 ? " error" : " errors");
  if (read > 0) s += "; mean score " + fixed1(round1(score_sum / static_cast<double>(read)));
  return s;
}

int BatchSummary::exit_code() const { return errors > 0 ? 2 : failed > 0 ? 1 : 0; }

// ---- printers ----

namespace {

class TextPrinter final : public BatchPrinter {
 public:
  explicit TextPrinter(std::ostream& out) : out_(out) {}
  void begin(const KeywordSet&, const Thresholds&) override {}
  void add(const FileResult& r) override {
    switch (r.outcome) {
      case Outcome::kPass: out_ << "PASS   " << pad(fixed1(r.report->score)) << "  " << r.file << '\n'; break;
      case Outcome::kFail:
        out_ << "FAIL   " << pad(fixed1(r.report->score)) << "  " << r.file << "  (" << failure_text(r) << ")\n";
        break;
      case Outcome::kError: out_ << "ERROR         " << r.error << '\n'; break;
    }
    out_.flush();
  }
  void finish(const BatchSummary&) override {}

 private:
  static std::string pad(std::string s) { return std::string(5 - std::min<std::size_t>(5, s.size()), ' ') + s; }
  std::ostream& out_;
};

/// One JSON Lines record, written directly: nlohmann::json builds a tree of
/// allocations per record, which cost a batch more than matching the
/// keywords. The output is what nlohmann's dump() gives (compact, numbers as
/// shortest round-trip with ".0" on whole numbers), except that invalid
/// UTF-8 (a file name is bytes) becomes U+FFFD instead of an exception.
class JsonLine {
 public:
  JsonLine() {
    out_.reserve(4096);  // a record is about 2 kB: built without regrowing
    out_ += '{';
  }

  JsonLine& key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    string(k);
    out_ += ':';
    return *this;
  }
  /// A nested object whose members `fill(*this)` writes with key()/value().
  template <class Fill>
  JsonLine& object(Fill fill) {
    out_ += '{';
    first_ = true;
    fill(*this);
    out_ += '}';
    first_ = false;
    return *this;
  }
  JsonLine& value(std::string_view s) { return string(s); }
  JsonLine& value(const char* s) { return string(s); }
  JsonLine& value(double v) {
    if (!std::isfinite(v)) {
      out_ += "null";
      return *this;
    }
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    const std::string_view number(buf, static_cast<std::size_t>(end - buf));
    out_ += number;
    if (number.find_first_of(".e") == std::string_view::npos) out_ += ".0";
    return *this;
  }
  /// An array of the strings `name(item)`.
  template <class Range, class Name>
  JsonLine& array(const Range& items, Name name) {
    return list(items, [&](const auto& item) { string(name(item)); });
  }
  /// An array of strings already written as JSON (quoted, escaped): `json(item)`.
  template <class Range, class Json>
  JsonLine& array_of_json(const Range& items, Json json) {
    return list(items, [&](const auto& item) { out_ += json(item); });
  }
  /// `s` as a JSON string, quoted and escaped.
  static std::string quoted(std::string_view s) {
    JsonLine j;
    j.out_.clear();
    j.string(s);
    return std::move(j.out_);
  }
  /// The record, closed, with its newline.
  std::string finish() {
    out_ += "}\n";
    return std::move(out_);
  }

 private:
  template <class Range, class Write>
  JsonLine& list(const Range& items, Write write) {
    out_ += '[';
    bool first = true;
    for (const auto& item : items) {
      if (!first) out_ += ',';
      first = false;
      write(item);
    }
    out_ += ']';
    return *this;
  }

  /// Whether a byte goes into a JSON string as it is, needing neither an
  /// escape nor a UTF-8 check: printable ASCII but '"' and '\\'.
  static constexpr std::array<bool, 256> kPlain = [] {
    std::array<bool, 256> t{};
    for (int c = 0x20; c < 0x80; ++c) t[c] = c != '"' && c != '\\';
    return t;
  }();

  JsonLine& string(std::string_view s) {
    out_ += '"';
    if (std::all_of(s.begin(), s.end(), [](char c) { return kPlain[static_cast<unsigned char>(c)]; })) {
      out_ += s;  // most strings (names, ids): nothing to escape or repair
      out_ += '"';
      return *this;
    }
    std::string valid;
    if (codec::utf8_first_invalid(s) != codec::kNpos) {
      codec::append_utf8_repaired(valid, s);
      s = valid;
    }
    std::size_t plain = 0;  // start of the run of characters copied as they are
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (c != '"' && c != '\\' && static_cast<unsigned char>(c) >= 0x20) continue;
      out_.append(s.data() + plain, i - plain);
      plain = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out_ += buf;
        }
      }
    }
    out_.append(s.data() + plain, s.size() - plain);
    out_ += '"';
    return *this;
  }

  std::string out_;
  bool first_ = true;
};

class JsonLinesPrinter final : public BatchPrinter {
 public:
  explicit JsonLinesPrinter(std::ostream& out) : out_(out) {}
  void begin(const KeywordSet&, const Thresholds&) override {}
  void add(const FileResult& r) override {
    JsonLine j;
    j.key("file").value(r.file).key("status").value(outcome_name(r.outcome));
    if (!r.report) {
      j.key("error").value(r.error);
    } else {
      const Report& rep = *r.report;
      const KeywordSet& set = *rep.set;
      j.key("format").value(rep.format).key("role").value(set.id).key("score").value(rep.score);
      j.key("categories").object([&](JsonLine& o) {
        for (const CategoryScore& c : rep.categories) o.key(set.categories[c.category].id).value(c.score);
      });
      auto same = [](const std::string& s) -> const std::string& { return s; };
      const std::vector<std::string>& names = quoted_names(set);
      auto keyword_name = [&](std::size_t k) -> const std::string& { return names[k]; };
      j.key("reasons").array(r.reasons, same);
      j.key("missing").array_of_json(rep.missing, keyword_name);
      std::vector<std::size_t> listed;
      for (const KeywordHit& h : rep.matched) {
        if (h.listed_only) listed.push_back(h.keyword);
      }
      j.key("listed_only").array_of_json(listed, keyword_name);
      j.key("experience_years").value(rep.experience.found.years);
      j.key("level").value(rep.experience.level);
      j.key("highest_degree").value(degree_name(rep.education.found.highest));
      j.key("warnings").array(rep.flags.warnings, [](const Warning& w) -> std::string_view { return w.code; });
    }
    out_ << j.finish();
    out_.flush();
  }
  void finish(const BatchSummary&) override {}

 private:
  /// The keyword names of `set` as JSON strings, made once per set: a
  /// record lists a hundred of them. add() runs on one thread at a time.
  const std::vector<std::string>& quoted_names(const KeywordSet& set) {
    if (names_of_ != &set || quoted_names_.size() != set.keywords.size()) {
      quoted_names_.clear();
      for (const Keyword& k : set.keywords) quoted_names_.push_back(JsonLine::quoted(k.name));
      names_of_ = &set;
    }
    return quoted_names_;
  }

  std::ostream& out_;
  const KeywordSet* names_of_ = nullptr;
  std::vector<std::string> quoted_names_;
};

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

class CsvPrinter final : public BatchPrinter {
 public:
  explicit CsvPrinter(std::ostream& out) : out_(out) {}
  void begin(const KeywordSet& set, const Thresholds&) override {
    out_ << "file,status,score";
    for (const Category& c : set.categories) out_ << ',' << csv_field(c.id);
    out_ << ",experience_years,level,highest_degree,missing,reasons,error\n";
    categories_ = set.categories.size();
  }
  void add(const FileResult& r) override {
    out_ << csv_field(r.file) << ',' << outcome_name(r.outcome) << ',';
    if (r.report) {
      const Report& rep = *r.report;
      out_ << fixed1(rep.score);
      for (const CategoryScore& c : rep.categories) out_ << ',' << fixed1(c.score);
      out_ << ',' << fixed1(rep.experience.found.years) << ',' << csv_field(rep.experience.level) << ','
           << degree_name(rep.education.found.highest) << ','
           << csv_field(joined(top_missing(rep, kTopMissing), "; ")) << ',' << csv_field(joined(r.reasons, "; "))
           << ",\n";
    } else {
      out_ << std::string(categories_, ',') << ",,,,," << csv_field(r.error) << '\n';
    }
    out_.flush();
  }
  void finish(const BatchSummary&) override {}

 private:
  std::ostream& out_;
  std::size_t categories_ = 0;
};

std::string xml_escape(const std::string& raw) {
  std::string valid;  // a file name is bytes; XML must be UTF-8
  codec::append_utf8_repaired(valid, raw);
  const std::string& s = valid;
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // Control characters are not allowed in XML 1.0.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += ' ';
        } else {
          out += c;
        }
    }
  }
  return out;
}

/// JUnit XML wants the totals in the opening tags, so test cases wait in a
/// temporary file (not memory) until finish().
class JunitPrinter final : public BatchPrinter {
 public:
  explicit JunitPrinter(std::ostream& out) : out_(out), cases_(std::tmpfile()) {}
  ~JunitPrinter() override {
    if (cases_) std::fclose(cases_);
  }
  void begin(const KeywordSet& set, const Thresholds&) override { role_ = set.id; }
  void add(const FileResult& r) override {
    std::string tc = "    <testcase classname=\"resume-analyser." + xml_escape(role_) + "\" name=\"" +
                     xml_escape(r.file) + "\" time=\"0\"";
    switch (r.outcome) {
      case Outcome::kPass:
        tc += "/>\n";
        break;
      case Outcome::kFail:
        tc += ">\n      <failure type=\"threshold\" message=\"" + xml_escape(joined(r.reasons, "; ")) + "\">" +
              xml_escape("score " + fixed1(r.report->score) + ": " + failure_text(r)) +
              "</failure>\n    </testcase>\n";
        break;
      case Outcome::kError:
        tc += ">\n      <error type=\"unreadable\" message=\"" + xml_escape(r.error) + "\"/>\n    </testcase>\n";
        break;
    }
    if (cases_) std::fwrite(tc.data(), 1, tc.size(), cases_);
  }
  void finish(const BatchSummary& s) override {
    const std::string counts = "tests=\"" + std::to_string(s.passed + s.failed + s.errors) + "\" failures=\"" +
                               std::to_string(s.failed) + "\" errors=\"" + std::to_string(s.errors) + "\"";
    out_ << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"resume-analyser\" " << counts
         << ">\n  <testsuite name=\"resume-analyser " << xml_escape(role_) << "\" " << counts
         << " skipped=\"0\" time=\"0\">\n";
    if (cases_) {
      std::rewind(cases_);
      char buf[1 << 16];
      for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, cases_)) > 0;) out_.write(buf, static_cast<std::streamsize>(n));
    }
    out_ << "  </testsuite>\n</testsuites>\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  std::FILE* cases_;
  std::string role_;
};

/// GitHub Actions workflow commands: an annotation per failure and error.
class GithubPrinter final : public BatchPrinter {
 public:
  explicit GithubPrinter(std::ostream& out) : out_(out) {}
  void begin(const KeywordSet& set, const Thresholds&) override { role_ = set.name; }
  void add(const FileResult& r) override {
    switch (r.outcome) {
      case Outcome::kPass:
        out_ << "::notice file=" << property(r.file) << ",title=" << property("Résumé passes")
             << "::" << data("score " + fixed1(r.report->score) + " for " + role_) << '\n';
        break;
      case Outcome::kFail:
        out_ << "::error file=" << property(r.file) << ",title=" << property("Résumé below threshold")
             << "::" << data("score " + fixed1(r.report->score) + " for " + role_ + ": " + failure_text(r)) << '\n';
        break;
      case Outcome::kError:
        out_ << "::error file=" << property(r.file) << ",title=" << property("Unreadable résumé")
             << "::" << data(r.error) << '\n';
        break;
    }
    out_.flush();
  }
  void finish(const BatchSummary& s) override { out_ << "::notice title=resume-analyser::" << data(s.line()) << '\n'; }

 private:
  static std::string data(const std::string& s) {
    std::string out;
    for (char c : s) {
      if (c == '%') out += "%25";
      else if (c == '\r') out += "%0D";
      else if (c == '\n') out += "%0A";
      else out += c;
    }
    return out;
  }
  static std::string property(const std::string& s) {
    std::string out;
    for (char c : data(s)) {
      if (c == ':') out += "%3A";
      else if (c == ',') out += "%2C";
      else out += c;
    }
    return out;
  }
  std::ostream& out_;
  std::string role_;
};

}  // namespace

const std::vector<std::string>& BatchPrinter::formats() {
  static const std::vector<std::string> names{"text", "jsonl", "csv", "junit", "github", "html"};
  return names;
}

std::unique_ptr<BatchPrinter> BatchPrinter::create(const std::string& format, std::ostream& out) {
  if (format == "text") return std::make_unique<TextPrinter>(out);
  if (format == "jsonl") return std::make_unique<JsonLinesPrinter>(out);
  if (format == "csv") return std::make_unique<CsvPrinter>(out);
  if (format == "junit") return std::make_unique<JunitPrinter>(out);
  if (format == "github") return std::make_unique<GithubPrinter>(out);
  if (format == "html") return make_html_batch_printer(out);
  return nullptr;
}

}  // namespace ra
