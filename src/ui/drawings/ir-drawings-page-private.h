/* ir-drawings-page-private.h: the page's state, shared by ir-drawings-page*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-drawing-compare-view.h"
#include "ir-drawing-model.h"
#include "ir-drawing-notifier.h"
#include "ir-drawings-page.h"
#include "ir-markup-layer.h"
#include "ir-markup-panel.h"
#include "ir-pdf-thumbnails.h"
#include "ir-pdf-view.h"

G_BEGIN_DECLS

struct _IrDrawingsPage
{
  GtkWidget             parent_instance;

  IrStore              *store;
  IrEntityList         *drawings;
  gulong                tx_applied_id;
  IrDrawingNotifier    *notifier;

  /* The drawing and revision shown. */
  char                 *drawing;
  char                 *revision;
  GPtrArray            *revisions;       /* IrRevisionInfo of the drawing */
  gboolean              choosing;        /* setting the revision dropdown */
  char                 *tool;
  gboolean              show_thumbnails;
  gboolean              show_markups;
  guint                 zoom_idle_id;

  IrPdfDocumentModel   *model;
  GtkWidget            *view;
  GtkWidget            *thumbnails;
  IrMarkupLayer        *layer;

  /* An import in progress. */
  GCancellable         *import_cancellable;
  GtkFileChooserNative *chooser;
  char                 *import_drawing;  /* NULL adds a new drawing */

  GtkStack             *stack;
  GtkWidget            *sidebar;
  GtkListBox           *list_box;
  GtkLabel             *total_count;
  GtkLabel             *revisions_count;
  GtkLabel             *open_count;
  GtkStack             *main_stack;
  GtkLabel             *drawing_title;
  GtkDropDown          *revision_dropdown;
  GtkLabel             *revision_info;
  GtkLabel             *zoom_label;
  GtkScrolledWindow    *view_scroller;
  GtkRevealer          *thumbnails_revealer;
  GtkLabel             *view_message;
  GtkSpinner           *import_spinner;
  GtkPaned             *content_paned;
  IrMarkupPanel        *markup_panel;
  IrDrawingCompareView *compare_view;
};

/* ir-drawings-page.c */
void ir_drawings_page_show_message       (IrDrawingsPage *self,
                                          const char     *message);
void ir_drawings_page_open_revision      (IrDrawingsPage *self,
                                          const char     *drawing,
                                          const char     *revision);
void ir_drawings_page_update_actions     (IrDrawingsPage *self);

/* ir-drawings-page-viewer.c */
void ir_drawings_page_init_viewer        (IrDrawingsPage *self);
void ir_drawings_page_class_init_viewer  (GtkWidgetClass *widget_class);
void ir_drawings_page_show_revision      (IrDrawingsPage *self);
void ir_drawings_page_refresh_markups    (IrDrawingsPage *self);
void ir_drawings_page_dispose_viewer     (IrDrawingsPage *self);

/* ir-drawings-page-import.c */
void ir_drawings_page_class_init_import  (GtkWidgetClass *widget_class);
void ir_drawings_page_init_import        (IrDrawingsPage *self);
void ir_drawings_page_cancel_import      (IrDrawingsPage *self);

G_END_DECLS
