// A read-only JSON document for libpg_query's parse trees: parsed without recursion into one
// flat array of nodes that point into the JSON text.
//
// llvm::json is not used here on purpose: its parser and its destructor recurse once per
// nesting level (a 20,000-term expression overflowed a thread's stack), and every object is a
// DenseMap of at least 64 buckets (about 70 KB of memory per column of a CREATE TABLE).
#ifndef CASCADE_CHECKER_COMPACTJSON_H
#define CASCADE_CHECKER_COMPACTJSON_H

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cascade {

class JsonDocument;

/// A value inside a JsonDocument, or nothing (a missing key, a type mismatch). Cheap to copy.
class JsonRef {
public:
  JsonRef() = default;
  explicit operator bool() const { return Doc != nullptr; }
  bool isObject() const;
  bool isArray() const;

  /// Object member lookups; nothing / nullopt when absent or of another type.
  JsonRef get(llvm::StringRef Key) const;
  JsonRef getObject(llvm::StringRef Key) const;
  JsonRef getArray(llvm::StringRef Key) const;
  std::optional<std::string> getString(llvm::StringRef Key) const;
  std::optional<int64_t> getInteger(llvm::StringRef Key) const;
  std::optional<bool> getBoolean(llvm::StringRef Key) const;
  /// Whether member Key is the string Value (no copy of the string is made).
  bool stringIs(llvm::StringRef Key, llvm::StringRef Value) const;

  /// This value as a scalar.
  std::optional<std::string> asString() const;
  std::optional<int64_t> asInteger() const;

  /// The elements of an array, or the member values of an object, in order.
  std::vector<JsonRef> elements() const;

private:
  friend class JsonDocument;
  JsonRef(const JsonDocument *Doc, uint32_t Index) : Doc(Doc), Index(Index) {}
  const JsonDocument *Doc = nullptr;
  uint32_t Index = 0;
};

class JsonDocument {
public:
  /// Parses Text, which must outlive the document. nullopt for text that is not JSON or is
  /// larger than 4 GB.
  static std::optional<JsonDocument> parse(llvm::StringRef Text);
  JsonRef root() const { return JsonRef(this, 0); }

private:
  friend class JsonRef;
  enum class Kind : uint8_t { Object, Array, String, Number, True, False, Null };
  struct Node {
    uint32_t Begin = 0, End = 0;     // the value's text (a string's without its quotes)
    uint32_t KeyBegin = 0, KeyEnd = 0; // an object member's key, without quotes
    uint32_t Next = 0;               // the node after this value's subtree
    Kind K = Kind::Null;
    bool Escaped = false, KeyEscaped = false; // strings with backslash escapes
  };
  llvm::StringRef Text;
  std::vector<Node> Nodes;

  std::string decode(uint32_t Begin, uint32_t End) const;
  bool keyEquals(const Node &N, llvm::StringRef Key) const;
};

} // namespace cascade

#endif
