#include "web/page_renderer.h"

#include <map>
#include <set>
#include <stdexcept>

#include "web/embedded_files.h"

namespace gep::web {
namespace {

using Mustache = kainjow::mustache::mustache;
constexpr std::string_view kTemplatePrefix = "templates/";
constexpr std::string_view kTemplateSuffix = ".mustache";

// Records every name the template looked up and the data did not hold.
class StrictContext final : public kainjow::mustache::context<std::string> {
 public:
  explicit StrictContext(const Data* data) : context(data) {}
  const Data* get(const std::string& name) const override {
    const Data* found = context::get(name);
    if (found == nullptr) missing_.insert(name);
    return found;
  }
  const std::set<std::string>& missing() const { return missing_; }

 private:
  mutable std::set<std::string> missing_;
};

// A parsed template renders through mutable state, so each thread keeps its own parse.
Mustache& parsed(const std::string& name, const std::string& text) {
  thread_local std::map<std::string, Mustache, std::less<>> cache;
  const auto found = cache.find(name);
  if (found != cache.end()) return found->second;
  return cache.emplace(name, Mustache(text)).first->second;
}

}  // namespace

PageRenderer::PageRenderer() {
  for (const EmbeddedFile& file : embedded_files()) {
    if (!file.path.starts_with(kTemplatePrefix) || !file.path.ends_with(kTemplateSuffix)) continue;
    std::string name(
        file.path.substr(kTemplatePrefix.size(),
                         file.path.size() - kTemplatePrefix.size() - kTemplateSuffix.size()));
    const Mustache check{std::string(file.bytes)};
    if (!check.is_valid()) {
      throw std::logic_error("template " + name + " does not parse: " + check.error_message());
    }
    templates_.push_back({std::move(name), std::string(file.bytes)});
  }
}

Result<std::string> PageRenderer::render(std::string_view name, const Data& data) const {
  for (const Template& found : templates_) {
    if (found.name != name) continue;
    StrictContext context(&data);
    std::string html = parsed(found.name, found.text).render(context);
    if (!context.missing().empty()) {
      std::string names;
      for (const std::string& missing : context.missing()) names += " " + missing;
      return fail("template", "template " + found.name + " has no data for:" + names);
    }
    return html;
  }
  return fail("template", "no template named " + std::string(name));
}

Result<std::string> PageRenderer::render_page(std::string_view name, const Data& page, Data layout,
                                              std::string_view layout_name) const {
  auto content = render(name, page);
  if (!content) return content;
  layout.set("content", std::move(content).value());
  return render(layout_name, layout);
}

std::vector<std::string> PageRenderer::template_names() const {
  std::vector<std::string> names;
  for (const Template& found : templates_) names.push_back(found.name);
  return names;
}

}  // namespace gep::web
