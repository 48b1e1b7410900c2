#include "MigrationSets.h"
#include "CheckOptions.h"
#include "RegularFile.h"
#include "SourceText.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <optional>
#include <set>

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace cascade {

static std::string underDirectory(const std::string &Dir, const std::string &P) {
  if (path::is_absolute(P))
    return absolutePath(P);
  return absolutePath(Dir + "/" + P);
}

llvm::Error applyMigrationSets(InputSet &Inputs, SettingsResolver &Resolver) {
  std::vector<SetOverride> Overrides;
  std::set<std::string> Seen;        // configuration files already read
  std::set<std::string> Dirs;        // folders already resolved
  std::vector<std::string> All;
  for (const FoundFile &F : Inputs.Found)
    All.push_back(F.Path);
  llvm::append_range(All, Inputs.LintedDown);
  std::optional<llvm::StringRef> Last; // the folder of the file before, as spelled
  for (const std::string &F : All) {
    // A walk lists a folder's files in a row: the folder is resolved once, not per file.
    llvm::StringRef Folder = path::parent_path(F);
    if (Last == Folder)
      continue;
    Last = Folder;
    if (!Dirs.insert(path::parent_path(absolutePath(F)).str()).second)
      continue;
    auto C = Resolver.effectiveConfig(F);
    if (!C)
      return C.takeError();
    if (!C->MigrationSets || !Seen.insert(C->Source).second)
      continue;
    for (const MigrationSetConfig &M : *C->MigrationSets) {
      SetOverride O;
      O.Source = C->Source.empty() ? "the command line" : C->Source;
      O.Path = underDirectory(M.Directory, M.Path);
      if (!fs::exists(O.Path))
        return llvm::createStringError("MigrationSets in " + O.Source + ": Path '" + M.Path +
                                       "' does not exist (" + O.Path +
                                       "); fix the path or remove the entry");
      for (const std::string &S : M.Schema.value_or(std::vector<std::string>{})) {
        std::string Abs = underDirectory(M.Directory, S);
        if (!fs::exists(Abs))
          return llvm::createStringError("MigrationSets in " + O.Source + ": Schema file '" +
                                         S + "' of '" + M.Path + "' does not exist (" + Abs +
                                         ")");
        if (auto Kind = nonRegularKind(Abs))
          return llvm::createStringError("MigrationSets in " + O.Source + ": Schema file '" +
                                         S + "' of '" + M.Path + "' is not a regular file (" +
                                         *Kind + ")");
        O.Schema.push_back(Abs);
      }
      if (M.Dialect)
        O.Dialect = parseSetDialect(*M.Dialect); // validated when the file was read
      O.RootTables = M.RootTables;
      Overrides.push_back(std::move(O));
    }
  }
  if (!Overrides.empty())
    groupInputs(Inputs, Overrides);
  return llvm::Error::success();
}

DialectChoice effectiveDialect(const SetInfo &Set, const FileSettings &First,
                               bool DialectOnCommandLine) {
  SetDialect Configured = parseSetDialect(First.DialectName).value_or(SetDialect::Auto);
  if (DialectOnCommandLine)
    return {Configured, "--dialect on the command line"};
  if (Set.DialectOverridden || !isCheckedDialect(Set.Dialect))
    return {Set.Dialect, Set.DialectReason};
  if (Configured != SetDialect::Auto)
    return {Configured, "Dialect" + First.DialectSource};
  return {Set.Dialect, Set.DialectReason};
}

void applySetDialect(const SetInfo &Set, SettingsList &Settings,
                     bool DialectOnCommandLine) {
  if (Settings.empty() || DialectOnCommandLine)
    return;
  DialectChoice D = effectiveDialect(Set, Settings.front(), DialectOnCommandLine);
  // A detected (or configured) MySQL or SQLite set is read by its own reader.
  if (Set.DialectOverridden || !isCheckedDialect(D.Dialect))
    for (FileSettings &S : Settings.entries())
      S.Checker.Analyzer.SqlDialect =
          parseDialect(setDialectName(D.Dialect)).value_or(Dialect::Auto);
}

void settleContentDialect(SetInfo &Set, llvm::ArrayRef<FileReport> Read,
                          SettingsList &Settings, bool DialectOnCommandLine) {
  std::vector<GroupText> Texts;
  for (const FileReport &R : Read) {
    GroupText T{R.Path, std::nullopt};
    if (R.ReadError.empty())
      T.Text = llvm::StringRef(R.Text);
    Texts.push_back(T);
  }
  decideContentDialect(Set, Texts);
  applySetDialect(Set, Settings, DialectOnCommandLine);
}

llvm::Expected<std::vector<std::string>>
holdUncheckedSets(InputSet &Inputs, std::vector<SettingsList> &Settings,
                  bool DialectOnCommandLine, bool RootsOnCommandLine) {
  std::vector<std::string> Notes;
  InputSet Kept;
  std::vector<SettingsList> KeptSettings;
  for (size_t G = 0; G < Inputs.Groups.size(); ++G) {
    const SetInfo &Set = Inputs.Sets[G];
    if (Settings[G].empty())
      continue;
    applySetDialect(Set, Settings[G], DialectOnCommandLine);
    for (FileSettings &S : Settings[G].entries()) {
      if (Set.RootTables && !RootsOnCommandLine) {
        S.Checker.Checks.Roots.clear();
        for (const std::string &Spec : *Set.RootTables) {
          auto Root = parseRootTable(Spec);
          if (!Root)
            return llvm::createStringError(llvm::toString(Root.takeError()) +
                                           " in the MigrationSets entry for " + Set.Path +
                                           " in " + Set.OverrideSource);
          S.Checker.Checks.Roots.push_back(*Root);
        }
      }
    }
    Kept.Groups.push_back(std::move(Inputs.Groups[G]));
    Kept.Sets.push_back(std::move(Inputs.Sets[G]));
    KeptSettings.push_back(std::move(Settings[G]));
  }
  Inputs.Groups = std::move(Kept.Groups);
  Inputs.Sets = std::move(Kept.Sets);
  Settings = std::move(KeptSettings);
  return Notes;
}

void listSets(llvm::raw_ostream &OS, const InputSet &Inputs,
              const std::vector<SettingsList> &Settings, bool DialectOnCommandLine) {
  auto Dialect = [&](size_t G) {
    const SetInfo &Set = Inputs.Sets[G];
    DialectChoice D = Settings[G].empty()
                          ? DialectChoice{Set.Dialect, Set.DialectReason}
                          : effectiveDialect(Set, Settings[G].front(), DialectOnCommandLine);
    return std::string(setDialectName(D.Dialect)) + " (" + escapeControl(D.Why) + ")";
  };
  bool Any = false;
  for (size_t G = 0; G < Inputs.Sets.size(); ++G) {
    const SetInfo &Set = Inputs.Sets[G];
    if (!Set.IsSet)
      continue;
    Any = true;
    OS << "migration set " << escapeControl(Set.Path) << " (" << escapeControl(Set.Reason)
       << ")\n";
    OS << "  dialect: " << Dialect(G) << "\n";
    if (Set.RootTables) {
      OS << "  root tables:";
      for (const std::string &R : *Set.RootTables)
        OS << " " << escapeControl(R);
      OS << "\n";
    }
    OS << "  base:" << (Set.Base.empty() ? " none" : "") << "\n";
    for (const std::string &F : Set.Base)
      OS << "    " << escapeControl(F) << "\n";
    OS << "  migrations:" << (Set.Migrations.empty() ? " none" : "") << "\n";
    for (const std::string &F : Set.Migrations)
      OS << "    " << escapeControl(F) << "\n";
  }
  bool Loose = false;
  for (size_t G = 0; G < Inputs.Sets.size(); ++G) {
    const SetInfo &Set = Inputs.Sets[G];
    if (Set.IsSet)
      continue;
    if (!Loose)
      OS << "files checked on their own:\n";
    Loose = Any = true;
    OS << "  " << escapeControl(Set.Path) << " (" << escapeControl(Set.Reason)
       << "; dialect: " << Dialect(G) << ")\n";
  }
  if (!Any)
    OS << "no .sql files found\n";
}

} // namespace cascade
