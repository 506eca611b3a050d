/* ir-demo-map.c: the demo room's decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The customer's buying committee for the valve order: five departments
 * under a general manager, sixteen people with their stances, roles and
 * concerns, reporting and influence links, and three months of meetings,
 * calls, site visits and messages. Map positions are left unset, so that
 * the map lays the cards out itself.
 */
#include "config.h"

#include <string.h>

#include "ir-demo-private.h"
#include "ir-map-model.h"

/* A stakeholder with no department: the company's management. */
#define NO_DEPARTMENT (-1)

static const char * const departments[][2] = {
  { "采购部", "Procurement" },
  { "设备部", "Equipment" },
  { "生产部", "Production" },
  { "安环部", "EHS" },
  { "财务部", "Finance" },
};

enum { PROCUREMENT, EQUIPMENT, PRODUCTION, EHS, FINANCE };

typedef struct
{
  const char   *key;
  const char   *name_zh;      /* people keep their Chinese names in English */
  const char   *name_en;      /* NULL but for the placeholder's label */
  const char   *title_zh;
  const char   *title_en;
  int           department;
  int           rank;
  int           influence;
  const char   *stance;       /* when first met; see stance_changes */
  const char   *buying_role;
  const char   *manager;      /* key of whom they report to, or NULL */
  IrDemoMember  coverage;
  const char   *levels;       /* the AR's, SR's and FR's level: n, m or t */
  const char   *concerns_zh;  /* tags separated by "|" */
  const char   *concerns_en;
  const char   *note_zh;
  const char   *note_en;
  int           created;      /* day offset */
  IrDemoMember  author;
} DemoStakeholder;

/* Managers come before the people who report to them. */
static const DemoStakeholder stakeholders[] = {
  { "gm", "陈国栋", NULL, "总经理", "General Manager", NO_DEPARTMENT, 1, 5,
    "neutral", "none", NULL, IR_DEMO_AR, "mnn",
    "安全|开车进度", "Safety|Start-up date",
    "关注安全与开车进度，重大采购听取安环部意见。",
    "Watches safety and the start-up date; listens to EHS on large purchases.",
    -98, IR_DEMO_AR },
  { "vp", "刘建华", NULL, "副总经理（分管设备与采购）", "Vice President, Equipment and Procurement",
    NO_DEPARTMENT, 2, 5, "neutral", "economic", "gm", IR_DEMO_AR, "mnn",
    "价格|付款条件|交期", "Price|Payment terms|Lead time",
    "预算审批人；关心总价与付款节点，也看重供应商的交付记录。",
    "Approves the budget; watches the total price and the payment milestones, and the "
    "supplier's delivery record.",
    -98, IR_DEMO_AR },
  { "proc_head", "孙丽", NULL, "采购部部长", "Head of Procurement", PROCUREMENT, 3, 4,
    "neutral", "none", "vp", IR_DEMO_AR, "tnn",
    "价格|付款条件", "Price|Payment terms",
    "以价格为主，要求分项报价。", "Mainly driven by price; wants an itemised quote.",
    -98, IR_DEMO_AR },
  { "eq_head", "王建军", NULL, "设备部部长", "Head of Equipment", EQUIPMENT, 3, 3,
    "supporter", "technical", "vp", IR_DEMO_SR, "mtm",
    "密封可靠性|认证|备件", "Seal reliability|Certification|Spare parts",
    "技术决策人，对密封面寿命要求高，原先倾向进口品牌。",
    "Makes the technical call; demanding on seat life, used to prefer imported brands.",
    -88, IR_DEMO_SR },
  { "eq_engineer", "黄磊", NULL, "阀门专工", "Valve Engineer", EQUIPMENT, 5, 3,
    "supporter", "coach", "eq_head", IR_DEMO_SR, "mtn",
    "密封可靠性|本地化服务", "Seal reliability|Local service",
    "我们的教练，主动提供设备部内部的意见。",
    "Our coach; tells us what the equipment team think.",
    -88, IR_DEMO_SR },
  { "prod_head", "赵海峰", NULL, "生产部部长", "Head of Production", PRODUCTION, 3, 4,
    "supporter", "user", "gm", IR_DEMO_FR, "mmt",
    "交期|开车进度", "Lead time|Start-up date",
    "关心开车进度，希望尽早安装。", "Cares about the start-up date; wants the valves early.",
    -88, IR_DEMO_SR },
  { "prod_unit", "钱伟", NULL, "加氢装置主任", "Hydrotreater Unit Manager", PRODUCTION, 4, 3,
    "neutral", "user", "prod_head", IR_DEMO_FR, "nnm",
    "大修窗口|本地化服务", "Shutdown window|Local service",
    NULL, NULL, -84, IR_DEMO_FR },
  { "prod_engineer", "徐敏", NULL, "工艺工程师", "Process Engineer", PRODUCTION, 5, 2,
    "supporter", "user", "prod_unit", IR_DEMO_FR, "nmm",
    "工况匹配", "Service conditions",
    NULL, NULL, -84, IR_DEMO_FR },
  { "proc_buyer", "周婷", NULL, "采购主管（阀门）", "Valve Buyer", PROCUREMENT, 5, 2,
    "neutral", "none", "proc_head", IR_DEMO_AR, "mnn",
    "价格|交期", "Price|Lead time",
    NULL, NULL, -79, IR_DEMO_AR },
  { "tender", "待定", "To be identified", "招标专员", "Tender Clerk", PROCUREMENT, 6, 1,
    "neutral", "none", "proc_head", IR_DEMO_NOBODY, "nnn",
    NULL, NULL,
    "招标流程需要一名招标专员经办，尚不知道是谁。",
    "The tender needs a clerk to handle it; we do not know who yet.",
    -79, IR_DEMO_AR },
  { "eq_deputy_old", "吴昊", NULL, "设备部副部长", "Deputy Head of Equipment", EQUIPMENT, 4, 3,
    "supporter", "technical", "eq_head", IR_DEMO_SR, "nmn",
    "密封可靠性", "Seal reliability",
    NULL, NULL, -66, IR_DEMO_SR },
  { "ehs_head", "林志强", NULL, "安环部部长", "Head of EHS", EHS, 3, 4,
    "skeptic", "none", "gm", IR_DEMO_SR, "nmn",
    "认证|低逸散|防火", "Certification|Low emissions|Fire safety",
    "坚持 ISO 15848-1 与 API 607 试验由第三方见证，否则不签字。",
    "Will not sign unless a third party witnesses the ISO 15848-1 and API 607 tests.",
    -66, IR_DEMO_SR },
  { "fin_head", "杨帆", NULL, "财务部部长", "Head of Finance", FINANCE, 3, 4,
    "neutral", "none", "gm", IR_DEMO_AR, "mnn",
    "付款条件|价格", "Payment terms|Price",
    NULL, NULL, -66, IR_DEMO_AR },
  { "fin_accountant", "郭晓燕", NULL, "成本会计", "Cost Accountant", FINANCE, 5, 1,
    "neutral", "none", "fin_head", IR_DEMO_AR, "nnn",
    "发票", "Invoicing",
    NULL, NULL, -62, IR_DEMO_AR },
  { "ehs_engineer", "何静", NULL, "安全工程师", "Safety Engineer", EHS, 5, 2,
    "skeptic", "user", "ehs_head", IR_DEMO_SR, "nmn",
    "低逸散", "Low emissions",
    NULL, NULL, -44, IR_DEMO_SR },
  { "eq_deputy", "郑凯", NULL, "设备部副部长", "Deputy Head of Equipment", EQUIPMENT, 4, 3,
    "neutral", "technical", "eq_head", IR_DEMO_NOBODY, "nmm",
    "交期", "Lead time",
    "接替吴昊，刚到任，还没有人负责跟进。",
    "Took over from 吴昊; new in the job, and nobody covers him yet.",
    -35, IR_DEMO_SR },
};

/* Changes of stance or influence after someone was first met. */
typedef struct
{
  int           day;
  const char   *key;
  const char   *field;
  const char   *stance;
  int           influence;
  IrDemoMember  author;
} DemoChange;

static const DemoChange changes[] = {
  { -63, "vp", "stance", "supporter", 0, IR_DEMO_AR },
  { -56, "eq_head", "influence", NULL, 4, IR_DEMO_SR },
  { -44, "eq_engineer", "stance", "champion", 0, IR_DEMO_SR },
  { -24, "ehs_head", "stance", "blocker", 0, IR_DEMO_SR },
  { -9, "proc_head", "stance", "skeptic", 0, IR_DEMO_AR },
};

typedef struct
{
  int           day;
  const char   *source;
  const char   *target;
  const char   *kind;
  int           strength;
  const char   *note_zh;
  const char   *note_en;
  IrDemoMember  author;
} DemoLink;

static const DemoLink links[] = {
  { -80, "eq_engineer", "eq_head", "influences", 3,
    "王部长的技术判断很大程度上听黄工的。", "王建军 relies on 黄磊 for technical judgement.",
    IR_DEMO_SR },
  { -70, "eq_head", "vp", "influences", 2, NULL, NULL, IR_DEMO_SR },
  { -70, "prod_head", "vp", "influences", 2, NULL, NULL, IR_DEMO_FR },
  { -62, "proc_head", "fin_head", "influences", 2, NULL, NULL, IR_DEMO_AR },
  { -60, "ehs_head", "gm", "influences", 3,
    "安全问题上陈总听林部长的。", "On safety the GM follows Lin.", IR_DEMO_SR },
  { -24, "ehs_head", "prod_head", "conflict", 0,
    "开车进度与安全认证之争。", "Start-up date against safety certification.", IR_DEMO_SR },
};

/* --- stakeholders -------------------------------------------------------- */

static char *
next_tag (const char **tags)
{
  const char *end;
  char *tag;

  if (*tags == NULL || **tags == '\0')
    return NULL;

  end = strchr (*tags, '|');
  tag = end ? g_strndup (*tags, end - *tags) : g_strdup (*tags);
  *tags = end ? end + 1 : NULL;

  return tag;
}

static void
add_concerns (IrDemo                *demo,
              IrTx                  *tx,
              const char            *stakeholder,
              const DemoStakeholder *row)
{
  const char *tags = IR_DEMO_TEXT (demo, row->concerns_zh, row->concerns_en);
  g_autofree char *position = NULL;
  char *tag;

  while ((tag = next_tag (&tags)) != NULL)
    {
      g_autofree char *eid = ir_tx_create (tx, "concern");
      char *next = ir_demo_next_position (demo, position);

      ir_tx_set_string (tx, "concern", eid, "stakeholder", stakeholder);
      ir_tx_set_string (tx, "concern", eid, "tag", tag);
      ir_tx_set_string (tx, "concern", eid, "position", next);
      g_free (position);
      position = next;
      g_free (tag);
    }
}

static const char *
level_name (char level)
{
  switch (level)
    {
    case 't':
      return "trusted";
    case 'm':
      return "met";
    default:
      return "none";
    }
}

/* Writes the trio's relationship levels under the ids the map derives from
 * stakeholder and member. */
static void
add_relationships (IrDemo     *demo,
                   IrTx       *tx,
                   const char *stakeholder,
                   const char *levels)
{
  for (IrDemoMember who = IR_DEMO_AR; who <= IR_DEMO_FR; who++)
    {
      const char *member = ir_demo_member (demo, who);
      g_autofree char *eid = ir_map_relationship_id (stakeholder, member);

      ir_tx_create_with_id (tx, "relationship", eid);
      ir_tx_set_string (tx, "relationship", eid, "stakeholder", stakeholder);
      ir_tx_set_string (tx, "relationship", eid, "member", member);
      ir_tx_set_string (tx, "relationship", eid, "level", level_name (levels[who]));
    }
}

static void
add_link (IrTx       *tx,
          const char *source,
          const char *target,
          const char *kind,
          int         strength,
          const char *note)
{
  g_autofree char *eid = ir_tx_create (tx, "link");

  ir_tx_set_string (tx, "link", eid, "source", source);
  ir_tx_set_string (tx, "link", eid, "target", target);
  ir_tx_set_string (tx, "link", eid, "kind", kind);
  if (strength > 0)
    ir_tx_set_int (tx, "link", eid, "strength", strength);
  if (note != NULL)
    ir_tx_set_string (tx, "link", eid, "note", note);
}

static gboolean
write_stakeholder (IrDemo         *demo,
                   gconstpointer   data,
                   GError        **error)
{
  const DemoStakeholder *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);
  g_autofree char *eid = ir_demo_create (demo, tx, "stakeholder", row->key);
  const char *name = row->name_en != NULL ? IR_DEMO_TEXT (demo, row->name_zh, row->name_en)
                                          : row->name_zh;

  ir_tx_set_string (tx, "stakeholder", eid, "name", name);
  ir_tx_set_string (tx, "stakeholder", eid, "title",
                    IR_DEMO_TEXT (demo, row->title_zh, row->title_en));
  if (row->department != NO_DEPARTMENT)
    ir_tx_set_string (tx, "stakeholder", eid, "department",
                      departments[row->department][demo->english]);
  ir_tx_set_int (tx, "stakeholder", eid, "rank", row->rank);
  ir_tx_set_int (tx, "stakeholder", eid, "influence", row->influence);
  ir_tx_set_string (tx, "stakeholder", eid, "stance", row->stance);
  ir_tx_set_string (tx, "stakeholder", eid, "buying_role", row->buying_role);
  ir_tx_set_string (tx, "stakeholder", eid, "status", "active");
  ir_tx_set_boolean (tx, "stakeholder", eid, "placeholder", row->name_en != NULL);
  if (row->coverage != IR_DEMO_NOBODY)
    ir_tx_set_string (tx, "stakeholder", eid, "coverage_owner",
                      ir_demo_member (demo, row->coverage));
  if (row->note_zh != NULL)
    ir_tx_set_string (tx, "stakeholder", eid, "concern_note",
                      IR_DEMO_TEXT (demo, row->note_zh, row->note_en));

  if (row->concerns_zh != NULL)
    add_concerns (demo, tx, eid, row);
  add_relationships (demo, tx, eid, row->levels);
  if (row->manager != NULL)
    add_link (tx, eid, ir_demo_stakeholder (demo, row->manager), "reports_to", 0, NULL);

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_change (IrDemo         *demo,
              gconstpointer   data,
              GError        **error)
{
  const DemoChange *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);
  const char *eid = ir_demo_stakeholder (demo, row->key);

  if (row->stance != NULL)
    ir_tx_set_string (tx, "stakeholder", eid, row->field, row->stance);
  else
    ir_tx_set_int (tx, "stakeholder", eid, row->field, row->influence);

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_link (IrDemo         *demo,
            gconstpointer   data,
            GError        **error)
{
  const DemoLink *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);

  add_link (tx, ir_demo_stakeholder (demo, row->source), ir_demo_stakeholder (demo, row->target),
            row->kind, row->strength,
            row->note_zh ? IR_DEMO_TEXT (demo, row->note_zh, row->note_en) : NULL);

  return ir_demo_commit (demo, tx, error);
}

/* The former deputy head of equipment leaves, and his successor takes over
 * his open follow-up. */
static gboolean
write_departure (IrDemo         *demo,
                 gconstpointer   data,
                 GError        **error)
{
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_SR);
  const char *left = ir_demo_stakeholder (demo, "eq_deputy_old");
  const char *successor = ir_demo_stakeholder (demo, "eq_deputy");

  ir_tx_set_string (tx, "stakeholder", left, "status", "left");
  ir_tx_set_string (tx, "stakeholder", left, "successor", successor);
  ir_tx_set_string (tx, "interaction", ir_demo_lookup (demo, "interaction", "hardness"),
                    "follow_up_stakeholder", successor);

  return ir_demo_commit (demo, tx, error);
}

/* --- steps --------------------------------------------------------------- */

void
ir_demo_map_add_steps (IrDemo *demo)
{
  for (gsize i = 0; i < G_N_ELEMENTS (stakeholders); i++)
    ir_demo_add_step (demo, stakeholders[i].created, IR_DEMO_TIME (17, 0) + (int) i,
                      write_stakeholder, &stakeholders[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (changes); i++)
    ir_demo_add_step (demo, changes[i].day, IR_DEMO_TIME (19, 0), write_change, &changes[i]);

  for (gsize i = 0; i < G_N_ELEMENTS (links); i++)
    ir_demo_add_step (demo, links[i].day, IR_DEMO_TIME (19, 10), write_link, &links[i]);

  ir_demo_add_step (demo, -35, IR_DEMO_TIME (19, 30), write_departure, NULL);
}
