/* test-map-model.c: the decision map's rules, coverage, timeline and exports
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ir-map-coverage.h"
#include "ir-map-model.h"
#include "ir-map-render.h"
#include "ir-test-store-util.h"

#define TODAY "2026-06-30"

/* --- helpers -------------------------------------------------------------- */

static char *
add_member (IrStore    *store,
            const char *user,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrTx) tx = ir_store_begin (store);
  char *eid = ir_tx_create (tx, "member");

  ir_tx_set_string (tx, "member", eid, "user", user);
  ir_tx_set_string (tx, "member", eid, "display_name", user);
  ir_tx_set_string (tx, "member", eid, "role", role);
  ir_tx_set_boolean (tx, "member", eid, "active", TRUE);
  g_assert_true (ir_store_commit (store, tx, &error));
  g_assert_no_error (error);

  return eid;
}

static char *
add_person (IrStore    *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  char *eid = ir_map_add_stakeholder (store, name, "Production", NAN, NAN, &error);

  g_assert_no_error (error);
  g_assert_nonnull (eid);

  return eid;
}

static void
set_string (IrStore    *store,
            const char *eid,
            const char *field,
            const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_map_set_field (store, eid, field,
                                   value ? json_node_init_string (json_node_alloc (), value) : NULL,
                                   &error));
  g_assert_no_error (error);
}

static void
set_int (IrStore    *store,
         const char *eid,
         const char *field,
         gint64      value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_map_set_field (store, eid, field,
                                   json_node_init_int (json_node_alloc (), value), &error));
  g_assert_no_error (error);
}

static void
assert_field_refused (IrStore    *store,
                      const char *eid,
                      const char *field,
                      JsonNode   *value,
                      GQuark      domain,
                      int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ir_store_dump (store);
  g_autofree char *after = NULL;

  g_assert_false (ir_map_set_field (store, eid, field, value, &error));
  g_assert_error (error, domain, code);

  after = ir_store_dump (store);
  g_assert_cmpstr (before, ==, after);
}

/* Returns the field's value as an interned string, which outlives the
 * entity object. */
static const char *
get_string (IrStore    *store,
            const char *kind,
            const char *eid,
            const char *field)
{
  g_autoptr(IrEntity) entity = ir_store_get_entity (store, kind, eid);

  g_assert_nonnull (entity);
  return g_intern_string (ir_entity_get_string (entity, field));
}

static char *
add_interaction (IrStore    *store,
                 const char *date,
                 const char *channel,
                 const char *stakeholder,
                 const char *member,
                 const char *follow_up)
{
  g_autoptr(GError) error = NULL;
  const char *people[] = { stakeholder, NULL };
  const char *members[] = { member, NULL };
  IrMapInteraction interaction = {
    .date = date,
    .channel = channel,
    .summary = "Talked about the valve seats",
    .follow_up = follow_up,
    .stakeholders = people,
    .members = members,
  };
  char *eid = ir_map_add_interaction (store, &interaction, &error);

  g_assert_no_error (error);
  g_assert_nonnull (eid);

  return eid;
}

static guint
count_visible (IrStore    *store,
               const char *kind)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, kind);

  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* --- stakeholders --------------------------------------------------------- */

static void
test_map_add_stakeholder (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *placed = ir_map_add_stakeholder (store, "  王建国 ", " 生产部 ", 120.4, 80,
                                                    &error);
  g_autofree char *unplaced = add_person (store, "Liu Fang");
  g_autoptr(IrEntity) person = NULL;
  g_autoptr(IrEntity) other = NULL;
  char *refused;

  g_assert_no_error (error);
  person = ir_store_get_entity (store, "stakeholder", placed);
  g_assert_cmpstr (ir_entity_get_string (person, "name"), ==, "王建国");
  g_assert_cmpstr (ir_entity_get_string (person, "department"), ==, "生产部");
  g_assert_cmpstr (ir_entity_get_string (person, "stance"), ==, "neutral");
  g_assert_cmpint (ir_entity_get_int (person, "influence"), ==, 3);
  g_assert_cmpstr (ir_entity_get_string (person, "status"), ==, "active");
  g_assert_cmpstr (ir_entity_get_string (person, "buying_role"), ==, "none");
  g_assert_cmpfloat (ir_entity_get_double (person, "x"), ==, 120.4);
  g_assert_false (ir_entity_get_boolean (person, "pinned"));

  other = ir_store_get_entity (store, "stakeholder", unplaced);
  g_assert_false (ir_entity_has_field (other, "x"));
  g_assert_false (ir_entity_has_field (other, "y"));

  refused = ir_map_add_stakeholder (store, "   ", NULL, 0, 0, &error);
  g_assert_null (refused);
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_assert_cmpuint (count_visible (store, "stakeholder"), ==, 2);
}

static void
test_map_field_rules (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *person = add_person (store, "Wang Jianguo");
  g_autofree char *ar = add_member (store, "zhang.wei", "AR");
  g_autofree char *observer = add_member (store, "guest", "observer");
  g_autofree char *gone = add_member (store, "former", "SR");
  g_autoptr(GError) error = NULL;

  /* Text is trimmed; a name is required unless the card is a placeholder. */
  set_string (store, person, "title", "  Plant Director  ");
  g_assert_cmpstr (get_string (store, "stakeholder", person, "title"), ==, "Plant Director");
  assert_field_refused (store, person, "name", json_node_init_string (json_node_alloc (), " "),
                        IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  assert_field_refused (store, person, "name", NULL, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);

  g_assert_true (ir_map_set_field (store, person, "placeholder",
                                   json_node_init_boolean (json_node_alloc (), TRUE), &error));
  g_assert_no_error (error);
  set_string (store, person, "name", "");
  g_assert_null (get_string (store, "stakeholder", person, "name"));
  assert_field_refused (store, person, "placeholder",
                        json_node_init_boolean (json_node_alloc (), FALSE),
                        IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  set_string (store, person, "name", "Zhou Min");
  g_assert_true (ir_map_set_field (store, person, "placeholder",
                                   json_node_init_boolean (json_node_alloc (), FALSE), &error));
  g_assert_no_error (error);

  /* Limits of the schema still hold. */
  assert_field_refused (store, person, "influence", json_node_init_int (json_node_alloc (), 6),
                        IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  assert_field_refused (store, person, "influence", json_node_init_int (json_node_alloc (), 0),
                        IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  assert_field_refused (store, person, "rank", json_node_init_int (json_node_alloc (), 21),
                        IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  assert_field_refused (store, person, "stance",
                        json_node_init_string (json_node_alloc (), "hostile"),
                        IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  assert_field_refused (store, person, "buying_role",
                        json_node_init_string (json_node_alloc (), "boss"),
                        IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  set_int (store, person, "influence", 5);
  set_int (store, person, "rank", 1);
  set_string (store, person, "stance", "champion");
  set_string (store, person, "buying_role", "economic");

  /* A coverage owner is an active member who is not only observing. */
  set_string (store, person, "coverage_owner", ar);
  g_assert_cmpstr (get_string (store, "stakeholder", person, "coverage_owner"), ==, ar);
  assert_field_refused (store, person, "coverage_owner",
                        json_node_init_string (json_node_alloc (), observer),
                        IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  assert_field_refused (store, person, "coverage_owner",
                        json_node_init_string (json_node_alloc (), person),
                        IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_set_boolean (tx, "member", gone, "active", FALSE);
    g_assert_true (ir_store_commit (store, tx, &error));
    g_assert_no_error (error);
  }
  assert_field_refused (store, person, "coverage_owner",
                        json_node_init_string (json_node_alloc (), gone),
                        IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  set_string (store, person, "coverage_owner", NULL);
  g_assert_null (get_string (store, "stakeholder", person, "coverage_owner"));
}

static void
test_map_move_and_unpin (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *first = add_person (store, "A");
  g_autofree char *second = add_person (store, "B");
  g_autoptr(GError) error = NULL;
  g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", first);
  guint n = 99;

  g_assert_true (ir_map_move_card (store, first, 10.4, 20.6, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (ir_entity_get_double (person, "x"), ==, 10);
  g_assert_cmpfloat (ir_entity_get_double (person, "y"), ==, 21);
  g_assert_true (ir_entity_get_boolean (person, "pinned"));

  g_assert_true (ir_map_unpin_all (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);
  g_assert_false (ir_entity_get_boolean (person, "pinned"));

  g_assert_true (ir_map_unpin_all (store, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (ir_store_can_undo (store));

  g_assert_false (ir_map_move_card (store, "00000000-0000-4000-8000-000000000000", 0, 0, &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  (void) second;
}

/* --- successors ----------------------------------------------------------- */

static void
test_map_successor_rules (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *leaving = add_person (store, "Sun Lei");
  g_autofree char *next = add_person (store, "Zhao Qiang");
  g_autofree char *also_left = add_person (store, "Chen Hao");
  g_autofree char *deleted = add_person (store, "Deleted Person");
  g_autoptr(GError) error = NULL;

  g_assert_false (ir_map_check_successor (store, leaving, leaving, &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ir_map_check_successor (store, leaving, "6f1c2a52-0000-4000-8000-000000000001",
                                          &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (ir_map_mark_left (store, also_left, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ir_map_check_successor (store, leaving, also_left, &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_clear_error (&error);

  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_delete (tx, "stakeholder", deleted);
    g_assert_true (ir_store_commit (store, tx, &error));
  }
  g_assert_false (ir_map_check_successor (store, leaving, deleted, &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The same rule guards the field itself. */
  assert_field_refused (store, leaving, "successor",
                        json_node_init_string (json_node_alloc (), leaving),
                        IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  set_string (store, leaving, "successor", next);
  g_assert_cmpstr (get_string (store, "stakeholder", leaving, "successor"), ==, next);

  /* Coming back clears the successor. */
  set_string (store, leaving, "status", "active");
  g_assert_null (get_string (store, "stakeholder", leaving, "successor"));
}

static void
test_map_mark_left_follow_ups (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *member = add_member (store, "zhang.wei", "AR");
  g_autofree char *leaving = add_person (store, "Sun Lei");
  g_autofree char *next = add_person (store, "Zhao Qiang");
  g_autofree char *other = add_person (store, "Liu Fang");
  g_autofree char *own = add_interaction (store, "2026-06-01", "meeting", leaving, member,
                                          "Send the price list");
  g_autofree char *done = add_interaction (store, "2026-06-02", "call", leaving, member,
                                           "Confirm the seat material");
  g_autofree char *others = add_interaction (store, "2026-06-03", "email", other, member,
                                             "Book the factory visit");
  g_autofree char *no_follow_up = add_interaction (store, "2026-06-04", "wechat", leaving,
                                                   member, NULL);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint carried = 0;

  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_set_boolean (tx, "interaction", done, "follow_up_done", TRUE);
    g_assert_true (ir_store_commit (store, tx, &error));
  }

  open = ir_map_list_open_follow_ups (store, leaving);
  g_assert_cmpuint (open->len, ==, 1);
  g_assert_cmpstr (open->pdata[0], ==, own);

  g_assert_true (ir_map_mark_left (store, leaving, next, &carried, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (carried, ==, 1);
  g_assert_cmpstr (get_string (store, "stakeholder", leaving, "status"), ==, "left");
  g_assert_cmpstr (get_string (store, "stakeholder", leaving, "successor"), ==, next);
  g_assert_cmpstr (get_string (store, "interaction", own, "follow_up_stakeholder"), ==, next);
  g_assert_cmpstr (get_string (store, "interaction", done, "follow_up_stakeholder"), ==, leaving);
  g_assert_cmpstr (get_string (store, "interaction", others, "follow_up_stakeholder"), ==, other);
  g_assert_null (get_string (store, "interaction", no_follow_up, "follow_up_stakeholder"));

  /* The whole step is one transaction. */
  g_assert_true (ir_store_undo (store, &message, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (get_string (store, "stakeholder", leaving, "status"), ==, "active");
  g_assert_cmpstr (get_string (store, "interaction", own, "follow_up_stakeholder"), ==, leaving);

  /* A refused successor changes nothing. */
  g_assert_false (ir_map_mark_left (store, leaving, leaving, &carried, &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_assert_cmpuint (carried, ==, 0);
  g_assert_cmpstr (get_string (store, "stakeholder", leaving, "status"), ==, "active");
}

/* --- concerns and interactions -------------------------------------------- */

static void
test_map_concern_rules (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *person = add_person (store, "Liu Fang");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = ir_map_add_concern (store, person, " Price ", &error);
  g_autofree char *second = ir_map_add_concern (store, person, "交货期", &error);
  g_autoptr(IrEntityList) concerns = NULL;
  char *refused;

  g_assert_no_error (error);
  g_assert_cmpstr (get_string (store, "concern", first, "tag"), ==, "Price");
  g_assert_cmpstr (get_string (store, "concern", first, "position"), <,
                   get_string (store, "concern", second, "position"));

  refused = ir_map_add_concern (store, person, "price", &error);
  g_assert_null (refused);
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_DUPLICATE);
  g_clear_error (&error);

  refused = ir_map_add_concern (store, person, "  ", &error);
  g_assert_null (refused);
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_clear_error (&error);

  refused = ir_map_add_concern (store, person, "a tag far longer than forty characters in all",
                                &error);
  g_assert_null (refused);
  g_assert_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);

  concerns = ir_store_list_children (store, "concern", "stakeholder", person);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (concerns)), ==, 2);
}

static void
test_map_interaction_rules (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *member = add_member (store, "zhang.wei", "AR");
  g_autofree char *person = add_person (store, "Chen Hao");
  g_autoptr(GError) error = NULL;
  const char *people[] = { person, NULL };
  const char *nobody[] = { NULL };
  const char *strangers[] = { "6f1c2a52-0000-4000-8000-000000000002", NULL };
  IrMapInteraction interaction = { .date = "2026-02-30", .stakeholders = people };
  g_autofree char *eid = NULL;
  char *refused;

  refused = ir_map_add_interaction (store, &interaction, &error);
  g_assert_null (refused);
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_clear_error (&error);

  interaction.date = "2026-02-28";
  interaction.stakeholders = nobody;
  refused = ir_map_add_interaction (store, &interaction, &error);
  g_assert_null (refused);
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  g_clear_error (&error);

  interaction.stakeholders = people;
  interaction.members = strangers;
  refused = ir_map_add_interaction (store, &interaction, &error);
  g_assert_null (refused);
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  g_clear_error (&error);

  interaction.channel = "fax";
  interaction.members = NULL;
  refused = ir_map_add_interaction (store, &interaction, &error);
  g_assert_null (refused);
  g_assert_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  eid = add_interaction (store, "2026-02-28", "site_visit", person, member, "Send drawings");
  g_assert_cmpstr (get_string (store, "interaction", eid, "channel"), ==, "site_visit");
  g_assert_cmpstr (get_string (store, "interaction", eid, "follow_up_stakeholder"), ==, person);
  g_assert_cmpuint (count_visible (store, "interaction_participant"), ==, 2);
}

/* --- links ---------------------------------------------------------------- */

static char *
add_link (IrStore    *store,
          const char *source,
          const char *target,
          const char *kind)
{
  g_autoptr(GError) error = NULL;
  char *eid = ir_map_add_link (store, source, target, kind, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (eid);

  return eid;
}

static void
assert_link_refused (IrStore    *store,
                     const char *source,
                     const char *target,
                     const char *kind,
                     GQuark      domain,
                     int         code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = ir_store_dump (store);
  g_autofree char *after = NULL;
  char *eid = ir_map_add_link (store, source, target, kind, 0, &error);

  g_assert_null (eid);
  g_assert_error (error, domain, code);
  after = ir_store_dump (store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_map_link_rules (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *boss = add_person (store, "Wang Jianguo");
  g_autofree char *manager = add_person (store, "Chen Hao");
  g_autofree char *worker = add_person (store, "Zhao Qiang");
  g_autofree char *outsider = add_person (store, "Sun Lei");
  g_autofree char *up = add_link (store, manager, boss, "reports_to");
  g_autofree char *down = add_link (store, worker, manager, "reports_to");
  g_autofree char *influence = add_link (store, outsider, boss, "influences");
  g_autofree char *back = add_link (store, boss, outsider, "influences");
  g_autofree char *conflict = add_link (store, worker, outsider, "conflict");
  g_autofree char *line = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(IrEntity) link = ir_store_get_entity (store, "link", influence);

    g_assert_cmpint (ir_entity_get_int (link, "strength"), ==, IR_MAP_DEFAULT_STRENGTH);
  }

  assert_link_refused (store, boss, boss, "influences", IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  assert_link_refused (store, outsider, boss, "influences", IR_MAP_ERROR, IR_MAP_ERROR_DUPLICATE);
  assert_link_refused (store, outsider, worker, "conflict", IR_MAP_ERROR, IR_MAP_ERROR_DUPLICATE);
  assert_link_refused (store, manager, outsider, "reports_to", IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  assert_link_refused (store, boss, worker, "reports_to", IR_STORE_ERROR, IR_STORE_ERROR_CYCLE);
  assert_link_refused (store, boss, worker, "likes", IR_MAP_ERROR, IR_MAP_ERROR_INVALID);
  assert_link_refused (store, boss, "6f1c2a52-0000-4000-8000-000000000003", "influences",
                       IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);

  /* Changing the reporting line replaces it in one step. */
  line = ir_map_set_manager (store, worker, boss, &error);
  g_assert_no_error (error);
  g_assert_nonnull (line);
  g_assert_cmpstr (line, !=, down);
  {
    g_autofree char *found = ir_map_find_manager_link (store, worker);

    g_assert_cmpstr (found, ==, line);
  }
  {
    g_autoptr(IrEntity) old = ir_store_get_entity (store, "link", down);

    g_assert_false (ir_entity_is_visible (old));
  }

  /* Into a cycle is refused, and nothing changes. */
  {
    g_autofree char *before = ir_store_dump (store);
    g_autofree char *after = NULL;
    char *refused = ir_map_set_manager (store, boss, manager, &error);

    g_assert_null (refused);
    g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CYCLE);
    g_clear_error (&error);
    after = ir_store_dump (store);
    g_assert_cmpstr (before, ==, after);
  }

  g_assert_null (ir_map_set_manager (store, worker, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ir_map_find_manager_link (store, worker));

  /* A link to someone deleted is refused. */
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);

    ir_tx_delete (tx, "stakeholder", outsider);
    g_assert_true (ir_store_commit (store, tx, &error));
  }
  assert_link_refused (store, worker, outsider, "influences", IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
  (void) up;
  (void) back;
  (void) conflict;
}

/* --- relationships -------------------------------------------------------- */

static void
test_map_relationship_levels (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *ar = add_member (store, "zhang.wei", "AR");
  g_autofree char *sr = add_member (store, "li.wei", "SR");
  g_autofree char *person = add_person (store, "Wang Jianguo");
  g_autofree char *id = ir_map_relationship_id (person, ar);
  g_autofree char *again = ir_map_relationship_id (person, ar);
  g_autofree char *swapped = ir_map_relationship_id (ar, person);
  g_autofree char *other = ir_map_relationship_id (person, sr);
  g_autoptr(GError) error = NULL;

  g_assert_true (g_uuid_string_is_valid (id));
  g_assert_cmpstr (id, ==, again);
  g_assert_cmpstr (id, !=, swapped);
  g_assert_cmpstr (id, !=, other);

  g_assert_cmpstr (ir_map_get_relationship (store, person, ar), ==, "none");
  g_assert_true (ir_map_set_relationship (store, person, ar, "met", &error));
  g_assert_no_error (error);
  g_assert_true (ir_map_set_relationship (store, person, ar, "trusted", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ir_map_get_relationship (store, person, ar), ==, "trusted");
  g_assert_cmpstr (ir_map_get_relationship (store, person, sr), ==, "none");
  g_assert_cmpuint (count_visible (store, "relationship"), ==, 1);

  g_assert_false (ir_map_set_relationship (store, person, ar, "friends", &error));
  g_assert_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (ir_map_set_relationship (store, person, person, "met", &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_NOT_FOUND);
}

/* Copies every op @from has not pushed into @to, as the server would. */
static void
send_unpushed (IrStore *from,
               IrStore *to,
               guint    skip)
{
  g_autoptr(GPtrArray) ops = ir_store_get_unpushed (from, 100000);
  g_autoptr(GPtrArray) tail = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  for (guint i = skip; i < ops->len; i++)
    g_ptr_array_add (tail, ops->pdata[i]);

  g_assert_true (ir_store_apply_remote (to, tail, &error));
  g_assert_no_error (error);
}

static void
test_map_relationship_merge (void)
{
  g_autoptr(IrStore) a = ir_test_store_new ();
  g_autoptr(IrStore) b = ir_test_store_new ();
  g_autofree char *ar = add_member (a, "zhang.wei", "AR");
  g_autofree char *person = add_person (a, "Wang Jianguo");
  g_autoptr(GError) error = NULL;
  guint base;

  send_unpushed (a, b, 0);
  base = ir_store_count_unpushed (a);

  ir_store_set_actor (a, "zhang.wei", IR_ROLES_ANY);
  ir_store_set_actor (b, "li.wei", IR_ROLES_ANY);
  g_assert_true (ir_map_set_relationship (a, person, ar, "met", &error));
  g_assert_true (ir_map_set_relationship (b, person, ar, "trusted", &error));
  g_assert_no_error (error);

  send_unpushed (a, b, base);
  send_unpushed (b, a, 0);

  /* Both replicas wrote to one entity and agree on its level. */
  g_assert_cmpuint (count_visible (a, "relationship"), ==, 1);
  g_assert_cmpuint (count_visible (b, "relationship"), ==, 1);
  g_assert_cmpstr (ir_map_get_relationship (a, person, ar), ==,
                   ir_map_get_relationship (b, person, ar));

  /* The loser is a conflict of the level only; the equal ids are not. */
  {
    g_autofree char *eid = ir_map_relationship_id (person, ar);
    g_autoptr(GPtrArray) level = ir_map_get_conflicts (a, eid, "level");
    g_autoptr(GPtrArray) member = ir_map_get_conflicts (a, eid, "member");
    IrMapConflict *conflict;

    g_assert_cmpuint (level->len, ==, 1);
    g_assert_cmpuint (member->len, ==, 0);
    conflict = level->pdata[0];
    g_assert_cmpstr (json_node_get_string (conflict->value), !=,
                     ir_map_get_relationship (a, person, ar));
  }
}

/* --- timeline ------------------------------------------------------------- */

static void
test_map_timeline (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *person = add_person (store, "Liu Fang");
  g_autoptr(GPtrArray) timeline = NULL;
  IrMapTimelineEntry *entry;

  set_string (store, person, "stance", "skeptic");
  set_string (store, person, "title", "Procurement Manager");
  set_int (store, person, "influence", 4);
  set_string (store, person, "stance", "supporter");

  timeline = ir_map_get_timeline (store, person);
  g_assert_cmpuint (timeline->len, ==, 5);

  entry = timeline->pdata[0];
  g_assert_cmpstr (entry->field, ==, "stance");
  g_assert_cmpstr (entry->value, ==, "neutral");
  g_assert_null (entry->previous);
  g_assert_cmpstr (entry->actor, ==, g_get_user_name ());
  g_assert_cmpint (entry->time, >, 0);

  entry = timeline->pdata[1];
  g_assert_cmpstr (entry->field, ==, "influence");
  g_assert_cmpstr (entry->value, ==, "3");

  entry = timeline->pdata[2];
  g_assert_cmpstr (entry->field, ==, "stance");
  g_assert_cmpstr (entry->value, ==, "skeptic");
  g_assert_cmpstr (entry->previous, ==, "neutral");

  entry = timeline->pdata[3];
  g_assert_cmpstr (entry->field, ==, "influence");
  g_assert_cmpstr (entry->value, ==, "4");
  g_assert_cmpstr (entry->previous, ==, "3");

  entry = timeline->pdata[4];
  g_assert_cmpstr (entry->value, ==, "supporter");
  g_assert_cmpstr (entry->previous, ==, "skeptic");
  g_assert_cmpint (entry->time, >=, ((IrMapTimelineEntry *) timeline->pdata[0])->time);
}

/* --- coverage ------------------------------------------------------------- */

static void
test_map_coverage (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *ar = add_member (store, "zhang.wei", "AR");
  g_autofree char *sr = add_member (store, "li.wei", "SR");
  g_autofree char *fr = add_member (store, "zhao.min", "FR");
  g_autofree char *exec = add_member (store, "boss", "executive");
  g_autofree char *buyer = add_person (store, "Sun Lei");
  g_autofree char *blocker = add_person (store, "Liu Fang");
  g_autofree char *fresh = add_person (store, "Chen Hao");
  g_autofree char *gone = add_person (store, "Zhou Min");
  g_autoptr(IrMapCoverage) coverage = NULL;
  const IrMapCoverageRow *row;
  g_autoptr(GError) error = NULL;

  set_string (store, buyer, "buying_role", "economic");
  set_string (store, blocker, "stance", "blocker");
  set_string (store, blocker, "coverage_owner", sr);
  set_string (store, gone, "buying_role", "economic");
  set_string (store, gone, "stance", "blocker");
  g_assert_true (ir_map_mark_left (store, gone, NULL, NULL, &error));
  g_assert_true (ir_map_set_relationship (store, fresh, fr, "trusted", &error));
  g_assert_no_error (error);

  g_free (add_interaction (store, "2026-05-20", "meeting", blocker, sr, NULL));  /* 41 days */
  g_free (add_interaction (store, "2026-06-25", "email", blocker, ar, NULL));    /* not met */
  g_free (add_interaction (store, "2026-06-20", "call", fresh, fr, NULL));
  g_free (add_interaction (store, "2026-07-15", "meeting", buyer, ar, NULL));    /* planned */

  coverage = ir_map_coverage_compute (store, TODAY);
  g_assert_cmpstr (coverage->today, ==, TODAY);
  g_assert_cmpint (coverage->stale_days, ==, IR_MAP_DEFAULT_STALE_DAYS);
  g_assert_cmpuint (coverage->members->len, ==, 3);
  g_assert_cmpstr (coverage->members->pdata[0], ==, ar);
  g_assert_cmpstr (coverage->members->pdata[1], ==, sr);
  g_assert_cmpstr (coverage->members->pdata[2], ==, fr);
  g_assert_cmpint (ir_map_coverage_member_index (coverage, exec), ==, -1);
  g_assert_cmpuint (coverage->rows->len, ==, 4);

  row = ir_map_coverage_lookup (coverage, buyer);
  g_assert_false (row->covered);
  g_assert_null (row->last_contact);
  g_assert_cmpint (row->days_since_contact, ==, -1);
  g_assert_true (row->stale);

  row = ir_map_coverage_lookup (coverage, blocker);
  g_assert_true (row->covered);
  g_assert_cmpstr (row->last_contact, ==, "2026-06-25");
  g_assert_cmpint (row->days_since_contact, ==, 5);
  g_assert_false (row->stale);
  g_assert_cmpstr (row->last_met, ==, "2026-05-20");
  g_assert_cmpint (row->days_since_met, ==, 41);
  g_assert_cmpstr (row->member_last_contact[0], ==, "2026-06-25");
  g_assert_cmpstr (row->member_last_contact[1], ==, "2026-05-20");
  g_assert_null (row->member_last_contact[2]);

  row = ir_map_coverage_lookup (coverage, fresh);
  g_assert_cmpstr (row->levels[2], ==, "trusted");
  g_assert_cmpstr (row->levels[0], ==, "none");
  g_assert_cmpint (row->days_since_contact, ==, 10);
  g_assert_false (row->stale);

  row = ir_map_coverage_lookup (coverage, gone);
  g_assert_true (row->left);
  g_assert_false (row->stale);

  /* An uncovered economic buyer, and a blocker met 41 days ago; the one who
   * left raises nothing. */
  g_assert_cmpuint (coverage->warnings->len, ==, 2);
  {
    IrMapWarning *first = coverage->warnings->pdata[0];
    IrMapWarning *second = coverage->warnings->pdata[1];
    IrMapWarning *uncovered = first->kind == IR_MAP_WARNING_UNCOVERED_ECONOMIC_BUYER ? first : second;
    IrMapWarning *not_met = first == uncovered ? second : first;

    g_assert_cmpint (uncovered->kind, ==, IR_MAP_WARNING_UNCOVERED_ECONOMIC_BUYER);
    g_assert_cmpstr (uncovered->stakeholder, ==, buyer);
    g_assert_cmpint (not_met->kind, ==, IR_MAP_WARNING_BLOCKER_NOT_MET);
    g_assert_cmpstr (not_met->stakeholder, ==, blocker);
    g_assert_cmpint (not_met->days, ==, 41);
  }
  g_clear_pointer (&coverage, ir_map_coverage_free);

  /* A call counts as meeting; a shorter threshold makes contacts stale. */
  g_free (add_interaction (store, "2026-06-10", "call", blocker, sr, NULL));
  set_string (store, buyer, "coverage_owner", ar);
  g_assert_true (ir_map_set_stale_days (store, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ir_map_get_stale_days (store), ==, 3);
  g_assert_false (ir_map_set_stale_days (store, 0, &error));
  g_assert_error (error, IR_MAP_ERROR, IR_MAP_ERROR_INVALID);

  coverage = ir_map_coverage_compute (store, TODAY);
  g_assert_cmpint (coverage->stale_days, ==, 3);
  g_assert_cmpuint (coverage->warnings->len, ==, 0);
  g_assert_true (ir_map_coverage_lookup (coverage, blocker)->stale);
  g_assert_true (ir_map_coverage_lookup (coverage, fresh)->stale);
}

static void
test_map_filter (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *eid = add_person (store, "Wang Jianguo");
  g_autoptr(IrEntity) person = NULL;
  g_autoptr(IrMapFilter) filter = ir_map_filter_new ();

  set_string (store, eid, "title", "Plant Director");
  set_string (store, eid, "stance", "champion");
  set_string (store, eid, "buying_role", "economic");
  person = ir_store_get_entity (store, "stakeholder", eid);

  g_assert_true (ir_map_filter_is_empty (filter));
  g_assert_true (ir_map_filter_matches (filter, person, FALSE, FALSE));

  filter->text = g_strdup ("DIRECTOR");
  g_assert_false (ir_map_filter_is_empty (filter));
  g_assert_true (ir_map_filter_matches (filter, person, FALSE, FALSE));
  g_free (filter->text);
  filter->text = g_strdup ("finance");
  g_assert_false (ir_map_filter_matches (filter, person, FALSE, FALSE));
  g_clear_pointer (&filter->text, g_free);

  filter->department = g_strdup ("Production");
  filter->stance = g_strdup ("champion");
  filter->buying_role = g_strdup ("economic");
  g_assert_true (ir_map_filter_matches (filter, person, FALSE, FALSE));
  g_free (filter->stance);
  filter->stance = g_strdup ("blocker");
  g_assert_false (ir_map_filter_matches (filter, person, FALSE, FALSE));
  g_clear_pointer (&filter->stance, g_free);

  filter->coverage = IR_MAP_COVERAGE_UNCOVERED;
  g_assert_true (ir_map_filter_matches (filter, person, FALSE, FALSE));
  g_assert_false (ir_map_filter_matches (filter, person, TRUE, FALSE));
  filter->coverage = IR_MAP_COVERAGE_COVERED;
  g_assert_true (ir_map_filter_matches (filter, person, TRUE, FALSE));
  filter->coverage = IR_MAP_COVERAGE_STALE;
  g_assert_false (ir_map_filter_matches (filter, person, TRUE, FALSE));
  g_assert_true (ir_map_filter_matches (filter, person, TRUE, TRUE));
}

/* --- exports -------------------------------------------------------------- */

static void
assert_file_starts_with (const char *path,
                         const char *magic,
                         gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_nonnull (g_strstr_len (contents, MIN (length, 4096), magic));
  g_assert_true (offset > 0 || memcmp (contents, magic, strlen (magic)) == 0);
}

static void
test_map_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("ironroom-map-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "room.db", NULL);
  g_autofree char *png = g_build_filename (dir, "map.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "map.pdf", NULL);
  g_autofree char *tool_png = g_build_filename (dir, "tool.png", NULL);
  g_autoptr(GError) error = NULL;
  IrStore *store = ir_store_open (db, NULL, &error);
  IrMapExportFormat format;

  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, TEST_ROOM, &error));
  {
    g_autofree char *boss = add_person (store, "王建国");
    g_autofree char *worker = add_person (store, "Zhao Qiang");

    g_free (add_link (store, worker, boss, "reports_to"));
    g_free (add_link (store, boss, worker, "conflict"));
  }

  g_assert_true (ir_map_export (store, IR_MAP_EXPORT_PNG, png, &error));
  g_assert_no_error (error);
  assert_file_starts_with (png, "\x89PNG", 0);
  g_assert_true (ir_map_export (store, IR_MAP_EXPORT_SVG, svg, &error));
  assert_file_starts_with (svg, "<svg", 1);
  g_assert_true (ir_map_export (store, IR_MAP_EXPORT_PDF, pdf, &error));
  assert_file_starts_with (pdf, "%PDF", 0);

  g_assert_false (ir_map_export (store, IR_MAP_EXPORT_PNG, "/nonexistent/folder/map.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "/nonexistent/folder/map.png"));

  g_assert_true (ir_map_export_format_from_name ("PDF", &format));
  g_assert_cmpint (format, ==, IR_MAP_EXPORT_PDF);
  g_assert_false (ir_map_export_format_from_name ("jpeg", &format));
  ir_store_close (store);
  g_object_unref (store);

  /* The same from the command line. */
  if (g_getenv ("IR_TOOL") != NULL)
    {
      const char *ok_argv[] = { g_getenv ("IR_TOOL"), "map", db, "--png", tool_png, NULL };
      const char *bad_argv[] = { g_getenv ("IR_TOOL"), "map", db, "--gif", tool_png, NULL };
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) ok_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_true (g_spawn_check_wait_status (status, &error));
      assert_file_starts_with (tool_png, "\x89PNG", 0);

      g_assert_true (g_spawn_sync (NULL, (char **) bad_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, &error));
      g_assert_false (g_spawn_check_wait_status (status, NULL));
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map/stakeholder/add", test_map_add_stakeholder);
  g_test_add_func ("/map/stakeholder/field-rules", test_map_field_rules);
  g_test_add_func ("/map/stakeholder/move-and-unpin", test_map_move_and_unpin);
  g_test_add_func ("/map/successor/rules", test_map_successor_rules);
  g_test_add_func ("/map/successor/carries-follow-ups", test_map_mark_left_follow_ups);
  g_test_add_func ("/map/concern/rules", test_map_concern_rules);
  g_test_add_func ("/map/interaction/rules", test_map_interaction_rules);
  g_test_add_func ("/map/link/rules", test_map_link_rules);
  g_test_add_func ("/map/relationship/levels", test_map_relationship_levels);
  g_test_add_func ("/map/relationship/merge", test_map_relationship_merge);
  g_test_add_func ("/map/timeline/stance-and-influence", test_map_timeline);
  g_test_add_func ("/map/coverage/stale-and-warnings", test_map_coverage);
  g_test_add_func ("/map/filter/matches", test_map_filter);
  g_test_add_func ("/map/export/files", test_map_export);

  return g_test_run ();
}
