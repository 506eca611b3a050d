/* ir-plan-ical.h: a room's committed milestones and meetings as iCalendar
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-ical.h"
#include "ir-store.h"

G_BEGIN_DECLS

guint  ir_plan_ical_add_meetings (IrIcal      *ical,
                                  IrStore     *store);
char  *ir_plan_ical_export       (IrStore     *store,
                                  GDateTime   *stamp,
                                  GError     **error);

G_END_DECLS
