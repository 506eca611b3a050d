/* ir-review-agenda.c: what a review goes through, step by step
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The agenda compares the room at two points in history: where the last
 * review ended and now, or any two points given. Each part (map, drawings,
 * plan, escalations) is collected in ir-review-collect*.c; this file makes
 * the range, orders the steps and owns the memory.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-review-private.h"

G_DEFINE_QUARK (ir-review-error-quark, ir_review_error)

/* --- freeing -------------------------------------------------------------- */

void
ir_review_person_change_free (IrReviewPersonChange *change)
{
  if (change == NULL)
    return;

  g_free (change->stakeholder);
  g_free (change->name);
  g_free (change->title);
  g_free (change->department);
  g_free (change->old_stance);
  g_free (change->new_stance);
  g_free (change->successor_name);
  g_free (change);
}

void
ir_review_sheet_free (IrReviewSheet *sheet)
{
  if (sheet == NULL)
    return;

  g_clear_pointer (&sheet->regions, g_array_unref);
  g_clear_pointer (&sheet->text_changes, g_ptr_array_unref);
  g_clear_pointer (&sheet->overlay, cairo_surface_destroy);
  g_free (sheet);
}

void
ir_review_revision_free (IrReviewRevision *revision)
{
  if (revision == NULL)
    return;

  g_free (revision->drawing);
  g_free (revision->drawing_title);
  g_free (revision->drawing_number);
  g_free (revision->revision);
  g_free (revision->label);
  g_free (revision->previous);
  g_free (revision->previous_label);
  g_free (revision->uploaded_by);
  g_free (revision->note);
  g_free (revision->compare_error);
  g_ptr_array_unref (revision->sheets);
  g_free (revision);
}

static void
task_change_free (IrReviewTaskChange *change)
{
  g_free (change->task);
  g_free (change->name);
  g_free (change->owner_name);
  g_free (change);
}

static void
confirmation_free (IrReviewConfirmation *confirmation)
{
  g_free (confirmation->task);
  g_free (confirmation->milestone);
  g_free (confirmation->signer);
  g_free (confirmation->company);
  g_free (confirmation->recorded_by);
  g_free (confirmation);
}

static void
critical_task_free (IrReviewCriticalTask *task)
{
  g_free (task->task);
  g_free (task->name);
  g_free (task);
}

static void
escalation_free (IrReviewEscalation *escalation)
{
  g_free (escalation->subject);
  g_free (escalation->title);
  g_free (escalation->owner_name);
  g_free (escalation->state);
  g_free (escalation->chain);
  g_free (escalation);
}

void
ir_review_agenda_free (IrReviewAgenda *agenda)
{
  if (agenda == NULL)
    return;

  g_free (agenda->room_name);
  g_free (agenda->customer);
  g_free (agenda->since_review);
  g_free (agenda->since_title);
  g_ptr_array_unref (agenda->people);
  g_ptr_array_unref (agenda->revisions);
  g_ptr_array_unref (agenda->task_changes);
  g_ptr_array_unref (agenda->confirmations);
  g_ptr_array_unref (agenda->critical);
  g_ptr_array_unref (agenda->escalations);
  g_ptr_array_unref (agenda->previous_actions);
  g_free (agenda->review);
  g_ptr_array_unref (agenda->decisions);
  g_array_unref (agenda->steps);
  g_free (agenda);
}

static IrReviewAgenda *
agenda_new (void)
{
  IrReviewAgenda *agenda = g_new0 (IrReviewAgenda, 1);

  agenda->since_seq = -1;
  agenda->people = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_person_change_free);
  agenda->revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_revision_free);
  agenda->task_changes = g_ptr_array_new_with_free_func ((GDestroyNotify) task_change_free);
  agenda->confirmations = g_ptr_array_new_with_free_func ((GDestroyNotify) confirmation_free);
  agenda->critical = g_ptr_array_new_with_free_func ((GDestroyNotify) critical_task_free);
  agenda->escalations = g_ptr_array_new_with_free_func ((GDestroyNotify) escalation_free);
  agenda->previous_actions =
    g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_decision_free);
  agenda->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_decision_free);
  agenda->steps = g_array_new (FALSE, FALSE, sizeof (IrReviewStep));

  return agenda;
}

/* --- building ------------------------------------------------------------- */

/* Returns the review whose end is @point, when @point is a review's. */
static IrEntity *
find_review_at (IrStore             *store,
                const IrReviewPoint *point)
{
  g_autoptr(IrEntityList) reviews = NULL;
  guint n;

  if (point == NULL || point->client == NULL)
    return NULL;

  reviews = ir_store_list (store, "review");
  n = g_list_model_get_n_items (G_LIST_MODEL (reviews));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) review = g_list_model_get_item (G_LIST_MODEL (reviews), i);
      g_autoptr(IrReviewPoint) other = NULL;

      if (ir_entity_get_int (review, "seq") != point->seq)
        continue;

      other = ir_review_point_new_for_review (store, ir_entity_get_id (review));
      if (other != NULL && g_strcmp0 (other->client, point->client) == 0 &&
          other->counter == point->counter)
        return g_steal_pointer (&review);
    }

  return NULL;
}

static void
read_room (IrReviewAgenda *agenda,
           IrStore        *after)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (after, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);

  if (room == NULL)
    return;

  agenda->room_name = g_strdup (ir_entity_get_string (room, "name"));
  agenda->customer = g_strdup (ir_entity_get_string (room, "customer"));
}

static void
add_step (IrReviewAgenda   *agenda,
          IrReviewStepKind  kind,
          int               revision)
{
  IrReviewStep step = { .kind = kind, .revision = revision };

  g_array_append_val (agenda->steps, step);
}

static void
order_steps (IrReviewAgenda *agenda)
{
  add_step (agenda, IR_REVIEW_STEP_OVERVIEW, -1);
  add_step (agenda, IR_REVIEW_STEP_MAP, -1);

  if (agenda->revisions->len == 0)
    add_step (agenda, IR_REVIEW_STEP_DRAWING, -1);
  for (guint i = 0; i < agenda->revisions->len; i++)
    add_step (agenda, IR_REVIEW_STEP_DRAWING, (int) i);

  add_step (agenda, IR_REVIEW_STEP_PLAN, -1);
  add_step (agenda, IR_REVIEW_STEP_ESCALATIONS, -1);
  add_step (agenda, IR_REVIEW_STEP_DECISIONS, -1);
}

static guint
count_ops_in_range (IrReviewHistory     *history,
                    const IrReviewPoint *since,
                    const IrReviewPoint *until)
{
  guint n = 0;

  for (guint i = 0; i < history->ops->len; i++)
    {
      const IrOp *op = g_ptr_array_index (history->ops, i);
      gint64 position = g_array_index (history->positions, gint64, i);

      if (ir_review_point_covers (until, op, position) &&
          (since == NULL || !ir_review_point_covers (since, op, position)))
        n++;
    }

  return n;
}

/**
 * ir_review_agenda_new:
 * @store: the room
 * @since: (nullable): where the range starts, or %NULL for the beginning
 * @until: (nullable): where it ends, or %NULL for now
 * @now: (nullable): the current time, which dates the escalations; %NULL
 *   for the real time
 * @error: return location for an error
 *
 * Builds the agenda of what changed in the room between @since and
 * @until. When @since is a review's point, the agenda names that review
 * and lists its actions. Drawings are not compared yet; see
 * ir_review_agenda_compare_drawings().
 *
 * Returns: (transfer full): the agenda, or %NULL with @error set
 */
IrReviewAgenda *
ir_review_agenda_new (IrStore              *store,
                      const IrReviewPoint  *since,
                      const IrReviewPoint  *until,
                      GDateTime            *now,
                      GError              **error)
{
  g_autoptr(IrReviewAgenda) agenda = agenda_new ();
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(IrStore) before = NULL;
  g_autoptr(IrStore) after = NULL;
  g_autoptr(IrEntity) since_review = NULL;
  IrReviewHistory *history;
  gboolean ok;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();

  history = ir_review_history_load (store);
  before = ir_review_replay (store, history, since != NULL ? since : &(IrReviewPoint) { 0 },
                             error);
  after = until != NULL ? ir_review_replay (store, history, until, error)
                        : g_object_ref (store);
  if (before != NULL && after != NULL)
    agenda->n_ops = count_ops_in_range (history, since, until);
  ir_review_history_free (history);
  if (before == NULL || after == NULL)
    return NULL;

  read_room (agenda, after);
  agenda->head_seq = until != NULL ? until->seq : ir_review_get_head (store);
  if (since != NULL)
    {
      agenda->since_seq = since->seq;
      since_review = find_review_at (store, since);
    }
  if (since_review != NULL)
    {
      agenda->since_review = g_strdup (ir_entity_get_id (since_review));
      agenda->since_title = g_strdup (ir_entity_get_string (since_review, "title"));
      agenda->since_held = ir_entity_get_int (since_review, "held");
    }

  ir_review_collect_map (agenda, before, after);
  ir_review_collect_revisions (agenda, store, before, after);
  ok = ir_review_collect_plan (agenda, before, after, error) &&
       ir_review_collect_escalations (agenda, after, now, error);
  if (!ok)
    return NULL;
  ir_review_collect_previous_actions (agenda, after);

  order_steps (agenda);

  return g_steal_pointer (&agenda);
}

/**
 * ir_review_find_last:
 * @store: the room
 * @exclude: (nullable): a review to leave out, such as the one being held
 *
 * Returns: (transfer full) (nullable): the id of the review held last, by
 *   the time it was held, or %NULL when the room has none
 */
char *
ir_review_find_last (IrStore    *store,
                     const char *exclude)
{
  g_autoptr(IrEntityList) reviews = NULL;
  const char *last = NULL;
  gint64 last_seq = -1, last_held = 0;
  guint n;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  reviews = ir_store_list (store, "review");
  n = g_list_model_get_n_items (G_LIST_MODEL (reviews));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) review = g_list_model_get_item (G_LIST_MODEL (reviews), i);
      gint64 held = ir_entity_get_int (review, "held");
      gint64 seq = ir_entity_get_int (review, "seq");

      if (g_strcmp0 (ir_entity_get_id (review), exclude) == 0)
        continue;

      /* Two reviews held at once on two replicas: the later one wins, and
       * of two at the same time the one that saw more. */
      if (last == NULL || held > last_held || (held == last_held && seq > last_seq))
        {
          last = ir_entity_get_id (review);
          last_held = held;
          last_seq = seq;
        }
    }

  return g_strdup (last);
}

/**
 * ir_review_agenda_new_since_last:
 * @store: the room
 * @now: (nullable): the current time, or %NULL for the real time
 * @error: return location for an error
 *
 * Builds the agenda from the end of the room's last review to now, or
 * from the room's beginning when it has had no review.
 *
 * Returns: (transfer full): the agenda, or %NULL with @error set
 */
IrReviewAgenda *
ir_review_agenda_new_since_last (IrStore    *store,
                                 GDateTime  *now,
                                 GError    **error)
{
  g_autofree char *last = ir_review_find_last (store, NULL);
  g_autoptr(IrReviewPoint) since = NULL;

  if (last != NULL)
    since = ir_review_point_new_for_review (store, last);

  return ir_review_agenda_new (store, since, NULL, now, error);
}

/* --- steps ---------------------------------------------------------------- */

guint
ir_review_agenda_get_n_steps (IrReviewAgenda *agenda)
{
  return agenda->steps->len;
}

const IrReviewStep *
ir_review_agenda_get_step (IrReviewAgenda *agenda,
                           guint           index)
{
  g_return_val_if_fail (index < agenda->steps->len, NULL);

  return &g_array_index (agenda->steps, IrReviewStep, index);
}

/**
 * ir_review_step_dup_title:
 *
 * Returns: (transfer full): the heading of @step, as the app and the
 *   report show it
 */
char *
ir_review_step_dup_title (IrReviewAgenda     *agenda,
                          const IrReviewStep *step)
{
  const IrReviewRevision *revision;

  switch (step->kind)
    {
    case IR_REVIEW_STEP_OVERVIEW:
      return g_strdup (C_("review step", "Agenda"));
    case IR_REVIEW_STEP_MAP:
      return g_strdup (C_("review step", "Decision Map"));
    case IR_REVIEW_STEP_DRAWING:
      if (step->revision < 0)
        return g_strdup (C_("review step", "Drawings"));
      revision = g_ptr_array_index (agenda->revisions, step->revision);
      /* Translators: a drawing's title and its new revision, e.g.
       * "Valve body: revision B". */
      return g_strdup_printf (_("%s: revision %s"), revision->drawing_title, revision->label);
    case IR_REVIEW_STEP_PLAN:
      return g_strdup (C_("review step", "Plan"));
    case IR_REVIEW_STEP_ESCALATIONS:
      return g_strdup (C_("review step", "Escalations"));
    case IR_REVIEW_STEP_DECISIONS:
      return g_strdup (C_("review step", "Decisions and Actions"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ir_review_agenda_reload_decisions:
 *
 * Reads the decisions of the review being held again, after the app
 * recorded or changed one.
 *
 * Returns: whether the agenda has a review being held
 */
gboolean
ir_review_agenda_reload_decisions (IrReviewAgenda *agenda,
                                   IrStore        *store)
{
  g_autoptr(GPtrArray) decisions = NULL;

  g_ptr_array_set_size (agenda->decisions, 0);
  if (agenda->review == NULL)
    return FALSE;

  decisions = ir_review_list_decisions (store, agenda->review);
  g_ptr_array_extend_and_steal (agenda->decisions, g_steal_pointer (&decisions));
  return TRUE;
}
