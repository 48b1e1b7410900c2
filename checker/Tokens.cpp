#include "Tokens.h"
#include "PgQuery.h"
#include "FastScan.h"

#include "llvm/Support/raw_ostream.h"
#include <cstdlib>

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

namespace {


/// PostgreSQL's scanner rescans nested comments in quadratic time. A linear pass that skips
/// what the scanner skips (strings, quoted identifiers, dollar quotes, `--` comments) finds a
/// comment nested deeper than the limit before the scanner sees it.
struct DeepComment {
  size_t Outer;   // where the outermost comment around it starts
  size_t Opening; // the `/*` that goes one level too deep
};

std::optional<DeepComment> findDeepComment(llvm::StringRef T, unsigned Limit) {
  size_t I = 0, N = T.size();
  auto SkipQuoted = [&](char Quote, bool Backslash) {
    for (++I; I < N; ++I) {
      if (Backslash && T[I] == '\\') {
        ++I;
      } else if (T[I] == Quote) {
        if (I + 1 < N && T[I + 1] == Quote)
          ++I; // a doubled quote
        else
          break;
      }
    }
    ++I;
  };
  while (I < N) {
    char C = T[I];
    if (C == '/' && I + 1 < N && T[I + 1] == '*') {
      size_t Outer = I;
      unsigned Depth = 0;
      while (I < N) {
        if (T[I] == '/' && I + 1 < N && T[I + 1] == '*') {
          if (++Depth > Limit)
            return DeepComment{Outer, I};
          I += 2;
        } else if (T[I] == '*' && I + 1 < N && T[I + 1] == '/') {
          I += 2;
          if (--Depth == 0)
            break;
        } else {
          ++I;
        }
      }
    } else if (C == '-' && I + 1 < N && T[I + 1] == '-') {
      while (I < N && T[I] != '\n' && T[I] != '\r')
        ++I;
    } else if (C == '\'' || C == '"') {
      SkipQuoted(C, false);
    } else if (C == '$' && !(I + 1 < N && llvm::isDigit(T[I + 1]))) {
      // $tag$ ... $tag$ (a `$1` parameter is not one)
      size_t J = I + 1;
      while (J < N && T[J] != '$' && (isIdentStart(T[J]) || (J > I + 1 && llvm::isDigit(T[J]))))
        ++J;
      if (J >= N || T[J] != '$') {
        ++I;
        continue;
      }
      llvm::StringRef Delim = T.slice(I, J + 1);
      size_t Close = T.find(Delim, J + 1);
      I = Close == llvm::StringRef::npos ? N : Close + Delim.size();
    } else if (isIdentStart(C)) {
      size_t Start = I;
      while (I < N && isIdentCont(T[I]))
        ++I;
      // E'...' takes backslash escapes; any other word before a quote is a separate token.
      if (I - Start == 1 && (C == 'e' || C == 'E') && I < N && T[I] == '\'')
        SkipQuoted('\'', true);
    } else {
      ++I;
    }
  }
  return std::nullopt;
}

} // namespace

/// libpg_query's scanner: the reference, and the way for what scanFast leaves.
static TokenStream scanWithLibrary(llvm::StringRef Text, size_t Base) {
  TokenStream Out;
  std::string Buffer = Text.str();
  if (std::optional<DeepComment> Deep = findDeepComment(Text, MaxCommentNesting)) {
    Out.Error = SyntaxError{Base + Deep->Opening,
                            "comment nests more than " + std::to_string(MaxCommentNesting) +
                                " levels deep"};
    Buffer.resize(Deep->Outer);
  }
  for (;;) {
    ScanResult Scan(Buffer);
    if (const PgQueryError *E = Scan.error()) {
      size_t At = cursorPosToByte(Buffer, E->cursorpos);
      if (!Out.Error || Base + At < Out.Error->Offset)
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

namespace {

std::string describe(const Token &T) {
  return "[" + std::to_string(T.Begin) + "," + std::to_string(T.End) + ") kind " +
         std::to_string(static_cast<int>(T.Kind)) + " name '" + T.Name + "' keyword " +
         std::to_string(T.Keyword) + " lower " + std::to_string(T.LowerSpelled);
}

bool same(const Token &A, const Token &B) {
  return A.Kind == B.Kind && A.Keyword == B.Keyword && A.LowerSpelled == B.LowerSpelled &&
         A.Begin == B.Begin && A.End == B.End && A.Name == B.Name;
}

/// Aborts, saying where, when the fast scanner's tokens differ from libpg_query's.
void verifyScan(llvm::StringRef Text, const TokenStream &Fast, const TokenStream &Library) {
  auto Fail = [&](const std::string &What) {
    llvm::errs() << "cascade-tidy: internal error: the fast scanner differs from libpg_query's: "
                 << What << "\ntext: " << Text << "\n";
    std::abort();
  };
  if (Library.Error)
    Fail("libpg_query reports an error the fast scanner did not: " + Library.Error->Message);
  for (auto [Mine, Theirs] : {std::pair(&Fast.Tokens, &Library.Tokens),
                              std::pair(&Fast.Comments, &Library.Comments)}) {
    for (size_t I = 0; I < std::max(Mine->size(), Theirs->size()); ++I) {
      if (I >= Mine->size())
        Fail("missing token " + describe((*Theirs)[I]));
      if (I >= Theirs->size())
        Fail("extra token " + describe((*Mine)[I]));
      if (!same((*Mine)[I], (*Theirs)[I]))
        Fail("token " + describe((*Mine)[I]) + " where libpg_query has " +
             describe((*Theirs)[I]));
    }
  }
}

} // namespace

TokenStream tokenize(llvm::StringRef Text, size_t Base) {
  FastPaths Mode = fastPaths();
  if (Mode != FastPaths::Off)
    if (std::optional<TokenStream> Fast = scanFast(Text, Base)) {
      if (Mode == FastPaths::Verify)
        verifyScan(Text, *Fast, scanWithLibrary(Text, Base));
      return std::move(*Fast);
    }
  return scanWithLibrary(Text, Base);
}

std::optional<TokenStream> retokenize(llvm::StringRef Old, const std::vector<Token> &T,
                                      const std::vector<Token> &Comments, llvm::StringRef New) {
  size_t Min = std::min(Old.size(), New.size());
  size_t Same = 0; // common prefix
  while (Same < Min && Old[Same] == New[Same])
    ++Same;
  size_t Tail = 0; // common suffix, not overlapping the prefix
  while (Tail < Min - Same && Old[Old.size() - 1 - Tail] == New[New.size() - 1 - Tail])
    ++Tail;
  auto Semicolon = [](const Token &Tok) { return Tok.isPunct(';'); };
  // Restart after the last `;` inside the common prefix: the scanner is between statements
  // there, in its initial state (a `;` joins no neighbouring character into one token).
  size_t Restart = 0;
  for (size_t I = T.size(); I-- > 0;)
    if (T[I].End <= Same && Semicolon(T[I])) {
      Restart = T[I].End;
      break;
    }
  // Resume at the first `;` wholly inside the common suffix.
  size_t OldStop = Old.size(), NewStop = New.size();
  size_t SuffixBegin = Old.size() - Tail;
  for (const Token &Tok : T)
    if (Tok.Begin >= SuffixBegin && Semicolon(Tok)) {
      OldStop = Tok.End;
      NewStop = Tok.End + New.size() - Old.size();
      break;
    }
  TokenStream Window = tokenize(New.slice(Restart, NewStop), Restart);
  bool ToEnd = NewStop == New.size();
  if (!ToEnd && (Window.Error || Window.Tokens.empty() || !Semicolon(Window.Tokens.back()) ||
                 Window.Tokens.back().End != NewStop))
    return std::nullopt;
  TokenStream Out;
  auto Splice = [&](const std::vector<Token> &Before, std::vector<Token> &&Middle,
                    std::vector<Token> &Into) {
    for (const Token &Tok : Before)
      if (Tok.End <= Restart)
        Into.push_back(Tok);
    for (Token &Tok : Middle)
      Into.push_back(std::move(Tok));
    for (const Token &Tok : Before)
      if (Tok.Begin >= OldStop) {
        Into.push_back(Tok);
        Into.back().Begin = Tok.Begin + New.size() - Old.size();
        Into.back().End = Tok.End + New.size() - Old.size();
      }
  };
  Out.Tokens.reserve(T.size() + Window.Tokens.size());
  Splice(T, std::move(Window.Tokens), Out.Tokens);
  Splice(Comments, std::move(Window.Comments), Out.Comments);
  Out.Error = Window.Error;
  return Out;
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
