/* cirt-portfolio.c — many missions' assessments side by side
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Building: three queries in one read transaction (the assessments, their
 * instruments, every answer's value and N/A mark), then CirtScore for each
 * assessment from what was read. A snapshot is parsed once for the whole
 * portfolio (the store keeps the parsed instruments), and the answers are
 * never made into full CirtAnswer values with notes and evidence: scoring
 * needs the value and the mark only. */
#include "config.h"

#include "cirt-portfolio.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cirt-file.h"
#include "cirt-store-private.h"

struct _CirtPortfolio {
  gatomicrefcount  ref_count;
  GPtrArray       *rows;          /* CirtPortfolioRow*, in portfolio order */
  GHashTable      *by_id;         /* id → CirtPortfolioRow* */
  GPtrArray       *instruments;   /* CirtInstrument*: every snapshot the rows use (their sections point in) */
};

G_DEFINE_BOXED_TYPE (CirtPortfolio, cirt_portfolio, cirt_portfolio_ref, cirt_portfolio_unref)

static void
row_free (CirtPortfolioRow *row)
{
  g_free (row->id);
  g_free (row->title);
  g_free (row->country);
  g_free (row->country_code);
  g_free (row->region);
  g_free (row->phase);
  g_free (row->status);
  g_free (row->date);
  g_free (row->created_at);
  g_strfreev (row->instruments);
  g_clear_object (&row->first);
  g_clear_pointer (&row->sections, g_array_unref);
  g_free (row);
}

CirtPortfolio *
cirt_portfolio_ref (CirtPortfolio *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
cirt_portfolio_unref (CirtPortfolio *self)
{
  if (self == NULL || !g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->rows);
  g_ptr_array_unref (self->instruments);
  g_free (self);
}

/* ------------------------------------------------------------------------ */
/* Building                                                                 */

/* The instruments of an assessment, and where each of their questions
 * sits in one array (its slot): the assessments that use the same
 * snapshots share one. */
typedef struct {
  GPtrArray  *instruments;   /* CirtInstrument*, in the assessment's order */
  GHashTable *slot_of;       /* question id (the instrument's string) → slot + 1 */
  guint      *first_slot;    /* per section of every instrument, in order: the slot of its first question */
  guint      *first_section; /* per instrument: its first section's place in first_slot */
  guint       n_slots;
} InstrumentSet;

static void
instrument_set_free (InstrumentSet *set)
{
  g_ptr_array_unref (set->instruments);
  g_hash_table_unref (set->slot_of);
  g_free (set->first_slot);
  g_free (set->first_section);
  g_free (set);
}

static InstrumentSet *
instrument_set_new (GPtrArray *instruments)
{
  InstrumentSet *set = g_new0 (InstrumentSet, 1);
  guint n_sections = 0, at = 0;

  set->instruments = g_ptr_array_ref (instruments);
  set->slot_of = g_hash_table_new (g_str_hash, g_str_equal);
  set->first_section = g_new0 (guint, MAX (instruments->len, 1));
  for (guint i = 0; i < instruments->len; i++)
    {
      set->first_section[i] = n_sections;
      n_sections += cirt_instrument_get_n_sections (g_ptr_array_index (instruments, i));
    }
  set->first_slot = g_new0 (guint, MAX (n_sections, 1));
  for (guint i = 0; i < instruments->len; i++)
    {
      CirtInstrument *inst = g_ptr_array_index (instruments, i);

      for (guint s = 0; s < cirt_instrument_get_n_sections (inst); s++)
        {
          const CirtSection *sec = cirt_instrument_get_section (inst, s);

          set->first_slot[set->first_section[i] + s] = at;
          for (guint q = 0; q < sec->questions->len; q++, at++)
            g_hash_table_insert (set->slot_of, ((CirtQuestion *) g_ptr_array_index (sec->questions, q))->id,
                                 GUINT_TO_POINTER (at + 1));
        }
    }
  set->n_slots = at;
  return set;
}

/* One answer as read: what scoring needs. */
typedef struct {
  guint       slot;
  gboolean    not_applicable;
  const char *value;
} Entry;

typedef struct {
  CirtPortfolioRow *row;
  GPtrArray        *instruments;   /* CirtInstrument*, in the assessment's order */
  GString          *key;           /* their sha256s: the same key, the same set */
  InstrumentSet    *set;           /* borrowed */
  GArray           *entries;       /* Entry */
} Pending;

static void
pending_clear (Pending *p)
{
  g_clear_pointer (&p->instruments, g_ptr_array_unref);
  if (p->key != NULL)
    g_string_free (p->key, TRUE);
  p->key = NULL;
  g_clear_pointer (&p->entries, g_array_unref);
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const CirtPortfolioRow *ra = *(const CirtPortfolioRow * const *) a;
  const CirtPortfolioRow *rb = *(const CirtPortfolioRow * const *) b;
  int c;

  /* Newest first. */
  if ((c = g_strcmp0 (rb->date, ra->date)) != 0 || (c = g_strcmp0 (rb->created_at, ra->created_at)) != 0)
    return c;
  if ((c = g_utf8_collate (ra->country, rb->country)) != 0)
    return c;
  return strcmp (ra->id, rb->id);
}

/* Reads the three tables; fills @pending (one per assessment). */
static gboolean
read_store (CirtStore    *store,
            GArray       *pending,
            GHashTable   *index,
            GHashTable   *instruments,
            GHashTable   *sets,
            GStringChunk *strings,
            GError      **error)
{
  g_autoptr(CirtStmt) stmt = NULL;
  const char *last_id = NULL;
  Pending *last = NULL;
  int rc;

  stmt = _cirt_store_stmt (store, "SELECT uuid, title, country, country_code, region, phase, status, started_on,"
                                  " created_at FROM assessment", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Pending p = { 0 };
      CirtPortfolioRow *row = g_new0 (CirtPortfolioRow, 1);
      const char *started;

      row->id = _cirt_column_text (stmt, 0);
      row->title = _cirt_column_text (stmt, 1);
      row->country = _cirt_column_text (stmt, 2);
      row->country_code = _cirt_column_text (stmt, 3);
      row->region = _cirt_column_text (stmt, 4);
      row->phase = _cirt_column_text (stmt, 5);
      row->status = _cirt_column_text (stmt, 6);
      started = (const char *) sqlite3_column_text (stmt, 7);
      row->created_at = _cirt_column_text (stmt, 8);
      row->date = started != NULL && *started != '\0' ? g_strdup (started)
                                                      : g_strndup (row->created_at ? row->created_at : "", 10);
      if (row->country == NULL)
        row->country = g_strdup ("");
      for (guint p_ = 0; p_ < CIRT_N_PILLARS; p_++)
        row->pillars[p_] = NAN;
      row->overall.score = NAN;
      row->overall.coverage = NAN;
      row->sections = g_array_new (FALSE, FALSE, sizeof (CirtPortfolioSection));
      p.row = row;
      p.instruments = g_ptr_array_new_with_free_func (g_object_unref);
      p.key = g_string_new (NULL);
      p.entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_array_append_val (pending, p);
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (store, error, _("cannot list the assessments"));
  for (guint i = 0; i < pending->len; i++)
    g_hash_table_insert (index, g_array_index (pending, Pending, i).row->id, GUINT_TO_POINTER (i + 1));
  g_clear_pointer (&stmt, _cirt_stmt_release);

  /* Instruments: each snapshot parsed once, whatever the number of
   * assessments that use it. */
  stmt = _cirt_store_stmt (store, "SELECT assessment, instrument FROM assessment_instrument"
                                  " ORDER BY assessment, position", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, sqlite3_column_text (stmt, 0)));
      const char *sha = (const char *) sqlite3_column_text (stmt, 1);
      CirtInstrument *inst;
      Pending *p;

      if (at == 0 || sha == NULL)
        continue;
      inst = g_hash_table_lookup (instruments, sha);
      if (inst == NULL)
        {
          inst = _cirt_store_instrument_by_sha (store, sha, error);
          if (inst == NULL)
            return FALSE;
          g_hash_table_insert (instruments, g_strdup (sha), g_object_ref (inst));
        }
      p = &g_array_index (pending, Pending, at - 1);
      g_ptr_array_add (p->instruments, g_object_ref (inst));
      g_string_append_printf (p->key, "%s ", sha);
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (store, error, _("cannot read the assessment's instruments"));
  g_clear_pointer (&stmt, _cirt_stmt_release);
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);

      p->set = g_hash_table_lookup (sets, p->key->str);
      if (p->set == NULL)
        {
          p->set = instrument_set_new (p->instruments);
          g_hash_table_insert (sets, g_strdup (p->key->str), p->set);
        }
    }

  /* Answers: the value and the mark, nothing else. An answer holding only
   * notes scores nothing and counts as unanswered, so it is not read. */
  stmt = _cirt_store_stmt (store, "SELECT assessment, question, value, not_applicable FROM answer"
                                  " WHERE value IS NOT NULL OR not_applicable", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *id = (const char *) sqlite3_column_text (stmt, 0);
      const char *question = (const char *) sqlite3_column_text (stmt, 1);
      const char *value = (const char *) sqlite3_column_text (stmt, 2);
      guint slot;
      Entry e;

      if (id == NULL || question == NULL)
        continue;
      /* The answers of one assessment mostly come together. */
      if (last_id == NULL || strcmp (id, last_id) != 0)
        {
          guint at = GPOINTER_TO_UINT (g_hash_table_lookup (index, id));
          last = at ? &g_array_index (pending, Pending, at - 1) : NULL;
          last_id = last ? last->row->id : NULL;
        }
      if (last == NULL)
        continue;
      /* A question its instruments do not have (the store never writes
       * one) scores nothing. */
      slot = GPOINTER_TO_UINT (g_hash_table_lookup (last->set->slot_of, question));
      if (slot == 0)
        continue;
      e.slot = slot - 1;
      e.value = value ? g_string_chunk_insert (strings, value) : NULL;
      e.not_applicable = sqlite3_column_int (stmt, 3) != 0;
      g_array_append_val (last->entries, e);
    }
  if (rc != SQLITE_DONE)
    return _cirt_store_fail (store, error, _("cannot read the answers"));
  return TRUE;
}

/* The answers of the assessment being scored, by slot. */
typedef struct {
  InstrumentSet *set;
  CirtAnswer    *pool;      /* n_slots */
  guint8        *present;   /* n_slots */
} Answers;

static const CirtAnswer *
answer_in_slot (const CirtQuestion *question,
                gpointer            data)
{
  Answers *a = data;
  const CirtSection *sec = question->section;

  for (guint i = 0; i < a->set->instruments->len; i++)
    if (g_ptr_array_index (a->set->instruments, i) == sec->instrument)
      {
        guint slot = a->set->first_slot[a->set->first_section[i] + sec->index] + question->index;
        return slot < a->set->n_slots && a->present[slot] ? &a->pool[slot] : NULL;
      }
  return NULL;
}

/* Scores @p from its entries; @pool and @present are reused from one
 * assessment to the next. */
static void
score_row (Pending *p,
           GArray  *pool,
           GArray  *present)
{
  CirtPortfolioRow *row = p->row;
  g_autoptr(CirtScore) score = NULL;
  GStrvBuilder *ids = g_strv_builder_new ();
  Answers answers;

  for (guint i = 0; i < p->instruments->len; i++)
    g_strv_builder_add (ids, cirt_instrument_get_id (g_ptr_array_index (p->instruments, i)));
  row->instruments = g_strv_builder_end (ids);
  g_strv_builder_unref (ids);
  if (p->instruments->len == 0)
    return;
  row->first = g_object_ref (g_ptr_array_index (p->instruments, 0));

  g_array_set_size (pool, p->set->n_slots);
  g_array_set_size (present, p->set->n_slots);
  memset (present->data, 0, p->set->n_slots);
  for (guint i = 0; i < p->entries->len; i++)
    {
      const Entry *e = &g_array_index (p->entries, Entry, i);
      CirtAnswer *a = &g_array_index (pool, CirtAnswer, e->slot);

      memset (a, 0, sizeof *a);
      a->value = (char *) e->value;
      a->not_applicable = e->not_applicable;
      g_array_index (present, guint8, e->slot) = 1;
    }
  answers.set = p->set;
  answers.pool = (CirtAnswer *) pool->data;
  answers.present = (guint8 *) present->data;
  score = cirt_score_compute_with (p->instruments, answer_in_slot, &answers, NULL, CIRT_SCORE_NO_RECOMMENDATIONS);
  row->overall = *cirt_score_get_overall (score);
  for (guint q = 0; q < CIRT_N_PILLARS; q++)
    {
      const CirtPillarScore *ps = cirt_score_get_pillar (score, q);
      row->pillars[q] = ps->used && ps->value.defined ? ps->value.score : NAN;
    }
  for (guint s = 0; s < cirt_score_get_n_sections (score); s++)
    {
      const CirtSectionScore *ss = cirt_score_get_section (score, s);
      CirtPortfolioSection sec = { ss->section, cirt_instrument_get_id (ss->instrument),
                                   ss->value.defined ? ss->value.score : NAN };
      g_array_append_val (row->sections, sec);
    }
}

CirtPortfolio *
cirt_portfolio_build (CirtStore  *store,
                      GError    **error)
{
  g_autoptr(GArray) pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_autoptr(GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) instruments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) sets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) instrument_set_free);
  g_autoptr(GArray) pool = g_array_new (FALSE, TRUE, sizeof (CirtAnswer));
  g_autoptr(GArray) present = g_array_new (FALSE, TRUE, sizeof (guint8));
  GStringChunk *strings = g_string_chunk_new (1 << 20);
  CirtPortfolio *self;
  gboolean ok;

  g_return_val_if_fail (CIRT_IS_STORE (store), NULL);

  g_array_set_clear_func (pending, (GDestroyNotify) pending_clear);
  /* One snapshot of the database for the three reads (a savepoint opens a
   * read transaction, or nests in the caller's). */
  if (!_cirt_store_exec (store, "SAVEPOINT portfolio", error))
    {
      g_string_chunk_free (strings);
      return NULL;
    }
  ok = read_store (store, pending, index, instruments, sets, strings, error);
  _cirt_store_exec (store, "RELEASE portfolio", NULL);
  if (!ok)
    {
      for (guint i = 0; i < pending->len; i++)
        row_free (g_array_index (pending, Pending, i).row);
      g_string_chunk_free (strings);
      return NULL;
    }

  self = g_new0 (CirtPortfolio, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->rows = g_ptr_array_new_full (pending->len, (GDestroyNotify) row_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->instruments = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, instruments);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (self->instruments, g_object_ref (value));
  }
  for (guint i = 0; i < pending->len; i++)
    {
      Pending *p = &g_array_index (pending, Pending, i);
      score_row (p, pool, present);
      g_ptr_array_add (self->rows, p->row);
      g_hash_table_insert (self->by_id, p->row->id, p->row);
    }
  g_string_chunk_free (strings);
  g_ptr_array_sort (self->rows, compare_rows);
  return self;
}

guint
cirt_portfolio_get_n_rows (CirtPortfolio *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

const CirtPortfolioRow *
cirt_portfolio_get_row (CirtPortfolio *self,
                        guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

const CirtPortfolioRow *
cirt_portfolio_lookup (CirtPortfolio *self,
                       const char    *id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return id ? g_hash_table_lookup (self->by_id, id) : NULL;
}

/* ------------------------------------------------------------------------ */
/* Selecting                                                                */

char *
cirt_portfolio_row_country_key (const CirtPortfolioRow *row)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (row != NULL, NULL);
  if (row->country_code != NULL)
    return g_strdup (row->country_code);
  /* A country not in the list, by its name; case-folded, so it never
   * equals a code (two capitals). */
  trimmed = g_strstrip (g_strdup (row->country ? row->country : ""));
  return g_utf8_casefold (trimmed, -1);
}

static gboolean
row_passes (const CirtPortfolioRow    *row,
            const CirtPortfolioFilter *filter)
{
  if (filter == NULL)
    return TRUE;
  if (filter->region != NULL)
    {
      if (*filter->region == '\0' ? row->region != NULL : g_strcmp0 (row->region, filter->region) != 0)
        return FALSE;
    }
  if (filter->phase != NULL && g_strcmp0 (row->phase, filter->phase) != 0)
    return FALSE;
  return TRUE;
}

/* Whether @a is later than @b (date, then creation, then id). */
static gboolean
row_is_later (const CirtPortfolioRow *a,
              const CirtPortfolioRow *b)
{
  int c;

  if ((c = g_strcmp0 (a->date, b->date)) != 0 || (c = g_strcmp0 (a->created_at, b->created_at)) != 0)
    return c > 0;
  return g_strcmp0 (a->id, b->id) > 0;
}

/* The latest row of each country in @rows, in the order of @rows. */
static GPtrArray *
latest_of_each (GPtrArray *rows)
{
  g_autoptr(GHashTable) best = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const CirtPortfolioRow *row = g_ptr_array_index (rows, i);
      char *key = cirt_portfolio_row_country_key (row);
      const CirtPortfolioRow *have = g_hash_table_lookup (best, key);

      if (have == NULL || row_is_later (row, have))
        g_hash_table_replace (best, key, (gpointer) row);
      else
        g_free (key);
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const CirtPortfolioRow *row = g_ptr_array_index (rows, i);
      g_autofree char *key = cirt_portfolio_row_country_key (row);

      if (g_hash_table_lookup (best, key) == row)
        g_ptr_array_add (out, (gpointer) row);
    }
  return out;
}

GPtrArray *
cirt_portfolio_select (CirtPortfolio             *self,
                       const CirtPortfolioFilter *filter)
{
  g_autoptr(GPtrArray) passing = g_ptr_array_new ();

  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (row_passes (g_ptr_array_index (self->rows, i), filter))
      g_ptr_array_add (passing, g_ptr_array_index (self->rows, i));
  if (filter != NULL && filter->latest)
    return latest_of_each (passing);
  return g_steal_pointer (&passing);
}

/* ------------------------------------------------------------------------ */
/* Medians                                                                  */

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

void
cirt_portfolio_stat_values (double            *values,
                            guint              n,
                            CirtPortfolioStat *stat)
{
  guint count = 0;

  g_return_if_fail (stat != NULL);
  /* The NANs out, the rest in order. */
  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      values[count++] = values[i];
  stat->count = count;
  if (count == 0)
    {
      stat->median = stat->min = stat->max = NAN;
      return;
    }
  qsort (values, count, sizeof (double), compare_doubles);
  stat->min = values[0];
  stat->max = values[count - 1];
  stat->median = count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

static double
row_value (const CirtPortfolioRow *row,
           guint                   pillar)
{
  if (pillar >= CIRT_N_PILLARS)
    return row->overall.defined ? row->overall.score : NAN;
  return row->pillars[pillar];
}

void
cirt_portfolio_stat (GPtrArray         *rows,
                     const char        *region,
                     guint              pillar,
                     CirtPortfolioStat *stat)
{
  g_autofree double *values = NULL;
  guint n = 0;

  g_return_if_fail (rows != NULL && stat != NULL);
  values = g_new (double, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    {
      const CirtPortfolioRow *row = g_ptr_array_index (rows, i);
      if (region == NULL || g_strcmp0 (row->region, region) == 0)
        values[n++] = row_value (row, pillar);
    }
  cirt_portfolio_stat_values (values, n, stat);
}

/* ------------------------------------------------------------------------ */
/* The anonymised benchmark                                                 */

void
cirt_benchmark_omission_free (CirtBenchmarkOmission *omission)
{
  if (omission == NULL)
    return;
  g_free (omission->region);
  g_free (omission->phase);
  g_free (omission->what);
  g_free (omission);
}

static void
omit (GPtrArray  *omitted,
      const char *region,
      const char *phase,
      const char *what,
      guint       n)
{
  CirtBenchmarkOmission *o;

  if (omitted == NULL)
    return;
  o = g_new0 (CirtBenchmarkOmission, 1);
  o->region = g_strdup (region);
  o->phase = g_strdup (phase);
  o->what = g_strdup (what);
  o->n_countries = n;
  g_ptr_array_add (omitted, o);
}

/* A section's scores across the rows of a cell. */
typedef struct {
  const char        *instrument;
  const CirtSection *section;
  GArray            *values;   /* double */
} SectionValues;

static void
section_values_free (SectionValues *sv)
{
  g_array_unref (sv->values);
  g_free (sv);
}

static int
compare_section_values (gconstpointer a,
                        gconstpointer b)
{
  const SectionValues *x = *(const SectionValues * const *) a, *y = *(const SectionValues * const *) b;
  int c = strcmp (x->instrument, y->instrument);

  return c != 0 ? c : (int) x->section->index - (int) y->section->index;
}

/* The sections of @rows, each with the scores it has, sorted by
 * instrument id and the section's place in it. */
static GPtrArray *
collect_sections (GPtrArray *rows)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *all = g_ptr_array_new_with_free_func ((GDestroyNotify) section_values_free);

  for (guint i = 0; i < rows->len; i++)
    {
      const CirtPortfolioRow *row = g_ptr_array_index (rows, i);

      for (guint s = 0; s < row->sections->len; s++)
        {
          const CirtPortfolioSection *ps = &g_array_index (row->sections, CirtPortfolioSection, s);
          char *key = g_strconcat (ps->instrument, "/", ps->section->id, NULL);
          SectionValues *sv = g_hash_table_lookup (by_key, key);

          if (sv == NULL)
            {
              sv = g_new0 (SectionValues, 1);
              sv->instrument = ps->instrument;
              sv->section = ps->section;
              sv->values = g_array_new (FALSE, FALSE, sizeof (double));
              g_hash_table_insert (by_key, key, sv);
              g_ptr_array_add (all, sv);
            }
          else
            g_free (key);
          g_array_append_val (sv->values, ps->score);
        }
    }
  g_ptr_array_sort (all, compare_section_values);
  return all;
}

static void
add_number_or_null (JsonBuilder *b,
                    const char  *name,
                    double       value)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
stat_json (JsonBuilder             *b,
           const CirtPortfolioStat *stat)
{
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "count");
  json_builder_add_int_value (b, stat->count);
  add_number_or_null (b, "median", stat->median);
  add_number_or_null (b, "min", stat->min);
  add_number_or_null (b, "max", stat->max);
  json_builder_end_object (b);
}

static void
csv_number (GString *s,
            double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_c (s, ',');
  if (!isnan (value))
    g_string_append (s, g_ascii_dtostr (buf, sizeof buf, value));
}

/* One line of the CSV: every field is an id the program or an instrument
 * defines (lower-case letters, digits, '-', '_', '.', '/') or a number,
 * so nothing needs quoting and nothing can be read as a formula. */
static void
csv_line (GString                 *s,
          const char              *region,
          const char              *phase,
          guint                    countries,
          const char              *measure,
          const char              *instrument,
          const char              *section,
          const CirtPortfolioStat *stat)
{
  g_string_append_printf (s, "%s,%s,%u,%s,%s,%s,%u", region, phase, countries, measure, instrument ? instrument : "",
                          section ? section : "", stat->count);
  csv_number (s, stat->median);
  csv_number (s, stat->min);
  csv_number (s, stat->max);
  g_string_append (s, "\r\n");
}

static guint
n_countries (GPtrArray *rows)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (seen, cirt_portfolio_row_country_key (g_ptr_array_index (rows, i)));
  return g_hash_table_size (seen);
}

/* One (region, phase) cell of @min_group countries or more, into @b (JSON)
 * or @csv. */
static void
write_cell (const char  *region,
            const char  *phase,
            GPtrArray   *rows,
            guint        min_group,
            JsonBuilder *b,
            GString     *csv,
            GPtrArray   *omitted)
{
  g_autoptr(GPtrArray) sections = collect_sections (rows);
  CirtPortfolioStat stats[CIRT_N_PILLARS + 1];

  for (guint p = 0; p <= CIRT_N_PILLARS; p++)
    cirt_portfolio_stat (rows, NULL, p, &stats[p]);
  if (b != NULL)
    {
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "region");
      json_builder_add_string_value (b, region);
      json_builder_set_member_name (b, "phase");
      json_builder_add_string_value (b, phase);
      json_builder_set_member_name (b, "countries");
      json_builder_add_int_value (b, rows->len);
    }
  /* The overall index, then the pillars. */
  if (stats[CIRT_N_PILLARS].count >= min_group)
    {
      if (b != NULL)
        {
          json_builder_set_member_name (b, "overall");
          stat_json (b, &stats[CIRT_N_PILLARS]);
        }
      else
        csv_line (csv, region, phase, rows->len, "overall", NULL, NULL, &stats[CIRT_N_PILLARS]);
    }
  else if (stats[CIRT_N_PILLARS].count > 0)
    omit (omitted, region, phase, "overall", stats[CIRT_N_PILLARS].count);
  if (b != NULL)
    {
      json_builder_set_member_name (b, "pillars");
      json_builder_begin_object (b);
    }
  for (guint p = 0; p < CIRT_N_PILLARS; p++)
    {
      if (stats[p].count < min_group)
        {
          if (stats[p].count > 0)
            omit (omitted, region, phase, cirt_pillar_to_string (p), stats[p].count);
          continue;
        }
      if (b != NULL)
        {
          json_builder_set_member_name (b, cirt_pillar_to_string (p));
          stat_json (b, &stats[p]);
        }
      else
        csv_line (csv, region, phase, rows->len, cirt_pillar_to_string (p), NULL, NULL, &stats[p]);
    }
  if (b != NULL)
    {
      json_builder_end_object (b);
      json_builder_set_member_name (b, "sections");
      json_builder_begin_array (b);
    }
  for (guint i = 0; i < sections->len; i++)
    {
      SectionValues *sv = g_ptr_array_index (sections, i);
      CirtPortfolioStat stat;

      cirt_portfolio_stat_values ((double *) sv->values->data, sv->values->len, &stat);
      if (stat.count < min_group)
        {
          if (stat.count > 0)
            {
              g_autofree char *what = g_strconcat (sv->instrument, "/", sv->section->id, NULL);
              omit (omitted, region, phase, what, stat.count);
            }
          continue;
        }
      if (b != NULL)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "instrument");
          json_builder_add_string_value (b, sv->instrument);
          json_builder_set_member_name (b, "section");
          json_builder_add_string_value (b, sv->section->id);
          json_builder_set_member_name (b, "pillar");
          json_builder_add_string_value (b, cirt_pillar_to_string (sv->section->pillar));
          json_builder_set_member_name (b, "title");
          json_builder_add_string_value (b, cirt_text_get (sv->section->title, "en"));
          json_builder_set_member_name (b, "count");
          json_builder_add_int_value (b, stat.count);
          add_number_or_null (b, "median", stat.median);
          add_number_or_null (b, "min", stat.min);
          add_number_or_null (b, "max", stat.max);
          json_builder_end_object (b);
        }
      else
        csv_line (csv, region, phase, rows->len, "section", sv->instrument, sv->section->id, &stat);
    }
  if (b != NULL)
    {
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
}

gboolean
cirt_portfolio_write_benchmark (CirtPortfolio             *self,
                                const CirtPortfolioFilter *filter,
                                guint                      min_group,
                                CirtBenchmarkFormat        format,
                                const char                *path,
                                GPtrArray                 *omitted,
                                guint                     *n_cells,
                                GError                   **error)
{
  CirtPortfolioFilter base = { filter ? filter->region : NULL, filter ? filter->phase : NULL, FALSE };
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) no_region = g_ptr_array_new ();
  g_autoptr(JsonBuilder) b = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *data = NULL;
  const char * const *phases = cirt_mission_phases ();
  guint cells = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (min_group < 1)
    {
      g_set_error (error, CIRT_STORE_ERROR, CIRT_STORE_ERROR_INVALID,
                   _("the minimum group must be at least one country"));
      return FALSE;
    }
  rows = cirt_portfolio_select (self, &base);
  for (guint i = 0; i < rows->len; i++)
    if (((CirtPortfolioRow *) g_ptr_array_index (rows, i))->region == NULL)
      g_ptr_array_add (no_region, g_ptr_array_index (rows, i));
  if (no_region->len > 0)
    omit (omitted, NULL, NULL, NULL, n_countries (no_region));

  if (format == CIRT_BENCHMARK_JSON)
    {
      g_autofree char *today = cirt_now_iso8601 ();

      today[10] = '\0';
      b = json_builder_new ();
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "format");
      json_builder_add_string_value (b, "cirt-assess-benchmark");
      json_builder_set_member_name (b, "format_version");
      json_builder_add_int_value (b, 1);
      json_builder_set_member_name (b, "made_on");
      json_builder_add_string_value (b, today);
      json_builder_set_member_name (b, "min_group");
      json_builder_add_int_value (b, min_group);
      json_builder_set_member_name (b, "scores");
      json_builder_add_string_value (b, "0-100, as CIRT Assess scores an assessment (docs/scoring.md); one "
                                        "assessment per country and cell: its latest in that phase");
      json_builder_set_member_name (b, "median");
      json_builder_add_string_value (b, "the middle score; of an even number of scores, the mean of the two middle "
                                        "ones");
      json_builder_set_member_name (b, "cells");
      json_builder_begin_array (b);
    }
  else
    {
      csv = g_string_new ("region,phase,countries,measure,instrument,section,count,median,min,max\r\n");
    }

  for (guint r = 0; r < CIRT_N_REGIONS; r++)
    for (guint ph = 0; phases[ph] != NULL; ph++)
      {
        const char *region = cirt_region_to_string (r);
        g_autoptr(GPtrArray) in_cell = g_ptr_array_new ();
        g_autoptr(GPtrArray) latest = NULL;

        for (guint i = 0; i < rows->len; i++)
          {
            const CirtPortfolioRow *row = g_ptr_array_index (rows, i);
            if (g_strcmp0 (row->region, region) == 0 && g_strcmp0 (row->phase, phases[ph]) == 0)
              g_ptr_array_add (in_cell, (gpointer) row);
          }
        if (in_cell->len == 0)
          continue;
        latest = latest_of_each (in_cell);
        if (latest->len < min_group)
          {
            omit (omitted, region, phases[ph], NULL, latest->len);
            continue;
          }
        write_cell (region, phases[ph], latest, min_group, b, csv, omitted);
        cells++;
      }

  if (b != NULL)
    {
      g_autoptr(JsonGenerator) gen = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      json_generator_set_root (gen, root);
      json_generator_set_pretty (gen, TRUE);
      json_generator_set_indent (gen, 2);
      data = json_generator_to_data (gen, NULL);
    }
  else
    data = g_string_free (g_steal_pointer (&csv), FALSE);
  if (!cirt_file_set_contents (path, data, -1, error))
    return FALSE;
  if (n_cells != NULL)
    *n_cells = cells;
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* JSON of the rows                                                         */

static void
add_string_or_null (JsonBuilder *b,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (b, name);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

JsonNode *
cirt_portfolio_to_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  g_return_val_if_fail (rows != NULL, NULL);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "assessments");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      const CirtPortfolioRow *row = g_ptr_array_index (rows, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "id", row->id);
      add_string_or_null (b, "title", row->title);
      add_string_or_null (b, "country", row->country);
      add_string_or_null (b, "country_code", row->country_code);
      add_string_or_null (b, "region", row->region);
      add_string_or_null (b, "date", row->date);
      add_string_or_null (b, "phase", row->phase);
      add_string_or_null (b, "status", row->status);
      json_builder_set_member_name (b, "instruments");
      json_builder_begin_array (b);
      for (guint k = 0; row->instruments != NULL && row->instruments[k] != NULL; k++)
        json_builder_add_string_value (b, row->instruments[k]);
      json_builder_end_array (b);
      add_number_or_null (b, "overall", row->overall.defined ? row->overall.score : NAN);
      json_builder_set_member_name (b, "level");
      if (row->overall.defined)
        json_builder_add_int_value (b, row->overall.level);
      else
        json_builder_add_null_value (b);
      add_number_or_null (b, "coverage", row->overall.coverage);
      json_builder_set_member_name (b, "provisional");
      json_builder_add_boolean_value (b, row->overall.provisional);
      json_builder_set_member_name (b, "pillars");
      json_builder_begin_object (b);
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        add_number_or_null (b, cirt_pillar_to_string (p), row->pillars[p]);
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "regional_medians");
  json_builder_begin_array (b);
  for (guint r = 0; r < CIRT_N_REGIONS; r++)
    {
      const char *region = cirt_region_to_string (r);
      g_autoptr(GPtrArray) in_region = g_ptr_array_new ();
      CirtPortfolioStat stat;

      for (guint i = 0; i < rows->len; i++)
        if (g_strcmp0 (((CirtPortfolioRow *) g_ptr_array_index (rows, i))->region, region) == 0)
          g_ptr_array_add (in_region, g_ptr_array_index (rows, i));
      if (in_region->len == 0)
        continue;
      json_builder_begin_object (b);
      add_string_or_null (b, "region", region);
      json_builder_set_member_name (b, "assessments");
      json_builder_add_int_value (b, in_region->len);
      json_builder_set_member_name (b, "countries");
      json_builder_add_int_value (b, n_countries (in_region));
      cirt_portfolio_stat (in_region, NULL, CIRT_N_PILLARS, &stat);
      json_builder_set_member_name (b, "overall");
      stat_json (b, &stat);
      json_builder_set_member_name (b, "pillars");
      json_builder_begin_object (b);
      for (guint p = 0; p < CIRT_N_PILLARS; p++)
        {
          cirt_portfolio_stat (in_region, NULL, p, &stat);
          json_builder_set_member_name (b, cirt_pillar_to_string (p));
          stat_json (b, &stat);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}
