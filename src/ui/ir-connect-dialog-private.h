/* ir-connect-dialog-private.h: the connect dialog's state, shared by
 * ir-connect-dialog*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-connect-dialog.h"

G_BEGIN_DECLS

struct _IrConnectDialog
{
  AdwWindow           parent_instance;

  IrSyncManager      *manager;
  IrConnectMode       mode;
  IrSyncApi          *api;          /* the session the dialog works with */
  GPtrArray          *rooms;        /* IrServerRoom* listed on the rooms page */
  IrStore            *upload_store;
  char               *upload_name;
  GCancellable       *cancellable;
  GSettings          *settings;
  gboolean            busy;
  gboolean            session_only;

  AdwWindowTitle     *window_title;
  GtkSpinner         *spinner;
  GtkRevealer        *error_revealer;
  GtkLabel           *error_label;
  GtkStack           *stack;
  GtkLabel           *intro_label;
  AdwEntryRow        *url_row;
  AdwEntryRow        *user_row;
  AdwEntryRow        *password_row;
  GtkWidget          *sign_in_button;
  GtkLabel           *signed_in_label;
  GtkWidget          *session_note;
  GtkWidget          *rooms_group;
  GtkListBox         *rooms_list;
  GtkWidget          *no_rooms_label;
  GtkLabel           *upload_title;
  GtkLabel           *upload_body;
};

enum {
  SIGNAL_ROOM_READY,
  SIGNAL_UPLOADED,
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

extern guint ir_connect_dialog_signals[N_SIGNALS];

void ir_connect_dialog_show_error        (IrConnectDialog *self,
                                          const char      *message);
void ir_connect_dialog_close             (IrConnectDialog *self);
void ir_connect_dialog_update_actions    (IrConnectDialog *self);
void ir_connect_dialog_set_busy          (IrConnectDialog *self,
                                          gboolean         busy);
void ir_connect_dialog_show_page         (IrConnectDialog *self,
                                          const char      *page);
void ir_connect_dialog_show_session      (IrConnectDialog *self);
void ir_connect_dialog_fill_rooms        (IrConnectDialog *self);
void ir_connect_dialog_remember_account  (IrConnectDialog *self);

/* ir-connect-dialog-steps.c */
void ir_connect_dialog_list_rooms        (IrConnectDialog *self);
void ir_connect_dialog_class_init_actions (GtkWidgetClass  *widget_class);

G_END_DECLS
