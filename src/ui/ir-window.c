/* ir-window.c: the main window: room list and room pages
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A leaflet contains the list of rooms and the open room, whose four pages
 * sit in a view stack. With no room on this computer the window shows the
 * welcome page instead. The window's actions are in ir-window-actions.c.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "drawings/ir-drawings-page.h"
#include "ir-inbox.h"
#include "ir-new-room-dialog.h"
#include "ir-welcome-page.h"
#include "ir-window-private.h"
#include "map/ir-map-page.h"
#include "plan/ir-plan-page.h"
#include "risks/ir-risks-page.h"

G_DEFINE_FINAL_TYPE (IrWindow, ir_window, ADW_TYPE_APPLICATION_WINDOW)

/* --- helpers -------------------------------------------------------------- */

static char *
dup_initial (const char *name)
{
  gunichar first;
  char buffer[8] = { 0, };

  if (name == NULL || name[0] == '\0')
    return g_strdup ("?");

  first = g_unichar_toupper (g_utf8_get_char (name));
  g_unichar_to_utf8 (first, buffer);

  return g_strdup (buffer);
}

static void
select_room_row (IrWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rooms));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrRoomInfo) info = g_list_model_get_item (G_LIST_MODEL (self->rooms), i);

      if (info == self->room)
        {
          gtk_list_box_select_row (self->room_list,
                                   gtk_list_box_get_row_at_index (self->room_list, i));
          return;
        }
    }

  gtk_list_box_unselect_all (self->room_list);
}

static GtkWidget *
get_page_widget (IrWindow   *self,
                 const char *name)
{
  if (g_strcmp0 (name, "drawings") == 0)
    return self->drawings_page;
  if (g_strcmp0 (name, "plan") == 0)
    return self->plan_page;
  if (g_strcmp0 (name, "risks") == 0)
    return self->risks_page;

  return self->map_page;
}

/* Gives @page the open room's store. Pages get it when they are first
 * shown, so that opening a room builds only the page in view. */
static void
bind_page (IrWindow  *self,
           GtkWidget *page)
{
  g_autoptr(IrStore) current = NULL;

  g_object_get (page, "store", &current, NULL);
  if (current != self->store)
    g_object_set (page, "store", self->store, NULL);
}

static void
unbind_pages (IrWindow *self)
{
  ir_map_page_set_store (IR_MAP_PAGE (self->map_page), NULL);
  ir_drawings_page_set_store (IR_DRAWINGS_PAGE (self->drawings_page), NULL);
  ir_drawings_page_watch_room (IR_DRAWINGS_PAGE (self->drawings_page), NULL);
  ir_plan_page_set_store (IR_PLAN_PAGE (self->plan_page), NULL);
  ir_risks_page_set_store (IR_RISKS_PAGE (self->risks_page), NULL);
  ir_inbox_popover_set_store (self->inbox_popover, NULL);
}

static void
update_title (IrWindow *self)
{
  const char *name = self->room ? ir_room_info_get_name (self->room) : NULL;
  const char *customer = self->room ? ir_room_info_get_customer (self->room) : NULL;

  adw_view_switcher_title_set_title (self->switcher_title, name ? name : _("Iron Room"));
  adw_view_switcher_title_set_subtitle (self->switcher_title, customer ? customer : "");
  gtk_window_set_title (GTK_WINDOW (self), name ? name : _("Iron Room"));
}

static void
update_main_page (IrWindow *self)
{
  gboolean has_rooms = g_list_model_get_n_items (G_LIST_MODEL (self->rooms)) > 0;

  gtk_stack_set_visible_child_name (self->main_stack,
                                    has_rooms || self->room ? "rooms" : "welcome");
}

/* Prints when the first frame with the room's data was drawn, for the
 * start-up benchmark, then quits. Times are CLOCK_MONOTONIC microseconds,
 * which the benchmark compares with its own clock. */
static void
report_first_frame (IrWindow *self)
{
  g_autofree char *status = NULL;
  const char *rss;
  long rss_kb = 0;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (rss = strstr (status, "VmRSS:")) != NULL)
    rss_kb = strtol (rss + strlen ("VmRSS:"), NULL, 10);

  printf ("first-frame %" G_GINT64_FORMAT " rss-kb %ld\n", g_get_monotonic_time (), rss_kb);
  fflush (stdout);

  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self))));
}

/* --- callbacks ------------------------------------------------------------ */

static GtkWidget *
create_room_row_cb (gpointer item,
                    gpointer user_data)
{
  IrRoomInfo *info = item;
  const char *customer = ir_room_info_get_customer (info);
  g_autofree char *initial = dup_initial (ir_room_info_get_name (info));
  GtkWidget *row, *box, *labels, *badge, *name, *detail;

  row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (row, "room-row");
  gtk_widget_set_name (row, ir_room_info_get_id (info));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  badge = gtk_label_new (initial);
  gtk_widget_add_css_class (badge, "room-initial");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), badge);

  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);

  name = gtk_label_new (ir_room_info_get_name (info));
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), name);

  if (ir_room_info_get_demo (info))
    detail = gtk_label_new (_("Demo room"));
  else
    detail = gtk_label_new (customer && customer[0] ? customer : _("No customer yet"));
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (labels), detail);

  return row;
}

static void
room_activated_cb (IrWindow      *self,
                   GtkListBoxRow *row,
                   GtkListBox    *list)
{
  g_autoptr(IrRoomInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  info = g_list_model_get_item (G_LIST_MODEL (self->rooms), gtk_list_box_row_get_index (row));
  if (info == NULL)
    return;

  if (info != self->room && !ir_window_open_room (self, info, &error))
    ir_window_show_error (self, _("The Room Could Not Be Opened"), error->message);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
rooms_changed_cb (IrWindow   *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  update_main_page (self);
  select_room_row (self);
}

/* Follows the room's name and customer, which any member may change. */
static void
room_entity_changed_cb (IrWindow   *self,
                        guint       position,
                        guint       removed,
                        guint       added,
                        GListModel *model)
{
  if (self->room == NULL || self->store == NULL)
    return;

  ir_room_directory_refresh_info (self->rooms, self->room, self->store);
  update_title (self);
  select_room_row (self);
}

static void
tx_applied_cb (IrWindow *self,
               guint     flags,
               IrStore  *store)
{
  ir_window_update_actions (self);
  ir_window_update_unread (self);
}

static gboolean
update_unread_cb (gpointer data)
{
  IrWindow *self = data;

  self->unread_idle_id = 0;
  ir_window_update_unread (self);

  return G_SOURCE_REMOVE;
}

static void
inbox_seen_cb (IrWindow       *self,
               IrInboxPopover *popover)
{
  ir_window_update_unread (self);
}

static void
visible_page_changed_cb (IrWindow     *self,
                         GParamSpec   *pspec,
                         AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (name == NULL || self->store == NULL)
    return;

  bind_page (self, get_page_widget (self, name));
  g_settings_set_string (self->settings, "last-page", name);
}

static void
after_paint_cb (IrWindow      *self,
                GdkFrameClock *clock)
{
  if (!self->report_first_frame || self->store == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (self->view_stack)))
    return;

  self->report_first_frame = FALSE;
  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, self);
  report_first_frame (self);
}

/* --- GtkWidget and GtkWindow ---------------------------------------------- */

static void
ir_window_realize (GtkWidget *widget)
{
  IrWindow *self = IR_WINDOW (widget);

  GTK_WIDGET_CLASS (ir_window_parent_class)->realize (widget);

  if (self->report_first_frame)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (after_paint_cb), self, G_CONNECT_SWAPPED);
}

static gboolean
ir_window_close_request (GtkWindow *window)
{
  IrWindow *self = IR_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (ir_window_parent_class)->close_request (window);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_window_dispose (GObject *object)
{
  IrWindow *self = IR_WINDOW (object);

  ir_window_close_room (self);
  g_clear_handle_id (&self->unread_idle_id, g_source_remove);
  if (self->rooms != NULL)
    g_signal_handlers_disconnect_by_func (self->rooms, rooms_changed_cb, self);
  g_clear_object (&self->rooms);

  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_WINDOW);

  G_OBJECT_CLASS (ir_window_parent_class)->dispose (object);
}

static void
ir_window_finalize (GObject *object)
{
  IrWindow *self = IR_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ir_window_parent_class)->finalize (object);
}

static void
ir_window_class_init (IrWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ir_window_dispose;
  object_class->finalize = ir_window_finalize;
  widget_class->realize = ir_window_realize;
  window_class->close_request = ir_window_close_request;

  g_type_ensure (IR_TYPE_WELCOME_PAGE);
  g_type_ensure (IR_TYPE_INBOX_POPOVER);
  g_type_ensure (IR_TYPE_MAP_PAGE);
  g_type_ensure (IR_TYPE_DRAWINGS_PAGE);
  g_type_ensure (IR_TYPE_PLAN_PAGE);
  g_type_ensure (IR_TYPE_RISKS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IrWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, room_list);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, inbox_button);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, inbox_popover);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, inbox_badge);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, room_stack);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, map_page);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, drawings_page);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, plan_page);
  gtk_widget_class_bind_template_child (widget_class, IrWindow, risks_page);

  ir_window_class_init_actions (widget_class);
  ir_window_class_init_sync (widget_class);
}

static void
ir_window_init (IrWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->report_first_frame = g_getenv ("IRONROOM_REPORT_FIRST_FRAME") != NULL;

  g_signal_connect_object (self->room_list, "row-activated",
                           G_CALLBACK (room_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (visible_page_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inbox_popover, "seen",
                           G_CALLBACK (inbox_seen_cb), self, G_CONNECT_SWAPPED);

  update_title (self);
  ir_window_update_actions (self);
}

/* --- public API ----------------------------------------------------------- */

IrWindow *
ir_window_new (GtkApplication  *application,
               IrRoomDirectory *rooms)
{
  IrWindow *self;

  g_return_val_if_fail (IR_IS_ROOM_DIRECTORY (rooms), NULL);

  self = g_object_new (IR_TYPE_WINDOW, "application", application, NULL);
  self->rooms = g_object_ref (rooms);
  gtk_list_box_bind_model (self->room_list, G_LIST_MODEL (rooms),
                           create_room_row_cb, NULL, NULL);
  g_signal_connect_object (rooms, "items-changed",
                           G_CALLBACK (rooms_changed_cb), self, G_CONNECT_SWAPPED);
  update_main_page (self);

  return self;
}

IrStore *
ir_window_get_store (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), NULL);

  return self->store;
}

IrRoomInfo *
ir_window_get_room (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), NULL);

  return self->room;
}

/* Returns the name of the visible page: map, drawings, plan or risks. */
const char *
ir_window_get_page (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
ir_window_close_room (IrWindow *self)
{
  g_return_if_fail (IR_IS_WINDOW (self));

  if (self->store == NULL)
    return;

  ir_window_sync_detach (self);
  unbind_pages (self);
  g_clear_signal_handler (&self->tx_applied_id, self->store);
  if (self->room_entities != NULL)
    g_signal_handlers_disconnect_by_func (self->room_entities, room_entity_changed_cb, self);
  g_clear_object (&self->room_entities);
  ir_store_close (self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->room);

  update_title (self);
  ir_window_update_actions (self);
  ir_window_update_unread (self);
}

/**
 * ir_window_open_room:
 *
 * Opens @room in place of the open room, on the page that was visible last,
 * and remembers it as the room to open on the next start.
 */
gboolean
ir_window_open_room (IrWindow    *self,
                     IrRoomInfo  *room,
                     GError     **error)
{
  g_autoptr(IrStore) store = NULL;
  g_autofree char *page = NULL;

  g_return_val_if_fail (IR_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (IR_IS_ROOM_INFO (room), FALSE);

  if (room == self->room)
    return TRUE;

  store = ir_room_directory_open_store (self->rooms, room, error);
  if (store == NULL)
    {
      /* The icon is set only now, since loading it costs start-up time. */
      adw_status_page_set_icon_name (self->error_page, "dialog-warning-symbolic");
      adw_status_page_set_description (self->error_page, (*error)->message);
      gtk_stack_set_visible_child_name (self->room_stack, "error");
      return FALSE;
    }

  ir_window_close_room (self);
  self->store = g_steal_pointer (&store);
  self->room = g_object_ref (room);
  ir_room_directory_refresh_info (self->rooms, room, self->store);

  self->room_entities = ir_store_list (self->store, "room");
  g_signal_connect_object (self->room_entities, "items-changed",
                           G_CALLBACK (room_entity_changed_cb), self, G_CONNECT_SWAPPED);
  self->tx_applied_id = g_signal_connect_object (self->store, "tx-applied",
                                                 G_CALLBACK (tx_applied_cb), self,
                                                 G_CONNECT_SWAPPED);

  page = g_settings_get_string (self->settings, "last-page");
  adw_view_stack_set_visible_child_name (self->view_stack, page);
  bind_page (self, get_page_widget (self, page));
  ir_inbox_popover_set_store (self->inbox_popover, self->store);
  ir_drawings_page_watch_room (IR_DRAWINGS_PAGE (self->drawings_page), self->store);
  gtk_stack_set_visible_child_name (self->room_stack, "pages");
  g_settings_set_string (self->settings, "last-room", ir_room_info_get_id (room));

  update_title (self);
  update_main_page (self);
  select_room_row (self);

  /* A narrow window shows the room, not the list it was opened from. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  ir_window_update_actions (self);
  gtk_widget_set_visible (GTK_WIDGET (self->inbox_button), TRUE);
  ir_window_sync_attach (self);

  /* The unread count reads the log, which can wait for the first frame. */
  g_clear_handle_id (&self->unread_idle_id, g_source_remove);
  self->unread_idle_id = g_idle_add_full (G_PRIORITY_LOW, update_unread_cb,
                                          g_object_ref (self), g_object_unref);

  return TRUE;
}

void
ir_window_add_toast (IrWindow   *self,
                     const char *message)
{
  AdwToast *toast;

  g_return_if_fail (IR_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
ir_window_show_error (IrWindow   *self,
                      const char *heading,
                      const char *message)
{
  GtkWidget *dialog;

  g_return_if_fail (IR_IS_WINDOW (self));

  g_warning ("%s: %s", heading, message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

guint
ir_window_get_unread_count (IrWindow *self)
{
  g_return_val_if_fail (IR_IS_WINDOW (self), 0);

  return self->unread;
}

/* --- new room ------------------------------------------------------------- */

static void
new_room_response_cb (IrNewRoomDialog *dialog,
                      const char      *response,
                      IrWindow        *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  IrRoomInfo *room;

  if (!g_str_equal (response, "create"))
    return;

  room = ir_room_directory_create (self->rooms,
                                   ir_new_room_dialog_get_name (dialog),
                                   ir_new_room_dialog_get_customer (dialog),
                                   FALSE, &store, &error);
  if (room != NULL)
    {
      ir_store_close (store);
      if (!ir_window_open_room (self, room, &error))
        ir_window_show_error (self, _("The Room Could Not Be Opened"), error->message);
      g_object_unref (room);
      return;
    }

  ir_window_show_error (self, _("The Room Could Not Be Created"), error->message);
}

/* Asks for a name and a customer, then creates the room and opens it. */
void
ir_window_show_new_room (IrWindow *self)
{
  IrNewRoomDialog *dialog;

  g_return_if_fail (IR_IS_WINDOW (self));

  dialog = ir_new_room_dialog_new (GTK_WINDOW (self));
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_room_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
