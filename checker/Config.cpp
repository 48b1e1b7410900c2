#include "Config.h"

#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"

namespace llvm::yaml {
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
  Take(Dialect, Over.Dialect);
  Take(AllowSetNull, Over.AllowSetNull);
  Take(OwnershipPolicy, Over.OwnershipPolicy);
  Take(ActorColumnPatterns, Over.ActorColumnPatterns);
  if (Over.FrozenMigrations) {
    FrozenMigrations = Over.FrozenMigrations;
    Directory = Over.Directory;
  }
  if (!Over.Source.empty())
    Source = Over.Source;
}

llvm::Expected<Config> parseConfig(llvm::StringRef Yaml, llvm::StringRef Path) {
  Config C;
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
  return C;
}

llvm::Expected<Config> readConfigFile(llvm::StringRef Path) {
  auto Buf = llvm::MemoryBuffer::getFile(Path);
  if (!Buf)
    return llvm::createStringError("cannot read configuration " + Path.str() + ": " +
                                   Buf.getError().message());
  return parseConfig((*Buf)->getBuffer(), Path);
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
