/* test-docx.c — the report as an editable Word document: a sound package
 * with every part, XML that libxml2 parses, real styles, a TOC field, the
 * TLP marking in every section's header and footer, charts at print
 * resolution with alt text, hostile text kept as text, read back with
 * python-docx; redaction, sealing, private files, failures that leave
 * nothing
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <pango/pangocairo.h>
#include <cairo.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include "cirt-export-docx.h"
#include "cirt-export-private.h"
#include "cirt-test-gpg.h"
#include "cirt-test-util.h"

#define PYTHON "/usr/bin/python3"

/* A note no document may take for markup: an element, the end of a CDATA
 * section, a control character, bytes that are not UTF-8, a formula, a
 * second line and a tab. */
#define HOSTILE_NOTE "Seen <w:p><w:r><w:t>injected</w:t></w:r></w:p> and ]]> then \x01 and \xff\xfe bytes =1+1\nline two\tafter a tab & <b>"
#define HOSTILE_TITLE "Mission =1+1 & <w:body> ]]>"

static char *db;
static char *id;

static void
save (CirtStore  *store,
      const char *question,
      const char *value,
      const char *notes)
{
  g_autoptr(CirtAnswer) a = cirt_answer_new (question);
  g_autoptr(GError) error = NULL;

  a->value = g_strdup (value);
  a->notes = g_strdup (notes);
  a->evidence = g_strdup ("Decree 2025/114");
  a->author = g_strdup ("Zoë Tester");
  ck_assert_msg (cirt_store_save_answer (store, id, a, &error), "%s: %s", question, error ? error->message : "");
}

/* mini.json, every question answered (so the answers are the appendix's
 * rows), one stakeholder. */
static void
setup (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = NULL;
  g_autoptr(GPtrArray) insts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(CirtAssessmentInfo) info = cirt_assessment_info_new ();
  g_autoptr(CirtStakeholder) s = cirt_stakeholder_new ();

  db = cirt_test_tmp_path ("docx.db");
  store = cirt_store_open (db, &error);
  ck_assert_msg (store != NULL, "%s", error ? error->message : "");
  g_ptr_array_add (insts, cirt_test_load_fixture ("mini.json"));
  info->title = g_strdup (HOSTILE_TITLE);
  info->country = g_strdup ("République d'Exemple");
  info->organisation = g_strdup ("Ministry of \"Digital\" Affairs");
  info->lead_assessor = g_strdup ("Ana O'Brien");
  info->started_on = g_strdup ("2026-03-02");
  id = cirt_store_create_assessment (store, info, insts, &error);
  ck_assert_msg (id != NULL, "%s", error ? error->message : "");
  save (store, "T-LAW-1", "1", "The decree is a draft.");
  save (store, "T-LAW-2", "partial", "=1+1");
  save (store, "T-OPS-1", "adhoc", "Line one\nLine two");
  save (store, "T-OPS-2", "energy,finance", NULL);
  save (store, "T-CTX-1", "<w:p>text answer</w:p>", NULL);
  save (store, "T-CTX-2", "1234", NULL);
  save (store, "T-CTX-3", "2026-01-15", NULL);
  ck_assert (cirt_store_set_target (store, id, CIRT_PILLAR_LEGAL, 3, &error));
  s->name = g_strdup ("Kofi Mensah");
  s->organisation = g_strdup ("National Bank");
  s->sector = g_strdup ("Finance");
  s->notes = g_strdup ("Met <w:p> at the bank");
  ck_assert (cirt_store_add_stakeholder (store, id, s, &error) > 0);
}

static void
teardown (void)
{
  g_clear_pointer (&db, g_free);
  g_clear_pointer (&id, g_free);
}

/* The assessment as the export sees it, with the hostile note put into
 * T-LAW-1 as it is in memory (the store refuses text that is not UTF-8, so
 * the writer is given it directly: it must cope with whatever it gets). */
static CirtAssessmentData *
load_hostile (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirtStore) store = cirt_store_open (db, &error);
  CirtAssessmentData *data;
  CirtAnswer *a;

  ck_assert (store != NULL);
  data = cirt_assessment_data_load (store, id, CIRT_LOAD_DOCUMENT, &error);
  ck_assert_msg (data != NULL, "%s", error ? error->message : "");
  a = g_hash_table_lookup (data->answers, "T-LAW-1");
  ck_assert_ptr_nonnull (a);
  g_free (a->notes);
  a->notes = g_strdup (HOSTILE_NOTE);
  return data;
}

static void
write_docx (const char *path,
            const char *lang,
            CirtTlp     tlp,
            CirtPaper   paper)
{
  g_autoptr(CirtAssessmentData) data = load_hostile ();
  g_autoptr(GError) error = NULL;
  CirtExportOptions options;

  cirt_export_options_init (&options);
  options.lang = lang;
  options.tlp = tlp;
  options.paper = paper;
  ck_assert_msg (cirt_export_docx_write (data, &options, path, &error), "%s", error ? error->message : "");
}

/* The part @name of the package; NULL when it has none. */
static GBytes *
read_part (const char *path,
           const char *name)
{
  int err = 0;
  zip_t *zip = zip_open (path, ZIP_RDONLY | ZIP_CHECKCONS, &err);
  zip_stat_t st;
  zip_file_t *f;
  guint8 *buf;

  ck_assert_msg (zip != NULL, "%s is not a sound ZIP package (libzip error %d)", path, err);
  if (zip_stat (zip, name, 0, &st) < 0)
    {
      zip_discard (zip);
      return NULL;
    }
  f = zip_fopen (zip, name, 0);
  ck_assert_ptr_nonnull (f);
  buf = g_malloc (st.size + 1);
  ck_assert_int_eq (zip_fread (f, buf, st.size), (zip_int64_t) st.size);
  buf[st.size] = 0;
  zip_fclose (f);
  zip_discard (zip);
  return g_bytes_new_take (buf, st.size);
}

static xmlDocPtr
parse_part (const char *path,
            const char *name)
{
  g_autoptr(GBytes) bytes = read_part (path, name);
  xmlDocPtr doc;

  ck_assert_msg (bytes != NULL, "no part %s", name);
  doc = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes), name, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  ck_assert_msg (doc != NULL, "%s does not parse as XML", name);
  return doc;
}

static xmlXPathObjectPtr
xpath (xmlDocPtr   doc,
       const char *expr)
{
  xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
  xmlXPathObjectPtr result;

  xmlXPathRegisterNs (ctx, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
  xmlXPathRegisterNs (ctx, BAD_CAST "r", BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
  xmlXPathRegisterNs (ctx, BAD_CAST "wp", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
  xmlXPathRegisterNs (ctx, BAD_CAST "a", BAD_CAST "http://schemas.openxmlformats.org/drawingml/2006/main");
  xmlXPathRegisterNs (ctx, BAD_CAST "rel", BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  result = xmlXPathEvalExpression (BAD_CAST expr, ctx);
  xmlXPathFreeContext (ctx);
  ck_assert_msg (result != NULL, "bad XPath %s", expr);
  return result;
}

static int
count (xmlDocPtr   doc,
       const char *expr)
{
  xmlXPathObjectPtr r = xpath (doc, expr);
  int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
  xmlXPathFreeObject (r);
  return n;
}

/* The text of the nodes @expr selects, each followed by "\n". */
static char *
texts (xmlDocPtr   doc,
       const char *expr)
{
  xmlXPathObjectPtr r = xpath (doc, expr);
  GString *s = g_string_new (NULL);

  for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++)
    {
      xmlChar *t = xmlNodeGetContent (r->nodesetval->nodeTab[i]);
      g_string_append_printf (s, "%s\n", (const char *) t);
      xmlFree (t);
    }
  xmlXPathFreeObject (r);
  return g_string_free (s, FALSE);
}

/* The text of every paragraph, runs joined, breaks as "\n", tabs as "\t". */
static GPtrArray *
paragraph_texts (xmlDocPtr doc)
{
  xmlXPathObjectPtr r = xpath (doc, "//w:p");
  GPtrArray *list = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; r->nodesetval && i < r->nodesetval->nodeNr; i++)
    {
      GString *s = g_string_new (NULL);
      xmlXPathContextPtr ctx = xmlXPathNewContext (doc);
      xmlXPathObjectPtr pieces;

      xmlXPathRegisterNs (ctx, BAD_CAST "w", BAD_CAST "http://schemas.openxmlformats.org/wordprocessingml/2006/main");
      ctx->node = r->nodesetval->nodeTab[i];
      pieces = xmlXPathEvalExpression (BAD_CAST ".//w:t | .//w:br | .//w:tab", ctx);
      for (int k = 0; pieces->nodesetval && k < pieces->nodesetval->nodeNr; k++)
        {
          xmlNodePtr n = pieces->nodesetval->nodeTab[k];
          if (xmlStrEqual (n->name, BAD_CAST "br"))
            g_string_append_c (s, '\n');
          else if (xmlStrEqual (n->name, BAD_CAST "tab"))
            g_string_append_c (s, '\t');
          else
            {
              xmlChar *t = xmlNodeGetContent (n);
              g_string_append (s, (const char *) t);
              xmlFree (t);
            }
        }
      xmlXPathFreeObject (pieces);
      xmlXPathFreeContext (ctx);
      g_ptr_array_add (list, g_string_free (s, FALSE));
    }
  xmlXPathFreeObject (r);
  return list;
}

static gboolean
has_paragraph (GPtrArray  *paragraphs,
               const char *text)
{
  for (guint i = 0; i < paragraphs->len; i++)
    if (strstr (g_ptr_array_index (paragraphs, i), text) != NULL)
      return TRUE;
  return FALSE;
}


static void
assert_private (const char *path)
{
  GStatBuf st;

  ck_assert_int_eq (g_stat (path, &st), 0);
  ck_assert_msg ((st.st_mode & 0777) == 0600, "%s has mode %o", path, st.st_mode & 0777);
}

/* ------------------------------------------------------------------------ */

START_TEST (test_clean_text)
{
  struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "tab\tand\nnewline", "tab\tand\nnewline" },
    { "a\r\nb\rc", "a\nb\nc" },
    { "bell\x07 nul-ish\x01 esc\x1b", "bell\xef\xbf\xbd nul-ish\xef\xbf\xbd esc\xef\xbf\xbd" },
    { "bad \xff\xfe end", "bad \xef\xbf\xbd\xef\xbf\xbd end" },
    { "lone surrogate \xed\xa0\x80!", NULL },
    { "non-characters \xef\xbf\xbe\xef\xbf\xbf", "non-characters \xef\xbf\xbd\xef\xbf\xbd" },
    { "<w:p>]]>&amp;", "<w:p>]]>&amp;" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cirt_export_docx_clean_text (cases[i].in);
      ck_assert (g_utf8_validate (got, -1, NULL));
      if (cases[i].out)
        ck_assert_str_eq (got, cases[i].out);
      else
        ck_assert_msg (g_str_has_prefix (got, "lone surrogate \xef\xbf\xbd") && g_str_has_suffix (got, "!"), "%s", got);
    }
  {
    g_autofree char *empty = cirt_export_docx_clean_text (NULL);
    ck_assert_str_eq (empty, "");
  }
}
END_TEST

START_TEST (test_package)
{
  g_autofree char *path = cirt_test_tmp_path ("report.docx");
  const char *parts[] = {
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml",
    "word/settings.xml", "word/numbering.xml", "word/header1.xml", "word/header2.xml", "word/footer1.xml",
    "docProps/core.xml", "docProps/app.xml",
  };
  const char *styles[] = { "Normal", "Title", "Subtitle", "Heading1", "Heading2", "Heading3", "Caption", "TLP",
                           "TOC1", "TOC2", "TOC3", "TOCHeading", "Header", "Footer", "ListBullet" };
  xmlDocPtr doc, st, rels;
  g_autofree char *instr = NULL;
  g_autoptr(GPtrArray) paragraphs = NULL;
  g_autofree char *clean = cirt_export_docx_clean_text (HOSTILE_NOTE);

  write_docx (path, "en", CIRT_TLP_AMBER_STRICT, CIRT_PAPER_A4);
  assert_private (path);

  /* Every part, each well-formed. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    xmlFreeDoc (parse_part (path, parts[i]));

  /* Real styles, the table style among them. */
  st = parse_part (path, "word/styles.xml");
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      g_autofree char *e = g_strdup_printf ("//w:style[@w:styleId='%s']", styles[i]);
      ck_assert_msg (count (st, e) == 1, "no style %s", styles[i]);
    }
  ck_assert_int_eq (count (st, "//w:style[@w:type='table' and @w:styleId='CirtTable']/w:tblStylePr[@w:type='firstRow']"), 1);
  ck_assert_int_eq (count (st, "//w:style[@w:styleId='Heading1']/w:name[@w:val='heading 1']"), 1);
  ck_assert_int_eq (count (st, "//w:style[@w:styleId='TLP']/w:rPr/w:color[@w:val='FFC000']"), 1);
  ck_assert_int_eq (count (st, "//w:style[@w:styleId='TLP']/w:rPr/w:shd[@w:fill='000000']"), 1);
  xmlFreeDoc (st);
  st = parse_part (path, "word/settings.xml");
  ck_assert_int_eq (count (st, "//w:updateFields[@w:val='true']"), 1);
  xmlFreeDoc (st);

  doc = parse_part (path, "word/document.xml");
  /* A real TOC field: begin, the instruction, separate, its entries, end. */
  instr = texts (doc, "//w:instrText");
  ck_assert_msg (strstr (instr, " TOC \\o \"1-3\" \\h \\z \\u ") != NULL, "no TOC field: %s", instr);
  ck_assert_int_eq (count (doc, "//w:p[w:pPr/w:pStyle/@w:val='TOC1']//w:fldChar[@w:fldCharType='begin']"), 1);
  ck_assert_int_eq (count (doc, "//w:p[w:pPr/w:pStyle/@w:val='TOC1']//w:fldChar[@w:fldCharType='separate']"), 1);
  ck_assert_int_ge (count (doc, "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]//w:fldChar[@w:fldCharType='end']"), 1);
  ck_assert_int_ge (count (doc, "//w:p[starts-with(w:pPr/w:pStyle/@w:val, 'TOC')]//w:hyperlink[starts-with(@w:anchor, '_Toc')]"), 10);
  {
    /* A chapter each: summary, the pillars used, roadmap, methodology, stakeholders, appendix. */
    g_autoptr(CirtAssessmentData) data = load_hostile ();
    g_autoptr(GPtrArray) chapters = cirt_export_chapters (cirt_lang_default (), data);
    ck_assert_int_eq (chapters->len, 8);
    ck_assert_int_eq (count (doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']"), chapters->len);
    ck_assert_int_eq (count (doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']/w:bookmarkStart[starts-with(@w:name, '_Toc')]"),
                      chapters->len);
  }

  /* Sections: A4, each with its header and footer. */
  ck_assert_int_eq (count (doc, "//w:sectPr"), 2);
  ck_assert_int_eq (count (doc, "//w:sectPr/w:pgSz[@w:w='11906' and @w:h='16838']"), 2);
  ck_assert_int_eq (count (doc, "//w:sectPr[w:headerReference[@w:type='default'] and w:footerReference[@w:type='default']]"), 2);
  rels = parse_part (path, "word/_rels/document.xml.rels");
  {
    xmlXPathObjectPtr r = xpath (doc, "//w:sectPr/w:headerReference/@r:id | //w:sectPr/w:footerReference/@r:id");
    ck_assert_int_eq (r->nodesetval->nodeNr, 4);
    for (int i = 0; i < r->nodesetval->nodeNr; i++)
      {
        xmlChar *rid = xmlNodeGetContent (r->nodesetval->nodeTab[i]);
        g_autofree char *e = g_strdup_printf ("//rel:Relationship[@Id='%s']/@Target", (const char *) rid);
        g_autofree char *target = texts (rels, e);
        g_autofree char *name = NULL;
        xmlDocPtr hf;
        g_autofree char *text = NULL;

        g_strchomp (target);
        ck_assert_msg (*target, "relationship %s has no target", (const char *) rid);
        name = g_strconcat ("word/", target, NULL);
        hf = parse_part (path, name);
        text = texts (hf, "//w:p[w:pPr/w:pStyle/@w:val='TLP']");
        ck_assert_msg (strstr (text, "TLP:AMBER+STRICT\n") != NULL, "%s has no TLP marking: %s", name, text);
        if (strstr (name, "footer"))
          {
            g_autofree char *fields = texts (hf, "//w:instrText");
            ck_assert_msg (strstr (fields, " PAGE ") && strstr (fields, " NUMPAGES "), "%s: no page fields: %s", name, fields);
          }
        xmlFreeDoc (hf);
        xmlFree (rid);
      }
    xmlXPathFreeObject (r);
  }

  /* Tables are Word tables with a header row that repeats. */
  ck_assert_int_ge (count (doc, "//w:tbl"), 10);
  ck_assert_int_eq (count (doc, "//w:tbl[w:tr[1]/w:trPr/w:tblHeader or w:tblPr/w:tblLook/@w:firstRow='0']"),
                    count (doc, "//w:tbl"));
  ck_assert_int_ge (count (doc, "//w:tbl/w:tblPr/w:tblStyle[@w:val='CirtTable']"), 10);

  /* Two charts, each with its alt text, at 200 dpi or more. */
  ck_assert_int_eq (count (doc, "//wp:inline"), 2);
  ck_assert_int_eq (count (doc, "//wp:inline/wp:docPr[string-length(@descr) > 40]"), 2);
  {
    g_autofree char *descr = texts (doc, "//wp:inline/wp:docPr/@descr");
    ck_assert_msg (strstr (descr, "Maturity by pillar. Legal: ") != NULL, "radar alt text: %s", descr);
    ck_assert_msg (strstr (descr, "Maturity by section. ") != NULL, "sections alt text: %s", descr);
  }
  for (guint i = 1; i <= 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("word/media/image%u.png", i);
      g_autofree char *e = g_strdup_printf ("(//wp:inline/wp:extent/@cx)[%u]", i);
      g_autofree char *cx = texts (doc, e);
      g_autoptr(GBytes) png = read_part (path, name);
      const guint8 *p;
      guint32 width;
      double inches = g_ascii_strtod (cx, NULL) / 914400.0;

      ck_assert_msg (png != NULL, "no %s", name);
      p = g_bytes_get_data (png, NULL);
      ck_assert (memcmp (p, "\x89PNG", 4) == 0);
      width = (guint32) p[16] << 24 | (guint32) p[17] << 16 | (guint32) p[18] << 8 | p[19];
      ck_assert_msg (width / inches >= 199.5, "%s: %u px over %.2f in is %.0f dpi", name, width, inches, width / inches);
    }

  /* Hostile text is text: the note whole in one paragraph (breaks and tab
   * as Word's), its "<w:p>" no element, its control character and bad bytes
   * replaced; no element came out of it. */
  paragraphs = paragraph_texts (doc);
  ck_assert_msg (has_paragraph (paragraphs, clean), "the hostile note is not in the document as text");
  ck_assert_str_eq (clean, "Seen <w:p><w:r><w:t>injected</w:t></w:r></w:p> and ]]> then \xef\xbf\xbd and "
                           "\xef\xbf\xbd\xef\xbf\xbd bytes =1+1\nline two\tafter a tab & <b>");
  ck_assert_msg (has_paragraph (paragraphs, "<w:p>text answer</w:p>"), "the text answer is not text");
  ck_assert_msg (has_paragraph (paragraphs, "Mission =1+1 & <w:body> ]]>"), "the title is not text");
  ck_assert_msg (has_paragraph (paragraphs, "Met <w:p> at the bank"), "the stakeholder's note is not text");
  ck_assert_msg (has_paragraph (paragraphs, "=1+1"), "the formula-like note is not text");
  ck_assert_int_eq (count (doc, "//w:t[contains(., 'injected')]"), 2);   /* findings and appendix */
  ck_assert_int_eq (count (doc, "//w:body//w:body"), 0);
  xmlFreeDoc (rels);
  xmlFreeDoc (doc);

  /* The properties. */
  doc = parse_part (path, "docProps/core.xml");
  {
    g_autofree char *title = texts (doc, "/*/*[local-name()='title']");
    ck_assert_str_eq (title, HOSTILE_TITLE "\n");
  }
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_readback)
{
  g_autofree char *path = cirt_test_tmp_path ("readback.docx");
  g_autofree char *expect_path = cirt_test_tmp_path ("expect.json");
  g_autofree char *script = g_build_filename (g_getenv ("CIRT_SOURCE_ROOT"), "tests", "readback_docx.py", NULL);
  g_autofree char *out = NULL, *err = NULL, *json = NULL;
  g_autofree char *clean = cirt_export_docx_clean_text (HOSTILE_NOTE);
  g_autoptr(CirtAssessmentData) data = load_hostile ();
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) chapters = cirt_export_chapters (cirt_lang_default (), data);
  guint n_answers = g_hash_table_size (data->answers), n_questions = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < data->instruments->len; i++)
    n_questions += cirt_instrument_get_n_questions (g_ptr_array_index (data->instruments, i));
  ck_assert_uint_eq (n_answers, n_questions);   /* every question answered */
  ck_assert (cirt_export_docx_write (data, NULL, path, &error));

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "chapters");
  json_builder_begin_array (b);
  for (guint i = 0; i < chapters->len; i++)
    {
      CirtChapter *c = g_ptr_array_index (chapters, i);
      g_autofree char *t = g_strdup_printf ("%s %s", c->number, c->title);
      json_builder_add_string_value (b, t);
    }
  json_builder_end_array (b);
  json_builder_set_member_name (b, "pillars");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, "Legal");
  json_builder_add_string_value (b, "Technical and Procedural");
  json_builder_end_array (b);
  json_builder_set_member_name (b, "tlp");
  json_builder_add_string_value (b, "TLP:AMBER");
  json_builder_set_member_name (b, "answers");
  json_builder_add_int_value (b, n_answers);
  json_builder_set_member_name (b, "texts");
  json_builder_begin_array (b);
  json_builder_add_string_value (b, clean);
  json_builder_add_string_value (b, "=1+1");
  json_builder_add_string_value (b, "Line one\nLine two");
  json_builder_add_string_value (b, HOSTILE_TITLE);
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json = json_generator_to_data (gen, NULL);
  ck_assert (g_file_set_contents (expect_path, json, -1, NULL));
  {
    const char *argv[] = { PYTHON, script, path, expect_path, NULL };
    int rc = cirt_test_run (argv, &out, &err);
    ck_assert_msg (rc == 0, "readback_docx.py: exit %d: %s", rc, err);
  }
  ck_assert_msg (strstr (out, "\"appendix_rows\": 7") || strstr (out, "\"appendix_rows\":7"), "%s", out);

  /* The read-back can fail: a document whose appendix lost a row does. */
  {
    g_autofree char *wrong = g_strdup_printf ("\"answers\":%u", n_answers);
    g_autofree char *less = g_strdup_printf ("\"answers\":%u", n_answers - 1);
    GString *s = g_string_new (json);
    g_autofree char *bad = NULL;
    const char *argv[] = { PYTHON, script, path, expect_path, NULL };
    g_string_replace (s, wrong, less, 1);
    bad = g_string_free (s, FALSE);
    ck_assert_str_ne (bad, json);
    ck_assert (g_file_set_contents (expect_path, bad, -1, NULL));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    ck_assert_int_eq (cirt_test_run (argv, &out, &err), 1);
    ck_assert_msg (strstr (err, "the appendix has 7 rows") != NULL, "%s", err);
  }
}
END_TEST

START_TEST (test_cli)
{
  g_autofree char *docx = cirt_test_tmp_path ("rapport.docx"), *pdf = cirt_test_tmp_path ("rapport.pdf");
  g_autofree char *xlsx = cirt_test_tmp_path ("classeur.xlsx");
  g_autofree char *out = NULL, *err = NULL, *body = NULL, *header = NULL;
  xmlDocPtr doc;

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "export", "--help", NULL), 0);
  ck_assert_msg (strstr (out, "--docx") != NULL, "%s", out);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--docx", docx, "--pdf", docx, NULL), 2);
  ck_assert_msg (!g_file_test (docx, G_FILE_TEST_EXISTS), "a usage error wrote a file");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--docx", docx, "--xlsx", xlsx, "--pdf", pdf,
                                    "--lang", "fr", "--tlp", "red", "--paper", "letter", NULL) == 0, "%s", err);
  /* Each file written, one a line. */
  ck_assert_msg (strstr (out, xlsx) && strstr (out, pdf) && strstr (out, docx), "%s", out);
  assert_private (docx);
  doc = parse_part (docx, "word/document.xml");
  ck_assert_int_eq (count (doc, "//w:sectPr/w:pgSz[@w:w='12240' and @w:h='15840']"), 2);
  body = texts (doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']");
  ck_assert_msg (strstr (body, "1 Résumé analytique\n") && strstr (body, "Mesures juridiques"), "%s", body);
  ck_assert_msg (strstr (body, "Executive summary") == NULL, "English in the French document: %s", body);
  xmlFreeDoc (doc);
  doc = parse_part (docx, "word/footer1.xml");
  header = texts (doc, "//w:t");
  ck_assert_msg (strstr (header, "Page \n") && strstr (header, " sur \n") && strstr (header, "TLP:RED"), "%s", header);
  xmlFreeDoc (doc);
  doc = parse_part (docx, "word/styles.xml");
  ck_assert_int_eq (count (doc, "//w:docDefaults//w:lang[@w:val='fr-FR']"), 1);
  ck_assert_int_eq (count (doc, "//w:style[@w:styleId='TLP']/w:rPr/w:color[@w:val='FF2B2B']"), 1);
  xmlFreeDoc (doc);
}
END_TEST

/* Arabic: paragraphs and tables right to left, runs marked right to left,
 * the document's language Arabic; Chinese: its language and an East Asian
 * font; English: none of the right-to-left marks. The headings in the
 * language in each. */
START_TEST (test_rtl_and_cjk)
{
  g_autofree char *ar = cirt_test_tmp_path ("ar.docx"), *zh = cirt_test_tmp_path ("zh.docx");
  g_autofree char *en = cirt_test_tmp_path ("en.docx"), *body = NULL;
  xmlDocPtr doc;

  write_docx (ar, "ar", CIRT_TLP_AMBER, CIRT_PAPER_A4);
  write_docx (zh, "zh", CIRT_TLP_AMBER, CIRT_PAPER_A4);
  write_docx (en, "en", CIRT_TLP_AMBER, CIRT_PAPER_A4);

  doc = parse_part (ar, "word/document.xml");
  ck_assert_int_gt (count (doc, "//w:body/w:p[w:pPr/w:bidi]"), 50);
  ck_assert_int_eq (count (doc, "//w:body/w:p[w:pPr/w:pStyle/@w:val='Heading1' and not(w:pPr/w:bidi)]"), 0);
  ck_assert_int_eq (count (doc, "//w:tbl[not(w:tblPr/w:bidiVisual)]"), 0);
  ck_assert_int_gt (count (doc, "//w:tbl"), 3);
  body = texts (doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']");
  ck_assert_msg (strstr (body, cirt_lang_str (cirt_lang_lookup ("ar"), CIRT_STR_EXEC_SUMMARY)) != NULL, "%s", body);
  xmlFreeDoc (doc);
  doc = parse_part (ar, "word/styles.xml");
  ck_assert_int_eq (count (doc, "//w:docDefaults//w:lang[starts-with(@w:bidi, 'ar')]"), 1);
  xmlFreeDoc (doc);

  doc = parse_part (zh, "word/styles.xml");
  ck_assert_int_eq (count (doc, "//w:docDefaults//w:lang[@w:val='zh-CN' and @w:eastAsia='zh-CN']"), 1);
  ck_assert_int_eq (count (doc, "//w:docDefaults//w:rFonts[@w:eastAsia]"), 1);
  xmlFreeDoc (doc);
  g_clear_pointer (&body, g_free);
  doc = parse_part (zh, "word/document.xml");
  body = texts (doc, "//w:p[w:pPr/w:pStyle/@w:val='Heading1']");
  ck_assert_msg (strstr (body, cirt_lang_str (cirt_lang_lookup ("zh"), CIRT_STR_EXEC_SUMMARY)) != NULL, "%s", body);
  ck_assert_int_eq (count (doc, "//w:bidi | //w:bidiVisual"), 0);
  xmlFreeDoc (doc);

  doc = parse_part (en, "word/document.xml");
  ck_assert_int_eq (count (doc, "//w:bidi | //w:bidiVisual | //w:rtl"), 0);
  xmlFreeDoc (doc);
}
END_TEST

START_TEST (test_redacted)
{
  g_autoptr(GPtrArray) names = cirt_test_sample_names ();
  g_autofree char *out = NULL, *err = NULL, *sample_db = cirt_test_tmp_path ("sample.db"), *sample = NULL;
  g_autofree char *plain = cirt_test_tmp_path ("plain.docx"), *redacted = cirt_test_tmp_path ("redacted.docx");
  g_autofree char *p = NULL, *r = NULL;
  const char *argv_plain[] = {
    PYTHON, "-c",
    "import sys, zipfile\n"
    "z = zipfile.ZipFile(sys.argv[1])\n"
    "sys.stdout.write('\\n'.join(z.read(n).decode('utf-8') for n in z.namelist() if not n.endswith('.png')))\n",
    plain, NULL,
  };
  const char *argv_redacted[] = { argv_plain[0], argv_plain[1], argv_plain[2], redacted, NULL };

  ck_assert_int_eq (cirt_test_run_cli (&out, &err, "--db", sample_db, "demo", NULL), 0);
  sample = g_strdup (g_strstrip (out));
  g_clear_pointer (&err, g_free);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", sample_db, "export", sample, "--docx", plain, NULL) == 0, "%s", err);
  g_clear_pointer (&err, g_free);
  ck_assert_msg (cirt_test_run_cli (NULL, &err, "--db", sample_db, "export", sample, "--docx", redacted, "--redact",
                                    NULL) == 0, "%s", err);
  ck_assert_int_eq (cirt_test_run (argv_plain, &p, NULL), 0);
  ck_assert_int_eq (cirt_test_run (argv_redacted, &r, NULL), 0);
  /* Every part of the document, its properties included. */
  for (guint i = 0; i < names->len; i++)
    ck_assert_msg (strstr (p, g_ptr_array_index (names, i)) != NULL, "the plain document lacks %s",
                   (char *) g_ptr_array_index (names, i));
  cirt_test_assert_no_names ("the redacted document", r, names);
  ck_assert_ptr_nonnull (strstr (r, "This copy is redacted"));
  ck_assert_ptr_null (strstr (p, "This copy is redacted"));
  ck_assert_ptr_nonnull (strstr (r, "Lead assessor"));
  ck_assert_ptr_null (strstr (r, "visible mistrust at institutional level"));   /* an internal note */
}
END_TEST

START_TEST (test_sealed)
{
  g_autoptr(CirtTestKeyring) keyring = cirt_test_keyring_new ("alice", "alice@example.org");
  g_autofree char *dir = cirt_test_tmp_path ("sealed");
  g_autofree char *docx = g_build_filename (dir, "report.docx", NULL);
  g_autofree char *sealed = g_build_filename (dir, "report.docx.gpg", NULL);
  g_autofree char *plain = cirt_test_tmp_path ("opened.docx");
  g_autofree char *pass = cirt_test_write_tmp ("pass", "correct horse battery staple\n");
  g_autofree char *out = NULL, *err = NULL, *clear = NULL;
  gsize len = 0;

  ck_assert_int_eq (g_mkdir (dir, 0700), 0);
  g_setenv ("GNUPGHOME", keyring->home, TRUE);
  ck_assert_msg (cirt_test_run_cli (&out, &err, "--db", db, "export", id, "--docx", docx, "--seal-passphrase-file", pass,
                                    "--seal-to", keyring->fingerprint, NULL) == 0, "%s", err);
  ck_assert_str_eq (g_strstrip (out), sealed);
  g_clear_pointer (&err, g_free);
  ck_assert (!g_file_test (docx, G_FILE_TEST_EXISTS));
  assert_private (sealed);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    ck_assert_str_eq (g_dir_read_name (d), "report.docx.gpg");
    ck_assert_ptr_null (g_dir_read_name (d));
  }
  /* gpg opens it, with the key and with the passphrase, into the package. */
  ck_assert_int_eq (cirt_test_gpg (keyring, &clear, &len, &err, "--decrypt", sealed, NULL), 0);
  ck_assert (len > 4 && memcmp (clear, "PK\003\004", 4) == 0);
  g_clear_pointer (&clear, g_free);
  g_clear_pointer (&err, g_free);
  ck_assert_int_eq (cirt_test_gpg (keyring, &clear, &len, &err, "--pinentry-mode", "loopback", "--passphrase-file", pass,
                                   "--decrypt", sealed, NULL), 0);
  ck_assert_msg (strstr (err, "not integrity protected") == NULL, "%s", err);
  ck_assert (g_file_set_contents (plain, clear, (gssize) len, NULL));
  xmlFreeDoc (parse_part (plain, "word/document.xml"));
  g_unsetenv ("GNUPGHOME");
}
END_TEST

/* LibreOffice opens it and lays it out: the marking at the top and the
 * bottom of every page, "Page N of M" from the fields, the charts, the
 * hostile note as typed. */
START_TEST (test_libreoffice)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *path = cirt_test_tmp_path ("lo.docx");
  g_autofree char *outdir = cirt_test_tmp_path ("lo-out");
  g_autofree char *profile_dir = cirt_test_tmp_path ("lo-profile");
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s", profile_dir);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strndup (base, strlen (base) - strlen (".docx"));
  g_autofree char *pdf_name = g_strconcat (stem, ".pdf", NULL);
  g_autofree char *pdf = g_build_filename (outdir, pdf_name, NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr(GString) all = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  guint n_pages = 0;

  if (soffice == NULL)
    {
      fprintf (stderr, "SKIP test_libreoffice: soffice (LibreOffice Writer) is not installed\n");
      return;
    }
  write_docx (path, "en", CIRT_TLP_AMBER, CIRT_PAPER_A4);
  {
    const char *argv[] = { soffice, profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", outdir,
                           path, NULL };
    int rc = cirt_test_run (argv, &out, &err);
    ck_assert_msg (rc == 0, "soffice: exit %d: %s", rc, err);
  }
  ck_assert_msg (g_file_test (pdf, G_FILE_TEST_IS_REGULAR), "LibreOffice wrote no PDF: %s\n%s", out, err);
  pages = cirt_test_pdf_pages (pdf, &n_pages);
  ck_assert_uint_ge (n_pages, 8);
  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *label = g_strdup_printf ("Page %u of %u", i + 1, n_pages);
      const char *first = strstr (pages[i], "TLP:AMBER");
      ck_assert_msg (first != NULL && strstr (first + 1, "TLP:AMBER") != NULL,
                     "LibreOffice page %u: the marking is not in both header and footer:\n%s", i + 1, pages[i]);
      ck_assert_msg (strstr (pages[i], label) != NULL, "LibreOffice page %u: no \"%s\"", i + 1, label);
      g_string_append (all, pages[i]);
    }
  ck_assert_msg (strstr (pages[0], "République d'Exemple") != NULL, "no country on the cover");
  ck_assert_msg (strstr (pages[1], "Contents") != NULL, "no contents on page 2");
  ck_assert_msg (strstr (all->str, "<w:p><w:r><w:t>injected</w:t></w:r></w:p> and ]]> then") != NULL,
                 "the hostile note is not shown as typed");
  ck_assert_msg (strstr (all->str, "=1+1") != NULL, "the formula-like note is not shown");
}
END_TEST

static void
limit_file_size (gpointer data)
{
  struct rlimit rl = { 40 * 1024, 40 * 1024 };

  /* A disk that fills up half way: writes past 40 KiB fail with EFBIG. */
  signal (SIGXFSZ, SIG_IGN);
  setrlimit (RLIMIT_FSIZE, &rl);
}

START_TEST (test_failures_leave_nothing)
{
  g_autoptr(CirtAssessmentData) data = load_hostile ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = cirt_test_tmp_path ("fail");
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "r.docx", NULL);
  g_autofree char *docx = g_build_filename (dir, "r.docx", NULL);
  g_autofree char *err = NULL, *content = NULL;
  CirtExportOptions options;

  ck_assert_int_eq (g_mkdir (dir, 0700), 0);
  ck_assert (!cirt_export_docx_write (data, NULL, missing, &error));
  ck_assert_msg (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND), "%s", error->message);
  g_clear_error (&error);
  ck_assert (!cirt_export_docx_write (data, NULL, dir, &error));
  ck_assert_ptr_nonnull (error);
  g_clear_error (&error);
  cirt_export_options_init (&options);
  options.lang = "de";
  ck_assert (!cirt_export_docx_write (data, &options, docx, &error));
  ck_assert (g_error_matches (error, CIRT_EXPORT_ERROR, CIRT_EXPORT_ERROR_OPTION));
  g_clear_error (&error);
  ck_assert (!g_file_test (docx, G_FILE_TEST_EXISTS));

  /* The disk fills up while writing: the export fails, no temporary file
   * stays, and the file that was there is untouched. */
  ck_assert (g_file_set_contents (docx, "previous document", -1, NULL));
  {
    const char *argv[] = { g_getenv ("CIRT_CLI"), "--db", db, "export", id, "--docx", docx, NULL };
    int status = 0;
    ck_assert (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, limit_file_size, NULL, NULL, &err,
                             &status, NULL));
    ck_assert_msg (WIFEXITED (status) && WEXITSTATUS (status) == 1, "exit %d: %s", status, err);
    ck_assert_msg (strstr (err, "r.docx") != NULL, "%s", err);
  }
  ck_assert (g_file_get_contents (docx, &content, NULL, NULL));
  ck_assert_str_eq (content, "previous document");
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    ck_assert_str_eq (g_dir_read_name (d), "r.docx");
    ck_assert_ptr_null (g_dir_read_name (d));
  }
}
END_TEST

static Suite *
docx_suite (void)
{
  Suite *s = suite_create ("docx");
  TCase *tc;

  tc = tcase_create ("text");
  tcase_add_test (tc, test_clean_text);
  suite_add_tcase (s, tc);

  tc = tcase_create ("files");
  tcase_add_checked_fixture (tc, setup, teardown);
  tcase_set_timeout (tc, 240);
  tcase_add_test (tc, test_package);
  tcase_add_test (tc, test_readback);
  tcase_add_test (tc, test_rtl_and_cjk);
  tcase_add_test (tc, test_cli);
  tcase_add_test (tc, test_redacted);
  tcase_add_test (tc, test_sealed);
  tcase_add_test (tc, test_failures_leave_nothing);
  tcase_add_test (tc, test_libreoffice);
  suite_add_tcase (s, tc);
  return s;
}

int
main (void)
{
  int status;

  cirt_test_setup_env ();
  status = cirt_test_run_suite (docx_suite ());
  if (g_getenv ("CIRT_FREE_CACHES"))
    {
      pango_cairo_font_map_set_default (NULL);
      cairo_debug_reset_static_data ();
      xmlCleanupParser ();
    }
  return status;
}
