// `[N/M] path` on stderr while a long run works, like run-clang-tidy: only when stderr is a
// terminal and --quiet is off, so logs and pipes stay exactly as before.
#ifndef CASCADE_TIDY_PROGRESS_H
#define CASCADE_TIDY_PROGRESS_H

#include "llvm/ADT/StringRef.h"

#include <mutex>

namespace cascade {

class Progress {
public:
  /// Total: the number of steps (migration groups plus C/C++ files).
  Progress(unsigned Total, bool Quiet);
  /// One step done; safe to call from several threads.
  void step(llvm::StringRef Path);
  bool enabled() const { return Enabled; }

private:
  unsigned Total, Done = 0;
  bool Enabled;
  std::mutex Lock;
};

} // namespace cascade

#endif
