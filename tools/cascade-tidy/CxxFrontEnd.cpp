#include "CxxFrontEnd.h"
#include "RegularFile.h"
#include "SourceText.h"
#include "InputFiles.h"
#include "AstLiteral.h"
#include "FastScan.h"
#include "LexScan.h"
#include "SystemPreamble.h"
#include "LiteralChecker.h"
#include "TuCatalog.h"
#include "Nolint.h"

#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <map>
#include <mutex>
#include <set>

namespace cascade {

namespace {

using namespace clang::ast_matchers;

/// Findings per file, in file offsets, as one TU (or one lex scan) saw them.
using FileFindings = std::map<std::string, std::vector<Finding>>;

/// A file's absolute name: relative names are relative to the compile command's directory,
/// which the file manager knows and the process's working directory does not.
std::string fileName(clang::FileEntryRef File, const clang::SourceManager &SM) {
  llvm::SmallString<256> Name(File.getName());
  SM.getFileManager().makeAbsolutePath(Name);
  return absolutePath(Name);
}

class LiteralCallback : public MatchFinder::MatchCallback {
public:
  LiteralCallback(const CheckerOptions &Opts, const std::vector<CatalogText> &Base,
                  FileFindings &Out, std::vector<std::string> &Tables)
      : Opts(Opts), Base(Base), Out(Out), Tables(Tables) {}

  void run(const MatchFinder::MatchResult &Result) override {
    const auto *SL = Result.Nodes.getNodeAs<clang::StringLiteral>("lit");
    const clang::SourceManager &SM = *Result.SourceManager;
    if (!SL || SM.isInSystemHeader(SM.getSpellingLoc(SL->getBeginLoc())))
      return;
    if (!SL->isOrdinary() && !SL->isUTF8()) {
      noteSkipped(*SL, SM, Result.Context->getLangOpts());
      return;
    }
    this->SM = &SM;
    Collector.add(*SL, SM, *Result.Context);
  }

  /// The TU's literals against one catalog, once all are known.
  void onEndOfTranslationUnit() override {
    for (AstLiteralCollector::Checked &C : Collector.check(Base, Opts, &Tables)) {
      auto Name = SM->getFileEntryRefForID(C.File);
      if (!Name)
        continue;
      llvm::append_range(Out[fileName(*Name, *SM)], C.Findings);
    }
  }

private:
  const CheckerOptions &Opts;
  const std::vector<CatalogText> &Base;
  FileFindings &Out;
  std::vector<std::string> &Tables;
  AstLiteralCollector Collector;
  const clang::SourceManager *SM = nullptr;

  /// Wide, UTF-16 and UTF-32 literals are not read; say so where they mention references.
  void noteSkipped(const clang::StringLiteral &SL, const clang::SourceManager &SM,
                   const clang::LangOptions &LO) {
    clang::SourceLocation L = SM.getSpellingLoc(SL.getBeginLoc());
    bool Invalid = false;
    llvm::StringRef Buf = SM.getBufferData(SM.getFileID(L), &Invalid);
    clang::SourceLocation Last = SM.getSpellingLoc(SL.getEndLoc());
    size_t Begin = SM.getFileOffset(L);
    size_t End = SM.getFileOffset(Last) +
                 clang::Lexer::MeasureTokenLength(Last, SM, LO);
    if (Invalid || !mentionsReferences(Buf.slice(Begin, End)))
      return;
    auto Name = SM.getFileEntryRefForID(SM.getFileID(L));
    if (!Name)
      return;
    Finding F;
    F.Level = Severity::Note;
    F.Begin = F.End = Begin;
    F.Message = "wide, UTF-16 and UTF-32 string literals are not checked for SQL";
    Out[fileName(*Name, SM)].push_back(std::move(F));
  }
};

/// A TU is parsed only when its main file or a non-system header it reaches mentions
/// references: `#include "x"` next to the includer, then on the -I/-iquote paths; `#include <x>`
/// on the same -I/-iquote paths (never the system directories).
bool worthParsing(const std::string &Main, const std::vector<std::string> &IncludeDirs) {
  std::vector<std::string> Queue{Main};
  std::set<std::string> Seen{Main};
  while (!Queue.empty()) {
    std::string File = Queue.back();
    Queue.pop_back();
    // A FIFO or a device among the headers must not block the walk: only regular files.
    auto Buf = readRegularFile(File, DefaultMaxInputBytes);
    if (!Buf) {
      llvm::consumeError(Buf.takeError());
      continue;
    }
    llvm::StringRef Text = *Buf;
    if (mentionsReferences(Text))
      return true;
    llvm::SmallVector<llvm::StringRef, 64> Lines;
    Text.split(Lines, '\n');
    for (llvm::StringRef Line : Lines) {
      std::optional<IncludeLine> Inc = parseIncludeLine(Line);
      if (!Inc)
        continue;
      llvm::StringRef Name = Inc->Name;
      std::vector<std::string> Dirs;
      if (Inc->Quoted)
        Dirs.push_back(llvm::sys::path::parent_path(File).str());
      llvm::append_range(Dirs, IncludeDirs);
      for (const std::string &D : Dirs) {
        std::string Candidate = absolutePath(D + "/" + Name.str());
        if (llvm::sys::fs::exists(Candidate)) {
          if (Seen.insert(Candidate).second)
            Queue.push_back(Candidate);
          break;
        }
      }
    }
  }
  return false;
}

std::vector<std::string> includeDirs(const clang::tooling::CompileCommand &C) {
  std::vector<std::string> Out;
  for (size_t I = 0; I < C.CommandLine.size(); ++I) {
    llvm::StringRef A = C.CommandLine[I];
    for (llvm::StringRef Flag : {"-I", "-iquote"}) {
      if (A == Flag && I + 1 < C.CommandLine.size())
        Out.push_back(C.CommandLine[I + 1]);
      else if (A.starts_with(Flag) && A.size() > Flag.size())
        Out.push_back(A.drop_front(Flag.size()).str());
    }
  }
  for (std::string &D : Out)
    if (!llvm::sys::path::is_absolute(D))
      D = C.Directory + "/" + D;
  return Out;
}

/// compile_commands.json found next to (or above) each file, as clang-tidy does; loaded once
/// per directory, not once per file. A database file that cannot be used (not a regular file,
/// too large, invalid) is skipped, as clang skips it, and named once in Skipped.
class DetectedDatabases {
public:
  std::shared_ptr<clang::tooling::CompilationDatabase> forFile(const std::string &File,
                                                               std::string &Skipped) {
    std::lock_guard<std::mutex> G(Lock);
    llvm::StringRef Dir = llvm::sys::path::parent_path(File);
    std::vector<std::string> Walked;
    std::shared_ptr<clang::tooling::CompilationDatabase> DB;
    for (; !Dir.empty(); Dir = llvm::sys::path::parent_path(Dir)) {
      auto It = ByDirectory.find(Dir.str());
      if (It != ByDirectory.end()) {
        DB = It->second;
        break;
      }
      Walked.push_back(Dir.str());
      std::string ErrorPath, Error;
      if ((DB = loadCompilationDatabase(Dir, ErrorPath, Error)))
        break;
      if (!Error.empty())
        Skipped += escapeControl(ErrorPath) + ": note: " + escapeControl(Error) +
                   "; this compilation database is skipped\n";
    }
    for (const std::string &D : Walked)
      ByDirectory[D] = DB;
    return DB;
  }

private:
  std::mutex Lock;
  std::map<std::string, std::shared_ptr<clang::tooling::CompilationDatabase>> ByDirectory;
};

} // namespace

std::unique_ptr<clang::tooling::CompilationDatabase>
loadCompilationDatabase(llvm::StringRef Dir, std::string &ErrorPath, std::string &Error) {
  using namespace clang::tooling;
  // A database is usually megabytes; a generous limit still stops a runaway file.
  constexpr uint64_t MaxDatabaseBytes = 1ull << 30;
  for (llvm::StringRef Name : {"compile_commands.json", "compile_flags.txt"}) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    if (!llvm::sys::fs::exists(Path))
      continue;
    auto Text = readRegularFile(Path, MaxDatabaseBytes);
    if (!Text) {
      ErrorPath = Path.str().str();
      Error = llvm::toString(Text.takeError());
      return nullptr;
    }
    std::string Why;
    std::unique_ptr<CompilationDatabase> DB;
    if (Name == "compile_flags.txt")
      DB = FixedCompilationDatabase::loadFromBuffer(Dir, *Text, Why);
    else if (auto Json = JSONCompilationDatabase::loadFromBuffer(*Text, Why,
                                                                  JSONCommandLineSyntax::AutoDetect))
      DB = inferTargetAndDriverMode(inferMissingCompileCommands(
          expandResponseFiles(std::move(Json), llvm::vfs::getRealFileSystem())));
    if (!DB) {
      ErrorPath = Path.str().str();
      Error = Why;
    }
    return DB;
  }
  return nullptr;
}

namespace {

/// The catalog files each TU is replayed after, read once per distinct list.
class CatalogCache {
public:
  /// Error: why the files cannot be used, naming the option or key that listed them.
  const std::vector<CatalogText> &forFile(const CxxRun &Run, const FileSettings &S,
                                          std::string &Error) {
    std::vector<std::string> Paths = Run.CatalogPaths;
    std::string Origin = "--schema/--migrations";
    if (Paths.empty() && (!S.CxxSchema.empty() || !S.CxxMigrations.empty())) {
      Origin = "CxxSchema/CxxMigrations in " + S.CxxCatalogSource;
      auto Listed = catalogFilePaths(S.CxxSchema, S.CxxMigrations);
      if (!Listed) {
        Error = "cannot load the schema it is checked against (" + Origin +
                "): " + llvm::toString(Listed.takeError());
        return Empty;
      }
      Paths = std::move(*Listed);
    }
    if (Paths.empty())
      return Empty;
    std::string Key = llvm::join(Paths, std::string(1, '\0'));
    std::lock_guard<std::mutex> G(Lock);
    auto It = Loaded.find(Key);
    if (It == Loaded.end()) {
      Entry E;
      auto Texts = loadCatalogTexts(Paths, S.MaxInputBytes);
      if (Texts)
        E.Texts = std::move(*Texts);
      else
        E.Error = llvm::toString(Texts.takeError());
      It = Loaded.emplace(Key, std::move(E)).first;
    }
    if (!It->second.Error.empty())
      Error = "cannot load the schema it is checked against (" + Origin +
              "): " + It->second.Error;
    return It->second.Texts;
  }

private:
  struct Entry {
    std::vector<CatalogText> Texts;
    std::string Error;
  };
  std::mutex Lock;
  std::map<std::string, Entry> Loaded; // std::map: references stay valid as it grows
  const std::vector<CatalogText> Empty;
};

struct TuResult {
  FileFindings Findings;
  std::vector<std::string> Tables; // the TU catalog's tables (tuTableNames)
  std::string Diagnostics; // compiler output
  bool CompileFailed = false;
};

/// Passes each compiler diagnostic on to the printer, and notes the names of the files the
/// compiler has read that need escaping: the printer writes file names raw, so a file named
/// "x<newline>evil.sql:9:9: error: forged.cpp" would forge a line of the output.
class HostileNameCollector : public clang::DiagnosticConsumer {
public:
  HostileNameCollector(clang::DiagnosticConsumer &Next, std::set<std::string> &Names)
      : Next(Next), Names(Names) {}
  void BeginSourceFile(const clang::LangOptions &LO, const clang::Preprocessor *PP) override {
    Next.BeginSourceFile(LO, PP);
  }
  void EndSourceFile() override { Next.EndSourceFile(); }
  void finish() override { Next.finish(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override {
    DiagnosticConsumer::HandleDiagnostic(Level, Info);
    if (Info.hasSourceManager()) {
      const clang::SourceManager &SM = Info.getSourceManager();
      for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
        llvm::StringRef Name = It->first.getName();
        if (escapeControl(Name) != Name)
          Names.insert(Name.str());
      }
    }
    Next.HandleDiagnostic(Level, Info);
  }

private:
  clang::DiagnosticConsumer &Next;
  std::set<std::string> &Names;
};

/// The match finder's consumer, telling the parser to skip the bodies of functions defined in
/// system headers: their literals are never checked (LiteralCallback), and parsing and
/// instantiating what the standard library's inline functions and templates hold was most of
/// the time a TU took. clang still parses the bodies it cannot skip (constexpr functions,
/// deduced return types).
class SkipSystemBodiesConsumer : public clang::MultiplexConsumer {
public:
  SkipSystemBodiesConsumer(std::unique_ptr<clang::ASTConsumer> Inner,
                           const clang::SourceManager &SM)
      : clang::MultiplexConsumer(one(std::move(Inner))), SM(SM) {}
  bool shouldSkipFunctionBody(clang::Decl *D) override {
    return SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation()));
  }
  /// The matcher walks only the top-level declarations outside system headers: the literals
  /// of a system header are never checked, and walking the standard library's declarations and
  /// the instantiations the TU made of its templates was a large part of matching.
  /// A user's template instantiated by the TU is walked with the template; a user's lambda
  /// passed to a standard algorithm with the function that holds it.
  void HandleTranslationUnit(clang::ASTContext &Ctx) override {
    std::vector<clang::Decl *> Own;
    for (clang::Decl *D : Ctx.getTranslationUnitDecl()->decls())
      if (!SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
        Own.push_back(D);
    Ctx.setTraversalScope(Own);
    clang::MultiplexConsumer::HandleTranslationUnit(Ctx);
  }

private:
  const clang::SourceManager &SM;
  static std::vector<std::unique_ptr<clang::ASTConsumer>>
  one(std::unique_ptr<clang::ASTConsumer> C) {
    std::vector<std::unique_ptr<clang::ASTConsumer>> V;
    V.push_back(std::move(C));
    return V;
  }
};

class LiteralAction : public clang::ASTFrontendAction {
public:
  LiteralAction(MatchFinder &Finder, llvm::raw_ostream &Messages)
      : Finder(Finder), Messages(Messages) {}
  bool BeginInvocation(clang::CompilerInstance &CI) override {
    CI.getFrontendOpts().SkipFunctionBodies = true; // asks the consumer for each body
    // The compiler's "N errors generated." goes with the TU's diagnostics: written straight to
    // standard error, TUs checked in parallel printed it in whatever order they finished.
    CI.setVerboseOutputStream(Messages);
    return true;
  }
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef) override {
    return std::make_unique<SkipSystemBodiesConsumer>(Finder.newASTConsumer(),
                                                      CI.getSourceManager());
  }

private:
  MatchFinder &Finder;
  llvm::raw_ostream &Messages;
};

class LiteralActionFactory : public clang::tooling::FrontendActionFactory {
public:
  LiteralActionFactory(MatchFinder &Finder, llvm::raw_ostream &Messages)
      : Finder(Finder), Messages(Messages) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<LiteralAction>(Finder, Messages);
  }

private:
  MatchFinder &Finder;
  llvm::raw_ostream &Messages;
};

TuResult runAst(const std::string &File, clang::tooling::CompilationDatabase &DB,
                const CheckerOptions &Opts, const std::vector<CatalogText> &Base,
                const char *Language, const std::string &Pch) {
  TuResult R;
  // A physical file system of its own: the default one would make the tool change the whole
  // process's working directory, under the other threads' feet.
  clang::tooling::ClangTool Tool(DB, {File},
                                 std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  llvm::raw_string_ostream DiagOS(R.Diagnostics);
  // The printer takes shared ownership of its options.
  clang::TextDiagnosticPrinter Printer(DiagOS, new clang::DiagnosticOptions());
  std::set<std::string> HostileNames{File};
  HostileNameCollector Collector(Printer, HostileNames);
  Tool.setDiagnosticConsumer(&Collector);
  Tool.setPrintErrorMessage(false); // it names the file raw; the caller says it in a note
  if (Language) // a name clang cannot tell the language from (no extension, --language)
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        {"-x", Language}, clang::tooling::ArgumentInsertPosition::BEGIN));
  if (!Pch.empty()) // the shared preamble (SystemPreamble.h)
    Tool.appendArgumentsAdjuster(clang::tooling::getInsertArgumentAdjuster(
        {"-include-pch", Pch.c_str()}, clang::tooling::ArgumentInsertPosition::BEGIN));
  MatchFinder Finder;
  LiteralCallback Callback(Opts, Base, R.Findings, R.Tables);
  Finder.addMatcher(stringLiteral().bind("lit"), &Callback);
  LiteralActionFactory Factory(Finder, DiagOS);
  R.CompileFailed = Tool.run(&Factory) != 0;
  DiagOS.flush();
  // Longest first, so a name that contains another is replaced whole.
  std::vector<std::string> Names(HostileNames.begin(), HostileNames.end());
  llvm::sort(Names, [](const std::string &A, const std::string &B) { return A.size() > B.size(); });
  for (const std::string &Name : Names) {
    std::string Shown = escapeControl(Name);
    if (Shown == Name)
      continue;
    for (size_t At = 0; (At = R.Diagnostics.find(Name, At)) != std::string::npos;
         At += Shown.size())
      R.Diagnostics.replace(At, Name.size(), Shown);
  }
  return R;
}

/// Two parses of a TU gave the same (CASCADE_TIDY_VERIFY_FAST).
bool sameTu(const TuResult &A, const TuResult &B) {
  return A.Findings == B.Findings && A.Tables == B.Tables && A.Diagnostics == B.Diagnostics &&
         A.CompileFailed == B.CompileFailed;
}

/// Lex mode's view of a translation unit: the main file's literals with each quoted
/// `#include` replaced by the header's literals, recursively. A header is searched next to the
/// file that includes it, then next to each file up the include chain (as clang does for the
/// quoted form); it is read once per TU (as if it had an include guard); one that is not found
/// is left out, as are `#include <...>` and conditional compilation (lex mode evaluates no
/// #if).
class LexTu {
public:
  LexTu(uint64_t MaxBytes, FileFindings &Out) : MaxBytes(MaxBytes), Out(Out) {}

  void add(const std::string &Path, llvm::StringRef Text) {
    if (!Seen.insert(Path).second || Stack.size() > MaxIncludeDepth)
      return;
    Stack.push_back(llvm::sys::path::parent_path(Path).str());
    LexedFile Lexed = lexCxxFile(Text);
    LineTable Lines(Text);
    std::string Base = llvm::sys::path::filename(Path).str();
    size_t NextInclude = 0;
    for (size_t I = 0; I <= Lexed.Literals.size(); ++I) {
      for (; NextInclude < Lexed.Includes.size() &&
             Lexed.Includes[NextInclude].LiteralsBefore == I;
           ++NextInclude)
        include(Lexed.Includes[NextInclude].Name);
      if (I == Lexed.Literals.size())
        break;
      const LexedLiteral &L = Lexed.Literals[I];
      if (!L.Decoded)
        continue;
      if (!checkableEncoding(L.Lit.Encoding)) {
        if (mentionsReferences(Text.slice(L.Begin, L.End))) {
          Finding F;
          F.Level = Severity::Note;
          F.Begin = F.End = L.Begin;
          F.Message = "wide, UTF-16 and UTF-32 string literals are not checked for SQL";
          Out[Path].push_back(std::move(F));
        }
        continue;
      }
      if (!isTuSqlCandidate(L.Lit.Bytes))
        continue;
      TuLiteral T;
      T.Lit = L.Lit;
      T.Source = [Map = L.Lit.ByteSource](size_t Offset) { return Map[Offset]; };
      T.Name = Base + ":" + std::to_string(Lines.line(L.Begin));
      Literals.push_back(std::move(T));
      FileOf.push_back(Path);
    }
    Stack.pop_back();
  }

  std::vector<std::string> check(const std::vector<CatalogText> &Base,
                                 const CheckerOptions &Opts) {
    TuCheckResult R = checkTranslationUnit(Literals, Base, Opts);
    for (size_t I = 0; I < Literals.size(); ++I)
      llvm::append_range(Out[FileOf[I]], R.Findings[I]);
    return tuTableNames(R);
  }

private:
  static constexpr size_t MaxIncludeDepth = 200; // clang's default bracket depth of includes

  void include(const std::string &Name) {
    if (Name.empty() || llvm::sys::path::is_absolute(Name))
      return;
    for (auto Dir = Stack.rbegin(); Dir != Stack.rend(); ++Dir) {
      std::string Candidate = absolutePath(*Dir + "/" + Name);
      if (!llvm::sys::fs::exists(Candidate) || llvm::sys::fs::is_directory(Candidate))
        continue;
      auto Buf = readRegularFile(Candidate, MaxBytes);
      if (!Buf) {
        llvm::consumeError(Buf.takeError()); // the header's own report names the problem
        return;
      }
      add(Candidate, *Buf);
      return;
    }
  }

  uint64_t MaxBytes;
  FileFindings &Out;
  std::set<std::string> Seen;
  std::vector<std::string> Stack; // directories of the files being read
  std::vector<TuLiteral> Literals;
  std::vector<std::string> FileOf;
};

TuResult runLex(const std::string &Path, llvm::StringRef Text, const CheckerOptions &Opts,
                const std::vector<CatalogText> &Base, uint64_t MaxBytes) {
  TuResult Out;
  LexTu Tu(MaxBytes, Out.Findings);
  Tu.add(Path, Text);
  Out.Tables = Tu.check(Base, Opts);
  return Out;
}

/// One finding per place and check: a header's finding seen by several TUs is reported once
/// (the first TU's), even when another TU's catalog words it differently.
bool sameFinding(const Finding &A, const Finding &B) {
  return A.Begin == B.Begin && A.CheckId == B.CheckId && A.Level == B.Level &&
         (A.Level != Severity::Note || A.Message == B.Message);
}

} // namespace

std::vector<FileReport> checkCxxFiles(const std::vector<std::string> &Files,
                                      const std::vector<FileSettings> &Settings, const CxxRun &Run,
                                      std::string &Messages, bool &MissingCommand) {
  struct PerFile {
    TuResult Tu;
    TuResult Lexed; // the TU catalog's tables: Tu.Tables or Lexed.Tables (for "unknown root")
    std::string Note;
    std::string ReadError;
    bool MissingCommand = false;
    std::unique_ptr<llvm::MemoryBuffer> Text;
    // Found before any TU is parsed, so TUs can share a preamble.
    bool Done = false; // nothing more to do (an error, or nothing in the TU can mention a FK)
    bool Ast = false;
    const std::vector<CatalogText> *Base = nullptr;
    std::shared_ptr<clang::tooling::CompilationDatabase> DB;
    std::vector<clang::tooling::CompileCommand> Commands;
    const char *Language = nullptr;
    std::string Includes, PreambleKey;
  };
  std::vector<PerFile> Work(Files.size());
  DetectedDatabases Detected;
  CatalogCache Catalogs;
  // Absolute paths before any tool runs: a ClangTool may change the working directory.
  std::vector<std::string> Absolute;
  for (const std::string &F : Files)
    Absolute.push_back(absolutePath(F));
  SystemPreambles Preambles;
  {
    llvm::DefaultThreadPool Pool(llvm::hardware_concurrency(Run.Jobs));
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        PerFile &W = Work[I];
        W.Done = true;
        const std::string &Abs = Absolute[I];
        if (auto Unsaved = Run.Buffers.find(Abs); Unsaved != Run.Buffers.end()) {
          W.Text = llvm::MemoryBuffer::getMemBufferCopy(Unsaved->second, Abs);
        } else {
          auto Buf = readRegularFile(Abs, Settings[I].MaxInputBytes);
          if (!Buf) {
            W.ReadError = describeReadError(Buf.takeError());
            return;
          }
          W.Text = llvm::MemoryBuffer::getMemBufferCopy(*Buf, Abs);
        }
        std::string CatalogError;
        W.Base = &Catalogs.forFile(Run, Settings[I], CatalogError);
        if (!CatalogError.empty()) {
          W.ReadError = CatalogError;
          return;
        }
        W.DB = Run.Database;
        if (!W.DB && Run.Mode != CxxMode::Lex) {
          std::string Skipped;
          W.DB = Detected.forFile(Abs, Skipped);
          W.Note += Skipped;
        }
        if (W.DB)
          W.Commands = W.DB->getCompileCommands(Abs);
        W.Ast = Run.Mode != CxxMode::Lex && !W.Commands.empty();
        if (!W.Ast && Run.Mode == CxxMode::Ast) {
          W.MissingCommand = true;
          W.Note += escapeControl(Files[I]) + ": error: no compile command for this file" +
                    (Run.DatabaseSource.empty() ? "" : " in " + Run.DatabaseSource) +
                    "; use -p <build-dir> or -- <flags>\n";
        } else if (!W.Ast && Run.Mode == CxxMode::Auto && W.DB)
          W.Note += escapeControl(Files[I]) + ": note: no compile command for this file" +
                    (Run.DatabaseSource.empty() ? "" : " in " + Run.DatabaseSource) +
                    "; checked in lex mode (macros are not expanded)\n";
        if (W.Ast && !worthParsing(Abs, includeDirs(W.Commands.front())))
          return; // nothing in this TU can mention a FK
        if (W.Ast) {
          auto Lang = Run.Language.find(Abs);
          W.Language = Lang == Run.Language.end() ? nullptr : clangLanguage(Lang->second);
          if (W.Commands.size() == 1) {
            W.Includes = leadingSystemIncludes(W.Text->getBuffer());
            W.PreambleKey = SystemPreambles::keyOf(W.Commands.front(),
                                                   W.Language ? W.Language : "", W.Includes);
          }
        }
        W.Done = false;
      });
    Pool.wait();
    for (const PerFile &W : Work)
      if (!W.Done && W.Ast)
        Preambles.count(W.PreambleKey);
    for (size_t I = 0; I < Files.size(); ++I)
      Pool.async([&, I] {
        PerFile &W = Work[I];
        if (W.Done)
          return;
        const std::string &Abs = Absolute[I];
        const CheckerOptions &Opts = Settings[I].Checker;
        if (W.Ast) {
          std::string Pch =
              fastPaths() == FastPaths::Off
                  ? ""
                  : Preambles.pchFor(W.PreambleKey, W.Commands.front(), W.Language, W.Includes);
          W.Tu = runAst(Abs, *W.DB, Opts, *W.Base, W.Language, Pch);
          if (W.Tu.CompileFailed && !Pch.empty()) // the TU's own diagnostics, as without it
            W.Tu = runAst(Abs, *W.DB, Opts, *W.Base, W.Language, "");
          else if (!Pch.empty() && fastPaths() == FastPaths::Verify &&
                   !sameTu(W.Tu, runAst(Abs, *W.DB, Opts, *W.Base, W.Language, ""))) {
            llvm::errs() << "cascade-tidy: internal error: " << Abs
                         << " gives other findings with the shared preamble than without it\n";
            std::abort();
          }
          if (!W.Tu.CompileFailed)
            return;
          W.Note += escapeControl(Files[I]) +
                    ": note: the file does not compile; its literals are also checked in lex "
                    "mode\n";
        }
        if (Run.Mode == CxxMode::Ast && !W.Ast)
          return;
        W.Lexed = runLex(Abs, W.Text->getBuffer(), Opts, *W.Base, Settings[I].MaxInputBytes);
      });
    Pool.wait();
  }

  // Merge: each finding once (a header seen by many TUs), reports in first-seen order.
  std::vector<std::string> Order;
  std::map<std::string, std::vector<Finding>> Merged;
  std::map<std::string, size_t> SettingsOf;
  std::vector<FileReport> Reports;
  auto Take = [&](const FileFindings &FF, size_t Index) {
    for (const auto &[Path, Findings] : FF) {
      if (!Merged.count(Path)) {
        Order.push_back(Path);
        SettingsOf[Path] = Index;
      }
      std::vector<Finding> &Into = Merged[Path];
      for (const Finding &F : Findings)
        if (llvm::none_of(Into, [&](const Finding &G) { return sameFinding(F, G); }))
          Into.push_back(F);
    }
  };
  for (size_t I = 0; I < Files.size(); ++I) {
    PerFile &W = Work[I];
    Messages += W.Tu.Diagnostics + W.Note;
    MissingCommand = MissingCommand || W.MissingCommand;
    if (!W.ReadError.empty()) {
      FileReport R;
      R.Path = Files[I];
      R.ReadError = W.ReadError;
      Reports.push_back(std::move(R));
      continue;
    }
    const std::string &Abs = Absolute[I];
    if (!Merged.count(Abs)) {
      Order.push_back(Abs);
      SettingsOf[Abs] = I;
      Merged[Abs];
    }
    Take(W.Tu.Findings, I);
    Take(W.Lexed.Findings, I);
  }
  std::map<std::string, std::string> Shown; // absolute -> as the user named it
  for (size_t I = 0; I < Files.size(); ++I)
    Shown[Absolute[I]] = Files[I];
  for (const std::string &Path : Order) {
    std::vector<Finding> &Findings = Merged[Path];
    FileReport R;
    R.Path = Shown.count(Path) ? Shown[Path] : Path;
    const FileSettings &S = Settings[SettingsOf[Path]];
    R.WarningsAsErrors = S.WarningsAsErrors;
    // Main files were read by their worker; a header is read here.
    auto Main = llvm::find(Absolute, Path);
    if (Main != Absolute.end() && Work[Main - Absolute.begin()].Text) {
      const PerFile &W = Work[Main - Absolute.begin()];
      R.Text = W.Text->getBuffer().str();
      // The tables the TU's catalog created, so a root that only C/C++ code creates is known.
      for (const std::vector<std::string> *Names : {&W.Tu.Tables, &W.Lexed.Tables})
        for (llvm::StringRef Name : *Names) {
          CreatedTable T;
          if (Name.contains('.'))
            T.Name = {Name.split('.').first.str(), Name.split('.').second.str()};
          else
            T.Name.Name = Name.str();
          R.Tables.push_back(std::move(T));
        }
    } else {
      auto Buf = readRegularFile(Path, S.MaxInputBytes);
      if (!Buf) {
        R.ReadError = describeReadError(Buf.takeError());
        Reports.push_back(std::move(R));
        continue;
      }
      R.Text = std::move(*Buf);
    }
    NolintFilter Nolint(R.Text, lexCxxFile(R.Text).Comments, /*OwnNamesOnly=*/true);
    for (Finding &F : Findings) {
      if (F.Level != Severity::Note && Nolint.suppresses(F)) {
        ++R.Suppressed;
        continue;
      }
      R.Findings.push_back(std::move(F));
    }
    llvm::append_range(R.Findings, Nolint.problems());
    llvm::stable_sort(R.Findings,
                      [](const Finding &A, const Finding &B) { return A.Begin < B.Begin; });
    Reports.push_back(std::move(R));
  }
  return Reports;
}

} // namespace cascade
