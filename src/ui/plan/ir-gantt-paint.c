/* ir-gantt-paint.c: drawing the rows of the Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same code draws the timeline widget and the PDF and printed chart,
 * through an IrGanttCanvas. Only the visible rows are drawn, and links are
 * skipped unless their span of rows crosses the visible ones, so that a
 * plan of 10,000 tasks costs what its screenful costs.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-paint.h"

/* Cached layouts past this many are dropped all at once. */
#define LAYOUT_CACHE_MAX 4096

#define ARROW_STUB 6.0
#define ARROW_HEAD 4.5

/* --- geometry ------------------------------------------------------------- */

double
ir_gantt_view_day_x (const IrGanttView *view,
                     IrDay              day)
{
  return (day - view->origin) * view->day_width - view->x_offset;
}

IrDay
ir_gantt_view_day_at (const IrGanttView *view,
                      double             x)
{
  return view->origin + (IrDay) floor ((x + view->x_offset) / view->day_width);
}

double
ir_gantt_view_row_y (const IrGanttView *view,
                     int                row)
{
  return view->header_height + row * view->row_height - view->y_offset;
}

void
ir_gantt_view_visible_rows (const IrGanttView *view,
                            int               *first,
                            int               *last)
{
  int n = view->rows ? (int) view->rows->len : 0;
  double rows_height = view->height - view->header_height;

  *first = MAX (0, (int) floor (view->y_offset / view->row_height));
  *last = MIN (n - 1, (int) floor ((view->y_offset + rows_height) / view->row_height));
}

static double
milestone_x (const IrGanttView *view,
             IrScheduleTask    *task)
{
  IrDay day = task->start;

  if (task->flags & IR_TASK_END_OF_DAY)
    day++;

  return ir_gantt_view_day_x (view, day);
}

static double
diamond_radius (const IrGanttView *view,
                IrScheduleTask    *task)
{
  return task->key_milestone ? view->row_height * 0.30 : view->row_height * 0.23;
}

/* The horizontal extent of a task's shape: its bar, or its diamond. */
gboolean
ir_gantt_view_task_extent (const IrGanttView *view,
                           IrScheduleTask    *task,
                           double            *x0,
                           double            *x1)
{
  if (task->start == IR_DAY_NONE)
    return FALSE;

  if (task->milestone)
    {
      double x = milestone_x (view, task);
      double radius = diamond_radius (view, task);

      *x0 = x - radius;
      *x1 = x + radius;
    }
  else
    {
      *x0 = ir_gantt_view_day_x (view, task->start);
      *x1 = ir_gantt_view_day_x (view, MAX (task->finish, task->start) + 1);
    }

  return TRUE;
}

/* --- palette and text ----------------------------------------------------- */

static void
set_rgba (GdkRGBA    *color,
          const char *spec,
          float       alpha)
{
  gdk_rgba_parse (color, spec);
  color->alpha = alpha;
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
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
  palette->dim_text = with_alpha (&palette->text, 0.55f);
  palette->grid = with_alpha (&palette->text, 0.07f);
  palette->weekend = with_alpha (&palette->text, 0.045f);
  palette->summary = with_alpha (&palette->text, 0.80f);
  palette->milestone = with_alpha (&palette->text, 0.80f);
  palette->baseline = with_alpha (&palette->text, 0.28f);
  palette->link = with_alpha (&palette->text, 0.50f);
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

  palette->selection = with_alpha (&accent, 0.16f);
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
static double
draw_text (IrGanttCanvas     *canvas,
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
static double
draw_pill (IrGanttCanvas     *canvas,
           const IrGanttView *view,
           const char        *text,
           double             x,
           double             center_y,
           const GdkRGBA     *color)
{
  PangoLayout *layout = ir_gantt_view_get_layout (view, text, TRUE);
  GdkRGBA fill = with_alpha (color, 0.16f);
  int width, height;
  graphene_rect_t box;

  pango_layout_get_pixel_size (layout, &width, &height);
  box = GRAPHENE_RECT_INIT (x, center_y - height / 2.0 - 1, width + 12, height + 2);
  canvas->fill_rounded (canvas, &box, box.size.height / 2, &fill);
  canvas->draw_layout (canvas, x + 6, center_y - height / 2.0, layout, color);

  return box.size.width;
}

/* --- background ----------------------------------------------------------- */

static void
paint_days (IrGanttCanvas     *canvas,
            const IrGanttView *view,
            double             top,
            double             height)
{
  IrCalendar *calendar = ir_schedule_get_calendar (view->schedule);
  IrDay first = ir_gantt_view_day_at (view, 0);
  IrDay last = ir_gantt_view_day_at (view, view->width);
  IrDay run_start = IR_DAY_NONE;
  gboolean run_holiday = FALSE;

  /* Days off are shaded only while a day is wide enough to see. */
  if (view->day_width < 4 || calendar == NULL)
    return;

  for (IrDay day = first; day <= last + 1; day++)
    {
      gboolean off = day <= last && !ir_calendar_is_working_day (calendar, day);
      IrDayKind kind = IR_DAY_KIND_WORKDAY;
      gboolean holiday = off && ir_calendar_lookup_exception (calendar, day, &kind, NULL) &&
                         kind == IR_DAY_KIND_HOLIDAY;

      if (run_start != IR_DAY_NONE && (!off || holiday != run_holiday))
        {
          double x0 = ir_gantt_view_day_x (view, run_start);
          double x1 = ir_gantt_view_day_x (view, day);
          graphene_rect_t rect = GRAPHENE_RECT_INIT (x0, top, x1 - x0, height);

          canvas->fill_rect (canvas, &rect,
                             run_holiday ? &view->palette.holiday : &view->palette.weekend);
          run_start = IR_DAY_NONE;
        }

      if (off && run_start == IR_DAY_NONE)
        {
          run_start = day;
          run_holiday = holiday;
        }
    }
}

static void
paint_grid (IrGanttCanvas     *canvas,
            const IrGanttView *view,
            double             top,
            double             height,
            int                first_row,
            int                last_row)
{
  IrDay first = ir_gantt_view_day_at (view, 0);
  IrDay last = ir_gantt_view_day_at (view, view->width);
  g_autoptr(GArray) ticks = ir_gantt_scale_get_ticks (view->zoom, FALSE, first, last);

  for (guint i = 0; i < ticks->len; i++)
    {
      IrGanttTick *tick = &g_array_index (ticks, IrGanttTick, i);
      graphene_rect_t line = GRAPHENE_RECT_INIT (floor (ir_gantt_view_day_x (view, tick->first)),
                                                 top, 1, height);

      canvas->fill_rect (canvas, &line, &view->palette.grid);
    }

  for (int row = first_row; row <= last_row + 1; row++)
    {
      graphene_rect_t line = GRAPHENE_RECT_INIT (0, floor (ir_gantt_view_row_y (view, row)) - 1,
                                                 view->width, 1);

      canvas->fill_rect (canvas, &line, &view->palette.grid);
    }
}

/* --- vector shapes -------------------------------------------------------- */

static void
set_source (cairo_t       *cr,
            const GdkRGBA *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
diamond_path (cairo_t *cr,
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

/* The point where a link leaves or enters a task: its start or its finish. */
static void
link_end (const IrGanttView *view,
          IrScheduleTask    *task,
          gboolean           at_finish,
          int                row,
          double            *x,
          double            *y)
{
  double x0, x1;

  ir_gantt_view_task_extent (view, task, &x0, &x1);
  *x = at_finish ? x1 : x0;
  *y = ir_gantt_view_row_y (view, row) + view->row_height / 2;
}

static void
paint_link (cairo_t           *cr,
            const IrGanttView *view,
            IrScheduleLink    *link,
            IrScheduleTask    *predecessor,
            IrScheduleTask    *successor,
            int                from_row,
            int                to_row)
{
  gboolean from_finish = link->type == IR_LINK_FS || link->type == IR_LINK_FF;
  gboolean to_finish = link->type == IR_LINK_FF || link->type == IR_LINK_SF;
  double out = from_finish ? 1 : -1;     /* direction leaving the predecessor */
  double in = to_finish ? -1 : 1;        /* direction of the arrow */
  double x1, y1, x2, y2, stub, approach, turn_y;
  gboolean critical = (predecessor->flags & IR_TASK_CRITICAL) &&
                      (successor->flags & IR_TASK_CRITICAL) &&
                      (link->flags & IR_LINK_DRIVING);

  link_end (view, predecessor, from_finish, from_row, &x1, &y1);
  link_end (view, successor, to_finish, to_row, &x2, &y2);

  stub = x1 + out * ARROW_STUB;
  approach = x2 - in * ARROW_STUB;
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, stub, y1);

  if ((in > 0 && stub <= approach) || (in < 0 && stub >= approach))
    {
      cairo_line_to (cr, stub, y2);
    }
  else
    {
      /* Go around: along the gap between the two rows, then back. */
      turn_y = to_row > from_row ? ir_gantt_view_row_y (view, to_row)
                                 : ir_gantt_view_row_y (view, to_row + 1);
      cairo_line_to (cr, stub, turn_y);
      cairo_line_to (cr, approach, turn_y);
      cairo_line_to (cr, approach, y2);
    }
  cairo_line_to (cr, x2 - in * ARROW_HEAD, y2);

  if (link->flags & IR_LINK_IN_CYCLE)
    {
      static const double dashes[] = { 3.0, 2.0 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_source (cr, &view->palette.conflict);
    }
  else
    {
      cairo_set_dash (cr, NULL, 0, 0);
      set_source (cr, critical ? &view->palette.critical_done : &view->palette.link);
    }
  cairo_stroke (cr);

  cairo_move_to (cr, x2, y2);
  cairo_line_to (cr, x2 - in * ARROW_HEAD, y2 - ARROW_HEAD * 0.8);
  cairo_line_to (cr, x2 - in * ARROW_HEAD, y2 + ARROW_HEAD * 0.8);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
paint_links (IrGanttCanvas     *canvas,
             const IrGanttView *view,
             int                first_row,
             int                last_row)
{
  IrSchedule *schedule = view->schedule;
  guint n = ir_schedule_get_n_links (schedule);
  cairo_t *cr = NULL;

  for (guint l = 0; l < n; l++)
    {
      IrScheduleLink *link = ir_schedule_get_link (schedule, l);
      IrScheduleTask *predecessor, *successor;
      int from_row, to_row;

      if (link->flags & IR_LINK_BROKEN)
        continue;

      predecessor = ir_schedule_lookup_task (schedule, link->predecessor_id);
      successor = ir_schedule_lookup_task (schedule, link->successor_id);
      if (predecessor == NULL || successor == NULL ||
          predecessor->start == IR_DAY_NONE || successor->start == IR_DAY_NONE)
        continue;

      from_row = view->row_of_task[predecessor->index];
      to_row = view->row_of_task[successor->index];
      if (from_row < 0 || to_row < 0 ||
          MAX (from_row, to_row) < first_row || MIN (from_row, to_row) > last_row)
        continue;

      if (cr == NULL)
        {
          cr = canvas->get_cairo (canvas, 0);
          cairo_set_line_width (cr, 1.0);
        }
      paint_link (cr, view, link, predecessor, successor, from_row, to_row);
    }
}

/* --- tasks ---------------------------------------------------------------- */

static void
paint_summary (IrGanttCanvas     *canvas,
               const IrGanttView *view,
               IrScheduleTask    *task,
               double             top)
{
  double x0, x1;
  double bar_top = top + view->row_height * 0.32;
  double bar_height = view->row_height * 0.18;
  double tip = bar_top + view->row_height * 0.40;
  graphene_rect_t bar;
  cairo_t *cr;

  ir_gantt_view_task_extent (view, task, &x0, &x1);
  bar = GRAPHENE_RECT_INIT (x0, bar_top, MAX (x1 - x0, 1), bar_height);
  canvas->fill_rect (canvas, &bar, &view->palette.summary);

  cr = canvas->get_cairo (canvas, 0);
  set_source (cr, &view->palette.summary);
  cairo_move_to (cr, x0, bar_top);
  cairo_line_to (cr, x0 + 7, bar_top + bar_height);
  cairo_line_to (cr, x0, tip);
  cairo_close_path (cr);
  cairo_move_to (cr, x1, bar_top);
  cairo_line_to (cr, x1 - 7, bar_top + bar_height);
  cairo_line_to (cr, x1, tip);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
paint_bar (IrGanttCanvas     *canvas,
           const IrGanttView *view,
           IrScheduleTask    *task,
           IrDay              start,
           IrDay              finish,
           double             top,
           gboolean           preview)
{
  gboolean critical = (task->flags & IR_TASK_CRITICAL) != 0;
  double x0 = ir_gantt_view_day_x (view, start);
  double x1 = ir_gantt_view_day_x (view, MAX (finish, start) + 1);
  double bar_top = top + view->row_height * 0.24;
  double bar_height = view->row_height * 0.46;
  graphene_rect_t bar = GRAPHENE_RECT_INIT (x0 + 0.5, bar_top, MAX (x1 - x0 - 1, 2), bar_height);
  GdkRGBA fill = critical ? view->palette.critical : view->palette.bar;
  GdkRGBA done = critical ? view->palette.critical_done : view->palette.bar_done;

  if (preview)
    {
      fill = with_alpha (&done, 0.35f);
      canvas->fill_rounded (canvas, &bar, 3, &fill);
      return;
    }

  canvas->fill_rounded (canvas, &bar, 3, &fill);

  if (task->progress > 0)
    {
      graphene_rect_t part = bar;

      part.size.width = bar.size.width * MIN (task->progress, 100) / 100.0;
      canvas->fill_rounded (canvas, &part, 3, &done);
    }

  if (task->flags & (IR_TASK_CONFLICT | IR_TASK_IN_CYCLE))
    {
      graphene_rect_t under = GRAPHENE_RECT_INIT (bar.origin.x, bar_top + bar_height + 1,
                                                  bar.size.width, 2);

      canvas->fill_rect (canvas, &under, &view->palette.conflict);
    }
}

static void
paint_baseline (IrGanttCanvas     *canvas,
                const IrGanttView *view,
                IrScheduleTask    *task,
                double             top)
{
  IrTaskBaseline baseline;
  double x0, x1;
  graphene_rect_t ghost;

  if (view->baseline < 0 ||
      !ir_schedule_task_get_baseline (task, view->baseline, &baseline) ||
      baseline.start == IR_DAY_NONE || baseline.finish == IR_DAY_NONE)
    return;

  x0 = ir_gantt_view_day_x (view, baseline.start);
  x1 = ir_gantt_view_day_x (view, MAX (baseline.finish, baseline.start) + 1);
  if (task->milestone)
    x1 = x0 + 3;

  ghost = GRAPHENE_RECT_INIT (x0, top + view->row_height * 0.76, MAX (x1 - x0, 3), 3);
  canvas->fill_rect (canvas, &ghost, &view->palette.baseline);
}

static IrSealState
lookup_seal (const IrGanttView *view,
             IrScheduleTask    *task,
             gboolean          *found)
{
  gpointer value = view->seal_states ? g_hash_table_lookup (view->seal_states, task->id) : NULL;

  *found = value != NULL;
  return value ? (IrSealState) (GPOINTER_TO_INT (value) - 1) : IR_SEAL_VALID;
}

/* A key milestone: its committed date as an outlined diamond, and a badge
 * that says whether the customer's confirmation holds. Returns where the
 * task's label may start. */
static double
paint_commitment (IrGanttCanvas     *canvas,
                  const IrGanttView *view,
                  IrScheduleTask    *task,
                  double             center_y,
                  double             label_x)
{
  gboolean sealed;
  IrSealState state = lookup_seal (view, task, &sealed);
  const GdkRGBA *color = &view->palette.committed;
  const char *badge = NULL;

  if (sealed)
    {
      switch (state)
        {
        case IR_SEAL_VALID:
          color = &view->palette.confirmed;
          /* Translators: a badge on a milestone that the customer confirmed. */
          badge = _("Confirmed");
          break;
        case IR_SEAL_VOID:
          color = &view->palette.void_seal;
          /* Translators: a badge on a milestone whose confirmation was voided. */
          badge = _("Void");
          break;
        default:
          color = &view->palette.tampered;
          /* Translators: a badge on a milestone whose confirmation failed its check. */
          badge = _("Not verified");
          break;
        }
    }
  else if (task->committed != IR_DAY_NONE)
    {
      /* Translators: a badge on a milestone promised but not yet confirmed. */
      badge = _("Committed");
    }

  if (task->committed != IR_DAY_NONE)
    {
      cairo_t *cr = canvas->get_cairo (canvas, 1);
      double x = ir_gantt_view_day_x (view, task->committed + 1);
      double forecast = milestone_x (view, task);
      double radius = diamond_radius (view, task);

      /* A slip past the commitment is drawn as a red line to the forecast. */
      if (forecast > x + 1)
        {
          graphene_rect_t slip = GRAPHENE_RECT_INIT (x, center_y - 1, forecast - x, 2);

          canvas->fill_rect (canvas, &slip, &view->palette.conflict);
        }

      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, NULL, 0, 0);
      set_source (cr, color);
      diamond_path (cr, x, center_y, radius);
      cairo_stroke (cr);

      label_x = MAX (label_x, x + radius + 6);
    }

  if (badge != NULL)
    label_x += draw_pill (canvas, view, badge, label_x, center_y, color) + 6;

  return label_x;
}

static void
paint_task (IrGanttCanvas     *canvas,
            const IrGanttView *view,
            IrScheduleTask    *task,
            int                row)
{
  double top = ir_gantt_view_row_y (view, row);
  double center_y = top + view->row_height / 2;
  double x0, x1, label_x;

  if (!ir_gantt_view_task_extent (view, task, &x0, &x1))
    return;

  paint_baseline (canvas, view, task, top);

  if (task->flags & IR_TASK_SUMMARY)
    {
      paint_summary (canvas, view, task, top);
    }
  else if (task->milestone)
    {
      cairo_t *cr = canvas->get_cairo (canvas, 1);
      double radius = diamond_radius (view, task);
      const GdkRGBA *color = task->key_milestone ? &view->palette.key_milestone
                                                 : &view->palette.milestone;

      cairo_set_dash (cr, NULL, 0, 0);
      set_source (cr, (task->flags & IR_TASK_CRITICAL) ? &view->palette.critical_done : color);
      diamond_path (cr, (x0 + x1) / 2, center_y, radius);
      cairo_fill (cr);
    }
  else
    {
      paint_bar (canvas, view, task, task->start, task->finish, top, FALSE);
    }

  label_x = x1 + 6;
  if (task->key_milestone || task->committed != IR_DAY_NONE)
    label_x = paint_commitment (canvas, view, task, center_y, label_x);

  if (label_x < view->width && task->name != NULL)
    draw_text (canvas, view, task->name, FALSE, label_x, center_y,
               (task->flags & IR_TASK_SUMMARY) ? &view->palette.text : &view->palette.dim_text);
}

static void
paint_today (IrGanttCanvas     *canvas,
             const IrGanttView *view,
             double             top,
             double             height)
{
  double x;
  graphene_rect_t line;

  if (view->today == IR_DAY_NONE)
    return;

  x = ir_gantt_view_day_x (view, view->today) + view->day_width / 2;
  line = GRAPHENE_RECT_INIT (x - 1, top, 2, height);
  canvas->fill_rect (canvas, &line, &view->palette.today);
}

/**
 * ir_gantt_paint_rows:
 *
 * Draws the rows area of @view: shading, grid, today's line, links, bars,
 * milestones and labels, with the first row under the header.
 */
void
ir_gantt_paint_rows (IrGanttCanvas     *canvas,
                     const IrGanttView *view)
{
  double top = view->header_height;
  double height = view->height - view->header_height;
  graphene_rect_t area = GRAPHENE_RECT_INIT (0, top, view->width, height);
  int first_row, last_row;

  canvas->fill_rect (canvas, &area, &view->palette.background);
  if (view->schedule == NULL || view->rows == NULL)
    return;

  ir_gantt_view_visible_rows (view, &first_row, &last_row);

  if (view->selected_row >= first_row && view->selected_row <= last_row)
    {
      graphene_rect_t band = GRAPHENE_RECT_INIT (0, ir_gantt_view_row_y (view, view->selected_row),
                                                 view->width, view->row_height);

      canvas->fill_rect (canvas, &band, &view->palette.selection);
    }

  paint_days (canvas, view, top, height);
  paint_grid (canvas, view, top, height, first_row, last_row);
  paint_today (canvas, view, top, height);

  /* The layer beneath the bars comes first, whether or not it is used. */
  canvas->get_cairo (canvas, 0);
  paint_links (canvas, view, first_row, last_row);

  for (int row = first_row; row <= last_row; row++)
    paint_task (canvas, view, g_ptr_array_index (view->rows, row), row);

  if (view->preview_task != NULL)
    {
      int row = view->row_of_task[view->preview_task->index];

      if (row >= 0)
        paint_bar (canvas, view, view->preview_task, view->preview_start,
                   view->preview_finish, ir_gantt_view_row_y (view, row), TRUE);
    }

  if (view->link_preview)
    {
      cairo_t *cr = canvas->get_cairo (canvas, 1);
      static const double dashes[] = { 4.0, 3.0 };

      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      set_source (cr, &view->palette.bar_done);
      cairo_move_to (cr, view->link_from.x, view->link_from.y);
      cairo_line_to (cr, view->link_to.x, view->link_to.y);
      cairo_stroke (cr);
    }
}
