#include "SourceText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstdint>
#include <cstring>

namespace cascade {

LineTable::LineTable(llvm::StringRef Text) : Text(Text) {
  Starts.push_back(0);
  const char *Begin = Text.data(), *End = Begin + Text.size();
  for (const char *P = Begin; P < End;) {
    const void *NL = std::memchr(P, '\n', static_cast<size_t>(End - P));
    if (!NL)
      break;
    P = static_cast<const char *>(NL) + 1;
    Starts.push_back(static_cast<size_t>(P - Begin));
  }
  if (Text.starts_with("\xEF\xBB\xBF"))
    Bom = 3;
}

unsigned LineTable::line(size_t Offset) const {
  return static_cast<unsigned>(std::upper_bound(Starts.begin(), Starts.end(), Offset) -
                               Starts.begin());
}

unsigned LineTable::column(size_t Offset) const {
  unsigned L = line(Offset);
  size_t Start = Starts[L - 1];
  if (L == 1 && Offset >= Bom)
    Start = Bom;
  return static_cast<unsigned>(Offset - Start + 1);
}

size_t LineTable::lineStart(unsigned Line) const {
  size_t S = Starts[std::min<size_t>(Line, Starts.size()) - 1];
  return Line == 1 ? std::max(S, Bom) : S;
}

llvm::StringRef LineTable::lineText(unsigned Line) const {
  size_t S = lineStart(Line);
  size_t E = Line < Starts.size() ? Starts[Line] - 1 : Text.size();
  llvm::StringRef L = Text.slice(S, E);
  return L.ends_with("\r") ? L.drop_back() : L;
}

std::optional<Finding> validateText(llvm::StringRef Text) {
  Finding F;
  F.CheckId = DiagnosticErrorId;
  F.Level = Severity::Error;
  size_t Nul = Text.find('\0');
  if (Nul != llvm::StringRef::npos) {
    F.Begin = F.End = Nul;
    F.Message = "file contains a NUL byte at offset " + std::to_string(Nul) +
                "; it looks binary, not SQL text, and was not analysed";
    return F;
  }
  const llvm::UTF8 *Begin = reinterpret_cast<const llvm::UTF8 *>(Text.data());
  // Most migrations are ASCII: eight bytes at a time up to the first byte with its high bit
  // set, which starts a character (all before it are ASCII); the UTF-8 check runs from there.
  size_t Ascii = 0;
  for (uint64_t Word; Ascii + 8 <= Text.size(); Ascii += 8) {
    std::memcpy(&Word, Text.data() + Ascii, 8);
    if (Word & 0x8080808080808080ull)
      break;
  }
  while (Ascii < Text.size() && !(static_cast<unsigned char>(Text[Ascii]) & 0x80))
    ++Ascii;
  if (Ascii == Text.size())
    return std::nullopt;
  const llvm::UTF8 *Pos = Begin + Ascii;
  if (!llvm::isLegalUTF8String(&Pos, Begin + Text.size())) {
    size_t At = static_cast<size_t>(Pos - Begin);
    F.Begin = F.End = At;
    std::string Hex;
    llvm::raw_string_ostream(Hex) << llvm::format_hex(static_cast<unsigned char>(Text[At]), 4);
    F.Message = "file is not valid UTF-8 (byte " + Hex + " at offset " + std::to_string(At) +
                "); it was not analysed: convert it to UTF-8";
    return F;
  }
  return std::nullopt;
}

} // namespace cascade

namespace cascade {

static bool unsafeCodePoint(llvm::UTF32 C) {
  return C < 0x20 || C == 0x7f || (C >= 0x80 && C < 0xa0) || C == 0x2028 || C == 0x2029 ||
         (C >= 0x202a && C <= 0x202e) || (C >= 0x2066 && C <= 0x2069) || C == 0x200e ||
         C == 0x200f || C == 0x061c || C == 0xfeff;
}

std::string escapeControl(llvm::StringRef Text) {
  // Most text (every message, most paths) is printable ASCII without a backslash: as it is.
  if (llvm::all_of(Text, [](char C) {
        auto U = static_cast<unsigned char>(C);
        return U < 0x80 && C != '\\' && !unsafeCodePoint(U);
      }))
    return Text.str();
  std::string Out;
  Out.reserve(Text.size());
  llvm::raw_string_ostream OS(Out);
  const auto *P = reinterpret_cast<const llvm::UTF8 *>(Text.begin());
  const auto *End = reinterpret_cast<const llvm::UTF8 *>(Text.end());
  while (P < End) {
    if (*P < 0x80) {
      char C = static_cast<char>(*P++);
      switch (C) {
      case '\\': OS << "\\\\"; break;
      case '\n': OS << "\\n"; break;
      case '\r': OS << "\\r"; break;
      case '\t': OS << "\\t"; break;
      default:
        if (unsafeCodePoint(static_cast<unsigned char>(C)))
          OS << llvm::format("\\x%02x", static_cast<unsigned char>(C));
        else
          OS << C;
      }
      continue;
    }
    const llvm::UTF8 *Start = P;
    llvm::UTF32 CP;
    if (llvm::convertUTF8Sequence(&P, End, &CP, llvm::strictConversion) != llvm::conversionOK) {
      P = Start + 1;
      OS << llvm::format("\\x%02x", static_cast<unsigned>(*Start));
      continue;
    }
    if (unsafeCodePoint(CP))
      OS << llvm::format("\\u{%x}", static_cast<unsigned>(CP));
    else
      OS.write(reinterpret_cast<const char *>(Start), P - Start);
  }
  return Out;
}

} // namespace cascade
