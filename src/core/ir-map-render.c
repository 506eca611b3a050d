/* ir-map-render.c: drawing a decision map scene with cairo and pango
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the exports and the printout show. Sizes are in map units, which
 * are pixels at 100 % in the app and points in a PDF or SVG.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "ir-map-render.h"

#define CARD_RADIUS    10.0
#define CARD_PADDING   14.0
#define BAND_HEIGHT    6.0
#define AVATAR_RADIUS  11.0
#define FRAME_PADDING  18.0
#define FRAME_HEADER   30.0
#define PAGE_MARGIN    36.0
#define HEADER_HEIGHT  124.0

#define INK            0.16, 0.18, 0.21
#define DIM_INK        0.38, 0.41, 0.45

/* --- helpers ------------------------------------------------------------- */

static void
set_color (cairo_t          *cr,
           const IrMapColor *color,
           double            alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

static void
path_rounded (cairo_t *cr,
              double   x,
              double   y,
              double   width,
              double   height,
              double   radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI_2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI_2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI_2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI_2);
  cairo_close_path (cr);
}

/* Draws one line of text with its top left at (x, y), cut to @max_width
 * with an ellipsis. Returns the width it took. */
static double
draw_text (cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      size,
           gboolean    bold,
           double      max_width)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int width, height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  pango_layout_set_text (layout, text ? text : "", -1);
  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &width, &height);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);

  /* Leave no current point for the next shape to start from. */
  cairo_new_path (cr);

  return width;
}

static double
text_width (cairo_t    *cr,
            const char *text,
            double      size,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans");
  int width, height;

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_pixel_size (layout, &width, &height);

  return width;
}

/* A small filled label with rounded ends; returns its width. */
static double
draw_pill (cairo_t          *cr,
           const char       *text,
           double            x,
           double            y,
           const IrMapColor *color,
           gboolean          solid)
{
  double width = text_width (cr, text, 11, TRUE) + 14;

  path_rounded (cr, x, y, width, 19, 9.5);
  set_color (cr, color, solid ? 1.0 : 0.16);
  cairo_fill (cr);

  if (solid)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else
    set_color (cr, color, 1.0);
  draw_text (cr, text, x + 7, y + 2.5, 11, TRUE, 0);

  return width;
}

/* --- cards --------------------------------------------------------------- */

static void
draw_avatar (cairo_t                *cr,
             const IrMapSceneMember *member,
             const char             *level,
             gboolean                owner,
             double                  cx,
             double                  cy)
{
  IrMapColor color = ir_map_member_color (0);
  double tw;

  /* The fill shows the level (none, light, strong) and the initials show
   * the member. */
  cairo_arc (cr, cx, cy, AVATAR_RADIUS, 0, 2 * G_PI);
  if (g_strcmp0 (level, "trusted") == 0)
    set_color (cr, &color, 1.0);
  else if (g_strcmp0 (level, "met") == 0)
    set_color (cr, &color, 0.22);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  if (level == NULL || g_strcmp0 (level, "none") == 0)
    {
      cairo_set_source_rgba (cr, 0.5, 0.52, 0.55, 0.6);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);

  if (owner)
    {
      cairo_arc (cr, cx, cy, AVATAR_RADIUS + 2.5, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, INK);
      cairo_set_line_width (cr, 1.6);
      cairo_stroke (cr);
    }

  if (g_strcmp0 (level, "trusted") == 0)
    cairo_set_source_rgb (cr, 1, 1, 1);
  else if (g_strcmp0 (level, "met") == 0)
    cairo_set_source_rgb (cr, 0.10, 0.37, 0.71);
  else
    cairo_set_source_rgb (cr, 0.55, 0.57, 0.60);

  tw = text_width (cr, member->initials, 9.5, TRUE);
  draw_text (cr, member->initials, cx - tw / 2, cy - 6.5, 9.5, TRUE, 0);
}

static void
draw_stale_mark (cairo_t              *cr,
                 const IrMapSceneCard *card,
                 double                right,
                 double                cy)
{
  g_autofree char *text = NULL;
  double width, x;

  if (card->days_since_contact < 0)
    text = g_strdup (C_("last contact", "never"));
  else
    /* Translators: days since the last contact, on a card; keep it short. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                         card->days_since_contact),
                            card->days_since_contact);

  width = text_width (cr, text, 10.5, TRUE);
  x = right - width;
  cairo_set_source_rgb (cr, 0.80, 0.42, 0.0);
  draw_text (cr, text, x, cy - 7, 10.5, TRUE, 0);

  /* A clock face left of the text. */
  cairo_set_line_width (cr, 1.4);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x - 11, cy, 5.5, 0, 2 * G_PI);
  cairo_move_to (cr, x - 11, cy - 3);
  cairo_line_to (cr, x - 11, cy);
  cairo_line_to (cr, x - 8.5, cy + 1.5);
  cairo_stroke (cr);
}

static void
draw_card (cairo_t              *cr,
           IrMapScene           *scene,
           const IrMapSceneCard *card)
{
  const IrMapRect *r = &card->rect;
  IrMapColor stance = ir_map_stance_color (card->stance);
  IrMapColor department = ir_map_department_color (card->department_color);
  const char *badge = ir_map_role_badge_label (card->buying_role);
  double name_width = r->width - 2 * CARD_PADDING;
  double x = r->x + CARD_PADDING, y;
  double border = 1.0 + 0.55 * MAX (0, card->influence - 1);

  if (card->left)
    cairo_push_group (cr);

  /* Shadow, body and the department's band. */
  path_rounded (cr, r->x, r->y + 2, r->width, r->height, CARD_RADIUS);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
  cairo_fill (cr);
  path_rounded (cr, r->x, r->y, r->width, r->height, CARD_RADIUS);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_save (cr);
  cairo_clip (cr);
  if (card->department_color >= 0)
    {
      set_color (cr, &department, 1.0);
      cairo_rectangle (cr, r->x, r->y, r->width, BAND_HEIGHT);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  /* The border: stance colour, heavier with more influence. */
  path_rounded (cr, r->x, r->y, r->width, r->height, CARD_RADIUS);
  set_color (cr, &stance, 1.0);
  cairo_set_line_width (cr, border);
  if (card->placeholder)
    {
      const double dashes[] = { 6.0, 4.0 };

      cairo_set_dash (cr, dashes, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  /* Name and role badge, then the title. */
  y = r->y + BAND_HEIGHT + 10;
  if (badge != NULL)
    {
      IrMapColor dark = { 0.24, 0.27, 0.31 };
      double bw = text_width (cr, badge, 11, TRUE) + 14;

      draw_pill (cr, badge, r->x + r->width - CARD_PADDING - bw, y, &dark, TRUE);
      name_width -= bw + 6;
    }

  cairo_set_source_rgb (cr, INK);
  draw_text (cr, card->placeholder && (card->name == NULL || card->name[0] == '\0') ?
                 _("Unknown") : card->name,
             x, y - 1, 15.5, TRUE, name_width);
  y += 24;
  cairo_set_source_rgb (cr, DIM_INK);
  draw_text (cr, card->title ? card->title : "", x, y, 12, FALSE, r->width - 2 * CARD_PADDING);

  /* Influence pips and stance, or where the person went. */
  y += 25;
  if (card->left)
    {
      g_autofree char *text = card->successor_name ?
        /* Translators: on a card of someone who left; %s is the successor. */
        g_strdup_printf (_("Left · successor %s"), card->successor_name) :
        g_strdup (_("Left the company"));

      cairo_set_source_rgb (cr, DIM_INK);
      draw_text (cr, text, x, y + 1, 11.5, TRUE, r->width - 2 * CARD_PADDING);
    }
  else
    {
      for (int i = 0; i < 5; i++)
        {
          cairo_arc (cr, x + 4 + i * 11, y + 9.5, 4, 0, 2 * G_PI);
          if (i < card->influence)
            cairo_set_source_rgb (cr, INK);
          else
            cairo_set_source_rgb (cr, 0.85, 0.86, 0.88);
          cairo_fill (cr);
        }
      draw_pill (cr, ir_map_stance_label (card->stance), x + 62, y, &stance, FALSE);
    }

  /* The trio's relationship levels, and a stale contact. */
  y = r->y + r->height - CARD_PADDING - AVATAR_RADIUS + 3;
  for (guint m = 0; m < scene->members->len; m++)
    draw_avatar (cr, scene->members->pdata[m], card->levels[m], card->owner == (int) m,
                 x + AVATAR_RADIUS + m * (2 * AVATAR_RADIUS + 7), y);
  if (card->stale && !card->left)
    draw_stale_mark (cr, card, r->x + r->width - CARD_PADDING, y);

  if (card->left)
    {
      cairo_pop_group_to_source (cr);
      cairo_paint_with_alpha (cr, 0.55);
    }
}

/* --- departments --------------------------------------------------------- */

static void
draw_departments (cairo_t    *cr,
                  IrMapScene *scene)
{
  g_autoptr(GHashTable) frames = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < scene->cards->len; i++)
    {
      IrMapSceneCard *card = scene->cards->pdata[i];
      IrMapRect *frame;

      if (card->department == NULL || card->department[0] == '\0')
        continue;

      frame = g_hash_table_lookup (frames, card->department);
      if (frame == NULL)
        {
          frame = g_new (IrMapRect, 1);
          *frame = card->rect;
          g_hash_table_insert (frames, card->department, frame);
          g_ptr_array_add (order, card);
          continue;
        }

      frame->width = MAX (frame->x + frame->width, card->rect.x + card->rect.width);
      frame->height = MAX (frame->y + frame->height, card->rect.y + card->rect.height);
      frame->x = MIN (frame->x, card->rect.x);
      frame->y = MIN (frame->y, card->rect.y);
      frame->width -= frame->x;
      frame->height -= frame->y;
    }

  for (guint i = 0; i < order->len; i++)
    {
      IrMapSceneCard *card = order->pdata[i];
      IrMapRect *frame = g_hash_table_lookup (frames, card->department);
      IrMapColor color = ir_map_department_color (card->department_color);
      double x = frame->x - FRAME_PADDING, y = frame->y - FRAME_PADDING - FRAME_HEADER;

      path_rounded (cr, x, y, frame->width + 2 * FRAME_PADDING,
                    frame->height + 2 * FRAME_PADDING + FRAME_HEADER, 16);
      set_color (cr, &color, 0.06);
      cairo_fill_preserve (cr);
      set_color (cr, &color, 0.35);
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);

      set_color (cr, &color, 1.0);
      draw_text (cr, card->department, x + 16, y + 8, 15, TRUE,
                 frame->width + 2 * FRAME_PADDING - 32);
    }
}

/* --- public API ---------------------------------------------------------- */

/**
 * ir_map_scene_render:
 *
 * Draws the scene in map coordinates: department frames, then the links,
 * then the cards.
 */
void
ir_map_scene_render (IrMapScene *scene,
                     cairo_t    *cr)
{
  g_autofree IrMapLinkShape *shapes = g_new0 (IrMapLinkShape, scene->links->len + 1);

  cairo_save (cr);
  draw_departments (cr, scene);

  for (guint i = 0; i < scene->links->len; i++)
    {
      IrMapSceneLink *link = scene->links->pdata[i];

      shapes[i].source = &((IrMapSceneCard *) scene->cards->pdata[link->source])->rect;
      shapes[i].target = &((IrMapSceneCard *) scene->cards->pdata[link->target])->rect;
      shapes[i].kind = link->kind;
      shapes[i].strength = link->strength;
      shapes[i].broken = link->broken;
    }
  ir_map_draw_links (cr, shapes, scene->links->len, 1.0, FALSE);

  for (guint i = 0; i < scene->cards->len; i++)
    draw_card (cr, scene, scene->cards->pdata[i]);
  cairo_restore (cr);
}

static void
draw_legend_line (cairo_t    *cr,
                  const char *kind,
                  int         strength,
                  const char *label,
                  double      x,
                  double      y)
{
  IrMapRect from = { x, y, 1, 1 }, to = { x + 44, y, 1, 1 };
  IrMapLinkShape shape = { &from, &to, kind, strength, FALSE };

  ir_map_draw_links (cr, &shape, 1, 1.0, FALSE);
  cairo_set_source_rgb (cr, DIM_INK);
  draw_text (cr, label, x + 52, y - 7, 12, FALSE, 0);
}

/* What the avatars on a card mean, with the initials "AB" as an example. */
static void
draw_avatar_legend (cairo_t *cr,
                    double   x,
                    double   cy)
{
  static const char * const levels[] = { "none", "met", "trusted" };
  const char *labels[] = {
    C_("relationship level", "Not met"),
    C_("relationship level", "Met"),
    C_("relationship level", "Trusted"),
  };
  IrMapSceneMember sample = { NULL, (char *) "AB", NULL };

  cairo_set_source_rgb (cr, DIM_INK);
  x += draw_text (cr, _("Team’s relationship:"), x, cy - 8, 12, FALSE, 0) + 14;

  for (gsize i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      draw_avatar (cr, &sample, levels[i], FALSE, x + AVATAR_RADIUS, cy);
      cairo_set_source_rgb (cr, DIM_INK);
      x += 2 * AVATAR_RADIUS + 6;
      x += draw_text (cr, labels[i], x, cy - 8, 12, FALSE, 0) + 18;
    }

  draw_avatar (cr, &sample, "met", TRUE, x + AVATAR_RADIUS, cy);
  cairo_set_source_rgb (cr, DIM_INK);
  x += 2 * AVATAR_RADIUS + 8;
  draw_text (cr, _("covers the person"), x, cy - 8, 12, FALSE, 0);
}

/* The title, the date and a legend of what lines, colours and avatars
 * mean, so that a printed map explains itself. */
static void
draw_header (cairo_t    *cr,
             IrMapScene *scene,
             double      width)
{
  static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic",
                                          "blocker" };
  g_autofree char *title = g_strdup_printf (_("Decision map · %s"), scene->room_name);
  /* Translators: under the title of an exported map; %s is a date. */
  g_autofree char *date = g_strdup_printf (_("As of %s"), scene->today);
  double x = PAGE_MARGIN;

  cairo_set_source_rgb (cr, INK);
  draw_text (cr, title, PAGE_MARGIN, PAGE_MARGIN - 10, 22, TRUE, width - 2 * PAGE_MARGIN);
  cairo_set_source_rgb (cr, DIM_INK);
  draw_text (cr, date, PAGE_MARGIN, PAGE_MARGIN + 20, 12.5, FALSE, 0);

  draw_legend_line (cr, "reports_to", 0, _("Reports to"), x, PAGE_MARGIN + 54);
  x += 160;
  draw_legend_line (cr, "influences", 2, _("Influences"), x, PAGE_MARGIN + 54);
  x += 160;
  draw_legend_line (cr, "conflict", 0, _("In conflict"), x, PAGE_MARGIN + 54);
  x += 160;

  for (gsize i = 0; i < G_N_ELEMENTS (stances); i++)
    {
      IrMapColor color = ir_map_stance_color (stances[i]);

      x += draw_pill (cr, ir_map_stance_label (stances[i]), x, PAGE_MARGIN + 45, &color,
                      FALSE) + 8;
    }

  draw_avatar_legend (cr, PAGE_MARGIN, PAGE_MARGIN + 88);
}

/**
 * ir_map_scene_render_page:
 *
 * Draws the scene on a white page of @width × @height, with a header and a
 * legend, scaled down to fit when it is larger than the page.
 */
void
ir_map_scene_render_page (IrMapScene *scene,
                          cairo_t    *cr,
                          double      width,
                          double      height)
{
  IrMapRect bounds;
  double area_width = width - 2 * PAGE_MARGIN;
  double area_height = height - 2 * PAGE_MARGIN - HEADER_HEIGHT;
  double map_width, map_height, scale;

  ir_map_scene_get_bounds (scene, &bounds);
  map_width = bounds.width + 2 * FRAME_PADDING;
  map_height = bounds.height + 2 * FRAME_PADDING + FRAME_HEADER;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_header (cr, scene, width);

  scale = MIN (1.0, MIN (area_width / MAX (map_width, 1), area_height / MAX (map_height, 1)));
  cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN + HEADER_HEIGHT);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -bounds.x + FRAME_PADDING, -bounds.y + FRAME_PADDING + FRAME_HEADER);
  ir_map_scene_render (scene, cr);
  cairo_restore (cr);
}

/* Returns the page size that shows the scene at full size. */
void
ir_map_scene_get_page_size (IrMapScene *scene,
                            double     *width,
                            double     *height)
{
  IrMapRect bounds;

  ir_map_scene_get_bounds (scene, &bounds);
  *width = MAX (bounds.width + 2 * FRAME_PADDING + 2 * PAGE_MARGIN, 900);
  *height = bounds.height + 2 * FRAME_PADDING + FRAME_HEADER + 2 * PAGE_MARGIN + HEADER_HEIGHT;
}
