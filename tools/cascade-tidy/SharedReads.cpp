#include "SharedReads.h"

#include "llvm/ADT/StringMap.h"

#include <atomic>
#include <mutex>

namespace cascade {

namespace {
std::atomic<bool> Enabled{false};
std::mutex Lock;
// At most this much text is kept: past it a file is read again when it is checked (from the
// page cache), so a large tree does not hold every input in memory before the checks start.
constexpr size_t Budget = size_t(4) << 20;
size_t Held = 0;
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
  if (Held + Text.size() > Budget || store().count(Path))
    return;
  Held += Text.size();
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
  Held -= It->second.size();
  if (It->second.size() <= Limit)
    Out = std::move(It->second);
  store().erase(It);
  return Out;
}

} // namespace cascade
