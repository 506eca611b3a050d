/* ir-trash-dialog.c: the deleted items of a room, to restore
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lists the roots of what was deleted; restoring one brings back what it
 * contained, because children are only hidden while their parent is
 * deleted. A restore is an ordinary transaction, so it can be undone.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-hlc.h"
#include "ir-trash-dialog.h"
#include "ir-ui-util.h"

struct _IrTrashDialog
{
  AdwWindow       parent_instance;

  IrStore        *store;
  gulong          tx_applied_id;
  guint           n_rows;

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (IrTrashDialog, ir_trash_dialog, ADW_TYPE_WINDOW)

/* --- helpers -------------------------------------------------------------- */

static GtkWidget *
create_row (IrTrashDialog *self,
            IrEntity      *entity)
{
  const char *kind = ir_entity_get_kind (entity);
  g_autofree char *title = ir_entity_dup_title (entity);
  g_autofree char *who = ir_actor_dup_name (self->store, ir_entity_get_deleted_by (entity));
  gint64 hlc = ir_entity_get_field_hlc (entity, "deleted");
  g_autofree char *when = ir_format_relative_time (ir_hlc_get_ms (hlc) * 1000,
                                                   g_get_real_time ());
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *restore;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: kind of item, who deleted it and when. */
  subtitle = g_strdup_printf (_("%s · deleted by %s · %s"), ir_kind_label (kind), who, when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  restore = gtk_button_new_with_mnemonic (_("_Restore"));
  gtk_widget_set_valign (restore, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (restore), "trash.restore");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (restore), "(ss)", kind,
                                    ir_entity_get_id (entity));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  gtk_widget_set_name (row, ir_entity_get_id (entity));

  return row;
}

/* --- callbacks ------------------------------------------------------------ */

static void
restore_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrTrashDialog *self = IR_TRASH_DIALOG (widget);
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;
  const char *kind, *eid;

  g_variant_get (parameter, "(&s&s)", &kind, &eid);

  tx = ir_store_begin (self->store);
  ir_tx_restore (tx, kind, eid);
  if (!ir_store_commit (self->store, tx, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("The Item Could Not Be Restored"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
tx_applied_cb (IrTrashDialog *self,
               guint          flags,
               IrStore       *store)
{
  ir_trash_dialog_refresh (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_trash_dialog_dispose (GObject *object)
{
  IrTrashDialog *self = IR_TRASH_DIALOG (object);

  if (self->tx_applied_id != 0)
    g_clear_signal_handler (&self->tx_applied_id, self->store);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_TRASH_DIALOG);

  G_OBJECT_CLASS (ir_trash_dialog_parent_class)->dispose (object);
}

static void
ir_trash_dialog_class_init (IrTrashDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_trash_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-trash-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IrTrashDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IrTrashDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IrTrashDialog, list_box);

  gtk_widget_class_install_action (widget_class, "trash.restore", "(ss)", restore_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ir_trash_dialog_init (IrTrashDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

IrTrashDialog *
ir_trash_dialog_new (GtkWindow *parent,
                     IrStore   *store)
{
  IrTrashDialog *self;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  self = g_object_new (IR_TYPE_TRASH_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                 G_CALLBACK (tx_applied_cb), self,
                                                 G_CONNECT_SWAPPED);
  ir_trash_dialog_refresh (self);

  return self;
}

guint
ir_trash_dialog_get_n_rows (IrTrashDialog *self)
{
  g_return_val_if_fail (IR_IS_TRASH_DIALOG (self), 0);

  return self->n_rows;
}

/* Reads the trash again from the store. */
void
ir_trash_dialog_refresh (IrTrashDialog *self)
{
  g_autoptr(GPtrArray) trash = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  g_return_if_fail (IR_IS_TRASH_DIALOG (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  trash = ir_store_get_trash (self->store);
  for (guint i = 0; i < trash->len; i++)
    gtk_list_box_append (self->list_box, create_row (self, trash->pdata[i]));
  self->n_rows = trash->len;

  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item", "%u items",
                                           trash->len),
                              trash->len);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_stack_set_visible_child_name (self->stack, trash->len > 0 ? "list" : "empty");
}
