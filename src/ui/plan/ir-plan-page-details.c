/* ir-plan-page-details.c: the plan page's seals, counts and task details
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seals are checked whenever the room is loaded and after every change of
 * a confirmation, a device key or a sealed field, so that a tampered or
 * void confirmation shows at once, in the banner and under the chart.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-plan-page-private.h"
#include "ir-ui-util.h"
/* --- seals ---------------------------------------------------------------- */

void
ir_plan_page_check_seals (IrPlanPage *self)
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

void
ir_plan_page_update_summary (IrPlanPage *self)
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

              /* Translators: %s describes the change, e.g. "committed date moved …". */
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

