#pragma once
// Renders the embedded mustache templates. Strict: a name a template asks for that the data
// lacks is an error (kainjow-mustache would render it as empty), so a renamed field cannot
// silently blank a page. Every {{value}} is HTML-escaped; {{{raw}}} is used only for markup
// that gep itself rendered (a page inside the layout).
#include <kainjow/mustache.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace gep::web {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

class PageRenderer {
 public:
  // Parses every embedded template; throws std::logic_error on one that does not parse (a bug
  // that must stop start-up, not a page).
  PageRenderer();

  // templates/<name>.mustache with `data`.
  Result<std::string> render(std::string_view name, const Data& data) const;
  // The page template `name` inside templates/<layout_name>.mustache: `layout` carries the
  // layout's names, and the page's markup is given to it as "content".
  Result<std::string> render_page(std::string_view name, const Data& page, Data layout,
                                  std::string_view layout_name = "layout") const;

  // The names of the embedded templates ("risk_list", ...).
  std::vector<std::string> template_names() const;

 private:
  struct Template {
    std::string name;
    std::string text;
  };
  std::vector<Template> templates_;
};

}  // namespace gep::web
