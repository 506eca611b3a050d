/* ir-pdf-text.c: words of a page's text layer and which sheet it is
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ir-pdf.h"
#include "ir-pdf-private.h"

/* Two glyphs further apart than this many glyph sizes belong to different
 * words, even when poppler put no space between them (CAD programs often
 * place each text item on its own). */
#define WORD_GAP_FACTOR 0.6
#define LINE_GAP_FACTOR 0.2

/* How far a title-block value may lie from its label, in points, measured
 * by label_distance(). */
#define LABEL_REACH 200.0

/* ------------------------------------------------------------------------ */
/* Words                                                                    */
/* ------------------------------------------------------------------------ */

void
ir_pdf_word_free (IrPdfWord *word)
{
  g_free (word->text);
  g_free (word);
}

/* Glyph boxes are as tall as the line and as wide as the advance, also for
 * text that runs down the page, so the glyphs of one word touch. A vertical
 * gap therefore means another line, even a small one. */
static gboolean
glyphs_apart (const PopplerRectangle *previous,
              const PopplerRectangle *current)
{
  double size = MAX (MAX (previous->y2 - previous->y1, current->y2 - current->y1),
                     0.1);
  double gap_x = MAX (current->x1 - previous->x2, previous->x1 - current->x2);
  double gap_y = MAX (current->y1 - previous->y2, previous->y1 - current->y2);

  return gap_x > WORD_GAP_FACTOR * size || gap_y > LINE_GAP_FACTOR * size;
}

static void
finish_word (GPtrArray *words,
             GString   *text,
             IrPdfRect *box,
             double     font_size)
{
  IrPdfWord *word;

  if (text->len == 0)
    return;

  word = g_new0 (IrPdfWord, 1);
  word->text = g_strdup (text->str);
  word->box = *box;
  word->font_size = font_size;
  g_ptr_array_add (words, word);

  g_string_truncate (text, 0);
}

/* Fills @sizes, one entry per character, with the font size that poppler's
 * text attributes give for it. */
static void
fill_font_sizes (GList  *attributes,
                 double *sizes,
                 guint   n_chars)
{
  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *attribute = l->data;
      guint end = MIN ((guint) attribute->end_index + 1, n_chars);

      for (guint i = attribute->start_index; i < end; i++)
        sizes[i] = attribute->font_size;
    }
}

/**
 * ir_pdf_get_words:
 * @self: the document
 * @page: the page, from 0
 *
 * Splits the page's text layer into words at white space and at gaps
 * between glyphs, in poppler's reading order. May be called from any
 * thread.
 *
 * Returns: (transfer container) (element-type IrPdfWord): the words; empty
 *   when the page has no text layer or cannot be read
 */
GPtrArray *
ir_pdf_get_words (IrPdf *self,
                  int    page)
{
  GPtrArray *words = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_pdf_word_free);
  g_autoptr(GString) current = g_string_new (NULL);
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree double *sizes = NULL;
  g_autofree char *text = NULL;
  PopplerRectangle *previous = NULL;
  PopplerPage *locked;
  GList *attributes;
  IrPdfRect box = { 0 };
  double font_size = 0;
  guint n_rects = 0;
  guint n_chars;
  const char *p;
  guint i = 0;

  g_return_val_if_fail (IR_IS_PDF (self), words);

  locked = ir_pdf_lock_page (self, page);
  if (locked == NULL)
    return words;

  text = poppler_page_get_text (locked);
  if (text != NULL && !poppler_page_get_text_layout (locked, &rects, &n_rects))
    n_rects = 0;
  attributes = n_rects > 0 ? poppler_page_get_text_attributes (locked) : NULL;
  ir_pdf_unlock_page (locked);

  if (text == NULL || n_rects == 0)
    return words;

  n_chars = g_utf8_strlen (text, -1);
  if (n_chars != n_rects)
    g_debug ("Page %d of %s: %u characters but %u glyph boxes",
             page + 1, ir_pdf_get_name (self), n_chars, n_rects);

  sizes = g_new0 (double, n_chars);
  fill_font_sizes (attributes, sizes, n_chars);
  poppler_page_free_text_attributes (attributes);

  for (p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      PopplerRectangle *rect = &rects[i];
      IrPdfRect glyph = { rect->x1, rect->y1, rect->x2 - rect->x1, rect->y2 - rect->y1 };

      if (g_unichar_isspace (c) || c == 0xFFFD)
        {
          finish_word (words, current, &box, font_size);
          previous = NULL;
          continue;
        }

      if (previous != NULL && glyphs_apart (previous, rect))
        finish_word (words, current, &box, font_size);

      if (current->len == 0)
        {
          box = glyph;
          font_size = sizes[i];
        }
      else
        {
          ir_pdf_rect_union (&box, &glyph);
          font_size = MAX (font_size, sizes[i]);
        }

      g_string_append_unichar (current, c);
      previous = rect;
    }
  finish_word (words, current, &box, font_size);

  return words;
}

/* ------------------------------------------------------------------------ */
/* Sheet number and title                                                   */
/* ------------------------------------------------------------------------ */

static gboolean
is_label (const IrPdfWord   *word,
          const char * const *labels)
{
  g_autofree char *folded = g_utf8_strup (word->text, -1);
  gsize length = strlen (folded);

  while (length > 0 && strchr (":：.", folded[length - 1]) != NULL)
    folded[--length] = '\0';

  return g_strv_contains (labels, folded);
}

/* Labels of title-block cells that contain neither the number nor the
 * title. A value closer to one of these belongs to that cell. */
static const char * const other_labels[] = {
  "材料", "比例", "重量", "版本", "张次", "投影", "日期", "签名", "设计", "校核",
  "审核", "批准", "MATERIAL", "SCALE", "WEIGHT", "REV", "REVISION", "SHEET",
  "PROJECTION", "DATE", "DRAWN", "CHECKED", "APPROVED", NULL,
};

static const char * const number_labels[] = {
  "图号", "代号", "图样代号", "DWG", "DWG NO", "DRAWING", "DRAWING NO",
  "DOCUMENT NO", "PART NO", NULL,
};

static const char * const title_labels[] = {
  "名称", "图名", "图样名称", "TITLE", "DRAWING TITLE", NULL,
};

static gboolean
is_any_label (const IrPdfWord *word)
{
  return is_label (word, other_labels) || is_label (word, number_labels) ||
         is_label (word, title_labels);
}

/* Measures from a label to a value right of it or below it, the way title
 * blocks place them: within one cell the value lies a little below the
 * label, so vertical distance counts three times. Returns a negative number
 * when the value lies elsewhere. */
static double
label_distance (const IrPdfWord *label,
                const IrPdfWord *value)
{
  double dx = value->box.x - (label->box.x + label->box.width);
  double dy = value->box.y - label->box.y;

  if (value->box.x + value->box.width < label->box.x || dy < -label->box.height)
    return -1;

  return MAX (dx, 0) + 3 * MAX (dy, 0);
}

/* Returns the distance from @value to the nearest of @labels, or a negative
 * number when another label of the title block is nearer to it. */
static double
distance_to_labels (GPtrArray          *words,
                    const IrPdfWord    *value,
                    const char * const *labels)
{
  double best = -1;
  double other = -1;

  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *label = g_ptr_array_index (words, i);
      double distance;

      if (label == value || !is_any_label (label))
        continue;

      distance = label_distance (label, value);
      if (distance < 0)
        continue;

      if (is_label (label, labels))
        best = best < 0 ? distance : MIN (best, distance);
      else
        other = other < 0 ? distance : MIN (other, distance);
    }

  if (best >= 0 && other >= 0 && other < best)
    return -1;

  return best;
}

static gboolean
in_title_block_area (const IrPdfWord *word,
                     double           page_width,
                     double           page_height)
{
  return word->box.x > page_width * 0.5 && word->box.y > page_height * 0.6;
}

static char *
guess_number (GPtrArray *words,
              double     page_width,
              double     page_height)
{
  g_autoptr(GRegex) pattern = NULL;
  const IrPdfWord *best = NULL;
  double best_score = 0;

  /* Letters, then groups of letters and digits joined by "-", "_" or "."
   * with at least one digit: FV-150-001, OSO-BOWI-A1-06, JF.01.02. */
  pattern = g_regex_new ("^[A-Z][A-Z0-9]{0,7}([-_.][A-Z0-9]{1,8}){1,5}$", 0, 0, NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *word = g_ptr_array_index (words, i);
      double distance, score = 1;

      if (strpbrk (word->text, "0123456789") == NULL ||
          !g_regex_match (pattern, word->text, 0, NULL))
        continue;

      distance = distance_to_labels (words, word, number_labels);
      if (distance >= 0 && distance < LABEL_REACH)
        score += 10;
      if (in_title_block_area (word, page_width, page_height))
        score += 3;
      score += word->font_size / 10;

      if (score > best_score)
        {
          best = word;
          best_score = score;
        }
    }

  return best != NULL ? g_strdup (best->text) : NULL;
}

/* Joins the words on the line of @first, in its font size, that continue
 * it to the right. */
static char *
collect_line (GPtrArray       *words,
              const IrPdfWord *first)
{
  GString *line = g_string_new (first->text);
  double right = first->box.x + first->box.width;
  double middle = first->box.y + first->box.height / 2;
  gboolean grew = TRUE;

  while (grew)
    {
      grew = FALSE;
      for (guint i = 0; i < words->len; i++)
        {
          const IrPdfWord *word = g_ptr_array_index (words, i);
          double gap = word->box.x - right;

          if (gap < 0 || gap > first->box.height * 1.5 ||
              fabs (word->box.y + word->box.height / 2 - middle) > first->box.height / 2 ||
              fabs (word->font_size - first->font_size) > first->font_size * 0.2)
            continue;

          g_string_append_printf (line, " %s", word->text);
          right = word->box.x + word->box.width;
          grew = TRUE;
          break;
        }
    }

  return g_string_free (line, FALSE);
}

static char *
guess_title (GPtrArray *words)
{
  const IrPdfWord *best = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *word = g_ptr_array_index (words, i);
      double distance;

      if (is_any_label (word))
        continue;

      distance = distance_to_labels (words, word, title_labels);
      if (distance < 0 || distance > LABEL_REACH)
        continue;

      if (best == NULL || word->font_size > best->font_size + 0.1)
        best = word;
    }

  return best != NULL ? collect_line (words, best) : NULL;
}

static void
guess_sheet_numbers (GPtrArray      *words,
                     IrPdfSheetInfo *info)
{
  static const char * const patterns[] = {
    "SHEET\\s*(\\d+)\\s*(?:OF|/)\\s*(\\d+)",
    "第\\s*(\\d+)\\s*[张页]\\s*[,，]?\\s*共\\s*(\\d+)\\s*[张页]",
    "共\\s*(\\d+)\\s*[张页]\\s*[,，]?\\s*第\\s*(\\d+)\\s*[张页]",
  };
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < words->len; i++)
    {
      const IrPdfWord *word = g_ptr_array_index (words, i);

      g_string_append_printf (joined, "%s ", word->text);
    }

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autoptr(GRegex) regex = g_regex_new (patterns[i], G_REGEX_CASELESS, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      g_autofree char *first = NULL;
      g_autofree char *second = NULL;

      if (!g_regex_match (regex, joined->str, 0, &match))
        continue;

      first = g_match_info_fetch (match, 1);
      second = g_match_info_fetch (match, 2);
      /* The third pattern names the count first. */
      info->sheet = atoi (i == 2 ? second : first);
      info->n_sheets = atoi (i == 2 ? first : second);
      return;
    }
}

/**
 * ir_pdf_sheet_info_guess:
 * @words: (element-type IrPdfWord): the page's words
 * @page_width: the page's width in points
 * @page_height: the page's height in points
 *
 * Reads the drawing number, the title and "sheet 2 of 3" (or "第 2 张 共 3
 * 张") from a page's title block, to match the pages of two revisions.
 *
 * Returns: (transfer full): what could be read; the fields are unset when
 *   nothing matched
 */
IrPdfSheetInfo *
ir_pdf_sheet_info_guess (GPtrArray *words,
                         double     page_width,
                         double     page_height)
{
  IrPdfSheetInfo *info = g_new0 (IrPdfSheetInfo, 1);

  info->number = guess_number (words, page_width, page_height);
  info->title = guess_title (words);
  guess_sheet_numbers (words, info);

  return info;
}

IrPdfSheetInfo *
ir_pdf_get_sheet_info (IrPdf *self,
                       int    page)
{
  g_autoptr(GPtrArray) words = ir_pdf_get_words (self, page);
  double width, height;

  ir_pdf_get_page_size (self, page, &width, &height);

  return ir_pdf_sheet_info_guess (words, width, height);
}

void
ir_pdf_sheet_info_free (IrPdfSheetInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->number);
  g_free (info->title);
  g_free (info);
}
