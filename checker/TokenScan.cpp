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

void extractFromTokens(StatementContext &Ctx) {
  const std::vector<Token> &T = Ctx.Toks;
  QualifiedName Table = statementTable(Ctx);
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
      size_t B = R;
      int Depth = 0;
      while (B > Ctx.First) {
        const Token &P = T[B - 1];
        if (P.isPunct(')'))
          ++Depth;
        else if (P.isPunct('(') && Depth > 0)
          --Depth;
        else if (Depth == 0 && (isBoundary(P) || P.is("add") || P.is("column") ||
                                (P.is("exists") && B >= 3 && T[B - 2].is("not"))))
          break;
        --B;
      }
      if (B >= R || !T[B].isName())
        continue; // `REFERENCES` with no column before it: not a definition
      // A fragment must look like `name type ... REFERENCES` to count as a column definition.
      if (Ctx.Opts.Fragments && Table.empty()) {
        bool Shaped = B + 1 < R && sqlTypeName(T[B + 1]);
        for (size_t J = B + 2; J < R; ++J)
          Shaped = Shaped && columnDefinitionWord(T[J]);
        if (!Shaped)
          B = R;
      }
      if (B >= R)
        continue;
      FK.Columns.push_back(T[B].Name);
      bool NotNull = false;
      for (size_t J = B; J + 1 < Ctx.Last; ++J) {
        if (J > R && (T[J].isPunct(',') || T[J].isPunct(')')))
          break;
        NotNull = NotNull || (T[J].is("not") && T[J + 1].is("null")) ||
                  (T[J].is("primary") && T[J + 1].is("key"));
        if (J + 1 < R && T[J].is("constraint") && T[J + 1].isName())
          FK.Name = T[J + 1].Name;
      }
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
    for (; J < Ctx.Last && !T[J].isPunct(',') && !T[J].isPunct(')'); ++J) {
      if (T[J].is("deferrable"))
        FK.Deferrable = !(J > 0 && T[J - 1].is("not"));
      else if (T[J].is("deferred"))
        FK.InitiallyDeferred = true;
      else if (T[J].is("valid") && T[J - 1].is("not"))
        FK.NotValid = true;
    }
    FK.DefinitionBegin = T[Start].Begin;
    recordForeignKey(Ctx, std::move(FK));
  }
}

} // namespace cascade
