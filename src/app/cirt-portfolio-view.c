/* cirt-portfolio-view.c — every assessment of the database side by side
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rows come from cirt_portfolio_build() (the core scores every
 * assessment, as `cirt-assess-cli portfolio` does) and the filters from
 * cirt_portfolio_select(), so the screen and the CLI show the same rows
 * and the same medians. A GListStore of items → a filter (the rows the
 * core selected) → a sort model (the header's column and direction) → a
 * single selection, shown by a one-column GtkGridView of CirtTableRows under
 * a header row of the same columns: the grid view makes widgets for the rows
 * in sight and a few more (about 33), whatever their number, where GTK 4.8's
 * column view makes 200 rows of 13 cells (see cirt-table-row.c). */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "cirt-app-util.h"
#include "cirt-assessment-data.h"
#include "cirt-chart-view.h"
#include "cirt-lang.h"
#include "cirt-portfolio-item.h"
#include "cirt-portfolio-view.h"
#include "cirt-table-row.h"

/* After a burst of changes (an import writes hundreds of answers), the
 * portfolio is rebuilt once. */
#define REBUILD_DELAY_MS 500

typedef enum {
  COL_COUNTRY,
  COL_CODE,
  COL_REGION,
  COL_DATE,
  COL_PHASE,
  COL_OVERALL,
  COL_LEVEL,
  COL_LEGAL,           /* one per pillar, in GCA order */
  COL_TECHNICAL,
  COL_ORGANIZATIONAL,
  COL_CAPACITY,
  COL_COOPERATION,
  COL_COVERAGE,
  N_COLUMNS
} Column;

#define COL_PILLAR COL_LEGAL
G_STATIC_ASSERT (COL_COVERAGE == COL_PILLAR + CIRT_N_PILLARS);

static const char * const column_ids[N_COLUMNS] = {
  "country", "code", "region", "date", "phase", "overall", "level",
  "legal", "technical", "organizational", "capacity", "cooperation", "coverage",
};

/* Each column's width in average characters of the interface font (the
 * country takes what is left as well); a cell's text is ellipsized past it
 * and a header's title wraps. */
static const double column_chars[N_COLUMNS] = {
  [COL_COUNTRY] = 14, [COL_CODE] = 3, [COL_REGION] = 12, [COL_DATE] = 11, [COL_PHASE] = 13,
  [COL_OVERALL] = 5, [COL_LEVEL] = 16, [COL_LEGAL] = 5, [COL_TECHNICAL] = 5, [COL_ORGANIZATIONAL] = 5,
  [COL_CAPACITY] = 5, [COL_COOPERATION] = 5, [COL_COVERAGE] = 6,
};

/* A cell's padding on each side (style.css has the same), and the room of
 * the sort arrow beside a column's title (a 16 px icon and the spacing). */
#define CELL_PADDING 6
#define SORT_ARROW_WIDTH 18

struct _CirtPortfolioView {
  GtkWidget            parent_instance;

  /* template widgets */
  GtkWidget           *box;
  AdwWindowTitle      *window_title;
  GtkMenuButton       *sort_button;
  GtkDropDown         *region_dropdown;
  GtkDropDown         *phase_dropdown;
  GtkCheckButton      *latest_check;
  GtkLabel            *count_label;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkGrid             *table_box;
  GtkScrolledWindow   *list_scroller;
  GtkGridView         *list;
  GtkGrid             *medians_grid;
  CirtChartView       *radar;

  /* owned */
  CirtContext         *context;
  CirtPortfolio       *portfolio;
  GListStore          *items;          /* CirtPortfolioItem */
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filtered;
  GtkSortListModel    *sorted;
  GtkSingleSelection  *selection;
  GHashTable          *shown;          /* const CirtPortfolioRow* the filters let through */
  GPtrArray           *shown_rows;     /* the same, in portfolio order */
  GtkCustomSorter     *sorter;
  CirtTableColumns     table;          /* shared by the header and every row */
  GtkWidget           *header;         /* CirtTableRow of buttons */
  GtkWidget           *header_buttons[N_COLUMNS];
  GtkWidget           *header_arrows[N_COLUMNS];
  Column               sort_column;    /* N_COLUMNS: the portfolio's order */
  gboolean             sort_descending;
  char                *selected_id;    /* kept across rebuilds */
  guint                rebuild_id;

  gboolean             dirty;
  gboolean             folded;
  gboolean             syncing;
};

G_DEFINE_FINAL_TYPE (CirtPortfolioView, cirt_portfolio_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  OPEN_ASSESSMENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const CirtLang *
ui_lang (CirtPortfolioView *self)
{
  return cirt_context_get_lang (self->context);
}

/* ------------------------------------------------------------------------ */
/* Cells                                                                    */

static double
column_value (const CirtPortfolioRow *row,
              Column                  col)
{
  if (col == COL_OVERALL)
    return row->overall.defined ? row->overall.score : NAN;
  if (col == COL_LEVEL)
    return row->overall.defined ? row->overall.level : NAN;
  if (col == COL_COVERAGE)
    return row->overall.coverage;
  if (col >= COL_PILLAR && col < COL_PILLAR + CIRT_N_PILLARS)
    return row->pillars[col - COL_PILLAR];
  return NAN;
}

static gboolean
column_is_number (Column col)
{
  return col >= COL_OVERALL;
}

static char *
cell_text (CirtPortfolioView      *self,
           const CirtPortfolioRow *row,
           Column                  col)
{
  const CirtLang *lang = ui_lang (self);
  double v;

  switch (col)
    {
    case COL_COUNTRY:
      return g_strdup (row->country);
    case COL_CODE:
      return g_strdup (row->country_code ? row->country_code : "—");
    case COL_REGION:
      return g_strdup (row->region ? cirt_lang_region_name (lang, row->region) : "—");
    case COL_DATE:
      return cirt_lang_format_date_short (lang, row->date);
    case COL_PHASE:
      return g_strdup (cirt_lang_mission_phase (lang, row->phase));
    case COL_LEVEL:
      {
        const CirtLevelInfo *info = row->overall.defined && row->first
                                    ? cirt_instrument_get_level_info (row->first, row->overall.level) : NULL;
        if (info == NULL)
          return g_strdup ("—");
        /* translators: a level in the portfolio's table, "3 · Established" */
        return g_strdup_printf (_("%d · %s"), row->overall.level,
                                cirt_text_get (info->name, cirt_context_get_language (self->context)));
      }
    case COL_COVERAGE:
      return isnan (row->overall.coverage) ? g_strdup ("—") : cirt_lang_format_percent (lang, row->overall.coverage);
    case COL_OVERALL:
    case COL_LEGAL:
    case COL_TECHNICAL:
    case COL_ORGANIZATIONAL:
    case COL_CAPACITY:
    case COL_COOPERATION:
    case N_COLUMNS:
    default:
      v = column_value (row, col);
      return isnan (v) ? g_strdup ("—") : cirt_lang_format_score (lang, v);
    }
}

static gboolean
column_is_right_aligned (Column col)
{
  return column_is_number (col) && col != COL_LEVEL;
}

static void
on_setup_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CirtPortfolioView        *self)
{
  GtkWidget *row = cirt_table_row_new (&self->table);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_xalign (GTK_LABEL (label), column_is_right_aligned (c) ? 1.0 : 0.0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      if (column_is_right_aligned (c))
        gtk_widget_add_css_class (label, "numeric");
      cirt_table_row_append (CIRT_TABLE_ROW (row), label);
    }
  gtk_list_item_set_child (item, row);
}

static void
on_bind_cb (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            CirtPortfolioView        *self)
{
  const CirtPortfolioRow *row = cirt_portfolio_item_get_row (gtk_list_item_get_item (item));
  GtkWidget *cell = gtk_widget_get_first_child (gtk_list_item_get_child (item));

  for (guint c = 0; c < N_COLUMNS && cell != NULL; c++, cell = gtk_widget_get_next_sibling (cell))
    {
      g_autofree char *text = cell_text (self, row, c);
      gtk_label_set_label (GTK_LABEL (cell), text);
    }
}

/* ------------------------------------------------------------------------ */
/* Sorting                                                                  */

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  CirtPortfolioView *self = data;
  Column col = self->sort_column;
  const CirtPortfolioRow *ra = cirt_portfolio_item_get_row ((CirtPortfolioItem *) a);
  const CirtPortfolioRow *rb = cirt_portfolio_item_get_row ((CirtPortfolioItem *) b);
  int c = 0;

  switch (col)
    {
    case COL_COUNTRY:
      c = g_utf8_collate (ra->country, rb->country);
      break;
    case COL_CODE:
      c = g_strcmp0 (ra->country_code, rb->country_code);
      break;
    case COL_REGION:
      c = g_strcmp0 (ra->region, rb->region);
      break;
    case COL_DATE:
      c = g_strcmp0 (ra->date, rb->date);
      break;
    case COL_PHASE:
      c = g_strcmp0 (ra->phase, rb->phase);
      break;
    case N_COLUMNS:
      break;
    case COL_OVERALL:
    case COL_LEVEL:
    case COL_LEGAL:
    case COL_TECHNICAL:
    case COL_ORGANIZATIONAL:
    case COL_CAPACITY:
    case COL_COOPERATION:
    case COL_COVERAGE:
    default:
      {
        /* No score sorts below every score. */
        double x = column_value (ra, col), y = column_value (rb, col);
        x = isnan (x) ? -1 : x;
        y = isnan (y) ? -1 : y;
        c = (x > y) - (x < y);
      }
      break;
    }
  if (self->sort_descending)
    c = -c;
  /* Ties: the portfolio's order (newest first). */
  if (c == 0)
    c = (int) cirt_portfolio_item_get_index ((CirtPortfolioItem *) a) -
        (int) cirt_portfolio_item_get_index ((CirtPortfolioItem *) b);
  return c;
}

static Column
column_from_id (const char *id)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    if (g_strcmp0 (id, column_ids[i]) == 0)
      return (Column) i;
  return N_COLUMNS;
}

void
cirt_portfolio_view_sort_by (CirtPortfolioView *self,
                             const char        *column,
                             gboolean           descending)
{
  Column col;

  g_return_if_fail (CIRT_IS_PORTFOLIO_VIEW (self));
  col = column_from_id (column);
  g_return_if_fail (col < N_COLUMNS);
  self->sort_column = col;
  self->sort_descending = descending;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *button = self->header_buttons[c];

      gtk_widget_set_visible (self->header_arrows[c], c == col);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->header_arrows[c]),
                                    descending ? "pan-down-symbolic" : "pan-up-symbolic");
      if (c == col)
        gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                        descending ? _("Sorted in descending order") : _("Sorted in ascending order"), -1);
      else
        gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Names and regions from A; dates and scores from the highest. */
static gboolean
column_sorts_descending_first (Column col)
{
  return col == COL_DATE || column_is_number (col);
}

static void
on_header_clicked_cb (GtkButton         *button,
                      CirtPortfolioView *self)
{
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cirt-column"));

  /* A second click turns the order round. */
  cirt_portfolio_view_sort_by (self, column_ids[col],
                               col == self->sort_column ? !self->sort_descending : column_sorts_descending_first (col));
}

static void
sort_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CirtPortfolioView *self = CIRT_PORTFOLIO_VIEW (widget);
  const char *column = g_variant_get_string (parameter, NULL);
  Column col = column_from_id (column);

  if (col < N_COLUMNS)
    cirt_portfolio_view_sort_by (self, column, column_sorts_descending_first (col));
}

/* ------------------------------------------------------------------------ */
/* Filters, medians, the radar                                              */

static gboolean
filter_item (gpointer item,
             gpointer data)
{
  CirtPortfolioView *self = data;
  return self->shown != NULL && g_hash_table_contains (self->shown, cirt_portfolio_item_get_row (item));
}

/* The region of the region dropdown (0 all, 1–6 the regions, 7 none). */
static const char *
selected_region (CirtPortfolioView *self)
{
  guint i = gtk_drop_down_get_selected (self->region_dropdown);

  if (i >= 1 && i <= CIRT_N_REGIONS)
    return cirt_region_to_string (i - 1);
  if (i == CIRT_N_REGIONS + 1)
    return CIRT_PORTFOLIO_NO_REGION;
  return NULL;
}

static const char *
selected_phase (CirtPortfolioView *self)
{
  const char * const *phases = cirt_mission_phases ();
  guint i = gtk_drop_down_get_selected (self->phase_dropdown);

  if (i >= 1 && i <= g_strv_length ((char **) phases))
    return phases[i - 1];
  return NULL;
}

static GtkWidget *
grid_label (const char *text,
            gboolean    number,
            gboolean    header)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  if (header)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 10);
      gtk_label_set_width_chars (GTK_LABEL (label), 6);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption-heading");
    }
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
update_medians (CirtPortfolioView *self)
{
  const CirtLang *lang = ui_lang (self);
  GtkWidget *child;
  int row = 1;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->medians_grid))) != NULL)
    gtk_grid_remove (self->medians_grid, child);
  gtk_grid_attach (self->medians_grid, grid_label (_("Region"), FALSE, TRUE), 0, 0, 1, 1);
  gtk_grid_attach (self->medians_grid, grid_label (_("Assessments"), TRUE, TRUE), 1, 0, 1, 1);
  gtk_grid_attach (self->medians_grid, grid_label (_("Overall"), TRUE, TRUE), 2, 0, 1, 1);
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    gtk_grid_attach (self->medians_grid, grid_label (cirt_lang_pillar_title (lang, p), TRUE, TRUE), 3 + p, 0, 1, 1);
  for (guint r = 0; r < CIRT_N_REGIONS && self->shown_rows != NULL; r++)
    {
      const char *region = cirt_region_to_string (r);
      g_autofree char *count = NULL;
      guint n = 0;

      for (guint i = 0; i < self->shown_rows->len; i++)
        n += g_strcmp0 (((CirtPortfolioRow *) g_ptr_array_index (self->shown_rows, i))->region, region) == 0;
      if (n == 0)
        continue;
      count = cirt_lang_format_count (lang, n);
      gtk_grid_attach (self->medians_grid, grid_label (cirt_lang_region_name (lang, region), FALSE, FALSE), 0, row, 1, 1);
      gtk_grid_attach (self->medians_grid, grid_label (count, TRUE, FALSE), 1, row, 1, 1);
      for (guint p = 0; p <= CIRT_N_PILLARS; p++)
        {
          CirtPortfolioStat stat;
          g_autofree char *median = NULL;

          cirt_portfolio_stat (self->shown_rows, region, p, &stat);
          median = stat.count ? cirt_lang_format_score (lang, stat.median) : g_strdup ("—");
          gtk_grid_attach (self->medians_grid, grid_label (median, TRUE, FALSE), p == CIRT_N_PILLARS ? 2 : 3 + p, row, 1,
                           1);
        }
      row++;
    }
  if (row == 1)
    gtk_grid_attach (self->medians_grid, grid_label (_("No assessment shown has a region."), FALSE, FALSE), 0, 1, 8, 1);
}

static const CirtPortfolioRow *
selected_row (CirtPortfolioView *self)
{
  CirtPortfolioItem *item = self->selection ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  return item ? cirt_portfolio_item_get_row (item) : NULL;
}

static void
update_radar (CirtPortfolioView *self)
{
  const CirtPortfolioRow *row = selected_row (self);
  g_autoptr(CirtAssessmentData) data = NULL;
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    {
      cirt_chart_view_set_comparison (self->radar, NULL, NULL);
      cirt_chart_view_set_score (self->radar, NULL);
      return;
    }
  g_free (self->selected_id);
  self->selected_id = g_strdup (row->id);
  /* One assessment's score, from the store (its snapshots are parsed
   * already), for the radar's labels and levels. */
  data = cirt_assessment_data_load (cirt_context_get_store (self->context), row->id, CIRT_LOAD_SCORE, &error);
  if (data == NULL)
    {
      cirt_chart_view_set_score (self->radar, NULL);
      return;
    }
  if (row->region != NULL)
    {
      double medians[CIRT_N_PILLARS];
      guint n = 0;
      g_autofree char *label = NULL;

      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        {
          CirtPortfolioStat stat;
          cirt_portfolio_stat (self->shown_rows, row->region, p, &stat);
          medians[p] = stat.median;
          n = MAX (n, stat.count);
        }
      /* translators: the radar's second series: the median of a region over N assessments */
      label = g_strdup_printf (ngettext ("Median of %s (%u assessment)", "Median of %s (%u assessments)", n),
                               cirt_lang_region_name (ui_lang (self), row->region), n);
      cirt_chart_view_set_comparison (self->radar, medians, label);
    }
  else
    cirt_chart_view_set_comparison (self->radar, NULL, NULL);
  cirt_chart_view_set_score (self->radar, data->score);
}

static void
on_selection_changed_cb (CirtPortfolioView *self)
{
  if (!self->syncing)
    update_radar (self);
}

static void
apply_filter (CirtPortfolioView *self)
{
  CirtPortfolioFilter filter = { selected_region (self), selected_phase (self),
                                 gtk_check_button_get_active (self->latest_check) };
  guint n_shown, n_all;
  g_autofree char *count = NULL;

  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->shown_rows, g_ptr_array_unref);
  if (self->portfolio == NULL)
    return;
  self->shown_rows = cirt_portfolio_select (self->portfolio, &filter);
  self->shown = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < self->shown_rows->len; i++)
    g_hash_table_add (self->shown, g_ptr_array_index (self->shown_rows, i));

  self->syncing = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  /* The row that was selected, if it is still shown. */
  for (guint i = 0; self->selected_id != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (self->sorted)); i++)
    {
      g_autoptr(CirtPortfolioItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      if (g_strcmp0 (cirt_portfolio_item_get_row (item)->id, self->selected_id) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          break;
        }
    }
  self->syncing = FALSE;

  n_shown = self->shown_rows->len;
  n_all = cirt_portfolio_get_n_rows (self->portfolio);
  /* translators: in the portfolio's header: "12 of 1,000 assessments" */
  count = g_strdup_printf (ngettext ("%u of %u assessment", "%u of %u assessments", n_all), n_shown, n_all);
  gtk_label_set_label (self->count_label, count);
  adw_window_title_set_subtitle (self->window_title, count);
  if (n_shown == 0)
    {
      adw_status_page_set_description (self->empty_page, n_all == 0
                                       ? _("There is no assessment in this database yet.")
                                       : _("No assessment has this region and phase. Choose other filters."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  update_medians (self);
  update_radar (self);
}

static void
on_filter_changed_cb (CirtPortfolioView *self)
{
  if (!self->syncing)
    apply_filter (self);
}

/* ------------------------------------------------------------------------ */
/* Building and following the store                                        */

static void
rebuild (CirtPortfolioView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtPortfolio) portfolio = NULL;
  g_autoptr(GPtrArray) items = NULL;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  self->dirty = FALSE;
  portfolio = cirt_portfolio_build (cirt_context_get_store (self->context), &error);
  if (portfolio == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Portfolio Cannot Be Shown"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  adw_status_page_set_title (self->empty_page, _("No Assessment Shown"));
  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < cirt_portfolio_get_n_rows (portfolio); i++)
    g_ptr_array_add (items, cirt_portfolio_item_new (portfolio, i));
  /* The filter first lets nothing through, so that the new items are not
   * all shown and then hidden. */
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->shown_rows, g_ptr_array_unref);
  self->syncing = TRUE;
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)), items->pdata,
                       items->len);
  self->syncing = FALSE;
  g_clear_pointer (&self->portfolio, cirt_portfolio_unref);
  self->portfolio = g_steal_pointer (&portfolio);
  apply_filter (self);
}

static gboolean
rebuild_later_cb (gpointer data)
{
  CirtPortfolioView *self = data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
on_store_changed_cb (CirtPortfolioView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && self->rebuild_id == 0)
    self->rebuild_id = g_timeout_add (REBUILD_DELAY_MS, rebuild_later_cb, self);
}

static void
cirt_portfolio_view_map (GtkWidget *widget)
{
  CirtPortfolioView *self = CIRT_PORTFOLIO_VIEW (widget);

  GTK_WIDGET_CLASS (cirt_portfolio_view_parent_class)->map (widget);
  if (self->dirty)
    rebuild (self);
}

static void
on_row_activated_cb (CirtPortfolioView *self,
                     guint              position)
{
  g_autoptr(CirtPortfolioItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);

  if (item != NULL)
    g_signal_emit (self, signals[OPEN_ASSESSMENT], 0, cirt_portfolio_item_get_row (item)->id);
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static const char *
column_title (CirtPortfolioView *self,
              Column             col)
{
  switch (col)
    {
    case COL_COUNTRY: return _("Country");
    case COL_CODE: return _("Code");
    case COL_REGION: return _("Region");
    case COL_DATE: return _("Date");
    case COL_PHASE: return _("Phase");
    case COL_OVERALL: return _("Overall");
    case COL_LEVEL: return _("Level");
    case COL_COVERAGE: return _("Coverage");
    case COL_LEGAL:
    case COL_TECHNICAL:
    case COL_ORGANIZATIONAL:
    case COL_CAPACITY:
    case COL_COOPERATION:
    case N_COLUMNS:
    default:
      return cirt_lang_pillar_title (ui_lang (self), col - COL_PILLAR);
    }
}

/* The width of the longest word of @title in bold, so that a title wraps
 * between its words and never inside one, in any language. */
static int
longest_word_width (PangoLayout *layout,
                    const char  *title)
{
  g_auto(GStrv) words = g_strsplit (title, " ", -1);
  int widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      int w;

      pango_layout_set_text (layout, words[i], -1);
      pango_layout_get_pixel_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  return widest;
}

/* The columns' widths from the interface font, now and when it changes:
 * room for their content, and for the longest word of their title beside
 * the sort arrow. */
static void
update_widths (CirtPortfolioView *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
  int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));
  g_autoptr(PangoLayout) layout = pango_layout_new (context);
  PangoAttrList *bold = pango_attr_list_new ();

  pango_font_metrics_unref (metrics);
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, bold);
  pango_attr_list_unref (bold);
  self->table.n_columns = N_COLUMNS;
  self->table.expand = COL_COUNTRY;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int content = (int) ceil (column_chars[c] * char_width / PANGO_SCALE);
      int title = longest_word_width (layout, column_title (self, c)) + SORT_ARROW_WIDTH;

      self->table.width[c] = MAX (content, title) + 2 * CELL_PADDING;
    }
  if (self->header != NULL)
    gtk_widget_queue_resize (self->header);
  gtk_widget_queue_resize (GTK_WIDGET (self->list));
}

static void
on_font_changed_cb (CirtPortfolioView *self)
{
  update_widths (self);
}

/* The header goes sideways with the rows. Their horizontal position is
 * the left edge of what is in sight, in pixels from the left edge of their
 * content, right to left as well (GTK 4.8's list views count so). */
static void
follow_rows (CirtPortfolioView *self)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->list_scroller);

  cirt_table_row_set_offset (CIRT_TABLE_ROW (self->header), (int) round (gtk_adjustment_get_value (adj)));
}

/* A column title reached by Tab out of sight: the rows (and so the
 * header) scroll to it. */
static void
on_header_focus_cb (GtkEventControllerFocus *focus,
                    CirtPortfolioView       *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  Column col = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "cirt-column"));
  GtkAdjustment *adj = gtk_scrolled_window_get_hadjustment (self->list_scroller);
  double page = gtk_adjustment_get_page_size (adj), upper = gtk_adjustment_get_upper (adj);
  double left = gtk_adjustment_get_value (adj);
  int x, w;

  cirt_table_columns_place (&self->table, (int) upper, col, &x, &w);
  /* Right to left, the columns are mirrored in the content. */
  if (gtk_widget_get_direction (GTK_WIDGET (self->list)) == GTK_TEXT_DIR_RTL)
    x = (int) upper - x - w;
  if (x < left)
    gtk_adjustment_set_value (adj, x);
  else if (x + w > left + page)
    gtk_adjustment_set_value (adj, x + w - page);
}

static void
build_table (CirtPortfolioView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *hadjustment;

  update_widths (self);
  self->header = cirt_table_row_new_header (&self->table);
  gtk_widget_add_css_class (self->header, "cirt-table-header");
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      GtkWidget *label = gtk_label_new (column_title (self, c));
      GtkWidget *arrow = gtk_image_new_from_icon_name ("pan-down-symbolic");
      GtkEventController *focus;

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_xalign (GTK_LABEL (label), column_is_right_aligned (c) ? 1.0 : 0.0);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_widget_set_visible (arrow, FALSE);
      gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), arrow);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      /* translators: the tooltip of a column's title in the portfolio's table */
      gtk_widget_set_tooltip_text (button, _("Sort by this column; click again to reverse the order"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, column_title (self, c),
                                      -1);
      g_object_set_data (G_OBJECT (button), "cirt-column", GINT_TO_POINTER (c));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_header_clicked_cb), self, 0);
      focus = gtk_event_controller_focus_new ();
      g_signal_connect_object (focus, "enter", G_CALLBACK (on_header_focus_cb), self, 0);
      gtk_widget_add_controller (button, focus);
      cirt_table_row_append (CIRT_TABLE_ROW (self->header), button);
      self->header_buttons[c] = button;
      self->header_arrows[c] = arrow;
    }
  /* After the rows among the grid's children: see the .ui file. */
  gtk_grid_attach (self->table_box, self->header, 0, 0, 1, 1);
  hadjustment = gtk_scrolled_window_get_hadjustment (self->list_scroller);
  g_signal_connect_object (hadjustment, "value-changed", G_CALLBACK (follow_rows), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hadjustment, "changed", G_CALLBACK (follow_rows), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (factory, "setup", G_CALLBACK (on_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_bind_cb), self, 0);
  gtk_grid_view_set_factory (self->list, factory);
  g_object_unref (factory);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-font-name",
                           G_CALLBACK (on_font_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_widget_get_settings (GTK_WIDGET (self)), "notify::gtk-xft-dpi",
                           G_CALLBACK (on_font_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
fill_filters (CirtPortfolioView *self)
{
  const CirtLang *lang = ui_lang (self);
  const char * const *phases = cirt_mission_phases ();
  g_autoptr(GtkStringList) regions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) phase_list = gtk_string_list_new (NULL);

  gtk_string_list_append (regions, _("All Regions"));
  for (guint r = 0; r < CIRT_N_REGIONS; r++)
    gtk_string_list_append (regions, cirt_lang_region_name (lang, cirt_region_to_string (r)));
  gtk_string_list_append (regions, _("No Region"));
  gtk_string_list_append (phase_list, _("All Phases"));
  for (guint p = 0; phases[p] != NULL; p++)
    gtk_string_list_append (phase_list, cirt_lang_mission_phase (lang, phases[p]));
  cirt_app_name_drop_down (self->region_dropdown, _("Region"));
  cirt_app_name_drop_down (self->phase_dropdown, _("Phase"));
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->region_dropdown, G_LIST_MODEL (regions));
  gtk_drop_down_set_model (self->phase_dropdown, G_LIST_MODEL (phase_list));
  self->syncing = FALSE;
}

static void
cirt_portfolio_view_dispose (GObject *object)
{
  CirtPortfolioView *self = CIRT_PORTFOLIO_VIEW (object);

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->list != NULL)
    gtk_grid_view_set_model (self->list, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_PORTFOLIO_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->items);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_pointer (&self->shown_rows, g_ptr_array_unref);
  g_clear_pointer (&self->portfolio, cirt_portfolio_unref);
  g_clear_object (&self->context);
  G_OBJECT_CLASS (cirt_portfolio_view_parent_class)->dispose (object);
}

static void
cirt_portfolio_view_finalize (GObject *object)
{
  CirtPortfolioView *self = CIRT_PORTFOLIO_VIEW (object);

  g_free (self->selected_id);
  G_OBJECT_CLASS (cirt_portfolio_view_parent_class)->finalize (object);
}

static void
cirt_portfolio_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CirtPortfolioView *self = CIRT_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_portfolio_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CirtPortfolioView *self = CIRT_PORTFOLIO_VIEW (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_portfolio_view_class_init (CirtPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_portfolio_view_dispose;
  object_class->finalize = cirt_portfolio_view_finalize;
  object_class->get_property = cirt_portfolio_view_get_property;
  object_class->set_property = cirt_portfolio_view_set_property;
  widget_class->map = cirt_portfolio_view_map;

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[OPEN_ASSESSMENT] =
    g_signal_new ("open-assessment", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CIRT_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, box);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, phase_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, latest_check);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, count_label);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, table_box);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, list);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, medians_grid);
  gtk_widget_class_bind_template_child (widget_class, CirtPortfolioView, radar);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "portfolio.sort", "s", sort_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
cirt_portfolio_view_init (CirtPortfolioView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dirty = TRUE;
  self->sort_column = N_COLUMNS;
}

GtkWidget *
cirt_portfolio_view_new (CirtContext *context)
{
  CirtPortfolioView *self;
  CirtStore *store;

  g_return_val_if_fail (CIRT_IS_CONTEXT (context), NULL);

  self = g_object_new (CIRT_TYPE_PORTFOLIO_VIEW, NULL);
  self->context = g_object_ref (context);
  store = cirt_context_get_store (context);

  build_table (self);
  fill_filters (self);
  self->items = g_list_store_new (CIRT_TYPE_PORTFOLIO_ITEM);
  self->filter = gtk_custom_filter_new (filter_item, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorter = gtk_custom_sorter_new (compare_items, self, NULL);
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  gtk_grid_view_set_model (self->list, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  cirt_chart_view_set_lang (self->radar, cirt_lang_get_code (cirt_context_get_lang (context)));
  cirt_chart_view_set_natural_width (self->radar, 420);

  g_signal_connect_object (store, "assessments-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "assessment-changed", G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

CirtPortfolio *
cirt_portfolio_view_get_portfolio (CirtPortfolioView *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_VIEW (self), NULL);
  return self->portfolio;
}

void
cirt_portfolio_view_set_filter (CirtPortfolioView *self,
                                const char        *region,
                                const char        *phase,
                                gboolean           latest)
{
  const char * const *phases = cirt_mission_phases ();
  CirtRegion r;
  guint region_index = 0, phase_index = 0;

  g_return_if_fail (CIRT_IS_PORTFOLIO_VIEW (self));

  if (region != NULL && *region == '\0')
    region_index = CIRT_N_REGIONS + 1;
  else if (region != NULL && cirt_region_from_string (region, &r))
    region_index = r + 1;
  for (guint i = 0; phase != NULL && phases[i] != NULL; i++)
    if (strcmp (phases[i], phase) == 0)
      phase_index = i + 1;
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->region_dropdown, region_index);
  gtk_drop_down_set_selected (self->phase_dropdown, phase_index);
  gtk_check_button_set_active (self->latest_check, latest);
  self->syncing = FALSE;
  apply_filter (self);
}

guint
cirt_portfolio_view_get_n_shown (CirtPortfolioView *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

const CirtPortfolioRow *
cirt_portfolio_view_get_shown (CirtPortfolioView *self,
                               guint              position)
{
  g_autoptr(CirtPortfolioItem) item = NULL;

  g_return_val_if_fail (CIRT_IS_PORTFOLIO_VIEW (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  /* The portfolio owns the row; the item was only a handle. */
  return item ? cirt_portfolio_item_get_row (item) : NULL;
}

void
cirt_portfolio_view_select (CirtPortfolioView *self,
                            guint              position)
{
  g_return_if_fail (CIRT_IS_PORTFOLIO_VIEW (self));
  gtk_single_selection_set_selected (self->selection, position);
}

void
cirt_portfolio_view_activate (CirtPortfolioView *self,
                              guint              position)
{
  g_return_if_fail (CIRT_IS_PORTFOLIO_VIEW (self));
  g_signal_emit_by_name (self->list, "activate", position);
}

GtkWidget *
cirt_portfolio_view_get_radar (CirtPortfolioView *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_VIEW (self), NULL);
  return GTK_WIDGET (self->radar);
}

GtkWidget *
cirt_portfolio_view_get_list (CirtPortfolioView *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_VIEW (self), NULL);
  return GTK_WIDGET (self->list);
}

GtkWidget *
cirt_portfolio_view_get_header (CirtPortfolioView *self)
{
  g_return_val_if_fail (CIRT_IS_PORTFOLIO_VIEW (self), NULL);
  return self->header;
}

void
cirt_portfolio_view_focus_list (CirtPortfolioView *self)
{
  g_return_if_fail (CIRT_IS_PORTFOLIO_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->list));
}
