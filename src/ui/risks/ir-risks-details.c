/* ir-risks-details.c: one alert in full: dates, slip chain, actions and
 * audit trail, with the steps a member can take
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pane's buttons are details.* actions that pass the shown alert to the
 * page's risks.* actions, so a menu item only needs the snooze length.
 */
#define G_LOG_DOMAIN "ironroom-risks"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-risks-details.h"
#include "ir-ui-util.h"

struct _IrRisksDetails
{
  GtkWidget   parent_instance;

  char       *escalation_id;   /* NULL for a provisional alert */
  char       *subject_id;
  gboolean    is_task;

  GtkWidget  *scroller;
  GtkLabel   *heading;
  GtkLabel   *tier_badge;
  GtkLabel   *state_label;
  GtkLabel   *summary;
  GtkWidget  *buttons;
  GtkWidget  *acknowledge_button;
  GtkWidget  *snooze_button;
  GtkWidget  *resolve_button;
  GtkWidget  *extension_button;
  GtkWidget  *plan_button;
  GtkBox     *groups;
};

G_DEFINE_FINAL_TYPE (IrRisksDetails, ir_risks_details, GTK_TYPE_WIDGET)

/* --- rows ----------------------------------------------------------------- */

static GtkWidget *
add_group (IrRisksDetails *self,
           const char     *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  gtk_box_append (self->groups, group);

  return group;
}

static GtkWidget *
add_row (GtkWidget  *group,
         const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  return row;
}

/* A row whose value is a suffix label, such as "Committed  1 Dec 2026". */
static void
add_fact (GtkWidget  *group,
          const char *title,
          const char *value)
{
  GtkWidget *row = add_row (group, title, NULL);
  GtkWidget *label = gtk_label_new (value);

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
}

static char *
format_day (IrDay day)
{
  char text[IR_DAY_STRING_SIZE];

  if (day == IR_DAY_NONE)
    return g_strdup ("—");

  return ir_format_date (ir_day_format (day, text));
}

static char *
format_days_late (int delay)
{
  if (delay <= 0)
    return g_strdup (_("On time"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late", delay),
                          delay);
}

/* --- groups --------------------------------------------------------------- */

static void
add_dates (IrRisksDetails     *self,
           IrStore            *store,
           const IrRisksAlert *alert)
{
  GtkWidget *group = add_group (self, _("Dates"));
  g_autofree char *committed = format_day (alert->commitment);
  g_autofree char *late = format_days_late (alert->slip ? alert->slip->delay : alert->delay);
  g_autofree char *owner = alert->owner_id ? ir_member_dup_name (store, alert->owner_id)
                                           : g_strdup (_("No owner"));

  add_fact (group, alert->kind == IR_SUBJECT_RISK ? _("Due") : _("Committed"), committed);
  if (alert->slip != NULL && alert->kind == IR_SUBJECT_TASK)
    {
      g_autofree char *forecast = format_day (alert->slip->forecast);

      add_fact (group, _("Forecast"), forecast);
    }
  add_fact (group, _("Delay"), late);
  add_fact (group, _("Owner"), owner);

  if (alert->record != NULL)
    {
      const IrEscalationStatus *status = &alert->record->status;
      g_autofree char *raised = status->raised ? ir_format_time (status->raised) : NULL;

      if (raised != NULL)
        add_fact (group, _("Raised"), raised);
      if (status->state == IR_ESCALATION_SNOOZED && status->snoozed_until != 0)
        {
          g_autofree char *until = ir_format_time (status->snoozed_until);

          add_fact (group, _("Snoozed until"), until);
        }
      if (status->proposed_date != IR_DAY_NONE)
        {
          g_autofree char *proposed = format_day (status->proposed_date);

          add_fact (group, _("Extension requested to"), proposed);
        }
    }
}

static void
add_chain (IrRisksDetails     *self,
           const IrRisksAlert *alert)
{
  GtkWidget *group;

  if (alert->slip == NULL || alert->slip->chain == NULL || alert->slip->chain->len == 0)
    return;

  group = add_group (self, _("Slip Chain"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("The predecessors whose dates drove this one, the "
                                           "nearest first."));

  for (guint i = 0; i < alert->slip->chain->len; i++)
    {
      const IrSlipStep *step = g_ptr_array_index (alert->slip->chain, i);
      g_autofree char *finish = format_day (step->finish);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (step->has_slip)
        /* Translators: a predecessor's own slip and its forecast finish. */
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%d day late itself · finishes %s",
                                                 "%d days late itself · finishes %s",
                                                 step->slip),
                                    step->slip, finish);
      else
        /* Translators: a predecessor without a date of its own to be late
         * against, and its forecast finish. */
        subtitle = g_strdup_printf (_("No date of its own · finishes %s"), finish);

      row = add_row (group, step->name != NULL ? step->name : step->task_id, subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", step->task_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "risks.open-task");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
}

static void
add_meeting (GtkWidget *group,
             IrEntity  *meeting)
{
  g_autofree char *when = ir_format_time (ir_entity_get_int (meeting, "start"));
  g_autofree char *subtitle = NULL;
  const char *link = ir_entity_get_string (meeting, "link");
  GtkWidget *row;

  /* Translators: when a meeting starts and how long it takes. */
  subtitle = g_strdup_printf (_("%s · %d minutes"), when,
                              (int) ir_entity_get_int (meeting, "minutes"));
  row = add_row (group, ir_entity_get_string (meeting, "title"), subtitle);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("x-office-calendar-symbolic"));

  if (link != NULL && link[0] != '\0')
    {
      GtkWidget *button = gtk_link_button_new_with_label (link, _("Join"));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
}

/* Lists what the escalation did: its meeting, and whose inbox it reached. */
static void
add_actions (IrRisksDetails     *self,
             IrStore            *store,
             const IrRisksAlert *alert)
{
  g_autoptr(IrEntityList) meetings = NULL;
  g_autoptr(IrEntityList) items = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  GtkWidget *group;

  if (alert->record == NULL)
    return;

  group = add_group (self, _("Actions"));
  meetings = ir_store_list_children (store, "meeting", "escalation", alert->record->id);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (meetings)); i++)
    {
      g_autoptr(IrEntity) meeting = g_list_model_get_item (G_LIST_MODEL (meetings), i);

      add_meeting (group, meeting);
    }

  items = ir_store_list_children (store, "inbox_item", "subject", alert->record->id);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (items)); i++)
    {
      g_autoptr(IrEntity) item = g_list_model_get_item (G_LIST_MODEL (items), i);
      g_autofree char *name = ir_member_dup_name (store, ir_entity_get_string (item, "recipient"));

      if (strstr (names->str, name) != NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  if (names->len > 0)
    {
      GtkWidget *row = add_row (group, _("Inbox"), names->str);

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("mail-unread-symbolic"));
    }

  if (alert->tier == IR_TIER_RED)
    {
      GtkWidget *row = add_row (group, _("Group chat"),
                                _("The server posts red alerts to the room's DingTalk or WeCom "
                                  "group, when an AR has set one up."));

      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("user-available-symbolic"));
    }
}

static const char *
event_label (const char *kind)
{
  static const struct
  {
    const char *kind;
    const char *label;
  } labels[] = {
    { "raised", N_("Raised") },
    { "notified", N_("Notified") },
    { "acknowledged", N_("Acknowledged") },
    { "snoozed", N_("Snoozed") },
    { "resolved", N_("Resolved") },
    { "reraised", N_("Raised again") },
    { "note", N_("Note") },
    { "extension_requested", N_("Extension requested") },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);

  return kind;
}

static void
add_history (IrRisksDetails     *self,
             IrStore            *store,
             const IrRisksAlert *alert)
{
  GtkWidget *group;

  if (alert->record == NULL || alert->record->events->len == 0)
    return;

  group = add_group (self, _("History"));
  for (guint i = alert->record->events->len; i > 0; i--)
    {
      const IrEscalationEvent *event = g_ptr_array_index (alert->record->events, i - 1);
      g_autofree char *who = ir_actor_dup_name (store, event->actor);
      g_autofree char *when = ir_format_time (event->at);
      g_autofree char *subtitle = NULL;
      g_autofree char *extra = NULL;

      if (g_strcmp0 (event->kind, "snoozed") == 0 && event->until != 0)
        {
          g_autofree char *until = ir_format_time (event->until);

          /* Translators: how long an alert was snoozed. */
          extra = g_strdup_printf (_("until %s"), until);
        }
      else if (event->proposed_date != IR_DAY_NONE)
        {
          g_autofree char *proposed = format_day (event->proposed_date);

          /* Translators: the date an extension request proposes. */
          extra = g_strdup_printf (_("to %s"), proposed);
        }

      /* Translators: who took a step on an alert and when, as in
       * “Li Qiang · 4 Dec 2026 10:15”. */
      subtitle = g_strdup_printf (_("%s · %s"), who, when);
      if (extra != NULL)
        {
          char *longer = g_strdup_printf ("%s · %s", subtitle, extra);

          g_free (subtitle);
          subtitle = longer;
        }
      if (event->note != NULL && event->note[0] != '\0')
        {
          char *longer = g_strdup_printf ("%s\n%s", subtitle, event->note);

          g_free (subtitle);
          subtitle = longer;
        }

      add_row (group, event_label (event->kind), subtitle);
    }
}

/* --- actions -------------------------------------------------------------- */

static void
forward_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrRisksDetails *self = IR_RISKS_DETAILS (widget);

  if (g_str_equal (action_name, "details.acknowledge"))
    gtk_widget_activate_action (widget, "risks.acknowledge", "s", self->escalation_id);
  else if (g_str_equal (action_name, "details.snooze"))
    gtk_widget_activate_action (widget, "risks.snooze", "(si)", self->escalation_id,
                                g_variant_get_int32 (parameter));
  else if (g_str_equal (action_name, "details.resolve"))
    gtk_widget_activate_action (widget, "risks.resolve-dialog", "s", self->escalation_id);
  else if (g_str_equal (action_name, "details.extension"))
    gtk_widget_activate_action (widget, "risks.extension-dialog", "s", self->escalation_id);
  else if (g_str_equal (action_name, "details.open-task"))
    gtk_widget_activate_action (widget, "risks.open-task", "s", self->subject_id);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_risks_details_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IR_TYPE_RISKS_DETAILS);

  G_OBJECT_CLASS (ir_risks_details_parent_class)->dispose (object);
}

static void
ir_risks_details_finalize (GObject *object)
{
  IrRisksDetails *self = IR_RISKS_DETAILS (object);

  g_free (self->escalation_id);
  g_free (self->subject_id);

  G_OBJECT_CLASS (ir_risks_details_parent_class)->finalize (object);
}

static void
ir_risks_details_class_init (IrRisksDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_risks_details_dispose;
  object_class->finalize = ir_risks_details_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-risks-details.ui");
  /* Bound so that disposing the template unparents it. */
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, heading);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, tier_badge);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, state_label);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, summary);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, buttons);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, acknowledge_button);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, snooze_button);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, resolve_button);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, extension_button);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, plan_button);
  gtk_widget_class_bind_template_child (widget_class, IrRisksDetails, groups);

  gtk_widget_class_install_action (widget_class, "details.acknowledge", NULL,
                                   forward_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.snooze", "i", forward_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.resolve", NULL, forward_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.extension", NULL,
                                   forward_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.open-task", NULL,
                                   forward_activated_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_risks_details_init (IrRisksDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

static char *
describe (const IrRisksAlert *alert)
{
  g_autofree char *late = format_days_late (alert->slip ? alert->slip->delay : alert->delay);

  if (alert->provisional)
    return g_strdup_printf (_("%s. This computer expects the server to raise this alert; it "
                              "has not yet."), late);

  switch (alert->tier)
    {
    case IR_TIER_RED:
      return g_strdup_printf (_("%s. Reported straight to the business-unit VP."), late);
    case IR_TIER_YELLOW:
      return g_strdup_printf (_("%s. A three-party meeting of the AR, SR and FR is booked."),
                              late);
    case IR_TIER_BLUE:
    case IR_TIER_NONE:
    default:
      return g_strdup_printf (_("%s. The owner is reminded."), late);
    }
}

/**
 * ir_risks_details_show:
 * @self: the pane
 * @store: the room
 * @alert: the alert to show
 *
 * Shows @alert and enables the steps that suit it.
 */
void
ir_risks_details_show (IrRisksDetails     *self,
                       IrStore            *store,
                       const IrRisksAlert *alert)
{
  const char *tier = ir_tier_to_string (alert->tier);
  gboolean open = alert->record != NULL && alert->state != IR_ESCALATION_RESOLVED;
  g_autofree char *summary = describe (alert);
  GtkWidget *child;

  g_return_if_fail (IR_IS_RISKS_DETAILS (self));

  g_free (self->escalation_id);
  self->escalation_id = alert->record != NULL ? g_strdup (alert->record->id) : NULL;
  g_free (self->subject_id);
  self->subject_id = g_strdup (alert->subject_id);
  self->is_task = alert->kind == IR_SUBJECT_TASK;

  gtk_label_set_label (self->heading, alert->title);
  gtk_label_set_label (self->tier_badge, ir_enum_label (tier));
  gtk_widget_set_css_classes (GTK_WIDGET (self->tier_badge),
                              (const char *[]) { "tier-badge", tier ? tier : "none", NULL });
  gtk_label_set_label (self->state_label,
                       alert->provisional ? _("Would escalate")
                                          : ir_enum_label (ir_escalation_state_to_string (alert->state)));
  gtk_label_set_label (self->summary, summary);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.acknowledge",
                                 open && alert->state != IR_ESCALATION_ACKNOWLEDGED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.snooze", open);
  gtk_widget_set_sensitive (self->snooze_button, open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.resolve", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.extension", open && self->is_task);
  gtk_widget_set_visible (self->extension_button, self->is_task);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "details.open-task", self->is_task);
  gtk_widget_set_visible (self->plan_button, self->is_task);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups))) != NULL)
    gtk_box_remove (self->groups, child);
  add_dates (self, store, alert);
  add_chain (self, alert);
  add_actions (self, store, alert);
  add_history (self, store, alert);
}
