#include "web/portal_views.h"

#include "web/view_values.h"

namespace gep::web {
namespace {

List timeline_rows(const std::vector<portal::Milestone>& timeline) {
  List rows;
  for (const portal::Milestone& milestone : timeline) {
    Data row;
    row.set("label", milestone.label);
    row.set("done", milestone.done);
    row.set("current", milestone.current);
    row.set("hasWhen", milestone.at != 0);
    row.set("when", format_when(milestone.at).substr(0, 10));
    rows.push_back(row);
  }
  return rows;
}

List file_rows(const std::vector<portal::SharedFile>& files, const SharedFileLinks& links) {
  List rows;
  for (const portal::SharedFile& file : files) {
    Data row;
    row.set("title", file.title);
    row.set("caption", file.caption);
    row.set("hasCaption", !file.caption.empty());
    row.set("fileName", file.file_name);
    row.set("hasImage", static_cast<bool>(links.thumbnail));
    row.set("imageSrc", links.thumbnail ? links.thumbnail(file) : std::string());
    row.set("hasDownload", static_cast<bool>(links.download));
    row.set("downloadHref", links.download ? links.download(file) : std::string());
    rows.push_back(row);
  }
  return rows;
}

Data company_view(const portal::CompanyContact& company) {
  Data data;
  data.set("name", company.name);
  data.set("phone", company.phone);
  data.set("hasPhone", !company.phone.empty());
  data.set("email", company.email);
  data.set("hasEmail", !company.email.empty());
  data.set("hasContact", !company.name.empty() || !company.phone.empty() || !company.email.empty());
  return data;
}

}  // namespace

Data portal_job_view(const portal::PortalJobView& view, const SharedFileLinks& links) {
  Data data;
  data.set("name", view.name);
  data.set("number", view.number);
  data.set("stageLabel", view.stage_label);
  data.set("timeline", timeline_rows(view.timeline));
  List next_steps;
  for (const std::string& step : view.next_steps) {
    Data entry;
    entry.set("text", step);
    next_steps.push_back(entry);
  }
  data.set("hasNextSteps", !view.next_steps.empty());
  data.set("nextSteps", next_steps);
  data.set("photoCount", std::to_string(view.photos.size()));
  data.set("hasPhotos", !view.photos.empty());
  data.set("photos", file_rows(view.photos, links));
  data.set("documentCount", std::to_string(view.documents.size()));
  data.set("hasDocuments", !view.documents.empty());
  data.set("documents", file_rows(view.documents, links));
  data.set("company", company_view(view.company));
  return data;
}

}  // namespace gep::web
