// A scanner for the common subset of PostgreSQL's lexical grammar, giving exactly the tokens
// libpg_query's scanner gives (tokenize() in Tokens.cpp).
//
// pg_query_scan runs PostgreSQL's flex scanner, then packs every token into a protobuf message
// that has to be unpacked again: on migration folders that was half of all the CPU time. This
// scanner handles what migrations are made of (words, plain strings, quoted identifiers, dollar
// quotes, numbers, parameters, comments, operators) and gives up, returning nullopt, at the first
// thing whose rules it does not follow exactly: escape strings (E'..'), bit and hex strings,
// Unicode escapes (U&'..'), string continuation across lines, backslashes in strings, unusual
// numbers, characters PostgreSQL returns alone, NUL bytes (libpg_query's scan ends at the first),
// errors. tokenize() then scans the text with
// libpg_query. Whether a word is a keyword is asked of libpg_query, once per word and thread.
//
// CASCADE_TIDY_VERIFY_FAST=1 makes tokenize() run both scanners and abort on any difference;
// the test suite runs with it.
#include "Tokens.h"
#include "FastScan.h"

#include "llvm/ADT/StringExtras.h"
#include <cstdlib>

// PostgreSQL's keyword table and its lookup (src/common/kwlookup.c), exported by libpg_query
// but declared only in its internal headers. The list is passed through, never read here.
extern "C" {
struct ScanKeywordList;
extern const ScanKeywordList ScanKeywords;
int ScanKeywordLookup(const char *Str, const ScanKeywordList *Keywords);
}

namespace cascade {

namespace {

/// Characters after the first of a $tag$: an identifier's, without `$`.
bool dollarTagCont(char C) { return isIdentStart(C) || llvm::isDigit(C); }
bool space(char C) { return C == ' ' || C == '\t' || C == '\n' || C == '\r' || C == '\f'; }
bool opChar(char C) {
  switch (C) {
  case '~': case '!': case '@': case '#': case '^': case '&': case '|': case '`': case '?':
  case '+': case '-': case '*': case '/': case '%': case '<': case '>': case '=':
    return true;
  default:
    return false;
  }
}
/// Characters PostgreSQL's scanner returns as tokens of their own when alone.
bool selfChar(char C) {
  switch (C) {
  case ',': case '(': case ')': case '[': case ']': case '.': case ';': case ':': case '+':
  case '-': case '*': case '/': case '%': case '^': case '<': case '>': case '=':
    return true;
  default:
    return false;
  }
}

/// Whether a lower-case word is a PostgreSQL keyword of any category: the lookup PostgreSQL's
/// scanner makes for every identifier (a perfect hash over its keyword list), from the same
/// libpg_query, so the answer is the library scanner's without scanning the word.
bool isKeyword(const std::string &Lower) {
  return ScanKeywordLookup(Lower.c_str(), &ScanKeywords) >= 0;
}

class FastScanner {
public:
  FastScanner(llvm::StringRef T, size_t Base) : T(T), N(T.size()), Base(Base) {}

  std::optional<TokenStream> run() {
    // libpg_query reads a C string: its scan ends at a NUL byte, wherever it sits.
    if (T.find('\0') != llvm::StringRef::npos)
      return std::nullopt;
    // About one token per 6-8 bytes of SQL: most files grow the vector once or not at all.
    Out.Tokens.reserve(N / 8 + 16);
    while (I < N) {
      char C = T[I];
      if (space(C)) {
        ++I;
        continue;
      }
      size_t Start = I;
      if (C == '-' && I + 1 < N && T[I + 1] == '-') {
        while (I < N && T[I] != '\n' && T[I] != '\r')
          ++I;
        comment(Start);
      } else if (C == '/' && I + 1 < N && T[I + 1] == '*') {
        if (!blockComment())
          return std::nullopt;
        comment(Start);
      } else if (isIdentStart(C)) {
        if (!word())
          return std::nullopt;
      } else if (C == '\'') {
        if (!quoted('\'') || !noContinuation())
          return std::nullopt;
        emit(Start, TokKind::String);
      } else if (C == '"') {
        if (!quoted('"') || I - Start == 2)
          return std::nullopt; // "" is an error
        Token &Tok = emit(Start, TokKind::QuotedIdent);
        llvm::StringRef Inner = T.slice(Start + 1, I - 1);
        Tok.Name.reserve(Inner.size());
        for (size_t K = 0; K < Inner.size(); ++K) {
          Tok.Name += Inner[K];
          if (Inner[K] == '"')
            ++K; // a doubled quote
        }
      } else if (llvm::isDigit(C) || (C == '.' && I + 1 < N && llvm::isDigit(T[I + 1]))) {
        if (!number())
          return std::nullopt;
      } else if (C == '$') {
        if (!dollar())
          return std::nullopt;
      } else if (opChar(C)) {
        if (!op())
          return std::nullopt;
      } else if (C == ':') {
        if (I + 1 < N && (T[I + 1] == ':' || T[I + 1] == '=')) {
          I += 2;
          emitText(Start, TokKind::Other);
        } else {
          ++I;
          emitText(Start, TokKind::Punct);
        }
      } else if (C == '.') {
        if (I + 1 < N && T[I + 1] == '.') {
          I += 2;
          emitText(Start, TokKind::Other);
        } else {
          ++I;
          emitText(Start, TokKind::Punct);
        }
      } else if (selfChar(C)) {
        ++I;
        emitText(Start, TokKind::Punct);
      } else {
        return std::nullopt; // NUL, \v, braces, backslash: PostgreSQL's own rules decide
      }
    }
    return std::move(Out);
  }

private:
  llvm::StringRef T;
  size_t N, Base, I = 0;
  TokenStream Out;

  Token &emit(size_t Start, TokKind Kind) {
    Token Tok;
    Tok.Kind = Kind;
    Tok.Begin = Base + Start;
    Tok.End = Base + I;
    Out.Tokens.push_back(std::move(Tok));
    return Out.Tokens.back();
  }
  void emitText(size_t Start, TokKind Kind) { emit(Start, Kind).Name = T.slice(Start, I).str(); }
  void comment(size_t Start) {
    Token Tok;
    Tok.Kind = TokKind::Comment;
    Tok.Begin = Base + Start;
    Tok.End = Base + I;
    Out.Comments.push_back(std::move(Tok));
  }

  /// /* ... */ with nesting, from I at its `/*`; false when unterminated or too deep.
  bool blockComment() {
    unsigned Depth = 0;
    while (I < N) {
      if (T[I] == '/' && I + 1 < N && T[I + 1] == '*') {
        if (++Depth > MaxCommentNesting)
          return false;
        I += 2;
      } else if (T[I] == '*' && I + 1 < N && T[I + 1] == '/') {
        I += 2;
        if (--Depth == 0)
          return true;
      } else {
        ++I;
      }
    }
    return false;
  }

  bool word() {
    size_t Start = I;
    while (I < N && isIdentCont(T[I]))
      ++I;
    llvm::StringRef Spelling = T.slice(Start, I);
    if (I < N && Spelling.size() == 1) {
      // E'..', B'..', X'..', N'..' and U&'..' / U&".." follow rules of their own.
      char L = llvm::toLower(Spelling[0]);
      if (T[I] == '\'' && (L == 'e' || L == 'b' || L == 'x' || L == 'n'))
        return false;
      if (T[I] == '&' && L == 'u')
        return false;
    }
    Token &Tok = emit(Start, TokKind::Word);
    Tok.Name = Spelling.lower();
    Tok.LowerSpelled = Tok.Name == Spelling;
    Tok.Keyword = isKeyword(Tok.Name);
    return true;
  }

  /// A quoted run from I at its opening Quote, a doubled quote standing for one; false when
  /// unterminated or when a string holds a backslash.
  bool quoted(char Quote) {
    for (++I; I < N; ++I) {
      if (T[I] == Quote) {
        if (I + 1 < N && T[I + 1] == Quote) {
          ++I;
          continue;
        }
        ++I;
        return true;
      }
      if (Quote == '\'' && T[I] == '\\')
        return false;
    }
    return false;
  }

  /// After a string: PostgreSQL joins 'a' <newline> 'b' into one string. Gives up whenever the
  /// next thing after spaces and -- comments is another quote.
  bool noContinuation() {
    size_t K = I;
    while (K < N) {
      if (space(T[K])) {
        ++K;
      } else if (T[K] == '-' && K + 1 < N && T[K + 1] == '-') {
        while (K < N && T[K] != '\n' && T[K] != '\r')
          ++K;
      } else {
        break;
      }
    }
    return K >= N || T[K] != '\'';
  }

  /// Integers and decimals; anything touching an exponent, a second dot or a word is left to
  /// PostgreSQL's rules.
  bool number() {
    size_t Start = I;
    while (I < N && llvm::isDigit(T[I]))
      ++I;
    if (I < N && T[I] == '.') {
      if (I + 1 < N && T[I + 1] == '.')
        return false;
      ++I;
      while (I < N && llvm::isDigit(T[I]))
        ++I;
    }
    if (I < N && (isIdentCont(T[I]) || T[I] == '.'))
      return false;
    emit(Start, TokKind::Number);
    return true;
  }

  /// $1 parameters and $tag$ ... $tag$ strings.
  bool dollar() {
    size_t Start = I;
    if (I + 1 < N && llvm::isDigit(T[I + 1])) {
      for (++I; I < N && llvm::isDigit(T[I]);)
        ++I;
      if (I < N && isIdentCont(T[I]))
        return false;
      emit(Start, TokKind::Param);
      return true;
    }
    size_t J = I + 1;
    if (J < N && isIdentStart(T[J]))
      while (J < N && dollarTagCont(T[J]))
        ++J;
    if (J >= N || T[J] != '$')
      return false;
    llvm::StringRef Delim = T.slice(I, J + 1);
    size_t Close = T.find(Delim, J + 1);
    if (Close == llvm::StringRef::npos)
      return false;
    I = Close + Delim.size();
    emit(Start, TokKind::String);
    return true;
  }

  /// PostgreSQL's operator rule: the longest run of operator characters, cut before a comment
  /// start, with trailing + and - dropped unless the run holds a character only operators use.
  bool op() {
    size_t Start = I, End = I;
    while (End < N && opChar(T[End]))
      ++End;
    llvm::StringRef Run = T.slice(Start, End);
    size_t Len = Run.size();
    size_t Cut = std::min(Run.find("/*"), Run.find("--"));
    if (Cut != llvm::StringRef::npos)
      Len = Cut;
    if (Len > 1 && (Run[Len - 1] == '+' || Run[Len - 1] == '-') &&
        Run.take_front(Len).find_first_of("~!@#^&|`?%") == llvm::StringRef::npos)
      while (Len > 1 && (Run[Len - 1] == '+' || Run[Len - 1] == '-'))
        --Len;
    if (Len >= 63)
      return false; // "operator too long"
    I = Start + Len;
    llvm::StringRef Spelling = Run.take_front(Len);
    if (Len == 1 && selfChar(Spelling[0]))
      emitText(Start, TokKind::Punct);
    else if (Spelling == "=>" || Spelling == ">=" || Spelling == "<=" || Spelling == "<>" ||
             Spelling == "!=")
      emitText(Start, TokKind::Other);
    else
      emitText(Start, TokKind::Operator);
    return true;
  }
};

} // namespace

FastPaths fastPaths() {
  static const FastPaths Mode = [] {
    auto Set = [](const char *Name) {
      const char *V = std::getenv(Name);
      return V && *V && llvm::StringRef(V) != "0";
    };
    if (Set("CASCADE_TIDY_VERIFY_FAST"))
      return FastPaths::Verify;
    if (Set("CASCADE_TIDY_REFERENCE"))
      return FastPaths::Off;
    return FastPaths::On;
  }();
  return Mode;
}

std::optional<TokenStream> scanFast(llvm::StringRef Text, size_t Base) {
  return FastScanner(Text, Base).run();
}

} // namespace cascade
