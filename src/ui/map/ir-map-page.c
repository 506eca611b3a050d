/* ir-map-page.c: the decision map page: the canvas, the coverage table,
 * the details of one person, search and filters
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page has two views of the same people, Map and Coverage, with the
 * details of the selected person in a flap on the right of both. The
 * canvas computes the coverage; the table, the people list and the details
 * follow it. Actions, exports and printing are in ir-map-page-actions.c.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-page-private.h"
#include "ir-map-render.h"
#include "ir-ui-util.h"

G_DEFINE_FINAL_TYPE (IrMapPage, ir_map_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  PROP_SHOW_PEOPLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- people list ---------------------------------------------------------- */

static int
compare_people_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  IrEntity *first = (IrEntity *) a;
  IrEntity *second = (IrEntity *) b;
  gint64 rank_a, rank_b;
  int result = g_utf8_collate (ir_entity_get_string (first, "department") ?: "",
                               ir_entity_get_string (second, "department") ?: "");

  if (result != 0)
    return result;

  /* Rank 1 is the most senior; an unset rank sorts last. */
  rank_a = ir_entity_get_int (first, "rank") ?: G_MAXINT;
  rank_b = ir_entity_get_int (second, "rank") ?: G_MAXINT;
  if (rank_a != rank_b)
    return rank_a < rank_b ? -1 : 1;

  return g_utf8_collate (ir_entity_get_string (first, "name") ?: "",
                         ir_entity_get_string (second, "name") ?: "");
}

static gboolean
filter_people_cb (gpointer item,
                  gpointer user_data)
{
  IrMapPage *self = user_data;

  return ir_map_canvas_matches_filter (self->canvas, item);
}

static GtkWidget *
create_person_row_cb (gpointer item,
                      gpointer user_data)
{
  IrEntity *person = item;
  const char *name = ir_entity_get_string (person, "name");
  const char *title = ir_entity_get_string (person, "title");
  const char *department = ir_entity_get_string (person, "department");
  const char *stance = ir_entity_get_string (person, "stance");
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *dot = gtk_label_new ("●");

  if (title && department)
    subtitle = g_strdup_printf (_("%s · %s"), title, department);
  else if (title)
    subtitle = g_strdup (title);
  else
    subtitle = g_strdup (department ? department : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name && name[0] ? name : _("Unnamed"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (dot, "timeline-dot");
  if (stance != NULL)
    gtk_widget_add_css_class (dot, stance);
  gtk_widget_set_tooltip_text (dot, ir_map_stance_label (stance));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_name (row, ir_entity_get_id (person));

  return row;
}

/* --- callbacks ------------------------------------------------------------ */

static void
update_empty (IrMapPage *self)
{
  guint n = self->stakeholders ? g_list_model_get_n_items (G_LIST_MODEL (self->stakeholders)) : 0;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "map" : "empty");
}

static void
stakeholders_changed_cb (IrMapPage  *self,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GListModel *model)
{
  update_empty (self);
  ir_map_page_update_departments (self);
}

static void
person_row_activated_cb (IrMapPage     *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  ir_map_canvas_select (self->canvas, gtk_widget_get_name (GTK_WIDGET (row)), TRUE);
}

static void
selection_changed_cb (IrMapPage   *self,
                      GParamSpec  *pspec,
                      IrMapCanvas *canvas)
{
  const char *selected = ir_map_canvas_get_selected (canvas);

  ir_map_details_set_stakeholder (self->details, selected);
  adw_flap_set_reveal_flap (self->flap, selected != NULL);
}

static void
coverage_changed_cb (IrMapPage   *self,
                     IrMapCanvas *canvas)
{
  ir_map_details_set_coverage (self->details, ir_map_canvas_get_coverage (canvas),
                               ir_map_canvas_get_members (canvas));
  if (self->filter->coverage != IR_MAP_COVERAGE_ANY)
    gtk_filter_changed (GTK_FILTER (self->people_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
zoom_changed_cb (IrMapPage   *self,
                 GParamSpec  *pspec,
                 IrMapCanvas *canvas)
{
  g_autofree char *label = g_strdup_printf ("%.0f%%", ir_map_canvas_get_zoom (canvas) * 100);

  gtk_button_set_label (self->zoom_button, label);
}

static void
details_close_cb (IrMapPage    *self,
                  IrMapDetails *details)
{
  ir_map_canvas_select (self->canvas, NULL, FALSE);
}

static void
person_activated_cb (IrMapPage         *self,
                     const char        *eid,
                     IrMapCoverageView *view)
{
  ir_map_canvas_select (self->canvas, eid, FALSE);
}

static void
search_changed_cb (IrMapPage      *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_free (self->filter->text);
  self->filter->text = text[0] != '\0' ? g_strdup (text) : NULL;
  ir_map_page_update_filter (self);
}

static void
filter_dropdown_changed_cb (IrMapPage   *self,
                            GParamSpec  *pspec,
                            GtkDropDown *dropdown)
{
  static const char * const stances[] = { NULL, "champion", "supporter", "neutral", "skeptic",
                                          "blocker" };
  static const char * const roles[] = { NULL, "economic", "technical", "user", "coach", "none" };
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (dropdown == self->stance_dropdown)
    {
      g_free (self->filter->stance);
      self->filter->stance = g_strdup (selected < G_N_ELEMENTS (stances) ? stances[selected] : NULL);
    }
  else if (dropdown == self->role_dropdown)
    {
      g_free (self->filter->buying_role);
      self->filter->buying_role = g_strdup (selected < G_N_ELEMENTS (roles) ? roles[selected] : NULL);
    }
  else if (dropdown == self->coverage_dropdown)
    self->filter->coverage = MIN (selected, IR_MAP_COVERAGE_STALE);
  else if (dropdown == self->department_dropdown)
    {
      g_free (self->filter->department);
      self->filter->department = selected > 0 && selected - 1 < self->departments->len ?
        g_strdup (self->departments->pdata[selected - 1]) : NULL;
    }

  ir_map_page_update_filter (self);
}

static void
background_activated_cb (IrMapPage   *self,
                         double       x,
                         double       y,
                         IrMapCanvas *canvas)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "map.add-stakeholder-at", "(dd)", x, y);
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
ir_map_page_finalize (GObject *object)
{
  IrMapPage *self = IR_MAP_PAGE (object);

  ir_map_filter_free (self->filter);
  g_ptr_array_unref (self->departments);
  g_clear_object (&self->people_filter);
  g_free (self->view);

  G_OBJECT_CLASS (ir_map_page_parent_class)->finalize (object);
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

    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;

    case PROP_SHOW_PEOPLE:
      g_value_set_boolean (value, self->show_people);
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

    case PROP_VIEW:
      ir_map_page_set_view (self, g_value_get_string (value));
      break;

    case PROP_SHOW_PEOPLE:
      self->show_people = g_value_get_boolean (value);
      gtk_revealer_set_reveal_child (self->people_revealer, self->show_people);
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/ironroom/IronRoom/ir-map.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

static void
ir_map_page_class_init (IrMapPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_page_dispose;
  object_class->finalize = ir_map_page_finalize;
  object_class->get_property = ir_map_page_get_property;
  object_class->set_property = ir_map_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "map",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_PEOPLE] =
    g_param_spec_boolean ("show-people", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IR_TYPE_MAP_CANVAS);
  g_type_ensure (IR_TYPE_MAP_COVERAGE_VIEW);
  g_type_ensure (IR_TYPE_MAP_DETAILS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-map-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, flap);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, people_revealer);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, canvas);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, coverage_view);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, details);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, stance_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, coverage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMapPage, zoom_button);

  ir_map_page_class_init_actions (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_map_page_init (IrMapPage *self)
{
  GtkDropDown *dropdowns[4];

  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = ir_map_filter_new ();
  self->departments = g_ptr_array_new_with_free_func (g_free);
  self->view = g_strdup ("map");
  self->people_filter = gtk_custom_filter_new (filter_people_cb, self, NULL);

  ir_map_coverage_view_set_canvas (self->coverage_view, self->canvas);
  ir_map_page_update_departments (self);

  g_signal_connect_object (self->canvas, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "coverage-changed", G_CALLBACK (coverage_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "notify::zoom", G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->canvas, "background-activated",
                           G_CALLBACK (background_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->details, "close-requested", G_CALLBACK (details_close_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->coverage_view, "person-activated",
                           G_CALLBACK (person_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (person_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);

  dropdowns[0] = self->department_dropdown;
  dropdowns[1] = self->stance_dropdown;
  dropdowns[2] = self->role_dropdown;
  dropdowns[3] = self->coverage_dropdown;
  for (gsize i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    g_signal_connect_object (dropdowns[i], "notify::selected",
                             G_CALLBACK (filter_dropdown_changed_cb), self, G_CONNECT_SWAPPED);

  update_empty (self);
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
  g_return_if_fail (IR_IS_MAP_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->details != NULL)
    {
      ir_map_details_save (self->details);
      ir_map_details_set_store (self->details, NULL);
    }
  if (self->canvas != NULL)
    ir_map_canvas_set_store (self->canvas, NULL);
  if (self->stakeholders != NULL)
    g_signal_handlers_disconnect_by_func (self->stakeholders, stakeholders_changed_cb, self);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  g_clear_object (&self->people);
  g_clear_object (&self->stakeholders);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      GtkSortListModel *sorted;

      self->stakeholders = ir_store_list (store, "stakeholder");
      /* After the models built on the list have followed it. */
      g_signal_connect_object (self->stakeholders, "items-changed",
                               G_CALLBACK (stakeholders_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->stakeholders)),
                                        GTK_SORTER (gtk_custom_sorter_new (compare_people_cb,
                                                                           NULL, NULL)));
      self->people = gtk_filter_list_model_new (G_LIST_MODEL (sorted),
                                                GTK_FILTER (g_object_ref (self->people_filter)));
      gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->people),
                               create_person_row_cb, self, NULL);
      ir_map_details_set_store (self->details, store);
      ir_map_canvas_set_store (self->canvas, store);
    }

  adw_flap_set_reveal_flap (self->flap, FALSE);
  ir_map_page_update_departments (self);
  update_empty (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
ir_map_page_get_view (IrMapPage *self)
{
  g_return_val_if_fail (IR_IS_MAP_PAGE (self), NULL);

  return self->view;
}

/* Shows the "map" or the "coverage" view. */
void
ir_map_page_set_view (IrMapPage  *self,
                      const char *view)
{
  g_return_if_fail (IR_IS_MAP_PAGE (self));

  if (g_strcmp0 (view, "map") != 0 && g_strcmp0 (view, "coverage") != 0)
    {
      g_warning ("Unknown map view “%s”; expected map or coverage", view);
      return;
    }

  if (g_strcmp0 (self->view, view) == 0)
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

IrMapCanvas *
ir_map_page_get_canvas (IrMapPage *self)
{
  g_return_val_if_fail (IR_IS_MAP_PAGE (self), NULL);

  return self->canvas;
}

IrMapDetails *
ir_map_page_get_details (IrMapPage *self)
{
  g_return_val_if_fail (IR_IS_MAP_PAGE (self), NULL);

  return self->details;
}

IrMapCoverageView *
ir_map_page_get_coverage_view (IrMapPage *self)
{
  g_return_val_if_fail (IR_IS_MAP_PAGE (self), NULL);

  return self->coverage_view;
}
