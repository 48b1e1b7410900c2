// Which tables a root delete must remove rows from, and which FKs on the way block it.
#ifndef CASCADE_CHECKER_DELETEPATH_H
#define CASCADE_CHECKER_DELETEPATH_H

#include "Catalog.h"
#include "CheckOptions.h"

#include <functional>
#include <map>
#include <optional>
#include <vector>

namespace cascade {

struct BlockingForeignKey {
  size_t Index = 0;                // into the FK list given to analyzeDeletePaths
  std::vector<QualifiedName> Path; // root first, this FK's child table last
  std::optional<Action> Fix;       // CASCADE, SET NULL (root self-reference) or none
  bool Direct = false;             // references the root itself
  bool ChildIsRoot = false;        // a self-reference or a cycle back into the root
};

struct DeleteClosure {
  RootTable Root;
  QualifiedName RootName; // the catalog table the root names
  std::vector<QualifiedName> Tables; // the root, then the others by name
  std::vector<BlockingForeignKey> Blocking; // sorted by child table, then constraint name
  /// The FKs the closure follows (indexes into the FK list), in the order they were reached:
  /// the graph along which a root row's rows are found (cascade-migrate rehearse).
  std::vector<size_t> Edges;
};

using NotNullLookup = std::function<bool(const QualifiedName &Table, const std::string &Column)>;

/// Keys (by index into the FK list) whose planned ON DELETE is not CASCADE: SET NULL, or none
/// when a human must decide. Made by the ownership analysis (Ownership.h).
using PlannedActions = std::map<size_t, std::optional<Action>>;

/// Reverse FK reachability from each root over the given (alive) FKs. A FK whose ON DELETE is
/// not CASCADE blocks, except SET NULL / SET DEFAULT on nullable columns when AllowSetNull.
/// A planned key never carries the delete into its child table (its rows survive), blocks
/// unless it already is SET NULL on nullable columns, and gets its planned action as the fix.
std::vector<DeleteClosure> analyzeDeletePaths(const std::vector<const CatalogForeignKey *> &FKs,
                                              const CheckOptions &Opts,
                                              const NotNullLookup &NotNull,
                                              const PlannedActions *Planned = nullptr);

/// "users <- decisions <- candidate_actions"
std::string pathString(const std::vector<QualifiedName> &Path);

} // namespace cascade

#endif
