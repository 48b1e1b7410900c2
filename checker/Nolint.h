// clang-tidy's suppression comments, read from SQL comments: NOLINT, NOLINTNEXTLINE,
// NOLINTBEGIN/NOLINTEND, each with an optional (check, glob*) list.
#ifndef CASCADE_CHECKER_NOLINT_H
#define CASCADE_CHECKER_NOLINT_H

#include "Finding.h"
#include "GlobList.h"
#include "SourceText.h"
#include "Tokens.h"

#include <optional>
#include <string>
#include <vector>

namespace cascade {

class NolintFilter {
public:
  /// With OwnNamesOnly (C/C++ files, where NOLINT also names other tools' checks), only
  /// unknown names that start with "cascade-" are diagnosed.
  NolintFilter(llvm::StringRef Text, const std::vector<Token> &Comments,
               bool OwnNamesOnly = false);
  bool suppresses(const Finding &F) const;
  /// Unknown check names and unmatched NOLINTBEGIN/NOLINTEND comments.
  const std::vector<Finding> &problems() const { return Problems; }

private:
  /// NOLINT / NOLINTNEXTLINE cover lines; a NOLINTBEGIN/END pair covers the bytes between them.
  struct Region {
    bool ByLine;
    size_t First, Last; // lines when ByLine, else byte offsets
    GlobList Checks;
  };
  std::optional<LineTable> Lines; // built at the first directive: most files have none
  std::vector<Region> Regions;
  std::vector<Finding> Problems;
};

} // namespace cascade

#endif
