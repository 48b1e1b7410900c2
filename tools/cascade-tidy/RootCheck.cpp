#include "RootCheck.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <map>
#include <set>

namespace cascade {

void RootInputs::add(const FileReport &R, bool InSet) {
  if (!R.ReadError.empty() || R.Undecodable ||
      llvm::any_of(R.Findings, [](const Finding &F) { return F.Level == Severity::Error; }))
    Partial = true; // a statement that did not parse may create the root
  llvm::append_range(Tables, R.Tables);
  llvm::append_range(Referenced, R.Referenced);
  appendPlaceholders(Placeholders, R.Placeholders);
  if (!InSet)
    llvm::append_range(LoneReferenced, R.Referenced);
}

namespace {

std::string key(const QualifiedName &N) { return N.Schema + "." + N.Name; }

/// Up to three names nearest to Wanted; the first is within typo distance when Close is set.
std::vector<std::string> nearest(const RootTable &Wanted, const std::vector<QualifiedName> &Known,
                                 bool &Close) {
  std::map<std::string, unsigned> Distance;
  for (const QualifiedName &N : Known) {
    // An unqualified root is compared with table names; a qualified one with the full name.
    std::string Mine = Wanted.Table.Schema.empty() ? Wanted.Table.Name : key(Wanted.Table);
    std::string Theirs = Wanted.Table.Schema.empty() ? N.Name : key(N);
    unsigned D = llvm::StringRef(Mine).edit_distance(Theirs, /*AllowReplacements=*/true);
    auto [It, New] = Distance.try_emplace(N.str(), D);
    if (!New)
      It->second = std::min(It->second, D);
  }
  std::vector<std::pair<unsigned, std::string>> Ranked;
  for (const auto &[Name, D] : Distance)
    Ranked.push_back({D, Name});
  llvm::sort(Ranked);
  std::vector<std::string> Out;
  for (size_t I = 0; I < Ranked.size() && I < 3; ++I)
    Out.push_back(Ranked[I].second);
  size_t Length = Wanted.Table.Name.size();
  Close = !Ranked.empty() && Ranked.front().first <= std::max<size_t>(2, Length / 3);
  return Out;
}

std::string quotedList(const std::vector<std::string> &Names) {
  std::string Out;
  for (size_t I = 0; I < Names.size(); ++I)
    Out += (I ? (I + 1 == Names.size() ? " or '" : ", '") : "'") + Names[I] + "'";
  return Out;
}

/// `accounts.email` where table accounts has a column email: the user meant TABLE(COLUMN).
std::string columnHint(const RootTable &R, const std::vector<CreatedTable> &Tables) {
  if (R.Table.Schema.empty() || !R.Column.empty())
    return "";
  const CreatedTable *Named = nullptr;
  for (const CreatedTable &T : Tables) {
    if (T.Name.Name != R.Table.Schema)
      continue;
    Named = &T;
    if (llvm::is_contained(T.Columns, R.Table.Name))
      return "; it reads as SCHEMA.TABLE: for column " + R.Table.Name + " of table " +
             T.Name.str() + " write '" + T.Name.Name + "(" + R.Table.Name + ")'";
  }
  if (Named)
    return "; it reads as SCHEMA.TABLE, and " + R.Table.Schema + " is a table: to name a "
           "column of it write '" + R.Table.Schema + "(COLUMN)'";
  return "";
}

} // namespace

std::vector<RootMessage> checkRoots(const std::vector<RootsInUse> &Uses, const RootInputs &In) {
  KnownPlaceholders Names(In.Placeholders); // the nearest tables, as the files wrote them
  std::set<std::string> Created;
  std::vector<QualifiedName> Known;
  for (const CreatedTable &T : In.Tables) {
    Created.insert(key(T.Name));
    Known.push_back(T.Name);
  }
  bool Partial = In.Partial || In.HasCxx || In.Tables.empty();
  llvm::append_range(Known, In.Referenced);
  for (const QualifiedName &N : In.LoneReferenced)
    Partial = Partial || !Created.count(key(N));
  auto Exists = [&](const RootTable &R) {
    return llvm::any_of(Known, [&](const QualifiedName &N) { return R.matches(N, {}); });
  };

  std::vector<RootMessage> Out;
  std::set<std::string> Spoken;
  bool DefaultNoted = false;
  for (const RootsInUse &U : Uses) {
    for (const RootTable &R : U.Roots) {
      if (Exists(R))
        continue;
      if (U.Source.empty()) {
        // The default root: a schema whose root has another name. C/C++ inputs are not
        // counted here, so their keys may well reference users.
        if (DefaultNoted || In.Referenced.empty() || In.HasCxx)
          continue;
        DefaultNoted = true;
        std::map<std::string, unsigned> Count;
        for (const QualifiedName &N : In.Referenced)
          ++Count[N.str()];
        std::vector<std::pair<unsigned, std::string>> Ranked;
        for (const auto &[Name, C] : Count)
          Ranked.push_back({C, Name});
        llvm::stable_sort(Ranked, [](const auto &A, const auto &B) { return A.first > B.first; });
        std::string List;
        for (size_t I = 0; I < Ranked.size() && I < 3; ++I)
          List += (I ? ", " : "") + Ranked[I].second + " (" + std::to_string(Ranked[I].first) +
                  " foreign key" + (Ranked[I].first == 1 ? "" : "s") + ")";
        Out.push_back({false, "no input creates or references the default root table " +
                                  R.str() + ", so no delete path was checked; the most "
                                  "referenced tables are " + List + ": name your root with --root=" +
                                  Ranked.front().second + " or RootTables in .cascade-tidy.yaml"});
        continue;
      }
      if (!Spoken.insert(R.str() + "\n" + U.Source).second)
        continue;
      std::string Text = "root table '" + R.str() + "' (" + U.Source +
                         ") is not created or referenced by any checked input";
      std::string Hint = columnHint(R, In.Tables);
      if (Hint.empty()) {
        bool Close = false;
        std::vector<std::string> Near = nearest(R, Known, Close);
        if (Near.empty())
          Hint = "; the inputs create no tables";
        else if (Close)
          Hint = "; did you mean " + quotedList({Near.front()}) + "?";
        else
          Hint = "; the nearest tables are " + quotedList(Near);
      }
      Text += Hint;
      if (Partial)
        Text += " (a note, not an error: the inputs may not hold the whole schema)";
      Out.push_back({!Partial, std::move(Text)});
    }
  }
  return Out;
}

} // namespace cascade
