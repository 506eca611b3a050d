/* ir-plan-page.c: the plan page: a task table beside a Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page loads the room's plan into a schedule, computes it and shows it
 * as rows of a table and of a timeline. Every applied transaction updates
 * the schedule: an edit of a task's values is copied into it and the plan
 * computed again, while a change of the outline (a task created, deleted,
 * moved or indented) loads it again. Edits are in ir-plan-page-edit.c,
 * actions in ir-plan-page-actions.c and the table in ir-plan-table.c.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-plan-model.h"
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

/* Fields of a task that the schedule holds and an edit can copy into it;
 * any other change of a task loads the plan again. */
static const char * const copied_fields[] = {
  "name", "duration", "start", "constraint", "constraint_date", "progress",
  "actual_start", "actual_finish", "milestone", "key_milestone", "wbs", "notes",
  "external_id", "owner", "deliverable", NULL
};

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

/* --- members -------------------------------------------------------------- */

static void
load_members (IrPlanPage *self)
{
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->member_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->member_ids, 0);
  /* Translators: the owner of a task that has none. */
  g_ptr_array_add (names, g_strdup (_("Nobody")));
  g_ptr_array_add (self->member_ids, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      g_ptr_array_add (self->member_ids, g_strdup (ir_entity_get_id (member)));
      g_ptr_array_add (names, ir_member_dup_name (self->store, ir_entity_get_id (member)));
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->member_names, 0, old, (const char * const *) names->pdata);
  self->needs_members = FALSE;
}

char *
ir_plan_page_dup_member_name (IrPlanPage *self,
                              const char *member_id)
{
  for (guint i = 1; member_id != NULL && i < self->member_ids->len; i++)
    if (g_strcmp0 (self->member_ids->pdata[i], member_id) == 0)
      return g_strdup (gtk_string_list_get_string (self->member_names, i));

  return NULL;
}

/* --- seals ---------------------------------------------------------------- */

static void
check_seals (IrPlanPage *self)
{
  g_autoptr(GPtrArray) results = ir_seal_check_room (self->store);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;

  g_hash_table_remove_all (self->seals);
  g_clear_pointer (&self->seal_states, g_hash_table_unref);
  self->seal_states = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The table of statuses takes them over from the array. */
  g_ptr_array_set_free_func (results, NULL);
  for (guint i = 0; i < results->len; i++)
    {
      IrSealStatus *status = results->pdata[i];
      IrScheduleTask *task = self->schedule ? ir_schedule_lookup_task (self->schedule,
                                                                         status->task) : NULL;

      g_hash_table_replace (self->seals, status->task, status);
      g_hash_table_insert (self->seal_states, g_strdup (status->task),
                           GINT_TO_POINTER (status->state + 1));

      if (status->state == IR_SEAL_VALID)
        continue;

      n_problems++;
      if (problems->len > 0)
        g_string_append (problems, "  ");
      if (status->state == IR_SEAL_VOID && status->changes->len > 0)
        {
          g_autofree char *change = ir_seal_change_describe (status->changes->pdata[0]);

          /* Translators: a milestone's name and what voided its confirmation. */
          g_string_append_printf (problems, _("“%s”: %s."), task ? task->name : status->task,
                                  change);
        }
      else
        {
          g_string_append_printf (problems, _("“%s”: %s"), task ? task->name : status->task,
                                  status->problem);
        }
    }

  if (n_problems > 0)
    {
      g_autofree char *text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u customer confirmation needs attention. %s",
                                      "%u customer confirmations need attention. %s",
                                      n_problems),
                         n_problems, problems->str);

      gtk_label_set_label (self->banner_label, text);
    }
  gtk_revealer_set_reveal_child (self->banner, n_problems > 0);

  ir_gantt_timeline_set_seal_states (self->timeline, self->seal_states);
  self->needs_seal_check = FALSE;
}

/* --- summary -------------------------------------------------------------- */

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_summary (IrPlanPage *self)
{
  guint n = self->schedule ? ir_schedule_get_n_tasks (self->schedule) : 0;
  guint milestones = 0, confirmed = 0, late = 0;
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (self->schedule, i);

      if (task->milestone)
        milestones++;
      if (task->committed != IR_DAY_NONE && task->finish != IR_DAY_NONE &&
          task->finish > task->committed)
        late++;
    }

  g_hash_table_iter_init (&iter, self->seals);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((IrSealStatus *) value)->state == IR_SEAL_VALID)
      confirmed++;

  set_count (self->total_count, n);
  set_count (self->milestones_count, milestones);
  set_count (self->confirmed_count, confirmed);
  set_count (self->late_count, late);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "gantt" : "empty");
}

/* --- loading -------------------------------------------------------------- */

static void
show_schedule (IrPlanPage *self)
{
  g_autofree char *selected = NULL;
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);

  if (task != NULL)
    selected = g_strdup (task->id);

  ir_plan_rows_set_schedule (self->rows, self->schedule);
  ir_gantt_timeline_set_plan (self->timeline, self->schedule, ir_plan_rows_get_tasks (self->rows));

  if (selected != NULL)
    ir_plan_page_select_task (self, selected);
}

static void
compute (IrPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  /* Tolerant: a cycle that a merge made is shown, not refused. */
  if (!ir_schedule_compute (self->schedule, IR_SCHEDULE_TOLERANT, &error))
    g_warning ("Failed to compute the plan: %s", error->message);
  self->needs_compute = FALSE;
}

static void
reload (IrPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  IrSchedule *schedule = ir_plan_model_load (self->store, &error);

  self->needs_reload = FALSE;
  if (schedule == NULL)
    {
      g_warning ("Failed to load the plan: %s", error->message);
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      return;
    }

  g_clear_pointer (&self->schedule, ir_schedule_unref);
  self->schedule = schedule;
  compute (self);
  show_schedule (self);
}

static void
refresh (IrPlanPage *self)
{
  if (self->store == NULL)
    return;

  if (self->needs_members)
    load_members (self);

  if (self->needs_reload)
    {
      reload (self);
    }
  else if (self->needs_compute)
    {
      compute (self);
      /* Summaries may change dates but not the rows. */
      ir_plan_rows_refresh (self->rows);
      ir_gantt_timeline_refresh (self->timeline);
    }

  if (self->needs_seal_check)
    check_seals (self);

  update_summary (self);
  ir_plan_page_update_details (self);
  ir_plan_page_update_actions (self);
}

/* Copies the changed fields of a task into the schedule. Returns FALSE
 * when the change needs the plan to be loaded again. */
static gboolean
copy_task_fields (IrPlanPage         *self,
                  const char         *eid,
                  const char * const *fields)
{
  IrScheduleTask *task = self->schedule ? ir_schedule_lookup_task (self->schedule, eid) : NULL;
  g_autoptr(IrEntity) entity = NULL;

  if (task == NULL)
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    if (!g_strv_contains (copied_fields, fields[i]))
      return FALSE;

  entity = ir_store_get_entity (self->store, "task", eid);
  if (entity == NULL)
    return FALSE;

  ir_schedule_task_set_name (task, ir_entity_get_string (entity, "name"));
  ir_schedule_task_set_wbs (task, ir_entity_get_string (entity, "wbs"));
  ir_schedule_task_set_notes (task, ir_entity_get_string (entity, "notes"));
  ir_schedule_task_set_external_id (task, ir_entity_get_string (entity, "external_id"));
  task->duration = ir_entity_get_int (entity, "duration");
  task->milestone = ir_entity_get_boolean (entity, "milestone");
  task->key_milestone = ir_entity_get_boolean (entity, "key_milestone");
  task->progress = CLAMP (ir_entity_get_int (entity, "progress"), 0, 100);
  task->manual_start = ir_day_parse (ir_entity_get_string (entity, "start"));
  if (!ir_constraint_from_string (ir_entity_get_string (entity, "constraint"),
                                  &task->constraint))
    task->constraint = IR_CONSTRAINT_DEFAULT;
  task->constraint_date = ir_day_parse (ir_entity_get_string (entity, "constraint_date"));
  task->actual_start = ir_day_parse (ir_entity_get_string (entity, "actual_start"));
  task->actual_finish = ir_day_parse (ir_entity_get_string (entity, "actual_finish"));

  return TRUE;
}

static gboolean
copy_link_fields (IrPlanPage *self,
                  const char *eid)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "dependency", eid);
  guint n = self->schedule ? ir_schedule_get_n_links (self->schedule) : 0;

  for (guint i = 0; entity != NULL && i < n; i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (self->schedule, i);

      if (g_strcmp0 (link->id, eid) != 0)
        continue;

      if (!ir_link_type_from_string (ir_entity_get_string (entity, "type"), &link->type))
        link->type = IR_LINK_FS;
      link->lag = ir_entity_get_int (entity, "lag");
      return TRUE;
    }

  return FALSE;
}

/* --- callbacks ------------------------------------------------------------ */

static void
entity_changed_cb (IrPlanPage         *self,
                   const char         *kind,
                   const char         *eid,
                   const char * const *fields,
                   gboolean            visibility,
                   IrStore            *store)
{
  if (g_str_equal (kind, "member"))
    {
      self->needs_members = TRUE;
    }
  else if (g_str_equal (kind, "task"))
    {
      if (visibility || !copy_task_fields (self, eid, fields))
        self->needs_reload = TRUE;
      self->needs_compute = TRUE;
      if (visibility || g_strv_contains (fields, "committed") ||
          g_strv_contains (fields, "deliverable"))
        self->needs_seal_check = TRUE;
    }
  else if (g_str_equal (kind, "dependency"))
    {
      if (visibility || !copy_link_fields (self, eid))
        self->needs_reload = TRUE;
      self->needs_compute = TRUE;
    }
  else if (g_str_equal (kind, "confirmation") || g_str_equal (kind, "device_key"))
    {
      self->needs_seal_check = TRUE;
      self->needs_reload = TRUE;
    }
  else if (g_str_equal (kind, "calendar") || g_str_equal (kind, "calendar_day") ||
           g_str_equal (kind, "baseline") || g_str_equal (kind, "baseline_task"))
    {
      self->needs_reload = TRUE;
    }
}

static void
tx_applied_cb (IrPlanPage *self,
               guint       flags,
               IrStore    *store)
{
  refresh (self);
}

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

  /* Every row has the height that the style sheet gives it; the first
   * row on screen tells what that is. */
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

/* --- selection and details ------------------------------------------------ */

IrScheduleTask *
ir_plan_page_get_selected_task (IrPlanPage *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);

  if (position == GTK_INVALID_LIST_POSITION)
    return NULL;

  return ir_plan_rows_get_task (self->rows, position);
}

/* Selects the task's row, expanding its summaries, and scrolls to it. */
void
ir_plan_page_select_task (IrPlanPage *self,
                          const char *task_id)
{
  GtkAdjustment *adjustment;
  int row;
  double top, page;

  ir_plan_rows_reveal (self->rows, task_id);
  row = ir_plan_rows_find (self->rows, task_id);
  if (row < 0)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  gtk_single_selection_set_selected (self->selection, row);

  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->table));
  top = row * (double) ir_gantt_timeline_get_row_height (self->timeline);
  page = gtk_adjustment_get_page_size (adjustment);
  if (page > 0 && (top < gtk_adjustment_get_value (adjustment) ||
                   top + ir_gantt_timeline_get_row_height (self->timeline) >
                   gtk_adjustment_get_value (adjustment) + page))
    gtk_adjustment_set_value (adjustment, top - page / 3);
}

static char *
describe_confirmation (IrPlanPage   *self,
                       IrSealStatus *status)
{
  g_autofree char *recorder = ir_actor_dup_name (self->store, status->recorded_by);
  g_autofree char *signer = NULL;
  g_autofree char *when = status->signed_at ? ir_format_time (status->signed_at) : NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (status->signer_company != NULL)
    /* Translators: a customer's name and company. */
    signer = g_strdup_printf (_("%s (%s)"), status->signer_name, status->signer_company);
  else
    signer = g_strdup (status->signer_name);

  /* Translators: who confirmed for the customer, and the member who
   * recorded it. */
  g_string_append_printf (text, _("Confirmed by %s, recorded by %s"), signer, recorder);
  if (when != NULL)
    /* Translators: appended to "Confirmed by …": when the customer signed. */
    g_string_append_printf (text, _(", signed %s"), when);
  g_string_append_c (text, '.');

  if (status->countersigned)
    {
      g_autofree char *received = status->server_received
                                  ? ir_format_time (status->server_received) : NULL;

      g_string_append_c (text, ' ');
      if (received != NULL)
        /* Translators: %s is when the server received the confirmation. */
        g_string_append_printf (text, _("Countersigned by the server, received %s."), received);
      else
        g_string_append (text, _("Countersigned by the server."));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_seal_details (IrPlanPage     *self,
                     IrScheduleTask *task)
{
  IrSealStatus *status = g_hash_table_lookup (self->seals, task->id);
  g_autoptr(GString) notices = g_string_new (NULL);
  g_autofree char *seal = NULL;

  if (status == NULL)
    {
      seal = g_strdup (task->key_milestone
                       ? _("Not confirmed by the customer yet.")
                       : _("A key milestone can be confirmed by the customer."));
    }
  else
    {
      seal = describe_confirmation (self, status);
      if (status->state == IR_SEAL_VOID)
        {
          for (guint i = 0; i < status->changes->len; i++)
            {
              g_autofree char *change = ir_seal_change_describe (status->changes->pdata[i]);

              /* Translators: %s says what changed, e.g. "committed date moved …". */
              g_string_append_printf (notices, _("Void: %s. "), change);
            }
          g_string_append (notices, _("Record a new confirmation with the customer."));
        }
      else if (status->state != IR_SEAL_VALID)
        {
          g_string_append_printf (notices, _("Not verified: %s"), status->problem);
        }
    }

  gtk_label_set_label (self->details_seal, seal);
  gtk_label_set_label (self->details_void, notices->str);
  gtk_widget_set_visible (GTK_WIDGET (self->details_void), notices->len > 0);
}

/* Shows the selected task's facts and its confirmation under the chart. */
void
ir_plan_page_update_details (IrPlanPage *self)
{
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(GString) facts = NULL;
  g_autofree char *start = NULL;
  g_autofree char *finish = NULL;
  const char *deliverable;

  gtk_revealer_set_reveal_child (self->details, task != NULL);
  if (task == NULL)
    return;

  entity = ir_store_get_entity (self->store, "task", task->id);
  deliverable = entity ? ir_entity_get_string (entity, "deliverable") : NULL;
  start = ir_plan_format_day (task->start);
  finish = ir_plan_format_day (task->finish);
  facts = g_string_new (NULL);

  if (task->milestone)
    /* Translators: %s is the date the schedule computes for a milestone. */
    g_string_append_printf (facts, _("Forecast %s"), start);
  else
    /* Translators: a task's start and finish. */
    g_string_append_printf (facts, _("%s to %s"), start, finish);

  if (task->committed != IR_DAY_NONE)
    {
      g_autofree char *committed = ir_plan_format_day (task->committed);

      /* Translators: separates facts; %s is the date promised to the customer. */
      g_string_append_printf (facts, _(" · committed %s"), committed);
    }
  if (deliverable != NULL)
    /* Translators: separates facts; %s is what the milestone delivers. */
    g_string_append_printf (facts, _(" · deliverable: %s"), deliverable);

  gtk_label_set_label (self->details_title, task->name ? task->name : "");
  gtk_label_set_label (self->details_facts, facts->str);

  if (task->milestone || task->key_milestone || g_hash_table_contains (self->seals, task->id))
    {
      update_seal_details (self, task);
      gtk_widget_set_visible (GTK_WIDGET (self->details_seal), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->details_seal), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->details_void), FALSE);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->confirm_button), task->milestone);
  gtk_widget_set_visible (GTK_WIDGET (self->sheet_button), task->milestone);
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
  g_hash_table_remove_all (self->seals);
  if (self->timeline != NULL)
    {
      ir_plan_rows_set_schedule (self->rows, NULL);
      ir_gantt_timeline_set_plan (self->timeline, NULL, NULL);
    }

  if (store != NULL)
    {
      self->entity_changed_id = g_signal_connect_object (store, "entity-changed",
                                                         G_CALLBACK (entity_changed_cb), self,
                                                         G_CONNECT_SWAPPED);
      self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                     G_CALLBACK (tx_applied_cb), self,
                                                     G_CONNECT_SWAPPED);
      self->needs_members = TRUE;
      self->needs_reload = TRUE;
      self->needs_seal_check = TRUE;
      refresh (self);
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
