/* test-store-merge.c: replicas that apply the same operations in any order
 * end in the same state
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <string.h>

#include "ir-hlc.h"
#include "ir-test-store-util.h"

#define N_CLIENTS 4
#define N_ENTITIES 6
#define N_TXS 60
#define N_ORDERS 50

static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic", "blocker" };

typedef struct
{
  GPtrArray *txs;     /* GPtrArray of IrOp*, one per transaction */
  char      *eids[N_ENTITIES];
} History;

static void
history_free (History *history)
{
  g_ptr_array_unref (history->txs);
  for (int i = 0; i < N_ENTITIES; i++)
    g_free (history->eids[i]);
  g_free (history);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (History, history_free)

static char *
json_string (const char *text)
{
  return g_strdup_printf ("\"%s\"", text);
}

/* Makes a history as a server would have sequenced it: transactions of
 * several clients, each written after its author pulled some random prefix
 * of the log, with clocks that run ahead and behind. */
static History *
make_history (GRand *rand)
{
  History *history = g_new0 (History, 1);
  IrHlc clocks[N_CLIENTS] = { 0 };
  gint64 skew[N_CLIENTS] = { 0, 3600000, -86400000LL * 365, 250 };
  guint64 counters[N_CLIENTS] = { 0 };
  gint64 pulled[N_CLIENTS] = { 0 };
  GPtrArray *hlc_by_seq = g_ptr_array_new ();
  gint64 seq = 0;
  gint64 wall = 1780000000000;

  history->txs = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (int i = 0; i < N_ENTITIES; i++)
    history->eids[i] = g_uuid_string_random ();

  for (int t = 0; t < N_TXS + N_ENTITIES; t++)
    {
      GPtrArray *tx = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
      int client = (t < N_ENTITIES) ? 0 : g_rand_int_range (rand, 0, N_CLIENTS);
      g_autofree char *client_name = g_strdup_printf ("client%d", client);
      guint64 tx_counter = counters[client] + 1;
      int n_ops = (t < N_ENTITIES) ? 3 : g_rand_int_range (rand, 1, 4);
      gint64 seen;

      wall += g_rand_int_range (rand, 1, 5000);

      /* The author pulled up to some point between what it had and now. */
      seen = pulled[client] + g_rand_int_range (rand, 0, (int) (seq - pulled[client]) + 1);
      if (t < N_ENTITIES)
        seen = seq;
      for (gint64 s = pulled[client]; s < seen; s++)
        ir_hlc_observe (&clocks[client], GPOINTER_TO_SIZE (hlc_by_seq->pdata[s]) , wall + skew[client]);
      pulled[client] = seen;

      for (int o = 0; o < n_ops; o++)
        {
          int e = (t < N_ENTITIES) ? t : g_rand_int_range (rand, 0, N_ENTITIES);
          const char *field;
          g_autofree char *value = NULL;
          int choice = g_rand_int_range (rand, 0, 10);
          gint64 hlc;

          if (t < N_ENTITIES)
            {
              field = (o == 0) ? "name" : (o == 1) ? "stance" : "influence";
              value = (o == 0) ? g_strdup_printf ("\"person %d\"", e)
                    : (o == 1) ? json_string ("neutral") : g_strdup ("3");
            }
          else if (choice < 4)
            {
              field = "stance";
              value = json_string (stances[g_rand_int_range (rand, 0, 5)]);
            }
          else if (choice < 7)
            {
              field = "influence";
              value = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 6));
            }
          else if (choice < 9)
            {
              field = "title";
              value = g_strdup_printf ("\"title %d\"", g_rand_int_range (rand, 0, 100));
            }
          else
            {
              field = "deleted";
              value = g_strdup (g_rand_boolean (rand) ? "true" : "false");
            }

          counters[client]++;
          hlc = ir_hlc_now (&clocks[client], wall + skew[client]);
          /* Now and then two clients stamp the very same clock value, so
           * that ties are broken by client id. */
          if (t >= N_ENTITIES && g_rand_int_range (rand, 0, 8) == 0 && hlc_by_seq->len > 0)
            hlc = GPOINTER_TO_SIZE (hlc_by_seq->pdata[hlc_by_seq->len - 1]);

          g_ptr_array_add (tx, ir_test_op_new (client_name, counters[client],
                                               client_name, tx_counter, "stakeholder",
                                               history->eids[e], field, value, hlc,
                                               seq + 1 + o, seen));
        }

      for (guint o = 0; o < tx->len; o++)
        g_ptr_array_add (hlc_by_seq, GSIZE_TO_POINTER (((IrOp *) tx->pdata[o])->hlc));
      seq += tx->len;
      g_ptr_array_add (history->txs, tx);
    }

  g_ptr_array_unref (hlc_by_seq);
  return history;
}

static char *
apply_in_order (History *history,
                GRand   *rand,
                gboolean shuffle,
                gboolean twice)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(GPtrArray) order = g_ptr_array_new ();

  for (guint i = 0; i < history->txs->len; i++)
    g_ptr_array_add (order, history->txs->pdata[i]);

  if (shuffle)
    for (guint i = order->len - 1; i > 0; i--)
      {
        guint j = g_rand_int_range (rand, 0, i + 1);
        gpointer tmp = order->pdata[i];

        order->pdata[i] = order->pdata[j];
        order->pdata[j] = tmp;
      }

  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (ir_store_apply_remote (store, order->pdata[i], &error));
      g_assert_no_error (error);
    }

  /* Applying every op a second time changes nothing. */
  if (twice)
    {
      g_autofree char *before = ir_store_dump (store);
      g_autofree char *after = NULL;

      for (guint i = 0; i < order->len; i++)
        {
          GPtrArray *tx = order->pdata[i];

          for (guint o = 0; o < tx->len; o++)
            {
              g_autoptr(GError) error = NULL;

              g_assert_true (ir_test_apply_one (store, tx->pdata[o], &error));
              g_assert_no_error (error);
            }
        }
      after = ir_store_dump (store);
      g_assert_cmpstr (before, ==, after);
    }

  return ir_store_dump (store);
}

static void
test_merge_random_orders (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261204);

  for (int round = 0; round < 3; round++)
    {
      g_autoptr(History) history = make_history (rand);
      g_autofree char *reference = apply_in_order (history, rand, FALSE, TRUE);

      g_assert_nonnull (strstr (reference, "field "));
      if (g_getenv ("IR_TEST_SHOW_DUMP"))
        g_printerr ("%s\n", reference);
      for (int i = 0; i < N_ORDERS; i++)
        {
          g_autofree char *dump = apply_in_order (history, rand, TRUE, i == 0);

          g_assert_cmpstr (dump, ==, reference);
        }
    }
}

/* --- single cases -------------------------------------------------------- */

typedef struct
{
  IrStore *a;
  IrStore *b;
  char    *eid;
} Pair;

/* Two replicas that both applied the creation of one stakeholder at
 * server sequence 1..3. */
static void
pair_setup (Pair *pair)
{
  g_autoptr(GPtrArray) create = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GError) error = NULL;

  pair->eid = g_uuid_string_random ();
  g_ptr_array_add (create, ir_test_op_new ("creator", 1, "creator", 1, "stakeholder", pair->eid,
                                           "name", "\"刘洋\"", 1000, 1, 0));
  g_ptr_array_add (create, ir_test_op_new ("creator", 2, "creator", 1, "stakeholder", pair->eid,
                                           "stance", "\"neutral\"", 1001, 2, 0));
  g_ptr_array_add (create, ir_test_op_new ("creator", 3, "creator", 1, "stakeholder", pair->eid,
                                           "influence", "3", 1002, 3, 0));

  pair->a = ir_test_store_new ();
  pair->b = ir_test_store_new ();
  g_assert_true (ir_store_apply_remote (pair->a, create, &error));
  g_assert_true (ir_store_apply_remote (pair->b, create, &error));
  g_assert_no_error (error);
}

static void
pair_teardown (Pair *pair)
{
  g_clear_object (&pair->a);
  g_clear_object (&pair->b);
  g_free (pair->eid);
}

/* Applies @first then @second to replica a, and the other way round to b,
 * and checks that both end the same. */
static void
pair_apply_crossed (Pair *pair,
                    IrOp *first,
                    IrOp *second)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_a = NULL;
  g_autofree char *dump_b = NULL;

  g_assert_true (ir_test_apply_one (pair->a, first, &error));
  g_assert_true (ir_test_apply_one (pair->a, second, &error));
  g_assert_true (ir_test_apply_one (pair->b, second, &error));
  g_assert_true (ir_test_apply_one (pair->b, first, &error));
  g_assert_no_error (error);

  dump_a = ir_store_dump (pair->a);
  dump_b = ir_store_dump (pair->b);
  g_assert_cmpstr (dump_a, ==, dump_b);
}

static void
test_merge_concurrent_conflict (void)
{
  Pair pair;
  g_autoptr(IrOp) x = NULL;
  g_autoptr(IrOp) y = NULL;

  pair_setup (&pair);

  /* Both had seen the creation (sequence 3), neither the other's write. */
  x = ir_test_op_new ("alice", 1, "alice", 1, "stakeholder", pair.eid, "stance", "\"champion\"",
                      2000, 4, 3);
  y = ir_test_op_new ("bob", 1, "bob", 1, "stakeholder", pair.eid, "stance", "\"blocker\"",
                      2500, 5, 3);
  pair_apply_crossed (&pair, x, y);

  for (int r = 0; r < 2; r++)
    {
      IrStore *store = r ? pair.b : pair.a;
      g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", pair.eid);
      g_autoptr(GPtrArray) conflicts = ir_store_get_conflicts (store, pair.eid, "stance");

      g_assert_cmpstr (ir_entity_get_string (entity, "stance"), ==, "blocker");
      g_assert_true (ir_entity_has_conflict (entity, "stance"));
      g_assert_cmpuint (conflicts->len, ==, 1);
      g_assert_cmpstr (json_node_get_string (((IrOp *) conflicts->pdata[0])->value), ==, "champion");
      g_assert_cmpstr (((IrOp *) conflicts->pdata[0])->actor, ==, "alice");
      g_assert_false (ir_entity_has_conflict (entity, "name"));
    }

  pair_teardown (&pair);
}

static void
test_merge_same_value_no_conflict (void)
{
  Pair pair;
  g_autoptr(IrOp) x = NULL;
  g_autoptr(IrOp) y = NULL;

  pair_setup (&pair);

  /* Two replicas derive the same write at once, as two evaluations of one
   * escalation do: they agree, so nothing is shown as a conflict. */
  x = ir_test_op_new ("alice", 1, "alice", 1, "stakeholder", pair.eid, "stance", "\"skeptic\"",
                      2000, 4, 3);
  y = ir_test_op_new ("bob", 1, "bob", 1, "stakeholder", pair.eid, "stance", "\"skeptic\"",
                      2500, 5, 3);
  pair_apply_crossed (&pair, x, y);

  for (int r = 0; r < 2; r++)
    {
      IrStore *store = r ? pair.b : pair.a;
      g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", pair.eid);
      g_autoptr(GPtrArray) conflicts = ir_store_get_conflicts (store, pair.eid, "stance");

      g_assert_cmpstr (ir_entity_get_string (entity, "stance"), ==, "skeptic");
      g_assert_false (ir_entity_has_conflict (entity, "stance"));
      g_assert_cmpuint (conflicts->len, ==, 0);
    }

  pair_teardown (&pair);
}

static void
test_merge_seen_write_no_conflict (void)
{
  Pair pair;
  g_autoptr(IrOp) x = NULL;
  g_autoptr(IrOp) y = NULL;

  pair_setup (&pair);

  /* Bob had pulled Alice's write (sequence 4) before writing his own. */
  x = ir_test_op_new ("alice", 1, "alice", 1, "stakeholder", pair.eid, "stance", "\"champion\"",
                      2000, 4, 3);
  y = ir_test_op_new ("bob", 1, "bob", 1, "stakeholder", pair.eid, "stance", "\"skeptic\"",
                      2500, 5, 4);
  pair_apply_crossed (&pair, x, y);

  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (pair.a, "stakeholder", pair.eid);

    g_assert_cmpstr (ir_entity_get_string (entity, "stance"), ==, "skeptic");
    g_assert_false (ir_entity_has_conflict (entity, "stance"));
  }

  pair_teardown (&pair);
}

static void
test_merge_delete_and_unseen_edit (void)
{
  Pair pair;
  g_autoptr(IrOp) del = NULL;
  g_autoptr(IrOp) edit = NULL;

  pair_setup (&pair);

  /* Alice deletes; Bob, offline, edits with a later clock but without
   * having seen the delete. */
  del = ir_test_op_new ("alice", 1, "alice", 1, "stakeholder", pair.eid, "deleted", "true",
                        3000, 4, 3);
  edit = ir_test_op_new ("bob", 1, "bob", 1, "stakeholder", pair.eid, "title", "\"副总\"",
                         2000, 5, 3);
  pair_apply_crossed (&pair, del, edit);

  for (int r = 0; r < 2; r++)
    {
      IrStore *store = r ? pair.b : pair.a;
      g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", pair.eid);
      g_autoptr(IrEntityList) list = ir_store_list (store, "stakeholder");
      g_autoptr(GPtrArray) trash = ir_store_get_trash (store);

      g_assert_true (ir_entity_is_visible (entity));
      g_assert_true (ir_entity_is_restored (entity));
      g_assert_cmpstr (ir_entity_get_deleted_by (entity), ==, "alice");
      g_assert_cmpstr (ir_entity_get_string (entity, "title"), ==, "副总");
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
      g_assert_cmpuint (trash->len, ==, 0);
    }

  pair_teardown (&pair);
}

static void
test_merge_delete_after_seen_edit (void)
{
  Pair pair;
  g_autoptr(IrOp) edit = NULL;
  g_autoptr(IrOp) del = NULL;

  pair_setup (&pair);

  /* Alice deleted after pulling Bob's edit: the delete stands. */
  edit = ir_test_op_new ("bob", 1, "bob", 1, "stakeholder", pair.eid, "title", "\"副总\"",
                         2000, 4, 3);
  del = ir_test_op_new ("alice", 1, "alice", 1, "stakeholder", pair.eid, "deleted", "true",
                        3000, 5, 4);
  pair_apply_crossed (&pair, edit, del);

  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (pair.a, "stakeholder", pair.eid);
    g_autoptr(GPtrArray) trash = ir_store_get_trash (pair.a);

    g_assert_false (ir_entity_is_visible (entity));
    g_assert_true (ir_entity_is_deleted (entity));
    g_assert_cmpuint (trash->len, ==, 1);
  }

  pair_teardown (&pair);
}

static void
test_merge_clock_tie_and_skew (void)
{
  Pair pair;
  g_autoptr(IrOp) x = NULL;
  g_autoptr(IrOp) y = NULL;
  g_autoptr(IrOp) z = NULL;
  g_autoptr(GError) error = NULL;
  const char *winner;

  pair_setup (&pair);

  /* Same clock: the higher client id wins, everywhere. */
  x = ir_test_op_new ("alice", 1, "alice", 1, "stakeholder", pair.eid, "title", "\"A\"", 5000, 4, 3);
  y = ir_test_op_new ("bob", 1, "bob", 1, "stakeholder", pair.eid, "title", "\"B\"", 5000, 5, 3);
  pair_apply_crossed (&pair, x, y);
  winner = strcmp (x->id, y->id) > 0 ? "A" : "B";
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (pair.a, "stakeholder", pair.eid);

    g_assert_cmpstr (ir_entity_get_string (entity, "title"), ==, winner);
  }

  /* A replica whose wall clock runs a year behind writes after pulling
   * both: its hybrid clock moved past theirs, so its write wins and no
   * write is lost. */
  {
    IrStore *late = pair.a;
    g_autoptr(IrTx) tx = NULL;

    ir_store_set_seen_seq (late, 5);
    ir_store_set_clock_source (late, NULL, NULL);
    tx = ir_store_begin (late);
    ir_tx_set_string (tx, "stakeholder", pair.eid, "title", "C");
    g_assert_true (ir_store_commit (late, tx, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (pair.a, "stakeholder", pair.eid);

    g_assert_cmpstr (ir_entity_get_string (entity, "title"), ==, "C");
    g_assert_false (ir_entity_has_conflict (entity, "title"));
  }

  /* An op clocked far in the future still applies, and a later local write
   * that had seen it still wins over it. */
  z = ir_test_op_new ("carol", 1, "carol", 1, "stakeholder", pair.eid, "influence", "5",
                      ir_hlc_make (ir_hlc_wall_ms () + 86400000LL * 400, 0), 7, 5);
  g_assert_true (ir_test_apply_one (pair.a, z, &error));
  ir_store_set_seen_seq (pair.a, 7);
  {
    g_autoptr(IrTx) tx = ir_store_begin (pair.a);

    ir_tx_set_int (tx, "stakeholder", pair.eid, "influence", 2);
    g_assert_true (ir_store_commit (pair.a, tx, &error));
  }
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (pair.a, "stakeholder", pair.eid);

    g_assert_cmpint (ir_entity_get_int (entity, "influence"), ==, 2);
  }

  pair_teardown (&pair);
}

static GPtrArray *
make_link_tx (const char *client,
              const char *source,
              const char *target,
              const char *kind,
              gint64      hlc,
              gint64      seq)
{
  GPtrArray *tx = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autofree char *link = g_uuid_string_random ();
  g_autofree char *source_json = g_strdup_printf ("\"%s\"", source);
  g_autofree char *target_json = g_strdup_printf ("\"%s\"", target);
  g_autofree char *kind_json = g_strdup_printf ("\"%s\"", kind);

  g_ptr_array_add (tx, ir_test_op_new (client, 1, client, 1, "link", link, "source",
                                       source_json, hlc, seq, 2));
  g_ptr_array_add (tx, ir_test_op_new (client, 2, client, 1, "link", link, "target",
                                       target_json, hlc + 1, seq + 1, 2));
  g_ptr_array_add (tx, ir_test_op_new (client, 3, client, 1, "link", link, "kind",
                                       kind_json, hlc + 2, seq + 2, 2));
  return tx;
}

static void
test_merge_offline_cycle (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autofree char *a = g_uuid_string_random ();
  g_autofree char *b = g_uuid_string_random ();
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GPtrArray) ab = NULL;
  g_autoptr(GPtrArray) ba = NULL;
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *a_json = g_strdup ("\"A\"");

  g_ptr_array_add (people, ir_test_op_new ("creator", 1, "creator", 1, "stakeholder", a,
                                           "name", "\"A\"", 100, 1, 0));
  g_ptr_array_add (people, ir_test_op_new ("creator", 2, "creator", 1, "stakeholder", b,
                                           "name", "\"B\"", 101, 2, 0));
  g_assert_true (ir_store_apply_remote (store, people, &error));

  /* Offline, Alice says A reports to B and Bob says B reports to A. */
  ab = make_link_tx ("alice", a, b, "reports_to", 1000, 3);
  ba = make_link_tx ("bob", b, a, "reports_to", 1000, 6);
  g_assert_true (ir_store_apply_remote (store, ab, &error));
  g_assert_true (ir_store_apply_remote (store, ba, &error));
  g_assert_no_error (error);

  cycles = ir_store_find_cycles (store, "link", "source", "target", "kind", "reports_to");
  g_assert_cmpuint (cycles->len, ==, 1);
  g_assert_cmpuint (((GPtrArray *) cycles->pdata[0])->len, ==, 3);

  /* Reading the room still works, and a local edit elsewhere is not
   * blocked by the merged cycle it did not touch. */
  {
    g_autoptr(IrEntityList) list = ir_store_list (store, "link");
    g_autoptr(IrTx) tx = ir_store_begin (store);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
    ir_tx_set_string (tx, "stakeholder", a, "title", "经理");
    g_assert_true (ir_store_commit (store, tx, &error));
    g_assert_no_error (error);
  }
}

static void
test_merge_dependency_cycle (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autofree char *t1 = g_uuid_string_random ();
  g_autofree char *t2 = g_uuid_string_random ();
  g_autofree char *d1 = g_uuid_string_random ();
  g_autofree char *d2 = g_uuid_string_random ();
  g_autofree char *j1 = g_strdup_printf ("\"%s\"", t1);
  g_autofree char *j2 = g_strdup_printf ("\"%s\"", t2);
  g_autoptr(GPtrArray) cycles = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (tasks, ir_test_op_new ("c", 1, "c", 1, "task", t1, "name", "\"设计\"", 10, 1, 0));
  g_ptr_array_add (tasks, ir_test_op_new ("c", 2, "c", 1, "task", t2, "name", "\"制造\"", 11, 2, 0));
  g_ptr_array_add (tasks, ir_test_op_new ("a", 1, "a", 1, "dependency", d1, "predecessor", j1, 20, 3, 2));
  g_ptr_array_add (tasks, ir_test_op_new ("a", 2, "a", 1, "dependency", d1, "successor", j2, 21, 4, 2));
  g_ptr_array_add (tasks, ir_test_op_new ("b", 1, "b", 1, "dependency", d2, "predecessor", j2, 20, 5, 2));
  g_ptr_array_add (tasks, ir_test_op_new ("b", 2, "b", 1, "dependency", d2, "successor", j1, 21, 6, 2));
  g_assert_true (ir_store_apply_remote (store, tasks, &error));
  g_assert_no_error (error);

  cycles = ir_store_find_cycles (store, "dependency", "predecessor", "successor", NULL, NULL);
  g_assert_cmpuint (cycles->len, ==, 1);

  /* A local edit that adds to a cycle is refused. */
  {
    g_autoptr(IrTx) tx = ir_store_begin (store);
    g_autofree char *d3 = ir_tx_create (tx, "dependency");

    ir_tx_set_string (tx, "dependency", d3, "predecessor", t1);
    ir_tx_set_string (tx, "dependency", d3, "successor", t2);
    g_assert_false (ir_store_commit (store, tx, &error));
    g_assert_error (error, IR_STORE_ERROR, IR_STORE_ERROR_CYCLE);
  }
}

static void
test_merge_newer_schema_waits (void)
{
  static const IrFieldSpec extra_fields[] = {
    { .name = "budget", .type = IR_VALUE_INT, .since = 2 },
  };
  static const IrEntitySpec extra[] = {
    { .name = "stakeholder", .fields = extra_fields, .n_fields = 1,
      .writers = IR_ROLES_MEMBERS, .since = 2 },
  };
  g_autofree char *dir = g_dir_make_tmp ("ironroom-schema-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "room.db", NULL);
  g_autofree char *eid = g_uuid_string_random ();
  g_autoptr(IrSchema) newer = ir_schema_new_extended (ir_schema_get_default (), 2, extra, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IrOp) create = NULL;
  g_autoptr(IrOp) budget = NULL;
  IrStore *store;

  store = ir_store_open (path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_store_set_room_id (store, TEST_ROOM, &error));

  create = ir_test_op_new ("x", 1, "x", 1, "stakeholder", eid, "name", "\"马\"", 10, 1, 0);
  budget = ir_test_op_new ("y", 1, "y", 1, "stakeholder", eid, "budget", "1200000", 20, 2, 1);
  budget->schema = 2;
  g_assert_true (ir_test_apply_one (store, create, &error));
  g_assert_true (ir_test_apply_one (store, budget, &error));
  g_assert_no_error (error);

  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", eid);
    g_autofree char *dump = ir_store_dump (store);

    g_assert_false (ir_entity_has_field (entity, "budget"));
    g_assert_null (strstr (dump, "budget"));
  }

  /* The op is kept, and exported with the room. */
  {
    g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
    g_autofree char *text = NULL;

    g_assert_true (ir_store_export (store, out, &error));
    g_output_stream_close (out, NULL, NULL);
    text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                      g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
    g_assert_nonnull (strstr (text, "\"budget\""));
  }
  g_object_unref (store);

  /* After the upgrade the waiting op applies. */
  store = ir_store_open (path, newer, &error);
  g_assert_no_error (error);
  {
    g_autoptr(IrEntity) entity = ir_store_get_entity (store, "stakeholder", eid);

    g_assert_cmpint (ir_entity_get_int (entity, "budget"), ==, 1200000);
    g_assert_cmpstr (ir_entity_get_string (entity, "name"), ==, "马");
  }
  g_object_unref (store);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/merge/random-orders", test_merge_random_orders);
  g_test_add_func ("/merge/concurrent-conflict", test_merge_concurrent_conflict);
  g_test_add_func ("/merge/seen-write-no-conflict", test_merge_seen_write_no_conflict);
  g_test_add_func ("/merge/same-value-no-conflict", test_merge_same_value_no_conflict);
  g_test_add_func ("/merge/delete-and-unseen-edit", test_merge_delete_and_unseen_edit);
  g_test_add_func ("/merge/delete-after-seen-edit", test_merge_delete_after_seen_edit);
  g_test_add_func ("/merge/clock-tie-and-skew", test_merge_clock_tie_and_skew);
  g_test_add_func ("/merge/offline-cycle", test_merge_offline_cycle);
  g_test_add_func ("/merge/dependency-cycle", test_merge_dependency_cycle);
  g_test_add_func ("/merge/newer-schema-waits", test_merge_newer_schema_waits);

  return g_test_run ();
}
