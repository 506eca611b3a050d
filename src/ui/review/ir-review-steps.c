/* ir-review-steps.c: the overview, map, plan and escalation pages
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each page is text in large type, read from the back of a meeting room:
 * few words per line, one fact per row, and colour only beside a word
 * with the same meaning (a tier, a stance), because a washed-out
 * projector loses colours first. Sizes are in em, so that the window's size class scales
 * everything at once.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-map-render.h"
#include "ir-review-steps.h"

/* Open tasks of the critical path shown, nearest first; a longer path is
 * summarised, because a page must fit a 1024×768 projector. */
#define MAX_CRITICAL_SHOWN 6

/* Dates that moved shown on the page; the report lists them all. */
#define MAX_TASK_CHANGES_SHOWN 4

/* --- building blocks ------------------------------------------------------ */

GtkWidget *
ir_review_label_new (const char *text,
                     const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style_class != NULL)
    gtk_widget_add_css_class (label, style_class);

  return label;
}

/* Returns a short label that never wraps, such as a badge or a number. */
GtkWidget *
ir_review_tag_new (const char *text,
                   const char *style_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, style_class);
  return label;
}

/* Returns a label that screen readers announce as a heading; the role can
 * only be set when the label is made. */
GtkWidget *
ir_review_heading_new (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "wrap", TRUE,
                                   "wrap-mode", PANGO_WRAP_WORD_CHAR,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_widget_add_css_class (label, "review-heading");
  return label;
}

/**
 * ir_review_step_page_new:
 * @content: (out): the box below the heading that the caller fills
 *
 * Returns: (transfer floating): a page with a heading and a subtitle that
 *   scrolls when its content does not fit
 */
GtkWidget *
ir_review_step_page_new (const char  *title,
                         const char  *subtitle,
                         GtkWidget  **content)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *page = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *heading = ir_review_heading_new (title);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_add_css_class (page, "review-step");
  gtk_box_append (GTK_BOX (page), heading);

  if (subtitle != NULL && subtitle[0] != '\0')
    gtk_box_append (GTK_BOX (page), ir_review_label_new (subtitle, "review-subtitle"));

  *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (*content, "review-content");
  gtk_widget_set_vexpand (*content, TRUE);
  gtk_box_append (GTK_BOX (page), *content);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), page);
  return scrolled;
}

/* Appends a section with a small heading to @content and returns the box
 * for its rows. */
GtkWidget *
ir_review_section_new (GtkWidget  *content,
                       const char *title)
{
  GtkWidget *rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (rows, "review-rows");
  gtk_box_append (GTK_BOX (content), ir_review_label_new (title, "review-section-title"));
  gtk_box_append (GTK_BOX (content), rows);

  return rows;
}

GtkWidget *
ir_review_empty_new (const char *text)
{
  return ir_review_label_new (text, "review-empty");
}

const char *
ir_review_tier_class (IrTier tier)
{
  switch (tier)
    {
    case IR_TIER_RED:
      return "red";
    case IR_TIER_YELLOW:
      return "yellow";
    case IR_TIER_BLUE:
      return "blue";
    case IR_TIER_NONE:
    default:
      return "none";
    }
}

GtkWidget *
ir_review_tier_badge_new (IrTier tier)
{
  GtkWidget *badge = ir_review_tag_new (ir_review_tier_label (tier), "review-tier");

  gtk_widget_add_css_class (badge, ir_review_tier_class (tier));
  gtk_widget_set_valign (badge, GTK_ALIGN_START);
  gtk_widget_set_hexpand (badge, FALSE);

  return badge;
}

static GtkWidget *
stance_pill_new (const char *stance)
{
  GtkWidget *pill = ir_review_tag_new (ir_map_stance_label (stance), "review-stance");

  gtk_widget_add_css_class (pill, stance != NULL ? stance : "unknown");
  gtk_widget_set_valign (pill, GTK_ALIGN_CENTER);

  return pill;
}

/* A row of the page: a bold first line, and a second in lighter type. */
static GtkWidget *
row_new (const char *title,
         const char *detail)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "review-row");
  gtk_box_append (GTK_BOX (box), ir_review_label_new (title, "review-row-title"));
  if (detail != NULL && detail[0] != '\0')
    gtk_box_append (GTK_BOX (box), ir_review_label_new (detail, "review-row-detail"));

  return box;
}

static char *
join_details (const char *first,
              const char *second)
{
  if (first == NULL || first[0] == '\0')
    return g_strdup (second);
  if (second == NULL || second[0] == '\0')
    return g_strdup (first);

  return g_strdup_printf ("%s · %s", first, second);
}

/* --- overview ------------------------------------------------------------- */

static char *
summarize_map (IrReviewAgenda *agenda)
{
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < agenda->people->len; i++)
    counts[((IrReviewPersonChange *) agenda->people->pdata[i])->kind]++;

  if (agenda->people->len == 0)
    return g_strdup (C_("review", "No changes"));

  /* Translators: counts of people new to the map, who changed stance and
   * who left. */
  return g_strdup_printf (_("%u new · %u changed stance · %u left"),
                          counts[IR_REVIEW_PERSON_NEW], counts[IR_REVIEW_PERSON_STANCE],
                          counts[IR_REVIEW_PERSON_LEFT]);
}

static char *
summarize_step (IrReviewAgenda     *agenda,
                const IrReviewStep *step)
{
  guint tiers[IR_TIER_RED + 1] = { 0 };
  const IrReviewRevision *revision;

  switch (step->kind)
    {
    case IR_REVIEW_STEP_MAP:
      return summarize_map (agenda);
    case IR_REVIEW_STEP_DRAWING:
      if (step->revision < 0)
        return g_strdup (_("No new revision"));
      revision = g_ptr_array_index (agenda->revisions, step->revision);
      if (revision->previous_label == NULL)
        return g_strdup (C_("review", "First revision"));
      /* Translators: the revision a new one is compared with, e.g. "Against revision A". */
      return g_strdup_printf (_("Against revision %s"), revision->previous_label);
    case IR_REVIEW_STEP_PLAN:
      /* Translators: counts of dates that moved and of milestones the
       * customer confirmed. */
      return g_strdup_printf (_("%u dates moved · %u confirmed"), agenda->task_changes->len,
                              agenda->confirmations->len);
    case IR_REVIEW_STEP_ESCALATIONS:
      for (guint i = 0; i < agenda->escalations->len; i++)
        tiers[((IrReviewEscalation *) agenda->escalations->pdata[i])->tier]++;
      /* Translators: counts of red, yellow and blue alerts. */
      return g_strdup_printf (_("%u red · %u yellow · %u blue"), tiers[IR_TIER_RED],
                              tiers[IR_TIER_YELLOW], tiers[IR_TIER_BLUE]);
    case IR_REVIEW_STEP_DECISIONS:
      if (agenda->previous_actions->len == 0)
        return g_strdup (_("Record what the review decides"));
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u action to follow up",
                                           "%u actions to follow up",
                                           agenda->previous_actions->len),
                              agenda->previous_actions->len);
    case IR_REVIEW_STEP_OVERVIEW:
    default:
      return NULL;
    }
}

static char *
describe_range (IrReviewAgenda *agenda)
{
  g_autofree char *today = ir_review_format_day (agenda->today);
  g_autofree char *held = NULL;

  if (agenda->since_review == NULL)
    /* Translators: %s is today's date. */
    return g_strdup_printf (_("%s · everything since the room began"), today);

  held = ir_review_format_time (agenda->since_held);
  /* Translators: today's date, the last review's title and when it was held. */
  return g_strdup_printf (_("%s · changes since “%s” (%s)"), today,
                          agenda->since_title ? agenda->since_title : "", held);
}

GtkWidget *
ir_review_step_overview_new (IrReviewAgenda *agenda)
{
  g_autofree char *title = g_strdup_printf (_("Project review: %s"),
                                            agenda->room_name ? agenda->room_name : "");
  g_autofree char *range = describe_range (agenda);
  GtkWidget *content;
  GtkWidget *page = ir_review_step_page_new (title, agenda->customer, &content);
  GtkWidget *grid = gtk_grid_new ();

  gtk_box_append (GTK_BOX (content), ir_review_label_new (range, "review-range"));
  gtk_widget_add_css_class (grid, "review-agenda");
  gtk_box_append (GTK_BOX (content), grid);

  for (guint i = 1; i < agenda->steps->len; i++)
    {
      const IrReviewStep *step = &g_array_index (agenda->steps, IrReviewStep, i);
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *step_title = ir_review_step_dup_title (agenda, step);
      g_autofree char *summary = summarize_step (agenda, step);
      GtkWidget *label = ir_review_tag_new (number, "review-agenda-number");

      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) i, 1, 1);
      label = row_new (step_title, summary);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), label, 1, (int) i, 1, 1);
    }

  return page;
}

/* --- decision map --------------------------------------------------------- */

static GtkWidget *
person_row_new (const IrReviewPersonChange *change)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *detail = join_details (change->title, change->department);
  GtkWidget *text = row_new (change->name ? change->name : "?", detail);
  GtkWidget *stances = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (row, "review-person");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);

  gtk_widget_add_css_class (stances, "review-stances");
  gtk_widget_set_valign (stances, GTK_ALIGN_CENTER);
  if (change->kind == IR_REVIEW_PERSON_STANCE)
    {
      gtk_box_append (GTK_BOX (stances), stance_pill_new (change->old_stance));
      gtk_box_append (GTK_BOX (stances), ir_review_tag_new ("→", "review-arrow"));
    }
  if (change->kind == IR_REVIEW_PERSON_LEFT)
    {
      g_autofree char *successor = change->successor_name
                                   /* Translators: the person who took over from someone who left. */
                                   ? g_strdup_printf (_("Successor: %s"), change->successor_name)
                                   : g_strdup (_("No successor named"));

      gtk_box_append (GTK_BOX (stances), ir_review_label_new (successor, "review-row-title"));
    }
  else
    gtk_box_append (GTK_BOX (stances), stance_pill_new (change->new_stance));
  gtk_box_append (GTK_BOX (row), stances);

  return row;
}

static const char *
group_title (IrReviewPersonKind kind)
{
  switch (kind)
    {
    case IR_REVIEW_PERSON_NEW:
      return C_("review", "New people");
    case IR_REVIEW_PERSON_STANCE:
      return C_("review", "Stance changes");
    case IR_REVIEW_PERSON_LEFT:
    default:
      return C_("review", "People who left");
    }
}

GtkWidget *
ir_review_step_map_new (IrReviewAgenda *agenda)
{
  static const IrReviewPersonKind groups[] = {
    IR_REVIEW_PERSON_NEW, IR_REVIEW_PERSON_STANCE, IR_REVIEW_PERSON_LEFT,
  };
  g_autofree char *title = ir_review_step_dup_title (agenda, &(IrReviewStep) {
                                                       .kind = IR_REVIEW_STEP_MAP });
  g_autofree char *summary = summarize_map (agenda);
  GtkWidget *content;
  GtkWidget *page = ir_review_step_page_new (title, summary, &content);

  if (agenda->people->len == 0)
    gtk_box_append (GTK_BOX (content),
                    ir_review_empty_new (_("Nobody on the customer’s side joined, changed "
                                           "stance or left since the last review.")));

  for (gsize g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      GtkWidget *rows = NULL;

      for (guint i = 0; i < agenda->people->len; i++)
        {
          const IrReviewPersonChange *change = g_ptr_array_index (agenda->people, i);

          if (change->kind != groups[g])
            continue;
          if (rows == NULL)
            rows = ir_review_section_new (content, group_title (groups[g]));
          gtk_box_append (GTK_BOX (rows), person_row_new (change));
        }
    }

  return page;
}

/* --- plan ----------------------------------------------------------------- */

static char *
describe_task_change (const IrReviewTaskChange *change)
{
  g_autofree char *old_finish = ir_review_format_day (change->old_finish);
  g_autofree char *new_finish = ir_review_format_day (change->new_finish);
  g_autofree char *old_committed = ir_review_format_day (change->old_committed);
  g_autofree char *new_committed = ir_review_format_day (change->new_committed);

  switch (change->kind)
    {
    case IR_REVIEW_TASK_ADDED:
      /* Translators: %s is the forecast date of a task new to the plan. */
      return g_strdup_printf (_("New to the plan, due %s"), new_finish);
    case IR_REVIEW_TASK_RECOMMITTED:
      /* Translators: a committed date that moved, old → new. */
      return g_strdup_printf (_("Committed date %s → %s"), old_committed, new_committed);
    case IR_REVIEW_TASK_SLIPPED:
    case IR_REVIEW_TASK_PULLED_IN:
    default:
      /* Translators: a forecast that moved, old → new. */
      return g_strdup_printf (_("Forecast %s → %s"), old_finish, new_finish);
    }
}

static GtkWidget *
task_change_row_new (const IrReviewTaskChange *change)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  g_autofree char *detail = describe_task_change (change);
  GtkWidget *text = row_new (change->name, detail);
  g_autofree char *days = NULL;
  GtkWidget *badge;

  gtk_widget_add_css_class (row, "review-person");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (row), text);

  if (change->kind == IR_REVIEW_TASK_ADDED)
    return row;

  if (change->late > 0)
    /* Translators: %d days past the committed date. */
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late",
                                         change->late), change->late);
  else
    days = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%+d day", "%+d days",
                                         ABS (change->slip)), change->slip);
  badge = ir_review_tag_new (days, "review-tier");
  gtk_widget_add_css_class (badge, ir_review_tier_class (ir_review_task_change_tier (change)));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (row), badge);

  return row;
}

static void
append_critical_path (GtkWidget      *content,
                      IrReviewAgenda *agenda)
{
  GtkWidget *rows = ir_review_section_new (content, C_("review", "Critical path"));
  GtkWidget *grid = gtk_grid_new ();
  guint shown = MIN (agenda->critical->len, MAX_CRITICAL_SHOWN);

  if (agenda->critical->len == 0)
    {
      gtk_box_append (GTK_BOX (rows), ir_review_empty_new (_("No open task is on the "
                                                             "critical path.")));
      return;
    }

  /* Two columns, read down, so that the path reads in order. */
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_add_css_class (grid, "review-chain");
  gtk_box_append (GTK_BOX (rows), grid);

  for (guint i = 0; i < shown; i++)
    {
      const IrReviewCriticalTask *task = g_ptr_array_index (agenda->critical, i);
      g_autofree char *finish = ir_review_format_day (task->finish);
      g_autofree char *name = task->milestone ? g_strdup_printf ("◆ %s", task->name)
                                              : g_strdup (task->name);
      g_autofree char *line = g_strdup_printf ("%s  %s", finish, name);
      GtkWidget *item = gtk_label_new (line);
      guint half = (shown + 1) / 2;

      gtk_label_set_xalign (GTK_LABEL (item), 0);
      gtk_label_set_ellipsize (GTK_LABEL (item), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (item, "review-chain-item");
      if (task->newly_critical)
        gtk_widget_add_css_class (item, "new");
      gtk_grid_attach (GTK_GRID (grid), item, (int) (i / half), (int) (i % half), 1, 1);
    }

  if (agenda->critical->len > shown)
    {
      const IrReviewCriticalTask *last = g_ptr_array_index (agenda->critical,
                                                           agenda->critical->len - 1);
      g_autofree char *finish = ir_review_format_day (last->finish);
      g_autofree char *more = NULL;

      /* Translators: how many more critical tasks follow, and the finish
       * date of the last one. */
      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "and %u more task, to %s",
                                           "and %u more tasks, to %s",
                                           agenda->critical->len - shown),
                              agenda->critical->len - shown, finish);
      gtk_box_append (GTK_BOX (rows), ir_review_label_new (more, "review-row-detail"));
    }
}

GtkWidget *
ir_review_step_plan_new (IrReviewAgenda *agenda)
{
  g_autofree char *subtitle = g_strdup_printf (_("%u dates moved · %u confirmed"),
                                               agenda->task_changes->len,
                                               agenda->confirmations->len);
  g_autofree char *title = ir_review_step_dup_title (agenda, &(IrReviewStep) {
                                                       .kind = IR_REVIEW_STEP_PLAN });
  GtkWidget *content;
  GtkWidget *page = ir_review_step_page_new (title, subtitle, &content);
  GtkWidget *rows = ir_review_section_new (content, C_("review", "Dates that moved"));
  guint shown = MIN (agenda->task_changes->len, MAX_TASK_CHANGES_SHOWN);

  if (agenda->task_changes->len == 0)
    gtk_box_append (GTK_BOX (rows), ir_review_empty_new (_("No milestone or committed date "
                                                           "moved.")));
  for (guint i = 0; i < shown; i++)
    gtk_box_append (GTK_BOX (rows), task_change_row_new (g_ptr_array_index (agenda->task_changes,
                                                                            i)));
  if (agenda->task_changes->len > shown)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u more in the report",
                                                            "%u more in the report",
                                                            agenda->task_changes->len - shown),
                                               agenda->task_changes->len - shown);

      gtk_box_append (GTK_BOX (rows), ir_review_label_new (more, "review-row-detail"));
    }

  if (agenda->confirmations->len > 0)
    {
      rows = ir_review_section_new (content, C_("review", "Confirmed by the customer"));
      for (guint i = 0; i < agenda->confirmations->len; i++)
        {
          const IrReviewConfirmation *confirmation = g_ptr_array_index (agenda->confirmations,
                                                                        i);
          g_autofree char *committed = ir_review_format_day (confirmation->committed);
          g_autofree char *detail = NULL;

          /* Translators: the committed date, who confirmed it and who
           * recorded the confirmation. */
          detail = g_strdup_printf (_("%s · confirmed by %s, recorded by %s"), committed,
                                    confirmation->signer ? confirmation->signer : "",
                                    confirmation->recorded_by ? confirmation->recorded_by : "");
          gtk_box_append (GTK_BOX (rows), row_new (confirmation->milestone, detail));
        }
    }

  append_critical_path (content, agenda);
  return page;
}

/* --- escalations ---------------------------------------------------------- */

static GtkWidget *
escalation_row_new (const IrReviewEscalation *escalation)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *stripe = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *tier = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *commitment = ir_review_format_day (escalation->commitment);
  g_autofree char *forecast = ir_review_format_day (escalation->forecast);
  g_autofree char *late = NULL;
  g_autofree char *detail = NULL;
  GtkWidget *badge;

  gtk_widget_add_css_class (row, "review-escalation");
  gtk_widget_add_css_class (stripe, "review-stripe");
  gtk_widget_add_css_class (stripe, ir_review_tier_class (escalation->tier));
  gtk_box_append (GTK_BOX (row), stripe);

  /* A wrapped title shares its line with nothing, because GTK 4.8
   * measures a wrapped label beside others a pixel apart. */
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), ir_review_label_new (escalation->title, "review-row-title"));

  /* Translators: the committed date, the forecast, the owner and the
   * alert's state, e.g. "Committed Dec 2 · forecast Dec 11 · Li Na ·
   * Notified". */
  detail = g_strdup_printf (_("Committed %s · forecast %s · %s · %s"), commitment, forecast,
                            escalation->owner_name ? escalation->owner_name : C_("review", "no owner"),
                            ir_review_escalation_state_label (escalation->state));
  gtk_box_append (GTK_BOX (text), ir_review_label_new (detail, "review-row-detail"));

  if (escalation->chain != NULL)
    {
      /* Translators: %s is the chain of late tasks that caused a slip. */
      g_autofree char *chain = g_strdup_printf (_("Caused by: %s"), escalation->chain);

      gtk_box_append (GTK_BOX (text), ir_review_label_new (chain, "review-chain-text"));
    }
  gtk_box_append (GTK_BOX (row), text);

  gtk_widget_add_css_class (tier, "review-tier-box");
  gtk_widget_set_valign (tier, GTK_ALIGN_CENTER);
  badge = ir_review_tier_badge_new (escalation->tier);
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (tier), badge);
  late = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day late", "%d days late",
                                       escalation->delay), escalation->delay);
  badge = ir_review_tag_new (late, "review-late");
  gtk_widget_set_halign (badge, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (tier), badge);
  gtk_box_append (GTK_BOX (row), tier);

  return row;
}

GtkWidget *
ir_review_step_escalations_new (IrReviewAgenda *agenda)
{
  IrReviewStep step = { .kind = IR_REVIEW_STEP_ESCALATIONS, .revision = -1 };
  g_autofree char *title = ir_review_step_dup_title (agenda, &step);
  g_autofree char *summary = summarize_step (agenda, &step);
  GtkWidget *content;
  GtkWidget *page = ir_review_step_page_new (title, summary, &content);

  if (agenda->escalations->len == 0)
    gtk_box_append (GTK_BOX (content),
                    ir_review_empty_new (_("Nothing is late against a committed date.")));

  for (guint i = 0; i < agenda->escalations->len; i++)
    gtk_box_append (GTK_BOX (content),
                    escalation_row_new (g_ptr_array_index (agenda->escalations, i)));

  return page;
}
