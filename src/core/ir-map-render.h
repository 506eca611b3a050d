/* ir-map-render.h: drawing the decision map with cairo, and its exports
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "ir-store.h"

G_BEGIN_DECLS

typedef struct
{
  double x, y, width, height;
} IrMapRect;

typedef struct
{
  double x, y;
} IrMapPoint;

typedef struct
{
  double red, green, blue;
} IrMapColor;

/* Maximum number of points of a link's route. */
#define IR_MAP_ROUTE_MAX 17

/* Number of department colours before they repeat. */
#define IR_MAP_N_DEPARTMENT_COLORS 8

/* A link to draw between two card rectangles. */
typedef struct
{
  const IrMapRect *source;
  const IrMapRect *target;
  const char      *kind;      /* reports_to, influences or conflict */
  int              strength;  /* 1–3 for an influence */
  gboolean         broken;    /* part of a reporting cycle */
} IrMapLinkShape;

typedef enum
{
  IR_MAP_EXPORT_PNG,
  IR_MAP_EXPORT_SVG,
  IR_MAP_EXPORT_PDF,
} IrMapExportFormat;

/* One card of a scene. */
typedef struct
{
  char        *eid;
  char        *name;
  char        *title;
  char        *department;
  char        *stance;            /* NULL when unknown */
  char        *buying_role;       /* NULL or "none" for none */
  char        *successor_name;    /* for a person who left, or NULL */
  int          influence;         /* 1–5; 0 when unknown */
  gboolean     left;
  gboolean     placeholder;
  gboolean     stale;
  int          days_since_contact;  /* -1 never */
  int          department_color;  /* index into the department palette */
  const char **levels;            /* per scene member: none, met or trusted */
  int          owner;             /* index of the coverage owner in the members, or -1 */
  IrMapRect    rect;
} IrMapSceneCard;

typedef struct
{
  char     *kind;        /* reports_to, influences or conflict */
  int       strength;    /* 1–3 for an influence */
  guint     source;      /* card indices */
  guint     target;
  gboolean  broken;      /* part of a reporting cycle a merge left behind */
} IrMapSceneLink;

typedef struct
{
  char *name;
  char *initials;
  char *role;
} IrMapSceneMember;

/* The whole map as it is drawn: cards where the layout puts them, links
 * between card indices, the trio, and the room's name. */
typedef struct
{
  char      *room_name;
  char      *today;
  GPtrArray *cards;      /* IrMapSceneCard* */
  GPtrArray *links;      /* IrMapSceneLink* */
  GPtrArray *members;    /* IrMapSceneMember* */
} IrMapScene;

/* Style shared by the app's canvas and the exports. */
IrMapColor  ir_map_stance_color          (const char        *stance);
IrMapColor  ir_map_department_color      (int                index);
IrMapColor  ir_map_member_color          (int                index);
GHashTable *ir_map_assign_department_colors (GPtrArray      *departments);
char       *ir_map_dup_initials          (const char        *name);
const char *ir_map_stance_label          (const char        *stance);
const char *ir_map_role_badge_label      (const char        *buying_role);

/* Geometry of links, shared by the canvas and the exports. */
guint       ir_map_route_link            (const IrMapRect   *source,
                                          const IrMapRect   *target,
                                          const char        *kind,
                                          IrMapPoint        *points);
void        ir_map_path_route            (cairo_t           *cr,
                                          const IrMapPoint  *points,
                                          guint              n_points,
                                          gboolean           zigzag);
void        ir_map_path_arrow            (cairo_t           *cr,
                                          const IrMapPoint  *from,
                                          const IrMapPoint  *tip,
                                          double             size);
void        ir_map_draw_links            (cairo_t           *cr,
                                          const IrMapLinkShape *links,
                                          guint              n_links,
                                          double             unit,
                                          gboolean           simplified);

/* Scenes. */
IrMapScene *ir_map_scene_new             (IrStore           *store,
                                          const char        *today);
void        ir_map_scene_free            (IrMapScene        *scene);
void        ir_map_scene_get_bounds      (IrMapScene        *scene,
                                          IrMapRect         *bounds);
void        ir_map_scene_render          (IrMapScene        *scene,
                                          cairo_t           *cr);
void        ir_map_scene_render_page     (IrMapScene        *scene,
                                          cairo_t           *cr,
                                          double             width,
                                          double             height);
void        ir_map_scene_get_page_size   (IrMapScene        *scene,
                                          double            *width,
                                          double            *height);

gboolean    ir_map_export                (IrStore           *store,
                                          IrMapExportFormat  format,
                                          const char        *path,
                                          GError           **error);
gboolean    ir_map_export_format_from_name (const char      *name,
                                          IrMapExportFormat *format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrMapScene, ir_map_scene_free)

G_END_DECLS
