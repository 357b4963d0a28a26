#include "app/jobnimbus_gateway_adapter.h"

namespace gep::app {
namespace {

template <class Record>
class StreamSource final : public sync::PageSource<Record> {
 public:
  explicit StreamSource(jobnimbus::RecordStream<Record> stream) : stream_(std::move(stream)) {}
  jobnimbus::ApiResult<jobnimbus::StreamPage<Record>> next_page() override {
    return stream_.next_page();
  }
  bool done() const override { return stream_.done(); }

 private:
  jobnimbus::RecordStream<Record> stream_;
};

template <class Record>
std::unique_ptr<sync::PageSource<Record>> wrap(jobnimbus::RecordStream<Record> stream) {
  return std::make_unique<StreamSource<Record>>(std::move(stream));
}

jobnimbus::StreamOptions from(const jobnimbus::StreamCursor& start) {
  jobnimbus::StreamOptions options;
  options.start = start;
  return options;
}

}  // namespace

std::unique_ptr<sync::PageSource<jobnimbus::Job>> JobNimbusGatewayAdapter::jobs(
    const jobnimbus::StreamCursor& start) {
  return wrap(client_.stream_jobs(from(start)));
}

std::unique_ptr<sync::PageSource<jobnimbus::Contact>> JobNimbusGatewayAdapter::contacts(
    const jobnimbus::StreamCursor& start) {
  return wrap(client_.stream_contacts(from(start)));
}

std::unique_ptr<sync::PageSource<jobnimbus::FileRecord>> JobNimbusGatewayAdapter::files(
    const jobnimbus::StreamCursor& start) {
  return wrap(client_.stream_files(from(start)));
}

std::unique_ptr<sync::PageSource<jobnimbus::RecordId>> JobNimbusGatewayAdapter::ids(
    jobnimbus::Entity entity) {
  return wrap(client_.stream_ids(entity));
}

jobnimbus::ApiResult<jobnimbus::Job> JobNimbusGatewayAdapter::job(const std::string& jnid) {
  return client_.fetch_job_by_id(jnid);
}

jobnimbus::ApiResult<jobnimbus::Contact> JobNimbusGatewayAdapter::contact(const std::string& jnid) {
  return client_.fetch_contact_by_id(jnid);
}

jobnimbus::ApiResult<std::vector<jobnimbus::FileRecord>> JobNimbusGatewayAdapter::job_files(
    const std::string& jnid) {
  return client_.fetch_attachments(jnid);
}

}  // namespace gep::app
