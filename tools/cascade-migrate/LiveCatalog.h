// The same facts the migrations give, read from a live database's pg_constraint/pg_attribute.
#ifndef CASCADE_MIGRATE_LIVECATALOG_H
#define CASCADE_MIGRATE_LIVECATALOG_H

#include "Catalog.h"

#include "llvm/Support/Error.h"
#include <map>
#include <string>
#include <vector>

namespace cascade {

class DbConnection;

struct LiveTable {
  QualifiedName Name; // schema "" for public
  std::vector<std::string> PrimaryKey;
};

struct LiveCatalog {
  std::vector<CatalogForeignKey> ForeignKeys;
  std::vector<LiveTable> Tables; // ordinary and partitioned tables, by schema and name
  std::map<std::string, bool> NotNull; // "schema.table.column" (schema "" for public)
  bool notNull(const QualifiedName &Table, const std::string &Column) const;
  std::vector<QualifiedName> tableNames() const;
  /// The table's primary key columns; empty when unknown (the ownership analysis' link tables).
  std::vector<std::string> primaryKey(const QualifiedName &Table) const;
};

/// Reads every table and FK (outside the system schemas) in a READ ONLY transaction. Error
/// messages never contain the password.
llvm::Expected<LiveCatalog> readLiveCatalog(const std::string &ConnInfo);

/// The same, inside the transaction the caller has open on Db.
llvm::Expected<LiveCatalog> readLiveCatalog(DbConnection &Db);

} // namespace cascade

#endif
