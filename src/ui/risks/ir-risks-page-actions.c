/* ir-risks-page-actions.c: the risks.* actions: select, acknowledge, snooze,
 * resolve, request an extension, open the task, settings
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step on an alert is an action, so that the details pane, menus
 * and tests drive the same code. The actions that take a note or a date
 * have a "-dialog" twin that lets the member enter it first.
 */
#define G_LOG_DOMAIN "ironroom-risks"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-risks-page-private.h"
#include "ir-risks-settings.h"

/* --- helpers -------------------------------------------------------------- */

void
ir_risks_page_show_error (IrRisksPage  *self,
                          const char   *heading,
                          const GError *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  g_warning ("%s: %s", heading, error->message);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GDateTime *
now_local (void)
{
  return g_date_time_new_now_local ();
}

/* After a member's step, the monitor evaluates again: an acknowledged
 * escalation gets its state field, a resolved one may be raised anew. */
static void
after_step (IrRisksPage *self)
{
  if (self->monitor != NULL)
    ir_escalation_monitor_evaluate_now (self->monitor);
  ir_risks_page_refresh (self);
}

/* --- selection ------------------------------------------------------------ */

static void
select_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);

  g_free (self->selected);
  self->selected = g_variant_dup_string (parameter, NULL);
  ir_risks_page_refresh (self);
}

static void
close_details_activated_cb (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);

  g_clear_pointer (&self->selected, g_free);
  gtk_list_box_unselect_all (self->list_box);
  ir_risks_page_refresh (self);
}

/* --- steps ---------------------------------------------------------------- */

static void
acknowledge_activated_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  g_autoptr(GDateTime) now = now_local ();
  g_autoptr(GError) error = NULL;

  if (!ir_escalation_acknowledge (self->store, g_variant_get_string (parameter, NULL), NULL, now,
                                  &error))
    {
      ir_risks_page_show_error (self, _("The Alert Could Not Be Acknowledged"), error);
      return;
    }

  after_step (self);
}

static void
snooze_activated_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  g_autoptr(GDateTime) now = now_local ();
  g_autoptr(GDateTime) until = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;
  int hours;

  g_variant_get (parameter, "(&si)", &id, &hours);
  until = g_date_time_add_hours (now, MAX (hours, 1));

  if (!ir_escalation_snooze (self->store, id, until, NULL, now, &error))
    {
      ir_risks_page_show_error (self, _("The Alert Could Not Be Snoozed"), error);
      return;
    }

  after_step (self);
}

static void
resolve_activated_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  g_autoptr(GDateTime) now = now_local ();
  g_autoptr(GError) error = NULL;
  const char *id, *note;

  g_variant_get (parameter, "(&s&s)", &id, &note);
  if (!ir_escalation_resolve (self->store, id, note, now, &error))
    {
      ir_risks_page_show_error (self, _("The Alert Could Not Be Resolved"), error);
      return;
    }

  after_step (self);
}

static void
request_extension_activated_cb (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  g_autoptr(GDateTime) now = now_local ();
  g_autoptr(GError) error = NULL;
  const char *id, *date, *note;
  IrDay proposed;

  g_variant_get (parameter, "(&s&s&s)", &id, &date, &note);
  proposed = ir_day_parse (date);
  if (!ir_escalation_request_extension (self->store, id, proposed, note, now, &error))
    {
      ir_risks_page_show_error (self, _("The Extension Could Not Be Requested"), error);
      return;
    }

  after_step (self);
}

/* --- dialogs -------------------------------------------------------------- */

static void
resolve_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     IrRisksPage      *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "note");
  const char *id = g_object_get_data (G_OBJECT (dialog), "escalation");

  if (g_str_equal (response, "resolve"))
    gtk_widget_activate_action (GTK_WIDGET (self), "risks.resolve", "(ss)", id,
                                gtk_editable_get_text (entry));
}

static void
resolve_dialog_activated_cb (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Resolve the Alert?"),
                                   _("A slip that is still there at the next evaluation raises a "
                                     "new alert."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("How it was resolved"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "resolve", _("_Resolve"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "resolve",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "resolve");
  g_object_set_data (G_OBJECT (dialog), "note", entry);
  g_object_set_data_full (G_OBJECT (dialog), "escalation",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (resolve_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
extension_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       IrRisksPage      *self)
{
  GtkCalendar *calendar = g_object_get_data (G_OBJECT (dialog), "calendar");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "note");
  const char *id = g_object_get_data (G_OBJECT (dialog), "escalation");
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;

  if (!g_str_equal (response, "request"))
    return;

  date = gtk_calendar_get_date (calendar);
  text = g_date_time_format (date, "%Y-%m-%d");
  gtk_widget_activate_action (GTK_WIDGET (self), "risks.request-extension", "(sss)", id, text,
                              gtk_editable_get_text (entry));
}

static void
extension_dialog_activated_cb (GtkWidget  *widget,
                               const char *action_name,
                               GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  IrRisksAlert *alert = ir_risks_page_find_alert (self, g_variant_get_string (parameter, NULL));
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *box, *calendar, *entry;
  g_autoptr(GDateTime) proposal = NULL;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Request an Extension"),
                                   _("Propose a new committed date. Once the customer confirms it "
                                     "on the plan, the alert is resolved."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  calendar = gtk_calendar_new ();
  if (alert != NULL && alert->slip != NULL && alert->slip->forecast != IR_DAY_NONE)
    {
      int year, month, day;

      ir_day_to_ymd (alert->slip->forecast, &year, &month, &day);
      proposal = g_date_time_new_local (year, month, day, 12, 0, 0);
      gtk_calendar_select_day (GTK_CALENDAR (calendar), proposal);
    }
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why the date moves"));
  gtk_box_append (GTK_BOX (box), calendar);
  gtk_box_append (GTK_BOX (box), entry);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "request", _("_Request"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "request",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "calendar", calendar);
  g_object_set_data (G_OBJECT (dialog), "note", entry);
  g_object_set_data_full (G_OBJECT (dialog), "escalation",
                          g_variant_dup_string (parameter, NULL), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (extension_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- elsewhere ------------------------------------------------------------ */

/* Shows the task on the Plan page: the window switches pages, and the Plan
 * page selects the task through its own action. */
static void
open_task_activated_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  GtkWidget *stack = gtk_widget_get_ancestor (widget, ADW_TYPE_VIEW_STACK);
  GtkWidget *plan;

  if (!gtk_widget_activate_action (widget, "room.page", "s", "plan"))
    g_warning ("Cannot show the Plan page: no window action room.page");

  plan = stack != NULL ? adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "plan") : NULL;
  if (plan == NULL ||
      !gtk_widget_activate_action (plan, "plan.select-task", "s",
                                   g_variant_get_string (parameter, NULL)))
    g_warning ("Cannot select task %s on the Plan page", g_variant_get_string (parameter, NULL));
}

static void
settings_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IrRisksPage *self = IR_RISKS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  IrRisksSettings *settings;

  if (self->store == NULL)
    return;

  settings = ir_risks_settings_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (settings),
                                GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_present (GTK_WINDOW (settings));
}

static void
evaluate_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  after_step (IR_RISKS_PAGE (widget));
}

/* --- set-up --------------------------------------------------------------- */

void
ir_risks_page_class_init_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "risks.select", "s", select_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.close-details", NULL,
                                   close_details_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.acknowledge", "s",
                                   acknowledge_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.snooze", "(si)", snooze_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.resolve", "(ss)", resolve_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.resolve-dialog", "s",
                                   resolve_dialog_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.request-extension", "(sss)",
                                   request_extension_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.extension-dialog", "s",
                                   extension_dialog_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.open-task", "s", open_task_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.settings", NULL, settings_activated_cb);
  gtk_widget_class_install_action (widget_class, "risks.evaluate", NULL, evaluate_activated_cb);
}

/* Enables the steps on an escalation only while an open one is selected,
 * since the details pane offers them for the selected alert, and the other
 * actions while a room is set. */
void
ir_risks_page_update_actions (IrRisksPage *self)
{
  IrRisksAlert *alert = ir_risks_page_find_alert (self, self->selected);
  gboolean open = alert != NULL && alert->record != NULL && alert->state != IR_ESCALATION_RESOLVED;
  gboolean has_store = self->store != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.acknowledge",
                                 open && alert->state != IR_ESCALATION_ACKNOWLEDGED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.snooze", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.resolve", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.resolve-dialog", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.request-extension",
                                 open && alert->kind == IR_SUBJECT_TASK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.extension-dialog",
                                 open && alert->kind == IR_SUBJECT_TASK);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.close-details", alert != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.select", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.open-task", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.settings", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "risks.evaluate", has_store);
}
