/* ir-ui-util.h: labels and formats shared by the pages and dialogs
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-store.h"

G_BEGIN_DECLS

const char *ir_kind_label             (const char *kind);
const char *ir_field_label            (const char *field);
const char *ir_enum_label             (const char *value);
char       *ir_entity_dup_title       (IrEntity   *entity);
char       *ir_format_value           (IrStore    *store,
                                       const char *kind,
                                       const char *field,
                                       JsonNode   *value);
char       *ir_format_date            (const char *iso_date);
char       *ir_format_time            (gint64      usec);
char       *ir_format_relative_time   (gint64      usec,
                                       gint64      now_usec);
char       *ir_member_dup_name        (IrStore    *store,
                                       const char *member_eid);
char       *ir_actor_dup_name         (IrStore    *store,
                                       const char *user);
IrEntity   *ir_store_find_own_member  (IrStore    *store);
int         ir_date_days_between      (const char *from,
                                       const char *to);
GtkWidget  *ir_item_menu_button_new   (const char *kind,
                                       const char *eid);
GtkWidget  *ir_pill_new               (const char *label,
                                       const char *style_class);

G_END_DECLS
