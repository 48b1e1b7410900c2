// MySQL and SQLite migrations, which libpg_query cannot parse: a small lexer of their own and a
// tolerant token-level reader that fills the same Analysis and Catalog analyzeSql does, so the
// checks, fix-its, NOLINT and output formats work unchanged (docs/dialects.md).
#ifndef CASCADE_CHECKER_FOREIGNDIALECTREADER_H
#define CASCADE_CHECKER_FOREIGNDIALECTREADER_H

#include "Analyzer.h"

namespace cascade {

inline bool isForeignDialect(Dialect D) { return D == Dialect::Mysql || D == Dialect::Sqlite; }

/// Tokens of Text in D's lexical rules: backquoted and (SQLite) double-quoted or bracketed names,
/// '' strings (MySQL: with backslash escapes), `--` (MySQL: followed by a blank), `#` (MySQL) and
/// /* */ comments. Words are folded to lower case, quoted names kept exact.
TokenStream lexForeignDialect(llvm::StringRef Text, Dialect D);

/// Reads Text as D (Mysql or Sqlite); tables and keys are recorded in Cat.
Analysis readForeignDialect(llvm::StringRef Text, Dialect D, Catalog &Cat);

} // namespace cascade

#endif
