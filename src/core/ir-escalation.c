/* ir-escalation.c: evaluating a room's slips into escalations
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An evaluation measures every commitment against the forecast, then
 * brings the room's escalations in line, one subject at a time:
 * - a subject late by a tier with no open escalation raises one, whose id
 *   derives from (room, subject, commitment, tier, how many came before),
 *   so that any number of evaluations, on any number of replicas, raise it
 *   once;
 * - a rise to a higher tier resolves the open escalation and raises one of
 *   the higher tier;
 * - a fall below the open tier resolves it only after a whole working day
 *   of the room's calendar has passed below, so that a tier does not flap;
 * - a new commitment, a finished task or a closed risk resolves it;
 * - an escalation acknowledged and not resolved within the room's re-raise
 *   time, or one whose snooze ended, is raised again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-escalation-private.h"
#include "ir-plan-model.h"

/* --- report -------------------------------------------------------------- */

static void
item_free (IrEscalationItem *item)
{
  ir_slip_free (item->slip);
  g_free (item->subject_id);
  g_free (item->escalation_id);
  g_free (item->resolved_id);
  g_free (item);
}

void
ir_escalation_report_free (IrEscalationReport *report)
{
  if (report == NULL)
    return;

  g_ptr_array_unref (report->items);
  g_ptr_array_unref (report->webhooks);
  g_free (report);
}

/* Returns: (transfer none) (nullable): the report's item about a subject */
IrEscalationItem *
ir_escalation_report_find (IrEscalationReport *report,
                           const char         *subject_id)
{
  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < report->items->len; i++)
    {
      IrEscalationItem *item = g_ptr_array_index (report->items, i);

      if (g_strcmp0 (item->subject_id, subject_id) == 0)
        return item;
    }

  return NULL;
}

/* --- one subject --------------------------------------------------------- */

/* Returns the reason an open escalation ends whatever the tier, or %NULL. */
static char *
ending_reason (const IrEscalationRecord *record,
               const IrSlip             *slip)
{
  char old_date[IR_DAY_STRING_SIZE], new_date[IR_DAY_STRING_SIZE];

  if (slip == NULL)
    return g_strdup (_("The item was deleted or no longer has a committed date."));

  if (record->commitment != slip->commitment)
    {
      ir_day_format (slip->commitment, new_date);
      if (record->status.proposed_date == slip->commitment)
        return g_strdup_printf (_("The customer confirmed the new date %s."), new_date);

      if (record->commitment != IR_DAY_NONE)
        ir_day_format (record->commitment, old_date);
      else
        g_strlcpy (old_date, "—", sizeof old_date);
      return g_strdup_printf (_("The committed date changed from %s to %s."), old_date, new_date);
    }

  if (slip->finished)
    {
      ir_day_format (slip->forecast, new_date);
      return slip->kind == IR_SUBJECT_RISK ? g_strdup (_("The risk was closed."))
                                           : g_strdup_printf (_("Finished on %s."), new_date);
    }

  return NULL;
}

static int
compare_open (gconstpointer a,
              gconstpointer b)
{
  const IrEscalationRecord *first = *(const IrEscalationRecord * const *) a;
  const IrEscalationRecord *second = *(const IrEscalationRecord * const *) b;

  if (first->tier != second->tier)
    return (int) second->tier - (int) first->tier;
  if (first->status.raised != second->status.raised)
    return first->status.raised > second->status.raised ? -1 : 1;

  return g_strcmp0 (first->id, second->id);
}

static void
evaluate_subject (IrEscalationPass *pass,
                  IrSlip           *slip,
                  IrSubjectKind     kind,
                  const char       *subject_id,
                  GPtrArray        *records)
{
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  IrEscalationItem *item = g_new0 (IrEscalationItem, 1);
  const IrEscalationRecord *kept = NULL;
  IrTier tier = (slip != NULL && !slip->finished) ? slip->tier : IR_TIER_NONE;

  item->kind = kind;
  item->subject_id = g_strdup (subject_id);

  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      IrEscalationRecord *record = g_ptr_array_index (records, i);

      if (record->status.state != IR_ESCALATION_RESOLVED)
        g_ptr_array_add (open, record);
    }
  g_ptr_array_sort (open, compare_open);

  if (open->len == 0 && tier == IR_TIER_NONE)
    {
      item_free (item);
      ir_slip_free (slip);
      return;
    }

  for (guint i = 0; i < open->len; i++)
    {
      const IrEscalationRecord *record = g_ptr_array_index (open, i);
      g_autofree char *reason = ending_reason (record, slip);

      if (reason == NULL && kept != NULL)
        reason = g_strdup (_("Another open alert covers this item."));
      else if (reason == NULL && tier > record->tier)
        reason = g_strdup_printf (_("Superseded by a %s alert."), ir_tier_to_string (tier));

      if (reason != NULL)
        ir_escalation_resolve_open (pass, item, record, reason);
      else if (!ir_escalation_keep_open (pass, item, record, slip))
        kept = record;
    }

  if (kept != NULL)
    {
      item->escalation_id = g_strdup (kept->id);
      item->tier = kept->tier;
    }
  else if (tier != IR_TIER_NONE)
    ir_escalation_raise (pass, item, slip, records != NULL ? records : open);

  item->slip = slip;
  g_ptr_array_add (pass->report->items, item);
}

/* --- evaluation ---------------------------------------------------------- */

static void
find_task_owners (IrStore   *store,
                  GPtrArray *slips)
{
  for (guint i = 0; i < slips->len; i++)
    {
      IrSlip *slip = g_ptr_array_index (slips, i);
      g_autoptr(IrEntity) task = NULL;

      if (slip->kind != IR_SUBJECT_TASK || slip->delay <= 0)
        continue;

      task = ir_store_get_entity (store, "task", slip->subject_id);
      if (task != NULL)
        slip->owner_id = g_strdup (ir_entity_get_string (task, "owner"));
    }
}

static void
context_clear (IrEscalationContext *context)
{
  g_clear_pointer (&context->now, g_date_time_unref);
  g_clear_pointer (&context->room_name, g_free);
  g_clear_pointer (&context->members, g_ptr_array_unref);
  g_clear_pointer (&context->webhooks, g_ptr_array_unref);
}

/**
 * ir_escalation_evaluate:
 * @store: a room's store
 * @now: the current time, in any time zone
 * @provisional: %TRUE to compute what would escalate without writing
 * @error: return location for an error
 *
 * Schedules the room's plan and brings its escalations in line with the
 * slips. With @provisional %FALSE the store must act as the room's server
 * (the server itself, or a local-only room): escalations, their events,
 * inbox items and meetings are written as the store's actor, one
 * transaction per subject, and the red tier's webhook messages are
 * returned for the server to send.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
IrEscalationReport *
ir_escalation_evaluate (IrStore    *store,
                        GDateTime  *now,
                        gboolean    provisional,
                        GError    **error)
{
  IrEscalationSettings settings = { 0 };
  IrEscalationContext context = { 0 };
  g_autoptr(IrSchedule) schedule = NULL;
  g_autoptr(GPtrArray) slips = NULL;
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GHashTable) by_subject = NULL;
  g_autoptr(IrEntity) room = NULL;
  IrEscalationReport *report;
  IrEscalationPass pass = { 0 };

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  if (!provisional && !(ir_store_get_roles (store) & IR_ROLE_SERVER))
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_NOT_SERVER,
                   _("Cannot write alerts as %s: only the room's server raises them; "
                     "evaluate provisionally instead."),
                   ir_store_get_actor (store));
      return NULL;
    }

  schedule = ir_plan_model_load (store, error);
  if (schedule == NULL)
    return NULL;
  ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);

  ir_escalation_settings_init (&settings);
  ir_escalation_settings_load (&settings, store);

  room = ir_escalation_find_room (store);
  context.store = store;
  context.settings = &settings;
  context.calendar = ir_schedule_get_calendar (schedule);
  context.now = g_date_time_ref (now);
  context.now_us = ir_escalation_to_us (now);
  context.today = ir_escalation_today (&settings, now);
  context.room_id = ir_store_get_room_id (store);
  context.room_name = room ? g_strdup (ir_entity_get_string (room, "name")) : NULL;
  context.members = ir_escalation_load_members (store);
  context.webhooks = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_webhook_message_free);

  slips = ir_escalation_assess_schedule (schedule, &settings, context.today);
  ir_escalation_assess_risks (store, &settings, context.calendar, context.today, slips);
  find_task_owners (store, slips);

  /* Escalations by subject. */
  records = ir_escalation_load_records (store);
  by_subject = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < records->len; i++)
    {
      IrEscalationRecord *record = g_ptr_array_index (records, i);
      GPtrArray *list;

      if (record->subject == NULL)
        continue;
      list = g_hash_table_lookup (by_subject, record->subject);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_subject, record->subject, list);
        }
      g_ptr_array_add (list, record);
    }

  report = g_new0 (IrEscalationReport, 1);
  report->today = context.today;
  report->provisional = provisional;
  report->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  pass.context = &context;
  pass.report = report;

  /* Subjects with a commitment, then escalated subjects that have none any
   * more. Each subject's changes are one transaction. */
  for (guint i = 0; i <= slips->len + records->len; i++)
    {
      IrSlip *slip = NULL;
      GPtrArray *subject_records;
      const char *subject_id;
      IrSubjectKind kind;

      if (i < slips->len)
        {
          slip = g_ptr_array_index (slips, i);
          subject_id = slip->subject_id;
          kind = slip->kind;
        }
      else if (i - slips->len < records->len)
        {
          IrEscalationRecord *record = g_ptr_array_index (records, i - slips->len);

          subject_id = record->subject;
          kind = record->kind;
        }
      else
        break;

      if (subject_id == NULL || !g_hash_table_lookup_extended (by_subject, subject_id, NULL,
                                                               (gpointer *) &subject_records))
        subject_records = NULL;
      if (slip == NULL && subject_records == NULL)
        continue;

      pass.tx = provisional ? NULL : ir_store_begin (store);
      /* The report's item takes the slip. */
      if (slip != NULL)
        g_ptr_array_index (slips, i) = NULL;
      evaluate_subject (&pass, slip, kind, subject_id, subject_records);

      /* A subject is evaluated once, whichever list names it first. */
      if (subject_records != NULL)
        g_hash_table_remove (by_subject, subject_id);

      if (pass.tx != NULL && ir_tx_get_n_ops (pass.tx) > 0 &&
          !ir_store_commit (store, pass.tx, error))
        {
          g_clear_pointer (&pass.tx, ir_tx_free);
          ir_escalation_report_free (report);
          context_clear (&context);
          ir_escalation_settings_clear (&settings);
          return NULL;
        }
      g_clear_pointer (&pass.tx, ir_tx_free);
    }

  report->webhooks = g_steal_pointer (&context.webhooks);
  context_clear (&context);
  ir_escalation_settings_clear (&settings);

  return report;
}
