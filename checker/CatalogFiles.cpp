#include "CatalogFiles.h"
#include "Analyzer.h"
#include "MigrationSet.h"
#include "RegularFile.h"
#include "SourceText.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace cascade {

llvm::Expected<std::vector<std::string>>
catalogFilePaths(const std::vector<std::string> &Schemas, const std::string &MigrationsDir) {
  std::vector<std::string> Out;
  for (const std::string &S : Schemas) {
    if (!llvm::sys::fs::exists(S))
      return llvm::createStringError(S + ": no such file");
    if (auto Kind = nonRegularKind(S))
      return llvm::createStringError(S + ": not a regular file (" + *Kind + ")");
    Out.push_back(S);
  }
  if (MigrationsDir.empty())
    return Out;
  if (!llvm::sys::fs::is_directory(MigrationsDir))
    return llvm::createStringError(MigrationsDir + ": not a directory");
  std::vector<std::string> Found;
  std::error_code EC;
  for (llvm::sys::fs::recursive_directory_iterator It(MigrationsDir, EC), End; It != End && !EC;
       It.increment(EC)) {
    llvm::StringRef P = It->path();
    if (llvm::sys::path::extension(P).equals_insensitive(".sql") && !nonRegularKind(P))
      Found.push_back(P.str());
  }
  if (EC)
    return llvm::createStringError(MigrationsDir + ": " + EC.message());
  for (MigrationFile &M : orderMigrations(Found))
    if (!llvm::is_contained(Out, M.Path))
      Out.push_back(std::move(M.Path));
  return Out;
}

llvm::Expected<std::vector<CatalogText>> loadCatalogTexts(const std::vector<std::string> &Paths,
                                                          uint64_t MaxBytes) {
  std::vector<CatalogText> Out;
  for (const std::string &P : Paths) {
    auto Text = readRegularFile(P, MaxBytes);
    if (!Text)
      return llvm::createStringError(P + ": " + llvm::toString(Text.takeError()));
    if (validateText(*Text))
      return llvm::createStringError(P + ": not UTF-8 text");
    CatalogText T;
    T.Name = migrationName(P);
    T.Path = P;
    T.Sql = std::move(*Text);
    blankDownSections(T.Sql);
    Out.push_back(std::move(T));
  }
  return Out;
}

} // namespace cascade
