/* ir-map-coverage-view.c: who on the team covers whom, as a table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view shows the coverage the canvas computes: counts, the warnings a
 * sales director acts on, and a table of stakeholders by trio member. Rows
 * stay when the coverage is computed again; their cells bind anew, so the
 * table keeps its scroll position and sort order while others edit.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-coverage-view.h"
#include "ir-map-coverage-warnings.h"
#include "ir-map-render.h"
#include "ir-ui-util.h"

/* --- items ---------------------------------------------------------------- */

#define IR_TYPE_MAP_COVERAGE_ITEM (ir_map_coverage_item_get_type ())

G_DECLARE_FINAL_TYPE (IrMapCoverageItem, ir_map_coverage_item, IR, MAP_COVERAGE_ITEM, GObject)

struct _IrMapCoverageItem
{
  GObject   parent_instance;

  IrEntity *entity;
  guint     revision;
};

G_DEFINE_FINAL_TYPE (IrMapCoverageItem, ir_map_coverage_item, G_TYPE_OBJECT)

static GParamSpec *revision_pspec;

static void
ir_map_coverage_item_dispose (GObject *object)
{
  g_clear_object (&IR_MAP_COVERAGE_ITEM (object)->entity);

  G_OBJECT_CLASS (ir_map_coverage_item_parent_class)->dispose (object);
}

static void
ir_map_coverage_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  g_value_set_uint (value, IR_MAP_COVERAGE_ITEM (object)->revision);
}

static void
ir_map_coverage_item_class_init (IrMapCoverageItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_map_coverage_item_dispose;
  object_class->get_property = ir_map_coverage_item_get_property;

  revision_pspec = g_param_spec_uint ("revision", NULL, NULL, 0, G_MAXUINT, 0,
                                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_property (object_class, 1, revision_pspec);
}

static void
ir_map_coverage_item_init (IrMapCoverageItem *self)
{
}

static void
item_touch (IrMapCoverageItem *item)
{
  item->revision++;
  g_object_notify_by_pspec (G_OBJECT (item), revision_pspec);
}

/* --- the view ------------------------------------------------------------- */

struct _IrMapCoverageView
{
  GtkWidget           parent_instance;

  IrMapCanvas        *canvas;
  gulong              coverage_id;
  GListStore         *items;
  GtkCustomFilter    *filter;
  GPtrArray          *member_columns;  /* GtkColumnViewColumn*, one per trio member */
  char               *member_key;      /* ids of the trio the columns show */

  GtkWidget          *root;
  GtkLabel           *total_count;
  GtkLabel           *champions_count;
  GtkLabel           *blockers_count;
  GtkLabel           *uncovered_count;
  GtkLabel           *stale_count;
  GtkLabel           *stale_caption;
  GtkListBox         *warnings_list;
  GtkColumnView      *table;
};

G_DEFINE_FINAL_TYPE (IrMapCoverageView, ir_map_coverage_view, GTK_TYPE_WIDGET)

enum {
  SIGNAL_PERSON_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  COLUMN_PERSON,
  COLUMN_DEPARTMENT,
  COLUMN_STANCE,
  COLUMN_ROLE,
  COLUMN_OWNER,
  COLUMN_LAST_CONTACT,
  COLUMN_MEMBER,         /* one per trio member, the index after it */
} ColumnKind;

/* --- helpers -------------------------------------------------------------- */

static IrMapCoverage *
coverage_of (IrMapCoverageView *self)
{
  return self->canvas ? ir_map_canvas_get_coverage (self->canvas) : NULL;
}

static const IrMapCoverageRow *
row_of (IrMapCoverageView *self,
        IrMapCoverageItem *item)
{
  IrMapCoverage *coverage = coverage_of (self);

  return coverage ? ir_map_coverage_lookup (coverage, ir_entity_get_id (item->entity)) : NULL;
}

static const char *
name_of (IrEntity *person)
{
  const char *name = ir_entity_get_string (person, "name");

  return name && name[0] ? name : _("Unnamed");
}

/* Returns how long ago the last contact was, in words. */
static char *
format_days_ago (const char *date,
                 int         days)
{
  if (date == NULL)
    return g_strdup (C_("last contact", "Never"));

  if (days == 0)
    return g_strdup (C_("last contact", "Today"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days), days);
}

static void
set_count (GtkLabel *label,
           guint     count)
{
  g_autofree char *text = g_strdup_printf ("%u", count);

  gtk_label_set_label (label, text);
}

static int
stance_order (const char *stance)
{
  static const char * const order[] = { "blocker", "skeptic", "neutral", "supporter",
                                        "champion", NULL };

  for (int i = 0; order[i] != NULL; i++)
    if (g_strcmp0 (stance, order[i]) == 0)
      return i;

  return 5;
}

/* --- cells ---------------------------------------------------------------- */

static void
update_cell (IrMapCoverageView *self,
             GtkListItem       *list_item)
{
  IrMapCoverageItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *first = gtk_widget_get_first_child (box);
  GtkWidget *second = gtk_widget_get_next_sibling (first);
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (box), "ir-kind"));
  const IrMapCoverageRow *row = row_of (self, item);
  IrMapCoverage *coverage = coverage_of (self);
  IrEntity *person = item->entity;
  g_autofree char *text = NULL;
  g_autofree char *detail = NULL;
  const char *css = NULL;

  switch ((int) kind)
    {
    case COLUMN_PERSON:
      text = g_strdup (name_of (person));
      detail = g_strdup (ir_entity_get_string (person, "title"));
      break;

    case COLUMN_DEPARTMENT:
      text = g_strdup (ir_entity_get_string (person, "department"));
      break;

    case COLUMN_STANCE:
      text = g_strdup (ir_map_stance_label (ir_entity_get_string (person, "stance")));
      css = ir_entity_get_string (person, "stance");
      break;

    case COLUMN_ROLE:
      text = g_strdup (ir_map_role_badge_label (ir_entity_get_string (person, "buying_role")));
      break;

    case COLUMN_OWNER:
      if (row != NULL && row->left)
        text = g_strdup (_("Left the company"));
      else if (row != NULL && row->covered)
        text = ir_member_dup_name (ir_map_canvas_get_store (self->canvas), row->coverage_owner);
      else
        {
          text = g_strdup (C_("coverage owner", "Nobody"));
          css = "warning";
        }
      break;

    case COLUMN_LAST_CONTACT:
      if (row == NULL)
        break;
      text = format_days_ago (row->last_contact, row->days_since_contact);
      detail = row->last_contact ? ir_format_date (row->last_contact) : NULL;
      if (row->stale)
        css = "warning";
      break;

    default:
      {
        guint m = kind - COLUMN_MEMBER;

        if (row == NULL || coverage == NULL || m >= coverage->members->len)
          break;
        text = g_strdup (g_str_equal (row->levels[m], "trusted") ? C_("relationship level", "Trusted") :
                         g_str_equal (row->levels[m], "met") ? C_("relationship level", "Met") :
                         C_("relationship level", "Not met"));
        css = row->levels[m];
        if (row->member_last_contact[m] != NULL)
          detail = ir_format_date (row->member_last_contact[m]);
      }
      break;
    }

  gtk_label_set_label (GTK_LABEL (first), text ? text : "");
  gtk_label_set_label (GTK_LABEL (second), detail ? detail : "");
  gtk_widget_set_visible (second, detail != NULL && detail[0] != '\0');

  for (const char * const *c = (const char * const[]) { "warning", "champion", "supporter",
                                                          "neutral", "skeptic", "blocker",
                                                          "none", "met", "trusted", NULL };
       *c != NULL; c++)
    gtk_widget_remove_css_class (first, *c);
  if (css != NULL)
    gtk_widget_add_css_class (first, css);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          IrMapCoverageView        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 1);
  GtkWidget *first = gtk_label_new (NULL);
  GtkWidget *second = gtk_label_new (NULL);
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ir-kind"));

  gtk_label_set_xalign (GTK_LABEL (first), 0);
  gtk_label_set_xalign (GTK_LABEL (second), 0);
  gtk_label_set_ellipsize (GTK_LABEL (first), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (second), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (second, "dim-label");
  gtk_widget_add_css_class (second, "caption");
  if (kind == COLUMN_PERSON)
    gtk_widget_add_css_class (first, "heading");
  if (kind == COLUMN_STANCE)
    gtk_widget_add_css_class (first, "pill");
  if (kind >= COLUMN_MEMBER)
    gtk_widget_add_css_class (first, "level");

  gtk_box_append (GTK_BOX (box), first);
  gtk_box_append (GTK_BOX (box), second);
  g_object_set_data (G_OBJECT (box), "ir-kind", GINT_TO_POINTER (kind));
  gtk_list_item_set_child (list_item, box);
}

static void
item_revised_cb (GtkListItem *list_item,
                 GParamSpec  *pspec,
                 gpointer     item)
{
  IrMapCoverageView *self = g_object_get_data (G_OBJECT (list_item), "ir-view");

  if (self != NULL && gtk_list_item_get_item (list_item) == item)
    update_cell (self, list_item);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *list_item,
         IrMapCoverageView        *self)
{
  IrMapCoverageItem *item = gtk_list_item_get_item (list_item);

  g_object_set_data (G_OBJECT (list_item), "ir-view", self);
  g_signal_connect_object (item, "notify::revision", G_CALLBACK (item_revised_cb), list_item,
                           G_CONNECT_SWAPPED);
  update_cell (self, list_item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           IrMapCoverageView        *self)
{
  IrMapCoverageItem *item = gtk_list_item_get_item (list_item);

  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, item_revised_cb, list_item);
}

/* --- columns and sorting -------------------------------------------------- */

static int
compare_items (IrMapCoverageView *self,
               IrMapCoverageItem *a,
               IrMapCoverageItem *b,
               ColumnKind         kind)
{
  const IrMapCoverageRow *ra = row_of (self, a), *rb = row_of (self, b);

  switch ((int) kind)
    {
    case COLUMN_DEPARTMENT:
      return g_utf8_collate (ir_entity_get_string (a->entity, "department") ?: "",
                             ir_entity_get_string (b->entity, "department") ?: "");

    case COLUMN_STANCE:
      return stance_order (ir_entity_get_string (a->entity, "stance")) -
             stance_order (ir_entity_get_string (b->entity, "stance"));

    case COLUMN_LAST_CONTACT:
      {
        int da = ra && ra->days_since_contact >= 0 ? ra->days_since_contact : G_MAXINT;
        int db = rb && rb->days_since_contact >= 0 ? rb->days_since_contact : G_MAXINT;

        return (da < db) - (da > db);
      }

    default:
      return g_utf8_collate (name_of (a->entity), name_of (b->entity));
    }
}

static int
sort_cb (gconstpointer a,
         gconstpointer b,
         gpointer      user_data)
{
  GtkColumnViewColumn *column = user_data;
  IrMapCoverageView *self = g_object_get_data (G_OBJECT (column), "ir-view");
  ColumnKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (column), "ir-kind"));

  return compare_items (self, (IrMapCoverageItem *) a, (IrMapCoverageItem *) b, kind);
}

static GtkColumnViewColumn *
column_new (IrMapCoverageView *self,
            const char        *title,
            ColumnKind         kind,
            gboolean           sortable,
            gboolean           expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "ir-kind", GINT_TO_POINTER (kind));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);

  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  g_object_set_data (G_OBJECT (column), "ir-view", self);
  g_object_set_data (G_OBJECT (column), "ir-kind", GINT_TO_POINTER (kind));
  if (sortable)
    {
      GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (sort_cb, column, NULL));

      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }

  gtk_column_view_append_column (self->table, column);
  return column;
}

/* Adds a column per trio member, replacing the old ones when the trio
 * changed. */
static void
update_member_columns (IrMapCoverageView *self,
                       IrMapCoverage     *coverage)
{
  GPtrArray *members = ir_map_canvas_get_members (self->canvas);
  g_autoptr(GString) key = g_string_new (NULL);
  GtkColumnViewColumn *last_contact;

  for (guint i = 0; i < coverage->members->len; i++)
    g_string_append_printf (key, "%s;", (char *) coverage->members->pdata[i]);
  if (g_strcmp0 (key->str, self->member_key) == 0)
    return;

  g_free (self->member_key);
  self->member_key = g_strdup (key->str);
  for (guint i = 0; i < self->member_columns->len; i++)
    gtk_column_view_remove_column (self->table, self->member_columns->pdata[i]);
  g_ptr_array_set_size (self->member_columns, 0);

  /* Keep "Last contact" last. */
  last_contact = g_list_model_get_item (gtk_column_view_get_columns (self->table),
                                        COLUMN_LAST_CONTACT);
  gtk_column_view_remove_column (self->table, last_contact);

  for (guint i = 0; i < coverage->members->len && members != NULL && i < members->len; i++)
    {
      IrMapSceneMember *member = members->pdata[i];
      /* Translators: a column of the coverage table: a member and their role. */
      g_autofree char *title = g_strdup_printf (_("%s (%s)"), member->name, member->role);
      GtkColumnViewColumn *column = column_new (self, title, COLUMN_MEMBER + i, FALSE, FALSE);

      g_ptr_array_add (self->member_columns, g_object_ref (column));
      g_object_unref (column);
    }

  gtk_column_view_append_column (self->table, last_contact);
  g_object_unref (last_contact);
}

/* --- warnings and counts -------------------------------------------------- */

static void
warning_activated_cb (IrMapCoverageView *self,
                      GtkListBoxRow     *row,
                      GtkListBox        *list)
{
  const char *eid = g_object_get_data (G_OBJECT (row), "ir-stakeholder");

  if (eid != NULL)
    g_signal_emit (self, signals[SIGNAL_PERSON_ACTIVATED], 0, eid);
}

static void
update_counts (IrMapCoverageView *self,
               IrMapCoverage     *coverage)
{
  IrStore *store = ir_map_canvas_get_store (self->canvas);
  guint champions = 0, blockers = 0, uncovered = 0, stale = 0;
  g_autofree char *caption = NULL;

  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IrMapCoverageRow *row = coverage->rows->pdata[i];
      g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", row->stakeholder);
      const char *stance = person ? ir_entity_get_string (person, "stance") : NULL;

      champions += g_strcmp0 (stance, "champion") == 0;
      blockers += g_strcmp0 (stance, "blocker") == 0;
      uncovered += !row->covered && !row->left;
      stale += row->stale;
    }

  set_count (self->total_count, coverage->rows->len);
  set_count (self->champions_count, champions);
  set_count (self->blockers_count, blockers);
  set_count (self->uncovered_count, uncovered);
  set_count (self->stale_count, stale);
  /* Translators: under the count of stale contacts; %d is the threshold in days. */
  caption = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "No contact in %d day",
                                          "No contact in %d days", coverage->stale_days),
                             coverage->stale_days);
  gtk_label_set_label (self->stale_caption, caption);
}

/* --- callbacks ------------------------------------------------------------ */

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  IrMapCoverageView *self = user_data;

  return self->canvas == NULL ||
         ir_map_canvas_matches_filter (self->canvas, IR_MAP_COVERAGE_ITEM (item)->entity);
}

static void
coverage_changed_cb (IrMapCoverageView *self,
                     IrMapCanvas       *canvas)
{
  IrMapCoverage *coverage = coverage_of (self);
  IrStore *store = ir_map_canvas_get_store (canvas);
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  if (coverage == NULL || store == NULL)
    {
      g_list_store_remove_all (self->items);
      return;
    }

  update_member_columns (self, coverage);

  /* Keep the rows that stay, drop the others, then add the new ones. */
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(IrMapCoverageItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i - 1);
      const char *eid = ir_entity_get_id (item->entity);

      if (ir_map_coverage_lookup (coverage, eid) == NULL || !ir_entity_is_visible (item->entity))
        g_list_store_remove (self->items, i - 1);
      else
        {
          g_hash_table_add (present, (gpointer) eid);
          item_touch (item);
        }
    }

  for (guint i = 0; i < coverage->rows->len; i++)
    {
      IrMapCoverageRow *row = coverage->rows->pdata[i];
      IrMapCoverageItem *item;

      if (g_hash_table_contains (present, row->stakeholder))
        continue;

      item = g_object_new (IR_TYPE_MAP_COVERAGE_ITEM, NULL);
      item->entity = ir_store_get_entity (store, "stakeholder", row->stakeholder);
      if (item->entity != NULL)
        g_ptr_array_add (added, item);
      else
        g_object_unref (item);
    }

  /* One splice, so that the table keeps its first row at the top instead
   * of following an anchor while the sorted rows arrive one by one. */
  if (added->len > 0)
    g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                         added->pdata, added->len);
  if (n == 0 && added->len > 0)
    gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->table)), 0);

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_counts (self, coverage);
  ir_map_coverage_fill_warnings (self->warnings_list, ir_map_canvas_get_store (self->canvas), coverage);
}

static void
table_activated_cb (IrMapCoverageView *self,
                    guint              position,
                    GtkColumnView     *table)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (table));
  g_autoptr(IrMapCoverageItem) item = g_list_model_get_item (model, position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_PERSON_ACTIVATED], 0, ir_entity_get_id (item->entity));
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_map_coverage_view_dispose (GObject *object)
{
  IrMapCoverageView *self = IR_MAP_COVERAGE_VIEW (object);

  ir_map_coverage_view_set_canvas (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_MAP_COVERAGE_VIEW);

  G_OBJECT_CLASS (ir_map_coverage_view_parent_class)->dispose (object);
}

static void
ir_map_coverage_view_finalize (GObject *object)
{
  IrMapCoverageView *self = IR_MAP_COVERAGE_VIEW (object);

  g_clear_object (&self->items);
  g_clear_object (&self->filter);
  g_ptr_array_unref (self->member_columns);
  g_free (self->member_key);

  G_OBJECT_CLASS (ir_map_coverage_view_parent_class)->finalize (object);
}

static void
ir_map_coverage_view_class_init (IrMapCoverageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_coverage_view_dispose;
  object_class->finalize = ir_map_coverage_view_finalize;

  /**
   * IrMapCoverageView::person-activated:
   * @eid: the stakeholder's id
   *
   * Emitted when the user opens a row of the table or a warning.
   */
  signals[SIGNAL_PERSON_ACTIVATED] =
    g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-map-coverage-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, root);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, total_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, champions_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, blockers_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, uncovered_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, stale_count);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, stale_caption);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, IrMapCoverageView, table);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "mapcoverage");
}

static void
ir_map_coverage_view_init (IrMapCoverageView *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkFilterListModel *filtered;
  GtkSortListModel *sorted;
  GtkColumnViewColumn *people;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->member_columns = g_ptr_array_new_with_free_func (g_object_unref);
  self->items = g_list_store_new (IR_TYPE_MAP_COVERAGE_ITEM);
  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);

  people = column_new (self, _("Stakeholder"), COLUMN_PERSON, TRUE, TRUE);
  g_object_unref (column_new (self, _("Department"), COLUMN_DEPARTMENT, TRUE, FALSE));
  g_object_unref (column_new (self, _("Stance"), COLUMN_STANCE, TRUE, FALSE));
  g_object_unref (column_new (self, _("Buying role"), COLUMN_ROLE, FALSE, FALSE));
  g_object_unref (column_new (self, _("Covered by"), COLUMN_OWNER, FALSE, FALSE));
  g_object_unref (column_new (self, _("Last contact"), COLUMN_LAST_CONTACT, TRUE, FALSE));

  filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                        GTK_FILTER (g_object_ref (self->filter)));
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (filtered),
                                    g_object_ref (gtk_column_view_get_sorter (self->table)));
  selection = gtk_no_selection_new (G_LIST_MODEL (sorted));
  gtk_column_view_set_model (self->table, GTK_SELECTION_MODEL (selection));
  gtk_column_view_sort_by_column (self->table, people, GTK_SORT_ASCENDING);
  g_object_unref (people);

  g_signal_connect_object (self->table, "activate", G_CALLBACK (table_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->warnings_list, "row-activated", G_CALLBACK (warning_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_map_coverage_view_new (void)
{
  return g_object_new (IR_TYPE_MAP_COVERAGE_VIEW, NULL);
}

/* Shows the coverage of @canvas and follows it. */
void
ir_map_coverage_view_set_canvas (IrMapCoverageView *self,
                                 IrMapCanvas       *canvas)
{
  g_return_if_fail (IR_IS_MAP_COVERAGE_VIEW (self));

  if (self->canvas == canvas)
    return;

  if (self->canvas != NULL)
    g_clear_signal_handler (&self->coverage_id, self->canvas);
  g_set_object (&self->canvas, canvas);
  if (self->items != NULL)
    g_list_store_remove_all (self->items);

  if (canvas != NULL)
    {
      self->coverage_id = g_signal_connect_object (canvas, "coverage-changed",
                                                   G_CALLBACK (coverage_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
      coverage_changed_cb (self, canvas);
    }
}

/* Applies the canvas's search and filters to the table again. */
void
ir_map_coverage_view_refilter (IrMapCoverageView *self)
{
  g_return_if_fail (IR_IS_MAP_COVERAGE_VIEW (self));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Returns how many rows the table shows after the filters. */
guint
ir_map_coverage_view_get_n_rows (IrMapCoverageView *self)
{
  g_return_val_if_fail (IR_IS_MAP_COVERAGE_VIEW (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (self->table)));
}
