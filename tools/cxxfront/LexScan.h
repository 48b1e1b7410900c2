// Lex mode: string literals and comments of a C/C++ file from clang's raw lexer (no
// preprocessing, no compile command; macros are not expanded).
#ifndef CASCADE_CXXFRONT_LEXSCAN_H
#define CASCADE_CXXFRONT_LEXSCAN_H

#include "StringLiteralMap.h"
#include "Tokens.h"

#include <vector>

namespace cascade {

struct LexedLiteral {
  DecodedLiteral Lit;
  size_t Begin = 0, End = 0; // the tokens' span in the file
  bool Decoded = true;       // false when a token could not be decoded
};

/// `#include "name"` (quoted form only: lex mode knows no include paths).
struct LexedInclude {
  std::string Name;
  size_t Offset = 0;         // of the `#`
  size_t LiteralsBefore = 0; // how many of Literals come before it
};

struct LexedFile {
  std::vector<LexedLiteral> Literals; // adjacent literal tokens joined, as translation does
  std::vector<LexedInclude> Includes; // their header names are not in Literals
  std::vector<Token> Comments;        // for NOLINT comments
};

/// Raw-lexes Text as C++20.
LexedFile lexCxxFile(llvm::StringRef Text);

} // namespace cascade

#endif
