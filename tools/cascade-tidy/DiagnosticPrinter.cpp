#include "DiagnosticPrinter.h"

#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Unicode.h"

#include <algorithm>
#include <string>

namespace cascade {

namespace {

/// A line up to this many bytes is shown whole; a longer one (minified or generated SQL, a
/// hostile one-line file) as a window of WindowBytes around the caret, marked with `...`.
/// Printing it whole for every finding on it multiplied the output by the line length.
constexpr size_t WholeLineBytes = 200;
constexpr size_t WindowBytes = 120;
constexpr size_t ContextBytes = 40; // shown before the caret in a window, when there
constexpr unsigned TabStop = 8;

unsigned digits(unsigned N) {
  unsigned D = 1;
  while (N >= 10) {
    N /= 10;
    ++D;
  }
  return D;
}

/// Part of a source line as the terminal shows it: tabs expanded, control characters, line
/// separators, bidi overrides and invalid bytes spelled as escapes (a file must not move the
/// cursor or forge lines), and for each byte the display column where it starts, so the caret
/// and the fix-it line stay under the right character.
struct RenderedSpan {
  std::string Text;
  std::vector<unsigned> ColumnOf; // byte offset within the span -> 0-based display column

  RenderedSpan(llvm::StringRef Src) : ColumnOf(Src.size() + 1, 0) {
    unsigned Col = 0;
    size_t I = 0;
    while (I < Src.size()) {
      size_t Start = I;
      unsigned char C = static_cast<unsigned char>(Src[I]);
      std::string Shown;
      unsigned Width;
      if (C == '\t') {
        Width = TabStop - Col % TabStop;
        Shown.assign(Width, ' ');
        ++I;
      } else if (C >= 0x20 && C < 0x7f) {
        Shown = static_cast<char>(C);
        Width = 1;
        ++I;
      } else if (C < 0x80) {
        Shown = escapeControl(Src.substr(I, 1));
        Width = Shown.size();
        ++I;
      } else {
        unsigned Len = llvm::getNumBytesForUTF8(C);
        llvm::StringRef Seq = Src.substr(I, Len);
        const auto *P = reinterpret_cast<const llvm::UTF8 *>(Seq.begin());
        llvm::UTF32 CodePoint;
        if (Seq.size() != Len ||
            llvm::convertUTF8Sequence(&P, P + Len, &CodePoint, llvm::strictConversion) !=
                llvm::conversionOK) {
          Shown = escapeControl(Src.substr(I, 1)); // an invalid byte: \xNN
          ++I;
        } else {
          std::string Escaped = escapeControl(Seq); // C1 controls, separators, bidi overrides
          int W = llvm::sys::unicode::columnWidthUTF8(Seq);
          if (Escaped != Seq)
            Shown = std::move(Escaped);
          else if (W < 0) // unprintable: shown as clang does
            Shown = llvm::formatv("<U+{0:X-4}>", static_cast<unsigned>(CodePoint)).str();
          else
            Shown = Seq.str();
          I += Len;
        }
        Width = Shown == Seq ? static_cast<unsigned>(llvm::sys::unicode::columnWidthUTF8(Seq))
                             : static_cast<unsigned>(Shown.size());
      }
      for (size_t B = Start; B < I; ++B)
        ColumnOf[B] = Col;
      Col += Width;
      Text += Shown;
    }
    ColumnOf[Src.size()] = Col;
  }

  unsigned column(size_t ByteInSpan) const {
    return ColumnOf[std::min(ByteInSpan, ColumnOf.size() - 1)];
  }
};

bool continuationByte(char C) { return (static_cast<unsigned char>(C) & 0xC0) == 0x80; }

/// The snippet: `  NN | line`, then `     | ^~~~`, then the fix-it line when it is on this line.
void printSnippet(llvm::raw_ostream &OS, const LineTable &Lines, size_t Begin, size_t End,
                  const std::vector<Edit> *Edits) {
  unsigned Line = Lines.line(Begin);
  llvm::StringRef Src = Lines.lineText(Line);
  size_t LineStart = Lines.lineStart(Line);
  size_t Caret = std::min(Begin - std::min(Begin, LineStart), Src.size());
  // The window [From, To) of the line's bytes shown, on code point boundaries.
  size_t From = 0, To = Src.size();
  if (Src.size() > WholeLineBytes) {
    From = Caret - std::min(Caret, ContextBytes);
    if (Src.size() - From < WindowBytes)
      From = Src.size() - WindowBytes;
    To = std::min(Src.size(), From + WindowBytes);
    while (From > 0 && continuationByte(Src[From]))
      --From;
    while (To < Src.size() && continuationByte(Src[To]))
      ++To;
  }
  RenderedSpan Span(Src.slice(From, To));
  std::string Before = From > 0 ? "..." : "";
  std::string After = To < Src.size() ? "..." : "";
  unsigned Shift = Before.size();
  unsigned Width = std::max(4u, digits(Line));
  std::string Gutter(Width + 2, ' ');
  OS.indent(Width + 1 - digits(Line)) << Line << " | " << Before << Span.Text << After << "\n";

  size_t RangeEnd = std::min(End - std::min(End, LineStart), Src.size());
  unsigned CaretCol = Span.column(Caret - From);
  unsigned EndCol = RangeEnd > Caret ? Span.column(std::min(RangeEnd, To) - From) : CaretCol + 1;
  std::string Marks(Shift + CaretCol, ' ');
  Marks += '^';
  if (EndCol > CaretCol + 1)
    Marks.append(EndCol - CaretCol - 1, '~');
  OS << Gutter << "| " << Marks << "\n";
  if (!Edits)
    return;
  std::string FixLine;
  for (const Edit &E : *Edits) {
    if (Lines.line(E.Offset) != Line || E.Text.find('\n') != std::string::npos)
      continue;
    size_t At = E.Offset - std::min(E.Offset, LineStart);
    if (At < From || At > To)
      continue; // outside the window shown
    size_t Col = Shift + Span.column(At - From);
    if (FixLine.size() > Col)
      continue;
    FixLine.resize(Col, ' ');
    FixLine += escapeControl(E.Text);
  }
  if (!FixLine.empty())
    OS << Gutter << "| " << FixLine << "\n";
}

/// A message as printed: escaped, and cut after MaxMessageBytes (a 1 MB name repeated in the
/// message of every key of its table would multiply the output like a long line did).
constexpr size_t MaxMessageBytes = 1024;
std::string shownMessage(llvm::StringRef Message) {
  if (Message.size() <= MaxMessageBytes)
    return escapeControl(Message);
  size_t Cut = MaxMessageBytes;
  while (Cut > 0 && continuationByte(Message[Cut]))
    --Cut;
  return escapeControl(Message.take_front(Cut)) + "... (" +
         std::to_string(Message.size() - Cut) + " more bytes)";
}

} // namespace

void printFinding(llvm::raw_ostream &OS, llvm::StringRef Path, llvm::StringRef Text,
                  const LineTable &Lines, const Finding &F, const PrintOptions &P) {
  bool Error = F.Level == Severity::Error || P.AsError;
  const char *Level = Error ? "error: " : F.Level == Severity::Note ? "note: " : "warning: ";
  // Names in messages come from the input: escaped, they cannot end the line and forge one.
  std::string ShownPath = escapeControl(Path);
  OS << ShownPath << ":" << Lines.line(F.Begin) << ":" << Lines.column(F.Begin) << ": " << Level
     << shownMessage(F.Message);
  if (!F.CheckId.empty())
    OS << " [" << F.CheckId
       << (P.AsError && F.Level != Severity::Error ? ",-warnings-as-errors" : "") << "]";
  OS << "\n";
  if (P.ShowSnippet)
    printSnippet(OS, Lines, F.Begin, F.End, &F.Edits);
  for (const Note &N : F.Notes) {
    OS << ShownPath << ":" << Lines.line(N.Begin) << ":" << Lines.column(N.Begin) << ": note: "
       << shownMessage(N.Message) << "\n";
    if (P.ShowSnippet)
      printSnippet(OS, Lines, N.Begin, N.End, nullptr);
  }
}

} // namespace cascade
