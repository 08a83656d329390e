#include "resume_analyser/profile.hpp"

#include "resume_analyser/matcher.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <ctime>
#include <stdexcept>

namespace ra {
namespace {

Keyword term(std::string name, std::vector<std::string> aliases, std::size_t category,
             bool case_sensitive = false) {
  Keyword k;
  k.name = std::move(name);
  k.aliases = std::move(aliases);
  k.category = category;
  k.case_sensitive = case_sensitive;
  return k;
}

void add(KeywordSet& set, Keyword k) {
  set.categories[k.category].keywords.push_back(set.keywords.size());
  set.keywords.push_back(std::move(k));
}

/// Degree spellings; the category index is the Degree.
KeywordSet degree_terms() {
  KeywordSet s;
  s.id = "degrees";
  s.categories = {{"none", "none", {}}, {"bachelor", "Bachelor", {}}, {"master", "Master", {}}, {"phd", "PhD", {}}};
  const auto b = static_cast<std::size_t>(Degree::kBachelor);
  const auto m = static_cast<std::size_t>(Degree::kMaster);
  const auto p = static_cast<std::size_t>(Degree::kPhd);
  add(s, term("bachelor's", {"bachelors", "bachelor", "bachelor's degree", "Bachelor of Science",
                             "Bachelor of Arts", "Bachelor of Engineering", "Bachelor of Technology",
                             "B.S.", "B.Sc.", "BSc", "B.A.", "B.Eng.", "BEng", "B.Tech.", "BTech", "A.B.",
                             "undergraduate degree"}, b));
  add(s, term("BS", {"BA"}, b, true));
  add(s, term("master's", {"masters", "master", "master's degree", "Master of Science", "Master of Arts",
                           "Master of Engineering", "Master of Business Administration", "M.S.", "M.Sc.",
                           "MSc", "M.A.", "M.Eng.", "MEng", "M.Tech.", "MTech", "MBA", "M.B.A.", "M.Phil."},
              m));
  add(s, term("MS", {"MA"}, m, true));
  add(s, term("Ph.D.", {"PhD", "Ph. D.", "doctorate", "doctoral degree", "Doctor of Philosophy", "D.Phil.",
                        "DPhil"}, p));
  return s;
}

KeywordSet field_terms(const std::vector<std::string>& fields) {
  KeywordSet s;
  s.id = "fields";
  s.categories = {{"fields", "fields", {}}};
  for (const std::string& f : fields) add(s, term(f, {}, 0));
  return s;
}

Matcher compile_or_throw(const KeywordSet& set) {
  Result<Matcher> m = Matcher::compile(set);
  if (!m) throw std::logic_error(m.error().message);  // built-in terms: a bug
  return std::move(m).value();
}

bool in_kind(const std::vector<Section>& sections, std::uint32_t line, SectionKind kind) {
  return section_of_line(sections, line).kind == kind;
}

bool has_kind(const std::vector<Section>& sections, SectionKind kind) {
  return std::any_of(sections.begin(), sections.end(), [&](const Section& s) { return s.kind == kind; });
}

}  // namespace

std::string YearMonth::text() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d", year, month);
  return buf;
}

YearMonth this_month() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return {tm.tm_year + 1900, tm.tm_mon + 1};
}

struct EducationDetector::Impl {
  KeywordSet degrees = degree_terms();
  KeywordSet fields;
  Matcher degree_matcher = compile_or_throw(degrees);
  std::unique_ptr<Matcher> field_matcher;
};

EducationDetector::EducationDetector(const std::vector<std::string>& fields) : impl_(new Impl) {
  impl_->fields = field_terms(fields);
  if (!fields.empty()) impl_->field_matcher = std::make_unique<Matcher>(compile_or_throw(impl_->fields));
}
EducationDetector::~EducationDetector() = default;
EducationDetector::EducationDetector(EducationDetector&&) noexcept = default;
EducationDetector& EducationDetector::operator=(EducationDetector&&) noexcept = default;

EducationFound EducationDetector::detect(std::string_view text, const Tokens& tokens,
                                         const std::vector<Section>& sections) const {
  EducationFound found;
  // The index of the first token on `line` or after it.
  auto first_token_of_line = [&](std::uint32_t line) {
    return static_cast<std::size_t>(std::lower_bound(tokens.begin(), tokens.end(), line,
                                                     [](const Token& t, std::uint32_t l) { return t.line < l; }) -
                                    tokens.begin());
  };
  // Degrees are read in the Education sections only, the matcher scanning
  // their tokens; without such a section, in the whole text.
  std::vector<std::pair<std::size_t, std::size_t>> ranges;  // [first, last) token ranges to read
  for (std::size_t s = 0; s < sections.size(); ++s) {
    if (sections[s].kind != SectionKind::kEducation) continue;
    ranges.emplace_back(first_token_of_line(sections[s].first_line),
                        s + 1 < sections.size() ? first_token_of_line(sections[s + 1].first_line) : tokens.size());
  }
  if (ranges.empty()) ranges.emplace_back(0, tokens.size());
  std::vector<Occurrence> degrees;
  for (const auto& [first, last] : ranges) {
    Result<std::vector<Occurrence>> in_range = impl_->degree_matcher.find(text, tokens, first, last);
    if (!in_range) return found;
    degrees.insert(degrees.end(), in_range->begin(), in_range->end());
  }
  std::vector<const Occurrence*> kept;
  for (const Occurrence& o : degrees) {
    DegreeMention d;
    d.degree = static_cast<Degree>(impl_->degrees.keywords[o.keyword].category);
    d.text = std::string(text.substr(o.begin, o.end - o.begin));
    // "M.S." is written with its final dot, which ends no token.
    if (o.end < text.size() && text[o.end] == '.' && d.text.find('.') != std::string::npos) d.text += '.';
    d.line = o.line;
    found.highest = std::max(found.highest, d.degree);
    found.degrees.push_back(std::move(d));
    kept.push_back(&o);
  }
  // A field belongs to the degree before it on its line ("BS Computer
  // Science; MS Statistics"), or to the first one when it comes first. Both
  // lists are in text order: one merge pass. Fields are looked for on the
  // lines of degrees only.
  std::vector<Occurrence> fields;
  for (std::size_t d = 0; impl_->field_matcher && d < kept.size(); ++d) {
    const std::uint32_t line = kept[d]->line;
    if (d > 0 && kept[d - 1]->line == line) continue;
    Result<std::vector<Occurrence>> f =
        impl_->field_matcher->find(text, tokens, first_token_of_line(line), first_token_of_line(line + 1));
    if (!f) {
      fields.clear();
      break;
    }
    fields.insert(fields.end(), f->begin(), f->end());
  }
  std::size_t first_on_line = 0, owner = 0;
  for (const Occurrence& f : fields) {
    while (first_on_line < kept.size() && kept[first_on_line]->line < f.line) ++first_on_line;
    if (first_on_line == kept.size() || kept[first_on_line]->line != f.line) continue;
    owner = std::max(owner, first_on_line);
    while (owner + 1 < kept.size() && kept[owner + 1]->line == f.line && kept[owner + 1]->begin <= f.begin) ++owner;
    std::vector<std::string>& names = found.degrees[owner].fields;
    const std::string& name = impl_->fields.keywords[f.keyword].name;
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  return found;
}

namespace {

constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                   "jul", "aug", "sep", "oct", "nov", "dec"};

/// The number the digits at the start of `s` spell (0 when none), as
/// std::atoi reads the digit-led ends of a DateRangeSpan.
int leading_number(std::string_view s) {
  int n = 0;
  for (std::size_t i = 0; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) n = n * 10 + (s[i] - '0');
  return n;
}

/// Parses one side of a range: "March 2023", "Mar. 2023", "03/2023", "2023-03", "2023".
bool parse_date(std::string_view s, YearMonth* out) {
  int year = 0, month = 1;
  if (s.size() >= 3 && std::isalpha(static_cast<unsigned char>(s[0]))) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const char head[3] = {lower(s[0]), lower(s[1]), lower(s[2])};
    const auto it = std::find_if(std::begin(kMonths), std::end(kMonths),
                                 [&](const char* m) { return std::string_view(head, 3) == m; });
    if (it == std::end(kMonths)) return false;
    month = static_cast<int>(it - std::begin(kMonths)) + 1;
    const std::size_t digits = s.find_first_of("0123456789");
    year = digits == std::string_view::npos ? 0 : leading_number(s.substr(digits));
  } else if (const std::size_t slash = s.find('/'); slash != std::string_view::npos) {
    month = leading_number(s);
    year = leading_number(s.substr(slash + 1));
  } else if (s.size() == 7 && s[4] == '-') {
    year = leading_number(s);
    month = leading_number(s.substr(5));
  } else {
    year = leading_number(s);
  }
  if (year < 1950 || year > 2100 || month < 1 || month > 12) return false;
  *out = {year, month};
  return true;
}

/// find_date_range()'s search, as a backtracking matcher would run its
/// expression: each part offers its possible ends in the expression's order
/// of preference (alternatives left to right, optional parts taken first),
/// each to the rest of the expression until one gets to the end.
class DateRangeSearch {
 public:
  explicit DateRangeSearch(std::string_view text) : s_(text) {}

  std::optional<DateRangeSpan> first() const {
    for (std::size_t at = 0; at < s_.size(); ++at) {
      if (!word(at) || (at > 0 && word(at - 1))) continue;  // \b, then a letter or digit
      std::optional<DateRangeSpan> found;
      dates(at, [&](std::size_t from_end) {
        const std::size_t sep = spaces(from_end);
        return separators(sep, [&](std::size_t sep_end) {
          const std::size_t to = spaces(sep_end);
          return dates_or_now(to, [&](std::size_t to_end) {
            if (word(to_end)) return false;  // the closing \b
            found = DateRangeSpan{s_.substr(at, to_end - at), s_.substr(at, from_end - at),
                                  s_.substr(to, to_end - to)};
            return true;
          });
        });
      });
      if (found) return found;
    }
    return std::nullopt;
  }

 private:
  static constexpr std::size_t kNo = std::string_view::npos;

  /// \w as RE2 reads it: ASCII letters, digits and '_'.
  bool word(std::size_t i) const {
    if (i >= s_.size()) return false;
    const char c = s_[i];
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }
  bool digit(std::size_t i) const { return i < s_.size() && s_[i] >= '0' && s_[i] <= '9'; }
  bool is(std::size_t i, char c) const { return i < s_.size() && s_[i] == c; }
  bool in(std::size_t i, char lo, char hi) const { return i < s_.size() && s_[i] >= lo && s_[i] <= hi; }
  /// The end of `lower` (lower-case ASCII) written at `i` in any case, or kNo.
  std::size_t literal(std::size_t i, std::string_view lower) const {
    if (i > s_.size() || s_.size() - i < lower.size()) return kNo;
    for (std::size_t k = 0; k < lower.size(); ++k) {
      char c = s_[i + k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      if (c != lower[k]) return kNo;
    }
    return i + lower.size();
  }
  /// " *" (greedy; what follows never starts with a space, so no fewer).
  std::size_t spaces(std::size_t i) const {
    while (is(i, ' ')) ++i;
    return i;
  }
  /// "\d{4}" at `i`: its end, or kNo.
  std::size_t year(std::size_t i) const {
    return digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3) ? i + 4 : kNo;
  }

  /// MONTH: each end in order of preference ("september", "sept", "sep").
  template <class F>
  bool months(std::size_t i, F&& f) const {
    // Each month: its spellings, longest (the optional part taken) first.
    static constexpr std::string_view kSpellings[][3] = {
        {"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
        {"may"},            {"june", "jun"},     {"july", "jul"},   {"august", "aug"},
        {"september", "sept", "sep"},           {"october", "oct"}, {"november", "nov"}, {"december", "dec"}};
    for (const auto& month : kSpellings) {
      for (const std::string_view spelling : month) {
        if (spelling.empty()) break;
        const std::size_t end = literal(i, spelling);
        if (end == kNo) continue;
        if (is(end, '.') && f(end + 1)) return true;  // "\.?" takes the dot first
        if (f(end)) return true;
      }
    }
    return false;
  }

  /// DATE: each end in order of preference.
  template <class F>
  bool dates(std::size_t i, F&& f) const {
    // MONTH +\d{4}
    if (months(i, [&](std::size_t month_end) {
          if (!is(month_end, ' ')) return false;
          const std::size_t end = year(spaces(month_end));
          return end != kNo && f(end);
        })) {
      return true;
    }
    // (?:0?[1-9]|1[0-2])/\d{4}
    const auto slash_year = [&](std::size_t month_end) {
      if (!is(month_end, '/')) return false;
      const std::size_t end = year(month_end + 1);
      return end != kNo && f(end);
    };
    if (is(i, '0') && in(i + 1, '1', '9') && slash_year(i + 2)) return true;
    if (in(i, '1', '9') && slash_year(i + 1)) return true;
    if (is(i, '1') && in(i + 1, '0', '2') && slash_year(i + 2)) return true;
    const std::size_t y = year(i);
    if (y == kNo) return false;
    // \d{4}-(?:0[1-9]|1[0-2])\b
    if (is(y, '-') && ((is(y + 1, '0') && in(y + 2, '1', '9')) || (is(y + 1, '1') && in(y + 2, '0', '2'))) &&
        !word(y + 3) && f(y + 3)) {
      return true;
    }
    // \d{4}
    return f(y);
  }

  /// DATE, then present|current|now|today|date.
  template <class F>
  bool dates_or_now(std::size_t i, F&& f) const {
    if (dates(i, f)) return true;
    for (const std::string_view now : {"present", "current", "now", "today", "date"}) {
      const std::size_t end = literal(i, now);
      if (end != kNo && f(end)) return true;
    }
    return false;
  }

  /// -|to|until|through|till
  template <class F>
  bool separators(std::size_t i, F&& f) const {
    for (const std::string_view separator : {"-", "to", "until", "through", "till"}) {
      const std::size_t end = literal(i, separator);
      if (end != kNo && f(end)) return true;
    }
    return false;
  }

  std::string_view s_;
};

/// Whether `s` holds four digits in a row, as every date of find_date_range() does:
/// a cheap test that spares most lines the search.
bool has_year(std::string_view s) {
  if (count_ascii_digits(s) < 4) return false;  // most lines
  int run = 0;
  for (char c : s) {
    run = c >= '0' && c <= '9' ? run + 1 : 0;
    if (run == 4) return true;
  }
  return false;
}

}  // namespace

std::optional<DateRangeSpan> find_date_range(std::string_view text) { return DateRangeSearch(text).first(); }

ExperienceFound estimate_experience(std::string_view text, const std::vector<Section>& sections,
                                    YearMonth as_of) {
  ExperienceFound found;
  const bool scoped = has_kind(sections, SectionKind::kExperience);
  std::uint32_t line = 0;
  for (std::size_t start = 0; start <= text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const bool wanted = scoped ? in_kind(sections, line, SectionKind::kExperience)
                               : !in_kind(sections, line, SectionKind::kEducation);
    std::string_view input = text.substr(start, end - start);
    std::optional<DateRangeSpan> range;
    while (wanted && has_year(input) && (range = find_date_range(input))) {
      input.remove_prefix(static_cast<std::size_t>(range->range.end() - input.begin()));  // what follows it
      DatedRole role;
      if (!parse_date(range->from, &role.start)) continue;
      if (!parse_date(range->to, &role.end)) {  // only "present" and its synonyms are not dates
        role.end = as_of;
        role.present = true;
      }
      if (role.end < role.start || as_of < role.start) continue;
      if (as_of < role.end) role.end = as_of;
      role.line = line;
      role.text = std::string(range->range);
      found.roles.push_back(std::move(role));
    }
    start = end + 1;
  }
  // Union of [start, end] month intervals.
  std::vector<std::pair<int, int>> spans;
  for (const DatedRole& r : found.roles) spans.emplace_back(r.start.index(), r.end.index());
  std::sort(spans.begin(), spans.end());
  int months = 0, cur_start = 0, cur_end = -2;
  for (const auto& [s, e] : spans) {
    if (s > cur_end + 1) {
      if (cur_end >= cur_start) months += cur_end - cur_start + 1;
      cur_start = s;
      cur_end = e;
    } else {
      cur_end = std::max(cur_end, e);
    }
  }
  if (cur_end >= cur_start) months += cur_end - cur_start + 1;
  found.months = months;
  found.years = std::round(months / 12.0 * 10.0) / 10.0;
  return found;
}

std::string experience_level(const std::vector<ExperienceLevel>& levels, double years) {
  std::string level;
  const double completed = std::floor(years);
  for (const ExperienceLevel& l : levels) {
    if (l.min_years <= completed) level = l.level;
  }
  return level;
}

}  // namespace ra
