/* ir-connect-dialog.h: signing in to a server, opening its rooms and
 * uploading a local-only room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-sync-manager.h"

G_BEGIN_DECLS

/* What the dialog is opened for. */
typedef enum
{
  IR_CONNECT_OPEN_ROOM,  /* sign in, then pick one of the user's rooms */
  IR_CONNECT_UPLOAD,     /* sign in, then upload the open local-only room */
  IR_CONNECT_SIGN_IN,    /* sign in again for a room whose session ended */
} IrConnectMode;

#define IR_TYPE_CONNECT_DIALOG (ir_connect_dialog_get_type ())

G_DECLARE_FINAL_TYPE (IrConnectDialog, ir_connect_dialog, IR, CONNECT_DIALOG, AdwWindow)

IrConnectDialog *ir_connect_dialog_new          (GtkWindow       *parent,
                                                 IrSyncManager   *manager,
                                                 IrConnectMode    mode);
void             ir_connect_dialog_set_account  (IrConnectDialog *self,
                                                 const char      *url,
                                                 const char      *user);
void             ir_connect_dialog_set_upload   (IrConnectDialog *self,
                                                 IrStore         *store,
                                                 const char      *name);
const char      *ir_connect_dialog_get_page     (IrConnectDialog *self);
const char      *ir_connect_dialog_get_error    (IrConnectDialog *self);
gboolean         ir_connect_dialog_get_busy     (IrConnectDialog *self);
gboolean         ir_connect_dialog_get_session_only (IrConnectDialog *self);
guint            ir_connect_dialog_get_n_rooms  (IrConnectDialog *self);

G_END_DECLS
