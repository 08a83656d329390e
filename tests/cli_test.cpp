// End-to-end: the built executable, its exit codes and its exact messages.
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
  std::string err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

/// Runs build/resume-analyser with `args` (already shell-quoted where needed)
/// in the folder `cwd` (the current one when empty).
Run run(const std::string& args, const std::string& cwd = "", const std::string& env = "") {
  // ctest runs test cases in parallel processes: one folder per process and call.
  static int calls = 0;
  const fs::path dir = fs::path(RA_TEST_BINARY_DIR) / "scratch" /
                       ("cli-" + std::to_string(getpid()) + "-" + std::to_string(++calls));
  fs::create_directories(dir);
  const fs::path out = dir / "stdout", err = dir / "stderr";
  const std::string cd = cwd.empty() ? "" : "cd " + quote(cwd) + " && ";
  const std::string cmd = cd + "env -u RESUME_ANALYSER_PLUGIN_PATH -u RESUME_ANALYSER_KEYWORDS_PATH " + env + " " +
                          quote(RA_TEST_EXECUTABLE) + " " + args + " >" + quote(out.string()) +
                          " 2>" + quote(err.string()) + " </dev/null";
  const int raw = std::system(cmd.c_str());
  Run r;
  r.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
  r.out = ra::test::read_file(out.string());
  r.err = ra::test::read_file(err.string());
  return r;
}

std::string samples(const std::string& name) { return quote(std::string(RA_TEST_SAMPLES_DIR) + "/" + name); }

/// Writes `content` to a file `name` alone in a fresh folder.
fs::path scratch_file(const std::string& name, const std::string& content) {
  const fs::path dir = fs::path(RA_TEST_BINARY_DIR) / "scratch" /
                       ("cli-inputs-" + std::to_string(getpid())) / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << content;
  return dir / name;
}

}  // namespace

TEST_CASE("cli: a missing file is exit 2 with one line naming it", "[cli]") {
  const Run r = run("score /no/such/resume.docx --role ml-engineer");
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "resume-analyser: /no/such/resume.docx: no such file\n");
}

TEST_CASE("cli: a folder is not a résumé", "[cli]") {
  const Run r = run("extract " + quote(RA_TEST_SAMPLES_DIR));
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: " + std::string(RA_TEST_SAMPLES_DIR) + ": is a folder, not a file\n");
}

TEST_CASE("cli: an unsupported format names the supported ones", "[cli]") {
  const fs::path jpeg = scratch_file("photo.docx", std::string("\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0", 14));
  const Run r = run("score " + quote(jpeg.string()));
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: " + jpeg.string() + ": " + ra::test::unsupported() + "\n");
}

TEST_CASE("cli: an empty file has no text to score", "[cli]") {
  const fs::path empty = scratch_file("empty.txt", "");
  const Run r = run("score " + quote(empty.string()));
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: " + empty.string() + ": no text found in text file\n");
}

TEST_CASE("cli: a broken plugin is reported and the others still work", "[cli]") {
  const Run r = run("--plugin-dir " + quote(RA_TEST_BAD_PLUGIN_DIR) + " extract " +
                    samples("weak-ml-engineer.txt"));
  CHECK(r.status == 0);
  CHECK(r.err ==
        "resume-analyser: warning: skipped plugin " RA_TEST_BAD_PLUGIN_DIR
        "/no_exports_plugin.so: missing export ra_plugin_abi: not a resume-analyser plugin\n"
        "resume-analyser: warning: skipped plugin " RA_TEST_BAD_PLUGIN_DIR
        "/wrong_abi_plugin.so: incompatible plugin: ABI 4 (string ABI 1, sizeof(std::string) 32), "
        "host expects ABI 3 (string ABI 1, sizeof(std::string) 32)\n");
  CHECK(r.out.rfind("Taylor Brennan-Voss\n", 0) == 0);

  const Run listed = run("--plugin-dir " + quote(RA_TEST_BAD_PLUGIN_DIR) + " plugins");
  CHECK(listed.status == 2);  // `plugins` is the health check: any refusal fails it
  std::string expected;  // one line per built plugin, in file-name order
  for (const ra::LoadedPlugin& p : ra::test::built_plugins().plugins()) {
    std::string extensions;
    for (const std::string& e : p.info.extensions) extensions += (extensions.empty() ? "" : " ") + e;
    expected += p.info.name + "\t" + p.info.version + "\t" + p.info.description + " (" + extensions + ")\t" +
                p.file.string() + "\n";
  }
  CHECK(listed.out == expected);
  CHECK(listed.out.rfind("docx\t1.0.0\tWord document (DOCX) (.docx)\t" RA_TEST_PLUGIN_DIR "/docx.so\n", 0) == 0);
}

TEST_CASE("cli: a bad keyword file is exit 2 with file:line", "[cli]") {
  const fs::path bad = scratch_file("bad-role.yaml",
                                    "format: 1\nid: bad-role\nname: Bad\ncategories:\n"
                                    "  - id: x\n    name: X\n    keywords:\n"
                                    "      - {name: Python, wieght: 3, sources: [{guide: g, quote: q}]}\n");
  const Run r = run("score " + samples("weak-ml-engineer.txt") + " --role " + quote(bad.string()));
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: " + bad.string() +
                     ":8: unknown key 'wieght' in keyword (expected one of: name, weight, aliases, "
                     "exact_aliases, case_sensitive, context, inflect, patterns, sources)\n");
}

TEST_CASE("cli: an unknown role lists the known ones", "[cli]") {
  const Run r = run("missing " + samples("weak-ml-engineer.txt") + " --role astronaut");
  CHECK(r.status == 2);
  CHECK(r.err.rfind("resume-analyser: unknown role 'astronaut' (known roles: ", 0) == 0);
  CHECK(r.err.find(" ml-engineer,") != std::string::npos);
}

TEST_CASE("cli: bad arguments are exit 2 on one line", "[cli]") {
  Run r = run("score");
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: FILE is required (see resume-analyser --help)\n");
  r = run("score x.docx --format xml");
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: --format: xml not in {text,json,html} (see resume-analyser --help)\n");
  r = run("frobnicate");
  CHECK(r.status == 2);
  r = run("--help");
  CHECK(r.status == 0);
  CHECK(r.out.find("score") != std::string::npos);
}

TEST_CASE("cli: extract prints the text the analyser reads", "[cli]") {
  const Run r = run("extract " + samples("weak-ml-engineer.txt"));
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out == ra::test::read_file(std::string(RA_TEST_DATA_DIR) + "/expected/weak-ml-engineer.txt.extract"));
}

TEST_CASE("cli: roles lists the bundled roles", "[cli]") {
  const Run r = run("roles");
  CHECK(r.status == 0);
  CHECK(r.out.find("\nml-engineer\tMachine Learning Engineer\t") != std::string::npos);
  CHECK(r.out.find("\nmlops-engineer\tMLOps Engineer\t") != std::string::npos);
}

TEST_CASE("cli: exact JSON score of a fixed sample", "[cli]") {
  // Run from the samples folder so the "file" field is the plain file name.
  const Run r = run("score weak-ml-engineer.docx --role ml-engineer --format json --as-of 2026-11",
                    RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  const std::string golden = std::string(RA_TEST_DATA_DIR) + "/expected/weak-ml-engineer.score.json";
  if (std::getenv("RA_UPDATE_GOLDEN") != nullptr) std::ofstream(golden, std::ios::binary) << r.out;
  CHECK(r.out == ra::test::read_file(golden));
}

TEST_CASE("cli: missing lists the gaps, most important first", "[cli]") {
  const Run r = run("missing weak-ml-engineer.txt --role ml-engineer", RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 0);
  CHECK(r.out.rfind("Missing (86), most important first:\n  R  (weight 3, Programming languages)\n"
                    "  TensorFlow  (weight 3, Machine learning frameworks and libraries)\n", 0) == 0);
}

TEST_CASE("cli: search paths come from the environment too", "[cli]") {
  const Run plugins = run("plugins", "", "RESUME_ANALYSER_PLUGIN_PATH=/nonexistent:" + quote(RA_TEST_BAD_PLUGIN_DIR));
  CHECK(plugins.status == 2);
  CHECK(plugins.err.find("skipped plugin " RA_TEST_BAD_PLUGIN_DIR "/wrong_abi_plugin.so") != std::string::npos);

  const fs::path role = scratch_file("tiny-role.yaml",
                                     "format: 1\nid: tiny-role\nname: Tiny\ndescription: Only Python.\n"
                                     "categories:\n  - id: x\n    name: X\n    keywords:\n"
                                     "      - {name: Python, weight: 3, sources: [{guide: g, quote: q}]}\n");
  const std::string env = "RESUME_ANALYSER_KEYWORDS_PATH=" + quote(role.parent_path().string());
  const Run roles = run("roles", "", env);
  CHECK(roles.status == 0);
  CHECK(roles.out.find("tiny-role\tTiny\t1 keywords, 0 competency tables\tOnly Python.\tsources: \t" +
                       role.string() + "\n") != std::string::npos);
  const Run score = run("score " + samples("weak-ml-engineer.txt") + " --role tiny-role --format json", "", env);
  CHECK(score.status == 0);
  CHECK(score.out.find("\"score\": 100.0") != std::string::npos);
}

TEST_CASE("cli: hidden text and header-only contact details are flagged end to end", "[cli]") {
  const std::string data = RA_TEST_DATA_DIR;
  Run r = run("score " + quote(data + "/docx/hidden_text.docx") + " --as-of 2026-11");
  CHECK(r.status == 0);
  CHECK(r.out.find("\nWarnings\n  - 24 words of hidden text (invisible formatting) were left out of the score; "
                   "they name Kubernetes, Scala, Docker, Machine learning, TensorFlow, PyTorch, AWS, Mentoring\n"
                   "  - contact details appear only in the page header or footer, which many screening "
                   "systems skip\n  - 1 line sits in text boxes, which many screening systems do not read\n") !=
        std::string::npos);
  r = run("score " + quote(data + "/html/resume-hidden.html") + " --format json --as-of 2026-11");
  CHECK(r.status == 0);
  CHECK(r.out.find("\"hidden_words\": 16,") != std::string::npos);
  CHECK(r.out.find("\"code\": \"hidden-text\"") != std::string::npos);
}

TEST_CASE("cli: --job scores against a posting and lists what it lacks", "[cli]") {
  const std::string posting = std::string(RA_TEST_DATA_DIR) + "/postings/ml-engineer-posting.txt";
  Run r = run("missing weak-ml-engineer.docx --job " + quote(posting), RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 0);
  CHECK(r.out ==
        "Missing (17), most important first:\n"
        "  Model deployment  (weight 4, Hard skills)\n  PyTorch  (weight 3, Hard skills)\n"
        "  TensorFlow  (weight 3, Hard skills)\n  Docker  (weight 3, Hard skills)\n"
        "  Kubernetes  (weight 3, Hard skills)\n  MLflow  (weight 3, Hard skills)\n"
        "  Stakeholders  (weight 3, Soft skills)\n  Master's degree  (weight 3, Education)\n"
        "  Computer science  (weight 3, Education)\n  Statistics  (weight 3, Hard skills)\n"
        "  Senior Machine Learning Engineer  (weight 3, Job title)\n  AWS  (weight 2, Hard skills)\n"
        "  Data pipelines  (weight 2, Hard skills)\n  Model monitoring  (weight 2, Hard skills)\n"
        "  Mentoring  (weight 2, Soft skills)\n  Scala  (weight 1, Hard skills)\n  Java  (weight 1, Hard skills)\n"
        "Posting terms no role knows (check them yourself):\n  GPT-4, LangChain, vLLM\n");
  r = run("score strong-ml-engineer.docx --format json --as-of 2026-11 --job " + quote(posting), RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 0);
  CHECK(r.out.find("\"role\": \"job-posting\"") != std::string::npos);
  CHECK(r.out.find("\"score\": 96.6") != std::string::npos);
  CHECK(r.out.find("\"title\": \"Senior Machine Learning Engineer\"") != std::string::npos);
  r = run("score strong-ml-engineer.docx --job /no/posting.txt", RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 2);
  CHECK(r.err == "resume-analyser: --job: /no/posting.txt: no such file\n");
}

TEST_CASE("cli: fit ranks every role", "[cli]") {
  const Run r = run("fit strong-ml-engineer.docx --as-of 2026-11", RA_TEST_SAMPLES_DIR);
  CHECK(r.status == 0);
  CHECK(r.out.rfind(" 84.7  Machine Learning Engineer ", 0) == 0);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 10);
  const Run j = run("fit weak-ml-engineer.docx --format json --as-of 2026-11", RA_TEST_SAMPLES_DIR);
  CHECK(j.out.find("\"top_gaps\": [") != std::string::npos);
}

TEST_CASE("cli: colour only on a terminal or when asked, never with NO_COLOR", "[cli]") {
  Run r = run("score weak-ml-engineer.docx", RA_TEST_SAMPLES_DIR);  // stdout is a file here
  CHECK(r.out.find('\033') == std::string::npos);
  r = run("score weak-ml-engineer.docx --color always", RA_TEST_SAMPLES_DIR);
  CHECK(r.out.rfind("weak-ml-engineer.docx: \033[1;31m12.8/100\033[0m for", 0) == 0);
  CHECK(r.out.find("\033[1;31m38.9\033[0m  3/8\033[1;31m  \u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2588\u2591") !=
        std::string::npos);
  r = run("score weak-ml-engineer.docx --color never", RA_TEST_SAMPLES_DIR);
  CHECK(r.out.find('\033') == std::string::npos);
}
