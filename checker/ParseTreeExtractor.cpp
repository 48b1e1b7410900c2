// Foreign keys and catalog changes from libpg_query's parse tree; positions from tokens.
#include "AnalyzerInternal.h"

#include "llvm/ADT/STLExtras.h"


namespace cascade {

namespace {

std::string str(JsonRef O, llvm::StringRef Key) { return O.getString(Key).value_or(""); }

/// {"Constraint": {...}} -> the inner object for the given node type.
JsonRef node(JsonRef V, llvm::StringRef Type) { return V.getObject(Type); }

std::vector<std::string> names(JsonRef O, llvm::StringRef Key) {
  std::vector<std::string> Out;
  for (JsonRef V : O.getArray(Key).elements())
    if (JsonRef S = node(V, "String"))
      Out.push_back(str(S, "sval"));
  return Out;
}

QualifiedName rangeVar(JsonRef RV) {
  QualifiedName N;
  if (RV) {
    N.Schema = str(RV, "schemaname");
    N.Name = str(RV, "relname");
  }
  return N;
}

size_t location(JsonRef O) {
  return static_cast<size_t>(std::max<int64_t>(0, O.getInteger("location").value_or(0)));
}

/// What a column definition's constraints say about the column itself.
struct ColumnFacts {
  bool NotNull = false, PrimaryKey = false;
};

ColumnFacts columnFacts(JsonRef ColumnDef) {
  ColumnFacts F;
  F.NotNull = ColumnDef.getBoolean("is_not_null").value_or(false);
  for (JsonRef V : ColumnDef.getArray("constraints").elements())
    if (JsonRef C = node(V, "Constraint")) {
      if (C.stringIs("contype", "CONSTR_PRIMARY"))
        F.PrimaryKey = F.NotNull = true;
      else if (C.stringIs("contype", "CONSTR_NOTNULL"))
        F.NotNull = true;
    }
  return F;
}

bool columnNotNull(JsonRef ColumnDef) { return columnFacts(ColumnDef).NotNull; }

class Extractor {
public:
  Extractor(size_t Base, StatementContext &Ctx) : Base(Base), Ctx(Ctx) {}

  void statement(JsonRef Stmt) {
    if (JsonRef Create = Stmt.getObject("CreateStmt"))
      createTable(Create);
    else if (JsonRef Alter = Stmt.getObject("AlterTableStmt"))
      alterTable(Alter);
    else if (JsonRef Drop = Stmt.getObject("DropStmt"))
      dropTables(Drop);
    else if (JsonRef Rename = Stmt.getObject("RenameStmt"))
      rename(Rename);
  }

private:
  size_t Base;
  StatementContext &Ctx;

  /// A FK constraint node: its clause is found from the tokens at its location.
  void foreignKey(JsonRef C, const QualifiedName &Child, std::vector<std::string> Cols,
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
  void columnConstraints(JsonRef Def, const QualifiedName &Table) {
    std::vector<JsonRef> Cs = Def.getArray("constraints").elements();
    if (Cs.empty())
      return;
    std::string Col = str(Def, "colname");
    bool NotNull = columnNotNull(Def);
    if (!NotNull)
      NotNull = Ctx.Cat.notNull(Table, Col).value_or(false);
    for (size_t I = 0; I < Cs.size(); ++I) {
      JsonRef C = node(Cs[I], "Constraint");
      if (!C || !C.stringIs("contype", "CONSTR_FOREIGN"))
        continue;
      bool Deferrable = false, Deferred = false;
      for (size_t J = I + 1; J < Cs.size(); ++J) {
        JsonRef A = node(Cs[J], "Constraint");
        std::string Type = A ? str(A, "contype") : "";
        if (Type == "CONSTR_ATTR_DEFERRABLE")
          Deferrable = true;
        else if (Type == "CONSTR_ATTR_DEFERRED")
          Deferred = Deferrable = true;
        else if (Type != "CONSTR_ATTR_NOT_DEFERRABLE" && Type != "CONSTR_ATTR_IMMEDIATE")
          break;
      }
      foreignKey(C, Table, {Col}, {NotNull}, Deferrable, Deferred);
    }
  }

  void tableConstraint(JsonRef C, const QualifiedName &Table) {
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

  void createTable(JsonRef Create) {
    QualifiedName Name = rangeVar(Create.getObject("relation"));
    bool Existed;
    Table &T = Ctx.Cat.create(Name, Existed);
    if (Existed)
      return; // CREATE TABLE IF NOT EXISTS of a known table does nothing
    std::vector<JsonRef> Elts = Create.getArray("tableElts").elements();
    // Columns and the primary key first: a table-level FK may name a column defined after it.
    for (JsonRef V : Elts) {
      if (JsonRef Def = node(V, "ColumnDef")) {
        ColumnFacts F = columnFacts(Def);
        std::string Col = str(Def, "colname");
        if (F.PrimaryKey)
          T.PrimaryKey = {Col};
        T.addColumn({std::move(Col), F.NotNull});
      } else if (JsonRef C = node(V, "Constraint"))
        if (C.stringIs("contype", "CONSTR_PRIMARY"))
          T.PrimaryKey = names(C, "keys");
    }
    for (JsonRef V : Elts) {
      if (JsonRef Def = node(V, "ColumnDef"))
        columnConstraints(Def, Name);
      else if (JsonRef C = node(V, "Constraint"))
        tableConstraint(C, Name);
    }
  }

  void alterTable(JsonRef Alter) {
    QualifiedName Name = rangeVar(Alter.getObject("relation"));
    for (JsonRef V : Alter.getArray("cmds").elements()) {
      JsonRef Cmd = node(V, "AlterTableCmd");
      if (!Cmd)
        continue;
      std::string Sub = str(Cmd, "subtype");
      JsonRef Def = Cmd.get("def");
      Table *T = Ctx.Cat.find(Name);
      if (Sub == "AT_AddConstraint" && Def) {
        if (JsonRef C = node(Def, "Constraint"))
          tableConstraint(C, Name);
      } else if (Sub == "AT_AddColumn" && Def) {
        if (JsonRef CD = node(Def, "ColumnDef")) {
          if (T)
            T->addColumn({str(CD, "colname"), columnNotNull(CD)});
          columnConstraints(CD, Name);
        }
      } else if (T && (Sub == "AT_SetNotNull" || Sub == "AT_DropNotNull")) {
        if (Column *C = T->column(str(Cmd, "name")))
          C->NotNull = Sub == "AT_SetNotNull";
      } else if (Sub == "AT_DropColumn") {
        Ctx.Cat.dropColumn(Name, str(Cmd, "name"));
      } else if (Sub == "AT_DropConstraint") {
        Ctx.Cat.dropConstraint(Name, str(Cmd, "name"));
      }
    }
  }

  void dropTables(JsonRef Drop) {
    if (str(Drop, "removeType") != "OBJECT_TABLE")
      return;
    for (JsonRef V : Drop.getArray("objects").elements())
        if (JsonRef List = node(V, "List")) {
          std::vector<std::string> Parts = names(List, "items");
          if (Parts.empty())
            continue;
          QualifiedName N;
          N.Name = Parts.back();
          if (Parts.size() > 1)
            N.Schema = Parts[Parts.size() - 2];
          Ctx.Cat.drop(N);
        }
  }

  void rename(JsonRef R) {
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

void extractFromParseTree(JsonRef Stmt, size_t Base, StatementContext &Ctx) {
  Extractor(Base, Ctx).statement(Stmt);
}

} // namespace cascade
