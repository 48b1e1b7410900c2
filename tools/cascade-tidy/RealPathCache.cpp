#include "RealPathCache.h"
#include "InputFiles.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <sys/stat.h>

namespace path = llvm::sys::path;

namespace cascade {

std::string RealPathCache::of(llvm::StringRef P, bool NoLink) {
  llvm::StringRef Name = path::filename(P);
  if (P.empty() || P.ends_with("/") || Name == "." || Name == "..")
    return realPathOr(P);
  // Only the last component is looked at here: a symlink (or a path that does not resolve)
  // goes the slow way.
  struct stat St;
  if (!NoLink && (::lstat(P.str().c_str(), &St) != 0 || S_ISLNK(St.st_mode)))
    return realPathOr(P);
  llvm::StringRef Folder = path::parent_path(P);
  if (Folder.empty())
    Folder = ".";
  auto [It, New] = Folders.try_emplace(Folder);
  if (New) {
    llvm::SmallString<256> Real;
    if (!llvm::sys::fs::real_path(Folder, Real))
      It->second = Real.str().str();
  }
  if (!It->second)
    return realPathOr(P);
  llvm::SmallString<256> Out(*It->second);
  path::append(Out, Name);
  return Out.str().str();
}

} // namespace cascade
