/* ir-tool-compare.c: ironroom-tool compare, two drawing revisions headless
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-drawing-compare.h"
#include "ir-drawing-match.h"
#include "ir-pdf.h"
#include "ir-tool.h"

typedef struct
{
  int       page;
  int       new_page;
  int       dpi;
  char     *png;
  gboolean  json;
  char    **ignore;
  char     *offset;
  gboolean  auto_align;
  int       tolerance;
  double    opacity;
} CompareArgs;

/* ------------------------------------------------------------------------ */
/* Arguments                                                                */
/* ------------------------------------------------------------------------ */

/* Parses "a,b" or "a,b,c,d" into @n numbers. */
static gboolean
parse_numbers (const char *text,
               double     *values,
               guint       n)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  if (g_strv_length (parts) != n)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      char *end = NULL;

      values[i] = g_ascii_strtod (parts[i], &end);
      if (end == parts[i] || *end != '\0')
        return FALSE;
    }

  return TRUE;
}

static gboolean
fill_options (const CompareArgs        *args,
              IrDrawingCompareOptions  *options)
{
  ir_drawing_compare_options_init (options);
  options->dpi = args->dpi;
  options->auto_align = args->auto_align;
  if (args->tolerance >= 0)
    options->tolerance = args->tolerance;

  if (args->offset != NULL)
    {
      double offset[2];

      if (!parse_numbers (args->offset, offset, 2))
        {
          fprintf (stderr, "ironroom-tool compare: invalid --offset “%s”; give DX,DY in points, "
                   "such as --offset 8.5,-3.\n", args->offset);
          return FALSE;
        }
      options->offset_x = offset[0];
      options->offset_y = offset[1];
    }

  options->ignore = g_array_new (FALSE, FALSE, sizeof (IrPdfRect));
  for (guint i = 0; args->ignore != NULL && args->ignore[i] != NULL; i++)
    {
      double rect[4];
      IrPdfRect area;

      if (!parse_numbers (args->ignore[i], rect, 4) || rect[2] <= 0 || rect[3] <= 0)
        {
          fprintf (stderr, "ironroom-tool compare: invalid --ignore “%s”; give X,Y,WIDTH,HEIGHT "
                   "in points from the page's top-left corner.\n", args->ignore[i]);
          return FALSE;
        }
      area = (IrPdfRect) { rect[0], rect[1], rect[2], rect[3] };
      g_array_append_val (options->ignore, area);
    }

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Output                                                                   */
/* ------------------------------------------------------------------------ */

/* Writes a box as [x, y, width, height] in whole points, rounded outward so
 * that it still encloses what it marks. */
static void
add_box (JsonBuilder     *builder,
         const char      *name,
         const IrPdfRect *box)
{
  double x0 = floor (box->x);
  double y0 = floor (box->y);
  double x1 = ceil (box->x + box->width);
  double y1 = ceil (box->y + box->height);

  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, (gint64) x0);
  json_builder_add_int_value (builder, (gint64) y0);
  json_builder_add_int_value (builder, (gint64) (x1 - x0));
  json_builder_add_int_value (builder, (gint64) (y1 - y0));
  json_builder_end_array (builder);
}

static void
add_regions (JsonBuilder      *builder,
             IrDrawingCompare *compare)
{
  GArray *regions = ir_drawing_compare_get_regions (compare);

  json_builder_set_member_name (builder, "regions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (regions, IrDrawingRegion, i);

      json_builder_begin_object (builder);
      add_box (builder, "box", &region->box);
      json_builder_set_member_name (builder, "removed_pixels");
      json_builder_add_int_value (builder, region->removed_pixels);
      json_builder_set_member_name (builder, "added_pixels");
      json_builder_add_int_value (builder, region->added_pixels);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_text_changes (JsonBuilder      *builder,
                  IrDrawingCompare *compare)
{
  GPtrArray *changes = ir_drawing_compare_get_text_changes (compare);

  json_builder_set_member_name (builder, "text_changes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (changes, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, ir_drawing_text_change_kind_to_string (change->kind));
      if (change->old_text != NULL)
        {
          json_builder_set_member_name (builder, "old");
          json_builder_add_string_value (builder, change->old_text);
          add_box (builder, "old_box", &change->old_box);
        }
      if (change->new_text != NULL)
        {
          json_builder_set_member_name (builder, "new");
          json_builder_add_string_value (builder, change->new_text);
          add_box (builder, "new_box", &change->new_box);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
print_summary (const IrDrawingPageMatch *match,
               IrDrawingCompare         *compare,
               const char               *png,
               double                    dpi)
{
  GArray *regions = ir_drawing_compare_get_regions (compare);
  GPtrArray *changes = ir_drawing_compare_get_text_changes (compare);
  double offset_x, offset_y;

  printf ("Page %d → page %d (matched by %s): %u changed regions",
          match->old_page + 1, match->new_page + 1,
          ir_drawing_match_reason_to_string (match->reason), regions->len);
  if (png != NULL)
    printf (", overlay in %s", png);
  printf ("\n");

  ir_drawing_compare_get_offset (compare, &offset_x, &offset_y);
  if (offset_x != 0 || offset_y != 0)
    printf ("  offset %.1f, %.1f pt (%ld, %ld pixels at %.0f dpi)\n", offset_x, offset_y,
            lround (offset_x * dpi / 72), lround (offset_y * dpi / 72), dpi);

  for (guint i = 0; i < regions->len; i++)
    {
      const IrDrawingRegion *region = &g_array_index (regions, IrDrawingRegion, i);

      printf ("  region at %.0f,%.0f size %.0f×%.0f pt: %u removed, %u added pixels\n",
              region->box.x, region->box.y, region->box.width, region->box.height,
              region->removed_pixels, region->added_pixels);
    }

  if (!ir_drawing_compare_get_old_has_text (compare) && !ir_drawing_compare_get_new_has_text (compare))
    printf ("  text: neither page has a text layer; compared by pixels only\n");
  else if (!ir_drawing_compare_get_text_compared (compare))
    printf ("  text: the %s page has no text layer; compared by pixels only\n",
            ir_drawing_compare_get_old_has_text (compare) ? "new" : "old");

  for (guint i = 0; i < changes->len; i++)
    {
      const IrDrawingTextChange *change = g_ptr_array_index (changes, i);

      printf ("  text %s: “%s” → “%s”\n", ir_drawing_text_change_kind_to_string (change->kind),
              change->old_text ? change->old_text : "", change->new_text ? change->new_text : "");
    }
}

/* Returns OUT.png for the only pair and OUT-N.png, N the old page, for each
 * of several. */
static char *
overlay_path (const char *png,
              int         page,
              gboolean    several)
{
  const char *dot = strrchr (png, '.');
  const char *slash = strrchr (png, '/');

  if (!several)
    return g_strdup (png);
  if (dot == NULL || (slash != NULL && dot < slash))
    return g_strdup_printf ("%s-%d", png, page + 1);

  return g_strdup_printf ("%.*s-%d%s", (int) (dot - png), png, page + 1, dot);
}

/* ------------------------------------------------------------------------ */
/* Command                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
compare_pair (IrPdf                         *old_pdf,
              IrPdf                         *new_pdf,
              const IrDrawingPageMatch      *match,
              const IrDrawingCompareOptions *options,
              const CompareArgs             *args,
              gboolean                       several,
              JsonBuilder                   *builder)
{
  g_autoptr(IrDrawingCompare) compare = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *png = NULL;
  double offset_x, offset_y;

  compare = ir_drawing_compare_new_from_pages (old_pdf, match->old_page, new_pdf,
                                               match->new_page, options, NULL, &error);
  if (compare == NULL)
    {
      fprintf (stderr, "ironroom-tool compare: %s\n", error->message);
      return FALSE;
    }

  if (args->png != NULL)
    {
      cairo_surface_t *overlay = ir_drawing_compare_render_overlay (compare, args->opacity);
      cairo_status_t status = cairo_surface_write_to_png (overlay, png = overlay_path (args->png, match->old_page, several));

      cairo_surface_destroy (overlay);
      if (status != CAIRO_STATUS_SUCCESS)
        {
          fprintf (stderr, "ironroom-tool compare: could not write the overlay to “%s”: %s\n",
                   png, cairo_status_to_string (status));
          return FALSE;
        }
    }

  if (!args->json)
    {
      print_summary (match, compare, png, options->dpi);
      return TRUE;
    }

  /* Boxes and regions are in points of the new page, from its top-left
   * corner, after its /Rotate. */
  /* The offset is a whole number of pixels at the compare resolution. */
  ir_drawing_compare_get_offset (compare, &offset_x, &offset_y);
  json_builder_set_member_name (builder, "offset_pixels");
  json_builder_begin_array (builder);
  json_builder_add_int_value (builder, lround (offset_x * options->dpi / 72));
  json_builder_add_int_value (builder, lround (offset_y * options->dpi / 72));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "text_compared");
  json_builder_add_boolean_value (builder, ir_drawing_compare_get_text_compared (compare));
  json_builder_set_member_name (builder, "old_has_text");
  json_builder_add_boolean_value (builder, ir_drawing_compare_get_old_has_text (compare));
  json_builder_set_member_name (builder, "new_has_text");
  json_builder_add_boolean_value (builder, ir_drawing_compare_get_new_has_text (compare));
  if (png != NULL)
    {
      json_builder_set_member_name (builder, "overlay");
      json_builder_add_string_value (builder, png);
    }
  add_regions (builder, compare);
  add_text_changes (builder, compare);

  return TRUE;
}

static gboolean
run_compare (IrPdf             *old_pdf,
             IrPdf             *new_pdf,
             const CompareArgs *args,
             JsonBuilder       *builder)
{
  IrDrawingCompareOptions options;
  g_autoptr(GArray) matches = ir_drawing_match_pages (old_pdf, new_pdf);
  g_autoptr(GArray) ignore = NULL;
  guint n_pairs = 0;
  gboolean ok = TRUE;

  if (!fill_options (args, &options))
    return FALSE;
  ignore = options.ignore;

  if (args->page > ir_pdf_get_n_pages (old_pdf))
    {
      fprintf (stderr, "ironroom-tool compare: “%s” has no page %d; it has %d.\n",
               ir_pdf_get_name (old_pdf), args->page, ir_pdf_get_n_pages (old_pdf));
      return FALSE;
    }

  if (args->new_page > ir_pdf_get_n_pages (new_pdf))
    {
      fprintf (stderr, "ironroom-tool compare: “%s” has no page %d; it has %d.\n",
               ir_pdf_get_name (new_pdf), args->new_page, ir_pdf_get_n_pages (new_pdf));
      return FALSE;
    }

  /* The user names the new page when the title blocks cannot tell, such as
   * a single sheet that became one page of a sheet set. */
  if (args->new_page > 0)
    {
      IrDrawingPageMatch chosen = {
        .old_page = args->page > 0 ? args->page - 1 : 0,
        .new_page = args->new_page - 1,
        .reason = IR_DRAWING_MATCH_CHOSEN,
      };

      g_array_set_size (matches, 0);
      g_array_append_val (matches, chosen);
    }

  for (guint i = 0; i < matches->len; i++)
    {
      const IrDrawingPageMatch *match = &g_array_index (matches, IrDrawingPageMatch, i);

      if (match->old_page >= 0 && match->new_page >= 0 &&
          (args->page <= 0 || match->old_page == args->page - 1))
        n_pairs++;
    }

  json_builder_set_member_name (builder, "pages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < matches->len && ok; i++)
    {
      const IrDrawingPageMatch *match = &g_array_index (matches, IrDrawingPageMatch, i);

      if (args->page > 0 && match->old_page != args->page - 1)
        continue;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "old_page");
      json_builder_add_int_value (builder, match->old_page + 1);
      json_builder_set_member_name (builder, "new_page");
      json_builder_add_int_value (builder, match->new_page + 1);
      json_builder_set_member_name (builder, "matched_by");
      json_builder_add_string_value (builder, ir_drawing_match_reason_to_string (match->reason));

      if (match->old_page >= 0 && match->new_page >= 0)
        ok = compare_pair (old_pdf, new_pdf, match, &options, args, n_pairs > 1, builder);
      else if (!args->json)
        printf ("Page %d of the %s revision has no counterpart.\n",
                match->old_page >= 0 ? match->old_page + 1 : match->new_page + 1,
                match->old_page >= 0 ? "old" : "new");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return ok;
}

int
ir_tool_compare (int    argc,
                 char **argv)
{
  CompareArgs args = { .dpi = 150, .tolerance = -1, .opacity = 0.35 };
  GOptionEntry entries[] = {
    { "page", 0, 0, G_OPTION_ARG_INT, &args.page, "Compare only this page of OLD (from 1) with its match", "N" },
    { "new-page", 0, 0, G_OPTION_ARG_INT, &args.new_page, "Compare with this page of NEW (from 1) instead of the matched one", "M" },
    { "dpi", 0, 0, G_OPTION_ARG_INT, &args.dpi, "Render resolution in dots per inch (default 150)", "D" },
    { "png", 0, 0, G_OPTION_ARG_FILENAME, &args.png, "Write the overlay image here (OUT-N.png per page when several)", "OUT.png" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &args.json, "Print regions and text changes as JSON", NULL },
    { "ignore", 0, 0, G_OPTION_ARG_STRING_ARRAY, &args.ignore, "Ignore changes in this area of the new page, in points (repeatable)", "X,Y,W,H" },
    { "offset", 0, 0, G_OPTION_ARG_STRING, &args.offset, "How far the new sheet's content moved, in points", "DX,DY" },
    { "auto-align", 0, 0, G_OPTION_ARG_NONE, &args.auto_align, "Estimate how far the new sheet moved", NULL },
    { "tolerance", 0, 0, G_OPTION_ARG_INT, &args.tolerance, "Pixels of tolerance for anti-aliasing (default 1)", "PX" },
    { "opacity", 0, 0, G_OPTION_ARG_DOUBLE, &args.opacity, "Strength of unchanged ink in the overlay, 0 to 1 (default 0.35)", "F" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("OLD.pdf NEW.pdf – compare two revisions of a drawing");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrPdf) old_pdf = NULL;
  g_autoptr(IrPdf) new_pdf = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  gboolean ok;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "ironroom-tool compare: %s; run “ironroom-tool compare --help”.\n", error->message);
      return 2;
    }

  if (argc != 3 || args.dpi < 10 || args.dpi > 1200 || args.page < 0 || args.new_page < 0 ||
      args.opacity < 0 || args.opacity > 1)
    {
      fprintf (stderr, "Usage: ironroom-tool compare OLD.pdf NEW.pdf [--page N] [--new-page M] "
               "[--dpi D] [--png OUT.png] [--json]\n(--dpi takes 10 to 1200, --opacity 0 to 1, "
               "pages count from 1.)\n");
      return 2;
    }

  old_pdf = ir_pdf_new_from_file (argv[1], IR_PDF_DEFAULT_MAX_SIZE, NULL, &error);
  if (old_pdf != NULL)
    new_pdf = ir_pdf_new_from_file (argv[2], IR_PDF_DEFAULT_MAX_SIZE, NULL, &error);
  if (new_pdf == NULL)
    {
      fprintf (stderr, "ironroom-tool compare: %s\n", error->message);
      return 1;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "old");
  json_builder_add_string_value (builder, argv[1]);
  json_builder_set_member_name (builder, "new");
  json_builder_add_string_value (builder, argv[2]);
  json_builder_set_member_name (builder, "dpi");
  json_builder_add_int_value (builder, args.dpi);
  ok = run_compare (old_pdf, new_pdf, &args, builder);
  json_builder_end_object (builder);

  if (ok && args.json)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      printf ("%s\n", text);
    }

  g_free (args.png);
  g_free (args.offset);
  g_strfreev (args.ignore);

  return ok ? 0 : 1;
}
