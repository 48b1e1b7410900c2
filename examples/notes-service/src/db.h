// Shared by every translation unit: the statement runner and the one table every part needs.
#pragma once
#include <libpq-fe.h>
#include <string>

namespace notes {

// Included by schema.cpp and audit.cpp: cascade-tidy reports this literal once.
inline const char *kUsersTable = R"sql(
  CREATE TABLE IF NOT EXISTS users (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email TEXT NOT NULL UNIQUE,
    manager_id UUID REFERENCES users(id)
  ))sql";

bool run(PGconn *conn, const std::string &sql);

} // namespace notes
