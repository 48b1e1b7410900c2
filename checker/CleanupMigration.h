// The cleanup migration pair: what to change (from the delete closure) and its SQL text.
#ifndef CASCADE_CHECKER_CLEANUPMIGRATION_H
#define CASCADE_CHECKER_CLEANUPMIGRATION_H

#include "DeletePath.h"
#include "DialectNormalizer.h"
#include "Ownership.h"

#include <string>
#include <vector>

namespace cascade {

struct CleanupItem {
  CatalogForeignKey Original;
  std::optional<Action> NewAction; // none: needs a manual change (see Ownership)
  std::vector<QualifiedName> Path;
  std::string RootNoun;
  std::optional<KeyOwnership> Ownership; // a direct key under the structural policy
};

struct CleanupPlan {
  OwnershipPolicy Policy = OwnershipPolicy::Structural;
  std::vector<DeleteClosure> Closures;
  std::vector<CleanupItem> Items; // byte-stable order: child table, then constraint name
  /// The template placeholders the migrations wrote names with (Analysis::Placeholders): the
  /// files leave names spelled with these unquoted (KnownPlaceholders); none for a live
  /// database.
  std::vector<std::string> Placeholders;
};

/// Every blocking FK of every root's closure (only those that reference a root directly when
/// DirectOnly: the seed's literal scope), each with the action its ownership calls for.
CleanupPlan planCleanup(const std::vector<const CatalogForeignKey *> &FKs, const CheckOptions &Opts,
                        const NotNullLookup &NotNull, const PrimaryKeyLookup &PrimaryKey,
                        bool DirectOnly);

struct CleanupText {
  std::string Up, Down;
};

/// FileStem is e.g. "060-cascade-cleanup". The up file drops and re-adds each FK with the new
/// action (NOT VALID, then VALIDATE) under a lock_timeout; the down file restores each original
/// definition the same way. Both are idempotent. MySQL: one ALTER TABLE ... DROP FOREIGN KEY n,
/// ADD CONSTRAINT n ... per key.
CleanupText writeCleanupMigration(const CleanupPlan &Plan, const std::string &FileStem,
                                  Dialect SqlDialect, bool DirectOnly);

/// `FOREIGN KEY (a) REFERENCES t(id) [MATCH FULL] [ON DELETE x] [ON UPDATE y] [DEFERRABLE ...]`;
/// for MySQL with backquoted names and without MATCH and DEFERRABLE.
std::string foreignKeyDefinition(const CatalogForeignKey &FK, Action OnDelete,
                                 Dialect D = Dialect::Postgres);

} // namespace cascade

#endif
