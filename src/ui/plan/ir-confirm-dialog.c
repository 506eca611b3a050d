/* ir-confirm-dialog.c: recording a customer's confirmation of a milestone
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialog starts from the milestone's current title, deliverable and
 * committed date (or forecast), and from the room's customer.
 * The customer signs on the pad or on a printed sign-off sheet that is
 * scanned. The evidence goes to the blob store, and ir_seal_record() seals
 * the record with this device's key.
 */
#define G_LOG_DOMAIN "ironroom-plan"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ir-confirm-dialog.h"
#include "ir-seal.h"
#include "ir-signature-pad.h"
#include "ir-ui-util.h"

/* Scans larger than this are refused: a signed page scans to a few MB. */
#define SCAN_MAX_BYTES (50 * 1024 * 1024)

struct _IrConfirmDialog
{
  AdwWindow       parent_instance;

  IrStore        *store;
  char           *task_id;
  IrDay           forecast;
  GFile          *scan;
  char           *key_path;

  AdwEntryRow    *signer_name;
  AdwEntryRow    *signer_company;
  AdwEntryRow    *signer_title;
  AdwEntryRow    *signed_at;
  AdwEntryRow    *milestone_title;
  AdwEntryRow    *deliverable;
  AdwEntryRow    *committed;
  GtkStack       *evidence_stack;
  IrSignaturePad *pad;
  AdwActionRow   *scan_row;
  GtkLabel       *error_label;
};

enum {
  SIGNAL_SEALED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IrConfirmDialog, ir_confirm_dialog, ADW_TYPE_WINDOW)

/* --- helpers -------------------------------------------------------------- */

static char *
dup_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  g_strstrip (text);
  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
show_error (IrConfirmDialog *self,
            const char      *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Reads "YYYY-MM-DD HH:MM" in local time; returns microseconds UTC, or 0. */
static gint64
parse_signed_at (const char *text)
{
  int year, month, day, hour = 0, minute = 0;
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL || sscanf (text, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute) < 3)
    return 0;

  time = g_date_time_new_local (year, month, day, hour, minute, 0);
  return time ? g_date_time_to_unix (time) * G_USEC_PER_SEC : 0;
}

static void
prefill (IrConfirmDialog *self)
{
  g_autoptr(IrEntity) task = ir_store_get_entity (self->store, "task", self->task_id);
  g_autoptr(IrEntityList) rooms = ir_store_list (self->store, "room");
  g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *now_text = g_date_time_format (now, "%Y-%m-%d %H:%M");
  const char *committed = task ? ir_entity_get_string (task, "committed") : NULL;
  char forecast[IR_DAY_STRING_SIZE] = "";

  if (committed == NULL && self->forecast != IR_DAY_NONE)
    committed = ir_day_format (self->forecast, forecast);

  if (room != NULL && ir_entity_get_string (room, "customer") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->signer_company),
                           ir_entity_get_string (room, "customer"));
  gtk_editable_set_text (GTK_EDITABLE (self->signed_at), now_text);
  if (task != NULL && ir_entity_get_string (task, "name") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->milestone_title),
                           ir_entity_get_string (task, "name"));
  if (task != NULL && ir_entity_get_string (task, "deliverable") != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->deliverable),
                           ir_entity_get_string (task, "deliverable"));
  if (committed != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->committed), committed);
}

/* Stores the evidence as blobs. Returns FALSE with @error set. */
static gboolean
store_evidence (IrConfirmDialog  *self,
                IrSealContent    *content,
                GError          **error)
{
  IrBlobStore *blobs = ir_store_get_blobs (self->store);

  if (!ir_signature_pad_is_empty (self->pad))
    {
      g_autoptr(GBytes) png = ir_signature_pad_to_png (self->pad, error);

      if (png == NULL)
        return FALSE;

      content->signature_blob = ir_blob_store_add_bytes (blobs, png, error);
      if (content->signature_blob == NULL)
        return FALSE;
    }

  if (self->scan != NULL)
    {
      content->scan_blob = ir_blob_store_add_file (blobs, self->scan, SCAN_MAX_BYTES, error);
      if (content->scan_blob == NULL)
        return FALSE;
    }

  return TRUE;
}

/* --- actions -------------------------------------------------------------- */

static void
seal_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrConfirmDialog *self = IR_CONFIRM_DIALOG (widget);
  g_auto(IrSealContent) content = { 0 };
  g_autoptr(IrDeviceKey) key = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *signed_at = dup_text (self->signed_at);
  g_autofree char *eid = NULL;

  if (ir_signature_pad_is_empty (self->pad) && self->scan == NULL)
    {
      show_error (self, _("There is no evidence yet. Let the customer sign on the pad, or "
                          "attach the scan of the signed sign-off sheet."));
      return;
    }

  content.task = g_strdup (self->task_id);
  content.signer_name = dup_text (self->signer_name);
  content.signer_company = dup_text (self->signer_company);
  content.signer_title = dup_text (self->signer_title);
  content.signed_at = parse_signed_at (signed_at);
  content.milestone_title = dup_text (self->milestone_title);
  content.deliverable = dup_text (self->deliverable);
  content.committed = dup_text (self->committed);

  if (signed_at != NULL && content.signed_at == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("“%s” is not a date and time; enter it as YYYY-MM-DD HH:MM."),
                         signed_at);

      show_error (self, message);
      return;
    }

  key = ir_device_key_load (self->key_path, &error);
  if (key == NULL || !store_evidence (self, &content, &error))
    {
      show_error (self, error->message);
      return;
    }

  eid = ir_seal_record (self->store, key, &content, &error);
  if (eid == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SIGNAL_SEALED], 0, eid);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
clear_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ir_signature_pad_clear (IR_CONFIRM_DIALOG (widget)->pad);
}

static void
scan_chosen_cb (GtkNativeDialog *chooser,
                int              response,
                IrConfirmDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      ir_confirm_dialog_set_scan_file (self, file);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
choose_scan_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IrConfirmDialog *self = IR_CONFIRM_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Choose the Scanned Sign-off Sheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF files and images"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pixbuf_formats (filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect (chooser, "response", G_CALLBACK (scan_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
sheet_chosen_cb (GtkNativeDialog *chooser,
                 int              response,
                 IrConfirmDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *milestone = dup_text (self->milestone_title);
      g_autofree char *deliverable = dup_text (self->deliverable);
      g_autofree char *committed = dup_text (self->committed);
      g_autofree char *customer = dup_text (self->signer_company);
      g_autoptr(IrEntity) me = ir_store_find_own_member (self->store);
      g_autofree char *prepared_by = me ? ir_member_dup_name (self->store, ir_entity_get_id (me))
                                        : NULL;
      g_autoptr(IrEntityList) rooms = ir_store_list (self->store, "room");
      g_autoptr(IrEntity) room = g_list_model_get_item (G_LIST_MODEL (rooms), 0);
      g_autoptr(GError) error = NULL;
      char forecast[IR_DAY_STRING_SIZE] = "";
      IrSealSheet sheet = {
        .room_name = room ? ir_entity_get_string (room, "name") : NULL,
        .customer = customer,
        .milestone_title = milestone,
        .deliverable = deliverable,
        .committed = committed,
        .forecast = self->forecast != IR_DAY_NONE ? ir_day_format (self->forecast, forecast)
                                                  : NULL,
        .prepared_by = prepared_by,
        .reference = self->task_id,
      };

      if (path == NULL || !ir_seal_write_sheet (&sheet, path, &error))
        show_error (self, error ? error->message : _("Choose a file on this computer."));
      else
        show_error (self, NULL);
    }

  g_object_unref (chooser);
  g_object_unref (self);
}

static void
save_sheet_activated_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IrConfirmDialog *self = IR_CONFIRM_DIALOG (widget);
  g_autofree char *milestone = dup_text (self->milestone_title);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Save the Sign-off Sheet"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name of a sign-off sheet; %s is the milestone. */
  name = g_strdup_printf (_("Sign-off %s.pdf"), milestone ? milestone : "");
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (sheet_chosen_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_confirm_dialog_dispose (GObject *object)
{
  IrConfirmDialog *self = IR_CONFIRM_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->scan);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_CONFIRM_DIALOG);

  G_OBJECT_CLASS (ir_confirm_dialog_parent_class)->dispose (object);
}

static void
ir_confirm_dialog_finalize (GObject *object)
{
  IrConfirmDialog *self = IR_CONFIRM_DIALOG (object);

  g_free (self->task_id);
  g_free (self->key_path);

  G_OBJECT_CLASS (ir_confirm_dialog_parent_class)->finalize (object);
}

static void
ir_confirm_dialog_class_init (IrConfirmDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_confirm_dialog_dispose;
  object_class->finalize = ir_confirm_dialog_finalize;

  /**
   * IrConfirmDialog::sealed:
   * @confirmation_id: the recorded confirmation
   */
  signals[SIGNAL_SEALED] =
    g_signal_new ("sealed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IR_TYPE_SIGNATURE_PAD);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-confirm-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, signer_name);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, signer_company);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, signer_title);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, signed_at);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, milestone_title);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, deliverable);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, committed);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, evidence_stack);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, pad);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, scan_row);
  gtk_widget_class_bind_template_child (widget_class, IrConfirmDialog, error_label);

  gtk_widget_class_install_action (widget_class, "confirm.seal", NULL, seal_activated_cb);
  gtk_widget_class_install_action (widget_class, "confirm.clear", NULL, clear_activated_cb);
  gtk_widget_class_install_action (widget_class, "confirm.choose-scan", NULL,
                                   choose_scan_activated_cb);
  gtk_widget_class_install_action (widget_class, "confirm.save-sheet", NULL,
                                   save_sheet_activated_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ir_confirm_dialog_init (IrConfirmDialog *self)
{
  self->key_path = ir_device_key_default_path ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_confirm_dialog_new:
 * @forecast: the milestone's scheduled date, the committed date to offer
 *   when it has none
 *
 * Returns: (transfer none): the dialog, owned by its toplevel list
 */
IrConfirmDialog *
ir_confirm_dialog_new (GtkWindow  *parent,
                       IrStore    *store,
                       const char *task_id,
                       IrDay       forecast)
{
  IrConfirmDialog *self;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);
  g_return_val_if_fail (task_id != NULL, NULL);

  self = g_object_new (IR_TYPE_CONFIRM_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->task_id = g_strdup (task_id);
  self->forecast = forecast;
  prefill (self);

  return self;
}

/* Attaches the scan of a signed sheet as the evidence. */
void
ir_confirm_dialog_set_scan_file (IrConfirmDialog *self,
                                 GFile           *file)
{
  g_autofree char *name = NULL;

  g_return_if_fail (IR_IS_CONFIRM_DIALOG (self));

  g_set_object (&self->scan, file);
  name = file ? g_file_get_basename (file) : NULL;
  adw_action_row_set_subtitle (self->scan_row, name ? name : _("No file chosen"));
  if (file != NULL)
    gtk_stack_set_visible_child_name (self->evidence_stack, "scan");
}

/* Uses the device key at @path instead of the user's. */
void
ir_confirm_dialog_set_key_path (IrConfirmDialog *self,
                                const char      *path)
{
  g_return_if_fail (IR_IS_CONFIRM_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_free (self->key_path);
  self->key_path = g_strdup (path);
}
