/* ir-review-window-private.h: the review window's state, shared by
 * ir-review-window*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-review-window.h"

G_BEGIN_DECLS

struct _IrReviewWindow
{
  AdwWindow             parent_instance;

  IrStore              *store;
  IrReviewAgenda       *agenda;
  GPtrArray            *pages;           /* GtkWidget*, one per step */
  GtkWidget            *decisions_page;
  guint                 step;
  gboolean              reached_end;     /* the decisions step was shown */

  /* Drawing compares, one revision at a time. */
  GCancellable         *cancellable;
  guint                 compare_index;
  gboolean              comparing;

  /* Export (ir-review-window-export.c). */
  GtkFileChooserNative *chooser;
  char                 *export_path;     /* waiting for the compares */

  const char           *size_class;
  guint                 size_idle_id;
  GtkShortcutController *remote_keys;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *step_stack;
  GtkLabel             *step_label;
  GtkLabel             *position_label;
  GtkBox               *progress;
};

void ir_review_window_show_message     (IrReviewWindow *self,
                                        const char     *message);

/* ir-review-window-export.c */
void ir_review_window_class_init_export (GtkWidgetClass *widget_class);
void ir_review_window_compares_done    (IrReviewWindow *self);
void ir_review_window_export_clear     (IrReviewWindow *self);

G_END_DECLS
