/* ir-ui-test-util.c: helpers for tests that run the app in-process
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test program gets fresh XDG data and config folders, in-memory
 * settings with the schema compiled in the build folder, and the cairo
 * renderer. The app runs in the test's own main context, which the tests
 * iterate while they wait for what they check.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "ir-hlc.h"
#include "ir-ui-test-util.h"

/* The other member's client id: 32 hex digits, fixed so that runs compare. */
#define OTHER_CLIENT "0123456789abcdef0123456789abcdef"

/* --- set-up --------------------------------------------------------------- */

/**
 * ir_ui_test_init:
 *
 * Sets up the environment and GTK for a UI test program. Without a display
 * the program reports that it skipped and exits, so that a plain
 * `meson test` outside tools/check does not fail for the wrong reason.
 */
void
ir_ui_test_init (int    *argc,
                 char ***argv)
{
  g_autofree char *home = g_dir_make_tmp ("ironroom-ui-test-XXXXXX", NULL);
  g_autofree char *data = g_build_filename (home, "data", NULL);
  g_autofree char *config = g_build_filename (home, "config", NULL);
  const char *build_dir = g_getenv ("IR_BUILD_DIR");

  g_assert_nonnull (home);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GSK_RENDERER", "cairo", TRUE);
  g_setenv ("NO_AT_BRIDGE", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  if (build_dir != NULL)
    {
      g_autofree char *schemas = g_build_filename (build_dir, "data", NULL);

      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display; run the UI tests through tools/check\n");
      exit (0);
    }

  adw_init ();
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL &&
         (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));

      remove_tree (child);
      g_object_unref (info);
    }

  g_file_delete (file, NULL, NULL);
}

/* Starts the app in this process, or reuses the one started before, with
 * no rooms and default settings, and waits for its window. One app serves
 * the whole test program because it keeps its D-Bus objects exported until
 * the process ends. */
IrApplication *
ir_ui_test_start_app (void)
{
  static IrApplication *app = NULL;
  g_autofree char *rooms_path = ir_room_directory_default_path ();
  g_autoptr(GFile) rooms = g_file_new_for_path (rooms_path);
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) keys = NULL;

  remove_tree (rooms);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);

  if (app == NULL)
    {
      app = ir_application_new ();

      /* Tests run side by side, so none of them may take the app's bus name. */
      g_application_set_flags (G_APPLICATION (app),
                               G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_COMMAND_LINE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  ir_room_directory_reload (ir_application_get_rooms (app));
  g_application_activate (G_APPLICATION (app));
  g_assert_nonnull (ir_application_get_main_window (app));
  ir_ui_test_iterate (50);

  return g_object_ref (app);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Closes the app's window and checks that it is finalized, which catches
 * references that widgets leak, then drops the test's reference to @app.
 * The app itself stays for the next test, see ir_ui_test_start_app(). */
void
ir_ui_test_stop_app (IrApplication *app)
{
  GtkWindow *window = GTK_WINDOW (ir_application_get_main_window (app));
  GList *windows;

  g_assert_nonnull (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))) != NULL)
    gtk_window_destroy (windows->data);

  g_assert_true (ir_ui_test_wait_until (is_null, &window, 2000));
  g_object_unref (app);
}

/* --- main loop ------------------------------------------------------------ */

static gboolean
timeout_cb (gpointer data)
{
  gboolean *done = data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main context for @ms milliseconds. */
void
ir_ui_test_iterate (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

/* Runs the main context until @condition holds or @timeout_ms passes;
 * returns whether it held. */
gboolean
ir_ui_test_wait_until (gboolean (*condition) (gpointer),
                       gpointer   data,
                       guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (source);

  return condition (data);
}

/* --- widgets -------------------------------------------------------------- */

GtkWidget *
ir_ui_test_find_named (GtkWidget  *root,
                       const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ir_ui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

GtkWidget *
ir_ui_test_find_by_type (GtkWidget *root,
                         GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (root), type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ir_ui_test_find_by_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Counts the rows of a GtkListBox. */
guint
ir_ui_test_count_rows (GtkWidget *list_box)
{
  guint n = 0;

  g_assert_true (GTK_IS_LIST_BOX (list_box));
  while (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), n) != NULL)
    n++;

  return n;
}

/* Returns the text of the label named @name under @root. */
const char *
ir_ui_test_label_text (GtkWidget  *root,
                       const char *name)
{
  GtkWidget *label = ir_ui_test_find_named (root, name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));

  return gtk_label_get_label (GTK_LABEL (label));
}

/* Returns the first toplevel window of @type, or %NULL. */
GtkWindow *
ir_ui_test_find_toplevel (GType type)
{
  g_autoptr(GListModel) toplevels = NULL;
  guint n;

  toplevels = g_object_ref (gtk_window_get_toplevels ());
  n = g_list_model_get_n_items (toplevels);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

/* --- sample room ---------------------------------------------------------- */

typedef struct
{
  const char *name_en, *name_zh;
  const char *title_en, *title_zh;
  const char *department_en, *department_zh;
  int         rank;
  int         influence;
  const char *stance;
  const char *buying_role;
  gboolean    covered;
} SamplePerson;

static const SamplePerson sample_people[IR_SAMPLE_STAKEHOLDERS] = {
  { "Wang Jianguo", "王建国", "Plant Director", "厂长", "Production", "生产部",
    1, 5, "champion", "economic", TRUE },
  { "Liu Fang", "刘芳", "Procurement Manager", "采购经理", "Procurement", "采购部",
    2, 4, "skeptic", "economic", TRUE },
  { "Chen Hao", "陈浩", "Equipment Engineer", "设备工程师", "Equipment", "设备部",
    3, 3, "supporter", "technical", TRUE },
  { "Zhou Min", "周敏", "EHS Officer", "安环主管", "EHS", "安环部",
    3, 2, "neutral", "user", FALSE },
  { "Sun Lei", "孙磊", "Finance Controller", "财务总监", "Finance", "财务部",
    2, 4, "blocker", "economic", FALSE },
  { "Zhao Qiang", "赵强", "Maintenance Lead", "维修班长", "Equipment", "设备部",
    5, 2, "supporter", "coach", TRUE },
};

static char *
date_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static char *
add_member (IrTx       *tx,
            const char *user,
            const char *display_name,
            const char *role)
{
  char *member = ir_tx_create (tx, "member");

  ir_tx_set_string (tx, "member", member, "user", user);
  ir_tx_set_string (tx, "member", member, "display_name", display_name);
  ir_tx_set_string (tx, "member", member, "role", role);
  ir_tx_set_boolean (tx, "member", member, "active", TRUE);

  return member;
}

static char *
add_task (IrTx       *tx,
          const char *parent,
          const char *name,
          const char *position,
          const char *owner,
          int         start_in_days,
          int         duration,
          gboolean    milestone)
{
  char *task = ir_tx_create (tx, "task");
  g_autofree char *start = date_from_today (start_in_days);

  if (parent != NULL)
    ir_tx_set_string (tx, "task", task, "parent", parent);
  ir_tx_set_string (tx, "task", task, "name", name);
  ir_tx_set_string (tx, "task", task, "position", position);
  ir_tx_set_string (tx, "task", task, "owner", owner);
  ir_tx_set_string (tx, "task", task, "start", start);
  ir_tx_set_int (tx, "task", task, "duration", duration);
  ir_tx_set_boolean (tx, "task", task, "milestone", milestone);

  return task;
}

static void
add_alert (IrTx       *tx,
           const char *task,
           const char *tier,
           int         delay,
           int         committed_in_days)
{
  g_autofree char *alert = ir_tx_create (tx, "escalation");
  g_autofree char *commitment = date_from_today (committed_in_days);

  ir_tx_set_string (tx, "escalation", alert, "subject_kind", "task");
  ir_tx_set_string (tx, "escalation", alert, "subject", task);
  ir_tx_set_string (tx, "escalation", alert, "commitment", commitment);
  ir_tx_set_string (tx, "escalation", alert, "tier", tier);
  ir_tx_set_int (tx, "escalation", alert, "ordinal", 0);
  ir_tx_set_int (tx, "escalation", alert, "delay", delay);
  ir_tx_set_string (tx, "escalation", alert, "state", "raised");
  ir_tx_set_int (tx, "escalation", alert, "raised", g_get_real_time ());
}

/**
 * ir_ui_test_write_sample_room:
 * @chinese: whether names and titles are in Chinese
 *
 * Writes a small room through the store, as a user would: members,
 * stakeholders, a plan with milestones, drawings with revisions, alerts of
 * each tier, risks and one "needs you" item for the store's actor. The
 * store's actor must already be a member with the server's role, as in a
 * room without a server.
 */
void
ir_ui_test_write_sample_room (IrStore  *store,
                              gboolean  chinese)
{
  g_autoptr(IrTx) tx = ir_store_begin (store);
  g_autoptr(IrEntity) me = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *other = NULL;
  g_autofree char *fulfilment = NULL;
  g_autofree char *inbox = NULL;
  const char *my_member;
  IrBlobStore *blobs = ir_store_get_blobs (store);

  {
    g_autoptr(IrEntityList) members = ir_store_list (store, "member");

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (members)), >=, 1);
    me = g_list_model_get_item (G_LIST_MODEL (members), 0);
    my_member = ir_entity_get_id (me);
  }

  other = add_member (tx, IR_SAMPLE_OTHER_USER, chinese ? "李伟" : "Li Wei", "SR");
  fulfilment = add_member (tx, "zhao.min", chinese ? "赵敏" : "Zhao Min", "FR");

  for (guint i = 0; i < IR_SAMPLE_STAKEHOLDERS; i++)
    {
      const SamplePerson *person = &sample_people[i];
      g_autofree char *eid = ir_tx_create (tx, "stakeholder");

      ir_tx_set_string (tx, "stakeholder", eid, "name",
                        chinese ? person->name_zh : person->name_en);
      ir_tx_set_string (tx, "stakeholder", eid, "title",
                        chinese ? person->title_zh : person->title_en);
      ir_tx_set_string (tx, "stakeholder", eid, "department",
                        chinese ? person->department_zh : person->department_en);
      ir_tx_set_int (tx, "stakeholder", eid, "rank", person->rank);
      ir_tx_set_int (tx, "stakeholder", eid, "influence", person->influence);
      ir_tx_set_string (tx, "stakeholder", eid, "stance", person->stance);
      ir_tx_set_string (tx, "stakeholder", eid, "buying_role", person->buying_role);
      ir_tx_set_string (tx, "stakeholder", eid, "status", "active");
      if (person->covered)
        ir_tx_set_string (tx, "stakeholder", eid, "coverage_owner",
                          i % 2 ? other : my_member);
    }

  {
    g_autofree char *phase = add_task (tx, NULL, chinese ? "方案与图纸" : "Solution and drawings",
                                       "a0", my_member, 0, 30, FALSE);
    g_autofree char *delivery = add_task (tx, NULL, chinese ? "制造与交付" : "Build and delivery",
                                          "b0", fulfilment, 30, 60, FALSE);

    g_ptr_array_add (tasks, add_task (tx, phase, chinese ? "技术澄清会" : "Technical clarification",
                                      "a1", other, 0, 5, FALSE));
    g_ptr_array_add (tasks, add_task (tx, phase, chinese ? "提交 A 版图纸" : "Submit drawings rev. A",
                                      "a2", other, 5, 10, FALSE));
    g_ptr_array_add (tasks, add_task (tx, phase, chinese ? "图纸冻结" : "Drawing freeze",
                                      "a3", other, 20, 0, TRUE));
    g_ptr_array_add (tasks, add_task (tx, delivery, chinese ? "阀体铸造" : "Valve body casting",
                                      "b1", fulfilment, 30, 25, FALSE));
    g_ptr_array_add (tasks, add_task (tx, delivery, chinese ? "首件检验" : "First article inspection",
                                      "b2", fulfilment, 55, 0, TRUE));
    g_ptr_array_add (tasks, add_task (tx, delivery, chinese ? "出厂验收" : "Factory acceptance test",
                                      "b3", fulfilment, 60, 5, FALSE));
    g_ptr_array_add (tasks, add_task (tx, delivery, chinese ? "现场交付" : "Site delivery",
                                      "b4", my_member, 70, 0, TRUE));

    for (guint i = 0; i < tasks->len; i++)
      {
        const char *task = tasks->pdata[i];
        g_autofree char *committed = date_from_today (18 + 25 * (int) i / 3);

        if (i == 2 || i == 4 || i == 6)
          {
            ir_tx_set_boolean (tx, "task", task, "key_milestone", TRUE);
            ir_tx_set_string (tx, "task", task, "committed", committed);
          }
      }

    {
      g_autofree char *confirmation = ir_tx_create (tx, "confirmation");
      g_autofree char *committed = date_from_today (18);

      ir_tx_set_string (tx, "confirmation", confirmation, "task", tasks->pdata[2]);
      ir_tx_set_string (tx, "confirmation", confirmation, "signer_name",
                        chinese ? "王建国" : "Wang Jianguo");
      ir_tx_set_string (tx, "confirmation", confirmation, "committed", committed);
    }

    add_alert (tx, tasks->pdata[2], "red", 9, 18);
    add_alert (tx, tasks->pdata[1], "yellow", 5, 12);
    add_alert (tx, tasks->pdata[3], "blue", 2, 40);
  }

  for (guint i = 0; i < IR_SAMPLE_DRAWINGS; i++)
    {
      g_autofree char *drawing = ir_tx_create (tx, "drawing");
      g_autofree char *markup = ir_tx_create (tx, "markup");

      ir_tx_set_string (tx, "drawing", drawing, "title",
                        i == 0 ? (chinese ? "DN200 闸阀总装图" : "DN200 gate valve assembly")
                               : (chinese ? "阀体零件图" : "Valve body detail"));
      ir_tx_set_string (tx, "drawing", drawing, "number", i == 0 ? "VG-200-000" : "VG-200-101");
      ir_tx_set_string (tx, "drawing", drawing, "position", i == 0 ? "a0" : "b0");

      for (char revision_letter = 'A'; revision_letter <= 'B'; revision_letter++)
        {
          g_autofree char *revision = ir_tx_create (tx, "revision");
          g_autofree char *text = g_strdup_printf ("drawing %u revision %c", i, revision_letter);
          g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
          g_autofree char *sha = ir_blob_store_add_bytes (blobs, bytes, &error);
          g_autofree char *filename = g_strdup_printf ("VG-200-%u-%c.pdf", i, revision_letter);

          g_assert_no_error (error);
          ir_tx_set_string (tx, "revision", revision, "drawing", drawing);
          ir_tx_set_string (tx, "revision", revision, "blob", sha);
          ir_tx_set_string (tx, "revision", revision, "filename", filename);
          ir_tx_set_int (tx, "revision", revision, "uploaded",
                         g_get_real_time () - (revision_letter == 'A' ? 86400 : 3600) * G_USEC_PER_SEC);
        }

      ir_tx_set_string (tx, "markup", markup, "drawing", drawing);
      ir_tx_set_string (tx, "markup", markup, "kind", "cloud");
      ir_tx_set_string (tx, "markup", markup, "text",
                        chinese ? "法兰螺栓孔位置需确认" : "Confirm the flange bolt holes");
      ir_tx_set_string (tx, "markup", markup, "status", "open");
    }

  for (guint i = 0; i < IR_SAMPLE_RISKS; i++)
    {
      g_autofree char *risk = ir_tx_create (tx, "risk");

      ir_tx_set_string (tx, "risk", risk, "title",
                        i == 0 ? (chinese ? "铸件供应商产能不足" : "Casting supplier short of capacity")
                               : (chinese ? "财务审批延迟" : "Finance approval delayed"));
      ir_tx_set_string (tx, "risk", risk, "owner", i == 0 ? fulfilment : my_member);
      ir_tx_set_int (tx, "risk", risk, "probability", i == 0 ? 4 : 3);
      ir_tx_set_int (tx, "risk", risk, "impact", i == 0 ? 5 : 3);
      ir_tx_set_string (tx, "risk", risk, "status", "open");
    }

  inbox = ir_tx_create (tx, "inbox_item");
  ir_tx_set_string (tx, "inbox_item", inbox, "recipient", my_member);
  ir_tx_set_string (tx, "inbox_item", inbox, "kind", "escalation");
  ir_tx_set_string (tx, "inbox_item", inbox, "title",
                    chinese ? "图纸冻结已延误 9 天" : "Drawing freeze is 9 days late");
  ir_tx_set_string (tx, "inbox_item", inbox, "body",
                    chinese ? "红色预警已上报事业部副总裁。" : "A red alert went to the business-unit VP.");
  ir_tx_set_string (tx, "inbox_item", inbox, "author", "server");
  ir_tx_set_int (tx, "inbox_item", inbox, "created", g_get_real_time ());

  ir_store_commit (store, tx, &error);
  g_assert_no_error (error);
}

/* Creates a room and writes the sample into it. Returns: (transfer full) */
IrRoomInfo *
ir_ui_test_create_sample_room (IrRoomDirectory *rooms,
                               gboolean         chinese)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IrStore) store = NULL;
  g_autoptr(IrRoomInfo) room = NULL;

  room = ir_room_directory_create (rooms, chinese ? IR_SAMPLE_NAME_ZH : IR_SAMPLE_NAME_EN,
                                   chinese ? "华东石化" : "East China Petrochemical",
                                   FALSE, &store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (room);

  ir_ui_test_write_sample_room (store, chinese);
  ir_store_close (store);

  return g_steal_pointer (&room);
}

/**
 * ir_ui_test_apply_remote_edit:
 * @seq: the server sequence the edit gets, above any earlier one
 *
 * Applies one edit by %IR_SAMPLE_OTHER_USER as if the server had sent it.
 */
void
ir_ui_test_apply_remote_edit (IrStore    *store,
                              const char *entity,
                              const char *eid,
                              const char *field,
                              const char *value,
                              gint64      seq)
{
  g_autoptr(GPtrArray) ops = g_ptr_array_new_with_free_func ((GDestroyNotify) ir_op_free);
  g_autoptr(GError) error = NULL;
  IrOp *op = ir_op_new ();

  op->id = g_strdup_printf ("%s:%" G_GINT64_FORMAT, OTHER_CLIENT, seq);
  op->room = g_strdup (ir_store_get_room_id (store));
  op->tx = g_strdup (op->id);
  op->entity = g_strdup (entity);
  op->eid = g_strdup (eid);
  op->field = g_strdup (field);
  op->value = json_node_init_string (json_node_alloc (), value);
  op->hlc = ir_hlc_make (g_get_real_time () / 1000, 0);
  op->actor = g_strdup (IR_SAMPLE_OTHER_USER);
  op->schema = IR_SCHEMA_VERSION;
  op->seq = seq;
  op->received = g_get_real_time ();
  g_ptr_array_add (ops, op);

  ir_store_apply_remote (store, ops, &error);
  g_assert_no_error (error);
}
