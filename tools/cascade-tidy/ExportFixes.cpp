#include "ExportFixes.h"
#include "InputFiles.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

namespace cascade {

llvm::Error exportFixes(llvm::StringRef OutPath, const std::vector<FileReport> &Reports) {
  clang::tooling::TranslationUnitDiagnostics TU;
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  for (const FileReport &R : Reports) {
    std::string Abs = absolutePath(R.Path);
    if (TU.MainSourceFile.empty())
      TU.MainSourceFile = Abs;
    for (const Finding &F : R.Findings) {
      if (F.Level != Severity::Warning)
        continue; // errors have no fix; notes are not findings
      clang::tooling::Diagnostic D;
      D.DiagnosticName = F.CheckId;
      D.DiagLevel = clang::tooling::Diagnostic::Warning;
      D.BuildDirectory = Cwd.str().str();
      D.Message.Message = F.Message;
      D.Message.FilePath = Abs;
      D.Message.FileOffset = static_cast<unsigned>(F.Begin);
      for (const Edit &E : F.Edits) {
        clang::tooling::Replacement Rep(Abs, static_cast<unsigned>(E.Offset),
                                        static_cast<unsigned>(E.Length), E.Text);
        if (llvm::Error Err = D.Message.Fix[Abs].add(Rep))
          llvm::consumeError(std::move(Err)); // an overlapping edit: --fix skips it too
      }
      for (const Note &N : F.Notes) {
        clang::tooling::DiagnosticMessage M;
        M.Message = N.Message;
        M.FilePath = Abs;
        M.FileOffset = static_cast<unsigned>(N.Begin);
        D.Notes.push_back(std::move(M));
      }
      TU.Diagnostics.push_back(std::move(D));
    }
  }
  std::error_code EC;
  llvm::raw_fd_ostream OS(OutPath, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(EC, "cannot write " + OutPath.str() + ": " + EC.message());
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  return llvm::Error::success();
}

} // namespace cascade
