/* ir-review-window.c: review mode, the room's project review on a
 * projector
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A full-screen window walks the room through the agenda since the last
 * review, one step per page: arrow keys and a presenter remote's Page Up
 * and Page Down move between steps, Esc leaves. The window has its own
 * style sheet, dark text on white in large type and thick lines, because
 * a projector washes out colour and thin strokes first. Each new drawing
 * revision is compared on a worker thread, one at a time, while the
 * review goes on. Exporting the report is in ir-review-window-export.c.
 */
#define G_LOG_DOMAIN "ironroom-review"

#include "config.h"

#include <glib/gi18n.h>

#include "ir-review-decisions-step.h"
#include "ir-review-drawing-step.h"
#include "ir-review-steps.h"
#include "ir-review-window-private.h"
#include "ir-window.h"

/* Maximum side of a drawing's overlay, in pixels, which is sharp full
 * screen on a 1920×1080 projector and in the report. */
#define OVERLAY_SIDE 2400

/* Window heights, in pixels, from which the larger type sizes apply. */
#define MEDIUM_HEIGHT 840
#define LARGE_HEIGHT  1000

G_DEFINE_FINAL_TYPE (IrReviewWindow, ir_review_window, ADW_TYPE_WINDOW)

/* --- steps ---------------------------------------------------------------- */

static void
update_footer (IrReviewWindow *self)
{
  const IrReviewStep *step = ir_review_agenda_get_step (self->agenda, self->step);
  g_autofree char *title = ir_review_step_dup_title (self->agenda, step);
  g_autofree char *position = NULL;
  guint n = ir_review_agenda_get_n_steps (self->agenda);
  guint i = 0;

  gtk_label_set_label (self->step_label, title);
  /* Translators: the step shown and how many the review has, e.g. "3 / 7". */
  position = g_strdup_printf (_("%u / %u"), self->step + 1, n);
  gtk_label_set_label (self->position_label, position);

  for (GtkWidget *dot = gtk_widget_get_first_child (GTK_WIDGET (self->progress)); dot != NULL;
       dot = gtk_widget_get_next_sibling (dot), i++)
    {
      if (i <= self->step)
        gtk_widget_add_css_class (dot, "done");
      else
        gtk_widget_remove_css_class (dot, "done");
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.previous", self->step > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.next", self->step + 1 < n);
}

static void
go_to_step (IrReviewWindow *self,
            guint           index)
{
  const IrReviewStep *step;

  index = MIN (index, ir_review_agenda_get_n_steps (self->agenda) - 1);
  if (self->decisions_page != NULL)
    ir_review_decisions_step_save_all (IR_REVIEW_DECISIONS_STEP (self->decisions_page));

  self->step = index;
  gtk_stack_set_visible_child (self->step_stack, g_ptr_array_index (self->pages, index));

  /* Keys go to the window again, so that arrows move between steps and do
   * not stay in a text field of the page left. */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);

  step = ir_review_agenda_get_step (self->agenda, index);
  if (step->kind == IR_REVIEW_STEP_DECISIONS)
    self->reached_end = TRUE;

  update_footer (self);
}

static GtkWidget *
build_page (IrReviewWindow     *self,
            const IrReviewStep *step)
{
  switch (step->kind)
    {
    case IR_REVIEW_STEP_OVERVIEW:
      return ir_review_step_overview_new (self->agenda);
    case IR_REVIEW_STEP_MAP:
      return ir_review_step_map_new (self->agenda);
    case IR_REVIEW_STEP_DRAWING:
      if (step->revision >= 0)
        return ir_review_drawing_step_new (self->agenda, step->revision);
      else
        {
          GtkWidget *content;
          g_autofree char *title = ir_review_step_dup_title (self->agenda, step);
          GtkWidget *page = ir_review_step_page_new (title, NULL, &content);

          gtk_box_append (GTK_BOX (content),
                          ir_review_empty_new (_("No drawing revision was uploaded since "
                                                 "the last review.")));
          return page;
        }
    case IR_REVIEW_STEP_PLAN:
      return ir_review_step_plan_new (self->agenda);
    case IR_REVIEW_STEP_ESCALATIONS:
      return ir_review_step_escalations_new (self->agenda);
    case IR_REVIEW_STEP_DECISIONS:
      self->decisions_page = ir_review_decisions_step_new (self->store, self->agenda);
      g_signal_connect_swapped (self->decisions_page, "message",
                                G_CALLBACK (ir_review_window_show_message), self);
      return self->decisions_page;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
build_pages (IrReviewWindow *self)
{
  for (guint i = 0; i < ir_review_agenda_get_n_steps (self->agenda); i++)
    {
      const IrReviewStep *step = ir_review_agenda_get_step (self->agenda, i);
      g_autofree char *title = ir_review_step_dup_title (self->agenda, step);
      GtkWidget *page = build_page (self, step);
      GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_stack_page_set_title (gtk_stack_add_child (self->step_stack, page), title);
      g_ptr_array_add (self->pages, page);

      gtk_widget_add_css_class (dot, "review-dot");
      gtk_box_append (self->progress, dot);
    }
}

/* --- drawing compares ----------------------------------------------------- */

static void compare_next (IrReviewWindow *self);

static void
compare_thread_cb (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (ir_review_compare_job_run (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (source);
  IrReviewCompareJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  IrReviewRevision *revision;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  revision = g_ptr_array_index (self->agenda->revisions, self->compare_index);
  if (error == NULL)
    ir_review_compare_job_finish (job, revision);
  else
    {
      g_warning ("Failed to compare revision %s of “%s”: %s", revision->label,
                 revision->drawing_title, error->message);
      revision->compare_error = g_strdup (error->message);
    }

  for (guint i = 0; i < self->pages->len; i++)
    {
      GtkWidget *page = g_ptr_array_index (self->pages, i);

      if (IR_IS_REVIEW_DRAWING_STEP (page) &&
          ir_review_drawing_step_get_revision (IR_REVIEW_DRAWING_STEP (page)) ==
          (int) self->compare_index)
        ir_review_drawing_step_update (IR_REVIEW_DRAWING_STEP (page));
    }

  self->compare_index++;
  compare_next (self);
}

/* Compares the next revision of the agenda, or ends the compares. */
static void
compare_next (IrReviewWindow *self)
{
  g_autoptr(GTask) task = NULL;
  IrReviewCompareJob *job;

  if (self->compare_index >= self->agenda->revisions->len)
    {
      self->comparing = FALSE;
      ir_review_window_compares_done (self);
      return;
    }

  self->comparing = TRUE;
  job = ir_review_compare_job_new (self->store,
                                   g_ptr_array_index (self->agenda->revisions,
                                                      self->compare_index),
                                   OVERLAY_SIDE);
  task = g_task_new (self, self->cancellable, compared_cb, NULL);
  g_task_set_source_tag (task, compare_next);
  g_task_set_task_data (task, job, (GDestroyNotify) ir_review_compare_job_free);
  g_task_run_in_thread (task, compare_thread_cb);
}

/* --- size ----------------------------------------------------------------- */

static gboolean
apply_size_class_cb (gpointer user_data)
{
  IrReviewWindow *self = user_data;
  static const char * const classes[] = { "size-small", "size-medium", "size-large" };

  self->size_idle_id = 0;
  for (gsize i = 0; i < G_N_ELEMENTS (classes); i++)
    if (g_strcmp0 (classes[i], self->size_class) != 0)
      gtk_widget_remove_css_class (GTK_WIDGET (self), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), self->size_class);

  return G_SOURCE_REMOVE;
}

/* Picks the type size from the window's size. A class changed while the
 * window is allocated would resize it again at once, so it changes from
 * an idle callback. */
static void
ir_review_window_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);
  const char *size_class = "size-small";

  GTK_WIDGET_CLASS (ir_review_window_parent_class)->size_allocate (widget, width, height,
                                                                   baseline);

  if (height >= LARGE_HEIGHT && width >= 1600)
    size_class = "size-large";
  else if (height >= MEDIUM_HEIGHT && width >= 1280)
    size_class = "size-medium";

  if (g_strcmp0 (size_class, self->size_class) == 0)
    return;

  self->size_class = size_class;
  if (self->size_idle_id == 0)
    self->size_idle_id = g_idle_add (apply_size_class_cb, self);
}

/* --- actions -------------------------------------------------------------- */

static void
next_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);

  if (self->step + 1 < ir_review_agenda_get_n_steps (self->agenda))
    go_to_step (self, self->step + 1);
}

static void
previous_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);

  if (self->step > 0)
    go_to_step (self, self->step - 1);
}

static void
first_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  go_to_step (IR_REVIEW_WINDOW (widget), 0);
}

static void
last_activated_cb (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);

  go_to_step (self, ir_review_agenda_get_n_steps (self->agenda) - 1);
}

static void
add_item_activated_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);

  go_to_step (self, ir_review_agenda_get_n_steps (self->agenda) - 1);
  ir_review_decisions_step_add (IR_REVIEW_DECISIONS_STEP (self->decisions_page),
                                g_variant_get_string (parameter, NULL));
}

/* Leaves review mode. A review that reached its decisions, or recorded
 * one, is recorded as held, so that the next review starts after it. */
static void
finish (IrReviewWindow *self,
        gboolean        record)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;
  gboolean held_before = self->agenda->review != NULL;

  ir_review_decisions_step_save_all (IR_REVIEW_DECISIONS_STEP (self->decisions_page));

  if (record && !held_before &&
      ir_review_hold (self->store, self->agenda, NULL, NULL, &error) == NULL)
    {
      g_warning ("Failed to record the review: %s", error->message);
      ir_review_window_show_message (self, error->message);
      return;
    }

  if (IR_IS_WINDOW (parent) && self->agenda->review != NULL)
    ir_window_add_toast (IR_WINDOW (parent),
                         _("Review recorded. The next review starts from here."));

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
leave_activated_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (widget);

  finish (self, self->reached_end);
}

static void
end_activated_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  finish (IR_REVIEW_WINDOW (widget), TRUE);
}

static void
add_capture_shortcut (IrReviewWindow *self,
                      guint           key,
                      const char     *action)
{
  gtk_shortcut_controller_add_shortcut (self->remote_keys,
                                        gtk_shortcut_new (gtk_keyval_trigger_new (key, 0),
                                                          gtk_named_action_new (action)));
}

/* Right and Left step through the review wherever the focus is, except in
 * a text field, where they move the cursor. They are caught before the
 * focused widget, which would otherwise move the focus with them. */
static gboolean
arrow_key_pressed_cb (GtkEventControllerKey *controller,
                      guint                  keyval,
                      guint                  keycode,
                      GdkModifierType        state,
                      IrReviewWindow        *self)
{
  GtkWidget *focus;

  if (keyval != GDK_KEY_Right && keyval != GDK_KEY_Left)
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK))
    return FALSE;

  focus = gtk_root_get_focus (GTK_ROOT (self));
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT_VIEW (focus)))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self),
                              keyval == GDK_KEY_Right ? "review.next" : "review.previous",
                              NULL);
  return TRUE;
}

/* --- class ---------------------------------------------------------------- */

static void
ir_review_window_dispose (GObject *object)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->size_idle_id, g_source_remove);
  ir_review_window_export_clear (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IR_TYPE_REVIEW_WINDOW);

  G_OBJECT_CLASS (ir_review_window_parent_class)->dispose (object);
}

static void
ir_review_window_finalize (GObject *object)
{
  IrReviewWindow *self = IR_REVIEW_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->agenda, ir_review_agenda_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ir_review_window_parent_class)->finalize (object);
}

static void
load_style (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;

  if (loaded)
    return;

  /* Above the app's style sheet, so that the review looks the same in the
   * dark style: a projector needs dark on light. */
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/ironroom/IronRoom/review.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  loaded = TRUE;
}

static void
ir_review_window_class_init (IrReviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ir_review_window_dispose;
  object_class->finalize = ir_review_window_finalize;
  widget_class->size_allocate = ir_review_window_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/ironroom/IronRoom/ui/"
                                               "ir-review-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IrReviewWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IrReviewWindow, step_stack);
  gtk_widget_class_bind_template_child (widget_class, IrReviewWindow, step_label);
  gtk_widget_class_bind_template_child (widget_class, IrReviewWindow, position_label);
  gtk_widget_class_bind_template_child (widget_class, IrReviewWindow, progress);

  gtk_widget_class_install_action (widget_class, "review.next", NULL, next_activated_cb);
  gtk_widget_class_install_action (widget_class, "review.previous", NULL,
                                   previous_activated_cb);
  gtk_widget_class_install_action (widget_class, "review.first", NULL, first_activated_cb);
  gtk_widget_class_install_action (widget_class, "review.last", NULL, last_activated_cb);
  gtk_widget_class_install_action (widget_class, "review.add-item", "s",
                                   add_item_activated_cb);
  gtk_widget_class_install_action (widget_class, "review.leave", NULL, leave_activated_cb);
  gtk_widget_class_install_action (widget_class, "review.end", NULL, end_activated_cb);
  ir_review_window_class_init_export (widget_class);

  /* Arrows are bound in the bubble phase, so that a text field being
   * edited keeps them. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "review.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "review.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "review.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "review.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "review.leave", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "review.add-item", "s", "decision");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "review.add-item", "s", "action");
}

static void
ir_review_window_init (IrReviewWindow *self)
{
  load_style ();
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pages = g_ptr_array_new ();
  self->size_class = "size-small";
  gtk_widget_add_css_class (GTK_WIDGET (self), self->size_class);

  /* A presenter remote sends Page Up and Page Down. The window handles them
   * before any page gets them, because a scrolled page would scroll. */
  self->remote_keys = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->remote_keys),
                                              GTK_PHASE_CAPTURE);
  add_capture_shortcut (self, GDK_KEY_Page_Down, "review.next");
  add_capture_shortcut (self, GDK_KEY_Page_Up, "review.previous");
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->remote_keys));

  {
    GtkEventController *arrows = gtk_event_controller_key_new ();

    gtk_event_controller_set_propagation_phase (arrows, GTK_PHASE_CAPTURE);
    g_signal_connect (arrows, "key-pressed", G_CALLBACK (arrow_key_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self), arrows);
  }
}

/* --- public API ----------------------------------------------------------- */

/* Gives the window the size of @parent's monitor, or of the first one
 * while @parent is not shown yet, for window managers that do not make it
 * full screen. */
static void
size_to_monitor (IrReviewWindow *self,
                 GtkWindow      *parent)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (self));
  GdkSurface *surface = parent ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  g_autoptr(GdkMonitor) first = NULL;
  GdkMonitor *monitor = NULL;
  GdkRectangle geometry;

  if (surface != NULL)
    monitor = gdk_display_get_monitor_at_surface (display, surface);
  if (monitor == NULL)
    monitor = first = g_list_model_get_item (gdk_display_get_monitors (display), 0);
  if (monitor == NULL)
    return;

  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
}

/**
 * ir_review_window_new:
 * @parent: (nullable): the main window, whose monitor the review fills
 * @store: the open room
 * @error: return location for an error
 *
 * Builds the agenda since the room's last review and a window that
 * presents it. Call gtk_window_fullscreen() and gtk_window_present() to
 * show it.
 *
 * Returns: (transfer full): the window, or %NULL with @error set
 */
IrReviewWindow *
ir_review_window_new (GtkWindow  *parent,
                      IrStore    *store,
                      GError    **error)
{
  g_autoptr(IrReviewAgenda) agenda = ir_review_agenda_new_since_last (store, NULL, error);
  IrReviewWindow *self;

  if (agenda == NULL)
    return NULL;

  self = g_object_new (IR_TYPE_REVIEW_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->agenda = g_steal_pointer (&agenda);

  if (parent != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), parent);
      gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
      gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
    }
  size_to_monitor (self, parent);

  build_pages (self);
  go_to_step (self, 0);
  compare_next (self);

  return self;
}

IrReviewAgenda *
ir_review_window_get_agenda (IrReviewWindow *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_WINDOW (self), NULL);

  return self->agenda;
}

guint
ir_review_window_get_step (IrReviewWindow *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_WINDOW (self), 0);

  return self->step;
}

/* Returns: (transfer none): the page of step @index */
GtkWidget *
ir_review_window_get_page (IrReviewWindow *self,
                           guint           index)
{
  g_return_val_if_fail (IR_IS_REVIEW_WINDOW (self), NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);

  return g_ptr_array_index (self->pages, index);
}

/* Whether drawings are still being compared. */
gboolean
ir_review_window_is_comparing (IrReviewWindow *self)
{
  g_return_val_if_fail (IR_IS_REVIEW_WINDOW (self), FALSE);

  return self->comparing;
}

void
ir_review_window_show_message (IrReviewWindow *self,
                               const char     *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
