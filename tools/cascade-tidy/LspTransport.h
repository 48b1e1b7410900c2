// The Language Server Protocol's wire: JSON-RPC messages framed by a Content-Length header on
// standard input and output, and LSP's positions (lines and UTF-16 code units) over byte offsets.
#ifndef CASCADE_TIDY_LSPTRANSPORT_H
#define CASCADE_TIDY_LSPTRANSPORT_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/JSON.h"

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

/// Reads framed messages from In, writes them to Out. Only protocol goes to Out.
class LspTransport {
public:
  LspTransport(std::FILE *In, std::FILE *Out) : In(In), Out(Out) {}
  enum class ReadStatus { Message, End, BadFrame };
  /// The next message's body. BadFrame: the header had no usable Content-Length (Problem says
  /// what); the stream goes on at the next header.
  ReadStatus read(std::string &Body, std::string &Problem);
  void write(const llvm::json::Value &Message);
  /// A message already serialized (by llvm::json::OStream).
  void writeBody(llvm::StringRef Body);

private:
  std::FILE *In;
  std::FILE *Out;
};

/// A position as LSP counts it: 0-based line, UTF-16 code units into the line.
struct LspPosition {
  unsigned Line = 0, Character = 0;
};

/// Line starts of a text; lines end at "\n" (a "\r" before it belongs to the break).
class LspLines {
public:
  explicit LspLines(llvm::StringRef Text);
  LspPosition position(size_t Offset) const;
  /// The byte offset of P; a character past the line's end is its end, a line past the last
  /// is the text's end.
  size_t offset(LspPosition P) const;
  size_t lineStart(unsigned Line) const;
  /// The offset of the line break (or the text's end) that ends Line.
  size_t lineEnd(unsigned Line) const;
  unsigned lineCount() const { return static_cast<unsigned>(Starts.size()); }

private:
  llvm::StringRef Text;
  std::vector<size_t> Starts;
};

/// file:// URI <-> path (percent-decoding, percent-encoding what a URI may not hold).
std::optional<std::string> uriToPath(llvm::StringRef Uri);
std::string pathToUri(llvm::StringRef Path);

} // namespace cascade

#endif
