/* ir-map-details-lists.c: the lists of the details panel: concerns,
 * relationship levels, status, links and interactions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each list is rebuilt from the store when something it shows changes;
 * they are a handful of rows for one person.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-details-private.h"
#include "ir-map-render.h"
#include "ir-ui-util.h"

static const char * const levels[] = { "none", "met", "trusted", NULL };


/* --- helpers -------------------------------------------------------------- */

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
eid_of (IrMapDetails *self)
{
  return ir_entity_get_id (self->entity);
}

static char *
dup_person_name (IrStore    *store,
                 const char *eid)
{
  g_autoptr(IrEntity) person = eid ? ir_store_get_entity (store, "stakeholder", eid) : NULL;
  const char *name = person ? ir_entity_get_string (person, "name") : NULL;

  return g_strdup (name && name[0] ? name : _("Unnamed"));
}

static gboolean
is_visible_person (IrStore    *store,
                   const char *eid)
{
  g_autoptr(IrEntity) person = eid ? ir_store_get_entity (store, "stakeholder", eid) : NULL;

  return person != NULL && ir_entity_is_visible (person);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static GtkWidget *
trash_button_new (const char *kind,
                  const char *eid,
                  const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ss)", kind, eid);

  return button;
}

/* --- concerns ------------------------------------------------------------- */

void
ir_map_details_update_concerns (IrMapDetails *self)
{
  g_autoptr(IrEntityList) concerns = NULL;
  GtkWidget *child;
  guint n;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->concerns_box))) != NULL)
    gtk_flow_box_remove (self->concerns_box, child);

  if (self->entity == NULL)
    return;

  concerns = ir_store_list_children (self->store, "concern", "stakeholder", eid_of (self));
  ir_entity_list_set_sort (concerns, "position");
  n = g_list_model_get_n_items (G_LIST_MODEL (concerns));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) concern = g_list_model_get_item (G_LIST_MODEL (concerns), i);
      const char *tag = ir_entity_get_string (concern, "tag");
      g_autofree char *tooltip = g_strdup_printf (_("Remove the concern “%s”"), tag);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *button = trash_button_new ("concern", ir_entity_get_id (concern), tooltip);

      gtk_button_set_icon_name (GTK_BUTTON (button), "window-close-symbolic");
      gtk_widget_add_css_class (button, "circular");
      gtk_widget_add_css_class (box, "concern-tag");
      gtk_box_append (GTK_BOX (box), gtk_label_new (tag));
      gtk_box_append (GTK_BOX (box), button);
      gtk_flow_box_append (self->concerns_box, box);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->concerns_box), n > 0);
}

/* --- relationship levels -------------------------------------------------- */

static void
level_selected_cb (IrMapDetails *self,
                   GParamSpec   *pspec,
                   AdwComboRow  *row)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);
  const char *member = g_object_get_data (G_OBJECT (row), "ir-member");

  if (self->updating || self->entity == NULL || selected >= 3)
    return;

  if (g_strcmp0 (ir_map_get_relationship (self->store, eid_of (self), member), levels[selected]) == 0)
    return;

  if (!ir_map_set_relationship (self->store, eid_of (self), member, levels[selected], &error))
    ir_map_details_toast (self, error->message);
}

static char *
relationship_subtitle (IrMapDetails     *self,
                       IrEntity         *member,
                       const char       *member_id)
{
  const char *role = ir_entity_get_string (member, "role");
  const IrMapCoverageRow *row = self->coverage ?
    ir_map_coverage_lookup (self->coverage, eid_of (self)) : NULL;
  int index = self->coverage ? ir_map_coverage_member_index (self->coverage, member_id) : -1;
  const char *date = row && index >= 0 ? row->member_last_contact[index] : NULL;
  g_autofree char *formatted = date ? ir_format_date (date) : NULL;

  if (formatted != NULL)
    /* Translators: under a team member's name: role and last contact date. */
    return g_strdup_printf (_("%s · last contact %s"), ir_enum_label (role), formatted);

  /* Translators: under a team member's name: role, and no contact yet. */
  return g_strdup_printf (_("%s · no contact yet"), ir_enum_label (role));
}

void
ir_map_details_update_relationships (IrMapDetails *self)
{
  g_autoptr(GPtrArray) trio = NULL;
  gboolean same = TRUE;

  if (self->entity == NULL || self->store == NULL)
    return;

  trio = ir_map_list_trio (self->store);
  same = trio->len == self->relationship_rows->len;
  for (guint i = 0; same && i < trio->len; i++)
    same = g_strcmp0 (g_object_get_data (self->relationship_rows->pdata[i], "ir-member"),
                      ir_entity_get_id (trio->pdata[i])) == 0;

  if (!same)
    {
      for (guint i = 0; i < self->relationship_rows->len; i++)
        adw_preferences_group_remove (self->coverage_group, self->relationship_rows->pdata[i]);
      g_ptr_array_set_size (self->relationship_rows, 0);

      for (guint i = 0; i < trio->len; i++)
        {
          g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
          const char *id = ir_entity_get_id (trio->pdata[i]);
          g_autofree char *name = ir_member_dup_name (self->store, id);
          g_autofree char *widget_name = g_strconcat ("map-details-level-", id, NULL);
          GtkWidget *row = adw_combo_row_new ();

          gtk_string_list_append (model, C_("relationship level", "Not met"));
          gtk_string_list_append (model, C_("relationship level", "Met"));
          gtk_string_list_append (model, C_("relationship level", "Trusted"));
          adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
          gtk_widget_set_name (row, widget_name);
          g_object_set_data_full (G_OBJECT (row), "ir-member", g_strdup (id), g_free);
          g_signal_connect_object (row, "notify::selected", G_CALLBACK (level_selected_cb), self,
                                   G_CONNECT_SWAPPED);
          adw_preferences_group_add (self->coverage_group, row);
          g_ptr_array_add (self->relationship_rows, row);
        }
    }

  self->updating = TRUE;
  for (guint i = 0; i < trio->len; i++)
    {
      AdwComboRow *row = self->relationship_rows->pdata[i];
      const char *id = ir_entity_get_id (trio->pdata[i]);
      const char *level = ir_map_get_relationship (self->store, eid_of (self), id);
      g_autofree char *subtitle = relationship_subtitle (self, trio->pdata[i], id);

      adw_combo_row_set_selected (row, g_strv_contains (levels, level) ?
                                  (guint) (g_str_equal (level, "none") ? 0 :
                                           g_str_equal (level, "met") ? 1 : 2) : 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  self->updating = FALSE;
}

/* --- status --------------------------------------------------------------- */

void
ir_map_details_update_status (IrMapDetails *self)
{
  gboolean left;
  const char *successor;

  if (self->entity == NULL)
    return;

  left = g_strcmp0 (ir_entity_get_string (self->entity, "status"), "left") == 0;
  successor = ir_entity_get_string (self->entity, "successor");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->status_row),
                                 left ? _("Left the company") : _("Active"));
  if (left && successor != NULL && is_visible_person (self->store, successor))
    {
      g_autofree char *name = dup_person_name (self->store, successor);
      g_autofree char *subtitle = g_strdup_printf (_("Successor: %s"), name);

      adw_action_row_set_subtitle (self->status_row, subtitle);
    }
  else
    adw_action_row_set_subtitle (self->status_row,
                                 left ? _("No successor known yet") :
                                        _("When the person leaves, name the successor here"));

  gtk_button_set_label (self->status_button, left ? _("Mark as Active") : _("Mark as Left…"));
}

/* --- links ---------------------------------------------------------------- */

static char *
describe_link (IrMapDetails *self,
               IrEntity     *link,
               const char  **other)
{
  const char *kind = ir_entity_get_string (link, "kind");
  gboolean outgoing = g_strcmp0 (ir_entity_get_string (link, "source"), eid_of (self)) == 0;
  g_autofree char *name = NULL;

  *other = ir_entity_get_string (link, outgoing ? "target" : "source");
  name = dup_person_name (self->store, *other);

  if (g_strcmp0 (kind, "reports_to") == 0)
    return outgoing ? g_strdup_printf (_("Reports to %s"), name)
                    : g_strdup_printf (_("%s reports to them"), name);
  if (g_strcmp0 (kind, "influences") == 0)
    return outgoing ? g_strdup_printf (_("Influences %s"), name)
                    : g_strdup_printf (_("Influenced by %s"), name);

  return g_strdup_printf (_("In conflict with %s"), name);
}

static void
strength_selected_cb (IrMapDetails *self,
                      GParamSpec   *pspec,
                      GtkDropDown  *dropdown)
{
  const char *link = g_object_get_data (G_OBJECT (dropdown), "ir-link");
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  tx = ir_store_begin (self->store);
  ir_tx_set_int (tx, "link", link, "strength", gtk_drop_down_get_selected (dropdown) + 1);
  if (!ir_store_commit (self->store, tx, &error))
    ir_map_details_toast (self, error->message);
}

void
ir_map_details_update_links (IrMapDetails *self)
{
  g_autoptr(IrEntityList) links = NULL;
  guint n, shown = 0;

  clear_list_box (self->links_list);
  if (self->entity == NULL)
    return;

  links = ir_store_list (self->store, "link");
  n = g_list_model_get_n_items (G_LIST_MODEL (links));
  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);
      const char *other = NULL;
      g_autofree char *title = NULL;
      GtkWidget *row;

      if (g_strcmp0 (ir_entity_get_string (link, "source"), eid_of (self)) != 0 &&
          g_strcmp0 (ir_entity_get_string (link, "target"), eid_of (self)) != 0)
        continue;

      title = describe_link (self, link, &other);
      if (!is_visible_person (self->store, other))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (g_strcmp0 (ir_entity_get_string (link, "kind"), "influences") == 0)
        {
          const char *strengths[] = { C_("influence strength", "Weak"),
                                      C_("influence strength", "Medium"),
                                      C_("influence strength", "Strong"), NULL };
          GtkWidget *dropdown = gtk_drop_down_new_from_strings (strengths);

          gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown),
                                      CLAMP (ir_entity_get_int (link, "strength"), 1, 3) - 1);
          g_object_set_data_full (G_OBJECT (dropdown), "ir-link",
                                  g_strdup (ir_entity_get_id (link)), g_free);
          g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (strength_selected_cb),
                                   self, G_CONNECT_SWAPPED);
          gtk_widget_set_tooltip_text (dropdown, _("Strength of the influence"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
        }
      if (g_strcmp0 (ir_entity_get_string (link, "kind"), "conflict") == 0)
        gtk_widget_add_css_class (row, "conflict-link");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 trash_button_new ("link", ir_entity_get_id (link),
                                                   _("Remove this link")));
      gtk_list_box_append (self->links_list, row);
      shown++;
    }
  self->updating = FALSE;

  if (shown == 0)
    gtk_list_box_append (self->links_list,
                         placeholder_row (_("No links yet: drag from the dot on a card’s edge to "
                                            "another card")));
}

/* --- interactions --------------------------------------------------------- */

static void
follow_up_toggled_cb (IrMapDetails   *self,
                      GtkCheckButton *check)
{
  const char *interaction = g_object_get_data (G_OBJECT (check), "ir-interaction");
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;

  if (self->updating)
    return;

  tx = ir_store_begin (self->store);
  ir_tx_set_boolean (tx, "interaction", interaction, "follow_up_done",
                     gtk_check_button_get_active (check));
  if (!ir_store_commit (self->store, tx, &error))
    ir_map_details_toast (self, error->message);
}

static int
compare_by_date_cb (gconstpointer a,
                    gconstpointer b)
{
  IrEntity *first = *(IrEntity **) a;
  IrEntity *second = *(IrEntity **) b;

  return g_strcmp0 (ir_entity_get_string (second, "date"), ir_entity_get_string (first, "date"));
}

static char *
describe_participants (IrMapDetails *self,
                       IrEntity     *interaction)
{
  g_autoptr(IrEntityList) participants = ir_store_list_children (self->store,
                                                                 "interaction_participant",
                                                                 "interaction",
                                                                 ir_entity_get_id (interaction));
  g_autoptr(GString) names = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (participants));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) participant = g_list_model_get_item (G_LIST_MODEL (participants), i);
      const char *member = ir_entity_get_string (participant, "member");
      const char *person = ir_entity_get_string (participant, "stakeholder");
      g_autofree char *name = NULL;

      if (member != NULL)
        name = ir_member_dup_name (self->store, member);
      else if (person != NULL && g_strcmp0 (person, eid_of (self)) != 0)
        name = dup_person_name (self->store, person);
      if (name == NULL)
        continue;

      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static GtkWidget *
interaction_row_new (IrMapDetails *self,
                     IrEntity     *interaction)
{
  const char *summary = ir_entity_get_string (interaction, "summary");
  const char *follow_up = ir_entity_get_string (interaction, "follow_up");
  g_autofree char *date = ir_format_date (ir_entity_get_string (interaction, "date"));
  g_autofree char *who = describe_participants (self, interaction);
  /* Translators: an interaction's date and channel, as "May 20, 2026 · Meeting". */
  g_autofree char *title = g_strdup_printf (_("%s · %s"), date,
                                            ir_enum_label (ir_entity_get_string (interaction, "channel")));
  g_autoptr(GString) subtitle = g_string_new (summary ? summary : "");
  GtkWidget *row = adw_action_row_new ();

  if (who[0] != '\0')
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      /* Translators: who took part in an interaction. */
      g_string_append_printf (subtitle, _("With %s"), who);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);

  if (follow_up != NULL && follow_up[0] != '\0')
    {
      const char *due = ir_entity_get_string (interaction, "follow_up_due");
      g_autofree char *due_text = due ? ir_format_date (due) : NULL;
      /* Translators: a follow-up to do, and maybe its due date. */
      g_autofree char *label = due_text ? g_strdup_printf (_("Follow-up: %s (due %s)"), follow_up,
                                                           due_text)
                                        : g_strdup_printf (_("Follow-up: %s"), follow_up);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (check, _("Done"));
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   ir_entity_get_boolean (interaction, "follow_up_done"));
      gtk_label_set_wrap (GTK_LABEL (gtk_widget_get_last_child (check)), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (gtk_widget_get_last_child (check)), 18);
      g_object_set_data_full (G_OBJECT (check), "ir-interaction",
                              g_strdup (ir_entity_get_id (interaction)), g_free);
      g_signal_connect_object (check, "toggled", G_CALLBACK (follow_up_toggled_cb), self,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
    }

  return row;
}

void
ir_map_details_update_interactions (IrMapDetails *self)
{
  g_autoptr(IrEntityList) participants = NULL;
  g_autoptr(IrEntityList) interactions = NULL;
  g_autoptr(GHashTable) mine = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint n;

  clear_list_box (self->interactions_list);
  if (self->entity == NULL)
    return;

  /* The person's interactions, and follow-ups handed over to them. */
  mine = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  participants = ir_store_list (self->store, "interaction_participant");
  n = g_list_model_get_n_items (G_LIST_MODEL (participants));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) participant = g_list_model_get_item (G_LIST_MODEL (participants), i);

      if (g_strcmp0 (ir_entity_get_string (participant, "stakeholder"), eid_of (self)) == 0)
        g_hash_table_add (mine, g_strdup (ir_entity_get_string (participant, "interaction")));
    }

  rows = g_ptr_array_new_with_free_func (g_object_unref);
  interactions = ir_store_list (self->store, "interaction");
  n = g_list_model_get_n_items (G_LIST_MODEL (interactions));
  for (guint i = 0; i < n; i++)
    {
      IrEntity *interaction = g_list_model_get_item (G_LIST_MODEL (interactions), i);

      if (g_hash_table_contains (mine, ir_entity_get_id (interaction)) ||
          g_strcmp0 (ir_entity_get_string (interaction, "follow_up_stakeholder"), eid_of (self)) == 0)
        g_ptr_array_add (rows, interaction);
      else
        g_object_unref (interaction);
    }

  g_ptr_array_sort (rows, compare_by_date_cb);
  self->updating = TRUE;
  for (guint i = 0; i < rows->len; i++)
    gtk_list_box_append (self->interactions_list, interaction_row_new (self, rows->pdata[i]));
  self->updating = FALSE;

  if (rows->len == 0)
    gtk_list_box_append (self->interactions_list,
                         placeholder_row (_("No meetings, calls or messages recorded yet")));
}

/* Empties the panel when no stakeholder is selected. */
void
ir_map_details_clear_lists (IrMapDetails *self)
{
  GtkWidget *child;

  clear_list_box (self->conflicts_list);
  clear_list_box (self->links_list);
  clear_list_box (self->interactions_list);
  clear_list_box (self->timeline_list);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->concerns_box))) != NULL)
    gtk_flow_box_remove (self->concerns_box, child);

  for (guint i = 0; i < self->relationship_rows->len; i++)
    adw_preferences_group_remove (self->coverage_group, self->relationship_rows->pdata[i]);
  g_ptr_array_set_size (self->relationship_rows, 0);

  gtk_label_set_label (self->heading, "");
  gtk_label_set_label (self->subheading, "");
}
