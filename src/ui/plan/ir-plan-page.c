/* ir-plan-page.c: the plan page: a task table beside a Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page loads the room's plan into a schedule, computes it and shows it
 * as rows of a table and of a timeline. Loading and following the store
 * are in ir-plan-page-load.c, seals and details in ir-plan-page-details.c,
 * edits in ir-plan-page-edit.c, actions in ir-plan-page-actions.c and the
 * table in ir-plan-table.c.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-plan-page-private.h"
#include "ir-ui-util.h"
#include "ir-window.h"

G_DEFINE_FINAL_TYPE (IrPlanPage, ir_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ZOOM,
  PROP_SHOW_BASELINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- messages ------------------------------------------------------------- */

/* Shows why an edit was refused or failed. The refusals here are the
 * user's to fix (a cycle, a value out of range), so they are not logged as
 * warnings. */
void
ir_plan_page_show_error (IrPlanPage *self,
                         const char *heading,
                         const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_debug ("%s: %s", heading, message);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ir_plan_page_show_toast (IrPlanPage *self,
                         const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IR_IS_WINDOW (root))
    ir_window_add_toast (IR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

/* --- callbacks ------------------------------------------------------------ */

static void
selection_changed_cb (IrPlanPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  ir_gantt_timeline_set_selected_row (self->timeline,
                                      position == GTK_INVALID_LIST_POSITION ? -1 : (int) position);
  ir_plan_page_update_details (self);
  ir_plan_page_update_actions (self);
}

static void
row_selected_cb (IrPlanPage      *self,
                 int              row,
                 IrGanttTimeline *timeline)
{
  gtk_single_selection_set_selected (self->selection, row);
}

static void
task_moved_cb (IrPlanPage *self,
               const char *task_id,
               int         start)
{
  ir_plan_page_move_task (self, task_id, start);
}

static void
task_resized_cb (IrPlanPage *self,
                 const char *task_id,
                 int         duration)
{
  ir_plan_page_resize_task (self, task_id, duration);
}

static void
link_requested_cb (IrPlanPage *self,
                   const char *predecessor_id,
                   const char *successor_id)
{
  ir_plan_page_link_tasks (self, predecessor_id, successor_id);
}

static void
task_activated_cb (IrPlanPage *self,
                   const char *task_id)
{
  IrScheduleTask *task = self->schedule ? ir_schedule_lookup_task (self->schedule, task_id) : NULL;

  if (task != NULL && task->key_milestone)
    gtk_widget_activate_action (GTK_WIDGET (self), "plan.confirm", NULL);
}

/* Keeps the chart's rows level with the table's: the same header height
 * and the same row height, which the table's style sets. */
static void
align_timeline (IrPlanPage *self)
{
  GtkWidget *header = gtk_widget_get_first_child (GTK_WIDGET (self->table));
  GtkWidget *list = header ? gtk_widget_get_next_sibling (header) : NULL;
  int header_height = header ? gtk_widget_get_height (header) : 0;

  if (header_height > 0)
    {
      ir_gantt_timeline_set_header_height (self->timeline, header_height);
      gtk_widget_set_margin_top (GTK_WIDGET (self->timeline_vscrollbar), header_height);
    }

  /* Every row has the height that the style sheet gives it, so the first
   * row on screen is measured. */
  for (GtkWidget *child = list ? gtk_widget_get_first_child (list) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_css_name (child), "row") == 0 &&
          gtk_widget_get_height (child) > 8)
        {
          ir_gantt_timeline_set_row_height (self->timeline, gtk_widget_get_height (child));
          break;
        }
    }
}

static void
table_adjustment_changed_cb (IrPlanPage *self)
{
  align_timeline (self);
}

static gboolean
align_after_map_cb (gpointer data)
{
  align_timeline (data);
  return G_SOURCE_REMOVE;
}

static void
table_mapped_cb (IrPlanPage *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, align_after_map_cb, g_object_ref (self),
                   g_object_unref);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_plan_page_dispose (GObject *object)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  ir_plan_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_PLAN_PAGE);

  G_OBJECT_CLASS (ir_plan_page_parent_class)->dispose (object);
}

static void
ir_plan_page_finalize (GObject *object)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->member_names);
  g_ptr_array_unref (self->member_ids);
  g_hash_table_unref (self->owners);
  g_hash_table_unref (self->seals);
  g_clear_pointer (&self->seal_states, g_hash_table_unref);
  g_free (self->load_error);

  G_OBJECT_CLASS (ir_plan_page_parent_class)->finalize (object);
}

static void
ir_plan_page_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ZOOM:
      g_value_set_string (value,
                          ir_gantt_zoom_to_string (ir_gantt_timeline_get_zoom (self->timeline)));
      break;

    case PROP_SHOW_BASELINE:
      g_value_set_boolean (value, ir_gantt_timeline_get_baseline (self->timeline) >= 0);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_zoom (IrPlanPage *self,
          const char *name)
{
  IrGanttZoom zoom;

  if (!ir_gantt_zoom_from_string (name, &zoom))
    {
      g_warning ("Unknown zoom “%s”; expected days, weeks, months or quarters", name);
      return;
    }

  if (zoom == ir_gantt_timeline_get_zoom (self->timeline))
    return;

  ir_gantt_timeline_set_zoom (self->timeline, zoom);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Shows the ghosts of the latest saved baseline, or hides them. */
static void
set_show_baseline (IrPlanPage *self,
                   gboolean    show)
{
  int number = -1;

  if (show == (ir_gantt_timeline_get_baseline (self->timeline) >= 0))
    return;

  if (show)
    {
      g_autoptr(IrEntityList) baselines = ir_store_list (self->store, "baseline");
      guint n = g_list_model_get_n_items (G_LIST_MODEL (baselines));

      number = 0;
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IrEntity) baseline = g_list_model_get_item (G_LIST_MODEL (baselines), i);

          number = MAX (number, (int) ir_entity_get_int (baseline, "number"));
        }
    }

  ir_gantt_timeline_set_baseline (self->timeline, number);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_BASELINE]);
}

static void
ir_plan_page_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_plan_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_ZOOM:
      set_zoom (self, g_value_get_string (value));
      break;

    case PROP_SHOW_BASELINE:
      set_show_baseline (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_plan_page_class_init (IrPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_plan_page_dispose;
  object_class->finalize = ir_plan_page_finalize;
  object_class->get_property = ir_plan_page_get_property;
  object_class->set_property = ir_plan_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_string ("zoom", NULL, NULL, "weeks",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_BASELINE] =
    g_param_spec_boolean ("show-baseline", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IR_TYPE_GANTT_TIMELINE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, table);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, table_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, timeline);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, timeline_hscrollbar);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, timeline_vscrollbar);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, paned);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, banner);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, banner_label);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, details);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, details_title);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, details_facts);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, details_seal);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, details_void);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, sheet_button);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, total_count);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, milestones_count);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, confirmed_count);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, late_count);

  ir_plan_page_class_init_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_plan_page_init (IrPlanPage *self)
{
  GtkAdjustment *vadjustment;

  self->seals = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                       (GDestroyNotify) ir_seal_status_free);
  self->member_names = gtk_string_list_new (NULL);
  self->member_ids = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = ir_plan_rows_new ();
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);

  gtk_widget_init_template (GTK_WIDGET (self));
  ir_plan_table_setup (self);

  vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->table));
  ir_gantt_timeline_set_vadjustment (self->timeline, vadjustment);
  gtk_scrollbar_set_adjustment (self->timeline_vscrollbar, vadjustment);
  gtk_scrollbar_set_adjustment (self->timeline_hscrollbar,
                                ir_gantt_timeline_get_hadjustment (self->timeline));

  g_signal_connect_swapped (self->selection, "notify::selected",
                            G_CALLBACK (selection_changed_cb), self);
  g_signal_connect_swapped (self->timeline, "row-selected", G_CALLBACK (row_selected_cb), self);
  g_signal_connect_swapped (self->timeline, "task-moved", G_CALLBACK (task_moved_cb), self);
  g_signal_connect_swapped (self->timeline, "task-resized", G_CALLBACK (task_resized_cb), self);
  g_signal_connect_swapped (self->timeline, "link-requested",
                            G_CALLBACK (link_requested_cb), self);
  g_signal_connect_swapped (self->timeline, "task-activated",
                            G_CALLBACK (task_activated_cb), self);
  g_signal_connect_object (vadjustment, "changed", G_CALLBACK (table_adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->table, "map", G_CALLBACK (table_mapped_cb), self);

  ir_plan_page_update_actions (self);
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_plan_page_get_store (IrPlanPage *self)
{
  g_return_val_if_fail (IR_IS_PLAN_PAGE (self), NULL);

  return self->store;
}

void
ir_plan_page_set_store (IrPlanPage *self,
                        IrStore    *store)
{
  g_return_if_fail (IR_IS_PLAN_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->entity_changed_id, self->store);
      g_clear_signal_handler (&self->tx_applied_id, self->store);
    }

  g_set_object (&self->store, store);
  g_clear_pointer (&self->schedule, ir_schedule_unref);
  g_hash_table_remove_all (self->owners);
  g_hash_table_remove_all (self->seals);
  if (self->timeline != NULL)
    {
      ir_plan_rows_set_schedule (self->rows, NULL);
      ir_gantt_timeline_set_plan (self->timeline, NULL, NULL);
    }

  if (store != NULL)
    {
      ir_plan_page_load_store (self, store);
      ir_gantt_timeline_scroll_to_day (self->timeline, ir_gantt_day_today () - 14);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Returns the computed schedule the page shows, for tests and benchmarks. */
IrSchedule *
ir_plan_page_get_schedule (IrPlanPage *self)
{
  g_return_val_if_fail (IR_IS_PLAN_PAGE (self), NULL);

  return self->schedule;
}

GtkWidget *
ir_plan_page_get_timeline (IrPlanPage *self)
{
  g_return_val_if_fail (IR_IS_PLAN_PAGE (self), NULL);

  return GTK_WIDGET (self->timeline);
}

GtkWidget *
ir_plan_page_get_table (IrPlanPage *self)
{
  g_return_val_if_fail (IR_IS_PLAN_PAGE (self), NULL);

  return GTK_WIDGET (self->table);
}
