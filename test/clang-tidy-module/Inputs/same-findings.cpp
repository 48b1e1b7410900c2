// Every literal kind at once, for comparing cascade-tidy's AST mode with the module.
#include <string>

#define TAGS_TABLE "CREATE TABLE tags (note_id UUID REFERENCES users(id))"
#define SQL(x) #x
#define RUN_SQL(s) (s)

const char *kPlain = "CREATE TABLE a (u UUID REFERENCES users(id))";
const char *kConcat = "CREATE TABLE b ("
                      "u UUID REFERENCES users(id) ON DELETE NO ACTION"
                      ")";
const char *kRaw = R"sql(CREATE TABLE c (u UUID NOT NULL REFERENCES users(id) ON DELETE SET NULL))sql";
const char *kEscaped = "CREATE TABLE \"d\" (p TEXT DEFAULT '\\', u UUID REFERENCES users)";
const char *kU8 = u8"CREATE TABLE e (u UUID REFERENCES users(id) ON DELETE RESTRICT)";
const char *kMacro = TAGS_TABLE;
const char *kStringized = SQL(CREATE TABLE f (u UUID REFERENCES users(id)));
const char *kArgument = RUN_SQL("CREATE TABLE g (u UUID REFERENCES users(id))");
const char *kChain = "CREATE TABLE lists (id UUID PRIMARY KEY, owner UUID REFERENCES users(id) ON DELETE CASCADE);"
                     "CREATE TABLE items (id UUID PRIMARY KEY, list UUID REFERENCES lists(id))";
const char *kSelf = "CREATE TABLE users (id UUID PRIMARY KEY, manager UUID REFERENCES users(id))";
const char *kNolint = "CREATE TABLE h (u UUID REFERENCES users(id))"; // NOLINT(cascade-missing-on-delete)
const char *kProse = "error: this row references users(id) that no longer exist";

std::string fragment() {
  std::string sql = "CREATE TABLE r (id UUID PRIMARY KEY, ";
  sql += "user_id uuid NOT NULL REFERENCES users(id), ";
  return sql + ")";
}
