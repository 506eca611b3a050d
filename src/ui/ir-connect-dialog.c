/* ir-connect-dialog.c: signing in to a server, opening its rooms and
 * uploading a local-only room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One dialog, three errands. Each starts on the sign-in page unless this
 * process has a session already. A failure shows above the page with what
 * to do about it, and the page stays filled in for another try. Every step
 * is a connect.* action, which the buttons and the tests activate. The
 * requests behind them are in ir-connect-dialog-steps.c.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-connect-dialog-private.h"
#include "ir-ui-util.h"

guint ir_connect_dialog_signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IrConnectDialog, ir_connect_dialog, ADW_TYPE_WINDOW)

/* --- helpers -------------------------------------------------------------- */

void
ir_connect_dialog_show_error (IrConnectDialog *self,
                              const char      *message)
{
  if (message != NULL)
    g_message ("Connect dialog: %s", message);

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
ir_connect_dialog_close (IrConnectDialog *self)
{
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

void
ir_connect_dialog_update_actions (IrConnectDialog *self)
{
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  gboolean filled = url[0] != '\0' && user[0] != '\0' && password[0] != '\0';

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.sign-in", filled && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.open-room",
                                 self->api != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.upload",
                                 self->api != NULL && self->upload_store != NULL && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "connect.other-server", !self->busy);
}

/* Only the actions go insensitive while a request runs: the request has
 * read the entries already, and an entry that loses its sensitivity while
 * it has the focus makes GTK 4.8 warn. */
void
ir_connect_dialog_set_busy (IrConnectDialog *self,
                            gboolean         busy)
{
  self->busy = busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  ir_connect_dialog_update_actions (self);
}

void
ir_connect_dialog_show_page (IrConnectDialog *self,
                             const char      *page)
{
  g_autofree char *subtitle = NULL;

  if (self->api != NULL && !g_str_equal (page, "sign-in"))
    subtitle = g_strdup (ir_sync_api_get_url (self->api));

  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");

  /* An entry hidden with the focus makes GTK 4.8 warn when the window
   * never had a focus-in, as under Xvfb without a window manager. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  gtk_stack_set_visible_child_name (self->stack, page);
  ir_connect_dialog_update_actions (self);
}

/* Shows the session's pages: its rooms, or the room to upload. */
void
ir_connect_dialog_show_session (IrConnectDialog *self)
{
  /* Translators: the user name, and the server's address. */
  g_autofree char *text = g_strdup_printf (_("Signed in as %s on %s."),
                                           ir_sync_api_get_user (self->api),
                                           ir_sync_api_get_url (self->api));

  gtk_label_set_label (self->signed_in_label, text);
  gtk_widget_set_visible (self->session_note, self->session_only);

  if (self->mode == IR_CONNECT_UPLOAD)
    {
      g_autofree char *body =
        /* Translators: the server's address. */
        g_strdup_printf (_("The room and its whole history go to %s. From then on it syncs "
                           "with the server, and the members you add there can open it."),
                         ir_sync_api_get_url (self->api));

      gtk_label_set_label (self->upload_body, body);
      ir_connect_dialog_show_page (self, "upload");
      return;
    }

  ir_connect_dialog_show_page (self, "rooms");
  ir_connect_dialog_list_rooms (self);
}

static GtkWidget *
create_room_row (IrConnectDialog    *self,
                 const IrServerRoom *room)
{
  IrRoomDirectory *directory = ir_sync_manager_get_rooms (self->manager);
  gboolean here = ir_room_directory_lookup (directory, room->id) != NULL;
  g_autofree char *name = g_strconcat ("connect-room-", room->id, NULL);
  const char *role = room->role[0] ? ir_enum_label (room->role) : "";
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *button;

  if (here)
    /* Translators: the member's role in a room that is on this computer already. */
    subtitle = g_strdup_printf (_("%s · on this computer"), role);
  else
    subtitle = g_strdup (role);

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 room->name[0] ? room->name : _("Unnamed room"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  button = gtk_button_new_with_mnemonic (here ? _("_Open") : _("_Download"));
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (!here)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "connect.open-room");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", room->id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

void
ir_connect_dialog_fill_rooms (IrConnectDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rooms_list))) != NULL)
    gtk_list_box_remove (self->rooms_list, child);

  for (guint i = 0; self->rooms != NULL && i < self->rooms->len; i++)
    gtk_list_box_append (self->rooms_list, create_room_row (self, self->rooms->pdata[i]));

  gtk_widget_set_visible (self->rooms_group, self->rooms != NULL && self->rooms->len > 0);
  gtk_widget_set_visible (self->no_rooms_label, self->rooms != NULL && self->rooms->len == 0);
}

void
ir_connect_dialog_remember_account (IrConnectDialog *self)
{
  g_settings_set_string (self->settings, "last-server-url", ir_sync_api_get_url (self->api));
  g_settings_set_string (self->settings, "last-server-user", ir_sync_api_get_user (self->api));
}

static void
entry_changed_cb (IrConnectDialog *self)
{
  ir_connect_dialog_update_actions (self);
}

static void
password_activated_cb (IrConnectDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "connect.sign-in", NULL);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_connect_dialog_dispose (GObject *object)
{
  IrConnectDialog *self = IR_CONNECT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->manager);
  g_clear_object (&self->api);
  g_clear_object (&self->upload_store);
  g_clear_pointer (&self->rooms, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (ir_connect_dialog_parent_class)->dispose (object);
}

static void
ir_connect_dialog_finalize (GObject *object)
{
  IrConnectDialog *self = IR_CONNECT_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->upload_name);

  G_OBJECT_CLASS (ir_connect_dialog_parent_class)->finalize (object);
}

static void
ir_connect_dialog_class_init (IrConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_connect_dialog_dispose;
  object_class->finalize = ir_connect_dialog_finalize;

  /**
   * IrConnectDialog::room-ready:
   * @room: the room on this computer, ready to open
   */
  ir_connect_dialog_signals[SIGNAL_ROOM_READY] =
    g_signal_new ("room-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IR_TYPE_ROOM_INFO);

  /**
   * IrConnectDialog::uploaded:
   * @n_refused: how many ops stayed on this computer
   *
   * Emitted when the server created the room to upload; the room's sync
   * client then pushes its history.
   */
  ir_connect_dialog_signals[SIGNAL_UPLOADED] =
    g_signal_new ("uploaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * IrConnectDialog::signed-in:
   * @api: the new session
   */
  ir_connect_dialog_signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IR_TYPE_SYNC_API);

  ir_connect_dialog_class_init_actions (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, user_row);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, signed_in_label);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, session_note);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, rooms_group);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, rooms_list);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, no_rooms_label);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, upload_title);
  gtk_widget_class_bind_template_child (widget_class, IrConnectDialog, upload_body);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);
}

static void
ir_connect_dialog_init (IrConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APPLICATION_ID);
}

/* --- public API ----------------------------------------------------------- */

IrConnectDialog *
ir_connect_dialog_new (GtkWindow     *parent,
                       IrSyncManager *manager,
                       IrConnectMode  mode)
{
  IrConnectDialog *self;
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  g_return_val_if_fail (IR_IS_SYNC_MANAGER (manager), NULL);

  self = g_object_new (IR_TYPE_CONNECT_DIALOG, "transient-for", parent, NULL);
  self->manager = g_object_ref (manager);
  self->mode = mode;

  url = g_settings_get_string (self->settings, "last-server-url");
  user = g_settings_get_string (self->settings, "last-server-user");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);

  if (mode == IR_CONNECT_OPEN_ROOM)
    adw_window_title_set_title (self->window_title, _("Open a Room from a Server"));
  else if (mode == IR_CONNECT_UPLOAD)
    adw_window_title_set_title (self->window_title, _("Upload to a Server"));
  else
    adw_window_title_set_title (self->window_title, _("Sign In Again"));

  /* A session of this process saves typing the password again. */
  self->api = mode != IR_CONNECT_SIGN_IN ? ir_sync_manager_get_last_session (manager) : NULL;
  if (self->api != NULL)
    {
      g_object_ref (self->api);
      ir_connect_dialog_show_session (self);
    }
  else
    ir_connect_dialog_show_page (self, "sign-in");

  ir_connect_dialog_update_actions (self);

  return self;
}

/* Fills in the server and the user, as for signing in again to a room. */
void
ir_connect_dialog_set_account (IrConnectDialog *self,
                               const char      *url,
                               const char      *user)
{
  g_return_if_fail (IR_IS_CONNECT_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url ? url : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user ? user : "");
  if (self->mode == IR_CONNECT_SIGN_IN)
    {
      gtk_label_set_label (self->intro_label,
                           _("Your session on this server ended. Type your password to go on "
                             "syncing the room."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->user_row), FALSE);
    }
}

/* Names the room that the upload page uploads. */
void
ir_connect_dialog_set_upload (IrConnectDialog *self,
                              IrStore         *store,
                              const char      *name)
{
  g_autofree char *title = NULL;

  g_return_if_fail (IR_IS_CONNECT_DIALOG (self));

  g_set_object (&self->upload_store, store);
  g_free (self->upload_name);
  self->upload_name = g_strdup (name);

  /* Translators: the name of the room to upload. */
  title = g_strdup_printf (_("Upload “%s”"), name);
  gtk_label_set_label (self->upload_title, title);
  ir_connect_dialog_update_actions (self);
}

/* Returns the name of the visible page: sign-in, rooms or upload. */
const char *
ir_connect_dialog_get_page (IrConnectDialog *self)
{
  g_return_val_if_fail (IR_IS_CONNECT_DIALOG (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns the error the dialog shows, or %NULL. */
const char *
ir_connect_dialog_get_error (IrConnectDialog *self)
{
  g_return_val_if_fail (IR_IS_CONNECT_DIALOG (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->error_revealer))
    return NULL;

  return gtk_label_get_label (self->error_label);
}

/* Whether a request of the dialog is under way. */
gboolean
ir_connect_dialog_get_busy (IrConnectDialog *self)
{
  g_return_val_if_fail (IR_IS_CONNECT_DIALOG (self), FALSE);

  return self->busy;
}

/* Whether the last sign-in found no keyring to keep its token in. */
gboolean
ir_connect_dialog_get_session_only (IrConnectDialog *self)
{
  g_return_val_if_fail (IR_IS_CONNECT_DIALOG (self), FALSE);

  return self->session_only;
}

/* Returns how many rooms the rooms page lists. */
guint
ir_connect_dialog_get_n_rooms (IrConnectDialog *self)
{
  g_return_val_if_fail (IR_IS_CONNECT_DIALOG (self), 0);

  return self->rooms ? self->rooms->len : 0;
}
