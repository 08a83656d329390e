#include "resume_analyser/report.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <string>

namespace ra {
namespace {

using Json = nlohmann::ordered_json;

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const Keyword& kw(const ScoreReport& r, std::size_t k) { return r.set->keywords[k]; }
const Category& category_of(const ScoreReport& r, std::size_t k) {
  return r.set->categories[kw(r, k).category];
}

Json header(const ScoreReport& r) {
  return Json{{"schema_version", kReportSchemaVersion},
              {"file", r.file},
              {"format", r.format},
              {"role", r.set->id},
              {"role_name", r.set->name}};
}

Json missing_json(const ScoreReport& r) {
  Json missing = Json::array();
  for (std::size_t k : r.missing) {
    missing.push_back({{"keyword", kw(r, k).name},
                       {"category", category_of(r, k).id},
                       {"weight", kw(r, k).weight}});
  }
  return missing;
}

}  // namespace

void write_score_json(std::ostream& out, const ScoreReport& r) {
  Json j = header(r);
  j["score"] = r.score;
  Json categories = Json::array();
  for (const CategoryScore& c : r.categories) {
    const Category& cat = r.set->categories[c.category];
    categories.push_back({{"id", cat.id}, {"name", cat.name}, {"score", c.score},
                          {"matched", c.matched}, {"total", c.total}});
  }
  j["categories"] = std::move(categories);
  Json matched = Json::array();
  for (const KeywordHit& h : r.matched) {
    Json lines = Json::array();
    for (std::uint32_t l : h.lines) lines.push_back(l + 1);
    matched.push_back({{"keyword", kw(r, h.keyword).name},
                       {"category", category_of(r, h.keyword).id},
                       {"weight", kw(r, h.keyword).weight},
                       {"count", h.count},
                       {"lines", std::move(lines)}});
  }
  j["matched"] = std::move(matched);
  j["missing"] = missing_json(r);
  out << j.dump(2) << '\n';
}

void write_missing_json(std::ostream& out, const ScoreReport& r) {
  Json j = header(r);
  j["score"] = r.score;
  j["missing"] = missing_json(r);
  out << j.dump(2) << '\n';
}

void write_score_text(std::ostream& out, const ScoreReport& r) {
  out << r.file << ": " << fixed1(r.score) << "/100 for " << r.set->name << " (read as "
      << r.format << ")\n\n";
  std::size_t width = 8;
  for (const Category& c : r.set->categories) width = std::max(width, c.name.size());
  out << "Categories\n";
  for (const CategoryScore& c : r.categories) {
    const std::string& name = r.set->categories[c.category].name;
    out << "  " << name << std::string(width - name.size() + 2, ' ');
    const std::string s = fixed1(c.score);
    out << std::string(5 - std::min<std::size_t>(5, s.size()), ' ') << s << "  " << c.matched
        << "/" << c.total << '\n';
  }
  out << "\nFound (" << r.matched.size() << "):";
  std::size_t column = 100;  // forces the first item onto a new, indented line
  for (std::size_t i = 0; i < r.matched.size(); ++i) {
    std::string item = kw(r, r.matched[i].keyword).name;
    if (r.matched[i].count > 1) item += " x" + std::to_string(r.matched[i].count);
    if (i + 1 < r.matched.size()) item += ',';
    if (column + 1 + item.size() > 98) {
      out << "\n ";
      column = 1;
    }
    out << ' ' << item;
    column += 1 + item.size();
  }
  out << "\n\n";
  write_missing_text(out, r);
}

void write_missing_text(std::ostream& out, const ScoreReport& r) {
  if (r.missing.empty()) {
    out << "Missing: none\n";
    return;
  }
  out << "Missing (" << r.missing.size() << "), most important first:\n";
  for (std::size_t k : r.missing) {
    out << "  " << kw(r, k).name << "  (weight " << kw(r, k).weight << ", "
        << category_of(r, k).name << ")\n";
  }
}

}  // namespace ra
