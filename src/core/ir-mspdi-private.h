/* ir-mspdi-private.h: helpers shared by the MSPDI reader and writer
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/tree.h>
#include <libxml/xmlwriter.h>

#include "ir-mspdi.h"

G_BEGIN_DECLS

#define IR_MSPDI_NAMESPACE "http://schemas.microsoft.com/project"

/* "YYYY-MM-DDTHH:MM:SS" plus the terminating nul. */
#define IR_MSPDI_DATETIME_SIZE 20

/* Duration and lag formats (DurationFormat, LagFormat): 7 is days. */
#define IR_MSPDI_FORMAT_DAYS 7

typedef struct
{
  IrSchedule *schedule;
  int         minutes_per_day;
  int         minutes_per_week;
  int         days_per_month;
  int         day_start;        /* DefaultStartTime, minutes after midnight */
  int         day_finish;       /* DefaultFinishTime */
  gboolean    backward;
} IrMspdiReader;

xmlNode  *ir_mspdi_child            (xmlNode        *parent,
                                     const char     *name);
xmlNode  *ir_mspdi_next             (xmlNode        *node,
                                     const char     *name);
char     *ir_mspdi_text             (xmlNode        *parent,
                                     const char     *name);

gboolean  ir_mspdi_parse_datetime   (const char     *text,
                                     IrDay          *day,
                                     int            *minutes);
gboolean  ir_mspdi_parse_duration   (const char     *text,
                                     gint64         *minutes);
gboolean  ir_mspdi_parse_int        (const char     *text,
                                     gint64         *value);
gboolean  ir_mspdi_parse_bool       (const char     *text,
                                     gboolean       *value);
gboolean  ir_mspdi_format_is_elapsed (gint64         format);

void      ir_mspdi_format_datetime  (IrDay           day,
                                     int             minutes,
                                     char            buffer[IR_MSPDI_DATETIME_SIZE]);
char     *ir_mspdi_format_duration  (gint64          minutes);

void      ir_mspdi_set_invalid      (GError        **error,
                                     const char     *context,
                                     const char     *element,
                                     const char     *value,
                                     const char     *expected);

gboolean  ir_mspdi_read_calendar    (IrMspdiReader  *reader,
                                     xmlNode        *project,
                                     gint64          calendar_uid,
                                     GError        **error);
void      ir_mspdi_write_calendar   (xmlTextWriter  *writer,
                                     IrCalendar     *calendar,
                                     int             day_start);
int       ir_mspdi_day_finish       (IrCalendar     *calendar,
                                     int             day_start);

G_END_DECLS
