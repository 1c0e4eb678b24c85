"""Matching's word similarity, hand-written, against rapidfuzz's well-kept measures.

``consultant_app.matching.similarity.word_similarity`` is written by hand (shared starts and
ends of Danish compounds, shared stems, trigram overlap). The question: would a
well-kept library rank better? Three of rapidfuzz's measures stand in for it in turn (the rest
of matching unchanged: ``term_similarity`` combines word scores the same way):

* ``ratio``: normalised Indel similarity of the two words;
* ``partial_ratio``: the best alignment of the shorter word inside the longer (compounds);
* ``Jaro-Winkler``: edit similarity that weighs a shared start (Danish compounds share starts).

Quality, two ways, on labelled data a consultant would agree with:
1. **Pairs**: ``PAIRS`` below, skills and occupations that are related (a consultant would
   count one for the other) or not. Measured as AUC: the chance that a related pair scores
   above an unrelated one (1.0: every related pair above every unrelated one).
2. **Rankings**: the matching labelled set (``tests/unit/matching_cases.py``: vacancies, the
   citizens a consultant would pick, distractors) ranked by the real engine in a real profile;
   mean average precision of the picks.
Speed: term similarity of every pair, caches cleared, hand-written against the library.

    python -m benchmarks --only similarity
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.harness import Result

# (a, b, related): related when a consultant would count one for the other.
PAIRS: tuple[tuple[str, str, bool], ...] = (
    ("lager", "lagermedarbejder", True), ("lager", "lagerarbejde", True),
    ("plukning", "ordreplukning", True), ("lagermedarbejder", "lagerarbejder", True),
    ("chauffør", "budchauffør", True), ("chauffør", "lastbilchauffør", True),
    ("kørsel", "kørsel med varevogn", True), ("truck", "truckfører", True),
    ("truckcertifikat", "truck", True), ("pædagog", "pædagogmedhjælper", True),
    ("pædagogik", "pædagogisk assistent", True), ("børn", "børnepasning", True),
    ("rengøring", "erhvervsrengøring", True), ("rengøring", "rengøringsassistent", True),
    ("vinduespudsning", "vinduespudser", True), ("køkken", "køkkenmedhjælper", True),
    ("kok", "kokkeelev", True), ("koekken", "køkken", True), ("smed", "klejnsmed", True),
    ("svejsning", "svejser", True), ("tømrer", "tømrerarbejde", True),
    ("maler", "malerarbejde", True), ("elektriker", "elinstallation", True),
    ("pleje", "plejehjem", True), ("sosu", "sosu-hjælper", True),
    ("social- og sundhedshjælper", "sosu-hjælper", True),  # the same job, no shared words
    ("kundeservice", "kundeservicemedarbejder", True), ("salg", "salgsassistent", True),
    ("butik", "butiksassistent", True), ("kasse", "kassedame", True),
    ("regnskab", "regnskabsassistent", True), ("bogføring", "bogholder", True),
    ("kontor", "kontorassistent", True), ("it-support", "it support", True),
    ("gartner", "gartneri", True), ("landbrug", "landbrugsmedhjælper", True),
    ("post", "postbud", True), ("pakning", "pakkeri", True),
    # unrelated, some of them close in spelling
    ("lager", "læge", False), ("lager", "pleje", False), ("kørsel", "køkken", False),
    ("pædagog", "pakning", False), ("rengøringsassistent", "pædagogisk assistent", False),
    ("salgsassistent", "tandlægeassistent", False), ("smed", "smør", False),
    ("maler", "mejeri", False), ("kok", "kontor", False), ("truck", "tryk", False),
    ("chauffør", "chef", False), ("butik", "butler", False), ("sosu", "sushi", False),
    ("kasse", "kassebil", False), ("post", "poster", False), ("gartner", "garderobe", False),
    ("regnskab", "regnvand", False), ("pleje", "plejer hest", False),
    ("it-support", "sport", False), ("bogholder", "bogbinder", False),
    ("svejser", "svensk", False), ("tømrer", "tømning", False),
    ("elektriker", "elev", False), ("landbrug", "landmåler", False),
    ("vinduespudser", "vinduer", False), ("børnepasning", "hundepasning", False),
)


def _variants() -> dict[str, Callable[[str, str], float] | None]:
    from rapidfuzz import fuzz
    from rapidfuzz.distance import JaroWinkler
    return {
        "hand-written": None,  # the shipped function
        "rapidfuzz ratio": lambda a, b: fuzz.ratio(a, b) / 100,
        "rapidfuzz partial_ratio": lambda a, b: fuzz.partial_ratio(a, b) / 100,
        "rapidfuzz Jaro-Winkler": lambda a, b: JaroWinkler.normalized_similarity(a, b),
    }


class _Using:
    """``word_similarity`` replaced by ``fn`` (None: the shipped one) for the duration; the
    similarity caches are cleared on the way in and out."""

    def __init__(self, fn: Callable[[str, str], float] | None):
        self.fn = fn

    def __enter__(self) -> None:
        from consultant_app.matching import similarity
        self.shipped = similarity.word_similarity
        if self.fn is not None:
            similarity.word_similarity = self.fn  # type: ignore[assignment]
        self._clear()

    def __exit__(self, *exc: object) -> None:
        from consultant_app.matching import similarity
        similarity.word_similarity = self.shipped
        self._clear()

    @staticmethod
    def _clear() -> None:
        from consultant_app.matching import similarity
        for name in ("term_similarity", "word_similarity", "_words", "_trigrams"):
            cached = getattr(similarity, name)
            if hasattr(cached, "cache_clear"):
                cached.cache_clear()


def auc() -> float:
    from consultant_app.matching.similarity import term_similarity
    related = [term_similarity(a, b) for a, b, r in PAIRS if r]
    unrelated = [term_similarity(a, b) for a, b, r in PAIRS if not r]
    wins = sum(1.0 if x > y else 0.5 if x == y else 0.0 for x in related for y in unrelated)
    return wins / (len(related) * len(unrelated))


def _labelled_store(folder: Path) -> tuple[Any, dict[str, str]]:
    from consultant_app.store import Store
    from tests.unit import matching_cases as cases
    store = Store.create(folder / "p", "bench", kdf_n=2**10)
    with store.write() as s:
        ids = cases.add_to(s)
    return store, ids


def mean_average_precision(store: Any, ids: dict[str, str]) -> float:
    from consultant_app import matching
    from tests.unit import matching_cases as cases
    precisions = []
    for vacancy, picks in cases.PICKS.items():
        with store.read() as s:
            ranking = matching.rank_citizens(s, ids[vacancy], today=cases.TODAY,
                                             use_cache=False)
        order = [a.citizen.id for a in ranking.view()]
        wanted = {ids[p] for p in picks}
        hits, total = 0, 0.0
        for i, ident in enumerate(order, start=1):
            if ident in wanted:
                hits += 1
                total += hits / i
        precisions.append(total / len(wanted))
    return statistics.mean(precisions)


def _seconds() -> float:
    from consultant_app.matching.similarity import term_similarity
    _Using._clear()
    started = time.perf_counter()
    for _ in range(20):
        _Using._clear()
        for a, b, _r in PAIRS:
            term_similarity(a, b)
    return time.perf_counter() - started


def figures() -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        store, ids = _labelled_store(Path(tmp))
        try:
            for name, fn in _variants().items():
                with _Using(fn):
                    out[name] = {"auc": auc(), "map": mean_average_precision(store, ids),
                                 "seconds": _seconds()}
        finally:
            store.close()
    return out


def run(quick: bool) -> list[Result]:
    found = figures()
    hand = found.pop("hand-written")
    best_name, best = max(found.items(), key=lambda kv: (kv[1]["auc"], kv[1]["map"]))
    detail = {"hand-written": {k: round(v, 4) for k, v in hand.items()},
              **{name: {k: round(v, 4) for k, v in f.items()} for name, f in found.items()},
              "pairs": len(PAIRS)}
    return [
        Result("similarity", "word similarity: AUC on labelled pairs (higher is better)", "",
               hand["auc"], best["auc"], baseline_name=best_name, detail=detail),
        Result("similarity", "word similarity: MAP on the matching labelled set", "",
               hand["map"], best["map"], baseline_name=best_name, detail=detail),
        Result("similarity", "word similarity: time for the labelled pairs", "s",
               hand["seconds"], best["seconds"], baseline_name=best_name, detail=detail),
    ]


if __name__ == "__main__":
    for name, f in figures().items():
        print(f"{name:26s} AUC {f['auc']:.3f}  MAP {f['map']:.3f}  {f['seconds'] * 1000:.1f} ms")
