from django.conf import settings
from django.core.paginator import Page, Paginator


def page_of(queryset, number, per_page: int | None = None) -> Page:
    """Page `number` of a list; a wrong or too large number gives the nearest valid page."""
    return Paginator(queryset, per_page or settings.PAGE_SIZE).get_page(number)


def paginate(request, queryset, per_page: int | None = None) -> Page:
    """The page of a list that the request's `page` parameter asks for."""
    return page_of(queryset, request.GET.get("page"), per_page)
