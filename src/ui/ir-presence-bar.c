/* ir-presence-bar.c: avatars of the other members who have the room open
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The server sends every client of a room who else has it open and on
 * which page. The bar shows one avatar per other member, with the page in
 * its tooltip. The user's own sessions are left out.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ir-presence-bar.h"
#include "ir-ui-util.h"

/* More avatars than this collapse into a "+N" label. */
#define MAX_AVATARS 4

struct _IrPresenceBar
{
  GtkWidget     parent_instance;

  IrSyncClient *client;
  gulong        presence_id;
  GPtrArray    *users;      /* char*, the user names shown */
};

G_DEFINE_FINAL_TYPE (IrPresenceBar, ir_presence_bar, GTK_TYPE_WIDGET)

/* --- helpers -------------------------------------------------------------- */

static const char *
page_title (const char *page)
{
  if (g_strcmp0 (page, "map") == 0 || g_strcmp0 (page, "coverage") == 0)
    return _("Decision Map");
  if (g_strcmp0 (page, "drawings") == 0 || g_strcmp0 (page, "compare") == 0)
    return _("Drawings");
  if (g_strcmp0 (page, "plan") == 0)
    return _("Plan");
  if (g_strcmp0 (page, "risks") == 0)
    return _("Risks");

  return NULL;
}

static void
clear_avatars (IrPresenceBar *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_ptr_array_set_size (self->users, 0);
}

static GtkWidget *
create_avatar (const char *name,
               const char *user,
               const char *page)
{
  GtkWidget *avatar = adw_avatar_new (26, name, TRUE);
  g_autofree char *widget_name = g_strconcat ("presence-", user, NULL);
  const char *title = page_title (page);
  g_autofree char *tooltip = NULL;

  if (title != NULL)
    /* Translators: who else has the room open, and the page they look at. */
    tooltip = g_strdup_printf (_("%s is on the %s page"), name, title);
  else
    /* Translators: who else has the room open. */
    tooltip = g_strdup_printf (_("%s has this room open"), name);

  gtk_widget_set_name (avatar, widget_name);
  gtk_widget_set_tooltip_text (avatar, tooltip);
  gtk_widget_set_valign (avatar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (avatar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  return avatar;
}

static void
rebuild (IrPresenceBar *self)
{
  GPtrArray *present = self->client ? ir_sync_client_get_presence (self->client) : NULL;
  IrStore *store = self->client ? ir_sync_client_get_store (self->client) : NULL;
  const char *own = self->client ? ir_sync_api_get_user (ir_sync_client_get_api (self->client))
                                 : NULL;
  guint hidden = 0;

  clear_avatars (self);

  for (guint i = 0; present != NULL && i < present->len; i++)
    {
      IrPresence *presence = present->pdata[i];
      g_autofree char *name = NULL;

      if (g_strcmp0 (presence->user, own) == 0)
        continue;

      name = ir_actor_dup_name (store, presence->user);
      g_ptr_array_add (self->users, g_strdup (presence->user));
      if (self->users->len > MAX_AVATARS)
        {
          hidden++;
          continue;
        }

      gtk_widget_set_parent (create_avatar (name, presence->user, presence->page),
                             GTK_WIDGET (self));
    }

  if (hidden > 0)
    {
      g_autofree char *text = g_strdup_printf ("+%u", hidden);
      GtkWidget *more = gtk_label_new (text);

      gtk_widget_add_css_class (more, "dim-label");
      gtk_widget_add_css_class (more, "caption-heading");
      gtk_widget_set_parent (more, GTK_WIDGET (self));
    }

  gtk_widget_set_visible (GTK_WIDGET (self), self->users->len > 0);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_presence_bar_dispose (GObject *object)
{
  IrPresenceBar *self = IR_PRESENCE_BAR (object);

  ir_presence_bar_set_client (self, NULL);
  clear_avatars (self);

  G_OBJECT_CLASS (ir_presence_bar_parent_class)->dispose (object);
}

static void
ir_presence_bar_finalize (GObject *object)
{
  IrPresenceBar *self = IR_PRESENCE_BAR (object);

  g_ptr_array_unref (self->users);

  G_OBJECT_CLASS (ir_presence_bar_parent_class)->finalize (object);
}

static void
ir_presence_bar_class_init (IrPresenceBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_presence_bar_dispose;
  object_class->finalize = ir_presence_bar_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "presencebar");
}

static void
ir_presence_bar_init (IrPresenceBar *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 2);
  self->users = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* --- public API ----------------------------------------------------------- */

/* Follows who else is in the room of @client; %NULL empties the bar. */
void
ir_presence_bar_set_client (IrPresenceBar *self,
                            IrSyncClient  *client)
{
  g_return_if_fail (IR_IS_PRESENCE_BAR (self));

  if (self->client == client)
    return;

  if (self->client != NULL)
    g_clear_signal_handler (&self->presence_id, self->client);
  g_set_object (&self->client, client);

  if (client != NULL)
    self->presence_id = g_signal_connect_object (client, "presence-changed",
                                                 G_CALLBACK (rebuild), self,
                                                 G_CONNECT_SWAPPED);
  rebuild (self);
}

/* Returns how many other members the bar shows, the collapsed ones too. */
guint
ir_presence_bar_get_n_users (IrPresenceBar *self)
{
  g_return_val_if_fail (IR_IS_PRESENCE_BAR (self), 0);

  return self->users->len;
}

/* Returns the user names the bar shows, joined by spaces, for tests. */
char *
ir_presence_bar_dup_summary (IrPresenceBar *self)
{
  g_return_val_if_fail (IR_IS_PRESENCE_BAR (self), NULL);

  g_ptr_array_add (self->users, NULL);
  {
    g_autofree char *summary = g_strjoinv (" ", (char **) self->users->pdata);

    g_ptr_array_remove_index (self->users, self->users->len - 1);
    return g_steal_pointer (&summary);
  }
}
