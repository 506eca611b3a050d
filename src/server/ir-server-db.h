/* ir-server-db.h: server.db: users, tokens, rooms, memberships, device keys,
 * calendar feeds and blob references
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IrServerDb IrServerDb;

typedef enum
{
  IR_TOKEN_VALID,
  IR_TOKEN_UNKNOWN,
  IR_TOKEN_EXPIRED,
  IR_TOKEN_REVOKED,
} IrTokenState;

typedef struct
{
  char     *room;
  char     *user;
  char     *role;        /* "AR", "SR", "FR", "executive" or "observer" */
  gboolean  active;
  char     *member_eid;  /* the room's member entity for this membership */
  gint64    joined;      /* microseconds since the Unix epoch */
  gint64    removed;     /* 0 while active */
} IrMembership;

typedef struct
{
  char     *id;
  char     *name;
  char     *room_eid;    /* the room entity the server writes, or NULL */
  gint64    created;
  gint64    last_seq;
} IrServerRoomInfo;

typedef struct
{
  char     *eid;
  char     *room;
  char     *user;
  char     *public_key;
  gint64    valid_from;
  gint64    valid_until;
  gboolean  revoked;
} IrDeviceKey;

void          ir_membership_free          (IrMembership     *membership);
void          ir_server_room_info_free    (IrServerRoomInfo *info);
void          ir_device_key_free          (IrDeviceKey      *key);

IrServerDb   *ir_server_db_open           (const char   *path,
                                           GError      **error);
void          ir_server_db_free           (IrServerDb   *self);
gint64        ir_server_db_data_version   (IrServerDb   *self);
gboolean      ir_server_db_backup         (IrServerDb   *self,
                                           const char   *path,
                                           GError      **error);

/* Users. */
gboolean      ir_server_db_add_user       (IrServerDb   *self,
                                           const char   *name,
                                           const char   *password_hash,
                                           GError      **error);
gboolean      ir_server_db_set_password   (IrServerDb   *self,
                                           const char   *name,
                                           const char   *password_hash,
                                           GError      **error);
gboolean      ir_server_db_set_disabled   (IrServerDb   *self,
                                           const char   *name,
                                           gboolean      disabled,
                                           GError      **error);
char         *ir_server_db_get_password   (IrServerDb   *self,
                                           const char   *name,
                                           gboolean     *disabled);
gboolean      ir_server_db_user_exists    (IrServerDb   *self,
                                           const char   *name);

/* Tokens, stored as SHA-256 hex of the token. */
char         *ir_server_db_add_token      (IrServerDb   *self,
                                           const char   *user,
                                           const char   *device,
                                           gint64        lifetime_us,
                                           gint64       *expires,
                                           GError      **error);
IrTokenState  ir_server_db_check_token    (IrServerDb   *self,
                                           const char   *token,
                                           char        **user);
gboolean      ir_server_db_revoke_token   (IrServerDb   *self,
                                           const char   *token);
guint         ir_server_db_revoke_tokens  (IrServerDb   *self,
                                           const char   *user);

/* Rooms and memberships. */
gboolean      ir_server_db_add_room       (IrServerDb   *self,
                                           const char   *id,
                                           const char   *name,
                                           const char   *room_eid,
                                           GError      **error);
IrServerRoomInfo *ir_server_db_get_room   (IrServerDb   *self,
                                           const char   *id);
GPtrArray    *ir_server_db_list_rooms     (IrServerDb   *self);
GPtrArray    *ir_server_db_find_rooms     (IrServerDb   *self,
                                           const char   *name);
void          ir_server_db_set_last_seq   (IrServerDb   *self,
                                           const char   *room,
                                           gint64        seq);
IrMembership *ir_server_db_get_membership (IrServerDb   *self,
                                           const char   *room,
                                           const char   *user);
GPtrArray    *ir_server_db_list_members   (IrServerDb   *self,
                                           const char   *room);
GPtrArray    *ir_server_db_list_user_rooms (IrServerDb  *self,
                                            const char  *user);
gboolean      ir_server_db_set_member     (IrServerDb   *self,
                                           const char   *room,
                                           const char   *user,
                                           const char   *role,
                                           GError      **error);
gboolean      ir_server_db_remove_member  (IrServerDb   *self,
                                           const char   *room,
                                           const char   *user,
                                           GError      **error);
guint         ir_server_db_count_members  (IrServerDb   *self,
                                           const char   *room,
                                           const char   *role);

/* Device keys and calendar feeds. */
gboolean      ir_server_db_add_device_key (IrServerDb   *self,
                                           const IrDeviceKey *key,
                                           GError      **error);
GPtrArray    *ir_server_db_list_device_keys (IrServerDb *self,
                                             const char *room);
void          ir_server_db_revoke_device_keys (IrServerDb *self,
                                               const char *room,
                                               const char *user);
char         *ir_server_db_set_feed       (IrServerDb   *self,
                                           const char   *room,
                                           const char   *user,
                                           GError      **error);
gboolean      ir_server_db_find_feed      (IrServerDb   *self,
                                           const char   *secret,
                                           char        **room,
                                           char        **user);
void          ir_server_db_delete_feed    (IrServerDb   *self,
                                           const char   *room,
                                           const char   *user);

/* Which rooms reference which blobs. */
gboolean      ir_server_db_add_blob_refs  (IrServerDb   *self,
                                           const char   *room,
                                           GPtrArray    *hashes,
                                           GError      **error);
gboolean      ir_server_db_has_blob_ref   (IrServerDb   *self,
                                           const char   *room,
                                           const char   *sha256);

char         *ir_server_hash_secret       (const char   *secret);
char         *ir_server_new_secret        (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrMembership, ir_membership_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IrServerRoomInfo, ir_server_room_info_free)

G_END_DECLS
