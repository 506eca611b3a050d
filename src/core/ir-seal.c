/* ir-seal.c: canonical form and checks of customer confirmations
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "ir-hlc.h"
#include "ir-seal.h"

G_DEFINE_QUARK (ir-seal-error-quark, ir_seal_error)

/* The version of the canonical JSON format, so that a later format can be
 * distinguished from this one. */
#define SEAL_FORMAT "ironroom-confirmation-1"

/* A device key counts as valid this long before its valid_from, because
 * the key is registered and used within seconds and clocks drift. */
#define KEY_CLOCK_SKEW_MS (5 * 60 * 1000)

/* --- content -------------------------------------------------------------- */

void
ir_seal_content_clear (IrSealContent *content)
{
  g_clear_pointer (&content->room, g_free);
  g_clear_pointer (&content->task, g_free);
  g_clear_pointer (&content->signer_name, g_free);
  g_clear_pointer (&content->signer_company, g_free);
  g_clear_pointer (&content->signer_title, g_free);
  g_clear_pointer (&content->milestone_title, g_free);
  g_clear_pointer (&content->deliverable, g_free);
  g_clear_pointer (&content->committed, g_free);
  g_clear_pointer (&content->signature_blob, g_free);
  g_clear_pointer (&content->scan_blob, g_free);
  g_clear_pointer (&content->recorded_by, g_free);
  g_clear_pointer (&content->device_key, g_free);
  content->signed_at = 0;
}

/**
 * ir_seal_content_from_entity:
 *
 * Fills @content with the fields of @confirmation as @store contains them
 * now. Returns %FALSE when @confirmation is not a confirmation.
 */
gboolean
ir_seal_content_from_entity (IrSealContent *content,
                             IrStore       *store,
                             IrEntity      *confirmation)
{
  g_return_val_if_fail (content != NULL, FALSE);
  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (IR_IS_ENTITY (confirmation), FALSE);

  if (g_strcmp0 (ir_entity_get_kind (confirmation), "confirmation") != 0)
    return FALSE;

  ir_seal_content_clear (content);
  content->room = g_strdup (ir_store_get_room_id (store));
  content->task = g_strdup (ir_entity_get_string (confirmation, "task"));
  content->signer_name = g_strdup (ir_entity_get_string (confirmation, "signer_name"));
  content->signer_company = g_strdup (ir_entity_get_string (confirmation, "signer_company"));
  content->signer_title = g_strdup (ir_entity_get_string (confirmation, "signer_title"));
  content->signed_at = ir_entity_get_int (confirmation, "signed_at");
  content->milestone_title = g_strdup (ir_entity_get_string (confirmation, "milestone_title"));
  content->deliverable = g_strdup (ir_entity_get_string (confirmation, "deliverable"));
  content->committed = g_strdup (ir_entity_get_string (confirmation, "committed"));
  content->signature_blob = g_strdup (ir_entity_get_string (confirmation, "signature_blob"));
  content->scan_blob = g_strdup (ir_entity_get_string (confirmation, "scan_blob"));
  content->recorded_by = g_strdup (ir_entity_get_string (confirmation, "recorded_by"));
  content->device_key = g_strdup (ir_entity_get_string (confirmation, "device_key"));

  return TRUE;
}

/* --- canonical JSON ------------------------------------------------------- */

/* Appends @text as a JSON string: only the quote, the backslash and control
 * characters are escaped, and every other character stays as UTF-8, so
 * that one text has exactly one encoding. */
static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_member (GString    *out,
               const char *key,
               const char *value)
{
  if (value == NULL)
    return;

  if (out->len > 1)
    g_string_append_c (out, ',');
  append_json_string (out, key);
  g_string_append_c (out, ':');
  append_json_string (out, value);
}

/**
 * ir_seal_content_to_canonical:
 *
 * Writes @content as canonical JSON: one object, members sorted by key in
 * byte order, missing values left out, no white space, strings as UTF-8
 * with only the characters escaped that JSON requires. Equal contents give
 * equal bytes, which is what the seal signs.
 *
 * Returns: (transfer full): the canonical JSON
 */
char *
ir_seal_content_to_canonical (const IrSealContent *content)
{
  GString *out = g_string_new ("{");
  g_autofree char *signed_at = NULL;

  g_return_val_if_fail (content != NULL, NULL);

  if (content->signed_at != 0)
    signed_at = g_strdup_printf ("%" G_GINT64_FORMAT, content->signed_at);

  /* Keys in byte order. */
  append_member (out, "committed", content->committed);
  append_member (out, "deliverable", content->deliverable);
  append_member (out, "device_key", content->device_key);
  append_member (out, "format", SEAL_FORMAT);
  append_member (out, "milestone_title", content->milestone_title);
  append_member (out, "recorded_by", content->recorded_by);
  append_member (out, "room", content->room);
  append_member (out, "scan_blob", content->scan_blob);
  if (signed_at != NULL)
    {
      g_string_append (out, ",\"signed_at\":");
      g_string_append (out, signed_at);
    }
  append_member (out, "signature_blob", content->signature_blob);
  append_member (out, "signer_company", content->signer_company);
  append_member (out, "signer_name", content->signer_name);
  append_member (out, "signer_title", content->signer_title);
  append_member (out, "task", content->task);
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/* --- checks --------------------------------------------------------------- */

static void
seal_change_free (gpointer data)
{
  IrSealChange *change = data;

  g_free (change->field);
  g_free (change->sealed);
  g_free (change->current);
  g_free (change);
}

void
ir_seal_status_free (IrSealStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->confirmation);
  g_free (status->task);
  g_clear_pointer (&status->changes, g_ptr_array_unref);
  g_free (status->problem);
  g_free (status->signer_name);
  g_free (status->signer_company);
  g_free (status->recorded_by);
  g_free (status->committed);
  g_free (status);
}

static void
set_problem (IrSealStatus *status,
             IrSealState   state,
             char         *problem)
{
  status->state = state;
  g_free (status->problem);
  status->problem = problem;
}

/* Checks that the key was the recording member's and in force when the
 * seal was written. Returns %FALSE with the status set otherwise. */
static gboolean
check_key (IrStore             *store,
           IrEntity            *confirmation,
           IrEntity            *key,
           const IrSealContent *content,
           IrSealStatus        *status)
{
  g_autoptr(IrEntity) member = NULL;
  gint64 sealed_ms = ir_hlc_get_ms (ir_entity_get_field_hlc (confirmation, "seal"));
  gint64 valid_from = ir_entity_get_int (key, "valid_from") / 1000;
  gint64 valid_until = ir_entity_get_int (key, "valid_until") / 1000;
  const char *user;

  member = ir_store_get_entity (store, "member", ir_entity_get_string (key, "member"));
  user = member ? ir_entity_get_string (member, "user") : NULL;
  if (g_strcmp0 (user, content->recorded_by) != 0)
    {
      set_problem (status, IR_SEAL_UNTRUSTED_KEY,
                   g_strdup_printf (_("The seal was made with a device key of “%s”, but the "
                                      "record says “%s” recorded it."),
                                    user ? user : _("nobody"),
                                    content->recorded_by ? content->recorded_by : ""));
      return FALSE;
    }

  /* A key revoked without an end date is distrusted for every seal; one
   * with an end date still vouches for the seals made before it. */
  if (ir_entity_get_boolean (key, "revoked") && valid_until == 0)
    {
      set_problem (status, IR_SEAL_UNTRUSTED_KEY,
                   g_strdup (_("The device key that sealed this confirmation has been "
                               "revoked.")));
      return FALSE;
    }

  if ((valid_from != 0 && sealed_ms + KEY_CLOCK_SKEW_MS < valid_from) ||
      (valid_until != 0 && sealed_ms > valid_until))
    {
      set_problem (status, IR_SEAL_UNTRUSTED_KEY,
                   g_strdup (_("The confirmation was sealed outside the period in which its "
                               "device key was valid.")));
      return FALSE;
    }

  return TRUE;
}

/* Compares each sealed field of the task with the value that was sealed. */
static void
check_task_fields (IrStore             *store,
                   const IrSealContent *content,
                   IrSealStatus        *status)
{
  const IrEntitySpec *spec = ir_schema_lookup_entity (ir_store_get_schema (store), "task");
  g_autoptr(IrEntity) task = ir_store_get_entity (store, "task", content->task);

  if (task == NULL || spec == NULL)
    return;

  for (guint i = 0; i < spec->n_fields; i++)
    {
      const IrFieldSpec *field = &spec->fields[i];
      const char *sealed = NULL;
      const char *current;
      IrSealChange *change;

      if (!(field->flags & IR_FIELD_SEALED))
        continue;

      if (g_str_equal (field->name, "committed"))
        sealed = content->committed;
      else if (g_str_equal (field->name, "deliverable"))
        sealed = content->deliverable;
      else
        g_warn_if_reached ();

      current = ir_entity_get_string (task, field->name);
      if (g_strcmp0 (sealed ? sealed : "", current ? current : "") == 0)
        continue;

      change = g_new0 (IrSealChange, 1);
      change->field = g_strdup (field->name);
      change->sealed = g_strdup (sealed);
      change->current = g_strdup (current);
      g_ptr_array_add (status->changes, change);
      status->state = IR_SEAL_VOID;
    }
}

/**
 * ir_seal_check:
 *
 * Verifies the seal of @confirmation against the record as it is stored,
 * checks the device key that made it, and compares the sealed fields of
 * its milestone with what was sealed.
 *
 * Returns: (transfer full): the result
 */
IrSealStatus *
ir_seal_check (IrStore  *store,
               IrEntity *confirmation)
{
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(IrEntity) key = NULL;
  g_autofree char *canonical = NULL;
  IrSealStatus *status;
  const char *seal;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (IR_IS_ENTITY (confirmation), NULL);

  status = g_new0 (IrSealStatus, 1);
  status->confirmation = g_strdup (ir_entity_get_id (confirmation));
  status->changes = g_ptr_array_new_with_free_func (seal_change_free);
  status->state = IR_SEAL_VALID;
  if (!ir_seal_content_from_entity (&content, store, confirmation))
    {
      set_problem (status, IR_SEAL_TAMPERED, g_strdup (_("This is not a confirmation.")));
      return status;
    }

  status->task = g_strdup (content.task);
  status->signer_name = g_strdup (content.signer_name);
  status->signer_company = g_strdup (content.signer_company);
  status->recorded_by = g_strdup (content.recorded_by);
  status->committed = g_strdup (content.committed);
  status->signed_at = content.signed_at;
  status->countersigned = ir_entity_get_string (confirmation, "server_seal") != NULL;
  status->server_received = ir_entity_get_int (confirmation, "server_received");

  seal = ir_entity_get_string (confirmation, "seal");
  if (seal == NULL)
    {
      set_problem (status, IR_SEAL_UNSEALED,
                   g_strdup (_("This confirmation carries no seal, so nothing shows who "
                               "recorded it or that it is unchanged.")));
      return status;
    }

  if (content.device_key != NULL)
    key = ir_store_get_entity (store, "device_key", content.device_key);
  if (key == NULL || !ir_entity_is_visible (key))
    {
      set_problem (status, IR_SEAL_UNTRUSTED_KEY,
                   g_strdup (_("The device key that sealed this confirmation is not "
                               "registered in this room.")));
      return status;
    }

  canonical = ir_seal_content_to_canonical (&content);
  if (!ir_seal_verify_signature (ir_entity_get_string (key, "public_key"), canonical, seal))
    {
      set_problem (status, IR_SEAL_TAMPERED,
                   g_strdup (_("The stored confirmation does not match its seal: it was "
                               "changed after it was recorded.")));
      return status;
    }

  if (!check_key (store, confirmation, key, &content, status))
    return status;

  check_task_fields (store, &content, status);

  return status;
}

/* Whether @a replaces @b as the task's confirmation: the later signing
 * time, then the later committed date, then the higher id, which is the
 * order in which ir-plan-model.c takes a task's commitment. */
static gboolean
supersedes (IrEntity *a,
            IrEntity *b)
{
  gint64 signed_a = ir_entity_get_int (a, "signed_at");
  gint64 signed_b = ir_entity_get_int (b, "signed_at");
  int order;

  if (signed_a != signed_b)
    return signed_a > signed_b;

  order = g_strcmp0 (ir_entity_get_string (a, "committed"),
                     ir_entity_get_string (b, "committed"));
  if (order != 0)
    return order > 0;

  return g_strcmp0 (ir_entity_get_id (a), ir_entity_get_id (b)) > 0;
}

/* Collects the latest visible confirmation of each task: task id → entity. */
static GHashTable *
collect_latest (IrStore    *store,
                const char *only_task)
{
  GHashTable *latest = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              g_object_unref);
  g_autoptr(IrEntityList) list = NULL;
  guint n;

  if (only_task != NULL)
    list = ir_store_list_children (store, "confirmation", "task", only_task);
  else
    list = ir_store_list (store, "confirmation");

  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) confirmation = g_list_model_get_item (G_LIST_MODEL (list), i);
      const char *task = ir_entity_get_string (confirmation, "task");
      IrEntity *known;

      if (task == NULL)
        continue;

      known = g_hash_table_lookup (latest, task);
      if (known == NULL || supersedes (confirmation, known))
        g_hash_table_insert (latest, g_strdup (task), g_steal_pointer (&confirmation));
    }

  return latest;
}

/**
 * ir_seal_check_task:
 *
 * Checks the latest confirmation of @task; earlier ones are superseded.
 *
 * Returns: (transfer full) (nullable): the result, or %NULL when the task
 *   has no confirmation
 */
IrSealStatus *
ir_seal_check_task (IrStore    *store,
                    const char *task)
{
  g_autoptr(GHashTable) latest = NULL;
  IrEntity *confirmation;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (task != NULL, NULL);

  latest = collect_latest (store, task);
  confirmation = g_hash_table_lookup (latest, task);

  return confirmation ? ir_seal_check (store, confirmation) : NULL;
}

/**
 * ir_seal_check_room:
 *
 * Checks the latest confirmation of every milestone of the room, as the
 * room is loaded.
 *
 * Returns: (transfer full) (element-type IrSealStatus): the results
 */
GPtrArray *
ir_seal_check_room (IrStore *store)
{
  g_autoptr(GHashTable) latest = NULL;
  GPtrArray *results;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  latest = collect_latest (store, NULL);
  results = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_seal_status_free);

  g_hash_table_iter_init (&iter, latest);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (results, ir_seal_check (store, value));

  return results;
}

/* --- descriptions --------------------------------------------------------- */

static char *
format_day (const char *iso,
            gboolean    with_year)
{
  int year, month, day;
  g_autoptr(GDateTime) time = NULL;

  if (iso == NULL || sscanf (iso, "%d-%d-%d", &year, &month, &day) != 3)
    return g_strdup (_("no date"));

  time = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (time == NULL)
    return g_strdup (iso);

  /* Translators: a short date in a sentence such as "moved from 3 Mar to
   * 12 Mar", as a g_date_time_format() format. */
  return g_date_time_format (time, with_year ? _("%-d %b %Y") : _("%-d %b"));
}

/**
 * ir_seal_change_describe:
 *
 * Describes a sealed field that changed after the confirmation, such as
 * "committed date moved from 3 Mar to 12 Mar after confirmation".
 *
 * Returns: (transfer full): the sentence
 */
char *
ir_seal_change_describe (const IrSealChange *change)
{
  g_return_val_if_fail (change != NULL, NULL);

  if (g_strcmp0 (change->field, "committed") == 0)
    {
      gboolean same_year = change->sealed && change->current &&
                           strncmp (change->sealed, change->current, 4) == 0;
      g_autofree char *from = format_day (change->sealed, !same_year);
      g_autofree char *to = format_day (change->current, !same_year);

      if (change->current == NULL)
        /* Translators: %s is a date. */
        return g_strdup_printf (_("committed date %s removed after confirmation"), from);

      /* Translators: both are dates, e.g. "from 3 Mar to 12 Mar". */
      return g_strdup_printf (_("committed date moved from %s to %s after confirmation"),
                              from, to);
    }

  if (g_strcmp0 (change->field, "deliverable") == 0)
    /* Translators: the texts of the deliverable before and after. */
    return g_strdup_printf (_("deliverable changed from “%s” to “%s” after confirmation"),
                            change->sealed ? change->sealed : "",
                            change->current ? change->current : "");

  /* Translators: %s is the name of a field. */
  return g_strdup_printf (_("%s changed after confirmation"), change->field);
}

const char *
ir_seal_state_to_string (IrSealState state)
{
  switch (state)
    {
    case IR_SEAL_VALID:
      return "valid";
    case IR_SEAL_VOID:
      return "void";
    case IR_SEAL_TAMPERED:
      return "tampered";
    case IR_SEAL_UNTRUSTED_KEY:
      return "untrusted-key";
    case IR_SEAL_UNSEALED:
      return "unsealed";
    default:
      g_return_val_if_reached (NULL);
    }
}
