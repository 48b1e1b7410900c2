#include "Version.h"
#include "VersionConfig.h"

#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"

#include <pg_query.h>

namespace cascade {

llvm::StringRef toolVersion() { return CASCADE_TOOL_VERSION; }

void printToolVersion(llvm::raw_ostream &OS, llvm::StringRef ToolName) {
  // The layout of clang-tidy's: the product line first, the libraries it runs on indented below.
  OS << ToolName << " version " << toolVersion() << "\n";
  OS << "  LLVM version " << LLVM_VERSION_STRING << "\n";
  OS << "  PostgreSQL grammar " << PG_VERSION << " (libpg_query)\n";
#ifdef CASCADE_HAVE_RAW_TREE
  OS << "  parse trees read in libpg_query's C structs\n";
#else
  OS << "  parse trees read from libpg_query's JSON (built without PostgreSQL's server headers)\n";
#endif
}

void installVersionPrinter(llvm::StringRef ToolName) {
  llvm::cl::SetVersionPrinter(
      [ToolName](llvm::raw_ostream &OS) { printToolVersion(OS, ToolName); });
}

} // namespace cascade
