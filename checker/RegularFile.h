// Reading an input safely: only regular files, never more than a limit. A FIFO named x.sql, a
// link to /dev/zero or a directory where a file is expected must give a message, not a hang or
// gigabytes of memory.
#ifndef CASCADE_CHECKER_REGULARFILE_H
#define CASCADE_CHECKER_REGULARFILE_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>

namespace cascade {

/// The default size limit of one SQL or C/C++ input (--max-input-size).
inline constexpr uint64_t DefaultMaxInputBytes = 64ull << 20;
/// Configuration files are small: a larger one is a mistake, not a configuration.
inline constexpr uint64_t MaxConfigBytes = 1ull << 20;

/// What a path names, in words for a message: "a FIFO", "a directory", "a character device",
/// "a block device", "a socket"; nullopt for a regular file (or when it cannot be told).
/// Follows symlinks.
std::optional<std::string> nonRegularKind(llvm::StringRef Path);

/// The bytes of Path when it is a regular file of at most Limit bytes. The errors read
/// "not a regular file (a FIFO)", "file is larger than the limit of 64 MiB (N bytes)",
/// "cannot read file: <reason>" (the caller names the path). The file is opened without
/// blocking and checked again on the open descriptor, so a FIFO swapped in after a check
/// cannot make it wait.
llvm::Expected<std::string> readRegularFile(llvm::StringRef Path, uint64_t Limit);

/// P made absolute, with . and .. removed (no symlinks resolved). The working directory is
/// looked up once per process (no tool changes it): llvm::sys::fs::make_absolute asks the
/// system for it (getcwd and two stats of $PWD) on every call, a fifth of finding the sets of a
/// large tree.
std::string absolutePath(llvm::StringRef P);

/// absolutePath for many paths in a row: a path in the same folder as the one before it (as a
/// walk lists them) takes that folder's absolute path and adds its name.
class AbsolutePaths {
public:
  std::string of(llvm::StringRef P);

private:
  bool Have = false;
  std::string LastFolder, LastAbsolute; // as spelled, and absolute
};

/// "64 MiB", "512 KiB", "100 bytes": a limit as the messages show it.
std::string describeSize(uint64_t Bytes);

} // namespace cascade

#endif
