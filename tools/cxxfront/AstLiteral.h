// A StringLiteral from clang's AST as a DecodedLiteral: its tokens' spellings, where they are,
// and the byte-to-source mapping through StringLiteral::getLocationOfByte.
#ifndef CASCADE_CXXFRONT_ASTLITERAL_H
#define CASCADE_CXXFRONT_ASTLITERAL_H

#include "CatalogFiles.h"
#include "StringLiteralMap.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"

#include <optional>
#include <set>
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
struct TuLiteral;

/// SL decoded as one literal of its translation unit: the byte mapping goes through
/// getLocationOfByte (SL, SM, LO and Target must outlive the result). Nullopt for literals
/// not in a file.
std::optional<std::pair<AstLiteral, TuLiteral>>
astTuLiteral(const clang::StringLiteral &SL, const clang::SourceManager &SM,
             const clang::LangOptions &LO, const clang::TargetInfo &Target);

/// Adds A's macro note ("spelled in the body of macro ...") to each finding.
void addMacroNotes(const AstLiteral &A, std::vector<Finding> &Found);

/// A translation unit's string literals as an AST matcher meets them; check() orders them as
/// the TU has them (headers where they are included) and judges them against one catalog.
class AstLiteralCollector {
public:
  /// Ordinary and UTF-8 literals that may be SQL (isTuSqlCandidate), outside system headers;
  /// the same literal met twice (a template instantiation) counts once.
  void add(const clang::StringLiteral &SL, const clang::SourceManager &SM,
           const clang::ASTContext &Ctx);
  struct Checked {
    clang::FileID File;
    std::vector<Finding> Findings; // offsets in File
  };
  /// The findings per literal (with their macro notes); forgets the literals. Tables, when
  /// given, receives the TU catalog's table names.
  std::vector<Checked> check(const std::vector<CatalogText> &Base, const CheckerOptions &Opts,
                             std::vector<std::string> *Tables = nullptr);

private:
  std::vector<const clang::StringLiteral *> Literals;
  std::set<unsigned> Seen;
  const clang::SourceManager *SM = nullptr;
  const clang::ASTContext *Ctx = nullptr;
};

/// The file offset of byte Offset of SL's evaluated bytes, via getLocationOfByte and the
/// spelling location.
size_t astByteSource(const clang::StringLiteral &SL, size_t Offset, const clang::SourceManager &SM,
                     const clang::LangOptions &LO, const clang::TargetInfo &Target);

} // namespace cascade

#endif
