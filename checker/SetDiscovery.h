// Migration-set discovery: which of the .sql files a walk found replay into one catalog.
// A set is a folder whose direct children carry migration versions (files, or per-migration
// folders such as Diesel's `<version>_name/up.sql`); its base schema is replayed first. Every
// other file is its own catalog. Each group also gets its dialect, detected from folder names
// and content, so that MySQL and SQLite files never reach the PostgreSQL parser.
#ifndef CASCADE_CHECKER_SETDISCOVERY_H
#define CASCADE_CHECKER_SETDISCOVERY_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

/// The dialects a set can have. libpg_query reads auto, postgres and cockroach; mysql and sqlite
/// sets are read by ForeignDialectReader.
enum class SetDialect { Auto, Postgres, Cockroach, Mysql, Sqlite };
std::optional<SetDialect> parseSetDialect(llvm::StringRef Name);
const char *setDialectName(SetDialect D);
/// A PostgreSQL-family dialect; a detected mysql or sqlite wins over the configured Dialect.
inline bool isCheckedDialect(SetDialect D) {
  return D != SetDialect::Mysql && D != SetDialect::Sqlite;
}

/// One .sql file a walk found (down migrations excluded).
struct FoundFile {
  std::string Path;      // as spelled by the walk or the command line
  bool Explicit = false; // named on the command line itself
};

/// One MigrationSets entry of a configuration, with absolute paths.
struct SetOverride {
  std::string Path;                // a folder (or one file)
  std::vector<std::string> Schema; // replayed first, in this order
  std::optional<SetDialect> Dialect;
  std::optional<std::vector<std::string>> RootTables;
  std::string Source; // the configuration file, for messages
};

/// One group: a migration set, or a file checked on its own. Files() is the replay order.
struct SetInfo {
  bool IsSet = false;     // a schema history (a loose file or a lone named migration is not)
  std::string Path;       // the set's folder (or the loose file), as the inputs spell it
  std::string Reason;     // how it was discovered, for --list-sets
  SetDialect Dialect = SetDialect::Auto;
  std::string DialectReason; // "folder name 'mysql'", "AUTO_INCREMENT in x.sql:3", ...
  bool DialectOverridden = false; // set by MigrationSets
  std::vector<std::string> Base;       // replayed first
  std::vector<std::string> Migrations; // then these, in replay order
  std::optional<std::vector<std::string>> RootTables; // from MigrationSets
  std::string OverrideSource; // the configuration whose MigrationSets entry made it
  std::string Folder;         // absolute: the set's folder (or the loose file)
  int DialectFrom = -1; // a down migration linted alone: the group whose dialect it took
  /// Discovery left the dialect to the files' content (DeferContent): decideContentDialect
  /// decides it from the texts the check reads anyway. DialectReason is empty until then.
  bool ContentPending = false;
  std::vector<std::string> files() const;
};

/// Reads a file for dialect detection; nullopt when it cannot be read. Called from several
/// threads at once (llvm::parallel::strategy sets how many).
using SetFileReader = std::function<std::optional<std::string>(llvm::StringRef Path)>;

/// Groups Files (in walk order) into sets and loose files; the groups come in the order of
/// their first file. Overrides claim the files under their Path first. A group that neither
/// names nor configuration give a dialect has its files read and scanned for markers, unless
/// DeferContent: then it is left ContentPending, for whoever reads its files next.
std::vector<SetInfo> discoverSets(const std::vector<FoundFile> &Files,
                                  const std::vector<SetOverride> &Overrides,
                                  const SetFileReader &Read, bool DeferContent = false);

/// One file of a group and its text (nullopt: it could not be read).
struct GroupText {
  llvm::StringRef Path; // as SetInfo::files() spells it
  std::optional<llvm::StringRef> Text;
};

/// Decides a ContentPending group's dialect from its files' texts, in replay order: what
/// discoverSets decides when it reads them itself.
void decideContentDialect(SetInfo &Info, llvm::ArrayRef<GroupText> Texts);

/// The dialect Text's markers point to (backquoted names, AUTO_INCREMENT, ENGINE=, PRAGMA,
/// AUTOINCREMENT, INVERTED INDEX, ...); Why gets the first decisive marker and its line.
std::optional<SetDialect> dialectFromContent(llvm::StringRef Text, std::string &Why);

/// The dialect a folder or file name names (mysql, sqlite3, postgresql, cockroachdb, ...).
std::optional<SetDialect> dialectFromName(llvm::StringRef Name);

} // namespace cascade

#endif
