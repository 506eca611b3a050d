/* test-schema.c: schema lookups and value validation
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-schema.h"

static JsonNode *
parse (const char *text)
{
  return json_from_string (text, NULL);
}

static void
check_value (const char *entity,
             const char *field,
             const char *json,
             gboolean    expect_valid,
             int         expect_code)
{
  g_autoptr(JsonNode) value = parse (json);
  g_autoptr(GError) error = NULL;
  gboolean valid;

  valid = ir_schema_validate_value (ir_schema_get_default (), entity, field, value, &error);
  if (expect_valid)
    {
      g_assert_no_error (error);
      g_assert_true (valid);
    }
  else
    {
      g_assert_false (valid);
      g_assert_error (error, IR_SCHEMA_ERROR, expect_code);
      /* Every refusal names the entity and the field it is about. */
      g_assert_nonnull (strstr (error->message, entity));
      g_assert_nonnull (strstr (error->message, field));
    }
}

static void
test_schema_lookup (void)
{
  IrSchema *schema = ir_schema_get_default ();
  const char * const expected[] = {
    "room", "room_setting", "member", "device_key", "stakeholder", "concern",
    "link", "interaction", "interaction_participant", "drawing", "revision",
    "markup", "markup_placement", "markup_reply", "task", "dependency",
    "calendar", "calendar_day", "baseline", "confirmation", "escalation",
    "escalation_event", "meeting", "inbox_item", "review", "decision",
  };

  g_assert_cmpuint (ir_schema_get_version (schema), ==, IR_SCHEMA_VERSION);
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_nonnull (ir_schema_lookup_entity (schema, expected[i]));

  g_assert_nonnull (ir_schema_lookup_field (schema, "task", "milestone"));
  g_assert_nonnull (ir_schema_lookup_field (schema, "task", "owner"));
  g_assert_nonnull (ir_schema_lookup_field (schema, "stakeholder", "deleted"));
  g_assert_null (ir_schema_lookup_field (schema, "task", "no_such_field"));
  g_assert_cmpstr (ir_schema_get_parent_field (schema, "concern")->name, ==, "stakeholder");
  g_assert_null (ir_schema_get_parent_field (schema, "stakeholder"));
}

static void
test_schema_values (void)
{
  check_value ("stakeholder", "name", "\"王建国\"", TRUE, 0);
  check_value ("stakeholder", "influence", "5", TRUE, 0);
  check_value ("stakeholder", "influence", "6", FALSE, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  check_value ("stakeholder", "influence", "0", FALSE, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  check_value ("stakeholder", "influence", "\"high\"", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("stakeholder", "stance", "\"champion\"", TRUE, 0);
  check_value ("stakeholder", "stance", "\"friend\"", FALSE, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  check_value ("stakeholder", "x", "12.5", TRUE, 0);
  check_value ("stakeholder", "placeholder", "true", TRUE, 0);
  check_value ("stakeholder", "placeholder", "1", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("stakeholder", "successor", "\"not-a-uuid\"", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("stakeholder", "name", "null", TRUE, 0);
  check_value ("stakeholder", "name", "[1,2]", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("task", "committed", "\"2026-02-29\"", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("task", "committed", "\"2028-02-29\"", TRUE, 0);
  check_value ("task", "start", "\"2026-13-01\"", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("task", "lag", "1", FALSE, IR_SCHEMA_ERROR_UNKNOWN_FIELD);
  check_value ("dependency", "lag", "-3", TRUE, 0);
  check_value ("dependency", "type", "\"SF\"", TRUE, 0);
  check_value ("revision", "blob", "\"ABC\"", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
  check_value ("concern", "tag", "null", FALSE, IR_SCHEMA_ERROR_WRONG_TYPE);
}

static void
test_schema_text_limit (void)
{
  g_autoptr(GString) text = g_string_new ("\"");

  for (int i = 0; i < 101; i++)
    g_string_append (text, "张");
  g_string_append (text, "\"");

  /* Limits count characters, not bytes: 100 Chinese characters fit. */
  check_value ("stakeholder", "name", text->str, FALSE, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  g_string_erase (text, 1, 3);
  check_value ("stakeholder", "name", text->str, TRUE, 0);
}

static void
test_schema_json_limit (void)
{
  g_autoptr(GString) text = g_string_new ("{\"points\":[");

  for (int i = 0; i < 3000; i++)
    g_string_append_printf (text, "%s[%d,%d]", i ? "," : "", i, i);
  g_string_append (text, "]}");

  check_value ("markup_placement", "geometry", text->str, FALSE, IR_SCHEMA_ERROR_OUT_OF_RANGE);
  check_value ("markup_placement", "geometry", "{\"x\":1,\"y\":2,\"w\":3,\"h\":4}", TRUE, 0);
}

static void
test_schema_writers (void)
{
  IrSchema *schema = ir_schema_get_default ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ir_schema_check_writer (schema, "task", "start", IR_ROLE_FR, NULL));
  g_assert_false (ir_schema_check_writer (schema, "task", "start", IR_ROLE_OBSERVER, &error));
  g_assert_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (ir_schema_check_writer (schema, "task", "start", IR_ROLE_EXECUTIVE, &error));
  g_assert_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_false (ir_schema_check_writer (schema, "member", "role", IR_ROLE_AR, &error));
  g_assert_error (error, IR_SCHEMA_ERROR, IR_SCHEMA_ERROR_FORBIDDEN);
  g_clear_error (&error);
  g_assert_true (ir_schema_check_writer (schema, "member", "role", IR_ROLE_SERVER, NULL));
  g_assert_true (ir_schema_check_writer (schema, "stakeholder", "stance",
                                         IR_ROLE_EXECUTIVE, NULL));
}

static void
test_schema_extension (void)
{
  static const IrFieldSpec extra_fields[] = {
    { .name = "budget", .type = IR_VALUE_INT, .since = 2 },
  };
  static const IrEntitySpec extra[] = {
    { .name = "stakeholder", .fields = extra_fields, .n_fields = 1,
      .writers = IR_ROLES_MEMBERS, .since = 1 },
  };
  g_autoptr(IrSchema) newer = ir_schema_new_extended (ir_schema_get_default (), 2, extra, 1);

  g_assert_cmpuint (ir_schema_get_version (newer), ==, 2);
  g_assert_nonnull (ir_schema_lookup_field (newer, "stakeholder", "budget"));
  g_assert_nonnull (ir_schema_lookup_field (newer, "stakeholder", "name"));
  g_assert_null (ir_schema_lookup_field (ir_schema_get_default (), "stakeholder", "budget"));
}

static void
test_role_names (void)
{
  g_assert_cmpint (ir_role_from_string ("AR"), ==, IR_ROLE_AR);
  g_assert_cmpint (ir_role_from_string ("executive"), ==, IR_ROLE_EXECUTIVE);
  g_assert_cmpint (ir_role_from_string ("boss"), ==, 0);
  g_assert_cmpstr (ir_role_to_string (IR_ROLE_FR), ==, "FR");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/lookup", test_schema_lookup);
  g_test_add_func ("/schema/values", test_schema_values);
  g_test_add_func ("/schema/text-limit", test_schema_text_limit);
  g_test_add_func ("/schema/json-limit", test_schema_json_limit);
  g_test_add_func ("/schema/writers", test_schema_writers);
  g_test_add_func ("/schema/extension", test_schema_extension);
  g_test_add_func ("/schema/role-names", test_role_names);

  return g_test_run ();
}
