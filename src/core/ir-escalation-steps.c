/* ir-escalation-steps.c: the steps of one escalation that an evaluation
 * writes: raise, resolve, re-raise, and the wait before a tier falls
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-escalation-private.h"

/* The engine's own events take ids derived from the escalation, the event
 * and a counter, so that replicas agree on them. */
static char *
derive_event_id (const char *escalation_id,
                 const char *what,
                 guint       counter)
{
  g_autofree char *number = g_strdup_printf ("%u", counter);

  return ir_uuid_derive (escalation_id, what, number, NULL);
}

static const IrEscalationEvent *
find_event (const IrEscalationRecord *record,
            const char               *event_id)
{
  for (guint i = 0; i < record->events->len; i++)
    {
      const IrEscalationEvent *event = g_ptr_array_index (record->events, i);

      if (g_str_equal (event->id, event_id))
        return event;
    }

  return NULL;
}

/* --- steps --------------------------------------------------------------- */

/* The moment a tier that fell below its threshold at @since may drop: the
 * end of the first whole working day after @since, in the room's time. */
static gint64
compute_falls_at (IrEscalationPass *pass,
                  gint64            since)
{
  IrEscalationContext *context = pass->context;
  g_autoptr(GTimeZone) zone = ir_escalation_settings_get_time_zone (context->settings);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (since / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  g_autoptr(GDateTime) end = NULL;
  int year, month, day;
  IrDay whole_day;

  g_date_time_get_ymd (local, &year, &month, &day);
  whole_day = ir_day_from_ymd (year, month, day);
  if (g_date_time_get_hour (local) != 0 || g_date_time_get_minute (local) != 0 ||
      g_date_time_get_second (local) != 0 ||
      !ir_calendar_is_working_day (context->calendar, whole_day))
    whole_day = ir_calendar_next_working_day (context->calendar, whole_day);

  ir_day_to_ymd (whole_day + 1, &year, &month, &day);
  end = g_date_time_new (zone, year, month, day, 0, 0, 0);

  return ir_escalation_to_us (end);
}

/* Resolves an open escalation with @note as the reason. */
void
ir_escalation_resolve_open (IrEscalationPass         *pass,
                            IrEscalationItem         *item,
                            const IrEscalationRecord *record,
                            const char               *note)
{
  IrEscalationContext *context = pass->context;

  item->changes |= IR_ESCALATION_CHANGE_RESOLVED;
  g_free (item->resolved_id);
  item->resolved_id = g_strdup (record->id);
  pass->report->n_resolved++;

  if (pass->tx != NULL)
    {
      g_autofree char *event_id = derive_event_id (record->id, "resolved", 0);

      ir_escalation_add_event (context, pass->tx, record->id, event_id, "resolved", note);
      ir_tx_set_string (pass->tx, "escalation", record->id, "state", "resolved");
      ir_tx_set_int (pass->tx, "escalation", record->id, "resolved", context->now_us);
      ir_tx_set_string (pass->tx, "escalation", record->id, "note", note);
    }
}

/* Raises an escalation of the slip's tier, whose ordinal counts the
 * escalations of the same commitment and tier in @records, and runs its
 * actions. */
void
ir_escalation_raise (IrEscalationPass *pass,
                     IrEscalationItem *item,
                     const IrSlip     *slip,
                     GPtrArray        *records)
{
  IrEscalationContext *context = pass->context;
  char commitment[IR_DAY_STRING_SIZE];
  g_autofree char *ordinal_text = NULL;
  g_autofree char *escalation_id = NULL;
  g_autofree char *note = NULL;
  guint ordinal = 0;

  for (guint i = 0; i < records->len; i++)
    {
      const IrEscalationRecord *record = g_ptr_array_index (records, i);

      if (record->commitment == slip->commitment && record->tier == slip->tier)
        ordinal++;
    }

  ir_day_format (slip->commitment, commitment);
  ordinal_text = g_strdup_printf ("%u", ordinal);
  escalation_id = ir_uuid_derive (context->room_id, "escalation", slip->subject_id, commitment,
                                  ir_tier_to_string (slip->tier), ordinal_text, NULL);

  item->changes |= IR_ESCALATION_CHANGE_RAISED;
  g_free (item->escalation_id);
  item->escalation_id = g_strdup (escalation_id);
  item->tier = slip->tier;
  pass->report->n_raised++;

  if (pass->tx == NULL)
    return;

  ir_tx_create_with_id (pass->tx, "escalation", escalation_id);
  ir_tx_set_string (pass->tx, "escalation", escalation_id, "subject_kind",
                    slip->kind == IR_SUBJECT_RISK ? "risk" : "task");
  ir_tx_set_string (pass->tx, "escalation", escalation_id, "subject", slip->subject_id);
  ir_tx_set_string (pass->tx, "escalation", escalation_id, "commitment", commitment);
  ir_tx_set_string (pass->tx, "escalation", escalation_id, "tier", ir_tier_to_string (slip->tier));
  ir_tx_set_int (pass->tx, "escalation", escalation_id, "ordinal", ordinal);
  ir_tx_set_int (pass->tx, "escalation", escalation_id, "delay", slip->delay);
  ir_tx_set_int (pass->tx, "escalation", escalation_id, "raised", context->now_us);

  note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late against %s.",
                                       "%d days late against %s.", slip->delay),
                          slip->delay, commitment);
  {
    g_autofree char *event_id = derive_event_id (escalation_id, "raised", 0);

    ir_escalation_add_event (context, pass->tx, escalation_id, event_id, "raised", note);
  }

  ir_escalation_run_actions (context, pass->tx, escalation_id, slip->tier, slip, 0);
  ir_tx_set_string (pass->tx, "escalation", escalation_id, "state", "notified");
}

static void
reraise (IrEscalationPass         *pass,
         IrEscalationItem         *item,
         const IrEscalationRecord *record,
         const IrSlip             *slip,
         const char               *note)
{
  IrEscalationContext *context = pass->context;
  guint round = record->status.n_reraised + 1;

  item->changes |= IR_ESCALATION_CHANGE_RERAISED;
  pass->report->n_reraised++;

  if (pass->tx == NULL)
    return;

  {
    g_autofree char *event_id = derive_event_id (record->id, "reraised", round);

    ir_escalation_add_event (context, pass->tx, record->id, event_id, "reraised", note);
  }
  ir_escalation_run_actions (context, pass->tx, record->id, record->tier, slip, round);
  ir_tx_set_string (pass->tx, "escalation", record->id, "state", "notified");
  ir_tx_set_null (pass->tx, "escalation", record->id, "acknowledged");
  ir_tx_set_null (pass->tx, "escalation", record->id, "snoozed_until");
}

/* Handles the open escalation that stays: its fall below its tier, a
 * slip that came back above, re-raising, and the server's copies of the
 * delay and state. Returns %TRUE when it is resolved after all. */
gboolean
ir_escalation_keep_open (IrEscalationPass         *pass,
                         IrEscalationItem         *item,
                         const IrEscalationRecord *record,
                         const IrSlip             *slip)
{
  IrEscalationContext *context = pass->context;
  const IrEscalationEvent *below = NULL;
  g_autofree char *below_id = NULL;
  guint episode = 0;

  /* Episodes below the tier: "below" n opens the n-th, "above" n ends it. */
  for (;; episode++)
    {
      g_autofree char *above_id = NULL;

      g_free (below_id);
      below_id = derive_event_id (record->id, "below", episode);
      below = find_event (record, below_id);
      if (below == NULL)
        break;

      above_id = derive_event_id (record->id, "above", episode);
      if (find_event (record, above_id) == NULL)
        break;
    }

  if (slip->tier < record->tier)
    {
      gint64 since = below != NULL ? below->at : context->now_us;

      item->falls_at = compute_falls_at (pass, since);
      if (context->now_us >= item->falls_at)
        {
          g_autofree char *note = NULL;

          note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The delay stayed at %d day, below the %s "
                                               "threshold, for a whole working day.",
                                               "The delay stayed at %d days, below the %s "
                                               "threshold, for a whole working day.",
                                               MAX (slip->delay, 0)),
                                  MAX (slip->delay, 0), ir_tier_to_string (record->tier));
          ir_escalation_resolve_open (pass, item, record, note);
          return TRUE;
        }

      item->changes |= IR_ESCALATION_CHANGE_FALL_PENDING;
      if (below == NULL && pass->tx != NULL)
        {
          g_autofree char *note = NULL;

          note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "The delay fell to %d day, below the %s "
                                               "threshold.",
                                               "The delay fell to %d days, below the %s "
                                               "threshold.",
                                               MAX (slip->delay, 0)),
                                  MAX (slip->delay, 0), ir_tier_to_string (record->tier));
          ir_escalation_add_event (context, pass->tx, record->id, below_id, "note", note);
        }
    }
  else if (below != NULL && pass->tx != NULL)
    {
      g_autofree char *above_id = derive_event_id (record->id, "above", episode);
      g_autofree char *note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "The delay rose back to %d day.",
                                                            "The delay rose back to %d days.",
                                                            slip->delay),
                                               slip->delay);

      ir_escalation_add_event (context, pass->tx, record->id, above_id, "note", note);
    }

  if (record->delay != slip->delay)
    {
      item->changes |= IR_ESCALATION_CHANGE_UPDATED;
      if (pass->tx != NULL)
        ir_tx_set_int (pass->tx, "escalation", record->id, "delay", slip->delay);
    }

  if (record->status.state == IR_ESCALATION_ACKNOWLEDGED &&
      context->now_us >= record->status.acknowledged +
                         (gint64) context->settings->reraise_hours * 3600 * G_USEC_PER_SEC)
    {
      g_autofree char *note = NULL;

      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Acknowledged but not resolved within %d hour.",
                                           "Acknowledged but not resolved within %d hours.",
                                           context->settings->reraise_hours),
                              context->settings->reraise_hours);
      reraise (pass, item, record, slip, note);
    }
  else if (record->status.state == IR_ESCALATION_SNOOZED &&
           context->now_us >= record->status.snoozed_until)
    reraise (pass, item, record, slip, _("The snooze ended."));
  else if (pass->tx != NULL &&
           g_strcmp0 (record->state_field,
                      ir_escalation_state_to_string (record->status.state)) != 0)
    ir_tx_set_string (pass->tx, "escalation", record->id, "state",
                      ir_escalation_state_to_string (record->status.state));

  return FALSE;
}
