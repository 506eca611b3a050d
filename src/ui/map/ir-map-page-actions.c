/* ir-map-page-actions.c: the map.* actions: adding people, arranging,
 * zooming, filters, exports and printing
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ir-map-dialogs.h"
#include "ir-map-layout.h"
#include "ir-map-page-private.h"
#include "ir-map-render.h"
#include "ir-window.h"

/* --- helpers -------------------------------------------------------------- */

void
ir_map_page_toast (IrMapPage  *self,
                   const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IR_IS_WINDOW (root))
    ir_window_add_toast (IR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static GtkWindow *
window_of (IrMapPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static char *
dup_room_name (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  const char *name = room ? ir_entity_get_string (room, "name") : NULL;

  return g_strdup (name && name[0] ? name : _("Decision map"));
}

/* --- filters -------------------------------------------------------------- */

/* Applies the search and filters to the canvas, the people list and the
 * coverage table, and shows how many people they keep. */
void
ir_map_page_update_filter (IrMapPage *self)
{
  gboolean empty = ir_map_filter_is_empty (self->filter);

  ir_map_canvas_set_filter (self->canvas, self->filter);
  gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
  ir_map_coverage_view_refilter (self->coverage_view);

  if (empty)
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");

  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), !empty && self->people != NULL);
  if (!empty && self->people != NULL)
    {
      guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->people));
      guint total = g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders));
      /* Translators: how many people the search and filters keep. */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u shown",
                                                            "%u of %u shown", total),
                                               shown, total);

      gtk_label_set_label (self->filter_label, text);
    }
}

/* Lists the room's departments in the department filter, keeping the one
 * chosen. */
void
ir_map_page_update_departments (IrMapPage *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n = self->stakeholders ? g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)) : 0;
  guint selected = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (self->stakeholders), i);
      const char *department = ir_entity_get_string (person, "department");

      if (department != NULL &&
          !g_ptr_array_find_with_equal_func (names, department, g_str_equal, NULL))
        g_ptr_array_add (names, g_strdup (department));
    }
  g_ptr_array_sort (names, (GCompareFunc) g_utf8_collate);

  if (names->len == self->departments->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < names->len; i++)
        same = g_str_equal (names->pdata[i], self->departments->pdata[i]);
      if (same)
        return;
    }

  gtk_string_list_append (model, _("All departments"));
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (model, names->pdata[i]);
      if (g_strcmp0 (names->pdata[i], self->filter->department) == 0)
        selected = i + 1;
    }

  g_ptr_array_unref (self->departments);
  self->departments = g_steal_pointer (&names);
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (self->department_dropdown, selected);
}

static void
clear_filters_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->department_dropdown, 0);
  gtk_drop_down_set_selected (self->stance_dropdown, 0);
  gtk_drop_down_set_selected (self->role_dropdown, 0);
  gtk_drop_down_set_selected (self->coverage_dropdown, 0);
  gtk_menu_button_popdown (self->filter_button);
}

static void
search_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* --- people --------------------------------------------------------------- */

static void
added_cb (const char *eid,
          gpointer    user_data)
{
  IrMapPage *self = user_data;

  ir_map_page_set_view (self, "map");
  ir_map_canvas_select (self->canvas, eid, TRUE);
}

static void
add_at (IrMapPage *self,
        double     x,
        double     y)
{
  if (self->store == NULL)
    return;

  ir_map_dialog_add_stakeholder (GTK_WIDGET (self), self->store, x, y, added_cb,
                                 g_object_ref (self), g_object_unref);
}

static void
add_stakeholder_activated_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  double x = NAN, y = NAN;

  if (gtk_widget_get_mapped (GTK_WIDGET (self->canvas)) &&
      ir_map_canvas_get_n_cards (self->canvas) > 0)
    {
      ir_map_canvas_get_view_center (self->canvas, &x, &y);
      x = round (x - IR_MAP_CARD_WIDTH / 2);
      y = round (y - IR_MAP_CARD_HEIGHT / 2);
    }

  add_at (self, x, y);
}

static void
add_stakeholder_at_activated_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  double x, y;

  g_variant_get (parameter, "(dd)", &x, &y);
  add_at (IR_MAP_PAGE (widget), round (x - IR_MAP_CARD_WIDTH / 2), round (y - IR_MAP_CARD_HEIGHT / 2));
}

static void
select_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);

  ir_map_canvas_select (self->canvas, g_variant_get_string (parameter, NULL), TRUE);
}

/* --- arranging and zooming ------------------------------------------------ */

static void
report_arranged (IrMapPage *self,
                 guint      moved)
{
  g_autofree char *message = NULL;

  if (moved == 0)
    message = g_strdup (_("The map is arranged already."));
  else
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "Arranged %u card; cards placed by hand stayed. Press "
                                            "Ctrl+Z to undo.",
                                            "Arranged %u cards; cards placed by hand stayed. Press "
                                            "Ctrl+Z to undo.", moved), moved);
  ir_map_page_toast (self, message);
  ir_map_canvas_zoom_to_fit (self->canvas);
}

static void
auto_layout_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint moved = 0;

  if (self->store == NULL)
    return;

  if (!ir_map_auto_layout (self->store, &moved, &error))
    {
      ir_map_page_toast (self, error->message);
      return;
    }

  report_arranged (self, moved);
}

static void
release_cards_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  g_autoptr(GError) error = NULL;
  guint released = 0, moved = 0;

  if (self->store == NULL)
    return;

  if (!ir_map_unpin_all (self->store, &released, &error) ||
      !ir_map_auto_layout (self->store, &moved, &error))
    {
      ir_map_page_toast (self, error->message);
      return;
    }

  report_arranged (self, moved);
}

static void
zoom_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  g_autofree char *canvas_action = g_strconcat ("canvas.", action_name + strlen ("map."), NULL);

  ir_map_page_set_view (self, "map");
  gtk_widget_activate_action (GTK_WIDGET (self->canvas), canvas_action, NULL);
}

/* --- exports -------------------------------------------------------------- */

static void
export_to (IrMapPage         *self,
           IrMapExportFormat  format,
           const char        *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = g_path_get_basename (path);

  if (!ir_map_export (self->store, format, path, &error))
    {
      ir_map_page_toast (self, error->message);
      return;
    }

  /* Translators: %s is a file name. */
  message = g_strdup_printf (_("Map exported to “%s”."), basename);
  ir_map_page_toast (self, message);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    IrMapPage       *self)
{
  IrMapExportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "ir-format"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = file ? g_file_get_path (file) : NULL;
      if (path != NULL && self->store != NULL)
        export_to (self, format, path);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  const char *name = g_variant_get_string (parameter, NULL);
  g_autofree char *room = NULL;
  g_autofree char *file_name = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  IrMapExportFormat format;

  if (self->store == NULL || !ir_map_export_format_from_name (name, &format))
    return;

  room = dup_room_name (self->store);
  /* Translators: the file name an exported map gets; %s is the room, then the extension. */
  file_name = g_strdup_printf (_("%s decision map.%s"), room, name);
  pattern = g_strconcat ("*.", name, NULL);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, name);

  chooser = gtk_file_chooser_native_new (_("Export the Decision Map"), window_of (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_set_data (G_OBJECT (chooser), "ir-format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Exports without asking where: (format, path). Tests and scripts use it. */
static void
export_to_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  const char *name, *path;
  IrMapExportFormat format;

  g_variant_get (parameter, "(&s&s)", &name, &path);
  if (self->store != NULL && ir_map_export_format_from_name (name, &format))
    export_to (self, format, path);
}

/* --- printing ------------------------------------------------------------- */

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              IrMapScene        *scene)
{
  ir_map_scene_render_page (scene, gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));
}

static void
scene_closure_free (gpointer  data,
                    GClosure *closure)
{
  ir_map_scene_free (data);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               IrMapPage               *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      ir_map_page_toast (self, error->message);
    }

  g_object_unref (operation);
}

static void
print_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrMapPage *self = IR_MAP_PAGE (widget);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *room = NULL;
  GtkPrintOperation *operation;
  IrMapScene *scene;

  if (self->store == NULL)
    return;

  room = dup_room_name (self->store);
  scene = ir_map_scene_new (self->store, NULL);
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_n_pages (operation, 1);
  gtk_print_operation_set_job_name (operation, room);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb), scene,
                         scene_closure_free, 0);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               window_of (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    ir_map_page_toast (self, error->message);
}

/* --- set-up --------------------------------------------------------------- */

void
ir_map_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "map.view", "view");
  gtk_widget_class_install_property_action (widget_class, "map.show-people", "show-people");
  gtk_widget_class_install_action (widget_class, "map.add-stakeholder", NULL,
                                   add_stakeholder_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.add-stakeholder-at", "(dd)",
                                   add_stakeholder_at_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.select", "s", select_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.auto-layout", NULL, auto_layout_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.release-cards", NULL,
                                   release_cards_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.export", "s", export_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.export-to", "(ss)", export_to_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.print", NULL, print_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.clear-filters", NULL,
                                   clear_filters_activated_cb);
  gtk_widget_class_install_action (widget_class, "map.search", NULL, search_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "map.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "map.show-people", NULL);
}
