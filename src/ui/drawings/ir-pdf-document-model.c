/* ir-pdf-document-model.c: which page of which drawing is shown, and how big
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view and the window both bind to this state. The view draws the page
 * and zoom it holds, and toolbars, thumbnails and the side-by-side compare
 * change them.
 * A fit mode keeps its meaning as the view is resized, so the view sets the
 * zoom while a fit mode is on; any other zoom change turns the mode off.
 *
 * Page sizes are read once when the document is set. ir-pdf guards every
 * poppler call with one lock, so reading a size while a tile renders in a
 * worker thread would stall the frame being drawn.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-pdf-document-model.h"

struct _IrPdfDocumentModel
{
  GObject          parent_instance;

  IrPdf           *document;
  GArray          *sizes;        /* double width, height per page */
  GdkTexture      *preview;
  int              page;
  double           zoom;
  IrPdfSizingMode  sizing_mode;
};

G_DEFINE_FINAL_TYPE (IrPdfDocumentModel, ir_pdf_document_model, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (IrPdfSizingMode, ir_pdf_sizing_mode,
                    G_DEFINE_ENUM_VALUE (IR_PDF_SIZING_FREE, "free"),
                    G_DEFINE_ENUM_VALUE (IR_PDF_SIZING_FIT_PAGE, "fit-page"),
                    G_DEFINE_ENUM_VALUE (IR_PDF_SIZING_FIT_WIDTH, "fit-width"))

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_PREVIEW,
  PROP_PAGE,
  PROP_N_PAGES,
  PROP_ZOOM,
  PROP_SIZING_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- GObject -------------------------------------------------------------- */

static void
ir_pdf_document_model_dispose (GObject *object)
{
  IrPdfDocumentModel *self = IR_PDF_DOCUMENT_MODEL (object);

  g_clear_object (&self->document);
  g_clear_object (&self->preview);
  g_clear_pointer (&self->sizes, g_array_unref);

  G_OBJECT_CLASS (ir_pdf_document_model_parent_class)->dispose (object);
}

static void
ir_pdf_document_model_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  IrPdfDocumentModel *self = IR_PDF_DOCUMENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_PREVIEW:
      g_value_set_object (value, self->preview);
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page);
      break;

    case PROP_N_PAGES:
      g_value_set_int (value, ir_pdf_document_model_get_n_pages (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;

    case PROP_SIZING_MODE:
      g_value_set_enum (value, self->sizing_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_pdf_document_model_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  IrPdfDocumentModel *self = IR_PDF_DOCUMENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      ir_pdf_document_model_set_page (self, g_value_get_int (value));
      break;

    case PROP_ZOOM:
      ir_pdf_document_model_set_zoom (self, g_value_get_double (value));
      break;

    case PROP_SIZING_MODE:
      ir_pdf_document_model_set_sizing_mode (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_pdf_document_model_class_init (IrPdfDocumentModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_pdf_document_model_dispose;
  object_class->get_property = ir_pdf_document_model_get_property;
  object_class->set_property = ir_pdf_document_model_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, IR_TYPE_PDF,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PREVIEW] =
    g_param_spec_object ("preview", NULL, NULL, GDK_TYPE_TEXTURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] =
    g_param_spec_int ("n-pages", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, IR_PDF_ZOOM_MIN, IR_PDF_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SIZING_MODE] =
    g_param_spec_enum ("sizing-mode", NULL, NULL, IR_TYPE_PDF_SIZING_MODE,
                       IR_PDF_SIZING_FIT_PAGE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ir_pdf_document_model_init (IrPdfDocumentModel *self)
{
  self->zoom = 1.0;
  self->sizing_mode = IR_PDF_SIZING_FIT_PAGE;
}

/* --- public API ----------------------------------------------------------- */

IrPdfDocumentModel *
ir_pdf_document_model_new (void)
{
  return g_object_new (IR_TYPE_PDF_DOCUMENT_MODEL, NULL);
}

IrPdf *
ir_pdf_document_model_get_document (IrPdfDocumentModel *self)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), NULL);

  return self->document;
}

/**
 * ir_pdf_document_model_set_document:
 * @self: the model
 * @document: (nullable): the drawing to show
 * @preview: (nullable): a small picture of its first page, shown until the
 *   page is rendered
 *
 * Shows @document from its first page.
 */
void
ir_pdf_document_model_set_document (IrPdfDocumentModel *self,
                                    IrPdf              *document,
                                    GdkTexture         *preview)
{
  gboolean page_changed;

  g_return_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self));
  g_return_if_fail (document == NULL || IR_IS_PDF (document));

  if (self->document == document && self->preview == preview)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  g_set_object (&self->document, document);
  g_set_object (&self->preview, preview);
  g_clear_pointer (&self->sizes, g_array_unref);
  if (document != NULL)
    {
      int n_pages = ir_pdf_get_n_pages (document);

      self->sizes = g_array_sized_new (FALSE, TRUE, sizeof (double), 2 * n_pages);
      for (int i = 0; i < n_pages; i++)
        {
          double size[2] = { 0, 0 };

          ir_pdf_get_page_size (document, i, &size[0], &size[1]);
          g_array_append_vals (self->sizes, size, 2);
        }
    }
  page_changed = self->page != 0;
  self->page = 0;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIEW]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  if (page_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);

  g_object_thaw_notify (G_OBJECT (self));
}

GdkTexture *
ir_pdf_document_model_get_preview (IrPdfDocumentModel *self)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), NULL);

  return self->preview;
}

int
ir_pdf_document_model_get_page (IrPdfDocumentModel *self)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), 0);

  return self->page;
}

void
ir_pdf_document_model_set_page (IrPdfDocumentModel *self,
                                int                 page)
{
  int n_pages;

  g_return_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self));

  n_pages = ir_pdf_document_model_get_n_pages (self);
  page = CLAMP (page, 0, MAX (n_pages - 1, 0));
  if (self->page == page)
    return;

  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

int
ir_pdf_document_model_get_n_pages (IrPdfDocumentModel *self)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), 0);

  return self->document ? ir_pdf_get_n_pages (self->document) : 0;
}

/* Returns the size of the shown page in points. */
gboolean
ir_pdf_document_model_get_page_size (IrPdfDocumentModel *self,
                                     double             *width,
                                     double             *height)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), FALSE);

  if (self->sizes == NULL || (guint) (2 * self->page + 1) >= self->sizes->len)
    return FALSE;

  *width = g_array_index (self->sizes, double, 2 * self->page);
  *height = g_array_index (self->sizes, double, 2 * self->page + 1);

  return *width > 0 && *height > 0;
}

double
ir_pdf_document_model_get_zoom (IrPdfDocumentModel *self)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), 1.0);

  return self->zoom;
}

/* Sets the zoom without changing the sizing mode; the view calls this to
 * apply a fit mode, and ir_pdf_document_model_zoom_by() for a free zoom. */
void
ir_pdf_document_model_set_zoom (IrPdfDocumentModel *self,
                                double              zoom)
{
  g_return_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self));

  zoom = CLAMP (zoom, IR_PDF_ZOOM_MIN, IR_PDF_ZOOM_MAX);
  if (fabs (self->zoom - zoom) < 1e-9)
    return;

  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

IrPdfSizingMode
ir_pdf_document_model_get_sizing_mode (IrPdfDocumentModel *self)
{
  g_return_val_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self), IR_PDF_SIZING_FREE);

  return self->sizing_mode;
}

void
ir_pdf_document_model_set_sizing_mode (IrPdfDocumentModel *self,
                                       IrPdfSizingMode     mode)
{
  g_return_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self));

  if (self->sizing_mode == mode)
    return;

  self->sizing_mode = mode;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZING_MODE]);
}

/* Zooms in (@factor above 1) or out, leaving any fit mode. */
void
ir_pdf_document_model_zoom_by (IrPdfDocumentModel *self,
                               double              factor)
{
  g_return_if_fail (IR_IS_PDF_DOCUMENT_MODEL (self));
  g_return_if_fail (factor > 0);

  g_object_freeze_notify (G_OBJECT (self));
  ir_pdf_document_model_set_sizing_mode (self, IR_PDF_SIZING_FREE);
  ir_pdf_document_model_set_zoom (self, self->zoom * factor);
  g_object_thaw_notify (G_OBJECT (self));
}
