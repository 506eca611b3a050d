/* drawing-fixtures-encrypted.c: a password-protected PDF for the tests
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "drawing-fixtures.h"

/* Cairo cannot encrypt, and one fixture is no reason for another tool. So
 * this file writes the PDF standard security handler's revision 2 by hand
 * (40-bit RC4, PDF Reference 1.3, section 3.5). That is enough for a
 * reader to ask for the user password. */

static const guint8 password_padding[32] = {
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56,
  0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80,
  0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
};

static const guint8 document_id[16] = {
  0x49, 0x72, 0x6f, 0x6e, 0x52, 0x6f, 0x6f, 0x6d, 0x46, 0x69, 0x78, 0x74,
  0x75, 0x72, 0x65, 0x31,
};

/* Permissions: everything allowed, as a little-endian 32-bit -4. */
#define PERMISSIONS -4

static void
rc4 (const guint8 *key,
     gsize         key_length,
     guint8       *data,
     gsize         length)
{
  guint8 state[256];
  guint i, j = 0;

  for (i = 0; i < 256; i++)
    state[i] = i;
  for (i = 0; i < 256; i++)
    {
      guint8 swap;

      j = (j + state[i] + key[i % key_length]) & 0xff;
      swap = state[i];
      state[i] = state[j];
      state[j] = swap;
    }

  i = j = 0;
  for (gsize k = 0; k < length; k++)
    {
      guint8 swap;

      i = (i + 1) & 0xff;
      j = (j + state[i]) & 0xff;
      swap = state[i];
      state[i] = state[j];
      state[j] = swap;
      data[k] ^= state[(state[i] + state[j]) & 0xff];
    }
}

static void
md5 (const guint8 *data,
     gsize         length,
     guint8        digest[16])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_MD5);
  gsize digest_length = 16;

  g_checksum_update (checksum, data, length);
  g_checksum_get_digest (checksum, digest, &digest_length);
}

static void
pad_password (const char *password,
              guint8      padded[32])
{
  gsize length = MIN (strlen (password), 32);

  memcpy (padded, password, length);
  memcpy (padded + length, password_padding, 32 - length);
}

static GBytes *
text_bytes (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

static char *
to_hex (const guint8 *data,
        gsize         length)
{
  GString *hex = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02x", data[i]);

  return g_string_free (hex, FALSE);
}

/**
 * fixture_write_encrypted:
 * @directory: where to write
 * @password: the user password, needed to open the document
 *
 * Returns: the path of a one-page PDF that opens only with @password
 */
char *
fixture_write_encrypted (const char *directory,
                         const char *password)
{
  static const char content[] = "4 w 20 20 m 180 180 l S";
  guint8 user[32], owner[32], owner_key[16], owner_value[32], user_value[32];
  guint8 file_key[16], object_key[16], seed[32 + 32 + 4 + 16];
  guint8 object_seed[5 + 5];
  guint32 permissions = GUINT32_TO_LE ((guint32) PERMISSIONS);
  g_autofree guint8 *stream = (guint8 *) g_strdup (content);
  g_autofree char *o_hex = NULL;
  g_autofree char *u_hex = NULL;
  g_autofree char *id_hex = NULL;
  g_autofree char *encrypt = NULL;
  g_autofree char *stream_head = NULL;
  g_autofree char *trailer = NULL;
  GByteArray *stream_body = g_byte_array_new ();
  gsize length = strlen (content);
  char *path;
  GBytes *objects[5];

  /* The owner password is the user password reversed; any other would do. */
  g_autofree char *owner_password = g_utf8_strreverse (password, -1);

  pad_password (password, user);
  pad_password (owner_password, owner);

  md5 (owner, 32, owner_key);
  memcpy (owner_value, user, 32);
  rc4 (owner_key, 5, owner_value, 32);

  memcpy (seed, user, 32);
  memcpy (seed + 32, owner_value, 32);
  memcpy (seed + 64, &permissions, 4);
  memcpy (seed + 68, document_id, 16);
  md5 (seed, sizeof seed, file_key);

  memcpy (user_value, password_padding, 32);
  rc4 (file_key, 5, user_value, 32);

  /* Strings and streams are encrypted with a key per object: the content
   * stream is object 4, generation 0. */
  memcpy (object_seed, file_key, 5);
  object_seed[5] = 4;
  object_seed[6] = object_seed[7] = 0;
  object_seed[8] = object_seed[9] = 0;
  md5 (object_seed, sizeof object_seed, object_key);
  rc4 (object_key, 10, stream, length);

  o_hex = to_hex (owner_value, 32);
  u_hex = to_hex (user_value, 32);
  id_hex = to_hex (document_id, 16);
  encrypt = g_strdup_printf ("<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>",
                             o_hex, u_hex, PERMISSIONS);
  stream_head = g_strdup_printf ("<< /Length %" G_GSIZE_FORMAT " >>\nstream\n", length);
  g_byte_array_append (stream_body, (const guint8 *) stream_head, strlen (stream_head));
  g_byte_array_append (stream_body, stream, length);
  g_byte_array_append (stream_body, (const guint8 *) "\nendstream", 10);

  objects[0] = text_bytes ("<< /Type /Catalog /Pages 2 0 R >>");
  objects[1] = text_bytes ("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objects[2] = text_bytes ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] "
                           "/Contents 4 0 R >>");
  objects[3] = g_byte_array_free_to_bytes (stream_body);
  objects[4] = g_bytes_new (encrypt, strlen (encrypt));

  trailer = g_strdup_printf ("/Encrypt 5 0 R /ID [<%s> <%s>] ", id_hex, id_hex);
  path = fixture_write_objects (directory, "encrypted.pdf", objects, 5, trailer);

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_bytes_unref (objects[i]);

  return path;
}
