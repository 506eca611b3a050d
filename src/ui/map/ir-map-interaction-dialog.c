/* ir-map-interaction-dialog.c: recording a meeting, call, visit or message
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-map-interaction-dialog.h"
#include "ir-map-model.h"
#include "ir-ui-util.h"

struct _IrMapInteractionDialog
{
  AdwWindow       parent_instance;

  IrStore        *store;

  GtkLabel       *error_label;
  GtkMenuButton  *date_button;
  GtkCalendar    *calendar;
  AdwComboRow    *channel_row;
  GtkSearchEntry *people_search;
  GtkListBox     *people_list;
  GtkListBox     *members_list;
  GtkTextView    *summary_view;
  AdwEntryRow    *follow_up_row;
  AdwExpanderRow *due_row;
  GtkCalendar    *due_calendar;
};

G_DEFINE_FINAL_TYPE (IrMapInteractionDialog, ir_map_interaction_dialog, ADW_TYPE_WINDOW)

static const char * const channels[] = { "meeting", "call", "site_visit", "email", "wechat", NULL };

/* --- helpers -------------------------------------------------------------- */

static char *
calendar_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
update_date_label (IrMapInteractionDialog *self)
{
  g_autofree char *iso = calendar_date (self->calendar);
  g_autofree char *text = ir_format_date (iso);

  gtk_menu_button_set_label (self->date_button, text);
}

static GtkWidget *
check_row_new (const char *title,
               const char *subtitle,
               const char *id,
               gboolean    active)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL && subtitle[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_name (row, id);
  g_object_set_data (G_OBJECT (row), "ir-check", check);

  return row;
}

static GPtrArray *
checked_ids (GtkListBox *list)
{
  GPtrArray *ids = g_ptr_array_new ();

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "ir-check");

      if (check != NULL && gtk_check_button_get_active (check))
        g_ptr_array_add (ids, (gpointer) gtk_widget_get_name (row));
    }

  g_ptr_array_add (ids, NULL);
  return ids;
}

static gboolean
filter_people_cb (GtkListBoxRow *row,
                  gpointer       user_data)
{
  IrMapInteractionDialog *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->people_search));
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "ir-check");
  g_autofree char *needle = NULL;
  g_autofree char *title = NULL;

  if (text == NULL || text[0] == '\0' || (check && gtk_check_button_get_active (check)))
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  title = g_utf8_casefold (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), -1);

  return strstr (title, needle) != NULL;
}

static void
search_changed_cb (IrMapInteractionDialog *self,
                   GtkSearchEntry         *entry)
{
  gtk_list_box_invalidate_filter (self->people_list);
}

static void
fill_lists (IrMapInteractionDialog *self,
            const char             *stakeholder)
{
  g_autoptr(IrEntityList) people = ir_store_list (self->store, "stakeholder");
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  g_autoptr(IrEntity) me = ir_store_find_own_member (self->store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));
  GtkWidget *first = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      const char *id = ir_entity_get_id (person);
      const char *name = ir_entity_get_string (person, "name");
      gboolean chosen = g_strcmp0 (id, stakeholder) == 0;
      GtkWidget *row;

      if (g_strcmp0 (ir_entity_get_string (person, "status"), "left") == 0 && !chosen)
        continue;

      row = check_row_new (name && name[0] ? name : _("Unnamed"),
                           ir_entity_get_string (person, "title"), id, chosen);
      if (chosen)
        first = row;
      else
        gtk_list_box_append (self->people_list, row);
    }
  if (first != NULL)
    gtk_list_box_prepend (self->people_list, first);
  gtk_list_box_set_filter_func (self->people_list, filter_people_cb, self, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      const char *id = ir_entity_get_id (member);
      g_autofree char *name = ir_member_dup_name (self->store, id);
      const char *role = ir_entity_get_string (member, "role");

      if (g_strcmp0 (role, "observer") == 0 ||
          (ir_entity_has_field (member, "active") && !ir_entity_get_boolean (member, "active")))
        continue;

      gtk_list_box_append (self->members_list,
                           check_row_new (name, ir_enum_label (role), id,
                                          me != NULL && g_str_equal (id, ir_entity_get_id (me))));
    }
}

/* --- actions -------------------------------------------------------------- */

static void
save_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrMapInteractionDialog *self = IR_MAP_INTERACTION_DIALOG (widget);
  g_autoptr(GPtrArray) people = checked_ids (self->people_list);
  g_autoptr(GPtrArray) members = checked_ids (self->members_list);
  g_autofree char *date = calendar_date (self->calendar);
  g_autofree char *due = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *eid = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;
  IrMapInteraction interaction = { 0 };

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  summary = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (adw_expander_row_get_enable_expansion (self->due_row))
    due = calendar_date (self->due_calendar);

  interaction.date = date;
  interaction.channel = channels[MIN (adw_combo_row_get_selected (self->channel_row), 4)];
  interaction.summary = g_strstrip (summary);
  interaction.follow_up = gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row));
  interaction.follow_up_due = due;
  interaction.stakeholders = (const char * const *) people->pdata;
  interaction.members = (const char * const *) members->pdata;

  eid = ir_map_add_interaction (self->store, &interaction, &error);
  if (eid == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_map_interaction_dialog_dispose (GObject *object)
{
  IrMapInteractionDialog *self = IR_MAP_INTERACTION_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ir_map_interaction_dialog_parent_class)->dispose (object);
}

static void
ir_map_interaction_dialog_class_init (IrMapInteractionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_interaction_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-map-interaction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, people_search);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, members_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, due_row);
  gtk_widget_class_bind_template_child (widget_class, IrMapInteractionDialog, due_calendar);

  gtk_widget_class_install_action (widget_class, "interaction.save", NULL, save_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ir_map_interaction_dialog_init (IrMapInteractionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (update_date_label), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->people_search, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  update_date_label (self);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_map_interaction_dialog_new:
 * @stakeholder: the person the interaction is with, checked already
 *
 * Creates the dialog, dated today, with the store's own member checked on
 * our side.
 */
IrMapInteractionDialog *
ir_map_interaction_dialog_new (GtkWindow  *parent,
                               IrStore    *store,
                               const char *stakeholder)
{
  IrMapInteractionDialog *self = g_object_new (IR_TYPE_MAP_INTERACTION_DIALOG,
                                               "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  fill_lists (self, stakeholder);

  return self;
}
