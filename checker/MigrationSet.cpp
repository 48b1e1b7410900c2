#include "MigrationSet.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

namespace path = llvm::sys::path;

namespace cascade {

/// A timestamp with minutes only (12 digits) is compared as one with seconds (14 digits).
static uint64_t normaliseNumber(llvm::StringRef Digits) {
  uint64_t V = 0;
  for (char C : Digits.take_front(19))
    V = V * 10 + static_cast<uint64_t>(C - '0');
  if (Digits.size() == 12)
    V *= 100;
  return V;
}

/// The version at the start of Name: digits with dashes between digit groups
/// (`2014-11-13-193911`), or Flyway's `V1.2__`.
static std::optional<std::vector<uint64_t>> versionOf(llvm::StringRef Name) {
  if ((Name.starts_with("V") || Name.starts_with("U")) && Name.size() > 1 &&
      llvm::isDigit(Name[1])) {
    size_t Sep = Name.find("__");
    if (Sep != llvm::StringRef::npos) {
      std::vector<uint64_t> Parts;
      std::string Dotted = Name.slice(1, Sep).str();
      std::replace(Dotted.begin(), Dotted.end(), '_', '.');
      llvm::SmallVector<llvm::StringRef, 4> Pieces;
      llvm::StringRef(Dotted).split(Pieces, '.');
      for (llvm::StringRef P : Pieces) {
        if (P.empty() || !llvm::all_of(P, [](char C) { return llvm::isDigit(C); }))
          return std::nullopt;
        Parts.push_back(normaliseNumber(P));
      }
      return Parts;
    }
  }
  std::string Digits;
  size_t I = 0;
  while (I < Name.size()) {
    if (llvm::isDigit(Name[I])) {
      Digits += Name[I++];
    } else if (Name[I] == '-' && !Digits.empty() && I + 1 < Name.size() &&
               llvm::isDigit(Name[I + 1])) {
      ++I;
    } else {
      break;
    }
  }
  if (Digits.empty())
    return std::nullopt;
  return std::vector<uint64_t>{normaliseNumber(Digits)};
}

std::optional<std::vector<uint64_t>> migrationVersion(llvm::StringRef Name) {
  return versionOf(Name);
}

/// A file named for its folder's migration: Diesel's up.sql / down.sql, Prisma's migration.sql.
static bool namedForFolder(llvm::StringRef Name) {
  return Name.equals_insensitive("up.sql") || Name.equals_insensitive("down.sql") ||
         Name.equals_insensitive("migration.sql");
}

MigrationFile classifyMigration(llvm::StringRef Path) {
  MigrationFile M;
  M.Path = Path.str();
  llvm::StringRef Name = path::filename(Path);
  llvm::StringRef Dir = path::filename(path::parent_path(Path));
  bool DieselPart = namedForFolder(Name);
  M.Down = Name.ends_with_insensitive(".down.sql") || Name.equals_insensitive("down.sql") ||
           (Name.starts_with("U") && Name.contains("__"));
  M.Schema = Dir.equals_insensitive("schema") || Dir.equals_insensitive("schemas") ||
             Name.starts_with_insensitive("schema") || Name.equals_insensitive("structure.sql");
  if (auto V = versionOf(DieselPart ? Dir : Name))
    M.Version = *V;
  return M;
}

std::string migrationName(llvm::StringRef Path) {
  llvm::StringRef Name = path::filename(Path);
  if (namedForFolder(Name))
    return (path::filename(path::parent_path(Path)) + "/" + Name).str();
  return Name.str();
}

std::vector<MigrationFile> orderMigrations(const std::vector<std::string> &Paths) {
  std::vector<MigrationFile> Out;
  for (const std::string &P : Paths) {
    MigrationFile M = classifyMigration(P);
    if (!M.Down)
      Out.push_back(std::move(M));
  }
  llvm::stable_sort(Out, [](const MigrationFile &A, const MigrationFile &B) {
    // Schema first; then versioned before unversioned; then by version; then by path.
    auto Key = [](const MigrationFile &M) {
      return std::tuple<bool, bool, const std::vector<uint64_t> &, const std::string &>(
          !M.Schema, M.Version.empty(), M.Version, M.Path);
    };
    return Key(A) < Key(B);
  });
  return Out;
}

} // namespace cascade
