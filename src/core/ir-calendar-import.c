/* ir-calendar-import.c: a year of holidays from CSV
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-calendar-private.h"

/* --- collecting exceptions ----------------------------------------------- */

void
ir_calendar_collector_init (IrCalendarCollector *collector)
{
  collector->exceptions = g_array_new (FALSE, FALSE, sizeof (IrCalendarException));
  g_array_set_clear_func (collector->exceptions, (GDestroyNotify) ir_calendar_exception_clear);
  collector->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  collector->by_day = g_hash_table_new (NULL, NULL);
}

void
ir_calendar_collector_clear (IrCalendarCollector *collector)
{
  g_clear_pointer (&collector->exceptions, g_array_unref);
  g_clear_pointer (&collector->lines, g_array_unref);
  g_clear_pointer (&collector->by_day, g_hash_table_unref);
}

static const char *
kind_to_string (IrDayKind kind)
{
  return kind == IR_DAY_KIND_WORKDAY ? "workday" : "holiday";
}

gboolean
ir_calendar_collector_add (IrCalendarCollector  *collector,
                           IrDay                 day,
                           IrDayKind             kind,
                           const char           *name,
                           guint                 line,
                           GError              **error)
{
  gpointer found = g_hash_table_lookup (collector->by_day, GINT_TO_POINTER (day));
  IrCalendarException exception = { day, kind, g_strdup (name) };

  if (found != NULL)
    {
      guint index = GPOINTER_TO_UINT (found) - 1;
      const IrCalendarException *earlier =
        &g_array_index (collector->exceptions, IrCalendarException, index);
      char date[IR_DAY_STRING_SIZE];

      g_free (exception.name);
      if (earlier->kind == kind)
        return TRUE;

      /* Translators: the kinds are the file's own words, "holiday" or "workday". */
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: %s is a %s here but a %s on line %u; keep one of the two."),
                   line, ir_day_format (day, date), kind_to_string (kind),
                   kind_to_string (earlier->kind),
                   g_array_index (collector->lines, guint, index));
      return FALSE;
    }

  g_array_append_val (collector->exceptions, exception);
  g_array_append_val (collector->lines, line);
  g_hash_table_insert (collector->by_day, GINT_TO_POINTER (day),
                       GUINT_TO_POINTER (collector->exceptions->len));

  return TRUE;
}

static int
compare_by_day (gconstpointer a,
                gconstpointer b)
{
  const IrCalendarException *x = a;
  const IrCalendarException *y = b;

  return (x->day > y->day) - (x->day < y->day);
}

GArray *
ir_calendar_collector_finish (IrCalendarCollector *collector)
{
  GArray *result = g_steal_pointer (&collector->exceptions);

  g_array_sort (result, compare_by_day);
  ir_calendar_collector_clear (collector);

  return result;
}

gboolean
ir_calendar_check_utf8 (const char  *text,
                        gsize        length,
                        GError     **error)
{
  const char *end;
  guint line = 1;

  if (g_utf8_validate_len (text, length, &end))
    return TRUE;

  for (const char *p = text; p < end; p++)
    if (*p == '\n')
      line++;

  g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
               _("Line %u is not valid UTF-8 text; save the file as UTF-8 and import it again."),
               line);
  return FALSE;
}

/* --- CSV ------------------------------------------------------------------ */

/* Splits one line into fields at commas, honouring RFC 4180 double quotes
 * (a quote inside a quoted field is written twice). */
static GPtrArray *
split_csv_line (const char *line,
                gboolean   *unterminated)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  GString *field = g_string_new (NULL);
  gboolean quoted = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (field, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (field, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
          field = g_string_new (NULL);
        }
      else
        g_string_append_c (field, *p);
    }

  g_ptr_array_add (fields, g_strstrip (g_string_free (field, FALSE)));
  *unterminated = quoted;

  return fields;
}

static gboolean
parse_kind (const char *text,
            IrDayKind  *kind)
{
  if (g_ascii_strcasecmp (text, "holiday") == 0 || g_str_equal (text, "休"))
    *kind = IR_DAY_KIND_HOLIDAY;
  else if (g_ascii_strcasecmp (text, "workday") == 0 || g_str_equal (text, "班"))
    *kind = IR_DAY_KIND_WORKDAY;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_csv_line (IrCalendarCollector  *collector,
                const char           *line,
                guint                 number,
                gboolean              first,
                GError              **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  gboolean unterminated;
  const char *date_text, *kind_text;
  IrDayKind kind;
  IrDay day;

  fields = split_csv_line (line, &unterminated);
  if (unterminated)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: a quoted field has no closing quote (\")."), number);
      return FALSE;
    }

  date_text = g_ptr_array_index (fields, 0);

  /* A header line names the columns. */
  if (first && g_ascii_strcasecmp (date_text, "date") == 0)
    return TRUE;

  if (fields->len < 2 || fields->len > 3)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: expected 2 or 3 fields (date,kind,name), found %u."),
                   number, fields->len);
      return FALSE;
    }

  day = ir_day_parse (date_text);
  if (day == IR_DAY_NONE)
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: invalid date “%s”: expected YYYY-MM-DD, such as 2026-10-01."),
                   number, date_text);
      return FALSE;
    }

  kind_text = g_ptr_array_index (fields, 1);
  if (!parse_kind (kind_text, &kind))
    {
      g_set_error (error, IR_CALENDAR_ERROR, IR_CALENDAR_ERROR_INVALID_LINE,
                   _("Line %u: invalid kind “%s”: expected “holiday” or “workday”."),
                   number, kind_text);
      return FALSE;
    }

  return ir_calendar_collector_add (collector, day, kind,
                        fields->len == 3 ? g_ptr_array_index (fields, 2) : NULL,
                        number, error);
}

/**
 * ir_calendar_parse_csv:
 * @text: UTF-8 text
 * @length: the length of @text in bytes, or -1 when it ends with a nul
 * @error: return location for an error
 *
 * Parses lines of `date,kind,name`: a date as YYYY-MM-DD, "holiday" or
 * "workday" (or 休 and 班), and an optional name, quoted when it contains a
 * comma. A first line "date,kind,name" is a header; blank lines and lines
 * that start with # are skipped. The error of a bad line gives its number,
 * the bad value and what was expected.
 *
 * Returns: (transfer full) (nullable): IrCalendarException sorted by day
 */
GArray *
ir_calendar_parse_csv (const char  *text,
                       gssize       length,
                       GError     **error)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *copy = NULL;
  IrCalendarCollector collector;
  gboolean first = TRUE;

  g_return_val_if_fail (text != NULL, NULL);

  if (length < 0)
    length = strlen (text);

  if (!ir_calendar_check_utf8 (text, length, error))
    return NULL;

  copy = g_strndup (text, length);
  lines = g_strsplit (copy, "\n", -1);
  ir_calendar_collector_init (&collector);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];

      /* Skip a byte order mark and a carriage return of CRLF files. */
      if (i == 0 && g_str_has_prefix (line, "\xef\xbb\xbf"))
        line += 3;
      g_strstrip (line);

      if (*line == '\0' || *line == '#')
        continue;

      if (!parse_csv_line (&collector, line, i + 1, first, error))
        {
          ir_calendar_collector_clear (&collector);
          return NULL;
        }
      first = FALSE;
    }

  return ir_calendar_collector_finish (&collector);
}

gboolean
ir_calendar_import_csv (IrCalendar  *self,
                        const char  *text,
                        gssize       length,
                        GError     **error)
{
  g_autoptr(GArray) exceptions = ir_calendar_parse_csv (text, length, error);

  if (exceptions == NULL)
    return FALSE;

  ir_calendar_add_exceptions (self, exceptions);
  return TRUE;
}
