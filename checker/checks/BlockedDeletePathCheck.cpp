#include "BlockedDeletePathCheck.h"
#include "../FixItPlanner.h"

namespace cascade {

void BlockedDeletePathCheck::check(const ForeignKey &FK, const CheckOptions &Opts,
                                   std::vector<Finding> &Out) const {
  // Direct references to a root are cascade-missing-on-delete's.
  if (FK.BlockedPath.size() < 3 || Opts.rootOf(FK))
    return;
  const ActionClause &D = FK.Ref.OnDelete;
  bool BackIntoRoot = FK.BlockedBackIntoRoot;
  std::string Now = D.Explicit ? std::string("with ON DELETE ") + actionSql(D.Act)
                               : std::string("without ON DELETE ") +
                                     (BackIntoRoot ? "SET NULL" : "CASCADE");
  Finding F = findingAt(FK, "cascade-blocked-delete-path",
                        "foreign key " + FK.childDisplay() + " references " + FK.parentDisplay() +
                            " " + Now + "; deleting " + FK.BlockedRootNoun + " cascades to " +
                            FK.Ref.Table.str() + " and fails here");
  std::string Path;
  for (const std::string &T : FK.BlockedPath)
    Path += (Path.empty() ? "" : " <- ") + T;
  F.Notes.push_back({F.Begin, F.End, "delete path: " + Path});
  F.DeletePath = FK.BlockedPath;
  if (BackIntoRoot) {
    // Back into the root: cascading would delete other root rows.
    F.Notes.push_back({F.Begin, F.End,
                       FK.BlockedFix ? std::string("the path leads back into ") +
                                           FK.BlockedPath.front() +
                                           ": it must not cascade; the fix sets ON DELETE SET NULL"
                                     : std::string("the path leads back into ") +
                                           FK.BlockedPath.front() +
                                           " and the column is NOT NULL: no automatic fix; make "
                                           "it nullable and use ON DELETE SET NULL"});
    if (FK.BlockedFix)
      F.Edits.push_back(planOnDelete(FK.Ref, *FK.BlockedFix));
  } else {
    F.Edits.push_back(planOnDelete(FK.Ref, Action::Cascade));
  }
  Out.push_back(std::move(F));
}

} // namespace cascade
