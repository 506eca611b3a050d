/* ir-review-drawing-step.c: a new revision, opened in compare
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows the sheet with its changes boxed and numbered, and
 * beside it what each numbered change is: the text that changed there,
 * such as a dimension "Ø150 → Ø152", or "lines changed" where the PDFs
 * have no text for it. The compare runs in the review window's worker,
 * and until it ends the page shows that it is comparing.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-review-compare-view.h"
#include "ir-review-drawing-step.h"
#include "ir-review-steps.h"

/* Changes listed beside the sheet; a page must fit a projector. */
#define MAX_CHANGES_LISTED 10

/* Width of the list of changes, in characters. */
#define CHANGE_WIDTH_CHARS 22

struct _IrReviewDrawingStep
{
  AdwBin               parent_instance;

  IrReviewAgenda      *agenda;         /* not owned: the window's */
  int                  revision;
  guint                sheet;

  GtkStack            *stack;
  GtkWidget           *status_label;
  GtkWidget           *sheet_buttons;
  IrReviewCompareView *view;
  GtkWidget           *changes;
};

G_DEFINE_FINAL_TYPE (IrReviewDrawingStep, ir_review_drawing_step, ADW_TYPE_BIN)

/* --- the list of changes -------------------------------------------------- */

static gboolean
boxes_touch (const IrPdfRect *a,
             const IrPdfRect *b)
{
  return a->x <= b->x + b->width && b->x <= a->x + a->width &&
         a->y <= b->y + b->height && b->y <= a->y + a->height;
}

static char *
describe_text_change (const IrDrawingTextChange *change)
{
  if (change->old_text != NULL && change->new_text != NULL)
    return g_strdup_printf ("%s → %s", change->old_text, change->new_text);
  if (change->new_text != NULL)
    /* Translators: text added to a drawing. */
    return g_strdup_printf (_("Added “%s”"), change->new_text);

  /* Translators: text removed from a drawing. */
  return g_strdup_printf (_("Removed “%s”"), change->old_text ? change->old_text : "");
}

static const char *
describe_region (const IrDrawingRegion *region)
{
  if (region->added_pixels > 0 && region->removed_pixels == 0)
    return _("Lines added");
  if (region->removed_pixels > 0 && region->added_pixels == 0)
    return _("Lines removed");

  return _("Lines changed");
}

/* Describes region @index by the text changes inside it. */
static char *
describe_change (const IrReviewSheet *sheet,
                 guint                index)
{
  const IrDrawingRegion *region = &g_array_index (sheet->regions, IrDrawingRegion, index);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < sheet->text_changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (sheet->text_changes, i);
      g_autofree char *line = NULL;

      if (!boxes_touch (&region->box, change->new_text ? &change->new_box : &change->old_box))
        continue;

      line = describe_text_change (change);
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, line);
    }

  if (text->len == 0)
    g_string_append (text, describe_region (region));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
fill_changes (IrReviewDrawingStep *self,
              const IrReviewSheet *sheet)
{
  GtkWidget *child;
  guint shown = MIN (sheet->regions->len, MAX_CHANGES_LISTED);

  while ((child = gtk_widget_get_first_child (self->changes)) != NULL)
    gtk_box_remove (GTK_BOX (self->changes), child);

  if (sheet->old_page < 0)
    {
      gtk_box_append (GTK_BOX (self->changes),
                      ir_review_empty_new (_("A new sheet: nothing to compare it with.")));
      return;
    }
  if (sheet->regions->len == 0)
    {
      gtk_box_append (GTK_BOX (self->changes),
                      ir_review_empty_new (_("Nothing changed on this sheet.")));
      return;
    }

  for (guint i = 0; i < shown; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *column = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *text = describe_change (sheet, i);
      GtkWidget *badge = ir_review_tag_new (number, "review-change-number");
      GtkWidget *label = ir_review_label_new (text, "review-change-text");

      gtk_widget_add_css_class (row, "review-change");
      gtk_widget_set_valign (badge, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (row), badge);

      /* The list stays narrow, so that the drawing gets the width. The
       * wrapped text sits in a box of its own, because GTK 4.8 measures
       * a wrapped label beside others a pixel apart. */
      gtk_label_set_max_width_chars (GTK_LABEL (label), CHANGE_WIDTH_CHARS);
      gtk_widget_set_hexpand (column, TRUE);
      gtk_box_append (GTK_BOX (column), label);
      gtk_box_append (GTK_BOX (row), column);
      gtk_box_append (GTK_BOX (self->changes), row);
    }

  if (sheet->regions->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more in the report",
                                                            "%u more in the report",
                                                            sheet->regions->len - shown),
                                               sheet->regions->len - shown);

      gtk_box_append (GTK_BOX (self->changes), ir_review_label_new (more, "review-row-detail"));
    }
}

/* --- sheets --------------------------------------------------------------- */

static IrReviewRevision *
get_revision (IrReviewDrawingStep *self)
{
  return g_ptr_array_index (self->agenda->revisions, self->revision);
}

static void
show_sheet (IrReviewDrawingStep *self,
            guint                index)
{
  IrReviewRevision *revision = get_revision (self);
  const IrReviewSheet *sheet;

  if (index >= revision->sheets->len)
    return;

  self->sheet = index;
  sheet = g_ptr_array_index (revision->sheets, index);
  ir_review_compare_view_set_sheet (self->view, sheet);
  fill_changes (self, sheet);
}

static void
sheet_toggled_cb (GtkToggleButton     *button,
                  IrReviewDrawingStep *self)
{
  if (gtk_toggle_button_get_active (button))
    show_sheet (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "sheet")));
}

static void
add_sheet_buttons (IrReviewDrawingStep *self,
                   guint                active)
{
  IrReviewRevision *revision = get_revision (self);
  GtkToggleButton *first = NULL;
  GtkToggleButton *shown = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->sheet_buttons)) != NULL)
    gtk_box_remove (GTK_BOX (self->sheet_buttons), child);
  gtk_widget_set_visible (self->sheet_buttons, revision->sheets->len > 1);
  if (revision->sheets->len < 2)
    return;

  for (guint i = 0; i < revision->sheets->len; i++)
    {
      const IrReviewSheet *sheet = g_ptr_array_index (revision->sheets, i);
      /* Translators: %d is a page number of a drawing file. */
      g_autofree char *label = g_strdup_printf (_("Sheet %d"), sheet->new_page + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (label);

      g_object_set_data (G_OBJECT (button), "sheet", GUINT_TO_POINTER (i));
      if (first == NULL)
        first = GTK_TOGGLE_BUTTON (button);
      else
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), first);
      if (i == active)
        shown = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (sheet_toggled_cb), self);
      gtk_box_append (GTK_BOX (self->sheet_buttons), button);
    }
  gtk_toggle_button_set_active (shown, TRUE);
}

/* --- building ------------------------------------------------------------- */

static char *
describe_revision (const IrReviewRevision *revision)
{
  g_autofree char *uploaded = ir_review_format_time (revision->uploaded);

  if (revision->previous_label == NULL)
    /* Translators: a drawing's first revision, who uploaded it and when. */
    return g_strdup_printf (_("First revision · uploaded by %s, %s"),
                            revision->uploaded_by ? revision->uploaded_by : "?", uploaded);

  /* Translators: the revision compared with, who uploaded the new one and
   * when, e.g. "Against revision A · uploaded by Li Na, Nov 23, 2026 07:00". */
  return g_strdup_printf (_("Against revision %s · uploaded by %s, %s"), revision->previous_label,
                          revision->uploaded_by ? revision->uploaded_by : "?", uploaded);
}

static GtkWidget *
build_compare (IrReviewDrawingStep *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "review-compare");
  self->view = IR_REVIEW_COMPARE_VIEW (ir_review_compare_view_new ());
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->view));

  gtk_widget_add_css_class (side, "review-changes");
  self->sheet_buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->sheet_buttons, "linked");
  gtk_box_append (GTK_BOX (side), self->sheet_buttons);
  gtk_box_append (GTK_BOX (side), ir_review_label_new (C_("review", "What changed"),
                                                       "review-section-title"));
  self->changes = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (side), self->changes);
  gtk_box_append (GTK_BOX (box), side);

  return box;
}

static GtkWidget *
build_status (IrReviewDrawingStep *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (box, "review-status");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_box_append (GTK_BOX (box), spinner);
  self->status_label = ir_review_label_new (NULL, "review-row-title");
  gtk_label_set_xalign (GTK_LABEL (self->status_label), 0.5f);
  gtk_box_append (GTK_BOX (box), self->status_label);

  return box;
}

static void
build (IrReviewDrawingStep *self)
{
  IrReviewRevision *revision = get_revision (self);
  IrReviewStep step = { .kind = IR_REVIEW_STEP_DRAWING, .revision = self->revision };
  g_autofree char *title = ir_review_step_dup_title (self->agenda, &step);
  g_autofree char *subtitle = describe_revision (revision);
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = ir_review_heading_new (title);

  /* A drawing's title is long, and the drawing needs the height. */
  gtk_widget_add_css_class (heading, "compact");
  gtk_widget_add_css_class (page, "review-step");
  gtk_box_append (GTK_BOX (page), heading);
  gtk_box_append (GTK_BOX (page), ir_review_label_new (subtitle, "review-subtitle"));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_status (self), "status");
  gtk_stack_add_named (self->stack, build_compare (self), "compare");
  gtk_box_append (GTK_BOX (page), GTK_WIDGET (self->stack));

  adw_bin_set_child (ADW_BIN (self), page);
}

/* --- class ---------------------------------------------------------------- */

static void
ir_review_drawing_step_class_init (IrReviewDrawingStepClass *klass)
{
}

static void
ir_review_drawing_step_init (IrReviewDrawingStep *self)
{
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_review_drawing_step_new:
 * @agenda: the agenda, which must outlive the page
 * @revision: the index of the revision in the agenda
 *
 * Returns: (transfer floating): the page of one new revision
 */
GtkWidget *
ir_review_drawing_step_new (IrReviewAgenda *agenda,
                            int             revision)
{
  IrReviewDrawingStep *self = g_object_new (IR_TYPE_REVIEW_DRAWING_STEP, NULL);

  g_return_val_if_fail (revision >= 0 && (guint) revision < agenda->revisions->len, NULL);

  self->agenda = agenda;
  self->revision = revision;
  build (self);
  ir_review_drawing_step_update (self);

  return GTK_WIDGET (self);
}

/* Shows the revision's compare once it is done, or why it failed. */
void
ir_review_drawing_step_update (IrReviewDrawingStep *self)
{
  IrReviewRevision *revision;
  guint busiest = 0;

  g_return_if_fail (IR_IS_REVIEW_DRAWING_STEP (self));

  revision = get_revision (self);
  if (revision->compare_error != NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->status_label), revision->compare_error);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  if (!revision->compared)
    {
      g_autofree char *text = revision->previous_label
                              /* Translators: a new revision and the one before. */
                              ? g_strdup_printf (_("Comparing revision %s with %s…"),
                                                 revision->label, revision->previous_label)
                              : g_strdup (_("Opening the drawing…"));

      gtk_label_set_label (GTK_LABEL (self->status_label), text);
      gtk_stack_set_visible_child_name (self->stack, "status");
      return;
    }

  /* The sheet with the most changes comes first. */
  for (guint i = 1; i < revision->sheets->len; i++)
    {
      const IrReviewSheet *sheet = g_ptr_array_index (revision->sheets, i);
      const IrReviewSheet *best = g_ptr_array_index (revision->sheets, busiest);

      if (sheet->regions->len > best->regions->len)
        busiest = i;
    }

  show_sheet (self, busiest);
  add_sheet_buttons (self, busiest);
  gtk_stack_set_visible_child_name (self->stack, "compare");
}

int
ir_review_drawing_step_get_revision (IrReviewDrawingStep *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_DRAWING_STEP (self), -1);

  return self->revision;
}

/* Returns how many changed regions the page shows. */
guint
ir_review_drawing_step_get_n_regions (IrReviewDrawingStep *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_DRAWING_STEP (self), 0);

  return ir_review_compare_view_get_n_regions (self->view);
}
