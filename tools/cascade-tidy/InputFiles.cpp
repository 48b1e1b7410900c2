#include "InputFiles.h"
#include "GlobList.h"
#include "MigrationSet.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <set>

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace cascade {

std::string absolutePath(llvm::StringRef P) {
  llvm::SmallString<256> A(P);
  fs::make_absolute(A);
  path::remove_dots(A, /*remove_dot_dot=*/true);
  return A.str().str();
}

std::string realPathOr(llvm::StringRef P) {
  llvm::SmallString<256> Real;
  if (fs::real_path(P, Real))
    return P.str();
  return Real.str().str();
}

bool InputOptions::isCxx(llvm::StringRef Path) const {
  llvm::StringRef Ext = path::extension(Path);
  return llvm::any_of(CxxExtensions, [&](const std::string &E) { return Ext.equals_insensitive(E); });
}

bool isDownMigration(llvm::StringRef Path) { return classifyMigration(Path).Down; }

static bool excluded(llvm::StringRef Path, const InputOptions &Opts) {
  return llvm::any_of(Opts.Excludes, [&](const std::string &G) {
    return wildcardMatch(G, Path) || wildcardMatch(G, path::filename(Path));
  });
}

/// Directories a walk never enters: version control and build trees.
static bool skippedDirectory(llvm::StringRef Dir) {
  llvm::StringRef Name = path::filename(Dir);
  if (Name == ".git" || Name == ".hg" || Name == ".svn" || Name == "node_modules" ||
      Name == "CMakeFiles" || Name == ".cache")
    return true;
  return fs::exists(Dir + "/CMakeCache.txt");
}

static void walk(const std::string &Dir, const InputOptions &Opts, InputSet &Out,
                 std::vector<std::string> &Files, std::vector<std::string> &Down) {
  std::error_code EC;
  std::vector<std::string> Entries;
  for (fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
    Entries.push_back(It->path());
  if (EC) {
    Out.Problems.push_back({Dir, "cannot read directory: " + EC.message()});
    return;
  }
  llvm::sort(Entries);
  for (const std::string &P : Entries) {
    if (excluded(P, Opts))
      continue;
    fs::file_status St;
    if (std::error_code SE = fs::status(P, St)) {
      if (path::extension(P).equals_insensitive(".sql"))
        Out.Problems.push_back({P, "cannot open file: " + SE.message()});
      continue;
    }
    if (fs::is_directory(St)) {
      if (!skippedDirectory(P))
        walk(P, Opts, Out, Files, Down);
      continue;
    }
    if (Opts.isCxx(P)) {
      Out.CxxFiles.push_back(P);
      continue;
    }
    if (!path::extension(P).equals_insensitive(".sql"))
      continue;
    if (!isDownMigration(P))
      Files.push_back(P);
    else if (Opts.IncludeDown)
      Down.push_back(P); // linted, never replayed
    else
      Out.SkippedDown.push_back(P);
  }
}

InputSet collectInputs(const std::vector<std::string> &Paths, const InputOptions &Opts) {
  InputSet Out;
  for (const std::string &P : Paths) {
    fs::file_status St;
    if (std::error_code EC = fs::status(P, St)) {
      Out.Problems.push_back({P, "cannot open file: " + EC.message()});
      continue;
    }
    if (fs::is_directory(St)) {
      std::vector<std::string> Files, Down;
      walk(P, Opts, Out, Files, Down);
      std::vector<std::string> Group;
      for (MigrationFile &M : orderMigrations(Files))
        Group.push_back(std::move(M.Path));
      if (!Group.empty())
        Out.Groups.push_back(std::move(Group));
      for (std::string &D : Down)
        Out.Groups.push_back({std::move(D)});
    } else if (Opts.isCxx(P)) {
      Out.CxxFiles.push_back(P);
    } else if (!Opts.IncludeDown && isDownMigration(P)) {
      Out.SkippedExplicit.push_back(P);
    } else {
      Out.Groups.push_back({P});
    }
  }
  // A file reached twice (named directly and through its directory, or under two spellings)
  // is checked once, in its first group.
  std::set<std::string> Seen;
  auto Repeated = [&](const std::string &F) { return !Seen.insert(realPathOr(F)).second; };
  for (std::vector<std::string> &G : Out.Groups)
    llvm::erase_if(G, Repeated);
  llvm::erase_if(Out.Groups, [](const std::vector<std::string> &G) { return G.empty(); });
  llvm::erase_if(Out.CxxFiles, Repeated);
  return Out;
}

llvm::Error writeFileAtomically(llvm::StringRef LinkOrPath, llvm::StringRef Contents) {
  // Through a symlink, replace the file it points to and leave the link a link.
  std::string Path = realPathOr(LinkOrPath);
  fs::file_status St;
  if (std::error_code EC = fs::status(Path, St))
    return llvm::createStringError(EC, "cannot stat " + Path + ": " + EC.message());
  llvm::SmallString<256> Temp;
  int FD;
  llvm::SmallString<256> Model(Path);
  Model += ".cascade-tidy-%%%%%%";
  if (std::error_code EC = fs::createUniqueFile(Model, FD, Temp))
    return llvm::createStringError(EC, "cannot create a temporary file next to " + Path +
                                           ": " + EC.message());
  {
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << Contents;
    OS.close();
    if (OS.has_error()) {
      fs::remove(Temp);
      return llvm::createStringError(OS.error(), "cannot write " + Temp.str().str());
    }
  }
  if (std::error_code EC = fs::setPermissions(Temp, St.permissions())) {
    fs::remove(Temp);
    return llvm::createStringError(EC, "cannot set permissions on " + Temp.str().str());
  }
  if (std::error_code EC = fs::rename(Temp, Path)) {
    fs::remove(Temp);
    return llvm::createStringError(EC, "cannot replace " + Path + ": " + EC.message());
  }
  return llvm::Error::success();
}

} // namespace cascade
