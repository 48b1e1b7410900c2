// SQL inside one C/C++ string literal: the checker runs on the evaluated bytes, its findings
// come back in file offsets, with fix-its spelled for the literal.
#ifndef CASCADE_CXXFRONT_LITERALCHECKER_H
#define CASCADE_CXXFRONT_LITERALCHECKER_H

#include "Checker.h"
#include "StringLiteralMap.h"

namespace cascade {

/// Only ordinary and UTF-8 literals hold bytes the checker can read as SQL text.
bool checkableEncoding(LiteralEncoding E);

/// True when Text contains "references" in any case: the cheap test before any parsing.
bool mentionsReferences(llvm::StringRef Text);

/// Findings for the SQL in Lit, in file offsets. Without AllowFixes (a literal spelled in a macro
/// body or made by stringizing), findings carry no edits. An edit that would straddle two
/// concatenated chunks, or cannot be spelled in its chunk, is dropped with its finding's fix.
std::vector<Finding> checkLiteral(const DecodedLiteral &Lit, const LiteralLocator &Where,
                                  const CheckerOptions &Opts, bool AllowFixes);

/// Findings in offsets of the literal's evaluated bytes, in file offsets (as checkLiteral maps
/// them); input errors are dropped.
std::vector<Finding> mapLiteralFindings(std::vector<Finding> Found, const LiteralLocator &Where,
                                        bool AllowFixes);

/// The note for a literal whose bytes are not UTF-8 text (its SQL is not checked), if it is one.
std::optional<Finding> undecodableLiteralNote(const DecodedLiteral &Lit,
                                              const LiteralLocator &Where);

} // namespace cascade

#endif
