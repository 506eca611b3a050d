/* ir-map-coverage.c: who on the team covers whom, and how recently
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coverage is computed from the interactions: the last contact with a
 * stakeholder is the latest interaction up to today in which they took part
 * on the customer's side. Interactions dated after today are plans and do
 * not count. "Met" counts meetings, site visits and calls, not messages.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ir-map-coverage.h"
#include "ir-map-model-private.h"

#define STALE_DAYS_KEY "stale_contact_days"
#define DEFAULT_TIME_ZONE "Asia/Shanghai"

/* --- room settings ------------------------------------------------------- */

static IrEntity *
find_setting (IrStore    *store,
              const char *key)
{
  g_autoptr(IrEntityList) settings = ir_store_list (store, "room_setting");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (settings));

  /* Two members may add the same key at once; the lowest id wins. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) setting = g_list_model_get_item (G_LIST_MODEL (settings), i);

      if (g_strcmp0 (ir_entity_get_string (setting, "key"), key) == 0)
        return g_steal_pointer (&setting);
    }

  return NULL;
}

/* Returns the room's threshold of a stale contact in days: the setting
 * "stale_contact_days", or IR_MAP_DEFAULT_STALE_DAYS. */
int
ir_map_get_stale_days (IrStore *store)
{
  g_autoptr(IrEntity) setting = find_setting (store, STALE_DAYS_KEY);
  JsonNode *value = setting ? ir_entity_get_value (setting, "value") : NULL;
  gint64 days;

  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_INT64)
    return IR_MAP_DEFAULT_STALE_DAYS;

  days = json_node_get_int (value);
  return days >= 1 && days <= 3650 ? (int) days : IR_MAP_DEFAULT_STALE_DAYS;
}

gboolean
ir_map_set_stale_days (IrStore  *store,
                       int       days,
                       GError  **error)
{
  g_autoptr(IrEntity) setting = find_setting (store, STALE_DAYS_KEY);
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *created = NULL;
  const char *eid;

  if (days < 1 || days > 3650)
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("Invalid threshold of %d days for a stale contact: choose 1 to "
                     "3650 days."), days);
      return FALSE;
    }

  tx = ir_store_begin (store);
  if (setting != NULL)
    eid = ir_entity_get_id (setting);
  else
    {
      eid = created = ir_tx_create (tx, "room_setting");
      ir_tx_set_string (tx, "room_setting", eid, "key", STALE_DAYS_KEY);
    }
  ir_tx_set_int (tx, "room_setting", eid, "value", days);

  return ir_store_commit (store, tx, error);
}

/* Returns today's date in the room's time zone (the room's "time_zone", or
 * Asia/Shanghai), as "YYYY-MM-DD". */
char *
ir_map_get_today (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  const char *zone_name = room ? ir_entity_get_string (room, "time_zone") : NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) now = NULL;

  zone = g_time_zone_new_identifier (zone_name ? zone_name : DEFAULT_TIME_ZONE);
  if (zone == NULL)
    zone = g_time_zone_new_identifier (DEFAULT_TIME_ZONE);
  if (zone == NULL)
    zone = g_time_zone_new_utc ();

  now = g_date_time_new_now (zone);
  return g_date_time_format (now, "%Y-%m-%d");
}

/* --- dates --------------------------------------------------------------- */

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  int year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%d-%d-%d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static int
days_between (const char *from,
              const GDate *today)
{
  GDate date;

  if (!parse_date (from, &date))
    return -1;

  return g_date_days_between (&date, today);
}

/* Keeps the later of two "YYYY-MM-DD" dates in @slot. */
static void
keep_latest (char       **slot,
             const char  *date)
{
  if (*slot == NULL || g_strcmp0 (date, *slot) > 0)
    {
      g_free (*slot);
      *slot = g_strdup (date);
    }
}

/* --- rows ---------------------------------------------------------------- */

static void
row_free (IrMapCoverageRow *row)
{
  g_free (row->stakeholder);
  g_free (row->coverage_owner);
  g_free (row->last_contact);
  g_free (row->last_met);
  g_free (row->levels);
  g_strfreev (row->member_last_contact);
  g_free (row);
}

static void
warning_free (IrMapWarning *warning)
{
  g_free (warning->stakeholder);
  g_free (warning);
}

void
ir_map_coverage_free (IrMapCoverage *coverage)
{
  if (coverage == NULL)
    return;

  g_free (coverage->today);
  g_ptr_array_unref (coverage->members);
  g_hash_table_unref (coverage->by_stakeholder);
  g_ptr_array_unref (coverage->rows);
  g_ptr_array_unref (coverage->warnings);
  g_free (coverage);
}

static gboolean
is_active_member (IrStore    *store,
                  const char *member_eid)
{
  g_autoptr(IrEntity) member = NULL;

  if (member_eid == NULL)
    return FALSE;

  member = ir_store_get_entity (store, "member", member_eid);
  return member != NULL && ir_map_member_is_active (member);
}

static IrMapCoverageRow *
row_new (IrStore       *store,
         IrMapCoverage *coverage,
         IrEntity      *person,
         GHashTable    *levels)
{
  IrMapCoverageRow *row = g_new0 (IrMapCoverageRow, 1);
  guint n_members = coverage->members->len;

  row->stakeholder = g_strdup (ir_entity_get_id (person));
  row->coverage_owner = g_strdup (ir_entity_get_string (person, "coverage_owner"));
  row->covered = is_active_member (store, row->coverage_owner);
  row->left = ir_map_has_left (person);
  row->days_since_contact = -1;
  row->days_since_met = -1;
  row->levels = g_new0 (const char *, n_members + 1);
  row->member_last_contact = g_new0 (char *, n_members + 1);

  for (guint m = 0; m < n_members; m++)
    {
      g_autofree char *id = ir_map_relationship_id (row->stakeholder,
                                                    coverage->members->pdata[m]);
      const char *level = g_hash_table_lookup (levels, id);

      row->levels[m] = g_intern_string (level ? level : "none");
    }

  return row;
}

/* Maps relationship id → level, for the visible relationships. */
static GHashTable *
collect_levels (IrStore *store)
{
  g_autoptr(IrEntityList) relationships = ir_store_list (store, "relationship");
  GHashTable *levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (relationships));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) relationship = g_list_model_get_item (G_LIST_MODEL (relationships), i);
      const char *level = ir_entity_get_string (relationship, "level");

      if (level != NULL)
        g_hash_table_insert (levels, g_strdup (ir_entity_get_id (relationship)),
                             (gpointer) g_intern_string (level));
    }

  return levels;
}

static gboolean
is_meeting (const char *channel)
{
  return channel == NULL ||
         g_str_equal (channel, "meeting") ||
         g_str_equal (channel, "site_visit") ||
         g_str_equal (channel, "call");
}

/* Folds every interaction up to today into the rows of its participants. */
static void
apply_interactions (IrStore       *store,
                    IrMapCoverage *coverage)
{
  g_autoptr(IrEntityList) interactions = ir_store_list (store, "interaction");
  g_autoptr(IrEntityList) participants = ir_store_list (store, "interaction_participant");
  g_autoptr(GHashTable) customers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) ours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (participants));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) participant = g_list_model_get_item (G_LIST_MODEL (participants), i);
      const char *interaction = ir_entity_get_string (participant, "interaction");
      gboolean customer = g_strcmp0 (ir_entity_get_string (participant, "side"), "customer") == 0;
      const char *who = ir_entity_get_string (participant, customer ? "stakeholder" : "member");
      GHashTable *table = customer ? customers : ours;
      GPtrArray *list;

      if (interaction == NULL || who == NULL)
        continue;

      list = g_hash_table_lookup (table, interaction);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (table, g_strdup (interaction), list);
        }
      g_ptr_array_add (list, g_strdup (who));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (interactions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) interaction = g_list_model_get_item (G_LIST_MODEL (interactions), i);
      const char *eid = ir_entity_get_id (interaction);
      const char *date = ir_entity_get_string (interaction, "date");
      const char *channel = ir_entity_get_string (interaction, "channel");
      GPtrArray *people = g_hash_table_lookup (customers, eid);
      GPtrArray *members = g_hash_table_lookup (ours, eid);

      if (date == NULL || people == NULL || g_strcmp0 (date, coverage->today) > 0)
        continue;

      for (guint p = 0; p < people->len; p++)
        {
          IrMapCoverageRow *row = g_hash_table_lookup (coverage->by_stakeholder, people->pdata[p]);

          if (row == NULL)
            continue;

          keep_latest (&row->last_contact, date);
          if (is_meeting (channel))
            keep_latest (&row->last_met, date);

          for (guint m = 0; members != NULL && m < members->len; m++)
            {
              int index = ir_map_coverage_member_index (coverage, members->pdata[m]);

              if (index >= 0)
                keep_latest (&row->member_last_contact[index], date);
            }
        }
    }
}

static void
add_warning (IrMapCoverage    *coverage,
             IrMapWarningKind  kind,
             const char       *stakeholder,
             int               days)
{
  IrMapWarning *warning = g_new0 (IrMapWarning, 1);

  warning->kind = kind;
  warning->stakeholder = g_strdup (stakeholder);
  warning->days = days;
  g_ptr_array_add (coverage->warnings, warning);
}

static void
finish_rows (IrMapCoverage *coverage,
             GHashTable    *people)
{
  GDate today;

  parse_date (coverage->today, &today);

  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IrMapCoverageRow *row = g_ptr_array_index (coverage->rows, i);
      IrEntity *person = g_hash_table_lookup (people, row->stakeholder);
      const char *role = ir_entity_get_string (person, "buying_role");
      const char *stance = ir_entity_get_string (person, "stance");

      row->days_since_contact = days_between (row->last_contact, &today);
      row->days_since_met = days_between (row->last_met, &today);
      row->stale = !row->left &&
                   (row->days_since_contact < 0 ||
                    row->days_since_contact > coverage->stale_days);

      if (row->left)
        continue;

      if (g_strcmp0 (role, "economic") == 0 && !row->covered)
        add_warning (coverage, IR_MAP_WARNING_UNCOVERED_ECONOMIC_BUYER, row->stakeholder, -1);

      if (g_strcmp0 (stance, "blocker") == 0 &&
          (row->days_since_met < 0 || row->days_since_met > IR_MAP_BLOCKER_DAYS))
        add_warning (coverage, IR_MAP_WARNING_BLOCKER_NOT_MET, row->stakeholder,
                     row->days_since_met);
    }
}

/**
 * ir_map_coverage_compute:
 * @today: (nullable): "YYYY-MM-DD", or %NULL for today in the room's time zone
 *
 * Computes each visible stakeholder's coverage and the room's warnings: an
 * economic buyer whom no active member covers, and a blocker whom no one
 * met within IR_MAP_BLOCKER_DAYS. People who left raise no warning and are
 * never stale.
 *
 * Returns: (transfer full): the coverage
 */
IrMapCoverage *
ir_map_coverage_compute (IrStore    *store,
                         const char *today)
{
  IrMapCoverage *coverage = g_new0 (IrMapCoverage, 1);
  g_autoptr(GPtrArray) trio = ir_map_list_trio (store);
  g_autoptr(IrEntityList) stakeholders = ir_store_list (store, "stakeholder");
  g_autoptr(GHashTable) levels = collect_levels (store);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (stakeholders));

  coverage->today = today ? g_strdup (today) : ir_map_get_today (store);
  coverage->stale_days = ir_map_get_stale_days (store);
  coverage->members = g_ptr_array_new_with_free_func (g_free);
  coverage->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  coverage->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) warning_free);
  coverage->by_stakeholder = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < trio->len; i++)
    g_ptr_array_add (coverage->members, g_strdup (ir_entity_get_id (trio->pdata[i])));

  for (guint i = 0; i < n; i++)
    {
      IrEntity *person = g_list_model_get_item (G_LIST_MODEL (stakeholders), i);
      IrMapCoverageRow *row = row_new (store, coverage, person, levels);

      g_ptr_array_add (coverage->rows, row);
      g_hash_table_insert (coverage->by_stakeholder, row->stakeholder, row);
      g_hash_table_insert (people, row->stakeholder, person);
    }

  apply_interactions (store, coverage);
  finish_rows (coverage, people);

  return coverage;
}

/* Returns the coverage of one stakeholder, or %NULL when it is not on the
 * map. */
const IrMapCoverageRow *
ir_map_coverage_lookup (IrMapCoverage *coverage,
                        const char    *stakeholder)
{
  return g_hash_table_lookup (coverage->by_stakeholder, stakeholder);
}

/* Returns the member's column in the rows' per-member arrays, or -1 when
 * the member is not one of the trio. */
int
ir_map_coverage_member_index (IrMapCoverage *coverage,
                              const char    *member)
{
  for (guint i = 0; i < coverage->members->len; i++)
    if (g_strcmp0 (coverage->members->pdata[i], member) == 0)
      return (int) i;

  return -1;
}
