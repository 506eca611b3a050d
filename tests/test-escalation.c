/* test-escalation.c: delays, tiers, days in the room's time zone, and
 * escalations raised once with their actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "escalation-fixture.h"
#include "ir-plan-ical.h"

/* Before the plan starts, so that "today" never pushes a forecast. */
#define EARLY_NOW() shanghai_time (2026, 11, 20, 10, 0)

static JsonNode *
int_value (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static JsonNode *
string_value (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value);
  return node;
}

static char *
add_risk (EscalationRoom *room,
          const char     *title,
          const char     *due)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autoptr(GError) error = NULL;
  char *risk = ir_tx_create (tx, "risk");

  ir_tx_set_string (tx, "risk", risk, "title", title);
  ir_tx_set_string (tx, "risk", risk, "owner", room->members[MEMBER_SR]);
  ir_tx_set_string (tx, "risk", risk, "due", due);
  ir_tx_set_string (tx, "risk", risk, "status", "open");
  ir_tx_set_int (tx, "risk", risk, "probability", 3);
  ir_tx_set_int (tx, "risk", risk, "impact", 4);
  g_assert_true (ir_store_commit (room->store, tx, &error));
  g_assert_no_error (error);

  return risk;
}

static IrEntity *
get_escalation (IrStore    *store,
                const char *escalation_id)
{
  IrEntity *escalation = ir_store_get_entity (store, "escalation", escalation_id);

  g_assert_nonnull (escalation);
  return escalation;
}

/* --- derived ids --------------------------------------------------------- */

static void
test_uuid_derive (void)
{
  g_autofree char *first = ir_uuid_derive ("room", "subject", "2026-12-01", "blue", "0", NULL);
  g_autofree char *again = ir_uuid_derive ("room", "subject", "2026-12-01", "blue", "0", NULL);
  g_autofree char *other_tier = ir_uuid_derive ("room", "subject", "2026-12-01", "yellow", "0",
                                                NULL);
  g_autofree char *other_ordinal = ir_uuid_derive ("room", "subject", "2026-12-01", "blue", "1",
                                                   NULL);
  g_autofree char *split_ab = ir_uuid_derive ("ab", "c", NULL);
  g_autofree char *split_a = ir_uuid_derive ("a", "bc", NULL);

  g_assert_true (ir_uuid_is_valid (first));
  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other_tier);
  g_assert_cmpstr (first, !=, other_ordinal);
  g_assert_cmpstr (split_ab, !=, split_a);
  /* Version 8, RFC variant. */
  g_assert_cmpint (first[14], ==, '8');
  g_assert_true (strchr ("89ab", first[19]) != NULL);
}

/* --- delay and tier ------------------------------------------------------ */

static void
test_tier_table (void)
{
  static const struct
  {
    int    days_late;
    IrTier tier;
  } cases[] = {
    { 0, IR_TIER_NONE },
    { 1, IR_TIER_BLUE },
    { 3, IR_TIER_BLUE },
    { 4, IR_TIER_YELLOW },
    { 7, IR_TIER_YELLOW },
    { 8, IR_TIER_RED },
  };
  g_autoptr(GDateTime) now = EARLY_NOW ();

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(EscalationRoom) room = escalation_room_new ();
      g_autofree char *milestone = escalation_room_add_milestone (room, "Drawing freeze", 5, NULL);
      g_autoptr(IrEscalationReport) report = NULL;
      IrEscalationItem *item;

      escalation_room_commit_late (room, milestone, cases[i].days_late);
      report = evaluate_ok (room->store, now, TRUE);
      item = ir_escalation_report_find (report, milestone);

      g_test_message ("%d days late", cases[i].days_late);
      if (cases[i].tier == IR_TIER_NONE)
        {
          g_assert_null (item);
          continue;
        }
      g_assert_nonnull (item);
      g_assert_cmpint (item->slip->delay, ==, cases[i].days_late);
      g_assert_cmpint (item->slip->tier, ==, cases[i].tier);
      g_assert_cmpint (item->tier, ==, cases[i].tier);
      g_assert_true (item->changes & IR_ESCALATION_CHANGE_RAISED);
    }
}

static void
test_tier_thresholds (void)
{
  IrEscalationSettings settings;

  ir_escalation_settings_init (&settings);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, -2), ==, IR_TIER_NONE);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 0), ==, IR_TIER_NONE);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 1), ==, IR_TIER_BLUE);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 3), ==, IR_TIER_BLUE);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 4), ==, IR_TIER_YELLOW);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 7), ==, IR_TIER_YELLOW);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 8), ==, IR_TIER_RED);

  settings.yellow_after = 2;
  settings.red_after = 5;
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 2), ==, IR_TIER_BLUE);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 3), ==, IR_TIER_YELLOW);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 5), ==, IR_TIER_YELLOW);
  g_assert_cmpint (ir_escalation_tier_for_delay (&settings, 6), ==, IR_TIER_RED);
  ir_escalation_settings_clear (&settings);
}

static void
test_room_thresholds (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *milestone = escalation_room_add_milestone (room, "Drawing freeze", 5, NULL);
  g_autoptr(GDateTime) now = EARLY_NOW ();
  g_autoptr(IrEscalationReport) before = NULL;
  g_autoptr(IrEscalationReport) after = NULL;

  escalation_room_commit_late (room, milestone, 3);
  before = evaluate_ok (room->store, now, TRUE);
  g_assert_cmpint (ir_escalation_report_find (before, milestone)->tier, ==, IR_TIER_BLUE);

  escalation_room_set_setting (room, IR_SETTING_ESCALATION_YELLOW_AFTER, int_value (2));
  after = evaluate_ok (room->store, now, TRUE);
  g_assert_cmpint (ir_escalation_report_find (after, milestone)->tier, ==, IR_TIER_YELLOW);
}

/* Monday 2026-12-07 is three calendar days but one working day after
 * Friday 2026-12-04. */
static void
test_working_days_weekend (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *milestone = escalation_room_add_milestone (room, "Drawing freeze", 5, NULL);
  g_autoptr(GDateTime) now = EARLY_NOW ();
  g_autoptr(IrEscalationReport) calendar_days = NULL;
  g_autoptr(IrEscalationReport) working_days = NULL;
  IrEscalationItem *item;
  IrDay forecast = escalation_room_forecast (room, milestone);

  g_assert_cmpint (forecast, ==, ir_day_parse ("2026-12-07"));
  g_assert_cmpint (ir_day_get_weekday (forecast), ==, G_DATE_MONDAY);

  /* Wednesday: 5 calendar days, 3 working days (Thursday, Friday, Monday). */
  escalation_room_set_string (room, "task", milestone, "committed", "2026-12-02");
  calendar_days = evaluate_ok (room->store, now, TRUE);
  item = ir_escalation_report_find (calendar_days, milestone);
  g_assert_cmpint (item->slip->delay, ==, 5);
  g_assert_cmpint (item->tier, ==, IR_TIER_YELLOW);

  escalation_room_set_setting (room, IR_SETTING_ESCALATION_DAY_COUNT, string_value ("working"));
  working_days = evaluate_ok (room->store, now, TRUE);
  item = ir_escalation_report_find (working_days, milestone);
  g_assert_cmpint (item->slip->delay, ==, 3);
  g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);

  /* Friday: one working day. */
  escalation_room_set_string (room, "task", milestone, "committed", "2026-12-04");
  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, now, TRUE);

    item = ir_escalation_report_find (report, milestone);
    g_assert_cmpint (item->slip->delay, ==, 1);
    g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
  }
}

/* A risk due on Wednesday 2026-12-02 and still open on Monday 2026-12-07:
 * the make-up working Saturday counts, a holiday does not. */
static void
test_working_days_make_up (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *risk = add_risk (room, "Castings supplier capacity", "2026-12-02");
  g_autoptr(GDateTime) monday = shanghai_time (2026, 12, 7, 15, 0);
  IrEscalationItem *item;

  escalation_room_set_setting (room, IR_SETTING_ESCALATION_DAY_COUNT, string_value ("working"));
  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, monday, TRUE);

    item = ir_escalation_report_find (report, risk);
    g_assert_nonnull (item);
    g_assert_cmpint (item->kind, ==, IR_SUBJECT_RISK);
    g_assert_cmpint (item->slip->delay, ==, 3);
    g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
  }

  escalation_room_add_day (room, "2026-12-05", "workday");
  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, monday, TRUE);

    item = ir_escalation_report_find (report, risk);
    g_assert_cmpint (item->slip->delay, ==, 4);
    g_assert_cmpint (item->tier, ==, IR_TIER_YELLOW);
  }

  escalation_room_add_day (room, "2026-12-04", "holiday");
  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, monday, TRUE);

    item = ir_escalation_report_find (report, risk);
    g_assert_cmpint (item->slip->delay, ==, 3);
    g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
  }
}

/* --- time zone ----------------------------------------------------------- */

/* At 01:30 on 2026-12-05 in Shanghai it is still 2026-12-04 in UTC. A
 * server on UTC and a desktop on UTC+8 must both count in the room's day. */
static void
test_time_zone_agree (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *risk = add_risk (room, "Export licence", "2026-12-01");
  g_autofree char *work = NULL;
  g_autofree char *milestone = escalation_room_add_milestone (room, "Pattern approval", 1, &work);
  g_autoptr(GTimeZone) utc_plus_8 = g_time_zone_new_offset (8 * 3600);
  g_autoptr(GDateTime) server_now = g_date_time_new_utc (2026, 12, 4, 17, 30, 0);
  g_autoptr(GDateTime) desktop_now = g_date_time_to_timezone (server_now, utc_plus_8);
  g_autoptr(IrEscalationReport) server = NULL;
  g_autoptr(IrEscalationReport) desktop = NULL;
  IrEscalationItem *server_item, *desktop_item;

  /* The milestone was committed for 2026-12-01 and is not done, so it is
   * late by as many days as the risk. */
  escalation_room_set_string (room, "task", milestone, "committed", "2026-12-01");

  server = evaluate_ok (room->store, server_now, TRUE);
  desktop = evaluate_ok (room->store, desktop_now, TRUE);

  g_assert_cmpint (server->today, ==, ir_day_parse ("2026-12-05"));
  g_assert_cmpint (desktop->today, ==, server->today);

  server_item = ir_escalation_report_find (server, risk);
  desktop_item = ir_escalation_report_find (desktop, risk);
  g_assert_cmpint (server_item->slip->delay, ==, 4);
  g_assert_cmpint (desktop_item->slip->delay, ==, 4);
  g_assert_cmpint (server_item->tier, ==, IR_TIER_YELLOW);
  g_assert_cmpint (desktop_item->tier, ==, IR_TIER_YELLOW);
  g_assert_cmpstr (server_item->escalation_id, ==, desktop_item->escalation_id);

  server_item = ir_escalation_report_find (server, milestone);
  desktop_item = ir_escalation_report_find (desktop, milestone);
  g_assert_cmpint (server_item->slip->forecast, ==, ir_day_parse ("2026-12-05"));
  g_assert_cmpint (server_item->slip->delay, ==, 4);
  g_assert_cmpint (desktop_item->slip->delay, ==, 4);
  g_assert_cmpstr (server_item->escalation_id, ==, desktop_item->escalation_id);
}

/* One minute before midnight in Shanghai both still count 2026-12-04; a
 * room set to UTC counts the UTC day. */
static void
test_time_zone_room_setting (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *risk = add_risk (room, "Export licence", "2026-12-01");
  g_autoptr(GDateTime) before_midnight = g_date_time_new_utc (2026, 12, 4, 15, 59, 0);
  g_autoptr(GDateTime) after_midnight = g_date_time_new_utc (2026, 12, 4, 16, 1, 0);

  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, before_midnight, TRUE);

    g_assert_cmpint (report->today, ==, ir_day_parse ("2026-12-04"));
    g_assert_cmpint (ir_escalation_report_find (report, risk)->tier, ==, IR_TIER_BLUE);
  }
  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, after_midnight, TRUE);

    g_assert_cmpint (report->today, ==, ir_day_parse ("2026-12-05"));
    g_assert_cmpint (ir_escalation_report_find (report, risk)->tier, ==, IR_TIER_YELLOW);
  }

  escalation_room_set_string (room, "room", room->room, "time_zone", "UTC");
  {
    g_autoptr(IrEscalationReport) report = evaluate_ok (room->store, after_midnight, TRUE);

    g_assert_cmpint (report->today, ==, ir_day_parse ("2026-12-04"));
    g_assert_cmpint (ir_escalation_report_find (report, risk)->tier, ==, IR_TIER_BLUE);
  }
}

/* --- actions ------------------------------------------------------------- */

typedef struct
{
  char *blue;
  char *yellow;
  char *red;
} ThreeSlips;

static void
three_slips_clear (ThreeSlips *slips)
{
  g_free (slips->blue);
  g_free (slips->yellow);
  g_free (slips->red);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ThreeSlips, three_slips_clear)

/* Milestones late by 2, 5 and 9 days. */
static void
add_three_slips (EscalationRoom *room,
                 ThreeSlips     *slips)
{
  slips->blue = escalation_room_add_milestone (room, "Drawing freeze", 5, NULL);
  slips->yellow = escalation_room_add_milestone (room, "First inspection", 8, NULL);
  slips->red = escalation_room_add_milestone (room, "Factory acceptance", 12, NULL);
  escalation_room_commit_late (room, slips->blue, 2);
  escalation_room_commit_late (room, slips->yellow, 5);
  escalation_room_commit_late (room, slips->red, 9);
}

static guint
count_inbox (IrStore    *store,
             const char *recipient,
             const char *kind)
{
  g_autoptr(IrEntityList) items = ir_store_list (store, "inbox_item");
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(IrEntity) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      if ((recipient == NULL || g_strcmp0 (ir_entity_get_string (item, "recipient"), recipient) == 0) &&
          (kind == NULL || g_strcmp0 (ir_entity_get_string (item, "kind"), kind) == 0))
        n++;
    }

  return n;
}

/* Checks that the room contains the escalations and actions of the three slips,
 * each once. */
static void
assert_three_escalations (EscalationRoom   *room,
                          const ThreeSlips *slips)
{
  g_autoptr(IrEntityList) meetings = ir_store_list (room->store, "meeting");
  g_autoptr(IrEntity) meeting = NULL;
  g_autoptr(GDateTime) expected_start = shanghai_time (2026, 11, 23, 10, 0);
  IrStore *store = room->store;

  g_assert_cmpuint (count_visible (store, "escalation"), ==, 3);

  /* Blue: the owner, the FR, is reminded. */
  g_assert_cmpuint (count_inbox (store, room->members[MEMBER_FR], "escalation"), ==, 1);

  /* Yellow: one meeting of the AR, SR and FR on the next working day
   * (Monday, after Friday 2026-11-20) at 10:00 in Shanghai. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (meetings)), ==, 1);
  meeting = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
  g_assert_cmpint (ir_entity_get_int (meeting, "start"), ==,
                   g_date_time_to_unix (expected_start) * G_USEC_PER_SEC);
  g_assert_cmpint (ir_entity_get_int (meeting, "minutes"), ==, 45);
  g_assert_cmpstr (ir_entity_get_string (meeting, "link"), ==, "https://meet.example.com/valve");
  g_assert_cmpuint (count_children (store, "meeting_invitee", "meeting",
                                    ir_entity_get_id (meeting)), ==, 3);
  g_assert_cmpuint (count_inbox (store, room->members[MEMBER_AR], "meeting"), ==, 1);
  g_assert_cmpuint (count_inbox (store, room->members[MEMBER_SR], "meeting"), ==, 1);
  g_assert_cmpuint (count_inbox (store, room->members[MEMBER_FR], "meeting"), ==, 1);

  /* Red: the executive. */
  g_assert_cmpuint (count_inbox (store, room->members[MEMBER_EXECUTIVE], "escalation"), ==, 1);
  g_assert_cmpuint (count_inbox (store, room->members[MEMBER_OBSERVER], NULL), ==, 0);
  g_assert_cmpuint (count_visible (store, "inbox_item"), ==, 5);
}

static void
test_actions_once (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_auto(ThreeSlips) slips = { 0 };
  g_autoptr(GDateTime) now = EARLY_NOW ();
  g_autoptr(IrEscalationReport) first = NULL;

  escalation_room_set_setting (room, IR_SETTING_ESCALATION_MEETING_LINK,
                               string_value ("https://meet.example.com/valve"));
  escalation_room_set_setting (room, IR_SETTING_ESCALATION_MEETING_MINUTES, int_value (45));
  add_three_slips (room, &slips);

  first = evaluate_ok (room->store, now, FALSE);
  g_assert_cmpuint (first->n_raised, ==, 3);
  g_assert_cmpint (ir_escalation_report_find (first, slips.blue)->tier, ==, IR_TIER_BLUE);
  g_assert_cmpint (ir_escalation_report_find (first, slips.yellow)->tier, ==, IR_TIER_YELLOW);
  g_assert_cmpint (ir_escalation_report_find (first, slips.red)->tier, ==, IR_TIER_RED);
  g_assert_cmpuint (first->webhooks->len, ==, 1);
  g_assert_cmpstr (((IrWebhookMessage *) first->webhooks->pdata[0])->room_id, ==, TEST_ROOM);
  assert_three_escalations (room, &slips);

  for (int i = 0; i < 3; i++)
    {
      const char *red_id = ir_escalation_report_find (first, slips.red)->escalation_id;
      g_autoptr(IrEntity) red = get_escalation (room->store, red_id);

      g_assert_cmpstr (ir_entity_get_string (red, "tier"), ==, "red");
      g_assert_cmpstr (ir_entity_get_string (red, "state"), ==, "notified");
      g_assert_cmpint (ir_entity_get_int (red, "delay"), ==, 9);
      g_assert_cmpuint (count_events (room->store, red_id, "raised"), ==, 1);
      g_assert_cmpuint (count_events (room->store, red_id, "notified"), ==, 1);

      {
        g_autoptr(IrEscalationReport) again = evaluate_ok (room->store, now, FALSE);

        g_assert_cmpuint (again->n_raised, ==, 0);
        g_assert_cmpuint (again->n_resolved, ==, 0);
        g_assert_cmpuint (again->webhooks->len, ==, 0);
      }
      assert_three_escalations (room, &slips);
    }
}

/* The yellow tier's meeting joins the committed milestones in the room's
 * iCalendar export, at 10:00 in Shanghai, which is 02:00 UTC. */
static void
test_meeting_in_calendar (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_auto(ThreeSlips) slips = { 0 };
  g_autoptr(GDateTime) now = EARLY_NOW ();
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(IrEntityList) meetings = NULL;
  g_autoptr(IrEntity) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *calendar = NULL;
  g_autofree char *uid = NULL;

  escalation_room_set_setting (room, IR_SETTING_ESCALATION_MEETING_LINK,
                               string_value ("https://meet.example.com/valve"));
  add_three_slips (room, &slips);
  report = evaluate_ok (room->store, now, FALSE);

  meetings = ir_store_list (room->store, "meeting");
  meeting = g_list_model_get_item (G_LIST_MODEL (meetings), 0);
  uid = g_strdup_printf ("UID:%s@ironroom", ir_entity_get_id (meeting));

  calendar = ir_plan_ical_export (room->store, now, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (calendar, uid));
  g_assert_nonnull (strstr (calendar, "DTSTART:20261123T020000Z"));
  g_assert_nonnull (strstr (calendar, "DTEND:20261123T030000Z"));
  g_assert_nonnull (strstr (calendar, "SUMMARY:Three-party review: “First inspection” is 5 "
                                      "days late"));
  g_assert_nonnull (strstr (calendar, "https://meet.example.com/valve"));
  /* The three committed milestones are there too. */
  g_assert_nonnull (strstr (calendar, "SUMMARY:Drawing freeze"));
  g_assert_nonnull (strstr (calendar, "SUMMARY:Factory acceptance"));
}

static void
exchange (IrStore *from,
          IrStore *to)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (from, G_MAXUINT);
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_store_apply_remote (to, ops, &error));
  g_assert_no_error (error);
}

/* Three replicas that evaluate the same room at once, then merge, hold one
 * escalation per slip and one set of actions. */
static void
test_three_replicas (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_auto(ThreeSlips) slips = { 0 };
  g_autoptr(GDateTime) now = EARLY_NOW ();
  IrStore *replicas[3];
  IrEscalationReport *reports[3];
  EscalationRoom views[3];

  escalation_room_set_setting (room, IR_SETTING_ESCALATION_MEETING_LINK,
                               string_value ("https://meet.example.com/valve"));
  escalation_room_set_setting (room, IR_SETTING_ESCALATION_MEETING_MINUTES, int_value (45));
  add_three_slips (room, &slips);

  replicas[0] = g_object_ref (room->store);
  for (int i = 1; i < 3; i++)
    {
      replicas[i] = ir_test_store_new ();
      exchange (room->store, replicas[i]);
    }

  for (int i = 0; i < 3; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_seconds (now, i);

      reports[i] = evaluate_ok (replicas[i], at, FALSE);
      g_assert_cmpuint (reports[i]->n_raised, ==, 3);
      g_assert_cmpuint (reports[i]->webhooks->len, ==, 1);
    }

  /* The server's outbox keys webhooks by job id: all three name one job. */
  for (int i = 1; i < 3; i++)
    g_assert_cmpstr (((IrWebhookMessage *) reports[i]->webhooks->pdata[0])->job_id, ==,
                     ((IrWebhookMessage *) reports[0]->webhooks->pdata[0])->job_id);

  for (int from = 0; from < 3; from++)
    for (int to = 0; to < 3; to++)
      if (from != to)
        exchange (replicas[from], replicas[to]);

  for (int i = 0; i < 3; i++)
    {
      views[i] = *room;
      views[i].store = replicas[i];
      assert_three_escalations (&views[i], &slips);
      g_assert_cmpuint (count_visible (replicas[i], "escalation_event"), ==, 6);
    }

  /* Once merged, no replica finds anything left to do. */
  for (int i = 0; i < 3; i++)
    {
      g_autoptr(IrEscalationReport) again = evaluate_ok (replicas[i], now, TRUE);

      g_assert_cmpuint (again->n_raised, ==, 0);
      g_assert_cmpuint (again->n_resolved, ==, 0);
      ir_escalation_report_free (reports[i]);
      g_object_unref (replicas[i]);
    }
}

static void
test_provisional (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_auto(ThreeSlips) slips = { 0 };
  g_autoptr(GDateTime) now = EARLY_NOW ();
  g_autoptr(IrEscalationReport) would = NULL;
  g_autoptr(IrEscalationReport) did = NULL;
  g_autoptr(GError) error = NULL;
  guint n_ops;

  add_three_slips (room, &slips);
  n_ops = ir_store_count_unpushed (room->store);

  would = evaluate_ok (room->store, now, TRUE);
  g_assert_true (would->provisional);
  g_assert_cmpuint (would->n_raised, ==, 3);
  g_assert_cmpuint (would->webhooks->len, ==, 0);
  g_assert_cmpuint (ir_store_count_unpushed (room->store), ==, n_ops);
  g_assert_cmpuint (count_visible (room->store, "escalation"), ==, 0);

  /* A desktop of a synced room may not write escalations. */
  ir_store_set_actor (room->store, "li", IR_ROLE_SR);
  g_assert_null (ir_escalation_evaluate (room->store, now, FALSE, &error));
  g_assert_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_NOT_SERVER);

  ir_store_set_actor (room->store, "server", IR_ROLE_SERVER);
  did = evaluate_ok (room->store, now, FALSE);
  g_assert_cmpstr (ir_escalation_report_find (did, slips.red)->escalation_id, ==,
                   ir_escalation_report_find (would, slips.red)->escalation_id);
  g_assert_cmpstr (ir_escalation_report_find (did, slips.blue)->escalation_id, ==,
                   ir_escalation_report_find (would, slips.blue)->escalation_id);
}

/* --- manual risks -------------------------------------------------------- */

static void
test_risk_overdue (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *risk = add_risk (room, "Export licence", "2026-12-01");
  g_autoptr(GDateTime) now = shanghai_time (2026, 12, 3, 9, 0);
  g_autoptr(GDateTime) later = shanghai_time (2026, 12, 4, 9, 0);
  g_autoptr(IrEscalationReport) raised = NULL;
  g_autoptr(IrEscalationReport) closed = NULL;
  g_autoptr(IrEntity) escalation = NULL;
  IrEscalationItem *item;

  raised = evaluate_ok (room->store, now, FALSE);
  item = ir_escalation_report_find (raised, risk);
  g_assert_cmpint (item->tier, ==, IR_TIER_BLUE);
  g_assert_cmpint (item->slip->delay, ==, 2);
  escalation = get_escalation (room->store, item->escalation_id);
  g_assert_cmpstr (ir_entity_get_string (escalation, "subject_kind"), ==, "risk");
  g_assert_cmpstr (ir_entity_get_string (escalation, "commitment"), ==, "2026-12-01");
  g_assert_cmpuint (count_inbox (room->store, room->members[MEMBER_SR], "escalation"), ==, 1);

  escalation_room_set_string (room, "risk", risk, "status", "closed");
  closed = evaluate_ok (room->store, later, FALSE);
  item = ir_escalation_report_find (closed, risk);
  g_assert_true (item->changes & IR_ESCALATION_CHANGE_RESOLVED);
  g_assert_null (item->escalation_id);
  g_clear_object (&escalation);
  escalation = get_escalation (room->store, item->resolved_id);
  g_assert_cmpstr (ir_entity_get_string (escalation, "state"), ==, "resolved");
  g_assert_cmpstr (ir_entity_get_string (escalation, "note"), ==, "The risk was closed.");
}

/* --- slip chain ---------------------------------------------------------- */

static void
add_baseline (EscalationRoom *room,
              const char     *baseline,
              const char     *task,
              IrDay           finish)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *row = ir_tx_create (tx, "baseline_task");
  char date[IR_DAY_STRING_SIZE];

  ir_tx_set_string (tx, "baseline_task", row, "baseline", baseline);
  ir_tx_set_string (tx, "baseline_task", row, "task", task);
  ir_tx_set_string (tx, "baseline_task", row, "finish", ir_day_format (finish, date));
  g_assert_true (ir_store_commit (room->store, tx, &error));
  g_assert_no_error (error);
}

static char *
add_task (EscalationRoom *room,
          const char     *name,
          int             duration,
          const char     *predecessor)
{
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autoptr(GError) error = NULL;
  char *task = ir_tx_create (tx, "task");

  ir_tx_set_string (tx, "task", task, "name", name);
  ir_tx_set_int (tx, "task", task, "duration", duration);
  ir_tx_set_boolean (tx, "task", task, "milestone", duration == 0);
  if (predecessor != NULL)
    {
      g_autofree char *link = ir_tx_create (tx, "dependency");

      ir_tx_set_string (tx, "dependency", link, "successor", task);
      ir_tx_set_string (tx, "dependency", link, "predecessor", predecessor);
    }
  g_assert_true (ir_store_commit (room->store, tx, &error));
  g_assert_no_error (error);

  return task;
}

static void
test_slip_chain (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autoptr(GDateTime) now = EARLY_NOW ();
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEscalationReport) report = NULL;
  g_autofree char *baseline = ir_tx_create (tx, "baseline");
  g_autofree char *survey = NULL;
  g_autofree char *patterns = NULL;
  g_autofree char *castings = NULL;
  g_autofree char *acceptance = NULL;
  g_autofree char *chain = NULL;
  IrEscalationItem *item;
  const IrSlipStep *step;

  ir_tx_set_string (tx, "baseline", baseline, "name", "Contract");
  ir_tx_set_int (tx, "baseline", baseline, "number", 0);
  g_assert_true (ir_store_commit (room->store, tx, &error));
  g_assert_no_error (error);

  survey = add_task (room, "Site survey", 2, NULL);
  patterns = add_task (room, "Patterns", 3, survey);
  castings = add_task (room, "Castings", 4, patterns);
  acceptance = add_task (room, "Factory acceptance", 0, castings);

  /* The survey keeps its baseline, the patterns slipped 3 days against
   * theirs, the castings have none, and the milestone is 3 days late. */
  add_baseline (room, baseline, survey, escalation_room_forecast (room, survey));
  add_baseline (room, baseline, patterns, escalation_room_forecast (room, patterns) - 3);
  escalation_room_commit_late (room, acceptance, 3);

  report = evaluate_ok (room->store, now, TRUE);
  item = ir_escalation_report_find (report, acceptance);
  g_assert_nonnull (item);
  g_assert_cmpint (item->slip->delay, ==, 3);

  /* Castings ← Patterns (+3); the survey is on time, so the chain stops. */
  g_assert_cmpuint (item->slip->chain->len, ==, 2);
  step = g_ptr_array_index (item->slip->chain, 0);
  g_assert_cmpstr (step->task_id, ==, castings);
  g_assert_false (step->has_slip);
  step = g_ptr_array_index (item->slip->chain, 1);
  g_assert_cmpstr (step->task_id, ==, patterns);
  g_assert_true (step->has_slip);
  g_assert_cmpint (step->slip, ==, 3);

  chain = ir_slip_describe_chain (item->slip);
  g_assert_cmpstr (chain, ==, "Castings ← Patterns (+3 d)");

  /* The patterns are late against their baseline, with no commitment. */
  item = ir_escalation_report_find (report, patterns);
  g_assert_nonnull (item);
  g_assert_true (item->slip->from_baseline);
  g_assert_cmpint (item->slip->delay, ==, 3);
  g_assert_cmpint (item->slip->chain->len, ==, 0);
  g_assert_null (ir_escalation_report_find (report, survey));
  g_assert_null (ir_escalation_report_find (report, castings));
}

/* --- plan model ---------------------------------------------------------- */

static void
test_plan_model_load (void)
{
  g_autoptr(EscalationRoom) room = escalation_room_new ();
  g_autofree char *work = NULL;
  g_autofree char *milestone = escalation_room_add_milestone (room, "Drawing freeze", 5, &work);
  g_autoptr(IrTx) tx = ir_store_begin (room->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrSchedule) schedule = NULL;
  g_autofree char *parent = ir_tx_create (tx, "task");
  g_autofree char *child = ir_tx_create (tx, "task");
  g_autofree char *confirmation = ir_tx_create (tx, "confirmation");
  g_autofree char *older = ir_tx_create (tx, "confirmation");
  IrScheduleTask *task;

  ir_tx_set_string (tx, "task", parent, "name", "Deleted phase");
  ir_tx_set_string (tx, "task", child, "name", "Step of the deleted phase");
  ir_tx_set_string (tx, "task", child, "parent", parent);
  ir_tx_set_int (tx, "task", child, "duration", 2);

  ir_tx_set_string (tx, "task", milestone, "committed", "2026-12-09");
  ir_tx_set_string (tx, "confirmation", confirmation, "task", milestone);
  ir_tx_set_string (tx, "confirmation", confirmation, "signer_name", "Liu Yang");
  ir_tx_set_string (tx, "confirmation", confirmation, "committed", "2026-12-11");
  ir_tx_set_int (tx, "confirmation", confirmation, "signed_at", 2000);
  ir_tx_set_string (tx, "confirmation", older, "task", milestone);
  ir_tx_set_string (tx, "confirmation", older, "signer_name", "Liu Yang");
  ir_tx_set_string (tx, "confirmation", older, "committed", "2026-12-04");
  ir_tx_set_int (tx, "confirmation", older, "signed_at", 1000);
  g_assert_true (ir_store_commit (room->store, tx, &error));
  g_clear_pointer (&tx, ir_tx_free);

  tx = ir_store_begin (room->store);
  ir_tx_delete (tx, "task", parent);
  g_assert_true (ir_store_commit (room->store, tx, &error));
  g_assert_no_error (error);

  escalation_room_add_day (room, "2026-12-03", "holiday");

  schedule = ir_plan_model_load (room->store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));

  g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), ==, 2);
  g_assert_null (ir_schedule_lookup_task (schedule, parent));
  g_assert_null (ir_schedule_lookup_task (schedule, child));
  g_assert_cmpuint (ir_schedule_get_n_links (schedule), ==, 1);

  /* The newest confirmation is the commitment. */
  task = ir_schedule_lookup_task (schedule, milestone);
  g_assert_cmpint (task->committed, ==, ir_day_parse ("2026-12-11"));
  g_assert_true (task->key_milestone);

  /* Five working days from Tuesday 2026-12-01 skip the holiday on
   * Thursday and the weekend. */
  task = ir_schedule_lookup_task (schedule, work);
  g_assert_cmpint (task->finish, ==, ir_day_parse ("2026-12-08"));
  g_assert_false (ir_calendar_is_working_day (ir_schedule_get_calendar (schedule),
                                              ir_day_parse ("2026-12-03")));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/escalation/uuid-derive", test_uuid_derive);
  g_test_add_func ("/escalation/tier-table", test_tier_table);
  g_test_add_func ("/escalation/tier-thresholds", test_tier_thresholds);
  g_test_add_func ("/escalation/room-thresholds", test_room_thresholds);
  g_test_add_func ("/escalation/working-days/weekend", test_working_days_weekend);
  g_test_add_func ("/escalation/working-days/make-up-day", test_working_days_make_up);
  g_test_add_func ("/escalation/time-zone/server-and-desktop", test_time_zone_agree);
  g_test_add_func ("/escalation/time-zone/room-setting", test_time_zone_room_setting);
  g_test_add_func ("/escalation/actions-once", test_actions_once);
  g_test_add_func ("/escalation/meeting-in-calendar", test_meeting_in_calendar);
  g_test_add_func ("/escalation/three-replicas", test_three_replicas);
  g_test_add_func ("/escalation/provisional", test_provisional);
  g_test_add_func ("/escalation/risk-overdue", test_risk_overdue);
  g_test_add_func ("/escalation/slip-chain", test_slip_chain);
  g_test_add_func ("/plan-model/load", test_plan_model_load);

  return g_test_run ();
}
