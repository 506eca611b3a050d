/* ir-gantt-print.c: the Gantt chart on paper: PDF and printing
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A page has a title line, a narrow task table on the left and the chart
 * on the right. A plan too long or too wide for one page continues on the
 * next ones, across time first and then down the rows. Every page repeats
 * the table and the time scale, so that each can be read on its own in a
 * review.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "ir-gantt-paint.h"
#include "ir-gantt-print.h"

#define MARGIN        28.0
#define TITLE_HEIGHT  34.0
#define HEADER_HEIGHT 28.0
#define ROW_HEIGHT    15.0
#define TABLE_WIDTH   330.0

/* Screen pixels per day become this many points per day on paper. */
#define POINTS_PER_PIXEL 0.75

typedef struct
{
  guint rows_per_page;
  guint days_per_page;
  guint row_pages;
  guint day_pages;
  IrDay first_day;
  double day_width;
} Layout;

/* --- layout --------------------------------------------------------------- */

static void
compute_layout (const IrGanttPrintJob *job,
                double                 page_width,
                double                 page_height,
                Layout                *layout)
{
  double chart_width = page_width - 2 * MARGIN - TABLE_WIDTH;
  double rows_height = page_height - 2 * MARGIN - TITLE_HEIGHT - HEADER_HEIGHT;
  guint n_rows = job->rows ? job->rows->len : 0;
  IrDay first = IR_DAY_NONE, last = IR_DAY_NONE;

  if (job->schedule != NULL && ir_schedule_is_computed (job->schedule))
    ir_schedule_get_span (job->schedule, &first, &last);
  if (first == IR_DAY_NONE)
    first = last = job->today;

  /* A week before the plan, from a Monday, and a week after it. */
  first -= 7;
  first -= (first - 1) % 7;
  last += 7;

  layout->day_width = ir_gantt_zoom_get_day_width (job->zoom) * POINTS_PER_PIXEL;
  layout->rows_per_page = MAX (1, (guint) floor (rows_height / ROW_HEIGHT));
  layout->days_per_page = MAX (1, (guint) floor (chart_width / layout->day_width));
  layout->row_pages = MAX (1, (n_rows + layout->rows_per_page - 1) / layout->rows_per_page);
  layout->day_pages = MAX (1, (guint) (last - first + layout->days_per_page) /
                              layout->days_per_page);
  layout->first_day = first;
}

guint
ir_gantt_print_count_pages (const IrGanttPrintJob *job,
                            double                 page_width,
                            double                 page_height)
{
  Layout layout;

  compute_layout (job, page_width, page_height, &layout);
  return layout.row_pages * layout.day_pages;
}

/* --- drawing -------------------------------------------------------------- */

static PangoContext *
create_pango_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  PangoFontDescription *font = pango_font_description_from_string ("Sans 7");

  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_font_description (context, font);
  pango_font_description_free (font);

  return context;
}

static void
draw_text (cairo_t      *cr,
           PangoContext *context,
           const char   *text,
           const char   *font,
           double        x,
           double        y,
           double        width)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_font_description_free (description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_text (layout, text ? text : "", -1);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static char *
format_day (IrDay day)
{
  char text[IR_DAY_STRING_SIZE];

  return g_strdup (day != IR_DAY_NONE ? ir_day_format (day, text) : "");
}

static void
draw_title (const IrGanttPrintJob *job,
            cairo_t               *cr,
            PangoContext          *context,
            double                 page_width,
            guint                  page,
            guint                  n_pages)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *printed = g_date_time_format (now, "%Y-%m-%d %H:%M");
  g_autofree char *right = NULL;
  g_autofree char *title = NULL;

  if (job->subtitle != NULL && job->subtitle[0] != '\0')
    /* Translators: the title of a printed Gantt chart: the room and the customer. */
    title = g_strdup_printf (_("%s — %s"), job->title ? job->title : "", job->subtitle);
  else
    title = g_strdup (job->title ? job->title : "");

  /* Translators: at the top right of a printed Gantt chart. */
  right = g_strdup_printf (_("Printed %s · page %u of %u"), printed, page + 1, n_pages);

  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  draw_text (cr, context, title, "Sans Bold 12", MARGIN, MARGIN, page_width * 0.6);
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  draw_text (cr, context, right, "Sans 8", page_width - MARGIN - 260, MARGIN + 3, 260);
}

/* The narrow table on the left of each page: WBS, name, start, finish. */
static void
draw_table (const IrGanttPrintJob *job,
            cairo_t               *cr,
            PangoContext          *context,
            guint                  first_row,
            guint                  n_rows,
            double                 top)
{
  static const double widths[] = { 40, 170, 60, 60 };
  const char *titles[] = { _("WBS"), _("Task"), _("Start"), _("Finish") };
  double x = MARGIN;

  cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
  cairo_rectangle (cr, MARGIN, top, TABLE_WIDTH, HEADER_HEIGHT);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      draw_text (cr, context, titles[c], "Sans Bold 7", x + 3, top + 10, widths[c] - 6);
      x += widths[c];
    }

  for (guint r = 0; r < n_rows; r++)
    {
      IrScheduleTask *task = g_ptr_array_index (job->rows, first_row + r);
      double y = top + HEADER_HEIGHT + r * ROW_HEIGHT;
      g_autofree char *outline = task->wbs ? g_strdup (task->wbs)
                                           : ir_schedule_get_outline_number (job->schedule, task);
      g_autofree char *start = format_day (task->start);
      g_autofree char *finish = format_day (task->finish);
      double indent = 6.0 * MAX (0, task->outline_level - 1);
      const char *font = (task->flags & IR_TASK_SUMMARY) ? "Sans Bold 7" : "Sans 7";

      cairo_set_source_rgba (cr, 0, 0, 0, 0.08);
      cairo_rectangle (cr, MARGIN, y + ROW_HEIGHT - 0.5, TABLE_WIDTH, 0.5);
      cairo_fill (cr);

      cairo_set_source_rgb (cr, 0.14, 0.12, 0.19);
      draw_text (cr, context, outline, "Sans 7", MARGIN + 3, y + 3, widths[0] - 6);
      draw_text (cr, context, task->name, font, MARGIN + widths[0] + 3 + indent, y + 3,
                 widths[1] - 6 - indent);
      draw_text (cr, context, start, "Sans 7", MARGIN + widths[0] + widths[1] + 3, y + 3,
                 widths[2] - 6);
      draw_text (cr, context, finish, "Sans 7", MARGIN + widths[0] + widths[1] + widths[2] + 3,
                 y + 3, widths[3] - 6);
    }

  cairo_set_source_rgba (cr, 0, 0, 0, 0.3);
  cairo_rectangle (cr, MARGIN + TABLE_WIDTH - 0.5, top, 0.5,
                   HEADER_HEIGHT + n_rows * ROW_HEIGHT);
  cairo_fill (cr);
}

static int *
index_rows (const IrGanttPrintJob *job)
{
  guint n = ir_schedule_get_n_tasks (job->schedule);
  int *row_of_task = g_new (int, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    row_of_task[i] = -1;
  for (guint r = 0; r < job->rows->len; r++)
    row_of_task[((IrScheduleTask *) job->rows->pdata[r])->index] = r;

  return row_of_task;
}

/**
 * ir_gantt_print_draw_page:
 * @page: from 0 to ir_gantt_print_count_pages() - 1
 *
 * Draws one page of the chart on @cr, in points.
 */
void
ir_gantt_print_draw_page (const IrGanttPrintJob *job,
                          cairo_t               *cr,
                          double                 page_width,
                          double                 page_height,
                          guint                  page)
{
  g_autoptr(GObject) context_owner = G_OBJECT (create_pango_context ());
  PangoContext *context = PANGO_CONTEXT (context_owner);
  g_autoptr(GHashTable) layouts = ir_gantt_layout_cache_new ();
  g_autofree int *row_of_task = NULL;
  g_autofree int *link_rows = NULL;
  IrGanttCairoCanvas canvas;
  IrGanttView view;
  Layout layout;
  guint row_page, day_page, first_row, n_rows;
  double top = MARGIN + TITLE_HEIGHT;
  double chart_x = MARGIN + TABLE_WIDTH;

  compute_layout (job, page_width, page_height, &layout);
  row_page = page / layout.day_pages;
  day_page = page % layout.day_pages;
  first_row = row_page * layout.rows_per_page;
  n_rows = job->rows ? MIN (layout.rows_per_page, job->rows->len - MIN (first_row, job->rows->len))
                     : 0;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_title (job, cr, context, page_width, page, layout.row_pages * layout.day_pages);
  draw_table (job, cr, context, first_row, n_rows, top);
  cairo_restore (cr);

  if (job->schedule == NULL || job->rows == NULL)
    return;

  row_of_task = index_rows (job);
  link_rows = ir_gantt_index_links (job->schedule, row_of_task);
  view = (IrGanttView) {
    .schedule = job->schedule,
    .rows = job->rows,
    .row_of_task = row_of_task,
    .link_rows = link_rows,
    .seal_states = job->seal_states,
    .zoom = job->zoom,
    .day_width = layout.day_width,
    .origin = layout.first_day + day_page * layout.days_per_page,
    .x_offset = 0,
    .y_offset = first_row * ROW_HEIGHT,
    .width = layout.days_per_page * layout.day_width,
    .height = HEADER_HEIGHT + n_rows * ROW_HEIGHT,
    .header_height = HEADER_HEIGHT,
    .row_height = ROW_HEIGHT,
    .today = job->today,
    .baseline = job->baseline,
    .selected_row = -1,
    .pango = context,
    .layouts = layouts,
  };
  ir_gantt_palette_init_for_print (&view.palette);

  cairo_save (cr);
  cairo_translate (cr, chart_x, top);
  cairo_rectangle (cr, 0, 0, view.width, view.height);
  cairo_clip (cr);
  ir_gantt_cairo_canvas_init (&canvas, cr);
  ir_gantt_paint_rows (&canvas.parent, &view);
  ir_gantt_paint_header (&canvas.parent, &view);
  cairo_restore (cr);
}

/* --- PDF ------------------------------------------------------------------ */

/**
 * ir_gantt_export_pdf:
 * @n_pages: (out) (optional): how many pages were written
 *
 * Writes the chart to @path as a PDF of landscape A3 pages.
 *
 * Returns: %TRUE on success, or %FALSE with @error set
 */
gboolean
ir_gantt_export_pdf (const IrGanttPrintJob  *job,
                     const char             *path,
                     guint                  *n_pages,
                     GError                **error)
{
  guint pages = ir_gantt_print_count_pages (job, IR_GANTT_PDF_WIDTH, IR_GANTT_PDF_HEIGHT);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, IR_GANTT_PDF_WIDTH,
                                                       IR_GANTT_PDF_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (job->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, job->title);

  for (guint page = 0; page < pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      ir_gantt_print_draw_page (job, cr, IR_GANTT_PDF_WIDTH, IR_GANTT_PDF_HEIGHT, page);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not write the Gantt chart to “%s”: %s. Choose another folder."),
                   path, cairo_status_to_string (status));
      return FALSE;
    }

  if (n_pages != NULL)
    *n_pages = pages;

  return TRUE;
}

/* --- printing ------------------------------------------------------------- */

typedef struct
{
  IrGanttPrintJob  job;
  char            *title;
  char            *subtitle;
} PrintData;

static void
print_data_free (gpointer data)
{
  PrintData *print = data;

  g_clear_pointer (&print->job.schedule, ir_schedule_unref);
  g_clear_pointer (&print->job.rows, g_ptr_array_unref);
  g_clear_pointer (&print->job.seal_states, g_hash_table_unref);
  g_free (print->title);
  g_free (print->subtitle);
  g_free (print);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *print)
{
  gtk_print_operation_set_n_pages (operation,
                                   ir_gantt_print_count_pages (&print->job,
                                                               gtk_print_context_get_width (context),
                                                               gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintData         *print)
{
  ir_gantt_print_draw_page (&print->job, gtk_print_context_get_cairo_context (context),
                            gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context), page);
}

/* Opens the print dialog for the chart, on landscape pages. */
void
ir_gantt_print (const IrGanttPrintJob *job,
                GtkWindow             *parent)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GError) error = NULL;
  PrintData *print = g_new0 (PrintData, 1);

  print->job = *job;
  print->title = g_strdup (job->title);
  print->subtitle = g_strdup (job->subtitle);
  print->job.title = print->title;
  print->job.subtitle = print->subtitle;
  print->job.schedule = job->schedule ? ir_schedule_ref (job->schedule) : NULL;
  print->job.rows = job->rows ? g_ptr_array_ref (job->rows) : NULL;
  print->job.seal_states = job->seal_states ? g_hash_table_ref (job->seal_states) : NULL;

  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, job->title ? job->title : _("Gantt chart"));
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), print);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), print);
  g_object_set_data_full (G_OBJECT (operation), "ir-print-data", print, print_data_free);

  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    g_warning ("Failed to print the Gantt chart: %s", error->message);
}
