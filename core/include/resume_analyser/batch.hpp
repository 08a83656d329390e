// Checking many résumés at once: input expansion, a worker pool that keeps
// input order, pass/fail thresholds, and streaming printers for CI.
#pragma once

#include "resume_analyser/analysis.hpp"

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace ra {

/// PATH arguments expanded into files, one at a time, in order: a file stays
/// itself; a folder becomes every regular file below it (recursively, sorted
/// by path, hidden files and folders skipped; a link to a folder is not
/// followed, a link to a file is a file); "-" becomes the non-empty lines of
/// `list` (one path per line, a trailing CR dropped), read as they are
/// needed. A path that does not exist is kept, so that reading it reports
/// the error. Nothing is read but folder listings and `list`. Memory follows
/// the folders being walked (the sorted listing of each folder on the way
/// down), never the number of files, so any number of inputs can stream
/// through. `list` must outlive the object.
class InputPaths {
 public:
  InputPaths(std::vector<std::string> paths, std::istream& list);
  /// The next file, or nullopt when there are no more.
  std::optional<std::string> next();

 private:
  struct Folder {
    std::vector<std::pair<std::string, bool>> entries;  // path, is a folder; in the order to give them
    std::size_t at = 0;
  };
  void enter(const std::string& folder);

  std::vector<std::string> paths_;
  std::size_t arg_ = 0;
  std::istream& list_;
  bool in_list_ = false;
  std::vector<Folder> folders_;  // the walk's way down
};

/// Every path InputPaths gives, in a vector.
std::vector<std::string> expand_inputs(const std::vector<std::string>& paths, std::istream& list);

/// Runs work(i) for i in [0, count) on `jobs` threads (the calling thread
/// one of them) and calls emit(i, result) in index order, as soon as each
/// next result is ready. At most `window` results are held at once, so
/// memory is bounded whatever `count` is. `work` must be thread-safe. `emit`
/// runs on one thread at a time, each call after the one before (the pool's
/// lock orders them), but not always on the same thread: on the one that
/// finished the result, or on one emitting already, so that no thread is
/// woken just to print. It needs no lock of its own.
template <class T>
void ordered_parallel(std::size_t count, unsigned jobs, std::size_t window,
                      const std::function<T(std::size_t)>& work,
                      const std::function<void(std::size_t, T&&)>& emit);

/// The same over inputs that come one at a time: next_input() gives the i-th
/// input (or nullopt at the end) and is called under a lock, from one thread
/// at a time, only when the window has room, so at most `window` inputs and
/// results are held whatever their number. work(i, input) and emit run as
/// above; an exception from next_input, work or emit stops the run and is
/// rethrown to the caller once every thread has stopped.
template <class In, class T>
void ordered_parallel_stream(const std::function<std::optional<In>()>& next_input, unsigned jobs,
                             std::size_t window, const std::function<T(std::size_t, In&&)>& work,
                             const std::function<void(std::size_t, T&&)>& emit);

struct Thresholds {
  double min_score = 0;                                      // overall
  std::vector<std::pair<std::string, double>> min_category;  // category id -> minimum
};

enum class Outcome : std::uint8_t { kPass, kFail, kError };
const char* outcome_name(Outcome o) noexcept;  // "pass", "fail", "error"

/// One input's verdict. `report` is set unless the file could not be read.
struct FileResult {
  std::string file;
  Outcome outcome = Outcome::kError;
  std::optional<Report> report;
  std::string error;                 // one line, for kError
  std::vector<std::string> reasons;  // the thresholds missed, for kFail
};

/// Pass when the score and every named category reach their minimums.
/// Fails when a category id is not in the role (a usage error, caught before
/// any file is read by check_thresholds).
FileResult judge(std::string file, Result<Report> report, const Thresholds& thresholds);

/// An error message when `thresholds` name a category `set` lacks, else "".
std::string check_thresholds(const Thresholds& thresholds, const KeywordSet& set);

/// Totals for the summary line.
struct BatchSummary {
  std::size_t passed = 0, failed = 0, errors = 0;
  double score_sum = 0;  // over files that were read
  void add(const FileResult& r);
  std::string line() const;  // "3 files: 1 passed, 1 failed, 1 error; mean score 48.5"
  int exit_code() const;     // 2 if any error, else 1 if any failed, else 0
};

/// Settings from `.resume-analyser.yaml` (or --config FILE); command-line
/// flags override them. Keys: role, min_score, min_category ({id: score}),
/// paths (list), format, jobs, as_of ("YYYY-MM"). Unknown keys are errors.
struct BatchConfig {
  std::optional<std::string> role;
  std::optional<double> min_score;
  std::vector<std::pair<std::string, double>> min_category;
  std::vector<std::string> paths;  // relative paths are relative to the config file's folder
  std::optional<std::string> format;
  std::optional<unsigned> jobs;
  std::optional<std::string> as_of;
};

/// Errors are "FILE:LINE: reason".
Result<BatchConfig> load_batch_config(const std::string& file);

/// Writes results one by one in a format; finish() writes what must come
/// last (JUnit's totals). Formats: text, jsonl, csv, junit, github.
class BatchPrinter {
 public:
  virtual ~BatchPrinter() = default;
  virtual void begin(const KeywordSet& set, const Thresholds& thresholds) = 0;
  virtual void add(const FileResult& result) = 0;
  virtual void finish(const BatchSummary& summary) = 0;

  /// nullptr for an unknown format name. `out` must outlive the printer.
  static std::unique_ptr<BatchPrinter> create(const std::string& format, std::ostream& out);
  static const std::vector<std::string>& formats();
};

}  // namespace ra

#include "resume_analyser/detail/ordered_parallel.hpp"
