/* ir-application.c: the Iron Room application
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One window per process. The command line can open the demo room, a room
 * by id and a page; a second instance passes its command line to the
 * first, which then opens the requested room and page.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-application.h"
#include "ir-connect-dialog.h"
#include "ir-resources.h"

#ifdef HAVE_IR_DEMO
#include "ir-demo.h"
#endif

struct _IrApplication
{
  AdwApplication   parent_instance;

  IrRoomDirectory *rooms;
  IrSyncManager   *sync;
};

G_DEFINE_FINAL_TYPE (IrApplication, ir_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo room, creating it when it is missing"), NULL },
  { "room", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Open the room with this id"), N_("ID") },
  { "page", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Show this page of the room: map, drawings, plan or risks"), N_("PAGE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the version and exit"), NULL },
  { NULL }
};

/* --- helpers -------------------------------------------------------------- */

static IrWindow *
ensure_window (IrApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (ir_window_new (GTK_APPLICATION (self), self->rooms));

  return IR_WINDOW (window);
}

/* Opens the room the user had open last, or the first one. */
static void
open_last_room (IrApplication *self,
                IrWindow      *window)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = g_settings_get_string (settings, "last-room");
  g_autoptr(IrRoomInfo) first = NULL;
  IrRoomInfo *room = ir_room_directory_lookup (self->rooms, last);
  g_autoptr(GError) error = NULL;

  if (room == NULL)
    {
      first = g_list_model_get_item (G_LIST_MODEL (self->rooms), 0);
      room = first;
    }

  if (room != NULL && !ir_window_open_room (window, room, &error))
    g_warning ("Failed to open room %s: %s", ir_room_info_get_id (room), error->message);
}

#ifdef HAVE_IR_DEMO
/* Writes the demo room, dated from today, into a new room folder. */
static IrRoomInfo *
write_demo (IrApplication  *self,
            GError        **error)
{
  g_autoptr(IrRoomInfo) room = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  room = ir_room_directory_create_empty (self->rooms, &store, error);
  if (room == NULL)
    return NULL;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  /* A NULL language makes the demo follow the user's language. */
  if (!ir_demo_write (store, &today, NULL, error))
    {
      ir_store_close (store);
      ir_room_directory_discard (self->rooms, room);
      return NULL;
    }
  ir_store_close (store);
  g_clear_object (&store);

  /* Opened again to act as the member the demo chose for this replica. */
  store = ir_room_directory_open_store (self->rooms, room, error);
  if (store == NULL)
    return NULL;

  ir_room_directory_add (self->rooms, room, store);
  ir_store_close (store);

  return g_steal_pointer (&room);
}
#endif

static void
show_demo_error (IrApplication *self,
                 GError        *error)
{
  ir_window_show_error (ensure_window (self), _("The Demo Room Could Not Be Opened"),
                        error->message);
}

/* --- actions -------------------------------------------------------------- */

static void
new_room_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  IrApplication *self = user_data;
  IrWindow *window = ensure_window (self);

  gtk_window_present (GTK_WINDOW (window));
  ir_window_show_new_room (window);
}

static void
open_demo_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  IrApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!ir_application_open_demo (self, &error))
    show_demo_error (self, error);
  else
    gtk_window_present (GTK_WINDOW (ir_application_get_main_window (self)));
}

static void
server_room_ready_cb (IrApplication   *self,
                      IrRoomInfo      *room,
                      IrConnectDialog *dialog)
{
  IrWindow *window = ensure_window (self);
  g_autoptr(GError) error = NULL;

  if (!ir_window_open_room (window, room, &error))
    ir_window_show_error (window, _("The Room Could Not Be Opened"), error->message);
  gtk_window_present (GTK_WINDOW (window));
}

/* Signs in to a server and opens one of the user's rooms there. */
static void
connect_server_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  IrApplication *self = user_data;
  IrWindow *window = ensure_window (self);
  IrConnectDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  dialog = ir_connect_dialog_new (GTK_WINDOW (window), self->sync, IR_CONNECT_OPEN_ROOM);
  g_signal_connect_object (dialog, "room-ready", G_CALLBACK (server_room_ready_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  IrApplication *self = user_data;
  static const char *developers[] = { "The Iron Room authors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", _("Iron Room"),
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("The Iron Room authors"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The shared room of the team that wins and delivers "
                                      "a large deal: the customer’s decision makers, drawing "
                                      "reviews, the shared plan and three-tier risk alerts."),
                        "website", "https://github.com/ironroom/ironroom",
                        "issue-url", "https://github.com/ironroom/ironroom/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "copyright", "© 2026 The Iron Room authors",
                        "developers", developers,
                        /* Translators: replace with your names, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "new-room", new_room_activated_cb },
  { "open-demo", open_demo_activated_cb },
  { "connect-server", connect_server_activated_cb },
  { "about", about_activated_cb },
  { "quit", quit_activated_cb },
};

/* --- GApplication --------------------------------------------------------- */

static void
ir_application_startup (GApplication *application)
{
  IrApplication *self = IR_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_room_accels[] = { "<Control>n", NULL };
  static const char *inbox_accels[] = { "<Control>i", NULL };
  static const char *trash_accels[] = { "<Control><Shift>t", NULL };
  static const char *undo_accels[] = { "<Control>z", NULL };
  static const char *redo_accels[] = { "<Control><Shift>z", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };
  static const char *shortcuts_accels[] = { "<Control>question", NULL };

  G_APPLICATION_CLASS (ir_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-room",
                                         new_room_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.inbox", inbox_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "room.show-trash",
                                         trash_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "room.undo", undo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "room.redo", redo_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         close_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-shortcuts",
                                         shortcuts_accels);

  self->rooms = ir_room_directory_new (NULL);
  self->sync = ir_sync_manager_new (self->rooms);
  ir_sync_load_style ();
}

static void
ir_application_activate (GApplication *application)
{
  IrApplication *self = IR_APPLICATION (application);
  gboolean is_new = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  IrWindow *window = ensure_window (self);

  /* The room is opened before the window is shown, so that its first frame
   * already shows the room. */
  if (is_new)
    open_last_room (self, window);

  gtk_window_present (GTK_WINDOW (window));
}

static int
ir_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("ironroom %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static int
ir_application_command_line (GApplication            *application,
                             GApplicationCommandLine *command_line)
{
  IrApplication *self = IR_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;
  const char *room_id = NULL;
  const char *page = NULL;
  IrWindow *window;

  /* A room asked for on the command line takes the place of the last one. */
  if (!g_variant_dict_contains (options, "demo") &&
      !g_variant_dict_contains (options, "room"))
    g_application_activate (application);
  window = ensure_window (self);

  if (g_variant_dict_contains (options, "demo") && !ir_application_open_demo (self, &error))
    {
      g_application_command_line_printerr (command_line, "%s\n", error->message);
      show_demo_error (self, error);
      return 1;
    }

  if (g_variant_dict_lookup (options, "room", "&s", &room_id))
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-room", "s", room_id);

  if (g_variant_dict_lookup (options, "page", "&s", &page))
    gtk_widget_activate_action (GTK_WIDGET (window), "room.page", "s", page);

  gtk_window_present (GTK_WINDOW (window));

  return 0;
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_application_finalize (GObject *object)
{
  IrApplication *self = IR_APPLICATION (object);

  g_clear_object (&self->sync);
  g_clear_object (&self->rooms);

  G_OBJECT_CLASS (ir_application_parent_class)->finalize (object);
}

static void
ir_application_class_init (IrApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ir_application_finalize;
  application_class->startup = ir_application_startup;
  application_class->activate = ir_application_activate;
  application_class->handle_local_options = ir_application_handle_local_options;
  application_class->command_line = ir_application_command_line;

  /* The resources are linked from a static library, where a constructor
   * would be dropped by the linker, so they are registered here. */
  ir_register_resource ();
}

static void
ir_application_init (IrApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/* --- public API ----------------------------------------------------------- */

IrApplication *
ir_application_new (void)
{
  return g_object_new (IR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/ironroom/IronRoom",
                       NULL);
}

IrRoomDirectory *
ir_application_get_rooms (IrApplication *self)
{
  g_return_val_if_fail (IR_IS_APPLICATION (self), NULL);

  return self->rooms;
}

IrWindow *
ir_application_get_main_window (IrApplication *self)
{
  g_return_val_if_fail (IR_IS_APPLICATION (self), NULL);

  return IR_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (self)));
}

/* Returns the sessions on servers and the sync of the rooms. */
IrSyncManager *
ir_application_get_sync_manager (IrApplication *self)
{
  g_return_val_if_fail (IR_IS_APPLICATION (self), NULL);

  return self->sync;
}

/**
 * ir_application_open_demo:
 *
 * Opens the demo room in the main window, and writes it first when this
 * computer has none. The caller presents the window.
 */
gboolean
ir_application_open_demo (IrApplication  *self,
                          GError        **error)
{
  IrWindow *window = ensure_window (self);
  IrRoomInfo *room = ir_room_directory_find_demo (self->rooms);

  g_return_val_if_fail (IR_IS_APPLICATION (self), FALSE);

  if (room == NULL)
    {
#ifdef HAVE_IR_DEMO
      g_autoptr(IrRoomInfo) created = write_demo (self, error);

      return created != NULL && ir_window_open_room (window, created, error);
#else
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("This build of Iron Room has no demo room. Create a room "
                     "instead, or build a version that includes the demo."));
      return FALSE;
#endif
    }

  return ir_window_open_room (window, room, error);
}
