/* ir-ui-test-util.h: helpers for tests that run the app in-process
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-application.h"

G_BEGIN_DECLS

/* What ir_ui_test_write_sample_room() writes, for checks. */
#define IR_SAMPLE_STAKEHOLDERS 6
#define IR_SAMPLE_TASKS        9
#define IR_SAMPLE_MILESTONES   3
#define IR_SAMPLE_DRAWINGS     2
#define IR_SAMPLE_ALERTS       3
#define IR_SAMPLE_RISKS        2

/* Names of the sample room in English and in Chinese. */
#define IR_SAMPLE_NAME_EN      "Valve deal"
#define IR_SAMPLE_NAME_ZH      "阀门项目"

/* A second member of the sample room, who writes the "remote" changes. */
#define IR_SAMPLE_OTHER_USER   "li.wei"

void           ir_ui_test_init               (int            *argc,
                                              char         ***argv);
IrApplication *ir_ui_test_start_app          (void);
void           ir_ui_test_stop_app           (IrApplication  *app);
void           ir_ui_test_iterate            (guint           ms);
gboolean       ir_ui_test_wait_until         (gboolean      (*condition) (gpointer),
                                              gpointer        data,
                                              guint           timeout_ms);
GtkWidget     *ir_ui_test_find_named         (GtkWidget      *root,
                                              const char     *name);
GtkWidget     *ir_ui_test_find_by_type       (GtkWidget      *root,
                                              GType           type);
guint          ir_ui_test_count_rows         (GtkWidget      *list_box);
const char    *ir_ui_test_label_text         (GtkWidget      *root,
                                              const char     *name);
GtkWindow     *ir_ui_test_find_toplevel      (GType           type);
void           ir_ui_test_write_sample_room  (IrStore        *store,
                                              gboolean        chinese);
IrRoomInfo    *ir_ui_test_create_sample_room (IrRoomDirectory *rooms,
                                              gboolean         chinese);
void           ir_ui_test_apply_remote_edit  (IrStore        *store,
                                              const char     *entity,
                                              const char     *eid,
                                              const char     *field,
                                              const char     *value,
                                              gint64          seq);

G_END_DECLS
