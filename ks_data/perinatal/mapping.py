"""What each column of a user file means: recognising headers as people write them, and the confirmed mapping.

``describe_header`` reads a header such as "Laag geboortegewicht voor zwangerschapsduur (%)", "Perinatale
sterfte (per 1.000)" or "Aantal geboorten (vanaf 24 weken)" into a role (``sga_pct``, ``perinatal_deaths_permille``,
``births``) plus the definition variant it names (22 or 24 weeks, 7 or 28 days). ``guess_mapping`` proposes a
``Mapping`` for a whole table (wide: one column per item; long: an indicator and a value column) that the Data
page shows per column and the user may correct before anything is loaded.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace

from ks_data.perinatal import cells
from ks_data.perinatal import schema as ps
from ks_data.perinatal.indicators import definition_weeks

RATE_SUFFIXES = {"pct": 100, "permille": 1000}
ROLES: tuple[str, ...] = (
    "ignore", "area_code", "area_name", "level", "gemeentecode", "period", "births",
    *[f"{event}{suffix}" for event in ps.EVENT_COLUMNS for suffix in ("", "_pct", "_permille")],
    "indicator", "value", "unit",
)
LONG_ROLES = ("indicator", "value", "unit")

_PCT = re.compile(r"%|\bprocent\b|\bpercentage\b|\bpct\b|\bperc\b")
_PERMILLE = re.compile(r"‰|\bpromille\b|\bper\s*1[.,\s]?000\b(?:\s*(?:levend|dood|en|geboren|geborenen|geboorten|"
                       r"kinderen|levendgeborenen|doodgeborenen|totaal|-)\b)*")
_COUNT = re.compile(r"\baantal(?:len)?\b|\babs(?:oluut)?\b")
_WEEKS = re.compile(r"(?:vanaf|>=|≥|\bna\b)?\s*\b(22|24)\s*\+?\s*(?:weken|wk|w)\b(?:\s*(?:of|en)\s*(?:meer|langer))?")
_DAYS = re.compile(r"(?:\btot\s*(?:en\s*met\s*)?)?\b(7|28)\s*(?:dagen|dg|d)\b(?:\s*na\s*(?:de\s*)?geboorte)?")
_TERM = re.compile(r"[<≤]\s*37\s*(?:weken|wk)\b|\bkorter dan 37 weken\b")
_FILLERS = frozenset({"aantal", "aantallen", "percentage", "pct", "procent", "promille", "absoluut", "abs", "tot",
                      "na", "de", "het", "van", "in", "geboorte", "met", "en", "%", "per", "totaal"})


def event_of(role: str) -> str | None:
    """The event count a role is about ('big2' for 'big2', 'big2_pct'), or None.

    >>> event_of("big2_pct"), event_of("perinatal_deaths_28d_permille"), event_of("births")
    ('big2', 'perinatal_deaths_28d', None)
    """
    base = re.sub(r"_(pct|permille)$", "", role)
    return base if base in ps.EVENT_COLUMNS else None


def rate_per(role: str) -> int | None:
    """100 for a percentage role, 1000 for a per-1.000 role, None for counts and other roles."""
    match = re.search(r"_(pct|permille)$", role)
    return RATE_SUFFIXES[match.group(1)] if match else None


# Roles a long-format indicator (the text in its indicator column, with its unit) can have.
VALUE_ROLES: tuple[str, ...] = tuple(r for r in ROLES if r in ("ignore", "births") or event_of(r))


def _key(text: str) -> str:
    return " ".join(t for t in ps.normalize_header(text).split() if t not in _FILLERS)


_ALIASES: dict[str, str] = {}
for _spec in ps.COLUMNS:
    for _alias in _spec.aliases:
        _ALIASES.setdefault(_key(_alias), _spec.name)
_ALIASES.setdefault("n", "births")


@dataclass(frozen=True)
class HeaderMeaning:
    """What a header (or a long-format indicator name) says: its item, unit, and the variant it names."""

    item: str | None  # a ColumnSpec name, or None when not recognised
    per: int | None = None  # 100 (%), 1000 (per 1.000), None (count or unknown)
    says_count: bool = False
    weeks: int | None = None
    days: int | None = None

    @property
    def role(self) -> str:
        """The mapping role, e.g. 'sga_pct'; 'ignore' when the item is unknown."""
        if self.item is None:
            return "ignore"
        item = "perinatal_deaths_28d" if self.item == "perinatal_deaths" and self.days == 28 else self.item
        if item in ps.EVENT_COLUMNS and self.per:
            return f"{item}_{'pct' if self.per == 100 else 'permille'}"
        return item


def describe_header(text: object, *, unit: object = None) -> HeaderMeaning:
    """Read a header as people write it (units in parentheses, 'vanaf 24 weken', 'tot 28 dagen').

    ``unit`` is a long-format unit cell ('%', 'per 1.000', 'aantal') that overrides the header's unit.

    >>> describe_header("Laag geboortegewicht voor zwangerschapsduur (%)").role
    'sga_pct'
    >>> describe_header("Perinatale sterfte (per 1.000)").role, describe_header("Aantal geboorten (vanaf 24 weken)")
    ('perinatal_deaths_permille', HeaderMeaning(item='births', per=None, says_count=True, weeks=24, days=None))
    >>> describe_header("Sterfte tot 28 dagen (‰)").role, describe_header("Big2", unit="%").role
    ('perinatal_deaths_28d_permille', 'big2_pct')
    """
    lowered = unicodedata.normalize("NFKC", "" if cells.is_blank(text) else str(text)).lower().replace("_", " ")
    unit_text = "" if cells.is_blank(unit) else unicodedata.normalize("NFKC", str(unit)).lower()
    per, says_count = _unit(unit_text) if unit_text else (None, False)
    if not unit_text:
        per, says_count = _unit(lowered)
    stripped = _PERMILLE.sub(" ", _PCT.sub(" ", lowered))
    weeks = days = None
    if match := _WEEKS.search(stripped):
        weeks, stripped = int(match.group(1)), _WEEKS.sub(" ", stripped)
    if match := _DAYS.search(stripped):
        days, stripped = int(match.group(1)), _DAYS.sub(" ", stripped)
    for candidate in (_TERM.sub(" ", stripped), stripped, lowered):
        item = _ALIASES.get(_key(candidate))
        if item is not None:
            return HeaderMeaning(item, per, says_count, weeks, days)
    return HeaderMeaning(None, per, says_count, weeks, days)


def _unit(text: str) -> tuple[int | None, bool]:
    if _PERMILLE.search(text):
        return 1000, False
    if _PCT.search(text):
        return 100, False
    return None, bool(_COUNT.search(text))


@dataclass(frozen=True)
class Mapping:
    """The meaning of every column (``roles``, in header order), of every long-format indicator (``indicators``:
    (indicator text, unit text) -> role) and the definition variant (from 24 or 22 weeks) of the file."""

    roles: tuple[str, ...]
    indicators: tuple[tuple[tuple[str, str], str], ...] = ()
    big2_weeks: int = 24
    mortality_weeks: int = 22
    notes: tuple[str, ...] = field(default=(), compare=False)

    @property
    def layout(self) -> str:
        """'long' when the file has an indicator and a value column, else 'wide'."""
        return "long" if "indicator" in self.roles and "value" in self.roles else "wide"

    def position(self, role: str) -> int | None:
        """The column holding ``role`` (the first one), or None."""
        return self.roles.index(role) if role in self.roles else None

    def with_role(self, column: int, role: str) -> Mapping:
        """The same mapping with column ``column`` given ``role`` (another column holding it is set to 'ignore')."""
        roles = ["ignore" if r == role and role != "ignore" else r for r in self.roles]
        roles[column] = role
        return replace(self, roles=tuple(roles))

    def to_dict(self) -> dict:
        """A JSON-ready form (for remembering a confirmed mapping)."""
        return {"roles": list(self.roles), "indicators": [[list(k), r] for k, r in self.indicators],
                "big2_weeks": self.big2_weeks, "mortality_weeks": self.mortality_weeks}

    @classmethod
    def from_dict(cls, data: dict) -> Mapping:
        """The inverse of :meth:`to_dict`; raises ValueError for an unknown role or variant."""
        roles = tuple(str(r) for r in data["roles"])
        indicators = tuple(((str(k[0]), str(k[1])), str(r)) for k, r in data.get("indicators", []))
        defaults = definition_weeks()
        weeks = int(data.get("big2_weeks", defaults[0])), int(data.get("mortality_weeks", defaults[1]))
        if not set(roles) <= set(ROLES) or not {r for _, r in indicators} <= set(VALUE_ROLES) \
                or not set(weeks) <= set(ps.WEEKS):
            raise ValueError("unknown role or variant in a stored mapping")
        return cls(roles, indicators, *weeks)


def header_signature(headers: list[str]) -> str:
    """A short stable key of a file's headers (case, spacing and punctuation ignored): same headers, same key."""
    text = "\x1f".join(ps.normalize_header(h) for h in headers)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def header_score(headers: list[object]) -> int:
    """How many cells of a row read as known headers (used to find the header row below title lines)."""
    return sum(1 for h in headers if not cells.is_blank(h) and describe_header(h).item is not None)


def _looks_like_rate(values: list[object], *, per: int) -> bool:
    """Whether sample cells of an outcome column without a unit are rates: most have decimals ('15,3') or a
    '%'/'‰' sign, and none is above ``per``."""
    shown = [v for v in values if not cells.is_blank(v) and cells.censored(v) is None]
    decimal = 0
    for value in shown:
        text = str(value).strip()
        if isinstance(value, float) and value != int(value) or re.fullmatch(r"\d+,\d+\s*[%‰]?|\d+\.\d{1,2}|\d+\s*[%‰]", text):
            decimal += 1
        try:
            if cells.parse_rate(value, per=per).fraction > 1:
                return False
        except cells.CellError:
            return False
    return bool(shown) and decimal >= 0.8 * len(shown)


def _looks_like_code(values: list[object]) -> bool:
    texts = [str(v).strip() for v in values if not cells.is_blank(v)]
    return bool(texts) and all(re.fullmatch(r"(?i)GM\d{1,4}|NL\d{0,2}", t) for t in texts)


def guess_mapping(headers: list[str], sample: list[list[object]]) -> Mapping:
    """The mapping the app proposes for a table with ``headers`` and some body rows (``sample``).

    Outcome columns without a unit are rates when their cells have decimals ('15,3'): % for Big2, preterm and
    SGA, per 1.000 for perinatal mortality. A file with a PC4 and a gemeente code column uses the PC4 as area
    code; a 'Gemeente' column holding codes (GM0363) is the area code. One column per role (the first wins).

    >>> guess_mapping(["Gemeente", "Periode", "Aantal geboorten (vanaf 24 weken)", "Big2 (%)"],
    ...               [["GM0363", "2020", "8.998", "14,8"]]).roles
    ('area_code', 'period', 'births', 'big2_pct')
    """
    columns = [[row[i] if i < len(row) else None for row in sample] for i in range(len(headers))]
    meanings = [describe_header(h) for h in headers]
    roles: list[str] = []
    for meaning, values in zip(meanings, columns):
        role = meaning.role
        event = event_of(role)
        per = 1000 if event in ps.MORTALITY_COLUMNS else 100
        if event and rate_per(role) is None and not meaning.says_count and _looks_like_rate(values, per=per):
            role = f"{event}_{'permille' if per == 1000 else 'pct'}"
        if role == "area_name" and _looks_like_code(values):
            role = "area_code"
        roles.append(role)
    roles = _codes(roles, headers)
    seen: set[str] = set()
    for i, role in enumerate(roles):
        if role != "ignore" and role in seen:
            roles[i] = "ignore"
        seen.add(role)
    if "area_code" not in roles and "area_name" in roles and _looks_like_code(columns[roles.index("area_name")]):
        roles[roles.index("area_name")] = "area_code"
    return Mapping(tuple(roles), (), *_variants(meanings, roles))


def _codes(roles: list[str], headers: list[str]) -> list[str]:
    """Several code columns: PC4 -> area code, gemeente -> gemeentecode; a specific code beats a generic one."""
    positions = [i for i, r in enumerate(roles) if r == "area_code"]
    if len(positions) < 2:
        return roles
    hints = {i: ps.level_hint(headers[i]) for i in positions}
    pc4 = [i for i in positions if hints[i] == "pc4"]
    gemeente = [i for i in positions if hints[i] == "gemeente"]
    chosen = (pc4 or gemeente or positions)[0]
    out = list(roles)
    for i in positions:
        out[i] = "area_code" if i == chosen else ("gemeentecode" if pc4 and i == (gemeente or [None])[0] else "ignore")
    return out


def _variants(meanings: list[HeaderMeaning], roles: list[str]) -> tuple[int, int]:
    """(big2_weeks, mortality_weeks) named by the headers (22 or 24), else as the definitions count."""
    big2 = [m.weeks for m, r in zip(meanings, roles) if m.weeks and (r == "births" or event_of(r) in
                                                                      ("big2", "preterm", "sga"))]
    mortality = [m.weeks for m, r in zip(meanings, roles) if m.weeks and event_of(r) in ps.MORTALITY_COLUMNS]
    defaults = definition_weeks()
    return (big2[0] if big2 else defaults[0]), (mortality[0] if mortality else defaults[1])


def guess_indicators(pairs: list[tuple[str, str]]) -> tuple[tuple[tuple[str, str], str], ...]:
    """Roles of the distinct (indicator text, unit text) pairs of a long-format file.

    >>> guess_indicators([("Big2", "%"), ("Aantal geboorten", "aantal"), ("Rookgedrag", "%")])
    ((('Big2', '%'), 'big2_pct'), (('Aantal geboorten', 'aantal'), 'births'), (('Rookgedrag', '%'), 'ignore'))
    """
    out = []
    for indicator, unit in pairs:
        role = describe_header(indicator, unit=unit or None).role
        out.append(((indicator, unit), role if role in VALUE_ROLES else "ignore"))
    return tuple(out)
