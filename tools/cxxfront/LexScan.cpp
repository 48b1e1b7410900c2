#include "LexScan.h"

#include "clang/Basic/LangOptions.h"
#include "clang/Lex/Lexer.h"

namespace cascade {

static bool isStringToken(clang::tok::TokenKind K) {
  return K == clang::tok::string_literal || K == clang::tok::utf8_string_literal ||
         K == clang::tok::wide_string_literal || K == clang::tok::utf16_string_literal ||
         K == clang::tok::utf32_string_literal;
}

LexedFile lexCxxFile(llvm::StringRef Text) {
  clang::LangOptions LO;
  LO.CPlusPlus = LO.CPlusPlus11 = LO.CPlusPlus14 = LO.CPlusPlus17 = LO.CPlusPlus20 = true;
  LO.Char8 = true;
  LO.LineComment = true;
  // Raw mode needs no SourceManager: locations are offsets from a null file location.
  clang::Lexer L(clang::SourceLocation(), LO, Text.begin(), Text.begin(), Text.end());
  L.SetCommentRetentionState(true);
  LexedFile Out;
  LexedLiteral Current;
  bool Open = false;
  auto Close = [&] {
    if (Open)
      Out.Literals.push_back(std::move(Current));
    Current = LexedLiteral();
    Open = false;
  };
  clang::Token T;
  // 1: `#` at the start of a line; 2: `# include`; the next string token names a header.
  int Directive = 0;
  size_t HashOffset = 0;
  for (;;) {
    L.LexFromRawLexer(T);
    if (T.is(clang::tok::eof))
      break;
    size_t Begin = T.getLocation().getRawEncoding();
    size_t End = Begin + T.getLength();
    if (T.is(clang::tok::comment)) {
      Token C;
      C.Kind = TokKind::Comment;
      C.Begin = Begin;
      C.End = End;
      Out.Comments.push_back(C);
      continue; // comments between adjacent literals do not separate them
    }
    if (T.is(clang::tok::hash) && T.isAtStartOfLine()) {
      Close();
      Directive = 1;
      HashOffset = Begin;
      continue;
    }
    if (Directive == 1 && T.is(clang::tok::raw_identifier) &&
        (T.getRawIdentifier() == "include" || T.getRawIdentifier() == "include_next")) {
      Directive = 2;
      continue;
    }
    if (Directive == 2 && T.is(clang::tok::string_literal)) {
      Directive = 0;
      llvm::StringRef Spelling = Text.slice(Begin, End);
      Out.Includes.push_back(
          {Spelling.drop_front().drop_back().str(), HashOffset, Out.Literals.size()});
      continue;
    }
    Directive = 0;
    if (!isStringToken(T.getKind())) {
      Close();
      continue;
    }
    if (!Open) {
      Current.Begin = Begin;
      Open = true;
    }
    Current.End = End;
    if (!appendChunk(Text.slice(Begin, End), Begin, Current.Lit))
      Current.Decoded = false;
  }
  Close();
  return Out;
}

} // namespace cascade
