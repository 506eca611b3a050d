/* test-tool-compare.c: ironroom-tool compare, run as a program
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "drawing-fixtures.h"

static char *directory;

typedef struct
{
  int   status;
  char *out;
  char *err;
} ToolRun;

static void
tool_run_clear (ToolRun *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ToolRun, tool_run_clear)

static void
run_tool (ToolRun            *run,
          const char * const *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("IR_TOOL"));
  g_ptr_array_add (argv, (char *) "compare");
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &run->out, &run->err, &wait_status, &error));
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}

static void
test_json_and_overlay (void)
{
  g_autofree char *old_path = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *new_path = fixture_write_sheet (directory, FIXTURE_DIMENSION);
  g_autofree char *png = g_build_filename (directory, "overlay.png", NULL);
  g_autofree char *png_data = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(ToolRun) run = { 0 };
  JsonObject *page, *change;
  JsonArray *pages, *changes;
  gsize png_length;

  run_tool (&run, (const char *[]) { old_path, new_path, "--json", "--png", png, NULL });
  g_assert_cmpint (run.status, ==, 0);

  g_assert_true (json_parser_load_from_data (parser, run.out, -1, &error));
  g_assert_no_error (error);
  pages = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "pages");
  g_assert_cmpuint (json_array_get_length (pages), ==, 1);

  page = json_array_get_object_element (pages, 0);
  g_assert_cmpstr (json_object_get_string_member (page, "matched_by"), ==, "sheet-number");
  g_assert_true (json_object_get_boolean_member (page, "text_compared"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (page, "regions")), >=, 1);

  changes = json_object_get_array_member (page, "text_changes");
  g_assert_cmpuint (json_array_get_length (changes), ==, 1);
  change = json_array_get_object_element (changes, 0);
  g_assert_cmpstr (json_object_get_string_member (change, "kind"), ==, "changed");
  g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, "120");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "125");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (change, "new_box")), ==, 4);

  g_assert_true (g_file_get_contents (png, &png_data, &png_length, NULL));
  g_assert_cmpmem (png_data, 4, "\x89PNG", 4);
}

static void
test_bad_files (void)
{
  g_autofree char *good = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *encrypted = fixture_write_encrypted (directory, "secret");
  g_autofree char *letter = fixture_write_bytes (directory, "letter.pdf", "Hello\n", 6);
  const struct
  {
    const char *path;
    const char *message;
  } cases[] = {
    { encrypted, "password-protected" },
    { letter, "is not a PDF file" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(ToolRun) run = { 0 };

      run_tool (&run, (const char *[]) { good, cases[i].path, "--json", NULL });
      g_assert_cmpint (run.status, ==, 1);
      g_assert_nonnull (strstr (run.err, cases[i].message));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_usage (void)
{
  g_auto(ToolRun) missing = { 0 };
  g_auto(ToolRun) bad_offset = { 0 };
  g_autofree char *good = fixture_write_sheet (directory, FIXTURE_BASE);

  run_tool (&missing, (const char *[]) { good, NULL });
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "Usage"));

  run_tool (&bad_offset, (const char *[]) { good, good, "--offset", "left", NULL });
  g_assert_cmpint (bad_offset.status, ==, 1);
  g_assert_nonnull (strstr (bad_offset.err, "--offset"));
}

static void
test_opacity_range (void)
{
  g_autofree char *good = fixture_write_sheet (directory, FIXTURE_BASE);
  g_auto(ToolRun) run = { 0 };

  run_tool (&run, (const char *[]) { good, good, "--opacity", "7", NULL });
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--opacity 0 to 1"));
}

/* --new-page pairs the old page with a page the user names, and a page the
 * new file lacks is a clear error. */
static void
test_new_page_chosen (void)
{
  g_autofree char *old_path = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *new_path = fixture_write_sheet (directory, FIXTURE_DIMENSION);
  g_auto(ToolRun) run = { 0 };
  g_auto(ToolRun) missing = { 0 };

  run_tool (&run, (const char *[]) { old_path, new_path, "--new-page", "1", NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Page 1 → page 1 (matched by choice)"));

  run_tool (&missing, (const char *[]) { old_path, new_path, "--new-page", "3", NULL });
  g_assert_cmpint (missing.status, ==, 1);
  g_assert_nonnull (strstr (missing.err, "has no page 3; it has 1"));
}

static void
test_summary (void)
{
  g_autofree char *old_path = fixture_write_sheet (directory, FIXTURE_BASE);
  g_autofree char *new_path = fixture_write_sheet (directory, FIXTURE_NO_TEXT);
  g_auto(ToolRun) run = { 0 };

  run_tool (&run, (const char *[]) { old_path, new_path, NULL });
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "compared by pixels only"));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  int status;

  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("IR_TOOL") == NULL)
    {
      g_test_skip ("IR_TOOL is not set; run this test with meson test");
      return g_test_run ();
    }

  directory = g_dir_make_tmp ("ironroom-test-tool-XXXXXX", &error);
  g_assert_no_error (error);

  g_test_add_func ("/tool-compare/json-and-overlay", test_json_and_overlay);
  g_test_add_func ("/tool-compare/bad-files", test_bad_files);
  g_test_add_func ("/tool-compare/usage", test_usage);
  g_test_add_func ("/tool-compare/opacity-range", test_opacity_range);
  g_test_add_func ("/tool-compare/new-page-chosen", test_new_page_chosen);
  g_test_add_func ("/tool-compare/summary", test_summary);

  status = g_test_run ();

  dir = g_dir_open (directory, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      g_unlink (path);
    }
  g_rmdir (directory);
  g_free (directory);

  return status;
}
