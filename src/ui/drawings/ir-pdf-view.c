/* ir-pdf-view.c: one page of a drawing, rendered in tiles, to pan and zoom
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view draws the page of its IrPdfDocumentModel at the model's zoom,
 * inside a GtkScrolledWindow through GtkScrollable. A frame never waits
 * for poppler. It shows the stored preview (or a low-resolution render)
 * under whatever tiles are already rendered, and requests the rest from
 * IrPdfTiles, nearest the middle of the view first (ir-pdf-view-draw.c).
 * Markups and compare results are drawn by whoever handles
 * ::snapshot-overlay. Gestures and key bindings are in ir-pdf-view-input.c.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <math.h>

#include "ir-pdf-view-private.h"

/* Rendered pixels a view keeps beyond those on screen: 96 tiles. */
#define TILE_BUDGET ((gsize) 96 * IR_PDF_TILE_SIZE * IR_PDF_TILE_SIZE * 4)

static void ir_pdf_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IrPdfView, ir_pdf_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      ir_pdf_view_scrollable_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  SIGNAL_SNAPSHOT_OVERLAY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* --- layout --------------------------------------------------------------- */

gboolean
ir_pdf_view_get_page_size (IrPdfView *self,
                           double    *width,
                           double    *height)
{
  return self->model != NULL &&
         ir_pdf_document_model_get_page_size (self->model, width, height);
}

static double
get_zoom (IrPdfView *self)
{
  return self->model ? ir_pdf_document_model_get_zoom (self->model) : 1.0;
}

/* Returns the widget coordinates of the page's top-left corner. */
void
ir_pdf_view_get_page_origin (IrPdfView *self,
                             double    *x,
                             double    *y)
{
  double width = 0, height = 0;
  double zoom = get_zoom (self);

  ir_pdf_view_get_page_size (self, &width, &height);
  *x = (gtk_adjustment_get_upper (self->hadjustment) - width * zoom) / 2 -
       gtk_adjustment_get_value (self->hadjustment);
  *y = (gtk_adjustment_get_upper (self->vadjustment) - height * zoom) / 2 -
       gtk_adjustment_get_value (self->vadjustment);
}

static void
configure_axis (GtkAdjustment *adjustment,
                double         content,
                double         viewport,
                double         value)
{
  double upper = MAX (content, viewport);

  gtk_adjustment_configure (adjustment, CLAMP (value, 0, upper - viewport), 0, upper,
                            viewport * 0.1, viewport * 0.9, viewport);
}

/* Lays the adjustments out for the model's zoom. After a zoom, the page
 * point under the anchor (or the middle of the view) stays where it was. */
void
ir_pdf_view_update_adjustments (IrPdfView *self)
{
  double viewport_width = gtk_widget_get_width (GTK_WIDGET (self));
  double viewport_height = gtk_widget_get_height (GTK_WIDGET (self));
  double page_width = 0, page_height = 0;
  double zoom = get_zoom (self);
  double h = gtk_adjustment_get_value (self->hadjustment);
  double v = gtk_adjustment_get_value (self->vadjustment);

  if (!ir_pdf_view_get_page_size (self, &page_width, &page_height))
    {
      configure_axis (self->hadjustment, 0, viewport_width, 0);
      configure_axis (self->vadjustment, 0, viewport_height, 0);
      self->laid_out_zoom = 0;
      return;
    }

  if (self->laid_out_zoom > 0 && fabs (self->laid_out_zoom - zoom) > 1e-9)
    {
      double anchor_x = self->have_anchor ? self->anchor_x : viewport_width / 2;
      double anchor_y = self->have_anchor ? self->anchor_y : viewport_height / 2;
      double origin_x, origin_y, page_x, page_y;
      double new_upper_x = MAX (page_width * zoom + 2 * IR_PDF_VIEW_MARGIN, viewport_width);
      double new_upper_y = MAX (page_height * zoom + 2 * IR_PDF_VIEW_MARGIN, viewport_height);

      /* The anchor's page point under the old zoom … */
      origin_x = (gtk_adjustment_get_upper (self->hadjustment) -
                  page_width * self->laid_out_zoom) / 2 - h;
      origin_y = (gtk_adjustment_get_upper (self->vadjustment) -
                  page_height * self->laid_out_zoom) / 2 - v;
      page_x = (anchor_x - origin_x) / self->laid_out_zoom;
      page_y = (anchor_y - origin_y) / self->laid_out_zoom;

      /* … goes back under the anchor. */
      h = (new_upper_x - page_width * zoom) / 2 + page_x * zoom - anchor_x;
      v = (new_upper_y - page_height * zoom) / 2 + page_y * zoom - anchor_y;
    }

  configure_axis (self->hadjustment, page_width * zoom + 2 * IR_PDF_VIEW_MARGIN,
                  viewport_width, h);
  configure_axis (self->vadjustment, page_height * zoom + 2 * IR_PDF_VIEW_MARGIN,
                  viewport_height, v);
  self->laid_out_zoom = zoom;
  self->have_anchor = FALSE;
}

static void
apply_sizing_mode (IrPdfView *self)
{
  double page_width, page_height, zoom;
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * IR_PDF_VIEW_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * IR_PDF_VIEW_MARGIN;
  IrPdfSizingMode mode;

  if (!ir_pdf_view_get_page_size (self, &page_width, &page_height) || width <= 0 || height <= 0)
    return;

  mode = ir_pdf_document_model_get_sizing_mode (self->model);
  if (mode == IR_PDF_SIZING_FREE)
    return;

  zoom = width / page_width;
  if (mode == IR_PDF_SIZING_FIT_PAGE)
    zoom = MIN (zoom, height / page_height);

  ir_pdf_document_model_set_zoom (self->model, zoom);
}

/* --- GtkWidget ------------------------------------------------------------ */

/* Emits ::snapshot-overlay for the frame being drawn. */
void
ir_pdf_view_emit_overlay (IrPdfView   *self,
                          GtkSnapshot *snapshot)
{
  g_signal_emit (self, signals[SIGNAL_SNAPSHOT_OVERLAY], 0, snapshot);
}

static void
ir_pdf_view_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = 64;
  *natural = 480;
}

static void
ir_pdf_view_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  IrPdfView *self = IR_PDF_VIEW (widget);
  IrPdfRect pending = self->pending_rect;

  apply_sizing_mode (self);
  ir_pdf_view_update_adjustments (self);

  if (self->have_pending_rect)
    ir_pdf_view_zoom_to_rect (self, &pending);
}

/* --- callbacks ------------------------------------------------------------ */

static void
adjustment_value_changed_cb (IrPdfView     *self,
                             GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tile_ready_cb (IrPdfView  *self,
               int         page,
               IrPdfTiles *tiles)
{
  if (self->model != NULL && page == ir_pdf_document_model_get_page (self->model))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
document_changed_cb (IrPdfView          *self,
                     GParamSpec         *pspec,
                     IrPdfDocumentModel *model)
{
  ir_pdf_tiles_set_document (self->tiles, model ? ir_pdf_document_model_get_document (model)
                                                : NULL);
  self->complete_page = -1;
  self->laid_out_zoom = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
page_changed_cb (IrPdfView          *self,
                 GParamSpec         *pspec,
                 IrPdfDocumentModel *model)
{
  self->laid_out_zoom = 0;
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_changed_cb (IrPdfView          *self,
                 GParamSpec         *pspec,
                 IrPdfDocumentModel *model)
{
  ir_pdf_view_update_adjustments (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
sizing_mode_changed_cb (IrPdfView          *self,
                        GParamSpec         *pspec,
                        IrPdfDocumentModel *model)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
preview_changed_cb (IrPdfView          *self,
                    GParamSpec         *pspec,
                    IrPdfDocumentModel *model)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* --- GtkScrollable -------------------------------------------------------- */

static void
set_adjustment (IrPdfView      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  self->laid_out_zoom = 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
ir_pdf_view_scrollable_init (GtkScrollableInterface *iface)
{
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_pdf_view_dispose (GObject *object)
{
  IrPdfView *self = IR_PDF_VIEW (object);

  ir_pdf_view_set_model (self, NULL);
  g_clear_object (&self->tiles);
  g_clear_object (&self->page_texture);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ir_pdf_view_parent_class)->dispose (object);
}

static void
ir_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IrPdfView *self = IR_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;

    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;

    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;

    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IrPdfView *self = IR_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ir_pdf_view_set_model (self, g_value_get_object (value));
      break;

    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;

    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;

    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      break;

    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_pdf_view_class_init (IrPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_pdf_view_dispose;
  object_class->get_property = ir_pdf_view_get_property;
  object_class->set_property = ir_pdf_view_set_property;

  widget_class->snapshot = ir_pdf_view_snapshot;
  widget_class->measure = ir_pdf_view_measure;
  widget_class->size_allocate = ir_pdf_view_size_allocate;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, IR_TYPE_PDF_DOCUMENT_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * IrPdfView::snapshot-overlay:
   * @snapshot: the widget's snapshot
   *
   * Emitted while drawing, after the page: markups and compare results go
   * here. Drawing is in widget coordinates, so that lines stay sharp at any
   * zoom; ir_pdf_view_page_to_widget() places page points.
   */
  signals[SIGNAL_SNAPSHOT_OVERLAY] =
    g_signal_new ("snapshot-overlay", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, GTK_TYPE_SNAPSHOT);

  gtk_widget_class_set_css_name (widget_class, "pdfview");
  ir_pdf_view_class_init_input (widget_class);
}

static void
ir_pdf_view_init (IrPdfView *self)
{
  self->tiles = ir_pdf_tiles_new (TILE_BUDGET);
  self->complete_page = -1;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  g_signal_connect_object (self->tiles, "tile-ready", G_CALLBACK (tile_ready_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  ir_pdf_view_init_input (self);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_pdf_view_new (IrPdfDocumentModel *model)
{
  return g_object_new (IR_TYPE_PDF_VIEW, "model", model, NULL);
}

IrPdfDocumentModel *
ir_pdf_view_get_model (IrPdfView *self)
{
  g_return_val_if_fail (IR_IS_PDF_VIEW (self), NULL);

  return self->model;
}

void
ir_pdf_view_set_model (IrPdfView          *self,
                       IrPdfDocumentModel *model)
{
  static const struct
  {
    const char *signal;
    GCallback   callback;
  } handlers[] = {
    { "notify::document", G_CALLBACK (document_changed_cb) },
    { "notify::page", G_CALLBACK (page_changed_cb) },
    { "notify::zoom", G_CALLBACK (zoom_changed_cb) },
    { "notify::sizing-mode", G_CALLBACK (sizing_mode_changed_cb) },
    { "notify::preview", G_CALLBACK (preview_changed_cb) },
  };

  g_return_if_fail (IR_IS_PDF_VIEW (self));
  g_return_if_fail (model == NULL || IR_IS_PDF_DOCUMENT_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
      g_signal_handlers_disconnect_by_func (self->model, handlers[i].callback, self);

  g_set_object (&self->model, model);

  if (model != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (handlers); i++)
      g_signal_connect_object (model, handlers[i].signal, handlers[i].callback, self,
                               G_CONNECT_SWAPPED);

  if (self->tiles != NULL)
    document_changed_cb (self, NULL, model);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}

/* Shows @texture stretched over the page instead of the rendered page:
 * the compare's overlay image. */
void
ir_pdf_view_set_page_texture (IrPdfView  *self,
                              GdkTexture *texture)
{
  g_return_if_fail (IR_IS_PDF_VIEW (self));

  if (g_set_object (&self->page_texture, texture))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Lets a drag with the primary button pan the page, for views without
 * markup tools. */
void
ir_pdf_view_set_pan_with_primary (IrPdfView *self,
                                  gboolean   pan)
{
  g_return_if_fail (IR_IS_PDF_VIEW (self));

  self->pan_with_primary = !!pan;
}

double
ir_pdf_view_get_zoom (IrPdfView *self)
{
  g_return_val_if_fail (IR_IS_PDF_VIEW (self), 1.0);

  return get_zoom (self);
}

void
ir_pdf_view_page_to_widget (IrPdfView *self,
                            double     page_x,
                            double     page_y,
                            double    *x,
                            double    *y)
{
  double origin_x, origin_y, zoom = get_zoom (self);

  ir_pdf_view_get_page_origin (self, &origin_x, &origin_y);
  *x = origin_x + page_x * zoom;
  *y = origin_y + page_y * zoom;
}

void
ir_pdf_view_widget_to_page (IrPdfView *self,
                            double     x,
                            double     y,
                            double    *page_x,
                            double    *page_y)
{
  double origin_x, origin_y, zoom = get_zoom (self);

  ir_pdf_view_get_page_origin (self, &origin_x, &origin_y);
  *page_x = (x - origin_x) / zoom;
  *page_y = (y - origin_y) / zoom;
}

/* Zooms by @factor, keeping the page point under (@x, @y) in place. */
void
ir_pdf_view_zoom_at (IrPdfView *self,
                     double     factor,
                     double     x,
                     double     y)
{
  g_return_if_fail (IR_IS_PDF_VIEW (self));

  if (self->model == NULL)
    return;

  self->have_anchor = TRUE;
  self->anchor_x = x;
  self->anchor_y = y;
  ir_pdf_document_model_zoom_by (self->model, factor);
  self->have_anchor = FALSE;
}

/* Zooms so that @rect (page points) fills the view, and centres it. */
void
ir_pdf_view_zoom_to_rect (IrPdfView       *self,
                          const IrPdfRect *rect)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * IR_PDF_VIEW_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * IR_PDF_VIEW_MARGIN;
  double zoom, x, y;

  g_return_if_fail (IR_IS_PDF_VIEW (self));

  if (self->model == NULL)
    return;

  /* A view not laid out yet zooms when it is. */
  if (width <= 0 || height <= 0)
    {
      self->have_pending_rect = TRUE;
      self->pending_rect = *rect;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  self->have_pending_rect = FALSE;
  zoom = MIN (width / MAX (rect->width, 1), height / MAX (rect->height, 1));
  ir_pdf_document_model_set_sizing_mode (self->model, IR_PDF_SIZING_FREE);
  ir_pdf_document_model_set_zoom (self->model, zoom);
  ir_pdf_view_update_adjustments (self);

  /* Centre the rectangle. */
  ir_pdf_view_page_to_widget (self, rect->x + rect->width / 2, rect->y + rect->height / 2,
                              &x, &y);
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) +
                            x - gtk_widget_get_width (GTK_WIDGET (self)) / 2.0);
  gtk_adjustment_set_value (self->vadjustment, gtk_adjustment_get_value (self->vadjustment) +
                            y - gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

/* Starts a pan that ir_pdf_view_update_pan() moves by a drag's offset. */
void
ir_pdf_view_begin_pan (IrPdfView *self)
{
  g_return_if_fail (IR_IS_PDF_VIEW (self));

  self->pan_start_h = gtk_adjustment_get_value (self->hadjustment);
  self->pan_start_v = gtk_adjustment_get_value (self->vadjustment);
}

void
ir_pdf_view_update_pan (IrPdfView *self,
                        double     dx,
                        double     dy)
{
  g_return_if_fail (IR_IS_PDF_VIEW (self));

  gtk_adjustment_set_value (self->hadjustment, self->pan_start_h - dx);
  gtk_adjustment_set_value (self->vadjustment, self->pan_start_v - dy);
}

IrPdfPictureState
ir_pdf_view_get_picture_state (IrPdfView *self)
{
  g_return_val_if_fail (IR_IS_PDF_VIEW (self), IR_PDF_PICTURE_NONE);

  return self->picture_state;
}

/* Returns how many tiles and pictures this view has rendered. */
guint
ir_pdf_view_get_n_rendered (IrPdfView *self)
{
  g_return_val_if_fail (IR_IS_PDF_VIEW (self), 0);

  return ir_pdf_tiles_get_n_rendered (self->tiles);
}
