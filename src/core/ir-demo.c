/* ir-demo.c: the demo room "阀门项目 · Valve deal"
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo room is written like any room: transactions through the store,
 * each by the member who would have made it, at the time it would have
 * happened. Every module adds its steps to one list, which runs sorted by
 * time, so that the history reads in order. All dates are relative to the
 * day the demo is generated. The only randomness is in the ids and in the
 * device keys that seal the customer's confirmations.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-demo-private.h"
#include "ir-position.h"

/* The room's time zone, in which the steps' times of day are given. */
#define DEMO_TIME_ZONE "Asia/Shanghai"

typedef struct
{
  int             day_offset;
  int             minute_of_day;
  guint           order;
  IrDemoStepFunc  func;
  gconstpointer   data;
} IrDemoStep;

typedef struct
{
  const char *user;
  guint       roles;
} MemberLogin;

/* User names of the members. The local member (the AR) also acts as the
 * room's server, because the demo room has none. */
static const MemberLogin logins[IR_DEMO_N_MEMBERS] = {
  [IR_DEMO_AR] = { IR_DEMO_LOCAL_USER, IR_ROLE_AR | IR_ROLE_SERVER },
  [IR_DEMO_SR] = { "lina", IR_ROLE_SR },
  [IR_DEMO_FR] = { "wangqiang", IR_ROLE_FR },
  [IR_DEMO_EXECUTIVE] = { "zhaozhigang", IR_ROLE_EXECUTIVE },
  [IR_DEMO_OBSERVER] = { "chenxiao", IR_ROLE_OBSERVER },
};

/* --- steps --------------------------------------------------------------- */

void
ir_demo_add_step (IrDemo         *demo,
                  int             day_offset,
                  int             minute_of_day,
                  IrDemoStepFunc  func,
                  gconstpointer   data)
{
  IrDemoStep step = {
    .day_offset = day_offset,
    .minute_of_day = minute_of_day,
    .order = demo->steps->len,
    .func = func,
    .data = data,
  };

  g_array_append_val (demo->steps, step);
}

static int
compare_steps (gconstpointer a,
               gconstpointer b)
{
  const IrDemoStep *first = a;
  const IrDemoStep *second = b;

  if (first->day_offset != second->day_offset)
    return first->day_offset < second->day_offset ? -1 : 1;
  if (first->minute_of_day != second->minute_of_day)
    return first->minute_of_day < second->minute_of_day ? -1 : 1;

  return first->order < second->order ? -1 : (first->order > second->order);
}

/* The store's clock during the demo: the step's time, but never later than
 * the real time, so that the last steps of a demo generated early in the
 * morning do not stamp operations in the future. */
static gint64
demo_clock_cb (gpointer user_data)
{
  IrDemo *demo = user_data;

  return MIN (demo->time_us, g_get_real_time ()) / 1000;
}

static gboolean
run_steps (IrDemo  *demo,
           GError **error)
{
  g_array_sort (demo->steps, compare_steps);

  for (guint i = 0; i < demo->steps->len; i++)
    {
      IrDemoStep *step = &g_array_index (demo->steps, IrDemoStep, i);

      demo->step_day = ir_demo_working_day (demo, step->day_offset);
      demo->time_us = ir_demo_time_of (demo, demo->step_day, step->minute_of_day);
      if (!step->func (demo, step->data, error))
        return FALSE;
    }

  return TRUE;
}

/* --- transactions -------------------------------------------------------- */

const char *
ir_demo_user (IrDemoMember who)
{
  g_return_val_if_fail (who < IR_DEMO_N_MEMBERS, NULL);

  return logins[who].user;
}

guint
ir_demo_roles (IrDemoMember who)
{
  g_return_val_if_fail (who < IR_DEMO_N_MEMBERS, 0);

  return logins[who].roles;
}

/* Starts a transaction written by @who. */
IrTx *
ir_demo_begin (IrDemo       *demo,
               IrDemoMember  who)
{
  ir_store_set_actor (demo->store, ir_demo_user (who), ir_demo_roles (who));

  return ir_store_begin (demo->store);
}

gboolean
ir_demo_commit (IrDemo  *demo,
                IrTx    *tx,
                GError **error)
{
  return ir_store_commit (demo->store, tx, error);
}

/* --- dates and ids ------------------------------------------------------- */

IrDay
ir_demo_day (IrDemo *demo,
             int     day_offset)
{
  return demo->today + day_offset;
}

/* Returns the working day on or before @day_offset, in the plan's
 * calendar: the day that a meeting, a message or an edit planned for a
 * weekend or a holiday happened on. Sorting steps by this day keeps their
 * order, because it never runs backward. */
IrDay
ir_demo_working_day (IrDemo *demo,
                     int     day_offset)
{
  IrCalendar *calendar = demo->plan->calendar;
  IrDay day = ir_demo_day (demo, day_offset);

  return ir_calendar_is_working_day (calendar, day) ? day
                                                     : ir_calendar_previous_working_day (calendar, day);
}

/* Returns the time of @minute_of_day on @day in the room's time zone, in
 * microseconds since the Unix epoch. */
gint64
ir_demo_time_of (IrDemo *demo,
                 IrDay   day,
                 int     minute_of_day)
{
  g_autoptr(GDateTime) time = NULL;
  int year, month, day_of_month;

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  time = g_date_time_new (demo->zone, year, month, day_of_month,
                          minute_of_day / 60, minute_of_day % 60, 0);

  return g_date_time_to_unix (time) * G_USEC_PER_SEC;
}

void
ir_demo_set_day (IrTx       *tx,
                 const char *entity,
                 const char *eid,
                 const char *field,
                 IrDay       day)
{
  char text[IR_DAY_STRING_SIZE];

  ir_tx_set_string (tx, entity, eid, field, ir_day_format (day, text));
}

/* Creates an entity in @tx and remembers its id under @key, for the steps
 * that refer to it later. */
char *
ir_demo_create (IrDemo     *demo,
                IrTx       *tx,
                const char *entity,
                const char *key)
{
  char *eid = ir_tx_create (tx, entity);

  if (key != NULL)
    g_hash_table_insert (demo->ids, g_strconcat (entity, ":", key, NULL), g_strdup (eid));

  return eid;
}

/* Returns the id of the entity created under @key. A missing key is a
 * mistake in the demo's tables, which the tests catch. */
const char *
ir_demo_lookup (IrDemo     *demo,
                const char *entity,
                const char *key)
{
  g_autofree char *full_key = g_strconcat (entity, ":", key, NULL);
  const char *eid = g_hash_table_lookup (demo->ids, full_key);

  if (eid == NULL)
    g_critical ("The demo refers to %s “%s” before creating it", entity, key);

  return eid;
}

const char *
ir_demo_member (IrDemo       *demo,
                IrDemoMember  who)
{
  g_return_val_if_fail (who < IR_DEMO_N_MEMBERS, NULL);

  return demo->members[who];
}

const char *
ir_demo_stakeholder (IrDemo     *demo,
                     const char *key)
{
  return ir_demo_lookup (demo, "stakeholder", key);
}

const char *
ir_demo_task (IrDemo     *demo,
              const char *key)
{
  return ir_demo_lookup (demo, "task", key);
}

/* Returns a position key after @before, or the first one when @before is
 * %NULL. */
char *
ir_demo_next_position (IrDemo     *demo,
                       const char *before)
{
  return ir_position_between (before, NULL, ir_store_get_client_id (demo->store));
}

/* --- writing ------------------------------------------------------------- */

static gboolean
language_is_english (const char *language)
{
  if (language == NULL)
    language = g_get_language_names ()[0];

  return g_str_has_prefix (language, "en");
}

static IrDay
today_in_zone (GTimeZone *zone)
{
  g_autoptr(GDateTime) now = g_date_time_new_now (zone);

  return ir_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}

static gboolean
check_store (IrStore  *store,
             GError  **error)
{
  g_autoptr(GPtrArray) rooms = NULL;

  if (ir_store_get_blobs (store) == NULL)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Cannot write the demo room into a store without a blob store, "
                     "because its drawings are files. Open the store from a file."));
      return FALSE;
    }

  rooms = ir_store_list_ids (store, "room", TRUE);
  if (rooms->len > 0)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Cannot write the demo room into a database that already holds "
                     "room %s. Use a new file."), ir_store_get_room_id (store));
      return FALSE;
    }

  return TRUE;
}

static void
demo_clear (IrDemo *demo)
{
  g_clear_pointer (&demo->zone, g_time_zone_unref);
  g_clear_pointer (&demo->steps, g_array_unref);
  g_clear_pointer (&demo->ids, g_hash_table_unref);
  g_clear_pointer (&demo->plan, ir_demo_plan_free);
  g_clear_pointer (&demo->words, g_hash_table_unref);
  g_clear_pointer (&demo->drawing_position, g_free);
  g_clear_pointer (&demo->room, g_free);
  for (guint i = 0; i < IR_DEMO_N_MEMBERS; i++)
    {
      g_clear_pointer (&demo->members[i], g_free);
      g_clear_pointer (&demo->keys[i], ir_device_key_free);
    }
}

/**
 * ir_demo_write:
 * @store: a store opened from a file, with no room in it yet
 * @today: (nullable): the day the demo is generated, which every date in
 *   the room is relative to; %NULL for today in the room's time zone
 *   (Asia/Shanghai)
 * @language: (nullable): a language code such as "zh_CN" or "en_US";
 *   %NULL for the user's locale
 * @error: return location for an error
 *
 * Writes the demo room into @store: its members and the customer's
 * decision map with interactions, two drawings with two revisions and
 * markups each, and a 40-task plan with sealed customer confirmations and
 * one escalated slip of each risk tier. A review, decisions, manual risks
 * and inbox items complete it. Texts are English when @language starts
 * with "en", and Chinese otherwise, but people's names are Chinese in
 * both. The store's room id is set when it has none.
 *
 * Afterwards the store acts as the room's AR (see %IR_DEMO_MEMBER_ID_KEY).
 * On failure the transactions written so far stay in the store.
 *
 * Returns: %TRUE when the whole room was written
 */
gboolean
ir_demo_write (IrStore      *store,
               const GDate  *today,
               const char   *language,
               GError      **error)
{
  IrDemo demo = { 0 };
  g_autofree char *room_id = NULL;
  gboolean ok;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (today == NULL || g_date_valid (today), FALSE);

  if (!check_store (store, error))
    return FALSE;

  if (ir_store_get_room_id (store) == NULL)
    {
      room_id = ir_uuid_new ();
      if (!ir_store_set_room_id (store, room_id, error))
        return FALSE;
    }

  demo.store = store;
  demo.english = language_is_english (language);
  demo.zone = g_time_zone_new_identifier (DEMO_TIME_ZONE);
  if (demo.zone == NULL)
    demo.zone = g_time_zone_new_utc ();
  demo.today = today != NULL ? (IrDay) g_date_get_julian (today) : today_in_zone (demo.zone);
  demo.steps = g_array_new (FALSE, FALSE, sizeof (IrDemoStep));
  demo.ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  demo.words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);

  demo.plan = ir_demo_plan_new (&demo, error);
  if (demo.plan == NULL)
    {
      demo_clear (&demo);
      return FALSE;
    }

  ir_demo_team_add_steps (&demo);
  ir_demo_map_add_steps (&demo);
  ir_demo_interactions_add_steps (&demo);
  ir_demo_plan_add_steps (&demo);
  ir_demo_drawings_add_steps (&demo);

  ir_store_set_clock_source (store, demo_clock_cb, &demo);
  ok = run_steps (&demo, error);
  ir_store_set_clock_source (store, NULL, NULL);

  ir_store_set_actor (store, ir_demo_user (IR_DEMO_AR), ir_demo_roles (IR_DEMO_AR));
  if (ok)
    ir_store_set_meta (store, IR_DEMO_MEMBER_ID_KEY, demo.members[IR_DEMO_AR]);

  demo_clear (&demo);
  return ok;
}
