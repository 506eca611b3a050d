/* ir-connect-dialog-steps.c: the connect dialog's requests and actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each connect.* action starts one request of the sync manager; its
 * callback shows the next page, or the error above the page it came from.
 * A dialog closed while a request runs cancels it, and the callback then
 * returns without touching the dialog.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include "ir-connect-dialog-private.h"

/* --- steps ---------------------------------------------------------------- */

static void
rooms_listed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(IrConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GPtrArray *rooms = ir_sync_manager_list_rooms_finish (IR_SYNC_MANAGER (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ir_connect_dialog_set_busy (self, FALSE);
  if (rooms == NULL)
    {
      ir_connect_dialog_show_error (self, error->message);
      if (error->domain == IR_SYNC_ERROR && ir_sync_error_needs_sign_in (error->code))
        ir_connect_dialog_show_page (self, "sign-in");
      return;
    }

  g_clear_pointer (&self->rooms, g_ptr_array_unref);
  self->rooms = rooms;
  ir_connect_dialog_fill_rooms (self);
}

void
ir_connect_dialog_list_rooms (IrConnectDialog *self)
{
  ir_connect_dialog_set_busy (self, TRUE);
  ir_sync_manager_list_rooms_async (self->manager, self->api, self->cancellable,
                                    rooms_listed_cb, g_object_ref (self));
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IrConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncApi) api = ir_sync_manager_sign_in_finish (IR_SYNC_MANAGER (source), result,
                                                             &self->session_only, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ir_connect_dialog_set_busy (self, FALSE);
  if (api == NULL)
    {
      ir_connect_dialog_show_error (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  g_set_object (&self->api, api);
  ir_connect_dialog_remember_account (self);

  if (self->mode == IR_CONNECT_SIGN_IN)
    {
      g_signal_emit (self, ir_connect_dialog_signals[SIGNAL_SIGNED_IN], 0, api);
      ir_connect_dialog_close (self);
      return;
    }

  ir_connect_dialog_show_session (self);
}

static void
room_downloaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IrConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrRoomInfo) info = ir_sync_manager_download_room_finish (IR_SYNC_MANAGER (source),
                                                                     result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  ir_connect_dialog_set_busy (self, FALSE);
  if (info == NULL)
    {
      ir_connect_dialog_show_error (self, error->message);
      return;
    }

  g_signal_emit (self, ir_connect_dialog_signals[SIGNAL_ROOM_READY], 0, info);
  ir_connect_dialog_close (self);
}

static void
uploaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IrConnectDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n_refused = 0;

  if (!ir_sync_manager_upload_room_finish (IR_SYNC_MANAGER (source), result, &n_refused,
                                           &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      ir_connect_dialog_set_busy (self, FALSE);
      ir_connect_dialog_show_error (self, error->message);
      return;
    }

  ir_connect_dialog_set_busy (self, FALSE);
  g_signal_emit (self, ir_connect_dialog_signals[SIGNAL_UPLOADED], 0, n_refused);
  ir_connect_dialog_close (self);
}

/* --- actions ------------------------------------------------------------- */

static void
sign_in_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrConnectDialog *self = IR_CONNECT_DIALOG (widget);

  ir_connect_dialog_show_error (self, NULL);
  ir_connect_dialog_set_busy (self, TRUE);
  ir_sync_manager_sign_in_async (self->manager,
                                 gtk_editable_get_text (GTK_EDITABLE (self->url_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->user_row)),
                                 gtk_editable_get_text (GTK_EDITABLE (self->password_row)),
                                 self->cancellable, signed_in_cb, g_object_ref (self));
}

static void
open_room_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IrConnectDialog *self = IR_CONNECT_DIALOG (widget);
  const char *id = g_variant_get_string (parameter, NULL);

  for (guint i = 0; self->rooms != NULL && i < self->rooms->len; i++)
    {
      IrServerRoom *room = self->rooms->pdata[i];

      if (!g_str_equal (room->id, id))
        continue;

      ir_connect_dialog_show_error (self, NULL);
      ir_connect_dialog_set_busy (self, TRUE);
      ir_sync_manager_download_room_async (self->manager, self->api, room, self->cancellable,
                                           room_downloaded_cb, g_object_ref (self));
      return;
    }

  g_warning ("Room %s is not in the list of rooms on the server", id);
}

static void
upload_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrConnectDialog *self = IR_CONNECT_DIALOG (widget);

  ir_connect_dialog_show_error (self, NULL);
  ir_connect_dialog_set_busy (self, TRUE);
  ir_sync_manager_upload_room_async (self->manager, self->api, self->upload_store,
                                     self->upload_name, self->cancellable, uploaded_cb,
                                     g_object_ref (self));
}

static void
other_server_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IrConnectDialog *self = IR_CONNECT_DIALOG (widget);

  ir_connect_dialog_show_error (self, NULL);
  g_clear_object (&self->api);
  ir_connect_dialog_show_page (self, "sign-in");
  gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
}

void
ir_connect_dialog_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "connect.sign-in", NULL, sign_in_activated_cb);
  gtk_widget_class_install_action (widget_class, "connect.open-room", "s",
                                   open_room_activated_cb);
  gtk_widget_class_install_action (widget_class, "connect.upload", NULL, upload_activated_cb);
  gtk_widget_class_install_action (widget_class, "connect.other-server", NULL,
                                   other_server_activated_cb);
}
