/* ir-pdf.c: opening, measuring and rendering PDF drawings with poppler
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ir-pdf.h"
#include "ir-pdf-private.h"

/* The PDF header may follow some bytes of junk, so readers look for it in
 * the first kilobyte. */
#define HEADER_SEARCH_LENGTH 1024

struct _IrPdf
{
  GObject          parent_instance;

  char            *name;
  GBytes          *bytes;
  PopplerDocument *document;
  int              n_pages;
};

G_DEFINE_FINAL_TYPE (IrPdf, ir_pdf, G_TYPE_OBJECT)

G_DEFINE_QUARK (ir-pdf-error-quark, ir_pdf_error)

static GMutex poppler_lock;

/* ------------------------------------------------------------------------ */
/* Locking                                                                  */
/* ------------------------------------------------------------------------ */

PopplerPage *
ir_pdf_lock_page (IrPdf *self,
                  int    page)
{
  PopplerPage *result;

  g_mutex_lock (&poppler_lock);
  result = poppler_document_get_page (self->document, page);
  if (result == NULL)
    g_mutex_unlock (&poppler_lock);

  return result;
}

void
ir_pdf_unlock_page (PopplerPage *page)
{
  g_object_unref (page);
  g_mutex_unlock (&poppler_lock);
}

/* ------------------------------------------------------------------------ */
/* Object                                                                   */
/* ------------------------------------------------------------------------ */

static void
ir_pdf_finalize (GObject *object)
{
  IrPdf *self = IR_PDF (object);

  /* Poppler may touch shared caches while it frees a document. */
  g_mutex_lock (&poppler_lock);
  g_clear_object (&self->document);
  g_mutex_unlock (&poppler_lock);

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->name);

  G_OBJECT_CLASS (ir_pdf_parent_class)->finalize (object);
}

static void
ir_pdf_class_init (IrPdfClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ir_pdf_finalize;
}

static void
ir_pdf_init (IrPdf *self)
{
}

/* ------------------------------------------------------------------------ */
/* Opening                                                                  */
/* ------------------------------------------------------------------------ */

static gboolean
has_pdf_header (GBytes *bytes)
{
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  length = MIN (length, HEADER_SEARCH_LENGTH);
  for (gsize i = 0; i + 5 <= length; i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
check_size (guint64      size,
            guint64      max_size,
            const char  *name,
            GError     **error)
{
  if (size == 0)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_EMPTY,
                   _("“%s” is empty (0 bytes). Export the drawing again and "
                     "choose the new file."), name);
      return FALSE;
    }

  if (max_size > 0 && size > max_size)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (max_size);

      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_TOO_LARGE,
                   _("“%s” is %s, over the limit of %s for one drawing. Export "
                     "it with fewer or simpler sheets, or split it into "
                     "several files."), name, size_text, limit_text);
      return FALSE;
    }

  return TRUE;
}

static void
set_open_error (GError     **error,
                const char  *name,
                GError      *cause)
{
  if (g_error_matches (cause, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_ENCRYPTED,
                 _("“%s” is password-protected. Ask the sender for a copy "
                   "exported without a password."), name);
  else
    g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_DAMAGED,
                 _("“%s” is damaged and could not be repaired (%s). Export the "
                   "drawing again, or ask the sender for a new copy."),
                 name, cause->message);
}

/**
 * ir_pdf_new_from_bytes:
 * @bytes: the file's contents
 * @name: the file name to use in messages
 * @max_size: the largest accepted size in bytes, or 0 for no limit
 * @error: return location for an #IR_PDF_ERROR
 *
 * Opens a PDF held in memory. Rejects an empty file, one over @max_size,
 * one without a PDF header, a password-protected one, one that poppler
 * cannot repair and one without pages. Each error message names the file
 * and the next step.
 *
 * Returns: (transfer full) (nullable): the document
 */
IrPdf *
ir_pdf_new_from_bytes (GBytes      *bytes,
                       const char  *name,
                       guint64      max_size,
                       GError     **error)
{
  g_autoptr(IrPdf) self = NULL;
  g_autoptr(GError) cause = NULL;
  PopplerPage *first;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!check_size (g_bytes_get_size (bytes), max_size, name, error))
    return NULL;

  if (!has_pdf_header (bytes))
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_NOT_PDF,
                   _("“%s” is not a PDF file. Export the drawing from the CAD "
                     "program as PDF and choose that file."), name);
      return NULL;
    }

  self = g_object_new (IR_TYPE_PDF, NULL);
  self->name = g_strdup (name);
  self->bytes = g_bytes_ref (bytes);

  g_mutex_lock (&poppler_lock);
  self->document = poppler_document_new_from_bytes (bytes, NULL, &cause);
  if (self->document != NULL)
    self->n_pages = poppler_document_get_n_pages (self->document);
  g_mutex_unlock (&poppler_lock);

  if (self->document == NULL)
    {
      set_open_error (error, name, cause);
      return NULL;
    }

  if (self->n_pages <= 0)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_NO_PAGES,
                   _("“%s” has no pages. Export the drawing again with at "
                     "least one sheet."), name);
      return NULL;
    }

  /* A repaired cross-reference table may still lose the pages themselves. */
  first = ir_pdf_lock_page (self, 0);
  if (first == NULL)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_DAMAGED,
                   _("“%s” is damaged: its first page cannot be read. Export "
                     "the drawing again, or ask the sender for a new copy."),
                   name);
      return NULL;
    }
  ir_pdf_unlock_page (first);

  return g_steal_pointer (&self);
}

/**
 * ir_pdf_new_from_file:
 * @path: the file to open
 * @max_size: the largest accepted size in bytes, or 0 for no limit
 * @cancellable: (nullable): cancels reading
 * @error: return location for an #IR_PDF_ERROR, or a #G_IO_ERROR when
 *   cancelled
 *
 * Opens a PDF file, with the checks of ir_pdf_new_from_bytes(). The size
 * limit is checked before the file is read.
 *
 * Returns: (transfer full) (nullable): the document
 */
IrPdf *
ir_pdf_new_from_file (const char    *path,
                      guint64        max_size,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_path_get_basename (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_READ,
                   _("Could not read “%s” (%s). Check the file name and that "
                     "you may read the file."), path, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_READ,
                   _("“%s” is not a regular file. Choose a PDF file."), path);
      return NULL;
    }

  if (!check_size (g_file_info_get_size (info), max_size, name, error))
    return NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, IR_PDF_ERROR, IR_PDF_ERROR_READ,
                     _("Could not read “%s” (%s). Check the file name and that "
                     "you may read the file."), path, local_error->message);
      return NULL;
    }

  return ir_pdf_new_from_bytes (bytes, name, max_size, error);
}

const char *
ir_pdf_get_name (IrPdf *self)
{
  g_return_val_if_fail (IR_IS_PDF (self), NULL);

  return self->name;
}

int
ir_pdf_get_n_pages (IrPdf *self)
{
  g_return_val_if_fail (IR_IS_PDF (self), 0);

  return self->n_pages;
}

/**
 * ir_pdf_get_page_size:
 * @self: the document
 * @page: the page, from 0
 * @width: (out): width in points, after the page's rotation
 * @height: (out): height in points, after the page's rotation
 *
 * Returns: %FALSE if @page does not exist or cannot be read
 */
gboolean
ir_pdf_get_page_size (IrPdf  *self,
                      int     page,
                      double *width,
                      double *height)
{
  PopplerPage *locked;

  g_return_val_if_fail (IR_IS_PDF (self), FALSE);

  *width = 0;
  *height = 0;
  if (page < 0 || page >= self->n_pages)
    return FALSE;

  locked = ir_pdf_lock_page (self, page);
  if (locked == NULL)
    return FALSE;

  poppler_page_get_size (locked, width, height);
  ir_pdf_unlock_page (locked);

  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Rectangles                                                               */
/* ------------------------------------------------------------------------ */

gboolean
ir_pdf_rect_intersects (const IrPdfRect *a,
                        const IrPdfRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* Grows @into to enclose @other as well. */
void
ir_pdf_rect_union (IrPdfRect       *into,
                   const IrPdfRect *other)
{
  double x2 = MAX (into->x + into->width, other->x + other->width);
  double y2 = MAX (into->y + into->height, other->y + other->height);

  into->x = MIN (into->x, other->x);
  into->y = MIN (into->y, other->y);
  into->width = x2 - into->x;
  into->height = y2 - into->y;
}
