// The C/C++ front end of cascade-tidy: SQL in string literals, found through clang's AST when a
// compile command covers the file (AST mode) or through the raw lexer (lex mode).
#ifndef CASCADE_TIDY_CXXFRONTEND_H
#define CASCADE_TIDY_CXXFRONTEND_H

#include "FileKind.h"
#include "SqlFrontEnd.h"

#include "clang/Tooling/CompilationDatabase.h"

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cascade {

enum class CxxMode { Auto, Ast, Lex };

struct CxxRun {
  CxxMode Mode = CxxMode::Auto;
  /// From -p or `--`; when null, each file's database is auto-detected as clang-tidy does.
  std::shared_ptr<clang::tooling::CompilationDatabase> Database;
  std::string DatabaseSource; // for messages
  unsigned Jobs = 0;
  /// Absolute path -> language, for files whose name does not tell clang (InputSet::CxxLanguage).
  std::map<std::string, FileKind> Language;
  /// --schema/--migrations in replay order: replayed before each TU's literals. When empty, a
  /// file's CxxSchema/CxxMigrations configuration keys name them.
  std::vector<std::string> CatalogPaths;
  /// Absolute path -> an editor's unsaved text, read instead of the file (lex mode).
  std::map<std::string, std::string> Buffers;
};

/// The compilation database in Dir as clang finds it there (compile_commands.json, else
/// compile_flags.txt), each read only when it is a regular file: a FIFO there blocked the run, a
/// link to /dev/zero filled the memory. Null when there is none; null with the file in
/// ErrorPath and why in Error ("not a regular file (a FIFO)") when it is unusable.
std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompilationDatabase(llvm::StringRef Dir, std::string &ErrorPath, std::string &Error);

/// Checks the C/C++ files. Returns one report per file that has findings or problems, main
/// files in the order given, headers after the first file that includes them. Compiler
/// errors and mode notes go to Messages (printed before the reports). MissingCommand is set
/// when --cxx-mode=ast met a file no compile command covers.
std::vector<FileReport> checkCxxFiles(const std::vector<std::string> &Files,
                                      const std::vector<FileSettings> &Settings, const CxxRun &Run,
                                      std::string &Messages, bool &MissingCommand);

} // namespace cascade

#endif
