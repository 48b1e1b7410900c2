#include "DialectNormalizer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

#include <algorithm>

namespace cascade {

std::optional<Dialect> parseDialect(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<Dialect>>(Name.lower())
      .Case("auto", Dialect::Auto)
      .Case("postgres", Dialect::Postgres)
      .Case("postgresql", Dialect::Postgres)
      .Case("cockroach", Dialect::Cockroach)
      .Case("cockroachdb", Dialect::Cockroach)
      .Cases("mysql", "mariadb", Dialect::Mysql)
      .Cases("sqlite", "sqlite3", Dialect::Sqlite)
      .Default(std::nullopt);
}

const char *dialectName(Dialect D) {
  switch (D) {
  case Dialect::Auto: return "auto";
  case Dialect::Postgres: return "postgres";
  case Dialect::Cockroach: return "cockroach";
  case Dialect::Mysql: return "mysql";
  case Dialect::Sqlite: return "sqlite";
  }
  return "auto";
}

namespace {

class Normalizer {
public:
  Normalizer(llvm::StringRef Text, const std::vector<Token> &Toks, Dialect D, size_t Base)
      : Out(Text.str()), T(Toks), D(D), Base(Base) {}

  std::string run() {
    size_t Start = 0;
    for (size_t I = 0; I <= T.size(); ++I) {
      if (I == T.size() || T[I].isPunct(';')) {
        if (I > Start)
          statement(Start, I);
        Start = I + 1;
      }
    }
    return std::move(Out);
  }

private:
  std::string Out;
  const std::vector<Token> &T;
  Dialect D;
  size_t Base;

  void blank(size_t Begin, size_t End) {
    for (size_t I = Begin - Base; I < End - Base && I < Out.size(); ++I)
      if (Out[I] != '\n' && Out[I] != '\r')
        Out[I] = ' ';
  }
  void blankTokens(size_t First, size_t Last) { blank(T[First].Begin, T[Last].End); }

  /// Blanks `USING HASH [WITH (...)]` and `STORING (...)` starting at I; returns the next index.
  size_t blankIndexOptions(size_t I, size_t End) {
    while (I < End) {
      if (I + 1 < End && T[I].is("using") && T[I + 1].is("hash")) {
        size_t Last = I + 1;
        if (Last + 2 < End && T[Last + 1].is("with") && T[Last + 2].isPunct('('))
          Last = std::min(matchParen(T, Last + 2, End), End - 1);
        blankTokens(I, Last);
        I = Last + 1;
      } else if (I + 1 < End && T[I].is("storing") && T[I + 1].isPunct('(')) {
        size_t Last = std::min(matchParen(T, I + 1, End), End - 1);
        blankTokens(I, Last);
        I = Last + 1;
      } else {
        ++I;
      }
    }
    return I;
  }

  void statement(size_t B, size_t E) {
    if (T[B].is("upsert")) {
      // Same length as INSERT: offsets stay put and the parser accepts the rest.
      size_t At = T[B].Begin - Base;
      const char *Repl = T[B].LowerSpelled ? "insert" : "INSERT";
      Out.replace(At, 6, Repl);
      return;
    }
    if (!T[B].is("create") || B + 1 >= E)
      return;
    size_t I = B + 1;
    if (T[I].is("unique") || T[I].is("inverted")) {
      if (T[I].is("inverted"))
        blankTokens(I, I);
      ++I;
    }
    if (I < E && T[I].is("index")) {
      blankIndexOptions(I, E);
      return;
    }
    // CREATE [GLOBAL|LOCAL] [TEMP|TEMPORARY|UNLOGGED] TABLE [IF NOT EXISTS] name (
    while (I < E && !T[I].is("table") && !T[I].isPunct('('))
      ++I;
    if (I >= E || !T[I].is("table"))
      return;
    while (I < E && !T[I].isPunct('('))
      ++I;
    if (I >= E)
      return;
    size_t Close = matchParen(T, I, E);
    if (Close >= E)
      return;
    elements(I, Close);
    tail(Close + 1, E);
  }

  /// The table element list between Open '(' and Close ')'.
  void elements(size_t Open, size_t Close) {
    size_t ElemStart = Open + 1;
    int Depth = 0;
    for (size_t I = Open + 1; I <= Close; ++I) {
      if (T[I].isPunct('('))
        ++Depth;
      else if (T[I].isPunct(')') && I != Close)
        --Depth;
      if ((Depth == 0 && T[I].isPunct(',')) || I == Close) {
        if (I > ElemStart)
          element(ElemStart, I, Open);
        ElemStart = I + 1;
      }
    }
  }

  /// True for `INDEX [name] (cols)`; false for a column that happens to be called index.
  bool isInlineIndex(size_t I, size_t End) {
    if (I < End && T[I].isPunct('('))
      return true;
    if (I + 1 < End && T[I].isName() && T[I + 1].isPunct('('))
      return !(I + 2 < End && T[I + 2].Kind == TokKind::Number); // `index numeric(10, 2)`
    return false;
  }

  void element(size_t B, size_t E, size_t ListOpen) {
    size_t I = B;
    bool Drop = false;
    if (T[I].is("index") || T[I].is("family"))
      Drop = isInlineIndex(I + 1, E);
    else if ((T[I].is("unique") || T[I].is("inverted")) && I + 1 < E && T[I + 1].is("index"))
      Drop = true;
    if (Drop) {
      // Take the comma before the element with it, or the one after if it is the first.
      size_t From = T[B - 1].isPunct(',') ? B - 1 : B;
      size_t To = (From == B && T[E].isPunct(',')) ? E : E - 1;
      blankTokens(From, To);
      return;
    }
    // PRIMARY KEY (id ASC) / UNIQUE (a DESC) [USING HASH ...], named or not.
    if (T[I].is("constraint") && I + 2 < E)
      I += 2;
    bool KeyList = (T[I].is("primary") && I + 1 < E && T[I + 1].is("key")) || T[I].is("unique");
    if (!KeyList)
      return;
    while (I < E && !T[I].isPunct('('))
      ++I;
    if (I >= E)
      return;
    size_t Close = matchParen(T, I, E);
    if (Close >= E)
      return;
    for (size_t J = I + 1; J < Close; ++J)
      if (T[J].is("asc") || T[J].is("desc"))
        blankTokens(J, J);
    blankIndexOptions(Close + 1, E);
  }

  /// After the element list: INTERLEAVE IN PARENT, LOCALITY, CockroachDB PARTITION BY lists.
  void tail(size_t B, size_t E) {
    for (size_t I = B; I < E; ++I) {
      bool CockroachOnly = T[I].is("interleave") || T[I].is("locality");
      if (T[I].is("partition") && I + 1 < E && T[I + 1].is("by")) {
        bool NestedList = false;
        for (size_t J = I + 2; J < E; ++J)
          NestedList = NestedList || T[J].is("partition");
        CockroachOnly = NestedList || D == Dialect::Cockroach;
      }
      if (CockroachOnly) {
        blankTokens(I, E - 1);
        return;
      }
    }
  }
};

} // namespace

namespace {

/// Replaces the placeholders of Out (Text at absolute offset Base, scanned into T) by
/// identifiers of the same length; see normalizeDialect.
class PlaceholderReader {
public:
  PlaceholderReader(std::string &Out, const std::vector<Token> &T, size_t Base,
                    Placeholders *Found)
      : Out(Out), T(T), Base(Base), Found(Found) {}

  void run() {
    int Brackets = 0; // `[1:n]` is an array slice, not a psql variable
    for (size_t I = 0; I < T.size(); ++I) {
      const Token &K = T[I];
      if (K.isPunct(';'))
        Brackets = 0;
      else if (K.isPunct('['))
        ++Brackets;
      else if (K.isPunct(']'))
        Brackets = std::max(0, Brackets - 1);
      else if (K.isPunct(':') && Brackets == 0 && I + 1 < T.size() && T[I + 1].Begin == K.End)
        psqlVariable(K, T[I + 1]);
      else if (isOpenBrace(K) && K.Begin > Base && at(K.Begin - 1) == '$')
        // `${flyway:schema}`: its colon is no psql variable.
        for (size_t End = template_(K.Begin - 1, K.End); I + 1 < T.size() && T[I + 1].Begin < End;)
          ++I;
    }
  }

private:
  std::string &Out;
  const std::vector<Token> &T;
  size_t Base;
  Placeholders *Found;

  static bool identifierChars(llvm::StringRef S) {
    return !S.empty() && llvm::all_of(S, isIdentCont);
  }
  char at(size_t Offset) const { return Offset - Base < Out.size() ? Out[Offset - Base] : 0; }
  static bool isOpenBrace(const Token &K) { return K.End == K.Begin + 1 && K.Name == "{"; }

  /// Every byte of [Begin, End) that cannot be part of an unquoted identifier becomes `_`.
  void replace(size_t Begin, size_t End) {
    std::string Original = Out.substr(Begin - Base, End - Begin);
    for (size_t I = Begin - Base; I < End - Base; ++I)
      if (!isIdentCont(Out[I]) || Out[I] == '$')
        Out[I] = '_';
    if (Found) {
      std::string Written = Out.substr(Begin - Base, End - Begin);
      std::string Spelling = llvm::StringRef(Written).lower();
      if (llvm::none_of(*Found, [&](const Placeholder &P) { return P.Written == Written; }))
        Found->push_back({std::move(Spelling), std::move(Original), std::move(Written)});
    }
  }

  /// `:name`, `:"name"` or `:'name'`, the colon glued to what follows.
  void psqlVariable(const Token &Colon, const Token &Next) {
    if (Next.Kind == TokKind::Word)
      replace(Colon.Begin, Next.End);
    else if (Next.Kind == TokKind::QuotedIdent && identifierChars(Next.Name))
      replace(Colon.Begin, Next.End);
    else if (Next.Kind == TokKind::String && at(Next.Begin) == '\'')
      Out[Colon.Begin - Base] = ' '; // a string where psql puts a quoted value
  }

  /// `${name}`: the name is letters, digits and `_ . : -` up to the `}`. Returns where the
  /// placeholder ends (AfterBrace when there is none).
  size_t template_(size_t Dollar, size_t AfterBrace) {
    size_t I = AfterBrace;
    while (I - Base < Out.size() &&
           (isIdentCont(at(I)) || llvm::StringRef("_.:-").contains(at(I))))
      ++I;
    if (I == AfterBrace || at(I) != '}')
      return AfterBrace;
    replace(Dollar, I + 1);
    return I + 1;
  }
};

} // namespace

std::string normalizeDialect(llvm::StringRef Text, const std::vector<Token> &Toks, Dialect D,
                             size_t Base, Placeholders *Found) {
  std::string Out = D == Dialect::Postgres ? Text.str() : Normalizer(Text, Toks, D, Base).run();
  if (D != Dialect::Mysql && D != Dialect::Sqlite)
    PlaceholderReader(Out, Toks, Base, Found).run();
  return Out;
}

static void replaceAll(std::string &S, const std::string &From, const std::string &To) {
  for (size_t At = S.find(From); At != std::string::npos; At = S.find(From, At + To.size()))
    S.replace(At, From.size(), To);
}

void restorePlaceholders(std::string &Name, const Placeholders &P) {
  for (const Placeholder &H : P)
    replaceAll(Name, H.Spelling, H.Original);
}

void appendPlaceholders(std::vector<std::string> &Into, const std::vector<std::string> &From) {
  for (const std::string &P : From)
    if (!llvm::is_contained(Into, P))
      Into.push_back(P);
}

std::string restorePlaceholdersInMessage(std::string Message, const Placeholders &P) {
  // Only the text the message quotes: `at or near "_name"`.
  size_t Open = Message.find('"'), Close = Message.rfind('"');
  if (Open == std::string::npos || Close <= Open)
    return Message;
  std::string Quoted = Message.substr(Open + 1, Close - Open - 1);
  for (const Placeholder &H : P)
    replaceAll(Quoted, H.Written, H.Original);
  return Message.substr(0, Open + 1) + Quoted + Message.substr(Close);
}

bool isPlaceholderName(llvm::StringRef Name, const std::vector<std::string> *Known) {
  bool Any = false;
  size_t I = 0;
  // One placeholder, [From, To) of Name: counted when Known (if given) has it.
  auto Piece = [&](size_t From, size_t To) {
    I = To;
    Any = true;
    return !Known || llvm::is_contained(*Known, Name.slice(From, To));
  };
  while (I < Name.size()) {
    char C = Name[I];
    if (C == ':' && I + 1 < Name.size() && isIdentStart(Name[I + 1])) {
      size_t End = I + 1;
      while (End < Name.size() && isIdentCont(Name[End]) &&
             !(Name[End] == '$' && End + 1 < Name.size() && Name[End + 1] == '{'))
        ++End;
      if (!Piece(I, End))
        return false;
    } else if (C == ':' && I + 1 < Name.size() && Name[I + 1] == '"') {
      size_t Close = Name.find('"', I + 2);
      if (Close == llvm::StringRef::npos || Close == I + 2 ||
          !llvm::all_of(Name.slice(I + 2, Close), isIdentCont) || !Piece(I, Close + 1))
        return false;
    } else if (C == '$' && I + 1 < Name.size() && Name[I + 1] == '{') {
      size_t Close = Name.find('}', I + 2);
      if (Close == llvm::StringRef::npos || Close == I + 2 ||
          !llvm::all_of(Name.slice(I + 2, Close),
                        [](char B) {
                          return isIdentCont(B) || llvm::StringRef(".:-").contains(B);
                        }) ||
          !Piece(I, Close + 1))
        return false;
    } else if (isIdentCont(C)) {
      ++I;
    } else {
      return false;
    }
  }
  return Any;
}

} // namespace cascade
