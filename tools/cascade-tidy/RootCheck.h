// No silent passes on roots: a configured root that no input creates, a `TABLE.COLUMN` root
// meant as `TABLE(COLUMN)`, and a default root absent from a schema that has foreign keys.
#ifndef CASCADE_TIDY_ROOTCHECK_H
#define CASCADE_TIDY_ROOTCHECK_H

#include "SqlFrontEnd.h"

#include <string>
#include <vector>

namespace cascade {

/// What the run's inputs say about tables, gathered from every SQL report (replayed files
/// included, reported or not).
struct RootInputs {
  std::vector<CreatedTable> Tables;
  std::vector<QualifiedName> Referenced;
  std::vector<QualifiedName> LoneReferenced; // referenced from files outside a migration set
  /// The inputs may not hold the whole schema: a C/C++ input, a file that could not be read or
  /// parsed, a lone file's FK to a table no input creates, or no CREATE TABLE at all. An
  /// unknown root is then a note, not an error. A migration set counts as the whole schema:
  /// its keys to tables it never creates get notes of their own (ReportUnknownParents).
  bool Partial = false;
  bool HasCxx = false;
  std::vector<std::string> Placeholders; // the inputs name tables with: shown unquoted
  void add(const FileReport &R, bool InSet);
};

/// The roots in effect for some input, and where they came from.
struct RootsInUse {
  std::vector<RootTable> Roots;
  std::string Source; // FileSettings::RootsSource; "" for the default [users]
};

struct RootMessage {
  bool Error = false; // exit status 2
  std::string Text;
};

/// The messages for the roots in use (each distinct root spoken of once), in a stable order.
std::vector<RootMessage> checkRoots(const std::vector<RootsInUse> &Uses, const RootInputs &In);

} // namespace cascade

#endif
