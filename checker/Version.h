// cascade-tidy's own version, and the `--version` text of its executables.
#ifndef CASCADE_VERSION_H
#define CASCADE_VERSION_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/raw_ostream.h"

namespace cascade {

/// The release version of cascade-tidy, "MAJOR.MINOR.PATCH", from the top-level CMake project().
llvm::StringRef toolVersion();

/// Writes the `--version` text: the tool's name and version, then the LLVM it was built on.
void printToolVersion(llvm::raw_ostream &OS, llvm::StringRef ToolName);

/// Makes `--version` print printToolVersion(ToolName) instead of LLVM's own text. ToolName must
/// outlive the command-line parse (a string literal).
void installVersionPrinter(llvm::StringRef ToolName);

} // namespace cascade

#endif
