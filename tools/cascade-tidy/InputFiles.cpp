#include "InputFiles.h"
#include "GlobList.h"
#include "MigrationSet.h"
#include "RealPathCache.h"
#include "RegularFile.h"
#include "SharedReads.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = llvm::sys::fs;
namespace path = llvm::sys::path;

namespace cascade {

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

static std::string notRegular(llvm::StringRef P) {
  return "not a regular file (" + nonRegularKind(P).value_or("an unknown kind of file") +
         "); skipped";
}

namespace {

/// One directory argument's walk. Symlinked directories are followed (a linked migrations
/// folder is common), but each directory, by device and inode, is entered once: a link back
/// to an ancestor (a cycle) gets a note, a second way into the same directory is silent
/// because its files would be checked once anyway.
struct Walker {
  const InputOptions &Opts;
  InputSet &Out;
  std::vector<std::string> Files, Down;
  std::vector<bool> FileIsNoLink; // per Files: readdir said a regular file (not a symlink)
  std::set<fs::UniqueID> Entered;
  std::vector<std::pair<fs::UniqueID, std::string>> Ancestors;

  /// RealDir: Dir with symlinks resolved, absolute (kept along the walk: a folder readdir
  /// says is no symlink adds its name to its parent's; realpath(3) per folder was a tenth of a
  /// walk at a repository's root).
  void enter(const std::string &Dir, const std::string &RealDir, const fs::file_status &St) {
    fs::UniqueID Id = St.getUniqueID();
    for (const auto &[AncestorId, AncestorPath] : Ancestors)
      if (AncestorId == Id) {
        Out.Notes.push_back({Dir, "not entered: a symlink cycle back to '" + AncestorPath + "'"});
        return;
      }
    if (!Entered.insert(Id).second)
      return;
    Ancestors.push_back({Id, Dir});
    walk(Dir, RealDir);
    Ancestors.pop_back();
  }

  void walk(const std::string &Dir, const std::string &RealDir) {
    std::error_code EC;
    std::vector<std::pair<std::string, fs::file_type>> Entries; // the type from readdir
    for (fs::directory_iterator It(Dir, EC), End; It != End && !EC; It.increment(EC))
      Entries.push_back({It->path(), It->type()});
    if (EC) {
      Out.Problems.push_back({Dir, "cannot read directory: " + EC.message()});
      return;
    }
    llvm::sort(Entries);
    // What a compilation database lists for this folder, looked up once, at the first file
    // that needs it.
    std::optional<const std::set<std::string> *> Listed;
    for (const auto &[P, Type] : Entries) {
      if (excluded(P, Opts))
        continue;
      bool Sql = path::extension(P).equals_insensitive(".sql");
      // A regular file by readdir is no symlink: no stat needed (the common case).
      fs::file_status St(fs::file_type::regular_file);
      std::error_code SE;
      if (Type != fs::file_type::regular_file)
        SE = fs::status(P, St);
      if (SE) {
        if (Sql)
          Out.Problems.push_back({P, "cannot open file: " + SE.message()});
        continue;
      }
      if (fs::is_directory(St)) {
        if (!skippedDirectory(P))
          enter(P,
                Type == fs::file_type::directory_file ? child(RealDir, P)
                                                      : absolutePath(realPathOr(P)),
                St);
        continue;
      }
      bool Cxx = Opts.isCxx(P);
      if (!Sql && !Cxx && Opts.DatabaseFiles && fs::is_regular_file(St) &&
          listed(P, Type, RealDir, Listed)) {
        Cxx = true;
        Out.CxxLanguage[absolutePath(P)] = FileKind::Cxx;
      }
      if (!Sql && !Cxx)
        continue;
      if (!fs::is_regular_file(St)) {
        Out.Problems.push_back({P, notRegular(P)});
        continue;
      }
      if (Cxx)
        Out.CxxFiles.push_back(P);
      else if (!isDownMigration(P)) {
        Files.push_back(P);
        FileIsNoLink.push_back(Type == fs::file_type::regular_file);
      }
      else if (Opts.IncludeDown)
        Down.push_back(P); // linted, never replayed
      else
        Out.SkippedDown.push_back(P);
    }
  }

  static std::string child(llvm::StringRef RealDir, llvm::StringRef P) {
    llvm::SmallString<256> Out(RealDir);
    path::append(Out, path::filename(P));
    return Out.str().str();
  }

  /// Whether a compilation database lists the file P of the folder RealDir.
  bool listed(const std::string &P, fs::file_type Type, const std::string &RealDir,
              std::optional<const std::set<std::string> *> &Listed) {
    if (Type == fs::file_type::regular_file) { // no symlink: it is where its folder is
      if (!Listed)
        Listed = Opts.DatabaseFiles(RealDir);
      return *Listed && (*Listed)->count(child(RealDir, P)) > 0;
    }
    std::string Real = absolutePath(realPathOr(P)); // a symlink: where it points
    const std::set<std::string> *Files = Opts.DatabaseFiles(path::parent_path(Real));
    return Files && Files->count(Real) > 0;
  }
};

} // namespace

/// Dialect detection reads what the checker would read: a regular file within the size limit.
static std::optional<std::string> readForDetection(llvm::StringRef Path) {
  auto Text = readRegularFile(Path, DefaultMaxInputBytes);
  if (!Text) {
    llvm::consumeError(Text.takeError());
    return std::nullopt;
  }
  keepSharedRead(Path, *Text); // the SQL front end takes it instead of reading again
  return std::move(*Text);
}

void groupInputs(InputSet &In, const std::vector<SetOverride> &Overrides) {
  In.Sets = discoverSets(In.Found, Overrides, readForDetection,
                         In.DeferDialect && In.LintedDown.empty());
  size_t Discovered = In.Sets.size();
  for (const std::string &D : In.LintedDown) {
    std::vector<SetInfo> One = discoverSets({{D, true}}, {}, readForDetection);
    SetInfo &Down = One.front();
    Down.IsSet = false;
    Down.Reason = "a down migration, linted on its own";
    // A down migration of a set (002.down.sql, 0001_x/down.sql) has the set's dialect.
    std::string Dir = path::parent_path(absolutePath(D)).str();
    for (size_t S = 0; S < Discovered; ++S)
      if (In.Sets[S].IsSet &&
          (In.Sets[S].Folder == Dir || In.Sets[S].Folder == path::parent_path(Dir))) {
        Down.Dialect = In.Sets[S].Dialect;
        Down.DialectReason = In.Sets[S].DialectReason;
        Down.DialectOverridden = In.Sets[S].DialectOverridden;
        Down.DialectFrom = static_cast<int>(S);
        break;
      }
    In.Sets.push_back(std::move(Down));
  }
  In.Groups.clear();
  In.Groups.reserve(In.Sets.size());
  for (const SetInfo &S : In.Sets)
    In.Groups.push_back(S.files());
}

/// A file named on the command line is never dropped for its name: --language, the compile
/// database or its content may make it C/C++ (docs/file-kinds.md).
static bool isExplicitCxx(const std::string &P, const InputOptions &Opts, InputSet &Out) {
  if (!Opts.ExplicitKind)
    return Opts.isCxx(P);
  bool ExtensionDecided = false;
  FileKind K = Opts.ExplicitKind(P, ExtensionDecided);
  if (K == FileKind::Sql)
    return false;
  if (!ExtensionDecided)
    Out.CxxLanguage[absolutePath(P)] = K;
  return true;
}

InputSet collectInputs(const std::vector<std::string> &Paths, const InputOptions &Opts) {
  InputSet Out;
  // A file reached twice (named directly and through its directory, or under two spellings)
  // is checked once.
  std::set<std::string> Seen;
  RealPathCache Real; // one realpath per folder, not per file
  auto First = [&](const std::string &F, bool NoLink = false) {
    return Seen.insert(Real.of(F, NoLink)).second;
  };
  for (const std::string &P : Paths) {
    fs::file_status St;
    if (std::error_code EC = fs::status(P, St)) {
      Out.Problems.push_back({P, "cannot open file: " + EC.message()});
      continue;
    }
    if (fs::is_directory(St)) {
      Walker W{Opts, Out, {}, {}, {}, {}, {}};
      W.enter(P, absolutePath(realPathOr(P)), St);
      for (size_t I = 0; I < W.Files.size(); ++I)
        if (First(W.Files[I], W.FileIsNoLink[I]))
          Out.Found.push_back({std::move(W.Files[I]), false});
      for (std::string &D : W.Down)
        if (First(D))
          Out.LintedDown.push_back(std::move(D));
    } else if (!fs::is_regular_file(St)) {
      Out.Problems.push_back({P, notRegular(P)});
    } else if (isExplicitCxx(P, Opts, Out)) {
      Out.CxxFiles.push_back(P);
    } else if (!Opts.IncludeDown && isDownMigration(P)) {
      Out.SkippedExplicit.push_back(P);
    } else if (isDownMigration(P)) {
      if (First(P))
        Out.LintedDown.push_back(P);
    } else if (First(P)) {
      Out.Found.push_back({P, true});
    }
  }
  llvm::erase_if(Out.CxxFiles, [&, Kept = std::set<std::string>()](const std::string &F) mutable {
    return !Kept.insert(Real.of(F)).second;
  });
  Out.DeferDialect = Opts.DeferDialect;
  groupInputs(Out, {});
  return Out;
}

static llvm::Error fileError(int Errno, const llvm::Twine &What) {
  std::error_code EC(Errno, std::generic_category());
  return llvm::createStringError(EC, What + ": " + EC.message());
}

/// Writes Contents over the file's own inode: its owner, group, mode and hard links stay.
/// Not atomic: a crash midway leaves a partly written file. A full disk or a file size limit
/// must not: the space for the new length is reserved before the first old byte is
/// overwritten, and when it cannot be, the file is left as it was.
static llvm::Error writeInPlace(const std::string &Path, llvm::StringRef Contents) {
  int FD = ::open(Path.c_str(), O_WRONLY | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
  if (FD < 0)
    return fileError(errno, "cannot write " + Path + " in place");
  struct stat Old;
  if (::fstat(FD, &Old) != 0) {
    int Errno = errno;
    ::close(FD);
    return fileError(Errno, "cannot write " + Path + " in place");
  }
  if (static_cast<uint64_t>(Old.st_size) < Contents.size()) {
    int Errno = ::posix_fallocate(FD, 0, static_cast<off_t>(Contents.size()));
    if (Errno != 0) {
      (void)::ftruncate(FD, Old.st_size); // undo any growth; the old bytes are untouched
      ::close(FD);
      return fileError(Errno, "cannot write " + Path + " in place (left unchanged)");
    }
  }
  size_t Done = 0;
  while (Done < Contents.size()) {
    ssize_t N = ::pwrite(FD, Contents.data() + Done, Contents.size() - Done,
                         static_cast<off_t>(Done));
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0) {
      int Errno = N < 0 ? errno : EIO;
      ::close(FD);
      return fileError(Errno, "cannot write " + Path);
    }
    Done += static_cast<size_t>(N);
  }
  if (::ftruncate(FD, static_cast<off_t>(Contents.size())) != 0) {
    int Errno = errno;
    ::close(FD);
    return fileError(Errno, "cannot truncate " + Path);
  }
  if (::close(FD) != 0)
    return fileError(errno, "cannot write " + Path);
  return llvm::Error::success();
}

static bool readOnlyForUs(const std::string &Path, const struct stat &St) {
  // root may write anything: for root a file is read-only when no write bit is set at all.
  if (::geteuid() == 0)
    return (St.st_mode & 0222) == 0;
  return ::faccessat(AT_FDCWD, Path.c_str(), W_OK, AT_EACCESS) != 0;
}

llvm::Error writeFixedFile(llvm::StringRef LinkOrPath, llvm::StringRef Contents,
                           bool RewriteReadOnly) {
  // Through a symlink, replace the file it points to and leave the link a link.
  std::string Path = realPathOr(LinkOrPath);
  struct stat St;
  if (::stat(Path.c_str(), &St) != 0)
    return fileError(errno, "cannot stat " + Path);
  if (!S_ISREG(St.st_mode))
    return llvm::createStringError("not a regular file; not rewritten");
  if (!RewriteReadOnly && readOnlyForUs(Path, St)) {
    char Mode[8];
    snprintf(Mode, sizeof Mode, "%04o", static_cast<unsigned>(St.st_mode & 07777));
    return llvm::createStringError(std::make_error_code(std::errc::permission_denied),
                                   std::string((St.st_mode & 0222) ? "file is not writable by you"
                                                                   : "file is read-only") +
                                       " (mode " + Mode +
                                       "); not rewritten: pass --fix-readonly to rewrite it");
  }
  // A rename would split the file from its other names: write those in place.
  if (St.st_nlink > 1)
    return writeInPlace(Path, Contents);
  llvm::SmallString<256> Temp;
  int FD;
  llvm::SmallString<256> Model(Path);
  Model += ".cascade-tidy-%%%%%%";
  if (std::error_code EC = fs::createUniqueFile(Model, FD, Temp, fs::OF_None, 0600)) {
    if (EC == std::errc::permission_denied) // a directory we may not add to: still the file
      return writeInPlace(Path, Contents);
    return llvm::createStringError(EC, "cannot create a temporary file next to " + Path +
                                           ": " + EC.message());
  }
  auto Discard = [&](int Errno, const llvm::Twine &What) {
    ::close(FD);
    fs::remove(Temp);
    return fileError(Errno, What);
  };
  size_t Done = 0;
  while (Done < Contents.size()) {
    ssize_t N = ::write(FD, Contents.data() + Done, Contents.size() - Done);
    if (N < 0 && errno == EINTR)
      continue;
    if (N <= 0)
      return Discard(N < 0 ? errno : EIO, "cannot write " + Temp);
    Done += static_cast<size_t>(N);
  }
  // The new file is ours: give it the old one's owner and group (as root, or a group we are
  // in), then its mode (after chown, which clears set-id bits).
  if ((St.st_uid != ::geteuid() || St.st_gid != ::getegid()) &&
      ::fchown(FD, St.st_uid, St.st_gid) != 0) {
    if (errno != EPERM)
      return Discard(errno, "cannot set the owner of " + Temp);
    // We may not give the file away: writing in place keeps the owner.
    ::close(FD);
    fs::remove(Temp);
    return writeInPlace(Path, Contents);
  }
  if (::fchmod(FD, St.st_mode & 07777) != 0)
    return Discard(errno, "cannot set the mode of " + Temp);
  // On disk before the rename: otherwise a crash soon after can leave the name pointing at an
  // empty or partial file on file systems that do not order the rename after the data.
  if (::fsync(FD) != 0)
    return Discard(errno, "cannot write " + Temp);
  if (::close(FD) != 0) {
    fs::remove(Temp);
    return fileError(errno, "cannot write " + Temp);
  }
  if (std::error_code EC = fs::rename(Temp, Path)) {
    fs::remove(Temp);
    return llvm::createStringError(EC, "cannot replace " + Path + ": " + EC.message());
  }
  return llvm::Error::success();
}

} // namespace cascade
