/* ir-drawing-revisions.c: the revisions of a drawing in upload order
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Labels follow the server's upload order, not upload times, so that two
 * members who upload offline never both show "B": a synced revision sorts
 * by the sequence of the op that created it, and unsynced ones follow, in
 * clock order. A label can therefore change once when a replica syncs.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-drawing-model-private.h"

G_DEFINE_QUARK (ir-drawing-model-error-quark, ir_drawing_model_error)

/* --- labels --------------------------------------------------------------- */

/**
 * ir_drawing_revision_label:
 * @index: the revision's place in upload order, from 0
 *
 * Returns the label of the revision: A to Z, then AA, AB … as in a
 * spreadsheet's columns.
 *
 * Returns: (transfer full): the label
 */
char *
ir_drawing_revision_label (guint index)
{
  GString *label = g_string_new (NULL);
  guint64 n = (guint64) index + 1;

  while (n > 0)
    {
      n--;
      g_string_prepend_c (label, 'A' + (char) (n % 26));
      n /= 26;
    }

  return g_string_free (label, FALSE);
}

void
ir_revision_info_free (IrRevisionInfo *info)
{
  if (info == NULL)
    return;

  g_clear_object (&info->entity);
  g_free (info->label);
  g_free (info);
}

/* --- upload order --------------------------------------------------------- */

typedef struct
{
  IrEntity *entity;
  gint64    seq;
  gint64    hlc;
  char     *op_id;
} SortKey;

static void
sort_key_clear (SortKey *key)
{
  g_clear_object (&key->entity);
  g_free (key->op_id);
}

/* Synced first by sequence, then unsynced by clock. */
static int
compare_sort_keys (gconstpointer a,
                   gconstpointer b)
{
  const SortKey *ka = a, *kb = b;

  if ((ka->seq > 0) != (kb->seq > 0))
    return ka->seq > 0 ? -1 : 1;
  if (ka->seq != kb->seq)
    return ka->seq < kb->seq ? -1 : 1;
  if (ka->hlc != kb->hlc)
    return ka->hlc < kb->hlc ? -1 : 1;

  return g_strcmp0 (ka->op_id, kb->op_id);
}

/**
 * ir_drawing_list_revisions:
 * @store: the room
 * @drawing: the drawing's entity id
 *
 * Lists the visible revisions of @drawing in upload order with their
 * labels.
 *
 * Returns: (transfer full) (element-type IrRevisionInfo): the revisions,
 *   the first upload first
 */
GPtrArray *
ir_drawing_list_revisions (IrStore    *store,
                           const char *drawing)
{
  g_autoptr(IrEntityList) list = NULL;
  g_autoptr(GArray) keys = NULL;
  GPtrArray *revisions;
  guint n;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (drawing != NULL, NULL);

  list = ir_store_list_children (store, "revision", "drawing", drawing);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  keys = g_array_sized_new (FALSE, TRUE, sizeof (SortKey), n);
  g_array_set_clear_func (keys, (GDestroyNotify) sort_key_clear);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GPtrArray) history = NULL;
      SortKey key = { 0 };

      key.entity = g_list_model_get_item (G_LIST_MODEL (list), i);
      history = ir_store_get_history (store, ir_entity_get_id (key.entity));
      if (history->len > 0)
        {
          const IrOp *first = g_ptr_array_index (history, 0);

          key.seq = first->seq;
          key.hlc = first->hlc;
          key.op_id = g_strdup (first->id);
        }
      g_array_append_val (keys, key);
    }

  g_array_sort (keys, compare_sort_keys);

  revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_revision_info_free);
  for (guint i = 0; i < keys->len; i++)
    {
      IrRevisionInfo *info = g_new0 (IrRevisionInfo, 1);

      info->entity = g_object_ref (g_array_index (keys, SortKey, i).entity);
      info->index = i;
      info->label = ir_drawing_revision_label (i);
      g_ptr_array_add (revisions, info);
    }

  return revisions;
}

/* Returns the entry of @revision in a list from ir_drawing_list_revisions(),
 * or %NULL. */
IrRevisionInfo *
ir_drawing_find_revision (GPtrArray  *revisions,
                          const char *revision)
{
  g_return_val_if_fail (revisions != NULL, NULL);

  for (guint i = 0; revision != NULL && i < revisions->len; i++)
    {
      IrRevisionInfo *info = g_ptr_array_index (revisions, i);

      if (g_str_equal (ir_entity_get_id (info->entity), revision))
        return info;
    }

  return NULL;
}

/**
 * ir_drawing_open_revision:
 * @store: the room
 * @revision: a revision entity
 * @error: return location for an error
 *
 * Opens the file of @revision from the room's blob store.
 *
 * Returns: (transfer full) (nullable): the document
 */
IrPdf *
ir_drawing_open_revision (IrStore   *store,
                          IrEntity  *revision,
                          GError   **error)
{
  IrBlobStore *blobs = ir_store_get_blobs (store);
  const char *blob = ir_entity_get_string (revision, "blob");
  const char *filename = ir_entity_get_string (revision, "filename");
  g_autoptr(GBytes) bytes = NULL;

  if (blobs == NULL || blob == NULL || !ir_blob_store_contains (blobs, blob))
    {
      const char *name = filename;

      if (name == NULL)
        name = blob != NULL ? blob : "?";

      g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_NO_BLOBS,
                   _("The file “%s” is not on this computer yet. It downloads when the "
                     "room syncs; connect to the room’s server and try again."),
                   name);
      return NULL;
    }

  bytes = ir_blob_store_load (blobs, blob, error);
  if (bytes == NULL)
    return NULL;

  return ir_pdf_new_from_bytes (bytes, filename ? filename : blob, G_MAXUINT64, error);
}

/* --- helpers shared by the model's files ---------------------------------- */

/* Commits @tx and prefixes a failure with the action, so that the caller's
 * message names which action failed. */
gboolean
ir_drawing_model_commit (IrStore     *store,
                         IrTx        *tx,
                         const char  *what,
                         GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (ir_store_commit (store, tx, &local_error))
    return TRUE;

  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", what);
  return FALSE;
}

/* Returns the visible entity @eid of @kind, or sets an error. */
IrEntity *
ir_drawing_model_lookup (IrStore     *store,
                         const char  *kind,
                         const char  *eid,
                         GError     **error)
{
  IrEntity *entity = eid ? ir_store_get_entity (store, kind, eid) : NULL;

  if (entity != NULL && ir_entity_is_visible (entity))
    return entity;

  g_clear_object (&entity);
  g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_NOT_FOUND,
               _("No %s with id %s exists in this room; it may have been deleted. "
                 "Reload the drawing and try again."),
               kind, eid ? eid : "(none)");
  return NULL;
}

static IrEntity *
find_member (IrStore    *store,
             const char *user)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; user != NULL && i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) == 0)
        return g_steal_pointer (&member);
    }

  return NULL;
}

/* Returns the display name of the member with the user name @user, or the
 * user name itself. */
char *
ir_drawing_model_member_name (IrStore    *store,
                              const char *user)
{
  g_autoptr(IrEntity) member = find_member (store, user);
  const char *name = member ? ir_entity_get_string (member, "display_name") : NULL;

  if (name != NULL && name[0] != '\0')
    return g_strdup (name);

  return g_strdup (user ? user : "");
}

/* Returns the role of the member @user (AR, SR, FR …), or %NULL. */
const char *
ir_drawing_model_member_role (IrStore    *store,
                              const char *user)
{
  g_autoptr(IrEntity) member = find_member (store, user);
  const char *role = member ? ir_entity_get_string (member, "role") : NULL;

  if (role == NULL)
    return NULL;

  return ir_role_to_string (ir_role_from_string (role));
}
