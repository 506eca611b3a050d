/* ir-window-actions.c: the win.* and room.* actions of the main window
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command of the window is an action here, so that menus, shortcuts
 * and tests drive the same code. room.* actions are enabled only while a
 * room is open.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-history-dialog.h"
#include "ir-inbox.h"
#include "ir-trash-dialog.h"
#include "ir-ui-util.h"
#include "ir-window-private.h"
#include "review/ir-review-window.h"

static const char * const page_names[] = { "map", "drawings", "plan", "risks", NULL };

/* --- win.* ---------------------------------------------------------------- */

static void
show_rooms_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
inbox_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);

  gtk_menu_button_popup (self->inbox_button);
}

/* Builds the shortcuts window when it is asked for, not with every main
 * window as GtkApplication's help overlay would, which costs start-up time. */
static void
show_shortcuts_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWindow *shortcuts;

  builder = gtk_builder_new_from_resource ("/io/github/ironroom/IronRoom/ui/ir-shortcuts-window.ui");
  shortcuts = GTK_WINDOW (gtk_builder_get_object (builder, "shortcuts_window"));
  gtk_window_set_transient_for (shortcuts, GTK_WINDOW (widget));
  gtk_window_present (shortcuts);
}

static void
open_room_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  const char *id = g_variant_get_string (parameter, NULL);
  IrRoomInfo *room = ir_room_directory_lookup (self->rooms, id);
  g_autoptr(GError) error = NULL;

  if (room == NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("There is no room “%s” on this computer. Choose one from the "
                           "room list."), id);

      ir_window_show_error (self, _("Room Not Found"), message);
      return;
    }

  if (!ir_window_open_room (self, room, &error))
    ir_window_show_error (self, _("The Room Could Not Be Opened"), error->message);
}

/* --- room.* --------------------------------------------------------------- */

static void
page_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  /* "compare" is the drawings page comparing its drawing's last revisions. */
  if (g_str_equal (name, "compare"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "drawings");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_activate_action (self->drawings_page, "drawings.compare", NULL);
      return;
    }

  /* "coverage" is the map page's coverage view. */
  if (g_str_equal (name, "coverage"))
    {
      adw_view_stack_set_visible_child_name (self->view_stack, "map");
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
      gtk_widget_activate_action (self->map_page, "map.view", "s", "coverage");
      return;
    }

  /* "review" is review mode, which has a window of its own. */
  if (g_str_equal (name, "review"))
    {
      gtk_widget_activate_action (widget, "room.review", NULL);
      return;
    }

  if (!g_strv_contains (page_names, name))
    {
      g_warning ("Unknown page “%s”; expected map, drawings, plan or risks", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
undo_or_redo (IrWindow *self,
              gboolean  redo)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  if (redo)
    done = ir_store_redo (self->store, &message, &error);
  else
    done = ir_store_undo (self->store, &message, &error);

  if (!done)
    {
      ir_window_add_toast (self, error->message);
      return;
    }

  if (message != NULL && message[0] != '\0')
    ir_window_add_toast (self, message);
  ir_window_update_actions (self);
}

static void
undo_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  undo_or_redo (IR_WINDOW (widget), FALSE);
}

static void
redo_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  undo_or_redo (IR_WINDOW (widget), TRUE);
}

static void
history_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  IrHistoryDialog *dialog;
  const char *kind, *eid;

  g_variant_get (parameter, "(&s&s)", &kind, &eid);
  gtk_popover_popdown (GTK_POPOVER (self->inbox_popover));

  dialog = ir_history_dialog_new (GTK_WINDOW (self), self->store, kind, eid);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
trash_item_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntity) entity = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  const char *kind, *eid;

  g_variant_get (parameter, "(&s&s)", &kind, &eid);

  entity = ir_store_get_entity (self->store, kind, eid);
  title = entity ? ir_entity_dup_title (entity) : g_strdup (ir_kind_label (kind));

  tx = ir_store_begin (self->store);
  ir_tx_delete (tx, kind, eid);
  if (!ir_store_commit (self->store, tx, &error))
    {
      ir_window_show_error (self, _("The Item Could Not Be Deleted"), error->message);
      return;
    }

  /* Translators: %s is the name of what was deleted. */
  message = g_strdup_printf (_("“%s” moved to the trash. Press Ctrl+Z to undo."), title);
  ir_window_add_toast (self, message);
}

static void
show_trash_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  IrTrashDialog *dialog = ir_trash_dialog_new (GTK_WINDOW (self), self->store);

  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
present_review_cb (gpointer user_data)
{
  GtkWindow *review = user_data;

  gtk_window_fullscreen (review);
  gtk_window_present (review);

  return G_SOURCE_REMOVE;
}

/* Shows the review once the handler that asked for it has returned, so
 * that the review comes out on top even when the command line asked for
 * it and the app presents the main window afterwards. An idle callback
 * could wait behind the main window's frames. */
static void
present_review_later (GtkWindow *review)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, 0, present_review_cb, g_object_ref (review),
                      g_object_unref);
}

static void
main_window_mapped_cb (GtkWidget *window,
                       GtkWindow *review)
{
  g_signal_handlers_disconnect_by_func (window, main_window_mapped_cb, review);
  present_review_later (review);
}

/* Starts review mode, full screen on the window's monitor. */
static void
review_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrWindow *self = IR_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  IrReviewWindow *review = ir_review_window_new (GTK_WINDOW (self), self->store, &error);

  if (review == NULL)
    {
      ir_window_show_error (self, _("Review Mode Could Not Start"), error->message);
      return;
    }

  if (gtk_widget_get_mapped (widget))
    present_review_later (GTK_WINDOW (review));
  else
    g_signal_connect_object (widget, "map", G_CALLBACK (main_window_mapped_cb), review, 0);
}

/* --- public API ----------------------------------------------------------- */

void
ir_window_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-rooms", NULL,
                                   show_rooms_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.inbox", NULL, inbox_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL,
                                   show_shortcuts_activated_cb);
  gtk_widget_class_install_action (widget_class, "win.open-room", "s",
                                   open_room_activated_cb);

  gtk_widget_class_install_action (widget_class, "room.page", "s", page_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.undo", NULL, undo_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.redo", NULL, redo_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.history", "(ss)",
                                   history_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.trash-item", "(ss)",
                                   trash_item_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.show-trash", NULL,
                                   show_trash_activated_cb);
  gtk_widget_class_install_action (widget_class, "room.review", NULL, review_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "room.review", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "win.show-rooms", NULL);
  for (guint i = 0; page_names[i] != NULL; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "room.page", "s", page_names[i]);
}

/* Enables the room.* actions that the open room allows. */
void
ir_window_update_actions (IrWindow *self)
{
  gboolean open = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.inbox", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.page", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.history", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.trash-item", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.show-trash", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.review", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.undo",
                                 open && ir_store_can_undo (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "room.redo",
                                 open && ir_store_can_redo (self->store));
}

/* Counts what the inbox has not shown yet and puts it on the badge. */
void
ir_window_update_unread (IrWindow *self)
{
  g_autofree char *text = NULL;

  self->unread = self->store ? ir_inbox_count_unread (self->store) : 0;

  text = g_strdup_printf ("%u", MIN (self->unread, 99));
  gtk_label_set_label (self->inbox_badge, text);
  gtk_widget_set_visible (GTK_WIDGET (self->inbox_badge), self->unread > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->inbox_button), self->store != NULL);
}
