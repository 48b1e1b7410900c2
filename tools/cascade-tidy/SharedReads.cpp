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
// Reserved before the copy is made, outside the lock: dialect detection keeps texts from every
// thread at once, and copying under the lock made its parallel read of 6,000 small files no
// faster on two threads than on one.
std::atomic<size_t> Held{0};
llvm::StringMap<std::string> &store() {
  static llvm::StringMap<std::string> Texts;
  return Texts;
}
} // namespace

void enableSharedReads() { Enabled = true; }

void keepSharedRead(llvm::StringRef Path, const std::string &Text) {
  if (!Enabled)
    return;
  size_t Before = Held.load();
  do {
    if (Before + Text.size() > Budget)
      return;
  } while (!Held.compare_exchange_weak(Before, Before + Text.size()));
  std::string Copy = Text;
  std::lock_guard<std::mutex> G(Lock);
  auto [It, New] = store().try_emplace(Path);
  if (!New) {
    Held -= Text.size(); // kept already (a path named twice)
    return;
  }
  It->second = std::move(Copy);
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
