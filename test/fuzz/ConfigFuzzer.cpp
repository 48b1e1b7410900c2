// The configuration readers: `.cascade-tidy.yaml` text (and the same text read as a `.clang-tidy`'s
// CheckOptions) in, a Config or an error out, then what
// the CLI does with each value (check globs matched against every check name, the dialect, root
// table specs, FrozenMigrations globs matched against a migration path).
// Invariants: no crash or hang; a Config that parsed from UTF-8 text dumps (--dump-config) to
// YAML that parses back to the same values. (Invalid UTF-8 is not round-tripped: LLVM's YAML
// writer replaces it with U+FFFD; see docs/fuzzing.md.)
#include "FuzzSupport.h"

#include "Check.h"
#include "Config.h"
#include "ConfigFinder.h"
#include "GlobList.h"

using namespace cascade;

static void useValues(const Config &C) {
  if (C.Checks) {
    GlobList Enabled(*C.Checks);
    for (const CheckInfo &Info : allChecks())
      (void)Enabled.contains(Info.Id);
  }
  if (C.WarningsAsErrors) {
    GlobList AsErrors(*C.WarningsAsErrors);
    for (const CheckInfo &Info : allChecks())
      (void)AsErrors.contains(Info.Id);
  }
  if (C.Dialect)
    (void)parseDialect(*C.Dialect);
  if (C.RootTables)
    for (const std::string &Spec : *C.RootTables) {
      auto Root = parseRootTable(Spec);
      if (Root)
        (void)Root->rowNoun();
      else
        llvm::consumeError(Root.takeError());
    }
  if (C.FrozenMigrations)
    for (const std::string &G : *C.FrozenMigrations)
      (void)wildcardMatch(C.Directory + "/" + G,
                          "/srv/app/db/migrations/20240101120000_create_users.up.sql");
}

static bool sameValues(const Config &A, const Config &B) {
  return A.Checks == B.Checks && A.WarningsAsErrors == B.WarningsAsErrors &&
         A.RootTables == B.RootTables && A.Dialect == B.Dialect &&
         A.AllowSetNull == B.AllowSetNull && A.FrozenMigrations == B.FrozenMigrations;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // The CLI reads the file into a MemoryBuffer: the text need not end in a NUL.
  std::string Yaml(reinterpret_cast<const char *>(Data), Size);
  bool InheritParent = false;
  if (auto Tidy = parseClangTidyConfig(Yaml, "/srv/app/.clang-tidy", InheritParent))
    useValues(Tidy->Values);
  else
    (void)llvm::toString(Tidy.takeError());
  auto C = parseConfig(Yaml, "/srv/app/.cascade-tidy.yaml");
  if (!C) {
    (void)llvm::toString(C.takeError());
    return 0;
  }
  useValues(*C);
  if (validateText(Yaml))
    return 0;
  std::string Dumped = dumpConfig(*C);
  auto Again = parseConfig(Dumped, "/srv/app/.cascade-tidy.yaml");
  if (!Again)
    fuzz::invariantFailed("config", "the dumped configuration does not parse back: " +
                                        llvm::toString(Again.takeError()) + "; dumped: " + Dumped);
  if (!sameValues(*C, *Again))
    fuzz::invariantFailed("config", "the dumped configuration parses to other values: " + Dumped);
  return 0;
}
