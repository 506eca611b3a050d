/* ir-risks-settings.c: a room's alert settings: thresholds, day counting,
 * time zone, meeting hour and link
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each change is written to the room at once, as one transaction, like the
 * other preferences of GNOME apps. A value that the room rejects is shown
 * in a toast and put back.
 */
#define G_LOG_DOMAIN "ironroom-risks"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-escalation.h"
#include "ir-risks-settings.h"

struct _IrRisksSettings
{
  AdwPreferencesWindow  parent_instance;

  IrStore              *store;
  gboolean              loading;

  GtkSpinButton        *yellow_spin;
  GtkSpinButton        *red_spin;
  AdwComboRow          *count_row;
  AdwEntryRow          *zone_row;
  GtkSpinButton        *reraise_spin;
  GtkSpinButton        *hour_spin;
  GtkSpinButton        *minutes_spin;
  AdwEntryRow          *link_row;
};

G_DEFINE_FINAL_TYPE (IrRisksSettings, ir_risks_settings, ADW_TYPE_PREFERENCES_WINDOW)

/* --- reading and writing -------------------------------------------------- */

static void
load (IrRisksSettings *self)
{
  IrEscalationSettings settings;

  ir_escalation_settings_init (&settings);
  ir_escalation_settings_load (&settings, self->store);

  self->loading = TRUE;
  gtk_spin_button_set_value (self->yellow_spin, settings.yellow_after);
  gtk_spin_button_set_value (self->red_spin, settings.red_after);
  adw_combo_row_set_selected (self->count_row,
                              settings.day_count == IR_DAY_COUNT_WORKING ? 1 : 0);
  gtk_editable_set_text (GTK_EDITABLE (self->zone_row), settings.time_zone);
  gtk_spin_button_set_value (self->reraise_spin, settings.reraise_hours);
  gtk_spin_button_set_value (self->hour_spin, settings.meeting_hour);
  gtk_spin_button_set_value (self->minutes_spin, settings.meeting_minutes);
  gtk_editable_set_text (GTK_EDITABLE (self->link_row),
                         settings.meeting_link ? settings.meeting_link : "");
  self->loading = FALSE;

  ir_escalation_settings_clear (&settings);
}

static void
save (IrRisksSettings *self)
{
  IrEscalationSettings settings;
  g_autoptr(GError) error = NULL;
  const char *link = gtk_editable_get_text (GTK_EDITABLE (self->link_row));

  if (self->loading)
    return;

  ir_escalation_settings_init (&settings);
  ir_escalation_settings_load (&settings, self->store);
  settings.yellow_after = gtk_spin_button_get_value_as_int (self->yellow_spin);
  settings.red_after = gtk_spin_button_get_value_as_int (self->red_spin);
  settings.day_count = adw_combo_row_get_selected (self->count_row) == 1
                       ? IR_DAY_COUNT_WORKING : IR_DAY_COUNT_CALENDAR;
  g_free (settings.time_zone);
  settings.time_zone = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->zone_row))));
  settings.reraise_hours = gtk_spin_button_get_value_as_int (self->reraise_spin);
  settings.meeting_hour = gtk_spin_button_get_value_as_int (self->hour_spin);
  settings.meeting_minutes = gtk_spin_button_get_value_as_int (self->minutes_spin);
  g_free (settings.meeting_link);
  settings.meeting_link = link[0] != '\0' ? g_strdup (link) : NULL;

  if (!ir_escalation_settings_save (&settings, self->store, &error))
    {
      g_debug ("Rejected alert settings: %s", error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      load (self);
    }

  ir_escalation_settings_clear (&settings);
}

/* --- callbacks ------------------------------------------------------------ */

static void
value_changed_cb (IrRisksSettings *self)
{
  save (self);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_risks_settings_dispose (GObject *object)
{
  IrRisksSettings *self = IR_RISKS_SETTINGS (object);

  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_RISKS_SETTINGS);

  G_OBJECT_CLASS (ir_risks_settings_parent_class)->dispose (object);
}

static void
ir_risks_settings_class_init (IrRisksSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_risks_settings_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/ir-risks-settings.ui");
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, yellow_spin);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, red_spin);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, count_row);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, zone_row);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, reraise_spin);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, minutes_spin);
  gtk_widget_class_bind_template_child (widget_class, IrRisksSettings, link_row);
}

static void
ir_risks_settings_init (IrRisksSettings *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_risks_settings_new:
 * @store: the open room
 *
 * Returns: (transfer full): a window that edits @store's alert settings
 */
IrRisksSettings *
ir_risks_settings_new (IrStore *store)
{
  IrRisksSettings *self;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  self = g_object_new (IR_TYPE_RISKS_SETTINGS, NULL);
  self->store = g_object_ref (store);
  load (self);

  g_signal_connect_object (self->yellow_spin, "value-changed", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->red_spin, "value-changed", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->count_row, "notify::selected", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->zone_row, "apply", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reraise_spin, "value-changed", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->hour_spin, "value-changed", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->minutes_spin, "value-changed", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->link_row, "apply", G_CALLBACK (value_changed_cb),
                           self, G_CONNECT_SWAPPED);

  return self;
}
