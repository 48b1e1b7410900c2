// --shard=K/N: a deterministic share of the inputs, so that a CI matrix splits one run.
#ifndef CASCADE_TIDY_SHARD_H
#define CASCADE_TIDY_SHARD_H

#include "SetDiscovery.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace cascade {

struct Shard {
  unsigned Index = 0; // 0-based (K - 1)
  unsigned Count = 1;
};

/// "K/N" with 1 <= K <= N.
llvm::Expected<Shard> parseShard(llvm::StringRef Spec);

/// Whether the unit named by Key (a migration group's first path, or a C/C++ file) belongs to
/// the shard: FNV-1a of the path as given, modulo N. The same arguments give the same split on
/// every machine.
bool inShard(llvm::StringRef Key, const Shard &S);

/// Keeps the groups (whole: a migration set never splits) and files of the shard; Sets is
/// parallel to Groups and stays so.
void keepShard(std::vector<std::vector<std::string>> &Groups, std::vector<SetInfo> &Sets,
               std::vector<std::string> &Files, const Shard &S);

} // namespace cascade

#endif
