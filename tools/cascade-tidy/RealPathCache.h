// Real paths of many files at once: a file that is not itself a symlink resolves through its
// folder's real path, which is resolved once per folder. realpath(3) resolves every component
// of every path (six thousand files in one folder: six thousand walks up to /).
#ifndef CASCADE_TIDY_REALPATHCACHE_H
#define CASCADE_TIDY_REALPATHCACHE_H

#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cascade {

class RealPathCache {
public:
  /// What realPathOr(P) (InputFiles.h) gives: P with symlinks resolved, P itself when it
  /// cannot be resolved. NoLink: the caller knows P itself is no symlink (readdir said a
  /// regular file), so it is not looked at again.
  std::string of(llvm::StringRef P, bool NoLink = false);

private:
  llvm::StringMap<std::optional<std::string>> Folders; // nullopt: not resolvable
};

} // namespace cascade

#endif
