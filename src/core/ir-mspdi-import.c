/* ir-mspdi-import.c: reading a Microsoft Project XML file into a schedule
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <math.h>

#include "ir-mspdi-private.h"

/* A link waits until every task is read, because its predecessor can come
 * later in the file and a percentage lag needs its duration. */
typedef struct
{
  IrScheduleTask *successor;
  gint64          predecessor_uid;
  IrLinkType      type;
  gint64          lag;       /* LinkLag: tenths of a minute, or a percentage */
  gint64          format;
} PendingLink;

typedef struct
{
  IrMspdiReader  reader;
  GHashTable    *tasks_by_uid;   /* gint64 UID → IrScheduleTask */
  GArray        *links;          /* PendingLink */
} Import;

/* --- values -------------------------------------------------------------- */

/* Working days from minutes of work, rounded up: a task of half a day
 * still takes a day of the plan's day-by-day calendar.
 *
 * NOTE: an elapsed duration counts as that many working days, because the
 * engine has no durations in calendar days. */
static int
days_from_minutes (IrMspdiReader *reader,
                   gint64         minutes,
                   gboolean       elapsed)
{
  gint64 per_day = elapsed ? 24 * 60 : reader->minutes_per_day;

  if (minutes <= 0)
    return 0;

  return (int) MIN ((minutes + per_day - 1) / per_day, G_MAXINT / 2);
}

/* A start at or after the end of the working day starts on the next day. */
static IrDay
start_day (IrMspdiReader *reader,
           IrDay          day,
           int            minutes)
{
  return minutes >= reader->day_finish ? day + 1 : day;
}

/* A finish at or before the start of the working day finished the day
 * before, as Project writes a one-day task ending "2026-03-03T08:00:00". */
static IrDay
finish_day (IrMspdiReader *reader,
            IrDay          day,
            int            minutes)
{
  return minutes <= reader->day_start ? day - 1 : day;
}

static gboolean
read_date (IrMspdiReader  *reader,
           xmlNode        *node,
           const char     *element,
           gboolean        finish,
           const char     *context,
           IrDay          *day,
           GError        **error)
{
  g_autofree char *text = ir_mspdi_text (node, element);
  int minutes;

  *day = IR_DAY_NONE;
  if (text == NULL || *text == '\0' || g_str_equal (text, "NA"))
    return TRUE;

  if (!ir_mspdi_parse_datetime (text, day, &minutes))
    {
      ir_mspdi_set_invalid (error, context, element, text,
                            _("a date and time such as 2026-10-01T08:00:00"));
      return FALSE;
    }

  *day = finish ? finish_day (reader, *day, minutes) : start_day (reader, *day, minutes);
  return TRUE;
}

static gboolean
read_int (xmlNode     *node,
          const char  *element,
          gint64       fallback,
          const char  *context,
          gint64      *value,
          GError     **error)
{
  g_autofree char *text = ir_mspdi_text (node, element);

  *value = fallback;
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!ir_mspdi_parse_int (text, value))
    {
      ir_mspdi_set_invalid (error, context, element, text, _("a whole number"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_duration (IrMspdiReader  *reader,
               xmlNode        *node,
               const char     *element,
               gboolean        elapsed,
               const char     *context,
               int            *days,
               GError        **error)
{
  g_autofree char *text = ir_mspdi_text (node, element);
  gint64 minutes;

  *days = -1;
  if (text == NULL || *text == '\0')
    return TRUE;

  if (!ir_mspdi_parse_duration (text, &minutes))
    {
      ir_mspdi_set_invalid (error, context, element, text, _("a duration such as PT40H0M0S"));
      return FALSE;
    }

  *days = days_from_minutes (reader, minutes, elapsed);
  return TRUE;
}

static gboolean
read_flag (xmlNode    *node,
           const char *element)
{
  g_autofree char *text = ir_mspdi_text (node, element);
  gboolean value = FALSE;

  ir_mspdi_parse_bool (text, &value);
  return value;
}

/* --- tasks --------------------------------------------------------------- */

static IrConstraint
constraint_from_type (Import *import,
                      gint64  type)
{
  /* 0 and 1 are the defaults of forward and backward projects. */
  static const IrConstraint constraints[] = {
    IR_CONSTRAINT_ASAP, IR_CONSTRAINT_ALAP, IR_CONSTRAINT_MSO, IR_CONSTRAINT_MFO,
    IR_CONSTRAINT_SNET, IR_CONSTRAINT_SNLT, IR_CONSTRAINT_FNET, IR_CONSTRAINT_FNLT,
  };
  IrConstraint constraint;

  if (type < 0 || type >= (gint64) G_N_ELEMENTS (constraints))
    return IR_CONSTRAINT_DEFAULT;

  constraint = constraints[type];
  if ((constraint == IR_CONSTRAINT_ASAP && !import->reader.backward) ||
      (constraint == IR_CONSTRAINT_ALAP && import->reader.backward))
    return IR_CONSTRAINT_DEFAULT;

  return constraint;
}

static gboolean
read_baselines (Import          *import,
                IrScheduleTask  *task,
                xmlNode         *node,
                const char      *context,
                GError         **error)
{
  for (xmlNode *child = ir_mspdi_child (node, "Baseline"); child != NULL;
       child = ir_mspdi_next (child, "Baseline"))
    {
      IrTaskBaseline baseline = { 0, IR_DAY_NONE, IR_DAY_NONE, -1 };
      gint64 number;

      if (!read_int (child, "Number", 0, context, &number, error) ||
          !read_date (&import->reader, child, "Start", FALSE, context, &baseline.start, error) ||
          !read_date (&import->reader, child, "Finish", TRUE, context, &baseline.finish, error) ||
          !read_duration (&import->reader, child, "Duration", FALSE, context, &baseline.duration, error))
        return FALSE;

      /* Baseline numbers run from 0 to 10. Interim plans (Start1 to
       * Finish10) are other elements. */
      if (number < 0 || number > IR_BASELINE_MAX)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, number);

          ir_mspdi_set_invalid (error, context, "Baseline/Number", text, _("a number from 0 to 10"));
          return FALSE;
        }

      baseline.number = number;
      ir_schedule_task_set_baseline (task, &baseline);
    }

  return TRUE;
}

static gboolean
read_links (Import          *import,
            IrScheduleTask  *task,
            xmlNode         *node,
            const char      *context,
            GError         **error)
{
  /* MSPDI numbers link types FF, FS, SF, SS. */
  static const IrLinkType types[] = { IR_LINK_FF, IR_LINK_FS, IR_LINK_SF, IR_LINK_SS };

  for (xmlNode *child = ir_mspdi_child (node, "PredecessorLink"); child != NULL;
       child = ir_mspdi_next (child, "PredecessorLink"))
    {
      PendingLink link = { task, 0, IR_LINK_FS, 0, IR_MSPDI_FORMAT_DAYS };
      gint64 type;

      if (!read_int (child, "PredecessorUID", -1, context, &link.predecessor_uid, error) ||
          !read_int (child, "Type", 1, context, &type, error) ||
          !read_int (child, "LinkLag", 0, context, &link.lag, error) ||
          !read_int (child, "LagFormat", IR_MSPDI_FORMAT_DAYS, context, &link.format, error))
        return FALSE;

      if (type < 0 || type > 3)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, type);

          ir_mspdi_set_invalid (error, context, "PredecessorLink/Type", text,
                                _("0 (FF), 1 (FS), 2 (SF) or 3 (SS)"));
          return FALSE;
        }

      link.type = types[type];
      g_array_append_val (import->links, link);
    }

  return TRUE;
}

static gboolean
read_task_dates (Import          *import,
                 IrScheduleTask  *task,
                 xmlNode         *node,
                 const char      *context,
                 GError         **error)
{
  IrMspdiReader *reader = &import->reader;
  gint64 constraint_type, percent;
  IrDay constraint_day;

  if (!read_int (node, "ConstraintType", 0, context, &constraint_type, error) ||
      !read_int (node, "PercentComplete", 0, context, &percent, error) ||
      !read_date (reader, node, "ActualStart", FALSE, context, &task->actual_start, error) ||
      !read_date (reader, node, "ActualFinish", TRUE, context, &task->actual_finish, error) ||
      !read_date (reader, node, "Deadline", TRUE, context, &task->committed, error))
    return FALSE;

  task->constraint = constraint_from_type (import, constraint_type);
  task->progress = CLAMP (percent, 0, 100);

  /* Start constraints take a start date, finish constraints a finish. */
  if (!read_date (reader, node, "ConstraintDate",
                  constraint_type == 3 || constraint_type == 6 || constraint_type == 7,
                  context, &constraint_day, error))
    return FALSE;
  task->constraint_date = task->constraint >= IR_CONSTRAINT_SNET ? constraint_day : IR_DAY_NONE;

  /* The engine computes Start and Finish, but a malformed one still means
   * a damaged file, so it is reported rather than dropped. */
  {
    IrDay stated;

    if (!read_date (reader, node, "Start", FALSE, context, &stated, error) ||
        !read_date (reader, node, "Finish", TRUE, context, &stated, error))
      return FALSE;
  }

  /* A manually scheduled task stays where it was put. */
  if (read_flag (node, "Manual"))
    {
      const char *element = ir_mspdi_child (node, "ManualStart") != NULL ? "ManualStart" : "Start";

      if (!read_date (reader, node, element, FALSE, context, &task->manual_start, error))
        return FALSE;
    }

  return TRUE;
}

static int
outline_level (xmlNode *node)
{
  g_autofree char *level = ir_mspdi_text (node, "OutlineLevel");
  g_autofree char *number = NULL;
  gint64 value;
  int dots = 0;

  if (ir_mspdi_parse_int (level, &value))
    return (int) CLAMP (value, 0, G_MAXINT / 2);

  /* Without a level, count the parts of the outline number, "2.1.3". */
  number = ir_mspdi_text (node, "OutlineNumber");
  if (number == NULL || *number == '\0')
    return 1;

  for (const char *p = number; *p; p++)
    dots += *p == '.';
  return g_str_equal (number, "0") ? 0 : dots + 1;
}

static gboolean
read_task (Import      *import,
           xmlNode     *node,
           GPtrArray   *outline,
           GError     **error)
{
  IrMspdiReader *reader = &import->reader;
  g_autofree char *name = ir_mspdi_text (node, "Name");
  g_autofree char *uid_text = ir_mspdi_text (node, "UID");
  g_autofree char *context = NULL;
  g_autofree char *id = NULL;
  g_autofree char *wbs = NULL;
  g_autofree char *notes = NULL;
  IrScheduleTask *task;
  gint64 uid, format;
  int level = outline_level (node);

  context = g_strdup_printf (_("Task “%s” (UID %s)"), name ? name : "", uid_text ? uid_text : "");
  if (!ir_mspdi_parse_int (uid_text, &uid) || uid < 0)
    {
      ir_mspdi_set_invalid (error, context, "UID", uid_text ? uid_text : "", _("a whole number"));
      return FALSE;
    }

  /* UID 0 is the project's own summary row, and null tasks are blank rows. */
  if (uid == 0 || level == 0 || read_flag (node, "IsNull"))
    return TRUE;

  if (g_hash_table_contains (import->tasks_by_uid, &uid))
    {
      g_set_error (error, IR_MSPDI_ERROR, IR_MSPDI_ERROR_DUPLICATE_UID,
                   _("Two tasks have the UID %s. Give each task its own UID in Microsoft "
                     "Project and export again."), uid_text);
      return FALSE;
    }

  id = g_strdup_printf (IR_MSPDI_TASK_ID_PREFIX "%" G_GINT64_FORMAT, uid);
  task = ir_schedule_add_task (reader->schedule, id);
  ir_schedule_task_set_name (task, name);
  ir_schedule_task_set_external_id (task, uid_text);
  wbs = ir_mspdi_text (node, "WBS");
  ir_schedule_task_set_wbs (task, wbs);
  notes = ir_mspdi_text (node, "Notes");
  ir_schedule_task_set_notes (task, notes != NULL && *notes != '\0' ? notes : NULL);
  g_hash_table_insert (import->tasks_by_uid, g_memdup2 (&uid, sizeof uid), task);

  /* The outline stack contains the last task of each level. */
  g_ptr_array_set_size (outline, MIN ((guint) level - 1, outline->len));
  if (outline->len > 0)
    ir_schedule_task_set_parent (task, ((IrScheduleTask *) g_ptr_array_index (outline, outline->len - 1))->id);
  g_ptr_array_add (outline, task);

  task->milestone = read_flag (node, "Milestone");
  if (!read_int (node, "DurationFormat", IR_MSPDI_FORMAT_DAYS, context, &format, error) ||
      !read_duration (reader, node, "Duration", ir_mspdi_format_is_elapsed (format), context,
                      &task->duration, error))
    return FALSE;
  task->duration = MAX (task->duration, 0);

  return read_task_dates (import, task, node, context, error) &&
         read_baselines (import, task, node, context, error) &&
         read_links (import, task, node, context, error);
}

static void
resolve_links (Import *import)
{
  IrMspdiReader *reader = &import->reader;

  for (guint i = 0; i < import->links->len; i++)
    {
      PendingLink *pending = &g_array_index (import->links, PendingLink, i);
      IrScheduleTask *predecessor = g_hash_table_lookup (import->tasks_by_uid, &pending->predecessor_uid);
      g_autofree char *missing = NULL;
      double lag;

      switch (pending->format)
        {
        case 19: case 20: case 51: case 52:
          /* A percentage of the predecessor's duration. */
          lag = predecessor != NULL ? predecessor->duration * pending->lag / 100.0 : 0;
          break;
        default:
          lag = pending->lag / 10.0 /
                (ir_mspdi_format_is_elapsed (pending->format) ? 24 * 60 : reader->minutes_per_day);
          break;
        }

      /* A link to a task the file lacks stays, and the schedule flags it. */
      if (predecessor == NULL)
        missing = g_strdup_printf (IR_MSPDI_TASK_ID_PREFIX "%" G_GINT64_FORMAT, pending->predecessor_uid);

      ir_schedule_add_link (reader->schedule, NULL,
                            predecessor != NULL ? predecessor->id : missing,
                            pending->successor->id, pending->type, (int) lround (lag));
    }
}

/* --- project ------------------------------------------------------------- */

static gboolean
read_time_of_day (xmlNode     *project,
                  const char  *element,
                  int          fallback,
                  int         *minutes,
                  GError     **error)
{
  g_autofree char *text = ir_mspdi_text (project, element);
  g_autofree char *with_date = NULL;
  IrDay day;

  *minutes = fallback;
  if (text == NULL || *text == '\0')
    return TRUE;

  with_date = g_strconcat ("2000-01-01T", text, NULL);
  if (!ir_mspdi_parse_datetime (with_date, &day, minutes))
    {
      ir_mspdi_set_invalid (error, _("The project"), element, text, _("a time such as 08:00:00"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_project (Import      *import,
              xmlNode     *project,
              GError     **error)
{
  IrMspdiReader *reader = &import->reader;
  IrSchedule *schedule = reader->schedule;
  const char *context = _("The project");
  g_autofree char *title = ir_mspdi_text (project, "Title");
  g_autofree char *name = ir_mspdi_text (project, "Name");
  g_autofree char *from_start = ir_mspdi_text (project, "ScheduleFromStart");
  g_autoptr(IrCalendar) calendar = NULL;
  gint64 minutes_per_day, minutes_per_week, days_per_month, calendar_uid;
  IrDay start, finish;

  ir_schedule_set_name (schedule, title != NULL && *title != '\0' ? title : name);
  reader->backward = g_strcmp0 (from_start, "0") == 0;
  ir_schedule_set_mode (schedule, reader->backward ? IR_SCHEDULE_BACKWARD : IR_SCHEDULE_FORWARD);

  if (!read_int (project, "MinutesPerDay", 480, context, &minutes_per_day, error) ||
      !read_int (project, "MinutesPerWeek", 2400, context, &minutes_per_week, error) ||
      !read_int (project, "DaysPerMonth", 20, context, &days_per_month, error) ||
      !read_int (project, "CalendarUID", -1, context, &calendar_uid, error) ||
      !read_time_of_day (project, "DefaultStartTime", 8 * 60, &reader->day_start, error) ||
      !read_time_of_day (project, "DefaultFinishTime", 17 * 60, &reader->day_finish, error))
    return FALSE;

  if (minutes_per_day < 60 || minutes_per_day > 24 * 60)
    {
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, minutes_per_day);

      ir_mspdi_set_invalid (error, context, "MinutesPerDay", text, _("a number from 60 to 1440"));
      return FALSE;
    }

  reader->minutes_per_day = minutes_per_day;
  reader->minutes_per_week = minutes_per_week;
  reader->days_per_month = days_per_month;

  calendar = ir_calendar_new ();
  ir_calendar_set_hours_per_day (calendar, minutes_per_day / 60.0);
  ir_schedule_set_calendar (schedule, calendar);
  if (!ir_mspdi_read_calendar (reader, project, calendar_uid, error))
    return FALSE;

  if (!read_date (reader, project, "StartDate", FALSE, context, &start, error) ||
      !read_date (reader, project, "FinishDate", TRUE, context, &finish, error))
    return FALSE;
  ir_schedule_set_project_start (schedule, start);
  ir_schedule_set_project_finish (schedule, finish);

  return TRUE;
}

static gboolean
check_root (xmlNode  *root,
            GError  **error)
{
  const char *name = root != NULL ? (const char *) root->name : "";
  const char *href = (root != NULL && root->ns != NULL) ? (const char *) root->ns->href : NULL;

  if (root != NULL && g_str_equal (name, "Project") &&
      (href == NULL || g_str_equal (href, IR_MSPDI_NAMESPACE)))
    return TRUE;

  g_set_error (error, IR_MSPDI_ERROR, IR_MSPDI_ERROR_NOT_MSPDI,
               _("The file is XML but not Microsoft Project XML: its root element is <%s>, "
                 "expected <Project> in the namespace %s. In Microsoft Project, save the plan "
                 "as “XML Format (*.xml)”."),
               name, IR_MSPDI_NAMESPACE);
  return FALSE;
}

/**
 * ir_mspdi_import:
 * @data: the file's bytes
 * @length: the length of @data
 * @error: return location for an error
 *
 * Reads a Microsoft Project XML (MSPDI) document of Project 2002 or later:
 * its calendar with exceptions in either form, tasks with their outline,
 * durations, constraints, progress, actual dates, deadlines (as committed
 * dates) and baselines, and links with their lags. Task ids are
 * IR_MSPDI_TASK_ID_PREFIX and the UID, and the UID is kept as the task's
 * external id. Start and finish dates of tasks that Project scheduled are
 * not read: ir_schedule_compute() computes them again. Task calendars,
 * resources and assignments are not read either.
 *
 * Returns: (transfer full) (nullable): the schedule, not yet computed
 */
static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;

  return TRUE;
}

IrSchedule *
ir_mspdi_import (const char  *data,
                 gsize        length,
                 GError     **error)
{
  g_autoptr(IrSchedule) schedule = ir_schedule_new (NULL);
  g_autoptr(GPtrArray) outline = g_ptr_array_new ();
  Import import = { { 0 } };
  xmlDoc *document;
  xmlNode *root, *tasks;
  gboolean ok = TRUE;

  g_return_val_if_fail (data != NULL, NULL);

  /* libxml2 reports an empty document with no message at all. */
  if (is_blank (data, length))
    {
      g_set_error (error, IR_MSPDI_ERROR, IR_MSPDI_ERROR_NOT_XML,
                   _("The file is empty. Export the plan from Microsoft Project as XML "
                     "again."));
      return NULL;
    }

  document = xmlReadMemory (data, (int) MIN (length, G_MAXINT), NULL, NULL,
                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                            XML_PARSE_HUGE);
  if (document == NULL)
    {
      const xmlError *last = xmlGetLastError ();
      g_autofree char *message = g_strstrip (g_strdup (last != NULL && last->message != NULL ?
                                                       last->message : ""));

      g_set_error (error, IR_MSPDI_ERROR, IR_MSPDI_ERROR_NOT_XML,
                   _("The file is not valid XML: %s (line %d). Export the plan from "
                     "Microsoft Project as XML again."),
                   message, last != NULL ? last->line : 0);
      return NULL;
    }

  root = xmlDocGetRootElement (document);
  if (!check_root (root, error))
    {
      xmlFreeDoc (document);
      return NULL;
    }

  import.reader.schedule = schedule;
  import.tasks_by_uid = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  import.links = g_array_new (FALSE, FALSE, sizeof (PendingLink));

  ok = read_project (&import, root, error);
  tasks = ok ? ir_mspdi_child (root, "Tasks") : NULL;
  for (xmlNode *node = tasks != NULL ? ir_mspdi_child (tasks, "Task") : NULL;
       ok && node != NULL;
       node = ir_mspdi_next (node, "Task"))
    ok = read_task (&import, node, outline, error);

  if (ok)
    resolve_links (&import);

  g_hash_table_unref (import.tasks_by_uid);
  g_array_unref (import.links);
  xmlFreeDoc (document);

  return ok ? g_steal_pointer (&schedule) : NULL;
}

IrSchedule *
ir_mspdi_import_file (const char  *path,
                      GError     **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return NULL;

  return ir_mspdi_import (data, length, error);
}
