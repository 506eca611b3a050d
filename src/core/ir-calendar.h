/* ir-calendar.h: working calendars and working-day arithmetic
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A calendar date as a GDate Julian day number: day 1 is Monday, 1 January
 * of year 1, and consecutive dates have consecutive numbers. 0 means "no
 * date". */
typedef gint32 IrDay;

#define IR_DAY_NONE 0

/* "YYYY-MM-DD" plus the terminating nul. */
#define IR_DAY_STRING_SIZE 11

IrDay        ir_day_from_ymd           (int          year,
                                        int          month,
                                        int          day);
IrDay        ir_day_parse              (const char  *text);
char        *ir_day_format             (IrDay        day,
                                        char         buffer[IR_DAY_STRING_SIZE]);
void         ir_day_to_ymd             (IrDay        day,
                                        int         *year,
                                        int         *month,
                                        int         *day_of_month);
GDateWeekday ir_day_get_weekday        (IrDay        day);

#define IR_CALENDAR_ERROR (ir_calendar_error_quark ())

typedef enum
{
  IR_CALENDAR_ERROR_INVALID_LINE,
  IR_CALENDAR_ERROR_INVALID_ICALENDAR,
  IR_CALENDAR_ERROR_INVALID_EVENT,
} IrCalendarError;

typedef enum
{
  IR_DAY_KIND_HOLIDAY,  /* a day off, although its weekday is worked */
  IR_DAY_KIND_WORKDAY,  /* a worked day, although its weekday is off (调休) */
} IrDayKind;

/* Weekday bits, as the calendar entity's "weekdays" field stores them. */
#define IR_WEEKDAY_BIT(weekday) (1u << ((weekday) - G_DATE_MONDAY))
#define IR_WEEKDAYS_MONDAY_TO_FRIDAY 0x1f

typedef struct
{
  IrDay      day;
  IrDayKind  kind;
  char      *name;
} IrCalendarException;

void ir_calendar_exception_clear (IrCalendarException *exception);

typedef struct _IrCalendar IrCalendar;

GQuark      ir_calendar_error_quark              (void);

IrCalendar *ir_calendar_new                      (void);
IrCalendar *ir_calendar_copy                     (IrCalendar           *self);
IrCalendar *ir_calendar_ref                      (IrCalendar           *self);
void        ir_calendar_unref                    (IrCalendar           *self);

const char *ir_calendar_get_name                 (IrCalendar           *self);
void        ir_calendar_set_name                 (IrCalendar           *self,
                                                  const char           *name);
guint       ir_calendar_get_weekdays             (IrCalendar           *self);
void        ir_calendar_set_weekdays             (IrCalendar           *self,
                                                  guint                 weekdays);
double      ir_calendar_get_hours_per_day        (IrCalendar           *self);
void        ir_calendar_set_hours_per_day        (IrCalendar           *self,
                                                  double                hours);

void        ir_calendar_set_exception            (IrCalendar           *self,
                                                  IrDay                 day,
                                                  IrDayKind             kind,
                                                  const char           *name);
gboolean    ir_calendar_remove_exception         (IrCalendar           *self,
                                                  IrDay                 day);
guint       ir_calendar_remove_exceptions        (IrCalendar           *self,
                                                  IrDay                 first,
                                                  IrDay                 last);
gboolean    ir_calendar_lookup_exception         (IrCalendar           *self,
                                                  IrDay                 day,
                                                  IrDayKind            *kind,
                                                  const char          **name);
const IrCalendarException *
            ir_calendar_get_exceptions           (IrCalendar           *self,
                                                  guint                *n_exceptions);
void        ir_calendar_add_exceptions           (IrCalendar           *self,
                                                  GArray               *exceptions);

gboolean    ir_calendar_is_working_day           (IrCalendar           *self,
                                                  IrDay                 day);
IrDay       ir_calendar_add_working_days         (IrCalendar           *self,
                                                  IrDay                 day,
                                                  int                   n);
int         ir_calendar_count_working_days       (IrCalendar           *self,
                                                  IrDay                 from,
                                                  IrDay                 to);
IrDay       ir_calendar_next_working_day         (IrCalendar           *self,
                                                  IrDay                 day);
IrDay       ir_calendar_previous_working_day     (IrCalendar           *self,
                                                  IrDay                 day);
gint32      ir_calendar_day_index                (IrCalendar           *self,
                                                  IrDay                 day);
IrDay       ir_calendar_day_at_index             (IrCalendar           *self,
                                                  gint32                index);
void        ir_calendar_prepare                  (IrCalendar           *self,
                                                  IrDay                 first,
                                                  IrDay                 last);

/* Shipped data (ir-calendar-china.c). */
gboolean    ir_calendar_add_china_holidays       (IrCalendar           *self,
                                                  int                   year);
IrCalendar *ir_calendar_new_china                (void);

/* Import (ir-calendar-import.c). Both parsers return an array of
 * IrCalendarException, sorted by day, or %NULL with @error set; nothing is
 * changed on failure. */
GArray     *ir_calendar_parse_csv                (const char           *text,
                                                  gssize                length,
                                                  GError              **error);
GArray     *ir_calendar_parse_ics                (const char           *text,
                                                  gssize                length,
                                                  GError              **error);
gboolean    ir_calendar_import_csv               (IrCalendar           *self,
                                                  const char           *text,
                                                  gssize                length,
                                                  GError              **error);
gboolean    ir_calendar_import_ics               (IrCalendar           *self,
                                                  const char           *text,
                                                  gssize                length,
                                                  GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrCalendar, ir_calendar_unref)

G_END_DECLS
