/* ir-drawings-page.c: the drawings page: drawings, revisions and markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sidebar lists the room's drawings with a chip per revision. The rest of
 * the page shows one revision in the viewer (ir-drawings-page-viewer.c) or
 * compares two (IrDrawingCompareView). New drawings and revisions come in
 * through ir-drawings-page-import.c. Every change goes through the store,
 * and the page follows the store's "tx-applied" signal, so edits by other
 * members show as they arrive.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawings-page-private.h"
#include "ir-ui-util.h"
#include "ir-window.h"

G_DEFINE_FINAL_TYPE (IrDrawingsPage, ir_drawings_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_TOOL,
  PROP_SHOW_THUMBNAILS,
  PROP_SHOW_MARKUPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* --- summary -------------------------------------------------------------- */

static guint
count_open_markups (GListModel *markups)
{
  guint n = g_list_model_get_n_items (markups);
  guint open = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) markup = g_list_model_get_item (markups, i);

      if (ir_markup_is_open (markup))
        open++;
    }

  return open;
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static void
update_summary (IrDrawingsPage *self)
{
  guint n = self->drawings ? g_list_model_get_n_items (G_LIST_MODEL (self->drawings)) : 0;
  g_autoptr(IrEntityList) revisions = NULL;
  g_autoptr(IrEntityList) markups = NULL;

  set_count (self->total_count, n);

  if (self->store != NULL)
    {
      revisions = ir_store_list (self->store, "revision");
      markups = ir_store_list (self->store, "markup");
      set_count (self->revisions_count, g_list_model_get_n_items (G_LIST_MODEL (revisions)));
      set_count (self->open_count, count_open_markups (G_LIST_MODEL (markups)));
    }

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
}

/* --- drawing list --------------------------------------------------------- */

static GtkWidget *
new_revision_chip (const char *drawing,
                   IrRevisionInfo *info,
                   gboolean    current)
{
  GtkWidget *chip = gtk_button_new_with_label (info->label);
  const char *note = ir_entity_get_string (info->entity, "note");
  g_autofree char *tooltip = NULL;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (chip), "drawings.open-revision");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (chip), "(ss)", drawing,
                                    ir_entity_get_id (info->entity));
  gtk_widget_add_css_class (chip, "revision-chip");
  if (current)
    gtk_widget_add_css_class (chip, "current");

  /* Translators: the tooltip of a revision's chip; %s is its label. */
  tooltip = note && note[0] ? g_strdup_printf (_("Revision %s: %s"), info->label, note)
                            : g_strdup_printf (_("Revision %s"), info->label);
  gtk_widget_set_tooltip_text (chip, tooltip);

  return chip;
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IrDrawingsPage *self = user_data;
  IrEntity *drawing = item;
  const char *eid = ir_entity_get_id (drawing);
  const char *number = ir_entity_get_string (drawing, "number");
  g_autoptr(IrEntityList) markups = ir_store_list_children (self->store, "markup",
                                                            "drawing", eid);
  g_autoptr(GPtrArray) revisions = ir_drawing_list_revisions (self->store, eid);
  g_autofree char *title = ir_entity_dup_title (drawing);
  g_autofree char *subtitle = NULL;
  guint n_open = count_open_markups (G_LIST_MODEL (markups));
  GtkWidget *row, *box, *top, *label, *chips;

  row = gtk_list_box_row_new ();
  gtk_widget_set_name (row, eid);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), top);
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (top), label);
  if (n_open > 0)
    {
      g_autofree char *open = g_strdup_printf ("%u", n_open);
      g_autofree char *tooltip =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open markup",
                                      "%u open markups", n_open), n_open);
      GtkWidget *pill = ir_pill_new (open, "skeptic");

      gtk_widget_set_tooltip_text (pill, tooltip);
      gtk_box_append (GTK_BOX (top), pill);
    }

  subtitle = g_strdup (number && number[0] ? number : _("No number"));
  label = gtk_label_new (subtitle);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  chips = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_box_append (GTK_BOX (box), chips);
  for (guint i = 0; i < revisions->len; i++)
    {
      IrRevisionInfo *info = g_ptr_array_index (revisions, i);
      gboolean current = g_strcmp0 (self->drawing, eid) == 0 &&
                         g_strcmp0 (self->revision, ir_entity_get_id (info->entity)) == 0;

      gtk_box_append (GTK_BOX (chips), new_revision_chip (eid, info, current));
    }

  return row;
}

static void
select_current_row (IrDrawingsPage *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list_box, i)) != NULL; i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), self->drawing) == 0)
      {
        gtk_list_box_select_row (self->list_box, row);
        return;
      }

  gtk_list_box_unselect_all (self->list_box);
}

static void
bind_drawings (IrDrawingsPage *self)
{
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->drawings),
                           create_row_cb, self, NULL);
  select_current_row (self);
}

/* A compare needs the width of two sheets, so the list of drawings steps
 * aside meanwhile. Leaving it lets go of both renders and the overlay,
 * about 200 MB for a pair of A1 sheets at the compare's resolution. */
static void
main_page_changed_cb (IrDrawingsPage *self,
                      GParamSpec     *pspec,
                      GtkStack       *stack)
{
  gboolean comparing = g_strcmp0 (gtk_stack_get_visible_child_name (stack), "compare") == 0;

  gtk_widget_set_visible (self->sidebar, !comparing);
  if (!comparing)
    ir_drawing_compare_view_close (self->compare_view);
}

static void
row_activated_cb (IrDrawingsPage *self,
                  GtkListBoxRow  *row,
                  GtkListBox     *list)
{
  const char *drawing = gtk_widget_get_name (GTK_WIDGET (row));

  if (g_strcmp0 (drawing, self->drawing) != 0)
    ir_drawings_page_open_revision (self, drawing, NULL);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") == 0)
    gtk_stack_set_visible_child_name (self->main_stack, "viewer");
}

/* --- store ---------------------------------------------------------------- */

/* Follows every change: rows count children, which change without the
 * drawing itself changing. */
static void
tx_applied_cb (IrDrawingsPage *self,
               guint           flags,
               IrStore        *store)
{
  g_autoptr(IrEntity) drawing = NULL;

  bind_drawings (self);
  update_summary (self);

  if (self->drawing == NULL)
    return;

  drawing = ir_store_get_entity (store, "drawing", self->drawing);
  if (drawing == NULL || !ir_entity_is_visible (drawing))
    {
      g_clear_pointer (&self->drawing, g_free);
      g_clear_pointer (&self->revision, g_free);
      gtk_stack_set_visible_child_name (self->main_stack, "none");
      return;
    }

  ir_drawings_page_refresh_markups (self);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "compare") == 0)
    ir_drawing_compare_view_refresh (self->compare_view);
}

/* Shows @message in a toast of the window. */
void
ir_drawings_page_show_message (IrDrawingsPage *self,
                               const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IR_IS_WINDOW (root))
    ir_window_add_toast (IR_WINDOW (root), message);
  else
    g_message ("%s", message);
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;

  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/ironroom/IronRoom/ir-drawings.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_drawings_page_dispose (GObject *object)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

  ir_drawings_page_cancel_import (self);
  ir_drawings_page_set_store (self, NULL);
  ir_drawings_page_watch_room (self, NULL);
  ir_drawings_page_dispose_viewer (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_DRAWINGS_PAGE);
  g_clear_object (&self->notifier);

  G_OBJECT_CLASS (ir_drawings_page_parent_class)->dispose (object);
}

static void
ir_drawings_page_finalize (GObject *object)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

  g_free (self->drawing);
  g_free (self->revision);
  g_free (self->tool);
  g_free (self->import_drawing);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);

  G_OBJECT_CLASS (ir_drawings_page_parent_class)->finalize (object);
}

static void
ir_drawings_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_TOOL:
      g_value_set_string (value, self->tool);
      break;

    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, self->show_thumbnails);
      break;

    case PROP_SHOW_MARKUPS:
      g_value_set_boolean (value, self->show_markups);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_drawings_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      ir_drawings_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_TOOL:
      g_free (self->tool);
      self->tool = g_value_dup_string (value);
      break;

    case PROP_SHOW_THUMBNAILS:
      self->show_thumbnails = g_value_get_boolean (value);
      break;

    case PROP_SHOW_MARKUPS:
      self->show_markups = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  g_object_notify_by_pspec (object, pspec);
}

static void
ir_drawings_page_class_init (IrDrawingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_drawings_page_dispose;
  object_class->finalize = ir_drawings_page_finalize;
  object_class->get_property = ir_drawings_page_get_property;
  object_class->set_property = ir_drawings_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, IR_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOOL] =
    g_param_spec_string ("tool", NULL, NULL, "select",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_THUMBNAILS] =
    g_param_spec_boolean ("show-thumbnails", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_MARKUPS] =
    g_param_spec_boolean ("show-markups", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (IR_TYPE_MARKUP_PANEL);
  g_type_ensure (IR_TYPE_DRAWING_COMPARE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-drawings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, total_count);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, revisions_count);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, open_count);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, main_stack);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, drawing_title);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, revision_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, revision_info);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, view_scroller);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, thumbnails_revealer);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, view_message);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, import_spinner);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, content_paned);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, markup_panel);
  gtk_widget_class_bind_template_child (widget_class, IrDrawingsPage, compare_view);

  ir_drawings_page_class_init_viewer (widget_class);
  ir_drawings_page_class_init_import (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_drawings_page_init (IrDrawingsPage *self)
{
  self->tool = g_strdup ("select");
  self->show_markups = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->list_box, "row-activated", G_CALLBACK (row_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name",
                           G_CALLBACK (main_page_changed_cb), self, G_CONNECT_SWAPPED);
  ir_drawings_page_init_viewer (self);
  ir_drawings_page_init_import (self);
  load_style ();
}

/* --- public API ----------------------------------------------------------- */

IrStore *
ir_drawings_page_get_store (IrDrawingsPage *self)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), NULL);

  return self->store;
}

/* Shows the drawings of @store, opening the first; %NULL shows none. */
void
ir_drawings_page_set_store (IrDrawingsPage *self,
                            IrStore        *store)
{
  g_return_if_fail (IR_IS_DRAWINGS_PAGE (self));
  g_return_if_fail (store == NULL || IR_IS_STORE (store));

  if (self->store == store)
    return;

  ir_drawings_page_cancel_import (self);
  if (self->tx_applied_id != 0)
    g_clear_signal_handler (&self->tx_applied_id, self->store);
  if (self->list_box != NULL)
    gtk_list_box_bind_model (self->list_box, NULL, NULL, NULL, NULL);
  if (self->compare_view != NULL)
    ir_drawing_compare_view_close (self->compare_view);
  g_clear_object (&self->drawings);
  g_clear_pointer (&self->drawing, g_free);
  g_clear_pointer (&self->revision, g_free);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      self->drawings = ir_store_list (store, "drawing");
      ir_entity_list_set_sort (self->drawings, "position");
      self->tx_applied_id = g_signal_connect_object (store, "tx-applied",
                                                     G_CALLBACK (tx_applied_cb), self,
                                                     G_CONNECT_SWAPPED);
      bind_drawings (self);
    }

  if (self->list_box != NULL)
    {
      update_summary (self);
      ir_drawings_page_show_revision (self);
      if (self->drawings != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->drawings)) > 0)
        {
          g_autoptr(IrEntity) first = g_list_model_get_item (G_LIST_MODEL (self->drawings), 0);

          ir_drawings_page_open_revision (self, ir_entity_get_id (first), NULL);
        }
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * ir_drawings_page_watch_room:
 * @self: the page
 * @store: (nullable): the room the window opened
 *
 * Announces others' new revisions of @store on the desktop while the room
 * is open, whether or not the page has been shown.
 */
void
ir_drawings_page_watch_room (IrDrawingsPage *self,
                             IrStore        *store)
{
  g_return_if_fail (IR_IS_DRAWINGS_PAGE (self));

  if (self->notifier == NULL && store != NULL)
    self->notifier = ir_drawing_notifier_new ();
  if (self->notifier != NULL)
    ir_drawing_notifier_set_store (self->notifier, store);
}

/* Returns how many others' revisions were announced on the desktop. */
guint
ir_drawings_page_get_n_notified (IrDrawingsPage *self)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), 0);

  return self->notifier ? ir_drawing_notifier_get_n_sent (self->notifier) : 0;
}

/* Returns the entity id of the drawing shown, or %NULL. */
const char *
ir_drawings_page_get_drawing (IrDrawingsPage *self)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), NULL);

  return self->drawing;
}

/* Returns the entity id of the revision shown, or %NULL. */
const char *
ir_drawings_page_get_revision (IrDrawingsPage *self)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), NULL);

  return self->revision;
}

/**
 * ir_drawings_page_open_revision:
 * @self: the page
 * @drawing: a drawing's entity id
 * @revision: (nullable): one of its revisions, or %NULL for the latest
 *
 * Shows @revision of @drawing in the viewer.
 */
void
ir_drawings_page_open_revision (IrDrawingsPage *self,
                                const char     *drawing,
                                const char     *revision)
{
  IrRevisionInfo *info = NULL;

  g_return_if_fail (IR_IS_DRAWINGS_PAGE (self));

  if (self->store == NULL || drawing == NULL)
    return;

  g_free (self->drawing);
  self->drawing = g_strdup (drawing);
  g_clear_pointer (&self->revisions, g_ptr_array_unref);
  self->revisions = ir_drawing_list_revisions (self->store, drawing);

  if (revision != NULL)
    info = ir_drawing_find_revision (self->revisions, revision);
  if (info == NULL && self->revisions->len > 0)
    info = g_ptr_array_index (self->revisions, self->revisions->len - 1);

  g_free (self->revision);
  self->revision = info ? g_strdup (ir_entity_get_id (info->entity)) : NULL;

  gtk_stack_set_visible_child_name (self->main_stack, "viewer");
  ir_drawings_page_show_revision (self);
  bind_drawings (self);
}
