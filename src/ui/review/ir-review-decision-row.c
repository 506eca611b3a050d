/* ir-review-decision-row.c: one decision or action typed in a review
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What is typed is saved to the room a second after the typing pauses
 * and when the field loses focus, as everywhere in the app, so that a
 * review that ends abruptly loses nothing. Kind, owner and due date are
 * saved as soon as they are picked. "Make Task" and "Make Risk" turn the
 * item into a task of the plan or a risk in one step.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-review-decision-row.h"
#include "ir-review-steps.h"

static const char * const kinds[] = { "decision", "action", NULL };

struct _IrReviewDecisionRow
{
  AdwBin          parent_instance;

  IrStore        *store;
  char           *decision;
  IrDay           today;
  GPtrArray      *owners;        /* member ids, NULL first for "no owner" */
  guint           save_id;
  gboolean        loading;

  GtkDropDown    *kind;
  GtkEntry       *text;
  GtkDropDown    *owner;
  GtkMenuButton  *due_button;
  GtkCalendar    *calendar;
  GtkWidget      *make_task;
  GtkWidget      *make_risk;
  GtkWidget      *follow_up;
};

G_DEFINE_FINAL_TYPE (IrReviewDecisionRow, ir_review_decision_row, ADW_TYPE_BIN)

enum
{
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- helpers -------------------------------------------------------------- */

static void
report (IrReviewDecisionRow *self,
        const char          *message)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

static void
report_error (IrReviewDecisionRow *self,
              GError              *error)
{
  g_warning ("Failed to save decision %s: %s", self->decision, error->message);
  report (self, error->message);
}

static IrReviewDecision *
load (IrReviewDecisionRow *self)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "decision", self->decision);

  if (entity == NULL)
    return NULL;

  return ir_review_decision_load (self->store, entity);
}

static void
update_due_label (IrReviewDecisionRow *self,
                  IrDay                due)
{
  g_autofree char *text = NULL;

  if (due == IR_DAY_NONE)
    {
      gtk_menu_button_set_label (self->due_button, C_("review", "Due Date"));
      return;
    }

  text = ir_review_format_day (due);
  gtk_menu_button_set_label (self->due_button, text);
}

static void
update_follow_up (IrReviewDecisionRow    *self,
                  const IrReviewDecision *decision)
{
  gboolean linked = decision->task != NULL || decision->risk != NULL;

  gtk_widget_set_visible (self->make_task, !linked);
  gtk_widget_set_visible (self->make_risk, !linked);
  gtk_widget_set_visible (self->follow_up, linked);
  if (decision->task != NULL)
    gtk_label_set_label (GTK_LABEL (self->follow_up), _("✓ Task in the plan"));
  else if (decision->risk != NULL)
    gtk_label_set_label (GTK_LABEL (self->follow_up), _("✓ Risk on the Risks page"));
}

static void
refresh (IrReviewDecisionRow *self)
{
  g_autoptr(IrReviewDecision) decision = load (self);
  guint owner = 0;

  if (decision == NULL)
    return;

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->kind, g_str_equal (decision->kind, "action") ? 1 : 0);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->text)),
                 decision->text ? decision->text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->text), decision->text ? decision->text : "");
  for (guint i = 1; i < self->owners->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->owners, i), decision->owner) == 0)
      owner = i;
  gtk_drop_down_set_selected (self->owner, owner);
  update_due_label (self, decision->due);
  update_follow_up (self, decision);
  self->loading = FALSE;
}

/* --- saving --------------------------------------------------------------- */

static gboolean
save_timeout_cb (gpointer user_data)
{
  IrReviewDecisionRow *self = user_data;

  self->save_id = 0;
  ir_review_decision_row_save (self);

  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (GtkEditable         *editable,
                 IrReviewDecisionRow *self)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (IR_REVIEW_SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
focus_left_cb (GtkEventControllerFocus *controller,
               IrReviewDecisionRow     *self)
{
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      ir_review_decision_row_save (self);
    }
}

static void
kind_selected_cb (GtkDropDown         *drop_down,
                  GParamSpec          *pspec,
                  IrReviewDecisionRow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->loading || selected >= G_N_ELEMENTS (kinds) - 1)
    return;

  if (!ir_review_set_decision_kind (self->store, self->decision, kinds[selected], &error))
    report_error (self, error);
}

static void
owner_selected_cb (GtkDropDown         *drop_down,
                   GParamSpec          *pspec,
                   IrReviewDecisionRow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (drop_down);

  if (self->loading || selected >= self->owners->len)
    return;

  if (!ir_review_set_decision_owner (self->store, self->decision,
                                     g_ptr_array_index (self->owners, selected), &error))
    report_error (self, error);
}

static void
set_due (IrReviewDecisionRow *self,
         IrDay                due)
{
  g_autoptr(GError) error = NULL;

  if (!ir_review_set_decision_due (self->store, self->decision, due, &error))
    {
      report_error (self, error);
      return;
    }

  update_due_label (self, due);
  gtk_menu_button_popdown (self->due_button);
}

static void
day_selected_cb (GtkCalendar         *calendar,
                 IrReviewDecisionRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  if (self->loading)
    return;

  set_due (self, ir_day_from_ymd (g_date_time_get_year (date), g_date_time_get_month (date),
                                  g_date_time_get_day_of_month (date)));
}

static void
clear_due_clicked_cb (GtkButton           *button,
                      IrReviewDecisionRow *self)
{
  set_due (self, IR_DAY_NONE);
}

static void
make_task_clicked_cb (GtkButton           *button,
                      IrReviewDecisionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *task = NULL;

  ir_review_decision_row_save (self);
  task = ir_review_decision_make_task (self->store, self->decision, self->today, &error);
  if (task == NULL)
    {
      report (self, error->message);
      return;
    }

  refresh (self);
  report (self, _("Added to the plan as a task."));
}

static void
make_risk_clicked_cb (GtkButton           *button,
                      IrReviewDecisionRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *risk = NULL;

  ir_review_decision_row_save (self);
  risk = ir_review_decision_make_risk (self->store, self->decision, &error);
  if (risk == NULL)
    {
      report (self, error->message);
      return;
    }

  refresh (self);
  report (self, _("Added as a risk."));
}

static void
delete_clicked_cb (GtkButton           *button,
                   IrReviewDecisionRow *self)
{
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!ir_review_delete_decision (self->store, self->decision, &error))
    {
      report_error (self, error);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* --- building ------------------------------------------------------------- */

static GtkStringList *
load_owners (IrReviewDecisionRow *self)
{
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  GtkStringList *names = gtk_string_list_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  gtk_string_list_append (names, _("No owner"));
  g_ptr_array_add (self->owners, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      g_autofree char *name = NULL;

      if (ir_entity_has_field (member, "active") && !ir_entity_get_boolean (member, "active"))
        continue;

      name = ir_review_dup_member_name (self->store, ir_entity_get_id (member));
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->owners, g_strdup (ir_entity_get_id (member)));
    }

  return names;
}

static GtkWidget *
build_due_popover (IrReviewDecisionRow *self)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Due Date"));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  g_signal_connect (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self);
  g_signal_connect (clear, "clicked", G_CALLBACK (clear_due_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->calendar));
  gtk_box_append (GTK_BOX (box), clear);
  gtk_popover_set_child (GTK_POPOVER (popover), box);

  return popover;
}

static GtkWidget *
button_new (const char *label,
            GCallback   callback,
            gpointer    data)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_signal_connect (button, "clicked", callback, data);
  return button;
}

static void
build (IrReviewDecisionRow *self)
{
  const char *kind_labels[] = { _("Decision"), C_("review item", "Action"), NULL };
  g_autoptr(GtkStringList) owners = load_owners (self);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *first = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *second = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *delete;
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_add_css_class (box, "review-decision");
  gtk_widget_add_css_class (first, "review-decision-line");
  gtk_widget_add_css_class (second, "review-decision-line");

  self->kind = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (kind_labels));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind"), -1);
  g_signal_connect (self->kind, "notify::selected", G_CALLBACK (kind_selected_cb), self);
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->kind));

  self->text = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_hexpand (GTK_WIDGET (self->text), TRUE);
  gtk_entry_set_placeholder_text (self->text, _("What was decided, or who does what"));
  gtk_entry_set_max_length (self->text, 2000);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Text"), -1);
  g_signal_connect (self->text, "changed", G_CALLBACK (text_changed_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (focus_left_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->text), focus);
  gtk_box_append (GTK_BOX (first), GTK_WIDGET (self->text));

  self->owner = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (owners)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->owner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Owner"), -1);
  g_signal_connect (self->owner, "notify::selected", G_CALLBACK (owner_selected_cb), self);
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->owner));

  self->due_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->due_button, build_due_popover (self));
  gtk_box_append (GTK_BOX (second), GTK_WIDGET (self->due_button));

  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (second), spacer);

  self->follow_up = ir_review_tag_new (NULL, "review-follow-up");
  gtk_widget_set_valign (self->follow_up, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (second), self->follow_up);
  self->make_task = button_new (_("Make _Task"), G_CALLBACK (make_task_clicked_cb), self);
  gtk_widget_set_name (self->make_task, "make-task");
  gtk_box_append (GTK_BOX (second), self->make_task);
  self->make_risk = button_new (_("Make _Risk"), G_CALLBACK (make_risk_clicked_cb), self);
  gtk_widget_set_name (self->make_risk, "make-risk");
  gtk_box_append (GTK_BOX (second), self->make_risk);
  delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_tooltip_text (delete, C_("review", "Delete"));
  g_signal_connect (delete, "clicked", G_CALLBACK (delete_clicked_cb), self);
  gtk_box_append (GTK_BOX (second), delete);

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  adw_bin_set_child (ADW_BIN (self), box);
}

/* --- class ---------------------------------------------------------------- */

static void
ir_review_decision_row_dispose (GObject *object)
{
  IrReviewDecisionRow *self = IR_REVIEW_DECISION_ROW (object);

  /* What was typed last is saved even when the review ends at once. */
  if (self->save_id != 0)
    {
      g_clear_handle_id (&self->save_id, g_source_remove);
      ir_review_decision_row_save (self);
    }

  G_OBJECT_CLASS (ir_review_decision_row_parent_class)->dispose (object);
}

static void
ir_review_decision_row_finalize (GObject *object)
{
  IrReviewDecisionRow *self = IR_REVIEW_DECISION_ROW (object);

  g_clear_object (&self->store);
  g_free (self->decision);
  g_ptr_array_unref (self->owners);

  G_OBJECT_CLASS (ir_review_decision_row_parent_class)->finalize (object);
}

static void
ir_review_decision_row_class_init (IrReviewDecisionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_review_decision_row_dispose;
  object_class->finalize = ir_review_decision_row_finalize;

  /**
   * IrReviewDecisionRow::message:
   * @message: a sentence for the user
   *
   * Emitted with what happened to the item, or why it failed.
   */
  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ir_review_decision_row_init (IrReviewDecisionRow *self)
{
  self->owners = g_ptr_array_new_with_free_func (g_free);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_review_decision_row_new:
 * @store: the room
 * @decision: the id of a decision entity
 * @today: the day a task made from the item may start
 *
 * Returns: (transfer floating): the row editing @decision
 */
GtkWidget *
ir_review_decision_row_new (IrStore    *store,
                            const char *decision,
                            IrDay       today)
{
  IrReviewDecisionRow *self = g_object_new (IR_TYPE_REVIEW_DECISION_ROW, NULL);

  self->store = g_object_ref (store);
  self->decision = g_strdup (decision);
  self->today = today;
  build (self);
  refresh (self);

  return GTK_WIDGET (self);
}

const char *
ir_review_decision_row_get_decision (IrReviewDecisionRow *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_DECISION_ROW (self), NULL);

  return self->decision;
}

GtkEditable *
ir_review_decision_row_get_editable (IrReviewDecisionRow *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_DECISION_ROW (self), NULL);

  return GTK_EDITABLE (self->text);
}

/* Whether typed text waits for the pause in typing to be saved. */
gboolean
ir_review_decision_row_has_pending (IrReviewDecisionRow *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_DECISION_ROW (self), FALSE);

  return self->save_id != 0;
}

/**
 * ir_review_decision_row_save:
 *
 * Saves the typed text now, if the row has any that is not saved.
 *
 * Returns: whether the text is saved
 */
gboolean
ir_review_decision_row_save (IrReviewDecisionRow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (IR_IS_REVIEW_DECISION_ROW (self), FALSE);

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return TRUE;

  if (!ir_review_set_decision_text (self->store, self->decision,
                                    gtk_editable_get_text (GTK_EDITABLE (self->text)), &error))
    {
      report_error (self, error);
      return FALSE;
    }

  return TRUE;
}
