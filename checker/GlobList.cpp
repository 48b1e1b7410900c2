#include "GlobList.h"

#include "llvm/ADT/SmallVector.h"

namespace cascade {

bool wildcardMatch(llvm::StringRef Pattern, llvm::StringRef Name) {
  size_t Star = Pattern.find('*');
  if (Star == llvm::StringRef::npos)
    return Pattern == Name;
  if (!Name.starts_with(Pattern.take_front(Star)))
    return false;
  llvm::StringRef Rest = Pattern.drop_front(Star + 1);
  for (size_t I = Star; I <= Name.size(); ++I)
    if (wildcardMatch(Rest, Name.drop_front(I)))
      return true;
  return false;
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
