// Which files a run looks at: paths expanded, directories walked, down migrations set aside.
#ifndef CASCADE_TIDY_INPUTFILES_H
#define CASCADE_TIDY_INPUTFILES_H

#include "SetDiscovery.h"
#include "FileKind.h"
#include "RegularFile.h" // absolutePath

#include "llvm/Support/Error.h"
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cascade {

struct InputProblem {
  std::string Path;
  std::string Message;
};

struct InputSet {
  /// Each group is checked against one catalog: a migration set found by discoverSets (its
  /// base schema, then its migrations by version), or a file on its own (a file outside any
  /// set, a down migration linted with --include-down).
  std::vector<std::vector<std::string>> Groups;
  /// Parallel to Groups: what each group is (IsSet, dialect, how it was discovered).
  std::vector<SetInfo> Sets;
  std::vector<FoundFile> Found;           // the .sql files discovery grouped
  std::vector<std::string> LintedDown;    // down migrations linted on their own
  std::vector<std::string> CxxFiles; // C and C++ sources and headers
  std::vector<InputProblem> Problems;      // unreadable paths: exit status 2
  std::vector<InputProblem> Notes;         // what a walk did not enter (symlink cycles)
  std::vector<std::string> SkippedDown;    // down migrations not linted
  std::vector<std::string> SkippedExplicit; // named on the command line but skipped
  /// C/C++ files named on the command line whose name does not tell clang their language
  /// (no extension, --language): the -x their compile command needs.
  std::map<std::string, FileKind> CxxLanguage;
  /// InputOptions::DeferDialect, for a regrouping (MigrationSets).
  bool DeferDialect = false;
};

struct InputOptions {
  bool IncludeDown = false;
  std::vector<std::string> Excludes; // globs matched against the path and the file name
  std::vector<std::string> CxxExtensions{".c", ".cc", ".cpp", ".cxx", ".h", ".hh",
                                         ".hpp", ".hxx", ".ipp"};
  bool isCxx(llvm::StringRef Path) const;
  /// The kind of a file named on the command line (FileKind.h: explicitFileKind); unset: by
  /// extension. A walk always goes by extension.
  std::function<FileKind(llvm::StringRef Path, bool &ExtensionDecided)> ExplicitKind;
  /// A walk takes a file without a C/C++ or .sql extension only when a compilation database
  /// lists it (then as C++): this gives, for a folder's real path, the real paths of the files
  /// the database that covers it lists (null: none does); unset: never.
  std::function<const std::set<std::string> *(llvm::StringRef RealDir)> DatabaseFiles;
  /// Leave a set's dialect to the check (SetInfo::ContentPending) when only its files' content
  /// can decide it: the check reads them anyway, once, in the worker that checks the set.
  /// Whoever needs every dialect before checking (--list-sets, the language server) leaves it
  /// off. Down migrations linted alone take their set's dialect: with any, nothing is left.
  bool DeferDialect = false;
};

/// P with symlinks resolved; P itself when it cannot be resolved (a dangling link).
std::string realPathOr(llvm::StringRef P);

/// *.down.sql, down.sql in a migration folder, or a Flyway undo file (U1__x.sql).
bool isDownMigration(llvm::StringRef Path);

/// Groups In.Found into sets (MigrationSets entries first) and adds In.LintedDown, each on
/// its own; fills In.Groups and In.Sets.
void groupInputs(InputSet &In, const std::vector<SetOverride> &Overrides);

InputSet collectInputs(const std::vector<std::string> &Paths, const InputOptions &Opts);

/// Writes --fix's result to Path (through a symlink: to the file it names). Normally through a
/// temporary file in the same directory and a rename, with the old file's owner, group and
/// mode; in place when the file has several hard links, when the owner cannot be kept, or
/// when the directory takes no new file. A file we may not write (for root: one with no write
/// bit) is refused unless RewriteReadOnly.
llvm::Error writeFixedFile(llvm::StringRef Path, llvm::StringRef Contents, bool RewriteReadOnly);

} // namespace cascade

#endif
