#include "ExportFixes.h"
#include "InputFiles.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace cascade {

llvm::Error exportFixes(llvm::StringRef OutPath, const std::vector<FileReport> &Reports) {
  clang::tooling::TranslationUnitDiagnostics TU;
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  // Files by absolute path, so that the shards of a --shard run merge (--merge-fixes) into
  // this same file; the main file is the first one with a fix, as the merge picks it.
  std::vector<std::pair<std::string, const FileReport *>> Sorted;
  for (const FileReport &R : Reports)
    Sorted.push_back({absolutePath(R.Path), &R});
  std::stable_sort(Sorted.begin(), Sorted.end(),
                   [](const auto &A, const auto &B) { return A.first < B.first; });
  for (const auto &[Abs, RP] : Sorted) {
    const FileReport &R = *RP;
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
  if (!TU.Diagnostics.empty())
    TU.MainSourceFile = TU.Diagnostics.front().Message.FilePath;
  std::error_code EC;
  llvm::raw_fd_ostream OS(OutPath, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(EC, "cannot write " + OutPath.str() + ": " + EC.message());
  llvm::yaml::Output YAML(OS);
  YAML << TU;
  return llvm::Error::success();
}

} // namespace cascade
