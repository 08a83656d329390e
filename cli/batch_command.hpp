// `resume-analyser batch`: many résumés, a pass/fail gate, CI report formats.
#pragma once

#include "resume_analyser/document.hpp"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace cli {

struct BatchOptions {
  std::vector<std::string> paths;
  std::string role;                 // "" = from config, else ml-engineer
  std::string job;                  // a job posting to score against instead of a role
  double min_score = -1;            // < 0 = from config, else 0
  std::vector<std::string> min_category;  // "ID=N"
  std::string format;               // "" = from config, else text
  unsigned jobs = 0;                // 0 = from config, else all cores
  std::string config;               // "" = .resume-analyser.yaml if present
  std::string output;               // "" = stdout; else written atomically
  std::string as_of;                // YYYY-MM
  bool progress = true;             // a bar on stderr when it is a terminal
  std::vector<std::filesystem::path> plugin_dirs;
  std::vector<std::filesystem::path> keyword_dirs;
  ra::ReadLimits limits;
};

/// Runs the batch; returns the exit status (0 all pass, 1 some below a
/// threshold, 2 some unreadable or a usage error).
int run_batch(const BatchOptions& options);

}  // namespace cli
