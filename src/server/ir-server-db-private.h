/* ir-server-db-private.h: server.db internals shared by ir-server-db*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ir-server-db.h"

G_BEGIN_DECLS

struct _IrServerDb
{
  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* address of a literal SQL string → sqlite3_stmt* */
};

sqlite3_stmt *ir_server_db_prepare     (IrServerDb    *self,
                                        const char    *sql);
gboolean      ir_server_db_step_done   (IrServerDb    *self,
                                        sqlite3_stmt  *stmt,
                                        GError       **error);
char         *ir_server_db_column_text (sqlite3_stmt  *stmt,
                                        int            column);
void          ir_server_db_bind_text   (sqlite3_stmt  *stmt,
                                        int            index,
                                        const char    *text);

G_END_DECLS
