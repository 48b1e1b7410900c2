// The MySQL / SQLite reader: statements are split at top-level semicolons and read from tokens;
// whatever is not a table, column, key or rename statement is passed over without complaint.
#include "ForeignDialectReader.h"
#include "AnalyzerInternal.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace cascade {

namespace {

bool identStart(char C) {
  return llvm::isAlpha(C) || C == '_' || C == '$' || static_cast<unsigned char>(C) >= 0x80;
}
bool identChar(char C) { return identStart(C) || llvm::isDigit(C); }

class Lexer {
public:
  Lexer(llvm::StringRef Text, Dialect D) : S(Text), D(D) {}

  TokenStream run() {
    while (I < S.size()) {
      char C = S[I];
      if (llvm::isSpace(C)) {
        ++I;
        continue;
      }
      size_t B = I;
      if (lineComment()) {
        size_t E = S.find('\n', I);
        I = E == llvm::StringRef::npos ? S.size() : E;
        push(TokKind::Comment, B, "");
        continue;
      }
      if (C == '/' && peek(1) == '*') {
        size_t E = S.find("*/", I + 2);
        if (E == llvm::StringRef::npos)
          return fail(B, "unterminated /* comment");
        I = E + 2;
        push(TokKind::Comment, B, "");
        continue;
      }
      if (C == '`' || (C == '"' && D == Dialect::Sqlite) ||
          (C == '[' && D == Dialect::Sqlite)) {
        char Close = C == '[' ? ']' : C;
        std::string Name;
        if (!quoted(Close, /*Backslash=*/false, Name))
          return fail(B, "unterminated quoted identifier");
        push(TokKind::QuotedIdent, B, Name);
        continue;
      }
      if (C == '\'' || C == '"') {
        // MySQL's "..." is a string, or a name under ANSI_QUOTES: kept as a name, so that a
        // `REFERENCES "users"("id")` is read either way (no name position takes a string).
        std::string Name;
        if (!quoted(C, /*Backslash=*/D == Dialect::Mysql, Name))
          return fail(B, "unterminated quoted string");
        if (C == '"')
          push(TokKind::QuotedIdent, B, Name);
        else
          push(TokKind::String, B, "");
        continue;
      }
      if (llvm::isDigit(C)) {
        while (I < S.size() && (llvm::isAlnum(S[I]) || S[I] == '.'))
          ++I;
        push(TokKind::Number, B, "");
        continue;
      }
      if (identStart(C)) {
        while (I < S.size() && identChar(S[I]))
          ++I;
        llvm::StringRef Spelling = S.slice(B, I);
        push(TokKind::Word, B, Spelling.lower());
        Out.Tokens.back().LowerSpelled = Out.Tokens.back().Name == Spelling;
        continue;
      }
      ++I;
      if (llvm::StringRef("(),;.[]=").contains(C))
        push(TokKind::Punct, B, std::string(1, C));
      else
        push(TokKind::Operator, B, std::string(1, C));
    }
    return std::move(Out);
  }

private:
  llvm::StringRef S;
  Dialect D;
  size_t I = 0;
  TokenStream Out;

  char peek(size_t K) const { return I + K < S.size() ? S[I + K] : '\0'; }

  /// `--` (MySQL: only when a blank, `>` or the end follows) and MySQL's `#`.
  bool lineComment() const {
    if (S[I] == '#' && D == Dialect::Mysql)
      return true;
    if (S[I] != '-' || peek(1) != '-')
      return false;
    // drizzle-kit's `--> statement-breakpoint` is split off before MySQL sees it: a comment.
    char After = peek(2);
    return D != Dialect::Mysql || After == '\0' || After == '>' || llvm::isSpace(After);
  }

  bool quoted(char Close, bool Backslash, std::string &Name) {
    for (++I; I < S.size(); ++I) {
      if (Backslash && S[I] == '\\') {
        ++I;
        continue;
      }
      if (S[I] != Close) {
        Name += S[I];
        continue;
      }
      if (Close != ']' && peek(1) == Close) { // doubled: one literal quote
        Name += Close;
        ++I;
        continue;
      }
      ++I;
      return true;
    }
    return false;
  }

  void push(TokKind K, size_t B, std::string Name) {
    Token T;
    T.Kind = K;
    T.Begin = B;
    T.End = I;
    T.Name = std::move(Name);
    (K == TokKind::Comment ? Out.Comments : Out.Tokens).push_back(std::move(T));
  }

  TokenStream fail(size_t At, const char *Message) {
    Out.Error = SyntaxError{At, Message};
    return std::move(Out);
  }
};

/// Words that start a table element other than a column.
bool elementKeyword(const Token &T) {
  for (const char *W : {"constraint", "primary", "foreign", "unique", "key", "index", "check",
                        "fulltext", "spatial"})
    if (T.is(W))
      return true;
  return false;
}

class Reader {
public:
  Reader(llvm::StringRef Text, const std::vector<Token> &Toks, Dialect D, Catalog &Cat,
         Analysis &Out, const AnalyzerOptions &Opts)
      : Text(Text), T(Toks), D(D), Cat(Cat), Out(Out), Opts(Opts) {}

  /// Truncated: the lexer stopped early, so the last statement is cut off and its problems
  /// would only repeat the lexer's error.
  void run(bool Truncated) {
    for (auto [First, Last] : splitStatements(T, 0, T.size())) {
      CutOff = Truncated && Last == T.size();
      statement(First, Last);
    }
  }

private:
  llvm::StringRef Text;
  const std::vector<Token> &T;
  Dialect D;
  Catalog &Cat;
  Analysis &Out;
  const AnalyzerOptions &Opts;
  bool CutOff = false;

  bool at(size_t I, size_t Last, const char *W) const { return I < Last && T[I].is(W); }

  void note(size_t Begin, size_t End, std::string Message) {
    Finding F;
    F.Level = Severity::Note;
    F.Begin = Begin;
    F.End = End;
    F.Message = std::move(Message);
    Out.Diagnostics.push_back(std::move(F));
  }

  /// A statement the reader cannot make sense of: an error at it, and the statement is passed
  /// over (the rest of the file is still read).
  void unreadable(size_t I, const llvm::Twine &What) {
    if (CutOff)
      return;
    Finding F;
    F.CheckId = DiagnosticErrorId;
    F.Level = Severity::Error;
    F.Begin = F.End = I < T.size() ? T[I].Begin : Text.size();
    F.Message = (What + "; the " + (D == Dialect::Mysql ? "MySQL" : "SQLite") +
                 " reader skipped this statement")
                    .str();
    Out.Diagnostics.push_back(std::move(F));
  }

  std::optional<QualifiedName> name(size_t &I, size_t Last) {
    auto N = parseQualifiedName(T, I, Last);
    if (N && D == Dialect::Sqlite && (N->Schema == "main" || N->Schema == "temp"))
      N->Schema.clear(); // SQLite's schema is the attached database: main is the default one
    return N;
  }

  void statement(size_t First, size_t Last) {
    size_t I = First;
    if (at(I, Last, "create")) {
      ++I;
      while (at(I, Last, "temp") || at(I, Last, "temporary"))
        ++I;
      if (at(I, Last, "table"))
        createTable(I + 1, Last);
    } else if (at(I, Last, "alter") && at(I + 1, Last, "table")) {
      alterTable(I + 2, Last);
    } else if (at(I, Last, "drop") &&
               (at(I + 1, Last, "table") ||
                (at(I + 1, Last, "temporary") && at(I + 2, Last, "table")))) {
      I += at(I + 1, Last, "table") ? 2 : 3;
      if (at(I, Last, "if") && at(I + 1, Last, "exists"))
        I += 2;
      while (I < Last) {
        auto N = name(I, Last);
        if (!N)
          break;
        Cat.drop(*N);
        if (!(I < Last && T[I].isPunct(',')))
          break;
        ++I;
      }
    } else if (at(I, Last, "rename") && at(I + 1, Last, "table") && D == Dialect::Mysql) {
      // RENAME TABLE a TO b [, c TO d]
      I += 2;
      while (I < Last) {
        auto From = name(I, Last);
        if (!From || !at(I, Last, "to"))
          break;
        ++I;
        auto To = name(I, Last);
        if (!To)
          break;
        Cat.renameTable(*From, To->Name);
        if (!(I < Last && T[I].isPunct(',')))
          break;
        ++I;
      }
    }
  }

  void createTable(size_t I, size_t Last) {
    if (at(I, Last, "if") && at(I + 1, Last, "not") && at(I + 2, Last, "exists"))
      I += 3;
    auto Name = name(I, Last);
    if (!Name)
      return unreadable(I, "expected a table name after CREATE TABLE");
    if (I < Last && T[I].isPunct('(') && matchParen(T, I, Last) >= Last)
      return unreadable(I, "unbalanced parenthesis in CREATE TABLE " + Name->str());
    bool Existed;
    Table &Tab = Cat.create(*Name, Existed);
    if (Existed || I >= Last || !T[I].isPunct('('))
      return; // IF NOT EXISTS of a known table, AS SELECT, LIKE
    size_t Close = matchParen(T, I, Last);
    std::vector<std::pair<size_t, size_t>> Elements = splitElements(I + 1, Close);
    // Columns and the primary key first: a table-level key may name a column defined after it.
    for (auto [B, E] : Elements) {
      if (elementKeyword(T[B])) {
        size_t K = B;
        if (T[K].is("constraint")) {
          ++K;
          if (K < E && T[K].isName() && !T[K].is("primary") && !T[K].is("foreign") &&
              !T[K].is("unique") && !T[K].is("check"))
            ++K; // the constraint's name
        }
        if (at(K, E, "primary") && at(K + 1, E, "key"))
          Tab.PrimaryKey = columnList(K + 2, E);
        continue;
      }
      if (!T[B].isName())
        continue;
      Tab.addColumn({T[B].Name, columnNotNull(B, E)});
      for (size_t K = B + 1; K + 1 < E; ++K)
        if (T[K].is("primary") && T[K + 1].is("key"))
          Tab.PrimaryKey = {T[B].Name};
    }
    // MySQL: a storage engine other than InnoDB (and NDB) parses keys and creates none.
    size_t Engine = Close + 1;
    while (Engine + 1 < Last && !T[Engine].is("engine"))
      ++Engine;
    size_t EngineName = Engine + 1 < Last && T[Engine + 1].isPunct('=') ? Engine + 2 : Engine + 1;
    bool Enforced = D != Dialect::Mysql || EngineName >= Last || !T[Engine].is("engine") ||
                    !T[EngineName].isName() || T[EngineName].Name == "innodb" ||
                    T[EngineName].Name == "ndb" || T[EngineName].Name == "ndbcluster";
    if (!Enforced) {
      bool AnyKey = false;
      for (size_t K = I; K < Close && !AnyKey; ++K)
        AnyKey = T[K].is("references");
      if (AnyKey)
        note(T[Engine].Begin, T[EngineName].End,
             "ENGINE=" + Text.slice(T[EngineName].Begin, T[EngineName].End).str() +
                 " does not enforce foreign keys: MySQL creates no "
             "key for table " + Name->str() + ", so its REFERENCES clauses are not checked; "
             "ENGINE=InnoDB makes them keys");
      return;
    }
    for (auto [B, E] : Elements)
      element(*Name, B, E);
  }

  /// Comma-separated elements of a parenthesised list, as token ranges.
  std::vector<std::pair<size_t, size_t>> splitElements(size_t B, size_t E) {
    std::vector<std::pair<size_t, size_t>> Out;
    int Depth = 0;
    size_t Start = B;
    for (size_t K = B; K <= E; ++K) {
      if (K == E || (Depth == 0 && T[K].isPunct(','))) {
        if (K > Start)
          Out.push_back({Start, K});
        Start = K + 1;
        continue;
      }
      if (T[K].isPunct('('))
        ++Depth;
      else if (T[K].isPunct(')'))
        --Depth;
    }
    return Out;
  }

  /// The names in `( a, b(10), c DESC )` at K (MySQL index prefix lengths and orders skipped).
  std::vector<std::string> columnList(size_t K, size_t E) {
    std::vector<std::string> Cols;
    if (K >= E || !T[K].isPunct('('))
      return Cols;
    size_t Close = matchParen(T, K, E);
    for (auto [B, End] : splitElements(K + 1, Close))
      if (T[B].isName())
        Cols.push_back(T[B].Name);
    return Cols;
  }

  bool columnNotNull(size_t B, size_t E) {
    for (size_t K = B + 1; K + 1 < E; ++K) {
      if (T[K].is("references"))
        return notNullAfter(B, E);
      if ((T[K].is("not") && T[K + 1].is("null")) || (T[K].is("primary") && T[K + 1].is("key")))
        return true;
    }
    return false;
  }
  bool notNullAfter(size_t B, size_t E) {
    for (size_t K = B + 1; K + 1 < E; ++K)
      if ((T[K].is("not") && T[K + 1].is("null")) || (T[K].is("primary") && T[K + 1].is("key")))
        return true;
    return false;
  }

  /// One table element (or ALTER TABLE ADD target): a table-level key or a column definition
  /// with a column-level REFERENCES.
  void element(const QualifiedName &Table, size_t B, size_t E) {
    size_t K = B;
    std::string ConstraintName;
    size_t DefBegin = B;
    if (T[K].is("constraint")) {
      ++K;
      if (K < E && T[K].isName() && !T[K].is("foreign") && !T[K].is("primary") &&
          !T[K].is("unique") && !T[K].is("check"))
        ConstraintName = T[K++].Name;
    }
    if (at(K, E, "foreign") && at(K + 1, E, "key")) {
      K += 2;
      if (K < E && T[K].isName()) // MySQL's index name: FOREIGN KEY idx (cols)
        ++K;
      std::vector<std::string> Cols = columnList(K, E);
      if (K >= E || !T[K].isPunct('('))
        return;
      size_t R = matchParen(T, K, E) + 1;
      if (!at(R, E, "references"))
        return;
      std::vector<bool> NotNull;
      for (const std::string &C : Cols)
        NotNull.push_back(Cat.notNull(Table, C).value_or(false));
      key(Table, std::move(Cols), std::move(NotNull), ConstraintName, DefBegin, R, E,
          /*ColumnLevel=*/false);
      return;
    }
    if (K != B || elementKeyword(T[B]) || !T[B].isName())
      return;
    // A column definition: name type ... [CONSTRAINT n] REFERENCES ...
    std::string Name;
    for (size_t R = B + 1; R < E; ++R) {
      if (T[R].is("constraint") && R + 1 < E && T[R + 1].isName())
        Name = T[R + 1].Name;
      if (!T[R].is("references"))
        continue;
      bool NotNull = notNullAfter(B, E) || Cat.notNull(Table, T[B].Name).value_or(false);
      key(Table, {T[B].Name}, {NotNull}, Name, B, R, E, /*ColumnLevel=*/true);
      return;
    }
  }

  void key(const QualifiedName &Table, std::vector<std::string> Cols, std::vector<bool> NotNull,
           const std::string &Name, size_t DefBegin, size_t R, size_t E, bool ColumnLevel) {
    auto Clause = parseReferences(T, R, E);
    if (!Clause)
      return;
    ForeignKey FK;
    FK.Child = Table;
    FK.Columns = std::move(Cols);
    FK.NotNull = std::move(NotNull);
    FK.Name = Name;
    FK.Ref = std::move(*Clause);
    FK.DefinitionBegin = T[DefBegin].Begin;
    size_t After = R;
    while (After < E && T[After].End <= FK.Ref.End)
      ++After;
    for (size_t K = After; K < E; ++K) {
      if (T[K].is("deferrable"))
        FK.Deferrable = !(K > 0 && T[K - 1].is("not"));
      if (T[K].is("deferred") && K > 0 && T[K - 1].is("initially"))
        FK.InitiallyDeferred = true;
    }
    if (D == Dialect::Mysql && ColumnLevel)
      FK.DialectNotes.push_back(
           "MySQL 8.4 and older parse a column-level REFERENCES and create no foreign key "
           "(MariaDB and MySQL 9.0 create one); the table-level FOREIGN KEY (" +
               quoteIdent(FK.Columns[0]) + ") REFERENCES form works on every version");
    size_t Match = E; // MySQL: the MATCH keyword of the clause
    for (size_t K = R; K + 1 < E && T[K].Begin < FK.Ref.End && Match == E; ++K)
      if (T[K].is("match") && T[K + 1].isName())
        Match = K;
    if (D == Dialect::Mysql && Match != E) {
      note(T[Match].Begin, T[Match + 1].End,
           "MySQL ignores ON DELETE and ON UPDATE in a REFERENCES clause with MATCH: this key "
           "behaves as ON DELETE RESTRICT whatever it says; the fix removes the MATCH clause");
      // What the server does; any fix of this key also removes ` MATCH x` (with the blank
      // before it) so that its action applies.
      if (FK.Ref.OnDelete.Explicit)
        FK.Ref.OnDelete.Act = Action::Restrict;
      size_t From = T[Match].Begin;
      while (From > 0 && (Text[From - 1] == ' ' || Text[From - 1] == '\t'))
        --From;
      FK.DialectEdits.push_back(Edit{From, T[Match + 1].End - From, ""});
    }
    StatementContext Ctx{T, 0, T.size(), Cat, Out, Opts, Text};
    recordForeignKey(Ctx, std::move(FK));
  }

  void alterTable(size_t I, size_t Last) {
    if (at(I, Last, "if") && at(I + 1, Last, "exists"))
      I += 2;
    if (at(I, Last, "only"))
      ++I;
    auto Name = name(I, Last);
    if (!Name)
      return unreadable(I, "expected a table name after ALTER TABLE");
    QualifiedName Table = *Name;
    for (auto [B, E] : splitElements(I, Last)) {
      size_t K = B;
      if (at(K, E, "add")) {
        ++K;
        if (at(K, E, "column"))
          ++K;
        if (K >= E)
          continue;
        if (!elementKeyword(T[K]) && T[K].isName()) {
          if (Table_ *Tab = Cat.find(Table))
            Tab->addColumn({T[K].Name, columnNotNull(K, E)});
        }
        element(Table, K, E);
      } else if (at(K, E, "drop")) {
        ++K;
        bool DropsKey = at(K, E, "foreign") && at(K + 1, E, "key");
        if (DropsKey || at(K, E, "constraint")) {
          K += DropsKey ? 2 : 1;
          if (at(K, E, "if") && at(K + 1, E, "exists")) // MariaDB
            K += 2;
          if (K < E && T[K].isName())
            Cat.dropConstraint(Table, T[K].Name);
        } else if (!at(K, E, "primary") && !at(K, E, "index") && !at(K, E, "key") &&
                 !at(K, E, "check")) {
          if (at(K, E, "column"))
            ++K;
          if (K < E && T[K].isName())
            Cat.dropColumn(Table, T[K].Name);
        }
      } else if (at(K, E, "rename")) {
        ++K;
        if (at(K, E, "column") && at(K + 2, E, "to") && K + 3 < E) {
          Cat.renameColumn(Table, T[K + 1].Name, T[K + 3].Name);
        } else if (!at(K, E, "to") && !at(K, E, "as") && !at(K, E, "index") &&
                   !at(K, E, "key") && K + 2 < E && T[K].isName() && at(K + 1, E, "to")) {
          Cat.renameColumn(Table, T[K].Name, T[K + 2].Name); // RENAME a TO b (SQLite)
        } else if (!at(K, E, "index") && !at(K, E, "key")) {
          if (at(K, E, "to") || at(K, E, "as"))
            ++K;
          if (auto To = name(K, E)) {
            Cat.renameTable(Table, To->Name);
            Table.Name = To->Name;
          }
        }
      } else if (at(K, E, "modify") || at(K, E, "change")) {
        bool Change = T[K].is("change");
        ++K;
        if (at(K, E, "column"))
          ++K;
        if (K >= E || !T[K].isName())
          continue;
        std::string Col = T[K].Name;
        if (Change && K + 1 < E && T[K + 1].isName()) {
          Cat.renameColumn(Table, Col, T[K + 1].Name);
          Col = T[++K].Name;
        }
        if (Table_ *Tab = Cat.find(Table))
          if (Column *C = Tab->column(Col))
            C->NotNull = columnNotNull(K, E);
      }
    }
  }

  using Table_ = cascade::Table;
};

} // namespace

TokenStream lexForeignDialect(llvm::StringRef Text, Dialect D) { return Lexer(Text, D).run(); }

Analysis readForeignDialect(llvm::StringRef Text, Dialect D, Catalog &Cat) {
  Analysis Out;
  TokenStream Toks = lexForeignDialect(Text, D);
  Out.Comments = Toks.Comments;
  if (Toks.Error) {
    Finding F;
    F.CheckId = DiagnosticErrorId;
    F.Level = Severity::Error;
    F.Begin = F.End = Toks.Error->Offset;
    F.Message = Toks.Error->Message + "; the rest of the file was not analysed";
    Out.Diagnostics.push_back(std::move(F));
  }
  AnalyzerOptions Opts;
  Opts.SqlDialect = D;
  Reader(Text, Toks.Tokens, D, Cat, Out, Opts).run(Toks.Error.has_value());
  return Out;
}

} // namespace cascade
