// Per-document stage timings for resume-analyser (docs/benchmarks.md).
//
//   cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release
//   cmake --build build-bench --target stages_bench
//   build-bench/bench/stages_bench --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
//       --benchmark_enable_random_interleaving=true    (one command line)
//
// Random interleaving runs the repetitions of all benchmarks in a shuffled
// order, so that a stage and the baseline it is compared with meet the same
// drift of the host's speed; run one after the other, they can be measured
// minutes and tens of per cent apart.
//
// RA_BENCH_PLUGIN_DIR=DIR in the environment loads the plugins from DIR instead
// of the build's plugins/ folder.
//
// Benchmarks, each on every bundled DOCX sample (the name ends with it):
//   Choose/              PluginHost::choose: every plugin sniffs the bytes
//   Extract/             the DOCX plugin's extract() on bytes in memory
//   Normalise/           make_document: normalise and join the chunks
//   Tokenise/            tokenize() of the normalised text
//   Match/               Matcher::find with the ml-engineer keywords
//   Analyse/             Role::analyse (tokenises, matches, sections, competencies, ...)
//   ReadAnalyse/         read_document (choose + extract + normalise) + Role::analyse
//   ReadFileAnalyse/     the same from the file (read_document_file), as `batch` does
//   Baseline/            bare libzip read of word/document.xml + pugixml parse of it
//   BaselineText/        the baseline plus a walk that collects every w:t text
// and matching flatness on the strong sample:
//   MatchFlat/distinct/N  N keywords (the role's, then generated one-word names
//                         that share no first word), N = 100, 1000, 10000
//   MatchFlat/shared/N    the same with generated two-word names whose first
//                         word is a common résumé word (bigger hash buckets)
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/matcher.hpp"
#include "resume_analyser/plugin_host.hpp"
#include "resume_analyser/text.hpp"

#include <benchmark/benchmark.h>
#include <pugixml.hpp>
#include <zip.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

const char* const kSamples[] = {
    "strong-ml-engineer.docx",
    "weak-ml-engineer.docx",
    "strong-ml-engineer.libreoffice.docx",
    "weak-ml-engineer.libreoffice.docx",
};

[[noreturn]] void die(const std::string& message) {
  std::fprintf(stderr, "stages_bench: %s\n", message.c_str());
  std::exit(2);
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) die("cannot read " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

/// What every benchmark shares: plugins, the role, the samples.
struct Fixture {
  ra::PluginHost host;
  std::unique_ptr<ra::Role> role;
  std::unique_ptr<ra::Matcher> matcher;  // the role's keywords, as Role::analyse uses them

  struct Sample {
    std::string path;
    std::string bytes;
    const ra::LoadedPlugin* plugin = nullptr;
    std::vector<ra::TextChunk> chunks;
    ra::Document doc;
    ra::Tokens tokens;
  };
  std::map<std::string, Sample> samples;

  Fixture() {
    // RA_BENCH_PLUGIN_DIR in the environment replaces the build's plugins
    // (to compare a changed plugin against the current one).
    const char* env_dir = std::getenv("RA_BENCH_PLUGIN_DIR");
    const std::string plugin_dir = env_dir != nullptr && *env_dir != '\0' ? env_dir : RA_BENCH_PLUGIN_DIR;
    if (host.load_directory(plugin_dir) == 0) die("no plugin loaded from " + plugin_dir);
    ra::Result<ra::KeywordSet> set =
        ra::load_keyword_set(std::string(RA_BENCH_KEYWORD_DIR) + "/ml-engineer.yaml");
    if (!set) die(set.error().message);
    ra::Result<ra::Role> compiled = ra::Role::compile(std::move(set).value());
    if (!compiled) die(compiled.error().message);
    role = std::make_unique<ra::Role>(std::move(compiled).value());
    ra::Result<ra::Matcher> m = ra::Matcher::compile(role->keyword_set());
    if (!m) die(m.error().message);
    matcher = std::make_unique<ra::Matcher>(std::move(m).value());

    for (const char* name : kSamples) {
      Sample s;
      s.path = std::string(RA_BENCH_SAMPLES_DIR) + "/" + name;
      s.bytes = slurp(s.path);
      s.plugin = host.choose(s.bytes, s.path);
      if (s.plugin == nullptr || s.plugin->info.name != "docx") die(s.path + ": not read as DOCX");
      ra::ExtractResult r = s.plugin->plugin->extract(s.bytes, ra::ExtractLimits{});
      if (!r.ok()) die(s.path + ": " + r.message);
      s.chunks = std::move(r.chunks);
      s.doc = ra::make_document(s.path, "docx", s.chunks);
      s.tokens = ra::tokenize(s.doc.text);
      samples.emplace(name, std::move(s));
    }
  }

  static Fixture& get() {
    static Fixture f;
    return f;
  }
};

void set_bytes(benchmark::State& state, const Fixture::Sample& s) {
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(s.bytes.size()));
  state.counters["tokens"] = static_cast<double>(s.tokens.size());
}

// ---------------------------------------------------------------------------
// Stages.

void BM_Choose(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  for (auto _ : state) benchmark::DoNotOptimize(f.host.choose(s.bytes, s.path));
  set_bytes(state, s);
}

void BM_Extract(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  const ra::ExtractLimits limits;
  for (auto _ : state) {
    ra::ExtractResult r = s.plugin->plugin->extract(s.bytes, limits);
    if (!r.ok()) state.SkipWithError(r.message.c_str());
    benchmark::DoNotOptimize(r.chunks.data());
  }
  set_bytes(state, s);
}

void BM_Normalise(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  for (auto _ : state) {
    ra::Document doc = ra::make_document(s.path, "docx", s.chunks);
    benchmark::DoNotOptimize(doc.text.data());
  }
  set_bytes(state, s);
}

void BM_Tokenise(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  for (auto _ : state) {
    ra::Tokens tokens = ra::tokenize(s.doc.text);
    benchmark::DoNotOptimize(tokens.begin());
  }
  set_bytes(state, s);
}

void BM_Match(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  std::size_t found = 0;
  for (auto _ : state) {
    ra::Result<std::vector<ra::Occurrence>> r = f.matcher->find(s.doc.text, s.tokens);
    if (!r) state.SkipWithError(r.error().message.c_str());
    found = r ? r->size() : 0;
    benchmark::DoNotOptimize(found);
  }
  set_bytes(state, s);
  state.counters["occurrences"] = static_cast<double>(found);
}

void BM_Analyse(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  ra::AnalysisOptions options;
  options.as_of = {2026, 1};
  for (auto _ : state) {
    ra::Result<ra::Report> r = f.role->analyse(s.doc, options);
    if (!r) state.SkipWithError(r.error().message.c_str());
    benchmark::DoNotOptimize(r);
  }
  set_bytes(state, s);
}

/// Reads the sample with `read(fixture, sample)` and analyses it, each iteration.
template <class Read>
void read_and_analyse(benchmark::State& state, const std::string& name, Read read) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  ra::AnalysisOptions options;
  options.as_of = {2026, 1};
  for (auto _ : state) {
    ra::Result<ra::Document> doc = read(f, s);
    if (!doc) {
      state.SkipWithError(doc.error().message.c_str());
      break;
    }
    ra::Result<ra::Report> r = f.role->analyse(*doc, options);
    benchmark::DoNotOptimize(r);
  }
  set_bytes(state, s);
}

void BM_ReadAnalyse(benchmark::State& state, const std::string& name) {
  read_and_analyse(state, name, [](Fixture& f, const Fixture::Sample& s) {
    return ra::read_document(f.host, s.path, s.bytes);
  });
}

void BM_ReadFileAnalyse(benchmark::State& state, const std::string& name) {
  read_and_analyse(state, name, [](Fixture& f, const Fixture::Sample& s) {
    return ra::read_document_file(f.host, s.path);
  });
}

// ---------------------------------------------------------------------------
// Baseline: the least any DOCX reader must do.

/// Inflates word/document.xml with libzip from memory; "" on failure.
std::string read_document_xml(const std::string& bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return {};
  zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
  zip_error_fini(&error);
  if (archive == nullptr) {
    zip_source_free(source);
    return {};
  }
  std::string xml;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(archive, "word/document.xml", 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0) {
    if (zip_file_t* file = zip_fopen(archive, "word/document.xml", 0)) {
      xml.resize(st.size);
      const zip_int64_t got = zip_fread(file, xml.data(), st.size);
      xml.resize(got < 0 ? 0 : static_cast<std::size_t>(got));
      zip_fclose(file);
    }
  }
  zip_discard(archive);  // frees the source too
  return xml;
}

constexpr unsigned kPugiOptions = pugi::parse_default | pugi::parse_ws_pcdata_single;

void BM_Baseline(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  for (auto _ : state) {
    std::string xml = read_document_xml(s.bytes);
    pugi::xml_document doc;
    if (xml.empty() ||
        !doc.load_buffer_inplace(xml.data(), xml.size(), kPugiOptions, pugi::encoding_utf8)) {
      state.SkipWithError("baseline could not parse word/document.xml");
      break;
    }
    benchmark::DoNotOptimize(doc.document_element().internal_object());
  }
  set_bytes(state, s);
}

struct TextCollector : pugi::xml_tree_walker {
  std::string text;
  bool for_each(pugi::xml_node& node) override {
    if (node.type() == pugi::node_element && std::strcmp(node.name(), "w:t") == 0) {
      text += node.text().get();
    } else if (node.type() == pugi::node_element && std::strcmp(node.name(), "w:p") == 0) {
      text += '\n';
    }
    return true;
  }
};

void BM_BaselineText(benchmark::State& state, const std::string& name) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at(name);
  for (auto _ : state) {
    std::string xml = read_document_xml(s.bytes);
    pugi::xml_document doc;
    if (xml.empty() ||
        !doc.load_buffer_inplace(xml.data(), xml.size(), kPugiOptions, pugi::encoding_utf8)) {
      state.SkipWithError("baseline could not parse word/document.xml");
      break;
    }
    TextCollector walker;
    doc.traverse(walker);
    benchmark::DoNotOptimize(walker.text.data());
  }
  set_bytes(state, s);
}

// ---------------------------------------------------------------------------
// Matching flatness: the same document against ever bigger keyword sets.

// Words résumés are full of, so "shared" names start with words the text has.
const char* const kWords[] = {
    "data",      "machine",  "learning",   "model",     "python",     "cloud",
    "deep",      "software", "engineering", "systems",  "analysis",   "design",
    "training",  "pipeline", "production", "research",  "team",       "experience",
    "developed", "built",    "led",        "managed",   "deployed",   "scalable",
    "real",      "time",     "feature",    "features",  "services",   "platform",
    "distributed", "computer", "science",  "statistics", "neural",    "networks",
    "natural",   "language", "processing", "vision",    "recommendation", "ranking",
    "search",    "testing",  "monitoring", "infrastructure", "kubernetes", "docker",
    "spark",     "sql",      "aws",        "gcp",       "azure",      "api",
    "framework", "open",     "source",     "university", "bachelor",  "master",
    "senior",    "engineer", "project",    "projects",
};
constexpr std::size_t kWordCount = sizeof kWords / sizeof kWords[0];

enum class Synthetic { kDistinct, kShared };

/// The role's keywords (patterns dropped; it has none today), then generated
/// ones up to `n`, in a category of their own. Deterministic.
std::unique_ptr<ra::KeywordSet> synthetic_set(const ra::KeywordSet& base, std::size_t n,
                                              Synthetic kind) {
  auto set = std::make_unique<ra::KeywordSet>();
  set->id = "synthetic";
  set->categories = base.categories;
  for (const ra::Keyword& kw : base.keywords) {
    if (set->keywords.size() == n) break;
    ra::Keyword copy = kw;
    copy.patterns.clear();
    set->keywords.push_back(std::move(copy));
  }
  const std::size_t category = set->categories.size();
  set->categories.push_back({"synthetic", "Synthetic", {}});
  for (std::size_t i = 0; set->keywords.size() < n; ++i) {
    ra::Keyword kw;
    const std::string a = kWords[i % kWordCount];
    const std::string b = kWords[(i / kWordCount + 7 * i) % kWordCount];
    kw.name = kind == Synthetic::kDistinct ? a + "x" + std::to_string(i)     // "datax17": one token
                                           : a + " " + b + std::to_string(i);  // "data python17"
    kw.weight = 1 + static_cast<int>(i % 3);
    kw.category = category;
    set->categories.back().keywords.push_back(set->keywords.size());
    set->keywords.push_back(std::move(kw));
  }
  return set;
}

void BM_MatchFlat(benchmark::State& state, Synthetic kind) {
  Fixture& f = Fixture::get();
  const Fixture::Sample& s = f.samples.at("strong-ml-engineer.docx");
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::unique_ptr<ra::KeywordSet> set = synthetic_set(f.role->keyword_set(), n, kind);
  ra::Result<ra::Matcher> matcher = ra::Matcher::compile(*set);
  if (!matcher) {
    state.SkipWithError(matcher.error().message.c_str());
    return;
  }
  std::size_t found = 0;
  for (auto _ : state) {
    ra::Result<std::vector<ra::Occurrence>> r = matcher->find(s.doc.text, s.tokens);
    found = r ? r->size() : 0;
    benchmark::DoNotOptimize(found);
  }
  state.counters["keywords"] = static_cast<double>(set->keywords.size());
  state.counters["occurrences"] = static_cast<double>(found);
  state.counters["tokens"] = static_cast<double>(s.tokens.size());
}

void register_all() {
  using Fn = void (*)(benchmark::State&, const std::string&);
  const std::pair<const char*, Fn> stages[] = {
      {"Choose", BM_Choose},           {"Extract", BM_Extract},
      {"Normalise", BM_Normalise},     {"Tokenise", BM_Tokenise},
      {"Match", BM_Match},             {"Analyse", BM_Analyse},
      {"ReadAnalyse", BM_ReadAnalyse}, {"ReadFileAnalyse", BM_ReadFileAnalyse},
      {"Baseline", BM_Baseline},       {"BaselineText", BM_BaselineText},
  };
  for (const auto& [stage, fn] : stages) {
    for (const char* sample : kSamples) {
      benchmark::RegisterBenchmark((std::string(stage) + "/" + sample).c_str(), fn,
                                   std::string(sample))
          ->Unit(benchmark::kMicrosecond);
    }
  }
  for (const auto& [label, kind] : {std::pair{"distinct", Synthetic::kDistinct},
                                    std::pair{"shared", Synthetic::kShared}}) {
    benchmark::RegisterBenchmark((std::string("MatchFlat/") + label).c_str(), BM_MatchFlat, kind)
        ->Arg(100)
        ->Arg(1000)
        ->Arg(10000)
        ->Unit(benchmark::kMicrosecond);
  }
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  Fixture::get();  // load plugins, role and samples before any timing
  register_all();
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
