#include "FixItPlanner.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace cascade {

static std::string spell(llvm::StringRef Words, bool Lower) {
  return Lower ? Words.lower() : Words.str();
}

Edit planOnDelete(const ReferencesClause &Ref, Action NewAction) {
  const ActionClause &D = Ref.OnDelete;
  if (D.Explicit)
    return Edit{D.ActionBegin, D.ActionEnd - D.ActionBegin,
                spell(actionSql(NewAction), D.LowerCase) + (D.NeedsTrailingBlank ? " " : "")};
  std::string Words = (llvm::Twine(" ON DELETE ") + actionSql(NewAction)).str();
  if (Ref.InsertNeedsTrailingBlank)
    Words += ' ';
  return Edit{Ref.InsertAt, 0, spell(Words, Ref.LowerCase)};
}

size_t applyEdits(std::string &Text, std::vector<Edit> Edits) {
  llvm::stable_sort(Edits, [](const Edit &A, const Edit &B) { return A.Offset < B.Offset; });
  Edits.erase(std::unique(Edits.begin(), Edits.end()), Edits.end());
  std::string Out;
  size_t Pos = 0, Applied = 0;
  for (const Edit &E : Edits) {
    if (E.Offset < Pos || E.Offset + E.Length > Text.size())
      continue;
    Out.append(Text, Pos, E.Offset - Pos);
    Out += E.Text;
    Pos = E.Offset + E.Length;
    ++Applied;
  }
  Out.append(Text, Pos, std::string::npos);
  Text = std::move(Out);
  return Applied;
}

} // namespace cascade
