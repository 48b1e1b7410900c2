#include "TuCatalog.h"
#include "Analyzer.h"
#include "LiteralChecker.h"
#include "Tokens.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <set>

namespace cascade {

namespace {

/// Whole-word, case-insensitive.
bool hasWord(llvm::StringRef Text, llvm::StringRef Word) {
  auto IsWordChar = [](char C) { return llvm::isAlnum(C) || C == '_'; };
  for (size_t At = 0; (At = Text.find_insensitive(Word, At)) != llvm::StringRef::npos; ++At) {
    bool Before = At == 0 || !IsWordChar(Text[At - 1]);
    size_t After = At + Word.size();
    if (Before && (After == Text.size() || !IsWordChar(Text[After])))
      return true;
  }
  return false;
}

/// schema "" and "public" are the same; names as the scanner folded them.
std::string tableKey(llvm::StringRef Schema, llvm::StringRef Name) {
  return (Schema == "public" ? "" : Schema.str()) + "." + Name.str();
}

/// A possibly qualified name at Toks[I]; advances I past it. Empty when there is none.
std::string readTableName(const std::vector<Token> &Toks, size_t &I, size_t Last) {
  if (I >= Last || !Toks[I].isName())
    return "";
  std::vector<std::string> Parts{Toks[I++].Name};
  while (I + 1 < Last && Toks[I].isPunct('.') && Toks[I + 1].isName()) {
    Parts.push_back(Toks[I + 1].Name);
    I += 2;
  }
  return tableKey(Parts.size() > 1 ? Parts[Parts.size() - 2] : "", Parts.back());
}

struct Position {
  size_t Literal, Statement;
  bool operator<(const Position &O) const {
    return std::tie(Literal, Statement) < std::tie(O.Literal, O.Statement);
  }
};

struct DropStatement {
  Position At;
  std::vector<std::string> Tables;
  size_t Begin, End; // bytes in the literal
};

/// CREATE TABLE names in Text, in order.
void createdTables(llvm::StringRef Text, std::set<std::string> &Into);

/// Blanks (with spaces, so offsets stay) each DROP TABLE statement that is teardown: some
/// table it drops is not created again by a later statement of the TU. Returns, per literal,
/// whether it creates a table that Base or an earlier literal created already (the catalog
/// keeps the first definition: that literal's keys need its own check).
std::vector<bool> blankTeardownDrops(std::vector<std::string> &Sql,
                                     const std::set<std::string> &BaseTables) {
  std::vector<bool> Recreates(Sql.size(), false);
  std::map<std::string, std::vector<Position>> Creates;
  std::vector<DropStatement> Drops;
  for (size_t L = 0; L < Sql.size(); ++L) {
    TokenStream TS = tokenize(Sql[L]);
    const std::vector<Token> &T = TS.Tokens;
    std::vector<std::pair<size_t, size_t>> Statements = splitStatements(T, 0, T.size());
    for (size_t S = 0; S < Statements.size(); ++S) {
      auto [First, Last] = Statements[S];
      size_t I = First;
      auto Skip = [&](std::initializer_list<llvm::StringRef> Words) {
        while (I < Last && llvm::any_of(Words, [&](llvm::StringRef W) { return T[I].is(W); }))
          ++I;
      };
      if (I < Last && T[I].is("create")) {
        ++I;
        Skip({"or", "replace", "global", "local", "temp", "temporary", "unlogged"});
        if (I < Last && T[I].is("table")) {
          ++I;
          Skip({"if", "not", "exists"});
          std::string Name = readTableName(T, I, Last);
          if (!Name.empty()) {
            if (BaseTables.count(Name) || Creates.count(Name))
              Recreates[L] = true;
            Creates[Name].push_back({L, S});
          }
        }
      } else if (I + 1 < Last && T[I].is("drop") && T[I + 1].is("table")) {
        I += 2;
        Skip({"if", "exists"});
        DropStatement D{{L, S}, {}, T[First].Begin, T[Last - 1].End};
        for (;;) {
          std::string Name = readTableName(T, I, Last);
          if (Name.empty())
            break;
          D.Tables.push_back(Name);
          if (I >= Last || !T[I].isPunct(','))
            break;
          ++I;
        }
        Drops.push_back(std::move(D));
      }
    }
  }
  for (const DropStatement &D : Drops) {
    bool Recreated = llvm::all_of(D.Tables, [&](const std::string &Name) {
      auto It = Creates.find(Name);
      return It != Creates.end() &&
             llvm::any_of(It->second, [&](const Position &P) { return D.At < P; });
    });
    if (Recreated && !D.Tables.empty())
      continue;
    std::string &Text = Sql[D.At.Literal];
    for (size_t B = D.Begin; B < D.End && B < Text.size(); ++B)
      if (Text[B] != '\n')
        Text[B] = ' ';
  }
  return Recreates;
}

void createdTables(llvm::StringRef Text, std::set<std::string> &Into) {
  TokenStream TS = tokenize(Text);
  const std::vector<Token> &T = TS.Tokens;
  for (auto [First, Last] : splitStatements(T, 0, T.size())) {
    size_t I = First;
    if (I >= Last || !T[I].is("create"))
      continue;
    ++I;
    while (I < Last && (T[I].is("or") || T[I].is("replace") || T[I].is("global") ||
                        T[I].is("local") || T[I].is("temp") || T[I].is("temporary") ||
                        T[I].is("unlogged")))
      ++I;
    if (I >= Last || !T[I].is("table"))
      continue;
    ++I;
    while (I < Last && (T[I].is("if") || T[I].is("not") || T[I].is("exists")))
      ++I;
    std::string Name = readTableName(T, I, Last);
    if (!Name.empty())
      Into.insert(Name);
  }
}

} // namespace

bool isTuSqlCandidate(llvm::StringRef Bytes) {
  return mentionsReferences(Bytes) ||
         (hasWord(Bytes, "table") &&
          (hasWord(Bytes, "create") || hasWord(Bytes, "alter") || hasWord(Bytes, "drop")));
}

TuCheckResult checkTranslationUnit(const std::vector<TuLiteral> &Literals,
                                   const std::vector<CatalogText> &Base,
                                   const CheckerOptions &Opts) {
  TuCheckResult Out;
  Out.Findings.resize(Literals.size());
  CheckerOptions Files = Opts;
  Files.Analyzer.Fragments = false;
  CheckerOptions Fragment = Opts;
  Fragment.Analyzer.Fragments = true;

  std::vector<LiteralLocator> Where;
  for (const TuLiteral &L : Literals)
    Where.emplace_back(L.Lit, L.Source);
  std::vector<size_t> Replayed; // literal indexes, in member order after Base
  std::vector<std::string> Sql;
  for (size_t I = 0; I < Literals.size(); ++I) {
    const TuLiteral &L = Literals[I];
    if (!isTuSqlCandidate(L.Lit.Bytes))
      continue;
    if (std::optional<Finding> Note = undecodableLiteralNote(L.Lit, Where[I])) {
      if (mentionsReferences(L.Lit.Bytes))
        Out.Findings[I].push_back(std::move(*Note));
      continue;
    }
    Replayed.push_back(I);
    Sql.push_back(L.Lit.Bytes);
  }
  std::set<std::string> BaseTables;
  for (const CatalogText &T : Base)
    createdTables(T.Sql, BaseTables);
  std::vector<bool> Recreates = blankTeardownDrops(Sql, BaseTables);

  std::vector<SetMember> Members;
  for (const CatalogText &T : Base)
    Members.push_back({T.Name, T.Sql, &Files});
  for (size_t K = 0; K < Replayed.size(); ++K)
    Members.push_back({Literals[Replayed[K]].Name, std::move(Sql[K]), &Fragment});
  Catalog Cat;
  std::vector<CheckResult> Results = checkSet(Members, &Cat);
  Out.Tables = Cat.tableNames();

  // The catalog does not judge the keys of a CREATE TABLE of a table it has already (it does
  // nothing), nor keys a later statement drops for good: for those, the literal's own check.
  auto DroppedForGood = [&](const ForeignKey &FK) {
    if (FK.CatalogId < 0)
      return true;
    const CatalogForeignKey &CF = Cat.foreignKeys()[FK.CatalogId];
    const CatalogForeignKey &Final = Cat.finalVersion(CF.Id);
    return !CF.Alive && (Final.Id == CF.Id || !Final.Alive);
  };
  for (size_t K = 0; K < Replayed.size(); ++K) {
    size_t I = Replayed[K];
    CheckResult &R = Results[Base.size() + K];
    bool NeedAlone = Recreates[K] || llvm::any_of(R.Parsed.ForeignKeys, DroppedForGood);
    std::vector<Finding> &Into = Out.Findings[I];
    Into = mapLiteralFindings(std::move(R.Findings), Where[I], Literals[I].AllowFixes);
    if (!NeedAlone || !mentionsReferences(Literals[I].Lit.Bytes))
      continue;
    std::set<size_t> Reported;
    for (const Finding &F : Into)
      Reported.insert(F.Begin);
    CheckResult Alone = checkSql(Literals[I].Lit.Bytes, Fragment);
    for (Finding &F :
         mapLiteralFindings(std::move(Alone.Findings), Where[I], Literals[I].AllowFixes))
      if (!Reported.count(F.Begin))
        Into.push_back(std::move(F));
    llvm::stable_sort(Into, [](const Finding &A, const Finding &B) { return A.Begin < B.Begin; });
  }
  return Out;
}

std::vector<std::string> tuTableNames(const TuCheckResult &R) {
  std::vector<std::string> Out;
  for (const QualifiedName &N : R.Tables)
    Out.push_back(N.Schema.empty() || N.Schema == "public" ? N.Name : N.Schema + "." + N.Name);
  return Out;
}

} // namespace cascade
