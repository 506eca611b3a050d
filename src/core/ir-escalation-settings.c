/* ir-escalation-settings.c: a room's thresholds, day counting and time zone
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdarg.h>

#include "ir-escalation-private.h"

G_DEFINE_QUARK (ir-escalation-error-quark, ir_escalation_error)

/* --- names --------------------------------------------------------------- */

static const char * const tier_names[] = { NULL, "blue", "yellow", "red" };
static const char * const state_names[] = { "raised", "notified", "acknowledged",
                                            "snoozed", "resolved" };

const char *
ir_tier_to_string (IrTier tier)
{
  g_return_val_if_fail (tier <= IR_TIER_RED, NULL);

  return tier_names[tier];
}

/* Returns %IR_TIER_NONE for %NULL or an unknown name. */
IrTier
ir_tier_from_string (const char *text)
{
  for (guint i = IR_TIER_BLUE; i < G_N_ELEMENTS (tier_names); i++)
    if (g_strcmp0 (text, tier_names[i]) == 0)
      return i;

  return IR_TIER_NONE;
}

const char *
ir_escalation_state_to_string (IrEscalationState state)
{
  g_return_val_if_fail (state <= IR_ESCALATION_RESOLVED, NULL);

  return state_names[state];
}

/* --- derived ids --------------------------------------------------------- */

/**
 * ir_uuid_derive:
 * @first_part: the first of the strings the id derives from
 * @...: more strings, then %NULL
 *
 * Derives a UUID from the SHA-256 of the strings, each ended by a nul byte,
 * so that every replica that derives an id from the same parts gets the
 * same one. The result is an RFC 9562 version 8 UUID.
 *
 * Returns: (transfer full): the UUID in lower case
 */
char *
ir_uuid_derive (const char *first_part,
                ...)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;
  va_list args;

  g_return_val_if_fail (first_part != NULL, NULL);

  va_start (args, first_part);
  for (const char *part = first_part; part != NULL; part = va_arg (args, const char *))
    g_checksum_update (checksum, (const guchar *) part, (gssize) strlen (part) + 1);
  va_end (args);

  g_checksum_get_digest (checksum, digest, &length);
  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

/* --- settings ------------------------------------------------------------ */

void
ir_escalation_settings_init (IrEscalationSettings *settings)
{
  g_return_if_fail (settings != NULL);

  settings->yellow_after = 3;
  settings->red_after = 7;
  settings->day_count = IR_DAY_COUNT_CALENDAR;
  settings->time_zone = g_strdup (IR_ESCALATION_DEFAULT_TIME_ZONE);
  settings->meeting_hour = 10;
  settings->meeting_minutes = 60;
  settings->meeting_link = NULL;
  settings->reraise_hours = 48;
}

void
ir_escalation_settings_clear (IrEscalationSettings *settings)
{
  g_return_if_fail (settings != NULL);

  g_clear_pointer (&settings->time_zone, g_free);
  g_clear_pointer (&settings->meeting_link, g_free);
}

static gboolean
time_zone_is_valid (const char *identifier)
{
  GTimeZone *zone;

  if (identifier == NULL || identifier[0] == '\0')
    return FALSE;

  zone = g_time_zone_new_identifier (identifier);
  if (zone == NULL)
    return FALSE;

  g_time_zone_unref (zone);
  return TRUE;
}

/* Fills @settings from the values, or leaves a field at its default where
 * the value has the wrong type or range. */
static void
apply_setting (IrEscalationSettings *settings,
               const char           *key,
               JsonNode             *value)
{
  gint64 number = 0;
  const char *text = NULL;

  if (value != NULL && JSON_NODE_HOLDS_VALUE (value))
    {
      GType type = json_node_get_value_type (value);

      if (type == G_TYPE_INT64 || type == G_TYPE_DOUBLE)
        number = json_node_get_int (value);
      else if (type == G_TYPE_STRING)
        text = json_node_get_string (value);
    }

  if (g_str_equal (key, IR_SETTING_ESCALATION_YELLOW_AFTER) && number >= 0 && number <= 365)
    settings->yellow_after = (int) number;
  else if (g_str_equal (key, IR_SETTING_ESCALATION_RED_AFTER) && number >= 0 && number <= 365)
    settings->red_after = (int) number;
  else if (g_str_equal (key, IR_SETTING_ESCALATION_DAY_COUNT) && text != NULL)
    settings->day_count = g_str_equal (text, "working") ? IR_DAY_COUNT_WORKING
                                                        : IR_DAY_COUNT_CALENDAR;
  else if (g_str_equal (key, IR_SETTING_ESCALATION_MEETING_HOUR) && number >= 0 && number <= 23)
    settings->meeting_hour = (int) number;
  else if (g_str_equal (key, IR_SETTING_ESCALATION_MEETING_MINUTES) && number >= 5 &&
           number <= 1440)
    settings->meeting_minutes = (int) number;
  else if (g_str_equal (key, IR_SETTING_ESCALATION_MEETING_LINK))
    {
      g_free (settings->meeting_link);
      settings->meeting_link = (text != NULL && text[0] != '\0') ? g_strdup (text) : NULL;
    }
  else if (g_str_equal (key, IR_SETTING_ESCALATION_RERAISE_HOURS) && number >= 1 &&
           number <= 24 * 365)
    settings->reraise_hours = (int) number;
}

/* Of two settings entities with one key, which two members created at
 * once, the one written last wins everywhere. */
static IrEntity *
find_setting (IrStore    *store,
              const char *key)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, "room_setting");
  IrEntity *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (g_strcmp0 (ir_entity_get_string (entity, "key"), key) != 0)
        continue;
      if (found == NULL ||
          ir_entity_get_field_hlc (entity, "value") > ir_entity_get_field_hlc (found, "value"))
        g_set_object (&found, entity);
    }

  return found;
}

/**
 * ir_escalation_settings_load:
 * @settings: settings to fill
 * @store: a room's store
 *
 * Reads the room's escalation settings and time zone. Values that are
 * missing, of the wrong type or out of range keep their defaults.
 */
void
ir_escalation_settings_load (IrEscalationSettings *settings,
                             IrStore              *store)
{
  static const char * const keys[] = {
    IR_SETTING_ESCALATION_YELLOW_AFTER, IR_SETTING_ESCALATION_RED_AFTER,
    IR_SETTING_ESCALATION_DAY_COUNT, IR_SETTING_ESCALATION_MEETING_HOUR,
    IR_SETTING_ESCALATION_MEETING_MINUTES, IR_SETTING_ESCALATION_MEETING_LINK,
    IR_SETTING_ESCALATION_RERAISE_HOURS,
  };
  g_autoptr(IrEntity) room = NULL;
  const char *zone;

  g_return_if_fail (settings != NULL);
  g_return_if_fail (IR_IS_STORE (store));

  ir_escalation_settings_clear (settings);
  ir_escalation_settings_init (settings);

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(IrEntity) setting = find_setting (store, keys[i]);

      if (setting != NULL)
        apply_setting (settings, keys[i], ir_entity_get_value (setting, "value"));
    }

  if (settings->red_after < settings->yellow_after)
    settings->red_after = settings->yellow_after;

  room = ir_escalation_find_room (store);
  zone = room ? ir_entity_get_string (room, "time_zone") : NULL;
  if (time_zone_is_valid (zone))
    {
      g_free (settings->time_zone);
      settings->time_zone = g_strdup (zone);
    }
  else if (zone != NULL)
    g_warning ("Invalid time zone “%s” in the room; counting days in %s instead",
               zone, IR_ESCALATION_DEFAULT_TIME_ZONE);
}

static void
save_value (IrStore    *store,
            IrTx       *tx,
            const char *key,
            JsonNode   *value)
{
  g_autoptr(IrEntity) setting = find_setting (store, key);
  g_autofree char *eid = NULL;

  if (setting != NULL)
    {
      JsonNode *current = ir_entity_get_value (setting, "value");

      if (current != NULL && json_node_equal (current, value))
        {
          json_node_unref (value);
          return;
        }
      ir_tx_set (tx, "room_setting", ir_entity_get_id (setting), "value", value);
      return;
    }

  eid = ir_tx_create (tx, "room_setting");
  ir_tx_set_string (tx, "room_setting", eid, "key", key);
  ir_tx_set (tx, "room_setting", eid, "value", value);
}

static JsonNode *
int_node (gint64 value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_int (node, value);
  return node;
}

static JsonNode *
string_node (const char *value)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, value != NULL ? value : "");
  return node;
}

/**
 * ir_escalation_settings_save:
 * @settings: settings to write
 * @store: a room's store
 * @error: return location for an error
 *
 * Writes the settings that differ from the room's into one transaction,
 * after checking their ranges.
 *
 * Returns: %TRUE on success
 */
gboolean
ir_escalation_settings_save (const IrEscalationSettings  *settings,
                             IrStore                     *store,
                             GError                     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(IrEntity) room = NULL;

  g_return_val_if_fail (settings != NULL, FALSE);
  g_return_val_if_fail (IR_IS_STORE (store), FALSE);

  if (settings->yellow_after < 0 || settings->red_after < settings->yellow_after)
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID,
                   _("Invalid thresholds %d and %d days: the red threshold must be at least "
                     "the yellow one, and both 0 or more."),
                   settings->yellow_after, settings->red_after);
      return FALSE;
    }
  if (settings->meeting_hour < 0 || settings->meeting_hour > 23)
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID,
                   _("Invalid meeting hour %d: give an hour from 0 to 23."),
                   settings->meeting_hour);
      return FALSE;
    }
  if (!time_zone_is_valid (settings->time_zone))
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID,
                   _("Unknown time zone “%s”: give an IANA name such as Asia/Shanghai."),
                   settings->time_zone ? settings->time_zone : "");
      return FALSE;
    }

  tx = ir_store_begin (store);
  save_value (store, tx, IR_SETTING_ESCALATION_YELLOW_AFTER, int_node (settings->yellow_after));
  save_value (store, tx, IR_SETTING_ESCALATION_RED_AFTER, int_node (settings->red_after));
  save_value (store, tx, IR_SETTING_ESCALATION_DAY_COUNT,
              string_node (settings->day_count == IR_DAY_COUNT_WORKING ? "working" : "calendar"));
  save_value (store, tx, IR_SETTING_ESCALATION_MEETING_HOUR, int_node (settings->meeting_hour));
  save_value (store, tx, IR_SETTING_ESCALATION_MEETING_MINUTES,
              int_node (CLAMP (settings->meeting_minutes, 5, 1440)));
  save_value (store, tx, IR_SETTING_ESCALATION_MEETING_LINK, string_node (settings->meeting_link));
  save_value (store, tx, IR_SETTING_ESCALATION_RERAISE_HOURS,
              int_node (MAX (settings->reraise_hours, 1)));

  room = ir_escalation_find_room (store);
  if (room != NULL &&
      g_strcmp0 (ir_entity_get_string (room, "time_zone"), settings->time_zone) != 0)
    ir_tx_set_string (tx, "room", ir_entity_get_id (room), "time_zone", settings->time_zone);

  if (ir_tx_get_n_ops (tx) == 0)
    return TRUE;

  return ir_store_commit (store, tx, error);
}

/* --- days ---------------------------------------------------------------- */

/* Returns: (transfer full): the room's time zone */
GTimeZone *
ir_escalation_settings_get_time_zone (const IrEscalationSettings *settings)
{
  GTimeZone *zone = NULL;

  g_return_val_if_fail (settings != NULL, NULL);

  if (settings->time_zone != NULL)
    zone = g_time_zone_new_identifier (settings->time_zone);
  if (zone == NULL)
    zone = g_time_zone_new_identifier (IR_ESCALATION_DEFAULT_TIME_ZONE);
  if (zone == NULL)
    {
      /* NOTE: without tzdata, China Standard Time is a fixed UTC+8, which
       * has had no daylight saving since 1991. */
      zone = g_time_zone_new_offset (8 * 3600);
    }

  return zone;
}

IrTier
ir_escalation_tier_for_delay (const IrEscalationSettings *settings,
                              int                         delay)
{
  g_return_val_if_fail (settings != NULL, IR_TIER_NONE);

  if (delay <= 0)
    return IR_TIER_NONE;
  if (delay <= settings->yellow_after)
    return IR_TIER_BLUE;
  if (delay <= settings->red_after)
    return IR_TIER_YELLOW;

  return IR_TIER_RED;
}

/**
 * ir_escalation_today:
 * @settings: the room's settings
 * @now: the current time, in any time zone
 *
 * Returns the date of @now in the room's time zone, so that a server on UTC
 * and a desktop on UTC+8 agree on the day.
 *
 * Returns: today's date in the room
 */
IrDay
ir_escalation_today (const IrEscalationSettings *settings,
                     GDateTime                  *now)
{
  g_autoptr(GTimeZone) zone = NULL;
  g_autoptr(GDateTime) local = NULL;
  int year, month, day;

  g_return_val_if_fail (settings != NULL, IR_DAY_NONE);
  g_return_val_if_fail (now != NULL, IR_DAY_NONE);

  zone = ir_escalation_settings_get_time_zone (settings);
  local = g_date_time_to_timezone (now, zone);
  g_date_time_get_ymd (local, &year, &month, &day);

  return ir_day_from_ymd (year, month, day);
}

/**
 * ir_escalation_count_delay:
 * @settings: the room's settings
 * @calendar: the room's working calendar
 * @commitment: the committed date
 * @forecast: the forecast date
 *
 * Counts how many days @forecast is after @commitment: calendar days, or
 * the working days after @commitment up to and including @forecast.
 *
 * Returns: the delay, negative when @forecast is early
 */
int
ir_escalation_count_delay (const IrEscalationSettings *settings,
                           IrCalendar                 *calendar,
                           IrDay                       commitment,
                           IrDay                       forecast)
{
  g_return_val_if_fail (settings != NULL, 0);
  g_return_val_if_fail (commitment != IR_DAY_NONE && forecast != IR_DAY_NONE, 0);

  if (settings->day_count == IR_DAY_COUNT_WORKING && calendar != NULL)
    return ir_calendar_count_working_days (calendar, commitment, forecast);

  return (int) (forecast - commitment);
}
