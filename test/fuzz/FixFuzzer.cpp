// The fix planner: the edits `cascade-tidy --fix` applies, checked on arbitrary SQL.
// Invariants, for each finding that offers a fix (at most MaxFixes per input):
//   1. applying its edits alone gives text that still tokenizes when the input did, and that
//      still parses when the input did (a fix is legal in every token context);
//   2. a re-run no longer reports that finding (its check id and message occur fewer times);
//   3. a second run of --fix over the fixed text changes nothing for the findings the first run
//      fixed: fixAll(fixAll(text)) == fixAll(text).
// A violation is one stderr line ("==cascade-fuzz== fix: invariant violated: ...") and a trap.
#include "FuzzSupport.h"

#include "FixItPlanner.h"
#include "PgQuery.h"
#include "Tokens.h"

#include "llvm/ADT/StringExtras.h"

#include <cstdlib>
#include <map>

using namespace cascade;

namespace {

constexpr size_t MaxFixes = 8;

using FindingKey = std::pair<std::string, std::string>; // check id, message

FindingKey keyOf(const Finding &F) { return {F.CheckId, F.Message}; }

bool offersFix(const Finding &F) { return !F.Edits.empty() && F.Level != Severity::Error; }

std::map<FindingKey, size_t> countFindings(const std::vector<Finding> &Findings) {
  std::map<FindingKey, size_t> Out;
  for (const Finding &F : Findings)
    ++Out[keyOf(F)];
  return Out;
}

bool tokenizes(const std::string &Text) { return !tokenize(Text).Error; }

bool parses(const std::string &Text) { return !parseJson(Text)->error; }

/// What `cascade-tidy --fix` applies: every finding's edits, except a finding one of whose
/// edits overlaps an earlier accepted one, or inserts at the same offset as an earlier insertion
/// (main.cpp's applyFixes; identical edits from two findings go in once).
std::string fixAll(const std::string &Text, const std::vector<Finding> &Findings) {
  struct Pending {
    const Edit *E;
    size_t Finding;
  };
  std::vector<Pending> All;
  std::vector<bool> Fixed(Findings.size(), false);
  for (size_t I = 0; I < Findings.size(); ++I) {
    if (!offersFix(Findings[I]))
      continue;
    Fixed[I] = true;
    for (const Edit &E : Findings[I].Edits)
      All.push_back({&E, I});
  }
  std::stable_sort(All.begin(), All.end(), [](const Pending &A, const Pending &B) {
    return A.E->Offset < B.E->Offset;
  });
  std::vector<const Edit *> Accepted;
  size_t End = 0;
  for (const Pending &P : All) {
    bool Duplicate = !Accepted.empty() && *Accepted.back() == *P.E;
    if (!Duplicate && (P.E->Offset < End || (!Accepted.empty() && P.E->Offset == End &&
                                             P.E->Length == 0 && Accepted.back()->Length == 0))) {
      Fixed[P.Finding] = false;
      continue;
    }
    if (!Duplicate)
      Accepted.push_back(P.E);
    End = std::max(End, P.E->Offset + P.E->Length);
  }
  std::vector<Edit> Final;
  for (const Pending &P : All)
    if (Fixed[P.Finding] && (Final.empty() || !(Final.back() == *P.E)))
      Final.push_back(*P.E);
  std::string Out = Text;
  applyEdits(Out, Final);
  return Out;
}

/// An insertion directly followed by a word, number, quote or dollar sign: the known gluing of
/// issue 8 item 3. Skipped when CASCADE_FUZZ_SKIP_GLUED_INSERTIONS is set, to look past it
/// while it is being fixed (docs/fuzzing.md).
bool gluedInsertion(const std::string &Text, const Finding &F) {
  static const bool Skip = std::getenv("CASCADE_FUZZ_SKIP_GLUED_INSERTIONS");
  if (!Skip)
    return false;
  for (const Edit &E : F.Edits) {
    size_t After = E.Offset + E.Length;
    if (After < Text.size() && !llvm::isSpace(Text[After]) &&
        !llvm::StringRef(",);").contains(Text[After]) && !E.Text.empty() &&
        !llvm::isSpace(E.Text.back()))
      return true;
  }
  return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  llvm::StringRef Input(reinterpret_cast<const char *>(Data), Size);
  if (Input.empty() || validateText(Input))
    return 0;
  const CheckerOptions Opts = fuzz::optionsFor(fuzz::inputHash(Data, Size));
  const std::string Text = Input.str();
  CheckResult Before = checkSql(Text, Opts);
  if (llvm::none_of(Before.Findings, offersFix) ||
      llvm::any_of(Before.Findings, [&](const Finding &F) { return gluedInsertion(Text, F); }))
    return 0;
  const bool Tokenized = tokenizes(Text), Parsed = parses(Text);
  std::map<FindingKey, size_t> CountBefore = countFindings(Before.Findings);

  size_t Tried = 0;
  for (const Finding &F : Before.Findings) {
    if (!offersFix(F) || Tried++ == MaxFixes)
      continue;
    std::string Fixed = Text;
    applyEdits(Fixed, F.Edits);
    std::string Where = " (" + F.CheckId + " at byte " + std::to_string(F.Begin) + ": " +
                        fuzz::around(Fixed, F.Edits.front().Offset) + ")";
    if (Tokenized && !tokenizes(Fixed))
      fuzz::invariantFailed("fix", "fixed text no longer tokenizes" + Where);
    if (Parsed && !parses(Fixed))
      fuzz::invariantFailed("fix", "fixed text no longer parses" + Where);
    CheckResult After = checkSql(Fixed, Opts);
    if (countFindings(After.Findings)[keyOf(F)] >= CountBefore[keyOf(F)])
      fuzz::invariantFailed("fix", "finding still reported after its fix: " + F.Message + Where);
  }

  std::string Once = fixAll(Text, Before.Findings);
  std::string Twice = fixAll(Once, checkSql(Once, Opts).Findings);
  if (Twice != Once) {
    size_t At = 0;
    while (At < Once.size() && At < Twice.size() && Once[At] == Twice[At])
      ++At;
    fuzz::invariantFailed("fix", "a second --fix changes the text again at byte " +
                                     std::to_string(At) + ": " + fuzz::around(Twice, At));
  }
  return 0;
}
