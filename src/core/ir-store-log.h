/* ir-store-log.h: the op log in the order this replica stored it, and a
 * local-only room's log made ready for its first upload
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

gint64      ir_store_get_last_row         (IrStore      *self);
gint64      ir_store_get_last_row_at_seq  (IrStore      *self,
                                           gint64        seq);
GPtrArray  *ir_store_get_ops_after_row    (IrStore      *self,
                                           gint64        row,
                                           guint         max_ops,
                                           gint64       *last_row);

gboolean    ir_store_refuse_unuploadable  (IrStore      *self,
                                           guint         roles,
                                           const char   *reason,
                                           guint        *n_ops,
                                           GError      **error);

G_END_DECLS
