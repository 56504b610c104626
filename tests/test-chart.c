/* test-chart.c — cirt-chart: files of the asked size and format, the radar's
 * geometry checked on pixels, nothing clipped at the edges
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "cirt-chart.h"
#include "cirt-test-util.h"

static CirtInstrument *inst_a, *inst_b;

static void
setup (void)
{
  inst_a = cirt_test_load_fixture ("score-a.json");
  inst_b = cirt_test_load_fixture ("score-b.json");
}

static void
teardown (void)
{
  g_clear_object (&inst_a);
  g_clear_object (&inst_b);
}

static void
put (GHashTable *answers,
     const char *question,
     const char *value)
{
  CirtAnswer *a = cirt_answer_new (question);

  if (value == NULL)
    {
      a->not_applicable = TRUE;
      a->notes = g_strdup ("not here");
    }
  else
    a->value = g_strdup (value);
  g_hash_table_replace (answers, a->question, a);
}

/* score-a + score-b, answered as in test-score.c's scenario 1 plus score-b:
 * legal 109/192 → 56.77, technical 66.67, organizational 25, capacity
 * undefined, cooperation 50 (see test-score.c for the arithmetic). */
static CirtScore *
make_score (gboolean with_b,
            gboolean with_targets)
{
  g_autoptr(GPtrArray) insts = g_ptr_array_new ();
  g_autoptr(GHashTable) answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) cirt_answer_free);
  const int targets[CIRT_N_PILLARS] = { 4, 3, 0, 2, 5 };

  g_ptr_array_add (insts, inst_a);
  put (answers, "SA-OPS-1", "p,r");
  put (answers, "SA-OPS-2", "2");
  put (answers, "SA-LAW-1", "3");
  put (answers, "SA-LAW-2", "partial");
  put (answers, "SA-LAW-3", NULL);
  put (answers, "SA-CRT-1", "yes");
  put (answers, "SA-CRT-2", "1");
  put (answers, "SA-GOV-1", "1");
  put (answers, "SA-GOV-2", "no");
  if (with_b)
    {
      g_ptr_array_add (insts, inst_b);
      put (answers, "SB-LAW-1", "2");
      put (answers, "SB-COOP-1", "partial");
    }
  return cirt_score_compute (insts, answers, with_targets ? targets : NULL);
}

/* ------------------------------------------------------------------------ */
/* File checks                                                              */

/* Whether @needle occurs in @len bytes of @data (which may hold NULs). */
static gboolean
contains_bytes (const char *data,
                gsize       len,
                const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= len; i++)
    if (memcmp (data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static void
assert_png (const char *path,
            int         width,
            int         height)
{
  cairo_surface_t *s = cairo_image_surface_create_from_png (path);

  ck_assert_msg (cairo_surface_status (s) == CAIRO_STATUS_SUCCESS, "%s: %s", path,
                 cairo_status_to_string (cairo_surface_status (s)));
  ck_assert_int_eq (cairo_image_surface_get_width (s), width);
  ck_assert_int_eq (cairo_image_surface_get_height (s), height);
  cairo_surface_destroy (s);
}

static void
assert_svg (const char *path,
            int         width,
            int         height)
{
  g_autofree char *data = NULL, *size = NULL;
  gsize len;

  ck_assert (g_file_get_contents (path, &data, &len, NULL));
  ck_assert_msg (g_str_has_prefix (data, "<?xml"), "%s is not XML", path);
  /* Pixels, not cairo 1.16's default points. */
  size = g_strdup_printf ("width=\"%dpx\" height=\"%dpx\" viewBox=\"0 0 %d %d\"", width, height, width, height);
  ck_assert_msg (strstr (data, size) != NULL, "%s lacks %s", path, size);
  ck_assert_msg (g_str_has_suffix (g_strchomp (data), "</svg>"), "%s is truncated", path);
}

static void
assert_pdf (const char *path,
            int         width,
            int         height)
{
  g_autofree char *data = NULL, *box = NULL;
  gsize len;

  ck_assert (g_file_get_contents (path, &data, &len, NULL));
  ck_assert_msg (len > 8 && memcmp (data, "%PDF-", 5) == 0, "%s is not PDF", path);
  box = g_strdup_printf ("/MediaBox [ 0 0 %d %d ]", width, height);
  /* Not strstr: the compressed streams hold NUL bytes. */
  ck_assert_msg (contains_bytes (data, len, box), "%s lacks %s", path, box);
  ck_assert_msg (contains_bytes (data + len - 16, 16, "%%EOF"), "%s is truncated", path);
}

/* Only @keep (NULL-terminated names) in @dir: no temporary file left over. */
static void
assert_dir_holds (const char  *dir,
                  const char **keep)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  ck_assert (d != NULL);
  while ((name = g_dir_read_name (d)))
    {
      ck_assert_msg (g_strv_contains (keep, name), "unexpected file %s in %s", name, dir);
      n++;
    }
  ck_assert_uint_eq (n, g_strv_length ((char **) keep));
}

START_TEST (test_files_api)
{
  g_autoptr(CirtScore) score = make_score (TRUE, TRUE);
  g_autofree char *dir = cirt_test_tmp_path ("charts");
  static const char *names[] = { "radar.png", "sections.svg", "coverage.pdf", "radar.PDF", NULL };
  CirtChartKind kinds[] = { CIRT_CHART_RADAR, CIRT_CHART_SECTIONS, CIRT_CHART_COVERAGE, CIRT_CHART_RADAR };
  CirtChartOptions opt = { "en", FALSE, NULL, 1.0, FALSE };

  g_mkdir_with_parents (dir, 0700);
  for (guint i = 0; names[i]; i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      g_autoptr(GError) error = NULL;
      ck_assert_msg (cirt_chart_write_file (kinds[i], score, &opt, path, 640 + 10 * i, 480 - 10 * i, &error),
                     "%s", error ? error->message : "");
    }
  {
    g_autofree char *p0 = g_build_filename (dir, names[0], NULL);
    g_autofree char *p1 = g_build_filename (dir, names[1], NULL);
    g_autofree char *p2 = g_build_filename (dir, names[2], NULL);
    g_autofree char *p3 = g_build_filename (dir, names[3], NULL);
    assert_png (p0, 640, 480);
    assert_svg (p1, 650, 470);
    assert_pdf (p2, 660, 460);
    assert_pdf (p3, 670, 450);
  }
  assert_dir_holds (dir, names);
}
END_TEST

START_TEST (test_file_replaced_atomically)
{
  g_autoptr(CirtScore) score = make_score (FALSE, FALSE);
  g_autofree char *dir = cirt_test_tmp_path ("replace");
  g_autofree char *path = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  static const char *names[] = { "chart.png", NULL };

  g_mkdir_with_parents (dir, 0700);
  ck_assert (g_file_set_contents (path, "old", -1, NULL));
  ck_assert_msg (cirt_chart_write_file (CIRT_CHART_COVERAGE, score, NULL, path, 500, 300, &error), "%s",
                 error ? error->message : "");
  assert_png (path, 500, 300);
  assert_dir_holds (dir, names);
}
END_TEST

START_TEST (test_file_errors)
{
  g_autoptr(CirtScore) score = make_score (FALSE, FALSE);
  g_autofree char *dir = cirt_test_tmp_path ("errors");
  g_autofree char *missing = g_build_filename (dir, "no-such-dir", "chart.png", NULL);
  g_autofree char *gif = g_build_filename (dir, "chart.gif", NULL);
  g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
  static const char *none[] = { NULL };

  g_mkdir_with_parents (dir, 0700);
  ck_assert (!cirt_chart_write_file (CIRT_CHART_RADAR, score, NULL, missing, 400, 300, &e1));
  ck_assert (g_error_matches (e1, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
  ck_assert (strstr (e1->message, "chart.png") != NULL);
  ck_assert (!cirt_chart_write_file (CIRT_CHART_RADAR, score, NULL, gif, 400, 300, &e2));
  ck_assert (g_error_matches (e2, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED));
  ck_assert (!cirt_chart_write_file (CIRT_CHART_RADAR, score, NULL, png, 0, 300, &e3));
  ck_assert (g_error_matches (e3, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT));
  assert_dir_holds (dir, none);
}
END_TEST

START_TEST (test_files_cli)
{
  g_autofree char *db = cirt_test_tmp_path ("chart.db");
  g_autofree char *fixture = cirt_test_fixture ("score-a.json");
  g_autofree char *dir = cirt_test_tmp_path ("cli-charts");
  g_autofree char *out = NULL, *err = NULL, *id = NULL;
  static const struct { const char *kind, *name, *w, *h; } cases[] = {
    { "radar", "r.png", "400", "330" }, { "sections", "s.svg", "1200", "700" }, { "coverage", "c.pdf", "595", "420" },
  };

  g_mkdir_with_parents (dir, 0700);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "new", "--title", "T", "--country", "C",
                                       "--instrument", fixture, NULL), 0);
  id = g_strstrip (g_steal_pointer (&out));
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cirt_test_run_cli (NULL, NULL, "--db", db, "answer", id, "SA-LAW-1", "3", NULL), 0);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
      g_autofree char *o = NULL, *e = NULL;
      int rc = cirt_test_run_cli (&o, &e, "--db", db, "chart", id, "--kind", cases[i].kind, "--out", path,
                                  "--width", cases[i].w, "--height", cases[i].h, NULL);
      ck_assert_msg (rc == 0, "chart %s: %s", cases[i].kind, e);
      ck_assert_str_eq (o, "");
    }
  {
    g_autofree char *r = g_build_filename (dir, "r.png", NULL);
    g_autofree char *s = g_build_filename (dir, "s.svg", NULL);
    g_autofree char *c = g_build_filename (dir, "c.pdf", NULL);
    assert_png (r, 400, 330);
    assert_svg (s, 1200, 700);
    assert_pdf (c, 595, 420);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Pixels                                                                   */

typedef struct {
  cairo_surface_t *surface;
  guchar          *data;
  int              stride, width, height;
} Image;

static void
image_render (Image                  *img,
              CirtChartKind           kind,
              CirtScore              *score,
              const CirtChartOptions *opt,
              int                     width,
              int                     height)
{
  cairo_t *cr;

  img->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (img->surface);
  cirt_chart_draw (cr, kind, score, opt, width, height);
  ck_assert_int_eq (cairo_status (cr), CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (img->surface);
  img->data = cairo_image_surface_get_data (img->surface);
  img->stride = cairo_image_surface_get_stride (img->surface);
  img->width = width;
  img->height = height;
}

static void
image_clear (Image *img)
{
  g_clear_pointer (&img->surface, cairo_surface_destroy);
}

/* ARGB32 in native endianness: one guint32 per pixel. */
static guint32
pixel (Image *img,
       int    x,
       int    y)
{
  if (x < 0 || y < 0 || x >= img->width || y >= img->height)
    return 0;
  return *(guint32 *) (img->data + y * img->stride + 4 * x);
}

static int
color_distance (guint32 p,
                guint32 rgb)
{
  return ABS ((int) ((p >> 16) & 0xff) - (int) ((rgb >> 16) & 0xff)) +
         ABS ((int) ((p >> 8) & 0xff) - (int) ((rgb >> 8) & 0xff)) +
         ABS ((int) (p & 0xff) - (int) (rgb & 0xff));
}

static gboolean
matches (Image   *img,
         double   x,
         double   y,
         guint32  rgb)
{
  guint32 p = pixel (img, (int) floor (x), (int) floor (y));
  return (p >> 24) == 0xff && color_distance (p, rgb) <= 12;
}

/* Walks @pillar's axis from the centre to past the rim and returns the
 * distance from the centre of the series marker (a disc of @rgb), found as
 * the run of positions where five pixels across the axis all have the
 * marker's colour (a 2.5 px line never fills five). -1 when there is none. */
static double
find_marker (Image                        *img,
             const CirtChartRadarGeometry *g,
             CirtPillar                    pillar,
             guint32                       rgb)
{
  double a = cirt_chart_radar_angle (pillar), ux = cos (a), uy = sin (a);
  double first = -1, last = -1;

  for (double t = 0; t <= g->radius + 8; t += 0.25)
    {
      gboolean all = TRUE;
      for (int k = -2; k <= 2 && all; k++)
        all = matches (img, g->cx + t * ux - k * uy + 0.5, g->cy + t * uy + k * ux + 0.5, rgb);
      if (all)
        {
          if (first < 0)
            first = t;
          last = t;
        }
    }
  return first < 0 ? -1 : (first + last) / 2;
}

static void
check_radar_points (CirtScore                    *score,
                    const CirtChartOptions       *opt,
                    int                           width,
                    int                           height,
                    guint32                       current_rgb,
                    guint32                       rim_rgb)
{
  CirtChartRadarGeometry g;
  Image img = { 0 };
  gboolean rim_found = FALSE;

  cirt_chart_radar_geometry (score, opt, width, height, &g);
  ck_assert_msg (g.radius > height / 6.0 && g.radius < height / 2.0, "radius %g at %dx%d", g.radius, width, height);
  ck_assert (g.cx - g.radius > 0 && g.cx + g.radius < width);
  ck_assert (g.cy - g.radius > 0 && g.cy + g.radius < height);

  image_render (&img, CIRT_CHART_RADAR, score, opt, width, height);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (score, p);
      double found = find_marker (&img, &g, p, current_rgb);

      if (ps->value.defined)
        {
          double expected = g.radius * ps->value.score / 100.0;
          ck_assert_msg (found >= 0, "%s: no point drawn (expected at %.1f px)", cirt_pillar_to_string (p), expected);
          ck_assert_msg (fabs (found - expected) <= 2.0, "%s: point at %.1f px from the centre, expected %.1f (score %.2f, radius %.1f)",
                         cirt_pillar_to_string (p), found, expected, ps->value.score, g.radius);
        }
      else
        /* Undefined is not 0: no point anywhere on the axis, not even at the centre. */
        ck_assert_msg (found < 0, "%s has no score but a point at %.1f px", cirt_pillar_to_string (p), found);
    }
  /* The rim (score 100) is drawn at the radius: look straight down. */
  for (int dy = -2; dy <= 2 && !rim_found; dy++)
    rim_found = color_distance (pixel (&img, (int) g.cx, (int) floor (g.cy + g.radius) + dy), rim_rgb) <= 100;
  ck_assert_msg (rim_found, "no rim at radius %.1f below the centre", g.radius);
  image_clear (&img);
}

START_TEST (test_radar_points_light)
{
  /* legal 56.77, technical 66.67, organizational 25, cooperation 50;
   * capacity has no answers. Targets are drawn too (another colour). */
  g_autoptr(CirtScore) score = make_score (TRUE, TRUE);
  CirtChartOptions opt = { "en", FALSE, NULL, 1.0, FALSE };

  check_radar_points (score, &opt, 600, 500, 0x0072b2, 0x9a9996);
  check_radar_points (score, &opt, 400, 330, 0x0072b2, 0x9a9996);
  check_radar_points (score, &opt, 1200, 1000, 0x0072b2, 0x9a9996);
}
END_TEST

START_TEST (test_radar_points_dark_baseline_fr)
{
  /* Dark palette, French labels, and an earlier assessment (score-a only:
   * no cooperation) drawn underneath as a baseline. */
  g_autoptr(CirtScore) score = make_score (TRUE, TRUE);
  g_autoptr(CirtScore) earlier = make_score (FALSE, FALSE);
  CirtChartOptions opt = { "fr", TRUE, earlier, 1.0, FALSE };

  check_radar_points (score, &opt, 640, 520, 0x56b4e9, 0x8a8990);
}
END_TEST

START_TEST (test_radar_unused_pillar_no_point)
{
  /* score-a alone: cooperation is not used, capacity has no answers. */
  g_autoptr(CirtScore) score = make_score (FALSE, FALSE);
  CirtChartOptions opt = { "en", FALSE, NULL, 1.0, FALSE };

  ck_assert (!cirt_score_get_pillar (score, CIRT_PILLAR_COOPERATION)->used);
  check_radar_points (score, &opt, 500, 420, 0x0072b2, 0x9a9996);
}
END_TEST

START_TEST (test_radar_angles)
{
  /* Legal at the top, then clockwise (on screen, y down) in GCA order. */
  ck_assert_double_eq_tol (cirt_chart_radar_angle (CIRT_PILLAR_LEGAL), -G_PI / 2, 1e-12);
  ck_assert_double_eq_tol (cirt_chart_radar_angle (CIRT_PILLAR_TECHNICAL), -G_PI / 2 + 2 * G_PI / 5, 1e-12);
  ck_assert_double_eq_tol (cirt_chart_radar_angle (CIRT_PILLAR_COOPERATION), -G_PI / 2 + 8 * G_PI / 5, 1e-12);
  ck_assert (cos (cirt_chart_radar_angle (CIRT_PILLAR_TECHNICAL)) > 0);     /* right */
  ck_assert (cos (cirt_chart_radar_angle (CIRT_PILLAR_COOPERATION)) < 0);   /* left */
}
END_TEST

/* Nothing of the chart within 2 px of the edges: labels are not clipped. */
static void
assert_clear_edges (CirtChartKind  kind,
                    CirtScore     *score,
                    const char    *lang,
                    int            width,
                    int            height)
{
  CirtChartOptions opt = { lang, FALSE, NULL, 1.0, FALSE };
  Image img = { 0 };

  image_render (&img, kind, score, &opt, width, height);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        if (x > 2 && x < width - 3 && y > 2 && y < height - 3)
          continue;
        ck_assert_msg (pixel (&img, x, y) == 0xffffffff, "kind %d %s at %dx%d: ink at the edge (%d, %d)", kind, lang,
                       width, height, x, y);
      }
  image_clear (&img);
}

START_TEST (test_nothing_clipped)
{
  g_autoptr(CirtScore) score = make_score (TRUE, TRUE);
  static const char *langs[] = { "ar", "en", "es", "fr", "ru", "zh" };
  static const int widths[] = { 400, 800, 1200 };

  for (guint k = 0; k < 3; k++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          int h = (int) ceil (cirt_chart_natural_height (k, score, langs[l], widths[w]));
          assert_clear_edges (k, score, langs[l], widths[w], h);
        }
  /* Fixed sizes, also smaller than the content wants (it shrinks to fit). */
  for (guint k = 0; k < 3; k++)
    {
      assert_clear_edges (k, score, "fr", 640, 480);
      assert_clear_edges (k, score, "en", 400, 300);
      assert_clear_edges (k, score, "en", 1600, 900);
    }
}
END_TEST

START_TEST (test_background)
{
  g_autoptr(CirtScore) score = make_score (FALSE, FALSE);
  CirtChartOptions light = { "en", FALSE, NULL, 1.0, FALSE };
  CirtChartOptions dark = { "en", TRUE, NULL, 1.0, FALSE };
  CirtChartOptions clear = { "en", FALSE, NULL, 1.0, TRUE };
  Image a = { 0 }, b = { 0 }, c = { 0 };

  image_render (&a, CIRT_CHART_SECTIONS, score, &light, 400, 300);
  image_render (&b, CIRT_CHART_SECTIONS, score, &dark, 400, 300);
  image_render (&c, CIRT_CHART_SECTIONS, score, &clear, 400, 300);
  ck_assert_uint_eq (pixel (&a, 1, 1), 0xffffffff);
  ck_assert_uint_eq (pixel (&b, 1, 1), 0xff242424);
  ck_assert_uint_eq (pixel (&c, 1, 1) >> 24, 0);
  image_clear (&a);
  image_clear (&b);
  image_clear (&c);
}
END_TEST

/* The mean x of the chart's coloured pixels (the bars; text and rules are
 * grey or black). */
static double
colour_centroid (Image *img)
{
  double sum = 0, n = 0;

  for (int y = 0; y < img->height; y++)
    for (int x = 0; x < img->width; x++)
      {
        guint32 p = pixel (img, x, y);
        int r = (p >> 16) & 0xff, g = (p >> 8) & 0xff, b = p & 0xff;
        if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 100)
          {
            sum += x;
            n++;
          }
      }
  ck_assert (n > 100);
  return sum / n;
}

/* In Arabic the bar charts run right to left: labels on the right, bars
 * growing leftwards; the radar is the same both ways round. */
START_TEST (test_bars_right_to_left)
{
  g_autoptr(CirtScore) score = make_score (TRUE, FALSE);
  CirtChartOptions en = { "en", FALSE, NULL, 1.0, FALSE };
  CirtChartOptions ar = { "ar", FALSE, NULL, 1.0, FALSE };
  const CirtChartKind kinds[] = { CIRT_CHART_SECTIONS, CIRT_CHART_COVERAGE };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      Image a = { 0 }, b = { 0 };
      double ca, cb;

      image_render (&a, kinds[k], score, &en, 600, 500);
      image_render (&b, kinds[k], score, &ar, 600, 500);
      ca = colour_centroid (&a);
      cb = colour_centroid (&b);
      ck_assert_msg (ca > 300 && cb < 300, "kind %d: bars centred at x = %g in English, %g in Arabic", kinds[k], ca, cb);
      image_clear (&a);
      image_clear (&b);
    }
}
END_TEST

/* The centres (x, y) of the runs of @rgb pixels, top to bottom: each a
 * group of pixel rows that have some, with gaps of a few rows at most (a
 * marker's line is cut by the ring around its diamond). */
static GArray *
find_runs (Image   *img,
           guint32  rgb)
{
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  double sx = 0, sy = 0, n = 0;
  int empty = 0;

  for (int y = 0; y <= img->height; y++)
    {
      double row_n = 0;
      for (int x = 0; y < img->height && x < img->width; x++)
        if (matches (img, x, y, rgb))
          {
            sx += x;
            sy += y;
            n++;
            row_n++;
          }
      empty = row_n == 0 ? empty + 1 : 0;
      if ((empty > 4 || y == img->height) && n > 0)
        {
          double c[2] = { sx / n, sy / n };
          g_array_append_val (runs, c);
          sx = sy = n = 0;
        }
    }
  return runs;
}

/* The progress chart: a bar per pillar now, the baseline's score as a
 * marker on it, at the baseline's score on the same scale as the bars;
 * none where the baseline has no score; mirrored in Arabic. */
START_TEST (test_progress_markers)
{
  g_autoptr(CirtScore) now = make_score (TRUE, FALSE);
  g_autoptr(CirtScore) then = make_score (FALSE, FALSE);
  const int width = 800;
  CirtChartOptions en = { "en", FALSE, then, 1.0, FALSE }, ar = { "ar", FALSE, then, 1.0, FALSE };
  CirtChartOptions none = { "en", FALSE, NULL, 1.0, FALSE };
  double expected[4], fit_a[2], fit_b[2];
  guint n = 0;

  /* Markers: legal, technical, organizational (capacity has no score then,
   * cooperation was not assessed then), and the overall index. */
  for (CirtPillar p = 0; p < CIRT_N_PILLARS; p++)
    if (cirt_score_get_pillar (then, p)->value.defined)
      expected[n++] = cirt_score_get_pillar (then, p)->value.score;
  expected[n++] = cirt_score_get_overall (then)->score;
  ck_assert_uint_eq (n, 4);

  for (guint pass = 0; pass < 2; pass++)
    {
      CirtChartOptions *opt = pass == 0 ? &en : &ar;
      int height = (int) ceil (cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, now, opt, width));
      Image img = { 0 };
      g_autoptr(GArray) runs = NULL;
      double a, b, max_residual = 0;

      image_render (&img, CIRT_CHART_PROGRESS, now, opt, width, height);
      runs = find_runs (&img, 0xCC79A7);
      /* The four markers, then the legend's swatch. */
      ck_assert_msg (runs->len == 5, "%s: %u marker runs", opt->lang, runs->len);
      /* x = a + b·score through the first and the last; the others on it. */
      {
        double x0 = g_array_index (runs, double, 0), x3 = g_array_index (runs, double, 2 * 3);
        b = (x3 - x0) / (expected[3] - expected[0]);
        a = x0 - b * expected[0];
      }
      for (guint i = 0; i < 4; i++)
        max_residual = MAX (max_residual, fabs (g_array_index (runs, double, 2 * i) - (a + b * expected[i])));
      ck_assert_msg (max_residual < 1.5, "%s: a marker is %g px off its score", opt->lang, max_residual);
      /* Top to bottom in pillar order. */
      for (guint i = 1; i < 4; i++)
        ck_assert (g_array_index (runs, double, 2 * i + 1) > g_array_index (runs, double, 2 * i - 1));
      fit_a[pass] = a;
      fit_b[pass] = b;
      image_clear (&img);
    }
  /* Left to right in English (a bar of 100 is some 500 px long), right to
   * left in Arabic, one the mirror of the other. */
  ck_assert_msg (fit_b[0] > 4 && fit_b[1] < -4, "scales %g, %g", fit_b[0], fit_b[1]);
  ck_assert_msg (fabs (fit_b[0] + fit_b[1]) < 0.05, "scales %g, %g", fit_b[0], fit_b[1]);
  ck_assert_msg (fabs (fit_a[0] + fit_a[1] - width) < 4, "origins %g, %g", fit_a[0], fit_a[1]);

  /* Without a baseline there is nothing to mark, and less to draw. */
  {
    Image img = { 0 };
    g_autoptr(GArray) runs = NULL;
    double h_none = cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, now, &none, width);

    ck_assert (h_none > 50 && h_none < cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, now, &en, width));
    image_render (&img, CIRT_CHART_PROGRESS, now, &none, width, (int) ceil (h_none));
    runs = find_runs (&img, 0xCC79A7);
    ck_assert_uint_eq (runs->len, 0);
    image_clear (&img);
  }

  /* Nothing clipped, in every language, at several widths. */
  {
    static const char *langs[] = { "ar", "en", "es", "fr", "ru", "zh" };
    static const int widths[] = { 400, 800, 1200 };
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      for (guint w = 0; w < G_N_ELEMENTS (widths); w++)
        {
          CirtChartOptions opt = { langs[l], FALSE, then, 1.0, FALSE };
          int h = (int) ceil (cirt_chart_natural_height_full (CIRT_CHART_PROGRESS, now, &opt, widths[w]));
          Image img = { 0 };

          image_render (&img, CIRT_CHART_PROGRESS, now, &opt, widths[w], h);
          for (int y = 0; y < h; y++)
            for (int x = 0; x < widths[w]; x++)
              if (x <= 2 || x >= widths[w] - 3 || y <= 2 || y >= h - 3)
                ck_assert_msg (pixel (&img, x, y) == 0xffffffff, "%s at %d: ink at the edge (%d, %d)", langs[l],
                               widths[w], x, y);
          image_clear (&img);
        }
  }
}
END_TEST

START_TEST (test_natural_height)
{
  /* The sections chart grows with its sections: score-a + score-b has 8
   * sections in 5 pillars, score-a alone 6 in 4. The radar fits its width. */
  g_autoptr(CirtScore) big = make_score (TRUE, FALSE);
  g_autoptr(CirtScore) small = make_score (FALSE, FALSE);
  double h_big = cirt_chart_natural_height (CIRT_CHART_SECTIONS, big, NULL, 800);
  double h_small = cirt_chart_natural_height (CIRT_CHART_SECTIONS, small, NULL, 800);
  double h_radar = cirt_chart_natural_height (CIRT_CHART_RADAR, big, NULL, 800);

  ck_assert_msg (h_big > h_small + 40, "%g vs %g", h_big, h_small);
  ck_assert (h_radar > 400 && h_radar < 1200);
  ck_assert (cirt_chart_natural_height (CIRT_CHART_COVERAGE, big, NULL, 800) > 200);
}
END_TEST

/* A text cache (the GTK widget's): measuring lays the text out, drawing at
 * the measured size lays out nothing new and draws what a chart drawn
 * without the cache draws; the cache does not grow without bound. */
START_TEST (test_text_cache)
{
  g_autoptr(CirtScore) score = make_score (TRUE, TRUE);
  static const char *langs[] = { "en", "ar", "zh" };

  for (CirtChartKind k = CIRT_CHART_RADAR; k <= CIRT_CHART_COVERAGE; k++)
    for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
      {
        g_autoptr(CirtChartTextCache) cache = cirt_chart_text_cache_new ();
        CirtChartOptions plain = { langs[l], FALSE, NULL, 1.0, FALSE };
        CirtChartOptions cached = plain;
        Image a = { 0 }, b = { 0 };
        guint n, differ = 0;
        int h;

        cached.text_cache = cache;
        h = (int) ceil (cirt_chart_natural_height_full (k, score, &cached, 400));
        ck_assert_int_eq (h, (int) ceil (cirt_chart_natural_height (k, score, langs[l], 400)));
        n = cirt_chart_text_cache_size (cache);
        ck_assert_uint_gt (n, 3);
        image_render (&a, k, score, &plain, 400, h);
        image_render (&b, k, score, &cached, 400, h);
        /* Every text measured is drawn as it was measured: measuring then
         * drawing leaves the cache holding what drawing alone lays out (a
         * text measured at other sizes would be there twice). */
        {
          g_autoptr(CirtChartTextCache) alone = cirt_chart_text_cache_new ();
          CirtChartOptions draw_only = plain;
          Image c = { 0 };

          draw_only.text_cache = alone;
          image_render (&c, k, score, &draw_only, 400, h);
          ck_assert_msg (cirt_chart_text_cache_size (cache) == cirt_chart_text_cache_size (alone),
                         "kind %d %s: %u texts after measuring and drawing, %u drawing alone", k, langs[l],
                         cirt_chart_text_cache_size (cache), cirt_chart_text_cache_size (alone));
          image_clear (&c);
        }
        /* and drawn again, nothing is laid out */
        n = cirt_chart_text_cache_size (cache);
        image_clear (&b);
        image_render (&b, k, score, &cached, 400, h);
        ck_assert_uint_eq (cirt_chart_text_cache_size (cache), n);
        for (int y = 0; y < h; y++)
          for (int x = 0; x < 400; x++)
            differ += pixel (&a, x, y) != pixel (&b, x, y);
        ck_assert_msg (differ == 0, "kind %d %s: %u pixels differ with the cache", k, langs[l], differ);
        image_clear (&a);
        image_clear (&b);
      }
  {
    g_autoptr(CirtChartTextCache) cache = cirt_chart_text_cache_new ();
    CirtChartOptions cached = { "en", FALSE, NULL, 1.0, FALSE };

    cached.text_cache = cache;
    for (int w = 300; w < 1500; w += 4)
      cirt_chart_natural_height_full (CIRT_CHART_SECTIONS, score, &cached, w);
    ck_assert_uint_gt (cirt_chart_text_cache_size (cache), 0);
    ck_assert_uint_le (cirt_chart_text_cache_size (cache), 1024);
  }
}
END_TEST

/* The radar's legend has an item for the baseline: measured with it (as
 * the GTK widget now measures), a follow-up's radar is not cut short. */
START_TEST (test_height_with_baseline)
{
  g_autoptr(CirtScore) score = make_score (TRUE, TRUE);
  g_autoptr(CirtScore) before = make_score (FALSE, FALSE);
  CirtChartOptions without = { "en", FALSE, NULL, 1.0, FALSE };
  CirtChartOptions with = { "en", FALSE, before, 1.0, FALSE };

  /* at a card's width (400 px) the baseline's item takes a row of its own */
  ck_assert_double_gt (cirt_chart_natural_height_full (CIRT_CHART_RADAR, score, &with, 400),
                       cirt_chart_natural_height_full (CIRT_CHART_RADAR, score, &without, 400));
  ck_assert_double_eq (cirt_chart_natural_height_full (CIRT_CHART_RADAR, score, &without, 600),
                       cirt_chart_natural_height (CIRT_CHART_RADAR, score, "en", 600));
}
END_TEST

START_TEST (test_kind_from_string)
{
  CirtChartKind k;

  ck_assert (cirt_chart_kind_from_string ("radar", &k) && k == CIRT_CHART_RADAR);
  ck_assert (cirt_chart_kind_from_string ("sections", &k) && k == CIRT_CHART_SECTIONS);
  ck_assert (cirt_chart_kind_from_string ("coverage", &k) && k == CIRT_CHART_COVERAGE);
  ck_assert (cirt_chart_kind_from_string ("progress", &k) && k == CIRT_CHART_PROGRESS);
  ck_assert (!cirt_chart_kind_from_string ("pie", &k));
  ck_assert (!cirt_chart_kind_from_string (NULL, &k));
}
END_TEST

static Suite *
chart_suite (void)
{
  Suite *s = suite_create ("chart");
  TCase *tc;

  tc = tcase_create ("files");
  tcase_add_checked_fixture (tc, setup, teardown);
  /* Five runs of the CLI: under the sanitizers on a loaded machine they
   * take more than Check's default 4 s. */
  tcase_set_timeout (tc, 60);
  tcase_add_test (tc, test_files_api);
  tcase_add_test (tc, test_file_replaced_atomically);
  tcase_add_test (tc, test_file_errors);
  tcase_add_test (tc, test_files_cli);
  suite_add_tcase (s, tc);

  tc = tcase_create ("pixels");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 120);
  tcase_add_test (tc, test_radar_points_light);
  tcase_add_test (tc, test_radar_points_dark_baseline_fr);
  tcase_add_test (tc, test_radar_unused_pillar_no_point);
  tcase_add_test (tc, test_radar_angles);
  tcase_add_test (tc, test_nothing_clipped);
  tcase_add_test (tc, test_background);
  tcase_add_test (tc, test_natural_height);
  tcase_add_test (tc, test_text_cache);
  tcase_add_test (tc, test_height_with_baseline);
  tcase_add_test (tc, test_bars_right_to_left);
  tcase_add_test (tc, test_progress_markers);
  tcase_add_test (tc, test_kind_from_string);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  int status;

  cirt_test_setup_env ();
  status = cirt_test_run_suite (chart_suite ());
  /* Under valgrind: let go of the font caches so only real leaks show. */
  if (g_getenv ("CIRT_FREE_CACHES"))
    {
      pango_cairo_font_map_set_default (NULL);
      cairo_debug_reset_static_data ();
    }
  return status;
}
