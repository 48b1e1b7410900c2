// cascade-migrate: writes the cleanup migration pair that makes a root delete one statement,
// from the migrations themselves or from a live database; `verify` checks a live database.
#include "Checker.h"
#include "CleanupMigration.h"
#include "InputChecks.h"
#include "LiveCatalog.h"
#include "MigrationSet.h"
#include "RegularFile.h"
#include "Rehearse.h"
#include "SourceText.h"
#include "Tokens.h"
#include "Version.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <unistd.h>

using namespace llvm;
using namespace cascade;
namespace fs = llvm::sys::fs;

namespace {

cl::OptionCategory Category("cascade-migrate options");
cl::list<std::string> SchemaFiles("schema", cl::desc("Schema file replayed first; repeatable"),
                                  cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> MigrationsDir("migrations", cl::desc("Directory of migrations"),
                                   cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> Db("db", cl::desc("Read the schema from a live database (libpq URL or "
                                       "key=value string) instead of the files"),
                        cl::value_desc("url"), cl::cat(Category));
cl::opt<std::string> OutDir("out", cl::desc("Where to write the pair (default: --migrations)"),
                            cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> Number("number", cl::desc("Migration number (default: the number of an "
                                               "existing <N>-<name>.sql, else highest + 1)"),
                            cl::cat(Category));
cl::opt<std::string> Name("name", cl::desc("Migration name"), cl::init("cascade-cleanup"),
                          cl::cat(Category));
cl::opt<std::string> DialectOpt("dialect", cl::desc("cockroach, postgres or mysql (default postgres)"),
                                cl::init("postgres"), cl::cat(Category));
cl::opt<std::string> NamingOpt("naming",
                               cl::desc("Default FK names: postgres, cockroach or cockroach-legacy "
                                        "(default: the dialect's)"),
                               cl::cat(Category));
cl::opt<bool> DirectOnly("direct-only",
                         cl::desc("Only FKs that reference a root directly (the seed's scope)"),
                         cl::cat(Category));
cl::list<std::string> Roots("root", cl::desc("Root table (default users); repeatable"),
                            cl::cat(Category));
cl::opt<std::string> OwnershipPolicyOpt(
    "ownership-policy",
    cl::desc("structural (default): SET NULL for a key that only records who acted on a row "
             "another key owns; cascade-all: CASCADE for every key"),
    cl::init("structural"), cl::cat(Category));
cl::list<std::string> ActorPatterns(
    "actor-column-patterns",
    cl::desc("Column-name globs that mark an actor key, comma separated, '-' negates "
             "(default: the documented list)"),
    cl::CommaSeparated, cl::cat(Category));
cl::opt<bool> AllowSetNull("allow-set-null",
                           cl::desc("Accept ON DELETE SET NULL on nullable columns (default true)"),
                           cl::init(true), cl::cat(Category));

/// Every message names things from outside (paths, names, libpq's text): printed escaped, so
/// none can break the line or forge another.
int fail(const Twine &Message) {
  WithColor::error(errs(), "cascade-migrate") << escapeControl(Message.str()) << "\n";
  return 2;
}

/// The bytes of an input: only a regular file, at most DefaultMaxInputBytes; the message names
/// the path ("cannot read m/x.sql: not a regular file (a FIFO)").
Expected<std::string> readInput(const std::string &Path) {
  auto Text = readRegularFile(Path, DefaultMaxInputBytes);
  if (Text)
    return Text;
  std::string Why = toString(Text.takeError());
  StringRef Reason(Why);
  Reason.consume_front("cannot read file: ");
  return createStringError("cannot read " + Path + ": " + Reason.str());
}

/// The migration files under Dir (down files and the pair being regenerated left out).
/// Symlinked directories are not entered (two links to `..` would make the walk endless); a
/// symlink to a file is listed, and reading it checks that it is a regular file.
std::vector<std::string> migrationFiles(const std::string &Dir, const std::string &Skip) {
  std::vector<std::string> Out;
  std::error_code EC;
  for (fs::recursive_directory_iterator It(Dir, EC, /*follow_symlinks=*/false), End;
       It != End && !EC; It.increment(EC)) {
    StringRef P = It->path();
    StringRef File = sys::path::filename(P);
    if (File.starts_with(".")) {
      It.no_push();
      continue;
    }
    if (!sys::path::extension(P).equals_insensitive(".sql") ||
        (!Skip.empty() && (File == Skip || File == StringRef(Skip).drop_back(4).str() + ".down.sql")))
      continue;
    Out.push_back(P.str());
  }
  return Out;
}

/// The number for the pair: an existing <N>-<name>.sql keeps its number; otherwise the highest
/// migration number plus one, with the same zero padding.
Expected<std::string> chooseNumber(const std::string &Dir) {
  if (!Number.empty())
    return Number;
  if (Dir.empty())
    return createStringError("--number is needed when there is no --migrations directory");
  std::string Highest;
  uint64_t HighestValue = 0;
  bool Found = false;
  std::error_code EC;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC)) {
    StringRef File = sys::path::filename(It->path());
    size_t Digits = 0;
    while (Digits < File.size() && isDigit(File[Digits]))
      ++Digits;
    if (!Digits)
      continue;
    StringRef Rest = File.drop_front(Digits);
    if (Rest == "-" + Name + ".sql" || Rest == "_" + Name + ".sql")
      return File.take_front(Digits).str();
    uint64_t V;
    if (!File.take_front(Digits).getAsInteger(10, V) && (!Found || V > HighestValue)) {
      Found = true;
      HighestValue = V;
      Highest = File.take_front(Digits).str();
    }
  }
  if (!Found)
    return createStringError("no numbered migration in " + Dir + ": pass --number");
  std::string Next = std::to_string(HighestValue + 1);
  if (Next.size() < Highest.size())
    Next.insert(0, Highest.size() - Next.size(), '0');
  return Next;
}

/// Text in a new temporary file next to Path, flushed to disk; its name in Temp. A migration
/// runner applies any NNN-*.sql it finds, so a partly written up file (disk full, a crash, a
/// signal) must never appear under the real name: it could drop a constraint and not re-add it.
Error writeTemporary(const std::string &Path, StringRef Text, SmallString<256> &Temp) {
  int FD;
  if (std::error_code EC = fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temp, fs::OF_None, 0666))
    return createStringError(EC, "cannot write " + Path + ": " + EC.message());
  auto Failed = [&](int Errno) {
    ::close(FD);
    fs::remove(Temp);
    std::error_code EC(Errno, std::generic_category());
    return createStringError(EC, "cannot write " + Path + ": " + EC.message() +
                                     "; nothing written");
  };
  for (size_t Done = 0; Done < Text.size();) {
    ssize_t N = ::write(FD, Text.data() + Done, Text.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return Failed(N < 0 ? errno : EIO);
    Done += static_cast<size_t>(N);
  }
  if (::fsync(FD) != 0)
    return Failed(errno);
  if (::close(FD) != 0) {
    int Errno = errno;
    fs::remove(Temp);
    std::error_code EC(Errno, std::generic_category());
    return createStringError(EC, "cannot write " + Path + ": " + EC.message() +
                                     "; nothing written");
  }
  return Error::success();
}

/// Writes both files of the pair or neither: each goes to a temporary file first, and only
/// when both are complete are they renamed into place, the down file first (a down file alone
/// is never applied forward).
Error writePair(const std::string &UpPath, StringRef Up, const std::string &DownPath,
                StringRef Down) {
  SmallString<256> UpTemp, DownTemp;
  if (Error E = writeTemporary(UpPath, Up, UpTemp))
    return E;
  if (Error E = writeTemporary(DownPath, Down, DownTemp)) {
    fs::remove(UpTemp);
    return E;
  }
  if (std::error_code EC = fs::rename(DownTemp, DownPath)) {
    fs::remove(UpTemp);
    fs::remove(DownTemp);
    return createStringError(EC, "cannot write " + DownPath + ": " + EC.message() +
                                     "; nothing written");
  }
  if (std::error_code EC = fs::rename(UpTemp, UpPath)) {
    fs::remove(UpTemp);
    return createStringError(EC, "cannot write " + UpPath + ": " + EC.message() +
                                     "; only the down file was written");
  }
  return Error::success();
}

Expected<CheckOptions> checkOptions() {
  CheckOptions Opts;
  Opts.AllowSetNull = AllowSetNull;
  auto Policy = parseOwnershipPolicy(OwnershipPolicyOpt);
  if (!Policy)
    return Policy.takeError();
  Opts.Ownership = *Policy;
  if (ActorPatterns.getNumOccurrences())
    Opts.ActorColumnPatterns.assign(ActorPatterns.begin(), ActorPatterns.end());
  if (!Roots.empty()) {
    Opts.Roots.clear();
    for (const std::string &R : Roots) {
      auto Root = parseRootTable(R);
      if (!Root)
        return Root.takeError();
      Opts.Roots.push_back(*Root);
    }
  }
  return Opts;
}

/// Parses the options; false (after printing why) on a usage error, which is exit status 2.
bool parseOptions(int argc, char **argv, const char *Overview) {
  std::string Errors;
  raw_string_ostream ErrOS(Errors);
  if (cl::ParseCommandLineOptions(argc, argv, Overview, &ErrOS))
    return true;
  errs() << Errors;
  return false;
}

int verify(int argc, char **argv) {
  if (!parseOptions(argc, argv,
                    "cascade-migrate verify: is anything left that blocks deleting a root row?\n"))
    return 2;
  if (Db.empty())
    return fail("verify needs --db");
  auto Opts = checkOptions();
  if (!Opts)
    return fail(toString(Opts.takeError()));
  auto Live = readLiveCatalog(Db);
  if (!Live)
    return fail(toString(Live.takeError()));
  if (Error E = checkRootsExist(Opts->Roots, Live->tableNames(), "the database"))
    return fail(toString(std::move(E)));
  std::vector<const CatalogForeignKey *> FKs;
  for (const CatalogForeignKey &FK : Live->ForeignKeys)
    FKs.push_back(&FK);
  CleanupPlan Plan = planCleanup(
      FKs, *Opts, [&](const QualifiedName &T, const std::string &C) { return Live->notNull(T, C); },
      [&](const QualifiedName &T) { return Live->primaryKey(T); }, DirectOnly);
  for (const DeleteClosure &C : Plan.Closures)
    outs() << "delete closure of " << escapeControl(C.RootName.str()) << ": " << C.Tables.size()
           << " tables\n";
  for (const CleanupItem &I : Plan.Items)
    outs() << "blocking: "
           << escapeControl(I.Original.Child.str() + "." + quoteIdent(I.Original.Name))
           << " ON DELETE " << actionSql(I.Original.OnDelete) << " ("
           << escapeControl(pathString(I.Path)) << ")"
           << (I.Ownership && !I.NewAction
                   ? std::string(": ") + roleName(I.Ownership->Role) + ", needs a manual change"
                   : std::string())
           << "\n";
  if (!Plan.Items.empty()) {
    outs() << Plan.Items.size()
           << (Plan.Items.size() == 1 ? " foreign key still blocks" : " foreign keys still block")
           << " the delete\n";
    return 1;
  }
  outs() << "nothing blocks the delete\n";
  return 0;
}

/// `normalize FILE...`: each file with CockroachDB-only clauses blanked, ready for PostgreSQL.
/// `order DIR [SCHEMA...]`: the replay order, one path a line.
int utility(StringRef Command, int argc, char **argv) {
  bool Help = argc > 0 && (StringRef(argv[0]) == "--help" || StringRef(argv[0]) == "-h");
  if (Command == "normalize" && (argc < 1 || Help)) {
    (Help ? outs() : errs()) << "usage: cascade-migrate normalize FILE...\n"
                                "  prints each file with CockroachDB-only clauses blanked\n";
    return Help ? 0 : 2;
  }
  if (Command == "order" && Help) {
    outs() << "usage: cascade-migrate order DIR [SCHEMA-FILE...]\n"
              "  prints the replay order: schema files, then DIR's migrations by version\n";
    return 0;
  }
  if (Command == "normalize") {
    for (int I = 0; I < argc; ++I) {
      auto Buf = readInput(argv[I]);
      if (!Buf)
        return fail(toString(Buf.takeError()));
      std::string Sql = std::move(*Buf);
      blankDownSections(Sql);
      outs() << normalizeDialect(Sql, tokenize(Sql).Tokens, Dialect::Cockroach);
    }
    return 0;
  }
  if (argc < 1)
    return fail("usage: cascade-migrate order DIR [SCHEMA-FILE...]");
  if (!fs::is_directory(argv[0]))
    return fail(Twine("order: ") + argv[0] + ": not a directory");
  std::vector<std::string> Paths(argv + 1, argv + argc);
  for (MigrationFile &M : orderMigrations(migrationFiles(argv[0], "")))
    if (!llvm::any_of(Paths, [&](const std::string &S) { return fs::equivalent(S, M.Path); }))
      Paths.push_back(M.Path);
  for (const std::string &P : Paths)
    outs() << escapeControl(P) << "\n"; // one path a line, even for a path with a line break
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  installVersionPrinter("cascade-migrate");
  if (argc > 1 && StringRef(argv[1]) == "rehearse")
    return rehearse(argc, argv);
  cl::HideUnrelatedOptions(Category);
  if (argc > 1 && (StringRef(argv[1]) == "normalize" || StringRef(argv[1]) == "order"))
    return utility(argv[1], argc - 2, argv + 2);
  if (argc > 1 && StringRef(argv[1]) == "verify") {
    std::vector<char *> Args{argv[0]};
    Args.insert(Args.end(), argv + 2, argv + argc);
    return verify(static_cast<int>(Args.size()), Args.data());
  }
  if (!parseOptions(argc, argv, "cascade-migrate: writes <N>-cascade-cleanup.sql and its down file\n"))
    return 2;
  if (Error E = checkFileWord("--name", Name))
    return fail(toString(std::move(E)));
  if (Number.getNumOccurrences())
    if (Error E = checkFileWord("--number", Number))
      return fail(toString(std::move(E)));
  auto D = parseDialect(DialectOpt);
  if (!D || *D == Dialect::Auto)
    return fail("invalid --dialect '" + DialectOpt + "': expected cockroach, postgres or mysql");
  if (*D == Dialect::Sqlite)
    return fail("--dialect sqlite: SQLite cannot change a foreign key in place (no ALTER TABLE "
                "... DROP/ADD CONSTRAINT), so no cleanup migration is written; run cascade-tidy "
                "--fix on the set, or write a table rebuild (docs/dialects.md)");
  if (*D == Dialect::Mysql && !Db.empty())
    return fail("--dialect mysql reads --schema/--migrations files; --db reads PostgreSQL only");
  CheckerOptions Checker;
  Checker.Analyzer.SqlDialect = *D;
  if (!NamingOpt.empty()) {
    NamingRule Naming;
    if (NamingOpt == "postgres")
      Naming = NamingRule::Postgres;
    else if (NamingOpt == "cockroach")
      Naming = NamingRule::Cockroach;
    else if (NamingOpt == "cockroach-legacy")
      Naming = NamingRule::CockroachLegacy;
    else
      return fail("invalid --naming '" + NamingOpt +
                  "': expected postgres, cockroach or cockroach-legacy");
    Checker.Naming = Naming;
  }
  auto Opts = checkOptions();
  if (!Opts)
    return fail(toString(Opts.takeError()));
  if (Db.empty() && SchemaFiles.empty() && MigrationsDir.empty())
    return fail("nothing to read: give --schema/--migrations, or --db");
  if (!MigrationsDir.empty() && !fs::is_directory(MigrationsDir))
    return fail("--migrations " + MigrationsDir + ": not a directory");
  auto Num = chooseNumber(MigrationsDir);
  if (!Num)
    return fail(toString(Num.takeError()));
  std::string Stem = *Num + "-" + Name;

  std::vector<CatalogForeignKey> Storage;
  std::vector<std::string> Placeholders; // those the migrations wrote names with
  KnownPlaceholders Names(Placeholders);  // messages name tables as the migrations wrote them
  std::function<bool(const QualifiedName &, const std::string &)> NotNull;
  PrimaryKeyLookup PrimaryKey;
  Catalog Cat(Checker.naming());
  LiveCatalog Live;
  if (!Db.empty()) {
    auto L = readLiveCatalog(Db);
    if (!L)
      return fail(toString(L.takeError()));
    Live = std::move(*L);
    if (Error E = checkRootsExist(Opts->Roots, Live.tableNames(), "the database"))
      return fail(toString(std::move(E)));
    Storage = Live.ForeignKeys;
    NotNull = [&](const QualifiedName &T, const std::string &C) { return Live.notNull(T, C); };
    PrimaryKey = [&](const QualifiedName &T) { return Live.primaryKey(T); };
  } else {
    std::vector<std::string> Paths(SchemaFiles.begin(), SchemaFiles.end());
    std::vector<std::string> Migrations;
    if (!MigrationsDir.empty())
      for (MigrationFile &M : orderMigrations(migrationFiles(MigrationsDir, Stem + ".sql")))
        Migrations.push_back(M.Path);
    for (std::string &M : Migrations) {
      bool Listed = llvm::any_of(Paths, [&](const std::string &S) { return fs::equivalent(S, M); });
      if (!Listed)
        Paths.push_back(M);
    }
    std::vector<SetMember> Members;
    for (const std::string &P : Paths) {
      auto Buf = readInput(P);
      if (!Buf)
        return fail(toString(Buf.takeError()));
      std::string Sql = std::move(*Buf);
      blankDownSections(Sql);
      Members.push_back({migrationName(P), std::move(Sql), &Checker});
    }
    std::vector<Analysis> Parsed = replaySet(Members, Cat);
    for (const Analysis &A : Parsed)
      appendPlaceholders(Placeholders, A.Placeholders);
    for (size_t I = 0; I < Parsed.size(); ++I)
      for (const Finding &E : Parsed[I].Diagnostics)
        WithColor::warning(errs(), "cascade-migrate")
            << escapeControl(Paths[I]) << ": " << escapeControl(E.Message)
            << " (replayed as far as it parses)\n";
    if (Error E = checkRootsExist(Opts->Roots, Cat.tableNames(), "the migrations"))
      return fail(toString(std::move(E)));
    for (const CatalogForeignKey &FK : Cat.foreignKeys())
      if (FK.Alive)
        Storage.push_back(FK);
    std::vector<const Analysis *> Files;
    for (const Analysis &A : Parsed)
      Files.push_back(&A);
    NotNull = notNullLookup(Cat, Files);
    PrimaryKey = [&](const QualifiedName &T) {
      const Table *Found = Cat.find(T);
      return Found ? Found->PrimaryKey : std::vector<std::string>{};
    };
  }

  std::vector<const CatalogForeignKey *> FKs;
  for (const CatalogForeignKey &FK : Storage)
    FKs.push_back(&FK);
  CleanupPlan Plan = planCleanup(FKs, *Opts, NotNull, PrimaryKey, DirectOnly);
  Plan.Placeholders = Placeholders;
  if (Plan.Items.empty()) {
    errs() << "cascade-migrate: nothing blocks the delete; no migration written\n";
    return 0;
  }
  if (llvm::none_of(Plan.Items, [](const CleanupItem &I) { return I.NewAction.has_value(); })) {
    errs() << "cascade-migrate: no migration written: what blocks the delete needs a manual "
              "change\n";
    for (const CleanupItem &I : Plan.Items)
      errs() << "  " << escapeControl(I.Original.Child.str() + "." + quoteIdent(I.Original.Name))
             << (I.Ownership ? ": " + std::string(roleName(I.Ownership->Role)) + ": " +
                                   escapeControl(I.Ownership->Notes.back())
                             : std::string(": a NOT NULL reference back into the root; make it "
                                           "nullable, then ON DELETE SET NULL"))
             << "\n";
    return 1;
  }
  CleanupText Text = writeCleanupMigration(Plan, Stem, *D, DirectOnly);
  std::string Dir = !OutDir.empty() ? OutDir.getValue()
                                    : (!MigrationsDir.empty() ? MigrationsDir.getValue() : ".");
  if (std::error_code EC = fs::create_directories(Dir))
    return fail("cannot create " + Dir + ": " + EC.message());
  std::string UpPath = Dir + "/" + Stem + ".sql", DownPath = Dir + "/" + Stem + ".down.sql";
  if (Error E = writePair(UpPath, Text.Up, DownPath, Text.Down))
    return fail(toString(std::move(E)));
  size_t Changed = llvm::count_if(Plan.Items, [](const CleanupItem &I) { return I.NewAction; });
  errs() << "cascade-migrate: wrote " << escapeControl(UpPath) << " (" << Changed << " constraint"
         << (Changed == 1 ? "" : "s") << ") and " << escapeControl(DownPath) << "\n";
  return 0;
}
