/* test-review-report.c: the review report as PDF, from the app's core and
 * from ironroom-tool review, read back with pdftotext
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "ir-demo.h"
#include "ir-review.h"

/* The day the demo room is generated and reviewed. */
#define DEMO_YEAR  2026
#define DEMO_MONTH 3
#define DEMO_DAY   16

typedef struct
{
  char    *dir;
  char    *db;
  IrStore *store;
} Fixture;

/* --- helpers -------------------------------------------------------------- */

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) today = g_date_new_dmy (DEMO_DAY, DEMO_MONTH, DEMO_YEAR);

  fixture->dir = g_dir_make_tmp ("ironroom-review-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db = g_build_filename (fixture->dir, "room.db", NULL);
  fixture->store = ir_store_open (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ir_demo_write (fixture->store, today, "en_US", &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->db);
}

static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (poppler-utils)", name);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (err != NULL && err[0] != '\0')
    g_test_message ("%s: %s", argv[0], err);
  *status = g_spawn_check_wait_status (wait_status, NULL) ? 0
            : WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;

  return out;
}

/* Returns the text of each page of @pdf. */
static GStrv
read_pages (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = NULL;
  int status;

  text = run (argv, &status);
  g_assert_cmpint (status, ==, 0);

  return g_strsplit (text, "\f", -1);
}

static char *
first_line (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (lines[i][0] != '\0')
        return g_strdup (lines[i]);
    }

  return g_strdup ("");
}

static gboolean
pages_contain (GStrv       pages,
               const char *text)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], text) != NULL)
      return TRUE;

  return FALSE;
}

/* Checks that each step of @agenda after the overview starts a page under
 * its heading, and that the first page lists the agenda. */
static void
assert_one_section_per_step (IrReviewAgenda *agenda,
                             GStrv           pages)
{
  guint n_sections = 0;

  g_assert_nonnull (pages[0]);
  g_assert_nonnull (strstr (pages[0], "Agenda"));

  for (guint i = 1; i < ir_review_agenda_get_n_steps (agenda); i++)
    {
      g_autofree char *title = ir_review_step_dup_title (agenda,
                                                         ir_review_agenda_get_step (agenda, i));
      guint found = 0;

      g_assert_nonnull (strstr (pages[0], title));
      for (guint j = 1; pages[j] != NULL; j++)
        {
          g_autofree char *line = first_line (pages[j]);

          if (g_str_equal (line, title))
            found++;
        }
      g_assert_cmpuint (found, ==, 1);
      n_sections++;
    }

  g_assert_cmpuint (n_sections, ==, ir_review_agenda_get_n_steps (agenda) - 1);
}

/* --- tests ---------------------------------------------------------------- */

static void
test_report_sections (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (DEMO_YEAR, DEMO_MONTH, DEMO_DAY, 6, 0, 0);
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *review = NULL;
  g_autofree char *action = NULL;
  g_autofree char *fonts = NULL;
  g_autofree char *png_prefix = g_build_filename (fixture->dir, "page", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "page-01.png", NULL);
  g_auto(GStrv) pages = NULL;
  const char *pdffonts[] = { "pdffonts", pdf, NULL };
  const char *pdftoppm[] = { "pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", pdf,
                             png_prefix, NULL };
  int status;

  if (!have_program ("pdftotext") || !have_program ("pdffonts") || !have_program ("pdftoppm"))
    return;

  agenda = ir_review_agenda_new_since_last (fixture->store, now, &error);
  g_assert_no_error (error);

  /* The demo's review was held before its revisions B: one step each. */
  g_assert_nonnull (agenda->since_review);
  g_assert_cmpuint (agenda->revisions->len, ==, 2);
  g_assert_cmpuint (ir_review_agenda_get_n_steps (agenda), ==, 7);
  g_assert_cmpuint (agenda->escalations->len, >=, 3);
  g_assert_cmpint (((IrReviewEscalation *) agenda->escalations->pdata[0])->tier, ==, IR_TIER_RED);

  g_assert_true (ir_review_agenda_compare_drawings (agenda, fixture->store, 800, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < agenda->revisions->len; i++)
    {
      IrReviewRevision *revision = g_ptr_array_index (agenda->revisions, i);
      IrReviewSheet *sheet;

      g_assert_true (revision->compared);
      g_assert_null (revision->compare_error);
      g_assert_cmpuint (revision->sheets->len, >=, 1);
      sheet = g_ptr_array_index (revision->sheets, 0);
      g_assert_cmpuint (sheet->regions->len, >, 0);
      g_assert_nonnull (sheet->overlay);
    }

  review = ir_review_hold (fixture->store, agenda, NULL, now, &error);
  g_assert_no_error (error);
  action = ir_review_add_decision (fixture->store, review, "action",
                                   "Send revision C to EHS", NULL,
                                   IR_DAY_NONE, &error);
  g_assert_no_error (error);
  ir_review_agenda_reload_decisions (agenda, fixture->store);

  g_assert_true (ir_review_report_write_pdf (agenda, pdf, &error));
  g_assert_no_error (error);

  pages = read_pages (pdf);
  assert_one_section_per_step (agenda, pages);

  /* Real text: a decision, a changed dimension and a Chinese name. */
  g_assert_nonnull (strstr (pages[g_strv_length (pages) - 2],
                            "Send revision C to EHS"));
  g_assert_true (pages_contain (pages, "Ø152"));
  g_assert_true (pages_contain (pages, "孙丽"));

  fonts = run (pdffonts, &status);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (fonts, "NotoSansCJK"));

  g_free (run (pdftoppm, &status));
  g_assert_cmpint (status, ==, 0);
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
test_report_tool (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *tool = g_getenv ("IR_TOOL");
  g_autofree char *pdf = g_build_filename (fixture->dir, "tool.pdf", NULL);
  g_autofree char *out = NULL;
  g_auto(GStrv) pages = NULL;
  g_autoptr(IrReviewAgenda) agenda = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (tool == NULL)
    {
      g_test_skip ("IR_TOOL is not set; run the test through meson");
      return;
    }
  if (!have_program ("pdftotext"))
    return;

  /* The tool reads the database file, so the test's store lets go. */
  agenda = ir_review_agenda_new_since_last (fixture->store, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&fixture->store);

  {
    const char *argv[] = { tool, "review", fixture->db, "--pdf", pdf, NULL };

    out = run (argv, &status);
    g_assert_cmpint (status, ==, 0);
    g_assert_nonnull (strstr (out, "7 steps"));
  }

  pages = read_pages (pdf);
  assert_one_section_per_step (agenda, pages);
  g_assert_nonnull (strstr (pages[0], "changes since"));
  g_clear_pointer (&pages, g_strfreev);

  /* From the room's beginning, every stakeholder is new. */
  {
    const char *argv[] = { tool, "review", fixture->db, "--since", "0", "--pdf", pdf, NULL };

    g_free (run (argv, &status));
    g_assert_cmpint (status, ==, 0);
  }
  pages = read_pages (pdf);
  g_assert_nonnull (strstr (pages[0], "everything since the room began"));
  g_assert_true (pages_contain (pages, "New people"));
}

static void
test_report_tool_bad_arguments (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *tool = g_getenv ("IR_TOOL");
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.db", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "bad.pdf", NULL);
  const char *no_pdf[] = { tool, "review", fixture->db, NULL };
  const char *bad_since[] = { tool, "review", fixture->db, "--since", "yesterday", "--pdf", pdf,
                              NULL };
  const char *no_room[] = { tool, "review", missing, "--pdf", pdf, NULL };
  int status;

  if (tool == NULL)
    {
      g_test_skip ("IR_TOOL is not set; run the test through meson");
      return;
    }

  g_free (run (no_pdf, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run (bad_since, &status));
  g_assert_cmpint (status, ==, 2);
  g_free (run (no_room, &status));
  g_assert_cmpint (status, ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/review/report/one-section-per-step", Fixture, NULL, fixture_set_up,
              test_report_sections, fixture_tear_down);
  g_test_add ("/review/report/tool", Fixture, NULL, fixture_set_up, test_report_tool,
              fixture_tear_down);
  g_test_add ("/review/report/tool-bad-arguments", Fixture, NULL, fixture_set_up,
              test_report_tool_bad_arguments, fixture_tear_down);

  return g_test_run ();
}
