// The plugin host with real .so files: the built plugins and broken ones.
#include "resume_analyser/plugin_host.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace {

fs::path scratch_dir(const std::string& name) {
  const fs::path dir = fs::path(RA_TEST_BINARY_DIR) / "scratch" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace

TEST_CASE("the ABI version is pinned", "[plugin_host]") {
  // Changing it means every built plugin must be rebuilt: do it on purpose.
  CHECK(ra::kPluginAbiVersion == 3);
}

TEST_CASE("every built plugin loads with its format info", "[plugin_host]") {
  ra::PluginHost host;
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(RA_TEST_PLUGIN_DIR)) files += e.path().extension() == ".so";
  CHECK(host.load_directory(RA_TEST_PLUGIN_DIR) == files);
  CHECK(host.errors().empty());
  std::vector<std::string> names;
  for (const ra::LoadedPlugin& p : host.plugins()) names.push_back(p.info.name);
  CHECK(std::is_sorted(names.begin(), names.end()));  // file-name order
  for (const char* format : {"docx", "html", "text"}) {
    CHECK(std::find(names.begin(), names.end(), format) != names.end());
  }
  CHECK(host.supported_formats().rfind("Word document (DOCX), HTML, ", 0) == 0);
}

TEST_CASE("a bad plugin is refused with a reason and the others still load", "[plugin_host]") {
  const fs::path dir = scratch_dir("mixed");
  fs::copy_file(fs::path(RA_TEST_PLUGIN_DIR) / "text.so", dir / "a_text.so");
  fs::copy_file(fs::path(RA_TEST_BAD_PLUGIN_DIR) / "wrong_abi_plugin.so", dir / "b_wrong_abi.so");
  fs::copy_file(fs::path(RA_TEST_BAD_PLUGIN_DIR) / "no_exports_plugin.so", dir / "c_no_exports.so");
  std::ofstream(dir / "d_garbage.so") << "this is not an ELF file\n";
  fs::copy_file(fs::path(RA_TEST_PLUGIN_DIR) / "text.so", dir / "e_text_again.so");
  std::ofstream(dir / "notes.txt") << "ignored: not a .so\n";

  ra::PluginHost host;
  CHECK(host.load_directory(dir) == 1);
  REQUIRE(host.plugins().size() == 1);
  CHECK(host.plugins()[0].info.name == "text");
  REQUIRE(host.errors().size() == 4);
  CHECK(host.errors()[0].file.filename() == "b_wrong_abi.so");
  CHECK(host.errors()[0].reason ==
        "incompatible plugin: ABI 4 (string ABI 1, sizeof(std::string) 32), host expects ABI 3 "
        "(string ABI 1, sizeof(std::string) 32)");
  CHECK(host.errors()[1].reason == "missing export ra_plugin_abi: not a resume-analyser plugin");
  CHECK_THAT(host.errors()[2].reason, Catch::StartsWith("not a loadable shared library ("));
  CHECK(host.errors()[3].reason ==
        "format 'text' is already provided by " + (dir / "a_text.so").string());
}

TEST_CASE("a missing plugin folder is not an error", "[plugin_host]") {
  ra::PluginHost host;
  CHECK(host.load_directory("/nonexistent/plugins") == 0);
  CHECK(host.errors().empty());
  CHECK(host.supported_formats() == "none (no plugins loaded)");
}

TEST_CASE("the format is chosen by content, not by extension", "[plugin_host]") {
  const ra::PluginHost& host = ra::test::built_plugins();
  const std::string docx = ra::test::sample("strong-ml-engineer.docx");
  const std::string html = ra::test::sample("strong-ml-engineer.html");
  const std::string text = ra::test::sample("strong-ml-engineer.txt");
  CHECK(host.choose(docx, "resume.txt")->info.name == "docx");
  CHECK(host.choose(docx, "resume")->info.name == "docx");
  CHECK(host.choose(html, "resume.docx")->info.name == "html");
  CHECK(host.choose(text, "resume.html")->info.name == "text");
  CHECK(host.choose(std::string("\xff\xd8\xff\xe0\0\x10JFIF\0", 11), "photo.docx") == nullptr);
  // With the extension that fits (the plugins that claim it sniff first).
  CHECK(host.choose(docx, "resume.docx")->info.name == "docx");
  CHECK(host.choose(html, "resume.html")->info.name == "html");
  CHECK(host.choose(text, "resume.txt")->info.name == "text");
}

TEST_CASE("a sniff score above 100 counts as 100", "[plugin_host]") {
  const fs::path dir = scratch_dir("overconfident");
  fs::copy_file(fs::path(RA_TEST_PLUGIN_DIR) / "docx.so", dir / "docx.so");
  fs::copy_file(fs::path(RA_TEST_ODD_PLUGIN_DIR) / "overconfident_plugin.so", dir / "z_overconfident.so");
  ra::PluginHost host;
  REQUIRE(host.load_directory(dir) == 2);
  const std::string docx = ra::test::sample("strong-ml-engineer.docx");
  CHECK(host.choose(docx, "resume.docx")->info.name == "docx");          // a tie at 100: the extension
  CHECK(host.choose(docx, "resume.zip")->info.name == "overconfident");  // a tie: the extension
  CHECK(host.choose(docx, "resume")->info.name == "docx");               // a tie: load order
  CHECK(host.choose("PK\x03\x04 not a package", "x.docx")->info.name == "overconfident");  // docx says 0
}

TEST_CASE("a plugin object keeps its library loaded after the host is gone", "[plugin_host]") {
  std::shared_ptr<const ra::FormatPlugin> plugin;
  {
    ra::PluginHost host;
    host.load_file(fs::path(RA_TEST_PLUGIN_DIR) / "text.so");
    REQUIRE(host.plugins().size() == 1);
    plugin = host.plugins()[0].plugin;
  }
  // The vtable lives in text.so: this call would crash if it were unloaded.
  const ra::ExtractResult r = plugin->extract("still here", ra::ExtractLimits{});
  REQUIRE(r.ok());
  CHECK(ra::test::joined(r) == "still here\n");
}

TEST_CASE("a second copy of a plugin that the host refuses leaves the first one working", "[plugin_host]") {
  // Found while comparing two builds of pdf.so: each copy silences poppler
  // by pointing poppler's process-wide message hook at a function of its
  // own. The refused copy was unloaded, the hook left pointing into
  // unmapped code, and the next PDF that poppler complained about (any
  // damaged or encrypted one) crashed the process. pdf.so is now never
  // unloaded (linked with -z nodelete).
  const fs::path dir = scratch_dir("second-copy");
  fs::copy_file(fs::path(RA_TEST_PLUGIN_DIR) / "pdf.so", dir / "pdf.so");
  fs::create_directory(dir / "pdf-engine");  // pdf.so reads PDFs with the reader beside it
  fs::copy_file(fs::path(RA_TEST_PLUGIN_DIR) / "pdf-engine" / "pdf_poppler.so", dir / "pdf-engine" / "pdf_poppler.so");
  ra::PluginHost host;
  host.load_directory(dir);
  host.load_file(fs::path(RA_TEST_PLUGIN_DIR) / "pdf.so");
  REQUIRE(host.plugins().size() == 1);
  CHECK(host.plugins()[0].file == dir / "pdf.so");
  REQUIRE(host.errors().size() == 1);
  CHECK(host.errors()[0].reason == "format 'pdf' is already provided by " + (dir / "pdf.so").string());

  const std::string damaged = ra::test::read_file(std::string(RA_TEST_DATA_DIR) + "/pdf/truncated.pdf");
  const ra::ExtractResult r = host.plugins()[0].plugin->extract(damaged, ra::ExtractLimits{});
  CHECK(r.status == ra::ExtractStatus::kCorrupt);
  CHECK(r.message == "not a readable PDF");
}

TEST_CASE("pdf.so loads poppler only when it first reads a PDF", "[plugin_host]") {
  // Loading poppler and its libraries took about 7 ms of every run, a third
  // of scoring a DOCX: pdf.so keeps its reader in pdf-engine/ and loads it
  // on first use. Each test case runs in a process of its own (ctest).
  const auto poppler_loaded = [] {
    void* handle = dlopen("libpoppler-cpp.so.0", RTLD_NOW | RTLD_NOLOAD);
    if (handle != nullptr) dlclose(handle);  // drops only the reference NOLOAD took
    return handle != nullptr;
  };
  REQUIRE_FALSE(poppler_loaded());
  ra::PluginHost host;
  host.load_directory(RA_TEST_PLUGIN_DIR);
  const std::string pdf = ra::test::read_file(std::string(RA_TEST_SAMPLES_DIR) + "/weak-ml-engineer.pdf");
  const ra::LoadedPlugin* plugin = host.choose(pdf, "weak-ml-engineer.pdf");
  REQUIRE(plugin != nullptr);
  CHECK(plugin->info.name == "pdf");
  CHECK_FALSE(poppler_loaded());  // sniffing needs none of it

  const ra::ExtractResult r = plugin->plugin->extract(pdf, ra::ExtractLimits{});
  REQUIRE(r.ok());
  CHECK(ra::test::joined(r).rfind("Taylor Brennan-Voss\n", 0) == 0);
  CHECK(poppler_loaded());
}

TEST_CASE("pdf.so without its reader beside it fails each PDF with the reason", "[plugin_host]") {
  const fs::path dir = scratch_dir("pdf-alone");
  fs::copy_file(fs::path(RA_TEST_PLUGIN_DIR) / "pdf.so", dir / "pdf.so");
  ra::PluginHost host;
  host.load_directory(dir);
  REQUIRE(host.plugins().size() == 1);
  CHECK(host.errors().empty());  // the plugin loads: only reading needs the reader
  const std::string pdf = ra::test::read_file(std::string(RA_TEST_SAMPLES_DIR) + "/weak-ml-engineer.pdf");
  CHECK(host.plugins()[0].plugin->sniff(pdf) == 100);
  for (int i = 0; i < 2; ++i) {  // the same answer every time, without trying again
    const ra::ExtractResult r = host.plugins()[0].plugin->extract(pdf, ra::ExtractLimits{});
    CHECK(r.status == ra::ExtractStatus::kInternal);
    CHECK(r.message == "PDF reader unavailable: " + (dir / "pdf-engine" / "pdf_poppler.so").string() +
                           ": cannot open shared object file: No such file or directory");
  }
}
