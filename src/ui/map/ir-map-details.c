/* ir-map-details.c: the details panel of one stakeholder
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is edited in place. Choices are saved at once; typing is
 * saved a second after the last key press, when the field loses the focus,
 * or on Enter. A field being typed in keeps what the user typed when
 * another member's edit of it arrives; every other field follows the store
 * live. The lists (concerns, links, interactions, timeline, conflicts) are
 * in ir-map-details-lists.c.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-details-private.h"
#include "ir-ui-util.h"
#include "ir-window.h"

G_DEFINE_FINAL_TYPE (IrMapDetails, ir_map_details, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSE_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

const char * const ir_map_details_stances[] = { "champion", "supporter", "neutral", "skeptic",
                                                "blocker", NULL };
const char * const ir_map_details_roles[] = { "economic", "technical", "user", "coach", "none",
                                              NULL };

/* --- helpers -------------------------------------------------------------- */

static guint
index_of (const char * const *values,
          const char         *value,
          guint               fallback)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return fallback;
}

static const char *
field_of (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "ir-field");
}

static char *
dup_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkWidget *
widget_for_field (IrMapDetails *self,
                  const char   *field)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->title_row), GTK_WIDGET (self->department_row),
    GTK_WIDGET (self->phone_row), GTK_WIDGET (self->email_row),
    GTK_WIDGET (self->concern_note_view), GTK_WIDGET (self->notes_view),
    GTK_WIDGET (self->rank_spin),
  };

  for (gsize i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (g_strcmp0 (field_of (widgets[i]), field) == 0)
      return widgets[i];

  return NULL;
}

void
ir_map_details_toast (IrMapDetails *self,
                      const char   *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IR_IS_WINDOW (root))
    ir_window_add_toast (IR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

/* --- filling the widgets -------------------------------------------------- */

static void
fill_text (IrMapDetails *self,
           GtkWidget    *widget)
{
  const char *field = field_of (widget);
  const char *value = ir_entity_get_string (self->entity, field);

  if (g_hash_table_contains (self->dirty, field))
    return;

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)),
                              value ? value : "", -1);
  else if (GTK_IS_SPIN_BUTTON (widget))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (widget), ir_entity_get_int (self->entity, field));
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), value ? value : "");
}

static gboolean
strings_equal (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (a, b) == 0;
}

static void
fill_owner (IrMapDetails *self)
{
  g_autoptr(GPtrArray) trio = ir_map_list_trio (self->store);
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  const char *owner = ir_entity_get_string (self->entity, "coverage_owner");
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));
  guint selected = 0;

  g_ptr_array_set_size (self->owner_ids, 0);
  gtk_string_list_append (model, C_("coverage owner", "Nobody"));
  g_ptr_array_add (self->owner_ids, NULL);

  /* The trio first, then other members who may cover someone. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < (pass == 0 ? trio->len : n); i++)
      {
        g_autoptr(IrEntity) member = pass == 0 ? g_object_ref (trio->pdata[i])
                                               : g_list_model_get_item (G_LIST_MODEL (members), i);
        const char *id = ir_entity_get_id (member);
        const char *role = ir_entity_get_string (member, "role");
        g_autofree char *name = ir_member_dup_name (self->store, id);
        g_autofree char *label = NULL;

        /* The list starts with NULL for "Nobody", so the search compares
         * with g_strcmp0 (). */
        if (pass == 1 && (g_ptr_array_find_with_equal_func (self->owner_ids, id, strings_equal, NULL) ||
                          g_strcmp0 (role, "executive") != 0))
          continue;

        /* Translators: a member and their role, as in "Li Wei (SR)". */
        label = g_strdup_printf (_("%s (%s)"), name, role ? role : "");
        if (g_strcmp0 (id, owner) == 0)
          selected = self->owner_ids->len;
        gtk_string_list_append (model, label);
        g_ptr_array_add (self->owner_ids, g_strdup (id));
      }

  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->owner_row, selected);
}

static void
fill_heading (IrMapDetails *self)
{
  const char *name = ir_entity_get_string (self->entity, "name");
  const char *title = ir_entity_get_string (self->entity, "title");
  const char *department = ir_entity_get_string (self->entity, "department");
  g_autofree char *subheading = NULL;

  gtk_label_set_label (self->heading, name && name[0] ? name : _("Unnamed"));
  if (title && department)
    /* Translators: a stakeholder's title and department. */
    subheading = g_strdup_printf (_("%s · %s"), title, department);
  else if (title)
    subheading = g_strdup (title);
  else
    subheading = g_strdup (department ? department : "");
  gtk_label_set_label (self->subheading, subheading);
  gtk_widget_set_visible (GTK_WIDGET (self->subheading), subheading[0] != '\0');
}

static void
fill_field (IrMapDetails *self,
            const char   *field)
{
  GtkWidget *widget = widget_for_field (self, field);

  self->updating = TRUE;

  if (widget != NULL)
    fill_text (self, widget);
  else if (g_str_equal (field, "stance"))
    adw_combo_row_set_selected (self->stance_row,
                                index_of (ir_map_details_stances,
                                          ir_entity_get_string (self->entity, "stance"), 2));
  else if (g_str_equal (field, "influence"))
    adw_combo_row_set_selected (self->influence_row,
                                CLAMP (ir_entity_get_int (self->entity, "influence"), 1, 5) - 1);
  else if (g_str_equal (field, "buying_role"))
    adw_combo_row_set_selected (self->role_row,
                                index_of (ir_map_details_roles,
                                          ir_entity_get_string (self->entity, "buying_role"), 4));
  else if (g_str_equal (field, "placeholder"))
    gtk_switch_set_active (self->placeholder_switch,
                           ir_entity_get_boolean (self->entity, "placeholder"));
  else if (g_str_equal (field, "coverage_owner"))
    fill_owner (self);

  if (g_str_equal (field, "name") || g_str_equal (field, "title") ||
      g_str_equal (field, "department"))
    fill_heading (self);

  self->updating = FALSE;
}

static void
fill_all (IrMapDetails *self)
{
  static const char * const fields[] = {
    "name", "title", "department", "stance", "influence", "buying_role", "rank", "placeholder",
    "coverage_owner", "concern_note", "phone", "email", "notes", NULL
  };

  for (guint i = 0; fields[i] != NULL; i++)
    fill_field (self, fields[i]);

  ir_map_details_update_status (self);
  ir_map_details_update_relationships (self);
  ir_map_details_update_concerns (self);
  ir_map_details_update_links (self);
  ir_map_details_update_interactions (self);
  ir_map_details_update_timeline (self);
  ir_map_details_update_conflicts (self);
}

/* --- saving --------------------------------------------------------------- */

/* Checks and writes one field, taking @value; a refused value shows its
 * reason and the field shows the stored value again. */
void
ir_map_details_save_value (IrMapDetails *self,
                           const char   *field,
                           JsonNode     *value)
{
  g_autoptr(GError) error = NULL;

  if (self->entity == NULL || self->store == NULL)
    {
      if (value != NULL)
        json_node_unref (value);
      return;
    }

  if (!ir_map_set_field (self->store, ir_entity_get_id (self->entity), field, value, &error))
    {
      ir_map_details_toast (self, error->message);
      g_hash_table_remove (self->dirty, field);
      fill_field (self, field);
    }
}

static JsonNode *
string_node (const char *text)
{
  return json_node_init_string (json_node_alloc (), text);
}

/**
 * ir_map_details_save:
 *
 * Saves every field typed in and not saved yet, each as its own edit.
 */
void
ir_map_details_save (IrMapDetails *self)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (fields, g_strdup (key));

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = fields->pdata[i];
      GtkWidget *widget = widget_for_field (self, field);
      g_autofree char *text = NULL;

      g_hash_table_remove (self->dirty, field);
      if (widget == NULL || self->entity == NULL)
        continue;

      if (GTK_IS_SPIN_BUTTON (widget))
        {
          int rank = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (widget));

          if (rank != ir_entity_get_int (self->entity, field) || !ir_entity_has_field (self->entity, field))
            ir_map_details_save_value (self, field, rank > 0 ? json_node_init_int (json_node_alloc (), rank) : NULL);
          continue;
        }

      text = GTK_IS_TEXT_VIEW (widget) ? dup_text_view (GTK_TEXT_VIEW (widget))
                                       : g_strdup (gtk_editable_get_text (GTK_EDITABLE (widget)));
      if (g_strcmp0 (g_strstrip (text), ir_entity_get_string (self->entity, field) ?: "") != 0)
        ir_map_details_save_value (self, field, string_node (text));
    }
}

static gboolean
save_timeout_cb (gpointer data)
{
  IrMapDetails *self = data;

  self->save_id = 0;
  ir_map_details_save (self);

  return G_SOURCE_REMOVE;
}

static void
mark_dirty (IrMapDetails *self,
            const char   *field)
{
  if (self->updating || self->entity == NULL)
    return;

  g_hash_table_add (self->dirty, g_strdup (field));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (IR_MAP_DETAILS_SAVE_DELAY_MS, save_timeout_cb, self);
}

/* --- callbacks ------------------------------------------------------------ */

static void
text_changed_cb (IrMapDetails *self,
                 GObject      *source)
{
  const char *field = field_of (source);

  if (field == NULL && GTK_IS_TEXT_BUFFER (source))
    field = g_object_get_data (source, "ir-field");

  mark_dirty (self, field);
}

static void
focus_left_cb (IrMapDetails            *self,
               GtkEventControllerFocus *controller)
{
  if (g_hash_table_size (self->dirty) > 0)
    ir_map_details_save (self);
}

static void
entry_activated_cb (IrMapDetails *self,
                    AdwEntryRow  *row)
{
  ir_map_details_save (self);
}

static void
combo_selected_cb (IrMapDetails *self,
                   GParamSpec   *pspec,
                   AdwComboRow  *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->updating || self->entity == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (row == self->stance_row)
    ir_map_details_save_value (self, "stance", string_node (ir_map_details_stances[selected]));
  else if (row == self->influence_row)
    ir_map_details_save_value (self, "influence", json_node_init_int (json_node_alloc (), selected + 1));
  else if (row == self->role_row)
    ir_map_details_save_value (self, "buying_role", string_node (ir_map_details_roles[selected]));
  else if (row == self->owner_row && selected < self->owner_ids->len)
    {
      const char *owner = self->owner_ids->pdata[selected];

      ir_map_details_save_value (self, "coverage_owner", owner ? string_node (owner) : NULL);
    }
}

static void
placeholder_changed_cb (IrMapDetails *self,
                        GParamSpec   *pspec,
                        GtkSwitch    *toggle)
{
  if (self->updating || self->entity == NULL)
    return;

  ir_map_details_save_value (self, "placeholder",
              json_node_init_boolean (json_node_alloc (), gtk_switch_get_active (toggle)));
}

static void
concern_activated_cb (IrMapDetails *self,
                      AdwEntryRow  *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = NULL;

  if (self->entity == NULL)
    return;

  eid = ir_map_add_concern (self->store, ir_entity_get_id (self->entity),
                            gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  if (eid == NULL)
    {
      ir_map_details_toast (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
entity_field_changed_cb (IrMapDetails *self,
                         const char   *field,
                         IrEntity     *entity)
{
  if (g_str_equal (field, "deleted"))
    return;

  fill_field (self, field);
  if (g_str_equal (field, "stance") || g_str_equal (field, "influence"))
    ir_map_details_update_timeline (self);
  if (g_str_equal (field, "status") || g_str_equal (field, "successor"))
    ir_map_details_update_status (self);
  ir_map_details_update_conflicts (self);
}

static void
store_entity_changed_cb (IrMapDetails       *self,
                         const char         *kind,
                         const char         *eid,
                         const char * const *fields,
                         gboolean            visibility,
                         IrStore            *store)
{
  if (self->entity == NULL)
    return;

  if (g_str_equal (kind, "concern"))
    ir_map_details_update_concerns (self);
  else if (g_str_equal (kind, "link"))
    ir_map_details_update_links (self);
  else if (g_str_equal (kind, "interaction") || g_str_equal (kind, "interaction_participant"))
    ir_map_details_update_interactions (self);
  else if (g_str_equal (kind, "relationship"))
    {
      ir_map_details_update_relationships (self);
      ir_map_details_update_conflicts (self);
    }
  else if (g_str_equal (kind, "member"))
    {
      fill_field (self, "coverage_owner");
      ir_map_details_update_relationships (self);
    }
  else if (g_str_equal (kind, "stakeholder") && !g_str_equal (eid, ir_entity_get_id (self->entity)))
    {
      /* Lists name other people. */
      ir_map_details_update_links (self);
      ir_map_details_update_status (self);
    }
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_map_details_dispose (GObject *object)
{
  IrMapDetails *self = IR_MAP_DETAILS (object);

  ir_map_details_set_store (self, NULL);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_MAP_DETAILS);

  G_OBJECT_CLASS (ir_map_details_parent_class)->dispose (object);
}

static void
ir_map_details_finalize (GObject *object)
{
  IrMapDetails *self = IR_MAP_DETAILS (object);

  g_hash_table_unref (self->dirty);
  g_ptr_array_unref (self->relationship_rows);
  g_ptr_array_unref (self->owner_ids);

  G_OBJECT_CLASS (ir_map_details_parent_class)->finalize (object);
}

static void
ir_map_details_class_init (IrMapDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_details_dispose;
  object_class->finalize = ir_map_details_finalize;

  /**
   * IrMapDetails::close-requested:
   *
   * Emitted when the user closes the panel.
   */
  signals[SIGNAL_CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-map-details.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, scroller);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, heading);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, subheading);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, conflicts_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, name_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, title_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, department_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, stance_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, influence_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, role_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, rank_spin);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, placeholder_switch);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, coverage_group);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, owner_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, concerns_box);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, concern_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, concern_note_view);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, status_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, status_button);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, links_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, interactions_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, timeline_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, phone_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, email_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapDetails, notes_view);

  ir_map_details_class_init_actions (widget_class);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mapdetails");
}

static void
watch_text (IrMapDetails *self,
            GtkWidget    *widget,
            const char   *field)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_object_set_data (G_OBJECT (widget), "ir-field", (gpointer) field);
  g_signal_connect_object (focus, "leave", G_CALLBACK (focus_left_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));

      g_object_set_data (G_OBJECT (buffer), "ir-field", (gpointer) field);
      g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else if (GTK_IS_SPIN_BUTTON (widget))
    g_signal_connect_object (widget, "value-changed", G_CALLBACK (text_changed_cb), self,
                             G_CONNECT_SWAPPED);
  else
    {
      g_signal_connect_object (widget, "changed", G_CALLBACK (text_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (widget, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
ir_map_details_init (IrMapDetails *self)
{
  AdwComboRow *combos[3];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->relationship_rows = g_ptr_array_new ();
  self->owner_ids = g_ptr_array_new_with_free_func (g_free);

  watch_text (self, GTK_WIDGET (self->name_row), "name");
  watch_text (self, GTK_WIDGET (self->title_row), "title");
  watch_text (self, GTK_WIDGET (self->department_row), "department");
  watch_text (self, GTK_WIDGET (self->phone_row), "phone");
  watch_text (self, GTK_WIDGET (self->email_row), "email");
  watch_text (self, GTK_WIDGET (self->concern_note_view), "concern_note");
  watch_text (self, GTK_WIDGET (self->notes_view), "notes");
  watch_text (self, GTK_WIDGET (self->rank_spin), "rank");

  combos[0] = self->stance_row;
  combos[1] = self->influence_row;
  combos[2] = self->role_row;
  for (gsize i = 0; i < G_N_ELEMENTS (combos); i++)
    g_signal_connect_object (combos[i], "notify::selected", G_CALLBACK (combo_selected_cb), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (combo_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->placeholder_switch, "notify::active",
                           G_CALLBACK (placeholder_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->concern_row, "entry-activated", G_CALLBACK (concern_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_map_details_new (void)
{
  return g_object_new (IR_TYPE_MAP_DETAILS, NULL);
}

void
ir_map_details_set_store (IrMapDetails *self,
                          IrStore      *store)
{
  g_return_if_fail (IR_IS_MAP_DETAILS (self));

  if (self->store == store)
    return;

  ir_map_details_set_stakeholder (self, NULL);
  if (self->store != NULL)
    g_clear_signal_handler (&self->entity_changed_id, self->store);
  self->coverage = NULL;
  self->members = NULL;
  g_set_object (&self->store, store);

  if (store != NULL)
    self->entity_changed_id = g_signal_connect_object (store, "entity-changed",
                                                       G_CALLBACK (store_entity_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
}

/* Shows the stakeholder @eid, after saving what was typed for the one
 * shown before; %NULL empties the panel. */
void
ir_map_details_set_stakeholder (IrMapDetails *self,
                                const char   *eid)
{
  g_autoptr(IrEntity) entity = NULL;

  g_return_if_fail (IR_IS_MAP_DETAILS (self));

  if (self->entity != NULL && g_strcmp0 (eid, ir_entity_get_id (self->entity)) == 0)
    return;

  ir_map_details_save (self);
  if (self->entity != NULL)
    g_clear_signal_handler (&self->changed_id, self->entity);
  g_clear_object (&self->entity);

  if (eid != NULL && self->store != NULL)
    entity = ir_store_get_entity (self->store, "stakeholder", eid);

  if (entity == NULL)
    {
      ir_map_details_clear_lists (self);
      return;
    }

  self->entity = g_steal_pointer (&entity);
  self->changed_id = g_signal_connect_object (self->entity, "changed",
                                              G_CALLBACK (entity_field_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  fill_all (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller)), 0);
}

const char *
ir_map_details_get_stakeholder (IrMapDetails *self)
{
  g_return_val_if_fail (IR_IS_MAP_DETAILS (self), NULL);

  return self->entity ? ir_entity_get_id (self->entity) : NULL;
}

/**
 * ir_map_details_set_coverage:
 * @coverage: (nullable): the room's coverage, borrowed until the next call
 * @members: (nullable) (element-type IrMapSceneMember): the trio, borrowed
 *
 * Updates the relationship levels and last contacts the panel shows.
 */
void
ir_map_details_set_coverage (IrMapDetails  *self,
                             IrMapCoverage *coverage,
                             GPtrArray     *members)
{
  g_return_if_fail (IR_IS_MAP_DETAILS (self));

  self->coverage = coverage;
  self->members = members;
  if (self->entity != NULL)
    ir_map_details_update_relationships (self);
}
