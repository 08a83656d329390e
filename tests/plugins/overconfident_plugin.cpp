// A plugin that breaks the sniff contract: it answers 1000 for every ZIP.
// The host must count that as 100 (plugin_host.hpp), so a real reader that
// is certain still wins by extension or load order.
#include "resume_analyser/format_plugin.hpp"

namespace {
class OverconfidentPlugin final : public ra::FormatPlugin {
 public:
  ra::FormatInfo info() const noexcept override {
    ra::FormatInfo info;
    try {
      info.name = "overconfident";
      info.extensions = {".zip"};
    } catch (...) {
    }
    return info;
  }
  int sniff(std::string_view bytes) const noexcept override {
    return bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4) ? 1000 : 0;
  }
  ra::ExtractResult extract(std::string_view, const ra::ExtractLimits&) const noexcept override {
    ra::ExtractResult r;
    r.status = ra::ExtractStatus::kUnsupported;
    r.message = "overconfident reads nothing";
    return r;
  }
};
}  // namespace

RA_DECLARE_FORMAT_PLUGIN(OverconfidentPlugin, "overconfident")
