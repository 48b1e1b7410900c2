// The C/C++ front end of cascade-tidy: SQL in string literals, found through clang's AST when a
// compile command covers the file (AST mode) or through the raw lexer (lex mode).
#ifndef CASCADE_TIDY_CXXFRONTEND_H
#define CASCADE_TIDY_CXXFRONTEND_H

#include "SqlFrontEnd.h"

#include "clang/Tooling/CompilationDatabase.h"

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
};

/// Checks the C/C++ files. Returns one report per file that has findings or problems, main
/// files in the order given, headers after the first file that includes them. Compiler
/// errors and mode notes go to Messages (printed before the reports). MissingCommand is set
/// when --cxx-mode=ast met a file no compile command covers.
std::vector<FileReport> checkCxxFiles(const std::vector<std::string> &Files,
                                      const std::vector<FileSettings> &Settings, const CxxRun &Run,
                                      std::string &Messages, bool &MissingCommand);

} // namespace cascade

#endif
