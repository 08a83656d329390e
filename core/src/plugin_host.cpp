#include "resume_analyser/plugin_host.hpp"

#include "search_path.hpp"

#include <boost/dll/import.hpp>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>

#include <dlfcn.h>

#include <algorithm>
#include <system_error>

#ifndef RA_INSTALL_PLUGIN_DIR_ABS
#define RA_INSTALL_PLUGIN_DIR_ABS "/usr/local/lib/resume-analyser/plugins"
#define RA_INSTALL_PLUGIN_DIR_REL "../lib/resume-analyser/plugins"
#endif

namespace ra {
namespace fs = std::filesystem;

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string abi_text(const PluginAbiInfo& a) {
  return "ABI " + std::to_string(a.abi_version) + " (string ABI " +
         std::to_string(a.cxx11_string_abi) + ", sizeof(std::string) " +
         std::to_string(a.sizeof_string) + ")";
}

/// The dynamic loader's own reason ("invalid ELF header"): Boost.DLL 1.74
/// reports every failure as "Bad file descriptor".
std::string dlopen_error(const fs::path& file, const std::string& fallback) {
  void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle != nullptr) {
    dlclose(handle);
    return fallback;
  }
  const char* reason = dlerror();
  if (reason == nullptr) return fallback;
  std::string text = reason;
  const std::string prefix = file.string() + ": ";  // dlerror names the file first
  if (text.rfind(prefix, 0) == 0) text.erase(0, prefix.size());
  return text;
}

}  // namespace

bool PluginHost::load_file(const fs::path& file) {
  auto refuse = [&](std::string reason) {
    errors_.push_back({file, std::move(reason)});
    return false;
  };

  boost::dll::fs::error_code ec;
  boost::dll::shared_library lib(file, ec, boost::dll::load_mode::rtld_now |
                                               boost::dll::load_mode::rtld_local);
  if (ec || !lib.is_loaded()) {
    return refuse("not a loadable shared library (" + dlopen_error(file, ec.message()) + ")");
  }
  if (!lib.has("ra_plugin_abi")) return refuse("missing export ra_plugin_abi: not a resume-analyser plugin");
  if (!lib.has("ra_create_format_plugin")) return refuse("missing export ra_create_format_plugin");

  const PluginAbiInfo* abi = lib.get<const PluginAbiInfo*()>("ra_plugin_abi")();
  const PluginAbiInfo mine = current_abi_info("host");
  if (abi == nullptr) return refuse("ra_plugin_abi returned nothing");
  if (abi->abi_version != mine.abi_version || abi->cxx11_string_abi != mine.cxx11_string_abi ||
      abi->sizeof_string != mine.sizeof_string) {
    return refuse("incompatible plugin: " + abi_text(*abi) + ", host expects " + abi_text(mine));
  }

  // Copies of `lib` share one reference-counted handle: the deleter holds one,
  // so the code stays mapped while the object lives.
  auto& factory = lib.get_alias<FormatPluginFactory>("ra_create_format_plugin");
  std::unique_ptr<FormatPlugin> created = factory();
  if (!created) return refuse("plugin factory returned no object");
  std::shared_ptr<const FormatPlugin> plugin(
      created.release(), [lib](const FormatPlugin* p) mutable { delete p; });

  FormatInfo info = plugin->info();
  if (info.name.empty()) return refuse("plugin reports no format name");
  for (const LoadedPlugin& other : plugins_) {
    if (other.info.name == info.name) {
      return refuse("format '" + info.name + "' is already provided by " + other.file.string());
    }
  }
  plugins_.push_back({std::move(info), file, std::move(plugin)});
  return true;
}

std::size_t PluginHost::load_directory(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return 0;
  const std::string suffix = boost::dll::shared_library::suffix().string();
  std::vector<fs::path> files;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->path().extension() == suffix && it->is_regular_file(ec)) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  std::size_t loaded = 0;
  for (const fs::path& f : files) loaded += load_file(f) ? 1 : 0;
  return loaded;
}

const LoadedPlugin* PluginHost::choose(std::string_view bytes, std::string_view file_name) const {
  const std::string ext = lower(fs::path(std::string(file_name)).extension().string());
  const LoadedPlugin* best = nullptr;
  int best_score = 0;
  bool best_ext = false;
  const auto claims_ext = [&](const LoadedPlugin& p) {
    return !ext.empty() && std::find(p.info.extensions.begin(), p.info.extensions.end(), ext) != p.info.extensions.end();
  };
  const auto consider = [&](const LoadedPlugin& p, bool ext_match) {
    const int score = std::min(p.plugin->sniff(bytes), kSniffCertain);
    if (score <= 0) return;
    if (score > best_score || (score == best_score && ext_match && !best_ext)) {
      best = &p;
      best_score = score;
      best_ext = ext_match;
    }
  };
  // The plugins that claim the extension first: when one of them is certain
  // nothing can beat it, and the others need not sniff.
  for (const LoadedPlugin& p : plugins_) {
    if (claims_ext(p)) consider(p, true);
  }
  if (best_score == kSniffCertain) return best;
  for (const LoadedPlugin& p : plugins_) {
    if (!claims_ext(p)) consider(p, false);
  }
  return best;
}

std::string PluginHost::supported_formats() const {
  std::string out;
  for (const LoadedPlugin& p : plugins_) {
    if (!out.empty()) out += ", ";
    out += p.info.description.empty() ? p.info.name : p.info.description;
  }
  return out.empty() ? "none (no plugins loaded)" : out;
}

fs::path executable_dir() {
  boost::dll::fs::error_code ec;
  fs::path exe = boost::dll::program_location(ec);
  return ec ? fs::path() : exe.parent_path();
}

std::vector<fs::path> plugin_search_path(const std::vector<fs::path>& extra_dirs) {
  return search_path(extra_dirs, "RESUME_ANALYSER_PLUGIN_PATH", "plugins", RA_INSTALL_PLUGIN_DIR_REL,
                     RA_INSTALL_PLUGIN_DIR_ABS);
}

}  // namespace ra
