/* ir-drawing-compare-view.c: two revisions of a drawing, and what changed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The overlay (old ink red, new ink blue, the rest grey) and the
 * side-by-side views share the new revision's document model, and the old
 * view follows its zoom and scrolling. The work runs in threads
 * (ir-drawing-compare-view-jobs.c) and the results are listed and drawn by
 * ir-drawing-compare-view-lists.c.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawing-compare-view-private.h"

/* Settings are applied this long after the last change, in milliseconds. */
#define SETTINGS_DELAY 350
#define OPACITY_DELAY 80

G_DEFINE_FINAL_TYPE (IrDrawingCompareView, ir_drawing_compare_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CLOSED,
  SIGNAL_FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Emits ::finished, once a comparison finished or failed. */
void
ir_drawing_compare_view_emit_finished (IrDrawingCompareView *self)
{
  g_signal_emit (self, signals[SIGNAL_FINISHED], 0);
}

/* --- callbacks ------------------------------------------------------------ */

static gboolean
settings_timeout_cb (gpointer data)
{
  IrDrawingCompareView *self = data;

  self->settings_id = 0;
  ir_drawing_compare_view_start_compare (self);

  return G_SOURCE_REMOVE;
}

static void
settings_changed_cb (IrDrawingCompareView *self)
{
  gboolean aligned = gtk_switch_get_active (self->align_switch);

  gtk_widget_set_sensitive (GTK_WIDGET (self->offset_x_spin), !aligned);
  gtk_widget_set_sensitive (GTK_WIDGET (self->offset_y_spin), !aligned);
  if (self->populating)
    return;

  g_clear_handle_id (&self->settings_id, g_source_remove);
  self->settings_id = g_timeout_add (SETTINGS_DELAY, settings_timeout_cb, self);
}

static gboolean
opacity_timeout_cb (gpointer data)
{
  IrDrawingCompareView *self = data;

  self->opacity_id = 0;
  ir_drawing_compare_view_redraw_overlay (self);

  return G_SOURCE_REMOVE;
}

static void
opacity_changed_cb (IrDrawingCompareView *self)
{
  g_clear_handle_id (&self->opacity_id, g_source_remove);
  self->opacity_id = g_timeout_add (OPACITY_DELAY, opacity_timeout_cb, self);
}

static void
revision_chosen_cb (IrDrawingCompareView *self,
                    GParamSpec           *pspec,
                    GtkDropDown          *dropdown)
{
  guint old_index = gtk_drop_down_get_selected (self->old_dropdown);
  guint new_index = gtk_drop_down_get_selected (self->new_dropdown);

  if (self->populating || self->revisions == NULL ||
      old_index >= self->revisions->len || new_index >= self->revisions->len)
    return;

  g_free (self->old_revision);
  g_free (self->new_revision);
  self->old_revision = g_strdup (ir_entity_get_id (((IrRevisionInfo *) self->revisions->pdata[old_index])->entity));
  self->new_revision = g_strdup (ir_entity_get_id (((IrRevisionInfo *) self->revisions->pdata[new_index])->entity));
  ir_drawing_compare_view_start_prepare (self);
}

static void
pair_chosen_cb (IrDrawingCompareView *self,
                GParamSpec           *pspec,
                GtkDropDown          *dropdown)
{
  if (self->populating)
    return;

  ir_drawing_compare_view_choose_pair (self, gtk_drop_down_get_selected (dropdown));
  ir_drawing_compare_view_start_compare (self);
}

static void
mode_toggled_cb (IrDrawingCompareView *self,
                 GtkToggleButton      *button)
{
  gboolean side = gtk_toggle_button_get_active (self->side_button);

  gtk_stack_set_visible_child_name (self->mode_stack, side ? "side" : "overlay");
  gtk_widget_set_visible (self->opacity_box, !side);
}

static void
back_clicked_cb (IrDrawingCompareView *self)
{
  g_signal_emit (self, signals[SIGNAL_CLOSED], 0);
}

static void
fit_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrDrawingCompareView *self = IR_DRAWING_COMPARE_VIEW (widget);

  ir_pdf_document_model_set_sizing_mode (self->new_model, IR_PDF_SIZING_FIT_PAGE);
}

static void
snapshot_overlay_cb (IrPdfView            *view,
                     GtkSnapshot          *snapshot,
                     IrDrawingCompareView *self)
{
  ir_drawing_compare_view_snapshot_regions (self, view, snapshot);
}

/* --- GObject -------------------------------------------------------------- */

static GtkWidget *
add_view (IrDrawingCompareView *self,
          GtkScrolledWindow    *scroller,
          IrPdfDocumentModel   *model,
          const char           *name)
{
  GtkWidget *view = ir_pdf_view_new (model);

  gtk_widget_set_name (view, name);
  ir_pdf_view_set_pan_with_primary (IR_PDF_VIEW (view), TRUE);
  gtk_scrolled_window_set_child (scroller, view);
  g_signal_connect_object (view, "snapshot-overlay", G_CALLBACK (snapshot_overlay_cb), self, 0);

  return view;
}

static void
ir_drawing_compare_view_dispose (GObject *object)
{
  IrDrawingCompareView *self = IR_DRAWING_COMPARE_VIEW (object);

  ir_drawing_compare_view_close (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_DRAWING_COMPARE_VIEW);
  g_clear_object (&self->old_model);
  g_clear_object (&self->new_model);

  G_OBJECT_CLASS (ir_drawing_compare_view_parent_class)->dispose (object);
}

static void
ir_drawing_compare_view_class_init (IrDrawingCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_drawing_compare_view_dispose;

  /**
   * IrDrawingCompareView::closed:
   *
   * Emitted when the user goes back to the drawing.
   */
  signals[SIGNAL_CLOSED] =
    g_signal_new ("closed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IrDrawingCompareView::finished:
   *
   * Emitted when a comparison finished or failed.
   */
  signals[SIGNAL_FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-drawing-compare-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, root_box);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, back_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, old_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, new_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, pair_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, spinner);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, opacity_box);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, opacity_adjustment);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, overlay_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, side_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, overlay_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, old_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, new_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, old_caption);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, new_caption);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, legend_removed);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, legend_added);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, regions_list);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, text_heading);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, text_list);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, markups_heading);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, markups_list);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, tolerance_spin);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, align_switch);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, offset_x_spin);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, offset_y_spin);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, ignore_button);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingCompareView, ignore_list);

  gtk_widget_class_install_action (widget_class, "compare.fit", NULL, fit_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_drawing_compare_view_init (IrDrawingCompareView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selected_region = -1;
  self->old_model = ir_pdf_document_model_new ();
  self->new_model = ir_pdf_document_model_new ();
  self->overlay_view = add_view (self, self->overlay_scroller, self->new_model, "compare-overlay-view");
  self->old_view = add_view (self, self->old_scroller, self->old_model, "compare-old-view");
  self->new_view = add_view (self, self->new_scroller, self->new_model, "compare-new-view");

  /* The old page follows the new one's zoom and scrolling. */
  g_object_bind_property (self->new_model, "zoom", self->old_model, "zoom",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->new_model, "sizing-mode", self->old_model, "sizing-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (gtk_scrolled_window_get_hadjustment (self->new_scroller), "value",
                          gtk_scrolled_window_get_hadjustment (self->old_scroller), "value",
                          G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (gtk_scrolled_window_get_vadjustment (self->new_scroller), "value",
                          gtk_scrolled_window_get_vadjustment (self->old_scroller), "value",
                          G_BINDING_BIDIRECTIONAL);

  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->old_dropdown, "notify::selected",
                           G_CALLBACK (revision_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_dropdown, "notify::selected",
                           G_CALLBACK (revision_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pair_dropdown, "notify::selected",
                           G_CALLBACK (pair_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_button, "toggled", G_CALLBACK (mode_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->opacity_adjustment, "value-changed",
                           G_CALLBACK (opacity_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tolerance_spin, "value-changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offset_x_spin, "value-changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->offset_y_spin, "value-changed",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->align_switch, "notify::active",
                           G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);

  ir_drawing_compare_view_init_lists (self);
  ir_drawing_compare_view_init_drawing (self);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_drawing_compare_view_open:
 * @self: the view
 * @store: the room
 * @drawing: the drawing whose revisions to compare
 * @old_revision: the earlier revision
 * @new_revision: the later revision
 *
 * Opens both revisions and compares their first matched pair of pages in
 * the background; ::finished follows.
 */
void
ir_drawing_compare_view_open (IrDrawingCompareView *self,
                              IrStore              *store,
                              const char           *drawing,
                              const char           *old_revision,
                              const char           *new_revision)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  IrRevisionInfo *old_info, *new_info;

  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));
  g_return_if_fail (IR_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->drawing);
  self->drawing = g_strdup (drawing);
  g_free (self->old_revision);
  self->old_revision = g_strdup (old_revision);
  g_free (self->new_revision);
  self->new_revision = g_strdup (new_revision);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  self->revisions = ir_drawing_list_revisions (store, drawing);

  for (guint i = 0; i < self->revisions->len; i++)
    {
      IrRevisionInfo *info = g_ptr_array_index (self->revisions, i);
      g_autofree char *label = g_strdup_printf (_("Revision %s"), info->label);

      gtk_string_list_append (labels, label);
    }

  old_info = ir_drawing_find_revision (self->revisions, old_revision);
  new_info = ir_drawing_find_revision (self->revisions, new_revision);
  self->populating = TRUE;
  gtk_drop_down_set_model (self->old_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->new_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->old_dropdown, old_info ? old_info->index : 0);
  gtk_drop_down_set_selected (self->new_dropdown, new_info ? new_info->index : 0);
  self->populating = FALSE;

  g_clear_pointer (&self->compare, ir_compare_ref_release);
  ir_pdf_view_set_page_texture (IR_PDF_VIEW (self->overlay_view), NULL);
  ir_drawing_compare_view_show_results (self);
  ir_drawing_compare_view_start_prepare (self);
}

/* Stops any compare and lets go of the room. */
void
ir_drawing_compare_view_close (IrDrawingCompareView *self)
{
  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->generation++;
  self->busy = FALSE;
  g_clear_handle_id (&self->settings_id, g_source_remove);
  g_clear_handle_id (&self->opacity_id, g_source_remove);
  g_clear_pointer (&self->compare, ir_compare_ref_release);
  g_clear_pointer (&self->pairs, g_array_unref);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  g_clear_pointer (&self->drawing, g_free);
  g_clear_pointer (&self->old_revision, g_free);
  g_clear_pointer (&self->new_revision, g_free);
  g_clear_pointer (&self->ignore_signature, g_free);
  g_clear_object (&self->old_pdf);
  g_clear_object (&self->new_pdf);
  g_clear_object (&self->store);
  if (self->old_model != NULL)
    ir_pdf_document_model_set_document (self->old_model, NULL, NULL);
  if (self->new_model != NULL)
    ir_pdf_document_model_set_document (self->new_model, NULL, NULL);
  if (self->overlay_view != NULL)
    ir_pdf_view_set_page_texture (IR_PDF_VIEW (self->overlay_view), NULL);
}

/* Follows changes of the room: new markups and ignore regions. */
void
ir_drawing_compare_view_refresh (IrDrawingCompareView *self)
{
  g_autoptr(GArray) ignored = NULL;
  g_autofree char *signature = NULL;

  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  if (self->store == NULL)
    return;

  ir_drawing_compare_view_show_markups (self);
  ir_drawing_compare_view_show_ignored (self);

  ignored = ir_drawing_compare_view_get_ignored (self, &signature);
  if (self->old_pdf != NULL && g_strcmp0 (signature, self->ignore_signature) != 0)
    ir_drawing_compare_view_start_compare (self);
}

void
ir_drawing_compare_view_set_side_by_side (IrDrawingCompareView *self,
                                          gboolean              side_by_side)
{
  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  gtk_toggle_button_set_active (side_by_side ? self->side_button : self->overlay_button, TRUE);
}

/* Whether a compare is running. */
gboolean
ir_drawing_compare_view_is_busy (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), FALSE);

  return self->busy;
}

guint
ir_drawing_compare_view_get_n_regions (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), 0);

  return self->compare ? ir_drawing_compare_get_regions (*self->compare)->len : 0;
}

guint
ir_drawing_compare_view_get_n_text_changes (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), 0);

  return self->compare ? ir_drawing_compare_get_text_changes (*self->compare)->len : 0;
}

/* Whether the pages' text layers were compared, which needs both. */
gboolean
ir_drawing_compare_view_get_text_compared (IrDrawingCompareView *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), FALSE);

  return self->compare && ir_drawing_compare_get_text_compared (*self->compare);
}
