// Loads format plugins from shared libraries and picks one for a file.
#pragma once

#include "resume_analyser/format_plugin.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ra {

/// A plugin that passed the ABI check. `plugin` keeps its shared library
/// loaded: the library is unloaded only after the last copy of `plugin` (and
/// the host) is gone.
struct LoadedPlugin {
  FormatInfo info;
  std::filesystem::path file;
  std::shared_ptr<const FormatPlugin> plugin;
};

/// A file that was offered as a plugin and refused, with a one-line reason.
struct PluginLoadError {
  std::filesystem::path file;
  std::string reason;
};

class PluginHost {
 public:
  PluginHost() = default;
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;
  PluginHost(PluginHost&&) noexcept = default;
  PluginHost& operator=(PluginHost&&) noexcept = default;

  /// Loads one plugin file. Returns false and records a PluginLoadError when
  /// the file is not a shared library, lacks the exports, has another ABI,
  /// or names a format that an earlier plugin already provides (the earlier
  /// one wins, so search order is priority order). Never throws for a bad file.
  bool load_file(const std::filesystem::path& file);

  /// Loads every shared library (by platform suffix) directly in `dir`, in
  /// file-name order. A missing folder is not an error. Returns how many loaded.
  std::size_t load_directory(const std::filesystem::path& dir);

  const std::vector<LoadedPlugin>& plugins() const noexcept { return plugins_; }
  const std::vector<PluginLoadError>& errors() const noexcept { return errors_; }

  /// The plugin most confident it reads `bytes` (sniff scores above 100
  /// count as 100); ties go to the plugin that claims `file_name`'s
  /// extension, then to load order. nullptr when every plugin answers 0.
  /// The plugins claiming the extension sniff first; when one answers 100
  /// the others are not asked.
  const LoadedPlugin* choose(std::string_view bytes, std::string_view file_name) const;
  static constexpr int kSniffCertain = 100;

  /// "DOCX, HTML, plain text": the formats loaded, for error messages.
  std::string supported_formats() const;

 private:
  std::vector<LoadedPlugin> plugins_;
  std::vector<PluginLoadError> errors_;
};

/// Where plugins are looked for, highest priority first: `extra_dirs` (from
/// --plugin-dir), the entries of RESUME_ANALYSER_PLUGIN_PATH (':'-separated),
/// `plugins/` beside the executable, then the install location.
std::vector<std::filesystem::path> plugin_search_path(
    const std::vector<std::filesystem::path>& extra_dirs);

/// The folder holding the running executable ("" if it cannot be found).
std::filesystem::path executable_dir();

}  // namespace ra
