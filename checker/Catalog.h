// Tables and columns known so far: what a check needs to know about a FK's child columns.
#ifndef CASCADE_CHECKER_CATALOG_H
#define CASCADE_CHECKER_CATALOG_H

#include "ForeignKey.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

struct Column {
  std::string Name;
  bool NotNull = false;
};

struct Table {
  QualifiedName Name;
  std::vector<Column> Columns;
  std::vector<std::string> PrimaryKey;
  Column *column(llvm::StringRef Name);
};

class Catalog {
public:
  /// Unqualified names live in schema public.
  Table *find(const QualifiedName &Name);
  /// Adds the table unless it exists (CREATE TABLE IF NOT EXISTS semantics); returns it.
  Table &create(const QualifiedName &Name, bool &Existed);
  void drop(const QualifiedName &Name);
  /// True/false when the column is known, nullopt when the table or column is not.
  std::optional<bool> notNull(const QualifiedName &Table, llvm::StringRef Column);
  const std::map<std::string, Table> &tables() const { return Tables; }

private:
  static std::string key(const QualifiedName &Name);
  std::map<std::string, Table> Tables;
};

} // namespace cascade

#endif
