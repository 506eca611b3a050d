/* ir-store-private.h: store internals shared by the ir-store*.c files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ir-hlc.h"
#include "ir-store.h"

G_BEGIN_DECLS

/* Op states in the log. */
typedef enum
{
  IR_OP_APPLIED = 0,
  IR_OP_WAITING = 1,   /* written under a newer schema than this replica's */
  IR_OP_REFUSED = 2,   /* refused by the server; rolled back here */
} IrOpState;

struct _IrStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  IrSchema    *schema;
  IrBlobStore *blobs;

  char        *client_id;
  guint64      counter;
  char        *room_id;
  gint64       seen_seq;
  IrHlc        clock;
  gint64     (*wall_ms) (gpointer);
  gpointer     wall_ms_data;

  char        *actor;
  guint        roles;

  GHashTable  *statements;   /* address of a literal SQL string → sqlite3_stmt* */
  GHashTable  *text_statements; /* SQL text built at run time → sqlite3_stmt* */
  GHashTable  *deleted_eids; /* ids of entities whose "deleted" is true */
  GHashTable  *batch_roles;  /* actor → roles, while a remote batch is checked */
  GHashTable  *live;         /* eid → IrEntity*, weak */
  GPtrArray   *lists;        /* IrEntityList*, weak */

  /* Changes of the batch being applied, reported once it commits:
   * eid → IrChange*. */
  GHashTable  *changes;

  GPtrArray   *undo_stack;   /* IrUndoStep* */
  GPtrArray   *redo_stack;   /* IrUndoStep* */
};

typedef struct
{
  char      *entity;
  char      *eid;
  GPtrArray *fields;        /* char*, unique */
  gboolean   visibility;    /* deleted or restored changed */
  gboolean   created;
} IrChange;

struct _IrTx
{
  IrStore    *store;
  GPtrArray  *ops;          /* IrOp* */
  GHashTable *created;      /* eid → entity kind, entities this tx creates */
  gboolean    is_undo;
};

typedef struct
{
  char *tx;                 /* the transaction to undo or redo */
  char *reverts;            /* for a redo step: the transaction it undid */
} IrUndoStep;

/* Winner of one field, as kept in the "fields" table. */
typedef struct
{
  gint64  n;                /* local row number of the op */
  char   *id;
  gint64  hlc;
  gint64  seq;
  gint64  seen;
} IrWinner;

sqlite3_stmt *ir_store_prepare         (IrStore      *self,
                                        const char   *sql);
sqlite3_stmt *ir_store_prepare_text    (IrStore      *self,
                                        const char   *sql);
void          ir_store_load_deleted    (IrStore      *self);
gboolean      ir_store_exec            (IrStore      *self,
                                        const char   *sql,
                                        GError      **error);
gboolean      ir_store_sql_error       (IrStore      *self,
                                        GError      **error,
                                        const char   *what);
gboolean      ir_store_begin_sql       (IrStore      *self,
                                        GError      **error);
gboolean      ir_store_commit_sql      (IrStore      *self,
                                        GError      **error);
void          ir_store_rollback_sql    (IrStore      *self);
gboolean      ir_store_create_tables   (IrStore      *self,
                                        GError      **error);
gboolean      ir_store_drop_state      (IrStore      *self,
                                        GError      **error);
gint64        ir_store_wall_ms         (IrStore      *self);
void          ir_store_emit_entity_changed (IrStore  *self,
                                        const char   *entity,
                                        const char   *eid,
                                        const char * const *fields,
                                        gboolean      visibility);
void          ir_store_emit_tx_applied (IrStore      *self,
                                        guint         flags);
char         *ir_store_next_op_id      (IrStore      *self);
void          ir_store_save_counter    (IrStore      *self);

/* ir-store-apply.c */
void          ir_change_free           (IrChange     *change);
gboolean      ir_store_apply_op        (IrStore      *self,
                                        IrOp         *op,
                                        gboolean      local,
                                        GError      **error);
gboolean      ir_store_load_winner     (IrStore      *self,
                                        const char   *eid,
                                        const char   *field,
                                        IrWinner     *winner);
IrOp         *ir_store_load_op         (IrStore      *self,
                                        gint64        n);
IrOp         *ir_store_op_from_row     (sqlite3_stmt *stmt,
                                        int           first_column);
void          ir_store_flush_changes   (IrStore      *self);
void          ir_store_note_change     (IrStore      *self,
                                        const char   *entity,
                                        const char   *eid,
                                        const char   *field,
                                        gboolean      visibility,
                                        gboolean      created);
char         *ir_store_entity_kind     (IrStore      *self,
                                        const char   *eid);
gboolean      ir_store_entity_visible  (IrStore      *self,
                                        const char   *eid);
guint         ir_store_roles_of        (IrStore      *self,
                                        const char   *actor);
gboolean      ir_store_apply_state     (IrStore      *self,
                                        IrOp         *op,
                                        gint64        n,
                                        GError      **error);

/* ir-store-commit.c */
gboolean      ir_store_commit_ops      (IrStore      *self,
                                        IrTx         *tx,
                                        guint         flags,
                                        GError      **error);

/* ir-store-undo.c */
void          ir_store_push_undo       (IrStore      *self,
                                        const char   *tx);
void          ir_undo_step_free        (IrUndoStep   *step);

/* ir-entity.c */
IrEntity     *ir_entity_new            (IrStore      *store,
                                        const char   *entity,
                                        const char   *eid);
void          ir_entity_reload         (IrEntity     *self,
                                        GPtrArray    *changed_fields);

/* ir-entity-list.c */
IrEntityList *ir_entity_list_new       (IrStore      *store,
                                        const char   *entity,
                                        const char   *field,
                                        const char   *value);
void          ir_entity_list_apply     (IrEntityList *self,
                                        GPtrArray    *changes);

G_END_DECLS
