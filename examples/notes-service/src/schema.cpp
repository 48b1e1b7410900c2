// Creates the service's tables at start-up.
#include "db.h"

#include <string>
#include <vector>

#define TAGS_TABLE "CREATE TABLE IF NOT EXISTS tags (note_id UUID REFERENCES notes(id), label TEXT)"

namespace notes {

static const char *kNotes =
    "CREATE TABLE IF NOT EXISTS notes ("
    "  id UUID PRIMARY KEY DEFAULT gen_random_uuid(),"
    "  author_id UUID NOT NULL REFERENCES users(id),"
    "  body TEXT NOT NULL"
    ")";

static const char *kShares = R"sql(
  CREATE TABLE IF NOT EXISTS shares (
    note_id UUID NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    shared_with UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL
  ))sql";

static const char *kAttachments =
    u8"CREATE TABLE IF NOT EXISTS attachments (note_id UUID REFERENCES notes(id) ON DELETE CASCADE, "
    u8"uploaded_by UUID REFERENCES users(id) ON DELETE RESTRICT, name TEXT)";

// Two tables in one literal: the chain inside it is checked too (checklist_items blocks the
// delete that cascades from users into checklists).
static const char *kChecklists =
    "CREATE TABLE IF NOT EXISTS checklists (id UUID PRIMARY KEY,"
    " owner_id UUID NOT NULL REFERENCES users(id) ON DELETE CASCADE);"
    " CREATE TABLE IF NOT EXISTS checklist_items (id UUID PRIMARY KEY,"
    " checklist_id UUID NOT NULL REFERENCES checklists(id), label TEXT)";

// Columns assembled at run time: each piece is checked on its own.
static std::string remindersTable() {
  std::string sql = "CREATE TABLE IF NOT EXISTS reminders (id UUID PRIMARY KEY, ";
  sql += "user_id uuid NOT NULL REFERENCES users(id), ";
  sql += "note_id uuid REFERENCES notes(id) ON DELETE CASCADE, ";
  sql += "remind_at TIMESTAMPTZ NOT NULL)";
  return sql;
}

bool createSchema(PGconn *conn) {
  std::vector<std::string> statements = {kUsersTable, kNotes, kShares, kAttachments,
                                         remindersTable(), TAGS_TABLE, kChecklists};
  // Kept without cascade on purpose: legal hold. NOLINTNEXTLINE(cascade-missing-on-delete)
  statements.push_back("CREATE TABLE IF NOT EXISTS holds (user_id UUID REFERENCES users(id))");
  for (const std::string &sql : statements)
    if (!run(conn, sql)) {
      // Prose, not SQL: stays quiet.
      fprintf(stderr, "error: this row references users(id) that no longer exist\n");
      return false;
    }
  return true;
}

} // namespace notes
