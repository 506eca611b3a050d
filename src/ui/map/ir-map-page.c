/* ir-map-page.c: the decision map page, the customer's stakeholders
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For now the page lists the stakeholders by department and rank, with
 * their stance, influence and who on the team covers them. The map canvas
 * replaces the list later; it takes the same "store" property.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-page.h"
#include "ir-ui-util.h"

struct _IrMapPage
{
  GtkWidget     parent_instance;

  IrStore      *store;
  IrEntityList *stakeholders;
  GListModel   *sorted;

  GtkStack     *stack;
  GtkListBox   *list_box;
  GtkLabel     *total_count;
  GtkLabel     *champions_count;
  GtkLabel     *blockers_count;
  GtkLabel     *uncovered_count;
};

G_DEFINE_FINAL_TYPE (IrMapPage, ir_map_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- helpers -------------------------------------------------------------- */

static int
compare_stakeholders (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  IrEntity *first = (IrEntity *) a;
  IrEntity *second = (IrEntity *) b;
  int result = g_utf8_collate (ir_entity_get_string (first, "department") ?: "",
                               ir_entity_get_string (second, "department") ?: "");

  if (result != 0)
    return result;

  /* Rank 1 is the most senior; an unset rank sorts last. */
  if (ir_entity_get_int (first, "rank") != ir_entity_get_int (second, "rank"))
    {
      gint64 rank_a = ir_entity_get_int (first, "rank") ?: G_MAXINT;
      gint64 rank_b = ir_entity_get_int (second, "rank") ?: G_MAXINT;

      return rank_a < rank_b ? -1 : 1;
    }

  return g_utf8_collate (ir_entity_get_string (first, "name") ?: "",
                         ir_entity_get_string (second, "name") ?: "");
}

static gboolean
is_covered (IrEntity *stakeholder)
{
  const char *owner = ir_entity_get_string (stakeholder, "coverage_owner");

  return owner != NULL && owner[0] != '\0';
}

static gboolean
has_left (IrEntity *stakeholder)
{
  return g_strcmp0 (ir_entity_get_string (stakeholder, "status"), "left") == 0;
}

static char *
format_influence (gint64 influence)
{
  GString *dots = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    g_string_append (dots, i <= influence ? "●" : "○");

  return g_string_free (dots, FALSE);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_summary (IrMapPage *self)
{
  guint n = self->sorted ? g_list_model_get_n_items (self->sorted) : 0;
  guint champions = 0, blockers = 0, uncovered = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (self->sorted, i);
      const char *stance = ir_entity_get_string (person, "stance");

      if (g_strcmp0 (stance, "champion") == 0)
        champions++;
      else if (g_strcmp0 (stance, "blocker") == 0)
        blockers++;
      if (!is_covered (person) && !has_left (person))
        uncovered++;
    }

  set_count (self->total_count, n);
  set_count (self->champions_count, champions);
  set_count (self->blockers_count, blockers);
  set_count (self->uncovered_count, uncovered);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* --- callbacks ------------------------------------------------------------ */

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IrMapPage *self = user_data;
  IrEntity *person = item;
  const char *name = ir_entity_get_string (person, "name");
  const char *title = ir_entity_get_string (person, "title");
  const char *department = ir_entity_get_string (person, "department");
  const char *stance = ir_entity_get_string (person, "stance");
  const char *buying_role = ir_entity_get_string (person, "buying_role");
  g_autofree char *owner = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *coverage = NULL;
  g_autofree char *influence = NULL;
  GtkWidget *row, *avatar, *label;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name ? name : _("Unnamed"));

  if (has_left (person))
    coverage = g_strdup (_("left the company"));
  else if (is_covered (person))
    {
      owner = ir_member_dup_name (self->store,
                                  ir_entity_get_string (person, "coverage_owner"));
      /* Translators: %s is the team member who keeps in touch with a stakeholder. */
      coverage = g_strdup_printf (_("covered by %s"), owner);
    }
  else
    coverage = g_strdup (_("not covered"));

  /* Translators: a stakeholder's job title, department and coverage. */
  subtitle = g_strdup_printf (_("%s · %s · %s"),
                              title && title[0] ? title : _("No title"),
                              department && department[0] ? department : _("No department"),
                              coverage);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  avatar = adw_avatar_new (36, name, TRUE);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), avatar);

  if (buying_role != NULL && !g_str_equal (buying_role, "none"))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               ir_pill_new (ir_enum_label (buying_role), NULL));

  if (stance != NULL)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               ir_pill_new (ir_enum_label (stance), stance));

  influence = format_influence (ir_entity_get_int (person, "influence"));
  label = gtk_label_new (influence);
  gtk_widget_add_css_class (label, "influence");
  gtk_widget_set_tooltip_text (label, _("Influence"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             ir_item_menu_button_new ("stakeholder",
                                                      ir_entity_get_id (person)));
  gtk_widget_set_name (row, ir_entity_get_id (person));

  return row;
}

static void
items_changed_cb (IrMapPage  *self,
                  guint       position,
                  guint       removed,
                  guint       added,
                  GListModel *model)
{
  update_summary (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_map_page_dispose (GObject *object)
{
  IrMapPage *self = IR_MAP_PAGE (object);

  ir_map_page_set_store (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_MAP_PAGE);

  G_OBJECT_CLASS (ir_map_page_parent_class)->dispose (object);
}

static void
ir_map_page_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IrMapPage *self = IR_MAP_PAGE (object);

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
ir_map_page_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IrMapPage *self = IR_MAP_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_map_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_map_page_class_init (IrMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_page_dispose;
  object_class->get_property = ir_map_page_get_property;
  object_class->set_property = ir_map_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, total_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, champions_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, blockers_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, uncovered_count);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_map_page_init (IrMapPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_map_page_get_store (IrMapPage *self)
{
  g_return_val_if_fail (IR_IS_MAP_PAGE (self), NULL);

  return self->store;
}

void
ir_map_page_set_store (IrMapPage *self,
                       IrStore   *store)
{
  GtkSorter *sorter;

  g_return_if_fail (IR_IS_MAP_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_func (self->sorted, items_changed_cb, self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->sorted);
  g_clear_object (&self->stakeholders);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->stakeholders = ir_store_list (store, "stakeholder");
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_stakeholders, NULL, NULL));
      self->sorted = G_LIST_MODEL (gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->stakeholders)),
                                                            sorter));
      g_signal_connect_object (self->sorted, "items-changed",
                               G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_box_bind_model (self->list_box, self->sorted, create_row_cb, self, NULL);
    }

  if (self->list_box != NULL)
    update_summary (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
