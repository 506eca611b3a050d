/* ir-risks-details.h: one alert in full: dates, slip chain, actions and
 * audit trail, with the steps a member can take
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-escalation.h"

G_BEGIN_DECLS

/* One row of the alert list: an escalation of the room, or one that the
 * last provisional evaluation says the server would raise. */
typedef struct
{
  char               *key;            /* the escalation's id, or "would:<subject>" */
  IrEscalationRecord *record;         /* NULL when provisional */
  IrSlip             *slip;           /* the subject's slip today, or NULL */
  IrSubjectKind       kind;
  char               *subject_id;
  char               *title;
  char               *owner_id;
  IrTier              tier;
  IrEscalationState   state;
  int                 delay;
  IrDay               commitment;
  gboolean            provisional;
} IrRisksAlert;

void ir_risks_alert_free (IrRisksAlert *alert);

#define IR_TYPE_RISKS_DETAILS (ir_risks_details_get_type ())

G_DECLARE_FINAL_TYPE (IrRisksDetails, ir_risks_details, IR, RISKS_DETAILS, GtkWidget)

void ir_risks_details_show (IrRisksDetails     *self,
                            IrStore            *store,
                            const IrRisksAlert *alert);

G_END_DECLS
