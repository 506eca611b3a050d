/* test-map-layout.c: the automatic layout of the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ir-map-layout.h"
#include "ir-map-model.h"
#include "ir-test-store-util.h"

/* --- helpers -------------------------------------------------------------- */

static IrMapLayoutNode
node (const char *department,
      const char *name,
      int         rank,
      int         manager)
{
  IrMapLayoutNode result = {
    .department = department,
    .name = name,
    .rank = rank,
    .manager = manager,
    .width = IR_MAP_CARD_WIDTH,
    .height = IR_MAP_CARD_HEIGHT,
  };

  return result;
}

static gboolean
overlap (const IrMapLayoutNode *a,
         const IrMapLayoutNode *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static void
assert_no_overlap (const IrMapLayoutNode *nodes,
                   guint                  n)
{
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (overlap (&nodes[i], &nodes[j]))
        g_error ("Cards %u (%s) and %u (%s) overlap at (%.0f, %.0f) and (%.0f, %.0f)",
                 i, nodes[i].name, j, nodes[j].name, nodes[i].x, nodes[i].y,
                 nodes[j].x, nodes[j].y);
}

typedef struct
{
  double left, top, right, bottom;
} Box;

static Box
box_of (const IrMapLayoutNode *nodes,
        guint                  n,
        const char            *department)
{
  Box box = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint i = 0; i < n; i++)
    {
      if (department != NULL && g_strcmp0 (nodes[i].department, department) != 0)
        continue;
      box.left = MIN (box.left, nodes[i].x);
      box.top = MIN (box.top, nodes[i].y);
      box.right = MAX (box.right, nodes[i].x + nodes[i].width);
      box.bottom = MAX (box.bottom, nodes[i].y + nodes[i].height);
    }

  return box;
}

/* A room of @n cards in @n_departments departments; every card but the
 * first of each department reports to an earlier one of its department. */
static IrMapLayoutNode *
make_room (guint    n,
           guint    n_departments,
           GRand   *rand,
           char  ***names)
{
  IrMapLayoutNode *nodes = g_new0 (IrMapLayoutNode, n);
  static const char * const departments[] = {
    "Procurement", "Equipment", "Production", "EHS", "Finance", "IT", "Quality", "Logistics",
  };

  *names = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      guint d = i % n_departments;
      int manager = i >= n_departments ? (int) (g_rand_int_range (rand, 0, i / n_departments) *
                                                n_departments + d) : -1;

      (*names)[i] = g_strdup_printf ("Person %04u", i);
      nodes[i] = node (departments[d % G_N_ELEMENTS (departments)], (*names)[i],
                       g_rand_int_range (rand, 0, 8), manager);
    }

  return nodes;
}

/* --- tests ---------------------------------------------------------------- */

static void
test_layout_follows_reporting_lines (void)
{
  IrMapLayoutNode nodes[] = {
    node ("Production", "Plant Director", 1, -1),
    node ("Production", "Shift Lead A", 3, 0),
    node ("Production", "Shift Lead B", 3, 0),
    node ("Production", "Operator", 5, 1),
  };

  ir_map_layout_run (nodes, G_N_ELEMENTS (nodes));
  assert_no_overlap (nodes, G_N_ELEMENTS (nodes));

  /* Managers sit above their reports, who share a row. */
  g_assert_cmpfloat (nodes[0].y + nodes[0].height, <, nodes[1].y);
  g_assert_cmpfloat (nodes[1].y, ==, nodes[2].y);
  g_assert_cmpfloat (nodes[1].y + nodes[1].height, <, nodes[3].y);

  /* The director is centred over the two leads. */
  g_assert_cmpfloat (fabs ((nodes[0].x + nodes[0].width / 2) -
                           ((nodes[1].x + nodes[2].x + nodes[2].width) / 2)), <, 1.0);

  /* The operator is under lead A, not lead B. */
  g_assert_cmpfloat (nodes[3].x, <, nodes[2].x);
}

static void
test_layout_groups_departments (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_auto(GStrv) names = NULL;
  g_autofree IrMapLayoutNode *nodes = make_room (60, 5, rand, &names);
  const char *departments[] = { "Procurement", "Equipment", "Production", "EHS", "Finance" };
  Box all;
  double aspect;

  ir_map_layout_run (nodes, 60);
  assert_no_overlap (nodes, 60);

  /* Departments are blocks that do not overlap. */
  for (guint a = 0; a < G_N_ELEMENTS (departments); a++)
    for (guint b = a + 1; b < G_N_ELEMENTS (departments); b++)
      {
        Box first = box_of (nodes, 60, departments[a]);
        Box second = box_of (nodes, 60, departments[b]);

        g_assert_false (first.left < second.right && second.left < first.right &&
                        first.top < second.bottom && second.top < first.bottom);
      }

  /* The whole is roughly the shape of a projector's screen. */
  all = box_of (nodes, 60, NULL);
  aspect = (all.right - all.left) / (all.bottom - all.top);
  g_assert_cmpfloat (aspect, >, 0.8);
  g_assert_cmpfloat (aspect, <, 3.5);
}

static void
test_layout_grid_of_reports (void)
{
  IrMapLayoutNode nodes[13];
  guint rows = 0;
  double last_y = -1;

  nodes[0] = node ("Equipment", "Head", 1, -1);
  for (guint i = 1; i < G_N_ELEMENTS (nodes); i++)
    {
      g_autofree char *name = g_strdup_printf ("Engineer %02u", i);

      nodes[i] = node ("Equipment", g_intern_string (name), 4, 0);
    }

  ir_map_layout_run (nodes, G_N_ELEMENTS (nodes));
  assert_no_overlap (nodes, G_N_ELEMENTS (nodes));

  for (guint i = 1; i < G_N_ELEMENTS (nodes); i++)
    {
      g_assert_cmpfloat (nodes[i].y, >, nodes[0].y + nodes[0].height);
      if (nodes[i].y != last_y)
        rows++;
      last_y = nodes[i].y;
    }

  /* Twelve reports wrap into rows instead of one long line. */
  g_assert_cmpuint (rows, >=, 2);
  g_assert_cmpfloat (box_of (nodes, G_N_ELEMENTS (nodes), NULL).right -
                     box_of (nodes, G_N_ELEMENTS (nodes), NULL).left,
                     <, 8 * IR_MAP_CARD_WIDTH);
}

static void
test_layout_keeps_fixed_cards (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_auto(GStrv) names = NULL;
  g_autofree IrMapLayoutNode *nodes = make_room (80, 4, rand, &names);

  /* Pin a few cards right where the arranged map would go. */
  for (guint i = 0; i < 80; i += 9)
    {
      nodes[i].fixed = TRUE;
      nodes[i].x = 100 + (i / 9) * 260;
      nodes[i].y = 150 + (i / 9 % 2) * 40;
    }

  ir_map_layout_run (nodes, 80);
  assert_no_overlap (nodes, 80);
  for (guint i = 0; i < 80; i += 9)
    {
      g_assert_cmpfloat (nodes[i].x, ==, 100 + (i / 9) * 260);
      g_assert_cmpfloat (nodes[i].y, ==, 150 + (i / 9 % 2) * 40);
    }
}

static void
test_layout_survives_cycles (void)
{
  IrMapLayoutNode nodes[] = {
    node ("Finance", "A", 1, 2),
    node ("Finance", "B", 2, 0),
    node ("Finance", "C", 3, 1),
    node ("Finance", "D", 4, 3),
  };

  ir_map_layout_run (nodes, G_N_ELEMENTS (nodes));
  assert_no_overlap (nodes, G_N_ELEMENTS (nodes));
  for (guint i = 0; i < G_N_ELEMENTS (nodes); i++)
    {
      g_assert_true (isfinite (nodes[i].x));
      g_assert_true (isfinite (nodes[i].y));
    }
}

static void
test_layout_is_deterministic (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_auto(GStrv) names = NULL;
  g_autofree IrMapLayoutNode *nodes = make_room (200, 6, rand, &names);
  g_autofree IrMapLayoutNode *reversed = g_new0 (IrMapLayoutNode, 200);

  /* The same cards in the opposite order land in the same places. */
  for (guint i = 0; i < 200; i++)
    {
      reversed[199 - i] = nodes[i];
      if (nodes[i].manager >= 0)
        reversed[199 - i].manager = 199 - nodes[i].manager;
    }

  ir_map_layout_run (nodes, 200);
  ir_map_layout_run (reversed, 200);
  assert_no_overlap (nodes, 200);
  for (guint i = 0; i < 200; i++)
    {
      g_assert_cmpfloat (nodes[i].x, ==, reversed[199 - i].x);
      g_assert_cmpfloat (nodes[i].y, ==, reversed[199 - i].y);
    }
}

static void
test_layout_large_room (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (500);
  g_auto(GStrv) names = NULL;
  g_autofree IrMapLayoutNode *nodes = make_room (500, 8, rand, &names);

  ir_map_layout_run (nodes, 500);
  assert_no_overlap (nodes, 500);
}

/* --- against the store ---------------------------------------------------- */

static char *
add_person (IrStore    *store,
            const char *name,
            const char *department,
            double      x,
            double      y)
{
  g_autoptr(GError) error = NULL;
  char *eid = ir_map_add_stakeholder (store, name, department, x, y, &error);

  g_assert_no_error (error);
  return eid;
}

static void
test_layout_store_place_new (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *boss = add_person (store, "Boss", "Production", 400, 300);
  g_autofree char *peer = add_person (store, "Peer", "Production", 700, 300);
  g_autofree char *report = add_person (store, "Report", "Production", NAN, NAN);
  g_autofree char *loner = add_person (store, "Loner", "Finance", NAN, NAN);
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GError) error = NULL;
  IrMapPosition *boss_at, *report_at, *loner_at, *peer_at;

  g_free (ir_map_add_link (store, report, boss, "reports_to", 0, &error));
  g_assert_no_error (error);

  positions = ir_map_layout_positions (store, IR_MAP_LAYOUT_PLACE_NEW);
  g_assert_cmpuint (g_hash_table_size (positions), ==, 4);
  boss_at = g_hash_table_lookup (positions, boss);
  peer_at = g_hash_table_lookup (positions, peer);
  report_at = g_hash_table_lookup (positions, report);
  loner_at = g_hash_table_lookup (positions, loner);

  g_assert_true (boss_at->stored);
  g_assert_cmpfloat (boss_at->x, ==, 400);
  g_assert_cmpfloat (peer_at->x, ==, 700);
  g_assert_false (report_at->stored);
  g_assert_false (loner_at->stored);

  /* The new report goes under the boss; the loner below everything. */
  g_assert_cmpfloat (report_at->y, >, boss_at->y + IR_MAP_CARD_HEIGHT);
  g_assert_cmpfloat (fabs (report_at->x - boss_at->x), <, 2 * IR_MAP_CARD_WIDTH);
  g_assert_cmpfloat (loner_at->y, >, boss_at->y + IR_MAP_CARD_HEIGHT);
  g_assert_false (fabs (loner_at->x - report_at->x) < IR_MAP_CARD_WIDTH &&
                  fabs (loner_at->y - report_at->y) < IR_MAP_CARD_HEIGHT);
}

static void
test_layout_store_auto_layout (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *boss = add_person (store, "Boss", "Production", NAN, NAN);
  g_autofree char *report = add_person (store, "Report", "Production", NAN, NAN);
  g_autofree char *pinned = add_person (store, "Pinned", "Finance", NAN, NAN);
  g_autoptr(IrEntity) boss_entity = ir_store_get_entity (store, "stakeholder", boss);
  g_autoptr(IrEntity) report_entity = ir_store_get_entity (store, "stakeholder", report);
  g_autoptr(IrEntity) pinned_entity = ir_store_get_entity (store, "stakeholder", pinned);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint moved = 0;

  g_free (ir_map_add_link (store, report, boss, "reports_to", 0, &error));
  g_assert_true (ir_map_move_card (store, pinned, -500, -500, &error));
  g_assert_no_error (error);

  g_assert_true (ir_map_auto_layout (store, &moved, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (moved, ==, 2);
  g_assert_true (ir_entity_has_field (boss_entity, "x"));
  g_assert_cmpfloat (ir_entity_get_double (boss_entity, "y"), <,
                     ir_entity_get_double (report_entity, "y"));
  g_assert_cmpfloat (ir_entity_get_double (pinned_entity, "x"), ==, -500);
  g_assert_false (ir_entity_get_boolean (boss_entity, "pinned"));

  /* Nothing to move the second time; undo takes the first run back. */
  g_assert_true (ir_map_auto_layout (store, &moved, &error));
  g_assert_cmpuint (moved, ==, 0);
  g_assert_true (ir_store_undo (store, &message, &error));
  g_assert_no_error (error);
  g_assert_false (ir_entity_has_field (boss_entity, "x"));
}

static void
test_layout_store_move_keeps_others (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *boss = add_person (store, "Boss", "Production", NAN, NAN);
  g_autofree char *first = add_person (store, "First", "Production", NAN, NAN);
  g_autofree char *second = add_person (store, "Second", "Production", NAN, NAN);
  g_autoptr(GHashTable) positions = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_free (ir_map_add_link (store, first, boss, "reports_to", 0, &error));
  g_free (ir_map_add_link (store, second, boss, "reports_to", 0, &error));
  g_assert_no_error (error);

  positions = ir_map_layout_positions (store, IR_MAP_LAYOUT_PLACE_NEW);
  g_hash_table_iter_init (&iter, positions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      IrMapShownPosition *at = g_new (IrMapShownPosition, 1);

      at->x = ((IrMapPosition *) value)->x;
      at->y = ((IrMapPosition *) value)->y;
      g_hash_table_insert (shown, key, at);
    }

  g_assert_true (ir_map_move_card_keeping (store, first, 2000, 2000, shown, &error));
  g_assert_no_error (error);

  /* The others are stored where they were shown, and stay unpinned. */
  for (guint i = 0; i < 2; i++)
    {
      const char *eid = i == 0 ? boss : second;
      g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", eid);
      IrMapPosition *before = g_hash_table_lookup (positions, eid);

      g_assert_cmpfloat (ir_entity_get_double (person, "x"), ==, round (before->x));
      g_assert_cmpfloat (ir_entity_get_double (person, "y"), ==, round (before->y));
      g_assert_false (ir_entity_get_boolean (person, "pinned"));
    }
  {
    g_autoptr(IrEntity) moved = ir_store_get_entity (store, "stakeholder", first);

    g_assert_cmpfloat (ir_entity_get_double (moved, "x"), ==, 2000);
    g_assert_true (ir_entity_get_boolean (moved, "pinned"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/map-layout/reporting-lines", test_layout_follows_reporting_lines);
  g_test_add_func ("/map-layout/departments", test_layout_groups_departments);
  g_test_add_func ("/map-layout/grid-of-reports", test_layout_grid_of_reports);
  g_test_add_func ("/map-layout/fixed-cards", test_layout_keeps_fixed_cards);
  g_test_add_func ("/map-layout/cycles", test_layout_survives_cycles);
  g_test_add_func ("/map-layout/deterministic", test_layout_is_deterministic);
  g_test_add_func ("/map-layout/large-room", test_layout_large_room);
  g_test_add_func ("/map-layout/store/place-new", test_layout_store_place_new);
  g_test_add_func ("/map-layout/store/auto-layout", test_layout_store_auto_layout);
  g_test_add_func ("/map-layout/store/move-keeps-others", test_layout_store_move_keeps_others);

  return g_test_run ();
}
