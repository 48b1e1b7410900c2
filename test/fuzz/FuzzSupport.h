// What every cascade-tidy fuzz target shares: how a broken invariant is reported, and the checker
// options a target derives from its input without consuming any of its bytes (so seeds taken from
// the lit inputs stay the exact SQL or C++ they were).
#ifndef CASCADE_TEST_FUZZ_FUZZSUPPORT_H
#define CASCADE_TEST_FUZZ_FUZZSUPPORT_H

#include "Checker.h"
#include "SourceText.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <cstdio>
#include <string>

namespace cascade::fuzz {

/// Reports a broken invariant on one stderr line and traps, so that libFuzzer keeps the input
/// as a crash artifact. What is printed through escapeControl: hostile input stays on one line.
[[noreturn]] inline void invariantFailed(const char *Target, const std::string &What) {
  std::fprintf(stderr, "\n==cascade-fuzz== %s: invariant violated: %s\n", Target,
               escapeControl(What).c_str());
  std::fflush(stderr);
  __builtin_trap();
}

/// A short excerpt of Text around Offset for a violation message.
inline std::string around(llvm::StringRef Text, size_t Offset) {
  size_t Begin = Offset > 40 ? Offset - 40 : 0;
  return "..." + Text.substr(Begin, 80).str() + "...";
}

/// FNV-1a: a stable choice of options per input.
inline uint64_t inputHash(const uint8_t *Data, size_t Size) {
  uint64_t H = 1469598103934665603ull;
  for (size_t I = 0; I < Size; ++I)
    H = (H ^ Data[I]) * 1099511628211ull;
  return H;
}

/// The options the CLI could run with: every dialect, both SET NULL policies, one or two roots.
inline CheckerOptions optionsFor(uint64_t Hash) {
  CheckerOptions Opts;
  static const Dialect Dialects[] = {Dialect::Auto, Dialect::Postgres, Dialect::Cockroach};
  Opts.Analyzer.SqlDialect = Dialects[Hash % 3];
  Opts.Checks.AllowSetNull = (Hash >> 2) & 1;
  if ((Hash >> 3) & 1) {
    if (auto Root = parseRootTable("accounts(id)"))
      Opts.Checks.Roots.push_back(*Root);
    else
      llvm::consumeError(Root.takeError());
  }
  return Opts;
}

} // namespace cascade::fuzz

#endif
