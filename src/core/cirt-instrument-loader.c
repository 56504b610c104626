/* cirt-instrument-loader.c — an instrument validated from JSON: every
 * problem reported with its JSON path, nothing half-loaded
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "cirt-instrument-private.h"

#include <glib/gi18n-lib.h>

#include "cirt-records.h"
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "cirt-json.h"
#include "cirt-lang.h"

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
  g_ptr_array_add (ld->errors, cirt_shorten_message (g_strdup_printf ("%s: %s: %s", ld->origin, path, msg)));
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
        problem (ld, p, _("unknown key \"%s\""), (const char *) l->data);
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
        problem (ld, p, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      problem (ld, p, _("must be a string"));
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
          problem (ld, p, _("missing"));
          return FALSE;
        }
      return TRUE;
    }
  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    {
      problem (ld, p, _("must be a number"));
      return FALSE;
    }
  *out = json_node_get_double (node);
  if (!isfinite (*out))
    {
      problem (ld, p, _("must be a finite number"));
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
      problem (ld, p, _("weight %g is negative; weights must be ≥ 0"), *out);
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
        problem (ld, p, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (ld, p, _("must be an array"));
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
      problem (ld, path, _("must be an object"));
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
        problem (ld, p, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (ld, p, _("must be an object of language → text, e.g. {\"en\": \"…\"}"));
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
          problem (ld, lp, _("must be a string"));
          ok = FALSE;
          continue;
        }
      {
        g_autofree char *copy = g_strstrip (g_strdup (json_node_get_string (v)));
        if (*copy == '\0')
          {
            problem (ld, lp, _("empty text"));
            ok = FALSE;
            continue;
          }
      }
      if (!g_utf8_validate (json_node_get_string (v), -1, NULL))
        {
          problem (ld, lp, _("not valid UTF-8"));
          ok = FALSE;
          continue;
        }
      cirt_text_set (text, lang, json_node_get_string (v));
    }
  if (!cirt_text_has (text, "en"))
    {
      problem (ld, p, _("missing English (\"en\") text"));
      ok = FALSE;
    }
  if (!ok)
    return NULL;
  if (ld->self->languages)
    for (guint i = 0; ld->self->languages[i]; i++)
      if (!cirt_text_has (text, ld->self->languages[i]))
        g_ptr_array_add (ld->self->warnings,
                         /* translators: a missing translation in an instrument file:
                          * "FILE: sections[0].title: no \"fr\" text" */
                         g_strdup_printf (_("%s: %s: no \"%s\" text"), ld->origin, p,
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
      problem (ld, p, _("a %s question needs at least 2 options"), cirt_kind_to_string (q->kind));
    }
  q->options = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_option_free);
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
            problem (ld, ip, _("option id \"%s\" must be lower-case letters, digits, '-' or '_'"), id);
          else if (g_hash_table_contains (seen, id))
            problem (ld, ip, _("duplicate option id \"%s\""), id);
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
              problem (ld, sp, _("score %g is outside [0, 1]"), opt->score);
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
      problem (ld, p, _("a level question needs exactly five levels, 0 to 4 (found %u)"), n);
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
          problem (ld, p, _("levels must be 0, 1, 2, 3, 4 in order; expected %u, found %g"), i, level);
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
        problem (ld, p, _("question id \"%s\" must be upper-case letters, digits, '-' or '.'"), id);
      else if (g_hash_table_contains (seen_ids, id))
        problem (ld, p, _("duplicate id \"%s\""), id);
      else
        g_hash_table_add (seen_ids, g_strdup (id));
    }
  q->id = g_strdup (id);

  kind = get_string (ld, qobj, qpath, "kind", TRUE);
  if (kind != NULL && !cirt_kind_from_string (kind, &q->kind))
    {
      g_autofree char *p = join_path (qpath, "kind");
      problem (ld, p, _("unknown kind \"%s\" (expected level, yesno, choice, checklist, text, number or date)"), kind);
      kind = NULL;
    }

  get_weight (ld, qobj, qpath, "weight", &q->weight);

  node = json_object_get_member (qobj, "critical");
  if (node != NULL)
    {
      g_autofree char *p = join_path (qpath, "critical");
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        problem (ld, p, _("must be true or false"));
      else
        q->critical = json_node_get_boolean (node);
      if (q->critical && kind != NULL && !cirt_kind_is_scored (q->kind))
        problem (ld, p, _("only scored questions can be critical"));
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
          problem (ld, p, _("only level questions have levels"));
        }
      if (q->kind == CIRT_KIND_CHOICE || q->kind == CIRT_KIND_CHECKLIST)
        load_options (ld, qobj, qpath, q);
      else if (has_options)
        {
          g_autofree char *p = join_path (qpath, "options");
          problem (ld, p, _("only choice and checklist questions have options"));
        }
      if (q->kind == CIRT_KIND_NUMBER)
        q->unit = get_text (ld, qobj, qpath, "unit", FALSE);
      else if (has_unit)
        {
          g_autofree char *p = join_path (qpath, "unit");
          problem (ld, p, _("only number questions have a unit"));
        }
    }

  phase = get_string (ld, qobj, qpath, "phase", FALSE);
  if (phase != NULL && !cirt_phase_from_string (phase, &q->phase))
    {
      g_autofree char *p = join_path (qpath, "phase");
      problem (ld, p, _("unknown phase \"%s\" (expected design, establishment or enhancement)"), phase);
    }

  node = json_object_get_member (qobj, "refs");
  if (node != NULL)
    {
      g_autofree char *p = join_path (qpath, "refs");
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

      if (!JSON_NODE_HOLDS_ARRAY (node))
        problem (ld, p, _("must be an array of strings"));
      else
        {
          JsonArray *refs = json_node_get_array (node);
          for (guint i = 0; i < json_array_get_length (refs); i++)
            {
              JsonNode *r = json_array_get_element (refs, i);
              if (!JSON_NODE_HOLDS_VALUE (r) || json_node_get_value_type (r) != G_TYPE_STRING)
                {
                  g_autofree char *rp = index_path (qpath, "refs", i);
                  problem (ld, rp, _("must be a string"));
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
        problem (ld, p, _("must be an array of stakeholder group ids"));
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
                  problem (ld, gp, _("must be a string"));
                  continue;
                }
              group = json_node_get_string (g);
              if (!cirt_stakeholder_group_is_valid (group))
                {
                  g_autofree char *list = g_strjoinv (", ", (char **) cirt_stakeholder_groups ());
                  problem (ld, gp, _("unknown stakeholder group \"%s\" (expected one of %s)"), group, list);
                }
              else if (g_ptr_array_find_with_equal_func (groups, group, g_str_equal, NULL))
                problem (ld, gp, _("\"%s\" is listed twice"), group);
              else
                g_ptr_array_add (groups, (gpointer) group);
            }
        }
      g_ptr_array_add (groups, NULL);
      q->ask = g_strdupv ((char **) groups->pdata);
    }
  return q;
}

/* The default name of level @level in every language the program has. */
static CirtText *
default_level_name (int level)
{
  static const CirtString ids[CIRT_N_LEVELS] = {
    CIRT_STR_LEVEL_NAME_1, CIRT_STR_LEVEL_NAME_2, CIRT_STR_LEVEL_NAME_3, CIRT_STR_LEVEL_NAME_4,
    CIRT_STR_LEVEL_NAME_5,
  };
  const char * const *codes = cirt_lang_available ();
  CirtText *text = cirt_text_new ();

  for (guint i = 0; codes[i] != NULL; i++)
    cirt_text_set (text, codes[i], cirt_lang_str (cirt_lang_get (codes[i]), ids[level - 1]));
  return text;
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
          self->levels[i].name = default_level_name (i + 1);
        }
      return;
    }
  if (json_array_get_length (levels) != CIRT_N_LEVELS)
    {
      problem (ld, "levels", _("exactly five levels are needed (found %u)"), json_array_get_length (levels));
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
          problem (ld, p, _("levels must be 1 to 5 in order; expected %u, found %g"), i + 1, level);
        }
      if (get_number (ld, lobj, lpath, "min", TRUE, 0, &min))
        {
          g_autofree char *p = join_path (lpath, "min");
          if (min < 0 || min > 100)
            problem (ld, p, _("threshold %g is outside 0–100"), min);
          else if (i == 0 && min != 0)
            problem (ld, p, _("the first level must start at 0"));
          else if (i > 0 && min <= self->levels[i - 1].min)
            problem (ld, p, _("thresholds must ascend: %g is not above %g"), min, self->levels[i - 1].min);
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
    problem (ld, "pillars", _("at least one pillar is needed"));
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
          problem (ld, p, _("unknown pillar \"%s\" (expected legal, technical, organizational, capacity or cooperation)"), id);
          continue;
        }
      if (ld->self->pillar_used[pillar])
        {
          g_autofree char *p = join_path (ppath, "id");
          problem (ld, p, _("pillar \"%s\" is listed twice"), id);
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
    problem (ld, "sections", _("at least one section is needed"));
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
      s->questions = g_ptr_array_new_with_free_func ((GDestroyNotify) _cirt_question_free);
      s->instrument = self;
      s->index = self->sections->len;
      g_ptr_array_add (self->sections, s);

      id = get_string (ld, sobj, spath, "id", TRUE);
      if (id != NULL)
        {
          g_autofree char *p = join_path (spath, "id");
          if (!valid_id (id, FALSE))
            problem (ld, p, _("section id \"%s\" must be lower-case letters, digits or '-'"), id);
          else if (g_hash_table_contains (section_ids, id))
            problem (ld, p, _("duplicate section id \"%s\""), id);
          g_hash_table_add (section_ids, (gpointer) id);
        }
      s->id = g_strdup (id);

      pillar = get_string (ld, sobj, spath, "pillar", TRUE);
      if (pillar != NULL)
        {
          g_autofree char *p = join_path (spath, "pillar");
          if (!cirt_pillar_from_string (pillar, &s->pillar))
            problem (ld, p, _("unknown pillar \"%s\" (expected legal, technical, organizational, capacity or cooperation)"), pillar);
          else if (!self->pillar_used[s->pillar])
            problem (ld, p, _("pillar \"%s\" is not listed in the instrument's pillars"), pillar);
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
          problem (ld, p, _("empty section: at least one question is needed"));
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
    problem (ld, "format", _("\"%s\" is not \"cirt-instrument\""), format);
  if (get_number (ld, root, "", "format_version", TRUE, 0, &format_version) && format_version != 1)
    problem (ld, "format_version", _("version %g is not supported (this program reads version 1)"), format_version);

  id = get_string (ld, root, "", "id", TRUE);
  if (id != NULL && !valid_id (id, FALSE))
    problem (ld, "id", _("instrument id \"%s\" must be lower-case letters, digits or '-'"), id);
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
              problem (ld, p, _("must be a language code such as \"en\" or \"fr\""));
              continue;
            }
          has_en |= strcmp (l, "en") == 0;
          g_strv_builder_add (b, l);
        }
      if (!has_en)
        problem (ld, "languages", _("must include \"en\""));
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
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  Loader ld;

  g_return_val_if_fail (data != NULL, NULL);

  if (origin == NULL)
    origin = "<instrument>";
  if (length < 0)
    length = strlen (data);

  root = cirt_json_parse (data, length, CIRT_INSTRUMENT_MAX_BYTES, origin, &local_error);
  if (root == NULL)
    {
      g_set_error_literal (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_PARSE, local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CIRT_INSTRUMENT_ERROR, CIRT_INSTRUMENT_ERROR_INVALID,
                   _("%s: $: the top level must be a JSON object"), origin);
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

  if (!cirt_json_read_file (path, CIRT_INSTRUMENT_MAX_BYTES, &data, &length, &local_error))
    {
      g_set_error_literal (error, CIRT_INSTRUMENT_ERROR,
                           g_error_matches (local_error, CIRT_JSON_ERROR, CIRT_JSON_ERROR_TOO_LARGE) ?
                           CIRT_INSTRUMENT_ERROR_PARSE : CIRT_INSTRUMENT_ERROR_IO, local_error->message);
      return NULL;
    }
  return cirt_instrument_new_from_data (data, length, path, error);
}

