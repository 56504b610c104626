/* cirt-assessment-sidebar.c — the list of assessments, searchable and sorted
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "cirt-app-util.h"
#include "cirt-assessment-item.h"
#include "cirt-assessment-row.h"
#include "cirt-assessment-sidebar.h"

struct _CirtAssessmentSidebar {
  GtkWidget           parent_instance;

  /* template widgets */
  GtkSearchEntry     *search_entry;
  GtkStack           *stack;
  GtkListView        *list_view;
  GtkMenuButton      *primary_button;
  GtkMenuButton      *sort_button;
  GMenuModel         *primary_menu;
  GMenuModel         *sort_menu;

  /* owned */
  CirtStore          *store;
  GListStore         *items;        /* CirtAssessmentItem, unsorted */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkCustomSorter    *sorter;
  GtkSortListModel   *sorted;
  GtkSingleSelection *selection;
  GHashTable         *by_id;        /* id (owned copy) → CirtAssessmentItem (borrowed from @items) */
  GHashTable         *dirty;        /* ids to re-read */
  char               *selected_id;
  char               *hidden_id;
  char               *order;
  GStrv               query;        /* folded search words */

  guint               refresh_source;
  gboolean            show_end_title_buttons;
};

G_DEFINE_FINAL_TYPE (CirtAssessmentSidebar, cirt_assessment_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_SHOW_END_TITLE_BUTTONS,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CirtAssessmentSidebar *self = user_data;
  CirtAssessmentItem *a = item;

  if (self->hidden_id != NULL && g_strcmp0 (cirt_assessment_item_get_id (a), self->hidden_id) == 0)
    return FALSE;
  return cirt_assessment_item_matches (a, self->query);
}

static int
sort_func (gconstpointer a,
           gconstpointer b,
           gpointer      user_data)
{
  CirtAssessmentSidebar *self = user_data;
  return cirt_assessment_item_compare ((CirtAssessmentItem *) a, (CirtAssessmentItem *) b, self->order);
}

static void
update_stack (CirtAssessmentSidebar *self)
{
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->items));
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  if (self->hidden_id != NULL && g_hash_table_contains (self->by_id, self->hidden_id))
    total--;
  gtk_stack_set_visible_child_name (self->stack, shown ? "list" : total ? "no-results" : "empty");
}

static void
set_selected_id (CirtAssessmentSidebar *self,
                 const char            *id)
{
  if (g_strcmp0 (id, self->selected_id) == 0)
    return;
  g_free (self->selected_id);
  self->selected_id = g_strdup (id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/* The selection follows the list; an assessment that a search merely hides
 * stays selected (and open), and is highlighted again when it shows. */
static void
sync_selected_id (CirtAssessmentSidebar *self)
{
  CirtAssessmentItem *item = gtk_single_selection_get_selected_item (self->selection);

  if (item != NULL)
    set_selected_id (self, cirt_assessment_item_get_id (item));
  else if (self->selected_id != NULL &&
           (!g_hash_table_contains (self->by_id, self->selected_id) ||
            g_strcmp0 (self->selected_id, self->hidden_id) == 0))
    set_selected_id (self, NULL);
}

static guint position_of (CirtAssessmentSidebar *self,
                          const char            *id);

static void
restore_selection (CirtAssessmentSidebar *self)
{
  guint position;

  if (self->selected_id == NULL || gtk_single_selection_get_selected_item (self->selection) != NULL)
    return;
  position = position_of (self, self->selected_id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, position);
}

static void
on_selected_cb (CirtAssessmentSidebar *self)
{
  sync_selected_id (self);
}

static void
on_items_changed_cb (CirtAssessmentSidebar *self)
{
  update_stack (self);
}

/* ------------------------------------------------------------------------ */
/* Store                                                                    */

static gboolean
refresh_dirty_cb (gpointer user_data)
{
  CirtAssessmentSidebar *self = user_data;
  GHashTableIter iter;
  gpointer key;
  gboolean changed = FALSE;

  self->refresh_source = 0;
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      CirtAssessmentItem *item = g_hash_table_lookup (self->by_id, key);
      g_autoptr(CirtAssessmentInfo) info = NULL;

      if (item == NULL)
        continue;
      info = cirt_store_get_assessment (self->store, key, NULL);
      if (info != NULL)
        {
          cirt_assessment_item_update (item, info);
          changed = TRUE;
        }
    }
  g_hash_table_remove_all (self->dirty);
  if (changed && g_strcmp0 (self->order, "progress") == 0)
    gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  return G_SOURCE_REMOVE;
}

static void
on_assessment_changed_cb (CirtAssessmentSidebar *self,
                          const char            *id)
{
  /* One re-read per burst of answers. */
  g_hash_table_add (self->dirty, g_strdup (id));
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_dirty_cb, self);
}

void
cirt_assessment_sidebar_reload (CirtAssessmentSidebar *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));

  if (self->store == NULL)
    return;
  list = cirt_store_list_assessments (self->store, &error);
  if (list == NULL)
    {
      cirt_app_report_error (GTK_WIDGET (self), _("Cannot list the assessments"), error);
      return;
    }
  seen = g_hash_table_new (g_str_hash, g_str_equal);
  /* Update in place: the selection and the scroll position stay put. */
  for (guint i = 0; i < list->len; i++)
    {
      CirtAssessmentInfo *info = g_ptr_array_index (list, i);
      CirtAssessmentItem *item = g_hash_table_lookup (self->by_id, info->id);

      if (item != NULL)
        cirt_assessment_item_update (item, info);
      else
        {
          item = cirt_assessment_item_new (info);
          g_ptr_array_add (added, item);
          /* A copy: an update replaces the item's strings. */
          g_hash_table_insert (self->by_id, g_strdup (cirt_assessment_item_get_id (item)), item);
        }
      g_hash_table_add (seen, (gpointer) cirt_assessment_item_get_id (item));
    }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->items)); i > 0; i--)
    {
      g_autoptr(CirtAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i - 1);
      if (!g_hash_table_contains (seen, cirt_assessment_item_get_id (item)))
        {
          g_hash_table_remove (self->by_id, cirt_assessment_item_get_id (item));
          g_list_store_remove (self->items, i - 1);
        }
    }
  if (added->len > 0)
    g_list_store_splice (self->items, g_list_model_get_n_items (G_LIST_MODEL (self->items)), 0,
                         added->pdata, added->len);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  update_stack (self);
  sync_selected_id (self);
  restore_selection (self);
}

/* ------------------------------------------------------------------------ */
/* Callbacks                                                                */

static void
on_search_changed_cb (CirtAssessmentSidebar *self)
{
  cirt_assessment_sidebar_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static void
on_search_activate_cb (CirtAssessmentSidebar *self)
{
  /* Enter opens the first match. */
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  gtk_single_selection_set_selected (self->selection, 0);
  sync_selected_id (self);
  g_signal_emit (self, signals[ACTIVATED], 0, self->selected_id);
}

static void
on_stop_search_cb (CirtAssessmentSidebar *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_activate_cb (CirtAssessmentSidebar *self,
                guint                  position)
{
  gtk_single_selection_set_selected (self->selection, position);
  sync_selected_id (self);
  if (self->selected_id != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, self->selected_id);
}

/* Rows: built in code, bound to their item with property bindings (a
 * builder template per row costs more, and tooltips query the pointer). */
static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, cirt_assessment_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  GPtrArray *bindings = g_ptr_array_new ();
  static const char * const props[] = { "title", "subtitle", "fraction", "progress-text" };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    g_ptr_array_add (bindings, g_object_bind_property (item, props[i], row, props[i], G_BINDING_SYNC_CREATE));
  g_object_set_data_full (G_OBJECT (list_item), "cirt-bindings", bindings, (GDestroyNotify) g_ptr_array_unref);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (list_item), "cirt-bindings");

  for (guint i = 0; bindings != NULL && i < bindings->len; i++)
    g_binding_unbind (g_ptr_array_index (bindings, i));
  g_object_set_data (G_OBJECT (list_item), "cirt-bindings", NULL);
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          CirtAssessmentSidebar *self)
{
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    {
      cirt_assessment_sidebar_focus_list (self);
      return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* GObject                                                                  */

static void
cirt_assessment_sidebar_dispose (GObject *object)
{
  CirtAssessmentSidebar *self = CIRT_ASSESSMENT_SIDEBAR (object);

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRT_TYPE_ASSESSMENT_SIDEBAR);
  /* Template children without an id are not cleared by the call above. */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->selection);
  g_clear_object (&self->sorted);
  g_clear_object (&self->sorter);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->items);
  g_clear_pointer (&self->by_id, g_hash_table_unref);

  G_OBJECT_CLASS (cirt_assessment_sidebar_parent_class)->dispose (object);
}

static void
cirt_assessment_sidebar_finalize (GObject *object)
{
  CirtAssessmentSidebar *self = CIRT_ASSESSMENT_SIDEBAR (object);

  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_free (self->selected_id);
  g_free (self->hidden_id);
  g_free (self->order);
  g_strfreev (self->query);
  G_OBJECT_CLASS (cirt_assessment_sidebar_parent_class)->finalize (object);
}

static void
cirt_assessment_sidebar_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  CirtAssessmentSidebar *self = CIRT_ASSESSMENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_string (value, self->selected_id);
      break;
    case PROP_SHOW_END_TITLE_BUTTONS:
      g_value_set_boolean (value, self->show_end_title_buttons);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_sidebar_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  CirtAssessmentSidebar *self = CIRT_ASSESSMENT_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_SHOW_END_TITLE_BUTTONS:
      if (self->show_end_title_buttons != g_value_get_boolean (value))
        {
          self->show_end_title_buttons = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cirt_assessment_sidebar_class_init (CirtAssessmentSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cirt_assessment_sidebar_dispose;
  object_class->finalize = cirt_assessment_sidebar_finalize;
  object_class->get_property = cirt_assessment_sidebar_get_property;
  object_class->set_property = cirt_assessment_sidebar_set_property;

  properties[PROP_SELECTED_ID] =
    g_param_spec_string ("selected-id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_END_TITLE_BUTTONS] =
    g_param_spec_boolean ("show-end-title-buttons", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter on an assessment: the assessor wants to work in it. */
  signals[ACTIVATED] =
    g_signal_new ("activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (CIRT_TYPE_ASSESSMENT_ITEM);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/cirtassess/CirtAssess/cirt-assessment-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, primary_button);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, sort_button);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, primary_menu);
  gtk_widget_class_bind_template_child (widget_class, CirtAssessmentSidebar, sort_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_activate_cb);
}

static void
cirt_assessment_sidebar_init (CirtAssessmentSidebar *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  cirt_app_menu_button_set_menu_later (self->primary_button, self->primary_menu);
  cirt_app_menu_button_set_menu_later (self->sort_button, self->sort_menu);

  self->order = g_strdup ("date");
  self->by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dirty = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->items = g_list_store_new (CIRT_TYPE_ASSESSMENT_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                              g_object_ref (GTK_FILTER (self->filter)));
  self->sorter = gtk_custom_sorter_new (sort_func, self, NULL);
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->filtered)),
                                          g_object_ref (GTK_SORTER (self->sorter)));
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  {
    g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
    g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
    g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
    gtk_list_view_set_factory (self->list_view, factory);
  }

  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filtered, "items-changed", G_CALLBACK (on_items_changed_cb), self,
                           G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  update_stack (self);
}

/* ------------------------------------------------------------------------ */
/* Public API                                                               */

GtkWidget *
cirt_assessment_sidebar_new (void)
{
  return g_object_new (CIRT_TYPE_ASSESSMENT_SIDEBAR, NULL);
}

void
cirt_assessment_sidebar_set_store (CirtAssessmentSidebar *self,
                                   CirtStore             *store)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_list_store_remove_all (self->items);
  g_hash_table_remove_all (self->by_id);
  if (store != NULL)
    {
      g_signal_connect_swapped (store, "assessments-changed", G_CALLBACK (cirt_assessment_sidebar_reload), self);
      g_signal_connect_swapped (store, "assessment-changed", G_CALLBACK (on_assessment_changed_cb), self);
      cirt_assessment_sidebar_reload (self);
    }
}

const char *
cirt_assessment_sidebar_get_selected_id (CirtAssessmentSidebar *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self), NULL);
  return self->selected_id;
}

static guint
position_of (CirtAssessmentSidebar *self,
             const char            *id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sorted));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CirtAssessmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->sorted), i);
      if (g_strcmp0 (cirt_assessment_item_get_id (item), id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

void
cirt_assessment_sidebar_select (CirtAssessmentSidebar *self,
                                const char            *id)
{
  guint position;

  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));

  if (id == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      set_selected_id (self, NULL);
      return;
    }
  position = position_of (self, id);
  if (position == GTK_INVALID_LIST_POSITION && self->query != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      cirt_assessment_sidebar_set_search (self, NULL);
      position = position_of (self, id);
    }
  gtk_single_selection_set_selected (self->selection, position);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  set_selected_id (self, position != GTK_INVALID_LIST_POSITION ? id : NULL);
}

void
cirt_assessment_sidebar_set_hidden (CirtAssessmentSidebar *self,
                                    const char            *id)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));

  g_free (self->hidden_id);
  self->hidden_id = g_strdup (id);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  sync_selected_id (self);
  restore_selection (self);
}

void
cirt_assessment_sidebar_set_sort_order (CirtAssessmentSidebar *self,
                                        const char            *order)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));

  if (g_strcmp0 (self->order, order) == 0)
    return;
  g_free (self->order);
  self->order = g_strdup (order);
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
  restore_selection (self);
}

void
cirt_assessment_sidebar_set_search (CirtAssessmentSidebar *self,
                                    const char            *text)
{
  g_auto(GStrv) query = NULL;

  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));

  if (text != NULL && *text != '\0')
    query = g_str_tokenize_and_fold (text, NULL, NULL);
  if (query != NULL && query[0] == NULL)
    g_clear_pointer (&query, g_strfreev);
  g_strfreev (self->query);
  self->query = g_steal_pointer (&query);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_stack (self);
  restore_selection (self);
}

void
cirt_assessment_sidebar_focus_search (CirtAssessmentSidebar *self)
{
  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
cirt_assessment_sidebar_focus_list (CirtAssessmentSidebar *self)
{
  guint position;

  g_return_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self));
  if (g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0)
    return;
  position = gtk_single_selection_get_selected (self->selection);
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  /* Moving the focus into a list view: through its scroll-to action with focus. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

guint
cirt_assessment_sidebar_get_n_assessments (CirtAssessmentSidebar *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

guint
cirt_assessment_sidebar_get_n_shown (CirtAssessmentSidebar *self)
{
  g_return_val_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->sorted));
}

const char *
cirt_assessment_sidebar_get_shown_id (CirtAssessmentSidebar *self,
                                      guint                  position)
{
  g_autoptr(CirtAssessmentItem) item = NULL;

  g_return_val_if_fail (CIRT_IS_ASSESSMENT_SIDEBAR (self), NULL);
  item = g_list_model_get_item (G_LIST_MODEL (self->sorted), position);
  /* The store keeps the item (and its id) alive. */
  return item ? cirt_assessment_item_get_id (item) : NULL;
}
