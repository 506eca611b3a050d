/* ir-drawing-markups.c: creating and editing markups and their replies
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each edit is one transaction through the store, so that undo and redo
 * take back exactly one user action and other members see it as one.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-drawing-model-private.h"

/* --- labels --------------------------------------------------------------- */

typedef struct
{
  const char *value;
  const char *label;
} Label;

static const Label kind_labels[] = {
  { "pin", NC_("markup kind", "Comment") },
  { "rectangle", NC_("markup kind", "Rectangle") },
  { "cloud", NC_("markup kind", "Cloud") },
  { "arrow", NC_("markup kind", "Arrow") },
  { "freehand", NC_("markup kind", "Freehand") },
  { "text", NC_("markup kind", "Text") },
  { "stamp", NC_("markup kind", "Stamp") },
};

static const Label status_labels[] = {
  { "open", NC_("markup status", "Open") },
  { "accepted", NC_("markup status", "Accepted") },
  { "rejected", NC_("markup status", "Rejected") },
  { "done", NC_("markup status", "Done") },
};

static const Label stamp_labels[] = {
  { "approved", NC_("stamp", "Approved") },
  { "rejected", NC_("stamp", "Rejected") },
  { "info", NC_("stamp", "For Information") },
};

static const char *
find_label (const Label *labels,
            gsize        n_labels,
            const char  *context,
            const char  *value)
{
  for (gsize i = 0; value != NULL && i < n_labels; i++)
    if (g_str_equal (labels[i].value, value))
      return g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label);

  return value ? value : "";
}

/* Returns the translated name of a markup kind: "pin" is "Comment". */
const char *
ir_markup_kind_label (const char *kind)
{
  return find_label (kind_labels, G_N_ELEMENTS (kind_labels), "markup kind", kind);
}

/* Returns the translated name of a markup status; a markup without one is
 * open. */
const char *
ir_markup_status_label (const char *status)
{
  return find_label (status_labels, G_N_ELEMENTS (status_labels), "markup status",
                     status ? status : "open");
}

const char *
ir_markup_stamp_label (const char *stamp)
{
  return find_label (stamp_labels, G_N_ELEMENTS (stamp_labels), "stamp", stamp);
}

/* --- reading -------------------------------------------------------------- */

/* Whether @markup still waits for an answer: open, or with no status. */
gboolean
ir_markup_is_open (IrEntity *markup)
{
  const char *status = ir_entity_get_string (markup, "status");

  return status == NULL || g_str_equal (status, "open");
}

/* Returns the visible placement of @markup on @revision, or %NULL. */
IrEntity *
ir_markup_find_placement (IrStore    *store,
                          const char *markup,
                          const char *revision)
{
  g_autoptr(IrEntityList) placements = NULL;
  guint n;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  placements = ir_store_list_children (store, "markup_placement", "markup", markup);
  n = g_list_model_get_n_items (G_LIST_MODEL (placements));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) placement = g_list_model_get_item (G_LIST_MODEL (placements), i);

      if (g_strcmp0 (ir_entity_get_string (placement, "revision"), revision) == 0)
        return g_steal_pointer (&placement);
    }

  return NULL;
}

/**
 * ir_markup_list_placed:
 * @store: the room
 * @revision: a revision entity id
 *
 * Lists the visible placements on @revision of markups that are not
 * deleted.
 *
 * Returns: (transfer full) (element-type IrEntity): the placements
 */
GPtrArray *
ir_markup_list_placed (IrStore    *store,
                       const char *revision)
{
  g_autoptr(IrEntityList) placements = NULL;
  GPtrArray *placed = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (IR_IS_STORE (store), placed);

  placements = ir_store_list_children (store, "markup_placement", "revision", revision);
  n = g_list_model_get_n_items (G_LIST_MODEL (placements));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (placed, g_list_model_get_item (G_LIST_MODEL (placements), i));

  return placed;
}

static int
compare_created (gconstpointer a,
                 gconstpointer b)
{
  IrEntity *ea = *(IrEntity **) a, *eb = *(IrEntity **) b;
  gint64 ca = ir_entity_get_int (ea, "created");
  gint64 cb = ir_entity_get_int (eb, "created");

  if (ca != cb)
    return ca < cb ? -1 : 1;

  return g_strcmp0 (ir_entity_get_id (ea), ir_entity_get_id (eb));
}

/**
 * ir_markup_get_numbers:
 * @store: the room
 * @drawing: a drawing entity id
 *
 * Numbers the markups of @drawing 1, 2, 3 … in the order they were made.
 * Deleted markups keep their numbers, so that "#4" in a review's minutes
 * stays the same markup.
 *
 * Returns: (transfer full): markup entity id → number, as
 *   GUINT_TO_POINTER()
 */
GHashTable *
ir_markup_get_numbers (IrStore    *store,
                       const char *drawing)
{
  g_autoptr(GPtrArray) ids = ir_store_list_ids (store, "markup", TRUE);
  g_autoptr(GPtrArray) markups = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTable *numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      IrEntity *markup = ir_store_get_entity (store, "markup", g_ptr_array_index (ids, i));

      if (markup != NULL && g_strcmp0 (ir_entity_get_string (markup, "drawing"), drawing) == 0)
        g_ptr_array_add (markups, markup);
      else
        g_clear_object (&markup);
    }

  g_ptr_array_sort (markups, compare_created);
  for (guint i = 0; i < markups->len; i++)
    g_hash_table_insert (numbers, g_strdup (ir_entity_get_id (markups->pdata[i])),
                         GUINT_TO_POINTER (i + 1));

  return numbers;
}

/* --- editing -------------------------------------------------------------- */

static gboolean
check_placement_target (IrStore     *store,
                        const char  *drawing,
                        const char  *revision,
                        int          page,
                        GError     **error)
{
  g_autoptr(IrEntity) drawing_entity = NULL;
  g_autoptr(IrEntity) revision_entity = NULL;
  gint64 n_pages;

  drawing_entity = ir_drawing_model_lookup (store, "drawing", drawing, error);
  if (drawing_entity == NULL)
    return FALSE;

  revision_entity = ir_drawing_model_lookup (store, "revision", revision, error);
  if (revision_entity == NULL)
    return FALSE;

  if (g_strcmp0 (ir_entity_get_string (revision_entity, "drawing"), drawing) != 0)
    {
      g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID,
                   _("Revision %s belongs to another drawing than %s. Place the markup on "
                     "a revision of its own drawing."), revision, drawing);
      return FALSE;
    }

  n_pages = ir_entity_get_int (revision_entity, "pages");
  if (page < 0 || (n_pages > 0 && page >= n_pages))
    {
      g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID,
                   _("The revision has no page %d because it has %d. Choose a page "
                     "from 1 to %d."),
                   page + 1, (int) n_pages, (int) n_pages);
      return FALSE;
    }

  return TRUE;
}

/**
 * ir_markup_create:
 * @store: the room
 * @drawing: the drawing the markup belongs to
 * @revision: the revision it is drawn on
 * @page: the page, from 0
 * @kind: pin, rectangle, cloud, arrow, freehand, text or stamp
 * @geometry: (transfer none): where it is, in the page's points
 * @text: (nullable): its comment
 * @stamp: (nullable): approved, rejected or info, for a stamp
 * @error: return location for an error
 *
 * Creates an open markup by the store's actor and places it on @revision,
 * in one transaction.
 *
 * Returns: (transfer full) (nullable): the markup's entity id
 */
char *
ir_markup_create (IrStore     *store,
                  const char  *drawing,
                  const char  *revision,
                  int          page,
                  const char  *kind,
                  JsonNode    *geometry,
                  const char  *text,
                  const char  *stamp,
                  GError     **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *placement = NULL;
  const char *actor;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (geometry != NULL, NULL);

  if (!check_placement_target (store, drawing, revision, page, error))
    return NULL;

  tx = ir_store_begin (store);
  markup = ir_tx_create (tx, "markup");
  ir_tx_set_string (tx, "markup", markup, "drawing", drawing);
  ir_tx_set_string (tx, "markup", markup, "kind", kind);
  ir_tx_set_string (tx, "markup", markup, "status", "open");
  if (text != NULL && text[0] != '\0')
    ir_tx_set_string (tx, "markup", markup, "text", text);
  if (stamp != NULL)
    ir_tx_set_string (tx, "markup", markup, "stamp", stamp);
  actor = ir_store_get_actor (store);
  if (actor != NULL)
    ir_tx_set_string (tx, "markup", markup, "author", actor);
  ir_tx_set_int (tx, "markup", markup, "created", g_get_real_time ());

  placement = ir_tx_create (tx, "markup_placement");
  ir_tx_set_string (tx, "markup_placement", placement, "markup", markup);
  ir_tx_set_string (tx, "markup_placement", placement, "revision", revision);
  ir_tx_set_int (tx, "markup_placement", placement, "page", page);
  ir_tx_set (tx, "markup_placement", placement, "geometry", json_node_copy (geometry));
  ir_tx_set_boolean (tx, "markup_placement", placement, "carried", FALSE);

  if (!ir_drawing_model_commit (store, tx, _("Could not add the markup"), error))
    return NULL;

  return g_steal_pointer (&markup);
}

/* Moves or resizes a markup on one revision. */
gboolean
ir_markup_set_geometry (IrStore     *store,
                        const char  *placement,
                        JsonNode    *geometry,
                        GError     **error)
{
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrTx) tx = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);
  g_return_val_if_fail (geometry != NULL, FALSE);

  entity = ir_drawing_model_lookup (store, "markup_placement", placement, error);
  if (entity == NULL)
    return FALSE;

  tx = ir_store_begin (store);
  ir_tx_set (tx, "markup_placement", placement, "geometry", json_node_copy (geometry));

  return ir_drawing_model_commit (store, tx, _("Could not move the markup"), error);
}

/**
 * ir_markup_set_field:
 * @store: the room
 * @markup: the markup's entity id
 * @field: text, status, stamp or color
 * @value: (nullable): the new value; %NULL or "" clears it
 * @error: return location for an error
 *
 * Changes one field of a markup, as one undoable step.
 *
 * Returns: %TRUE when it was committed
 */
gboolean
ir_markup_set_field (IrStore     *store,
                     const char  *markup,
                     const char  *field,
                     const char  *value,
                     GError     **error)
{
  static const char * const fields[] = { "text", "status", "stamp", "color", NULL };
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrTx) tx = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);

  if (field == NULL || !g_strv_contains (fields, field))
    {
      g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID,
                   _("A markup has no field “%s” to edit; expected text, status, stamp "
                     "or color."), field ? field : "(none)");
      return FALSE;
    }

  entity = ir_drawing_model_lookup (store, "markup", markup, error);
  if (entity == NULL)
    return FALSE;

  if (g_strcmp0 (ir_entity_get_string (entity, field),
                 value && value[0] ? value : NULL) == 0)
    return TRUE;

  tx = ir_store_begin (store);
  if (value != NULL && value[0] != '\0')
    ir_tx_set_string (tx, "markup", markup, field, value);
  else
    ir_tx_set_null (tx, "markup", markup, field);

  return ir_drawing_model_commit (store, tx, _("Could not change the markup"), error);
}

/* Adds a reply by the store's actor to the thread of @markup. Returns the
 * reply's entity id. */
char *
ir_markup_add_reply (IrStore     *store,
                     const char  *markup,
                     const char  *text,
                     GError     **error)
{
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *reply = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));
  const char *actor;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  if (stripped[0] == '\0')
    {
      g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_INVALID,
                   _("A reply cannot be empty. Write some text first."));
      return NULL;
    }

  entity = ir_drawing_model_lookup (store, "markup", markup, error);
  if (entity == NULL)
    return NULL;

  tx = ir_store_begin (store);
  reply = ir_tx_create (tx, "markup_reply");
  ir_tx_set_string (tx, "markup_reply", reply, "markup", markup);
  ir_tx_set_string (tx, "markup_reply", reply, "text", text);
  actor = ir_store_get_actor (store);
  if (actor != NULL)
    ir_tx_set_string (tx, "markup_reply", reply, "author", actor);
  ir_tx_set_int (tx, "markup_reply", reply, "created", g_get_real_time ());

  if (!ir_drawing_model_commit (store, tx, _("Could not add the reply"), error))
    return NULL;

  return g_steal_pointer (&reply);
}

/* Deletes a markup with its placements and replies; the trash restores
 * them. */
gboolean
ir_markup_delete (IrStore     *store,
                  const char  *markup,
                  GError     **error)
{
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrTx) tx = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), FALSE);

  entity = ir_drawing_model_lookup (store, "markup", markup, error);
  if (entity == NULL)
    return FALSE;

  tx = ir_store_begin (store);
  ir_tx_delete (tx, "markup", markup);

  return ir_drawing_model_commit (store, tx, _("Could not delete the markup"), error);
}
