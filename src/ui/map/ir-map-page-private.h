/* ir-map-page-private.h: the map page's state, shared by ir-map-page*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-map-canvas.h"
#include "ir-map-coverage-view.h"
#include "ir-map-details.h"
#include "ir-map-page.h"

G_BEGIN_DECLS

struct _IrMapPage
{
  GtkWidget          parent_instance;

  IrStore           *store;
  IrEntityList      *stakeholders;
  GtkFilterListModel *people;        /* the people list: filtered and sorted */
  GtkCustomFilter   *people_filter;
  IrMapFilter       *filter;
  GPtrArray         *departments;    /* names in the department dropdown, after "all" */
  char              *view;
  gboolean           show_people;

  GtkStack          *stack;
  AdwFlap           *flap;
  GtkStack          *view_stack;
  GtkRevealer       *people_revealer;
  GtkListBox        *list_box;
  IrMapCanvas       *canvas;
  IrMapCoverageView *coverage_view;
  IrMapDetails      *details;
  GtkSearchEntry    *search_entry;
  GtkMenuButton     *filter_button;
  GtkLabel          *filter_label;
  GtkDropDown       *department_dropdown;
  GtkDropDown       *stance_dropdown;
  GtkDropDown       *role_dropdown;
  GtkDropDown       *coverage_dropdown;
  GtkButton         *zoom_button;
};

/* ir-map-page-actions.c */
void ir_map_page_class_init_actions (GtkWidgetClass *widget_class);
void ir_map_page_toast              (IrMapPage      *self,
                                     const char     *message);
void ir_map_page_update_filter      (IrMapPage      *self);
void ir_map_page_update_departments (IrMapPage      *self);

G_END_DECLS
