/* ir-plan-page.c: the plan page: tasks, milestones and commitments
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now the page lists the tasks as an indented outline with owners,
 * start dates, committed dates and alerts. The Gantt chart replaces the
 * list later; it takes the same "store" property.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-plan-page.h"
#include "ir-ui-util.h"

struct _IrPlanPage
{
  GtkWidget     parent_instance;

  IrStore      *store;
  IrEntityList *tasks;
  GListModel   *outline;
  GHashTable   *confirmed;   /* task id → committed date, both owned */
  GHashTable   *alerts;      /* task id → tier of its worst open alert */
  gulong        tx_applied_id;

  GtkStack     *stack;
  GtkListBox   *list_box;
  GtkLabel     *total_count;
  GtkLabel     *milestones_count;
  GtkLabel     *confirmed_count;
  GtkLabel     *late_count;
};

G_DEFINE_FINAL_TYPE (IrPlanPage, ir_plan_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Tiers from the least to the most urgent. */
static const char * const tiers[] = { "blue", "yellow", "red", NULL };

/* --- helpers -------------------------------------------------------------- */

static int
tier_rank (const char *tier)
{
  for (int i = 0; tiers[i] != NULL; i++)
    if (g_strcmp0 (tiers[i], tier) == 0)
      return i;

  return -1;
}

/* Fills @chain with the task's ancestors, the root first, then the task. */
static void
collect_chain (IrPlanPage *self,
               IrEntity   *task,
               GPtrArray  *chain)
{
  IrEntity *current = task;

  /* A cycle of parents is possible after a merge; the depth limit stops it. */
  for (guint depth = 0; current != NULL && depth < 64; depth++)
    {
      const char *parent = ir_entity_get_string (current, "parent");

      g_ptr_array_insert (chain, 0, current);
      current = parent ? ir_entity_list_lookup (self->tasks, parent) : NULL;
    }
}

static int
compare_tasks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  IrPlanPage *self = user_data;
  g_autoptr(GPtrArray) chain_a = g_ptr_array_new ();
  g_autoptr(GPtrArray) chain_b = g_ptr_array_new ();

  collect_chain (self, (IrEntity *) a, chain_a);
  collect_chain (self, (IrEntity *) b, chain_b);

  for (guint i = 0; i < chain_a->len && i < chain_b->len; i++)
    {
      IrEntity *step_a = chain_a->pdata[i];
      IrEntity *step_b = chain_b->pdata[i];
      int result;

      if (step_a == step_b)
        continue;

      result = g_strcmp0 (ir_entity_get_string (step_a, "position"),
                          ir_entity_get_string (step_b, "position"));
      if (result != 0)
        return result;

      return g_strcmp0 (ir_entity_get_id (step_a), ir_entity_get_id (step_b));
    }

  /* A parent comes before its children. */
  return (int) chain_a->len - (int) chain_b->len;
}

static guint
task_depth (IrPlanPage *self,
            IrEntity   *task)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  collect_chain (self, task, chain);

  return chain->len - 1;
}

/* Reads the confirmations and the open alerts that the rows show. */
static void
load_commitments (IrPlanPage *self)
{
  g_autoptr(IrEntityList) confirmations = ir_store_list (self->store, "confirmation");
  g_autoptr(IrEntityList) escalations = ir_store_list (self->store, "escalation");
  guint n;

  g_hash_table_remove_all (self->confirmed);
  g_hash_table_remove_all (self->alerts);

  n = g_list_model_get_n_items (G_LIST_MODEL (confirmations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) confirmation = g_list_model_get_item (G_LIST_MODEL (confirmations), i);

      g_hash_table_insert (self->confirmed,
                           g_strdup (ir_entity_get_string (confirmation, "task")),
                           g_strdup (ir_entity_get_string (confirmation, "committed")));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (escalations));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) alert = g_list_model_get_item (G_LIST_MODEL (escalations), i);
      const char *subject = ir_entity_get_string (alert, "subject");
      const char *tier = ir_entity_get_string (alert, "tier");
      const char *known;

      if (g_strcmp0 (ir_entity_get_string (alert, "state"), "resolved") == 0 ||
          g_strcmp0 (ir_entity_get_string (alert, "subject_kind"), "task") != 0 ||
          subject == NULL || tier_rank (tier) < 0)
        continue;

      known = g_hash_table_lookup (self->alerts, subject);
      if (known == NULL || tier_rank (tier) > tier_rank (known))
        g_hash_table_insert (self->alerts, g_strdup (subject),
                             (gpointer) tiers[tier_rank (tier)]);
    }
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_summary (IrPlanPage *self)
{
  guint n = self->outline ? g_list_model_get_n_items (self->outline) : 0;
  guint milestones = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) task = g_list_model_get_item (self->outline, i);

      if (ir_entity_get_boolean (task, "milestone"))
        milestones++;
    }

  set_count (self->total_count, n);
  set_count (self->milestones_count, milestones);
  set_count (self->confirmed_count, g_hash_table_size (self->confirmed));
  set_count (self->late_count, g_hash_table_size (self->alerts));
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

static char *
format_subtitle (IrPlanPage *self,
                 IrEntity   *task)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *owner = ir_entity_get_string (task, "owner");
  const char *start = ir_entity_get_string (task, "start");
  gint64 duration = ir_entity_get_int (task, "duration");
  gint64 progress = ir_entity_get_int (task, "progress");
  g_autofree char *start_text = NULL;

  if (owner != NULL)
    g_ptr_array_add (parts, ir_member_dup_name (self->store, owner));
  else
    g_ptr_array_add (parts, g_strdup (_("No owner")));

  if (start != NULL)
    {
      start_text = ir_format_date (start);
      /* Translators: %s is a date. */
      g_ptr_array_add (parts, g_strdup_printf (_("starts %s"), start_text));
    }

  if (!ir_entity_get_boolean (task, "milestone"))
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d working day",
                                                   "%d working days", duration),
                                      (int) duration));

  if (progress > 0)
    /* Translators: how much of a task is done, in per cent. */
    g_ptr_array_add (parts, g_strdup_printf (_("%d %% done"), (int) progress));

  g_ptr_array_add (parts, NULL);

  /* Translators: the separator between the facts of a task. */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* --- callbacks ------------------------------------------------------------ */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IrPlanPage *self = user_data;
  IrEntity *task = item;
  const char *eid = ir_entity_get_id (task);
  const char *committed = ir_entity_get_string (task, "committed");
  const char *confirmed = g_hash_table_lookup (self->confirmed, eid);
  const char *alert = g_hash_table_lookup (self->alerts, eid);
  gboolean milestone = ir_entity_get_boolean (task, "milestone");
  g_autofree char *title = ir_entity_dup_title (task);
  g_autofree char *subtitle = format_subtitle (self, task);
  GtkWidget *row, *icon;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_label_new (milestone ? "◆" : "▬");
  gtk_widget_add_css_class (icon, milestone ? "milestone-mark" : "task-mark");
  gtk_widget_set_margin_start (icon, 20 * task_depth (self, task));
  gtk_widget_set_tooltip_text (icon, milestone ? _("Milestone") : _("Task"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (alert != NULL)
    {
      GtkWidget *badge = gtk_label_new (ir_enum_label (alert));

      gtk_widget_add_css_class (badge, "tier-badge");
      gtk_widget_add_css_class (badge, alert);
      gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (badge, _("Behind its committed date"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
    }

  if (confirmed != NULL || committed != NULL)
    {
      g_autofree char *date = ir_format_date (confirmed ? confirmed : committed);
      g_autofree char *text = NULL;

      if (confirmed != NULL)
        /* Translators: %s is the date that the customer confirmed. */
        text = g_strdup_printf (_("Confirmed %s"), date);
      else
        /* Translators: %s is the date that the team committed to. */
        text = g_strdup_printf (_("Committed %s"), date);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 ir_pill_new (text, confirmed ? "confirmed" : "milestone"));
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), ir_item_menu_button_new ("task", eid));
  gtk_widget_set_name (row, eid);

  return row;
}

static void
bind_outline (IrPlanPage *self)
{
  load_commitments (self);
  gtk_list_box_bind_model (self->list_box, self->outline, create_row_cb, self, NULL);
}

/* Rows show confirmations and alerts, which are entities of their own, so
 * every applied transaction refreshes them. */
static void
tx_applied_cb (IrPlanPage *self,
               guint       flags,
               IrStore    *store)
{
  bind_outline (self);
  update_summary (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_plan_page_dispose (GObject *object)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  ir_plan_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_PLAN_PAGE);

  G_OBJECT_CLASS (ir_plan_page_parent_class)->dispose (object);
}

static void
ir_plan_page_finalize (GObject *object)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  g_hash_table_unref (self->confirmed);
  g_hash_table_unref (self->alerts);

  G_OBJECT_CLASS (ir_plan_page_parent_class)->finalize (object);
}

static void
ir_plan_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

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
ir_plan_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IrPlanPage *self = IR_PLAN_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_plan_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_plan_page_class_init (IrPlanPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_plan_page_dispose;
  object_class->finalize = ir_plan_page_finalize;
  object_class->get_property = ir_plan_page_get_property;
  object_class->set_property = ir_plan_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-plan-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, total_count);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, milestones_count);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, confirmed_count);
  gtk_widget_class_bind_template_child (widget_class, IrPlanPage, late_count);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_plan_page_init (IrPlanPage *self)
{
  self->confirmed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->alerts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_plan_page_get_store (IrPlanPage *self)
{
  g_return_val_if_fail (IR_IS_PLAN_PAGE (self), NULL);

  return self->store;
}

void
ir_plan_page_set_store (IrPlanPage *self,
                        IrStore    *store)
{
  GtkSorter *sorter;

  g_return_if_fail (IR_IS_PLAN_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->tx_applied_id != 0)
    g_clear_signal_handler (&self->tx_applied_id, self->store);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->outline);
  g_clear_object (&self->tasks);
  g_hash_table_remove_all (self->confirmed);
  g_hash_table_remove_all (self->alerts);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->tasks = ir_store_list (store, "task");
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_tasks, self, NULL));
      self->outline = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->tasks)),
                                                             sorter));
      self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                     G_CALLBACK (tx_applied_cb), self,
                                                     G_CONNECT_SWAPPED);
      bind_outline (self);
    }

  if (self->list_box != NULL)
    update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
