// C and C++ string literals as the checker sees them: the evaluated bytes, and the way back
// from a byte offset in those bytes to a byte offset in the source file.
#ifndef CASCADE_CXXFRONT_STRINGLITERALMAP_H
#define CASCADE_CXXFRONT_STRINGLITERALMAP_H

#include "llvm/ADT/StringRef.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

enum class LiteralEncoding { Ordinary, Utf8, Wide, Utf16, Utf32 };

/// One token of a (possibly concatenated) literal.
struct LiteralChunk {
  size_t ContentBegin = 0, ContentEnd = 0; // file offsets inside the quotes / raw delimiters
  bool Raw = false;
  std::string Delimiter; // a raw literal's d-char-sequence
  size_t FirstByte = 0;  // where this chunk's bytes start in the evaluated string
};

struct DecodedLiteral {
  LiteralEncoding Encoding = LiteralEncoding::Ordinary;
  std::string Bytes;
  std::vector<LiteralChunk> Chunks;
  std::vector<size_t> ByteSource; // file offset where each byte's spelling starts
};

/// The encoding a token spelling's prefix gives (u8, u, U, L or none), and whether it is raw.
LiteralEncoding literalEncoding(llvm::StringRef Spelling, bool &Raw);

/// Decodes one string-literal token spelled at file offset Base and appends it to Lit (adjacent
/// tokens concatenate). Escapes, raw strings and universal character names are handled; false
/// for a spelling that is not a complete string literal.
bool appendChunk(llvm::StringRef Spelling, size_t Base, DecodedLiteral &Lit);

/// Maps evaluated offsets to file offsets. Inner gives the file offset of the byte's spelling
/// (from ByteSource, or from clang's StringLiteral::getLocationOfByte).
class LiteralLocator {
public:
  LiteralLocator(const DecodedLiteral &Lit, std::function<size_t(size_t)> Inner)
      : Lit(Lit), Inner(std::move(Inner)) {}
  /// Where the text at Offset is spelled (a chunk boundary maps to the next chunk's start).
  size_t start(size_t Offset) const;
  /// Where an insertion at Offset, or a range ending at Offset, goes: a chunk boundary maps to
  /// the end of the earlier chunk, not the start of the next.
  size_t end(size_t Offset) const;
  /// The chunk whose spelling holds file offset At, if any.
  const LiteralChunk *chunkAt(size_t At) const;

private:
  const DecodedLiteral &Lit;
  std::function<size_t(size_t)> Inner;
};

/// Text spelled so that it evaluates to Text inside the chunk: quotes and backslashes escaped in
/// an ordinary literal; unchanged in a raw literal unless it would close the literal (nullopt).
std::optional<std::string> spellInLiteral(const LiteralChunk &Chunk, llvm::StringRef Text);

} // namespace cascade

#endif
