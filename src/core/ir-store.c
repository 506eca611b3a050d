/* ir-store.c: opening a room's replica and writing local transactions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-schema-private.h"
#include "ir-store-private.h"

/* Layout of the local tables. A change to it bumps this number, so that a
 * store with another number rebuilds its tables from the op log on open. */
#define STORE_LAYOUT_VERSION 2

enum {
  SIGNAL_ENTITY_CHANGED,
  SIGNAL_TX_APPLIED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_TYPE (IrStore, ir_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (ir-store-error-quark, ir_store_error)

/* --- SQL helpers --------------------------------------------------------- */

gboolean
ir_store_sql_error (IrStore     *self,
                    GError     **error,
                    const char  *what)
{
  g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
               _("Failed to %s in the room database “%s”: %s"),
               what, self->path ? self->path : ":memory:", sqlite3_errmsg (self->db));
  return FALSE;
}

static sqlite3_stmt *
prepare_cached (IrStore    *self,
                GHashTable *cache,
                const char *sql,
                gboolean    copy_key)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (cache, sql);

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      g_critical ("Failed to prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      return NULL;
    }

  g_hash_table_insert (cache, copy_key ? g_strdup (sql) : (gpointer) sql, stmt);
  return stmt;
}

/* Prepared statements of literal SQL are cached by the literal's address,
 * which spares hashing the text on every call in the apply loop. */
sqlite3_stmt *
ir_store_prepare (IrStore    *self,
                  const char *sql)
{
  return prepare_cached (self, self->statements, sql, FALSE);
}

/* The same for SQL built at run time, cached by its text. */
sqlite3_stmt *
ir_store_prepare_text (IrStore    *self,
                       const char *sql)
{
  return prepare_cached (self, self->text_statements, sql, TRUE);
}

void
ir_store_load_deleted (IrStore *self)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT eid FROM entities WHERE deleted = 1");

  g_hash_table_remove_all (self->deleted_eids);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_hash_table_add (self->deleted_eids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
}

gboolean
ir_store_exec (IrStore     *self,
               const char  *sql,
               GError     **error)
{
  char *message = NULL;

  if (sqlite3_exec (self->db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Failed to update the room database “%s”: %s"),
                   self->path ? self->path : ":memory:", message);
      sqlite3_free (message);
      return FALSE;
    }

  return TRUE;
}

gboolean
ir_store_begin_sql (IrStore  *self,
                    GError  **error)
{
  return ir_store_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
ir_store_commit_sql (IrStore  *self,
                     GError  **error)
{
  return ir_store_exec (self, "COMMIT", error);
}

void
ir_store_rollback_sql (IrStore *self)
{
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* --- tables -------------------------------------------------------------- */

static const char *
column_type (IrValueType type)
{
  switch (type)
    {
    case IR_VALUE_INT:
    case IR_VALUE_TIME:
    case IR_VALUE_BOOL:
      return "INTEGER";
    case IR_VALUE_REAL:
      return "REAL";
    default:
      return "TEXT";
    }
}

/* The op log and the bookkeeping of winners are fixed; each entity type of
 * the schema gets a table "e_<entity>" with one column per field. */
gboolean
ir_store_create_tables (IrStore  *self,
                        GError  **error)
{
  g_autoptr(GString) sql = g_string_new (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE IF NOT EXISTS ops ("
    "  n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, tx TEXT NOT NULL,"
    "  seen INTEGER NOT NULL, entity TEXT NOT NULL, eid TEXT NOT NULL,"
    "  field TEXT NOT NULL, value TEXT, hlc INTEGER NOT NULL, actor TEXT NOT NULL,"
    "  schema INTEGER NOT NULL, seq INTEGER, received INTEGER,"
    "  state INTEGER NOT NULL DEFAULT 0, reason TEXT);"
    "CREATE INDEX IF NOT EXISTS ops_by_field ON ops (eid, field);"
    "CREATE INDEX IF NOT EXISTS ops_by_tx ON ops (tx);"
    "CREATE INDEX IF NOT EXISTS ops_by_seq ON ops (seq) WHERE seq IS NOT NULL;"
    "CREATE TABLE IF NOT EXISTS fields ("
    "  eid TEXT NOT NULL, field TEXT NOT NULL, n INTEGER NOT NULL,"
    "  id TEXT NOT NULL, hlc INTEGER NOT NULL, seq INTEGER, seen INTEGER NOT NULL,"
    "  PRIMARY KEY (eid, field)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS conflicts ("
    "  eid TEXT NOT NULL, field TEXT NOT NULL, n INTEGER NOT NULL,"
    "  same INTEGER NOT NULL DEFAULT 0,"
    "  PRIMARY KEY (eid, field, n)) WITHOUT ROWID;"
    "CREATE TABLE IF NOT EXISTS entities ("
    "  eid TEXT PRIMARY KEY, entity TEXT NOT NULL, parent TEXT,"
    "  deleted INTEGER NOT NULL DEFAULT 0, restored INTEGER NOT NULL DEFAULT 0,"
    "  deleted_by TEXT) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS entities_by_parent ON entities (parent);");

  for (guint i = 0; i < ir_schema_get_n_entities (self->schema); i++)
    {
      const IrEntitySpec *spec = ir_schema_get_entity_nth (self->schema, i);
      g_autoptr(GPtrArray) fields = ir_schema_list_fields (self->schema, spec->name);

      g_string_append_printf (sql, "CREATE TABLE IF NOT EXISTS \"e_%s\" (eid TEXT PRIMARY KEY",
                              spec->name);
      for (guint j = 0; j < fields->len; j++)
        {
          const IrFieldSpec *field = g_ptr_array_index (fields, j);

          g_string_append_printf (sql, ", \"%s\" %s", field->name, column_type (field->type));
        }
      g_string_append (sql, ") WITHOUT ROWID;");

      /* A store opened with a newer schema than it was created with gains
       * the new columns. (A double-quoted name that is not a column reads
       * as a string in SQLite, so probe with table_info, not SELECT.) */
      {
        g_autoptr(GHashTable) columns = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
        g_autofree char *probe = g_strdup_printf ("PRAGMA table_info (\"e_%s\")", spec->name);
        sqlite3_stmt *stmt = NULL;

        if (sqlite3_prepare_v2 (self->db, probe, -1, &stmt, NULL) == SQLITE_OK)
          while (sqlite3_step (stmt) == SQLITE_ROW)
            g_hash_table_add (columns, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
        sqlite3_finalize (stmt);

        for (guint j = 0; j < fields->len && g_hash_table_size (columns) > 0; j++)
          {
            const IrFieldSpec *field = g_ptr_array_index (fields, j);

            if (!g_hash_table_contains (columns, field->name))
              g_string_append_printf (sql, "ALTER TABLE \"e_%s\" ADD COLUMN \"%s\" %s;",
                                      spec->name, field->name, column_type (field->type));
          }
      }
    }

  return ir_store_exec (self, sql->str, error);
}

/* Drops everything that is computed from the op log. */
gboolean
ir_store_drop_state (IrStore  *self,
                     GError  **error)
{
  g_autoptr(GString) sql = g_string_new ("DELETE FROM fields; DROP TABLE IF EXISTS conflicts;"
                                         "DELETE FROM entities;");

  for (guint i = 0; i < ir_schema_get_n_entities (self->schema); i++)
    g_string_append_printf (sql, "DROP TABLE IF EXISTS \"e_%s\";",
                            ir_schema_get_entity_nth (self->schema, i)->name);

  /* Drop the compiled statements: they refer to the dropped tables. */
  g_hash_table_remove_all (self->statements);
  g_hash_table_remove_all (self->text_statements);
  g_hash_table_remove_all (self->deleted_eids);

  return ir_store_exec (self, sql->str, error);
}

/* --- meta ---------------------------------------------------------------- */

char *
ir_store_get_meta (IrStore    *self,
                   const char *key)
{
  sqlite3_stmt *stmt = ir_store_prepare (self, "SELECT value FROM meta WHERE key = ?");
  char *value = NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return value;
}

void
ir_store_set_meta (IrStore    *self,
                   const char *key,
                   const char *value)
{
  sqlite3_stmt *stmt = ir_store_prepare (self,
                                         "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_warning ("Failed to save “%s” in the room database: %s", key, sqlite3_errmsg (self->db));
  sqlite3_reset (stmt);
}

static gint64
get_meta_int (IrStore    *self,
              const char *key)
{
  g_autofree char *text = ir_store_get_meta (self, key);

  return text ? g_ascii_strtoll (text, NULL, 10) : 0;
}

static void
set_meta_int (IrStore    *self,
              const char *key,
              gint64      value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  ir_store_set_meta (self, key, text);
}

/* --- object -------------------------------------------------------------- */

static void
ir_store_finalize (GObject *object)
{
  IrStore *self = IR_STORE (object);

  ir_store_close (self);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->text_statements, g_hash_table_unref);
  g_clear_pointer (&self->deleted_eids, g_hash_table_unref);
  g_clear_pointer (&self->batch_roles, g_hash_table_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);
  g_clear_pointer (&self->lists, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->schema, ir_schema_unref);
  g_clear_object (&self->blobs);
  g_free (self->path);
  g_free (self->client_id);
  g_free (self->room_id);
  g_free (self->actor);

  G_OBJECT_CLASS (ir_store_parent_class)->finalize (object);
}

static void
ir_store_class_init (IrStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ir_store_finalize;

  /**
   * IrStore::entity-changed:
   * @entity: the entity type
   * @eid: the entity id
   * @fields: (array zero-terminated=1): the fields that changed
   * @visibility: whether the entity was created, deleted or restored
   *
   * Emitted once per changed entity after a transaction or a batch of
   * remote operations is applied.
   */
  signals[SIGNAL_ENTITY_CHANGED] =
    g_signal_new ("entity-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRV, G_TYPE_BOOLEAN);

  /**
   * IrStore::tx-applied:
   * @flags: #IrApplyFlags
   *
   * Emitted after each local transaction and each batch of remote ones.
   */
  signals[SIGNAL_TX_APPLIED] =
    g_signal_new ("tx-applied", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
ir_store_init (IrStore *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->text_statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                 finalize_statement);
  self->deleted_eids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->batch_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->live = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->lists = g_ptr_array_new ();
  self->changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) ir_change_free);
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_undo_step_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_undo_step_free);
  self->actor = g_strdup (g_get_user_name ());
  self->roles = IR_ROLES_ANY;
}

void
ir_store_emit_entity_changed (IrStore    *self,
                              const char *entity,
                              const char *eid,
                              const char * const *fields,
                              gboolean    visibility)
{
  g_signal_emit (self, signals[SIGNAL_ENTITY_CHANGED], 0, entity, eid, fields, visibility);
}

void
ir_store_emit_tx_applied (IrStore *self,
                          guint    flags)
{
  g_signal_emit (self, signals[SIGNAL_TX_APPLIED], 0, flags);
}

static gboolean
store_setup (IrStore  *self,
             GError  **error)
{
  gint64 layout;
  g_autofree char *stored_client = NULL;

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DML, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DQS_DDL, 0, NULL);
  if (!ir_store_exec (self,
                      "PRAGMA journal_mode = WAL;"
                      "PRAGMA synchronous = NORMAL;"
                      "PRAGMA temp_store = MEMORY;"
                      "PRAGMA cache_size = -16000;"
                      /* Checkpoint every 64 MB of log rather than SQLite's
                       * default 4 MB: a page that a burst of operations
                       * rewrites many times is then copied into the
                       * database once. Measured by bench-store. */
                      "PRAGMA wal_autocheckpoint = 16000;",
                      error))
    return FALSE;

  {
    sqlite3_stmt *stmt = NULL;

    sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);
    layout = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
    sqlite3_finalize (stmt);
  }

  if (!ir_store_create_tables (self, error))
    return FALSE;

  stored_client = ir_store_get_meta (self, "client_id");
  if (stored_client == NULL || !ir_client_id_is_valid (stored_client))
    ir_store_renew_client_id (self);
  else
    {
      self->client_id = g_steal_pointer (&stored_client);
      self->counter = get_meta_int (self, "counter");
    }

  self->room_id = ir_store_get_meta (self, "room_id");
  ir_store_load_deleted (self);
  self->seen_seq = get_meta_int (self, "seen_seq");
  self->clock.last = get_meta_int (self, "hlc");

  /* Local tables are a cache of the log: another layout, or a schema that
   * grew since the last open, is rebuilt from it. */
  if (layout != 0 && layout != STORE_LAYOUT_VERSION)
    {
      if (!ir_store_rebuild (self, error))
        return FALSE;
    }
  else if (get_meta_int (self, "schema") != ir_schema_get_version (self->schema))
    {
      if (get_meta_int (self, "schema") != 0)
        ir_store_apply_pending (self);
    }

  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", STORE_LAYOUT_VERSION);

    if (!ir_store_exec (self, sql, error))
      return FALSE;
  }
  set_meta_int (self, "schema", ir_schema_get_version (self->schema));

  return TRUE;
}

static IrStore *
store_open_internal (const char  *path,
                     const char  *blob_dir,
                     IrSchema    *schema,
                     GError     **error)
{
  g_autoptr(IrStore) self = g_object_new (IR_TYPE_STORE, NULL);
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;

  self->schema = ir_schema_ref (schema ? schema : ir_schema_get_default ());
  self->path = g_strdup (path);

  if (sqlite3_open_v2 (path ? path : ":memory:", &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Failed to open the room database “%s”: %s. Check that the folder "
                     "exists and is writable."),
                   path, self->db ? sqlite3_errmsg (self->db) : "out of memory");
      return NULL;
    }

  if (!store_setup (self, error))
    {
      /* SQLite reports a file that is not a database as SQLITE_NOTADB. */
      if (sqlite3_errcode (self->db) == SQLITE_NOTADB && error && *error)
        {
          g_clear_error (error);
          g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CORRUPT,
                       _("“%s” is not an Iron Room database. Choose a room file "
                         "(room.db) or a new file name."), path);
        }
      return NULL;
    }

  if (blob_dir != NULL)
    self->blobs = ir_blob_store_new (blob_dir);

  return g_steal_pointer (&self);
}

/**
 * ir_store_open:
 * @path: the SQLite file, created when missing
 * @schema: (nullable): the schema, or %NULL for the built-in one
 *
 * Opens a room's replica. Its blobs live in a "blobs" folder beside @path.
 */
IrStore *
ir_store_open (const char  *path,
               IrSchema    *schema,
               GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *blob_dir = g_build_filename (dir, "blobs", NULL);

  return store_open_internal (path, blob_dir, schema, error);
}

/* A store that lives in memory, for tests and for checks that keep no
 * files; it has no blob store. */
IrStore *
ir_store_new_memory (IrSchema  *schema,
                     GError   **error)
{
  return store_open_internal (NULL, NULL, schema, error);
}

void
ir_store_close (IrStore *self)
{
  if (self->db == NULL)
    return;

  if (self->client_id != NULL)
    ir_store_save_counter (self);

  g_hash_table_remove_all (self->statements);
  g_hash_table_remove_all (self->text_statements);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}

/* --- properties ---------------------------------------------------------- */

IrSchema *
ir_store_get_schema (IrStore *self)
{
  return self->schema;
}

const char *
ir_store_get_path (IrStore *self)
{
  return self->path;
}

const char *
ir_store_get_client_id (IrStore *self)
{
  return self->client_id;
}

/* Takes a new client id: after an import or restore, and when the server
 * reports that another replica used this client's id. */
void
ir_store_renew_client_id (IrStore *self)
{
  g_free (self->client_id);
  self->client_id = ir_client_id_new ();
  self->counter = 0;
  ir_store_set_meta (self, "client_id", self->client_id);
  set_meta_int (self, "counter", 0);
}

const char *
ir_store_get_room_id (IrStore *self)
{
  return self->room_id;
}

gboolean
ir_store_set_room_id (IrStore     *self,
                      const char  *room,
                      GError     **error)
{
  if (self->room_id != NULL && g_strcmp0 (self->room_id, room) != 0)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_WRONG_ROOM,
                   _("This database already holds room %s, not room %s. Use a new "
                     "file for another room."), self->room_id, room);
      return FALSE;
    }

  if (!ir_uuid_is_valid (room))
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Invalid room id “%s”: expected a UUID."), room);
      return FALSE;
    }

  if (self->room_id == NULL)
    {
      self->room_id = g_strdup (room);
      ir_store_set_meta (self, "room_id", room);
    }

  return TRUE;
}

IrBlobStore *
ir_store_get_blobs (IrStore *self)
{
  return self->blobs;
}

void
ir_store_set_actor (IrStore    *self,
                    const char *actor,
                    guint       roles)
{
  g_free (self->actor);
  self->actor = g_strdup (actor);
  self->roles = roles;
}

const char *
ir_store_get_actor (IrStore *self)
{
  return self->actor;
}

guint
ir_store_get_roles (IrStore *self)
{
  return self->roles;
}

void
ir_store_set_clock_source (IrStore   *self,
                           gint64   (*wall_ms) (gpointer),
                           gpointer   user_data)
{
  self->wall_ms = wall_ms;
  self->wall_ms_data = user_data;
}

gint64
ir_store_wall_ms (IrStore *self)
{
  return self->wall_ms ? self->wall_ms (self->wall_ms_data) : ir_hlc_wall_ms ();
}

gint64
ir_store_get_seen_seq (IrStore *self)
{
  return self->seen_seq;
}

void
ir_store_set_seen_seq (IrStore *self,
                       gint64   seq)
{
  if (seq <= self->seen_seq)
    return;

  self->seen_seq = seq;
  set_meta_int (self, "seen_seq", seq);
}

char *
ir_store_next_op_id (IrStore *self)
{
  self->counter++;
  return g_strdup_printf ("%s:%" G_GUINT64_FORMAT, self->client_id, self->counter);
}

/* The counter is saved with every commit that used it, inside the same SQL
 * transaction, so that a crash never hands out an op id twice. */
void
ir_store_save_counter (IrStore *self)
{
  set_meta_int (self, "counter", (gint64) self->counter);
  set_meta_int (self, "hlc", self->clock.last);
}

/* --- transactions -------------------------------------------------------- */

IrTx *
ir_store_begin (IrStore *self)
{
  IrTx *tx = g_new0 (IrTx, 1);

  tx->store = g_object_ref (self);
  tx->ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  tx->created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  return tx;
}

void
ir_tx_free (IrTx *tx)
{
  if (tx == NULL)
    return;

  g_ptr_array_unref (tx->ops);
  g_hash_table_unref (tx->created);
  g_object_unref (tx->store);
  g_free (tx);
}

guint
ir_tx_get_n_ops (IrTx *tx)
{
  return tx->ops->len;
}

/**
 * ir_tx_create:
 *
 * Starts a new entity of type @entity in @tx. The entity exists once the
 * transaction commits with at least its required fields set.
 *
 * Returns: (transfer full): the new entity's id
 */
char *
ir_tx_create (IrTx       *tx,
              const char *entity)
{
  char *eid = ir_uuid_new ();

  g_hash_table_insert (tx->created, g_strdup (eid), g_strdup (entity));
  return eid;
}

/**
 * ir_tx_create_with_id:
 *
 * Starts an entity of type @entity under an id the caller derived from
 * what the entity stands for, so that two replicas that create it at the
 * same time write to one entity and merge field by field. When the store
 * already has an entity with that id, the ops of @tx edit it instead.
 */
void
ir_tx_create_with_id (IrTx       *tx,
                      const char *entity,
                      const char *eid)
{
  g_autofree char *kind = ir_store_entity_kind (tx->store, eid);

  if (kind == NULL)
    g_hash_table_insert (tx->created, g_strdup (eid), g_strdup (entity));
}

/* Takes ownership of @value. Ids, clocks and sequence are filled at commit. */
void
ir_tx_set (IrTx       *tx,
           const char *entity,
           const char *eid,
           const char *field,
           JsonNode   *value)
{
  IrOp *op = ir_op_new ();

  op->entity = g_strdup (entity);
  op->eid = g_strdup (eid);
  op->field = g_strdup (field);
  op->value = value ? value : json_node_new (JSON_NODE_NULL);

  /* A later write of the same field in one transaction replaces the earlier. */
  for (guint i = 0; i < tx->ops->len; i++)
    {
      IrOp *other = g_ptr_array_index (tx->ops, i);

      if (g_str_equal (other->eid, eid) && g_str_equal (other->field, field))
        {
          g_ptr_array_index (tx->ops, i) = op;
          ir_op_free (other);
          return;
        }
    }

  g_ptr_array_add (tx->ops, op);
}

void
ir_tx_set_string (IrTx       *tx,
                  const char *entity,
                  const char *eid,
                  const char *field,
                  const char *value)
{
  JsonNode *node = json_node_new (value ? JSON_NODE_VALUE : JSON_NODE_NULL);

  if (value)
    json_node_set_string (node, value);
  ir_tx_set (tx, entity, eid, field, node);
}

void
ir_tx_set_int (IrTx       *tx,
               const char *entity,
               const char *eid,
               const char *field,
               gint64      value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  ir_tx_set (tx, entity, eid, field, node);
}

void
ir_tx_set_double (IrTx       *tx,
                  const char *entity,
                  const char *eid,
                  const char *field,
                  double      value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_double (node, value);
  ir_tx_set (tx, entity, eid, field, node);
}

void
ir_tx_set_boolean (IrTx       *tx,
                   const char *entity,
                   const char *eid,
                   const char *field,
                   gboolean    value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_boolean (node, value);
  ir_tx_set (tx, entity, eid, field, node);
}

void
ir_tx_set_null (IrTx       *tx,
                const char *entity,
                const char *eid,
                const char *field)
{
  ir_tx_set (tx, entity, eid, field, NULL);
}

/* Deleting sets "deleted" on the root of what is deleted; children stay as
 * they are and are hidden while it is deleted. */
void
ir_tx_delete (IrTx       *tx,
              const char *entity,
              const char *eid)
{
  ir_tx_set_boolean (tx, entity, eid, "deleted", TRUE);
}

void
ir_tx_restore (IrTx       *tx,
               const char *entity,
               const char *eid)
{
  ir_tx_set_boolean (tx, entity, eid, "deleted", FALSE);
}
