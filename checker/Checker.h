// The library's entry points: SQL text in, findings out.
#ifndef CASCADE_CHECKER_CHECKER_H
#define CASCADE_CHECKER_CHECKER_H

#include "Analyzer.h"
#include "Check.h"
#include "CheckOptions.h"
#include "DeletePath.h"
#include "GlobList.h"
#include "Ownership.h"

namespace cascade {

struct CheckerOptions {
  AnalyzerOptions Analyzer;
  CheckOptions Checks;
  GlobList Enabled{"cascade-*"};
  /// Default constraint names; unset: the dialect's rule (CockroachDB's for cockroach).
  std::optional<NamingRule> Naming;
  /// A note at the first foreign key to each table no text of the set creates (paths through
  /// it are not followed). For migration sets; a lone file's parents usually live elsewhere.
  bool ReportUnknownParents = false;
  NamingRule naming() const {
    return Naming ? *Naming
                  : (Analyzer.SqlDialect == Dialect::Cockroach ? NamingRule::Cockroach
                     : Analyzer.SqlDialect == Dialect::Mysql   ? NamingRule::Mysql
                                                               : NamingRule::Postgres);
  }
};

/// A table a text creates, with its columns as the final catalog has them (none when a later
/// text dropped it): what root-table messages compare a configured root with.
struct CreatedTable {
  QualifiedName Name; // schema "" for public
  std::vector<std::string> Columns;
};

struct CheckResult {
  std::vector<Finding> Findings; // input diagnostics, check findings and notes, by offset
  Analysis Parsed;
  std::vector<CreatedTable> Tables;       // tables this text creates (or renames to)
  std::vector<QualifiedName> Referenced;  // the parent of each FK this text defines
};

/// One text as its own schema history (chains inside it are found).
CheckResult checkSql(llvm::StringRef Text, const CheckerOptions &Opts);

struct SetMember {
  std::string Name; // shown in "made ON DELETE CASCADE by <Name>" notes
  std::string Sql;
  const CheckerOptions *Options; // per file: enabled checks; the first file's decide the rest
  /// False: replayed into the catalog only; its findings are not made (a language server's
  /// closed files, which nobody sees).
  bool Report = true;
};

/// What checkSet keeps between runs over the same set (the language server re-checks a set
/// after each edit): the catalog and analyses after the members that precede the first one a
/// run found changed, so the next run replays only from there.
struct SetReplayCache {
  std::vector<std::string> Keys;  // each member's name, analyzer options and text hash, last run
  std::vector<std::string> Texts; // each member's text, last run (where an edit starts)
  size_t SnapshotAt = 0;         // members [0, SnapshotAt) are replayed into Snapshot
  std::optional<Catalog> Snapshot;
  std::vector<Analysis> Analyses; // theirs
  /// Inside member SnapshotAt (the file being edited): where its analysis can go on from.
  std::optional<ResumePoint> Resume;
  /// The ownership and delete-path analysis of the last run, and what it was computed from
  /// (the standing keys, their NOT NULL columns, primary keys and the options): an edit that
  /// leaves the keys alone does not compute it again.
  std::string OwnershipKey;
  std::optional<OwnershipAnalysis> Owned;
  /// The last run's final catalog, left here rather than freed inside checkSet: its owner frees
  /// it after answering (freeing a large catalog is a visible part of an edit's latency).
  std::optional<Catalog> Retired;
  /// The member being edited (the language server's document), or none: a run with no snapshot
  /// yet takes its snapshot before this member, so the first edit replays only from there.
  size_t Focus = SIZE_MAX;
};

/// Texts replayed in order into one catalog (a schema plus its migrations). A FK is judged by
/// the final catalog: one that a later text replaced with a non-blocking definition gets a note
/// naming that text instead of a warning. With a Cache, the unchanged members before the first
/// changed one are not replayed again.
std::vector<CheckResult> checkSet(const std::vector<SetMember> &Members, Catalog *Out = nullptr,
                                  SetReplayCache *Cache = nullptr);

/// NOT NULL as the catalog has it; for a table it does not know (only altered, or defined in a
/// statement that did not parse), as the FK definitions in Files spelled it. Keeps a reference
/// to Cat.
NotNullLookup notNullLookup(Catalog &Cat, const std::vector<const Analysis *> &Files);

/// Replays the texts in order into Cat; returns each text's analysis.
std::vector<Analysis> replaySet(const std::vector<SetMember> &Members, Catalog &Cat);

/// How many threads replaySet may use to prepare a set's files ahead (prepareSql; 1, the
/// default: none). They are used only while fewer sets than that are being replayed at once.
void setReplayThreads(unsigned N);

/// How many sets a run has left to check (0, the default: not counted). A run of many sets
/// keeps every thread busy with sets of its own, and preparing one set's files in parallel
/// only oversubscribes the cores: replaySet does it only while fewer sets than threads are
/// left. The caller counts each set done with finishPendingSet.
void setPendingSets(size_t N);
void finishPendingSet();

} // namespace cascade

#endif
