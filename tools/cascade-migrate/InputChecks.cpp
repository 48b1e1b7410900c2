#include "InputChecks.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace cascade {

llvm::Error checkFileWord(llvm::StringRef Option, llvm::StringRef Value) {
  auto WordChar = [](char C) { return llvm::isAlnum(C) || C == '-' || C == '_' || C == '.'; };
  if (!Value.empty() && Value.size() <= 100 && Value[0] != '.' && llvm::all_of(Value, WordChar))
    return llvm::Error::success();
  return llvm::createStringError(
      "invalid " + Option.str() + " '" + Value.str() +
      "': expected a plain file-name word (letters, digits, '-', '_' and '.', not leading; at "
      "most 100 characters)");
}

llvm::Error checkRootsExist(const std::vector<RootTable> &Roots,
                            const std::vector<QualifiedName> &Tables, llvm::StringRef Where) {
  for (const RootTable &R : Roots)
    if (llvm::none_of(Tables, [&](const QualifiedName &T) { return R.matches(T, {}); }))
      return llvm::createStringError("root table '" + R.Table.str() +
                                     "' does not exist in " + Where.str() +
                                     ": name an existing table with --root");
  return llvm::Error::success();
}

} // namespace cascade
