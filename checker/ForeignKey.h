// The foreign-key model every check and the catalog share.
#ifndef CASCADE_CHECKER_FOREIGNKEY_H
#define CASCADE_CHECKER_FOREIGNKEY_H

#include "Finding.h"
#include "Tokens.h"

#include <optional>
#include <string>
#include <vector>

namespace cascade {

/// A possibly schema-qualified name. Unquoted parts are folded to lower case, quoted ones are exact.
struct QualifiedName {
  std::string Schema, Name;
  bool empty() const { return Name.empty(); }
  /// SQL spelling: parts quoted only where needed.
  std::string str() const;
  bool operator==(const QualifiedName &O) const { return Schema == O.Schema && Name == O.Name; }
};

/// Quotes Ident when it is not a plain lower-case identifier or is a reserved word.
std::string quoteIdent(const std::string &Ident);

/// While one is alive on this thread, quoteIdent leaves a name spelled with template
/// placeholders (`:schema.jobs`, `${schema}`) unquoted when each placeholder in it is one of
/// Placeholders: those the migrations being checked or written wrote names with. Any other
/// name, and every name while none is alive (a live database's), is quoted as it must be.
class KnownPlaceholders {
public:
  explicit KnownPlaceholders(const std::vector<std::string> &Placeholders);
  ~KnownPlaceholders();
  KnownPlaceholders(const KnownPlaceholders &) = delete;
  KnownPlaceholders &operator=(const KnownPlaceholders &) = delete;

private:
  const std::vector<std::string> *Previous;
};

/// ON DELETE / ON UPDATE actions, with pg_constraint's one-letter codes.
enum class Action : char {
  NoAction = 'a', Restrict = 'r', Cascade = 'c', SetNull = 'n', SetDefault = 'd'
};
const char *actionSql(Action A); // "NO ACTION", "CASCADE", ...

struct ActionClause {
  Action Act = Action::NoAction;
  bool Explicit = false;             // spelled in the text
  size_t ClauseBegin = 0, ClauseEnd = 0; // "ON DELETE ... " whole clause
  size_t ActionBegin = 0, ActionEnd = 0; // the action words (with a SET NULL column list)
  std::vector<std::string> SetColumns;   // PG 15 SET NULL (cols)
  bool LowerCase = false;                // spelled in lower case: fixes follow suit
  /// The text after the action words would glue onto a replacement (`SET NULL (a)NOT NULL`).
  bool NeedsTrailingBlank = false;
};

/// Where `REFERENCES ...` sits in the text, found from scanner tokens.
struct ReferencesClause {
  size_t Begin = 0, End = 0; // REFERENCES keyword .. last token of the clause
  QualifiedName Table;
  std::vector<std::string> Columns;
  char Match = 's'; // f(ull), p(artial), s(imple)
  ActionClause OnDelete, OnUpdate;
  size_t InsertAt = 0;   // a grammar-legal place for a new ON DELETE clause
  /// The text at InsertAt would glue onto an inserted word (`users(id)NOT NULL`): the insertion
  /// must end with a blank.
  bool InsertNeedsTrailingBlank = false;
  bool LowerCase = false; // REFERENCES spelled in lower case
};

/// Parses the clause starting at Toks[RefIndex] (the REFERENCES keyword). Stops at Limit.
std::optional<ReferencesClause> parseReferences(const std::vector<Token> &Toks, size_t RefIndex,
                                                size_t Limit);

/// Reads `name`, `schema.name` or `db.schema.name` starting at Toks[I]; advances I.
std::optional<QualifiedName> parseQualifiedName(const std::vector<Token> &Toks, size_t &I,
                                                size_t Limit);

/// What a key that references a root directly says about its row (Ownership.h).
enum class KeyRole {
  Owner,        // the row belongs to the referenced root row: CASCADE
  LinkSide,     // one side of a link table keyed by two NOT NULL root keys: CASCADE
  Actor,        // records who acted on a row owned through another path: SET NULL
  ActorNotNull, // an actor whose column is NOT NULL: no automatic fix
  Undecided,    // several keys could own the row and nothing tells them apart: no automatic fix
};
const char *roleName(KeyRole R); // "owner", "actor NOT NULL", ...

struct KeyOwnership {
  KeyRole Role = KeyRole::Owner;
  std::optional<Action> Fix;      // CASCADE, SET NULL, or none (a human decides)
  std::vector<std::string> Notes; // why, and what else the user may choose
};

struct ForeignKey {
  QualifiedName Child;             // empty when unknown (a fragment)
  std::vector<std::string> Columns; // child columns
  std::vector<bool> NotNull;        // per child column, when known
  std::string Name;                 // explicit constraint name, if any
  bool Deferrable = false, InitiallyDeferred = false, NotValid = false;
  ReferencesClause Ref;
  /// Where the definition starts (CONSTRAINT / FOREIGN / REFERENCES).
  size_t DefinitionBegin = 0;
  int CatalogId = -1; // its CatalogForeignKey
  /// The referenced table's primary key, when the clause names no columns and it is known.
  std::vector<std::string> ParentKey;

  /// Set by the delete-path analysis: the chain from a root to this FK's table when the FK
  /// blocks deleting a root row through a table the delete cascades into.
  std::vector<std::string> BlockedPath;
  std::string BlockedRootNoun; // "a user"
  std::optional<Action> BlockedFix; // what the delete-path analysis would change it to
  bool BlockedBackIntoRoot = false;  // the path leads back into the root: never CASCADE
  /// Set by the ownership analysis for a key that references a root directly (policy structural).
  std::optional<KeyOwnership> Ownership;
  /// What the dialect's reader knows about this definition (MySQL's ignored column-level
  /// REFERENCES): every finding at it carries these as notes.
  std::vector<std::string> DialectNotes;
  /// Edits every fix of this definition needs besides its ON DELETE (MySQL: removing a MATCH
  /// clause, which makes the server ignore the action).
  std::vector<Edit> DialectEdits;
  /// Set when a later statement replaced this definition with one that does not block: the name
  /// of the member that did (empty for checkSql's unnamed text, such as a C/C++ literal).
  std::optional<std::string> FixedBy;

  bool anyNotNull() const;
  /// The child table is the referenced table (schemas equal, or either left unqualified).
  bool isSelfReference() const;
  /// "notes(author_id)" / "(author_id)" when the table is unknown.
  std::string childDisplay() const;
  /// "users(id)" / "users" when no columns are named.
  std::string parentDisplay() const;
};

} // namespace cascade

#endif
