/* ir-drawings-page-viewer.c: the page's viewer: one revision and its markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The viewer shows the preview stored at import at once and renders the
 * sheet in tiles behind it (IrPdfView). The markup layer draws on the view
 * and the markup panel lists the same markups; a selection in either
 * selects in the other. The toolbar's commands are "drawings.*" actions,
 * so that shortcuts, buttons and tests drive the same code.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawings-page-private.h"
#include "ir-ui-util.h"

static const char * const tool_names[] = {
  "select", "pin", "rectangle", "cloud", "arrow", "freehand", "text", "stamp", NULL,
};

/* --- showing a revision --------------------------------------------------- */

static GdkTexture *
load_preview (IrDrawingsPage *self,
              IrEntity       *revision)
{
  const char *preview = ir_entity_get_string (revision, "preview");
  IrBlobStore *blobs = ir_store_get_blobs (self->store);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  GdkTexture *texture;

  if (preview == NULL || blobs == NULL || !ir_blob_store_contains (blobs, preview))
    return NULL;

  bytes = ir_blob_store_load (blobs, preview, &error);
  texture = bytes ? gdk_texture_new_from_bytes (bytes, &error) : NULL;
  if (texture == NULL)
    g_warning ("Failed to load the preview of revision %s: %s",
               ir_entity_get_id (revision), error->message);

  return texture;
}

static void
fill_revision_dropdown (IrDrawingsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  IrRevisionInfo *current = NULL;

  for (guint i = 0; self->revisions != NULL && i < self->revisions->len; i++)
    {
      IrRevisionInfo *info = g_ptr_array_index (self->revisions, i);
      g_autofree char *label = g_strdup_printf (_("Revision %s"), info->label);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (ir_entity_get_id (info->entity), self->revision) == 0)
        current = info;
    }

  self->choosing = TRUE;
  gtk_drop_down_set_model (self->revision_dropdown, G_LIST_MODEL (labels));
  if (current != NULL)
    gtk_drop_down_set_selected (self->revision_dropdown, current->index);
  self->choosing = FALSE;
}

static void
show_revision_info (IrDrawingsPage *self,
                    IrEntity       *drawing,
                    IrEntity       *revision)
{
  const char *number = ir_entity_get_string (drawing, "number");
  const char *note = ir_entity_get_string (revision, "note");
  g_autofree char *title = ir_entity_dup_title (drawing);
  g_autofree char *heading = NULL;
  g_autofree char *who = ir_actor_dup_name (self->store,
                                            ir_entity_get_string (revision, "uploaded_by"));
  g_autofree char *when = ir_format_time (ir_entity_get_int (revision, "uploaded"));
  g_autofree char *info = NULL;

  heading = number && number[0] ? g_strdup_printf ("%s · %s", number, title) : g_strdup (title);
  gtk_label_set_label (self->drawing_title, heading);

  if (note != NULL && note[0] != '\0')
    /* Translators: who uploaded a revision, when, and their note. */
    info = g_strdup_printf (_("%s · %s · %s"), who, when, note);
  else
    /* Translators: who uploaded a revision and when. */
    info = g_strdup_printf (_("%s · %s"), who, when);
  gtk_label_set_label (self->revision_info, info);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->revision_info), info);
}

static void
show_message (IrDrawingsPage *self,
              const char     *message)
{
  gtk_label_set_label (self->view_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->view_message), message != NULL);
}

/* Opens the file of the revision the page shows, with its markups. */
void
ir_drawings_page_show_revision (IrDrawingsPage *self)
{
  g_autoptr(IrEntity) drawing = NULL;
  g_autoptr(IrEntity) revision = NULL;
  g_autoptr(IrPdf) pdf = NULL;
  g_autoptr(GdkTexture) preview = NULL;
  g_autoptr(GError) error = NULL;
  IrRevisionInfo *info = NULL;

  if (self->store != NULL && self->drawing != NULL)
    drawing = ir_store_get_entity (self->store, "drawing", self->drawing);
  if (self->store != NULL && self->revision != NULL)
    revision = ir_store_get_entity (self->store, "revision", self->revision);
  if (self->revisions != NULL)
    info = ir_drawing_find_revision (self->revisions, self->revision);

  fill_revision_dropdown (self);

  if (drawing == NULL || revision == NULL)
    {
      ir_pdf_document_model_set_document (self->model, NULL, NULL);
      ir_markup_layer_set_revision (self->layer, NULL, NULL, NULL);
      ir_markup_panel_set_revision (self->markup_panel, NULL, NULL, NULL, NULL);
      gtk_label_set_label (self->drawing_title, drawing ? ir_entity_get_string (drawing, "title")
                                                        : "");
      gtk_label_set_label (self->revision_info, drawing ? _("No revision uploaded yet") : "");
      show_message (self, drawing ? _("This drawing has no file yet. Upload one with "
                                      "“New Revision…”.") : NULL);
      ir_drawings_page_update_actions (self);
      return;
    }

  show_revision_info (self, drawing, revision);
  pdf = ir_drawing_open_revision (self->store, revision, &error);
  if (pdf == NULL)
    {
      g_autofree char *message = NULL;

      /* The page shows the reason, and a file not downloaded yet is no
       * fault. */
      g_debug ("Failed to open revision %s: %s", self->revision, error->message);
      /* Translators: why a revision's file could not be shown. */
      message = g_strdup_printf (_("This revision cannot be shown: %s"), error->message);
      ir_pdf_document_model_set_document (self->model, NULL, NULL);
      show_message (self, message);
    }
  else
    {
      preview = load_preview (self, revision);
      ir_pdf_document_model_set_sizing_mode (self->model, IR_PDF_SIZING_FIT_PAGE);
      ir_pdf_document_model_set_document (self->model, pdf, preview);
      show_message (self, NULL);
    }

  ir_markup_layer_set_revision (self->layer, self->store, self->drawing, self->revision);
  ir_markup_panel_set_revision (self->markup_panel, self->store, self->drawing, self->revision,
                                info ? info->label : NULL);
  ir_drawings_page_update_actions (self);
}

/* Follows changes of the room: markups, and revisions others uploaded. */
void
ir_drawings_page_refresh_markups (IrDrawingsPage *self)
{
  g_autoptr(IrEntity) revision = NULL;

  if (self->store == NULL || self->drawing == NULL)
    return;

  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  self->revisions = ir_drawing_list_revisions (self->store, self->drawing);
  fill_revision_dropdown (self);

  revision = self->revision ? ir_store_get_entity (self->store, "revision", self->revision)
                            : NULL;
  if (self->revision != NULL && (revision == NULL || !ir_entity_is_visible (revision)))
    {
      /* The shown revision was deleted, or its upload undone. */
      ir_drawings_page_open_revision (self, self->drawing, NULL);
      return;
    }
  if (self->revision == NULL && self->revisions->len > 0)
    {
      ir_drawings_page_open_revision (self, self->drawing, NULL);
      return;
    }

  ir_markup_layer_refresh (self->layer);
  ir_markup_panel_refresh (self->markup_panel);
  ir_drawings_page_update_actions (self);
}

void
ir_drawings_page_update_actions (IrDrawingsPage *self)
{
  gboolean open = self->store != NULL && self->drawing != NULL;
  gboolean shown = open && self->revision != NULL &&
                   ir_pdf_document_model_get_document (self->model) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.add-drawing", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.new-revision", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.compare",
                                 open && self->revisions && self->revisions->len >= 2);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.tool", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.stamp", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.zoom", shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "drawings.fit", shown);
}

/* --- markups -------------------------------------------------------------- */

static gboolean
find_markup_box (IrDrawingsPage *self,
                 const char     *markup,
                 int            *page,
                 IrPdfRect      *box)
{
  g_autoptr(IrEntity) placement = ir_markup_find_placement (self->store, markup, self->revision);

  if (placement == NULL ||
      !ir_markup_geometry_get_bounds (ir_entity_get_value (placement, "geometry"), box))
    return FALSE;

  *page = (int) ir_entity_get_int (placement, "page");
  return TRUE;
}

static void
layer_selection_changed_cb (IrDrawingsPage *self,
                            IrMarkupLayer  *layer)
{
  ir_markup_panel_select (self->markup_panel, ir_markup_layer_get_selected (layer));
}

static void
layer_created_cb (IrDrawingsPage *self,
                  const char     *markup,
                  IrMarkupLayer  *layer)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (self->store, "markup", markup);
  const char *kind = entity ? ir_entity_get_string (entity, "kind") : NULL;

  ir_markup_panel_refresh (self->markup_panel);
  ir_markup_panel_select (self->markup_panel, markup);

  /* A comment or a text box is written next. */
  if (g_strcmp0 (kind, "pin") == 0 || g_strcmp0 (kind, "text") == 0)
    ir_markup_detail_focus_text (ir_markup_panel_get_detail (self->markup_panel));
}

static void
layer_error_cb (IrDrawingsPage *self,
                const char     *message,
                IrMarkupLayer  *layer)
{
  ir_drawings_page_show_message (self, message);
}

static void
panel_selected_cb (IrDrawingsPage *self,
                   const char     *markup,
                   IrMarkupPanel  *panel)
{
  IrPdfRect box;
  int page;

  if (markup != NULL && find_markup_box (self, markup, &page, &box) &&
      page != ir_pdf_document_model_get_page (self->model))
    ir_pdf_document_model_set_page (self->model, page);

  ir_markup_layer_set_selected (self->layer, markup);
}

static void
panel_activated_cb (IrDrawingsPage *self,
                    const char     *markup,
                    IrMarkupPanel  *panel)
{
  IrPdfRect box;
  double margin;
  int page;

  if (!find_markup_box (self, markup, &page, &box))
    return;

  ir_pdf_document_model_set_page (self->model, page);
  margin = MAX (MAX (box.width, box.height) * 0.8, 60);
  box.x -= margin;
  box.y -= margin;
  box.width += 2 * margin;
  box.height += 2 * margin;
  ir_pdf_view_zoom_to_rect (IR_PDF_VIEW (self->view), &box);
  ir_markup_layer_set_selected (self->layer, markup);
}

static void
panel_message_cb (IrDrawingsPage *self,
                  const char     *message,
                  IrMarkupPanel  *panel)
{
  ir_drawings_page_show_message (self, message);
}

/**
 * ir_drawings_page_add_markup:
 * @self: the page
 * @kind: what to draw: pin, rectangle, cloud, arrow, freehand, text or stamp
 * @box: where on the shown page, in points; see ir_markup_layer_create()
 * @error: return location for an error
 *
 * Adds a markup as a drag with the tool would, and selects it.
 *
 * Returns: %TRUE when it was committed
 */
gboolean
ir_drawings_page_add_markup (IrDrawingsPage   *self,
                             const char       *kind,
                             const IrPdfRect  *box,
                             GError          **error)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), FALSE);

  for (guint i = 1; tool_names[i] != NULL; i++)
    if (g_strcmp0 (tool_names[i], kind) == 0)
      return ir_markup_layer_create (self->layer, (IrMarkupTool) i, box, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("There is no markup tool “%s”."), kind);
  return FALSE;
}

/* --- callbacks ------------------------------------------------------------ */

static gboolean
show_zoom_cb (gpointer data)
{
  IrDrawingsPage *self = data;
  g_autofree char *text =
    g_strdup_printf ("%.0f%%", ir_pdf_document_model_get_zoom (self->model) * 100);

  self->zoom_idle_id = 0;
  gtk_label_set_label (self->zoom_label, text);

  return G_SOURCE_REMOVE;
}

/* The view applies a fit mode while it is allocated, when the toolbar is
 * already laid out, so the label changes after the frame. */
static void
zoom_changed_cb (IrDrawingsPage     *self,
                 GParamSpec         *pspec,
                 IrPdfDocumentModel *model)
{
  if (self->zoom_idle_id == 0)
    self->zoom_idle_id = g_idle_add (show_zoom_cb, self);
}

static void
document_changed_cb (IrDrawingsPage     *self,
                     GParamSpec         *pspec,
                     IrPdfDocumentModel *model)
{
  /* Page thumbnails help only a set of sheets. */
  if (ir_pdf_document_model_get_n_pages (model) > 1 && !self->show_thumbnails)
    g_object_set (self, "show-thumbnails", TRUE, NULL);
}

static void
revision_chosen_cb (IrDrawingsPage *self,
                    GParamSpec     *pspec,
                    GtkDropDown    *dropdown)
{
  guint index = gtk_drop_down_get_selected (dropdown);

  if (self->choosing || self->revisions == NULL || index >= self->revisions->len)
    return;

  ir_drawings_page_open_revision (self, self->drawing,
                                  ir_entity_get_id (((IrRevisionInfo *) self->revisions->pdata[index])->entity));
}

static void
tool_changed_cb (IrDrawingsPage *self)
{
  IrMarkupTool tool = IR_MARKUP_TOOL_SELECT;

  for (guint i = 0; tool_names[i] != NULL; i++)
    if (g_strcmp0 (tool_names[i], self->tool) == 0)
      tool = (IrMarkupTool) i;

  ir_markup_layer_set_tool (self->layer, tool, NULL);
}

static void
panels_changed_cb (IrDrawingsPage *self)
{
  gtk_revealer_set_reveal_child (self->thumbnails_revealer, self->show_thumbnails);
  gtk_widget_set_visible (GTK_WIDGET (self->markup_panel), self->show_markups);
}

/* --- actions -------------------------------------------------------------- */

static void
stamp_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);

  g_object_set (self, "tool", "stamp", NULL);
  ir_markup_layer_set_tool (self->layer, IR_MARKUP_TOOL_STAMP,
                            g_variant_get_string (parameter, NULL));
}

static void
zoom_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);

  ir_pdf_view_zoom_at (IR_PDF_VIEW (self->view), g_variant_get_double (parameter),
                       gtk_widget_get_width (self->view) / 2.0,
                       gtk_widget_get_height (self->view) / 2.0);
}

static void
fit_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);
  gboolean width = g_str_equal (g_variant_get_string (parameter, NULL), "width");

  ir_pdf_document_model_set_sizing_mode (self->model, width ? IR_PDF_SIZING_FIT_WIDTH
                                                            : IR_PDF_SIZING_FIT_PAGE);
}

static void
open_revision_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);
  const char *drawing, *revision;

  g_variant_get (parameter, "(&s&s)", &drawing, &revision);
  ir_drawings_page_open_revision (self, drawing, revision[0] ? revision : NULL);
}

static void
delete_markup_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);
  const char *markup = ir_markup_layer_get_selected (self->layer);
  g_autoptr(GError) error = NULL;

  if (markup == NULL || self->store == NULL)
    return;

  if (!ir_markup_delete (self->store, markup, &error))
    ir_drawings_page_show_message (self, error->message);
  else
    ir_drawings_page_show_message (self, _("Markup deleted. Press Ctrl+Z to undo."));
}

static void
escape_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);

  if (g_strcmp0 (self->tool, "select") != 0)
    g_object_set (self, "tool", "select", NULL);
  else
    ir_markup_layer_set_selected (self->layer, NULL);
}

/* --- set-up --------------------------------------------------------------- */

void
ir_drawings_page_class_init_viewer (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "drawings.tool", "tool");
  gtk_widget_class_install_property_action (widget_class, "drawings.show-thumbnails",
                                            "show-thumbnails");
  gtk_widget_class_install_property_action (widget_class, "drawings.show-markups",
                                            "show-markups");
  gtk_widget_class_install_action (widget_class, "drawings.stamp", "s", stamp_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.zoom", "d", zoom_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.fit", "s", fit_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.open-revision", "(ss)",
                                   open_revision_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.delete-markup", NULL,
                                   delete_markup_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.escape", NULL, escape_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "drawings.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "drawings.delete-markup", NULL);
}

void
ir_drawings_page_init_viewer (IrDrawingsPage *self)
{
  self->model = ir_pdf_document_model_new ();
  self->view = ir_pdf_view_new (self->model);
  gtk_widget_set_name (self->view, "drawing-view");
  gtk_scrolled_window_set_child (self->view_scroller, self->view);

  self->thumbnails = ir_pdf_thumbnails_new (self->model);
  gtk_widget_set_size_request (self->thumbnails, 150, -1);
  gtk_revealer_set_child (self->thumbnails_revealer, self->thumbnails);

  self->layer = ir_markup_layer_new (IR_PDF_VIEW (self->view));
  g_signal_connect_object (self->layer, "selection-changed",
                           G_CALLBACK (layer_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "created", G_CALLBACK (layer_created_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->layer, "error", G_CALLBACK (layer_error_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->markup_panel, "markup-selected",
                           G_CALLBACK (panel_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->markup_panel, "markup-activated",
                           G_CALLBACK (panel_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->markup_panel, "message", G_CALLBACK (panel_message_cb), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->model, "notify::zoom", G_CALLBACK (zoom_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->model, "notify::document", G_CALLBACK (document_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->revision_dropdown, "notify::selected",
                           G_CALLBACK (revision_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::tool", G_CALLBACK (tool_changed_cb), NULL);
  g_signal_connect (self, "notify::show-thumbnails", G_CALLBACK (panels_changed_cb), NULL);
  g_signal_connect (self, "notify::show-markups", G_CALLBACK (panels_changed_cb), NULL);

  show_zoom_cb (self);
  panels_changed_cb (self);
  ir_drawings_page_update_actions (self);
}

void
ir_drawings_page_dispose_viewer (IrDrawingsPage *self)
{
  g_clear_handle_id (&self->zoom_idle_id, g_source_remove);
  if (self->layer != NULL)
    ir_markup_layer_detach (self->layer);
  g_clear_object (&self->layer);
  g_clear_object (&self->model);
}
