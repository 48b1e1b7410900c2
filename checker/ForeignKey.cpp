#include "ForeignKey.h"
#include "DialectNormalizer.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSet.h"

namespace cascade {

/// PostgreSQL's reserved and type/function-name keywords (kwlist.h categories R and T): none of
/// them is a ColId, so a table, column or constraint with such a name must be quoted. Column-name
/// keywords (C) are ColIds and stay bare. test/cascade-migrate/postgres-keywords.test checks this
/// list against the server's pg_get_keywords().
static bool isReservedWord(llvm::StringRef W) {
  static const char *const Reserved[] = {
      "authorization", "binary", "collation", "concurrently", "cross", "current_schema", "freeze",
      "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull",
      "outer", "overlaps", "right", "similar", "tablesample", "verbose",
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both",
      "case", "cast", "check", "collate", "column", "constraint", "create", "current_catalog",
      "current_date", "current_role", "current_time", "current_timestamp", "current_user",
      "default", "deferrable", "desc", "distinct", "do", "else", "end", "except", "false",
      "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
      "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not",
      "null", "offset", "on", "only", "or", "order", "placing", "primary", "references",
      "returning", "select", "session_user", "some", "symmetric", "table", "then", "to",
      "trailing", "true", "union", "unique", "user", "using", "variadic", "when", "where",
      "window", "with"};
  // Built once: names are quoted for every message, and a linear scan of C strings was a
  // tenth of a large set's check time.
  static const llvm::StringSet<> Set = [] {
    llvm::StringSet<> S;
    for (const char *R : Reserved)
      S.insert(R);
    return S;
  }();
  return Set.contains(W);
}

namespace {
thread_local const std::vector<std::string> *KnownNow = nullptr;
} // namespace

KnownPlaceholders::KnownPlaceholders(const std::vector<std::string> &Placeholders)
    : Previous(KnownNow) {
  KnownNow = &Placeholders;
}

KnownPlaceholders::~KnownPlaceholders() { KnownNow = Previous; }

std::string quoteIdent(const std::string &Ident) {
  if (KnownNow && !KnownNow->empty() && isPlaceholderName(Ident, KnownNow))
    return Ident; // `:schema`, `${schema}`: the migration runner's, written as the file wrote it
  bool Plain = !Ident.empty() && (llvm::isLower(Ident[0]) || Ident[0] == '_');
  for (char C : Ident)
    Plain = Plain && (llvm::isLower(C) || llvm::isDigit(C) || C == '_' || C == '$');
  if (Plain && !isReservedWord(Ident))
    return Ident;
  std::string Out = "\"";
  for (char C : Ident) {
    Out += C;
    if (C == '"')
      Out += '"';
  }
  return Out + "\"";
}

std::string QualifiedName::str() const {
  return Schema.empty() ? quoteIdent(Name) : quoteIdent(Schema) + "." + quoteIdent(Name);
}

const char *actionSql(Action A) {
  switch (A) {
  case Action::NoAction: return "NO ACTION";
  case Action::Restrict: return "RESTRICT";
  case Action::Cascade: return "CASCADE";
  case Action::SetNull: return "SET NULL";
  case Action::SetDefault: return "SET DEFAULT";
  }
  return "NO ACTION";
}

std::optional<QualifiedName> parseQualifiedName(const std::vector<Token> &Toks, size_t &I,
                                                size_t Limit) {
  std::vector<std::string> Parts;
  while (I < Limit && Toks[I].isName()) {
    Parts.push_back(Toks[I].Name);
    ++I;
    if (I + 1 < Limit && Toks[I].isPunct('.') && Toks[I + 1].isName()) {
      ++I;
      continue;
    }
    break;
  }
  if (Parts.empty() || Parts.size() > 3)
    return std::nullopt;
  QualifiedName N;
  N.Name = Parts.back();
  if (Parts.size() >= 2)
    N.Schema = Parts[Parts.size() - 2];
  return N;
}

/// Parses an action at Toks[I] (after ON DELETE/UPDATE); advances I past it. Out is left as
/// it was when the action cannot be read (a SET NULL column list never closed).
static bool parseAction(const std::vector<Token> &Toks, size_t &I, size_t Limit,
                        ActionClause &Result) {
  if (I >= Limit)
    return false;
  size_t Start = I;
  ActionClause Out = Result;
  if (Toks[I].is("cascade")) {
    Out.Act = Action::Cascade;
    ++I;
  } else if (Toks[I].is("restrict")) {
    Out.Act = Action::Restrict;
    ++I;
  } else if (Toks[I].is("no") && I + 1 < Limit && Toks[I + 1].is("action")) {
    Out.Act = Action::NoAction;
    I += 2;
  } else if (Toks[I].is("set") && I + 1 < Limit &&
             (Toks[I + 1].is("null") || Toks[I + 1].is("default"))) {
    Out.Act = Toks[I + 1].is("null") ? Action::SetNull : Action::SetDefault;
    I += 2;
    if (I < Limit && Toks[I].isPunct('(')) {
      size_t Close = matchParen(Toks, I, Limit);
      if (Close >= Limit)
        return false;
      for (size_t J = I + 1; J < Close; ++J)
        if (Toks[J].isName())
          Out.SetColumns.push_back(Toks[J].Name);
      I = Close + 1;
    }
  } else {
    return false;
  }
  Out.Explicit = true;
  Out.LowerCase = Toks[Start].LowerSpelled;
  Out.ActionBegin = Toks[Start].Begin;
  Out.ActionEnd = Toks[I - 1].End;
  Result = std::move(Out);
  return true;
}

std::optional<ReferencesClause> parseReferences(const std::vector<Token> &Toks, size_t RefIndex,
                                                size_t Limit) {
  if (RefIndex >= Limit || !Toks[RefIndex].is("references"))
    return std::nullopt;
  ReferencesClause R;
  R.Begin = Toks[RefIndex].Begin;
  R.LowerCase = Toks[RefIndex].LowerSpelled;
  size_t I = RefIndex + 1;
  auto Name = parseQualifiedName(Toks, I, Limit);
  if (!Name)
    return std::nullopt;
  R.Table = *Name;
  size_t Last = I - 1;
  if (I < Limit && Toks[I].isPunct('(')) {
    size_t Close = matchParen(Toks, I, Limit);
    if (Close >= Limit)
      return std::nullopt;
    for (size_t J = I + 1; J < Close; ++J) {
      if (Toks[J].isName())
        R.Columns.push_back(Toks[J].Name);
      else if (!Toks[J].isPunct(','))
        return std::nullopt; // not a column list: an expression, so not a FK
    }
    Last = Close;
    I = Close + 1;
  }
  R.InsertAt = Toks[Last].End;
  for (;;) {
    if (I + 1 < Limit && Toks[I].is("match") &&
        (Toks[I + 1].is("full") || Toks[I + 1].is("partial") || Toks[I + 1].is("simple"))) {
      R.Match = Toks[I + 1].Name[0];
      Last = I + 1;
      I += 2;
      R.InsertAt = Toks[Last].End;
      continue;
    }
    if (I + 1 < Limit && Toks[I].is("on") &&
        (Toks[I + 1].is("delete") || Toks[I + 1].is("update"))) {
      ActionClause &A = Toks[I + 1].is("delete") ? R.OnDelete : R.OnUpdate;
      size_t ClauseStart = I;
      I += 2;
      // ON DELETE followed by what is not an action (a statement cut off there, a column list
      // never closed): the clause cannot be read, and a fix inserting another would not help.
      if (!parseAction(Toks, I, Limit, A))
        return std::nullopt;
      A.ClauseBegin = Toks[ClauseStart].Begin;
      A.ClauseEnd = Toks[I - 1].End;
      Last = I - 1;
      R.InsertAt = Toks[Last].End;
      continue;
    }
    break;
  }
  R.End = Toks[Last].End;
  return R;
}

bool ForeignKey::anyNotNull() const { return llvm::is_contained(NotNull, true); }

bool ForeignKey::isSelfReference() const {
  return Child.Name == Ref.Table.Name &&
         (Child.Schema == Ref.Table.Schema || Child.Schema.empty() || Ref.Table.Schema.empty());
}

std::string ForeignKey::childDisplay() const {
  std::string Cols;
  for (const std::string &C : Columns)
    Cols += (Cols.empty() ? "" : ", ") + quoteIdent(C);
  return (Child.empty() ? "" : Child.str()) + "(" + Cols + ")";
}

std::string ForeignKey::parentDisplay() const {
  std::string Out = Ref.Table.str();
  if (Ref.Columns.empty())
    return Out;
  Out += "(";
  for (size_t I = 0; I < Ref.Columns.size(); ++I)
    Out += (I ? ", " : "") + quoteIdent(Ref.Columns[I]);
  return Out + ")";
}

} // namespace cascade
