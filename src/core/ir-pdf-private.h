/* ir-pdf-private.h: locked access to poppler pages, shared by ir-pdf*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

#include "ir-pdf.h"

G_BEGIN_DECLS

/* Poppler documents are not thread-safe, and poppler's cairo back end keeps
 * caches that documents share (CairoFontEngine's font file cache in poppler
 * 22), so one lock covers every call into poppler. ir_pdf_lock_page() takes it and returns the page (or %NULL, with
 * the lock released); ir_pdf_unlock_page() drops the page and the lock. */
PopplerPage *ir_pdf_lock_page   (IrPdf       *self,
                                 int          page);
void         ir_pdf_unlock_page (PopplerPage *page);

G_END_DECLS
