/* The C side of RawTree.h: the only file that sees PostgreSQL's node structs. */
#include <pg_query.h>

/* pg_query.h names libpg_query's PostgreSQL version with the macros the server headers define
 * for theirs: keep its major version, then let the server headers have the names. */
enum { CT_PG_QUERY_MAJOR = PG_VERSION_NUM / 10000 };
#undef PG_VERSION
#undef PG_MAJORVERSION
#undef PG_VERSION_NUM

#include "postgres.h"

#include "nodes/parsenodes.h"
#include "nodes/pg_list.h"
#include "pg_query/pg_query_internal.h"

#include <stdlib.h>
#include <string.h>

#include "RawTree.h"

/* libpg_query must be built from the PostgreSQL major version whose headers are included here:
 * the structs are read as these headers lay them out. CMakeLists.txt checks the same. */
_Static_assert(CT_PG_QUERY_MAJOR == PG_MAJORVERSION_NUM,
               "PostgreSQL server headers do not match libpg_query's PostgreSQL version");

#define NODE(p) ((const Node *)(const void *)(p))
#define AS(type, p) ((const type *)(const void *)(p))

ct_raw_parse ct_raw_parse_text(const char *text) {
  ct_raw_parse out;
  memset(&out, 0, sizeof out);
  MemoryContext ctx = pg_query_enter_memory_context();
  PgQueryInternalParsetreeAndError r = pg_query_raw_parse(text);
  free(r.stderr_buffer);
  out.context = ctx;
  if (r.error) {
    out.failed = 1;
    out.message = strdup(r.error->message ? r.error->message : "");
    out.cursorpos = r.error->cursorpos;
    pg_query_free_error(r.error);
  } else {
    out.stmts = (const ct_node *)(const void *)r.tree;
  }
  return out;
}

void ct_raw_free(ct_raw_parse *parse) {
  if (parse->context)
    pg_query_exit_memory_context((MemoryContext)parse->context);
  free(parse->message);
  memset(parse, 0, sizeof *parse);
}

ct_kind ct_node_kind(const ct_node *node) {
  if (!node)
    return CT_OTHER;
  switch (nodeTag(NODE(node))) {
  case T_RawStmt:
    return CT_RAW_STMT;
  case T_CreateStmt:
    return CT_CREATE_STMT;
  case T_AlterTableStmt:
    return CT_ALTER_TABLE_STMT;
  case T_AlterTableCmd:
    return CT_ALTER_TABLE_CMD;
  case T_DropStmt:
    return CT_DROP_STMT;
  case T_RenameStmt:
    return CT_RENAME_STMT;
  case T_ColumnDef:
    return CT_COLUMN_DEF;
  case T_Constraint:
    return CT_CONSTRAINT;
  case T_RangeVar:
    return CT_RANGE_VAR;
  case T_String:
    return CT_STRING;
  case T_List:
    return CT_LIST;
  default:
    return CT_OTHER;
  }
}

int ct_list_length(const ct_node *list) { return list_length(AS(List, list)); }

const ct_node *ct_list_nth(const ct_node *list, int n) {
  return (const ct_node *)list_nth(AS(List, list), n);
}

const ct_node *ct_raw_stmt_stmt(const ct_node *raw) {
  return (const ct_node *)AS(RawStmt, raw)->stmt;
}

const char *ct_string_value(const ct_node *string) { return AS(String, string)->sval; }

const char *ct_range_var_schema(const ct_node *range_var) {
  return AS(RangeVar, range_var)->schemaname;
}

const char *ct_range_var_name(const ct_node *range_var) {
  return AS(RangeVar, range_var)->relname;
}

const ct_node *ct_create_relation(const ct_node *create) {
  return (const ct_node *)AS(CreateStmt, create)->relation;
}

const ct_node *ct_create_elements(const ct_node *create) {
  return (const ct_node *)AS(CreateStmt, create)->tableElts;
}

const ct_node *ct_alter_relation(const ct_node *alter) {
  return (const ct_node *)AS(AlterTableStmt, alter)->relation;
}

const ct_node *ct_alter_commands(const ct_node *alter) {
  return (const ct_node *)AS(AlterTableStmt, alter)->cmds;
}

ct_subtype ct_cmd_subtype(const ct_node *cmd) {
  switch (AS(AlterTableCmd, cmd)->subtype) {
  case AT_AddColumn:
    return CT_AT_ADD_COLUMN;
  case AT_AddConstraint:
    return CT_AT_ADD_CONSTRAINT;
  case AT_SetNotNull:
    return CT_AT_SET_NOT_NULL;
  case AT_DropNotNull:
    return CT_AT_DROP_NOT_NULL;
  case AT_DropColumn:
    return CT_AT_DROP_COLUMN;
  case AT_DropConstraint:
    return CT_AT_DROP_CONSTRAINT;
  default:
    return CT_AT_OTHER;
  }
}

const char *ct_cmd_name(const ct_node *cmd) { return AS(AlterTableCmd, cmd)->name; }

const ct_node *ct_cmd_def(const ct_node *cmd) {
  return (const ct_node *)AS(AlterTableCmd, cmd)->def;
}

static ct_objtype object_type(ObjectType t) {
  switch (t) {
  case OBJECT_TABLE:
    return CT_OBJ_TABLE;
  case OBJECT_COLUMN:
    return CT_OBJ_COLUMN;
  case OBJECT_TABCONSTRAINT:
    return CT_OBJ_TABCONSTRAINT;
  default:
    return CT_OBJ_OTHER;
  }
}

ct_objtype ct_drop_type(const ct_node *drop) { return object_type(AS(DropStmt, drop)->removeType); }

const ct_node *ct_drop_objects(const ct_node *drop) {
  return (const ct_node *)AS(DropStmt, drop)->objects;
}

ct_objtype ct_rename_type(const ct_node *rename) {
  return object_type(AS(RenameStmt, rename)->renameType);
}

const ct_node *ct_rename_relation(const ct_node *rename) {
  return (const ct_node *)AS(RenameStmt, rename)->relation;
}

const char *ct_rename_subname(const ct_node *rename) { return AS(RenameStmt, rename)->subname; }

const char *ct_rename_newname(const ct_node *rename) { return AS(RenameStmt, rename)->newname; }

const char *ct_column_name(const ct_node *def) { return AS(ColumnDef, def)->colname; }

int ct_column_not_null(const ct_node *def) { return AS(ColumnDef, def)->is_not_null; }

const ct_node *ct_column_constraints(const ct_node *def) {
  return (const ct_node *)AS(ColumnDef, def)->constraints;
}

ct_contype ct_constraint_type(const ct_node *c) {
  switch (AS(Constraint, c)->contype) {
  case CONSTR_PRIMARY:
    return CT_CONSTR_PRIMARY;
  case CONSTR_NOTNULL:
    return CT_CONSTR_NOTNULL;
  case CONSTR_FOREIGN:
    return CT_CONSTR_FOREIGN;
  case CONSTR_ATTR_DEFERRABLE:
    return CT_CONSTR_ATTR_DEFERRABLE;
  case CONSTR_ATTR_NOT_DEFERRABLE:
    return CT_CONSTR_ATTR_NOT_DEFERRABLE;
  case CONSTR_ATTR_DEFERRED:
    return CT_CONSTR_ATTR_DEFERRED;
  case CONSTR_ATTR_IMMEDIATE:
    return CT_CONSTR_ATTR_IMMEDIATE;
  default:
    return CT_CONSTR_OTHER;
  }
}

const char *ct_constraint_name(const ct_node *c) { return AS(Constraint, c)->conname; }

int ct_constraint_deferrable(const ct_node *c) { return AS(Constraint, c)->deferrable; }

int ct_constraint_initdeferred(const ct_node *c) { return AS(Constraint, c)->initdeferred; }

int ct_constraint_skip_validation(const ct_node *c) { return AS(Constraint, c)->skip_validation; }

int ct_constraint_location(const ct_node *c) { return AS(Constraint, c)->location; }

const ct_node *ct_constraint_keys(const ct_node *c) {
  return (const ct_node *)AS(Constraint, c)->keys;
}

const ct_node *ct_constraint_pktable(const ct_node *c) {
  return (const ct_node *)AS(Constraint, c)->pktable;
}

const ct_node *ct_constraint_fk_attrs(const ct_node *c) {
  return (const ct_node *)AS(Constraint, c)->fk_attrs;
}

const ct_node *ct_constraint_pk_attrs(const ct_node *c) {
  return (const ct_node *)AS(Constraint, c)->pk_attrs;
}
