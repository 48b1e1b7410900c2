// The schema an embedded test fixture creates. CONSUMER_SESSIONS comes from the target's compile
// definitions: only a check that reads the build's compile database skips the #else branch.
#ifdef CONSUMER_SESSIONS
static const char *kSchema =
    "CREATE TABLE sessions (id BIGINT PRIMARY KEY, user_id BIGINT NOT NULL REFERENCES users(id))";
#else
static const char *kSchema = "CREATE TABLE unused (u BIGINT REFERENCES users(id))";
#endif

int main() { return kSchema[0] == 'C' ? 0 : 1; }
