// REFERENCES clauses found from tokens alone: for statements the parser rejects and for
// fragments of SQL (a column definition held in a C++ string).
#include "AnalyzerInternal.h"

#include "llvm/ADT/STLExtras.h"

namespace cascade {

namespace {

/// The table a CREATE TABLE / ALTER TABLE statement works on, if the statement is one.
QualifiedName statementTable(const StatementContext &Ctx) {
  const std::vector<Token> &T = Ctx.Toks;
  size_t I = Ctx.First;
  if (I >= Ctx.Last || !(T[I].is("create") || T[I].is("alter")))
    return {};
  while (I < Ctx.Last && !T[I].is("table")) {
    if (T[I].isPunct('('))
      return {};
    ++I;
  }
  if (I >= Ctx.Last)
    return {};
  ++I;
  for (const char *Skip : {"if", "not", "exists", "only"})
    if (I < Ctx.Last && T[I].is(Skip))
      ++I;
  auto N = parseQualifiedName(T, I, Ctx.Last);
  return N ? *N : QualifiedName{};
}

bool isBoundary(const Token &T) { return T.isPunct(',') || T.isPunct('(') || T.isPunct(';'); }

/// Words that may sit between a column's type and its REFERENCES in a column definition.
bool columnDefinitionWord(const Token &T) {
  if (T.Kind == TokKind::Number || T.Kind == TokKind::QuotedIdent || T.Kind == TokKind::String ||
      T.Kind == TokKind::Word)
    return true;
  if (T.Kind == TokKind::Operator)
    return T.Name == "::";
  return T.isPunct('(') || T.isPunct(')') || T.isPunct('[') || T.isPunct(']') ||
         T.isPunct(',') || T.isPunct('.');
}

/// A type a column definition can start with; prose ("this row references ...") has none.
bool sqlTypeName(const Token &T) {
  static const char *const Types[] = {
      "uuid", "int", "integer", "int2", "int4", "int8", "smallint", "bigint", "serial",
      "bigserial", "smallserial", "text", "varchar", "char", "character", "string", "bytes",
      "bytea", "numeric", "decimal", "real", "float", "float4", "float8", "double", "boolean",
      "bool", "date", "time", "timestamp", "timestamptz", "interval", "json", "jsonb", "inet",
      "citext", "oid", "money", "bit", "varbit", "xml"};
  return T.Kind == TokKind::QuotedIdent ||
         (T.Kind == TokKind::Word && llvm::is_contained(Types, T.Name));
}

} // namespace

namespace {

/// Per-token facts computed in one pass each, so that a statement with thousands of REFERENCES
/// in one element costs linear time, not a walk over the element per clause.
struct ElementIndex {
  std::vector<size_t> Start;      // the first token of the element holding each token
  std::vector<size_t> LastDeferrable, AnyDeferred, AnyNotValid; // from here to the next , or )
  static constexpr size_t None = ~size_t(0);

  ElementIndex(const std::vector<Token> &T, size_t First, size_t Last)
      : Start(Last - First), LastDeferrable(Last - First + 1, None),
        AnyDeferred(Last - First + 1, None), AnyNotValid(Last - First + 1, None) {
    std::vector<size_t> Outer; // element starts of the enclosing groups
    size_t Current = First;
    for (size_t I = First; I < Last; ++I) {
      Start[I - First] = Current;
      const Token &P = T[I];
      if (P.isPunct('(')) {
        Outer.push_back(Current);
        Current = I + 1;
      } else if (P.isPunct(')') && !Outer.empty()) {
        Current = Outer.back();
        Outer.pop_back();
      } else if (isBoundary(P) || P.is("add") || P.is("column") ||
                 (P.is("exists") && I > First && T[I - 1].is("not"))) {
        Current = I + 1;
      }
    }
    for (size_t I = Last; I-- > First;) {
      size_t K = I - First;
      if (T[I].isPunct(',') || T[I].isPunct(')'))
        continue; // the runs stop here
      LastDeferrable[K] = LastDeferrable[K + 1] != None  ? LastDeferrable[K + 1]
                          : T[I].is("deferrable")        ? I
                                                         : None;
      AnyDeferred[K] = T[I].is("deferred") ? I : AnyDeferred[K + 1];
      AnyNotValid[K] = T[I].is("valid") && I > 0 && T[I - 1].is("not") ? I : AnyNotValid[K + 1];
    }
  }
};

} // namespace

void extractFromTokens(StatementContext &Ctx) {
  const std::vector<Token> &T = Ctx.Toks;
  QualifiedName Table = statementTable(Ctx);
  Ctx.restore(Table); // the catalog has the names as the migration wrote them
  if (Ctx.First >= Ctx.Last)
    return;
  ElementIndex Elements(T, Ctx.First, Ctx.Last);
  // Scans of an element's prefix continue where the previous clause in the element stopped.
  struct PrefixScan {
    size_t Element = ElementIndex::None;
    size_t NotNullTo = 0, NameTo = 0, ShapedTo = 0;
    bool NotNull = false, Shaped = true;
    std::string Name;
  } Scan;
  for (size_t R = Ctx.First; R < Ctx.Last; ++R) {
    if (!T[R].is("references"))
      continue;
    auto Clause = parseReferences(T, R, Ctx.Last);
    if (!Clause)
      continue;
    ForeignKey FK;
    FK.Child = Table;
    FK.Ref = std::move(*Clause);
    size_t Start = R; // where the definition begins
    if (R > Ctx.First && T[R - 1].isPunct(')')) {
      // [CONSTRAINT name] FOREIGN KEY (cols) REFERENCES
      size_t Open = R - 1;
      int Depth = 0;
      for (; Open > Ctx.First; --Open) {
        if (T[Open].isPunct(')'))
          ++Depth;
        else if (T[Open].isPunct('(') && --Depth == 0)
          break;
      }
      if (Open >= Ctx.First + 2 && T[Open - 1].is("key") && T[Open - 2].is("foreign")) {
        for (size_t J = Open + 1; J + 1 < R; ++J)
          if (T[J].isName())
            FK.Columns.push_back(T[J].Name);
        Start = Open - 2;
        if (Start >= Ctx.First + 2 && T[Start - 2].is("constraint") && T[Start - 1].isName()) {
          FK.Name = T[Start - 1].Name;
          Start -= 2;
        }
      }
    }
    if (FK.Columns.empty()) {
      // A column definition: its name is the first token after the element's start.
      size_t B = Elements.Start[R - Ctx.First];
      if (B >= R || !T[B].isName())
        continue; // `REFERENCES` with no column before it: not a definition
      if (Scan.Element != B) {
        Scan = PrefixScan();
        Scan.Element = B;
        Scan.NotNullTo = Scan.NameTo = B;
        Scan.ShapedTo = B + 2;
        Scan.Shaped = B + 1 < R && sqlTypeName(T[B + 1]);
      }
      // A fragment must look like `name type ... REFERENCES` to count as a column definition.
      if (Ctx.Opts.Fragments && Table.empty()) {
        for (; Scan.ShapedTo < R; ++Scan.ShapedTo)
          Scan.Shaped = Scan.Shaped && columnDefinitionWord(T[Scan.ShapedTo]);
        if (!Scan.Shaped)
          continue;
      }
      FK.Columns.push_back(T[B].Name);
      for (; Scan.NotNullTo + 1 < Ctx.Last; ++Scan.NotNullTo) {
        size_t J = Scan.NotNullTo;
        if (J > R && (T[J].isPunct(',') || T[J].isPunct(')')))
          break;
        Scan.NotNull = Scan.NotNull || (T[J].is("not") && T[J + 1].is("null")) ||
                       (T[J].is("primary") && T[J + 1].is("key"));
      }
      for (; Scan.NameTo + 1 < R; ++Scan.NameTo)
        if (T[Scan.NameTo].is("constraint") && T[Scan.NameTo + 1].isName())
          Scan.Name = T[Scan.NameTo + 1].Name;
      FK.Name = Scan.Name;
      bool NotNull = Scan.NotNull;
      if (!NotNull && !Table.empty())
        NotNull = Ctx.Cat.notNull(Table, FK.Columns[0]).value_or(false);
      FK.NotNull = {NotNull};
      Start = B;
    } else {
      for (const std::string &Col : FK.Columns)
        FK.NotNull.push_back(!Table.empty() && Ctx.Cat.notNull(Table, Col).value_or(false));
    }
    // Constraint attributes after the clause.
    size_t J = R;
    while (J < Ctx.Last && T[J].End <= FK.Ref.End)
      ++J;
    if (J < Ctx.Last) {
      size_t K = J - Ctx.First;
      if (size_t D = Elements.LastDeferrable[K]; D != ElementIndex::None)
        FK.Deferrable = !(D > 0 && T[D - 1].is("not"));
      FK.InitiallyDeferred = Elements.AnyDeferred[K] != ElementIndex::None;
      FK.NotValid = Elements.AnyNotValid[K] != ElementIndex::None;
    }
    FK.DefinitionBegin = T[Start].Begin;
    recordForeignKey(Ctx, std::move(FK));
  }
}

} // namespace cascade
