/* ir-store-sync.h: the store's side of sync: acknowledgements, refused
 * ops, re-stamping and re-keying unpushed ops
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

/* The server's acknowledgement of one pushed op. */
typedef struct
{
  char   *id;
  gint64  seq;
  gint64  received;   /* microseconds since the Unix epoch, UTC */
} IrSyncAck;

/* One transaction the server refused, rolled back on this replica. */
typedef struct
{
  char      *tx;
  char      *reason;
  GPtrArray *ops;     /* IrOp*, in the order they were written */
} IrRefusal;

#define IR_TYPE_REFUSAL (ir_refusal_get_type ())

GType       ir_refusal_get_type           (void) G_GNUC_CONST;
IrRefusal  *ir_refusal_copy               (const IrRefusal *refusal);
void        ir_refusal_free               (IrRefusal       *refusal);

void        ir_sync_ack_free              (IrSyncAck       *ack);

IrOp       *ir_store_get_op               (IrStore         *self,
                                           const char      *op_id);
gint64      ir_store_get_max_seq          (IrStore         *self);
char       *ir_store_get_entity_kind      (IrStore         *self,
                                           const char      *eid);
JsonNode   *ir_store_get_field_value      (IrStore         *self,
                                           const char      *eid,
                                           const char      *field);
guint       ir_store_write_ops_after      (IrStore         *self,
                                           gint64           seq,
                                           guint            max_ops,
                                           GString         *out,
                                           gint64          *last);
gboolean    ir_store_mark_synced_many     (IrStore         *self,
                                           GPtrArray       *acks,
                                           GError         **error);
void        ir_store_set_durable          (IrStore         *self,
                                           gboolean         durable);
void        ir_store_set_cache_size       (IrStore         *self,
                                           guint            kib);
void        ir_store_prepare_sync         (IrStore         *self);

gboolean    ir_store_refuse_tx            (IrStore         *self,
                                           const char      *tx,
                                           const char      *reason,
                                           GError         **error);
GPtrArray  *ir_store_get_refused          (IrStore         *self);
guint       ir_store_count_refused        (IrStore         *self);

gboolean    ir_store_restamp_unpushed     (IrStore         *self,
                                           gint64           wall_ms,
                                           GError         **error);
gboolean    ir_store_rekey_unpushed       (IrStore         *self,
                                           GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrRefusal, ir_refusal_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSyncAck, ir_sync_ack_free)

G_END_DECLS
