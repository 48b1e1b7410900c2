// Shared by the analyzer's parse-tree and token-level halves; not part of the library's API.
#ifndef CASCADE_CHECKER_ANALYZERINTERNAL_H
#define CASCADE_CHECKER_ANALYZERINTERNAL_H

#include "Analyzer.h"

#include "CompactJson.h"

#ifdef CASCADE_HAVE_RAW_TREE
#include "RawTree.h"
#endif

#include <memory>

namespace cascade {

/// One statement: tokens [First, Last) of Toks, which index the analysed buffer.
struct StatementContext {
  const std::vector<Token> &Toks;
  size_t First, Last;
  Catalog &Cat;
  Analysis &Out;
  const AnalyzerOptions &Opts;
  llvm::StringRef Text; // the analysed buffer Toks index
  /// The template placeholders read as identifiers in Text (normalizeDialect): names recorded
  /// are restored to them.
  const Placeholders *Holders = nullptr;

  void restore(std::string &Name) const {
    if (Holders && !Holders->empty())
      restorePlaceholders(Name, *Holders);
  }
  void restore(QualifiedName &N) const {
    restore(N.Schema);
    restore(N.Name);
  }
};

/// The tokens of one statement, [First, Last) of Toks.
struct PlanTokens {
  const std::vector<Token> &Toks;
  size_t First, Last;
};

/// Index of the first token at or after byte Offset, within [First, Last).
size_t tokenAt(const PlanTokens &T, size_t Offset);

/// What a parsed statement does to the catalog and which FKs it defines, read from its tree
/// (libpg_query JSON, locations relative to Base, the statement's start in the buffer Toks
/// index). It depends on the statement's text only: cached with the parse, it is applied again
/// wherever the same text appears without reading the tree again.
struct StatementPlan;
std::shared_ptr<const StatementPlan> planStatement(JsonRef Root, size_t Base,
                                                   const PlanTokens &Toks);

#ifdef CASCADE_HAVE_RAW_TREE
/// The same plan, read from libpg_query's tree in C structs (the List of RawStmt that
/// ct_raw_parse_text gives) instead of its JSON.
std::shared_ptr<const StatementPlan> planStatement(const ct_node *Stmts, size_t Base,
                                                   const PlanTokens &Toks);
#endif

/// Where two plans of one statement differ ("" when they are the same): the fast path's check
/// against the reference (CASCADE_TIDY_VERIFY_FAST).
std::string planDifference(const StatementPlan &A, const StatementPlan &B);

/// The plan with every name it holds restored to the placeholders Ctx's text wrote
/// (StatementContext::Holders).
std::shared_ptr<const StatementPlan> restorePlaceholders(const StatementPlan &Plan,
                                                         const StatementContext &Ctx);

/// Applies a plan to the statement at Base: updates the catalog, records the FKs.
void applyPlan(const StatementPlan &Plan, size_t Base, StatementContext &Ctx);

/// The token-level scan for text the parser rejects: every REFERENCES clause in the statement.
void extractFromTokens(StatementContext &Ctx);

/// Registers FK in the catalog (its id links back to this definition) and keeps it.
void recordForeignKey(StatementContext &Ctx, ForeignKey FK);


} // namespace cascade

#endif
