/* ir-gantt-paint-style.c: colours, text and shapes of the Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-paint-private.h"

/* Cached layouts past this many are dropped all at once. */
#define LAYOUT_CACHE_MAX 4096

/* --- palette and text ----------------------------------------------------- */

static void
set_rgba (GdkRGBA    *color,
          const char *spec,
          float       alpha)
{
  gdk_rgba_parse (color, spec);
  color->alpha = alpha;
}

GdkRGBA
ir_gantt_rgba_with_alpha (const GdkRGBA *color,
                          float          alpha)
{
  GdkRGBA result = *color;

  result.alpha = alpha;
  return result;
}

static void
init_fixed_colors (IrGanttPalette *palette)
{
  set_rgba (&palette->today, "#e01b24", 0.9f);
  set_rgba (&palette->bar, "#62a0ea", 1.0f);
  set_rgba (&palette->bar_done, "#1c71d8", 1.0f);
  set_rgba (&palette->critical, "#f66151", 1.0f);
  set_rgba (&palette->critical_done, "#c01c28", 1.0f);
  set_rgba (&palette->key_milestone, "#813d9c", 1.0f);
  set_rgba (&palette->confirmed, "#26a269", 1.0f);
  set_rgba (&palette->committed, "#9141ac", 1.0f);
  set_rgba (&palette->void_seal, "#e66100", 1.0f);
  set_rgba (&palette->tampered, "#c01c28", 1.0f);
  set_rgba (&palette->conflict, "#e01b24", 1.0f);
  set_rgba (&palette->holiday, "#ff7800", 0.10f);
}

static void
derive_from_text (IrGanttPalette *palette)
{
  palette->dim_text = ir_gantt_rgba_with_alpha (&palette->text, 0.55f);
  palette->grid = ir_gantt_rgba_with_alpha (&palette->text, 0.07f);
  palette->weekend = ir_gantt_rgba_with_alpha (&palette->text, 0.045f);
  palette->summary = ir_gantt_rgba_with_alpha (&palette->text, 0.80f);
  palette->milestone = ir_gantt_rgba_with_alpha (&palette->text, 0.80f);
  palette->baseline = ir_gantt_rgba_with_alpha (&palette->text, 0.28f);
  palette->link = ir_gantt_rgba_with_alpha (&palette->text, 0.50f);
}

/* Reads the theme's colours, so that the chart follows the dark style. */
void
ir_gantt_palette_init_from_widget (IrGanttPalette *palette,
                                   GtkWidget      *widget)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA accent;

  init_fixed_colors (palette);

  if (!gtk_style_context_lookup_color (context, "view_bg_color", &palette->background))
    set_rgba (&palette->background, "#ffffff", 1.0f);
  if (!gtk_style_context_lookup_color (context, "view_fg_color", &palette->text))
    gtk_style_context_get_color (context, &palette->text);
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &palette->header))
    palette->header = palette->background;
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", &accent))
    set_rgba (&accent, "#3584e4", 1.0f);

  palette->selection = ir_gantt_rgba_with_alpha (&accent, 0.16f);
  derive_from_text (palette);
}

void
ir_gantt_palette_init_for_print (IrGanttPalette *palette)
{
  init_fixed_colors (palette);
  set_rgba (&palette->background, "#ffffff", 1.0f);
  set_rgba (&palette->header, "#f2f2f2", 1.0f);
  set_rgba (&palette->text, "#241f31", 1.0f);
  set_rgba (&palette->selection, "#3584e4", 0.0f);
  derive_from_text (palette);
}

GHashTable *
ir_gantt_layout_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Returns the cached layout of @text; the cache owns it. */
PangoLayout *
ir_gantt_view_get_layout (const IrGanttView *view,
                          const char        *text,
                          gboolean           small)
{
  g_autofree char *key = g_strconcat (small ? "s" : "n", text, NULL);
  PangoLayout *layout = g_hash_table_lookup (view->layouts, key);
  PangoFontDescription *font;

  if (layout != NULL)
    return layout;

  layout = pango_layout_new (view->pango);
  if (small)
    {
      font = pango_font_description_copy (pango_context_get_font_description (view->pango));
      pango_font_description_set_size (font, pango_font_description_get_size (font) * 0.85);
      pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
      pango_layout_set_font_description (layout, font);
      pango_font_description_free (font);
    }
  pango_layout_set_text (layout, text, -1);

  if (g_hash_table_size (view->layouts) >= LAYOUT_CACHE_MAX)
    g_hash_table_remove_all (view->layouts);
  g_hash_table_insert (view->layouts, g_steal_pointer (&key), layout);

  return layout;
}

/* Draws @text with its left edge at @x, centred on @center_y; returns its
 * width. */
double
ir_gantt_draw_text (IrGanttCanvas     *canvas,
                    const IrGanttView *view,
                    const char        *text,
                    gboolean           small,
                    double             x,
                    double             center_y,
                    const GdkRGBA     *color)
{
  PangoLayout *layout = ir_gantt_view_get_layout (view, text, small);
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  canvas->draw_layout (canvas, x, center_y - height / 2.0, layout, color);

  return width;
}

/* Draws a small rounded label, such as "Confirmed", and returns its width. */
double
ir_gantt_draw_pill (IrGanttCanvas     *canvas,
                    const IrGanttView *view,
                    const char        *text,
                    double             x,
                    double             center_y,
                    const GdkRGBA     *color)
{
  PangoLayout *layout = ir_gantt_view_get_layout (view, text, TRUE);
  GdkRGBA fill = ir_gantt_rgba_with_alpha (color, 0.16f);
  int width, height;
  graphene_rect_t box;

  pango_layout_get_pixel_size (layout, &width, &height);
  box = GRAPHENE_RECT_INIT (x, center_y - height / 2.0 - 1, width + 12, height + 2);
  canvas->fill_rounded (canvas, &box, box.size.height / 2, &fill);
  canvas->draw_layout (canvas, x + 6, center_y - height / 2.0, layout, color);

  return box.size.width;
}

/* --- shapes --------------------------------------------------------------- */

void
ir_gantt_set_source (cairo_t       *cr,
                     const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

void
ir_gantt_diamond_path (cairo_t *cr,
                       double   x,
                       double   y,
                       double   radius)
{
  cairo_move_to (cr, x, y - radius);
  cairo_line_to (cr, x + radius, y);
  cairo_line_to (cr, x, y + radius);
  cairo_line_to (cr, x - radius, y);
  cairo_close_path (cr);
}

