/* ir-mspdi-export.c: writing a schedule as Microsoft Project XML
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-mspdi-private.h"

/* The save version of Project 2010 and later. The elements written are
 * those of its schema and the 2007 one, in the order the schema gives. */
#define SAVE_VERSION "14"

/* The first working hour, 08:00, as Microsoft Project's default. */
#define DAY_START (8 * 60)

typedef struct
{
  IrSchedule    *schedule;
  IrCalendar    *calendar;
  xmlTextWriter *writer;
  int            minutes_per_day;
  int            day_finish;
  gint64        *uids;          /* task index → UID */
  GPtrArray    **links_into;    /* task index → its incoming IrScheduleLink */
} Export;

/* --- values -------------------------------------------------------------- */

static void
write_text (Export     *export,
            const char *element,
            const char *text)
{
  if (text != NULL)
    xmlTextWriterWriteElement (export->writer, BAD_CAST element, BAD_CAST text);
}

static void
write_int (Export     *export,
           const char *element,
           gint64      value)
{
  xmlTextWriterWriteFormatElement (export->writer, BAD_CAST element, "%" G_GINT64_FORMAT, value);
}

static void
write_flag (Export     *export,
            const char *element,
            gboolean    value)
{
  write_text (export, element, value ? "1" : "0");
}

/* Writes a date at the start of the working day, or with @finish at its
 * end. */
static void
write_date (Export     *export,
            const char *element,
            IrDay       day,
            gboolean    finish)
{
  char text[IR_MSPDI_DATETIME_SIZE];

  if (day == IR_DAY_NONE)
    return;

  ir_mspdi_format_datetime (day, finish ? export->day_finish : DAY_START, text);
  write_text (export, element, text);
}

static void
write_duration (Export     *export,
                const char *element,
                int         days)
{
  g_autofree char *text = ir_mspdi_format_duration ((gint64) days * export->minutes_per_day);

  write_text (export, element, text);
}

/* --- UIDs ---------------------------------------------------------------- */

/* Keeps each task's UID from its external id where that is a free positive
 * number, so that a plan goes back to Project with the UIDs it came with,
 * and numbers the other tasks after the highest. */
static void
assign_uids (Export *export)
{
  guint n = ir_schedule_get_n_tasks (export->schedule);
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 next = 1;

  export->uids = g_new0 (gint64, n);

  for (guint t = 0; t < n; t++)
    {
      IrScheduleTask *task = ir_schedule_get_task (export->schedule, t);
      gint64 uid;

      if (ir_mspdi_parse_int (task->external_id, &uid) && uid > 0 && uid < G_MAXINT32 &&
          !g_hash_table_contains (used, &uid))
        {
          export->uids[t] = uid;
          g_hash_table_add (used, g_memdup2 (&uid, sizeof uid));
          next = MAX (next, uid + 1);
        }
    }

  for (guint t = 0; t < n; t++)
    if (export->uids[t] == 0)
      export->uids[t] = next++;
}

/* --- tasks --------------------------------------------------------------- */

static int
constraint_type (Export         *export,
                 IrScheduleTask *task)
{
  gboolean backward = ir_schedule_get_mode (export->schedule) == IR_SCHEDULE_BACKWARD;

  if (task->constraint_date == IR_DAY_NONE && task->constraint >= IR_CONSTRAINT_SNET)
    return backward ? 1 : 0;

  switch (task->constraint)
    {
    case IR_CONSTRAINT_ASAP: return 0;
    case IR_CONSTRAINT_ALAP: return 1;
    case IR_CONSTRAINT_MSO:  return 2;
    case IR_CONSTRAINT_MFO:  return 3;
    case IR_CONSTRAINT_SNET: return 4;
    case IR_CONSTRAINT_SNLT: return 5;
    case IR_CONSTRAINT_FNET: return 6;
    case IR_CONSTRAINT_FNLT: return 7;
    case IR_CONSTRAINT_DEFAULT:
    default:
      return backward ? 1 : 0;
    }
}

/* Groups the links by successor, because MSPDI writes them in it. */
static void
group_links (Export *export)
{
  guint n = ir_schedule_get_n_tasks (export->schedule);

  export->links_into = g_new0 (GPtrArray *, n);
  for (guint l = 0; l < ir_schedule_get_n_links (export->schedule); l++)
    {
      IrScheduleLink *link = ir_schedule_get_link (export->schedule, l);
      IrScheduleTask *successor = ir_schedule_lookup_task (export->schedule, link->successor_id);

      if (successor == NULL)
        continue;

      if (export->links_into[successor->index] == NULL)
        export->links_into[successor->index] = g_ptr_array_new ();
      g_ptr_array_add (export->links_into[successor->index], link);
    }
}

static void
write_links (Export         *export,
             IrScheduleTask *task)
{
  /* MSPDI numbers link types FF, FS, SF, SS. */
  static const int types[] = { [IR_LINK_FS] = 1, [IR_LINK_SS] = 3, [IR_LINK_FF] = 0, [IR_LINK_SF] = 2 };
  GPtrArray *links = export->links_into[task->index];

  for (guint l = 0; links != NULL && l < links->len; l++)
    {
      IrScheduleLink *link = g_ptr_array_index (links, l);
      IrScheduleTask *predecessor;

      /* A link to a task that is gone has no UID to point at. */
      predecessor = ir_schedule_lookup_task (export->schedule, link->predecessor_id);
      if (predecessor == NULL)
        continue;

      xmlTextWriterStartElement (export->writer, BAD_CAST "PredecessorLink");
      write_int (export, "PredecessorUID", export->uids[predecessor->index]);
      write_int (export, "Type", types[link->type]);
      write_int (export, "CrossProject", 0);
      write_int (export, "LinkLag", (gint64) link->lag * export->minutes_per_day * 10);
      write_int (export, "LagFormat", IR_MSPDI_FORMAT_DAYS);
      xmlTextWriterEndElement (export->writer);
    }
}

static void
write_baselines (Export         *export,
                 IrScheduleTask *task)
{
  const IrTaskBaseline *baselines;
  guint n;

  baselines = ir_schedule_task_get_baselines (task, &n);
  for (guint i = 0; i < n; i++)
    {
      xmlTextWriterStartElement (export->writer, BAD_CAST "Baseline");
      write_int (export, "Number", baselines[i].number);
      write_date (export, "Start", baselines[i].start, FALSE);
      write_date (export, "Finish", baselines[i].finish, TRUE);
      if (baselines[i].duration >= 0)
        {
          write_duration (export, "Duration", baselines[i].duration);
          write_int (export, "DurationFormat", IR_MSPDI_FORMAT_DAYS);
        }
      xmlTextWriterEndElement (export->writer);
    }
}

static void
write_task (Export         *export,
            IrScheduleTask *task,
            guint           row)
{
  gboolean milestone = task->milestone && !(task->flags & IR_TASK_SUMMARY);
  gboolean end_of_day = (task->flags & IR_TASK_END_OF_DAY) != 0;
  int constraint = constraint_type (export, task);
  g_autofree char *outline = ir_schedule_get_outline_number (export->schedule, task);
  char start[IR_MSPDI_DATETIME_SIZE], finish[IR_MSPDI_DATETIME_SIZE];

  /* A milestone's start and finish are one moment. */
  ir_mspdi_format_datetime (task->start, milestone && end_of_day ? export->day_finish : DAY_START,
                            start);
  ir_mspdi_format_datetime (task->finish, milestone && !end_of_day ? DAY_START : export->day_finish,
                            finish);

  xmlTextWriterStartElement (export->writer, BAD_CAST "Task");
  write_int (export, "UID", export->uids[task->index]);
  write_int (export, "ID", row);
  write_text (export, "Name", task->name);
  write_flag (export, "Manual", task->manual_start != IR_DAY_NONE);
  write_text (export, "WBS", task->wbs);
  write_text (export, "OutlineNumber", outline);
  write_int (export, "OutlineLevel", task->outline_level);
  write_text (export, "Start", start);
  write_text (export, "Finish", finish);
  write_duration (export, "Duration", milestone ? 0 : task->scheduled_duration);
  if (task->manual_start != IR_DAY_NONE)
    write_date (export, "ManualStart", task->manual_start, FALSE);
  write_int (export, "DurationFormat", IR_MSPDI_FORMAT_DAYS);
  write_flag (export, "Milestone", milestone);
  write_flag (export, "Summary", (task->flags & IR_TASK_SUMMARY) != 0);
  write_flag (export, "Critical", (task->flags & IR_TASK_CRITICAL) != 0);
  write_date (export, "EarlyStart", task->early_start, FALSE);
  write_date (export, "EarlyFinish", task->early_finish, TRUE);
  write_date (export, "LateStart", task->late_start, FALSE);
  write_date (export, "LateFinish", task->late_finish, TRUE);
  write_int (export, "TotalSlack", (gint64) task->total_float * export->minutes_per_day * 10);
  write_int (export, "PercentComplete", CLAMP (task->progress, 0, 100));
  write_date (export, "ActualStart", task->actual_start, FALSE);
  write_date (export, "ActualFinish", task->actual_finish, TRUE);
  write_int (export, "ConstraintType", constraint);
  if (constraint >= 2)
    write_date (export, "ConstraintDate", task->constraint_date,
                constraint == 3 || constraint == 6 || constraint == 7);
  write_date (export, "Deadline", task->committed, TRUE);
  write_text (export, "Notes", task->notes);
  write_links (export, task);
  write_baselines (export, task);
  xmlTextWriterEndElement (export->writer);
}

/* The row that Project keeps for the project itself, UID 0. */
static void
write_project_task (Export *export,
                    IrDay   start,
                    IrDay   finish)
{
  const char *name = ir_schedule_get_name (export->schedule);

  xmlTextWriterStartElement (export->writer, BAD_CAST "Task");
  write_int (export, "UID", 0);
  write_int (export, "ID", 0);
  write_text (export, "Name", name);
  write_text (export, "OutlineNumber", "0");
  write_int (export, "OutlineLevel", 0);
  write_date (export, "Start", start, FALSE);
  write_date (export, "Finish", finish, TRUE);
  write_duration (export, "Duration", ir_calendar_count_working_days (export->calendar, start, finish) +
                                      ir_calendar_is_working_day (export->calendar, start));
  write_int (export, "DurationFormat", IR_MSPDI_FORMAT_DAYS);
  write_flag (export, "Milestone", FALSE);
  write_flag (export, "Summary", TRUE);
  xmlTextWriterEndElement (export->writer);
}

/* --- document ------------------------------------------------------------ */

static void
write_document (Export *export)
{
  IrSchedule *schedule = export->schedule;
  gboolean backward = ir_schedule_get_mode (schedule) == IR_SCHEDULE_BACKWARD;
  const guint *order;
  guint n;
  int weekdays = 0;
  IrDay start, finish;

  ir_schedule_get_span (schedule, &start, &finish);
  if (!backward && ir_schedule_get_project_start (schedule) != IR_DAY_NONE)
    start = ir_schedule_get_project_start (schedule);
  if (backward && ir_schedule_get_project_finish (schedule) != IR_DAY_NONE)
    finish = ir_schedule_get_project_finish (schedule);

  for (int bit = 0; bit < 7; bit++)
    weekdays += (ir_calendar_get_weekdays (export->calendar) >> bit) & 1;

  xmlTextWriterStartDocument (export->writer, NULL, "UTF-8", "yes");
  xmlTextWriterStartElementNS (export->writer, NULL, BAD_CAST "Project", BAD_CAST IR_MSPDI_NAMESPACE);
  write_text (export, "SaveVersion", SAVE_VERSION);
  write_text (export, "Name", ir_schedule_get_name (schedule));
  write_text (export, "Title", ir_schedule_get_name (schedule));
  write_flag (export, "ScheduleFromStart", !backward);
  write_date (export, "StartDate", start, FALSE);
  write_date (export, "FinishDate", finish, TRUE);
  write_int (export, "CalendarUID", 1);
  write_text (export, "DefaultStartTime", "08:00:00");
  xmlTextWriterWriteFormatElement (export->writer, BAD_CAST "DefaultFinishTime", "%02d:%02d:00",
                                   export->day_finish / 60, export->day_finish % 60);
  write_int (export, "MinutesPerDay", export->minutes_per_day);
  write_int (export, "MinutesPerWeek", export->minutes_per_day * weekdays);
  write_int (export, "DaysPerMonth", 20);

  xmlTextWriterStartElement (export->writer, BAD_CAST "Calendars");
  ir_mspdi_write_calendar (export->writer, export->calendar, DAY_START);
  xmlTextWriterEndElement (export->writer);

  /* Tasks in outline order: each summary just before its subtasks. */
  xmlTextWriterStartElement (export->writer, BAD_CAST "Tasks");
  write_project_task (export, start, finish);
  order = ir_schedule_get_outline_order (schedule, &n);
  for (guint i = 0; i < n; i++)
    write_task (export, ir_schedule_get_task (schedule, order[i]), i + 1);
  xmlTextWriterEndElement (export->writer);

  xmlTextWriterEndElement (export->writer);
  xmlTextWriterEndDocument (export->writer);
}

/**
 * ir_mspdi_export:
 * @schedule: a schedule, computed or not
 * @length: (out) (optional): the length of the document in bytes
 *
 * Writes @schedule as a Microsoft Project XML document: the calendar with
 * its exceptions, the tasks in outline order with their computed dates,
 * float and critical flag, links, baselines, and committed dates as
 * deadlines. A schedule that is not computed is computed first, tolerating
 * cycles. Exporting what ir_mspdi_import() read from such a document gives
 * the same document again.
 *
 * Returns: (transfer full): the document, UTF-8
 */
char *
ir_mspdi_export (IrSchedule *schedule,
                 gsize      *length)
{
  Export export = { 0 };
  xmlBuffer *buffer;
  char *document;

  g_return_val_if_fail (schedule != NULL, NULL);

  if (!ir_schedule_is_computed (schedule))
    ir_schedule_compute (schedule, IR_SCHEDULE_TOLERANT, NULL);

  export.schedule = schedule;
  export.calendar = ir_schedule_get_calendar (schedule);
  export.minutes_per_day = (int) (ir_calendar_get_hours_per_day (export.calendar) * 60 + 0.5);
  export.day_finish = ir_mspdi_day_finish (export.calendar, DAY_START);
  assign_uids (&export);
  group_links (&export);

  buffer = xmlBufferCreate ();
  export.writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (export.writer, 1);
  xmlTextWriterSetIndentString (export.writer, BAD_CAST "\t");
  write_document (&export);
  xmlFreeTextWriter (export.writer);

  document = g_strndup ((const char *) xmlBufferContent (buffer), xmlBufferLength (buffer));
  if (length != NULL)
    *length = xmlBufferLength (buffer);

  xmlBufferFree (buffer);
  g_free (export.uids);
  for (guint t = 0; t < ir_schedule_get_n_tasks (schedule); t++)
    g_clear_pointer (&export.links_into[t], g_ptr_array_unref);
  g_free (export.links_into);

  return document;
}

gboolean
ir_mspdi_export_file (IrSchedule  *schedule,
                      const char  *path,
                      GError     **error)
{
  g_autofree char *document = NULL;
  gsize length;

  document = ir_mspdi_export (schedule, &length);
  return g_file_set_contents (path, document, length, error);
}
