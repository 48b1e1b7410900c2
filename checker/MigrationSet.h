// Migration layouts and their order: schema files first, then migrations by version, never
// by plain name (9 < 10, 12-digit timestamps beside 14-digit ones).
#ifndef CASCADE_CHECKER_MIGRATIONSET_H
#define CASCADE_CHECKER_MIGRATIONSET_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

struct MigrationFile {
  std::string Path;
  std::vector<uint64_t> Version; // empty when the name carries none
  bool Schema = false;           // schema.sql or a file in a schema(s)/ folder: replayed first
  bool Down = false;             // never replayed
};

/// Recognises `002-x.sql`, `0001_x.sql`, 12/14-digit timestamps, golang-migrate
/// `000001_x.up.sql` / `.down.sql`, Flyway/refinery `V1__x.sql` / `V1.2__x.sql` (`U1__` undo),
/// Diesel `2014-11-13-193911_x/up.sql` / `down.sql`, Prisma `20210101000000_x/migration.sql`.
MigrationFile classifyMigration(llvm::StringRef Path);

/// The version a file or folder name starts with (`0001_x`, `2014-11-13-193911_x`, `V1.2__x`).
std::optional<std::vector<uint64_t>> migrationVersion(llvm::StringRef Name);

/// How messages name a migration: its file name, or `folder/up.sql` for Diesel-style folders.
std::string migrationName(llvm::StringRef Path);

/// Schema files, then versioned files by version, then the rest by path; down files dropped.
std::vector<MigrationFile> orderMigrations(const std::vector<std::string> &Paths);

} // namespace cascade

#endif
