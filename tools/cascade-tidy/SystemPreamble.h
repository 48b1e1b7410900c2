// AST mode's shared precompiled header of the system headers TUs include first.
//
// Most of a TU's time in AST mode is clang parsing the declarations of the standard headers it
// includes. TUs that begin with the same `#include <...>` lines under the same compile command
// share one PCH of those lines, built once with function bodies skipped (as AST mode skips the
// bodies of system headers anyway) and passed to each TU with `-include-pch`; the TU's own
// include lines then find the headers already included (include guards, `#pragma once`).
// Only a PCH every file of which is a system header is used: its literals would be unchecked.
#ifndef CASCADE_TIDY_SYSTEMPREAMBLE_H
#define CASCADE_TIDY_SYSTEMPREAMBLE_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/StringRef.h"

#include <map>
#include <optional>
#include <mutex>
#include <string>

namespace cascade {

/// An `#include "name"` or `#include <name>` line, read without a preprocessor.
struct IncludeLine {
  llvm::StringRef Name;  // up to the closing quote or '>', or to the end of the line
  bool Quoted = false;   // "name" rather than <name>
  bool Closed = false;   // the closing quote or '>' is there
  llvm::StringRef After; // what follows it, trimmed
};
/// The directive on Line (blanks around '#' and "include" allowed), or nothing.
std::optional<IncludeLine> parseIncludeLine(llvm::StringRef Line);

/// The leading `#include <...>` lines of a C/C++ file, one per line as `#include <name>`; blank
/// lines and comments before and between them are passed over. Empty when the file begins with
/// anything else (a quoted include, a macro definition, a conditional, code).
std::string leadingSystemIncludes(llvm::StringRef Text);

class SystemPreambles {
public:
  SystemPreambles();
  ~SystemPreambles();
  SystemPreambles(const SystemPreambles &) = delete;
  SystemPreambles &operator=(const SystemPreambles &) = delete;

  /// What identifies a shareable preamble of a TU: its compile command (file name left out),
  /// language override and leading system includes. Empty when the TU has none to share.
  static std::string keyOf(const clang::tooling::CompileCommand &Cmd, llvm::StringRef Language,
                           llvm::StringRef Includes);
  /// Counts a TU that will be parsed (before any use): a PCH is built only for a key that
  /// at least two TUs share.
  void count(const std::string &Key);
  /// The PCH to pass to the TU, or "" to parse it without one: the key is not shared, its PCH
  /// did not build or holds a non-system file, or another thread is building it right now (the
  /// TU is parsed in that time rather than waited for).
  std::string pchFor(const std::string &Key, const clang::tooling::CompileCommand &Cmd,
                     const char *Language, llvm::StringRef Includes);

private:
  enum class State { Unbuilt, Building, Ready, Unusable };
  struct Entry {
    size_t Users = 0;
    State S = State::Unbuilt;
    std::string Path;
  };
  std::mutex Mutex;
  std::map<std::string, Entry> Entries;
  std::string Dir; // temporary directory of the headers and PCHs, removed at the end
  size_t Next = 0;

  /// Builds the PCH; "" when it can be used, else why not.
  std::string build(const clang::tooling::CompileCommand &Cmd, const char *Language,
                    llvm::StringRef Includes, const std::string &Header, const std::string &Pch);
};

} // namespace cascade

#endif
