/* ir-op.h: one operation, which sets one field of one entity
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define IR_TYPE_OP (ir_op_get_type ())

/* An operation as it travels between replicas. A client id is 32 lower-case
 * hex digits (128 random bits). An op id is "<client>:<counter>", and a
 * transaction id is the id of its first operation. */
typedef struct
{
  char     *id;
  char     *room;
  char     *tx;
  gint64    seen;      /* last server sequence the author had applied */
  char     *entity;
  char     *eid;
  char     *field;
  JsonNode *value;
  gint64    hlc;       /* hybrid logical clock, see ir-hlc.h */
  char     *actor;     /* user name of the author, or "server" */
  guint     schema;    /* schema version of the author */
  gint64    seq;       /* server sequence; 0 until the server stored it */
  gint64    received;  /* server receive time, microseconds UTC; 0 unknown */
} IrOp;

GType       ir_op_get_type        (void) G_GNUC_CONST;
IrOp       *ir_op_new             (void);
IrOp       *ir_op_copy            (const IrOp  *op);
void        ir_op_free            (IrOp        *op);

JsonNode   *ir_op_to_json         (const IrOp  *op);
char       *ir_op_to_string       (const IrOp  *op);
IrOp       *ir_op_new_from_json   (JsonNode    *node,
                                   GError     **error);
IrOp       *ir_op_new_from_string (const char  *text,
                                   GError     **error);
gboolean    ir_op_same_content    (const IrOp  *a,
                                   const IrOp  *b);

const char *ir_op_get_client      (const IrOp  *op,
                                   gsize       *len);
guint64     ir_op_get_counter     (const IrOp  *op);
gboolean    ir_op_has_seen        (const IrOp  *a,
                                   const IrOp  *b);
gboolean    ir_op_is_concurrent   (const IrOp  *a,
                                   const IrOp  *b);
int         ir_op_compare_clock   (const IrOp  *a,
                                   const IrOp  *b);

char       *ir_json_to_string     (JsonNode    *node);

gboolean    ir_client_id_is_valid (const char  *client);
char       *ir_client_id_new      (void);
char       *ir_uuid_new           (void);
gboolean    ir_uuid_is_valid      (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrOp, ir_op_free)

G_END_DECLS
