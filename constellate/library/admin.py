"""The admin site lets a platform admin correct the standard library's texts (per language)."""

from django.contrib import admin

from constellate.library import services
from constellate.library.models import Case, Method


@admin.register(Method)
class MethodAdmin(admin.ModelAdmin):
    list_display = ("key", "name", "category", "effort", "organisation", "staff_learning")
    list_filter = ("category", "effort", "staff_learning")
    search_fields = ("key", "search_text")
    raw_id_fields = ("organisation",)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.method_reindex(method=obj)


@admin.register(Case)
class CaseAdmin(admin.ModelAdmin):
    list_display = ("key", "title", "country", "place", "service_area")
    list_filter = ("country", "service_area")
    search_fields = ("key", "place", "search_text")
    filter_horizontal = ("methods",)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.case_reindex(case=form.instance)
