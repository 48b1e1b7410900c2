// What a file named on the command line is: SQL or C/C++. Extensions decide in a walk; a named
// file is also judged by the compile database and, without a known extension, by its content.
#ifndef CASCADE_TIDY_FILEKIND_H
#define CASCADE_TIDY_FILEKIND_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>

namespace cascade {

enum class FileKind { Sql, C, Cxx };

/// --language: "sql", "c" or "c++" (clang's -x spellings "c++" and "cxx" both work).
std::optional<FileKind> parseLanguage(llvm::StringRef Name);

/// The name clang's -x takes for a C/C++ kind: "c" or "c++".
const char *clangLanguage(FileKind K);

/// What the text looks like: C/C++ when preprocessor directives, `//` comments, braces and
/// C++ keywords outweigh lines that start SQL statements; SQL on a tie (the old default).
FileKind kindFromContent(llvm::StringRef Text);

/// Whether a compilation database lists a file: the -p one when given, else the
/// compile_commands.json found walking up from the file, as clang-tidy finds it. Only a JSON
/// database lists files (compile_flags.txt and `--` cover any file).
class DatabaseListing {
public:
  explicit DatabaseListing(const clang::tooling::CompilationDatabase *Given);
  bool lists(llvm::StringRef Path);
  /// The real paths of the files the database that covers RealDir (a real, absolute path)
  /// lists; null when none does. A walk asks once per folder, not once per file: at a
  /// repository's root most files have neither a .sql nor a C/C++ extension.
  const std::set<std::string> *filesFor(llvm::StringRef RealDir);

private:
  const std::set<std::string> *filesIn(const std::string &Dir);
  std::optional<std::set<std::string>> GivenFiles;
  std::map<std::string, const std::set<std::string> *> ByDir; // directory -> its database's files
  std::deque<std::set<std::string>> Loaded; // one per compile_commands.json read
};

/// The kind of a file named on the command line: Language when given, else by extension
/// (.sql, IsCxxExtension), else C++ when the database lists it, else by content.
/// ExtensionDecided tells whether clang would know the language from the name alone.
FileKind explicitFileKind(llvm::StringRef Path, std::optional<FileKind> Language,
                          bool IsCxxExtension, DatabaseListing *Listing, bool &ExtensionDecided);

} // namespace cascade

#endif
