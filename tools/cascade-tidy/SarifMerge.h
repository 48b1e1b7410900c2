// --merge-sarif and --merge-fixes: the outputs of --shard runs made into one file equal to the
// output of an unsharded run.
#ifndef CASCADE_TIDY_SARIFMERGE_H
#define CASCADE_TIDY_SARIFMERGE_H

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cascade {

/// One run: the first input's tool, rules and base URIs, every input's results ordered by file
/// (as an unsharded run orders them), execution successful when every shard's was. Inputs
/// written by other tools, versions or directories are refused.
llvm::Error mergeSarif(const std::vector<std::string> &Inputs, llvm::StringRef Output);

/// The --export-fixes YAML of the shards as one file, diagnostics ordered by file.
llvm::Error mergeFixes(const std::vector<std::string> &Inputs, llvm::StringRef Output);

} // namespace cascade

#endif
