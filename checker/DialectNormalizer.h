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

/// A template placeholder read as an identifier: Spelling (lower-case, as the parser folds an
/// unquoted name) stands for Original, the placeholder as written (`:name`, `:"name"`,
/// `${name}`).
struct Placeholder {
  std::string Spelling, Original;
  std::string Written; // the identifier as it stands in the text (a parser message quotes it)
};
using Placeholders = std::vector<Placeholder>;

/// Returns Text with CockroachDB-only clauses replaced by spaces (line breaks kept), and, in
/// the PostgreSQL dialects, template placeholders that no SQL grammar accepts replaced by
/// identifiers of the same length: psql variables outside array subscripts (`:name` reads as
/// `_name`, `:"name"` as `__name_`, `:'name'` as the string `'name'`) and `${name}` (Flyway,
/// Liquibase and many migration runners) as `__name_`. Each is appended to Found (when given)
/// so that names can be shown and written as the migration wrote them (restorePlaceholders).
/// Toks are Text's tokens, at absolute offsets starting from Base. Must run BEFORE parsing:
/// a named inline INDEX or FAMILY is accepted by the PostgreSQL parser as a bogus column.
std::string normalizeDialect(llvm::StringRef Text, const std::vector<Token> &Toks, Dialect D,
                             size_t Base = 0, Placeholders *Found = nullptr);

/// A name read from a text whose placeholders normalizeDialect replaced, as the text wrote it:
/// each Spelling in Name becomes its Original.
void restorePlaceholders(std::string &Name, const Placeholders &P);

/// Adds to Into each placeholder of From it does not have yet, in order.
void appendPlaceholders(std::vector<std::string> &Into, const std::vector<std::string> &From);

/// A message about a text whose placeholders normalizeDialect replaced (libpg_query's `syntax
/// error at or near "_name"`), with the text's own spelling.
std::string restorePlaceholdersInMessage(std::string Message, const Placeholders &P);

/// Whether Name is written with template placeholders (`:name`, `:"name"`, `${...}`) and
/// identifier characters only: such a name is written out as it is, never quoted.
/// With Known, each placeholder in Name must be one of them.
bool isPlaceholderName(llvm::StringRef Name, const std::vector<std::string> *Known = nullptr);

} // namespace cascade

#endif
