/* ir-window-sync.c: the open room's sync: its client, the indicator, the
 * avatars of who else is in, hints on fields, and the room.* sync actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the open room syncs. Opening a room that names a server looks up its
 * session and starts a sync client. Closing the room stops the client, so
 * the edits made since wait in the store until the room is open again. A
 * member removed from a room loses its copy on this computer.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-application.h"
#include "ir-change-hints.h"
#include "ir-connect-dialog.h"
#include "ir-window-private.h"

/* --- helpers -------------------------------------------------------------- */

static IrSyncManager *
get_manager (IrWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return IR_IS_APPLICATION (app) ? ir_application_get_sync_manager (IR_APPLICATION (app)) : NULL;
}

static void
update_sync_actions (IrWindow *self)
{
  gboolean open = self->store != NULL;
  gboolean synced = open && ir_store_has_server (self->store);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.sync-now", self->sync != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.upload", open && !synced);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.sign-in", synced);
}

static void
reattach (IrWindow *self)
{
  ir_window_sync_detach (self);
  ir_window_sync_attach (self);
}

/* --- callbacks ------------------------------------------------------------ */

static void
page_changed_cb (IrWindow     *self,
                 GParamSpec   *pspec,
                 AdwViewStack *stack)
{
  if (self->sync != NULL)
    ir_sync_client_set_page (self->sync, adw_view_stack_get_visible_child_name (stack));
}

static void
ops_received_cb (IrWindow     *self,
                 GPtrArray    *ops,
                 IrSyncClient *client)
{
  ir_change_hints_add_ops (ir_change_hints_get_for_store (ir_sync_client_get_store (client)),
                           ops);
}

static void
state_changed_cb (IrWindow     *self,
                  GParamSpec   *pspec,
                  IrSyncClient *client)
{
  IrStore *store = ir_sync_client_get_store (client);
  g_autoptr(GError) error = NULL;

  if (ir_sync_client_get_state (client) != IR_SYNC_STATE_UP_TO_DATE)
    return;

  /* An uploaded room gets its member entities from the server, and what
   * named the room's own members moves to them as they arrive. */
  ir_sync_manager_adopt_member (store);
  if (!ir_sync_remap_members (store, NULL, &error))
    g_warning ("Failed to move room %s's references to the server's members: %s",
               ir_store_get_room_id (store), error->message);
}

/* Deletes the copy of a room its member was removed from, once the
 * client's signal has returned. */
static gboolean
forget_room_cb (gpointer user_data)
{
  IrWindow *self = user_data;
  g_autoptr(IrRoomInfo) room = self->room ? g_object_ref (self->room) : NULL;
  g_autofree char *message = NULL;

  if (room == NULL)
    return G_SOURCE_REMOVE;

  g_message ("Removed from room %s; deleting its copy on this computer",
             ir_room_info_get_id (room));
  /* Translators: the name of a room the user was removed from. */
  message = g_strdup_printf (_("You were removed from “%s” on its server, so its copy on "
                               "this computer was deleted. Ask the room’s account owner if "
                               "this is a mistake."), ir_room_info_get_name (room));

  ir_window_close_room (self);
  ir_room_directory_discard (self->rooms, room);
  ir_window_show_error (self, _("Removed from the Room"), message);

  return G_SOURCE_REMOVE;
}

static void
removed_cb (IrWindow     *self,
            IrSyncClient *client)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, forget_room_cb, g_object_ref (self), g_object_unref);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IrWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSyncClient) client = ir_sync_manager_connect_store_finish (IR_SYNC_MANAGER (source),
                                                                         result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (client == NULL)
    {
      g_message ("Room %s does not sync: %s", ir_store_get_room_id (self->store), error->message);
      ir_sync_indicator_show_problem (self->sync_indicator, error->message,
                                      error->domain == IR_SYNC_ERROR &&
                                      ir_sync_error_needs_sign_in (error->code));
      return;
    }

  self->sync = g_steal_pointer (&client);
  g_signal_connect_object (self->sync, "ops-received", G_CALLBACK (ops_received_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "notify::state", G_CALLBACK (state_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sync, "removed", G_CALLBACK (removed_cb), self,
                           G_CONNECT_SWAPPED);

  ir_sync_client_set_page (self->sync, ir_window_get_page (self));
  ir_sync_indicator_set_client (self->sync_indicator, self->sync);
  ir_presence_bar_set_client (self->presence_bar, self->sync);
  ir_sync_client_start (self->sync);
  update_sync_actions (self);
}

static void
uploaded_cb (IrWindow        *self,
             guint            n_refused,
             IrConnectDialog *dialog)
{
  g_autofree char *message = NULL;

  if (self->room == NULL)
    return;

  if (n_refused > 0)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Uploading “%s”. %u change stays on this computer; "
                                            "the sync menu shows why.",
                                            "Uploading “%s”. %u changes stay on this computer; "
                                            "the sync menu shows why.", n_refused),
                               ir_room_info_get_name (self->room), n_refused);
  else
    /* Translators: the name of the room being uploaded. */
    message = g_strdup_printf (_("Uploading “%s”."), ir_room_info_get_name (self->room));

  ir_window_add_toast (self, message);
  reattach (self);
}

static void
signed_in_cb (IrWindow        *self,
              IrSyncApi       *api,
              IrConnectDialog *dialog)
{
  if (self->store != NULL)
    reattach (self);
}

/* --- actions -------------------------------------------------------------- */

static void
sync_now_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);

  if (self->sync != NULL)
    ir_sync_client_sync_now (self->sync);
}

static void
upload_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  IrSyncManager *manager = get_manager (self);
  IrConnectDialog *dialog;

  if (manager == NULL || self->store == NULL)
    return;

  dialog = ir_connect_dialog_new (GTK_WINDOW (self), manager, IR_CONNECT_UPLOAD);
  ir_connect_dialog_set_upload (dialog, self->store, ir_room_info_get_name (self->room));
  g_signal_connect_object (dialog, "uploaded", G_CALLBACK (uploaded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_in_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  IrSyncManager *manager = get_manager (self);
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  IrConnectDialog *dialog;

  if (manager == NULL || self->store == NULL)
    return;

  url = ir_store_get_meta (self->store, IR_ROOM_SERVER_URL_KEY);
  user = ir_store_get_meta (self->store, IR_ROOM_SERVER_USER_KEY);
  dialog = ir_connect_dialog_new (GTK_WINDOW (self), manager, IR_CONNECT_SIGN_IN);
  ir_connect_dialog_set_account (dialog, url, user);
  g_signal_connect_object (dialog, "signed-in", G_CALLBACK (signed_in_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- window API ----------------------------------------------------------- */

void
ir_window_class_init_sync (GtkWidgetClass *widget_class)
{
  g_type_ensure (IR_TYPE_SYNC_INDICATOR);
  g_type_ensure (IR_TYPE_PRESENCE_BAR);

  gtk_widget_class_bind_template_child (widget_class, IrWindow, sync_indicator);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, presence_bar);

  gtk_widget_class_install_action (widget_class, "room.sync-now", NULL, sync_now_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.upload", NULL, upload_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.sign-in", NULL, sign_in_activated_cb);
}

/* Starts syncing the open room, or shows that it lives only here. */
void
ir_window_sync_attach (IrWindow *self)
{
  IrSyncManager *manager = get_manager (self);
  g_autofree char *url = NULL;

  g_return_if_fail (self->store != NULL);

  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (page_changed_cb), self, G_CONNECT_SWAPPED);

  if (!ir_store_has_server (self->store) || manager == NULL)
    {
      ir_sync_indicator_show_local (self->sync_indicator);
      update_sync_actions (self);
      return;
    }

  url = ir_store_get_meta (self->store, IR_ROOM_SERVER_URL_KEY);
  ir_sync_indicator_show_connecting (self->sync_indicator, url);
  self->sync_cancellable = g_cancellable_new ();
  ir_sync_manager_connect_store_async (manager, self->store, self->sync_cancellable,
                                       connected_cb, g_object_ref (self));
  update_sync_actions (self);
}

/* Stops syncing the open room; what is not pushed waits in its store. */
void
ir_window_sync_detach (IrWindow *self)
{
  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);
  g_clear_object (&self->sync_cancellable);

  g_signal_handlers_disconnect_by_func (self->view_stack, page_changed_cb, self);
  ir_presence_bar_set_client (self->presence_bar, NULL);
  ir_sync_indicator_clear (self->sync_indicator);

  if (self->sync != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sync, self);
      ir_sync_client_stop (self->sync);
      g_clear_object (&self->sync);
    }

  update_sync_actions (self);
}

/**
 * ir_window_get_sync_client:
 *
 * Returns: (transfer none) (nullable): the open room's sync client, or
 *   %NULL while the room does not sync
 */
IrSyncClient *
ir_window_get_sync_client (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), NULL);

  return self->sync;
}

IrSyncIndicator *
ir_window_get_sync_indicator (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), NULL);

  return self->sync_indicator;
}

IrPresenceBar *
ir_window_get_presence_bar (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), NULL);

  return self->presence_bar;
}
