"""Stop words for theme suggestions.

Dutch and English have their own short lists here: function words (articles, pronouns,
prepositions, conjunctions, auxiliaries and their forms) and the filler verbs and adverbs of
spoken stories ("zeggen", "gewoon", "really"). The stopwords-iso lists for these two languages
also hold words that carry meaning in community stories ("work", "help", "home", "problems",
"onzeker", "samen"), so they are not used for them. Every other language takes its
stopwords-iso list (bundled with the package, read from disk, never fetched); a language it
does not know gets no stop words, and the corpus-level document-frequency cut still removes the
commonest words.
"""

from __future__ import annotations

from functools import cache

import stopwordsiso


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DUTCH = _words(
    """
    aan achter af al alle allemaal alleen alles als alsof altijd ander andere anders
    ben bent bij beetje beide binnen boven buiten daar daarna daarom daarbij daardoor
    daarin daarmee daarop daarvan dan dat de deed deden den der deze die dit doe doen doet
    door dus echt echter een eens eerst eigenlijk elk elke en enige enkele er erg ergens
    even gaan gaat geen gegaan gehad geweest gewoon ging gingen had hadden heb hebben hebt
    heeft heel hem hen het hier hij hoe hoor hun iedereen iemand iets ik in is ja je jij
    jou jouw jullie kan kon konden komen komt kwam kwamen kun kunnen kunt laat laten liet
    maar mag me meer meeste men met mezelf mij mijn mijzelf moest moesten moet moeten
    mocht mochten mogen naar natuurlijk nee net niet niets nog nogal nou nu of ofzo om
    omdat ondanks onder ons onze ook op over pas per precies rond sinds sommige soms
    steeds te tegen terwijl toch toe toen tot tussen uit van vanaf vanuit veel verder
    via vond voor vooral waar waarom wanneer want waren was wat we weer wel welk welke
    werd werden weten weet wie wij wil willen word worden wordt zal ze zeg zeggen zegt
    zei zeiden zelf zich zichzelf zie zien zij zijn zo zoals zonder zou zouden zullen
    zulke vinden vindt denk denken dacht maken maakt maakte gemaakt gedaan gezegd
    gekomen gezien gewild gekund gemoeten
    """
)

ENGLISH = _words(
    """
    about above after again against all also although always am among an and another any
    anyone anything are aren around as at away back be became because been before being
    below between both but by came can cannot could couldn did didn do does doesn doing
    don done down during each either else even ever every everyone everything few for
    from further get gets getting give go goes going gone got gotten had hadn has hasn have
    haven having he her here hers herself him himself his how however into is isn it its
    itself just know knew known least less let like ll made make makes many may maybe me
    might mine more most much must my myself never no nobody none nor not nothing now of
    off often on once one only onto or other others our ours ourselves out over own quite
    rather re really said same say says see seem seemed seems shall she should shouldn
    since so some somebody someone something sometimes still such take than that the their
    theirs them themselves then there these they thing things think this those though
    through thus till to together told too took toward towards under until up upon us very
    ve via want wanted was wasn way we well went were weren what whatever when where
    whether which while who whom whose why will with within without won would wouldn yes
    yet you your yours yourself yourselves tell tells telling come comes coming
    """
)

OWN = {"nl": DUTCH, "en": ENGLISH}


@cache
def stop_words(language: str | None) -> frozenset[str]:
    """The stop words of a language (a lowercase ISO 639-1 code). For an unknown language
    (None) the Dutch and English lists together, since stories here are mostly in those."""
    if language is None:
        return DUTCH | ENGLISH
    if language in OWN:
        return OWN[language]
    return frozenset(word.lower() for word in stopwordsiso.stopwords(language))
