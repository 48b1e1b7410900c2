// Checks on what the user and the schema hand cascade-migrate before anything is written.
#ifndef CASCADE_MIGRATE_INPUTCHECKS_H
#define CASCADE_MIGRATE_INPUTCHECKS_H

#include "CheckOptions.h"

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace cascade {

/// A `--name` / `--number` value must be a plain file-name word: ASCII letters, digits, `-`,
/// `_` and `.` (not leading), at most 100 bytes. It becomes a file name and a comment line.
llvm::Error checkFileWord(llvm::StringRef Option, llvm::StringRef Value);

/// Fails when a root table names no table of Tables: planning over a schema without the root
/// would otherwise report "nothing blocks the delete". Where says where the tables came from
/// ("the database", "the migrations").
llvm::Error checkRootsExist(const std::vector<RootTable> &Roots,
                            const std::vector<QualifiedName> &Tables, llvm::StringRef Where);

} // namespace cascade

#endif
