/* ir-position.c: fractional keys for ordered lists
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-position.h"

/* A key is a fraction written in the digits below, whose byte order is
 * their numeric order, compared bytewise. Each key made here ends in "." and
 * the first 8 characters of the client id, so two replicas that insert into
 * the same gap at once get different keys, and no key ends in the lowest
 * digit, so there is always room between two keys. */
static const char digits[] =
  ".0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
#define BASE 63

static int
digit_value (char c)
{
  const char *p = strchr (digits, c);

  return (p != NULL && c != '\0') ? (int) (p - digits) : -1;
}

gboolean
ir_position_is_valid (const char *key)
{
  if (key == NULL || *key == '\0' || strlen (key) > 200)
    return FALSE;

  for (const char *p = key; *p; p++)
    if (digit_value (*p) < 0)
      return FALSE;

  return TRUE;
}

/**
 * ir_position_between:
 * @before: (nullable): the key to sort after, or %NULL for the start
 * @after: (nullable): the key to sort before, or %NULL for the end
 * @client: the client id of the replica making the key
 *
 * Makes a key that sorts strictly between @before and @after.
 *
 * Returns: (transfer full): the new key
 */
char *
ir_position_between (const char *before,
                     const char *after,
                     const char *client)
{
  const char *low = before;
  g_autofree char *high = g_strdup (after);
  GString *key = g_string_new (NULL);
  gsize i = 0;

  /* Walk both keys digit by digit, treating a missing low digit as 0 and a
   * missing high digit as BASE, until there is a digit strictly between. */
  for (;;)
    {
      int lo = (low != NULL && i < strlen (low)) ? digit_value (low[i]) : 0;
      int hi = (high != NULL && i < strlen (high)) ? digit_value (high[i]) : BASE;

      if (hi - lo > 1)
        {
          g_string_append_c (key, digits[(lo + hi) / 2]);
          break;
        }

      g_string_append_c (key, digits[lo]);

      /* Once the prefix sorts below @high, the rest of @high stops limiting. */
      if (lo < hi)
        g_clear_pointer (&high, g_free);

      i++;
    }

  g_string_append_c (key, '.');
  g_string_append_len (key, client, MIN (strlen (client), 8));

  return g_string_free (key, FALSE);
}
