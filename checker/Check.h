// A check looks at one foreign key and may add findings. Adding a check: one file pair in
// checks/, one line in CheckRegistry.cpp, one docs page, one test folder.
#ifndef CASCADE_CHECKER_CHECK_H
#define CASCADE_CHECKER_CHECK_H

#include "CheckOptions.h"
#include "Finding.h"
#include "ForeignKey.h"

#include "llvm/ADT/ArrayRef.h"
#include <memory>
#include <vector>

namespace cascade {

class Check {
public:
  virtual ~Check() = default;
  virtual void check(const ForeignKey &FK, const CheckOptions &Opts,
                     std::vector<Finding> &Out) const = 0;
};

struct CheckInfo {
  const char *Id;
  const char *Summary;
  std::unique_ptr<Check> (*Create)();
};

/// Every check, in id order.
llvm::ArrayRef<CheckInfo> allChecks();
bool isKnownCheck(llvm::StringRef Id);

/// A finding for FK with the given message, at its REFERENCES clause.
Finding findingAt(const ForeignKey &FK, const char *CheckId, std::string Message);

} // namespace cascade

#endif
