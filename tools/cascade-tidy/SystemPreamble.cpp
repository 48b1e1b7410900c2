#include "SystemPreamble.h"
#include "SourceText.h"

#include "clang/Basic/SourceManager.h"
#include "clang/Driver/Types.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendActions.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdlib>

namespace cascade {

std::optional<IncludeLine> parseIncludeLine(llvm::StringRef Line) {
  Line = Line.trim();
  if (!Line.consume_front("#"))
    return std::nullopt;
  Line = Line.ltrim();
  if (!Line.consume_front("include"))
    return std::nullopt;
  Line = Line.ltrim();
  IncludeLine Out;
  Out.Quoted = Line.consume_front("\"");
  if (!Out.Quoted && !Line.consume_front("<"))
    return std::nullopt;
  size_t Close = Line.find(Out.Quoted ? '"' : '>');
  Out.Closed = Close != llvm::StringRef::npos;
  Out.Name = Line.take_front(Close);
  if (Out.Closed)
    Out.After = Line.drop_front(Close + 1).trim();
  return Out;
}

std::string leadingSystemIncludes(llvm::StringRef Text) {
  std::string Out;
  bool InComment = false;
  while (!Text.empty()) {
    auto [Line, Rest] = Text.split('\n');
    Text = Rest;
    llvm::StringRef L = Line.trim();
    if (L.ends_with("\\"))
      break; // a continued line: not read here
    if (InComment || L.starts_with("/*")) {
      size_t End = L.find("*/", InComment ? 0 : 2);
      InComment = End == llvm::StringRef::npos;
      if (!InComment && !L.drop_front(End + 2).trim().empty())
        break; // code after the comment
      continue;
    }
    if (L.empty() || L.starts_with("//"))
      continue;
    std::optional<IncludeLine> Inc = parseIncludeLine(L);
    bool NothingAfter = Inc && (Inc->After.empty() || Inc->After.starts_with("//"));
    if (!Inc || Inc->Quoted || !Inc->Closed || !NothingAfter)
      break; // a quoted include, or code after the directive
    Out += "#include <" + Inc->Name.str() + ">\n";
  }
  return Out;
}

namespace {

/// The index of the command's argument that names its file, or -1 (no such argument, or more
/// than one, or an option that would make the shared header differ from the TU's view).
int fileArgument(const clang::tooling::CompileCommand &Cmd) {
  int Found = -1;
  for (size_t I = 1; I < Cmd.CommandLine.size(); ++I) {
    llvm::StringRef A = Cmd.CommandLine[I];
    // A forced include comes before the TU's first line; an explicit language applies to the
    // header too; modules change how includes are read.
    if (A == "-x" || A.starts_with("-include") || A.starts_with("--include") ||
        A.starts_with("-imacros") || A.starts_with("--imacros") || A.starts_with("-fmodules") ||
        A == "-Xclang" || A.starts_with("-emit-"))
      return -1;
    if (A == Cmd.Filename) {
      if (Found >= 0)
        return -1;
      Found = static_cast<int>(I);
    }
  }
  return Found;
}

/// The `-x` name for a header of the TU's language: "c++-header" for a .cpp file.
std::string headerLanguage(const clang::tooling::CompileCommand &Cmd, const char *Language) {
  using namespace clang::driver;
  types::ID Source = Language ? types::lookupTypeForTypeSpecifier(Language)
                              : types::lookupTypeForExtension(
                                    llvm::sys::path::extension(Cmd.Filename).drop_front());
  if (Source == types::TY_INVALID)
    return "";
  types::ID Header = types::lookupHeaderTypeForSourceType(Source);
  return Header == types::TY_INVALID ? "" : types::getTypeName(Header);
}

class OneCommand : public clang::tooling::CompilationDatabase {
public:
  explicit OneCommand(clang::tooling::CompileCommand Cmd) : Cmd(std::move(Cmd)) {}
  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(llvm::StringRef) const override {
    return {Cmd};
  }

private:
  clang::tooling::CompileCommand Cmd;
};

/// Fails the build when the preamble reached a file that is not a system header: that file's
/// literals would go unchecked and its bodies unparsed.
class OnlySystemFiles : public clang::ASTConsumer {
public:
  OnlySystemFiles(const clang::SourceManager &SM, std::string &Problem)
      : SM(SM), Problem(Problem) {}
  void HandleTranslationUnit(clang::ASTContext &) override {
    clang::OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
    for (unsigned I = 0, N = SM.local_sloc_entry_size(); I < N; ++I) {
      const clang::SrcMgr::SLocEntry &E = SM.getLocalSLocEntry(I);
      if (!E.isFile())
        continue;
      const clang::SrcMgr::FileInfo &FI = E.getFile();
      clang::OptionalFileEntryRef File = FI.getContentCache().OrigEntry;
      if (FI.getFileCharacteristic() == clang::SrcMgr::C_User && File && File != Main &&
          Problem.empty())
        Problem = escapeControl(File->getName()) + " is not a system header";
    }
  }

private:
  const clang::SourceManager &SM;
  std::string &Problem;
};

class PchAction : public clang::GeneratePCHAction {
public:
  PchAction(std::string Output, std::string &Problem)
      : Output(std::move(Output)), Problem(Problem) {}
  bool BeginInvocation(clang::CompilerInstance &CI) override {
    CI.getFrontendOpts().OutputFile = Output;
    CI.getFrontendOpts().SkipFunctionBodies = true; // every file in it is a system header
    return true;
  }
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &CI,
                                                        llvm::StringRef InFile) override {
    std::vector<std::unique_ptr<clang::ASTConsumer>> Both;
    Both.push_back(std::make_unique<OnlySystemFiles>(CI.getSourceManager(), Problem));
    std::unique_ptr<clang::ASTConsumer> Pch = GeneratePCHAction::CreateASTConsumer(CI, InFile);
    if (!Pch)
      return nullptr;
    Both.push_back(std::move(Pch));
    return std::make_unique<clang::MultiplexConsumer>(std::move(Both));
  }

private:
  std::string Output;
  std::string &Problem;
};

class PchActionFactory : public clang::tooling::FrontendActionFactory {
public:
  PchActionFactory(std::string Output, std::string &Problem)
      : Output(std::move(Output)), Problem(Problem) {}
  std::unique_ptr<clang::FrontendAction> create() override {
    return std::make_unique<PchAction>(Output, Problem);
  }

private:
  std::string Output;
  std::string &Problem;
};

} // namespace

SystemPreambles::SystemPreambles() = default;

SystemPreambles::~SystemPreambles() {
  if (Dir.empty())
    return;
  for (const auto &[Key, E] : Entries)
    if (!E.Path.empty()) {
      llvm::sys::fs::remove(E.Path);
      llvm::sys::fs::remove(E.Path + ".h");
    }
  llvm::sys::fs::remove(Dir);
}

std::string SystemPreambles::keyOf(const clang::tooling::CompileCommand &Cmd,
                                   llvm::StringRef Language, llvm::StringRef Includes) {
  int File = fileArgument(Cmd);
  if (Includes.empty() || File < 0)
    return "";
  std::string Key = Cmd.Directory + '\0' + Language.str() + '\0' +
                    llvm::sys::path::extension(Cmd.Filename).str() + '\0';
  // The output and dependency-file options differ per TU and do not change the parse (the tool
  // drops them).
  for (size_t I = 0; I < Cmd.CommandLine.size(); ++I) {
    llvm::StringRef A = Cmd.CommandLine[I];
    if (A == "-o" || A == "-MF" || A == "-MT" || A == "-MQ") {
      ++I;
      continue;
    }
    bool JoinedOutput = A.starts_with("-o") && !A.starts_with("-ob"); // -ofoo.o, not -objc...
    if (JoinedOutput || A.starts_with("-MF") || A.starts_with("-MT") || A.starts_with("-MQ") ||
        A == "-MD" || A == "-MMD" || A == "-MP")
      continue;
    Key += (static_cast<int>(I) == File ? std::string("\1") : A.str()) + '\0';
  }
  return Key + Includes.str();
}

void SystemPreambles::count(const std::string &Key) {
  if (!Key.empty())
    ++Entries[Key].Users;
}

std::string SystemPreambles::pchFor(const std::string &Key,
                                    const clang::tooling::CompileCommand &Cmd,
                                    const char *Language, llvm::StringRef Includes) {
  std::string Pch;
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Entries.find(Key);
    if (Key.empty() || It == Entries.end() || It->second.Users < 2)
      return "";
    Entry &E = It->second;
    if (E.S == State::Ready)
      return E.Path;
    if (E.S != State::Unbuilt)
      return "";
    if (Dir.empty()) {
      llvm::SmallString<128> D;
      if (llvm::sys::fs::createUniqueDirectory("cascade-tidy-preamble", D)) {
        E.S = State::Unusable;
        return "";
      }
      Dir = std::string(D);
    }
    E.S = State::Building;
    Pch = Dir + "/p" + std::to_string(Next++) + ".pch";
  }
  std::string Problem = build(Cmd, Language, Includes, Pch + ".h", Pch);
  bool Ok = Problem.empty();
  std::lock_guard<std::mutex> Lock(Mutex);
  Entry &E = Entries[Key];
  if (const char *Log = std::getenv("CASCADE_TIDY_LOG_PREAMBLES"); Log && *Log) {
    size_t Lines = llvm::count(Includes, '\n');
    llvm::errs() << "cascade-tidy: shared preamble of " << Lines << " system include"
                 << (Lines == 1 ? "" : "s") << " for " << E.Users << " TUs: "
                 << (Ok ? "built" : "not used: " + Problem) << "\n";
  }
  E.Path = Pch; // removed at the end either way
  E.S = Ok ? State::Ready : State::Unusable;
  return Ok ? Pch : "";
}

std::string SystemPreambles::build(const clang::tooling::CompileCommand &TuCmd,
                                   const char *Language, llvm::StringRef Includes,
                                   const std::string &Header, const std::string &Pch) {
  std::string Kind = headerLanguage(TuCmd, Language);
  int File = fileArgument(TuCmd);
  if (Kind.empty() || File < 0)
    return "no header language for " + escapeControl(TuCmd.Filename);
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Header, EC);
    if (EC)
      return "cannot write " + escapeControl(Header) + ": " + EC.message();
    OS << Includes;
    OS.close();
    if (OS.has_error()) {
      std::string Why = "cannot write " + escapeControl(Header) + ": " + OS.error().message();
      OS.clear_error();
      return Why;
    }
  }
  clang::tooling::CompileCommand Cmd = TuCmd;
  Cmd.Filename = Header;
  Cmd.CommandLine[File] = Header;
  Cmd.CommandLine.insert(Cmd.CommandLine.begin() + File, {"-x", Kind});
  OneCommand DB(Cmd);
  clang::tooling::ClangTool Tool(DB, {Header}, std::make_shared<clang::PCHContainerOperations>(),
                                 llvm::vfs::createPhysicalFileSystem());
  clang::IgnoringDiagConsumer Quiet; // a preamble that fails is parsed with its TU instead
  Tool.setDiagnosticConsumer(&Quiet);
  Tool.setPrintErrorMessage(false);
  std::string Problem;
  PchActionFactory Factory(Pch, Problem);
  if (Tool.run(&Factory) != 0)
    return Problem.empty() ? "it does not compile" : Problem;
  if (Problem.empty() && !llvm::sys::fs::exists(Pch))
    return "no precompiled header was written";
  return Problem;
}

} // namespace cascade
