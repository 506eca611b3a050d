/* ir-review-decisions-step.c: the page where a review records its
 * decisions and actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page first lists the actions that the last review recorded, with
 * whether they are done, then the items of this review. The review itself
 * is recorded in the room with its first item, so that a review where
 * nothing is decided leaves nothing behind until it is ended.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-review-decision-row.h"
#include "ir-review-decisions-step.h"
#include "ir-review-steps.h"

struct _IrReviewDecisionsStep
{
  AdwBin          parent_instance;

  IrStore        *store;
  IrReviewAgenda *agenda;       /* not owned: the window's */

  GtkLabel       *heading;
  GtkLabel       *subtitle;
  GtkWidget      *previous_box;
  GtkWidget      *previous_rows;
  GtkWidget      *empty_label;
  GtkWidget      *rows;
};

G_DEFINE_FINAL_TYPE (IrReviewDecisionsStep, ir_review_decisions_step, ADW_TYPE_BIN)

enum
{
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- rows ----------------------------------------------------------------- */

static void
row_message_cb (IrReviewDecisionRow   *row,
                const char            *message,
                IrReviewDecisionsStep *self)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

static GtkWidget *
append_row (IrReviewDecisionsStep *self,
            const char            *decision)
{
  GtkWidget *row = ir_review_decision_row_new (self->store, decision, self->agenda->today);

  g_signal_connect (row, "message", G_CALLBACK (row_message_cb), self);
  gtk_box_append (GTK_BOX (self->rows), row);
  gtk_widget_set_visible (self->empty_label, FALSE);

  return row;
}

static gboolean
is_overdue (const IrReviewDecision *decision,
            IrDay                   today)
{
  return !decision->done && decision->due != IR_DAY_NONE && decision->due < today;
}

static const char *
status_label (const IrReviewDecision *decision,
              IrDay                   today)
{
  if (decision->done)
    return _("Done");
  if (is_overdue (decision, today))
    return C_("review", "Overdue");

  return _("Open");
}

static const char *
status_class (const IrReviewDecision *decision,
              IrDay                   today)
{
  if (decision->done)
    return "done";
  if (is_overdue (decision, today))
    return "overdue";

  return "open";
}

static void
fill_previous (IrReviewDecisionsStep *self)
{
  GPtrArray *actions = self->agenda->previous_actions;

  gtk_widget_set_visible (self->previous_box, actions->len > 0);
  for (guint i = 0; i < actions->len; i++)
    {
      const IrReviewDecision *action = g_ptr_array_index (actions, i);
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *due = ir_review_format_day (action->due);
      g_autofree char *detail = NULL;
      GtkWidget *status = ir_review_tag_new (status_label (action, self->agenda->today),
                                             "review-status-pill");

      gtk_widget_add_css_class (row, "review-person");
      gtk_widget_set_hexpand (text, TRUE);
      gtk_box_append (GTK_BOX (text), ir_review_label_new (action->text, "review-row-title"));
      /* Translators: an action's owner and its due date. */
      detail = g_strdup_printf (_("%s · due %s"),
                                action->owner_name ? action->owner_name : C_("review", "no owner"),
                                action->due != IR_DAY_NONE ? due : "—");
      gtk_box_append (GTK_BOX (text), ir_review_label_new (detail, "review-row-detail"));
      gtk_box_append (GTK_BOX (row), text);

      gtk_widget_add_css_class (status, status_class (action, self->agenda->today));
      gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (row), status);
      gtk_box_append (GTK_BOX (self->previous_rows), row);
    }
}

/* --- actions -------------------------------------------------------------- */

static void
add_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrReviewDecisionsStep *self = IR_REVIEW_DECISIONS_STEP (widget);

  ir_review_decisions_step_add (self, g_variant_get_string (parameter, NULL));
}

/* --- class ---------------------------------------------------------------- */

static void
ir_review_decisions_step_dispose (GObject *object)
{
  IrReviewDecisionsStep *self = IR_REVIEW_DECISIONS_STEP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_REVIEW_DECISIONS_STEP);

  G_OBJECT_CLASS (ir_review_decisions_step_parent_class)->dispose (object);
}

static void
ir_review_decisions_step_finalize (GObject *object)
{
  IrReviewDecisionsStep *self = IR_REVIEW_DECISIONS_STEP (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ir_review_decisions_step_parent_class)->finalize (object);
}

static void
ir_review_decisions_step_class_init (IrReviewDecisionsStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_review_decisions_step_dispose;
  object_class->finalize = ir_review_decisions_step_finalize;

  /**
   * IrReviewDecisionsStep::message:
   * @message: a sentence for the user
   *
   * Emitted with what happened to an item, or why it failed.
   */
  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/"
                                               "ir-review-decisions-step.ui");
  gtk_widget_class_bind_template_child (widget_class, IrReviewDecisionsStep, heading);
  gtk_widget_class_bind_template_child (widget_class, IrReviewDecisionsStep, subtitle);
  gtk_widget_class_bind_template_child (widget_class, IrReviewDecisionsStep, previous_box);
  gtk_widget_class_bind_template_child (widget_class, IrReviewDecisionsStep, previous_rows);
  gtk_widget_class_bind_template_child (widget_class, IrReviewDecisionsStep, empty_label);
  gtk_widget_class_bind_template_child (widget_class, IrReviewDecisionsStep, rows);

  gtk_widget_class_install_action (widget_class, "decisions.add", "s", add_activated_cb);
}

static void
ir_review_decisions_step_init (IrReviewDecisionsStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_review_decisions_step_new:
 * @store: the room
 * @agenda: the agenda, which must outlive the page
 *
 * Returns: (transfer floating): the page, with the items that the review
 *   being held on @agenda has already
 */
GtkWidget *
ir_review_decisions_step_new (IrStore        *store,
                              IrReviewAgenda *agenda)
{
  IrReviewDecisionsStep *self = g_object_new (IR_TYPE_REVIEW_DECISIONS_STEP, NULL);
  IrReviewStep step = { .kind = IR_REVIEW_STEP_DECISIONS, .revision = -1 };
  g_autofree char *title = ir_review_step_dup_title (agenda, &step);

  self->store = g_object_ref (store);
  self->agenda = agenda;

  gtk_label_set_label (self->heading, title);
  gtk_label_set_label (self->subtitle,
                       _("Each item is saved to the room as you type, and can become a task "
                         "of the plan or a risk."));
  fill_previous (self);

  if (ir_review_agenda_reload_decisions (agenda, store))
    for (guint i = 0; i < agenda->decisions->len; i++)
      append_row (self, ((IrReviewDecision *) agenda->decisions->pdata[i])->decision);

  return GTK_WIDGET (self);
}

/**
 * ir_review_decisions_step_add:
 * @kind: "decision" or "action"
 *
 * Records a new, empty item of the review, recording the review first
 * when it has no item yet, and puts the keyboard focus in its text.
 *
 * Returns: (transfer none) (nullable): the item's row, or %NULL when the
 *   room refused it, which the page reports with its message signal
 */
GtkWidget *
ir_review_decisions_step_add (IrReviewDecisionsStep *self,
                              const char            *kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *review = NULL;
  g_autofree char *decision = NULL;
  GtkWidget *row;

  g_return_val_if_fail (IR_IS_REVIEW_DECISIONS_STEP (self), NULL);

  review = ir_review_hold (self->store, self->agenda, NULL, NULL, &error);
  if (review != NULL)
    decision = ir_review_add_decision (self->store, review, kind, NULL, NULL, IR_DAY_NONE,
                                       &error);
  if (decision == NULL)
    {
      g_warning ("Failed to add a %s to the review: %s", kind, error->message);
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, error->message);
      return NULL;
    }

  row = append_row (self, decision);
  gtk_widget_grab_focus (GTK_WIDGET (ir_review_decision_row_get_editable (
    IR_REVIEW_DECISION_ROW (row))));

  return row;
}

/* Returns how many items the page shows, deleted ones left out. */
guint
ir_review_decisions_step_get_n_items (IrReviewDecisionsStep *self)
{
  guint n = 0;

  g_return_val_if_fail (IR_IS_REVIEW_DECISIONS_STEP (self), 0);

  for (GtkWidget *child = gtk_widget_get_first_child (self->rows); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      n++;

  return n;
}

/* Returns: (transfer none) (nullable): the row of item @index */
GtkWidget *
ir_review_decisions_step_get_row (IrReviewDecisionsStep *self,
                                  guint                  index)
{
  GtkWidget *child;

  g_return_val_if_fail (IR_IS_REVIEW_DECISIONS_STEP (self), NULL);

  child = gtk_widget_get_first_child (self->rows);
  for (guint i = 0; child != NULL && i < index; i++)
    child = gtk_widget_get_next_sibling (child);

  return child;
}

/* Saves what every row has typed and not saved yet. */
void
ir_review_decisions_step_save_all (IrReviewDecisionsStep *self)
{
  g_return_if_fail (IR_IS_REVIEW_DECISIONS_STEP (self));

  for (GtkWidget *child = gtk_widget_get_first_child (self->rows); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (ir_review_decision_row_has_pending (IR_REVIEW_DECISION_ROW (child)))
      ir_review_decision_row_save (IR_REVIEW_DECISION_ROW (child));
}
