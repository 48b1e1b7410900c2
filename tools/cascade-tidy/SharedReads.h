// One read per input file in a command-line run: dialect detection (before the thread pool)
// keeps the text it read, and the SQL front end takes it instead of reading the file again.
// Off unless enableSharedReads() was called: the language server reads files again on purpose
// (they change between requests), so it never turns it on.
#ifndef CASCADE_TIDY_SHAREDREADS_H
#define CASCADE_TIDY_SHAREDREADS_H

#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace cascade {

/// Turns the sharing on for the rest of the process (cascade-tidy's main, once).
void enableSharedReads();

/// Keeps a copy of Text, read from Path (as spelled), for one later takeSharedRead(Path).
/// Does nothing unless sharing is on, or once 4 MiB of texts are kept (those files are read
/// again when they are checked).
void keepSharedRead(llvm::StringRef Path, const std::string &Text);

/// The text kept for Path, removed from the store; nullopt when none was kept or when it is
/// larger than Limit (the caller then reads the file and reports the size as usual).
std::optional<std::string> takeSharedRead(llvm::StringRef Path, uint64_t Limit);

} // namespace cascade

#endif
