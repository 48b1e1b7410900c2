#include "CompactJson.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"

#include <limits>

namespace cascade {

namespace {

/// A string's end: the index of its closing quote (Text[Begin] is the first byte inside), or
/// npos. Escaped is set when it holds a backslash.
size_t stringEnd(llvm::StringRef Text, size_t Begin, bool &Escaped) {
  Escaped = false;
  for (size_t I = Begin; I < Text.size(); ++I) {
    if (Text[I] == '\\') {
      Escaped = true;
      ++I;
    } else if (Text[I] == '"') {
      return I;
    } else if (static_cast<unsigned char>(Text[I]) < 0x20) {
      return llvm::StringRef::npos;
    }
  }
  return llvm::StringRef::npos;
}

size_t skipBlanks(llvm::StringRef Text, size_t I) {
  while (I < Text.size() && (Text[I] == ' ' || Text[I] == '\n' || Text[I] == '\r' || Text[I] == '\t'))
    ++I;
  return I;
}

} // namespace

std::optional<JsonDocument> JsonDocument::parse(llvm::StringRef Text) {
  if (Text.size() >= std::numeric_limits<uint32_t>::max())
    return std::nullopt;
  JsonDocument D;
  D.Text = Text;
  // Open containers: the node index, and whether a member / element was already read.
  struct Open {
    uint32_t Index;
    bool HasItem;
  };
  std::vector<Open> Stack;
  size_t I = skipBlanks(Text, 0);
  for (;;) {
    Node N;
    if (!Stack.empty()) {
      Open &Top = Stack.back();
      Node &Container = D.Nodes[Top.Index];
      char Close = Container.K == Kind::Object ? '}' : ']';
      I = skipBlanks(Text, I);
      if (I < Text.size() && Text[I] == Close) {
        Container.Next = static_cast<uint32_t>(D.Nodes.size());
        Container.End = static_cast<uint32_t>(I + 1);
        Stack.pop_back();
        ++I;
        if (Stack.empty())
          break;
        continue;
      }
      if (Top.HasItem) {
        if (I >= Text.size() || Text[I] != ',')
          return std::nullopt;
        I = skipBlanks(Text, I + 1);
      }
      Top.HasItem = true;
      if (Container.K == Kind::Object) {
        if (I >= Text.size() || Text[I] != '"')
          return std::nullopt;
        size_t KeyEnd = stringEnd(Text, I + 1, N.KeyEscaped);
        if (KeyEnd == llvm::StringRef::npos)
          return std::nullopt;
        N.KeyBegin = static_cast<uint32_t>(I + 1);
        N.KeyEnd = static_cast<uint32_t>(KeyEnd);
        I = skipBlanks(Text, KeyEnd + 1);
        if (I >= Text.size() || Text[I] != ':')
          return std::nullopt;
        I = skipBlanks(Text, I + 1);
      }
    }
    if (I >= Text.size())
      return std::nullopt;
    uint32_t Index = static_cast<uint32_t>(D.Nodes.size());
    N.Begin = static_cast<uint32_t>(I);
    char C = Text[I];
    if (C == '{' || C == '[') {
      N.K = C == '{' ? Kind::Object : Kind::Array;
      D.Nodes.push_back(N);
      Stack.push_back({Index, false});
      ++I;
      continue;
    }
    if (C == '"') {
      size_t End = stringEnd(Text, I + 1, N.Escaped);
      if (End == llvm::StringRef::npos)
        return std::nullopt;
      N.K = Kind::String;
      N.Begin = static_cast<uint32_t>(I + 1);
      N.End = static_cast<uint32_t>(End);
      I = End + 1;
    } else if (Text.substr(I).starts_with("true")) {
      N.K = Kind::True;
      I += 4;
    } else if (Text.substr(I).starts_with("false")) {
      N.K = Kind::False;
      I += 5;
    } else if (Text.substr(I).starts_with("null")) {
      N.K = Kind::Null;
      I += 4;
    } else if (C == '-' || llvm::isDigit(C)) {
      N.K = Kind::Number;
      ++I;
      while (I < Text.size() && (llvm::isDigit(Text[I]) || Text[I] == '.' || Text[I] == 'e' ||
                                 Text[I] == 'E' || Text[I] == '+' || Text[I] == '-'))
        ++I;
      N.End = static_cast<uint32_t>(I);
    } else {
      return std::nullopt;
    }
    if (N.K != Kind::String && N.K != Kind::Number)
      N.End = static_cast<uint32_t>(I);
    N.Next = Index + 1;
    D.Nodes.push_back(N);
    if (Stack.empty())
      break;
  }
  if (skipBlanks(Text, I) != Text.size())
    return std::nullopt;
  return D;
}

std::string JsonDocument::decode(uint32_t Begin, uint32_t End) const {
  llvm::StringRef S = Text.slice(Begin, End);
  std::string Out;
  Out.reserve(S.size());
  for (size_t I = 0; I < S.size(); ++I) {
    if (S[I] != '\\' || I + 1 >= S.size()) {
      Out += S[I];
      continue;
    }
    char E = S[++I];
    switch (E) {
    case 'b': Out += '\b'; break;
    case 'f': Out += '\f'; break;
    case 'n': Out += '\n'; break;
    case 'r': Out += '\r'; break;
    case 't': Out += '\t'; break;
    case 'u': {
      auto Hex = [&](size_t At, unsigned &V) {
        return At + 4 <= S.size() && !S.substr(At, 4).getAsInteger(16, V);
      };
      unsigned CP = 0;
      if (!Hex(I + 1, CP)) {
        Out += "\\u";
        break;
      }
      I += 4;
      unsigned Low = 0;
      if (CP >= 0xD800 && CP < 0xDC00 && I + 2 < S.size() && S[I + 1] == '\\' &&
          S[I + 2] == 'u' && Hex(I + 3, Low) && Low >= 0xDC00 && Low < 0xE000) {
        CP = 0x10000 + ((CP - 0xD800) << 10) + (Low - 0xDC00);
        I += 6;
      }
      if (CP >= 0xD800 && CP < 0xE000)
        CP = 0xFFFD; // a lone surrogate
      char Buf[UNI_MAX_UTF8_BYTES_PER_CODE_POINT];
      char *Ptr = Buf;
      if (llvm::ConvertCodePointToUTF8(CP, Ptr))
        Out.append(Buf, Ptr);
      break;
    }
    default: Out += E; break; // \" \\ \/
    }
  }
  return Out;
}

bool JsonDocument::keyEquals(const Node &N, llvm::StringRef Key) const {
  if (!N.KeyEscaped)
    return Text.slice(N.KeyBegin, N.KeyEnd) == Key;
  return decode(N.KeyBegin, N.KeyEnd) == Key;
}

bool JsonRef::isObject() const { return Doc && Doc->Nodes[Index].K == JsonDocument::Kind::Object; }
bool JsonRef::isArray() const { return Doc && Doc->Nodes[Index].K == JsonDocument::Kind::Array; }

std::vector<JsonRef> JsonRef::elements() const {
  std::vector<JsonRef> Out;
  if (!isObject() && !isArray())
    return Out;
  const auto &Nodes = Doc->Nodes;
  for (uint32_t C = Index + 1; C < Nodes[Index].Next; C = Nodes[C].Next)
    Out.push_back(JsonRef(Doc, C));
  return Out;
}

JsonRef JsonRef::get(llvm::StringRef Key) const {
  if (!isObject())
    return {};
  const auto &Nodes = Doc->Nodes;
  for (uint32_t C = Index + 1; C < Nodes[Index].Next; C = Nodes[C].Next)
    if (Doc->keyEquals(Nodes[C], Key))
      return JsonRef(Doc, C);
  return {};
}

JsonRef JsonRef::getObject(llvm::StringRef Key) const {
  JsonRef V = get(Key);
  return V.isObject() ? V : JsonRef();
}

JsonRef JsonRef::getArray(llvm::StringRef Key) const {
  JsonRef V = get(Key);
  return V.isArray() ? V : JsonRef();
}

std::optional<std::string> JsonRef::asString() const {
  if (!Doc || Doc->Nodes[Index].K != JsonDocument::Kind::String)
    return std::nullopt;
  const JsonDocument::Node &N = Doc->Nodes[Index];
  if (!N.Escaped)
    return Doc->Text.slice(N.Begin, N.End).str();
  return Doc->decode(N.Begin, N.End);
}

std::optional<int64_t> JsonRef::asInteger() const {
  if (!Doc || Doc->Nodes[Index].K != JsonDocument::Kind::Number)
    return std::nullopt;
  const JsonDocument::Node &N = Doc->Nodes[Index];
  int64_t V;
  if (Doc->Text.slice(N.Begin, N.End).getAsInteger(10, V))
    return std::nullopt;
  return V;
}

std::optional<std::string> JsonRef::getString(llvm::StringRef Key) const {
  return get(Key).asString();
}

bool JsonRef::stringIs(llvm::StringRef Key, llvm::StringRef Value) const {
  JsonRef V = get(Key);
  if (!V || Doc->Nodes[V.Index].K != JsonDocument::Kind::String)
    return false;
  const JsonDocument::Node &N = Doc->Nodes[V.Index];
  if (!N.Escaped)
    return Doc->Text.slice(N.Begin, N.End) == Value;
  return Doc->decode(N.Begin, N.End) == Value;
}

std::optional<int64_t> JsonRef::getInteger(llvm::StringRef Key) const {
  return get(Key).asInteger();
}

std::optional<bool> JsonRef::getBoolean(llvm::StringRef Key) const {
  JsonRef V = get(Key);
  if (!V)
    return std::nullopt;
  JsonDocument::Kind K = Doc->Nodes[V.Index].K;
  if (K == JsonDocument::Kind::True || K == JsonDocument::Kind::False)
    return K == JsonDocument::Kind::True;
  return std::nullopt;
}

} // namespace cascade
