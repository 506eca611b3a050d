/* ir-review-private.h: what the ir-review*.c files share
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-review.h"

G_BEGIN_DECLS

/* Every op of the room on this replica, in history order: synced ops by
 * sequence, then unsynced ones in local order. An op's position is its
 * sequence, or for an unsynced op the highest synced sequence plus its
 * rank among the unsynced ones. */
typedef struct
{
  GPtrArray *ops;        /* IrOp* */
  GArray    *positions;  /* gint64, one per op */
  gint64     base;       /* the highest synced sequence, 0 for none */
} IrReviewHistory;

/* ir-review-history.c */
IrReviewHistory *ir_review_history_load     (IrStore             *store);
void             ir_review_history_free     (IrReviewHistory     *history);
gboolean         ir_review_point_covers     (const IrReviewPoint *point,
                                             const IrOp          *op,
                                             gint64               position);
IrStore         *ir_review_replay           (IrStore             *store,
                                             IrReviewHistory     *history,
                                             const IrReviewPoint *point,
                                             GError             **error);

/* ir-review-agenda.c */
void             ir_review_person_change_free (IrReviewPersonChange *change);
void             ir_review_revision_free    (IrReviewRevision    *revision);
void             ir_review_sheet_free       (IrReviewSheet       *sheet);

/* ir-review-collect.c: the parts of the agenda, each from the room's state
 * at the start of the range (@before) and at its end (@after). */
void             ir_review_collect_map      (IrReviewAgenda      *agenda,
                                             IrStore             *before,
                                             IrStore             *after);
void             ir_review_collect_revisions (IrReviewAgenda     *agenda,
                                             IrStore             *store,
                                             IrStore             *before,
                                             IrStore             *after);
gboolean         ir_review_collect_plan     (IrReviewAgenda      *agenda,
                                             IrStore             *before,
                                             IrStore             *after,
                                             GError             **error);
gboolean         ir_review_collect_escalations (IrReviewAgenda   *agenda,
                                             IrStore             *after,
                                             GDateTime           *now,
                                             GError             **error);
void             ir_review_collect_previous_actions (IrReviewAgenda *agenda,
                                             IrStore             *after);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrReviewSheet, ir_review_sheet_free)

G_END_DECLS
