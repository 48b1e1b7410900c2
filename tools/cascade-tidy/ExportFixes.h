// --export-fixes: clang-tidy's YAML, readable by clang-apply-replacements.
#ifndef CASCADE_TIDY_EXPORTFIXES_H
#define CASCADE_TIDY_EXPORTFIXES_H

#include "SqlFrontEnd.h"

#include "llvm/Support/Error.h"
#include <vector>

namespace cascade {

llvm::Error exportFixes(llvm::StringRef OutPath, const std::vector<FileReport> &Reports);

} // namespace cascade

#endif
