/* ir-map-relations.c: concern tags and the team's relationship levels
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both are collections that members add to independently: a concern is one
 * entity per tag, and a relationship one entity per stakeholder and member
 * under an id derived from the two.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-map-model-private.h"
#include "ir-position.h"

static char *
dup_stripped (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  return g_strstrip (copy);
}

/* --- concerns ------------------------------------------------------------ */

/* Adds a concern tag at the end of the stakeholder's tags. Tags are one
 * entity each, so that two members adding tags at once both keep theirs. */
char *
ir_map_add_concern (IrStore     *store,
                    const char  *stakeholder,
                    const char  *tag,
                    GError     **error)
{
  g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, stakeholder, error);
  g_autoptr(IrEntityList) concerns = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *clean = dup_stripped (tag);
  g_autofree char *folded = NULL;
  g_autofree char *position = NULL;
  g_autofree char *eid = NULL;
  const char *last = NULL;
  guint n;

  if (person == NULL)
    return NULL;

  if (clean[0] == '\0')
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("A concern needs a few words, such as “delivery time” or “price”."));
      return NULL;
    }

  folded = g_utf8_casefold (clean, -1);
  concerns = ir_store_list_children (store, "concern", "stakeholder", stakeholder);
  ir_entity_list_set_sort (concerns, "position");
  n = g_list_model_get_n_items (G_LIST_MODEL (concerns));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) concern = g_list_model_get_item (G_LIST_MODEL (concerns), i);
      g_autofree char *other = g_utf8_casefold (ir_entity_get_string (concern, "tag") ?: "", -1);

      if (g_str_equal (other, folded))
        {
          g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_DUPLICATE,
                       _("%s already has the concern “%s”."),
                       ir_map_display_name (person), clean);
          return NULL;
        }
      last = ir_entity_get_string (concern, "position") ?: last;
    }

  position = ir_position_between (last, NULL, ir_store_get_client_id (store));
  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "concern");
  ir_tx_set_string (tx, "concern", eid, "stakeholder", stakeholder);
  ir_tx_set_string (tx, "concern", eid, "tag", clean);
  ir_tx_set_string (tx, "concern", eid, "position", position);

  if (!ir_store_commit (store, tx, error))
    return NULL;

  return g_steal_pointer (&eid);
}

/* --- relationship levels ------------------------------------------------- */

static int
role_order (IrEntity *member)
{
  static const char * const order[] = { "AR", "SR", "FR", NULL };
  const char *role = ir_entity_get_string (member, "role");

  for (int i = 0; order[i] != NULL; i++)
    if (g_strcmp0 (role, order[i]) == 0)
      return i;

  return -1;
}

static int
compare_trio (gconstpointer a,
              gconstpointer b)
{
  IrEntity *first = *(IrEntity **) a;
  IrEntity *second = *(IrEntity **) b;
  int order = role_order (first) - role_order (second);

  if (order != 0)
    return order;

  return g_strcmp0 (ir_entity_get_id (first), ir_entity_get_id (second));
}

/**
 * ir_map_list_trio:
 *
 * Lists the room's active AR, SR and FR members, in that order: the people
 * whose relationship with each stakeholder the map shows.
 *
 * Returns: (transfer full) (element-type IrEntity): the members
 */
GPtrArray *
ir_map_list_trio (IrStore *store)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  GPtrArray *trio = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (role_order (member) >= 0 && ir_map_member_is_active (member))
        g_ptr_array_add (trio, g_steal_pointer (&member));
    }

  g_ptr_array_sort (trio, compare_trio);
  return trio;
}

/**
 * ir_map_relationship_id:
 *
 * Derives the id of the relationship between one stakeholder and one
 * member from the two ids, so that two replicas that set it at once write
 * to the same entity and merge like any other field.
 *
 * Returns: (transfer full): a UUID string
 */
char *
ir_map_relationship_id (const char *stakeholder,
                        const char *member)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 digest[32];
  gsize length = sizeof digest;

  g_checksum_update (checksum, (const guchar *) "ironroom-relationship\n", -1);
  g_checksum_update (checksum, (const guchar *) stakeholder, -1);
  g_checksum_update (checksum, (const guchar *) "\n", 1);
  g_checksum_update (checksum, (const guchar *) member, -1);
  g_checksum_get_digest (checksum, digest, &length);

  /* The layout of an RFC 9562 version 8 ("custom") UUID. */
  digest[6] = (digest[6] & 0x0f) | 0x80;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4],
                          digest[5], digest[6], digest[7], digest[8], digest[9],
                          digest[10], digest[11], digest[12], digest[13], digest[14],
                          digest[15]);
}

/* Returns the member's relationship level with the stakeholder: "none",
 * "met" or "trusted"; an interned string. */
const char *
ir_map_get_relationship (IrStore    *store,
                         const char *stakeholder,
                         const char *member)
{
  g_autofree char *eid = ir_map_relationship_id (stakeholder, member);
  g_autoptr(IrEntity) relationship = ir_store_get_entity (store, "relationship", eid);
  const char *level = NULL;

  if (relationship != NULL && ir_entity_is_visible (relationship))
    level = ir_entity_get_string (relationship, "level");

  return g_intern_string (level ? level : "none");
}

gboolean
ir_map_set_relationship (IrStore     *store,
                         const char  *stakeholder,
                         const char  *member,
                         const char  *level,
                         GError     **error)
{
  g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, stakeholder, error);
  g_autoptr(IrEntity) member_entity = NULL;
  g_autoptr(IrEntity) existing = NULL;
  g_autofree char *eid = NULL;
  g_autoptr(IrTx) tx = NULL;

  if (person == NULL)
    return FALSE;

  member_entity = ir_store_get_entity (store, "member", member);
  if (member_entity == NULL || !ir_map_member_is_active (member_entity))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND,
                   _("Member “%s” is not in this room any more. Choose one of the "
                     "room’s members."), member);
      return FALSE;
    }

  eid = ir_map_relationship_id (stakeholder, member);
  existing = ir_store_get_entity (store, "relationship", eid);

  tx = ir_store_begin (store);
  if (existing == NULL)
    {
      ir_tx_create_with_id (tx, "relationship", eid);
      ir_tx_set_string (tx, "relationship", eid, "stakeholder", stakeholder);
      ir_tx_set_string (tx, "relationship", eid, "member", member);
    }
  ir_tx_set_string (tx, "relationship", eid, "level", level);

  return ir_store_commit (store, tx, error);
}
