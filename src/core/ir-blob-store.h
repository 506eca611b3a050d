/* ir-blob-store.h: content-addressed file store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define IR_TYPE_BLOB_STORE (ir_blob_store_get_type ())

G_DECLARE_FINAL_TYPE (IrBlobStore, ir_blob_store, IR, BLOB_STORE, GObject)

IrBlobStore *ir_blob_store_new           (const char   *directory);
const char  *ir_blob_store_get_directory (IrBlobStore  *self);
char        *ir_blob_store_add_bytes     (IrBlobStore  *self,
                                          GBytes       *bytes,
                                          GError      **error);
char        *ir_blob_store_add_file      (IrBlobStore  *self,
                                          GFile        *file,
                                          gint64        max_size,
                                          GError      **error);
char        *ir_blob_store_add_stream    (IrBlobStore  *self,
                                          GInputStream *stream,
                                          const char   *expected_sha256,
                                          gint64        max_size,
                                          GCancellable *cancellable,
                                          GError      **error);
gboolean     ir_blob_store_contains      (IrBlobStore  *self,
                                          const char   *sha256);
char        *ir_blob_store_get_path      (IrBlobStore  *self,
                                          const char   *sha256);
GBytes      *ir_blob_store_load          (IrBlobStore  *self,
                                          const char   *sha256,
                                          GError      **error);
gboolean     ir_sha256_is_valid          (const char   *text);

G_END_DECLS
