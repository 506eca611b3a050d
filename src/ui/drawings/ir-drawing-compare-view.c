/* ir-drawing-compare-view.c: two revisions of a drawing, and what changed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening both files, matching their pages and comparing a pair run in
 * GTask threads; the main loop only swaps in results. Each start bumps a
 * generation number, so that the result of a compare that settings have
 * since replaced is dropped. The overlay (old ink red, new ink blue, the
 * rest grey) and the side-by-side views share the new revision's document
 * model, and the old view follows its zoom and scrolling. The result lists
 * are in ir-drawing-compare-view-lists.c.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawing-compare-view-private.h"
#include "ir-pdf-tiles.h"

/* The resolution pages are compared at. */
#define COMPARE_DPI 150

/* Settings are applied this long after the last change, in milliseconds. */
#define SETTINGS_DELAY 350
#define OPACITY_DELAY 80

#define MM (72 / 25.4)

G_DEFINE_FINAL_TYPE (IrDrawingCompareView, ir_drawing_compare_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- shared comparison ---------------------------------------------------- */

static void
compare_ref_clear (gpointer data)
{
  IrCompareRef *ref = data;

  g_clear_pointer (ref, ir_drawing_compare_free);
}

IrCompareRef *
ir_compare_ref_new (IrDrawingCompare *compare)
{
  IrCompareRef *ref = g_atomic_rc_box_new (IrCompareRef);

  *ref = compare;
  return ref;
}

IrCompareRef *
ir_compare_ref_acquire (IrCompareRef *ref)
{
  return g_atomic_rc_box_acquire (ref);
}

void
ir_compare_ref_release (IrCompareRef *ref)
{
  g_atomic_rc_box_release_full (ref, compare_ref_clear);
}

/* --- busy state ----------------------------------------------------------- */

static void
set_busy (IrDrawingCompareView *self,
          gboolean              busy)
{
  self->busy = busy;
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
}

/* Cancels the job in progress and returns the generation of the next. */
static guint
next_generation (IrDrawingCompareView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  return ++self->generation;
}

static void
show_failure (IrDrawingCompareView *self,
              const GError         *error)
{
  g_autofree char *text = NULL;

  g_warning ("Failed to compare drawing %s: %s", self->drawing, error->message);
  /* Translators: why two revisions could not be compared. */
  text = g_strdup_printf (_("The revisions could not be compared: %s"), error->message);
  gtk_label_set_label (self->summary_label, text);
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

/* --- opening both files --------------------------------------------------- */

typedef struct
{
  guint        generation;
  IrBlobStore *blobs;
  char        *blobs_of[2];
  char        *names[2];
  IrPdf       *pdfs[2];
  GArray      *pairs;
} PrepareJob;

static void
prepare_job_free (PrepareJob *job)
{
  g_clear_object (&job->blobs);
  for (int i = 0; i < 2; i++)
    {
      g_free (job->blobs_of[i]);
      g_free (job->names[i]);
      g_clear_object (&job->pdfs[i]);
    }
  g_clear_pointer (&job->pairs, g_array_unref);
  g_free (job);
}

static void
prepare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareJob *job = task_data;

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(GBytes) bytes = NULL;
      GError *error = NULL;

      if (job->blobs_of[i] == NULL || !ir_blob_store_contains (job->blobs, job->blobs_of[i]))
        {
          g_task_return_new_error (task, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_NO_BLOBS,
                                   _("The file “%s” is not on this computer yet. It downloads "
                                     "when the room syncs; connect to the room’s server and "
                                     "try again."), job->names[i]);
          return;
        }

      bytes = ir_blob_store_load (job->blobs, job->blobs_of[i], &error);
      if (bytes != NULL)
        job->pdfs[i] = ir_pdf_new_from_bytes (bytes, job->names[i], G_MAXUINT64, &error);
      if (job->pdfs[i] == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }

  job->pairs = ir_drawing_match_pages (job->pdfs[0], job->pdfs[1]);
  g_task_return_boolean (task, TRUE);
}

static void
fill_pairs (IrDrawingCompareView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint first = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < self->pairs->len; i++)
    {
      const IrDrawingPageMatch *match = &g_array_index (self->pairs, IrDrawingPageMatch, i);
      g_autofree char *label = NULL;

      if (match->old_page >= 0 && match->new_page >= 0)
        /* Translators: a pair of matched pages of the two revisions. */
        label = g_strdup_printf (_("Page %d ↔ %d"), match->old_page + 1, match->new_page + 1);
      else if (match->new_page >= 0)
        /* Translators: a page only the new revision has. */
        label = g_strdup_printf (_("Page %d (new)"), match->new_page + 1);
      else
        /* Translators: a page only the old revision has. */
        label = g_strdup_printf (_("Page %d (removed)"), match->old_page + 1);
      gtk_string_list_append (labels, label);

      if (!found && match->old_page >= 0 && match->new_page >= 0)
        {
          first = i;
          found = TRUE;
        }
    }

  self->populating = TRUE;
  gtk_drop_down_set_model (self->pair_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->pair_dropdown, first);
  gtk_widget_set_visible (GTK_WIDGET (self->pair_dropdown), self->pairs->len > 1);
  self->populating = FALSE;
}

static void
choose_pair (IrDrawingCompareView *self,
             guint                 index)
{
  const IrDrawingPageMatch *match;

  if (self->pairs == NULL || index >= self->pairs->len)
    return;

  match = &g_array_index (self->pairs, IrDrawingPageMatch, index);
  self->old_page = match->old_page >= 0 ? match->old_page : 0;
  self->new_page = match->new_page >= 0 ? match->new_page : 0;
  ir_pdf_document_model_set_page (self->old_model, self->old_page);
  ir_pdf_document_model_set_page (self->new_model, self->new_page);
}

static void
prepare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IrDrawingCompareView *self = IR_DRAWING_COMPARE_VIEW (source);
  PrepareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->generation == self->generation &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      return;
    }

  if (job->generation != self->generation)
    return;

  g_set_object (&self->old_pdf, job->pdfs[0]);
  g_set_object (&self->new_pdf, job->pdfs[1]);
  g_clear_pointer (&self->pairs, g_array_unref);
  self->pairs = g_steal_pointer (&job->pairs);

  ir_pdf_document_model_set_document (self->old_model, self->old_pdf, NULL);
  ir_pdf_document_model_set_document (self->new_model, self->new_pdf, NULL);
  ir_pdf_document_model_set_sizing_mode (self->new_model, IR_PDF_SIZING_FIT_PAGE);
  fill_pairs (self);
  choose_pair (self, gtk_drop_down_get_selected (self->pair_dropdown));
  ir_drawing_compare_view_show_markups (self);
  ir_drawing_compare_view_start_compare (self);
}

static IrRevisionInfo *
get_revision_info (IrDrawingCompareView *self,
                   const char           *revision)
{
  return self->revisions ? ir_drawing_find_revision (self->revisions, revision) : NULL;
}

static void
start_prepare (IrDrawingCompareView *self)
{
  IrRevisionInfo *revisions[2] = {
    get_revision_info (self, self->old_revision),
    get_revision_info (self, self->new_revision),
  };
  g_autoptr(GTask) task = NULL;
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;
  PrepareJob *job;

  if (revisions[0] == NULL || revisions[1] == NULL)
    return;

  /* Translators: a legend entry: ink only the old revision %s has. */
  old_text = g_strdup_printf (_("■ Only in %s"), revisions[0]->label);
  /* Translators: a legend entry: ink only the new revision %s has. */
  new_text = g_strdup_printf (_("■ Only in %s"), revisions[1]->label);
  gtk_label_set_label (self->legend_removed, old_text);
  gtk_label_set_label (self->legend_added, new_text);
  g_free (old_text);
  g_free (new_text);
  /* Translators: the caption over a revision in the side-by-side compare. */
  old_text = g_strdup_printf (_("Revision %s"), revisions[0]->label);
  new_text = g_strdup_printf (_("Revision %s"), revisions[1]->label);
  gtk_label_set_label (self->old_caption, old_text);
  gtk_label_set_label (self->new_caption, new_text);

  job = g_new0 (PrepareJob, 1);
  job->generation = next_generation (self);
  job->blobs = g_object_ref (ir_store_get_blobs (self->store));
  for (int i = 0; i < 2; i++)
    {
      const char *filename = ir_entity_get_string (revisions[i]->entity, "filename");

      job->blobs_of[i] = g_strdup (ir_entity_get_string (revisions[i]->entity, "blob"));
      job->names[i] = g_strdup (filename ? filename : revisions[i]->label);
    }

  gtk_label_set_label (self->summary_label, _("Comparing…"));
  task = g_task_new (self, self->cancellable, prepare_done_cb, NULL);
  g_task_set_source_tag (task, start_prepare);
  g_task_set_task_data (task, job, (GDestroyNotify) prepare_job_free);
  g_task_run_in_thread (task, prepare_thread);
}

/* --- comparing a pair of pages -------------------------------------------- */

typedef struct
{
  guint                    generation;
  IrPdf                   *old_pdf;
  IrPdf                   *new_pdf;
  int                      old_page;
  int                      new_page;
  IrDrawingCompareOptions  options;
  double                   opacity;
  IrCompareRef            *compare;
  GdkTexture              *overlay;
} CompareJob;

static void
compare_job_free (CompareJob *job)
{
  g_clear_object (&job->old_pdf);
  g_clear_object (&job->new_pdf);
  g_clear_pointer (&job->options.ignore, g_array_unref);
  g_clear_pointer (&job->compare, ir_compare_ref_release);
  g_clear_object (&job->overlay);
  g_free (job);
}

static GdkTexture *
render_overlay (IrDrawingCompare *compare,
                double            opacity,
                GError          **error)
{
  cairo_surface_t *surface = ir_drawing_compare_render_overlay (compare, opacity);
  GdkTexture *texture = NULL;

  if (cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS)
    texture = ir_pdf_texture_new_for_surface (surface);
  else
    g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_RENDER,
                 _("Could not draw the overlay: %s. Close other drawings and try again."),
                 cairo_status_to_string (cairo_surface_status (surface)));
  cairo_surface_destroy (surface);

  return texture;
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CompareJob *job = task_data;
  IrDrawingCompare *compare;
  GError *error = NULL;

  if (job->compare == NULL)
    {
      compare = ir_drawing_compare_new_from_pages (job->old_pdf, job->old_page, job->new_pdf,
                                                   job->new_page, &job->options, cancellable,
                                                   &error);
      if (compare == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->compare = ir_compare_ref_new (compare);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  job->overlay = render_overlay (*job->compare, job->opacity, &error);
  if (job->overlay == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
compare_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  IrDrawingCompareView *self = IR_DRAWING_COMPARE_VIEW (source);
  CompareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  double offset_x, offset_y;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (job->generation == self->generation &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failure (self, error);
      return;
    }

  if (job->generation != self->generation)
    return;

  if (self->compare != job->compare)
    {
      g_clear_pointer (&self->compare, ir_compare_ref_release);
      self->compare = ir_compare_ref_acquire (job->compare);
      self->selected_region = -1;
    }
  ir_pdf_view_set_page_texture (IR_PDF_VIEW (self->overlay_view), job->overlay);

  /* Show the offset that automatic alignment found. */
  if (gtk_switch_get_active (self->align_switch))
    {
      ir_drawing_compare_get_offset (*self->compare, &offset_x, &offset_y);
      self->populating = TRUE;
      gtk_spin_button_set_value (self->offset_x_spin, offset_x / MM);
      gtk_spin_button_set_value (self->offset_y_spin, offset_y / MM);
      self->populating = FALSE;
    }

  set_busy (self, FALSE);
  ir_drawing_compare_view_show_results (self);
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

static CompareJob *
compare_job_new (IrDrawingCompareView *self)
{
  CompareJob *job = g_new0 (CompareJob, 1);

  job->generation = next_generation (self);
  job->opacity = gtk_adjustment_get_value (self->opacity_adjustment);

  return job;
}

static void
run_compare_job (IrDrawingCompareView *self,
                 CompareJob           *job)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, compare_done_cb, NULL);

  g_task_set_source_tag (task, run_compare_job);
  g_task_set_task_data (task, job, (GDestroyNotify) compare_job_free);
  g_task_run_in_thread (task, compare_thread);
}

/* Compares the chosen pair of pages with the settings shown. */
void
ir_drawing_compare_view_start_compare (IrDrawingCompareView *self)
{
  CompareJob *job;

  g_clear_handle_id (&self->settings_id, g_source_remove);
  if (self->old_pdf == NULL || self->new_pdf == NULL)
    return;

  job = compare_job_new (self);
  job->old_pdf = g_object_ref (self->old_pdf);
  job->new_pdf = g_object_ref (self->new_pdf);
  job->old_page = self->old_page;
  job->new_page = self->new_page;

  ir_drawing_compare_options_init (&job->options);
  job->options.dpi = COMPARE_DPI;
  job->options.tolerance = gtk_spin_button_get_value_as_int (self->tolerance_spin);
  job->options.auto_align = gtk_switch_get_active (self->align_switch);
  job->options.offset_x = gtk_spin_button_get_value (self->offset_x_spin) * MM;
  job->options.offset_y = gtk_spin_button_get_value (self->offset_y_spin) * MM;
  g_clear_pointer (&self->ignore_signature, g_free);
  job->options.ignore = ir_drawing_compare_view_get_ignored (self, &self->ignore_signature);

  gtk_label_set_label (self->summary_label, _("Comparing…"));
  run_compare_job (self, job);
}

/* --- callbacks ------------------------------------------------------------ */

static gboolean
settings_timeout_cb (gpointer data)
{
  IrDrawingCompareView *self = data;

  self->settings_id = 0;
  ir_drawing_compare_view_start_compare (self);

  return G_SOURCE_REMOVE;
}

static void
settings_changed_cb (IrDrawingCompareView *self)
{
  gboolean aligned = gtk_switch_get_active (self->align_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->offset_x_spin), !aligned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offset_y_spin), !aligned);
  if (self->populating)
    return;

  g_clear_handle_id (&self->settings_id, g_source_remove);
  self->settings_id = g_timeout_add (SETTINGS_DELAY, settings_timeout_cb, self);
}

static gboolean
opacity_timeout_cb (gpointer data)
{
  IrDrawingCompareView *self = data;
  CompareJob *job;

  self->opacity_id = 0;
  if (self->compare == NULL)
    return G_SOURCE_REMOVE;

  /* Only the overlay is drawn again; the comparison stays. */
  job = compare_job_new (self);
  job->compare = ir_compare_ref_acquire (self->compare);
  run_compare_job (self, job);

  return G_SOURCE_REMOVE;
}

static void
opacity_changed_cb (IrDrawingCompareView *self)
{
  g_clear_handle_id (&self->opacity_id, g_source_remove);
  self->opacity_id = g_timeout_add (OPACITY_DELAY, opacity_timeout_cb, self);
}

static void
revision_chosen_cb (IrDrawingCompareView *self,
                    GParamSpec           *pspec,
                    GtkDropDown          *dropdown)
{
  guint old_index = gtk_drop_down_get_selected (self->old_dropdown);
  guint new_index = gtk_drop_down_get_selected (self->new_dropdown);

  if (self->populating || self->revisions == NULL ||
      old_index >= self->revisions->len || new_index >= self->revisions->len)
    return;

  g_free (self->old_revision);
  g_free (self->new_revision);
  self->old_revision = g_strdup (ir_entity_get_id (((IrRevisionInfo *) self->revisions->pdata[old_index])->entity));
  self->new_revision = g_strdup (ir_entity_get_id (((IrRevisionInfo *) self->revisions->pdata[new_index])->entity));
  start_prepare (self);
}

static void
pair_chosen_cb (IrDrawingCompareView *self,
                GParamSpec           *pspec,
                GtkDropDown          *dropdown)
{
  if (self->populating)
    return;

  choose_pair (self, gtk_drop_down_get_selected (dropdown));
  ir_drawing_compare_view_start_compare (self);
}

static void
mode_toggled_cb (IrDrawingCompareView *self,
                 GtkToggleButton      *button)
{
  gboolean side = gtk_toggle_button_get_active (self->side_button);

  gtk_stack_set_visible_child_name (self->mode_stack, side ? "side" : "overlay");
  gtk_widget_set_visible (self->opacity_box, !side);
}

static void
back_clicked_cb (IrDrawingCompareView *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
fit_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrDrawingCompareView *self = IR_DRAWING_COMPARE_VIEW (widget);

  ir_pdf_document_model_set_sizing_mode (self->new_model, IR_PDF_SIZING_FIT_PAGE);
}

static void
snapshot_overlay_cb (IrPdfView            *view,
                     GtkSnapshot          *snapshot,
                     IrDrawingCompareView *self)
{
  ir_drawing_compare_view_snapshot_regions (self, view, snapshot);
}

/* --- GObject -------------------------------------------------------------- */

static GtkWidget *
add_view (IrDrawingCompareView *self,
          GtkScrolledWindow    *scroller,
          IrPdfDocumentModel   *model,
          const char           *name)
{
  GtkWidget *view = ir_pdf_view_new (model);

  gtk_widget_set_name (view, name);
  ir_pdf_view_set_pan_with_primary (IR_PDF_VIEW (view), TRUE);
  gtk_scrolled_window_set_child (scroller, view);
  g_signal_connect_object (view, "snapshot-overlay", G_CALLBACK (snapshot_overlay_cb), self, 0);

  return view;
}

static void
ir_drawing_compare_view_dispose (GObject *object)
{
  IrDrawingCompareView *self = IR_DRAWING_COMPARE_VIEW (object);

  ir_drawing_compare_view_close (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_DRAWING_COMPARE_VIEW);
  g_clear_object (&self->old_model);
  g_clear_object (&self->new_model);

  G_OBJECT_CLASS (ir_drawing_compare_view_parent_class)->dispose (object);
}

static void
ir_drawing_compare_view_class_init (IrDrawingCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_drawing_compare_view_dispose;

  /**
   * IrDrawingCompareView::closed:
   *
   * Emitted when the user goes back to the drawing.
   */
  signals[SIGNAL_CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IrDrawingCompareView::finished:
   *
   * Emitted when a comparison finished or failed.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-drawing-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, root_box);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, back_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, old_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, new_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, pair_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, opacity_box);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, opacity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, overlay_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, side_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, overlay_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, old_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, new_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, old_caption);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, new_caption);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, legend_removed);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, legend_added);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, regions_list);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, text_heading);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, text_list);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, markups_heading);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, markups_list);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, tolerance_spin);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, align_switch);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, offset_x_spin);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, offset_y_spin);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, ignore_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, ignore_list);

  gtk_widget_class_install_action (widget_class, "compare.fit", NULL, fit_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_drawing_compare_view_init (IrDrawingCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_region = -1;
  self->old_model = ir_pdf_document_model_new ();
  self->new_model = ir_pdf_document_model_new ();
  self->overlay_view = add_view (self, self->overlay_scroller, self->new_model, "compare-overlay-view");
  self->old_view = add_view (self, self->old_scroller, self->old_model, "compare-old-view");
  self->new_view = add_view (self, self->new_scroller, self->new_model, "compare-new-view");

  /* The old page follows the new one's zoom and scrolling. */
  g_object_bind_property (self->new_model, "zoom", self->old_model, "zoom",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->new_model, "sizing-mode", self->old_model, "sizing-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (gtk_scrolled_window_get_hadjustment (self->new_scroller), "value",
                          gtk_scrolled_window_get_hadjustment (self->old_scroller), "value",
                          G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (gtk_scrolled_window_get_vadjustment (self->new_scroller), "value",
                          gtk_scrolled_window_get_vadjustment (self->old_scroller), "value",
                          G_BINDING_BIDIRECTIONAL);

  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->old_dropdown, "notify::selected",
                           G_CALLBACK (revision_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_dropdown, "notify::selected",
                           G_CALLBACK (revision_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pair_dropdown, "notify::selected",
                           G_CALLBACK (pair_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_button, "toggled", G_CALLBACK (mode_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->opacity_adjustment, "value-changed",
                           G_CALLBACK (opacity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tolerance_spin, "value-changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offset_x_spin, "value-changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offset_y_spin, "value-changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->align_switch, "notify::active",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  ir_drawing_compare_view_init_lists (self);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_drawing_compare_view_open:
 * @self: the view
 * @store: the room
 * @drawing: the drawing whose revisions to compare
 * @old_revision: the earlier revision
 * @new_revision: the later revision
 *
 * Opens both revisions and compares their first matched pair of pages in
 * the background; ::finished follows.
 */
void
ir_drawing_compare_view_open (IrDrawingCompareView *self,
                              IrStore              *store,
                              const char           *drawing,
                              const char           *old_revision,
                              const char           *new_revision)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  IrRevisionInfo *old_info, *new_info;

  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));
  g_return_if_fail (IR_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->drawing);
  self->drawing = g_strdup (drawing);
  g_free (self->old_revision);
  self->old_revision = g_strdup (old_revision);
  g_free (self->new_revision);
  self->new_revision = g_strdup (new_revision);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  self->revisions = ir_drawing_list_revisions (store, drawing);

  for (guint i = 0; i < self->revisions->len; i++)
    {
      IrRevisionInfo *info = g_ptr_array_index (self->revisions, i);
      g_autofree char *label = g_strdup_printf (_("Revision %s"), info->label);

      gtk_string_list_append (labels, label);
    }

  old_info = get_revision_info (self, old_revision);
  new_info = get_revision_info (self, new_revision);
  self->populating = TRUE;
  gtk_drop_down_set_model (self->old_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->new_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->old_dropdown, old_info ? old_info->index : 0);
  gtk_drop_down_set_selected (self->new_dropdown, new_info ? new_info->index : 0);
  self->populating = FALSE;

  g_clear_pointer (&self->compare, ir_compare_ref_release);
  ir_pdf_view_set_page_texture (IR_PDF_VIEW (self->overlay_view), NULL);
  ir_drawing_compare_view_show_results (self);
  start_prepare (self);
}

/* Stops any compare and lets go of the room. */
void
ir_drawing_compare_view_close (IrDrawingCompareView *self)
{
  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->busy = FALSE;
  g_clear_handle_id (&self->settings_id, g_source_remove);
  g_clear_handle_id (&self->opacity_id, g_source_remove);
  g_clear_pointer (&self->compare, ir_compare_ref_release);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_pointer (&self->drawing, g_free);
  g_clear_pointer (&self->old_revision, g_free);
  g_clear_pointer (&self->new_revision, g_free);
  g_clear_pointer (&self->ignore_signature, g_free);
  g_clear_object (&self->old_pdf);
  g_clear_object (&self->new_pdf);
  g_clear_object (&self->store);
  if (self->old_model != NULL)
    ir_pdf_document_model_set_document (self->old_model, NULL, NULL);
  if (self->new_model != NULL)
    ir_pdf_document_model_set_document (self->new_model, NULL, NULL);
  if (self->overlay_view != NULL)
    ir_pdf_view_set_page_texture (IR_PDF_VIEW (self->overlay_view), NULL);
}

/* Follows changes of the room: new markups and ignore regions. */
void
ir_drawing_compare_view_refresh (IrDrawingCompareView *self)
{
  g_autoptr(GArray) ignored = NULL;
  g_autofree char *signature = NULL;

  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  if (self->store == NULL)
    return;

  ir_drawing_compare_view_show_markups (self);
  ir_drawing_compare_view_show_ignored (self);

  ignored = ir_drawing_compare_view_get_ignored (self, &signature);
  if (self->old_pdf != NULL && g_strcmp0 (signature, self->ignore_signature) != 0)
    ir_drawing_compare_view_start_compare (self);
}

void
ir_drawing_compare_view_set_side_by_side (IrDrawingCompareView *self,
                                          gboolean              side_by_side)
{
  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  gtk_toggle_button_set_active (side_by_side ? self->side_button : self->overlay_button, TRUE);
}

/* Whether a compare is running. */
gboolean
ir_drawing_compare_view_is_busy (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), FALSE);

  return self->busy;
}

guint
ir_drawing_compare_view_get_n_regions (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), 0);

  return self->compare ? ir_drawing_compare_get_regions (*self->compare)->len : 0;
}

guint
ir_drawing_compare_view_get_n_text_changes (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), 0);

  return self->compare ? ir_drawing_compare_get_text_changes (*self->compare)->len : 0;
}

/* Whether the pages' text layers were compared, which needs both. */
gboolean
ir_drawing_compare_view_get_text_compared (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), FALSE);

  return self->compare && ir_drawing_compare_get_text_compared (*self->compare);
}
