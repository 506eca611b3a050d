/* ir-risks-page.c: the risks page: three-tier alerts and the risk register
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now the page lists the alerts, the most urgent first, and the open
 * risks by score. The risks module replaces the lists later; it takes the
 * same "store" property.
 */
#define G_LOG_DOMAIN "ironroom-risks"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-risks-page.h"
#include "ir-ui-util.h"

struct _IrRisksPage
{
  GtkWidget     parent_instance;

  IrStore      *store;
  IrEntityList *escalations;
  IrEntityList *risks;
  GListModel   *sorted_alerts;
  GListModel   *open_risks;
  gulong        tx_applied_id;

  GtkStack     *stack;
  GtkListBox   *list_box;
  GtkListBox   *risk_list_box;
  GtkLabel     *red_count;
  GtkLabel     *yellow_count;
  GtkLabel     *blue_count;
  GtkLabel     *risks_count;
};

G_DEFINE_FINAL_TYPE (IrRisksPage, ir_risks_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers -------------------------------------------------------------- */

static int
tier_rank (const char *tier)
{
  if (g_strcmp0 (tier, "red") == 0)
    return 3;
  if (g_strcmp0 (tier, "yellow") == 0)
    return 2;
  if (g_strcmp0 (tier, "blue") == 0)
    return 1;

  return 0;
}

static gboolean
is_resolved (IrEntity *alert)
{
  return g_strcmp0 (ir_entity_get_string (alert, "state"), "resolved") == 0;
}

static const char *
tier_action (const char *tier)
{
  switch (tier_rank (tier))
    {
    case 3:
      return _("reported to the business-unit VP");
    case 2:
      return _("three-party meeting booked");
    case 1:
      return _("owner reminded");
    default:
      return "";
    }
}

/* Open alerts first, then the most urgent tier, then the longest delay. */
static int
compare_alerts (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  IrEntity *first = (IrEntity *) a;
  IrEntity *second = (IrEntity *) b;
  int rank_a = tier_rank (ir_entity_get_string (first, "tier"));
  int rank_b = tier_rank (ir_entity_get_string (second, "tier"));
  gint64 delay_a = ir_entity_get_int (first, "delay");
  gint64 delay_b = ir_entity_get_int (second, "delay");

  if (is_resolved (first) != is_resolved (second))
    return is_resolved (first) ? 1 : -1;
  if (rank_a != rank_b)
    return rank_b - rank_a;
  if (delay_a != delay_b)
    return delay_b > delay_a ? 1 : -1;

  return g_strcmp0 (ir_entity_get_id (first), ir_entity_get_id (second));
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

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_summary (IrRisksPage *self)
{
  guint n_alerts = self->sorted_alerts ? g_list_model_get_n_items (self->sorted_alerts) : 0;
  guint n_risks = self->open_risks ? g_list_model_get_n_items (self->open_risks) : 0;
  guint per_tier[4] = { 0, };

  for (guint i = 0; i < n_alerts; i++)
    {
      g_autoptr(IrEntity) alert = g_list_model_get_item (self->sorted_alerts, i);

      if (!is_resolved (alert))
        per_tier[tier_rank (ir_entity_get_string (alert, "tier"))]++;
    }

  set_count (self->red_count, per_tier[3]);
  set_count (self->yellow_count, per_tier[2]);
  set_count (self->blue_count, per_tier[1]);
  set_count (self->risks_count, n_risks);

  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->list_box)), n_alerts > 0);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->risk_list_box)), n_risks > 0);
  gtk_stack_set_visible_child_name (self->stack, n_alerts + n_risks > 0 ? "list" : "empty");
}

/* Returns the name of the task or risk that an alert is about. */
static char *
dup_subject_title (IrRisksPage *self,
                   IrEntity    *alert)
{
  const char *kind = ir_entity_get_string (alert, "subject_kind");
  const char *subject = ir_entity_get_string (alert, "subject");
  g_autoptr(IrEntity) target = NULL;

  if (kind != NULL && subject != NULL)
    target = ir_store_get_entity (self->store, kind, subject);
  if (target == NULL)
    return g_strdup (_("A deleted item"));

  return ir_entity_dup_title (target);
}

/* --- callbacks ------------------------------------------------------------ */

static GtkWidget *
create_alert_row_cb (gpointer item,
                     gpointer user_data)
{
  IrRisksPage *self = user_data;
  IrEntity *alert = item;
  const char *tier = ir_entity_get_string (alert, "tier");
  const char *state = ir_entity_get_string (alert, "state");
  const char *commitment = ir_entity_get_string (alert, "commitment");
  gint64 delay = ir_entity_get_int (alert, "delay");
  g_autofree char *title = dup_subject_title (self, alert);
  g_autofree char *late = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *stripe, *badge;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late",
                                       ABS (delay)),
                          (int) delay);
  if (commitment != NULL)
    {
      date = ir_format_date (commitment);
      /* Translators: days late, the committed date, and what the alert did. */
      subtitle = g_strdup_printf (_("%s · committed %s · %s"), late, date, tier_action (tier));
    }
  else
    /* Translators: days late and what the alert did. */
    subtitle = g_strdup_printf (_("%s · %s"), late, tier_action (tier));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (stripe, "tier-stripe");
  if (tier != NULL)
    gtk_widget_add_css_class (stripe, tier);
  gtk_widget_set_size_request (stripe, 4, 36);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), stripe);

  if (state != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), ir_pill_new (ir_enum_label (state), NULL));

  badge = gtk_label_new (ir_enum_label (tier));
  gtk_widget_add_css_class (badge, "tier-badge");
  if (tier != NULL)
    gtk_widget_add_css_class (badge, tier);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ir_item_menu_button_new ("escalation", ir_entity_get_id (alert)));
  if (is_resolved (alert))
    gtk_widget_add_css_class (row, "dim-label");
  gtk_widget_set_name (row, ir_entity_get_id (alert));

  return row;
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
  gint64 value = risk_score (risk);
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

static void
bind_lists (IrRisksPage *self)
{
  gtk_list_box_bind_model (self->list_box, self->sorted_alerts,
                           create_alert_row_cb, self, NULL);
  gtk_list_box_bind_model (self->risk_list_box, self->open_risks,
                           create_risk_row_cb, self, NULL);
}

/* An alert's row shows the name of its task, so every applied transaction
 * refreshes the rows. */
static void
tx_applied_cb (IrRisksPage *self,
               guint        flags,
               IrStore     *store)
{
  bind_lists (self);
  update_summary (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_risks_page_dispose (GObject *object)
{
  IrRisksPage *self = IR_RISKS_PAGE (object);

  ir_risks_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_RISKS_PAGE);

  G_OBJECT_CLASS (ir_risks_page_parent_class)->dispose (object);
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
  object_class->get_property = ir_risks_page_get_property;
  object_class->set_property = ir_risks_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-risks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, risk_list_box);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, red_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, yellow_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, blue_count);
  gtk_widget_class_bind_template_child (widget_class, IrRisksPage, risks_count);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_risks_page_init (IrRisksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_risks_page_get_store (IrRisksPage *self)
{
  g_return_val_if_fail (IR_IS_RISKS_PAGE (self), NULL);

  return self->store;
}

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
  if (self->list_box != NULL)
    {
      gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->risk_list_box, NULL, NULL, NULL, NULL);
    }
  g_clear_object (&self->sorted_alerts);
  g_clear_object (&self->open_risks);
  g_clear_object (&self->escalations);
  g_clear_object (&self->risks);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->escalations = ir_store_list (store, "escalation");
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_alerts, NULL, NULL));
      self->sorted_alerts = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->escalations)),
                                                                   sorter));

      self->risks = ir_store_list (store, "risk");
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_risks, NULL, NULL));
      sorted_risks = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->risks)),
                                                            sorter));
      filter = GTK_FILTER (gtk_custom_filter_new (risk_is_open, NULL, NULL));
      self->open_risks = G_LIST_MODEL (gtk_filter_list_model_new (sorted_risks, filter));

      self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                     G_CALLBACK (tx_applied_cb), self,
                                                     G_CONNECT_SWAPPED);
      bind_lists (self);
    }

  if (self->list_box != NULL)
    update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
