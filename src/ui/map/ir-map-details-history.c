/* ir-map-details-history.c: the details panel's timeline, conflicts and
 * actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-details-private.h"
#include "ir-map-dialogs.h"
#include "ir-map-render.h"
#include "ir-ui-util.h"

/* Stakeholder fields whose concurrent writes the panel offers to adopt. */
static const char * const conflict_fields[] = {
  "name", "title", "department", "rank", "influence", "stance", "buying_role", "concern_note",
  "status", "successor", "placeholder", "coverage_owner", "phone", "email", "notes", NULL
};

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

/* --- timeline ------------------------------------------------------------- */

void
ir_map_details_update_timeline (IrMapDetails *self)
{
  g_autoptr(GPtrArray) timeline = NULL;

  clear_list_box (self->timeline_list);
  if (self->entity == NULL)
    return;

  timeline = ir_map_get_timeline (self->store, eid_of (self));
  for (guint i = timeline->len; i > 0; i--)
    {
      IrMapTimelineEntry *entry = timeline->pdata[i - 1];
      gboolean stance = g_str_equal (entry->field, "stance");
      g_autofree char *author = ir_actor_dup_name (self->store, entry->actor);
      g_autofree char *when = ir_format_time (entry->time);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), author, when);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dot = gtk_label_new ("●");

      if (entry->previous == NULL)
        /* Translators: the first value of a field in the timeline. */
        title = g_strdup_printf (stance ? _("Stance: %s") : _("Influence: %s of 5"),
                                 stance ? ir_map_stance_label (entry->value) : entry->value);
      else if (stance)
        title = g_strdup_printf (_("Stance: %s → %s"), ir_map_stance_label (entry->previous),
                                 ir_map_stance_label (entry->value));
      else
        title = g_strdup_printf (_("Influence: %s → %s of 5"), entry->previous, entry->value);

      gtk_widget_add_css_class (dot, "timeline-dot");
      if (stance)
        gtk_widget_add_css_class (dot, entry->value);
      else
        gtk_widget_add_css_class (dot, "influence");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->timeline_list, row);
    }
}

/* --- conflicts ------------------------------------------------------------ */

static void
add_conflict_rows (IrMapDetails *self,
                   const char   *kind,
                   const char   *eid,
                   const char   *field,
                   const char   *label)
{
  g_autoptr(GPtrArray) conflicts = ir_map_get_conflicts (self->store, eid, field);

  for (guint i = 0; i < conflicts->len; i++)
    {
      IrMapConflict *conflict = conflicts->pdata[i];
      g_autofree char *author = ir_actor_dup_name (self->store, conflict->actor);
      g_autofree char *value = ir_format_value (self->store, kind, field, conflict->value);
      g_autofree char *json = ir_json_to_string (conflict->value);
      /* Translators: a concurrent edit that lost: field, the other value, who wrote it. */
      g_autofree char *title = g_strdup_printf (_("%s: also set to “%s” by %s"), label, value, author);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Adopt"));

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("You both changed it at the same time; the map shows the "
                                     "other value"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_name (button, "map-details-adopt");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "details.adopt");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ssss)", kind, eid, field, json);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->conflicts_list, row);
    }
}

void
ir_map_details_update_conflicts (IrMapDetails *self)
{
  g_autoptr(GPtrArray) trio = NULL;

  clear_list_box (self->conflicts_list);
  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list), FALSE);
  if (self->entity == NULL)
    return;

  for (guint i = 0; conflict_fields[i] != NULL; i++)
    if (ir_entity_has_conflict (self->entity, conflict_fields[i]))
      add_conflict_rows (self, "stakeholder", eid_of (self), conflict_fields[i],
                         ir_field_label (conflict_fields[i]));

  trio = ir_map_list_trio (self->store);
  for (guint i = 0; i < trio->len; i++)
    {
      const char *member = ir_entity_get_id (trio->pdata[i]);
      g_autofree char *eid = ir_map_relationship_id (eid_of (self), member);
      g_autofree char *name = ir_member_dup_name (self->store, member);
      /* Translators: the relationship level of a team member, in a conflict. */
      g_autofree char *label = g_strdup_printf (_("%s’s relationship"), name);

      add_conflict_rows (self, "relationship", eid, "level", label);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->conflicts_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->conflicts_list)) != NULL);
}

/* --- actions -------------------------------------------------------------- */

static void
adopt_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);
  const char *kind, *eid, *field, *json;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) value = NULL;
  gboolean done;

  g_variant_get (parameter, "(&s&s&s&s)", &kind, &eid, &field, &json);
  value = json_from_string (json, &error);
  if (value == NULL)
    return;

  if (g_str_equal (kind, "stakeholder"))
    done = ir_map_set_field (self->store, eid, field, json_node_ref (value), &error);
  else
    {
      g_autoptr(IrTx) tx = ir_store_begin (self->store);

      ir_tx_set (tx, kind, eid, field, json_node_ref (value));
      done = ir_store_commit (self->store, tx, &error);
    }

  if (!done)
    ir_map_details_toast (self, error->message);
  ir_map_details_update_conflicts (self);
}

static void
remove_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);
  g_autoptr(IrTx) tx = ir_store_begin (self->store);
  g_autoptr(GError) error = NULL;
  const char *kind, *eid;

  g_variant_get (parameter, "(&s&s)", &kind, &eid);
  ir_tx_delete (tx, kind, eid);
  if (!ir_store_commit (self->store, tx, &error))
    ir_map_details_toast (self, error->message);
}


/* --- panel actions ---------------------------------------------------------- */

static void
close_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);

  ir_map_details_save (self);
  g_signal_emit_by_name (self, "close-requested");
}

static void
toggle_left_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);

  if (self->entity == NULL)
    return;

  if (g_strcmp0 (ir_entity_get_string (self->entity, "status"), "left") == 0)
    ir_map_details_save_value (self, "status", json_node_init_string (json_node_alloc (), "active"));
  else
    ir_map_dialog_mark_left (widget, self->store, ir_entity_get_id (self->entity));
}

static void
add_link_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);

  if (self->entity != NULL)
    ir_map_dialog_add_link (widget, self->store, ir_entity_get_id (self->entity));
}

static void
add_interaction_activated_cb (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);

  if (self->entity != NULL)
    ir_map_dialog_add_interaction (widget, self->store, ir_entity_get_id (self->entity));
}

static void
room_action_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IrMapDetails *self = IR_MAP_DETAILS (widget);
  g_autofree char *eid = NULL;

  if (self->entity == NULL)
    return;

  ir_map_details_save (self);
  eid = g_strdup (ir_entity_get_id (self->entity));
  gtk_widget_activate_action (widget,
                              g_str_equal (action_name, "details.history") ? "room.history"
                                                                           : "room.trash-item",
                              "(ss)", "stakeholder", eid);
}

/* --- set-up --------------------------------------------------------------- */

void
ir_map_details_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "details.close", NULL, close_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.toggle-left", NULL,
                                   toggle_left_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.add-link", NULL, add_link_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.add-interaction", NULL,
                                   add_interaction_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.history", NULL, room_action_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.trash", NULL, room_action_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.adopt", "(ssss)", adopt_activated_cb);
  gtk_widget_class_install_action (widget_class, "details.remove", "(ss)", remove_activated_cb);
}
