/* ir-window-private.h: the window's state, shared by ir-window*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-inbox-popover.h"
#include "ir-presence-bar.h"
#include "ir-sync-indicator.h"
#include "ir-sync-manager.h"
#include "ir-window.h"

G_BEGIN_DECLS

struct _IrWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  IrRoomDirectory      *rooms;
  IrRoomInfo           *room;
  IrStore              *store;
  IrEntityList         *room_entities;  /* the "room" entity, to follow its name */
  gulong                tx_applied_id;
  guint                 unread;
  guint                 unread_idle_id;
  gboolean              report_first_frame;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkListBox           *room_list;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *inbox_button;
  IrInboxPopover       *inbox_popover;
  GtkLabel             *inbox_badge;
  GtkStack             *room_stack;
  AdwViewStack         *view_stack;
  AdwStatusPage        *error_page;
  GtkWidget            *map_page;
  GtkWidget            *drawings_page;
  GtkWidget            *plan_page;
  GtkWidget            *risks_page;

  /* The open room's sync, see ir-window-sync.c. */
  IrSyncClient         *sync;
  GCancellable         *sync_cancellable;
  IrSyncIndicator      *sync_indicator;
  IrPresenceBar        *presence_bar;
};

void ir_window_class_init_actions (GtkWidgetClass *widget_class);
void ir_window_update_actions     (IrWindow       *self);
void ir_window_update_unread      (IrWindow       *self);

void ir_window_class_init_sync    (GtkWidgetClass *widget_class);
void ir_window_sync_attach        (IrWindow       *self);
void ir_window_sync_detach        (IrWindow       *self);

G_END_DECLS
