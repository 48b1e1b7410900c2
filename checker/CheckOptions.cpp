#include "CheckOptions.h"
#include "DialectNormalizer.h"
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
  // A root named as migrations with template placeholders name it (`:schema.users`), as the
  // messages show it: read as they are read (normalizeDialect), kept as written.
  Placeholders Holders;
  std::string Normal = normalizeDialect(Text, TS.Tokens, Dialect::Postgres, 0, &Holders);
  if (!Holders.empty())
    TS = tokenize(Normal);
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
  for (std::string *Part : {&R.Table.Schema, &R.Table.Name, &R.Column})
    restorePlaceholders(*Part, Holders);
  return R;
}

bool RootTable::matches(const QualifiedName &Ref, const std::vector<std::string> &Cols) const {
  if (Table.Name != Ref.Name)
    return false;
  auto SchemaOf = [](const std::string &S) { return S.empty() ? std::string("public") : S; };
  if (!Table.Schema.empty() && SchemaOf(Table.Schema) != SchemaOf(Ref.Schema))
    return false;
  return Column.empty() || Cols.empty() || (Cols.size() == 1 && Cols[0] == Column);
}

llvm::Expected<OwnershipPolicy> parseOwnershipPolicy(llvm::StringRef Name) {
  if (Name == "structural")
    return OwnershipPolicy::Structural;
  if (Name == "cascade-all")
    return OwnershipPolicy::CascadeAll;
  return llvm::createStringError("invalid ownership policy '" + Name.str() +
                                 "': expected structural or cascade-all");
}

const char *ownershipPolicyName(OwnershipPolicy P) {
  return P == OwnershipPolicy::Structural ? "structural" : "cascade-all";
}

std::vector<std::string> defaultActorColumnPatterns() {
  // `*_by` covers created_by, approved_by, last_edited_by, invited_by_user_id; owned_by says
  // the opposite. The nouns name a person who acted on a row someone else owns.
  return {"*_by",     "-*owned_by", "actor",    "reviewer", "approver",
          "assignee", "assigner",  "editor",   "creator",  "impersonator",
          "inviter",  "moderator", "publisher"};
}

const RootTable *CheckOptions::rootOf(const ForeignKey &FK) const {
  const std::vector<std::string> &Cols = FK.Ref.Columns.empty() ? FK.ParentKey : FK.Ref.Columns;
  for (const RootTable &R : Roots)
    if (R.matches(FK.Ref.Table, Cols))
      return &R;
  return nullptr;
}

} // namespace cascade
