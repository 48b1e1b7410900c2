// The run's migration sets: MigrationSets entries from the configuration, each set's dialect
// and root tables applied to its files, MySQL and SQLite sets set aside, and --list-sets.
#ifndef CASCADE_TIDY_MIGRATIONSETS_H
#define CASCADE_TIDY_MIGRATIONSETS_H

#include "InputFiles.h"
#include "SqlFrontEnd.h"

#include "llvm/Support/raw_ostream.h"

namespace cascade {

/// Regroups the inputs with the MigrationSets entries of the configurations that apply to
/// them. Errors: an entry whose Path or Schema file does not exist.
llvm::Error applyMigrationSets(InputSet &Inputs, SettingsResolver &Resolver);

struct DialectChoice {
  SetDialect Dialect;
  std::string Why;
};

/// --dialect, then the set's MigrationSets Dialect, then a detected mysql or sqlite, then the
/// Dialect key; otherwise what was detected (postgres and cockroach are both read by auto).
DialectChoice effectiveDialect(const SetInfo &Set, const FileSettings &First,
                               bool DialectOnCommandLine);

/// Sets the settings' SQL dialect for a set whose dialect is not read by auto: a MigrationSets
/// Dialect, or a detected (or configured) MySQL or SQLite. --dialect wins over both.
void applySetDialect(const SetInfo &Set, SettingsList &Settings,
                     bool DialectOnCommandLine);

/// A ContentPending set: its dialect decided from the texts its check read (checkSqlGroup's
/// GroupReadHook), then applied to its settings as holdUncheckedSets applies a known one.
void settleContentDialect(SetInfo &Set, llvm::ArrayRef<FileReport> Read,
                          SettingsList &Settings, bool DialectOnCommandLine);

/// Applies each set's MigrationSets Dialect, detected MySQL/SQLite dialect and RootTables (unless
/// the command line gives them) to its files' settings. Every dialect is checked now (MySQL and
/// SQLite by ForeignDialectReader), so no group is held back; the notes are empty.
llvm::Expected<std::vector<std::string>>
holdUncheckedSets(InputSet &Inputs, std::vector<SettingsList> &Settings,
                  bool DialectOnCommandLine, bool RootsOnCommandLine);

/// --list-sets: each set (folder, how found, dialect, base files, migrations in replay
/// order), then the files checked on their own.
void listSets(llvm::raw_ostream &OS, const InputSet &Inputs,
              const std::vector<SettingsList> &Settings, bool DialectOnCommandLine);

} // namespace cascade

#endif
