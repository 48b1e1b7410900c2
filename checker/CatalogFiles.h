// SQL files replayed into a catalog before other input is checked against it: the schema files
// and migrations of --schema/--migrations and of the CxxSchema/CxxMigrations configuration keys.
#ifndef CASCADE_CHECKER_CATALOGFILES_H
#define CASCADE_CHECKER_CATALOGFILES_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <vector>

namespace cascade {

/// One replayed file: how notes name it, and the SQL (down sections blanked).
struct CatalogText {
  std::string Name;
  std::string Path;
  std::string Sql;
};

/// The schema files as given, then the .sql files under MigrationsDir (any depth) in replay
/// order: schema files first, then by version; down migrations left out. Errors name the path:
/// "db/schema.sql: no such file", "db/migrations: not a directory".
llvm::Expected<std::vector<std::string>>
catalogFilePaths(const std::vector<std::string> &Schemas, const std::string &MigrationsDir);

/// Reads the files (regular files of at most MaxBytes, UTF-8 text). Errors name the file.
llvm::Expected<std::vector<CatalogText>> loadCatalogTexts(const std::vector<std::string> &Paths,
                                                          uint64_t MaxBytes);

} // namespace cascade

#endif
