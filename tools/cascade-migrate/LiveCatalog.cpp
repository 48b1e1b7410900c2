#include "LiveCatalog.h"
#include "Connection.h"

#include "llvm/Support/JSON.h"

#include <memory>

namespace cascade {

bool LiveCatalog::notNull(const QualifiedName &Table, const std::string &Column) const {
  auto It = NotNull.find(Table.Schema + "." + Table.Name + "." + Column);
  return It != NotNull.end() && It->second;
}

std::vector<std::string> LiveCatalog::primaryKey(const QualifiedName &Table) const {
  for (const LiveTable &T : Tables)
    if (T.Name == Table)
      return T.PrimaryKey;
  return {};
}

std::vector<QualifiedName> LiveCatalog::tableNames() const {
  std::vector<QualifiedName> Out;
  for (const LiveTable &T : Tables)
    Out.push_back(T.Name);
  return Out;
}

namespace {

/// Each FK with its columns, referenced columns and the child columns' NOT NULL, in name order.
const char *ForeignKeyQuery = R"SQL(
SELECT c.conname, cn.nspname, cc.relname, pn.nspname, pc.relname,
       c.confdeltype, c.confupdtype, c.confmatchtype, c.condeferrable, c.condeferred,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num),
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.num),
       (SELECT json_agg(a.attnotnull ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.num)
  FROM pg_constraint c
  JOIN pg_class cc ON cc.oid = c.conrelid JOIN pg_namespace cn ON cn.oid = cc.relnamespace
  JOIN pg_class pc ON pc.oid = c.confrelid JOIN pg_namespace pn ON pn.oid = pc.relnamespace
 WHERE c.contype = 'f'
   AND cn.nspname NOT IN ('pg_catalog', 'information_schema', 'crdb_internal', 'pg_extension')
 ORDER BY cn.nspname, cc.relname, c.conname
)SQL";

/// Each ordinary or partitioned table with its primary key columns.
const char *TableQuery = R"SQL(
SELECT n.nspname, c.relname,
       (SELECT json_agg(a.attname ORDER BY k.ord) FROM pg_constraint p
               CROSS JOIN LATERAL unnest(p.conkey) WITH ORDINALITY AS k(num, ord)
          JOIN pg_attribute a ON a.attrelid = p.conrelid AND a.attnum = k.num
         WHERE p.conrelid = c.oid AND p.contype = 'p')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p')
   AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'crdb_internal', 'pg_extension')
   AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp\_%'
 ORDER BY n.nspname, c.relname
)SQL";

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
  auto Db = DbConnection::open(ConnInfo);
  if (!Db)
    return Db.takeError();
  if (auto Begin = (*Db)->exec("BEGIN READ ONLY", PGRES_COMMAND_OK); !Begin)
    return Begin.takeError();
  auto L = readLiveCatalog(**Db);
  if (!L)
    return L.takeError();
  if (auto End = (*Db)->exec("COMMIT", PGRES_COMMAND_OK); !End)
    return End.takeError();
  return L;
}

llvm::Expected<LiveCatalog> readLiveCatalog(DbConnection &Db) {
  auto Rows = Db.exec(ForeignKeyQuery, PGRES_TUPLES_OK);
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
    L.ForeignKeys.push_back(std::move(FK));
  }
  auto Tables = Db.exec(TableQuery, PGRES_TUPLES_OK);
  if (!Tables)
    return Tables.takeError();
  for (int I = 0; I < PQntuples(Tables->get()); ++I)
    L.Tables.push_back({{schemaOf(PQgetvalue(Tables->get(), I, 0)), PQgetvalue(Tables->get(), I, 1)},
                        jsonStrings(PQgetvalue(Tables->get(), I, 2))});
  return L;
}

} // namespace cascade
