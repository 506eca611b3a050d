/* ir-review-drawings.c: comparing each new revision with the one before
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A compare renders both revisions of every sheet, so it runs off the
 * main loop in the app. A job copies what it needs from the store (blob
 * paths and the drawing's ignored areas) when it is made, and touches
 * only its own PDFs while it runs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-drawing-model.h"
#include "ir-review-private.h"

/* Opacity of the unchanged ink under the changes, from 0 to 1. */
#define OVERLAY_OPACITY 0.5

typedef struct
{
  int       page;
  IrPdfRect box;
} IgnoredArea;

struct _IrReviewCompareJob
{
  char      *revision;
  char      *old_path;      /* NULL for a drawing's first revision */
  char      *old_name;
  char      *new_path;
  char      *new_name;
  GArray    *ignored;       /* IgnoredArea */
  int        max_side;
  GPtrArray *sheets;        /* IrReviewSheet*, the result */
};

/* --- making a job ---------------------------------------------------------- */

static gboolean
find_blob (IrStore     *store,
           const char  *revision,
           char       **path,
           char       **name)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, "revision", revision);
  IrBlobStore *blobs = ir_store_get_blobs (store);
  const char *blob, *filename;

  if (entity == NULL || blobs == NULL)
    return FALSE;

  blob = ir_entity_get_string (entity, "blob");
  filename = ir_entity_get_string (entity, "filename");
  *name = g_strdup (filename != NULL ? filename : blob);
  if (blob == NULL || !ir_blob_store_contains (blobs, blob))
    return FALSE;

  *path = ir_blob_store_get_path (blobs, blob);
  return TRUE;
}

static GArray *
load_ignored_areas (IrStore    *store,
                    const char *drawing)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (store, "ignore_region", "drawing",
                                                         drawing);
  GArray *areas = g_array_new (FALSE, FALSE, sizeof (IgnoredArea));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) region = g_list_model_get_item (G_LIST_MODEL (list), i);
      IgnoredArea area = { .page = (int) ir_entity_get_int (region, "page") };

      if (ir_markup_geometry_get_box (ir_entity_get_value (region, "geometry"), &area.box))
        g_array_append_val (areas, area);
    }

  return areas;
}

/**
 * ir_review_compare_job_new:
 * @store: the room
 * @revision: a revision of the agenda
 * @max_overlay_side: the longest side of each overlay image, in pixels
 *
 * Prepares the compare of @revision with the revision before it. Call it
 * on the thread that uses @store.
 *
 * Returns: (transfer full): the job
 */
IrReviewCompareJob *
ir_review_compare_job_new (IrStore          *store,
                           IrReviewRevision *revision,
                           int               max_overlay_side)
{
  IrReviewCompareJob *job = g_new0 (IrReviewCompareJob, 1);

  job->revision = g_strdup (revision->revision);
  job->max_side = MAX (max_overlay_side, 64);
  job->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_sheet_free);
  job->ignored = load_ignored_areas (store, revision->drawing);

  find_blob (store, revision->revision, &job->new_path, &job->new_name);
  if (revision->previous != NULL)
    find_blob (store, revision->previous, &job->old_path, &job->old_name);

  return job;
}

void
ir_review_compare_job_free (IrReviewCompareJob *job)
{
  if (job == NULL)
    return;

  g_free (job->revision);
  g_free (job->old_path);
  g_free (job->old_name);
  g_free (job->new_path);
  g_free (job->new_name);
  g_array_unref (job->ignored);
  g_ptr_array_unref (job->sheets);
  g_free (job);
}

/* --- running it ----------------------------------------------------------- */

static IrPdf *
open_pdf (const char    *path,
          const char    *name,
          GCancellable  *cancellable,
          GError       **error)
{
  if (path == NULL)
    {
      g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_NOT_FOUND,
                   _("The file “%s” is not on this computer yet. It downloads when the "
                     "room syncs; connect to the room’s server and try again."),
                   name ? name : "?");
      return NULL;
    }

  return ir_pdf_new_from_file (path, G_MAXUINT64, cancellable, error);
}

/* Scales @surface down so that its longer side is at most @max_side. */
static cairo_surface_t *
shrink (cairo_surface_t *surface,
        int              max_side,
        double          *factor)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  double scale = MIN (1.0, (double) max_side / MAX (width, height));
  cairo_surface_t *small;
  cairo_t *cr;

  *factor = scale;
  if (scale >= 1.0)
    return cairo_surface_reference (surface);

  small = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                      MAX (1, (int) (width * scale)),
                                      MAX (1, (int) (height * scale)));
  cr = cairo_create (small);
  cairo_scale (cr, scale, scale);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);

  return small;
}

static IrReviewSheet *
sheet_new (IrPdf *new_pdf,
           int    old_page,
           int    new_page)
{
  IrReviewSheet *sheet = g_new0 (IrReviewSheet, 1);

  sheet->old_page = old_page;
  sheet->new_page = new_page;
  ir_pdf_get_page_size (new_pdf, new_page, &sheet->width, &sheet->height);
  sheet->regions = g_array_new (FALSE, FALSE, sizeof (IrDrawingRegion));
  sheet->text_changes = g_ptr_array_new ();

  return sheet;
}

/* A page that the revision before lacks is shown as it is. */
static IrReviewSheet *
show_page (IrReviewCompareJob  *job,
           IrPdf               *new_pdf,
           int                  new_page,
           GCancellable        *cancellable,
           GError             **error)
{
  g_autoptr(IrReviewSheet) sheet = sheet_new (new_pdf, -1, new_page);
  double scale = job->max_side / MAX (sheet->width, sheet->height);
  cairo_surface_t *render = ir_pdf_render_page (new_pdf, new_page, scale, cancellable, error);

  if (render == NULL)
    return NULL;

  sheet->overlay = render;
  sheet->overlay_scale = scale;
  return g_steal_pointer (&sheet);
}

static GArray *
ignored_on_page (IrReviewCompareJob *job,
                 int                 page)
{
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (IrPdfRect));

  for (guint i = 0; i < job->ignored->len; i++)
    {
      const IgnoredArea *area = &g_array_index (job->ignored, IgnoredArea, i);

      if (area->page == page)
        g_array_append_val (rects, area->box);
    }

  return rects;
}

static IrReviewSheet *
compare_pages (IrReviewCompareJob  *job,
               IrPdf               *old_pdf,
               int                  old_page,
               IrPdf               *new_pdf,
               int                  new_page,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(IrReviewSheet) sheet = sheet_new (new_pdf, old_page, new_page);
  g_autoptr(IrDrawingCompare) compare = NULL;
  g_autoptr(GArray) ignore = ignored_on_page (job, new_page);
  IrDrawingCompareOptions options;
  cairo_surface_t *overlay;
  GPtrArray *text_changes;
  double factor;

  ir_drawing_compare_options_init (&options);
  options.ignore = ignore;
  compare = ir_drawing_compare_new_from_pages (old_pdf, old_page, new_pdf, new_page, &options,
                                               cancellable, error);
  if (compare == NULL)
    return NULL;

  g_array_unref (sheet->regions);
  sheet->regions = g_array_ref (ir_drawing_compare_get_regions (compare));
  text_changes = ir_drawing_compare_get_text_changes (compare);
  if (text_changes != NULL)
    {
      g_ptr_array_unref (sheet->text_changes);
      sheet->text_changes = g_ptr_array_ref (text_changes);
    }
  sheet->text_compared = ir_drawing_compare_get_text_compared (compare);

  overlay = ir_drawing_compare_render_overlay (compare, OVERLAY_OPACITY);
  if (cairo_surface_status (overlay) == CAIRO_STATUS_SUCCESS)
    {
      sheet->overlay = shrink (overlay, job->max_side, &factor);
      sheet->overlay_scale = ir_drawing_compare_get_scale (compare) * factor;
    }
  cairo_surface_destroy (overlay);

  return g_steal_pointer (&sheet);
}

/**
 * ir_review_compare_job_run:
 * @job: a job
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error
 *
 * Compares every page of the new revision with the page of the revision
 * before that it continues, matched by sheet number, title or order. A
 * drawing's first revision is rendered as it is. Any thread may run it.
 *
 * Returns: whether every page was compared
 */
gboolean
ir_review_compare_job_run (IrReviewCompareJob  *job,
                           GCancellable        *cancellable,
                           GError             **error)
{
  g_autoptr(IrPdf) new_pdf = open_pdf (job->new_path, job->new_name, cancellable, error);
  g_autoptr(IrPdf) old_pdf = NULL;
  g_autoptr(GArray) matches = NULL;

  if (new_pdf == NULL)
    return FALSE;

  if (job->old_name != NULL)
    {
      old_pdf = open_pdf (job->old_path, job->old_name, cancellable, error);
      if (old_pdf == NULL)
        return FALSE;
      matches = ir_drawing_match_pages (old_pdf, new_pdf);
    }

  for (int page = 0; page < ir_pdf_get_n_pages (new_pdf); page++)
    {
      IrReviewSheet *sheet;
      int old_page = -1;

      for (guint i = 0; matches != NULL && i < matches->len; i++)
        {
          const IrDrawingPageMatch *match = &g_array_index (matches, IrDrawingPageMatch, i);

          if (match->new_page == page)
            old_page = match->old_page;
        }

      if (old_page < 0)
        sheet = show_page (job, new_pdf, page, cancellable, error);
      else
        sheet = compare_pages (job, old_pdf, old_page, new_pdf, page, cancellable, error);
      if (sheet == NULL)
        return FALSE;

      g_ptr_array_add (job->sheets, sheet);
    }

  return TRUE;
}

/**
 * ir_review_compare_job_finish:
 *
 * Moves the sheets that @job compared into @revision. Call it on the
 * thread that owns the agenda.
 */
void
ir_review_compare_job_finish (IrReviewCompareJob *job,
                              IrReviewRevision   *revision)
{
  g_return_if_fail (g_strcmp0 (job->revision, revision->revision) == 0);

  g_ptr_array_set_size (revision->sheets, 0);
  g_ptr_array_extend_and_steal (revision->sheets, g_steal_pointer (&job->sheets));
  job->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_sheet_free);
  revision->compared = TRUE;
  g_clear_pointer (&revision->compare_error, g_free);
}

/**
 * ir_review_agenda_compare_drawings:
 * @agenda: an agenda
 * @store: its room
 * @max_overlay_side: the longest side of each overlay image, in pixels
 * @cancellable: (nullable): a cancellable
 * @error: return location for an error, set only when cancelled
 *
 * Compares every new revision of @agenda on this thread. A revision that
 * cannot be compared, such as one whose file has not downloaded yet, keeps
 * the reason in its compare_error and the others go on.
 *
 * Returns: %FALSE when cancelled
 */
gboolean
ir_review_agenda_compare_drawings (IrReviewAgenda  *agenda,
                                   IrStore         *store,
                                   int              max_overlay_side,
                                   GCancellable    *cancellable,
                                   GError         **error)
{
  for (guint i = 0; i < agenda->revisions->len; i++)
    {
      IrReviewRevision *revision = g_ptr_array_index (agenda->revisions, i);
      g_autoptr(IrReviewCompareJob) job = NULL;
      g_autoptr(GError) local_error = NULL;

      if (revision->compared)
        continue;

      job = ir_review_compare_job_new (store, revision, max_overlay_side);
      if (ir_review_compare_job_run (job, cancellable, &local_error))
        {
          ir_review_compare_job_finish (job, revision);
          continue;
        }

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      g_warning ("Failed to compare revision %s of “%s”: %s", revision->label,
                 revision->drawing_title, local_error->message);
      g_free (revision->compare_error);
      revision->compare_error = g_strdup (local_error->message);
    }

  return TRUE;
}
