#include "DialectNormalizer.h"

#include "llvm/ADT/StringSwitch.h"

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

std::string normalizeDialect(llvm::StringRef Text, const std::vector<Token> &Toks, Dialect D,
                             size_t Base) {
  if (D == Dialect::Postgres)
    return Text.str();
  return Normalizer(Text, Toks, D, Base).run();
}

} // namespace cascade
