/* ir-calendar-private.h: the calendar's state, shared by its files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-calendar.h"

G_BEGIN_DECLS

#define TABLE_MAX_DAYS (366 * 200)
#define TABLE_MARGIN   366

/* The last date GDate represents: 31 December 65535. */
#define IR_DAY_MAX 23936166

typedef struct
{
  IrDayKind  kind;
  char      *name;
} ExceptionValue;

struct _IrCalendar
{
  gatomicrefcount  ref_count;
  char            *name;
  guint            weekdays;
  double           hours_per_day;
  GHashTable      *exceptions;      /* IrDay → ExceptionValue */

  /* Derived from the above by ir_calendar_compile(), cleared by every
   * change. */
  gboolean         compiled;
  GArray          *sorted;          /* IrCalendarException, names borrowed */
  GArray          *changes;         /* IrDay, exceptions that move the index */
  GArray          *change_sums;     /* gint32, deltas of changes[0..i] summed */
  int              week_count;
  int              week_prefix[8];

  /* Index cache for the dates [table_first, table_end). */
  IrDay            table_first;
  IrDay            table_end;
  gint32          *table_index;     /* span + 1 entries */
  gint32           table_first_index;
  IrDay           *table_days;
  guint            n_table_days;
};

void     ir_calendar_compile           (IrCalendar *self);
void     ir_calendar_clear_table       (IrCalendar *self);
gboolean ir_calendar_weekday_is_worked (IrCalendar *self,
                                        IrDay       day);

/* Exceptions being parsed, with the line each came from so that a date
 * listed twice with different kinds can name both lines. */
typedef struct
{
  GArray     *exceptions;   /* IrCalendarException */
  GArray     *lines;        /* guint, parallel to exceptions */
  GHashTable *by_day;       /* IrDay → index + 1 */
} IrCalendarCollector;

void     ir_calendar_collector_init   (IrCalendarCollector  *collector);
void     ir_calendar_collector_clear  (IrCalendarCollector  *collector);
gboolean ir_calendar_collector_add    (IrCalendarCollector  *collector,
                                       IrDay                 day,
                                       IrDayKind             kind,
                                       const char           *name,
                                       guint                 line,
                                       GError              **error);
GArray  *ir_calendar_collector_finish (IrCalendarCollector  *collector);
gboolean ir_calendar_check_utf8       (const char           *text,
                                       gsize                 length,
                                       GError              **error);

G_END_DECLS
