/* ir-map-model.c: stakeholders, their fields, successors and leaving
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store checks what one operation may hold (types, limits, writers) and
 * refuses reporting cycles. The rules here span entities: a successor is
 * another stakeholder who is still there, a coverage owner is a member of
 * the room, a name is given unless the card is a placeholder. They are
 * checked for local edits; a merge can still break them, and every reader
 * of the map copes with that.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ir-map-model-private.h"

G_DEFINE_QUARK (ir-map-error-quark, ir_map_error)

/* --- helpers ------------------------------------------------------------- */

/* Returns the stakeholder @eid when it is visible, or sets an error that
 * names the id. */
IrEntity *
ir_map_lookup_stakeholder (IrStore     *store,
                           const char  *eid,
                           GError     **error)
{
  g_autoptr(IrEntity) entity = NULL;

  if (eid != NULL)
    entity = ir_store_get_entity (store, "stakeholder", eid);

  if (entity == NULL || !ir_entity_is_visible (entity))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND,
                   _("No stakeholder with id “%s” is on this room’s map; it may have "
                     "been deleted. Reload the map and pick the person again."),
                   eid ? eid : "");
      return NULL;
    }

  return g_steal_pointer (&entity);
}

/* Returns the name a message uses for a stakeholder. */
const char *
ir_map_display_name (IrEntity *stakeholder)
{
  const char *name = ir_entity_get_string (stakeholder, "name");

  if (name != NULL && name[0] != '\0')
    return name;

  name = ir_entity_get_string (stakeholder, "title");
  return name != NULL && name[0] != '\0' ? name : _("an unnamed stakeholder");
}

gboolean
ir_map_has_left (IrEntity *stakeholder)
{
  return g_strcmp0 (ir_entity_get_string (stakeholder, "status"), "left") == 0;
}

/* A member counts until the server marks them removed or inactive. */
gboolean
ir_map_member_is_active (IrEntity *member)
{
  if (!ir_entity_is_visible (member) || ir_entity_has_field (member, "removed"))
    return FALSE;

  return !ir_entity_has_field (member, "active") || ir_entity_get_boolean (member, "active");
}

static char *
dup_stripped (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  return g_strstrip (copy);
}

static gboolean
commit (IrStore  *store,
        IrTx     *tx,
        GError  **error)
{
  return ir_store_commit (store, tx, error);
}

/* --- stakeholders -------------------------------------------------------- */

/**
 * ir_map_add_stakeholder:
 * @department: (nullable): the department
 * @x: the card's left edge on the map, or NAN to let the automatic layout
 *   place it
 *
 * Adds an active stakeholder with a neutral stance and middle influence.
 *
 * Returns: (transfer full) (nullable): the new stakeholder's id
 */
char *
ir_map_add_stakeholder (IrStore     *store,
                        const char  *name,
                        const char  *department,
                        double       x,
                        double       y,
                        GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *clean_name = dup_stripped (name);
  g_autofree char *clean_department = dup_stripped (department);
  g_autofree char *eid = NULL;

  if (clean_name[0] == '\0')
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("A stakeholder needs a name. Type the person’s name, or the role "
                     "if the person is not known yet."));
      return NULL;
    }

  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "stakeholder");
  ir_tx_set_string (tx, "stakeholder", eid, "name", clean_name);
  if (clean_department[0] != '\0')
    ir_tx_set_string (tx, "stakeholder", eid, "department", clean_department);
  ir_tx_set_string (tx, "stakeholder", eid, "stance", "neutral");
  ir_tx_set_int (tx, "stakeholder", eid, "influence", 3);
  ir_tx_set_string (tx, "stakeholder", eid, "buying_role", "none");
  ir_tx_set_string (tx, "stakeholder", eid, "status", "active");
  if (!isnan (x) && !isnan (y))
    {
      ir_tx_set_double (tx, "stakeholder", eid, "x", x);
      ir_tx_set_double (tx, "stakeholder", eid, "y", y);
    }

  if (!commit (store, tx, error))
    return NULL;

  return g_steal_pointer (&eid);
}

static gboolean
check_coverage_owner (IrStore     *store,
                      const char  *member_eid,
                      GError     **error)
{
  g_autoptr(IrEntity) member = ir_store_get_entity (store, "member", member_eid);

  if (member == NULL || !ir_map_member_is_active (member))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND,
                   _("Member “%s” is not in this room any more, so they cannot cover a "
                     "stakeholder. Choose one of the room’s members."), member_eid);
      return FALSE;
    }

  if (g_strcmp0 (ir_entity_get_string (member, "role"), "observer") == 0)
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("%s only observes this room and cannot cover a stakeholder. Choose "
                     "a member of the team."),
                   ir_entity_get_string (member, "display_name") ?:
                   ir_entity_get_string (member, "user"));
      return FALSE;
    }

  return TRUE;
}

static const char *
node_string (JsonNode *value)
{
  if (value == NULL || !JSON_NODE_HOLDS_VALUE (value) ||
      json_node_get_value_type (value) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (value);
}

/**
 * ir_map_check_field:
 * @value: (nullable): the new value; %NULL or a JSON null clears the field
 *
 * Checks the rules across entities for one field of a stakeholder. The
 * store checks the value's type and limits when it commits.
 */
gboolean
ir_map_check_field (IrStore     *store,
                    const char  *stakeholder,
                    const char  *field,
                    JsonNode    *value,
                    GError     **error)
{
  g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, stakeholder, error);
  const char *text = node_string (value);

  if (person == NULL)
    return FALSE;

  if (g_str_equal (field, "name"))
    {
      g_autofree char *clean = dup_stripped (text);

      if (clean[0] == '\0' && !ir_entity_get_boolean (person, "placeholder"))
        {
          g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                       _("A stakeholder needs a name. For a role whose holder is not "
                         "known yet, mark the card as a placeholder first."));
          return FALSE;
        }
    }
  else if (g_str_equal (field, "successor"))
    return ir_map_check_successor (store, stakeholder, text, error);
  else if (g_str_equal (field, "coverage_owner") && text != NULL)
    return check_coverage_owner (store, text, error);
  else if (g_str_equal (field, "placeholder") && value != NULL &&
           JSON_NODE_HOLDS_VALUE (value) && !json_node_get_boolean (value))
    {
      const char *name = ir_entity_get_string (person, "name");

      if (name == NULL || name[0] == '\0')
        {
          g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                       _("This card has no name yet. Type the person’s name before "
                         "turning the placeholder off."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ir_map_set_field:
 * @value: (transfer full) (nullable): the new value
 *
 * Checks and writes one field of a stakeholder as one transaction. Text is
 * trimmed, and empty text clears the field. Setting the status back to
 * active clears the successor with it.
 */
gboolean
ir_map_set_field (IrStore     *store,
                  const char  *stakeholder,
                  const char  *field,
                  JsonNode    *value,
                  GError     **error)
{
  g_autoptr(JsonNode) owned = value;
  g_autoptr(IrTx) tx = NULL;
  const IrFieldSpec *spec;
  const char *text = node_string (value);

  spec = ir_schema_lookup_field (ir_store_get_schema (store), "stakeholder", field);
  if (spec != NULL && spec->type == IR_VALUE_TEXT && text != NULL)
    {
      g_autofree char *clean = dup_stripped (text);

      json_node_unref (owned);
      owned = clean[0] != '\0' ? json_node_init_string (json_node_alloc (), clean) : NULL;
    }

  if (!ir_map_check_field (store, stakeholder, field, owned, error))
    return FALSE;

  tx = ir_store_begin (store);
  ir_tx_set (tx, "stakeholder", stakeholder, field,
             owned ? json_node_ref (owned) : NULL);
  if (g_str_equal (field, "status") && g_strcmp0 (node_string (owned), "active") == 0)
    ir_tx_set_null (tx, "stakeholder", stakeholder, "successor");

  return commit (store, tx, error);
}

/* Writes a card's position after the user moved it; a card placed by hand
 * stays where it is when the automatic layout runs. */
gboolean
ir_map_move_card (IrStore     *store,
                  const char  *stakeholder,
                  double       x,
                  double       y,
                  GError     **error)
{
  return ir_map_move_card_keeping (store, stakeholder, x, y, NULL, error);
}

/**
 * ir_map_move_card_keeping:
 * @shown: (nullable) (element-type utf8 IrMapShownPosition): where the
 *   reader shows each stakeholder, by id
 *
 * Moves a card like ir_map_move_card(), and in the same transaction writes
 * where @shown puts every other card that has no stored position, unpinned.
 * A map that no one arranged yet then keeps the shape its readers see
 * instead of being laid out anew around the one card that moved.
 */
gboolean
ir_map_move_card_keeping (IrStore     *store,
                          const char  *stakeholder,
                          double       x,
                          double       y,
                          GHashTable  *shown,
                          GError     **error)
{
  g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, stakeholder, error);
  g_autoptr(IrTx) tx = NULL;

  if (person == NULL)
    return FALSE;

  tx = ir_store_begin (store);
  ir_tx_set_double (tx, "stakeholder", stakeholder, "x", round (x));
  ir_tx_set_double (tx, "stakeholder", stakeholder, "y", round (y));
  ir_tx_set_boolean (tx, "stakeholder", stakeholder, "pinned", TRUE);

  if (shown != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, shown);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          g_autoptr(IrEntity) other = NULL;
          IrMapShownPosition *position = value;

          if (g_str_equal (key, stakeholder))
            continue;
          other = ir_store_get_entity (store, "stakeholder", key);
          if (other == NULL || !ir_entity_is_visible (other) ||
              (ir_entity_has_field (other, "x") && ir_entity_has_field (other, "y")))
            continue;

          ir_tx_set_double (tx, "stakeholder", key, "x", round (position->x));
          ir_tx_set_double (tx, "stakeholder", key, "y", round (position->y));
        }
    }

  return commit (store, tx, error);
}

/* Releases every card placed by hand, in one transaction, so that the next
 * automatic layout arranges the whole map. */
gboolean
ir_map_unpin_all (IrStore  *store,
                  guint    *n_unpinned,
                  GError  **error)
{
  g_autoptr(IrEntityList) people = ir_store_list (store, "stakeholder");
  g_autoptr(IrTx) tx = ir_store_begin (store);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));
  guint count = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (people), i);

      if (!ir_entity_get_boolean (person, "pinned"))
        continue;
      ir_tx_set_boolean (tx, "stakeholder", ir_entity_get_id (person), "pinned", FALSE);
      count++;
    }

  if (n_unpinned != NULL)
    *n_unpinned = count;

  return count == 0 || commit (store, tx, error);
}

/* --- leaving and successors ---------------------------------------------- */

/**
 * ir_map_check_successor:
 * @successor: (nullable): the successor's id; %NULL means none is known
 *
 * A successor is another stakeholder of the room who has not left.
 */
gboolean
ir_map_check_successor (IrStore     *store,
                        const char  *stakeholder,
                        const char  *successor,
                        GError     **error)
{
  g_autoptr(IrEntity) person = NULL;
  g_autoptr(IrEntity) next = NULL;

  if (successor == NULL)
    return TRUE;

  person = ir_map_lookup_stakeholder (store, stakeholder, error);
  if (person == NULL)
    return FALSE;

  if (g_str_equal (stakeholder, successor))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("%s cannot be their own successor. Choose another stakeholder."),
                   ir_map_display_name (person));
      return FALSE;
    }

  next = ir_store_get_entity (store, "stakeholder", successor);
  if (next == NULL || !ir_entity_is_visible (next))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND,
                   _("The successor “%s” is not a stakeholder of this room. Add the "
                     "successor to the map first, then pick them."), successor);
      return FALSE;
    }

  if (ir_map_has_left (next))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("%s has left as well. Choose someone still active, or %s’s "
                     "successor."), ir_map_display_name (next), ir_map_display_name (next));
      return FALSE;
    }

  return TRUE;
}

/* Maps each visible interaction id to a GPtrArray of the stakeholder ids
 * that took part on the customer's side. */
GHashTable *
ir_map_collect_customer_participants (IrStore *store)
{
  g_autoptr(IrEntityList) participants = ir_store_list (store, "interaction_participant");
  GHashTable *by_interaction = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_ptr_array_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (participants));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) participant = g_list_model_get_item (G_LIST_MODEL (participants), i);
      const char *interaction = ir_entity_get_string (participant, "interaction");
      const char *person = ir_entity_get_string (participant, "stakeholder");
      GPtrArray *people;

      if (interaction == NULL || person == NULL ||
          g_strcmp0 (ir_entity_get_string (participant, "side"), "customer") != 0)
        continue;

      people = g_hash_table_lookup (by_interaction, interaction);
      if (people == NULL)
        {
          people = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_interaction, g_strdup (interaction), people);
        }
      g_ptr_array_add (people, g_strdup (person));
    }

  return by_interaction;
}

static gboolean
contains_string (GPtrArray  *strings,
                 const char *value)
{
  return strings != NULL &&
         g_ptr_array_find_with_equal_func (strings, value, g_str_equal, NULL);
}

/**
 * ir_map_list_open_follow_ups:
 *
 * Lists the interactions with a follow-up that is not done and that falls
 * to @stakeholder: named as the follow-up's stakeholder, or, when the
 * interaction names none, one of its customer participants.
 *
 * Returns: (transfer full) (element-type utf8): interaction ids
 */
GPtrArray *
ir_map_list_open_follow_ups (IrStore    *store,
                             const char *stakeholder)
{
  g_autoptr(IrEntityList) interactions = ir_store_list (store, "interaction");
  g_autoptr(GHashTable) participants = ir_map_collect_customer_participants (store);
  GPtrArray *open = g_ptr_array_new_with_free_func (g_free);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (interactions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) interaction = g_list_model_get_item (G_LIST_MODEL (interactions), i);
      const char *eid = ir_entity_get_id (interaction);
      const char *follow_up = ir_entity_get_string (interaction, "follow_up");
      const char *owner = ir_entity_get_string (interaction, "follow_up_stakeholder");

      if (follow_up == NULL || follow_up[0] == '\0' ||
          ir_entity_get_boolean (interaction, "follow_up_done"))
        continue;

      if (g_strcmp0 (owner, stakeholder) == 0 ||
          (owner == NULL && contains_string (g_hash_table_lookup (participants, eid),
                                             stakeholder)))
        g_ptr_array_add (open, g_strdup (eid));
    }

  return open;
}

/**
 * ir_map_mark_left:
 * @successor: (nullable): who takes over, or %NULL when no one is known yet
 * @n_carried: (out) (optional): how many open follow-ups moved over
 *
 * Marks @stakeholder as having left and, in the same transaction, hands the
 * open follow-ups that fell to them over to @successor.
 */
gboolean
ir_map_mark_left (IrStore     *store,
                  const char  *stakeholder,
                  const char  *successor,
                  guint       *n_carried,
                  GError     **error)
{
  g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, stakeholder, error);
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(IrTx) tx = NULL;

  if (n_carried != NULL)
    *n_carried = 0;

  if (person == NULL || !ir_map_check_successor (store, stakeholder, successor, error))
    return FALSE;

  tx = ir_store_begin (store);
  ir_tx_set_string (tx, "stakeholder", stakeholder, "status", "left");
  ir_tx_set_string (tx, "stakeholder", stakeholder, "successor", successor);

  follow_ups = ir_map_list_open_follow_ups (store, stakeholder);
  for (guint i = 0; successor != NULL && i < follow_ups->len; i++)
    ir_tx_set_string (tx, "interaction", follow_ups->pdata[i], "follow_up_stakeholder",
                      successor);

  if (!commit (store, tx, error))
    return FALSE;

  if (n_carried != NULL && successor != NULL)
    *n_carried = follow_ups->len;

  return TRUE;
}
