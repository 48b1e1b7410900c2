#include "Nolint.h"
#include "Check.h"

#include "llvm/ADT/StringExtras.h"

namespace cascade {

namespace {
enum class Kind { SameLine, NextLine, Begin, End };
}

NolintFilter::NolintFilter(llvm::StringRef Text, const std::vector<Token> &Comments,
                           bool OwnNamesOnly) {
  struct Open {
    size_t Offset; // of the NOLINTBEGIN word
    size_t After;  // end of its comment: the region starts there
    std::string List;
  };
  std::vector<Open> Stack;
  auto Problem = [&](size_t Offset, Severity Level, std::string Message) {
    Finding F;
    F.CheckId = NolintDiagnosticId;
    F.Level = Level;
    F.Begin = F.End = Offset;
    F.Message = std::move(Message);
    Problems.push_back(std::move(F));
  };
  for (const Token &C : Comments) {
    llvm::StringRef Body = Text.slice(C.Begin, C.End);
    for (size_t At = Body.find("NOLINT"); At != llvm::StringRef::npos;
         At = Body.find("NOLINT", At + 6)) {
      llvm::StringRef Rest = Body.drop_front(At + 6);
      Kind K = Kind::SameLine;
      if (Rest.consume_front("NEXTLINE"))
        K = Kind::NextLine;
      else if (Rest.consume_front("BEGIN"))
        K = Kind::Begin;
      else if (Rest.consume_front("END"))
        K = Kind::End;
      if (!Rest.empty() && (llvm::isAlnum(Rest[0]) || Rest[0] == '_'))
        continue; // NOLINTFOO is not a suppression
      std::string List = "*";
      size_t Offset = C.Begin + At;
      if (Rest.consume_front("(")) {
        size_t Close = Rest.find(')');
        if (Close == llvm::StringRef::npos) {
          Problem(Offset, Severity::Warning,
                  "unterminated check list in NOLINT comment; it suppresses every check");
        } else {
          // Blanks do not matter, and negative globs are ignored (as clang-tidy does).
          List.clear();
          llvm::SmallVector<llvm::StringRef, 4> Items;
          Rest.take_front(Close).split(Items, ',');
          for (llvm::StringRef Item : Items) {
            std::string Name;
            for (char Ch : Item)
              if (!llvm::isSpace(Ch))
                Name += Ch;
            if (Name.empty() || Name[0] == '-')
              continue;
            List += (List.empty() ? "" : ",") + Name;
            if (Name.find('*') == std::string::npos && !isKnownCheck(Name) &&
                (!OwnNamesOnly || llvm::StringRef(Name).starts_with("cascade-")))
              Problem(Offset, Severity::Warning,
                      "unknown check '" + Name + "' in NOLINT comment; it suppresses nothing");
          }
        }
      }
      if (!Lines)
        Lines.emplace(Text);
      size_t Line = Lines->line(Offset);
      switch (K) {
      case Kind::SameLine:
        Regions.push_back({true, Line, Line, GlobList(List)});
        break;
      case Kind::NextLine:
        Regions.push_back({true, Line + 1, Line + 1, GlobList(List)});
        break;
      case Kind::Begin:
        Stack.push_back({Offset, C.End, List});
        break;
      case Kind::End:
        // Regions close last-in-first-out: an END must match the innermost open BEGIN.
        if (Stack.empty() || Stack.back().List != List) {
          Problem(Offset, Severity::Error,
                  "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment");
          break;
        }
        Regions.push_back({false, Stack.back().After, C.Begin, GlobList(List)});
        Stack.pop_back();
        break;
      }
    }
  }
  for (const Open &O : Stack)
    Problem(O.Offset, Severity::Error,
            "unmatched 'NOLINTBEGIN' comment without a subsequent 'NOLINTEND' comment");
}

bool NolintFilter::suppresses(const Finding &F) const {
  if (F.Level == Severity::Error)
    return false; // input errors are never hidden
  if (Regions.empty())
    return false;
  size_t Line = Lines->line(F.Begin); // a region was made at a directive, which built Lines
  for (const Region &R : Regions) {
    size_t At = R.ByLine ? Line : F.Begin;
    if (At >= R.First && At <= R.Last && R.Checks.contains(F.CheckId))
      return true;
  }
  return false;
}

} // namespace cascade
