/* ir-drawing-model-private.h: helpers shared by the ir-drawing-model*.c files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-drawing-model.h"

G_BEGIN_DECLS

/* A checked file (ir-drawing-import.c), written by ir-drawing-import-commit.c. */
struct _IrRevisionImport
{
  IrBlobStore *blobs;
  IrPdf       *pdf;
  char        *filename;
  char        *blob;
  char        *preview_blob;
  gint64       size;
  int          n_pages;
  gboolean     has_text;
  char        *number;
  char        *title;

  /* Page matching against a previous revision's file. */
  char        *matched_blob;
  GArray      *matches;        /* IrDrawingPageMatch */
};

/* Where each op sits in the room's history. A synced op sits at its server
 * sequence. An unsynced op sits after every synced one, in the order this
 * replica wrote it, which is the sequence the server gives it when this
 * replica uploads its log. */
typedef struct _IrHistoryIndex IrHistoryIndex;

IrHistoryIndex *ir_history_index_new      (IrStore        *store);
gint64          ir_history_index_position (IrHistoryIndex *index,
                                           const IrOp     *op);
gint64          ir_history_index_last     (IrHistoryIndex *index);
void            ir_history_index_free     (IrHistoryIndex *index);

gboolean        ir_drawing_model_commit   (IrStore        *store,
                                           IrTx           *tx,
                                           const char     *what,
                                           GError        **error);
IrEntity       *ir_drawing_model_lookup   (IrStore        *store,
                                           const char     *kind,
                                           const char     *eid,
                                           GError        **error);
char           *ir_drawing_model_member_name (IrStore     *store,
                                           const char     *user);
const char     *ir_drawing_model_member_role (IrStore     *store,
                                           const char     *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrHistoryIndex, ir_history_index_free)

G_END_DECLS
