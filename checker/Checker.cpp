#include "Checker.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

CheckResult checkSql(llvm::StringRef Text, const CheckerOptions &Opts, Catalog &Cat) {
  CheckResult R;
  R.Parsed = analyzeSql(Text, Opts.Analyzer, Cat);
  R.Findings = R.Parsed.Diagnostics;
  std::vector<std::unique_ptr<Check>> Checks;
  for (const CheckInfo &Info : allChecks())
    if (Opts.Enabled.contains(Info.Id))
      Checks.push_back(Info.Create());
  for (const ForeignKey &FK : R.Parsed.ForeignKeys)
    for (const std::unique_ptr<Check> &C : Checks)
      C->check(FK, Opts.Checks, R.Findings);
  llvm::stable_sort(R.Findings,
                    [](const Finding &A, const Finding &B) { return A.Begin < B.Begin; });
  return R;
}

} // namespace cascade
