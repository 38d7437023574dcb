"""Theme suggestions on small story collections with planted themes: waiting at the job
centre, the neighbourhood café, letters about debts."""

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from constellate.analysis.stopwords import stop_words
from constellate.analysis.themes import (
    Document,
    _Terms,
    auto_theme_count,
    detect_language,
    document_terms,
    normalise_language,
    suggest_themes,
)


def words(text):
    return text.split(" ")


DUTCH = {
    "wait": [
        "Ik wachtte drie maanden op een afspraak bij het UWV. Het loket was dicht en niemand belde terug.",
        "De wachttijd bij het werkplein is veel te lang. We wachten weken op een gesprek over de uitkering.",
        "Bij het UWV moest ik eindeloos wachten aan de telefoon. De wachttijden voor een afspraak zijn absurd.",
        "Mijn uitkering kwam pas na lang wachten. Het loket van het werkplein stuurde me naar een ander formulier.",
        "Na zes weken wachten kreeg ik eindelijk een afspraak met een consulent van het UWV.",
        "Het werkplein zegt dat de wachttijd voor een intake acht weken is. Zo lang wacht je op je uitkering.",
        "Aan het loket stond een lange rij. Ik heb twee uur gewacht en toen was mijn afspraak verzet.",
        "De consulent had geen tijd. Weer wachten op een nieuwe afspraak en ondertussen geen uitkering.",
    ],
    "cafe": [
        "Het buurtcafé op de hoek is een fijne plek. Buren drinken er koffie en ontmoeten elkaar.",
        "In ons buurtcafé koken vrijwilligers elke vrijdag soep. Het is gezellig en de koffie is gratis.",
        "Sinds het buurtcafé open is ken ik mijn buren. We drinken koffie en de vrijwilligers zijn aardig.",
        "Het café in de wijk brengt buren samen. Vrijwilligers schenken koffie en op vrijdag is er soep.",
        "Oudere buren komen graag naar het buurtcafé voor een kop koffie en een praatje.",
        "De vrijwilligers van het buurtcafé organiseren een maaltijd voor de hele wijk.",
        "Zonder het buurtcafé zou ik mijn buren nooit ontmoeten. De koffie en de gezelligheid helpen.",
        "Elke dinsdag zet een vrijwilliger koffie in het buurtcafé en schuiven buren aan voor soep.",
    ],
    "debt": [
        "Elke week krijg ik brieven over mijn schulden. De deurwaarder stuurt de ene aanmaning na de andere.",
        "De brief van de deurwaarder maakte me bang. Mijn schuld groeit door de boetes en de incassokosten.",
        "Ik durf de brieven niet meer open te maken. Schulden, aanmaningen en een deurwaarder aan de deur.",
        "Door de boete werd mijn schuld twee keer zo groot. Weer een aanmaning en een brief van het incassobureau.",
        "De schuldhulp hielp me met de stapel brieven. Nu betaal ik de schuld in kleine stappen af.",
        "Een aanmaning voor een rekening die ik al betaald had. Daarna kwam de brief van de deurwaarder.",
        "Mijn schulden begonnen met een rekening van de zorgverzekering. Toen volgden aanmaningen en brieven.",
        "De deurwaarder stond voor de deur vanwege een oude schuld. De brieven had ik nooit gelezen.",
    ],
}

ENGLISH = {
    "wait": [
        "I waited for months to get an appointment at the job centre. The waiting time is terrible.",
        "The job centre kept me waiting on the phone for hours before my benefit appointment.",
        "After waiting six weeks at the job centre my benefit claim was still not processed.",
        "Waiting for an appointment with an adviser at the job centre takes weeks.",
        "We wait and wait at the job centre desk while the benefit payments are delayed.",
    ],
    "cafe": [
        "Our neighbourhood cafe serves coffee and soup made by volunteers. Neighbours meet there.",
        "The cafe brought neighbours together. Volunteers pour coffee and the soup is free.",
        "Volunteers run the neighbourhood cafe every Friday with coffee, soup and a friendly chat.",
        "Since the cafe opened I know my neighbours. We drink coffee served by volunteers.",
        "Older neighbours love the cafe: warm coffee, homemade soup and cheerful volunteers.",
    ],
    "debt": [
        "Debt letters keep arriving. Another letter from the bailiff with a reminder and a fine.",
        "I was afraid to open the letters about my debts. The bailiff sent a final reminder.",
        "The fines doubled my debt and every letter brought another reminder from the bailiff.",
        "A debt adviser helped me sort the pile of letters and make a plan with the bailiff.",
        "My debts started with one unpaid bill. Then came reminders, letters and the bailiff.",
    ],
}

OFF_TOPIC_NL = "Gisteren regende het de hele middag en de trein naar Utrecht reed met vertraging."


def corpus(stories, language="nl", prefix=""):
    """Documents with ids like "wait-3" and the planted theme of each id."""
    docs, planted = [], {}
    for theme, texts in stories.items():
        for n, text in enumerate(texts):
            doc_id = f"{prefix}{theme}-{n}"
            docs.append(Document(doc_id, text, language))
            planted[doc_id] = f"{prefix}{theme}"
    return docs, planted


def planted_of(theme, planted):
    return {planted[m["id"]] for m in theme["members"] if m["id"] in planted}


def assert_themes_recovered(result, planted, min_share=0.75):
    """No theme mixes planted themes, and most stories of every planted theme are in a theme."""
    for theme in result["themes"]:
        assert len(planted_of(theme, planted)) == 1, (theme["label"], planted_of(theme, planted))
    for name in set(planted.values()):
        ids = {i for i, p in planted.items() if p == name}
        covered = {
            m["id"] for theme in result["themes"] for m in theme["members"] if m["id"] in ids
        }
        assert len(covered) >= min_share * len(ids), (name, covered)


def all_terms(result):
    terms = [k["term"] for k in result["keywords"]]
    terms += [t["term"] for theme in result["themes"] for t in theme["terms"]]
    terms += [term for doc in result["documents"] for term, _ in doc["keywords"]]
    return terms


def without_timings(result):
    return {key: value for key, value in result.items() if key != "timings"}


# ---------------------------------------------------------------------------- themes


def test_three_planted_dutch_themes_become_three_clusters():
    docs, planted = corpus(DUTCH)
    result = suggest_themes(docs, themes=3)
    assert len(result["themes"]) == 3
    assert_themes_recovered(result, planted, min_share=7 / 8)
    labels = " ".join(theme["label"] for theme in result["themes"])
    for word in ("wachten", "koffie", "schuld"):
        assert any(word in [t["term"] for t in theme["terms"][:5]] for theme in result["themes"]), (
            labels
        )


def test_with_an_automatic_number_of_themes_no_theme_mixes_planted_ones():
    docs, planted = corpus(DUTCH)
    result = suggest_themes(docs)
    assert 3 <= len(result["themes"]) <= auto_theme_count(["nl"] * len(docs))
    assert_themes_recovered(result, planted)


def test_english_planted_themes_are_recovered():
    docs, planted = corpus(ENGLISH, language="en")
    result = suggest_themes(docs, themes=3)
    assert len(result["themes"]) == 3
    assert_themes_recovered(result, planted, min_share=0.8)
    tops = [[t["term"] for t in theme["terms"][:4]] for theme in result["themes"]]
    assert any("wait" in top for top in tops), tops
    assert any("letter" in top or "debt" in top for top in tops), tops


def test_a_story_no_theme_explains_belongs_to_none():
    docs, planted = corpus(DUTCH)
    docs.append(Document("weather", OFF_TOPIC_NL, "nl"))
    result = suggest_themes(docs, themes=3)
    weather = next(doc for doc in result["documents"] if doc["id"] == "weather")
    assert weather["themes"] == []
    assert all("weather" not in {m["id"] for m in t["members"]} for t in result["themes"])
    assert_themes_recovered(result, planted, min_share=7 / 8)


def test_members_point_back_from_documents_and_are_ordered_by_weight():
    docs, _ = corpus(DUTCH)
    result = suggest_themes(docs, themes=3)
    by_id = {doc["id"]: doc for doc in result["documents"]}
    sizes = [theme["size"] for theme in result["themes"]]
    assert sizes == sorted(sizes, reverse=True)
    for position, theme in enumerate(result["themes"]):
        weights = [m["weight"] for m in theme["members"]]
        assert weights == sorted(weights, reverse=True)
        assert theme["size"] == len(theme["members"])
        assert theme["label"] == ", ".join(t["term"] for t in theme["terms"][:3])
        for member in theme["members"]:
            assert position in by_id[member["id"]]["themes"]


# ---------------------------------------------------------------------------- languages


def test_mixed_languages_without_a_given_language_are_detected_and_kept_apart():
    nl_docs, nl_planted = corpus(DUTCH, language=None, prefix="nl-")
    en_docs, en_planted = corpus(ENGLISH, language=None, prefix="en-")
    docs = [doc for pair in zip(nl_docs, en_docs, strict=False) for doc in pair]
    docs += nl_docs[len(en_docs) :]
    result = suggest_themes(docs)
    languages = {doc["id"]: doc["language"] for doc in result["documents"]}
    assert {languages[i] for i in nl_planted} == {"nl"}
    assert {languages[i] for i in en_planted} == {"en"}
    assert result["summary"]["languages"] == {"en": 15, "nl": 24}
    assert_themes_recovered(result, {**nl_planted, **en_planted}, min_share=0.6)


def test_language_detection():
    assert detect_language(words("de man zat in het café en dronk een kop koffie")) == "nl"
    assert detect_language(words("the man sat in the cafe and had a cup of coffee")) == "en"
    assert detect_language(words("der mann sitzt im café und trinkt kaffee")) is None
    assert detect_language([]) is None
    assert normalise_language("nl-BE") == "nl"
    assert normalise_language("EN_gb") == "en"
    assert normalise_language("") is None


def test_other_languages_work_without_being_lemmatised():
    french = [
        Document(
            1, "J'attendais des semaines au guichet pour une allocation avec mon dossier.", "fr"
        ),
        Document(2, "Les voisins boivent un café avec les bénévoles dans le quartier.", "fr"),
        Document(3, "Les lettres de l'huissier pour mes dettes me font peur.", "fr"),
        Document(4, "Au guichet nous attendons toujours une réponse pour le dossier.", "fr"),
    ]
    result = suggest_themes(french)
    terms = set(all_terms(result))
    assert {"guichet", "dossier", "huissier"} <= terms
    assert not terms & {"les", "des", "pour", "avec", "nous", "une", "mes"}
    assert "attendais" in terms  # French is not lemmatised unless asked for
    lemmatised = suggest_themes(french, lemmatise_languages={"nl", "en", "fr"})
    assert "attendre" in set(all_terms(lemmatised))
    assert "attendais" not in set(all_terms(lemmatised))


# ---------------------------------------------------------------------------- normalising


def test_inflected_forms_are_one_term():
    terms = _Terms({"nl", "en"})
    for text, language, expected in [
        ("wachten wacht wachtte gewacht", "nl", ["wachten"] * 4),
        ("brieven brief", "nl", ["brief"] * 2),
        ("letters letter", "en", ["letter"] * 2),
        ("waited waiting waits", "en", ["wait"] * 3),
    ]:
        assert document_terms(text, language, terms)[1] == expected


def test_inflected_forms_in_different_stories_share_a_keyword():
    docs = [
        Document(1, "Ik wachtte op de bus.", "nl"),
        Document(2, "Zij wacht op de trein.", "nl"),
        Document(3, "Wij wachten op de tram.", "nl"),
        Document(4, "Hij heeft lang gewacht.", "nl"),
    ]
    result = suggest_themes(docs)
    keyword = next(k for k in result["keywords"] if k["term"] == "wachten")
    assert sorted(keyword["ids"]) == [1, 2, 3, 4]
    assert not {"wacht", "wachtte", "gewacht"} & set(all_terms(result))


def test_stop_words_numbers_and_short_words_never_become_keywords():
    nl_docs, _ = corpus(DUTCH)
    en_docs, _ = corpus(ENGLISH, language="en", prefix="en-")
    extra = [
        Document("n", "Op 12 maart 2024 om 9 uur: 3 brieven, 2 aanmaningen, 1 deurwaarder.", "nl"),
        Document("s", "de het een en van ik je niet dat op te zijn", "nl"),
    ]
    result = suggest_themes(nl_docs + en_docs + extra, bigrams=True)
    terms = all_terms(result)
    assert terms
    forbidden = stop_words("nl") | stop_words("en")
    for term in terms:
        for word in term.split():
            assert word not in forbidden, term
            assert len(word) >= 3 and word.isalpha(), term
    by_id = {doc["id"]: doc for doc in result["documents"]}
    assert by_id["s"]["keywords"] == []


def test_bigrams_are_optional():
    docs, _ = corpus(DUTCH)
    plain = suggest_themes(docs, themes=3)
    assert not any(" " in term for term in all_terms(plain))
    with_pairs = suggest_themes(docs, themes=3, bigrams=True)
    pairs = [term for term in all_terms(with_pairs) if " " in term]
    assert pairs
    assert "lang wachten" in pairs, pairs  # "na lang wachten", twice


# ---------------------------------------------------------------------------- robustness


def test_the_same_input_gives_the_same_result():
    nl_docs, _ = corpus(DUTCH, language=None)
    en_docs, _ = corpus(ENGLISH, language=None, prefix="en-")
    first = suggest_themes(nl_docs + en_docs, seed=3)
    second = suggest_themes(nl_docs + en_docs, seed=3)
    assert without_timings(first) == without_timings(second)


@pytest.mark.parametrize(
    "docs",
    [
        [],
        [Document(1, "Het buurtcafé schenkt koffie.", "nl")],
        [Document(1, "Het buurtcafé schenkt koffie.", "nl"), Document(2, "Brieven.", None)],
        [Document(n, "", None) for n in range(5)],
        [Document(n, "  12 34 !! de het", "nl") for n in range(5)],
        [Document(n, "koffie", "nl") for n in range(6)],
    ],
    ids=["none", "one", "two", "all-empty", "only-numbers-and-stop-words", "one-word"],
)
def test_tiny_and_empty_corpora_give_fewer_or_no_themes(docs):
    result = suggest_themes(docs)
    json.dumps(result)
    assert [doc["id"] for doc in result["documents"]] == [doc.id for doc in docs]
    assert result["summary"]["documents"] == len(docs)
    assert len(result["themes"]) <= max(0, len(docs) - 1)
    if len(docs) < 4:
        assert result["themes"] == []


def test_a_given_number_of_themes_is_capped_by_the_corpus():
    docs, planted = corpus({"cafe": DUTCH["cafe"][:4], "debt": DUTCH["debt"][:4]})
    two = suggest_themes(docs, themes=2)
    assert len(two["themes"]) == 2
    assert_themes_recovered(two, planted)
    many = suggest_themes(docs, themes=50)
    # a theme is the main theme of at least two stories, so 8 stories hold at most 4
    assert len(many["themes"]) <= 4
    assert all(theme["core"] >= 2 for theme in many["themes"])


EVERYDAY = words(
    "mensen stad straat vandaag kinderen school week dag huis werk goed groot nieuw "
    "morgen avond telefoon vriend moeder vraag antwoord"
)
THEME_WORDS = {
    "wait": words("wachten wachtte wachttijd uwv loket afspraak uitkering consulent formulier"),
    "cafe": words("buurtcafé koffie soep vrijwilliger buren gezellig ontmoeten maaltijd thee"),
    "debt": words("brief brieven schuld deurwaarder aanmaning boete rekening incasso betalen"),
}


def test_a_background_of_everyday_words_is_not_a_theme():
    """300 stories, each mostly everyday words and partly one planted theme's words. With 12
    themes to fill, NMF also makes themes of everyday words; no story is mainly about them,
    so they are left out."""
    rng = random.Random(5)
    docs, planted = [], {}
    for n in range(300):
        theme = list(THEME_WORDS)[n % 3]
        text = [rng.choice(EVERYDAY) for _ in range(24)]
        text += [rng.choice(THEME_WORDS[theme]) for _ in range(16)]
        rng.shuffle(text)
        docs.append(Document(n, " ".join(text), "nl"))
        planted[n] = theme
    result = suggest_themes(docs)
    assert auto_theme_count(["nl"] * 300) == 12
    assert 3 <= len(result["themes"]) < 12
    assert_themes_recovered(result, planted, min_share=0.9)
    for theme in result["themes"]:
        assert not set(EVERYDAY) & {t["term"] for t in theme["terms"][:3]}, theme["label"]
    # the corpus keywords are what stories are about, not the words every story uses
    top = [k["term"] for k in result["keywords"][:10]]
    assert not set(EVERYDAY) & set(top), top


def test_documents_may_be_tuples_or_mappings_and_ids_must_be_unique():
    result = suggest_themes(
        [(1, "Het buurtcafé schenkt koffie.", "nl"), {"id": 2, "text": "Koffie in het café."}]
    )
    assert [doc["id"] for doc in result["documents"]] == [1, 2]
    assert result["documents"][1]["language"] == "nl"
    with pytest.raises(ValueError, match="unique"):
        suggest_themes([(1, "a"), (1, "b")])


def test_progress_is_reported_from_start_to_end():
    calls = []
    docs, _ = corpus(DUTCH)
    suggest_themes(docs, progress=lambda done, total: calls.append((done, total)))
    assert calls[0] == (0, 100) and calls[-1] == (100, 100)
    assert len(calls) >= 5
    done = [d for d, _ in calls]
    assert done == sorted(done)
    empty_calls = []
    suggest_themes([], progress=lambda done, total: empty_calls.append((done, total)))
    assert empty_calls[0] == (0, 100) and empty_calls[-1] == (100, 100)


def test_keywords_list_the_stories_that_hold_them():
    docs, planted = corpus(DUTCH)
    result = suggest_themes(docs, keywords=10)
    assert len(result["keywords"]) == 10
    scores = [k["score"] for k in result["keywords"]]
    assert scores == sorted(scores, reverse=True)
    texts = {doc.id: doc.text.lower() for doc in docs}
    koffie = next(k for k in result["keywords"] if k["term"] == "koffie")
    assert set(koffie["ids"]) == {i for i, text in texts.items() if "koffie" in text}
    assert koffie["documents"] == len(koffie["ids"])


def test_nothing_is_fetched_from_the_network():
    """The lemmatiser's dictionaries and the stop lists ship with their packages: in a fresh
    process where every network connection fails, Dutch and English are lemmatised."""
    script = """
import socket

def refuse(*args, **kwargs):
    raise OSError("network use is not allowed")

socket.socket.connect = refuse
socket.create_connection = refuse
from constellate.analysis.themes import suggest_themes

result = suggest_themes(
    [
        (1, "Ik wachtte weken op de brieven.", "nl"),
        (2, "I waited for the letters.", "en"),
    ],
)
import urllib.request
try:
    urllib.request.urlopen("http://example.org", timeout=5)
except OSError:
    print("blocked")
print(sorted(term for doc in result["documents"] for term, _ in doc["keywords"]))
"""
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    terms = done.stdout.strip()
    assert "blocked" in terms.splitlines()
    for term in ("wachten", "brief", "wait", "letter"):
        assert repr(term) in terms, terms
