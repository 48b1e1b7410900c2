#include "Ownership.h"
#include "GlobList.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <set>
#include <unordered_map>
#include <unordered_set>

namespace cascade {

const char *roleName(KeyRole R) {
  switch (R) {
  case KeyRole::Owner: return "owner";
  case KeyRole::LinkSide: return "link";
  case KeyRole::Actor: return "actor";
  case KeyRole::ActorNotNull: return "actor NOT NULL";
  case KeyRole::Undecided: return "undecided";
  }
  return "owner";
}

/// Lower-case words of a column name: split at non-alphanumerics and at a lower-to-upper change.
static std::vector<std::string> words(llvm::StringRef Name) {
  std::vector<std::string> Out;
  std::string Cur;
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!llvm::isAlnum(C)) {
      if (!Cur.empty())
        Out.push_back(std::move(Cur));
      Cur.clear();
      continue;
    }
    if (llvm::isUpper(C) && I > 0 && llvm::isLower(Name[I - 1]) && !Cur.empty()) {
      Out.push_back(std::move(Cur));
      Cur.clear();
    }
    Cur += llvm::toLower(C);
  }
  if (!Cur.empty())
    Out.push_back(std::move(Cur));
  return Out;
}

bool isActorColumn(llvm::StringRef Column, llvm::ArrayRef<std::string> Patterns) {
  auto Decide = [&](llvm::StringRef Run) {
    bool Result = false;
    for (llvm::StringRef P : Patterns) {
      bool Positive = !P.consume_front("-");
      if (wildcardMatch(P, Run))
        Result = Positive;
    }
    return Result;
  };
  std::vector<std::string> W = words(Column);
  // Runs of up to four words (`last_edited_by_user`), and the whole name: enough for any
  // sensible pattern while the cost stays linear in the name's length.
  constexpr size_t MaxRun = 4;
  for (size_t I = 0; I < W.size(); ++I) {
    std::string Run;
    for (size_t J = I; J < W.size() && J < I + MaxRun; ++J) {
      Run += (J == I ? "" : "_") + W[J];
      if (Decide(Run))
        return true;
    }
  }
  return W.size() > MaxRun && Decide(llvm::join(W, "_"));
}

/// The conventional owner column for Root: `user_id` / `user` for users, or any `owner` word.
static bool isOwnerColumn(llvm::StringRef Column, const QualifiedName &Root) {
  std::vector<std::string> W = words(Column);
  if (llvm::is_contained(W, "owner"))
    return true;
  llvm::StringRef R = Root.Name;
  std::string Singular = R.ends_with("ies")  ? (R.drop_back(3) + "y").str()
                         : R.ends_with("ss") ? R.str()
                         : R.ends_with("s")  ? R.drop_back(1).str()
                                             : R.str();
  std::string Joined = llvm::join(W, "_");
  return Joined == llvm::StringRef(Singular).lower() ||
         Joined == llvm::StringRef(Singular).lower() + "_id";
}

namespace {

struct DirectKey {
  size_t Index;
  const CatalogForeignKey *FK;
  bool NotNull;
  bool ActorName;
  bool OwnerName;
};

std::string columnText(const CatalogForeignKey &FK) {
  std::string Out;
  for (const std::string &C : FK.Columns)
    Out += (Out.empty() ? "" : ", ") + quoteIdent(C);
  return FK.Columns.size() == 1 ? Out : "(" + Out + ")";
}

/// The keys' columns for a note, at most a few of them: every key of a table gets such a note,
/// so an unbounded list would make the output quadratic in the number of keys.
std::string keyList(const std::vector<const DirectKey *> &Keys, llvm::StringRef Separator) {
  constexpr size_t Shown = 4;
  std::string Out;
  for (size_t I = 0; I < Keys.size() && I < Shown; ++I)
    Out += (I ? Separator.str() : "") + columnText(*Keys[I]->FK);
  if (Keys.size() > Shown)
    Out += " and " + std::to_string(Keys.size() - Shown) + " more";
  return Out;
}

struct TableContext {
  const QualifiedName *Table;
  const QualifiedName *Root;
  std::vector<DirectKey> Keys;
  const CatalogForeignKey *Chain = nullptr; // a NOT NULL key into another closure table
  std::vector<std::string> PrimaryKey;
  std::vector<std::pair<size_t, size_t>> Duplicates; // key index, the key it repeats
  std::unordered_map<std::string, size_t> KeyByColumns; // columns -> the first key on them
};

class Classifier {
public:
  Classifier(const TableContext &T, std::map<size_t, KeyOwnership> &Out) : T(T), Out(Out) {}

  void run() {
    std::vector<const DirectKey *> Link;
    std::unordered_set<std::string> PrimaryKey(T.PrimaryKey.begin(), T.PrimaryKey.end());
    for (const DirectKey &K : T.Keys)
      if (K.NotNull && !PrimaryKey.empty() &&
          llvm::all_of(K.FK->Columns, [&](const std::string &C) { return PrimaryKey.count(C); }))
        Link.push_back(&K);
    if (Link.size() >= 2) {
      std::string Sides = keyList(Link, ", ");
      for (const DirectKey *K : Link)
        set(*K, KeyRole::LinkSide, Action::Cascade,
            {table() + " links two rows of " + root() + ": its primary key holds " + Sides +
             ", all NOT NULL, and a link means nothing without either side: each key cascades"});
      Owners = Link;
      finishActors();
      return;
    }
    std::vector<const DirectKey *> Candidates;
    for (const DirectKey &K : T.Keys)
      if (K.NotNull)
        Candidates.push_back(&K);
    if (Candidates.empty() && !T.Chain)
      for (const DirectKey &K : T.Keys)
        Candidates.push_back(&K);
    std::vector<const DirectKey *> Unnamed;
    for (const DirectKey *K : Candidates)
      if (!K->ActorName)
        Unnamed.push_back(K);
    // Still a tie: the conventional owner column (user_id for users, owner_id) decides.
    if (Unnamed.size() >= 2) {
      std::vector<const DirectKey *> OwnerNamed;
      for (const DirectKey *K : Unnamed)
        if (K->OwnerName)
          OwnerNamed.push_back(K);
      if (OwnerNamed.size() == 1)
        Unnamed = OwnerNamed;
    }
    if (Unnamed.size() == 1) {
      set(*Unnamed.front(), KeyRole::Owner, Action::Cascade, {});
      Owners = Unnamed;
    } else if (Unnamed.empty() && Candidates.size() == 1 && Candidates.front()->NotNull) {
      const DirectKey &K = *Candidates.front();
      set(K, KeyRole::Owner, Action::Cascade,
          {"the name " + columnText(*K.FK) + " marks an actor, but it is the only NOT NULL key "
           "from " + table() + " to " + root() + ", so it is treated as the owner and cascades; "
           "if it only records who acted, make it nullable and use ON DELETE SET NULL"});
      Owners = Candidates;
    } else if (Unnamed.size() >= 2 || (Unnamed.empty() && Candidates.size() >= 2 &&
                                       Candidates.front()->NotNull)) {
      std::vector<const DirectKey *> &Tied = Unnamed.empty() ? Candidates : Unnamed;
      std::string Names = keyList(Tied, ", ");
      for (const DirectKey *K : Tied)
        set(*K, KeyRole::Undecided, std::nullopt,
            {table() + " has several keys to " + root() + " that could own its rows (" + Names +
                 ") and nothing tells them apart: no automatic fix",
             "choose ON DELETE CASCADE for the key whose user owns the row and ON DELETE SET "
             "NULL (on a nullable column) for a key that only records who acted; cascade both "
             "if the row belongs to each side"});
    }
    finishActors();
  }

private:
  const TableContext &T;
  std::map<size_t, KeyOwnership> &Out;
  std::vector<const DirectKey *> Owners;

  std::string table() const { return T.Table->str(); }
  std::string root() const { return T.Root->str(); }

  void set(const DirectKey &K, KeyRole Role, std::optional<Action> Fix,
           std::vector<std::string> Notes) {
    Out[K.Index] = KeyOwnership{Role, Fix, std::move(Notes)};
  }

  /// How the table is owned when not through K: its owner keys, or its chained key.
  std::string owningPath() const {
    std::string Path = keyList(Owners, " and ");
    if (Path.empty() && T.Chain)
      Path = columnText(*T.Chain) + " -> " + T.Chain->Parent.str();
    return Path;
  }

  void finishActors() {
    std::string Path = owningPath();
    llvm::StringRef RootName = T.Root->Name;
    std::string Others = RootName.ends_with("s") ? "other " + RootName.str() + "' rows"
                                                 : "rows of other " + root() + " rows";
    for (const DirectKey &K : T.Keys) {
      if (Out.count(K.Index))
        continue;
      std::string Col = columnText(*K.FK);
      std::string Owned = Path.empty()
                              ? Col + " records who acted on the row"
                              : table() + " is owned through " + Path + "; cascading " + Col +
                                    " would delete " + Others;
      if (K.NotNull) {
        set(K, KeyRole::ActorNotNull, std::nullopt,
            {Owned + ", and " + Col + " is NOT NULL, so it cannot be set to null: no automatic "
                                      "fix",
             "choose: make " + Col + " nullable and use ON DELETE SET NULL, or use ON DELETE "
                                     "CASCADE if the row cannot outlive that user"});
        continue;
      }
      if (!Path.empty()) {
        set(K, KeyRole::Actor, Action::SetNull,
            {Owned + ": the fix sets ON DELETE SET NULL"});
        continue;
      }
      // Only the name says actor: the structure alone would make this key the owner.
      set(K, KeyRole::Actor, Action::SetNull,
          {"the name " + Col + " records who acted on the row (ActorColumnPatterns): the fix "
           "sets ON DELETE SET NULL, so the row outlives that user; use ON DELETE CASCADE "
           "instead if the row belongs to that user",
           T.Keys.size() == 1
               ? "structure and name disagree: " + Col + " is the only key from " + table() +
                     " to " + root() + ", which alone would make it the owner"
               : "structure and name disagree: no other key owns " + table() +
                     ", which alone would make these keys its owners"});
    }
  }
};

bool anyNotNull(const CatalogForeignKey &FK, const NotNullLookup &NotNull) {
  return llvm::any_of(FK.Columns,
                      [&](const std::string &C) { return NotNull(FK.Child, C); });
}

std::string tableKey(const QualifiedName &N) { return N.Schema + "." + N.Name; }

} // namespace

/// One pass: every direct key classified against the given closures.
static std::map<size_t, KeyOwnership>
classify(const std::vector<const CatalogForeignKey *> &FKs, const CheckOptions &Opts,
         const NotNullLookup &NotNull, const PrimaryKeyLookup &PrimaryKey,
         const std::vector<DeleteClosure> &Closures) {
  std::map<size_t, KeyOwnership> Out;
  std::map<std::string, std::vector<size_t>> ByChild;
  for (size_t I = 0; I < FKs.size(); ++I)
    ByChild[tableKey(FKs[I]->Child)].push_back(I);
  std::set<size_t> Claimed;
  for (const DeleteClosure &C : Closures) {
    std::set<std::string> InClosure;
    for (const QualifiedName &N : C.Tables)
      InClosure.insert(tableKey(N));
    // Direct keys grouped by child table; a key of an unknown table (a fragment) stands alone.
    std::map<std::string, TableContext> Tables;
    for (size_t I = 0; I < FKs.size(); ++I) {
      const CatalogForeignKey &FK = *FKs[I];
      if (!(FK.Parent == C.RootName) || FK.Child == C.RootName ||
          !C.Root.matches(FK.Parent, FK.ParentColumns) || !Claimed.insert(I).second)
        continue;
      std::string Group = FK.Child.empty() ? "#" + std::to_string(I) : tableKey(FK.Child);
      TableContext &T = Tables[Group];
      T.Table = &FK.Child;
      T.Root = &C.RootName;
      // A second key on the same columns (the table defined twice) shares the first's decision.
      auto [Same, New] = T.KeyByColumns.try_emplace(llvm::join(FK.Columns, "\x1f"), I);
      if (!New) {
        T.Duplicates.push_back({I, Same->second});
        continue;
      }
      T.Keys.push_back({I, &FK, anyNotNull(FK, NotNull),
                        llvm::any_of(FK.Columns,
                                     [&](const std::string &Col) {
                                       return isActorColumn(Col, Opts.ActorColumnPatterns);
                                     }),
                        FK.Columns.size() == 1 && isOwnerColumn(FK.Columns[0], C.RootName)});
    }
    for (auto &[Group, T] : Tables) {
      if (!T.Table->empty()) {
        T.PrimaryKey = PrimaryKey(*T.Table);
        for (size_t J : ByChild[tableKey(*T.Table)]) {
          const CatalogForeignKey &FK = *FKs[J];
          if (FK.Parent == C.RootName || FK.Parent == *T.Table ||
              FK.OnDelete == Action::SetNull || FK.OnDelete == Action::SetDefault ||
              !InClosure.count(tableKey(FK.Parent)) || !anyNotNull(FK, NotNull))
            continue;
          T.Chain = &FK;
          break;
        }
      }
      Classifier(T, Out).run();
      for (auto [Copy, Original] : T.Duplicates)
        Out[Copy] = Out[Original];
    }
  }
  return Out;
}

OwnershipAnalysis analyzeOwnership(const std::vector<const CatalogForeignKey *> &FKs,
                                   const CheckOptions &Opts, const NotNullLookup &NotNull,
                                   const PrimaryKeyLookup &PrimaryKey) {
  OwnershipAnalysis A;
  A.Closures = analyzeDeletePaths(FKs, Opts, NotNull);
  if (Opts.Ownership == OwnershipPolicy::CascadeAll)
    return A;
  // A key set to null takes its table out of the closure when nothing else reaches it, and a
  // chained key into that table then no longer owns anything: classify again until the plan
  // is stable. Keys only ever move from actor to owner, so this ends.
  PlannedActions Planned;
  std::set<size_t> Owners;
  for (size_t Round = 0; Round <= FKs.size(); ++Round) {
    std::map<size_t, KeyOwnership> Decided =
        classify(FKs, Opts, NotNull, PrimaryKey, A.Closures);
    for (auto &[I, K] : Decided) {
      if (K.Role == KeyRole::Owner || K.Role == KeyRole::LinkSide)
        Owners.insert(I);
      else if (Owners.count(I))
        K = KeyOwnership{KeyRole::Owner, Action::Cascade, {}};
    }
    PlannedActions Next;
    for (const auto &[I, K] : Decided)
      if (K.Fix != std::optional<Action>(Action::Cascade))
        Next[I] = K.Fix;
    A.Direct = std::move(Decided);
    // Nothing planned but cascades: the next round's closures would be these (an empty plan
    // changes no key: analyzeDeletePaths only looks keys up in it), so would its classes, and
    // the loop would stop there. A set whose keys all cascade once fixed needs one round.
    if ((Round > 0 || Next.empty()) && Next == Planned)
      break;
    Planned = std::move(Next);
    A.Closures = analyzeDeletePaths(FKs, Opts, NotNull, &Planned);
  }
  return A;
}

} // namespace cascade
