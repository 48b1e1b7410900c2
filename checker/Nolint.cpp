#include "Nolint.h"
#include "Check.h"

#include "llvm/ADT/StringExtras.h"

namespace cascade {

namespace {
enum class Kind { SameLine, NextLine, Begin, End };
}

NolintFilter::NolintFilter(llvm::StringRef Text, const std::vector<Token> &Comments)
    : Lines(Text) {
  struct Open {
    size_t Offset;
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
          List = Rest.take_front(Close).str();
          for (const std::string &Name : GlobList(List).literalNames())
            if (!isKnownCheck(Name))
              Problem(Offset, Severity::Warning,
                      "unknown check '" + Name + "' in NOLINT comment; it suppresses nothing");
        }
      }
      unsigned Line = Lines.line(Offset);
      switch (K) {
      case Kind::SameLine:
        Regions.push_back({Line, Line, GlobList(List)});
        break;
      case Kind::NextLine:
        Regions.push_back({Line + 1, Line + 1, GlobList(List)});
        break;
      case Kind::Begin:
        Stack.push_back({Offset, List});
        break;
      case Kind::End: {
        auto It = std::find_if(Stack.rbegin(), Stack.rend(),
                               [&](const Open &O) { return O.List == List; });
        if (It == Stack.rend()) {
          Problem(Offset, Severity::Error,
                  "unmatched 'NOLINTEND' comment without a previous 'NOLINTBEGIN' comment");
          break;
        }
        Regions.push_back({Lines.line(It->Offset), Line, GlobList(List)});
        Stack.erase(std::next(It).base());
        break;
      }
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
  unsigned Line = Lines.line(F.Begin);
  for (const Region &R : Regions)
    if (Line >= R.FirstLine && Line <= R.LastLine && R.Checks.contains(F.CheckId))
      return true;
  return false;
}

} // namespace cascade
