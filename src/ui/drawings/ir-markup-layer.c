/* ir-markup-layer.c: markups drawn on a page view, and the tools that edit them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layer draws the markups placed on one revision's shown page over an
 * IrPdfView and turns drags on the view into store transactions. A new
 * markup, a move or a resize each commits once, on release, so that undo
 * takes back one action. Markups are reachable by keyboard and screen
 * readers through the markup list beside the page, not on the page itself.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-markup-layer-private.h"

G_DEFINE_FINAL_TYPE (IrMarkupLayer, ir_markup_layer, G_TYPE_OBJECT)

enum {
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_CREATED,
  SIGNAL_ERROR,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- colours -------------------------------------------------------------- */

/* Fills @color with the colour of markups by a member of @role: blue for
 * the AR, red for the SR, green for the FR and purple for anyone else. */
void
ir_markup_color_for_role (const char *role,
                          GdkRGBA    *color)
{
  const char *spec = "#9141ac";

  if (g_strcmp0 (role, "AR") == 0)
    spec = "#1c71d8";
  else if (g_strcmp0 (role, "SR") == 0)
    spec = "#c01c28";
  else if (g_strcmp0 (role, "FR") == 0)
    spec = "#26a269";

  gdk_rgba_parse (color, spec);
}

/* Fills @color with a stamp's colour: green approves, red rejects, blue
 * informs. */
void
ir_markup_color_for_stamp (const char *stamp,
                           GdkRGBA    *color)
{
  const char *spec = "#1c71d8";

  if (g_strcmp0 (stamp, "approved") == 0)
    spec = "#26a269";
  else if (g_strcmp0 (stamp, "rejected") == 0)
    spec = "#c01c28";

  gdk_rgba_parse (color, spec);
}

/* --- items ---------------------------------------------------------------- */

static void
item_free (IrMarkupItem *item)
{
  g_clear_object (&item->placement);
  g_clear_object (&item->markup);
  g_free (item);
}

static const char *
member_role (IrStore    *store,
             GHashTable *roles,
             const char *user)
{
  g_autoptr(IrEntityList) members = NULL;
  guint n;

  if (user == NULL)
    return NULL;
  if (g_hash_table_contains (roles, user))
    return g_hash_table_lookup (roles, user);

  members = ir_store_list (store, "member");
  n = g_list_model_get_n_items (G_LIST_MODEL (members));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) == 0)
        {
          g_hash_table_insert (roles, g_strdup (user),
                               g_strdup (ir_entity_get_string (member, "role")));
          return g_hash_table_lookup (roles, user);
        }
    }

  g_hash_table_insert (roles, g_strdup (user), NULL);
  return NULL;
}

/* Rereads the markups of the shown page from the store. */
void
ir_markup_layer_refresh (IrMarkupLayer *self)
{
  g_autoptr(GPtrArray) placed = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GHashTable) roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  IrPdfDocumentModel *model;
  int page;

  g_return_if_fail (IR_IS_MARKUP_LAYER (self));

  g_ptr_array_set_size (self->items, 0);
  if (self->view == NULL || self->store == NULL || self->revision == NULL)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
      return;
    }

  model = ir_pdf_view_get_model (self->view);
  page = model ? ir_pdf_document_model_get_page (model) : 0;
  placed = ir_markup_list_placed (self->store, self->revision);
  numbers = ir_markup_get_numbers (self->store, self->drawing);

  for (guint i = 0; i < placed->len; i++)
    {
      IrEntity *placement = g_ptr_array_index (placed, i);
      IrMarkupItem *item;
      IrEntity *markup;

      if (ir_entity_get_int (placement, "page") != page)
        continue;
      markup = ir_store_get_entity (self->store, "markup",
                                    ir_entity_get_string (placement, "markup"));
      if (markup == NULL || !ir_entity_is_visible (markup))
        {
          g_clear_object (&markup);
          continue;
        }

      item = g_new0 (IrMarkupItem, 1);
      item->placement = g_object_ref (placement);
      item->markup = markup;
      item->open = ir_markup_is_open (markup);
      item->carried = ir_entity_get_boolean (placement, "carried");
      item->number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers,
                                                            ir_entity_get_id (markup)));
      ir_markup_color_for_role (member_role (self->store, roles,
                                             ir_entity_get_string (markup, "author")),
                                &item->color);
      g_ptr_array_add (self->items, item);
    }

  /* Open markups are drawn last, over resolved ones. */
  for (guint i = 0, n = self->items->len; i < n; i++)
    {
      IrMarkupItem *item = g_ptr_array_index (self->items, i);

      if (item->open)
        {
          g_ptr_array_add (self->items, g_ptr_array_steal_index (self->items, i));
          i--;
          n--;
        }
    }

  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

IrMarkupItem *
ir_markup_layer_find_selected (IrMarkupLayer *self)
{
  for (guint i = 0; self->selected != NULL && i < self->items->len; i++)
    {
      IrMarkupItem *item = g_ptr_array_index (self->items, i);

      if (g_str_equal (ir_entity_get_id (item->markup), self->selected))
        return item;
    }

  return NULL;
}

/* --- callbacks ------------------------------------------------------------ */

static void
snapshot_overlay_cb (IrPdfView     *view,
                     GtkSnapshot   *snapshot,
                     IrMarkupLayer *self)
{
  ir_markup_layer_snapshot (self, snapshot);
}

static void
page_changed_cb (IrMarkupLayer      *self,
                 GParamSpec         *pspec,
                 IrPdfDocumentModel *model)
{
  ir_markup_layer_refresh (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_markup_layer_dispose (GObject *object)
{
  IrMarkupLayer *self = IR_MARKUP_LAYER (object);

  ir_markup_layer_detach (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ir_markup_layer_parent_class)->dispose (object);
}

static void
ir_markup_layer_finalize (GObject *object)
{
  IrMarkupLayer *self = IR_MARKUP_LAYER (object);

  g_ptr_array_unref (self->items);
  g_clear_pointer (&self->stroke, g_array_unref);
  g_clear_pointer (&self->preview, json_node_unref);
  g_free (self->drawing);
  g_free (self->revision);
  g_free (self->stamp);
  g_free (self->selected);

  G_OBJECT_CLASS (ir_markup_layer_parent_class)->finalize (object);
}

static void
ir_markup_layer_class_init (IrMarkupLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_markup_layer_dispose;
  object_class->finalize = ir_markup_layer_finalize;

  /**
   * IrMarkupLayer::selection-changed:
   *
   * Emitted when a click or a new markup selects another markup, or none.
   */
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IrMarkupLayer::created:
   * @markup: the new markup's entity id
   *
   * Emitted after a tool created a markup, which is then selected.
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * IrMarkupLayer::error:
   * @message: what failed, for the user
   *
   * Emitted when an edit could not be committed.
   */
  signals[SIGNAL_ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ir_markup_layer_init (IrMarkupLayer *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->stamp = g_strdup ("approved");
}

/* --- public API ----------------------------------------------------------- */

/* Returns a layer that draws on @view and edits through its gestures. */
IrMarkupLayer *
ir_markup_layer_new (IrPdfView *view)
{
  IrMarkupLayer *self;

  g_return_val_if_fail (IR_IS_PDF_VIEW (view), NULL);

  self = g_object_new (IR_TYPE_MARKUP_LAYER, NULL);
  self->view = g_object_ref (view);
  self->overlay_id = g_signal_connect (view, "snapshot-overlay",
                                       G_CALLBACK (snapshot_overlay_cb), self);
  ir_markup_layer_init_input (self);
  if (ir_pdf_view_get_model (view) != NULL)
    self->page_id = g_signal_connect_swapped (ir_pdf_view_get_model (view), "notify::page",
                                              G_CALLBACK (page_changed_cb), self);

  return self;
}

/* Disconnects the layer from its view, which may then be destroyed. */
void
ir_markup_layer_detach (IrMarkupLayer *self)
{
  g_return_if_fail (IR_IS_MARKUP_LAYER (self));

  if (self->view == NULL)
    return;

  if (self->page_id != 0 && ir_pdf_view_get_model (self->view) != NULL)
    g_clear_signal_handler (&self->page_id, ir_pdf_view_get_model (self->view));
  g_clear_signal_handler (&self->overlay_id, self->view);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (self->drag));
  self->drag = NULL;
  g_clear_object (&self->view);
}

/* Shows the markups of @revision, a revision of @drawing; %NULL shows
 * none. */
void
ir_markup_layer_set_revision (IrMarkupLayer *self,
                              IrStore       *store,
                              const char    *drawing,
                              const char    *revision)
{
  g_return_if_fail (IR_IS_MARKUP_LAYER (self));

  g_set_object (&self->store, store);
  g_free (self->drawing);
  self->drawing = g_strdup (drawing);
  if (g_strcmp0 (self->revision, revision) != 0)
    {
      g_free (self->revision);
      self->revision = g_strdup (revision);
      ir_markup_layer_set_selected (self, NULL);
    }

  ir_markup_layer_refresh (self);
}

IrMarkupTool
ir_markup_layer_get_tool (IrMarkupLayer *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_LAYER (self), IR_MARKUP_TOOL_SELECT);

  return self->tool;
}

/* Chooses what a drag on the page makes; @stamp (approved, rejected or
 * info) is the stamp's text for %IR_MARKUP_TOOL_STAMP. */
void
ir_markup_layer_set_tool (IrMarkupLayer *self,
                          IrMarkupTool   tool,
                          const char    *stamp)
{
  g_return_if_fail (IR_IS_MARKUP_LAYER (self));

  self->tool = tool;
  if (stamp != NULL)
    {
      g_free (self->stamp);
      self->stamp = g_strdup (stamp);
    }

  if (self->view != NULL)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view),
                                     tool == IR_MARKUP_TOOL_SELECT ? NULL : "crosshair");
}

const char *
ir_markup_layer_get_selected (IrMarkupLayer *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_LAYER (self), NULL);

  return self->selected;
}

void
ir_markup_layer_set_selected (IrMarkupLayer *self,
                              const char    *markup)
{
  g_return_if_fail (IR_IS_MARKUP_LAYER (self));

  if (g_strcmp0 (self->selected, markup) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (markup);
  if (self->view != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->view));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* Returns how many markups the shown page has. */
guint
ir_markup_layer_get_n_shown (IrMarkupLayer *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_LAYER (self), 0);

  return self->items->len;
}

static JsonNode *
new_geometry (IrMarkupLayer   *self,
              IrMarkupTool     tool,
              const IrPdfRect *box)
{
  switch (tool)
    {
    case IR_MARKUP_TOOL_PIN:
      return ir_markup_geometry_new_point (box->x, box->y);

    case IR_MARKUP_TOOL_ARROW:
      {
        double xy[4] = { box->x, box->y, box->x + box->width, box->y + box->height };

        return ir_markup_geometry_new_points (xy, 2, 0);
      }

    case IR_MARKUP_TOOL_FREEHAND:
      if (self->stroke != NULL && self->stroke->len >= 4)
        return ir_markup_geometry_new_points ((const double *) self->stroke->data,
                                              self->stroke->len / 2,
                                              0.5 / ir_pdf_view_get_zoom (self->view));
      return NULL;

    case IR_MARKUP_TOOL_SELECT:
      return NULL;

    default:
      return ir_markup_geometry_new_box (box->x, box->y, box->width, box->height);
    }
}

/**
 * ir_markup_layer_create:
 * @self: the layer
 * @tool: what to make
 * @box: where, in page points: a box; a pin's point is its origin, an
 *   arrow runs from the origin to the far corner
 * @error: return location for an error
 *
 * Creates a markup on the shown page of the revision, by the store's actor,
 * selects it and emits ::created. A stroke of %IR_MARKUP_TOOL_FREEHAND
 * comes from the drag in progress.
 *
 * Returns: %TRUE when the markup was committed
 */
gboolean
ir_markup_layer_create (IrMarkupLayer    *self,
                        IrMarkupTool      tool,
                        const IrPdfRect  *box,
                        GError          **error)
{
  static const char * const kinds[] = {
    NULL, "pin", "rectangle", "cloud", "arrow", "freehand", "text", "stamp",
  };
  g_autoptr(JsonNode) geometry = NULL;
  g_autofree char *markup = NULL;
  IrPdfDocumentModel *model;

  g_return_val_if_fail (IR_IS_MARKUP_LAYER (self), FALSE);

  geometry = new_geometry (self, tool, box);
  if (geometry == NULL || self->store == NULL || self->revision == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("There is nothing to mark up here. Open a revision and draw on its page."));
      return FALSE;
    }

  model = ir_pdf_view_get_model (self->view);
  markup = ir_markup_create (self->store, self->drawing, self->revision,
                             ir_pdf_document_model_get_page (model), kinds[tool], geometry,
                             NULL, tool == IR_MARKUP_TOOL_STAMP ? self->stamp : NULL, error);
  if (markup == NULL)
    return FALSE;

  ir_markup_layer_refresh (self);
  ir_markup_layer_set_selected (self, markup);
  g_signal_emit (self, signals[SIGNAL_CREATED], 0, markup);

  return TRUE;
}

/* Emits ::error for @error; the input code reports failed commits here. */
void
ir_markup_layer_report (IrMarkupLayer *self,
                        const GError  *error)
{
  g_warning ("Failed to edit a markup: %s", error->message);
  g_signal_emit (self, signals[SIGNAL_ERROR], 0, error->message);
}
