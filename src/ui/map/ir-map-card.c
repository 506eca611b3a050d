/* ir-map-card.c: one stakeholder's card on the decision map
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card is a focusable child widget of the canvas, so that the keyboard
 * reaches it and a screen reader announces it. Its children are built in
 * code rather than from a template, because a large room creates hundreds
 * of cards at once. The department's colour band is drawn in snapshot; the
 * stance colour and the influence's weight are the border, set by CSS
 * classes.
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-card.h"
#include "ir-map-layout.h"
#include "ir-map-render.h"
#include "ir-ui-util.h"

#define BAND_HEIGHT     6.0
#define CHANGE_SECONDS  4
#define MAX_AVATARS     5

struct _IrMapCard
{
  GtkWidget   parent_instance;

  IrEntity   *entity;
  gulong      changed_id;
  GdkRGBA     department_color;
  gboolean    has_department_color;
  gboolean    stale;
  gboolean    dimmed;
  guint       change_timeout;
  char       *coverage_key;   /* what the avatars and stale mark show */

  GtkWidget  *content;
  GtkWidget  *name_label;
  GtkWidget  *role_badge;
  GtkWidget  *title_label;
  GtkWidget  *influence_label;
  GtkWidget  *stance_pill;
  GtkWidget  *left_label;
  GtkWidget  *avatars;
  GtkWidget  *changed_label;
  GtkWidget  *conflict_icon;
  GtkWidget  *stale_box;
  GtkWidget  *stale_label;
  GtkWidget  *handle;
};

G_DEFINE_FINAL_TYPE (IrMapCard, ir_map_card, GTK_TYPE_WIDGET)

enum {
  SIGNAL_ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const stances[] = { "champion", "supporter", "neutral", "skeptic",
                                        "blocker", NULL };

/* Fields whose conflicts the card marks; the details panel lists them. */
static const char * const conflict_fields[] = { "name", "title", "department", "stance",
                                                "influence", "buying_role", "status",
                                                "successor", "coverage_owner", NULL };

/* --- helpers -------------------------------------------------------------- */

static GtkWidget *
label_new (const char *css_class,
           gboolean    ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (ellipsize)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  return label;
}

static void
set_class_from (GtkWidget          *widget,
                const char * const *choices,
                const char         *prefix,
                const char         *value)
{
  for (guint i = 0; choices[i] != NULL; i++)
    {
      g_autofree char *name = g_strconcat (prefix, choices[i], NULL);

      if (g_strcmp0 (choices[i], value) == 0)
        gtk_widget_add_css_class (widget, name);
      else
        gtk_widget_remove_css_class (widget, name);
    }
}

static char *
format_influence (gint64 influence)
{
  GString *dots = g_string_new (NULL);

  for (int i = 1; i <= 5; i++)
    g_string_append (dots, i <= influence ? "●" : "○");

  return g_string_free (dots, FALSE);
}

static gboolean
has_conflict (IrEntity *entity)
{
  for (guint i = 0; conflict_fields[i] != NULL; i++)
    if (ir_entity_has_conflict (entity, conflict_fields[i]))
      return TRUE;

  return FALSE;
}

static const char *
display_name (IrEntity *entity)
{
  const char *name = ir_entity_get_string (entity, "name");

  if (name != NULL && name[0] != '\0')
    return name;

  return ir_entity_get_boolean (entity, "placeholder") ? _("Unknown") : _("Unnamed");
}

static void
update_accessible (IrMapCard *self)
{
  g_autofree char *label = ir_map_card_dup_accessible_label (self);
  const char *department = ir_entity_get_string (self->entity, "department");
  const char *badge = ir_map_role_badge_label (ir_entity_get_string (self->entity, "buying_role"));
  g_autofree char *description = NULL;

  /* Translators: read by a screen reader after a stakeholder's name, title
   * and stance: department, influence out of five, buying role. */
  description = g_strdup_printf (_("%s, influence %d of 5, %s"),
                                 department ? department : _("no department"),
                                 (int) ir_entity_get_int (self->entity, "influence"),
                                 badge ? badge : _("no buying role"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* --- callbacks ------------------------------------------------------------ */

static void
entity_changed_cb (IrMapCard  *self,
                   const char *field,
                   IrEntity   *entity)
{
  /* The canvas updates the successor's name and the coverage; the card
   * follows its own fields at once. */
  ir_map_card_update (self, NULL);
}

static gboolean
change_timeout_cb (gpointer data)
{
  IrMapCard *self = data;

  self->change_timeout = 0;
  gtk_widget_set_visible (self->changed_label, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "changed");

  return G_SOURCE_REMOVE;
}

/* --- GtkWidget ------------------------------------------------------------ */

static void
ir_map_card_measure (GtkWidget      *widget,
                     GtkOrientation  orientation,
                     int             for_size,
                     int            *minimum,
                     int            *natural,
                     int            *minimum_baseline,
                     int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? IR_MAP_CARD_WIDTH
                                                                  : IR_MAP_CARD_HEIGHT;
}

static void
ir_map_card_size_allocate (GtkWidget *widget,
                           int        width,
                           int        height,
                           int        baseline)
{
  IrMapCard *self = IR_MAP_CARD (widget);
  int handle_width, handle_height;
  GskTransform *at;

  gtk_widget_allocate (self->content, width, height, -1, NULL);

  gtk_widget_measure (self->handle, GTK_ORIENTATION_HORIZONTAL, -1, &handle_width, NULL, NULL, NULL);
  gtk_widget_measure (self->handle, GTK_ORIENTATION_VERTICAL, -1, &handle_height, NULL, NULL, NULL);
  at = gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (width - handle_width / 2.0,
                                                             (height - handle_height) / 2.0));
  gtk_widget_allocate (self->handle, handle_width, handle_height, -1, at);
}

static void
ir_map_card_snapshot (GtkWidget   *widget,
                      GtkSnapshot *snapshot)
{
  IrMapCard *self = IR_MAP_CARD (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  if (self->has_department_color)
    {
      GskRoundedRect outline;

      gsk_rounded_rect_init_from_rect (&outline, &GRAPHENE_RECT_INIT (0, 0, width, height), 10);
      gtk_snapshot_push_rounded_clip (snapshot, &outline);
      gtk_snapshot_append_color (snapshot, &self->department_color,
                                 &GRAPHENE_RECT_INIT (0, 0, width, BAND_HEIGHT));
      gtk_snapshot_pop (snapshot);
    }

  gtk_widget_snapshot_child (widget, self->content, snapshot);
  gtk_widget_snapshot_child (widget, self->handle, snapshot);
}

/* --- GObject -------------------------------------------------------------- */

static void
ir_map_card_dispose (GObject *object)
{
  IrMapCard *self = IR_MAP_CARD (object);

  g_clear_handle_id (&self->change_timeout, g_source_remove);
  if (self->entity != NULL)
    g_clear_signal_handler (&self->changed_id, self->entity);
  g_clear_object (&self->entity);
  g_clear_pointer (&self->coverage_key, g_free);
  g_clear_pointer (&self->content, gtk_widget_unparent);
  g_clear_pointer (&self->handle, gtk_widget_unparent);

  G_OBJECT_CLASS (ir_map_card_parent_class)->dispose (object);
}

static void
ir_map_card_class_init (IrMapCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_map_card_dispose;
  widget_class->measure = ir_map_card_measure;
  widget_class->size_allocate = ir_map_card_size_allocate;
  widget_class->snapshot = ir_map_card_snapshot;

  /**
   * IrMapCard::activate:
   *
   * Emitted when the user presses Enter or Space on the card.
   */
  signals[SIGNAL_ACTIVATE] =
    g_signal_new ("activate", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_activate_signal (widget_class, signals[SIGNAL_ACTIVATE]);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_Return, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_KP_Enter, 0, "activate", NULL);
  gtk_widget_class_add_binding_signal (widget_class, GDK_KEY_space, 0, "activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "mapcard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_BUTTON);
}

static void
ir_map_card_init (IrMapCard *self)
{
  GtkWidget *header, *status, *footer, *icon;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "map-card");

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (self->content, "content");
  gtk_widget_set_parent (self->content, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->content), header);
  self->name_label = label_new ("name", TRUE);
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_box_append (GTK_BOX (header), self->name_label);
  self->role_badge = label_new ("role-badge", FALSE);
  gtk_widget_set_valign (self->role_badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), self->role_badge);

  self->title_label = label_new ("title", TRUE);
  gtk_box_append (GTK_BOX (self->content), self->title_label);

  status = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_widget_add_css_class (status, "status");
  gtk_box_append (GTK_BOX (self->content), status);
  self->influence_label = label_new ("influence", FALSE);
  gtk_box_append (GTK_BOX (status), self->influence_label);
  self->stance_pill = label_new ("pill", FALSE);
  gtk_widget_add_css_class (self->stance_pill, "stance");
  gtk_box_append (GTK_BOX (status), self->stance_pill);
  self->left_label = label_new ("left-note", TRUE);
  gtk_widget_set_hexpand (self->left_label, TRUE);
  gtk_box_append (GTK_BOX (status), self->left_label);

  footer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_add_css_class (footer, "footer");
  gtk_widget_set_vexpand (footer, TRUE);
  gtk_widget_set_valign (footer, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (self->content), footer);
  self->avatars = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 5);
  gtk_widget_set_hexpand (self->avatars, TRUE);
  gtk_box_append (GTK_BOX (footer), self->avatars);
  self->changed_label = label_new ("changed-by", TRUE);
  gtk_widget_set_visible (self->changed_label, FALSE);
  gtk_widget_set_valign (self->changed_label, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (footer), self->changed_label);
  self->conflict_icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (self->conflict_icon, "conflict-mark");
  gtk_widget_set_tooltip_text (self->conflict_icon,
                               _("Two members changed this person at the same time; open the "
                                 "details to choose"));
  gtk_widget_set_visible (self->conflict_icon, FALSE);
  gtk_box_append (GTK_BOX (footer), self->conflict_icon);

  self->stale_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  gtk_widget_add_css_class (self->stale_box, "stale");
  gtk_widget_set_valign (self->stale_box, GTK_ALIGN_CENTER);
  icon = gtk_image_new_from_icon_name ("document-open-recent-symbolic");
  gtk_box_append (GTK_BOX (self->stale_box), icon);
  self->stale_label = label_new (NULL, FALSE);
  gtk_box_append (GTK_BOX (self->stale_box), self->stale_label);
  gtk_widget_set_visible (self->stale_box, FALSE);
  gtk_box_append (GTK_BOX (footer), self->stale_box);

  self->handle = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (self->handle, "link-handle");
  gtk_widget_set_tooltip_text (self->handle, _("Drag to another card to link the two"));
  gtk_widget_set_parent (self->handle, GTK_WIDGET (self));
}

/* --- public API ----------------------------------------------------------- */

GtkWidget *
ir_map_card_new (IrEntity *stakeholder)
{
  IrMapCard *self = g_object_new (IR_TYPE_MAP_CARD, NULL);

  self->entity = g_object_ref (stakeholder);
  gtk_widget_set_name (GTK_WIDGET (self), ir_entity_get_id (stakeholder));
  self->changed_id = g_signal_connect_object (stakeholder, "changed",
                                              G_CALLBACK (entity_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  ir_map_card_update (self, NULL);

  return GTK_WIDGET (self);
}

IrEntity *
ir_map_card_get_entity (IrMapCard *self)
{
  g_return_val_if_fail (IR_IS_MAP_CARD (self), NULL);

  return self->entity;
}

const char *
ir_map_card_get_id (IrMapCard *self)
{
  g_return_val_if_fail (IR_IS_MAP_CARD (self), NULL);

  return ir_entity_get_id (self->entity);
}

/**
 * ir_map_card_update:
 * @store: (nullable): the room, to name a successor; %NULL keeps the
 *   successor's name shown
 *
 * Shows the stakeholder's current fields.
 */
void
ir_map_card_update (IrMapCard *self,
                    IrStore   *store)
{
  IrEntity *entity = self->entity;
  const char *title = ir_entity_get_string (entity, "title");
  const char *stance = ir_entity_get_string (entity, "stance");
  const char *badge = ir_map_role_badge_label (ir_entity_get_string (entity, "buying_role"));
  gint64 influence = ir_entity_get_int (entity, "influence");
  gboolean left = g_strcmp0 (ir_entity_get_string (entity, "status"), "left") == 0;
  g_autofree char *dots = format_influence (influence);
  g_autofree char *influence_class = g_strdup_printf ("%" G_GINT64_FORMAT, CLAMP (influence, 1, 5));
  static const char * const influences[] = { "1", "2", "3", "4", "5", NULL };

  gtk_label_set_label (GTK_LABEL (self->name_label), display_name (entity));
  gtk_label_set_label (GTK_LABEL (self->title_label), title ? title : "");
  gtk_label_set_label (GTK_LABEL (self->role_badge), badge ? badge : "");
  gtk_widget_set_visible (self->role_badge, badge != NULL);
  gtk_label_set_label (GTK_LABEL (self->influence_label), dots);
  gtk_label_set_label (GTK_LABEL (self->stance_pill), ir_map_stance_label (stance));

  set_class_from (GTK_WIDGET (self), stances, "stance-", stance);
  set_class_from (self->stance_pill, stances, "", stance);
  set_class_from (GTK_WIDGET (self), influences, "influence-", influence_class);

  if (ir_entity_get_boolean (entity, "placeholder"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "placeholder");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "placeholder");

  gtk_widget_set_visible (self->influence_label, !left);
  gtk_widget_set_visible (self->stance_pill, !left);
  gtk_widget_set_visible (self->left_label, left);
  if (left)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "left");
      if (store != NULL || g_strcmp0 (gtk_label_get_label (GTK_LABEL (self->left_label)), "") == 0)
        {
          const char *successor = ir_entity_get_string (entity, "successor");
          g_autoptr(IrEntity) next = successor && store ?
            ir_store_get_entity (store, "stakeholder", successor) : NULL;
          g_autofree char *text = next ?
            /* Translators: on a card of someone who left; %s is the successor. */
            g_strdup_printf (_("Left · successor %s"), display_name (next)) :
            g_strdup (_("Left the company"));

          gtk_label_set_label (GTK_LABEL (self->left_label), text);
        }
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "left");

  gtk_widget_set_visible (self->conflict_icon, has_conflict (entity));
  update_accessible (self);
}

void
ir_map_card_set_department_color (IrMapCard     *self,
                                  const GdkRGBA *color)
{
  g_return_if_fail (IR_IS_MAP_CARD (self));

  self->has_department_color = color != NULL;
  if (color != NULL)
    self->department_color = *color;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Returns the colour of the card's band, or %NULL when it has none. */
const GdkRGBA *
ir_map_card_get_department_color (IrMapCard *self)
{
  return self->has_department_color ? &self->department_color : NULL;
}

static GtkWidget *
avatar_new (const char *name,
            const char *role,
            const char *level,
            gboolean    owner)
{
  GtkWidget *avatar = adw_avatar_new (22, name, TRUE);
  g_autofree char *tooltip = NULL;
  g_autofree char *level_class = g_strconcat ("level-", level, NULL);

  gtk_widget_add_css_class (avatar, level_class);
  if (owner)
    gtk_widget_add_css_class (avatar, "owner");

  /* Translators: tooltip of a team member's avatar on a card: name, role,
   * relationship level, and whether they cover the person. */
  tooltip = g_strdup_printf (owner ? _("%s (%s): %s, covers this person") : _("%s (%s): %s"),
                             name, role ? role : "",
                             g_strcmp0 (level, "trusted") == 0 ? C_("relationship level", "Trusted") :
                             g_strcmp0 (level, "met") == 0 ? C_("relationship level", "Met") :
                             C_("relationship level", "Not met"));
  gtk_widget_set_tooltip_text (avatar, tooltip);

  return avatar;
}

/**
 * ir_map_card_set_coverage:
 * @members: (element-type IrMapSceneMember): names and roles of
 *   @coverage's members, in the same order
 *
 * Shows the trio's relationship levels as avatars, who covers the person,
 * and a stale contact.
 */
void
ir_map_card_set_coverage (IrMapCard     *self,
                          IrMapCoverage *coverage,
                          GPtrArray     *members)
{
  const IrMapCoverageRow *row = ir_map_coverage_lookup (coverage, ir_entity_get_id (self->entity));
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  if (row == NULL)
    return;

  /* Most changes leave a card's coverage as it was; its avatars stay then. */
  for (guint m = 0; m < coverage->members->len && m < members->len; m++)
    g_string_append_printf (key, "%s:%s:%s;", (char *) coverage->members->pdata[m],
                            ((IrMapSceneMember *) members->pdata[m])->name, row->levels[m]);
  g_string_append_printf (key, "%s:%d:%d:%d", row->covered ? row->coverage_owner : "",
                          row->stale, row->days_since_contact, coverage->stale_days);
  if (g_strcmp0 (key->str, self->coverage_key) == 0)
    return;
  g_free (self->coverage_key);
  self->coverage_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (self->avatars)) != NULL)
    gtk_box_remove (GTK_BOX (self->avatars), child);

  for (guint m = 0; m < coverage->members->len && m < members->len && m < MAX_AVATARS; m++)
    {
      IrMapSceneMember *member = g_ptr_array_index (members, m);
      gboolean owner = row->covered && g_strcmp0 (row->coverage_owner,
                                                  coverage->members->pdata[m]) == 0;

      gtk_box_append (GTK_BOX (self->avatars),
                      avatar_new (member->name, member->role, row->levels[m], owner));
    }

  self->stale = row->stale;
  gtk_widget_set_visible (self->stale_box, row->stale);
  if (row->stale)
    {
      g_autofree char *text = NULL;
      g_autofree char *tooltip = NULL;

      if (row->days_since_contact < 0)
        {
          text = g_strdup (C_("last contact", "never"));
          tooltip = g_strdup (_("Nobody on the team has been in contact with this person yet"));
        }
      else
        {
          /* Translators: days since the last contact, on a card; keep it short. */
          text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days",
                                               row->days_since_contact),
                                  row->days_since_contact);
          tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "Last contact %d day ago, longer than the "
                                                  "room’s %d days",
                                                  "Last contact %d days ago, longer than the "
                                                  "room’s %d days",
                                                  row->days_since_contact),
                                     row->days_since_contact, coverage->stale_days);
        }
      gtk_label_set_label (GTK_LABEL (self->stale_label), text);
      gtk_widget_set_tooltip_text (self->stale_box, tooltip);
    }
}

gboolean
ir_map_card_get_stale (IrMapCard *self)
{
  return self->stale;
}

void
ir_map_card_set_selected (IrMapCard *self,
                          gboolean   selected)
{
  if (selected)
    gtk_widget_add_css_class (GTK_WIDGET (self), "selected");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "selected");
}

/* Fades a card that the search or the filters leave out. */
void
ir_map_card_set_dimmed (IrMapCard *self,
                        gboolean   dimmed)
{
  self->dimmed = dimmed;
  if (dimmed)
    gtk_widget_add_css_class (GTK_WIDGET (self), "dimmed");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "dimmed");
}

gboolean
ir_map_card_get_dimmed (IrMapCard *self)
{
  return self->dimmed;
}

/* Marks the card a link being drawn would end on. */
void
ir_map_card_set_link_target (IrMapCard *self,
                             gboolean   target)
{
  if (target)
    gtk_widget_add_css_class (GTK_WIDGET (self), "link-target");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "link-target");
}

/* Shows for a few seconds that another member just changed the person. */
void
ir_map_card_show_change (IrMapCard  *self,
                         const char *who)
{
  gtk_label_set_label (GTK_LABEL (self->changed_label), who);
  gtk_widget_set_visible (self->changed_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "changed");

  g_clear_handle_id (&self->change_timeout, g_source_remove);
  self->change_timeout = g_timeout_add_seconds (CHANGE_SECONDS, change_timeout_cb, self);
}

/* Whether @picked, a widget under the pointer, is the card's link handle. */
gboolean
ir_map_card_is_handle (IrMapCard *self,
                       GtkWidget *picked)
{
  return picked != NULL && (picked == self->handle || gtk_widget_is_ancestor (picked, self->handle));
}

/* Returns what a screen reader announces: "name, title, stance". */
char *
ir_map_card_dup_accessible_label (IrMapCard *self)
{
  const char *title = ir_entity_get_string (self->entity, "title");
  const char *stance = ir_entity_get_string (self->entity, "stance");

  if (g_strcmp0 (ir_entity_get_string (self->entity, "status"), "left") == 0)
    /* Translators: a card read by a screen reader: name, title; the person
     * left the company. */
    return g_strdup_printf (_("%s, %s, left the company"), display_name (self->entity),
                            title && title[0] ? title : _("no title"));

  /* Translators: a card read by a screen reader: name, title, stance. */
  return g_strdup_printf (_("%s, %s, %s"), display_name (self->entity),
                          title && title[0] ? title : _("no title"),
                          ir_map_stance_label (stance));
}
