// The analysis driver: tokens, dialect normalization, statements, PL/pgSQL bodies, parsing.
#include "AnalyzerInternal.h"
#include "ForeignDialectReader.h"
#include "PgQuery.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/thread.h"

namespace cascade {

size_t tokenAt(const StatementContext &Ctx, size_t Offset) {
  auto It = std::lower_bound(Ctx.Toks.begin() + Ctx.First, Ctx.Toks.begin() + Ctx.Last, Offset,
                             [](const Token &T, size_t O) { return T.Begin < O; });
  return static_cast<size_t>(It - Ctx.Toks.begin());
}

/// Whether an insertion at Offset needs a blank after it not to glue onto what follows.
static bool gluesToNext(llvm::StringRef Text, size_t Offset) {
  if (Offset >= Text.size())
    return false;
  char C = Text[Offset];
  return !llvm::isSpace(C) && C != ',' && C != ')' && C != ';';
}

void recordForeignKey(StatementContext &Ctx, ForeignKey FK) {
  FK.Ref.InsertNeedsTrailingBlank = gluesToNext(Ctx.Text, FK.Ref.InsertAt);
  if (FK.Ref.OnDelete.Explicit)
    FK.Ref.OnDelete.NeedsTrailingBlank = gluesToNext(Ctx.Text, FK.Ref.OnDelete.ActionEnd);
  FK.CatalogId =
      static_cast<int>(Ctx.Cat.addForeignKey(FK, static_cast<int>(Ctx.Out.ForeignKeys.size())));
  Ctx.Out.ForeignKeys.push_back(std::move(FK));
}

/// The index of the `;` that ends the statement starting at Begin (or End): the first one
/// outside parentheses.
static size_t statementEnd(const std::vector<Token> &Toks, size_t Begin, size_t End) {
  int Depth = 0;
  for (size_t I = Begin; I < End; ++I) {
    if (Toks[I].isPunct('('))
      ++Depth;
    else if (Toks[I].isPunct(')') && Depth > 0)
      --Depth;
    else if (Toks[I].isPunct(';') && Depth == 0)
      return I;
  }
  return End;
}

std::vector<std::pair<size_t, size_t>> splitStatements(const std::vector<Token> &Toks,
                                                       size_t Begin, size_t End) {
  std::vector<std::pair<size_t, size_t>> Out;
  for (size_t Start = Begin; Start < End;) {
    size_t Stop = statementEnd(Toks, Start, End);
    if (Stop > Start)
      Out.push_back({Start, Stop});
    Start = Stop + 1;
  }
  return Out;
}

bool blankDownSections(std::string &Text) {
  bool Found = false, InDown = false;
  size_t LineStart = 0;
  while (LineStart < Text.size()) {
    size_t LineEnd = Text.find('\n', LineStart);
    if (LineEnd == std::string::npos)
      LineEnd = Text.size();
    llvm::StringRef Line = llvm::StringRef(Text).slice(LineStart, LineEnd).trim();
    if (Line.starts_with("--")) {
      llvm::StringRef Marker = Line.drop_front(2).trim();
      if (Marker.starts_with_insensitive("+goose down") ||
          Marker.starts_with_insensitive("+migrate down"))
        InDown = Found = true;
      else if (Marker.starts_with_insensitive("+goose up") ||
               Marker.starts_with_insensitive("+migrate up"))
        InDown = false;
    }
    if (InDown)
      for (size_t I = LineStart; I < LineEnd; ++I)
        if (Text[I] != '\r')
          Text[I] = ' ';
    LineStart = LineEnd + 1;
  }
  return Found;
}

unsigned nestingEstimate(const std::vector<Token> &Toks, size_t First, size_t Last) {
  // Per open parenthesis or bracket: the counted tokens of the current comma-separated element,
  // the deepest group closed inside it, and the deepest element so far.
  struct Group {
    unsigned Element = 0, Inner = 0, Deepest = 0;
    void endElement() {
      Deepest = std::max(Deepest, Element + Inner);
      Element = Inner = 0;
    }
  };
  std::vector<Group> Open(1);
  auto Close = [&] {
    Open.back().endElement();
    unsigned Depth = Open.back().Deepest + 1;
    Open.pop_back();
    Open.back().Inner = std::max(Open.back().Inner, Depth);
  };
  for (size_t I = First; I < Last; ++I) {
    const Token &T = Toks[I];
    if (T.isPunct('(') || T.isPunct('['))
      Open.emplace_back();
    else if ((T.isPunct(')') || T.isPunct(']')) && Open.size() > 1)
      Close();
    else if (T.isPunct(','))
      Open.back().endElement();
    else if (T.Kind == TokKind::Operator || T.Kind == TokKind::Punct ||
             T.Kind == TokKind::Other || (T.Kind == TokKind::Word && T.Keyword))
      ++Open.back().Element; // operands (names, literals) do not nest
  }
  while (Open.size() > 1)
    Close();
  Open.back().endElement();
  return Open.back().Deepest;
}

namespace {

/// Statements estimated deeper than this are parsed on a thread with DeepParseStack bytes of
/// stack; libpg_query needs about 130 bytes per level.
constexpr unsigned InlineNesting = 1000;
constexpr unsigned DeepParseStack = 16u << 20;

class Driver {
public:
  Driver(std::string Buffer, const AnalyzerOptions &Opts, Catalog &Cat, Analysis &Out)
      : Buf(std::move(Buffer)), Opts(Opts), Cat(Cat), Out(Out) {}

  void run() {
    TokenStream Raw = tokenize(Buf);
    Out.Comments = Raw.Comments;
    if (Raw.Error) {
      syntaxError(Raw.Error->Offset, Raw.Error->Message, /*Scanner=*/true);
      Truncated = true;
    }
    std::string Normal = normalizeDialect(Buf, Raw.Tokens, Opts.SqlDialect);
    std::vector<Token> Toks = std::move(Raw.Tokens);
    if (Normal != Buf) {
      Buf = std::move(Normal);
      Toks = tokenize(Buf).Tokens;
    }
    TopLevel = std::move(Toks);
    statements(TopLevel, 0, TopLevel.size(), /*InBody=*/false);
  }

private:
  std::string Buf;
  const AnalyzerOptions &Opts;
  Catalog &Cat;
  Analysis &Out;
  /// The scanner stopped early: the last statement is cut off and its "syntax error at end of
  /// input" would only repeat the scanner's error.
  bool Truncated = false;
  std::vector<Token> TopLevel;

  /// Scanner errors end the analysable text; parser errors only their statement.
  void syntaxError(size_t Offset, llvm::StringRef Message, bool Scanner = false) {
    if (Opts.Fragments)
      return;
    Finding F;
    F.CheckId = DiagnosticErrorId;
    F.Level = Severity::Error;
    F.Begin = F.End = Offset;
    // libpg_query quotes the rest of an unterminated token: keep its first line.
    std::string Text = Message.str();
    size_t Break = Text.find_first_of("\r\n");
    if (Break != std::string::npos)
      Text = Text.substr(0, Break) + "...\"";
    F.Message = Text + (Scanner ? "; the rest of the file was not analysed"
                                : "; only REFERENCES clauses of this statement are checked");
    Out.Diagnostics.push_back(std::move(F));
  }

  void statements(const std::vector<Token> &Toks, size_t Begin, size_t End, bool InBody) {
    for (auto [First, Last] : splitStatements(Toks, Begin, End)) {
      if (!InBody && bodyStatement(Toks, First, Last))
        continue;
      parse(Toks, First, Last);
    }
  }

  /// DO blocks and CREATE FUNCTION/PROCEDURE bodies in PL/pgSQL or SQL: the DDL they run is
  /// analysed in place. Returns true when the statement was such a wrapper.
  bool bodyStatement(const std::vector<Token> &Toks, size_t First, size_t Last) {
    bool IsDo = Toks[First].is("do");
    bool IsRoutine = false;
    if (Toks[First].is("create"))
      for (size_t I = First + 1; I < Last && I < First + 5; ++I)
        IsRoutine = IsRoutine || Toks[I].is("function") || Toks[I].is("procedure");
    if (!IsDo && !IsRoutine)
      return false;
    std::string Language = IsDo ? "plpgsql" : "sql";
    const Token *Body = nullptr;
    for (size_t I = First + 1; I < Last; ++I) {
      if (Toks[I].is("language") && I + 1 < Last)
        Language = Toks[I + 1].Kind == TokKind::String
                       ? llvm::StringRef(Buf).slice(Toks[I + 1].Begin + 1, Toks[I + 1].End - 1).lower()
                       : Toks[I + 1].Name;
      if (!Body && Toks[I].Kind == TokKind::String && Buf[Toks[I].Begin] == '$' &&
          (IsDo || (I > First && Toks[I - 1].is("as"))))
        Body = &Toks[I];
    }
    if (!Body || (Language != "plpgsql" && Language != "sql"))
      return IsDo; // a DO block in another language, or quoted with '': nothing to analyse
    llvm::StringRef Spelling = llvm::StringRef(Buf).slice(Body->Begin, Body->End);
    size_t Delim = Spelling.find('$', 1);
    if (Delim == llvm::StringRef::npos || Spelling.size() < 2 * (Delim + 1))
      return true;
    size_t BodyBegin = Body->Begin + Delim + 1, BodyEnd = Body->End - (Delim + 1);
    llvm::StringRef Text = llvm::StringRef(Buf).slice(BodyBegin, BodyEnd);
    TokenStream Inner = tokenize(Text, BodyBegin);
    llvm::append_range(Out.Comments, Inner.Comments);
    std::string Normal = normalizeDialect(Text, Inner.Tokens, Opts.SqlDialect, BodyBegin);
    if (Normal != Text) {
      Buf.replace(BodyBegin, Normal.size(), Normal);
      Inner = tokenize(llvm::StringRef(Buf).slice(BodyBegin, BodyEnd), BodyBegin);
    }
    // PL/pgSQL control words are not SQL: analyse only the CREATE TABLE / ALTER TABLE runs.
    const std::vector<Token> &T = Inner.Tokens;
    for (size_t I = 0; I < T.size(); ++I) {
      bool Starts = (T[I].is("alter") && I + 1 < T.size() && T[I + 1].is("table")) ||
                    (T[I].is("create") && I + 1 < T.size() &&
                     (T[I + 1].is("table") || T[I + 1].is("temp") || T[I + 1].is("temporary") ||
                      T[I + 1].is("unlogged")));
      if (!Starts)
        continue;
      size_t J = statementEnd(T, I, T.size());
      parse(T, I, J);
      I = J;
    }
    return true;
  }

  void parse(const std::vector<Token> &Toks, size_t First, size_t Last) {
    StatementContext Ctx{Toks, First, Last, Cat, Out, Opts, Buf};
    size_t Base = Toks[First].Begin;
    unsigned Nesting = nestingEstimate(Toks, First, Last);
    if (Nesting > MaxStatementNesting) {
      // libpg_query writes its parse tree recursively: this deep, it would overflow the stack.
      syntaxError(Base, "statement nests too deeply to parse (" + std::to_string(Nesting) +
                            " levels, at most " + std::to_string(MaxStatementNesting) + ")");
      extractFromTokens(Ctx);
      return;
    }
    auto Parse = [&] {
      std::string Text = Buf.substr(Base, Toks[Last - 1].End - Base);
      ParseResult Parsed = parseJson(Text);
      if (const PgQueryError *E = Parsed->error) {
        bool CutOff = Truncated && Last == Toks.size() && &Toks == &TopLevel;
        if (!CutOff)
          syntaxError(Base + cursorPosToByte(Text, E->cursorpos), E->message ? E->message : "");
        extractFromTokens(Ctx);
        return;
      }
      std::optional<JsonDocument> Tree = JsonDocument::parse(Parsed->parse_tree);
      if (!Tree) {
        extractFromTokens(Ctx);
        return;
      }
      for (JsonRef RawStmt : Tree->root().getArray("stmts").elements())
        if (JsonRef Stmt = RawStmt.getObject("stmt"))
          extractFromParseTree(Stmt, Base, Ctx);
    };
    if (Nesting <= InlineNesting) {
      Parse();
      return;
    }
    // Whatever thread analyses this file (a pool worker, clang-tidy's), the parse of a deep
    // statement gets a stack of known size.
    llvm::thread Worker(std::optional<unsigned>(DeepParseStack), Parse);
    Worker.join();
  }
};

} // namespace

Analysis analyzeSql(llvm::StringRef Text, const AnalyzerOptions &Opts, Catalog &Cat) {
  Analysis Out;
  std::string Buffer = Text.str();
  if (llvm::StringRef(Buffer).starts_with("\xEF\xBB\xBF"))
    Buffer.replace(0, 3, "   ");
  if (isForeignDialect(Opts.SqlDialect))
    return readForeignDialect(Buffer, Opts.SqlDialect, Cat);
  Driver(std::move(Buffer), Opts, Cat, Out).run();
  return Out; // ForeignKeys stay in definition order: the catalog indexes them
}

} // namespace cascade
