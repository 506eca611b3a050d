/* ir-mspdi-util.c: MSPDI values and elements
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-mspdi-private.h"

G_DEFINE_QUARK (ir-mspdi-error-quark, ir_mspdi_error)

/* --- elements ------------------------------------------------------------ */

static gboolean
is_element (xmlNode    *node,
            const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_str_equal ((const char *) node->name, name);
}

/* Returns the first child element of @parent called @name, in any
 * namespace, because files of Project 2002 and later share one. */
xmlNode *
ir_mspdi_child (xmlNode    *parent,
                const char *name)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;

  return NULL;
}

xmlNode *
ir_mspdi_next (xmlNode    *node,
               const char *name)
{
  for (node = node->next; node != NULL; node = node->next)
    if (is_element (node, name))
      return node;

  return NULL;
}

/* Returns the text of the child element @name without surrounding white
 * space, or %NULL when there is no such child. */
char *
ir_mspdi_text (xmlNode    *parent,
               const char *name)
{
  xmlNode *child = ir_mspdi_child (parent, name);
  xmlChar *content;
  char *text;

  if (child == NULL)
    return NULL;

  content = xmlNodeGetContent (child);
  text = g_strstrip (g_strdup (content != NULL ? (const char *) content : ""));
  xmlFree (content);

  return text;
}

/* --- values -------------------------------------------------------------- */

static gboolean
read_number (const char **cursor,
             int          digits,
             int         *value)
{
  *value = 0;
  for (int i = 0; i < digits; i++)
    {
      if (!g_ascii_isdigit ((*cursor)[i]))
        return FALSE;
      *value = *value * 10 + ((*cursor)[i] - '0');
    }

  *cursor += digits;
  return TRUE;
}

/**
 * ir_mspdi_parse_datetime:
 * @text: an xsd:dateTime as MSPDI writes it, "2026-10-01T08:00:00"
 * @day: (out): the date
 * @minutes: (out): the time of day in minutes after midnight
 *
 * Reads a date with an optional time, seconds, fraction and zone. The zone
 * is ignored because MSPDI times are the project's local times.
 *
 * Returns: %FALSE when @text is no such date
 */
gboolean
ir_mspdi_parse_datetime (const char *text,
                         IrDay      *day,
                         int        *minutes)
{
  const char *cursor = text;
  int year, month, day_of_month, hour = 0, minute = 0;

  if (text == NULL)
    return FALSE;

  if (!read_number (&cursor, 4, &year) || *cursor++ != '-' ||
      !read_number (&cursor, 2, &month) || *cursor++ != '-' ||
      !read_number (&cursor, 2, &day_of_month))
    return FALSE;

  if (*cursor == 'T')
    {
      int second;

      cursor++;
      if (!read_number (&cursor, 2, &hour) || *cursor++ != ':' ||
          !read_number (&cursor, 2, &minute))
        return FALSE;
      if (*cursor == ':' && (cursor++, !read_number (&cursor, 2, &second)))
        return FALSE;
      if (*cursor == '.')
        for (cursor++; g_ascii_isdigit (*cursor); cursor++)
          ;
      if (*cursor == 'Z')
        cursor++;
      else if ((*cursor == '+' || *cursor == '-') && strlen (cursor) == 6)
        cursor += 6;
    }

  if (*cursor != '\0' || hour > 24 || minute > 59 || (hour == 24 && minute > 0))
    return FALSE;

  *day = ir_day_from_ymd (year, month, day_of_month);
  *minutes = hour * 60 + minute;

  return *day != IR_DAY_NONE;
}

/**
 * ir_mspdi_parse_duration:
 * @text: an xsd:duration such as "PT40H0M0S"
 * @minutes: (out): the duration in minutes, rounded down
 *
 * Reads days, hours, minutes and seconds, fractions included. Years and
 * months are refused: their length in minutes is not defined.
 *
 * Returns: %FALSE when @text is no such duration
 */
gboolean
ir_mspdi_parse_duration (const char *text,
                         gint64     *minutes)
{
  const char *cursor = text;
  gboolean negative = FALSE, in_time = FALSE, any = FALSE;
  double total = 0;

  if (text == NULL)
    return FALSE;

  if (*cursor == '-')
    {
      negative = TRUE;
      cursor++;
    }
  if (*cursor++ != 'P')
    return FALSE;

  while (*cursor != '\0')
    {
      char *end;
      double value;

      if (*cursor == 'T' && !in_time)
        {
          in_time = TRUE;
          cursor++;
          continue;
        }

      if (!g_ascii_isdigit (*cursor))
        return FALSE;

      value = g_ascii_strtod (cursor, &end);
      cursor = end;
      any = TRUE;

      switch (*cursor++)
        {
        case 'W':
          total += value * 7 * 1440;
          break;
        case 'D':
          total += value * 1440;
          break;
        case 'H':
          total += value * 60;
          break;
        case 'M':
          if (!in_time)
            return FALSE;
          total += value;
          break;
        case 'S':
          total += value / 60;
          break;
        default:
          return FALSE;
        }
    }

  if (!any || total > G_MAXINT32)
    return FALSE;

  *minutes = (gint64) (negative ? -total : total);
  return TRUE;
}

gboolean
ir_mspdi_parse_int (const char *text,
                    gint64     *value)
{
  return text != NULL &&
         g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL);
}

gboolean
ir_mspdi_parse_bool (const char *text,
                     gboolean   *value)
{
  if (g_strcmp0 (text, "1") == 0 || g_strcmp0 (text, "true") == 0)
    *value = TRUE;
  else if (g_strcmp0 (text, "0") == 0 || g_strcmp0 (text, "false") == 0)
    *value = FALSE;
  else
    return FALSE;

  return TRUE;
}

/* Whether a DurationFormat or LagFormat counts elapsed time (all hours of
 * all days) rather than working time: em, eh, ed, ew, emo, e% and their
 * estimated ("?") forms. */
gboolean
ir_mspdi_format_is_elapsed (gint64 format)
{
  switch (format)
    {
    case 4: case 6: case 8: case 10: case 12: case 20:
    case 36: case 38: case 40: case 42: case 44: case 52:
      return TRUE;
    default:
      return FALSE;
    }
}

void
ir_mspdi_format_datetime (IrDay day,
                          int   minutes,
                          char  buffer[IR_MSPDI_DATETIME_SIZE])
{
  int year, month, day_of_month;

  ir_day_to_ymd (day, &year, &month, &day_of_month);
  g_snprintf (buffer, IR_MSPDI_DATETIME_SIZE, "%04d-%02d-%02dT%02d:%02d:00",
              year, month, day_of_month, minutes / 60, minutes % 60);
}

char *
ir_mspdi_format_duration (gint64 minutes)
{
  return g_strdup_printf ("%sPT%" G_GINT64_FORMAT "H%dM0S", minutes < 0 ? "-" : "",
                          ABS (minutes) / 60, (int) (ABS (minutes) % 60));
}

/* Sets an error about one bad value. @context names where it is, such as
 * "Task “Weld body” (UID 12)", and @expected describes a valid value. */
void
ir_mspdi_set_invalid (GError     **error,
                      const char  *context,
                      const char  *element,
                      const char  *value,
                      const char  *expected)
{
  /* Translators: the place, an MSPDI element name, its value, and what a
   * valid value looks like. */
  g_set_error (error, IR_MSPDI_ERROR, IR_MSPDI_ERROR_INVALID_VALUE,
               _("%s has an invalid %s “%s”: expected %s."),
               context, element, value, expected);
}
