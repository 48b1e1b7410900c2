#include "SqlFrontEnd.h"
#include "InputFiles.h"
#include "MigrationSet.h"
#include "Check.h"
#include "Nolint.h"
#include "RegularFile.h"
#include "SetDiscovery.h"
#include "SharedReads.h"
#include "SourceText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

namespace cascade {

std::string describeReadError(llvm::Error E) {
  std::string Out;
  llvm::handleAllErrors(std::move(E), [&](const llvm::ErrorInfoBase &Info) {
    Out = Info.message();
    std::error_code EC = Info.convertToErrorCode();
    if (EC == std::errc::file_too_large)
      Out += "; skipped: raise --max-input-size to check it";
    else if (EC == std::errc::invalid_argument)
      Out += "; skipped";
  });
  return Out;
}

/// Reads (unless Buffer holds the text) and validates one file; false when it cannot take part
/// in the analysis.
static bool readSqlFile(FileReport &R, uint64_t MaxBytes, const std::string *Buffer,
                        bool Validated) {
  if (Buffer) {
    R.Text = *Buffer;
  } else if (auto Kept = takeSharedRead(R.Path, MaxBytes)) { // read by dialect detection
    R.Text = std::move(*Kept);
  } else {
    auto Text = readRegularFile(R.Path, MaxBytes);
    if (!Text) {
      R.ReadError = describeReadError(Text.takeError());
      return false;
    }
    R.Text = std::move(*Text);
  }
  if (R.Text.empty()) {
    Finding F;
    F.Level = Severity::Note;
    F.Message = "file is empty; nothing to check";
    R.Findings.push_back(std::move(F));
    return false;
  }
  if (Validated)
    return true;
  if (auto Bad = validateText(R.Text)) {
    R.Undecodable = true;
    R.Findings.push_back(std::move(*Bad));
    return false;
  }
  return true;
}

/// NOLINT comments, frozen migrations, and the final order of one file's findings.
static void finishReport(FileReport &R, const std::string &Sql, CheckResult &Result) {
  NolintFilter Nolint(Sql, Result.Parsed.Comments);
  for (Finding &F : Result.Findings) {
    if (F.Level != Severity::Note && Nolint.suppresses(F)) {
      ++R.Suppressed;
      continue;
    }
    if (R.Frozen && F.Level == Severity::Warning) {
      F.Edits.clear();
      F.Notes.push_back({F.Begin, F.End,
                         "this migration is listed in FrozenMigrations (already applied): fix "
                         "it with a new migration; --fix leaves it unchanged"});
    }
    R.Findings.push_back(std::move(F));
  }
  llvm::append_range(R.Findings, Nolint.problems());
  llvm::stable_sort(R.Findings,
                    [](const Finding &A, const Finding &B) { return A.Begin < B.Begin; });
}

bool FileSettings::enablesAnyCheck() const {
  // cascade-diagnostic-error alone is the parse-only mode (like clang-diagnostic-* in
  // clang-tidy): its errors are always reported, naming it makes that the purpose of the run.
  return Checker.Enabled.contains(DiagnosticErrorId) || checksDeletePaths();
}

bool FileSettings::checksDeletePaths() const {
  return llvm::any_of(allChecks(),
                      [&](const CheckInfo &Info) { return Checker.Enabled.contains(Info.Id); });
}

std::string noChecksMessage(const FileSettings &S) {
  std::string Known;
  for (const CheckInfo &Info : allChecks())
    Known += (Known.empty() ? "" : ", ") + std::string(Info.Id);
  return "no checks enabled: " + S.ChecksSource + " matches none of " + Known +
         " (to report syntax errors only, enable " + DiagnosticErrorId + ")";
}

std::vector<FileReport> checkSqlGroup(const std::vector<std::string> &Paths,
                                      const SettingsList &Settings,
                                      EditorView *Editor, GroupReadHook OnRead) {
  std::vector<FileReport> Reports(Paths.size());
  std::vector<SetMember> Members;
  std::vector<size_t> MemberOf;
  std::vector<bool> Readable(Paths.size());
  for (size_t I = 0; I < Paths.size(); ++I) {
    FileReport &R = Reports[I];
    R.Path = Paths[I];
    R.Frozen = Settings[I].Frozen;
    R.WarningsAsErrors = Settings[I].WarningsAsErrors;
    const std::string *Buffer = nullptr;
    if (Editor)
      if (auto It = Editor->Buffers.find(Paths[I]); It != Editor->Buffers.end())
        Buffer = It->second;
    Readable[I] = readSqlFile(R, Settings[I].MaxInputBytes, Buffer,
                              Buffer && Editor->Validated.count(Paths[I]));
  }
  if (OnRead)
    OnRead(Reports); // may change Settings: read only from here on
  for (size_t I = 0; I < Paths.size(); ++I) {
    FileReport &R = Reports[I];
    if (!Readable[I])
      continue;
    bool Report = !Editor || Editor->Reported.count(Paths[I]);
    // A file only replayed needs no text of its own in its report.
    std::string Text = Report ? R.Text : std::move(R.Text);
    if (!Settings[I].IncludeDown)
      blankDownSections(Text);
    Members.push_back({migrationName(R.Path), std::move(Text), &Settings[I].Checker, Report});
    MemberOf.push_back(I);
  }
  std::vector<CheckResult> Results = checkSet(Members, nullptr, Editor ? Editor->Cache : nullptr);
  for (size_t M = 0; M < Members.size(); ++M) {
    if (!Members[M].Report)
      continue;
    finishReport(Reports[MemberOf[M]], Members[M].Sql, Results[M]);
    Reports[MemberOf[M]].Tables = std::move(Results[M].Tables);
    Reports[MemberOf[M]].Referenced = std::move(Results[M].Referenced);
    Reports[MemberOf[M]].Placeholders = Results[M].Parsed.Placeholders;
  }
  return Reports;
}

llvm::Expected<std::optional<FoundConfig>>
SettingsResolver::fileConfig(const std::string &Path) {
  if (Explicit) // its Origins are filled by originComments: only --dump-config needs them
    return std::optional<FoundConfig>(FoundConfig{*Explicit, {}});
  std::string Abs = absolutePath(Path);
  return Finder.find(llvm::sys::fs::is_directory(Abs) ? Abs
                                                      : llvm::sys::path::parent_path(Abs).str());
}

llvm::Expected<std::string> SettingsResolver::originComments(const std::string &Path) {
  auto File = fileConfig(Path);
  if (!File)
    return File.takeError();
  std::map<std::string, std::string> Origins;
  if (*File)
    Origins = (*File)->Origins;
  if (Explicit)
    for (const std::string &Key : keysSet(*Explicit))
      Origins[Key] = Explicit->Source;
  for (const std::string &Key : keysSet(CommandLine))
    Origins[Key] = "the command line";
  auto Effective = effectiveConfig(Path);
  if (!Effective)
    return Effective.takeError();
  std::string Out;
  for (const std::string &Key : keysSet(*Effective)) // in the dump's order
    if (auto It = Origins.find(Key); It != Origins.end())
      Out += "# " + Key + ": from " + It->second + "\n";
  return Out;
}

llvm::Expected<Config> SettingsResolver::effectiveConfig(const std::string &Path) {
  Config C;
  C.Checks = "cascade-*";
  C.WarningsAsErrors = "";
  C.RootTables = std::vector<std::string>{"users"};
  C.Dialect = "auto";
  C.AllowSetNull = true;
  C.OwnershipPolicy = ownershipPolicyName(OwnershipPolicy::Structural);
  C.ActorColumnPatterns = defaultActorColumnPatterns();
  C.FrozenMigrations = std::vector<std::string>{};
  auto File = fileConfig(Path);
  if (!File)
    return File.takeError();
  if (*File)
    C.mergeFrom((*File)->Values);
  C.mergeFrom(CommandLine);
  return C;
}

llvm::Expected<const SettingsResolver::SettingsEntry *>
SettingsResolver::directoryEntry(const std::string &Path, bool KnownFile, std::string &Abs,
                                 AbsolutePaths *Paths) {
  Abs = Paths ? Paths->of(Path) : absolutePath(Path);
  // (A stat per input file was a tenth of the serial start of a 6,000-file run.)
  std::string Dir = !KnownFile && llvm::sys::fs::is_directory(Abs)
                        ? Abs
                        : llvm::sys::path::parent_path(Abs).str();
  std::unique_lock<std::mutex> G(ByDirectoryLock);
  auto It = ByDirectory.find(Dir);
  if (It != ByDirectory.end())
    return It->second;
  G.unlock();
  // Folders under one configuration file get the same settings: one entry for all of them
  // (a set of per-migration folders would otherwise get an entry, and a copy, per folder).
  auto File = fileConfig(Path);
  if (!File)
    return File.takeError();
  std::string Key = !*File ? std::string("\1") // no file: the defaults
                    : (*File)->Values.Source.empty()
                        ? "\2" + Dir // unnamed: shared with nothing
                        : (*File)->Values.Source + '\0' + (*File)->Values.Directory;
  G.lock();
  if (auto C = ByConfig.find(Key); C != ByConfig.end())
    return ByDirectory[Dir] = &C->second;
  G.unlock();
  std::vector<std::string> Patterns;
  auto S = settingsFor(Path, Patterns);
  if (!S)
    return S.takeError();
  G.lock();
  auto C = ByConfig.try_emplace(Key, std::move(*S), std::move(Patterns)).first;
  return ByDirectory[Dir] = &C->second; // std::map: the entry stays where it is
}

static bool frozenBy(const std::vector<std::string> &Patterns, const std::string &Abs) {
  return llvm::any_of(Patterns, [&](const std::string &P) { return wildcardMatch(P, Abs); });
}

llvm::Expected<FileSettings> SettingsResolver::forFile(const std::string &Path,
                                                      bool KnownFile) {
  std::string Abs;
  auto Entry = directoryEntry(Path, KnownFile, Abs);
  if (!Entry)
    return Entry.takeError();
  FileSettings S = (*Entry)->first;
  S.MaxInputBytes = MaxInputBytes; // a public field: it may change between calls
  S.Frozen = frozenBy((*Entry)->second, Abs);
  return S;
}

llvm::Error SettingsResolver::addFile(SettingsList &List, const std::string &Path,
                                      bool KnownFile, AbsolutePaths *Paths) {
  std::string Abs;
  auto Entry = directoryEntry(Path, KnownFile, Abs, Paths);
  if (!Entry)
    return Entry.takeError();
  bool Frozen = frozenBy((*Entry)->second, Abs);
  SettingsList::OriginKey Origin{*Entry, Frozen};
  if (List.shareWithLast(Origin, MaxInputBytes))
    return llvm::Error::success();
  FileSettings S = (*Entry)->first;
  S.MaxInputBytes = MaxInputBytes;
  S.Frozen = Frozen;
  List.add(std::move(S), Origin);
  return llvm::Error::success();
}

FileSettings &SettingsList::ownFront() {
  if (Index.size() > 1 && Index[1] == Index[0]) {
    // Split: the first file gets an entry of its own, at the end (indexes stay valid).
    Distinct.push_back(Distinct[Index[0]]);
    Origins.push_back({nullptr, false});
    Index[0] = static_cast<unsigned>(Distinct.size() - 1);
  }
  return Distinct[Index[0]];
}

llvm::Expected<FileSettings>
SettingsResolver::settingsFor(const std::string &Path, std::vector<std::string> &FrozenPatterns) {
  auto C = effectiveConfig(Path);
  if (!C)
    return C.takeError();
  FileSettings S;
  S.IncludeDown = IncludeDown;
  S.MaxInputBytes = MaxInputBytes;
  S.Checker.Enabled = GlobList(*C->Checks);
  S.WarningsAsErrors = GlobList(*C->WarningsAsErrors);
  // Name where a bad value came from: the command line wins over any file.
  auto Origin = [&](const auto &CommandLineValue) -> std::string {
    if (CommandLineValue)
      return " on the command line";
    return C->Source.empty() ? "" : " in " + C->Source;
  };
  auto SD = parseSetDialect(*C->Dialect);
  if (!SD)
    return llvm::createStringError("invalid Dialect '" + *C->Dialect + "'" +
                                   Origin(CommandLine.Dialect) +
                                   ": expected auto, postgres, cockroach, mysql or sqlite");
  S.DialectName = setDialectName(*SD);
  S.DialectSource = Origin(CommandLine.Dialect);
  // mysql and sqlite files are set aside before parsing (holdUncheckedSets).
  S.Checker.Analyzer.SqlDialect = parseDialect(S.DialectName).value_or(Dialect::Auto);
  // Raw: fail() escapes the message it ends up in.
  S.ChecksSource = "Checks '" + *C->Checks + "'" + Origin(CommandLine.Checks);
  if (C->RootTables->empty())
    return llvm::createStringError("no root tables configured: RootTables is empty" +
                                   Origin(CommandLine.RootTables) +
                                   "; name at least one (the default is [users])");
  S.Checker.Checks.AllowSetNull = *C->AllowSetNull;
  auto Policy = parseOwnershipPolicy(*C->OwnershipPolicy);
  if (!Policy)
    return llvm::createStringError(llvm::toString(Policy.takeError()) +
                                   Origin(CommandLine.OwnershipPolicy));
  S.Checker.Checks.Ownership = *Policy;
  S.Checker.Checks.ActorColumnPatterns = *C->ActorColumnPatterns;
  S.Checker.Checks.Roots.clear();
  if (CommandLine.RootTables)
    S.RootsSource = "--root";
  else if (!C->RootTablesSource.empty())
    S.RootsSource = "RootTables in " + C->RootTablesSource;
  for (const std::string &Spec : *C->RootTables) {
    auto Root = parseRootTable(Spec);
    if (!Root)
      return llvm::createStringError(llvm::toString(Root.takeError()) +
                                     Origin(CommandLine.RootTables));
    S.Checker.Checks.Roots.push_back(*Root);
  }
  if (C->CxxSchema)
    S.CxxSchema = *C->CxxSchema;
  if (C->CxxMigrations)
    S.CxxMigrations = *C->CxxMigrations;
  S.CxxCatalogSource = C->CxxCatalogSource;
  for (const std::string &G : *C->FrozenMigrations)
    FrozenPatterns.push_back(llvm::sys::path::is_absolute(G) || C->Directory.empty()
                                 ? G
                                 : absolutePath(C->Directory + "/" + G));
  return S;
}

} // namespace cascade
