"""Network layouts and measures computed in a background task and kept in the cache.

A domain app registers where a network comes from (a *source*: a function that takes JSON
parameters such as an initiative's pk and returns `(nodes, edges)` as plain dicts), then asks
`network_layout_cached` for the result of one network at one *version* (a string that changes
whenever a node or relation changes, e.g. `network_version(count, latest_update)` of one
aggregate query). A hit costs one cache read and no query of the network itself, which keeps
the map page fast at 10,000 people. A miss enqueues `network_layout_compute` once (later
calls see it queued) and returns None; the page then shows `network_layout_state` (queued,
running with a percentage, failed) and the list view.

The task loads the network itself, through the source, instead of taking it as arguments: a
task's arguments are stored in the task queue, and 50,000 relations would make every queued
row megabytes big.

The cache alias "network" (settings.CACHES) must be shared between the web processes and the
worker: Redis in production, a file cache under var/ otherwise (the default local-memory cache
is per process, so the worker's result would never reach the page)."""

from __future__ import annotations

import hashlib
import json
import logging
import time
from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any

from django.core.cache import caches
from django.core.cache.backends.base import InvalidCacheBackendError
from django_tasks import task

from constellate.analysis.network import network_analyse

logger = logging.getLogger(__name__)

CACHE_ALIAS = "network"
RESULT_TIMEOUT = 60 * 60 * 24 * 30  # a version never changes, so it may stay long
STATE_TIMEOUT = 60 * 60
STALE_SECONDS = 15 * 60  # a queued or running job older than this is tried again
GROWTH_SNAPSHOTS = 8

NetworkLoader = Callable[..., tuple[list[dict[str, Any]], list[Any]]]
_sources: dict[str, NetworkLoader] = {}


def register_network_source(key: str, load: NetworkLoader) -> None:
    """Declare where networks called `key` come from: `load(**params)` returns
    `(nodes, edges)` (see `constellate.analysis.network`). Call it from an app's
    `contributions.py`."""
    _sources[key] = load


def _cache():
    try:
        return caches[CACHE_ALIAS]
    except InvalidCacheBackendError:
        return caches["default"]


def network_version(*parts: Any) -> str:
    """A short stable fingerprint of whatever identifies a network's state."""
    text = json.dumps(parts, default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:20]


def _keys(source: str, params: Mapping[str, Any], version: str) -> tuple[str, str]:
    base = f"network:{source}:{network_version(dict(params))}:{version}"
    return f"{base}:result", f"{base}:state"


def network_layout_state(*, source: str, params: Mapping[str, Any], version: str) -> dict:
    """Where the computation of this network is: {"status": "done" | "queued" | "running" |
    "failed" | "missing", "percent": 0-100, "step": name of the current step}."""
    result_key, state_key = _keys(source, params, version)
    cache = _cache()
    if cache.get(result_key) is not None:
        return {"status": "done", "percent": 100, "step": "finish"}
    return cache.get(state_key) or {"status": "missing", "percent": 0, "step": ""}


def network_layout_cached(
    *, source: str, params: Mapping[str, Any], version: str
) -> dict[str, Any] | None:
    """The cached analysis of this network version, or None after making sure it is being
    computed (enqueued at most once while a job is pending and fresh)."""
    if source not in _sources:
        raise KeyError(f"no network source {source!r} is registered")
    result_key, state_key = _keys(source, params, version)
    cache = _cache()
    result = cache.get(result_key)
    if result is not None:
        return result
    state = cache.get(state_key)
    pending = (
        state
        and state["status"] in ("queued", "running")
        and time.time() - state["at"] < STALE_SECONDS
    )
    if not pending:
        queued = {"status": "queued", "percent": 0, "step": "", "at": time.time()}
        # add() is atomic in Redis and the file cache: one of two racing requests enqueues
        if state is None:
            claimed = cache.add(state_key, queued, STATE_TIMEOUT)
        else:
            cache.set(state_key, queued, STATE_TIMEOUT)
            claimed = True
        if claimed:
            network_layout_compute.enqueue(source, dict(params), version)
    # the immediate backend (tests, a small set-up) has already finished it
    return cache.get(result_key)


def growth_dates(nodes: Iterable[Mapping[str, Any]], count: int = GROWTH_SNAPSHOTS) -> list[str]:
    """`count` dates evenly spread from the first to the last "created" date."""
    days = sorted(
        str(node["created"])[:10] for node in nodes if node.get("created") not in (None, "")
    )
    if not days:
        return []
    first, last = date.fromisoformat(days[0]), date.fromisoformat(days[-1])
    span = (last - first).days
    if span == 0:
        return [first.isoformat()]
    steps = min(count, span + 1)
    return sorted(
        {
            date.fromordinal(first.toordinal() + round(span * n / (steps - 1))).isoformat()
            for n in range(steps)
        }
    )


@task()
def network_layout_compute(source: str, params: dict[str, Any], version: str) -> dict[str, Any]:
    """Load the network from its source, lay it out and measure it, and cache the result.
    Reports its progress in the state entry. Returns the summary (kept by the task backend)."""
    result_key, state_key = _keys(source, params, version)
    cache = _cache()
    started = time.time()

    def progress(percent: int, step: str) -> None:
        cache.set(
            state_key,
            {"status": "running", "percent": percent, "step": step, "at": started},
            STATE_TIMEOUT,
        )

    progress(1, "load")
    try:
        nodes, edges = _sources[source](**params)
        result = network_analyse(
            nodes, edges, seed=0, growth_dates=growth_dates(nodes), progress=progress
        )
    except Exception:
        logger.exception("network layout failed", extra={"source": source, "params": params})
        cache.set(
            state_key,
            {"status": "failed", "percent": 0, "step": "", "at": started},
            STATE_TIMEOUT,
        )
        raise
    result["version"] = version
    cache.set(result_key, result, RESULT_TIMEOUT)
    cache.delete(state_key)
    return result["summary"]
