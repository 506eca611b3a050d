/* drawing-fixtures.h: generated PDFs with known differences for the tests
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-pdf.h"

G_BEGIN_DECLS

/* One A3 sheet, drawn in a variant of a base drawing. */
typedef enum
{
  FIXTURE_BASE,
  FIXTURE_DIMENSION,    /* the plate's width reads 125 instead of 120 */
  FIXTURE_HOLE,         /* a Ø10 hole added to the plate */
  FIXTURE_VIEW_MOVED,   /* the flange view 3 mm further right */
  FIXTURE_SHEET_MOVED,  /* everything 4 mm right and 2.5 mm down */
  FIXTURE_NO_TEXT,      /* the base with its text drawn as outlines */
} FixtureVariant;

/* How far FIXTURE_SHEET_MOVED moves the sheet, in points. */
#define FIXTURE_SHEET_DX (4.0 * 72 / 25.4)
#define FIXTURE_SHEET_DY (2.5 * 72 / 25.4)

char    *fixture_write_sheet       (const char     *directory,
                                    FixtureVariant  variant);
GArray  *fixture_get_changes       (FixtureVariant  variant);
IrPdfRect fixture_get_hole_area    (void);

char    *fixture_write_sheets      (const char     *directory,
                                    const char     *name,
                                    const int      *sheets,
                                    int             n_sheets);
char    *fixture_write_zero_pages  (const char     *directory);
char    *fixture_write_encrypted   (const char     *directory,
                                    const char     *password);
char    *fixture_write_rotated     (const char     *directory);
char    *fixture_write_objects     (const char     *directory,
                                    const char     *name,
                                    GBytes        **objects,
                                    guint           n_objects,
                                    const char     *trailer_extra);
char    *fixture_write_bytes       (const char     *directory,
                                    const char     *name,
                                    const void     *data,
                                    gsize           length);

G_END_DECLS
