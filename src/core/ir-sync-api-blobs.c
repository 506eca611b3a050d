/* ir-sync-api-blobs.c: uploading and downloading blobs, streamed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Neither direction keeps a whole file in memory. A download is written to
 * a temporary file in the blob folder, hashed on the way, and renamed into
 * place only when its hash matches the one it was asked for.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>

#include "ir-sync-api-private.h"

#define CHUNK_SIZE (64 * 1024)

/* --- upload -------------------------------------------------------------- */

static void
upload_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (IR_SYNC_API (source), result,
                                                      NULL, NULL, &error);

  if (body == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* Uploads the blob @sha256 of the local store @blobs to @room. */
void
ir_sync_api_upload_blob_async (IrSyncApi          *self,
                               const char         *room,
                               IrBlobStore        *blobs,
                               const char         *sha256,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *local_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(SoupMessage) msg = NULL;
  g_autoptr(GError) error = NULL;

  if (!ir_sha256_is_valid (sha256))
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_HASH,
                               _("Invalid file hash “%s”: expected 64 lower-case hex digits."),
                               sha256);
      g_object_unref (task);
      return;
    }

  local_path = ir_blob_store_get_path (blobs, sha256);
  file = g_file_new_for_path (local_path);
  stream = g_file_read (file, cancellable, &error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           cancellable, &error);
  if (info == NULL)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_NOT_FOUND,
                               _("Failed to read the file %s on this computer: %s"),
                               sha256, error->message);
      g_object_unref (task);
      return;
    }

  if (g_file_info_get_size (info) > IR_SYNC_MAX_BLOB_SIZE)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_TOO_LARGE,
                               _("The file %s is larger than the limit of %d MB."),
                               sha256, (int) (IR_SYNC_MAX_BLOB_SIZE / (1024 * 1024)));
      g_object_unref (task);
      return;
    }

  /* NOTE: no "Expect: 100-continue". With it, libsoup 3.2.3 can crash when
   * the server refuses an upload before its body (seen in the over-limit
   * test), so the size is checked here and other refusals cost the
   * transfer. */
  path = g_strdup_printf ("/rooms/%s/blobs/%s", room, sha256);
  msg = ir_sync_api_new_message (self, "PUT", path);
  soup_message_set_request_body (msg, "application/octet-stream", G_INPUT_STREAM (stream),
                                 g_file_info_get_size (info));

  ir_sync_api_send_async (self, msg, cancellable, upload_done_cb, task);
}

gboolean
ir_sync_api_upload_blob_finish (IrSyncApi     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- download ------------------------------------------------------------ */

typedef struct
{
  IrBlobStore  *blobs;
  char         *sha256;
  SoupMessage  *msg;
  GInputStream *body;
  GChecksum    *checksum;
  char         *tmp_path;
  int           fd;
  gint64        total;
} Download;

static void
download_free (Download *download)
{
  if (download->fd >= 0)
    close (download->fd);
  if (download->tmp_path != NULL)
    g_unlink (download->tmp_path);

  g_clear_object (&download->blobs);
  g_clear_object (&download->msg);
  g_clear_object (&download->body);
  g_clear_pointer (&download->checksum, g_checksum_free);
  g_free (download->sha256);
  g_free (download->tmp_path);
  g_free (download);
}

/* Reads the next chunk of the body; @task goes to @callback. */
static void
read_next (GTask               *task,
           GAsyncReadyCallback  callback,
           gsize                size)
{
  Download *download = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (download->body, size, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), callback, task);
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         size)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      size -= n;
    }

  return TRUE;
}

static void
finish_download (GTask *task)
{
  Download *download = g_task_get_task_data (task);
  const char *sha256 = g_checksum_get_string (download->checksum);
  g_autofree char *final_path = NULL;
  g_autofree char *dir = NULL;

  if (close (download->fd) != 0)
    {
      download->fd = -1;
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                               _("Failed to write the file %s: %s"),
                               download->sha256, g_strerror (errno));
      return;
    }
  download->fd = -1;

  if (!g_str_equal (sha256, download->sha256))
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_HASH_MISMATCH,
                               _("The file downloaded as %s has the hash %s. Download it "
                                 "again."), download->sha256, sha256);
      return;
    }

  final_path = ir_blob_store_get_path (download->blobs, download->sha256);
  dir = g_path_get_dirname (final_path);
  g_mkdir_with_parents (dir, 0700);
  if (g_rename (download->tmp_path, final_path) != 0)
    {
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                               _("Failed to store the file as “%s”: %s"),
                               final_path, g_strerror (errno));
      return;
    }

  g_clear_pointer (&download->tmp_path, g_free);
  g_task_return_boolean (task, TRUE);
}

static void
chunk_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result,
                                                              &error);
  gsize size;
  const guint8 *data;

  if (bytes == NULL)
    {
      GError *network = NULL;

      ir_sync_api_set_network_error (g_task_get_source_object (task), &network, error);
      g_task_return_error (task, network);
      return;
    }

  data = g_bytes_get_data (bytes, &size);
  if (size == 0)
    {
      finish_download (task);
      return;
    }

  download->total += size;
  if (download->total > IR_SYNC_MAX_BLOB_SIZE)
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_TOO_LARGE,
                               _("The file %s is larger than the limit of %d MB."),
                               download->sha256, (int) (IR_SYNC_MAX_BLOB_SIZE / (1024 * 1024)));
      return;
    }

  g_checksum_update (download->checksum, data, size);
  if (!write_all (download->fd, data, size))
    {
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                               _("Failed to write the file %s into “%s”: %s"),
                               download->sha256, ir_blob_store_get_directory (download->blobs),
                               g_strerror (errno));
      return;
    }

  read_next (g_steal_pointer (&task), chunk_read_cb, CHUNK_SIZE);
}

static void
refusal_read_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, NULL);
  g_autoptr(JsonNode) body = NULL;
  GError *error = NULL;

  if (bytes != NULL && g_bytes_get_size (bytes) > 0)
    {
      g_autofree char *text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

      body = json_from_string (text, NULL);
    }

  ir_sync_api_set_refusal (g_task_get_source_object (task), download->msg, body, NULL, &error);
  g_task_return_error (task, error);
}

static void
download_sent_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Download *download = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;

  download->body = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (download->body == NULL)
    {
      GError *network = NULL;

      ir_sync_api_set_network_error (g_task_get_source_object (task), &network, error);
      g_task_return_error (task, network);
      return;
    }

  if (soup_message_get_status (download->msg) != SOUP_STATUS_OK)
    {
      read_next (g_steal_pointer (&task), refusal_read_cb, IR_SYNC_MAX_JSON_BODY);
      return;
    }

  dir = g_strdup (ir_blob_store_get_directory (download->blobs));
  g_mkdir_with_parents (dir, 0700);
  download->tmp_path = g_build_filename (dir, ".download-XXXXXX", NULL);
  download->fd = g_mkstemp (download->tmp_path);
  if (download->fd < 0)
    {
      g_clear_pointer (&download->tmp_path, g_free);
      g_task_return_new_error (task, G_IO_ERROR, g_io_error_from_errno (errno),
                               _("Failed to write into the file store “%s”: %s"),
                               dir, g_strerror (errno));
      return;
    }

  read_next (g_steal_pointer (&task), chunk_read_cb, CHUNK_SIZE);
}

/* Downloads the blob @sha256 of @room into the local store @blobs. */
void
ir_sync_api_download_blob_async (IrSyncApi          *self,
                                 const char         *room,
                                 IrBlobStore        *blobs,
                                 const char         *sha256,
                                 GCancellable       *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Download *download = g_new0 (Download, 1);
  g_autofree char *path = NULL;

  download->fd = -1;
  download->blobs = g_object_ref (blobs);
  download->sha256 = g_strdup (sha256);
  download->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_task_set_task_data (task, download, (GDestroyNotify) download_free);

  if (!ir_sha256_is_valid (sha256))
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_HASH,
                               _("Invalid file hash “%s”: expected 64 lower-case hex digits."),
                               sha256);
      g_object_unref (task);
      return;
    }

  path = g_strdup_printf ("/rooms/%s/blobs/%s", room, sha256);
  download->msg = ir_sync_api_new_message (self, "GET", path);
  soup_session_send_async (ir_sync_api_get_session (self), download->msg, G_PRIORITY_LOW,
                           cancellable, download_sent_cb, task);
}

gboolean
ir_sync_api_download_blob_finish (IrSyncApi     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
