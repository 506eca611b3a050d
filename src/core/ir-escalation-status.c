/* ir-escalation-status.c: an escalation's audit trail and what members do
 * with it: acknowledge, snooze, resolve, request an extension
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Events are append-only and any member may add one, but only the server
 * (or a local-only room acting as its own) writes the escalation's fields.
 * So the state that counts is the one folded from the events, and the
 * "state" field is the server's copy of it.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-escalation-private.h"

/* --- reading ------------------------------------------------------------- */

gint64
ir_escalation_to_us (GDateTime *time)
{
  return g_date_time_to_unix (time) * G_USEC_PER_SEC + g_date_time_get_microsecond (time);
}

/* Returns: (transfer full) (nullable): the room entity */
IrEntity *
ir_escalation_find_room (IrStore *store)
{
  g_autoptr(IrEntityList) rooms = ir_store_list (store, "room");

  if (g_list_model_get_n_items (G_LIST_MODEL (rooms)) == 0)
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (rooms), 0);
}

static void
event_free (IrEscalationEvent *event)
{
  g_free (event->id);
  g_free (event->kind);
  g_free (event->actor);
  g_free (event->note);
  g_free (event);
}

void
ir_escalation_record_free (IrEscalationRecord *record)
{
  if (record == NULL)
    return;

  g_free (record->id);
  g_free (record->subject);
  g_free (record->state_field);
  g_ptr_array_unref (record->events);
  g_free (record);
}

/* Events at one instant keep a fixed order, so that a resolve written in
 * the same transaction as a note still ends the trail. */
static int
kind_rank (const char *kind)
{
  static const char * const order[] = {
    "raised", "reraised", "notified", "acknowledged", "snoozed",
    "extension_requested", "note", "resolved",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (kind, order[i]) == 0)
      return (int) i;

  return (int) G_N_ELEMENTS (order);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const IrEscalationEvent *first = *(const IrEscalationEvent * const *) a;
  const IrEscalationEvent *second = *(const IrEscalationEvent * const *) b;

  if (first->at != second->at)
    return first->at < second->at ? -1 : 1;
  if (kind_rank (first->kind) != kind_rank (second->kind))
    return kind_rank (first->kind) - kind_rank (second->kind);

  return g_strcmp0 (first->id, second->id);
}

static IrEscalationEvent *
event_from_entity (IrEntity *entity)
{
  IrEscalationEvent *event = g_new0 (IrEscalationEvent, 1);
  const char *proposed = ir_entity_get_string (entity, "proposed_date");

  event->id = g_strdup (ir_entity_get_id (entity));
  event->kind = g_strdup (ir_entity_get_string (entity, "kind"));
  event->actor = g_strdup (ir_entity_get_string (entity, "actor"));
  event->at = ir_entity_get_int (entity, "at");
  event->note = g_strdup (ir_entity_get_string (entity, "note"));
  event->until = ir_entity_get_int (entity, "until");
  event->proposed_date = proposed != NULL ? ir_day_parse (proposed) : IR_DAY_NONE;

  return event;
}

static IrEscalationRecord *
record_from_entity (IrEntity *entity)
{
  IrEscalationRecord *record = g_new0 (IrEscalationRecord, 1);
  const char *commitment = ir_entity_get_string (entity, "commitment");

  record->id = g_strdup (ir_entity_get_id (entity));
  record->kind = g_strcmp0 (ir_entity_get_string (entity, "subject_kind"), "risk") == 0
                 ? IR_SUBJECT_RISK : IR_SUBJECT_TASK;
  record->subject = g_strdup (ir_entity_get_string (entity, "subject"));
  record->commitment = commitment != NULL ? ir_day_parse (commitment) : IR_DAY_NONE;
  record->tier = ir_tier_from_string (ir_entity_get_string (entity, "tier"));
  record->ordinal = ir_entity_get_int (entity, "ordinal");
  record->delay = ir_entity_get_int (entity, "delay");
  record->state_field = g_strdup (ir_entity_get_string (entity, "state"));
  record->events = g_ptr_array_new_with_free_func ((GDestroyNotify) event_free);

  return record;
}

static void
finish_record (IrEscalationRecord *record)
{
  g_ptr_array_sort (record->events, compare_events);
  ir_escalation_fold_events (record->events, &record->status);

  /* Without events, trust the server's copy of the state. */
  if (record->events->len == 0 && g_strcmp0 (record->state_field, "resolved") == 0)
    record->status.state = IR_ESCALATION_RESOLVED;
}

/**
 * ir_escalation_fold_events:
 * @events: (element-type IrEscalationEvent): events, oldest first
 * @status: (out caller-allocates): the state they add up to
 *
 * Replays an escalation's events. A resolve ends the trail: events after it
 * change nothing.
 */
void
ir_escalation_fold_events (GPtrArray          *events,
                           IrEscalationStatus *status)
{
  memset (status, 0, sizeof *status);
  status->state = IR_ESCALATION_RAISED;

  for (guint i = 0; i < events->len; i++)
    {
      const IrEscalationEvent *event = g_ptr_array_index (events, i);
      const char *kind = event->kind;

      if (g_strcmp0 (kind, "raised") == 0)
        {
          if (status->raised == 0)
            status->raised = event->at;
        }
      else if (g_strcmp0 (kind, "notified") == 0)
        {
          if (status->state == IR_ESCALATION_RAISED)
            status->state = IR_ESCALATION_NOTIFIED;
        }
      else if (g_strcmp0 (kind, "acknowledged") == 0)
        {
          status->state = IR_ESCALATION_ACKNOWLEDGED;
          status->acknowledged = event->at;
          status->snoozed_until = 0;
        }
      else if (g_strcmp0 (kind, "snoozed") == 0)
        {
          status->state = IR_ESCALATION_SNOOZED;
          status->snoozed_until = event->until;
        }
      else if (g_strcmp0 (kind, "reraised") == 0)
        {
          status->state = IR_ESCALATION_RAISED;
          status->n_reraised++;
          status->acknowledged = 0;
          status->snoozed_until = 0;
        }
      else if (g_strcmp0 (kind, "extension_requested") == 0)
        status->proposed_date = event->proposed_date;
      else if (g_strcmp0 (kind, "resolved") == 0)
        {
          status->state = IR_ESCALATION_RESOLVED;
          status->resolved = event->at;
          return;
        }
    }
}

/* Returns: (transfer full) (element-type IrEscalationRecord): every visible
 *   escalation of the room with its events */
GPtrArray *
ir_escalation_load_records (IrStore *store)
{
  g_autoptr(IrEntityList) escalations = ir_store_list (store, "escalation");
  g_autoptr(IrEntityList) events = ir_store_list (store, "escalation_event");
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *records = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_escalation_record_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (escalations)); i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (escalations), i);
      IrEscalationRecord *record = record_from_entity (entity);

      g_ptr_array_add (records, record);
      g_hash_table_insert (by_id, record->id, record);
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (events)); i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (events), i);
      IrEscalationRecord *record = g_hash_table_lookup (by_id,
                                                        ir_entity_get_string (entity, "escalation"));

      if (record != NULL)
        g_ptr_array_add (record->events, event_from_entity (entity));
    }

  for (guint i = 0; i < records->len; i++)
    finish_record (g_ptr_array_index (records, i));

  return records;
}

/* Returns: (transfer full) (nullable): one visible escalation with its events */
IrEscalationRecord *
ir_escalation_load_record (IrStore    *store,
                           const char *escalation_id)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, "escalation", escalation_id);
  g_autoptr(IrEntityList) events = NULL;
  IrEscalationRecord *record;

  if (entity == NULL || !ir_entity_is_visible (entity))
    return NULL;

  record = record_from_entity (entity);
  events = ir_store_list_children (store, "escalation_event", "escalation", escalation_id);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (events)); i++)
    {
      g_autoptr(IrEntity) event = g_list_model_get_item (G_LIST_MODEL (events), i);

      g_ptr_array_add (record->events, event_from_entity (event));
    }
  finish_record (record);

  return record;
}

/**
 * ir_escalation_get_status:
 * @store: a room's store
 * @escalation_id: an escalation's id
 * @status: (out caller-allocates): its state from its events
 *
 * Returns: %FALSE when no such escalation is visible in the room
 */
gboolean
ir_escalation_get_status (IrStore            *store,
                          const char         *escalation_id,
                          IrEscalationStatus *status)
{
  IrEscalationRecord *record;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (escalation_id != NULL, FALSE);
  g_return_val_if_fail (status != NULL, FALSE);

  record = ir_escalation_load_record (store, escalation_id);
  if (record == NULL)
    return FALSE;

  *status = record->status;
  ir_escalation_record_free (record);

  return TRUE;
}

/* --- members' steps ------------------------------------------------------ */

static IrEscalationRecord *
load_open_record (IrStore     *store,
                  const char  *escalation_id,
                  GError     **error)
{
  IrEscalationRecord *record = ir_escalation_load_record (store, escalation_id);

  if (record == NULL)
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_NOT_FOUND,
                   _("No alert with id %s exists in this room; it may have been deleted."),
                   escalation_id);
      return NULL;
    }

  if (record->status.state == IR_ESCALATION_RESOLVED)
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_RESOLVED,
                   _("The alert %s is already resolved; a new slip raises a new alert."),
                   escalation_id);
      ir_escalation_record_free (record);
      return NULL;
    }

  return record;
}

/* Starts a transaction with a member's event, and with the escalation's
 * fields where this replica may write them. */
static IrTx *
begin_step (IrStore    *store,
            const char *escalation_id,
            const char *kind,
            const char *note,
            GDateTime  *now,
            char      **event_id)
{
  IrTx *tx = ir_store_begin (store);
  gint64 at = ir_escalation_to_us (now);

  *event_id = ir_tx_create (tx, "escalation_event");
  ir_tx_set_string (tx, "escalation_event", *event_id, "escalation", escalation_id);
  ir_tx_set_string (tx, "escalation_event", *event_id, "kind", kind);
  ir_tx_set_string (tx, "escalation_event", *event_id, "actor", ir_store_get_actor (store));
  ir_tx_set_int (tx, "escalation_event", *event_id, "at", at);
  if (note != NULL && note[0] != '\0')
    ir_tx_set_string (tx, "escalation_event", *event_id, "note", note);

  if (ir_store_get_roles (store) & IR_ROLE_SERVER)
    {
      const char *state = g_str_equal (kind, "extension_requested") ? NULL : kind;

      if (state != NULL)
        ir_tx_set_string (tx, "escalation", escalation_id, "state", state);
      if (g_str_equal (kind, "acknowledged") || g_str_equal (kind, "resolved"))
        ir_tx_set_int (tx, "escalation", escalation_id, kind, at);
    }

  return tx;
}

/**
 * ir_escalation_acknowledge:
 * @store: a room's store, acting as the member who acknowledges
 * @escalation_id: an open escalation
 * @note: (nullable): what the member will do
 * @now: the current time
 * @error: return location for an error
 *
 * Records that a member has seen the escalation. Unless it is resolved in
 * the room's re-raise time, the next evaluation raises it again.
 *
 * Returns: %TRUE on success
 */
gboolean
ir_escalation_acknowledge (IrStore     *store,
                           const char  *escalation_id,
                           const char  *note,
                           GDateTime   *now,
                           GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *event_id = NULL;
  IrEscalationRecord *record;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (escalation_id != NULL && now != NULL, FALSE);

  record = load_open_record (store, escalation_id, error);
  if (record == NULL)
    return FALSE;
  ir_escalation_record_free (record);

  tx = begin_step (store, escalation_id, "acknowledged", note, now, &event_id);
  if (ir_store_get_roles (store) & IR_ROLE_SERVER)
    ir_tx_set_null (tx, "escalation", escalation_id, "snoozed_until");

  return ir_store_commit (store, tx, error);
}

/**
 * ir_escalation_snooze:
 * @store: a room's store, acting as the member who snoozes
 * @escalation_id: an open escalation
 * @until: when the escalation comes back, after @now
 * @note: (nullable): why
 * @now: the current time
 * @error: return location for an error
 *
 * Puts the escalation aside until @until; the first evaluation after that
 * raises it again.
 *
 * Returns: %TRUE on success
 */
gboolean
ir_escalation_snooze (IrStore     *store,
                      const char  *escalation_id,
                      GDateTime   *until,
                      const char  *note,
                      GDateTime   *now,
                      GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *event_id = NULL;
  IrEscalationRecord *record;
  gint64 until_us;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (escalation_id != NULL && until != NULL && now != NULL, FALSE);

  until_us = ir_escalation_to_us (until);
  if (until_us <= ir_escalation_to_us (now))
    {
      g_autofree char *text = g_date_time_format_iso8601 (until);

      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID,
                   _("Cannot snooze the alert until %s: that time has passed; choose a later one."),
                   text);
      return FALSE;
    }

  record = load_open_record (store, escalation_id, error);
  if (record == NULL)
    return FALSE;
  ir_escalation_record_free (record);

  tx = begin_step (store, escalation_id, "snoozed", note, now, &event_id);
  ir_tx_set_int (tx, "escalation_event", event_id, "until", until_us);
  if (ir_store_get_roles (store) & IR_ROLE_SERVER)
    ir_tx_set_int (tx, "escalation", escalation_id, "snoozed_until", until_us);

  return ir_store_commit (store, tx, error);
}

/**
 * ir_escalation_resolve:
 * @store: a room's store, acting as the member who resolves
 * @escalation_id: an open escalation
 * @note: (nullable): how it was resolved
 * @now: the current time
 * @error: return location for an error
 *
 * Ends the escalation. If the slip is still there at the next evaluation,
 * a new escalation is raised for it.
 *
 * Returns: %TRUE on success
 */
gboolean
ir_escalation_resolve (IrStore     *store,
                       const char  *escalation_id,
                       const char  *note,
                       GDateTime   *now,
                       GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *event_id = NULL;
  IrEscalationRecord *record;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (escalation_id != NULL && now != NULL, FALSE);

  record = load_open_record (store, escalation_id, error);
  if (record == NULL)
    return FALSE;
  ir_escalation_record_free (record);

  tx = begin_step (store, escalation_id, "resolved", note, now, &event_id);
  if ((ir_store_get_roles (store) & IR_ROLE_SERVER) && note != NULL && note[0] != '\0')
    ir_tx_set_string (tx, "escalation", escalation_id, "note", note);

  return ir_store_commit (store, tx, error);
}

/**
 * ir_escalation_request_extension:
 * @store: a room's store, acting as the task's owner
 * @escalation_id: an open escalation of a task
 * @proposed: the new date the owner proposes, after the commitment
 * @note: (nullable): the reason
 * @now: the current time
 * @error: return location for an error
 *
 * Records the owner's request to move the commitment. Once the customer
 * confirms the proposed date (a confirmation of the task with that date),
 * the next evaluation resolves the escalation.
 *
 * Returns: %TRUE on success
 */
gboolean
ir_escalation_request_extension (IrStore     *store,
                                 const char  *escalation_id,
                                 IrDay        proposed,
                                 const char  *note,
                                 GDateTime   *now,
                                 GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *event_id = NULL;
  char date[IR_DAY_STRING_SIZE], committed[IR_DAY_STRING_SIZE];
  IrEscalationRecord *record;
  gboolean is_task, is_later;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (escalation_id != NULL && now != NULL, FALSE);

  record = load_open_record (store, escalation_id, error);
  if (record == NULL)
    return FALSE;

  is_task = record->kind == IR_SUBJECT_TASK;
  is_later = proposed != IR_DAY_NONE &&
             (record->commitment == IR_DAY_NONE || proposed > record->commitment);
  if (record->commitment != IR_DAY_NONE)
    ir_day_format (record->commitment, committed);
  else
    committed[0] = '\0';
  ir_escalation_record_free (record);

  if (!is_task)
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID,
                   _("Only a task's alert takes an extension request; change the risk's due "
                     "date instead."));
      return FALSE;
    }
  if (!is_later)
    {
      g_set_error (error, IR_ESCALATION_ERROR, IR_ESCALATION_ERROR_INVALID,
                   _("Invalid proposed date: it must be after the committed date %s."),
                   committed);
      return FALSE;
    }

  tx = begin_step (store, escalation_id, "extension_requested", note, now, &event_id);
  ir_tx_set_string (tx, "escalation_event", event_id, "proposed_date",
                    ir_day_format (proposed, date));

  return ir_store_commit (store, tx, error);
}
