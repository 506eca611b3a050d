/* ir-mspdi.h: Microsoft Project XML (MSPDI) import and export
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ir-schedule.h"

G_BEGIN_DECLS

#define IR_MSPDI_ERROR (ir_mspdi_error_quark ())

typedef enum
{
  IR_MSPDI_ERROR_NOT_XML,
  IR_MSPDI_ERROR_NOT_MSPDI,
  IR_MSPDI_ERROR_INVALID_VALUE,
  IR_MSPDI_ERROR_DUPLICATE_UID,
} IrMspdiError;

/* Task ids that the import gives: this prefix and the task's UID. */
#define IR_MSPDI_TASK_ID_PREFIX "mspdi-"

GQuark      ir_mspdi_error_quark   (void);

IrSchedule *ir_mspdi_import        (const char  *data,
                                    gsize        length,
                                    GError     **error);
IrSchedule *ir_mspdi_import_file   (const char  *path,
                                    GError     **error);
char       *ir_mspdi_export        (IrSchedule  *schedule,
                                    gsize       *length);
gboolean    ir_mspdi_export_file   (IrSchedule  *schedule,
                                    const char  *path,
                                    GError     **error);

G_END_DECLS
