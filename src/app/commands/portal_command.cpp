#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "app/commands/commands.h"
#include "app/config_check.h"
#include "app/portal_wiring.h"
#include "app/smtp_mailer.h"
#include "core/logging.h"
#include "core/time_format.h"
#include "portal/invitations.h"
#include "store/database.h"

namespace gep::app {
namespace {

struct InviteArguments {
  std::string contact;
  int ttl_minutes = 0;  // 0: PORTAL_LINK_TTL_MINUTES
};

int report_failure(const std::string& message) {
  std::fprintf(stderr, "portal invite: %s\n", message.c_str());
  return 1;
}

int run_invite(const InviteArguments& arguments) {
  const Config config = load_checked_config();
  log::init(config.log_level, config.log_format);
  SystemClock clock;
  auto database = store::open_migrated_database(config);
  if (!database) return report_failure(database.error().message);
  auto wiring = PortalWiring::create(config, **database, clock);
  if (!wiring) {
    std::fprintf(stderr, "gep: invalid configuration: %s\n", wiring.error().message.c_str());
    return 2;
  }
  std::unique_ptr<SmtpMailer> mailer;
  if (!config.smtp_url.empty()) mailer = std::make_unique<SmtpMailer>(config.smtp_url, clock);

  portal::InviteRequest request;
  request.contact_key = arguments.contact;
  if (arguments.ttl_minutes > 0) request.ttl_seconds = int64_t{arguments.ttl_minutes} * 60;
  request.created_by = "cli";
  request.base_url = config.portal_base_url;
  request.from = config.smtp_from;
  const auto invitation =
      portal::invite((*wiring)->service(), (*wiring)->access(), mailer.get(), request);
  if (!invitation) return report_failure(invitation.error().message);
  const std::string until = format_iso8601_seconds(invitation->expires_at);
  if (invitation->mailed) {
    log::info("portal invite: mailed a sign-in link for contact {} (valid until {})",
              invitation->contact_jnid, until);
    std::printf("portal invite: mailed a single-use sign-in link to %s (valid until %s)\n",
                invitation->email.c_str(), until.c_str());
    return 0;
  }
  // Without SMTP_URL the operator passes the link on by hand. The link is a bearer credential:
  // only development logs it; production prints it to the operator alone.
  if (config.is_production()) {
    log::info("portal invite: created a sign-in link for contact {} (valid until {})",
              invitation->contact_jnid, until);
  } else {
    log::info("portal invite: sign-in link for contact {} (valid until {}): {}",
              invitation->contact_jnid, until, invitation->link);
  }
  std::printf("portal invite: single-use sign-in link for contact %s, valid until %s:\n%s\n",
              invitation->contact_jnid.c_str(), until.c_str(), invitation->link.c_str());
  return 0;
}

}  // namespace

void add_portal_command(CLI::App& root, CommandRunner& run) {
  auto* portal = root.add_subcommand("portal", "Customer portal: invite customers to sign in.");
  portal->require_subcommand(1);
  auto arguments = std::make_shared<InviteArguments>();
  auto* invite = portal->add_subcommand(
      "invite",
      "Create a single-use sign-in link for a contact: mailed when SMTP_URL is set, else printed "
      "(and, in development, logged). Exit 1 for an unknown contact, or one without e-mail when "
      "mailing.");
  invite
      ->add_option("--contact", arguments->contact,
                   "The contact's JobNimbus id (jnid) or e-mail address")
      ->required();
  invite
      ->add_option("--ttl-minutes", arguments->ttl_minutes,
                   "Minutes the link stays valid (default: PORTAL_LINK_TTL_MINUTES)")
      ->check(CLI::Range(1, 10080));
  invite->callback([&run, arguments] { run = [arguments] { return run_invite(*arguments); }; });
}

}  // namespace gep::app
