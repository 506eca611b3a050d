/* ir-risks-page-alerts.c: the risks page's alerts and rows: collecting,
 * filtering and sorting the alerts, and the rows of both lists
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-risks"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-risks-page-private.h"
#include "ir-ui-util.h"

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
GPtrArray *
ir_risks_page_collect_alerts (IrRisksPage *self)
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

gboolean
ir_risks_alert_is_open (const IrRisksAlert *alert)
{
  return alert->state != IR_ESCALATION_RESOLVED;
}

gboolean
ir_risks_page_alert_matches (IrRisksPage        *self,
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
      return ir_risks_alert_is_open (alert);
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
int
ir_risks_alert_compare (gconstpointer a,
                        gconstpointer b)
{
  const IrRisksAlert *first = *(const IrRisksAlert * const *) a;
  const IrRisksAlert *second = *(const IrRisksAlert * const *) b;

  if (first->tier != second->tier)
    return (int) second->tier - (int) first->tier;
  if (ir_risks_alert_is_open (first) != ir_risks_alert_is_open (second))
    return ir_risks_alert_is_open (first) ? -1 : 1;
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

GtkWidget *
ir_risks_page_create_alert_row (IrRisksPage        *self,
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
  if (!ir_risks_alert_is_open (alert))
    gtk_widget_add_css_class (row, "dim-label");
  gtk_widget_set_name (row, alert->key);

  return row;
}

void
ir_risks_page_update_header_cb (GtkListBoxRow *row,
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

GtkWidget *
ir_risks_page_create_risk_row_cb (gpointer item,
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

int
ir_risks_compare_risks (gconstpointer a,
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

gboolean
ir_risks_risk_is_open (gpointer item,
                       gpointer user_data)
{
  return g_strcmp0 (ir_entity_get_string (item, "status"), "closed") != 0;
}
