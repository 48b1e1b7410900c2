#include "SetNullNotNullCheck.h"
#include "../FixItPlanner.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

void SetNullNotNullCheck::check(const ForeignKey &FK, const CheckOptions &Opts,
                                std::vector<Finding> &Out) const {
  const ActionClause &D = FK.Ref.OnDelete;
  if (D.Act != Action::SetNull)
    return;
  // SET NULL (cols) nulls only the listed columns.
  std::string Bad;
  for (size_t I = 0; I < FK.Columns.size() && I < FK.NotNull.size(); ++I) {
    bool Nulled = D.SetColumns.empty() || llvm::is_contained(D.SetColumns, FK.Columns[I]);
    if (Nulled && FK.NotNull[I])
      Bad += (Bad.empty() ? "" : ", ") + quoteIdent(FK.Columns[I]);
  }
  if (Bad.empty())
    return;
  const RootTable *Root = Opts.rootOf(FK);
  std::string Deleting = Root ? "deleting " + Root->rowNoun()
                              : "deleting a referenced row of " + FK.Ref.Table.str();
  Finding F = findingAt(FK, "cascade-set-null-not-null",
                        "foreign key " + FK.childDisplay() + " references " + FK.parentDisplay() +
                            " with ON DELETE SET NULL but " + Bad + " is NOT NULL; " + Deleting +
                            " fails with a not-null violation");
  bool SelfReference = FK.isSelfReference();
  const KeyOwnership *Own = Root && !SelfReference && FK.Ownership ? &*FK.Ownership : nullptr;
  if (Own && Own->Fix != std::optional<Action>(Action::Cascade))
    // An actor (or a key nothing marks as the owner) must not cascade on its own say-so.
    for (const std::string &N : Own->Notes)
      F.Notes.push_back({F.Begin, F.End, N});
  else if (Root && !SelfReference)
    F.Edits.push_back(planOnDelete(FK.Ref, Action::Cascade));
  else if (SelfReference)
    F.Notes.push_back({F.Begin, F.End,
                       "no automatic fix: a self-reference must not cascade; make " + Bad +
                           " nullable"});
  else
    F.Notes.push_back({F.Begin, F.End,
                       "no automatic fix: make " + Bad +
                           " nullable, or use ON DELETE CASCADE if these rows should go with "
                           "the referenced row"});
  Out.push_back(std::move(F));
}

} // namespace cascade
