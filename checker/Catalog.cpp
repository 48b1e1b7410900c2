#include "Catalog.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

Column *Table::column(llvm::StringRef Name) {
  for (Column &C : Columns)
    if (C.Name == Name)
      return &C;
  return nullptr;
}

QualifiedName Catalog::canonical(const QualifiedName &Name) {
  QualifiedName N = Name;
  if (N.Schema == "public")
    N.Schema.clear();
  return N;
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
    It->second.Name = canonical(Name);
  return It->second;
}

void Catalog::drop(const QualifiedName &Name) {
  QualifiedName N = canonical(Name);
  for (CatalogForeignKey &FK : ForeignKeys)
    if (FK.Alive && FK.Child == N)
      FK.Alive = false;
  Tables.erase(key(Name));
}

void Catalog::renameTable(const QualifiedName &From, const std::string &To) {
  Table *T = find(From);
  if (!T)
    return;
  Table Copy = *T;
  Tables.erase(key(From));
  Copy.Name.Name = To;
  bool Existed;
  create(Copy.Name, Existed) = Copy;
  QualifiedName Old = canonical(From), New = Copy.Name;
  for (CatalogForeignKey &FK : ForeignKeys) {
    if (!FK.Alive)
      continue;
    if (FK.Child == Old)
      FK.Child = New;
    if (FK.Parent == Old)
      FK.Parent = New;
  }
}

void Catalog::renameColumn(const QualifiedName &TableName, const std::string &From,
                           const std::string &To) {
  if (Table *T = find(TableName)) {
    if (Column *C = T->column(From))
      C->Name = To;
    for (std::string &K : T->PrimaryKey)
      if (K == From)
        K = To;
  }
  QualifiedName N = canonical(TableName);
  for (CatalogForeignKey &FK : ForeignKeys) {
    if (!FK.Alive)
      continue;
    if (FK.Child == N)
      for (std::string &C : FK.Columns)
        if (C == From)
          C = To;
    if (FK.Parent == N)
      for (std::string &C : FK.ParentColumns)
        if (C == From)
          C = To;
  }
}

void Catalog::dropColumn(const QualifiedName &TableName, const std::string &ColumnName) {
  if (Table *T = find(TableName))
    llvm::erase_if(T->Columns, [&](const Column &C) { return C.Name == ColumnName; });
  QualifiedName N = canonical(TableName);
  for (CatalogForeignKey &FK : ForeignKeys)
    if (FK.Alive && FK.Child == N && llvm::is_contained(FK.Columns, ColumnName))
      FK.Alive = false;
}

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

std::string makeObjectName(llvm::StringRef Name1, llvm::StringRef Name2, llvm::StringRef Label) {
  const size_t Max = 63;
  size_t L1 = Name1.size(), L2 = Name2.size();
  size_t Fixed = Label.size() + (L2 ? 2 : 1);
  while (L1 + L2 + Fixed > Max) {
    if (L1 > L2)
      --L1;
    else
      --L2;
  }
  // Never cut a UTF-8 character in two.
  auto Clip = [](llvm::StringRef S, size_t N) {
    while (N > 0 && N < S.size() && (static_cast<unsigned char>(S[N]) & 0xC0) == 0x80)
      --N;
    return S.take_front(N).str();
  };
  std::string Out = Clip(Name1, L1);
  if (L2)
    Out += "_" + Clip(Name2, L2);
  return Out + "_" + Label.str();
}

bool Catalog::nameTaken(const std::string &Schema, const std::string &Name) const {
  return llvm::any_of(ForeignKeys, [&](const CatalogForeignKey &FK) {
    return FK.Alive && FK.Child.Schema == Schema && FK.Name == Name;
  });
}

std::string Catalog::defaultName(const QualifiedName &Child,
                                 const std::vector<std::string> &Columns,
                                 const QualifiedName &Parent) const {
  std::string Cols;
  for (const std::string &C : Columns) {
    if (!Cols.empty())
      Cols += "_";
    Cols += C;
  }
  switch (Naming) {
  case NamingRule::CockroachLegacy:
    return "fk_" + Cols + "_ref_" + Parent.Name;
  case NamingRule::Cockroach: {
    std::string Base = Child.Name + "_" + Cols + "_fkey";
    std::string Name = Base;
    for (int Pass = 1; nameTaken(Child.Schema, Name); ++Pass)
      Name = Base + "_" + std::to_string(Pass);
    return Name;
  }
  case NamingRule::Postgres:
    break;
  }
  // ChooseForeignKeyConstraintNameAddition stops adding columns once the text is too long.
  std::string Addition;
  for (const std::string &C : Columns) {
    if (!Addition.empty())
      Addition += "_";
    Addition += C;
    if (Addition.size() >= 63)
      break;
  }
  std::string Name = makeObjectName(Child.Name, Addition, "fkey");
  for (int Pass = 1; nameTaken(Child.Schema, Name); ++Pass)
    Name = makeObjectName(Child.Name, Addition, "fkey" + std::to_string(Pass));
  return Name;
}

unsigned Catalog::addForeignKey(const ForeignKey &Def, int Definition) {
  CatalogForeignKey FK;
  FK.Id = static_cast<unsigned>(ForeignKeys.size());
  FK.Child = canonical(Def.Child);
  FK.Parent = canonical(Def.Ref.Table);
  FK.Columns = Def.Columns;
  FK.ParentColumns = Def.Ref.Columns;
  if (FK.ParentColumns.empty())
    if (Table *P = find(FK.Parent))
      FK.ParentColumns = P->PrimaryKey;
  FK.OnDelete = Def.Ref.OnDelete.Act;
  FK.OnUpdate = Def.Ref.OnUpdate.Act;
  FK.SetNullColumns = Def.Ref.OnDelete.SetColumns;
  FK.Match = Def.Ref.Match;
  FK.Deferrable = Def.Deferrable;
  FK.InitiallyDeferred = Def.InitiallyDeferred;
  FK.Name = Def.Name.empty() ? defaultName(FK.Child, FK.Columns, FK.Parent) : Def.Name;
  FK.File = CurrentFile;
  FK.Definition = Definition;
  // A drop followed by a re-add on the same columns is a replacement (how 060 fixes a FK).
  for (CatalogForeignKey &Old : ForeignKeys)
    if (!Old.Alive && !Old.ReplacedBy && Old.Child == FK.Child && Old.Columns == FK.Columns &&
        Old.Parent == FK.Parent)
      Old.ReplacedBy = FK.Id;
  ForeignKeys.push_back(std::move(FK));
  return ForeignKeys.back().Id;
}

bool Catalog::dropConstraint(const QualifiedName &TableName, const std::string &Name) {
  QualifiedName N = canonical(TableName);
  for (CatalogForeignKey &FK : ForeignKeys)
    if (FK.Alive && FK.Child == N && FK.Name == Name) {
      FK.Alive = false;
      return true;
    }
  return false;
}

void Catalog::renameConstraint(const QualifiedName &TableName, const std::string &From,
                               const std::string &To) {
  QualifiedName N = canonical(TableName);
  for (CatalogForeignKey &FK : ForeignKeys)
    if (FK.Alive && FK.Child == N && FK.Name == From)
      FK.Name = To;
}

const CatalogForeignKey &Catalog::finalVersion(unsigned Id) const {
  const CatalogForeignKey *FK = &ForeignKeys[Id];
  while (FK->ReplacedBy)
    FK = &ForeignKeys[*FK->ReplacedBy];
  return *FK;
}

} // namespace cascade
