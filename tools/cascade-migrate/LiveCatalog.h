// The same facts the migrations give, read from a live database's pg_constraint/pg_attribute.
#ifndef CASCADE_MIGRATE_LIVECATALOG_H
#define CASCADE_MIGRATE_LIVECATALOG_H

#include "Catalog.h"

#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace cascade {

struct LiveCatalog {
  std::vector<CatalogForeignKey> ForeignKeys;
  std::map<std::string, bool> NotNull; // "schema.table.column" (schema "" for public)
  std::map<std::string, std::vector<std::string>> PrimaryKeys; // "schema.table" of FK children
  bool notNull(const QualifiedName &Table, const std::string &Column) const;
  std::vector<std::string> primaryKey(const QualifiedName &Table) const;
};

/// Reads every FK (outside the system schemas) in a READ ONLY transaction. Error messages
/// never contain the password.
llvm::Expected<LiveCatalog> readLiveCatalog(const std::string &ConnInfo);

/// The connection string with any password replaced by "***", for messages.
std::string redactConnInfo(const std::string &ConnInfo);

} // namespace cascade

#endif
