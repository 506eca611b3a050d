/* ir-conflict-note.c: the values a field lost to concurrent edits, with one
 * click to use one of them
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When two members set one field without having seen each other's edit,
 * every replica shows the same winner and keeps the other value. A page
 * puts this note under the field: one line per other value, "Also set to
 * “X” by Y", with a "Use This" button. Using a value writes it as a new
 * edit, which has seen both and so settles the field everywhere. The note
 * follows the field and hides itself while there is no conflict.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-conflict.h"
#include "ir-conflict-note.h"
#include "ir-ui-util.h"

struct _IrConflictNote
{
  GtkWidget  parent_instance;

  IrStore   *store;
  IrEntity  *entity;      /* followed for changes of the field */
  gulong     changed_id;
  char      *kind;
  char      *eid;
  char      *field;
  GPtrArray *conflicts;   /* IrConflict*, as the lines show them */
};

G_DEFINE_FINAL_TYPE (IrConflictNote, ir_conflict_note, GTK_TYPE_WIDGET)

/* --- helpers -------------------------------------------------------------- */

static void
clear_lines (IrConflictNote *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

static GtkWidget *
create_line (IrConflictNote *self,
             IrConflict     *conflict,
             guint           index)
{
  g_autofree char *who = ir_actor_dup_name (self->store, conflict->actor);
  g_autofree char *value = ir_format_value (self->store, self->kind, self->field,
                                            conflict->value);
  g_autofree char *text = NULL;
  GtkWidget *line, *icon, *label, *button;

  if (conflict->value == NULL || JSON_NODE_HOLDS_NULL (conflict->value))
    /* Translators: another member cleared the field at the same time. */
    text = g_strdup_printf (_("Also cleared by %s"), who);
  else
    /* Translators: a value that lost a concurrent edit, and who wrote it. */
    text = g_strdup_printf (_("Also set to “%s” by %s"), value, who);

  line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (line, "conflict-line");

  icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (icon, "warning");
  gtk_box_append (GTK_BOX (line), icon);

  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (line), label);

  button = gtk_button_new_with_mnemonic (_("_Use This"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Set the field to this value for everyone"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "conflict.use");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  gtk_box_append (GTK_BOX (line), button);

  return line;
}

static void
refresh (IrConflictNote *self)
{
  clear_lines (self);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  if (self->store != NULL)
    self->conflicts = ir_conflict_list (self->store, self->eid, self->field);

  for (guint i = 0; self->conflicts != NULL && i < self->conflicts->len; i++)
    gtk_widget_set_parent (create_line (self, self->conflicts->pdata[i], i), GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), ir_conflict_note_get_n_values (self) > 0);
}

static void
unfollow (IrConflictNote *self)
{
  if (self->entity != NULL)
    g_clear_signal_handler (&self->changed_id, self->entity);
  g_clear_object (&self->entity);
  g_clear_object (&self->store);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->eid, g_free);
  g_clear_pointer (&self->field, g_free);
}

/* --- callbacks ------------------------------------------------------------ */

static void
entity_changed_cb (IrConflictNote *self,
                   const char     *field,
                   IrEntity       *entity)
{
  refresh (self);
}

static void
use_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IrConflictNote *self = IR_CONFLICT_NOTE (widget);
  g_autoptr(GError) error = NULL;

  if (!ir_conflict_note_use (self, g_variant_get_uint32 (parameter), &error))
    g_warning ("Failed to use the other value of %s.%s: %s", self->kind, self->field,
               error->message);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_conflict_note_dispose (GObject *object)
{
  IrConflictNote *self = IR_CONFLICT_NOTE (object);

  unfollow (self);
  clear_lines (self);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (ir_conflict_note_parent_class)->dispose (object);
}

static void
ir_conflict_note_class_init (IrConflictNoteClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_conflict_note_dispose;

  gtk_widget_class_install_action (widget_class, "conflict.use", "u", use_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictnote");
}

static void
ir_conflict_note_init (IrConflictNote *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "conflict-note");
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_conflict_note_new (void)
{
  return g_object_new (IR_TYPE_CONFLICT_NOTE, NULL);
}

/**
 * ir_conflict_note_set_field:
 * @store: (nullable): the room's store, or %NULL to show nothing
 * @kind: the kind of entity, such as "stakeholder"
 * @eid: the entity's id
 * @field: the field the note is about
 *
 * Shows the values @field of @eid lost to concurrent edits, and follows
 * the field from then on.
 */
void
ir_conflict_note_set_field (IrConflictNote *self,
                            IrStore        *store,
                            const char     *kind,
                            const char     *eid,
                            const char     *field)
{
  g_return_if_fail (IR_IS_CONFLICT_NOTE (self));

  unfollow (self);

  if (store != NULL && kind != NULL && eid != NULL && field != NULL)
    {
      g_autofree char *detailed = g_strconcat ("changed::", field, NULL);

      self->store = g_object_ref (store);
      self->kind = g_strdup (kind);
      self->eid = g_strdup (eid);
      self->field = g_strdup (field);
      self->entity = ir_store_get_entity (store, kind, eid);
      if (self->entity != NULL)
        self->changed_id = g_signal_connect_object (self->entity, detailed,
                                                    G_CALLBACK (entity_changed_cb), self,
                                                    G_CONNECT_SWAPPED);
    }

  refresh (self);
}

/* Returns how many other values the note offers. */
guint
ir_conflict_note_get_n_values (IrConflictNote *self)
{
  g_return_val_if_fail (IR_IS_CONFLICT_NOTE (self), 0);

  return self->conflicts ? self->conflicts->len : 0;
}

/**
 * ir_conflict_note_use:
 * @index: the line of the value, from 0
 *
 * Writes the value of line @index to the field, as a new edit of this
 * member's.
 */
gboolean
ir_conflict_note_use (IrConflictNote  *self,
                      guint            index,
                      GError         **error)
{
  g_autoptr(IrTx) tx = NULL;
  IrConflict *conflict;

  g_return_val_if_fail (IR_IS_CONFLICT_NOTE (self), FALSE);

  if (self->store == NULL || index >= ir_conflict_note_get_n_values (self))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("That value is no longer offered; the field changed since."));
      return FALSE;
    }

  conflict = self->conflicts->pdata[index];
  tx = ir_store_begin (self->store);
  if (conflict->value == NULL || JSON_NODE_HOLDS_NULL (conflict->value))
    ir_tx_set_null (tx, self->kind, self->eid, self->field);
  else
    ir_tx_set (tx, self->kind, self->eid, self->field, json_node_copy (conflict->value));

  if (!ir_store_commit (self->store, tx, error))
    return FALSE;

  refresh (self);
  return TRUE;
}
