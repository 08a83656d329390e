// Self-contained HTML reports (README "What the report shows"): inline CSS and
// SVG, no URL of any kind, every string from a file or a role escaped.
//
// Conventions shared with report.cpp: scores with one decimal ("%.1f"), lines
// 1-based, names of sections, zones, verdicts and degrees as their *_name()
// functions give them.
#include "resume_analyser/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace ra {
namespace {

// ---- escaping ----

/// Appends `s` escaped for HTML text and attribute values: & < > " ' (and
/// the ':' of "://") become references, control characters (but tab and line feed) and bytes that are
/// not UTF-8 become U+FFFD, so untrusted names and text can never open a tag
/// or an attribute, nor make the page invalid UTF-8.
void put_escaped(std::string& out, std::string_view s) {
  static const char kReplacement[] = "\xEF\xBF\xBD";
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case ':':  // "://" never appears literally, so the page holds no URL even quoting one
          out += s.compare(i + 1, 2, "//") == 0 ? "&#58;" : ":";
          break;
        default:
          if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
            out += kReplacement;
          } else {
            out += static_cast<char>(c);
          }
      }
      ++i;
      continue;
    }
    // A well-formed UTF-8 sequence (no overlongs, surrogates or > U+10FFFF).
    std::size_t n = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      n = 2;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 3;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 4;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    }
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) {
      const unsigned char d = static_cast<unsigned char>(s[i + k]);
      ok = k == 1 ? (d >= lo && d <= hi) : (d >= 0x80 && d <= 0xBF);
    }
    if (ok) {
      out.append(s.data() + i, n);
      i += n;
    } else {
      out += kReplacement;
      ++i;
    }
  }
}

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  put_escaped(out, s);
  return out;
}

std::string fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

/// A number for SVG coordinates.
std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

/// `s` cut to at most `max` code points, with "…" when cut.
std::string truncated(const std::string& s, std::size_t max) {
  std::size_t points = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && ++points == max) {
      std::size_t end = i;  // start of the max-th code point: keep max - 1 and add "…"
      for (std::size_t j = i + 1; j < s.size(); ++j) {
        if ((static_cast<unsigned char>(s[j]) & 0xC0) != 0x80) return s.substr(0, end) + "\xE2\x80\xA6";
      }
      return s;
    }
  }
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

double clamp100(double v) { return std::isfinite(v) ? std::min(100.0, std::max(0.0, v)) : 0.0; }

// ---- the page frame ----

// Okabe–Ito colours (distinguishable with every common colour-vision
// deficiency): blue #0072B2 for good, orange #E69F00 for partial, vermillion
// #D55E00 for absent; every colour also has a text label or symbol.
const char* const kStyle = R"css(
:root{--ink:#1d2430;--muted:#5b6472;--line:#d9dee5;--bg:#f6f7f9;--card:#fff;--blue:#0072B2;--blue-soft:#dceaf5;
--orange:#E69F00;--orange-soft:#fdf0d5;--verm:#D55E00;--verm-soft:#fbe3d6;--mark:#ffe7a3;--mark-edge:#d08b00;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif}
.page{max-width:1100px;margin:0 auto;padding:24px 28px 48px}
h1{font-size:1.6rem;margin:0 0 4px;line-height:1.25}
h2{font-size:1.2rem;margin:0 0 12px;padding-bottom:6px;border-bottom:2px solid var(--line)}
h3{font-size:1rem;margin:18px 0 8px}
code,.mono{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.92em}
a{color:var(--blue)}
section,header.top{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:18px 22px;margin:0 0 18px}
header.top{display:flex;gap:28px;align-items:center;flex-wrap:wrap}
header.top .id{flex:1 1 420px;min-width:0}
.file{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,Consolas,monospace;overflow-wrap:anywhere;font-size:1.05rem}
.meta{color:var(--muted);margin:6px 0 0;font-size:.9rem}
.meta b{color:var(--ink);font-weight:600}
#score{flex:0 0 260px;text-align:center}
#score .value{font-size:3.6rem;font-weight:750;line-height:1;color:var(--blue);font-variant-numeric:tabular-nums}
#score .of{font-size:1.2rem;color:var(--muted);margin-left:2px}
.gauge{height:14px;background:#e7ebf0;border-radius:7px;overflow:hidden;margin:10px 0 4px;border:1px solid #cfd6df}
.gauge>span{display:block;height:100%;background:var(--blue)}
.scale{display:flex;justify-content:space-between;color:var(--muted);font-size:.75rem}
nav.toc{display:flex;flex-wrap:wrap;gap:6px 14px;margin:-6px 0 16px;font-size:.88rem}
nav.toc a{text-decoration:none}
nav.toc a:hover{text-decoration:underline}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:0 0 18px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.card .k{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.04em}
.card .v{font-size:1.35rem;font-weight:650;font-variant-numeric:tabular-nums}
.card .s{color:var(--muted);font-size:.85rem}
svg.chart{display:block;width:100%;height:auto;max-width:960px}
svg.chart text{font-family:inherit;fill:var(--ink)}
svg.chart .lbl{font-size:13px}
svg.chart .val{font-size:12.5px;font-weight:600}
svg.chart .tick{font-size:11px;fill:var(--muted)}
svg.chart .grid{stroke:#e3e7ec;stroke-width:1}
svg.chart .track{fill:#edf0f4}
svg.chart .bar{fill:var(--blue)}
svg.chart .marker{stroke:var(--orange);stroke-width:2;stroke-dasharray:5 4}
svg.chart .marker-lbl{font-size:11.5px;fill:#9a5b00;font-weight:600}
svg.chart .min{stroke:var(--verm);stroke-width:2;stroke-dasharray:2 3}
svg.chart .min-lbl{font-size:11.5px;fill:var(--verm);font-weight:600}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid var(--line)}
thead th{font-size:.78rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border-bottom:2px solid var(--line);background:#fafbfc}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:hover{background:#f5f8fb}
.badge{display:inline-block;font-size:.74rem;font-weight:600;padding:1px 7px;border-radius:10px;border:1px solid;white-space:nowrap;vertical-align:1px}
.b-listed{color:#8a4d00;background:var(--orange-soft);border-color:#e7b860}
.b-stuffed{color:#8f3200;background:var(--verm-soft);border-color:#e9a27a}
.b-code{color:var(--muted);background:#f1f3f6;border-color:var(--line);font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:500}
.v-met{color:#fff;background:var(--blue);border-color:var(--blue)}
.v-partly{color:#4a3000;background:var(--orange);border-color:#c98a00}
.v-not{color:#8f3200;background:#fff;border-color:var(--verm)}
.v-pass{color:#fff;background:var(--blue);border-color:var(--blue)}
.v-fail{color:#4a3000;background:var(--orange);border-color:#c98a00}
.v-error{color:#fff;background:#5b2a86;border-color:#5b2a86}
.w{color:var(--muted);letter-spacing:1px;white-space:nowrap}
.w b{color:var(--blue)}
.where{color:var(--muted);font-size:.85rem}
.where a{white-space:nowrap}
.cols{columns:2 340px;column-gap:28px}
#missing ol{margin:0;padding-left:2.2em}
#missing li{break-inside:avoid;padding:2px 0}
#missing .cat{color:var(--muted);font-size:.85rem}
.ev{display:inline}
.ev q{quotes:"\201C" "\201D"}
.lack{color:var(--muted);font-size:.85rem}
.tally{color:var(--muted);font-weight:400;font-size:.88rem;margin-left:6px}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:0 36px}
.two h3{margin-top:4px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 18px;margin:0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
ul.plain{margin:0;padding-left:1.2em}
#warnings li{margin:4px 0}
.ok{color:var(--muted)}
#text ol.lines{margin:0;padding:0 0 0 4.2em;font-size:.9rem;line-height:1.55}
#text ol.lines li{white-space:pre-wrap;overflow-wrap:anywhere;tab-size:4;padding:1px 6px;min-height:1.55em;border-left:2px solid transparent}
#text ol.lines li::marker{color:#8a93a0;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.8em}
#text ol.lines li:target{background:#eef5fb;border-left-color:var(--blue)}
#text ol.lines li.heading{font-weight:700;margin-top:.6em}
#text ol.lines li[data-zone]::after{content:attr(data-zone);float:right;font-size:.72rem;color:var(--muted);border:1px solid var(--line);border-radius:8px;padding:0 6px;margin-left:8px;font-weight:400}
mark.kw{background:var(--mark);color:inherit;border-bottom:2px solid var(--mark-edge);border-radius:2px;padding:0 1px}
mark.kw mark.kw{background:#ffd36b}
.legend{color:var(--muted);font-size:.85rem;margin:-4px 0 10px}
.swatch{background:var(--mark);border-bottom:2px solid var(--mark-edge);padding:0 3px}
.table-wrap{overflow-x:auto}
#results th button{all:unset;cursor:pointer;display:inline-flex;gap:4px;align-items:center}
#results th button:focus-visible{outline:2px solid var(--blue);outline-offset:2px}
#results th button::after{content:"\2195";opacity:.35;font-size:.9em}
#results th[aria-sort=ascending] button::after{content:"\25B2";opacity:1}
#results th[aria-sort=descending] button::after{content:"\25BC";opacity:1}
#results td.file{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.84rem;overflow-wrap:anywhere;min-width:10.5em;max-width:22em}
#results td.why{font-size:.84rem;min-width:14em}
#results th,#results td{padding:5px 6px}
#results thead th{vertical-align:bottom}
#results td.why .miss{color:var(--muted)}
#results td.cat{text-align:right;font-variant-numeric:tabular-nums}
#results th.cat{text-transform:none;letter-spacing:0;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.72rem;vertical-align:bottom;text-align:center}
#results th.cat button{writing-mode:vertical-rl;transform:rotate(180deg);max-height:16em;text-align:left;display:inline-block}
.page.wide{max-width:1800px}
.mini{display:inline-block;width:34px;height:6px;background:#e7ebf0;border-radius:3px;margin-left:6px;vertical-align:middle;overflow:hidden}
.mini>span{display:block;height:100%;background:var(--blue)}
main.batch{display:flex;flex-direction:column}
main.batch #summary,main.batch #distribution{order:-1}
footer{color:var(--muted);font-size:.8rem;text-align:center;margin-top:8px}
@media (max-width:700px){.page{padding:12px}#score{flex-basis:100%}}
@media print{
body{background:#fff;font-size:10.5pt}
.page{max-width:none;padding:0}
nav.toc{display:none}
section,header.top,.card{border:none;border-radius:0;padding:6px 0;margin:0 0 10px}
section{break-inside:auto}
h2,h3{break-after:avoid}
tr,li,.card{break-inside:avoid}
tbody tr:hover{background:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
#results th button::after{content:none}
}
)css";

/// Writes the document start: doctype, head (title, style, a Content
/// Security Policy that forbids every fetch) and the opening of the body.
void page_start(std::ostream& out, const std::string& title, const std::string& script_policy,
                const char* page_class) {
  out << "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "script-src "
      << script_policy
      << "; base-uri 'none'; form-action 'none'\">\n"
         "<meta name=\"referrer\" content=\"no-referrer\">\n"
         "<meta name=\"generator\" content=\"resume-analyser\">\n<title>"
      << esc(title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<div class=\"" << page_class << "\">\n";
}

// ---- score page ----

const Keyword& kw(const Report& r, std::size_t k) { return r.set->keywords[k]; }

std::string weight_dots(int weight) {
  std::string s = "<span class=\"w\" title=\"weight " + std::to_string(weight) + " of 3\">";
  for (int i = 1; i <= 3; ++i) s += i <= weight ? "<b>\xE2\x97\x8F</b>" : "\xE2\x97\x8B";  // ● ○
  return s + " " + std::to_string(weight) + "</span>";
}

std::string line_link(std::uint32_t line0) {
  const std::string n = std::to_string(line0 + 1);
  return "<a href=\"#L" + n + "\">line " + n + "</a>";
}

/// "line 7 (skills, table)": the line, its section and, outside the body, its zone.
std::string where_html(const Location& l) {
  std::string s = line_link(l.line) + " (" + section_name(l.section);
  if (l.zone != Zone::kBody) s += std::string(", ") + zone_name(l.zone);
  return s + ")";
}

std::string verdict_badge(Verdict v) {
  switch (v) {
    case Verdict::kMet: return "<span class=\"badge v-met\">\xE2\x9C\x93 met</span>";                 // ✓
    case Verdict::kPartlyMet: return "<span class=\"badge v-partly\">\xE2\x97\x90 partly met</span>";  // ◐
    case Verdict::kNotMet: return "<span class=\"badge v-not\">\xE2\x9C\x97 not met</span>";           // ✗
  }
  return "";
}

/// Horizontal bars, one per category, with the overall score as a dashed line.
void category_chart(std::ostream& out, const Report& r) {
  const double label_w = 330, x0 = 340, bar_w = 330, row_h = 30, top = 30, bar_h = 16;
  const double width = 760;
  const double height = top + row_h * static_cast<double>(r.categories.size()) + 12;
  out << "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " << num(width) << ' ' << num(height) << "\" width=\""
      << num(width) << "\" height=\"" << num(height) << "\" aria-labelledby=\"cat-title\">\n<title id=\"cat-title\">"
      << esc("Score by category (0 to 100); overall " + fixed1(r.score)) << "</title>\n";
  for (int t = 0; t <= 100; t += 25) {
    const double x = x0 + bar_w * t / 100.0;
    out << "<line class=\"grid\" x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(top - 8)
        << "\" y2=\"" << num(height - 6) << "\"/><text class=\"tick\" x=\"" << num(x) << "\" y=\"" << num(top - 12)
        << "\" text-anchor=\"middle\">" << t << "</text>\n";
  }
  double y = top;
  for (const CategoryScore& c : r.categories) {
    const Category& cat = r.set->categories[c.category];
    const double v = clamp100(c.score);
    const double cy = y + row_h / 2;
    out << "<g><title>"
        << esc(cat.name + ": " + fixed1(c.score) + " (" + std::to_string(c.matched) + " of " +
               std::to_string(c.total) + " keywords)")
        << "</title><text class=\"lbl\" x=\"" << num(label_w) << "\" y=\"" << num(cy + 4.5)
        << "\" text-anchor=\"end\">" << esc(truncated(cat.name, 46)) << "</text><rect class=\"track\" x=\""
        << num(x0) << "\" y=\"" << num(cy - bar_h / 2) << "\" width=\"" << num(bar_w) << "\" height=\""
        << num(bar_h) << "\" rx=\"3\"/><rect class=\"bar\" x=\"" << num(x0) << "\" y=\"" << num(cy - bar_h / 2)
        << "\" width=\"" << num(bar_w * v / 100.0) << "\" height=\"" << num(bar_h) << "\" rx=\"3\"/><text class=\"val\" x=\""
        << num(x0 + bar_w + 8) << "\" y=\"" << num(cy + 4.5) << "\">" << fixed1(c.score) << " <tspan class=\"tick\">"
        << c.matched << "/" << c.total << "</tspan></text></g>\n";
    y += row_h;
  }
  const double mx = x0 + bar_w * clamp100(r.score) / 100.0;
  out << "<line class=\"marker\" x1=\"" << num(mx) << "\" x2=\"" << num(mx) << "\" y1=\"" << num(top - 4)
      << "\" y2=\"" << num(height - 6) << "\"/><text class=\"marker-lbl\" x=\"" << num(mx) << "\" y=\""
      << num(height - 0.5) << "\" text-anchor=\"middle\">overall " << fixed1(r.score) << "</text>\n</svg>\n";
}

/// A keyword occurrence as a byte range of doc.text.
struct Span {
  std::size_t begin = 0, end = 0;
  std::size_t keyword = 0;
  bool continued = false;  // the part of a multi-line match after its first line
};

bool word_byte(char c) {
  const unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || u == '_' || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
}

/// Finds a place in `text`: `place.text` (the exact words matched) starting on
/// line `place.line`, at or after `from`. Prefers a start and end on word
/// boundaries, so "R" is not found in "Reading"; npos when absent.
std::size_t locate(const std::string& text, const std::vector<std::size_t>& starts, const Location& place,
                   std::size_t from) {
  if (place.text.empty() || place.line >= starts.size()) return std::string::npos;
  const std::size_t line_start = starts[place.line];
  const std::size_t line_end = place.line + 1 < starts.size() ? starts[place.line + 1] - 1 : text.size();
  std::size_t fallback = std::string::npos;
  for (std::size_t p = text.find(place.text, std::max(line_start, from)); p != std::string::npos && p < line_end;
       p = text.find(place.text, p + 1)) {
    const std::size_t e = p + place.text.size();
    const bool before = !word_byte(place.text.front()) || p == 0 || !word_byte(text[p - 1]);
    const bool after = !word_byte(place.text.back()) || e >= text.size() || !word_byte(text[e]);
    if (before && after) return p;
    if (fallback == std::string::npos) fallback = p;
  }
  return fallback;
}

/// Every place of every matched keyword as spans cut at line breaks, grouped
/// by line: result[line] holds that line's spans.
std::vector<std::vector<Span>> spans_by_line(const Report& r, const std::string& text,
                                             const std::vector<std::size_t>& starts) {
  std::vector<std::vector<Span>> lines(starts.size());
  for (const KeywordHit& h : r.matched) {
    std::size_t cursor = 0;
    for (const Location& place : h.places) {
      const std::size_t b = locate(text, starts, place, cursor);
      if (b == std::string::npos) continue;
      const std::size_t e = b + place.text.size();
      cursor = e;
      for (std::size_t line = place.line; line < starts.size() && starts[line] < e; ++line) {
        const std::size_t ls = starts[line];
        const std::size_t le = line + 1 < starts.size() ? starts[line + 1] - 1 : text.size();
        Span s{std::max(b, ls), std::min(e, le), h.keyword, line != place.line};
        if (s.begin < s.end) lines[line].push_back(s);
      }
    }
  }
  for (std::vector<Span>& spans : lines) {
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
      if (a.begin != b.begin) return a.begin < b.begin;
      if (a.end != b.end) return a.end > b.end;  // outer before inner
      return a.keyword < b.keyword;
    });
  }
  return lines;
}

void open_mark(std::string& out, const Report& r, const Span& s) {
  const std::string name = esc(kw(r, s.keyword).name);
  out += s.continued ? "<mark class=\"kw kw-cont\" data-keyword=\"" : "<mark class=\"kw\" data-keyword=\"";
  out += name;
  out += "\" title=\"";
  out += name;
  out += "\">";
}

/// One line of doc.text with its spans as (nested) <mark> elements. Spans
/// that cross the end of an enclosing one are cut there.
void marked_line(std::string& out, const Report& r, const std::string& text, std::size_t begin, std::size_t end,
                 const std::vector<Span>& spans) {
  std::vector<std::size_t> open;  // ends of the open marks, innermost last
  std::size_t pos = begin;
  auto close_until = [&](std::size_t limit) {
    while (!open.empty() && open.back() <= limit) {
      put_escaped(out, std::string_view(text).substr(pos, open.back() - pos));
      pos = open.back();
      out += "</mark>";
      open.pop_back();
    }
  };
  for (const Span& s : spans) {
    close_until(s.begin);
    const std::size_t e = open.empty() ? s.end : std::min(s.end, open.back());
    if (e <= s.begin || s.begin < pos) continue;
    put_escaped(out, std::string_view(text).substr(pos, s.begin - pos));
    pos = s.begin;
    open_mark(out, r, s);
    open.push_back(e);
  }
  close_until(end);
  put_escaped(out, std::string_view(text).substr(pos, end - pos));
}

void text_section(std::ostream& out, const Report& r, const Document& doc) {
  const std::string& text = doc.text;
  std::vector<std::size_t> starts{0};
  for (std::size_t i = text.find('\n'); i != std::string::npos; i = text.find('\n', i + 1)) starts.push_back(i + 1);
  const std::vector<std::vector<Span>> spans = spans_by_line(r, text, starts);
  std::vector<bool> heading(starts.size(), false);
  for (const Section& s : r.sections) {
    if (s.kind != SectionKind::kTop && s.first_line < heading.size()) heading[s.first_line] = true;
  }

  out << "<section id=\"text\">\n<h2>R\xC3\xA9sum\xC3\xA9 text</h2>\n<p class=\"legend\">The text exactly as the "
         "analyser reads it (<code>resume-analyser extract</code>), numbered as in the report. "
         "<span class=\"swatch\">Highlighted</span> words are keyword matches; "
         "hover one for its keyword. Lines outside the page body are tagged with their zone.</p>\n<ol class=\"lines\">\n";
  std::string buf;
  for (std::size_t line = 0; line < starts.size(); ++line) {
    const std::size_t b = starts[line];
    const std::size_t e = line + 1 < starts.size() ? starts[line + 1] - 1 : text.size();
    buf.clear();
    buf += "<li id=\"L" + std::to_string(line + 1) + "\"";
    if (heading[line]) buf += " class=\"heading\"";
    const Zone zone = doc.zone_of_line(static_cast<std::uint32_t>(line));
    if (zone != Zone::kBody) buf += std::string(" data-zone=\"") + zone_name(zone) + "\"";
    buf += '>';
    marked_line(buf, r, text, b, e, spans[line]);
    buf += "</li>\n";
    out << buf;
  }
  out << "</ol>\n</section>\n";
}

void header_section(std::ostream& out, const Report& r) {
  const double v = clamp100(r.score);
  out << "<header class=\"top\">\n<div class=\"id\">\n<h1>R\xC3\xA9sum\xC3\xA9 report</h1>\n<div class=\"file\" id=\"file\">"
      << esc(r.file) << "</div>\n<p class=\"meta\">Role <b>" << esc(r.set->name) << "</b> (<code>" << esc(r.set->id)
      << "</code>) \xC2\xB7 read as <b>" << esc(r.format) << "</b> \xC2\xB7 " << plural(static_cast<std::size_t>(r.words), "word", "words")
      << " \xC2\xB7 as of <b>" << esc(r.as_of.text()) << "</b></p>\n";
  if (r.job) {
    out << "<p class=\"meta\" id=\"job\">Scored against the job posting <b>" << esc(r.job->title) << "</b> (<code>"
        << esc(r.job->file) << "</code>)</p>\n";
  }
  out << "</div>\n"
      << "<div id=\"score\" data-score=\"" << fixed1(r.score) << "\"><div><span class=\"value\">" << fixed1(r.score)
      << "</span><span class=\"of\">/100</span></div>\n<div class=\"gauge\" role=\"meter\" aria-label=\"overall score\" "
         "aria-valuemin=\"0\" aria-valuemax=\"100\" aria-valuenow=\""
      << fixed1(r.score) << "\"><span style=\"width:" << num(v) << "%\"></span></div>"
      << "<div class=\"scale\"><span>0</span><span>50</span><span>100</span></div>\n</div>\n</header>\n";
}

void nav_and_cards(std::ostream& out, const Report& r) {
  out << "<nav class=\"toc\"><a href=\"#categories\">Categories</a><a href=\"#matched\">Keywords found</a>"
         "<a href=\"#missing\">Missing</a><a href=\"#competencies\">Competencies</a>"
         "<a href=\"#profile\">Education and experience</a><a href=\"#sections\">Sections</a>"
         "<a href=\"#warnings\">Warnings</a><a href=\"#text\">R\xC3\xA9sum\xC3\xA9 text</a></nav>\n";
  std::size_t counting = 0, listed = 0;
  for (const KeywordHit& h : r.matched) {
    counting += !h.stuffed;
    listed += h.listed_only;
  }
  int tally[3] = {0, 0, 0};
  for (const RowResult& rr : r.competencies) ++tally[static_cast<int>(rr.verdict)];
  auto card = [&](const std::string& key, const std::string& value, const std::string& sub) {
    out << "<div class=\"card\"><div class=\"k\">" << key << "</div><div class=\"v\">" << value
        << "</div><div class=\"s\">" << sub << "</div></div>\n";
  };
  out << "<div class=\"cards\" id=\"glance\">\n";
  card("Keywords found", std::to_string(counting) + " / " + std::to_string(r.set->keywords.size()),
       listed ? plural(listed, "listed only", "listed only") : "all shown in work");
  card("Missing", std::to_string(r.missing.size()),
       r.missing.empty() ? "none" : "top: " + esc(kw(r, r.missing.front()).name));
  card("Competencies", std::to_string(tally[0]) + " / " + std::to_string(r.competencies.size()),
       "met; " + std::to_string(tally[1]) + " partly, " + std::to_string(tally[2]) + " not");
  card("Experience", fixed1(r.experience.found.years) + " yrs",
       r.experience.level.empty() ? "no level" : "level " + esc(r.experience.level));
  card("Highest degree", degree_name(r.education.found.highest),
       r.set->education.minimum == Degree::kNone
           ? "no minimum"
           : std::string("minimum ") + degree_name(r.set->education.minimum) +
                 (r.education.meets_minimum ? " (met)" : " (not met)"));
  card("Warnings", std::to_string(r.flags.warnings.size()),
       r.flags.warnings.empty() ? "none" : esc(r.flags.warnings.front().code));
  out << "</div>\n";
}

void matched_section(std::ostream& out, const Report& r) {
  out << "<section id=\"matched\">\n<h2>Keywords found (" << r.matched.size() << ")</h2>\n";
  if (r.matched.empty()) {
    out << "<p class=\"ok\">No keyword of the role was found.</p>\n</section>\n";
    return;
  }
  out << "<p class=\"legend\">Heaviest first, then most frequent. <span class=\"badge b-listed\">listed only</span> "
         "named under Skills but never shown in Experience or Projects; <span class=\"badge b-stuffed\">stuffed</span> "
         "repeated past the density limit, so it does not count.</p>\n"
         "<div class=\"table-wrap\"><table>\n<thead><tr><th>Keyword</th><th>Category</th><th>Weight</th>"
         "<th class=\"num\">Count</th><th>Where</th></tr></thead>\n<tbody>\n";
  constexpr std::size_t kMaxPlaces = 6;
  for (const KeywordHit& h : r.matched) {
    const Keyword& k = kw(r, h.keyword);
    out << "<tr data-keyword=\"" << esc(k.name) << "\"><td><b>" << esc(k.name) << "</b>";
    if (h.listed_only) out << " <span class=\"badge b-listed\">listed only</span>";
    if (h.stuffed) out << " <span class=\"badge b-stuffed\">stuffed</span>";
    out << "</td><td>" << esc(r.set->categories[k.category].name) << "</td><td>" << weight_dots(k.weight)
        << "</td><td class=\"num\">" << h.count << "</td><td class=\"where\">";
    // Places on one line are given once, with how many.
    std::size_t shown = 0, i = 0;
    for (; i < h.places.size() && shown < kMaxPlaces; ++shown) {
      std::size_t same = 1;
      while (i + same < h.places.size() && h.places[i + same].line == h.places[i].line) ++same;
      out << (shown ? "; " : "") << where_html(h.places[i]);
      if (same > 1) out << " \xC3\x97" << same;
      i += same;
    }
    if (i < h.places.size()) out << "; and " << h.places.size() - i << " more";
    out << "</td></tr>\n";
  }
  out << "</tbody>\n</table></div>\n</section>\n";
}

/// Terms of the job posting that no role knows, for the reader to check.
void job_terms(std::ostream& out, const Report& r) {
  if (!r.job || r.job->unknown.empty()) return;
  out << "<p id=\"unknown-terms\"><b>Posting terms no role knows</b> (check them yourself): ";
  for (std::size_t i = 0; i < r.job->unknown.size(); ++i) {
    const UnknownTerm& u = r.job->unknown[i];
    out << (i ? ", " : "") << esc(u.text);
    if (u.count > 1) out << " \xC3\x97" << u.count;
  }
  out << "</p>\n";
}

void missing_section(std::ostream& out, const Report& r) {
  out << "<section id=\"missing\">\n<h2>Missing keywords (" << r.missing.size() << "), most important first</h2>\n";
  if (r.missing.empty()) {
    out << "<p class=\"ok\">None: every keyword of the role was found.</p>\n";
    job_terms(out, r);
    out << "</section>\n";
    return;
  }
  out << "<ol class=\"cols\">\n";
  for (std::size_t k : r.missing) {
    out << "<li data-weight=\"" << kw(r, k).weight << "\"><b>" << esc(kw(r, k).name) << "</b> " << weight_dots(kw(r, k).weight)
        << " <span class=\"cat\">" << esc(r.set->categories[kw(r, k).category].name) << "</span></li>\n";
  }
  out << "</ol>\n";
  job_terms(out, r);
  out << "</section>\n";
}

void competencies_section(std::ostream& out, const Report& r) {
  out << "<section id=\"competencies\">\n<h2>Competencies</h2>\n";
  if (r.set->competencies.empty()) {
    out << "<p class=\"ok\">The role has no competency tables.</p>\n</section>\n";
    return;
  }
  out << "<p class=\"legend\">From the role's career guides. A row is <span class=\"badge v-met\">\xE2\x9C\x93 met</span> "
         "when enough of its evidence is found, <span class=\"badge v-partly\">\xE2\x97\x90 partly met</span> with "
         "some, <span class=\"badge v-not\">\xE2\x9C\x97 not met</span> with none.</p>\n";
  for (std::size_t t = 0; t < r.set->competencies.size(); ++t) {
    const CompetencyTable& table = r.set->competencies[t];
    int tally[3] = {0, 0, 0};
    for (const RowResult& rr : r.competencies) {
      if (rr.table == t) ++tally[static_cast<int>(rr.verdict)];
    }
    const bool levels = std::any_of(table.rows.begin(), table.rows.end(),
                                    [](const CompetencyRow& row) { return !row.level.empty(); });
    out << "<h3 id=\"competency-" << esc(table.id) << "\">" << esc(table.name) << "<span class=\"tally\">" << tally[0]
        << " met, " << tally[1] << " partly, " << tally[2] << " not met</span></h3>\n"
        << "<div class=\"table-wrap\"><table class=\"competency\" data-table=\"" << esc(table.id)
        << "\">\n<thead><tr><th style=\"width:30%\">Competency</th>" << (levels ? "<th>Level</th>" : "")
        << "<th style=\"width:8.5em\">Verdict</th><th>Evidence</th></tr></thead>\n<tbody>\n";
    for (const RowResult& rr : r.competencies) {
      if (rr.table != t) continue;
      const CompetencyRow& row = table.rows[rr.row];
      out << "<tr data-verdict=\"" << verdict_name(rr.verdict) << "\"><td>" << esc(row.name) << "</td>";
      if (levels) out << "<td>" << esc(row.level) << "</td>";
      out << "<td>" << verdict_badge(rr.verdict) << "</td><td>";
      std::vector<bool> seen(row.evidence.size(), false);
      for (std::size_t i = 0; i < rr.found.size(); ++i) {
        const EvidenceFound& e = rr.found[i];
        if (e.item < seen.size()) seen[e.item] = true;
        out << (i ? "; " : "") << "<span class=\"ev\"><q>" << esc(e.where.text) << "</q> <span class=\"where\">"
            << where_html(e.where) << "</span></span>";
      }
      std::string lacking;
      for (std::size_t i = 0; i < row.evidence.size(); ++i) {
        if (!seen[i]) lacking += (lacking.empty() ? "" : ", ") + esc(row.evidence[i]);
      }
      if (!lacking.empty()) out << (rr.found.empty() ? "" : "<br>") << "<span class=\"lack\">not found: " << lacking << "</span>";
      out << "</td></tr>\n";
    }
    out << "</tbody>\n</table></div>\n";
  }
  out << "</section>\n";
}

void profile_section(std::ostream& out, const Report& r) {
  out << "<section id=\"profile\">\n<h2>Education and experience</h2>\n<div class=\"two\">\n<div>\n<h3 id=\"education\">Education</h3>\n<dl class=\"facts\">\n";
  const EducationFound& ed = r.education.found;
  out << "<dt>Highest degree</dt><dd>" << degree_name(ed.highest) << "</dd>\n<dt>Degrees found</dt><dd>";
  if (ed.degrees.empty()) {
    out << "none";
  } else {
    out << "<ul class=\"plain\">";
    for (const DegreeMention& d : ed.degrees) {
      out << "<li>" << degree_name(d.degree) << ": <q>" << esc(d.text) << "</q> (" << line_link(d.line) << ")";
      std::string fields;
      for (const std::string& f : d.fields) fields += (fields.empty() ? "" : ", ") + esc(f);
      if (!fields.empty()) out << " \xE2\x80\x94 " << fields;
      out << "</li>";
    }
    out << "</ul>";
  }
  out << "</dd>\n";
  auto requirement = [&](const char* label, Degree d, bool met) {
    if (d == Degree::kNone) return;
    out << "<dt>Role " << label << "</dt><dd>" << degree_name(d) << " "
        << (met ? "<span class=\"badge v-met\">\xE2\x9C\x93 met</span>" : "<span class=\"badge v-not\">\xE2\x9C\x97 not met</span>")
        << "</dd>\n";
  };
  requirement("minimum", r.set->education.minimum, r.education.meets_minimum);
  requirement("preferred", r.set->education.preferred, r.education.meets_preferred);
  if (!r.set->education.fields.empty()) {
    out << "<dt>Field of study</dt><dd>"
        << (r.education.field_matches ? "a degree names a field the role lists"
                                      : "no degree names a field the role lists")
        << "</dd>\n";
  }
  out << "</dl>\n</div>\n<div>\n<h3 id=\"experience\">Experience</h3>\n<dl class=\"facts\">\n<dt>Years</dt><dd>"
      << fixed1(r.experience.found.years) << " (" << plural(static_cast<std::size_t>(r.experience.found.months), "month", "months")
      << " from " << plural(r.experience.found.roles.size(), "dated role", "dated roles") << ", as of "
      << esc(r.as_of.text()) << ")</dd>\n<dt>Level</dt><dd>"
      << (r.experience.level.empty() ? std::string("none of the role's bands") : esc(r.experience.level)) << "</dd>\n";
  if (!r.experience.found.roles.empty()) {
    out << "<dt>Dated roles</dt><dd><ul class=\"plain\">";
    for (const DatedRole& d : r.experience.found.roles) {
      out << "<li><q>" << esc(d.text) << "</q>: " << esc(d.start.text()) << " to "
          << (d.present ? "present (" + esc(d.end.text()) + ")" : esc(d.end.text())) << " (" << line_link(d.line)
          << ")</li>";
    }
    out << "</ul></dd>\n";
  }
  out << "</dl>\n</div>\n</div>\n</section>\n";
}

void sections_section(std::ostream& out, const Report& r) {
  out << "<section id=\"sections\">\n<h2>Sections found</h2>\n";
  bool any = false;
  for (const Section& s : r.sections) {
    if (s.kind == SectionKind::kTop) continue;
    if (!any) out << "<ul class=\"plain cols\">\n";
    any = true;
    out << "<li><b>" << esc(s.heading) << "</b> <span class=\"where\">(" << section_name(s.kind) << ", "
        << line_link(s.first_line) << ")</span></li>\n";
  }
  out << (any ? "</ul>\n" : "<p class=\"ok\">No section heading was recognised.</p>\n") << "</section>\n";
}

void warnings_section(std::ostream& out, const Report& r) {
  out << "<section id=\"warnings\">\n<h2>Warnings (" << r.flags.warnings.size() << ")</h2>\n";
  if (r.flags.warnings.empty()) {
    out << "<p class=\"ok\">No hidden text, keyword stuffing or readability problem found.</p>\n";
  } else {
    out << "<ul class=\"plain\">\n";
    for (const Warning& w : r.flags.warnings) {
      out << "<li data-code=\"" << esc(w.code) << "\"><span class=\"badge b-code\">" << esc(w.code) << "</span> "
          << esc(w.message) << "</li>\n";
    }
    out << "</ul>\n";
  }
  if (r.flags.hidden_words > 0 || !r.flags.stuffed.empty()) {
    out << "<dl class=\"facts\" style=\"margin-top:10px\">\n";
    if (r.flags.hidden_words > 0) {
      std::string names;
      for (std::size_t k : r.flags.hidden_keywords) names += (names.empty() ? "" : ", ") + esc(kw(r, k).name);
      out << "<dt>Hidden text</dt><dd>" << plural(static_cast<std::size_t>(r.flags.hidden_words), "word", "words")
          << ", left out of the score" << (names.empty() ? "" : "; keywords in it: " + names) << "</dd>\n";
    }
    if (!r.flags.stuffed.empty()) {
      out << "<dt>Stuffed keywords</dt><dd>";
      for (std::size_t i = 0; i < r.flags.stuffed.size(); ++i) {
        const StuffedKeyword& s = r.flags.stuffed[i];
        out << (i ? "; " : "") << esc(kw(r, s.keyword).name) << " \xC3\x97" << s.count << " (" << fixed1(s.density * 100)
            << "% of words)";
      }
      out << "</dd>\n";
    }
    out << "</dl>\n";
  }
  out << "</section>\n";
}

// ---- batch page ----

// Sorts #results by a clicked header (numbers by data-sort, blanks last);
// "#sort=N" or "#sort=N-desc" in the address sorts by column N on load.
// Marks the table data-sortable="yes" once wired, which the browser test
// checks (the page's Content Security Policy allows this script by its hash).
const char* const kSortScript =
    "(function(){var t=document.getElementById('results');if(!t)return;var b=t.tBodies[0],h=t.tHead.rows[0].cells;"
    "function key(c,n){var v=c.getAttribute('data-sort');if(v===null)v=c.textContent.trim();"
    "if(!n)return v.toLowerCase();var x=parseFloat(v);return isNaN(x)?null:x;}"
    "function sort(i,asc){var n=h[i].getAttribute('data-type')==='num',rows=Array.prototype.slice.call(b.rows);"
    "rows.sort(function(p,q){var x=key(p.cells[i],n),y=key(q.cells[i],n),d;"
    "if(x===null||y===null){d=(x===null)-(y===null);if(d)return d;}"
    "else{d=n?x-y:x.localeCompare(y,undefined,{numeric:true});if(!asc)d=-d;if(d)return d;}"
    "return p.getAttribute('data-i')-q.getAttribute('data-i');});"
    "for(var k=0;k<h.length;k++)h[k].removeAttribute('aria-sort');"
    "h[i].setAttribute('aria-sort',asc?'ascending':'descending');rows.forEach(function(r){b.appendChild(r);});}"
    "Array.prototype.forEach.call(h,function(c,i){var btn=c.querySelector('button');if(!btn)return;"
    "btn.addEventListener('click',function(){var s=c.getAttribute('aria-sort');"
    "sort(i,s?s!=='ascending':c.getAttribute('data-first')!=='desc');});});"
    "var m=/^#sort=(\\d+)(-desc)?$/.exec(location.hash);if(m&&h[+m[1]])sort(+m[1],!m[2]);"
    "t.setAttribute('data-sortable','yes');})();";

/// SHA-256 of `data` in base64, as a Content Security Policy source names an
/// inline script ('sha256-...'); computed, so the policy follows the script.
std::string sha256_base64(std::string_view data) {
  static const std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  std::string msg(data);
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  msg += static_cast<char>(0x80);
  while (msg.size() % 64 != 56) msg += '\0';
  for (int i = 7; i >= 0; --i) msg += static_cast<char>((bits >> (8 * i)) & 0xFF);
  auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  for (std::size_t off = 0; off < msg.size(); off += 64) {
    std::uint32_t w[64];
    for (int i = 0; i < 16; ++i) {
      w[i] = 0;
      for (int j = 0; j < 4; ++j) w[i] = (w[i] << 8) | static_cast<unsigned char>(msg[off + 4 * i + j]);
    }
    for (int i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 64; ++i) {
      const std::uint32_t t1 = hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + k[i] + w[i];
      const std::uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = c;
      c = b;
      b = a;
      a = t1 + t2;
    }
    h[0] += a, h[1] += b, h[2] += c, h[3] += d, h[4] += e, h[5] += f, h[6] += g, h[7] += hh;
  }
  unsigned char digest[32];
  for (int i = 0; i < 32; ++i) digest[i] = static_cast<unsigned char>(h[i / 4] >> (24 - 8 * (i % 4)));
  static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (int i = 0; i < 32; i += 3) {
    const std::uint32_t n = (digest[i] << 16) | (i + 1 < 32 ? digest[i + 1] << 8 : 0) | (i + 2 < 32 ? digest[i + 2] : 0);
    out += b64[(n >> 18) & 63];
    out += b64[(n >> 12) & 63];
    out += i + 1 < 32 ? b64[(n >> 6) & 63] : '=';
    out += i + 2 < 32 ? b64[n & 63] : '=';
  }
  return out;
}

std::string status_badge(Outcome o) {
  switch (o) {
    case Outcome::kPass: return "<span class=\"badge v-pass\">\xE2\x9C\x93 pass</span>";
    case Outcome::kFail: return "<span class=\"badge v-fail\">\xE2\x9C\x97 fail</span>";
    case Outcome::kError: return "<span class=\"badge v-error\">! error</span>";
  }
  return "";
}

class HtmlBatchPrinter final : public BatchPrinter {
 public:
  explicit HtmlBatchPrinter(std::ostream& out) : out_(out) {}

  void begin(const KeywordSet& set, const Thresholds& thresholds) override {
    role_name_ = set.name;
    role_id_ = set.id;
    thresholds_ = thresholds;
    categories_ = set.categories.size();
    std::vector<std::pair<std::string, std::string>> cats;
    for (const Category& c : set.categories) cats.emplace_back(c.id, c.name);
    start(cats);
  }

  void add(const FileResult& r) override {
    if (!started_) start({});
    const std::size_t i = rows_++;
    std::string row = "<tr data-i=\"" + std::to_string(i) + "\" data-status=\"" + outcome_name(r.outcome) +
                      "\"><td class=\"num\">" + std::to_string(i + 1) + "</td><td class=\"file\">" + esc(r.file) +
                      "</td><td data-sort=\"" + std::to_string(static_cast<int>(r.outcome)) + "\">" +
                      status_badge(r.outcome) + "</td>";
    if (r.report) {
      const Report& rep = *r.report;
      scores_.push_back(rep.score);
      row += "<td class=\"num\" data-sort=\"" + fixed1(rep.score) + "\"><b>" + fixed1(rep.score) +
             "</b><span class=\"mini\"><span style=\"width:" + num(clamp100(rep.score)) + "%\"></span></span></td>";
      for (std::size_t c = 0; c < categories_; ++c) {
        if (c < rep.categories.size()) {
          const double v = rep.categories[c].score;
          char bg[64];
          std::snprintf(bg, sizeof bg, "background:rgba(0,114,178,%.2f)", 0.04 + 0.30 * clamp100(v) / 100.0);
          row += "<td class=\"cat\" data-sort=\"" + fixed1(v) + "\" style=\"" + bg + "\">" + fixed1(v) + "</td>";
        } else {
          row += "<td class=\"cat\"></td>";
        }
      }
      row += "<td class=\"why\">" + esc(join(r.reasons, "; "));
      if (r.outcome == Outcome::kFail && !rep.missing.empty()) {
        std::string missing;
        for (std::size_t k = 0; k < rep.missing.size() && k < kTopMissing; ++k) {
          missing += (missing.empty() ? "" : ", ") + rep.set->keywords[rep.missing[k]].name;
        }
        row += "<br><span class=\"miss\">missing: " + esc(missing) + "</span>";
      }
      row += "</td>";
    } else {
      row += "<td class=\"num\"></td>";
      for (std::size_t c = 0; c < categories_; ++c) row += "<td class=\"cat\"></td>";
      row += "<td class=\"why\">" + esc(r.error) + "</td>";
    }
    row += "</tr>\n";
    out_ << row;
    out_.flush();
  }

  void finish(const BatchSummary& s) override {
    if (!started_) start({});
    out_ << "</tbody>\n</table></div>\n</section>\n";
    summary(s);
    histogram(s);
    out_ << "</main>\n<footer>resume-analyser batch report \xC2\xB7 role <code>" << esc(role_id_)
         << "</code> \xC2\xB7 no network, no external files</footer>\n</div>\n<script>" << kSortScript
         << "</script>\n</body>\n</html>\n";
    out_.flush();
  }

 private:
  static constexpr std::size_t kTopMissing = 10;  // as the other batch formats

  static std::string join(const std::vector<std::string>& items, const char* sep) {
    std::string s;
    for (const std::string& i : items) s += (s.empty() ? "" : sep) + i;
    return s;
  }

  void start(const std::vector<std::pair<std::string, std::string>>& cats) {
    if (started_) return;
    started_ = true;
    page_start(out_, "R\xC3\xA9sum\xC3\xA9 batch report" + (role_name_.empty() ? "" : " \xE2\x80\x94 " + role_name_),
               "'sha256-" + sha256_base64(kSortScript) + "'", "page wide");
    out_ << "<header class=\"top\"><div class=\"id\"><h1>R\xC3\xA9sum\xC3\xA9 batch report</h1>\n<p class=\"meta\">Role <b>"
         << esc(role_name_) << "</b> (<code>" << esc(role_id_) << "</code>) \xC2\xB7 thresholds: score \xE2\x89\xA5 "
         << fixed1(thresholds_.min_score);
    for (const auto& [id, min] : thresholds_.min_category) out_ << ", " << esc(id) << " \xE2\x89\xA5 " << fixed1(min);
    out_ << "</p></div></header>\n<main class=\"batch\">\n<section id=\"results-section\">\n<h2>R\xC3\xA9sum\xC3\xA9s</h2>\n"
            "<p class=\"legend\">Click a column heading to sort; click again to reverse. Category cells are shaded by "
            "score.</p>\n<div class=\"table-wrap\"><table id=\"results\">\n<thead><tr>"
            "<th class=\"num\" data-type=\"num\"><button type=\"button\">#</button></th>"
            "<th><button type=\"button\">File</button></th>"
            "<th data-type=\"num\"><button type=\"button\">Status</button></th>"
            "<th class=\"num\" data-type=\"num\" data-first=\"desc\"><button type=\"button\">Score</button></th>";
    for (const auto& [id, name] : cats) {
      // Ids break after their hyphens, so the columns stay narrow.
      std::string label;
      for (char c : esc(id)) label += c == '-' ? std::string("-<wbr>") : std::string(1, c);
      out_ << "<th class=\"num cat\" data-type=\"num\" data-first=\"desc\" title=\"" << esc(name)
           << "\"><button type=\"button\">" << label << "</button></th>";
    }
    out_ << "<th><button type=\"button\">Reasons or error</button></th></tr></thead>\n<tbody>\n";
    out_.flush();
  }

  void summary(const BatchSummary& s) {
    const std::size_t total = s.passed + s.failed + s.errors;
    const std::size_t read = s.passed + s.failed;
    out_ << "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
    auto card = [&](const char* id, const std::string& key, const std::string& value, const std::string& sub) {
      out_ << "<div class=\"card\" id=\"" << id << "\"><div class=\"k\">" << key << "</div><div class=\"v\">" << value
           << "</div><div class=\"s\">" << sub << "</div></div>\n";
    };
    auto share = [&](std::size_t n) {
      return total ? fixed1(100.0 * static_cast<double>(n) / static_cast<double>(total)) + "%" : std::string("\xE2\x80\x94");
    };
    card("total", "R\xC3\xA9sum\xC3\xA9s", std::to_string(total), "in input order below");
    card("passed", "\xE2\x9C\x93 Passed", std::to_string(s.passed), share(s.passed));
    card("failed", "\xE2\x9C\x97 Failed", std::to_string(s.failed), share(s.failed));
    card("errors", "! Errors", std::to_string(s.errors), share(s.errors));
    card("mean", "Mean score",
         read ? fixed1(round1(s.score_sum / static_cast<double>(read))) : std::string("\xE2\x80\x94"),
         "over " + plural(read, "r\xC3\xA9sum\xC3\xA9 read", "r\xC3\xA9sum\xC3\xA9s read"));
    out_ << "</div>\n<p class=\"meta\" id=\"summary-line\">" << esc(s.line()) << "</p>\n</section>\n";
  }

  void histogram(const BatchSummary& s) {
    std::size_t counts[10] = {};
    for (double v : scores_) ++counts[std::min<std::size_t>(9, static_cast<std::size_t>(clamp100(v) / 10.0))];
    const std::size_t top = std::max<std::size_t>(1, *std::max_element(std::begin(counts), std::end(counts)));
    const double left = 44, right = 16, top_pad = 34, plot_h = 190, width = 760;
    const double plot_w = width - left - right, slot = plot_w / 10, height = top_pad + plot_h + 44;
    const double base = top_pad + plot_h;
    out_ << "<section id=\"distribution\">\n<h2>Score distribution</h2>\n<svg class=\"chart\" role=\"img\" viewBox=\"0 0 "
         << num(width) << ' ' << num(height) << "\" width=\"" << num(width) << "\" height=\"" << num(height)
         << "\" aria-labelledby=\"dist-title\">\n<title id=\"dist-title\">"
         << esc("Scores of " + plural(scores_.size(), "résumé", "résumés") + " in ten buckets of 10 points") << "</title>\n";
    // Horizontal grid lines at round counts.
    const std::size_t step = top <= 5 ? 1 : top <= 10 ? 2 : top <= 25 ? 5 : static_cast<std::size_t>(std::ceil(top / 5.0));
    for (std::size_t c = 0; c <= top; c += step) {
      const double y = base - plot_h * static_cast<double>(c) / static_cast<double>(top);
      out_ << "<line class=\"grid\" x1=\"" << num(left) << "\" x2=\"" << num(width - right) << "\" y1=\"" << num(y)
           << "\" y2=\"" << num(y) << "\"/><text class=\"tick\" x=\"" << num(left - 6) << "\" y=\"" << num(y + 4)
           << "\" text-anchor=\"end\">" << c << "</text>\n";
    }
    for (int b = 0; b < 10; ++b) {
      const double h = plot_h * static_cast<double>(counts[b]) / static_cast<double>(top);
      const double x = left + slot * b + 4;
      const std::string range = std::to_string(b * 10) + "\xE2\x80\x93" + std::to_string(b * 10 + 10);
      out_ << "<g><title>" << range << ": " << plural(counts[b], "r\xC3\xA9sum\xC3\xA9", "r\xC3\xA9sum\xC3\xA9s")
           << "</title><rect class=\"bar\" x=\"" << num(x) << "\" y=\"" << num(base - h) << "\" width=\"" << num(slot - 8)
           << "\" height=\"" << num(h) << "\" rx=\"2\"/>";
      if (counts[b] > 0) {
        out_ << "<text class=\"val\" x=\"" << num(x + (slot - 8) / 2) << "\" y=\"" << num(base - h - 6)
             << "\" text-anchor=\"middle\">" << counts[b] << "</text>";
      }
      out_ << "<text class=\"tick\" x=\"" << num(x + (slot - 8) / 2) << "\" y=\"" << num(base + 16)
           << "\" text-anchor=\"middle\">" << range << "</text></g>\n";
    }
    out_ << "<line class=\"grid\" style=\"stroke:#9aa3ae\" x1=\"" << num(left) << "\" x2=\"" << num(width - right)
         << "\" y1=\"" << num(base) << "\" y2=\"" << num(base) << "\"/>\n";
    auto vline = [&](double v, const char* cls, const std::string& label, double label_y) {
      const double x = left + plot_w * clamp100(v) / 100.0;
      out_ << "<line class=\"" << cls << "\" x1=\"" << num(x) << "\" x2=\"" << num(x) << "\" y1=\"" << num(top_pad - 10)
           << "\" y2=\"" << num(base) << "\"/><text class=\"" << cls << "-lbl\" x=\"" << num(x) << "\" y=\""
           << num(label_y) << "\" text-anchor=\"middle\">" << esc(label) << "</text>\n";
    };
    const std::size_t read = s.passed + s.failed;
    if (read > 0) {
      const double mean = round1(s.score_sum / static_cast<double>(read));
      vline(mean, "marker", "mean " + fixed1(mean), 14);
    }
    if (thresholds_.min_score > 0) vline(thresholds_.min_score, "min", "minimum " + fixed1(thresholds_.min_score), 28);
    out_ << "<text class=\"tick\" x=\"" << num(left + plot_w / 2) << "\" y=\"" << num(height - 6)
         << "\" text-anchor=\"middle\">score</text>\n</svg>\n</section>\n";
  }

  std::ostream& out_;
  bool started_ = false;
  std::string role_name_, role_id_;
  Thresholds thresholds_;
  std::size_t categories_ = 0;
  std::size_t rows_ = 0;
  std::vector<double> scores_;  // only the numbers, for the histogram
};

}  // namespace

void write_score_html(std::ostream& out, const Report& r, const Document& doc) {
  page_start(out, fixed1(r.score) + "/100 \xC2\xB7 " + r.file + " \xC2\xB7 " + r.set->name, "'none'", "page");
  header_section(out, r);
  nav_and_cards(out, r);
  out << "<section id=\"categories\">\n<h2>Categories</h2>\n";
  category_chart(out, r);
  out << "</section>\n";
  matched_section(out, r);
  missing_section(out, r);
  competencies_section(out, r);
  profile_section(out, r);
  sections_section(out, r);
  warnings_section(out, r);
  text_section(out, r, doc);
  out << "<footer>resume-analyser \xC2\xB7 role <code>" << esc(r.set->id) << "</code> \xC2\xB7 as of "
      << esc(r.as_of.text()) << " \xC2\xB7 no network, no external files</footer>\n</div>\n</body>\n</html>\n";
  out.flush();
}

std::unique_ptr<BatchPrinter> make_html_batch_printer(std::ostream& out) {
  return std::make_unique<HtmlBatchPrinter>(out);
}

}  // namespace ra
