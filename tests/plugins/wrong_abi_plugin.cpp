// A plugin built against another ABI version: the host must refuse it
// without calling its factory.
#include "resume_analyser/format_plugin.hpp"

#include <cstdlib>

namespace {
class WrongAbiPlugin final : public ra::FormatPlugin {
 public:
  WrongAbiPlugin() { std::abort(); }  // the host must never construct it
  ra::FormatInfo info() const noexcept override { return {}; }
  int sniff(std::string_view) const noexcept override { return 100; }
  ra::ExtractResult extract(std::string_view, const ra::ExtractLimits&) const noexcept override {
    return {};
  }
};
}  // namespace

extern "C" BOOST_SYMBOL_EXPORT const ra::PluginAbiInfo* ra_plugin_abi() {
  static const ra::PluginAbiInfo info{ra::kPluginAbiVersion + 1, ra::current_abi_info("").cxx11_string_abi,
                                      static_cast<std::uint32_t>(sizeof(std::string)), "wrong-abi"};
  return &info;
}
namespace wrong_abi {
inline std::unique_ptr<ra::FormatPlugin> create() { return std::make_unique<WrongAbiPlugin>(); }
}  // namespace wrong_abi
BOOST_DLL_ALIAS(wrong_abi::create, ra_create_format_plugin)
