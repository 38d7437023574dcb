"""Theme suggestions over stories: corpus keywords, clusters of stories (themes) and each
story's own keywords, for a curator to accept or ignore. Nothing here changes a story; the
result is plain JSON-serialisable data computed in a background task and shown as suggestions.

Input is a sequence of documents: `Document(id, text, language)` values, `(id, text[,
language])` tuples or mappings with "id", "text" and optionally "language". The language is an
ISO 639-1 code ("nl", "en-GB" and "NL" are read as "nl" and "en") or None.

Normalising. Text is lowercased and cut into words of letters (digits, underscores and
punctuation split words, so numbers never become terms). A document without a language is
guessed as Dutch or English from the share of each language's commonest function words in it;
when neither shows, it stays unknown. Words are lemmatised with simplemma (its dictionaries ship
with the package: nothing is fetched) for the languages in `lemmatise_languages` (Dutch and
English by default; any other language simplemma knows can be added), so "wachtte", "wacht"
and "gewacht" count as "wachten", "letters" as "letter". simplemma maps a few words in a cycle
("wachten" -> "wacht" -> "wachten"); such a cycle is read as one lemma, its longest form. A
word is dropped when it or its lemma is a stop word of the document's language (see
`stopwords`), or when it has fewer than three letters. Lemmas are cached per language: the same
words come back all the time. Other languages still work: their words go through unchanged.
With `bigrams=True` two terms that stand next to each other in the text also form a term.

Weighting. TF-IDF with a sublinear term frequency and rows scaled to length 1 (scikit-learn).
In larger corpora a term must occur in at least two stories, and terms found in more than 85%
of them say nothing about any theme and are left out.

Results.
- `keywords`: the corpus's top terms by the sum of their squared TF-IDF weights (each story's
  squares sum to 1, so the score counts how many stories' worth of weight a term carries;
  plain sums favour everyday words found thinly in many stories), each with its score, the
  number of stories holding it and their ids (strongest first).
- `themes`: non-negative matrix factorisation (NMF, one BLAS thread) of the TF-IDF matrix into
  `k` parts; `k` is given or chosen from the corpus size (see `auto_theme_count`: about √n per
  language, as Dutch and English stories on one subject share few words; none below
  `MIN_DOCUMENTS_FOR_THEMES` stories). Given more parts than there are themes, NMF splits a
  theme into parts that rise and fall together over the stories; those are merged back
  (`_merge_split_themes`). A theme has a suggested label (its top 3 terms), its top terms
  with weights (1 for the first), and its member stories with a weight: the length of the
  theme's part in the story's TF-IDF vector, which is at most about 1. A story belongs to a
  theme when that weight is at least `min_weight` and at least `min_share` of its weights
  over all themes, so a story may belong to several themes or, when no theme explains it
  well, to none. A theme's `core` is the number of its stories for which it is the main
  theme (half or more of their weights). Themes with a core of fewer than
  `MIN_CORE_STORIES` stories or `MIN_CORE_SHARE` of their members are left out: NMF also
  finds backgrounds of everyday words ("story", "question", "year") that many stories touch
  and none is about. The rest are ordered by size.
- `documents`: per story (in input order) its language (given or detected), its top keywords
  as [term, TF-IDF weight] pairs and the themes it belongs to (positions in `themes`).
- `summary` (counts of documents, terms, themes, languages), `format` and `timings` (seconds
  per step; leave them out when comparing results).

Everything is deterministic for a given `seed`. `progress(done, total)` is called as the work
advances (first with done = 0, last with done = total), so a background task can show it.
"""

from __future__ import annotations

import math
import re
import time
import warnings
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import numpy as np
import simplemma
from scipy import sparse
from sklearn.decomposition import NMF
from sklearn.exceptions import ConvergenceWarning
from sklearn.feature_extraction.text import TfidfTransformer
from threadpoolctl import threadpool_limits

from constellate.analysis.stopwords import stop_words

FORMAT = 1
LEMMATISED_LANGUAGES = frozenset({"nl", "en"})
MIN_DOCUMENTS_FOR_THEMES = 4
MAX_AUTO_THEMES = 12
MAX_AUTO_THEMES_TOTAL = 24
MIN_LETTERS = 3
MAX_DOCUMENT_FREQUENCY = 0.85
# A theme must be the main one (half or more of a story's theme weights) of at least this many
# stories, and of at least this share of its members; otherwise it is a background of
# everyday words ("story", "question", "year") that many stories touch and none is about.
MIN_CORE_STORIES = 2
MIN_CORE_SHARE = 0.25
MERGE_CORRELATION = 0.4
PROGRESS_TOTAL = 100
# NMF stops when an iteration improves the fit by less than this share of the first one.
# 1e-3 instead of scikit-learn's 1e-4: on 10,000 stories 58 instead of 396 iterations (1.6 s
# of CPU time instead of 9.9 s) for a reconstruction error 0.01% higher.
NMF_TOLERANCE = 1e-3

Progress = Callable[[int, int], None]

_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The commonest function words that the other language (nearly) never uses, to tell Dutch
# from English when a story comes without a language.
_MARKERS = {
    "nl": _words(
        "de het een en van ik je niet dat op te zijn voor met maar er ook naar wij mijn hij "
        "zij ze wat als bij nog wel geen om dan heb heeft ben hebben waren werd mij ons onze "
        "dit deze die toen omdat uit"
    ),
    "en": _words(
        "the and of to you not that it on for with but my we they he she this have has are "
        "were be from at by our what there when would been their his her i a is was them "
        "because can could"
    ),
}


class Document(NamedTuple):
    id: Any
    text: str
    language: str | None = None


# ---------------------------------------------------------------------------- input


def _as_document(value: Any) -> Document:
    if isinstance(value, Document):
        return value
    if isinstance(value, Mapping):
        return Document(value["id"], value.get("text") or "", value.get("language"))
    doc_id, text, *rest = value
    return Document(doc_id, text or "", rest[0] if rest else None)


def normalise_language(code: str | None) -> str | None:
    """ "nl", "NL", "nl-BE" and "nl_NL" are "nl"; an empty code is None."""
    if not code:
        return None
    return re.split(r"[-_]", code.strip().lower(), maxsplit=1)[0] or None


def detect_language(words: Sequence[str]) -> str | None:
    """Dutch or English by the share of each one's function words among lowercase `words`;
    None when neither makes up at least 5% of them (another language, or too few words)."""
    if not words:
        return None
    hits = {lang: sum(1 for w in words if w in markers) for lang, markers in _MARKERS.items()}
    best = max(hits, key=lambda lang: hits[lang])
    others = [count for lang, count in hits.items() if lang != best]
    if hits[best] < max(1, 0.05 * len(words)) or hits[best] in others:
        return None
    return best


# ---------------------------------------------------------------------------- terms


class _Terms:
    """Word -> term (lemma) or None (dropped), per language, cached."""

    def __init__(self, lemmatise_languages: Collection[str]) -> None:
        supported = _simplemma_languages()
        self.lemmatised = {normalise_language(code) for code in lemmatise_languages} & supported
        self.cache: dict[str | None, dict[str, str | None]] = {}

    def _lemma(self, word: str, language: str | None) -> str:
        assert language is not None
        chain = [word]
        while len(chain) < 6:
            following = simplemma.lemmatize(chain[-1], lang=language).lower()
            if following == chain[-1]:
                return following
            if following in chain:  # a cycle: one lemma, its longest form
                cycle = chain[chain.index(following) :]
                return max(cycle, key=lambda form: (len(form), form))
            chain.append(following)
        return chain[-1]

    def of(self, words: Iterable[str], language: str | None) -> list[str | None]:
        """The term of each word, None where the word is dropped."""
        cache = self._cache(language)
        lookup = self.term
        return [cache[word] if word in cache else lookup(word, language) for word in words]

    def _cache(self, language: str | None) -> dict[str, str | None]:
        cache = self.cache.get(language)
        if cache is None:
            cache = self.cache[language] = {}
        return cache

    def term(self, word: str, language: str | None) -> str | None:
        cache = self._cache(language)
        if word in cache:
            return cache[word]
        stops = stop_words(language)
        term: str | None = None
        if len(word) >= MIN_LETTERS and word not in stops:
            lemma = self._lemma(word, language) if language in self.lemmatised else word
            if len(lemma) >= MIN_LETTERS and lemma not in stops and _WORD.fullmatch(lemma):
                term = lemma
        cache[word] = term
        return term


def _simplemma_languages() -> set[str]:
    try:
        from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES
    except ImportError:  # pragma: no cover - a later simplemma moved it
        return set(LEMMATISED_LANGUAGES)
    return set(SUPPORTED_LANGUAGES)


def document_terms(
    text: str,
    language: str | None,
    terms: _Terms,
    *,
    bigrams: bool = False,
) -> tuple[str | None, list[str]]:
    """The document's language (given or detected) and its terms in text order; with
    `bigrams`, followed by the pairs of terms that stand next to each other in the text."""
    words = _WORD.findall(text.lower())
    if language is None:
        language = detect_language(words)
    mapped = terms.of(words, language)
    kept = [term for term in mapped if term is not None]
    if bigrams:
        kept += [
            f"{first} {second}"
            for first, second in zip(mapped, mapped[1:], strict=False)
            if first is not None and second is not None and first != second
        ]
    return language, kept


def document_counts(
    text: str,
    language: str | None,
    terms: _Terms,
    *,
    bigrams: bool = False,
) -> tuple[str | None, dict[str, int]]:
    """The document's language and how often each term occurs in it (as `document_terms`,
    counted; without bigrams each distinct word is looked up once)."""
    if bigrams:
        language, kept = document_terms(text, language, terms, bigrams=True)
        return language, dict(Counter(kept))
    words = _WORD.findall(text.lower())
    if language is None:
        language = detect_language(words)
    cache = terms._cache(language)
    lookup = terms.term
    counts: dict[str, int] = {}
    for word, n in Counter(words).items():
        term = cache[word] if word in cache else lookup(word, language)
        if term is not None:
            counts[term] = counts.get(term, 0) + n
    return language, counts


# ---------------------------------------------------------------------------- results


def _top(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` largest values, largest first; ties keep their order."""
    if count <= 0 or values.size == 0:
        return np.zeros(0, dtype=np.int64)
    order = np.argsort(-values, kind="stable")
    return order[:count]


def auto_theme_count(languages: Sequence[str | None]) -> int:
    """About √n themes per language (the languages' words hardly overlap, so each forms its
    own themes), between 2 and MAX_AUTO_THEMES for each language with at least
    MIN_DOCUMENTS_FOR_THEMES stories, at most MAX_AUTO_THEMES_TOTAL; `languages` holds one
    entry per story that has terms."""

    def count(documents: int) -> int:
        if documents < MIN_DOCUMENTS_FOR_THEMES:
            return 0
        return max(2, min(MAX_AUTO_THEMES, round(math.sqrt(documents)), documents // 2))

    per_language = sum(count(n) for n in Counter(languages).values())
    return min(MAX_AUTO_THEMES_TOTAL, per_language or count(len(languages)))


def _label(terms: Sequence[str], size: int = 3) -> str:
    chosen: list[str] = []
    seen_words: set[str] = set()
    for term in terms:
        words = set(term.split())
        if words <= seen_words:
            continue  # a bigram of words already in the label, or a word already in one
        chosen.append(term)
        seen_words |= words
        if len(chosen) == size:
            break
    return ", ".join(chosen)


def _empty_result(docs: Sequence[Document], languages: list[str | None]) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "summary": _summary(len(docs), 0, 0, languages),
        "keywords": [],
        "themes": [],
        "documents": [
            {"id": doc.id, "language": lang, "keywords": [], "themes": []}
            for doc, lang in zip(docs, languages, strict=True)
        ],
    }


def _summary(
    documents: int, terms: int, themes: int, languages: list[str | None]
) -> dict[str, Any]:
    counts = Counter(lang or "unknown" for lang in languages)
    return {
        "documents": documents,
        "terms": terms,
        "themes": themes,
        "languages": dict(sorted(counts.items())),
    }


def suggest_themes(
    documents: Iterable[Any],
    *,
    themes: int | None = None,
    keywords: int = 30,
    document_keywords: int = 5,
    theme_terms: int = 10,
    min_weight: float = 0.12,
    min_share: float = 0.25,
    bigrams: bool = False,
    lemmatise_languages: Collection[str] = LEMMATISED_LANGUAGES,
    seed: int = 0,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Keywords, themes and per-document keywords of `documents` (see the module doc)."""
    started = clock = time.perf_counter()
    timings: dict[str, float] = {}

    def step(name: str, done: int) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[name] = round(now - clock, 3)
        clock = now
        if progress is not None:
            progress(done, PROGRESS_TOTAL)

    if progress is not None:
        progress(0, PROGRESS_TOTAL)
    docs = [_as_document(value) for value in documents]
    ids = [doc.id for doc in docs]
    if len(set(map(repr, ids))) != len(ids):
        raise ValueError("document ids must be unique")

    # 1. normalise (up to 40% of the progress, reported every tenth of the corpus)
    vocabulary = _Terms(lemmatise_languages)
    languages: list[str | None] = []
    counts: list[dict[str, int]] = []
    report_every = max(1, len(docs) // 10)
    for position, doc in enumerate(docs, start=1):
        language, doc_counts = document_counts(
            doc.text, normalise_language(doc.language), vocabulary, bigrams=bigrams
        )
        languages.append(language)
        counts.append(doc_counts)
        if progress is not None and position % report_every == 0 and position < len(docs):
            progress(40 * position // len(docs), PROGRESS_TOTAL)
    step("normalise", 40)

    # 2. TF-IDF
    non_empty = sum(1 for doc_counts in counts if doc_counts)
    matrix, terms = _tfidf(counts, non_empty)
    del counts
    step("tfidf", 50)
    if matrix is None:
        result = _empty_result(docs, languages)
        if progress is not None:
            progress(PROGRESS_TOTAL, PROGRESS_TOTAL)
        timings["total"] = round(time.perf_counter() - started, 3)
        result["timings"] = timings
        return result

    row_sizes = np.diff(matrix.indptr)

    # 3. corpus keywords
    columns = matrix.tocsc()
    # a document's squared weights sum to 1: a term's score is the number of stories' worth
    # of weight it carries, which favours words that stories are about over everyday words
    scores = np.asarray(matrix.multiply(matrix).sum(axis=0)).ravel()
    keyword_rows = []
    for j in _top(scores, keywords):
        start, end = columns.indptr[j], columns.indptr[j + 1]
        rows, weights = columns.indices[start:end], columns.data[start:end]
        order = np.lexsort((rows, -weights))
        keyword_rows.append(
            {
                "term": terms[j],
                "score": round(float(scores[j]), 4),
                "documents": int(end - start),
                "ids": [ids[rows[k]] for k in order],
            }
        )
    step("keywords", 55)

    # 4. themes
    theme_rows, memberships = _themes(
        matrix,
        terms,
        ids,
        count=(
            auto_theme_count([lang for i, lang in enumerate(languages) if row_sizes[i]])
            if themes is None
            else themes
        ),
        non_empty=non_empty,
        theme_terms=theme_terms,
        min_weight=min_weight,
        min_share=min_share,
        seed=seed,
    )
    step("themes", 90)

    # 5. per-document keywords
    rows_out = []
    for i, doc in enumerate(docs):
        start, end = matrix.indptr[i], matrix.indptr[i + 1]
        cols, weights = matrix.indices[start:end], matrix.data[start:end]
        order = np.lexsort((cols, -weights))[:document_keywords]
        rows_out.append(
            {
                "id": doc.id,
                "language": languages[i],
                "keywords": [[terms[cols[k]], round(float(weights[k]), 4)] for k in order],
                "themes": memberships.get(i, []),
            }
        )
    step("document_keywords", PROGRESS_TOTAL)
    timings["total"] = round(time.perf_counter() - started, 3)
    return {
        "format": FORMAT,
        "summary": _summary(len(docs), len(terms), len(theme_rows), languages),
        "keywords": keyword_rows,
        "themes": theme_rows,
        "documents": rows_out,
        "timings": timings,
    }


def _tfidf(
    counts: list[dict[str, int]], non_empty: int
) -> tuple[sparse.csr_matrix | None, list[str]]:
    """The TF-IDF matrix (documents x terms, terms in alphabetical order) and its terms. In a
    corpus of 20 stories or more a term must be in two of them and in at most 85%; when that
    leaves nothing, every term counts."""
    if non_empty == 0:
        return None, []
    frequency: Counter[str] = Counter()
    for doc_counts in counts:
        frequency.update(doc_counts.keys())
    chosen: list[str] = []
    if non_empty >= 20:
        most = MAX_DOCUMENT_FREQUENCY * non_empty
        chosen = [term for term, df in frequency.items() if 2 <= df <= most]
    if not chosen:
        chosen = list(frequency)
    terms = sorted(chosen)
    index = {term: j for j, term in enumerate(terms)}
    indptr = [0]
    indices: list[int] = []
    data: list[int] = []
    for doc_counts in counts:
        row = sorted((index[t], n) for t, n in doc_counts.items() if t in index)
        indices.extend(j for j, _ in row)
        data.extend(n for _, n in row)
        indptr.append(len(indices))
    raw = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float32), np.asarray(indices, dtype=np.int32), indptr),
        shape=(len(counts), len(terms)),
    )
    matrix = TfidfTransformer(sublinear_tf=True).fit_transform(raw)
    return sparse.csr_matrix(matrix, dtype=np.float32), terms


def _merge_split_themes(strength: np.ndarray) -> list[list[int]]:
    """Groups of NMF components that are one theme. Given more components than there are
    themes, NMF splits a theme into parts that rise and fall together over the documents;
    parts whose strengths correlate by MERGE_CORRELATION or more on average are merged
    (average linkage). Distinct themes correlate negatively, and a background of everyday
    words hardly at all."""
    groups = [[t] for t in range(strength.shape[1])]
    if len(groups) < 2:
        return groups
    with np.errstate(invalid="ignore", divide="ignore"):
        correlation = np.nan_to_num(np.corrcoef(strength, rowvar=False), nan=0.0)
    while len(groups) > 1:
        best, pair = MERGE_CORRELATION, None
        for a in range(len(groups)):
            for b in range(a + 1, len(groups)):
                mean = float(correlation[np.ix_(groups[a], groups[b])].mean())
                if mean >= best:
                    best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        groups[a] = sorted(groups[a] + groups[b])
        del groups[b]
    return groups


def _themes(
    matrix: sparse.csr_matrix,
    terms: list[str],
    ids: list[Any],
    *,
    count: int,
    non_empty: int,
    theme_terms: int,
    min_weight: float,
    min_share: float,
    seed: int,
) -> tuple[list[dict[str, Any]], dict[int, list[int]]]:
    count = min(count, non_empty, len(terms))
    if count < 1:
        return [], {}
    model = NMF(
        n_components=count,
        init="nndsvda",
        solver="cd",
        max_iter=300,
        tol=NMF_TOLERANCE,
        random_state=seed,
    )
    # One BLAS thread: a worker shares the machine, and competing BLAS threads cost far more
    # than they gain there (10,000 stories: 10 s of CPU time became 93 s on a busy machine).
    with threadpool_limits(limits=1), warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        w = model.fit_transform(matrix)
    h = model.components_
    groups = _merge_split_themes(w * np.linalg.norm(h, axis=1)[None, :])
    # A group's part in a document's vector is w[d, T] @ h[T]; its length (at most about 1,
    # since documents have length 1) comes from the small Gram matrix h[T] @ h[T].T.
    strength = np.empty((w.shape[0], len(groups)), dtype=np.float64)
    profiles = np.empty((len(groups), h.shape[1]), dtype=np.float64)
    for g, group in enumerate(groups):
        part, rows_h = w[:, group], h[group]
        gram = rows_h @ rows_h.T
        strength[:, g] = np.sqrt(np.maximum(np.einsum("di,ij,dj->d", part, gram, part), 0))
        profiles[g] = part.sum(axis=0) @ rows_h  # the group's weight of each term overall
    totals = strength.sum(axis=1, keepdims=True)
    share = np.divide(strength, totals, out=np.zeros_like(strength), where=totals > 0)
    member = (strength >= min_weight) & (share >= min_share)
    main = member & (share >= 0.5)

    found: list[tuple[int, float, int, np.ndarray, dict[str, Any]]] = []
    for t, profile in enumerate(profiles):
        rows = np.flatnonzero(member[:, t])
        core = int(main[:, t].sum())
        if core < MIN_CORE_STORIES or core < MIN_CORE_SHARE * rows.size:
            continue  # no theme, or a background of everyday words that no story is about
        order = rows[np.lexsort((rows, -strength[rows, t]))]
        top = _top(profile, theme_terms)
        top = top[profile[top] > 0]
        peak = float(profile[top[0]]) if top.size else 1.0
        top_terms = [terms[j] for j in top]
        found.append(
            (
                -rows.size,
                -float(strength[rows, t].sum()),
                t,
                rows,
                {
                    "label": _label(top_terms),
                    "terms": [
                        {"term": terms[j], "weight": round(float(profile[j]) / peak, 4)}
                        for j in top
                    ],
                    "size": int(rows.size),
                    "core": core,
                    "members": [
                        {"id": ids[i], "weight": round(float(strength[i, t]), 4)} for i in order
                    ],
                },
            )
        )
    found.sort(key=lambda item: item[:3])
    theme_rows: list[dict[str, Any]] = []
    memberships: dict[int, list[int]] = {}
    for position, (_, _, _, rows, row) in enumerate(found):
        for i in rows:
            memberships.setdefault(int(i), []).append(position)
        theme_rows.append(row)
    return theme_rows, memberships
