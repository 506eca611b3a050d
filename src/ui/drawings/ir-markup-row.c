/* ir-markup-row.c: one markup as a row of the markup list
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A snapshot of the markup's fields as properties, so that the column
 * view's sorters and the list's filter read them through expressions.
 */
#define G_LOG_DOMAIN "ironroom-drawings"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ir-drawing-model.h"
#include "ir-markup-row.h"
#include "ir-ui-util.h"

struct _IrMarkupRow
{
  GObject  parent_instance;

  char    *markup;
  guint    number;
  int      page;
  char    *kind;
  char    *author;
  gint64   created;
  char    *date;
  char    *status;
  char    *status_label;
  char    *text;
  guint    n_replies;
};

G_DEFINE_FINAL_TYPE (IrMarkupRow, ir_markup_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NUMBER,
  PROP_PAGE,
  PROP_KIND,
  PROP_AUTHOR,
  PROP_CREATED,
  PROP_DATE,
  PROP_STATUS,
  PROP_STATUS_LABEL,
  PROP_TEXT,
  PROP_N_REPLIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ir_markup_row_finalize (GObject *object)
{
  IrMarkupRow *self = IR_MARKUP_ROW (object);

  g_free (self->markup);
  g_free (self->kind);
  g_free (self->author);
  g_free (self->date);
  g_free (self->status);
  g_free (self->status_label);
  g_free (self->text);

  G_OBJECT_CLASS (ir_markup_row_parent_class)->finalize (object);
}

static void
ir_markup_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IrMarkupRow *self = IR_MARKUP_ROW (object);

  switch (prop_id)
    {
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_PAGE:
      g_value_set_int (value, self->page + 1);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_AUTHOR:
      g_value_set_string (value, self->author);
      break;

    case PROP_CREATED:
      g_value_set_int64 (value, self->created);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_STATUS_LABEL:
      g_value_set_string (value, self->status_label);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_N_REPLIES:
      g_value_set_uint (value, self->n_replies);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ir_markup_row_class_init (IrMarkupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ir_markup_row_finalize;
  object_class->get_property = ir_markup_row_get_property;

  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PAGE] = g_param_spec_int ("page", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, flags);
  properties[PROP_AUTHOR] = g_param_spec_string ("author", NULL, NULL, NULL, flags);
  properties[PROP_CREATED] = g_param_spec_int64 ("created", NULL, NULL, 0, G_MAXINT64, 0,
                                                 flags);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] = g_param_spec_string ("status", NULL, NULL, NULL, flags);
  properties[PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, flags);
  properties[PROP_N_REPLIES] = g_param_spec_uint ("n-replies", NULL, NULL, 0, G_MAXUINT, 0,
                                                  flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ir_markup_row_init (IrMarkupRow *self)
{
}

/* Returns a row with the markup's fields as they are now. */
IrMarkupRow *
ir_markup_row_new (IrStore  *store,
                   IrEntity *markup,
                   IrEntity *placement,
                   guint     number)
{
  IrMarkupRow *self = g_object_new (IR_TYPE_MARKUP_ROW, NULL);
  g_autoptr(IrEntityList) replies =
    ir_store_list_children (store, "markup_reply", "markup", ir_entity_get_id (markup));
  const char *stamp = ir_entity_get_string (markup, "stamp");
  const char *text = ir_entity_get_string (markup, "text");
  const char *status = ir_entity_get_string (markup, "status");

  self->markup = g_strdup (ir_entity_get_id (markup));
  self->number = number;
  self->page = (int) ir_entity_get_int (placement, "page");
  self->kind = g_strdup (ir_markup_kind_label (ir_entity_get_string (markup, "kind")));
  self->author = ir_actor_dup_name (store, ir_entity_get_string (markup, "author"));
  self->created = ir_entity_get_int (markup, "created");
  self->date = self->created > 0 ? ir_format_time (self->created) : g_strdup ("");
  self->status = g_strdup (status ? status : "open");
  self->status_label = g_strdup (ir_markup_status_label (self->status));
  self->n_replies = g_list_model_get_n_items (G_LIST_MODEL (replies));

  if (stamp != NULL && text != NULL)
    self->text = g_strdup_printf ("%s · %s", ir_markup_stamp_label (stamp), text);
  else if (stamp != NULL)
    self->text = g_strdup (ir_markup_stamp_label (stamp));
  else
    self->text = g_strdup (text ? text : "");

  /* One line in the list; the detail shows the rest. */
  for (char *p = self->text; *p != '\0'; p++)
    if (*p == '\n')
      *p = ' ';

  return self;
}

const char *
ir_markup_row_get_markup (IrMarkupRow *self)
{
  return self->markup;
}

const char *
ir_markup_row_get_status (IrMarkupRow *self)
{
  return self->status;
}

/* Returns the page, from 0. */
int
ir_markup_row_get_page (IrMarkupRow *self)
{
  return self->page;
}

/* Whether the row's text, kind or author contains @search, ignoring
 * case. */
gboolean
ir_markup_row_matches (IrMarkupRow *self,
                       const char  *search)
{
  g_autofree char *needle = NULL;
  g_autofree char *haystack = NULL;

  if (search == NULL || search[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (search, -1);
  haystack = g_utf8_casefold (self->text, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;

  g_free (haystack);
  haystack = g_utf8_casefold (self->author, -1);
  if (strstr (haystack, needle) != NULL)
    return TRUE;

  g_free (haystack);
  haystack = g_utf8_casefold (self->kind, -1);
  return strstr (haystack, needle) != NULL;
}
