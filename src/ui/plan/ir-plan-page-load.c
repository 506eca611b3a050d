/* ir-plan-page-load.c: loading the plan and following the store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page loads the room's plan with ir_plan_model_load(). After that,
 * an edit of a task's values is copied into the schedule and the plan is
 * computed again, which keeps a reschedule of 10,000 tasks to a few
 * milliseconds. Any change of the outline loads the plan again.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-plan-model.h"
#include "ir-plan-page-private.h"
#include "ir-ui-util.h"
/* The task fields that an edit can copy into the schedule. A change of
 * any other field loads the plan again. */
static const char * const copied_fields[] = {
  "name", "duration", "start", "constraint", "constraint_date", "progress",
  "actual_start", "actual_finish", "milestone", "key_milestone", "wbs", "notes",
  "external_id", "owner", "deliverable", NULL
};

/* --- members -------------------------------------------------------------- */

static void
load_members (IrPlanPage *self)
{
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));
  guint old = g_list_model_get_n_items (G_LIST_MODEL (self->member_names));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_set_size (self->member_ids, 0);
  /* Translators: the owner of a task that has none. */
  g_ptr_array_add (names, g_strdup (_("Nobody")));
  g_ptr_array_add (self->member_ids, NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      g_ptr_array_add (self->member_ids, g_strdup (ir_entity_get_id (member)));
      g_ptr_array_add (names, ir_member_dup_name (self->store, ir_entity_get_id (member)));
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->member_names, 0, old, (const char * const *) names->pdata);
  self->needs_members = FALSE;
}

/* Returns the owner of a task, read once and kept until the task's owner
 * changes, because the schedule has no owners and a refresh redraws every
 * row on screen. */
const char *
ir_plan_page_get_owner (IrPlanPage *self,
                        const char *task_id)
{
  const char *owner = g_hash_table_lookup (self->owners, task_id);
  g_autoptr(IrEntity) entity = NULL;

  if (owner == NULL)
    {
      entity = ir_store_get_entity (self->store, "task", task_id);
      owner = entity && ir_entity_get_string (entity, "owner")
              ? ir_entity_get_string (entity, "owner") : "";
      g_hash_table_insert (self->owners, g_strdup (task_id), g_strdup (owner));
      owner = g_hash_table_lookup (self->owners, task_id);
    }

  return owner[0] != '\0' ? owner : NULL;
}

char *
ir_plan_page_dup_member_name (IrPlanPage *self,
                              const char *member_id)
{
  for (guint i = 1; member_id != NULL && i < self->member_ids->len; i++)
    if (g_strcmp0 (self->member_ids->pdata[i], member_id) == 0)
      return g_strdup (gtk_string_list_get_string (self->member_names, i));

  return NULL;
}

/* --- loading -------------------------------------------------------------- */

static void
show_schedule (IrPlanPage *self)
{
  g_autofree char *selected = NULL;
  IrScheduleTask *task = ir_plan_page_get_selected_task (self);

  if (task != NULL)
    selected = g_strdup (task->id);

  ir_plan_rows_set_schedule (self->rows, self->schedule);
  ir_gantt_timeline_set_plan (self->timeline, self->schedule, ir_plan_rows_get_tasks (self->rows));

  if (selected != NULL)
    ir_plan_page_select_task (self, selected);
}

static void
compute (IrPlanPage *self)
{
  g_autoptr(GError) error = NULL;

  /* Tolerant: a cycle that a merge made is shown, not refused. */
  if (!ir_schedule_compute (self->schedule, IR_SCHEDULE_TOLERANT, &error))
    g_warning ("Failed to compute the plan: %s", error->message);
  self->needs_compute = FALSE;
}

static void
reload (IrPlanPage *self)
{
  g_autoptr(GError) error = NULL;
  IrSchedule *schedule = ir_plan_model_load (self->store, &error);

  self->needs_reload = FALSE;
  if (schedule == NULL)
    {
      g_warning ("Failed to load the plan: %s", error->message);
      g_free (self->load_error);
      self->load_error = g_strdup (error->message);
      return;
    }

  g_clear_pointer (&self->schedule, ir_schedule_unref);
  self->schedule = schedule;
  compute (self);
  show_schedule (self);
}

/* Brings the schedule, rows, seals and summary up to date with what the
 * transactions since the last refresh changed. */
void
ir_plan_page_refresh (IrPlanPage *self)
{
  if (self->store == NULL)
    return;

  if (self->needs_members)
    load_members (self);

  if (self->needs_reload)
    {
      reload (self);
    }
  else if (self->needs_compute)
    {
      compute (self);
      /* Summaries may change dates but not the rows. */
      ir_plan_rows_refresh (self->rows);
      ir_gantt_timeline_refresh (self->timeline);
    }

  if (self->needs_seal_check)
    ir_plan_page_check_seals (self);

  ir_plan_page_update_summary (self);
  ir_plan_page_update_details (self);
  ir_plan_page_update_actions (self);
}

/* Copies the changed fields of a task into the schedule. Returns FALSE
 * when the change needs the plan to be loaded again. */
static gboolean
copy_task_fields (IrPlanPage         *self,
                  const char         *eid,
                  const char * const *fields)
{
  IrScheduleTask *task = self->schedule ? ir_schedule_lookup_task (self->schedule, eid) : NULL;
  g_autoptr(IrEntity) entity = NULL;

  if (task == NULL)
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    if (!g_strv_contains (copied_fields, fields[i]))
      return FALSE;

  entity = ir_store_get_entity (self->store, "task", eid);
  if (entity == NULL)
    return FALSE;

  ir_schedule_task_set_name (task, ir_entity_get_string (entity, "name"));
  ir_schedule_task_set_wbs (task, ir_entity_get_string (entity, "wbs"));
  ir_schedule_task_set_notes (task, ir_entity_get_string (entity, "notes"));
  ir_schedule_task_set_external_id (task, ir_entity_get_string (entity, "external_id"));
  task->duration = ir_entity_get_int (entity, "duration");
  task->milestone = ir_entity_get_boolean (entity, "milestone");
  task->key_milestone = ir_entity_get_boolean (entity, "key_milestone");
  task->progress = CLAMP (ir_entity_get_int (entity, "progress"), 0, 100);
  task->manual_start = ir_day_parse (ir_entity_get_string (entity, "start"));
  if (!ir_constraint_from_string (ir_entity_get_string (entity, "constraint"),
                                  &task->constraint))
    task->constraint = IR_CONSTRAINT_DEFAULT;
  task->constraint_date = ir_day_parse (ir_entity_get_string (entity, "constraint_date"));
  task->actual_start = ir_day_parse (ir_entity_get_string (entity, "actual_start"));
  task->actual_finish = ir_day_parse (ir_entity_get_string (entity, "actual_finish"));

  return TRUE;
}

static gboolean
copy_link_fields (IrPlanPage *self,
                  const char *eid)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "dependency", eid);
  guint n = self->schedule ? ir_schedule_get_n_links (self->schedule) : 0;

  for (guint i = 0; entity != NULL && i < n; i++)
    {
      IrScheduleLink *link = ir_schedule_get_link (self->schedule, i);

      if (g_strcmp0 (link->id, eid) != 0)
        continue;

      if (!ir_link_type_from_string (ir_entity_get_string (entity, "type"), &link->type))
        link->type = IR_LINK_FS;
      link->lag = ir_entity_get_int (entity, "lag");
      return TRUE;
    }

  return FALSE;
}

/* --- store signals -------------------------------------------------------- */

static void
entity_changed_cb (IrPlanPage         *self,
                   const char         *kind,
                   const char         *eid,
                   const char * const *fields,
                   gboolean            visibility,
                   IrStore            *store)
{
  if (g_str_equal (kind, "member"))
    {
      self->needs_members = TRUE;
    }
  else if (g_str_equal (kind, "task"))
    {
      if (visibility || g_strv_contains (fields, "owner"))
        g_hash_table_remove (self->owners, eid);
      if (visibility || !copy_task_fields (self, eid, fields))
        self->needs_reload = TRUE;
      self->needs_compute = TRUE;
      if (visibility || g_strv_contains (fields, "committed") ||
          g_strv_contains (fields, "deliverable"))
        self->needs_seal_check = TRUE;
    }
  else if (g_str_equal (kind, "dependency"))
    {
      if (visibility || !copy_link_fields (self, eid))
        self->needs_reload = TRUE;
      self->needs_compute = TRUE;
    }
  else if (g_str_equal (kind, "confirmation") || g_str_equal (kind, "device_key"))
    {
      self->needs_seal_check = TRUE;
      self->needs_reload = TRUE;
    }
  else if (g_str_equal (kind, "calendar") || g_str_equal (kind, "calendar_day") ||
           g_str_equal (kind, "baseline") || g_str_equal (kind, "baseline_task"))
    {
      self->needs_reload = TRUE;
    }
}

static void
tx_applied_cb (IrPlanPage *self,
               guint       flags,
               IrStore    *store)
{
  ir_plan_page_refresh (self);
}

/* Follows @store's changes and shows its plan; the signals are
 * disconnected by ir_plan_page_set_store(). */
void
ir_plan_page_load_store (IrPlanPage *self,
                         IrStore    *store)
{
  self->entity_changed_id = g_signal_connect_object (store, "entity-changed",
                                                     G_CALLBACK (entity_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                 G_CALLBACK (tx_applied_cb), self,
                                                 G_CONNECT_SWAPPED);
  self->needs_members = TRUE;
  self->needs_reload = TRUE;
  self->needs_seal_check = TRUE;
  ir_plan_page_refresh (self);
}
