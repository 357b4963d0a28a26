// /sandbox: the control API (see README.md). Same key as the API; never rate limited, delayed or
// faulted, and not counted among API requests.
#include <nlohmann/json.hpp>

#include "core/json_input.h"
#include "sandbox/routes.h"

namespace gep::sandbox {
namespace {

using net::Request;
using net::Response;
using nlohmann::json;

using Handler = std::function<void(const Request&, Response&)>;

// Wraps a control handler: auth first, then JSON errors for bad bodies.
Handler guarded(RouteContext& context, Handler handler) {
  return [&context, handler = std::move(handler)](const Request& request, Response& response) {
    if (!is_authorized(request, context.api_key)) {
      send_text(response, 401, "Unauthorized");
      return;
    }
    try {
      handler(request, response);
    } catch (const json::exception& error) {
      send_message(response, 400, std::string("bad control request: ") + error.what());
    }
  };
}

json body_of(const Request& request) {
  if (request.body.empty()) return json::object();
  // A parse error becomes a 400 in guarded(); so does a body nested too deep, whose value (a
  // discarded one) fails the first member a handler reads.
  if (json_depth(request.body) > kMaxJsonDepth) return json(json::value_t::discarded);
  return json::parse(request.body);
}

std::optional<Kind> kind_or_404(const std::string& path, Response& response) {
  const auto kind = kind_from_path(path);
  if (!kind) send_message(response, 404, "unknown kind " + path);
  return kind;
}

std::vector<std::string> split_fields(const std::string& text) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (start <= text.size()) {
    const size_t comma = text.find(',', start);
    std::string field =
        text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!field.empty()) fields.push_back(std::move(field));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return fields;
}

void answer(Response& response, const Result<std::string>& result) {
  if (result) {
    send_json(response, 200, *result);
  } else {
    send_error(response, result.error());
  }
}

}  // namespace

void install_control_routes(net::RouteTable& server, RouteContext& context) {
  auto& state = context.state;
  auto& traffic = context.traffic;

  server.add(
      "GET", "/sandbox/health", guarded(context, [&](const Request& request, Response& response) {
        send_json(response, 200,
                  json{{"ok", true}, {"base_url", origin_of(request, context) + "/api1"}}.dump());
      }));

  server.add("GET", "/sandbox/stats", guarded(context, [&](const Request&, Response& response) {
               json stats = traffic.stats();
               stats["records"] = state.counts();
               send_json(response, 200, stats.dump());
             }));

  server.add("POST", "/sandbox/stats/reset",
             guarded(context, [&](const Request&, Response& response) {
               traffic.reset_stats();
               send_json(response, 200, R"({"ok":true})");
             }));

  server.add("GET", "/sandbox/settings", guarded(context, [&](const Request&, Response& response) {
               send_json(response, 200, to_json(traffic.settings()).dump());
             }));

  server.add(
      "PUT", "/sandbox/settings", guarded(context, [&](const Request& request, Response& response) {
        const json body = body_of(request);
        TrafficSettings settings = traffic.settings();
        settings.rate_limit = body.value("rate_limit", settings.rate_limit);
        settings.fault_rate = body.value("fault_rate", settings.fault_rate);
        settings.latency_ms = body.value("latency_ms", settings.latency_ms);
        if (body.contains("retry_after")) {
          const auto mode = parse_retry_after_mode(body["retry_after"].get<std::string>());
          if (!mode) return send_text(response, 400, mode.error().message);
          settings.retry_after = *mode;
        }
        for (const auto& [key, target] : {std::pair{"string_ranges", &settings.string_ranges},
                                          std::pair{"string_sort", &settings.string_sort}}) {
          if (!body.contains(key)) continue;
          const auto& value = body[key];
          const auto behaviour = parse_string_behaviour(
              value.is_string() ? value.get<std::string>() : value.dump(), key);
          if (!behaviour) return send_text(response, 400, behaviour.error().message);
          *target = *behaviour;
        }
        if (settings.rate_limit < 0 || settings.fault_rate < 0 || settings.fault_rate > 1 ||
            settings.latency_ms < 0) {
          return send_text(response, 400, "rate_limit >= 0, 0 <= fault_rate <= 1, latency_ms >= 0");
        }
        traffic.set_settings(settings);
        send_json(response, 200, to_json(settings).dump());
      }));

  server.add("POST", "/sandbox/faults",
             guarded(context, [&](const Request& request, Response& response) {
               const json body = body_of(request);
               const auto kind = parse_fault_kind(body.value("kind", ""));
               if (!kind) return send_text(response, 400, "unknown fault kind");
               traffic.force(*kind, body.value("method", ""), body.value("path", "/api1/"),
                             body.value("count", int64_t{1}));
               send_json(response, 200, R"({"ok":true})");
             }));

  server.add("DELETE", "/sandbox/faults", guarded(context, [&](const Request&, Response& response) {
               traffic.clear_forced();
               send_json(response, 200, R"({"ok":true})");
             }));

  server.add(
      "GET", "/sandbox/writes", guarded(context, [&](const Request& request, Response& response) {
        const uint64_t after = std::strtoull(request.get_param_value("after").c_str(), nullptr, 10);
        const std::string endpoint = request.get_param_value("endpoint");
        json writes = json::array();
        for (const auto& entry : state.writes(after)) {
          if (endpoint.empty() || entry.endpoint == endpoint) writes.push_back(to_json(entry));
        }
        send_json(response, 200, json{{"count", writes.size()}, {"writes", writes}}.dump());
      }));

  server.add("DELETE", "/sandbox/writes", guarded(context, [&](const Request&, Response& response) {
               state.clear_writes();
               send_json(response, 200, R"({"ok":true})");
             }));

  server.add(
      "POST", "/sandbox/touch", guarded(context, [&](const Request& request, Response& response) {
        const json body = body_of(request);
        const auto kind = kind_or_404(body.value("kind", "jobs"), response);
        if (!kind) return;
        std::optional<int64_t> second;
        if (body.contains("date_updated")) second = body["date_updated"].get<int64_t>();
        const auto touched = state.touch(*kind, body.value("jnids", std::vector<std::string>{}),
                                         body.value("count", int64_t{0}), second);
        if (!touched) return send_error(response, touched.error());
        send_json(response, 200, json{{"jnids", *touched}}.dump());
      }));

  server.add("POST", "/sandbox/mutate",
             guarded(context, [&](const Request& request, Response& response) {
               const json body = body_of(request);
               MutationSpec spec;
               spec.job_updates = body.value("job_updates", int64_t{0});
               spec.status_changes = body.value("status_changes", int64_t{0});
               spec.job_creates = body.value("job_creates", int64_t{0});
               spec.job_deletes = body.value("job_deletes", int64_t{0});
               spec.contact_updates = body.value("contact_updates", int64_t{0});
               spec.photos = body.value("photos", int64_t{0});
               spec.documents = body.value("documents", int64_t{0});
               spec.same_second = body.value("same_second", false);
               send_json(response, 200, state.mutate(spec).dump());
             }));

  server.add("POST", "/sandbox/save", guarded(context, [&](const Request&, Response& response) {
               if (context.state_file.empty()) return send_text(response, 400, "no --state file");
               const auto saved = state.save(context.state_file);
               if (!saved) return send_error(response, saved.error());
               send_json(response, 200, R"({"ok":true})");
             }));

  server.add("GET", "/sandbox/dump/:kind",
             guarded(context, [&](const Request& request, Response& response) {
               const auto kind = kind_or_404(request.matches[1], response);
               if (!kind) return;
               const std::string deleted = request.get_param_value("include_deleted");
               send_json(response, 200,
                         state.dump(*kind, split_fields(request.get_param_value("fields")),
                                    deleted == "1" || deleted == "true"));
             }));

  server.add("GET", "/sandbox/ids/:kind",
             guarded(context, [&](const Request& request, Response& response) {
               const auto kind = kind_or_404(request.matches[1], response);
               if (kind) send_json(response, 200, state.ids(*kind));
             }));

  server.add("POST", "/sandbox/jobs/:jnid/files",
             guarded(context, [&](const Request& request, Response& response) {
               const json body = body_of(request);
               std::optional<std::string> kind;
               if (body.contains("kind")) kind = body["kind"].get<std::string>();
               const auto created =
                   state.add_files(request.matches[1], body.value("count", int64_t{1}),
                                   body.value("record_type", 2), kind);
               if (!created) return send_error(response, created.error());
               send_json(response, 200, json{{"jnids", *created}}.dump());
             }));

  server.add("POST", "/sandbox/:kind/:jnid/restore",
             guarded(context, [&](const Request& request, Response& response) {
               const auto kind = kind_or_404(request.matches[1], response);
               if (kind) answer(response, state.control_restore(*kind, request.matches[2]));
             }));

  server.add("POST", "/sandbox/:kind(jobs|contacts|tasks|activities|files)",
             guarded(context, [&](const Request& request, Response& response) {
               const auto kind = kind_or_404(request.matches[1], response);
               if (kind) answer(response, state.control_create(*kind, body_of(request)));
             }));

  server.add("PUT", "/sandbox/:kind(jobs|contacts|tasks|activities|files)/:jnid",
             guarded(context, [&](const Request& request, Response& response) {
               const auto kind = kind_or_404(request.matches[1], response);
               if (kind)
                 answer(response,
                        state.control_update(*kind, request.matches[2], body_of(request)));
             }));

  server.add("DELETE", "/sandbox/:kind(jobs|contacts|tasks|activities|files)/:jnid",
             guarded(context, [&](const Request& request, Response& response) {
               const auto kind = kind_or_404(request.matches[1], response);
               if (!kind) return;
               const auto deleted = state.control_delete(*kind, request.matches[2]);
               if (!deleted) return send_error(response, deleted.error());
               send_json(response, 200, R"({"ok":true})");
             }));
}

}  // namespace gep::sandbox
