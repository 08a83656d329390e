#include "batch_command.hpp"

#include "cli_support.hpp"

#include "resume_analyser/batch.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <future>
#include <iostream>
#include <optional>
#include <thread>

namespace cli {
namespace fs = std::filesystem;

namespace {

/// A one-line progress bar on stderr, redrawn at most ten times a second.
/// Text for the same terminal goes after clear(), which the next update()
/// redraws after.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled && isatty(STDERR_FILENO)) {}
  bool enabled() const { return enabled_; }
  void set_total(std::size_t total) { total_ = total; }
  ~Progress() { clear(); }
  void clear() {
    if (enabled_ && drawn_) std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
  }
  void update(std::size_t done) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    constexpr int kWidth = 30;
    const int filled = total_ ? static_cast<int>(kWidth * done / total_) : kWidth;
    std::cerr << "\rresume-analyser: [" << std::string(filled, '#') << std::string(kWidth - filled, '.')
              << "] " << done << "/" << total_ << std::flush;
  }

 private:
  bool enabled_;
  std::size_t total_ = 0;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

/// Output to a file is written to a temporary file beside it and renamed
/// into place at the end, so a killed run never leaves half a report.
class ReportFile {
 public:
  explicit ReportFile(const std::string& path) : path_(path) {
    if (path_.empty()) return;
    temp_ = path_ + ".tmp." + std::to_string(getpid());
    file_.open(temp_, std::ios::binary | std::ios::trunc);
  }
  ~ReportFile() {
    if (!committed_ && !temp_.empty()) std::remove(temp_.c_str());
  }
  bool ok() const { return path_.empty() || file_.good(); }
  std::ostream& stream() { return path_.empty() ? std::cout : file_; }
  std::string commit() {  // "" or an error message
    if (path_.empty()) return "";
    file_.close();
    if (!file_) return "cannot write " + temp_;
    std::error_code ec;
    fs::rename(temp_, path_, ec);
    if (ec) return "cannot rename " + temp_ + " to " + path_ + ": " + ec.message();
    committed_ = true;
    return "";
  }

 private:
  std::string path_, temp_;
  std::ofstream file_;
  bool committed_ = false;
};

}  // namespace

int run_batch(const BatchOptions& o) {
  // Settings: flags, then the config file, then defaults.
  ra::BatchConfig config;
  const std::string config_file = !o.config.empty() ? o.config
                                  : fs::exists(".resume-analyser.yaml") ? ".resume-analyser.yaml"
                                                                        : "";
  if (!config_file.empty()) {
    ra::Result<ra::BatchConfig> loaded = ra::load_batch_config(config_file);
    if (!loaded) return fail(loaded.error().message);
    config = std::move(loaded).value();
  }
  const std::string role_id = !o.role.empty() ? o.role : config.role.value_or("ml-engineer");
  const std::string format = !o.format.empty() ? o.format : config.format.value_or("text");
  const unsigned jobs = o.jobs ? o.jobs : config.jobs.value_or(std::max(1u, std::thread::hardware_concurrency()));
  ra::Thresholds thresholds;
  thresholds.min_score = o.min_score >= 0 ? o.min_score : config.min_score.value_or(0);
  thresholds.min_category = config.min_category;
  for (const std::string& spec : o.min_category) {
    const std::size_t eq = spec.find('=');
    char* end = nullptr;
    const double value = eq == std::string::npos ? 0 : std::strtod(spec.c_str() + eq + 1, &end);
    if (eq == std::string::npos || eq == 0 || end == spec.c_str() + eq + 1 || *end != '\0') {
      return fail("--min-category: expected ID=SCORE, got '" + spec + "'");
    }
    thresholds.min_category.emplace_back(spec.substr(0, eq), value);
  }
  ra::AnalysisOptions analysis;
  const std::string as_of = !o.as_of.empty() ? o.as_of : config.as_of.value_or("");
  if (!as_of.empty() && !parse_month(as_of, &analysis.as_of)) {
    return fail("--as-of: expected YYYY-MM, got '" + as_of + "'");
  }
  const std::vector<std::string> paths = !o.paths.empty() ? o.paths : config.paths;
  if (paths.empty()) return fail("batch: no PATH given (on the command line or in the config's paths)");

  ReportFile report_file(o.output);
  if (!report_file.ok()) return fail("cannot write " + o.output);
  std::unique_ptr<ra::BatchPrinter> printer = ra::BatchPrinter::create(format, report_file.stream());
  if (!printer) {
    std::string names;
    for (const std::string& f : ra::BatchPrinter::formats()) names += (names.empty() ? "" : ", ") + f;
    return fail("--format: unknown batch format '" + format + "' (" + names + ")");
  }

  // The role (tens of milliseconds of YAML) loads on its own thread from the
  // start, while the plugins load and then the workers start reading
  // documents; only a job posting (--job) needs the plugins to make the role.
  // A document is analysed, and anything printed, once the role is ready;
  // when it cannot be used, the batch stops there and says why, having
  // printed nothing.
  std::optional<ra::PluginHost> host;
  std::promise<void> plugins_promise;
  const std::shared_future<void> plugins_loaded = plugins_promise.get_future().share();
  std::optional<ra::JobInfo> job;
  std::optional<ra::Result<ra::Role>> role;
  std::string role_error;
  const std::shared_future<void> role_loaded =
      std::async(std::launch::async, [&] {
        const auto plugins = [&]() -> const ra::PluginHost& {
          plugins_loaded.get();  // rethrows what loading them threw
          return *host;
        };
        role.emplace(choose_role(role_id, o.job, o.keyword_dirs, plugins, o.limits, &job));
        if (!*role) {
          role_error = role->error().message;
        } else if (const std::string bad = ra::check_thresholds(thresholds, (*role)->keyword_set()); !bad.empty()) {
          role_error = "--min-category: " + bad;
        }
      }).share();
  try {
    host.emplace(load_plugins(o.plugin_dirs));
    plugins_promise.set_value();
  } catch (...) {
    plugins_promise.set_exception(std::current_exception());  // the role's thread must not wait forever
    throw;
  }
  struct RoleUnusable {};
  const auto await_role = [&]() -> const ra::Role& {
    role_loaded.get();  // its writes are visible after this
    if (!role_error.empty()) throw RoleUnusable{};
    return **role;
  };

  // Inputs stream through the workers, so memory does not grow with their
  // number; only a progress bar (stderr a terminal) lists them all first, for
  // its total.
  ra::InputPaths inputs(paths, std::cin);
  Progress progress(o.progress);
  const bool results_on_terminal = o.output.empty() && isatty(STDOUT_FILENO);
  std::vector<std::string> listed;
  std::size_t next_listed = 0;
  if (progress.enabled()) {
    while (std::optional<std::string> p = inputs.next()) listed.push_back(std::move(*p));
    progress.set_total(listed.size());
  }
  const std::function<std::optional<std::string>()> next_input = [&]() -> std::optional<std::string> {
    if (!progress.enabled()) return inputs.next();
    if (next_listed == listed.size()) return std::nullopt;
    return std::move(listed[next_listed++]);
  };
  ra::BatchSummary summary;
  bool begun = false;
  const auto begin_output = [&] {
    if (!begun) printer->begin(await_role().keyword_set(), thresholds);
    begun = true;
  };
  try {
    ra::ordered_parallel_stream<std::string, ra::FileResult>(
        next_input, jobs, 4 * static_cast<std::size_t>(jobs),
        [&](std::size_t, std::string&& file) {
          ra::Result<ra::Document> doc = ra::read_document_file(*host, file, o.limits);
          const ra::Role& compiled = await_role();
          if (!doc) return ra::judge(std::move(file), doc.error(), thresholds);
          return ra::judge(std::move(file), compiled.analyse(*doc, analysis), thresholds);
        },
        [&](std::size_t i, ra::FileResult&& r) {
          begin_output();
          summary.add(r);
          if (results_on_terminal) progress.clear();  // a result line never runs on from the bar
          printer->add(r);
          progress.update(i + 1);
        });
    begin_output();  // no inputs
  } catch (const RoleUnusable&) {
    return fail(role_error);
  }
  progress.clear();  // the summary and what finish() writes start their own lines
  printer->finish(summary);
  const std::string committed = report_file.commit();
  if (!committed.empty()) return fail(committed);
  if (job && !job->unknown.empty()) {
    std::string terms;
    for (const ra::UnknownTerm& u : job->unknown) terms += (terms.empty() ? "" : ", ") + u.text;
    std::cerr << "resume-analyser: posting terms no role knows: " << terms << '\n';
  }
  std::cerr << "resume-analyser: " << summary.line() << '\n';
  return summary.exit_code();
}

}  // namespace cli
