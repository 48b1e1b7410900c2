// Foreign keys and catalog changes from libpg_query's parse tree; positions from tokens.
#include "AnalyzerInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"

#ifdef CASCADE_HAVE_RAW_TREE
#include "RawTree.h"
#endif


namespace cascade {

namespace {

/// The node kinds, constraint types, ALTER TABLE subcommands and object types the plan reads,
/// whichever form the tree comes in.
enum class NodeKind { CreateStmt, AlterTableStmt, AlterTableCmd, DropStmt, RenameStmt, ColumnDef,
                      Constraint, String, List };
enum class ConType { Other, Primary, NotNull, Foreign, Deferrable, NotDeferrable, Deferred,
                     Immediate };
enum class AlterType { Other, AddColumn, AddConstraint, SetNotNull, DropNotNull, DropColumn,
                       DropConstraint };
enum class ObjType { Other, Table, Column, TabConstraint };

/// libpg_query's JSON: a node is {"Kind": {fields}}; absent fields are zero, false or empty.
struct JsonTree {
  using Node = JsonRef;

  static llvm::StringRef name(NodeKind K) {
    switch (K) {
    case NodeKind::CreateStmt: return "CreateStmt";
    case NodeKind::AlterTableStmt: return "AlterTableStmt";
    case NodeKind::AlterTableCmd: return "AlterTableCmd";
    case NodeKind::DropStmt: return "DropStmt";
    case NodeKind::RenameStmt: return "RenameStmt";
    case NodeKind::ColumnDef: return "ColumnDef";
    case NodeKind::Constraint: return "Constraint";
    case NodeKind::String: return "String";
    case NodeKind::List: return "List";
    }
    return "";
  }
  /// V's fields when V is a node of kind K, else a null node.
  static Node as(Node V, NodeKind K) { return V.getObject(name(K)); }
  static std::vector<Node> items(Node List) { return List.elements(); }
  static std::string str(Node O, llvm::StringRef Key) { return O.getString(Key).value_or(""); }
  static bool flag(Node O, llvm::StringRef Key) { return O.getBoolean(Key).value_or(false); }

  static std::vector<Node> statements(Node Root) {
    std::vector<Node> Out;
    for (JsonRef Raw : Root.getArray("stmts").elements())
      if (JsonRef Stmt = Raw.getObject("stmt"))
        Out.push_back(Stmt);
    return Out;
  }
  static std::string stringValue(Node S) { return str(S, "sval"); }
  static QualifiedName rangeVar(Node RV) {
    QualifiedName N;
    if (RV) {
      N.Schema = str(RV, "schemaname");
      N.Name = str(RV, "relname");
    }
    return N;
  }
  static Node createRelation(Node N) { return N.getObject("relation"); }
  static Node createElements(Node N) { return N.getArray("tableElts"); }
  static Node alterRelation(Node N) { return N.getObject("relation"); }
  static Node alterCommands(Node N) { return N.getArray("cmds"); }
  static AlterType cmdSubtype(Node N) {
    std::string Sub = str(N, "subtype");
    return llvm::StringSwitch<AlterType>(Sub)
        .Case("AT_AddColumn", AlterType::AddColumn)
        .Case("AT_AddConstraint", AlterType::AddConstraint)
        .Case("AT_SetNotNull", AlterType::SetNotNull)
        .Case("AT_DropNotNull", AlterType::DropNotNull)
        .Case("AT_DropColumn", AlterType::DropColumn)
        .Case("AT_DropConstraint", AlterType::DropConstraint)
        .Default(AlterType::Other);
  }
  static std::string cmdName(Node N) { return str(N, "name"); }
  static Node cmdDef(Node N) { return N.get("def"); }
  static ObjType objType(const std::string &T) {
    return llvm::StringSwitch<ObjType>(T)
        .Case("OBJECT_TABLE", ObjType::Table)
        .Case("OBJECT_COLUMN", ObjType::Column)
        .Case("OBJECT_TABCONSTRAINT", ObjType::TabConstraint)
        .Default(ObjType::Other);
  }
  static ObjType dropType(Node N) { return objType(str(N, "removeType")); }
  static Node dropObjects(Node N) { return N.getArray("objects"); }
  static Node listItems(Node List) { return List.getArray("items"); }
  static ObjType renameType(Node N) { return objType(str(N, "renameType")); }
  static Node renameRelation(Node N) { return N.getObject("relation"); }
  static std::string renameSubname(Node N) { return str(N, "subname"); }
  static std::string renameNewname(Node N) { return str(N, "newname"); }
  static std::string columnName(Node N) { return str(N, "colname"); }
  static bool columnNotNull(Node N) { return flag(N, "is_not_null"); }
  static Node columnConstraints(Node N) { return N.getArray("constraints"); }
  static ConType conType(Node C) {
    return llvm::StringSwitch<ConType>(str(C, "contype"))
        .Case("CONSTR_PRIMARY", ConType::Primary)
        .Case("CONSTR_NOTNULL", ConType::NotNull)
        .Case("CONSTR_FOREIGN", ConType::Foreign)
        .Case("CONSTR_ATTR_DEFERRABLE", ConType::Deferrable)
        .Case("CONSTR_ATTR_NOT_DEFERRABLE", ConType::NotDeferrable)
        .Case("CONSTR_ATTR_DEFERRED", ConType::Deferred)
        .Case("CONSTR_ATTR_IMMEDIATE", ConType::Immediate)
        .Default(ConType::Other);
  }
  static std::string conName(Node C) { return str(C, "conname"); }
  static bool conDeferrable(Node C) { return flag(C, "deferrable"); }
  static bool conInitDeferred(Node C) { return flag(C, "initdeferred"); }
  static bool conSkipValidation(Node C) { return flag(C, "skip_validation"); }
  static int64_t conLocation(Node C) { return C.getInteger("location").value_or(0); }
  static Node conKeys(Node C) { return C.getArray("keys"); }
  static Node conPkTable(Node C) { return C.getObject("pktable"); }
  static Node conFkAttrs(Node C) { return C.getArray("fk_attrs"); }
  static Node conPkAttrs(Node C) { return C.getArray("pk_attrs"); }
};

#ifdef CASCADE_HAVE_RAW_TREE
/// libpg_query's tree in PostgreSQL's own structs (RawTree.h): a node is a pointer, null for
/// none; lists are List nodes.
struct RawTree {
  using Node = const ct_node *;

  static Node as(Node V, NodeKind K) {
    static constexpr ct_kind Kinds[] = {CT_CREATE_STMT, CT_ALTER_TABLE_STMT, CT_ALTER_TABLE_CMD,
                                        CT_DROP_STMT,   CT_RENAME_STMT,      CT_COLUMN_DEF,
                                        CT_CONSTRAINT,  CT_STRING,           CT_LIST};
    // In NodeKind's order, one per kind: List is the last.
    static_assert(std::size(Kinds) == static_cast<size_t>(NodeKind::List) + 1);
    return ct_node_kind(V) == Kinds[static_cast<int>(K)] ? V : nullptr;
  }
  static std::vector<Node> items(Node List) {
    std::vector<Node> Out;
    if (ct_node_kind(List) != CT_LIST)
      return Out;
    int N = ct_list_length(List);
    Out.reserve(N);
    for (int I = 0; I < N; ++I)
      Out.push_back(ct_list_nth(List, I));
    return Out;
  }
  static std::string str(const char *S) { return S ? S : ""; }

  static std::vector<Node> statements(Node Root) {
    std::vector<Node> Out;
    for (Node Raw : items(Root))
      if (ct_node_kind(Raw) == CT_RAW_STMT)
        if (Node Stmt = ct_raw_stmt_stmt(Raw))
          Out.push_back(Stmt);
    return Out;
  }
  static std::string stringValue(Node S) { return str(ct_string_value(S)); }
  static QualifiedName rangeVar(Node RV) {
    QualifiedName N;
    if (ct_node_kind(RV) == CT_RANGE_VAR) {
      N.Schema = str(ct_range_var_schema(RV));
      N.Name = str(ct_range_var_name(RV));
    }
    return N;
  }
  static Node createRelation(Node N) { return ct_create_relation(N); }
  static Node createElements(Node N) { return ct_create_elements(N); }
  static Node alterRelation(Node N) { return ct_alter_relation(N); }
  static Node alterCommands(Node N) { return ct_alter_commands(N); }
  static AlterType cmdSubtype(Node N) {
    switch (ct_cmd_subtype(N)) {
    case CT_AT_ADD_COLUMN: return AlterType::AddColumn;
    case CT_AT_ADD_CONSTRAINT: return AlterType::AddConstraint;
    case CT_AT_SET_NOT_NULL: return AlterType::SetNotNull;
    case CT_AT_DROP_NOT_NULL: return AlterType::DropNotNull;
    case CT_AT_DROP_COLUMN: return AlterType::DropColumn;
    case CT_AT_DROP_CONSTRAINT: return AlterType::DropConstraint;
    case CT_AT_OTHER: break;
    }
    return AlterType::Other;
  }
  static std::string cmdName(Node N) { return str(ct_cmd_name(N)); }
  static Node cmdDef(Node N) { return ct_cmd_def(N); }
  static ObjType objType(ct_objtype T) {
    switch (T) {
    case CT_OBJ_TABLE: return ObjType::Table;
    case CT_OBJ_COLUMN: return ObjType::Column;
    case CT_OBJ_TABCONSTRAINT: return ObjType::TabConstraint;
    case CT_OBJ_OTHER: break;
    }
    return ObjType::Other;
  }
  static ObjType dropType(Node N) { return objType(ct_drop_type(N)); }
  static Node dropObjects(Node N) { return ct_drop_objects(N); }
  static Node listItems(Node List) { return List; }
  static ObjType renameType(Node N) { return objType(ct_rename_type(N)); }
  static Node renameRelation(Node N) { return ct_rename_relation(N); }
  static std::string renameSubname(Node N) { return str(ct_rename_subname(N)); }
  static std::string renameNewname(Node N) { return str(ct_rename_newname(N)); }
  static std::string columnName(Node N) { return str(ct_column_name(N)); }
  static bool columnNotNull(Node N) { return ct_column_not_null(N) != 0; }
  static Node columnConstraints(Node N) { return ct_column_constraints(N); }
  static ConType conType(Node C) {
    switch (ct_constraint_type(C)) {
    case CT_CONSTR_PRIMARY: return ConType::Primary;
    case CT_CONSTR_NOTNULL: return ConType::NotNull;
    case CT_CONSTR_FOREIGN: return ConType::Foreign;
    case CT_CONSTR_ATTR_DEFERRABLE: return ConType::Deferrable;
    case CT_CONSTR_ATTR_NOT_DEFERRABLE: return ConType::NotDeferrable;
    case CT_CONSTR_ATTR_DEFERRED: return ConType::Deferred;
    case CT_CONSTR_ATTR_IMMEDIATE: return ConType::Immediate;
    case CT_CONSTR_OTHER: break;
    }
    return ConType::Other;
  }
  static std::string conName(Node C) { return str(ct_constraint_name(C)); }
  static bool conDeferrable(Node C) { return ct_constraint_deferrable(C) != 0; }
  static bool conInitDeferred(Node C) { return ct_constraint_initdeferred(C) != 0; }
  static bool conSkipValidation(Node C) { return ct_constraint_skip_validation(C) != 0; }
  static int64_t conLocation(Node C) { return ct_constraint_location(C); }
  static Node conKeys(Node C) { return ct_constraint_keys(C); }
  static Node conPkTable(Node C) { return ct_constraint_pktable(C); }
  static Node conFkAttrs(Node C) { return ct_constraint_fk_attrs(C); }
  static Node conPkAttrs(Node C) { return ct_constraint_pk_attrs(C); }
};
#endif

/// What a column definition's constraints say about the column itself.
struct ColumnFacts {
  bool NotNull = false, PrimaryKey = false;
};

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

/// Reads a statement's parse tree (in Tree's form: JsonTree or RawTree) into a StatementPlan.
/// Catalog lookups wait for applyPlan: the plan depends on the statement's text only, so a
/// cached statement is not read again.
template <typename Tree> class PlanBuilder {
  using Node = typename Tree::Node;

public:
  PlanBuilder(size_t Base, const PlanTokens &Toks, StatementPlan &Plan)
      : Base(Base), Toks(Toks), Plan(Plan) {}

  void statement(Node Stmt) {
    if (Node Create = Tree::as(Stmt, NodeKind::CreateStmt))
      createTable(Create);
    else if (Node Alter = Tree::as(Stmt, NodeKind::AlterTableStmt))
      alterTable(Alter);
    else if (Node Drop = Tree::as(Stmt, NodeKind::DropStmt))
      dropTables(Drop);
    else if (Node Rename = Tree::as(Stmt, NodeKind::RenameStmt))
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

  /// The names of a list of String nodes (other nodes skipped).
  static std::vector<std::string> names(Node List) {
    std::vector<std::string> Out;
    for (Node V : Tree::items(List))
      if (Node S = Tree::as(V, NodeKind::String))
        Out.push_back(Tree::stringValue(S));
    return Out;
  }

  static ColumnFacts columnFacts(Node ColumnDef) {
    ColumnFacts F;
    F.NotNull = Tree::columnNotNull(ColumnDef);
    for (Node V : Tree::items(Tree::columnConstraints(ColumnDef)))
      if (Node C = Tree::as(V, NodeKind::Constraint)) {
        ConType Type = Tree::conType(C);
        if (Type == ConType::Primary)
          F.PrimaryKey = F.NotNull = true;
        else if (Type == ConType::NotNull)
          F.NotNull = true;
      }
    return F;
  }

  /// A FK constraint node: its clause is found from the tokens at its location.
  std::optional<ForeignKey> foreignKey(Node C, const QualifiedName &Child,
                                       std::vector<std::string> Cols, bool Deferrable,
                                       bool InitiallyDeferred) {
    size_t At = Base + static_cast<size_t>(std::max<int64_t>(0, Tree::conLocation(C)));
    size_t I = tokenAt(Toks, At);
    while (I < Toks.Last && !Toks.Toks[I].is("references"))
      ++I;
    auto Clause = parseReferences(Toks.Toks, I, Toks.Last);
    if (!Clause)
      return std::nullopt;
    ForeignKey FK;
    FK.Child = Child;
    FK.Columns = std::move(Cols);
    FK.Name = Tree::conName(C);
    FK.Deferrable = Deferrable || Tree::conDeferrable(C);
    FK.InitiallyDeferred = InitiallyDeferred || Tree::conInitDeferred(C);
    FK.NotValid = Tree::conSkipValidation(C);
    FK.DefinitionBegin = At;
    FK.Ref = std::move(*Clause);
    // The tree is the authority on names; the tokens on positions.
    FK.Ref.Table = Tree::rangeVar(Tree::conPkTable(C));
    FK.Ref.Columns = names(Tree::conPkAttrs(C));
    shiftPositions(FK, -static_cast<ptrdiff_t>(Base));
    return FK;
  }

  /// A ColumnDef's constraints, in order: attributes such as DEFERRABLE follow the FK they modify.
  void columnConstraints(Node Def, const QualifiedName &Table) {
    std::vector<Node> Cs = Tree::items(Tree::columnConstraints(Def));
    if (Cs.empty())
      return;
    std::string Col = Tree::columnName(Def);
    std::vector<ForeignKey> Keys;
    for (size_t I = 0; I < Cs.size(); ++I) {
      Node C = Tree::as(Cs[I], NodeKind::Constraint);
      if (!C || Tree::conType(C) != ConType::Foreign)
        continue;
      bool Deferrable = false, Deferred = false;
      for (size_t J = I + 1; J < Cs.size(); ++J) {
        Node A = Tree::as(Cs[J], NodeKind::Constraint);
        ConType Type = A ? Tree::conType(A) : ConType::Other;
        if (Type == ConType::Deferrable)
          Deferrable = true;
        else if (Type == ConType::Deferred)
          Deferred = Deferrable = true;
        else if (Type != ConType::NotDeferrable && Type != ConType::Immediate)
          break;
      }
      if (std::optional<ForeignKey> FK = foreignKey(C, Table, {Col}, Deferrable, Deferred))
        Keys.push_back(std::move(*FK));
    }
    if (Keys.empty())
      return;
    PlanStep &S = step(StepKind::ColumnKeys, Table);
    S.A = std::move(Col);
    S.Flag = columnFacts(Def).NotNull;
    S.Keys = std::move(Keys);
  }

  void tableConstraint(Node C, const QualifiedName &Table) {
    ConType Type = Tree::conType(C);
    if (Type == ConType::Primary) {
      step(StepKind::TablePrimaryKey, Table).List = names(Tree::conKeys(C));
      return;
    }
    if (Type != ConType::Foreign)
      return;
    std::vector<std::string> Cols = names(Tree::conFkAttrs(C));
    if (std::optional<ForeignKey> FK = foreignKey(C, Table, std::move(Cols), false, false))
      step(StepKind::TableKey, Table).Keys.push_back(std::move(*FK));
  }

  void createTable(Node Create) {
    QualifiedName Name = Tree::rangeVar(Tree::createRelation(Create));
    size_t Head = Plan.Steps.size();
    step(StepKind::CreateTable, Name);
    std::vector<Node> Elts = Tree::items(Tree::createElements(Create));
    // Columns and the primary key first: a table-level FK may name a column defined after it.
    for (Node V : Elts) {
      if (Node Def = Tree::as(V, NodeKind::ColumnDef)) {
        ColumnFacts F = columnFacts(Def);
        std::string Col = Tree::columnName(Def);
        if (F.PrimaryKey)
          step(StepKind::SetPrimaryKey, Name).List = {Col};
        PlanStep &S = step(StepKind::AddColumn, Name);
        S.A = std::move(Col);
        S.Flag = F.NotNull;
      } else if (Node C = Tree::as(V, NodeKind::Constraint))
        if (Tree::conType(C) == ConType::Primary)
          step(StepKind::SetPrimaryKey, Name).List = names(Tree::conKeys(C));
    }
    for (Node V : Elts) {
      if (Node Def = Tree::as(V, NodeKind::ColumnDef))
        columnConstraints(Def, Name);
      else if (Node C = Tree::as(V, NodeKind::Constraint))
        tableConstraint(C, Name);
    }
    Plan.Steps[Head].Span = Plan.Steps.size() - Head - 1;
  }

  void alterTable(Node Alter) {
    QualifiedName Name = Tree::rangeVar(Tree::alterRelation(Alter));
    for (Node V : Tree::items(Tree::alterCommands(Alter))) {
      Node Cmd = Tree::as(V, NodeKind::AlterTableCmd);
      if (!Cmd)
        continue;
      AlterType Sub = Tree::cmdSubtype(Cmd);
      Node Def = Tree::cmdDef(Cmd);
      if (Sub == AlterType::AddConstraint && Def) {
        if (Node C = Tree::as(Def, NodeKind::Constraint))
          tableConstraint(C, Name);
      } else if (Sub == AlterType::AddColumn && Def) {
        if (Node CD = Tree::as(Def, NodeKind::ColumnDef)) {
          PlanStep &S = step(StepKind::AlterAddColumn, Name);
          S.A = Tree::columnName(CD);
          S.Flag = columnFacts(CD).NotNull;
          columnConstraints(CD, Name);
        }
      } else if (Sub == AlterType::SetNotNull || Sub == AlterType::DropNotNull) {
        PlanStep &S = step(StepKind::AlterNotNull, Name);
        S.A = Tree::cmdName(Cmd);
        S.Flag = Sub == AlterType::SetNotNull;
      } else if (Sub == AlterType::DropColumn) {
        step(StepKind::DropColumn, Name).A = Tree::cmdName(Cmd);
      } else if (Sub == AlterType::DropConstraint) {
        step(StepKind::DropConstraint, Name).A = Tree::cmdName(Cmd);
      }
    }
  }

  void dropTables(Node Drop) {
    if (Tree::dropType(Drop) != ObjType::Table)
      return;
    for (Node V : Tree::items(Tree::dropObjects(Drop)))
      if (Node List = Tree::as(V, NodeKind::List)) {
        std::vector<std::string> Parts = names(Tree::listItems(List));
        if (Parts.empty())
          continue;
        QualifiedName N;
        N.Name = Parts.back();
        if (Parts.size() > 1)
          N.Schema = Parts[Parts.size() - 2];
        step(StepKind::DropTable, N);
      }
  }

  void rename(Node R) {
    QualifiedName Name = Tree::rangeVar(Tree::renameRelation(R));
    StepKind Kind;
    switch (Tree::renameType(R)) {
    case ObjType::Column:
      Kind = StepKind::RenameColumn;
      break;
    case ObjType::Table:
      Kind = StepKind::RenameTable;
      break;
    case ObjType::TabConstraint:
      Kind = StepKind::RenameConstraint;
      break;
    default:
      return;
    }
    PlanStep &S = step(Kind, Name);
    S.A = Tree::renameSubname(R);
    S.B = Tree::renameNewname(R);
  }
};

template <typename Tree>
std::shared_ptr<const StatementPlan> buildPlan(typename Tree::Node Root, size_t Base,
                                               const PlanTokens &Toks) {
  auto Plan = std::make_shared<StatementPlan>();
  for (typename Tree::Node Stmt : Tree::statements(Root))
    PlanBuilder<Tree>(Base, Toks, *Plan).statement(Stmt);
  return Plan;
}

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
  return buildPlan<JsonTree>(Root, Base, Toks);
}

#ifdef CASCADE_HAVE_RAW_TREE
std::shared_ptr<const StatementPlan> planStatement(const ct_node *Stmts, size_t Base,
                                                   const PlanTokens &Toks) {
  return buildPlan<RawTree>(Stmts, Base, Toks);
}
#endif

std::string planDifference(const StatementPlan &A, const StatementPlan &B) {
  auto Name = [](const QualifiedName &N) { return N.Schema + "." + N.Name; };
  auto Join = [](const std::vector<std::string> &L) { return llvm::join(L, ","); };
  // What the tree says of a FK; its positions come from the tokens, the same in both.
  auto Key = [&](const ForeignKey &FK) {
    return Name(FK.Child) + "(" + Join(FK.Columns) + ") " + FK.Name + " -> " +
           Name(FK.Ref.Table) + "(" + Join(FK.Ref.Columns) + ") at " +
           std::to_string(FK.DefinitionBegin) + "/" + std::to_string(FK.Ref.Begin) +
           (FK.Deferrable ? " deferrable" : "") + (FK.InitiallyDeferred ? " deferred" : "") +
           (FK.NotValid ? " not-valid" : "");
  };
  auto Step = [&](const PlanStep &S) {
    std::string Out = std::to_string(static_cast<int>(S.Kind)) + " " + Name(S.Table) + " " +
                      S.A + " " + S.B + " [" + Join(S.List) + "] " + (S.Flag ? "1" : "0") +
                      " " + std::to_string(S.Span);
    for (const ForeignKey &FK : S.Keys)
      Out += "; " + Key(FK);
    return Out;
  };
  size_t N = std::max(A.Steps.size(), B.Steps.size());
  for (size_t I = 0; I < N; ++I) {
    std::string SA = I < A.Steps.size() ? Step(A.Steps[I]) : "(none)";
    std::string SB = I < B.Steps.size() ? Step(B.Steps[I]) : "(none)";
    if (SA != SB)
      return "step " + std::to_string(I) + ": '" + SA + "' vs '" + SB + "'";
  }
  return "";
}

std::shared_ptr<const StatementPlan> restorePlaceholders(const StatementPlan &Plan,
                                                         const StatementContext &Ctx) {
  auto Out = std::make_shared<StatementPlan>(Plan);
  for (PlanStep &S : Out->Steps) {
    Ctx.restore(S.Table);
    Ctx.restore(S.A);
    Ctx.restore(S.B);
    for (std::string &N : S.List)
      Ctx.restore(N);
    // Keys are restored where they are recorded (recordForeignKey), as token-read ones are.
  }
  return Out;
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
