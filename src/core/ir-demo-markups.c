/* ir-demo-markups.c: the demo room's drawings, revisions and markups
 *
 * Copyright 2026 The Iron Room authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The valve body and the bonnet, drawn by ir-demo-drawings.c, are uploaded
 * as revision A, marked up with the customer's comments over the following
 * days, and uploaded again as revision B, which settles most comments. The
 * two that stay open are placed on revision B as carried markups.
 */
#include "config.h"

#include <math.h>

#include "ir-demo-drawings.h"
#include "ir-demo-private.h"
#include "ir-pdf.h"

/* Revision A was issued this many days before the demo is generated, and
 * revision B this many: the dates that ir-demo-drawings.c prints in the
 * sheets' revision tables. */
#define DAYS_BEFORE_A 45
#define DAYS_BEFORE_B 12

/* Where a markup sits, in page points from the top left corner. With an
 * @anchor on the page, it is the box of the first word that starts with
 * @anchor, moved by (dx, dy), given the size (w, h) when they are set, and
 * grown by @margin on every side. Without one, it is the box (dx, dy, w, h).
 * A pin keeps only the box's corner. */
typedef struct
{
  const char *anchor;
  double      dx;
  double      dy;
  double      w;
  double      h;
  double      margin;
} DemoPlace;

typedef struct
{
  const char     *key;
  IrDemoDrawing   drawing;
  const char     *kind;
  const char     *stamp;
  DemoPlace       place;
  IrDemoMember    author;
  int             day;
  int             minute;
  const char     *text_zh;
  const char     *text_en;
  const char     *status;       /* at the end; "open" ones carry to B */
  int             status_day;
} DemoMarkup;

static const DemoMarkup markups[] = {
  { "review_stamp", IR_DEMO_DRAWING_BODY, "stamp", "info",
    { NULL, 1400, 880, 240, 80, 0 }, IR_DEMO_SR, -45, IR_DEMO_TIME (14, 20),
    "仅供审查，不得用于制造", "For review only, not for manufacture", "done", -12 },
  { "drain", IR_DEMO_DRAWING_BODY, "pin", NULL,
    { "403", 21, -111, 0, 0, 0 }, IR_DEMO_SR, -44, IR_DEMO_TIME (16, 0),
    "黄工（设备部）：阀体底部需增加 NPS ½ 排放孔，便于停车排液。",
    "黄磊 (equipment): add an NPS ½ drain at the bottom of the body, for draining at "
    "shutdown.", "done", -12 },
  { "face_to_face", IR_DEMO_DRAWING_BODY, "cloud", NULL,
    { "403", -20, -14, 75, 48, 0 }, IR_DEMO_SR, -44, IR_DEMO_TIME (16, 5),
    "端面距请按现场管道改为 410 mm。", "Make the face-to-face length 410 mm to match the piping.",
    "done", -12 },
  { "packing", IR_DEMO_DRAWING_BODY, "pin", NULL,
    { "Ø330", 17, 83, 0, 0, 0 }, IR_DEMO_SR, -44, IR_DEMO_TIME (16, 10),
    "何工（安环部）：填料函须满足 ISO 15848-1 CO2 级，请提供型式试验报告。",
    "何静 (EHS): the stuffing box must meet ISO 15848-1 class CO2; send the type test report.",
    "open", 0 },
  { "material", IR_DEMO_DRAWING_BODY, "pin", NULL,
    { "WCB", 21, 14, 0, 0, 0 }, IR_DEMO_SR, -44, IR_DEMO_TIME (16, 15),
    "黄工（设备部）：建议阀体材料改为 WC6。",
    "黄磊 (equipment): suggest WC6 for the body.", "rejected", -30 },
  { "studs", IR_DEMO_DRAWING_BODY, "rectangle", NULL,
    { "12×M20", 0, 0, 0, 0, 12 }, IR_DEMO_FR, -43, IR_DEMO_TIME (10, 0),
    "中法兰螺柱按 PN40 复核，客户要求 16 个。",
    "Check the bonnet flange studs for PN40; the customer asks for 16.", "done", -12 },
  { "height", IR_DEMO_DRAWING_BONNET, "cloud", NULL,
    { "285", -14, -16, 48, 60, 0 }, IR_DEMO_FR, -42, IR_DEMO_TIME (11, 0),
    "阀盖总高与执行机构支架干涉，建议改为 295。",
    "The bonnet height clashes with the actuator bracket; make it 295.", "done", -12 },
  { "bolt_holes", IR_DEMO_DRAWING_BONNET, "rectangle", NULL,
    { "12×Ø22", 0, 0, 0, 0, 12 }, IR_DEMO_FR, -42, IR_DEMO_TIME (11, 5),
    "法兰螺栓孔数与阀体不一致，请统一为 16 个。",
    "The flange bolt holes do not match the body; make them 16.", "done", -12 },
  { "gasket", IR_DEMO_DRAWING_BONNET, "pin", NULL,
    { "Ø330", -157, -72, 0, 0, 0 }, IR_DEMO_AR, -41, IR_DEMO_TIME (18, 30),
    "王部长：中法兰垫片改用带内外环的缠绕垫片。",
    "王建军: use a spiral-wound gasket with inner and outer rings at the body-bonnet joint.",
    "open", 0 },
};

typedef struct
{
  const char   *markup;
  IrDemoMember  author;
  int           day;
  int           minute;
  const char   *text_zh;
  const char   *text_en;
} DemoReply;

static const DemoReply replies[] = {
  { "packing", IR_DEMO_FR, -40, IR_DEMO_TIME (10, 20),
    "已向填料供应商索取 ISO 15848-1 型式试验报告。",
    "Asked the packing supplier for the ISO 15848-1 type test report." },
  { "material", IR_DEMO_SR, -30, IR_DEMO_TIME (15, 0),
    "WCB 满足 380 ℃ 含硫工况，维持不变，黄工同意。",
    "WCB suits sour service at 380 °C, so it stays; 黄磊 agreed." },
  { "gasket", IR_DEMO_FR, -20, IR_DEMO_TIME (9, 40),
    "缠绕垫已询价，交期两周。", "Got prices for the spiral-wound gasket: two weeks' lead time." },
  { "drain", IR_DEMO_SR, -12, IR_DEMO_TIME (14, 40),
    "B 版已增加排放孔。", "Revision B adds the drain." },
  { "face_to_face", IR_DEMO_SR, -12, IR_DEMO_TIME (14, 41),
    "B 版已改为 410 mm。", "Revision B makes it 410 mm." },
  { "packing", IR_DEMO_SR, -10, IR_DEMO_TIME (11, 0),
    "供应商报告为 CO3 级，正在评估升级到 CO2 级的填料。",
    "The supplier's report is for class CO3; we are looking at a packing for CO2." },
};

/* --- files --------------------------------------------------------------- */

static gboolean
find_anchor (GPtrArray  *words,
             const char *anchor,
             IrPdfRect  *box)
{
  for (guint i = 0; words != NULL && i < words->len; i++)
    {
      IrPdfWord *word = g_ptr_array_index (words, i);

      if (g_str_has_prefix (word->text, anchor))
        {
          *box = word->box;
          return TRUE;
        }
    }

  return FALSE;
}

static JsonNode *
place_markup (const DemoPlace *place,
              gboolean         pin,
              GPtrArray       *words)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  IrPdfRect box = { place->dx, place->dy, place->w, place->h };
  IrPdfRect word;

  if (place->anchor != NULL && find_anchor (words, place->anchor, &word))
    {
      box.x = word.x + place->dx - place->margin;
      box.y = word.y + place->dy - place->margin;
      box.width = (place->w > 0 ? place->w : word.width) + 2 * place->margin;
      box.height = (place->h > 0 ? place->h : word.height) + 2 * place->margin;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "x");
  json_builder_add_double_value (builder, round (box.x));
  json_builder_set_member_name (builder, "y");
  json_builder_add_double_value (builder, round (box.y));
  if (!pin)
    {
      json_builder_set_member_name (builder, "w");
      json_builder_add_double_value (builder, round (box.width));
      json_builder_set_member_name (builder, "h");
      json_builder_add_double_value (builder, round (box.height));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static char *
revision_key (IrDemoDrawing drawing,
              char          revision)
{
  return g_strdup_printf ("%s-%c", ir_demo_drawing_get_info (drawing)->number, revision);
}

/* Draws one revision, stores the file and returns its words, which place
 * the markups. */
static GPtrArray *
store_revision (IrDemo         *demo,
                IrTx           *tx,
                IrDemoDrawing   drawing,
                char            revision,
                GError        **error)
{
  const IrDemoDrawingInfo *info = ir_demo_drawing_get_info (drawing);
  g_autoptr(GDate) today = g_date_new_julian (demo->today);
  g_autoptr(GBytes) pdf_bytes = NULL;
  g_autoptr(IrPdf) pdf = NULL;
  g_autofree char *blob = NULL;
  g_autofree char *key = revision_key (drawing, revision);
  g_autofree char *filename = g_strdup_printf ("%s_%c.pdf", info->number, revision);
  g_autofree char *eid = NULL;
  GPtrArray *words;

  pdf_bytes = ir_demo_drawing_to_bytes (drawing, revision, demo->english, today, error);
  if (pdf_bytes == NULL)
    return NULL;

  blob = ir_blob_store_add_bytes (ir_store_get_blobs (demo->store), pdf_bytes, error);
  if (blob == NULL)
    return NULL;

  pdf = ir_pdf_new_from_bytes (pdf_bytes, filename, IR_PDF_DEFAULT_MAX_SIZE, error);
  if (pdf == NULL)
    return NULL;
  words = ir_pdf_get_words (pdf, 0);

  eid = ir_demo_create (demo, tx, "revision", key);
  ir_tx_set_string (tx, "revision", eid, "drawing", ir_demo_lookup (demo, "drawing", info->number));
  ir_tx_set_string (tx, "revision", eid, "blob", blob);
  ir_tx_set_string (tx, "revision", eid, "filename", filename);
  ir_tx_set_string (tx, "revision", eid, "note",
                    revision == 'A' ? IR_DEMO_TEXT (demo, "首次发布，供客户审查", "First issue, for "
                                                    "the customer's review")
                                    : IR_DEMO_TEXT (demo, info->change_b, info->change_b_en));
  ir_tx_set_string (tx, "revision", eid, "uploaded_by", ir_demo_user (IR_DEMO_SR));
  ir_tx_set_int (tx, "revision", eid, "uploaded", demo->time_us);
  ir_tx_set_int (tx, "revision", eid, "pages", ir_pdf_get_n_pages (pdf));
  ir_tx_set_int (tx, "revision", eid, "size", (gint64) g_bytes_get_size (pdf_bytes));
  ir_tx_set_boolean (tx, "revision", eid, "has_text", words->len > 0);

  /* The drawings page shows a revision's preview until its first render.
   * Only the latest revision, which opens first, gets one here, because
   * rendering takes about 40 ms a sheet and the demo keeps under half a
   * second. */
  if (revision == 'B')
    {
      g_autoptr(GBytes) preview = ir_pdf_render_preview (pdf, 0, IR_PDF_PREVIEW_SIZE, NULL,
                                                         error);
      g_autofree char *preview_blob = NULL;

      if (preview != NULL)
        preview_blob = ir_blob_store_add_bytes (ir_store_get_blobs (demo->store), preview,
                                                error);
      if (preview_blob == NULL)
        {
          g_ptr_array_unref (words);
          return NULL;
        }
      ir_tx_set_string (tx, "revision", eid, "preview", preview_blob);
    }

  return words;
}

static void
add_placement (IrDemo           *demo,
               IrTx             *tx,
               const DemoMarkup *row,
               const char       *revision,
               GPtrArray        *words,
               gboolean          carried)
{
  g_autofree char *eid = ir_tx_create (tx, "markup_placement");

  ir_tx_set_string (tx, "markup_placement", eid, "markup",
                    ir_demo_lookup (demo, "markup", row->key));
  ir_tx_set_string (tx, "markup_placement", eid, "revision", revision);
  ir_tx_set_int (tx, "markup_placement", eid, "page", 0);
  ir_tx_set (tx, "markup_placement", eid, "geometry",
             place_markup (&row->place, g_str_equal (row->kind, "pin"), words));
  ir_tx_set_boolean (tx, "markup_placement", eid, "carried", carried);
}

/* --- steps --------------------------------------------------------------- */

static const IrDemoDrawing drawings[] = { IR_DEMO_DRAWING_BODY, IR_DEMO_DRAWING_BONNET };

/* The SR uploads a drawing's first revision, which creates the drawing. */
static gboolean
write_first_revision (IrDemo         *demo,
                      gconstpointer   data,
                      GError        **error)
{
  IrDemoDrawing drawing = *(const IrDemoDrawing *) data;
  const IrDemoDrawingInfo *info = ir_demo_drawing_get_info (drawing);
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_SR);
  g_autofree char *eid = ir_demo_create (demo, tx, "drawing", info->number);
  g_autofree char *position = NULL;
  GPtrArray *words;

  position = ir_demo_next_position (demo, drawing == IR_DEMO_DRAWING_BODY ? NULL
                                          : demo->drawing_position);
  g_free (demo->drawing_position);
  demo->drawing_position = g_strdup (position);

  ir_tx_set_string (tx, "drawing", eid, "title", IR_DEMO_TEXT (demo, info->title, info->title_en));
  ir_tx_set_string (tx, "drawing", eid, "number", info->number);
  ir_tx_set_string (tx, "drawing", eid, "position", position);

  words = store_revision (demo, tx, drawing, 'A', error);
  if (words == NULL)
    return FALSE;
  g_hash_table_insert (demo->words, revision_key (drawing, 'A'), words);

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_markup (IrDemo         *demo,
              gconstpointer   data,
              GError        **error)
{
  const DemoMarkup *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);
  g_autofree char *key = revision_key (row->drawing, 'A');
  const char *number = ir_demo_drawing_get_info (row->drawing)->number;
  g_autofree char *eid = ir_demo_create (demo, tx, "markup", row->key);

  ir_tx_set_string (tx, "markup", eid, "drawing", ir_demo_lookup (demo, "drawing", number));
  ir_tx_set_string (tx, "markup", eid, "kind", row->kind);
  if (row->stamp != NULL)
    ir_tx_set_string (tx, "markup", eid, "stamp", row->stamp);
  ir_tx_set_string (tx, "markup", eid, "text", IR_DEMO_TEXT (demo, row->text_zh, row->text_en));
  ir_tx_set_string (tx, "markup", eid, "status", "open");
  ir_tx_set_string (tx, "markup", eid, "author", ir_demo_user (row->author));
  ir_tx_set_int (tx, "markup", eid, "created", demo->time_us);

  add_placement (demo, tx, row, ir_demo_lookup (demo, "revision", key),
                 g_hash_table_lookup (demo->words, key), FALSE);

  return ir_demo_commit (demo, tx, error);
}

static gboolean
write_reply (IrDemo         *demo,
             gconstpointer   data,
             GError        **error)
{
  const DemoReply *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, row->author);
  g_autofree char *eid = ir_tx_create (tx, "markup_reply");

  ir_tx_set_string (tx, "markup_reply", eid, "markup", ir_demo_lookup (demo, "markup", row->markup));
  ir_tx_set_string (tx, "markup_reply", eid, "text",
                    IR_DEMO_TEXT (demo, row->text_zh, row->text_en));
  ir_tx_set_string (tx, "markup_reply", eid, "author", ir_demo_user (row->author));
  ir_tx_set_int (tx, "markup_reply", eid, "created", demo->time_us);

  return ir_demo_commit (demo, tx, error);
}

/* The SR settles a markup: done, or rejected. */
static gboolean
write_status (IrDemo         *demo,
              gconstpointer   data,
              GError        **error)
{
  const DemoMarkup *row = data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_SR);

  ir_tx_set_string (tx, "markup", ir_demo_lookup (demo, "markup", row->key), "status",
                    row->status);

  return ir_demo_commit (demo, tx, error);
}

/* The SR uploads revision B; the markups still open carry forward onto it,
 * placed at the same features of the new sheet. */
static gboolean
write_second_revision (IrDemo         *demo,
                       gconstpointer   data,
                       GError        **error)
{
  IrDemoDrawing drawing = *(const IrDemoDrawing *) data;
  g_autoptr(IrTx) tx = ir_demo_begin (demo, IR_DEMO_SR);
  g_autofree char *key = revision_key (drawing, 'B');
  g_autoptr(GPtrArray) words = store_revision (demo, tx, drawing, 'B', error);
  const char *revision;

  if (words == NULL)
    return FALSE;

  revision = ir_demo_lookup (demo, "revision", key);
  for (gsize i = 0; i < G_N_ELEMENTS (markups); i++)
    if (markups[i].drawing == drawing && g_str_equal (markups[i].status, "open"))
      add_placement (demo, tx, &markups[i], revision, words, TRUE);

  return ir_demo_commit (demo, tx, error);
}

void
ir_demo_drawings_add_steps (IrDemo *demo)
{
  for (gsize i = 0; i < G_N_ELEMENTS (drawings); i++)
    {
      ir_demo_add_step (demo, -DAYS_BEFORE_A, IR_DEMO_TIME (14, 0) + (int) i,
                        write_first_revision, &drawings[i]);
      ir_demo_add_step (demo, -DAYS_BEFORE_B, IR_DEMO_TIME (15, 0) + (int) i,
                        write_second_revision, &drawings[i]);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (markups); i++)
    {
      ir_demo_add_step (demo, markups[i].day, markups[i].minute, write_markup, &markups[i]);
      if (!g_str_equal (markups[i].status, "open"))
        ir_demo_add_step (demo, markups[i].status_day, IR_DEMO_TIME (14, 50), write_status,
                          &markups[i]);
    }

  for (gsize i = 0; i < G_N_ELEMENTS (replies); i++)
    ir_demo_add_step (demo, replies[i].day, replies[i].minute, write_reply, &replies[i]);
}
