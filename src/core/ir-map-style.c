/* ir-map-style.c: colours, labels and link shapes of the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app's canvas and the exports draw links with the same code, so that
 * a printed map looks like the one on screen.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ir-map-render.h"

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* A reporting line from up to this far below the manager enters the card
 * from above. From further down, a second row of a grid, it runs up the
 * gap beside the card. */
#define FIRST_ROW_REACH  (IR_MAP_ELBOW_GAP + 140.0)
#define IR_MAP_ELBOW_GAP 16.0
#define SIDE_OFFSET      16.0
#define ZIGZAG_STEP      9.0
#define ZIGZAG_AMPLITUDE 3.5

/* --- colours and labels -------------------------------------------------- */

IrMapColor
ir_map_stance_color (const char *stance)
{
  static const struct { const char *stance; IrMapColor color; } colors[] = {
    { "champion", RGB (0x1b8a3e) },
    { "supporter", RGB (0x5fb84a) },
    { "neutral", RGB (0x8b929c) },
    { "skeptic", RGB (0xe8890c) },
    { "blocker", RGB (0xd4292b) },
  };
  IrMapColor unknown = RGB (0xb0b5bc);

  for (gsize i = 0; i < G_N_ELEMENTS (colors); i++)
    if (g_strcmp0 (stance, colors[i].stance) == 0)
      return colors[i].color;

  return unknown;
}

/* Department colours stay apart from the stance colours: no plain green,
 * orange or red. */
IrMapColor
ir_map_department_color (int index)
{
  static const IrMapColor palette[IR_MAP_N_DEPARTMENT_COLORS] = {
    RGB (0x3584e4), RGB (0x9141ac), RGB (0x1c9aa8), RGB (0x986a44),
    RGB (0xc64689), RGB (0x4a5fc1), RGB (0x7a8a16), RGB (0x5e6c84),
  };

  return palette[((index % IR_MAP_N_DEPARTMENT_COLORS) + IR_MAP_N_DEPARTMENT_COLORS) %
                 IR_MAP_N_DEPARTMENT_COLORS];
}

IrMapColor
ir_map_member_color (int index)
{
  static const IrMapColor palette[] = {
    RGB (0x1c71d8), RGB (0x813d9c), RGB (0xc64600), RGB (0x26a269), RGB (0x865e3c),
  };

  return palette[index % G_N_ELEMENTS (palette)];
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/**
 * ir_map_assign_department_colors:
 * @departments: (element-type utf8): the room's department names
 *
 * Gives each department a colour index from a hash of its name, moving to
 * the next free colour on a clash, so that a department keeps its colour
 * when others come and go and the first eight never share one.
 *
 * Returns: (transfer full): name → GINT_TO_POINTER (index + 1)
 */
GHashTable *
ir_map_assign_department_colors (GPtrArray *departments)
{
  GHashTable *colors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (departments, NULL, NULL);
  gboolean used[IR_MAP_N_DEPARTMENT_COLORS] = { FALSE, };
  guint n_used = 0;

  g_ptr_array_set_free_func (sorted, NULL);
  g_ptr_array_sort (sorted, compare_strings);
  for (guint i = 0; i < sorted->len; i++)
    {
      const char *name = sorted->pdata[i];
      guint slot = g_str_hash (name) % IR_MAP_N_DEPARTMENT_COLORS;

      if (g_hash_table_contains (colors, name))
        continue;

      if (n_used < IR_MAP_N_DEPARTMENT_COLORS)
        {
          while (used[slot])
            slot = (slot + 1) % IR_MAP_N_DEPARTMENT_COLORS;
          used[slot] = TRUE;
          n_used++;
        }

      g_hash_table_insert (colors, g_strdup (name), GINT_TO_POINTER (slot + 1));
    }

  return colors;
}

/* Returns up to two letters for an avatar: the first letters of the first
 * and last words of a Latin name, or the first character of a Chinese one. */
char *
ir_map_dup_initials (const char *name)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_autofree char *copy = g_strstrip (g_strdup (name ? name : ""));
  g_auto(GStrv) words = g_strsplit_set (copy, " \t", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (kept, words[i]);

  for (guint i = 0; i < kept->len; i++)
    {
      gunichar first;

      /* The first and the last word only. */
      if (i > 0 && i < kept->len - 1)
        continue;

      first = g_utf8_get_char (kept->pdata[i]);
      g_string_append_unichar (initials, g_unichar_toupper (first));

      /* One wide character fills an avatar. */
      if (g_unichar_iswide (first))
        break;
    }

  if (initials->len == 0)
    return g_strdup ("?");

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

const char *
ir_map_stance_label (const char *stance)
{
  if (g_strcmp0 (stance, "champion") == 0)
    return _("Champion");
  if (g_strcmp0 (stance, "supporter") == 0)
    return _("Supporter");
  if (g_strcmp0 (stance, "neutral") == 0)
    return _("Neutral");
  if (g_strcmp0 (stance, "skeptic") == 0)
    return _("Skeptic");
  if (g_strcmp0 (stance, "blocker") == 0)
    return _("Blocker");

  return _("Stance unknown");
}

/* Returns the short label of a buying role on a card, or NULL for none. */
const char *
ir_map_role_badge_label (const char *buying_role)
{
  if (g_strcmp0 (buying_role, "economic") == 0)
    return C_("buying role on a card", "Economic");
  if (g_strcmp0 (buying_role, "technical") == 0)
    return C_("buying role on a card", "Technical");
  if (g_strcmp0 (buying_role, "user") == 0)
    return C_("buying role on a card", "User");
  if (g_strcmp0 (buying_role, "coach") == 0)
    return C_("buying role on a card", "Coach");

  return NULL;
}

/* --- link geometry ------------------------------------------------------- */

static IrMapPoint
center_of (const IrMapRect *rect)
{
  IrMapPoint point = { rect->x + rect->width / 2, rect->y + rect->height / 2 };

  return point;
}

/* Where the ray from the centre of @rect toward @toward leaves @rect. */
static IrMapPoint
border_point (const IrMapRect  *rect,
              const IrMapPoint *toward)
{
  IrMapPoint center = center_of (rect);
  double dx = toward->x - center.x, dy = toward->y - center.y;
  double tx = dx != 0 ? (rect->width / 2) / fabs (dx) : G_MAXDOUBLE;
  double ty = dy != 0 ? (rect->height / 2) / fabs (dy) : G_MAXDOUBLE;
  double t = MIN (MIN (tx, ty), 1.0);
  IrMapPoint point = { center.x + dx * t, center.y + dy * t };

  return point;
}

#define BOW_STEPS 16

/* Samples a quadratic curve from @a to @b whose middle is off the straight
 * line by a sixth of its length, at most 180 units. */
static guint
bow (const IrMapPoint *a,
     const IrMapPoint *b,
     IrMapPoint       *points)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double length = hypot (dx, dy);
  double offset = MIN (length / 6, 180.0);
  double nx, ny, cx, cy;

  if (length < 1e-6)
    {
      points[0] = *a;
      points[1] = *b;
      return 2;
    }

  /* The normal that points up, or right for a vertical line. */
  nx = dy / length;
  ny = -dx / length;
  if (ny > 0 || (ny == 0 && nx < 0))
    {
      nx = -nx;
      ny = -ny;
    }

  /* The control point lies twice as far off as the curve's middle. */
  cx = (a->x + b->x) / 2 + nx * offset * 2;
  cy = (a->y + b->y) / 2 + ny * offset * 2;

  for (guint i = 0; i <= BOW_STEPS; i++)
    {
      double t = (double) i / BOW_STEPS, u = 1 - t;

      points[i].x = u * u * a->x + 2 * u * t * cx + t * t * b->x;
      points[i].y = u * u * a->y + 2 * u * t * cy + t * t * b->y;
    }

  return BOW_STEPS + 1;
}

/**
 * ir_map_route_link:
 * @points: (out caller-allocates) (array fixed-size=17): the route
 *
 * Routes a link from @source's card to @target's. A reporting line to a
 * manager above runs as an org chart's elbow into the manager's bottom
 * edge, and otherwise straight between the cards' borders. Influences and
 * conflicts run as curves between the borders. The route ends where an
 * arrow head goes.
 *
 * Returns: the number of points, at least 2
 */
guint
ir_map_route_link (const IrMapRect *source,
                   const IrMapRect *target,
                   const char      *kind,
                   IrMapPoint      *points)
{
  double target_bottom = target->y + target->height;
  double gap = source->y - target_bottom;
  IrMapPoint a, b;

  if (g_strcmp0 (kind, "reports_to") == 0 && gap >= IR_MAP_ELBOW_GAP)
    {
      double source_x = source->x + source->width / 2;
      double target_x = target->x + target->width / 2;

      if (gap <= FIRST_ROW_REACH)
        {
          double middle = target_bottom + gap / 2;

          points[0] = (IrMapPoint) { source_x, source->y };
          points[1] = (IrMapPoint) { source_x, middle };
          points[2] = (IrMapPoint) { target_x, middle };
          points[3] = (IrMapPoint) { target_x, target_bottom };
          return 4;
        }
      else
        {
          gboolean from_left = source_x > target_x;
          double side = from_left ? source->x - SIDE_OFFSET
                                  : source->x + source->width + SIDE_OFFSET;
          double middle = target_bottom + MIN (28.0, gap / 2);
          double source_y = source->y + source->height / 2;

          points[0] = (IrMapPoint) { from_left ? source->x : source->x + source->width, source_y };
          points[1] = (IrMapPoint) { side, source_y };
          points[2] = (IrMapPoint) { side, middle };
          points[3] = (IrMapPoint) { target_x, middle };
          points[4] = (IrMapPoint) { target_x, target_bottom };
          return 5;
        }
    }

  a = center_of (source);
  b = center_of (target);
  a = border_point (source, &b);
  b = border_point (target, &a);

  /* A reporting line runs straight. Influences and conflicts bow, upwards
   * where they run sideways, so that a long one between two cards of a row
   * passes above the cards between them instead of behind them. */
  if (g_strcmp0 (kind, "reports_to") == 0)
    {
      points[0] = a;
      points[1] = b;
      return 2;
    }

  return bow (&a, &b, points);
}

static void
path_zigzag (cairo_t          *cr,
             const IrMapPoint *from,
             const IrMapPoint *to)
{
  double dx = to->x - from->x, dy = to->y - from->y;
  double length = hypot (dx, dy);
  guint steps = MAX (2, (guint) (length / ZIGZAG_STEP));
  double nx = -dy / MAX (length, 1e-6), ny = dx / MAX (length, 1e-6);

  for (guint i = 1; i < steps; i++)
    {
      double t = (double) i / steps;
      double side = (i % 2 ? 1 : -1) * ZIGZAG_AMPLITUDE;

      cairo_line_to (cr, from->x + dx * t + nx * side, from->y + dy * t + ny * side);
    }
  cairo_line_to (cr, to->x, to->y);
}

/* Adds the route to the current path, as a zig-zag when asked. */
void
ir_map_path_route (cairo_t          *cr,
                   const IrMapPoint *points,
                   guint             n_points,
                   gboolean          zigzag)
{
  cairo_move_to (cr, points[0].x, points[0].y);
  for (guint i = 1; i < n_points; i++)
    if (zigzag)
      path_zigzag (cr, &points[i - 1], &points[i]);
    else
      cairo_line_to (cr, points[i].x, points[i].y);
}

/* Adds a closed arrow head at @tip, pointing away from @from. */
void
ir_map_path_arrow (cairo_t          *cr,
                   const IrMapPoint *from,
                   const IrMapPoint *tip,
                   double            size)
{
  double angle = atan2 (tip->y - from->y, tip->x - from->x);

  cairo_move_to (cr, tip->x, tip->y);
  cairo_line_to (cr, tip->x - size * cos (angle - 0.45), tip->y - size * sin (angle - 0.45));
  cairo_line_to (cr, tip->x - size * cos (angle + 0.45), tip->y - size * sin (angle + 0.45));
  cairo_close_path (cr);
}

/* --- drawing links ------------------------------------------------------- */

typedef struct
{
  IrMapColor    color;
  double        width;
  const double *dashes;
  int           n_dashes;
  gboolean      arrows;
  gboolean      zigzag;
} LinkStyle;

static const double influence_dashes[] = { 7.0, 5.0 };
static const double broken_dashes[] = { 4.0, 4.0 };

enum { STYLE_REPORTS, STYLE_INFLUENCE_1, STYLE_INFLUENCE_2, STYLE_INFLUENCE_3,
       STYLE_CONFLICT, STYLE_BROKEN, N_STYLES };

static int
style_of (const IrMapLinkShape *link)
{
  if (g_strcmp0 (link->kind, "reports_to") == 0)
    return link->broken ? STYLE_BROKEN : STYLE_REPORTS;
  if (g_strcmp0 (link->kind, "conflict") == 0)
    return STYLE_CONFLICT;

  return STYLE_INFLUENCE_1 + CLAMP (link->strength, 1, 3) - 1;
}

/**
 * ir_map_draw_links:
 * @unit: map units per device pixel, so that lines stay visible zoomed out
 * @simplified: draws conflicts dashed instead of as zig-zags, which is
 *   cheaper when there are many and they are small
 *
 * Strokes the links in map coordinates: reporting lines solid with an arrow
 * into the manager, influences dashed with a width by strength and an
 * arrow, conflicts as red zig-zags, and reporting lines caught in a cycle
 * red and dashed. Links of one style go into one path and one stroke.
 */
void
ir_map_draw_links (cairo_t              *cr,
                   const IrMapLinkShape *links,
                   guint                 n_links,
                   double                unit,
                   gboolean              simplified)
{
  const LinkStyle styles[N_STYLES] = {
    [STYLE_REPORTS] = { RGB (0x6b7380), 1.6, NULL, 0, TRUE, FALSE },
    [STYLE_INFLUENCE_1] = { RGB (0x3584e4), 1.2, influence_dashes, 2, TRUE, FALSE },
    [STYLE_INFLUENCE_2] = { RGB (0x3584e4), 2.2, influence_dashes, 2, TRUE, FALSE },
    [STYLE_INFLUENCE_3] = { RGB (0x1c5fb8), 3.6, influence_dashes, 2, TRUE, FALSE },
    [STYLE_CONFLICT] = { RGB (0xd4292b), 1.8, simplified ? broken_dashes : NULL,
                         simplified ? 2 : 0, FALSE, !simplified },
    [STYLE_BROKEN] = { RGB (0xd4292b), 1.6, broken_dashes, 2, TRUE, FALSE },
  };
  double scale = MAX (1.0, 0.75 * unit);

  cairo_save (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);

  for (int s = 0; s < N_STYLES; s++)
    {
      const LinkStyle *style = &styles[s];
      double dashes[2];
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = 0; i < n_links; i++)
        {
          IrMapPoint points[IR_MAP_ROUTE_MAX];
          guint n;

          if (style_of (&links[i]) != s)
            continue;

          n = ir_map_route_link (links[i].source, links[i].target, links[i].kind, points);
          ir_map_path_route (cr, points, n, style->zigzag);
          any = TRUE;
        }

      if (!any)
        continue;

      cairo_set_source_rgb (cr, style->color.red, style->color.green, style->color.blue);
      cairo_set_line_width (cr, style->width * scale);
      for (int d = 0; d < style->n_dashes; d++)
        dashes[d] = style->dashes[d] * scale;
      cairo_set_dash (cr, dashes, style->n_dashes, 0);
      cairo_stroke (cr);

      if (!style->arrows)
        continue;

      for (guint i = 0; i < n_links; i++)
        {
          IrMapPoint points[IR_MAP_ROUTE_MAX];
          guint n;

          if (style_of (&links[i]) != s)
            continue;

          n = ir_map_route_link (links[i].source, links[i].target, links[i].kind, points);
          ir_map_path_arrow (cr, &points[n - 2], &points[n - 1],
                             (7.0 + style->width * 1.5) * scale);
        }
      cairo_fill (cr);
    }

  cairo_restore (cr);
}
