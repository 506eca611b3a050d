/* test-demo.c: the demo room writer and `ironroom-tool demo`
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>
#include <sys/wait.h>

#include "ir-demo.h"
#include "ir-demo-private.h"
#include "ir-escalation.h"
#include "ir-hlc.h"
#include "ir-pdf.h"
#include "ir-plan-model.h"
#include "ir-seal.h"

/* A Friday whose last three months hold the National Day holidays, so that
 * the plan's past runs across a holiday week and a make-up working day. */
#define TODAY_YEAR  2026
#define TODAY_MONTH 12
#define TODAY_DAY   4

typedef struct
{
  char    *folder;
  IrStore *store;
} DemoRoom;

static DemoRoom chinese_room;

/* --- helpers ------------------------------------------------------------- */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static GDate *
fixed_today (void)
{
  return g_date_new_dmy (TODAY_DAY, TODAY_MONTH, TODAY_YEAR);
}

static IrDay
fixed_today_day (void)
{
  return ir_day_from_ymd (TODAY_YEAR, TODAY_MONTH, TODAY_DAY);
}

static void
demo_room_write (DemoRoom   *room,
                 const char *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = fixed_today ();
  g_autofree char *path = NULL;

  room->folder = g_dir_make_tmp ("ironroom-test-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (room->folder, "room.db", NULL);

  room->store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);

  g_assert_true (ir_demo_write (room->store, today, language, &error));
  g_assert_no_error (error);
}

static void
demo_room_clear (DemoRoom *room)
{
  g_clear_object (&room->store);
  if (room->folder != NULL)
    remove_tree (room->folder);
  g_clear_pointer (&room->folder, g_free);
}

/* The Chinese demo room, written once for the tests that only read it. */
static IrStore *
get_store (void)
{
  if (chinese_room.store == NULL)
    demo_room_write (&chinese_room, "zh_CN");

  return chinese_room.store;
}

static guint
count_visible (IrStore    *store,
               const char *entity)
{
  g_autoptr(GPtrArray) ids = ir_store_list_ids (store, entity, FALSE);

  return ids->len;
}

/* Visible entities of @entity, as a list the caller owns. */
static GPtrArray *
list_entities (IrStore    *store,
               const char *entity)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, entity);
  GPtrArray *entities = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (entities, g_list_model_get_item (G_LIST_MODEL (list), i));

  return entities;
}

static guint
count_with (GPtrArray  *entities,
            const char *field,
            const char *value)
{
  guint n = 0;

  for (guint i = 0; i < entities->len; i++)
    if (g_strcmp0 (ir_entity_get_string (entities->pdata[i], field), value) == 0)
      n++;

  return n;
}

static IrEntity *
find_by (GPtrArray  *entities,
         const char *field,
         const char *value)
{
  for (guint i = 0; i < entities->len; i++)
    if (g_strcmp0 (ir_entity_get_string (entities->pdata[i], field), value) == 0)
      return entities->pdata[i];

  return NULL;
}

/* --- counts -------------------------------------------------------------- */

static void
test_demo_counts (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) tasks = list_entities (store, "task");
  g_autoptr(GPtrArray) confirmations = list_entities (store, "confirmation");
  g_autoptr(GPtrArray) decisions = list_entities (store, "decision");
  g_autoptr(GPtrArray) reviews = list_entities (store, "review");
  g_autoptr(GHashTable) confirmed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_milestones = 0, n_key = 0, n_committed = 0;

  g_assert_cmpuint (count_visible (store, "room"), ==, 1);
  g_assert_cmpuint (count_visible (store, "member"), ==, 5);
  g_assert_cmpuint (count_visible (store, "stakeholder"), >=, 12);
  g_assert_cmpuint (count_visible (store, "interaction"), >=, 15);
  g_assert_cmpuint (count_visible (store, "drawing"), ==, 2);
  g_assert_cmpuint (count_visible (store, "revision"), ==, 4);
  g_assert_cmpuint (count_visible (store, "calendar"), ==, 1);
  g_assert_cmpuint (count_visible (store, "calendar_day"), >, 20);
  g_assert_cmpuint (count_visible (store, "baseline"), ==, 1);
  g_assert_cmpuint (count_visible (store, "risk"), ==, 2);
  g_assert_cmpuint (count_visible (store, "inbox_item"), >=, 1);
  g_assert_cmpuint (tasks->len, ==, 40);

  for (guint i = 0; i < tasks->len; i++)
    {
      IrEntity *task = tasks->pdata[i];

      n_milestones += ir_entity_get_boolean (task, "milestone");
      n_key += ir_entity_get_boolean (task, "key_milestone");
      n_committed += ir_entity_has_field (task, "committed");
    }
  g_assert_cmpuint (n_milestones, ==, 5);
  g_assert_cmpuint (n_key, ==, 5);
  /* The key milestones and the inspection and test plan. */
  g_assert_cmpuint (n_committed, ==, 6);

  g_assert_cmpuint (confirmations->len, ==, 2);
  for (guint i = 0; i < confirmations->len; i++)
    {
      IrEntity *confirmation = confirmations->pdata[i];
      g_autoptr(IrEntity) task = ir_store_get_entity (store, "task",
                                                      ir_entity_get_string (confirmation, "task"));

      g_assert_nonnull (task);
      g_assert_true (ir_entity_get_boolean (task, "key_milestone"));
      g_assert_cmpstr (ir_entity_get_string (confirmation, "committed"), ==,
                       ir_entity_get_string (task, "committed"));
      g_assert_cmpstr (ir_entity_get_string (confirmation, "signer_name"), !=, NULL);
      g_assert_cmpstr (ir_entity_get_string (confirmation, "signer_company"), !=, NULL);
      g_assert_cmpstr (ir_entity_get_string (confirmation, "signer_title"), !=, NULL);
      g_assert_cmpint (ir_entity_get_int (confirmation, "signed_at"), >, 0);
      g_assert_cmpstr (ir_entity_get_string (confirmation, "recorded_by"), !=, NULL);
      g_hash_table_add (confirmed, (gpointer) ir_entity_get_string (confirmation, "task"));
    }
  g_assert_cmpuint (g_hash_table_size (confirmed), ==, 2);

  g_assert_cmpuint (reviews->len, ==, 1);
  g_assert_cmpint (ir_entity_get_int (reviews->pdata[0], "seq"), >, 0);
  g_assert_cmpuint (decisions->len, ==, 2);
  g_assert_cmpuint (count_with (decisions, "kind", "decision"), ==, 1);
  g_assert_cmpuint (count_with (decisions, "kind", "action"), ==, 1);
}

static void
test_demo_local_member (void)
{
  IrStore *store = get_store ();
  g_autofree char *member_id = ir_store_get_meta (store, IR_DEMO_MEMBER_ID_KEY);
  g_autoptr(IrEntity) member = NULL;
  g_autoptr(GPtrArray) members = list_entities (store, "member");
  g_autoptr(GPtrArray) settings = list_entities (store, "room_setting");
  g_autoptr(GPtrArray) inbox = list_entities (store, "inbox_item");

  g_assert_nonnull (member_id);
  member = ir_store_get_entity (store, "member", member_id);
  g_assert_nonnull (member);
  g_assert_cmpstr (ir_entity_get_string (member, "role"), ==, "AR");
  g_assert_cmpstr (ir_entity_get_string (member, "user"), ==, IR_DEMO_LOCAL_USER);
  g_assert_cmpstr (ir_store_get_actor (store), ==, IR_DEMO_LOCAL_USER);
  g_assert_true (ir_store_get_roles (store) & IR_ROLE_AR);

  for (const char * const *role = (const char * const[]) { "AR", "SR", "FR", "executive",
                                                          "observer", NULL };
       *role != NULL; role++)
    g_assert_cmpuint (count_with (members, "role", *role), ==, 1);

  g_assert_cmpuint (count_with (inbox, "recipient", member_id), >=, 1);

  g_assert_nonnull (find_by (settings, "key", IR_SETTING_ESCALATION_YELLOW_AFTER));
  g_assert_nonnull (find_by (settings, "key", IR_SETTING_ESCALATION_RED_AFTER));
  g_assert_nonnull (find_by (settings, "key", IR_SETTING_ESCALATION_DAY_COUNT));
  g_assert_nonnull (find_by (settings, "key", IR_SETTING_ESCALATION_MEETING_HOUR));
  g_assert_nonnull (find_by (settings, "key", IR_SETTING_ESCALATION_MEETING_LINK));
  g_assert_nonnull (find_by (settings, "key", "stale_contact_days"));
}

/* --- decision map -------------------------------------------------------- */

/* Returns the last day each stakeholder took part in an interaction. */
static GHashTable *
collect_last_contacts (IrStore *store)
{
  g_autoptr(GPtrArray) participants = list_entities (store, "interaction_participant");
  GHashTable *last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      IrEntity *participant = participants->pdata[i];
      const char *stakeholder = ir_entity_get_string (participant, "stakeholder");
      g_autoptr(IrEntity) interaction = NULL;
      IrDay day;

      if (stakeholder == NULL)
        continue;

      interaction = ir_store_get_entity (store, "interaction",
                                         ir_entity_get_string (participant, "interaction"));
      day = ir_day_parse (ir_entity_get_string (interaction, "date"));
      if (day > GPOINTER_TO_INT (g_hash_table_lookup (last, stakeholder)))
        g_hash_table_insert (last, g_strdup (stakeholder), GINT_TO_POINTER (day));
    }

  return last;
}

static void
test_demo_map (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) stakeholders = list_entities (store, "stakeholder");
  g_autoptr(GPtrArray) links = list_entities (store, "link");
  g_autoptr(GPtrArray) concerns = list_entities (store, "concern");
  g_autoptr(GPtrArray) relationships = list_entities (store, "relationship");
  g_autoptr(GHashTable) departments = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) last_contacts = collect_last_contacts (store);
  const char * const stances[] = { "champion", "supporter", "neutral", "skeptic", "blocker" };
  const char * const roles[] = { "economic", "technical", "user", "coach" };
  const char * const tags[] = { "交期", "价格", "密封可靠性", "本地化服务", "认证" };
  IrDay today = fixed_today_day ();
  IrEntity *economic = NULL;
  guint n_left = 0, n_placeholders = 0, n_stale = 0, n_uncovered = 0;

  for (guint i = 0; i < stakeholders->len; i++)
    {
      IrEntity *person = stakeholders->pdata[i];
      IrDay last = GPOINTER_TO_INT (g_hash_table_lookup (last_contacts,
                                                         ir_entity_get_id (person)));

      if (ir_entity_get_string (person, "department") != NULL)
        g_hash_table_add (departments, (gpointer) ir_entity_get_string (person, "department"));

      /* Left unset so that the map lays the cards out itself. */
      g_assert_false (ir_entity_has_field (person, "x"));
      g_assert_false (ir_entity_has_field (person, "y"));
      g_assert_cmpstr (ir_entity_get_string (person, "name"), !=, NULL);
      g_assert_cmpstr (ir_entity_get_string (person, "title"), !=, NULL);

      if (g_strcmp0 (ir_entity_get_string (person, "status"), "left") == 0)
        {
          g_autoptr(IrEntity) successor = ir_store_get_entity (store, "stakeholder",
                                                               ir_entity_get_string (person,
                                                                                     "successor"));

          g_assert_nonnull (successor);
          g_assert_cmpstr (ir_entity_get_string (successor, "status"), ==, "active");
          n_left++;
          continue;
        }

      if (ir_entity_get_boolean (person, "placeholder"))
        {
          n_placeholders++;
          continue;
        }

      if (g_strcmp0 (ir_entity_get_string (person, "buying_role"), "economic") == 0)
        economic = person;
      if (last == IR_DAY_NONE || today - last > 30)
        n_stale++;
      if (!ir_entity_has_field (person, "coverage_owner"))
        n_uncovered++;
    }

  g_assert_cmpuint (g_hash_table_size (departments), ==, 5);
  for (gsize i = 0; i < G_N_ELEMENTS (stances); i++)
    g_assert_cmpuint (count_with (stakeholders, "stance", stances[i]), >=, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (roles); i++)
    g_assert_cmpuint (count_with (stakeholders, "buying_role", roles[i]), >=, 1);
  for (gsize i = 0; i < G_N_ELEMENTS (tags); i++)
    g_assert_nonnull (find_by (concerns, "tag", tags[i]));

  g_assert_cmpuint (n_left, ==, 1);
  g_assert_cmpuint (n_placeholders, ==, 1);
  g_assert_cmpuint (n_stale, >=, 1);
  g_assert_cmpuint (n_uncovered, >=, 1);

  /* Nobody met the economic buyer in the last month. */
  g_assert_nonnull (economic);
  g_assert_cmpint (today - GPOINTER_TO_INT (g_hash_table_lookup (last_contacts,
                                                                  ir_entity_get_id (economic))),
                   >, 30);

  g_assert_cmpuint (relationships->len, ==, 3 * stakeholders->len);
  g_assert_nonnull (find_by (relationships, "level", "trusted"));
  g_assert_nonnull (find_by (relationships, "level", "met"));

  g_assert_cmpuint (count_with (links, "kind", "reports_to"), >=, stakeholders->len - 2);
  g_assert_cmpuint (count_with (links, "kind", "influences"), >=, 4);
  g_assert_cmpuint (count_with (links, "kind", "conflict"), ==, 1);
  for (guint i = 0; i < links->len; i++)
    if (g_strcmp0 (ir_entity_get_string (links->pdata[i], "kind"), "influences") == 0)
      g_assert_cmpint (ir_entity_get_int (links->pdata[i], "strength"), >=, 1);
}

static void
test_demo_interactions (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) interactions = list_entities (store, "interaction");
  g_autoptr(GPtrArray) participants = list_entities (store, "interaction_participant");
  g_autoptr(GHashTable) channels = g_hash_table_new (g_str_hash, g_str_equal);
  IrDay today = fixed_today_day ();
  IrDay first = today, last = 0;
  guint n_overdue = 0, n_done = 0;

  for (guint i = 0; i < interactions->len; i++)
    {
      IrEntity *interaction = interactions->pdata[i];
      const char *id = ir_entity_get_id (interaction);
      IrDay date = ir_day_parse (ir_entity_get_string (interaction, "date"));
      guint n_customers = 0, n_ours = 0;

      g_assert_cmpint (date, !=, IR_DAY_NONE);
      g_assert_cmpint (date, <=, today);
      first = MIN (first, date);
      last = MAX (last, date);
      g_hash_table_add (channels, (gpointer) ir_entity_get_string (interaction, "channel"));
      g_assert_cmpstr (ir_entity_get_string (interaction, "summary"), !=, NULL);

      for (guint p = 0; p < participants->len; p++)
        if (g_strcmp0 (ir_entity_get_string (participants->pdata[p], "interaction"), id) == 0)
          {
            if (g_strcmp0 (ir_entity_get_string (participants->pdata[p], "side"), "ours") == 0)
              n_ours++;
            else
              n_customers++;
          }
      g_assert_cmpuint (n_customers, >=, 1);
      g_assert_cmpuint (n_ours, >=, 1);

      if (!ir_entity_has_field (interaction, "follow_up"))
        continue;
      if (ir_entity_get_boolean (interaction, "follow_up_done"))
        n_done++;
      else if (ir_day_parse (ir_entity_get_string (interaction, "follow_up_due")) < today)
        n_overdue++;
    }

  /* About three months of contact, over at least four channels. */
  g_assert_cmpint (today - first, >=, 80);
  g_assert_cmpint (today - last, <=, 7);
  g_assert_cmpuint (g_hash_table_size (channels), >=, 4);
  g_assert_cmpuint (n_overdue, >=, 2);
  g_assert_cmpuint (n_done, >=, 5);
}

static void
test_demo_reports_to_acyclic (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) reporting = ir_store_find_cycles (store, "link", "source", "target",
                                                         "kind", "reports_to");
  g_autoptr(GPtrArray) dependencies = ir_store_find_cycles (store, "dependency", "predecessor",
                                                            "successor", NULL, NULL);
  g_autoptr(GPtrArray) outline = ir_store_find_cycles (store, "task", "parent", NULL, NULL, NULL);

  g_assert_cmpuint (reporting->len, ==, 0);
  g_assert_cmpuint (dependencies->len, ==, 0);
  g_assert_cmpuint (outline->len, ==, 0);
}

/* Every reference names a visible entity of its type, and every blob is in
 * the blob store. */
static void
test_demo_references (void)
{
  IrStore *store = get_store ();
  IrSchema *schema = ir_store_get_schema (store);
  IrBlobStore *blobs = ir_store_get_blobs (store);
  guint n_checked = 0;

  for (guint e = 0; e < ir_schema_get_n_entities (schema); e++)
    {
      const IrEntitySpec *spec = ir_schema_get_entity_nth (schema, e);
      g_autoptr(GPtrArray) entities = list_entities (store, spec->name);

      for (guint i = 0; i < entities->len; i++)
        for (guint f = 0; f < spec->n_fields; f++)
          {
            const IrFieldSpec *field = &spec->fields[f];
            const char *value;

            if (field->type != IR_VALUE_REF && field->type != IR_VALUE_BLOB)
              continue;

            value = ir_entity_get_string (entities->pdata[i], field->name);
            if (value == NULL)
              continue;

            if (field->type == IR_VALUE_BLOB)
              g_assert_true (ir_blob_store_contains (blobs, value));
            else
              {
                g_autoptr(IrEntity) target = ir_store_get_entity (store, field->ref_entity, value);

                if (target == NULL || !ir_entity_is_visible (target))
                  g_error ("%s.%s of %s names missing %s %s", spec->name, field->name,
                           ir_entity_get_id (entities->pdata[i]), field->ref_entity, value);
              }
            n_checked++;
          }
    }

  g_assert_cmpuint (n_checked, >, 300);
}

/* --- drawings ------------------------------------------------------------ */

static void
test_demo_drawings (void)
{
  IrStore *store = get_store ();
  IrBlobStore *blobs = ir_store_get_blobs (store);
  g_autoptr(GPtrArray) drawings = list_entities (store, "drawing");
  g_autoptr(GPtrArray) revisions = list_entities (store, "revision");
  g_autoptr(GPtrArray) markups = list_entities (store, "markup");
  g_autoptr(GPtrArray) placements = list_entities (store, "markup_placement");
  g_autoptr(GPtrArray) replies = list_entities (store, "markup_reply");
  guint n_open = 0, n_previews = 0;

  g_assert_cmpuint (drawings->len, ==, 2);
  g_assert_cmpuint (revisions->len, ==, 4);
  for (guint d = 0; d < drawings->len; d++)
    g_assert_cmpuint (count_with (revisions, "drawing", ir_entity_get_id (drawings->pdata[d])),
                      ==, 2);

  for (guint i = 0; i < revisions->len; i++)
    {
      IrEntity *revision = revisions->pdata[i];
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ir_blob_store_load (blobs, ir_entity_get_string (revision, "blob"),
                                                    &error);
      gsize size = 0;
      const char *data;

      g_assert_no_error (error);
      data = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, 1000);
      g_assert_true (memcmp (data, "%PDF-", 5) == 0);
      g_assert_cmpint (ir_entity_get_int (revision, "size"), ==, (gint64) size);
      g_assert_cmpint (ir_entity_get_int (revision, "pages"), ==, 1);
      g_assert_true (ir_entity_get_boolean (revision, "has_text"));
      g_assert_true (g_str_has_suffix (ir_entity_get_string (revision, "filename"), ".pdf"));

      /* The latest revision of each drawing has a PNG preview. */
      if (ir_entity_has_field (revision, "preview"))
        {
          g_autoptr(GBytes) preview = ir_blob_store_load (blobs,
                                                          ir_entity_get_string (revision,
                                                                                "preview"),
                                                          &error);

          g_assert_no_error (error);
          g_assert_true (memcmp (g_bytes_get_data (preview, NULL), "\x89PNG", 4) == 0);
          n_previews++;
        }
    }
  g_assert_cmpuint (n_previews, ==, 2);

  g_assert_nonnull (find_by (markups, "kind", "pin"));
  g_assert_nonnull (find_by (markups, "kind", "cloud"));
  g_assert_nonnull (find_by (markups, "kind", "stamp"));
  g_assert_nonnull (find_by (markups, "status", "done"));
  g_assert_nonnull (find_by (markups, "status", "rejected"));
  g_assert_cmpuint (replies->len, >=, 3);

  /* Every open markup is carried onto revision B; settled ones stay on A. */
  for (guint i = 0; i < markups->len; i++)
    {
      IrEntity *markup = markups->pdata[i];
      gboolean open = g_strcmp0 (ir_entity_get_string (markup, "status"), "open") == 0;
      guint n_placed = count_with (placements, "markup", ir_entity_get_id (markup));
      guint n_carried = 0;

      for (guint p = 0; p < placements->len; p++)
        if (g_strcmp0 (ir_entity_get_string (placements->pdata[p], "markup"),
                       ir_entity_get_id (markup)) == 0 &&
            ir_entity_get_boolean (placements->pdata[p], "carried"))
          n_carried++;

      g_assert_cmpuint (n_placed, ==, open ? 2 : 1);
      g_assert_cmpuint (n_carried, ==, open ? 1 : 0);
      n_open += open;
    }
  g_assert_cmpuint (n_open, >=, 1);
}

static void
test_demo_markup_geometry (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) placements = list_entities (store, "markup_placement");

  for (guint i = 0; i < placements->len; i++)
    {
      IrEntity *placement = placements->pdata[i];
      g_autoptr(IrEntity) revision = ir_store_get_entity (store, "revision",
                                                          ir_entity_get_string (placement,
                                                                                "revision"));
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = ir_blob_store_load (ir_store_get_blobs (store),
                                                    ir_entity_get_string (revision, "blob"),
                                                    &error);
      g_autoptr(IrPdf) pdf = ir_pdf_new_from_bytes (bytes, "revision.pdf",
                                                    IR_PDF_DEFAULT_MAX_SIZE, &error);
      JsonObject *object = json_node_get_object (ir_entity_get_value (placement, "geometry"));
      double x = json_object_get_double_member (object, "x");
      double y = json_object_get_double_member (object, "y");
      double width = 0, height = 0;

      g_assert_no_error (error);
      g_assert_true (ir_pdf_get_page_size (pdf, ir_entity_get_int (placement, "page"),
                                           &width, &height));

      g_assert_cmpfloat (x, >, 0);
      g_assert_cmpfloat (y, >, 0);
      if (json_object_has_member (object, "w"))
        {
          x += json_object_get_double_member (object, "w");
          y += json_object_get_double_member (object, "h");
          g_assert_cmpfloat (json_object_get_double_member (object, "w"), >, 0);
          g_assert_cmpfloat (json_object_get_double_member (object, "h"), >, 0);
        }
      g_assert_cmpfloat (x, <, width);
      g_assert_cmpfloat (y, <, height);
    }
}

/* --- plan ---------------------------------------------------------------- */

static IrSchedule *
load_schedule (IrStore *store)
{
  g_autoptr(GError) error = NULL;
  IrSchedule *schedule = ir_plan_model_load (store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (schedule);
  g_assert_true (ir_schedule_compute (schedule, IR_SCHEDULE_STRICT, &error));
  g_assert_no_error (error);

  return schedule;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/* With the schedule computed, exactly three commitments slip, by 2, 5 and
 * 9 days: one blue, one yellow and one red at the room's thresholds. */
static void
test_demo_plan_slips (void)
{
  IrStore *store = get_store ();
  g_autoptr(IrSchedule) schedule = load_schedule (store);
  IrEscalationSettings settings = { 0 };
  g_autoptr(GPtrArray) slips = NULL;
  g_autoptr(GArray) delays = g_array_new (FALSE, FALSE, sizeof (int));
  guint n_tiers[IR_TIER_RED + 1] = { 0 };

  ir_escalation_settings_init (&settings);
  ir_escalation_settings_load (&settings, store);
  g_assert_cmpint (settings.yellow_after, ==, 3);
  g_assert_cmpint (settings.red_after, ==, 7);

  slips = ir_escalation_assess_schedule (schedule, &settings, fixed_today_day ());
  for (guint i = 0; i < slips->len; i++)
    {
      IrSlip *slip = slips->pdata[i];
      g_autoptr(IrEntity) task = NULL;

      if (slip->tier == IR_TIER_NONE)
        continue;

      g_assert_false (slip->from_baseline);
      task = ir_store_get_entity (store, "task", slip->subject_id);
      g_assert_true (ir_entity_has_field (task, "owner"));
      g_array_append_val (delays, slip->delay);
      n_tiers[slip->tier]++;
    }

  g_array_sort (delays, compare_ints);
  g_assert_cmpuint (delays->len, ==, 3);
  g_assert_cmpint (g_array_index (delays, int, 0), ==, IR_DEMO_SLIP_BLUE);
  g_assert_cmpint (g_array_index (delays, int, 1), ==, IR_DEMO_SLIP_YELLOW);
  g_assert_cmpint (g_array_index (delays, int, 2), ==, IR_DEMO_SLIP_RED);
  g_assert_cmpuint (n_tiers[IR_TIER_BLUE], ==, 1);
  g_assert_cmpuint (n_tiers[IR_TIER_YELLOW], ==, 1);
  g_assert_cmpuint (n_tiers[IR_TIER_RED], ==, 1);

  ir_escalation_settings_clear (&settings);
}

/* What is done lies before today, what is under way spans it, and nothing
 * that has not started is scheduled before it. */
static void
test_demo_plan_dates (void)
{
  IrStore *store = get_store ();
  g_autoptr(IrSchedule) schedule = load_schedule (store);
  IrDay today = fixed_today_day ();
  IrDay start = IR_DAY_NONE, finish = IR_DAY_NONE;
  guint n_done = 0, n_running = 0, n_baselined = 0;

  g_assert_cmpuint (ir_schedule_get_n_tasks (schedule), ==, 40);
  g_assert_cmpuint (ir_schedule_get_n_links (schedule), >=, 40);

  for (guint i = 0; i < ir_schedule_get_n_tasks (schedule); i++)
    {
      IrScheduleTask *task = ir_schedule_get_task (schedule, i);

      n_baselined += ir_schedule_task_get_n_baselines (task) > 0;
      if (task->flags & IR_TASK_SUMMARY)
        continue;

      g_assert_false (task->flags & IR_TASK_CONFLICT);
      if (task->actual_finish != IR_DAY_NONE)
        {
          g_assert_cmpint (task->actual_finish, <, today);
          g_assert_cmpint (task->progress, ==, 100);
          n_done++;
        }
      else if (task->actual_start != IR_DAY_NONE)
        {
          g_assert_cmpint (task->actual_start, <, today);
          g_assert_cmpint (task->finish, >=, today);
          g_assert_cmpint (task->progress, >, 0);
          g_assert_cmpint (task->progress, <, 100);
          n_running++;
        }
      else
        {
          g_assert_cmpint (task->start, >=, today);
          g_assert_cmpint (task->progress, ==, 0);
        }
    }

  g_assert_cmpuint (n_done, >=, 8);
  g_assert_cmpuint (n_running, >=, 3);
  /* Every task but the two added after the baseline was saved. */
  g_assert_cmpuint (n_baselined, ==, 38);

  /* From about three months ago to about eight months ahead. */
  ir_schedule_get_span (schedule, &start, &finish);
  g_assert_cmpint (today - start, >=, 85);
  g_assert_cmpint (finish - today, >=, 210);
}

/* The slips are exact and every committed date is a working day, whatever
 * day the demo is generated on, holidays included. */
static void
test_demo_plan_every_day (void)
{
  IrDay first = ir_day_from_ymd (2026, 1, 1);
  IrDay last = ir_day_from_ymd (2027, 2, 28);

  for (IrDay day = first; day <= last; day++)
    {
      IrDemo demo = { .today = day };
      g_autoptr(GError) error = NULL;
      g_autoptr(IrDemoPlan) plan = ir_demo_plan_new (&demo, &error);
      const struct { const char *key; int slip; } subjects[] = {
        { "d5", IR_DEMO_SLIP_BLUE }, { "m6", IR_DEMO_SLIP_YELLOW }, { "d7", IR_DEMO_SLIP_RED },
      };

      g_assert_no_error (error);
      g_assert_nonnull (plan);

      for (gsize s = 0; s < G_N_ELEMENTS (subjects); s++)
        {
          IrDemoPlanTask *task = ir_demo_plan_lookup (plan, subjects[s].key);

          g_assert_cmpint (task->finish - task->committed, ==, subjects[s].slip);
          g_assert_true (ir_calendar_is_working_day (plan->calendar, task->committed));
          g_assert_cmpint (task->finish, >=, day);
        }

      for (guint t = 0; t < plan->n_tasks; t++)
        {
          IrDemoPlanTask *task = &plan->tasks[t];

          if (task->row->flags & IR_DEMO_TASK_SUMMARY)
            continue;
          if (task->actual_finish != IR_DAY_NONE)
            g_assert_cmpint (task->actual_finish, <, day);
          else if (task->actual_start != IR_DAY_NONE)
            g_assert_cmpint (task->finish, >=, day);
          else
            g_assert_cmpint (task->start, >=, day);
        }
    }
}

/* The room evaluated its escalations when the slips appeared: one of each
 * tier with its actions, and the owner of the blue one acknowledged it. */
static void
test_demo_escalations (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) escalations = list_entities (store, "escalation");
  g_autoptr(GPtrArray) events = list_entities (store, "escalation_event");
  g_autoptr(GPtrArray) meetings = list_entities (store, "meeting");
  g_autoptr(GPtrArray) invitees = list_entities (store, "meeting_invitee");
  g_autoptr(GPtrArray) inbox = list_entities (store, "inbox_item");
  g_autoptr(GPtrArray) members = list_entities (store, "member");
  g_autoptr(IrEscalationReport) report = NULL;
  g_autoptr(GTimeZone) shanghai = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) now = g_date_time_new (shanghai, TODAY_YEAR, TODAY_MONTH, TODAY_DAY,
                                              18, 0, 0);
  g_autoptr(GError) error = NULL;
  IrEntity *executive = find_by (members, "role", "executive");
  IrEntity *acknowledged;

  g_assert_cmpuint (escalations->len, ==, 3);
  g_assert_cmpuint (count_with (escalations, "tier", "blue"), ==, 1);
  g_assert_cmpuint (count_with (escalations, "tier", "yellow"), ==, 1);
  g_assert_cmpuint (count_with (escalations, "tier", "red"), ==, 1);

  acknowledged = find_by (events, "kind", "acknowledged");
  g_assert_nonnull (acknowledged);
  g_assert_cmpstr (ir_entity_get_string (acknowledged, "actor"), ==, "lina");

  g_assert_cmpuint (meetings->len, ==, 1);
  g_assert_cmpuint (invitees->len, ==, 3);
  g_assert_cmpuint (count_with (inbox, "recipient", ir_entity_get_id (executive)), >=, 1);

  /* Evaluating again on the day the demo was generated, as the app does
   * when it opens the room, finds the same escalations and raises none. */
  report = ir_escalation_evaluate (store, now, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->n_raised, ==, 0);
}

static void
test_demo_seals (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) statuses = ir_seal_check_room (store);

  g_assert_cmpuint (statuses->len, ==, 2);
  for (guint i = 0; i < statuses->len; i++)
    {
      IrSealStatus *status = statuses->pdata[i];

      g_assert_cmpstr (ir_seal_state_to_string (status->state), ==,
                       ir_seal_state_to_string (IR_SEAL_VALID));
      g_assert_cmpstr (status->signer_name, ==, "王建军");
    }
}

/* --- history ------------------------------------------------------------- */

static void
test_demo_history (void)
{
  IrStore *store = get_store ();
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (store, G_MAXUINT);
  g_autoptr(GHashTable) actors = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) transactions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) stakeholders = list_entities (store, "stakeholder");
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GDateTime) room_created = NULL;
  gint64 first = G_MAXINT64, last = 0, previous = 0;
  IrEntity *blocker;

  g_assert_cmpuint (ops->len, >, 1000);
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = ops->pdata[i];
      gint64 ms = ir_hlc_get_ms (op->hlc);

      g_hash_table_add (actors, op->actor);
      g_hash_table_add (transactions, op->tx);
      g_assert_cmpint (op->hlc, >, previous);
      previous = op->hlc;
      first = MIN (first, ms);
      last = MAX (last, ms);
    }

  /* Written by the AR, SR, FR and executive over three months, in many
   * transactions, and never stamped after the real time. */
  g_assert_true (g_hash_table_contains (actors, IR_DEMO_LOCAL_USER));
  g_assert_true (g_hash_table_contains (actors, "lina"));
  g_assert_true (g_hash_table_contains (actors, "wangqiang"));
  g_assert_cmpuint (g_hash_table_size (actors), >=, 3);
  g_assert_cmpuint (g_hash_table_size (transactions), >=, 80);
  g_assert_cmpint (last, <=, g_get_real_time () / 1000);

  /* The blocker's stance changed once after they were met. */
  blocker = find_by (stakeholders, "stance", "blocker");
  g_assert_nonnull (blocker);
  history = ir_store_get_history (store, ir_entity_get_id (blocker));
  g_assert_cmpuint (history->len, >=, 2);

  /* A clock set before the demo's today holds every stamp at the real
   * time, which leaves no span to check. */
  if (first >= g_get_real_time () / 1000 - 3600 * 1000)
    return;

  /* The room was created 100 days before today, in August, and the
   * history spans three months. */
  g_assert_cmpint ((last - first) / (24 * 3600 * 1000), >=, 90);
  room_created = g_date_time_new_from_unix_utc (first / 1000);
  g_assert_cmpint (g_date_time_get_year (room_created), ==, 2026);
  g_assert_cmpint (g_date_time_get_month (room_created), ==, 8);
}

/* --- languages and determinism ------------------------------------------- */

static gboolean
has_han (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_get_script (g_utf8_get_char (p)) == G_UNICODE_SCRIPT_HAN)
      return TRUE;

  return FALSE;
}

/* Returns @text without the names of the room's people, which stay Chinese
 * in an English room. */
static char *
strip_names (IrStore    *store,
             const char *text)
{
  const char * const kinds[] = { "stakeholder", "member" };
  const char * const fields[] = { "name", "display_name" };
  char *stripped = g_strdup (text);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) people = list_entities (store, kinds[k]);

      for (guint i = 0; i < people->len; i++)
        {
          const char *name = ir_entity_get_string (people->pdata[i], fields[k]);
          g_auto(GStrv) parts = NULL;

          if (name == NULL)
            continue;
          parts = g_strsplit (stripped, name, -1);
          g_free (stripped);
          stripped = g_strjoinv ("", parts);
        }
    }

  return stripped;
}

static void
check_english (IrStore *store)
{
  g_autoptr(GPtrArray) tasks = list_entities (store, "task");
  g_autoptr(GPtrArray) stakeholders = list_entities (store, "stakeholder");
  g_autoptr(GPtrArray) rooms = list_entities (store, "room");
  g_autoptr(GPtrArray) drawings = list_entities (store, "drawing");
  g_autoptr(GPtrArray) interactions = list_entities (store, "interaction");

  g_assert_cmpstr (ir_entity_get_string (rooms->pdata[0], "name"), ==, "Valve deal");
  g_assert_nonnull (find_by (tasks, "name", "Drawing freeze"));
  g_assert_nonnull (find_by (tasks, "name", "Factory acceptance test (FAT)"));
  for (guint i = 0; i < tasks->len; i++)
    g_assert_false (has_han (ir_entity_get_string (tasks->pdata[i], "name")));
  for (guint i = 0; i < drawings->len; i++)
    g_assert_false (has_han (ir_entity_get_string (drawings->pdata[i], "title")));
  for (guint i = 0; i < interactions->len; i++)
    {
      g_autofree char *summary = strip_names (store, ir_entity_get_string (interactions->pdata[i],
                                                                           "summary"));

      g_assert_false (has_han (summary));
    }

  /* People keep their Chinese names; titles and departments translate. */
  g_assert_nonnull (find_by (stakeholders, "name", "王建军"));
  g_assert_nonnull (find_by (stakeholders, "department", "Equipment"));
  g_assert_nonnull (find_by (stakeholders, "title", "Head of Equipment"));
}

static void
test_demo_english (void)
{
  DemoRoom room = { 0 };

  demo_room_write (&room, "en_US");
  check_english (room.store);
  demo_room_clear (&room);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* What a reader sees of the plan, the map and the drawings, without ids. */
static char *
describe_room (IrStore *store)
{
  const char * const kinds[] = { "task", "stakeholder", "interaction", "markup", "risk" };
  const char * const fields[] = { "name", "title", "duration", "progress", "actual_start",
                                  "actual_finish", "committed", "stance", "date", "summary",
                                  "follow_up_due", "text", "status", "due" };
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) text = g_string_new (NULL);

  for (gsize k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) entities = list_entities (store, kinds[k]);

      for (guint i = 0; i < entities->len; i++)
        {
          g_autoptr(GString) line = g_string_new (kinds[k]);

          for (gsize f = 0; f < G_N_ELEMENTS (fields); f++)
            {
              JsonNode *value = ir_entity_has_field (entities->pdata[i], fields[f])
                                ? ir_entity_get_value (entities->pdata[i], fields[f]) : NULL;
              g_autofree char *json = value ? json_to_string (value, FALSE) : NULL;

              g_string_append_printf (line, "|%s", json ? json : "");
            }
          g_ptr_array_add (lines, g_string_free (g_steal_pointer (&line), FALSE));
        }
    }

  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) lines->pdata[i]);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_demo_deterministic (void)
{
  DemoRoom again = { 0 };
  g_autofree char *first = describe_room (get_store ());
  g_autofree char *second = NULL;

  demo_room_write (&again, "zh_CN");
  second = describe_room (again.store);
  g_assert_cmpstr (first, ==, second);
  demo_room_clear (&again);
}

static void
test_demo_refuses_room (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) memory = ir_store_new_memory (NULL, &error);
  g_autoptr(GDate) today = fixed_today ();

  g_assert_no_error (error);
  g_assert_false (ir_demo_write (memory, today, "zh_CN", &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* A second demo would make a second room in one database. */
  g_assert_false (ir_demo_write (get_store (), today, "zh_CN", &error));
  g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED);
  g_assert_cmpuint (count_visible (get_store (), "room"), ==, 1);
}

/* --- ironroom-tool demo -------------------------------------------------- */

static int
run_tool (const char * const  *args,
          char               **error_output)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) g_getenv ("IR_TOOL"));
  g_ptr_array_add (argv, (char *) "demo");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, error_output, &status, &error));
  g_assert_no_error (error);

  return g_spawn_check_wait_status (status, NULL) ? 0 : WEXITSTATUS (status);
}

static void
test_demo_tool (void)
{
  const char * const kinds[] = { "stakeholder", "link", "interaction", "task", "dependency",
                                 "drawing", "revision", "markup", "confirmation", "risk" };
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  IrStore *reference = get_store ();

  if (g_getenv ("IR_TOOL") == NULL)
    {
      g_test_skip ("IR_TOOL is not set; run through meson test");
      return;
    }

  folder = g_dir_make_tmp ("ironroom-test-demo-tool-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (folder, "room.db", NULL);

  g_assert_cmpint (run_tool ((const char *[]) { path, "--today", "2026-12-04", "--language", "en",
                                                NULL }, NULL), ==, 0);

  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    g_assert_cmpuint (count_visible (store, kinds[i]), ==, count_visible (reference, kinds[i]));
  check_english (store);
  g_clear_object (&store);

  /* An existing database is never overwritten. */
  g_assert_cmpint (run_tool ((const char *[]) { path, NULL }, &message), ==, 1);
  g_assert_nonnull (strstr (message, "already exists"));
  g_clear_pointer (&message, g_free);

  g_assert_cmpint (run_tool ((const char *[]) { "new.db", "--today", "2026-13-40", NULL },
                             &message), ==, 2);
  g_assert_nonnull (strstr (message, "2026-13-40"));

  remove_tree (folder);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/counts", test_demo_counts);
  g_test_add_func ("/demo/local-member", test_demo_local_member);
  g_test_add_func ("/demo/map", test_demo_map);
  g_test_add_func ("/demo/interactions", test_demo_interactions);
  g_test_add_func ("/demo/reports-to-acyclic", test_demo_reports_to_acyclic);
  g_test_add_func ("/demo/references", test_demo_references);
  g_test_add_func ("/demo/drawings", test_demo_drawings);
  g_test_add_func ("/demo/markup-geometry", test_demo_markup_geometry);
  g_test_add_func ("/demo/plan-slips", test_demo_plan_slips);
  g_test_add_func ("/demo/plan-dates", test_demo_plan_dates);
  g_test_add_func ("/demo/plan-every-day", test_demo_plan_every_day);
  g_test_add_func ("/demo/escalations", test_demo_escalations);
  g_test_add_func ("/demo/seals", test_demo_seals);
  g_test_add_func ("/demo/history", test_demo_history);
  g_test_add_func ("/demo/english", test_demo_english);
  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/demo/refuses-room", test_demo_refuses_room);
  g_test_add_func ("/demo/tool", test_demo_tool);

  status = g_test_run ();
  demo_room_clear (&chinese_room);

  return status;
}
