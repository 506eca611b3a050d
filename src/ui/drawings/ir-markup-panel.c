/* ir-markup-panel.c: the markups of a revision as a table, with one's thread
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table lists every markup placed on the revision, on any page; its
 * columns sort, and a search and a status filter narrow it. Selecting a
 * row selects the markup on the sheet too, and the thread below shows it.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-drawing-model.h"
#include "ir-markup-panel.h"
#include "ir-markup-row.h"

typedef enum
{
  FILTER_ALL,
  FILTER_OPEN,
  FILTER_RESOLVED,
} StatusFilter;

struct _IrMarkupPanel
{
  GtkWidget           parent_instance;

  IrStore            *store;
  char               *drawing;
  char               *revision;
  char               *label;
  char               *selected;
  GListStore         *rows;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  gboolean            selecting;
  GtkFileChooserNative *chooser;

  GtkPaned           *paned;
  GtkLabel           *count_label;
  GtkButton          *export_button;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkColumnView      *column_view;
  IrMarkupDetail     *detail;
};

G_DEFINE_FINAL_TYPE (IrMarkupPanel, ir_markup_panel, GTK_TYPE_WIDGET)

enum {
  SIGNAL_MARKUP_SELECTED,
  SIGNAL_MARKUP_ACTIVATED,
  SIGNAL_MESSAGE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* --- rows ----------------------------------------------------------------- */

static guint
find_row (IrMarkupPanel *self,
          const char    *markup)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; markup != NULL && i < n; i++)
    {
      g_autoptr(IrMarkupRow) row = g_list_model_get_item (model, i);

      if (g_str_equal (ir_markup_row_get_markup (row), markup))
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static guint
get_number (IrMarkupPanel *self,
            const char    *markup)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrMarkupRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);
      guint number;

      if (!g_str_equal (ir_markup_row_get_markup (row), markup))
        continue;
      g_object_get (row, "number", &number, NULL);
      return number;
    }

  return 0;
}

static void
show_detail (IrMarkupPanel *self)
{
  ir_markup_detail_show (self->detail, self->store, self->selected, self->revision,
                         self->selected ? get_number (self, self->selected) : 0);
}

static void
update_count (IrMarkupPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint open = 0;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrMarkupRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      if (g_str_equal (ir_markup_row_get_status (row), "open"))
        open++;
    }

  if (self->label != NULL)
    /* Translators: markups on a revision, how many are open, and the
     * revision's label. */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Markup on %s · %u Open",
                                         "%u Markups on %s · %u Open", n),
                            n, self->label, open);
  else
    text = g_strdup (_("Markups"));
  gtk_label_set_label (self->count_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), n > 0);
}

/* Rereads the revision's markups from the store, keeping the selection. */
void
ir_markup_panel_refresh (IrMarkupPanel *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) placed = NULL;
  g_autoptr(GHashTable) numbers = NULL;

  g_return_if_fail (IR_IS_MARKUP_PANEL (self));

  if (self->store != NULL && self->revision != NULL)
    {
      placed = ir_markup_list_placed (self->store, self->revision);
      numbers = ir_markup_get_numbers (self->store, self->drawing);

      for (guint i = 0; i < placed->len; i++)
        {
          IrEntity *placement = g_ptr_array_index (placed, i);
          g_autoptr(IrEntity) markup =
            ir_store_get_entity (self->store, "markup",
                                 ir_entity_get_string (placement, "markup"));

          if (markup == NULL || !ir_entity_is_visible (markup))
            continue;

          g_ptr_array_add (rows, ir_markup_row_new (self->store, markup, placement,
                                                    GPOINTER_TO_UINT (g_hash_table_lookup (
                                                      numbers, ir_entity_get_id (markup)))));
        }
    }

  self->selecting = TRUE;
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       rows->pdata, rows->len);
  gtk_single_selection_set_selected (self->selection, find_row (self, self->selected));
  self->selecting = FALSE;

  update_count (self);
  show_detail (self);
}

/* --- filtering ------------------------------------------------------------ */

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  IrMarkupPanel *self = user_data;
  IrMarkupRow *row = item;
  gboolean open = g_str_equal (ir_markup_row_get_status (row), "open");

  switch (gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_OPEN:
      if (!open)
        return FALSE;
      break;

    case FILTER_RESOLVED:
      if (open)
        return FALSE;
      break;

    default:
      break;
    }

  return ir_markup_row_matches (row, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
filter_changed_cb (IrMarkupPanel *self)
{
  self->selecting = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_single_selection_set_selected (self->selection, find_row (self, self->selected));
  self->selecting = FALSE;
}

/* --- columns -------------------------------------------------------------- */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const char               *property)
{
  IrMarkupRow *row = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (row), property);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *text = NULL;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (G_OBJECT (row), property, &value);
  if (G_VALUE_HOLDS_STRING (&value))
    text = g_value_dup_string (&value);
  else if (G_VALUE_HOLDS_UINT (&value))
    text = g_strdup_printf ("%u", g_value_get_uint (&value));
  else if (G_VALUE_HOLDS_INT (&value))
    text = g_strdup_printf ("%d", g_value_get_int (&value));

  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                               g_str_equal (property, "text") && text && text[0] ? text : NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (!g_str_equal (ir_markup_row_get_status (row), "open"))
    gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
add_column (IrMarkupPanel *self,
            const char    *title,
            const char    *property,
            const char    *sort_property,
            gboolean       numeric,
            gboolean       expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkExpression *expression =
    gtk_property_expression_new (IR_TYPE_MARKUP_ROW, NULL, sort_property);
  GtkSorter *sorter = numeric ? GTK_SORTER (gtk_numeric_sorter_new (expression))
                              : GTK_SORTER (gtk_string_sorter_new (expression));
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), (gpointer) property);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_sorter (column, sorter);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);

  g_object_unref (sorter);
  g_object_unref (column);
}

/* --- callbacks ------------------------------------------------------------ */

static void
selection_changed_cb (IrMarkupPanel      *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  IrMarkupRow *row = gtk_single_selection_get_selected_item (selection);

  if (self->selecting)
    return;

  g_free (self->selected);
  self->selected = row ? g_strdup (ir_markup_row_get_markup (row)) : NULL;
  show_detail (self);
  g_signal_emit (self, signals[SIGNAL_MARKUP_SELECTED], 0, self->selected);
}

static void
activated_cb (IrMarkupPanel *self,
              guint          position,
              GtkColumnView *view)
{
  g_autoptr(IrMarkupRow) row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (row != NULL)
    g_signal_emit (self, signals[SIGNAL_MARKUP_ACTIVATED], 0, ir_markup_row_get_markup (row));
}

static void
detail_message_cb (IrMarkupPanel  *self,
                   const char     *message,
                   IrMarkupDetail *detail)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

static void
export_response_cb (IrMarkupPanel        *self,
                    int                   response,
                    GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      name = g_file_get_basename (file);
      if (ir_markup_panel_export (self, file, &error))
        /* Translators: %s is a file name. */
        message = g_strdup_printf (_("Markups exported to “%s”."), name);
      else
        /* Translators: a file name, then why writing it failed. */
        message = g_strdup_printf (_("Could not export the markups to “%s”: %s"),
                                   name, error->message);
      g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
    }

  g_clear_object (&self->chooser);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_markup_panel_dispose (GObject *object)
{
  IrMarkupPanel *self = IR_MARKUP_PANEL (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_MARKUP_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ir_markup_panel_parent_class)->dispose (object);
}

static void
ir_markup_panel_finalize (GObject *object)
{
  IrMarkupPanel *self = IR_MARKUP_PANEL (object);

  g_free (self->drawing);
  g_free (self->revision);
  g_free (self->label);
  g_free (self->selected);

  G_OBJECT_CLASS (ir_markup_panel_parent_class)->finalize (object);
}

static void
ir_markup_panel_class_init (IrMarkupPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_markup_panel_dispose;
  object_class->finalize = ir_markup_panel_finalize;

  /**
   * IrMarkupPanel::markup-selected:
   * @markup: (nullable): the markup chosen in the table
   */
  signals[SIGNAL_MARKUP_SELECTED] =
    g_signal_new ("markup-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * IrMarkupPanel::markup-activated:
   * @markup: the markup whose row was activated, to zoom to
   */
  signals[SIGNAL_MARKUP_ACTIVATED] =
    g_signal_new ("markup-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * IrMarkupPanel::message:
   * @message: what happened or failed, for a toast
   */
  signals[SIGNAL_MESSAGE] =
    g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IR_TYPE_MARKUP_DETAIL);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-markup-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, paned);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, export_button);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, column_view);
  gtk_widget_class_bind_template_child (widget_class, IrMarkupPanel, detail);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ir_markup_panel_init (IrMarkupPanel *self)
{
  g_autoptr(GtkStringList) filters = gtk_string_list_new (NULL);
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (filters, C_("markup filter", "All"));
  gtk_string_list_append (filters, C_("markup filter", "Open"));
  gtk_string_list_append (filters, C_("markup filter", "Resolved"));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (filters));

  add_column (self, C_("markup table", "No."), "number", "number", TRUE, FALSE);
  add_column (self, C_("markup table", "Page"), "page", "page", TRUE, FALSE);
  add_column (self, C_("markup table", "Kind"), "kind", "kind", FALSE, FALSE);
  add_column (self, C_("markup table", "Author"), "author", "author", FALSE, FALSE);
  add_column (self, C_("markup table", "Date"), "date", "created", TRUE, FALSE);
  add_column (self, C_("markup table", "Status"), "status-label", "status-label", FALSE, FALSE);
  add_column (self, C_("markup table", "Text"), "text", "text", FALSE, TRUE);

  self->rows = g_list_store_new (IR_TYPE_MARKUP_ROW);
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->rows)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  {
    g_autoptr(GtkColumnViewColumn) first =
      g_list_model_get_item (gtk_column_view_get_columns (self->column_view), 0);

    gtk_column_view_sort_by_column (self->column_view, first, GTK_SORT_ASCENDING);
  }

  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->column_view, "activate", G_CALLBACK (activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_dropdown, "notify::selected",
                           G_CALLBACK (filter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "message", G_CALLBACK (detail_message_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->export_button, "clicked",
                           G_CALLBACK (ir_markup_panel_show_export), self, G_CONNECT_SWAPPED);

  update_count (self);
}

/* --- public API ----------------------------------------------------------- */

/* Lists the markups of @revision of @drawing; @label is the revision's
 * label, for the heading. */
void
ir_markup_panel_set_revision (IrMarkupPanel *self,
                              IrStore       *store,
                              const char    *drawing,
                              const char    *revision,
                              const char    *label)
{
  g_return_if_fail (IR_IS_MARKUP_PANEL (self));

  g_set_object (&self->store, store);
  g_free (self->drawing);
  self->drawing = g_strdup (drawing);
  g_free (self->label);
  self->label = g_strdup (label);
  if (g_strcmp0 (self->revision, revision) != 0)
    {
      g_free (self->revision);
      self->revision = g_strdup (revision);
      g_clear_pointer (&self->selected, g_free);
    }

  ir_markup_panel_refresh (self);
}

/* Selects @markup in the table and shows its thread, without emitting
 * ::markup-selected. */
void
ir_markup_panel_select (IrMarkupPanel *self,
                        const char    *markup)
{
  g_return_if_fail (IR_IS_MARKUP_PANEL (self));

  if (g_strcmp0 (self->selected, markup) == 0)
    return;

  g_free (self->selected);
  self->selected = g_strdup (markup);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, find_row (self, markup));
  self->selecting = FALSE;
  show_detail (self);
}

const char *
ir_markup_panel_get_selected (IrMarkupPanel *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_PANEL (self), NULL);

  return self->selected;
}

/* Returns how many rows the table shows, after the filter. */
guint
ir_markup_panel_get_n_rows (IrMarkupPanel *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_PANEL (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

IrMarkupDetail *
ir_markup_panel_get_detail (IrMarkupPanel *self)
{
  g_return_val_if_fail (IR_IS_MARKUP_PANEL (self), NULL);

  return self->detail;
}

/* Writes the revision's markups to @file as CSV. */
gboolean
ir_markup_panel_export (IrMarkupPanel  *self,
                        GFile          *file,
                        GError        **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (IR_IS_MARKUP_PANEL (self), FALSE);

  if (self->store == NULL || self->drawing == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No drawing is open. Open a drawing first."));
      return FALSE;
    }

  csv = ir_markup_export_csv (self->store, self->drawing, self->revision);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

/* Asks where to save the CSV through the portal's file chooser. */
void
ir_markup_panel_show_export (IrMarkupPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  g_return_if_fail (IR_IS_MARKUP_PANEL (self));

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Markups"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("CSV tables"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  /* Translators: the file name suggested for exported markups; %s is the
   * revision's label. Keep “.csv”. */
  name = g_strdup_printf (_("markups-revision-%s.csv"), self->label ? self->label : "");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (export_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
