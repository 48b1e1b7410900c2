// `cascade-tidy --lsp`: the checks as a language server, over standard input and output.
#ifndef CASCADE_TIDY_LSPSERVER_H
#define CASCADE_TIDY_LSPSERVER_H

#include "Config.h"
#include "CxxFrontEnd.h"
#include "InputFiles.h"

#include <optional>

namespace cascade {

struct LspOptions {
  Config CommandLine;             // the options given with --lsp; they win over the client's
  std::optional<Config> Explicit; // --config-file
  bool IncludeDown = false;
  uint64_t MaxInputBytes = DefaultMaxInputBytes;
  InputOptions Inputs; // --exclude, --cxx-extensions
  CxxRun Cxx;          // -p, --cxx-mode
};

/// Serves one client until `exit`: 0 when `shutdown` came first, 1 otherwise (as LSP asks).
int runLspServer(const LspOptions &Opts);

} // namespace cascade

#endif
