/* ir-drawing-import-commit.c: writing an imported file as a new revision
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One transaction on the store's thread writes the revision, the open
 * markups carried onto it and an inbox item for each other member of the
 * trio, so that one undo takes the whole upload back.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ir-drawing-model-private.h"
#include "ir-position.h"

/* The schema's limit of an inbox item's body, in bytes. */
#define INBOX_BODY_MAX 2000

/* --- page matching -------------------------------------------------------- */

static void
free_matches (gpointer matches)
{
  if (matches != NULL)
    g_array_unref (matches);
}

/* Returns the page of the new file that continues @old_page of the file
 * @old_blob, or -1 when the new file lacks it. A previous file that cannot
 * be read is matched by page order. */
static int
match_page (IrRevisionImport *self,
            GHashTable       *matches_by_blob,
            const char       *old_blob,
            int               old_page)
{
  GArray *matches = NULL;

  if (old_blob != NULL && g_strcmp0 (self->matched_blob, old_blob) == 0)
    matches = self->matches;
  else if (old_blob != NULL)
    {
      if (!g_hash_table_lookup_extended (matches_by_blob, old_blob, NULL, (gpointer *) &matches))
        {
          g_autoptr(GBytes) bytes = ir_blob_store_load (self->blobs, old_blob, NULL);
          g_autoptr(IrPdf) old_pdf = NULL;

          if (bytes != NULL)
            old_pdf = ir_pdf_new_from_bytes (bytes, old_blob, G_MAXUINT64, NULL);
          matches = old_pdf ? ir_drawing_match_pages (old_pdf, self->pdf) : NULL;
          g_hash_table_insert (matches_by_blob, g_strdup (old_blob), matches);
        }
    }

  if (matches == NULL)
    return old_page < self->n_pages ? old_page : -1;

  for (guint i = 0; i < matches->len; i++)
    {
      const IrDrawingPageMatch *match = &g_array_index (matches, IrDrawingPageMatch, i);

      if (match->old_page == old_page)
        return match->new_page;
    }

  return -1;
}

/* --- writing the revision ------------------------------------------------- */

static char *
next_drawing_position (IrStore *store)
{
  g_autoptr(IrEntityList) drawings = ir_store_list (store, "drawing");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (drawings));
  g_autofree char *last = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) drawing = g_list_model_get_item (G_LIST_MODEL (drawings), i);
      const char *position = ir_entity_get_string (drawing, "position");

      if (position != NULL && g_strcmp0 (position, last) > 0)
        {
          g_free (last);
          last = g_strdup (position);
        }
    }

  return ir_position_between (last, NULL, ir_store_get_client_id (store));
}

static char *
create_drawing (IrRevisionImport  *self,
                IrStore           *store,
                IrTx              *tx,
                char             **out_title)
{
  char *drawing = ir_tx_create (tx, "drawing");
  g_autofree char *position = next_drawing_position (store);
  g_autofree char *title = NULL;

  if (self->title != NULL && self->title[0] != '\0')
    title = g_strdup (self->title);
  else if (g_str_has_suffix (self->filename, ".pdf") || g_str_has_suffix (self->filename, ".PDF"))
    title = g_strndup (self->filename, strlen (self->filename) - 4);
  else
    title = g_strdup (self->filename);

  if (g_utf8_strlen (title, -1) > 200)
    *g_utf8_offset_to_pointer (title, 200) = '\0';

  ir_tx_set_string (tx, "drawing", drawing, "title", title);
  if (self->number != NULL && strlen (self->number) <= 64)
    ir_tx_set_string (tx, "drawing", drawing, "number", self->number);
  ir_tx_set_string (tx, "drawing", drawing, "position", position);
  *out_title = g_steal_pointer (&title);

  return drawing;
}

/* Returns the placement of @markup on the latest of @revisions it has one
 * on, and that revision's index. */
static IrEntity *
latest_placement (IrStore    *store,
                  const char *markup,
                  GPtrArray  *revisions,
                  guint      *revision_index)
{
  g_autoptr(IrEntityList) placements =
    ir_store_list_children (store, "markup_placement", "markup", markup);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (placements));
  IrEntity *latest = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) placement = g_list_model_get_item (G_LIST_MODEL (placements), i);
      IrRevisionInfo *info =
        ir_drawing_find_revision (revisions, ir_entity_get_string (placement, "revision"));

      if (info != NULL && (latest == NULL || info->index >= *revision_index))
        {
          g_set_object (&latest, placement);
          *revision_index = info->index;
        }
    }

  return latest;
}

/* Places every open markup of @drawing on @revision, on the page that
 * continues the page it was on. */
static void
carry_markups (IrRevisionImport       *self,
               IrStore                *store,
               IrTx                   *tx,
               const char             *drawing,
               GPtrArray              *revisions,
               const char             *revision,
               IrRevisionImportResult *result)
{
  g_autoptr(IrEntityList) markups = ir_store_list_children (store, "markup", "drawing", drawing);
  g_autoptr(GHashTable) matches_by_blob =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_matches);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (markups));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) markup = g_list_model_get_item (G_LIST_MODEL (markups), i);
      g_autoptr(IrEntity) from = NULL;
      g_autofree char *placement = NULL;
      IrRevisionInfo *source;
      guint source_index = 0;
      int page;

      if (!ir_markup_is_open (markup))
        continue;

      from = latest_placement (store, ir_entity_get_id (markup), revisions, &source_index);
      if (from == NULL)
        continue;

      source = g_ptr_array_index (revisions, source_index);
      page = match_page (self, matches_by_blob,
                         ir_entity_get_string (source->entity, "blob"),
                         (int) ir_entity_get_int (from, "page"));
      if (page < 0)
        {
          result->n_not_carried++;
          continue;
        }

      placement = ir_tx_create (tx, "markup_placement");
      ir_tx_set_string (tx, "markup_placement", placement, "markup", ir_entity_get_id (markup));
      ir_tx_set_string (tx, "markup_placement", placement, "revision", revision);
      ir_tx_set_int (tx, "markup_placement", placement, "page", page);
      if (ir_entity_get_value (from, "geometry") != NULL)
        ir_tx_set (tx, "markup_placement", placement, "geometry",
                   json_node_copy (ir_entity_get_value (from, "geometry")));
      ir_tx_set_boolean (tx, "markup_placement", placement, "carried", TRUE);
      result->n_carried++;
    }
}

static gboolean
member_takes_revisions (IrEntity   *member,
                        const char *actor)
{
  IrRole role = ir_role_from_string (ir_entity_get_string (member, "role"));

  if (!(role & IR_ROLES_TRIO))
    return FALSE;
  if (ir_entity_has_field (member, "active") && !ir_entity_get_boolean (member, "active"))
    return FALSE;
  if (ir_entity_get_int (member, "removed") > 0)
    return FALSE;

  return g_strcmp0 (ir_entity_get_string (member, "user"), actor) != 0;
}

static char *
dup_inbox_body (const char *note,
                guint       n_carried)
{
  GString *body = g_string_new (NULL);

  if (note != NULL && note[0] != '\0')
    g_string_append_printf (body, "%s\n", note);
  if (n_carried > 0)
    g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE,
                                               "%u open markup was carried forward.",
                                               "%u open markups were carried forward.",
                                               n_carried), n_carried);

  /* Cut at a character boundary below the field's limit. */
  if (body->len > INBOX_BODY_MAX)
    {
      const char *end = g_utf8_find_prev_char (body->str, body->str + INBOX_BODY_MAX);

      g_string_truncate (body, end - body->str);
    }

  g_strchomp (body->str);
  return g_string_free (body, FALSE);
}

/* Gives every other AR, SR and FR of the room an inbox item for the new
 * revision. */
static void
notify_members (IrStore                *store,
                IrTx                   *tx,
                const char             *drawing_title,
                const char             *number,
                const char             *revision,
                const char             *label,
                const char             *note,
                gint64                  created,
                IrRevisionImportResult *result)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));
  const char *actor = ir_store_get_actor (store);
  g_autofree char *title = NULL;
  g_autofree char *body = dup_inbox_body (note, result->n_carried);

  if (number != NULL && number[0] != '\0')
    /* Translators: revision label, drawing number and drawing title. */
    title = g_strdup_printf (_("Revision %s of %s %s"), label, number, drawing_title);
  else
    /* Translators: revision label and drawing title. */
    title = g_strdup_printf (_("Revision %s of %s"), label, drawing_title);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      g_autofree char *item = NULL;

      if (!member_takes_revisions (member, actor))
        continue;

      item = ir_tx_create (tx, "inbox_item");
      ir_tx_set_string (tx, "inbox_item", item, "recipient", ir_entity_get_id (member));
      ir_tx_set_string (tx, "inbox_item", item, "kind", "revision");
      ir_tx_set_string (tx, "inbox_item", item, "subject_entity", "revision");
      ir_tx_set_string (tx, "inbox_item", item, "subject", revision);
      ir_tx_set_string (tx, "inbox_item", item, "title", title);
      if (body[0] != '\0')
        ir_tx_set_string (tx, "inbox_item", item, "body", body);
      if (actor != NULL)
        ir_tx_set_string (tx, "inbox_item", item, "author", actor);
      ir_tx_set_int (tx, "inbox_item", item, "created", created);
      result->n_notified++;
    }
}

static void
set_revision_fields (IrRevisionImport *self,
                     IrStore          *store,
                     IrTx             *tx,
                     const char       *drawing,
                     const char       *revision,
                     const char       *note,
                     gint64            uploaded)
{
  const char *actor = ir_store_get_actor (store);

  ir_tx_set_string (tx, "revision", revision, "drawing", drawing);
  ir_tx_set_string (tx, "revision", revision, "blob", self->blob);
  if (g_utf8_strlen (self->filename, -1) <= 255)
    ir_tx_set_string (tx, "revision", revision, "filename", self->filename);
  if (note != NULL && note[0] != '\0')
    ir_tx_set_string (tx, "revision", revision, "note", note);
  if (actor != NULL)
    ir_tx_set_string (tx, "revision", revision, "uploaded_by", actor);
  ir_tx_set_int (tx, "revision", revision, "uploaded", uploaded);
  ir_tx_set_int (tx, "revision", revision, "pages", self->n_pages);
  ir_tx_set_int (tx, "revision", revision, "size", self->size);
  ir_tx_set_string (tx, "revision", revision, "preview", self->preview_blob);
  ir_tx_set_boolean (tx, "revision", revision, "has_text", self->has_text);
}

/**
 * ir_revision_import_commit:
 * @import: a checked file
 * @store: the room; its blob store must be the one @import used
 * @drawing: (nullable): the drawing the file is a new revision of, or
 *   %NULL to create a drawing titled from the file
 * @note: (nullable): what changed, in the uploader's words
 * @uploaded_us: the upload time in microseconds UTC, or 0 for now
 * @result: (out caller-allocates) (optional): what the import wrote; clear
 *   it with ir_revision_import_result_clear()
 * @error: return location for an error
 *
 * Writes the revision in one transaction with a placement on it for every
 * open markup of the drawing, marked as carried. Each placement goes on the
 * page that continues the page the markup was on, and the markup keeps its
 * thread of replies. Every other active AR, SR and FR of the room gets an
 * inbox item.
 *
 * Returns: %TRUE when the transaction was committed
 */
gboolean
ir_revision_import_commit (IrRevisionImport        *import,
                           IrStore                 *store,
                           const char              *drawing,
                           const char              *note,
                           gint64                   uploaded_us,
                           IrRevisionImportResult  *result,
                           GError                 **error)
{
  IrRevisionImportResult local = { 0 };
  IrBlobStore *blobs;
  g_autoptr(IrTx) tx = NULL;
  g_autoptr(IrEntity) drawing_entity = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autofree char *drawing_id = NULL;
  g_autofree char *revision = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  gint64 uploaded = uploaded_us > 0 ? uploaded_us : g_get_real_time ();

  g_return_val_if_fail (import != NULL, FALSE);
  g_return_val_if_fail (IR_IS_STORE (store), FALSE);

  blobs = ir_store_get_blobs (store);
  if (blobs == NULL ||
      g_strcmp0 (ir_blob_store_get_directory (blobs),
                 ir_blob_store_get_directory (import->blobs)) != 0)
    {
      g_set_error (error, IR_DRAWING_MODEL_ERROR, IR_DRAWING_MODEL_ERROR_NO_BLOBS,
                   _("Cannot add “%s” to this room: the file was checked for another "
                     "room’s file store. Import it again from this room."),
                   import->filename);
      return FALSE;
    }

  if (drawing != NULL)
    {
      drawing_entity = ir_drawing_model_lookup (store, "drawing", drawing, error);
      if (drawing_entity == NULL)
        return FALSE;
      revisions = ir_drawing_list_revisions (store, drawing);
    }
  else
    revisions = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_revision_info_free);

  tx = ir_store_begin (store);
  if (drawing_entity != NULL)
    {
      drawing_id = g_strdup (drawing);
      title = g_strdup (ir_entity_get_string (drawing_entity, "title"));
      number = g_strdup (ir_entity_get_string (drawing_entity, "number"));
    }
  else
    {
      drawing_id = create_drawing (import, store, tx, &title);
      number = g_strdup (import->number);
    }
  revision = ir_tx_create (tx, "revision");
  set_revision_fields (import, store, tx, drawing_id, revision, note, uploaded);

  if (revisions->len > 0)
    carry_markups (import, store, tx, drawing_id, revisions, revision, &local);

  label = ir_drawing_revision_label (revisions->len);
  notify_members (store, tx, title, number, revision, label, note, uploaded, &local);

  if (!ir_drawing_model_commit (store, tx, _("Could not add the revision"), error))
    {
      ir_revision_import_result_clear (&local);
      return FALSE;
    }

  g_debug ("Imported %s as revision %s of drawing %s: %u markups carried, %u not",
           import->filename, revision, drawing_id, local.n_carried, local.n_not_carried);

  local.drawing = g_steal_pointer (&drawing_id);
  local.revision = g_steal_pointer (&revision);
  local.label = g_steal_pointer (&label);
  if (result != NULL)
    *result = local;
  else
    ir_revision_import_result_clear (&local);

  return TRUE;
}

