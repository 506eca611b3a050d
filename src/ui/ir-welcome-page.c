/* ir-welcome-page.c: what a first start shows
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page offers the three ways in: the demo room, a new room and a
 * server. Its rows activate the app.* actions of the same names, so the
 * page itself holds no logic.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include "ir-welcome-page.h"

struct _IrWelcomePage
{
  GtkWidget      parent_instance;

  AdwStatusPage *status_page;
};

G_DEFINE_FINAL_TYPE (IrWelcomePage, ir_welcome_page, GTK_TYPE_WIDGET)

static void
ir_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), IR_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (ir_welcome_page_parent_class)->dispose (object);
}

static void
ir_welcome_page_class_init (IrWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_welcome_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrWelcomePage, status_page);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_welcome_page_init (IrWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
