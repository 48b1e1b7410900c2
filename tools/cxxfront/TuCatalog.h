// One catalog per translation unit: the SQL literals of a TU (headers included, in source
// order) replayed into one catalog, after the catalog files it is judged against, so a chain
// built by separate exec() calls is found. Used by cascade-tidy's AST and lex modes and by the
// clang-tidy module.
#ifndef CASCADE_CXXFRONT_TUCATALOG_H
#define CASCADE_CXXFRONT_TUCATALOG_H

#include "CatalogFiles.h"
#include "Checker.h"
#include "StringLiteralMap.h"

#include <functional>
#include <string>
#include <vector>

namespace cascade {

/// One ordinary or UTF-8 literal of the TU.
struct TuLiteral {
  DecodedLiteral Lit;
  /// Evaluated byte offset -> file offset of its spelling.
  std::function<size_t(size_t)> Source;
  bool AllowFixes = true;
  std::string Name; // "schema.h:12": how a note names the literal
};

/// True when the literal takes part in the TU's catalog: it mentions `references`, or it
/// holds a CREATE/ALTER/DROP ... TABLE (a cheap word test; the analyzer decides the rest).
bool isTuSqlCandidate(llvm::StringRef Bytes);

struct TuCheckResult {
  /// Per literal (same order), in file offsets.
  std::vector<std::vector<Finding>> Findings;
  /// The tables of the TU's final catalog (catalog files included): for the lead's
  /// "unknown root" checks.
  std::vector<QualifiedName> Tables;
};

/// Replays Base, then Literals in order, into one catalog and judges every FK the literals
/// define. A literal's findings on its own are kept where the catalog run reports nothing at
/// that offset, so no finding disappears because another literal changed the schema. A
/// DROP TABLE that no later literal follows with a CREATE TABLE of the same table (teardown
/// code) is not replayed.
TuCheckResult checkTranslationUnit(const std::vector<TuLiteral> &Literals,
                                   const std::vector<CatalogText> &Base,
                                   const CheckerOptions &Opts);

/// The table names (schema.table for a schema other than public) in R.Tables.
std::vector<std::string> tuTableNames(const TuCheckResult &R);

} // namespace cascade

#endif
