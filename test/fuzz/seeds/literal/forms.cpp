const char *a = "CREATE TABLE n (u int REFERENCES users(id))";
const char *b = "CREATE TABLE n (" "u int REFERENCES "
                /* between */ "users(id)\x29";
const char *c = R"sql(CREATE TABLE n (u int REFERENCES users(id)))sql";
const char *d = u8"CREATE TABLE \u00e9 (u int REFERENCES users(id)\
)";
const char *e = "CREATE TABLE \"q\" (u int REFERENCES users(id)\101\n)";
auto f = L"REFERENCES users";
const char *g = R"(x)" "REFERENCES users(id)";
const char *h = "unterminated REFERENCES
