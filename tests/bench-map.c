/* bench-map.c: the decision map with 500 stakeholders and 1,000 links
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints medians of at least 7 runs against TARGETS.md. The automatic
 * layout is timed twice: the algorithm alone, and the auto-layout button's
 * whole work (reading the room, laying it out, writing the moved cards).
 * One frame of the canvas at full view is the time to build its snapshot,
 * rendering excluded. Needs a display; run it through tools/with-display.
 */
#define G_LOG_DOMAIN "ironroom-bench"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ir-map-layout.h"
#include "ir-map-model.h"
#include "ir-resources.h"
#include "map/ir-map-page.h"

#define N_PEOPLE     500
#define N_LINKS      1000
#define N_RUNS       9
#define N_FRAMES     25

#define ROOM_ID "5d1e2f3a-4b5c-4d6e-8f70-8192a3b4c5d6"

static const char * const departments[] = {
  "Procurement", "Equipment", "Production", "EHS", "Finance", "Quality", "IT", "Logistics",
};
static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic", "blocker" };

/* --- statistics ----------------------------------------------------------- */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
report (const char *what,
        double     *ms,
        guint       n,
        const char *target)
{
  qsort (ms, n, sizeof (double), compare_doubles);
  printf ("%-48s median %8.2f ms  (min %.2f, max %.2f, %u runs)  target %s\n",
          what, ms[n / 2], ms[0], ms[n - 1], n, target);
  fflush (stdout);
}

static double
elapsed_ms (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
iterate_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

/* --- the room ------------------------------------------------------------- */

static void
commit (IrStore *store,
        IrTx    *tx)
{
  g_autoptr(GError) error = NULL;

  if (!ir_store_commit (store, tx, &error))
    g_error ("Failed to write the room: %s", error->message);
}

/* Writes eight departments. Everyone but a department's head reports to an
 * earlier member of the department. The other links are influences and
 * conflicts across the room. */
static GPtrArray *
write_room (IrStore *store)
{
  GPtrArray *people = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (500);
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(GPtrArray) members = g_ptr_array_new_with_free_func (g_free);
  const char *roles[] = { "AR", "SR", "FR" };
  guint n_links = 0;

  for (guint m = 0; m < 3; m++)
    {
      char *member = ir_tx_create (tx, "member");
      g_autofree char *user = g_strdup_printf ("member%u", m);

      ir_tx_set_string (tx, "member", member, "user", user);
      ir_tx_set_string (tx, "member", member, "display_name", user);
      ir_tx_set_string (tx, "member", member, "role", roles[m]);
      ir_tx_set_boolean (tx, "member", member, "active", TRUE);
      g_ptr_array_add (members, member);
    }

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      char *eid = ir_tx_create (tx, "stakeholder");
      g_autofree char *name = g_strdup_printf ("Person %03u", i);
      guint d = i % G_N_ELEMENTS (departments);

      ir_tx_set_string (tx, "stakeholder", eid, "name", name);
      ir_tx_set_string (tx, "stakeholder", eid, "title", "Engineer");
      ir_tx_set_string (tx, "stakeholder", eid, "department", departments[d]);
      ir_tx_set_int (tx, "stakeholder", eid, "rank", 1 + i / 40);
      ir_tx_set_int (tx, "stakeholder", eid, "influence", g_rand_int_range (rand, 1, 6));
      ir_tx_set_string (tx, "stakeholder", eid, "stance",
                        stances[g_rand_int_range (rand, 0, G_N_ELEMENTS (stances))]);
      ir_tx_set_string (tx, "stakeholder", eid, "status", "active");
      if (i % 3 == 0)
        ir_tx_set_string (tx, "stakeholder", eid, "coverage_owner", members->pdata[i % 3]);
      g_ptr_array_add (people, eid);
    }
  commit (store, tx);
  ir_tx_free (g_steal_pointer (&tx));

  tx = ir_store_begin (store);
  for (guint i = G_N_ELEMENTS (departments); i < N_PEOPLE; i++)
    {
      guint d = i % G_N_ELEMENTS (departments);
      guint earlier = g_rand_int_range (rand, 0, i / G_N_ELEMENTS (departments)) *
                      G_N_ELEMENTS (departments) + d;
      g_autofree char *link = ir_tx_create (tx, "link");

      ir_tx_set_string (tx, "link", link, "source", people->pdata[i]);
      ir_tx_set_string (tx, "link", link, "target", people->pdata[earlier]);
      ir_tx_set_string (tx, "link", link, "kind", "reports_to");
      n_links++;
    }
  commit (store, tx);
  ir_tx_free (g_steal_pointer (&tx));

  tx = ir_store_begin (store);
  while (n_links < N_LINKS)
    {
      guint a = g_rand_int_range (rand, 0, N_PEOPLE);
      guint b = (a + g_rand_int_range (rand, 1, N_PEOPLE)) % N_PEOPLE;
      gboolean conflict = n_links % 5 == 0;
      g_autofree char *link = ir_tx_create (tx, "link");

      ir_tx_set_string (tx, "link", link, "source", people->pdata[a]);
      ir_tx_set_string (tx, "link", link, "target", people->pdata[b]);
      ir_tx_set_string (tx, "link", link, "kind", conflict ? "conflict" : "influences");
      if (!conflict)
        ir_tx_set_int (tx, "link", link, "strength", g_rand_int_range (rand, 1, 4));
      n_links++;
    }
  commit (store, tx);

  return people;
}

/* The layout's input as the store gives it, for timing the algorithm on
 * its own. */
static IrMapLayoutNode *
read_nodes (IrStore *store)
{
  g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");
  g_autoptr(IrEntityList) links = ir_store_list (store, "link");
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  IrMapLayoutNode *nodes = g_new0 (IrMapLayoutNode, N_PEOPLE);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, N_PEOPLE);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) person = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_hash_table_insert (index, (gpointer) g_intern_string (ir_entity_get_id (person)),
                           GUINT_TO_POINTER (i + 1));
      nodes[i].department = g_intern_string (ir_entity_get_string (person, "department"));
      nodes[i].name = g_intern_string (ir_entity_get_string (person, "name"));
      nodes[i].rank = ir_entity_get_int (person, "rank");
      nodes[i].manager = -1;
      nodes[i].width = IR_MAP_CARD_WIDTH;
      nodes[i].height = IR_MAP_CARD_HEIGHT;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (links));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(IrEntity) link = g_list_model_get_item (G_LIST_MODEL (links), i);
      guint source = GPOINTER_TO_UINT (g_hash_table_lookup (index, ir_entity_get_string (link, "source")));
      guint target = GPOINTER_TO_UINT (g_hash_table_lookup (index, ir_entity_get_string (link, "target")));

      if (g_strcmp0 (ir_entity_get_string (link, "kind"), "reports_to") == 0 && source && target)
        nodes[source - 1].manager = target - 1;
    }

  return nodes;
}

/* --- main ----------------------------------------------------------------- */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree IrMapLayoutNode *nodes = NULL;
  g_autofree IrMapLayoutNode *work = g_new0 (IrMapLayoutNode, N_PEOPLE);
  double layout[N_RUNS], arrange[N_RUNS], frames[N_FRAMES];
  GtkWidget *window, *page;
  IrMapCanvas *canvas;
  gint64 start;

  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  if (!gtk_init_check ())
    {
      printf ("bench-map: no display; run it through tools/with-display\n");
      return 0;
    }
  adw_init ();

  /* The app registers its resources when it starts; this program has no
   * app. */
  ir_register_resource ();

  store = ir_store_new_memory (NULL, &error);
  g_assert_no_error (error);
  ir_store_set_room_id (store, ROOM_ID, &error);
  g_assert_no_error (error);
  ir_store_set_actor (store, "member0", IR_ROLES_ANY);

  start = g_get_monotonic_time ();
  people = write_room (store);
  printf ("bench-map: wrote %d stakeholders and %d links in %.0f ms\n",
          N_PEOPLE, N_LINKS, elapsed_ms (start));

  /* The layout algorithm on its own. */
  nodes = read_nodes (store);
  for (guint run = 0; run < N_RUNS; run++)
    {
      memcpy (work, nodes, N_PEOPLE * sizeof (IrMapLayoutNode));
      start = g_get_monotonic_time ();
      ir_map_layout_run (work, N_PEOPLE);
      layout[run] = elapsed_ms (start);
    }
  report ("Map automatic layout (algorithm)", layout, N_RUNS, "≤ 100 ms");

  /* The button's whole work: read the room, lay it out, write the cards
   * that moved as one transaction, then undo it for the next run. */
  for (guint run = 0; run < N_RUNS; run++)
    {
      g_autofree char *message = NULL;
      guint moved = 0;

      start = g_get_monotonic_time ();
      if (!ir_map_auto_layout (store, &moved, &error))
        g_error ("Failed to arrange the map: %s", error->message);
      arrange[run] = elapsed_ms (start);
      g_assert_cmpuint (moved, ==, N_PEOPLE);
      if (!ir_store_undo (store, &message, &error))
        g_error ("Failed to undo the layout: %s", error->message);
    }
  report ("Map automatic layout (read, arrange, write)", arrange, N_RUNS, "≤ 100 ms");

  /* One frame of the canvas at full view: every card and link in sight. */
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1440, 900);
  page = g_object_new (IR_TYPE_MAP_PAGE, NULL);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  ir_map_page_set_store (IR_MAP_PAGE (page), store);
  iterate_for (500);

  canvas = ir_map_page_get_canvas (IR_MAP_PAGE (page));
  ir_map_canvas_zoom_to_fit (canvas);
  iterate_for (300);
  printf ("bench-map: canvas %d×%d px at %.0f %% zoom, %u cards%s\n",
          gtk_widget_get_width (GTK_WIDGET (canvas)), gtk_widget_get_height (GTK_WIDGET (canvas)),
          ir_map_canvas_get_zoom (canvas) * 100, ir_map_canvas_get_n_cards (canvas),
          ir_map_canvas_is_simplified (canvas) ? ", drawn simplified" : "");

  for (guint run = 0; run < N_FRAMES; run++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      start = g_get_monotonic_time ();
      GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      frames[run] = elapsed_ms (start);
      g_clear_pointer (&node, gsk_render_node_unref);
    }
  report ("Map canvas frame at full view (snapshot)", frames, N_FRAMES, "≤ 4 ms");

  /* For comparison, a frame at 100 % on the first department's head, where
   * the cards are widgets. */
  ir_map_canvas_set_zoom (canvas, 1.0);
  ir_map_canvas_select (canvas, people->pdata[0], TRUE);
  iterate_for (300);
  for (guint run = 0; run < N_FRAMES; run++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();
      GskRenderNode *node;

      start = g_get_monotonic_time ();
      GTK_WIDGET_GET_CLASS (canvas)->snapshot (GTK_WIDGET (canvas), snapshot);
      node = gtk_snapshot_free_to_node (snapshot);
      frames[run] = elapsed_ms (start);
      g_clear_pointer (&node, gsk_render_node_unref);
    }
  report ("Map canvas frame at 100 % (snapshot)", frames, N_FRAMES, "none; for comparison");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate_for (100);

  return 0;
}
