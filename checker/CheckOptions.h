// What the checks are told: root tables and per-check options.
#ifndef CASCADE_CHECKER_CHECKOPTIONS_H
#define CASCADE_CHECKER_CHECKOPTIONS_H

#include "ForeignKey.h"

#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace cascade {

/// A table whose rows a product must be able to delete: `users`, `auth.users(id)`.
struct RootTable {
  QualifiedName Table; // an unqualified root matches the table in any schema
  std::string Column;  // empty: any referenced column
  std::string str() const;
  /// Whether a FK to Table on ParentColumns (resolved to the primary key when the FK names
  /// none; empty when unknown, which matches) references this root.
  bool matches(const QualifiedName &Table, const std::vector<std::string> &ParentColumns) const;
  /// "a user" for users: the words the messages use for one row.
  std::string rowNoun() const;
};

llvm::Expected<RootTable> parseRootTable(llvm::StringRef Spec);

/// Which fix a blocking key that references a root directly gets (docs/usage.md, Ownership.h).
enum class OwnershipPolicy {
  Structural, // CASCADE for the key that owns the row, SET NULL for one that records who acted
  CascadeAll, // CASCADE for every key (the behaviour before ownership was looked at)
};
llvm::Expected<OwnershipPolicy> parseOwnershipPolicy(llvm::StringRef Name);
const char *ownershipPolicyName(OwnershipPolicy P);

/// Column-name globs that mark a key recording who DID something (matched against each run of
/// the name's words, '-' negates, last match wins): the documented default of ActorColumnPatterns.
std::vector<std::string> defaultActorColumnPatterns();

struct CheckOptions {
  std::vector<RootTable> Roots;
  bool AllowSetNull = true;
  OwnershipPolicy Ownership = OwnershipPolicy::Structural;
  std::vector<std::string> ActorColumnPatterns = defaultActorColumnPatterns();

  CheckOptions();
  /// The root FK references, if any.
  const RootTable *rootOf(const ForeignKey &FK) const;
};

} // namespace cascade

#endif
