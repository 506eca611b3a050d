/* ir-risks-page-private.h: state shared by the risks page's files
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-escalation-monitor.h"
#include "ir-risks-details.h"
#include "ir-risks-page.h"

G_BEGIN_DECLS

/* Which alerts the state filter shows, in the order of its menu. */
typedef enum
{
  IR_RISKS_FILTER_OPEN,
  IR_RISKS_FILTER_ATTENTION,
  IR_RISKS_FILTER_ACKNOWLEDGED,
  IR_RISKS_FILTER_SNOOZED,
  IR_RISKS_FILTER_RESOLVED,
  IR_RISKS_FILTER_ALL,
} IrRisksFilter;

struct _IrRisksPage
{
  GtkWidget            parent_instance;

  IrStore             *store;
  IrEscalationMonitor *monitor;
  IrEntityList        *risks;
  GListModel          *open_risks;
  gulong               tx_applied_id;
  gulong               evaluated_id;
  guint                refresh_id;

  GPtrArray           *alerts;        /* IrRisksAlert*, as listed */
  char                *selected;      /* key of the selected alert */
  GPtrArray           *owner_ids;     /* member id per owner filter item; NULL = all */
  gboolean             refreshing;

  GtkStack            *stack;
  GtkWidget           *provisional_box;
  GtkListBox          *list_box;
  GtkListBox          *risk_list_box;
  GtkLabel            *no_alerts_label;
  GtkLabel            *red_count;
  GtkLabel            *yellow_count;
  GtkLabel            *blue_count;
  GtkLabel            *risks_count;
  GtkDropDown         *owner_filter;
  GtkDropDown         *state_filter;
  GtkRevealer         *details_revealer;
  IrRisksDetails      *details;
};

/* ir-risks-page.c */
void          ir_risks_page_refresh         (IrRisksPage  *self);
IrRisksAlert *ir_risks_page_find_alert      (IrRisksPage  *self,
                                             const char   *key);
void          ir_risks_page_show_error      (IrRisksPage  *self,
                                             const char   *heading,
                                             const GError *error);

/* ir-risks-page-alerts.c */
GPtrArray    *ir_risks_page_collect_alerts  (IrRisksPage        *self);
gboolean      ir_risks_page_alert_matches   (IrRisksPage        *self,
                                             const IrRisksAlert *alert);
gboolean      ir_risks_alert_is_open        (const IrRisksAlert *alert);
int           ir_risks_alert_compare        (gconstpointer       a,
                                             gconstpointer       b);
GtkWidget    *ir_risks_page_create_alert_row (IrRisksPage       *self,
                                             const IrRisksAlert *alert);
void          ir_risks_page_update_header_cb (GtkListBoxRow     *row,
                                             GtkListBoxRow      *before,
                                             gpointer            user_data);
GtkWidget    *ir_risks_page_create_risk_row_cb (gpointer         item,
                                                gpointer         user_data);
int           ir_risks_compare_risks        (gconstpointer       a,
                                             gconstpointer       b,
                                             gpointer            user_data);
gboolean      ir_risks_risk_is_open         (gpointer            item,
                                             gpointer            user_data);

/* ir-risks-page-actions.c */
void          ir_risks_page_class_init_actions (GtkWidgetClass *widget_class);
void          ir_risks_page_update_actions  (IrRisksPage  *self);

G_END_DECLS
