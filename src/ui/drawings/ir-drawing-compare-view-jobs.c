/* ir-drawing-compare-view-jobs.c: opening, matching and comparing in threads
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening both files, matching their pages and comparing a pair run in
 * GTask threads, and the main loop only swaps in results. Each start bumps
 * a generation number, so that the result of a compare that settings have
 * since replaced is dropped.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawing-compare-view-private.h"
#include "ir-pdf-tiles.h"

/* The resolution pages are compared at. */
#define COMPARE_DPI 150

#define MM (72 / 25.4)

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
  ir_drawing_compare_view_emit_finished (self);
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

void
ir_drawing_compare_view_choose_pair (IrDrawingCompareView *self,
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
  ir_drawing_compare_view_choose_pair (self, gtk_drop_down_get_selected (self->pair_dropdown));
  ir_drawing_compare_view_show_markups (self);
  ir_drawing_compare_view_start_compare (self);
}

static IrRevisionInfo *
get_revision_info (IrDrawingCompareView *self,
                   const char           *revision)
{
  return self->revisions ? ir_drawing_find_revision (self->revisions, revision) : NULL;
}

/* Opens both revisions' files and matches their pages, then compares. */
void
ir_drawing_compare_view_start_prepare (IrDrawingCompareView *self)
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
  g_task_set_source_tag (task, ir_drawing_compare_view_start_prepare);
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
  ir_drawing_compare_view_emit_finished (self);
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

/* Draws the overlay again at the opacity shown; the comparison stays. */
void
ir_drawing_compare_view_redraw_overlay (IrDrawingCompareView *self)
{
  CompareJob *job;

  if (self->compare == NULL)
    return;

  job = compare_job_new (self);
  job->compare = ir_compare_ref_acquire (self->compare);
  run_compare_job (self, job);
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
