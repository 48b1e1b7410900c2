#include "MissingOnDeleteCheck.h"
#include "../FixItPlanner.h"

namespace cascade {

void MissingOnDeleteCheck::check(const ForeignKey &FK, const CheckOptions &Opts,
                                 std::vector<Finding> &Out) const {
  const RootTable *Root = Opts.rootOf(FK);
  if (!Root)
    return;
  const ActionClause &D = FK.Ref.OnDelete;
  bool SelfReference = FK.isSelfReference();
  // Set under the structural ownership policy: an actor is set to null, some keys need a human.
  const KeyOwnership *Own = SelfReference || !FK.Ownership ? nullptr : &*FK.Ownership;
  bool Owner = !Own || Own->Fix == std::optional<Action>(Action::Cascade);
  switch (D.Act) {
  case Action::Cascade:
    return;
  case Action::SetNull:
  case Action::SetDefault:
    // An actor already set to null is what the fix would write.
    if (!Owner && D.Act == Action::SetNull && !FK.anyNotNull())
      return;
    // SET NULL on a NOT NULL column is cascade-set-null-not-null's business.
    if ((Opts.AllowSetNull && Owner) || SelfReference ||
        (D.Act == Action::SetNull && FK.anyNotNull()))
      return;
    break;
  case Action::NoAction:
  case Action::Restrict:
    break;
  }
  std::string Wanted = SelfReference || (Own && Own->Fix == Action::SetNull) ? "SET NULL"
                       : Owner                                              ? "CASCADE"
                                                                            : "CASCADE or SET NULL";
  std::string Now = D.Explicit ? std::string("with ON DELETE ") + actionSql(D.Act)
                               : "without ON DELETE " + Wanted;
  bool SetNullOff = D.Act == Action::SetNull || D.Act == Action::SetDefault;
  std::string Message = "foreign key " + FK.childDisplay() + " references " +
                        FK.parentDisplay() + " " + Now + "; " +
                        (SetNullOff && Owner ? "AllowSetNull is off, so rows must go with " +
                                                   Root->rowNoun()
                         : SetNullOff        ? std::string("an actor key is set to null")
                                             : "deleting " + Root->rowNoun() + " fails here");
  Finding F = findingAt(FK, "cascade-missing-on-delete", std::move(Message));
  if (Own) {
    for (const std::string &N : Own->Notes)
      F.Notes.push_back({F.Begin, F.End, N});
    if (Own->Fix)
      F.Edits.push_back(planOnDelete(FK.Ref, *Own->Fix));
  } else if (!SelfReference) {
    F.Edits.push_back(planOnDelete(FK.Ref, Action::Cascade));
  } else if (!FK.anyNotNull()) {
    F.Notes.push_back({F.Begin, F.End,
                       "a self-reference must not cascade: deleting one row would delete the rows "
                       "that point to it; the fix sets ON DELETE SET NULL"});
    F.Edits.push_back(planOnDelete(FK.Ref, Action::SetNull));
  } else {
    F.Notes.push_back({F.Begin, F.End,
                       "a self-reference must not cascade and its NOT NULL column cannot be set "
                       "to null: no automatic fix; make the column nullable and use ON DELETE "
                       "SET NULL"});
  }
  Out.push_back(std::move(F));
}

} // namespace cascade
