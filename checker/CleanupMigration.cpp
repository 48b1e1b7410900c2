#include "CleanupMigration.h"

#include "SourceText.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <set>

namespace cascade {

CleanupPlan planCleanup(const std::vector<const CatalogForeignKey *> &FKs, const CheckOptions &Opts,
                        const NotNullLookup &NotNull, const PrimaryKeyLookup &PrimaryKey,
                        bool DirectOnly) {
  CleanupPlan Plan;
  Plan.Policy = Opts.Ownership;
  OwnershipAnalysis Owned = analyzeOwnership(FKs, Opts, NotNull, PrimaryKey);
  Plan.Closures = std::move(Owned.Closures);
  std::set<const CatalogForeignKey *> Seen;
  for (const DeleteClosure &C : Plan.Closures)
    for (const BlockingForeignKey &B : C.Blocking) {
      if ((DirectOnly && !B.Direct) || !Seen.insert(FKs[B.Index]).second)
        continue;
      std::optional<KeyOwnership> Role;
      if (auto It = Owned.Direct.find(B.Index); It != Owned.Direct.end())
        Role = It->second;
      Plan.Items.push_back({*FKs[B.Index], B.Fix, B.Path, C.Root.rowNoun(), Role});
    }
  llvm::sort(Plan.Items, [](const CleanupItem &A, const CleanupItem &B) {
    return std::tie(A.Original.Child.Schema, A.Original.Child.Name, A.Original.Name) <
           std::tie(B.Original.Child.Schema, B.Original.Child.Name, B.Original.Name);
  });
  return Plan;
}

/// A name as the dialect quotes it: MySQL always in backquotes (no reserved-word list to get
/// wrong), PostgreSQL and CockroachDB only where needed.
static std::string ident(const std::string &Name, Dialect D) {
  if (D != Dialect::Mysql)
    return quoteIdent(Name);
  std::string Out = "`";
  for (char C : Name)
    Out += C == '`' ? std::string("``") : std::string(1, C);
  return Out + "`";
}

static std::string tableName(const QualifiedName &N, Dialect D) {
  if (D != Dialect::Mysql)
    return N.str();
  return N.Schema.empty() ? ident(N.Name, D) : ident(N.Schema, D) + "." + ident(N.Name, D);
}

static std::string columnList(const std::vector<std::string> &Cols, Dialect D = Dialect::Postgres) {
  std::string Out;
  for (const std::string &C : Cols)
    Out += (Out.empty() ? "" : ", ") + ident(C, D);
  return Out;
}

std::string foreignKeyDefinition(const CatalogForeignKey &FK, Action OnDelete, Dialect D) {
  bool Mysql = D == Dialect::Mysql;
  std::string Out = "FOREIGN KEY (" + columnList(FK.Columns, D) + ") REFERENCES " +
                    tableName(FK.Parent, D);
  if (!FK.ParentColumns.empty())
    Out += (Mysql ? " (" : "(") + columnList(FK.ParentColumns, D) + ")";
  // MySQL ignores ON DELETE in a clause with MATCH, and has no DEFERRABLE: both are left out.
  if (FK.Match == 'f' && !Mysql)
    Out += " MATCH FULL";
  else if (FK.Match == 'p' && !Mysql)
    Out += " MATCH PARTIAL";
  if (OnDelete != Action::NoAction) {
    Out += std::string(" ON DELETE ") + actionSql(OnDelete);
    if ((OnDelete == Action::SetNull || OnDelete == Action::SetDefault) &&
        !FK.SetNullColumns.empty() && OnDelete == FK.OnDelete && !Mysql)
      Out += " (" + columnList(FK.SetNullColumns) + ")";
  }
  if (FK.OnUpdate != Action::NoAction)
    Out += std::string(" ON UPDATE ") + actionSql(FK.OnUpdate);
  if (FK.Deferrable && !Mysql)
    Out += FK.InitiallyDeferred ? " DEFERRABLE INITIALLY DEFERRED" : " DEFERRABLE";
  return Out;
}

static std::string describe(const CatalogForeignKey &FK) {
  std::string Parent = FK.Parent.str();
  if (!FK.ParentColumns.empty())
    Parent += "(" + columnList(FK.ParentColumns) + ")";
  return FK.Child.str() + "(" + columnList(FK.Columns) + ") -> " + Parent;
}

/// The name a MySQL key has between the two statements that replace it: NAME__cascade, with NAME
/// cut (never inside a UTF-8 character) so that the whole stays within MySQL's 64 characters.
static std::string mysqlTemporaryName(const std::string &Name) {
  const std::string Suffix = "__cascade";
  size_t Keep = std::min(Name.size(), size_t(64) - Suffix.size());
  while (Keep > 0 && Keep < Name.size() && (static_cast<unsigned char>(Name[Keep]) & 0xC0) == 0x80)
    --Keep;
  return Name.substr(0, Keep) + Suffix;
}

/// Drop, re-add NOT VALID, validate: the strong lock is only held for the catalog change.
static void rewrite(std::string &Out, const CatalogForeignKey &FK, Action OnDelete, Dialect D) {
  if (D == Dialect::Mysql) {
    // Each statement swaps one key for another, so the key is never missing and a failed ADD
    // leaves the old key in place. MariaDB refuses to drop and add the same name in one
    // statement (errno 121, "Duplicate key on write or update"; seen on 10.11 by
    // test/dialects/mariadb-proof.test), so the new key goes in under a temporary name and a
    // second statement puts it back under its own name.
    std::string Name = ident(FK.Name, D), Temp = ident(mysqlTemporaryName(FK.Name), D);
    std::string Table = tableName(FK.Child, D), Def = foreignKeyDefinition(FK, OnDelete, D);
    Out += "ALTER TABLE " + Table + " DROP FOREIGN KEY " + Name + ",\n  ADD CONSTRAINT " + Temp +
           " " + Def + ";\n";
    Out += "ALTER TABLE " + Table + " DROP FOREIGN KEY " + Temp + ",\n  ADD CONSTRAINT " + Name +
           " " + Def + ";\n";
    return;
  }
  std::string Table = FK.Child.str(), Name = quoteIdent(FK.Name);
  Out += "ALTER TABLE " + Table + " DROP CONSTRAINT IF EXISTS " + Name + ";\n";
  Out += "ALTER TABLE " + Table + " ADD CONSTRAINT " + Name + "\n  " +
         foreignKeyDefinition(FK, OnDelete) + " NOT VALID;\n";
  Out += "ALTER TABLE " + Table + " VALIDATE CONSTRAINT " + Name + ";\n";
}

/// Every comment line goes through here: names inside it are hostile input (a constraint named
/// "x<newline>TRUNCATE users;--" must not end the comment), so control characters and line
/// separators are spelled as escapes. A `--` comment ends only at a line break, and no `/* */`
/// comment is ever written, so `*/` or `/*` inside a name is inert.
static void comment(std::string &Out, const std::string &Text) {
  Out += Text.empty() ? "--\n" : "-- " + escapeControl(Text) + "\n";
}

static void transactionNote(std::string &Out, Dialect SqlDialect) {
  if (SqlDialect == Dialect::Mysql) {
    comment(Out, "MySQL / MariaDB: every ALTER TABLE commits on its own; each one swaps a key for");
    comment(Out, "another in ONE statement, so there is no moment without it, and an ADD that fails");
    comment(Out, "leaves the old key in place. MariaDB cannot drop and add the same name in one");
    comment(Out, "statement, so each key is re-added under NAME__cascade, then back under NAME.");
    comment(Out, "With foreign_key_checks on, each ALTER copies the table (ALGORITHM=COPY) and");
    comment(Out, "writes to it wait: run it when the table is quiet.");
  } else if (SqlDialect == Dialect::Cockroach) {
    comment(Out, "CockroachDB: dropping and re-adding a constraint of the same name inside one");
    comment(Out, "transaction fails (\"duplicate constraint name\", cockroachdb issue 55184), and");
    comment(Out, "schema changes in explicit transactions are not atomic there. Run this file one");
    comment(Out, "statement at a time, each in its own implicit transaction (`cockroach sql --file`");
    comment(Out, "does; do not wrap it in BEGIN/COMMIT or send it as one multi-statement string).");
  } else {
    comment(Out, "PostgreSQL: the file is safe as one transaction; run statement by statement");
    comment(Out, "(psql without --single-transaction) to hold each table's lock only briefly.");
  }
}

CleanupText writeCleanupMigration(const CleanupPlan &Plan, const std::string &FileStem,
                                  Dialect SqlDialect, bool DirectOnly) {
  KnownPlaceholders Known(Plan.Placeholders);
  CleanupText T;
  std::string &Up = T.Up;
  std::vector<const CleanupItem *> Fixed, Manual;
  for (const CleanupItem &I : Plan.Items)
    (I.NewAction ? Fixed : Manual).push_back(&I);

  comment(Up, FileStem + ".sql: generated by cascade-migrate; regenerate rather than edit.");
  comment(Up, "");
  std::string Roots;
  for (const DeleteClosure &C : Plan.Closures)
    Roots += (Roots.empty() ? "" : ", ") + C.RootName.str();
  if (DirectOnly)
    comment(Up, "--direct-only: cascades the references to " +
                    (Roots.empty() ? std::string("the root tables") : Roots) +
                    "; chained tables can still block the delete.");
  else
    comment(Up, "Makes deleting a row of " + (Roots.empty() ? std::string("the root tables") : Roots) +
                    " one statement: every foreign key");
  comment(Up, DirectOnly ? "Every foreign key that references it directly and does not cascade"
                         : "in its delete closure that does not cascade is dropped and re-added");
  comment(Up, DirectOnly ? "is dropped and re-added with ON DELETE CASCADE."
                         : "with ON DELETE CASCADE (a reference back into the root gets SET NULL).");
  // Only when it changed something: a plan of owners alone reads as before.
  bool Decided = llvm::any_of(Plan.Items, [](const CleanupItem &I) {
    return I.Ownership && I.Ownership->Role != KeyRole::Owner;
  });
  if (Decided) {
    comment(Up, "Ownership policy structural: a key that only records who acted on a row that");
    comment(Up, "another key owns (an actor) gets ON DELETE SET NULL instead, so deleting one user");
    comment(Up, "never deletes another user's rows; an actor whose column is NOT NULL is left for");
    comment(Up, "a manual change. --ownership-policy=cascade-all cascades every key.");
  }
  for (const DeleteClosure &C : Plan.Closures) {
    comment(Up, "");
    comment(Up, "Delete closure of " + C.RootName.str() + " (" + std::to_string(C.Tables.size()) +
                    " tables):");
    std::string Line;
    for (const QualifiedName &N : C.Tables) {
      std::string Next = (Line.empty() ? "  " : Line + ", ") + N.str();
      if (Next.size() > 90) {
        comment(Up, Line + ",");
        Next = "  " + N.str();
      }
      Line = Next;
    }
    comment(Up, Line);
  }
  comment(Up, "");
  comment(Up, "Constraints changed (" + std::to_string(Fixed.size()) + "):");
  for (const CleanupItem *I : Fixed)
    comment(Up, "  " + quoteIdent(I->Original.Name) + ": " + describe(I->Original) + ", " +
                    actionSql(I->Original.OnDelete) + " -> " + actionSql(*I->NewAction) +
                    (I->Ownership && I->Ownership->Role != KeyRole::Owner
                         ? std::string(" (") + roleName(I->Ownership->Role) + ")"
                         : ""));
  if (!Manual.empty()) {
    comment(Up, "");
    comment(Up, "Left for a manual change (" + std::to_string(Manual.size()) + "):");
    for (const CleanupItem *I : Manual) {
      if (!I->Ownership) {
        comment(Up, "  " + quoteIdent(I->Original.Name) + ": " + describe(I->Original) +
                        ": a NOT NULL self-reference; make it nullable, then ON DELETE SET NULL");
        continue;
      }
      comment(Up, "  " + quoteIdent(I->Original.Name) + ": " + describe(I->Original) + ": " +
                      roleName(I->Ownership->Role) + ":");
      for (const std::string &N : I->Ownership->Notes)
        comment(Up, "    " + N);
    }
  }
  comment(Up, "");
  if (SqlDialect == Dialect::Mysql) {
    comment(Up, "Idempotent: each key is dropped and re-added under its own name, so a second run");
    comment(Up, "ends in the same state without error. lock_wait_timeout makes a statement that waits");
    comment(Up, "for a metadata lock fail instead of queueing traffic behind it.");
  } else {
    comment(Up, "Idempotent: each constraint is dropped IF EXISTS and re-added, so a second run");
    comment(Up, "ends in the same state without error. Locks: ADD takes SHARE ROW EXCLUSIVE and DROP");
    comment(Up, "ACCESS EXCLUSIVE on both tables; NOT VALID + VALIDATE keeps the strong lock short,");
    comment(Up, "and lock_timeout makes a blocked statement fail instead of queueing traffic behind it.");
  }
  transactionNote(Up, SqlDialect);
  comment(Up, "");
  comment(Up, "ROLLBACK WARNING: once any row has been deleted under these cascades, " + FileStem +
                  ".down.sql");
  comment(Up, "cannot bring back the rows that went with it. Rolling back after the first delete");
  comment(Up, "restores the old constraints over a changed data set; restore from a backup instead.");
  const char *LockTimeout = SqlDialect == Dialect::Mysql ? "\nSET SESSION lock_wait_timeout = 5;\n"
                                                         : "\nSET lock_timeout = '5s';\n";
  Up += LockTimeout;
  for (const CleanupItem *I : Fixed) {
    std::string What = describe(I->Original);
    if (I->Path.size() > 2)
      What += " (" + pathString(I->Path) + ")";
    Up += "\n";
    comment(Up, What);
    if (I->Ownership && I->Ownership->Role != KeyRole::Owner)
      for (const std::string &N : I->Ownership->Notes)
        comment(Up, std::string(roleName(I->Ownership->Role)) + ": " + N);
    rewrite(Up, I->Original, *I->NewAction, SqlDialect);
  }

  std::string &Down = T.Down;
  comment(Down, FileStem + ".down.sql: generated by cascade-migrate; regenerate rather than edit.");
  comment(Down, "");
  comment(Down, "Restores the original definition (its original ON DELETE / ON UPDATE actions) of");
  comment(Down, "each constraint that " + FileStem + ".sql changed. Idempotent, like the up file.");
  transactionNote(Down, SqlDialect);
  comment(Down, "");
  comment(Down, "ROLLBACK WARNING: if any row was deleted while the cascades were in place, the rows");
  comment(Down, "that went with it are gone; this file does not bring them back (restore a backup).");
  Down += LockTimeout;
  for (const CleanupItem *I : Fixed) {
    Down += "\n";
    comment(Down, describe(I->Original));
    rewrite(Down, I->Original, I->Original.OnDelete, SqlDialect);
  }
  return T;
}

} // namespace cascade
