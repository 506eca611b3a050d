/* ir-review-window-export.c: the review report, exported from review mode
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report shows each new revision's compare, so an export asked for
 * while drawings are still being compared is written once they are.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-review-decisions-step.h"
#include "ir-review-window-private.h"

static void
write_now (IrReviewWindow *self,
           const char     *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *message = NULL;

  if (!ir_review_window_write_report (self, path, &error))
    {
      g_warning ("Failed to export the review report to %s: %s", path, error->message);
      ir_review_window_show_message (self, error->message);
      return;
    }

  /* Translators: %s is the name of the PDF file written. */
  message = g_strdup_printf (_("Report saved as “%s”."), name);
  ir_review_window_show_message (self, message);
}

static void
request_export (IrReviewWindow *self,
                const char     *path)
{
  if (!self->comparing)
    {
      write_now (self, path);
      return;
    }

  g_free (self->export_path);
  self->export_path = g_strdup (path);
  ir_review_window_show_message (self, _("The report is saved once the drawings are "
                                         "compared."));
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     IrReviewWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  if (file != NULL)
    path = g_file_get_path (file);

  g_clear_object (&self->chooser);
  if (path != NULL)
    request_export (self, path);
}

static char *
suggest_name (IrReviewWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  const char *room = self->agenda->room_name ? self->agenda->room_name : _("Room");
  g_autofree char *name = NULL;

  /* Translators: a file name; the room's name and the date. */
  name = g_strdup_printf (_("Review %s %s.pdf"), room, day);
  g_strdelimit (name, "/\\:", '-');

  return g_steal_pointer (&name);
}

static void
export_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggest_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Export Review Report"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, C_("review", "PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

void
ir_review_window_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "review.export", NULL, export_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "review.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "review.export", NULL);
}

/* Writes the report that waited for the compares, if one did. */
void
ir_review_window_compares_done (IrReviewWindow *self)
{
  g_autofree char *path = g_steal_pointer (&self->export_path);

  if (path != NULL)
    write_now (self, path);
}

void
ir_review_window_export_clear (IrReviewWindow *self)
{
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_clear_pointer (&self->export_path, g_free);
}

/**
 * ir_review_window_write_report:
 * @path: the PDF file to write
 *
 * Writes the report of the review in its current state, with the
 * decisions typed so far. Revisions not compared yet appear without their pictures.
 *
 * Returns: whether the file was written
 */
gboolean
ir_review_window_write_report (IrReviewWindow  *self,
                               const char      *path,
                               GError         **error)
{
  g_return_val_if_fail (IR_IS_REVIEW_WINDOW (self), FALSE);

  if (self->decisions_page != NULL)
    ir_review_decisions_step_save_all (IR_REVIEW_DECISIONS_STEP (self->decisions_page));
  ir_review_agenda_reload_decisions (self->agenda, self->store);

  return ir_review_report_write_pdf (self->agenda, path, error);
}
