/* ir-map-links.c: reporting, influence and conflict links, and interactions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "ir-map-model-private.h"

/* --- links --------------------------------------------------------------- */

static gboolean
is_link_kind (const char *kind)
{
  return g_strcmp0 (kind, "reports_to") == 0 ||
         g_strcmp0 (kind, "influences") == 0 ||
         g_strcmp0 (kind, "conflict") == 0;
}

/* Whether @link joins @source to @target as a link of @kind; a conflict
 * joins the two either way round. */
static gboolean
link_joins (IrEntity   *link,
            const char *source,
            const char *target,
            const char *kind)
{
  const char *from = ir_entity_get_string (link, "source");
  const char *to = ir_entity_get_string (link, "target");

  if (g_strcmp0 (ir_entity_get_string (link, "kind"), kind) != 0)
    return FALSE;

  if (g_strcmp0 (from, source) == 0 && g_strcmp0 (to, target) == 0)
    return TRUE;

  return g_str_equal (kind, "conflict") &&
         g_strcmp0 (from, target) == 0 && g_strcmp0 (to, source) == 0;
}

/* Returns the visible reporting line from @stakeholder whose id sorts
 * first, the one every reader takes when a merge left two. */
static IrEntity *
find_manager_link (IrStore    *store,
                   const char *stakeholder)
{
  g_autoptr(IrEntityList) links = ir_store_list_children (store, "link", "source", stakeholder);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (links));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);
      g_autoptr(IrEntity) target = NULL;

      if (g_strcmp0 (ir_entity_get_string (link, "kind"), "reports_to") != 0)
        continue;

      target = ir_store_get_entity (store, "stakeholder", ir_entity_get_string (link, "target"));
      if (target != NULL && ir_entity_is_visible (target))
        return g_steal_pointer (&link);
    }

  return NULL;
}

/* Returns the id of the link that says whom @stakeholder reports to, or
 * %NULL. */
char *
ir_map_find_manager_link (IrStore    *store,
                          const char *stakeholder)
{
  g_autoptr(IrEntity) link = find_manager_link (store, stakeholder);

  return link ? g_strdup (ir_entity_get_id (link)) : NULL;
}

static gboolean
check_link (IrStore     *store,
            const char  *source,
            const char  *target,
            const char  *kind,
            gboolean     replacing_manager,
            GError     **error)
{
  g_autoptr(IrEntity) from = NULL;
  g_autoptr(IrEntity) to = NULL;
  g_autoptr(IrEntityList) links = NULL;
  guint n;

  if (!is_link_kind (kind))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("Unknown kind of link “%s”; expected reports_to, influences or "
                     "conflict."), kind ? kind : "");
      return FALSE;
    }

  from = ir_map_lookup_stakeholder (store, source, error);
  if (from == NULL)
    return FALSE;
  to = ir_map_lookup_stakeholder (store, target, error);
  if (to == NULL)
    return FALSE;

  if (g_str_equal (source, target))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("A link joins two different people; drop the line on another "
                     "card than %s."), ir_map_display_name (from));
      return FALSE;
    }

  links = ir_store_list (store, "link");
  n = g_list_model_get_n_items (G_LIST_MODEL (links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);

      if (link_joins (link, source, target, kind))
        {
          g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_DUPLICATE,
                       _("The map already has this link between %s and %s."),
                       ir_map_display_name (from), ir_map_display_name (to));
          return FALSE;
        }
    }

  if (g_str_equal (kind, "reports_to") && !replacing_manager)
    {
      g_autoptr(IrEntity) line = find_manager_link (store, source);

      if (line != NULL)
        {
          g_autoptr(IrEntity) manager = ir_store_get_entity (store, "stakeholder",
                                                             ir_entity_get_string (line, "target"));

          g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                       _("%s already reports to %s. Change that reporting line instead of "
                         "adding a second one."),
                       ir_map_display_name (from), ir_map_display_name (manager));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * ir_map_check_link:
 *
 * Checks a new link: it joins two different visible stakeholders, is not on
 * the map yet (a conflict either way round), and a reporting line is the
 * person's only one. Reporting cycles are refused by the store on commit.
 */
gboolean
ir_map_check_link (IrStore     *store,
                   const char  *source,
                   const char  *target,
                   const char  *kind,
                   GError     **error)
{
  return check_link (store, source, target, kind, FALSE, error);
}

static char *
create_link (IrTx       *tx,
             const char *source,
             const char *target,
             const char *kind,
             int         strength)
{
  char *eid = ir_tx_create (tx, "link");

  ir_tx_set_string (tx, "link", eid, "source", source);
  ir_tx_set_string (tx, "link", eid, "target", target);
  ir_tx_set_string (tx, "link", eid, "kind", kind);
  if (g_str_equal (kind, "influences"))
    ir_tx_set_int (tx, "link", eid, "strength",
                   strength > 0 ? strength : IR_MAP_DEFAULT_STRENGTH);

  return eid;
}

/**
 * ir_map_add_link:
 * @kind: reports_to (@source reports to @target), influences (@source
 *   influences @target) or conflict
 * @strength: 1 to 3 for an influence, 0 for the default
 *
 * Returns: (transfer full) (nullable): the new link's id
 */
char *
ir_map_add_link (IrStore     *store,
                 const char  *source,
                 const char  *target,
                 const char  *kind,
                 int          strength,
                 GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;

  if (!check_link (store, source, target, kind, FALSE, error))
    return NULL;

  tx = ir_store_begin (store);
  eid = create_link (tx, source, target, kind, strength);
  if (!ir_store_commit (store, tx, error))
    return NULL;

  return g_steal_pointer (&eid);
}

/**
 * ir_map_set_manager:
 * @manager: (nullable): whom @stakeholder reports to now, or %NULL for no one
 *
 * Replaces the person's reporting line in one transaction.
 *
 * Returns: (transfer full) (nullable): the id of the reporting line, or
 *   %NULL when there is none now or on error
 */
char *
ir_map_set_manager (IrStore     *store,
                    const char  *stakeholder,
                    const char  *manager,
                    GError     **error)
{
  g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, stakeholder, error);
  g_autoptr(IrEntity) line = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;

  if (person == NULL)
    return NULL;

  line = find_manager_link (store, stakeholder);
  if (line != NULL && g_strcmp0 (ir_entity_get_string (line, "target"), manager) == 0)
    return g_strdup (ir_entity_get_id (line));

  if (manager != NULL && !check_link (store, stakeholder, manager, "reports_to", TRUE, error))
    return NULL;

  tx = ir_store_begin (store);
  if (line != NULL)
    ir_tx_delete (tx, "link", ir_entity_get_id (line));
  if (manager != NULL)
    eid = create_link (tx, stakeholder, manager, "reports_to", 0);

  if (!ir_store_commit (store, tx, error))
    return NULL;

  return g_steal_pointer (&eid);
}

/* --- interactions -------------------------------------------------------- */

static gboolean
is_valid_date (const char *text)
{
  int year, month, day;
  char end;

  return text != NULL &&
         sscanf (text, "%4d-%2d-%2d%c", &year, &month, &day, &end) == 3 &&
         g_date_valid_dmy (day, month, year);
}

static gboolean
check_interaction (IrStore                 *store,
                   const IrMapInteraction  *interaction,
                   GError                 **error)
{
  if (!is_valid_date (interaction->date))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("Invalid interaction date “%s”: expected a date as YYYY-MM-DD."),
                   interaction->date ? interaction->date : "");
      return FALSE;
    }

  if (interaction->follow_up_due != NULL && !is_valid_date (interaction->follow_up_due))
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("Invalid follow-up date “%s”: expected a date as YYYY-MM-DD."),
                   interaction->follow_up_due);
      return FALSE;
    }

  if (interaction->stakeholders == NULL || interaction->stakeholders[0] == NULL)
    {
      g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID,
                   _("An interaction needs at least one person from the customer’s "
                     "side. Choose who took part."));
      return FALSE;
    }

  for (guint i = 0; interaction->stakeholders[i] != NULL; i++)
    {
      g_autoptr(IrEntity) person = ir_map_lookup_stakeholder (store, interaction->stakeholders[i],
                                                              error);

      if (person == NULL)
        return FALSE;
    }

  for (guint i = 0; interaction->members != NULL && interaction->members[i] != NULL; i++)
    {
      g_autoptr(IrEntity) member = ir_store_get_entity (store, "member", interaction->members[i]);

      if (member == NULL)
        {
          g_set_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND,
                       _("Member “%s” is not in this room. Choose who took part from the "
                         "room’s members."), interaction->members[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
add_participant (IrTx       *tx,
                 const char *interaction,
                 const char *side,
                 const char *field,
                 const char *eid)
{
  g_autofree char *participant = ir_tx_create (tx, "interaction_participant");

  ir_tx_set_string (tx, "interaction_participant", participant, "interaction", interaction);
  ir_tx_set_string (tx, "interaction_participant", participant, "side", side);
  ir_tx_set_string (tx, "interaction_participant", participant, field, eid);
}

/**
 * ir_map_add_interaction:
 *
 * Records a meeting, call, visit or message with the people who took part
 * on both sides, one participant entity each. A follow-up falls to the
 * first customer participant.
 *
 * Returns: (transfer full) (nullable): the new interaction's id
 */
char *
ir_map_add_interaction (IrStore                 *store,
                        const IrMapInteraction  *interaction,
                        GError                 **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;
  gboolean has_follow_up = interaction->follow_up != NULL && interaction->follow_up[0] != '\0';

  if (!check_interaction (store, interaction, error))
    return NULL;

  tx = ir_store_begin (store);
  eid = ir_tx_create (tx, "interaction");
  ir_tx_set_string (tx, "interaction", eid, "date", interaction->date);
  ir_tx_set_string (tx, "interaction", eid, "channel",
                    interaction->channel ? interaction->channel : "meeting");
  if (interaction->summary != NULL && interaction->summary[0] != '\0')
    ir_tx_set_string (tx, "interaction", eid, "summary", interaction->summary);
  if (has_follow_up)
    {
      ir_tx_set_string (tx, "interaction", eid, "follow_up", interaction->follow_up);
      ir_tx_set_boolean (tx, "interaction", eid, "follow_up_done", FALSE);
      ir_tx_set_string (tx, "interaction", eid, "follow_up_stakeholder",
                        interaction->stakeholders[0]);
      if (interaction->follow_up_due != NULL)
        ir_tx_set_string (tx, "interaction", eid, "follow_up_due", interaction->follow_up_due);
    }

  for (guint i = 0; interaction->stakeholders[i] != NULL; i++)
    add_participant (tx, eid, "customer", "stakeholder", interaction->stakeholders[i]);
  for (guint i = 0; interaction->members != NULL && interaction->members[i] != NULL; i++)
    add_participant (tx, eid, "ours", "member", interaction->members[i]);

  if (!ir_store_commit (store, tx, error))
    return NULL;

  return g_steal_pointer (&eid);
}
