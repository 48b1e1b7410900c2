#include "LiveCatalog.h"

#include "llvm/Support/JSON.h"

#include <libpq-fe.h>
#include <memory>
#include <regex>

namespace cascade {

bool LiveCatalog::notNull(const QualifiedName &Table, const std::string &Column) const {
  auto It = NotNull.find(Table.Schema + "." + Table.Name + "." + Column);
  return It != NotNull.end() && It->second;
}

std::vector<std::string> LiveCatalog::primaryKey(const QualifiedName &Table) const {
  auto It = PrimaryKeys.find(Table.Schema + "." + Table.Name);
  return It == PrimaryKeys.end() ? std::vector<std::string>{} : It->second;
}

std::string redactConnInfo(const std::string &ConnInfo) {
  // URI form: scheme://user:password@host; keyword form: password=... ; query: ?password=...
  std::string Out = std::regex_replace(ConnInfo, std::regex("(://[^:/@]*:)[^@]*@"), "$1***@");
  Out = std::regex_replace(Out, std::regex("(password\\s*=\\s*)('([^'\\\\]|\\\\.)*'|[^\\s&]*)",
                                           std::regex::icase),
                           "$1***");
  return Out;
}

namespace {

/// Each FK with its columns, referenced columns, the child columns' NOT NULL and the child
/// table's primary key, in name order.
const char *ForeignKeyQuery = R"SQL(
SELECT c.conname, cn.nspname, cc.relname, pn.nspname, pc.relname,
       c.confdeltype, c.confupdtype, c.confmatchtype, c.condeferrable, c.condeferred,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num),
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num),
       (SELECT json_agg(a.attnotnull ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num),
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM pg_constraint p, unnest(p.conkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attnum = k.num
         WHERE p.conrelid = c.conrelid AND p.contype = 'p' AND a.attrelid = p.conrelid)
  FROM pg_constraint c
  JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
  JOIN pg_class pc ON pc.oid = c.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
 WHERE c.contype = 'f'
   AND cn.nspname NOT IN ('pg_catalog', 'information_schema', 'crdb_internal', 'pg_extension')
 ORDER BY cn.nspname, cc.relname, c.conname
)SQL";

struct ConnDeleter {
  void operator()(PGconn *C) const { PQfinish(C); }
};
struct ResultDeleter {
  void operator()(PGresult *R) const { PQclear(R); }
};
using Conn = std::unique_ptr<PGconn, ConnDeleter>;
using Result = std::unique_ptr<PGresult, ResultDeleter>;

std::string schemaOf(const char *Nsp) { return std::string(Nsp) == "public" ? "" : Nsp; }

std::vector<std::string> jsonStrings(const char *Text) {
  std::vector<std::string> Out;
  auto V = llvm::json::parse(Text ? Text : "null");
  if (!V) {
    llvm::consumeError(V.takeError());
    return Out;
  }
  if (const llvm::json::Array *A = V->getAsArray())
    for (const llvm::json::Value &E : *A) {
      if (auto S = E.getAsString())
        Out.push_back(S->str());
      else if (auto B = E.getAsBoolean())
        Out.push_back(*B ? "t" : "f");
    }
  return Out;
}

} // namespace

llvm::Expected<LiveCatalog> readLiveCatalog(const std::string &ConnInfo) {
  std::string Password;
  auto Scrub = [&](std::string Message) {
    while (!Message.empty() && (Message.back() == '\n' || Message.back() == ' '))
      Message.pop_back();
    if (!Password.empty())
      for (size_t At; (At = Message.find(Password)) != std::string::npos;)
        Message.replace(At, Password.size(), "***");
    // libpq quotes the whole connection string in some errors (an unparsable URI).
    return redactConnInfo(Message);
  };
  char *ParseError = nullptr;
  if (PQconninfoOption *Opts = PQconninfoParse(ConnInfo.c_str(), &ParseError)) {
    for (PQconninfoOption *O = Opts; O->keyword; ++O)
      if (std::string(O->keyword) == "password" && O->val)
        Password = O->val;
    PQconninfoFree(Opts);
  } else {
    std::string Why = ParseError ? ParseError : "invalid connection string";
    PQfreemem(ParseError);
    return llvm::createStringError("invalid --db connection string " + redactConnInfo(ConnInfo) +
                                   ": " + Scrub(Why));
  }
  Conn C(PQconnectdb(ConnInfo.c_str()));
  if (PQstatus(C.get()) != CONNECTION_OK)
    return llvm::createStringError("cannot connect to " + redactConnInfo(ConnInfo) + ": " +
                                   Scrub(PQerrorMessage(C.get())));
  auto Exec = [&](const char *Sql, ExecStatusType Want) -> llvm::Expected<Result> {
    Result R(PQexec(C.get(), Sql));
    if (PQresultStatus(R.get()) != Want)
      return llvm::createStringError("query failed on " + redactConnInfo(ConnInfo) + ": " +
                                     Scrub(PQerrorMessage(C.get())));
    return R;
  };
  if (auto Begin = Exec("BEGIN READ ONLY", PGRES_COMMAND_OK); !Begin)
    return Begin.takeError();
  auto Rows = Exec(ForeignKeyQuery, PGRES_TUPLES_OK);
  if (!Rows)
    return Rows.takeError();
  LiveCatalog L;
  PGresult *R = Rows->get();
  for (int I = 0; I < PQntuples(R); ++I) {
    CatalogForeignKey FK;
    FK.Id = static_cast<unsigned>(I);
    FK.Name = PQgetvalue(R, I, 0);
    FK.Child = {schemaOf(PQgetvalue(R, I, 1)), PQgetvalue(R, I, 2)};
    FK.Parent = {schemaOf(PQgetvalue(R, I, 3)), PQgetvalue(R, I, 4)};
    FK.OnDelete = static_cast<Action>(PQgetvalue(R, I, 5)[0]);
    FK.OnUpdate = static_cast<Action>(PQgetvalue(R, I, 6)[0]);
    FK.Match = PQgetvalue(R, I, 7)[0];
    FK.Deferrable = PQgetvalue(R, I, 8)[0] == 't';
    FK.InitiallyDeferred = PQgetvalue(R, I, 9)[0] == 't';
    FK.Columns = jsonStrings(PQgetvalue(R, I, 10));
    FK.ParentColumns = jsonStrings(PQgetvalue(R, I, 11));
    std::vector<std::string> NotNull = jsonStrings(PQgetvalue(R, I, 12));
    for (size_t K = 0; K < FK.Columns.size() && K < NotNull.size(); ++K)
      L.NotNull[FK.Child.Schema + "." + FK.Child.Name + "." + FK.Columns[K]] = NotNull[K] == "t";
    L.PrimaryKeys[FK.Child.Schema + "." + FK.Child.Name] = jsonStrings(PQgetvalue(R, I, 13));
    L.ForeignKeys.push_back(std::move(FK));
  }
  if (auto End = Exec("COMMIT", PGRES_COMMAND_OK); !End)
    return End.takeError();
  return L;
}

} // namespace cascade
