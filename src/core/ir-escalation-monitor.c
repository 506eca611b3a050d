/* ir-escalation-monitor.c: evaluates a room's escalations while it is open
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A desktop evaluates once the room opens and shortly after each change
 * that can move a delay (a task, a link, a confirmation, a setting…). It
 * also evaluates every few minutes, so that a new day, the end of a snooze
 * or an ack timeout is noticed without any edit. A replica that acts as the room's server (a
 * local-only room) writes what it finds; any other replica only computes
 * the provisional "would escalate" report.
 */
#include "config.h"

#include "ir-escalation-monitor.h"
#include "ir-escalation-private.h"

struct _IrEscalationMonitor
{
  GObject             parent_instance;

  IrStore            *store;
  IrEscalationReport *report;
  gboolean            provisional;

  gboolean            dirty;        /* an input changed since the last run */
  gboolean            evaluating;   /* the changes are the monitor's own */
  guint               debounce_ms;
  guint               interval_s;
  guint               debounce_id;
  guint               interval_id;
  gulong              changed_id;
  gulong              applied_id;
};

G_DEFINE_FINAL_TYPE (IrEscalationMonitor, ir_escalation_monitor, G_TYPE_OBJECT)

enum {
  SIGNAL_EVALUATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- scheduling ---------------------------------------------------------- */

static gboolean
debounce_cb (gpointer user_data)
{
  IrEscalationMonitor *self = user_data;

  self->debounce_id = 0;
  ir_escalation_monitor_evaluate_now (self);

  return G_SOURCE_REMOVE;
}

static gboolean
interval_cb (gpointer user_data)
{
  ir_escalation_monitor_evaluate_now (user_data);

  return G_SOURCE_CONTINUE;
}

static void
schedule (IrEscalationMonitor *self,
          guint                delay_ms)
{
  g_clear_handle_id (&self->debounce_id, g_source_remove);
  self->debounce_id = g_timeout_add (delay_ms, debounce_cb, self);
}

static void
entity_changed_cb (IrStore             *store,
                   const char          *kind,
                   const char          *eid,
                   const char * const  *fields,
                   gboolean             visibility,
                   IrEscalationMonitor *self)
{
  if (!self->evaluating && ir_escalation_is_input_kind (kind))
    self->dirty = TRUE;
}

static void
tx_applied_cb (IrStore             *store,
               guint                flags,
               IrEscalationMonitor *self)
{
  if (self->dirty && !self->evaluating)
    schedule (self, self->debounce_ms);
}

/* --- GObject ------------------------------------------------------------- */

static void
ir_escalation_monitor_dispose (GObject *object)
{
  IrEscalationMonitor *self = IR_ESCALATION_MONITOR (object);

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  g_clear_handle_id (&self->interval_id, g_source_remove);
  if (self->store != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->store);
      g_clear_signal_handler (&self->applied_id, self->store);
    }
  g_clear_object (&self->store);
  g_clear_pointer (&self->report, ir_escalation_report_free);

  G_OBJECT_CLASS (ir_escalation_monitor_parent_class)->dispose (object);
}

static void
ir_escalation_monitor_class_init (IrEscalationMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_escalation_monitor_dispose;

  /**
   * IrEscalationMonitor::evaluated:
   * @report: (type gpointer): the new report, owned by the monitor
   *
   * Emitted after each evaluation, with what it raised, resolved or would.
   */
  signals[SIGNAL_EVALUATED] =
    g_signal_new ("evaluated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
ir_escalation_monitor_init (IrEscalationMonitor *self)
{
  self->debounce_ms = 500;
  self->interval_s = 300;
}

/* --- public API ---------------------------------------------------------- */

/**
 * ir_escalation_monitor_new:
 * @store: an open room
 *
 * Starts watching @store. The first evaluation runs from the main loop
 * right away.
 *
 * Returns: (transfer full): a new monitor
 */
IrEscalationMonitor *
ir_escalation_monitor_new (IrStore *store)
{
  IrEscalationMonitor *self;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  self = g_object_new (IR_TYPE_ESCALATION_MONITOR, NULL);
  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "entity-changed",
                                       G_CALLBACK (entity_changed_cb), self);
  self->applied_id = g_signal_connect (store, "tx-applied", G_CALLBACK (tx_applied_cb), self);
  self->interval_id = g_timeout_add_seconds (self->interval_s, interval_cb, self);
  schedule (self, 0);

  return self;
}

IrStore *
ir_escalation_monitor_get_store (IrEscalationMonitor *self)
{
  g_return_val_if_fail (IR_IS_ESCALATION_MONITOR (self), NULL);

  return self->store;
}

/* Returns whether the last evaluation only computed, without writing. */
gboolean
ir_escalation_monitor_get_provisional (IrEscalationMonitor *self)
{
  g_return_val_if_fail (IR_IS_ESCALATION_MONITOR (self), TRUE);

  return self->provisional;
}

/* Returns: (transfer none) (nullable): the last report, or %NULL before the
 *   first evaluation */
IrEscalationReport *
ir_escalation_monitor_get_report (IrEscalationMonitor *self)
{
  g_return_val_if_fail (IR_IS_ESCALATION_MONITOR (self), NULL);

  return self->report;
}

/**
 * ir_escalation_monitor_evaluate_now:
 * @self: a monitor
 *
 * Evaluates the room at once: for writing when the store acts as the
 * room's server, provisionally otherwise. A failure is logged and keeps
 * the previous report.
 */
void
ir_escalation_monitor_evaluate_now (IrEscalationMonitor *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  IrEscalationReport *report;
  gboolean provisional;

  g_return_if_fail (IR_IS_ESCALATION_MONITOR (self));

  if (self->store == NULL || self->evaluating)
    return;

  g_clear_handle_id (&self->debounce_id, g_source_remove);
  now = g_date_time_new_now_utc ();
  provisional = !(ir_store_get_roles (self->store) & IR_ROLE_SERVER);

  self->dirty = FALSE;
  self->evaluating = TRUE;
  report = ir_escalation_evaluate (self->store, now, provisional, &error);
  self->evaluating = FALSE;

  if (report == NULL)
    {
      g_warning ("Failed to evaluate the escalations of room %s: %s",
                 ir_store_get_room_id (self->store), error->message);
      return;
    }

  g_clear_pointer (&self->report, ir_escalation_report_free);
  self->report = report;
  self->provisional = provisional;
  g_signal_emit (self, signals[SIGNAL_EVALUATED], 0, report);
}

/* Sets how long after a change the monitor evaluates, and how often it
 * evaluates without one. */
void
ir_escalation_monitor_set_delays (IrEscalationMonitor *self,
                                  guint                debounce_ms,
                                  guint                interval_s)
{
  g_return_if_fail (IR_IS_ESCALATION_MONITOR (self));
  g_return_if_fail (interval_s > 0);

  self->debounce_ms = debounce_ms;
  self->interval_s = interval_s;
  g_clear_handle_id (&self->interval_id, g_source_remove);
  self->interval_id = g_timeout_add_seconds (interval_s, interval_cb, self);
}
