// The C/C++ literal decoder of lex mode (`cascade-tidy --cxx-mode=lex`): clang's raw lexer finds
// the string literals, appendChunk decodes escapes, raw strings and UCNs, LiteralLocator maps
// evaluated bytes back to file offsets, and checkLiteral runs the SQL checks on the bytes.
// Invariants: every decoded byte's source offset, every mapped offset and every finding, note
// and edit lies inside the file and inside its literal's tokens; an edit stays inside one
// chunk's content; applying one finding's edits keeps the literal a literal that decodes.
#include "FuzzSupport.h"

#include "FixItPlanner.h"
#include "LexScan.h"
#include "LiteralChecker.h"

using namespace cascade;

namespace {

void require(bool Ok, const std::string &What) {
  if (!Ok)
    fuzz::invariantFailed("literal", What);
}

std::string range(size_t Begin, size_t End) {
  return "[" + std::to_string(Begin) + ", " + std::to_string(End) + ")";
}

void checkDecoded(const LexedLiteral &L, size_t FileSize) {
  const DecodedLiteral &Lit = L.Lit;
  require(L.Begin <= L.End && L.End <= FileSize,
          "literal tokens " + range(L.Begin, L.End) + " outside the file");
  require(Lit.ByteSource.size() == Lit.Bytes.size(),
          std::to_string(Lit.Bytes.size()) + " bytes but " +
              std::to_string(Lit.ByteSource.size()) + " source offsets");
  require(!Lit.Chunks.empty(), "a decoded literal without chunks");
  for (const LiteralChunk &C : Lit.Chunks)
    require(L.Begin <= C.ContentBegin && C.ContentBegin <= C.ContentEnd && C.ContentEnd <= L.End,
            "chunk content " + range(C.ContentBegin, C.ContentEnd) + " outside its literal " +
                range(L.Begin, L.End));
  for (size_t I = 0; I < Lit.ByteSource.size(); ++I)
    require(L.Begin <= Lit.ByteSource[I] && Lit.ByteSource[I] < L.End,
            "byte " + std::to_string(I) + " maps to offset " + std::to_string(Lit.ByteSource[I]) +
                " outside its literal " + range(L.Begin, L.End));
}

void checkMapping(const LexedLiteral &L, const LiteralLocator &Where) {
  for (size_t I = 0; I <= L.Lit.Bytes.size(); ++I) {
    size_t S = Where.start(I), E = Where.end(I);
    require(L.Begin <= S && S <= L.End && L.Begin <= E && E <= L.End,
            "evaluated offset " + std::to_string(I) + " maps to " + std::to_string(S) + "/" +
                std::to_string(E) + " outside its literal " + range(L.Begin, L.End));
  }
}

void checkFindings(llvm::StringRef File, const LexedLiteral &L, const LiteralLocator &Where,
                   const std::vector<Finding> &Findings) {
  auto Inside = [&](size_t B, size_t E) { return B <= E && L.Begin <= B && E <= L.End; };
  for (const Finding &F : Findings) {
    require(Inside(F.Begin, F.End), "finding " + range(F.Begin, F.End) + " outside its literal " +
                                        range(L.Begin, L.End));
    for (const Note &N : F.Notes)
      require(Inside(N.Begin, N.End),
              "note " + range(N.Begin, N.End) + " outside its literal " + range(L.Begin, L.End));
    for (const Edit &E : F.Edits) {
      const LiteralChunk *C = Where.chunkAt(E.Offset);
      require(C && C->ContentBegin <= E.Offset && E.Offset + E.Length <= C->ContentEnd,
              "edit " + range(E.Offset, E.Offset + E.Length) + " not inside one chunk's content");
    }
    if (F.Edits.empty())
      continue;
    std::string Fixed = File.str();
    applyEdits(Fixed, F.Edits);
    size_t Delta = Fixed.size() - File.size();
    bool Found = false;
    for (const LexedLiteral &After : lexCxxFile(Fixed).Literals)
      if (After.Begin == L.Begin) {
        Found = true;
        require(After.Decoded && After.End == L.End + Delta,
                "the fixed literal no longer decodes as one literal: " +
                    fuzz::around(Fixed, F.Edits.front().Offset));
      }
    require(Found, "the fixed text has no literal where the fixed one was: " +
                       fuzz::around(Fixed, F.Edits.front().Offset));
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  // clang's raw lexer reads up to the buffer's end; the CLI hands it a whole file.
  std::string File(reinterpret_cast<const char *>(Data), Size);
  CheckerOptions Opts = fuzz::optionsFor(fuzz::inputHash(Data, Size));
  LexedFile Lexed = lexCxxFile(File);
  for (const Token &C : Lexed.Comments)
    require(C.Begin <= C.End && C.End <= File.size(),
            "comment " + range(C.Begin, C.End) + " outside the file");
  for (const LexedLiteral &L : Lexed.Literals) {
    if (!L.Decoded)
      continue;
    checkDecoded(L, File.size());
    LiteralLocator Where(L.Lit, [&](size_t Offset) { return L.Lit.ByteSource[Offset]; });
    checkMapping(L, Where);
    if (!checkableEncoding(L.Lit.Encoding))
      continue;
    checkFindings(File, L, Where, checkLiteral(L.Lit, Where, Opts, /*AllowFixes=*/true));
  }
  return 0;
}
