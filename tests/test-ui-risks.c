/* test-ui-risks.c: the Risks page on the demo room, run in-process under
 * Xvfb
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ir-escalation.h"
#include "ir-ui-test-util.h"
#include "risks/ir-risks-page.h"
#include "risks/ir-risks-settings.h"

/* --- helpers -------------------------------------------------------------- */

typedef struct
{
  IrApplication *app;
  IrWindow      *window;
  IrStore       *store;
  GtkWidget     *page;
} RisksFixture;

static gboolean
page_lists_alerts (gpointer data)
{
  RisksFixture *fixture = data;
  GtkWidget *list = ir_ui_test_find_named (fixture->page, "risks-alerts");

  return list != NULL && ir_ui_test_count_rows (list) >= 3;
}

/* Opens the demo room on its Risks page and waits until the page has
 * evaluated it. */
static void
open_demo_risks (RisksFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->app = ir_ui_test_start_app ();
  fixture->window = ir_application_get_main_window (fixture->app);
  g_assert_true (ir_application_open_demo (fixture->app, &error));
  g_assert_no_error (error);

  fixture->store = ir_window_get_store (fixture->window);
  g_assert_nonnull (fixture->store);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "room.page", "s", "risks");
  ir_ui_test_iterate (50);

  fixture->page = ir_ui_test_find_by_type (GTK_WIDGET (fixture->window), IR_TYPE_RISKS_PAGE);
  g_assert_nonnull (fixture->page);
  g_assert_true (ir_risks_page_get_store (IR_RISKS_PAGE (fixture->page)) == fixture->store);
  g_assert_true (ir_ui_test_wait_until (page_lists_alerts, fixture, 5000));
}

/* Returns the id of the room's open escalation of @tier. */
static char *
find_escalation (IrStore    *store,
                 const char *tier)
{
  g_autoptr(GPtrArray) records = ir_escalation_load_records (store);
  char *found = NULL;

  for (guint i = 0; i < records->len; i++)
    {
      IrEscalationRecord *record = g_ptr_array_index (records, i);

      if (g_strcmp0 (ir_tier_to_string (record->tier), tier) == 0 &&
          record->status.state != IR_ESCALATION_RESOLVED)
        {
          g_assert_null (found);
          found = g_strdup (record->id);
        }
    }

  g_assert_nonnull (found);
  return found;
}

static gboolean
widget_is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
page_lists_two (gpointer data)
{
  return ir_ui_test_count_rows (ir_ui_test_find_named (data, "risks-alerts")) == 2;
}

static GtkWidget *
find_row (RisksFixture *fixture,
          const char   *name)
{
  GtkWidget *list = ir_ui_test_find_named (fixture->page, "risks-alerts");

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_strcmp0 (gtk_widget_get_name (row), name) == 0)
      return row;

  return NULL;
}

/* --- tests ---------------------------------------------------------------- */

/* The demo plan slips three commitments, one per tier: the page lists one
 * escalation of each, red first. */
static void
test_risks_demo_tiers (void)
{
  RisksFixture fixture = { 0 };
  g_autofree char *red = NULL;
  g_autofree char *yellow = NULL;
  g_autofree char *blue = NULL;
  GtkWidget *list;

  open_demo_risks (&fixture);
  list = ir_ui_test_find_named (fixture.page, "risks-alerts");

  g_assert_cmpuint (ir_ui_test_count_rows (list), ==, 3);
  g_assert_cmpstr (ir_ui_test_label_text (fixture.page, "risks-red-count"), ==, "1");
  g_assert_cmpstr (ir_ui_test_label_text (fixture.page, "risks-yellow-count"), ==, "1");
  g_assert_cmpstr (ir_ui_test_label_text (fixture.page, "risks-blue-count"), ==, "1");

  red = find_escalation (fixture.store, "red");
  yellow = find_escalation (fixture.store, "yellow");
  blue = find_escalation (fixture.store, "blue");
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_first_child (list)), ==, red);
  g_assert_true (gtk_widget_get_next_sibling (find_row (&fixture, red)) == find_row (&fixture, yellow));
  g_assert_true (gtk_widget_get_next_sibling (find_row (&fixture, yellow)) == find_row (&fixture, blue));

  /* A local-only room acts as its own server: the page raised them once,
   * with the yellow tier's meeting. */
  {
    g_autoptr(IrEntityList) meetings = ir_store_list (fixture.store, "meeting");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (meetings)), ==, 1);
  }
  g_assert_false (gtk_widget_get_visible (ir_ui_test_find_named (fixture.page,
                                                                 "risks-provisional")));

  ir_ui_test_stop_app (fixture.app);
}

/* Selecting an alert shows it in full; acknowledging it records the step
 * and changes what the row and the details show. */
static void
test_risks_acknowledge (void)
{
  RisksFixture fixture = { 0 };
  g_autofree char *yellow = NULL;
  IrEscalationStatus status;
  GtkWidget *details;

  open_demo_risks (&fixture);
  yellow = find_escalation (fixture.store, "yellow");
  g_assert_true (ir_escalation_get_status (fixture.store, yellow, &status));
  g_assert_cmpint (status.state, ==, IR_ESCALATION_NOTIFIED);

  gtk_widget_activate_action (fixture.page, "risks.select", "s", yellow);
  ir_ui_test_iterate (50);
  details = ir_ui_test_find_named (fixture.page, "risks-details");
  g_assert_true (ir_ui_test_wait_until (widget_is_mapped, details, 2000));
  g_assert_cmpstr (ir_ui_test_label_text (fixture.page, "risks-details-state"), ==, "Notified");
  g_assert_true (gtk_widget_is_sensitive (ir_ui_test_find_named (fixture.page,
                                                                 "risks-acknowledge")));

  gtk_widget_activate_action (fixture.page, "risks.acknowledge", "s", yellow);
  ir_ui_test_iterate (50);

  g_assert_true (ir_escalation_get_status (fixture.store, yellow, &status));
  g_assert_cmpint (status.state, ==, IR_ESCALATION_ACKNOWLEDGED);
  g_assert_cmpstr (ir_ui_test_label_text (fixture.page, "risks-details-state"), ==,
                   "Acknowledged");
  g_assert_false (gtk_widget_is_sensitive (ir_ui_test_find_named (fixture.page,
                                                                  "risks-acknowledge")));

  /* The room acts as its own server, so the field follows the event. */
  {
    g_autoptr(IrEntity) escalation = ir_store_get_entity (fixture.store, "escalation", yellow);

    g_assert_cmpstr (ir_entity_get_string (escalation, "state"), ==, "acknowledged");
  }

  /* The demo's owner had acknowledged the blue one: two are acknowledged. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (ir_ui_test_find_named (fixture.page,
                                                                    "risks-state-filter")),
                              2);
  g_assert_true (ir_ui_test_wait_until (page_lists_two, fixture.page, 2000));
  g_assert_nonnull (find_row (&fixture, yellow));

  ir_ui_test_stop_app (fixture.app);
}

/* Resolving with a note ends the alert; with the slip still there, the
 * next evaluation raises a new one of the same tier. */
static void
test_risks_resolve (void)
{
  RisksFixture fixture = { 0 };
  g_autofree char *red = NULL;
  g_autofree char *again = NULL;
  IrEscalationStatus status;

  open_demo_risks (&fixture);
  red = find_escalation (fixture.store, "red");

  gtk_widget_activate_action (fixture.page, "risks.select", "s", red);
  gtk_widget_activate_action (fixture.page, "risks.resolve", "(ss)", red,
                              "Discussed with the VP; the review round stays");
  ir_ui_test_iterate (50);

  g_assert_true (ir_escalation_get_status (fixture.store, red, &status));
  g_assert_cmpint (status.state, ==, IR_ESCALATION_RESOLVED);
  again = find_escalation (fixture.store, "red");
  g_assert_cmpstr (again, !=, red);
  g_assert_cmpstr (ir_ui_test_label_text (fixture.page, "risks-red-count"), ==, "1");

  ir_ui_test_stop_app (fixture.app);
}

/* The task's button switches to the Plan page. */
static void
test_risks_open_task (void)
{
  RisksFixture fixture = { 0 };
  g_autoptr(GPtrArray) records = NULL;
  IrEscalationRecord *record = NULL;

  open_demo_risks (&fixture);
  records = ir_escalation_load_records (fixture.store);
  for (guint i = 0; i < records->len && record == NULL; i++)
    if (((IrEscalationRecord *) records->pdata[i])->kind == IR_SUBJECT_TASK)
      record = records->pdata[i];
  g_assert_nonnull (record);

  gtk_widget_activate_action (fixture.page, "risks.open-task", "s", record->subject);
  ir_ui_test_iterate (50);
  g_assert_cmpstr (ir_window_get_page (fixture.window), ==, "plan");

  ir_ui_test_stop_app (fixture.app);
}

/* The settings window writes the room's thresholds. */
static void
test_risks_settings (void)
{
  RisksFixture fixture = { 0 };
  IrEscalationSettings settings;
  IrRisksSettings *window;
  GtkWidget *yellow;

  open_demo_risks (&fixture);
  window = ir_risks_settings_new (fixture.store);
  gtk_window_present (GTK_WINDOW (window));
  ir_ui_test_iterate (50);

  yellow = ir_ui_test_find_named (GTK_WIDGET (window), "risks-settings-yellow");
  g_assert_nonnull (yellow);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (yellow)), ==, 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (yellow), 5);
  ir_ui_test_iterate (50);

  ir_escalation_settings_init (&settings);
  ir_escalation_settings_load (&settings, fixture.store);
  g_assert_cmpint (settings.yellow_after, ==, 5);
  ir_escalation_settings_clear (&settings);

  gtk_window_destroy (GTK_WINDOW (window));
  ir_ui_test_stop_app (fixture.app);
}

int
main (int    argc,
      char **argv)
{
  ir_ui_test_init (&argc, &argv);

  g_test_add_func ("/risks/demo-tiers", test_risks_demo_tiers);
  g_test_add_func ("/risks/acknowledge", test_risks_acknowledge);
  g_test_add_func ("/risks/resolve", test_risks_resolve);
  g_test_add_func ("/risks/open-task", test_risks_open_task);
  g_test_add_func ("/risks/settings", test_risks_settings);

  return g_test_run ();
}
