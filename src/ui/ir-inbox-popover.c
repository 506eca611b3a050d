/* ir-inbox-popover.c: the inbox in the header bar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the "needs you" items and what others changed since the member last
 * looked. The lists are read again each time the popover opens, and after
 * every transaction while it is open.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-inbox.h"
#include "ir-inbox-popover.h"
#include "ir-ui-util.h"

struct _IrInboxPopover
{
  GtkPopover  parent_instance;

  IrStore    *store;
  gulong      tx_applied_id;
  gint64      last_row;        /* local row of the last op the lists read */

  GtkStack   *stack;
  GtkWidget  *needs_you_title;
  GtkListBox *needs_you_list;
  GtkWidget  *changes_title;
  GtkListBox *changes_list;
};

G_DEFINE_FINAL_TYPE (IrInboxPopover, ir_inbox_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  SIGNAL_SEEN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- helpers -------------------------------------------------------------- */

static const char *
kind_icon (const char *kind)
{
  if (g_strcmp0 (kind, "stakeholder") == 0 || g_strcmp0 (kind, "interaction") == 0 ||
      g_strcmp0 (kind, "link") == 0)
    return "ir-map-symbolic";
  if (g_strcmp0 (kind, "drawing") == 0 || g_strcmp0 (kind, "revision") == 0 ||
      g_strcmp0 (kind, "markup") == 0 || g_strcmp0 (kind, "markup_reply") == 0)
    return "ir-drawings-symbolic";
  if (g_strcmp0 (kind, "task") == 0 || g_strcmp0 (kind, "dependency") == 0 ||
      g_strcmp0 (kind, "confirmation") == 0)
    return "ir-plan-symbolic";
  if (g_strcmp0 (kind, "escalation") == 0 || g_strcmp0 (kind, "risk") == 0)
    return "ir-risks-symbolic";

  return "document-edit-symbolic";
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         const char *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  return row;
}

/* "Name, Stance and 2 more" from the changed fields. */
static char *
describe_fields (GPtrArray *fields)
{
  if (fields->len == 1)
    return g_strdup (ir_field_label (fields->pdata[0]));

  if (fields->len == 2)
    /* Translators: two changed fields, as in “Name and Stance”. */
    return g_strdup_printf (_("%s and %s"), ir_field_label (fields->pdata[0]),
                            ir_field_label (fields->pdata[1]));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s, %s and %u more",
                                       "%s, %s and %u more", fields->len - 2),
                          ir_field_label (fields->pdata[0]),
                          ir_field_label (fields->pdata[1]),
                          fields->len - 2);
}

static char *
describe_actors (IrStore   *store,
                 GPtrArray *actors)
{
  g_autofree char *first = ir_actor_dup_name (store, actors->pdata[0]);

  if (actors->len == 1)
    return g_steal_pointer (&first);

  /* Translators: who changed something, as in “Li Wei and 2 others”. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u other",
                                       "%s and %u others", actors->len - 1),
                          first, actors->len - 1);
}

static GtkWidget *
create_change_row (IrInboxPopover *self,
                   IrInboxChange  *change)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, change->entity, change->eid);
  g_autofree char *title = entity ? ir_entity_dup_title (entity)
                                  : g_strdup (ir_kind_label (change->entity));
  g_autofree char *fields = describe_fields (change->fields);
  g_autofree char *actors = describe_actors (self->store, change->actors);
  g_autofree char *when = ir_format_relative_time (change->time, g_get_real_time ());
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: a kind of item, what changed, who changed it and when,
   * as in “Stakeholder · Stance changed by Li Wei · 5 minutes ago”. */
  subtitle = g_strdup_printf (_("%s · %s changed by %s · %s"),
                              ir_kind_label (change->entity), fields, actors, when);
  row = new_row (title, subtitle, kind_icon (change->entity));

  if (entity != NULL)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 ir_item_menu_button_new (change->entity, change->eid));
    }

  return row;
}

static GtkWidget *
create_item_row (IrInboxPopover *self,
                 IrEntity       *item)
{
  const char *body = ir_entity_get_string (item, "body");
  const char *kind = ir_entity_get_string (item, "kind");
  g_autofree char *author = ir_actor_dup_name (self->store,
                                               ir_entity_get_string (item, "author"));
  g_autofree char *when = ir_format_relative_time (ir_entity_get_int (item, "created"),
                                                   g_get_real_time ());
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *done;

  if (body != NULL && body[0] != '\0')
    /* Translators: an inbox item's text, its author and when it came. */
    subtitle = g_strdup_printf (_("%s\n%s · %s"), body, author, when);
  else
    subtitle = g_strdup_printf (_("%s · %s"), author, when);

  row = new_row (ir_entity_get_string (item, "title"), subtitle,
                 g_strcmp0 (kind, "escalation") == 0 ? "ir-risks-symbolic"
                 : g_strcmp0 (kind, "revision") == 0 ? "ir-drawings-symbolic"
                 : g_strcmp0 (kind, "confirmation") == 0 ? "ir-plan-symbolic"
                 : "mail-unread-symbolic");
  if (!ir_entity_get_boolean (item, "read"))
    gtk_widget_add_css_class (row, "unread");

  done = gtk_button_new_from_icon_name ("object-select-symbolic");
  gtk_widget_set_valign (done, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (done, _("Mark as Done"));
  gtk_widget_add_css_class (done, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "inbox.done");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (done), "s", ir_entity_get_id (item));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), done);

  return row;
}

static void
set_inbox_flag (IrInboxPopover *self,
                GPtrArray      *items,
                const char     *field)
{
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;

  tx = ir_store_begin (self->store);
  for (guint i = 0; i < items->len; i++)
    if (!ir_entity_get_boolean (items->pdata[i], field))
      ir_tx_set_boolean (tx, "inbox_item", ir_entity_get_id (items->pdata[i]), field, TRUE);

  if (ir_tx_get_n_ops (tx) > 0 && !ir_store_commit (self->store, tx, &error))
    g_warning ("Failed to mark inbox items as %s: %s", field, error->message);
}

/* --- callbacks ------------------------------------------------------------ */

static void
mark_seen_clicked_cb (IrInboxPopover *self)
{
  ir_inbox_popover_mark_seen (self);
}

static void
done_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrInboxPopover *self = IR_INBOX_POPOVER (widget);
  g_autoptr(IrEntity) item = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  if (self->store == NULL)
    return;

  item = ir_store_get_entity (self->store, "inbox_item", g_variant_get_string (parameter, NULL));
  if (item == NULL)
    return;

  g_ptr_array_add (items, item);
  set_inbox_flag (self, items, "done");
  ir_inbox_popover_refresh (self);
  g_signal_emit (self, signals[SIGNAL_SEEN], 0);
}

static void
tx_applied_cb (IrInboxPopover *self,
               guint           flags,
               IrStore        *store)
{
  if (gtk_widget_get_visible (GTK_WIDGET (self)))
    ir_inbox_popover_refresh (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_inbox_popover_show (GtkWidget *widget)
{
  ir_inbox_popover_refresh (IR_INBOX_POPOVER (widget));

  GTK_WIDGET_CLASS (ir_inbox_popover_parent_class)->show (widget);
}

static void
ir_inbox_popover_dispose (GObject *object)
{
  IrInboxPopover *self = IR_INBOX_POPOVER (object);

  ir_inbox_popover_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_INBOX_POPOVER);

  G_OBJECT_CLASS (ir_inbox_popover_parent_class)->dispose (object);
}

static void
ir_inbox_popover_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IrInboxPopover *self = IR_INBOX_POPOVER (object);

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
ir_inbox_popover_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IrInboxPopover *self = IR_INBOX_POPOVER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_inbox_popover_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_inbox_popover_class_init (IrInboxPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_inbox_popover_dispose;
  object_class->get_property = ir_inbox_popover_get_property;
  object_class->set_property = ir_inbox_popover_set_property;
  widget_class->show = ir_inbox_popover_show;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IrInboxPopover::seen:
   *
   * Emitted when the member marks items as seen or done, so that the
   * unread count can be updated.
   */
  signals[SIGNAL_SEEN] =
    g_signal_new ("seen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "inbox.done", "s", done_activated_cb);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-inbox-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, IrInboxPopover, stack);
  gtk_widget_class_bind_template_child (widget_class, IrInboxPopover, needs_you_title);
  gtk_widget_class_bind_template_child (widget_class, IrInboxPopover, needs_you_list);
  gtk_widget_class_bind_template_child (widget_class, IrInboxPopover, changes_title);
  gtk_widget_class_bind_template_child (widget_class, IrInboxPopover, changes_list);
  gtk_widget_class_bind_template_callback (widget_class, mark_seen_clicked_cb);
}

static void
ir_inbox_popover_init (IrInboxPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_inbox_popover_get_store (IrInboxPopover *self)
{
  g_return_val_if_fail (IR_IS_INBOX_POPOVER (self), NULL);

  return self->store;
}

void
ir_inbox_popover_set_store (IrInboxPopover *self,
                            IrStore        *store)
{
  g_return_if_fail (IR_IS_INBOX_POPOVER (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->tx_applied_id != 0)
    g_clear_signal_handler (&self->tx_applied_id, self->store);
  g_set_object (&self->store, store);

  if (store != NULL)
    self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                   G_CALLBACK (tx_applied_cb), self,
                                                   G_CONNECT_SWAPPED);

  if (self->stack != NULL)
    ir_inbox_popover_refresh (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/* Reads both lists again from the store. */
void
ir_inbox_popover_refresh (IrInboxPopover *self)
{
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (IR_IS_INBOX_POPOVER (self));

  clear_list (self->needs_you_list);
  clear_list (self->changes_list);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  items = ir_inbox_list_needs_you (self->store);
  for (guint i = 0; i < items->len; i++)
    gtk_list_box_append (self->needs_you_list, create_item_row (self, items->pdata[i]));

  changes = ir_inbox_collect_changes (self->store, ir_inbox_get_seen_row (self->store),
                                      &self->last_row);
  for (guint i = 0; i < changes->len; i++)
    gtk_list_box_append (self->changes_list, create_change_row (self, changes->pdata[i]));

  gtk_widget_set_visible (self->needs_you_title, items->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->needs_you_list), items->len > 0);
  gtk_widget_set_visible (self->changes_title, changes->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_list), changes->len > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    items->len + changes->len > 0 ? "items" : "empty");
}

/* Marks what the lists show as seen: the changes up to the last row read,
 * and every "needs you" item as read (they stay until done). */
void
ir_inbox_popover_mark_seen (IrInboxPopover *self)
{
  g_autoptr(GPtrArray) items = NULL;

  g_return_if_fail (IR_IS_INBOX_POPOVER (self));

  if (self->store == NULL)
    return;

  ir_inbox_popover_refresh (self);
  ir_inbox_mark_seen (self->store, self->last_row);

  items = ir_inbox_list_needs_you (self->store);
  set_inbox_flag (self, items, "read");

  ir_inbox_popover_refresh (self);
  g_signal_emit (self, signals[SIGNAL_SEEN], 0);
}
