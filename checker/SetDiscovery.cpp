#include "SetDiscovery.h"
#include "MigrationSet.h"
#include "RegularFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/Path.h"

#include <array>
#include <deque>
#include <map>
#include <set>
#include <tuple>

namespace path = llvm::sys::path;

namespace cascade {

std::optional<SetDialect> parseSetDialect(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<SetDialect>>(Name.lower())
      .Case("auto", SetDialect::Auto)
      .Cases("postgres", "postgresql", SetDialect::Postgres)
      .Cases("cockroach", "cockroachdb", SetDialect::Cockroach)
      .Cases("mysql", "mariadb", SetDialect::Mysql)
      .Cases("sqlite", "sqlite3", SetDialect::Sqlite)
      .Default(std::nullopt);
}

const char *setDialectName(SetDialect D) {
  switch (D) {
  case SetDialect::Auto: return "auto";
  case SetDialect::Postgres: return "postgres";
  case SetDialect::Cockroach: return "cockroach";
  case SetDialect::Mysql: return "mysql";
  case SetDialect::Sqlite: return "sqlite";
  }
  return "auto";
}

std::vector<std::string> SetInfo::files() const {
  std::vector<std::string> Out = Base;
  llvm::append_range(Out, Migrations);
  return Out;
}

std::optional<SetDialect> dialectFromName(llvm::StringRef Name) {
  llvm::SmallVector<llvm::StringRef, 4> Words;
  llvm::SplitString(Name, Words, "-_. 0123456789");
  for (llvm::StringRef W : Words) {
    auto Is = [&](llvm::StringRef S) { return W.equals_insensitive(S); };
    if (Is("mysql") || Is("mariadb"))
      return SetDialect::Mysql;
    if (Is("sqlite"))
      return SetDialect::Sqlite;
    if (Is("postgres") || Is("postgresql") || Is("pg") || Is("pgsql"))
      return SetDialect::Postgres;
    if (Is("cockroach") || Is("cockroachdb") || Is("crdb"))
      return SetDialect::Cockroach;
  }
  return std::nullopt;
}

namespace {

/// Dialect markers counted over one or more texts, outside comments and string literals.
struct DialectMarkers {
  enum Kind { Mysql, Sqlite, Backquote, Postgres, Cockroach, NumKinds };
  unsigned Count[NumKinds] = {};
  std::string First[NumKinds]; // "AUTO_INCREMENT at line 3 of x.sql"
  // The line of a position, counted only when a first marker needs it (positions only grow).
  llvm::StringRef Text;
  size_t LinePos = 0;
  unsigned LineNo = 1;

  void mark(Kind K, llvm::StringRef What, size_t Pos, llvm::StringRef File) {
    if (Count[K]++ != 0)
      return;
    LineNo += static_cast<unsigned>(Text.slice(LinePos, Pos).count('\n'));
    LinePos = Pos;
    First[K] = What.str() + " at line " + std::to_string(LineNo) +
               (File.empty() ? "" : " of " + File.str());
  }

  /// The words the markers look at; every other word is Other, and None is "no word yet".
  enum class Word : unsigned char {
    None, Other, AutoIncrement, Unsigned, Longtext, Mediumtext, Tinyint, Tinytext, Mediumint,
    Engine, Charset, Autoincrement, Pragma, Rowid, Without, Serial, Bigserial, Smallserial,
    Jsonb, Timestamptz, Plpgsql, Extension, Create, Index, Inverted, Storing, Upsert, String, As
  };

  struct KnownWord {
    llvm::StringRef Spelling;
    Word W;
  };
  static constexpr KnownWord Known[] = {
      {"AUTO_INCREMENT", Word::AutoIncrement},
      {"UNSIGNED", Word::Unsigned},
      {"LONGTEXT", Word::Longtext},
      {"MEDIUMTEXT", Word::Mediumtext},
      {"TINYINT", Word::Tinyint},
      {"TINYTEXT", Word::Tinytext},
      {"MEDIUMINT", Word::Mediumint},
      {"ENGINE", Word::Engine},
      {"CHARSET", Word::Charset},
      {"AUTOINCREMENT", Word::Autoincrement},
      {"PRAGMA", Word::Pragma},
      {"ROWID", Word::Rowid},
      {"WITHOUT", Word::Without},
      {"SERIAL", Word::Serial},
      {"BIGSERIAL", Word::Bigserial},
      {"SMALLSERIAL", Word::Smallserial},
      {"JSONB", Word::Jsonb},
      {"TIMESTAMPTZ", Word::Timestamptz},
      {"PLPGSQL", Word::Plpgsql},
      {"EXTENSION", Word::Extension},
      {"CREATE", Word::Create},
      {"INDEX", Word::Index},
      {"INVERTED", Word::Inverted},
      {"STORING", Word::Storing},
      {"UPSERT", Word::Upsert},
      {"STRING", Word::String},
      {"AS", Word::As}};

  /// Upper-cases an identifier into Buf (no allocation: this runs for every word of every
  /// file) and names it; Upper gets the upper-cased spelling of a known word.
  static Word classify(llvm::StringRef Id, char (&Buf)[16], llvm::StringRef &Upper) {
    if (Id.size() > 14 || Id.size() < 2) // the longest word looked at is AUTO_INCREMENT
      return Word::Other;
    // Most words are names: one whose length and first letter no known word has is Other
    // without a look at the list (per length, one bit per first letter).
    static const std::array<uint32_t, 16> Letters = [] {
      std::array<uint32_t, 16> L{};
      for (const KnownWord &K : Known)
        L[K.Spelling.size()] |= 1u << (K.Spelling[0] - 'A');
      return L;
    }();
    char First = llvm::toUpper(Id[0]);
    if (First < 'A' || First > 'Z' || !(Letters[Id.size()] & (1u << (First - 'A'))))
      return Word::Other;
    for (size_t I = 0; I < Id.size(); ++I)
      Buf[I] = llvm::toUpper(Id[I]);
    Upper = llvm::StringRef(Buf, Id.size());
    for (const KnownWord &K : Known)
      if (K.Spelling == Upper)
        return K.W;
    return Word::Other;
  }

  void scan(llvm::StringRef T, llvm::StringRef File) {
    Text = T;
    LinePos = 0;
    LineNo = 1;
    Word Prev = Word::None, Prev2 = Word::None; // the two words before
    size_t I = 0, N = T.size();
    auto SkipTo = [&](size_t From, llvm::StringRef Close) {
      size_t E = T.find(Close, From);
      I = E == llvm::StringRef::npos ? N : E + Close.size();
    };
    // The bytes that can start something looked at; a run of other bytes is passed over.
    static const auto Starts = [] {
      std::array<bool, 256> S{};
      for (int C = 0; C < 256; ++C)
        S[C] = llvm::isAlpha(static_cast<char>(C)) || llvm::StringRef("_-/'\"`$:").contains(C);
      return S;
    }();
    while (I < N) {
      char C = T[I];
      if (!Starts[static_cast<unsigned char>(C)]) {
        ++I;
      } else if (T.substr(I).starts_with("--")) {
        SkipTo(I, "\n");
      } else if (T.substr(I).starts_with("/*")) {
        SkipTo(I + 2, "*/");
      } else if (C == '\'') {
        size_t J = I + 1;
        while (J < N && !(T[J] == '\'' && (J + 1 >= N || T[J + 1] != '\'')))
          J += T[J] == '\'' ? 2 : 1;
        I = std::min(J + 1, N);
      } else if (C == '"') {
        SkipTo(I + 1, "\"");
      } else if (C == '`') {
        mark(Backquote, "a backquoted name", I, File);
        SkipTo(I + 1, "`");
      } else if (C == '$' && I + 1 < N && (T[I + 1] == '$' || llvm::isAlpha(T[I + 1]))) {
        size_t E = T.find('$', I + 1);
        llvm::StringRef Tag = E == llvm::StringRef::npos ? "" : T.slice(I, E + 1);
        if (Tag.empty() || !llvm::all_of(Tag.drop_front().drop_back(), [](char X) {
              return llvm::isAlnum(X) || X == '_';
            })) {
          ++I;
          continue;
        }
        mark(Postgres, "a dollar-quoted body", I, File);
        I = E + 1;
        SkipTo(I, Tag);
      } else if (C == ':' && I + 1 < N && T[I + 1] == ':') {
        mark(Postgres, "a :: cast", I, File);
        I += 2;
      } else if (llvm::isAlpha(C) || C == '_') {
        size_t J = I;
        while (J < N && (llvm::isAlnum(T[J]) || T[J] == '_'))
          ++J;
        char Buf[16];
        llvm::StringRef Upper;
        Word W = classify(T.slice(I, J), Buf, Upper);
        if (W != Word::Other)
          word(W, Upper, Prev, Prev2, T, J, I, File);
        Prev2 = Prev;
        Prev = W;
        I = J;
      } else {
        ++I;
      }
    }
  }

  /// A known word W (spelled Upper) ending at End; Prev and Prev2 are the words before it.
  void word(Word W, llvm::StringRef Upper, Word Prev, Word Prev2, llvm::StringRef T, size_t End,
            size_t Pos, llvm::StringRef File) { // Pos: where the word starts
    switch (W) {
    case Word::AutoIncrement:
    case Word::Unsigned:
    case Word::Longtext:
    case Word::Mediumtext:
    case Word::Tinyint:
    case Word::Tinytext:
    case Word::Mediumint:
      mark(Mysql, Upper, Pos, File);
      return;
    case Word::Engine:
    case Word::Charset: {
      size_t K = End;
      while (K < T.size() && (T[K] == ' ' || T[K] == '\t'))
        ++K;
      if (K < T.size() && T[K] == '=')
        mark(Mysql, (Upper + "=").str(), Pos, File);
      return;
    }
    case Word::Autoincrement:
    case Word::Pragma:
      mark(Sqlite, Upper, Pos, File);
      return;
    case Word::Rowid:
      if (Prev == Word::Without)
        mark(Sqlite, "WITHOUT ROWID", Pos, File);
      return;
    case Word::Serial:
    case Word::Bigserial:
    case Word::Smallserial:
    case Word::Jsonb:
    case Word::Timestamptz:
    case Word::Plpgsql:
      mark(Postgres, Upper, Pos, File);
      return;
    case Word::Extension:
      if (Prev == Word::Create)
        mark(Postgres, "CREATE EXTENSION", Pos, File);
      return;
    case Word::Index:
      if (Prev == Word::Inverted)
        mark(Cockroach, "INVERTED INDEX", Pos, File);
      return;
    case Word::Storing:
    case Word::Upsert:
      mark(Cockroach, Upper, Pos, File);
      return;
    case Word::String:
      if (Prev != Word::None && Prev2 != Word::As)
        mark(Cockroach, Upper, Pos, File);
      return;
    default:
      return;
    }
  }

  /// Adds the markers of a text scanned after the ones already counted.
  void merge(DialectMarkers &Later) {
    for (int K = 0; K < NumKinds; ++K) {
      if (Count[K] == 0 && Later.Count[K])
        First[K] = std::move(Later.First[K]);
      Count[K] += Later.Count[K];
    }
  }

  /// The group's dialect by these markers, or "no dialect markers".
  void settle(SetInfo &Info) const {
    std::string Why;
    if (auto D = decide(Why)) {
      Info.Dialect = *D;
      Info.DialectReason = Why;
    } else {
      Info.DialectReason = "no dialect markers";
    }
    Info.ContentPending = false;
  }

  /// MySQL or SQLite by their own markers (the larger count); a backquoted name alone is
  /// MySQL unless PostgreSQL or CockroachDB markers say otherwise.
  std::optional<SetDialect> decide(std::string &Why) const {
    if (Count[Mysql] || Count[Sqlite]) {
      bool Lite = Count[Sqlite] > Count[Mysql];
      Why = First[Lite ? Sqlite : Mysql];
      return Lite ? SetDialect::Sqlite : SetDialect::Mysql;
    }
    if (Count[Backquote] && !Count[Postgres] && !Count[Cockroach]) {
      Why = First[Backquote];
      return SetDialect::Mysql;
    }
    if (Count[Cockroach]) {
      Why = First[Cockroach];
      return SetDialect::Cockroach;
    }
    if (Count[Postgres]) {
      Why = First[Postgres];
      return SetDialect::Postgres;
    }
    return std::nullopt;
  }
};

} // namespace

void decideContentDialect(SetInfo &Info, llvm::ArrayRef<GroupText> Texts) {
  // Each file scanned on its own and merged in order, as discoverSets does.
  DialectMarkers M;
  for (const GroupText &T : Texts)
    if (T.Text) {
      DialectMarkers One;
      One.scan(*T.Text, T.Path);
      M.merge(One);
    }
  M.settle(Info);
}

std::optional<SetDialect> dialectFromContent(llvm::StringRef Text, std::string &Why) {
  DialectMarkers M;
  M.scan(Text, "");
  return M.decide(Why);
}

namespace {

std::string parentOf(llvm::StringRef P) { return path::parent_path(P).str(); }

bool isSchemaFolderName(llvm::StringRef Name) {
  return Name.equals_insensitive("schema") || Name.equals_insensitive("schemas");
}

/// schema.sql, schema_x.sql, structure.sql: a base schema file, replayed before migrations.
bool isBaseFileName(llvm::StringRef Name) {
  return Name.ends_with_insensitive(".sql") &&
         (Name.starts_with_insensitive("schema") || Name.equals_insensitive("structure.sql"));
}

/// Files named for their folder's migration (Diesel, Prisma).
bool namedForFolder(llvm::StringRef Name) {
  return Name.equals_insensitive("up.sql") || Name.equals_insensitive("migration.sql") ||
         Name.equals_insensitive("down.sql");
}

/// A version at the start of Name that ends at a separator: `0001_x`, `2014-11-13-193911_x`,
/// `V1__x`, `20200101.up.sql`; not `2fa_codes.sql`.
std::optional<std::vector<uint64_t>> discoveryVersion(llvm::StringRef Name) {
  auto V = migrationVersion(Name);
  if (!V)
    return std::nullopt;
  if ((Name.starts_with("V") || Name.starts_with("U")) && Name.contains("__"))
    return V;
  size_t I = 0;
  while (I < Name.size() && (llvm::isDigit(Name[I]) || (Name[I] == '-' && I + 1 < Name.size() &&
                                                        llvm::isDigit(Name[I + 1]))))
    ++I;
  if (I < Name.size() && Name[I] != '_' && Name[I] != '.' && Name[I] != '-')
    return std::nullopt;
  return V;
}

struct Entry {
  std::string Spelled, Abs;
  size_t Order;
  bool Explicit;
  int Owner = -1;      // index of the group that took it
  llvm::StringRef Dir; // Abs's folder (points into Abs)
};

using FolderSet = std::set<std::string, std::less<>>; // looked up by StringRef too

struct SetBuilder {
  SetInfo Info;
  std::vector<size_t> BaseFiles, Members; // indexes into the entries
  std::string Folder;                     // absolute
};

} // namespace

/// Versions, then path: migration folders take their folder's version. Each file's key is
/// built once (a 6000-file set compared keys built per comparison for 2% of a run).
static std::vector<size_t> replayOrder(std::vector<size_t> Ids, const std::vector<Entry> &E,
                                       const FolderSet &MigrationFolders) {
  if (Ids.size() < 2) // a loose file: thousands of them in some trees
    return Ids;
  using Key = std::tuple<bool, bool, std::vector<uint64_t>, llvm::StringRef>;
  auto KeyOf = [&](size_t Id) {
    llvm::StringRef P = E[Id].Abs;
    llvm::StringRef Dir = E[Id].Dir;
    std::optional<std::vector<uint64_t>> V;
    if (MigrationFolders.count(std::string_view(Dir)))
      V = discoveryVersion(path::filename(Dir));
    else
      V = migrationVersion(path::filename(P));
    bool Schema = classifyMigration(P).Schema;
    return Key(!Schema, !V, V.value_or(std::vector<uint64_t>{}), P);
  };
  std::vector<std::pair<Key, size_t>> Keyed;
  Keyed.reserve(Ids.size());
  for (size_t Id : Ids)
    Keyed.emplace_back(KeyOf(Id), Id);
  llvm::stable_sort(Keyed, [](const auto &A, const auto &B) { return A.first < B.first; });
  for (size_t I = 0; I < Keyed.size(); ++I)
    Ids[I] = Keyed[I].second;
  return Ids;
}

std::vector<SetInfo> discoverSets(const std::vector<FoundFile> &Files,
                                  const std::vector<SetOverride> &Overrides,
                                  const SetFileReader &Read, bool DeferContent) {
  std::vector<Entry> E;
  E.reserve(Files.size());
  AbsolutePaths Absolute;
  for (size_t I = 0; I < Files.size(); ++I)
    E.push_back({Files[I].Path, Absolute.of(Files[I].Path), I, Files[I].Explicit, -1, {}});
  for (Entry &F : E)
    F.Dir = path::parent_path(F.Abs);
  // The entries by absolute path: the files under a folder are one range of it.
  std::vector<size_t> Sorted(E.size());
  for (size_t I = 0; I < E.size(); ++I)
    Sorted[I] = I;
  llvm::sort(Sorted, [&](size_t A, size_t B) { return E[A].Abs < E[B].Abs; });
  // The entries below Dir (at any depth), in entry order.
  auto Below = [&](llvm::StringRef Dir) {
    std::string Prefix = Dir.str();
    if (!Prefix.empty() && Prefix.back() != '/')
      Prefix += '/';
    auto It = std::lower_bound(Sorted.begin(), Sorted.end(), Prefix,
                               [&](size_t I, const std::string &P) { return E[I].Abs < P; });
    std::vector<size_t> Out;
    for (; It != Sorted.end() && llvm::StringRef(E[*It].Abs).starts_with(Prefix); ++It)
      Out.push_back(*It);
    llvm::sort(Out);
    return Out;
  };
  // The entries by absolute path, for the Schema files of MigrationSets entries (built only then).
  std::map<std::string, size_t> ByAbs;
  if (llvm::any_of(Overrides, [](const SetOverride &O) { return !O.Schema.empty(); }))
    for (size_t I = 0; I < E.size(); ++I)
      ByAbs.emplace(E[I].Abs, I);
  auto Under = [](llvm::StringRef P, llvm::StringRef Dir) {
    return P == Dir || (P.starts_with(Dir) && P.size() > Dir.size() && P[Dir.size()] == '/');
  };

  std::deque<SetBuilder> Groups; // one per loose file too: never moved once made
  FolderSet MigrationFolders;

  // MigrationSets entries first: the deepest path claims a file.
  std::vector<size_t> ByDepth(Overrides.size());
  for (size_t I = 0; I < ByDepth.size(); ++I)
    ByDepth[I] = I;
  llvm::stable_sort(ByDepth, [&](size_t A, size_t B) {
    return Overrides[A].Path.size() > Overrides[B].Path.size();
  });
  std::vector<int> OverrideGroup(Overrides.size(), -1);
  for (size_t O : ByDepth) {
    const SetOverride &Ov = Overrides[O];
    SetBuilder B;
    B.Folder = Ov.Path;
    B.Info.IsSet = true;
    B.Info.Reason = "MigrationSets entry in " + Ov.Source;
    B.Info.OverrideSource = Ov.Source;
    B.Info.RootTables = Ov.RootTables;
    if (Ov.Dialect) {
      B.Info.Dialect = *Ov.Dialect;
      B.Info.DialectReason = "MigrationSets in " + Ov.Source;
      B.Info.DialectOverridden = true;
    }
    for (const std::string &S : Ov.Schema) {
      auto It = ByAbs.find(S);
      if (It != ByAbs.end()) {
        E[It->second].Owner = static_cast<int>(Groups.size());
        B.BaseFiles.push_back(It->second);
      } else {
        B.Info.Base.push_back(S); // replayed although the walk did not reach it
      }
    }
    for (size_t I = 0; I < E.size(); ++I)
      if (E[I].Owner < 0 && Under(E[I].Abs, Ov.Path)) {
        E[I].Owner = static_cast<int>(Groups.size());
        B.Members.push_back(I);
      }
    OverrideGroup[O] = static_cast<int>(Groups.size());
    Groups.push_back(std::move(B));
  }

  // Folder facts of the files no override took.
  std::map<llvm::StringRef, std::vector<size_t>> InDir; // absolute folder -> its direct files
  for (size_t I = 0; I < E.size(); ++I)
    if (E[I].Owner < 0)
      InDir[E[I].Dir].push_back(I);
  auto HasVersionedFiles = [&](llvm::StringRef Dir) {
    auto It = InDir.find(Dir);
    return It != InDir.end() && llvm::any_of(It->second, [&](size_t I) {
             llvm::StringRef Name = path::filename(E[I].Abs);
             return !namedForFolder(Name) && discoveryVersion(Name).has_value();
           });
  };
  // Below: a path relative to a folder; true when its first folder is schema/ or schemas/.
  auto FirstIsSchemaFolder = [&](llvm::StringRef Below) {
    Below = Below.ltrim('/');
    auto [First, Rest] = Below.split('/');
    return !Rest.empty() && isSchemaFolderName(First);
  };
  FolderSet SetFolders;
  for (const auto &[Dir, Ids] : InDir) {
    llvm::StringRef Name = path::filename(Dir);
    if (isSchemaFolderName(Name))
      continue;
    if (HasVersionedFiles(Dir)) {
      SetFolders.insert(Dir.str());
    } else if (discoveryVersion(Name)) {
      MigrationFolders.insert(Dir.str());
      SetFolders.insert(parentOf(Dir));
    }
  }
  // A migration folder whose parent is a schema folder is not a migration of a set.
  for (auto It = SetFolders.begin(); It != SetFolders.end();)
    It = isSchemaFolderName(path::filename(*It)) ? SetFolders.erase(It) : std::next(It);

  std::map<std::string, int, std::less<>> GroupOfSet;
  for (const std::string &S : SetFolders) {
    SetBuilder B;
    B.Folder = S;
    B.Info.IsSet = true;
    GroupOfSet[S] = static_cast<int>(Groups.size());
    Groups.push_back(std::move(B));
  }
  // Migrations: versioned files of a set folder, the files of its migration folders.
  for (size_t I = 0; I < E.size(); ++I) {
    if (E[I].Owner >= 0)
      continue;
    llvm::StringRef Dir = E[I].Dir;
    llvm::StringRef Name = path::filename(E[I].Abs);
    int G = -1;
    if (MigrationFolders.count(std::string_view(Dir))) {
      auto It = GroupOfSet.find(std::string_view(path::parent_path(Dir)));
      if (It != GroupOfSet.end())
        G = It->second;
    }
    if (G < 0)
      if (auto It = GroupOfSet.find(std::string_view(Dir));
          It != GroupOfSet.end() && discoveryVersion(Name) && !namedForFolder(Name))
        G = It->second;
    if (G >= 0) {
      E[I].Owner = G;
      Groups[G].Members.push_back(I);
    }
  }
  // Base schema: schema files in the set folder, its schema/ folder, and when the set is the
  // only one in its parent folder, the parent's schema files and schema/ folder (or the
  // parent's own files when the parent is a schema folder).
  std::map<std::string, unsigned> SetsInParent;
  for (const std::string &S : SetFolders)
    ++SetsInParent[parentOf(S)];
  for (const std::string &S : SetFolders) {
    int G = GroupOfSet[S];
    std::string P = parentOf(S);
    bool Sole = SetsInParent[P] == 1;
    // Only files below S (or below its parent, for the sole set there) can be its base.
    for (size_t I : Below(Sole ? llvm::StringRef(P) : llvm::StringRef(S))) {
      if (E[I].Owner >= 0)
        continue;
      llvm::StringRef A = E[I].Abs;
      llvm::StringRef Dir = E[I].Dir;
      bool Base = false;
      if (Dir == S)
        Base = isBaseFileName(path::filename(A));
      else if (Under(A, S))
        Base = FirstIsSchemaFolder(A.drop_front(S.size()));
      else if (Sole && Dir == P)
        Base = isBaseFileName(path::filename(A)) || isSchemaFolderName(path::filename(P));
      else if (Sole && Under(A, P))
        Base = FirstIsSchemaFolder(A.drop_front(P.size())) && !Under(A, S);
      if (Base) {
        E[I].Owner = G;
        Groups[G].BaseFiles.push_back(I);
      }
    }
  }
  // Schema folders and schema dumps that belong to no set are sets of their own, one per
  // folder.
  std::map<std::string, int> SchemaGroups;
  for (size_t I = 0; I < E.size(); ++I) {
    if (E[I].Owner >= 0)
      continue;
    llvm::StringRef A = E[I].Abs;
    std::string Key;
    std::string Reason;
    for (llvm::StringRef D = path::parent_path(A); !D.empty() && D != "/";
         D = path::parent_path(D))
      if (isSchemaFolderName(path::filename(D)))
        Key = D.str(); // the outermost schema folder
    if (!Key.empty())
      Reason = "a schema folder with no migration set beside it";
    else if (isBaseFileName(path::filename(A)) && !E[I].Explicit) {
      // (a schema file named alone on the command line is a lone file, like any other)
      Key = parentOf(A);
      Reason = "a schema dump with no migration set beside it";
    } else
      continue;
    auto [It, New] = SchemaGroups.try_emplace(Key, static_cast<int>(Groups.size()));
    if (New) {
      SetBuilder B;
      B.Folder = Key;
      B.Info.IsSet = true;
      B.Info.Reason = Reason;
      Groups.push_back(std::move(B));
    }
    E[I].Owner = It->second;
    Groups[It->second].BaseFiles.push_back(I);
  }
  // Everything else is checked on its own.
  for (size_t I = 0; I < E.size(); ++I) {
    if (E[I].Owner >= 0)
      continue;
    SetBuilder B;
    B.Folder = E[I].Abs;
    B.Info.Reason = "no migration version";
    B.Members.push_back(I);
    E[I].Owner = static_cast<int>(Groups.size());
    Groups.push_back(std::move(B));
  }

  // Finish each group: order, names, reasons, dialect.
  std::vector<std::pair<size_t, SetInfo>> Out;
  Out.reserve(Groups.size());
  std::vector<size_t> ByContent; // the groups (in Out) whose dialect their text decides
  for (SetBuilder &B : Groups) {
    SetInfo &Info = B.Info;
    if (B.BaseFiles.empty() && B.Members.empty())
      continue; // an override whose path holds no input of this run
    bool SchemaOnly = B.Members.empty() && !Info.OverrideSource.size();
    std::vector<size_t> Bases = B.BaseFiles;
    if (Info.OverrideSource.empty())
      Bases = replayOrder(Bases, E, MigrationFolders);
    for (size_t I : Bases)
      Info.Base.push_back(E[I].Spelled);
    for (size_t I : replayOrder(B.Members, E, MigrationFolders))
      Info.Migrations.push_back(E[I].Spelled);
    size_t First = Files.size();
    for (size_t I : B.BaseFiles)
      First = std::min(First, E[I].Order);
    for (size_t I : B.Members)
      First = std::min(First, E[I].Order);
    // The folder as the inputs spell it: strip from a member's spelling what lies below it.
    Info.Path = Info.Folder = B.Folder;
    std::vector<size_t> Any = B.Members;
    llvm::append_range(Any, B.BaseFiles);
    for (size_t I : Any)
      if (Under(E[I].Abs, B.Folder)) {
        llvm::StringRef Sp = E[I].Spelled;
        size_t Below = llvm::StringRef(E[I].Abs).drop_front(B.Folder.size()).count('/');
        for (size_t K = 0; K < Below; ++K)
          Sp = path::parent_path(Sp);
        Info.Path = Sp.empty() ? "." : Sp.str();
        break;
      }
    if (Info.IsSet && Info.Reason.empty()) {
      bool Folders = llvm::any_of(B.Members, [&](size_t I) {
        return MigrationFolders.count(std::string_view(E[I].Dir)) > 0;
      });
      Info.Reason = Folders ? "per-migration folders with versions" : "files with versions";
    }
    // A single migration named on the command line is not a history: a FK to a table an
    // earlier migration created is no news about it.
    if (Info.IsSet && !SchemaOnly && Info.OverrideSource.empty() &&
        B.BaseFiles.size() + B.Members.size() == 1 &&
        llvm::all_of(Any, [&](size_t I) { return E[I].Explicit; })) {
      Info.IsSet = false;
      Info.Reason = "one migration named on the command line";
      Info.Path = E[Any.front()].Spelled;
    }
    if (!Info.IsSet)
      Info.Path = E[Any.front()].Spelled;

    if (!Info.DialectOverridden) {
      // Folder names first: the set's folder and its parent (a loose file: its folder, its
      // parent and its own name).
      llvm::SmallVector<llvm::StringRef, 3> Names; // into B.Folder or the entry's path
      if (Info.IsSet) {
        Names = {path::filename(B.Folder), path::filename(path::parent_path(B.Folder))};
      } else {
        llvm::StringRef A = E[Any.front()].Abs;
        Names = {path::stem(A), path::filename(path::parent_path(A)),
                 path::filename(path::parent_path(path::parent_path(A)))};
      }
      for (const llvm::StringRef &N : Names)
        if (auto D = dialectFromName(N)) {
          Info.Dialect = *D;
          Info.DialectReason = (Info.IsSet || &N != &Names.front() ? "folder name '"
                                                                   : "file name '") +
                               N.str() + "'";
          break;
        }
      if (Info.DialectReason.empty() && Info.IsSet && Read) {
        // drizzle-kit records the dialect in meta/_journal.json.
        if (auto J = Read(B.Folder + "/meta/_journal.json")) {
          size_t K = J->find("\"dialect\"");
          if (K != std::string::npos) {
            llvm::StringRef Rest = llvm::StringRef(*J).drop_front(K + 9).ltrim(" \t\r\n:");
            if (Rest.consume_front("\""))
              if (auto D = parseSetDialect(Rest.take_until([](char C) { return C == '"'; }))) {
                Info.Dialect = *D;
                Info.DialectReason = "meta/_journal.json";
              }
          }
        }
      }
      if (Info.DialectReason.empty() && Read && DeferContent)
        Info.ContentPending = true; // decided by decideContentDialect
      else if (Info.DialectReason.empty() && Read)
        ByContent.push_back(Out.size()); // decided below by the files' markers
      else if (Info.DialectReason.empty())
        Info.DialectReason = "no dialect markers";
    }
    Out.push_back({First, std::move(Info)});
  }
  // Content markers: every file read and scanned in parallel (llvm::parallel::strategy), then
  // merged per group in replay order, which gives what one scan of the files in order gives.
  std::vector<std::pair<size_t, std::string>> Scans; // (index in Out, file)
  for (size_t O : ByContent)
    for (std::string &F : Out[O].second.files())
      Scans.push_back({O, std::move(F)});
  std::vector<DialectMarkers> Marks(Scans.size());
  llvm::parallelFor(0, Scans.size(), [&](size_t I) {
    if (auto Text = Read(Scans[I].second))
      Marks[I].scan(*Text, Scans[I].second);
  });
  for (size_t I = 0; I < Scans.size();) {
    SetInfo &Info = Out[Scans[I].first].second;
    DialectMarkers M;
    for (size_t O = Scans[I].first; I < Scans.size() && Scans[I].first == O; ++I)
      M.merge(Marks[I]);
    M.settle(Info);
  }
  for (size_t O : ByContent)
    if (Out[O].second.DialectReason.empty())
      Out[O].second.DialectReason = "no dialect markers";
  // By first file, moving each SetInfo once: a tree of loose files has thousands of groups.
  std::vector<size_t> Order(Out.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = I;
  llvm::stable_sort(Order, [&](size_t A, size_t B) { return Out[A].first < Out[B].first; });
  std::vector<SetInfo> Result;
  Result.reserve(Out.size());
  for (size_t I : Order)
    Result.push_back(std::move(Out[I].second));
  return Result;
}

} // namespace cascade
