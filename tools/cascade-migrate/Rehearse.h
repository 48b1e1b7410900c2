// `cascade-migrate rehearse`: deletes one root row on a live database inside a transaction that
// is always rolled back, and reports what went and what blocked (docs/cascade-migrate.md#rehearse).
#ifndef CASCADE_MIGRATE_REHEARSE_H
#define CASCADE_MIGRATE_REHEARSE_H

namespace cascade {

/// argv[1] is "rehearse". Exit status: 0 the delete would succeed, 1 it would be blocked, 2 an
/// error (no such row, a timeout, a signal, a lost connection, a usage error).
int rehearse(int argc, char **argv);

} // namespace cascade

#endif
