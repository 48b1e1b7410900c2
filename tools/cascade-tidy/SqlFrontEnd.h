// The .sql front end: reads a migration, runs the checker, applies SQL-comment suppressions.
// It only maps byte offsets to locations; what the SQL means is the checker's business.
#ifndef CASCADE_TIDY_SQLFRONTEND_H
#define CASCADE_TIDY_SQLFRONTEND_H

#include "Checker.h"
#include "Config.h"
#include "ConfigFinder.h"
#include "GlobList.h"
#include "RegularFile.h"

#include "llvm/ADT/STLFunctionalExtras.h"

#include <memory>
#include <mutex>
#include <map>
#include <set>
#include <string>

namespace cascade {

/// Everything that decides how one file is checked.
struct FileSettings {
  CheckerOptions Checker;
  GlobList WarningsAsErrors;
  bool Frozen = false;
  bool IncludeDown = false;
  uint64_t MaxInputBytes = DefaultMaxInputBytes;
  std::string ChecksSource; // "Checks '-*' in /x/.cascade-tidy.yaml", for messages
  std::string DialectName = "auto"; // as configured; mysql and sqlite files are not parsed
  std::string DialectSource;        // " on the command line", " in /x/.cascade-tidy.yaml"
  std::string RootsSource;  // "--root", "RootTables in /x/.cascade-tidy.yaml"; "" for the default
  /// CxxSchema/CxxMigrations (absolute): what C/C++ files are judged against.
  std::vector<std::string> CxxSchema;
  std::string CxxMigrations;
  std::string CxxCatalogSource; // the configuration file that named them
  bool enablesAnyCheck() const;
  /// Whether a check that follows keys from the root tables is enabled (not the parse-only
  /// cascade-diagnostic-error): only then do the root tables matter (docs/roots.md).
  bool checksDeletePaths() const;
};

/// The settings of a group's files, by file. Consecutive files under one configuration (the
/// same configuration file, the same FrozenMigrations verdict) share one FileSettings instead
/// of a copy each: copying them was a tenth of the serial start of a 5,000-file run and a third
/// of its heap. A change
/// to an entry is a change for every file that shares it: the changes a group gets (its
/// dialect, its MigrationSets roots) are the whole group's.
class SettingsList {
public:
  /// The next file's settings, an entry of its own.
  void push_back(FileSettings S) { add(std::move(S), {}); }
  /// Origin names where S came from (SettingsResolver::addFile: the configuration directory
  /// and the FrozenMigrations verdict); a file whose Origin is the previous file's shares its
  /// entry. A null Origin.first shares with nothing.
  using OriginKey = std::pair<const void *, bool>;
  bool shareWithLast(OriginKey Origin, uint64_t MaxInputBytes) {
    if (Index.empty() || !Origin.first || Origins[Index.back()] != Origin ||
        Distinct[Index.back()].MaxInputBytes != MaxInputBytes)
      return false;
    Index.push_back(Index.back());
    return true;
  }
  void add(FileSettings S, OriginKey Origin) {
    Distinct.push_back(std::move(S));
    Origins.push_back(Origin);
    Index.push_back(static_cast<unsigned>(Distinct.size() - 1));
  }
  size_t size() const { return Index.size(); }
  bool empty() const { return Index.empty(); }
  const FileSettings &operator[](size_t I) const { return Distinct[Index[I]]; }
  const FileSettings &front() const { return (*this)[0]; }
  /// The first file's own settings, split from the files that shared them.
  FileSettings &ownFront();
  /// Whether file I shares its settings with file I - 1.
  bool sharedWithPrevious(size_t I) const { return I > 0 && Index[I] == Index[I - 1]; }
  /// Each entry once, for a change to the whole group.
  std::vector<FileSettings> &entries() { return Distinct; }

private:
  std::vector<FileSettings> Distinct;
  std::vector<OriginKey> Origins; // per entry
  std::vector<unsigned> Index;    // per file: its entry in Distinct
};

/// "no checks enabled: Checks 'x' on the command line matches none of cascade-...": a run
/// whose files all have no check enabled stops with it instead of reporting nothing.
std::string noChecksMessage(const FileSettings &S);

struct FileReport {
  std::string Path;
  std::string Text;              // the bytes as read
  std::vector<Finding> Findings; // after suppression
  unsigned Suppressed = 0;
  std::string ReadError;         // set when the file could not be read: exit status 2
  bool Undecodable = false;      // NUL bytes or invalid UTF-8: exit status 2
  bool Frozen = false;
  GlobList WarningsAsErrors;
  std::vector<CreatedTable> Tables;      // SQL: tables it creates (RootCheck.h)
  std::vector<QualifiedName> Referenced; // SQL: parents of its FKs
  std::vector<std::string> Placeholders; // SQL: those it names tables with (`:schema`)
  /// The findings as text output prints them, rendered by the worker that checked the file
  /// (printing is the serial part of a run); empty when not rendered.
  std::string Rendered;
};

/// A read error as the diagnostic shows it: "not a regular file (a FIFO); skipped", "file is
/// larger than the limit of 64 MiB (N bytes); skipped: raise --max-input-size to check it".
std::string describeReadError(llvm::Error E);

/// What a language server adds to the check of a set.
struct EditorView {
  /// Path (as in Paths) -> the text to check instead of the file's: an editor's unsaved buffer,
  /// or the file as read before. Not owned: it must outlive the call.
  std::map<std::string, const std::string *> Buffers;
  /// The paths whose findings are wanted (the open files); the others are only replayed.
  std::set<std::string> Reported;
  /// The paths whose Buffers text is known to be valid UTF-8 without NUL (checked when read).
  std::set<std::string> Validated;
  SetReplayCache *Cache = nullptr; // see checkSet
};

/// Called once a group's files are read (their reports hold the texts, or why a file could not
/// be read), before any is checked: it may still change the group's settings, as a dialect
/// decided from the files' content does (docs/migration-sets.md).
using GroupReadHook = llvm::function_ref<void(llvm::ArrayRef<FileReport> Read)>;

/// Checks files as one schema history, replayed in the given order into one catalog.
std::vector<FileReport> checkSqlGroup(const std::vector<std::string> &Paths,
                                      const SettingsList &Settings,
                                      EditorView *Editor = nullptr, GroupReadHook OnRead = {});

/// Command-line settings over the nearest .cascade-tidy.yaml (or, without one, the cascade
/// CheckOptions of the nearest .clang-tidy) over built-in defaults.
class SettingsResolver {
public:
  SettingsResolver(Config CommandLine, std::optional<Config> ExplicitFile, bool IncludeDown)
      : CommandLine(std::move(CommandLine)), Explicit(std::move(ExplicitFile)),
        IncludeDown(IncludeDown) {}
  /// Errors: an invalid Dialect or root table; an empty RootTables. Path may name a directory
  /// (its own settings) unless KnownFile says it is an input file found as one.
  llvm::Expected<FileSettings> forFile(const std::string &Path, bool KnownFile = false);
  /// Adds Path's settings to List, shared with the previous file's when they are the same
  /// (the same configuration file and FrozenMigrations verdict).
  /// Paths: absolute paths of many files in a row (main's inputs), when given.
  llvm::Error addFile(SettingsList &List, const std::string &Path, bool KnownFile = false,
                      AbsolutePaths *Paths = nullptr);
  /// The merged configuration that applies to Path.
  llvm::Expected<Config> effectiveConfig(const std::string &Path);
  /// "# RootTables: from /x/.clang-tidy" lines for --dump-config, one per key not a default.
  llvm::Expected<std::string> originComments(const std::string &Path);
  uint64_t MaxInputBytes = DefaultMaxInputBytes; // --max-input-size

private:
  llvm::Expected<std::optional<FoundConfig>> fileConfig(const std::string &Path);
  llvm::Expected<FileSettings> settingsFor(const std::string &Path,
                                           std::vector<std::string> &FrozenPatterns);
  /// forFile's work per configuration: the settings (Frozen unset) and the absolute
  /// FrozenMigrations patterns, by the configuration file they come from (its path and
  /// folder), and the entry of each directory asked about. ConfigFinder caches per directory
  /// too, so this changes nothing.
  using SettingsEntry = std::pair<FileSettings, std::vector<std::string>>;
  std::map<std::string, SettingsEntry> ByConfig;
  std::map<std::string, const SettingsEntry *> ByDirectory;
  /// Finds (or makes) Dir's entry; Abs is the file's absolute path, for Frozen.
  llvm::Expected<const SettingsEntry *>
  directoryEntry(const std::string &Path, bool KnownFile, std::string &Abs,
                 AbsolutePaths *Paths = nullptr);
  std::mutex ByDirectoryLock;
  Config CommandLine;
  std::optional<Config> Explicit;
  bool IncludeDown;
  ConfigFinder Finder;
};

} // namespace cascade

#endif
