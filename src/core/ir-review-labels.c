/* ir-review-labels.c: names and dates as the review shows them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's review mode and the PDF report use the same words, so that
 * the report reads like the review that people saw.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-review.h"

const char *
ir_review_tier_label (IrTier tier)
{
  switch (tier)
    {
    case IR_TIER_RED:
      return _("Red");
    case IR_TIER_YELLOW:
      return _("Yellow");
    case IR_TIER_BLUE:
      return _("Blue");
    case IR_TIER_NONE:
    default:
      return C_("escalation tier", "None");
    }
}

/* Returns the label of an escalation's state, or of one not recorded yet
 * when @state is %NULL. */
const char *
ir_review_escalation_state_label (const char *state)
{
  if (state == NULL)
    return C_("review", "Not recorded yet");
  if (g_str_equal (state, "raised"))
    return _("Raised");
  if (g_str_equal (state, "notified"))
    return _("Notified");
  if (g_str_equal (state, "acknowledged"))
    return _("Acknowledged");
  if (g_str_equal (state, "snoozed"))
    return _("Snoozed");
  if (g_str_equal (state, "resolved"))
    return _("Resolved");

  return state;
}

const char *
ir_review_decision_kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "action") == 0)
    return C_("review item", "Action");

  return _("Decision");
}

/* Returns the colour a moved date is shown in, as a tier: red when it is
 * later than its commitment, yellow when it slipped, none otherwise. */
IrTier
ir_review_task_change_tier (const IrReviewTaskChange *change)
{
  if (change->late > 0)
    return IR_TIER_RED;
  if (change->slip > 0 && change->kind != IR_REVIEW_TASK_ADDED)
    return IR_TIER_YELLOW;

  return IR_TIER_NONE;
}

/* Returns @day as the app writes a date, or an empty string for none. */
char *
ir_review_format_day (IrDay day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, day_of_month;

  if (day == IR_DAY_NONE)
    return g_strdup ("");

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  date = g_date_time_new_utc (year, month, day_of_month, 0, 0, 0);
  if (date == NULL)
    return g_strdup ("");

  /* Translators: a calendar date with the year, as in strftime(3). */
  return g_date_time_format (date, _("%b %-d, %Y"));
}

/* Returns @usec, microseconds since the epoch, as a local date and time. */
char *
ir_review_format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (usec <= 0)
    return g_strdup ("");

  utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* Translators: a date and time of day, as in strftime(3). */
  return g_date_time_format (local, _("%b %-d, %Y %H:%M"));
}

static char *
member_name (IrEntity *member)
{
  const char *name = ir_entity_get_string (member, "display_name");

  if (name == NULL || name[0] == '\0')
    name = ir_entity_get_string (member, "user");

  return g_strdup (name);
}

/* Returns the display name of the member entity @member, or %NULL. */
char *
ir_review_dup_member_name (IrStore    *store,
                           const char *member)
{
  g_autoptr(IrEntity) entity = NULL;

  if (member == NULL)
    return NULL;

  entity = ir_store_get_entity (store, "member", member);
  if (entity == NULL)
    return g_strdup (_("a former member"));

  return member_name (entity);
}

/* Returns the display name of the member whose user name is @user. */
char *
ir_review_dup_user_name (IrStore    *store,
                         const char *user)
{
  g_autoptr(IrEntityList) members = NULL;
  guint n;

  if (user == NULL)
    return NULL;

  members = ir_store_list (store, "member");
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) == 0)
        return member_name (member);
    }

  return g_strdup (user);
}
