/* ir-drawing-compare-view-private.h: state shared by ir-drawing-compare-view*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-drawing-compare-view.h"
#include "ir-drawing-compare.h"
#include "ir-drawing-model.h"
#include "ir-pdf-view.h"

G_BEGIN_DECLS

/* A comparison shared by the view and the thread that redraws its overlay
 * at another opacity: an atomic reference-counted box holding the pointer. */
typedef IrDrawingCompare *IrCompareRef;

struct _IrDrawingCompareView
{
  GtkWidget           parent_instance;

  IrStore            *store;
  char               *drawing;
  GPtrArray          *revisions;     /* IrRevisionInfo, upload order */
  char               *old_revision;
  char               *new_revision;
  IrPdf              *old_pdf;
  IrPdf              *new_pdf;
  GArray             *pairs;         /* IrDrawingPageMatch */
  int                 old_page;
  int                 new_page;
  IrCompareRef       *compare;
  char               *ignore_signature;
  GCancellable       *cancellable;
  guint               generation;
  gboolean            busy;
  gboolean            populating;
  guint               settings_id;
  guint               opacity_id;
  int                 selected_region;

  IrPdfDocumentModel *old_model;
  IrPdfDocumentModel *new_model;
  GtkWidget          *overlay_view;
  GtkWidget          *old_view;
  GtkWidget          *new_view;

  /* An ignore region being dragged on a view, in page points. */
  gboolean            dragging_ignore;
  double              ignore_start[2];
  double              ignore_end[2];

  GtkWidget          *root_box;
  GtkButton          *back_button;
  GtkDropDown        *old_dropdown;
  GtkDropDown        *new_dropdown;
  GtkDropDown        *pair_dropdown;
  GtkSpinner         *spinner;
  GtkWidget          *opacity_box;
  GtkAdjustment      *opacity_adjustment;
  GtkToggleButton    *overlay_button;
  GtkToggleButton    *side_button;
  GtkStack           *mode_stack;
  GtkScrolledWindow  *overlay_scroller;
  GtkScrolledWindow  *old_scroller;
  GtkScrolledWindow  *new_scroller;
  GtkLabel           *old_caption;
  GtkLabel           *new_caption;
  GtkLabel           *summary_label;
  GtkLabel           *legend_removed;
  GtkLabel           *legend_added;
  GtkLabel           *notice_label;
  GtkListBox         *regions_list;
  GtkLabel           *text_heading;
  GtkListBox         *text_list;
  GtkLabel           *markups_heading;
  GtkListBox         *markups_list;
  GtkSpinButton      *tolerance_spin;
  GtkSwitch          *align_switch;
  GtkSpinButton      *offset_x_spin;
  GtkSpinButton      *offset_y_spin;
  GtkToggleButton    *ignore_button;
  GtkListBox         *ignore_list;
};

IrCompareRef *ir_compare_ref_new                  (IrDrawingCompare     *compare);
IrCompareRef *ir_compare_ref_acquire              (IrCompareRef         *ref);
void          ir_compare_ref_release              (IrCompareRef         *ref);

/* ir-drawing-compare-view-lists.c */
void          ir_drawing_compare_view_show_results (IrDrawingCompareView *self);
void          ir_drawing_compare_view_show_markups (IrDrawingCompareView *self);
void          ir_drawing_compare_view_show_ignored (IrDrawingCompareView *self);
GArray       *ir_drawing_compare_view_get_ignored  (IrDrawingCompareView *self,
                                                    char                **signature);
void          ir_drawing_compare_view_init_lists   (IrDrawingCompareView *self);

/* ir-drawing-compare-view-draw.c */
void          ir_drawing_compare_view_snapshot_regions (IrDrawingCompareView *self,
                                                    IrPdfView            *view,
                                                    GtkSnapshot          *snapshot);
void          ir_drawing_compare_view_init_drawing (IrDrawingCompareView *self);

/* ir-drawing-compare-view.c */
void          ir_drawing_compare_view_emit_finished (IrDrawingCompareView *self);

/* ir-drawing-compare-view-jobs.c */
void          ir_drawing_compare_view_start_prepare  (IrDrawingCompareView *self);
void          ir_drawing_compare_view_start_compare  (IrDrawingCompareView *self);
void          ir_drawing_compare_view_redraw_overlay (IrDrawingCompareView *self);
void          ir_drawing_compare_view_choose_pair    (IrDrawingCompareView *self,
                                                      guint                 index);

G_END_DECLS
