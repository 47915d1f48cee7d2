#pragma once

namespace pf::cli {

// Runs the pathfinder command line; returns the process exit code
// (0 clean, 1 findings at a --fail-on severity, 2 usage/config/I/O error).
int Run(int argc, char** argv);

}  // namespace pf::cli
