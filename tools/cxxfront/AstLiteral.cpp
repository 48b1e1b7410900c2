#include "AstLiteral.h"
#include "LiteralChecker.h"
#include "TuCatalog.h"

#include "llvm/Support/Path.h"

#include "clang/Lex/Lexer.h"

namespace cascade {

size_t astByteSource(const clang::StringLiteral &SL, size_t Offset, const clang::SourceManager &SM,
                     const clang::LangOptions &LO, const clang::TargetInfo &Target) {
  clang::SourceLocation L = SL.getLocationOfByte(static_cast<unsigned>(Offset), SM, LO, Target);
  return SM.getFileOffset(SM.getSpellingLoc(L));
}

std::optional<AstLiteral> decodeAstLiteral(const clang::StringLiteral &SL,
                                           const clang::SourceManager &SM,
                                           const clang::LangOptions &LO,
                                           const clang::TargetInfo &Target) {
  AstLiteral A;
  // Any token from a macro body (or made by stringizing) makes the whole literal unfixable:
  // an edit there would change every use of the macro.
  for (unsigned I = 0; I < SL.getNumConcatenated() && A.MacroNote.empty(); ++I) {
    clang::SourceLocation Tok = SL.getStrTokenLoc(I);
    if (!Tok.isMacroID())
      continue;
    clang::SourceLocation Spell = SM.getSpellingLoc(Tok);
    clang::SourceLocation Use = SM.getExpansionLoc(Tok);
    // The macro's name is the token written at the use.
    unsigned NameLength = clang::Lexer::MeasureTokenLength(Use, SM, LO);
    llvm::StringRef Macro(SM.getCharacterData(Use), NameLength);
    if (SM.isWrittenInScratchSpace(Spell)) {
      // #x stringizing: the text exists only in scratch space; report at the macro use.
      A.Fixable = false;
      A.Unmappable = true;
      A.File = SM.getFileID(Use);
      A.Anchor = SM.getFileOffset(Use);
      A.MacroNote = "the literal is made by stringizing in macro '" + Macro.str() +
                    "'; no automatic fix";
    } else if (!SM.isMacroArgExpansion(Tok)) {
      A.Fixable = false;
      A.MacroNote = "spelled in the body of macro '" + Macro.str() +
                    "'; no automatic fix: edit the macro";
      A.MacroUseInFile = SM.getFileID(Use) == SM.getFileID(SM.getSpellingLoc(SL.getStrTokenLoc(0)));
      A.MacroUseOffset = SM.getFileOffset(Use);
    }
  }
  for (unsigned I = 0; I < SL.getNumConcatenated(); ++I) {
    clang::SourceLocation Spell = SM.getSpellingLoc(SL.getStrTokenLoc(I));
    if (SM.isWrittenInScratchSpace(Spell)) {
      A.Unmappable = true;
      A.Fixable = false;
    }
    if (A.Unmappable)
      continue;
    clang::FileID F = SM.getFileID(Spell);
    if (I == 0)
      A.File = F;
    else if (F != A.File)
      A.Fixable = false; // concatenated across files: report, do not edit
    unsigned Length = clang::Lexer::MeasureTokenLength(Spell, SM, LO);
    bool Invalid = false;
    const char *Data = SM.getCharacterData(Spell, &Invalid);
    if (Invalid || !appendChunk(llvm::StringRef(Data, Length), SM.getFileOffset(Spell), A.Lit))
      return std::nullopt;
  }
  if (A.Unmappable) {
    if (!A.File.isValid())
      return std::nullopt;
    A.Lit = DecodedLiteral();
    A.Lit.Bytes = SL.getBytes().str();
    LiteralChunk C;
    C.ContentBegin = C.ContentEnd = A.Anchor;
    A.Lit.Chunks.push_back(C);
    return A;
  }
  if (!A.File.isValid() || SM.getFileEntryRefForID(A.File) == std::nullopt)
    return std::nullopt;
  // clang's bytes are the authority; our decoding gave the chunk layout.
  if (SL.getCharByteWidth() == 1 && SL.getBytes().size() == A.Lit.Bytes.size())
    A.Lit.Bytes = SL.getBytes().str();
  return A;
}

void addMacroNotes(const AstLiteral &A, std::vector<Finding> &Found) {
  if (A.MacroNote.empty())
    return;
  for (Finding &F : Found) {
    size_t At = A.Unmappable ? A.Anchor : (A.MacroUseInFile ? A.MacroUseOffset : F.Begin);
    F.Notes.push_back({At, At, A.MacroNote});
  }
}

std::optional<std::pair<AstLiteral, TuLiteral>>
astTuLiteral(const clang::StringLiteral &SL, const clang::SourceManager &SM,
             const clang::LangOptions &LO, const clang::TargetInfo &Target) {
  std::optional<AstLiteral> A = decodeAstLiteral(SL, SM, LO, Target);
  if (!A)
    return std::nullopt;
  TuLiteral T;
  T.Lit = A->Lit;
  if (A->Unmappable) {
    T.Source = [Anchor = A->Anchor](size_t) { return Anchor; };
    T.AllowFixes = false;
  } else {
    T.Source = [&SL, &SM, &LO, &Target](size_t Offset) {
      return astByteSource(SL, Offset, SM, LO, Target);
    };
    T.AllowFixes = A->Fixable;
  }
  clang::PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(SL.getBeginLoc()));
  if (P.isValid())
    T.Name = llvm::sys::path::filename(P.getFilename()).str() + ":" + std::to_string(P.getLine());
  return std::make_pair(std::move(*A), std::move(T));
}

void AstLiteralCollector::add(const clang::StringLiteral &SL, const clang::SourceManager &S,
                              const clang::ASTContext &C) {
  SM = &S;
  Ctx = &C;
  if ((!SL.isOrdinary() && !SL.isUTF8()) || !isTuSqlCandidate(SL.getBytes()) ||
      S.isInSystemHeader(S.getSpellingLoc(SL.getBeginLoc())))
    return;
  if (Seen.insert(SL.getBeginLoc().getRawEncoding()).second)
    Literals.push_back(&SL);
}

std::vector<AstLiteralCollector::Checked>
AstLiteralCollector::check(const std::vector<CatalogText> &Base, const CheckerOptions &Opts,
                           std::vector<std::string> *Tables) {
  std::vector<Checked> Out;
  if (Literals.empty() || !SM)
    return Out;
  const clang::SourceManager &S = *SM;
  llvm::stable_sort(Literals, [&](const clang::StringLiteral *A, const clang::StringLiteral *B) {
    clang::SourceLocation LA = S.getExpansionLoc(A->getBeginLoc());
    clang::SourceLocation LB = S.getExpansionLoc(B->getBeginLoc());
    return LA != LB && S.isBeforeInTranslationUnit(LA, LB);
  });
  std::vector<AstLiteral> Decoded;
  std::vector<TuLiteral> Tu;
  for (const clang::StringLiteral *SL : Literals)
    if (auto P = astTuLiteral(*SL, S, Ctx->getLangOpts(), Ctx->getTargetInfo())) {
      Decoded.push_back(std::move(P->first));
      Tu.push_back(std::move(P->second));
    }
  TuCheckResult R = checkTranslationUnit(Tu, Base, Opts);
  for (size_t I = 0; I < Tu.size(); ++I) {
    if (R.Findings[I].empty())
      continue;
    addMacroNotes(Decoded[I], R.Findings[I]);
    Out.push_back({Decoded[I].File, std::move(R.Findings[I])});
  }
  if (Tables)
    *Tables = tuTableNames(R);
  Literals.clear();
  Seen.clear();
  return Out;
}

} // namespace cascade
