/* ir-blob-store.c: content-addressed file store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A blob is stored once under its SHA-256: <dir>/<first two hex digits>/
 * <hash>. Writes go to a temporary file in the same folder and are renamed
 * into place only after the hash is checked, so a reader never sees a
 * partial blob.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>
#include <string.h>

#include "ir-blob-store.h"

struct _IrBlobStore
{
  GObject  parent_instance;
  char    *directory;
};

G_DEFINE_TYPE (IrBlobStore, ir_blob_store, G_TYPE_OBJECT)

static void
ir_blob_store_finalize (GObject *object)
{
  g_free (IR_BLOB_STORE (object)->directory);
  G_OBJECT_CLASS (ir_blob_store_parent_class)->finalize (object);
}

static void
ir_blob_store_class_init (IrBlobStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ir_blob_store_finalize;
}

static void
ir_blob_store_init (IrBlobStore *self)
{
}

IrBlobStore *
ir_blob_store_new (const char *directory)
{
  IrBlobStore *self = g_object_new (IR_TYPE_BLOB_STORE, NULL);

  self->directory = g_strdup (directory);
  return self;
}

const char *
ir_blob_store_get_directory (IrBlobStore *self)
{
  return self->directory;
}

/* Only 64 lower-case hex digits name a blob, so that a hash can never carry
 * path characters. */
gboolean
ir_sha256_is_valid (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;

  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;

  return TRUE;
}

char *
ir_blob_store_get_path (IrBlobStore *self,
                        const char  *sha256)
{
  char prefix[3] = { sha256[0], sha256[1], '\0' };

  g_return_val_if_fail (ir_sha256_is_valid (sha256), NULL);

  return g_build_filename (self->directory, prefix, sha256, NULL);
}

gboolean
ir_blob_store_contains (IrBlobStore *self,
                        const char  *sha256)
{
  g_autofree char *path = NULL;

  if (!ir_sha256_is_valid (sha256))
    return FALSE;

  path = ir_blob_store_get_path (self, sha256);
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * ir_blob_store_add_stream:
 * @expected_sha256: (nullable): the hash the content must have
 * @max_size: the largest accepted size in bytes, or 0 for no limit
 *
 * Copies @stream into the store, checking its size and hash on the way.
 *
 * Returns: (transfer full): the SHA-256 of the content, or %NULL
 */
char *
ir_blob_store_add_stream (IrBlobStore   *self,
                          GInputStream  *stream,
                          const char    *expected_sha256,
                          gint64         max_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *tmp_path = NULL;
  g_autofree char *final_path = NULL;
  g_autofree char *sha256 = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autofree guint8 *buffer = g_malloc (64 * 1024);
  gint64 total = 0;
  int fd;

  if (expected_sha256 != NULL && !ir_sha256_is_valid (expected_sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Invalid file hash “%s”: expected 64 lower-case hex digits."),
                   expected_sha256);
      return NULL;
    }

  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Failed to create the file store folder “%s”: %s"),
                   self->directory, g_strerror (errno));
      return NULL;
    }

  tmp_path = g_build_filename (self->directory, ".incoming-XXXXXX", NULL);
  fd = g_mkstemp (tmp_path);
  if (fd < 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Failed to write into the file store “%s”: %s"),
                   self->directory, g_strerror (errno));
      return NULL;
    }
  close (fd);

  tmp_file = g_file_new_for_path (tmp_path);
  out = g_file_replace (tmp_file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out == NULL)
    goto failed;

  for (;;)
    {
      gssize n = g_input_stream_read (stream, buffer, 64 * 1024, cancellable, error);

      if (n < 0)
        goto failed;
      if (n == 0)
        break;

      total += n;
      if (max_size > 0 && total > max_size)
        {
          g_autofree char *limit = g_format_size_full (max_size, G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("The file is larger than the limit of %s. Split it or reduce it "
                         "and try again."), limit);
          goto failed;
        }

      g_checksum_update (checksum, buffer, n);
      if (!g_output_stream_write_all (G_OUTPUT_STREAM (out), buffer, n, NULL, cancellable, error))
        goto failed;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error))
    goto failed;

  sha256 = g_strdup (g_checksum_get_string (checksum));
  if (expected_sha256 != NULL && !g_str_equal (sha256, expected_sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The file's content does not match its hash: expected %s, got %s. "
                     "Upload it again."), expected_sha256, sha256);
      goto failed;
    }

  final_path = ir_blob_store_get_path (self, sha256);
  {
    g_autofree char *dir = g_path_get_dirname (final_path);

    g_mkdir_with_parents (dir, 0700);
  }

  if (g_rename (tmp_path, final_path) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("Failed to store the file as “%s”: %s"), final_path, g_strerror (errno));
      goto failed;
    }

  return g_steal_pointer (&sha256);

failed:
  g_unlink (tmp_path);
  return NULL;
}

char *
ir_blob_store_add_bytes (IrBlobStore  *self,
                         GBytes       *bytes,
                         GError      **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);

  return ir_blob_store_add_stream (self, stream, NULL, 0, NULL, error);
}

char *
ir_blob_store_add_file (IrBlobStore  *self,
                        GFile        *file,
                        gint64        max_size,
                        GError      **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);

  if (stream == NULL)
    return NULL;

  return ir_blob_store_add_stream (self, G_INPUT_STREAM (stream), NULL, max_size, NULL, error);
}

GBytes *
ir_blob_store_load (IrBlobStore  *self,
                    const char   *sha256,
                    GError      **error)
{
  g_autofree char *path = NULL;
  char *contents = NULL;
  gsize length = 0;

  if (!ir_sha256_is_valid (sha256))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Invalid file hash “%s”: expected 64 lower-case hex digits."), sha256);
      return NULL;
    }

  path = ir_blob_store_get_path (self, sha256);
  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}
