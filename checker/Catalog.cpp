#include "Catalog.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

Column *Table::column(llvm::StringRef Name) {
  for (Column &C : Columns)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

std::string Catalog::key(const QualifiedName &Name) {
  return (Name.Schema.empty() ? std::string("public") : Name.Schema) + "." + Name.Name;
}

Table *Catalog::find(const QualifiedName &Name) {
  auto It = Tables.find(key(Name));
  return It == Tables.end() ? nullptr : &It->second;
}

Table &Catalog::create(const QualifiedName &Name, bool &Existed) {
  auto [It, Inserted] = Tables.try_emplace(key(Name));
  Existed = !Inserted;
  if (Inserted)
    It->second.Name = Name;
  return It->second;
}

void Catalog::drop(const QualifiedName &Name) { Tables.erase(key(Name)); }

std::optional<bool> Catalog::notNull(const QualifiedName &TableName, llvm::StringRef ColumnName) {
  Table *T = find(TableName);
  if (!T)
    return std::nullopt;
  if (llvm::is_contained(T->PrimaryKey, ColumnName))
    return true;
  if (Column *C = T->column(ColumnName))
    return C->NotNull;
  return std::nullopt;
}

} // namespace cascade
