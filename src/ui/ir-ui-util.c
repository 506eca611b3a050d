/* ir-ui-util.c: labels and formats shared by the pages and dialogs
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-ui-util.h"

typedef struct
{
  const char *key;
  const char *label;
} IrLabel;

/* --- label tables --------------------------------------------------------- */

static const IrLabel kind_labels[] = {
  { "room", N_("Room") },
  { "room_setting", N_("Room setting") },
  { "member", N_("Member") },
  { "device_key", N_("Device key") },
  { "stakeholder", N_("Stakeholder") },
  { "relationship", N_("Relationship") },
  { "concern", N_("Concern") },
  { "link", N_("Link") },
  { "interaction", N_("Interaction") },
  { "interaction_participant", N_("Participant") },
  { "drawing", N_("Drawing") },
  { "revision", N_("Revision") },
  { "markup", N_("Markup") },
  { "markup_placement", N_("Markup placement") },
  { "markup_reply", N_("Reply") },
  { "ignore_region", N_("Ignored region") },
  { "task", N_("Task") },
  { "dependency", N_("Dependency") },
  { "calendar", N_("Calendar") },
  { "calendar_day", N_("Calendar day") },
  { "baseline", N_("Baseline") },
  { "baseline_task", N_("Baseline task") },
  { "confirmation", N_("Customer confirmation") },
  { "escalation", N_("Alert") },
  { "escalation_event", N_("Alert event") },
  { "risk", N_("Risk") },
  { "meeting", N_("Meeting") },
  { "meeting_invitee", N_("Invitee") },
  { "inbox_item", N_("Inbox item") },
  { "review", N_("Review") },
  { "decision", N_("Decision") },
};

static const IrLabel field_labels[] = {
  { "deleted", N_("Deleted") },
  { "name", N_("Name") },
  { "title", N_("Title") },
  { "customer", N_("Customer") },
  { "description", N_("Description") },
  { "time_zone", N_("Time zone") },
  { "created", N_("Created") },
  { "demo", N_("Demo") },
  { "user", N_("User") },
  { "display_name", N_("Display name") },
  { "role", N_("Role") },
  { "active", N_("Active") },
  { "joined", N_("Joined") },
  { "department", N_("Department") },
  { "rank", N_("Rank") },
  { "influence", N_("Influence") },
  { "stance", N_("Stance") },
  { "buying_role", N_("Buying role") },
  { "concern_note", N_("Concerns") },
  { "status", N_("Status") },
  { "successor", N_("Successor") },
  { "coverage_owner", N_("Coverage owner") },
  { "phone", N_("Phone") },
  { "email", N_("Email") },
  { "notes", N_("Notes") },
  { "x", N_("Map position") },
  { "y", N_("Map position") },
  { "pinned", N_("Pinned") },
  { "level", N_("Relationship level") },
  { "tag", N_("Tag") },
  { "position", N_("Order") },
  { "source", N_("From") },
  { "target", N_("To") },
  { "kind", N_("Kind") },
  { "strength", N_("Strength") },
  { "note", N_("Note") },
  { "date", N_("Date") },
  { "channel", N_("Channel") },
  { "summary", N_("Summary") },
  { "follow_up", N_("Follow-up") },
  { "follow_up_due", N_("Follow-up due") },
  { "follow_up_done", N_("Follow-up done") },
  { "number", N_("Number") },
  { "blob", N_("File") },
  { "filename", N_("File name") },
  { "pages", N_("Pages") },
  { "text", N_("Text") },
  { "color", N_("Colour") },
  { "author", N_("Author") },
  { "parent", N_("Parent task") },
  { "milestone", N_("Milestone") },
  { "key_milestone", N_("Key milestone") },
  { "owner", N_("Owner") },
  { "duration", N_("Duration") },
  { "start", N_("Start") },
  { "constraint", N_("Constraint") },
  { "constraint_date", N_("Constraint date") },
  { "progress", N_("Progress") },
  { "committed", N_("Committed date") },
  { "deliverable", N_("Deliverable") },
  { "actual_start", N_("Actual start") },
  { "actual_finish", N_("Actual finish") },
  { "probability", N_("Probability") },
  { "impact", N_("Impact") },
  { "due", N_("Due") },
  { "mitigation", N_("Mitigation") },
  { "task", N_("Task") },
  { "tier", N_("Tier") },
  { "state", N_("State") },
  { "delay", N_("Days late") },
  { "read", N_("Read") },
  { "done", N_("Done") },
};

/* Values of the schema's enumerations that the UI shows. */
static const IrLabel enum_labels[] = {
  { "champion", N_("Champion") },
  { "supporter", N_("Supporter") },
  { "neutral", N_("Neutral") },
  { "skeptic", N_("Skeptic") },
  { "blocker", N_("Blocker") },
  { "economic", N_("Economic buyer") },
  { "technical", N_("Technical buyer") },
  { "user", N_("User buyer") },
  { "coach", N_("Coach") },
  { "none", N_("None") },
  { "active", N_("Active") },
  { "left", N_("Left the company") },
  { "met", N_("Met") },
  { "trusted", N_("Trusted") },
  { "reports_to", N_("Reports to") },
  { "influences", N_("Influences") },
  { "conflict", N_("In conflict with") },
  { "meeting", N_("Meeting") },
  { "call", N_("Call") },
  { "site_visit", N_("Site visit") },
  { "email", N_("Email") },
  { "wechat", N_("WeChat") },
  { "open", N_("Open") },
  { "accepted", N_("Accepted") },
  { "rejected", N_("Rejected") },
  { "done", N_("Done") },
  { "closed", N_("Closed") },
  { "blue", N_("Blue") },
  { "yellow", N_("Yellow") },
  { "red", N_("Red") },
  { "raised", N_("Raised") },
  { "notified", N_("Notified") },
  { "acknowledged", N_("Acknowledged") },
  { "snoozed", N_("Snoozed") },
  { "resolved", N_("Resolved") },
  { "AR", N_("Account owner (AR)") },
  { "SR", N_("Solution owner (SR)") },
  { "FR", N_("Fulfilment owner (FR)") },
  { "executive", N_("Executive") },
  { "observer", N_("Observer") },
};

static const char *
lookup_label (const IrLabel *table,
              gsize          n,
              const char    *key)
{
  for (gsize i = 0; key != NULL && i < n; i++)
    if (g_str_equal (table[i].key, key))
      return _(table[i].label);

  return NULL;
}

/* --- labels --------------------------------------------------------------- */

const char *
ir_kind_label (const char *kind)
{
  const char *label = lookup_label (kind_labels, G_N_ELEMENTS (kind_labels), kind);

  return label ? label : kind;
}

const char *
ir_field_label (const char *field)
{
  const char *label = lookup_label (field_labels, G_N_ELEMENTS (field_labels), field);

  return label ? label : field;
}

const char *
ir_enum_label (const char *value)
{
  const char *label = lookup_label (enum_labels, G_N_ELEMENTS (enum_labels), value);

  return label ? label : value;
}

/* Returns what a person calls the entity: its name, title or text. */
char *
ir_entity_dup_title (IrEntity *entity)
{
  static const char * const title_fields[] = {
    "name", "title", "display_name", "text", "tag", "user", "filename", NULL
  };

  for (guint i = 0; title_fields[i] != NULL; i++)
    {
      const char *value = ir_entity_get_string (entity, title_fields[i]);

      if (value != NULL && value[0] != '\0')
        return g_strdup (value);
    }

  return g_strdup (ir_kind_label (ir_entity_get_kind (entity)));
}

/* --- dates and times ------------------------------------------------------ */

char *
ir_format_date (const char *iso_date)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL || sscanf (iso_date, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (iso_date ? iso_date : "");

  date = g_date_time_new_local (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);

  /* Translators: a calendar date with the year, as in strftime(3). */
  return g_date_time_format (date, _("%b %-d, %Y"));
}

char *
ir_format_time (gint64 usec)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* Translators: a date and time of day, as in strftime(3). */
  return g_date_time_format (local, _("%b %-d, %Y %H:%M"));
}

/* Formats @usec against @now_usec: "just now", "5 minutes ago", a time of
 * day for today and a date otherwise. */
char *
ir_format_relative_time (gint64 usec,
                         gint64 now_usec)
{
  gint64 seconds = (now_usec - usec) / G_USEC_PER_SEC;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) now_utc = g_date_time_new_from_unix_utc (now_usec / G_USEC_PER_SEC);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) now = NULL;

  if (usec <= 0 || utc == NULL || now_utc == NULL)
    return g_strdup (_("unknown time"));

  if (seconds >= 0 && seconds < 60)
    return g_strdup (_("just now"));

  if (seconds >= 0 && seconds < 3600)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago",
                                         "%d minutes ago", seconds / 60),
                            (int) (seconds / 60));

  local = g_date_time_to_local (utc);
  now = g_date_time_to_local (now_utc);
  if (g_date_time_get_year (local) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (now))
    /* Translators: a time of day today, as in strftime(3). */
    return g_date_time_format (local, _("today %H:%M"));

  /* Translators: a date and time of day, as in strftime(3). */
  return g_date_time_format (local, _("%b %-d, %Y %H:%M"));
}

/* Returns the number of days from @from to @to, both "YYYY-MM-DD", or
 * G_MININT when either is not a date. */
int
ir_date_days_between (const char *from,
                      const char *to)
{
  int y1, m1, d1, y2, m2, d2;
  GDate a, b;

  if (from == NULL || to == NULL ||
      sscanf (from, "%d-%d-%d", &y1, &m1, &d1) != 3 ||
      sscanf (to, "%d-%d-%d", &y2, &m2, &d2) != 3 ||
      !g_date_valid_dmy (d1, m1, y1) || !g_date_valid_dmy (d2, m2, y2))
    return G_MININT;

  g_date_clear (&a, 1);
  g_date_clear (&b, 1);
  g_date_set_dmy (&a, d1, m1, y1);
  g_date_set_dmy (&b, d2, m2, y2);

  return g_date_days_between (&a, &b);
}

/* --- members -------------------------------------------------------------- */

static char *
member_name (IrEntity *member)
{
  const char *display = ir_entity_get_string (member, "display_name");

  if (display != NULL && display[0] != '\0')
    return g_strdup (display);

  return g_strdup (ir_entity_get_string (member, "user"));
}

char *
ir_member_dup_name (IrStore    *store,
                    const char *member_eid)
{
  g_autoptr(IrEntity) member = NULL;

  if (member_eid == NULL)
    return NULL;

  member = ir_store_get_entity (store, "member", member_eid);
  if (member == NULL)
    return g_strdup (_("a former member"));

  return member_name (member);
}

/* Returns the display name of the member whose user name is @user. */
char *
ir_actor_dup_name (IrStore    *store,
                   const char *user)
{
  g_autoptr(IrEntityList) members = NULL;
  guint n;

  if (user == NULL)
    return g_strdup (_("someone"));

  if (g_str_equal (user, "server"))
    return g_strdup (_("the server"));

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

/* Returns the member that the store's actor is, or %NULL. */
IrEntity *
ir_store_find_own_member (IrStore *store)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  const char *actor = ir_store_get_actor (store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), actor) == 0)
        return g_steal_pointer (&member);
    }

  return NULL;
}

/* --- values --------------------------------------------------------------- */

/**
 * ir_format_value:
 *
 * Formats one field's value as the history shows it: enumerations and
 * booleans in words, references by the title of what they name, dates and
 * times in the user's locale.
 */
char *
ir_format_value (IrStore    *store,
                 const char *kind,
                 const char *field,
                 JsonNode   *value)
{
  const IrFieldSpec *spec;

  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup (C_("empty value", "none"));

  if (g_strcmp0 (field, "deleted") == 0)
    return g_strdup (json_node_get_boolean (value) ? _("deleted") : _("restored"));

  spec = ir_schema_lookup_field (ir_store_get_schema (store), kind, field);
  if (spec == NULL || !JSON_NODE_HOLDS_VALUE (value))
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, value);
      return json_generator_to_data (generator, NULL);
    }

  switch (spec->type)
    {
    case IR_VALUE_BOOL:
      return g_strdup (json_node_get_boolean (value) ? _("yes") : _("no"));

    case IR_VALUE_ENUM:
      return g_strdup (ir_enum_label (json_node_get_string (value)));

    case IR_VALUE_DATE:
      return ir_format_date (json_node_get_string (value));

    case IR_VALUE_TIME:
      return ir_format_time (json_node_get_int (value));

    case IR_VALUE_REF:
      {
        g_autoptr(IrEntity) target = ir_store_get_entity (store, spec->ref_entity,
                                                          json_node_get_string (value));

        if (target == NULL)
          return g_strdup (_("a deleted item"));
        return ir_entity_dup_title (target);
      }

    case IR_VALUE_INT:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

    case IR_VALUE_REAL:
      return g_strdup_printf ("%.1f", json_node_get_double (value));

    case IR_VALUE_BLOB:
      /* The first twelve digits of a SHA-256 tell files apart in a list. */
      return g_strndup (json_node_get_string (value), 12);

    case IR_VALUE_POSITION:
      return g_strdup (_("moved"));

    case IR_VALUE_TEXT:
    case IR_VALUE_JSON:
    default:
      if (json_node_get_value_type (value) == G_TYPE_STRING)
        return g_strdup (json_node_get_string (value));
      return g_strdup (_("changed"));
    }
}

/* --- widgets -------------------------------------------------------------- */

typedef struct
{
  char *kind;
  char *eid;
} ItemMenuTarget;

static void
item_menu_target_free (gpointer data)
{
  ItemMenuTarget *target = data;

  g_free (target->kind);
  g_free (target->eid);
  g_free (target);
}

/* Builds the menu when the button is first used: a menu model given at
 * once makes its popover at once, which for every row of a long list
 * costs start-up time and memory. */
static void
create_item_menu_cb (GtkMenuButton *button,
                     gpointer       data)
{
  ItemMenuTarget *target = data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) history = g_menu_item_new (_("_History"), NULL);
  g_autoptr(GMenuItem) trash = g_menu_item_new (_("_Move to Trash"), NULL);

  g_menu_item_set_action_and_target_value (history, "room.history",
                                           g_variant_new ("(ss)", target->kind, target->eid));
  g_menu_item_set_action_and_target_value (trash, "room.trash-item",
                                           g_variant_new ("(ss)", target->kind, target->eid));
  g_menu_append_item (menu, history);
  g_menu_append_item (menu, trash);

  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

/* Creates the "…" button of a list row: the item's history and moving the
 * item to the trash, both as room.* actions with (kind, id) targets. */
GtkWidget *
ir_item_menu_button_new (const char *kind,
                         const char *eid)
{
  ItemMenuTarget *target = g_new0 (ItemMenuTarget, 1);
  GtkWidget *button;

  target->kind = g_strdup (kind);
  target->eid = g_strdup (eid);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_item_menu_cb,
                                         target, item_menu_target_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("More"));
  gtk_widget_add_css_class (button, "flat");

  return button;
}

GtkWidget *
ir_pill_new (const char *label,
             const char *style_class)
{
  GtkWidget *pill = gtk_label_new (label);

  gtk_widget_add_css_class (pill, "pill");
  if (style_class != NULL)
    gtk_widget_add_css_class (pill, style_class);
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);

  return pill;
}
