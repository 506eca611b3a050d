/* ir-server-blobs.c: uploading and serving blobs
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An upload is checked as soon as its headers are in (token, membership,
 * hash, size). Its body is then written chunk by chunk to a temporary file
 * in the blob folder while it is hashed, and the file is renamed into place
 * only when the hash matches. A download is a memory-mapped file, so neither direction keeps a
 * whole file on the heap.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>

#include "ir-server-private.h"

#define UPLOAD "ir-blob-upload"

typedef struct
{
  char      *sha256;
  char      *tmp_path;
  int        fd;
  GChecksum *checksum;
  gint64     total;
  gboolean   exists;      /* the server had it already: discard the body */
  gboolean   too_large;
  int        write_errno;
} Upload;

static void
upload_free (Upload *upload)
{
  if (upload->fd >= 0)
    close (upload->fd);
  if (upload->tmp_path != NULL)
    g_unlink (upload->tmp_path);

  g_free (upload->sha256);
  g_free (upload->tmp_path);
  g_checksum_free (upload->checksum);
  g_free (upload);
}

static void
upload_chunk_cb (SoupServerMessage *msg,
                 GBytes            *chunk,
                 gpointer           user_data)
{
  Upload *upload = g_object_get_data (G_OBJECT (msg), UPLOAD);
  gsize size;
  const guint8 *data = g_bytes_get_data (chunk, &size);

  if (upload == NULL || upload->exists || upload->too_large || upload->write_errno != 0)
    return;

  upload->total += size;
  if (upload->total > IR_SYNC_MAX_BLOB_SIZE)
    {
      upload->too_large = TRUE;
      return;
    }

  g_checksum_update (upload->checksum, data, size);
  while (size > 0)
    {
      gssize n = write (upload->fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          upload->write_errno = errno ? errno : EIO;
          return;
        }
      data += n;
      size -= n;
    }
}

static void
refuse_too_large (SoupServerMessage *msg)
{
  g_autoptr(JsonObject) extra = json_object_new ();

  json_object_set_int_member (extra, "limit", IR_SYNC_MAX_BLOB_SIZE);
  ir_server_reply_error (msg, IR_SYNC_ERROR_TOO_LARGE, g_steal_pointer (&extra),
                         _("The file is larger than the limit of %d MB."),
                         (int) (IR_SYNC_MAX_BLOB_SIZE / (1024 * 1024)));
}

/**
 * ir_server_blob_early:
 * @segments: the whole path, split
 *
 * Checks an upload from its headers and prepares to write its body.
 */
void
ir_server_blob_early (IrServer          *self,
                      SoupServerMessage *msg,
                      char             **segments)
{
  g_autofree char *user = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(IrMembership) membership = NULL;
  g_autofree char *dir = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  Upload *upload;

  soup_message_body_set_accumulate (soup_server_message_get_request_body (msg), FALSE);

  user = ir_server_authenticate (self, msg);
  if (user == NULL || ir_server_lookup_room (self, msg, segments[3], user, &membership) == NULL)
    return;

  if (g_str_equal (membership->role, "observer"))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_FORBIDDEN, NULL,
                             _("Observers cannot upload files."));
      return;
    }

  sha256 = g_strjoinv ("/", segments + 5);
  if (!ir_sha256_is_valid (sha256))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_HASH, NULL,
                             _("Invalid file hash “%s”: expected 64 lower-case hex digits."),
                             sha256);
      return;
    }

  if (soup_message_headers_get_content_length (headers) > IR_SYNC_MAX_BLOB_SIZE)
    {
      refuse_too_large (msg);
      return;
    }

  upload = g_new0 (Upload, 1);
  upload->fd = -1;
  upload->sha256 = g_strdup (sha256);
  upload->checksum = g_checksum_new (G_CHECKSUM_SHA256);
  upload->exists = ir_blob_store_contains (self->blobs, sha256);
  g_object_set_data_full (G_OBJECT (msg), UPLOAD, upload, (GDestroyNotify) upload_free);
  g_signal_connect (msg, "got-chunk", G_CALLBACK (upload_chunk_cb), NULL);

  if (upload->exists)
    return;

  dir = g_strdup (ir_blob_store_get_directory (self->blobs));
  g_mkdir_with_parents (dir, 0700);
  upload->tmp_path = g_build_filename (dir, ".upload-XXXXXX", NULL);
  upload->fd = g_mkstemp (upload->tmp_path);
  if (upload->fd < 0)
    {
      g_warning ("Failed to create a file in “%s”: %s", dir, g_strerror (errno));
      g_clear_pointer (&upload->tmp_path, g_free);
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to store the file. Try again later."));
    }
}

static void
finish_upload (IrServer          *self,
               SoupServerMessage *msg,
               IrServerRoom      *room)
{
  Upload *upload = g_object_get_data (G_OBJECT (msg), UPLOAD);
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *dir = NULL;
  const char *sha256;

  if (upload == NULL)
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server lost track of the upload. Try again."));
      return;
    }

  if (upload->too_large)
    {
      refuse_too_large (msg);
      return;
    }

  if (!upload->exists)
    {
      if (upload->write_errno != 0 || close (upload->fd) != 0)
        {
          g_warning ("Failed to write the upload of %s: %s", upload->sha256,
                     g_strerror (upload->write_errno ? upload->write_errno : errno));
          upload->fd = -1;
          ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                                 _("The server failed to store the file. Try again later."));
          return;
        }
      upload->fd = -1;

      sha256 = g_checksum_get_string (upload->checksum);
      if (!g_str_equal (sha256, upload->sha256))
        {
          ir_server_reply_error (msg, IR_SYNC_ERROR_HASH_MISMATCH, NULL,
                                 _("The uploaded content has the hash %s, not %s. Upload the "
                                   "file again."), sha256, upload->sha256);
          return;
        }

      final_path = ir_blob_store_get_path (self->blobs, upload->sha256);
      dir = g_path_get_dirname (final_path);
      g_mkdir_with_parents (dir, 0700);
      if (g_rename (upload->tmp_path, final_path) != 0)
        {
          g_warning ("Failed to store “%s”: %s", final_path, g_strerror (errno));
          ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                                 _("The server failed to store the file. Try again later."));
          return;
        }
      g_clear_pointer (&upload->tmp_path, g_free);
      g_debug ("Stored blob %s (%" G_GINT64_FORMAT " bytes) for room %s",
               upload->sha256, upload->total, room->id);
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, upload->sha256);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, upload->total);
  json_builder_end_object (builder);
  ir_server_reply_json (msg, upload->exists ? SOUP_STATUS_OK : SOUP_STATUS_CREATED, builder);
}

static void
serve_blob (IrServer          *self,
            SoupServerMessage *msg,
            IrServerRoom      *room,
            const char        *sha256)
{
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  if (!ir_server_db_has_blob_ref (self->db, room->id, sha256) ||
      !ir_blob_store_contains (self->blobs, sha256))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_NOT_FOUND, NULL,
                             _("Room %s has no file %s."), room->id, sha256);
      return;
    }

  path = ir_blob_store_get_path (self->blobs, sha256);
  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    {
      g_warning ("Failed to read blob “%s”", path);
      ir_server_reply_error (msg, IR_SYNC_ERROR_INTERNAL, NULL,
                             _("The server failed to read the file. Try again later."));
      return;
    }

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_content_type (headers, "application/octet-stream", NULL);
  soup_message_headers_replace (headers, "Cache-Control", "private, max-age=31536000, immutable");
  if (g_str_equal (soup_server_message_get_method (msg), "HEAD"))
    {
      soup_message_headers_set_content_length (headers, g_mapped_file_get_length (file));
      return;
    }

  bytes = g_mapped_file_get_bytes (file);
  soup_message_body_append_bytes (soup_server_message_get_response_body (msg), bytes);
}

void
ir_server_handle_blob (IrServer          *self,
                       SoupServerMessage *msg,
                       IrServerRoom      *room,
                       IrMembership      *membership,
                       const char        *sha256)
{
  const char *method = soup_server_message_get_method (msg);

  if (!ir_sha256_is_valid (sha256))
    {
      ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_HASH, NULL,
                             _("Invalid file hash “%s”: expected 64 lower-case hex digits."),
                             sha256);
      return;
    }

  if (g_str_equal (method, "PUT"))
    finish_upload (self, msg, room);
  else if (g_str_equal (method, "GET") || g_str_equal (method, "HEAD"))
    serve_blob (self, msg, room, sha256);
  else
    ir_server_reply_error (msg, IR_SYNC_ERROR_INVALID_REQUEST, NULL,
                           _("%s is not allowed on a file."), method);
}
