#include "Catalog.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

Column *Table::column(llvm::StringRef Name) {
  if (ColumnIndex.empty()) {
    for (Column &C : Columns)
      if (C.Name == Name)
        return &C;
    return nullptr;
  }
  auto It = ColumnIndex.find(Name.str());
  return It == ColumnIndex.end() ? nullptr : &Columns[It->second];
}

void Table::reindex() {
  ColumnIndex.clear();
  if (Columns.size() > IndexFrom)
    for (size_t I = 0; I < Columns.size(); ++I)
      ColumnIndex.emplace(Columns[I].Name, I);
}

void Table::addColumn(Column C) {
  if (column(C.Name))
    return;
  Columns.push_back(std::move(C));
  if (!ColumnIndex.empty())
    ColumnIndex.emplace(Columns.back().Name, Columns.size() - 1);
  else if (Columns.size() > IndexFrom)
    reindex();
}

void Table::dropColumn(const std::string &Name) {
  Column *C = column(Name);
  if (!C)
    return;
  Columns.erase(Columns.begin() + (C - Columns.data()));
  reindex();
}

void Table::renameColumn(const std::string &From, const std::string &To) {
  Column *C = column(From);
  if (!C || column(To))
    return;
  C->Name = To;
  if (!ColumnIndex.empty()) {
    size_t At = static_cast<size_t>(C - Columns.data());
    ColumnIndex.erase(From);
    ColumnIndex[To] = At;
  }
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
  if (Inserted) {
    It->second.Name = canonical(Name);
    Created.push_back({CurrentFile, It->second.Name});
  }
  return It->second;
}

std::vector<unsigned>
Catalog::aliveByTable(std::unordered_map<std::string, std::vector<unsigned>> &Index,
                      const QualifiedName &Name, bool Child) {
  auto It = Index.find(key(Name));
  if (It == Index.end())
    return {};
  QualifiedName N = canonical(Name);
  llvm::erase_if(It->second, [&](unsigned Id) {
    const CatalogForeignKey &FK = ForeignKeys[Id];
    return !FK.Alive || !((Child ? FK.Child : FK.Parent) == N);
  });
  return It->second;
}

void Catalog::kill(CatalogForeignKey &FK) {
  if (!FK.Alive)
    return;
  FK.Alive = false;
  if (--AliveNames[nameKey(FK.Child.Schema, FK.Name)] == 0)
    AliveNames.erase(nameKey(FK.Child.Schema, FK.Name));
  NextPass.clear(); // a default name may be free again
  DroppedByChild[key(FK.Child)].push_back(FK.Id);
}

void Catalog::setName(CatalogForeignKey &FK, const std::string &Name) {
  if (--AliveNames[nameKey(FK.Child.Schema, FK.Name)] == 0)
    AliveNames.erase(nameKey(FK.Child.Schema, FK.Name));
  NextPass.clear();
  FK.Name = Name;
  ++AliveNames[nameKey(FK.Child.Schema, FK.Name)];
}

void Catalog::drop(const QualifiedName &Name) {
  for (unsigned Id : aliveByTable(ByChild, Name, /*Child=*/true))
    kill(ForeignKeys[Id]);
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
  QualifiedName New = Copy.Name;
  // The rebuild idiom (CREATE TABLE new_x; copy; DROP TABLE x; RENAME new_x TO x): a key of
  // the dropped x on the same columns and parent is replaced by the renamed table's key.
  auto Dropped = DroppedByChild.find(key(New));
  for (unsigned Id : aliveByTable(ByChild, From, /*Child=*/true)) {
    ForeignKeys[Id].Child = New;
    ByChild[key(New)].push_back(Id);
    if (Dropped == DroppedByChild.end())
      continue;
    for (unsigned Old : Dropped->second) {
      CatalogForeignKey &O = ForeignKeys[Old];
      if (!O.ReplacedBy && O.Columns == ForeignKeys[Id].Columns &&
          O.Parent == ForeignKeys[Id].Parent) {
        O.ReplacedBy = Id;
        break;
      }
    }
  }
  for (unsigned Id : aliveByTable(ByParent, From, /*Child=*/false)) {
    ForeignKeys[Id].Parent = New;
    ByParent[key(New)].push_back(Id);
  }
}

void Catalog::renameColumn(const QualifiedName &TableName, const std::string &From,
                           const std::string &To) {
  if (Table *T = find(TableName)) {
    T->renameColumn(From, To);
    for (std::string &K : T->PrimaryKey)
      if (K == From)
        K = To;
  }
  for (unsigned Id : aliveByTable(ByChild, TableName, /*Child=*/true))
    for (std::string &C : ForeignKeys[Id].Columns)
      if (C == From)
        C = To;
  for (unsigned Id : aliveByTable(ByParent, TableName, /*Child=*/false))
    for (std::string &C : ForeignKeys[Id].ParentColumns)
      if (C == From)
        C = To;
}

void Catalog::dropColumn(const QualifiedName &TableName, const std::string &ColumnName) {
  if (Table *T = find(TableName))
    T->dropColumn(ColumnName);
  for (unsigned Id : aliveByTable(ByChild, TableName, /*Child=*/true))
    if (llvm::is_contained(ForeignKeys[Id].Columns, ColumnName))
      kill(ForeignKeys[Id]);
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
  return AliveNames.count(nameKey(Schema, Name)) != 0;
}

template <typename NameFn>
std::string Catalog::firstFreeName(const std::string &Schema, const std::string &Family,
                                   NameFn Candidate) {
  // Passes below the remembered one were taken when last tried, and nothing was freed since
  // (a freed name clears the memory), so a run of same-named keys costs one probe each.
  unsigned &Pass = NextPass[nameKey(Schema, Family)];
  std::string Name = Candidate(Pass);
  while (nameTaken(Schema, Name))
    Name = Candidate(++Pass);
  ++Pass; // the name is about to be taken
  return Name;
}

std::string Catalog::defaultName(const QualifiedName &Child,
                                 const std::vector<std::string> &Columns,
                                 const QualifiedName &Parent) {
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
    return firstFreeName(Child.Schema, Base, [&](unsigned Pass) {
      return Pass ? Base + "_" + std::to_string(Pass) : Base;
    });
  }
  case NamingRule::Mysql: // InnoDB: <table>_ibfk_<n>, n from 1
    return firstFreeName(Child.Schema, Child.Name + "\0ibfk", [&](unsigned Pass) {
      return Child.Name + "_ibfk_" + std::to_string(Pass + 1);
    });
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
  return firstFreeName(Child.Schema, Child.Name + '\0' + Addition, [&](unsigned Pass) {
    return makeObjectName(Child.Name, Addition, Pass ? "fkey" + std::to_string(Pass) : "fkey");
  });
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
  auto Dropped = DroppedByChild.find(key(FK.Child));
  if (Dropped != DroppedByChild.end())
    llvm::erase_if(Dropped->second, [&](unsigned Id) {
      CatalogForeignKey &Old = ForeignKeys[Id];
      if (Old.ReplacedBy || !(Old.Child == FK.Child))
        return true;
      if (!(Old.Columns == FK.Columns && Old.Parent == FK.Parent))
        return false;
      Old.ReplacedBy = FK.Id;
      return true;
    });
  ByChild[key(FK.Child)].push_back(FK.Id);
  ByParent[key(FK.Parent)].push_back(FK.Id);
  ++AliveNames[nameKey(FK.Child.Schema, FK.Name)];
  ForeignKeys.push_back(std::move(FK));
  return ForeignKeys.back().Id;
}

bool Catalog::dropConstraint(const QualifiedName &TableName, const std::string &Name) {
  for (unsigned Id : aliveByTable(ByChild, TableName, /*Child=*/true))
    if (ForeignKeys[Id].Name == Name) {
      kill(ForeignKeys[Id]);
      return true;
    }
  return false;
}

void Catalog::renameConstraint(const QualifiedName &TableName, const std::string &From,
                               const std::string &To) {
  for (unsigned Id : aliveByTable(ByChild, TableName, /*Child=*/true))
    if (ForeignKeys[Id].Name == From)
      setName(ForeignKeys[Id], To);
}

const CatalogForeignKey &Catalog::finalVersion(unsigned Id) const {
  const CatalogForeignKey *FK = &ForeignKeys[Id];
  while (FK->ReplacedBy)
    FK = &ForeignKeys[*FK->ReplacedBy];
  return *FK;
}

} // namespace cascade
