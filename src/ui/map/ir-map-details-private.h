/* ir-map-details-private.h: the details panel's state, shared by
 * ir-map-details*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-map-details.h"
#include "ir-map-model.h"

G_BEGIN_DECLS

struct _IrMapDetails
{
  GtkWidget       parent_instance;

  IrStore        *store;
  gulong          entity_changed_id;
  IrEntity       *entity;
  gulong          changed_id;
  IrMapCoverage  *coverage;       /* borrowed from the canvas */
  GPtrArray      *members;        /* borrowed: IrMapSceneMember* of the trio */

  gboolean        updating;       /* while widgets are filled from the entity */
  GHashTable     *dirty;          /* fields typed but not saved yet */
  guint           save_id;
  GPtrArray      *relationship_rows;  /* AdwComboRow*, named by member id */
  GPtrArray      *owner_ids;      /* member id per row of owner_row; NULL for "Nobody" */

  GtkWidget      *scroller;
  GtkLabel       *heading;
  GtkLabel       *subheading;
  GtkListBox     *conflicts_list;
  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwEntryRow    *department_row;
  AdwComboRow    *stance_row;
  AdwComboRow    *influence_row;
  AdwComboRow    *role_row;
  GtkSpinButton  *rank_spin;
  GtkSwitch      *placeholder_switch;
  AdwPreferencesGroup *coverage_group;
  AdwComboRow    *owner_row;
  GtkFlowBox     *concerns_box;
  AdwEntryRow    *concern_row;
  GtkTextView    *concern_note_view;
  AdwActionRow   *status_row;
  GtkButton      *status_button;
  GtkListBox     *links_list;
  GtkListBox     *interactions_list;
  GtkListBox     *timeline_list;
  AdwEntryRow    *phone_row;
  AdwEntryRow    *email_row;
  GtkTextView    *notes_view;
};

extern const char * const ir_map_details_stances[];
extern const char * const ir_map_details_roles[];

/* ir-map-details.c */
void ir_map_details_save_value           (IrMapDetails *self,
                                          const char   *field,
                                          JsonNode     *value);

/* ir-map-details-history.c */
void ir_map_details_update_timeline      (IrMapDetails *self);
void ir_map_details_update_conflicts     (IrMapDetails *self);
void ir_map_details_class_init_actions   (GtkWidgetClass *widget_class);

/* ir-map-details-lists.c */
void ir_map_details_update_concerns      (IrMapDetails *self);
void ir_map_details_update_links         (IrMapDetails *self);
void ir_map_details_update_interactions  (IrMapDetails *self);
void ir_map_details_update_relationships (IrMapDetails *self);
void ir_map_details_update_status        (IrMapDetails *self);
void ir_map_details_clear_lists          (IrMapDetails *self);
void ir_map_details_toast                (IrMapDetails *self,
                                          const char   *message);

G_END_DECLS
