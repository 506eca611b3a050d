/* ir-escalation-actions.c: who hears of an escalation, and how
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Blue reminds the subject's owner in their inbox. Yellow books a meeting
 * of every AR, SR and FR of the room on the next working day at the room's
 * meeting hour. Red goes to the inbox of every executive of the room and,
 * from the server, to the room's group chat through a webhook.
 *
 * Every entity written here takes an id derived from the escalation and
 * the round (0 when raised, n for the n-th re-raise). So replicas that act
 * on the same escalation write the same entities, and an action that
 * exists already is not written again.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-escalation-private.h"

#define INBOX_TITLE_MAX 300
#define INBOX_BODY_MAX 2000
#define MEETING_TITLE_MAX 200
#define NOTE_MAX 1000

/* --- writing ------------------------------------------------------------- */

static gboolean
entity_exists (IrStore    *store,
               const char *entity,
               const char *eid)
{
  g_autoptr(IrEntity) found = ir_store_get_entity (store, entity, eid);

  return found != NULL;
}

/* Cuts @text to at most @max characters, so that a long task name never
 * makes a field invalid. */
static char *
clip (const char *text,
      glong       max)
{
  if (text == NULL)
    return NULL;
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);

  return g_utf8_substring (text, 0, max);
}

void
ir_escalation_add_event (IrEscalationContext *context,
                         IrTx                *tx,
                         const char          *escalation_id,
                         const char          *event_id,
                         const char          *kind,
                         const char          *note)
{
  g_autofree char *clipped = clip (note, NOTE_MAX);

  if (entity_exists (context->store, "escalation_event", event_id))
    return;

  ir_tx_create_with_id (tx, "escalation_event", event_id);
  ir_tx_set_string (tx, "escalation_event", event_id, "escalation", escalation_id);
  ir_tx_set_string (tx, "escalation_event", event_id, "kind", kind);
  ir_tx_set_string (tx, "escalation_event", event_id, "actor", ir_store_get_actor (context->store));
  ir_tx_set_int (tx, "escalation_event", event_id, "at", context->now_us);
  if (clipped != NULL && clipped[0] != '\0')
    ir_tx_set_string (tx, "escalation_event", event_id, "note", clipped);
}

/* --- members ------------------------------------------------------------- */

static void
member_free (IrRoomMember *member)
{
  g_free (member->id);
  g_free (member->user);
  g_free (member->name);
  g_free (member);
}

/* Returns: (transfer full) (element-type IrRoomMember): the room's active
 *   members, by id */
GPtrArray *
ir_escalation_load_members (IrStore *store)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, "member");
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) member_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (list), i);
      IrRoomMember *member;
      const char *name;

      if ((ir_entity_has_field (entity, "active") && !ir_entity_get_boolean (entity, "active")) ||
          ir_entity_get_int (entity, "removed") != 0)
        continue;

      member = g_new0 (IrRoomMember, 1);
      member->id = g_strdup (ir_entity_get_id (entity));
      member->user = g_strdup (ir_entity_get_string (entity, "user"));
      name = ir_entity_get_string (entity, "display_name");
      member->name = g_strdup (name != NULL && name[0] != '\0' ? name : member->user);
      member->role = ir_role_from_string (ir_entity_get_string (entity, "role"));
      g_ptr_array_add (members, member);
    }

  return members;
}

static const IrRoomMember *
find_member (IrEscalationContext *context,
             const char          *member_id)
{
  for (guint i = 0; member_id != NULL && i < context->members->len; i++)
    {
      const IrRoomMember *member = g_ptr_array_index (context->members, i);

      if (g_str_equal (member->id, member_id))
        return member;
    }

  return NULL;
}

/* Returns: (transfer container): the members whose role is in @roles */
static GPtrArray *
members_with_roles (IrEscalationContext *context,
                    guint                roles)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < context->members->len; i++)
    {
      IrRoomMember *member = g_ptr_array_index (context->members, i);

      if (member->role & roles)
        g_ptr_array_add (found, member);
    }

  return found;
}

static char *
join_names (GPtrArray *members)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < members->len; i++)
    {
      const IrRoomMember *member = g_ptr_array_index (members, i);

      if (i > 0)
        /* Translators: the separator of a list of names. */
        g_string_append (names, _(", "));
      g_string_append (names, member->name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* --- texts --------------------------------------------------------------- */

static char *
describe_lateness (const IrSlip *slip,
                   IrTier        tier)
{
  const char *title = slip->title != NULL ? slip->title : "";

  switch (tier)
    {
    case IR_TIER_RED:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Red alert: “%s” is %d day late",
                                           "Red alert: “%s” is %d days late", slip->delay),
                              title, slip->delay);
    case IR_TIER_YELLOW:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Yellow alert: “%s” is %d day late",
                                           "Yellow alert: “%s” is %d days late", slip->delay),
                              title, slip->delay);
    case IR_TIER_BLUE:
    case IR_TIER_NONE:
    default:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "Blue alert: “%s” is %d day late",
                                           "Blue alert: “%s” is %d days late", slip->delay),
                              title, slip->delay);
    }
}

static char *
describe_slip (const IrSlip *slip)
{
  char commitment[IR_DAY_STRING_SIZE], forecast[IR_DAY_STRING_SIZE];
  g_autofree char *chain = ir_slip_describe_chain (slip);
  g_autoptr(GString) text = g_string_new (NULL);

  ir_day_format (slip->commitment, commitment);
  ir_day_format (slip->forecast, forecast);

  if (slip->kind == IR_SUBJECT_RISK)
    g_string_append_printf (text, _("Due %s and still open."), commitment);
  else if (slip->from_baseline)
    g_string_append_printf (text, _("Baseline finish %s, forecast %s."), commitment, forecast);
  else
    g_string_append_printf (text, _("Committed %s, forecast %s."), commitment, forecast);

  if (chain != NULL)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, _("Slip chain: %s."), chain);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- actions ------------------------------------------------------------- */

static void
add_inbox_item (IrEscalationContext *context,
                IrTx                *tx,
                const char          *escalation_id,
                guint                round,
                const IrRoomMember  *recipient,
                const char          *kind,
                const char          *subject_entity,
                const char          *subject,
                const char          *title,
                const char          *body)
{
  g_autofree char *round_text = g_strdup_printf ("%u", round);
  g_autofree char *eid = ir_uuid_derive (escalation_id, "inbox", round_text, recipient->id, NULL);
  g_autofree char *clipped_title = clip (title, INBOX_TITLE_MAX);
  g_autofree char *clipped_body = clip (body, INBOX_BODY_MAX);

  if (entity_exists (context->store, "inbox_item", eid))
    return;

  ir_tx_create_with_id (tx, "inbox_item", eid);
  ir_tx_set_string (tx, "inbox_item", eid, "recipient", recipient->id);
  ir_tx_set_string (tx, "inbox_item", eid, "kind", kind);
  ir_tx_set_string (tx, "inbox_item", eid, "subject_entity", subject_entity);
  ir_tx_set_string (tx, "inbox_item", eid, "subject", subject);
  ir_tx_set_string (tx, "inbox_item", eid, "title", clipped_title);
  if (clipped_body != NULL)
    ir_tx_set_string (tx, "inbox_item", eid, "body", clipped_body);
  ir_tx_set_string (tx, "inbox_item", eid, "author", ir_store_get_actor (context->store));
  ir_tx_set_int (tx, "inbox_item", eid, "created", context->now_us);
}

static void
notify_members (IrEscalationContext *context,
                IrTx                *tx,
                const char          *escalation_id,
                guint                round,
                GPtrArray           *recipients,
                const char          *title,
                const char          *body)
{
  for (guint i = 0; i < recipients->len; i++)
    add_inbox_item (context, tx, escalation_id, round, g_ptr_array_index (recipients, i),
                    round == 0 ? "escalation" : "reminder", "escalation", escalation_id,
                    title, body);
}

/* The meeting's start: the next working day after today, at the room's
 * meeting hour in the room's time zone. */
static GDateTime *
meeting_slot (IrEscalationContext *context)
{
  g_autoptr(GTimeZone) zone = ir_escalation_settings_get_time_zone (context->settings);
  IrDay day = ir_calendar_next_working_day (context->calendar, context->today);
  int year, month, day_of_month;

  ir_day_to_ymd (day, &year, &month, &day_of_month);

  return g_date_time_new (zone, year, month, day_of_month, context->settings->meeting_hour, 0, 0);
}

/* Books the three-party meeting and returns the note for the audit trail. */
static char *
book_meeting (IrEscalationContext *context,
              IrTx                *tx,
              const char          *escalation_id,
              const IrSlip        *slip,
              const char          *title,
              const char          *body,
              GPtrArray           *invitees)
{
  g_autofree char *meeting_id = ir_uuid_derive (escalation_id, "meeting", NULL);
  g_autoptr(GDateTime) start = meeting_slot (context);
  g_autofree char *when = g_date_time_format (start, "%Y-%m-%d %H:%M");
  g_autofree char *names = join_names (invitees);
  g_autofree char *meeting_title = NULL;
  g_autofree char *invitation = NULL;

  meeting_title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Three-party review: “%s” is %d day late",
                                                "Three-party review: “%s” is %d days late",
                                                slip->delay),
                                   slip->title != NULL ? slip->title : "", slip->delay);

  if (!entity_exists (context->store, "meeting", meeting_id))
    {
      g_autofree char *clipped = clip (meeting_title, MEETING_TITLE_MAX);

      ir_tx_create_with_id (tx, "meeting", meeting_id);
      ir_tx_set_string (tx, "meeting", meeting_id, "escalation", escalation_id);
      ir_tx_set_string (tx, "meeting", meeting_id, "title", clipped);
      ir_tx_set_int (tx, "meeting", meeting_id, "start", ir_escalation_to_us (start));
      ir_tx_set_int (tx, "meeting", meeting_id, "minutes", context->settings->meeting_minutes);
      if (context->settings->meeting_link != NULL)
        ir_tx_set_string (tx, "meeting", meeting_id, "link", context->settings->meeting_link);
      ir_tx_set_string (tx, "meeting", meeting_id, "notes", body);
      ir_tx_set_int (tx, "meeting", meeting_id, "sequence", 0);

      for (guint i = 0; i < invitees->len; i++)
        {
          const IrRoomMember *member = g_ptr_array_index (invitees, i);
          g_autofree char *invitee_id = ir_uuid_derive (meeting_id, "invitee", member->id, NULL);

          ir_tx_create_with_id (tx, "meeting_invitee", invitee_id);
          ir_tx_set_string (tx, "meeting_invitee", invitee_id, "meeting", meeting_id);
          ir_tx_set_string (tx, "meeting_invitee", invitee_id, "member", member->id);
        }
    }

  /* Translators: the meeting's title and its start in the room's time. */
  invitation = g_strdup_printf (_("%s at %s"), meeting_title, when);
  for (guint i = 0; i < invitees->len; i++)
    add_inbox_item (context, tx, escalation_id, 0, g_ptr_array_index (invitees, i),
                    "meeting", "meeting", meeting_id, invitation, body);

  return g_strdup_printf (_("Meeting booked for %s with %s."), when, names);
}

static void
queue_webhook (IrEscalationContext *context,
               const char          *escalation_id,
               guint                round,
               const IrSlip        *slip,
               const char          *title,
               const char          *body)
{
  g_autofree char *round_text = g_strdup_printf ("%u", round);
  g_autofree char *job_id = ir_uuid_derive (escalation_id, "webhook", round_text, NULL);
  const IrRoomMember *owner = find_member (context, slip->owner_id);
  g_autoptr(GString) text = g_string_new (NULL);

  g_string_append_printf (text, "### %s\n\n", title);
  if (context->room_name != NULL)
    g_string_append_printf (text, _("- Room: %s\n"), context->room_name);
  if (owner != NULL)
    g_string_append_printf (text, _("- Owner: %s\n"), owner->name);
  g_string_append_printf (text, "- %s\n", body);

  g_ptr_array_add (context->webhooks,
                   ir_webhook_message_new (job_id, context->room_id, title, text->str));
}

/**
 * ir_escalation_run_actions:
 * @context: the evaluation
 * @tx: the transaction of the escalation
 * @escalation_id: the escalation
 * @tier: its tier
 * @slip: the slip it is about
 * @round: 0 when raised, n at the n-th re-raise
 *
 * Writes the tier's inbox items and meeting, queues the red tier's webhook
 * in the context, and records what was done as a "notified" event.
 */
void
ir_escalation_run_actions (IrEscalationContext *context,
                           IrTx                *tx,
                           const char          *escalation_id,
                           IrTier               tier,
                           const IrSlip        *slip,
                           guint                round)
{
  g_autofree char *title = describe_lateness (slip, tier);
  g_autofree char *body = describe_slip (slip);
  g_autofree char *round_text = g_strdup_printf ("%u", round);
  g_autofree char *event_id = ir_uuid_derive (escalation_id, "notified", round_text, NULL);
  g_autoptr(GPtrArray) recipients = NULL;
  g_autofree char *names = NULL;
  g_autofree char *note = NULL;

  if (tier == IR_TIER_BLUE)
    {
      const IrRoomMember *owner = find_member (context, slip->owner_id);

      recipients = g_ptr_array_new ();
      if (owner != NULL)
        g_ptr_array_add (recipients, (gpointer) owner);
    }
  else if (tier == IR_TIER_YELLOW)
    recipients = members_with_roles (context, IR_ROLES_TRIO);
  else
    recipients = members_with_roles (context, IR_ROLE_EXECUTIVE);

  names = join_names (recipients);

  if (tier == IR_TIER_YELLOW && round == 0)
    note = book_meeting (context, tx, escalation_id, slip, title, body, recipients);
  else
    notify_members (context, tx, escalation_id, round, recipients, title, body);

  if (tier == IR_TIER_RED)
    {
      queue_webhook (context, escalation_id, round, slip, title, body);
      note = recipients->len > 0
             ? g_strdup_printf (_("Sent to %s and to the room's group webhook."), names)
             : g_strdup (_("The room has no executive; sent to the room's group webhook only."));
    }
  else if (note == NULL)
    {
      if (recipients->len > 0)
        note = g_strdup_printf (_("Reminded %s."), names);
      else if (tier == IR_TIER_BLUE)
        note = g_strdup (_("No one to remind: the item has no owner in the room."));
      else
        note = g_strdup (_("No one to invite: the room has no AR, SR or FR."));
    }

  ir_escalation_add_event (context, tx, escalation_id, event_id, "notified", note);
}
