#include "SarifMerge.h"

#include "clang/Tooling/DiagnosticsYaml.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>

namespace cascade {

namespace {

llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>> readInput(const std::string &Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError(Buf.getError(),
                                   "cannot read " + Path + ": " + Buf.getError().message());
  return std::move(*Buf);
}

llvm::Error writeOutput(llvm::StringRef Path, llvm::function_ref<void(llvm::raw_ostream &)> W) {
  std::error_code EC;
  llvm::raw_fd_ostream OS(Path, EC, llvm::sys::fs::OF_None);
  if (EC)
    return llvm::createStringError(EC, "cannot write " + Path.str() + ": " + EC.message());
  W(OS);
  return llvm::Error::success();
}

/// A result's file, as the writer orders files.
std::pair<std::string, std::string> fileOf(const llvm::json::Value &Result) {
  const llvm::json::Object *R = Result.getAsObject();
  const llvm::json::Array *Locs = R ? R->getArray("locations") : nullptr;
  if (!Locs || Locs->empty())
    return {};
  const llvm::json::Object *L = (*Locs)[0].getAsObject();
  const llvm::json::Object *Phys = L ? L->getObject("physicalLocation") : nullptr;
  const llvm::json::Object *A = Phys ? Phys->getObject("artifactLocation") : nullptr;
  if (!A)
    return {};
  auto Base = A->getString("uriBaseId");
  auto Uri = A->getString("uri");
  return {Base ? Base->str() : "", Uri ? Uri->str() : ""};
}

} // namespace

llvm::Error mergeSarif(const std::vector<std::string> &Inputs, llvm::StringRef Output) {
  std::optional<llvm::json::Object> Merged; // the first run
  llvm::json::Array Results;
  bool Successful = true;
  for (const std::string &In : Inputs) {
    auto Buf = readInput(In);
    if (!Buf)
      return Buf.takeError();
    auto Doc = llvm::json::parse((*Buf)->getBuffer());
    if (!Doc)
      return llvm::createStringError(In + ": not JSON: " + llvm::toString(Doc.takeError()));
    llvm::json::Object *Root = Doc->getAsObject();
    llvm::json::Array *Runs = Root ? Root->getArray("runs") : nullptr;
    if (!Root || Root->getString("version") != "2.1.0" || !Runs)
      return llvm::createStringError(In + ": not a SARIF 2.1.0 log");
    for (llvm::json::Value &RunV : *Runs) {
      llvm::json::Object *Run = RunV.getAsObject();
      if (!Run)
        return llvm::createStringError(In + ": a run is not an object");
      if (llvm::json::Array *Rs = Run->getArray("results"))
        for (llvm::json::Value &R : *Rs)
          Results.push_back(std::move(R));
      if (const llvm::json::Array *Inv = Run->getArray("invocations"))
        for (const llvm::json::Value &I : *Inv)
          if (const llvm::json::Object *IO = I.getAsObject())
            Successful = Successful && IO->getBoolean("executionSuccessful").value_or(true);
      Run->erase("results");
      Run->erase("invocations");
      if (!Merged) {
        Merged = std::move(*Run);
        continue;
      }
      // Same tool, same version, same rules, same base directory: else the runs do not merge.
      auto Same = [&](llvm::StringRef Key) {
        const llvm::json::Value *A = Merged->get(Key), *B = Run->get(Key);
        return (!A && !B) || (A && B && *A == *B);
      };
      if (!Same("tool"))
        return llvm::createStringError(In + ": written by another tool or version than " +
                                       Inputs.front() + "; cannot merge");
      if (!Same("originalUriBaseIds"))
        return llvm::createStringError(In + ": written in another directory than " +
                                       Inputs.front() +
                                       " (originalUriBaseIds differ); cannot merge");
    }
  }
  if (!Merged)
    return llvm::createStringError("--merge-sarif: the inputs hold no run");
  std::stable_sort(Results.begin(), Results.end(),
                   [](const llvm::json::Value &A, const llvm::json::Value &B) {
                     return fileOf(A) < fileOf(B);
                   });
  // Keys in the order the writer puts them does not matter: llvm::json prints keys sorted.
  (*Merged)["invocations"] =
      llvm::json::Array{llvm::json::Object{{"executionSuccessful", Successful}}};
  (*Merged)["results"] = std::move(Results);
  llvm::json::Object Root{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                          {"version", "2.1.0"},
                          {"runs", llvm::json::Array{std::move(*Merged)}}};
  return writeOutput(Output, [&](llvm::raw_ostream &OS) {
    OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
  });
}

llvm::Error mergeFixes(const std::vector<std::string> &Inputs, llvm::StringRef Output) {
  clang::tooling::TranslationUnitDiagnostics All;
  for (const std::string &In : Inputs) {
    auto Buf = readInput(In);
    if (!Buf)
      return Buf.takeError();
    clang::tooling::TranslationUnitDiagnostics TU;
    llvm::yaml::Input YAML((*Buf)->getBuffer());
    YAML >> TU;
    if (YAML.error())
      return llvm::createStringError(In + ": not an --export-fixes YAML file");
    if (All.MainSourceFile.empty())
      All.MainSourceFile = TU.MainSourceFile;
    for (clang::tooling::Diagnostic &D : TU.Diagnostics)
      All.Diagnostics.push_back(std::move(D));
  }
  std::stable_sort(All.Diagnostics.begin(), All.Diagnostics.end(),
                   [](const clang::tooling::Diagnostic &A, const clang::tooling::Diagnostic &B) {
                     return A.Message.FilePath < B.Message.FilePath;
                   });
  if (!All.Diagnostics.empty())
    All.MainSourceFile = All.Diagnostics.front().Message.FilePath;
  return writeOutput(Output, [&](llvm::raw_ostream &OS) {
    llvm::yaml::Output YAML(OS);
    YAML << All;
  });
}

} // namespace cascade
