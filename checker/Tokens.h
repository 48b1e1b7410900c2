// SQL tokens from libpg_query's scanner, with absolute byte offsets and folded names.
#ifndef CASCADE_CHECKER_TOKENS_H
#define CASCADE_CHECKER_TOKENS_H

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace cascade {

enum class TokKind { Word, QuotedIdent, String, Number, Punct, Operator, Param, Comment, Other };

struct Token {
  TokKind Kind = TokKind::Other;
  bool Keyword = false; // a PostgreSQL keyword of any category
  bool LowerSpelled = false; // a word written without upper-case letters
  size_t Begin = 0, End = 0;
  std::string Name; // Word: lower-cased; QuotedIdent: exact; Punct/Operator: the text

  /// An unquoted word (keyword or identifier) equal to Lower.
  bool is(llvm::StringRef Lower) const { return Kind == TokKind::Word && Name == Lower; }
  bool isPunct(char C) const { return Kind == TokKind::Punct && Name.size() == 1 && Name[0] == C; }
  /// Something that can name a table or column.
  bool isName() const { return Kind == TokKind::Word || Kind == TokKind::QuotedIdent; }
};

struct SyntaxError {
  size_t Offset = 0; // absolute byte offset
  std::string Message;
};

struct TokenStream {
  std::vector<Token> Tokens;   // comments excluded
  std::vector<Token> Comments; // SQL_COMMENT and C_COMMENT tokens
  std::optional<SyntaxError> Error; // scanner error; Tokens cover the text before it
};

/// Comments nested deeper than this end the scan with an error (PostgreSQL's scanner takes
/// quadratic time on deep nesting).
inline constexpr unsigned MaxCommentNesting = 1000;

/// PostgreSQL's identifier characters: a letter, `_` or any byte of a multi-byte character
/// starts one; digits and `$` may follow.
inline bool isIdentStart(char C) {
  return llvm::isAlpha(C) || C == '_' || static_cast<unsigned char>(C) >= 0x80;
}
inline bool isIdentCont(char C) { return isIdentStart(C) || llvm::isDigit(C) || C == '$'; }

/// Scans Text (which lives at absolute offset Base of the analysed buffer).
TokenStream tokenize(llvm::StringRef Text, size_t Base = 0);

/// The tokens of New from those of Old (a scan without error), when the two texts differ in one
/// region (an editor's change): only the statements that region touches are scanned again, from
/// the `;` before it up to the first `;` after it that the new scan also ends on. nullopt when
/// the change cannot be confined that way (the new scan runs past that `;`: an opened quote or
/// comment); then scan New whole.
std::optional<TokenStream> retokenize(llvm::StringRef Old, const std::vector<Token> &Tokens,
                                      const std::vector<Token> &Comments, llvm::StringRef New);

/// 1-based character position (PgQueryError::cursorpos) -> 0-based byte offset in Text.
size_t cursorPosToByte(llvm::StringRef Text, int CursorPos);

/// Index of the token closing the '(' at Open, or Limit if there is none before Limit.
size_t matchParen(const std::vector<Token> &Toks, size_t Open, size_t Limit);

} // namespace cascade

#endif
