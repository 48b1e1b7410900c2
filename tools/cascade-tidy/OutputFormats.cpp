#include "OutputFormats.h"
#include "InputFiles.h"

#include "Check.h"
#include "SourceText.h"
#include "Version.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ConvertUTF.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MD5.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <map>

#ifndef CASCADE_TIDY_DOCS_URL
#error "CASCADE_TIDY_DOCS_URL must be defined by the build"
#endif

namespace cascade {

std::optional<OutputFormat> parseOutputFormat(llvm::StringRef Name) {
  return llvm::StringSwitch<std::optional<OutputFormat>>(Name)
      .Case("clang", OutputFormat::Clang)
      .Case("json", OutputFormat::Json)
      .Case("sarif", OutputFormat::Sarif)
      .Case("github", OutputFormat::Github)
      .Case("gitlab", OutputFormat::Gitlab)
      .Default(std::nullopt);
}

std::string toolVersionForOutput() { return toolVersion().str(); }

std::string githubEscape(llvm::StringRef S, bool Property) {
  std::string Out;
  for (char C : S) {
    switch (C) {
    case '%': Out += "%25"; break;
    case '\r': Out += "%0D"; break;
    case '\n': Out += "%0A"; break;
    case ':': Out += Property ? "%3A" : ":"; break;
    case ',': Out += Property ? "%2C" : ","; break;
    default: Out += C;
    }
  }
  return Out;
}

namespace {

constexpr const char *InformationUri = CASCADE_TIDY_DOCS_URL;

/// JSON strings must be UTF-8: an undecodable file's bytes are replaced, not passed through.
std::string utf8(llvm::StringRef S) {
  return llvm::json::isUTF8(S) ? S.str() : llvm::json::fixUTF8(S);
}

struct Position {
  unsigned Line, Column, EndLine, EndColumn;
};

Position positionOf(const LineTable &Lines, size_t Begin, size_t End) {
  End = std::max(Begin, End);
  return {Lines.line(Begin), Lines.column(Begin), Lines.line(End), Lines.column(End)};
}

const char *levelName(Severity L) {
  return L == Severity::Error ? "error" : L == Severity::Note ? "note" : "warning";
}

std::string forwardSlashes(llvm::StringRef P) {
  std::string S = P.str();
  std::replace(S.begin(), S.end(), '\\', '/');
  return S;
}

/// Percent-encodes all but unreserved characters and '/'.
std::string uriEncode(llvm::StringRef P) {
  std::string Out;
  for (unsigned char C : P) {
    if (llvm::isAlnum(C) || C == '-' || C == '.' || C == '_' || C == '~' || C == '/')
      Out += static_cast<char>(C);
    else
      Out += llvm::formatv("%{0:X-2}", static_cast<unsigned>(C)).str();
  }
  return Out;
}

std::string currentDir() {
  llvm::SmallString<256> Cwd;
  llvm::sys::fs::current_path(Cwd);
  return forwardSlashes(Cwd);
}

/// GitLab wants paths relative to the project root: the working directory of the job.
std::string repoPath(llvm::StringRef Path, llvm::StringRef Cwd) {
  std::string Abs = forwardSlashes(absolutePath(Path));
  llvm::StringRef Rel(Abs);
  if (Rel.consume_front(Cwd) && Rel.consume_front("/"))
    return Rel.str();
  return Abs;
}

/// A note printed on its own (a key a later migration fixes) belongs to no check; SARIF needs
/// a rule for every result, so the formats name it cascade-tidy-note.
constexpr const char *NoteRuleId = "cascade-tidy-note";
std::string checkOf(const Finding &F) { return F.CheckId.empty() ? NoteRuleId : F.CheckId; }

/// One finding with everything a format needs.
struct Item {
  const FileReport *Report;
  const LineTable *Lines;
  const Finding *F;
  Severity Level; // after --warnings-as-errors
  Position Pos;
  std::string Fingerprint;
};

/// Files by path (stable: a file's findings keep their order), each finding once.
std::vector<Item> collect(const std::vector<FileReport> &Reports,
                          std::vector<std::unique_ptr<LineTable>> &Tables) {
  std::vector<const FileReport *> Sorted;
  for (const FileReport &R : Reports)
    if (R.ReadError.empty())
      Sorted.push_back(&R);
  std::string Cwd = currentDir();
  std::stable_sort(Sorted.begin(), Sorted.end(), [&](const FileReport *A, const FileReport *B) {
    return sarifFileOrder(A->Path, Cwd) < sarifFileOrder(B->Path, Cwd);
  });
  std::vector<Item> Items;
  for (const FileReport *R : Sorted) {
    Tables.push_back(std::make_unique<LineTable>(R->Text));
    const LineTable &Lines = *Tables.back();
    std::map<std::string, unsigned> Seen; // identical findings in one file get distinct prints
    for (const Finding &F : R->Findings) {
      Severity Level = F.Level;
      if (Level == Severity::Warning && R->WarningsAsErrors.contains(F.CheckId))
        Level = Severity::Error;
      // Stable across runs and across lines inserted above: no offsets, only what it says
      // about which text.
      llvm::StringRef Text = llvm::StringRef(R->Text).slice(F.Begin, std::max(F.Begin, F.End));
      // The path relative to the working directory: the same in every checkout.
      std::string Key =
          F.CheckId + '\0' + repoPath(R->Path, Cwd) + '\0' + F.Message + '\0' + Text.str();
      unsigned Nth = Seen[Key]++;
      llvm::MD5 Hash;
      Hash.update(Key);
      Hash.update(llvm::StringRef("\0", 1));
      Hash.update(std::to_string(Nth));
      llvm::MD5::MD5Result Digest;
      Hash.final(Digest);
      Items.push_back({R, &Lines, &F, Level, positionOf(Lines, F.Begin, F.End),
                       Digest.digest().str().str()});
    }
  }
  return Items;
}

// ---- JSON ----

llvm::json::Object jsonRange(const Position &P) {
  return llvm::json::Object{{"line", P.Line},
                            {"column", P.Column},
                            {"endLine", P.EndLine},
                            {"endColumn", P.EndColumn}};
}

void writeJson(llvm::raw_ostream &OS, const std::vector<Item> &Items) {
  llvm::json::Array Findings;
  for (const Item &I : Items) {
    llvm::json::Object O = jsonRange(I.Pos);
    O["check"] = checkOf(*I.F);
    O["level"] = levelName(I.Level);
    O["file"] = utf8(I.Report->Path);
    O["offset"] = static_cast<uint64_t>(I.F->Begin);
    O["length"] = static_cast<uint64_t>(std::max(I.F->Begin, I.F->End) - I.F->Begin);
    O["message"] = utf8(I.F->Message);
    llvm::json::Array Notes;
    for (const Note &N : I.F->Notes) {
      llvm::json::Object NO = jsonRange(positionOf(*I.Lines, N.Begin, N.End));
      NO["file"] = utf8(I.Report->Path);
      NO["message"] = utf8(N.Message);
      Notes.push_back(std::move(NO));
    }
    O["notes"] = std::move(Notes);
    llvm::json::Array Path;
    for (const std::string &T : I.F->DeletePath)
      Path.push_back(utf8(T));
    O["deletePath"] = std::move(Path);
    llvm::json::Array Edits;
    for (const Edit &E : I.F->Edits)
      Edits.push_back(llvm::json::Object{{"offset", static_cast<uint64_t>(E.Offset)},
                                         {"length", static_cast<uint64_t>(E.Length)},
                                         {"replacement", utf8(E.Text)}});
    O["edits"] = std::move(Edits);
    O["fingerprint"] = I.Fingerprint;
    Findings.push_back(std::move(O));
  }
  llvm::json::Object Root{
      {"version", 1},
      {"tool", llvm::json::Object{{"name", "cascade-tidy"}, {"version", toolVersionForOutput()}}},
      {"findings", std::move(Findings)}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

// ---- SARIF 2.1.0 ----

const char *SrcRoot = "SRCROOT";

llvm::json::Object artifactLocation(llvm::StringRef Path, llvm::StringRef Cwd) {
  std::string Abs = forwardSlashes(absolutePath(Path));
  llvm::StringRef Rel(Abs);
  if (Rel.consume_front(Cwd) && Rel.consume_front("/"))
    return llvm::json::Object{{"uri", uriEncode(Rel)}, {"uriBaseId", SrcRoot}};
  return llvm::json::Object{{"uri", "file://" + uriEncode(Abs)}};
}

} // namespace

/// Results are ordered by (uriBaseId, uri) of their file, in every format and in merged SARIF.
std::pair<std::string, std::string> sarifFileOrder(llvm::StringRef Path, llvm::StringRef Cwd) {
  llvm::json::Object L = artifactLocation(Path, Cwd);
  auto Base = L.getString("uriBaseId");
  return {Base ? Base->str() : "", L.getString("uri")->str()};
}

namespace {

llvm::json::Object sarifRegion(const Position &P) {
  return llvm::json::Object{{"startLine", P.Line},
                            {"startColumn", P.Column},
                            {"endLine", P.EndLine},
                            {"endColumn", P.EndColumn}};
}

llvm::json::Object sarifRule(llvm::StringRef Id, llvm::StringRef Short, llvm::StringRef Full,
                             llvm::StringRef Doc, const char *Level) {
  // json::Value keeps a StringRef without copying it: owned strings only.
  return llvm::json::Object{
      {"id", Id.str()},
      {"shortDescription", llvm::json::Object{{"text", Short.str()}}},
      {"fullDescription", llvm::json::Object{{"text", Full.str()}}},
      {"helpUri", (llvm::Twine(InformationUri) + "/" + Doc).str()},
      {"defaultConfiguration", llvm::json::Object{{"level", Level}}}};
}

void writeSarif(llvm::raw_ostream &OS, const std::vector<Item> &Items, bool Successful) {
  std::string Cwd = currentDir();
  llvm::json::Array Rules;
  for (const CheckInfo &C : allChecks()) {
    std::string Doc = (llvm::Twine("checks/") + C.Id + ".md").str();
    Rules.push_back(sarifRule(C.Id, C.Summary,
                              (llvm::Twine(C.Summary) + ". What it finds, its fix-its and its "
                                                        "options: docs/" + Doc + ".")
                                  .str(),
                              Doc, "warning"));
  }
  Rules.push_back(sarifRule(DiagnosticErrorId, "a problem with the input itself",
                            "The input could not be analysed: a parse error, undecodable bytes "
                            "or another problem with the file itself.",
                            "usage.md", "error"));
  Rules.push_back(sarifRule(NolintDiagnosticId, "a suppression comment that cannot apply",
                            "A suppression comment names an unknown check or is unmatched.",
                            "usage.md", "warning"));

  Rules.push_back(sarifRule(NoteRuleId, "a note on its own",
                            "A note that is no finding: a key that a later migration in the "
                            "set fixes, a file that holds no statement.",
                            "usage.md", "note"));

  llvm::json::Array Results;
  for (const Item &I : Items) {
    llvm::json::Object Physical{
        {"artifactLocation", artifactLocation(I.Report->Path, Cwd)},
        {"region", sarifRegion(I.Pos)}};
    llvm::json::Object Result{
        {"level", levelName(I.Level)},
        {"message", llvm::json::Object{{"text", utf8(I.F->Message)}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{{"physicalLocation", std::move(Physical)}}}},
        {"partialFingerprints", llvm::json::Object{{"cascadeTidyFinding/v1", I.Fingerprint}}}};
    Result["ruleId"] = checkOf(*I.F);
    llvm::json::Array Related;
    int Id = 0;
    for (const Note &N : I.F->Notes)
      Related.push_back(llvm::json::Object{
          {"id", Id++},
          {"message", llvm::json::Object{{"text", utf8(N.Message)}}},
          {"physicalLocation",
           llvm::json::Object{{"artifactLocation", artifactLocation(I.Report->Path, Cwd)},
                              {"region", sarifRegion(positionOf(*I.Lines, N.Begin, N.End))}}}});
    if (!Related.empty())
      Result["relatedLocations"] = std::move(Related);
    if (!I.F->DeletePath.empty()) {
      llvm::json::Array Path;
      for (const std::string &T : I.F->DeletePath)
        Path.push_back(utf8(T));
      Result["properties"] = llvm::json::Object{{"deletePath", std::move(Path)}};
    }
    if (!I.F->Edits.empty()) {
      llvm::json::Array Replacements;
      for (const Edit &E : I.F->Edits) {
        Position P = positionOf(*I.Lines, E.Offset, E.Offset + E.Length);
        Replacements.push_back(llvm::json::Object{
            {"deletedRegion", sarifRegion(P)},
            {"insertedContent", llvm::json::Object{{"text", utf8(E.Text)}}}});
      }
      Result["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", "apply the fix-it of " + I.F->CheckId}}},
          {"artifactChanges",
           llvm::json::Array{llvm::json::Object{
               {"artifactLocation", artifactLocation(I.Report->Path, Cwd)},
               {"replacements", std::move(Replacements)}}}}}};
    }
    Results.push_back(std::move(Result));
  }

  llvm::json::Object Driver{{"name", "cascade-tidy"},
                            {"version", toolVersionForOutput()},
                            {"informationUri", (llvm::Twine(InformationUri) + "/README.md").str()},
                            {"rules", std::move(Rules)}};
  llvm::json::Object Run{
      {"tool", llvm::json::Object{{"driver", std::move(Driver)}}},
      {"originalUriBaseIds",
       llvm::json::Object{{SrcRoot, llvm::json::Object{{"uri", "file://" + uriEncode(Cwd) + "/"}}}}},
      {"invocations",
       llvm::json::Array{llvm::json::Object{{"executionSuccessful", Successful}}}},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(Results)}};
  llvm::json::Object Root{
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

// ---- GitHub workflow commands ----

void writeGithub(llvm::raw_ostream &OS, const std::vector<Item> &Items) {
  for (const Item &I : Items) {
    const char *Command = I.Level == Severity::Error     ? "error"
                          : I.Level == Severity::Warning ? "warning"
                                                         : "notice";
    std::string Message = I.F->Message;
    for (const Note &N : I.F->Notes)
      Message += "\nnote: " + N.Message;
    OS << "::" << Command << " file=" << githubEscape(I.Report->Path, true)
       << ",line=" << I.Pos.Line << ",col=" << I.Pos.Column << ",endLine=" << I.Pos.EndLine
       << ",endColumn=" << I.Pos.EndColumn;
 OS << ",title=" << githubEscape(checkOf(*I.F), true);
    OS << "::" << githubEscape(Message, false) << "\n";
  }
}

// ---- GitLab Code Quality ----

void writeGitlab(llvm::raw_ostream &OS, const std::vector<Item> &Items) {
  std::string Cwd = currentDir();
  llvm::json::Array Out;
  for (const Item &I : Items) {
    const char *Severity = I.Level == Severity::Error     ? "critical"
                           : I.Level == Severity::Warning ? "major"
                                                          : "info";
    Out.push_back(llvm::json::Object{
        {"description", utf8(I.F->Message)},
        {"check_name", checkOf(*I.F)},
        {"fingerprint", I.Fingerprint},
        {"severity", Severity},
        {"location",
         llvm::json::Object{{"path", utf8(repoPath(I.Report->Path, Cwd))},
                            {"lines", llvm::json::Object{{"begin", I.Pos.Line}}}}}});
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Out))) << "\n";
}

} // namespace

void writeFindings(llvm::raw_ostream &OS, OutputFormat Format,
                   const std::vector<FileReport> &Reports, bool ExecutionSuccessful) {
  std::vector<std::unique_ptr<LineTable>> Tables;
  std::vector<Item> Items = collect(Reports, Tables);
  switch (Format) {
  case OutputFormat::Clang:
    return; // printed by main as it goes
  case OutputFormat::Json:
    return writeJson(OS, Items);
  case OutputFormat::Sarif:
    return writeSarif(OS, Items, ExecutionSuccessful);
  case OutputFormat::Github:
    return writeGithub(OS, Items);
  case OutputFormat::Gitlab:
    return writeGitlab(OS, Items);
  }
}

} // namespace cascade
