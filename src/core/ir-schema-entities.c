/* ir-schema-entities.c: the entities of a room, schema version 1
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This table only grows. A later version adds entities, fields and enum
 * values with a higher "since"; it never renames, retypes or reuses one,
 * because replicas that have not upgraded keep reading the old names.
 */
#include "ir-schema-private.h"

#define F(n, t, fl, w, lo, hi) \
  { .name = n, .type = t, .flags = fl, .writers = w, .min = lo, .max = hi, .since = 1 }
#define TEXT(n, hi, fl)        F (n, IR_VALUE_TEXT, fl, 0, 0, hi)
#define INT(n, lo, hi, fl)     F (n, IR_VALUE_INT, fl, 0, lo, hi)
#define REAL(n, lo, hi, fl)    F (n, IR_VALUE_REAL, fl, 0, lo, hi)
#define BOOL(n, fl)            F (n, IR_VALUE_BOOL, fl, 0, 0, 0)
#define DATE(n, fl)            F (n, IR_VALUE_DATE, fl, 0, 0, 0)
#define TIME(n, fl)            F (n, IR_VALUE_TIME, fl, 0, 0, 0)
#define JSONV(n, fl)           F (n, IR_VALUE_JSON, fl, 0, 0, 0)
#define BLOB(n, fl)            F (n, IR_VALUE_BLOB, fl, 0, 0, 0)
#define POS(n, fl)             F (n, IR_VALUE_POSITION, fl, 0, 0, 0)
#define ENUM(n, values, fl) \
  { .name = n, .type = IR_VALUE_ENUM, .flags = fl, .enum_values = values, .since = 1 }
#define REF(n, target, fl) \
  { .name = n, .type = IR_VALUE_REF, .flags = fl, .ref_entity = target, .since = 1 }

#define IMM IR_FIELD_IMMUTABLE
#define REQ IR_FIELD_REQUIRED
#define PARENT (IR_FIELD_PARENT | IR_FIELD_IMMUTABLE | IR_FIELD_REQUIRED)
#define SEALED IR_FIELD_SEALED

#define ENTITY(n, f, w) { .name = n, .fields = f, .n_fields = G_N_ELEMENTS (f), .writers = w, .since = 1 }

/* Any room member but an observer; a local-only room acts as its own server. */
#define EDITORS IR_ROLES_MEMBERS
#define SERVER_ONLY IR_ROLE_SERVER

static const char * const roles[] = { "AR", "SR", "FR", "executive", "observer", NULL };
static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic",
                                        "blocker", NULL };
static const char * const buying_roles[] = { "economic", "technical", "user", "coach",
                                             "none", NULL };
static const char * const person_status[] = { "active", "left", NULL };
static const char * const levels[] = { "none", "met", "trusted", NULL };
static const char * const link_kinds[] = { "reports_to", "influences", "conflict", NULL };
static const char * const channels[] = { "meeting", "call", "site_visit", "email",
                                         "wechat", NULL };
static const char * const sides[] = { "customer", "ours", NULL };
static const char * const markup_kinds[] = { "pin", "rectangle", "cloud", "arrow",
                                             "freehand", "text", "stamp", NULL };
static const char * const stamps[] = { "approved", "rejected", "info", NULL };
static const char * const markup_status[] = { "open", "accepted", "rejected", "done", NULL };
static const char * const constraints[] = { "asap", "alap", "snet", "snlt", "fnet",
                                            "fnlt", "mso", "mfo", NULL };
static const char * const link_types[] = { "FS", "SS", "FF", "SF", NULL };
static const char * const day_kinds[] = { "holiday", "workday", NULL };
static const char * const schedule_modes[] = { "forward", "backward", NULL };
static const char * const tiers[] = { "blue", "yellow", "red", NULL };
static const char * const escalation_states[] = { "raised", "notified", "acknowledged",
                                                  "snoozed", "resolved", NULL };
static const char * const event_kinds[] = { "raised", "notified", "acknowledged",
                                            "snoozed", "resolved", "reraised", "note",
                                            "extension_requested", NULL };
static const char * const subject_kinds[] = { "task", "risk", NULL };
static const char * const risk_status[] = { "open", "closed", NULL };
static const char * const inbox_kinds[] = { "mention", "revision", "escalation",
                                            "reminder", "meeting", "assignment",
                                            "confirmation", "reassign", "follow_up",
                                            NULL };
static const char * const decision_kinds[] = { "decision", "action", NULL };

static const IrFieldSpec room_fields[] = {
  TEXT ("name", 200, REQ),
  TEXT ("customer", 200, 0),
  TEXT ("description", 4000, 0),
  TEXT ("time_zone", 64, 0),
  TIME ("created", IMM),
  BOOL ("demo", IMM),
};

/* One entity per setting key, so that two members changing two settings at
 * once never collide. */
static const IrFieldSpec room_setting_fields[] = {
  TEXT ("key", 64, IMM | REQ),
  JSONV ("value", 0),
};

static const IrFieldSpec member_fields[] = {
  TEXT ("user", 128, IMM | REQ),
  TEXT ("display_name", 100, 0),
  ENUM ("role", roles, REQ),
  BOOL ("active", 0),
  TIME ("joined", 0),
  TIME ("removed", 0),
};

static const IrFieldSpec device_key_fields[] = {
  REF ("member", "member", PARENT),
  TEXT ("public_key", 64, IMM | REQ),
  TIME ("valid_from", IMM),
  TIME ("valid_until", 0),
  BOOL ("revoked", 0),
};

static const IrFieldSpec stakeholder_fields[] = {
  TEXT ("name", 100, 0),
  TEXT ("title", 100, 0),
  TEXT ("department", 64, 0),
  INT ("rank", 1, 20, 0),
  INT ("influence", 1, 5, 0),
  ENUM ("stance", stances, 0),
  ENUM ("buying_role", buying_roles, 0),
  TEXT ("concern_note", 2000, 0),
  ENUM ("status", person_status, 0),
  REF ("successor", "stakeholder", 0),
  BOOL ("placeholder", 0),
  REF ("coverage_owner", "member", 0),
  TEXT ("phone", 64, 0),
  TEXT ("email", 200, 0),
  TEXT ("notes", 4000, 0),
  REAL ("x", -1000000, 1000000, 0),
  REAL ("y", -1000000, 1000000, 0),
  BOOL ("pinned", 0),
};

static const IrFieldSpec relationship_fields[] = {
  REF ("stakeholder", "stakeholder", PARENT),
  REF ("member", "member", IMM | REQ),
  ENUM ("level", levels, 0),
};

static const IrFieldSpec concern_fields[] = {
  REF ("stakeholder", "stakeholder", PARENT),
  TEXT ("tag", 40, REQ),
  POS ("position", 0),
};

static const IrFieldSpec link_fields[] = {
  REF ("source", "stakeholder", PARENT),
  REF ("target", "stakeholder", IMM | REQ),
  ENUM ("kind", link_kinds, IMM | REQ),
  INT ("strength", 1, 3, 0),
  TEXT ("note", 1000, 0),
};

static const IrFieldSpec interaction_fields[] = {
  DATE ("date", REQ),
  ENUM ("channel", channels, 0),
  TEXT ("summary", 4000, 0),
  TEXT ("follow_up", 1000, 0),
  DATE ("follow_up_due", 0),
  BOOL ("follow_up_done", 0),
  REF ("follow_up_stakeholder", "stakeholder", 0),
};

static const IrFieldSpec interaction_participant_fields[] = {
  REF ("interaction", "interaction", PARENT),
  ENUM ("side", sides, IMM | REQ),
  REF ("stakeholder", "stakeholder", IMM),
  REF ("member", "member", IMM),
};

static const IrFieldSpec drawing_fields[] = {
  TEXT ("title", 200, REQ),
  TEXT ("number", 64, 0),
  TEXT ("notes", 2000, 0),
  POS ("position", 0),
};

static const IrFieldSpec revision_fields[] = {
  REF ("drawing", "drawing", PARENT),
  BLOB ("blob", IMM | REQ),
  TEXT ("filename", 255, 0),
  TEXT ("note", 2000, 0),
  TEXT ("uploaded_by", 128, IMM),
  TIME ("uploaded", IMM),
  INT ("pages", 0, 100000, 0),
  INT ("size", 0, G_GINT64_CONSTANT (1) << 40, 0),
  BLOB ("preview", 0),
  BOOL ("has_text", 0),
};

static const IrFieldSpec markup_fields[] = {
  REF ("drawing", "drawing", PARENT),
  ENUM ("kind", markup_kinds, IMM | REQ),
  ENUM ("stamp", stamps, 0),
  TEXT ("text", 4000, 0),
  ENUM ("status", markup_status, 0),
  TEXT ("color", 16, 0),
  TEXT ("author", 128, IMM),
  TIME ("created", IMM),
};

/* Geometry in PDF points of the page, origin top left:
 * {"x":…,"y":…,"w":…,"h":…} or {"points":[[x,y],…]} for arrows and strokes. */
static const IrFieldSpec markup_placement_fields[] = {
  REF ("markup", "markup", PARENT),
  REF ("revision", "revision", IMM | REQ),
  INT ("page", 0, 100000, 0),
  JSONV ("geometry", 0),
  BOOL ("carried", IMM),
};

static const IrFieldSpec markup_reply_fields[] = {
  REF ("markup", "markup", PARENT),
  TEXT ("text", 4000, REQ),
  TEXT ("author", 128, IMM),
  TIME ("created", IMM),
};

static const IrFieldSpec ignore_region_fields[] = {
  REF ("drawing", "drawing", PARENT),
  INT ("page", 0, 100000, 0),
  JSONV ("geometry", 0),
  TEXT ("note", 200, 0),
};

static const IrFieldSpec task_fields[] = {
  REF ("parent", "task", IR_FIELD_PARENT),
  TEXT ("name", 200, 0),
  POS ("position", 0),
  BOOL ("milestone", 0),
  BOOL ("key_milestone", 0),
  REF ("owner", "member", 0),
  INT ("duration", 0, 100000, 0),
  DATE ("start", 0),
  ENUM ("constraint", constraints, 0),
  DATE ("constraint_date", 0),
  INT ("progress", 0, 100, 0),
  F ("committed", IR_VALUE_DATE, SEALED, 0, 0, 0),
  F ("deliverable", IR_VALUE_TEXT, SEALED, 0, 0, 1000),
  TEXT ("notes", 4000, 0),
  DATE ("actual_start", 0),
  DATE ("actual_finish", 0),
  TEXT ("wbs", 64, 0),
  TEXT ("external_id", 64, 0),
};

static const IrFieldSpec dependency_fields[] = {
  REF ("successor", "task", PARENT),
  REF ("predecessor", "task", IMM | REQ),
  ENUM ("type", link_types, 0),
  INT ("lag", -10000, 10000, 0),
};

static const IrFieldSpec calendar_fields[] = {
  TEXT ("name", 100, REQ),
  INT ("weekdays", 0, 127, 0),         /* bit 0 Monday … bit 6 Sunday */
  REAL ("hours_per_day", 1, 24, 0),
  DATE ("project_start", 0),
  DATE ("project_finish", 0),
  ENUM ("mode", schedule_modes, 0),
};

static const IrFieldSpec calendar_day_fields[] = {
  REF ("calendar", "calendar", PARENT),
  DATE ("date", IMM | REQ),
  ENUM ("kind", day_kinds, 0),
  TEXT ("name", 100, 0),
};

static const IrFieldSpec baseline_fields[] = {
  TEXT ("name", 100, 0),
  INT ("number", 0, 10, 0),
  TIME ("saved", 0),
};

static const IrFieldSpec baseline_task_fields[] = {
  REF ("baseline", "baseline", PARENT),
  REF ("task", "task", IMM | REQ),
  DATE ("start", 0),
  DATE ("finish", 0),
  INT ("duration", 0, 100000, 0),
};

static const IrFieldSpec confirmation_fields[] = {
  REF ("task", "task", PARENT),
  TEXT ("signer_name", 100, IMM | REQ),
  TEXT ("signer_company", 200, IMM),
  TEXT ("signer_title", 100, IMM),
  TIME ("signed_at", IMM),
  TEXT ("milestone_title", 200, IMM),
  TEXT ("deliverable", 1000, IMM),
  DATE ("committed", IMM | REQ),
  BLOB ("signature_blob", IMM),
  BLOB ("scan_blob", IMM),
  TEXT ("recorded_by", 128, IMM),
  REF ("device_key", "device_key", IMM),
  TEXT ("seal", 200, IMM),
  F ("server_seal", IR_VALUE_TEXT, IMM, SERVER_ONLY, 0, 200),
  F ("server_received", IR_VALUE_TIME, IMM, SERVER_ONLY, 0, 0),
};

static const IrFieldSpec escalation_fields[] = {
  ENUM ("subject_kind", subject_kinds, IMM | REQ),
  F ("subject", IR_VALUE_TEXT, IMM | REQ, 0, 36, 36),
  DATE ("commitment", IMM),
  ENUM ("tier", tiers, IMM | REQ),
  INT ("ordinal", 0, 100000, IMM),
  INT ("delay", -100000, 100000, 0),
  ENUM ("state", escalation_states, 0),
  TIME ("raised", IMM),
  TIME ("snoozed_until", 0),
  TIME ("acknowledged", 0),
  TIME ("resolved", 0),
  TEXT ("note", 1000, 0),
};

static const IrFieldSpec escalation_event_fields[] = {
  REF ("escalation", "escalation", PARENT),
  ENUM ("kind", event_kinds, IMM | REQ),
  TEXT ("actor", 128, IMM),
  TIME ("at", IMM),
  TEXT ("note", 1000, IMM),
  TIME ("until", IMM),
  DATE ("proposed_date", IMM),
};

static const IrFieldSpec risk_fields[] = {
  TEXT ("title", 200, REQ),
  REF ("owner", "member", 0),
  INT ("probability", 1, 5, 0),
  INT ("impact", 1, 5, 0),
  DATE ("due", 0),
  TEXT ("mitigation", 4000, 0),
  ENUM ("status", risk_status, 0),
  REF ("task", "task", 0),
};

static const IrFieldSpec meeting_fields[] = {
  REF ("escalation", "escalation", 0),
  TEXT ("title", 200, REQ),
  TIME ("start", 0),
  INT ("minutes", 5, 1440, 0),
  TEXT ("link", 500, 0),
  TEXT ("notes", 4000, 0),
  INT ("sequence", 0, 100000, 0),
  BOOL ("cancelled", 0),
};

static const IrFieldSpec meeting_invitee_fields[] = {
  REF ("meeting", "meeting", PARENT),
  REF ("member", "member", IMM | REQ),
};

/* Written once by the author of the change or by the server; only "read"
 * and "done" change later, by the recipient. */
static const IrFieldSpec inbox_item_fields[] = {
  REF ("recipient", "member", IMM | REQ),
  ENUM ("kind", inbox_kinds, IMM | REQ),
  TEXT ("subject_entity", 64, IMM),
  TEXT ("subject", 36, IMM),
  TEXT ("title", 300, IMM | REQ),
  TEXT ("body", 2000, IMM),
  TEXT ("author", 128, IMM),
  TIME ("created", IMM),
  BOOL ("read", 0),
  BOOL ("done", 0),
};

static const IrFieldSpec review_fields[] = {
  TEXT ("title", 200, 0),
  TIME ("held", 0),
  INT ("seq", 0, G_MAXINT64, 0),
  INT ("since_seq", 0, G_MAXINT64, 0),
  TEXT ("notes", 4000, 0),
};

static const IrFieldSpec decision_fields[] = {
  REF ("review", "review", 0),
  ENUM ("kind", decision_kinds, 0),
  TEXT ("text", 2000, 0),
  REF ("owner", "member", 0),
  DATE ("due", 0),
  REF ("task", "task", 0),
  REF ("risk", "risk", 0),
  POS ("position", 0),
};

static const IrEntitySpec builtin_entities[] = {
  ENTITY ("room", room_fields, IR_ROLE_AR | IR_ROLE_SERVER),
  ENTITY ("room_setting", room_setting_fields, IR_ROLES_TRIO | IR_ROLE_SERVER),
  ENTITY ("member", member_fields, SERVER_ONLY),
  ENTITY ("device_key", device_key_fields, SERVER_ONLY),
  ENTITY ("stakeholder", stakeholder_fields, EDITORS),
  ENTITY ("relationship", relationship_fields, EDITORS),
  ENTITY ("concern", concern_fields, EDITORS),
  ENTITY ("link", link_fields, EDITORS),
  ENTITY ("interaction", interaction_fields, EDITORS),
  ENTITY ("interaction_participant", interaction_participant_fields, EDITORS),
  ENTITY ("drawing", drawing_fields, IR_ROLES_TRIO),
  ENTITY ("revision", revision_fields, IR_ROLES_TRIO),
  ENTITY ("markup", markup_fields, EDITORS),
  ENTITY ("markup_placement", markup_placement_fields, EDITORS),
  ENTITY ("markup_reply", markup_reply_fields, EDITORS),
  ENTITY ("ignore_region", ignore_region_fields, IR_ROLES_TRIO),
  ENTITY ("task", task_fields, IR_ROLES_TRIO),
  ENTITY ("dependency", dependency_fields, IR_ROLES_TRIO),
  ENTITY ("calendar", calendar_fields, IR_ROLES_TRIO),
  ENTITY ("calendar_day", calendar_day_fields, IR_ROLES_TRIO),
  ENTITY ("baseline", baseline_fields, IR_ROLES_TRIO),
  ENTITY ("baseline_task", baseline_task_fields, IR_ROLES_TRIO),
  ENTITY ("confirmation", confirmation_fields, IR_ROLES_TRIO),
  ENTITY ("escalation", escalation_fields, SERVER_ONLY),
  ENTITY ("escalation_event", escalation_event_fields, EDITORS | IR_ROLE_SERVER),
  ENTITY ("risk", risk_fields, IR_ROLES_TRIO),
  ENTITY ("meeting", meeting_fields, IR_ROLES_TRIO | IR_ROLE_SERVER),
  ENTITY ("meeting_invitee", meeting_invitee_fields, IR_ROLES_TRIO | IR_ROLE_SERVER),
  ENTITY ("inbox_item", inbox_item_fields, EDITORS | IR_ROLE_SERVER),
  ENTITY ("review", review_fields, IR_ROLES_MEMBERS),
  ENTITY ("decision", decision_fields, IR_ROLES_MEMBERS),
};

const IrEntitySpec *
ir_schema_builtin_entities (guint *n_entities)
{
  *n_entities = G_N_ELEMENTS (builtin_entities);
  return builtin_entities;
}
