/* ir-map-coverage-warnings.c: the warnings above the coverage table
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ironroom-map"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-coverage-warnings.h"

static const char *
name_of (IrEntity *person)
{
  const char *name = ir_entity_get_string (person, "name");

  return name && name[0] ? name : _("Unnamed");
}

static GtkWidget *
warning_row_new (const char *icon,
                 const char *css,
                 const char *title,
                 const char *subtitle,
                 const char *stakeholder)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *image = gtk_image_new_from_icon_name (icon);

  gtk_widget_add_css_class (image, css);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (stakeholder != NULL)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "ir-stakeholder", g_strdup (stakeholder), g_free);
    }

  return row;
}

/**
 * ir_map_coverage_fill_warnings:
 *
 * Lists the coverage's warnings in @list, one row each that names its
 * stakeholder, or a single row when there is none.
 */
void
ir_map_coverage_fill_warnings (GtkListBox    *list,
                               IrStore       *store,
                               IrMapCoverage *coverage)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  for (guint i = 0; i < coverage->warnings->len; i++)
    {
      IrMapWarning *warning = coverage->warnings->pdata[i];
      g_autoptr(IrEntity) person = ir_store_get_entity (store, "stakeholder", warning->stakeholder);
      g_autofree char *title = NULL;
      const char *subtitle;

      if (person == NULL)
        continue;

      if (warning->kind == IR_MAP_WARNING_UNCOVERED_ECONOMIC_BUYER)
        {
          /* Translators: a coverage warning; %s is a stakeholder. */
          title = g_strdup_printf (_("Nobody covers %s, an economic buyer"), name_of (person));
          subtitle = _("Choose a member of the team to own this relationship");
        }
      else if (warning->days < 0)
        {
          /* Translators: a coverage warning; %s is a stakeholder. */
          title = g_strdup_printf (_("Nobody has met %s, a blocker"), name_of (person));
          subtitle = _("A blocker left alone hardens; plan a meeting");
        }
      else
        {
          /* Translators: a coverage warning; %s is a stakeholder, %d days. */
          title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                "Blocker %s not met for %d day",
                                                "Blocker %s not met for %d days", warning->days),
                                   name_of (person), warning->days);
          subtitle = _("A blocker left alone hardens; plan a meeting");
        }

      gtk_list_box_append (list,
                           warning_row_new ("dialog-warning-symbolic", "warning", title, subtitle,
                                            warning->stakeholder));
    }

  if (coverage->warnings->len == 0)
    gtk_list_box_append (list,
                         warning_row_new ("emblem-ok-symbolic", "success",
                                          _("Every economic buyer is covered"),
                                          _("and every blocker was met within a month"), NULL));
}

