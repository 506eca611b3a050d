/* ir-review.h: the agenda, decisions and report of a project review
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ir-calendar.h"
#include "ir-drawing-compare.h"
#include "ir-escalation.h"
#include "ir-store.h"

G_BEGIN_DECLS

#define IR_REVIEW_ERROR (ir_review_error_quark ())

typedef enum
{
  IR_REVIEW_ERROR_NOT_FOUND,   /* the review or decision is gone */
  IR_REVIEW_ERROR_INVALID,     /* a value the review cannot use */
  IR_REVIEW_ERROR_LINKED,      /* the decision is a task or risk already */
  IR_REVIEW_ERROR_FAILED,      /* writing the report failed */
} IrReviewError;

/* --- points in history --------------------------------------------------- */

/* A point in the room's history that a review covered. Sequences are the
 * server's; in a room that never synced, every op is unsynced and @seq
 * counts ops in this replica's local order instead. The ops of the review's
 * own replica with a lower counter than the review's first op are covered
 * too, because that replica had written them before. This keeps the
 * presenter's own edits that were not pushed yet out of the next agenda. */
typedef struct
{
  gint64   seq;
  char    *client;   /* client id of the replica that held the review, or NULL */
  guint64  counter;  /* that client's counter at the review's first op */
} IrReviewPoint;

IrReviewPoint *ir_review_point_new_at       (gint64               seq);
IrReviewPoint *ir_review_point_new_for_review (IrStore           *store,
                                             const char          *review);
void           ir_review_point_free         (IrReviewPoint       *point);
gint64         ir_review_get_head           (IrStore             *store);

/* --- the agenda ---------------------------------------------------------- */

typedef enum
{
  IR_REVIEW_STEP_OVERVIEW,      /* the review's title and agenda */
  IR_REVIEW_STEP_MAP,           /* people new, changed and gone */
  IR_REVIEW_STEP_DRAWING,       /* one new revision, or none */
  IR_REVIEW_STEP_PLAN,          /* slips, confirmations, critical path */
  IR_REVIEW_STEP_ESCALATIONS,   /* open escalations, red first */
  IR_REVIEW_STEP_DECISIONS,     /* decisions and actions to record */
} IrReviewStepKind;

typedef struct
{
  IrReviewStepKind kind;
  int              revision;    /* for a drawing step: index into the
                                 * agenda's revisions, or -1 for none */
} IrReviewStep;

typedef enum
{
  IR_REVIEW_PERSON_NEW,
  IR_REVIEW_PERSON_STANCE,
  IR_REVIEW_PERSON_LEFT,
} IrReviewPersonKind;

/* One change of the decision map. */
typedef struct
{
  IrReviewPersonKind  kind;
  char               *stakeholder;
  char               *name;
  char               *title;
  char               *department;
  char               *old_stance;      /* NULL when unknown or new */
  char               *new_stance;      /* NULL when unknown */
  char               *successor_name;  /* for a person who left, or NULL */
  int                 influence;       /* 1–5, 0 when unknown */
} IrReviewPersonChange;

/* One page of a new revision against the page that it continues. */
typedef struct
{
  int               old_page;          /* from 0 */
  int               new_page;
  double            width;             /* the new page, in points */
  double            height;
  GArray           *regions;           /* IrDrawingRegion, in the new page's points */
  GPtrArray        *text_changes;      /* IrDrawingTextChange* */
  gboolean          text_compared;     /* both pages have a text layer */
  cairo_surface_t  *overlay;           /* old and new in two colours, or NULL */
  double            overlay_scale;     /* overlay pixels per point */
} IrReviewSheet;

/* A revision uploaded since the last review. */
typedef struct
{
  char       *drawing;
  char       *drawing_title;
  char       *drawing_number;
  char       *revision;
  char       *label;            /* "B" */
  char       *previous;         /* the revision before it, or NULL */
  char       *previous_label;
  char       *uploaded_by;      /* display name */
  gint64      uploaded;         /* µs since the epoch, 0 when unknown */
  char       *note;
  int         n_pages;
  gboolean    compared;         /* the sheets below are filled */
  char       *compare_error;    /* why the compare failed, or NULL */
  GPtrArray  *sheets;           /* IrReviewSheet* */
} IrReviewRevision;

typedef enum
{
  IR_REVIEW_TASK_SLIPPED,       /* the forecast finish moved later */
  IR_REVIEW_TASK_PULLED_IN,     /* … or earlier */
  IR_REVIEW_TASK_RECOMMITTED,   /* the committed date moved */
  IR_REVIEW_TASK_ADDED,         /* a task new to the plan */
} IrReviewTaskChangeKind;

/* A milestone or committed task whose dates moved, or a task added. */
typedef struct
{
  IrReviewTaskChangeKind  kind;
  char                   *task;
  char                   *name;
  char                   *owner_name;
  gboolean                milestone;
  gboolean                key_milestone;
  IrDay                   old_finish;     /* IR_DAY_NONE for an added task */
  IrDay                   new_finish;
  IrDay                   old_committed;  /* IR_DAY_NONE when none */
  IrDay                   new_committed;
  int                     slip;           /* calendar days new − old forecast */
  int                     late;           /* calendar days forecast − committed,
                                           * 0 without a commitment */
} IrReviewTaskChange;

/* A customer confirmation recorded since the last review. */
typedef struct
{
  char   *task;
  char   *milestone;
  IrDay   committed;
  char   *signer;
  char   *company;
  char   *recorded_by;          /* display name */
  gint64  signed_at;            /* µs since the epoch, 0 when unknown */
} IrReviewConfirmation;

/* An open task on the critical path; the agenda lists them by finish date. */
typedef struct
{
  char     *task;
  char     *name;
  IrDay     start;
  IrDay     finish;
  gboolean  milestone;
  gboolean  newly_critical;     /* not critical at the start of the range */
} IrReviewCriticalTask;

/* An open or would-be escalation. */
typedef struct
{
  IrTier   tier;
  char    *subject;
  char    *title;
  char    *owner_name;
  IrDay    commitment;
  IrDay    forecast;
  int      delay;               /* days, in the room's counting */
  char    *state;               /* raised, acknowledged …, or NULL when the
                                 * escalation is not recorded yet */
  char    *chain;               /* the slip chain as one line, or NULL */
} IrReviewEscalation;

/* A decision or action recorded in a review. */
typedef struct
{
  char    *decision;
  char    *review;
  char    *kind;                /* "decision" or "action" */
  char    *text;
  char    *owner;               /* member id, or NULL */
  char    *owner_name;
  IrDay    due;
  char    *task;                /* the task it became, or NULL */
  char    *risk;                /* the risk it became, or NULL */
  gboolean done;                /* its task finished or its risk closed */
} IrReviewDecision;

typedef struct
{
  char       *room_name;
  char       *customer;
  IrDay       today;

  /* The range: from the end of the last review (or a sequence) to now. */
  char       *since_review;      /* the last review's id, or NULL */
  char       *since_title;
  gint64      since_held;        /* µs since the epoch, 0 when none */
  gint64      since_seq;         /* -1 for the room's whole history */
  gint64      head_seq;          /* what a review held on this agenda stores */
  guint       n_ops;             /* ops in the range */

  GPtrArray  *people;            /* IrReviewPersonChange* */
  GPtrArray  *revisions;         /* IrReviewRevision* */
  GPtrArray  *task_changes;      /* IrReviewTaskChange*, biggest slip first */
  GPtrArray  *confirmations;     /* IrReviewConfirmation* */
  GPtrArray  *critical;          /* IrReviewCriticalTask* */
  GPtrArray  *escalations;       /* IrReviewEscalation*, red first */
  GPtrArray  *previous_actions;  /* IrReviewDecision* of the last review */

  /* The review being held on this agenda and its decisions. */
  char       *review;
  GPtrArray  *decisions;         /* IrReviewDecision* */

  GArray     *steps;             /* IrReviewStep */
} IrReviewAgenda;

GQuark          ir_review_error_quark          (void);

char           *ir_review_find_last            (IrStore             *store,
                                                const char          *exclude);
IrReviewAgenda *ir_review_agenda_new           (IrStore             *store,
                                                const IrReviewPoint *since,
                                                const IrReviewPoint *until,
                                                GDateTime           *now,
                                                GError             **error);
IrReviewAgenda *ir_review_agenda_new_since_last (IrStore            *store,
                                                GDateTime           *now,
                                                GError             **error);
void            ir_review_agenda_free          (IrReviewAgenda      *agenda);
guint           ir_review_agenda_get_n_steps   (IrReviewAgenda      *agenda);
const IrReviewStep *
                ir_review_agenda_get_step      (IrReviewAgenda      *agenda,
                                                guint                index);
char           *ir_review_step_dup_title       (IrReviewAgenda      *agenda,
                                                const IrReviewStep  *step);
gboolean        ir_review_agenda_reload_decisions (IrReviewAgenda   *agenda,
                                                IrStore             *store);

/* Drawing compares (ir-review-drawings.c). A job reads the store when it is
 * made, on the store's thread, and can then run on any thread. */
typedef struct _IrReviewCompareJob IrReviewCompareJob;

IrReviewCompareJob *
                ir_review_compare_job_new      (IrStore             *store,
                                                IrReviewRevision    *revision,
                                                int                  max_overlay_side);
gboolean        ir_review_compare_job_run      (IrReviewCompareJob  *job,
                                                GCancellable        *cancellable,
                                                GError             **error);
void            ir_review_compare_job_finish   (IrReviewCompareJob  *job,
                                                IrReviewRevision    *revision);
void            ir_review_compare_job_free     (IrReviewCompareJob  *job);
gboolean        ir_review_agenda_compare_drawings (IrReviewAgenda   *agenda,
                                                IrStore             *store,
                                                int                  max_overlay_side,
                                                GCancellable        *cancellable,
                                                GError             **error);

/* Reviews and decisions (ir-review-decisions.c). */
char           *ir_review_hold                 (IrStore             *store,
                                                IrReviewAgenda      *agenda,
                                                const char          *title,
                                                GDateTime           *now,
                                                GError             **error);
GPtrArray      *ir_review_list_decisions       (IrStore             *store,
                                                const char          *review);
IrReviewDecision *
                ir_review_decision_load        (IrStore             *store,
                                                IrEntity            *entity);
char           *ir_review_add_decision         (IrStore             *store,
                                                const char          *review,
                                                const char          *kind,
                                                const char          *text,
                                                const char          *owner,
                                                IrDay                due,
                                                GError             **error);
gboolean        ir_review_set_decision_text    (IrStore             *store,
                                                const char          *decision,
                                                const char          *text,
                                                GError             **error);
gboolean        ir_review_set_decision_kind    (IrStore             *store,
                                                const char          *decision,
                                                const char          *kind,
                                                GError             **error);
gboolean        ir_review_set_decision_owner   (IrStore             *store,
                                                const char          *decision,
                                                const char          *owner,
                                                GError             **error);
gboolean        ir_review_set_decision_due     (IrStore             *store,
                                                const char          *decision,
                                                IrDay                due,
                                                GError             **error);
gboolean        ir_review_delete_decision      (IrStore             *store,
                                                const char          *decision,
                                                GError             **error);
char           *ir_review_decision_make_task   (IrStore             *store,
                                                const char          *decision,
                                                IrDay                today,
                                                GError             **error);
char           *ir_review_decision_make_risk   (IrStore             *store,
                                                const char          *decision,
                                                GError             **error);
void            ir_review_decision_free        (IrReviewDecision    *decision);

/* The report (ir-review-report.c). */
gboolean        ir_review_report_write_pdf     (IrReviewAgenda      *agenda,
                                                const char          *path,
                                                GError             **error);

/* Labels shared by the report and the app (ir-review-labels.c). */
const char     *ir_review_tier_label           (IrTier               tier);
const char     *ir_review_escalation_state_label (const char        *state);
const char     *ir_review_decision_kind_label  (const char          *kind);
IrTier          ir_review_task_change_tier     (const IrReviewTaskChange *change);
char           *ir_review_format_day           (IrDay                day);
char           *ir_review_format_time          (gint64               usec);
char           *ir_review_dup_member_name      (IrStore             *store,
                                                const char          *member);
char           *ir_review_dup_user_name        (IrStore             *store,
                                                const char          *user);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrReviewPoint, ir_review_point_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrReviewAgenda, ir_review_agenda_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrReviewCompareJob, ir_review_compare_job_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrReviewDecision, ir_review_decision_free)

G_END_DECLS
