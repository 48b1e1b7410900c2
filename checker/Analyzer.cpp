// The analysis driver: tokens, dialect normalization, statements, PL/pgSQL bodies, parsing.
#include "AnalyzerInternal.h"
#include "ForeignDialectReader.h"
#include "FastScan.h"
#include "PgQuery.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/thread.h"
#include "llvm/Support/xxhash.h"

#include <cstdlib>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace cascade {

bool verifyIncremental() {
  static const bool On = [] {
    const char *V = std::getenv("CASCADE_TIDY_VERIFY_INCREMENTAL");
    return V && *V && std::string(V) != "0";
  }();
  return On;
}

namespace {

/// One statement's libpg_query result, kept by setAnalysisCache. Never moved once made: Tree
/// points into Json.
struct CachedParse {
  std::string Json;
  std::optional<JsonDocument> Tree;
  std::shared_ptr<const StatementPlan> Plan; // what Tree does to the catalog
  bool Failed = false;
  std::string Message;
  int CursorPos = 0;

  void fail(const char *Why, int Cursor) {
    Failed = true;
    Message = Why ? Why : "";
    CursorPos = Cursor;
  }
};

/// A text's tokens after dialect normalization.
struct CachedTokens {
  std::string Source; // the text scanned (the cache's key is its hash)
  std::vector<Token> Comments, Tokens;
  std::optional<SyntaxError> Error;
  std::string Normal; // empty when the dialect changed nothing
  Placeholders Holders; // what Normal reads as identifiers
};

} // namespace

/// One text's scan and statement parses, recorded by prepareSql for its later analysis.
struct PreparedSql {
  std::shared_ptr<const CachedTokens> Scan;
  std::unordered_map<std::string, std::shared_ptr<const CachedParse>> Parses; // by text
};

namespace {

/// The cache key of a text: dialect, length and a 64-bit hash (the text itself is compared on
/// a hit), so that a lookup copies nothing.
std::string textKey(Dialect D, llvm::StringRef Text) {
  uint64_t H = llvm::xxh3_64bits(llvm::arrayRefFromStringRef(Text));
  uint64_t N = Text.size();
  std::string K(1, static_cast<char>(D));
  K.append(reinterpret_cast<const char *>(&H), sizeof H);
  K.append(reinterpret_cast<const char *>(&N), sizeof N);
  return K;
}

/// Two generations of entries: a lookup promotes an entry to the current one, and when the
/// current one is full the older is dropped, so what the last edits used stays.
template <typename Value> class GenerationCache {
public:
  std::shared_ptr<const Value> find(const std::string &Key) {
    if (auto It = Current.find(Key); It != Current.end())
      return It->second;
    auto It = Previous.find(Key);
    if (It == Previous.end())
      return nullptr;
    std::shared_ptr<const Value> V = It->second;
    insert(Key, V);
    return V;
  }
  void insert(const std::string &Key, std::shared_ptr<const Value> V) {
    if (Current.size() + 1 > Limit) {
      Previous = std::move(Current);
      Current.clear();
    }
    Current[Key] = std::move(V);
  }
  size_t Limit = 1;

private:
  std::unordered_map<std::string, std::shared_ptr<const Value>> Current, Previous;
};

struct AnalysisCache {
  std::mutex Lock;
  bool On = false;
  GenerationCache<CachedParse> Parses;
  GenerationCache<CachedTokens> Texts;
  /// The texts scanned last, newest first: an edited file's new text is scanned from its old
  /// one's tokens (retokenize).
  std::vector<std::pair<Dialect, std::shared_ptr<const CachedTokens>>> Recent;
};

/// The recent text of dialect D that shares the most with Text (prefix plus suffix), when
/// that is at least half of it.
std::shared_ptr<const CachedTokens> closestRecent(const AnalysisCache &C, Dialect D,
                                                  llvm::StringRef Text) {
  size_t Best = Text.size() / 2;
  std::shared_ptr<const CachedTokens> Out;
  for (const auto &[RecentDialect, Tokens] : C.Recent) {
    const std::string &Old = Tokens->Source;
    if (RecentDialect != D || Tokens->Error || !Tokens->Normal.empty())
      continue;
    size_t Min = std::min(Old.size(), Text.size()), Same = 0, Tail = 0;
    while (Same < Min && Old[Same] == Text[Same])
      ++Same;
    while (Tail < Min - Same && Old[Old.size() - 1 - Tail] == Text[Text.size() - 1 - Tail])
      ++Tail;
    if (Same + Tail > Best) {
      Best = Same + Tail;
      Out = Tokens;
    }
  }
  return Out;
}

bool sameTokens(const std::vector<Token> &A, const std::vector<Token> &B) {
  return A.size() == B.size() &&
         std::equal(A.begin(), A.end(), B.begin(), [](const Token &X, const Token &Y) {
           return X.Kind == Y.Kind && X.Keyword == Y.Keyword && X.LowerSpelled == Y.LowerSpelled &&
                  X.Begin == Y.Begin && X.End == Y.End && X.Name == Y.Name;
         });
}

AnalysisCache &cache() {
  static AnalysisCache C;
  return C;
}

} // namespace

void setAnalysisCache(bool On) {
  AnalysisCache &C = cache();
  std::lock_guard<std::mutex> G(C.Lock);
  C.On = On;
  C.Parses.Limit = 200000; // statements
  C.Texts.Limit = 20000;   // files
}

size_t tokenAt(const PlanTokens &Ctx, size_t Offset) {
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
  if (Ctx.Holders && !Ctx.Holders->empty()) {
    Ctx.restore(FK.Child);
    Ctx.restore(FK.Name);
    Ctx.restore(FK.Ref.Table);
    for (std::string &C : FK.Columns)
      Ctx.restore(C);
    for (std::string &C : FK.Ref.Columns)
      Ctx.restore(C);
  }
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

/// Whether Text holds `+goose` or `+migrate` in any case: no marker, no line to look at.
static bool mayHoldMigrationMarker(llvm::StringRef Text) {
  for (size_t P = Text.find('+'); P != llvm::StringRef::npos; P = Text.find('+', P + 1)) {
    llvm::StringRef After = Text.substr(P + 1);
    if (After.starts_with_insensitive("goose") || After.starts_with_insensitive("migrate"))
      return true;
  }
  return false;
}

bool blankDownSections(std::string &Text) {
  if (!mayHoldMigrationMarker(Text))
    return false;
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
    std::shared_ptr<const CachedTokens> Scanned = scan();
    Out.Comments = Scanned->Comments;
    if (Scanned->Error) {
      syntaxError(Scanned->Error->Offset, Scanned->Error->Message, /*Scanner=*/true);
      Truncated = true;
    }
    if (!Scanned->Normal.empty())
      Buf = Scanned->Normal;
    Holders = Scanned->Holders;
    Scan = Scanned; // its tokens are the top level's: shared with the cache, not copied
    if (Resume)
      resume(*Resume);
    statements(Scanned->Tokens, 0, Scanned->Tokens.size(), /*InBody=*/false);
    for (const Placeholder &H : Holders)
      Out.Placeholders.push_back(H.Original);
  }

  /// prepareSql's record (Recording: scan and parse only, nothing applied), or the record an
  /// analysis replays from.
  PreparedSql *Memo = nullptr;
  bool Recording = false;

  /// analyzeSqlResuming's state: the point to go on from (or none), and where to take the next.
  std::optional<ResumePoint> *Resume = nullptr;
  const Catalog *Start = nullptr; // the catalog before this text, when Resume is set
  size_t TakeAt = 0;

private:
  size_t SkipBefore = 0; // top-level statements that start before this were analysed already
  bool Resumed = false;   // the run goes on from a point (at SkipBefore)
  bool Took = false;
  std::string ScannedText; // Buf before any body was normalized in place
  size_t ScannerDiagnostics = 0; // Out.Diagnostics that came from the scan, not a statement

  /// Goes on from Point when this text is the same up to it; otherwise forgets it.
  void resume(std::optional<ResumePoint> &Point) {
    ScannedText = Buf;
    ScannerDiagnostics = Out.Diagnostics.size();
    const std::vector<Token> &T = Scan->Tokens;
    bool Usable = Point && Point->Offset <= TakeAt && Point->Offset <= Buf.size() &&
                  Point->Offset <= Point->Scanned.size() &&
                  (!Scan->Error || Scan->Error->Offset >= Point->Offset) &&
                  llvm::StringRef(Buf).take_front(Point->Offset) ==
                      llvm::StringRef(Point->Scanned).take_front(Point->Offset);
    if (Usable && Point->Offset > 0) {
      // The point must be where a statement starts: just after a top-level ';'.
      auto It = std::lower_bound(T.begin(), T.end(), Point->Offset,
                                 [](const Token &Tok, size_t O) { return Tok.Begin < O; });
      Usable = It != T.begin() && (It - 1)->isPunct(';') && (It - 1)->End <= Point->Offset;
    }
    int File = Cat.currentFile();
    if (!Usable) {
      Point.reset();
      Cat = *Start;
      Cat.setCurrentFile(File);
      return;
    }
    Cat = Point->Cat;
    Cat.setCurrentFile(File);
    llvm::append_range(Out.ForeignKeys, Point->Out.ForeignKeys);
    llvm::append_range(Out.Diagnostics, Point->Out.Diagnostics);
    SkipBefore = Point->Offset;
    Resumed = true;
    Took = Point->Offset >= TakeAt; // the point already sits at the edit's statement
  }

  /// Before each top-level statement: skips those the point covers, and takes the next point
  /// before the statement the edit is in.
  bool skipOrTake(size_t First, size_t Last) {
    const std::vector<Token> &T = Scan->Tokens;
    size_t Start = T[First].Begin;
    if (Start < SkipBefore)
      return true;
    if (Resume && !Took && T[Last - 1].End > TakeAt) {
      Took = true;
      if (Resumed && Start == SkipBefore)
        return false; // the point resumed from sits before this statement already
      ResumePoint P;
      P.Scanned = ScannedText;
      P.Offset = Start;
      P.Cat = Cat;
      P.Out.ForeignKeys = Out.ForeignKeys;
      P.Out.Diagnostics.assign(Out.Diagnostics.begin() + ScannerDiagnostics,
                               Out.Diagnostics.end());
      *Resume = std::move(P);
    }
    return false;
  }

public:

  /// The tokens of Buf after dialect normalization (from the record or the cache).
  std::shared_ptr<const CachedTokens> scan() {
    if (Memo && !Recording && Memo->Scan)
      return Memo->Scan;
    std::shared_ptr<const CachedTokens> Made = scanText();
    if (Memo && Recording)
      Memo->Scan = Made;
    return Made;
  }

  std::shared_ptr<const CachedTokens> scanText() {
    AnalysisCache &C = cache();
    std::string Key;
    {
      std::lock_guard<std::mutex> G(C.Lock);
      if (C.On) {
        Key = textKey(Opts.SqlDialect, Buf);
        if (auto Hit = C.Texts.find(Key); Hit && Hit->Source == Buf)
          return Hit;
      }
    }
    auto Made = std::make_shared<CachedTokens>();
    std::optional<TokenStream> Incremental;
    if (!Key.empty()) {
      std::shared_ptr<const CachedTokens> Near;
      {
        std::lock_guard<std::mutex> G(C.Lock);
        Near = closestRecent(C, Opts.SqlDialect, Buf);
      }
      if (Near) {
        Incremental = retokenize(Near->Source, Near->Tokens, Near->Comments, Buf);
        if (Incremental && verifyIncremental()) {
          TokenStream Whole = tokenize(Buf);
          if (!sameTokens(Whole.Tokens, Incremental->Tokens) ||
              !sameTokens(Whole.Comments, Incremental->Comments) ||
              Whole.Error.has_value() != Incremental->Error.has_value()) {
            llvm::errs() << "cascade-tidy: internal error: the incremental scan differs from "
                            "the whole one\n";
            std::abort();
          }
        }
      }
    }
    TokenStream Raw = Incremental ? std::move(*Incremental) : tokenize(Buf);
    Made->Comments = std::move(Raw.Comments);
    Made->Error = Raw.Error;
    std::string Normal = normalizeDialect(Buf, Raw.Tokens, Opts.SqlDialect, 0, &Made->Holders);
    Made->Tokens = std::move(Raw.Tokens);
    if (Normal != Buf) {
      Made->Tokens = tokenize(Normal).Tokens;
      Made->Normal = std::move(Normal);
    }
    if (!Key.empty()) {
      std::lock_guard<std::mutex> G(C.Lock);
      Made->Source = Buf;
      C.Texts.insert(Key, Made);
      C.Recent.insert(C.Recent.begin(), {Opts.SqlDialect, Made});
      if (C.Recent.size() > 8)
        C.Recent.pop_back();
    }
    return Made;
  }

  /// libpg_query's parse of one statement, its tree read from libpg_query's JSON (the
  /// reference path, and the only one without the server headers: CASCADE_RAW_TREE).
  static std::shared_ptr<CachedParse> parseJsonStatement(const std::string &Text, size_t Base,
                                                         const PlanTokens &Toks) {
    auto Made = std::make_shared<CachedParse>();
    ParseResult Parsed = parseJson(Text);
    if (const PgQueryError *E = Parsed->error) {
      Made->fail(E->message, E->cursorpos);
    } else {
      Made->Json = Parsed->parse_tree ? Parsed->parse_tree : "";
      Made->Tree = JsonDocument::parse(Made->Json);
      if (Made->Tree)
        Made->Plan = planStatement(Made->Tree->root(), Base, Toks);
    }
    return Made;
  }

  /// The same, its tree read in libpg_query's own structs: no JSON written or read.
  static std::shared_ptr<CachedParse> parseTreeStatement(const std::string &Text, size_t Base,
                                                         const PlanTokens &Toks) {
#ifdef CASCADE_HAVE_RAW_TREE
    if (fastPaths() == FastPaths::Off)
      return parseJsonStatement(Text, Base, Toks);
    auto Made = std::make_shared<CachedParse>();
    ct_raw_parse Raw = ct_raw_parse_text(Text.c_str());
    if (Raw.failed) {
      Made->fail(Raw.message, Raw.cursorpos);
    } else {
      Made->Plan = planStatement(Raw.stmts, Base, Toks);
    }
    ct_raw_free(&Raw);
    if (fastPaths() == FastPaths::Verify) {
      // The two readings of one parse must agree on the error and on the plan.
      auto Ref = parseJsonStatement(Text, Base, Toks);
      std::string Why;
      if (Ref->Failed != Made->Failed || Ref->Message != Made->Message ||
          Ref->CursorPos != Made->CursorPos)
        Why = "the error differs: '" + Made->Message + "' at " + std::to_string(Made->CursorPos) +
              " where the JSON path has '" + Ref->Message + "' at " +
              std::to_string(Ref->CursorPos);
      else if (!Ref->Failed && (!Ref->Plan || !Made->Plan))
        Why = Ref->Plan ? "no plan from the structs" : "no plan from the JSON";
      else if (!Ref->Failed)
        Why = planDifference(*Made->Plan, *Ref->Plan);
      if (!Why.empty()) {
        llvm::errs() << "cascade-tidy: internal error: the parse tree read in libpg_query's "
                        "structs differs from its JSON: "
                     << Why << "\ntext: " << Text << "\n";
        std::abort();
      }
    }
    return Made;
#else
    return parseJsonStatement(Text, Base, Toks);
#endif
  }

  /// libpg_query's result for one statement's text (from the cache when it is on). Without
  /// NeedTree the statement is only checked for syntax errors: libpg_query's parser runs, but no
  /// parse tree is written out or read.
  static std::shared_ptr<const CachedParse> parseStatement(const std::string &Text,
                                                           bool NeedTree, size_t Base,
                                                           const PlanTokens &Toks) {
    AnalysisCache &C = cache();
    bool On;
    {
      std::lock_guard<std::mutex> G(C.Lock);
      On = C.On;
      if (On)
        if (auto Hit = C.Parses.find(Text))
          if (Hit->Failed || Hit->Plan || !NeedTree)
            return Hit;
    }
    std::shared_ptr<CachedParse> Made;
    if (NeedTree) {
      Made = parseTreeStatement(Text, Base, Toks);
    } else {
      Made = std::make_shared<CachedParse>();
      SplitResult Checked = checkSyntax(Text);
      if (const PgQueryError *E = Checked->error)
        Made->fail(E->message, E->cursorpos);
      if (fastPaths() == FastPaths::Verify) {
        auto Full = parseJsonStatement(Text, Base, Toks);
        if (Full->Failed != Made->Failed || Full->Message != Made->Message ||
            Full->CursorPos != Made->CursorPos) {
          llvm::errs() << "cascade-tidy: internal error: the syntax check differs from the "
                          "parse: '"
                       << Made->Message << "' at " << Made->CursorPos << " where the parse has '"
                       << Full->Message << "' at " << Full->CursorPos << "\ntext: " << Text
                       << "\n";
          std::abort();
        }
        // The statement was judged unable to change the catalog: its tree must say so too.
        if (Full->Tree)
          for (JsonRef Raw : Full->Tree->root().getArray("stmts").elements())
            for (const char *Kind : {"CreateStmt", "AlterTableStmt", "DropStmt", "RenameStmt"})
              if (Raw.getObject("stmt").getObject(Kind)) {
                llvm::errs() << "cascade-tidy: internal error: a " << Kind
                             << " was taken for a statement that cannot change the catalog\n"
                             << "text: " << Text << "\n";
                std::abort();
              }
      }
    }
    if (On) {
      std::lock_guard<std::mutex> G(C.Lock);
      C.Parses.insert(Text, Made);
    }
    return Made;
  }

  /// Whether the statement can be one whose parse tree the extractor reads (CREATE TABLE,
  /// ALTER, DROP, RENAME): the rest (indexes, comments, functions, data) are only checked for
  /// syntax errors.
  static bool mayChangeCatalog(const std::vector<Token> &Toks, size_t First, size_t Last) {
    if (fastPaths() == FastPaths::Off)
      return true;
    const Token &Head = Toks[First];
    if (Head.is("alter") || Head.is("drop"))
      return true;
    if (!Head.is("create"))
      return false;
    for (size_t I = First + 1; I < Last && !Toks[I].isPunct('('); ++I)
      if (Toks[I].is("table"))
        return true;
    return false;
  }

private:
  std::string Buf;
  Placeholders Holders; // the template placeholders Buf reads as identifiers
  const AnalyzerOptions &Opts;
  Catalog &Cat;
  Analysis &Out;
  /// The scanner stopped early: the last statement is cut off and its "syntax error at end of
  /// input" would only repeat the scanner's error.
  bool Truncated = false;
  std::shared_ptr<const CachedTokens> Scan;

  /// Scanner errors end the analysable text; parser errors only their statement.
  void syntaxError(size_t Offset, llvm::StringRef Message, bool Scanner = false) {
    if (Opts.Fragments)
      return;
    Finding F;
    F.CheckId = DiagnosticErrorId;
    F.Level = Severity::Error;
    F.Begin = F.End = Offset;
    // libpg_query quotes the rest of an unterminated token: keep its first line.
    std::string Text =
        Holders.empty() ? Message.str() : restorePlaceholdersInMessage(Message.str(), Holders);
    size_t Break = Text.find_first_of("\r\n");
    if (Break != std::string::npos)
      Text = Text.substr(0, Break) + "...\"";
    F.Message = Text + (Scanner ? "; the rest of the file was not analysed"
                                : "; only REFERENCES clauses of this statement are checked");
    Out.Diagnostics.push_back(std::move(F));
  }

  void statements(const std::vector<Token> &Toks, size_t Begin, size_t End, bool InBody) {
    for (auto [First, Last] : splitStatements(Toks, Begin, End)) {
      if (!InBody && Resume && skipOrTake(First, Last))
        continue;
      if (!InBody && bodyStatement(Toks, First, Last))
        continue;
      parse(Toks, First, Last);
    }
  }

  /// Whether Text holds the letters of Word (lower case) in any case, in one pass over it
  /// (StringRef::find_insensitive compares the whole word at every position).
  static bool mentions(llvm::StringRef Text, llvm::StringRef Word) {
    for (size_t I = 0; I + Word.size() <= Text.size(); ++I)
      if ((Text[I] | 0x20) == Word[0] &&
          Text.substr(I + 1, Word.size() - 1).equals_insensitive(Word.drop_front()))
        return true;
    return false;
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
    // Of a body, only its CREATE / ALTER TABLE statements and its NOLINT comments are read: a
    // body without `table` and `create` or `alter` (any case), and without NOLINT, is not
    // scanned at all: most are data and control flow, or name a table (RETURNS TABLE,
    // INSERT INTO ... a table) without defining one.
    if (fastPaths() != FastPaths::Off && Text.find("NOLINT") == llvm::StringRef::npos &&
        !(mentions(Text, "table") && (mentions(Text, "create") || mentions(Text, "alter"))))
      return true;
    TokenStream Inner = tokenize(Text, BodyBegin);
    // In text order among the file's own comments (NOLINTBEGIN / NOLINTEND pair in order).
    auto At = std::upper_bound(Out.Comments.begin(), Out.Comments.end(), BodyBegin,
                               [](size_t O, const Token &C) { return O < C.Begin; });
    Out.Comments.insert(At, Inner.Comments.begin(), Inner.Comments.end());
    std::string Normal =
        normalizeDialect(Text, Inner.Tokens, Opts.SqlDialect, BodyBegin, &Holders);
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
    StatementContext Ctx{Toks, First, Last, Cat, Out, Opts, Buf, &Holders};
    size_t Base = Toks[First].Begin;
    unsigned Nesting = nestingEstimate(Toks, First, Last);
    if (Nesting > MaxStatementNesting) {
      if (Recording)
        return; // nothing is parsed
      // libpg_query writes its parse tree recursively: this deep, it would overflow the stack.
      syntaxError(Base, "statement nests too deeply to parse (" + std::to_string(Nesting) +
                            " levels, at most " + std::to_string(MaxStatementNesting) + ")");
      extractFromTokens(Ctx);
      return;
    }
    auto Parse = [&] {
      std::string Text = Buf.substr(Base, Toks[Last - 1].End - Base);
      bool NeedTree = mayChangeCatalog(Toks, First, Last);
      std::shared_ptr<const CachedParse> Parsed;
      if (Memo && !Recording)
        if (auto It = Memo->Parses.find(Text); It != Memo->Parses.end())
          Parsed = It->second;
      if (!Parsed)
        Parsed = parseStatement(Text, NeedTree, Base, PlanTokens{Toks, First, Last});
      if (Recording) {
        Memo->Parses.emplace(std::move(Text), std::move(Parsed));
        return;
      }
      if (Parsed->Failed) {
        bool CutOff = Truncated && Last == Toks.size() && &Toks == &Scan->Tokens;
        if (!CutOff)
          syntaxError(Base + cursorPosToByte(Text, Parsed->CursorPos), Parsed->Message);
        extractFromTokens(Ctx);
        return;
      }
      if (!NeedTree)
        return;
      if (!Parsed->Plan) { // JSON the reader rejects
        extractFromTokens(Ctx);
        return;
      }
      if (Holders.empty())
        applyPlan(*Parsed->Plan, Base, Ctx);
      else // a cached plan holds the names the parser read: restore them in a copy
        applyPlan(*restorePlaceholders(*Parsed->Plan, Ctx), Base, Ctx);
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

static Analysis analyze(llvm::StringRef Text, const AnalyzerOptions &Opts, Catalog &Cat,
                        std::optional<ResumePoint> *Resume, const Catalog *Start,
                        size_t TakeAt, PreparedSql *Memo = nullptr, bool Recording = false) {
  Analysis Out;
  std::string Buffer = Text.str();
  if (llvm::StringRef(Buffer).starts_with("\xEF\xBB\xBF"))
    Buffer.replace(0, 3, "   ");
  if (isForeignDialect(Opts.SqlDialect)) {
    if (Resume) {
      Resume->reset();
      int File = Cat.currentFile();
      Cat = *Start;
      Cat.setCurrentFile(File);
    }
    return readForeignDialect(Buffer, Opts.SqlDialect, Cat);
  }
  Driver D(std::move(Buffer), Opts, Cat, Out);
  D.Resume = Resume;
  D.Start = Start;
  D.TakeAt = TakeAt;
  D.Memo = Memo;
  D.Recording = Recording;
  D.run();
  return Out; // ForeignKeys stay in definition order: the catalog indexes them
}

Analysis analyzeSql(llvm::StringRef Text, const AnalyzerOptions &Opts, Catalog &Cat,
                    const PreparedSql *Prepared) {
  // The record is only read: analyze takes it as the Driver's Memo with Recording off.
  return analyze(Text, Opts, Cat, nullptr, nullptr, 0, const_cast<PreparedSql *>(Prepared));
}

std::shared_ptr<PreparedSql> prepareSql(llvm::StringRef Text, const AnalyzerOptions &Opts) {
  auto Memo = std::make_shared<PreparedSql>();
  if (isForeignDialect(Opts.SqlDialect))
    return Memo; // read by its own reader, with no parse to make ahead
  Catalog Scratch; // the statements are scanned and parsed, never applied
  analyze(Text, Opts, Scratch, nullptr, nullptr, 0, Memo.get(), /*Recording=*/true);
  return Memo;
}

Analysis analyzeSqlResuming(llvm::StringRef Text, const AnalyzerOptions &Opts, Catalog &Cat,
                            const Catalog &Start, std::optional<ResumePoint> &Resume,
                            size_t TakeAt) {
  return analyze(Text, Opts, Cat, &Resume, &Start, TakeAt);
}

} // namespace cascade
