#include "LspServer.h"
#include "Analyzer.h"
#include "Check.h"
#include "FixItPlanner.h"
#include "LexScan.h"
#include "LspTransport.h"
#include "MigrationSets.h"
#include "RegularFile.h"
#include "SourceText.h"
#include "SqlFrontEnd.h"
#include "Version.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <chrono>
#include <map>
#include <memory>
#include <set>

#ifndef CASCADE_TIDY_DOCS_URL
#error "CASCADE_TIDY_DOCS_URL must be defined by the build"
#endif

namespace json = llvm::json;
namespace path = llvm::sys::path;

namespace cascade {
namespace {

// JSON-RPC and LSP error codes.
constexpr int ParseError = -32700;
constexpr int InvalidRequest = -32600;
constexpr int MethodNotFound = -32601;
constexpr int InvalidParams = -32602;
constexpr int ServerNotInitialized = -32002;

/// A request's failure: the error reply's code and message.
struct RpcError {
  int Code;
  std::string Message;
};

/// The first failure met while handling the current message (the server is single-threaded
/// and built without exceptions): handlers stop when it is set, and the reply carries it.
std::optional<RpcError> Failure;

void fail(RpcError E) {
  if (!Failure)
    Failure = std::move(E);
}

void log(const llvm::Twine &Message) {
  llvm::errs() << "cascade-tidy lsp: " << Message << "\n";
  llvm::errs().flush();
}

struct Document {
  std::string Uri, Path, Text;
  int64_t Version = 0;
  bool Cxx = false;
  /// The findings published for Text, and what decides their severity.
  std::vector<Finding> Findings;
  GlobList WarningsAsErrors;
};

/// A workspace root's migration sets, as the command line would find them from there.
struct Discovered {
  InputSet Inputs;
  std::vector<SettingsList> Settings;
  std::map<std::string, size_t> GroupOf;   // absolute path -> group
  std::string Error;                       // a configuration error for the whole root
  std::vector<SetReplayCache> Replay;      // per group: what the last check of it replayed
};

/// A file's text as last read from disk, reused while its size and time stamp stay.
struct DiskText {
  llvm::sys::TimePoint<> Modified;
  uint64_t Size = 0;
  std::string Text;
  std::chrono::steady_clock::time_point Checked; // when Modified and Size were last looked at
};

class Server {
public:
  explicit Server(const LspOptions &Opts)
      : Opts(Opts), Transport(stdin, stdout) {
    resetConfiguration();
  }
  int run();

private:
  const LspOptions &Opts;
  LspTransport Transport;
  Config ClientSettings; // initializationOptions / didChangeConfiguration
  std::unique_ptr<SettingsResolver> Resolver;
  std::vector<std::string> Roots; // workspace folders, absolute
  std::map<std::string, Document> Docs; // by absolute path
  std::map<std::string, Discovered> Discovery; // by root
  std::map<std::string, DiskText> Disk;        // by absolute path
  std::map<std::string, SetReplayCache> LoneReplay; // files checked on their own
  bool Initialized = false, ShutDown = false, WatchRegistration = false;
  unsigned NextRequest = 1;

  // --- messages
  void handle(const json::Value &Message);
  json::Value request(llvm::StringRef Method, const json::Object *Params);
  void notification(llvm::StringRef Method, const json::Object *Params);
  void reply(const json::Value &Id, json::Value Result) {
    Transport.write(json::Object{{"jsonrpc", "2.0"}, {"id", Id}, {"result", std::move(Result)}});
  }
  void replyError(const json::Value &Id, int Code, const std::string &Message) {
    Transport.write(json::Object{{"jsonrpc", "2.0"},
                                 {"id", Id},
                                 {"error", json::Object{{"code", Code}, {"message", Message}}}});
  }
  void notify(llvm::StringRef Method, json::Value Params) {
    Transport.write(json::Object{{"jsonrpc", "2.0"}, {"method", Method}, {"params", std::move(Params)}});
  }

  // --- requests and notifications
  json::Value initialize(const json::Object &Params);
  json::Value codeAction(const json::Object &Params);
  void didOpen(const json::Object &Params);
  void didChange(const json::Object &Params);
  void didSave(const json::Object &Params);
  void didClose(const json::Object &Params);
  void didChangeConfiguration(const json::Object &Params);
  void didChangeWatchedFiles(const json::Object &Params);

  // --- checking
  void resetConfiguration();
  void readClientSettings(const json::Value *Settings);
  Discovered &discover(const std::string &Root);
  std::string rootFor(const std::string &Path) const;
  void lint(const std::string &Path, bool Saved = false);
  void lintSql(Document &D);
  void lintCxx(Document &D, bool Saved);
  void lintAll();
  void publish(Document &D);
  Document *documentFor(const json::Object &Params);

  // --- results as LSP values
  void writeDiagnostic(json::OStream &J, const Document &D, const LspLines &Lines,
                       const Finding &F) const;
  json::Value diagnostic(const Document &D, const LspLines &Lines, const Finding &F) const;
  json::Object textEdit(const LspLines &Lines, const Edit &E) const;
  json::Object workspaceEdit(const Document &D, const std::vector<Edit> &Edits) const;
  std::vector<Edit> nolintEdits(const Document &D, const Finding &F) const;
};

// --------------------------------------------------------------------------------------------
// Parameters

const json::Object &objectParam(const json::Object &Params, llvm::StringRef Key) {
  if (const json::Object *O = Params.getObject(Key))
    return *O;
  fail({InvalidParams, "missing object '" + Key.str() + "' in params"});
  static const json::Object None;
  return None;
}

std::string stringParam(const json::Object &Params, llvm::StringRef Key) {
  if (std::optional<llvm::StringRef> S = Params.getString(Key))
    return S->str();
  fail({InvalidParams, "missing string '" + Key.str() + "' in params"});
  return "";
}

LspPosition positionParam(const json::Object &Range, llvm::StringRef Key) {
  const json::Object &P = objectParam(Range, Key);
  std::optional<int64_t> Line = P.getInteger("line"), Character = P.getInteger("character");
  if (!Line || !Character || *Line < 0 || *Character < 0 || *Line > UINT32_MAX ||
      *Character > UINT32_MAX) {
    fail({InvalidParams, "invalid position '" + Key.str() + "'"});
    return {};
  }
  return {static_cast<unsigned>(*Line), static_cast<unsigned>(*Character)};
}

json::Object position(LspPosition P) {
  return json::Object{{"line", P.Line}, {"character", P.Character}};
}

json::Object range(const LspLines &Lines, size_t Begin, size_t End) {
  return json::Object{{"start", position(Lines.position(Begin))},
                      {"end", position(Lines.position(std::max(Begin, End)))}};
}

std::string absoluteFromUri(const std::string &Uri) {
  std::optional<std::string> P = uriToPath(Uri);
  if (!P) {
    if (!Failure) // a missing uri was reported already
      fail({InvalidParams, "not a local file URI: '" + escapeControl(Uri) + "'"});
    return "";
  }
  return absolutePath(*P);
}

// --------------------------------------------------------------------------------------------
// The message loop

int Server::run() {
  for (;;) {
    std::string Body, Problem;
    LspTransport::ReadStatus Status = Transport.read(Body, Problem);
    if (Status == LspTransport::ReadStatus::End) {
      log("standard input closed without an exit notification");
      return 1;
    }
    if (Status == LspTransport::ReadStatus::BadFrame) {
      log("bad message frame: " + Problem);
      replyError(nullptr, ParseError, Problem);
      continue;
    }
    llvm::Expected<json::Value> Message = json::parse(Body);
    if (!Message) {
      std::string Why = llvm::toString(Message.takeError());
      log("malformed message: " + Why);
      replyError(nullptr, ParseError, "malformed JSON: " + Why);
      continue;
    }
    const json::Object *O = Message->getAsObject();
    if (O && O->getString("method") == std::optional<llvm::StringRef>("exit"))
      return ShutDown ? 0 : 1;
    handle(*Message);
  }
}

void Server::handle(const json::Value &Message) {
  const json::Object *O = Message.getAsObject();
  if (!O) {
    replyError(nullptr, InvalidRequest, "a message must be a JSON object");
    return;
  }
  const json::Value *Id = O->get("id");
  std::optional<llvm::StringRef> Method = O->getString("method");
  if (!Method) {
    if (Id && (O->get("result") || O->get("error")))
      return; // the client's reply to our registerCapability
    replyError(Id ? *Id : json::Value(nullptr), InvalidRequest, "message has no method");
    return;
  }
  const json::Value *RawParams = O->get("params");
  const json::Object *Params = RawParams ? RawParams->getAsObject() : nullptr;
  if (RawParams && !Params && RawParams->kind() != json::Value::Null) {
    if (Id)
      replyError(*Id, InvalidParams, "params must be an object");
    else
      log("ignored " + *Method + ": params is not an object");
    return;
  }
  json::Object Empty;
  if (!Params)
    Params = &Empty;
  Failure.reset();
  if (!Id) {
    notification(*Method, Params);
    if (Failure)
      log("ignored " + *Method + ": " + Failure->Message);
    return;
  }
  if (Id->kind() != json::Value::String && Id->kind() != json::Value::Number) {
    replyError(nullptr, InvalidRequest, "request id must be a number or a string");
    return;
  }
  json::Value Result = request(*Method, Params);
  if (Failure)
    replyError(*Id, Failure->Code, Failure->Message);
  else
    reply(*Id, std::move(Result));
}

json::Value Server::request(llvm::StringRef Method, const json::Object *Params) {
  if (Method == "initialize") {
    if (Initialized) {
      fail({InvalidRequest, "initialize sent twice"});
      return nullptr;
    }
    return initialize(*Params);
  }
  if (!Initialized) {
    fail({ServerNotInitialized, "the server is not initialized: send initialize first"});
    return nullptr;
  }
  if (ShutDown) {
    fail({InvalidRequest, "the server is shut down: only exit is accepted"});
    return nullptr;
  }
  if (Method == "shutdown") {
    ShutDown = true;
    return nullptr;
  }
  if (Method == "textDocument/codeAction")
    return codeAction(*Params);
  fail({MethodNotFound, "method not found: " + Method.str()});
  return nullptr;
}

void Server::notification(llvm::StringRef Method, const json::Object *Params) {
  if (!Initialized || ShutDown)
    return; // notifications before initialize are dropped, as LSP says
  if (Method == "textDocument/didOpen")
    didOpen(*Params);
  else if (Method == "textDocument/didChange")
    didChange(*Params);
  else if (Method == "textDocument/didSave")
    didSave(*Params);
  else if (Method == "textDocument/didClose")
    didClose(*Params);
  else if (Method == "workspace/didChangeConfiguration")
    didChangeConfiguration(*Params);
  else if (Method == "workspace/didChangeWatchedFiles")
    didChangeWatchedFiles(*Params);
  else if (Method == "initialized") {
    // Ask to hear of configuration and migration changes made outside the editor.
    json::Array Watchers;
    for (const char *Glob : {"**/*.sql", "**/.cascade-tidy.yaml", "**/.clang-tidy",
                             "**/compile_commands.json"})
      Watchers.push_back(json::Object{{"globPattern", Glob}});
    if (WatchRegistration)
      Transport.write(json::Object{
          {"jsonrpc", "2.0"},
          {"id", "cascade-tidy-" + std::to_string(NextRequest++)},
          {"method", "client/registerCapability"},
          {"params",
           json::Object{{"registrations",
                         json::Array{json::Object{
                             {"id", "cascade-tidy-watch"},
                             {"method", "workspace/didChangeWatchedFiles"},
                             {"registerOptions", json::Object{{"watchers", std::move(Watchers)}}}}}}}}});
  }
  // Anything else ($/cancelRequest, $/setTrace, ...) needs no answer.
}

// --------------------------------------------------------------------------------------------
// Lifecycle and configuration

json::Value Server::initialize(const json::Object &Params) {
  if (const json::Array *Folders = Params.getArray("workspaceFolders"))
    for (const json::Value &F : *Folders)
      if (const json::Object *FO = F.getAsObject())
        if (std::optional<llvm::StringRef> Uri = FO->getString("uri"))
          if (std::optional<std::string> P = uriToPath(*Uri))
            Roots.push_back(absolutePath(*P));
  if (Roots.empty()) {
    if (std::optional<llvm::StringRef> Uri = Params.getString("rootUri")) {
      if (std::optional<std::string> P = uriToPath(*Uri))
        Roots.push_back(absolutePath(*P));
    } else if (std::optional<llvm::StringRef> P = Params.getString("rootPath")) {
      Roots.push_back(absolutePath(*P));
    }
  }
  if (const json::Object *Caps = Params.getObject("capabilities"))
    if (const json::Object *W = Caps->getObject("workspace"))
      if (const json::Object *Watch = W->getObject("didChangeWatchedFiles"))
        WatchRegistration = Watch->getBoolean("dynamicRegistration").value_or(false);
  readClientSettings(Params.get("initializationOptions"));
  Initialized = true;
  log("serving " + (Roots.empty() ? std::string("no workspace folder") : Roots.front()));
  return json::Object{
      {"capabilities",
       json::Object{
           {"positionEncoding", "utf-16"},
           {"textDocumentSync", json::Object{{"openClose", true},
                                             {"change", 2}, // incremental
                                             {"save", json::Object{{"includeText", false}}}}},
           {"codeActionProvider",
            json::Object{{"codeActionKinds", json::Array{"quickfix", "source.fixAll"}}}}}},
      {"serverInfo", json::Object{{"name", "cascade-tidy"}, {"version", toolVersion()}}}};
}

/// The client's settings: {"cascade-tidy": {"checks": ..., "warningsAsErrors": ...,
/// "rootTables": [...], "dialect": ...}} (the object itself is also accepted).
void Server::readClientSettings(const json::Value *Settings) {
  ClientSettings = Config();
  const json::Object *O = Settings ? Settings->getAsObject() : nullptr;
  if (O)
    if (const json::Object *Inner = O->getObject("cascade-tidy"))
      O = Inner;
  if (!O)
    return;
  if (std::optional<llvm::StringRef> S = O->getString("checks"))
    ClientSettings.Checks = S->str();
  if (std::optional<llvm::StringRef> S = O->getString("warningsAsErrors"))
    ClientSettings.WarningsAsErrors = S->str();
  if (std::optional<llvm::StringRef> S = O->getString("dialect"))
    ClientSettings.Dialect = S->str();
  if (const json::Array *A = O->getArray("rootTables")) {
    std::vector<std::string> Roots;
    for (const json::Value &V : *A)
      if (std::optional<llvm::StringRef> S = V.getAsString())
        Roots.push_back(S->str());
    ClientSettings.RootTables = std::move(Roots);
  }
}

void Server::resetConfiguration() {
  Config Merged = ClientSettings;
  Merged.mergeFrom(Opts.CommandLine);
  Resolver = std::make_unique<SettingsResolver>(Merged, Opts.Explicit, Opts.IncludeDown);
  Resolver->MaxInputBytes = Opts.MaxInputBytes;
  Discovery.clear();
  LoneReplay.clear();
}

void Server::didChangeConfiguration(const json::Object &Params) {
  readClientSettings(Params.get("settings"));
  resetConfiguration();
  lintAll();
}

bool isConfigFile(llvm::StringRef Path) {
  llvm::StringRef Name = path::filename(Path);
  return Name == ".cascade-tidy.yaml" || Name == ".clang-tidy";
}

void Server::didChangeWatchedFiles(const json::Object &Params) {
  const json::Array *Changes = Params.getArray("changes");
  if (!Changes)
    return fail({InvalidParams, "missing array 'changes' in params"});
  bool Config = false, Sql = false, Database = false;
  std::set<std::string> Changed;
  for (const json::Value &C : *Changes) {
    const json::Object *CO = C.getAsObject();
    if (!CO)
      continue;
    std::optional<llvm::StringRef> Uri = CO->getString("uri");
    std::optional<std::string> P = Uri ? uriToPath(*Uri) : std::nullopt;
    if (!P)
      continue;
    std::string Abs = absolutePath(*P);
    Changed.insert(Abs);
    Disk.erase(Abs); // read it again, whatever its time stamp says
    if (isConfigFile(Abs))
      Config = true;
    else if (path::filename(Abs) == "compile_commands.json")
      Database = true;
    else if (llvm::StringRef(Abs).ends_with_insensitive(".sql"))
      Sql = true;
  }
  if (Config) {
    resetConfiguration();
    lintAll();
    return;
  }
  // Which open files a changed migration affects: those in its set (before or after the
  // change: a new or removed file regroups the sets), and C/C++ files, whose catalog
  // (CxxSchema, CxxMigrations) may hold it.
  std::set<std::string> Affected;
  auto InSetOf = [&](const std::string &File) {
    for (auto &[Root, Found] : Discovery) {
      auto It = Found.GroupOf.find(File);
      if (It == Found.GroupOf.end())
        continue;
      for (const std::string &Member : Found.Inputs.Groups[It->second])
        Affected.insert(absolutePath(Member));
    }
  };
  for (const std::string &F : Changed)
    InSetOf(F);
  if (Sql)
    Discovery.clear();
  for (const std::string &F : Changed) {
    Affected.insert(F);
    discover(rootFor(F));
    InSetOf(F);
  }
  for (auto &[Path, D] : Docs)
    if ((!D.Cxx && Affected.count(Path)) || (D.Cxx && (Sql || Database)))
      lint(Path);
}

// --------------------------------------------------------------------------------------------
// Documents

Document *Server::documentFor(const json::Object &Params) {
  const json::Object &TD = objectParam(Params, "textDocument");
  std::string Uri = stringParam(TD, "uri");
  std::string Path = Failure ? "" : absoluteFromUri(Uri);
  if (Failure)
    return nullptr;
  auto It = Docs.find(Path);
  if (It == Docs.end()) {
    fail({InvalidParams, "unknown document " + escapeControl(Uri) +
                             ": it is not open (send textDocument/didOpen first)"});
    return nullptr;
  }
  return &It->second;
}

void Server::didOpen(const json::Object &Params) {
  const json::Object &TD = objectParam(Params, "textDocument");
  Document D;
  D.Uri = stringParam(TD, "uri");
  D.Path = absoluteFromUri(D.Uri);
  D.Text = stringParam(TD, "text");
  D.Version = TD.getInteger("version").value_or(0);
  if (Failure)
    return;
  std::string Language = TD.getString("languageId").value_or("").str();
  if (Language == "c" || Language == "cpp" || Language == "objc" || Language == "objcpp")
    D.Cxx = true;
  else if (Language != "sql" && Opts.Inputs.isCxx(D.Path))
    D.Cxx = true;
  std::string Path = D.Path;
  Docs[Path] = std::move(D);
  lint(Path);
}

void Server::didChange(const json::Object &Params) {
  Document *Doc = documentFor(Params);
  if (!Doc)
    return;
  Document &D = *Doc;
  const json::Array *Changes = Params.getArray("contentChanges");
  if (!Changes)
    return fail({InvalidParams, "missing array 'contentChanges' in params"});
  // All or nothing: a bad change leaves the text as it was.
  std::string Text = D.Text;
  for (const json::Value &C : *Changes) {
    const json::Object *CO = C.getAsObject();
    if (!CO)
      return fail({InvalidParams, "a content change must be an object"});
    std::string New = stringParam(*CO, "text");
    const json::Object *R = CO->getObject("range");
    if (Failure)
      return;
    if (!R) {
      Text = std::move(New);
      continue;
    }
    LspLines Lines(Text);
    size_t Begin = Lines.offset(positionParam(*R, "start"));
    size_t End = Lines.offset(positionParam(*R, "end"));
    if (Failure)
      return;
    if (End < Begin)
      return fail({InvalidParams, "a content change's range ends before it starts"});
    Text.replace(Begin, End - Begin, New);
  }
  D.Text = std::move(Text);
  if (std::optional<int64_t> V = objectParam(Params, "textDocument").getInteger("version"))
    D.Version = *V;
  lint(D.Path);
}

void Server::didSave(const json::Object &Params) {
  const json::Object &TD = objectParam(Params, "textDocument");
  std::string Path = absoluteFromUri(stringParam(TD, "uri"));
  if (Failure)
    return;
  if (isConfigFile(Path)) {
    resetConfiguration();
    lintAll();
    return;
  }
  if (!Docs.count(Path))
    return;
  if (Docs[Path].Cxx)
    lint(Path, /*Saved=*/true);
  // An SQL buffer's text was already what its set saw.
}

void Server::didClose(const json::Object &Params) {
  Document *Doc = documentFor(Params);
  if (!Doc)
    return;
  std::string Path = Doc->Path, Uri = Doc->Uri;
  bool Cxx = Doc->Cxx;
  Docs.erase(Path);
  Disk.erase(Path); // the editor may have written it: read it again
  notify("textDocument/publishDiagnostics",
         json::Object{{"uri", Uri}, {"diagnostics", json::Array{}}});
  if (Cxx)
    return;
  // Its set now reads the file from disk: the other open files of the set see that text.
  Discovered &Found = discover(rootFor(Path));
  auto It = Found.GroupOf.find(Path);
  if (It == Found.GroupOf.end())
    return;
  for (const std::string &Member : Found.Inputs.Groups[It->second]) {
    auto Open = Docs.find(absolutePath(Member));
    if (Open != Docs.end()) {
      lint(Open->first);
      return; // one run re-publishes every open file of the set
    }
  }
}

// --------------------------------------------------------------------------------------------
// Checking

/// The workspace folder that holds Path; without one (or with `/` as the folder), the file's
/// own folder: walking anything above it could mean a home directory or the whole file system.
std::string Server::rootFor(const std::string &Path) const {
  const std::string *Best = nullptr;
  for (const std::string &R : Roots)
    if (R != "/" && llvm::StringRef(Path).starts_with(R + "/") &&
        (!Best || R.size() > Best->size()))
      Best = &R;
  if (Best)
    return *Best;
  std::string Dir = path::parent_path(Path).str();
  return Dir.empty() ? std::string("/") : Dir;
}

Discovered &Server::discover(const std::string &Root) {
  auto It = Discovery.find(Root);
  if (It != Discovery.end())
    return It->second;
  auto Start = std::chrono::steady_clock::now();
  Discovered &D = Discovery[Root];
  D.Inputs = collectInputs({Root}, Opts.Inputs);
  if (llvm::Error E = applyMigrationSets(D.Inputs, *Resolver)) {
    D.Error = llvm::toString(std::move(E));
    return D;
  }
  D.Settings.resize(D.Inputs.Groups.size());
  for (size_t G = 0; G < D.Inputs.Groups.size(); ++G)
    for (const std::string &F : D.Inputs.Groups[G])
      if (llvm::Error E = Resolver->addFile(D.Settings[G], F, /*KnownFile=*/true)) {
        D.Error = llvm::toString(std::move(E));
        return D;
      }
  bool DialectGiven = Opts.CommandLine.Dialect || ClientSettings.Dialect;
  bool RootsGiven = Opts.CommandLine.RootTables || ClientSettings.RootTables;
  // Each set's dialect (MySQL and SQLite sets get their readers) and MigrationSets roots.
  auto Applied = holdUncheckedSets(D.Inputs, D.Settings, DialectGiven, RootsGiven);
  if (!Applied) {
    D.Error = llvm::toString(Applied.takeError());
    return D;
  }
  D.Replay.resize(D.Inputs.Groups.size());
  for (size_t G = 0; G < D.Inputs.Groups.size(); ++G) {
    if (D.Inputs.Sets[G].IsSet && !D.Settings[G].empty() &&
        D.Settings[G].front().checksDeletePaths())
      D.Settings[G].ownFront().Checker.ReportUnknownParents = true;
    for (const std::string &F : D.Inputs.Groups[G])
      D.GroupOf[absolutePath(F)] = G;
  }
  auto Ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - Start);
  log("found " + llvm::Twine(D.Inputs.Groups.size()) + " sets and files under " + Root +
      " in " + llvm::Twine(static_cast<int>(Ms.count())) + " ms");
  return D;
}

void Server::lint(const std::string &Path, bool Saved) {
  auto It = Docs.find(Path);
  if (It == Docs.end())
    return;
  auto Start = std::chrono::steady_clock::now();
  if (It->second.Cxx)
    lintCxx(It->second, Saved);
  else
    lintSql(It->second);
  auto Ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - Start);
  log("checked " + Path + " in " + llvm::formatv("{0:f1}", Ms.count()) + " ms");
}

void Server::lintAll() {
  std::vector<std::string> Paths;
  for (auto &[Path, D] : Docs)
    Paths.push_back(Path);
  for (const std::string &P : Paths)
    lint(P);
}

Finding problem(Severity Level, const std::string &Message) {
  Finding F;
  F.CheckId = DiagnosticErrorId;
  F.Level = Level;
  F.Message = Message;
  return F;
}

void Server::lintSql(Document &D) {
  Discovered &Found = discover(rootFor(D.Path));
  if (!Found.Error.empty()) {
    D.Findings = {problem(Severity::Error, escapeControl(Found.Error))};
    publish(D);
    return;
  }
  // The set's paths and settings as discovery keeps them: not copied on every keystroke.
  std::vector<std::string> LonePaths;
  SettingsList LoneSettings;
  const std::vector<std::string> *PathsOf = &LonePaths;
  const SettingsList *SettingsOf = &LoneSettings;
  SetReplayCache *Replay = nullptr;
  if (auto G = Found.GroupOf.find(D.Path); G != Found.GroupOf.end()) {
    PathsOf = &Found.Inputs.Groups[G->second];
    SettingsOf = &Found.Settings[G->second];
    Replay = &Found.Replay[G->second];
  } else {
    // Not part of what discovery found (a new file, an excluded one): checked on its own.
    auto S = Resolver->forFile(D.Path);
    if (!S) {
      D.Findings = {problem(Severity::Error, escapeControl(llvm::toString(S.takeError())))};
      publish(D);
      return;
    }
    LonePaths = {D.Path};
    LoneSettings.push_back(std::move(*S));
    Replay = &LoneReplay[D.Path];
  }
  const std::vector<std::string> &Paths = *PathsOf;
  const SettingsList &Settings = *SettingsOf;
  EditorView View;
  View.Cache = Replay;
  std::map<std::string, const std::string *> &Buffers = View.Buffers;
  std::vector<Document *> OpenMembers(Paths.size(), nullptr);
  for (size_t I = 0; I < Paths.size(); ++I) {
    std::string Abs = absolutePath(Paths[I]);
    if (Abs == D.Path)
      Replay->Focus = I; // the first run's snapshot goes before it
    auto Open = Docs.find(Abs);
    if (Open == Docs.end() || Open->second.Cxx) {
      // The rest of the set from disk: read again only when the file changed, which is looked
      // at (a stat) at most once a second: a burst of keystrokes costs no system calls.
      auto Now = std::chrono::steady_clock::now();
      DiskText *Known = nullptr;
      if (auto It = Disk.find(Abs); It != Disk.end() && !It->second.Text.empty() &&
                                         Now - It->second.Checked < std::chrono::seconds(1))
        Known = &It->second;
      llvm::sys::fs::file_status St;
      if (!Known && (llvm::sys::fs::status(Paths[I], St) ||
                     St.type() != llvm::sys::fs::file_type::regular_file ||
                     St.getSize() > Settings[I].MaxInputBytes)) {
        Disk.erase(Abs); // the set's reader reports it
        continue;
      }
      DiskText &Cached = Known ? *Known : Disk[Abs];
      if (!Known && (Cached.Text.empty() || Cached.Size != St.getSize() ||
                     Cached.Modified != St.getLastModificationTime())) {
        auto Text = readRegularFile(Paths[I], Settings[I].MaxInputBytes);
        if (!Text) {
          llvm::consumeError(Text.takeError());
          Disk.erase(Abs);
          continue;
        }
        if (validateText(*Text)) { // the set's reader reports it
          Disk.erase(Abs);
          continue;
        }
        Cached = {St.getLastModificationTime(), St.getSize(), std::move(*Text), Now};
      }
      if (!Known)
        Cached.Checked = Now;
      if (!Cached.Text.empty()) {
        Buffers[Paths[I]] = &Cached.Text;
        View.Validated.insert(Paths[I]);
      }
      continue;
    }
    Buffers[Paths[I]] = &Open->second.Text;
    // Text from a JSON string is valid UTF-8 (llvm::json holds no other): only a NUL byte can
    // make it unreadable, and the set's reader reports that.
    if (Open->second.Text.find('\0') == std::string::npos)
      View.Validated.insert(Paths[I]);
    View.Reported.insert(Paths[I]);
    OpenMembers[I] = &Open->second;
  }
  std::vector<FileReport> Reports = checkSqlGroup(Paths, Settings, &View);
  for (size_t I = 0; I < Paths.size(); ++I) {
    Document *Member = OpenMembers[I];
    if (!Member)
      continue;
    Member->Findings = std::move(Reports[I].Findings);
    if (!Reports[I].ReadError.empty())
      Member->Findings.push_back(problem(Severity::Error, Reports[I].ReadError));
    Member->WarningsAsErrors = Reports[I].WarningsAsErrors;
    publish(*Member);
  }
  Replay->Retired.reset(); // the replay's catalog, freed once the diagnostics are out
}

void Server::lintCxx(Document &D, bool Saved) {
  auto S = Resolver->forFile(D.Path);
  if (!S) {
    D.Findings = {problem(Severity::Error, escapeControl(llvm::toString(S.takeError())))};
    publish(D);
    return;
  }
  CxxRun Run = Opts.Cxx;
  Run.Jobs = 1;
  if (Saved) {
    // On save the file on disk is the buffer: AST mode where a compile command covers it.
    Run.Buffers.clear();
  } else {
    Run.Mode = CxxMode::Lex;
    Run.Buffers[D.Path] = D.Text;
  }
  std::string Messages;
  bool MissingCommand = false;
  std::vector<FileReport> Reports = checkCxxFiles({D.Path}, {*S}, Run, Messages, MissingCommand);
  if (!Messages.empty())
    log(llvm::StringRef(Messages).rtrim("\n"));
  D.Findings.clear();
  D.WarningsAsErrors = S->WarningsAsErrors;
  for (FileReport &R : Reports) {
    if (absolutePath(R.Path) != D.Path)
      continue; // a header's findings belong to that header's own document
    D.Findings = std::move(R.Findings);
    if (!R.ReadError.empty())
      D.Findings.push_back(problem(Severity::Error, R.ReadError));
  }
  publish(D);
}

// --------------------------------------------------------------------------------------------
// Results as LSP values

/// Writes a range as LSP wants it.
/// (Streamed, not built as range() builds it: a publish of thousands of findings spent a tenth
/// of its time building and copying json::Objects for ranges.)
void writeRange(json::OStream &J, const LspLines &Lines, size_t Begin, size_t End) {
  auto Position = [&](LspPosition P) {
    J.object([&] {
      J.attribute("line", P.Line);
      J.attribute("character", P.Character);
    });
  };
  J.object([&] {
    J.attributeBegin("start");
    Position(Lines.position(Begin));
    J.attributeEnd();
    J.attributeBegin("end");
    Position(Lines.position(std::max(Begin, End)));
    J.attributeEnd();
  });
}

/// One finding as an LSP Diagnostic, streamed: a publish of thousands of findings builds no
/// json::Value tree.
void Server::writeDiagnostic(json::OStream &J, const Document &D, const LspLines &Lines,
                             const Finding &F) const {
  int Severity = 2;
  if (F.Level == Severity::Error ||
      (F.Level == Severity::Warning && D.WarningsAsErrors.contains(F.CheckId)))
    Severity = 1;
  else if (F.Level == Severity::Note)
    Severity = 3;
  J.object([&] {
    J.attributeBegin("range");
    writeRange(J, Lines, F.Begin, F.End);
    J.attributeEnd();
    J.attribute("severity", Severity);
    J.attribute("source", "cascade-tidy");
    J.attribute("message", F.Message);
    if (!F.CheckId.empty()) {
      J.attribute("code", F.CheckId);
      if (isKnownCheck(F.CheckId))
        J.attributeObject("codeDescription", [&] {
          J.attribute("href", std::string(CASCADE_TIDY_DOCS_URL) + "/checks/" + F.CheckId + ".md");
        });
    }
    auto Related = [&](size_t Begin, size_t End, const std::string &Message) {
      J.object([&] {
        J.attributeObject("location", [&] {
          J.attribute("uri", D.Uri);
          J.attributeBegin("range");
          writeRange(J, Lines, Begin, End);
          J.attributeEnd();
        });
        J.attribute("message", Message);
      });
    };
    // The check's notes name the delete path ("delete path: users <- decisions <- ...").
    if (!F.Notes.empty())
      J.attributeArray("relatedInformation", [&] {
        for (const Note &N : F.Notes)
          Related(N.Begin, N.End, N.Message);
      });
    if (!F.DeletePath.empty())
      J.attributeObject("data", [&] {
        J.attributeArray("deletePath", [&] {
          for (const std::string &T : F.DeletePath)
            J.value(T);
        });
      });
  });
}

json::Value Server::diagnostic(const Document &D, const LspLines &Lines, const Finding &F) const {
  std::string Text;
  llvm::raw_string_ostream OS(Text);
  json::OStream J(OS);
  writeDiagnostic(J, D, Lines, F);
  OS.flush();
  llvm::Expected<json::Value> V = json::parse(Text);
  if (!V) { // cannot happen: OStream wrote it
    llvm::consumeError(V.takeError());
    return nullptr;
  }
  return std::move(*V);
}

void Server::publish(Document &D) {
  LspLines Lines(D.Text);
  std::string Body;
  llvm::raw_string_ostream OS(Body);
  // OStream writes a few bytes at a time; unbuffered, each write grew the string on its own
  // (a third of a publish of 555 findings).
  OS.SetBufferSize(1 << 16);
  json::OStream J(OS);
  J.object([&] {
    J.attribute("jsonrpc", "2.0");
    J.attribute("method", "textDocument/publishDiagnostics");
    J.attributeObject("params", [&] {
      J.attribute("uri", D.Uri);
      J.attribute("version", D.Version);
      J.attributeArray("diagnostics", [&] {
        for (const Finding &F : D.Findings)
          writeDiagnostic(J, D, Lines, F);
      });
    });
  });
  OS.flush();
  Transport.writeBody(Body);
}

json::Object Server::textEdit(const LspLines &Lines, const Edit &E) const {
  return json::Object{{"range", range(Lines, E.Offset, E.Offset + E.Length)}, {"newText", E.Text}};
}

json::Object Server::workspaceEdit(const Document &D, const std::vector<Edit> &Edits) const {
  LspLines Lines(D.Text);
  json::Array TextEdits;
  for (const Edit &E : Edits)
    TextEdits.push_back(textEdit(Lines, E));
  json::Object Changes;
  Changes[D.Uri] = std::move(TextEdits);
  return json::Object{{"changes", std::move(Changes)}};
}

/// A suppression comment for F: on its line, or (C/C++, when that line ends inside a string
/// literal) NOLINTBEGIN/NOLINTEND lines around the literal.
std::vector<Edit> Server::nolintEdits(const Document &D, const Finding &F) const {
  LspLines Lines(D.Text);
  unsigned Line = Lines.position(F.Begin).Line;
  size_t End = Lines.lineEnd(Line);
  std::string Checks = "(" + F.CheckId + ")";
  if (!D.Cxx)
    return {Edit{End, 0, " -- NOLINT" + Checks}};
  LexedFile Lexed = lexCxxFile(D.Text);
  for (const LexedLiteral &L : Lexed.Literals) {
    if (!(L.Begin < End && End < L.End))
      continue;
    unsigned First = Lines.position(L.Begin).Line, Last = Lines.position(L.End).Line;
    llvm::StringRef FirstLine =
        llvm::StringRef(D.Text).slice(Lines.lineStart(First), Lines.lineEnd(First));
    std::string Indent = FirstLine.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
    return {Edit{Lines.lineStart(First), 0, Indent + "// NOLINTBEGIN" + Checks + "\n"},
            Edit{Lines.lineEnd(Last), 0, "\n" + Indent + "// NOLINTEND" + Checks}};
  }
  return {Edit{End, 0, " // NOLINT" + Checks}};
}

/// Whether an action of Kind passes the request's `only` filter (a kind matches its own
/// sub-kinds: "source" takes "source.fixAll").
bool wanted(const json::Object &Context, llvm::StringRef Kind) {
  const json::Array *Only = Context.getArray("only");
  if (!Only)
    return true;
  for (const json::Value &V : *Only)
    if (std::optional<llvm::StringRef> S = V.getAsString())
      if (Kind == *S || Kind.starts_with((*S + ".").str()))
        return true;
  return false;
}

std::string fixTitle(const Finding &F) {
  if (F.Edits.size() == 1) {
    llvm::StringRef Words = llvm::StringRef(F.Edits.front().Text).trim();
    if (!Words.empty() && Words.size() <= 60)
      return std::string(F.Edits.front().Length ? "Fix: write '" : "Fix: add '") + Words.str() +
             "'";
  }
  return "Fix: apply the " + F.CheckId + " fix-it";
}

json::Value Server::codeAction(const json::Object &Params) {
  Document *Doc = documentFor(Params);
  if (!Doc)
    return nullptr;
  const Document &D = *Doc;
  LspLines Lines(D.Text);
  const json::Object &Range = objectParam(Params, "range");
  size_t Begin = Lines.offset(positionParam(Range, "start"));
  size_t End = Lines.offset(positionParam(Range, "end"));
  if (Failure)
    return nullptr;
  json::Object NoContext;
  const json::Object *Context = Params.getObject("context");
  if (!Context)
    Context = &NoContext;
  // The findings the client asks about: those under the range, and those it names.
  std::set<std::pair<std::string, std::string>> Named; // {code, range as JSON}
  if (const json::Array *Diags = Context->getArray("diagnostics"))
    for (const json::Value &V : *Diags)
      if (const json::Object *O = V.getAsObject()) {
        std::string Code;
        if (std::optional<llvm::StringRef> S = O->getString("code"))
          Code = S->str();
        if (const json::Value *R = O->get("range"))
          Named.insert({Code, llvm::formatv("{0}", *R).str()});
      }
  json::Array Actions;
  unsigned Fixable = 0;
  for (const Finding &F : D.Findings) {
    bool FixOffered = !F.Edits.empty() && F.Level != Severity::Error;
    Fixable += FixOffered;
    json::Value Diag = diagnostic(D, Lines, F);
    bool Under = F.Begin <= End && std::max(F.Begin, F.End) >= Begin;
    bool IsNamed = Named.count(
        {F.CheckId, llvm::formatv("{0}", json::Value(range(Lines, F.Begin, F.End))).str()});
    if (!Under && !IsNamed)
      continue;
    if (FixOffered && wanted(*Context, "quickfix"))
      Actions.push_back(json::Object{{"title", fixTitle(F)},
                                     {"kind", "quickfix"},
                                     {"isPreferred", true},
                                     {"diagnostics", json::Array{Diag}},
                                     {"edit", workspaceEdit(D, F.Edits)}});
    if (isKnownCheck(F.CheckId) && F.Level != Severity::Note && wanted(*Context, "quickfix"))
      Actions.push_back(json::Object{{"title", "Suppress " + F.CheckId + " with NOLINT"},
                                     {"kind", "quickfix"},
                                     {"diagnostics", json::Array{std::move(Diag)}},
                                     {"edit", workspaceEdit(D, nolintEdits(D, F))}});
  }
  if (Fixable > 1 && wanted(*Context, "source.fixAll")) {
    std::vector<bool> Fixed;
    unsigned Offered = 0;
    std::vector<Edit> All = selectFixEdits(D.Findings, Fixed, Offered);
    unsigned Applied = static_cast<unsigned>(llvm::count(Fixed, true));
    Actions.push_back(json::Object{
        {"title", "Fix all cascade-tidy findings in this file (" + std::to_string(Applied) +
                      (Applied == 1 ? " fix)" : " fixes)")},
        {"kind", "source.fixAll"},
        {"edit", workspaceEdit(D, All)}});
  }
  return Actions;
}

} // namespace

int runLspServer(const LspOptions &Opts) {
  setAnalysisCache(true); // an edit re-checks the whole set: unchanged text is not parsed again
  Server S(Opts);
  return S.run();
}

} // namespace cascade
