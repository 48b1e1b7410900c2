// cascade-tidy's checks as a clang-tidy module:
//   clang-tidy-19 -load=<build>/lib/CascadeTidyModule.so -checks='-*,cascade-*' file.cpp -- ...
// Each check collects the TU's string literals, judges them against one catalog at the end of
// the TU, like cascade-tidy's AST mode, and keeps the findings of its own id. NOLINT is
// clang-tidy's. Options: CheckOptions (per check or global keys) over the .cascade-tidy.yaml
// found by walking up from the main file, over the defaults.
#include "AstLiteral.h"
#include "Check.h"
#include "ConfigFinder.h"
#include "LiteralChecker.h"
#include "SourceText.h"

#include "clang-tidy/ClangTidyCheck.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <mutex>
#include <set>

using namespace clang;
using namespace clang::ast_matchers;
using namespace clang::tidy;

namespace cascade {
namespace {

class SqlLiteralCheck : public ClangTidyCheck {
public:
  SqlLiteralCheck(StringRef Name, ClangTidyContext *Context)
      : ClangTidyCheck(Name, Context), Id(Name.str()) {
    std::optional<Config> File = cascadeConfig(Context->getCurrentFile());
    // Each key: CheckOptions, else the .cascade-tidy.yaml value, else the default.
    Config F = File ? *File : Config();
    RootTables = option("RootTables", F.RootTables ? llvm::join(*F.RootTables, ";") : "users");
    std::string AllowText =
        option("AllowSetNull", !F.AllowSetNull || *F.AllowSetNull ? "true" : "false");
    DialectName = option("Dialect", F.Dialect.value_or("auto"));
    PolicyName = option("OwnershipPolicy", F.OwnershipPolicy.value_or("structural"));
    ActorPatterns = option("ActorColumnPatterns",
                           llvm::join(F.ActorColumnPatterns.value_or(defaultActorColumnPatterns()),
                                      ";"));
    if (auto B = parseOptionBool(AllowText)) {
      AllowSetNull = *B;
    } else {
      AllowSetNull = true;
      configurationDiag("invalid AllowSetNull '%0' for %1: expected true or false")
          << escapeControl(AllowText) << Id;
    }
    Opts.Enabled = GlobList(Id);
    Opts.Checks.AllowSetNull = AllowSetNull;
    if (auto P = parseOwnershipPolicy(PolicyName))
      Opts.Checks.Ownership = *P;
    else
      configurationDiag("%0 for %1") << escapeControl(llvm::toString(P.takeError())) << Id;
    llvm::SmallVector<StringRef, 16> Patterns;
    StringRef(ActorPatterns).split(Patterns, ';', -1, false);
    Opts.Checks.ActorColumnPatterns.clear();
    for (StringRef P : Patterns)
      Opts.Checks.ActorColumnPatterns.push_back(P.trim().str());
    // SQL in C/C++ strings is read as PostgreSQL or CockroachDB; the MySQL and SQLite readers
    // take whole migration files, not fragments.
    if (auto D = parseDialect(DialectName); D && *D != Dialect::Mysql && *D != Dialect::Sqlite)
      Opts.Analyzer.SqlDialect = *D;
    else
      // Option values come from a .clang-tidy file in the checked tree: escaped, so a value
      // with a line break cannot forge a diagnostic line.
      configurationDiag("invalid Dialect '%0' for %1: expected auto, postgres or cockroach")
          << escapeControl(DialectName) << Id;
    llvm::SmallVector<StringRef, 4> Specs;
    StringRef(RootTables).split(Specs, ';', -1, false);
    Opts.Checks.Roots.clear();
    for (StringRef Spec : Specs) {
      auto Root = parseRootTable(Spec);
      if (!Root) {
        configurationDiag("%0") << escapeControl(llvm::toString(Root.takeError()));
        continue;
      }
      Opts.Checks.Roots.push_back(*Root);
    }
  }

  void storeOptions(ClangTidyOptions::OptionMap &Map) override {
    Options.store(Map, "RootTables", RootTables);
    Options.store(Map, "AllowSetNull", AllowSetNull ? "true" : "false");
    Options.store(Map, "Dialect", DialectName);
    Options.store(Map, "OwnershipPolicy", PolicyName);
    Options.store(Map, "ActorColumnPatterns", ActorPatterns);
  }

  void registerMatchers(MatchFinder *Finder) override {
    Finder->addMatcher(stringLiteral().bind("lit"), this);
  }

  void check(const MatchFinder::MatchResult &Result) override {
    const auto *SL = Result.Nodes.getNodeAs<StringLiteral>("lit");
    if (!SL)
      return;
    SM = Result.SourceManager;
    Collector.add(*SL, *SM, *Result.Context);
  }

  /// All the TU's literals are known: one catalog for them, then the findings of this check.
  void onEndOfTranslationUnit() override {
    for (AstLiteralCollector::Checked &C : Collector.check({}, Opts)) {
      FileID File = C.File;
      auto At = [&](size_t Offset) {
        return SM->getComposedLoc(File, static_cast<unsigned>(Offset));
      };
      for (const Finding &F : C.Findings) {
        if (F.CheckId != Id)
          continue;
        {
          // The message is an argument, never the format (clang would read `%` in a name), and
          // escaped: a name with a newline must not start a forged diagnostic line.
          DiagnosticBuilder D = diag(At(F.Begin), "%0") << escapeControl(F.Message);
          for (const Edit &E : F.Edits)
            D << FixItHint::CreateReplacement(
                CharSourceRange::getCharRange(At(E.Offset), At(E.Offset + E.Length)), E.Text);
        }
        for (const Note &N : F.Notes)
          diag(At(N.Begin), "%0", DiagnosticIDs::Note) << escapeControl(N.Message);
      }
    }
  }

private:
  /// The check's own key, else the global key (one line configures all three checks), else
  /// Fallback (.cascade-tidy.yaml or the default). Read as text: OptionsView::get<bool> is not
  /// exported by the clang-tidy binary.
  std::string option(StringRef Key, std::string Fallback) {
    if (std::optional<StringRef> V = Options.getLocalOrGlobal(Key))
      return V->str();
    return Fallback;
  }

  /// The nearest .cascade-tidy.yaml above the main file (the working directory when clang-tidy
  /// has none, as for --dump-config). An invalid one is reported once, by the first check.
  std::optional<Config> cascadeConfig(StringRef MainFile) {
    static ConfigFinder Finder;
    static std::mutex Lock;
    static std::set<std::string> Reported;
    llvm::SmallString<256> Dir;
    if (MainFile.empty()) {
      llvm::sys::fs::current_path(Dir);
    } else {
      Dir = MainFile;
      llvm::sys::fs::make_absolute(Dir);
      llvm::sys::path::remove_dots(Dir, /*remove_dot_dot=*/true);
      llvm::sys::path::remove_filename(Dir);
    }
    auto Found = Finder.findCascadeConfig(std::string(Dir));
    if (!Found) {
      std::string Message = llvm::toString(Found.takeError());
      std::lock_guard<std::mutex> G(Lock);
      if (Reported.insert(Message).second)
        configurationDiag("%0; cascade checks use their CheckOptions and defaults")
            << escapeControl(Message);
      return std::nullopt;
    }
    if (!*Found)
      return std::nullopt;
    return (*Found)->Values;
  }

  std::string Id;
  std::string RootTables;
  bool AllowSetNull;
  std::string DialectName;
  std::string PolicyName;
  std::string ActorPatterns; // ';'-separated globs
  CheckerOptions Opts;
  AstLiteralCollector Collector;
  const SourceManager *SM = nullptr;
};

class CascadeModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    for (const CheckInfo &Info : allChecks())
      Factories.registerCheck<SqlLiteralCheck>(Info.Id);
  }
};

} // namespace
} // namespace cascade

static ClangTidyModuleRegistry::Add<cascade::CascadeModule>
    X("cascade-module", "Foreign keys in SQL string literals that block deleting a user.");
