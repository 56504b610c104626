/* cirt-instrument.c — a questionnaire loaded and validated from JSON
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-instrument.h"

#include <errno.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

struct _CirtInstrument {
  GObject        parent_instance;

  char          *id;
  char          *version;
  char          *sha256;
  char          *json;
  char          *origin;
  CirtText      *title;
  CirtText      *description;
  GStrv          languages;
  gboolean       pillar_used[CIRT_N_PILLARS];
  double         pillar_weight[CIRT_N_PILLARS];
  CirtLevelInfo  levels[CIRT_N_LEVELS];
  GPtrArray     *sections;        /* CirtSection* */
  GHashTable    *questions;       /* id → CirtQuestion* (borrowed) */
  guint          n_questions;
  guint          n_scored;
  GPtrArray     *warnings;        /* char* */
};

G_DEFINE_FINAL_TYPE (CirtInstrument, cirt_instrument, G_TYPE_OBJECT)

G_DEFINE_QUARK (cirt-instrument-error-quark, cirt_instrument_error)

static const char *default_level_names[CIRT_N_LEVELS][2] = {
  { "Start-up", "Démarrage" },
  { "Formative", "Formatif" },
  { "Established", "Établi" },
  { "Strategic", "Stratégique" },
  { "Dynamic", "Dynamique" },
};

static void
option_free (CirtOption *option)
{
  g_free (option->id);
  cirt_text_free (option->text);
  g_free (option);
}

static void
question_free (CirtQuestion *q)
{
  g_free (q->id);
  cirt_text_free (q->text);
  cirt_text_free (q->guidance);
  cirt_text_free (q->recommendation);
  cirt_text_free (q->unit);
  for (guint i = 0; i < CIRT_N_QUESTION_LEVELS; i++)
    cirt_text_free (q->level_text[i]);
  g_clear_pointer (&q->options, g_ptr_array_unref);
  g_strfreev (q->refs);
  g_strfreev (q->ask);
  g_free (q);
}

static void
section_free (CirtSection *s)
{
  g_free (s->id);
  cirt_text_free (s->title);
  cirt_text_free (s->intro);
  g_clear_pointer (&s->questions, g_ptr_array_unref);
  g_free (s);
}

static void
cirt_instrument_finalize (GObject *object)
{
  CirtInstrument *self = CIRT_INSTRUMENT (object);

  g_free (self->id);
  g_free (self->version);
  g_free (self->sha256);
  g_free (self->json);
  g_free (self->origin);
  cirt_text_free (self->title);
  cirt_text_free (self->description);
  g_strfreev (self->languages);
  for (guint i = 0; i < CIRT_N_LEVELS; i++)
    {
      cirt_text_free (self->levels[i].name);
      cirt_text_free (self->levels[i].description);
    }
  g_clear_pointer (&self->questions, g_hash_table_unref);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (cirt_instrument_parent_class)->finalize (object);
}

static void
cirt_instrument_class_init (CirtInstrumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cirt_instrument_finalize;
}

static void
cirt_instrument_init (CirtInstrument *self)
{
  self->sections = g_ptr_array_new_with_free_func ((GDestroyNotify) section_free);
  self->questions = g_hash_table_new (g_str_hash, g_str_equal);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
}

/* ------------------------------------------------------------------------ */
/* Validation                                                               */

typedef struct {
  const char     *origin;
  GPtrArray      *errors;     /* char* */
  CirtInstrument *self;
} Loader;

static void G_GNUC_PRINTF (3, 4)
problem (Loader     *ld,
         const char *path,
         const char *format,
         ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (ld->errors, g_strdup_printf ("%s: %s: %s", ld->origin, path, msg));
}

static char *
join_path (const char *base,
           const char *member)
{
  if (base == NULL || *base == '\0')
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", base, member);
}

static char *
index_path (const char *base,
            const char *member,
            guint       index)
{
  if (base == NULL || *base == '\0')
    return g_strdup_printf ("%s[%u]", member, index);
  return g_strdup_printf ("%s.%s[%u]", base, member, index);
}

static void
check_keys (Loader             *ld,
            JsonObject         *obj,
            const char         *path,
            const char * const *allowed)
{
  g_autoptr(GList) members = json_object_get_members (obj);

  for (GList *l = members; l; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      {
        g_autofree char *p = join_path (path, l->data);
        problem (ld, p, "unknown key \"%s\"", (const char *) l->data);
      }
}

static const char *
get_string (Loader     *ld,
            JsonObject *obj,
            const char *path,
            const char *member,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *p = join_path (path, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        problem (ld, p, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (ld, p, "must be a string");
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
get_number (Loader     *ld,
            JsonObject *obj,
            const char *path,
            const char *member,
            gboolean    required,
            double      fallback,
            double     *out)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *p = join_path (path, member);
  GType type;

  *out = fallback;
  if (node == NULL)
    {
      if (required)
        {
          problem (ld, p, "missing");
          return FALSE;
        }
      return TRUE;
    }
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      problem (ld, p, "must be a number");
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      problem (ld, p, "must be a finite number");
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_weight (Loader     *ld,
            JsonObject *obj,
            const char *path,
            const char *member,
            double     *out)
{
  if (!get_number (ld, obj, path, member, FALSE, 1.0, out))
    return FALSE;
  if (*out < 0)
    {
      g_autofree char *p = join_path (path, member);
      problem (ld, p, "weight %g is negative; weights must be ≥ 0", *out);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
get_array (Loader     *ld,
           JsonObject *obj,
           const char *path,
           const char *member,
           gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *p = join_path (path, member);

  if (node == NULL)
    {
      if (required)
        problem (ld, p, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (ld, p, "must be an array");
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Loader     *ld,
                JsonArray  *array,
                guint       index,
                const char *path)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (ld, path, "must be an object");
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
valid_id (const char *id,
          gboolean    upper)
{
  if (id == NULL || *id == '\0' || strlen (id) > 64)
    return FALSE;
  for (const char *c = id; *c; c++)
    {
      gboolean ok = g_ascii_isdigit (*c) ||
                    (upper ? g_ascii_isupper (*c) : g_ascii_islower (*c)) ||
                    (c != id && (*c == '-' || (upper ? *c == '.' : *c == '_')));
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

/* Reads a multilingual text; records a warning for each declared language it lacks. */
static CirtText *
get_text (Loader     *ld,
          JsonObject *obj,
          const char *path,
          const char *member,
          gboolean    required)
{
  JsonNode *node = json_object_get_member (obj, member);
  g_autofree char *p = join_path (path, member);
  g_autoptr(CirtText) text = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *tobj;
  gboolean ok = TRUE;

  if (node == NULL)
    {
      if (required)
        problem (ld, p, "missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (ld, p, "must be an object of language → text, e.g. {\"en\": \"…\"}");
      return NULL;
    }
  tobj = json_node_get_object (node);
  text = cirt_text_new ();
  members = json_object_get_members (tobj);
  for (GList *l = members; l; l = l->next)
    {
      const char *lang = l->data;
      JsonNode *v = json_object_get_member (tobj, lang);
      g_autofree char *lp = join_path (p, lang);

      if (!JSON_NODE_HOLDS_VALUE (v) || json_node_get_value_type (v) != G_TYPE_STRING)
        {
          problem (ld, lp, "must be a string");
          ok = FALSE;
          continue;
        }
      {
        g_autofree char *copy = g_strstrip (g_strdup (json_node_get_string (v)));
        if (*copy == '\0')
          {
            problem (ld, lp, "empty text");
            ok = FALSE;
            continue;
          }
      }
      if (!g_utf8_validate (json_node_get_string (v), -1, NULL))
        {
          problem (ld, lp, "not valid UTF-8");
          ok = FALSE;
          continue;
        }
      cirt_text_set (text, lang, json_node_get_string (v));
    }
  if (!cirt_text_has (text, "en"))
    {
      problem (ld, p, "missing English (\"en\") text");
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  if (ld->self->languages)
    for (guint i = 0; ld->self->languages[i]; i++)
      if (!cirt_text_has (text, ld->self->languages[i]))
        g_ptr_array_add (ld->self->warnings,
                         g_strdup_printf ("%s: %s: no \"%s\" text", ld->origin, p,
                                          ld->self->languages[i]));
  return g_steal_pointer (&text);
}

static void
load_options (Loader       *ld,
              JsonObject   *qobj,
              const char   *qpath,
              CirtQuestion *q)
{
  static const char * const choice_keys[] = { "id", "text", "score", NULL };
  static const char * const checklist_keys[] = { "id", "text", "weight", NULL };
  JsonArray *options = get_array (ld, qobj, qpath, "options", TRUE);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n;

  if (options == NULL)
    return;
  n = json_array_get_length (options);
  if (n < 2)
    {
      g_autofree char *p = join_path (qpath, "options");
      problem (ld, p, "a %s question needs at least 2 options", cirt_kind_to_string (q->kind));
    }
  q->options = g_ptr_array_new_with_free_func ((GDestroyNotify) option_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *opath = index_path (qpath, "options", i);
      JsonObject *oobj = element_object (ld, options, i, opath);
      CirtOption *opt;
      const char *id;

      if (oobj == NULL)
        continue;
      check_keys (ld, oobj, opath, q->kind == CIRT_KIND_CHOICE ? choice_keys : checklist_keys);
      opt = g_new0 (CirtOption, 1);
      id = get_string (ld, oobj, opath, "id", TRUE);
      if (id != NULL)
        {
          g_autofree char *ip = join_path (opath, "id");
          if (!valid_id (id, FALSE))
            problem (ld, ip, "option id \"%s\" must be lower-case letters, digits, '-' or '_'", id);
          else if (g_hash_table_contains (seen, id))
            problem (ld, ip, "duplicate option id \"%s\"", id);
          g_hash_table_add (seen, (gpointer) id);
        }
      opt->id = g_strdup (id);
      opt->text = get_text (ld, oobj, opath, "text", TRUE);
      if (q->kind == CIRT_KIND_CHOICE)
        {
          if (get_number (ld, oobj, opath, "score", TRUE, 0, &opt->score) &&
              (opt->score < 0 || opt->score > 1))
            {
              g_autofree char *sp = join_path (opath, "score");
              problem (ld, sp, "score %g is outside [0, 1]", opt->score);
            }
        }
      else
        get_weight (ld, oobj, opath, "weight", &opt->weight);
      g_ptr_array_add (q->options, opt);
    }
}

static void
load_question_levels (Loader       *ld,
                      JsonObject   *qobj,
                      const char   *qpath,
                      CirtQuestion *q)
{
  static const char * const level_keys[] = { "level", "text", NULL };
  JsonArray *levels = get_array (ld, qobj, qpath, "levels", TRUE);
  guint n;

  if (levels == NULL)
    return;
  n = json_array_get_length (levels);
  if (n != CIRT_N_QUESTION_LEVELS)
    {
      g_autofree char *p = join_path (qpath, "levels");
      problem (ld, p, "a level question needs exactly five levels, 0 to 4 (found %u)", n);
      return;
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *lpath = index_path (qpath, "levels", i);
      JsonObject *lobj = element_object (ld, levels, i, lpath);
      double level;

      if (lobj == NULL)
        continue;
      check_keys (ld, lobj, lpath, level_keys);
      if (get_number (ld, lobj, lpath, "level", TRUE, 0, &level) && level != (double) i)
        {
          g_autofree char *p = join_path (lpath, "level");
          problem (ld, p, "levels must be 0, 1, 2, 3, 4 in order; expected %u, found %g", i, level);
        }
      q->level_text[i] = get_text (ld, lobj, lpath, "text", TRUE);
    }
}

static CirtQuestion *
load_question (Loader      *ld,
               JsonObject  *qobj,
               const char  *qpath,
               GHashTable  *seen_ids)
{
  static const char * const keys[] = {
    "id", "kind", "weight", "critical", "text", "guidance", "levels", "options",
    "recommendation", "phase", "refs", "unit", "ask", NULL,
  };
  CirtQuestion *q = g_new0 (CirtQuestion, 1);
  const char *id, *kind, *phase;
  JsonNode *node;

  check_keys (ld, qobj, qpath, keys);

  id = get_string (ld, qobj, qpath, "id", TRUE);
  if (id != NULL)
    {
      g_autofree char *p = join_path (qpath, "id");
      if (!valid_id (id, TRUE))
        problem (ld, p, "question id \"%s\" must be upper-case letters, digits, '-' or '.'", id);
      else if (g_hash_table_contains (seen_ids, id))
        problem (ld, p, "duplicate id \"%s\"", id);
      else
        g_hash_table_add (seen_ids, g_strdup (id));
    }
  q->id = g_strdup (id);

  kind = get_string (ld, qobj, qpath, "kind", TRUE);
  if (kind != NULL && !cirt_kind_from_string (kind, &q->kind))
    {
      g_autofree char *p = join_path (qpath, "kind");
      problem (ld, p, "unknown kind \"%s\" (expected level, yesno, choice, checklist, text, number or date)", kind);
      kind = NULL;
    }

  get_weight (ld, qobj, qpath, "weight", &q->weight);

  node = json_object_get_member (qobj, "critical");
  if (node != NULL)
    {
      g_autofree char *p = join_path (qpath, "critical");
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        problem (ld, p, "must be true or false");
      else
        q->critical = json_node_get_boolean (node);
      if (q->critical && kind != NULL && !cirt_kind_is_scored (q->kind))
        problem (ld, p, "only scored questions can be critical");
    }

  q->text = get_text (ld, qobj, qpath, "text", TRUE);
  q->guidance = get_text (ld, qobj, qpath, "guidance", FALSE);
  q->recommendation = get_text (ld, qobj, qpath, "recommendation", FALSE);

  if (kind != NULL)
    {
      gboolean has_levels = json_object_has_member (qobj, "levels");
      gboolean has_options = json_object_has_member (qobj, "options");
      gboolean has_unit = json_object_has_member (qobj, "unit");

      if (q->kind == CIRT_KIND_LEVEL)
        load_question_levels (ld, qobj, qpath, q);
      else if (has_levels)
        {
          g_autofree char *p = join_path (qpath, "levels");
          problem (ld, p, "only level questions have levels");
        }
      if (q->kind == CIRT_KIND_CHOICE || q->kind == CIRT_KIND_CHECKLIST)
        load_options (ld, qobj, qpath, q);
      else if (has_options)
        {
          g_autofree char *p = join_path (qpath, "options");
          problem (ld, p, "only choice and checklist questions have options");
        }
      if (q->kind == CIRT_KIND_NUMBER)
        q->unit = get_text (ld, qobj, qpath, "unit", FALSE);
      else if (has_unit)
        {
          g_autofree char *p = join_path (qpath, "unit");
          problem (ld, p, "only number questions have a unit");
        }
    }

  phase = get_string (ld, qobj, qpath, "phase", FALSE);
  if (phase != NULL && !cirt_phase_from_string (phase, &q->phase))
    {
      g_autofree char *p = join_path (qpath, "phase");
      problem (ld, p, "unknown phase \"%s\" (expected design, establishment or enhancement)", phase);
    }

  node = json_object_get_member (qobj, "refs");
  if (node != NULL)
    {
      g_autofree char *p = join_path (qpath, "refs");
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      if (!JSON_NODE_HOLDS_ARRAY (node))
        problem (ld, p, "must be an array of strings");
      else
        {
          JsonArray *refs = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (refs); i++)
            {
              JsonNode *r = json_array_get_element (refs, i);
              if (!JSON_NODE_HOLDS_VALUE (r) || json_node_get_value_type (r) != G_TYPE_STRING)
                {
                  g_autofree char *rp = index_path (qpath, "refs", i);
                  problem (ld, rp, "must be a string");
                }
              else
                g_strv_builder_add (b, json_node_get_string (r));
            }
        }
      q->refs = g_strv_builder_end (b);
    }

  node = json_object_get_member (qobj, "ask");
  if (node != NULL)
    {
      g_autofree char *p = join_path (qpath, "ask");
      g_autoptr(GPtrArray) groups = g_ptr_array_new ();

      if (!JSON_NODE_HOLDS_ARRAY (node))
        problem (ld, p, "must be an array of stakeholder group ids");
      else
        {
          JsonArray *arr = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (arr); i++)
            {
              JsonNode *g = json_array_get_element (arr, i);
              g_autofree char *gp = index_path (qpath, "ask", i);
              const char *group;

              if (!JSON_NODE_HOLDS_VALUE (g) || json_node_get_value_type (g) != G_TYPE_STRING)
                {
                  problem (ld, gp, "must be a string");
                  continue;
                }
              group = json_node_get_string (g);
              if (!cirt_stakeholder_group_is_valid (group))
                {
                  g_autofree char *list = g_strjoinv (", ", (char **) cirt_stakeholder_groups ());
                  problem (ld, gp, "unknown stakeholder group \"%s\" (expected one of %s)", group, list);
                }
              else if (g_ptr_array_find_with_equal_func (groups, group, g_str_equal, NULL))
                problem (ld, gp, "\"%s\" is listed twice", group);
              else
                g_ptr_array_add (groups, (gpointer) group);
            }
        }
      g_ptr_array_add (groups, NULL);
      q->ask = g_strdupv ((char **) groups->pdata);
    }
  return q;
}

static void
load_levels (Loader     *ld,
             JsonObject *root)
{
  static const char * const keys[] = { "level", "min", "name", "description", NULL };
  CirtInstrument *self = ld->self;
  JsonArray *levels = get_array (ld, root, "", "levels", FALSE);

  if (levels == NULL)
    {
      for (guint i = 0; i < CIRT_N_LEVELS; i++)
        {
          self->levels[i].level = i + 1;
          self->levels[i].min = 20.0 * i;
          self->levels[i].name = cirt_text_new ();
          cirt_text_set (self->levels[i].name, "en", default_level_names[i][0]);
          cirt_text_set (self->levels[i].name, "fr", default_level_names[i][1]);
        }
      return;
    }
  if (json_array_get_length (levels) != CIRT_N_LEVELS)
    {
      problem (ld, "levels", "exactly five levels are needed (found %u)", json_array_get_length (levels));
      return;
    }
  for (guint i = 0; i < CIRT_N_LEVELS; i++)
    {
      g_autofree char *lpath = index_path ("", "levels", i);
      JsonObject *lobj = element_object (ld, levels, i, lpath);
      double level, min;

      if (lobj == NULL)
        continue;
      check_keys (ld, lobj, lpath, keys);
      if (get_number (ld, lobj, lpath, "level", TRUE, 0, &level) && level != i + 1)
        {
          g_autofree char *p = join_path (lpath, "level");
          problem (ld, p, "levels must be 1 to 5 in order; expected %u, found %g", i + 1, level);
        }
      if (get_number (ld, lobj, lpath, "min", TRUE, 0, &min))
        {
          g_autofree char *p = join_path (lpath, "min");
          if (min < 0 || min > 100)
            problem (ld, p, "threshold %g is outside 0–100", min);
          else if (i == 0 && min != 0)
            problem (ld, p, "the first level must start at 0");
          else if (i > 0 && min <= self->levels[i - 1].min)
            problem (ld, p, "thresholds must ascend: %g is not above %g", min, self->levels[i - 1].min);
        }
      self->levels[i].level = i + 1;
      self->levels[i].min = min;
      self->levels[i].name = get_text (ld, lobj, lpath, "name", TRUE);
      self->levels[i].description = get_text (ld, lobj, lpath, "description", FALSE);
    }
}

static void
load_pillars (Loader     *ld,
              JsonObject *root)
{
  static const char * const keys[] = { "id", "weight", "title", NULL };
  JsonArray *pillars = get_array (ld, root, "", "pillars", TRUE);

  if (pillars == NULL)
    return;
  if (json_array_get_length (pillars) == 0)
    problem (ld, "pillars", "at least one pillar is needed");
  for (guint i = 0; i < json_array_get_length (pillars); i++)
    {
      g_autofree char *ppath = index_path ("", "pillars", i);
      JsonObject *pobj = element_object (ld, pillars, i, ppath);
      const char *id;
      CirtPillar pillar;
      double weight;

      if (pobj == NULL)
        continue;
      check_keys (ld, pobj, ppath, keys);
      id = get_string (ld, pobj, ppath, "id", TRUE);
      get_weight (ld, pobj, ppath, "weight", &weight);
      if (id == NULL)
        continue;
      if (!cirt_pillar_from_string (id, &pillar))
        {
          g_autofree char *p = join_path (ppath, "id");
          problem (ld, p, "unknown pillar \"%s\" (expected legal, technical, organizational, capacity or cooperation)", id);
          continue;
        }
      if (ld->self->pillar_used[pillar])
        {
          g_autofree char *p = join_path (ppath, "id");
          problem (ld, p, "pillar \"%s\" is listed twice", id);
          continue;
        }
      ld->self->pillar_used[pillar] = TRUE;
      ld->self->pillar_weight[pillar] = weight;
    }
}

static void
load_sections (Loader     *ld,
               JsonObject *root)
{
  static const char * const keys[] = { "id", "pillar", "weight", "title", "intro", "questions", NULL };
  CirtInstrument *self = ld->self;
  JsonArray *sections = get_array (ld, root, "", "sections", TRUE);
  g_autoptr(GHashTable) section_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) question_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (sections == NULL)
    return;
  if (json_array_get_length (sections) == 0)
    problem (ld, "sections", "at least one section is needed");
  for (guint i = 0; i < json_array_get_length (sections); i++)
    {
      g_autofree char *spath = index_path ("", "sections", i);
      JsonObject *sobj = element_object (ld, sections, i, spath);
      CirtSection *s;
      const char *id, *pillar;
      JsonArray *questions;

      if (sobj == NULL)
        continue;
      check_keys (ld, sobj, spath, keys);
      s = g_new0 (CirtSection, 1);
      s->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) question_free);
      s->instrument = self;
      s->index = self->sections->len;
      g_ptr_array_add (self->sections, s);

      id = get_string (ld, sobj, spath, "id", TRUE);
      if (id != NULL)
        {
          g_autofree char *p = join_path (spath, "id");
          if (!valid_id (id, FALSE))
            problem (ld, p, "section id \"%s\" must be lower-case letters, digits or '-'", id);
          else if (g_hash_table_contains (section_ids, id))
            problem (ld, p, "duplicate section id \"%s\"", id);
          g_hash_table_add (section_ids, (gpointer) id);
        }
      s->id = g_strdup (id);

      pillar = get_string (ld, sobj, spath, "pillar", TRUE);
      if (pillar != NULL)
        {
          g_autofree char *p = join_path (spath, "pillar");
          if (!cirt_pillar_from_string (pillar, &s->pillar))
            problem (ld, p, "unknown pillar \"%s\" (expected legal, technical, organizational, capacity or cooperation)", pillar);
          else if (!self->pillar_used[s->pillar])
            problem (ld, p, "pillar \"%s\" is not listed in the instrument's pillars", pillar);
        }
      get_weight (ld, sobj, spath, "weight", &s->weight);
      s->title = get_text (ld, sobj, spath, "title", TRUE);
      s->intro = get_text (ld, sobj, spath, "intro", FALSE);

      questions = get_array (ld, sobj, spath, "questions", TRUE);
      if (questions == NULL)
        continue;
      if (json_array_get_length (questions) == 0)
        {
          g_autofree char *p = join_path (spath, "questions");
          problem (ld, p, "empty section: at least one question is needed");
        }
      for (guint j = 0; j < json_array_get_length (questions); j++)
        {
          g_autofree char *qpath = index_path (spath, "questions", j);
          JsonObject *qobj = element_object (ld, questions, j, qpath);
          CirtQuestion *q;

          if (qobj == NULL)
            continue;
          q = load_question (ld, qobj, qpath, question_ids);
          q->section = s;
          q->index = s->questions->len;
          g_ptr_array_add (s->questions, q);
          if (q->id != NULL && !g_hash_table_contains (self->questions, q->id))
            g_hash_table_insert (self->questions, q->id, q);
          self->n_questions++;
          if (cirt_kind_is_scored (q->kind))
            self->n_scored++;
        }
    }
}

static gboolean
load_root (Loader     *ld,
           JsonObject *root)
{
  static const char * const keys[] = {
    "format", "format_version", "id", "version", "languages", "title",
    "description", "pillars", "levels", "sections", NULL,
  };
  CirtInstrument *self = ld->self;
  const char *format, *id, *version;
  double format_version;
  JsonArray *langs;

  check_keys (ld, root, "", keys);
  format = get_string (ld, root, "", "format", TRUE);
  if (format != NULL && strcmp (format, "cirt-instrument") != 0)
    problem (ld, "format", "\"%s\" is not \"cirt-instrument\"", format);
  if (get_number (ld, root, "", "format_version", TRUE, 0, &format_version) && format_version != 1)
    problem (ld, "format_version", "version %g is not supported (this program reads version 1)", format_version);

  id = get_string (ld, root, "", "id", TRUE);
  if (id != NULL && !valid_id (id, FALSE))
    problem (ld, "id", "instrument id \"%s\" must be lower-case letters, digits or '-'", id);
  self->id = g_strdup (id);
  version = get_string (ld, root, "", "version", TRUE);
  self->version = g_strdup (version);

  langs = get_array (ld, root, "", "languages", TRUE);
  if (langs != NULL)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      gboolean has_en = FALSE;

      for (guint i = 0; i < json_array_get_length (langs); i++)
        {
          JsonNode *n = json_array_get_element (langs, i);
          const char *l;

          if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING ||
              strlen (l = json_node_get_string (n)) < 2 || strlen (l) > 8)
            {
              g_autofree char *p = index_path ("", "languages", i);
              problem (ld, p, "must be a language code such as \"en\" or \"fr\"");
              continue;
            }
          has_en |= strcmp (l, "en") == 0;
          g_strv_builder_add (b, l);
        }
      if (!has_en)
        problem (ld, "languages", "must include \"en\"");
      self->languages = g_strv_builder_end (b);
    }

  self->title = get_text (ld, root, "", "title", TRUE);
  self->description = get_text (ld, root, "", "description", FALSE);
  load_pillars (ld, root);
  load_levels (ld, root);
  load_sections (ld, root);

  return ld->errors->len == 0;
}

CirtInstrument *
cirt_instrument_new_from_data (const char  *data,
                               gssize       length,
                               const char  *origin,
                               GError     **error)
{
  g_autoptr(CirtInstrument) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  JsonNode *root;
  Loader ld;

  g_return_val_if_fail (data != NULL, NULL);

  if (origin == NULL)
    origin = "<instrument>";
  if (length < 0)
    length = strlen (data);

  if (!g_utf8_validate (data, length, NULL))
    {
      g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_PARSE,
                   "%s: not a UTF-8 text file", origin);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_PARSE,
                   "%s: not valid JSON: %s", origin, local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_INVALID,
                   "%s: $: the top level must be a JSON object", origin);
      return NULL;
    }

  self = g_object_new (CIRT_TYPE_INSTRUMENT, NULL);
  errors = g_ptr_array_new_with_free_func (g_free);
  ld.origin = origin;
  ld.errors = errors;
  ld.self = self;

  if (!load_root (&ld, json_node_get_object (root)))
    {
      g_autoptr(GString) msg = g_string_new (NULL);
      for (guint i = 0; i < errors->len; i++)
        {
          if (i > 0)
            g_string_append_c (msg, '\n');
          g_string_append (msg, g_ptr_array_index (errors, i));
        }
      g_set_error_literal (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_INVALID, msg->str);
      return NULL;
    }

  self->json = g_strndup (data, length);
  self->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  self->origin = g_strdup (origin);
  return g_steal_pointer (&self);
}

CirtInstrument *
cirt_instrument_new_from_file (const char  *path,
                               GError     **error)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_IO,
                   "%s", local_error->message);
      return NULL;
    }
  return cirt_instrument_new_from_data (data, length, path, error);
}

/* ------------------------------------------------------------------------ */
/* Finding instruments                                                      */

GStrv
cirt_instrument_search_path (void)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  const char *env = g_getenv ("CIRT_INSTRUMENTS_PATH");

  if (env != NULL && *env != '\0')
    {
      g_auto(GStrv) parts = g_strsplit (env, G_SEARCHPATH_SEPARATOR_S, -1);
      for (guint i = 0; parts[i]; i++)
        if (*parts[i])
          g_strv_builder_add (b, parts[i]);
    }
  {
    g_autofree char *user = g_build_filename (g_get_user_data_dir (), "cirt-assess", "instruments", NULL);
    g_autofree char *installed = g_build_filename (PKGDATADIR, "instruments", NULL);
    g_autofree char *source = g_build_filename (SOURCE_DATADIR, "instruments", NULL);
    g_strv_builder_add (b, user);
    g_strv_builder_add (b, installed);
    g_strv_builder_add (b, source);
  }
  return g_strv_builder_end (b);
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  CirtInstrument *ia = *(CirtInstrument **) a;
  CirtInstrument *ib = *(CirtInstrument **) b;
  return strcmp (ia->id, ib->id);
}

GPtrArray *
cirt_instrument_list_available (GPtrArray *problems)
{
  g_auto(GStrv) path = cirt_instrument_search_path ();
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; path[i]; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (path[i], 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        continue;
      while ((name = g_dir_read_name (dir)))
        if (g_str_has_suffix (name, ".json"))
          g_ptr_array_add (names, g_strdup (name));
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint j = 0; j < names->len; j++)
        {
          g_autofree char *file = g_build_filename (path[i], g_ptr_array_index (names, j), NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_file (file, &error);

          if (inst == NULL)
            {
              if (problems)
                g_ptr_array_add (problems, g_strdup (error->message));
              continue;
            }
          if (g_hash_table_contains (seen, inst->id))
            continue;
          g_hash_table_add (seen, g_strdup (inst->id));
          g_ptr_array_add (result, g_steal_pointer (&inst));
        }
    }
  g_ptr_array_sort (result, compare_by_id);
  return g_steal_pointer (&result);
}

CirtInstrument *
cirt_instrument_find (const char  *id_or_file,
                      GError     **error)
{
  g_auto(GStrv) path = NULL;

  g_return_val_if_fail (id_or_file != NULL, NULL);

  if (strchr (id_or_file, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (id_or_file, ".json"))
    return cirt_instrument_new_from_file (id_or_file, error);

  path = cirt_instrument_search_path ();
  for (guint i = 0; path[i]; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (path[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        continue;
      /* Files are usually named after their id: try that first, then look inside the others. */
      {
        g_autofree char *guess = g_strdup_printf ("%s/%s.json", path[i], id_or_file);
        if (g_file_test (guess, G_FILE_TEST_IS_REGULAR))
          {
            g_autoptr(CirtInstrument) inst = cirt_instrument_new_from_file (guess, error);
            if (inst == NULL)
              return NULL;
            if (strcmp (inst->id, id_or_file) == 0)
              return g_steal_pointer (&inst);
          }
      }
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *file = NULL;
          g_autoptr(CirtInstrument) inst = NULL;

          if (!g_str_has_suffix (name, ".json"))
            continue;
          file = g_build_filename (path[i], name, NULL);
          inst = cirt_instrument_new_from_file (file, NULL);
          if (inst != NULL && strcmp (inst->id, id_or_file) == 0)
            return g_steal_pointer (&inst);
        }
    }
  g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_NOT_FOUND,
               "no instrument \"%s\" (see 'cirt-assess-cli instruments')", id_or_file);
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Accessors                                                                */

const char *
cirt_instrument_get_id (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->id;
}

const char *
cirt_instrument_get_version (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->version;
}

const char *
cirt_instrument_get_sha256 (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->sha256;
}

const char *
cirt_instrument_get_json (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->json;
}

const char *
cirt_instrument_get_origin (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->origin;
}

const char *
cirt_instrument_get_title (CirtInstrument *self,
                           const char     *lang)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return cirt_text_get (self->title, lang);
}

const char *
cirt_instrument_get_description (CirtInstrument *self,
                                 const char     *lang)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return cirt_text_get (self->description, lang);
}

const char * const *
cirt_instrument_get_languages (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return (const char * const *) self->languages;
}

GPtrArray *
cirt_instrument_get_warnings (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  return self->warnings;
}

gboolean
cirt_instrument_uses_pillar (CirtInstrument *self,
                             CirtPillar      pillar,
                             double         *weight)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), FALSE);
  g_return_val_if_fail (pillar < CIRT_N_PILLARS, FALSE);
  if (weight)
    *weight = self->pillar_weight[pillar];
  return self->pillar_used[pillar];
}

const CirtLevelInfo *
cirt_instrument_get_level_info (CirtInstrument *self,
                                int             level)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (level >= 1 && level <= CIRT_N_LEVELS, NULL);
  return &self->levels[level - 1];
}

guint
cirt_instrument_get_n_sections (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), 0);
  return self->sections->len;
}

const CirtSection *
cirt_instrument_get_section (CirtInstrument *self,
                             guint           index)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  g_return_val_if_fail (index < self->sections->len, NULL);
  return g_ptr_array_index (self->sections, index);
}

guint
cirt_instrument_get_n_questions (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), 0);
  return self->n_questions;
}

guint
cirt_instrument_get_n_scored (CirtInstrument *self)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), 0);
  return self->n_scored;
}

const CirtQuestion *
cirt_instrument_lookup_question (CirtInstrument *self,
                                 const char     *question_id)
{
  g_return_val_if_fail (CIRT_IS_INSTRUMENT (self), NULL);
  if (question_id == NULL)
    return NULL;
  return g_hash_table_lookup (self->questions, question_id);
}

CirtInstrument *
cirt_question_get_instrument (const CirtQuestion *question)
{
  g_return_val_if_fail (question != NULL, NULL);
  return question->section->instrument;
}

/* ------------------------------------------------------------------------ */
/* Answer values                                                            */

const CirtOption *
cirt_question_lookup_option (const CirtQuestion *question,
                             const char         *option_id)
{
  if (question->options == NULL || option_id == NULL)
    return NULL;
  for (guint i = 0; i < question->options->len; i++)
    {
      const CirtOption *o = g_ptr_array_index (question->options, i);
      if (strcmp (o->id, option_id) == 0)
        return o;
    }
  return NULL;
}

static char *
option_list (const CirtQuestion *question)
{
  g_autoptr(GString) s = g_string_new (NULL);
  for (guint i = 0; i < question->options->len; i++)
    {
      const CirtOption *o = g_ptr_array_index (question->options, i);
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, o->id);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

#define VALUE_ERROR(...) \
  (g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_VALUE, __VA_ARGS__), (char *) NULL)

char *
cirt_question_parse_value (const CirtQuestion *question,
                           const char         *input,
                           GError            **error)
{
  g_autofree char *v = NULL;

  g_return_val_if_fail (question != NULL, NULL);

  if (input == NULL)
    return VALUE_ERROR ("%s: no value given", question->id);
  if (!g_utf8_validate (input, -1, NULL))
    return VALUE_ERROR ("%s: the value is not valid UTF-8 text", question->id);

  v = g_strstrip (g_strdup (input));

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (strlen (v) == 1 && v[0] >= '0' && v[0] <= '4')
        return g_steal_pointer (&v);
      return VALUE_ERROR ("%s: \"%s\" is not a level; a level question takes 0, 1, 2, 3 or 4", question->id, input);

    case CIRT_KIND_YESNO:
      {
        g_autofree char *lower = g_ascii_strdown (v, -1);
        if (strcmp (lower, "yes") == 0 || strcmp (lower, "partial") == 0 || strcmp (lower, "no") == 0)
          return g_steal_pointer (&lower);
        return VALUE_ERROR ("%s: \"%s\" is not an answer; this question takes yes, partial or no", question->id, input);
      }

    case CIRT_KIND_CHOICE:
      if (cirt_question_lookup_option (question, v) != NULL)
        return g_steal_pointer (&v);
      {
        g_autofree char *opts = option_list (question);
        return VALUE_ERROR ("%s: \"%s\" is not an option; this question takes one of: %s", question->id, input, opts);
      }

    case CIRT_KIND_CHECKLIST:
      {
        g_auto(GStrv) parts = g_strsplit (v, ",", -1);
        g_autoptr(GHashTable) ticked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
        g_autoptr(GString) out = g_string_new (NULL);

        for (guint i = 0; parts[i]; i++)
          {
            char *p = g_strstrip (parts[i]);
            if (*p == '\0')
              continue;
            if (cirt_question_lookup_option (question, p) == NULL)
              {
                g_autofree char *opts = option_list (question);
                return VALUE_ERROR ("%s: \"%s\" is not an option; this question takes a comma-separated list of: %s",
                                    question->id, p, opts);
              }
            g_hash_table_add (ticked, g_strdup (p));
          }
        for (guint i = 0; i < question->options->len; i++)
          {
            const CirtOption *o = g_ptr_array_index (question->options, i);
            if (g_hash_table_contains (ticked, o->id))
              {
                if (out->len)
                  g_string_append_c (out, ',');
                g_string_append (out, o->id);
              }
          }
        return g_string_free (g_steal_pointer (&out), FALSE);
      }

    case CIRT_KIND_NUMBER:
      {
        char *end = NULL;
        double d;

        errno = 0;
        d = g_ascii_strtod (v, &end);
        if (*v == '\0' || end == NULL || *end != '\0' || errno != 0 || !isfinite (d))
          return VALUE_ERROR ("%s: \"%s\" is not a number; write it with digits, e.g. 1250 or 12.5", question->id, input);
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.15g", d));
        }
      }

    case CIRT_KIND_DATE:
      {
        g_autoptr(GDateTime) dt = NULL;
        g_autofree char *iso = g_strconcat (v, "T00:00:00Z", NULL);
        if (strlen (v) == 10)
          dt = g_date_time_new_from_iso8601 (iso, NULL);
        if (dt == NULL)
          return VALUE_ERROR ("%s: \"%s\" is not a date; write it as YYYY-MM-DD, e.g. 2026-03-02", question->id, input);
        return g_date_time_format (dt, "%Y-%m-%d");
      }

    case CIRT_KIND_TEXT:
      return g_strdup (input);

    case CIRT_N_KINDS:
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

double
cirt_question_score_value (const CirtQuestion *question,
                           const char         *value)
{
  g_return_val_if_fail (question != NULL, -1);

  if (value == NULL || !cirt_kind_is_scored (question->kind))
    return -1;

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (strlen (value) == 1 && value[0] >= '0' && value[0] <= '4')
        return (value[0] - '0') / 4.0;
      return -1;
    case CIRT_KIND_YESNO:
      if (strcmp (value, "yes") == 0)
        return 1.0;
      if (strcmp (value, "partial") == 0)
        return 0.5;
      if (strcmp (value, "no") == 0)
        return 0.0;
      return -1;
    case CIRT_KIND_CHOICE:
      {
        const CirtOption *o = cirt_question_lookup_option (question, value);
        return o ? o->score : -1;
      }
    case CIRT_KIND_CHECKLIST:
      {
        g_auto(GStrv) ticked = g_strsplit (value, ",", -1);
        double total = 0, sum = 0;
        for (guint i = 0; i < question->options->len; i++)
          {
            const CirtOption *o = g_ptr_array_index (question->options, i);
            total += o->weight;
            if (g_strv_contains ((const char * const *) ticked, o->id))
              sum += o->weight;
          }
        /* All weights zero: nothing to measure, treat as fully met only if
         * everything is ticked, else not met. */
        if (total <= 0)
          return g_strv_length (ticked) == question->options->len ? 1.0 : 0.0;
        return sum / total;
      }
    case CIRT_KIND_TEXT:
    case CIRT_KIND_NUMBER:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      return -1;
    }
}

static const char *
yesno_word (const char *value,
            const char *lang)
{
  static const struct { const char *id, *en, *fr, *es; } words[] = {
    { "yes", "Yes", "Oui", "Sí" },
    { "partial", "Partial", "Partiel", "Parcial" },
    { "no", "No", "Non", "No" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (value, words[i].id) == 0)
      {
        if (lang && g_str_has_prefix (lang, "fr"))
          return words[i].fr;
        if (lang && g_str_has_prefix (lang, "es"))
          return words[i].es;
        return words[i].en;
      }
  return value;
}

char *
cirt_question_describe_value (const CirtQuestion *question,
                              const char         *value,
                              const char         *lang)
{
  g_return_val_if_fail (question != NULL, NULL);

  if (value == NULL)
    return NULL;

  switch (question->kind)
    {
    case CIRT_KIND_LEVEL:
      if (strlen (value) == 1 && value[0] >= '0' && value[0] <= '4')
        return g_strdup_printf ("%c — %s", value[0], cirt_text_get (question->level_text[value[0] - '0'], lang));
      return g_strdup (value);
    case CIRT_KIND_YESNO:
      return g_strdup (yesno_word (value, lang));
    case CIRT_KIND_CHOICE:
      {
        const CirtOption *o = cirt_question_lookup_option (question, value);
        return g_strdup (o ? cirt_text_get (o->text, lang) : value);
      }
    case CIRT_KIND_CHECKLIST:
      {
        g_auto(GStrv) ticked = g_strsplit (value, ",", -1);
        g_autoptr(GString) s = g_string_new (NULL);
        for (guint i = 0; ticked[i]; i++)
          {
            const CirtOption *o = cirt_question_lookup_option (question, ticked[i]);
            if (o == NULL)
              continue;
            if (s->len)
              g_string_append (s, "; ");
            g_string_append (s, cirt_text_get (o->text, lang));
          }
        return g_string_free (g_steal_pointer (&s), FALSE);
      }
    case CIRT_KIND_NUMBER:
      if (question->unit)
        return g_strdup_printf ("%s %s", value, cirt_text_get (question->unit, lang));
      return g_strdup (value);
    case CIRT_KIND_TEXT:
    case CIRT_KIND_DATE:
    case CIRT_N_KINDS:
    default:
      return g_strdup (value);
    }
}
