/* ir-drawing-model.h: drawings as a room stores them: revisions, markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ir-drawing-match.h"
#include "ir-pdf.h"
#include "ir-store.h"

G_BEGIN_DECLS

/* A drawing is a "drawing" entity with "revision" children, one per
 * uploaded file. A markup belongs to the drawing and is placed on revisions
 * by "markup_placement" entities; geometry is JSON in the page's points (see
 * ir-pdf.h): {"x","y","w","h"} for boxes, {"x","y"} for pins and
 * {"points":[[x,y],…]} for arrows and freehand strokes. */

#define IR_DRAWING_MODEL_ERROR (ir_drawing_model_error_quark ())

typedef enum
{
  IR_DRAWING_MODEL_ERROR_NOT_FOUND,
  IR_DRAWING_MODEL_ERROR_INVALID,
  IR_DRAWING_MODEL_ERROR_NO_BLOBS,
} IrDrawingModelError;

/* --- revisions ----------------------------------------------------------- */

/* One revision of a drawing and its place in the upload order. */
typedef struct
{
  IrEntity *entity;
  char     *label;     /* "A", "B" … "Z", "AA" … in upload order */
  guint     index;     /* 0 for the first upload */
} IrRevisionInfo;

GQuark          ir_drawing_model_error_quark    (void);

char           *ir_drawing_revision_label       (guint            index);
GPtrArray      *ir_drawing_list_revisions       (IrStore         *store,
                                                 const char      *drawing);
IrRevisionInfo *ir_drawing_find_revision        (GPtrArray       *revisions,
                                                 const char      *revision);
IrPdf          *ir_drawing_open_revision        (IrStore         *store,
                                                 IrEntity        *revision,
                                                 GError         **error);
void            ir_revision_info_free           (IrRevisionInfo  *info);

/* --- importing a file as a new revision ---------------------------------- */

/* A checked file, stored in the blob store but not yet in the room. */
typedef struct _IrRevisionImport IrRevisionImport;

/* What importing a revision wrote. */
typedef struct
{
  char  *drawing;
  char  *revision;
  char  *label;          /* the revision's label right after the import */
  guint  n_carried;      /* open markups placed on the new revision */
  guint  n_not_carried;  /* open markups whose page the new file lacks */
  guint  n_notified;     /* members who got an inbox item */
} IrRevisionImportResult;

IrRevisionImport *ir_revision_import_new_from_file  (IrBlobStore             *blobs,
                                                     GFile                   *file,
                                                     guint64                  max_size,
                                                     GCancellable            *cancellable,
                                                     GError                 **error);
IrRevisionImport *ir_revision_import_new_from_bytes (IrBlobStore             *blobs,
                                                     GBytes                  *bytes,
                                                     const char              *filename,
                                                     guint64                  max_size,
                                                     GError                 **error);
gboolean          ir_revision_import_match_pages    (IrRevisionImport        *import,
                                                     const char              *previous_blob,
                                                     GError                 **error);
const char       *ir_revision_import_get_filename   (IrRevisionImport        *import);
int               ir_revision_import_get_n_pages    (IrRevisionImport        *import);
const char       *ir_revision_import_get_number     (IrRevisionImport        *import);
const char       *ir_revision_import_get_title      (IrRevisionImport        *import);
gboolean          ir_revision_import_commit         (IrRevisionImport        *import,
                                                     IrStore                 *store,
                                                     const char              *drawing,
                                                     const char              *note,
                                                     gint64                   uploaded_us,
                                                     IrRevisionImportResult  *result,
                                                     GError                 **error);
void              ir_revision_import_free           (IrRevisionImport        *import);
void              ir_revision_import_result_clear   (IrRevisionImportResult  *result);

/* --- markups ------------------------------------------------------------- */

gboolean   ir_markup_is_open               (IrEntity     *markup);
char      *ir_markup_create                (IrStore      *store,
                                            const char   *drawing,
                                            const char   *revision,
                                            int           page,
                                            const char   *kind,
                                            JsonNode     *geometry,
                                            const char   *text,
                                            const char   *stamp,
                                            GError      **error);
gboolean   ir_markup_set_geometry          (IrStore      *store,
                                            const char   *placement,
                                            JsonNode     *geometry,
                                            GError      **error);
gboolean   ir_markup_set_field             (IrStore      *store,
                                            const char   *markup,
                                            const char   *field,
                                            const char   *value,
                                            GError      **error);
char      *ir_markup_add_reply             (IrStore      *store,
                                            const char   *markup,
                                            const char   *text,
                                            GError      **error);
gboolean   ir_markup_delete                (IrStore      *store,
                                            const char   *markup,
                                            GError      **error);
IrEntity  *ir_markup_find_placement        (IrStore      *store,
                                            const char   *markup,
                                            const char   *revision);
GPtrArray *ir_markup_list_placed           (IrStore      *store,
                                            const char   *revision);
GHashTable *ir_markup_get_numbers          (IrStore      *store,
                                            const char   *drawing);
const char *ir_markup_kind_label           (const char   *kind);
const char *ir_markup_status_label         (const char   *status);
const char *ir_markup_stamp_label          (const char   *stamp);
char      *ir_markup_export_csv            (IrStore      *store,
                                            const char   *drawing,
                                            const char   *revision);

/* Geometry. */
JsonNode  *ir_markup_geometry_new_box      (double        x,
                                            double        y,
                                            double        width,
                                            double        height);
JsonNode  *ir_markup_geometry_new_point    (double        x,
                                            double        y);
JsonNode  *ir_markup_geometry_new_points   (const double *xy,
                                            guint         n_points,
                                            double        tolerance);
gboolean   ir_markup_geometry_get_box      (JsonNode     *geometry,
                                            IrPdfRect    *box);
gboolean   ir_markup_geometry_get_bounds   (JsonNode     *geometry,
                                            IrPdfRect    *bounds);
GArray    *ir_markup_geometry_get_points   (JsonNode     *geometry);
JsonNode  *ir_markup_geometry_translate    (JsonNode     *geometry,
                                            double        dx,
                                            double        dy);
JsonNode  *ir_markup_geometry_fit          (JsonNode     *geometry,
                                            const IrPdfRect *from,
                                            const IrPdfRect *to);

/* --- markup history ------------------------------------------------------ */

typedef enum
{
  IR_MARKUP_CHANGE_ADDED,
  IR_MARKUP_CHANGE_REMOVED,
  IR_MARKUP_CHANGE_CHANGED,
  IR_MARKUP_CHANGE_RESOLVED,
} IrMarkupChangeKind;

/* How one markup differs between two points in history. */
typedef struct
{
  IrMarkupChangeKind  kind;
  char               *markup;
  guint               number;       /* see ir_markup_get_numbers() */
  char               *markup_kind;  /* pin, cloud … */
  char               *text;         /* at the later point; the earlier if removed */
  char               *old_status;   /* NULL where the markup did not exist */
  char               *new_status;
  GStrv               fields;       /* what changed: text, status, stamp,
                                     * geometry, replies */
  guint               new_replies;
} IrMarkupChange;

gint64     ir_drawing_history_now          (IrStore      *store);
gint64     ir_drawing_history_position_of  (IrStore      *store,
                                            const char   *eid);
GPtrArray *ir_markup_history_compare       (IrStore      *store,
                                            const char   *drawing,
                                            gint64        from,
                                            gint64        to);
const char *ir_markup_change_kind_to_string (IrMarkupChangeKind kind);
void       ir_markup_change_free           (IrMarkupChange *change);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrRevisionImport, ir_revision_import_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrRevisionInfo, ir_revision_info_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrMarkupChange, ir_markup_change_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IrRevisionImportResult, ir_revision_import_result_clear)

G_END_DECLS
