/* ir-demo-team.c: the demo room itself, its members and settings, the
 * review, decisions, manual risks and inbox items
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "ir-demo-private.h"
#include "ir-escalation.h"

/* The map's key for the days after which a contact is stale. */
#define STALE_CONTACT_DAYS_KEY "stale_contact_days"

/* A URL under example.com, which is reserved for examples, so that the
 * demo's meeting link never reaches a real meeting service. */
#define DEMO_MEETING_LINK "https://meeting.example.com/j/valve-deal-dn150"

typedef struct
{
  IrDemoMember  who;
  const char   *display_name;
  int           joined;       /* day offset */
} DemoMemberRow;

static const DemoMemberRow member_rows[] = {
  { IR_DEMO_AR, "张伟", -100 },
  { IR_DEMO_SR, "李娜", -100 },
  { IR_DEMO_FR, "王强", -99 },
  { IR_DEMO_EXECUTIVE, "赵志刚", -70 },
  { IR_DEMO_OBSERVER, "陈晓", -40 },
};

typedef struct
{
  const char   *key;
  int           created;       /* day offset */
  IrDemoMember  owner;
  const char   *title_zh;
  const char   *title_en;
  int           probability;
  int           impact;
  int           due;           /* day offset, after today so none is overdue */
  const char   *mitigation_zh;
  const char   *mitigation_en;
  const char   *task;
} DemoRisk;

static const DemoRisk risk_rows[] = {
  { "actuators", -55, IR_DEMO_FR,
    "电动执行机构进口清关周期不确定",
    "Customs clearance of the imported electric actuators is uncertain",
    3, 3, 40,
    "要求供应商提供保税库存；同时认证一款国产备选型号。",
    "Ask the supplier for bonded stock, and qualify a domestic alternative.",
    "p5" },
  { "ehs_tests", -24, IR_DEMO_SR,
    "安环部要求见证低逸散与防火试验，图纸冻结可能推迟",
    "EHS wants witnessed low-emission and fire-safe tests; the drawing freeze may slip",
    4, 4, 10,
    "提前与第三方检测机构确定试验排期；赵总与陈总高层沟通。",
    "Book the third-party laboratory early; executive call between 赵志刚 and 陈国栋.",
    "d7" },
};

typedef struct
{
  int           day;           /* day offset */
  int           minute;
  IrDemoMember  author;
  const char   *kind;
  const char   *subject_entity;
  const char   *subject_key;
  const char   *title_zh;
  const char   *title_en;
  const char   *body_zh;
  const char   *body_en;
} DemoInboxItem;

static const DemoInboxItem inbox_rows[] = {
  { -3, IR_DEMO_TIME (16, 30), IR_DEMO_SR, "follow_up", "stakeholder", "ehs_head",
    "林志强的见证试验方案已逾期",
    "The witnessed test plan for 林志强 is overdue",
    "安环部仍不同意图纸冻结。请安排赵总与陈总通话，并在周五前把试验方案发给林部长。",
    "EHS still blocks the drawing freeze. Please set up a call between 赵志刚 and 陈国栋, "
    "and send 林志强 the test plan by Friday." },
  { -1, IR_DEMO_TIME (17, 10), IR_DEMO_FR, "confirmation", "task", "m6",
    "首件检验需推迟，请与客户确认新日期",
    "The first-article inspection is late: agree a new date with the customer",
    "试浇件 RT 发现缩松，增加补焊与复检后首件检验晚于承诺日期。请与赵部长沟通并安排重新确认。",
    "RT found shrinkage in the trial casting; with the repair and re-test the first-article "
    "inspection is past its committed date. Please talk to 赵海峰 and arrange a new confirmation." },
};

/* --- room and members ---------------------------------------------------- */

static JsonNode *
int_node (gint64 value)
{
  return json_node_init_int (json_node_alloc (), value);
}

static JsonNode *
string_node (const char *value)
{
  return json_node_init_string (json_node_alloc (), value);
}

static void
add_member (IrDemo             *demo,
            IrTx               *tx,
            const DemoMemberRow *row)
{
  char *eid = ir_tx_create (tx, "member");

  demo->members[row->who] = eid;
  ir_tx_set_string (tx, "member", eid, "user", ir_demo_user (row->who));
  ir_tx_set_string (tx, "member", eid, "display_name", row->display_name);
  ir_tx_set_string (tx, "member", eid, "role",
                    ir_role_to_string (ir_demo_roles (row->who) & ~IR_ROLE_SERVER));
  ir_tx_set_boolean (tx, "member", eid, "active", TRUE);
  ir_tx_set_int (tx, "member", eid, "joined", demo->time_us);
}

static gboolean
write_room (IrDemo         *demo,
            gconstpointer   data,
            GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_AR);
  const char *room;

  demo->room = ir_tx_create (tx, "room");
  room = demo->room;
  ir_tx_set_string (tx, "room", room, "name",
                    IR_DEMO_TEXT (demo, "阀门项目 · Valve deal", "Valve deal"));
  ir_tx_set_string (tx, "room", room, "customer",
                    IR_DEMO_TEXT (demo, IR_DEMO_CUSTOMER_ZH, IR_DEMO_CUSTOMER_EN));
  ir_tx_set_string (tx, "room", room, "description",
                    IR_DEMO_TEXT (demo,
                                  "加氢装置 DN150 PN40 定制闸阀 36 台：低逸散填料、"
                                  "司太立堆焊密封面、电动执行机构。",
                                  "36 custom DN150 PN40 gate valves for a hydrotreater: "
                                  "low-emission packing, Stellite-faced seats, electric "
                                  "actuators."));
  ir_tx_set_string (tx, "room", room, "time_zone", "Asia/Shanghai");
  ir_tx_set_int (tx, "room", room, "created", demo->time_us);
  ir_tx_set_boolean (tx, "room", room, "demo", TRUE);

  add_member (demo, tx, &member_rows[0]);
  add_member (demo, tx, &member_rows[1]);

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_member (IrDemo         *demo,
              gconstpointer   data,
              GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_AR);

  add_member (demo, tx, data);

  return ir_demo_commit (demo, tx, error);
}

static void
add_setting (IrTx       *tx,
             const char *key,
             JsonNode   *value)
{
  g_autofree char *eid = ir_tx_create (tx, "room_setting");

  ir_tx_set_string (tx, "room_setting", eid, "key", key);
  ir_tx_set (tx, "room_setting", eid, "value", value);
}

static gboolean
write_settings (IrDemo         *demo,
                gconstpointer   data,
                GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_AR);

  /* Blue up to 3 days late, yellow up to 7, red beyond. */
  add_setting (tx, IR_SETTING_ESCALATION_YELLOW_AFTER, int_node (3));
  add_setting (tx, IR_SETTING_ESCALATION_RED_AFTER, int_node (7));
  add_setting (tx, IR_SETTING_ESCALATION_DAY_COUNT, string_node ("calendar"));
  add_setting (tx, IR_SETTING_ESCALATION_MEETING_HOUR, int_node (10));
  add_setting (tx, IR_SETTING_ESCALATION_MEETING_MINUTES, int_node (60));
  add_setting (tx, IR_SETTING_ESCALATION_MEETING_LINK, string_node (DEMO_MEETING_LINK));
  add_setting (tx, STALE_CONTACT_DAYS_KEY, int_node (30));

  return ir_demo_commit (demo, tx, error);
}

/* --- risks, review and inbox --------------------------------------------- */

static gboolean
write_risk (IrDemo         *demo,
            gconstpointer   data,
            GError        **error)
{
  const DemoRisk *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->owner);
  g_autofree char *eid = ir_demo_create (demo, tx, "risk", row->key);

  ir_tx_set_string (tx, "risk", eid, "title", IR_DEMO_TEXT (demo, row->title_zh, row->title_en));
  ir_tx_set_string (tx, "risk", eid, "owner", ir_demo_member (demo, row->owner));
  ir_tx_set_int (tx, "risk", eid, "probability", row->probability);
  ir_tx_set_int (tx, "risk", eid, "impact", row->impact);
  ir_demo_set_day (tx, "risk", eid, "due", ir_demo_working_day (demo, row->due));
  ir_tx_set_string (tx, "risk", eid, "mitigation",
                    IR_DEMO_TEXT (demo, row->mitigation_zh, row->mitigation_en));
  ir_tx_set_string (tx, "risk", eid, "status", "open");
  ir_tx_set_string (tx, "risk", eid, "task", ir_demo_task (demo, row->task));

  return ir_demo_commit (demo, tx, error);
}

static void
add_decision (IrDemo       *demo,
              IrTx         *tx,
              const char   *review,
              const char   *kind,
              const char   *text,
              IrDemoMember  owner,
              int           due,
              const char   *position,
              const char   *risk,
              const char   *task)
{
  g_autofree char *eid = ir_tx_create (tx, "decision");

  ir_tx_set_string (tx, "decision", eid, "review", review);
  ir_tx_set_string (tx, "decision", eid, "kind", kind);
  ir_tx_set_string (tx, "decision", eid, "text", text);
  ir_tx_set_string (tx, "decision", eid, "owner", ir_demo_member (demo, owner));
  ir_demo_set_day (tx, "decision", eid, "due", ir_demo_working_day (demo, due));
  ir_tx_set_string (tx, "decision", eid, "position", position);
  if (risk != NULL)
    ir_tx_set_string (tx, "decision", eid, "risk", ir_demo_lookup (demo, "risk", risk));
  if (task != NULL)
    ir_tx_set_string (tx, "decision", eid, "task", ir_demo_task (demo, task));
}

static gboolean
write_review (IrDemo         *demo,
              gconstpointer   data,
              GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_AR);
  g_autofree char *review = ir_demo_create (demo, tx, "review", "weekly");
  g_autofree char *first = ir_demo_next_position (demo, NULL);
  g_autofree char *second = ir_demo_next_position (demo, first);

  ir_tx_set_string (tx, "review", review, "title",
                    IR_DEMO_TEXT (demo, "项目评审：B 版图纸与采购进展",
                                  "Project review: revision B drawings and procurement"));
  ir_tx_set_int (tx, "review", review, "held", demo->time_us);
  /* Every op so far is this replica's and unpushed; when the room first
   * uploads its history, in order, the last of them gets this sequence. */
  ir_tx_set_int (tx, "review", review, "seq", ir_store_count_unpushed (demo->store));
  ir_tx_set_int (tx, "review", review, "since_seq", 0);
  ir_tx_set_string (tx, "review", review, "notes",
                    IR_DEMO_TEXT (demo,
                                  "参会：张伟、李娜、王强、赵志刚。B 版图纸本周发出；"
                                  "安环部对低逸散与防火试验的要求是图纸冻结的最大风险；"
                                  "铸件按计划浇注，执行机构清关待确认。",
                                  "Present: 张伟, 李娜, 王强, 赵志刚. "
                                  "Revision B goes out this week; the EHS demand for "
                                  "low-emission and fire-safe tests is the main risk to the "
                                  "drawing freeze; castings on schedule, actuator customs "
                                  "still open."));

  add_decision (demo, tx, review, "decision",
                IR_DEMO_TEXT (demo,
                              "同意为安环部追加第三方见证的低逸散与防火试验，"
                              "费用通过变更单与客户分担。",
                              "Add the third-party witnessed low-emission and fire-safe "
                              "tests that EHS asks for; share the cost with the customer "
                              "through a change order."),
                IR_DEMO_AR, 5, first, "ehs_tests", NULL);
  add_decision (demo, tx, review, "action",
                IR_DEMO_TEXT (demo,
                              "王强每周五提交铸件进度周报，并安排客户到铸造厂见证试浇。",
                              "王强 sends a casting report every Friday and takes the "
                              "customer to witness the trial pour."),
                IR_DEMO_FR, -5, second, NULL, "p2");

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_inbox_item (IrDemo         *demo,
                  gconstpointer   data,
                  GError        **error)
{
  const DemoInboxItem *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);
  g_autofree char *eid = ir_tx_create (tx, "inbox_item");

  ir_tx_set_string (tx, "inbox_item", eid, "recipient", ir_demo_member (demo, IR_DEMO_AR));
  ir_tx_set_string (tx, "inbox_item", eid, "kind", row->kind);
  ir_tx_set_string (tx, "inbox_item", eid, "subject_entity", row->subject_entity);
  ir_tx_set_string (tx, "inbox_item", eid, "subject",
                    ir_demo_lookup (demo, row->subject_entity, row->subject_key));
  ir_tx_set_string (tx, "inbox_item", eid, "title",
                    IR_DEMO_TEXT (demo, row->title_zh, row->title_en));
  ir_tx_set_string (tx, "inbox_item", eid, "body",
                    IR_DEMO_TEXT (demo, row->body_zh, row->body_en));
  ir_tx_set_string (tx, "inbox_item", eid, "author", ir_demo_user (row->author));
  ir_tx_set_int (tx, "inbox_item", eid, "created", demo->time_us);
  ir_tx_set_boolean (tx, "inbox_item", eid, "read", FALSE);
  ir_tx_set_boolean (tx, "inbox_item", eid, "done", FALSE);

  return ir_demo_commit (demo, tx, error);
}

/* --- escalations --------------------------------------------------------- */

/* The room has no server, so this replica evaluates escalations itself, as
 * the app does. Once the re-estimates are in, that raises one escalation of
 * each tier, with its actions: a reminder, a three-party meeting and a
 * report to the executive. */
static gboolean
write_escalations (IrDemo         *demo,
                   gconstpointer   data,
                   GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (demo->time_us / G_USEC_PER_SEC);
  g_autoptr(IrEscalationReport) report = NULL;
  IrEscalationItem *item;

  ir_store_set_actor (demo->store, ir_demo_user (IR_DEMO_AR), ir_demo_roles (IR_DEMO_AR));
  report = ir_escalation_evaluate (demo->store, now, FALSE, error);
  if (report == NULL)
    return FALSE;

  item = ir_escalation_report_find (report, ir_demo_task (demo, "d5"));
  if (item == NULL || item->escalation_id == NULL)
    {
      g_set_error (error, IR_STORE_ERROR, IR_STORE_ERROR_FAILED,
                   _("Cannot write the demo room: the inspection and test plan raised no "
                     "escalation. Check the demo's plan table."));
      return FALSE;
    }

  g_hash_table_insert (demo->ids, g_strdup ("escalation:itp"), g_strdup (item->escalation_id));
  return TRUE;
}

/* The owner of the blue escalation acknowledges it. */
static gboolean
write_acknowledgement (IrDemo         *demo,
                       gconstpointer   data,
                       GError        **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (demo->time_us / G_USEC_PER_SEC);

  ir_store_set_actor (demo->store, ir_demo_user (IR_DEMO_SR), ir_demo_roles (IR_DEMO_SR));

  return ir_escalation_acknowledge (demo->store, ir_demo_lookup (demo, "escalation", "itp"),
                                    IR_DEMO_TEXT (demo,
                                                  "已告知设备部黄工，新增工况计算完成后即提交 ITP。",
                                                  "Told 黄磊 in equipment; the ITP goes out as "
                                                  "soon as the new load cases are done."),
                                    now, error);
}

/* --- steps --------------------------------------------------------------- */

void
ir_demo_team_add_steps (IrDemo *demo)
{
  ir_demo_add_step (demo, member_rows[0].joined, IR_DEMO_TIME (9, 0), write_room, NULL);
  ir_demo_add_step (demo, member_rows[0].joined, IR_DEMO_TIME (9, 20), write_settings, NULL);
  for (gsize i = 2; i < G_N_ELEMENTS (member_rows); i++)
    ir_demo_add_step (demo, member_rows[i].joined, IR_DEMO_TIME (8, 30), write_member,
                      &member_rows[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (risk_rows); i++)
    ir_demo_add_step (demo, risk_rows[i].created, IR_DEMO_TIME (18, 0), write_risk,
                      &risk_rows[i]);

  ir_demo_add_step (demo, -14, IR_DEMO_TIME (16, 0), write_review, NULL);

  ir_demo_add_step (demo, -3, IR_DEMO_TIME (18, 0), write_escalations, NULL);
  ir_demo_add_step (demo, -1, IR_DEMO_TIME (10, 0), write_acknowledgement, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (inbox_rows); i++)
    ir_demo_add_step (demo, inbox_rows[i].day, inbox_rows[i].minute, write_inbox_item,
                      &inbox_rows[i]);
}
