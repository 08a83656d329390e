// resume-analyser: the command line over the core library. It parses flags,
// calls core, and prints; every message goes to stderr as one line prefixed
// "resume-analyser:". Exit status: 0 success, 2 any error (see README).
#include "resume_analyser/analysis.hpp"
#include "resume_analyser/document.hpp"
#include "resume_analyser/keyword_set.hpp"
#include "resume_analyser/plugin_host.hpp"
#include "resume_analyser/html_report.hpp"
#include "resume_analyser/report.hpp"

#include "batch_command.hpp"
#include "cli_support.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using cli::fail;
using cli::kExitError;
using cli::kExitOk;
using cli::load_plugins;
using cli::parse_month;

namespace {

struct Options {
  std::vector<fs::path> plugin_dirs;
  std::vector<fs::path> keyword_dirs;
  std::string file;
  std::string role = "ml-engineer";
  std::string format = "text";
  std::string as_of;  // YYYY-MM; "" = this month
  std::string job;    // --job FILE: score against a posting instead of a role
  std::string color = "auto";  // auto | always | never
  std::vector<std::string> limit_settings;  // --limit NAME=VALUE
  ra::ReadLimits limits;
};

/// What score, missing and fit start from: the analysis options, the
/// plugins and the résumé o.file read with them.
struct Input {
  ra::AnalysisOptions options;
  ra::PluginHost host;
  ra::Document doc;
};

ra::Result<Input> read_input(const Options& o) {
  Input in;
  if (!o.as_of.empty() && !parse_month(o.as_of, &in.options.as_of)) {
    return ra::Error{"--as-of: expected YYYY-MM, got '" + o.as_of + "'"};
  }
  in.host = load_plugins(o.plugin_dirs);
  ra::Result<ra::Document> doc = ra::read_document_file(in.host, o.file, o.limits);
  if (!doc) return doc.error();
  in.doc = std::move(doc).value();
  return in;
}

/// Reads and analyses o.file; prints with `print`.
template <class Print>
int run_score(const Options& o, Print print) {
  ra::Result<Input> in = read_input(o);
  if (!in) return fail(in.error().message);
  std::optional<ra::JobInfo> job;
  ra::Result<ra::Role> role = cli::choose_role(
      o.role, o.job, o.keyword_dirs, [&]() -> const ra::PluginHost& { return in->host; }, o.limits, &job);
  if (!role) return fail(role.error().message);
  ra::Result<ra::Report> report = role->analyse(in->doc, in->options);
  if (!report) return fail(report.error().message);
  report->job = std::move(job);
  print(std::cout, *report, in->doc);
  return kExitOk;
}

/// Every role, ranked by the résumé's score, with each role's top gaps.
int run_fit(const Options& o) {
  ra::Result<Input> in = read_input(o);
  if (!in) return fail(in.error().message);
  ra::Result<std::vector<ra::KeywordSet>> sets = cli::load_all_roles(o.keyword_dirs);
  if (!sets) return fail(sets.error().message);
  std::vector<ra::Role> roles;
  std::vector<ra::Report> reports;
  for (ra::KeywordSet& set : *sets) {
    ra::Result<ra::Role> role = ra::Role::compile(std::move(set));
    if (!role) return fail(role.error().message);
    roles.push_back(std::move(role).value());
  }
  for (const ra::Role& role : roles) {
    ra::Result<ra::Report> r = role.analyse(in->doc, in->options);
    if (!r) return fail(r.error().message);
    reports.push_back(std::move(r).value());
  }
  std::stable_sort(reports.begin(), reports.end(),
                   [](const ra::Report& a, const ra::Report& b) { return a.score > b.score; });
  ra::write_fit(std::cout, reports, o.format == "json");
  return kExitOk;
}

int run_extract(const Options& o) {
  const ra::PluginHost host = load_plugins(o.plugin_dirs);
  ra::Result<ra::Document> doc = ra::read_document_file(host, o.file, o.limits);
  if (!doc) return fail(doc.error().message);
  std::cout << doc->text << '\n';
  return kExitOk;
}

int run_roles(const Options& o) {
  const std::vector<ra::RoleFile> roles = ra::find_roles(ra::keyword_search_path(o.keyword_dirs));
  if (roles.empty()) return fail("no role files found (looked in the keyword search path; see --keywords-dir)");
  int status = kExitOk;
  for (const ra::RoleFile& r : roles) {
    ra::Result<ra::KeywordSet> set = ra::load_keyword_set(r.file);
    if (!set) {
      status = fail(set.error().message);
      continue;
    }
    std::string sources;
    for (const std::string& g : set->sources) sources += (sources.empty() ? "" : " ") + g;
    std::cout << set->id << "\t" << set->name << "\t" << set->keywords.size() << " keywords, "
              << set->competencies.size() << " competency tables"
              << (set->extends.empty() ? "" : ", extends " + set->extends.front()) << "\t"
              << set->description << "\tsources: " << sources << "\t" << r.file.string() << '\n';
  }
  return status;
}

int run_plugins(const Options& o) {
  const ra::PluginHost host = load_plugins(o.plugin_dirs);
  for (const ra::LoadedPlugin& p : host.plugins()) {
    std::string extensions;
    for (const std::string& e : p.info.extensions) extensions += (extensions.empty() ? "" : " ") + e;
    std::cout << p.info.name << "\t" << p.info.version << "\t" << p.info.description << " ("
              << extensions << ")\t" << p.file.string() << '\n';
  }
  if (host.plugins().empty()) return fail("no format plugins found (see --plugin-dir)");
  return host.errors().empty() ? kExitOk : kExitError;
}

}  // namespace

int main(int argc, char** argv) {
  std::signal(SIGPIPE, SIG_IGN);  // a closed pipe (| head) is not an error
  Options o;
  CLI::App app{"resume-analyser: scores a résumé against a role's keywords", "resume-analyser"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "resume-analyser 0.1.0");
  app.add_option("--plugin-dir", o.plugin_dirs, "Also load format plugins from DIR (searched first)")
      ->type_name("DIR");
  app.add_option("--keywords-dir", o.keyword_dirs, "Also look for role files in DIR (searched first)")
      ->type_name("DIR");
  app.add_option("--limit", o.limit_settings,
                 "Change a reading limit: file-bytes, input-bytes, archive-entries, part-bytes, "
                 "total-bytes, ratio, ratio-after-bytes, depth, elements, attributes, text-bytes (sizes take K, M, G)")
      ->type_name("NAME=VALUE");

  auto add_file = [&](CLI::App* cmd) {
    cmd->add_option("FILE", o.file, "Résumé to read (DOCX, HTML, text, ...)")->required();
  };
  auto add_report_options = [&](CLI::App* cmd, std::vector<std::string> formats) {
    add_file(cmd);
    cmd->add_option("--role", o.role, "Role id (see `roles`) or path to a role .yaml")
        ->capture_default_str();
    cmd->add_option("--format", o.format, "Output format")
        ->check(CLI::IsMember(formats))
        ->capture_default_str();
    cmd->add_option("--as-of", o.as_of, "Month that \"Present\" means, YYYY-MM (default: this month)")
        ->type_name("YYYY-MM");
    cmd->add_option("--job", o.job, "Score against this job posting (any supported format) instead of a role")
        ->type_name("FILE");
  };
  CLI::App* score = app.add_subcommand("score", "Score a résumé against a role");
  add_report_options(score, {"text", "json", "html"});
  score->add_option("--color", o.color, "Colours and bars in text output: auto (a terminal without NO_COLOR), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  CLI::App* missing = app.add_subcommand("missing", "List the role's keywords the résumé lacks, most important first");
  add_report_options(missing, {"text", "json"});
  CLI::App* fit = app.add_subcommand("fit", "Rank every role for a résumé, with each role's top gaps");
  add_file(fit);
  fit->add_option("--format", o.format, "Output format")->check(CLI::IsMember({"text", "json"}))->capture_default_str();
  fit->add_option("--as-of", o.as_of, "Month that \"Present\" means, YYYY-MM")->type_name("YYYY-MM");
  CLI::App* extract = app.add_subcommand("extract", "Print the text exactly as the analyser reads it");
  add_file(extract);
  CLI::App* roles = app.add_subcommand("roles", "List the roles (keyword sets) available");
  CLI::App* plugins = app.add_subcommand("plugins", "List the format plugins loaded, and any refused");

  cli::BatchOptions b;
  CLI::App* batch = app.add_subcommand(
      "batch", "Check many résumés: PATH is a file, a folder (recursive) or - for a list on stdin");
  batch->add_option("PATH", b.paths, "Files, folders, or - (default: the config's paths)");
  batch->add_option("--role", b.role, "Role id or .yaml path (default: ml-engineer)");
  batch->add_option("--job", b.job, "Score against this job posting instead of a role")->type_name("FILE");
  batch->add_option("--min-score", b.min_score, "Fail a résumé scoring below N")->type_name("N");
  batch->add_option("--min-category", b.min_category, "Fail a résumé whose category ID scores below N")
      ->type_name("ID=N");
  batch->add_option("--format", b.format, "text, jsonl, csv, junit, github or html (default: text)");
  batch->add_option("-j,--jobs", b.jobs, "Worker threads (default: all cores)")->type_name("N");
  batch->add_option("--config", b.config, "Settings file (default: ./.resume-analyser.yaml if present)");
  batch->add_option("-o,--output", b.output, "Write the report to FILE (atomically) instead of stdout");
  batch->add_option("--as-of", b.as_of, "Month that \"Present\" means, YYYY-MM")->type_name("YYYY-MM");
  batch->add_flag("!--no-progress", b.progress, "No progress bar on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    std::cout << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::cout << e.what() << '\n';
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    return fail(std::string(e.what()) + " (see resume-analyser --help)");
  }

  if (std::string bad = cli::apply_limits(o.limit_settings, &o.limits); !bad.empty()) return fail(bad);
  try {
    const bool json = o.format == "json";
    if (score->parsed()) {
      using ra::Document;
      using ra::Report;
      if (json) return run_score(o, [](std::ostream& out, const Report& r, const Document&) { ra::write_score_json(out, r); });
      if (o.format == "html") return run_score(o, ra::write_score_html);
      const bool tty = isatty(STDOUT_FILENO) != 0;
      const char* no_color = std::getenv("NO_COLOR");
      ra::TextStyle style;
      style.color = o.color == "always" ||
                    (o.color == "auto" && tty && (no_color == nullptr || *no_color == '\0'));
      return run_score(o, [&](std::ostream& out, const Report& r, const Document&) { ra::write_score_text(out, r, style); });
    }
    if (missing->parsed()) {
      return run_score(o, [json](std::ostream& out, const ra::Report& r, const ra::Document&) {
        json ? ra::write_missing_json(out, r) : ra::write_missing_text(out, r);
      });
    }
    if (extract->parsed()) return run_extract(o);
    if (fit->parsed()) return run_fit(o);
    if (roles->parsed()) return run_roles(o);
    if (plugins->parsed()) return run_plugins(o);
    if (batch->parsed()) {
      b.plugin_dirs = o.plugin_dirs;
      b.keyword_dirs = o.keyword_dirs;
      b.limits = o.limits;
      return cli::run_batch(b);
    }
  } catch (const std::exception& e) {
    return fail(std::string("internal error: ") + e.what());
  }
  return fail("no command given (see resume-analyser --help)");
}
