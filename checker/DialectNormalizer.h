// CockroachDB-only clauses blanked with spaces so the PostgreSQL parser sees the rest,
// at unchanged byte offsets.
#ifndef CASCADE_CHECKER_DIALECTNORMALIZER_H
#define CASCADE_CHECKER_DIALECTNORMALIZER_H

#include "Tokens.h"

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace cascade {

enum class Dialect { Auto, Postgres, Cockroach, Mysql, Sqlite };
std::optional<Dialect> parseDialect(llvm::StringRef Name);
const char *dialectName(Dialect D);

/// Returns Text with CockroachDB-only clauses replaced by spaces (line breaks kept).
/// Toks are Text's tokens, at absolute offsets starting from Base. Must run BEFORE parsing:
/// a named inline INDEX or FAMILY is accepted by the PostgreSQL parser as a bogus column.
std::string normalizeDialect(llvm::StringRef Text, const std::vector<Token> &Toks, Dialect D,
                             size_t Base = 0);

} // namespace cascade

#endif
