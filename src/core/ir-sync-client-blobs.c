/* ir-sync-client-blobs.c: uploading and downloading a room's files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Files travel once each, by hash. An upload happens when the server
 * refuses a push for a file it lacks. Downloads follow pulls: the current
 * files of the room come eagerly, one at a time. Of a drawing's revisions
 * only the latest comes eagerly, and older ones come when asked for.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>

#include "ir-sync-client-private.h"

static void download_next (IrSyncClient *self);

/* --- downloads ----------------------------------------------------------- */

static gboolean
is_latest_revision (IrSyncClient *self,
                    const char   *eid)
{
  g_autoptr(JsonNode) drawing = ir_store_get_field_value (self->store, eid, "drawing");
  g_autoptr(IrEntityList) revisions = NULL;
  const char *latest = NULL;
  gint64 latest_time = G_MININT64;
  guint n;

  if (drawing == NULL || !JSON_NODE_HOLDS_VALUE (drawing))
    return TRUE;

  revisions = ir_store_list_children (self->store, "revision", "drawing",
                                      json_node_get_string (drawing));
  n = g_list_model_get_n_items (G_LIST_MODEL (revisions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) revision = g_list_model_get_item (G_LIST_MODEL (revisions), i);
      gint64 uploaded = ir_entity_get_int (revision, "uploaded");

      if (uploaded > latest_time || latest == NULL)
        {
          latest_time = uploaded;
          latest = ir_entity_get_id (revision);
        }
    }

  return latest == NULL || g_str_equal (latest, eid);
}

/* Whether @op names a file to download now: the current value of a blob
 * field, not on this computer yet. */
static const char *
eager_blob (IrSyncClient *self,
            IrOp         *op)
{
  IrBlobStore *blobs = ir_store_get_blobs (self->store);
  const IrFieldSpec *spec = ir_schema_lookup_field (ir_store_get_schema (self->store),
                                                    op->entity, op->field);
  g_autoptr(JsonNode) current = NULL;
  const char *sha256;

  if (blobs == NULL || spec == NULL || spec->type != IR_VALUE_BLOB || op->value == NULL ||
      !JSON_NODE_HOLDS_VALUE (op->value) ||
      json_node_get_value_type (op->value) != G_TYPE_STRING)
    return NULL;

  sha256 = json_node_get_string (op->value);
  if (!ir_sha256_is_valid (sha256) || ir_blob_store_contains (blobs, sha256) ||
      g_hash_table_contains (self->blob_wanted, sha256))
    return NULL;

  current = ir_store_get_field_value (self->store, op->eid, op->field);
  if (current == NULL || !json_node_equal (current, op->value))
    return NULL;

  if (g_str_equal (op->entity, "revision") && g_str_equal (op->field, "blob") &&
      !is_latest_revision (self, op->eid))
    return NULL;

  return sha256;
}

void
ir_sync_client_queue_blobs (IrSyncClient *self,
                            GPtrArray    *ops)
{
  for (guint i = 0; i < ops->len; i++)
    {
      const char *sha256 = eager_blob (self, g_ptr_array_index (ops, i));

      if (sha256 == NULL)
        continue;

      g_hash_table_add (self->blob_wanted, g_strdup (sha256));
      g_queue_push_tail (&self->blob_queue, g_strdup (sha256));
    }

  download_next (self);
}

static void
downloaded_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IrSyncClient) self = user_data;
  g_autofree char *sha256 = g_queue_pop_head (&self->blob_queue);
  g_autoptr(GError) error = NULL;

  self->blob_busy = FALSE;
  if (!ir_sync_api_download_blob_finish (IR_SYNC_API (source), result, &error))
    {
      if (g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NETWORK) ||
          g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* Back in the queue; the next sync cycle goes on with it. */
          g_queue_push_head (&self->blob_queue, g_steal_pointer (&sha256));
          return;
        }
      g_warning ("Room %s: failed to download file %s: %s", self->room, sha256, error->message);
    }

  if (sha256 != NULL)
    g_hash_table_remove (self->blob_wanted, sha256);
  download_next (self);
}

static void
download_next (IrSyncClient *self)
{
  const char *sha256 = g_queue_peek_head (&self->blob_queue);

  if (self->blob_busy || !self->online || sha256 == NULL)
    return;

  self->blob_busy = TRUE;
  ir_sync_api_download_blob_async (self->api, self->room, ir_store_get_blobs (self->store),
                                   sha256, NULL, downloaded_cb, g_object_ref (self));
}

/* Restarts downloads that waited for the network. */
void
ir_sync_client_resume_downloads (IrSyncClient *self)
{
  download_next (self);
}

void
ir_sync_client_blobs_clear (IrSyncClient *self)
{
  g_queue_clear_full (&self->blob_queue, g_free);
  if (self->blob_wanted != NULL)
    g_hash_table_remove_all (self->blob_wanted);
}

/* The number of files waiting to be downloaded, the running one included. */
guint
ir_sync_client_get_pending_downloads (IrSyncClient *self)
{
  return g_queue_get_length (&self->blob_queue);
}

static void
fetched_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ir_sync_api_download_blob_finish (IR_SYNC_API (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ir_sync_client_fetch_blob_async:
 *
 * Downloads the file @sha256 of the room unless this computer has it, for
 * files that do not come eagerly (older drawing revisions).
 */
void
ir_sync_client_fetch_blob_async (IrSyncClient       *self,
                                 const char         *sha256,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  IrBlobStore *blobs = ir_store_get_blobs (self->store);

  if (blobs != NULL && ir_blob_store_contains (blobs, sha256))
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (blobs == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_FAILED,
                               _("This room keeps no files on this computer."));
      g_object_unref (task);
      return;
    }

  ir_sync_api_download_blob_async (self->api, self->room, blobs, sha256, cancellable,
                                   fetched_cb, task);
}

gboolean
ir_sync_client_fetch_blob_finish (IrSyncClient  *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- uploads ------------------------------------------------------------- */

typedef struct
{
  IrSyncClient *client;
  GPtrArray    *hashes;      /* char*, still to upload */
  GPtrArray    *unavailable; /* char*, files this computer cannot upload */
} Uploads;

static void
uploads_free (Uploads *uploads)
{
  g_object_unref (uploads->client);
  g_ptr_array_unref (uploads->hashes);
  g_ptr_array_unref (uploads->unavailable);
  g_free (uploads);
}

/* Rolls back the unpushed transactions that name a file this computer
 * cannot upload, so that the rest of the queue goes through. */
static void
refuse_unavailable (IrSyncClient *self,
                    GPtrArray    *unavailable)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (self->store, G_MAXUINT);
  g_autoptr(GHashTable) done = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      g_autofree char *reason = NULL;
      g_autoptr(GError) error = NULL;
      const char *sha256;

      if (op->value == NULL || !JSON_NODE_HOLDS_VALUE (op->value) ||
          json_node_get_value_type (op->value) != G_TYPE_STRING ||
          g_hash_table_contains (done, op->tx))
        continue;

      sha256 = json_node_get_string (op->value);
      if (!g_ptr_array_find_with_equal_func (unavailable, sha256, g_str_equal, NULL))
        continue;

      g_hash_table_add (done, op->tx);
      reason = g_strdup_printf (_("The file %s is missing on this computer, so the server "
                                  "cannot receive it."), sha256);
      if (!ir_store_refuse_tx (self->store, op->tx, reason, &error))
        g_warning ("Failed to roll back transaction %s: %s", op->tx, error->message);
    }
}

static void upload_next (Uploads *uploads);

static void
uploaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Uploads *uploads = user_data;
  IrSyncClient *self = uploads->client;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_ptr_array_steal_index (uploads->hashes, 0);

  if (!ir_sync_api_upload_blob_finish (IR_SYNC_API (source), result, &error))
    {
      if (!g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND) &&
          !g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_HASH_MISMATCH))
        {
          ir_sync_client_fail (self, error);
          uploads_free (uploads);
          return;
        }
      g_warning ("Room %s: cannot upload file %s: %s", self->room, sha256, error->message);
      g_ptr_array_add (uploads->unavailable, g_steal_pointer (&sha256));
    }

  upload_next (uploads);
}

static void
upload_next (Uploads *uploads)
{
  IrSyncClient *self = uploads->client;

  if (uploads->hashes->len == 0)
    {
      if (uploads->unavailable->len > 0)
        refuse_unavailable (self, uploads->unavailable);
      ir_sync_client_push_next (self);
      uploads_free (uploads);
      return;
    }

  ir_sync_api_upload_blob_async (self->api, self->room, ir_store_get_blobs (self->store),
                                 g_ptr_array_index (uploads->hashes, 0), self->cancellable,
                                 uploaded_cb, uploads);
}

/* Uploads the files the server found missing for a push, then pushes
 * again. Runs inside the sync cycle. */
void
ir_sync_client_upload_blobs (IrSyncClient *self,
                             JsonArray    *hashes)
{
  Uploads *uploads = g_new0 (Uploads, 1);

  uploads->client = g_object_ref (self);
  uploads->hashes = g_ptr_array_new_with_free_func (g_free);
  uploads->unavailable = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < json_array_get_length (hashes); i++)
    {
      JsonNode *node = json_array_get_element (hashes, i);
      const char *sha256 = JSON_NODE_HOLDS_VALUE (node) &&
                           json_node_get_value_type (node) == G_TYPE_STRING
                           ? json_node_get_string (node) : NULL;

      if (sha256 == NULL)
        continue;
      if (ir_store_get_blobs (self->store) != NULL && ir_sha256_is_valid (sha256) &&
          ir_blob_store_contains (ir_store_get_blobs (self->store), sha256))
        g_ptr_array_add (uploads->hashes, g_strdup (sha256));
      else
        g_ptr_array_add (uploads->unavailable, g_strdup (sha256));
    }

  upload_next (uploads);
}
