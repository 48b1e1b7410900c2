#include "Shard.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

llvm::Expected<Shard> parseShard(llvm::StringRef Spec) {
  auto [K, N] = Spec.split('/');
  unsigned Index, Count;
  if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 || Index == 0 ||
      Index > Count)
    return llvm::createStringError("invalid --shard '" + Spec.str() +
                                   "': expected K/N with 1 <= K <= N, e.g. 2/4");
  return Shard{Index - 1, Count};
}

bool inShard(llvm::StringRef Key, const Shard &S) {
  uint64_t H = 14695981039346656037ull;
  for (unsigned char C : Key) {
    H ^= C;
    H *= 1099511628211ull;
  }
  return H % S.Count == S.Index;
}

void keepShard(std::vector<std::vector<std::string>> &Groups, std::vector<SetInfo> &Sets,
               std::vector<std::string> &Files, const Shard &S) {
  std::vector<std::vector<std::string>> KeptGroups;
  std::vector<SetInfo> KeptSets;
  for (size_t I = 0; I < Groups.size(); ++I) {
    if (!Groups[I].empty() && !inShard(Groups[I].front(), S))
      continue;
    KeptGroups.push_back(std::move(Groups[I]));
    if (I < Sets.size())
      KeptSets.push_back(std::move(Sets[I]));
  }
  Groups = std::move(KeptGroups);
  Sets = std::move(KeptSets);
  llvm::erase_if(Files, [&](const std::string &F) { return !inShard(F, S); });
}

} // namespace cascade
