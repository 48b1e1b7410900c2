#include "Rehearse.h"
#include "CheckOptions.h"
#include "Connection.h"
#include "DeletePath.h"
#include "LiveCatalog.h"
#include "SourceText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <atomic>
#include <csignal>
#include <map>

using namespace llvm;

namespace cascade {
namespace {

cl::SubCommand Command("rehearse", "Delete one root row inside a transaction that is always "
                                   "rolled back; report what would go and what blocks");
cl::OptionCategory Category("cascade-migrate rehearse options");
cl::opt<std::string> Db("db", cl::desc("The database (libpq URL or key=value string)"),
                        cl::value_desc("url"), cl::sub(Command), cl::cat(Category));
cl::opt<std::string> Id("id", cl::desc("The key of the root row to rehearse deleting"),
                        cl::value_desc("value"), cl::sub(Command), cl::cat(Category));
cl::opt<std::string> Root("root", cl::desc("Root table: TABLE, SCHEMA.TABLE or TABLE(COLUMN) "
                                           "(default users; the key is its primary key)"),
                          cl::init("users"), cl::sub(Command), cl::cat(Category));
cl::opt<std::string> LockTimeout("lock-timeout",
                                 cl::desc("lock_timeout for every statement (default 5s)"),
                                 cl::init("5s"), cl::sub(Command), cl::cat(Category));
cl::opt<std::string> StatementTimeout("statement-timeout",
                                      cl::desc("statement_timeout for every statement, and the "
                                               "idle-in-transaction limit (default 60s)"),
                                      cl::init("60s"), cl::sub(Command), cl::cat(Category));

// A signal cancels the running statement (PQcancel is safe in a handler); the main flow then
// rolls back and exits 2.
std::atomic<PGcancel *> CancelHandle{nullptr};
volatile std::sig_atomic_t Interrupted = 0;

extern "C" void onSignal(int) {
  Interrupted = 1;
  if (PGcancel *C = CancelHandle.load()) {
    char Buf[256];
    PQcancel(C, Buf, sizeof Buf);
  }
}

void installSignalHandlers() {
  struct sigaction SA = {};
  SA.sa_handler = onSignal;
  sigemptyset(&SA.sa_mask);
  for (int Sig : {SIGINT, SIGTERM, SIGHUP})
    sigaction(Sig, &SA, nullptr);
}

std::string show(const std::string &S) { return escapeControl(S); }

/// Table names in SQL always carry their schema, so search_path cannot redirect them.
std::string sqlName(const QualifiedName &N) {
  return quoteIdent(N.Schema.empty() ? "public" : N.Schema) + "." + quoteIdent(N.Name);
}

std::string key(const QualifiedName &N) { return N.Schema + "." + N.Name; }

const char *Marked = "pg_temp.cascade_rehearsal";

class Rehearsal {
public:
  Rehearsal(DbConnection &C, RootTable R) : Conn(C), RootSpec(std::move(R)) {}
  int run();

private:
  int error(const std::string &Message);
  int finish(int Status);
  bool step(const std::string &Sql, ExecStatusType Want, const std::vector<std::string> &Params,
            const char *Phase, Result *Out = nullptr);
  std::string fieldOr(PGresult *R, int Field) const {
    const char *V = PQresultErrorField(R, Field);
    return V ? Conn.redactor().redact(V) : "";
  }
  std::string markQuery() const;
  std::string stillThereQuery() const;
  std::vector<QualifiedName> pathTo(const CatalogForeignKey &FK) const;
  void printTable(const std::vector<long long> &Before, const std::vector<long long> *Deleted);
  int blocked(PGresult *R, const std::vector<long long> &Before);

  DbConnection &Conn;
  RootTable RootSpec;
  LiveCatalog Live;
  QualifiedName RootName;
  std::string KeyColumn;
  std::vector<const CatalogForeignKey *> FKs;
  DeleteClosure Closure;
  std::map<std::string, size_t> Index; // table key -> position in Closure.Tables
  std::string PendingError;
};

int Rehearsal::error(const std::string &Message) {
  PendingError = Message;
  return finish(2);
}

/// Always the last thing: ROLLBACK, and say so. A lost connection needs no rollback: the
/// server aborts an unfinished transaction when its client goes.
int Rehearsal::finish(int Status) {
  CancelHandle.store(nullptr);
  Result R(PQexec(Conn.get(), "ROLLBACK"));
  bool RolledBack = PQresultStatus(R.get()) == PGRES_COMMAND_OK;
  outs().flush();
  if (!PendingError.empty())
    WithColor::error(errs(), "cascade-migrate") << escapeControl(PendingError) << "\n";
  if (RolledBack)
    outs() << "rehearse: rolled back; no row changed\n";
  else
    outs() << "rehearse: the connection is gone; the server rolls back an unfinished "
              "transaction by itself, so no row changed\n";
  outs().flush();
  return Status;
}

bool Rehearsal::step(const std::string &Sql, ExecStatusType Want,
                     const std::vector<std::string> &Params, const char *Phase, Result *Out) {
  if (Interrupted) {
    PendingError = "interrupted by a signal " + std::string(Phase);
    return false;
  }
  Result R = Conn.run(Sql, Params);
  if (PQresultStatus(R.get()) == Want) {
    if (Out)
      *Out = std::move(R);
    return true;
  }
  if (Interrupted)
    PendingError = "interrupted by a signal " + std::string(Phase);
  else if (PQstatus(Conn.get()) != CONNECTION_OK)
    PendingError = "lost the connection " + std::string(Phase) + ": " + Conn.lastError();
  else if (std::string Primary = fieldOr(R.get(), PG_DIAG_MESSAGE_PRIMARY); !Primary.empty())
    PendingError = Primary + " " + Phase;
  else
    PendingError = Conn.lastError() + " " + Phase;
  std::string State = fieldOr(R.get(), PG_DIAG_SQLSTATE);
  if (State == "55P03")
    PendingError += "; lock_timeout is " + LockTimeout + " (--lock-timeout)";
  else if (State == "57014" && !Interrupted)
    PendingError += "; statement_timeout is " + StatementTimeout + " (--statement-timeout)";
  if (Out)
    *Out = std::move(R);
  return false;
}

/// Marks every row of the closure that belongs to the root row: the root row itself, then, along
/// each FK the closure follows, the child rows that reference a marked parent row. One
/// recursive query; UNION makes it stop on cycles. Rows are named by (tableoid, ctid), which
/// stay put inside this transaction until the DELETE.
std::string Rehearsal::markQuery() const {
  std::string Q = "INSERT INTO " + std::string(Marked) +
                  " WITH RECURSIVE r(tbl, toid, rid) AS (SELECT 0, p.tableoid, p.ctid FROM " +
                  sqlName(RootName) + " p WHERE p." + quoteIdent(KeyColumn) + " = $1";
  std::string Branches;
  for (size_t E : Closure.Edges) {
    const CatalogForeignKey &FK = *FKs[E];
    if (FK.ParentColumns.size() != FK.Columns.size() || FK.Columns.empty())
      continue;
    std::string On;
    for (size_t K = 0; K < FK.Columns.size(); ++K)
      On += (K ? " AND c." : "c.") + quoteIdent(FK.Columns[K]) + " = p." +
            quoteIdent(FK.ParentColumns[K]);
    Branches += (Branches.empty() ? "" : " UNION ALL ") + std::string("SELECT ") +
                std::to_string(Index.at(key(FK.Child))) + ", c.tableoid, c.ctid FROM " +
                sqlName(FK.Parent) + " p JOIN " + sqlName(FK.Child) + " c ON " + On +
                " WHERE r.tbl = " + std::to_string(Index.at(key(FK.Parent))) +
                " AND p.tableoid = r.toid AND p.ctid = r.rid";
  }
  if (!Branches.empty())
    Q += " UNION SELECT n.* FROM r CROSS JOIN LATERAL (" + Branches + ") n";
  return Q + ") SELECT tbl, toid, rid FROM r";
}

/// Per closure table, how many marked rows are still there.
std::string Rehearsal::stillThereQuery() const {
  std::string Q;
  for (size_t I = 0; I < Closure.Tables.size(); ++I)
    Q += (I ? " UNION ALL " : "") + std::string("SELECT ") + std::to_string(I) +
         ", count(*) FROM " + sqlName(Closure.Tables[I]) + " t JOIN " + Marked + " m ON m.tbl = " +
         std::to_string(I) + " AND m.toid = t.tableoid AND m.rid = t.ctid";
  return Q;
}

std::vector<QualifiedName> Rehearsal::pathTo(const CatalogForeignKey &FK) const {
  std::map<std::string, std::vector<QualifiedName>> Path;
  Path[key(RootName)] = {RootName};
  for (size_t E : Closure.Edges) {
    const CatalogForeignKey &Edge = *FKs[E];
    if (Path.count(key(Edge.Parent)) && !Path.count(key(Edge.Child))) {
      Path[key(Edge.Child)] = Path[key(Edge.Parent)];
      Path[key(Edge.Child)].push_back(Edge.Child);
    }
  }
  std::vector<QualifiedName> Out =
      Path.count(key(FK.Parent)) ? Path[key(FK.Parent)] : std::vector<QualifiedName>{FK.Parent};
  if (!(FK.Child == RootName) || Out.size() > 1 || !(FK.Parent == RootName))
    Out.push_back(FK.Child);
  return Out;
}

void Rehearsal::printTable(const std::vector<long long> &Before,
                           const std::vector<long long> *Deleted) {
  size_t Width = 5;
  for (const QualifiedName &T : Closure.Tables)
    Width = std::max(Width, show(T.str()).size());
  outs() << "  " << left_justify("table", Width) << "  " << right_justify("rows", 8);
  if (Deleted)
    outs() << "  " << right_justify("deleted", 8);
  outs() << "\n";
  for (size_t I = 0; I < Closure.Tables.size(); ++I) {
    outs() << "  " << left_justify(show(Closure.Tables[I].str()), Width) << "  "
           << right_justify(std::to_string(Before[I]), 8);
    if (Deleted)
      outs() << "  " << right_justify(std::to_string((*Deleted)[I]), 8);
    outs() << "\n";
  }
}

int Rehearsal::blocked(PGresult *R, const std::vector<long long> &Before) {
  std::string Constraint = fieldOr(R, PG_DIAG_CONSTRAINT_NAME);
  std::string Schema = fieldOr(R, PG_DIAG_SCHEMA_NAME), Table = fieldOr(R, PG_DIAG_TABLE_NAME);
  QualifiedName Child{Schema == "public" ? "" : Schema, Table};
  outs() << "rehearse: " << show(RootName.str()) << " " << show(KeyColumn) << "=" << show(Id)
         << ": the delete would be blocked\n";
  outs() << "error: " << show(fieldOr(R, PG_DIAG_MESSAGE_PRIMARY)) << "\n";
  if (std::string Detail = fieldOr(R, PG_DIAG_MESSAGE_DETAIL); !Detail.empty())
    outs() << "detail: " << show(Detail) << "\n";
  const CatalogForeignKey *FK = nullptr;
  for (const CatalogForeignKey *F : FKs)
    if (F->Name == Constraint && F->Child == Child)
      FK = F;
  // Back to before the DELETE: the transaction is usable again and the marked rows are back.
  bool Usable = step("ROLLBACK TO SAVEPOINT rehearse_delete", PGRES_COMMAND_OK, {},
                     "after the delete");
  if (FK) {
    outs() << "blocked by: " << show(FK->Child.str() + "." + quoteIdent(FK->Name)) << " ON DELETE "
           << actionSql(FK->OnDelete) << "\n";
    outs() << "path: " << show(pathString(pathTo(*FK))) << "\n";
    auto Parent = Index.find(key(FK->Parent));
    if (Usable && Parent != Index.end() && FK->Columns.size() == FK->ParentColumns.size()) {
      // The first child row (by primary key, else by ctid) that references a row the delete
      // removes from the parent.
      std::vector<std::string> KeyCols;
      for (const LiveTable &T : Live.Tables)
        if (T.Name == FK->Child)
          KeyCols = T.PrimaryKey;
      std::string Select, Order, On;
      for (const std::string &K : KeyCols) {
        Select += (Select.empty() ? "" : " || ', ' || ") + std::string("coalesce(c.") +
                  quoteIdent(K) + "::text, 'NULL')";
        Order += (Order.empty() ? "" : ", ") + std::string("c.") + quoteIdent(K);
      }
      if (KeyCols.empty()) {
        Select = "c.ctid::text";
        Order = "c.ctid";
      }
      for (size_t K = 0; K < FK->Columns.size(); ++K)
        On += (K ? " AND c." : "c.") + quoteIdent(FK->Columns[K]) + " = p." +
              quoteIdent(FK->ParentColumns[K]);
      Result Row;
      bool Found = step("SELECT " + Select + ", count(*) OVER () FROM " + sqlName(FK->Child) + " c JOIN " +
                   sqlName(FK->Parent) + " p ON " + On + " JOIN " + Marked + " m ON m.tbl = " +
                   std::to_string(Parent->second) +
                   " AND m.toid = p.tableoid AND m.rid = p.ctid ORDER BY " + Order + " LIMIT 1",
               PGRES_TUPLES_OK, {}, "while finding the blocking row", &Row);
      if (Found && PQntuples(Row.get()) == 1) {
        std::string Cols;
        for (const std::string &K : KeyCols)
          Cols += (Cols.empty() ? "" : ", ") + quoteIdent(K);
        std::string Value = PQgetvalue(Row.get(), 0, 0);
        outs() << "first blocking row: " << show(FK->Child.str()) << " "
               << show(KeyCols.empty() ? "ctid=" + Value : "(" + Cols + ")=(" + Value + ")")
               << " (" << PQgetvalue(Row.get(), 0, 1)
               << " blocking row" << (StringRef(PQgetvalue(Row.get(), 0, 1)) == "1" ? "" : "s")
               << ")\n";
      } else if (!Found && !Interrupted) {
        outs() << "first blocking row: not found (" << show(PendingError) << ")\n";
        PendingError.clear();
      }
    }
  } else if (!Constraint.empty()) {
    outs() << "blocked by: constraint " << show(quoteIdent(Constraint)) << " on "
           << show(Child.str()) << "\n";
  }
  if (Interrupted)
    return finish(2);
  outs() << "rows of the delete closure that belong to it:\n";
  printTable(Before, nullptr);
  return finish(1);
}

int Rehearsal::run() {
  if (!step("BEGIN ISOLATION LEVEL REPEATABLE READ", PGRES_COMMAND_OK, {}, "while starting"))
    return finish(2);
  // SET LOCAL through set_config, so the values are bound parameters; checks of DEFERRABLE
  // keys are made at each statement, since this transaction never reaches COMMIT. JIT is off:
  // compiling the counting query costs a second and gains nothing on one root row.
  if (!step("SELECT set_config('lock_timeout', $1, true), set_config('statement_timeout', $2, "
            "true), set_config('idle_in_transaction_session_timeout', $2, true), "
            "set_config('jit', 'off', true)",
            PGRES_TUPLES_OK, {LockTimeout, StatementTimeout}, "while setting the timeouts") ||
      !step("SET CONSTRAINTS ALL IMMEDIATE", PGRES_COMMAND_OK, {}, "while setting the timeouts"))
    return finish(2);
  auto L = readLiveCatalog(Conn);
  if (!L)
    return error(toString(L.takeError()));
  Live = std::move(*L);
  std::vector<const LiveTable *> Matches;
  for (const LiveTable &T : Live.Tables)
    if (RootSpec.matches(T.Name, {}))
      Matches.push_back(&T);
  if (Matches.empty())
    return error("root table '" + RootSpec.Table.str() + "' does not exist in the database");
  if (Matches.size() > 1)
    return error("root table '" + RootSpec.Table.str() + "' is ambiguous (" +
                 Matches[0]->Name.str() + ", " + Matches[1]->Name.str() +
                 "): give its schema, e.g. --root " + Matches[1]->Name.str());
  RootName = Matches[0]->Name;
  KeyColumn = RootSpec.Column;
  if (KeyColumn.empty()) {
    if (Matches[0]->PrimaryKey.size() != 1)
      return error("root table '" + RootName.str() +
                   "' has no single-column primary key: name the key column, e.g. --root '" +
                   RootName.str() + "(id)'");
    KeyColumn = Matches[0]->PrimaryKey[0];
  }

  for (const CatalogForeignKey &FK : Live.ForeignKeys)
    FKs.push_back(&FK);
  CheckOptions Opts;
  Opts.Roots = {RootTable{RootName, KeyColumn}};
  std::vector<DeleteClosure> Closures = analyzeDeletePaths(
      FKs, Opts, [&](const QualifiedName &T, const std::string &C) { return Live.notNull(T, C); });
  Closure.Tables = {RootName};
  for (DeleteClosure &C : Closures)
    if (C.RootName == RootName)
      Closure = std::move(C);
  for (size_t I = 0; I < Closure.Tables.size(); ++I)
    Index[key(Closure.Tables[I])] = I;

  if (!step("CREATE TEMP TABLE cascade_rehearsal (tbl int NOT NULL, toid oid NOT NULL, "
            "rid tid NOT NULL)",
            PGRES_COMMAND_OK, {}, "while counting rows") ||
      !step(markQuery(), PGRES_COMMAND_OK, {Id}, "while counting rows"))
    return finish(2);
  Result Counts;
  if (!step("SELECT tbl, count(*) FROM " + std::string(Marked) + " GROUP BY tbl",
            PGRES_TUPLES_OK, {}, "while counting rows", &Counts))
    return finish(2);
  std::vector<long long> Before(Closure.Tables.size(), 0);
  for (int I = 0; I < PQntuples(Counts.get()); ++I)
    Before[std::stoul(PQgetvalue(Counts.get(), I, 0))] = std::stoll(PQgetvalue(Counts.get(), I, 1));
  if (Before[0] == 0)
    return error("no row of " + RootName.str() + " has " + KeyColumn + " = '" + Id +
                 "': nothing to rehearse");

  if (!step("SAVEPOINT rehearse_delete", PGRES_COMMAND_OK, {}, "while deleting"))
    return finish(2);
  Result Delete;
  if (!step("DELETE FROM " + sqlName(RootName) + " WHERE " + quoteIdent(KeyColumn) + " = $1",
            PGRES_COMMAND_OK, {Id}, "while deleting", &Delete)) {
    std::string State = fieldOr(Delete.get(), PG_DIAG_SQLSTATE);
    if (!Interrupted && StringRef(State).starts_with("23")) {
      PendingError.clear();
      return blocked(Delete.get(), Before);
    }
    return finish(2);
  }
  Result After;
  if (!step(stillThereQuery(), PGRES_TUPLES_OK, {}, "while counting rows after the delete", &After))
    return finish(2);
  std::vector<long long> Deleted = Before;
  for (int I = 0; I < PQntuples(After.get()); ++I)
    Deleted[std::stoul(PQgetvalue(After.get(), I, 0))] -= std::stoll(PQgetvalue(After.get(), I, 1));
  long long Rows = 0, Stayed = 0;
  size_t Tables = 0;
  for (size_t I = 0; I < Deleted.size(); ++I) {
    Rows += Deleted[I];
    Stayed += Before[I] - Deleted[I];
    Tables += Deleted[I] > 0;
  }
  outs() << "rehearse: " << show(RootName.str()) << " " << show(KeyColumn) << "=" << show(Id)
         << ": " << Rows << " row" << (Rows == 1 ? "" : "s") << " in " << Tables << " table"
         << (Tables == 1 ? "" : "s") << " would be deleted\n";
  if (Stayed)
    outs() << "rehearse: " << Stayed << " row" << (Stayed == 1 ? "" : "s")
           << " found through the foreign keys would stay (a trigger or rule kept them)\n";
  printTable(Before, &Deleted);
  return finish(0);
}

} // namespace

int rehearse(int argc, char **argv) {
  cl::HideUnrelatedOptions(Category, Command);
  std::string Errors;
  raw_string_ostream ErrOS(Errors);
  if (!cl::ParseCommandLineOptions(argc, argv,
                                   "cascade-migrate rehearse: what would deleting this row do?\n",
                                   &ErrOS)) {
    errs() << Errors;
    return 2;
  }
  auto Fail = [](const std::string &Message) {
    WithColor::error(errs(), "cascade-migrate") << escapeControl(Message) << "\n";
    return 2;
  };
  if (Db.empty())
    return Fail("rehearse needs --db");
  if (!Id.getNumOccurrences())
    return Fail("rehearse needs --id (the key of the root row)");
  auto Spec = parseRootTable(Root);
  if (!Spec)
    return Fail(toString(Spec.takeError()));
  auto Conn = DbConnection::open(Db);
  if (!Conn)
    return Fail(toString(Conn.takeError()));
  // From here on a signal must not kill the process before the rollback (until here there is
  // nothing to roll back, and the default handlers end a hanging connection attempt).
  PGcancel *Cancel = PQgetCancel((*Conn)->get());
  CancelHandle.store(Cancel);
  installSignalHandlers();
  int Status = Rehearsal(**Conn, *Spec).run();
  CancelHandle.store(nullptr);
  PQfreeCancel(Cancel);
  return Status;
}

} // namespace cascade
