// The audit log, and the statement runner.
#include "db.h"

#include <cstdio>

namespace notes {

static const char *kAudit = "CREATE TABLE IF NOT EXISTS audit_log ("
                            "actor_id UUID REFERENCES users (id) MATCH FULL ON UPDATE CASCADE, "
                            "action TEXT NOT NULL, at TIMESTAMPTZ NOT NULL DEFAULT now())";

// A wide literal is not read as SQL (the tool says so where it mentions references).
static const wchar_t *kLegacy = L"CREATE TABLE legacy (u UUID REFERENCES users(id))";

bool run(PGconn *conn, const std::string &sql) {
  PGresult *res = PQexec(conn, sql.c_str());
  bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  if (!ok)
    std::fprintf(stderr, "%s\n", PQerrorMessage(conn));
  PQclear(res);
  return ok;
}

bool createAudit(PGconn *conn) { return run(conn, kAudit) && kLegacy != nullptr; }

} // namespace notes
