// The schema as replayed from migrations: tables, columns (NOT NULL), primary keys and every
// foreign key's life (created where, dropped or replaced by which later statement).
#ifndef CASCADE_CHECKER_CATALOG_H
#define CASCADE_CHECKER_CATALOG_H

#include "ForeignKey.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

namespace cascade {

struct Column {
  std::string Name;
  bool NotNull = false;
};

/// How default constraint names are made (FACTS.md).
enum class NamingRule { Postgres, Cockroach, CockroachLegacy, Mysql };

/// One FK constraint as the database holds it.
struct CatalogForeignKey {
  unsigned Id = 0;
  std::string Name;
  QualifiedName Child, Parent; // schema "" means public
  std::vector<std::string> Columns, ParentColumns;
  Action OnDelete = Action::NoAction, OnUpdate = Action::NoAction;
  std::vector<std::string> SetNullColumns;
  char Match = 's';
  bool Deferrable = false, InitiallyDeferred = false;
  // Where it was defined: the replay's file index and the FK's index in that file's analysis.
  int File = -1;
  int Definition = -1;
  bool Alive = true;
  std::optional<unsigned> ReplacedBy; // dropped, then re-added on the same columns
};

struct Table {
  QualifiedName Name;
  std::vector<std::string> PrimaryKey;
  Column *column(llvm::StringRef Name);
  /// Adds the column unless the table has it already.
  void addColumn(Column C);
  void dropColumn(const std::string &Name);
  void renameColumn(const std::string &From, const std::string &To);
  const std::vector<Column> &columns() const { return Columns; }

private:
  std::vector<Column> Columns;
  /// Name -> position, for a wide table only (its lookups stay O(1)); a narrow one is searched
  /// in order, which is faster and keeps catalog copies (the language server's snapshots) cheap.
  std::unordered_map<std::string, size_t> ColumnIndex;
  static constexpr size_t IndexFrom = 16;
  void reindex();
};

class Catalog {
public:
  explicit Catalog(NamingRule Naming = NamingRule::Postgres) : Naming(Naming) {}

  /// Unqualified names live in schema public.
  Table *find(const QualifiedName &Name);
  /// Adds the table unless it exists (CREATE TABLE IF NOT EXISTS semantics); returns it.
  Table &create(const QualifiedName &Name, bool &Existed);
  void drop(const QualifiedName &Name);
  void renameTable(const QualifiedName &From, const std::string &To);
  void renameColumn(const QualifiedName &Table, const std::string &From, const std::string &To);
  void dropColumn(const QualifiedName &Table, const std::string &Column);
  /// True/false when the column is known, nullopt when the table or column is not.
  std::optional<bool> notNull(const QualifiedName &Table, llvm::StringRef Column);

  /// Records a FK defined in the current file; returns its id. The name is FK.Name or the
  /// dialect's default name.
  unsigned addForeignKey(const ForeignKey &FK, int Definition);
  /// DROP CONSTRAINT: returns false when no FK of that name exists on the table.
  bool dropConstraint(const QualifiedName &Table, const std::string &Name);
  void renameConstraint(const QualifiedName &Table, const std::string &From, const std::string &To);
  const std::vector<CatalogForeignKey> &foreignKeys() const { return ForeignKeys; }
  /// Every table's name (schema "" for public), in key order.
  std::vector<QualifiedName> tableNames() const {
    std::vector<const std::pair<const std::string, Table> *> Entries;
    for (const auto &Entry : Tables)
      Entries.push_back(&Entry);
    llvm::sort(Entries, [](auto *A, auto *B) { return A->first < B->first; });
    std::vector<QualifiedName> Out;
    for (const auto *Entry : Entries)
      Out.push_back(canonical(Entry->second.Name));
    return Out;
  }
  /// Every name a table got in the replay (CREATE TABLE, RENAME TO), with the file that gave
  /// it, in replay order; names dropped later stay (messages about roots and unknown parents).
  const std::vector<std::pair<int, QualifiedName>> &createdNames() const { return Created; }
  /// The FK that finally stands for Id: itself, or what replaced it, transitively.
  const CatalogForeignKey &finalVersion(unsigned Id) const;

  /// The file being replayed; FKs added are attributed to it.
  void setCurrentFile(int File) { CurrentFile = File; }
  int currentFile() const { return CurrentFile; }
  /// "" and "public" are the same schema.
  static QualifiedName canonical(const QualifiedName &Name);

private:
  static std::string key(const QualifiedName &Name);
  std::string defaultName(const QualifiedName &Child, const std::vector<std::string> &Columns,
                          const QualifiedName &Parent);
  bool nameTaken(const std::string &Schema, const std::string &Name) const;
  /// The lowest free name among Candidate(0), Candidate(1), ... for a default-name family.
  template <typename NameFn>
  std::string firstFreeName(const std::string &Schema, const std::string &Family,
                            NameFn Candidate);
  /// Alive FKs whose child (or parent) is Name; stale entries are dropped on the way.
  std::vector<unsigned> aliveByTable(std::unordered_map<std::string, std::vector<unsigned>> &Index,
                                     const QualifiedName &Name, bool Child);
  void kill(CatalogForeignKey &FK);
  void setName(CatalogForeignKey &FK, const std::string &Name);
  static std::string nameKey(const std::string &Schema, const std::string &Name) {
    return Schema + '\0' + Name;
  }

  // Hashed: names share long prefixes ("public.") that made an ordered map's compares costly.
  // Node-based: a Table& stays valid while others are added.
  std::unordered_map<std::string, Table> Tables;
  std::vector<std::pair<int, QualifiedName>> Created;
  std::vector<CatalogForeignKey> ForeignKeys;
  // Indexes that keep every replay step independent of the number of keys already seen.
  std::unordered_map<std::string, std::vector<unsigned>> ByChild, ByParent;
  std::unordered_map<std::string, unsigned> AliveNames;    // schema, name -> alive FKs so named
  std::unordered_map<std::string, unsigned> NextPass;      // default-name family -> first untried
  std::unordered_map<std::string, std::vector<unsigned>> DroppedByChild; // not yet replaced
  NamingRule Naming;
  int CurrentFile = 0;
};

/// PostgreSQL's makeObjectName: name1_name2_label within 63 bytes, trimming the longer part.
std::string makeObjectName(llvm::StringRef Name1, llvm::StringRef Name2, llvm::StringRef Label);

} // namespace cascade

#endif
