/* ir-history-dialog.c: who changed what of one item, and when
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per transaction that touched the item, the newest first, each
 * with its author, its time and every field it set as old → new. The old
 * value is the one the previous op on the same field set, because the log
 * stores only new values.
 *
 * NOTE: two concurrent writes to one field both show, the loser too, and
 * the later one's old value is the earlier one even if its author had not
 * seen it.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-hlc.h"
#include "ir-history-dialog.h"
#include "ir-ui-util.h"

struct _IrHistoryDialog
{
  AdwWindow       parent_instance;

  IrStore        *store;
  char           *kind;
  char           *eid;
  guint           n_rows;
  GtkSizeGroup   *field_labels;   /* one column for the field names */

  AdwWindowTitle *window_title;
  GtkStack       *stack;
  GtkListBox     *list_box;
};

G_DEFINE_FINAL_TYPE (IrHistoryDialog, ir_history_dialog, ADW_TYPE_WINDOW)

/* --- helpers -------------------------------------------------------------- */

static gint64
op_time (const IrOp *op)
{
  return op->received > 0 ? op->received : ir_hlc_get_ms (op->hlc) * 1000;
}

/* Orders ops as last-writer-wins does, by clock and then id, so that each
 * op's old value is the one it replaced. The store lists synced ops before
 * unsynced ones, which puts a local edit made before a remote one after it. */
static int
compare_ops_by_clock (gconstpointer a,
                      gconstpointer b)
{
  const IrOp *first = *(const IrOp **) a;
  const IrOp *second = *(const IrOp **) b;

  if (first->hlc != second->hlc)
    return first->hlc < second->hlc ? -1 : 1;

  return g_strcmp0 (first->id, second->id);
}

static GtkWidget *
create_change_line (IrHistoryDialog *self,
                    const IrOp      *op,
                    JsonNode        *old_value)
{
  g_autofree char *new_text = ir_format_value (self->store, self->kind, op->field, op->value);
  g_autofree char *old_text = NULL;
  g_autofree char *label_text = NULL;
  GtkWidget *line, *field, *values;

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (line, "history-change");

  field = gtk_label_new (ir_field_label (op->field));
  gtk_label_set_xalign (GTK_LABEL (field), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (field), 20);
  gtk_label_set_ellipsize (GTK_LABEL (field), PANGO_ELLIPSIZE_END);
  gtk_size_group_add_widget (self->field_labels, field);
  gtk_widget_add_css_class (field, "dim-label");
  gtk_box_append (GTK_BOX (line), field);

  if (old_value != NULL && !g_str_equal (op->field, "deleted"))
    {
      old_text = ir_format_value (self->store, self->kind, op->field, old_value);
      /* Translators: a field's old and new value in the history. */
      label_text = g_strdup_printf (_("%s → %s"), old_text, new_text);
    }
  else
    label_text = g_strdup (new_text);

  values = gtk_label_new (label_text);
  gtk_label_set_xalign (GTK_LABEL (values), 0);
  gtk_label_set_wrap (GTK_LABEL (values), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (values), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (values), TRUE);
  gtk_widget_set_hexpand (values, TRUE);
  gtk_widget_add_css_class (values, "new-value");
  gtk_box_append (GTK_BOX (line), values);

  return line;
}

/* Builds one row for the ops of one transaction, @first to @last. */
static GtkWidget *
create_tx_row (IrHistoryDialog *self,
               GPtrArray       *ops,
               guint            first,
               guint            last,
               GHashTable      *previous)
{
  const IrOp *head = ops->pdata[first];
  g_autofree char *who = ir_actor_dup_name (self->store, head->actor);
  g_autofree char *when = ir_format_relative_time (op_time (head), g_get_real_time ());
  g_autofree char *heading = NULL;
  GtkWidget *row, *box, *title;

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* Translators: who made a change and when, as in “Li Wei · today 14:05”. */
  heading = g_strdup_printf (_("%s · %s"), who, when);
  title = gtk_label_new (heading);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), title);

  for (guint i = first; i <= last; i++)
    {
      const IrOp *op = ops->pdata[i];

      gtk_box_append (GTK_BOX (box),
                      create_change_line (self, op, g_hash_table_lookup (previous, op->field)));
      g_hash_table_insert (previous, op->field, op->value);
    }

  return row;
}

static void
load_history (IrHistoryDialog *self)
{
  g_autoptr(GPtrArray) ops = ir_store_get_history (self->store, self->eid);
  g_autoptr(GHashTable) previous = g_hash_table_new (g_str_hash, g_str_equal);
  guint first = 0;

  g_ptr_array_sort (ops, compare_ops_by_clock);

  /* The log is oldest first, so that each op knows the value it replaced;
   * rows are prepended to show the newest first. */
  for (guint i = 0; i < ops->len; i++)
    {
      const IrOp *op = ops->pdata[i];
      const IrOp *next = i + 1 < ops->len ? ops->pdata[i + 1] : NULL;

      if (next != NULL && g_strcmp0 (next->tx, op->tx) == 0)
        continue;

      gtk_list_box_prepend (self->list_box, create_tx_row (self, ops, first, i, previous));
      self->n_rows++;
      first = i + 1;
    }

  gtk_stack_set_visible_child_name (self->stack, self->n_rows > 0 ? "list" : "empty");
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_history_dialog_dispose (GObject *object)
{
  IrHistoryDialog *self = IR_HISTORY_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->field_labels);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_HISTORY_DIALOG);

  G_OBJECT_CLASS (ir_history_dialog_parent_class)->dispose (object);
}

static void
ir_history_dialog_finalize (GObject *object)
{
  IrHistoryDialog *self = IR_HISTORY_DIALOG (object);

  g_free (self->kind);
  g_free (self->eid);

  G_OBJECT_CLASS (ir_history_dialog_parent_class)->finalize (object);
}

static void
ir_history_dialog_class_init (IrHistoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_history_dialog_dispose;
  object_class->finalize = ir_history_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-history-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IrHistoryDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, IrHistoryDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, IrHistoryDialog, list_box);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ir_history_dialog_init (IrHistoryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_labels = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
}

/* --- public API ----------------------------------------------------------- */

IrHistoryDialog *
ir_history_dialog_new (GtkWindow  *parent,
                       IrStore    *store,
                       const char *kind,
                       const char *eid)
{
  IrHistoryDialog *self;
  g_autoptr(IrEntity) entity = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL && eid != NULL, NULL);

  self = g_object_new (IR_TYPE_HISTORY_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->kind = g_strdup (kind);
  self->eid = g_strdup (eid);

  entity = ir_store_get_entity (store, kind, eid);
  title = entity ? ir_entity_dup_title (entity) : g_strdup (ir_kind_label (kind));
  adw_window_title_set_subtitle (self->window_title, title);

  load_history (self);

  return self;
}

/* Returns the number of transactions listed. */
guint
ir_history_dialog_get_n_rows (IrHistoryDialog *self)
{
  g_return_val_if_fail (IR_IS_HISTORY_DIALOG (self), 0);

  return self->n_rows;
}
