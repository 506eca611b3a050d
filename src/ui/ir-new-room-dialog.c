/* ir-new-room-dialog.c: requests the name and customer of a new room
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog only collects and checks the text; the window creates the
 * room when the "create" response comes, so that the same code path serves
 * the dialog and the tests.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include "ir-new-room-dialog.h"
#include "ir-room-directory.h"

struct _IrNewRoomDialog
{
  AdwMessageDialog  parent_instance;

  AdwEntryRow      *name_row;
  AdwEntryRow      *customer_row;
  GtkLabel         *error_label;
};

G_DEFINE_FINAL_TYPE (IrNewRoomDialog, ir_new_room_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* --- callbacks ------------------------------------------------------------ */

/* Enables "Create" only for text that ir_room_directory_create() accepts,
 * and says why otherwise, once the user has typed something. */
static void
entry_changed_cb (IrNewRoomDialog *self)
{
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *customer = gtk_editable_get_text (GTK_EDITABLE (self->customer_row));
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = ir_room_name_validate (name, &error) && ir_room_customer_validate (customer, &error);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", valid);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  else if (name[0] != '\0' || customer[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");

  ir_new_room_dialog_set_error (self, valid || name[0] == '\0' ? NULL : error->message);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_new_room_dialog_class_init (IrNewRoomDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-new-room-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IrNewRoomDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, IrNewRoomDialog, customer_row);
  gtk_widget_class_bind_template_child (widget_class, IrNewRoomDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed_cb);
}

static void
ir_new_room_dialog_init (IrNewRoomDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrNewRoomDialog *
ir_new_room_dialog_new (GtkWindow *parent)
{
  return g_object_new (IR_TYPE_NEW_ROOM_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
}

const char *
ir_new_room_dialog_get_name (IrNewRoomDialog *self)
{
  g_return_val_if_fail (IR_IS_NEW_ROOM_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->name_row));
}

const char *
ir_new_room_dialog_get_customer (IrNewRoomDialog *self)
{
  g_return_val_if_fail (IR_IS_NEW_ROOM_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->customer_row));
}

/* Shows @message under the fields, or hides the line for %NULL. */
void
ir_new_room_dialog_set_error (IrNewRoomDialog *self,
                              const char      *message)
{
  g_return_if_fail (IR_IS_NEW_ROOM_DIALOG (self));

  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}
