/* ir-sync-room.c: a replica's link to its server, and the first upload of
 * a room that lived on one desktop
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Uploading creates the room on the server under its own id, with
 * "history" set so that the server takes the room's own name and authors
 * from the log. The push of the history is the job of the room's sync
 * client, which the caller starts: an upload interrupted half-way goes on
 * with the next sync.
 */
#include "config.h"

#undef G_LOG_DOMAIN
#define G_LOG_DOMAIN "ironroom-sync"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ir-store-log.h"
#include "ir-sync-room.h"

/* Store metadata: the member entities of the local-only room, which the
 * upload took back because only the server writes members. One line per
 * member, "<eid> <user on the server>", until a member entity of the
 * server's with that user takes its place. */
#define LEFT_MEMBERS_KEY "upload_left_members"

/* Whether @store syncs with a server, rather than living only here. */
gboolean
ir_store_has_server (IrStore *store)
{
  g_autofree char *url = ir_store_get_meta (store, IR_ROOM_SERVER_URL_KEY);

  return url != NULL && url[0] != '\0';
}

/* Notes the room's member entities before the upload takes them back. The
 * member this replica acts as is the uploader, whose server user may have
 * another name than the desktop's login. */
static void
note_left_members (IrStore    *store,
                   const char *uploader)
{
  g_autoptr(IrEntityList) members = ir_store_list (store, "member");
  g_autofree char *own = ir_store_get_meta (store, IR_ROOM_MEMBER_ID_KEY);
  g_autoptr(GString) lines = g_string_new (NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);
      const char *eid = ir_entity_get_id (member);
      const char *user = ir_entity_get_string (member, "user");

      if (g_strcmp0 (eid, own) == 0 ||
          (own == NULL && g_strcmp0 (user, ir_store_get_actor (store)) == 0))
        user = uploader;
      if (user != NULL && user[0] != '\0' && strchr (user, '\n') == NULL)
        g_string_append_printf (lines, "%s %s\n", eid, user);
    }

  ir_store_set_meta (store, LEFT_MEMBERS_KEY, lines->str);
}

static void
room_created_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IrSyncApi *api = IR_SYNC_API (source);
  IrStore *store = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) body = ir_sync_api_call_finish (api, result, NULL, NULL, &error);
  guint n_refused = 0;

  if (body == NULL)
    {
      if (g_error_matches (error, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT))
        g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                                 _("%s already has this room: it was uploaded before, "
                                   "perhaps from another computer. Open it from the "
                                   "server instead."), ir_sync_api_get_url (api));
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* The server makes the uploader the room's account owner itself, and it
   * refuses the members and escalations that this desktop wrote as the
   * room's server. They leave the log before the push, so that the rest of
   * their transactions uploads. */
  note_left_members (store, ir_sync_api_get_user (api));
  if (!ir_store_refuse_unuploadable (store, IR_ROLE_AR,
                                     _("Only the server writes members and escalations. It "
                                       "made you the room’s account owner; add the others on "
                                       "the server."),
                                     &n_refused, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  ir_store_set_meta (store, IR_ROOM_SERVER_URL_KEY, ir_sync_api_get_url (api));
  ir_store_set_meta (store, IR_ROOM_SERVER_USER_KEY, ir_sync_api_get_user (api));
  ir_store_set_meta (store, IR_ROOM_MEMBER_ID_KEY, "");
  ir_store_set_actor (store, ir_sync_api_get_user (api), IR_ROLE_AR);

  g_message ("Room %s created on %s for upload; %u operations stay on this computer",
             ir_store_get_room_id (store), ir_sync_api_get_url (api), n_refused);
  g_object_set_data (G_OBJECT (task), "n-refused", GUINT_TO_POINTER (n_refused));
  g_task_return_boolean (task, TRUE);
}

/**
 * ir_sync_upload_room_async:
 * @api: a signed-in client of the server to upload to
 * @store: the open store of a room that lives only on this computer
 * @name: the room's name, which the server lists
 *
 * Creates the room on @api's server under its own id and makes @store
 * sync with it, as @api's user with the role of account owner (AR).
 */
void
ir_sync_upload_room_async (IrSyncApi           *api,
                           IrStore             *store,
                           const char          *name,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GBytes) body = NULL;
  char *text;

  g_task_set_source_tag (task, ir_sync_upload_room_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);

  if (ir_store_has_server (store))
    {
      g_task_return_new_error (task, IR_SYNC_ERROR, IR_SYNC_ERROR_CONFLICT,
                               _("This room syncs with a server already."));
      g_object_unref (task);
      return;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, ir_store_get_room_id (store));
  json_builder_set_member_name (builder, "history");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  body = g_bytes_new_take (text, strlen (text));

  ir_sync_api_call_async (api, "POST", "/rooms", NULL, body, cancellable, room_created_cb, task);
}

/**
 * ir_sync_upload_room_finish:
 * @n_refused: (out) (optional): how many ops stayed on this computer
 *   because only the server writes them
 */
gboolean
ir_sync_upload_room_finish (GAsyncResult  *result,
                            guint         *n_refused,
                            GError       **error)
{
  if (n_refused != NULL)
    *n_refused = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (result), "n-refused"));

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- members after an upload ---------------------------------------------- */

/* Returns the id of the member entity of @user other than @not_eid. */
static char *
find_member (IrEntityList *members,
             const char   *user,
             const char   *not_eid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (members));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) member = g_list_model_get_item (G_LIST_MODEL (members), i);

      if (g_strcmp0 (ir_entity_get_string (member, "user"), user) == 0 &&
          g_strcmp0 (ir_entity_get_id (member), not_eid) != 0)
        return g_strdup (ir_entity_get_id (member));
    }

  return NULL;
}

/* Points every field that may change and that names @old_eid at @new_eid. */
static guint
move_references (IrStore    *store,
                 IrTx       *tx,
                 const char *old_eid,
                 const char *new_eid)
{
  IrSchema *schema = ir_store_get_schema (store);
  guint n_ops = 0;

  for (guint i = 0; i < ir_schema_get_n_entities (schema); i++)
    {
      const IrEntitySpec *entity = ir_schema_get_entity_nth (schema, i);

      for (guint j = 0; j < entity->n_fields; j++)
        {
          const IrFieldSpec *field = &entity->fields[j];
          g_autoptr(IrEntityList) holders = NULL;
          guint n;

          if (field->type != IR_VALUE_REF || g_strcmp0 (field->ref_entity, "member") != 0 ||
              (field->flags & IR_FIELD_IMMUTABLE) != 0 ||
              !ir_schema_check_writer (schema, entity->name, field->name,
                                       ir_store_get_roles (store), NULL))
            continue;

          holders = ir_store_list_children (store, entity->name, field->name, old_eid);
          n = g_list_model_get_n_items (G_LIST_MODEL (holders));
          for (guint k = 0; k < n; k++)
            {
              g_autoptr(IrEntity) holder = g_list_model_get_item (G_LIST_MODEL (holders), k);

              ir_tx_set_string (tx, entity->name, ir_entity_get_id (holder), field->name,
                                new_eid);
              n_ops++;
            }
        }
    }

  return n_ops;
}

/**
 * ir_sync_remap_members:
 * @n_ops: (out) (optional): how many fields now name a member of the server
 *
 * Moves what named a member entity of an uploaded room to the member
 * entity that the server wrote for the same user. The old member entities
 * stayed behind because only the server may write members. What moves are
 * the owners of tasks, risks and decisions, and the coverage owners of
 * stakeholders. Members that the server does
 * not have yet are tried again on the next call, so call it after each
 * sync; a room that was never uploaded returns at once.
 *
 * NOTE: fields that cannot change after their entity was created (the
 * member of a relationship level, a participant, an invitee, an inbox
 * item's recipient) keep the old member, which the app shows as a former
 * member.
 *
 * Returns: %FALSE with @error set when the edit failed
 */
gboolean
ir_sync_remap_members (IrStore  *store,
                       guint    *n_ops,
                       GError  **error)
{
  g_autofree char *text = ir_store_get_meta (store, LEFT_MEMBERS_KEY);
  g_auto(GStrv) lines = NULL;
  g_autoptr(IrEntityList) members = NULL;
  g_autoptr(GString) remaining = g_string_new (NULL);
  g_autoptr(IrTx) tx = NULL;
  guint moved = 0;

  if (n_ops != NULL)
    *n_ops = 0;
  if (text == NULL || text[0] == '\0')
    return TRUE;

  lines = g_strsplit (text, "\n", -1);
  members = ir_store_list (store, "member");
  tx = ir_store_begin (store);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *space = strchr (lines[i], ' ');
      g_autofree char *old_eid = space ? g_strndup (lines[i], space - lines[i]) : NULL;
      g_autofree char *new_eid = space ? find_member (members, space + 1, old_eid) : NULL;

      if (space == NULL)
        continue;
      if (new_eid == NULL)
        {
          g_string_append_printf (remaining, "%s\n", lines[i]);
          continue;
        }

      moved += move_references (store, tx, old_eid, new_eid);
    }

  if (moved > 0 && !ir_store_commit (store, tx, error))
    return FALSE;

  g_debug ("Room %s: %u fields now name the server's members", ir_store_get_room_id (store),
           moved);
  ir_store_set_meta (store, LEFT_MEMBERS_KEY, remaining->str);
  if (n_ops != NULL)
    *n_ops = moved;

  return TRUE;
}
