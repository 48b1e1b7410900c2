// Foreign keys and catalog changes from libpg_query's parse tree; positions from tokens.
#include "AnalyzerInternal.h"

#include "llvm/ADT/STLExtras.h"

using llvm::json::Array;
using llvm::json::Object;

namespace cascade {

namespace {

std::string str(const Object &O, llvm::StringRef Key) {
  if (auto S = O.getString(Key))
    return S->str();
  return "";
}

/// {"Constraint": {...}} -> the inner object for the given node type.
const Object *node(const llvm::json::Value &V, llvm::StringRef Type) {
  if (const Object *O = V.getAsObject())
    return O->getObject(Type);
  return nullptr;
}

std::vector<std::string> names(const Object &O, llvm::StringRef Key) {
  std::vector<std::string> Out;
  if (const Array *A = O.getArray(Key))
    for (const llvm::json::Value &V : *A)
      if (const Object *S = node(V, "String"))
        Out.push_back(str(*S, "sval"));
  return Out;
}

QualifiedName rangeVar(const Object *RV) {
  QualifiedName N;
  if (RV) {
    N.Schema = str(*RV, "schemaname");
    N.Name = str(*RV, "relname");
  }
  return N;
}

size_t location(const Object &O) { return static_cast<size_t>(O.getInteger("location").value_or(0)); }

bool hasConstraint(const Object &ColumnDef, llvm::StringRef ConType) {
  if (const Array *Cs = ColumnDef.getArray("constraints"))
    for (const llvm::json::Value &V : *Cs)
      if (const Object *C = node(V, "Constraint"))
        if (str(*C, "contype") == ConType)
          return true;
  return false;
}

bool columnNotNull(const Object &ColumnDef) {
  return ColumnDef.getBoolean("is_not_null").value_or(false) ||
         hasConstraint(ColumnDef, "CONSTR_NOTNULL") || hasConstraint(ColumnDef, "CONSTR_PRIMARY");
}

class Extractor {
public:
  Extractor(size_t Base, StatementContext &Ctx) : Base(Base), Ctx(Ctx) {}

  void statement(const Object &Stmt) {
    if (const Object *Create = Stmt.getObject("CreateStmt"))
      createTable(*Create);
    else if (const Object *Alter = Stmt.getObject("AlterTableStmt"))
      alterTable(*Alter);
    else if (const Object *Drop = Stmt.getObject("DropStmt"))
      dropTables(*Drop);
    else if (const Object *Rename = Stmt.getObject("RenameStmt"))
      rename(*Rename);
  }

private:
  size_t Base;
  StatementContext &Ctx;

  /// A FK constraint node: its clause is found from the tokens at its location.
  void foreignKey(const Object &C, const QualifiedName &Child, std::vector<std::string> Cols,
                  std::vector<bool> NotNull, bool Deferrable, bool InitiallyDeferred) {
    size_t I = tokenAt(Ctx, Base + location(C));
    while (I < Ctx.Last && !Ctx.Toks[I].is("references"))
      ++I;
    auto Clause = parseReferences(Ctx.Toks, I, Ctx.Last);
    if (!Clause)
      return;
    ForeignKey FK;
    FK.Child = Child;
    FK.Columns = std::move(Cols);
    FK.NotNull = std::move(NotNull);
    FK.Name = str(C, "conname");
    FK.Deferrable = Deferrable || C.getBoolean("deferrable").value_or(false);
    FK.InitiallyDeferred = InitiallyDeferred || C.getBoolean("initdeferred").value_or(false);
    FK.NotValid = C.getBoolean("skip_validation").value_or(false);
    FK.DefinitionBegin = Base + location(C);
    FK.Ref = std::move(*Clause);
    // The tree is the authority on names; the tokens on positions.
    FK.Ref.Table = rangeVar(C.getObject("pktable"));
    FK.Ref.Columns = names(C, "pk_attrs");
    recordForeignKey(Ctx, std::move(FK));
  }

  /// A ColumnDef's constraints, in order: attributes such as DEFERRABLE follow the FK they modify.
  void columnConstraints(const Object &Def, const QualifiedName &Table) {
    const Array *Cs = Def.getArray("constraints");
    if (!Cs)
      return;
    std::string Col = str(Def, "colname");
    bool NotNull = columnNotNull(Def);
    if (!NotNull)
      NotNull = Ctx.Cat.notNull(Table, Col).value_or(false);
    for (size_t I = 0; I < Cs->size(); ++I) {
      const Object *C = node((*Cs)[I], "Constraint");
      if (!C || str(*C, "contype") != "CONSTR_FOREIGN")
        continue;
      bool Deferrable = false, Deferred = false;
      for (size_t J = I + 1; J < Cs->size(); ++J) {
        const Object *A = node((*Cs)[J], "Constraint");
        std::string Type = A ? str(*A, "contype") : "";
        if (Type == "CONSTR_ATTR_DEFERRABLE")
          Deferrable = true;
        else if (Type == "CONSTR_ATTR_DEFERRED")
          Deferred = Deferrable = true;
        else if (Type != "CONSTR_ATTR_NOT_DEFERRABLE" && Type != "CONSTR_ATTR_IMMEDIATE")
          break;
      }
      foreignKey(*C, Table, {Col}, {NotNull}, Deferrable, Deferred);
    }
  }

  void tableConstraint(const Object &C, const QualifiedName &Table) {
    if (str(C, "contype") == "CONSTR_PRIMARY") {
      bool Existed;
      Ctx.Cat.create(Table, Existed).PrimaryKey = names(C, "keys");
      return;
    }
    if (str(C, "contype") != "CONSTR_FOREIGN")
      return;
    std::vector<std::string> Cols = names(C, "fk_attrs");
    std::vector<bool> NotNull;
    for (const std::string &Col : Cols)
      NotNull.push_back(Ctx.Cat.notNull(Table, Col).value_or(false));
    foreignKey(C, Table, std::move(Cols), std::move(NotNull), false, false);
  }

  void createTable(const Object &Create) {
    QualifiedName Name = rangeVar(Create.getObject("relation"));
    bool Existed;
    Table &T = Ctx.Cat.create(Name, Existed);
    if (Existed)
      return; // CREATE TABLE IF NOT EXISTS of a known table does nothing
    const Array *Elts = Create.getArray("tableElts");
    if (!Elts)
      return;
    // Columns and the primary key first: a table-level FK may name a column defined after it.
    for (const llvm::json::Value &V : *Elts) {
      if (const Object *Def = node(V, "ColumnDef")) {
        T.Columns.push_back({str(*Def, "colname"), columnNotNull(*Def)});
        if (hasConstraint(*Def, "CONSTR_PRIMARY"))
          T.PrimaryKey = {str(*Def, "colname")};
      } else if (const Object *C = node(V, "Constraint"))
        if (str(*C, "contype") == "CONSTR_PRIMARY")
          T.PrimaryKey = names(*C, "keys");
    }
    for (const llvm::json::Value &V : *Elts) {
      if (const Object *Def = node(V, "ColumnDef"))
        columnConstraints(*Def, Name);
      else if (const Object *C = node(V, "Constraint"))
        tableConstraint(*C, Name);
    }
  }

  void alterTable(const Object &Alter) {
    QualifiedName Name = rangeVar(Alter.getObject("relation"));
    const Array *Cmds = Alter.getArray("cmds");
    if (!Cmds)
      return;
    for (const llvm::json::Value &V : *Cmds) {
      const Object *Cmd = node(V, "AlterTableCmd");
      if (!Cmd)
        continue;
      std::string Sub = str(*Cmd, "subtype");
      const llvm::json::Value *Def = Cmd->get("def");
      Table *T = Ctx.Cat.find(Name);
      if (Sub == "AT_AddConstraint" && Def) {
        if (const Object *C = node(*Def, "Constraint"))
          tableConstraint(*C, Name);
      } else if (Sub == "AT_AddColumn" && Def) {
        if (const Object *CD = node(*Def, "ColumnDef")) {
          if (T && !T->column(str(*CD, "colname")))
            T->Columns.push_back({str(*CD, "colname"), columnNotNull(*CD)});
          columnConstraints(*CD, Name);
        }
      } else if (T && (Sub == "AT_SetNotNull" || Sub == "AT_DropNotNull")) {
        if (Column *C = T->column(str(*Cmd, "name")))
          C->NotNull = Sub == "AT_SetNotNull";
      } else if (Sub == "AT_DropColumn") {
        Ctx.Cat.dropColumn(Name, str(*Cmd, "name"));
      } else if (Sub == "AT_DropConstraint") {
        Ctx.Cat.dropConstraint(Name, str(*Cmd, "name"));
      }
    }
  }

  void dropTables(const Object &Drop) {
    if (str(Drop, "removeType") != "OBJECT_TABLE")
      return;
    if (const Array *Objs = Drop.getArray("objects"))
      for (const llvm::json::Value &V : *Objs)
        if (const Object *List = node(V, "List")) {
          std::vector<std::string> Parts = names(*List, "items");
          if (Parts.empty())
            continue;
          QualifiedName N;
          N.Name = Parts.back();
          if (Parts.size() > 1)
            N.Schema = Parts[Parts.size() - 2];
          Ctx.Cat.drop(N);
        }
  }

  void rename(const Object &R) {
    QualifiedName Name = rangeVar(R.getObject("relation"));
    std::string Type = str(R, "renameType");
    if (Type == "OBJECT_COLUMN")
      Ctx.Cat.renameColumn(Name, str(R, "subname"), str(R, "newname"));
    else if (Type == "OBJECT_TABLE")
      Ctx.Cat.renameTable(Name, str(R, "newname"));
    else if (Type == "OBJECT_TABCONSTRAINT")
      Ctx.Cat.renameConstraint(Name, str(R, "subname"), str(R, "newname"));
  }
};

} // namespace

void extractFromParseTree(const Object &Stmt, size_t Base, StatementContext &Ctx) {
  Extractor(Base, Ctx).statement(Stmt);
}

} // namespace cascade
