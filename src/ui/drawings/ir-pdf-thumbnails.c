/* ir-pdf-thumbnails.c: small pictures of a drawing's pages, to go to one
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A GtkListView of the pages, selected with the model's page. Pictures
 * render in their own IrPdfTiles, off the main thread, only for the rows
 * the list view has bound, so that a 100-page set renders what is seen.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-pdf-thumbnails.h"
#include "ir-pdf-tiles.h"

#define THUMBNAIL_SIDE 160

struct _IrPdfThumbnails
{
  GtkWidget           parent_instance;

  IrPdfDocumentModel *model;
  IrPdfTiles         *tiles;
  GtkStringList      *pages;
  GtkSingleSelection *selection;
  GPtrArray          *bound;    /* GtkListItem*, not referenced */
  gboolean            syncing;

  GtkWidget          *scrolled;
  GtkListView        *list_view;
};

G_DEFINE_FINAL_TYPE (IrPdfThumbnails, ir_pdf_thumbnails, GTK_TYPE_WIDGET)

/* --- pictures ------------------------------------------------------------- */

static IrPdfTileKey
key_for_page (int page)
{
  return (IrPdfTileKey) { page, 0, -1, THUMBNAIL_SIDE };
}

static void
request_missing (IrPdfThumbnails *self)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (IrPdfTileKey));

  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound, i);
      IrPdfTileKey key = key_for_page ((int) gtk_list_item_get_position (item));

      if (ir_pdf_tiles_lookup (self->tiles, &key) == NULL)
        g_array_append_val (keys, key);
    }

  ir_pdf_tiles_request (self->tiles, keys);
}

static void
show_picture (IrPdfThumbnails *self,
              GtkListItem     *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkPicture *picture = GTK_PICTURE (gtk_widget_get_first_child (box));
  IrPdfTileKey key = key_for_page ((int) gtk_list_item_get_position (item));

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (ir_pdf_tiles_lookup (self->tiles, &key)));
}

static void
tile_ready_cb (IrPdfThumbnails *self,
               int              page,
               IrPdfTiles      *tiles)
{
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (self->bound, i);

      if ((int) gtk_list_item_get_position (item) == page)
        show_picture (self, item);
    }
}

/* --- factory -------------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          IrPdfThumbnails          *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_size_request (picture, 112, 80);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_widget_add_css_class (picture, "thumbnail");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         IrPdfThumbnails          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_last_child (box);
  g_autofree char *text = NULL;

  /* Translators: the caption of a page's thumbnail. */
  text = g_strdup_printf (_("Page %u"), gtk_list_item_get_position (item) + 1);
  gtk_label_set_label (GTK_LABEL (label), text);
  g_ptr_array_add (self->bound, item);
  show_picture (self, item);
  request_missing (self);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           IrPdfThumbnails          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  g_ptr_array_remove_fast (self->bound, item);
  gtk_picture_set_paintable (GTK_PICTURE (gtk_widget_get_first_child (box)), NULL);
}

/* --- model ---------------------------------------------------------------- */

static void
document_changed_cb (IrPdfThumbnails    *self,
                     GParamSpec         *pspec,
                     IrPdfDocumentModel *model)
{
  int n_pages = ir_pdf_document_model_get_n_pages (model);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);

  ir_pdf_tiles_set_document (self->tiles, ir_pdf_document_model_get_document (model));
  for (int i = 0; i < n_pages; i++)
    g_ptr_array_add (labels, g_strdup_printf ("%d", i + 1));
  g_ptr_array_add (labels, NULL);

  self->syncing = TRUE;
  gtk_string_list_splice (self->pages, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pages)),
                          (const char * const *) labels->pdata);
  gtk_single_selection_set_selected (self->selection,
                                     (guint) ir_pdf_document_model_get_page (model));
  self->syncing = FALSE;
}

static void
page_changed_cb (IrPdfThumbnails    *self,
                 GParamSpec         *pspec,
                 IrPdfDocumentModel *model)
{
  self->syncing = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     (guint) ir_pdf_document_model_get_page (model));
  self->syncing = FALSE;
}

static void
selected_cb (IrPdfThumbnails    *self,
             GParamSpec         *pspec,
             GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->syncing && selected != GTK_INVALID_LIST_POSITION)
    ir_pdf_document_model_set_page (self->model, (int) selected);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_pdf_thumbnails_dispose (GObject *object)
{
  IrPdfThumbnails *self = IR_PDF_THUMBNAILS (object);

  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  if (self->model != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->model, document_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->model, page_changed_cb, self);
    }
  g_clear_object (&self->model);
  g_clear_object (&self->tiles);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->bound, g_ptr_array_unref);

  G_OBJECT_CLASS (ir_pdf_thumbnails_parent_class)->dispose (object);
}

static void
ir_pdf_thumbnails_class_init (IrPdfThumbnailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_pdf_thumbnails_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pdfthumbnails");
}

static void
ir_pdf_thumbnails_init (IrPdfThumbnails *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* About 40 thumbnails of 160 pixels. */
  self->tiles = ir_pdf_tiles_new ((gsize) 40 * THUMBNAIL_SIDE * THUMBNAIL_SIDE * 4);
  self->bound = g_ptr_array_new ();
  self->pages = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->pages));
  gtk_single_selection_set_autoselect (self->selection, FALSE);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)),
                                                      factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled),
                                 GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));

  g_signal_connect_object (self->tiles, "tile-ready", G_CALLBACK (tile_ready_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selected_cb),
                           self, G_CONNECT_SWAPPED);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_pdf_thumbnails_new (IrPdfDocumentModel *model)
{
  IrPdfThumbnails *self = g_object_new (IR_TYPE_PDF_THUMBNAILS, NULL);

  self->model = g_object_ref (model);
  g_signal_connect_object (model, "notify::document", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::page", G_CALLBACK (page_changed_cb), self,
                           G_CONNECT_SWAPPED);
  document_changed_cb (self, NULL, model);

  return GTK_WIDGET (self);
}

/* Returns how many pages the list shows. */
guint
ir_pdf_thumbnails_get_n_shown (IrPdfThumbnails *self)
{
  g_return_val_if_fail (IR_IS_PDF_THUMBNAILS (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->pages));
}
