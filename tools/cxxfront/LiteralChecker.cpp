#include "LiteralChecker.h"

#include "SourceText.h"

#include "llvm/ADT/StringExtras.h"

namespace cascade {

bool checkableEncoding(LiteralEncoding E) {
  return E == LiteralEncoding::Ordinary || E == LiteralEncoding::Utf8;
}

bool mentionsReferences(llvm::StringRef Text) { return Text.contains_insensitive("references"); }

std::vector<Finding> checkLiteral(const DecodedLiteral &Lit, const LiteralLocator &Where,
                                  const CheckerOptions &Opts, bool AllowFixes) {
  std::vector<Finding> Out;
  if (!mentionsReferences(Lit.Bytes))
    return Out;
  if (std::optional<Finding> Note = undecodableLiteralNote(Lit, Where)) {
    Out.push_back(std::move(*Note));
    return Out;
  }
  CheckerOptions Fragment = Opts;
  Fragment.Analyzer.Fragments = true;
  CheckResult R = checkSql(Lit.Bytes, Fragment);
  return mapLiteralFindings(std::move(R.Findings), Where, AllowFixes);
}

std::optional<Finding> undecodableLiteralNote(const DecodedLiteral &Lit,
                                              const LiteralLocator &Where) {
  if (!validateText(Lit.Bytes))
    return std::nullopt;
  Finding F;
  F.Level = Severity::Note;
  F.Begin = F.End = Where.start(0);
  F.Message = "string literal holds bytes that are not UTF-8 text; its SQL is not checked";
  return F;
}

std::vector<Finding> mapLiteralFindings(std::vector<Finding> Found, const LiteralLocator &Where,
                                        bool AllowFixes) {
  std::vector<Finding> Out;
  for (Finding F : Found) {
    if (F.Level == Severity::Error)
      continue;
    size_t Begin = Where.start(F.Begin), End = Where.end(F.End);
    F.Begin = Begin;
    F.End = std::max(Begin, End);
    for (Note &N : F.Notes) {
      size_t NB = Where.start(N.Begin), NE = Where.end(N.End);
      N.Begin = NB;
      N.End = std::max(NB, NE);
    }
    std::vector<Edit> Mapped;
    bool Fixable = AllowFixes;
    for (const Edit &E : F.Edits) {
      if (!Fixable)
        break;
      size_t EB = E.Length ? Where.start(E.Offset) : Where.end(E.Offset);
      size_t EE = E.Length ? Where.end(E.Offset + E.Length) : EB;
      const LiteralChunk *C = Where.chunkAt(EB);
      std::optional<std::string> Text = C ? spellInLiteral(*C, E.Text) : std::nullopt;
      if (!C || Where.chunkAt(EE) != C || !Text) {
        Fixable = false;
        break;
      }
      Mapped.push_back({EB, EE - EB, *Text});
    }
    F.Edits = Fixable ? Mapped : std::vector<Edit>{};
    Out.push_back(std::move(F));
  }
  return Out;
}

} // namespace cascade
