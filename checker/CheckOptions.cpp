#include "CheckOptions.h"
#include "Tokens.h"

#include "llvm/ADT/StringExtras.h"

namespace cascade {

CheckOptions::CheckOptions() { Roots.push_back(RootTable{{"", "users"}, ""}); }

std::string RootTable::str() const {
  return Table.str() + (Column.empty() ? "" : "(" + quoteIdent(Column) + ")");
}

std::string RootTable::rowNoun() const {
  llvm::StringRef N = Table.Name;
  std::string Singular;
  if (N.ends_with("ies"))
    Singular = (N.drop_back(3) + "y").str();
  else if (N.ends_with("sses") || N.ends_with("ches") || N.ends_with("shes") || N.ends_with("xes"))
    Singular = N.drop_back(2).str();
  else if (N.ends_with("s") && !N.ends_with("ss"))
    Singular = N.drop_back(1).str();
  else
    return "a row of " + Table.str();
  bool Vowel = !Singular.empty() && llvm::StringRef("aeio").contains(Singular[0]);
  return (Vowel ? "an " : "a ") + Singular;
}

llvm::Expected<RootTable> parseRootTable(llvm::StringRef Spec) {
  std::string Text = Spec.trim().str();
  TokenStream TS = tokenize(Text);
  auto Fail = [&] {
    return llvm::createStringError(
        "invalid root table '" + Spec.str() + "': expected TABLE, SCHEMA.TABLE or TABLE(COLUMN)");
  };
  if (TS.Error)
    return Fail();
  size_t I = 0;
  auto Name = parseQualifiedName(TS.Tokens, I, TS.Tokens.size());
  if (!Name)
    return Fail();
  RootTable R{*Name, ""};
  if (I < TS.Tokens.size()) {
    if (I + 3 != TS.Tokens.size() || !TS.Tokens[I].isPunct('(') || !TS.Tokens[I + 1].isName() ||
        !TS.Tokens[I + 2].isPunct(')'))
      return Fail();
    R.Column = TS.Tokens[I + 1].Name;
  }
  return R;
}

const RootTable *CheckOptions::rootOf(const ForeignKey &FK) const {
  for (const RootTable &R : Roots) {
    if (R.Table.Name != FK.Ref.Table.Name)
      continue;
    if (!R.Table.Schema.empty() && R.Table.Schema != FK.Ref.Table.Schema &&
        !(R.Table.Schema == "public" && FK.Ref.Table.Schema.empty()))
      continue;
    if (!R.Column.empty() && !FK.Ref.Columns.empty() &&
        !(FK.Ref.Columns.size() == 1 && FK.Ref.Columns[0] == R.Column))
      continue;
    return &R;
  }
  return nullptr;
}

} // namespace cascade
