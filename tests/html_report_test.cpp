// HTML reports: exact fragments, escaping of hostile names and text, keyword
// marks, no URL of any kind, and the batch page's rows and chart. The pages
// of the bundled samples are written to BUILD/tests/html/ for
// tests/browser/render_test.sh.
#include "resume_analyser/html_report.hpp"

#include "resume_analyser/analysis.hpp"
#include "resume_analyser/batch.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const char* const kSet = R"(format: 1
id: mini
name: Mini role
categories:
  - id: languages
    name: Languages
    keywords:
      - {name: Python, weight: 3, sources: [{guide: g, quote: q}]}
      - {name: SQL, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: R, weight: 2, case_sensitive: true, sources: [{guide: g, quote: q}]}
      - {name: Scala, weight: 1, sources: [{guide: g, quote: q}]}
  - id: ml
    name: Machine learning
    keywords:
      - {name: Machine learning, weight: 3, sources: [{guide: g, quote: q}]}
      - {name: TensorFlow, weight: 2, sources: [{guide: g, quote: q}]}
      - {name: TensorFlow Serving, weight: 1, sources: [{guide: g, quote: q}]}
competencies:
  - id: core
    name: Core skills
    sources: [{guide: g, quote: q}]
    rows:
      - {name: Writes code, level: High, evidence: [Python, SQL], needs: 2}
      - {name: Ships models, evidence: [TensorFlow Serving]}
)";

const ra::Role& mini_role() {
  static const ra::Role role =
      std::move(ra::Role::compile(std::move(ra::parse_keyword_set(kSet, "mini.yaml")).value())).value();
  return role;
}

struct Page {
  ra::Report report;
  std::string html;
};

Page score_page(const std::string& text, const std::string& file = "cv.txt") {
  const ra::Document doc = ra::make_document(file, "text", {{ra::Zone::kBody, text}});
  ra::AnalysisOptions options;
  options.as_of = {2026, 11};
  Page p{std::move(mini_role().analyse(doc, options)).value(), ""};
  std::ostringstream out;
  ra::write_score_html(out, p.report, doc);
  p.html = out.str();
  return p;
}

std::size_t count(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t p = haystack.find(needle); p != std::string::npos; p = haystack.find(needle, p + 1)) ++n;
  return n;
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

/// The text between the first `from` and the next `to` (both excluded).
std::string between(const std::string& s, const std::string& from, const std::string& to) {
  const std::size_t b = s.find(from);
  REQUIRE(b != std::string::npos);
  const std::size_t e = s.find(to, b + from.size());
  REQUIRE(e != std::string::npos);
  return s.substr(b + from.size(), e - b - from.size());
}

std::string mark(const std::string& keyword, const std::string& inner) {
  return "<mark class=\"kw\" data-keyword=\"" + keyword + "\" title=\"" + keyword + "\">" + inner + "</mark>";
}

void no_urls(const std::string& html) {
  CHECK(count(html, "http://") == 0);
  CHECK(count(html, "https://") == 0);
  CHECK(count(html, "src=") == 0);
  CHECK(count(html, "url(") == 0);
  CHECK(count(html, "@import") == 0);
  CHECK(count(html, "<link") == 0);
  CHECK(count(html, "<img") == 0);
}

ra::FileResult result_for(const std::string& file, const std::string& text, const ra::Thresholds& t) {
  if (text.empty()) return ra::judge(file, ra::Error{file + ": no text found in text file"}, t);
  ra::AnalysisOptions o;
  o.as_of = {2026, 11};
  return ra::judge(file, mini_role().analyse(ra::make_document(file, "text", {{ra::Zone::kBody, text}}), o), t);
}

fs::path html_dir() {
  const fs::path dir = fs::path(RA_TEST_BINARY_DIR) / "html";
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("score page: a valid, self-contained HTML5 document", "[html]") {
  const Page p = score_page("me@x.io\nSkills\nPython and Scala\nExperience\nPython, TensorFlow Serving");
  const std::string& h = p.html;
  CHECK(h.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(count(between(h, "<head>", "</head>"), "<title>") == 1);
  CHECK(count(h, "<style>") == 1);
  CHECK(count(h, "<script") == 0);
  CHECK(h.find("content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'none'") != std::string::npos);
  CHECK(h.size() > 1000);
  CHECK(ends_with(h, "</body>\n</html>\n"));
  no_urls(h);
  // The score, big and as a bar.
  // Python 3 + Scala 1 + TensorFlow 2 + TensorFlow Serving 1 of 14.
  CHECK(p.report.score == 50.0);
  CHECK(h.find("<div id=\"score\" data-score=\"50.0\"><div><span class=\"value\">50.0</span><span "
               "class=\"of\">/100</span></div>") != std::string::npos);
  CHECK(h.find("aria-valuenow=\"50.0\"><span style=\"width:50%\">") != std::string::npos);
  // One chart: an inline SVG in #categories with a title and a bar per category.
  CHECK(count(h, "<svg") == 1);
  const std::string chart = between(h, "<section id=\"categories\">", "</section>");
  CHECK(count(chart, "<svg class=\"chart\" role=\"img\"") == 1);
  CHECK(chart.find("<title id=\"cat-title\">Score by category (0 to 100); overall 50.0</title>") != std::string::npos);
  CHECK(count(chart, "<rect class=\"bar\"") == 2);
  CHECK(chart.find(">Languages</text>") != std::string::npos);
  CHECK(chart.find("<title>Machine learning: 50.0 (2 of 3 keywords)</title>") != std::string::npos);
  // Every id a test queries.
  for (const char* id : {"score", "categories", "matched", "missing", "competencies", "profile", "sections",
                         "warnings", "text"}) {
    INFO(id);
    CHECK(count(h, std::string(" id=\"") + id + "\"") == 1);
  }
}

TEST_CASE("score page: missing by weight, listed-only badge, competencies, warnings", "[html]") {
  const Page p = score_page("Skills\nPython and Scala\nExperience\nPython, TensorFlow Serving");
  const std::string& h = p.html;
  // Missing keywords, heaviest first, with their weight.
  const std::string missing = between(h, "<section id=\"missing\">", "</section>");
  CHECK(missing.find("<h2>Missing keywords (3), most important first</h2>") != std::string::npos);
  CHECK(count(missing, "<li ") == 3);
  const std::size_t ml = missing.find("<b>Machine learning</b>"), sql = missing.find("<b>SQL</b>"),
                    r = missing.find("<b>R</b>");
  CHECK(ml < sql);
  CHECK(sql < r);
  CHECK(missing.find("<li data-weight=\"3\"><b>Machine learning</b> <span class=\"w\" title=\"weight 3 of 3\">") !=
        std::string::npos);
  // Scala is only under Skills while the résumé has an Experience section.
  CHECK(h.find("<tr data-keyword=\"Scala\"><td><b>Scala</b> <span class=\"badge b-listed\">listed only</span></td>") !=
        std::string::npos);
  CHECK(h.find("<tr data-keyword=\"Python\"><td><b>Python</b></td>") != std::string::npos);
  // Competency rows: verdict as text and colour class, evidence with line and section.
  const std::string comp = between(h, "<section id=\"competencies\">", "</section>");
  CHECK(count(comp, "<tr data-verdict=") == 2);
  CHECK(comp.find("<tr data-verdict=\"partly met\"><td>Writes code</td><td>High</td><td><span class=\"badge "
                  "v-partly\">\xE2\x97\x90 partly met</span></td><td><span class=\"ev\"><q>Python</q> <span "
                  "class=\"where\"><a href=\"#L2\">line 2</a> (skills)</span></span><br><span class=\"lack\">not "
                  "found: SQL</span></td></tr>") != std::string::npos);
  CHECK(comp.find("<tr data-verdict=\"met\"><td>Ships models</td><td></td><td><span class=\"badge v-met\">") !=
        std::string::npos);
  CHECK(comp.find("<th>Level</th>") != std::string::npos);  // a row of the table has a level
  // No contact details: a warning with its code.
  const std::string warnings = between(h, "<section id=\"warnings\">", "</section>");
  CHECK(warnings.find("<li data-code=\"no-contact-details\"><span class=\"badge b-code\">no-contact-details</span> "
                      "no email address or phone number found</li>") != std::string::npos);
  // Sections found.
  CHECK(h.find("<li><b>Skills</b> <span class=\"where\">(skills, <a href=\"#L1\">line 1</a>)</span></li>") !=
        std::string::npos);
}

TEST_CASE("score page: every occurrence is marked in the numbered text", "[html]") {
  const Page p = score_page("Python and Scala\nReading R code; Python, R\nmachine\nlearning & TensorFlow Serving");
  const std::string& h = p.html;
  const std::string text = between(h, "<ol class=\"lines\">\n", "</ol>");
  CHECK(text == "<li id=\"L1\">" + mark("Python", "Python") + " and " + mark("Scala", "Scala") +
                    "</li>\n"
                    // "R" in "Reading" is no occurrence: only the word R is marked.
                    "<li id=\"L2\">Reading " + mark("R", "R") + " code; " + mark("Python", "Python") + ", " +
                    mark("R", "R") +
                    "</li>\n"
                    // A phrase across a line break: marked on both lines, the second part as a continuation.
                    "<li id=\"L3\">" + mark("Machine learning", "machine") +
                    "</li>\n"
                    "<li id=\"L4\"><mark class=\"kw kw-cont\" data-keyword=\"Machine learning\" title=\"Machine "
                    "learning\">learning</mark> &amp; "
                    // A keyword inside a longer one: nested marks.
                    "<mark class=\"kw\" data-keyword=\"TensorFlow Serving\" title=\"TensorFlow Serving\">" +
                    mark("TensorFlow", "TensorFlow") + " Serving</mark></li>\n");
  int places = 0;
  for (const ra::KeywordHit& hit : p.report.matched) places += static_cast<int>(hit.places.size());
  CHECK(places == 8);
  CHECK(count(text, "<mark class=\"kw\" ") == 8);
  CHECK(count(text, "<mark class=\"kw kw-cont\" ") == 1);
  CHECK(count(text, "<mark") == count(text, "</mark>"));
  // In the table of keywords found, places on one line are given once, with how many.
  CHECK(h.find("<td class=\"where\"><a href=\"#L2\">line 2</a> (top) \xC3\x97" "2</td>") != std::string::npos);
  CHECK(h.find("<td class=\"where\"><a href=\"#L1\">line 1</a> (top); <a href=\"#L2\">line 2</a> (top)</td>") !=
        std::string::npos);
}

TEST_CASE("score page: hostile file names and résumé text are escaped", "[html]") {
  const std::string name = "<img src=x onerror=alert(1)>.docx";
  const Page p = score_page(
      "<script>alert(\"x\")</script> Python & 'SQL'\n</li></ol><b onmouseover=alert(2)>\nbad\x01\xff bytes: caf\xC3\xA9\n"
      "<a href=\"https://x.io/a.js\">",
      name);
  const std::string& h = p.html;
  const std::string escaped = "&lt;img src=x onerror=alert(1)&gt;.docx";
  CHECK(count(h, "<img") == 0);
  CHECK(count(h, "<script") == 0);
  CHECK(count(h, "<b onmouseover") == 0);
  CHECK(count(h, "src=") == count(h, escaped));  // only inside the escaped name
  CHECK(h.find("<div class=\"file\" id=\"file\">" + escaped + "</div>") != std::string::npos);
  CHECK(h.find("<title>35.7/100 \xC2\xB7 " + escaped + " \xC2\xB7 Mini role</title>") != std::string::npos);
  const std::string text = between(h, "<ol class=\"lines\">\n", "</ol>");
  CHECK(text == "<li id=\"L1\">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; " + mark("Python", "Python") +
                    " &amp; &#39;" + mark("SQL", "SQL") +
                    "&#39;</li>\n"
                    "<li id=\"L2\">&lt;/li&gt;&lt;/ol&gt;&lt;b onmouseover=alert(2)&gt;</li>\n"
                    // A control character and a byte that is not UTF-8 become U+FFFD; é stays.
                    "<li id=\"L3\">bad\xEF\xBF\xBD\xEF\xBF\xBD bytes: caf\xC3\xA9</li>\n"
                    // Not even quoted text holds a URL scheme.
                    "<li id=\"L4\">&lt;a href=&quot;https&#58;//x.io/a.js&quot;&gt;</li>\n");
  CHECK(count(h, "https://") == 0);
}

TEST_CASE("score page: a job posting's title, file and unknown terms", "[html]") {
  const ra::Document doc = ra::make_document("cv.txt", "text", {{ra::Zone::kBody, "Python"}});
  ra::Report r = std::move(mini_role().analyse(doc)).value();
  r.job = ra::JobInfo{"<posting>.txt", "ML & <Data> Engineer", {{"LangChain", 2, 3}, {"S3", 1, 4}}};
  std::ostringstream out;
  ra::write_score_html(out, r, doc);
  const std::string h = out.str();
  CHECK(h.find("<p class=\"meta\" id=\"job\">Scored against the job posting <b>ML &amp; &lt;Data&gt; Engineer</b> "
               "(<code>&lt;posting&gt;.txt</code>)</p>") != std::string::npos);
  CHECK(h.find("<p id=\"unknown-terms\"><b>Posting terms no role knows</b> (check them yourself): LangChain \xC3\x97"
               "2, S3</p>") != std::string::npos);
  CHECK(score_page("Python").html.find("id=\"job\"") == std::string::npos);
}

TEST_CASE("score page: a résumé with nothing found still renders every part", "[html]") {
  const Page p = score_page("nothing here");
  const std::string& h = p.html;
  CHECK(h.find("<span class=\"value\">0.0</span>") != std::string::npos);
  CHECK(h.find("<p class=\"ok\">No keyword of the role was found.</p>") != std::string::npos);
  CHECK(count(between(h, "<section id=\"missing\">", "</section>"), "<li ") == 7);
  CHECK(count(h, "<mark") == 0);
  CHECK(count(h, "<svg") == 1);
  CHECK(h.find("<li id=\"L1\">nothing here</li>") != std::string::npos);
}

TEST_CASE("batch page: a row per input, streamed; summary and histogram at the end", "[html]") {
  ra::Thresholds t;
  t.min_score = 50;
  t.min_category = {{"ml", 10}};
  std::ostringstream out;
  std::unique_ptr<ra::BatchPrinter> p = ra::BatchPrinter::create("html", out);
  REQUIRE(p);
  CHECK(std::find(ra::BatchPrinter::formats().begin(), ra::BatchPrinter::formats().end(), "html") !=
        ra::BatchPrinter::formats().end());
  ra::BatchSummary s;
  p->begin(mini_role().keyword_set(), t);
  CHECK(out.str().find("<table id=\"results\">") != std::string::npos);
  const std::vector<ra::FileResult> results{
      result_for("a.txt", "me@x.io Python, SQL, R, Scala, machine learning, TensorFlow Serving", t),
      result_for("<img src=x onerror=alert(1)>.docx", "me@x.io Python", t),
      result_for("c.txt", "", t),
      result_for("d \"q\" 'x' & y.txt", "Python, SQL, TensorFlow", t)};
  for (std::size_t i = 0; i < results.size(); ++i) {
    s.add(results[i]);
    p->add(results[i]);
    // Streamed: the row is out before the next result arrives.
    CHECK(count(out.str(), "<tr data-i=") == i + 1);
  }
  CHECK(out.str().find("</html>") == std::string::npos);
  p->finish(s);
  const std::string h = out.str();
  CHECK(h.rfind("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
  CHECK(ends_with(h, "</body>\n</html>\n"));
  CHECK(count(between(h, "<tbody>", "</tbody>"), "<tr ") == results.size());
  CHECK(h.find("<title>R\xC3\xA9sum\xC3\xA9 batch report \xE2\x80\x94 Mini role</title>") != std::string::npos);
  // Columns: #, file, status, score, each category id, reasons or error.
  CHECK(h.find("<th class=\"num cat\" data-type=\"num\" data-first=\"desc\" title=\"Languages\"><button "
               "type=\"button\">languages</button></th><th class=\"num cat\" data-type=\"num\" data-first=\"desc\" "
               "title=\"Machine learning\"><button type=\"button\">ml</button></th><th><button type=\"button\">Reasons "
               "or error</button></th>") != std::string::npos);
  CHECK(h.find("<tr data-i=\"0\" data-status=\"pass\"><td class=\"num\">1</td><td class=\"file\">a.txt</td><td "
               "data-sort=\"0\"><span class=\"badge v-pass\">\xE2\x9C\x93 pass</span></td><td class=\"num\" "
               "data-sort=\"100.0\"><b>100.0</b>") != std::string::npos);
  CHECK(h.find("<td class=\"file\">&lt;img src=x onerror=alert(1)&gt;.docx</td>") != std::string::npos);
  CHECK(h.find("<td class=\"file\">d &quot;q&quot; &#39;x&#39; &amp; y.txt</td>") != std::string::npos);
  CHECK(h.find("<td class=\"why\">score 21.4 is below 50.0; ml 0.0 is below 10.0<br><span class=\"miss\">missing: "
               "Machine learning, SQL, R, TensorFlow, Scala, TensorFlow Serving</span></td>") != std::string::npos);
  CHECK(h.find("<td class=\"num\"></td><td class=\"cat\"></td><td class=\"cat\"></td><td class=\"why\">c.txt: no "
               "text found in text file</td>") != std::string::npos);
  CHECK(count(h, "<img") == 0);
  CHECK(count(h, "src=") == 1);  // the escaped file name
  CHECK(count(h, "http://") == 0);
  CHECK(count(h, "https://") == 0);
  // Summary and one chart: the distribution in ten buckets.
  CHECK(h.find("<p class=\"meta\" id=\"summary-line\">4 files: 2 passed, 1 failed, 1 error; mean score 57.1</p>") !=
        std::string::npos);
  CHECK(h.find("<div class=\"card\" id=\"passed\"><div class=\"k\">\xE2\x9C\x93 Passed</div><div class=\"v\">2</div>") !=
        std::string::npos);
  CHECK(count(h, "<svg") == 1);
  const std::string chart = between(h, "<section id=\"distribution\">", "</section>");
  CHECK(count(chart, "<rect class=\"bar\"") == 10);
  CHECK(chart.find("<title>20\xE2\x80\x93" "30: 1 r\xC3\xA9sum\xC3\xA9</title>") != std::string::npos);
  CHECK(chart.find("<title>50\xE2\x80\x93" "60: 1 r\xC3\xA9sum\xC3\xA9</title>") != std::string::npos);
  CHECK(chart.find("<title>90\xE2\x80\x93" "100: 1 r\xC3\xA9sum\xC3\xA9</title>") != std::string::npos);
  CHECK(chart.find("<title>0\xE2\x80\x93" "10: 0 r\xC3\xA9sum\xC3\xA9s</title>") != std::string::npos);
  CHECK(chart.find(">mean 57.1</text>") != std::string::npos);
  CHECK(chart.find(">minimum 50.0</text>") != std::string::npos);
  // The sorting script is inline, allowed by its hash and nothing else.
  CHECK(count(h, "<script>") == 1);
  CHECK(h.find("script-src 'sha256-") != std::string::npos);
}

TEST_CASE("batch page: no input and no score still make a complete page", "[html]") {
  std::ostringstream out;
  std::unique_ptr<ra::BatchPrinter> p = ra::make_html_batch_printer(out);
  p->begin(mini_role().keyword_set(), {});
  p->finish({});
  const std::string h = out.str();
  CHECK(count(between(h, "<tbody>", "</tbody>"), "<tr") == 0);
  CHECK(h.find("0 files: 0 passed, 0 failed, 0 errors</p>") != std::string::npos);
  CHECK(count(h, "<svg") == 1);
  CHECK(h.find("class=\"marker\"") == std::string::npos);  // no mean without scores
  CHECK(ends_with(h, "</body>\n</html>\n"));
}

TEST_CASE("html pages of the bundled samples: every place marked, no URL", "[html][samples]") {
  const ra::Role role = std::move(ra::Role::compile(
      std::move(ra::load_role("ml-engineer", {RA_TEST_SOURCE_KEYWORD_DIR})).value())).value();
  ra::AnalysisOptions options;
  options.as_of = {2026, 11};
  ra::Thresholds t;
  t.min_score = 60;
  std::ofstream batch_file(html_dir() / "batch.html", std::ios::binary);
  std::unique_ptr<ra::BatchPrinter> batch = ra::make_html_batch_printer(batch_file);
  batch->begin(role.keyword_set(), t);
  ra::BatchSummary summary;
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(RA_TEST_SAMPLES_DIR)) names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    INFO(name);
    ra::Result<ra::Document> doc =
        ra::read_document_file(ra::test::built_plugins(), std::string(RA_TEST_SAMPLES_DIR) + "/" + name);
    ra::FileResult result;
    if (doc) {
      ra::Result<ra::Report> report = role.analyse(*doc, options);
      REQUIRE(report);
      std::ostringstream out;
      ra::write_score_html(out, *report, *doc);
      const std::string h = out.str();
      no_urls(h);
      CHECK(count(h, "<svg") == 1);
      std::size_t places = 0;
      for (const ra::KeywordHit& hit : report->matched) places += hit.places.size();
      CHECK(places > 0);
      CHECK(count(h, "<mark class=\"kw\" ") == places);
      CHECK(count(h, "<mark") == count(h, "</mark>"));
      std::ofstream(html_dir() / (name + ".html"), std::ios::binary) << h;
      result = ra::judge("samples/" + name, std::move(report), t);
    } else {
      result = ra::judge("samples/" + name, std::move(doc).error(), t);
    }
    summary.add(result);
    batch->add(result);
  }
  batch->finish(summary);
  batch_file.close();
  const std::string h = ra::test::read_file((html_dir() / "batch.html").string());
  CHECK(count(between(h, "<tbody>", "</tbody>"), "<tr ") == names.size());
  no_urls(h);
}
