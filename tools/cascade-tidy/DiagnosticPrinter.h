// Renders findings the way clang-tidy 19 prints diagnostics: location, message, the source
// line under a line-number gutter, a caret line and the fix-it text.
#ifndef CASCADE_TIDY_DIAGNOSTICPRINTER_H
#define CASCADE_TIDY_DIAGNOSTICPRINTER_H

#include "Finding.h"
#include "SourceText.h"

#include "llvm/Support/raw_ostream.h"

namespace cascade {

struct PrintOptions {
  bool AsError = false; // --warnings-as-errors matched
  bool ShowSnippet = true;
};

void printFinding(llvm::raw_ostream &OS, llvm::StringRef Path, llvm::StringRef Text,
                  const LineTable &Lines, const Finding &F, const PrintOptions &P);

} // namespace cascade

#endif
