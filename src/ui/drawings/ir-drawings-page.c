/* ir-drawings-page.c: the drawings page: drawings, revisions and markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now the page lists the drawings with their latest revision and open
 * markups. The drawing viewer replaces the list later; it takes the same
 * "store" property.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawings-page.h"
#include "ir-ui-util.h"

struct _IrDrawingsPage
{
  GtkWidget     parent_instance;

  IrStore      *store;
  IrEntityList *drawings;
  gulong        tx_applied_id;

  GtkStack     *stack;
  GtkListBox   *list_box;
  GtkLabel     *total_count;
  GtkLabel     *revisions_count;
  GtkLabel     *open_count;
};

G_DEFINE_FINAL_TYPE (IrDrawingsPage, ir_drawings_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers -------------------------------------------------------------- */

static gboolean
markup_is_open (IrEntity *markup)
{
  const char *status = ir_entity_get_string (markup, "status");

  return status == NULL || g_str_equal (status, "open");
}

static guint
count_open_markups (GListModel *markups)
{
  guint n = g_list_model_get_n_items (markups);
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) markup = g_list_model_get_item (markups, i);

      if (markup_is_open (markup))
        open++;
    }

  return open;
}

/* The revision uploaded last, which the viewer opens. */
static IrEntity *
find_latest_revision (GListModel *revisions)
{
  guint n = g_list_model_get_n_items (revisions);
  IrEntity *latest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) revision = g_list_model_get_item (revisions, i);

      if (latest == NULL ||
          ir_entity_get_int (revision, "uploaded") >= ir_entity_get_int (latest, "uploaded"))
        g_set_object (&latest, revision);
    }

  return latest;
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_summary (IrDrawingsPage *self)
{
  guint n = self->drawings ? g_list_model_get_n_items (G_LIST_MODEL (self->drawings)) : 0;
  g_autoptr(IrEntityList) revisions = NULL;
  g_autoptr(IrEntityList) markups = NULL;

  set_count (self->total_count, n);

  if (self->store != NULL)
    {
      revisions = ir_store_list (self->store, "revision");
      markups = ir_store_list (self->store, "markup");
      set_count (self->revisions_count, g_list_model_get_n_items (G_LIST_MODEL (revisions)));
      set_count (self->open_count, count_open_markups (G_LIST_MODEL (markups)));
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* --- callbacks ------------------------------------------------------------ */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IrDrawingsPage *self = user_data;
  IrEntity *drawing = item;
  const char *eid = ir_entity_get_id (drawing);
  const char *number = ir_entity_get_string (drawing, "number");
  g_autoptr(IrEntityList) revisions = ir_store_list_children (self->store, "revision",
                                                              "drawing", eid);
  g_autoptr(IrEntityList) markups = ir_store_list_children (self->store, "markup",
                                                            "drawing", eid);
  g_autoptr(IrEntity) latest = find_latest_revision (G_LIST_MODEL (revisions));
  guint n_revisions = g_list_model_get_n_items (G_LIST_MODEL (revisions));
  guint n_open = count_open_markups (G_LIST_MODEL (markups));
  g_autofree char *revision_text = NULL;
  g_autofree char *uploaded = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = ir_entity_dup_title (drawing);
  GtkWidget *row, *icon;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  revision_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u revision",
                                                "%u revisions", n_revisions),
                                   n_revisions);
  if (latest != NULL && ir_entity_get_int (latest, "uploaded") > 0)
    {
      uploaded = ir_format_relative_time (ir_entity_get_int (latest, "uploaded"),
                                          g_get_real_time ());
      /* Translators: drawing number, revision count, time of the last upload. */
      subtitle = g_strdup_printf (_("%s · %s · last upload %s"),
                                  number && number[0] ? number : _("No number"),
                                  revision_text, uploaded);
    }
  else
    {
      /* Translators: drawing number and revision count. */
      subtitle = g_strdup_printf (_("%s · %s"),
                                  number && number[0] ? number : _("No number"),
                                  revision_text);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  icon = gtk_image_new_from_icon_name ("ir-drawings-symbolic");
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

  if (n_open > 0)
    {
      g_autofree char *open_text =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open markup",
                                      "%u open markups", n_open), n_open);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), ir_pill_new (open_text, "skeptic"));
    }

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ir_item_menu_button_new ("drawing", eid));
  gtk_widget_set_name (row, eid);

  return row;
}

static void
bind_drawings (IrDrawingsPage *self)
{
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->drawings),
                           create_row_cb, self, NULL);
}

/* A row shows counts of the drawing's children, which change without the
 * drawing itself changing, so every applied transaction refreshes them. */
static void
tx_applied_cb (IrDrawingsPage *self,
               guint           flags,
               IrStore        *store)
{
  bind_drawings (self);
  update_summary (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_drawings_page_dispose (GObject *object)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

  ir_drawings_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_DRAWINGS_PAGE);

  G_OBJECT_CLASS (ir_drawings_page_parent_class)->dispose (object);
}

static void
ir_drawings_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

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
ir_drawings_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_drawings_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_drawings_page_class_init (IrDrawingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_drawings_page_dispose;
  object_class->get_property = ir_drawings_page_get_property;
  object_class->set_property = ir_drawings_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-drawings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, total_count);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, revisions_count);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, open_count);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_drawings_page_init (IrDrawingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_drawings_page_get_store (IrDrawingsPage *self)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), NULL);

  return self->store;
}

void
ir_drawings_page_set_store (IrDrawingsPage *self,
                            IrStore        *store)
{
  g_return_if_fail (IR_IS_DRAWINGS_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->tx_applied_id != 0)
    g_clear_signal_handler (&self->tx_applied_id, self->store);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->drawings);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->drawings = ir_store_list (store, "drawing");
      ir_entity_list_set_sort (self->drawings, "position");
      self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                     G_CALLBACK (tx_applied_cb), self,
                                                     G_CONNECT_SWAPPED);
      bind_drawings (self);
    }

  if (self->list_box != NULL)
    update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
