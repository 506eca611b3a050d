/* test-sync-json.c: the sync JSON reader against json-glib and
 * ir_op_new_from_json(), on valid and invalid input
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ir-sync-protocol.h"

#define ROOM "6f1c2a52-2d5e-4b7a-9a57-3f0c1e2d4b6a"
#define EID "0c6b7d1e-4a53-4b58-9c1f-2d7e8a9b0c1d"
#define CLIENT "0123456789abcdef0123456789abcdef"

static JsonNode *
glib_parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, text, -1, NULL) || json_parser_get_root (parser) == NULL)
    return NULL;

  return json_node_ref (json_parser_get_root (parser));
}

static void
test_documents_match_json_glib (void)
{
  const char *documents[] = {
    "{}", "[]", "0", "-0", "12", "-9007199254740993", "1.5", "-2.25e3", "1E-2", "true",
    "false", "null", "\"\"", "\"plain\"", "\"quote \\\" back \\\\ slash \\/ tab \\t nl \\n\"",
    "\"\\u00e9\\u4e2d\\u6587 é中文\"", "\"\\ud83d\\ude00\"", "\"\\b\\f\\r\"",
    "{\"a\": [1, 2, {\"b\": null}], \"c\": {\"d\": [true, false]}}",
    " \n\t{ \"spaced\" : [ 1 , 2 ] } \r\n",
    "{\"points\": [[0.5, 1.25], [3, 4e2]], \"name\": \"笔迹\"}",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) expected = glib_parse (documents[i]);
      g_autoptr(JsonNode) node = ir_sync_json_parse (documents[i], strlen (documents[i]), &error);

      g_test_message ("document %s", documents[i]);
      g_assert_no_error (error);
      g_assert_nonnull (expected);
      g_assert_nonnull (node);
      g_assert_true (json_node_equal (node, expected));
      g_assert_true (json_node_is_immutable (node));
    }
}

static void
test_invalid_documents (void)
{
  const char *documents[] = {
    "", "[", "[1,]", "{\"a\":}", "{\"a\" 1}", "{a: 1}", "[1 2]", "01", "1.", ".5", "1e",
    "tru", "nul", "\"open", "\"bad \\x escape\"", "\"\\ud800\"", "\"\\udc00\"",
    "\"\\u12\"", "\"tab\there\"", "[1] 2", "\"\xff\xfe\"", "\"\\u0000\"",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) node = ir_sync_json_parse (documents[i], strlen (documents[i]), &error);

      g_test_message ("document %s", documents[i]);
      g_assert_null (node);
      g_assert_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA);
    }
}

static void
test_depth_limited (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;

  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < 10000; i++)
    g_string_append_c (deep, ']');

  node = ir_sync_json_parse (deep->str, deep->len, &error);
  g_assert_null (node);
  g_assert_nonnull (strstr (error->message, "nested too deep"));
}

/* An op's JSON with one member replaced (or removed when @value is NULL). */
static char *
op_json (const char *member,
         const char *value)
{
  const char *names[] = { "id", "room", "tx", "seen", "entity", "eid", "field", "value", "hlc",
                          "actor", "schema", "seq", "received" };
  const char *values[] = { "\"" CLIENT ":7\"", "\"" ROOM "\"", "\"" CLIENT ":7\"", "3",
                           "\"stakeholder\"", "\"" EID "\"", "\"name\"", "\"王建国 \\\"Wang\\\"\"",
                           "123456789", "\"wang\"", "1", "9", "1767225600000000" };
  GString *text = g_string_new ("{");
  gboolean first = TRUE;

  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      const char *v = values[i];

      if (member != NULL && g_str_equal (member, names[i]))
        v = value;
      if (v == NULL)
        continue;
      if (!first)
        g_string_append_c (text, ',');
      g_string_append_printf (text, "\"%s\":%s", names[i], v);
      first = FALSE;
    }
  if (member != NULL && g_str_equal (member, "extra"))
    g_string_append_printf (text, ",\"extra\":%s", value);
  g_string_append_c (text, '}');

  return g_string_free (text, FALSE);
}

/* Reads one op both ways and checks they agree: the same op, or the same
 * fault. */
static void
assert_same_reading (const char *member,
                     const char *value)
{
  g_autofree char *op = op_json (member, value);
  g_autofree char *body = g_strdup_printf ("{\"ops\":[%s],\"last\":4}", op);
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) glib_error = NULL;
  g_autoptr(JsonObject) rest = NULL;
  g_autoptr(GPtrArray) fast = ir_sync_read_ops (body, strlen (body), &rest, &fast_error);
  g_autoptr(JsonNode) tree = glib_parse (op);
  g_autoptr(IrOp) reference = ir_op_new_from_json (tree, &glib_error);

  g_test_message ("op %s", op);
  if (reference == NULL)
    {
      g_assert_null (fast);
      g_assert_error (fast_error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_OP);
      g_assert_true (g_str_has_suffix (fast_error->message, glib_error->message));
      return;
    }

  g_assert_no_error (fast_error);
  g_assert_cmpuint (fast->len, ==, 1);
  g_assert_true (ir_op_same_content (g_ptr_array_index (fast, 0), reference));
  g_assert_cmpint (((IrOp *) fast->pdata[0])->seq, ==, reference->seq);
  g_assert_cmpint (((IrOp *) fast->pdata[0])->received, ==, reference->received);
  g_assert_cmpint (ir_sync_get_int (rest, "last", 0), ==, 4);
}

static void
test_ops_match_op_reader (void)
{
  const char *cases[][2] = {
    { NULL, NULL },
    { "value", "{\"points\":[[1,2],[3.5,4]]}" },
    { "value", "null" },
    { "value", "-4.75" },
    { "value", "[\"\\ud83d\\ude00\", true]" },
    { "extra", "{\"newer\": [1]}" },
    { "seq", NULL },
    { "received", NULL },
    { "id", NULL },
    { "id", "7" },
    { "id", "\"\"" },
    { "id", "\"not-an-id\"" },
    { "tx", "\"" CLIENT "\"" },
    { "room", "\"room one\"" },
    { "eid", "\"x\"" },
    { "seen", "-1" },
    { "seen", "1.5" },
    { "seen", "\"3\"" },
    { "hlc", NULL },
    { "schema", "0" },
    { "schema", "70000" },
    { "value", NULL },
    { "actor", "\"" "0123456789012345678901234567890123456789012345678901234567890123"
                    "0123456789012345678901234567890123456789012345678901234567890123" "x\"" },
    { "field", "[]" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_same_reading (cases[i][0], cases[i][1]);
}

static void
test_ops_of_bad_bodies (void)
{
  const char *bodies[] = {
    "", "[]", "{\"ops\":3}", "{\"ops\":[", "{\"last\":1}", "{\"ops\":[],}", "{\"ops\":[]} x",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (bodies); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) ops = ir_sync_read_ops (bodies[i], strlen (bodies[i]), NULL, &error);

      g_test_message ("body %s", bodies[i]);
      g_assert_null (ops);
      g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_JSON);
    }

  /* An element that is not an object is a bad op, and the error names it. */
  {
    const char *body = "{\"ops\":[1]}";
    g_autoptr(GError) error = NULL;
    g_autoptr(GPtrArray) ops = ir_sync_read_ops (body, strlen (body), NULL, &error);

    g_assert_null (ops);
    g_assert_error (error, IR_SYNC_ERROR, IR_SYNC_ERROR_INVALID_OP);
    g_assert_true (g_str_has_prefix (error->message, "Operation 1 is invalid"));
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-json/documents-match-json-glib", test_documents_match_json_glib);
  g_test_add_func ("/sync-json/invalid-documents", test_invalid_documents);
  g_test_add_func ("/sync-json/depth-limited", test_depth_limited);
  g_test_add_func ("/sync-json/ops-match-op-reader", test_ops_match_op_reader);
  g_test_add_func ("/sync-json/ops-of-bad-bodies", test_ops_of_bad_bodies);

  return g_test_run ();
}
