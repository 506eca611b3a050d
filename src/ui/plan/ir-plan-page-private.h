/* ir-plan-page-private.h: the plan page's state, shared by its files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-gantt-timeline.h"
#include "ir-plan-page.h"
#include "ir-plan-rows.h"
#include "ir-seal.h"

G_BEGIN_DECLS

struct _IrPlanPage
{
  GtkWidget           parent_instance;

  IrStore            *store;
  gulong              entity_changed_id;
  gulong              tx_applied_id;
  IrSchedule         *schedule;
  IrPlanRows         *rows;
  GtkSingleSelection *selection;
  GHashTable         *seals;          /* task id → IrSealStatus* */
  GHashTable         *seal_states;    /* task id → IrSealState + 1, for the timeline */
  GtkStringList      *member_names;   /* "nobody" first, then the members */
  GPtrArray          *member_ids;     /* member entity ids, NULL first */
  GHashTable         *owners;         /* task id → owner member id, "" for none; as read */
  char               *load_error;

  /* Work that the transactions since the last refresh left to do. */
  gboolean            needs_reload;
  gboolean            needs_compute;
  gboolean            needs_seal_check;
  gboolean            needs_members;

  GtkStack           *stack;
  GtkColumnView      *table;
  GtkScrolledWindow  *table_scroller;
  IrGanttTimeline    *timeline;
  GtkScrollbar       *timeline_hscrollbar;
  GtkScrollbar       *timeline_vscrollbar;
  GtkPaned           *paned;
  GtkRevealer        *banner;
  GtkLabel           *banner_label;
  GtkRevealer        *details;
  GtkLabel           *details_title;
  GtkLabel           *details_facts;
  GtkLabel           *details_seal;
  GtkLabel           *details_void;
  GtkButton          *confirm_button;
  GtkButton          *sheet_button;
  GtkLabel           *total_count;
  GtkLabel           *milestones_count;
  GtkLabel           *confirmed_count;
  GtkLabel           *late_count;
  GtkToggleButton    *zoom_buttons[4];
};

/* ir-plan-page.c */
void            ir_plan_page_show_error         (IrPlanPage     *self,
                                                 const char     *heading,
                                                 const char     *message);
void            ir_plan_page_show_toast         (IrPlanPage     *self,
                                                 const char     *message);

/* ir-plan-page-load.c */
void            ir_plan_page_load_store         (IrPlanPage     *self,
                                                 IrStore        *store);
void            ir_plan_page_refresh            (IrPlanPage     *self);
char           *ir_plan_page_dup_member_name    (IrPlanPage     *self,
                                                 const char     *member_id);
const char     *ir_plan_page_get_owner          (IrPlanPage     *self,
                                                 const char     *task_id);

/* ir-plan-page-details.c */
void            ir_plan_page_check_seals        (IrPlanPage     *self);
void            ir_plan_page_update_summary     (IrPlanPage     *self);
IrScheduleTask *ir_plan_page_get_selected_task  (IrPlanPage     *self);
void            ir_plan_page_select_task        (IrPlanPage     *self,
                                                 const char     *task_id);
void            ir_plan_page_update_details     (IrPlanPage     *self);

/* ir-plan-page-edit.c */
gboolean        ir_plan_page_commit             (IrPlanPage     *self,
                                                 IrTx           *tx,
                                                 const char     *heading);
void            ir_plan_page_set_text           (IrPlanPage     *self,
                                                 const char     *task_id,
                                                 const char     *field,
                                                 const char     *value);
void            ir_plan_page_set_number         (IrPlanPage     *self,
                                                 const char     *task_id,
                                                 const char     *field,
                                                 gint64          value);
gboolean        ir_plan_page_move_task          (IrPlanPage     *self,
                                                 const char     *task_id,
                                                 IrDay           start);
gboolean        ir_plan_page_resize_task        (IrPlanPage     *self,
                                                 const char     *task_id,
                                                 int             duration);
gboolean        ir_plan_page_link_tasks         (IrPlanPage     *self,
                                                 const char     *predecessor_id,
                                                 const char     *successor_id);
gboolean        ir_plan_page_add_task           (IrPlanPage     *self,
                                                 gboolean        milestone);
gboolean        ir_plan_page_indent             (IrPlanPage     *self,
                                                 gboolean        outdent);
gboolean        ir_plan_page_delete_task        (IrPlanPage     *self);
gboolean        ir_plan_page_save_baseline      (IrPlanPage     *self);

/* ir-plan-page-actions.c */
void            ir_plan_page_class_init_actions (GtkWidgetClass *widget_class);
void            ir_plan_page_update_actions     (IrPlanPage     *self);

/* ir-plan-table.c */
void            ir_plan_table_setup             (IrPlanPage     *self);
void            ir_plan_table_edit_name         (IrPlanPage     *self);
IrDay           ir_plan_parse_day               (const char     *text);
char           *ir_plan_format_day              (IrDay           day);

G_END_DECLS
