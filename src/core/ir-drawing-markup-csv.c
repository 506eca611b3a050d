/* ir-drawing-markup-csv.c: the markups of a drawing as a CSV table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table follows RFC 4180 (CRLF line ends, fields in double quotes
 * where needed) and starts with a UTF-8 byte order mark, without which
 * spreadsheet programs on Windows read Chinese text as another encoding.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-drawing-model-private.h"

#define UTF8_BOM "\xef\xbb\xbf"

static void
append_field (GString    *csv,
              const char *value,
              gboolean    last)
{
  const char *text = value ? value : "";
  gboolean quote = strpbrk (text, ",\"\r\n") != NULL ||
                   g_ascii_isspace (text[0]) ||
                   (text[0] != '\0' && g_ascii_isspace (text[strlen (text) - 1]));

  /* A cell that starts with =, + or @ would run as a formula in a
   * spreadsheet; an apostrophe keeps it text. */
  if (text[0] == '=' || text[0] == '+' || text[0] == '@')
    {
      g_string_append (csv, "\"'");
      quote = TRUE;
    }
  else if (quote)
    g_string_append_c (csv, '"');

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }

  if (quote)
    g_string_append_c (csv, '"');
  g_string_append (csv, last ? "\r\n" : ",");
}

static char *
format_time (gint64 usec)
{
  g_autoptr(GDateTime) time = NULL;

  if (usec <= 0)
    return g_strdup ("");

  time = g_date_time_new_from_unix_local (usec / G_USEC_PER_SEC);
  return time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static int
compare_replies (gconstpointer a,
                 gconstpointer b)
{
  gint64 ca = ir_entity_get_int (*(IrEntity **) a, "created");
  gint64 cb = ir_entity_get_int (*(IrEntity **) b, "created");

  return ca < cb ? -1 : ca > cb;
}

/* Returns the thread of @markup as "name (time): text" lines. */
static char *
dup_replies (IrStore  *store,
             IrEntity *markup)
{
  g_autoptr(IrEntityList) list =
    ir_store_list_children (store, "markup_reply", "markup", ir_entity_get_id (markup));
  g_autoptr(GPtrArray) replies = g_ptr_array_new_with_free_func (g_object_unref);
  GString *text = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (replies, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (replies, compare_replies);

  for (guint i = 0; i < replies->len; i++)
    {
      IrEntity *reply = replies->pdata[i];
      g_autofree char *name =
        ir_drawing_model_member_name (store, ir_entity_get_string (reply, "author"));
      g_autofree char *when = format_time (ir_entity_get_int (reply, "created"));

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s (%s): %s", name, when,
                              ir_entity_get_string (reply, "text"));
    }

  return g_string_free (text, FALSE);
}

typedef struct
{
  IrEntity *markup;
  IrEntity *placement;  /* nullable */
  guint     number;
  char     *revision_label;
} Row;

static void
row_clear (Row *row)
{
  g_clear_object (&row->markup);
  g_clear_object (&row->placement);
  g_free (row->revision_label);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = a, *rb = b;

  return ra->number < rb->number ? -1 : ra->number > rb->number;
}

/* Finds where a markup shows: on @revision, or else on the latest revision
 * it is placed on. */
static gboolean
place_row (IrStore    *store,
           GPtrArray  *revisions,
           const char *revision,
           Row        *row)
{
  const char *markup = ir_entity_get_id (row->markup);
  IrRevisionInfo *info;

  if (revision != NULL)
    {
      row->placement = ir_markup_find_placement (store, markup, revision);
      info = ir_drawing_find_revision (revisions, revision);
      row->revision_label = g_strdup (info ? info->label : "");
      return row->placement != NULL;
    }

  for (guint i = revisions->len; i > 0; i--)
    {
      info = g_ptr_array_index (revisions, i - 1);
      row->placement = ir_markup_find_placement (store, markup, ir_entity_get_id (info->entity));
      if (row->placement != NULL)
        {
          row->revision_label = g_strdup (info->label);
          return TRUE;
        }
    }

  row->revision_label = g_strdup ("");
  return TRUE;
}

static void
append_row (GString  *csv,
            IrStore  *store,
            const Row *row)
{
  IrEntity *markup = row->markup;
  const char *author = ir_entity_get_string (markup, "author");
  const char *role = ir_drawing_model_member_role (store, author);
  const char *stamp = ir_entity_get_string (markup, "stamp");
  g_autofree char *number = g_strdup_printf ("%u", row->number);
  g_autofree char *page = NULL;
  g_autofree char *name = ir_drawing_model_member_name (store, author);
  g_autofree char *when = format_time (ir_entity_get_int (markup, "created"));
  g_autofree char *replies = dup_replies (store, markup);
  g_autofree char *text = NULL;

  if (row->placement != NULL)
    page = g_strdup_printf ("%" G_GINT64_FORMAT, ir_entity_get_int (row->placement, "page") + 1);

  if (stamp != NULL && ir_entity_get_string (markup, "text") != NULL)
    text = g_strdup_printf ("%s: %s", ir_markup_stamp_label (stamp),
                            ir_entity_get_string (markup, "text"));
  else if (stamp != NULL)
    text = g_strdup (ir_markup_stamp_label (stamp));
  else
    text = g_strdup (ir_entity_get_string (markup, "text"));

  append_field (csv, number, FALSE);
  append_field (csv, row->revision_label, FALSE);
  append_field (csv, page, FALSE);
  append_field (csv, ir_markup_kind_label (ir_entity_get_string (markup, "kind")), FALSE);
  append_field (csv, name, FALSE);
  append_field (csv, role, FALSE);
  append_field (csv, when, FALSE);
  append_field (csv, ir_markup_status_label (ir_entity_get_string (markup, "status")), FALSE);
  append_field (csv, text, FALSE);
  append_field (csv, replies, TRUE);
}

/**
 * ir_markup_export_csv:
 * @store: the room
 * @drawing: a drawing entity id
 * @revision: (nullable): only the markups placed on this revision, with
 *   their pages there; %NULL for every markup of the drawing, each on the
 *   latest revision it is placed on
 *
 * Writes the markups as a table with a header row: number, revision, page,
 * kind, author, role, date, status, text and the thread of replies. Labels
 * are in the user's language.
 *
 * Returns: (transfer full): the CSV text
 */
char *
ir_markup_export_csv (IrStore    *store,
                      const char *drawing,
                      const char *revision)
{
  g_autoptr(IrEntityList) markups = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GHashTable) numbers = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (Row));
  GString *csv = g_string_new (UTF8_BOM);
  guint n;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (drawing != NULL, NULL);

  g_array_set_clear_func (rows, (GDestroyNotify) row_clear);
  markups = ir_store_list_children (store, "markup", "drawing", drawing);
  revisions = ir_drawing_list_revisions (store, drawing);
  numbers = ir_markup_get_numbers (store, drawing);

  n = g_list_model_get_n_items (G_LIST_MODEL (markups));
  for (guint i = 0; i < n; i++)
    {
      Row row = { 0 };

      row.markup = g_list_model_get_item (G_LIST_MODEL (markups), i);
      row.number = GPOINTER_TO_UINT (g_hash_table_lookup (numbers,
                                                         ir_entity_get_id (row.markup)));
      if (place_row (store, revisions, revision, &row))
        g_array_append_val (rows, row);
      else
        row_clear (&row);
    }
  g_array_sort (rows, compare_rows);

  append_field (csv, C_("markup table", "No."), FALSE);
  append_field (csv, C_("markup table", "Revision"), FALSE);
  append_field (csv, C_("markup table", "Page"), FALSE);
  append_field (csv, C_("markup table", "Kind"), FALSE);
  append_field (csv, C_("markup table", "Author"), FALSE);
  append_field (csv, C_("markup table", "Role"), FALSE);
  append_field (csv, C_("markup table", "Date"), FALSE);
  append_field (csv, C_("markup table", "Status"), FALSE);
  append_field (csv, C_("markup table", "Text"), FALSE);
  append_field (csv, C_("markup table", "Replies"), TRUE);

  for (guint i = 0; i < rows->len; i++)
    append_row (csv, store, &g_array_index (rows, Row, i));

  return g_string_free (csv, FALSE);
}
