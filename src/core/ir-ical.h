/* ir-ical.h: the plan's milestones and the room's meetings as iCalendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ir-schedule.h"

G_BEGIN_DECLS

typedef enum
{
  IR_ICAL_COMMITTED_MILESTONES,  /* milestones with a committed date, on that date */
  IR_ICAL_ALL_MILESTONES,        /* every milestone, on its committed or scheduled date */
} IrIcalMilestones;

/* A timed event, such as a meeting. Strings and times are borrowed. */
typedef struct
{
  const char *uid;
  const char *summary;
  const char *description;
  const char *location;
  const char *url;
  GDateTime  *start;
  GDateTime  *end;
  guint       sequence;
  gboolean    cancelled;
} IrIcalEvent;

typedef struct _IrIcal IrIcal;

IrIcal *ir_ical_new             (const char       *calendar_name);
void    ir_ical_free            (IrIcal           *self);
void    ir_ical_set_stamp       (IrIcal           *self,
                                 GDateTime        *stamp);
char   *ir_ical_milestone_uid   (const char       *room_id,
                                 const char       *task_id);
void    ir_ical_add_milestone   (IrIcal           *self,
                                 const char       *room_id,
                                 const char       *task_id,
                                 const char       *summary,
                                 IrDay             date,
                                 guint             sequence,
                                 const char       *description);
guint   ir_ical_add_schedule    (IrIcal           *self,
                                 IrSchedule       *schedule,
                                 const char       *room_id,
                                 IrIcalMilestones  which,
                                 guint             sequence);
void    ir_ical_add_event       (IrIcal           *self,
                                 const IrIcalEvent *event);
guint   ir_ical_get_n_events    (IrIcal           *self);
char   *ir_ical_to_string       (IrIcal           *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrIcal, ir_ical_free)

G_END_DECLS
