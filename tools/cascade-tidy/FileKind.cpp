#include "FileKind.h"
#include "CxxFrontEnd.h"
#include "InputFiles.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringSwitch.h"

namespace cascade {

std::optional<FileKind> parseLanguage(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<FileKind>>(Name.lower())
      .Case("sql", FileKind::Sql)
      .Case("c", FileKind::C)
      .Cases("c++", "cxx", "cpp", FileKind::Cxx)
      .Default(std::nullopt);
}

const char *clangLanguage(FileKind K) { return K == FileKind::C ? "c" : "c++"; }

namespace {

/// SQL keywords match in any case; C and C++ keywords (CaseSensitive) only as spelled.
bool startsWithWord(llvm::StringRef Line, llvm::StringRef Word, bool CaseSensitive = false) {
  if (CaseSensitive ? !Line.starts_with(Word) : !Line.starts_with_insensitive(Word))
    return false;
  llvm::StringRef Rest = Line.drop_front(Word.size());
  return Rest.empty() || !(isalnum(static_cast<unsigned char>(Rest[0])) || Rest[0] == '_');
}

/// Words that begin a statement in a migration or a psql script.
bool startsSqlStatement(llvm::StringRef Line) {
  for (llvm::StringRef W : {"create", "alter", "drop", "insert", "update", "delete", "select",
                            "begin", "commit", "rollback", "grant", "revoke", "comment",
                            "truncate", "set", "with", "do", "start", "values", "copy"})
    if (startsWithWord(Line, W))
      return true;
  return false;
}

bool isDirective(llvm::StringRef Line) {
  if (!Line.consume_front("#"))
    return false;
  Line = Line.ltrim();
  for (llvm::StringRef W : {"include", "define", "if", "ifdef", "ifndef", "endif", "pragma",
                            "import", "undef", "else", "elif"})
    if (startsWithWord(Line, W))
      return true;
  return false;
}

bool cxxOnly(llvm::StringRef Line) {
  for (llvm::StringRef W : {"namespace", "class", "template", "using", "public:", "private:",
                            "protected:"})
    if (startsWithWord(Line, W, /*CaseSensitive=*/true))
      return true;
  return Line.contains("std::") || Line.contains("nullptr") || Line.contains("R\"(") ||
         Line.contains("auto ");
}

} // namespace

FileKind kindFromContent(llvm::StringRef Text) {
  unsigned Code = 0, Sql = 0;
  bool Cxx = false, InBlockComment = false;
  llvm::SmallVector<llvm::StringRef, 64> Lines;
  Text.split(Lines, '\n');
  for (llvm::StringRef Raw : Lines) {
    llvm::StringRef Line = Raw.trim();
    if (InBlockComment) { // `/* */` is common to both: it says nothing
      if (Line.contains("*/"))
        InBlockComment = false;
      continue;
    }
    if (Line.starts_with("/*")) {
      InBlockComment = !Line.contains("*/");
      continue;
    }
    if (Line.empty())
      continue;
    if (isDirective(Line)) {
      Code += 10; // no SQL dialect starts a line with #include
      continue;
    }
    if (Line.starts_with("//")) {
      ++Code;
      continue;
    }
    if (Line.starts_with("--")) {
      ++Sql;
      continue;
    }
    if (cxxOnly(Line)) {
      Cxx = true;
      Code += 2;
      continue;
    }
    if (startsSqlStatement(Line)) {
      Sql += 2;
      continue;
    }
    // A function body: `{` ending a line, a closing `}` alone, `return ...;`.
    if (Line.ends_with("{") || Line == "}" || Line == "};" ||
        llvm::any_of(llvm::ArrayRef<llvm::StringRef>{"return", "int", "void", "static", "struct",
                                                     "const", "extern"},
                     [&](llvm::StringRef W) { return startsWithWord(Line, W, true); }))
      ++Code;
  }
  // C++ reads nearly every C source: without a sign of C++ the file is still checked as C++.
  (void)Cxx;
  return Code <= Sql ? FileKind::Sql : FileKind::Cxx;
}

static std::set<std::string> listedFiles(const clang::tooling::CompilationDatabase &DB) {
  std::set<std::string> Out;
  for (const std::string &F : DB.getAllFiles())
    Out.insert(realPathOr(F));
  return Out;
}

DatabaseListing::DatabaseListing(const clang::tooling::CompilationDatabase *Given) {
  if (Given)
    GivenFiles = listedFiles(*Given);
}

const std::set<std::string> *DatabaseListing::filesIn(const std::string &Dir) {
  auto It = ByDir.find(Dir);
  if (It != ByDir.end())
    return It->second;
  const std::set<std::string> *Files = nullptr;
  std::string ErrorPath, Error;
  llvm::SmallString<256> Json(Dir);
  llvm::sys::path::append(Json, "compile_commands.json");
  if (llvm::sys::fs::exists(Json)) {
    if (auto DB = loadCompilationDatabase(Dir, ErrorPath, Error))
      Files = &Loaded.emplace_back(listedFiles(*DB));
  } else {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (!Parent.empty() && Parent != Dir)
      Files = filesIn(Parent.str());
  }
  return ByDir[Dir] = Files;
}

const std::set<std::string> *DatabaseListing::filesFor(llvm::StringRef RealDir) {
  if (GivenFiles)
    return GivenFiles->empty() ? nullptr : &*GivenFiles;
  return filesIn(RealDir.str());
}

bool DatabaseListing::lists(llvm::StringRef Path) {
  std::string Real = realPathOr(Path);
  const std::set<std::string> *Files =
      filesFor(llvm::sys::path::parent_path(absolutePath(Real)));
  return Files && Files->count(Real) > 0;
}

FileKind explicitFileKind(llvm::StringRef Path, std::optional<FileKind> Language,
                          bool IsCxxExtension, DatabaseListing *Listing, bool &ExtensionDecided) {
  llvm::StringRef Ext = llvm::sys::path::extension(Path);
  bool IsC = Ext == ".c";
  ExtensionDecided = !Language && IsCxxExtension;
  if (Language)
    return *Language;
  // The extensions first: no database lists a .sql file, and one listing a .cpp file says
  // nothing new; so a database is only loaded for a name that does not decide.
  if (Ext.equals_insensitive(".sql"))
    return FileKind::Sql;
  if (IsCxxExtension)
    return IsC ? FileKind::C : FileKind::Cxx;
  if (Listing && Listing->lists(Path))
    return FileKind::Cxx;
  // Enough of the start to tell code from SQL; an unreadable file is left to the SQL front end,
  // which reports why it cannot be read.
  uint64_t Size = 0;
  if (llvm::sys::fs::file_size(Path, Size))
    return FileKind::Sql;
  auto Head = llvm::MemoryBuffer::getFileSlice(Path, std::min<uint64_t>(Size, 64 * 1024), 0);
  if (!Head)
    return FileKind::Sql;
  return kindFromContent((*Head)->getBuffer());
}

} // namespace cascade
