/* ir-escalation-private.h: escalation internals shared by its files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>

#include "ir-escalation.h"
#include "ir-schema.h"

G_BEGIN_DECLS

/* A member of the room who can be notified. */
typedef struct
{
  char   *id;
  char   *user;
  char   *name;
  IrRole  role;
} IrRoomMember;

/* The state one evaluation writes with. */
typedef struct
{
  IrStore                    *store;
  const IrEscalationSettings *settings;
  IrCalendar                 *calendar;
  IrDay                       today;
  GDateTime                  *now;
  gint64                      now_us;
  const char                 *room_id;
  char                       *room_name;
  GPtrArray                  *members;    /* IrRoomMember* */
  GPtrArray                  *webhooks;   /* IrWebhookMessage*, out */
} IrEscalationContext;

/* One evaluation's pass over the subjects. */
typedef struct
{
  IrEscalationContext *context;
  IrEscalationReport  *report;
  IrTx                *tx;          /* the subject's changes; NULL when provisional */
} IrEscalationPass;

/* ir-escalation-assess.c */
IrSlip             *ir_slip_new                   (IrSubjectKind               kind,
                                                   const char                 *subject_id,
                                                   const char                 *title);
void                ir_escalation_assess_risks    (IrStore                    *store,
                                                   const IrEscalationSettings *settings,
                                                   IrCalendar                 *calendar,
                                                   IrDay                       today,
                                                   GPtrArray                  *slips);

/* ir-escalation-status.c */
void                ir_escalation_fold_events     (GPtrArray                  *events,
                                                   IrEscalationStatus         *status);
IrEntity           *ir_escalation_find_room       (IrStore                    *store);
gint64              ir_escalation_to_us           (GDateTime                  *time);

/* ir-escalation-server.c */
gboolean            ir_escalation_is_input_kind   (const char                 *kind);

/* ir-escalation-steps.c */
void                ir_escalation_raise           (IrEscalationPass           *pass,
                                                   IrEscalationItem           *item,
                                                   const IrSlip               *slip,
                                                   GPtrArray                  *records);
void                ir_escalation_resolve_open    (IrEscalationPass           *pass,
                                                   IrEscalationItem           *item,
                                                   const IrEscalationRecord   *record,
                                                   const char                 *note);
gboolean            ir_escalation_keep_open       (IrEscalationPass           *pass,
                                                   IrEscalationItem           *item,
                                                   const IrEscalationRecord   *record,
                                                   const IrSlip               *slip);

/* ir-escalation-actions.c */
GPtrArray          *ir_escalation_load_members    (IrStore                    *store);
void                ir_escalation_add_event       (IrEscalationContext        *context,
                                                   IrTx                       *tx,
                                                   const char                 *escalation_id,
                                                   const char                 *event_id,
                                                   const char                 *kind,
                                                   const char                 *note);
void                ir_escalation_run_actions     (IrEscalationContext        *context,
                                                   IrTx                       *tx,
                                                   const char                 *escalation_id,
                                                   IrTier                      tier,
                                                   const IrSlip               *slip,
                                                   guint                       round);

G_END_DECLS
