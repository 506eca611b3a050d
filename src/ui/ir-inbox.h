/* ir-inbox.h: what changed since a member last looked, and what needs them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

/* Most ops one inbox reads from the log; older changes show as a count. */
#define IR_INBOX_MAX_OPS 5000

/* Changes by others to one entity since the last look. */
typedef struct
{
  char      *entity;
  char      *eid;
  GPtrArray *fields;      /* char*, each field once, in the order first changed */
  GPtrArray *actors;      /* char*, user names, each once */
  gint64     time;        /* microseconds UTC of the latest change */
  guint      n_ops;
} IrInboxChange;

void       ir_inbox_change_free        (IrInboxChange *change);
GPtrArray *ir_inbox_collect_changes    (IrStore       *store,
                                        gint64         after_row,
                                        gint64        *last_row);
GPtrArray *ir_inbox_list_needs_you     (IrStore       *store);
gint64     ir_inbox_get_seen_row       (IrStore       *store);
void       ir_inbox_mark_seen          (IrStore       *store,
                                        gint64         row);
guint      ir_inbox_count_unread       (IrStore       *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrInboxChange, ir_inbox_change_free)

G_END_DECLS
