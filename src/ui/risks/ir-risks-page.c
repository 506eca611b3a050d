/* ir-risks-page.c: the risks page: three-tier alerts and the risk register
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page lists the room's escalations grouped by tier, red first, with
 * filters by owner and state, and shows the selected one in full beside the
 * list. While a room is open, an IrEscalationMonitor evaluates it: a
 * local-only room raises its escalations here, while a synced room shows
 * the server's escalations and, marked as such, the ones this computer
 * expects the server to raise.
 */
#define G_LOG_DOMAIN "ironroom-risks"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-risks-page-private.h"
#include "ir-ui-util.h"

G_DEFINE_FINAL_TYPE (IrRisksPage, ir_risks_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- alerts --------------------------------------------------------------- */

void
ir_risks_alert_free (IrRisksAlert *alert)
{
  if (alert == NULL)
    return;

  g_free (alert->key);
  g_clear_pointer (&alert->record, ir_escalation_record_free);
  g_clear_pointer (&alert->slip, ir_slip_free);
  g_free (alert->subject_id);
  g_free (alert->title);
  g_free (alert->owner_id);
  g_free (alert);
}

static IrSlip *
copy_slip (const IrSlip *slip)
{
  IrSlip *copy;

  if (slip == NULL)
    return NULL;

  copy = g_new0 (IrSlip, 1);
  *copy = *slip;
  copy->subject_id = g_strdup (slip->subject_id);
  copy->title = g_strdup (slip->title);
  copy->owner_id = g_strdup (slip->owner_id);
  copy->chain = g_ptr_array_ref (slip->chain);

  return copy;
}

/* Fills the alert's title and owner from its task or risk. */
static void
read_subject (IrRisksPage  *self,
              IrRisksAlert *alert)
{
  const char *kind = alert->kind == IR_SUBJECT_RISK ? "risk" : "task";
  g_autoptr(IrEntity) subject = NULL;

  if (alert->subject_id != NULL)
    subject = ir_store_get_entity (self->store, kind, alert->subject_id);

  if (subject == NULL || !ir_entity_is_visible (subject))
    {
      alert->title = g_strdup (_("A deleted item"));
      return;
    }

  alert->title = ir_entity_dup_title (subject);
  alert->owner_id = g_strdup (ir_entity_get_string (subject, "owner"));
}

static IrEscalationItem *
find_item (IrEscalationReport *report,
           const char         *subject_id)
{
  return report != NULL && subject_id != NULL ? ir_escalation_report_find (report, subject_id)
                                              : NULL;
}

/* Returns: (transfer full): the room's escalations and, in a synced room,
 *   the ones that the last evaluation expects the server to raise */
static GPtrArray *
collect_alerts (IrRisksPage *self)
{
  GPtrArray *alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_risks_alert_free);
  g_autoptr(GPtrArray) records = ir_escalation_load_records (self->store);
  IrEscalationReport *report = self->monitor ? ir_escalation_monitor_get_report (self->monitor)
                                             : NULL;
  gboolean provisional = self->monitor && ir_escalation_monitor_get_provisional (self->monitor);

  for (guint i = 0; i < records->len; i++)
    {
      IrEscalationRecord *record = g_ptr_array_index (records, i);
      IrEscalationItem *item = find_item (report, record->subject);
      IrRisksAlert *alert = g_new0 (IrRisksAlert, 1);

      alert->key = g_strdup (record->id);
      alert->kind = record->kind;
      alert->subject_id = g_strdup (record->subject);
      alert->tier = record->tier;
      alert->state = record->status.state;
      alert->delay = (int) record->delay;
      alert->commitment = record->commitment;
      if (item != NULL && item->slip != NULL && item->slip->commitment == record->commitment)
        alert->slip = copy_slip (item->slip);
      read_subject (self, alert);
      alert->record = g_steal_pointer (&g_ptr_array_index (records, i));
      g_ptr_array_add (alerts, alert);
    }

  for (guint i = 0; provisional && report != NULL && i < report->items->len; i++)
    {
      IrEscalationItem *item = g_ptr_array_index (report->items, i);
      IrRisksAlert *alert;

      if (!(item->changes & IR_ESCALATION_CHANGE_RAISED) || item->slip == NULL)
        continue;

      alert = g_new0 (IrRisksAlert, 1);
      alert->key = g_strconcat ("would:", item->subject_id, NULL);
      alert->kind = item->kind;
      alert->subject_id = g_strdup (item->subject_id);
      alert->tier = item->tier;
      alert->state = IR_ESCALATION_RAISED;
      alert->delay = item->slip->delay;
      alert->commitment = item->slip->commitment;
      alert->provisional = TRUE;
      alert->slip = copy_slip (item->slip);
      read_subject (self, alert);
      g_ptr_array_add (alerts, alert);
    }

  return alerts;
}

static gboolean
alert_is_open (const IrRisksAlert *alert)
{
  return alert->state != IR_ESCALATION_RESOLVED;
}

static gboolean
alert_matches (IrRisksPage        *self,
               const IrRisksAlert *alert)
{
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  const char *owner_id = NULL;

  if (self->owner_ids != NULL && owner < self->owner_ids->len)
    owner_id = g_ptr_array_index (self->owner_ids, owner);
  if (owner_id != NULL && g_strcmp0 (owner_id, alert->owner_id) != 0)
    return FALSE;

  switch ((IrRisksFilter) gtk_drop_down_get_selected (self->state_filter))
    {
    case IR_RISKS_FILTER_OPEN:
      return alert_is_open (alert);
    case IR_RISKS_FILTER_ATTENTION:
      return alert->state == IR_ESCALATION_RAISED || alert->state == IR_ESCALATION_NOTIFIED;
    case IR_RISKS_FILTER_ACKNOWLEDGED:
      return alert->state == IR_ESCALATION_ACKNOWLEDGED;
    case IR_RISKS_FILTER_SNOOZED:
      return alert->state == IR_ESCALATION_SNOOZED;
    case IR_RISKS_FILTER_RESOLVED:
      return alert->state == IR_ESCALATION_RESOLVED;
    case IR_RISKS_FILTER_ALL:
    default:
      return TRUE;
    }
}

/* Red first; in a tier, open before resolved, then the longest delay. */
static int
compare_alerts (gconstpointer a,
                gconstpointer b)
{
  const IrRisksAlert *first = *(const IrRisksAlert * const *) a;
  const IrRisksAlert *second = *(const IrRisksAlert * const *) b;

  if (first->tier != second->tier)
    return (int) second->tier - (int) first->tier;
  if (alert_is_open (first) != alert_is_open (second))
    return alert_is_open (first) ? -1 : 1;
  if (first->delay != second->delay)
    return second->delay - first->delay;

  return g_utf8_collate (first->title, second->title);
}

IrRisksAlert *
ir_risks_page_find_alert (IrRisksPage *self,
                          const char  *key)
{
  for (guint i = 0; self->alerts != NULL && key != NULL && i < self->alerts->len; i++)
    {
      IrRisksAlert *alert = g_ptr_array_index (self->alerts, i);

      if (g_str_equal (alert->key, key))
        return alert;
    }

  return NULL;
}

/* --- rows ----------------------------------------------------------------- */

static const char *
tier_action (IrTier tier)
{
  switch (tier)
    {
    case IR_TIER_RED:
      return _("reported to the business-unit VP");
    case IR_TIER_YELLOW:
      return _("three-party meeting booked");
    case IR_TIER_BLUE:
      return _("owner reminded");
    case IR_TIER_NONE:
    default:
      return "";
    }
}

static GtkWidget *
create_alert_row (IrRisksPage        *self,
                  const IrRisksAlert *alert)
{
  const char *tier = ir_tier_to_string (alert->tier);
  g_autofree char *late = NULL;
  g_autofree char *date = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *subtitle = NULL;
  char committed[IR_DAY_STRING_SIZE];
  GtkWidget *row, *stripe, *badge, *pill;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), alert->title);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late",
                                       ABS (alert->delay)),
                          alert->delay);
  date = alert->commitment != IR_DAY_NONE
         ? ir_format_date (ir_day_format (alert->commitment, committed)) : g_strdup ("—");
  owner = alert->owner_id ? ir_member_dup_name (self->store, alert->owner_id)
                          : g_strdup (_("No owner"));
  /* Translators: days late, the committed date and the owner, as in
   * “5 days late · committed 1 Dec 2026 · Zhao Min”. */
  subtitle = g_strdup_printf (alert->kind == IR_SUBJECT_RISK ? _("%s · due %s · %s")
                                                             : _("%s · committed %s · %s"),
                              late, date, owner);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (stripe, "tier-stripe");
  if (tier != NULL)
    gtk_widget_add_css_class (stripe, tier);
  gtk_widget_set_size_request (stripe, 4, 36);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), stripe);

  if (alert->provisional)
    pill = ir_pill_new (_("Would escalate"), "provisional");
  else
    pill = ir_pill_new (ir_enum_label (ir_escalation_state_to_string (alert->state)), NULL);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);

  badge = gtk_label_new (ir_enum_label (tier));
  gtk_widget_add_css_class (badge, "tier-badge");
  if (tier != NULL)
    gtk_widget_add_css_class (badge, tier);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  if (!alert->provisional)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               ir_item_menu_button_new ("escalation", alert->key));
  if (!alert_is_open (alert))
    gtk_widget_add_css_class (row, "dim-label");
  gtk_widget_set_name (row, alert->key);

  return row;
}

static void
update_header_cb (GtkListBoxRow *row,
                  GtkListBoxRow *before,
                  gpointer       user_data)
{
  IrRisksPage *self = user_data;
  IrRisksAlert *alert = ir_risks_page_find_alert (self, gtk_widget_get_name (GTK_WIDGET (row)));
  IrRisksAlert *previous = NULL;
  GtkWidget *header;
  g_autofree char *text = NULL;

  if (before != NULL)
    previous = ir_risks_page_find_alert (self, gtk_widget_get_name (GTK_WIDGET (before)));

  if (alert == NULL || (previous != NULL && previous->tier == alert->tier))
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  /* Translators: a group of alerts: the tier, then what it does. */
  text = g_strdup_printf (_("%s · %s"), ir_enum_label (ir_tier_to_string (alert->tier)),
                          tier_action (alert->tier));
  header = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (header), 0);
  gtk_widget_add_css_class (header, "tier-header");
  gtk_widget_add_css_class (header, ir_tier_to_string (alert->tier));
  gtk_list_box_row_set_header (row, header);
}

static GtkWidget *
create_risk_row_cb (gpointer item,
                    gpointer user_data)
{
  IrRisksPage *self = user_data;
  IrEntity *risk = item;
  const char *owner = ir_entity_get_string (risk, "owner");
  const char *due = ir_entity_get_string (risk, "due");
  g_autofree char *title = ir_entity_dup_title (risk);
  g_autofree char *owner_name = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *score = NULL;
  gint64 value = ir_entity_get_int (risk, "probability") * ir_entity_get_int (risk, "impact");
  GtkWidget *row;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  owner_name = owner ? ir_member_dup_name (self->store, owner) : g_strdup (_("No owner"));
  if (due != NULL)
    {
      due_text = ir_format_date (due);
      /* Translators: the risk's owner and its due date. */
      subtitle = g_strdup_printf (_("%s · due %s"), owner_name, due_text);
    }
  else
    subtitle = g_strdup (owner_name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  /* Translators: a risk's score, probability times impact, each 1 to 5. */
  score = g_strdup_printf (_("Score %d"), (int) value);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ir_pill_new (score, value >= 15 ? "blocker"
                                                 : value >= 8 ? "skeptic" : NULL));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ir_item_menu_button_new ("risk", ir_entity_get_id (risk)));
  gtk_widget_set_name (row, ir_entity_get_id (risk));

  return row;
}

static gint64
risk_score (IrEntity *risk)
{
  return ir_entity_get_int (risk, "probability") * ir_entity_get_int (risk, "impact");
}

static int
compare_risks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  gint64 score_a = risk_score ((IrEntity *) a);
  gint64 score_b = risk_score ((IrEntity *) b);

  if (score_a != score_b)
    return score_b > score_a ? 1 : -1;

  return g_utf8_collate (ir_entity_get_string ((IrEntity *) a, "title") ?: "",
                         ir_entity_get_string ((IrEntity *) b, "title") ?: "");
}

static gboolean
risk_is_open (gpointer item,
              gpointer user_data)
{
  return g_strcmp0 (ir_entity_get_string (item, "status"), "closed") != 0;
}

/* --- refreshing ----------------------------------------------------------- */

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_owner_filter (IrRisksPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  guint selected = gtk_drop_down_get_selected (self->owner_filter);
  g_autofree char *keep = NULL;
  guint position = 0;

  /* Keep the chosen owner across a refill. */
  if (self->owner_ids != NULL && selected < self->owner_ids->len)
    keep = g_strdup (g_ptr_array_index (self->owner_ids, selected));

  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_string_list_append (names, _("All Owners"));
  g_ptr_array_add (self->owner_ids, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (members)); i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      g_autofree char *name = ir_member_dup_name (self->store, ir_entity_get_id (member));

      if (g_strcmp0 (keep, ir_entity_get_id (member)) == 0)
        position = self->owner_ids->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->owner_ids, g_strdup (ir_entity_get_id (member)));
    }

  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->owner_filter, position);
}

/**
 * ir_risks_page_refresh:
 * @self: the page
 *
 * Lists the alerts again from the store and the monitor's last report.
 */
void
ir_risks_page_refresh (IrRisksPage *self)
{
  g_autoptr(GPtrArray) all = NULL;
  guint per_tier[IR_TIER_RED + 1] = { 0, };
  guint n_risks;
  GtkWidget *child;
  IrRisksAlert *selected;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->store == NULL)
    return;

  self->refreshing = TRUE;
  all = collect_alerts (self);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_risks_alert_free);

  for (guint i = 0; i < all->len; i++)
    {
      IrRisksAlert *alert = g_ptr_array_index (all, i);

      if (alert_is_open (alert))
        per_tier[alert->tier]++;
      if (alert_matches (self, alert))
        g_ptr_array_add (self->alerts, g_steal_pointer (&g_ptr_array_index (all, i)));
    }
  g_ptr_array_sort (self->alerts, compare_alerts);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < self->alerts->len; i++)
    {
      GtkWidget *row = create_alert_row (self, g_ptr_array_index (self->alerts, i));

      gtk_list_box_append (self->list_box, row);
      if (g_strcmp0 (self->selected, gtk_widget_get_name (row)) == 0)
        gtk_list_box_select_row (self->list_box, GTK_LIST_BOX_ROW (row));
    }
  gtk_list_box_invalidate_headers (self->list_box);

  n_risks = self->open_risks ? g_list_model_get_n_items (self->open_risks) : 0;
  set_count (self->red_count, per_tier[IR_TIER_RED]);
  set_count (self->yellow_count, per_tier[IR_TIER_YELLOW]);
  set_count (self->blue_count, per_tier[IR_TIER_BLUE]);
  set_count (self->risks_count, n_risks);

  gtk_widget_set_visible (GTK_WIDGET (self->list_box), self->alerts->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_alerts_label), self->alerts->len == 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->risk_list_box)), n_risks > 0);
  gtk_widget_set_visible (self->provisional_box,
                          self->monitor && ir_escalation_monitor_get_provisional (self->monitor));
  gtk_stack_set_visible_child_name (self->stack, all->len + n_risks > 0 ? "list" : "empty");

  selected = ir_risks_page_find_alert (self, self->selected);
  if (selected != NULL)
    ir_risks_details_show (self->details, self->store, selected);
  gtk_revealer_set_reveal_child (self->details_revealer, selected != NULL);
  self->refreshing = FALSE;

  ir_risks_page_update_actions (self);
}

static gboolean
refresh_cb (gpointer user_data)
{
  IrRisksPage *self = user_data;

  self->refresh_id = 0;
  ir_risks_page_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
queue_refresh (IrRisksPage *self)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh_cb, self);
}

/* --- notifications -------------------------------------------------------- */

/* Tells this member, on the desktop, of each escalation that this computer
 * just raised for them: the owner of a blue one, the trio of a yellow one,
 * the executives of a red one. */
static void
notify_raised (IrRisksPage        *self,
               IrEscalationReport *report)
{
  GApplication *application = g_application_get_default ();
  g_autoptr(IrEntity) me = NULL;
  IrRole role;

  if (application == NULL || report->provisional || report->n_raised == 0)
    return;

  me = ir_store_find_own_member (self->store);
  if (me == NULL)
    return;
  role = ir_role_from_string (ir_entity_get_string (me, "role"));

  for (guint i = 0; i < report->items->len; i++)
    {
      IrEscalationItem *item = g_ptr_array_index (report->items, i);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *title = NULL;
      gboolean mine;

      if (!(item->changes & IR_ESCALATION_CHANGE_RAISED) || item->slip == NULL)
        continue;

      if (item->tier == IR_TIER_BLUE)
        mine = g_strcmp0 (item->slip->owner_id, ir_entity_get_id (me)) == 0;
      else if (item->tier == IR_TIER_YELLOW)
        mine = (role & IR_ROLES_TRIO) != 0;
      else
        mine = (role & IR_ROLE_EXECUTIVE) != 0;
      if (!mine)
        continue;

      /* Translators: a desktop notification: the tier, the task or risk,
       * and how many days it is late. */
      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s alert: “%s” is %d day late",
                                            "%s alert: “%s” is %d days late", item->slip->delay),
                               ir_enum_label (ir_tier_to_string (item->tier)),
                               item->slip->title ? item->slip->title : "", item->slip->delay);
      notification = g_notification_new (title);
      g_notification_set_default_action_and_target (notification, "app.open-room", "s",
                                                    ir_store_get_room_id (self->store));
      g_application_send_notification (application, item->escalation_id, notification);
    }
}

/* --- callbacks ------------------------------------------------------------ */

static void
tx_applied_cb (IrRisksPage *self,
               guint        flags,
               IrStore     *store)
{
  queue_refresh (self);
}

static void
evaluated_cb (IrRisksPage         *self,
              IrEscalationReport  *report,
              IrEscalationMonitor *monitor)
{
  notify_raised (self, report);
  queue_refresh (self);
}

static void
filter_changed_cb (IrRisksPage *self)
{
  if (!self->refreshing)
    queue_refresh (self);
}

static void
row_activated_cb (IrRisksPage   *self,
                  GtkListBoxRow *row,
                  GtkListBox    *list_box)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "risks.select", "s",
                              gtk_widget_get_name (GTK_WIDGET (row)));
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_risks_page_dispose (GObject *object)
{
  IrRisksPage *self = IR_RISKS_PAGE (object);

  ir_risks_page_set_store (self, NULL);
  g_clear_pointer (&self->owner_ids, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_RISKS_PAGE);

  G_OBJECT_CLASS (ir_risks_page_parent_class)->dispose (object);
}

static void
ir_risks_page_finalize (GObject *object)
{
  IrRisksPage *self = IR_RISKS_PAGE (object);

  g_free (self->selected);

  G_OBJECT_CLASS (ir_risks_page_parent_class)->finalize (object);
}

static void
ir_risks_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IrRisksPage *self = IR_RISKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_risks_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IrRisksPage *self = IR_RISKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_risks_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_risks_page_class_init (IrRisksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_risks_page_dispose;
  object_class->finalize = ir_risks_page_finalize;
  object_class->get_property = ir_risks_page_get_property;
  object_class->set_property = ir_risks_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IR_TYPE_RISKS_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, provisional_box);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, risk_list_box);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, no_alerts_label);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, red_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, yellow_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, blue_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, risks_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, details_revealer);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, details);

  ir_risks_page_class_init_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_risks_page_init (IrRisksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_header_func (self->list_box, update_header_cb, self, NULL);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->state_filter, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  ir_risks_page_update_actions (self);
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_risks_page_get_store (IrRisksPage *self)
{
  g_return_val_if_fail (IR_IS_RISKS_PAGE (self), NULL);

  return self->store;
}

/**
 * ir_risks_page_set_store:
 * @self: the page
 * @store: (nullable): the open room, or %NULL
 *
 * Shows @store's alerts and risks and starts evaluating its escalations
 * while it stays set.
 */
void
ir_risks_page_set_store (IrRisksPage *self,
                         IrStore     *store)
{
  GtkSorter *sorter;
  GtkFilter *filter;
  GListModel *sorted_risks;

  g_return_if_fail (IR_IS_RISKS_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->tx_applied_id != 0)
    g_clear_signal_handler (&self->tx_applied_id, self->store);
  if (self->evaluated_id != 0)
    g_clear_signal_handler (&self->evaluated_id, self->monitor);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->risk_list_box != NULL)
    gtk_list_box_bind_model (self->risk_list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->monitor);
  g_clear_object (&self->open_risks);
  g_clear_object (&self->risks);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  g_clear_pointer (&self->selected, g_free);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->risks = ir_store_list (store, "risk");
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_risks, NULL, NULL));
      sorted_risks = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->risks)),
                                                            sorter));
      filter = GTK_FILTER (gtk_custom_filter_new (risk_is_open, NULL, NULL));
      self->open_risks = G_LIST_MODEL (gtk_filter_list_model_new (sorted_risks, filter));
      gtk_list_box_bind_model (self->risk_list_box, self->open_risks, create_risk_row_cb, self,
                               NULL);

      self->monitor = ir_escalation_monitor_new (store);
      self->evaluated_id = g_signal_connect_object (self->monitor, "evaluated",
                                                    G_CALLBACK (evaluated_cb), self,
                                                    G_CONNECT_SWAPPED);
      self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                     G_CALLBACK (tx_applied_cb), self,
                                                     G_CONNECT_SWAPPED);
      self->refreshing = TRUE;
      update_owner_filter (self);
      self->refreshing = FALSE;
      ir_risks_page_refresh (self);
    }
  else if (self->list_box != NULL)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
        gtk_list_box_remove (self->list_box, child);
      gtk_revealer_set_reveal_child (self->details_revealer, FALSE);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Returns: (transfer none) (nullable): the monitor that evaluates the room */
IrEscalationMonitor *
ir_risks_page_get_monitor (IrRisksPage *self)
{
  g_return_val_if_fail (IR_IS_RISKS_PAGE (self), NULL);

  return self->monitor;
}
