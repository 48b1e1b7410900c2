// Shared by the analyzer's parse-tree and token-level halves; not part of the library's API.
#ifndef CASCADE_CHECKER_ANALYZERINTERNAL_H
#define CASCADE_CHECKER_ANALYZERINTERNAL_H

#include "Analyzer.h"

#include "CompactJson.h"

namespace cascade {

/// One statement: tokens [First, Last) of Toks, which index the analysed buffer.
struct StatementContext {
  const std::vector<Token> &Toks;
  size_t First, Last;
  Catalog &Cat;
  Analysis &Out;
  const AnalyzerOptions &Opts;
  llvm::StringRef Text; // the analysed buffer Toks index
};

/// Walks a parsed statement (libpg_query JSON, locations relative to Base): records FKs,
/// updates the catalog.
void extractFromParseTree(JsonRef Stmt, size_t Base, StatementContext &Ctx);

/// The token-level scan for text the parser rejects: every REFERENCES clause in the statement.
void extractFromTokens(StatementContext &Ctx);

/// Registers FK in the catalog (its id links back to this definition) and keeps it.
void recordForeignKey(StatementContext &Ctx, ForeignKey FK);

/// Index of the first token at or after byte Offset, within [First, Last).
size_t tokenAt(const StatementContext &Ctx, size_t Offset);

} // namespace cascade

#endif
