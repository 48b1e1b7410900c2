// cascade-tidy: finds foreign keys that keep a root row (a user) from being deleted, and fixes them.
#include "CxxFrontEnd.h"
#include "DiagnosticPrinter.h"
#include "ExportFixes.h"
#include "FileKind.h"
#include "FixItPlanner.h"
#include "InputFiles.h"
#include "LspServer.h"
#include "MigrationSets.h"
#include "OutputFormats.h"
#include "Progress.h"
#include "SarifMerge.h"
#include "Shard.h"
#include "RegularFile.h"
#include "RootCheck.h"
#include "FastScan.h"
#include "SharedReads.h"
#include "SqlFrontEnd.h"
#include "Version.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Parallel.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

#include <mutex>
#include <set>
#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace llvm;
using namespace cascade;

namespace {

cl::OptionCategory Category("cascade-tidy options");
cl::list<std::string> Paths(cl::Positional, cl::desc("<path>..."), cl::cat(Category));
cl::opt<std::string> ChecksOpt("checks", cl::desc("Checks to run, clang-tidy glob syntax: "
                                                   "'-*,cascade-missing-on-delete'"),
                               cl::cat(Category));
cl::list<std::string> RootOpt("root", cl::desc("A root table: TABLE, SCHEMA.TABLE or TABLE(COLUMN); "
                                               "repeatable (default: users)"),
                              cl::cat(Category));
cl::opt<std::string> DialectOpt("dialect", cl::desc("SQL dialect: auto, postgres, cockroach, mysql "
                                                   "or sqlite (the last two are not checked yet)"),
                                cl::cat(Category));
cl::opt<bool> AllowSetNullOpt("allow-set-null",
                              cl::desc("Accept ON DELETE SET NULL/SET DEFAULT on nullable columns "
                                       "(default true)"),
                              cl::cat(Category));
cl::opt<std::string> OwnershipPolicyOpt(
    "ownership-policy",
    cl::desc("structural (default): ON DELETE SET NULL for a key that only records who acted on "
             "a row another key owns; cascade-all: CASCADE for every key. Overrides "
             "OwnershipPolicy"),
    cl::cat(Category));
cl::opt<bool> Fix("fix", cl::desc("Apply the suggested fixes in place"), cl::cat(Category));
cl::opt<bool> FixReadOnly("fix-readonly",
                          cl::desc("With --fix, also rewrite files without write permission"),
                          cl::cat(Category));
cl::opt<unsigned> MaxInputMiB("max-input-size",
                              cl::desc("Skip input files larger than this many MiB (default 64)"),
                              cl::init(64), cl::value_desc("MiB"), cl::cat(Category));
cl::opt<std::string> ExportFixesPath("export-fixes",
                                     cl::desc("Write fixes as clang-tidy YAML for "
                                              "clang-apply-replacements"),
                                     cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> WarningsAsErrorsOpt("warnings-as-errors",
                                         cl::desc("Checks whose warnings are errors (globs)"),
                                         cl::cat(Category));
cl::opt<bool> Quiet("quiet", cl::desc("Do not print the counts of warnings and suppressions"),
                    cl::cat(Category));
// Prefix: -j4, -j 4 and -j=4 all work, as with make and clang-tidy's run script.
cl::opt<unsigned> Jobs("j", cl::desc("Files checked in parallel (default: all cores)"),
                       cl::init(0), cl::Prefix, cl::cat(Category));
cl::opt<bool> ListChecks("list-checks", cl::desc("List the enabled checks and exit"),
                         cl::cat(Category));
cl::opt<bool> DumpConfig("dump-config", cl::desc("Print the configuration in effect and exit"),
                         cl::cat(Category));
cl::opt<bool> ListSets("list-sets",
                       cl::desc("Print the migration sets and loose files found and exit"),
                       cl::cat(Category));
cl::opt<std::string> ConfigFile("config-file",
                                cl::desc("Use this configuration file instead of looking for "
                                         ".cascade-tidy.yaml next to each file"),
                                cl::cat(Category));
cl::opt<bool> IncludeDown("include-down", cl::desc("Also lint down migrations"),
                          cl::cat(Category));
cl::list<std::string> Exclude("exclude", cl::desc("Skip paths matching this glob; repeatable"),
                              cl::cat(Category));
cl::list<std::string> SchemaOpt("schema",
                               cl::desc("Schema file replayed first into the catalog; repeatable"),
                               cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> MigrationsOpt("migrations",
                                   cl::desc("Migrations replayed (by version) into the catalog the "
                                            "SQL paths are checked against"),
                                   cl::value_desc("dir"), cl::cat(Category));
cl::opt<std::string> BuildPath("p", cl::desc("Build directory holding compile_commands.json, for "
                                             "C/C++ files"),
                               cl::value_desc("build-dir"), cl::cat(Category));
cl::opt<std::string> CxxModeOpt("cxx-mode",
                                cl::desc("C/C++ files: ast (needs a compile command), lex (raw "
                                         "lexer, macros not expanded) or auto (ast when a compile "
                                         "command covers the file; default)"),
                                cl::init("auto"), cl::cat(Category));
cl::opt<std::string> LanguageOpt("language",
                                 cl::desc("Treat the files named on the command line as sql, c "
                                          "or c++, like clang's -x (default: compile database, "
                                          "extension, then content)"),
                                 cl::value_desc("sql|c|c++"), cl::cat(Category));
cl::opt<std::string> CxxExtensions("cxx-extensions",
                                   cl::desc("Comma-separated extensions read as C/C++ "
                                            "(default .c,.cc,.cpp,.cxx,.h,.hh,.hpp,.hxx,.ipp)"),
                                   cl::cat(Category));
cl::opt<std::string> FormatOpt("format",
                              cl::desc("Output format: clang (the text, default), json, sarif, "
                                       "github or gitlab (docs/ci.md)"),
                              cl::init("clang"), cl::cat(Category));
cl::opt<std::string> OutputOpt("output",
                              cl::desc("Write the --format output to this file; the text still "
                                       "goes to standard output"),
                              cl::value_desc("file"), cl::cat(Category));
cl::opt<std::string> ShardOpt("shard",
                             cl::desc("Check only share K of N of the inputs (whole migration "
                                      "sets stay together), e.g. 2/4"),
                             cl::value_desc("K/N"), cl::cat(Category));
cl::opt<bool> MergeFixesOpt("merge-fixes",
                            cl::desc("Merge the --export-fixes files given as paths into -o"),
                            cl::cat(Category));
cl::opt<bool> MergeSarifOpt("merge-sarif",
                            cl::desc("Merge the SARIF files given as paths into -o"),
                            cl::cat(Category));
cl::opt<bool> LspOpt("lsp",
                     cl::desc("Serve the Language Server Protocol on standard input and output "
                              "(docs/editors.md); the other options apply to every file"),
                     cl::cat(Category));
cl::opt<std::string> MergeOutput("o", cl::desc("The merged file of --merge-fixes/--merge-sarif"),
                                 cl::value_desc("file"), cl::cat(Category));

Config commandLineConfig() {
  Config C;
  if (ChecksOpt.getNumOccurrences())
    C.Checks = ChecksOpt;
  if (WarningsAsErrorsOpt.getNumOccurrences())
    C.WarningsAsErrors = WarningsAsErrorsOpt;
  if (!RootOpt.empty())
    C.RootTables = std::vector<std::string>(RootOpt.begin(), RootOpt.end());
  if (DialectOpt.getNumOccurrences())
    C.Dialect = DialectOpt;
  if (AllowSetNullOpt.getNumOccurrences())
    C.AllowSetNull = AllowSetNullOpt;
  if (OwnershipPolicyOpt.getNumOccurrences())
    C.OwnershipPolicy = OwnershipPolicyOpt;
  return C;
}

/// The schema files, then the migrations directory's files in replay order.
/// The walk's problems and notes go to Found.
Expected<std::vector<std::string>> catalogSet(const std::vector<std::string> &Schemas,
                                              const std::string &Dir, const InputOptions &Opts,
                                              InputSet &Found) {
  std::vector<std::string> Out;
  for (const std::string &S : Schemas) {
    if (!sys::fs::exists(S))
      return createStringError("--schema " + S + ": no such file");
    if (auto Kind = nonRegularKind(S))
      return createStringError("--schema " + S + ": not a regular file (" + *Kind +
                               ")");
    Out.push_back(S);
  }
  if (Dir.empty())
    return Out;
  if (!sys::fs::is_directory(Dir))
    return createStringError("--migrations " + Dir + ": not a directory");
  std::set<std::string> Listed;
  for (const std::string &S : Out)
    Listed.insert(realPathOr(S));
  InputSet Walk = collectInputs({Dir}, Opts);
  append_range(Found.Problems, Walk.Problems);
  append_range(Found.Notes, Walk.Notes);
  for (bool Sets : {true, false}) // the sets' files, then files with no version
    for (size_t G = 0; G < Walk.Groups.size(); ++G)
      for (std::string &F : Walk.Groups[G])
        if (Walk.Sets[G].IsSet == Sets && !isDownMigration(F) &&
            Listed.insert(realPathOr(F)).second)
          Out.push_back(F);
  return Out;
}

/// --export-fixes and --output must not name an input, under any spelling: it would be
/// overwritten with YAML (or the --format output).
Error refuseInputAsExportFile(const InputSet &Inputs, const std::string &ExportFixesPath,
                              const char *Option = "--export-fixes", const char *What = "YAML") {
  if (ExportFixesPath.empty())
    return Error::success();
  sys::fs::UniqueID Out;
  if (sys::fs::getUniqueID(ExportFixesPath, Out))
    return Error::success(); // does not exist yet: it is no input
  auto Check = [&](const std::string &F) -> Error {
    sys::fs::UniqueID In;
    if (!sys::fs::getUniqueID(F, In) && In == Out)
      return createStringError(std::string(Option) + " " + ExportFixesPath +
                               " is the input file " + F + "; refusing to overwrite it with " +
                               What);
    return Error::success();
  };
  for (const std::vector<std::string> &G : Inputs.Groups)
    for (const std::string &F : G)
      if (Error E = Check(F))
        return E;
  for (const std::string &F : Inputs.CxxFiles)
    if (Error E = Check(F))
      return E;
  for (const std::string &F : SchemaOpt)
    if (Error E = Check(F))
      return E;
  return Error::success();
}

#if defined(__SANITIZE_ADDRESS__)
#define CASCADE_LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CASCADE_LEAK_CHECKED 1
#endif
#endif

/// Ends a run that is done: the output flushed, a failure to write it an error (exit code 2)
/// rather than LLVM's fatal "IO failure on output stream", and no time spent freeing what the
/// run built (the reports, settings and paths of thousands of files) when the process is
/// about to end anyway. The sanitized build returns instead, so that LeakSanitizer still
/// looks at every run of the test suite.
int exitNow(int Code) {
  outs().flush();
  if (std::error_code EC = outs().error()) {
    outs().clear_error();
    WithColor::error(errs(), "cascade-tidy") << "cannot write the output: " << EC.message() << "\n";
    Code = 2;
  }
  errs().flush();
#ifndef CASCADE_LEAK_CHECKED
  std::_Exit(Code);
#endif
  return Code;
}

/// The one place a message is escaped: messages built for it hold names raw (escaping them
/// there too showed `\\n` for a line break).
int fail(const Twine &Message) {
  WithColor::error(errs(), "cascade-tidy") << escapeControl(Message.str()) << "\n";
  return 2;
}

/// Applies the fixes of one file's findings; a finding counts as fixed when all its edits went in.
/// Returns {applied, offered}.
std::pair<unsigned, unsigned> applyFixes(FileReport &R, std::vector<bool> &Fixed) {
  unsigned Offered = 0;
  applyEdits(R.Text, selectFixEdits(R.Findings, Fixed, Offered));
  return {static_cast<unsigned>(count(Fixed, true)), Offered};
}

/// A file's findings as the text output prints them.
std::string renderFindings(const FileReport &R) {
  if (R.Findings.empty())
    return {}; // no line table to build
  std::string Out;
  raw_string_ostream OS(Out);
  OS.SetBufferSize(1 << 14); // printFinding writes a few bytes at a time
  LineTable Lines(R.Text);
  for (const Finding &F : R.Findings) {
    PrintOptions P;
    P.AsError = F.Level == Severity::Warning && R.WarningsAsErrors.contains(F.CheckId);
    P.ShowSnippet = !R.Undecodable && !R.Text.empty(); // raw bytes would garble a terminal
    printFinding(OS, R.Path, R.Text, Lines, F, P);
  }
  OS.flush();
  return Out;
}

} // namespace

int main(int argc, char **argv) {
#ifdef __GLIBC__
  // glibc gives each allocating thread its own arena, and memory freed in one stays resident:
  // with the pool's and the parser's threads that was 9 MB of a run's peak. Two arenas are as
  // fast here (docs/benchmarks.md).
  mallopt(M_ARENA_MAX, 2);
#endif
  InitLLVM X(argc, argv);
  installVersionPrinter("cascade-tidy");
  cl::HideUnrelatedOptions(Category);
  // clang-tidy's `-- <compiler flags>`: a fixed compile command for every C/C++ file.
  std::string FixedError;
  int Argc = argc;
  std::shared_ptr<clang::tooling::CompilationDatabase> Fixed =
      clang::tooling::FixedCompilationDatabase::loadFromCommandLine(Argc, argv, FixedError);
  std::string ParseErrors;
  raw_string_ostream ErrOS(ParseErrors);
  if (!cl::ParseCommandLineOptions(Argc, argv,
                                   "cascade-tidy: foreign keys that block deleting a user\n",
                                   &ErrOS)) {
    errs() << ParseErrors;
    return 2;
  }

  if (MergeFixesOpt || MergeSarifOpt) {
    if (MergeFixesOpt && MergeSarifOpt)
      return fail("--merge-fixes and --merge-sarif cannot be combined");
    if (MergeOutput.empty() || Paths.empty())
      return fail("usage: cascade-tidy --merge-fixes|--merge-sarif FILE... -o OUTPUT");
    std::vector<std::string> In(Paths.begin(), Paths.end());
    if (Error E = MergeSarifOpt ? mergeSarif(In, MergeOutput) : mergeFixes(In, MergeOutput))
      return fail(toString(std::move(E)));
    return 0;
  }
  if (!MergeOutput.empty())
    return fail("-o is the output of --merge-fixes or --merge-sarif; use --output for a run");
  std::optional<OutputFormat> Format = parseOutputFormat(FormatOpt);
  if (!Format)
    return fail("invalid --format '" + FormatOpt +
                "': expected clang, json, sarif, github or gitlab");
  std::optional<Shard> ShardSpec;
  if (!ShardOpt.empty()) {
    auto S = parseShard(ShardOpt);
    if (!S)
      return fail(toString(S.takeError()));
    ShardSpec = *S;
  }

  std::optional<Config> Explicit;
  if (!ConfigFile.empty()) {
    auto C = readConfigFile(ConfigFile);
    if (!C)
      return fail(toString(C.takeError()));
    Explicit = std::move(*C);
  }
  SettingsResolver Resolver(commandLineConfig(), Explicit, IncludeDown);
  std::string Here = Paths.empty() ? std::string(".") : Paths.front();

  if (DumpConfig || ListChecks) {
    auto C = Resolver.effectiveConfig(Here);
    if (!C)
      return fail(toString(C.takeError()));
    auto S = Resolver.forFile(Here);
    if (!S)
      return fail(toString(S.takeError()));
    if (DumpConfig) {
      auto Origins = Resolver.originComments(Here);
      if (!Origins)
        return fail(toString(Origins.takeError()));
      outs() << *Origins << dumpConfig(*C);
      return exitNow(0);
    }
    if (!S->enablesAnyCheck())
      return fail(noChecksMessage(*S));
    GlobList Enabled(*C->Checks);
    outs() << "Enabled checks:\n";
    for (const CheckInfo &Info : allChecks())
      if (Enabled.contains(Info.Id))
        outs() << "    " << Info.Id << "\n";
    outs() << "\n";
    return exitNow(0);
  }
  bool CatalogSet = !SchemaOpt.empty() || !MigrationsOpt.empty();
  if (ListSets && Paths.empty() && !CatalogSet)
    Paths.push_back("."); // like --dump-config
  if (Paths.empty() && !CatalogSet && !LspOpt)
    return fail("no input paths; usage: cascade-tidy [options] <path>...");

  CxxRun Cxx;
  Cxx.Jobs = Jobs;
  if (CxxModeOpt == "ast")
    Cxx.Mode = CxxMode::Ast;
  else if (CxxModeOpt == "lex")
    Cxx.Mode = CxxMode::Lex;
  else if (CxxModeOpt != "auto")
    return fail("invalid --cxx-mode '" + CxxModeOpt + "': expected auto, ast or lex");
  if (!FixedError.empty())
    return fail(FixedError);
  if (Fixed) {
    Cxx.Database = Fixed;
    Cxx.DatabaseSource = "the flags after --";
  } else if (!BuildPath.empty()) {
    std::string ErrorPath, Error;
    std::unique_ptr<clang::tooling::CompilationDatabase> DB =
        loadCompilationDatabase(BuildPath, ErrorPath, Error);
    if (!DB)
      return fail("cannot load a compilation database from " + BuildPath + ": " +
                  (Error.empty()
                       ? "no compile_commands.json or compile_flags.txt: No such file or directory"
                       : ErrorPath + ": " + Error));
    Cxx.Database = std::move(DB);
    Cxx.DatabaseSource = BuildPath + "/compile_commands.json";
  }

  if (MaxInputMiB == 0)
    return fail("invalid --max-input-size 0: expected a number of MiB, at least 1");
  Resolver.MaxInputBytes = static_cast<uint64_t>(MaxInputMiB) << 20;

  InputOptions InOpts;
  InOpts.IncludeDown = IncludeDown;
  if (!CxxExtensions.empty()) {
    InOpts.CxxExtensions.clear();
    SmallVector<StringRef, 8> Exts;
    StringRef(CxxExtensions).split(Exts, ',', -1, false);
    for (StringRef E : Exts)
      InOpts.CxxExtensions.push_back((E.trim().starts_with(".") ? "" : ".") + E.trim().str());
  }
  InOpts.Excludes.assign(Exclude.begin(), Exclude.end());
  if (LspOpt) {
    if (!Paths.empty() || CatalogSet || Fix || !ExportFixesPath.empty() || ListSets)
      return fail("--lsp takes no paths, --fix, --export-fixes, --schema, --migrations or "
                  "--list-sets: the client names the files");
    LspOptions L;
    L.CommandLine = commandLineConfig();
    L.Explicit = Explicit;
    L.IncludeDown = IncludeDown;
    L.MaxInputBytes = Resolver.MaxInputBytes;
    L.Inputs = InOpts;
    L.Cxx = Cxx;
    return runLspServer(L);
  }
  std::optional<FileKind> Language;
  if (!LanguageOpt.empty() && !(Language = parseLanguage(LanguageOpt)))
    return fail("invalid --language '" + LanguageOpt + "': expected sql, c or c++");
  DatabaseListing Listing(Cxx.Database.get());
  InOpts.ExplicitKind = [&](StringRef P, bool &ByExtension) {
    return explicitFileKind(P, Language, InOpts.isCxx(P), &Listing, ByExtension);
  };
  InOpts.DatabaseFiles = [&](StringRef RealDir) { return Listing.filesFor(RealDir); };
  // A set's dialect by content is decided in the worker that checks it, from the texts it reads
  // (each file read once, no pass over the whole tree first); --list-sets shows them all, and
  // the reference path decides them all up front (test/perf/fast-paths-identical.test).
  InOpts.DeferDialect = !ListSets && fastPaths() != FastPaths::Off;
  // When discovery itself reads the files for their dialect (down migrations linted alone, the
  // reference path), what it read is kept for the check: each file read once. --list-sets
  // checks nothing: it keeps nothing.
  if (!ListSets)
    enableSharedReads();
  parallel::strategy = hardware_concurrency(Jobs); // dialect detection, files of one set
  setReplayThreads(parallel::strategy.compute_thread_count());
  InputSet Inputs = collectInputs(Paths, InOpts);
  if (Error E = applyMigrationSets(Inputs, Resolver))
    return fail(toString(std::move(E)));
  Cxx.Language = Inputs.CxxLanguage;
  int Status = 0;
  // --schema/--migrations: one catalog for everything; only the paths named are reported
  // (all of the set when none are), and a named file outside the set is replayed last.
  std::optional<std::set<std::string>> Reported; // set when paths were named
  if (CatalogSet) {
    if (!Paths.empty())
      Reported.emplace();
    auto Set = catalogSet(SchemaOpt, MigrationsOpt, InOpts, Inputs);
    if (!Set)
      return fail(toString(Set.takeError()));
    std::vector<std::string> Group = std::move(*Set);
    Cxx.CatalogPaths = Group; // each C/C++ TU is judged against the same files
    std::set<std::string> InGroup;
    for (const std::string &M : Group)
      InGroup.insert(realPathOr(M));
    for (std::vector<std::string> &G : Inputs.Groups)
      for (std::string &F : G) {
        std::string Real = realPathOr(F);
        Reported->insert(Real);
        if (InGroup.insert(Real).second)
          Group.push_back(F);
      }
    Inputs.Groups = {std::move(Group)};
    SetInfo One;
    One.IsSet = true;
    One.Path = MigrationsOpt.empty() ? std::string("--schema") : std::string(MigrationsOpt);
    One.Reason = "--schema/--migrations";
    One.Migrations = Inputs.Groups.front();
    Inputs.Sets = {std::move(One)};
  }
  if (ShardSpec)
    keepShard(Inputs.Groups, Inputs.Sets, Inputs.CxxFiles, *ShardSpec);
  for (const InputProblem &P : Inputs.Problems) {
    errs() << escapeControl(P.Path) << ": error: " << P.Message << "\n";
    Status = 2;
  }
  for (const InputProblem &P : Inputs.Notes)
    errs() << escapeControl(P.Path) << ": note: " << escapeControl(P.Message) << "\n";
  for (const std::string &P : Inputs.SkippedExplicit)
    errs() << escapeControl(P)
           << ": note: not linted: a down migration restores old definitions on purpose; "
              "pass --include-down to lint it\n";
  if (Error E = refuseInputAsExportFile(Inputs, ExportFixesPath))
    return fail(toString(std::move(E)));
  if (Error E = refuseInputAsExportFile(Inputs, OutputOpt, "--output", "the --format output"))
    return fail(toString(std::move(E)));

  std::vector<SettingsList> Settings(Inputs.Groups.size());
  AbsolutePaths InputPaths;
  for (size_t G = 0; G < Inputs.Groups.size(); ++G)
    for (const std::string &F : Inputs.Groups[G])
      if (Error E = Resolver.addFile(Settings[G], F, /*KnownFile=*/true, &InputPaths))
        return fail(toString(std::move(E)));
  if (ListSets) {
    listSets(outs(), Inputs, Settings, DialectOpt.getNumOccurrences() > 0);
    return exitNow(Status);
  }
  {
    auto Held = holdUncheckedSets(Inputs, Settings, DialectOpt.getNumOccurrences() > 0,
                                  !RootOpt.empty());
    if (!Held)
      return fail(toString(Held.takeError()));
    for (const std::string &Note : *Held)
      errs() << Note;
  }

  // Checking nothing and exiting 0 would read as "all clear": stop, as clang-tidy does. One
  // folder may still turn every check off with its own `Checks: '-*'`.
  {
    std::string NoChecks; // the message for the first file
    bool Any = false;
    auto Note = [&](const FileSettings &S) {
      if (NoChecks.empty())
        NoChecks = noChecksMessage(S);
      Any = Any || S.enablesAnyCheck();
    };
    for (SettingsList &G : Settings)
      for (const FileSettings &S : G.entries())
        Note(S);
    for (const std::string &F : Inputs.CxxFiles) {
      auto S = Resolver.forFile(F);
      if (!S)
        return fail(toString(S.takeError()));
      Note(*S);
    }
    if (!NoChecks.empty() && !Any)
      return fail(NoChecks);
  }

  // In a migration set a key to a table none of its files creates is worth a note; a lone
  // file's parents usually live elsewhere (docs/roots.md).
  for (size_t G = 0; G < Inputs.Groups.size(); ++G)
    if (G < Inputs.Sets.size() && Inputs.Sets[G].IsSet && !Settings[G].empty() &&
        Settings[G].front().checksDeletePaths())
      Settings[G].ownFront().Checker.ReportUnknownParents = true;

  // The text goes to standard output unless --format without --output puts the format there.
  bool TextToStdout = *Format == OutputFormat::Clang || !OutputOpt.empty();
  bool KeepTexts = Fix || !ExportFixesPath.empty() || *Format != OutputFormat::Clang;
  unsigned Warnings = 0, Errors = 0, Suppressed = 0, Applied = 0, Offered = 0;
  bool Remaining = false;
  std::unique_ptr<raw_fd_ostream> OutputFile;
  // One report's diagnostics: read errors to standard error, the text output, the counts.
  auto Emit = [&](FileReport &R) {
    Suppressed += R.Suppressed;
    if (!R.ReadError.empty()) {
      errs() << escapeControl(R.Path) << ": error: " << R.ReadError << "\n";
      Status = 2;
      return;
    }
    if (R.Undecodable)
      Status = 2;
    if (TextToStdout) { // formatting for nulls() took 5% of a --format=json run
      if (R.Rendered.empty() && !R.Findings.empty()) // C/C++ files are rendered here
        R.Rendered = renderFindings(R);
      outs() << R.Rendered;
      if (OutputFile && *Format == OutputFormat::Clang)
        *OutputFile << R.Rendered;
    }
    for (const Finding &F : R.Findings) {
      if (F.Level == Severity::Note)
        continue;
      bool AsError = F.Level == Severity::Warning && R.WarningsAsErrors.contains(F.CheckId);
      (F.Level == Severity::Error || AsError ? Errors : Warnings)++;
    }
  };
  // With text only (no --fix, --export-fixes, --output, other format or C/C++ input), each set
  // is printed as soon as it and the sets before it are done, and then freed: a run holds the
  // reports of the sets in flight, not of the whole tree.
  bool Stream = *Format == OutputFormat::Clang && OutputOpt.empty() && !Fix &&
                ExportFixesPath.empty() && Inputs.CxxFiles.empty();

  // Groups are independent schema histories: they run in parallel, and print in order. Each
  // worker renders its files' text output too; the main thread only writes it.
  std::vector<std::vector<FileReport>> GroupReports(Inputs.Groups.size());
  Progress Prog(Inputs.Groups.size() + Inputs.CxxFiles.size(), Quiet);
  RootInputs RootIn;
  std::vector<RootsInUse> RootUses;
  std::vector<FileReport> Reports;
  auto Collect = [&](size_t G) {
    // Progress and findings share a terminal: both are written by one collecting worker at a
    // time, whole lines at a time (a progress line could otherwise land inside a finding's).
    outs().flush();
    Prog.step(Inputs.Groups[G].empty() ? "" : Inputs.Groups[G].front());
    for (size_t I = 0; I < GroupReports[G].size(); ++I) {
      FileReport &R = GroupReports[G][I];
      RootIn.add(R, Settings[G].front().Checker.ReportUnknownParents);
      if (Settings[G][I].checksDeletePaths() && !Settings[G].sharedWithPrevious(I))
        RootUses.push_back({Settings[G][I].Checker.Checks.Roots, Settings[G][I].RootsSource});
      // A file replayed but not reported still shows why it could not be read.
      if (Reported && !Reported->count(realPathOr(R.Path)) && R.ReadError.empty())
        continue;
      if (!Stream) {
        Reports.push_back(std::move(R));
        continue;
      }
      Emit(R);
    }
    if (Stream)
      std::vector<FileReport>().swap(GroupReports[G]);
  };
  {
    DefaultThreadPool Pool(hardware_concurrency(Jobs));
    // The worker that finishes the next group in order collects it and every finished group
    // after it, one worker at a time and outside the lock: the reports are freed where they
    // were made, and no thread waits on each group in turn.
    std::mutex EmitLock;
    std::vector<char> Finished(Inputs.Groups.size(), 0);
    size_t NextToCollect = 0;
    bool Collecting = false;
    auto Finish = [&](size_t G) {
      std::unique_lock<std::mutex> L(EmitLock);
      Finished[G] = 1;
      if (Collecting)
        return; // the collecting worker takes it when it gets there
      Collecting = true;
      while (NextToCollect < Finished.size() && Finished[NextToCollect]) {
        size_t Next = NextToCollect++;
        L.unlock();
        Collect(Next);
        L.lock();
      }
      Collecting = false;
    };
    setPendingSets(Inputs.Groups.size());
    for (size_t G = 0; G < Inputs.Groups.size(); ++G)
      Pool.async([&, G] {
        auto Settle = [&](ArrayRef<FileReport> Read) {
          settleContentDialect(Inputs.Sets[G], Read, Settings[G],
                               DialectOpt.getNumOccurrences() > 0);
        };
        bool Pending = G < Inputs.Sets.size() && Inputs.Sets[G].ContentPending;
        GroupReports[G] = checkSqlGroup(Inputs.Groups[G], Settings[G], nullptr,
                                        Pending ? GroupReadHook(Settle) : GroupReadHook());
        finishPendingSet();
        if (TextToStdout)
          for (FileReport &R : GroupReports[G])
            if (R.ReadError.empty()) {
              R.Rendered = renderFindings(R);
              // Rendered, the text is needed again only by --fix, --export-fixes and the
              // other formats: without them it is freed now, not at the end of the run.
              if (!KeepTexts)
                std::string().swap(R.Text);
            }
        Finish(G);
      });
    Pool.wait();
  }
  if (!Inputs.CxxFiles.empty()) {
    std::vector<FileSettings> CxxSettings;
    for (const std::string &F : Inputs.CxxFiles) {
      auto S = Resolver.forFile(F);
      if (!S)
        return fail(toString(S.takeError()));
      if (S->checksDeletePaths())
        RootUses.push_back({S->Checker.Checks.Roots, S->RootsSource});
      CxxSettings.push_back(std::move(*S));
    }
    RootIn.HasCxx = true;
    std::string Messages;
    bool MissingCommand = false;
    for (FileReport &R : checkCxxFiles(Inputs.CxxFiles, CxxSettings, Cxx, Messages, MissingCommand)) {
      RootIn.add(R, /*InSet=*/false);
      Reports.push_back(std::move(R));
    }
    for (const std::string &F : Inputs.CxxFiles)
      Prog.step(F);
    // Compiler messages must not garble a machine-readable format on standard output.
    (TextToStdout ? outs() : errs()) << Messages;
    if (MissingCommand)
      Status = 2;
  }

  // Opened once every input was read: a --output naming an input cannot truncate it first.
  if (!OutputOpt.empty()) {
    std::error_code EC;
    OutputFile = std::make_unique<raw_fd_ostream>(OutputOpt, EC, sys::fs::OF_None);
    if (EC)
      return fail("cannot write --output " + OutputOpt + ": " + EC.message());
  }
  for (FileReport &R : Reports)
    Emit(R);
  // Nothing printed is fixed in a streamed run: a warning or error counted is one remaining.
  if (Stream)
    Remaining = Warnings + Errors > 0;
  outs().flush();
  for (const RootMessage &M : checkRoots(RootUses, RootIn)) {
    (M.Error ? WithColor::error(errs(), "cascade-tidy") : WithColor::note(errs(), "cascade-tidy"))
        << escapeControl(M.Text) << "\n";
    if (M.Error)
      Status = 2;
  }
  if (*Format != OutputFormat::Clang)
    writeFindings(OutputFile ? *OutputFile : outs(), *Format, Reports, Status != 2);
  if (OutputFile) {
    OutputFile->close();
    if (OutputFile->has_error()) {
      OutputFile->clear_error();
      return fail("cannot write --output " + OutputOpt);
    }
  }

  if (!ExportFixesPath.empty())
    if (Error E = exportFixes(ExportFixesPath, Reports))
      return fail(toString(std::move(E)));

  for (FileReport &R : Reports) {
    std::vector<bool> Fixed(R.Findings.size(), false);
    if (Fix && !R.Frozen && R.ReadError.empty() && !R.Undecodable) {
      std::string Before = R.Text;
      auto [A, O] = applyFixes(R, Fixed);
      Offered += O;
      if (R.Text != Before)
        if (Error E = writeFixedFile(R.Path, R.Text, FixReadOnly)) {
          errs() << escapeControl(R.Path) << ": error: " << escapeControl(toString(std::move(E)))
                 << "\n";
          Status = 2;
          Fixed.assign(Fixed.size(), false);
          A = 0;
        }
      Applied += A;
    }
    for (size_t I = 0; I < R.Findings.size(); ++I)
      Remaining = Remaining || (!Fixed[I] && R.Findings[I].Level != Severity::Note);
  }

  if (!Quiet) {
    auto Plural = [](unsigned N, const char *What) {
      return std::to_string(N) + " " + What + (N == 1 ? "" : "s");
    };
    if (Warnings && Errors)
      errs() << Plural(Warnings, "warning") << " and " << Plural(Errors, "error")
             << " generated.\n";
    else if (Warnings || Errors)
      errs() << (Warnings ? Plural(Warnings, "warning") : Plural(Errors, "error"))
             << " generated.\n";
    if (Suppressed)
      errs() << "Suppressed " << Suppressed << " warning" << (Suppressed == 1 ? "" : "s") << " ("
             << Suppressed << " NOLINT).\n";
    if (!Inputs.SkippedDown.empty())
      errs() << "Skipped " << Inputs.SkippedDown.size() << " down migration"
             << (Inputs.SkippedDown.size() == 1 ? "" : "s") << " (use --include-down).\n";
  }
  if (Fix)
    errs() << "cascade-tidy applied " << Applied << " of " << Offered << " fixes\n";
  return exitNow(Status ? Status : Remaining ? 1 : 0);
}
