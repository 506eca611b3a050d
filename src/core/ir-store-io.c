/* ir-store-io.c: reading a store: entities, history, trash, dumps, cycles,
 * export and import
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-schema-private.h"
#include "ir-store-private.h"

#define OP_COLUMNS "n, id, tx, seen, entity, eid, field, value, hlc, actor, schema, seq, received"
#define EXPORT_FORMAT "ironroom-ops"
#define EXPORT_VERSION 1
#define IMPORT_BATCH 5000

/* --- entities and lists -------------------------------------------------- */

/**
 * ir_store_get_entity:
 *
 * Returns the live object of one entity, shared by every caller and kept
 * current as operations apply, or %NULL when the store has no such entity.
 *
 * Returns: (transfer full) (nullable): the entity
 */
IrEntity *
ir_store_get_entity (IrStore    *self,
                     const char *entity,
                     const char *eid)
{
  IrEntity *live = g_hash_table_lookup (self->live, eid);
  g_autofree char *kind = NULL;

  if (live != NULL)
    {
      if (entity != NULL && !g_str_equal (ir_entity_get_kind (live), entity))
        return NULL;
      return g_object_ref (live);
    }

  kind = ir_store_entity_kind (self, eid);
  if (kind == NULL || (entity != NULL && !g_str_equal (kind, entity)))
    return NULL;

  return ir_entity_new (self, kind, eid);
}

/**
 * ir_store_list:
 *
 * Returns a live list of the visible entities of one type.
 *
 * Returns: (transfer full): the list
 */
IrEntityList *
ir_store_list (IrStore    *self,
               const char *entity)
{
  return ir_entity_list_new (self, entity, NULL, NULL);
}

/* A live list of the visible entities of one type whose @field is @value,
 * such as the concerns of one stakeholder. */
IrEntityList *
ir_store_list_children (IrStore    *self,
                        const char *entity,
                        const char *field,
                        const char *value)
{
  return ir_entity_list_new (self, entity, field, value);
}

/* Returns the ids of the entities of one type, sorted. */
GPtrArray *
ir_store_list_ids (IrStore    *self,
                   const char *entity,
                   gboolean    include_hidden)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT eid FROM entities WHERE entity = ? ORDER BY eid");
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  sqlite3_bind_text (stmt, 1, entity, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (!include_hidden)
    for (guint i = ids->len; i > 0; i--)
      if (!ir_store_entity_visible (self, g_ptr_array_index (ids, i - 1)))
        g_ptr_array_remove_index (ids, i - 1);

  return ids;
}

/* --- history ------------------------------------------------------------- */

static GPtrArray *
query_ops (IrStore      *self,
           sqlite3_stmt *stmt)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      IrOp *op = ir_store_op_from_row (stmt, 0);

      op->room = g_strdup (self->room_id);
      g_ptr_array_add (ops, op);
    }
  sqlite3_reset (stmt);

  return ops;
}

/**
 * ir_store_get_history:
 *
 * Returns every op that set a field of @eid, in the order the server stored
 * them, then this replica's unsynced ones in clock order.
 *
 * Returns: (transfer full) (element-type IrOp): the ops
 */
GPtrArray *
ir_store_get_history (IrStore    *self,
                      const char *eid)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops WHERE eid = ? AND state != 2 "
                                         "ORDER BY seq IS NULL, seq, hlc, id");

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  return query_ops (self, stmt);
}

/* Returns the concurrent writes that lost to the value @field shows. */
GPtrArray *
ir_store_get_conflicts (IrStore    *self,
                        const char *eid,
                        const char *field)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT o.n, o.id, o.tx, o.seen, o.entity, o.eid, o.field, "
                                         "o.value, o.hlc, o.actor, o.schema, o.seq, o.received "
                                         "FROM conflicts c JOIN ops o ON o.n = c.n "
                                         "WHERE c.eid = ? AND c.field = ? AND c.same = 0 ORDER BY o.hlc, o.id");

  sqlite3_bind_text (stmt, 1, eid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, field, -1, SQLITE_STATIC);
  return query_ops (self, stmt);
}

GPtrArray *
ir_store_get_tx_ops (IrStore    *self,
                     const char *tx)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT " OP_COLUMNS " FROM ops WHERE tx = ? ORDER BY n");

  sqlite3_bind_text (stmt, 1, tx, -1, SQLITE_STATIC);
  return query_ops (self, stmt);
}

/**
 * ir_store_get_trash:
 *
 * Returns the deleted entities that are roots of what was deleted; their
 * children are hidden with them and come back when they are restored.
 *
 * Returns: (transfer full) (element-type IrEntity): the entities
 */
GPtrArray *
ir_store_get_trash (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "SELECT e.entity, e.eid FROM entities e "
                                         "JOIN fields f ON f.eid = e.eid AND f.field = 'deleted' "
                                         "WHERE e.deleted = 1 AND e.restored = 0 "
                                         "ORDER BY f.hlc DESC");
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *trash = g_ptr_array_new_with_free_func (g_object_unref);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i + 1 < ids->len; i += 2)
    {
      IrEntity *entity = ir_store_get_entity (self, ids->pdata[i], ids->pdata[i + 1]);

      if (entity != NULL)
        g_ptr_array_add (trash, entity);
    }

  return trash;
}

/* --- canonical dump ------------------------------------------------------ */

/**
 * ir_store_dump:
 *
 * Writes the applied state in a canonical text form: equal for two replicas
 * exactly when they hold the same state, whatever order they applied in.
 */
char *
ir_store_dump (IrStore *self)
{
  GString *dump = g_string_new (NULL);
  sqlite3_stmt *stmt;

  stmt = ir_store_prepare (self,
                           "SELECT e.entity, e.eid, e.deleted, e.restored, "
                           "coalesce (e.deleted_by, ''), coalesce (e.parent, '') "
                           "FROM entities e ORDER BY e.entity, e.eid");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "entity %s %s deleted=%d restored=%d by=%s parent=%s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_int (stmt, 2), sqlite3_column_int (stmt, 3),
                            sqlite3_column_text (stmt, 4), sqlite3_column_text (stmt, 5));
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (self,
                           "SELECT f.eid, f.field, o.value, o.id FROM fields f "
                           "JOIN ops o ON o.n = f.n ORDER BY f.eid, f.field");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "field %s %s = %s (%s)\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3));
  sqlite3_reset (stmt);

  stmt = ir_store_prepare (self,
                           "SELECT c.eid, c.field, o.id, o.value, c.same FROM conflicts c "
                           "JOIN ops o ON o.n = c.n ORDER BY c.eid, c.field, o.id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (dump, "conflict %s %s %s = %s%s\n",
                            sqlite3_column_text (stmt, 0), sqlite3_column_text (stmt, 1),
                            sqlite3_column_text (stmt, 2), sqlite3_column_text (stmt, 3),
                            sqlite3_column_int (stmt, 4) ? " (same value)" : "");
  sqlite3_reset (stmt);

  for (guint i = 0; i < ir_schema_get_n_entities (self->schema); i++)
    {
      const IrEntitySpec *spec = ir_schema_get_entity_nth (self->schema, i);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"e_%s\" ORDER BY eid", spec->name);
      sqlite3_stmt *rows = NULL;

      if (sqlite3_prepare_v2 (self->db, sql, -1, &rows, NULL) != SQLITE_OK)
        continue;

      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          g_string_append_printf (dump, "row %s", spec->name);
          for (int c = 0; c < sqlite3_column_count (rows); c++)
            {
              const char *text = (const char *) sqlite3_column_text (rows, c);

              g_string_append_printf (dump, " %s=%s", sqlite3_column_name (rows, c),
                                      text ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }

  return g_string_free (dump, FALSE);
}

/**
 * ir_store_rebuild:
 *
 * Drops every table computed from the op log and applies the log again.
 */
gboolean
ir_store_rebuild (IrStore  *self,
                  GError  **error)
{
  g_autoptr(GPtrArray) ops = NULL;
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;

  if (!ir_store_begin_sql (self, error))
    return FALSE;

  if (!ir_store_drop_state (self, error) || !ir_store_create_tables (self, error))
    goto failed;

  stmt = ir_store_prepare (self, "UPDATE ops SET state = 1 WHERE state = 0");
  sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (!ir_store_commit_sql (self, error))
    goto failed;

  ir_store_apply_pending (self);
  return TRUE;

failed:
  ir_store_rollback_sql (self);
  return FALSE;
}

/* --- cycles -------------------------------------------------------------- */

typedef struct
{
  GHashTable *edges;    /* node → GPtrArray of nodes */
  GHashTable *color;    /* node → 1 visiting, 2 done */
  GPtrArray  *path;
  GPtrArray  *cycles;
} CycleSearch;

static void
search_from (CycleSearch *search,
             const char  *start)
{
  /* Iterative depth-first search: a frame is (node, index of next edge). */
  g_autoptr(GArray) next = g_array_new (FALSE, TRUE, sizeof (guint));
  guint zero = 0;

  g_ptr_array_add (search->path, (gpointer) start);
  g_array_append_val (next, zero);
  g_hash_table_insert (search->color, (gpointer) start, GINT_TO_POINTER (1));

  while (search->path->len > 0)
    {
      guint top = search->path->len - 1;
      const char *node = g_ptr_array_index (search->path, top);
      GPtrArray *out = g_hash_table_lookup (search->edges, node);
      guint *index = &g_array_index (next, guint, top);

      if (out == NULL || *index >= out->len)
        {
          g_hash_table_insert (search->color, (gpointer) node, GINT_TO_POINTER (2));
          g_ptr_array_remove_index (search->path, top);
          g_array_remove_index (next, top);
          continue;
        }

      {
        const char *target = g_ptr_array_index (out, (*index)++);
        int color = GPOINTER_TO_INT (g_hash_table_lookup (search->color, target));

        if (color == 1)
          {
            GPtrArray *cycle = g_ptr_array_new_with_free_func (g_free);
            guint from = 0;

            while (from < search->path->len && !g_str_equal (search->path->pdata[from], target))
              from++;
            for (guint i = from; i < search->path->len; i++)
              g_ptr_array_add (cycle, g_strdup (search->path->pdata[i]));
            g_ptr_array_add (cycle, g_strdup (target));
            g_ptr_array_add (search->cycles, cycle);
          }
        else if (color == 0)
          {
            g_ptr_array_add (search->path, (gpointer) target);
            g_array_append_val (next, zero);
            g_hash_table_insert (search->color, (gpointer) target, GINT_TO_POINTER (1));
          }
      }
    }
}

/**
 * ir_store_find_cycles:
 * @from_field: the field naming where an edge starts
 * @to_field: (nullable): the field naming where it ends, or %NULL when the
 *   edge runs from the entity itself to @from_field (a parent link)
 * @kind_field: (nullable): a field to filter edges on
 * @kind: (nullable): the value @kind_field must have
 *
 * Finds cycles among the visible entities of one type, as merges can make
 * them even though local edits refuse them. Never loops.
 *
 * Returns: (transfer full): an array of cycles, each an array of entity ids
 *   whose last element repeats the first
 */
GPtrArray *
ir_store_find_cycles (IrStore    *self,
                      const char *entity,
                      const char *from_field,
                      const char *to_field,
                      const char *kind_field,
                      const char *kind)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GStringChunk) names = g_string_chunk_new (4096);
  CycleSearch search = { 0 };
  g_autoptr(GPtrArray) starts = g_ptr_array_new ();
  sqlite3_stmt *stmt;

  g_string_printf (sql, "SELECT t.eid, t.\"%s\", %s%s%s FROM \"e_%s\" t JOIN entities e "
                   "ON e.eid = t.eid WHERE (e.deleted = 0 OR e.restored = 1)",
                   from_field, to_field ? "t.\"" : "t.eid", to_field ? to_field : "",
                   to_field ? "\"" : "", entity);
  if (kind_field != NULL)
    g_string_append_printf (sql, " AND t.\"%s\" = ?", kind_field);
  g_string_append (sql, " ORDER BY t.eid");

  search.edges = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                        (GDestroyNotify) g_ptr_array_unref);
  search.color = g_hash_table_new (g_str_hash, g_str_equal);
  search.path = g_ptr_array_new ();
  search.cycles = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  stmt = ir_store_prepare_text (self, sql->str);
  if (kind_field != NULL)
    sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *from, *to;
      GPtrArray *out;

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
          sqlite3_column_type (stmt, 2) == SQLITE_NULL)
        continue;

      /* A parent link runs child → parent; the others from → to. */
      if (to_field == NULL)
        {
          from = g_string_chunk_insert_const (names, (const char *) sqlite3_column_text (stmt, 2));
          to = g_string_chunk_insert_const (names, (const char *) sqlite3_column_text (stmt, 1));
        }
      else
        {
          from = g_string_chunk_insert_const (names, (const char *) sqlite3_column_text (stmt, 1));
          to = g_string_chunk_insert_const (names, (const char *) sqlite3_column_text (stmt, 2));
        }

      out = g_hash_table_lookup (search.edges, from);
      if (out == NULL)
        {
          out = g_ptr_array_new ();
          g_hash_table_insert (search.edges, (gpointer) from, out);
          g_ptr_array_add (starts, (gpointer) from);
        }
      g_ptr_array_add (out, (gpointer) to);
    }
  if (stmt != NULL)
    sqlite3_reset (stmt);

  for (guint i = 0; i < starts->len; i++)
    if (g_hash_table_lookup (search.color, starts->pdata[i]) == NULL)
      search_from (&search, starts->pdata[i]);

  g_hash_table_unref (search.edges);
  g_hash_table_unref (search.color);
  g_ptr_array_unref (search.path);

  return search.cycles;
}

/* --- export and import --------------------------------------------------- */

static gboolean
write_line (GOutputStream  *out,
            const char     *text,
            GError        **error)
{
  return g_output_stream_write_all (out, text, strlen (text), NULL, NULL, error) &&
         g_output_stream_write_all (out, "\n", 1, NULL, NULL, error);
}

/**
 * ir_store_export:
 *
 * Writes the room as JSON lines: a header line, then every op of the log in
 * server order, then unsynced ops in clock order. The output depends only on
 * the set of ops, so export → import → export gives the same bytes.
 */
gboolean
ir_store_export (IrStore        *self,
                 GOutputStream  *out,
                 GError        **error)
{
  g_autofree char *header = NULL;
  sqlite3_stmt *stmt;

  if (self->room_id == NULL)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_NOT_FOUND,
                   _("This database holds no room to export."));
      return FALSE;
    }

  header = g_strdup_printf ("{\"format\":\"%s\",\"version\":%d,\"room\":\"%s\"}",
                            EXPORT_FORMAT, EXPORT_VERSION, self->room_id);
  if (!write_line (out, header, error))
    return FALSE;

  stmt = ir_store_prepare (self,
                           "SELECT " OP_COLUMNS " FROM ops WHERE state != 2 "
                           "ORDER BY seq IS NULL, seq, hlc, id");
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(IrOp) op = ir_store_op_from_row (stmt, 0);
      g_autofree char *line = NULL;

      op->room = g_strdup (self->room_id);
      line = ir_op_to_string (op);
      if (!write_line (out, line, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
read_header (const char  *line,
             char       **room,
             GError     **error)
{
  g_autoptr(JsonNode) node = json_from_string (line, NULL);
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto invalid;

  object = json_node_get_object (node);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "format", ""),
                 EXPORT_FORMAT) != 0)
    goto invalid;

  if (json_object_get_int_member_with_default (object, "version", 0) > EXPORT_VERSION)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("This export was written by a newer Iron Room (format version %d). "
                     "Update Iron Room to import it."),
                   (int) json_object_get_int_member (object, "version"));
      return FALSE;
    }

  *room = g_strdup (json_object_get_string_member_with_default (object, "room", ""));
  if (ir_uuid_is_valid (*room))
    return TRUE;

invalid:
  g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT,
               _("This is not an Iron Room export: its first line must be the "
                 "“%s” header. Export the room with “ironroom-tool export”."),
               EXPORT_FORMAT);
  return FALSE;
}

/**
 * ir_store_import:
 * @n_new: (out) (optional): how many ops were new to this store
 *
 * Adds the ops of an export to this store. Every line is read and checked
 * before anything is applied, so a damaged file changes nothing. Importing
 * the same file again changes nothing. The store then takes a new client id,
 * so that its own later edits cannot collide with the imported ones.
 */
gboolean
ir_store_import (IrStore       *self,
                 GInputStream  *in,
                 guint         *n_new,
                 GError       **error)
{
  g_autoptr(GDataInputStream) data = g_data_input_stream_new (in);
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autofree char *room = NULL;
  guint line_number = 0;
  guint before = 0, after = 0;
  sqlite3_stmt *stmt;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (data, NULL, NULL, &local_error);
      IrOp *op;

      if (local_error != NULL)
        {
          g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT,
                       _("Failed to read line %u of the export: %s"),
                       line_number + 1, local_error->message);
          return FALSE;
        }
      if (line == NULL)
        break;

      line_number++;
      if (line_number == 1)
        {
          if (!read_header (line, &room, error))
            return FALSE;
          continue;
        }
      if (*line == '\0')
        continue;

      op = ir_op_new_from_string (line, &local_error);
      if (op == NULL)
        {
          g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT,
                       _("Line %u of the export is invalid: %s. Nothing was imported."),
                       line_number, local_error->message);
          return FALSE;
        }
      if (!g_str_equal (op->room, room))
        {
          g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT,
                       _("Line %u of the export belongs to another room. Nothing was imported."),
                       line_number);
          ir_op_free (op);
          return FALSE;
        }
      g_ptr_array_add (ops, op);
    }

  if (room == NULL)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT,
                   _("The export is empty. Export the room with “ironroom-tool export”."));
      return FALSE;
    }

  if (!ir_store_set_room_id (self, room, error))
    return FALSE;

  stmt = ir_store_prepare (self, "SELECT count(*) FROM ops");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    before = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  if (!ir_store_apply_remote (self, ops, error))
    return FALSE;

  stmt = ir_store_prepare (self, "SELECT count(*) FROM ops");
  if (sqlite3_step (stmt) == SQLITE_ROW)
    after = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  ir_store_renew_client_id (self);

  if (n_new != NULL)
    *n_new = after - before;

  return TRUE;
}
