/* escalation-fixture.h: a small room with a plan, for escalation tests
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-escalation.h"
#include "ir-plan-model.h"
#include "ir-test-store-util.h"

G_BEGIN_DECLS

/* The plan starts on Tuesday 2026-12-01; the calendar works Monday to
 * Friday with no holidays. */
#define FIXTURE_PROJECT_START "2026-12-01"

typedef enum
{
  MEMBER_AR,
  MEMBER_SR,
  MEMBER_FR,
  MEMBER_EXECUTIVE,
  MEMBER_OBSERVER,
  N_MEMBERS
} FixtureMember;

typedef struct
{
  IrStore *store;
  char    *room;
  char    *calendar;
  char    *members[N_MEMBERS];
} EscalationRoom;

EscalationRoom *escalation_room_new          (void);
void            escalation_room_free         (EscalationRoom *room);
char           *escalation_room_add_milestone (EscalationRoom *room,
                                               const char     *name,
                                               int             work_days,
                                               char          **work_id);
void            escalation_room_set_int      (EscalationRoom *room,
                                              const char     *entity,
                                              const char     *eid,
                                              const char     *field,
                                              gint64          value);
void            escalation_room_set_string   (EscalationRoom *room,
                                              const char     *entity,
                                              const char     *eid,
                                              const char     *field,
                                              const char     *value);
IrDay           escalation_room_forecast     (EscalationRoom *room,
                                              const char     *task_id);
void            escalation_room_commit_late  (EscalationRoom *room,
                                              const char     *task_id,
                                              int             days_late);
void            escalation_room_add_day      (EscalationRoom *room,
                                              const char     *date,
                                              const char     *kind);
void            escalation_room_set_setting  (EscalationRoom *room,
                                              const char     *key,
                                              JsonNode       *value);

GDateTime      *shanghai_time                (int             year,
                                              int             month,
                                              int             day,
                                              int             hour,
                                              int             minute);
guint           count_visible                (IrStore        *store,
                                              const char     *entity);
guint           count_children               (IrStore        *store,
                                              const char     *entity,
                                              const char     *field,
                                              const char     *value);
guint           count_events                 (IrStore        *store,
                                              const char     *escalation_id,
                                              const char     *kind);
IrEscalationReport *
                evaluate_ok                  (IrStore        *store,
                                              GDateTime      *now,
                                              gboolean        provisional);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EscalationRoom, escalation_room_free)

G_END_DECLS
