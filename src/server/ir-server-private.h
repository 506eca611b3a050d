/* ir-server-private.h: the sync server's parts, shared by ir-server*.c
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "ir-blob-store.h"
#include "ir-server-db.h"
#include "ir-store-sync.h"
#include "ir-sync-protocol.h"

G_BEGIN_DECLS

/* Keys of the data the server attaches to each request message. */
#define IR_REQUEST_START "ir-request-start"
#define IR_REQUEST_USER  "ir-request-user"
#define IR_REQUEST_ERROR "ir-request-error"
#define IR_REQUEST_BODY  "ir-request-body"
#define IR_REQUEST_TOO_LARGE "ir-request-too-large"
#define IR_LARGE_REQUEST (1024 * 1024)

/* A token bucket of the rate limit: refills at the configured rate. */
typedef struct
{
  double tokens;
  gint64 last;         /* monotonic microseconds */
} RateBucket;

typedef struct _IrServer       IrServer;
typedef struct _IrServerRoom   IrServerRoom;
typedef struct _IrServerSocket IrServerSocket;
typedef struct _IrServerEscalation IrServerEscalation;

typedef struct
{
  char   *listen;        /* "127.0.0.1:8765" */
  char   *tls_cert;
  char   *tls_key;
  char   *public_url;    /* the address clients use, behind a proxy */
  guint   max_batch;     /* ops per push */
  double  rate;          /* requests per second per user or address */
  guint   burst;
  gint64  token_lifetime; /* microseconds */
} IrServerOptions;

struct _IrServer
{
  SoupServer      *soup;
  char            *data_dir;
  IrServerDb      *db;
  IrBlobStore     *blobs;
  IrServerOptions  options;
  char            *url;          /* where the server listens, no trailing slash */

  GHashTable      *rooms;        /* id → IrServerRoom* */
  GHashTable      *buckets;      /* rate-limit key → RateBucket* */
  GHashTable      *login_failures; /* user name → GArray of gint64 times */
  gint64           db_version;
  guint            poll_id;
  IrServerEscalation *escalation; /* see ir-server-escalation.c */
};

struct _IrServerRoom
{
  IrServer   *server;
  char       *id;
  IrStore    *store;
  gint64      head;             /* highest sequence in the room */
  gint64      last_push;        /* monotonic µs of the last push */
  gint64      last_save;        /* monotonic µs the head was last saved */
  GPtrArray  *sockets;          /* IrServerSocket* */
};

/* ir-server.c and ir-server-http.c */
IrServer     *ir_server_new             (const char         *data_dir,
                                         const IrServerOptions *options,
                                         GError            **error);
gboolean      ir_server_listen          (IrServer           *self,
                                         GError            **error);
void          ir_server_free            (IrServer           *self);
const char   *ir_server_get_public_url  (IrServer           *self);
void          ir_server_reply_text      (SoupServerMessage  *msg,
                                         guint               status,
                                         const char         *content_type,
                                         char               *text);
void          ir_server_reply_json      (SoupServerMessage  *msg,
                                         guint               status,
                                         JsonBuilder        *builder);
void          ir_server_reply_error     (SoupServerMessage  *msg,
                                         IrSyncError         code,
                                         JsonObject         *extra,
                                         const char         *format,
                                         ...) G_GNUC_PRINTF (4, 5);
void          ir_server_collect_body    (SoupServerMessage  *msg,
                                         gsize               limit);
GBytes       *ir_server_get_body        (SoupServerMessage  *msg);
JsonObject   *ir_server_parse_body      (SoupServerMessage  *msg,
                                         JsonNode          **root);
gboolean      ir_server_check_rate      (IrServer           *self,
                                         SoupServerMessage  *msg);
char         *ir_server_authenticate    (IrServer           *self,
                                         SoupServerMessage  *msg);
IrServerRoom *ir_server_lookup_room     (IrServer           *self,
                                         SoupServerMessage  *msg,
                                         const char         *room_id,
                                         const char         *user,
                                         IrMembership      **membership);
IrServerRoom *ir_server_load_room       (IrServer           *self,
                                         const char         *id,
                                         GError            **error);
void          ir_server_reconcile       (IrServer           *self);

/* ir-server-auth.c */
char         *ir_server_hash_password   (const char         *password,
                                         GError            **error);
void          ir_server_handle_login    (IrServer           *self,
                                         SoupServerMessage  *msg);
void          ir_server_handle_logout   (IrServer           *self,
                                         SoupServerMessage  *msg);

/* ir-server-api.c */
void          ir_server_handle_rooms    (IrServer           *self,
                                         SoupServerMessage  *msg,
                                         const char         *user,
                                         char              **segments,
                                         GHashTable         *query);
void          ir_server_handle_feed     (IrServer           *self,
                                         SoupServerMessage  *msg,
                                         const char         *secret);

/* ir-server-members.c */
void          ir_server_handle_members  (IrServer           *self,
                                         SoupServerMessage  *msg,
                                         IrServerRoom       *room,
                                         IrMembership       *caller,
                                         const char         *target);
void          ir_server_add_member_json (JsonBuilder        *builder,
                                         IrMembership       *membership);

/* ir-server-room.c */
IrServerRoom *ir_server_room_open       (IrServer           *server,
                                         const char         *id,
                                         GError            **error);
void          ir_server_room_free       (IrServerRoom       *self);
void          ir_server_room_save_head  (IrServerRoom       *self);
void          ir_server_room_save_head_when_idle (IrServerRoom *self);
gboolean      ir_server_room_reconcile  (IrServerRoom       *self,
                                         GError            **error);
void          ir_server_room_push       (IrServerRoom       *self,
                                         SoupServerMessage  *msg,
                                         const char         *user,
                                         IrMembership       *membership);
void          ir_server_room_pull       (IrServerRoom       *self,
                                         SoupServerMessage  *msg,
                                         GHashTable         *query);
void          ir_server_room_fan_out    (IrServerRoom       *self,
                                         GPtrArray          *ops,
                                         const char         *skip_client);
JsonArray    *ir_server_room_open_items (IrServerRoom       *self,
                                         const char         *member_eid);
gboolean      ir_server_room_publish_own_ops (IrServerRoom  *self,
                                         GError            **error);

/* ir-server-escalation.c */
void          ir_server_escalation_poll (IrServer           *server);
void          ir_server_escalation_free (IrServerEscalation *self);

/* ir-server-socket.c */
void          ir_server_room_add_socket_handler (IrServerRoom *self);
void          ir_server_room_send_all   (IrServerRoom       *self,
                                         const char         *text,
                                         const char         *skip_client);
void          ir_server_room_drop_user  (IrServerRoom       *self,
                                         const char         *user);
void          ir_server_room_close_sockets (IrServerRoom    *self);

/* ir-server-blobs.c */
void          ir_server_blob_early      (IrServer           *self,
                                         SoupServerMessage  *msg,
                                         char              **segments);
void          ir_server_handle_blob     (IrServer           *self,
                                         SoupServerMessage  *msg,
                                         IrServerRoom       *room,
                                         IrMembership       *membership,
                                         const char         *sha256);

/* ir-server-admin.c */
int           ir_server_admin_run       (const char         *data_dir,
                                         char              **args,
                                         GError            **error);

G_END_DECLS
