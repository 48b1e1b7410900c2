// A StringLiteral from clang's AST as a DecodedLiteral: its tokens' spellings, where they are,
// and the byte-to-source mapping through StringLiteral::getLocationOfByte.
#ifndef CASCADE_CXXFRONT_ASTLITERAL_H
#define CASCADE_CXXFRONT_ASTLITERAL_H

#include "StringLiteralMap.h"

#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

#include <optional>
#include <string>

namespace cascade {

struct AstLiteral {
  DecodedLiteral Lit;
  clang::FileID File;         // where the spelling is (or the expansion, for stringizing)
  bool Fixable = true;        // false in a macro body, for stringizing, or in scratch space
  std::string MacroNote;      // "in expansion of macro 'SQL'" and the like
  size_t MacroUseOffset = 0;  // the macro use, in File, for that note
  bool MacroUseInFile = false;
  size_t Anchor = 0;          // where to report when bytes cannot be mapped (stringizing)
  bool Unmappable = false;
};

/// Nullopt for literals that are not in a file at all.
std::optional<AstLiteral> decodeAstLiteral(const clang::StringLiteral &SL,
                                           const clang::SourceManager &SM,
                                           const clang::LangOptions &LO,
                                           const clang::TargetInfo &Target);

struct CheckerOptions;
struct Finding;

/// The findings for the SQL in SL, in offsets of A.File, each carrying the macro note when the
/// literal comes from a macro. Nullopt (and no findings) for literals not in a file.
std::optional<std::pair<AstLiteral, std::vector<Finding>>>
checkAstLiteral(const clang::StringLiteral &SL, const clang::SourceManager &SM,
                const clang::LangOptions &LO, const clang::TargetInfo &Target,
                const CheckerOptions &Opts);

/// The file offset of byte Offset of SL's evaluated bytes, via getLocationOfByte and the
/// spelling location.
size_t astByteSource(const clang::StringLiteral &SL, size_t Offset, const clang::SourceManager &SM,
                     const clang::LangOptions &LO, const clang::TargetInfo &Target);

} // namespace cascade

#endif
