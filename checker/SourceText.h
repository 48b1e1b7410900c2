// Byte offsets to 1-based lines and columns, and the checks that make a buffer analysable text.
#ifndef CASCADE_CHECKER_SOURCETEXT_H
#define CASCADE_CHECKER_SOURCETEXT_H

#include "Finding.h"

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <vector>

namespace cascade {

class LineTable {
public:
  explicit LineTable(llvm::StringRef Text);
  unsigned line(size_t Offset) const;   // 1-based
  unsigned column(size_t Offset) const; // 1-based, in bytes; a leading BOM is not counted
  size_t lineStart(unsigned Line) const;
  /// The line's text without its line break.
  llvm::StringRef lineText(unsigned Line) const;

private:
  llvm::StringRef Text;
  std::vector<size_t> Starts;
  size_t Bom = 0;
};

/// An error finding when Text cannot be analysed as SQL text: NUL bytes (a binary file) or
/// invalid UTF-8. Its offset is the first bad byte.
std::optional<Finding> validateText(llvm::StringRef Text);

/// Text safe to print on one line of a diagnostic, a comment or a log: control characters
/// (C0, DEL, C1), line and paragraph separators and bidirectional overrides are spelled as
/// escapes (`\n`, `\x1b`, `\u{2028}`) and a backslash as `\\`, so a hostile name can neither
/// end a line nor reorder what follows. Invalid UTF-8 bytes are spelled `\xNN`.
std::string escapeControl(llvm::StringRef Text);

} // namespace cascade

#endif
