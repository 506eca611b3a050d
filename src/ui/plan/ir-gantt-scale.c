/* ir-gantt-scale.c: the time scale of the Gantt chart
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each zoom level has a width per day and two tiers of labels: a major
 * tier (months, or years when zoomed out) over a minor one (days, weeks,
 * months or quarters).
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-gantt-scale.h"

static const char * const zoom_names[] = { "days", "weeks", "months", "quarters" };

/* Pixels per calendar day; a minor tick is then about 28, 56, 76 and 91
 * pixels wide. */
static const double day_widths[] = { 28.0, 8.0, 2.5, 1.0 };

/* --- zoom ----------------------------------------------------------------- */

double
ir_gantt_zoom_get_day_width (IrGanttZoom zoom)
{
  g_return_val_if_fail (zoom <= IR_GANTT_ZOOM_LAST, 1.0);

  return day_widths[zoom];
}

const char *
ir_gantt_zoom_to_string (IrGanttZoom zoom)
{
  g_return_val_if_fail (zoom <= IR_GANTT_ZOOM_LAST, NULL);

  return zoom_names[zoom];
}

gboolean
ir_gantt_zoom_from_string (const char  *text,
                           IrGanttZoom *zoom)
{
  for (guint i = 0; i < G_N_ELEMENTS (zoom_names); i++)
    if (g_strcmp0 (text, zoom_names[i]) == 0)
      {
        *zoom = i;
        return TRUE;
      }

  return FALSE;
}

/* --- ticks ---------------------------------------------------------------- */

static void
tick_clear (gpointer data)
{
  IrGanttTick *tick = data;

  g_free (tick->label);
}

static char *
format_day (IrDay       day,
            const char *format)
{
  int year, month, day_of_month;
  g_autoptr(GDateTime) time = NULL;

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  time = g_date_time_new_utc (year, month, day_of_month, 0, 0, 0);

  return g_date_time_format (time, format);
}

static void
add_tick (GArray *ticks,
          IrDay   first,
          IrDay   last,
          char   *label)
{
  IrGanttTick tick = { first, last, label };

  g_array_append_val (ticks, tick);
}

/* Spans of @months months, aligned to January, that cover [first, last]. */
static void
add_month_ticks (GArray *ticks,
                 IrDay   first,
                 IrDay   last,
                 int     months,
                 int     label_kind)
{
  int year, month;

  ir_day_to_ymd (first, &year, &month, NULL);
  month -= (month - 1) % months;

  for (IrDay start = ir_day_from_ymd (year, month, 1); start <= last; )
    {
      int next_year = year + (month - 1 + months) / 12;
      int next_month = (month - 1 + months) % 12 + 1;
      IrDay next = ir_day_from_ymd (next_year, next_month, 1);
      char *label;

      if (label_kind == 0)
        /* Translators: a month over the days of the Gantt chart, as a
         * g_date_time_format() format. */
        label = format_day (start, _("%B %Y"));
      else if (label_kind == 1)
        /* Translators: a month under a year in the Gantt chart, as a
         * g_date_time_format() format. */
        label = format_day (start, _("%b"));
      else if (label_kind == 2)
        /* Translators: a quarter of the year in the Gantt chart. */
        label = g_strdup_printf (_("Q%d"), (month - 1) / 3 + 1);
      else
        label = g_strdup_printf ("%d", year);

      add_tick (ticks, start, next - 1, label);
      start = next;
      year = next_year;
      month = next_month;
    }
}

/**
 * ir_gantt_scale_get_ticks:
 * @major: the upper tier rather than the lower one
 *
 * Lists the labelled spans of one tier that cover [@first, @last].
 *
 * Returns: (transfer full) (element-type IrGanttTick): the spans, in order
 */
GArray *
ir_gantt_scale_get_ticks (IrGanttZoom zoom,
                          gboolean    major,
                          IrDay       first,
                          IrDay       last)
{
  GArray *ticks = g_array_new (FALSE, FALSE, sizeof (IrGanttTick));

  g_array_set_clear_func (ticks, tick_clear);
  if (first == IR_DAY_NONE || last < first)
    return ticks;

  switch (zoom)
    {
    case IR_GANTT_ZOOM_DAYS:
    case IR_GANTT_ZOOM_WEEKS:
      if (major)
        {
          add_month_ticks (ticks, first, last, 1, 0);
        }
      else if (zoom == IR_GANTT_ZOOM_DAYS)
        {
          for (IrDay day = first; day <= last; day++)
            {
              int day_of_month;

              ir_day_to_ymd (day, NULL, NULL, &day_of_month);
              add_tick (ticks, day, day, g_strdup_printf ("%d", day_of_month));
            }
        }
      else
        {
          /* Weeks start on Monday; day 1 is a Monday. */
          for (IrDay day = first - (first - 1) % 7; day <= last; day += 7)
            /* Translators: the Monday that starts a week in the Gantt
             * chart, as a g_date_time_format() format; it has 50 pixels. */
            add_tick (ticks, day, day + 6, format_day (day, C_("gantt week", "%-d %b")));
        }
      break;

    case IR_GANTT_ZOOM_MONTHS:
      add_month_ticks (ticks, first, last, major ? 12 : 1, major ? 3 : 1);
      break;

    case IR_GANTT_ZOOM_QUARTERS:
      add_month_ticks (ticks, first, last, major ? 12 : 3, major ? 3 : 2);
      break;

    default:
      g_return_val_if_reached (ticks);
    }

  return ticks;
}

/* Returns today in the local time zone. */
IrDay
ir_gantt_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return ir_day_from_ymd (g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now));
}
