/* ir-plan-page-actions.c: the plan.* actions of the plan page
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command of the page is an action, so that buttons, menus,
 * shortcuts and tests drive the same code. Undo and redo are the window's
 * room.undo and room.redo, since every edit here is a transaction.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-confirm-dialog.h"
#include "ir-gantt-print.h"
#include "ir-plan-page-private.h"
#include "ir-plan-transfer.h"
#include "ir-ui-util.h"

typedef gboolean (*SaveFunc) (IrPlanPage  *self,
                              const char  *path,
                              GError     **error);

/* --- helpers -------------------------------------------------------------- */

static GtkWindow *
page_window (IrPlanPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static IrEntity *
get_room (IrPlanPage *self)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (self->store, "room");

  return g_list_model_get_item (G_LIST_MODEL (rooms), 0);
}

static void
fill_print_job (IrPlanPage      *self,
                IrGanttPrintJob *job,
                IrEntity        *room)
{
  *job = (IrGanttPrintJob) {
    .schedule = self->schedule,
    .rows = ir_plan_rows_get_tasks (self->rows),
    .seal_states = self->seal_states,
    .zoom = ir_gantt_timeline_get_zoom (self->timeline),
    .baseline = ir_gantt_timeline_get_baseline (self->timeline),
    .today = ir_gantt_timeline_get_today (self->timeline),
    .title = room ? ir_entity_get_string (room, "name") : NULL,
    .subtitle = room ? ir_entity_get_string (room, "customer") : NULL,
  };
}

/* Asks where to save, then calls @save with the path. */
static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  IrPlanPage      *self)
{
  SaveFunc save = g_object_get_data (G_OBJECT (chooser), "ir-save-func");
  const char *done = g_object_get_data (G_OBJECT (chooser), "ir-save-done");

  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        ir_plan_page_show_error (self, _("The File Could Not Be Saved"),
                                 _("Choose a file on this computer."));
      else if (!save (self, path, &error))
        ir_plan_page_show_error (self, _("The File Could Not Be Saved"), error->message);
      else
        ir_plan_page_show_toast (self, done);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
ask_and_save (IrPlanPage *self,
              const char *title,
              const char *file_name,
              SaveFunc    save,
              const char *done)
{
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (title, page_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), file_name);
  g_object_set_data (G_OBJECT (chooser), "ir-save-func", save);
  g_object_set_data_full (G_OBJECT (chooser), "ir-save-done", g_strdup (done), g_free);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* A file name from the room's name, without characters that file systems
 * refuse. */
static char *
file_name_for (IrPlanPage *self,
               const char *suffix)
{
  g_autoptr(IrEntity) room = get_room (self);
  g_autofree char *base = g_strdup (room && ir_entity_get_string (room, "name")
                                    ? ir_entity_get_string (room, "name") : _("Plan"));

  g_strdelimit (base, "/\\:*?\"<>|", '-');
  return g_strconcat (base, suffix, NULL);
}

/* --- savers --------------------------------------------------------------- */

static gboolean
save_ics (IrPlanPage  *self,
          const char  *path,
          GError     **error)
{
  return ir_plan_export_ics (self->store, self->schedule, path, error);
}

static gboolean
save_mspdi (IrPlanPage  *self,
            const char  *path,
            GError     **error)
{
  return ir_plan_export_mspdi (self->schedule, path, error);
}

static gboolean
save_pdf (IrPlanPage  *self,
          const char  *path,
          GError     **error)
{
  g_autoptr(IrEntity) room = get_room (self);
  IrGanttPrintJob job;

  fill_print_job (self, &job, room);
  return ir_gantt_export_pdf (&job, path, NULL, error);
}

static gboolean
save_sheet (IrPlanPage  *self,
            const char  *path,
            GError     **error)
{
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);
  g_autoptr(IrEntity) room = get_room (self);
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrEntity) me = ir_store_find_own_member (self->store);
  g_autofree char *prepared_by = NULL;
  char committed[IR_DAY_STRING_SIZE] = "", forecast[IR_DAY_STRING_SIZE] = "";
  IrSealSheet sheet = { 0 };

  if (task == NULL)
    return TRUE;

  entity = ir_store_get_entity (self->store, "task", task->id);
  prepared_by = me ? ir_member_dup_name (self->store, ir_entity_get_id (me)) : NULL;
  sheet = (IrSealSheet) {
    .room_name = room ? ir_entity_get_string (room, "name") : NULL,
    .customer = room ? ir_entity_get_string (room, "customer") : NULL,
    .milestone_title = task->name,
    .deliverable = entity ? ir_entity_get_string (entity, "deliverable") : NULL,
    .committed = task->committed != IR_DAY_NONE ? ir_day_format (task->committed, committed)
                                                : NULL,
    .forecast = task->start != IR_DAY_NONE ? ir_day_format (task->start, forecast) : NULL,
    .prepared_by = prepared_by,
    .reference = task->id,
  };

  return ir_seal_write_sheet (&sheet, path, error);
}

/* --- callbacks ------------------------------------------------------------ */

static void
add_task_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ir_plan_page_add_task (IR_PLAN_PAGE (widget), g_str_equal (action_name, "plan.add-milestone"));
}

static void
indent_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ir_plan_page_indent (IR_PLAN_PAGE (widget), g_str_equal (action_name, "plan.outdent"));
}

static void
delete_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ir_plan_page_delete_task (IR_PLAN_PAGE (widget));
}

static void
save_baseline_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);

  if (ir_plan_page_save_baseline (self))
    {
      g_object_set (self, "show-baseline", FALSE, NULL);
      g_object_set (self, "show-baseline", TRUE, NULL);
      ir_plan_page_show_toast (self, _("Baseline saved. Its dates show as grey bars under the "
                                       "tasks."));
    }
}

static void
zoom_step_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);
  IrGanttZoom zoom = ir_gantt_timeline_get_zoom (self->timeline);

  if (g_str_equal (action_name, "plan.zoom-in") && zoom > IR_GANTT_ZOOM_DAYS)
    zoom--;
  else if (g_str_equal (action_name, "plan.zoom-out") && zoom < IR_GANTT_ZOOM_LAST)
    zoom++;

  g_object_set (self, "zoom", ir_gantt_zoom_to_string (zoom), NULL);
}

static void
today_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);

  ir_gantt_timeline_scroll_to_day (self->timeline, ir_gantt_timeline_get_today (self->timeline));
}

static void
select_task_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ir_plan_page_select_task (IR_PLAN_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
move_task_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  const char *task_id;
  gint32 value;

  g_variant_get (parameter, "(&si)", &task_id, &value);
  if (g_str_equal (action_name, "plan.move-task"))
    ir_plan_page_move_task (IR_PLAN_PAGE (widget), task_id, value);
  else
    ir_plan_page_resize_task (IR_PLAN_PAGE (widget), task_id, value);
}

static void
link_tasks_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  const char *from, *to;

  g_variant_get (parameter, "(&s&s)", &from, &to);
  ir_plan_page_link_tasks (IR_PLAN_PAGE (widget), from, to);
}

static void
confirm_sealed_cb (IrConfirmDialog *dialog,
                   const char      *confirmation_id,
                   IrPlanPage      *self)
{
  ir_plan_page_show_toast (self, _("The customer’s confirmation is recorded and sealed."));
}

static void
confirm_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);
  IrConfirmDialog *dialog;

  if (task == NULL || !task->milestone)
    {
      ir_plan_page_show_toast (self, _("Select the milestone that the customer confirmed."));
      return;
    }

  dialog = ir_confirm_dialog_new (page_window (self), self->store, task->id, task->start);
  g_signal_connect_object (dialog, "sealed", G_CALLBACK (confirm_sealed_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sign_off_sheet_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);
  g_autofree char *name = NULL;

  if (task == NULL)
    return;

  /* Translators: the file name of a sign-off sheet; %s is the milestone. */
  name = g_strdup_printf (_("Sign-off %s.pdf"), task->name ? task->name : "");
  g_strdelimit (name, "/\\:*?\"<>|", '-');
  ask_and_save (self, _("Save the Sign-off Sheet"), name, save_sheet,
                _("Sign-off sheet saved. Print it for the customer to sign."));
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);
  g_autofree char *name = NULL;

  if (g_str_equal (action_name, "plan.export-ics"))
    {
      name = file_name_for (self, ".ics");
      ask_and_save (self, _("Export Milestones to a Calendar File"), name, save_ics,
                    _("Committed milestones exported. Import the file into a calendar."));
    }
  else if (g_str_equal (action_name, "plan.export-mspdi"))
    {
      name = file_name_for (self, ".xml");
      ask_and_save (self, _("Export as Microsoft Project XML"), name, save_mspdi,
                    _("Plan exported as Microsoft Project XML."));
    }
  else
    {
      name = file_name_for (self, ".pdf");
      ask_and_save (self, _("Export the Gantt Chart as PDF"), name, save_pdf,
                    _("Gantt chart exported as PDF."));
    }
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    IrPlanPage      *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->store != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;
      guint n_tasks = 0;

      if (path == NULL || !ir_plan_import_mspdi (self->store, path, &n_tasks, &error))
        {
          ir_plan_page_show_error (self, _("The Plan Could Not Be Imported"),
                                   error ? error->message : _("Choose a file on this computer."));
        }
      else
        {
          g_autofree char *message =
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Imported %u task. Press Ctrl+Z to undo.",
                                          "Imported %u tasks. Press Ctrl+Z to undo.", n_tasks),
                             n_tasks);

          ir_plan_page_show_toast (self, message);
        }
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
import_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import Microsoft Project XML"), page_window (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Microsoft Project XML files"));
  gtk_file_filter_add_pattern (filter, "*.xml");
  gtk_file_filter_add_pattern (filter, "*.XML");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
print_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrPlanPage *self = IR_PLAN_PAGE (widget);
  g_autoptr(IrEntity) room = get_room (self);
  IrGanttPrintJob job;

  fill_print_job (self, &job, room);
  ir_gantt_print (&job, page_window (self));
}

/* --- public API ----------------------------------------------------------- */

void
ir_plan_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.add-task", NULL, add_task_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.add-milestone", NULL,
                                   add_task_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.indent", NULL, indent_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.outdent", NULL, indent_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.delete", NULL, delete_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.select-task", "s",
                                   select_task_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.move-task", "(si)",
                                   move_task_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.resize-task", "(si)",
                                   move_task_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.link-tasks", "(ss)",
                                   link_tasks_activated_cb);
  gtk_widget_class_install_property_action (widget_class, "plan.zoom", "zoom");
  gtk_widget_class_install_action (widget_class, "plan.zoom-in", NULL, zoom_step_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.zoom-out", NULL, zoom_step_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.today", NULL, today_activated_cb);
  gtk_widget_class_install_property_action (widget_class, "plan.show-baseline", "show-baseline");
  gtk_widget_class_install_action (widget_class, "plan.save-baseline", NULL,
                                   save_baseline_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.confirm", NULL, confirm_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.sign-off-sheet", NULL,
                                   sign_off_sheet_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.export-ics", NULL, export_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.export-mspdi", NULL, export_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.export-pdf", NULL, export_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.import-mspdi", NULL, import_activated_cb);
  gtk_widget_class_install_action (widget_class, "plan.print", NULL, print_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "plan.add-task", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right,
                                       GDK_ALT_MASK | GDK_SHIFT_MASK, "plan.indent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left,
                                       GDK_ALT_MASK | GDK_SHIFT_MASK, "plan.outdent", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "plan.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "plan.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_t, GDK_CONTROL_MASK,
                                       "plan.today", NULL);
}

/* Enables the actions that the open plan and the selection allow. */
void
ir_plan_page_update_actions (IrPlanPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  IrScheduleTask *task = self->timeline ? ir_plan_page_get_selected_task (self) : NULL;
  gboolean open = self->store != NULL;
  gboolean planned = open && self->schedule != NULL;
  gboolean selected = planned && task != NULL;

  gtk_widget_action_set_enabled (widget, "plan.add-task", open);
  gtk_widget_action_set_enabled (widget, "plan.add-milestone", open);
  gtk_widget_action_set_enabled (widget, "plan.indent", selected);
  gtk_widget_action_set_enabled (widget, "plan.outdent", selected);
  gtk_widget_action_set_enabled (widget, "plan.delete", selected);
  gtk_widget_action_set_enabled (widget, "plan.confirm", selected && task->milestone);
  gtk_widget_action_set_enabled (widget, "plan.sign-off-sheet", selected && task->milestone);
  gtk_widget_action_set_enabled (widget, "plan.save-baseline", planned);
  gtk_widget_action_set_enabled (widget, "plan.export-ics", planned);
  gtk_widget_action_set_enabled (widget, "plan.export-mspdi", planned);
  gtk_widget_action_set_enabled (widget, "plan.export-pdf", planned);
  gtk_widget_action_set_enabled (widget, "plan.print", planned);
  gtk_widget_action_set_enabled (widget, "plan.import-mspdi", open);
}
