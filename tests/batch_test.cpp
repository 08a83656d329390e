// Batch checking: order-keeping worker pool, inputs, thresholds, printers,
// and the `batch` command end to end.
#include "resume_analyser/batch.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::path(RA_TEST_BINARY_DIR) / "scratch" / ("batch-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& p, const std::string& content) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

const ra::Role& mini_role() {
  static const ra::Role role = std::move(ra::Role::compile(std::move(ra::parse_keyword_set(
      "format: 1\nid: mini\nname: Mini\ncategories:\n"
      "  - id: langs\n    name: Languages\n    keywords:\n"
      "      - {name: Python, weight: 3, sources: [{guide: g, quote: q}]}\n"
      "      - {name: SQL, weight: 1, sources: [{guide: g, quote: q}]}\n"
      "  - id: ops\n    name: Ops\n    keywords:\n"
      "      - {name: Docker, weight: 2, sources: [{guide: g, quote: q}]}\n",
      "mini.yaml")).value())).value();
  return role;
}

ra::FileResult result_for(const std::string& file, const std::string& text, const ra::Thresholds& t) {
  ra::AnalysisOptions o;
  o.as_of = {2026, 11};
  if (text.empty()) return ra::judge(file, ra::Error{file + ": no text found in text file"}, t);
  return ra::judge(file, mini_role().analyse(ra::make_document(file, "text", {{ra::Zone::kBody, text}}), o), t);
}

std::string print_all(const std::string& format) {
  ra::Thresholds t;
  t.min_score = 50;
  t.min_category = {{"ops", 100}};
  std::ostringstream out;
  std::unique_ptr<ra::BatchPrinter> p = ra::BatchPrinter::create(format, out);
  REQUIRE(p);
  ra::BatchSummary s;
  p->begin(mini_role().keyword_set(), t);
  for (const ra::FileResult& r : {result_for("a.txt", "me@x.io Python, SQL, Docker", t),
                                  result_for("b, \"q\".txt", "me@x.io Python", t),
                                  result_for("c.txt", "", t)}) {
    s.add(r);
    p->add(r);
  }
  p->finish(s);
  return out.str();
}

struct Run {
  int status = -1;
  std::string out, err;
};

Run run(const std::string& args, const std::string& cwd, const std::string& input = "") {
  const fs::path dir = fresh_dir("run");
  const std::string cmd = "cd '" + cwd + "' && printf '" + input + "' | env -u RESUME_ANALYSER_PLUGIN_PATH '" +
                          RA_TEST_EXECUTABLE + "' batch --no-progress " + args + " >'" + (dir / "out").string() +
                          "' 2>'" + (dir / "err").string() + "'";
  const int raw = std::system(cmd.c_str());
  return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, ra::test::read_file((dir / "out").string()),
          ra::test::read_file((dir / "err").string())};
}

}  // namespace

TEST_CASE("ordered_parallel emits in input order with a bounded window", "[batch]") {
  for (unsigned jobs : {1u, 2u, 4u, 8u}) {
    std::vector<std::size_t> order;
    std::atomic<int> in_flight{0}, most{0};
    ra::ordered_parallel<std::size_t>(
        500, jobs, 8,
        [&](std::size_t i) {
          const int now = ++in_flight;
          int seen = most.load();
          while (now > seen && !most.compare_exchange_weak(seen, now)) {
          }
          if (i % 7 == 0) std::this_thread::yield();
          --in_flight;
          return i * 2;
        },
        [&](std::size_t i, std::size_t&& v) {
          CHECK(v == i * 2);
          order.push_back(i);
        });
    REQUIRE(order.size() == 500);
    for (std::size_t i = 0; i < order.size(); ++i) REQUIRE(order[i] == i);
    CHECK(most.load() <= static_cast<int>(std::max(1u, jobs)));
  }
}

TEST_CASE("ordered_parallel passes a worker's exception to the caller", "[batch]") {
  auto boom = [&] {
    ra::ordered_parallel<int>(
        100, 4, 8, [](std::size_t i) -> int { if (i == 42) throw std::runtime_error("boom"); return 0; },
        [](std::size_t, int&&) {});
  };
  CHECK_THROWS_WITH(boom(), "boom");
}

TEST_CASE("ordered_parallel emits one result at a time, and an exception from emit stops the run", "[batch]") {
  for (unsigned jobs : {2u, 4u}) {
    std::atomic<int> emitting{0};
    int most = 0;
    std::size_t next = 0;
    ra::ordered_parallel<std::size_t>(
        2000, jobs, 8, [](std::size_t i) { return i; },
        [&](std::size_t i, std::size_t&& v) {
          most = std::max(most, ++emitting);  // emit may run on any worker, never two at once
          CHECK(v == i);
          CHECK(i == next++);
          if (i % 50 == 0) std::this_thread::yield();
          --emitting;
        });
    CHECK(most == 1);
    CHECK(next == 2000);
  }
  std::atomic<std::size_t> worked{0};
  auto boom = [&] {
    ra::ordered_parallel<int>(
        1000, 4, 8, [&](std::size_t) { return static_cast<int>(++worked); },
        [](std::size_t i, int&&) {
          if (i == 10) throw std::runtime_error("printer failed");
        });
  };
  CHECK_THROWS_WITH(boom(), "printer failed");
  CHECK(worked < 1000);  // the run stopped, within the window of the failure
}

TEST_CASE("ordered_parallel_stream pulls inputs only as the window allows", "[batch]") {
  for (unsigned jobs : {1u, 2u, 4u}) {
    const std::size_t window = 6;
    std::size_t pulled = 0, emitted = 0, most_ahead = 0;
    std::vector<std::size_t> order;
    ra::ordered_parallel_stream<std::size_t, std::size_t>(
        [&]() -> std::optional<std::size_t> {  // called under the pool's lock
          if (pulled == 300) return std::nullopt;
          most_ahead = std::max(most_ahead, pulled - emitted);
          return pulled++ * 3;
        },
        jobs, window, [](std::size_t i, std::size_t&& input) { return input + i; },
        [&](std::size_t i, std::size_t&& v) {
          CHECK(v == i * 4);
          order.push_back(i);
          ++emitted;
        });
    REQUIRE(order.size() == 300);
    for (std::size_t i = 0; i < order.size(); ++i) REQUIRE(order[i] == i);
    CHECK(most_ahead <= window);  // never more than the window taken ahead of the output
  }
  auto boom = [] {
    int n = 0;
    ra::ordered_parallel_stream<int, int>(
        [&]() -> std::optional<int> {
          if (n == 50) throw std::runtime_error("no more input");
          return n++;
        },
        2, 4, [](std::size_t, int&& v) { return v; }, [](std::size_t, int&&) {});
  };
  CHECK_THROWS_WITH(boom(), "no more input");
}

TEST_CASE("inputs stream: a list is read as paths are needed, folders in whole-path order", "[batch]") {
  std::istringstream list("one.txt\ntwo.txt\nthree.txt\n");
  ra::InputPaths lazy({"-"}, list);
  CHECK(lazy.next() == std::optional<std::string>("one.txt"));
  CHECK(list.tellg() == std::streampos(8));  // only the first line was read
  CHECK(lazy.next() == std::optional<std::string>("two.txt"));
  CHECK(lazy.next() == std::optional<std::string>("three.txt"));
  CHECK(lazy.next() == std::nullopt);

  // Folder by folder, yet in the order of the whole paths sorted: "b-x"
  // before the files of folder "b" ('-' sorts before '/'), "b/c" before "b0/d".
  const fs::path dir = fresh_dir("stream-order");
  for (const char* f : {"b/c", "b-x", "b0/d", "a.txt", "b/a/z", ".h/x", "B"}) write(dir / f, "x");
  fs::create_directory_symlink(dir / "b0", dir / "link-to-folder");  // not followed
  fs::create_symlink(dir / "a.txt", dir / "link-to-file");            // a file
  fs::create_symlink(dir / "nowhere", dir / "dangling");              // skipped; the walk goes on
  std::istringstream none;
  std::vector<std::string> streamed;
  ra::InputPaths inputs({dir.string()}, none);
  while (std::optional<std::string> p = inputs.next()) streamed.push_back(*p);
  std::vector<std::string> expected;
  for (const char* f : {"B", "a.txt", "b/c", "b-x", "b0/d", "b/a/z", "link-to-file"}) expected.push_back((dir / f).string());
  std::sort(expected.begin(), expected.end());
  CHECK(streamed == expected);
  CHECK(streamed.front() == (dir / "B").string());
  CHECK(streamed[2] == (dir / "b-x").string());
}

TEST_CASE("inputs: files, folders recursively and sorted, '-' lists, hidden skipped", "[batch]") {
  const fs::path dir = fresh_dir("inputs");
  write(dir / "b.txt", "x");
  write(dir / "a" / "z.docx", "x");
  write(dir / ".git" / "config", "x");
  write(dir / ".hidden.txt", "x");
  std::istringstream list("one.txt\n\ntwo.docx\r\n");
  const std::vector<std::string> files =
      ra::expand_inputs({"first.txt", dir.string(), "-", "/missing.docx"}, list);
  CHECK(files == std::vector<std::string>{"first.txt", (dir / "a" / "z.docx").string(),
                                          (dir / "b.txt").string(), "one.txt", "two.docx", "/missing.docx"});
}

TEST_CASE("thresholds: overall and per category", "[batch]") {
  ra::Thresholds t;
  t.min_score = 50;
  t.min_category = {{"ops", 100}};
  ra::FileResult r = result_for("a.txt", "Python, SQL, Docker", t);
  CHECK(r.outcome == ra::Outcome::kPass);
  r = result_for("b.txt", "Python and SQL", t);
  CHECK(r.outcome == ra::Outcome::kFail);
  CHECK(r.reasons == std::vector<std::string>{"ops 0.0 is below 100.0"});
  r = result_for("c.txt", "SQL", t);
  CHECK(r.reasons == std::vector<std::string>{"score 16.7 is below 50.0", "ops 0.0 is below 100.0"});
  CHECK(ra::check_thresholds(t, mini_role().keyword_set()).empty());
  t.min_category = {{"cloud", 10}};
  CHECK(ra::check_thresholds(t, mini_role().keyword_set()) ==
        "role 'mini' has no category 'cloud' (categories: langs, ops)");
}

TEST_CASE("summary line and exit codes", "[batch]") {
  ra::BatchSummary s;
  CHECK(s.exit_code() == 0);
  ra::Thresholds t;
  t.min_score = 50;
  s.add(result_for("a", "Python, SQL, Docker", t));
  CHECK(s.exit_code() == 0);
  s.add(result_for("b", "SQL", t));
  CHECK(s.exit_code() == 1);
  s.add(result_for("c", "", t));
  CHECK(s.exit_code() == 2);
  CHECK(s.line() == "3 files: 1 passed, 1 failed, 1 error; mean score 58.4");
}

TEST_CASE("batch printers: exact output", "[batch]") {
  CHECK(print_all("text") ==
        "PASS   100.0  a.txt\n"
        "FAIL    50.0  b, \"q\".txt  (ops 0.0 is below 100.0; missing: Docker, SQL)\n"
        "ERROR         c.txt: no text found in text file\n");
  CHECK(print_all("csv") ==
        "file,status,score,langs,ops,experience_years,level,highest_degree,missing,reasons,error\n"
        "a.txt,pass,100.0,100.0,100.0,0.0,,none,,,\n"
        "\"b, \"\"q\"\".txt\",fail,50.0,75.0,0.0,0.0,,none,Docker; SQL,ops 0.0 is below 100.0,\n"
        "c.txt,error,,,,,,,,c.txt: no text found in text file\n");
  CHECK(print_all("jsonl") ==
        R"({"file":"a.txt","status":"pass","format":"text","role":"mini","score":100.0,"categories":{"langs":100.0,"ops":100.0},"reasons":[],"missing":[],"listed_only":[],"experience_years":0.0,"level":"","highest_degree":"none","warnings":[]})" "\n"
        R"({"file":"b, \"q\".txt","status":"fail","format":"text","role":"mini","score":50.0,"categories":{"langs":75.0,"ops":0.0},"reasons":["ops 0.0 is below 100.0"],"missing":["Docker","SQL"],"listed_only":[],"experience_years":0.0,"level":"","highest_degree":"none","warnings":[]})" "\n"
        R"({"file":"c.txt","status":"error","error":"c.txt: no text found in text file"})" "\n");
  CHECK(print_all("junit") ==
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<testsuites name=\"resume-analyser\" tests=\"3\" failures=\"1\" errors=\"1\">\n"
        "  <testsuite name=\"resume-analyser mini\" tests=\"3\" failures=\"1\" errors=\"1\" skipped=\"0\" time=\"0\">\n"
        "    <testcase classname=\"resume-analyser.mini\" name=\"a.txt\" time=\"0\"/>\n"
        "    <testcase classname=\"resume-analyser.mini\" name=\"b, &quot;q&quot;.txt\" time=\"0\">\n"
        "      <failure type=\"threshold\" message=\"ops 0.0 is below 100.0\">score 50.0: ops 0.0 is below 100.0; missing: Docker, SQL</failure>\n"
        "    </testcase>\n"
        "    <testcase classname=\"resume-analyser.mini\" name=\"c.txt\" time=\"0\">\n"
        "      <error type=\"unreadable\" message=\"c.txt: no text found in text file\"/>\n"
        "    </testcase>\n"
        "  </testsuite>\n"
        "</testsuites>\n");
  CHECK(print_all("github") ==
        "::notice file=a.txt,title=Résumé passes::score 100.0 for Mini\n"
        "::error file=b%2C \"q\".txt,title=Résumé below threshold::score 50.0 for Mini: ops 0.0 is below 100.0; missing: Docker, SQL\n"
        "::error file=c.txt,title=Unreadable résumé::c.txt: no text found in text file\n"
        "::notice title=resume-analyser::3 files: 1 passed, 1 failed, 1 error; mean score 75.0\n");
  CHECK(ra::BatchPrinter::create("xml", std::cout) == nullptr);
}

TEST_CASE("jsonl printer: keyword names escaped, for each role a printer meets", "[batch]") {
  // The printer writes each role's names as JSON once and reuses them.
  const ra::Role odd = std::move(ra::Role::compile(std::move(ra::parse_keyword_set(
      "format: 1\nid: odd\nname: Odd\ncategories:\n"
      "  - id: c\n    name: C\n    keywords:\n"
      "      - {name: 'Say \"hi\" \\ back', weight: 1, sources: [{guide: g, quote: q}], aliases: [hi]}\n"
      "      - {name: Café, weight: 1, sources: [{guide: g, quote: q}]}\n",
      "odd.yaml")).value())).value();
  ra::Thresholds t;
  ra::AnalysisOptions o;
  o.as_of = {2026, 11};
  std::ostringstream out;
  std::unique_ptr<ra::BatchPrinter> p = ra::BatchPrinter::create("jsonl", out);
  REQUIRE(p);
  p->begin(odd.keyword_set(), t);
  p->add(ra::judge("a.txt", odd.analyse(ra::make_document("a.txt", "text", {{ra::Zone::kBody, "nothing"}}), o), t));
  p->add(ra::judge("b.txt", mini_role().analyse(ra::make_document("b.txt", "text", {{ra::Zone::kBody, "SQL"}}), o), t));
  p->add(ra::judge("c.txt", odd.analyse(ra::make_document("c.txt", "text", {{ra::Zone::kBody, "hi"}}), o), t));
  const std::string lines = out.str();
  CHECK(lines.find(R"("missing":["Say \"hi\" \\ back","Café"])") != std::string::npos);
  CHECK(lines.find(R"("missing":["Python","Docker"])") != std::string::npos);
  CHECK(lines.find(R"("missing":["Café"])") != std::string::npos);
}

TEST_CASE("batch command: every input once, in order, whatever -j", "[batch][cli]") {
  const fs::path dir = fresh_dir("corpus");
  for (const char* s : {"strong-ml-engineer.docx", "weak-ml-engineer.docx", "strong-ml-engineer.html",
                        "weak-ml-engineer.txt"}) {
    fs::copy_file(fs::path(RA_TEST_SAMPLES_DIR) / s, dir / s);
  }
  write(dir / "photo.docx", std::string("\xff\xd8\xff\xe0\0\x10JFIF\0", 11));
  write(dir / "empty.txt", "");
  const Run one = run("--min-score 50 --as-of 2026-11 -j 1 --format jsonl .", dir.string());
  const Run four = run("--min-score 50 --as-of 2026-11 -j 4 --format jsonl .", dir.string());
  CHECK(one.status == 2);
  CHECK(one.out == four.out);
  CHECK(std::count(one.out.begin(), one.out.end(), '\n') == 6);
  CHECK(one.err == "resume-analyser: 6 files: 2 passed, 2 failed, 2 errors; mean score 48.8\n");

  const Run text = run("--min-score 50 --as-of 2026-11 .", dir.string());
  CHECK(text.out ==
        "ERROR         ./empty.txt: no text found in text file\n"
        "ERROR         ./photo.docx: " + ra::test::unsupported() + "\n" +
        "PASS    84.7  ./strong-ml-engineer.docx\n" +
        "PASS    84.7  ./strong-ml-engineer.html\n"
        "FAIL    12.8  ./weak-ml-engineer.docx  (score 12.8 is below 50.0; missing: R, TensorFlow, PyTorch, "
        "Deep learning, Experimentation, Cloud computing, AWS, Azure, Google Cloud, Model deployment)\n"
        "FAIL    12.8  ./weak-ml-engineer.txt  (score 12.8 is below 50.0; missing: R, TensorFlow, PyTorch, "
        "Deep learning, Experimentation, Cloud computing, AWS, Azure, Google Cloud, Model deployment)\n");
}

TEST_CASE("batch command: exit 0 when all pass, 1 below threshold, 2 on usage errors", "[batch][cli]") {
  const std::string samples = RA_TEST_SAMPLES_DIR;
  CHECK(run("strong-ml-engineer.docx --min-score 80", samples).status == 0);
  CHECK(run("strong-ml-engineer.docx weak-ml-engineer.docx --min-score 80", samples).status == 1);
  CHECK(run("- --min-score 80", samples, "strong-ml-engineer.docx\\nweak-ml-engineer.txt\\n").status == 1);
  Run r = run("strong-ml-engineer.docx --min-category nosuch=5", samples);
  CHECK(r.status == 2);
  CHECK(r.err.rfind("resume-analyser: --min-category: role 'ml-engineer' has no category 'nosuch'", 0) == 0);
  r = run("strong-ml-engineer.docx --format xml", samples);
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: --format: unknown batch format 'xml' (text, jsonl, csv, junit, github, html)\n");
  r = run("", fresh_dir("empty").string());
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: batch: no PATH given (on the command line or in the config's paths)\n");
}

TEST_CASE("batch command: a role that cannot be used stops the batch before any output", "[batch][cli]") {
  // The role loads while the first documents are read; when it fails, the
  // batch prints nothing but the reason, and writes no report.
  const fs::path dir = fresh_dir("bad-role");
  for (int i = 0; i < 40; ++i) {
    fs::copy_file(fs::path(RA_TEST_SAMPLES_DIR) / "weak-ml-engineer.txt", dir / ("r" + std::to_string(i) + ".txt"));
  }
  for (const char* jobs : {"-j 1", "-j 4"}) {
    INFO(jobs);
    Run r = run(std::string(jobs) + " --role astronaut --format jsonl .", dir.string());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("resume-analyser: unknown role 'astronaut' (known roles: ", 0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    r = run(std::string(jobs) + " --min-category nosuch=5 --format junit -o report.xml .", dir.string());
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err.rfind("resume-analyser: --min-category: role 'ml-engineer' has no category 'nosuch'", 0) == 0);
    CHECK(!fs::exists(dir / "report.xml"));
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
    CHECK(files == 40);  // no temporary report left behind
  }
}

TEST_CASE("batch command: a config file sets role, thresholds and paths", "[batch][cli]") {
  const fs::path dir = fresh_dir("config");
  fs::copy_file(fs::path(RA_TEST_SAMPLES_DIR) / "weak-ml-engineer.txt", dir / "weak.txt");
  write(dir / ".resume-analyser.yaml",
        "role: ml-engineer\nmin_score: 10\nmin_category:\n  programming-languages: 50\npaths: [weak.txt]\n"
        "format: csv\nas_of: 2026-11\n");
  Run r = run("", dir.string());
  CHECK(r.status == 1);
  CHECK(r.out.find("weak.txt,fail,12.8,38.9,") != std::string::npos);
  CHECK(r.out.find("programming-languages 38.9 is below 50.0") != std::string::npos);
  r = run("--min-score 5 --format text", dir.string());  // flags override the config
  CHECK(r.out.rfind("FAIL    12.8  ", 0) == 0);
  write(dir / "bad.yaml", "rol: x\n");
  r = run("--config bad.yaml", dir.string());
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: bad.yaml:1: unknown key 'rol' (expected one of: role, min_score, "
                 "min_category, paths, format, jobs, as_of)\n");
  const std::pair<const char*, const char*> bad[] = {
      {"min_score: ten\n", "bad.yaml:1: min_score must be a number"},
      {"role: x\nmin_category:\n  languages: [50]\n", "bad.yaml:3: min_category 'languages' must be a number"},
      {"jobs: 0\n", "bad.yaml:1: jobs must be a whole number, 1 or more"},
      {"paths: [a, [b]]\n", "bad.yaml:1: each of paths must be a string"},
      {"role: a\nrole: b\n", "bad.yaml:2: key 'role' appears twice in one mapping (lines 1 and 2)"},
      {"role: [unclosed\n", "bad.yaml:2: did not find expected ',' or ']' while parsing a flow sequence"},
  };
  for (const auto& [text, message] : bad) {
    write(dir / "bad.yaml", text);
    r = run("--config bad.yaml", dir.string());
    CHECK(r.status == 2);
    CHECK(r.err == std::string("resume-analyser: ") + message + "\n");
  }
}

TEST_CASE("batch command: --output is written whole, never half", "[batch][cli]") {
  const fs::path dir = fresh_dir("output");
  const Run r = run(std::string("--format junit -o ") + (dir / "report.xml").string() + " strong-ml-engineer.docx",
                    RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 0);
  CHECK(r.out.empty());
  const std::string report = ra::test::read_file((dir / "report.xml").string());
  CHECK(report.rfind("<?xml", 0) == 0);
  CHECK(report.find("</testsuites>\n") != std::string::npos);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
  CHECK(files == 1);  // no temporary file left behind
}

TEST_CASE("batch: a file name that is not UTF-8 is reported, not fatal", "[batch][cli]") {
  const fs::path dir = fresh_dir("latin1");
  fs::copy_file(fs::path(RA_TEST_SAMPLES_DIR) / "strong-ml-engineer.txt", dir / "caf\xe9.txt");
  const Run jsonl = run("--as-of 2026-11 --format jsonl .", dir.string());
  CHECK(jsonl.status == 0);
  CHECK(jsonl.out.rfind("{\"file\":\"./caf\xef\xbf\xbd.txt\",\"status\":\"pass\",\"format\":\"text\"", 0) == 0);
  const Run junit = run("--as-of 2026-11 --format junit .", dir.string());
  CHECK(junit.status == 0);
  CHECK(junit.out.find("name=\"./caf\xef\xbf\xbd.txt\"") != std::string::npos);

  const fs::path odd = fresh_dir("odd-names");
  fs::copy_file(fs::path(RA_TEST_SAMPLES_DIR) / "strong-ml-engineer.txt", odd / "a\\b\t\x01\"c\".txt");
  const Run escaped = run("--as-of 2026-11 --format jsonl .", odd.string());
  CHECK(escaped.out.rfind(R"({"file":"./a\\b\t\u0001\"c\".txt","status":"pass")", 0) == 0);
}

TEST_CASE("batch command on a terminal: the progress bar never runs into a result or the summary", "[batch][cli]") {
  // script(1) (bsdutils, essential in Debian) runs the command on a
  // pseudo-terminal, so stdout and stderr are both the terminal, as for a
  // user at a prompt.
  REQUIRE(std::system("command -v script >/dev/null 2>&1") == 0);
  const fs::path dir = fresh_dir("tty");
  for (int i = 0; i < 12; ++i) write(dir / "cvs" / ("cv" + std::to_string(i) + ".txt"), "me@x.io Python, SQL, Docker\n");
  const std::string cmd = "cd '" + dir.string() + "' && env -u RESUME_ANALYSER_PLUGIN_PATH script -qec \"'" +
                          RA_TEST_EXECUTABLE + "' batch cvs --format text -j 2\" /dev/null > '" +
                          (dir / "tty.out").string() + "' 2>&1";
  std::system(cmd.c_str());
  const std::string tty = ra::test::read_file((dir / "tty.out").string());
  REQUIRE(tty.find("resume-analyser: [") != std::string::npos);  // the bar was drawn
  CHECK(tty.find("12 files: 12 passed") != std::string::npos);
  // Everything written after the bar's "N/12" starts by clearing its line.
  for (std::size_t at = tty.find("/12"); at != std::string::npos; at = tty.find("/12", at + 1)) {
    const std::string after = tty.substr(at + 3, 4);
    INFO(tty.substr(at > 40 ? at - 40 : 0, 80));
    CHECK((after.empty() || after.rfind("\r\033[K", 0) == 0 || after[0] == '\r'));
  }
}
