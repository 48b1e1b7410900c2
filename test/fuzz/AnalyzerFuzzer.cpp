// The SQL analyzer on arbitrary bytes, the way `cascade-tidy file.sql` runs it: text the CLI
// would read (non-empty, UTF-8, no NUL), goose/migrate Down sections blanked or not, a fresh
// catalog per input, every check enabled, NOLINT comments applied, each finding placed on a line.
// Invariant: no crash, no sanitizer report, and every range a finding, note or edit names lies
// inside the text.
#include "FuzzSupport.h"

#include "Nolint.h"

using namespace cascade;

static void checkRange(llvm::StringRef Sql, size_t Begin, size_t End, const char *What) {
  if (Begin > End || End > Sql.size())
    fuzz::invariantFailed("analyzer", std::string(What) + " range [" + std::to_string(Begin) +
                                          ", " + std::to_string(End) + ") outside a text of " +
                                          std::to_string(Sql.size()) + " bytes");
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Text(reinterpret_cast<const char *>(Data), Size);
  if (Text.empty() || validateText(Text))
    return 0; // the CLI reports these files and does not analyse them
  uint64_t Hash = fuzz::inputHash(Data, Size);
  CheckerOptions Opts = fuzz::optionsFor(Hash);
  Opts.Analyzer.Fragments = (Hash >> 4) % 4 == 0; // SQL as found in C/C++ string literals
  std::string Sql = Text.str();
  if ((Hash >> 6) & 1)
    blankDownSections(Sql);

  CheckResult R = checkSql(Sql, Opts);
  NolintFilter Nolint(Sql, R.Parsed.Comments);
  LineTable Lines(Sql);
  for (const Finding &F : R.Findings) {
    checkRange(Sql, F.Begin, F.End, "finding");
    for (const Note &N : F.Notes)
      checkRange(Sql, N.Begin, N.End, "note");
    for (const Edit &E : F.Edits)
      checkRange(Sql, E.Offset, E.Offset + E.Length, "edit");
    if (F.Level != Severity::Note)
      (void)Nolint.suppresses(F);
    (void)Lines.lineText(Lines.line(F.Begin));
    (void)Lines.column(F.Begin);
  }
  for (const Finding &P : Nolint.problems())
    checkRange(Sql, P.Begin, P.End, "nolint diagnostic");
  return 0;
}
