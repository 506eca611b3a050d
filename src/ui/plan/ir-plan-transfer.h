/* ir-plan-transfer.h: the plan to and from iCalendar and Microsoft Project
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-schedule.h"
#include "ir-store.h"

G_BEGIN_DECLS

gboolean ir_plan_export_ics    (IrStore     *store,
                                IrSchedule  *schedule,
                                const char  *path,
                                GError     **error);
gboolean ir_plan_export_mspdi  (IrSchedule  *schedule,
                                const char  *path,
                                GError     **error);
gboolean ir_plan_import_mspdi  (IrStore     *store,
                                const char  *path,
                                guint       *n_tasks,
                                GError     **error);

G_END_DECLS
