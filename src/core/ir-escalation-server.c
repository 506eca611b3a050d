/* ir-escalation-server.c: what the sync server calls to escalate a room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With a server, the server alone evaluates escalations, so that they
 * happen with every desktop closed: on a timer, and after each pushed
 * batch that touches what escalation depends on.
 */
#include "config.h"

#include "ir-escalation-private.h"

/* Entities whose change can change a delay, a tier, an escalation's state
 * or who is notified. */
static const char * const escalation_inputs[] = {
  "task", "dependency", "calendar", "calendar_day", "baseline", "baseline_task",
  "confirmation", "risk", "escalation_event", "room_setting", "room", "member",
};

/* Returns whether a change to an entity of @kind can change an evaluation. */
gboolean
ir_escalation_is_input_kind (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (escalation_inputs); i++)
    if (g_strcmp0 (kind, escalation_inputs[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * ir_escalation_ops_touch_plan:
 * @ops: (element-type IrOp): operations of a batch
 *
 * Returns: %TRUE when an evaluation after @ops may find something new
 */
gboolean
ir_escalation_ops_touch_plan (GPtrArray *ops)
{
  g_return_val_if_fail (ops != NULL, FALSE);

  for (guint i = 0; i < ops->len; i++)
    if (ir_escalation_is_input_kind (((const IrOp *) g_ptr_array_index (ops, i))->entity))
      return TRUE;

  return FALSE;
}

/**
 * ir_escalation_evaluate_for_server:
 * @store: a room's store on the server, acting as "server"
 * @sender: (nullable): the server's webhook sender
 * @now: the current time
 * @error: return location for an error
 *
 * Evaluates the room and writes its escalations and actions as the
 * server, then hands the red tier's webhook messages to @sender. The
 * caller sequences and sends out the ops this commits, as for any op the
 * server writes.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
IrEscalationReport *
ir_escalation_evaluate_for_server (IrStore          *store,
                                   IrWebhookSender  *sender,
                                   GDateTime        *now,
                                   GError          **error)
{
  IrEscalationReport *report;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (sender == NULL || IR_IS_WEBHOOK_SENDER (sender), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  report = ir_escalation_evaluate (store, now, FALSE, error);
  if (report == NULL)
    return NULL;

  if (report->n_raised + report->n_resolved + report->n_reraised > 0)
    g_info ("Escalations of room %s: %u raised, %u resolved, %u raised again",
            ir_store_get_room_id (store), report->n_raised, report->n_resolved,
            report->n_reraised);

  for (guint i = 0; sender != NULL && i < report->webhooks->len; i++)
    {
      const IrWebhookMessage *message = g_ptr_array_index (report->webhooks, i);
      g_autoptr(GError) local_error = NULL;

      if (!ir_webhook_sender_enqueue (sender, message, NULL, &local_error))
        g_warning ("Failed to queue webhook job %s of room %s: %s",
                   message->job_id, ir_store_get_room_id (store), local_error->message);
    }

  return report;
}
