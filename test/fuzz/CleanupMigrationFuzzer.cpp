// The cleanup-migration writer (`cascade-migrate` up and down files) with hostile names: tables,
// schemas, columns and constraints named by the fuzzer (quotes, newlines, comment markers,
// keywords, any UTF-8 up to PostgreSQL's 63 bytes).
// Invariant: a name ends up only inside a quoted identifier or an escaped comment. Checked by
// libpg_query: each file splits (pg_query_split_with_parser) into exactly the expected
// statements, `SET lock_timeout` first, then DROP CONSTRAINT IF EXISTS / ADD CONSTRAINT ...
// NOT VALID / VALIDATE CONSTRAINT per changed key, each an AlterTableStmt whose table,
// constraint, columns and referenced table parse back to the exact names in the plan.
#include "FuzzSupport.h"

#include "CleanupMigration.h"
#include "PgQuery.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/JSON.h"

#include <cstdlib>
#include <fuzzer/FuzzedDataProvider.h>

using namespace cascade;

namespace {

[[noreturn]] void violated(const std::string &File, const std::string &What,
                           const std::string &Text) {
  fuzz::invariantFailed("cleanup-migration",
                        What + " (in " + File + ")\n---- " + File + " ----\n" + Text);
}

/// Words PostgreSQL will not take as a bare table or column name, and strings that end or open a
/// comment, a literal or an identifier: the names most likely to escape their quoting.
const char *const Tricky[] = {
    "users", "user", "join", "left", "natural", "verbose", "authorization", "collation",
    "concurrently", "freeze", "ilike", "isnull", "overlaps", "tablesample", "current_schema",
    "select", "table", "references", "public", "Users", "1st", "_x$", "a b", "\"", "\"\"", "'",
    "--", "/*", "*/", "*/ DROP TABLE users; /*", "x\nTRUNCATE users CASCADE;--",
    "x\r\nDELETE FROM users;--", "\\", "$$", "$a$", "U&\"x\"", "e'\\n'", ";", "x\u2028y",
    "\u202e", "\xc3\xa9t\xc3\xa9", "\x7f", "\x1b[31m",
    // Spelled like template placeholders: quoted all the same, since no migration of the plan
    // wrote them as placeholders (CleanupPlan::Placeholders is empty).
    ":a", ":\"A\"", "${x}", "x:y", "t_${db}"};

std::string hostileName(FuzzedDataProvider &In) {
  std::string Name;
  if (In.ConsumeBool())
    Name = In.PickValueInArray(Tricky);
  else
    Name = In.ConsumeRandomLengthString(70);
  Name.erase(std::remove(Name.begin(), Name.end(), '\0'), Name.end());
  Name = llvm::json::fixUTF8(Name); // names come from UTF-8 text or a UTF-8 database
  // To look past a known line-break injection while it is being fixed (docs/fuzzing.md).
  static const bool NoLineBreaks = std::getenv("CASCADE_FUZZ_NAMES_WITHOUT_LINE_BREAKS");
  if (NoLineBreaks)
    llvm::erase_if(Name, [](char C) { return C == '\n' || C == '\r'; });
  while (Name.size() > 63) {        // NAMEDATALEN - 1: longer names are truncated by PostgreSQL
    Name.pop_back();
    while (!Name.empty() && (static_cast<unsigned char>(Name.back()) & 0xC0) == 0x80)
      Name.pop_back();
    if (!Name.empty() && (static_cast<unsigned char>(Name.back()) & 0x80))
      Name.pop_back(); // the lead byte of the character just cut
  }
  return Name.empty() ? "t" : Name;
}

QualifiedName hostileTable(FuzzedDataProvider &In) {
  QualifiedName N;
  if (In.ConsumeBool())
    N.Schema = hostileName(In);
  N.Name = hostileName(In);
  return N;
}

std::vector<std::string> hostileColumns(FuzzedDataProvider &In, size_t Min) {
  std::vector<std::string> Out(In.ConsumeIntegralInRange<size_t>(Min, 3));
  for (std::string &C : Out)
    C = hostileName(In);
  return Out;
}

Action anyAction(FuzzedDataProvider &In) {
  static const Action All[] = {Action::NoAction, Action::Restrict, Action::Cascade,
                               Action::SetNull, Action::SetDefault};
  return In.PickValueInArray(All);
}

CleanupPlan hostilePlan(FuzzedDataProvider &In) {
  CleanupPlan Plan;
  for (size_t C = In.ConsumeIntegralInRange<size_t>(0, 2); C > 0; --C) {
    DeleteClosure Closure;
    Closure.Root.Table = hostileTable(In);
    Closure.RootName = hostileTable(In);
    for (size_t T = In.ConsumeIntegralInRange<size_t>(0, 4); T > 0; --T)
      Closure.Tables.push_back(hostileTable(In));
    Plan.Closures.push_back(std::move(Closure));
  }
  for (size_t I = In.ConsumeIntegralInRange<size_t>(0, 4); I > 0; --I) {
    CleanupItem Item;
    CatalogForeignKey &FK = Item.Original;
    FK.Name = hostileName(In);
    FK.Child = hostileTable(In);
    FK.Parent = hostileTable(In);
    FK.Columns = hostileColumns(In, 1);
    FK.ParentColumns = hostileColumns(In, 0);
    FK.OnDelete = anyAction(In);
    FK.OnUpdate = anyAction(In);
    if (FK.OnDelete == Action::SetNull || FK.OnDelete == Action::SetDefault)
      FK.SetNullColumns = hostileColumns(In, 0);
    FK.Match = In.ConsumeBool() ? 'f' : 's'; // PostgreSQL rejects MATCH PARTIAL ("not yet implemented")
    FK.Deferrable = In.ConsumeBool();
    FK.InitiallyDeferred = FK.Deferrable && In.ConsumeBool();
    if (In.ConsumeIntegralInRange(0, 3) != 0)
      Item.NewAction = In.PickValueInArray({Action::Cascade, Action::SetNull});
    for (size_t P = In.ConsumeIntegralInRange<size_t>(0, 4); P > 0; --P)
      Item.Path.push_back(hostileTable(In));
    Item.RootNoun = hostileName(In);
    Plan.Items.push_back(std::move(Item));
  }
  return Plan;
}

/// One statement of a generated file, parsed on its own.
class Statement {
public:
  Statement(const std::string &File, const std::string &Whole, std::string Text)
      : File(File), Whole(Whole), Text(std::move(Text)) {
    ParseResult R = parseJson(this->Text);
    if (R->error)
      violated(File, std::string("statement does not parse: ") + R->error->message + ": " +
                         this->Text, Whole);
    auto Json = llvm::json::parse(R->parse_tree);
    if (!Json)
      violated(File, "parse tree is not JSON: " + llvm::toString(Json.takeError()), Whole);
    Tree = std::move(*Json);
    const llvm::json::Array *Stmts = Tree.getAsObject()->getArray("stmts");
    if (!Stmts || Stmts->size() != 1)
      violated(File, "one split statement holds several: " + this->Text, Whole);
    Node = (*Stmts)[0].getAsObject()->getObject("stmt");
  }

  void expectSetLockTimeout() const {
    const llvm::json::Object *Set = Node->getObject("VariableSetStmt");
    if (!Set || Set->getString("name") != "lock_timeout")
      violated(File, "expected SET lock_timeout, found: " + Text, Whole);
  }

  /// The AlterTableStmt's single command on Table, of the given subtype.
  const llvm::json::Object &alter(const QualifiedName &Table, llvm::StringRef Subtype) const {
    const llvm::json::Object *Alter = Node->getObject("AlterTableStmt");
    if (!Alter)
      violated(File, "expected ALTER TABLE " + Table.str() + ", found: " + Text, Whole);
    expectTable(Alter->getObject("relation"), Table, "ALTER TABLE");
    const llvm::json::Array *Cmds = Alter->getArray("cmds");
    if (!Cmds || Cmds->size() != 1)
      violated(File, "expected one ALTER TABLE command: " + Text, Whole);
    const llvm::json::Object *Cmd = (*Cmds)[0].getAsObject()->getObject("AlterTableCmd");
    if (!Cmd || Cmd->getString("subtype") != Subtype)
      violated(File, "expected " + Subtype.str() + ": " + Text, Whole);
    return *Cmd;
  }

  void expectTable(const llvm::json::Object *Rel, const QualifiedName &Table,
                   const char *Role) const {
    llvm::StringRef Schema = Rel ? Rel->getString("schemaname").value_or("") : "";
    llvm::StringRef Name = Rel ? Rel->getString("relname").value_or("") : "";
    if (Schema != Table.Schema || Name != Table.Name)
      violated(File, std::string(Role) + " names " + Schema.str() + "." + Name.str() +
                         " instead of " + Table.Schema + "." + Table.Name + ": " + Text, Whole);
  }

  void expectNames(const llvm::json::Array *List, const std::vector<std::string> &Names,
                   const char *Role) const {
    std::vector<std::string> Got;
    if (List)
      for (const llvm::json::Value &V : *List)
        if (const llvm::json::Object *S = V.getAsObject()->getObject("String"))
          Got.push_back(S->getString("sval").value_or("").str());
    if (Got != Names)
      violated(File, std::string(Role) + " columns differ from the plan: " + Text, Whole);
  }

  void expectString(const llvm::json::Object &O, llvm::StringRef Key, const std::string &Want,
                    const char *Role) const {
    if (O.getString(Key).value_or("") != Want)
      violated(File, std::string(Role) + " is not " + Want + ": " + Text, Whole);
  }

private:
  const std::string &File, &Whole;
  std::string Text;
  llvm::json::Value Tree = nullptr;
  const llvm::json::Object *Node = nullptr;
};

void expectRewrite(const std::string &File, const std::string &Whole,
                   const std::vector<std::string> &Texts, size_t &Next,
                   const CatalogForeignKey &FK, Action OnDelete) {
  if (Next + 3 > Texts.size())
    violated(File, "fewer statements than the plan's keys need", Whole);
  Statement Drop(File, Whole, Texts[Next++]);
  const llvm::json::Object &D = Drop.alter(FK.Child, "AT_DropConstraint");
  Drop.expectString(D, "name", FK.Name, "dropped constraint");
  if (D.getBoolean("missing_ok") != true)
    violated(File, "DROP CONSTRAINT without IF EXISTS", Whole);

  Statement Add(File, Whole, Texts[Next++]);
  const llvm::json::Object *Def = Add.alter(FK.Child, "AT_AddConstraint").getObject("def");
  const llvm::json::Object *Con = Def ? Def->getObject("Constraint") : nullptr;
  if (!Con || Con->getString("contype") != "CONSTR_FOREIGN")
    violated(File, "ADD CONSTRAINT is not a foreign key", Whole);
  Add.expectString(*Con, "conname", FK.Name, "added constraint");
  Add.expectTable(Con->getObject("pktable"), FK.Parent, "REFERENCES");
  Add.expectNames(Con->getArray("fk_attrs"), FK.Columns, "FOREIGN KEY");
  Add.expectNames(Con->getArray("pk_attrs"), FK.ParentColumns, "REFERENCES");
  Add.expectString(*Con, "fk_del_action", std::string(1, static_cast<char>(OnDelete)),
                   "ON DELETE");
  if (Con->getBoolean("skip_validation") != true)
    violated(File, "ADD CONSTRAINT without NOT VALID", Whole);

  Statement Validate(File, Whole, Texts[Next++]);
  Validate.expectString(Validate.alter(FK.Child, "AT_ValidateConstraint"), "name", FK.Name,
                        "validated constraint");
}

/// The file's statements as libpg_query's parser splits them; any syntax error is a violation.
std::vector<std::string> splitFile(const std::string &File, const std::string &Text) {
  PgQuerySplitResult R = pg_query_split_with_parser(Text.c_str());
  std::vector<std::string> Out;
  std::string Error = R.error ? R.error->message : "";
  for (int I = 0; !R.error && I < R.n_stmts; ++I)
    Out.push_back(Text.substr(R.stmts[I]->stmt_location, R.stmts[I]->stmt_len));
  pg_query_free_split_result(R);
  if (!Error.empty())
    violated(File, "does not parse: " + Error, Text);
  return Out;
}

void checkFile(const std::string &File, const std::string &Text, const CleanupPlan &Plan,
               bool Down) {
  std::vector<std::string> Texts = splitFile(File, Text);
  if (Texts.empty())
    violated(File, "no statements", Text);
  Statement(File, Text, Texts[0]).expectSetLockTimeout();
  size_t Next = 1;
  for (const CleanupItem &I : Plan.Items)
    if (I.NewAction)
      expectRewrite(File, Text, Texts, Next, I.Original, Down ? I.Original.OnDelete : *I.NewAction);
  if (Next != Texts.size())
    violated(File, std::to_string(Texts.size() - Next) + " statement(s) more than expected, from: " +
                       Texts[Next], Text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  FuzzedDataProvider In(Data, Size);
  Dialect D = In.ConsumeBool() ? Dialect::Cockroach : Dialect::Postgres;
  bool DirectOnly = In.ConsumeBool();
  CleanupPlan Plan = hostilePlan(In);
  CleanupText T = writeCleanupMigration(Plan, "060-cascade-cleanup", D, DirectOnly);
  checkFile("060-cascade-cleanup.sql", T.Up, Plan, /*Down=*/false);
  checkFile("060-cascade-cleanup.down.sql", T.Down, Plan, /*Down=*/true);
  return 0;
}
