/* ir-demo.h: the demo room "阀门项目 · Valve deal"
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

/* The store metadata key that contains the entity id of the member this
 * replica acts as. The demo writes it for its account owner (AR), whose
 * member entity has the user name IR_DEMO_LOCAL_USER. A program that opens
 * the demo room reads this key, looks up the member and calls
 * ir_store_set_actor() with the member's "user" and role, because the demo's
 * members are not the login of whoever runs it. The demo room has no server,
 * so it acts as its own: its local member also gets IR_ROLE_SERVER, as in
 * any local-only room. */
#define IR_DEMO_MEMBER_ID_KEY "member_id"
#define IR_DEMO_LOCAL_USER    "zhangwei"

gboolean ir_demo_write (IrStore      *store,
                        const GDate  *today,
                        const char   *language,
                        GError      **error);

G_END_DECLS
