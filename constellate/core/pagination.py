from django.conf import settings
from django.core.paginator import Page, Paginator
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination


def page_of(queryset, number, per_page: int | None = None) -> Page:
    """Page `number` of a list; a wrong or too large number gives the nearest valid page."""
    return Paginator(queryset, per_page or settings.PAGE_SIZE).get_page(number)


def paginate(request, queryset, per_page: int | None = None) -> Page:
    """The page of a list that the request's `page` parameter asks for."""
    return page_of(queryset, request.GET.get("page"), per_page)


class ApiPages(PageNumberPagination):
    """The API's lists, page by page, with a page number the database can take: a number past
    2**63 would make the query fail (a 500) instead of a clear 422."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=1_000_000)
        page_size: int | None = Field(None, ge=1)
