#include "StringLiteralMap.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

namespace cascade {

LiteralEncoding literalEncoding(llvm::StringRef Spelling, bool &Raw) {
  LiteralEncoding E = LiteralEncoding::Ordinary;
  if (Spelling.consume_front("u8"))
    E = LiteralEncoding::Utf8;
  else if (Spelling.consume_front("u"))
    E = LiteralEncoding::Utf16;
  else if (Spelling.consume_front("U"))
    E = LiteralEncoding::Utf32;
  else if (Spelling.consume_front("L"))
    E = LiteralEncoding::Wide;
  Raw = Spelling.starts_with("R\"");
  return E;
}

static void appendCodePoint(uint32_t CP, size_t Source, DecodedLiteral &Lit) {
  char Buf[4];
  char *Ptr = Buf;
  if (!llvm::ConvertCodePointToUTF8(CP, Ptr))
    return;
  for (char *P = Buf; P < Ptr; ++P) {
    Lit.Bytes += *P;
    Lit.ByteSource.push_back(Source);
  }
}

bool appendChunk(llvm::StringRef Spelling, size_t Base, DecodedLiteral &Lit) {
  bool Raw = false;
  LiteralEncoding E = literalEncoding(Spelling, Raw);
  if (Lit.Chunks.empty())
    Lit.Encoding = E;
  size_t Quote = Spelling.find('"');
  if (Quote == llvm::StringRef::npos || !Spelling.ends_with("\"") || Spelling.size() < Quote + 2)
    return false;
  LiteralChunk C;
  C.Raw = Raw;
  C.FirstByte = Lit.Bytes.size();
  if (Raw) {
    size_t Open = Spelling.find('(', Quote);
    if (Open == llvm::StringRef::npos)
      return false;
    C.Delimiter = Spelling.slice(Quote + 1, Open).str();
    size_t Close = Spelling.size() - 2 - C.Delimiter.size(); // the ')' before delimiter + quote
    if (Close < Open + 1 || Spelling[Close] != ')')
      return false;
    C.ContentBegin = Base + Open + 1;
    C.ContentEnd = Base + Close;
    for (size_t I = Open + 1; I < Close; ++I) {
      Lit.Bytes += Spelling[I];
      Lit.ByteSource.push_back(Base + I);
    }
    Lit.Chunks.push_back(std::move(C));
    return true;
  }
  C.ContentBegin = Base + Quote + 1;
  C.ContentEnd = Base + Spelling.size() - 1;
  llvm::StringRef Body = Spelling.slice(Quote + 1, Spelling.size() - 1);
  size_t Offset = Base + Quote + 1;
  for (size_t I = 0; I < Body.size();) {
    size_t At = Offset + I;
    char Ch = Body[I];
    if (Ch != '\\') {
      Lit.Bytes += Ch;
      Lit.ByteSource.push_back(At);
      ++I;
      continue;
    }
    if (I + 1 >= Body.size())
      return false;
    char Esc = Body[I + 1];
    I += 2;
    auto Push = [&](char Byte) {
      Lit.Bytes += Byte;
      Lit.ByteSource.push_back(At);
    };
    switch (Esc) {
    case 'n': Push('\n'); break;
    case 't': Push('\t'); break;
    case 'r': Push('\r'); break;
    case 'a': Push('\a'); break;
    case 'b': Push('\b'); break;
    case 'f': Push('\f'); break;
    case 'v': Push('\v'); break;
    case 'e': Push('\x1b'); break;
    case '\\': case '\'': case '"': case '?': Push(Esc); break;
    case '\n': break; // a line splice
    case 'x': {
      unsigned Value = 0;
      while (I < Body.size() && llvm::isHexDigit(Body[I]))
        Value = Value * 16 + llvm::hexDigitValue(Body[I++]);
      Push(static_cast<char>(Value & 0xFF));
      break;
    }
    case 'u': case 'U': {
      size_t Digits = Esc == 'u' ? 4 : 8;
      uint32_t CP = 0;
      for (size_t K = 0; K < Digits && I < Body.size() && llvm::isHexDigit(Body[I]); ++K)
        CP = CP * 16 + llvm::hexDigitValue(Body[I++]);
      appendCodePoint(CP, At, Lit);
      break;
    }
    default:
      if (Esc >= '0' && Esc <= '7') {
        unsigned Value = static_cast<unsigned>(Esc - '0');
        for (int K = 0; K < 2 && I < Body.size() && Body[I] >= '0' && Body[I] <= '7'; ++K)
          Value = Value * 8 + static_cast<unsigned>(Body[I++] - '0');
        Push(static_cast<char>(Value & 0xFF));
      } else {
        Push(Esc); // an unknown escape: the compiler warns and keeps the character
      }
    }
  }
  Lit.Chunks.push_back(std::move(C));
  return true;
}

size_t LiteralLocator::start(size_t Offset) const {
  if (Offset >= Lit.Bytes.size())
    return Lit.Chunks.back().ContentEnd;
  return Inner(Offset);
}

size_t LiteralLocator::end(size_t Offset) const {
  for (size_t K = 1; K < Lit.Chunks.size(); ++K)
    if (Lit.Chunks[K].FirstByte == Offset)
      return Lit.Chunks[K - 1].ContentEnd;
  if (Offset >= Lit.Bytes.size())
    return Lit.Chunks.back().ContentEnd;
  return Inner(Offset);
}

const LiteralChunk *LiteralLocator::chunkAt(size_t At) const {
  for (const LiteralChunk &C : Lit.Chunks)
    if (At >= C.ContentBegin && At <= C.ContentEnd)
      return &C;
  return nullptr;
}

std::optional<std::string> spellInLiteral(const LiteralChunk &Chunk, llvm::StringRef Text) {
  if (Chunk.Raw) {
    if (Text.contains(")" + Chunk.Delimiter + "\""))
      return std::nullopt;
    return Text.str();
  }
  std::string Out;
  for (char C : Text) {
    if (C == '"' || C == '\\')
      Out += '\\';
    if (C == '\n') {
      Out += "\\n";
      continue;
    }
    Out += C;
  }
  return Out;
}

} // namespace cascade
