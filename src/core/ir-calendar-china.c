/* ir-calendar-china.c: the mainland-China official holiday calendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-calendar.h"

typedef struct
{
  int         year;
  int         first_month;
  int         first_day;
  int         days;
  IrDayKind   kind;
  const char *name;
} HolidayRange;

/* The 2026 public holidays and make-up working days (调休) as the State
 * Council's General Office announced them in its notice on the 2026
 * holiday arrangements (国务院办公厅关于2026年部分节假日安排的通知).
 * A room gets a copy of these days in its own calendar and can edit them
 * there, for a later change by the State Council or a plant's own days.
 * Other years are imported from CSV or iCalendar.
 *
 * The National Day break of seven days holds five weekdays, of which one is
 * made up by the statutory 3 October falling on a Saturday. So two weekend
 * days are worked: Sunday 20 September and Saturday 10 October. */
static const HolidayRange china_holidays[] = {
  { 2026,  1,  1, 3, IR_DAY_KIND_HOLIDAY, N_("New Year's Day") },
  { 2026,  1,  4, 1, IR_DAY_KIND_WORKDAY, N_("New Year's Day make-up working day") },
  { 2026,  2, 14, 1, IR_DAY_KIND_WORKDAY, N_("Spring Festival make-up working day") },
  { 2026,  2, 15, 9, IR_DAY_KIND_HOLIDAY, N_("Spring Festival") },
  { 2026,  2, 28, 1, IR_DAY_KIND_WORKDAY, N_("Spring Festival make-up working day") },
  { 2026,  4,  4, 3, IR_DAY_KIND_HOLIDAY, N_("Qingming Festival") },
  { 2026,  5,  1, 5, IR_DAY_KIND_HOLIDAY, N_("Labour Day") },
  { 2026,  5,  9, 1, IR_DAY_KIND_WORKDAY, N_("Labour Day make-up working day") },
  { 2026,  6, 19, 3, IR_DAY_KIND_HOLIDAY, N_("Dragon Boat Festival") },
  { 2026,  9, 20, 1, IR_DAY_KIND_WORKDAY, N_("National Day make-up working day") },
  { 2026,  9, 25, 3, IR_DAY_KIND_HOLIDAY, N_("Mid-Autumn Festival") },
  { 2026, 10,  1, 7, IR_DAY_KIND_HOLIDAY, N_("National Day") },
  { 2026, 10, 10, 1, IR_DAY_KIND_WORKDAY, N_("National Day make-up working day") },
};

/**
 * ir_calendar_add_china_holidays:
 * @self: a calendar
 * @year: the year whose holidays to add
 *
 * Adds the official mainland-China holidays and make-up working days of
 * @year, named in the user's language.
 *
 * Returns: %FALSE when no data for @year ships with Iron Room
 */
gboolean
ir_calendar_add_china_holidays (IrCalendar *self,
                                int         year)
{
  gboolean found = FALSE;

  g_return_val_if_fail (self != NULL, FALSE);

  for (gsize i = 0; i < G_N_ELEMENTS (china_holidays); i++)
    {
      const HolidayRange *range = &china_holidays[i];
      IrDay first;

      if (range->year != year)
        continue;

      first = ir_day_from_ymd (range->year, range->first_month, range->first_day);
      for (int d = 0; d < range->days; d++)
        ir_calendar_set_exception (self, first + d, range->kind,
                                   g_dgettext (GETTEXT_PACKAGE, range->name));
      found = TRUE;
    }

  return found;
}

/**
 * ir_calendar_new_china:
 *
 * Creates the default calendar of a new room: Monday to Friday, 8 hours a
 * day, with every year of official holidays that ships with Iron Room.
 *
 * Returns: (transfer full): a new calendar
 */
IrCalendar *
ir_calendar_new_china (void)
{
  IrCalendar *self = ir_calendar_new ();
  int last_year = 0;

  ir_calendar_set_name (self, _("Mainland China"));

  for (gsize i = 0; i < G_N_ELEMENTS (china_holidays); i++)
    if (china_holidays[i].year != last_year)
      {
        last_year = china_holidays[i].year;
        ir_calendar_add_china_holidays (self, last_year);
      }

  return self;
}
