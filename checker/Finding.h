// The one value every front end consumes: a check's verdict on a byte range of SQL text.
#ifndef CASCADE_CHECKER_FINDING_H
#define CASCADE_CHECKER_FINDING_H

#include <cstddef>
#include <string>
#include <vector>

namespace cascade {

/// Replace [Offset, Offset+Length) of the analysed text with Text.
struct Edit {
  size_t Offset = 0;
  size_t Length = 0;
  std::string Text;
  bool operator==(const Edit &O) const {
    return Offset == O.Offset && Length == O.Length && Text == O.Text;
  }
};

struct Note {
  size_t Begin = 0, End = 0;
  std::string Message;
  bool operator==(const Note &O) const {
    return Begin == O.Begin && End == O.End && Message == O.Message;
  }
};

enum class Severity { Note, Warning, Error };

struct Finding {
  std::string CheckId; // e.g. "cascade-missing-on-delete"; diagnostics use "cascade-diagnostic-error"
  Severity Level = Severity::Warning;
  size_t Begin = 0, End = 0; // byte range in the analysed text
  std::string Message;
  std::vector<Note> Notes;
  std::vector<Edit> Edits;
  /// cascade-blocked-delete-path: the tables a root delete passes through, root first, this
  /// key's child table last (machine-readable outputs carry it as a list).
  std::vector<std::string> DeletePath;
  bool operator==(const Finding &O) const {
    return CheckId == O.CheckId && Level == O.Level && Begin == O.Begin && End == O.End &&
           Message == O.Message && Notes == O.Notes && Edits == O.Edits &&
           DeletePath == O.DeletePath;
  }
};

/// Not a check: the id carried by parse errors and other problems with the input itself.
inline constexpr const char *DiagnosticErrorId = "cascade-diagnostic-error";
/// Problems with suppression comments (unknown check, unmatched NOLINTBEGIN).
inline constexpr const char *NolintDiagnosticId = "cascade-tidy-nolint";

} // namespace cascade

#endif
