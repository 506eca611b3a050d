/* bench-store.c: applying operations in batches
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Prints operations per second for 100,000 operations applied as remote
 * batches of 1,000 into a file-backed store, and as local transactions, with
 * the database size. Target: at least 100,000 operations per second.
 */
#include <glib/gstdio.h>
#include <stdio.h>

#include "ir-test-store-util.h"

#define N_OPS 100000
#define BATCH 1000
#define RUNS 7

static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic", "blocker" };

/* Transactions of 5 ops each: two in three create a stakeholder, the rest
 * edit an earlier one, as a busy room's history would. */
static GPtrArray *
make_ops (void)
{
  GPtrArray *ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GPtrArray) eids = g_ptr_array_new_with_free_func (g_free);
  GRand *rand = g_rand_new_with_seed (7);
  guint64 counter = 0;

  for (guint tx = 0; ops->len < N_OPS; tx++)
    {
      gboolean create = eids->len == 0 || tx % 3 != 2;
      char *eid = create ? g_uuid_string_random ()
                         : g_strdup (eids->pdata[g_rand_int_range (rand, 0, eids->len)]);
      guint64 tx_counter = counter + 1;
      const char *fields[] = { "name", "title", "department", "influence", "stance" };

      for (int f = 0; f < 5; f++)
        {
          g_autofree char *value = NULL;

          if (f == 3)
            value = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 6));
          else if (f == 4)
            value = g_strdup_printf ("\"%s\"", stances[g_rand_int_range (rand, 0, 5)]);
          else
            value = g_strdup_printf ("\"%s %u\"", fields[f], tx);

          counter++;
          g_ptr_array_add (ops, ir_test_op_new ("bench", counter, "bench", tx_counter,
                                                "stakeholder", eid, fields[f], value,
                                                (gint64) counter << 16, (gint64) counter,
                                                (gint64) counter - 1));
        }

      if (create)
        g_ptr_array_add (eids, eid);
      else
        g_free (eid);
    }

  g_rand_free (rand);
  return ops;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

static double
run_remote (GPtrArray *ops,
            gint64    *db_bytes)
{
  g_autofree char *dir = g_dir_make_tmp ("ironroom-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "room.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  IrStore *store = ir_store_open (path, NULL, &error);
  g_autoptr(GPtrArray) batch = g_ptr_array_new ();
  gint64 start, elapsed;

  g_assert_no_error (error);
  ir_store_set_room_id (store, TEST_ROOM, NULL);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < ops->len; i += BATCH)
    {
      g_ptr_array_set_size (batch, 0);
      for (guint j = i; j < MIN (i + BATCH, ops->len); j++)
        g_ptr_array_add (batch, ops->pdata[j]);
      if (!ir_store_apply_remote (store, batch, &error))
        g_error ("Benchmark batch failed: %s", error->message);
    }
  elapsed = g_get_monotonic_time () - start;

  g_object_unref (store);
  *db_bytes = file_size (path) + file_size (wal);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (dir);

  return N_OPS / (elapsed / 1e6);
}

static double
run_local (void)
{
  g_autoptr(IrStore) store = ir_test_store_new ();
  g_autoptr(GError) error = NULL;
  gint64 start, elapsed;
  guint n = 0;

  start = g_get_monotonic_time ();
  while (n < N_OPS / 10)
    {
      g_autoptr(IrTx) tx = ir_store_begin (store);
      g_autofree char *eid = ir_tx_create (tx, "stakeholder");

      ir_tx_set_string (tx, "stakeholder", eid, "name", "张三");
      ir_tx_set_string (tx, "stakeholder", eid, "title", "采购经理");
      ir_tx_set_string (tx, "stakeholder", eid, "department", "采购部");
      ir_tx_set_int (tx, "stakeholder", eid, "influence", 3);
      ir_tx_set_string (tx, "stakeholder", eid, "stance", "neutral");
      if (!ir_store_commit (store, tx, &error))
        g_error ("Benchmark commit failed: %s", error->message);
      n += 5;
    }
  elapsed = g_get_monotonic_time () - start;

  return n / (elapsed / 1e6);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) ops = make_ops ();
  double remote[RUNS], local[RUNS];
  gint64 db_bytes = 0;

  for (int i = 0; i < RUNS; i++)
    {
      remote[i] = run_remote (ops, &db_bytes);
      local[i] = run_local ();
    }

  qsort (remote, RUNS, sizeof (double), compare_doubles);
  qsort (local, RUNS, sizeof (double), compare_doubles);

  printf ("store: apply %d ops in remote batches of %d: median %.0f ops/s "
          "(min %.0f, max %.0f) — target ≥ 100000 ops/s\n",
          N_OPS, BATCH, remote[RUNS / 2], remote[0], remote[RUNS - 1]);
  printf ("store: database size after %d ops: %.1f MB (%.0f bytes per op)\n",
          N_OPS, db_bytes / 1048576.0, (double) db_bytes / N_OPS);
  printf ("store: local transactions of 5 ops, each checked and committed: "
          "median %.0f ops/s\n", local[RUNS / 2]);

  return 0;
}
