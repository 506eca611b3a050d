/* ir-sync-protocol.h: what the sync server and client share: limits, error
 * codes and the JSON encoding of ops
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * docs/sync-protocol.md describes the protocol in full.
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "ir-op.h"
#include "ir-schema.h"

G_BEGIN_DECLS

#define IR_SYNC_API_PREFIX "/api/v1"
#define IR_SYNC_API_VERSION 1

/* A client's clock may run at most this far ahead of the server's. */
#define IR_SYNC_MAX_CLOCK_AHEAD_MS (5 * 60 * 1000)

#define IR_SYNC_MAX_JSON_BODY   (64 * 1024)
#define IR_SYNC_MAX_PUSH_BODY   (16 * 1024 * 1024)
#define IR_SYNC_MAX_BATCH_OPS   20000
#define IR_SYNC_MAX_BLOB_SIZE   (G_GINT64_CONSTANT (200) * 1024 * 1024)
#define IR_SYNC_MAX_PULL_OPS    5000

/* Socket frames: what the server sends stays under this size, and it reads
 * at most IR_SYNC_MAX_CLIENT_FRAME from a client. libsoup's default limit
 * for an incoming message is 128 KiB. */
#define IR_SYNC_MAX_SERVER_FRAME (32 * 1024)
#define IR_SYNC_MAX_FRAME_OPS    64
#define IR_SYNC_MAX_CLIENT_FRAME (4 * 1024)

#define IR_SYNC_ERROR (ir_sync_error_quark ())

/* Refusals of the server, one per "error" code of the protocol, and the
 * client's own failures. */
typedef enum
{
  IR_SYNC_ERROR_FAILED,
  IR_SYNC_ERROR_NETWORK,             /* no response: offline, refused, timed out */
  IR_SYNC_ERROR_INVALID_REQUEST,
  IR_SYNC_ERROR_INVALID_JSON,
  IR_SYNC_ERROR_INVALID_OP,
  IR_SYNC_ERROR_INVALID_HASH,
  IR_SYNC_ERROR_HASH_MISMATCH,
  IR_SYNC_ERROR_UNAUTHORIZED,
  IR_SYNC_ERROR_INVALID_CREDENTIALS,
  IR_SYNC_ERROR_INVALID_TOKEN,
  IR_SYNC_ERROR_TOKEN_EXPIRED,
  IR_SYNC_ERROR_TOKEN_REVOKED,
  IR_SYNC_ERROR_NOT_MEMBER,
  IR_SYNC_ERROR_FORBIDDEN,
  IR_SYNC_ERROR_FORBIDDEN_OP,
  IR_SYNC_ERROR_NOT_FOUND,
  IR_SYNC_ERROR_CLOCK_AHEAD,
  IR_SYNC_ERROR_CLIENT_ID_REUSED,
  IR_SYNC_ERROR_BLOB_MISSING,
  IR_SYNC_ERROR_CONFLICT,
  IR_SYNC_ERROR_TOO_LARGE,
  IR_SYNC_ERROR_BATCH_TOO_LARGE,
  IR_SYNC_ERROR_RATE_LIMITED,
  IR_SYNC_ERROR_INTERNAL,
  IR_SYNC_ERROR_NOT_IMPLEMENTED,
} IrSyncError;

GQuark       ir_sync_error_quark        (void);
const char  *ir_sync_error_to_code      (IrSyncError   error);
IrSyncError  ir_sync_error_from_code    (const char   *code);
guint        ir_sync_error_to_status    (IrSyncError   error);

void         ir_sync_append_json_string (GString      *out,
                                         const char   *text);
void         ir_sync_append_op          (GString      *out,
                                         const IrOp   *op);
void         ir_sync_append_ops         (GString      *out,
                                         GPtrArray    *ops);
JsonArray   *ir_sync_get_array          (JsonObject   *object,
                                         const char   *member);
const char  *ir_sync_get_string         (JsonObject   *object,
                                         const char   *member);
gint64       ir_sync_get_int            (JsonObject   *object,
                                         const char   *member,
                                         gint64        fallback);
gboolean     ir_sync_get_boolean        (JsonObject   *object,
                                         const char   *member,
                                         gboolean      fallback);
JsonNode    *ir_sync_json_parse         (const char   *text,
                                         gsize         length,
                                         GError      **error);
GPtrArray   *ir_sync_read_ops           (const char   *text,
                                         gsize         length,
                                         JsonObject  **rest,
                                         GError      **error);
GPtrArray   *ir_sync_parse_ops          (JsonArray    *array,
                                         GError      **error);

G_END_DECLS
