// clang-tidy's check-list globs: "-*,cascade-*": comma separated, '-' negates, last match wins.
#ifndef CASCADE_CHECKER_GLOBLIST_H
#define CASCADE_CHECKER_GLOBLIST_H

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace cascade {

class GlobList {
public:
  explicit GlobList(llvm::StringRef Globs = "");
  bool contains(llvm::StringRef Name) const;

private:
  struct Item {
    bool Positive;
    std::string Pattern;
  };
  std::vector<Item> Items;
};

/// '*' matches any run of characters, everything else itself.
bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Name);

} // namespace cascade

#endif
