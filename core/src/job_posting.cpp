#include "resume_analyser/job_posting.hpp"

#include "resume_analyser/matcher.hpp"
#include "resume_analyser/text.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>

namespace ra {
namespace {

enum class Emphasis { kRequired, kNeutral, kPreferred };

/// Lines of `text`.
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= text.size();) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// Whether `line` is a posting heading, and what it says about the lines below.
bool heading(std::string_view line, Emphasis* emphasis) {
  const Tokens tokens = tokenize(line);
  if (tokens.empty() || tokens.size() > 6) return false;
  const std::string_view rest = line.substr(tokens.back().end);
  if (rest.find_first_not_of(" \t:") != std::string_view::npos) return false;
  const std::string l = lower(line);
  auto has = [&](const char* w) { return l.find(w) != std::string::npos; };
  if (has("nice to have") || has("preferred") || has("bonus") || has("plus") || has("desirable")) {
    *emphasis = Emphasis::kPreferred;
    return true;
  }
  if (has("requirement") || has("qualification") || has("must have") || has("required") ||
      has("what you need") || has("what you'll need") || has("what you bring") || has("you have")) {
    *emphasis = Emphasis::kRequired;
    return true;
  }
  if (has("responsibilit") || has("what you'll do") || has("what you will do") || has("about") ||
      has("the role") || has("benefits") || has("who we are") || has("overview") || has("description")) {
    *emphasis = Emphasis::kNeutral;
    return true;
  }
  return false;
}

/// "Data Analyst, Marketing (remote)" -> "Data Analyst": the title before any
/// qualifier in parentheses or after a comma, dash or bar.
std::string bare_title(std::string_view title) {
  std::size_t cut = title.size();
  for (const char* sep : {"(", ",", " - ", " | "}) cut = std::min(cut, title.find(sep));
  title = title.substr(0, cut);
  const std::size_t e = title.find_last_not_of(" \t");
  return std::string(title.substr(0, e == std::string_view::npos ? 0 : e + 1));
}

/// "Job title: X", or a short first line that is no heading.
std::string find_title(const std::vector<std::string_view>& lines) {
  for (std::string_view line : lines) {
    const std::string l = lower(line);
    for (const char* label : {"job title:", "title:", "position:", "role:"}) {
      if (l.rfind(label, 0) == 0) {
        std::string_view rest = line.substr(std::string_view(label).size());
        const std::size_t b = rest.find_first_not_of(" \t");
        if (b != std::string_view::npos) return bare_title(rest.substr(b));
      }
    }
  }
  for (std::string_view line : lines) {
    const Tokens tokens = tokenize(line);
    if (tokens.empty()) continue;
    Emphasis ignored;
    if (tokens.size() > 8 || heading(line, &ignored)) return "";
    const std::size_t b = line.find_first_not_of(" \t#*");
    const std::size_t e = line.find_last_not_of(" \t:*");
    return bare_title(line.substr(b, e + 1 - b));
  }
  return "";
}

bool looks_like_technology(std::string_view word) {
  static const std::set<std::string> common{
      "about", "us", "we", "our", "you", "the", "and", "or", "for", "with", "role", "job", "team", "new",
      "remote", "full", "time", "eeo", "usa", "uk", "eu", "hr", "pto", "cv", "faq", "ceo", "cto", "llc",
      "inc", "ltd", "fte", "n/a", "tbd", "asap", "etc", "ie", "eg", "am", "pm", "est", "pst", "utc",
      "i", "a", "an", "is", "it", "at", "to", "in", "of", "on", "be", "as", "by", "no", "or", "if"};
  bool lower_seen = false, inner_upper = false, digit = false, letter = false, all_upper = true, symbol = false;
  for (std::size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (std::isdigit(c)) digit = true;
    if (std::isalpha(c)) letter = true;
    if (std::islower(c)) {
      lower_seen = true;
      all_upper = false;
    }
    if (std::isupper(c) && i > 0 && lower_seen) inner_upper = true;
    if (c == '+' || c == '#' || c == '.') symbol = true;
  }
  if (!letter || common.count(lower(word))) return false;
  if (inner_upper || (digit && word.size() >= 2) || symbol) return true;
  return all_upper && word.size() >= 2 && word.size() <= 6;
}

}  // namespace

Result<JobPosting> read_job_posting(const Document& posting, const std::vector<KeywordSet>& roles) {
  // The union of every role's keywords, first spelling wins.
  KeywordSet all;
  all.id = "all-roles";
  for (const KeywordSet& role : roles) {
    for (const Keyword& kw : role.keywords) {
      if (all.find_keyword(kw.name) >= 0) continue;
      const std::string& cat_id = role.categories[kw.category].id;
      auto cat = std::find_if(all.categories.begin(), all.categories.end(),
                              [&](const Category& c) { return c.id == cat_id; });
      if (cat == all.categories.end()) {
        all.categories.push_back({cat_id, role.categories[kw.category].name, {}});
        cat = all.categories.end() - 1;
      }
      Keyword copy = kw;
      copy.category = static_cast<std::size_t>(cat - all.categories.begin());
      cat->keywords.push_back(all.keywords.size());
      all.keywords.push_back(std::move(copy));
    }
    for (const std::string& p : role.stop_phrases) {
      if (std::find(all.stop_phrases.begin(), all.stop_phrases.end(), p) == all.stop_phrases.end()) {
        all.stop_phrases.push_back(p);
      }
    }
  }
  Result<Matcher> matcher = Matcher::compile(all);
  if (!matcher) return matcher.error();
  const Tokens tokens = tokenize(posting.text);
  Result<std::vector<Occurrence>> found = matcher->find(posting.text, tokens);
  if (!found) return found.error();

  // Emphasis of each line from the headings above it.
  const std::vector<std::string_view> lines = lines_of(posting.text);
  std::vector<Emphasis> emphasis(lines.size(), Emphasis::kNeutral);
  Emphasis current = Emphasis::kNeutral;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Emphasis e;
    if (heading(lines[i], &e)) current = e;
    emphasis[i] = current;
  }

  JobPosting job;
  job.title = find_title(lines);
  KeywordSet& p = job.role;
  p.id = "job-posting";
  p.name = "Job posting: " + (job.title.empty() ? posting.name : job.title);
  p.description = "Keywords of " + posting.name;
  p.categories = {{"hard-skills", "Hard skills", {}},
                  {"soft-skills", "Soft skills", {}},
                  {"education", "Education", {}},
                  {"job-title", "Job title", {}}};
  p.stop_phrases = all.stop_phrases;

  struct Seen {
    int count = 0;
    int base = 0;
  };
  std::map<std::size_t, Seen> seen;  // keyword of `all` -> weight inputs, in first-appearance order below
  std::vector<std::size_t> order;
  for (const Occurrence& o : *found) {
    const int base = emphasis[o.line] == Emphasis::kRequired ? 3 : emphasis[o.line] == Emphasis::kPreferred ? 1 : 2;
    auto [it, fresh] = seen.emplace(o.keyword, Seen{});
    if (fresh) order.push_back(o.keyword);
    ++it->second.count;
    it->second.base = std::max(it->second.base, base);
  }
  if (order.empty()) return Error{posting.name + ": the posting names no keyword of any role"};
  for (std::size_t k : order) {
    Keyword kw = all.keywords[k];
    const std::string& cat = all.categories[kw.category].id;
    const std::size_t part = cat == "soft-skills" ? 1 : cat == "education" ? 2 : 0;
    const Seen& s = seen[k];
    kw.weight = s.base + (s.count >= 4 ? 2 : s.count >= 2 ? 1 : 0);
    kw.category = part;
    if (!kw.context.empty()) kw.context = p.categories[part].id;
    p.categories[part].keywords.push_back(p.keywords.size());
    p.keywords.push_back(std::move(kw));
  }
  if (!job.title.empty() && p.find_keyword(job.title) < 0) {
    Keyword title;
    title.name = job.title;
    title.weight = 3;
    title.category = 3;
    // "Senior Machine Learning Engineer" also matches "Machine Learning Engineer".
    const Tokens words = tokenize(job.title);
    static const std::set<std::string> seniority{"senior", "sr", "junior", "jr", "lead", "staff", "principal", "head"};
    if (words.size() > 1 && seniority.count(std::string(words.front().folded))) {
      title.aliases.push_back(job.title.substr(words[1].begin));
    }
    p.categories[3].keywords.push_back(p.keywords.size());
    p.keywords.push_back(std::move(title));
  }
  // Drop empty parts so they do not show as 0/0.
  std::vector<Category> kept;
  std::vector<std::size_t> remap(p.categories.size());
  for (std::size_t c = 0; c < p.categories.size(); ++c) {
    remap[c] = kept.size();
    if (!p.categories[c].keywords.empty()) kept.push_back(p.categories[c]);
  }
  for (Keyword& kw : p.keywords) kw.category = remap[kw.category];
  p.categories = std::move(kept);

  // Technology-looking words no role knows.
  std::vector<bool> covered(tokens.size(), false);
  for (const Occurrence& o : *found) {
    for (std::uint32_t t = o.first_token; t < o.end_token; ++t) covered[t] = true;
  }
  std::map<std::string, UnknownTerm> unknown;
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t j = i + 1;  // a term: tokens glued by '.', '-', '+' joiners ("Next.js", "GPT-4")
    while (j < tokens.size() && tokens[j].gap == Gap::kJoiner && tokens[j].joiner != '/' &&
           tokens[j].joiner != '&' && tokens[j].joiner != '\'') {
      ++j;
    }
    bool any_covered = false;
    for (std::size_t t = i; t < j; ++t) any_covered = any_covered || covered[t];
    Emphasis ignored;
    const std::string_view text = std::string_view(posting.text).substr(tokens[i].begin, tokens[j - 1].end - tokens[i].begin);
    const bool number_first = std::all_of(tokens[i].folded.begin(), tokens[i].folded.end(),
                                          [](char c) { return c >= '0' && c <= '9'; });
    if (!any_covered && !number_first && !heading(lines[tokens[i].line], &ignored) &&
        looks_like_technology(text)) {
      UnknownTerm& u = unknown[std::string(text)];
      if (u.count++ == 0) {
        u.text = std::string(text);
        u.first_line = tokens[i].line;
      }
    }
    i = j;
  }
  for (auto& [text, u] : unknown) job.unknown.push_back(std::move(u));
  std::sort(job.unknown.begin(), job.unknown.end(), [](const UnknownTerm& a, const UnknownTerm& b) {
    return a.count != b.count ? a.count > b.count : a.first_line < b.first_line;
  });
  return job;
}

}  // namespace ra
