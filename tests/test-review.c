/* test-review.c: the review's agenda from a fixed history, and decisions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ir-hlc.h"
#include "ir-review.h"
#include "ir-test-store-util.h"

/* Milliseconds since the epoch of 2026-03-02 09:00 UTC, the first review. */
#define REVIEW_MS G_GINT64_CONSTANT (1772442000000)

/* --- helpers -------------------------------------------------------------- */

/* Applies one op of another replica, as the server sends it. */
static void
remote_set (IrStore    *store,
            const char *client,
            guint64     counter,
            const char *entity,
            const char *eid,
            const char *field,
            const char *value_json,
            gint64      hlc_ms,
            gint64      seq,
            gint64      seen)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrOp) op = ir_test_op_new (client, counter, client, counter, entity, eid, field,
                                       value_json, ir_hlc_make (hlc_ms, 0), seq, seen);

  g_assert_true (ir_test_apply_one (store, op, &error));
  g_assert_no_error (error);
}

static GDateTime *
utc (int year,
     int month,
     int day)
{
  return g_date_time_new_utc (year, month, day, 9, 0, 0);
}

static IrStore *
new_store (void)
{
  IrStore *store = ir_test_store_new ();

  ir_store_set_actor (store, "zhangwei", IR_ROLE_AR | IR_ROLE_SERVER);
  return store;
}

static const IrReviewPersonChange *
find_person (IrReviewAgenda *agenda,
             const char     *stakeholder)
{
  for (guint i = 0; i < agenda->people->len; i++)
    {
      const IrReviewPersonChange *change = g_ptr_array_index (agenda->people, i);

      if (g_strcmp0 (change->stakeholder, stakeholder) == 0)
        return change;
    }

  return NULL;
}

/* Gives this replica's unpushed ops server sequences from @first on, as a
 * push does. Returns the next free sequence. */
static gint64
push_all (IrStore *store,
          gint64   first)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, G_MAXUINT);

  for (guint i = 0; i < ops->len; i++)
    ir_store_mark_synced (store, ((IrOp *) ops->pdata[i])->id, first++, g_get_real_time ());

  return first;
}

static void
set_local (IrStore    *store,
           const char *entity,
           const char *eid,
           const char *field,
           const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);

  ir_tx_set_string (tx, entity, eid, field, value);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

/* Two stakeholders that the SR's replica created at sequences 1 to 5,
 * some hours before the review. */
static void
add_two_people (IrStore    *store,
                const char *first,
                const char *second)
{
  const gint64 hour = 3600 * 1000;

  remote_set (store, "sr", 1, "stakeholder", first, "name", "\"Sun Li\"", REVIEW_MS - 9 * hour,
              1, 0);
  remote_set (store, "sr", 2, "stakeholder", first, "stance", "\"neutral\"",
              REVIEW_MS - 8 * hour, 2, 1);
  remote_set (store, "sr", 3, "stakeholder", first, "influence", "4", REVIEW_MS - 7 * hour, 3, 2);
  remote_set (store, "sr", 4, "stakeholder", second, "name", "\"Zhou Bin\"",
              REVIEW_MS - 6 * hour, 4, 3);
  remote_set (store, "sr", 5, "stakeholder", second, "stance", "\"skeptic\"",
              REVIEW_MS - 5 * hour, 5, 4);
  ir_store_set_seen_seq (store, 5);
}

/* --- agenda from a fixed history ------------------------------------------ */

static void
test_review_first_agenda (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) now = utc (2026, 3, 2);
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ir_uuid_new ();
  g_autofree char *second = ir_uuid_new ();
  const IrReviewStep *step;

  add_two_people (store, first, second);

  agenda = ir_review_agenda_new_since_last (store, now, &error);
  g_assert_no_error (error);
  g_assert_null (agenda->since_review);
  g_assert_cmpint (agenda->since_seq, ==, -1);
  g_assert_cmpint (agenda->head_seq, ==, 5);
  g_assert_cmpuint (agenda->n_ops, ==, 5);
  g_assert_cmpuint (agenda->people->len, ==, 2);
  g_assert_cmpint (find_person (agenda, first)->kind, ==, IR_REVIEW_PERSON_NEW);
  g_assert_cmpint (find_person (agenda, second)->kind, ==, IR_REVIEW_PERSON_NEW);

  /* Overview, map, "no drawings", plan, escalations, decisions. */
  g_assert_cmpuint (ir_review_agenda_get_n_steps (agenda), ==, 6);
  step = ir_review_agenda_get_step (agenda, 2);
  g_assert_cmpint (step->kind, ==, IR_REVIEW_STEP_DRAWING);
  g_assert_cmpint (step->revision, ==, -1);
  step = ir_review_agenda_get_step (agenda, 5);
  g_assert_cmpint (step->kind, ==, IR_REVIEW_STEP_DECISIONS);
}

static void
test_review_offline_edit_synced_later (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) held_at = g_date_time_new_from_unix_utc (REVIEW_MS / 1000);
  g_autoptr(GDateTime) later = utc (2026, 3, 16);
  g_autoptr(IrReviewAgenda) first_agenda = NULL;
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(IrEntity) review_entity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ir_uuid_new ();
  g_autofree char *second = ir_uuid_new ();
  g_autofree char *third = ir_uuid_new ();
  g_autofree char *review = NULL;
  g_autofree char *last = NULL;
  g_autofree char *successor_json = NULL;
  g_autofree char *third_json = NULL;
  const IrReviewPersonChange *change;
  gint64 next;

  add_two_people (store, first, second);

  first_agenda = ir_review_agenda_new_since_last (store, held_at, &error);
  g_assert_no_error (error);
  review = ir_review_hold (store, first_agenda, "First review", held_at, &error);
  g_assert_no_error (error);
  g_assert_nonnull (review);
  review_entity = ir_store_get_entity (store, "review", review);
  g_assert_cmpint (ir_entity_get_int (review_entity, "seq"), ==, 5);
  g_assert_cmpint (ir_entity_get_int (review_entity, "held"), ==, REVIEW_MS * 1000);

  /* The FR changed a stance offline an hour before the review, having
   * seen only sequence 3; it reaches the server after the review. */
  remote_set (store, "fr", 1, "stakeholder", second, "stance", "\"supporter\"",
              REVIEW_MS - 3600 * 1000, 6, 3);

  /* After the review: a new person, and one who left for them. */
  third_json = g_strdup_printf ("\"%s\"", third);
  remote_set (store, "sr", 6, "stakeholder", third, "name", "\"Qian Hua\"", REVIEW_MS + 1000, 7, 6);
  remote_set (store, "sr", 7, "stakeholder", third, "stance", "\"champion\"", REVIEW_MS + 2000, 8,
              7);
  remote_set (store, "sr", 8, "stakeholder", first, "status", "\"left\"", REVIEW_MS + 3000, 9, 8);
  successor_json = g_strdup_printf ("\"%s\"", third);
  remote_set (store, "sr", 9, "stakeholder", first, "successor", successor_json,
              REVIEW_MS + 4000, 10, 9);

  /* The review itself reaches the server last. */
  next = push_all (store, 11);
  ir_store_set_seen_seq (store, next - 1);

  last = ir_review_find_last (store, NULL);
  g_assert_cmpstr (last, ==, review);

  agenda = ir_review_agenda_new_since_last (store, later, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agenda->since_review, ==, review);
  g_assert_cmpstr (agenda->since_title, ==, "First review");
  g_assert_cmpint (agenda->since_seq, ==, 5);
  g_assert_cmpint (agenda->head_seq, ==, next - 1);

  /* The offline edit, the four edits after it and the review's own ops
   * are in range. */
  g_assert_cmpuint (agenda->n_ops, ==, 5 + (guint) (next - 11));

  g_assert_cmpuint (agenda->people->len, ==, 3);
  change = g_ptr_array_index (agenda->people, 0);
  g_assert_cmpint (change->kind, ==, IR_REVIEW_PERSON_NEW);
  g_assert_cmpstr (change->name, ==, "Qian Hua");
  g_assert_cmpstr (change->new_stance, ==, "champion");

  /* Written before the review by the clock, yet shown after it. */
  change = find_person (agenda, second);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, IR_REVIEW_PERSON_STANCE);
  g_assert_cmpstr (change->old_stance, ==, "skeptic");
  g_assert_cmpstr (change->new_stance, ==, "supporter");

  change = find_person (agenda, first);
  g_assert_nonnull (change);
  g_assert_cmpint (change->kind, ==, IR_REVIEW_PERSON_LEFT);
  g_assert_cmpstr (change->successor_name, ==, "Qian Hua");
}

static void
test_review_between_two_sequences (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) now = utc (2026, 3, 16);
  g_autoptr(IrReviewPoint) since = ir_review_point_new_at (5);
  g_autoptr(IrReviewPoint) until = ir_review_point_new_at (6);
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ir_uuid_new ();
  g_autofree char *second = ir_uuid_new ();
  g_autofree char *third = ir_uuid_new ();

  add_two_people (store, first, second);
  remote_set (store, "fr", 1, "stakeholder", second, "stance", "\"supporter\"",
              REVIEW_MS - 3600 * 1000, 6, 3);
  remote_set (store, "sr", 6, "stakeholder", third, "name", "\"Qian Hua\"", REVIEW_MS + 1000, 7, 6);
  ir_store_set_seen_seq (store, 7);

  agenda = ir_review_agenda_new (store, since, until, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->n_ops, ==, 1);
  g_assert_cmpint (agenda->head_seq, ==, 6);
  g_assert_cmpuint (agenda->people->len, ==, 1);
  g_assert_cmpint (find_person (agenda, second)->kind, ==, IR_REVIEW_PERSON_STANCE);
  g_assert_null (find_person (agenda, third));
}

static void
test_review_own_unpushed_edit (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) now = utc (2026, 3, 2);
  g_autoptr(IrReviewAgenda) first_agenda = NULL;
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ir_uuid_new ();
  g_autofree char *second = ir_uuid_new ();
  g_autofree char *review = NULL;
  gint64 next;

  add_two_people (store, first, second);

  /* The presenter's own edit, not pushed when the review is held. */
  set_local (store, "stakeholder", first, "stance", "champion");
  first_agenda = ir_review_agenda_new_since_last (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first_agenda->head_seq, ==, 5);
  review = ir_review_hold (store, first_agenda, NULL, now, &error);
  g_assert_no_error (error);

  /* Another member's edit takes sequence 6; the presenter's come after. */
  remote_set (store, "fr", 1, "stakeholder", second, "influence", "2", REVIEW_MS + 1000, 6, 5);
  next = push_all (store, 7);
  ir_store_set_seen_seq (store, next - 1);

  agenda = ir_review_agenda_new_since_last (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agenda->since_review, ==, review);
  g_assert_cmpuint (agenda->people->len, ==, 0);
}

static void
test_review_local_only_room (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) now = utc (2026, 3, 2);
  g_autoptr(IrReviewAgenda) first_agenda = NULL;
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(IrReviewAgenda) by_count = NULL;
  g_autoptr(IrReviewPoint) after_first = NULL;
  g_autoptr(IrEntity) review_entity = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ir_test_create_stakeholder (store, "Sun Li");
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *review = NULL;
  guint n_first = ir_store_count_unpushed (store);
  guint n_before_review;

  second = ir_test_create_stakeholder (store, "Zhou Bin");
  n_before_review = ir_store_count_unpushed (store);
  g_assert_cmpint (ir_review_get_head (store), ==, n_before_review);

  first_agenda = ir_review_agenda_new_since_last (store, now, &error);
  g_assert_no_error (error);
  review = ir_review_hold (store, first_agenda, NULL, now, &error);
  g_assert_no_error (error);
  review_entity = ir_store_get_entity (store, "review", review);
  g_assert_cmpint (ir_entity_get_int (review_entity, "seq"), ==, n_before_review);

  set_local (store, "stakeholder", second, "stance", "blocker");
  third = ir_test_create_stakeholder (store, "Qian Hua");

  agenda = ir_review_agenda_new_since_last (store, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->people->len, ==, 2);
  g_assert_cmpint (find_person (agenda, third)->kind, ==, IR_REVIEW_PERSON_NEW);
  g_assert_cmpint (find_person (agenda, second)->kind, ==, IR_REVIEW_PERSON_STANCE);
  g_assert_cmpstr (find_person (agenda, second)->old_stance, ==, "neutral");
  g_assert_null (find_person (agenda, first));

  /* A count of ops in local order is a point too. */
  after_first = ir_review_point_new_at (n_first);
  by_count = ir_review_agenda_new (store, after_first, NULL, now, &error);
  g_assert_no_error (error);
  g_assert_null (find_person (by_count, first));
  g_assert_cmpint (find_person (by_count, second)->kind, ==, IR_REVIEW_PERSON_NEW);
  g_assert_cmpint (find_person (by_count, third)->kind, ==, IR_REVIEW_PERSON_NEW);
}

/* --- plan ----------------------------------------------------------------- */

typedef struct
{
  char *design;
  char *freeze;
} Plan;

static void
plan_clear (Plan *plan)
{
  g_free (plan->design);
  g_free (plan->freeze);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Plan, plan_clear)

/* A week of design, then the drawing freeze, committed for 9 March. */
static void
write_plan (IrStore *store,
            Plan    *plan)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autofree char *calendar = ir_tx_create (tx, "calendar");
  g_autofree char *link = ir_tx_create (tx, "dependency");

  ir_tx_set_string (tx, "calendar", calendar, "name", "Standard");
  ir_tx_set_int (tx, "calendar", calendar, "weekdays", 0x1f);
  ir_tx_set_string (tx, "calendar", calendar, "project_start", "2026-03-02");

  plan->design = ir_tx_create (tx, "task");
  ir_tx_set_string (tx, "task", plan->design, "name", "Design");
  ir_tx_set_string (tx, "task", plan->design, "position", "a");
  ir_tx_set_int (tx, "task", plan->design, "duration", 5);

  plan->freeze = ir_tx_create (tx, "task");
  ir_tx_set_string (tx, "task", plan->freeze, "name", "Drawing freeze");
  ir_tx_set_string (tx, "task", plan->freeze, "position", "b");
  ir_tx_set_boolean (tx, "task", plan->freeze, "milestone", TRUE);
  ir_tx_set_boolean (tx, "task", plan->freeze, "key_milestone", TRUE);
  ir_tx_set_int (tx, "task", plan->freeze, "duration", 0);
  ir_tx_set_string (tx, "task", plan->freeze, "committed", "2026-03-09");

  ir_tx_set_string (tx, "dependency", link, "successor", plan->freeze);
  ir_tx_set_string (tx, "dependency", link, "predecessor", plan->design);
  ir_tx_set_string (tx, "dependency", link, "type", "FS");

  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);
}

static void
test_review_plan_changes (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) held_at = utc (2026, 3, 2);
  g_autoptr(GDateTime) later = utc (2026, 3, 10);
  g_autoptr(IrReviewAgenda) first_agenda = NULL;
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *confirmation = NULL;
  g_auto(Plan) plan = { 0 };
  const IrReviewTaskChange *change;
  const IrReviewEscalation *escalation;
  const IrReviewConfirmation *confirmed;

  write_plan (store, &plan);
  first_agenda = ir_review_agenda_new_since_last (store, held_at, &error);
  g_assert_no_error (error);
  /* A first review has no earlier plan to compare with. */
  g_assert_cmpuint (first_agenda->task_changes->len, ==, 0);
  g_assert_cmpuint (first_agenda->critical->len, ==, 2);
  g_assert_nonnull (ir_review_hold (store, first_agenda, NULL, held_at, &error));
  g_assert_no_error (error);

  /* Design takes a week longer, and the customer confirms the freeze. */
  tx = ir_store_begin (store);
  ir_tx_set_int (tx, "task", plan.design, "duration", 10);
  confirmation = ir_tx_create (tx, "confirmation");
  ir_tx_set_string (tx, "confirmation", confirmation, "task", plan.freeze);
  ir_tx_set_string (tx, "confirmation", confirmation, "signer_name", "Qian Hua");
  ir_tx_set_string (tx, "confirmation", confirmation, "signer_company", "East China Petrochemical");
  ir_tx_set_string (tx, "confirmation", confirmation, "committed", "2026-03-09");
  ir_tx_set_string (tx, "confirmation", confirmation, "recorded_by", "zhangwei");
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  agenda = ir_review_agenda_new_since_last (store, later, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (agenda->task_changes->len, ==, 1);
  change = g_ptr_array_index (agenda->task_changes, 0);
  g_assert_cmpstr (change->task, ==, plan.freeze);
  g_assert_cmpint (change->kind, ==, IR_REVIEW_TASK_SLIPPED);
  g_assert_true (change->key_milestone);
  g_assert_cmpint (change->slip, ==, 7);
  g_assert_cmpint (change->new_finish - change->old_finish, ==, 7);
  g_assert_cmpint (change->new_committed, ==, ir_day_from_ymd (2026, 3, 9));
  g_assert_cmpint (change->late, >, 0);

  g_assert_cmpuint (agenda->confirmations->len, ==, 1);
  confirmed = g_ptr_array_index (agenda->confirmations, 0);
  g_assert_cmpstr (confirmed->signer, ==, "Qian Hua");
  g_assert_cmpstr (confirmed->milestone, ==, "Drawing freeze");
  g_assert_cmpint (confirmed->committed, ==, ir_day_from_ymd (2026, 3, 9));

  g_assert_cmpuint (agenda->critical->len, ==, 2);
  g_assert_false (((IrReviewCriticalTask *) agenda->critical->pdata[0])->newly_critical);

  g_assert_cmpuint (agenda->escalations->len, ==, 1);
  escalation = g_ptr_array_index (agenda->escalations, 0);
  g_assert_cmpstr (escalation->subject, ==, plan.freeze);
  g_assert_cmpint (escalation->delay, ==, change->late);
  g_assert_cmpint (escalation->tier, ==, IR_TIER_YELLOW);
  /* Provisional: the desktop of a test room raised nothing. */
  g_assert_null (escalation->state);
}

/* --- decisions ------------------------------------------------------------ */

static char *
add_member (IrStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  char *member = ir_tx_create (tx, "member");

  ir_tx_set_string (tx, "member", member, "user", "lina");
  ir_tx_set_string (tx, "member", member, "display_name", "Li Na");
  ir_tx_set_string (tx, "member", member, "role", "SR");
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return member;
}

static void
test_review_decisions (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) now = utc (2026, 3, 9);
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntity) task = NULL;
  g_autoptr(IrEntity) risk = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autofree char *member = add_member (store);
  g_autofree char *review = NULL;
  g_autofree char *action = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *task_id = NULL;
  g_autofree char *risk_id = NULL;
  g_autofree char *again = NULL;
  IrDay due = ir_day_from_ymd (2026, 3, 13);
  guint n_ops;

  agenda = ir_review_agenda_new_since_last (store, now, &error);
  g_assert_no_error (error);
  review = ir_review_hold (store, agenda, "Weekly review", now, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (agenda->review, ==, review);

  /* Holding again on the same agenda records nothing new. */
  again = ir_review_hold (store, agenda, NULL, now, &error);
  g_assert_cmpstr (again, ==, review);

  action = ir_review_add_decision (store, review, "action", NULL, member, due, &error);
  g_assert_no_error (error);
  g_assert_true (ir_review_set_decision_text (store, action, "Send revision C to EHS", &error));
  g_assert_no_error (error);

  /* Saving the text that the field already contains writes nothing. */
  n_ops = ir_store_count_unpushed (store);
  g_assert_true (ir_review_set_decision_text (store, action, "Send revision C to EHS", &error));
  g_assert_cmpuint (ir_store_count_unpushed (store), ==, n_ops);

  decision = ir_review_add_decision (store, review, "decision", "Share the test cost", NULL,
                                     IR_DAY_NONE, &error);
  g_assert_no_error (error);

  g_assert_true (ir_review_agenda_reload_decisions (agenda, store));
  g_assert_cmpuint (agenda->decisions->len, ==, 2);
  g_assert_cmpstr (((IrReviewDecision *) agenda->decisions->pdata[0])->decision, ==, action);
  g_assert_cmpstr (((IrReviewDecision *) agenda->decisions->pdata[0])->owner_name, ==, "Li Na");
  g_assert_cmpint (((IrReviewDecision *) agenda->decisions->pdata[0])->due, ==, due);
  g_assert_cmpstr (((IrReviewDecision *) agenda->decisions->pdata[1])->kind, ==, "decision");

  /* The action becomes a task from today to its due date. */
  task_id = ir_review_decision_make_task (store, action, ir_day_from_ymd (2026, 3, 9), &error);
  g_assert_no_error (error);
  task = ir_store_get_entity (store, "task", task_id);
  g_assert_cmpstr (ir_entity_get_string (task, "name"), ==, "Send revision C to EHS");
  g_assert_cmpstr (ir_entity_get_string (task, "owner"), ==, member);
  g_assert_cmpint (ir_entity_get_int (task, "duration"), ==, 5);
  g_assert_cmpstr (ir_entity_get_string (task, "constraint_date"), ==, "2026-03-09");

  g_assert_null (ir_review_decision_make_task (store, action, ir_day_from_ymd (2026, 3, 9),
                                               &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_LINKED);
  g_clear_error (&error);
  g_assert_null (ir_review_decision_make_risk (store, action, &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_LINKED);
  g_clear_error (&error);

  risk_id = ir_review_decision_make_risk (store, decision, &error);
  g_assert_no_error (error);
  risk = ir_store_get_entity (store, "risk", risk_id);
  g_assert_cmpstr (ir_entity_get_string (risk, "title"), ==, "Share the test cost");
  g_assert_cmpstr (ir_entity_get_string (risk, "status"), ==, "open");

  decisions = ir_review_list_decisions (store, review);
  g_assert_cmpstr (((IrReviewDecision *) decisions->pdata[0])->task, ==, task_id);
  g_assert_cmpstr (((IrReviewDecision *) decisions->pdata[1])->risk, ==, risk_id);

  /* Bad input is refused with the reason. */
  g_assert_false (ir_review_set_decision_kind (store, decision, "vote", &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (ir_review_set_decision_text (store, decision, "", &error));
  g_assert_null (ir_review_decision_make_task (store, decision, ir_day_from_ymd (2026, 3, 9),
                                               &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_LINKED);
  g_clear_error (&error);

  g_assert_true (ir_review_delete_decision (store, decision, &error));
  g_assert_no_error (error);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  decisions = ir_review_list_decisions (store, review);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_false (ir_review_set_decision_text (store, decision, "gone", &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_NOT_FOUND);
}

static void
test_review_empty_text_refused (void)
{
  g_autoptr(IrStore) store = new_store ();
  g_autoptr(GDateTime) now = utc (2026, 3, 9);
  g_autoptr(IrReviewAgenda) agenda = ir_review_agenda_new_since_last (store, now, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *review = ir_review_hold (store, agenda, NULL, now, NULL);
  g_autofree char *action = ir_review_add_decision (store, review, "action", "  ", NULL,
                                                    IR_DAY_NONE, &error);

  g_assert_no_error (error);
  g_assert_null (ir_review_decision_make_task (store, action, ir_day_from_ymd (2026, 3, 9),
                                               &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (ir_review_add_decision (store, review, "minutes", NULL, NULL, IR_DAY_NONE,
                                         &error));
  g_assert_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/review/agenda/first", test_review_first_agenda);
  g_test_add_func ("/review/agenda/offline-edit-synced-later",
                   test_review_offline_edit_synced_later);
  g_test_add_func ("/review/agenda/between-two-sequences", test_review_between_two_sequences);
  g_test_add_func ("/review/agenda/own-unpushed-edit", test_review_own_unpushed_edit);
  g_test_add_func ("/review/agenda/local-only-room", test_review_local_only_room);
  g_test_add_func ("/review/agenda/plan-changes", test_review_plan_changes);
  g_test_add_func ("/review/decisions/record-and-convert", test_review_decisions);
  g_test_add_func ("/review/decisions/empty-text-refused", test_review_empty_text_refused);

  return g_test_run ();
}
