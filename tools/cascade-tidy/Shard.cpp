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

void keepShard(std::vector<std::vector<std::string>> &Groups, std::vector<std::string> &Files,
               const Shard &S) {
  llvm::erase_if(Groups, [&](const std::vector<std::string> &G) {
    return !G.empty() && !inShard(G.front(), S);
  });
  llvm::erase_if(Files, [&](const std::string &F) { return !inShard(F, S); });
}

} // namespace cascade
