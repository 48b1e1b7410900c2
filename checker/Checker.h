// The library's entry point: SQL text in, findings out.
#ifndef CASCADE_CHECKER_CHECKER_H
#define CASCADE_CHECKER_CHECKER_H

#include "Analyzer.h"
#include "Check.h"
#include "CheckOptions.h"
#include "GlobList.h"

namespace cascade {

struct CheckerOptions {
  AnalyzerOptions Analyzer;
  CheckOptions Checks;
  GlobList Enabled{"cascade-*"};
};

struct CheckResult {
  std::vector<Finding> Findings; // input diagnostics and check findings, by offset
  Analysis Parsed;
};

CheckResult checkSql(llvm::StringRef Text, const CheckerOptions &Opts, Catalog &Cat);

} // namespace cascade

#endif
