/* ir-seal.h: sealed customer confirmations of key milestones
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A confirmation records that a customer agreed to a milestone's committed
 * date and deliverable. The recording member's device signs the record's
 * canonical JSON with Ed25519, so that a record changed afterwards, by hand
 * or by a crafted operation, no longer verifies. Editing a sealed field of
 * the task (IR_FIELD_SEALED in the schema) after the confirmation voids it;
 * a forecast that slips does not.
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_SEAL_ERROR (ir_seal_error_quark ())

typedef enum
{
  IR_SEAL_ERROR_FAILED,
  IR_SEAL_ERROR_KEY,             /* the device key file could not be read or written */
  IR_SEAL_ERROR_NOT_REGISTERED,  /* the room has no registration of this device's key */
  IR_SEAL_ERROR_INVALID,         /* a required part of the confirmation is missing */
} IrSealError;

typedef enum
{
  IR_SEAL_VALID,          /* verifies, and the milestone still has the sealed values */
  IR_SEAL_VOID,           /* verifies, but a sealed field of the milestone changed since */
  IR_SEAL_TAMPERED,       /* the stored record does not match its seal */
  IR_SEAL_UNTRUSTED_KEY,  /* the sealing key is missing, revoked or not the recorder's */
  IR_SEAL_UNSEALED,       /* the record carries no seal */
} IrSealState;

/* What one confirmation seals. Strings may be %NULL; signed_at is in
 * microseconds since the Unix epoch, UTC; committed is "YYYY-MM-DD"; the
 * blobs are SHA-256 hex digests of the evidence. */
typedef struct
{
  char   *room;
  char   *task;
  char   *signer_name;
  char   *signer_company;
  char   *signer_title;
  gint64  signed_at;
  char   *milestone_title;
  char   *deliverable;
  char   *committed;
  char   *signature_blob;
  char   *scan_blob;
  char   *recorded_by;
  char   *device_key;
} IrSealContent;

/* A sealed field of the milestone whose value differs from the sealed one. */
typedef struct
{
  char *field;
  char *sealed;
  char *current;
} IrSealChange;

/* The result of checking one confirmation. */
typedef struct
{
  char        *confirmation;
  char        *task;
  IrSealState  state;
  GPtrArray   *changes;          /* IrSealChange, for IR_SEAL_VOID */
  char        *problem;          /* why, for TAMPERED, UNTRUSTED_KEY and UNSEALED */
  char        *signer_name;
  char        *signer_company;
  char        *recorded_by;      /* user name of the recording member */
  char        *committed;
  gint64       signed_at;
  gboolean     countersigned;    /* the server added its seal */
  gint64       server_received;  /* microseconds UTC, 0 when unknown */
} IrSealStatus;

/* The printable sign-off sheet of one milestone. Strings may be %NULL. */
typedef struct
{
  const char *room_name;
  const char *customer;
  const char *milestone_title;
  const char *deliverable;
  const char *committed;         /* "YYYY-MM-DD" */
  const char *forecast;          /* "YYYY-MM-DD", the schedule's date */
  const char *prepared_by;       /* display name of the member who prints it */
  const char *reference;         /* the task id, printed so a scan can be matched */
} IrSealSheet;

GQuark         ir_seal_error_quark          (void);

void           ir_seal_content_clear        (IrSealContent      *content);
gboolean       ir_seal_content_from_entity  (IrSealContent      *content,
                                             IrStore            *store,
                                             IrEntity           *confirmation);
char          *ir_seal_content_to_canonical (const IrSealContent *content);

void           ir_seal_status_free          (IrSealStatus       *status);
IrSealStatus  *ir_seal_check                (IrStore            *store,
                                             IrEntity           *confirmation);
IrSealStatus  *ir_seal_check_task           (IrStore            *store,
                                             const char         *task);
GPtrArray     *ir_seal_check_room           (IrStore            *store);
char          *ir_seal_change_describe      (const IrSealChange *change);
const char    *ir_seal_state_to_string      (IrSealState         state);

/* Device keys and recording (ir-seal-key.c). */
typedef struct _IrDeviceKey IrDeviceKey;

char          *ir_device_key_default_path   (void);
IrDeviceKey   *ir_device_key_load           (const char         *path,
                                             GError            **error);
void           ir_device_key_free           (IrDeviceKey        *key);
const char    *ir_device_key_get_public_key (IrDeviceKey        *key);
char          *ir_device_key_sign           (IrDeviceKey        *key,
                                             const char         *message);
gboolean       ir_seal_verify_signature     (const char         *public_key,
                                             const char         *message,
                                             const char         *seal);
char          *ir_device_key_find_registration (IrStore         *store,
                                             IrDeviceKey        *key);
char          *ir_device_key_register       (IrStore            *store,
                                             IrDeviceKey        *key,
                                             IrTx               *tx,
                                             GError            **error);
char          *ir_seal_record               (IrStore            *store,
                                             IrDeviceKey        *key,
                                             IrSealContent      *content,
                                             GError            **error);

/* The sign-off sheet (ir-seal-sheet.c). */
gboolean       ir_seal_write_sheet          (const IrSealSheet  *sheet,
                                             const char         *path,
                                             GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrSealStatus, ir_seal_status_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrDeviceKey, ir_device_key_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IrSealContent, ir_seal_content_clear)

G_END_DECLS
