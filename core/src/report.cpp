#include "resume_analyser/report.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string>

namespace ra {
namespace {

using Json = nlohmann::ordered_json;

/// Pretty JSON; invalid UTF-8 (a file name is bytes) becomes U+FFFD rather
/// than an exception.
std::string dump(const Json& j) { return j.dump(2, ' ', false, Json::error_handler_t::replace); }

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

const Keyword& kw(const Report& r, std::size_t k) { return r.set->keywords[k]; }
const Category& category_of(const Report& r, std::size_t k) {
  return r.set->categories[kw(r, k).category];
}

Json header(const Report& r) {
  return Json{{"schema_version", kReportSchemaVersion},
              {"file", r.file},
              {"format", r.format},
              {"role", r.set->id},
              {"role_name", r.set->name},
              {"as_of", r.as_of.text()}};
}

Json location_json(const Location& l) {
  return Json{{"text", l.text}, {"line", l.line + 1}, {"section", section_name(l.section)},
              {"zone", zone_name(l.zone)}};
}

Json missing_json(const Report& r) {
  Json missing = Json::array();
  for (std::size_t k : r.missing) {
    missing.push_back({{"keyword", kw(r, k).name}, {"category", category_of(r, k).id},
                       {"weight", kw(r, k).weight}});
  }
  return missing;
}

Json competencies_json(const Report& r) {
  Json tables = Json::array();
  for (std::size_t t = 0; t < r.set->competencies.size(); ++t) {
    const CompetencyTable& table = r.set->competencies[t];
    Json rows = Json::array();
    int tally[3] = {0, 0, 0};
    for (const RowResult& rr : r.competencies) {
      if (rr.table != t) continue;
      const CompetencyRow& row = table.rows[rr.row];
      ++tally[static_cast<int>(rr.verdict)];
      Json found = Json::array();
      std::vector<bool> seen(row.evidence.size(), false);
      for (const EvidenceFound& e : rr.found) {
        seen[e.item] = true;
        Json item = location_json(e.where);
        item["evidence"] = row.evidence[e.item];
        found.push_back(std::move(item));
      }
      Json lacking = Json::array();
      for (std::size_t i = 0; i < row.evidence.size(); ++i) {
        if (!seen[i]) lacking.push_back(row.evidence[i]);
      }
      rows.push_back({{"name", row.name}, {"level", row.level}, {"verdict", verdict_name(rr.verdict)},
                      {"needs", row.needs}, {"evidence", std::move(found)}, {"lacking", std::move(lacking)}});
    }
    tables.push_back({{"id", table.id}, {"name", table.name}, {"met", tally[0]}, {"partly_met", tally[1]},
                      {"not_met", tally[2]}, {"rows", std::move(rows)}});
  }
  return tables;
}

Json education_json(const Report& r) {
  Json degrees = Json::array();
  for (const DegreeMention& d : r.education.found.degrees) {
    degrees.push_back({{"degree", degree_name(d.degree)}, {"text", d.text}, {"line", d.line + 1},
                       {"fields", d.fields}});
  }
  return Json{{"highest", degree_name(r.education.found.highest)},
              {"minimum", degree_name(r.set->education.minimum)},
              {"preferred", degree_name(r.set->education.preferred)},
              {"meets_minimum", r.education.meets_minimum},
              {"meets_preferred", r.education.meets_preferred},
              {"field_matches", r.education.field_matches},
              {"degrees", std::move(degrees)}};
}

Json experience_json(const Report& r) {
  Json roles = Json::array();
  for (const DatedRole& d : r.experience.found.roles) {
    roles.push_back({{"text", d.text}, {"start", d.start.text()}, {"end", d.end.text()},
                     {"present", d.present}, {"line", d.line + 1}});
  }
  return Json{{"years", r.experience.found.years}, {"months", r.experience.found.months},
              {"level", r.experience.level}, {"roles", std::move(roles)}};
}

Json flags_json(const Report& r) {
  Json hidden = Json::array();
  for (std::size_t k : r.flags.hidden_keywords) hidden.push_back(kw(r, k).name);
  Json stuffed = Json::array();
  for (const StuffedKeyword& s : r.flags.stuffed) {
    stuffed.push_back({{"keyword", kw(r, s.keyword).name}, {"count", s.count},
                       {"density", std::round(s.density * 10000.0) / 10000.0}});
  }
  Json warnings = Json::array();
  for (const Warning& w : r.flags.warnings) warnings.push_back({{"code", w.code}, {"message", w.message}});
  return Json{{"hidden_words", r.flags.hidden_words}, {"hidden_keywords", std::move(hidden)},
              {"stuffed", std::move(stuffed)}, {"warnings", std::move(warnings)}};
}

Json job_json(const JobInfo& job) {
  Json unknown = Json::array();
  for (const UnknownTerm& u : job.unknown) {
    unknown.push_back({{"term", u.text}, {"count", u.count}, {"line", u.first_line + 1}});
  }
  return Json{{"file", job.file}, {"title", job.title}, {"unknown_terms", std::move(unknown)}};
}

}  // namespace

void write_score_json(std::ostream& out, const Report& r) {
  Json j = header(r);
  j["score"] = r.score;
  j["words"] = r.words;
  Json categories = Json::array();
  for (const CategoryScore& c : r.categories) {
    const Category& cat = r.set->categories[c.category];
    categories.push_back({{"id", cat.id}, {"name", cat.name}, {"score", c.score},
                          {"matched", c.matched}, {"total", c.total}});
  }
  j["categories"] = std::move(categories);
  Json matched = Json::array();
  for (const KeywordHit& h : r.matched) {
    Json places = Json::array();
    for (const Location& l : h.places) places.push_back(location_json(l));
    matched.push_back({{"keyword", kw(r, h.keyword).name}, {"category", category_of(r, h.keyword).id},
                       {"weight", kw(r, h.keyword).weight}, {"count", h.count},
                       {"listed_only", h.listed_only}, {"places", std::move(places)}});
  }
  j["matched"] = std::move(matched);
  j["missing"] = missing_json(r);
  Json sections = Json::array();
  for (const Section& s : r.sections) {
    if (s.kind == SectionKind::kTop) continue;
    sections.push_back({{"kind", section_name(s.kind)}, {"heading", s.heading}, {"line", s.first_line + 1}});
  }
  j["sections"] = std::move(sections);
  j["competencies"] = competencies_json(r);
  j["education"] = education_json(r);
  j["experience"] = experience_json(r);
  j["flags"] = flags_json(r);
  if (r.job) j["job"] = job_json(*r.job);
  out << dump(j) << '\n';
}

void write_missing_json(std::ostream& out, const Report& r) {
  Json j = header(r);
  j["score"] = r.score;
  j["missing"] = missing_json(r);
  if (r.job) j["job"] = job_json(*r.job);
  out << dump(j) << '\n';
}

namespace {

/// Writes `items` after `title`, wrapped at 98 columns with a two-space indent.
void wrapped_list(std::ostream& out, const std::string& title, const std::vector<std::string>& items) {
  out << title;
  std::size_t column = 100;  // forces the first item onto a new, indented line
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string item = items[i] + (i + 1 < items.size() ? "," : "");
    if (column + 1 + item.size() > 98) {
      out << "\n ";
      column = 1;
    }
    out << ' ' << item;
    column += 1 + item.size();
  }
  out << '\n';
}

std::string where(const Location& l) {
  return "line " + std::to_string(l.line + 1) + ", " + section_name(l.section);
}

}  // namespace

void write_score_text(std::ostream& out, const Report& r, const TextStyle& style) {
  // Colour never carries meaning alone: the numbers are always printed.
  auto paint = [&](double score, const std::string& text) {
    if (!style.color) return text;
    const char* code = score >= 70 ? "\033[1;32m" : score >= 40 ? "\033[1;33m" : "\033[1;31m";
    return code + text + "\033[0m";
  };
  auto bar = [&](double score) {
    if (!style.color) return std::string();
    const int full = static_cast<int>(score / 5.0 + 0.5);  // 20 cells
    std::string b = "  ";
    for (int i = 0; i < 20; ++i) b += i < full ? "\u2588" : "\u2591";
    return paint(score, b);
  };
  out << r.file << ": " << paint(r.score, fixed1(r.score) + "/100") << " for " << r.set->name << " (read as "
      << r.format << ")\n\n";
  std::size_t width = 8;
  for (const Category& c : r.set->categories) width = std::max(width, c.name.size());
  out << "Categories\n";
  for (const CategoryScore& c : r.categories) {
    const std::string& name = r.set->categories[c.category].name;
    const std::string s = fixed1(c.score);
    out << "  " << name << std::string(width - name.size() + 2, ' ')
        << std::string(5 - std::min<std::size_t>(5, s.size()), ' ') << paint(c.score, s) << "  "
        << c.matched << "/" << c.total << bar(c.score) << '\n';
  }

  std::vector<std::string> found, listed;
  for (const KeywordHit& h : r.matched) {
    found.push_back(kw(r, h.keyword).name + (h.count > 1 ? " x" + std::to_string(h.count) : ""));
    if (h.listed_only) listed.push_back(kw(r, h.keyword).name);
  }
  out << '\n';
  wrapped_list(out, "Found (" + std::to_string(r.matched.size()) + "):", found);
  if (!listed.empty()) {
    wrapped_list(out, "Listed under Skills but not shown in Experience or Projects (" +
                          std::to_string(listed.size()) + "):", listed);
  }
  out << '\n';
  write_missing_text(out, r);

  if (!r.set->competencies.empty()) {
    out << "\nCompetencies\n";
    for (std::size_t t = 0; t < r.set->competencies.size(); ++t) {
      const CompetencyTable& table = r.set->competencies[t];
      out << "  " << table.name << '\n';
      for (const RowResult& rr : r.competencies) {
        if (rr.table != t) continue;
        const CompetencyRow& row = table.rows[rr.row];
        std::string label = std::string("[") + verdict_name(rr.verdict) + "]";
        label.resize(std::max<std::size_t>(label.size(), 12), ' ');
        out << "    " << label << ' ' << row.name;
        if (!row.level.empty()) out << " (" << row.level << ")";
        for (std::size_t i = 0; i < rr.found.size(); ++i) {
          const EvidenceFound& e = rr.found[i];
          out << (i ? "; " : ": ") << e.where.text << " (" << where(e.where) << ")";
        }
        out << '\n';
      }
    }
  }

  out << "\nEducation: ";
  const EducationFound& ed = r.education.found;
  if (ed.degrees.empty()) {
    out << "no degree found";
  } else {
    out << degree_name(ed.highest) << " (";
    for (std::size_t i = 0; i < ed.degrees.size(); ++i) {
      const DegreeMention& d = ed.degrees[i];
      out << (i ? "; " : "") << d.text << ", line " << d.line + 1;
      for (const std::string& f : d.fields) out << ", " << f;
    }
    out << ")";
  }
  if (r.set->education.minimum != Degree::kNone) {
    out << "; role minimum " << degree_name(r.set->education.minimum)
        << (r.education.meets_minimum ? " (met)" : " (not met)");
  }
  if (r.set->education.preferred != Degree::kNone) {
    out << ", preferred " << degree_name(r.set->education.preferred)
        << (r.education.meets_preferred ? " (met)" : " (not met)");
  }
  out << "\nExperience: " << fixed1(r.experience.found.years) << " years from "
      << r.experience.found.roles.size() << " dated roles (as of " << r.as_of.text() << ")";
  if (!r.experience.level.empty()) out << "; level " << r.experience.level;
  out << '\n';

  std::vector<std::string> sections;
  for (const Section& s : r.sections) {
    if (s.kind != SectionKind::kTop) sections.push_back(s.heading + " (line " + std::to_string(s.first_line + 1) + ")");
  }
  wrapped_list(out, "Sections:", sections);
  if (!r.flags.warnings.empty()) {
    out << "\nWarnings\n";
    for (const Warning& w : r.flags.warnings) out << "  - " << w.message << '\n';
  }
}

void write_missing_text(std::ostream& out, const Report& r) {
  if (r.missing.empty()) {
    out << "Missing: none\n";
  } else {
    out << "Missing (" << r.missing.size() << "), most important first:\n";
    for (std::size_t k : r.missing) {
      out << "  " << kw(r, k).name << "  (weight " << kw(r, k).weight << ", " << category_of(r, k).name
          << ")\n";
    }
  }
  if (r.job && !r.job->unknown.empty()) {
    std::vector<std::string> terms;
    for (const UnknownTerm& u : r.job->unknown) terms.push_back(u.text + (u.count > 1 ? " x" + std::to_string(u.count) : ""));
    wrapped_list(out, "Posting terms no role knows (check them yourself):", terms);
  }
}

}  // namespace ra

namespace ra {

void write_fit(std::ostream& out, const std::vector<Report>& reports, bool json) {
  constexpr std::size_t kGaps = 5;
  if (json) {
    Json roles = Json::array();
    for (const Report& r : reports) {
      Json gaps = Json::array();
      for (std::size_t i = 0; i < r.missing.size() && i < kGaps; ++i) gaps.push_back(kw(r, r.missing[i]).name);
      roles.push_back({{"role", r.set->id}, {"role_name", r.set->name}, {"score", r.score},
                       {"level", r.experience.level}, {"top_gaps", std::move(gaps)}});
    }
    Json j{{"schema_version", kReportSchemaVersion},
           {"file", reports.empty() ? "" : reports.front().file},
           {"roles", std::move(roles)}};
    out << dump(j) << '\n';
    return;
  }
  std::size_t width = 4;
  for (const Report& r : reports) width = std::max(width, r.set->name.size());
  for (const Report& r : reports) {
    const std::string s = fixed1(r.score);
    out << std::string(5 - std::min<std::size_t>(5, s.size()), ' ') << s << "  " << r.set->name
        << std::string(width - r.set->name.size() + 2, ' ');
    for (std::size_t i = 0; i < r.missing.size() && i < kGaps; ++i) out << (i ? ", " : "gaps: ") << kw(r, r.missing[i]).name;
    out << '\n';
  }
}

}  // namespace ra
