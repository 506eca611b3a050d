/* ir-map-dialogs.c: the small dialogs of the decision map: adding a
 * stakeholder, marking one as left, adding a link
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each returns its dialog already presented, so that tests can respond to
 * it.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-dialogs.h"
#include "ir-map-interaction-dialog.h"
#include "ir-map-model.h"
#include "ir-window.h"

typedef struct
{
  IrStore        *store;
  char           *stakeholder;
  double          x;
  double          y;
  IrMapAddedFunc  callback;
  gpointer        user_data;
  GDestroyNotify  destroy;
  GtkWidget      *name_row;
  GtkWidget      *department_row;
  GtkWidget      *first;      /* first dropdown */
  GtkWidget      *second;     /* second dropdown */
  GPtrArray      *ids;        /* stakeholder ids of the people dropdown */
} DialogData;

/* --- helpers -------------------------------------------------------------- */

static void
dialog_data_free (DialogData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_clear_object (&data->store);
  g_free (data->stakeholder);
  g_clear_pointer (&data->ids, g_ptr_array_unref);
  g_free (data);
}

static void
dialog_data_closure_free (gpointer  data,
                          GClosure *closure)
{
  dialog_data_free (data);
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (GtkWindow  *window,
       const char *message)
{
  if (IR_IS_WINDOW (window))
    ir_window_add_toast (IR_WINDOW (window), message);
  else
    g_message ("%s", message);
}

static const char *
name_of (IrEntity *person)
{
  const char *name = ir_entity_get_string (person, "name");

  return name && name[0] ? name : _("Unnamed");
}

static GtkWidget *
message_dialog_new (GtkWidget  *parent,
                    const char *heading,
                    const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (window_of (parent), heading, body);

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

/* Fills a dropdown with the active people of the room but @except; their
 * ids go to @ids, after the ones already there. */
static GtkWidget *
people_dropdown_new (IrStore    *store,
                     const char *except,
                     GPtrArray  *ids,
                     const char *first_label)
{
  g_autoptr(IrEntityList) people = ir_store_list (store, "stakeholder");
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));
  GtkWidget *dropdown;

  if (first_label != NULL)
    {
      gtk_string_list_append (names, first_label);
      g_ptr_array_add (ids, NULL);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      const char *title = ir_entity_get_string (person, "title");
      g_autofree char *label = NULL;

      if (g_strcmp0 (ir_entity_get_id (person), except) == 0 ||
          g_strcmp0 (ir_entity_get_string (person, "status"), "left") == 0)
        continue;

      /* Translators: a person and their title in a list, as "Liu Fang · Procurement Manager". */
      label = title ? g_strdup_printf (_("%s · %s"), name_of (person), title)
                    : g_strdup (name_of (person));
      gtk_string_list_append (names, label);
      g_ptr_array_add (ids, g_strdup (ir_entity_get_id (person)));
    }

  dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_drop_down_set_expression (GTK_DROP_DOWN (dropdown),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  return dropdown;
}

/* --- add a stakeholder ---------------------------------------------------- */

static void
name_changed_cb (GtkEditable      *editable,
                 AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  adw_message_dialog_set_response_enabled (dialog, "add", name[0] != '\0');
}

static void
add_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 DialogData       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = NULL;

  if (!g_str_equal (response, "add"))
    return;

  eid = ir_map_add_stakeholder (data->store, gtk_editable_get_text (GTK_EDITABLE (data->name_row)),
                                gtk_editable_get_text (GTK_EDITABLE (data->department_row)),
                                data->x, data->y, &error);
  if (eid == NULL)
    {
      toast (gtk_window_get_transient_for (GTK_WINDOW (dialog)), error->message);
      return;
    }

  if (data->callback != NULL)
    data->callback (eid, data->user_data);
}

static void
department_clicked_cb (GtkButton  *button,
                       DialogData *data)
{
  gtk_editable_set_text (GTK_EDITABLE (data->department_row), gtk_button_get_label (button));
}

/* Offers the room's departments as one-click choices. */
static GtkWidget *
departments_box_new (DialogData *data)
{
  g_autoptr(IrEntityList) people = ir_store_list (data->store, "stakeholder");
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));
  GtkWidget *box = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (box), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (box), 8);
  gtk_widget_set_margin_top (box, 6);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      const char *department = ir_entity_get_string (person, "department");
      GtkWidget *button;

      if (department == NULL || g_hash_table_contains (seen, department))
        continue;

      g_hash_table_add (seen, (gpointer) g_intern_string (department));
      button = gtk_button_new_with_label (department);
      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      g_signal_connect (button, "clicked", G_CALLBACK (department_clicked_cb), data);
      gtk_flow_box_append (GTK_FLOW_BOX (box), button);
    }

  gtk_widget_set_visible (box, g_hash_table_size (seen) > 0);
  return box;
}

/**
 * ir_map_dialog_add_stakeholder:
 * @x: where the card goes on the map, or NAN to let the layout place it
 * @callback: (nullable): called with the new stakeholder's id
 * @destroy: (nullable): frees @user_data when the dialog closes
 *
 * Asks for a name and a department, then adds the stakeholder.
 */
GtkWidget *
ir_map_dialog_add_stakeholder (GtkWidget      *parent,
                               IrStore        *store,
                               double          x,
                               double          y,
                               IrMapAddedFunc  callback,
                               gpointer        user_data,
                               GDestroyNotify  destroy)
{
  GtkWidget *dialog = message_dialog_new (parent, _("Add Stakeholder"),
                                          _("Add a person on the customer’s side. You can fill in "
                                            "the rest on the map."));
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *box, *list;

  data->store = g_object_ref (store);
  data->x = x;
  data->y = y;
  data->callback = callback;
  data->user_data = user_data;
  data->destroy = destroy;

  gtk_widget_set_name (dialog, "map-add-dialog");
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  data->name_row = adw_entry_row_new ();
  gtk_widget_set_name (data->name_row, "map-add-name");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->name_row), _("Name, or the role if unknown"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (data->name_row), TRUE);
  data->department_row = adw_entry_row_new ();
  gtk_widget_set_name (data->department_row, "map-add-department");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (data->department_row), _("Department"));
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (data->department_row), TRUE);
  gtk_list_box_append (GTK_LIST_BOX (list), data->name_row);
  gtk_list_box_append (GTK_LIST_BOX (list), data->department_row);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), departments_box_new (data));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect (data->name_row, "changed", G_CALLBACK (name_changed_cb), dialog);
  g_signal_connect_data (dialog, "response", G_CALLBACK (add_response_cb), data,
                         dialog_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (data->name_row);

  return dialog;
}

/* --- mark as left --------------------------------------------------------- */

static void
left_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DialogData       *data)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->first));
  const char *successor = selected < data->ids->len ? data->ids->pdata[selected] : NULL;
  GtkWindow *window = gtk_window_get_transient_for (GTK_WINDOW (dialog));
  guint carried = 0;

  if (!g_str_equal (response, "left"))
    return;

  if (!ir_map_mark_left (data->store, data->stakeholder, successor, &carried, &error))
    {
      toast (window, error->message);
      return;
    }

  if (carried > 0)
    {
      g_autoptr(IrEntity) next = ir_store_get_entity (data->store, "stakeholder", successor);
      g_autofree char *message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%u open follow-up moved to %s.",
                                      "%u open follow-ups moved to %s.", carried),
                         carried, next ? name_of (next) : "");

      toast (window, message);
    }
}

/**
 * ir_map_dialog_mark_left:
 *
 * Asks who succeeds @stakeholder, then marks them as left and hands their
 * open follow-ups over.
 */
GtkWidget *
ir_map_dialog_mark_left (GtkWidget  *parent,
                         IrStore    *store,
                         const char *stakeholder)
{
  g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", stakeholder);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *dialog;

  /* Translators: %s is a stakeholder. */
  heading = g_strdup_printf (_("Mark %s as Left?"), person ? name_of (person) : "");
  body = g_strdup_printf (_("Choose who takes over from %s. Open follow-ups that fell to %s move "
                            "to the successor."), person ? name_of (person) : "",
                          person ? name_of (person) : "");
  dialog = message_dialog_new (parent, heading, body);
  gtk_widget_set_name (dialog, "map-left-dialog");

  data->store = g_object_ref (store);
  data->stakeholder = g_strdup (stakeholder);
  data->ids = g_ptr_array_new_with_free_func (g_free);
  data->first = people_dropdown_new (store, stakeholder, data->ids, _("No successor yet"));
  gtk_widget_set_name (data->first, "map-left-successor");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), data->first);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "left", _("_Mark as Left"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "left",
                                              ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_data (dialog, "response", G_CALLBACK (left_response_cb), data,
                         dialog_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* --- add a link ----------------------------------------------------------- */

static const char * const link_kinds[] = { "reports_to", "influences", "conflict", NULL };

static void
link_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  DialogData       *data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = NULL;
  guint kind = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->first));
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (data->second));
  const char *target = selected < data->ids->len ? data->ids->pdata[selected] : NULL;

  if (!g_str_equal (response, "add") || target == NULL || kind > 2)
    return;

  if (kind == 0)
    eid = ir_map_set_manager (data->store, data->stakeholder, target, &error);
  else
    eid = ir_map_add_link (data->store, data->stakeholder, target, link_kinds[kind], 0, &error);

  if (eid == NULL)
    toast (gtk_window_get_transient_for (GTK_WINDOW (dialog)), error->message);
}

/**
 * ir_map_dialog_add_link:
 *
 * Asks for the kind of link and the other person: the keyboard's way of
 * drawing a line between two cards.
 */
GtkWidget *
ir_map_dialog_add_link (GtkWidget  *parent,
                        IrStore    *store,
                        const char *stakeholder)
{
  g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", stakeholder);
  const char *kinds[] = { _("Reports to"), _("Influences"), _("Is in conflict with"), NULL };
  g_autofree char *body = NULL;
  DialogData *data = g_new0 (DialogData, 1);
  GtkWidget *dialog, *box;

  /* Translators: %s is a stakeholder. */
  body = g_strdup_printf (_("How is %s linked to another person?"),
                          person ? name_of (person) : "");
  dialog = message_dialog_new (parent, _("Add Link"), body);
  gtk_widget_set_name (dialog, "map-link-dialog");

  data->store = g_object_ref (store);
  data->stakeholder = g_strdup (stakeholder);
  data->ids = g_ptr_array_new_with_free_func (g_free);
  data->first = gtk_drop_down_new_from_strings (kinds);
  gtk_widget_set_name (data->first, "map-link-kind");
  data->second = people_dropdown_new (store, stakeholder, data->ids, NULL);
  gtk_widget_set_name (data->second, "map-link-person");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), data->first);
  gtk_box_append (GTK_BOX (box), data->second);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "add", _("_Add Link"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", data->ids->len > 0);
  g_signal_connect_data (dialog, "response", G_CALLBACK (link_response_cb), data,
                         dialog_data_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

/* --- add an interaction --------------------------------------------------- */

GtkWidget *
ir_map_dialog_add_interaction (GtkWidget  *parent,
                               IrStore    *store,
                               const char *stakeholder)
{
  IrMapInteractionDialog *dialog = ir_map_interaction_dialog_new (window_of (parent), store,
                                                                  stakeholder);

  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}
