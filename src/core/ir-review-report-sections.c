/* ir-review-report-sections.c: the report's section for each agenda step
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-map-render.h"
#include "ir-review-report-private.h"

/* Millimetres per PDF point. */
#define MM_PER_POINT (25.4 / 72.0)

/* The tallest a drawing's picture may be, so that its regions' table
 * starts on the same page. */
#define MAX_PICTURE_HEIGHT 430.0

/* --- helpers -------------------------------------------------------------- */

static char *
escape (const char *text)
{
  return g_markup_escape_text (text != NULL ? text : "", -1);
}

static char *
escape_day (IrDay day)
{
  g_autofree char *text = ir_review_format_day (day);

  return day != IR_DAY_NONE ? escape (text) : g_strdup ("—");
}

/* Returns a signed number of calendar days, such as "+3 days". */
static char *
format_day_change (int days)
{
  const char *sign = "";

  if (days > 0)
    sign = "+";
  else if (days < 0)
    sign = "−";

  /* Translators: a change of a date by a signed number of days, such as
   * "+3 days" or "−2 days"; the first %s is the sign. */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s%d day", "%s%d days", ABS (days)),
                          sign, ABS (days));
}

static IrReportColor
stance_color (const char *stance)
{
  IrMapColor color = ir_map_stance_color (stance);

  return (IrReportColor) { color.red, color.green, color.blue };
}

static void
add_row (GPtrArray   *rows,
         IrReportRow *row)
{
  g_ptr_array_add (rows, row);
}

static GPtrArray *
rows_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) ir_report_row_free);
}

/* --- decision map --------------------------------------------------------- */

static void
write_people (IrReportPen        *pen,
              IrReviewAgenda     *agenda,
              IrReviewPersonKind  kind,
              const char         *heading)
{
  const IrReportColumn columns[] = {
    { C_("person", "Name"), 0.24 },
    { _("Title"), 0.28 },
    { _("Department"), 0.20 },
    { kind == IR_REVIEW_PERSON_LEFT ? _("Successor") : _("Stance"), 0.28 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  for (guint i = 0; i < agenda->people->len; i++)
    {
      const IrReviewPersonChange *change = g_ptr_array_index (agenda->people, i);
      IrReportRow *row;

      if (change->kind != kind)
        continue;

      row = ir_report_row_new (4);
      row->cells[0] = escape (change->name);
      row->cells[1] = escape (change->title);
      row->cells[2] = escape (change->department);
      if (kind == IR_REVIEW_PERSON_LEFT)
        row->cells[3] = escape (change->successor_name ? change->successor_name
                                                       : _("No successor named"));
      else if (kind == IR_REVIEW_PERSON_STANCE)
        /* Translators: a stance change, such as "Skeptic → Supporter". */
        row->cells[3] = g_markup_printf_escaped (_("%s → <b>%s</b>"),
                                                 ir_map_stance_label (change->old_stance),
                                                 ir_map_stance_label (change->new_stance));
      else
        row->cells[3] = escape (ir_map_stance_label (change->new_stance));
      row->has_chip = TRUE;
      row->chip = stance_color (change->new_stance);
      add_row (rows, row);
    }

  if (rows->len == 0)
    return;

  ir_report_pen_heading (pen, heading, FALSE);
  ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

void
ir_report_write_map (IrReportPen    *pen,
                     IrReviewAgenda *agenda)
{
  if (agenda->people->len == 0)
    {
      ir_report_pen_paragraph (pen, _("Nobody on the customer’s side joined, changed stance "
                                      "or left in this period."), IR_REPORT_BODY);
      return;
    }

  write_people (pen, agenda, IR_REVIEW_PERSON_NEW, C_("review", "New people"));
  write_people (pen, agenda, IR_REVIEW_PERSON_STANCE, C_("review", "Stance changes"));
  write_people (pen, agenda, IR_REVIEW_PERSON_LEFT, C_("review", "People who left"));
}

/* --- drawings ------------------------------------------------------------- */

static void
draw_picture (IrReportPen         *pen,
              const IrReviewSheet *sheet)
{
  cairo_t *cr = pen->cr;
  double width = IR_REPORT_TEXT_WIDTH;
  double scale = width / sheet->width;
  double height = sheet->height * scale;
  double image_scale;

  if (height > MAX_PICTURE_HEIGHT)
    {
      scale *= MAX_PICTURE_HEIGHT / height;
      width = sheet->width * scale;
      height = MAX_PICTURE_HEIGHT;
    }

  ir_report_pen_ensure (pen, height + 10);
  image_scale = scale / sheet->overlay_scale;

  cairo_save (cr);
  cairo_translate (cr, IR_REPORT_MARGIN, pen->y);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_clip (cr);
  cairo_save (cr);
  cairo_scale (cr, image_scale, image_scale);
  cairo_set_source_surface (cr, sheet->overlay, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);

  /* Regions in vector, numbered as in the table below, in the magenta of
   * review mode, which differs from the overlay's red, blue and grey. */
  cairo_set_line_width (cr, 1.5);
  for (guint i = 0; i < sheet->regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (sheet->regions, IrDrawingRegion, i);
      g_autofree char *number = g_strdup_printf ("<b>%u</b>", i + 1);
      double x = region->box.x * scale - 3, y = region->box.y * scale - 3;

      cairo_set_source_rgb (cr, 0.78, 0.0, 0.55);
      cairo_rectangle (cr, x, y, region->box.width * scale + 6, region->box.height * scale + 6);
      cairo_stroke (cr);
      ir_report_pen_draw_markup (pen, x, y - 12, 40, number, IR_REPORT_SMALL, TRUE);
    }
  cairo_restore (cr);

  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_set_line_width (cr, 0.5);
  cairo_rectangle (cr, IR_REPORT_MARGIN, pen->y, width, height);
  cairo_stroke (cr);
  pen->y += height + 10;
}

static const char *
describe_region (const IrDrawingRegion *region)
{
  if (region->added_pixels > 0 && region->removed_pixels > 0)
    return C_("review", "Changed");
  if (region->added_pixels > 0)
    return C_("review", "Added");
  if (region->removed_pixels > 0)
    return C_("review", "Removed");

  return C_("review", "Text changed");
}

static void
write_regions (IrReportPen         *pen,
               const IrReviewSheet *sheet)
{
  const IrReportColumn columns[] = {
    { "#", 0.08 },
    { C_("review", "From the top left"), 0.40 },
    { C_("review", "Size"), 0.27 },
    { C_("review", "Change"), 0.25 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  for (guint i = 0; i < sheet->regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (sheet->regions, IrDrawingRegion, i);
      IrReportRow *row = ir_report_row_new (4);

      row->cells[0] = g_strdup_printf ("%u", i + 1);
      /* Translators: a position on a drawing sheet in millimetres. */
      row->cells[1] = g_strdup_printf (_("%.0f mm right, %.0f mm down"),
                                       region->box.x * MM_PER_POINT,
                                       region->box.y * MM_PER_POINT);
      /* Translators: width × height in millimetres. */
      row->cells[2] = g_strdup_printf (_("%.0f × %.0f mm"), region->box.width * MM_PER_POINT,
                                       region->box.height * MM_PER_POINT);
      row->cells[3] = escape (describe_region (region));
      add_row (rows, row);
    }

  ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

static void
write_text_changes (IrReportPen         *pen,
                    const IrReviewSheet *sheet)
{
  const IrReportColumn columns[] = {
    { C_("review", "Was"), 0.5 },
    { C_("review", "Now"), 0.5 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  if (!sheet->text_compared)
    {
      ir_report_pen_paragraph (pen, _("This sheet has no text layer in both revisions, so it "
                                      "was compared by its lines only."), IR_REPORT_SMALL);
      return;
    }

  for (guint i = 0; i < sheet->text_changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (sheet->text_changes, i);
      IrReportRow *row = ir_report_row_new (2);

      row->cells[0] = change->old_text ? escape (change->old_text) : g_strdup ("—");
      row->cells[1] = change->new_text ? g_markup_printf_escaped ("<b>%s</b>", change->new_text)
                                       : g_strdup ("—");
      add_row (rows, row);
    }

  if (rows->len > 0)
    {
      ir_report_pen_heading (pen, C_("review", "Text that changed"), FALSE);
      ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
    }
}

static void
write_sheet (IrReportPen            *pen,
             const IrReviewRevision *revision,
             const IrReviewSheet    *sheet)
{
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;

  /* Translators: %d is a page number of a drawing file. */
  heading = g_strdup_printf (_("Sheet %d"), sheet->new_page + 1);
  ir_report_pen_heading (pen, heading, FALSE);

  if (sheet->old_page < 0)
    summary = g_strdup (revision->previous != NULL
                        ? _("A sheet that the revision before did not have.")
                        : _("The drawing’s first revision."));
  else
    /* Translators: %u is how many areas of a drawing changed; the next
     * sentence explains the colours. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%u changed area. Red is removed, blue is added, "
                                            "grey did not change.",
                                            "%u changed areas. Red is removed, blue is added, "
                                            "grey did not change.",
                                            sheet->regions->len),
                               sheet->regions->len);
  ir_report_pen_paragraph (pen, summary, IR_REPORT_SMALL);

  if (sheet->overlay != NULL)
    draw_picture (pen, sheet);
  if (sheet->regions->len > 0)
    write_regions (pen, sheet);
  if (sheet->old_page >= 0)
    write_text_changes (pen, sheet);
}

void
ir_report_write_drawing (IrReportPen    *pen,
                         IrReviewAgenda *agenda,
                         int             index)
{
  const IrReviewRevision *revision;
  g_autofree char *uploaded = NULL;
  g_autofree char *line = NULL;

  if (index < 0)
    {
      ir_report_pen_paragraph (pen, _("No drawing revision was uploaded in this period."),
                               IR_REPORT_BODY);
      return;
    }

  revision = g_ptr_array_index (agenda->revisions, index);
  uploaded = ir_review_format_time (revision->uploaded);
  /* Translators: a drawing's number and title, its revision label, who
   * uploaded it and when. */
  line = g_strdup_printf (_("%s %s, revision %s, uploaded by %s on %s."),
                          revision->drawing_number ? revision->drawing_number : "",
                          revision->drawing_title, revision->label,
                          revision->uploaded_by ? revision->uploaded_by : "?", uploaded);
  ir_report_pen_paragraph (pen, g_strstrip (line), IR_REPORT_BODY);

  if (revision->previous_label != NULL)
    {
      g_autofree char *compared = g_strdup_printf (_("Compared with revision %s."),
                                                   revision->previous_label);

      ir_report_pen_paragraph (pen, compared, IR_REPORT_BODY);
    }
  if (revision->note != NULL && revision->note[0] != '\0')
    ir_report_pen_paragraph (pen, revision->note, IR_REPORT_BODY);

  if (revision->compare_error != NULL)
    ir_report_pen_paragraph (pen, revision->compare_error, IR_REPORT_BODY);
  else if (!revision->compared)
    ir_report_pen_paragraph (pen, _("The revisions were not compared for this report."),
                             IR_REPORT_BODY);

  for (guint i = 0; i < revision->sheets->len; i++)
    write_sheet (pen, revision, g_ptr_array_index (revision->sheets, i));
}

/* --- plan ----------------------------------------------------------------- */

static char *
format_task_change (const IrReviewTaskChange *change)
{
  g_autofree char *old_day = escape_day (change->old_finish);
  g_autofree char *new_day = escape_day (change->new_finish);

  if (change->kind == IR_REVIEW_TASK_ADDED)
    return g_markup_printf_escaped ("%s", C_("review", "New to the plan"));

  return g_strdup_printf ("%s → <b>%s</b>", old_day, new_day);
}

static char *
format_commitment (const IrReviewTaskChange *change)
{
  g_autofree char *old_day = escape_day (change->old_committed);
  g_autofree char *new_day = escape_day (change->new_committed);

  if (change->kind == IR_REVIEW_TASK_RECOMMITTED)
    return g_strdup_printf ("%s → <b>%s</b>", old_day, new_day);

  return g_steal_pointer (&new_day);
}

static void
write_task_changes (IrReportPen    *pen,
                    IrReviewAgenda *agenda)
{
  const IrReportColumn columns[] = {
    { C_("review", "Milestone or task"), 0.30 },
    { _("Owner"), 0.14 },
    { C_("review", "Forecast"), 0.24 },
    { C_("review", "Change"), 0.12 },
    { C_("review", "Committed"), 0.20 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  ir_report_pen_heading (pen, C_("review", "Dates that moved"), FALSE);
  for (guint i = 0; i < agenda->task_changes->len; i++)
    {
      const IrReviewTaskChange *change = g_ptr_array_index (agenda->task_changes, i);
      IrReportRow *row = ir_report_row_new (5);

      row->cells[0] = change->key_milestone ? g_markup_printf_escaped ("<b>%s</b>", change->name)
                                            : escape (change->name);
      row->cells[1] = escape (change->owner_name);
      row->cells[2] = format_task_change (change);
      row->cells[3] = change->kind == IR_REVIEW_TASK_ADDED ? g_strdup ("")
                                                           : format_day_change (change->slip);
      row->cells[4] = format_commitment (change);
      row->has_chip = TRUE;
      row->chip = ir_report_tier_color (ir_review_task_change_tier (change));
      add_row (rows, row);
    }

  if (rows->len == 0)
    ir_report_pen_paragraph (pen, _("No milestone or committed date moved."), IR_REPORT_BODY);
  else
    ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

static void
write_confirmations (IrReportPen    *pen,
                     IrReviewAgenda *agenda)
{
  const IrReportColumn columns[] = {
    { _("Milestone"), 0.34 },
    { C_("review", "Committed"), 0.18 },
    { C_("review", "Confirmed by"), 0.30 },
    { C_("review", "Recorded by"), 0.18 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  if (agenda->confirmations->len == 0)
    return;

  ir_report_pen_heading (pen, C_("review", "Confirmed by the customer"), FALSE);
  for (guint i = 0; i < agenda->confirmations->len; i++)
    {
      const IrReviewConfirmation *confirmation = g_ptr_array_index (agenda->confirmations, i);
      IrReportRow *row = ir_report_row_new (4);

      row->cells[0] = escape (confirmation->milestone);
      row->cells[1] = escape_day (confirmation->committed);
      row->cells[2] = confirmation->company != NULL
                      ? g_markup_printf_escaped ("%s, %s", confirmation->signer,
                                                 confirmation->company)
                      : escape (confirmation->signer);
      row->cells[3] = escape (confirmation->recorded_by);
      add_row (rows, row);
    }

  ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

static void
write_critical_path (IrReportPen    *pen,
                     IrReviewAgenda *agenda)
{
  const IrReportColumn columns[] = {
    { _("Task"), 0.46 },
    { _("Start"), 0.20 },
    { C_("review", "Finish"), 0.20 },
    { "", 0.14 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  ir_report_pen_heading (pen, C_("review", "Critical path"), FALSE);
  for (guint i = 0; i < agenda->critical->len; i++)
    {
      const IrReviewCriticalTask *task = g_ptr_array_index (agenda->critical, i);
      IrReportRow *row = ir_report_row_new (4);

      row->cells[0] = task->milestone ? g_markup_printf_escaped ("◆ %s", task->name)
                                      : escape (task->name);
      row->cells[1] = escape_day (task->start);
      row->cells[2] = escape_day (task->finish);
      row->cells[3] = task->newly_critical ? g_markup_printf_escaped ("<b>%s</b>",
                                                                      C_("critical path", "New"))
                                           : g_strdup ("");
      add_row (rows, row);
    }

  if (rows->len == 0)
    ir_report_pen_paragraph (pen, _("No open task is on the critical path."), IR_REPORT_BODY);
  else
    ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

void
ir_report_write_plan (IrReportPen    *pen,
                      IrReviewAgenda *agenda)
{
  write_task_changes (pen, agenda);
  write_confirmations (pen, agenda);
  write_critical_path (pen, agenda);
}

/* --- escalations ---------------------------------------------------------- */

void
ir_report_write_escalations (IrReportPen    *pen,
                             IrReviewAgenda *agenda)
{
  const IrReportColumn columns[] = {
    { C_("review", "Item"), 0.31 },
    { _("Owner"), 0.12 },
    { C_("review", "Committed"), 0.15 },
    { C_("review", "Forecast"), 0.15 },
    { _("Days late"), 0.09 },
    { _("State"), 0.18 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  for (guint i = 0; i < agenda->escalations->len; i++)
    {
      const IrReviewEscalation *escalation = g_ptr_array_index (agenda->escalations, i);
      IrReportRow *row = ir_report_row_new (6);

      if (escalation->chain != NULL)
        row->cells[0] = g_markup_printf_escaped ("<b>%s · %s</b>\n<small>%s</small>",
                                                 ir_review_tier_label (escalation->tier),
                                                 escalation->title, escalation->chain);
      else
        row->cells[0] = g_markup_printf_escaped ("<b>%s · %s</b>",
                                                 ir_review_tier_label (escalation->tier),
                                                 escalation->title);
      row->cells[1] = escape (escalation->owner_name);
      row->cells[2] = escape_day (escalation->commitment);
      row->cells[3] = escape_day (escalation->forecast);
      row->cells[4] = g_strdup_printf ("%d", escalation->delay);
      row->cells[5] = escape (ir_review_escalation_state_label (escalation->state));
      row->has_chip = TRUE;
      row->chip = ir_report_tier_color (escalation->tier);
      add_row (rows, row);
    }

  if (rows->len == 0)
    ir_report_pen_paragraph (pen, _("Nothing is late against a committed date."),
                             IR_REPORT_BODY);
  else
    ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

/* --- decisions ------------------------------------------------------------ */

static const char *
follow_up_label (const IrReviewDecision *decision)
{
  if (decision->done)
    return _("Done");
  if (decision->task != NULL)
    return C_("review", "Task in the plan");
  if (decision->risk != NULL)
    return _("Risk");

  return "";
}

static void
write_decision_table (IrReportPen *pen,
                      GPtrArray   *decisions)
{
  const IrReportColumn columns[] = {
    { _("Kind"), 0.13 },
    { C_("review", "What"), 0.43 },
    { _("Owner"), 0.14 },
    { _("Due"), 0.15 },
    { _("Follow-up"), 0.15 },
  };
  g_autoptr(GPtrArray) rows = rows_new ();

  for (guint i = 0; i < decisions->len; i++)
    {
      const IrReviewDecision *decision = g_ptr_array_index (decisions, i);
      IrReportRow *row = ir_report_row_new (5);

      row->cells[0] = escape (ir_review_decision_kind_label (decision->kind));
      row->cells[1] = escape (decision->text);
      row->cells[2] = escape (decision->owner_name);
      row->cells[3] = escape_day (decision->due);
      row->cells[4] = escape (follow_up_label (decision));
      add_row (rows, row);
    }

  ir_report_pen_table (pen, columns, G_N_ELEMENTS (columns), rows);
}

void
ir_report_write_decisions (IrReportPen    *pen,
                           IrReviewAgenda *agenda)
{
  if (agenda->previous_actions->len > 0)
    {
      ir_report_pen_heading (pen, C_("review", "Actions from the last review"), FALSE);
      write_decision_table (pen, agenda->previous_actions);
    }

  ir_report_pen_heading (pen, C_("review", "Recorded in this review"), FALSE);
  if (agenda->decisions->len == 0)
    ir_report_pen_paragraph (pen, _("No decision or action was recorded."), IR_REPORT_BODY);
  else
    write_decision_table (pen, agenda->decisions);
}
