/* ir-pdf-tiles.c: rendering drawings in tiles off the main thread, cached
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One tile renders at a time in a GTask thread: ir-pdf serialises every
 * call into poppler behind one lock, so a second worker would only wait.
 * Each request replaces the queue with what the view needs now, nearest
 * first, so that a fast pan does not leave a backlog of tiles scrolled
 * past. Tiles are kept by least recent use within a memory budget, never
 * dropping one that the frame being drawn uses.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-pdf-tiles.h"

typedef struct
{
  GdkTexture *texture;
  gsize       bytes;
  guint64     used;      /* the frame that drew it last */
} Tile;

struct _IrPdfTiles
{
  GObject       parent_instance;

  IrPdf        *document;
  GHashTable   *tiles;    /* IrPdfTileKey* → Tile* */
  gsize         budget;
  gsize         bytes;
  guint64       frame;

  GArray       *queue;    /* IrPdfTileKey, next first */
  gboolean      running;
  IrPdfTileKey  running_key;
  GCancellable *cancellable;
  guint         n_rendered;
};

G_DEFINE_FINAL_TYPE (IrPdfTiles, ir_pdf_tiles, G_TYPE_OBJECT)

enum {
  SIGNAL_TILE_READY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- keys ----------------------------------------------------------------- */

static guint
key_hash (gconstpointer data)
{
  const IrPdfTileKey *key = data;

  return ((guint) key->page * 7919u) ^ ((guint) key->level * 104729u) ^
         ((guint) key->column * 31u) ^ (guint) key->row;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const IrPdfTileKey *ka = a, *kb = b;

  return ka->page == kb->page && ka->level == kb->level &&
         ka->column == kb->column && ka->row == kb->row;
}

static void
tile_free (Tile *tile)
{
  g_clear_object (&tile->texture);
  g_free (tile);
}

/* Returns the scale level whose renders are at least as sharp as @scale. */
int
ir_pdf_tiles_level_for_scale (double scale)
{
  return (int) ceil (4 * log2 (MAX (scale, 1e-3)) - 1e-6);
}

double
ir_pdf_tiles_level_scale (int level)
{
  return exp2 (level / 4.0);
}

static double
key_scale (const IrPdfTileKey *key,
           double              page_width,
           double              page_height)
{
  if (key->column < 0)
    return key->row / MAX (page_width, page_height);

  return ir_pdf_tiles_level_scale (key->level);
}

/* Returns the part of the page that @key covers, in points. */
IrPdfRect
ir_pdf_tiles_get_area (const IrPdfTileKey *key,
                       double              page_width,
                       double              page_height)
{
  double side = IR_PDF_TILE_SIZE / ir_pdf_tiles_level_scale (key->level);
  IrPdfRect area = { 0, 0, page_width, page_height };

  if (key->column < 0)
    return area;

  area.x = key->column * side;
  area.y = key->row * side;
  area.width = MIN (side, page_width - area.x);
  area.height = MIN (side, page_height - area.y);

  return area;
}

/* --- rendering ------------------------------------------------------------ */

typedef struct
{
  IrPdf        *document;
  IrPdfTileKey  key;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->document);
  g_free (job);
}

/* Wraps an ARGB32 image surface in a texture without copying its pixels.
 * May be called from any thread. */
GdkTexture *
ir_pdf_texture_new_for_surface (cairo_surface_t *surface)
{
  g_autoptr(GBytes) bytes = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);

  /* The bytes keep the surface, so no copy is made. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      cairo_surface_reference (surface));

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

static void
render_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError *error = NULL;
  cairo_surface_t *surface;
  double width, height;
  IrPdfRect area;

  if (!ir_pdf_get_page_size (job->document, job->key.page, &width, &height))
    {
      g_task_return_new_error (task, IR_PDF_ERROR, IR_PDF_ERROR_PAGE,
                               "Page %d has no size", job->key.page + 1);
      return;
    }

  area = ir_pdf_tiles_get_area (&job->key, width, height);
  surface = ir_pdf_render_region (job->document, job->key.page,
                                  key_scale (&job->key, width, height), &area,
                                  cancellable, &error);
  if (surface == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, ir_pdf_texture_new_for_surface (surface), g_object_unref);
  cairo_surface_destroy (surface);
}

static void start_next (IrPdfTiles *self);

static void
evict (IrPdfTiles *self)
{
  while (self->bytes > self->budget)
    {
      GHashTableIter iter;
      gpointer key, value;
      IrPdfTileKey *oldest_key = NULL;
      Tile *oldest = NULL;

      g_hash_table_iter_init (&iter, self->tiles);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          Tile *tile = value;

          /* Whole-page pictures are small and stand in for missing tiles. */
          if (((IrPdfTileKey *) key)->column < 0 || tile->used >= self->frame)
            continue;
          if (oldest == NULL || tile->used < oldest->used)
            {
              oldest = tile;
              oldest_key = key;
            }
        }

      if (oldest == NULL)
        return;

      self->bytes -= oldest->bytes;
      g_hash_table_remove (self->tiles, oldest_key);
    }
}

static void
render_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  IrPdfTiles *self = IR_PDF_TILES (source);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  self->running = FALSE;

  /* The cache was disposed while the tile rendered. */
  if (self->tiles == NULL)
    return;

  if (texture != NULL && job->document == self->document)
    {
      Tile *tile = g_new0 (Tile, 1);

      tile->texture = g_steal_pointer (&texture);
      tile->bytes = (gsize) gdk_texture_get_width (tile->texture) *
                    gdk_texture_get_height (tile->texture) * 4;
      tile->used = self->frame;
      self->bytes += tile->bytes;
      self->n_rendered++;
      g_hash_table_replace (self->tiles, g_memdup2 (&job->key, sizeof job->key), tile);
      evict (self);
      g_signal_emit (self, signals[SIGNAL_TILE_READY], 0, job->key.page);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Failed to render page %d of “%s”: %s", job->key.page + 1,
               ir_pdf_get_name (job->document), error->message);

  start_next (self);
}

static void
start_next (IrPdfTiles *self)
{
  g_autoptr(GTask) task = NULL;
  RenderJob *job;

  if (self->running || self->document == NULL || self->queue->len == 0)
    return;

  job = g_new0 (RenderJob, 1);
  job->document = g_object_ref (self->document);
  job->key = g_array_index (self->queue, IrPdfTileKey, 0);
  g_array_remove_index (self->queue, 0);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = TRUE;
  self->running_key = job->key;

  task = g_task_new (self, self->cancellable, render_done_cb, NULL);
  g_task_set_source_tag (task, start_next);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_pdf_tiles_dispose (GObject *object)
{
  IrPdfTiles *self = IR_PDF_TILES (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->document);
  g_clear_pointer (&self->tiles, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_array_unref);

  G_OBJECT_CLASS (ir_pdf_tiles_parent_class)->dispose (object);
}

static void
ir_pdf_tiles_class_init (IrPdfTilesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_pdf_tiles_dispose;

  /**
   * IrPdfTiles::tile-ready:
   * @page: the page the tile belongs to
   *
   * Emitted on the main thread when a requested tile was rendered.
   */
  signals[SIGNAL_TILE_READY] =
    g_signal_new ("tile-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
ir_pdf_tiles_init (IrPdfTiles *self)
{
  self->tiles = g_hash_table_new_full (key_hash, key_equal, g_free, (GDestroyNotify) tile_free);
  self->queue = g_array_new (FALSE, FALSE, sizeof (IrPdfTileKey));
  self->frame = 1;
}

/* --- public API ----------------------------------------------------------- */

/* Returns a tile cache that keeps up to @budget_bytes of rendered pixels,
 * beyond those of the frame being drawn. */
IrPdfTiles *
ir_pdf_tiles_new (gsize budget_bytes)
{
  IrPdfTiles *self = g_object_new (IR_TYPE_PDF_TILES, NULL);

  self->budget = budget_bytes;
  return self;
}

/* Drops every tile and pending render, and renders @document from now on. */
void
ir_pdf_tiles_set_document (IrPdfTiles *self,
                           IrPdf      *document)
{
  g_return_if_fail (IR_IS_PDF_TILES (self));

  if (self->document == document)
    return;

  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->document, document);
  g_hash_table_remove_all (self->tiles);
  g_array_set_size (self->queue, 0);
  self->bytes = 0;
}

/* Starts a frame: tiles looked up from now on stay until the next frame. */
void
ir_pdf_tiles_begin_frame (IrPdfTiles *self)
{
  g_return_if_fail (IR_IS_PDF_TILES (self));

  self->frame++;
}

/* Returns the rendered tile, or %NULL when it is not rendered yet. */
GdkTexture *
ir_pdf_tiles_lookup (IrPdfTiles         *self,
                     const IrPdfTileKey *key)
{
  Tile *tile;

  g_return_val_if_fail (IR_IS_PDF_TILES (self), NULL);

  tile = g_hash_table_lookup (self->tiles, key);
  if (tile == NULL)
    return NULL;

  tile->used = self->frame;
  return tile->texture;
}

/**
 * ir_pdf_tiles_request:
 * @self: the cache
 * @keys: (element-type IrPdfTileKey): the tiles wanted, the most urgent
 *   first
 *
 * Replaces the render queue with those of @keys that are neither cached
 * nor rendering. ::tile-ready follows as each is done.
 */
void
ir_pdf_tiles_request (IrPdfTiles *self,
                      GArray     *keys)
{
  gboolean running_wanted = FALSE;

  g_return_if_fail (IR_IS_PDF_TILES (self));

  g_array_set_size (self->queue, 0);
  for (guint i = 0; i < keys->len; i++)
    {
      const IrPdfTileKey *key = &g_array_index (keys, IrPdfTileKey, i);

      if (self->running && key_equal (key, &self->running_key))
        {
          running_wanted = TRUE;
          continue;
        }
      if (!g_hash_table_contains (self->tiles, key))
        g_array_append_val (self->queue, *key);
    }

  /* A render not yet started is dropped when it is no longer wanted. */
  if (self->running && !running_wanted)
    g_cancellable_cancel (self->cancellable);

  start_next (self);
}

/* Whether a render is running or queued. */
gboolean
ir_pdf_tiles_is_busy (IrPdfTiles *self)
{
  g_return_val_if_fail (IR_IS_PDF_TILES (self), FALSE);

  return self->running || self->queue->len > 0;
}

/* Returns how many tiles were rendered since the cache was made. */
guint
ir_pdf_tiles_get_n_rendered (IrPdfTiles *self)
{
  g_return_val_if_fail (IR_IS_PDF_TILES (self), 0);

  return self->n_rendered;
}
