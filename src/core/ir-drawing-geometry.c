/* ir-drawing-geometry.c: the JSON geometry of markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Coordinates are page points rounded to 0.01 pt, far below what a pen or
 * a mouse can place, so that the JSON of a long freehand stroke stays
 * short.
 */
#include "config.h"

#include <math.h>

#include "ir-drawing-model-private.h"

/* A stroke's JSON must stay under the store's 16 KiB limit for a value.
 * A point takes at most about 20 bytes: "[12345.67,12345.67],". */
#define MAX_POINTS 700

static double
round_coordinate (double value)
{
  return round (value * 100) / 100;
}

static void
add_member (JsonObject *object,
            const char *name,
            double      value)
{
  json_object_set_double_member (object, name, round_coordinate (value));
}

/* Returns a box geometry; a negative width or height flips the box so that
 * (x, y) is its top-left corner. */
JsonNode *
ir_markup_geometry_new_box (double x,
                            double y,
                            double width,
                            double height)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  if (width < 0)
    {
      x += width;
      width = -width;
    }
  if (height < 0)
    {
      y += height;
      height = -height;
    }

  add_member (object, "x", x);
  add_member (object, "y", y);
  add_member (object, "w", width);
  add_member (object, "h", height);
  json_node_take_object (node, object);

  return node;
}

JsonNode *
ir_markup_geometry_new_point (double x,
                              double y)
{
  JsonObject *object = json_object_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  add_member (object, "x", x);
  add_member (object, "y", y);
  json_node_take_object (node, object);

  return node;
}

/* Marks which points of xy[first..last] a Ramer–Douglas–Peucker
 * simplification keeps. */
static void
simplify (const double *xy,
          guint         first,
          guint         last,
          double        tolerance,
          gboolean     *keep)
{
  double ax = xy[2 * first], ay = xy[2 * first + 1];
  double dx = xy[2 * last] - ax, dy = xy[2 * last + 1] - ay;
  double length = hypot (dx, dy);
  double worst = 0;
  guint worst_index = first;

  for (guint i = first + 1; i < last; i++)
    {
      double px = xy[2 * i] - ax, py = xy[2 * i + 1] - ay;
      double distance = length > 0 ? fabs (px * dy - py * dx) / length : hypot (px, py);

      if (distance > worst)
        {
          worst = distance;
          worst_index = i;
        }
    }

  if (worst <= tolerance)
    return;

  keep[worst_index] = TRUE;
  simplify (xy, first, worst_index, tolerance, keep);
  simplify (xy, worst_index, last, tolerance, keep);
}

/**
 * ir_markup_geometry_new_points:
 * @xy: (array length=n_points): x and y of each point, in turn
 * @n_points: how many points
 * @tolerance: how far, in points, the stored line may stray from the drawn
 *   one; 0 keeps every point
 *
 * Returns the geometry of an arrow or a freehand stroke. A stroke with
 * more points than a value can hold is simplified further until it fits.
 *
 * Returns: (transfer full): the geometry
 */
JsonNode *
ir_markup_geometry_new_points (const double *xy,
                               guint         n_points,
                               double        tolerance)
{
  g_autofree gboolean *keep = g_new0 (gboolean, MAX (n_points, 1));
  JsonObject *object = json_object_new ();
  JsonArray *points = json_array_new ();
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);
  guint n_kept;

  /* Coarsen the simplification up to 2 pt. Past that, a stroke too busy
   * for a value keeps every k-th of its points, so that it keeps its
   * shape. */
  do
    {
      n_kept = 0;
      for (guint i = 0; i < n_points; i++)
        keep[i] = tolerance <= 0 || i == 0 || i == n_points - 1;
      if (tolerance > 0 && n_points > 2)
        simplify (xy, 0, n_points - 1, tolerance, keep);
      for (guint i = 0; i < n_points; i++)
        n_kept += keep[i];
      tolerance = tolerance > 0 ? tolerance * 2 : 0.25;
    }
  while (n_kept > MAX_POINTS && tolerance <= 2);

  if (n_kept > MAX_POINTS)
    {
      guint step = (n_kept + MAX_POINTS - 1) / MAX_POINTS;
      guint seen = 0;

      for (guint i = 1; i + 1 < n_points; i++)
        if (keep[i])
          keep[i] = (++seen % step) == 0;
    }

  for (guint i = 0; i < n_points; i++)
    {
      JsonArray *point;

      if (!keep[i])
        continue;

      point = json_array_new ();
      json_array_add_double_element (point, round_coordinate (xy[2 * i]));
      json_array_add_double_element (point, round_coordinate (xy[2 * i + 1]));
      json_array_add_array_element (points, point);
    }

  json_object_set_array_member (object, "points", points);
  json_node_take_object (node, object);

  return node;
}

static gboolean
get_number (JsonObject *object,
            const char *name,
            double     *value)
{
  JsonNode *member = json_object_get_member (object, name);

  if (member == NULL || !JSON_NODE_HOLDS_VALUE (member))
    return FALSE;

  *value = json_node_get_double (member);
  return isfinite (*value);
}

/* Reads a box geometry; a pin reads as a box of no size. Returns %FALSE
 * for a stroke or for JSON that is no geometry. */
gboolean
ir_markup_geometry_get_box (JsonNode  *geometry,
                            IrPdfRect *box)
{
  JsonObject *object;

  if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
    return FALSE;

  object = json_node_get_object (geometry);
  if (!get_number (object, "x", &box->x) || !get_number (object, "y", &box->y))
    return FALSE;

  if (!get_number (object, "w", &box->width))
    box->width = 0;
  if (!get_number (object, "h", &box->height))
    box->height = 0;

  return TRUE;
}

/**
 * ir_markup_geometry_get_points:
 * @geometry: an arrow's or a stroke's geometry
 *
 * Returns: (transfer full) (nullable) (element-type double): x and y of
 *   each point in turn, or %NULL when @geometry has no points
 */
GArray *
ir_markup_geometry_get_points (JsonNode *geometry)
{
  JsonObject *object;
  JsonArray *points;
  GArray *xy;

  if (geometry == NULL || !JSON_NODE_HOLDS_OBJECT (geometry))
    return NULL;

  object = json_node_get_object (geometry);
  if (!json_object_has_member (object, "points") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "points")))
    return NULL;

  points = json_object_get_array_member (object, "points");
  xy = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < json_array_get_length (points); i++)
    {
      JsonNode *element = json_array_get_element (points, i);
      JsonArray *point;
      double x, y;

      if (!JSON_NODE_HOLDS_ARRAY (element))
        continue;
      point = json_node_get_array (element);
      if (json_array_get_length (point) < 2)
        continue;

      x = json_array_get_double_element (point, 0);
      y = json_array_get_double_element (point, 1);
      if (isfinite (x) && isfinite (y))
        {
          g_array_append_val (xy, x);
          g_array_append_val (xy, y);
        }
    }

  if (xy->len == 0)
    g_clear_pointer (&xy, g_array_unref);

  return xy;
}

/* Returns the box that encloses any geometry. */
gboolean
ir_markup_geometry_get_bounds (JsonNode  *geometry,
                               IrPdfRect *bounds)
{
  g_autoptr(GArray) xy = ir_markup_geometry_get_points (geometry);
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  if (xy == NULL)
    return ir_markup_geometry_get_box (geometry, bounds);

  for (guint i = 0; i + 1 < xy->len; i += 2)
    {
      x0 = MIN (x0, g_array_index (xy, double, i));
      x1 = MAX (x1, g_array_index (xy, double, i));
      y0 = MIN (y0, g_array_index (xy, double, i + 1));
      y1 = MAX (y1, g_array_index (xy, double, i + 1));
    }

  bounds->x = x0;
  bounds->y = y0;
  bounds->width = x1 - x0;
  bounds->height = y1 - y0;

  return TRUE;
}

/* Maps a point of @from onto the same place in @to. */
static void
map_point (const IrPdfRect *from,
           const IrPdfRect *to,
           double          *x,
           double          *y)
{
  double sx = from->width > 0 ? to->width / from->width : 1;
  double sy = from->height > 0 ? to->height / from->height : 1;

  *x = to->x + (*x - from->x) * sx;
  *y = to->y + (*y - from->y) * sy;
}

/**
 * ir_markup_geometry_fit:
 * @geometry: any geometry
 * @from: a box, usually the geometry's bounds
 * @to: where @from goes
 *
 * Moves and scales @geometry as @from becomes @to: what a drag of a
 * markup's handles does.
 *
 * Returns: (transfer full) (nullable): the new geometry
 */
JsonNode *
ir_markup_geometry_fit (JsonNode        *geometry,
                        const IrPdfRect *from,
                        const IrPdfRect *to)
{
  g_autoptr(GArray) xy = ir_markup_geometry_get_points (geometry);
  IrPdfRect box;

  if (xy != NULL)
    {
      for (guint i = 0; i + 1 < xy->len; i += 2)
        map_point (from, to, &g_array_index (xy, double, i),
                   &g_array_index (xy, double, i + 1));

      return ir_markup_geometry_new_points ((const double *) xy->data, xy->len / 2, 0);
    }

  if (!ir_markup_geometry_get_box (geometry, &box))
    return NULL;

  if (!json_object_has_member (json_node_get_object (geometry), "w"))
    {
      map_point (from, to, &box.x, &box.y);
      return ir_markup_geometry_new_point (box.x, box.y);
    }

  {
    double x1 = box.x + box.width, y1 = box.y + box.height;

    map_point (from, to, &box.x, &box.y);
    map_point (from, to, &x1, &y1);

    return ir_markup_geometry_new_box (box.x, box.y, x1 - box.x, y1 - box.y);
  }
}

/* Returns @geometry moved by (@dx, @dy) points. */
JsonNode *
ir_markup_geometry_translate (JsonNode *geometry,
                              double    dx,
                              double    dy)
{
  IrPdfRect from = { 0, 0, 1, 1 };
  IrPdfRect to = { dx, dy, 1, 1 };

  return ir_markup_geometry_fit (geometry, &from, &to);
}
