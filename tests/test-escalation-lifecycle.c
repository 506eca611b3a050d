/* test-escalation-lifecycle.c: rises, falls, re-raises, snoozes, resolves
 * and extensions of escalations over time
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "escalation-fixture.h"
#include "ir-escalation-monitor.h"

/* The plan starts on Tuesday 2026-12-01; these times come before it, so
 * forecasts are the scheduled ones. */
typedef struct
{
  EscalationRoom *room;
  char           *milestone;
  char           *work;
} Lifecycle;

static void
lifecycle_setup (Lifecycle     *fixture,
                 gconstpointer  data)
{
  fixture->room = escalation_room_new ();
  fixture->milestone = escalation_room_add_milestone (fixture->room, "First inspection", 5,
                                                      &fixture->work);
  /* The work ends on Monday 2026-12-07; the customer was promised
   * Wednesday 2026-12-02, so the milestone is 5 days late: yellow. */
  escalation_room_set_string (fixture->room, "task", fixture->milestone, "committed",
                              "2026-12-02");
}

static void
lifecycle_teardown (Lifecycle     *fixture,
                    gconstpointer  data)
{
  escalation_room_free (fixture->room);
  g_free (fixture->milestone);
  g_free (fixture->work);
}

/* Evaluates as the room's server and returns the milestone's item. */
static IrEscalationItem *
evaluate_at (Lifecycle           *fixture,
             GDateTime           *now,
             IrEscalationReport **report)
{
  g_clear_pointer (report, ir_escalation_report_free);
  *report = evaluate_ok (fixture->room->store, now, FALSE);

  return ir_escalation_report_find (*report, fixture->milestone);
}

static IrEscalationStatus
status_of (Lifecycle  *fixture,
           const char *escalation_id)
{
  IrEscalationStatus status;

  g_assert_true (ir_escalation_get_status (fixture->room->store, escalation_id, &status));
  return status;
}

static const char *
note_of (IrStore    *store,
         const char *escalation_id)
{
  g_autoptr(IrEntity) escalation = ir_store_get_entity (store, "escalation", escalation_id);

  g_assert_nonnull (escalation);
  return g_intern_string (ir_entity_get_string (escalation, "note"));
}

/* --- rise ---------------------------------------------------------------- */

static void
test_rise_blue_to_yellow (Lifecycle     *fixture,
                          gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) monday = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) tuesday = shanghai_time (2026, 11, 24, 10, 0);
  g_autofree char *blue_id = NULL;
  IrEscalationItem *item;

  escalation_room_set_string (fixture->room, "task", fixture->milestone, "committed",
                              "2026-12-05");
  item = evaluate_at (fixture, monday, &report);
  g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
  blue_id = g_strdup (item->escalation_id);

  /* The same commitment, but the work grows by two days: 4 days late. */
  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 7);
  item = evaluate_at (fixture, tuesday, &report);
  g_assert_cmpint (item->slip->delay, ==, 4);
  g_assert_cmpint (item->tier, ==, IR_TIER_YELLOW);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RAISED);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_cmpstr (item->resolved_id, ==, blue_id);
  g_assert_cmpstr (item->escalation_id, !=, blue_id);

  g_assert_cmpint (status_of (fixture, blue_id).state, ==, IR_ESCALATION_RESOLVED);
  g_assert_cmpstr (note_of (store, blue_id), ==, "Superseded by a yellow alert.");
  g_assert_cmpint (status_of (fixture, item->escalation_id).state, ==, IR_ESCALATION_NOTIFIED);
  g_assert_cmpuint (count_visible (store, "meeting"), ==, 1);
}

/* --- fall ---------------------------------------------------------------- */

/* Yellow on Monday; 1 day late from Tuesday 10:00. Wednesday is the first
 * whole working day below yellow, so the fall happens on Thursday at 00:00
 * and a blue escalation replaces the yellow one. */
static void
test_fall_after_working_day (Lifecycle     *fixture,
                             gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) monday = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) tuesday = shanghai_time (2026, 11, 24, 10, 0);
  g_autoptr(GDateTime) wednesday_late = shanghai_time (2026, 11, 25, 23, 59);
  g_autoptr(GDateTime) thursday = shanghai_time (2026, 11, 26, 0, 1);
  g_autoptr(GDateTime) expected_fall = shanghai_time (2026, 11, 26, 0, 0);
  g_autofree char *yellow_id = NULL;
  IrEscalationItem *item;

  item = evaluate_at (fixture, monday, &report);
  g_assert_cmpint (item->tier, ==, IR_TIER_YELLOW);
  yellow_id = g_strdup (item->escalation_id);

  /* The work shrinks to 3 days and ends on Thursday 2026-12-03, 1 day
   * late. */
  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 3);

  item = evaluate_at (fixture, tuesday, &report);
  g_assert_cmpint (item->slip->delay, ==, 1);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_cmpstr (item->escalation_id, ==, yellow_id);
  g_assert_cmpint (item->tier, ==, IR_TIER_YELLOW);
  g_assert_cmpint (item->falls_at, ==, g_date_time_to_unix (expected_fall) * G_USEC_PER_SEC);
  g_assert_cmpuint (count_events (store, yellow_id, "note"), ==, 1);

  item = evaluate_at (fixture, wednesday_late, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);
  g_assert_cmpstr (item->escalation_id, ==, yellow_id);
  g_assert_cmpuint (count_events (store, yellow_id, "note"), ==, 1);

  item = evaluate_at (fixture, thursday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RAISED);
  g_assert_cmpstr (item->resolved_id, ==, yellow_id);
  g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
  g_assert_cmpint (status_of (fixture, yellow_id).state, ==, IR_ESCALATION_RESOLVED);
  g_assert_cmpstr (note_of (store, yellow_id), ==,
                   "The delay stayed at 1 day, below the yellow threshold, for a whole "
                   "working day.");
  g_assert_cmpuint (count_visible (store, "escalation"), ==, 2);
}

/* Below yellow from Friday 15:00: the weekend does not count, Monday is
 * the whole working day, and the fall happens on Tuesday at 00:00. */
static void
test_fall_over_weekend (Lifecycle     *fixture,
                        gconstpointer  data)
{
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) thursday = shanghai_time (2026, 11, 19, 10, 0);
  g_autoptr(GDateTime) friday = shanghai_time (2026, 11, 20, 15, 0);
  g_autoptr(GDateTime) monday_late = shanghai_time (2026, 11, 23, 23, 0);
  g_autoptr(GDateTime) tuesday = shanghai_time (2026, 11, 24, 0, 30);
  g_autofree char *yellow_id = NULL;
  IrEscalationItem *item;

  item = evaluate_at (fixture, thursday, &report);
  yellow_id = g_strdup (item->escalation_id);

  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 2);
  item = evaluate_at (fixture, friday, &report);
  g_assert_cmpint (item->slip->tier, ==, IR_TIER_NONE);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);

  item = evaluate_at (fixture, monday_late, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);
  g_assert_cmpstr (item->escalation_id, ==, yellow_id);

  item = evaluate_at (fixture, tuesday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_RAISED);
  g_assert_null (item->escalation_id);
  g_assert_cmpint (status_of (fixture, yellow_id).state, ==, IR_ESCALATION_RESOLVED);
}

/* A delay that dips below the tier and comes back before a whole working
 * day keeps the escalation; the next dip starts the wait again. */
static void
test_fall_interrupted (Lifecycle     *fixture,
                       gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) monday = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) tuesday = shanghai_time (2026, 11, 24, 10, 0);
  g_autoptr(GDateTime) wednesday = shanghai_time (2026, 11, 25, 10, 0);
  g_autoptr(GDateTime) thursday = shanghai_time (2026, 11, 26, 10, 0);
  g_autoptr(GDateTime) friday = shanghai_time (2026, 11, 27, 10, 0);
  g_autoptr(GDateTime) saturday = shanghai_time (2026, 11, 28, 0, 1);
  g_autofree char *yellow_id = NULL;
  IrEscalationItem *item;

  item = evaluate_at (fixture, monday, &report);
  yellow_id = g_strdup (item->escalation_id);

  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 3);
  item = evaluate_at (fixture, tuesday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);

  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 5);
  item = evaluate_at (fixture, wednesday, &report);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);
  g_assert_cmpuint (count_events (store, yellow_id, "note"), ==, 2);

  /* Below again from Thursday: Friday is the whole working day. On
   * Thursday's old deadline nothing falls. */
  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 3);
  item = evaluate_at (fixture, thursday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);
  item = evaluate_at (fixture, friday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_FALL_PENDING);
  g_assert_cmpstr (item->escalation_id, ==, yellow_id);
  g_assert_cmpuint (count_events (store, yellow_id, "note"), ==, 3);

  item = evaluate_at (fixture, saturday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
}

/* --- re-raise ------------------------------------------------------------ */

static void
test_reraise_after_ack_timeout (Lifecycle     *fixture,
                                gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) raised_at = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) acked_at = shanghai_time (2026, 11, 23, 11, 0);
  g_autoptr(GDateTime) before_timeout = shanghai_time (2026, 11, 25, 10, 59);
  g_autoptr(GDateTime) after_timeout = shanghai_time (2026, 11, 25, 11, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *escalation_id = NULL;
  guint n_inbox;
  IrEscalationItem *item;

  item = evaluate_at (fixture, raised_at, &report);
  escalation_id = g_strdup (item->escalation_id);
  n_inbox = count_visible (store, "inbox_item");

  g_assert_true (ir_escalation_acknowledge (store, escalation_id, "Adding a second shift",
                                            acked_at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture, escalation_id).state, ==, IR_ESCALATION_ACKNOWLEDGED);

  item = evaluate_at (fixture, before_timeout, &report);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_RERAISED);
  g_assert_cmpint (status_of (fixture, escalation_id).state, ==, IR_ESCALATION_ACKNOWLEDGED);

  /* 48 hours after the acknowledgement, by default. */
  item = evaluate_at (fixture, after_timeout, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RERAISED);
  g_assert_cmpstr (item->escalation_id, ==, escalation_id);
  g_assert_cmpint (status_of (fixture, escalation_id).state, ==, IR_ESCALATION_NOTIFIED);
  g_assert_cmpuint (status_of (fixture, escalation_id).n_reraised, ==, 1);
  g_assert_cmpuint (count_events (store, escalation_id, "reraised"), ==, 1);
  g_assert_cmpuint (count_events (store, escalation_id, "notified"), ==, 2);
  /* The AR, SR and FR are reminded; the meeting is not booked twice. */
  g_assert_cmpuint (count_visible (store, "inbox_item"), ==, n_inbox + 3);
  g_assert_cmpuint (count_visible (store, "meeting"), ==, 1);

  item = evaluate_at (fixture, after_timeout, &report);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_RERAISED);
  g_assert_cmpuint (count_visible (store, "inbox_item"), ==, n_inbox + 3);
}

static void
test_snooze_expiry (Lifecycle     *fixture,
                    gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) raised_at = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) snoozed_at = shanghai_time (2026, 11, 23, 12, 0);
  g_autoptr(GDateTime) until = shanghai_time (2026, 11, 24, 9, 0);
  g_autoptr(GDateTime) before = shanghai_time (2026, 11, 24, 8, 59);
  g_autoptr(GDateTime) after = shanghai_time (2026, 11, 24, 9, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *escalation_id = NULL;
  IrEscalationStatus status;
  IrEscalationItem *item;

  item = evaluate_at (fixture, raised_at, &report);
  escalation_id = g_strdup (item->escalation_id);

  /* A snooze must end in the future. */
  g_assert_false (ir_escalation_snooze (store, escalation_id, raised_at, NULL, snoozed_at,
                                        &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ir_escalation_snooze (store, escalation_id, until, "Waiting for the foundry",
                                       snoozed_at, &error));
  g_assert_no_error (error);
  status = status_of (fixture, escalation_id);
  g_assert_cmpint (status.state, ==, IR_ESCALATION_SNOOZED);
  g_assert_cmpint (status.snoozed_until, ==, g_date_time_to_unix (until) * G_USEC_PER_SEC);

  item = evaluate_at (fixture, before, &report);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_RERAISED);

  item = evaluate_at (fixture, after, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RERAISED);
  status = status_of (fixture, escalation_id);
  g_assert_cmpint (status.state, ==, IR_ESCALATION_NOTIFIED);
  g_assert_cmpint (status.snoozed_until, ==, 0);
  g_assert_cmpuint (count_events (store, escalation_id, "reraised"), ==, 1);
}

/* --- resolve ------------------------------------------------------------- */

/* A member resolves an escalation while the slip remains: the next
 * evaluation raises a new one, with the next ordinal. */
static void
test_resolve_then_slip_returns (Lifecycle     *fixture,
                                gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) monday = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) later = shanghai_time (2026, 11, 23, 11, 0);
  g_autoptr(GDateTime) tuesday = shanghai_time (2026, 11, 24, 10, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntity) second = NULL;
  g_autofree char *first_id = NULL;
  IrEscalationItem *item;

  item = evaluate_at (fixture, monday, &report);
  first_id = g_strdup (item->escalation_id);

  g_assert_true (ir_escalation_resolve (store, first_id, "Agreed on a workaround", later, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture, first_id).state, ==, IR_ESCALATION_RESOLVED);

  /* Resolved is final. */
  g_assert_false (ir_escalation_acknowledge (store, first_id, NULL, later, &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_RESOLVED);
  g_clear_error (&error);

  item = evaluate_at (fixture, tuesday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RAISED);
  g_assert_cmpstr (item->escalation_id, !=, first_id);
  second = ir_store_get_entity (store, "escalation", item->escalation_id);
  g_assert_cmpint (ir_entity_get_int (second, "ordinal"), ==, 1);
  g_assert_cmpuint (count_visible (store, "meeting"), ==, 2);
}

/* In a synced room a member writes only the event. The folded state shows
 * it at once, and the server's next evaluation copies it to the field. */
static void
test_member_acknowledges (Lifecycle     *fixture,
                          gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) monday = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) later = shanghai_time (2026, 11, 23, 11, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntity) escalation = NULL;
  IrEscalationItem *item;

  item = evaluate_at (fixture, monday, &report);
  escalation = ir_store_get_entity (store, "escalation", item->escalation_id);

  ir_store_set_actor (store, "zhao", IR_ROLE_FR);
  g_assert_true (ir_escalation_acknowledge (store, item->escalation_id, NULL, later, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ir_entity_get_string (escalation, "state"), ==, "notified");
  g_assert_cmpint (status_of (fixture, item->escalation_id).state, ==,
                   IR_ESCALATION_ACKNOWLEDGED);

  ir_store_set_actor (store, "server", IR_ROLE_SERVER);
  item = evaluate_at (fixture, later, &report);
  g_assert_cmpstr (ir_entity_get_string (escalation, "state"), ==, "acknowledged");
}

/* --- extension ----------------------------------------------------------- */

static void
add_confirmation (Lifecycle  *fixture,
                  const char *committed,
                  gint64      signed_at)
{
  g_autoptr(IrTx) tx = ir_store_begin (fixture->room->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *confirmation = ir_tx_create (tx, "confirmation");

  ir_tx_set_string (tx, "confirmation", confirmation, "task", fixture->milestone);
  ir_tx_set_string (tx, "confirmation", confirmation, "signer_name", "Liu Yang");
  ir_tx_set_string (tx, "confirmation", confirmation, "signer_company", "Huadong Petrochemical");
  ir_tx_set_string (tx, "confirmation", confirmation, "committed", committed);
  ir_tx_set_int (tx, "confirmation", confirmation, "signed_at", signed_at);
  g_assert_true (ir_store_commit (fixture->room->store, tx, &error));
  g_assert_no_error (error);
}

static void
test_extension_confirmed (Lifecycle     *fixture,
                          gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) monday = shanghai_time (2026, 11, 23, 10, 0);
  g_autoptr(GDateTime) later = shanghai_time (2026, 11, 23, 11, 0);
  g_autoptr(GDateTime) tuesday = shanghai_time (2026, 11, 24, 10, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *escalation_id = NULL;
  IrEscalationItem *item;

  add_confirmation (fixture, "2026-12-02", 1000);
  item = evaluate_at (fixture, monday, &report);
  escalation_id = g_strdup (item->escalation_id);

  /* The proposed date must be after the commitment. */
  g_assert_false (ir_escalation_request_extension (store, escalation_id,
                                                   ir_day_parse ("2026-12-01"), NULL, later,
                                                   &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ir_escalation_request_extension (store, escalation_id,
                                                  ir_day_parse ("2026-12-08"),
                                                  "The castings come a week late", later,
                                                  &error));
  g_assert_no_error (error);
  g_assert_cmpint (status_of (fixture, escalation_id).proposed_date, ==,
                   ir_day_parse ("2026-12-08"));
  g_assert_cmpint (status_of (fixture, escalation_id).state, ==, IR_ESCALATION_NOTIFIED);

  /* Until the customer confirms, nothing changes. */
  item = evaluate_at (fixture, later, &report);
  g_assert_cmpstr (item->escalation_id, ==, escalation_id);
  g_assert_false (item->changes & IR_ESCALATION_CHANGE_RESOLVED);

  add_confirmation (fixture, "2026-12-08", 2000);
  item = evaluate_at (fixture, tuesday, &report);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_cmpstr (item->resolved_id, ==, escalation_id);
  g_assert_null (item->escalation_id);
  g_assert_cmpstr (note_of (store, escalation_id), ==,
                   "The customer confirmed the new date 2026-12-08.");
  g_assert_cmpuint (count_visible (store, "escalation"), ==, 1);
}

static void
test_extension_of_risk_rejected (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GDateTime) now = shanghai_time (2026, 12, 10, 9, 0);
  g_autofree char *risk = ir_tx_create (tx, "risk");
  IrEscalationItem *item;

  ir_tx_set_string (tx, "risk", risk, "title", "Export licence");
  ir_tx_set_string (tx, "risk", risk, "due", "2026-12-01");
  g_assert_true (ir_store_commit (room->store, tx, &error));

  report = evaluate_ok (room->store, now, FALSE);
  item = ir_escalation_report_find (report, risk);
  g_assert_cmpint (item->tier, ==, IR_TIER_RED);

  g_assert_false (ir_escalation_request_extension (room->store, item->escalation_id,
                                                   ir_day_parse ("2026-12-20"), NULL, now,
                                                   &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID);
}

static void
test_unknown_escalation (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autoptr(GDateTime) now = shanghai_time (2026, 12, 10, 9, 0);
  g_autoptr(GError) error = NULL;
  IrEscalationStatus status;

  g_assert_false (ir_escalation_get_status (room->store, "0b7f5e0e-4a1d-4b43-9c55-0e8a4d1c9a10",
                                            &status));
  g_assert_false (ir_escalation_acknowledge (room->store, "0b7f5e0e-4a1d-4b43-9c55-0e8a4d1c9a10",
                                             NULL, now, &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_NOT_FOUND);
}

/* --- monitor ------------------------------------------------------------- */

static void
evaluated_cb (IrEscalationMonitor *monitor,
              IrEscalationReport  *report,
              guint               *n_evaluations)
{
  (*n_evaluations)++;
}

static void
wait_for_evaluations (guint *n_evaluations,
                      guint  n)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*n_evaluations < n && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (*n_evaluations, ==, n);
}

/* A local-only room's monitor writes what it finds once the room opens and
 * after a change to the plan; its own writes do not start another run. */
static void
test_monitor_local_room (Lifecycle     *fixture,
                         gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationMonitor) monitor = ir_escalation_monitor_new (store);
  IrEscalationItem *item;
  guint n_evaluations = 0;

  ir_escalation_monitor_set_delays (monitor, 20, 3600);
  g_signal_connect (monitor, "evaluated", G_CALLBACK (evaluated_cb), &n_evaluations);

  wait_for_evaluations (&n_evaluations, 1);
  g_assert_false (ir_escalation_monitor_get_provisional (monitor));
  item = ir_escalation_report_find (ir_escalation_monitor_get_report (monitor),
                                    fixture->milestone);
  g_assert_nonnull (item);
  g_assert_cmpuint (count_visible (store, "escalation"), ==, 1);

  /* Nothing changed since: no second run. */
  g_main_context_iteration (NULL, FALSE);
  g_usleep (50000);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (n_evaluations, ==, 1);

  escalation_room_set_int (fixture->room, "task", fixture->work, "duration", 12);
  wait_for_evaluations (&n_evaluations, 2);
  item = ir_escalation_report_find (ir_escalation_monitor_get_report (monitor),
                                    fixture->milestone);
  g_assert_cmpint (item->tier, ==, IR_TIER_RED);
}

/* A member's replica of a synced room only computes. */
static void
test_monitor_synced_room (Lifecycle     *fixture,
                          gconstpointer  data)
{
  IrStore *store = fixture->room->store;
  g_autoptr(IrEscalationMonitor) monitor = NULL;
  guint n_evaluations = 0;

  ir_store_set_actor (store, "zhao", IR_ROLE_FR);
  monitor = ir_escalation_monitor_new (store);
  g_signal_connect (monitor, "evaluated", G_CALLBACK (evaluated_cb), &n_evaluations);

  wait_for_evaluations (&n_evaluations, 1);
  g_assert_true (ir_escalation_monitor_get_provisional (monitor));
  g_assert_cmpuint (ir_escalation_monitor_get_report (monitor)->n_raised, ==, 1);
  g_assert_cmpuint (count_visible (store, "escalation"), ==, 0);
}

/* --- settings ------------------------------------------------------------ */

static void
test_settings_round_trip (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autoptr(GError) error = NULL;
  IrEscalationSettings settings, loaded;
  guint n_ops;

  ir_escalation_settings_init (&settings);
  ir_escalation_settings_init (&loaded);
  ir_escalation_settings_load (&loaded, room->store);
  g_assert_cmpint (loaded.yellow_after, ==, 3);
  g_assert_cmpint (loaded.red_after, ==, 7);
  g_assert_cmpint (loaded.day_count, ==, IR_DAY_COUNT_CALENDAR);
  g_assert_cmpstr (loaded.time_zone, ==, "Asia/Shanghai");
  g_assert_cmpint (loaded.meeting_hour, ==, 10);
  g_assert_null (loaded.meeting_link);

  settings.yellow_after = 2;
  settings.red_after = 10;
  settings.day_count = IR_DAY_COUNT_WORKING;
  g_free (settings.time_zone);
  settings.time_zone = g_strdup ("Asia/Singapore");
  settings.meeting_hour = 14;
  settings.meeting_link = g_strdup ("https://meet.example.com/valve");
  settings.reraise_hours = 24;
  g_assert_true (ir_escalation_settings_save (&settings, room->store, &error));
  g_assert_no_error (error);

  ir_escalation_settings_load (&loaded, room->store);
  g_assert_cmpint (loaded.yellow_after, ==, 2);
  g_assert_cmpint (loaded.red_after, ==, 10);
  g_assert_cmpint (loaded.day_count, ==, IR_DAY_COUNT_WORKING);
  g_assert_cmpstr (loaded.time_zone, ==, "Asia/Singapore");
  g_assert_cmpint (loaded.meeting_hour, ==, 14);
  g_assert_cmpstr (loaded.meeting_link, ==, "https://meet.example.com/valve");
  g_assert_cmpint (loaded.reraise_hours, ==, 24);

  /* Saving the same values writes nothing. */
  n_ops = ir_store_count_unpushed (room->store);
  g_assert_true (ir_escalation_settings_save (&settings, room->store, &error));
  g_assert_cmpuint (ir_store_count_unpushed (room->store), ==, n_ops);

  settings.red_after = 1;
  g_assert_false (ir_escalation_settings_save (&settings, room->store, &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID);
  g_clear_error (&error);

  settings.red_after = 10;
  g_free (settings.time_zone);
  settings.time_zone = g_strdup ("Mars/Olympus_Mons");
  g_assert_false (ir_escalation_settings_save (&settings, room->store, &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID);

  ir_escalation_settings_clear (&settings);
  ir_escalation_settings_clear (&loaded);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Lifecycle, NULL, lifecycle_setup, func, lifecycle_teardown)

  ADD ("/escalation/rise/blue-to-yellow", test_rise_blue_to_yellow);
  ADD ("/escalation/fall/after-working-day", test_fall_after_working_day);
  ADD ("/escalation/fall/over-weekend", test_fall_over_weekend);
  ADD ("/escalation/fall/interrupted", test_fall_interrupted);
  ADD ("/escalation/reraise/ack-timeout", test_reraise_after_ack_timeout);
  ADD ("/escalation/reraise/snooze-expiry", test_snooze_expiry);
  ADD ("/escalation/resolve/slip-returns", test_resolve_then_slip_returns);
  ADD ("/escalation/member-acknowledges", test_member_acknowledges);
  ADD ("/escalation/extension/confirmed", test_extension_confirmed);
  ADD ("/escalation/monitor/local-room", test_monitor_local_room);
  ADD ("/escalation/monitor/synced-room", test_monitor_synced_room);

#undef ADD

  g_test_add_func ("/escalation/extension/risk-rejected", test_extension_of_risk_rejected);
  g_test_add_func ("/escalation/unknown", test_unknown_escalation);
  g_test_add_func ("/escalation/settings/round-trip", test_settings_round_trip);

  return g_test_run ();
}
