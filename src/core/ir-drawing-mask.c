/* ir-drawing-mask.c: packed one-bit ink masks for comparing renders
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-drawing-mask.h"

/* NOTE: a guess, since only 2-core machines were measured: the work per row
 * is small, so more threads would mostly add start-up cost. */
#define MAX_THREADS 4

/* ------------------------------------------------------------------------ */
/* Threads                                                                  */
/* ------------------------------------------------------------------------ */

typedef struct
{
  void     (*func) (gpointer data,
                    int      first,
                    int      last);
  gpointer   data;
  int        first;
  int        last;
} Chunk;

static gpointer
run_chunk (gpointer data)
{
  Chunk *chunk = data;

  chunk->func (chunk->data, chunk->first, chunk->last);

  return NULL;
}

/* Calls @func on consecutive ranges [first, last) that cover [0, @n_items),
 * one per processor, and returns when all are done. */
void
ir_drawing_run_parallel (void     (*func) (gpointer data,
                                           int      first,
                                           int      last),
                         gpointer   data,
                         int        n_items)
{
  int n_threads = CLAMP ((int) g_get_num_processors (), 1, MAX_THREADS);
  Chunk chunks[MAX_THREADS];
  GThread *threads[MAX_THREADS] = { NULL };

  n_threads = MIN (n_threads, MAX (n_items / 16, 1));

  for (int i = 0; i < n_threads; i++)
    {
      chunks[i].func = func;
      chunks[i].data = data;
      chunks[i].first = (int) ((gint64) n_items * i / n_threads);
      chunks[i].last = (int) ((gint64) n_items * (i + 1) / n_threads);
    }

  for (int i = 1; i < n_threads; i++)
    threads[i] = g_thread_new ("ir-compare", run_chunk, &chunks[i]);

  run_chunk (&chunks[0]);

  for (int i = 1; i < n_threads; i++)
    g_thread_join (threads[i]);
}

/* ------------------------------------------------------------------------ */
/* Masks                                                                    */
/* ------------------------------------------------------------------------ */

IrDrawingMask *
ir_drawing_mask_new (int width,
                     int height)
{
  IrDrawingMask *mask = g_new0 (IrDrawingMask, 1);

  mask->width = MAX (width, 0);
  mask->height = MAX (height, 0);
  mask->stride = (mask->width + 63) / 64;
  mask->bits = g_new0 (guint64, (gsize) mask->stride * mask->height + 1);

  return mask;
}

void
ir_drawing_mask_free (IrDrawingMask *mask)
{
  if (mask == NULL)
    return;

  g_free (mask->bits);
  g_free (mask);
}

static inline guint64
tail_mask (const IrDrawingMask *mask)
{
  int used = mask->width % 64;

  return used == 0 ? ~G_GUINT64_CONSTANT (0) : (G_GUINT64_CONSTANT (1) << used) - 1;
}

gboolean
ir_drawing_mask_get (const IrDrawingMask *mask,
                     int                  x,
                     int                  y)
{
  if (x < 0 || y < 0 || x >= mask->width || y >= mask->height)
    return FALSE;

  return (mask->bits[(gsize) y * mask->stride + x / 64] >> (x % 64)) & 1;
}

typedef struct
{
  IrDrawingMask   *mask;
  const guint8    *pixels;
  int              pixel_stride;
  guint8           white_level;
} InkJob;

static void
ink_rows (gpointer data,
          int      first,
          int      last)
{
  InkJob *job = data;
  IrDrawingMask *mask = job->mask;
  guint level = job->white_level;

  for (int y = first; y < last; y++)
    {
      const guint32 *row = (const guint32 *) (job->pixels + (gsize) y * job->pixel_stride);
      guint64 *out = mask->bits + (gsize) y * mask->stride;

      for (int w = 0; w < mask->stride; w++)
        {
          int x0 = w * 64;
          int n = MIN (64, mask->width - x0);
          guint64 word = 0;

          for (int b = 0; b < n; b++)
            {
              guint32 p = row[x0 + b];
              guint r = (p >> 16) & 0xff;
              guint g = (p >> 8) & 0xff;
              guint blue = p & 0xff;
              guint darkest = MIN (r, MIN (g, blue));

              word |= (guint64) (darkest < level) << b;
            }
          out[w] = word;
        }
    }
}

/**
 * ir_drawing_mask_new_from_ink:
 * @surface: an opaque ARGB32 or RGB24 render
 * @white_level: a pixel whose darkest channel is at or above this is paper
 *
 * Marks the pixels that carry ink. Taking the darkest channel rather than
 * the luminance keeps light colours such as yellow layers as ink.
 *
 * Returns: (transfer full): the mask, the surface's size
 */
IrDrawingMask *
ir_drawing_mask_new_from_ink (cairo_surface_t *surface,
                              guint8           white_level)
{
  InkJob job;

  cairo_surface_flush (surface);
  job.mask = ir_drawing_mask_new (cairo_image_surface_get_width (surface),
                                  cairo_image_surface_get_height (surface));
  job.pixels = cairo_image_surface_get_data (surface);
  job.pixel_stride = cairo_image_surface_get_stride (surface);
  job.white_level = white_level;

  ir_drawing_run_parallel (ink_rows, &job, job.mask->height);

  return job.mask;
}

/* Returns the 64 source pixels that start at pixel @start of a row, zero
 * outside the row. */
static inline guint64
read_bits (const guint64 *row,
           int            stride,
           int            start)
{
  int word = start >= 0 ? start / 64 : (start - 63) / 64;
  int shift = start - word * 64;
  guint64 low = word >= 0 && word < stride ? row[word] : 0;
  guint64 high;

  if (shift == 0)
    return low;

  high = word + 1 >= 0 && word + 1 < stride ? row[word + 1] : 0;

  return (low >> shift) | (high << (64 - shift));
}

/**
 * ir_drawing_mask_translate:
 * @mask: the source
 * @dx: how far right the content moves, in pixels
 * @dy: how far down the content moves, in pixels
 * @width: the width of the result
 * @height: the height of the result
 *
 * Returns: (transfer full): a @width × @height mask whose pixel (x, y) is
 *   @mask's pixel (x − @dx, y − @dy), clear where that lies outside
 */
IrDrawingMask *
ir_drawing_mask_translate (const IrDrawingMask *mask,
                           int                  dx,
                           int                  dy,
                           int                  width,
                           int                  height)
{
  IrDrawingMask *result = ir_drawing_mask_new (width, height);
  guint64 tail = tail_mask (result);

  for (int y = 0; y < height; y++)
    {
      int source_y = y - dy;
      const guint64 *row;
      guint64 *out;

      if (source_y < 0 || source_y >= mask->height)
        continue;

      row = mask->bits + (gsize) source_y * mask->stride;
      out = result->bits + (gsize) y * result->stride;
      for (int w = 0; w < result->stride; w++)
        out[w] = read_bits (row, mask->stride, w * 64 - dx);
      if (result->stride > 0)
        out[result->stride - 1] &= tail;
    }

  return result;
}

typedef struct
{
  const IrDrawingMask *source;
  IrDrawingMask       *horizontal;
  IrDrawingMask       *result;
  int                  radius;
} DilateJob;

static void
dilate_rows_horizontally (gpointer data,
                          int      first,
                          int      last)
{
  DilateJob *job = data;
  int stride = job->source->stride;
  guint64 tail = tail_mask (job->source);

  for (int y = first; y < last; y++)
    {
      const guint64 *row = job->source->bits + (gsize) y * stride;
      guint64 *out = job->horizontal->bits + (gsize) y * stride;

      for (int w = 0; w < stride; w++)
        {
          guint64 word = row[w];

          for (int k = 1; k <= job->radius; k++)
            word |= read_bits (row, stride, w * 64 + k) |
                    read_bits (row, stride, w * 64 - k);
          out[w] = word;
        }
      if (stride > 0)
        out[stride - 1] &= tail;
    }
}

static void
dilate_rows_vertically (gpointer data,
                        int      first,
                        int      last)
{
  DilateJob *job = data;
  int stride = job->source->stride;
  int height = job->source->height;

  for (int y = first; y < last; y++)
    {
      guint64 *out = job->result->bits + (gsize) y * stride;
      int top = MAX (y - job->radius, 0);
      int bottom = MIN (y + job->radius, height - 1);

      memcpy (out, job->horizontal->bits + (gsize) top * stride, stride * sizeof (guint64));
      for (int source_y = top + 1; source_y <= bottom; source_y++)
        {
          const guint64 *row = job->horizontal->bits + (gsize) source_y * stride;

          for (int w = 0; w < stride; w++)
            out[w] |= row[w];
        }
    }
}

/* Returns a mask where each pixel is set if any pixel of @mask within
 * @radius pixels (a square) is set. */
IrDrawingMask *
ir_drawing_mask_dilate (const IrDrawingMask *mask,
                        int                  radius)
{
  g_autoptr(IrDrawingMask) horizontal = ir_drawing_mask_new (mask->width, mask->height);
  DilateJob job = {
    .source = mask,
    .horizontal = horizontal,
    .result = ir_drawing_mask_new (mask->width, mask->height),
    .radius = MAX (radius, 0),
  };

  ir_drawing_run_parallel (dilate_rows_horizontally, &job, mask->height);
  ir_drawing_run_parallel (dilate_rows_vertically, &job, mask->height);

  return job.result;
}

/* Returns @mask without the pixels set in @other, which has the same size. */
IrDrawingMask *
ir_drawing_mask_subtract (const IrDrawingMask *mask,
                          const IrDrawingMask *other)
{
  IrDrawingMask *result = ir_drawing_mask_new (mask->width, mask->height);
  gsize n_words = (gsize) mask->stride * mask->height;

  g_return_val_if_fail (mask->width == other->width && mask->height == other->height,
                        result);

  for (gsize i = 0; i < n_words; i++)
    result->bits[i] = mask->bits[i] & ~other->bits[i];

  return result;
}

void
ir_drawing_mask_clear_rect (IrDrawingMask *mask,
                            int            x,
                            int            y,
                            int            width,
                            int            height)
{
  int x0 = MAX (x, 0);
  int y0 = MAX (y, 0);
  int x1 = MIN (x + width, mask->width);
  int y1 = MIN (y + height, mask->height);

  for (int row = y0; row < y1; row++)
    for (int column = x0; column < x1; column++)
      mask->bits[(gsize) row * mask->stride + column / 64] &=
        ~(G_GUINT64_CONSTANT (1) << (column % 64));
}

guint64
ir_drawing_mask_count (const IrDrawingMask *mask)
{
  gsize n_words = (gsize) mask->stride * mask->height;
  guint64 count = 0;

  for (gsize i = 0; i < n_words; i++)
    count += __builtin_popcountll (mask->bits[i]);

  return count;
}

/**
 * ir_drawing_mask_count_cells:
 * @mask: the mask
 * @counts: (out caller-allocates): `stride × 8` columns by
 *   ⌈height / 8⌉ rows of counts, zeroed by the caller
 *
 * Counts the set pixels in each cell of #IR_DRAWING_MASK_CELL pixels a
 * side; a count is at most 64.
 */
void
ir_drawing_mask_count_cells (const IrDrawingMask *mask,
                             guint8              *counts)
{
  int columns = mask->stride * 8;

  for (int y = 0; y < mask->height; y++)
    {
      const guint64 *row = mask->bits + (gsize) y * mask->stride;
      guint8 *out = counts + (gsize) (y / IR_DRAWING_MASK_CELL) * columns;

      for (int w = 0; w < mask->stride; w++)
        {
          guint64 word = row[w];

          for (int k = 0; word != 0; k++, word >>= 8)
            out[w * 8 + k] += __builtin_popcount ((guint) (word & 0xff));
        }
    }
}

/**
 * ir_drawing_mask_bounds:
 * @mask: the mask
 * @x: left of the searched rectangle
 * @y: top of the searched rectangle
 * @width: width of the searched rectangle
 * @height: height of the searched rectangle
 * @bounds: (out caller-allocates) (array fixed-size=4): left, top, right
 *   and bottom of the set pixels, right and bottom exclusive
 *
 * Returns: %FALSE when no pixel in the rectangle is set
 */
gboolean
ir_drawing_mask_bounds (const IrDrawingMask *mask,
                        int                  x,
                        int                  y,
                        int                  width,
                        int                  height,
                        int                 *bounds)
{
  int x0 = MAX (x, 0);
  int y0 = MAX (y, 0);
  int x1 = MIN (x + width, mask->width);
  int y1 = MIN (y + height, mask->height);
  gboolean found = FALSE;

  bounds[0] = x1;
  bounds[1] = y1;
  bounds[2] = x0;
  bounds[3] = y0;

  for (int row = y0; row < y1; row++)
    for (int w = x0 / 64; w * 64 < x1; w++)
      {
        guint64 word = mask->bits[(gsize) row * mask->stride + w];
        int start = w * 64;

        if (start < x0)
          word &= ~G_GUINT64_CONSTANT (0) << (x0 - start);
        if (x1 - start < 64)
          word &= (G_GUINT64_CONSTANT (1) << (x1 - start)) - 1;
        if (word == 0)
          continue;

        found = TRUE;
        bounds[0] = MIN (bounds[0], start + __builtin_ctzll (word));
        bounds[2] = MAX (bounds[2], start + 64 - __builtin_clzll (word));
        bounds[1] = MIN (bounds[1], row);
        bounds[3] = MAX (bounds[3], row + 1);
      }

  return found;
}

/* Adds up the set pixels of each column into @columns (width entries) and
 * of each row into @rows (height entries), both zeroed by the caller. */
void
ir_drawing_mask_profiles (const IrDrawingMask *mask,
                          guint32             *columns,
                          guint32             *rows)
{
  for (int y = 0; y < mask->height; y++)
    {
      const guint64 *row = mask->bits + (gsize) y * mask->stride;

      for (int w = 0; w < mask->stride; w++)
        {
          guint64 word = row[w];

          rows[y] += __builtin_popcountll (word);
          while (word != 0)
            {
              columns[w * 64 + __builtin_ctzll (word)]++;
              word &= word - 1;
            }
        }
    }
}
