#include "GlobList.h"

#include "llvm/ADT/SmallVector.h"

namespace cascade {

// Two-pointer matching: on a mismatch, retry from the last '*' one character further on. Each
// '*' only ever moves forward, so the cost is O(pattern * name) at worst, never exponential
// (a recursive matcher takes seconds on a dozen stars).
bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Name) {
  size_t P = 0, N = 0;
  size_t StarP = llvm::StringRef::npos, StarN = 0;
  while (N < Name.size()) {
    if (P < Pattern.size() && Pattern[P] == '*') {
      while (P < Pattern.size() && Pattern[P] == '*')
        ++P; // a run of stars is one star
      if (P == Pattern.size())
        return true;
      StarP = P;
      StarN = N;
    } else if (P < Pattern.size() && Pattern[P] == Name[N]) {
      ++P;
      ++N;
    } else if (StarP != llvm::StringRef::npos) {
      P = StarP;
      N = ++StarN;
    } else {
      return false;
    }
  }
  while (P < Pattern.size() && Pattern[P] == '*')
    ++P;
  return P == Pattern.size();
}

GlobList::GlobList(llvm::StringRef Globs) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  Globs.split(Parts, ',', -1, false);
  for (llvm::StringRef P : Parts) {
    P = P.trim();
    if (P.empty())
      continue;
    bool Positive = !P.consume_front("-");
    Items.push_back({Positive, P.trim().str()});
  }
}

bool GlobList::contains(llvm::StringRef Name) const {
  bool Result = false;
  for (const Item &I : Items)
    if (wildcardMatch(I.Pattern, Name))
      Result = I.Positive;
  return Result;
}

} // namespace cascade
