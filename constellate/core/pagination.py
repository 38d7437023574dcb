from django.conf import settings
from django.core.paginator import Page, Paginator
from django.utils.functional import cached_property
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


class CappedPage(Page):
    """A page of a CappedPaginator: whether a next page exists is known from the rows."""

    def __init__(self, object_list, number, paginator, has_more: bool):
        super().__init__(object_list, number, paginator)
        self._has_more = has_more

    def has_next(self) -> bool:
        return self._has_more


class CappedPaginator(Paginator):
    """Counts at most `cap` rows, so a page of a very long list never waits for a count of
    all of it. Up to the cap it behaves like Paginator; beyond it `more` is True, the number of
    pages is unknown (the template says "more than `cap`"), and each page reads one row past
    its end to know whether a next page exists."""

    def __init__(self, object_list, per_page, cap: int = 1000, keep=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.cap = cap
        self.keep = keep

    @cached_property
    def count(self) -> int:
        items = self.object_list
        if hasattr(items, "order_by"):
            items = items.order_by()  # counting needs no sorting
        head = items[: self.cap + 1]
        return len(head) if isinstance(head, list | tuple) else head.count()

    @property
    def more(self) -> bool:
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.more:
            return 1_000_000  # as far as anyone may ask; `page` finds the real end
        return super().num_pages

    def _rows(self, bottom: int, top: int) -> list:
        """The rows from `bottom` to `top`: for a query, first only their keys (a narrow
        query an index can answer), then the rows themselves with what they bring along."""
        items = self.object_list
        if not hasattr(items, "values_list") or getattr(items, "_result_cache", None) is not None:
            return list(items[bottom:top])
        keys = list(items.values_list("pk", flat=True)[bottom:top])
        if not keys:
            return []
        # Fetched by key alone (a lookup by primary key, unsorted: the keys give the order),
        # with the same related rows as the list. The list's filters chose these keys;
        # `keep` drops a row that no longer belongs (say, a story withdrawn in between).
        rows = items.model._base_manager.filter(pk__in=keys).order_by()
        rows.query.select_related = items.query.select_related
        rows = list(rows.prefetch_related(*items._prefetch_related_lookups))
        if self.keep is not None:
            rows = [row for row in rows if self.keep(row)]
        by_key = {row.pk: row for row in rows}
        return [by_key[k] for k in keys if k in by_key]

    def page(self, number) -> Page:
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        if self.more:
            rows = self._rows(bottom, bottom + self.per_page + 1)
            return CappedPage(
                rows[: self.per_page], number, self, has_more=len(rows) > self.per_page
            )
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self._rows(bottom, top), number, self)


def paginate_capped(
    request, queryset, per_page: int | None = None, cap: int = 1000, keep=None
) -> Page:
    """Like `paginate`, with a count that stops at `cap` (see CappedPaginator)."""
    return CappedPaginator(queryset, per_page or settings.PAGE_SIZE, cap=cap, keep=keep).get_page(
        request.GET.get("page")
    )
