/* ir-drawing-compare-view-lists.c: the compare's findings, listed and drawn
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each changed region is a row, one click from a zoom onto its cloud
 * (ir-drawing-compare-view-draw.c). Changed text reads old → new. Ignore
 * regions are "ignore_region" entities of the drawing, so the whole room
 * shares them.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ir-drawing-compare-view-private.h"
#include "ir-markup-layer.h"

#define MM (72 / 25.4)

/* The maximum number of markup changes listed. */
#define MAX_MARKUP_ROWS 50

/* --- helpers -------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle,
         gboolean    activatable)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), activatable);

  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 10);
  gtk_widget_set_margin_start (label, 10);
  gtk_widget_set_margin_end (label, 10);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (list, label);
}

static IrPdfView *
visible_view (IrDrawingCompareView *self)
{
  const char *mode = gtk_stack_get_visible_child_name (self->mode_stack);

  return IR_PDF_VIEW (g_strcmp0 (mode, "side") == 0 ? self->new_view : self->overlay_view);
}

static void
zoom_to (IrDrawingCompareView *self,
         const IrPdfRect      *box)
{
  /* Some context round the region, but not so much that a large region
   * zooms out. */
  double margin = MIN (MAX (box->width, box->height) * 0.3, 100) + 24;
  IrPdfRect area = { box->x - margin, box->y - margin,
                     box->width + 2 * margin, box->height + 2 * margin };

  ir_pdf_view_zoom_to_rect (visible_view (self), &area);
  gtk_widget_queue_draw (self->overlay_view);
  gtk_widget_queue_draw (self->new_view);
  gtk_widget_queue_draw (self->old_view);
}

static char *
describe_text_change (const IrDrawingTextChange *change);

/* Names what changed inside @box from the text changes there, at most
 * three, or returns %NULL. */
static char *
describe_texts_in (IrDrawingCompare *compare,
                   const IrPdfRect  *box)
{
  GPtrArray *changes = ir_drawing_compare_get_text_changes (compare);
  GString *text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; i < changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (changes, i);
      const IrPdfRect *where = change->kind == IR_DRAWING_TEXT_REMOVED ? &change->old_box
                                                                        : &change->new_box;
      g_autofree char *description = NULL;

      if (!ir_pdf_rect_intersects (where, box))
        continue;

      if (++n > 3)
        {
          g_string_append (text, " …");
          break;
        }

      description = describe_text_change (change);
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append (text, description);
    }

  if (text->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }

  return g_string_free (text, FALSE);
}

static char *
describe_text_change (const IrDrawingTextChange *change)
{
  switch (change->kind)
    {
    case IR_DRAWING_TEXT_ADDED:
      /* Translators: text that only the new revision has. */
      return g_strdup_printf (_("Added “%s”"), change->new_text);

    case IR_DRAWING_TEXT_REMOVED:
      /* Translators: text that only the old revision has. */
      return g_strdup_printf (_("Removed “%s”"), change->old_text);

    case IR_DRAWING_TEXT_CHANGED:
    default:
      return g_strdup_printf ("%s → %s", change->old_text, change->new_text);
    }
}

/* --- results -------------------------------------------------------------- */

static void
show_regions (IrDrawingCompareView *self,
              IrDrawingCompare     *compare)
{
  GArray *regions = ir_drawing_compare_get_regions (compare);

  for (guint i = 0; i < regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (regions, IrDrawingRegion, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      g_autofree char *what = NULL;
      GtkWidget *row;

      if (region->added_pixels > 0 && region->removed_pixels > 0)
        what = g_strdup (_("Changed"));
      else if (region->added_pixels > 0)
        what = g_strdup (_("Added"));
      else
        what = g_strdup (_("Removed"));

      /* Translators: a changed region's number, what changed (Changed,
       * Added or Removed) and its size in millimetres. */
      title = g_strdup_printf (_("%u. %s, %.0f × %.0f mm"), i + 1, what,
                               region->box.width / MM, region->box.height / MM);
      subtitle = describe_texts_in (compare, &region->box);

      row = new_row (title, subtitle, TRUE);
      gtk_widget_set_name (row, "compare-region-row");
      gtk_list_box_append (self->regions_list, row);
    }
}

static void
show_text_changes (IrDrawingCompareView *self,
                   IrDrawingCompare     *compare)
{
  GPtrArray *changes = ir_drawing_compare_get_text_changes (compare);

  for (guint i = 0; i < changes->len; i++)
    {
      g_autofree char *title = describe_text_change (g_ptr_array_index (changes, i));

      gtk_list_box_append (self->text_list, new_row (title, NULL, TRUE));
    }
}

/* Fills the lists and the summary from the last comparison. */
void
ir_drawing_compare_view_show_results (IrDrawingCompareView *self)
{
  IrDrawingCompare *compare = self->compare ? *self->compare : NULL;
  g_autofree char *summary = NULL;
  guint n_regions;

  clear_list (self->regions_list);
  clear_list (self->text_list);
  gtk_widget_queue_draw (self->overlay_view);
  gtk_widget_queue_draw (self->new_view);
  gtk_widget_queue_draw (self->old_view);

  if (compare == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
      return;
    }

  n_regions = ir_drawing_compare_get_regions (compare)->len;
  if (n_regions == 0)
    summary = g_strdup (_("No changes found"));
  else
    /* Translators: how many changed regions a compare found. */
    summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u changed region",
                                            "%u changed regions", n_regions), n_regions);
  gtk_label_set_label (self->summary_label, summary);

  gtk_label_set_label (self->notice_label, _("No text layer: compared by pixels"));
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label),
                          !ir_drawing_compare_get_text_compared (compare));
  gtk_widget_set_visible (GTK_WIDGET (self->text_heading),
                          ir_drawing_compare_get_text_compared (compare));
  gtk_widget_set_visible (GTK_WIDGET (self->text_list),
                          ir_drawing_compare_get_text_compared (compare));

  show_regions (self, compare);
  show_text_changes (self, compare);
}

/* --- markups between the two uploads -------------------------------------- */

static const char *
change_label (IrMarkupChangeKind kind)
{
  switch (kind)
    {
    case IR_MARKUP_CHANGE_ADDED:
      return C_("markup change", "Added");
    case IR_MARKUP_CHANGE_REMOVED:
      return C_("markup change", "Removed");
    case IR_MARKUP_CHANGE_RESOLVED:
      return C_("markup change", "Resolved");
    case IR_MARKUP_CHANGE_CHANGED:
    default:
      return C_("markup change", "Changed");
    }
}

/* Lists how the drawing's markups changed since the old revision was
 * uploaded. */
void
ir_drawing_compare_view_show_markups (IrDrawingCompareView *self)
{
  IrRevisionInfo *old_info;
  g_autoptr(GPtrArray) changes = NULL;
  g_autofree char *heading = NULL;
  gint64 from;

  clear_list (self->markups_list);
  old_info = self->revisions ? ir_drawing_find_revision (self->revisions, self->old_revision)
                             : NULL;
  if (self->store == NULL || old_info == NULL)
    return;

  /* Translators: %s is a revision's label. */
  heading = g_strdup_printf (_("Markups Since Revision %s"), old_info->label);
  gtk_label_set_label (self->markups_heading, heading);

  from = ir_drawing_history_position_of (self->store, ir_entity_get_id (old_info->entity));
  changes = ir_markup_history_compare (self->store, self->drawing, from,
                                       ir_drawing_history_now (self->store));

  for (guint i = 0; i < changes->len && i < MAX_MARKUP_ROWS; i++)
    {
      const IrMarkupChange *change = g_ptr_array_index (changes, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: a markup's number, how it changed and its kind, as in
       * "#3 Resolved · Cloud". */
      title = g_strdup_printf (_("#%u %s · %s"), change->number, change_label (change->kind),
                               ir_markup_kind_label (change->markup_kind));
      if (change->kind == IR_MARKUP_CHANGE_RESOLVED || change->old_status == NULL ||
          change->new_status == NULL || g_strcmp0 (change->old_status, change->new_status) == 0)
        subtitle = g_strdup (change->text ? change->text : "");
      else
        subtitle = g_strdup_printf ("%s → %s · %s", ir_markup_status_label (change->old_status),
                                    ir_markup_status_label (change->new_status),
                                    change->text ? change->text : "");

      gtk_list_box_append (self->markups_list, new_row (title, subtitle, FALSE));
    }
}

/* --- ignore regions ------------------------------------------------------- */

/**
 * ir_drawing_compare_view_get_ignored:
 * @self: the view
 * @signature: (out) (optional): a text that changes when the regions do
 *
 * Returns: (transfer full) (element-type IrPdfRect): the drawing's ignore
 *   regions on the new revision's compared page
 */
GArray *
ir_drawing_compare_view_get_ignored (IrDrawingCompareView  *self,
                                     char                 **signature)
{
  g_autoptr(IrEntityList) regions = NULL;
  GArray *rects = g_array_new (FALSE, FALSE, sizeof (IrPdfRect));
  GString *text = g_string_new (NULL);
  guint n;

  if (self->store != NULL && self->drawing != NULL)
    {
      regions = ir_store_list_children (self->store, "ignore_region", "drawing", self->drawing);
      n = g_list_model_get_n_items (G_LIST_MODEL (regions));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(IrEntity) region = g_list_model_get_item (G_LIST_MODEL (regions), i);
          IrPdfRect rect;

          if (ir_entity_get_int (region, "page") != self->new_page ||
              !ir_markup_geometry_get_box (ir_entity_get_value (region, "geometry"), &rect))
            continue;

          g_array_append_val (rects, rect);
          g_string_append_printf (text, "%s:%g,%g,%g,%g;", ir_entity_get_id (region),
                                  rect.x, rect.y, rect.width, rect.height);
        }
    }

  if (signature != NULL)
    *signature = g_string_free (text, FALSE);
  else
    g_string_free (text, TRUE);

  return rects;
}

static void
remove_ignore_cb (GtkButton            *button,
                  IrDrawingCompareView *self)
{
  const char *eid = gtk_widget_get_name (GTK_WIDGET (button));
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  tx = ir_store_begin (self->store);
  ir_tx_delete (tx, "ignore_region", eid);
  if (!ir_store_commit (self->store, tx, &error))
    g_warning ("Failed to remove ignore region %s: %s", eid, error->message);
}

/* Lists the ignore regions of the compared page, each with a remove
 * button. */
void
ir_drawing_compare_view_show_ignored (IrDrawingCompareView *self)
{
  g_autoptr(IrEntityList) regions = NULL;
  guint n, shown = 0;

  clear_list (self->ignore_list);
  if (self->store == NULL || self->drawing == NULL)
    return;

  regions = ir_store_list_children (self->store, "ignore_region", "drawing", self->drawing);
  n = g_list_model_get_n_items (G_LIST_MODEL (regions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) region = g_list_model_get_item (G_LIST_MODEL (regions), i);
      g_autofree char *title = NULL;
      GtkWidget *row, *button;
      IrPdfRect rect;

      if (ir_entity_get_int (region, "page") != self->new_page ||
          !ir_markup_geometry_get_box (ir_entity_get_value (region, "geometry"), &rect))
        continue;

      /* Translators: an ignored area's size in millimetres. */
      title = g_strdup_printf (_("Ignored area, %.0f × %.0f mm"), rect.width / MM,
                               rect.height / MM);
      row = new_row (title, ir_entity_get_string (region, "note"), FALSE);
      button = gtk_button_new_from_icon_name ("edit-delete-symbolic");
      gtk_widget_set_name (button, ir_entity_get_id (region));
      gtk_widget_set_tooltip_text (button, _("Compare This Area Again"));
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_signal_connect_object (button, "clicked", G_CALLBACK (remove_ignore_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->ignore_list, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->ignore_list), shown > 0);
}

/**
 * ir_drawing_compare_view_add_ignore_region:
 * @self: the view
 * @x: left edge on the new revision's compared page, in points
 * @y: top edge
 * @width: width
 * @height: height
 * @error: return location for an error
 *
 * Adds an ignore region to the drawing for everyone in the room; the
 * compare runs again without the changes inside it.
 *
 * Returns: %TRUE when it was committed
 */
gboolean
ir_drawing_compare_view_add_ignore_region (IrDrawingCompareView  *self,
                                           double                 x,
                                           double                 y,
                                           double                 width,
                                           double                 height,
                                           GError               **error)
{
  g_autoptr(IrTx) tx = NULL;
  g_autofree char *eid = NULL;

  g_return_val_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self), FALSE);

  if (self->store == NULL || self->drawing == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("No drawing is being compared. Open a compare first."));
      return FALSE;
    }

  tx = ir_store_begin (self->store);
  eid = ir_tx_create (tx, "ignore_region");
  ir_tx_set_string (tx, "ignore_region", eid, "drawing", self->drawing);
  ir_tx_set_int (tx, "ignore_region", eid, "page", self->new_page);
  ir_tx_set (tx, "ignore_region", eid, "geometry",
             ir_markup_geometry_new_box (x, y, width, height));

  return ir_store_commit (self->store, tx, error);
}

/* Selects changed region @index, zooms to it and outlines it more boldly;
 * -1 selects none. */
void
ir_drawing_compare_view_select_region (IrDrawingCompareView *self,
                                       int                   index)
{
  GArray *regions;

  g_return_if_fail (IR_IS_DRAWING_COMPARE_VIEW (self));

  if (self->compare == NULL)
    return;

  regions = ir_drawing_compare_get_regions (*self->compare);
  if (index < 0 || (guint) index >= regions->len)
    {
      self->selected_region = -1;
      return;
    }

  self->selected_region = index;
  zoom_to (self, &g_array_index (regions, IrDrawingRegion, index).box);
}

/* --- input ---------------------------------------------------------------- */

static void
region_activated_cb (IrDrawingCompareView *self,
                     GtkListBoxRow        *row,
                     GtkListBox           *list)
{
  ir_drawing_compare_view_select_region (self, gtk_list_box_row_get_index (row));
}

static void
text_activated_cb (IrDrawingCompareView *self,
                   GtkListBoxRow        *row,
                   GtkListBox           *list)
{
  GPtrArray *changes;
  const IrDrawingTextChange *change;
  double dx, dy;

  if (self->compare == NULL)
    return;

  changes = ir_drawing_compare_get_text_changes (*self->compare);
  if ((guint) gtk_list_box_row_get_index (row) >= changes->len)
    return;

  change = g_ptr_array_index (changes, gtk_list_box_row_get_index (row));
  if (change->kind != IR_DRAWING_TEXT_REMOVED)
    zoom_to (self, &change->new_box);
  else
    {
      IrPdfRect box = change->old_box;

      ir_drawing_compare_get_offset (*self->compare, &dx, &dy);
      box.x += dx;
      box.y += dy;
      zoom_to (self, &box);
    }
}

void
ir_drawing_compare_view_init_lists (IrDrawingCompareView *self)
{
  add_placeholder (self->regions_list, _("No changed regions."));
  add_placeholder (self->text_list, _("No changed text."));
  add_placeholder (self->markups_list, _("No markup changed since then."));

  g_signal_connect_object (self->regions_list, "row-activated",
                           G_CALLBACK (region_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->text_list, "row-activated",
                           G_CALLBACK (text_activated_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->ignore_list), FALSE);
}
