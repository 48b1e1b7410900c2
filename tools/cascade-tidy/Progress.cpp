#include "Progress.h"
#include "SourceText.h"

#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

namespace cascade {

Progress::Progress(unsigned Total, bool Quiet)
    : Total(Total), Enabled(!Quiet && Total > 0 && llvm::sys::Process::StandardErrIsDisplayed()) {}

void Progress::step(llvm::StringRef Path) {
  if (!Enabled)
    return;
  std::lock_guard<std::mutex> Guard(Lock);
  ++Done;
  llvm::errs() << "[" << Done << "/" << Total << "] " << escapeControl(Path) << "\n";
  llvm::errs().flush();
}

} // namespace cascade
