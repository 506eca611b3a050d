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
  all = ir_risks_page_collect_alerts (self);
  g_clear_pointer (&self->alerts, g_ptr_array_unref);
  self->alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_risks_alert_free);

  for (guint i = 0; i < all->len; i++)
    {
      IrRisksAlert *alert = g_ptr_array_index (all, i);

      if (ir_risks_alert_is_open (alert))
        per_tier[alert->tier]++;
      if (ir_risks_page_alert_matches (self, alert))
        g_ptr_array_add (self->alerts, g_steal_pointer (&g_ptr_array_index (all, i)));
    }
  g_ptr_array_sort (self->alerts, ir_risks_alert_compare);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  for (guint i = 0; i < self->alerts->len; i++)
    {
      GtkWidget *row = ir_risks_page_create_alert_row (self, g_ptr_array_index (self->alerts, i));

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

/* Returns whether the session bus has a service that shows GApplication's
 * notifications, running or activatable. Without one GIO would only log a
 * warning for each notification. Inside Flatpak, GIO sends them to the
 * notification portal instead. */
static gboolean
can_notify (GApplication *application)
{
  static const char * const services[] = {
    "org.gtk.Notifications", "org.freedesktop.Notifications",
  };
  GDBusConnection *bus = g_application_get_dbus_connection (application);
  g_autoptr(GVariant) activatable = NULL;
  g_auto(GStrv) names = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return TRUE;
  if (bus == NULL)
    return FALSE;

  for (gsize i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", services[i]),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                           1000, NULL, NULL);
      if (reply != NULL)
        g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;
    }

  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames",
                                             NULL, G_VARIANT_TYPE ("(as)"),
                                             G_DBUS_CALL_FLAGS_NONE, 1000, NULL, NULL);
  if (activatable == NULL)
    return FALSE;

  g_variant_get (activatable, "(^as)", &names);
  for (gsize i = 0; i < G_N_ELEMENTS (services); i++)
    if (g_strv_contains ((const char * const *) names, services[i]))
      return TRUE;

  return FALSE;
}

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

  if (application == NULL || report->provisional || report->n_raised == 0 ||
      !g_application_get_is_registered (application) || !can_notify (application))
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

  gtk_list_box_set_header_func (self->list_box, ir_risks_page_update_header_cb, self, NULL);
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
      sorter = GTK_SORTER (gtk_custom_sorter_new (ir_risks_compare_risks, NULL, NULL));
      sorted_risks = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->risks)),
                                                            sorter));
      filter = GTK_FILTER (gtk_custom_filter_new (ir_risks_risk_is_open, NULL, NULL));
      self->open_risks = G_LIST_MODEL (gtk_filter_list_model_new (sorted_risks, filter));
      gtk_list_box_bind_model (self->risk_list_box, self->open_risks, ir_risks_page_create_risk_row_cb, self,
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
