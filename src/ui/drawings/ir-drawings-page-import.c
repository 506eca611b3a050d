/* ir-drawings-page-import.c: uploading drawings and revisions, and compare
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "New Revision…" requests a file through the portal's file chooser, then
 * a note. The file is checked, previewed and stored in a GTask thread;
 * only the transaction that adds the revision runs on the main loop, so a
 * bad or large file never freezes the window and leaves the room as it was.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-drawings-page-private.h"
#include "ir-window.h"

/* --- importing ------------------------------------------------------------ */

typedef struct
{
  IrBlobStore      *blobs;
  GFile            *file;
  char             *previous_blob;
  char             *drawing;
  char             *note;
  IrRevisionImport *import;
} ImportJob;

static void
import_job_free (ImportJob *job)
{
  g_clear_object (&job->blobs);
  g_clear_object (&job->file);
  g_free (job->previous_blob);
  g_free (job->drawing);
  g_free (job->note);
  g_clear_pointer (&job->import, ir_revision_import_free);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  GError *error = NULL;

  job->import = ir_revision_import_new_from_file (job->blobs, job->file,
                                                  IR_PDF_DEFAULT_MAX_SIZE, cancellable, &error);
  if (job->import == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Without the previous file, the commit matches pages by order. */
  if (job->previous_blob != NULL &&
      !ir_revision_import_match_pages (job->import, job->previous_blob, &error))
    {
      g_debug ("Failed to match pages with the previous revision: %s", error->message);
      g_clear_error (&error);
    }

  g_task_return_boolean (task, TRUE);
}

static void
show_error (IrDrawingsPage *self,
            const char     *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (IR_IS_WINDOW (root))
    ir_window_show_error (IR_WINDOW (root), _("The File Could Not Be Added"), message);
  else
    g_warning ("The file could not be added: %s", message);
}

static char *
describe_result (const IrRevisionImportResult *result)
{
  GString *text = g_string_new (NULL);

  /* Translators: %s is the new revision's label. */
  g_string_append_printf (text, _("Revision %s uploaded."), result->label);
  if (result->n_carried > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u open markup carried forward.",
                                                 "%u open markups carried forward.",
                                                 result->n_carried), result->n_carried);
    }
  if (result->n_not_carried > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u stays on its old page, which the new file lacks.",
                                                 "%u stay on their old pages, which the new file lacks.",
                                                 result->n_not_carried), result->n_not_carried);
    }

  return g_string_free (text, FALSE);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *task_result,
                gpointer      user_data)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (source);
  ImportJob *job = g_task_get_task_data (G_TASK (task_result));
  g_auto(IrRevisionImportResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_task_get_cancellable (G_TASK (task_result)) == self->import_cancellable)
    {
      g_clear_object (&self->import_cancellable);
      gtk_spinner_stop (self->import_spinner);
    }

  if (!g_task_propagate_boolean (G_TASK (task_result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  if (self->store == NULL)
    return;

  if (!ir_revision_import_commit (job->import, self->store, job->drawing, job->note, 0,
                                  &result, &error))
    {
      show_error (self, error->message);
      return;
    }

  message = describe_result (&result);
  ir_drawings_page_show_message (self, message);
  ir_drawings_page_open_revision (self, result.drawing, result.revision);
}

static void
import_file (IrDrawingsPage *self,
             GFile          *file,
             const char     *drawing,
             const char     *note)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GPtrArray) revisions = NULL;
  ImportJob *job;

  if (self->store == NULL || ir_store_get_blobs (self->store) == NULL)
    {
      show_error (self, _("This room keeps no files. Open a room stored on this computer."));
      return;
    }

  ir_drawings_page_cancel_import (self);
  job = g_new0 (ImportJob, 1);
  job->blobs = g_object_ref (ir_store_get_blobs (self->store));
  job->file = g_object_ref (file);
  job->drawing = g_strdup (drawing);
  job->note = g_strdup (note);
  if (drawing != NULL)
    {
      revisions = ir_drawing_list_revisions (self->store, drawing);
      if (revisions->len > 0)
        job->previous_blob = g_strdup (ir_entity_get_string (((IrRevisionInfo *) revisions->pdata[revisions->len - 1])->entity, "blob"));
    }

  self->import_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->import_spinner);
  task = g_task_new (self, self->import_cancellable, import_done_cb, NULL);
  g_task_set_source_tag (task, import_file);
  g_task_set_task_data (task, job, (GDestroyNotify) import_job_free);
  g_task_run_in_thread (task, import_thread);
}

/* Stops an import that has not been written yet. */
void
ir_drawings_page_cancel_import (IrDrawingsPage *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->import_spinner != NULL)
    gtk_spinner_stop (self->import_spinner);
}

/* Whether a file is being checked for import. */
gboolean
ir_drawings_page_is_importing (IrDrawingsPage *self)
{
  g_return_val_if_fail (IR_IS_DRAWINGS_PAGE (self), FALSE);

  return self->import_cancellable != NULL;
}

/* --- asking for a file and a note ----------------------------------------- */

static void
note_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  IrDrawingsPage   *self)
{
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (g_str_equal (response, "upload"))
    import_file (self, file, self->import_drawing, gtk_editable_get_text (entry));
}

static void
ask_note (IrDrawingsPage *self,
          GFile          *file)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  const char *heading;
  GtkWidget *dialog, *entry;

  heading = self->import_drawing ? _("Upload a New Revision?") : _("Add a Drawing?");
  /* Translators: %s is a file name. */
  body = g_strdup_printf (_("“%s” becomes the newest revision. Open markups carry forward and "
                            "the rest of the trio is told."), name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, body);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("What changed (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "upload", _("_Upload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "upload",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "upload");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (note_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (IrDrawingsPage       *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);

  if (file != NULL)
    ask_note (self, file);
}

static void
choose_file (IrDrawingsPage *self,
             const char     *drawing)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  g_free (self->import_drawing);
  self->import_drawing = g_strdup (drawing);
  self->chooser = gtk_file_chooser_native_new (drawing ? _("Upload a New Revision")
                                                       : _("Add a Drawing"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF drawings"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* --- actions -------------------------------------------------------------- */

static void
add_drawing_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  choose_file (IR_DRAWINGS_PAGE (widget), NULL);
}

static void
new_revision_activated_cb (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);

  choose_file (self, self->drawing);
}

/* Imports a file without asking, for scripts and tests: "(ss)" is the
 * file's path and the note. */
static void
import_file_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);
  g_autoptr(GFile) file = NULL;
  const char *path, *note;

  g_variant_get (parameter, "(&s&s)", &path, &note);
  file = g_file_new_for_path (path);
  import_file (self, file, self->drawing, note);
}

static void
compare_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrDrawingsPage *self = IR_DRAWINGS_PAGE (widget);
  IrRevisionInfo *shown;
  IrEntity *old_revision, *new_revision;

  if (self->revisions == NULL || self->revisions->len < 2)
    return;

  /* The shown revision against the one before it, or the first two. */
  shown = ir_drawing_find_revision (self->revisions, self->revision);
  if (shown == NULL || shown->index == 0)
    shown = g_ptr_array_index (self->revisions, 1);
  old_revision = ((IrRevisionInfo *) g_ptr_array_index (self->revisions, shown->index - 1))->entity;
  new_revision = shown->entity;

  gtk_stack_set_visible_child_name (self->main_stack, "compare");
  ir_drawing_compare_view_open (self->compare_view, self->store, self->drawing,
                                ir_entity_get_id (old_revision), ir_entity_get_id (new_revision));
}

static void
compare_closed_cb (IrDrawingsPage       *self,
                   IrDrawingCompareView *view)
{
  gtk_stack_set_visible_child_name (self->main_stack, "viewer");
}

void
ir_drawings_page_class_init_import (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "drawings.add-drawing", NULL,
                                   add_drawing_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.new-revision", NULL,
                                   new_revision_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.import-file", "(ss)",
                                   import_file_activated_cb);
  gtk_widget_class_install_action (widget_class, "drawings.compare", NULL,
                                   compare_activated_cb);
}

/* Connects the compare view's way back; called once the template is up. */
void
ir_drawings_page_init_import (IrDrawingsPage *self)
{
  g_signal_connect_object (self->compare_view, "closed", G_CALLBACK (compare_closed_cb), self,
                           G_CONNECT_SWAPPED);
}
