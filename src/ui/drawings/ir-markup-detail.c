/* ir-markup-detail.c: one markup's comment, status and thread of replies
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The comment is saved a second after typing stops, or when the focus
 * leaves it, as one transaction. A store change rereads the markup but
 * leaves a comment being typed alone.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawing-model.h"
#include "ir-markup-detail.h"
#include "ir-markup-layer.h"
#include "ir-ui-util.h"

#define SAVE_DELAY_MS 1000

static const char * const statuses[] = { "open", "accepted", "rejected", "done", NULL };
static const char * const stamps[] = { "approved", "rejected", "info", NULL };

struct _IrMarkupDetail
{
  GtkWidget       parent_instance;

  IrStore        *store;
  char           *markup;
  guint           save_id;
  gboolean        loading;

  GtkStack       *stack;
  GtkLabel       *color_dot;
  GtkLabel       *title_label;
  GtkLabel       *byline_label;
  GtkTextView    *text_view;
  GtkDropDown    *status_dropdown;
  GtkDropDown    *stamp_dropdown;
  GtkListBox     *replies_list;
  GtkEntry       *reply_entry;
  GtkButton      *reply_button;
  GtkButton      *delete_button;
};

G_DEFINE_FINAL_TYPE (IrMarkupDetail, ir_markup_detail, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- helpers -------------------------------------------------------------- */

static void
report (IrMarkupDetail *self,
        const char     *message)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

static guint
index_of (const char * const *values,
          const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;

  return 0;
}

static char *
dup_text (IrMarkupDetail *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static int
compare_replies (gconstpointer a,
                 gconstpointer b)
{
  gint64 ca = ir_entity_get_int (*(IrEntity **) a, "created");
  gint64 cb = ir_entity_get_int (*(IrEntity **) b, "created");

  return ca < cb ? -1 : ca > cb;
}

static GtkWidget *
new_reply_row (IrStore  *store,
               IrEntity *reply)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *byline, *text;
  g_autofree char *name = ir_actor_dup_name (store, ir_entity_get_string (reply, "author"));
  g_autofree char *when = ir_format_time (ir_entity_get_int (reply, "created"));
  g_autofree char *header = g_strdup_printf ("%s · %s", name, when);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);

  byline = gtk_label_new (header);
  gtk_label_set_xalign (GTK_LABEL (byline), 0);
  gtk_widget_add_css_class (byline, "dim-label");
  gtk_widget_add_css_class (byline, "caption");
  gtk_box_append (GTK_BOX (box), byline);

  text = gtk_label_new (ir_entity_get_string (reply, "text"));
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_box_append (GTK_BOX (box), text);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
show_replies (IrMarkupDetail *self)
{
  g_autoptr(IrEntityList) list =
    ir_store_list_children (self->store, "markup_reply", "markup", self->markup);
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *child;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->replies_list))) != NULL)
    gtk_list_box_remove (self->replies_list, child);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (replies, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (replies, compare_replies);

  for (guint i = 0; i < replies->len; i++)
    gtk_list_box_append (self->replies_list, new_reply_row (self->store, replies->pdata[i]));
  gtk_widget_set_visible (GTK_WIDGET (self->replies_list), replies->len > 0);
}

static void
show_color (IrMarkupDetail *self,
            const char     *author)
{
  g_autoptr(IrEntityList) members = ir_store_list (self->store, "member");
  g_autofree char *css = NULL;
  const char *role = NULL;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));
  GdkRGBA color;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), author) == 0)
        role = ir_entity_get_string (member, "role");
    }

  ir_markup_color_for_role (role, &color);
  css = g_strdup_printf ("<span foreground=\"#%02x%02x%02x\">●</span>",
                         (int) (color.red * 255), (int) (color.green * 255),
                         (int) (color.blue * 255));
  gtk_label_set_markup (self->color_dot, css);
}

/* --- saving --------------------------------------------------------------- */

/* Saves the comment being typed, if it differs from the stored one. */
void
ir_markup_detail_save (IrMarkupDetail *self)
{
  g_autoptr(IrEntity) markup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (IR_IS_MARKUP_DETAIL (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store == NULL || self->markup == NULL)
    return;

  markup = ir_store_get_entity (self->store, "markup", self->markup);
  if (markup == NULL || !ir_entity_is_visible (markup))
    return;

  text = dup_text (self);
  if (g_strcmp0 (text, ir_entity_get_string (markup, "text") ?: "") == 0)
    return;

  if (!ir_markup_set_field (self->store, self->markup, "text", text, &error))
    report (self, error->message);
}

static gboolean
save_timeout_cb (gpointer data)
{
  IrMarkupDetail *self = data;

  self->save_id = 0;
  ir_markup_detail_save (self);

  return G_SOURCE_REMOVE;
}

static void
text_changed_cb (IrMarkupDetail *self,
                 GtkTextBuffer  *buffer)
{
  if (self->loading)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
text_focus_left_cb (IrMarkupDetail          *self,
                    GtkEventControllerFocus *controller)
{
  if (self->save_id != 0)
    ir_markup_detail_save (self);
}

static void
set_field_from_dropdown (IrMarkupDetail     *self,
                         GtkDropDown        *dropdown,
                         const char         *field,
                         const char * const *values)
{
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->loading || self->markup == NULL || selected >= g_strv_length ((char **) values))
    return;

  if (!ir_markup_set_field (self->store, self->markup, field, values[selected], &error))
    report (self, error->message);
}

static void
status_selected_cb (IrMarkupDetail *self,
                    GParamSpec     *pspec,
                    GtkDropDown    *dropdown)
{
  set_field_from_dropdown (self, dropdown, "status", statuses);
}

static void
stamp_selected_cb (IrMarkupDetail *self,
                   GParamSpec     *pspec,
                   GtkDropDown    *dropdown)
{
  set_field_from_dropdown (self, dropdown, "stamp", stamps);
}

static void
reply_cb (IrMarkupDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reply = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->reply_entry));

  if (self->markup == NULL)
    return;

  reply = ir_markup_add_reply (self->store, self->markup, text, &error);
  if (reply == NULL)
    {
      report (self, error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->reply_entry), "");
}

static void
delete_cb (IrMarkupDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *markup = g_strdup (self->markup);

  if (markup == NULL)
    return;

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (!ir_markup_delete (self->store, markup, &error))
    {
      report (self, error->message);
      return;
    }

  report (self, _("Markup deleted. Press Ctrl+Z to undo."));
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_markup_detail_dispose (GObject *object)
{
  IrMarkupDetail *self = IR_MARKUP_DETAIL (object);

  g_clear_handle_id (&self->save_id, g_source_remove);
  g_clear_object (&self->store);
  g_clear_pointer (&self->markup, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_MARKUP_DETAIL);

  G_OBJECT_CLASS (ir_markup_detail_parent_class)->dispose (object);
}

static void
ir_markup_detail_class_init (IrMarkupDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_markup_detail_dispose;

  /**
   * IrMarkupDetail::message:
   * @message: what happened or failed, for a toast
   */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-markup-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, color_dot);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, byline_label);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, text_view);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, stamp_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, replies_list);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, reply_entry);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, reply_button);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupDetail, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_markup_detail_init (IrMarkupDetail *self)
{
  g_autoptr(GtkStringList) status_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stamp_labels = gtk_string_list_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; statuses[i] != NULL; i++)
    gtk_string_list_append (status_labels, ir_markup_status_label (statuses[i]));
  for (guint i = 0; stamps[i] != NULL; i++)
    gtk_string_list_append (stamp_labels, ir_markup_stamp_label (stamps[i]));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (status_labels));
  gtk_drop_down_set_model (self->stamp_dropdown, G_LIST_MODEL (stamp_labels));

  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (text_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (focus, "leave", G_CALLBACK (text_focus_left_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), focus);
  g_signal_connect_object (self->status_dropdown, "notify::selected",
                           G_CALLBACK (status_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stamp_dropdown, "notify::selected",
                           G_CALLBACK (stamp_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reply_entry, "activate", G_CALLBACK (reply_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reply_button, "clicked", G_CALLBACK (reply_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->delete_button, "clicked", G_CALLBACK (delete_cb), self,
                           G_CONNECT_SWAPPED);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_markup_detail_show:
 * @self: the detail
 * @store: (nullable): the room
 * @markup: (nullable): the markup to show, or %NULL for none
 * @revision: (nullable): the revision shown, to say whether the markup was
 *   carried onto it
 * @number: the markup's number in its drawing
 *
 * Shows @markup as the store has it now. A comment being typed in the same
 * markup stays as typed.
 */
void
ir_markup_detail_show (IrMarkupDetail *self,
                       IrStore        *store,
                       const char     *markup,
                       const char     *revision,
                       guint           number)
{
  g_autoptr(IrEntity) entity = NULL;
  g_autoptr(IrEntity) placement = NULL;
  g_autofree char *title = NULL;
  g_autofree char *author = NULL;
  g_autofree char *when = NULL;
  g_autofree char *byline = NULL;
  const char *kind, *stamp, *text;
  gboolean same;

  g_return_if_fail (IR_IS_MARKUP_DETAIL (self));

  same = g_strcmp0 (self->markup, markup) == 0 && self->store == store;
  if (!same)
    ir_markup_detail_save (self);

  g_set_object (&self->store, store);
  g_free (self->markup);
  self->markup = g_strdup (markup);

  entity = store && markup ? ir_store_get_entity (store, "markup", markup) : NULL;
  if (entity == NULL || !ir_entity_is_visible (entity))
    {
      g_clear_pointer (&self->markup, g_free);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }

  self->loading = TRUE;
  kind = ir_entity_get_string (entity, "kind");
  stamp = ir_entity_get_string (entity, "stamp");
  text = ir_entity_get_string (entity, "text");
  placement = revision ? ir_markup_find_placement (store, markup, revision) : NULL;

  /* Translators: a markup's number and its kind, as in "#3 · Cloud". */
  title = g_strdup_printf (_("#%u · %s"), number, ir_markup_kind_label (kind));
  gtk_label_set_label (self->title_label, title);

  author = ir_actor_dup_name (store, ir_entity_get_string (entity, "author"));
  when = ir_format_time (ir_entity_get_int (entity, "created"));
  if (placement != NULL && ir_entity_get_boolean (placement, "carried"))
    /* Translators: who made a markup and when; it was carried from an
     * earlier revision. */
    byline = g_strdup_printf (_("%s · %s · carried forward from an earlier revision"),
                              author, when);
  else
    /* Translators: who made a markup and when. */
    byline = g_strdup_printf (_("%s · %s"), author, when);
  gtk_label_set_label (self->byline_label, byline);
  show_color (self, ir_entity_get_string (entity, "author"));

  if (!same || !gtk_widget_has_focus (GTK_WIDGET (self->text_view)))
    {
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text ? text : "", -1);
      g_clear_handle_id (&self->save_id, g_source_remove);
    }

  gtk_drop_down_set_selected (self->status_dropdown,
                              index_of (statuses, ir_entity_get_string (entity, "status")));
  gtk_widget_set_visible (GTK_WIDGET (self->stamp_dropdown), g_strcmp0 (kind, "stamp") == 0);
  gtk_drop_down_set_selected (self->stamp_dropdown, index_of (stamps, stamp));
  show_replies (self);

  gtk_stack_set_visible_child_name (self->stack, "markup");
  self->loading = FALSE;
}

const char *
ir_markup_detail_get_markup (IrMarkupDetail *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_DETAIL (self), NULL);

  return self->markup;
}

/* Puts the focus in the comment, for a markup just drawn. */
void
ir_markup_detail_focus_text (IrMarkupDetail *self)
{
  g_return_if_fail (IR_IS_MARKUP_DETAIL (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
