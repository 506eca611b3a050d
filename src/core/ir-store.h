/* ir-store.h: a room's local replica: op log, applied state and undo
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ir-blob-store.h"
#include "ir-entity.h"
#include "ir-entity-list.h"
#include "ir-op.h"
#include "ir-schema.h"

G_BEGIN_DECLS

#define IR_STORE_ERROR (ir_store_error_quark ())

typedef enum
{
  IR_STORE_ERROR_FAILED,
  IR_STORE_ERROR_CORRUPT,
  IR_STORE_ERROR_NOT_FOUND,
  IR_STORE_ERROR_CYCLE,
  IR_STORE_ERROR_WRONG_ROOM,
  IR_STORE_ERROR_NOTHING_TO_UNDO,
} IrStoreError;

/* What happened to one transaction applied to the store. */
typedef enum
{
  IR_APPLY_LOCAL  = 1 << 0,  /* written on this replica */
  IR_APPLY_REMOTE = 1 << 1,  /* received from another replica */
  IR_APPLY_UNDO   = 1 << 2,  /* an undo or redo of this replica */
} IrApplyFlags;

#define IR_TYPE_STORE (ir_store_get_type ())

G_DECLARE_FINAL_TYPE (IrStore, ir_store, IR, STORE, GObject)

/* A transaction being built: every change of one user action. */
typedef struct _IrTx IrTx;

GQuark        ir_store_error_quark      (void);

IrStore      *ir_store_open             (const char   *path,
                                         IrSchema     *schema,
                                         GError      **error);
IrStore      *ir_store_new_memory       (IrSchema     *schema,
                                         GError      **error);
void          ir_store_close            (IrStore      *self);

IrSchema     *ir_store_get_schema       (IrStore      *self);
const char   *ir_store_get_path         (IrStore      *self);
const char   *ir_store_get_client_id    (IrStore      *self);
void          ir_store_renew_client_id  (IrStore      *self);
const char   *ir_store_get_room_id      (IrStore      *self);
gboolean      ir_store_set_room_id      (IrStore      *self,
                                         const char   *room,
                                         GError      **error);
IrBlobStore  *ir_store_get_blobs        (IrStore      *self);

void          ir_store_set_actor        (IrStore      *self,
                                         const char   *actor,
                                         guint         roles);
const char   *ir_store_get_actor        (IrStore      *self);
guint         ir_store_get_roles        (IrStore      *self);
void          ir_store_set_clock_source (IrStore      *self,
                                         gint64      (*wall_ms) (gpointer),
                                         gpointer      user_data);

gint64        ir_store_get_seen_seq     (IrStore      *self);
void          ir_store_set_seen_seq     (IrStore      *self,
                                         gint64        seq);
char         *ir_store_get_meta         (IrStore      *self,
                                         const char   *key);
void          ir_store_set_meta         (IrStore      *self,
                                         const char   *key,
                                         const char   *value);

/* Local edits. */
IrTx         *ir_store_begin            (IrStore      *self);
char         *ir_tx_create              (IrTx         *tx,
                                         const char   *entity);
void          ir_tx_create_with_id      (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid);
void          ir_tx_set                 (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid,
                                         const char   *field,
                                         JsonNode     *value);
void          ir_tx_set_string          (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid,
                                         const char   *field,
                                         const char   *value);
void          ir_tx_set_int             (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid,
                                         const char   *field,
                                         gint64        value);
void          ir_tx_set_double          (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid,
                                         const char   *field,
                                         double        value);
void          ir_tx_set_boolean         (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid,
                                         const char   *field,
                                         gboolean      value);
void          ir_tx_set_null            (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid,
                                         const char   *field);
void          ir_tx_delete              (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid);
void          ir_tx_restore             (IrTx         *tx,
                                         const char   *entity,
                                         const char   *eid);
guint         ir_tx_get_n_ops           (IrTx         *tx);
gboolean      ir_store_commit           (IrStore      *self,
                                         IrTx         *tx,
                                         GError      **error);
void          ir_tx_free                (IrTx         *tx);

/* Operations of other replicas, and the results of a push. */
gboolean      ir_store_apply_remote     (IrStore      *self,
                                         GPtrArray    *ops,
                                         GError      **error);
void          ir_store_mark_synced      (IrStore      *self,
                                         const char   *op_id,
                                         gint64        seq,
                                         gint64        received);
GPtrArray    *ir_store_get_unpushed     (IrStore      *self,
                                         guint         max_ops);
guint         ir_store_count_unpushed   (IrStore      *self);
GPtrArray    *ir_store_get_ops_after    (IrStore      *self,
                                         gint64        seq,
                                         guint         max_ops);
guint         ir_store_apply_pending    (IrStore      *self);

/* Reads. */
IrEntity     *ir_store_get_entity       (IrStore      *self,
                                         const char   *entity,
                                         const char   *eid);
IrEntityList *ir_store_list             (IrStore      *self,
                                         const char   *entity);
IrEntityList *ir_store_list_children    (IrStore      *self,
                                         const char   *entity,
                                         const char   *field,
                                         const char   *value);
GPtrArray    *ir_store_list_ids         (IrStore      *self,
                                         const char   *entity,
                                         gboolean      include_hidden);
GPtrArray    *ir_store_get_history      (IrStore      *self,
                                         const char   *eid);
GPtrArray    *ir_store_get_conflicts    (IrStore      *self,
                                         const char   *eid,
                                         const char   *field);
GPtrArray    *ir_store_get_trash        (IrStore      *self);
GPtrArray    *ir_store_get_tx_ops       (IrStore      *self,
                                         const char   *tx);
char         *ir_store_dump             (IrStore      *self);
gboolean      ir_store_rebuild          (IrStore      *self,
                                         GError      **error);
GPtrArray    *ir_store_find_cycles      (IrStore      *self,
                                         const char   *entity,
                                         const char   *from_field,
                                         const char   *to_field,
                                         const char   *kind_field,
                                         const char   *kind);

/* Undo and redo of this replica's own transactions. */
gboolean      ir_store_can_undo         (IrStore      *self);
gboolean      ir_store_can_redo         (IrStore      *self);
gboolean      ir_store_undo             (IrStore      *self,
                                         char        **message,
                                         GError      **error);
gboolean      ir_store_redo             (IrStore      *self,
                                         char        **message,
                                         GError      **error);

/* Export and import as JSON lines. */
gboolean      ir_store_export           (IrStore      *self,
                                         GOutputStream *out,
                                         GError      **error);
gboolean      ir_store_import           (IrStore      *self,
                                         GInputStream *in,
                                         guint        *n_new,
                                         GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrTx, ir_tx_free)

G_END_DECLS
