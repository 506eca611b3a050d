/* ir-map-coverage.h: who on the team covers whom, and how recently
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

/* One stakeholder's coverage. Dates are "YYYY-MM-DD"; day counts are whole
 * days up to the coverage's "today", -1 when there was no contact. */
typedef struct
{
  char        *stakeholder;
  char        *coverage_owner;      /* member id, or NULL */
  gboolean     covered;             /* the owner is an active member */
  gboolean     left;
  char        *last_contact;        /* latest interaction up to today, any channel */
  int          days_since_contact;
  gboolean     stale;               /* active, and no contact within the threshold */
  char        *last_met;            /* latest meeting, site visit or call */
  int          days_since_met;
  const char **levels;              /* per trio member: "none", "met" or "trusted" */
  char       **member_last_contact; /* per trio member: date or NULL */
} IrMapCoverageRow;

typedef enum
{
  IR_MAP_WARNING_UNCOVERED_ECONOMIC_BUYER,
  IR_MAP_WARNING_BLOCKER_NOT_MET,
} IrMapWarningKind;

typedef struct
{
  IrMapWarningKind  kind;
  char             *stakeholder;
  int               days;          /* days since the blocker was met, -1 never */
} IrMapWarning;

typedef struct
{
  char       *today;
  int         stale_days;
  GPtrArray  *members;         /* char*, ids of the trio in ir_map_list_trio() order */
  GPtrArray  *rows;            /* IrMapCoverageRow*, one per visible stakeholder */
  GPtrArray  *warnings;        /* IrMapWarning* */
  GHashTable *by_stakeholder;  /* stakeholder id → IrMapCoverageRow* */
} IrMapCoverage;

IrMapCoverage          *ir_map_coverage_compute   (IrStore       *store,
                                                   const char    *today);
void                    ir_map_coverage_free      (IrMapCoverage *coverage);
const IrMapCoverageRow *ir_map_coverage_lookup    (IrMapCoverage *coverage,
                                                   const char    *stakeholder);
int                     ir_map_coverage_member_index (IrMapCoverage *coverage,
                                                   const char    *member);

int                     ir_map_get_stale_days     (IrStore       *store);
gboolean                ir_map_set_stale_days     (IrStore       *store,
                                                   int            days,
                                                   GError       **error);
char                   *ir_map_get_today          (IrStore       *store);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrMapCoverage, ir_map_coverage_free)

G_END_DECLS
