/* ir-sync-json-private.h: the JSON reader's internals shared by
 * ir-sync-json*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-sync-protocol.h"

G_BEGIN_DECLS

/* A position in the text being read. */
typedef struct
{
  const char *text;
  const char *end;
  const char *p;
  GString    *scratch;
} IrJsonReader;

gboolean  ir_sync_json_fail        (IrJsonReader  *reader,
                                    GError       **error,
                                    const char    *what);
void      ir_sync_json_skip_space  (IrJsonReader  *reader);
gboolean  ir_sync_json_expect      (IrJsonReader  *reader,
                                    char           c);
gboolean  ir_sync_json_read_string (IrJsonReader  *reader,
                                    GError       **error);
JsonNode *ir_sync_json_read_number (IrJsonReader  *reader,
                                    GError       **error);
JsonNode *ir_sync_json_read_value  (IrJsonReader  *reader,
                                    guint          depth,
                                    GError       **error);

G_END_DECLS
