#include "ConfigFinder.h"
#include "Check.h"
#include "CheckOptions.h"
#include "RegularFile.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"

#include <functional>
#include <set>

namespace cascade {

const std::vector<std::string> &sharedOptionKeys() {
  static const std::vector<std::string> Keys = {"RootTables", "AllowSetNull", "Dialect",
                                                "OwnershipPolicy", "ActorColumnPatterns"};
  return Keys;
}

std::optional<bool> parseOptionBool(llvm::StringRef V) {
  V = V.trim();
  for (const char *T : {"true", "on", "yes", "1"})
    if (V.equals_insensitive(T))
      return true;
  for (const char *F : {"false", "off", "no", "0"})
    if (V.equals_insensitive(F))
      return false;
  return std::nullopt;
}

std::vector<std::string> splitOptionList(llvm::StringRef V) {
  llvm::SmallVector<llvm::StringRef, 8> Parts;
  V.split(Parts, ';', -1, false);
  std::vector<std::string> Out;
  for (llvm::StringRef P : Parts)
    if (!P.trim().empty())
      Out.push_back(P.trim().str());
  return Out;
}

std::vector<std::string> keysSet(const Config &C) {
  // yaml::Output leaves unset optional keys out: the dump's top-level keys are the keys C sets.
  std::string Dumped = dumpConfig(C);
  llvm::SourceMgr SM;
  SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {}, nullptr);
  llvm::yaml::Stream S(Dumped, SM, /*ShowColors=*/false);
  std::vector<std::string> Keys;
  for (llvm::yaml::Document &D : S)
    if (auto *Map = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(D.getRoot()))
      for (llvm::yaml::KeyValueNode &KV : *Map) {
        if (auto *K = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey()))
          Keys.push_back(K->getRawValue().str());
        KV.skip();
      }
  return Keys;
}

namespace {

/// The cascade options of one or more .clang-tidy files: option name -> value and its file.
struct RawOptions {
  std::map<std::string, std::pair<std::string, std::string>> Values;
  bool InheritParent = false;
};

/// Reads CheckOptions (list of {key, value} or mapping) and InheritParentConfig; other keys and
/// options that are not cascade's are ignored. A YAML error is an error with its position.
llvm::Expected<RawOptions> readClangTidyOptions(llvm::StringRef Yaml, llvm::StringRef Path) {
  llvm::SourceMgr SM;
  std::string FirstError;
  SM.setDiagHandler(
      [](const llvm::SMDiagnostic &D, void *Ctx) {
        std::string &Out = *static_cast<std::string *>(Ctx);
        if (Out.empty())
          Out = std::to_string(D.getLineNo()) + ":" + std::to_string(D.getColumnNo() + 1) +
                ": " + D.getMessage().str();
      },
      &FirstError);
  llvm::yaml::Stream S(Yaml, SM, /*ShowColors=*/false);
  std::string Problem; // the first problem of ours, "LINE:COL: message"
  auto Note = [&](llvm::yaml::Node *N, const std::string &Message) {
    if (!Problem.empty())
      return;
    llvm::SMLoc Loc = N ? N->getSourceRange().Start : llvm::SMLoc();
    if (Loc.isValid() && SM.FindBufferContainingLoc(Loc)) {
      auto [Line, Col] = SM.getLineAndColumn(Loc);
      Problem = std::to_string(Line) + ":" + std::to_string(Col) + ": " + Message;
    } else {
      Problem = Message;
    }
  };
  auto ScalarText = [&](llvm::yaml::Node *N, std::string &Out) {
    llvm::SmallString<64> Storage;
    if (auto *Sc = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(N)) {
      Out = Sc->getValue(Storage).str();
      return true;
    }
    if (auto *B = llvm::dyn_cast_or_null<llvm::yaml::BlockScalarNode>(N)) {
      Out = B->getValue().str();
      return true;
    }
    return false;
  };
  std::set<std::string> Wanted;
  for (const std::string &K : sharedOptionKeys()) {
    Wanted.insert(K);
    for (const CheckInfo &Info : allChecks())
      Wanted.insert(std::string(Info.Id) + "." + K);
  }
  RawOptions Out;
  auto Take = [&](llvm::yaml::Node *KeyNode, llvm::yaml::Node *ValueNode) {
    std::string Key, Value;
    if (!ScalarText(KeyNode, Key)) {
      Note(KeyNode, "a CheckOptions key must be a string");
      return;
    }
    if (!Wanted.count(Key))
      return;
    if (!ValueNode || llvm::isa<llvm::yaml::NullNode>(ValueNode)) {
      Note(KeyNode, "no value for CheckOptions key '" + Key + "'");
      return;
    }
    if (!ScalarText(ValueNode, Value)) {
      Note(ValueNode, "the value of CheckOptions key '" + Key + "' must be a string");
      return;
    }
    Out.Values[Key] = {Value, Path.str()};
  };
  // LLVM's YAML nodes skip their children recursively: every node is walked here, no deeper than
  // MaxDepth, and the walk stops at the first problem, so hostile nesting cannot exhaust the stack.
  constexpr unsigned MaxDepth = 32;
  std::function<bool(llvm::yaml::Node *, unsigned)> Consume = [&](llvm::yaml::Node *N,
                                                                   unsigned Depth) {
    if (!N)
      return true;
    if (Depth > MaxDepth) {
      Note(N, "nested more than " + std::to_string(MaxDepth) + " levels deep");
      return false;
    }
    if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
      for (llvm::yaml::Node &Child : *Seq)
        if (!Consume(&Child, Depth + 1))
          return false;
    } else if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
      for (llvm::yaml::KeyValueNode &KV : *Map)
        if (!Consume(KV.getKey(), Depth + 1) || !Consume(KV.getValue(), Depth + 1))
          return false;
    }
    return Problem.empty();
  };
  // A key's text; a key that is not a scalar is walked (getValue would skip it recursively).
  auto KeyText = [&](llvm::yaml::KeyValueNode &KV, unsigned Depth, std::string &Out) {
    llvm::yaml::Node *K = KV.getKey();
    if (ScalarText(K, Out))
      return true;
    Out.clear();
    return Consume(K, Depth + 1);
  };
  auto Walk = [&]() {
    unsigned Documents = 0;
    for (llvm::yaml::Document &D : S) {
      llvm::yaml::Node *Root = D.getRoot();
      if (!Root || llvm::isa<llvm::yaml::NullNode>(Root))
        continue;
      if (++Documents > 1)
        return Note(Root, "a second YAML document; a configuration is one document");
      auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root);
      if (!Map)
        return Note(Root, "expected a mapping of clang-tidy options");
      for (llvm::yaml::KeyValueNode &KV : *Map) {
        std::string Name;
        if (!KeyText(KV, 1, Name))
          return;
        llvm::yaml::Node *Value = KV.getValue();
        if (Name == "InheritParentConfig") {
          std::string Text;
          std::optional<bool> B = ScalarText(Value, Text) ? parseOptionBool(Text) : std::nullopt;
          if (!B)
            return Note(Value, "InheritParentConfig must be true or false");
          Out.InheritParent = *B;
        } else if (Name == "CheckOptions") {
          if (auto *Options = llvm::dyn_cast_or_null<llvm::yaml::MappingNode>(Value)) {
            for (llvm::yaml::KeyValueNode &Option : *Options) {
              std::string Key;
              if (!KeyText(Option, 2, Key))
                return;
              llvm::yaml::Node *V = Option.getValue();
              if (!Consume(V, 2))
                return;
              Take(Option.getKey(), V);
              if (!Problem.empty())
                return;
            }
          } else if (auto *List = llvm::dyn_cast_or_null<llvm::yaml::SequenceNode>(Value)) {
            for (llvm::yaml::Node &Item : *List) {
              auto *Entry = llvm::dyn_cast<llvm::yaml::MappingNode>(&Item);
              if (!Entry)
                return Note(&Item, "a CheckOptions entry must be a mapping {key: ..., value: ...}");
              llvm::yaml::Node *K = nullptr, *V = nullptr;
              for (llvm::yaml::KeyValueNode &Field : *Entry) {
                std::string FieldName;
                if (!KeyText(Field, 3, FieldName))
                  return;
                llvm::yaml::Node *FieldValue = Field.getValue();
                if (!Consume(FieldValue, 3))
                  return;
                if (FieldName == "key")
                  K = FieldValue;
                else if (FieldName == "value")
                  V = FieldValue;
              }
              if (!K)
                return Note(Entry, "a CheckOptions entry has no 'key'");
              Take(K, V);
              if (!Problem.empty())
                return;
            }
          } else if (!llvm::isa_and_nonnull<llvm::yaml::NullNode>(Value)) {
            return Note(Value, "CheckOptions must be a mapping or a list of {key, value} entries");
          }
        } else if (!Consume(Value, 1)) {
          return;
        }
      }
    }
  };
  Walk();
  if (S.failed() || !FirstError.empty())
    return llvm::createStringError("invalid clang-tidy configuration " + Path.str() + ":" +
                                   (FirstError.empty() ? std::string(" syntax error")
                                                       : FirstError));
  if (!Problem.empty())
    return llvm::createStringError("invalid clang-tidy configuration " + Path.str() + ":" +
                                   Problem);
  return Out;
}

/// A value as the checks read it, so that `users; teams` and `users;teams` agree.
std::string normalized(const std::string &Key, const std::string &Value) {
  if (Key == "RootTables" || Key == "ActorColumnPatterns")
    return llvm::join(splitOptionList(Value), ";");
  if (Key == "AllowSetNull") {
    if (auto B = parseOptionBool(Value))
      return *B ? "true" : "false";
  }
  return llvm::StringRef(Value).trim().str();
}

std::string defaultValue(const std::string &Key) {
  if (Key == "RootTables")
    return "users";
  if (Key == "AllowSetNull")
    return "true";
  if (Key == "Dialect")
    return "auto";
  if (Key == "OwnershipPolicy")
    return "structural";
  return llvm::join(defaultActorColumnPatterns(), ";");
}

/// One value per key for all checks, or an error naming each check's value.
llvm::Expected<FoundConfig> resolve(const RawOptions &Raw, const std::string &Source) {
  FoundConfig Found;
  Found.Values.Source = Source;
  Found.Values.Directory = llvm::sys::path::parent_path(Source).str();
  for (const std::string &Key : sharedOptionKeys()) {
    struct PerCheck {
      std::string Id, Value, Said, File;
    };
    std::vector<PerCheck> Checks;
    bool AnySet = false;
    for (const CheckInfo &Info : allChecks()) {
      PerCheck P{std::string(Info.Id), defaultValue(Key), "", ""};
      std::string Local = P.Id + "." + Key;
      if (auto It = Raw.Values.find(Local); It != Raw.Values.end()) {
        P.Value = It->second.first;
        P.File = It->second.second;
        P.Said = Local + " is '" + P.Value + "'";
      } else if (auto G = Raw.Values.find(Key); G != Raw.Values.end()) {
        P.Value = G->second.first;
        P.File = G->second.second;
        P.Said = P.Id + " takes the global " + Key + " '" + P.Value + "'";
      } else {
        P.Said = P.Id + " has the default '" + P.Value + "'";
      }
      AnySet |= !P.File.empty();
      Checks.push_back(std::move(P));
    }
    if (!AnySet)
      continue;
    if (Key == "AllowSetNull")
      for (const PerCheck &P : Checks)
        if (!parseOptionBool(P.Value))
          return llvm::createStringError("invalid AllowSetNull '" + P.Value + "' in " + P.File +
                                         ": expected true or false");
    bool Same = llvm::all_of(Checks, [&](const PerCheck &P) {
      return normalized(Key, P.Value) == normalized(Key, Checks.front().Value);
    });
    if (!Same) {
      std::string Said, Files;
      for (const PerCheck &P : Checks) {
        Said += (Said.empty() ? "" : ", ") + P.Said;
        if (!P.File.empty() && Files.find(P.File) == std::string::npos)
          Files += (Files.empty() ? "" : ", ") + P.File;
      }
      return llvm::createStringError("conflicting " + Key + " values in the CheckOptions of " +
                                     Files + ": " + Said +
                                     "; cascade-tidy applies one value to every check: set the "
                                     "global key " + Key + " once instead");
    }
    const PerCheck &First = *llvm::find_if(Checks, [](const PerCheck &P) {
      return !P.File.empty();
    });
    const std::string &V = First.Value;
    if (Key == "RootTables")
      Found.Values.RootTables = splitOptionList(V);
    else if (Key == "ActorColumnPatterns")
      Found.Values.ActorColumnPatterns = splitOptionList(V);
    else if (Key == "AllowSetNull")
      Found.Values.AllowSetNull = *parseOptionBool(V);
    else if (Key == "Dialect")
      Found.Values.Dialect = llvm::StringRef(V).trim().str();
    else
      Found.Values.OwnershipPolicy = llvm::StringRef(V).trim().str();
    Found.Origins[Key] = First.File;
  }
  return Found;
}

llvm::Expected<std::string> readText(const std::string &Path) {
  auto Text = readRegularFile(Path, MaxConfigBytes);
  if (!Text) {
    std::string Why = llvm::toString(Text.takeError());
    llvm::StringRef Reason(Why);
    Reason.consume_front("cannot read file: ");
    return llvm::createStringError("cannot read configuration " + Path + ": " + Reason);
  }
  return std::move(*Text);
}

} // namespace

llvm::Expected<FoundConfig> parseClangTidyConfig(llvm::StringRef Yaml, llvm::StringRef Path,
                                                 bool &InheritParent) {
  auto Raw = readClangTidyOptions(Yaml, Path);
  if (!Raw)
    return Raw.takeError();
  InheritParent = Raw->InheritParent;
  return resolve(*Raw, Path.str());
}

ConfigFinder::Result ConfigFinder::nearest(const std::string &Dir, const char *FileName,
                                           std::map<std::string, std::optional<FoundConfig>> &Cache) {
  {
    std::lock_guard<std::mutex> G(Lock);
    auto It = Cache.find(Dir);
    if (It != Cache.end())
      return It->second;
  }
  std::optional<FoundConfig> Found;
  std::string Candidate = Dir + "/" + FileName;
  if (llvm::sys::fs::exists(Candidate)) {
    if (llvm::StringRef(FileName) == ConfigFileName) {
      auto C = readConfigFile(Candidate);
      if (!C)
        return C.takeError();
      Found.emplace();
      Found->Values = std::move(*C);
      for (const std::string &Key : keysSet(Found->Values))
        Found->Origins[Key] = Candidate;
    } else {
      auto C = clangTidyAt(Dir);
      if (!C)
        return C.takeError();
      Found = std::move(*C);
    }
  } else {
    llvm::StringRef Parent = llvm::sys::path::parent_path(Dir);
    if (!Parent.empty() && Parent != Dir) {
      auto Up = nearest(Parent.str(), FileName, Cache);
      if (!Up)
        return Up.takeError();
      Found = std::move(*Up);
    }
  }
  std::lock_guard<std::mutex> G(Lock);
  Cache[Dir] = Found;
  return Found;
}

ConfigFinder::Result ConfigFinder::clangTidyAt(const std::string &Dir) {
  // clang-tidy's InheritParentConfig: the parents' options first, this file's over them; the
  // per-check comparison is made on the merged options, as clang-tidy would apply them.
  RawOptions Merged;
  std::string Source;
  for (std::string D = Dir;;) {
    std::string Candidate = D + "/" + ClangTidyConfigFileName;
    if (llvm::sys::fs::exists(Candidate)) {
      auto Text = readText(Candidate);
      if (!Text)
        return Text.takeError();
      auto Raw = readClangTidyOptions(*Text, Candidate);
      if (!Raw)
        return Raw.takeError();
      if (Source.empty())
        Source = Candidate;
      for (auto &[K, V] : Raw->Values)
        Merged.Values.insert({K, V}); // a nearer file's value was inserted first and stays
      if (!Raw->InheritParent)
        break;
    }
    llvm::StringRef Parent = llvm::sys::path::parent_path(D);
    if (Parent.empty() || Parent == D)
      break;
    D = Parent.str();
  }
  auto Found = resolve(Merged, Source);
  if (!Found)
    return Found.takeError();
  if (Found->Origins.empty())
    return std::nullopt; // a .clang-tidy without cascade options changes nothing
  return std::optional<FoundConfig>(std::move(*Found));
}

llvm::Expected<std::optional<FoundConfig>> ConfigFinder::find(const std::string &Dir) {
  auto Cascade = findCascadeConfig(Dir);
  if (!Cascade || *Cascade)
    return Cascade;
  return nearest(Dir, ClangTidyConfigFileName, ClangTidyCache);
}

llvm::Expected<std::optional<FoundConfig>> ConfigFinder::findCascadeConfig(const std::string &Dir) {
  return nearest(Dir, ConfigFileName, CascadeCache);
}

} // namespace cascade
