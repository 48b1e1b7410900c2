// A column definition held alone (appended to a std::string at run time) is SQL: flagged and
// fixed. The other pieces hold no REFERENCES clause.
// RUN: bash %utils/cxx-fix-and-check.sh %s %t lex
#include <string>
std::string remindersTable() {
  std::string sql = "CREATE TABLE reminders (id UUID PRIMARY KEY, ";
  sql += "user_id uuid NOT NULL REFERENCES users(id), ";
// CHECK: fragment.cpp:[[@LINE-1]]:33: warning: foreign key (user_id) references users(id) without ON DELETE CASCADE; deleting a user fails here [cascade-missing-on-delete]
// FIXED: {{^}}  sql += "user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE, ";{{$}}
  sql += "remind_at TIMESTAMPTZ NOT NULL)";
  return sql;
}
