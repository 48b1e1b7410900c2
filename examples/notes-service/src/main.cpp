// notes-service: connects, creates its schema, exits.
#include "db.h"

#include <cstdio>

namespace notes {
bool createSchema(PGconn *conn);
bool createAudit(PGconn *conn);
} // namespace notes

int main(int argc, char **argv) {
  PGconn *conn = PQconnectdb(argc > 1 ? argv[1] : "");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::fprintf(stderr, "%s", PQerrorMessage(conn));
    return 1;
  }
  bool ok = notes::createSchema(conn) && notes::createAudit(conn);
  PQfinish(conn);
  return ok ? 0 : 1;
}
