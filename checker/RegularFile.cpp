#include "RegularFile.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace cascade {

static std::optional<std::string> kindOf(mode_t Mode) {
  if (S_ISREG(Mode))
    return std::nullopt;
  if (S_ISDIR(Mode))
    return "a directory";
  if (S_ISFIFO(Mode))
    return "a FIFO";
  if (S_ISCHR(Mode))
    return "a character device";
  if (S_ISBLK(Mode))
    return "a block device";
  if (S_ISSOCK(Mode))
    return "a socket";
  return "an unknown kind of file";
}

std::optional<std::string> nonRegularKind(llvm::StringRef Path) {
  struct stat St;
  if (::stat(Path.str().c_str(), &St) != 0)
    return std::nullopt;
  return kindOf(St.st_mode);
}

std::string describeSize(uint64_t Bytes) {
  if (Bytes >= (1ull << 20) && Bytes % (1ull << 20) == 0)
    return std::to_string(Bytes >> 20) + " MiB";
  if (Bytes >= 1024 && Bytes % 1024 == 0)
    return std::to_string(Bytes >> 10) + " KiB";
  return std::to_string(Bytes) + (Bytes == 1 ? " byte" : " bytes");
}

static llvm::Error tooLarge(uint64_t Size, uint64_t Limit, bool AtLeast) {
  return llvm::createStringError(std::make_error_code(std::errc::file_too_large),
                                 "file is larger than the limit of " + describeSize(Limit) + " (" +
                                     (AtLeast ? "more than " : "") + std::to_string(Size) +
                                     " bytes)");
}

static llvm::Error notRegular(const std::string &Kind) {
  return llvm::createStringError(std::make_error_code(std::errc::invalid_argument),
                                 "not a regular file (" + Kind + ")");
}

static llvm::Error readFailure(int Errno) {
  std::error_code EC(Errno, std::generic_category());
  return llvm::createStringError(EC, "cannot read file: " + EC.message());
}

llvm::Expected<std::string> readRegularFile(llvm::StringRef Path, uint64_t Limit) {
  std::string P = Path.str();
  // Checked before opening: opening a FIFO for reading waits for a writer.
  struct stat St;
  if (::stat(P.c_str(), &St) != 0)
    return readFailure(errno);
  if (auto Kind = kindOf(St.st_mode))
    return notRegular(*Kind);
  if (static_cast<uint64_t>(St.st_size) > Limit)
    return tooLarge(St.st_size, Limit, false);
  // O_NONBLOCK: the path may have been swapped for a FIFO since the stat.
  int FD;
  do
    FD = ::open(P.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  while (FD < 0 && errno == EINTR);
  if (FD < 0)
    return readFailure(errno);
  struct Closer {
    int FD;
    ~Closer() { ::close(FD); }
  } Close{FD};
  if (::fstat(FD, &St) != 0)
    return readFailure(errno);
  if (auto Kind = kindOf(St.st_mode))
    return notRegular(*Kind);
  // A regular file can still grow while it is read, or report size 0 (/proc): read at most
  // one byte past the limit, whatever the size said.
  std::string Out;
  Out.reserve(static_cast<size_t>(St.st_size));
  char Chunk[1 << 16];
  while (true) {
    ssize_t N = ::read(FD, Chunk, sizeof Chunk);
    if (N < 0) {
      if (errno == EINTR)
        continue;
      return readFailure(errno);
    }
    if (N == 0)
      break;
    if (Out.size() + static_cast<size_t>(N) > Limit)
      return tooLarge(Limit, Limit, true);
    Out.append(Chunk, static_cast<size_t>(N));
    // A short read that brought the whole size fstat gave is the end: no read to see 0 (one
    // system call of five per file, thousands of small migrations). A file of size 0 (/proc)
    // or one that grew is read on until read says so.
    if (St.st_size > 0 && Out.size() == static_cast<size_t>(St.st_size) &&
        static_cast<size_t>(N) < sizeof Chunk)
      break;
  }
  return Out;
}

std::string absolutePath(llvm::StringRef P) {
  static const std::optional<std::string> Cwd = [] {
    llvm::SmallString<256> D;
    return llvm::sys::fs::current_path(D) ? std::nullopt : std::optional<std::string>(D.str());
  }();
  llvm::SmallString<256> Out;
  if (llvm::sys::path::is_absolute(P)) {
    Out = P;
  } else if (Cwd) {
    Out = *Cwd;
    llvm::sys::path::append(Out, P);
  } else { // no working directory (removed): as LLVM does it
    Out = P;
    llvm::sys::fs::make_absolute(Out);
  }
  llvm::sys::path::remove_dots(Out, /*remove_dot_dot=*/true);
  return Out.str().str();
}

std::string AbsolutePaths::of(llvm::StringRef P) {
  llvm::StringRef Name = llvm::sys::path::filename(P);
  // Only a plain name is added as it is ("x/." and "x/.." change the folder).
  if (Name.empty() || Name == "." || Name == ".." || Name == "/" || P.ends_with("/") ||
      P.starts_with("//")) // a root name to LLVM
    return absolutePath(P);
  llvm::StringRef Folder = llvm::sys::path::parent_path(P);
  if (!Have || Folder != LastFolder) {
    LastFolder = Folder.str();
    LastAbsolute = absolutePath(Folder);
    Have = true;
  }
  llvm::SmallString<256> Out(LastAbsolute);
  llvm::sys::path::append(Out, Name);
  return Out.str().str();
}

} // namespace cascade
