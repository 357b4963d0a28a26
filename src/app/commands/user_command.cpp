// gep user add|list|disable|reset-password: internal (staff) users. Passwords are read from
// stdin (--password-stdin, or whenever stdin is not a terminal) or prompted for without echo;
// never from the command line, where `ps` and shell history would keep them.
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "app/access_wiring.h"
#include "app/commands/commands.h"
#include "app/config_check.h"
#include "core/logging.h"
#include "core/secrets.h"
#include "core/time_format.h"

namespace gep::app {
namespace {

struct UserArguments {
  std::string username;
  std::string role = "staff";
  std::string display_name;
  bool password_stdin = false;
};

int failed(const std::string& message, int code = 1) {
  std::fprintf(stderr, "user: %s\n", message.c_str());
  return code;
}

std::optional<std::string> read_line_from_stdin() {
  std::string line;
  if (!std::getline(std::cin, line)) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::optional<std::string> prompt_without_echo(const char* prompt) {
  std::fprintf(stderr, "%s", prompt);
  std::fflush(stderr);
  termios saved{};
  const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
  if (terminal) {
    termios silent = saved;
    silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
  }
  auto line = read_line_from_stdin();
  if (terminal) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  std::fprintf(stderr, "\n");
  return line;
}

// The new password, or nothing (with the reason printed).
std::optional<std::string> read_password(bool from_stdin) {
  if (from_stdin || isatty(STDIN_FILENO) == 0) {
    auto line = read_line_from_stdin();
    if (!line || line->empty()) failed("no password on stdin");
    return line && !line->empty() ? line : std::nullopt;
  }
  auto first = prompt_without_echo("New password (at least 12 characters): ");
  auto second = prompt_without_echo("Repeat the password: ");
  if (!first || !second || *first != *second) {
    failed("the passwords did not match");
    return std::nullopt;
  }
  return first;
}

// Runs `work` with the user accounts of DATABASE_URL (migrated first).
template <class Work>
int with_accounts(Work&& work) {
  const Config config = load_checked_config();
  log::init(config.log_level, config.log_format);
  auto database = store::open_migrated_database(config);
  if (!database) return failed(database.error().message);
  SystemClock clock;
  UserAccounts accounts(**database, clock);
  return work(accounts.admin());
}

int exit_code_for(const Error& error) {
  return error.code == "validation" ? 2 : 1;
}

int add_user(const UserArguments& arguments) {
  const auto role = auth::parse_role(arguments.role);
  if (!role) return failed("--role must be admin or staff", 2);
  const auto password = read_password(arguments.password_stdin);
  if (!password) return 1;
  SecretRegistry::add(*password);
  return with_accounts([&](auth::UserAdmin& admin) {
    const auto added = admin.add(arguments.username, *role, arguments.display_name, *password);
    if (!added) return failed(added.error().message, exit_code_for(added.error()));
    std::printf("user: added %s (%s)\n", added->username.c_str(),
                std::string(auth::to_string(added->role)).c_str());
    return 0;
  });
}

std::string status_of(const auth::User& user) {
  if (user.disabled) return "disabled";
  if (user.locked_until && *user.locked_until > to_unix_seconds(SystemClock().now())) {
    return "locked until " + format_iso8601_seconds(*user.locked_until);
  }
  return "active";
}

int list_users() {
  return with_accounts([](auth::UserAdmin& admin) {
    const auto users = admin.list();
    if (!users) return failed(users.error().message);
    std::printf("%-24s %-6s %-24s %-22s %s\n", "USERNAME", "ROLE", "DISPLAY NAME", "LAST LOGIN",
                "STATUS");
    for (const auto& user : *users) {
      const std::string last_login =
          user.last_login_at ? format_iso8601_seconds(*user.last_login_at) : "never";
      std::printf("%-24s %-6s %-24s %-22s %s\n", user.username.c_str(),
                  std::string(auth::to_string(user.role)).c_str(), user.display_name.c_str(),
                  last_login.c_str(), status_of(user).c_str());
    }
    return 0;
  });
}

int disable_user(const UserArguments& arguments) {
  return with_accounts([&](auth::UserAdmin& admin) {
    const Status disabled = admin.disable(arguments.username);
    if (!disabled) return failed(disabled.error().message, exit_code_for(disabled.error()));
    std::printf("user: disabled %s and ended its sessions\n", arguments.username.c_str());
    return 0;
  });
}

int reset_password(const UserArguments& arguments) {
  const auto password = read_password(arguments.password_stdin);
  if (!password) return 1;
  SecretRegistry::add(*password);
  return with_accounts([&](auth::UserAdmin& admin) {
    const Status reset = admin.reset_password(arguments.username, *password);
    if (!reset) return failed(reset.error().message, exit_code_for(reset.error()));
    std::printf("user: new password set for %s; its sessions were ended\n",
                arguments.username.c_str());
    return 0;
  });
}

void add_password_stdin_flag(CLI::App* command, UserArguments& arguments) {
  command->add_flag("--password-stdin", arguments.password_stdin,
                    "Read the password from the first line of stdin (also the default when "
                    "stdin is not a terminal; otherwise it is prompted for without echo)");
}

}  // namespace

void add_user_command(CLI::App& root, CommandRunner& run) {
  auto arguments = std::make_shared<UserArguments>();
  auto* user = root.add_subcommand(
      "user", "Manage internal users (admin, staff) who sign in to the dashboard and API.");
  user->require_subcommand(1);

  auto* add = user->add_subcommand("add", "Add a user; the password comes from stdin or a prompt");
  add->add_option("username", arguments->username, "Login name (letters, digits, . _ @ -)")
      ->required();
  add->add_option("--role", arguments->role, "admin or staff")
      ->required()
      ->check(CLI::IsMember({"admin", "staff"}));
  add->add_option("--display-name", arguments->display_name, "Name shown in the dashboard");
  add_password_stdin_flag(add, *arguments);
  add->callback([&run, arguments] { run = [arguments] { return add_user(*arguments); }; });

  auto* list = user->add_subcommand("list", "List users with role, last sign-in and status");
  list->callback([&run] { run = list_users; });

  auto* disable =
      user->add_subcommand("disable", "Disable a user and end every session it has open");
  disable->add_option("username", arguments->username, "The user to disable")->required();
  disable->callback([&run, arguments] { run = [arguments] { return disable_user(*arguments); }; });

  auto* reset = user->add_subcommand(
      "reset-password", "Set a new password (stdin or prompt) and end the user's sessions");
  reset->add_option("username", arguments->username, "The user")->required();
  add_password_stdin_flag(reset, *arguments);
  reset->callback([&run, arguments] { run = [arguments] { return reset_password(*arguments); }; });
}

}  // namespace gep::app
