/* ir-demo-interactions.c: three months of contact with the customer
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Meetings, calls, site visits, e-mails and WeChat messages from the first
 * technical exchange to this week. Some follow-ups are done, some overdue,
 * one moved to a successor. The economic buyer was last met at the contract
 * negotiation, more than two months ago, and the hydrotreater's unit
 * manager more than 30 days ago, so the coverage view has stale contacts to
 * show.
 */
#include "config.h"

#include "ir-demo-private.h"

typedef struct
{
  const char   *key;
  int           day;
  const char   *channel;
  IrDemoMember  author;
  const char   *customers[5];   /* stakeholder keys, ended by NULL */
  IrDemoMember  ours[4];        /* ended by IR_DEMO_NOBODY */
  const char   *summary_zh;
  const char   *summary_en;
  const char   *follow_up_zh;   /* NULL for none */
  const char   *follow_up_en;
  int           due;            /* day offset of the follow-up */
  gboolean      done;           /* done on its due day */
  const char   *follow_up_with;
} DemoInteraction;

#define OURS(...) { __VA_ARGS__, IR_DEMO_NOBODY }

static const DemoInteraction interactions[] = {
  { "exchange", -88, "meeting", IR_DEMO_SR,
    { "eq_head", "eq_engineer", "prod_head" }, OURS (IR_DEMO_AR, IR_DEMO_SR),
    "技术交流会：介绍 DN150 PN40 闸阀方案，客户关注密封面寿命与交期。",
    "Technical exchange: presented the DN150 PN40 gate valve; the customer asked about seat "
    "life and lead time.",
    "提交初步技术方案", "Send the preliminary technical proposal", -80, TRUE, "eq_head" },
  { "site", -84, "site_visit", IR_DEMO_FR,
    { "prod_unit", "prod_engineer" }, OURS (IR_DEMO_SR, IR_DEMO_FR),
    "现场踏勘加氢装置：介质含硫，操作温度 380 ℃，现有阀门填料处泄漏频繁。",
    "Site visit at the hydrotreater: sour service at 380 °C; the valves in place often leak "
    "at the packing.",
    "整理工况参数表", "Write up the service conditions", -78, TRUE, "prod_engineer" },
  { "quote", -79, "meeting", IR_DEMO_AR,
    { "proc_head", "proc_buyer" }, OURS (IR_DEMO_AR),
    "商务沟通：采购部要求分项报价，付款方式按 3-6-1。",
    "Commercial meeting: procurement want an itemised quote and 30-60-10 payment terms.",
    "提交分项报价", "Send the itemised quotation", -72, TRUE, "proc_head" },
  { "budget", -75, "call", IR_DEMO_AR,
    { "vp" }, OURS (IR_DEMO_AR),
    "与刘总电话沟通预算：项目预算已批，希望尽快签订技术协议。",
    "Call with 刘建华 (VP) about the budget: it is approved, and he wants the technical "
    "agreement signed soon.",
    NULL, NULL, 0, FALSE, NULL },
  { "tip", -70, "wechat", IR_DEMO_SR,
    { "eq_engineer" }, OURS (IR_DEMO_SR),
    "黄工提醒：设备部内部对密封面堆焊材料有分歧，建议提前准备司太立堆焊业绩。",
    "黄磊 warned us that the equipment team disagree about the seat hardfacing; prepare our "
    "Stellite references early.",
    "整理司太立堆焊业绩清单", "Compile the Stellite hardfacing references", -64, TRUE,
    "eq_engineer" },
  { "agreement", -66, "meeting", IR_DEMO_SR,
    { "eq_head", "eq_engineer", "eq_deputy_old", "ehs_head" }, OURS (IR_DEMO_AR, IR_DEMO_SR),
    "技术协议评审：安环部林部长要求填料满足 ISO 15848-1 低逸散要求，并做防火型式试验。",
    "Technical agreement review: 林志强 (EHS) requires ISO 15848-1 low-emission packing and a "
    "fire-safe type test.",
    "提供低逸散认证证书", "Send the low-emission certificates", -60, TRUE, "ehs_head" },
  { "contract", -63, "meeting", IR_DEMO_AR,
    { "gm", "vp", "proc_head", "fin_head" }, OURS (IR_DEMO_AR, IR_DEMO_EXECUTIVE),
    "合同谈判：赵总与陈总、刘总会谈，价格让步 3%，交期与 FAT 日期写入合同。",
    "Contract negotiation: 赵志刚 met 陈国栋 (GM) and 刘建华 (VP); a 3% price concession; "
    "delivery and FAT dates go into the contract.",
    "发送合同终稿", "Send the final contract", -62, TRUE, "proc_head" },
  { "kickoff", -56, "meeting", IR_DEMO_FR,
    { "eq_head", "eq_engineer", "prod_head", "proc_buyer" },
    OURS (IR_DEMO_AR, IR_DEMO_SR, IR_DEMO_FR),
    "项目启动会：确认计划与 FAT 日期，客户签字确认 FAT 日期。",
    "Kickoff: plan agreed; the customer signed the FAT date.",
    "发出项目计划与联络表", "Send the plan and the contact list", -53, TRUE, "eq_head" },
  { "hardness", -50, "email", IR_DEMO_SR,
    { "eq_deputy_old" }, OURS (IR_DEMO_SR),
    "吴部长来信询问密封面堆焊硬度（HRC 40 以上）及检测方法。",
    "Wu asked by e-mail about the seat hardness (HRC 40 or more) and how it is tested.",
    "答复堆焊硬度与检测方法", "Answer on the hardfacing hardness and its testing", -40, FALSE,
    "eq_deputy_old" },
  { "review_a", -44, "meeting", IR_DEMO_SR,
    { "eq_head", "eq_engineer", "ehs_engineer" }, OURS (IR_DEMO_SR),
    "A 版图纸审查会：客户提出 6 条意见，包括排放孔、端面距、螺柱数量和填料低逸散。",
    "Review of the revision A drawings: six comments, among them the drain, the "
    "face-to-face length, the stud count and low-emission packing.",
    "提交 B 版图纸", "Issue the revision B drawings", -12, TRUE, "eq_engineer" },
  { "shutdown", -40, "call", IR_DEMO_FR,
    { "prod_unit" }, OURS (IR_DEMO_FR),
    "钱主任确认装置大修窗口约在发运后一个月，需提前两个月锁定安装日期。",
    "钱伟 confirmed that the unit shuts down about a month after shipment; the installation "
    "date must be fixed two months ahead.",
    "确认大修停车窗口与安装日期", "Confirm the shutdown window and installation date", -20,
    FALSE, "prod_unit" },
  { "successor", -35, "wechat", IR_DEMO_SR,
    { "eq_engineer" }, OURS (IR_DEMO_SR),
    "黄工告知：吴昊已离职，郑凯接任设备部副部长。",
    "黄磊 told us that 吴昊 has left; 郑凯 is the new deputy head of equipment.",
    NULL, NULL, 0, FALSE, NULL },
  { "design_review", -30, "meeting", IR_DEMO_SR,
    { "eq_head", "eq_engineer", "eq_deputy" }, OURS (IR_DEMO_SR, IR_DEMO_FR),
    "设计评审：确认 B 版修改范围，王部长签字确认图纸冻结日期。",
    "Design review: the scope of revision B agreed; 王建军 signed the drawing freeze date.",
    "发送评审纪要", "Send the minutes", -29, TRUE, "eq_head" },
  { "ehs", -24, "meeting", IR_DEMO_SR,
    { "ehs_head", "ehs_engineer" }, OURS (IR_DEMO_AR, IR_DEMO_SR),
    "安环部沟通：林部长坚持低逸散与防火试验由第三方见证，否则不同意图纸冻结。",
    "EHS meeting: 林志强 insists that a third party witness the low-emission and fire-safe "
    "tests, or he will not agree to the drawing freeze.",
    "提交第三方见证试验方案", "Send the witnessed test plan", -10, FALSE, "ehs_head" },
  { "production", -20, "meeting", IR_DEMO_FR,
    { "prod_head", "prod_engineer" }, OURS (IR_DEMO_FR),
    "生产部沟通：赵部长关注首件检验进度，希望派人参加见证。",
    "Production meeting: 赵海峰 follows the first-article inspection and wants to send someone "
    "to witness it.",
    "邀请生产部参加首件检验", "Invite production to the first-article inspection", 30, FALSE,
    "prod_head" },
  { "executive", -18, "meeting", IR_DEMO_AR,
    { "gm" }, OURS (IR_DEMO_EXECUTIVE, IR_DEMO_AR),
    "赵总拜访陈总：高层互访，陈总询问安全认证进展。",
    "赵志刚 visited 陈国栋 (GM), who asked how the safety certification is going.",
    NULL, NULL, 0, FALSE, NULL },
  { "invoice", -16, "call", IR_DEMO_AR,
    { "fin_head" }, OURS (IR_DEMO_AR),
    "杨部长确认预付款已安排，需开具增值税专用发票。",
    "杨帆 confirmed the advance payment; finance need a VAT special invoice.",
    "开具预付款发票", "Issue the advance payment invoice", -12, TRUE, "fin_head" },
  { "revision_b", -12, "email", IR_DEMO_SR,
    { "eq_head", "eq_engineer", "eq_deputy" }, OURS (IR_DEMO_SR),
    "发送 B 版图纸及意见答复表。",
    "Sent the revision B drawings with the answers to the comments.",
    "收集 B 版审图意见", "Collect the comments on revision B", 3, FALSE, "eq_engineer" },
  { "change_order", -9, "meeting", IR_DEMO_AR,
    { "proc_head", "proc_buyer" }, OURS (IR_DEMO_AR),
    "变更单谈判：防火见证试验费用，采购部同意分担一半。",
    "Change order: procurement agreed to pay half of the witnessed fire-safe test.",
    "提交变更单", "Send the change order", 5, FALSE, "proc_head" },
  { "foundry", -5, "site_visit", IR_DEMO_FR,
    { "eq_engineer", "eq_deputy" }, OURS (IR_DEMO_SR, IR_DEMO_FR),
    "陪同客户到铸造厂见证试浇，试浇件 RT 发现缩松，需补焊后复检。",
    "Took the customer to the foundry to witness the trial pour; RT found shrinkage in the "
    "trial casting, which needs repair and a re-test.",
    "提交铸件进度周报", "Send the weekly casting report", -1, FALSE, "eq_engineer" },
  { "first_article", -2, "wechat", IR_DEMO_AR,
    { "prod_head" }, OURS (IR_DEMO_AR),
    "赵部长询问首件检验是否推迟。",
    "赵海峰 asked whether the first-article inspection is late.",
    "答复首件检验新日期", "Reply with the new first-article date", 2, FALSE, "prod_head" },
};

/* --- writing ------------------------------------------------------------- */

static void
add_participant (IrTx       *tx,
                 const char *interaction,
                 const char *side,
                 const char *field,
                 const char *eid)
{
  g_autofree char *participant = ir_tx_create (tx, "interaction_participant");

  ir_tx_set_string (tx, "interaction_participant", participant, "interaction", interaction);
  ir_tx_set_string (tx, "interaction_participant", participant, "side", side);
  ir_tx_set_string (tx, "interaction_participant", participant, field, eid);
}

static gboolean
write_interaction (IrDemo         *demo,
                   gconstpointer   data,
                   GError        **error)
{
  const DemoInteraction *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);
  g_autofree char *eid = ir_demo_create (demo, tx, "interaction", row->key);

  ir_demo_set_day (tx, "interaction", eid, "date", demo->step_day);
  ir_tx_set_string (tx, "interaction", eid, "channel", row->channel);
  ir_tx_set_string (tx, "interaction", eid, "summary",
                    IR_DEMO_TEXT (demo, row->summary_zh, row->summary_en));
  if (row->follow_up_zh != NULL)
    {
      ir_tx_set_string (tx, "interaction", eid, "follow_up",
                        IR_DEMO_TEXT (demo, row->follow_up_zh, row->follow_up_en));
      ir_demo_set_day (tx, "interaction", eid, "follow_up_due",
                       ir_demo_working_day (demo, row->due));
      ir_tx_set_boolean (tx, "interaction", eid, "follow_up_done", FALSE);
      ir_tx_set_string (tx, "interaction", eid, "follow_up_stakeholder",
                        ir_demo_stakeholder (demo, row->follow_up_with));
    }

  for (guint i = 0; i < G_N_ELEMENTS (row->customers) && row->customers[i] != NULL; i++)
    add_participant (tx, eid, "customer", "stakeholder",
                     ir_demo_stakeholder (demo, row->customers[i]));
  for (guint i = 0; i < G_N_ELEMENTS (row->ours) && row->ours[i] != IR_DEMO_NOBODY; i++)
    add_participant (tx, eid, "ours", "member", ir_demo_member (demo, row->ours[i]));

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_follow_up_done (IrDemo         *demo,
                      gconstpointer   data,
                      GError        **error)
{
  const DemoInteraction *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);

  ir_tx_set_boolean (tx, "interaction", ir_demo_lookup (demo, "interaction", row->key),
                     "follow_up_done", TRUE);

  return ir_demo_commit (demo, tx, error);
}

void
ir_demo_interactions_add_steps (IrDemo *demo)
{
  for (gsize i = 0; i < G_N_ELEMENTS (interactions); i++)
    {
      const DemoInteraction *row = &interactions[i];

      ir_demo_add_step (demo, row->day, IR_DEMO_TIME (18, 0), write_interaction, row);
      if (row->follow_up_zh != NULL && row->done)
        ir_demo_add_step (demo, row->due, IR_DEMO_TIME (16, 0), write_follow_up_done, row);
    }
}
