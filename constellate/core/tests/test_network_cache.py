"""Network layouts computed once per version in a task, then served from the cache."""

import pytest
from django.core.cache import caches

from constellate.core import network_cache
from constellate.core.network_cache import (
    growth_dates,
    network_layout_cached,
    network_layout_state,
    network_version,
    register_network_source,
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def loads(monkeypatch):
    """A registered source that counts how often the network was loaded."""
    calls = []
    networks = {
        1: (
            [{"id": 1, "created": "2024-01-01"}, {"id": 2, "created": "2024-03-01"}],
            [(1, 2, "introduced")],
        ),
        2: ([{"id": 7}], []),
    }

    def load(initiative_id):
        calls.append(initiative_id)
        return networks[initiative_id]

    monkeypatch.setattr(network_cache, "_sources", {})
    register_network_source("test", load)
    return calls


def test_second_call_is_served_from_the_cache(settings, loads):
    settings.TASKS = IMMEDIATE
    first = network_layout_cached(source="test", params={"initiative_id": 1}, version="v1")
    assert first["summary"]["nodes"] == 2
    assert first["version"] == "v1"
    assert first["growth"][-1]["nodes"] == 2
    again = network_layout_cached(source="test", params={"initiative_id": 1}, version="v1")
    assert again == first
    assert loads == [1]
    assert (
        network_layout_state(source="test", params={"initiative_id": 1}, version="v1")["status"]
        == "done"
    )


def test_a_new_version_or_another_network_is_computed_again(settings, loads):
    settings.TASKS = IMMEDIATE
    network_layout_cached(source="test", params={"initiative_id": 1}, version="v1")
    network_layout_cached(source="test", params={"initiative_id": 1}, version="v2")
    other = network_layout_cached(source="test", params={"initiative_id": 2}, version="v1")
    assert loads == [1, 1, 2]
    assert other["summary"]["nodes"] == 1


def test_a_pending_job_is_enqueued_once_and_reports_its_state(settings, loads):
    settings.TASKS = DUMMY
    from django_tasks import default_task_backend

    default_task_backend.clear()
    params = {"initiative_id": 1}
    assert network_layout_state(source="test", params=params, version="v1")["status"] == "missing"
    assert network_layout_cached(source="test", params=params, version="v1") is None
    assert network_layout_cached(source="test", params=params, version="v1") is None
    assert len(default_task_backend.results) == 1
    state = network_layout_state(source="test", params=params, version="v1")
    assert (state["status"], state["percent"]) == ("queued", 0)
    # the worker runs it
    queued = default_task_backend.results[0]
    network_layout_compute_summary = network_cache.network_layout_compute.call(*queued.args)
    assert network_layout_compute_summary["nodes"] == 2
    assert (
        network_layout_cached(source="test", params=params, version="v1")["summary"]["nodes"] == 2
    )
    assert len(default_task_backend.results) == 1


def test_a_stale_pending_job_is_enqueued_again(settings, loads, monkeypatch):
    settings.TASKS = DUMMY
    from django_tasks import default_task_backend

    default_task_backend.clear()
    params = {"initiative_id": 1}
    network_layout_cached(source="test", params=params, version="v1")
    now = network_cache.time.time()
    monkeypatch.setattr(network_cache.time, "time", lambda: now + network_cache.STALE_SECONDS + 1)
    network_layout_cached(source="test", params=params, version="v1")
    assert len(default_task_backend.results) == 2


def test_a_failed_job_says_so_and_is_tried_again(settings, monkeypatch):
    settings.TASKS = IMMEDIATE
    monkeypatch.setattr(network_cache, "_sources", {})

    attempts = []

    def broken(initiative_id):
        attempts.append(initiative_id)
        raise RuntimeError("database gone")

    register_network_source("broken", broken)
    assert network_layout_cached(source="broken", params={"initiative_id": 1}, version="v1") is None
    assert (
        network_layout_state(source="broken", params={"initiative_id": 1}, version="v1")["status"]
        == "failed"
    )
    network_layout_cached(source="broken", params={"initiative_id": 1}, version="v1")
    assert attempts == [1, 1]


def test_unknown_source_is_a_programming_error(monkeypatch):
    monkeypatch.setattr(network_cache, "_sources", {})
    with pytest.raises(KeyError):
        network_layout_cached(source="nope", params={}, version="v1")


def test_results_live_in_the_shared_network_cache(settings, loads):
    settings.TASKS = IMMEDIATE
    network_layout_cached(source="test", params={"initiative_id": 1}, version="v1")
    assert caches["network"].get(network_cache._keys("test", {"initiative_id": 1}, "v1")[0])
    assert not caches["default"].get(network_cache._keys("test", {"initiative_id": 1}, "v1")[0])


def test_version_is_stable_and_changes_with_its_parts():
    assert network_version(10, "2024-05-01T10:00") == network_version(10, "2024-05-01T10:00")
    assert network_version(10, "2024-05-01T10:00") != network_version(11, "2024-05-01T10:00")


def test_growth_dates_spread_from_first_to_last():
    nodes = [{"created": "2024-01-01"}, {"created": "2024-01-29"}, {"created": None}, {}]
    dates = growth_dates(nodes, count=5)
    assert dates == ["2024-01-01", "2024-01-08", "2024-01-15", "2024-01-22", "2024-01-29"]
    assert growth_dates([{"created": "2024-01-01"}]) == ["2024-01-01"]
    assert growth_dates([]) == []
