/* ir-map-coverage-warnings.h: the warnings above the coverage table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ir-map-coverage.h"
#include "ir-store.h"

G_BEGIN_DECLS

void ir_map_coverage_fill_warnings (GtkListBox    *list,
                                    IrStore       *store,
                                    IrMapCoverage *coverage);

G_END_DECLS
