// .cascade-tidy.yaml: found by walking up from each file, like .clang-tidy.
#ifndef CASCADE_CHECKER_CONFIG_H
#define CASCADE_CHECKER_CONFIG_H

#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace cascade {

inline constexpr const char *ConfigFileName = ".cascade-tidy.yaml";

/// One MigrationSets entry: a set that discovery would get wrong, described by hand. Paths
/// are relative to the configuration's folder.
struct MigrationSetConfig {
  std::string Path;
  std::optional<std::vector<std::string>> Schema;
  std::optional<std::string> Dialect; // auto, postgres, cockroach, mysql, sqlite
  std::optional<std::vector<std::string>> RootTables;
  std::string Directory; // the configuration's folder (absolute), not read from YAML
};

struct Config {
  std::optional<std::string> Checks;
  std::optional<std::string> WarningsAsErrors;
  std::optional<std::vector<std::string>> RootTables;
  std::optional<std::string> Dialect;
  std::optional<bool> AllowSetNull;
  std::optional<std::string> OwnershipPolicy;                 // structural | cascade-all
  std::optional<std::vector<std::string>> ActorColumnPatterns; // globs, '-' negates
  std::optional<std::vector<std::string>> FrozenMigrations;
  std::optional<std::vector<MigrationSetConfig>> MigrationSets;
  /// What C/C++ files are judged against; relative paths are made absolute against the
  /// configuration file's directory when it is read.
  std::optional<std::vector<std::string>> CxxSchema;
  std::optional<std::string> CxxMigrations;
  std::string CxxCatalogSource; // the file that set them
  std::string Source; // the file it came from, "" for built-in defaults
  std::string Directory; // FrozenMigrations globs are relative to it
  std::string RootTablesSource; // the file RootTables came from; "" for the default

  /// Fields set in Over replace ours.
  void mergeFrom(const Config &Over);
};

/// Parses YAML; unknown keys and ill-typed values are errors naming Path.
llvm::Expected<Config> parseConfig(llvm::StringRef Yaml, llvm::StringRef Path);
llvm::Expected<Config> readConfigFile(llvm::StringRef Path);
std::string dumpConfig(const Config &C);

} // namespace cascade

#endif
