/* ir-test-store-util.h: helpers for tests of the store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

#define TEST_ROOM "6f1c2a52-2d5e-4b7a-9a57-3f0c1e2d4b6a"

IrStore *ir_test_store_new      (void);
IrOp    *ir_test_op_new         (const char *client,
                                 guint64     counter,
                                 const char *tx_client,
                                 guint64     tx_counter,
                                 const char *entity,
                                 const char *eid,
                                 const char *field,
                                 const char *value_json,
                                 gint64      hlc,
                                 gint64      seq,
                                 gint64      seen);
gboolean ir_test_apply_one      (IrStore    *store,
                                 IrOp       *op,
                                 GError    **error);
char    *ir_test_create_stakeholder (IrStore    *store,
                                     const char *name);

G_END_DECLS
