/* ir-escalation.h: three-tier escalation of slipping commitments
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-schedule.h"
#include "ir-store.h"
#include "ir-webhook.h"

G_BEGIN_DECLS

#define IR_ESCALATION_ERROR (ir_escalation_error_quark ())

typedef enum
{
  IR_ESCALATION_ERROR_NOT_FOUND,
  IR_ESCALATION_ERROR_RESOLVED,
  IR_ESCALATION_ERROR_INVALID,
  IR_ESCALATION_ERROR_NOT_SERVER,
} IrEscalationError;

typedef enum
{
  IR_TIER_NONE,
  IR_TIER_BLUE,     /* the owner is reminded */
  IR_TIER_YELLOW,   /* a three-party meeting of the room's AR, SR and FR */
  IR_TIER_RED,      /* the room's executives and the group webhook */
} IrTier;

typedef enum
{
  IR_DAY_COUNT_CALENDAR,
  IR_DAY_COUNT_WORKING,
} IrDayCount;

typedef enum
{
  IR_SUBJECT_TASK,
  IR_SUBJECT_RISK,
} IrSubjectKind;

typedef enum
{
  IR_ESCALATION_RAISED,
  IR_ESCALATION_NOTIFIED,
  IR_ESCALATION_ACKNOWLEDGED,
  IR_ESCALATION_SNOOZED,
  IR_ESCALATION_RESOLVED,
} IrEscalationState;

/* Keys of the room_setting entities that tune escalation. The room's time
 * zone is the room entity's "time_zone". */
#define IR_SETTING_ESCALATION_YELLOW_AFTER    "escalation.yellow_after"
#define IR_SETTING_ESCALATION_RED_AFTER       "escalation.red_after"
#define IR_SETTING_ESCALATION_DAY_COUNT       "escalation.day_count"
#define IR_SETTING_ESCALATION_MEETING_HOUR    "escalation.meeting_hour"
#define IR_SETTING_ESCALATION_MEETING_MINUTES "escalation.meeting_minutes"
#define IR_SETTING_ESCALATION_MEETING_LINK    "escalation.meeting_link"
#define IR_SETTING_ESCALATION_RERAISE_HOURS   "escalation.reraise_hours"

#define IR_ESCALATION_DEFAULT_TIME_ZONE "Asia/Shanghai"

/* A room's escalation settings. A delay of 1 to yellow_after days is blue,
 * up to red_after days yellow, and more red. */
typedef struct
{
  int         yellow_after;     /* days; 3 by default */
  int         red_after;        /* days; 7 by default */
  IrDayCount  day_count;        /* calendar days by default */
  char       *time_zone;        /* IANA identifier; Asia/Shanghai by default */
  int         meeting_hour;     /* 0–23 in the room's time zone; 10 by default */
  int         meeting_minutes;  /* 60 by default */
  char       *meeting_link;     /* the room's online-meeting URL, or NULL */
  int         reraise_hours;    /* an acknowledged escalation unresolved this
                                 * long is raised again; 48 by default */
} IrEscalationSettings;

/* One predecessor on the chain of driving links that made a task late. */
typedef struct
{
  char       *task_id;
  char       *name;
  IrDay       finish;
  gboolean    has_slip;
  int         slip;             /* days past its own baseline or commitment,
                                 * counted as delays are, when has_slip */
  IrLinkType  type;             /* the link to the next task on the chain */
  int         lag;
} IrSlipStep;

/* How late one task or manual risk is against its commitment. */
typedef struct
{
  IrSubjectKind  kind;
  char          *subject_id;
  char          *title;
  char          *owner_id;      /* member id, or NULL */
  IrDay          commitment;    /* committed date, baseline finish or risk due date */
  gboolean       from_baseline; /* the commitment is a baseline finish */
  IrDay          forecast;      /* forecast finish; today for an overdue risk */
  gboolean       finished;      /* a finished task or a closed risk */
  int            delay;         /* days late in the room's counting; ≤ 0 on time */
  IrTier         tier;
  GPtrArray     *chain;         /* IrSlipStep*, the nearest predecessor first */
} IrSlip;

/* What an evaluation did, or would do, to one subject. */
typedef enum
{
  IR_ESCALATION_CHANGE_NONE         = 0,
  IR_ESCALATION_CHANGE_RAISED       = 1 << 0, /* a new escalation */
  IR_ESCALATION_CHANGE_RESOLVED     = 1 << 1, /* an open escalation resolved */
  IR_ESCALATION_CHANGE_RERAISED     = 1 << 2, /* ack timeout or snooze expiry */
  IR_ESCALATION_CHANGE_FALL_PENDING = 1 << 3, /* below its tier, not yet a working day */
  IR_ESCALATION_CHANGE_UPDATED      = 1 << 4, /* the delay changed */
} IrEscalationChange;

typedef struct
{
  IrSlip             *slip;           /* NULL when the subject is gone */
  IrSubjectKind       kind;
  char               *subject_id;
  char               *escalation_id;  /* the open escalation afterwards, or NULL */
  IrTier              tier;           /* its tier */
  char               *resolved_id;    /* the escalation resolved now, or NULL */
  IrEscalationChange  changes;
  gint64              falls_at;       /* µs since the epoch, when FALL_PENDING */
} IrEscalationItem;

typedef struct
{
  IrDay       today;          /* in the room's time zone */
  gboolean    provisional;    /* nothing was written */
  GPtrArray  *items;          /* IrEscalationItem*, every subject that slips
                               * or has an open escalation */
  GPtrArray  *webhooks;       /* IrWebhookMessage* for the server to send */
  guint       n_raised;
  guint       n_resolved;
  guint       n_reraised;
} IrEscalationReport;

/* An escalation's state, folded from its append-only events. Times are
 * µs since the epoch, 0 when unset. */
typedef struct
{
  IrEscalationState  state;
  gint64             raised;
  gint64             acknowledged;
  gint64             snoozed_until;
  gint64             resolved;
  guint              n_reraised;
  IrDay              proposed_date;   /* the latest extension request */
} IrEscalationStatus;

/* One step of an escalation's audit trail. */
typedef struct
{
  char   *id;
  char   *kind;          /* the event_kinds of the schema */
  char   *actor;
  gint64  at;
  char   *note;
  gint64  until;
  IrDay   proposed_date;
} IrEscalationEvent;

/* An escalation with its events in order. */
typedef struct
{
  char               *id;
  IrSubjectKind       kind;
  char               *subject;
  IrDay               commitment;
  IrTier              tier;
  gint64              ordinal;
  gint64              delay;
  char               *state_field;  /* the server's copy of the state */
  GPtrArray          *events;       /* IrEscalationEvent*, oldest first */
  IrEscalationStatus  status;
} IrEscalationRecord;

GQuark       ir_escalation_error_quark        (void);

const char  *ir_tier_to_string                (IrTier                      tier);
IrTier       ir_tier_from_string              (const char                 *text);
const char  *ir_escalation_state_to_string    (IrEscalationState           state);

char        *ir_uuid_derive                   (const char                 *first_part,
                                               ...) G_GNUC_NULL_TERMINATED;

/* Settings (ir-escalation-settings.c). */
void         ir_escalation_settings_init      (IrEscalationSettings       *settings);
void         ir_escalation_settings_clear     (IrEscalationSettings       *settings);
void         ir_escalation_settings_load      (IrEscalationSettings       *settings,
                                               IrStore                    *store);
gboolean     ir_escalation_settings_save      (const IrEscalationSettings *settings,
                                               IrStore                    *store,
                                               GError                    **error);
GTimeZone   *ir_escalation_settings_get_time_zone (const IrEscalationSettings *settings);
IrTier       ir_escalation_tier_for_delay     (const IrEscalationSettings *settings,
                                               int                         delay);
IrDay        ir_escalation_today              (const IrEscalationSettings *settings,
                                               GDateTime                  *now);
int          ir_escalation_count_delay        (const IrEscalationSettings *settings,
                                               IrCalendar                 *calendar,
                                               IrDay                       commitment,
                                               IrDay                       forecast);

/* Assessment without a store (ir-escalation-assess.c). */
GPtrArray   *ir_escalation_assess_schedule    (IrSchedule                 *schedule,
                                               const IrEscalationSettings *settings,
                                               IrDay                       today);
void         ir_slip_free                     (IrSlip                     *slip);
char        *ir_slip_describe_chain           (const IrSlip               *slip);

/* Evaluation (ir-escalation.c). */
IrEscalationReport *
             ir_escalation_evaluate           (IrStore                    *store,
                                               GDateTime                  *now,
                                               gboolean                    provisional,
                                               GError                    **error);
void         ir_escalation_report_free        (IrEscalationReport         *report);
IrEscalationItem *
             ir_escalation_report_find        (IrEscalationReport         *report,
                                               const char                 *subject_id);

/* The server's part (ir-escalation-server.c). */
gboolean     ir_escalation_ops_touch_plan     (GPtrArray                  *ops);
IrEscalationReport *
             ir_escalation_evaluate_for_server (IrStore                   *store,
                                                IrWebhookSender           *sender,
                                                GDateTime                 *now,
                                                GError                   **error);

/* Lifecycle (ir-escalation-status.c). */
GPtrArray   *ir_escalation_load_records       (IrStore                    *store);
IrEscalationRecord *
             ir_escalation_load_record        (IrStore                    *store,
                                               const char                 *escalation_id);
void         ir_escalation_record_free        (IrEscalationRecord         *record);
gboolean     ir_escalation_get_status         (IrStore                    *store,
                                               const char                 *escalation_id,
                                               IrEscalationStatus         *status);
gboolean     ir_escalation_acknowledge        (IrStore                    *store,
                                               const char                 *escalation_id,
                                               const char                 *note,
                                               GDateTime                  *now,
                                               GError                    **error);
gboolean     ir_escalation_snooze             (IrStore                    *store,
                                               const char                 *escalation_id,
                                               GDateTime                  *until,
                                               const char                 *note,
                                               GDateTime                  *now,
                                               GError                    **error);
gboolean     ir_escalation_resolve            (IrStore                    *store,
                                               const char                 *escalation_id,
                                               const char                 *note,
                                               GDateTime                  *now,
                                               GError                    **error);
gboolean     ir_escalation_request_extension  (IrStore                    *store,
                                               const char                 *escalation_id,
                                               IrDay                       proposed,
                                               const char                 *note,
                                               GDateTime                  *now,
                                               GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSlip, ir_slip_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrEscalationRecord, ir_escalation_record_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrEscalationReport, ir_escalation_report_free)

G_END_DECLS
