/* ir-review-collect.c: the map, drawing and action parts of an agenda
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-drawing-model.h"
#include "ir-review-private.h"

/* --- decision map --------------------------------------------------------- */

static IrReviewPersonChange *
person_change_new (IrReviewPersonKind  kind,
                   IrEntity           *person)
{
  IrReviewPersonChange *change = g_new0 (IrReviewPersonChange, 1);

  change->kind = kind;
  change->stakeholder = g_strdup (ir_entity_get_id (person));
  change->name = g_strdup (ir_entity_get_string (person, "name"));
  change->title = g_strdup (ir_entity_get_string (person, "title"));
  change->department = g_strdup (ir_entity_get_string (person, "department"));
  change->new_stance = g_strdup (ir_entity_get_string (person, "stance"));
  change->influence = (int) ir_entity_get_int (person, "influence");

  return change;
}

static gboolean
has_left (IrEntity *person)
{
  return g_strcmp0 (ir_entity_get_string (person, "status"), "left") == 0;
}

/* New people first, then stance changes, then people who left; the most
 * influential first within each. */
static int
compare_person_changes (gconstpointer a,
                        gconstpointer b)
{
  const IrReviewPersonChange *first = *(const IrReviewPersonChange * const *) a;
  const IrReviewPersonChange *second = *(const IrReviewPersonChange * const *) b;

  if (first->kind != second->kind)
    return (int) first->kind - (int) second->kind;
  if (first->influence != second->influence)
    return second->influence - first->influence;

  return g_strcmp0 (first->name, second->name);
}

void
ir_review_collect_map (IrReviewAgenda *agenda,
                       IrStore        *before,
                       IrStore        *after)
{
  g_autoptr(IrEntityList) people = ir_store_list (after, "stakeholder");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (people));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (people), i);
      g_autoptr(IrEntity) earlier = ir_store_get_entity (before, "stakeholder",
                                                         ir_entity_get_id (person));
      IrReviewPersonChange *change;

      /* A placeholder stands for a role whose holder is unknown yet. */
      if (ir_entity_get_boolean (person, "placeholder"))
        continue;

      if (earlier == NULL || !ir_entity_is_visible (earlier))
        change = person_change_new (IR_REVIEW_PERSON_NEW, person);
      else if (has_left (person) && !has_left (earlier))
        {
          g_autoptr(IrEntity) successor = NULL;
          const char *successor_id = ir_entity_get_string (person, "successor");

          change = person_change_new (IR_REVIEW_PERSON_LEFT, person);
          if (successor_id != NULL)
            successor = ir_store_get_entity (after, "stakeholder", successor_id);
          if (successor != NULL)
            change->successor_name = g_strdup (ir_entity_get_string (successor, "name"));
        }
      else if (g_strcmp0 (ir_entity_get_string (person, "stance"),
                          ir_entity_get_string (earlier, "stance")) != 0)
        {
          change = person_change_new (IR_REVIEW_PERSON_STANCE, person);
          change->old_stance = g_strdup (ir_entity_get_string (earlier, "stance"));
        }
      else
        continue;

      g_ptr_array_add (agenda->people, change);
    }

  g_ptr_array_sort (agenda->people, compare_person_changes);
}

/* --- drawings ------------------------------------------------------------- */

static IrReviewRevision *
revision_new (IrStore              *after,
              IrEntity             *drawing,
              const IrRevisionInfo *info,
              const IrRevisionInfo *previous)
{
  IrReviewRevision *revision = g_new0 (IrReviewRevision, 1);
  g_autoptr(IrEntity) entity = ir_store_get_entity (after, "revision",
                                                    ir_entity_get_id (info->entity));

  revision->drawing = g_strdup (ir_entity_get_id (drawing));
  revision->drawing_title = g_strdup (ir_entity_get_string (drawing, "title"));
  revision->drawing_number = g_strdup (ir_entity_get_string (drawing, "number"));
  revision->revision = g_strdup (ir_entity_get_id (info->entity));
  revision->label = g_strdup (info->label);
  revision->uploaded_by = ir_review_dup_user_name (after, ir_entity_get_string (entity,
                                                                               "uploaded_by"));
  revision->uploaded = ir_entity_get_int (entity, "uploaded");
  revision->note = g_strdup (ir_entity_get_string (entity, "note"));
  revision->n_pages = (int) ir_entity_get_int (entity, "pages");
  revision->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_review_sheet_free);

  if (previous != NULL)
    {
      revision->previous = g_strdup (ir_entity_get_id (previous->entity));
      revision->previous_label = g_strdup (previous->label);
    }

  return revision;
}

static int
compare_revisions (gconstpointer a,
                   gconstpointer b)
{
  const IrReviewRevision *first = *(const IrReviewRevision * const *) a;
  const IrReviewRevision *second = *(const IrReviewRevision * const *) b;

  if (first->uploaded != second->uploaded)
    return first->uploaded < second->uploaded ? -1 : 1;

  return g_strcmp0 (first->revision, second->revision);
}

static gboolean
exists_in (IrStore    *store,
           const char *kind,
           const char *eid)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, kind, eid);

  return entity != NULL && ir_entity_is_visible (entity);
}

/**
 * ir_review_collect_revisions:
 * @store: the room, whose revision labels follow the server's upload
 *   order
 * @before: the room at the start of the range
 * @after: the room at its end
 *
 * Lists the revisions uploaded in the range, each with the one before it.
 */
void
ir_review_collect_revisions (IrReviewAgenda *agenda,
                             IrStore        *store,
                             IrStore        *before,
                             IrStore        *after)
{
  g_autoptr(IrEntityList) drawings = ir_store_list (after, "drawing");
  guint n = g_list_model_get_n_items (G_LIST_MODEL (drawings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) drawing = g_list_model_get_item (G_LIST_MODEL (drawings), i);
      g_autoptr(GPtrArray) infos = ir_drawing_list_revisions (store, ir_entity_get_id (drawing));
      const IrRevisionInfo *previous = NULL;

      for (guint j = 0; j < infos->len; j++)
        {
          const IrRevisionInfo *info = g_ptr_array_index (infos, j);
          const char *eid = ir_entity_get_id (info->entity);

          /* A revision uploaded after the end of the range is left out,
           * with those after it. */
          if (!exists_in (after, "revision", eid))
            continue;

          if (!exists_in (before, "revision", eid))
            g_ptr_array_add (agenda->revisions, revision_new (after, drawing, info, previous));
          previous = info;
        }
    }

  g_ptr_array_sort (agenda->revisions, compare_revisions);
}

/* --- actions of the last review ------------------------------------------- */

/* Lists the actions that the last review recorded, with whether they are
 * done, so that the next review can follow them up. */
void
ir_review_collect_previous_actions (IrReviewAgenda *agenda,
                                    IrStore        *after)
{
  g_autoptr(GPtrArray) decisions = NULL;

  if (agenda->since_review == NULL)
    return;

  decisions = ir_review_list_decisions (after, agenda->since_review);
  for (guint i = 0; i < decisions->len; i++)
    {
      IrReviewDecision *decision = g_ptr_array_index (decisions, i);

      if (g_strcmp0 (decision->kind, "action") != 0)
        continue;

      g_ptr_array_add (agenda->previous_actions, g_ptr_array_steal_index (decisions, i));
      i--;
    }
}
