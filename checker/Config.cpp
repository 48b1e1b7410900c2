#include "Config.h"
#include "RegularFile.h"
#include "SetDiscovery.h"

#include "llvm/Support/FileSystem.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLParser.h"
#include "llvm/Support/YAMLTraits.h"

LLVM_YAML_IS_SEQUENCE_VECTOR(cascade::MigrationSetConfig)

namespace llvm::yaml {
template <> struct MappingTraits<cascade::MigrationSetConfig> {
  static void mapping(IO &IO, cascade::MigrationSetConfig &S) {
    IO.mapRequired("Path", S.Path);
    IO.mapOptional("Schema", S.Schema);
    IO.mapOptional("Dialect", S.Dialect);
    IO.mapOptional("RootTables", S.RootTables);
  }
  static std::string validate(IO &, cascade::MigrationSetConfig &S) {
    if (S.Path.empty())
      return "MigrationSets: empty Path; name the set's folder, relative to this file";
    if (S.Dialect && !cascade::parseSetDialect(*S.Dialect))
      return "MigrationSets: invalid Dialect '" + *S.Dialect + "' for '" + S.Path +
             "': expected auto, postgres, cockroach, mysql or sqlite";
    if (S.RootTables && S.RootTables->empty())
      return "MigrationSets: empty RootTables for '" + S.Path +
             "'; name at least one or leave the key out";
    return "";
  }
};

template <> struct MappingTraits<cascade::Config> {
  static void mapping(IO &IO, cascade::Config &C) {
    IO.mapOptional("Checks", C.Checks);
    IO.mapOptional("WarningsAsErrors", C.WarningsAsErrors);
    IO.mapOptional("RootTables", C.RootTables);
    IO.mapOptional("Dialect", C.Dialect);
    IO.mapOptional("AllowSetNull", C.AllowSetNull);
    IO.mapOptional("FrozenMigrations", C.FrozenMigrations);
    IO.mapOptional("OwnershipPolicy", C.OwnershipPolicy);
    IO.mapOptional("ActorColumnPatterns", C.ActorColumnPatterns);
    IO.mapOptional("MigrationSets", C.MigrationSets);
    IO.mapOptional("CxxSchema", C.CxxSchema);
    IO.mapOptional("CxxMigrations", C.CxxMigrations);
  }
};
} // namespace llvm::yaml

namespace cascade {

void Config::mergeFrom(const Config &Over) {
  auto Take = [](auto &Mine, const auto &Theirs) {
    if (Theirs)
      Mine = Theirs;
  };
  Take(Checks, Over.Checks);
  Take(WarningsAsErrors, Over.WarningsAsErrors);
  Take(RootTables, Over.RootTables);
  if (Over.RootTables)
    RootTablesSource = Over.Source.empty() ? Over.RootTablesSource : Over.Source;
  Take(Dialect, Over.Dialect);
  Take(AllowSetNull, Over.AllowSetNull);
  Take(OwnershipPolicy, Over.OwnershipPolicy);
  Take(ActorColumnPatterns, Over.ActorColumnPatterns);
  Take(MigrationSets, Over.MigrationSets);
  if (Over.CxxSchema || Over.CxxMigrations) {
    CxxSchema = Over.CxxSchema;
    CxxMigrations = Over.CxxMigrations;
    CxxCatalogSource = Over.CxxCatalogSource;
  }
  if (Over.FrozenMigrations) {
    FrozenMigrations = Over.FrozenMigrations;
    Directory = Over.Directory;
  }
  if (!Over.Source.empty())
    Source = Over.Source;
}

namespace {

/// What yaml::Input would quietly misread, found on the raw YAML: a second document (ignored),
/// aliases and anchors (an alias reads as an empty value), keys without a value or with `~` /
/// `null` (an empty string or the text "~"), and nesting deep enough to exhaust the stack.
class YamlShapeCheck {
public:
  explicit YamlShapeCheck(llvm::StringRef Yaml) : Stream(Yaml, SM, /*ShowColors=*/false) {
    SM.setDiagHandler([](const llvm::SMDiagnostic &, void *) {}, nullptr);
  }

  /// The YAML has a syntax error: yaml::Input names it, with its position.
  bool failed() { return Stream.failed(); }

  /// "LINE:COL: message" for the first problem.
  std::optional<std::string> run() {
    unsigned Documents = 0;
    for (llvm::yaml::Document &D : Stream) {
      llvm::yaml::Node *Root = D.getRoot();
      if (!Root)
        return std::nullopt; // a syntax error: yaml::Input names it
      if (++Documents > 1 && !llvm::isa<llvm::yaml::NullNode>(Root))
        return at(Root, "a second YAML document; a configuration is one document");
      if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(Root))
        for (llvm::yaml::KeyValueNode &KV : *Map) {
          llvm::yaml::Node *Value = KV.getValue();
          if (isNull(Value))
            return at(llvm::isa_and_nonnull<llvm::yaml::ScalarNode>(Value) ? Value : KV.getKey(),
                      "no value for '" + keyName(KV) +
                          "'; give one or leave the key out for the default");
          if (auto Problem = walk(KV.getKey(), 1, KV.getKey()))
            return Problem;
          if (auto Problem = walk(Value, 1, KV.getKey()))
            return Problem;
        }
      else if (auto Problem = walk(Root, 0, Root))
        return Problem;
    }
    // A syntax error found on the way is yaml::Input's to report, with its position.
    return std::nullopt;
  }

private:
  static constexpr unsigned MaxDepth = 32;

  /// A node of a stream with a syntax error can have no position (or one outside the
  /// buffer), and a key can be missing altogether: the message then goes without a position
  /// rather than through a wild or null pointer.
  std::string at(llvm::yaml::Node *N, const std::string &Message) {
    if (!N)
      return " " + Message;
    llvm::SMLoc Loc = N->getSourceRange().Start;
    if (!Loc.isValid() || !SM.FindBufferContainingLoc(Loc))
      return " " + Message;
    auto [Line, Col] = SM.getLineAndColumn(Loc);
    return std::to_string(Line) + ":" + std::to_string(Col) + ": " + Message;
  }

  static bool isNull(llvm::yaml::Node *N) {
    if (!N || llvm::isa<llvm::yaml::NullNode>(N))
      return true;
    auto *S = llvm::dyn_cast<llvm::yaml::ScalarNode>(N);
    if (!S || !N->getRawTag().empty())
      return false;
    llvm::StringRef Raw = S->getRawValue();
    return Raw == "~" || Raw == "null" || Raw == "Null" || Raw == "NULL";
  }

  static std::string keyName(llvm::yaml::KeyValueNode &KV) {
    if (auto *S = llvm::dyn_cast_or_null<llvm::yaml::ScalarNode>(KV.getKey()))
      return S->getRawValue().str();
    return "?";
  }

  /// Near: the nearest key, where an alias is reported (an alias node's own range ends the
  /// line).
  std::optional<std::string> walk(llvm::yaml::Node *N, unsigned Depth, llvm::yaml::Node *Near) {
    if (!N)
      return std::nullopt;
    if (Depth > MaxDepth)
      return at(N, "nested more than " + std::to_string(MaxDepth) + " levels deep");
    if (llvm::isa<llvm::yaml::AliasNode>(N))
      return at(Near ? Near : N, "YAML aliases (*name) are not supported; write the value out");
    if (!N->getAnchor().empty())
      return at(N, "YAML anchors (&name) are not supported; write the value out");
    if (auto *Seq = llvm::dyn_cast<llvm::yaml::SequenceNode>(N)) {
      for (llvm::yaml::Node &Child : *Seq)
        if (auto Problem = walk(&Child, Depth + 1, Near))
          return Problem;
    } else if (auto *Map = llvm::dyn_cast<llvm::yaml::MappingNode>(N)) {
      for (llvm::yaml::KeyValueNode &KV : *Map) {
        if (auto Problem = walk(KV.getKey(), Depth + 1, KV.getKey()))
          return Problem;
        if (auto Problem = walk(KV.getValue(), Depth + 1, KV.getKey()))
          return Problem;
      }
    }
    return std::nullopt;
  }

  llvm::SourceMgr SM;
  llvm::yaml::Stream Stream;
};

} // namespace

llvm::Expected<Config> parseConfig(llvm::StringRef Yaml, llvm::StringRef Path) {
  Config C;
  YamlShapeCheck Shape(Yaml);
  if (auto Problem = Shape.run(); Problem && !Shape.failed())
    return llvm::createStringError("invalid configuration " + Path.str() + ":" + *Problem);
  std::string Errors;
  auto Handler = [](const llvm::SMDiagnostic &D, void *Ctx) {
    std::string &Out = *static_cast<std::string *>(Ctx);
    if (Out.empty())
      Out = std::to_string(D.getLineNo()) + ":" + std::to_string(D.getColumnNo() + 1) + ": " +
            D.getMessage().str();
  };
  if (!Yaml.trim().empty()) {
    llvm::yaml::Input In(Yaml, nullptr, Handler, &Errors);
    In >> C;
    if (In.error())
      return llvm::createStringError(
          "invalid configuration " + Path.str() + ":" +
          (Errors.empty() ? std::string(" ") + In.error().message() : Errors));
  }
  C.Source = Path.str();
  C.Directory = llvm::sys::path::parent_path(Path).str();
  if (C.MigrationSets) {
    std::string Dir = absolutePath(C.Directory.empty() ? "." : C.Directory);
    for (MigrationSetConfig &S : *C.MigrationSets)
      S.Directory = Dir;
  }
  auto Resolve = [&](std::string &P) {
    if (!P.empty() && !llvm::sys::path::is_absolute(P)) {
      llvm::SmallString<256> Full(C.Directory);
      llvm::sys::path::append(Full, P);
      P = absolutePath(Full);
    }
  };
  if (C.CxxSchema)
    for (std::string &P : *C.CxxSchema)
      Resolve(P);
  if (C.CxxMigrations)
    Resolve(*C.CxxMigrations);
  if (C.CxxSchema || C.CxxMigrations)
    C.CxxCatalogSource = C.Source;
  return C;
}

llvm::Expected<Config> readConfigFile(llvm::StringRef Path) {
  auto Text = readRegularFile(Path, MaxConfigBytes);
  if (!Text) {
    std::string Why = llvm::toString(Text.takeError());
    llvm::StringRef Reason(Why);
    Reason.consume_front("cannot read file: ");
    return llvm::createStringError("cannot read configuration " + Path.str() + ": " + Reason);
  }
  return parseConfig(*Text, Path);
}

std::string dumpConfig(const Config &C) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  llvm::yaml::Output Yaml(OS);
  Config Copy = C;
  Yaml << Copy;
  return Out;
}

} // namespace cascade
