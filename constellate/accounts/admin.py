from django.contrib import admin

from constellate.accounts.models import Invitation, Membership, Organisation, User


@admin.register(User)
class UserAdmin(admin.ModelAdmin):
    list_display = ["email", "display_name", "is_active", "is_staff"]
    search_fields = ["email", "display_name"]
    exclude = ["password", "user_permissions", "groups"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "country"]
    prepopulated_fields = {"slug": ["name"]}


admin.site.register(Membership)
admin.site.register(Invitation)
