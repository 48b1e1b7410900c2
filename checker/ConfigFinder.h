// One configuration for cascade-tidy and the clang-tidy module: the nearest .cascade-tidy.yaml
// above a file, or, when there is none, the cascade keys of the nearest .clang-tidy's CheckOptions.
#ifndef CASCADE_CHECKER_CONFIGFINDER_H
#define CASCADE_CHECKER_CONFIGFINDER_H

#include "Config.h"

#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

inline constexpr const char *ClangTidyConfigFileName = ".clang-tidy";

/// The CheckOptions keys both tools share, read per check (`cascade-<check>.Key`) or global (`Key`).
const std::vector<std::string> &sharedOptionKeys();

/// A CheckOptions boolean: true/false, on/off, yes/no, 1/0 (any case); nullopt for anything else.
std::optional<bool> parseOptionBool(llvm::StringRef V);

/// A `;`-separated CheckOptions list (RootTables, ActorColumnPatterns), trimmed, empty items dropped.
std::vector<std::string> splitOptionList(llvm::StringRef V);

/// A configuration and, per key it sets, the file that set it.
struct FoundConfig {
  Config Values;
  std::map<std::string, std::string> Origins; // "RootTables" -> "/x/.clang-tidy"
};

/// The top-level keys C sets ("RootTables", "Dialect", ...), in dump order.
std::vector<std::string> keysSet(const Config &C);

/// The CheckOptions of one .clang-tidy file, as cascade keys. Other keys are ignored. Per key, each
/// check's value is its own `cascade-<check>.Key`, else the global `Key`, else the default; values
/// that differ between the checks are an error naming them (cascade-tidy has one value for all).
/// InheritParent is set from the file's InheritParentConfig.
llvm::Expected<FoundConfig> parseClangTidyConfig(llvm::StringRef Yaml, llvm::StringRef Path,
                                                 bool &InheritParent);

/// Finds configurations by walking up from a directory; caches per directory, thread-safe.
class ConfigFinder {
public:
  /// The nearest .cascade-tidy.yaml at or above Dir; if there is none, the cascade keys of the
  /// nearest .clang-tidy (with its parents when it says InheritParentConfig); else nullopt.
  llvm::Expected<std::optional<FoundConfig>> find(const std::string &Dir);
  /// Only the nearest .cascade-tidy.yaml (the clang-tidy module reads CheckOptions itself).
  llvm::Expected<std::optional<FoundConfig>> findCascadeConfig(const std::string &Dir);

private:
  using Result = llvm::Expected<std::optional<FoundConfig>>;
  Result nearest(const std::string &Dir, const char *FileName,
                 std::map<std::string, std::optional<FoundConfig>> &Cache);
  Result clangTidyAt(const std::string &Dir);
  std::mutex Lock;
  std::map<std::string, std::optional<FoundConfig>> CascadeCache, ClangTidyCache;
};

} // namespace cascade

#endif
