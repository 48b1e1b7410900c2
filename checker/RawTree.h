/* libpg_query's raw parse tree, read without its JSON output.
 *
 * pg_query_parse builds PostgreSQL's parse tree in C structs, writes it out as JSON and frees it;
 * the extractor then reads the JSON back. This header lets C++ walk the structs themselves: the
 * C side (RawTree.c) is the only file compiled against PostgreSQL's server headers (whose macros
 * do not mix with C++), and hands out the few node kinds and fields the extractor reads, as plain
 * values. Built only when the server headers of libpg_query's PostgreSQL major version are found
 * (CMakeLists.txt: CASCADE_RAW_TREE); otherwise the JSON path is the only one. */
#ifndef CASCADE_CHECKER_RAWTREE_H
#define CASCADE_CHECKER_RAWTREE_H

#ifdef __cplusplus
extern "C" {
#endif

/* A node of the tree, or a List of nodes; opaque on this side. */
typedef struct ct_node ct_node;

/* One parse: the tree lives in its own memory context until ct_raw_free. */
typedef struct ct_raw_parse {
  void *context;        /* libpg_query's memory context of this parse */
  const ct_node *stmts; /* List of RawStmt, or NULL (empty text, or an error) */
  int failed;
  char *message; /* malloc'ed copy of the error message when failed */
  int cursorpos; /* 1-based position of the error, as pg_query_parse gives it */
} ct_raw_parse;

ct_raw_parse ct_raw_parse_text(const char *text);
void ct_raw_free(ct_raw_parse *parse);

/* The node kinds the extractor reads; everything else is CT_OTHER. */
typedef enum ct_kind {
  CT_OTHER,
  CT_RAW_STMT,
  CT_CREATE_STMT,
  CT_ALTER_TABLE_STMT,
  CT_ALTER_TABLE_CMD,
  CT_DROP_STMT,
  CT_RENAME_STMT,
  CT_COLUMN_DEF,
  CT_CONSTRAINT,
  CT_RANGE_VAR,
  CT_STRING,
  CT_LIST
} ct_kind;

ct_kind ct_node_kind(const ct_node *node); /* CT_OTHER for NULL */

/* Lists (NULL is the empty list). */
int ct_list_length(const ct_node *list);
const ct_node *ct_list_nth(const ct_node *list, int n);

/* Constraint types, ALTER TABLE subcommands and object types the extractor tells apart. */
typedef enum ct_contype {
  CT_CONSTR_OTHER,
  CT_CONSTR_PRIMARY,
  CT_CONSTR_NOTNULL,
  CT_CONSTR_FOREIGN,
  CT_CONSTR_ATTR_DEFERRABLE,
  CT_CONSTR_ATTR_NOT_DEFERRABLE,
  CT_CONSTR_ATTR_DEFERRED,
  CT_CONSTR_ATTR_IMMEDIATE
} ct_contype;

typedef enum ct_subtype {
  CT_AT_OTHER,
  CT_AT_ADD_COLUMN,
  CT_AT_ADD_CONSTRAINT,
  CT_AT_SET_NOT_NULL,
  CT_AT_DROP_NOT_NULL,
  CT_AT_DROP_COLUMN,
  CT_AT_DROP_CONSTRAINT
} ct_subtype;

typedef enum ct_objtype {
  CT_OBJ_OTHER,
  CT_OBJ_TABLE,
  CT_OBJ_COLUMN,
  CT_OBJ_TABCONSTRAINT
} ct_objtype;

/* Fields, each of a node of the named kind (the caller checks the kind first). Strings are NULL
 * when the tree has none; lists are NULL when empty. */
const ct_node *ct_raw_stmt_stmt(const ct_node *raw);
const char *ct_string_value(const ct_node *string);

const char *ct_range_var_schema(const ct_node *range_var);
const char *ct_range_var_name(const ct_node *range_var);

const ct_node *ct_create_relation(const ct_node *create);
const ct_node *ct_create_elements(const ct_node *create);

const ct_node *ct_alter_relation(const ct_node *alter);
const ct_node *ct_alter_commands(const ct_node *alter);
ct_subtype ct_cmd_subtype(const ct_node *cmd);
const char *ct_cmd_name(const ct_node *cmd);
const ct_node *ct_cmd_def(const ct_node *cmd);

ct_objtype ct_drop_type(const ct_node *drop);
const ct_node *ct_drop_objects(const ct_node *drop);

ct_objtype ct_rename_type(const ct_node *rename);
const ct_node *ct_rename_relation(const ct_node *rename);
const char *ct_rename_subname(const ct_node *rename);
const char *ct_rename_newname(const ct_node *rename);

const char *ct_column_name(const ct_node *def);
int ct_column_not_null(const ct_node *def);
const ct_node *ct_column_constraints(const ct_node *def);

ct_contype ct_constraint_type(const ct_node *c);
const char *ct_constraint_name(const ct_node *c);
int ct_constraint_deferrable(const ct_node *c);
int ct_constraint_initdeferred(const ct_node *c);
int ct_constraint_skip_validation(const ct_node *c);
int ct_constraint_location(const ct_node *c);
const ct_node *ct_constraint_keys(const ct_node *c);
const ct_node *ct_constraint_pktable(const ct_node *c);
const ct_node *ct_constraint_fk_attrs(const ct_node *c);
const ct_node *ct_constraint_pk_attrs(const ct_node *c);

#ifdef __cplusplus
}
#endif

#endif
