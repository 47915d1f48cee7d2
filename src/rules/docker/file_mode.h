#pragma once

#include <string_view>

namespace pf::rules {

// What a permission mode, as given to `COPY --chmod=` or to the `chmod`
// command, does to a file. Shared by both parts of DOCKER-SEC-104 so they
// agree on what "world-writable" means.
struct FileMode {
  bool valid = false;  // a mode chmod accepts
  bool octal = false;  // "777", "0644", "1777"
  unsigned bits = 0;   // the octal value (valid when octal)
  // The mode grants write permission to others: the 0002 bit of an octal
  // mode, or a symbolic clause `o+w`, `a+w`, `o=rwx`, `a=rw`, `ugo+w` that
  // no later clause takes back. `+w` without a who part does not count: it
  // is filtered through the umask (022 by default), which keeps o-w.
  bool others_write = false;
  // The sticky bit (01000, `+t`): others may write but not delete or rename
  // entries of others, the shared-temporary-directory pattern (/tmp is 1777).
  bool sticky = false;
};

// Parses an octal mode (1 to 4 octal digits, at most 07777) or a symbolic
// mode (comma-separated clauses `[ugoa]*[-+=][rwxXst]*`, also `o=u` style
// copies, whose outcome is unknown and therefore not counted as a write).
FileMode ParseFileMode(std::string_view text);

// The mode makes files writable by everyone and is not the sticky
// shared-directory pattern: what DOCKER-SEC-104 reports.
bool IsWorldWritable(const FileMode& mode);

}  // namespace pf::rules
