// Which keys that reference a root directly own their row and which only record who acted on
// it: the owner cascades, an actor is set to null, so deleting one user never deletes another
// user's rows (docs/usage.md#ownership-policy).
#ifndef CASCADE_CHECKER_OWNERSHIP_H
#define CASCADE_CHECKER_OWNERSHIP_H

#include "DeletePath.h"

#include "llvm/ADT/ArrayRef.h"
#include <map>

namespace cascade {

using PrimaryKeyLookup = std::function<std::vector<std::string>(const QualifiedName &Table)>;

struct OwnershipAnalysis {
  /// The delete closures as the chosen fixes leave them: a key that is set to null does not
  /// carry the delete into its table.
  std::vector<DeleteClosure> Closures;
  /// Every key that references a root directly (self-references on the root aside), by index
  /// into the FK list. Empty under OwnershipPolicy::CascadeAll.
  std::map<size_t, KeyOwnership> Direct;
};

/// Classifies each table's direct keys to a root (docs/usage.md#ownership-policy):
/// - a link table whose primary key holds two or more NOT NULL root keys: each side cascades;
/// - else the owner is the only NOT NULL key, or, when all are nullable and no NOT NULL chained
///   key into the closure owns the table, the only one; actor-named keys step aside, then the
///   conventional owner name (user_id for users, any `owner` word) breaks a remaining tie;
/// - every other key is an actor: SET NULL when nullable, no automatic fix when NOT NULL;
/// - two or more keys with equal claims and no link: no automatic fix (undecided).
/// Chained keys (into other closure tables) are not classified: they keep CASCADE.
OwnershipAnalysis analyzeOwnership(const std::vector<const CatalogForeignKey *> &FKs,
                                   const CheckOptions &Opts, const NotNullLookup &NotNull,
                                   const PrimaryKeyLookup &PrimaryKey);

/// Whether a run of the column name's words (split at '_' and lower/upper case changes, joined
/// with '_') matches the patterns: `created_by_user_id` matches `*_by` through `created_by`.
bool isActorColumn(llvm::StringRef Column, llvm::ArrayRef<std::string> Patterns);

} // namespace cascade

#endif
