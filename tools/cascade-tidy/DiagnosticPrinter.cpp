#include "DiagnosticPrinter.h"

#include <algorithm>
#include <string>

namespace cascade {

namespace {

unsigned digits(unsigned N) {
  unsigned D = 1;
  while (N >= 10) {
    N /= 10;
    ++D;
  }
  return D;
}

/// The snippet: `  NN | line`, then `     | ^~~~`, then the fix-it line when it is on this line.
void printSnippet(llvm::raw_ostream &OS, const LineTable &Lines, size_t Begin, size_t End,
                  const std::vector<Edit> *Edits) {
  unsigned Line = Lines.line(Begin);
  llvm::StringRef Src = Lines.lineText(Line);
  unsigned Width = std::max(4u, digits(Line));
  std::string Gutter(Width + 2, ' ');
  OS.indent(Width + 1 - digits(Line)) << Line << " | " << Src << "\n";
  unsigned Col = Lines.column(Begin);
  std::string Marks(Col - 1, ' ');
  Marks += '^';
  size_t LineEnd = Lines.lineStart(Line) + Src.size();
  for (size_t I = Begin + 1; I < std::min(End, LineEnd); ++I)
    Marks += '~';
  OS << Gutter << "| " << Marks << "\n";
  if (!Edits)
    return;
  std::string FixLine;
  for (const Edit &E : *Edits) {
    if (Lines.line(E.Offset) != Line || E.Text.find('\n') != std::string::npos)
      continue;
    size_t At = Lines.column(E.Offset) - 1;
    if (FixLine.size() > At)
      continue;
    FixLine.resize(At, ' ');
    FixLine += E.Text;
  }
  if (!FixLine.empty())
    OS << Gutter << "| " << FixLine << "\n";
}

} // namespace

void printFinding(llvm::raw_ostream &OS, llvm::StringRef Path, llvm::StringRef Text,
                  const LineTable &Lines, const Finding &F, const PrintOptions &P) {
  bool Error = F.Level == Severity::Error || P.AsError;
  const char *Level = Error ? "error: " : F.Level == Severity::Note ? "note: " : "warning: ";
  OS << Path << ":" << Lines.line(F.Begin) << ":" << Lines.column(F.Begin) << ": " << Level
     << F.Message;
  if (!F.CheckId.empty())
    OS << " [" << F.CheckId
       << (P.AsError && F.Level != Severity::Error ? ",-warnings-as-errors" : "") << "]";
  OS << "\n";
  if (P.ShowSnippet)
    printSnippet(OS, Lines, F.Begin, F.End, &F.Edits);
  for (const Note &N : F.Notes) {
    OS << Path << ":" << Lines.line(N.Begin) << ":" << Lines.column(N.Begin) << ": note: "
       << N.Message << "\n";
    printSnippet(OS, Lines, N.Begin, N.End, nullptr);
  }
}

} // namespace cascade
