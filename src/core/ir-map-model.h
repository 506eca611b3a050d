/* ir-map-model.h: the rules of the decision map on top of the store
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-store.h"

G_BEGIN_DECLS

#define IR_MAP_ERROR (ir_map_error_quark ())

typedef enum
{
  IR_MAP_ERROR_INVALID,    /* a value breaks a rule of the map */
  IR_MAP_ERROR_NOT_FOUND,  /* a stakeholder or member the edit names is gone */
  IR_MAP_ERROR_DUPLICATE,  /* the link or tag exists already */
} IrMapError;

/* Days after which a contact counts as stale when the room sets none. */
#define IR_MAP_DEFAULT_STALE_DAYS 30

/* A blocker that no one met for longer than this many days is a warning. */
#define IR_MAP_BLOCKER_DAYS 30

/* Strength of an influence link when the user gives none: 1 weak … 3 strong. */
#define IR_MAP_DEFAULT_STRENGTH 2

/* A new customer-side interaction, as ir_map_add_interaction() takes it. */
typedef struct
{
  const char         *date;            /* "YYYY-MM-DD" */
  const char         *channel;         /* meeting, call, site_visit, email, wechat */
  const char         *summary;
  const char         *follow_up;       /* NULL or "" for none */
  const char         *follow_up_due;   /* "YYYY-MM-DD" or NULL */
  const char * const *stakeholders;    /* customer side, NULL-terminated, at least one */
  const char * const *members;         /* our side, NULL-terminated, may be empty */
} IrMapInteraction;

/* Where a reader shows a card, in map units. */
typedef struct
{
  double x;
  double y;
} IrMapShownPosition;

/* One change of a stakeholder's stance or influence, oldest first. */
typedef struct
{
  gint64  time;      /* microseconds UTC: server receive time, else author's clock */
  char   *actor;     /* user name of who wrote it */
  char   *field;     /* "stance" or "influence" */
  char   *value;     /* stance name, or influence as a decimal number */
  char   *previous;  /* the value before, or NULL for the first one */
} IrMapTimelineEntry;

/* A concurrent write that lost to the value a field shows. */
typedef struct
{
  char     *actor;
  JsonNode *value;
  gint64    hlc;
} IrMapConflict;

typedef enum
{
  IR_MAP_COVERAGE_ANY,
  IR_MAP_COVERAGE_COVERED,    /* has a coverage owner */
  IR_MAP_COVERAGE_UNCOVERED,  /* active, with no coverage owner */
  IR_MAP_COVERAGE_STALE,      /* active, last contact older than the threshold */
} IrMapCoverageFilter;

/* What the search and the filters of the map keep; NULL and
 * IR_MAP_COVERAGE_ANY keep everyone. */
typedef struct
{
  char                *text;
  char                *department;
  char                *stance;
  char                *buying_role;
  IrMapCoverageFilter  coverage;
} IrMapFilter;

GQuark      ir_map_error_quark           (void);

/* Stakeholders. */
char       *ir_map_add_stakeholder       (IrStore             *store,
                                          const char          *name,
                                          const char          *department,
                                          double               x,
                                          double               y,
                                          GError             **error);
gboolean    ir_map_check_field           (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *field,
                                          JsonNode            *value,
                                          GError             **error);
gboolean    ir_map_set_field             (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *field,
                                          JsonNode            *value,
                                          GError             **error);
gboolean    ir_map_move_card             (IrStore             *store,
                                          const char          *stakeholder,
                                          double               x,
                                          double               y,
                                          GError             **error);
gboolean    ir_map_move_card_keeping     (IrStore             *store,
                                          const char          *stakeholder,
                                          double               x,
                                          double               y,
                                          GHashTable          *shown,
                                          GError             **error);
gboolean    ir_map_unpin_all             (IrStore             *store,
                                          guint               *n_unpinned,
                                          GError             **error);

/* Leaving and successors. */
gboolean    ir_map_check_successor       (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *successor,
                                          GError             **error);
GPtrArray  *ir_map_list_open_follow_ups  (IrStore             *store,
                                          const char          *stakeholder);
gboolean    ir_map_mark_left             (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *successor,
                                          guint               *n_carried,
                                          GError             **error);

/* Concerns. */
char       *ir_map_add_concern           (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *tag,
                                          GError             **error);

/* Links. */
gboolean    ir_map_check_link            (IrStore             *store,
                                          const char          *source,
                                          const char          *target,
                                          const char          *kind,
                                          GError             **error);
char       *ir_map_add_link              (IrStore             *store,
                                          const char          *source,
                                          const char          *target,
                                          const char          *kind,
                                          int                  strength,
                                          GError             **error);
char       *ir_map_set_manager           (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *manager,
                                          GError             **error);
char       *ir_map_find_manager_link     (IrStore             *store,
                                          const char          *stakeholder);

/* Relationship levels of the team's members. */
GPtrArray  *ir_map_list_trio             (IrStore             *store);
char       *ir_map_relationship_id       (const char          *stakeholder,
                                          const char          *member);
const char *ir_map_get_relationship      (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *member);
gboolean    ir_map_set_relationship      (IrStore             *store,
                                          const char          *stakeholder,
                                          const char          *member,
                                          const char          *level,
                                          GError             **error);

/* Interactions. */
char       *ir_map_add_interaction       (IrStore             *store,
                                          const IrMapInteraction *interaction,
                                          GError             **error);

/* History and conflicts. */
GPtrArray  *ir_map_get_timeline          (IrStore             *store,
                                          const char          *stakeholder);
void        ir_map_timeline_entry_free   (IrMapTimelineEntry  *entry);
GPtrArray  *ir_map_get_conflicts         (IrStore             *store,
                                          const char          *eid,
                                          const char          *field);
void        ir_map_conflict_free         (IrMapConflict       *conflict);

/* Search and filters. */
IrMapFilter *ir_map_filter_new           (void);
void        ir_map_filter_free           (IrMapFilter         *filter);
gboolean    ir_map_filter_is_empty       (const IrMapFilter   *filter);
gboolean    ir_map_filter_matches        (const IrMapFilter   *filter,
                                          IrEntity            *stakeholder,
                                          gboolean             covered,
                                          gboolean             stale);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrMapFilter, ir_map_filter_free)

G_END_DECLS
