"""Gemeente search as people type it: accent- and case-blind, common and former names, ranked.

``build_index`` turns the gemeente names of the data division (2021), their 2023 successors and the
other names in ``data/gemeente_aliases.yaml`` (common names such as "Den Haag", gemeenten merged since
2021 such as "Appingedam") into search terms; ``search`` ranks the gemeenten for a typed text: a name
starting with it first, then a word of a name starting with it, then a name containing it anywhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import NamedTuple

from ks_data import paths
from ks_data.core.validation import read_yaml
from ks_data.geo import cache, lookups
from ks_data.texts import maps as tm
from ks_data.texts import search as ts

ALIASES_FILE = "gemeente_aliases.yaml"
SCHEMA_FILE = "gemeente_aliases.schema.json"
LIMIT = 8

# How a term names its gemeente; on equal rank the lower kind is listed first.
OFFICIAL, SUCCESSOR, COMMON, FORMER, CODE = range(5)
# How the typed text matches a term: the whole name starts with it, a word starts with it, anywhere.
PREFIX, WORD_START, SUBSTRING = range(3)

_NON_ALNUM = re.compile(r"[^0-9a-z]+")


class CommonName(NamedTuple):
    """A name people type for a gemeente (``name``) and the official CBS name it means (``gemeente``)."""

    name: str
    gemeente: str
    source: str


class Merger(NamedTuple):
    """A CBS herindeling: the ``former`` gemeenten went into ``into`` in ``year`` (on ``date``)."""

    year: int
    date: str
    former: tuple[str, ...]
    into: tuple[str, ...]
    source: str


class AliasBook(NamedTuple):
    """The contents of data/gemeente_aliases.yaml."""

    common_names: tuple[CommonName, ...] = ()
    mergers: tuple[Merger, ...] = ()


class Term(NamedTuple):
    """One searchable text of a gemeente: folded, folded without spaces, its kind and the text itself."""

    folded: str
    compact: str
    kind: int
    text: str
    year: int | None = None
    shares: int = 1  # for a former name: over how many gemeenten it was divided


class Entry(NamedTuple):
    """A gemeente in the index: code, official name, 2023 successor (merged ones) and its search terms."""

    code: str
    name: str
    successor: str | None
    terms: tuple[Term, ...]


class Hit(NamedTuple):
    """A found gemeente; ``matched`` is the other name that matched (common or former), None for its own."""

    code: str
    name: str
    successor: str | None
    matched: str | None
    kind: int
    rank: int
    year: int | None = None
    shares: int = 1  # for a former name: over how many gemeenten it was divided


class SearchResult(NamedTuple):
    """The best ``hits`` (at most the limit) and how many gemeenten matched in all."""

    hits: tuple[Hit, ...]
    total: int


def fold(text: str) -> str:
    """Lower case, accents dropped, punctuation as single spaces: how names are compared.

    >>> fold("Súdwest-Fryslân"), fold("'s-Gravenhage"), fold("  Bergen (NH.) ")
    ('sudwest fryslan', 's gravenhage', 'bergen nh')
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return _NON_ALNUM.sub(" ", plain).strip()


def load_aliases(path: Path | None = None) -> AliasBook:
    """Read data/gemeente_aliases.yaml (``path``), checked against its schema (DataFileError when broken)."""
    document = read_yaml(Path(path or paths.DATA_DIR / ALIASES_FILE), schema_path=paths.SCHEMA_DIR / SCHEMA_FILE)
    return AliasBook(
        common_names=tuple(CommonName(**item) for item in document["common_names"]),
        mergers=tuple(Merger(year=m["year"], date=m["date"], former=tuple(m["former"]), into=tuple(m["into"]),
                             source=m["source"]) for m in document["mergers"]),
    )


def _term(text: str, kind: int, year: int | None = None) -> list[Term]:
    folded = fold(text)
    if not folded:
        return []
    terms = [Term(folded, folded.replace(" ", ""), kind, text, year)]
    if folded.startswith("s ") and len(folded) > 2:  # 's-Gravenhage is also typed as "Gravenhage"
        terms.append(Term(folded[2:], folded[2:].replace(" ", ""), kind, text, year))
    return terms


def build_index(names: Mapping[str, str], *, successors: Mapping[str, str] | None = None,
                aliases: AliasBook | None = None) -> tuple[Entry, ...]:
    """Search entries for the gemeenten ``names`` (code -> official name, e.g. the 2021 division).

    ``successors`` (code -> 2023 name, ``lookups.successor_names``) makes "Dijk en Waard" find its 2021
    parts; ``aliases`` adds common names and the names of gemeenten merged before the division of
    ``names`` (a former name still in ``names`` is a gemeente of its own). Aliases naming a gemeente
    that is not in ``names`` are skipped.

    >>> index = build_index({"GM0518": "'s-Gravenhage"}, aliases=AliasBook(
    ...     common_names=(CommonName("Den Haag", "'s-Gravenhage", "roepnaam"),)))
    >>> [t.folded for t in index[0].terms]
    ['s gravenhage', 'gravenhage', 'gm0518', '0518', 'den haag']
    """
    successors = successors or {}
    aliases = aliases or AliasBook()
    code_of = {fold(name): code for code, name in names.items()}
    extra: dict[str, list[Term]] = {code: [] for code in names}
    for common in aliases.common_names:
        if (code := code_of.get(fold(common.gemeente))) is not None:
            extra[code] += _term(common.name, COMMON)
    for merger in aliases.mergers:
        targets = [code_of[fold(name)] for name in merger.into if fold(name) in code_of]
        for former in merger.former:
            if fold(former) in code_of:
                continue  # still a gemeente of the data division: found by its own name
            for code in targets:
                extra[code] += [t._replace(year=merger.year) for t in _term(former, FORMER)]
    shares = Counter(text for terms in extra.values() for text in {t.text for t in terms if t.kind == FORMER})
    entries = []
    for code, name in names.items():
        successor = successors.get(code)
        terms = _term(name, OFFICIAL) + (_term(successor, SUCCESSOR) if successor else [])
        terms += [Term(fold(code), fold(code), CODE, code), Term(code[2:], code[2:], CODE, code)]
        terms += [t._replace(shares=shares[t.text]) if t.kind == FORMER else t for t in extra[code]]
        entries.append(Entry(code, name, successor, tuple(terms)))
    return tuple(sorted(entries, key=lambda entry: fold(entry.name)))


def _rank(term: Term, query: str, compact: str) -> int | None:
    if term.kind == CODE and not any(char.isdigit() for char in query):
        return None  # "gm" alone is no code search
    if term.folded.startswith(query):
        return PREFIX
    if f" {query}" in f" {term.folded}":
        return WORD_START
    if query in term.folded or compact in term.compact:  # also "sudwestfryslan" without its hyphen
        return SUBSTRING
    return None


def search(index: tuple[Entry, ...], query: str, *, limit: int = LIMIT) -> SearchResult:
    """The gemeenten of ``index`` matching ``query``, best first, at most ``limit`` (and the total count).

    Ranked by how the text matches (start of the name, start of a word, anywhere), then by what matched
    (own name, 2023 name, common name, former name, code), then alphabetically. An empty query finds nothing.

    >>> index = build_index({"GM1900": "Súdwest-Fryslân", "GM0363": "Amsterdam", "GM0457": "Weesp"},
    ...                     successors={"GM0457": "Amsterdam"})
    >>> [hit.name for hit in search(index, "SUDWEST").hits], [hit.name for hit in search(index, "amster").hits]
    (['Súdwest-Fryslân'], ['Amsterdam', 'Weesp'])
    >>> search(index, "xyz")
    SearchResult(hits=(), total=0)
    """
    folded = fold(query)
    if not folded:
        return SearchResult((), 0)
    compact = folded.replace(" ", "")
    found: list[tuple[tuple[int, int, int], Hit]] = []
    for order, entry in enumerate(index):
        best: tuple[int, int, Term] | None = None
        for term in entry.terms:
            rank = _rank(term, folded, compact)
            if rank is not None and (best is None or (rank, term.kind) < best[:2]):
                best = (rank, term.kind, term)
        if best is not None:
            rank, kind, term = best
            matched = term.text if kind in (COMMON, FORMER) else None
            hit = Hit(entry.code, entry.name, entry.successor, matched, kind, rank, term.year, term.shares)
            found.append(((rank, kind, order), hit))
    found.sort(key=lambda pair: pair[0])
    return SearchResult(tuple(hit for _, hit in found[:limit]), len(found))


def gemeente_index(*, year: int = cache.DATA_YEAR, cache_dir: Path | None = None,
                   aliases: AliasBook | None = None) -> tuple[Entry, ...]:
    """The search index of the gemeenten of ``year`` in the boundary cache (2023 successors for 2021 codes).

    ``aliases`` defaults to data/gemeente_aliases.yaml (DataFileError when that file is broken).
    """
    names = lookups.gemeente_names(years=(year,), cache_dir=cache_dir)
    successors = lookups.successor_names(cache_dir=cache_dir) if year == cache.DATA_YEAR else {}
    return build_index(names, successors=successors, aliases=load_aliases() if aliases is None else aliases)


def hit_label(hit: Hit) -> str:
    """What the result list shows for a hit: the name, its 2023 successor or the other name that matched.

    >>> hit_label(Hit("GM1979", "Eemsdelta", None, "Appingedam", FORMER, PREFIX, 2021))
    'Eemsdelta (voorheen Appingedam, tot 2021)'
    >>> hit_label(Hit("GM0457", "Weesp", "Amsterdam", None, SUCCESSOR, PREFIX))
    'Weesp (nu Amsterdam)'
    """
    if hit.kind == COMMON:
        return ts.HIT_COMMON.format(name=hit.name, alias=hit.matched)
    if hit.kind == FORMER:
        text = ts.HIT_FORMER if hit.shares == 1 else ts.HIT_FORMER_PART
        return text.format(name=hit.name, former=hit.matched, year=hit.year)
    return display_name(hit.name, hit.successor)


def display_name(name: str, successor: str | None = None) -> str:
    """A gemeente's name, with its 2023 successor when it merged: 'Weesp (nu Amsterdam)'."""
    return tm.PICKER_MERGED.format(name=name, successor=successor) if successor else name
