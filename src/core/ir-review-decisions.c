/* ir-review-decisions.c: reviews held, their decisions and actions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A review is recorded once something is decided in it or it ends. Its
 * decisions and actions are "decision" entities that point at it. An
 * action becomes a task of the plan or a risk in one transaction that
 * also links the two, so that undo reverts both.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-plan-model.h"
#include "ir-position.h"
#include "ir-review-private.h"

/* Limits of the schema's text fields that a decision's text fills. */
#define TASK_NAME_MAX  200
#define RISK_TITLE_MAX 200

/* Duration of a task made from an action without a due date, in working
 * days; the Plan page gives a new task the same. */
#define DEFAULT_TASK_DURATION 5

/* A new risk's probability and impact, 1–5, until someone rates it. */
#define DEFAULT_RISK_RATING 3

static const char * const decision_kinds[] = { "decision", "action", NULL };

/* --- reading -------------------------------------------------------------- */

void
ir_review_decision_free (IrReviewDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->decision);
  g_free (decision->review);
  g_free (decision->kind);
  g_free (decision->text);
  g_free (decision->owner);
  g_free (decision->owner_name);
  g_free (decision->task);
  g_free (decision->risk);
  g_free (decision);
}

static gboolean
is_done (IrStore          *store,
         IrReviewDecision *decision)
{
  g_autoptr(IrEntity) task = NULL;
  g_autoptr(IrEntity) risk = NULL;

  if (decision->task != NULL)
    task = ir_store_get_entity (store, "task", decision->task);
  if (task != NULL && (ir_entity_get_int (task, "progress") >= 100 ||
                       ir_entity_get_string (task, "actual_finish") != NULL))
    return TRUE;

  if (decision->risk != NULL)
    risk = ir_store_get_entity (store, "risk", decision->risk);

  return risk != NULL && g_strcmp0 (ir_entity_get_string (risk, "status"), "closed") == 0;
}

/* Reads a decision entity, with whether its task or risk is done. */
IrReviewDecision *
ir_review_decision_load (IrStore  *store,
                         IrEntity *entity)
{
  IrReviewDecision *decision = g_new0 (IrReviewDecision, 1);
  const char *kind = ir_entity_get_string (entity, "kind");

  decision->decision = g_strdup (ir_entity_get_id (entity));
  decision->review = g_strdup (ir_entity_get_string (entity, "review"));
  decision->kind = g_strdup (kind != NULL ? kind : "decision");
  decision->text = g_strdup (ir_entity_get_string (entity, "text"));
  decision->owner = g_strdup (ir_entity_get_string (entity, "owner"));
  decision->owner_name = ir_review_dup_member_name (store, decision->owner);
  decision->due = ir_day_parse (ir_entity_get_string (entity, "due"));
  decision->task = g_strdup (ir_entity_get_string (entity, "task"));
  decision->risk = g_strdup (ir_entity_get_string (entity, "risk"));
  decision->done = is_done (store, decision);

  return decision;
}

/**
 * ir_review_list_decisions:
 * @store: the room
 * @review: a review's id
 *
 * Returns: (transfer full) (element-type IrReviewDecision): the visible
 *   decisions and actions of @review, in their order
 */
GPtrArray *
ir_review_list_decisions (IrStore    *store,
                          const char *review)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (store, "decision", "review", review);
  GPtrArray *decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_decision_free);
  guint n;

  ir_entity_list_set_sort (list, "position");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (decisions, ir_review_decision_load (store, entity));
    }

  return decisions;
}

static IrEntity *
get_decision (IrStore     *store,
              const char  *decision,
              GError     **error)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, "decision", decision);

  if (entity == NULL || !ir_entity_is_visible (entity))
    {
      g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_NOT_FOUND,
                   _("Decision %s is not in the room any more; someone may have deleted "
                     "it. Record it again."), decision);
      return NULL;
    }

  return g_steal_pointer (&entity);
}

/* --- holding a review ----------------------------------------------------- */

/**
 * ir_review_hold:
 * @store: the room
 * @agenda: the agenda being presented; its review is set
 * @title: (nullable): the review's title, or %NULL for one with the date
 * @now: (nullable): the time it is held, or %NULL for the real time
 * @error: return location for an error
 *
 * Records that a review was held on @agenda. The review stores the end
 * of the agenda's range, where the next review starts. Holding a review
 * twice on one agenda records it once.
 *
 * Returns: (transfer full): the review's id, or %NULL with @error set
 */
char *
ir_review_hold (IrStore         *store,
                IrReviewAgenda  *agenda,
                const char      *title,
                GDateTime       *now,
                GError         **error)
{
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *default_title = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (agenda != NULL, NULL);

  if (agenda->review != NULL)
    return g_strdup (agenda->review);

  if (now == NULL)
    now = local_now = g_date_time_new_now_utc ();

  if (title == NULL)
    {
      day = ir_review_format_day (agenda->today);
      /* Translators: the default title of a review; %s is its date. */
      title = default_title = g_strdup_printf (_("Project review, %s"), day);
    }

  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "review");
  ir_tx_set_string (tx, "review", eid, "title", title);
  ir_tx_set_int (tx, "review", eid, "held",
                 g_date_time_to_unix (now) * G_USEC_PER_SEC + g_date_time_get_microsecond (now));
  ir_tx_set_int (tx, "review", eid, "seq", agenda->head_seq);
  ir_tx_set_int (tx, "review", eid, "since_seq", MAX (agenda->since_seq, 0));
  if (!ir_store_commit (store, tx, error))
    {
      g_prefix_error (error, _("Failed to record the review: "));
      return NULL;
    }

  agenda->review = g_strdup (eid);
  return g_steal_pointer (&eid);
}

/* --- decisions ------------------------------------------------------------ */

static char *
last_position (IrStore    *store,
               const char *review)
{
  g_autoptr(IrEntityList) list = ir_store_list_children (store, "decision", "review", review);
  g_autofree char *last = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *position = ir_entity_get_string (entity, "position");

      if (position != NULL && g_strcmp0 (position, last) > 0)
        {
          g_free (last);
          last = g_strdup (position);
        }
    }

  return g_steal_pointer (&last);
}

static gboolean
check_kind (const char  *kind,
            GError     **error)
{
  if (kind != NULL && g_strv_contains (decision_kinds, kind))
    return TRUE;

  g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_INVALID,
               _("“%s” is not a kind of review item; use “decision” or “action”."),
               kind ? kind : "");
  return FALSE;
}

static void
set_day (IrTx       *tx,
         const char *entity,
         const char *eid,
         const char *field,
         IrDay       day)
{
  char text[IR_DAY_STRING_SIZE];

  if (day == IR_DAY_NONE)
    ir_tx_set_null (tx, entity, eid, field);
  else
    ir_tx_set_string (tx, entity, eid, field, ir_day_format (day, text));
}

/**
 * ir_review_add_decision:
 * @store: the room
 * @review: the review being held
 * @kind: "decision" or "action"
 * @text: (nullable): what was decided, or %NULL to fill in later
 * @owner: (nullable): the member who carries it out
 * @due: the day it is due, or %IR_DAY_NONE
 * @error: return location for an error
 *
 * Records a decision or action of @review, after its others.
 *
 * Returns: (transfer full): the decision's id, or %NULL with @error set
 */
char *
ir_review_add_decision (IrStore     *store,
                        const char  *review,
                        const char  *kind,
                        const char  *text,
                        const char  *owner,
                        IrDay        due,
                        GError     **error)
{
  g_autoptr(IrEntity) review_entity = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;
  g_autofree char *after = NULL;
  g_autofree char *position = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (review != NULL, NULL);

  if (!check_kind (kind, error))
    return NULL;

  review_entity = ir_store_get_entity (store, "review", review);
  if (review_entity == NULL)
    {
      g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_NOT_FOUND,
                   _("Review %s is not in the room; start the review again."), review);
      return NULL;
    }

  after = last_position (store, review);
  position = ir_position_between (after, NULL, ir_store_get_client_id (store));

  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "decision");
  ir_tx_set_string (tx, "decision", eid, "review", review);
  ir_tx_set_string (tx, "decision", eid, "kind", kind);
  ir_tx_set_string (tx, "decision", eid, "position", position);
  if (text != NULL)
    ir_tx_set_string (tx, "decision", eid, "text", text);
  if (owner != NULL)
    ir_tx_set_string (tx, "decision", eid, "owner", owner);
  if (due != IR_DAY_NONE)
    set_day (tx, "decision", eid, "due", due);

  if (!ir_store_commit (store, tx, error))
    {
      g_prefix_error (error, _("Failed to record the decision: "));
      return NULL;
    }

  return g_steal_pointer (&eid);
}

/* Writes one field of a decision unless it contains that value already,
 * so that saving a field that did not change adds nothing to the log. */
static gboolean
set_field (IrStore     *store,
           const char  *decision,
           const char  *field,
           const char  *value,
           GError     **error)
{
  g_autoptr(IrEntity) entity = get_decision (store, decision, error);
  g_autoptr(IrTx) tx = NULL;

  if (entity == NULL)
    return FALSE;

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (g_strcmp0 (ir_entity_get_string (entity, field), value) == 0)
    return TRUE;

  tx = ir_store_begin (store);
  if (value != NULL)
    ir_tx_set_string (tx, "decision", decision, field, value);
  else
    ir_tx_set_null (tx, "decision", decision, field);

  if (!ir_store_commit (store, tx, error))
    {
      g_prefix_error (error, _("Failed to save the decision: "));
      return FALSE;
    }

  return TRUE;
}

gboolean
ir_review_set_decision_text (IrStore     *store,
                             const char  *decision,
                             const char  *text,
                             GError     **error)
{
  return set_field (store, decision, "text", text, error);
}

gboolean
ir_review_set_decision_kind (IrStore     *store,
                             const char  *decision,
                             const char  *kind,
                             GError     **error)
{
  return check_kind (kind, error) && set_field (store, decision, "kind", kind, error);
}

gboolean
ir_review_set_decision_owner (IrStore     *store,
                              const char  *decision,
                              const char  *owner,
                              GError     **error)
{
  return set_field (store, decision, "owner", owner, error);
}

gboolean
ir_review_set_decision_due (IrStore     *store,
                            const char  *decision,
                            IrDay        due,
                            GError     **error)
{
  char text[IR_DAY_STRING_SIZE];

  return set_field (store, decision, "due",
                    due != IR_DAY_NONE ? ir_day_format (due, text) : NULL, error);
}

gboolean
ir_review_delete_decision (IrStore     *store,
                           const char  *decision,
                           GError     **error)
{
  g_autoptr(IrEntity) entity = get_decision (store, decision, error);
  g_autoptr(IrTx) tx = NULL;

  if (entity == NULL)
    return FALSE;

  tx = ir_store_begin (store);
  ir_tx_delete (tx, "decision", decision);
  if (!ir_store_commit (store, tx, error))
    {
      g_prefix_error (error, _("Failed to delete the decision: "));
      return FALSE;
    }

  return TRUE;
}

/* --- tasks and risks ------------------------------------------------------ */

static gboolean
check_unlinked (IrStore      *store,
                IrEntity     *decision,
                GError      **error)
{
  const char *links[][2] = { { "task", "task" }, { "risk", "risk" } };

  for (gsize i = 0; i < G_N_ELEMENTS (links); i++)
    {
      const char *target = ir_entity_get_string (decision, links[i][0]);
      g_autoptr(IrEntity) entity = NULL;

      if (target == NULL)
        continue;

      entity = ir_store_get_entity (store, links[i][1], target);
      if (entity != NULL && ir_entity_is_visible (entity))
        {
          g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_LINKED,
                       g_str_equal (links[i][0], "task")
                       ? _("This item is a task of the plan already; edit it on the Plan page.")
                       : _("This item is a risk already; edit it on the Risks page."));
          return FALSE;
        }
    }

  return TRUE;
}

static char *
dup_title (IrEntity *decision,
           glong     max_chars)
{
  const char *text = ir_entity_get_string (decision, "text");
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (stripped[0] == '\0')
    return NULL;

  return g_utf8_substring (stripped, 0, MIN (g_utf8_strlen (stripped, -1), max_chars));
}

static gboolean
check_title (const char  *title,
             GError     **error)
{
  if (title != NULL)
    return TRUE;

  g_set_error (error, IR_REVIEW_ERROR, IR_REVIEW_ERROR_INVALID,
               _("The item has no text yet; type what was decided first."));
  return FALSE;
}

/* Returns the position after the plan's last top-level task. */
static char *
position_after_plan (IrStore *store)
{
  g_autoptr(IrEntityList) tasks = ir_store_list (store, "task");
  g_autofree char *last = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (tasks));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) task = g_list_model_get_item (G_LIST_MODEL (tasks), i);
      const char *position = ir_entity_get_string (task, "position");

      if (ir_entity_get_string (task, "parent") == NULL && position != NULL &&
          g_strcmp0 (position, last) > 0)
        {
          g_free (last);
          last = g_strdup (position);
        }
    }

  return ir_position_between (last, NULL, ir_store_get_client_id (store));
}

/**
 * ir_review_decision_make_task:
 * @store: the room
 * @decision: a decision or action
 * @today: the day the task may start
 * @error: return location for an error
 *
 * Adds a task to the end of the plan with the item's text, owner and due
 * date, starting no earlier than @today, and links the item to it.
 *
 * Returns: (transfer full): the task's id, or %NULL with @error set
 */
char *
ir_review_decision_make_task (IrStore     *store,
                              const char  *decision,
                              IrDay        today,
                              GError     **error)
{
  g_autoptr(IrEntity) entity = get_decision (store, decision, error);
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(IrCalendar) calendar = NULL;
  g_autofree char *name = NULL;
  g_autofree char *position = NULL;
  g_autofree char *eid = NULL;
  IrDay due;
  int duration = DEFAULT_TASK_DURATION;
  const char *owner;

  if (entity == NULL || !check_unlinked (store, entity, error))
    return NULL;

  name = dup_title (entity, TASK_NAME_MAX);
  if (!check_title (name, error))
    return NULL;

  /* The task runs from today to the due date, so that the Gantt shows
   * when the action has to be done by. */
  due = ir_day_parse (ir_entity_get_string (entity, "due"));
  if (due != IR_DAY_NONE && due >= today)
    {
      calendar = ir_plan_model_load_calendar (store);
      duration = MAX (1, ir_calendar_count_working_days (calendar, today - 1, due));
    }
  position = position_after_plan (store);
  owner = ir_entity_get_string (entity, "owner");

  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "task");
  ir_tx_set_string (tx, "task", eid, "name", name);
  ir_tx_set_string (tx, "task", eid, "position", position);
  ir_tx_set_int (tx, "task", eid, "duration", duration);
  ir_tx_set_string (tx, "task", eid, "constraint", "snet");
  set_day (tx, "task", eid, "constraint_date", today);
  if (owner != NULL)
    ir_tx_set_string (tx, "task", eid, "owner", owner);
  ir_tx_set_string (tx, "decision", decision, "task", eid);

  if (!ir_store_commit (store, tx, error))
    {
      g_prefix_error (error, _("Failed to add the item to the plan: "));
      return NULL;
    }

  return g_steal_pointer (&eid);
}

/**
 * ir_review_decision_make_risk:
 * @store: the room
 * @decision: a decision or action
 * @error: return location for an error
 *
 * Adds an open risk with the item's text, owner and due date, of medium
 * probability and impact until someone rates it, and links the item to it.
 *
 * Returns: (transfer full): the risk's id, or %NULL with @error set
 */
char *
ir_review_decision_make_risk (IrStore     *store,
                              const char  *decision,
                              GError     **error)
{
  g_autoptr(IrEntity) entity = get_decision (store, decision, error);
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *title = NULL;
  g_autofree char *eid = NULL;
  const char *owner, *due;

  if (entity == NULL || !check_unlinked (store, entity, error))
    return NULL;

  title = dup_title (entity, RISK_TITLE_MAX);
  if (!check_title (title, error))
    return NULL;

  owner = ir_entity_get_string (entity, "owner");
  due = ir_entity_get_string (entity, "due");

  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "risk");
  ir_tx_set_string (tx, "risk", eid, "title", title);
  ir_tx_set_string (tx, "risk", eid, "status", "open");
  ir_tx_set_int (tx, "risk", eid, "probability", DEFAULT_RISK_RATING);
  ir_tx_set_int (tx, "risk", eid, "impact", DEFAULT_RISK_RATING);
  if (owner != NULL)
    ir_tx_set_string (tx, "risk", eid, "owner", owner);
  if (due != NULL)
    ir_tx_set_string (tx, "risk", eid, "due", due);
  ir_tx_set_string (tx, "decision", decision, "risk", eid);

  if (!ir_store_commit (store, tx, error))
    {
      g_prefix_error (error, _("Failed to add the item as a risk: "));
      return NULL;
    }

  return g_steal_pointer (&eid);
}
