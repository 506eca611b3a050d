/* ir-sync-indicator.c: the room's sync state in the header bar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A button whose icon shows how the open room syncs: only on this computer,
 * up to date, syncing, offline with changes waiting, or failed with its
 * reason. Its popover explains the same in words, names the server and the
 * user, lists the changes the server refused ("not synced") with the
 * server's reasons, and offers what fixes the state: sync now, sign in
 * again, or upload a local-only room.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ir-sync-indicator.h"
#include "ir-sync-manager.h"
#include "ir-ui-util.h"

/* More refused transactions than this are summed up in one row. */
#define MAX_REFUSED_ROWS 20

struct _IrSyncIndicator
{
  GtkWidget      parent_instance;

  IrSyncClient  *client;
  gulong         notify_id;
  gulong         refused_id;
  char          *title;
  char          *detail;

  GtkMenuButton *button;
  GtkImage      *icon;
  GtkLabel      *count;
  GtkPopover    *popover;
  GtkImage      *big_icon;
  GtkLabel      *title_label;
  GtkLabel      *detail_label;
  GtkLabel      *server_label;
  GtkWidget     *refused_box;
  GtkListBox    *refused_list;
  GtkWidget     *upload_button;
  GtkWidget     *sign_in_button;
  GtkWidget     *sync_now_button;
};

G_DEFINE_FINAL_TYPE (IrSyncIndicator, ir_sync_indicator, GTK_TYPE_WIDGET)

static const char * const style_classes[] = {
  "sync-local", "sync-ok", "sync-busy", "sync-offline", "sync-error", NULL
};

/* Which buttons the popover offers. */
typedef enum
{
  OFFER_NOTHING = 0,
  OFFER_UPLOAD  = 1 << 0,
  OFFER_SIGN_IN = 1 << 1,
  OFFER_SYNC    = 1 << 2,
} Offers;

/* --- helpers -------------------------------------------------------------- */

static void
show_state (IrSyncIndicator *self,
            const char      *icon_name,
            const char      *style_class,
            const char      *title,
            const char      *detail,
            guint            count,
            Offers           offers)
{
  g_autofree char *count_text = g_strdup_printf ("%u", MIN (count, 999));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->detail);
  self->detail = g_strdup (detail);

  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_image_set_from_icon_name (self->big_icon, icon_name);
  for (guint i = 0; style_classes[i] != NULL; i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->button), style_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), style_class);

  gtk_label_set_label (self->title_label, title);
  gtk_label_set_label (self->detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_label), detail != NULL && detail[0] != '\0');
  gtk_label_set_label (self->count, count_text);
  gtk_widget_set_visible (GTK_WIDGET (self->count), count > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), title);

  gtk_widget_set_visible (self->upload_button, (offers & OFFER_UPLOAD) != 0);
  gtk_widget_set_visible (self->sign_in_button, (offers & OFFER_SIGN_IN) != 0);
  gtk_widget_set_visible (self->sync_now_button, (offers & OFFER_SYNC) != 0);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

static void
set_server_line (IrSyncIndicator *self,
                 const char      *url,
                 const char      *user)
{
  g_autofree char *text = NULL;

  if (url != NULL && user != NULL)
    /* Translators: the user name on the server, and the server's address. */
    text = g_strdup_printf (_("Signed in as %s on %s"), user, url);
  else if (url != NULL)
    text = g_strdup (url);

  gtk_label_set_label (self->server_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->server_label), text != NULL);
}

/* "Stakeholder: Stance and Title" for the ops of one refused transaction. */
static char *
describe_refusal (IrRefusal *refusal)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GHashTable) entities = g_hash_table_new (g_str_hash, g_str_equal);
  IrOp *first = refusal->ops->len ? refusal->ops->pdata[0] : NULL;
  guint n_entities;

  if (first == NULL)
    return g_strdup (_("A change"));

  for (guint i = 0; i < refusal->ops->len; i++)
    {
      IrOp *op = refusal->ops->pdata[i];

      g_hash_table_add (entities, op->eid);
      if (g_str_equal (op->eid, first->eid) && fields->len < 3 &&
          !g_ptr_array_find_with_equal_func (fields, op->field, g_str_equal, NULL))
        g_ptr_array_add (fields, op->field);
    }

  n_entities = g_hash_table_size (entities);
  if (n_entities > 1)
    /* Translators: a refused change that touched several items. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%s and %u other item",
                                         "%s and %u other items", n_entities - 1),
                            ir_kind_label (first->entity), n_entities - 1);

  if (fields->len == 1)
    /* Translators: the kind of item and the field of a refused change. */
    return g_strdup_printf (_("%s: %s"), ir_kind_label (first->entity),
                            ir_field_label (fields->pdata[0]));

  /* Translators: the kind of item of a refused change to several fields. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u field", "%s: %u fields",
                                       fields->len),
                          ir_kind_label (first->entity), fields->len);
}

static void
update_refused (IrSyncIndicator *self)
{
  g_autoptr(GPtrArray) refused = self->client ? ir_sync_client_get_refused (self->client) : NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->refused_list))) != NULL)
    gtk_list_box_remove (self->refused_list, child);

  for (guint i = 0; refused != NULL && i < refused->len && i < MAX_REFUSED_ROWS; i++)
    {
      IrRefusal *refusal = refused->pdata[i];
      g_autofree char *title = describe_refusal (refusal);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), refusal->reason);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_list_box_append (self->refused_list, row);
    }

  if (refused != NULL && refused->len > MAX_REFUSED_ROWS)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more change",
                                                            "%u more changes",
                                                            refused->len - MAX_REFUSED_ROWS),
                                               refused->len - MAX_REFUSED_ROWS);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->refused_list, row);
    }

  gtk_widget_set_visible (self->refused_box, refused != NULL && refused->len > 0);
}

static char *
describe_offline (guint       pending,
                  const char *reason)
{
  g_autofree char *waiting = NULL;

  if (pending > 0)
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u change waits on this computer and goes to "
                                            "the server once it can be reached again.",
                                            "%u changes wait on this computer and go to "
                                            "the server once it can be reached again.",
                                            pending),
                               pending);
  else
    waiting = g_strdup (_("Changes you make wait on this computer until the server can be "
                          "reached again."));

  if (reason == NULL)
    return g_steal_pointer (&waiting);

  return g_strconcat (waiting, "\n\n", reason, NULL);
}

static void
update_from_client (IrSyncIndicator *self)
{
  IrSyncClient *client = self->client;
  guint pending = ir_sync_client_get_pending (client);
  const char *reason = ir_sync_client_get_error (client);
  g_autofree char *detail = NULL;

  switch (ir_sync_client_get_state (client))
    {
    case IR_SYNC_STATE_UP_TO_DATE:
      show_state (self, "emblem-ok-symbolic", "sync-ok", _("Up to Date"),
                  _("Every change in this room is on the server, and the changes of others "
                    "arrive as they are made."), 0, OFFER_SYNC);
      break;

    case IR_SYNC_STATE_SYNCING:
      if (pending > 0)
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Sending %u change to the server.",
                                               "Sending %u changes to the server.", pending),
                                  pending);
      else
        detail = g_strdup (_("Fetching the latest changes from the server."));
      show_state (self, "emblem-synchronizing-symbolic", "sync-busy", _("Syncing…"), detail,
                  pending, OFFER_NOTHING);
      break;

    case IR_SYNC_STATE_OFFLINE:
      detail = describe_offline (pending, reason);
      show_state (self, "network-offline-symbolic", "sync-offline", _("Offline"), detail,
                  pending, OFFER_SYNC);
      break;

    case IR_SYNC_STATE_ERROR:
      /* The server's reason comes in the server's language; this one in
       * the user's. */
      if (ir_sync_error_needs_sign_in (ir_sync_client_get_error_code (client)))
        show_state (self, "dialog-warning-symbolic", "sync-error", _("Signed Out"),
                    _("Your session on the server ended: it expired, or you signed out or "
                      "changed your password elsewhere. Sign in again to go on syncing; "
                      "your changes wait on this computer meanwhile."),
                    pending, OFFER_SIGN_IN);
      else
        show_state (self, "dialog-warning-symbolic", "sync-error", _("Sync Failed"),
                    reason, pending, OFFER_SYNC);
      break;

    case IR_SYNC_STATE_STOPPED:
    default:
      show_state (self, "emblem-synchronizing-symbolic", "sync-busy", _("Not Syncing"),
                  _("Sync of this room is paused."), pending, OFFER_SYNC);
      break;
    }

  update_refused (self);
}

static void
disconnect_client (IrSyncIndicator *self)
{
  if (self->client == NULL)
    return;

  g_clear_signal_handler (&self->notify_id, self->client);
  g_clear_signal_handler (&self->refused_id, self->client);
  g_clear_object (&self->client);
}

/* --- callbacks ------------------------------------------------------------ */

static void
client_notify_cb (IrSyncIndicator *self,
                  GParamSpec      *pspec,
                  IrSyncClient    *client)
{
  update_from_client (self);
}

static void
client_refused_cb (IrSyncIndicator *self,
                   IrRefusal       *refusal,
                   IrSyncClient    *client)
{
  update_refused (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_sync_indicator_dispose (GObject *object)
{
  IrSyncIndicator *self = IR_SYNC_INDICATOR (object);

  disconnect_client (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_SYNC_INDICATOR);

  G_OBJECT_CLASS (ir_sync_indicator_parent_class)->dispose (object);
}

static void
ir_sync_indicator_finalize (GObject *object)
{
  IrSyncIndicator *self = IR_SYNC_INDICATOR (object);

  g_free (self->title);
  g_free (self->detail);

  G_OBJECT_CLASS (ir_sync_indicator_parent_class)->finalize (object);
}

static void
ir_sync_indicator_class_init (IrSyncIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_sync_indicator_dispose;
  object_class->finalize = ir_sync_indicator_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-sync-indicator.ui");
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, button);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, icon);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, count);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, popover);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, big_icon);
  gtk_widget_class_bind_template_child_full (widget_class, "title", FALSE,
                                             G_STRUCT_OFFSET (IrSyncIndicator, title_label));
  gtk_widget_class_bind_template_child_full (widget_class, "detail", FALSE,
                                             G_STRUCT_OFFSET (IrSyncIndicator, detail_label));
  gtk_widget_class_bind_template_child_full (widget_class, "server", FALSE,
                                             G_STRUCT_OFFSET (IrSyncIndicator, server_label));
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, refused_box);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, refused_list);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, upload_button);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, sign_in_button);
  gtk_widget_class_bind_template_child (widget_class, IrSyncIndicator, sync_now_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_sync_indicator_init (IrSyncIndicator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* --- public API ----------------------------------------------------------- */

/* Hides the indicator, while no room is open. */
void
ir_sync_indicator_clear (IrSyncIndicator *self)
{
  g_return_if_fail (IR_IS_SYNC_INDICATOR (self));

  disconnect_client (self);
  update_refused (self);
  gtk_popover_popdown (self->popover);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Shows that the open room lives only on this computer. */
void
ir_sync_indicator_show_local (IrSyncIndicator *self)
{
  g_return_if_fail (IR_IS_SYNC_INDICATOR (self));

  disconnect_client (self);
  update_refused (self);
  set_server_line (self, NULL, NULL);
  show_state (self, "computer-symbolic", "sync-local", _("On This Computer Only"),
              _("Nobody else sees this room. Upload it to your team’s server to work on "
                "it together."), 0, OFFER_UPLOAD);
}

/* Shows that the room's session is being looked up at @url. */
void
ir_sync_indicator_show_connecting (IrSyncIndicator *self,
                                   const char      *url)
{
  g_return_if_fail (IR_IS_SYNC_INDICATOR (self));

  disconnect_client (self);
  set_server_line (self, url, NULL);
  show_state (self, "emblem-synchronizing-symbolic", "sync-busy", _("Connecting…"),
              NULL, 0, OFFER_NOTHING);
}

/* Shows why the room cannot sync before it had a client. */
void
ir_sync_indicator_show_problem (IrSyncIndicator *self,
                                const char      *message,
                                gboolean         needs_sign_in)
{
  g_return_if_fail (IR_IS_SYNC_INDICATOR (self));

  disconnect_client (self);
  show_state (self, "dialog-warning-symbolic", "sync-error",
              needs_sign_in ? _("Signed Out") : _("Not Syncing"), message, 0,
              needs_sign_in ? OFFER_SIGN_IN : OFFER_NOTHING);
}

/* Follows the state of @client, the open room's sync client. */
void
ir_sync_indicator_set_client (IrSyncIndicator *self,
                              IrSyncClient    *client)
{
  IrSyncApi *api;

  g_return_if_fail (IR_IS_SYNC_INDICATOR (self));
  g_return_if_fail (IR_IS_SYNC_CLIENT (client));

  disconnect_client (self);
  self->client = g_object_ref (client);
  self->notify_id = g_signal_connect_object (client, "notify", G_CALLBACK (client_notify_cb),
                                             self, G_CONNECT_SWAPPED);
  self->refused_id = g_signal_connect_object (client, "refused",
                                              G_CALLBACK (client_refused_cb), self,
                                              G_CONNECT_SWAPPED);

  api = ir_sync_client_get_api (client);
  set_server_line (self, ir_sync_api_get_url (api), ir_sync_api_get_user (api));
  update_from_client (self);
}

IrSyncClient *
ir_sync_indicator_get_client (IrSyncIndicator *self)
{
  g_return_val_if_fail (IR_IS_SYNC_INDICATOR (self), NULL);

  return self->client;
}

/* Returns the state in a few words, as the popover's heading shows it. */
const char *
ir_sync_indicator_get_title (IrSyncIndicator *self)
{
  g_return_val_if_fail (IR_IS_SYNC_INDICATOR (self), NULL);

  return self->title;
}

/* Returns the popover's explanation of the state, with its reason. */
const char *
ir_sync_indicator_get_detail (IrSyncIndicator *self)
{
  g_return_val_if_fail (IR_IS_SYNC_INDICATOR (self), NULL);

  return self->detail;
}

void
ir_sync_indicator_popup (IrSyncIndicator *self)
{
  g_return_if_fail (IR_IS_SYNC_INDICATOR (self));

  gtk_menu_button_popup (self->button);
}

/**
 * ir_sync_load_style:
 *
 * Loads the style sheet of the sync widgets for the default display: the
 * indicator, the connect dialog, conflict notes and the hints on fields
 * that others changed, which any page may show.
 */
void
ir_sync_load_style (void)
{
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (display == NULL)
    return;

  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/ironroom/IronRoom/sync.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}
