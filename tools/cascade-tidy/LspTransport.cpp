#include "LspTransport.h"

#include "llvm/ADT/StringExtras.h"

namespace cascade {

/// Upper bound on one message; a header announcing more is refused rather than allocated.
static constexpr size_t MaxMessageBytes = 256u << 20;

LspTransport::ReadStatus LspTransport::read(std::string &Body, std::string &Problem) {
  std::optional<size_t> Length;
  std::string Line;
  bool SawHeader = false;
  for (;;) {
    int C = std::fgetc(In);
    if (C == EOF)
      return ReadStatus::End;
    if (C != '\n') {
      Line += static_cast<char>(C);
      continue;
    }
    if (!Line.empty() && Line.back() == '\r')
      Line.pop_back();
    if (Line.empty()) {
      if (!SawHeader)
        continue; // blank lines between messages
      break;
    }
    SawHeader = true;
    auto [Name, Value] = llvm::StringRef(Line).split(':');
    if (Name.trim().equals_insensitive("content-length")) {
      unsigned long long N = 0;
      if (llvm::getAsUnsignedInteger(Value.trim(), 10, N) || N > MaxMessageBytes)
        Problem = "invalid Content-Length '" + Value.trim().str() + "'";
      else
        Length = N;
    }
    Line.clear();
  }
  if (!Length) {
    if (Problem.empty())
      Problem = "message header without Content-Length";
    return ReadStatus::BadFrame;
  }
  Body.resize(*Length);
  size_t Got = Length ? std::fread(Body.data(), 1, *Length, In) : 0;
  if (Got != *Length)
    return ReadStatus::End;
  return ReadStatus::Message;
}

void LspTransport::write(const llvm::json::Value &Message) {
  std::string Body;
  llvm::raw_string_ostream OS(Body);
  OS.SetBufferSize(1 << 12); // unbuffered, every few bytes grow the string
  OS << Message;
  OS.flush();
  writeBody(Body);
}

void LspTransport::writeBody(llvm::StringRef Body) {
  std::fprintf(Out, "Content-Length: %zu\r\n\r\n", Body.size());
  std::fwrite(Body.data(), 1, Body.size(), Out);
  std::fflush(Out);
}

LspLines::LspLines(llvm::StringRef Text) : Text(Text) {
  Starts.push_back(0);
  for (size_t I = 0; I < Text.size(); ++I)
    if (Text[I] == '\n')
      Starts.push_back(I + 1);
}

size_t LspLines::lineStart(unsigned Line) const {
  return Line < Starts.size() ? Starts[Line] : Text.size();
}

size_t LspLines::lineEnd(unsigned Line) const {
  if (Line + 1 >= Starts.size())
    return Text.size();
  size_t End = Starts[Line + 1] - 1; // the '\n'
  if (End > Starts[Line] && Text[End - 1] == '\r')
    --End;
  return End;
}

/// UTF-16 code units of the UTF-8 sequence starting with lead byte B: 2 for 4-byte sequences.
static unsigned utf16Units(unsigned char B) { return B >= 0xF0 ? 2 : 1; }

/// Length of the UTF-8 sequence starting with lead byte B (1 for a stray byte).
static size_t utf8Length(unsigned char B) {
  if (B >= 0xF0)
    return 4;
  if (B >= 0xE0)
    return 3;
  if (B >= 0xC0)
    return 2;
  return 1;
}

LspPosition LspLines::position(size_t Offset) const {
  Offset = std::min(Offset, Text.size());
  auto It = std::upper_bound(Starts.begin(), Starts.end(), Offset);
  unsigned Line = static_cast<unsigned>(It - Starts.begin()) - 1;
  unsigned Units = 0;
  for (size_t I = Starts[Line]; I < Offset;) {
    unsigned char B = static_cast<unsigned char>(Text[I]);
    Units += utf16Units(B);
    I += utf8Length(B);
  }
  return {Line, Units};
}

size_t LspLines::offset(LspPosition P) const {
  if (P.Line >= Starts.size())
    return Text.size();
  size_t I = Starts[P.Line], End = lineEnd(P.Line);
  unsigned Units = 0;
  while (I < End && Units < P.Character) {
    unsigned char B = static_cast<unsigned char>(Text[I]);
    Units += utf16Units(B);
    I = std::min(End, I + utf8Length(B));
  }
  return I;
}

std::optional<std::string> uriToPath(llvm::StringRef Uri) {
  if (!Uri.consume_front("file://"))
    return std::nullopt;
  // file://host/path: only the local host (empty or localhost) is ours.
  if (!Uri.starts_with("/")) {
    if (!Uri.consume_front("localhost"))
      return std::nullopt;
  }
  std::string Out;
  for (size_t I = 0; I < Uri.size(); ++I) {
    if (Uri[I] == '%' && I + 2 < Uri.size() && llvm::isHexDigit(Uri[I + 1]) &&
        llvm::isHexDigit(Uri[I + 2])) {
      Out += static_cast<char>(llvm::hexFromNibbles(Uri[I + 1], Uri[I + 2]));
      I += 2;
    } else {
      Out += Uri[I];
    }
  }
  if (Out.empty() || Out.find('\0') != std::string::npos)
    return std::nullopt;
  return Out;
}

std::string pathToUri(llvm::StringRef Path) {
  std::string Out = "file://";
  for (unsigned char C : Path) {
    if (llvm::isAlnum(C) || llvm::StringRef("/-._~!$&'()*+,;=:@").contains(C))
      Out += static_cast<char>(C);
    else
      Out += "%" + llvm::utohexstr(C, /*LowerCase=*/false, /*Width=*/2);
  }
  return Out;
}

} // namespace cascade
