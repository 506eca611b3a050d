/* bench-bare-window.c: a bare libadwaita window with a view stack
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The baseline of the start-up benchmark: the least a libadwaita app with
 * a header bar, a view switcher and four pages costs to start. Prints
 * "first-frame <CLOCK_MONOTONIC µs> rss-kb <kB>" after its first frame and
 * quits, like the app does under IRONROOM_REPORT_FIRST_FRAME.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>

static void
after_paint_cb (GdkFrameClock *clock,
                GtkWindow     *window)
{
  g_autofree char *status = NULL;
  const char *rss;
  long rss_kb = 0;

  g_signal_handlers_disconnect_by_func (clock, after_paint_cb, window);

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (rss = strstr (status, "VmRSS:")) != NULL)
    rss_kb = strtol (rss + strlen ("VmRSS:"), NULL, 10);

  printf ("first-frame %" G_GINT64_FORMAT " rss-kb %ld\n", g_get_monotonic_time (), rss_kb);
  fflush (stdout);
  g_application_quit (G_APPLICATION (gtk_window_get_application (window)));
}

static void
realize_cb (GtkWidget *window)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), window);
}

static void
activate_cb (GApplication *application)
{
  static const char * const names[] = { "map", "drawings", "plan", "risks" };
  GtkWidget *window, *box, *header, *title, *stack;

  window = adw_application_window_new (GTK_APPLICATION (application));
  gtk_window_set_default_size (GTK_WINDOW (window), 1180, 760);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  stack = adw_view_stack_new ();
  title = adw_view_switcher_title_new ();
  adw_view_switcher_title_set_stack (ADW_VIEW_SWITCHER_TITLE (title), ADW_VIEW_STACK (stack));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_box_append (GTK_BOX (box), header);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *page = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (page), names[i]);
      adw_view_stack_add_titled (ADW_VIEW_STACK (stack), page, names[i], names[i]);
    }
  gtk_widget_set_vexpand (stack, TRUE);
  gtk_box_append (GTK_BOX (box), stack);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), NULL);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("io.github.ironroom.BareWindow",
                                     G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
