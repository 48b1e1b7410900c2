#include "Tokens.h"
#include "PgQuery.h"

#include "llvm/ADT/StringExtras.h"
#include <pg_query/pg_query.pb-c.h>

namespace cascade {

size_t cursorPosToByte(llvm::StringRef Text, int CursorPos) {
  if (CursorPos <= 1)
    return 0;
  size_t Chars = 0;
  for (size_t I = 0; I < Text.size(); ++I) {
    // Count UTF-8 lead bytes only: continuation bytes belong to the previous character.
    if ((static_cast<unsigned char>(Text[I]) & 0xC0) != 0x80) {
      if (++Chars == static_cast<size_t>(CursorPos))
        return I;
    }
  }
  return Text.size();
}

static Token makeToken(llvm::StringRef Text, const PgQuery__ScanToken &T, size_t Base) {
  Token Tok;
  Tok.Begin = Base + T.start;
  Tok.End = Base + T.end;
  llvm::StringRef Spelling = Text.slice(T.start, T.end);
  Tok.Keyword = T.keyword_kind != PG_QUERY__KEYWORD_KIND__NO_KEYWORD;
  switch (T.token) {
  case PG_QUERY__TOKEN__IDENT:
    if (Spelling.starts_with("\"")) {
      Tok.Kind = TokKind::QuotedIdent;
      llvm::StringRef Inner = Spelling.drop_front().drop_back();
      for (size_t I = 0; I < Inner.size(); ++I) {
        Tok.Name += Inner[I];
        if (Inner[I] == '"' && I + 1 < Inner.size() && Inner[I + 1] == '"')
          ++I;
      }
    } else {
      Tok.Kind = TokKind::Word;
      Tok.Name = Spelling.lower();
      Tok.LowerSpelled = Tok.Name == Spelling;
    }
    return Tok;
  case PG_QUERY__TOKEN__SCONST:
  case PG_QUERY__TOKEN__USCONST:
  case PG_QUERY__TOKEN__BCONST:
  case PG_QUERY__TOKEN__XCONST:
    Tok.Kind = TokKind::String;
    return Tok;
  case PG_QUERY__TOKEN__ICONST:
  case PG_QUERY__TOKEN__FCONST:
    Tok.Kind = TokKind::Number;
    return Tok;
  case PG_QUERY__TOKEN__PARAM:
    Tok.Kind = TokKind::Param;
    return Tok;
  case PG_QUERY__TOKEN__SQL_COMMENT:
  case PG_QUERY__TOKEN__C_COMMENT:
    Tok.Kind = TokKind::Comment;
    return Tok;
  case PG_QUERY__TOKEN__Op:
    Tok.Kind = TokKind::Operator;
    Tok.Name = Spelling.str();
    return Tok;
  default:
    break;
  }
  if (Tok.Keyword) {
    Tok.Kind = TokKind::Word;
    Tok.Name = Spelling.lower();
    Tok.LowerSpelled = Tok.Name == Spelling;
  } else if (T.token < 256) {
    Tok.Kind = TokKind::Punct;
    Tok.Name = Spelling.str();
  } else {
    Tok.Kind = TokKind::Other;
    Tok.Name = Spelling.str();
  }
  return Tok;
}

TokenStream tokenize(llvm::StringRef Text, size_t Base) {
  TokenStream Out;
  std::string Buffer = Text.str();
  for (;;) {
    ScanResult Scan(Buffer);
    if (const PgQueryError *E = Scan.error()) {
      size_t At = cursorPosToByte(Buffer, E->cursorpos);
      if (!Out.Error)
        Out.Error = SyntaxError{Base + At, E->message ? E->message : "scanner error"};
      // Keep what precedes the bad token: findings before it are still reported.
      if (At == 0 || At >= Buffer.size())
        return Out;
      Buffer.resize(At);
      continue;
    }
    const PgQuery__ScanResult *R = Scan.tokens();
    if (!R)
      return Out;
    for (size_t I = 0; I < R->n_tokens; ++I) {
      Token Tok = makeToken(Buffer, *R->tokens[I], Base);
      (Tok.Kind == TokKind::Comment ? Out.Comments : Out.Tokens).push_back(std::move(Tok));
    }
    return Out;
  }
}

size_t matchParen(const std::vector<Token> &Toks, size_t Open, size_t Limit) {
  int Depth = 0;
  for (size_t I = Open; I < Limit; ++I) {
    if (Toks[I].isPunct('('))
      ++Depth;
    else if (Toks[I].isPunct(')') && --Depth == 0)
      return I;
  }
  return Limit;
}

} // namespace cascade
