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

/// One step of a StatementPlan: a catalog change, or FK definitions to record.
enum class StepKind : uint8_t {
  CreateTable,      // Table; the next Span steps belong to it (skipped when it existed)
  AddColumn,        // to the table just created: A, Flag = NOT NULL
  SetPrimaryKey,    // of the table just created: List
  ColumnKeys,       // Keys of column A of Table; Flag = the column's definition says NOT NULL
  TablePrimaryKey,  // Table's primary key becomes List (the table is created when unknown)
  TableKey,         // Keys[0] on Table's columns (fk_attrs)
  AlterAddColumn,   // A to Table when it is known; Flag = NOT NULL
  AlterNotNull,     // column A of Table (when known) gets NOT NULL = Flag
  DropColumn,       // A of Table
  DropConstraint,   // A of Table
  DropTable,        // Table
  RenameColumn,     // A of Table to B
  RenameTable,      // Table to B
  RenameConstraint, // A of Table to B
};

} // namespace

struct PlanStep {
  StepKind Kind;
  QualifiedName Table;
  std::string A, B;
  std::vector<std::string> List;
  bool Flag = false;
  size_t Span = 0;
  std::vector<ForeignKey> Keys; // positions relative to the statement's start
};

struct StatementPlan {
  std::vector<PlanStep> Steps;
};

namespace {

/// Moves every position a ForeignKey holds by Delta (all of them: a plan is applied at
/// whatever offset its statement text sits).
void shiftPositions(ForeignKey &FK, ptrdiff_t Delta) {
  auto Move = [Delta](size_t &P) { P = static_cast<size_t>(static_cast<ptrdiff_t>(P) + Delta); };
  Move(FK.DefinitionBegin);
  Move(FK.Ref.Begin);
  Move(FK.Ref.End);
  Move(FK.Ref.InsertAt);
  for (ActionClause *C : {&FK.Ref.OnDelete, &FK.Ref.OnUpdate}) {
    Move(C->ClauseBegin);
    Move(C->ClauseEnd);
    Move(C->ActionBegin);
    Move(C->ActionEnd);
  }
  for (Edit &E : FK.DialectEdits)
    Move(E.Offset);
}

/// Reads a statement's parse tree into a StatementPlan. Catalog lookups wait for applyPlan:
/// the plan depends on the statement's text only, so a cached statement is not read again.
class PlanBuilder {
public:
  PlanBuilder(size_t Base, const PlanTokens &Toks, StatementPlan &Plan)
      : Base(Base), Toks(Toks), Plan(Plan) {}

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
  const PlanTokens &Toks;
  StatementPlan &Plan;

  PlanStep &step(StepKind Kind, const QualifiedName &Table) {
    Plan.Steps.push_back(PlanStep{Kind, Table, {}, {}, {}, false, 0, {}});
    return Plan.Steps.back();
  }

  /// A FK constraint node: its clause is found from the tokens at its location.
  std::optional<ForeignKey> foreignKey(JsonRef C, const QualifiedName &Child,
                                       std::vector<std::string> Cols, bool Deferrable,
                                       bool InitiallyDeferred) {
    size_t At = Base + location(C);
    size_t I = tokenAt(Toks, At);
    while (I < Toks.Last && !Toks.Toks[I].is("references"))
      ++I;
    auto Clause = parseReferences(Toks.Toks, I, Toks.Last);
    if (!Clause)
      return std::nullopt;
    ForeignKey FK;
    FK.Child = Child;
    FK.Columns = std::move(Cols);
    FK.Name = str(C, "conname");
    FK.Deferrable = Deferrable || C.getBoolean("deferrable").value_or(false);
    FK.InitiallyDeferred = InitiallyDeferred || C.getBoolean("initdeferred").value_or(false);
    FK.NotValid = C.getBoolean("skip_validation").value_or(false);
    FK.DefinitionBegin = At;
    FK.Ref = std::move(*Clause);
    // The tree is the authority on names; the tokens on positions.
    FK.Ref.Table = rangeVar(C.getObject("pktable"));
    FK.Ref.Columns = names(C, "pk_attrs");
    shiftPositions(FK, -static_cast<ptrdiff_t>(Base));
    return FK;
  }

  /// A ColumnDef's constraints, in order: attributes such as DEFERRABLE follow the FK they modify.
  void columnConstraints(JsonRef Def, const QualifiedName &Table) {
    std::vector<JsonRef> Cs = Def.getArray("constraints").elements();
    if (Cs.empty())
      return;
    std::string Col = str(Def, "colname");
    std::vector<ForeignKey> Keys;
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
      if (std::optional<ForeignKey> FK = foreignKey(C, Table, {Col}, Deferrable, Deferred))
        Keys.push_back(std::move(*FK));
    }
    if (Keys.empty())
      return;
    PlanStep &S = step(StepKind::ColumnKeys, Table);
    S.A = std::move(Col);
    S.Flag = columnNotNull(Def);
    S.Keys = std::move(Keys);
  }

  void tableConstraint(JsonRef C, const QualifiedName &Table) {
    if (str(C, "contype") == "CONSTR_PRIMARY") {
      step(StepKind::TablePrimaryKey, Table).List = names(C, "keys");
      return;
    }
    if (str(C, "contype") != "CONSTR_FOREIGN")
      return;
    if (std::optional<ForeignKey> FK = foreignKey(C, Table, names(C, "fk_attrs"), false, false))
      step(StepKind::TableKey, Table).Keys.push_back(std::move(*FK));
  }

  void createTable(JsonRef Create) {
    QualifiedName Name = rangeVar(Create.getObject("relation"));
    size_t Head = Plan.Steps.size();
    step(StepKind::CreateTable, Name);
    std::vector<JsonRef> Elts = Create.getArray("tableElts").elements();
    // Columns and the primary key first: a table-level FK may name a column defined after it.
    for (JsonRef V : Elts) {
      if (JsonRef Def = node(V, "ColumnDef")) {
        ColumnFacts F = columnFacts(Def);
        std::string Col = str(Def, "colname");
        if (F.PrimaryKey)
          step(StepKind::SetPrimaryKey, Name).List = {Col};
        PlanStep &S = step(StepKind::AddColumn, Name);
        S.A = std::move(Col);
        S.Flag = F.NotNull;
      } else if (JsonRef C = node(V, "Constraint"))
        if (C.stringIs("contype", "CONSTR_PRIMARY"))
          step(StepKind::SetPrimaryKey, Name).List = names(C, "keys");
    }
    for (JsonRef V : Elts) {
      if (JsonRef Def = node(V, "ColumnDef"))
        columnConstraints(Def, Name);
      else if (JsonRef C = node(V, "Constraint"))
        tableConstraint(C, Name);
    }
    Plan.Steps[Head].Span = Plan.Steps.size() - Head - 1;
  }

  void alterTable(JsonRef Alter) {
    QualifiedName Name = rangeVar(Alter.getObject("relation"));
    for (JsonRef V : Alter.getArray("cmds").elements()) {
      JsonRef Cmd = node(V, "AlterTableCmd");
      if (!Cmd)
        continue;
      std::string Sub = str(Cmd, "subtype");
      JsonRef Def = Cmd.get("def");
      if (Sub == "AT_AddConstraint" && Def) {
        if (JsonRef C = node(Def, "Constraint"))
          tableConstraint(C, Name);
      } else if (Sub == "AT_AddColumn" && Def) {
        if (JsonRef CD = node(Def, "ColumnDef")) {
          PlanStep &S = step(StepKind::AlterAddColumn, Name);
          S.A = str(CD, "colname");
          S.Flag = columnNotNull(CD);
          columnConstraints(CD, Name);
        }
      } else if (Sub == "AT_SetNotNull" || Sub == "AT_DropNotNull") {
        PlanStep &S = step(StepKind::AlterNotNull, Name);
        S.A = str(Cmd, "name");
        S.Flag = Sub == "AT_SetNotNull";
      } else if (Sub == "AT_DropColumn") {
        step(StepKind::DropColumn, Name).A = str(Cmd, "name");
      } else if (Sub == "AT_DropConstraint") {
        step(StepKind::DropConstraint, Name).A = str(Cmd, "name");
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
        step(StepKind::DropTable, N);
      }
  }

  void rename(JsonRef R) {
    QualifiedName Name = rangeVar(R.getObject("relation"));
    std::string Type = str(R, "renameType");
    StepKind Kind;
    if (Type == "OBJECT_COLUMN")
      Kind = StepKind::RenameColumn;
    else if (Type == "OBJECT_TABLE")
      Kind = StepKind::RenameTable;
    else if (Type == "OBJECT_TABCONSTRAINT")
      Kind = StepKind::RenameConstraint;
    else
      return;
    PlanStep &S = step(Kind, Name);
    S.A = str(R, "subname");
    S.B = str(R, "newname");
  }
};

/// Records a FK of the plan at the statement's offset.
void record(StatementContext &Ctx, const ForeignKey &Template, size_t Base,
            std::vector<bool> NotNull) {
  ForeignKey FK = Template;
  shiftPositions(FK, static_cast<ptrdiff_t>(Base));
  FK.NotNull = std::move(NotNull);
  recordForeignKey(Ctx, std::move(FK));
}

} // namespace

std::shared_ptr<const StatementPlan> planStatement(JsonRef Root, size_t Base,
                                                   const PlanTokens &Toks) {
  auto Plan = std::make_shared<StatementPlan>();
  for (JsonRef RawStmt : Root.getArray("stmts").elements())
    if (JsonRef Stmt = RawStmt.getObject("stmt"))
      PlanBuilder(Base, Toks, *Plan).statement(Stmt);
  return Plan;
}

void applyPlan(const StatementPlan &Plan, size_t Base, StatementContext &Ctx) {
  Catalog &Cat = Ctx.Cat;
  Table *Created = nullptr; // the table the CreateTable step being applied made
  const std::vector<PlanStep> &Steps = Plan.Steps;
  for (size_t I = 0; I < Steps.size(); ++I) {
    const PlanStep &S = Steps[I];
    switch (S.Kind) {
    case StepKind::CreateTable: {
      bool Existed;
      Created = &Cat.create(S.Table, Existed);
      if (Existed)
        I += S.Span; // CREATE TABLE IF NOT EXISTS of a known table does nothing
      break;
    }
    case StepKind::AddColumn:
      Created->addColumn({S.A, S.Flag});
      break;
    case StepKind::SetPrimaryKey:
      Created->PrimaryKey = S.List;
      break;
    case StepKind::ColumnKeys: {
      bool NotNull = S.Flag || Cat.notNull(S.Table, S.A).value_or(false);
      for (const ForeignKey &FK : S.Keys)
        record(Ctx, FK, Base, {NotNull});
      break;
    }
    case StepKind::TablePrimaryKey: {
      bool Existed;
      Cat.create(S.Table, Existed).PrimaryKey = S.List;
      break;
    }
    case StepKind::TableKey: {
      std::vector<bool> NotNull;
      for (const std::string &Col : S.Keys.front().Columns)
        NotNull.push_back(Cat.notNull(S.Table, Col).value_or(false));
      record(Ctx, S.Keys.front(), Base, std::move(NotNull));
      break;
    }
    case StepKind::AlterAddColumn:
      if (Table *T = Cat.find(S.Table))
        T->addColumn({S.A, S.Flag});
      break;
    case StepKind::AlterNotNull:
      if (Table *T = Cat.find(S.Table))
        if (Column *C = T->column(S.A))
          C->NotNull = S.Flag;
      break;
    case StepKind::DropColumn:
      Cat.dropColumn(S.Table, S.A);
      break;
    case StepKind::DropConstraint:
      Cat.dropConstraint(S.Table, S.A);
      break;
    case StepKind::DropTable:
      Cat.drop(S.Table);
      break;
    case StepKind::RenameColumn:
      Cat.renameColumn(S.Table, S.A, S.B);
      break;
    case StepKind::RenameTable:
      Cat.renameTable(S.Table, S.B);
      break;
    case StepKind::RenameConstraint:
      Cat.renameConstraint(S.Table, S.A, S.B);
      break;
    }
  }
}

} // namespace cascade
