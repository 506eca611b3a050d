/* ir-drawing-import.c: importing a file as a new revision of a drawing
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import has two steps. The first, here, checks the file, renders its
 * preview and puts both into the blob store. It touches no entity and may
 * run in a worker thread, so a file that fails the checks leaves the room
 * as it was. The second, ir_revision_import_commit() in
 * ir-drawing-import-commit.c, writes the revision.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-drawing-model-private.h"


/* --- checking the file ---------------------------------------------------- */

static gboolean
pdf_has_text (IrPdf *pdf)
{
  int n_pages = ir_pdf_get_n_pages (pdf);

  for (int page = 0; page < n_pages; page++)
    {
      g_autoptr(GPtrArray) words = ir_pdf_get_words (pdf, page);

      if (words != NULL && words->len > 0)
        return TRUE;
    }

  return FALSE;
}

/* Reads what the room stores about the file, then stores its preview. */
static gboolean
prepare (IrRevisionImport  *self,
         GCancellable      *cancellable,
         GError           **error)
{
  g_autoptr(IrPdfSheetInfo) sheet = NULL;
  g_autoptr(GBytes) preview = NULL;

  self->n_pages = ir_pdf_get_n_pages (self->pdf);
  self->has_text = pdf_has_text (self->pdf);

  sheet = ir_pdf_get_sheet_info (self->pdf, 0);
  if (sheet != NULL)
    {
      self->number = g_strdup (sheet->number);
      self->title = g_strdup (sheet->title);
    }

  preview = ir_pdf_render_preview (self->pdf, 0, IR_PDF_PREVIEW_SIZE, cancellable, error);
  if (preview == NULL)
    return FALSE;

  self->preview_blob = ir_blob_store_add_bytes (self->blobs, preview, error);

  return self->preview_blob != NULL;
}

static IrRevisionImport *
import_new (IrBlobStore *blobs,
            const char  *filename)
{
  IrRevisionImport *self = g_new0 (IrRevisionImport, 1);

  self->blobs = g_object_ref (blobs);
  self->filename = g_strdup (filename);

  return self;
}

/**
 * ir_revision_import_new_from_file:
 * @blobs: the room's blob store
 * @file: a PDF file
 * @max_size: the largest file accepted, such as %IR_PDF_DEFAULT_MAX_SIZE
 * @cancellable: (nullable): cancels the import
 * @error: return location for an error
 *
 * Checks that @file is a PDF drawing that Iron Room can show, and stores it
 * and a preview of its first page in @blobs. An encrypted, damaged, empty,
 * oversized or non-PDF file is rejected with a message that gives the reason, and
 * nothing is stored. May run in a worker thread.
 *
 * Returns: (transfer full) (nullable): the checked file, for
 *   ir_revision_import_commit()
 */
IrRevisionImport *
ir_revision_import_new_from_file (IrBlobStore   *blobs,
                                  GFile         *file,
                                  guint64        max_size,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(IrRevisionImport) self = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (IR_IS_BLOB_STORE (blobs), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  basename = g_file_get_basename (file);
  self = import_new (blobs, basename);
  path = g_file_get_path (file);

  /* A file from the portal has a path; other locations are read whole. */
  if (path != NULL)
    self->pdf = ir_pdf_new_from_file (path, max_size, cancellable, error);
  else
    {
      bytes = g_file_load_bytes (file, cancellable, NULL, error);
      if (bytes == NULL)
        return NULL;
      self->pdf = ir_pdf_new_from_bytes (bytes, basename, max_size, error);
    }
  if (self->pdf == NULL)
    return NULL;

  if (!prepare (self, cancellable, error))
    return NULL;

  if (bytes != NULL)
    {
      self->size = g_bytes_get_size (bytes);
      self->blob = ir_blob_store_add_bytes (blobs, bytes, error);
    }
  else
    {
      g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, cancellable,
                                                     error);

      if (info == NULL)
        return NULL;
      self->size = g_file_info_get_size (info);
      self->blob = ir_blob_store_add_file (blobs, file, max_size, error);
    }

  return self->blob != NULL ? g_steal_pointer (&self) : NULL;
}

/**
 * ir_revision_import_new_from_bytes:
 * @blobs: the room's blob store
 * @bytes: the content of a PDF file
 * @filename: the name the revision shows
 * @max_size: the largest file accepted
 * @error: return location for an error
 *
 * Like ir_revision_import_new_from_file(), for a file already in memory.
 *
 * Returns: (transfer full) (nullable): the checked file
 */
IrRevisionImport *
ir_revision_import_new_from_bytes (IrBlobStore  *blobs,
                                   GBytes       *bytes,
                                   const char   *filename,
                                   guint64       max_size,
                                   GError      **error)
{
  g_autoptr(IrRevisionImport) self = NULL;

  g_return_val_if_fail (IR_IS_BLOB_STORE (blobs), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  self = import_new (blobs, filename);
  self->pdf = ir_pdf_new_from_bytes (bytes, filename, max_size, error);
  if (self->pdf == NULL)
    return NULL;

  if (!prepare (self, NULL, error))
    return NULL;

  self->size = g_bytes_get_size (bytes);
  self->blob = ir_blob_store_add_bytes (blobs, bytes, error);

  return self->blob != NULL ? g_steal_pointer (&self) : NULL;
}

/* --- page matching -------------------------------------------------------- */

/**
 * ir_revision_import_match_pages:
 * @import: a checked file
 * @previous_blob: the file of the revision it follows
 * @error: return location for an error
 *
 * Matches the pages of the new file with those of @previous_blob, by sheet
 * number or title before page order, so that ir_revision_import_commit()
 * need not open the previous file itself. May run in a worker thread.
 *
 * Returns: %TRUE when the previous file could be read
 */
gboolean
ir_revision_import_match_pages (IrRevisionImport  *import,
                                const char        *previous_blob,
                                GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IrPdf) previous = NULL;

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (previous_blob != NULL, FALSE);

  if (g_strcmp0 (import->matched_blob, previous_blob) == 0)
    return TRUE;

  bytes = ir_blob_store_load (import->blobs, previous_blob, error);
  if (bytes == NULL)
    return FALSE;

  previous = ir_pdf_new_from_bytes (bytes, previous_blob, G_MAXUINT64, error);
  if (previous == NULL)
    return FALSE;

  g_clear_pointer (&import->matches, g_array_unref);
  g_free (import->matched_blob);
  import->matches = ir_drawing_match_pages (previous, import->pdf);
  import->matched_blob = g_strdup (previous_blob);

  return TRUE;
}

/* --- accessors ------------------------------------------------------------ */

const char *
ir_revision_import_get_filename (IrRevisionImport *import)
{
  return import->filename;
}

int
ir_revision_import_get_n_pages (IrRevisionImport *import)
{
  return import->n_pages;
}

/* Returns the drawing number read from the first page's title block. */
const char *
ir_revision_import_get_number (IrRevisionImport *import)
{
  return import->number;
}

/* Returns the title read from the first page's title block. */
const char *
ir_revision_import_get_title (IrRevisionImport *import)
{
  return import->title;
}

void
ir_revision_import_free (IrRevisionImport *import)
{
  if (import == NULL)
    return;

  g_clear_object (&import->blobs);
  g_clear_object (&import->pdf);
  g_free (import->filename);
  g_free (import->blob);
  g_free (import->preview_blob);
  g_free (import->number);
  g_free (import->title);
  g_free (import->matched_blob);
  g_clear_pointer (&import->matches, g_array_unref);
  g_free (import);
}

void
ir_revision_import_result_clear (IrRevisionImportResult *result)
{
  g_clear_pointer (&result->drawing, g_free);
  g_clear_pointer (&result->revision, g_free);
  g_clear_pointer (&result->label, g_free);
  result->n_carried = result->n_not_carried = result->n_notified = 0;
}
