/* ir-seal-key.c: this device's Ed25519 key, and recording confirmations
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each device keeps one key pair in a file only its user can read. A room
 * trusts a key once a device_key entity registers its public half for a
 * member, and only the server writes device keys. A room without a server
 * acts as its own, so it registers the key itself. In a room with a server
 * the sync client sends ir_device_key_get_public_key() to the server, which
 * registers it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sodium.h>
#include <string.h>
#include <sys/stat.h>

#include "ir-seal.h"

#define SEED_LINE_PREFIX "ed25519-seed "
#define SEAL_PREFIX "ed25519:"

struct _IrDeviceKey
{
  unsigned char public_key[crypto_sign_PUBLICKEYBYTES];
  unsigned char secret_key[crypto_sign_SECRETKEYBYTES];
  char          public_hex[2 * crypto_sign_PUBLICKEYBYTES + 1];
};

/* --- helpers -------------------------------------------------------------- */

static gboolean
ensure_sodium (GError **error)
{
  if (sodium_init () < 0)
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_KEY,
                   _("The cryptography library libsodium could not be initialised."));
      return FALSE;
    }

  return TRUE;
}

static IrDeviceKey *
key_from_seed (const unsigned char seed[crypto_sign_SEEDBYTES])
{
  IrDeviceKey *key = g_new0 (IrDeviceKey, 1);

  crypto_sign_seed_keypair (key->public_key, key->secret_key, seed);
  sodium_bin2hex (key->public_hex, sizeof key->public_hex,
                  key->public_key, sizeof key->public_key);

  return key;
}

static gboolean
write_new_seed (const char     *path,
                unsigned char   seed[crypto_sign_SEEDBYTES],
                GError        **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *encoded = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_KEY,
                   _("Could not create the folder “%s” for this device’s key: %s."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  randombytes_buf (seed, crypto_sign_SEEDBYTES);
  encoded = g_base64_encode (seed, crypto_sign_SEEDBYTES);
  text = g_strconcat ("# Iron Room device key: it seals customer confirmations. Keep it private.\n",
                      SEED_LINE_PREFIX, encoded, "\n", NULL);

  if (!g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600,
                                 &local_error))
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_KEY,
                   _("Could not write this device’s key to “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }

  sodium_memzero (text, strlen (text));
  return TRUE;
}

static gboolean
read_seed (const char     *path,
           const char     *text,
           unsigned char   seed[crypto_sign_SEEDBYTES],
           GError        **error)
{
  const char *line = strstr (text, SEED_LINE_PREFIX);
  g_autofree char *encoded = NULL;
  g_autofree guchar *decoded = NULL;
  gsize length = 0;

  if (line != NULL)
    {
      encoded = g_strndup (line + strlen (SEED_LINE_PREFIX),
                           strcspn (line + strlen (SEED_LINE_PREFIX), "\r\n"));
      decoded = g_base64_decode (encoded, &length);
    }

  if (decoded == NULL || length != crypto_sign_SEEDBYTES)
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_KEY,
                   _("The device key file “%s” is damaged: it has no valid “%s” line. "
                     "Move it away to make a new key; confirmations it sealed stay "
                     "valid while its registration lasts."),
                   path, "ed25519-seed");
      return FALSE;
    }

  memcpy (seed, decoded, crypto_sign_SEEDBYTES);
  sodium_memzero (decoded, length);
  return TRUE;
}

/* --- device key ----------------------------------------------------------- */

/* Returns where this user's device key lives: in the app's data folder. */
char *
ir_device_key_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "ironroom", "device-key", NULL);
}

/**
 * ir_device_key_load:
 * @path: the key file, see ir_device_key_default_path()
 *
 * Reads this device's key pair, or makes one and writes it with mode 0600
 * when @path does not exist. A key file that others can read is made
 * private again, and a message is logged.
 *
 * Returns: (transfer full): the key, or %NULL with @error set
 */
IrDeviceKey *
ir_device_key_load (const char  *path,
                    GError     **error)
{
  unsigned char seed[crypto_sign_SEEDBYTES];
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;
  IrDeviceKey *key;
  GStatBuf info;

  g_return_val_if_fail (path != NULL, NULL);

  if (!ensure_sodium (error))
    return NULL;

  if (!g_file_get_contents (path, &text, NULL, &local_error))
    {
      if (!g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        {
          g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_KEY,
                       _("Could not read this device’s key from “%s”: %s"),
                       path, local_error->message);
          return NULL;
        }

      if (!write_new_seed (path, seed, error))
        return NULL;

      g_debug ("Made a new device key in %s", path);
    }
  else
    {
      if (g_stat (path, &info) == 0 && (info.st_mode & 077) != 0)
        {
          /* Nothing failed, so this is a message rather than a warning. */
          if (g_chmod (path, 0600) == 0)
            g_message ("The device key %s was readable by others; made it private", path);
          else
            g_warning ("Failed to make the device key %s private: %s", path,
                       g_strerror (errno));
        }

      if (!read_seed (path, text, seed, error))
        {
          sodium_memzero (text, strlen (text));
          return NULL;
        }
      sodium_memzero (text, strlen (text));
    }

  key = key_from_seed (seed);
  sodium_memzero (seed, sizeof seed);

  return key;
}

void
ir_device_key_free (IrDeviceKey *key)
{
  if (key == NULL)
    return;

  sodium_memzero (key, sizeof *key);
  g_free (key);
}

/* Returns the public key as 64 lower-case hex digits, as the device_key
 * entity stores it. */
const char *
ir_device_key_get_public_key (IrDeviceKey *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  return key->public_hex;
}

/**
 * ir_device_key_sign:
 *
 * Signs @message with the device's secret key.
 *
 * Returns: (transfer full): "ed25519:" and the base64 signature
 */
char *
ir_device_key_sign (IrDeviceKey *key,
                    const char  *message)
{
  unsigned char signature[crypto_sign_BYTES];
  g_autofree char *encoded = NULL;

  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  crypto_sign_detached (signature, NULL, (const unsigned char *) message, strlen (message),
                        key->secret_key);
  encoded = g_base64_encode (signature, sizeof signature);

  return g_strconcat (SEAL_PREFIX, encoded, NULL);
}

/**
 * ir_seal_verify_signature:
 * @public_key: 64 hex digits
 * @message: what was signed
 * @seal: "ed25519:" and the base64 signature
 *
 * Returns: whether @seal is a valid signature of @message by @public_key;
 *   %FALSE for any malformed input
 */
gboolean
ir_seal_verify_signature (const char *public_key,
                          const char *message,
                          const char *seal)
{
  unsigned char key[crypto_sign_PUBLICKEYBYTES];
  g_autofree guchar *signature = NULL;
  gsize key_length = 0, signature_length = 0;

  if (public_key == NULL || message == NULL || seal == NULL ||
      !g_str_has_prefix (seal, SEAL_PREFIX) || sodium_init () < 0)
    return FALSE;

  if (strlen (public_key) != 2 * sizeof key ||
      sodium_hex2bin (key, sizeof key, public_key, strlen (public_key), NULL,
                      &key_length, NULL) != 0 ||
      key_length != sizeof key)
    return FALSE;

  signature = g_base64_decode (seal + strlen (SEAL_PREFIX), &signature_length);
  if (signature == NULL || signature_length != crypto_sign_BYTES)
    return FALSE;

  return crypto_sign_verify_detached (signature, (const unsigned char *) message,
                                      strlen (message), key) == 0;
}

/* --- registration --------------------------------------------------------- */

static IrEntity *
find_own_member (IrStore *store)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  const char *actor = ir_store_get_actor (store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), actor) == 0)
        return g_steal_pointer (&member);
    }

  return NULL;
}

/**
 * ir_device_key_find_registration:
 *
 * Looks for the device_key entity that registers @key for the store's
 * actor and is still in force.
 *
 * Returns: (transfer full) (nullable): its id, or %NULL
 */
char *
ir_device_key_find_registration (IrStore     *store,
                                 IrDeviceKey *key)
{
  g_autoptr(IrEntity) member = NULL;
  g_autoptr(IrEntityList) keys = NULL;
  gint64 now = g_get_real_time ();
  guint n;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  member = find_own_member (store);
  if (member == NULL)
    return NULL;

  keys = ir_store_list_children (store, "device_key", "member", ir_entity_get_id (member));
  n = g_list_model_get_n_items (G_LIST_MODEL (keys));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) entity = g_list_model_get_item (G_LIST_MODEL (keys), i);
      gint64 until = ir_entity_get_int (entity, "valid_until");

      if (g_strcmp0 (ir_entity_get_string (entity, "public_key"), key->public_hex) == 0 &&
          !ir_entity_get_boolean (entity, "revoked") && (until == 0 || until > now))
        return g_strdup (ir_entity_get_id (entity));
    }

  return NULL;
}

/**
 * ir_device_key_register:
 * @tx: the transaction to add the registration to
 *
 * Registers @key for the store's actor in a room that has no server, where
 * this replica writes what a server would.
 *
 * Returns: (transfer full): the id of the new device_key entity, or %NULL
 *   with @error set
 */
char *
ir_device_key_register (IrStore      *store,
                        IrDeviceKey  *key,
                        IrTx         *tx,
                        GError      **error)
{
  g_autoptr(IrEntity) member = NULL;
  char *eid;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (tx != NULL, NULL);

  if (!(ir_store_get_roles (store) & IR_ROLE_SERVER))
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_NOT_REGISTERED,
                   _("This device’s key is not registered in the room yet, and in a room "
                     "shared through a server only the server registers keys. Connect to "
                     "the server so that it registers this device, then record the "
                     "confirmation again."));
      return NULL;
    }

  member = find_own_member (store);
  if (member == NULL)
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_NOT_REGISTERED,
                   _("“%s” is not a member of this room, so a confirmation cannot be "
                     "recorded under that name. Ask the room’s owner to add you."),
                   ir_store_get_actor (store));
      return NULL;
    }

  eid = ir_tx_create (tx, "device_key");
  ir_tx_set_string (tx, "device_key", eid, "member", ir_entity_get_id (member));
  ir_tx_set_string (tx, "device_key", eid, "public_key", key->public_hex);
  ir_tx_set_int (tx, "device_key", eid, "valid_from", g_get_real_time ());

  return eid;
}

/* --- recording ------------------------------------------------------------ */

static void
set_optional (IrTx       *tx,
              const char *eid,
              const char *field,
              const char *value)
{
  if (value != NULL)
    ir_tx_set_string (tx, "confirmation", eid, field, value);
}

/* Gives the milestone what the customer confirmed, so that the new seal
 * starts valid. */
static void
update_task (IrStore             *store,
             IrTx                *tx,
             const IrSealContent *content)
{
  g_autoptr(IrEntity) task = ir_store_get_entity (store, "task", content->task);

  if (g_strcmp0 (ir_entity_get_string (task, "committed"), content->committed) != 0)
    ir_tx_set_string (tx, "task", content->task, "committed", content->committed);

  if (g_strcmp0 (ir_entity_get_string (task, "deliverable"), content->deliverable) != 0)
    {
      if (content->deliverable != NULL)
        ir_tx_set_string (tx, "task", content->task, "deliverable", content->deliverable);
      else
        ir_tx_set_null (tx, "task", content->task, "deliverable");
    }

  if (!ir_entity_get_boolean (task, "key_milestone"))
    ir_tx_set_boolean (tx, "task", content->task, "key_milestone", TRUE);
}

/* Empty texts are left out of the record, so they are left out of what is
 * signed too. */
static void
clear_if_empty (char **text)
{
  if (*text != NULL && g_strstrip (*text)[0] == '\0')
    g_clear_pointer (text, g_free);
}

static gboolean
validate_content (IrStore        *store,
                  IrSealContent  *content,
                  GError        **error)
{
  g_autoptr(IrEntity) task = NULL;
  int year, month, day;

  if (content->task != NULL)
    task = ir_store_get_entity (store, "task", content->task);
  if (task == NULL || !ir_entity_is_visible (task))
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_INVALID,
                   _("The milestone “%s” is not in this room; choose a milestone of the "
                     "plan."), content->task ? content->task : "");
      return FALSE;
    }

  if (content->signer_name == NULL)
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_INVALID,
                   _("The signer’s name is missing; enter the name of the customer who "
                     "confirmed the milestone."));
      return FALSE;
    }

  if (content->committed == NULL ||
      sscanf (content->committed, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    {
      g_set_error (error, IR_SEAL_ERROR, IR_SEAL_ERROR_INVALID,
                   _("The committed date “%s” is not a date; enter it as YYYY-MM-DD."),
                   content->committed ? content->committed : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * ir_seal_record:
 * @content: what the customer confirmed; its room, recorder and device key
 *   are filled in here
 *
 * Records a customer confirmation sealed with @key, in one transaction.
 * The milestone takes the confirmed committed date and deliverable, and
 * becomes a key milestone, in the same transaction. In a room without a
 * server the key is registered there too when it is not yet.
 *
 * Returns: (transfer full): the id of the confirmation, or %NULL with
 *   @error set
 */
char *
ir_seal_record (IrStore        *store,
                IrDeviceKey    *key,
                IrSealContent  *content,
                GError        **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *canonical = NULL;
  g_autofree char *seal = NULL;
  g_autofree char *eid = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (content != NULL, NULL);

  clear_if_empty (&content->signer_name);
  clear_if_empty (&content->signer_company);
  clear_if_empty (&content->signer_title);
  clear_if_empty (&content->milestone_title);
  clear_if_empty (&content->deliverable);
  clear_if_empty (&content->signature_blob);
  clear_if_empty (&content->scan_blob);

  if (!validate_content (store, content, error))
    return NULL;

  tx = ir_store_begin (store);

  g_free (content->device_key);
  content->device_key = ir_device_key_find_registration (store, key);
  if (content->device_key == NULL)
    {
      content->device_key = ir_device_key_register (store, key, tx, error);
      if (content->device_key == NULL)
        return NULL;
    }

  g_free (content->room);
  content->room = g_strdup (ir_store_get_room_id (store));
  g_free (content->recorded_by);
  content->recorded_by = g_strdup (ir_store_get_actor (store));
  if (content->signed_at == 0)
    content->signed_at = g_get_real_time ();

  canonical = ir_seal_content_to_canonical (content);
  seal = ir_device_key_sign (key, canonical);

  eid = ir_tx_create (tx, "confirmation");
  ir_tx_set_string (tx, "confirmation", eid, "task", content->task);
  ir_tx_set_string (tx, "confirmation", eid, "signer_name", content->signer_name);
  set_optional (tx, eid, "signer_company", content->signer_company);
  set_optional (tx, eid, "signer_title", content->signer_title);
  ir_tx_set_int (tx, "confirmation", eid, "signed_at", content->signed_at);
  set_optional (tx, eid, "milestone_title", content->milestone_title);
  set_optional (tx, eid, "deliverable", content->deliverable);
  ir_tx_set_string (tx, "confirmation", eid, "committed", content->committed);
  set_optional (tx, eid, "signature_blob", content->signature_blob);
  set_optional (tx, eid, "scan_blob", content->scan_blob);
  ir_tx_set_string (tx, "confirmation", eid, "recorded_by", content->recorded_by);
  ir_tx_set_string (tx, "confirmation", eid, "device_key", content->device_key);
  ir_tx_set_string (tx, "confirmation", eid, "seal", seal);
  update_task (store, tx, content);

  if (!ir_store_commit (store, tx, error))
    return NULL;

  g_debug ("Recorded confirmation %s of task %s", eid, content->task);

  return g_steal_pointer (&eid);
}
