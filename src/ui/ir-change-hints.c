/* ir-change-hints.c: marks on fields that someone else just changed
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each store has one IrChangeHints, which the sync client feeds with the
 * ops of other members as they arrive. A page that shows a field calls
 * ir_change_hints_watch() on the widget of that field. For a few seconds
 * after another member changed it, the widget carries the "remote-change"
 * style class and a tooltip that names who changed it. Pages that draw
 * fields themselves connect to the "changed" signal, or ask
 * ir_change_hints_lookup() while they draw.
 */
#define G_LOG_DOMAIN "ironroom-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-change-hints.h"
#include "ir-ui-util.h"

#define HINTS_KEY "ir-change-hints"
#define WATCH_KEY "ir-change-hints-watch"

struct _IrChangeHints
{
  GObject     parent_instance;

  IrStore    *store;      /* owns the hints */
  GHashTable *recent;     /* "eid\nfield" → Recent* */
};

typedef struct
{
  char   *actor;
  gint64  until;          /* monotonic microseconds */
} Recent;

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (IrChangeHints, ir_change_hints, G_TYPE_OBJECT)

/* --- helpers -------------------------------------------------------------- */

static void
recent_free (Recent *recent)
{
  g_free (recent->actor);
  g_free (recent);
}

static char *
field_key (const char *eid,
           const char *field)
{
  return g_strconcat (eid, "\n", field, NULL);
}

static void
prune (IrChangeHints *self)
{
  GHashTableIter iter;
  gpointer value;
  gint64 now = g_get_monotonic_time ();

  g_hash_table_iter_init (&iter, self->recent);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((Recent *) value)->until <= now)
      g_hash_table_iter_remove (&iter);
}

/* --- watching a widget ---------------------------------------------------- */

typedef struct
{
  GtkWidget     *widget;
  IrChangeHints *hints;
  char          *eid;
  char          *field;
  gulong         changed_id;
  gulong         destroy_id;
  guint          timeout_id;
  char          *tooltip;   /* the widget's own, restored afterwards */
  gboolean       marked;
} Watch;

static void
unmark (Watch *watch)
{
  if (!watch->marked)
    return;

  gtk_widget_remove_css_class (watch->widget, IR_CHANGE_HINT_CLASS);
  gtk_widget_set_tooltip_text (watch->widget, watch->tooltip);
  watch->marked = FALSE;
}

/* Runs while the widget is alive: when the watch moves, or when the widget
 * is destroyed, before it is finalized. */
static void
watch_free (Watch *watch)
{
  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  g_clear_signal_handler (&watch->destroy_id, watch->widget);
  unmark (watch);
  if (watch->hints != NULL)
    {
      g_clear_signal_handler (&watch->changed_id, watch->hints);
      g_object_remove_weak_pointer (G_OBJECT (watch->hints), (gpointer *) &watch->hints);
    }
  g_free (watch->eid);
  g_free (watch->field);
  g_free (watch->tooltip);
  g_free (watch);
}

static gboolean
unmark_cb (gpointer user_data)
{
  Watch *watch = user_data;

  watch->timeout_id = 0;
  unmark (watch);

  return G_SOURCE_REMOVE;
}

static void
mark (Watch      *watch,
      const char *actor)
{
  g_autofree char *name = ir_actor_dup_name (watch->hints->store, actor);
  /* Translators: the tooltip of a field another member just changed. */
  g_autofree char *text = g_strdup_printf (_("Changed by %s just now"), name);

  if (!watch->marked)
    {
      g_free (watch->tooltip);
      watch->tooltip = g_strdup (gtk_widget_get_tooltip_text (watch->widget));
      gtk_widget_add_css_class (watch->widget, IR_CHANGE_HINT_CLASS);
      watch->marked = TRUE;
    }
  gtk_widget_set_tooltip_text (watch->widget, text);

  g_clear_handle_id (&watch->timeout_id, g_source_remove);
  watch->timeout_id = g_timeout_add_seconds (IR_CHANGE_HINT_SECONDS, unmark_cb, watch);
}

static void
widget_destroyed_cb (GtkWidget *widget)
{
  g_object_set_data (G_OBJECT (widget), WATCH_KEY, NULL);
}

static void
hint_changed_cb (IrChangeHints *hints,
                 const char    *entity,
                 const char    *eid,
                 const char    *field,
                 const char    *actor,
                 Watch         *watch)
{
  if (g_str_equal (eid, watch->eid) && g_str_equal (field, watch->field))
    mark (watch, actor);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_change_hints_finalize (GObject *object)
{
  IrChangeHints *self = IR_CHANGE_HINTS (object);

  g_hash_table_unref (self->recent);

  G_OBJECT_CLASS (ir_change_hints_parent_class)->finalize (object);
}

static void
ir_change_hints_class_init (IrChangeHintsClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ir_change_hints_finalize;

  /**
   * IrChangeHints::changed:
   * @entity: the kind of entity
   * @eid: its id
   * @field: the field another member changed
   * @actor: the user name of that member
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
}

static void
ir_change_hints_init (IrChangeHints *self)
{
  self->recent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) recent_free);
}

/* --- public API ----------------------------------------------------------- */

/**
 * ir_change_hints_get_for_store:
 *
 * Returns: (transfer none): the hints of @store, which live as long as it
 */
IrChangeHints *
ir_change_hints_get_for_store (IrStore *store)
{
  IrChangeHints *self;

  g_return_val_if_fail (IR_IS_STORE (store), NULL);

  self = g_object_get_data (G_OBJECT (store), HINTS_KEY);
  if (self == NULL)
    {
      self = g_object_new (IR_TYPE_CHANGE_HINTS, NULL);
      self->store = store;
      g_object_set_data_full (G_OBJECT (store), HINTS_KEY, self, g_object_unref);
    }

  return self;
}

/**
 * ir_change_hints_add_ops:
 * @ops: (element-type IrOp): ops of other members, just applied
 *
 * Notes the fields that @ops changed and emits "changed" for each.
 */
void
ir_change_hints_add_ops (IrChangeHints *self,
                         GPtrArray     *ops)
{
  gint64 until = g_get_monotonic_time () + IR_CHANGE_HINT_SECONDS * G_USEC_PER_SEC;

  g_return_if_fail (IR_IS_CHANGE_HINTS (self));

  prune (self);
  for (guint i = 0; i < ops->len; i++)
    {
      IrOp *op = g_ptr_array_index (ops, i);
      Recent *recent = g_new0 (Recent, 1);

      recent->actor = g_strdup (op->actor);
      recent->until = until;
      g_hash_table_replace (self->recent, field_key (op->eid, op->field), recent);
      g_signal_emit (self, signals[SIGNAL_CHANGED], 0, op->entity, op->eid, op->field,
                     op->actor);
    }
}

/**
 * ir_change_hints_lookup:
 *
 * Returns: (nullable): the user name of the member who changed @field of
 *   @eid in the last %IR_CHANGE_HINT_SECONDS seconds, or %NULL
 */
const char *
ir_change_hints_lookup (IrChangeHints *self,
                        const char    *eid,
                        const char    *field)
{
  g_autofree char *key = NULL;
  Recent *recent;

  g_return_val_if_fail (IR_IS_CHANGE_HINTS (self), NULL);

  key = field_key (eid, field);
  recent = g_hash_table_lookup (self->recent, key);
  if (recent == NULL || recent->until <= g_get_monotonic_time ())
    return NULL;

  return recent->actor;
}

/**
 * ir_change_hints_watch:
 * @widget: the widget that shows the field, such as its row
 * @store: (nullable): the room's store, or %NULL to stop watching
 * @eid: (nullable): the entity the widget shows
 * @field: (nullable): the field the widget shows
 *
 * Marks @widget whenever another member changes @field of @eid, for
 * %IR_CHANGE_HINT_SECONDS seconds. A widget watches one field at a time;
 * calling this again moves the watch, so rows that a list reuses stay right.
 */
void
ir_change_hints_watch (GtkWidget  *widget,
                       IrStore    *store,
                       const char *eid,
                       const char *field)
{
  Watch *watch;
  const char *actor;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  g_object_set_data (G_OBJECT (widget), WATCH_KEY, NULL);
  if (store == NULL || eid == NULL || field == NULL)
    return;

  watch = g_new0 (Watch, 1);
  watch->widget = widget;
  watch->hints = ir_change_hints_get_for_store (store);
  watch->eid = g_strdup (eid);
  watch->field = g_strdup (field);
  g_object_add_weak_pointer (G_OBJECT (watch->hints), (gpointer *) &watch->hints);
  watch->changed_id = g_signal_connect (watch->hints, "changed",
                                        G_CALLBACK (hint_changed_cb), watch);
  watch->destroy_id = g_signal_connect (widget, "destroy", G_CALLBACK (widget_destroyed_cb), NULL);
  g_object_set_data_full (G_OBJECT (widget), WATCH_KEY, watch, (GDestroyNotify) watch_free);

  actor = ir_change_hints_lookup (watch->hints, eid, field);
  if (actor != NULL)
    mark (watch, actor);
}
