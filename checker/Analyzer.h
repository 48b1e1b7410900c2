// SQL text in, foreign keys and input diagnostics out: the front half of every check run.
#ifndef CASCADE_CHECKER_ANALYZER_H
#define CASCADE_CHECKER_ANALYZER_H

#include "Catalog.h"
#include "DialectNormalizer.h"
#include "Finding.h"
#include "ForeignKey.h"
#include "Tokens.h"

#include "llvm/ADT/StringRef.h"
#include <memory>
#include <string>
#include <vector>

namespace cascade {

struct AnalyzerOptions {
  Dialect SqlDialect = Dialect::Auto;
  /// Text that need not be whole statements (SQL inside C/C++ string literals): statements that
  /// do not parse are scanned for FK clauses without a syntax-error diagnostic, and clauses
  /// must have the shape of a column definition or FOREIGN KEY clause.
  bool Fragments = false;
};

struct Analysis {
  std::vector<ForeignKey> ForeignKeys; // in definition order (Catalog indexes them)
  std::vector<Finding> Diagnostics;    // problems with the input (syntax errors)
  std::vector<Token> Comments;         // for suppression comments
  /// The template placeholders (`:name`, `${name}`) the text names tables and columns with,
  /// as written: messages and cascade-migrate leave them unquoted (KnownPlaceholders).
  std::vector<std::string> Placeholders;
};

/// A text's scan and statement parses, made ahead of its analysis (prepareSql).
struct PreparedSql;

/// Analyses Text. Tables created in it are recorded in Cat (which may hold earlier files).
/// With Prepared (prepareSql of the same text and options), its scan and parses are used.
Analysis analyzeSql(llvm::StringRef Text, const AnalyzerOptions &Opts, Catalog &Cat,
                    const PreparedSql *Prepared = nullptr);

/// Scans and parses Text as analyzeSql will, without a catalog: the files of one migration set
/// can be prepared in parallel, then analysed in order, each from its record. Thread-safe.
std::shared_ptr<PreparedSql> prepareSql(llvm::StringRef Text, const AnalyzerOptions &Opts);

/// Keeps each text's tokens and each statement's parse tree between calls of analyzeSql, for a
/// process that checks the same texts again and again with small edits (the language server):
/// an unchanged file is not scanned again, an unchanged statement not parsed again. Off by
/// default (a one-shot run would only pay for the copies); thread-safe; bounded.
void setAnalysisCache(bool On);

/// A point inside a text analysed before, from which analyzeSqlResuming can go on: the
/// language server's edited file is re-analysed from the statement the edit is in.
struct ResumePoint {
  std::string Scanned; // the analysed text (after dialect normalization) of the run that took it
  size_t Offset = 0;   // the start of a top-level statement: all before it is in Cat and Out
  Catalog Cat;
  Analysis Out; // ForeignKeys and the statements' Diagnostics so far (no comments, no scanner error)
};

/// analyzeSql that, when Resume holds a point whose text before its Offset is this text's, does
/// not analyse the statements before it again: Cat and the result go on from the point. It takes
/// a new point before the top-level statement that ends after byte TakeAt (where this text starts
/// to differ from the last one), and stores it in Resume for the next call. Start is the catalog
/// before this text, the same as when the point was taken; Cat is overwritten (from the point,
/// or from Start when the point cannot be used), so that a resumed run copies one catalog only.
Analysis analyzeSqlResuming(llvm::StringRef Text, const AnalyzerOptions &Opts, Catalog &Cat,
                            const Catalog &Start, std::optional<ResumePoint> &Resume,
                            size_t TakeAt);

/// CASCADE_TIDY_VERIFY_INCREMENTAL=1 (the language server's tests): incremental work (scans,
/// resumed analyses) is checked against doing it whole, and a difference stops the process.
bool verifyIncremental();

/// Statements nested deeper than this (as nestingEstimate counts) are not parsed: libpg_query
/// would overflow its stack. Only their REFERENCES clauses are checked, from tokens.
inline constexpr unsigned MaxStatementNesting = 10000;

/// An upper bound on how deep the parse tree of tokens [First, Last) nests, from tokens alone:
/// within a comma-separated element every operator, keyword and punctuation counts one level
/// (operands do not), and a parenthesised or bracketed group counts its deepest element plus one.
unsigned nestingEstimate(const std::vector<Token> &Toks, size_t First, size_t Last);

/// Replaces the `-- +goose Down` / `-- +migrate Down` sections of a migration with spaces.
/// Returns true when there was one.
bool blankDownSections(std::string &Text);

/// Token ranges [first, last) of the statements in Toks, split at top-level semicolons.
std::vector<std::pair<size_t, size_t>> splitStatements(const std::vector<Token> &Toks,
                                                       size_t Begin, size_t End);

} // namespace cascade

#endif
