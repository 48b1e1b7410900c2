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

std::vector<Edit> selectFixEdits(const std::vector<Finding> &Findings, std::vector<bool> &Fixed,
                                 unsigned &Offered) {
  struct Pending {
    Edit E;
    size_t Finding;
  };
  std::vector<Pending> All;
  Fixed.assign(Findings.size(), false);
  Offered = 0;
  for (size_t I = 0; I < Findings.size(); ++I) {
    if (Findings[I].Edits.empty() || Findings[I].Level == Severity::Error)
      continue;
    ++Offered;
    Fixed[I] = true;
    for (const Edit &E : Findings[I].Edits)
      All.push_back({E, I});
  }
  llvm::stable_sort(All,
                    [](const Pending &A, const Pending &B) { return A.E.Offset < B.E.Offset; });
  std::vector<Edit> Accepted;
  size_t End = 0;
  for (const Pending &P : All) {
    bool Duplicate = !Accepted.empty() && Accepted.back() == P.E;
    if (!Duplicate && (P.E.Offset < End || (!Accepted.empty() && P.E.Offset == End &&
                                            P.E.Length == 0 && Accepted.back().Length == 0))) {
      Fixed[P.Finding] = false; // conflicts with an earlier fix
      continue;
    }
    if (!Duplicate)
      Accepted.push_back(P.E);
    End = std::max(End, P.E.Offset + P.E.Length);
  }
  std::vector<Edit> Final;
  for (const Pending &P : All)
    if (Fixed[P.Finding] && (Final.empty() || !(Final.back() == P.E)))
      Final.push_back(P.E);
  return Final;
}

} // namespace cascade
