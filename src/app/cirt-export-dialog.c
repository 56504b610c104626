/* cirt-export-dialog.c — exports an assessment: workbook, report, document or chart
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writing is the core's (cirt_export_xlsx(), cirt_report_write_pdf(),
 * cirt_export_docx_write(), cirt_chart_write_file()), each through a temporary file renamed into
 * place. It runs in a worker thread on the CirtAssessmentData the session
 * loaded: that never changes once loaded, and the thread touches no
 * database. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "cirt-app-util.h"
#include "cirt-assessment-data.h"
#include "cirt-export-dialog.h"
#include "cirt-export-docx.h"
#include "cirt-export-xlsx.h"
#include "cirt-overview-style.h"
#include "cirt-redact.h"
#include "cirt-report.h"
#include "cirt-score.h"
#include "cirt-seal.h"

/* Chart images: wide enough for a slide; the height is what the chart needs. */
#define PNG_WIDTH 1200
#define SVG_WIDTH 800

/* The longest file name suggested, before the extension. */
#define MAX_NAME 120

struct _CirtExportDialog {
  AdwWindow             parent_instance;

  /* template widgets */
  AdwWindowTitle       *window_title;
  GtkButton            *cancel_button;
  GtkButton            *export_button;
  GtkSpinner           *spinner;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwPreferencesPage   *preferences_page;
  GtkCheckButton       *workbook_check;
  GtkCheckButton       *report_check;
  GtkCheckButton       *document_check;
  GtkCheckButton       *chart_check;
  AdwComboRow          *chart_row;
  AdwComboRow          *image_format_row;
  AdwComboRow          *lang_row;
  AdwComboRow          *tlp_row;
  AdwComboRow          *paper_row;
  AdwActionRow         *redact_row;
  GtkSwitch            *redact_switch;
  AdwExpanderRow       *seal_row;
  AdwEntryRow          *passphrase_row;
  AdwEntryRow          *passphrase_again_row;
  AdwEntryRow          *recipients_row;

  /* owned */
  CirtSession          *session;
  GtkFileChooserNative *chooser;
  GCancellable         *cancellable;

  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (CirtExportDialog, cirt_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The folder of the last export, for the next one (this session). */
static char *last_folder;

/* ------------------------------------------------------------------------ */
/* An export, as the worker sees it                                         */

typedef struct {
  CirtAssessmentData *data;
  char             *path;
  CirtExportTarget  target;
  CirtChartKind     chart;
  char             *lang;
  CirtTlp           tlp;
  CirtPaper         paper;
  gboolean          redact;
  CirtSeal         *seal;   /* NULL: a plain file */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->data, cirt_assessment_data_unref);
  g_clear_pointer (&job->seal, cirt_seal_free);
  g_free (job->path);
  g_free (job->lang);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static gboolean
write_chart (ExportJob  *job,
             GError    **error)
{
  CirtAssessmentData *data = job->data;
  CirtChartOptions options = { 0 };
  g_autofree char *lower = g_ascii_strdown (job->path, -1);
  int width = g_str_has_suffix (lower, ".svg") ? SVG_WIDTH : PNG_WIDTH;
  int height;

  options.lang = job->lang;
  options.baseline = data->baseline;
  options.font_scale = 1.0;
  options.seal = job->seal;
  height = (int) ceil (cirt_chart_natural_height (job->chart, data->score, job->lang, width));
  return cirt_chart_write_file (job->chart, data->score, &options, job->path, width, MAX (height, 1), error);
}

static gboolean
run_job (ExportJob  *job,
         GError    **error)
{
  CirtExportOptions options;

  cirt_export_options_init (&options);
  options.lang = job->lang;
  options.tlp = job->tlp;
  options.paper = job->paper;
  options.seal = job->seal;
  /* Redaction runs here, in the worker: it reads every text of the
   * assessment. */
  if (job->redact && job->target != CIRT_EXPORT_TARGET_CHART)
    {
      CirtAssessmentData *redacted = cirt_assessment_data_redact (job->data, cirt_lang_get (job->lang));
      cirt_assessment_data_unref (job->data);
      job->data = redacted;
    }
  switch (job->target)
    {
    case CIRT_EXPORT_TARGET_WORKBOOK:
      return cirt_export_xlsx (job->data, &options, job->path, NULL, error);
    case CIRT_EXPORT_TARGET_REPORT:
      return cirt_report_write_pdf (job->data, &options, job->path, NULL, error);
    case CIRT_EXPORT_TARGET_DOCUMENT:
      return cirt_export_docx_write (job->data, &options, job->path, error);
    case CIRT_EXPORT_TARGET_CHART:
    default:
      return write_chart (job, error);
    }
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;

  if (!run_job (job, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static guint
n_languages (void)
{
  return g_strv_length ((char **) cirt_lang_available ());
}

static char *
slug (const char *text)
{
  return cirt_app_slug (text, G_MAXSIZE);
}

/* @title's slug without the words of @country (titles often name it). */
static char *
remove_words (const char *title,
              const char *country)
{
  size_t n = strlen (country);
  const char *p = title;

  if (n == 0)
    return g_strdup (title);
  while ((p = strstr (p, country)) != NULL)
    {
      gboolean start = p == title || p[-1] == '-';
      gboolean end = p[n] == '\0' || p[n] == '-';

      if (start && end)
        {
          g_autofree char *before = g_strndup (title, (gsize) (p - title));
          g_autofree char *joined = g_strconcat (before, "-", p + n, NULL);
          return slug (joined);
        }
      p++;
    }
  return g_strdup (title);
}

static CirtChartKind
chart_kind (CirtExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->chart_row);
  return i <= CIRT_CHART_COVERAGE ? (CirtChartKind) i : CIRT_CHART_RADAR;
}

static gboolean
chart_is_svg (CirtExportDialog *self)
{
  return adw_combo_row_get_selected (self->image_format_row) == 1;
}

static void
show_error (CirtExportDialog *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
set_busy (CirtExportDialog *self,
          gboolean          busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preferences_page), !busy);
  gtk_window_set_deletable (GTK_WINDOW (self), !busy);
  gtk_button_set_label (self->export_button, busy ? _("Exporting…") : _("_Export…"));
}

static void
update_sensitivity (CirtExportDialog *self)
{
  CirtExportTarget target = cirt_export_dialog_get_target (self);
  guint tlp = adw_combo_row_get_selected (self->tlp_row);

  gtk_widget_set_sensitive (GTK_WIDGET (self->chart_row), target == CIRT_EXPORT_TARGET_CHART);
  gtk_widget_set_sensitive (GTK_WIDGET (self->image_format_row), target == CIRT_EXPORT_TARGET_CHART);
  /* A chart carries no marking, no paper size and no names. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->redact_row), target != CIRT_EXPORT_TARGET_CHART);
  gtk_widget_set_sensitive (GTK_WIDGET (self->tlp_row), target != CIRT_EXPORT_TARGET_CHART);
  gtk_widget_set_sensitive (GTK_WIDGET (self->paper_row), target != CIRT_EXPORT_TARGET_CHART);
  if (tlp < CIRT_N_TLP)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tlp_row), cirt_tlp_meaning ((CirtTlp) tlp, cirt_lang_for_locale ()));
}

/* The seal the rows ask for: NULL without @error when sealing is off; NULL
 * with @error when the passphrases differ or a key cannot be used. */
static CirtSeal *
make_seal (CirtExportDialog  *self,
           GError           **error)
{
  const char *pass = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_row));
  const char *again = gtk_editable_get_text (GTK_EDITABLE (self->passphrase_again_row));
  const char *recipients = gtk_editable_get_text (GTK_EDITABLE (self->recipients_row));
  g_autoptr(CirtSeal) seal = NULL;
  g_auto(GStrv) keys = NULL;

  if (!adw_expander_row_get_enable_expansion (self->seal_row))
    return NULL;
  seal = cirt_seal_new ();
  if (g_strcmp0 (pass, again) != 0)
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE, _("the two passphrases differ"));
      return NULL;
    }
  if (*pass != '\0' && !cirt_seal_set_passphrase (seal, pass, error))
    return NULL;
  keys = g_strsplit_set (recipients, ",;", -1);
  for (guint i = 0; keys[i]; i++)
    {
      g_strstrip (keys[i]);
      if (*keys[i] != '\0' && !cirt_seal_add_recipient (seal, keys[i], error))
        return NULL;
    }
  if (!cirt_seal_is_set (seal))
    {
      g_set_error (error, CIRT_SEAL_ERROR, CIRT_SEAL_ERROR_NEED_PASSPHRASE,
                   _("to seal the file, type a passphrase or give a recipient’s key"));
      return NULL;
    }
  return g_steal_pointer (&seal);
}

/* The export to @path of the assessment as it is now; NULL with @error when
 * it cannot be read. */
static ExportJob *
make_job (CirtExportDialog  *self,
          const char        *path,
          GError           **error)
{
  CirtAssessmentData *data = cirt_session_get_data (self->session, error);
  ExportJob *job;
  CirtExportOptions options;

  g_autoptr(CirtSeal) seal = NULL;
  g_autoptr(GError) seal_error = NULL;

  if (data == NULL)
    return NULL;
  seal = make_seal (self, &seal_error);
  if (seal_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&seal_error));
      return NULL;
    }
  job = g_new0 (ExportJob, 1);
  cirt_export_dialog_get_options (self, &options);
  /* The report prints the head of the history's chain: read once, here. */
  job->data = cirt_assessment_data_with_history (data, cirt_session_get_store (self->session), error);
  if (job->data == NULL)
    {
      g_free (job);
      return NULL;
    }
  job->path = g_strdup (path);
  job->target = cirt_export_dialog_get_target (self);
  job->chart = chart_kind (self);
  job->lang = g_strdup (options.lang);
  job->tlp = options.tlp;
  job->paper = options.paper;
  job->redact = gtk_switch_get_active (self->redact_switch);
  job->seal = g_steal_pointer (&seal);
  return job;
}

static char *
describe_failure (CirtExportDialog *self,
                  const GError     *error)
{
  switch (cirt_export_dialog_get_target (self))
    {
    case CIRT_EXPORT_TARGET_WORKBOOK:
      /* translators: %s is the reason */
      return g_strdup_printf (_("The workbook was not written: %s"), error->message);
    case CIRT_EXPORT_TARGET_REPORT:
      /* translators: %s is the reason */
      return g_strdup_printf (_("The report was not written: %s"), error->message);
    case CIRT_EXPORT_TARGET_DOCUMENT:
      /* translators: %s is the reason */
      return g_strdup_printf (_("The document was not written: %s"), error->message);
    case CIRT_EXPORT_TARGET_CHART:
    default:
      /* translators: %s is the reason */
      return g_strdup_printf (_("The chart was not written: %s"), error->message);
    }
}

static GtkWidget *
find_toast_overlay (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_toast_overlay (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* ------------------------------------------------------------------------ */
/* Signal handlers                                                           */

static void
on_open_clicked_cb (AdwToast  *toast,
                    GtkWindow *parent)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "cirt-uri");

  if (uri != NULL)
    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}

/* Default handler of "exported": the toast in the parent window. */
static void
cirt_export_dialog_real_exported (CirtExportDialog *self,
                                  const char       *path)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkWidget *overlay = parent ? find_toast_overlay (GTK_WIDGET (parent)) : NULL;
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwToast *toast;

  if (overlay == NULL)
    return;
  /* translators: toast after an export; %s is the file name */
  title = g_strdup_printf (_("“%s” exported"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data_full (G_OBJECT (toast), "cirt-uri", g_file_get_uri (file), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_open_clicked_cb), parent, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CirtExportDialog *self = CIRT_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (job->path);

  /* Destroyed meanwhile (with its parent window): the file is written or
   * not, and there is no one left to tell. */
  if (g_cancellable_is_cancelled (g_task_get_cancellable (G_TASK (result))))
    return;
  set_busy (self, FALSE);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *message = describe_failure (self, error);
      show_error (self, message);
      return;
    }
  g_signal_emit (self, signals[EXPORTED], 0, path);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_chooser_response_cb (GtkNativeDialog  *native,
                        int               response,
                        CirtExportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *suffix = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  gtk_native_dialog_destroy (native);
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Choose a folder on this computer: the file cannot be written to that location."));
      return;
    }
  /* A name typed without its extension gets it: the format follows it. */
  lower = g_ascii_strdown (path, -1);
  suffix = g_strconcat (".", cirt_export_dialog_get_extension (self), NULL);
  if (!g_str_has_suffix (lower, suffix) &&
      !(adw_expander_row_get_enable_expansion (self->seal_row) && g_str_has_suffix (lower, ".gpg")))
    {
      char *with = g_strconcat (path, suffix, NULL);
      g_free (path);
      path = with;
    }
  /* A sealed file is named for what it is: report.pdf.gpg. */
  if (adw_expander_row_get_enable_expansion (self->seal_row))
    {
      char *sealed = cirt_seal_file_name (path);
      g_free (path);
      path = sealed;
    }
  g_free (last_folder);
  last_folder = g_path_get_dirname (path);
  cirt_export_dialog_start_export (self, path);
}

static void
on_export_clicked_cb (CirtExportDialog *self)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = cirt_export_dialog_get_suggested_name (self);
  g_autofree char *pattern = g_strconcat ("*.", cirt_export_dialog_get_extension (self), NULL);
  const char *folder = last_folder ? last_folder : g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (self->busy || self->chooser != NULL)
    return;
  show_error (self, NULL);
  /* A passphrase typed twice differently or a key that cannot be used is
   * said before the file is chosen. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(CirtSeal) seal = make_seal (self, &error);
    if (error != NULL)
      {
        /* translators: %s is the reason */
        g_autofree char *message = g_strdup_printf (_("The file cannot be sealed: %s"), error->message);
        show_error (self, message);
        return;
      }
  }
  native = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  switch (cirt_export_dialog_get_target (self))
    {
    case CIRT_EXPORT_TARGET_WORKBOOK:
      gtk_file_filter_set_name (filter, _("Excel Workbooks"));
      break;
    case CIRT_EXPORT_TARGET_REPORT:
      gtk_file_filter_set_name (filter, _("PDF Documents"));
      break;
    case CIRT_EXPORT_TARGET_DOCUMENT:
      gtk_file_filter_set_name (filter, _("Word Documents"));
      break;
    case CIRT_EXPORT_TARGET_CHART:
    default:
      gtk_file_filter_set_name (filter, chart_is_svg (self) ? _("SVG Drawings") : _("PNG Pictures"));
      break;
    }
  if (adw_expander_row_get_enable_expansion (self->seal_row))
    {
      char *sealed = g_strconcat (pattern, ".gpg", NULL);
      g_free (pattern);
      pattern = sealed;
      gtk_file_filter_set_name (filter, _("Sealed Files (OpenPGP)"));
    }
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  if (folder != NULL && g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), dir, NULL);
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_chooser_response_cb), self);
  self->chooser = native;
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
on_target_toggled_cb (CirtExportDialog *self)
{
  show_error (self, NULL);
  update_sensitivity (self);
}

static void
on_option_changed_cb (CirtExportDialog *self)
{
  update_sensitivity (self);
}

static void
on_seal_toggled_cb (CirtExportDialog *self)
{
  show_error (self, NULL);
  /* Turned on, it opens to be filled in. */
  if (adw_expander_row_get_enable_expansion (self->seal_row))
    adw_expander_row_set_expanded (self->seal_row, TRUE);
}

static void
on_seal_changed_cb (CirtExportDialog *self)
{
  show_error (self, NULL);
}

/* ------------------------------------------------------------------------ */
/* GtkWindow, GObject                                                        */

static gboolean
cirt_export_dialog_close_request (GtkWindow *window)
{
  CirtExportDialog *self = CIRT_EXPORT_DIALOG (window);

  /* The export finishes first (it takes a second or two): a half-closed
   * dialog would have nowhere to show an error. */
  if (self->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (cirt_export_dialog_parent_class)->close_request (window);
}

static void
cirt_export_dialog_dispose (GObject *object)
{
  CirtExportDialog *self = CIRT_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_EXPORT_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (cirt_export_dialog_parent_class)->dispose (object);
}

static void
cirt_export_dialog_class_init (CirtExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = cirt_export_dialog_dispose;
  window_class->close_request = cirt_export_dialog_close_request;

  signals[EXPORTED] =
    g_signal_new_class_handler ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                G_CALLBACK (cirt_export_dialog_real_exported),
                                NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, preferences_page);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, workbook_check);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, report_check);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, document_check);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, chart_check);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, chart_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, image_format_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, lang_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, tlp_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, redact_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, redact_switch);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, seal_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, passphrase_again_row);
  gtk_widget_class_bind_template_child (widget_class, CirtExportDialog, recipients_row);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_target_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seal_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_seal_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cirt_export_dialog_init (CirtExportDialog *self)
{
  g_autoptr(GtkStringList) langs = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) tlps = gtk_string_list_new (NULL);
  const char * const *codes = cirt_lang_available ();
  cirt_overview_style_ensure ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  /* Each language in its own name: the assessor looks for the ministry's. */
  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (langs, cirt_lang_get_name (cirt_lang_lookup (codes[i])));
  adw_combo_row_set_model (self->lang_row, G_LIST_MODEL (langs));
  for (CirtTlp t = 0; t < CIRT_N_TLP; t++)
    gtk_string_list_append (tlps, cirt_tlp_label (t));
  adw_combo_row_set_model (self->tlp_row, G_LIST_MODEL (tlps));

  update_sensitivity (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                                */

GtkWidget *
cirt_export_dialog_new (GtkWindow   *parent,
                        CirtSession *session)
{
  CirtExportDialog *self;
  CirtExportOptions options;
  g_autofree char *setting = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (CIRT_IS_SESSION (session), NULL);

  self = g_object_new (CIRT_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  adw_window_title_set_subtitle (self->window_title, cirt_session_get_info (session)->title);
  cirt_export_options_init (&options);
  setting = g_settings_get_string (cirt_context_get_settings (cirt_session_get_context (session)), "report-language");
  options.lang = cirt_lang_get_code (cirt_lang_get (setting));
  cirt_export_dialog_set_options (self, &options);
  return GTK_WIDGET (self);
}

CirtExportTarget
cirt_export_dialog_get_target (CirtExportDialog *self)
{
  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), CIRT_EXPORT_TARGET_WORKBOOK);

  if (gtk_check_button_get_active (self->report_check))
    return CIRT_EXPORT_TARGET_REPORT;
  if (gtk_check_button_get_active (self->document_check))
    return CIRT_EXPORT_TARGET_DOCUMENT;
  if (gtk_check_button_get_active (self->chart_check))
    return CIRT_EXPORT_TARGET_CHART;
  return CIRT_EXPORT_TARGET_WORKBOOK;
}

void
cirt_export_dialog_set_target (CirtExportDialog *self,
                               CirtExportTarget  target)
{
  g_return_if_fail (CIRT_IS_EXPORT_DIALOG (self));

  switch (target)
    {
    case CIRT_EXPORT_TARGET_REPORT:
      gtk_check_button_set_active (self->report_check, TRUE);
      break;
    case CIRT_EXPORT_TARGET_DOCUMENT:
      gtk_check_button_set_active (self->document_check, TRUE);
      break;
    case CIRT_EXPORT_TARGET_CHART:
      gtk_check_button_set_active (self->chart_check, TRUE);
      break;
    case CIRT_EXPORT_TARGET_WORKBOOK:
    default:
      gtk_check_button_set_active (self->workbook_check, TRUE);
      break;
    }
}

void
cirt_export_dialog_set_chart (CirtExportDialog *self,
                              CirtChartKind     kind,
                              gboolean          svg)
{
  g_return_if_fail (CIRT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (kind <= CIRT_CHART_COVERAGE);

  adw_combo_row_set_selected (self->chart_row, kind);
  adw_combo_row_set_selected (self->image_format_row, svg ? 1 : 0);
}

void
cirt_export_dialog_get_options (CirtExportDialog  *self,
                                CirtExportOptions *options)
{
  const char * const *codes = cirt_lang_available ();
  guint lang = adw_combo_row_get_selected (self->lang_row);
  guint tlp = adw_combo_row_get_selected (self->tlp_row);
  guint paper = adw_combo_row_get_selected (self->paper_row);

  g_return_if_fail (CIRT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (options != NULL);

  cirt_export_options_init (options);
  if (lang < n_languages ())
    options->lang = codes[lang];
  if (tlp < CIRT_N_TLP)
    options->tlp = (CirtTlp) tlp;
  if (paper < CIRT_N_PAPERS)
    options->paper = (CirtPaper) paper;
}

gboolean
cirt_export_dialog_set_options (CirtExportDialog        *self,
                                const CirtExportOptions *options)
{
  const char * const *codes = cirt_lang_available ();
  const char *lang;

  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->tlp < CIRT_N_TLP && options->paper < CIRT_N_PAPERS, FALSE);

  if (cirt_lang_lookup (options->lang ? options->lang : "en") == NULL)
    return FALSE;
  lang = cirt_lang_get_code (cirt_lang_lookup (options->lang ? options->lang : "en"));
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_strcmp0 (codes[i], lang) == 0)
      adw_combo_row_set_selected (self->lang_row, i);
  adw_combo_row_set_selected (self->tlp_row, options->tlp);
  adw_combo_row_set_selected (self->paper_row, options->paper);
  return TRUE;
}

const char *
cirt_export_dialog_get_extension (CirtExportDialog *self)
{
  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), NULL);

  switch (cirt_export_dialog_get_target (self))
    {
    case CIRT_EXPORT_TARGET_WORKBOOK:
      return "xlsx";
    case CIRT_EXPORT_TARGET_REPORT:
      return "pdf";
    case CIRT_EXPORT_TARGET_DOCUMENT:
      return "docx";
    case CIRT_EXPORT_TARGET_CHART:
    default:
      return chart_is_svg (self) ? "svg" : "png";
    }
}

char *
cirt_export_dialog_get_suggested_name (CirtExportDialog *self)
{
  static const char * const chart_suffix[] = { "radar", "sections", "coverage" };
  const CirtAssessmentInfo *info;
  g_autofree char *country = NULL;
  g_autofree char *title = NULL;
  g_autofree char *full_title = NULL;
  g_autofree char *date = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_autofree char *name = NULL;

  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), NULL);

  info = cirt_session_get_info (self->session);
  if (info != NULL)
    {
      const char *day = info->ended_on ? info->ended_on : info->started_on;

      country = slug (info->country);
      full_title = slug (info->title);
      title = remove_words (full_title, country);
      if (day != NULL)
        date = slug (day);
    }
  if (date == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      date = g_date_time_format (now, "%Y-%m-%d");
    }
  if (country != NULL && *country)
    g_ptr_array_add (parts, country);
  if (title != NULL && *title)
    g_ptr_array_add (parts, title);
  if (parts->len == 0)
    g_ptr_array_add (parts, (gpointer) "assessment");
  g_ptr_array_add (parts, NULL);
  name = g_strjoinv ("-", (char **) parts->pdata);
  if (strlen (name) > MAX_NAME)
    {
      /* Cut at a word. */
      char *dash;
      name[MAX_NAME] = '\0';
      dash = strrchr (name, '-');
      if (dash != NULL && dash > name)
        *dash = '\0';
    }
  if (cirt_export_dialog_get_target (self) == CIRT_EXPORT_TARGET_CHART)
    return g_strdup_printf ("%s-%s-%s.%s%s", name, date, chart_suffix[chart_kind (self)],
                            cirt_export_dialog_get_extension (self),
                            adw_expander_row_get_enable_expansion (self->seal_row) ? ".gpg" : "");
  return g_strdup_printf ("%s-%s.%s%s", name, date, cirt_export_dialog_get_extension (self),
                          adw_expander_row_get_enable_expansion (self->seal_row) ? ".gpg" : "");
}

gboolean
cirt_export_dialog_export_to (CirtExportDialog  *self,
                              const char        *path,
                              GError           **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  job = make_job (self, path, error);
  return job != NULL && run_job (job, error);
}

void
cirt_export_dialog_start_export (CirtExportDialog *self,
                                 const char       *path)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  g_return_if_fail (CIRT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (path != NULL);
  g_return_if_fail (!self->busy);

  show_error (self, NULL);
  if ((job = make_job (self, path, &error)) == NULL)
    {
      g_autofree char *message = describe_failure (self, error);
      show_error (self, message);
      return;
    }
  set_busy (self, TRUE);
  task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  g_task_set_source_tag (task, cirt_export_dialog_start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
cirt_export_dialog_get_busy (CirtExportDialog *self)
{
  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), FALSE);
  return self->busy;
}

const char *
cirt_export_dialog_get_error_text (CirtExportDialog *self)
{
  g_return_val_if_fail (CIRT_IS_EXPORT_DIALOG (self), NULL);
  return gtk_revealer_get_reveal_child (self->error_revealer) ? gtk_label_get_label (self->error_label) : NULL;
}
