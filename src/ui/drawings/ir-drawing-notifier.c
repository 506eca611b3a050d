/* ir-drawing-notifier.c: desktop notifications of others' new revisions
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Watches the open room for revisions that arrive from other replicas and
 * sends a desktop notification through the running GApplication. The inbox item for
 * the same upload is written by its uploader (ir-drawing-import-commit.c);
 * this only reaches members while the app runs.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawing-model.h"
#include "ir-drawing-notifier.h"
#include "ir-ui-util.h"

struct _IrDrawingNotifier
{
  GObject     parent_instance;

  IrStore    *store;
  GHashTable *created;   /* ids of revisions created by the batch being applied */
  guint       n_sent;
};

G_DEFINE_FINAL_TYPE (IrDrawingNotifier, ir_drawing_notifier, G_TYPE_OBJECT)

/* --- notifying ------------------------------------------------------------ */

static void
notify_revision (IrDrawingNotifier *self,
                 const char        *eid)
{
  g_autoptr(IrEntity) revision = ir_store_get_entity (self->store, "revision", eid);
  g_autoptr(IrEntity) drawing = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;
  const char *uploader, *number, *note;
  IrRevisionInfo *info;
  GApplication *application = g_application_get_default ();

  if (revision == NULL || !ir_entity_is_visible (revision))
    return;

  uploader = ir_entity_get_string (revision, "uploaded_by");
  if (g_strcmp0 (uploader, ir_store_get_actor (self->store)) == 0)
    return;

  drawing = ir_store_get_entity (self->store, "drawing",
                                 ir_entity_get_string (revision, "drawing"));
  if (drawing == NULL)
    return;

  revisions = ir_drawing_list_revisions (self->store, ir_entity_get_id (drawing));
  info = ir_drawing_find_revision (revisions, eid);
  number = ir_entity_get_string (drawing, "number");
  /* Translators: a revision's label, then the drawing's number or title. */
  title = g_strdup_printf (_("New revision %s of %s"), info ? info->label : "?",
                           number && number[0] ? number
                                               : ir_entity_get_string (drawing, "title"));
  name = ir_actor_dup_name (self->store, uploader);
  note = ir_entity_get_string (revision, "note");
  if (note != NULL && note[0] != '\0')
    /* Translators: who uploaded a revision, and their note on it. */
    body = g_strdup_printf (_("%s: %s"), name, note);
  else
    /* Translators: %s is who uploaded a revision. */
    body = g_strdup_printf (_("Uploaded by %s"), name);

  self->n_sent++;
  g_debug ("Notifying of revision %s of drawing %s", eid, ir_entity_get_id (drawing));
  if (application == NULL || !g_application_get_is_registered (application))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_category (notification, "im.received");
  id = g_strdup_printf ("revision-%s", eid);
  g_application_send_notification (application, id, notification);
}

/* --- callbacks ------------------------------------------------------------ */

static void
entity_changed_cb (IrDrawingNotifier  *self,
                   const char         *entity,
                   const char         *eid,
                   const char * const *fields,
                   gboolean            visibility,
                   IrStore            *store)
{
  /* A revision's file never changes, so only its creation sets "blob". */
  if (g_strcmp0 (entity, "revision") == 0 && fields != NULL && g_strv_contains (fields, "blob"))
    g_hash_table_add (self->created, g_strdup (eid));
}

static void
tx_applied_cb (IrDrawingNotifier *self,
               guint              flags,
               IrStore           *store)
{
  GHashTableIter iter;
  gpointer eid;

  if (flags & IR_APPLY_REMOTE)
    {
      g_hash_table_iter_init (&iter, self->created);
      while (g_hash_table_iter_next (&iter, &eid, NULL))
        notify_revision (self, eid);
    }

  g_hash_table_remove_all (self->created);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_drawing_notifier_dispose (GObject *object)
{
  ir_drawing_notifier_set_store (IR_DRAWING_NOTIFIER (object), NULL);

  G_OBJECT_CLASS (ir_drawing_notifier_parent_class)->dispose (object);
}

static void
ir_drawing_notifier_finalize (GObject *object)
{
  g_hash_table_unref (IR_DRAWING_NOTIFIER (object)->created);

  G_OBJECT_CLASS (ir_drawing_notifier_parent_class)->finalize (object);
}

static void
ir_drawing_notifier_class_init (IrDrawingNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ir_drawing_notifier_dispose;
  object_class->finalize = ir_drawing_notifier_finalize;
}

static void
ir_drawing_notifier_init (IrDrawingNotifier *self)
{
  self->created = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* --- public API ----------------------------------------------------------- */

IrDrawingNotifier *
ir_drawing_notifier_new (void)
{
  return g_object_new (IR_TYPE_DRAWING_NOTIFIER, NULL);
}

/* Watches @store, or nothing when %NULL. */
void
ir_drawing_notifier_set_store (IrDrawingNotifier *self,
                               IrStore           *store)
{
  g_return_if_fail (IR_IS_DRAWING_NOTIFIER (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->store, entity_changed_cb, self);
      g_signal_handlers_disconnect_by_func (self->store, tx_applied_cb, self);
    }

  g_set_object (&self->store, store);
  g_hash_table_remove_all (self->created);

  if (store != NULL)
    {
      g_signal_connect_object (store, "entity-changed", G_CALLBACK (entity_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "tx-applied", G_CALLBACK (tx_applied_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

/* Returns how many revisions were announced, sent or not. */
guint
ir_drawing_notifier_get_n_sent (IrDrawingNotifier *self)
{
  g_return_val_if_fail (IR_IS_DRAWING_NOTIFIER (self), 0);

  return self->n_sent;
}
