#include "SharedReads.h"

#include "llvm/ADT/StringMap.h"

#include <atomic>
#include <mutex>

namespace cascade {

namespace {
std::atomic<bool> Enabled{false};
std::mutex Lock;
llvm::StringMap<std::string> &store() {
  static llvm::StringMap<std::string> Texts;
  return Texts;
}
} // namespace

void enableSharedReads() { Enabled = true; }

void keepSharedRead(llvm::StringRef Path, const std::string &Text) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> G(Lock);
  store()[Path] = Text;
}

std::optional<std::string> takeSharedRead(llvm::StringRef Path, uint64_t Limit) {
  if (!Enabled)
    return std::nullopt;
  std::lock_guard<std::mutex> G(Lock);
  auto It = store().find(Path);
  if (It == store().end())
    return std::nullopt;
  std::optional<std::string> Out;
  if (It->second.size() <= Limit)
    Out = std::move(It->second);
  store().erase(It);
  return Out;
}

} // namespace cascade
