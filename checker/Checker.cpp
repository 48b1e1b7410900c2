#include "Checker.h"
#include "Ownership.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/xxhash.h"

#include <atomic>
#include <memory>
#include <set>
#include <unordered_set>

namespace cascade {

CheckResult checkSql(llvm::StringRef Text, const CheckerOptions &Opts) {
  std::vector<CheckResult> R = checkSet({SetMember{"", Text.str(), &Opts}});
  return std::move(R.front());
}

/// The checks a file's options enable, made once per file.
static std::vector<std::unique_ptr<Check>> enabledChecks(const CheckerOptions &Opts) {
  std::vector<std::unique_ptr<Check>> Out;
  for (const CheckInfo &Info : allChecks())
    if (Opts.Enabled.contains(Info.Id))
      Out.push_back(Info.Create());
  return Out;
}

static std::atomic<unsigned> ReplayThreads{1};
static std::atomic<unsigned> ActiveReplays{0}; // sets being replayed now, by any thread
static std::atomic<size_t> PendingSets{0};     // sets of the run not checked yet, when counted

void setReplayThreads(unsigned N) { ReplayThreads = std::max(1u, N); }
void setPendingSets(size_t N) { PendingSets = N; }
void finishPendingSet() {
  size_t N = PendingSets.load();
  while (N > 0 && !PendingSets.compare_exchange_weak(N, N - 1))
    ;
}

std::vector<Analysis> replaySet(const std::vector<SetMember> &Members, Catalog &Cat) {
  struct Active {
    Active() { ++ActiveReplays; }
    ~Active() { --ActiveReplays; }
  } Counted;
  // The catalog must see the files in order, but scanning and parsing them (most of the work)
  // needs no catalog: while threads are idle (a repository with one migration folder, the last
  // sets of a run), a window of files is prepared in parallel, then replayed in order.
  constexpr size_t Window = 32;
  std::vector<Analysis> Out;
  std::vector<std::shared_ptr<PreparedSql>> Prepared;
  for (size_t From = 0; From < Members.size(); From += Window) {
    size_t To = std::min(Members.size(), From + Window);
    Prepared.assign(To - From, nullptr);
    // Only while threads are idle: fewer sets being replayed, and fewer left to check (a
    // thread between two sets, reading files, is not idle), than there are threads.
    if (To - From > 1 && ActiveReplays.load() < ReplayThreads.load() &&
        PendingSets.load() < ReplayThreads.load())
      llvm::parallelFor(From, To, [&](size_t I) {
        Prepared[I - From] = prepareSql(Members[I].Sql, Members[I].Options->Analyzer);
      });
    for (size_t I = From; I < To; ++I) {
      Cat.setCurrentFile(static_cast<int>(I));
      Out.push_back(
          analyzeSql(Members[I].Sql, Members[I].Options->Analyzer, Cat, Prepared[I - From].get()));
    }
  }
  return Out;
}

NotNullLookup notNullLookup(Catalog &Cat, const std::vector<const Analysis *> &Files) {
  // A table the catalog does not know (only altered, or in a statement that did not parse):
  // NOT NULL as the FK definitions spelled it.
  auto Key = [](const QualifiedName &T, const std::string &C) {
    return T.Schema + "." + T.Name + '\0' + C;
  };
  auto Defined = std::make_shared<std::unordered_set<std::string>>();
  for (const CatalogForeignKey &CF : Cat.foreignKeys())
    if (CF.Alive && CF.File >= 0 && CF.Definition >= 0 &&
        static_cast<size_t>(CF.File) < Files.size()) {
      const ForeignKey &FK = Files[CF.File]->ForeignKeys[CF.Definition];
      for (size_t C = 0; C < CF.Columns.size() && C < FK.NotNull.size(); ++C)
        if (FK.NotNull[C])
          Defined->insert(Key(CF.Child, CF.Columns[C]));
    }
  return [&Cat, Defined, Key](const QualifiedName &T, const std::string &C) {
    if (std::optional<bool> Known = Cat.notNull(T, C))
      return *Known;
    return Defined->count(Key(T, C)) > 0;
  };
}

/// One note per table that FKs of the set reference but no text creates, at its first
/// reference. Root tables are left alone: a root's own definition often lives elsewhere
/// (auth.users) and a key to it is judged all the same.
static void noteUnknownParents(std::vector<CheckResult> &Results,
                               const std::unordered_set<std::string> &Created,
                               const CheckOptions &Checks) {
  std::set<std::string> Noted;
  for (CheckResult &R : Results)
    for (const ForeignKey &FK : R.Parsed.ForeignKeys) {
      QualifiedName Parent = Catalog::canonical(FK.Ref.Table);
      std::string Key = Parent.Schema + "." + Parent.Name;
      if (Parent.empty() || Created.count(Key) || Checks.rootOf(FK))
        continue;
      if (!Noted.insert(Key).second)
        continue;
      Finding Note;
      Note.Level = Severity::Note;
      Note.Begin = FK.Ref.Begin;
      Note.End = FK.Ref.End;
      Note.Message = "no file of this migration set creates table " + Parent.str() +
                     ", so delete paths through it are not checked; add the file that creates "
                     "it to the set (or pass it with --schema)";
      R.Findings.push_back(std::move(Note));
    }
}

/// CASCADE_TIDY_VERIFY_INCREMENTAL: the resumed analysis of M must equal a whole one.
static void verifyResumed(const SetMember &M, Catalog Before, const Analysis &Resumed,
                          const Catalog &After) {
  Analysis Whole = analyzeSql(M.Sql, M.Options->Analyzer, Before);
  auto SameFK = [](const ForeignKey &A, const ForeignKey &B) {
    return A.Ref.Begin == B.Ref.Begin && A.Ref.End == B.Ref.End && A.Name == B.Name &&
           A.Columns == B.Columns && A.Child == B.Child && A.CatalogId == B.CatalogId &&
           A.DefinitionBegin == B.DefinitionBegin && A.NotNull == B.NotNull;
  };
  auto SameDiag = [](const Finding &A, const Finding &B) {
    return A.Begin == B.Begin && A.Message == B.Message;
  };
  bool Same = Whole.ForeignKeys.size() == Resumed.ForeignKeys.size() &&
              std::equal(Whole.ForeignKeys.begin(), Whole.ForeignKeys.end(),
                         Resumed.ForeignKeys.begin(), SameFK) &&
              Whole.Diagnostics.size() == Resumed.Diagnostics.size() &&
              std::equal(Whole.Diagnostics.begin(), Whole.Diagnostics.end(),
                         Resumed.Diagnostics.begin(), SameDiag) &&
              Before.foreignKeys().size() == After.foreignKeys().size() &&
              Before.tableNames() == After.tableNames();
  if (!Same) {
    llvm::errs() << "cascade-tidy: internal error: the resumed analysis of " << M.Name
                 << " differs from the whole one\n";
    std::abort();
  }
}

/// Replays Members into Cat, from the cache's snapshot when the members before it are those
/// of the last run; takes a new snapshot before the first member that changed.
static std::vector<Analysis> replayCached(const std::vector<SetMember> &Members, Catalog &Cat,
                                          SetReplayCache &Cache) {
  std::vector<std::string> Keys;
  Keys.reserve(Members.size());
  for (const SetMember &M : Members) {
    const AnalyzerOptions &A = M.Options->Analyzer;
    // The text by hash: keys are compared on every edit, and the texts are the whole set.
    uint64_t H = llvm::xxh3_64bits(llvm::arrayRefFromStringRef(M.Sql));
    Keys.push_back(M.Name + '\0' + static_cast<char>(A.SqlDialect) +
                   static_cast<char>(A.Fragments) + static_cast<char>(M.Options->naming()) +
                   '\0' + std::to_string(H) + '\0' + std::to_string(M.Sql.size()));
  }
  size_t Same = 0; // members equal to the last run's
  while (Same < Keys.size() && Same < Cache.Keys.size() && Keys[Same] == Cache.Keys[Same])
    ++Same;
  std::vector<Analysis> Out;
  size_t Start = 0;
  if (Cache.Snapshot && Cache.SnapshotAt <= Same) {
    // The edited member starts from its resume point's catalog: no copy of the snapshot's.
    if (Cache.SnapshotAt != Same)
      Cat = *Cache.Snapshot;
    Out = Cache.Analyses;
    Start = Cache.SnapshotAt;
  }
  // Where the next run starts: before the first changed member, or, on a first run (nothing
  // changed yet), before the member being edited.
  size_t SnapAt = Same;
  if (Cache.Keys.empty() && Cache.Focus < Members.size())
    SnapAt = Cache.Focus;
  for (size_t I = Start; I < Members.size(); ++I) {
    if (I == SnapAt && (!Cache.Snapshot || Cache.SnapshotAt != I)) {
      // The edited member: the next run starts here.
      Cache.Snapshot = Cat;
      Cache.Analyses = Out;
      Cache.SnapshotAt = I;
      Cache.Resume.reset();
    }
    Cat.setCurrentFile(static_cast<int>(I));
    if (I != Same || I != Cache.SnapshotAt || !Cache.Snapshot) {
      Out.push_back(analyzeSql(Members[I].Sql, Members[I].Options->Analyzer, Cat));
      continue;
    }
    // The edited member itself: from the statement the edit is in, where the last run of the
    // same text up to there left off.
    size_t TakeAt = 0;
    if (I < Cache.Texts.size() && I < Cache.Keys.size() &&
        llvm::StringRef(Cache.Keys[I]).rsplit('\0').first.rsplit('\0').first ==
            llvm::StringRef(Keys[I]).rsplit('\0').first.rsplit('\0').first) {
      llvm::StringRef Old = Cache.Texts[I], New = Members[I].Sql;
      while (TakeAt < Old.size() && TakeAt < New.size() && Old[TakeAt] == New[TakeAt])
        ++TakeAt;
    }
    Out.push_back(analyzeSqlResuming(Members[I].Sql, Members[I].Options->Analyzer, Cat,
                                     *Cache.Snapshot, Cache.Resume, TakeAt));
    if (verifyIncremental()) {
      Catalog Before = *Cache.Snapshot;
      Before.setCurrentFile(static_cast<int>(I));
      verifyResumed(Members[I], Before, Out.back(), Cat);
    }
  }
  Cache.Texts.resize(Members.size());
  for (size_t I = 0; I < Members.size(); ++I)
    if (I >= Cache.Keys.size() || Cache.Keys[I] != Keys[I])
      Cache.Texts[I] = Members[I].Sql;
  Cache.Keys = std::move(Keys);
  return Out;
}

/// CASCADE_TIDY_VERIFY_INCREMENTAL: a reused ownership analysis must equal a new one.
static bool sameOwnership(const OwnershipAnalysis &A, const OwnershipAnalysis &B) {
  if (A.Direct.size() != B.Direct.size() || A.Closures.size() != B.Closures.size())
    return false;
  for (auto I = A.Direct.begin(), J = B.Direct.begin(); I != A.Direct.end(); ++I, ++J)
    if (I->first != J->first || I->second.Role != J->second.Role ||
        I->second.Fix != J->second.Fix || I->second.Notes != J->second.Notes)
      return false;
  for (size_t C = 0; C < A.Closures.size(); ++C) {
    const DeleteClosure &X = A.Closures[C], &Y = B.Closures[C];
    if (!(X.RootName == Y.RootName) || X.Tables.size() != Y.Tables.size() ||
        X.Blocking.size() != Y.Blocking.size() || X.Edges != Y.Edges)
      return false;
    for (size_t K = 0; K < X.Blocking.size(); ++K)
      if (X.Blocking[K].Index != Y.Blocking[K].Index || X.Blocking[K].Fix != Y.Blocking[K].Fix)
        return false;
  }
  return true;
}

/// Everything analyzeOwnership reads, as one string: equal strings, equal analyses.
static std::string ownershipKey(const std::vector<const CatalogForeignKey *> &Alive,
                                const CheckOptions &Opts, const NotNullLookup &NotNull,
                                Catalog &Cat) {
  std::string K;
  auto Add = [&](llvm::StringRef S) {
    K += S;
    K += '\x1f';
  };
  for (const RootTable &R : Opts.Roots)
    Add(R.str());
  K += '\x1e';
  for (const std::string &P : Opts.ActorColumnPatterns)
    Add(P);
  K += static_cast<char>(Opts.AllowSetNull);
  K += static_cast<char>(Opts.Ownership);
  for (const CatalogForeignKey *FK : Alive) {
    K += '\x1e';
    for (const QualifiedName *N : {&FK->Child, &FK->Parent}) {
      Add(N->Schema);
      Add(N->Name);
    }
    Add(FK->Name);
    // One lookup of the child per key: NOT NULL and the primary key as the catalog has them
    // (as NotNull answers for a table it does not know).
    Table *Child = Cat.find(FK->Child);
    for (const std::string &C : FK->Columns) {
      Add(C);
      bool NN;
      if (!Child)
        NN = NotNull(FK->Child, C);
      else if (llvm::is_contained(Child->PrimaryKey, C))
        NN = true;
      else if (const Column *Col = Child->column(C))
        NN = Col->NotNull;
      else
        NN = NotNull(FK->Child, C);
      K += NN ? '1' : '0';
    }
    K += '\x1d';
    for (const std::string &C : FK->ParentColumns)
      Add(C);
    K += static_cast<char>(FK->OnDelete);
    for (const std::string &C : FK->SetNullColumns)
      Add(C);
    K += '\x1d';
    if (Child)
      for (const std::string &C : Child->PrimaryKey)
        Add(C);
  }
  return K;
}

std::vector<CheckResult> checkSet(const std::vector<SetMember> &Members, Catalog *CatalogOut,
                                  SetReplayCache *Cache) {
  std::vector<CheckResult> Results(Members.size());
  if (Members.empty())
    return Results;
  const CheckerOptions &Shared = *Members.front().Options;
  Catalog Cat(Shared.naming());
  std::vector<Analysis> Parsed =
      Cache ? replayCached(Members, Cat, *Cache) : replaySet(Members, Cat);
  for (size_t I = 0; I < Members.size(); ++I) {
    Results[I].Parsed = std::move(Parsed[I]);
    Results[I].Findings = Results[I].Parsed.Diagnostics;
    for (const ForeignKey &FK : Results[I].Parsed.ForeignKeys)
      Results[I].Referenced.push_back(Catalog::canonical(FK.Ref.Table));
  }
  // Messages name tables as the files wrote them, placeholders included.
  std::vector<std::string> Holders;
  for (const CheckResult &R : Results)
    appendPlaceholders(Holders, R.Parsed.Placeholders);
  KnownPlaceholders Known(Holders);
  std::unordered_set<std::string> Created;
  for (const auto &[File, Name] : Cat.createdNames()) {
    if (Shared.ReportUnknownParents)
      Created.insert(Name.Schema + "." + Name.Name);
    // Only a reported file's report lists its tables (the language server replays the rest).
    if (File < 0 || static_cast<size_t>(File) >= Results.size() || !Members[File].Report)
      continue;
    CreatedTable T{Name, {}};
    if (const Table *Now = Cat.find(Name))
      for (const Column &C : Now->columns())
        T.Columns.push_back(C.Name);
    Results[File].Tables.push_back(std::move(T));
  }
  if (Shared.ReportUnknownParents)
    noteUnknownParents(Results, Created, Shared.Checks);

  // The delete closure of each root, over the FKs that stand at the end of the history.
  std::vector<const CatalogForeignKey *> Alive;
  for (const CatalogForeignKey &FK : Cat.foreignKeys())
    if (FK.Alive)
      Alive.push_back(&FK);
  std::vector<const Analysis *> Files;
  for (const CheckResult &R : Results)
    Files.push_back(&R.Parsed);
  NotNullLookup NotNull = notNullLookup(Cat, Files);
  auto PrimaryKey = [&](const QualifiedName &T) {
    const Table *Found = Cat.find(T);
    return Found ? Found->PrimaryKey : std::vector<std::string>{};
  };
  OwnershipAnalysis Owned;
  if (Cache) {
    std::string Key = ownershipKey(Alive, Shared.Checks, NotNull, Cat);
    if (!Cache->Owned || Cache->OwnershipKey != Key) {
      Cache->Owned = analyzeOwnership(Alive, Shared.Checks, NotNull, PrimaryKey);
      Cache->OwnershipKey = std::move(Key);
    } else if (verifyIncremental() &&
               !sameOwnership(*Cache->Owned,
                              analyzeOwnership(Alive, Shared.Checks, NotNull, PrimaryKey))) {
      llvm::errs() << "cascade-tidy: internal error: the reused ownership analysis differs from "
                      "a new one\n";
      std::abort();
    }
    Owned = *Cache->Owned;
  } else {
    Owned = analyzeOwnership(Alive, Shared.Checks, NotNull, PrimaryKey);
  }
  for (const auto &[Index, Role] : Owned.Direct) {
    const CatalogForeignKey &CF = *Alive[Index];
    if (CF.File >= 0 && CF.Definition >= 0)
      Results[CF.File].Parsed.ForeignKeys[CF.Definition].Ownership = Role;
  }
  std::set<unsigned> BlockingIds;
  for (const DeleteClosure &C : Owned.Closures) {
    for (const BlockingForeignKey &B : C.Blocking) {
      const CatalogForeignKey &CF = *Alive[B.Index];
      BlockingIds.insert(CF.Id);
      if (CF.File < 0 || CF.Definition < 0)
        continue;
      ForeignKey &FK = Results[CF.File].Parsed.ForeignKeys[CF.Definition];
      if (!FK.BlockedPath.empty())
        continue; // the first root's (shortest) path
      for (const QualifiedName &N : B.Path)
        FK.BlockedPath.push_back(N.str());
      FK.BlockedRootNoun = C.Root.rowNoun();
      FK.BlockedFix = B.Fix;
      FK.BlockedBackIntoRoot = B.ChildIsRoot;
    }
  }

  for (size_t I = 0; I < Members.size(); ++I) {
    if (!Members[I].Report)
      continue;
    std::vector<std::unique_ptr<Check>> Checks = enabledChecks(*Members[I].Options);
    for (ForeignKey &FK : Results[I].Parsed.ForeignKeys) {
      if (FK.CatalogId >= 0) {
        const CatalogForeignKey &CF = Cat.foreignKeys()[FK.CatalogId];
        if (!CF.Alive) {
          const CatalogForeignKey &Final = Cat.finalVersion(CF.Id);
          if (Final.Id == CF.Id || !Final.Alive || BlockingIds.count(Final.Id))
            continue; // dropped for good, or still blocking where it was re-added
          FK.FixedBy = Members[Final.File].Name;
        } else {
          // Names as the final schema has them: a later RENAME may make this a root reference.
          if (!(CF.Parent == Catalog::canonical(FK.Ref.Table)))
            FK.Ref.Table = CF.Parent;
          if (!(CF.Child == Catalog::canonical(FK.Child)))
            FK.Child = CF.Child;
          if (FK.Ref.Columns.empty())
            FK.ParentKey = CF.ParentColumns;
          // NOT NULL as the final schema has it (a later ALTER COLUMN may change it).
          for (size_t C = 0; C < FK.Columns.size() && C < FK.NotNull.size(); ++C)
            if (auto N = Cat.notNull(CF.Child, CF.Columns[C]))
              FK.NotNull[C] = *N;
        }
      }
      if (FK.FixedBy) {
        const CatalogForeignKey &CF = Cat.foreignKeys()[FK.CatalogId];
        const CatalogForeignKey &Final = Cat.finalVersion(CF.Id);
        if (CF.OnDelete == Final.OnDelete)
          continue;
        Finding Note;
        Note.Level = Severity::Note;
        Note.Begin = FK.Ref.Begin;
        Note.End = FK.Ref.End;
        Note.Message = "foreign key " + FK.childDisplay() + " references " +
                       FK.parentDisplay() + " is made ON DELETE " + actionSql(Final.OnDelete) +
                       (FK.FixedBy->empty() ? " by a later statement" : " by " + *FK.FixedBy);
        Results[I].Findings.push_back(std::move(Note));
        continue;
      }
      for (const std::unique_ptr<Check> &C : Checks) {
        size_t Before = Results[I].Findings.size();
        C->check(FK, Members[I].Options->Checks, Results[I].Findings);
        // A fix also makes the edits the dialect needs for it to apply (MySQL: MATCH removed);
        // a finding without a fix (a human decides) stays without one.
        for (size_t F = Before; F < Results[I].Findings.size(); ++F)
          if (!Results[I].Findings[F].Edits.empty())
            llvm::append_range(Results[I].Findings[F].Edits, FK.DialectEdits);
      }
    }
    llvm::stable_sort(Results[I].Findings,
                      [](const Finding &A, const Finding &B) { return A.Begin < B.Begin; });
  }
  if (CatalogOut)
    *CatalogOut = std::move(Cat);
  else if (Cache)
    Cache->Retired = std::move(Cat);
  return Results;
}

} // namespace cascade
