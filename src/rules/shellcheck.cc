#include "rules/shellcheck.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <variant>

#include "dockerfile/parser.h"

extern char** environ;

namespace pf::rules {

namespace {

// Codes that only say what a RUN script cannot know: variables set by ENV
// or ARG (SC2154) and sourced files that exist only in the image.
constexpr std::string_view kExcluded = "SC2154,SC1090,SC1091";

bool IsExecutableFile(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// Closes a descriptor once, on every path.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { Reset(); }
  int get() const { return fd_; }
  void Reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  // Moves a descriptor above the standard ones, so that dup2 onto 0/1/2 in
  // the child never meets itself (which would keep its close-on-exec flag).
  bool LiftAboveStdio() {
    if (fd_ > 2) return true;
    int lifted = ::fcntl(fd_, F_DUPFD_CLOEXEC, 3);
    if (lifted < 0) return false;
    Reset();
    fd_ = lifted;
    return true;
  }

 private:
  int fd_ = -1;
};

struct ProcessOutput {
  std::string error;  // could not run it at all, or it was stopped
  int exit_code = -1;
  std::string out;
};

void SetNonBlocking(int fd) { ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK); }

// Runs `argv` (argv[0] is the executable path) with `input` on stdin and
// returns its stdout. No shell is involved: the arguments reach the program
// as they are. Stops the program after `timeout` or once it has written
// more than `max_output` bytes.
ProcessOutput RunProcess(const std::vector<std::string>& argv, std::string_view input,
                         std::chrono::milliseconds timeout, std::size_t max_output) {
  ProcessOutput result;
  int in_pair[2];
  // A socket for stdin: send(MSG_NOSIGNAL) cannot raise SIGPIPE when the
  // program exits without reading everything.
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, in_pair) != 0) {
    result.error = fmt::format("socketpair: {}", std::strerror(errno));
    return result;
  }
  Fd in_parent(in_pair[0]);
  Fd in_child(in_pair[1]);
  int out_pipe[2];
  if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
    result.error = fmt::format("pipe: {}", std::strerror(errno));
    return result;
  }
  Fd out_parent(out_pipe[0]);
  Fd out_child(out_pipe[1]);
  if (!in_child.LiftAboveStdio() || !out_child.LiftAboveStdio()) {
    result.error = "cannot set up descriptors";
    return result;
  }

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_child.get(), 0);
  posix_spawn_file_actions_adddup2(&actions, out_child.get(), 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  sigset_t defaults;
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = -1;
  int spawn_error = ::posix_spawn(&pid, argv[0].c_str(), &actions, &attr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  in_child.Reset();
  out_child.Reset();
  if (spawn_error != 0) {
    result.error = fmt::format("cannot start {}: {}", argv[0], std::strerror(spawn_error));
    return result;
  }

  SetNonBlocking(in_parent.get());
  SetNonBlocking(out_parent.get());
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::size_t written = 0;
  if (input.empty()) in_parent.Reset();
  char buffer[16384];
  while (out_parent.get() >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.error = fmt::format("timed out after {} ms", timeout.count());
      break;
    }
    pollfd fds[2] = {{out_parent.get(), POLLIN, 0}, {in_parent.get(), POLLOUT, 0}};
    int n = ::poll(fds, in_parent.get() >= 0 ? 2 : 1, static_cast<int>(left.count()));
    if (n < 0) {
      if (errno == EINTR) continue;
      result.error = fmt::format("poll: {}", std::strerror(errno));
      break;
    }
    if (in_parent.get() >= 0 && (fds[1].revents & (POLLOUT | POLLERR | POLLHUP)) != 0) {
      ssize_t w = ::send(in_parent.get(), input.data() + written, input.size() - written,
                         MSG_NOSIGNAL | MSG_DONTWAIT);
      if (w > 0) written += static_cast<std::size_t>(w);
      if ((w < 0 && errno != EAGAIN && errno != EINTR) || written == input.size()) {
        in_parent.Reset();  // end of input
      }
    }
    if ((fds[0].revents & (POLLIN | POLLERR | POLLHUP)) != 0) {
      ssize_t r = ::read(out_parent.get(), buffer, sizeof buffer);
      if (r > 0) {
        result.out.append(buffer, static_cast<std::size_t>(r));
        if (result.out.size() > max_output) {
          result.error = fmt::format("output larger than {} bytes", max_output);
          break;
        }
      } else if (r == 0 || (errno != EAGAIN && errno != EINTR)) {
        out_parent.Reset();  // end of output
      }
    }
  }
  if (!result.error.empty()) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (result.error.empty()) {
    if (WIFEXITED(status)) {
      result.exit_code = WEXITSTATUS(status);
    } else {
      result.error = "terminated by a signal";
    }
  }
  return result;
}

// Byte offset in `text` of a 1-based line and column counted in code
// points (json1 counts a tab as one column), clamped to the text.
std::size_t OffsetOf(std::string_view text, long line, long column) {
  std::size_t at = 0;
  for (long l = 1; l < line; ++l) {
    std::size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) return text.size();
    at = nl + 1;
  }
  for (long c = 1; c < column && at < text.size() && text[at] != '\n'; ++c) {
    ++at;
    while (at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) ++at;
  }
  return at;
}

Severity SeverityOf(std::string_view level) {
  if (level == "error") return Severity::kMedium;
  if (level == "warning") return Severity::kLow;
  return Severity::kInfo;  // info, style
}

long IntField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_number_integer() ? it->get<long>() : 0;
}

std::string StringField(const nlohmann::json& object, const char* key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The text shellcheck reads, with the source offset of each byte (plus one
// for the end). A RUN command line with heredocs gets their bodies and
// terminators appended, as the shell sees them.
struct ScriptText {
  std::string text;
  std::vector<std::size_t> offsets;

  ByteSpan ToSource(ByteSpan span) const {
    if (offsets.empty()) return {};
    auto at = [&](std::size_t i) { return offsets[std::min(i, offsets.size() - 1)]; };
    ByteSpan out{at(span.begin), at(span.end)};
    if (span.end > span.begin) out.end = at(span.end - 1) + 1;
    return out;
  }
};

ScriptText TextFor(const RunScript& script) {
  ScriptText out{script.text, script.offsets};
  if (out.offsets.size() != out.text.size() + 1) out.offsets.resize(out.text.size() + 1, 0);
  if (script.from_heredoc || script.run->heredocs.empty()) return out;
  out.offsets.pop_back();
  auto append = [&](std::string_view bytes, std::size_t first, std::size_t last) {
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      out.text.push_back(bytes[i]);
      out.offsets.push_back(std::min(first + i, last));
    }
  };
  const std::size_t end = script.offsets.empty() ? 0 : script.offsets.back();
  append("\n", end, end);
  for (const dockerfile::Heredoc& heredoc : script.run->heredocs) {
    append(heredoc.content, heredoc.body_span.begin, heredoc.body_span.end);
    if (!heredoc.content.empty() && heredoc.content.back() != '\n') {
      append("\n", heredoc.body_span.end, heredoc.body_span.end);
    }
    append(heredoc.name + "\n", heredoc.body_span.end, heredoc.body_span.end);
  }
  out.offsets.push_back(out.offsets.empty() ? 0 : out.offsets.back());
  return out;
}

// A RUN whose command line is only `<<EOF` words: its heredoc scripts are
// what runs, and they are checked on their own.
bool OnlyHeredocWords(const RunScript& script) {
  if (script.from_heredoc || script.run->heredocs.empty()) return false;
  const auto& commands = script.parsed.commands;
  return std::all_of(commands.begin(), commands.end(),
                     [](const shell::SimpleCommand& c) { return c.argv.empty(); });
}

// Checks one script; adds findings or an error.
// The shell a heredoc is fed to on the RUN line (`RUN bash <<EOF`), or "".
std::string_view FedTo(const RunScript* command_line) {
  if (command_line == nullptr) return {};
  for (const shell::SimpleCommand* c : command_line->parsed.AllCommands()) {
    std::string_view name = c->Name();
    if (!ShellCheckDialect(name).empty() && !shell::HasFlag(*c, {"-c"})) return name;
  }
  return {};
}

void CheckScript(const DockerContext& context, const RunScript& script,
                 const RunScript* command_line, const std::string& binary,
                 const ShellCheckOptions& options, ShellCheckResult* result) {
  // Both arms must be views: a std::string arm would make a temporary.
  std::string_view program = script.shell.program.empty() ? std::string_view("sh")
                                                          : std::string_view(script.shell.program);
  if (script.from_heredoc && !FedTo(command_line).empty()) program = FedTo(command_line);
  std::string dialect = ShellCheckDialect(program);
  if (dialect.empty() || OnlyHeredocWords(script)) return;
  const ScriptText input = TextFor(script);
  std::vector<std::string> argv = {binary, "--norc", "--format=json1",
                                   fmt::format("--exclude={}", kExcluded)};
  // A heredoc script with its own `#!` line names its shell itself.
  if (!(script.from_heredoc && input.text.starts_with("#!"))) {
    argv.push_back("--shell=" + dialect);
  }
  argv.push_back("-");
  ProcessOutput run = RunProcess(argv, input.text, options.timeout, options.max_output);
  const std::string where = fmt::format("RUN on line {}", script.run->range.start.line);
  if (!run.error.empty() || (run.exit_code != 0 && run.exit_code != 1)) {
    result->errors.push_back(
        fmt::format("shellcheck could not check the {}: {}", where,
                    run.error.empty() ? fmt::format("exit status {}", run.exit_code) : run.error));
    return;
  }
  nlohmann::json parsed = nlohmann::json::parse(run.out, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("comments") ||
      !parsed["comments"].is_array()) {
    result->errors.push_back(
        fmt::format("shellcheck gave output that is not its JSON report for the {}", where));
    return;
  }
  const SourceFile& source = context.source;
  for (const nlohmann::json& comment : parsed["comments"]) {
    if (!comment.is_object()) continue;
    long code = IntField(comment, "code");
    if (code <= 0) continue;
    std::size_t begin =
        OffsetOf(input.text, IntField(comment, "line"), IntField(comment, "column"));
    std::size_t end =
        OffsetOf(input.text, IntField(comment, "endLine"), IntField(comment, "endColumn"));
    if (end <= begin) end = std::min(begin + 1, input.text.size());
    if (end < begin) end = begin;
    ByteSpan span = input.ToSource(ByteSpan{begin, end});
    Finding f;
    f.rule_id = fmt::format("SHELLCHECK-SC{}", code);
    f.rule_name = fmt::format("ShellCheck SC{}", code);
    f.severity = SeverityOf(StringField(comment, "level"));
    f.file = source.path();
    f.range = source.RangeOf(span);
    f.message = fmt::format("{} (https://www.shellcheck.net/wiki/SC{})",
                            StringField(comment, "message"), code);
    std::string_view token = std::string_view(input.text).substr(begin, end - begin);
    f.offending_text = fmt::format("SC{} {}", code, token);
    result->findings.push_back(std::move(f));
  }
}

}  // namespace

std::optional<std::string> LocateShellCheck(std::string_view program) {
  if (program.empty()) return std::nullopt;
  std::string name(program);
  if (name.find('/') != std::string::npos) {
    if (IsExecutableFile(name)) return name;
    return std::nullopt;
  }
  const char* path = std::getenv("PATH");
  std::string_view dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  while (true) {
    std::size_t colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + name;
    if (IsExecutableFile(candidate)) return candidate;
    if (colon == std::string_view::npos) break;
    dirs.remove_prefix(colon + 1);
  }
  return std::nullopt;
}

std::string ShellCheckMissingNotice(std::string_view program) {
  return fmt::format(
      "pathfinder: note: --shellcheck: '{}' was not found, so RUN scripts are not checked by "
      "ShellCheck (install the shellcheck package); the scan goes on",
      program);
}

std::string ShellCheckDialect(std::string_view shell_program) {
  if (shell_program == "bash" || shell_program == "dash" || shell_program == "ksh") {
    return std::string(shell_program);
  }
  if (shell_program == "mksh") return "ksh";
  if (shell_program == "sh" || shell_program == "ash") return "sh";
  return {};
}

ShellCheckResult RunShellCheck(const DockerContext& context, const std::string& binary,
                               const ShellCheckOptions& options) {
  ShellCheckResult result;
  const RunScript* command_line = nullptr;  // the RUN line of the scripts that follow
  for (const RunScript& script : context.run_scripts()) {
    if (!script.from_heredoc) command_line = &script;
    if (command_line != nullptr && command_line->run != script.run) command_line = nullptr;
    // Shell-form bodies and heredoc scripts; exec form maps positions
    // through JSON escapes, which is not exact.
    if (!script.posix() || script.run->json_form || script.text.empty()) continue;
    CheckScript(context, script, command_line, binary, options, &result);
  }
  return result;
}

ShellCheckResult RunShellCheck(const SourceFile& source, const dockerfile::BuildArgs& build_args,
                               const std::string& binary, const ShellCheckOptions& options) {
  auto parsed = dockerfile::Parse(source);
  const auto* file = std::get_if<dockerfile::Dockerfile>(&parsed);
  if (file == nullptr) return {};
  dockerfile::Model model = dockerfile::Model::Build(*file, build_args);
  DockerContext context(source, *file, model);
  return RunShellCheck(context, binary, options);
}

}  // namespace pf::rules
