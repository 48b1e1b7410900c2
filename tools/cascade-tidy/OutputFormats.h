// --format and --output: the findings of a run as JSON, SARIF 2.1.0, GitHub workflow commands
// or a GitLab Code Quality report, for CI steps (docs/ci.md).
#ifndef CASCADE_TIDY_OUTPUTFORMATS_H
#define CASCADE_TIDY_OUTPUTFORMATS_H

#include "SqlFrontEnd.h"

#include "llvm/Support/raw_ostream.h"

#include <optional>
#include <string>
#include <vector>

namespace cascade {

enum class OutputFormat { Clang, Json, Sarif, Github, Gitlab };

/// "clang", "json", "sarif", "github" or "gitlab".
std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name);

/// The version machine-readable outputs name (SARIF's tool.driver.version, JSON's tool.version).
std::string toolVersionForOutput();

/// Writes the findings of Reports (files that could not be read are left to the diagnostics on
/// stderr) in Format, files ordered by path so that merged shards equal an unsharded run.
/// ExecutionSuccessful: false when the run exits with status 2 (SARIF invocations).
void writeFindings(llvm::raw_ostream &OS, OutputFormat Format,
                   const std::vector<FileReport> &Reports, bool ExecutionSuccessful);

/// The order of files in every format: by SARIF (uriBaseId, uri) of the path, so that merged
/// SARIF shards (sorted by the same key) equal an unsharded run. Cwd with forward slashes.
std::pair<std::string, std::string> sarifFileOrder(llvm::StringRef Path, llvm::StringRef Cwd);

/// GitHub workflow-command escaping: for the message (Property false) and for a property value.
std::string githubEscape(llvm::StringRef S, bool Property);

} // namespace cascade

#endif
