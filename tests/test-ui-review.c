/* test-ui-review.c: review mode on the demo room, run in-process under Xvfb
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With IR_REVIEW_SHOTS_DIR set, the screenshots test also saves every
 * step as review-<language>-<width>x<height>-<step>.png in that folder,
 * at the projector sizes 1920×1080 and 1024×768.
 */
#include "config.h"

#include <locale.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ir-ui-test-util.h"
#include "review/ir-review-decision-row.h"
#include "review/ir-review-decisions-step.h"
#include "review/ir-review-drawing-step.h"
#include "review/ir-review-window.h"

/* How long the demo's two drawings may take to compare, in ms. */
#define COMPARE_TIMEOUT_MS 120000

/* --- helpers -------------------------------------------------------------- */

static IrWindow *
open_demo (IrApplication *app)
{
  g_autoptr(GError) error = NULL;
  IrWindow *window = ir_application_get_main_window (app);

  g_assert_true (ir_application_open_demo (app, &error));
  g_assert_no_error (error);
  ir_ui_test_iterate (100);
  g_assert_nonnull (ir_window_get_store (window));

  return window;
}

static gboolean
compares_done (gpointer data)
{
  return !ir_review_window_is_comparing (data);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static IrReviewWindow *
enter_review (IrWindow *window)
{
  IrReviewWindow *review;

  gtk_widget_activate_action (GTK_WIDGET (window), "room.review", NULL);
  ir_ui_test_iterate (100);

  review = IR_REVIEW_WINDOW (ir_ui_test_find_toplevel (IR_TYPE_REVIEW_WINDOW));
  g_assert_nonnull (review);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (review)));
  g_assert_true (ir_ui_test_wait_until (compares_done, review, COMPARE_TIMEOUT_MS));

  return review;
}

static guint
count_reviews (IrStore *store)
{
  g_autoptr(IrEntityList) reviews = ir_store_list (store, "review");

  return g_list_model_get_n_items (G_LIST_MODEL (reviews));
}

/* --- tests ---------------------------------------------------------------- */

static void
test_review_step_through (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_demo (app);
  IrStore *store = ir_window_get_store (window);
  IrReviewWindow *review = enter_review (window);
  IrReviewAgenda *agenda = ir_review_window_get_agenda (review);
  guint n_steps = ir_review_agenda_get_n_steps (agenda);
  guint n_drawing_steps = 0;

  /* The demo's last review was held before revisions B of its drawings. */
  g_assert_nonnull (agenda->since_review);
  g_assert_cmpuint (n_steps, ==, 7);
  g_assert_cmpuint (ir_review_window_get_step (review), ==, 0);

  /* Leaving before the decisions records no review. */
  gtk_widget_activate_action (GTK_WIDGET (review), "review.next", NULL);
  g_assert_cmpuint (ir_review_window_get_step (review), ==, 1);
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.leave", NULL);
  g_assert_true (ir_ui_test_wait_until (is_null, &review, 2000));
  g_assert_cmpuint (count_reviews (store), ==, 1);

  review = enter_review (window);
  agenda = ir_review_window_get_agenda (review);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.previous", NULL);
  g_assert_cmpuint (ir_review_window_get_step (review), ==, 0);

  for (guint i = 1; i < n_steps; i++)
    {
      GtkWidget *page;

      gtk_widget_activate_action (GTK_WIDGET (review), "review.next", NULL);
      ir_ui_test_iterate (20);
      g_assert_cmpuint (ir_review_window_get_step (review), ==, i);

      page = ir_review_window_get_page (review, i);
      g_assert_true (gtk_widget_get_mapped (page));
      if (IR_IS_REVIEW_DRAWING_STEP (page))
        {
          /* Straight in compare, with its changes boxed. */
          g_assert_cmpuint (ir_review_drawing_step_get_n_regions (IR_REVIEW_DRAWING_STEP (page)),
                            >, 0);
          n_drawing_steps++;
        }
    }
  g_assert_cmpuint (n_drawing_steps, ==, 2);

  /* The last step stays last; Home goes back to the start. */
  gtk_widget_activate_action (GTK_WIDGET (review), "review.next", NULL);
  g_assert_cmpuint (ir_review_window_get_step (review), ==, n_steps - 1);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.first", NULL);
  g_assert_cmpuint (ir_review_window_get_step (review), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.last", NULL);
  g_assert_cmpuint (ir_review_window_get_step (review), ==, n_steps - 1);

  /* A review that went through its agenda is recorded when it ends. */
  g_assert_null (agenda->review);
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.leave", NULL);
  g_assert_true (ir_ui_test_wait_until (is_null, &review, 2000));
  g_assert_cmpuint (count_reviews (store), ==, 2);

  ir_ui_test_stop_app (app);
}

static gboolean
decision_saved (gpointer data)
{
  IrEntity *decision = data;

  return g_strcmp0 (ir_entity_get_string (decision, "text"), "Send revision C to EHS") == 0;
}

static void
test_review_record_decision (void)
{
  IrApplication *app = ir_ui_test_start_app ();
  IrWindow *window = open_demo (app);
  IrStore *store = ir_window_get_store (window);
  IrReviewWindow *review = enter_review (window);
  IrReviewAgenda *agenda = ir_review_window_get_agenda (review);
  g_autofree char *dir = g_dir_make_tmp ("ironroom-review-ui-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "review.pdf", NULL);
  g_autofree char *held = NULL;
  g_autoptr(IrEntity) decision = NULL;
  g_autoptr(IrEntity) task = NULL;
  g_autoptr(GError) error = NULL;
  IrReviewAgenda *next;
  GtkWidget *step, *row, *make_task;

  /* Ctrl+D's action jumps to the decisions and adds one. */
  gtk_widget_activate_action (GTK_WIDGET (review), "review.add-item", "s", "action");
  ir_ui_test_iterate (20);
  g_assert_cmpuint (ir_review_window_get_step (review), ==,
                    ir_review_agenda_get_n_steps (agenda) - 1);
  step = ir_review_window_get_page (review, ir_review_window_get_step (review));
  g_assert_cmpuint (ir_review_decisions_step_get_n_items (IR_REVIEW_DECISIONS_STEP (step)), ==, 1);
  g_assert_nonnull (agenda->review);
  g_assert_cmpuint (count_reviews (store), ==, 2);

  /* Typing is saved once it pauses. */
  row = ir_review_decisions_step_get_row (IR_REVIEW_DECISIONS_STEP (step), 0);
  decision = ir_store_get_entity (store, "decision",
                                  ir_review_decision_row_get_decision (IR_REVIEW_DECISION_ROW (row)));
  g_assert_nonnull (decision);
  gtk_editable_set_text (ir_review_decision_row_get_editable (IR_REVIEW_DECISION_ROW (row)),
                         "Send revision C to EHS");
  g_assert_true (ir_review_decision_row_has_pending (IR_REVIEW_DECISION_ROW (row)));
  g_assert_false (decision_saved (decision));
  g_assert_true (ir_ui_test_wait_until (decision_saved, decision,
                                        IR_REVIEW_SAVE_DELAY_MS + 1000));
  g_assert_false (ir_review_decision_row_has_pending (IR_REVIEW_DECISION_ROW (row)));

  /* One click makes it a task of the plan. */
  make_task = ir_ui_test_find_named (row, "make-task");
  g_assert_nonnull (make_task);
  g_signal_emit_by_name (make_task, "clicked");
  ir_ui_test_iterate (20);
  g_assert_nonnull (ir_entity_get_string (decision, "task"));
  task = ir_store_get_entity (store, "task", ir_entity_get_string (decision, "task"));
  g_assert_nonnull (task);
  g_assert_cmpstr (ir_entity_get_string (task, "name"), ==, "Send revision C to EHS");
  g_assert_false (gtk_widget_get_visible (make_task));

  /* The report written from the window has the decision. */
  g_assert_true (ir_review_window_write_report (review, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (agenda->decisions->len, ==, 1);
  held = g_strdup (agenda->review);

  /* Esc leaves; the next review starts after this one. */
  g_object_add_weak_pointer (G_OBJECT (review), (gpointer *) &review);
  gtk_widget_activate_action (GTK_WIDGET (review), "review.leave", NULL);
  g_assert_true (ir_ui_test_wait_until (is_null, &review, 2000));
  g_assert_cmpuint (count_reviews (store), ==, 2);

  review = enter_review (window);
  next = ir_review_window_get_agenda (review);
  g_assert_cmpstr (next->since_review, ==, held);
  g_assert_cmpuint (next->revisions->len, ==, 0);
  g_assert_cmpuint (next->previous_actions->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (review));

  g_unlink (pdf);
  g_rmdir (dir);
  ir_ui_test_stop_app (app);
}

/* --- screenshots ---------------------------------------------------------- */

static void
save_png (GtkWidget  *window,
          const char *path)
{
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

/* Shows a review window of the room in @window whose content is
 * @width × @height pixels. Without a window manager the surface keeps a
 * margin for resizing, so a first window measures it. */
static IrReviewWindow *
present_sized (IrWindow *window,
               int       width,
               int       height)
{
  int extra_width = 0, extra_height = 0;

  for (int attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) error = NULL;
      IrReviewWindow *review = ir_review_window_new (GTK_WINDOW (window),
                                                     ir_window_get_store (window), &error);

      g_assert_no_error (error);
      gtk_window_set_default_size (GTK_WINDOW (review), width + extra_width,
                                   height + extra_height);
      gtk_window_present (GTK_WINDOW (review));
      g_assert_true (ir_ui_test_wait_until (compares_done, review, COMPARE_TIMEOUT_MS));
      ir_ui_test_iterate (200);

      extra_width = width - gtk_widget_get_width (GTK_WIDGET (review));
      extra_height = height - gtk_widget_get_height (GTK_WIDGET (review));
      if (extra_width == 0 && extra_height == 0)
        return review;

      gtk_window_destroy (GTK_WINDOW (review));
    }

  g_assert_not_reached ();
}

static void
shoot_size (IrWindow   *window,
            const char *dir,
            const char *language,
            int         width,
            int         height)
{
  IrReviewWindow *review = present_sized (window, width, height);
  guint n_steps = ir_review_agenda_get_n_steps (ir_review_window_get_agenda (review));
  g_autofree char *held = NULL;

  g_assert_cmpuint (n_steps, ==, 7);

  for (guint i = 0; i < n_steps; i++)
    {
      g_autofree char *name = g_strdup_printf ("review-%s-%dx%d-%u.png", language, width, height,
                                               i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (i > 0)
        gtk_widget_activate_action (GTK_WIDGET (review), "review.next", NULL);

      /* The decisions page is shown with an action being typed. */
      if (i == n_steps - 1)
        {
          GtkWidget *row;

          gtk_widget_activate_action (GTK_WIDGET (review), "review.add-item", "s", "action");
          row = ir_review_decisions_step_get_row (
            IR_REVIEW_DECISIONS_STEP (ir_review_window_get_page (review, i)), 0);
          gtk_editable_set_text (ir_review_decision_row_get_editable (IR_REVIEW_DECISION_ROW (row)),
                                 g_str_has_prefix (language, "zh")
                                 ? "王强把阀体 C 版图纸发给安环部确认"
                                 : "Send revision C of the body drawing to EHS");
        }

      ir_ui_test_iterate (400);
      save_png (GTK_WIDGET (review), path);
      g_print ("# wrote %s\n", path);
    }

  /* The review that the typed action recorded goes again, so that the
   * next size shows the same agenda. */
  held = g_strdup (ir_review_window_get_agenda (review)->review);
  gtk_window_destroy (GTK_WINDOW (review));
  if (held != NULL)
    {
      IrStore *store = ir_window_get_store (window);
      g_autoptr(IrTx) tx = ir_store_begin (store);
      g_autoptr(GError) error = NULL;

      ir_tx_delete (tx, "review", held);
      g_assert_true (ir_store_commit (store, tx, &error));
      g_assert_no_error (error);
    }
}

static void
test_review_screenshots (void)
{
  const char *dir = g_getenv ("IR_REVIEW_SHOTS_DIR");
  const char *language = g_getenv ("LANGUAGE");
  IrApplication *app;
  IrWindow *window;

  if (dir == NULL)
    {
      g_test_skip ("IR_REVIEW_SHOTS_DIR is not set; tools/screenshots --review sets it");
      return;
    }

  app = ir_ui_test_start_app ();
  window = open_demo (app);
  shoot_size (window, dir, language ? language : "en", 1920, 1080);
  shoot_size (window, dir, language ? language : "en", 1024, 768);
  ir_ui_test_stop_app (app);
}

int
main (int    argc,
      char **argv)
{
  const char *build_dir = g_getenv ("IR_BUILD_DIR");

  /* The screenshots show the translations of the build tree, as the app
   * does when IRONROOM_LOCALEDIR names them. */
  setlocale (LC_ALL, "");
  if (build_dir != NULL)
    {
      g_autofree char *localedir = g_build_filename (build_dir, "po", NULL);

      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  ir_ui_test_init (&argc, &argv);

  g_test_add_func ("/review/ui/step-through", test_review_step_through);
  g_test_add_func ("/review/ui/record-decision", test_review_record_decision);
  g_test_add_func ("/review/ui/screenshots", test_review_screenshots);

  return g_test_run ();
}
