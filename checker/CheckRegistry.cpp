#include "Check.h"
#include "checks/BlockedDeletePathCheck.h"
#include "checks/MissingOnDeleteCheck.h"
#include "checks/SetNullNotNullCheck.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

template <typename T> static std::unique_ptr<Check> make() { return std::make_unique<T>(); }

llvm::ArrayRef<CheckInfo> allChecks() {
  static const CheckInfo Checks[] = {
      {"cascade-blocked-delete-path",
       "a foreign key into a table that a root delete cascades into, without ON DELETE CASCADE",
       make<BlockedDeletePathCheck>},
      {"cascade-missing-on-delete",
       "a foreign key to a root table without ON DELETE CASCADE blocks deleting the root row",
       make<MissingOnDeleteCheck>},
      {"cascade-set-null-not-null",
       "ON DELETE SET NULL on a NOT NULL column fails when the referenced row is deleted",
       make<SetNullNotNullCheck>},
  };
  return Checks;
}

bool isKnownCheck(llvm::StringRef Id) {
  return llvm::any_of(allChecks(), [&](const CheckInfo &C) { return Id == C.Id; });
}

Finding findingAt(const ForeignKey &FK, const char *CheckId, std::string Message) {
  Finding F;
  F.CheckId = CheckId;
  F.Begin = FK.Ref.Begin;
  F.End = FK.Ref.End;
  F.Message = std::move(Message);
  for (const std::string &N : FK.DialectNotes)
    F.Notes.push_back({F.Begin, F.End, N});
  return F;
}

} // namespace cascade
