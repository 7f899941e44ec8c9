"""Printable municipality report ("Gemeenterapport"): profile, PC4 map and table(s), national context, denkraam.

One self-contained HTML document built from plain frames (no Streamlit), with the shared parts of
``reports.html`` and the map drawn by ``maps.svg``. Every figure carries its source line and, for synthetic
perinatal data, the label "synthetisch voorbeeld". The print stylesheet uses A4, starts every section after
the first on a new page (page 1 holds the title and the profile), keeps table rows whole and hides the print
button.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pandas as pd

from ks_data.assessment.items import AssessmentRecord, ItemBank
from ks_data.assessment.scoring import part_scores
from ks_data.assessment.views import notes_by_element, score_table
from ks_data.geo import cache as geo
from ks_data.maps.svg import legend_html, map_svg
from ks_data.national.catalogue import Catalogue
from ks_data.national.headline import source_text, tiles
from ks_data.perinatal import indicators as perinatal_indicators
from ks_data.perinatal import views as perinatal_views
from ks_data.perinatal.captions import national_note
from ks_data.perinatal.captions import sources_text as perinatal_sources
from ks_data.perinatal.indicators import PerinatalIndicator
from ks_data.reports.assessment import radar_svg
from ks_data.reports.html import document, esc, html_table, section, source_html
from ks_data.texts import assessment as ta
from ks_data.texts import common as tc
from ks_data.texts import maps as tm
from ks_data.texts import perinatal as tp
from ks_data.texts import reports as tr

if TYPE_CHECKING:
    from ks_data.maps.layers import Layer

# Screen columns right-aligned in the tables (values, counts, intervals).
_NUMERIC = {tp.TABLE_COLUMNS[c] for c in ("numerator", "denominator", "value", "ci", "national_value")}
_NUMERIC |= {ta.COLUMN_SCORE, ta.COLUMN_SCORED, ta.COLUMN_DONT_KNOW, ta.COLUMN_OPEN, ta.COLUMN_RANK}
_NUMERIC |= {tr.NATIONAL_COLUMNS[c] for c in ("number", "value", "year")}
# Columns of the on-screen profile table that the report shows elsewhere (heading, definitions, labels).
_PROFILE_DROP = [tp.TABLE_COLUMNS[c] for c in ("period", "definition", "is_synthetic")]
_PC4_DROP = [tp.TABLE_COLUMNS["is_synthetic"]]

# After reports.html.BASE_CSS: this report's sizes, the map and legend, and its print rules.
_CSS = """
@page { margin: 14mm 12mm 16mm; }
@page { @bottom-right { content: counter(page) " / " counter(pages); font: 8pt Arial, sans-serif; color: #555; } }
body { font-size: 10pt; padding: 8mm 4mm; }
h1 { margin: 0 0 1mm; }
h2 { font-size: 13pt; margin: 0 0 2mm; border-bottom: 1px solid #bbb; color: #0b6e99; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 1mm 0 2mm; }
.sub { font-size: 11pt; }
.banner { border: 2px dashed #b35c00; padding: 2mm 3mm; font-weight: bold; }
.synthetic { display: inline-block; border: 1px dashed #b35c00; padding: 0 2mm; font-size: 8.5pt;
             font-weight: bold; margin-bottom: 1mm; }
section { margin-top: 8mm; }
table { font-size: 8.5pt; margin: 1mm 0; }
thead { display: table-header-group; }
th, td { padding: 0.6mm 1.5mm; }
th { background: #eef3f6; }
.source, .note, footer { font-size: 8pt; color: #444; }
.source { margin-top: 1mm; }
dl { font-size: 8.5pt; margin: 1mm 0; }
dt { font-weight: bold; margin-top: 1.5mm; }
dd { margin: 0 0 0 4mm; }
figure { margin: 0 auto; max-width: 120mm; }
figure svg { width: 100%; height: auto; max-height: 75mm; overflow: visible; }
.map { display: flex; gap: 4mm; align-items: flex-start; break-inside: avoid; }
.mapfig { flex: 1 1 auto; max-width: 135mm; margin: 0; }
.mapfig svg { width: 100%; height: auto; max-height: 150mm; }
.mapfig text { paint-order: stroke; stroke: #fff; stroke-width: 1.6px; }
.legend { font-size: 8.5pt; flex: 0 0 45mm; }
.legend ul { list-style: none; padding: 0; margin: 1mm 0; }
.legend li { display: flex; align-items: center; gap: 1.5mm; margin: 0.8mm 0; }
.swatch { display: inline-block; flex: none; width: 7mm; height: 3.5mm; border: 1px solid #555; }
ul.notes { font-size: 8.5pt; margin: 0 0 1mm; padding-left: 5mm; }
footer { margin-top: 6mm; border-top: 1px solid #ccc; padding-top: 1mm; }
@media print {
  .print { display: none; }
  body { padding: 0; max-width: none; }
  section { margin-top: 0; break-before: page; }
  section:first-of-type { margin-top: 4mm; break-before: auto; }  /* page 1: the title with the first figures */
  h2, h3, figure, figcaption { break-after: avoid; break-inside: avoid; }
  tr, dt, dd, li, .source { break-inside: avoid; }
  .banner, .synthetic, .swatch, svg { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""
# Chromium prints this text in the bottom-left margin of every page when the data are synthetic.
_RUNNING_MARK_CSS = '@page { @bottom-left { content: "%s"; font: bold 8pt Arial, sans-serif; } }'


@dataclass(frozen=True)
class Pc4Table:
    """The PC4 areas of one indicator (``rates_profile.pc4_areas``)."""

    indicator: PerinatalIndicator
    frame: pd.DataFrame


@dataclass(frozen=True)
class MapSnapshot:
    """A PC4 map layer (``map_layers.pc4_layer``: geometry, fill, no_data, area_code) drawn as inline SVG."""

    indicator_id: str
    frame: pd.DataFrame
    legend: list[tuple]  # (colour, label[, dashed]) as map_values.legend_items
    title: str
    source: str


@dataclass(frozen=True)
class Denkraam:
    """A saved self-assessment and the item bank it was filled in with."""

    bank: ItemBank
    record: AssessmentRecord


@dataclass(frozen=True)
class ReportContent:
    """Everything one report shows; frames as the profile page gets them from ``ks_data.perinatal.profile``."""

    code: str
    name: str
    period: str
    profile: pd.DataFrame  # rates_profile.overview/spine rows of the gemeente
    data_source: str  # PerinatalDataset.source_label
    synthetic: bool
    pc4: tuple[Pc4Table, ...] = ()
    pc4_map: MapSnapshot | None = None
    national: pd.DataFrame | None = None  # national_frame(catalogue)
    national_source: str = ""
    denkraam: Denkraam | None = None


# --- the PC4 map ------------------------------------------------------------------------------------------
def map_snapshot(layer: Layer, *, indicator_id: str, title: str) -> MapSnapshot | None:
    """The PC4 map of a ``map_layers.Layer`` with its boundary and data source; None without any figure."""
    if layer.frame.empty or bool(layer.frame["no_data"].all()):
        return None
    source = tm.SOURCE_PC4.format(year=geo.PC4_GEOMETRY_YEAR)
    if layer.source:
        source = f"{source}; {tm.SOURCE_DATA.format(source=layer.source)}"
    return MapSnapshot(indicator_id=indicator_id, frame=layer.frame, legend=list(layer.legend), title=title,
                       source=source)


def _map_html(snapshot: MapSnapshot, *, synthetic: bool) -> str:
    """The map (``maps.svg``) with its legend beside it and its source line below."""
    return (f"<div class='map'><figure class='mapfig'>{map_svg(snapshot.frame, title=snapshot.title)}</figure>"
            f"{legend_html(snapshot.legend, title=snapshot.title)}</div>"
            f"{source_html(snapshot.source, synthetic=synthetic)}")


def _table(frame: pd.DataFrame) -> str:
    return html_table(frame, numeric=_NUMERIC)


# --- sections ----------------------------------------------------------------------------------------------
def profile_section(content: ReportContent) -> str:
    """Every indicator of the gemeente: value, 95%-BI, Nederland, comparison in words, then the definitions."""
    profile = content.profile
    title = tr.PROFILE_HEADING.format(name=content.name, period=content.period)
    if profile.empty:
        return section("profiel", title, f"<p>{esc(tc.NO_DATA)}</p>", synthetic=content.synthetic)
    table = perinatal_views.display(profile, view="overview")
    table = table.drop(columns=[c for c in _PROFILE_DROP if c in table.columns])
    definitions = "".join(
        f"<dt>{esc(row['title'])}</dt><dd>{esc(_definition_line(row))}</dd>" for _, row in profile.iterrows()
    )
    source = tp.FIGURE_SOURCE.format(data=content.data_source,
                                     definition_source=perinatal_sources(profile))
    body = (f"<p class='note'>{esc(tr.PROFILE_INTRO)}</p>{_table(table)}"
            f"{source_html(source, synthetic=content.synthetic)}"
            f"<p class='note'>{esc(national_note(profile))}</p>"
            f"<h3>{esc(tr.DEFINITIONS_HEADING)}</h3><dl>{definitions}</dl>")
    return section("profiel", title, body, synthetic=content.synthetic)


def _definition_line(row: pd.Series) -> str:
    ind = perinatal_indicators.indicator(str(row["indicator_id"]))
    return tr.DEFINITION_LINE.format(definition=ind.definition, variant=ind.variant, numerator=ind.numerator_label,
                                     denominator=ind.denominator_label, source=ind.source)


def pc4_section(content: ReportContent) -> str:
    """One table of PC4 areas per chosen indicator, suppressed cells marked as on screen."""
    parts = []
    for table in content.pc4:
        ind = table.indicator
        parts.append(f"<h3>{esc(tr.PC4_INDICATOR.format(title=ind.title))}</h3>")
        if content.pc4_map is not None and content.pc4_map.indicator_id == ind.id:
            parts.append(_map_html(content.pc4_map, synthetic=content.synthetic))
        if table.frame.empty:
            parts.append(f"<p>{esc(tp.PC4_NONE)}</p>")
            continue
        shown = perinatal_views.display(table.frame, view="pc4")
        shown = shown.drop(columns=[c for c in _PC4_DROP if c in shown.columns])
        source = tr.PC4_SOURCE.format(data=content.data_source, definition_source=ind.source)
        parts.append(_table(shown) + source_html(source, synthetic=content.synthetic))
    body = f"<p class='note'>{esc(tp.PC4_NOTE)}</p>{''.join(parts)}"
    return section("pc4", tr.PC4_HEADING.format(name=content.name, period=content.period), body,
                   synthetic=content.synthetic)


def national_frame(catalogue: Catalogue) -> pd.DataFrame:
    """The latest national value of every RIVM indicator with teller/noemer and source (display strings)."""
    rows = []
    for tile in tiles(catalogue):
        ind = catalogue.get(tile.indicator_id)
        rows.append({"number": tile.number, "name": ind.name, "value": tile.value_text, "year": tile.year,
                     "judgement": tile.judgement_text, "definition": f"{ind.numerator} / {ind.denominator}",
                     "source": source_text(catalogue, ind)})
    return pd.DataFrame(rows, columns=list(tr.NATIONAL_COLUMNS)).rename(columns=tr.NATIONAL_COLUMNS)


def national_section(content: ReportContent) -> str:
    """The national key indicators as context (real RIVM figures, so never labelled synthetic)."""
    body = (f"<p class='note'>{esc(tr.NATIONAL_INTRO.format(name=content.name))}</p>"
            f"{_table(content.national)}"
            f"{source_html(tr.NATIONAL_SOURCE.format(document=content.national_source))}")
    return section("landelijk", tr.NATIONAL_HEADING, body)


def denkraam_section(denkraam: Denkraam) -> str:
    """Element scores with a small radar per scored part, the method, and the coalition's notes."""
    bank, record = denkraam.bank, denkraam.record
    subtitle = ta.report_subtitle(coalition=record.coalition, gemeente=record.gemeente, day=record.assessment_date)
    parts = [f"<p>{esc(tr.DENKRAAM_LATEST.format(subtitle=subtitle))}</p>"]
    for i, part in enumerate(bank.parts):
        frame = part_scores(bank, record.answers, part=part.id)
        if i > 0 and frame["n_scored"].sum() == 0:
            continue  # themes only once scored, as in the one-page assessment report
        parts.append(f"<h3>{esc(part.title)}</h3><figure><figcaption>{esc(tr.DENKRAAM_RADAR)}</figcaption>"
                     f"{radar_svg(frame, size=260)}</figure>{_table(score_table(frame))}"
                     f"<p class='source'>{esc(ta.source_ref(part.source_section))}</p>")
    parts.append(f"<p class='note'>{esc(ta.REPORT_METHOD)}</p>")
    notes = notes_by_element(bank, record)
    if notes:
        parts.append(f"<h3>{esc(tr.DENKRAAM_NOTES)}</h3>")
        parts += [f"<p><b>{esc(heading)}</b></p><ul class='notes'>"
                  + "".join(f"<li><i>{esc(label)}</i> {esc(text)}</li>" for label, text in lines) + "</ul>"
                  for heading, lines in notes]
    return section("denkraam", tr.DENKRAAM_HEADING, "".join(parts))


# --- the document ------------------------------------------------------------------------------------------
def report_html(content: ReportContent, *, generated: datetime | None = None) -> str:
    """The whole report as one self-contained HTML document (inline CSS and SVG, no external resources)."""
    made = (generated or datetime.now()).strftime("%d-%m-%Y %H:%M")
    title = tr.TITLE.format(name=content.name)
    sections = [profile_section(content)]
    if content.pc4:
        sections.append(pc4_section(content))
    if content.national is not None and not content.national.empty:
        sections.append(national_section(content))
    if content.denkraam is not None:
        sections.append(denkraam_section(content.denkraam))
    css = _CSS + (_RUNNING_MARK_CSS % tr.RUNNING_MARK if content.synthetic else "")
    banner = f"<p class='banner'>{esc(tr.SYNTHETIC_BANNER)}</p>" if content.synthetic else ""
    return document(title=title, heading=title, subtitle=tr.SUBTITLE.format(period=content.period, made=made),
                    body=banner + "".join(sections), footer=tr.FOOTER.format(made=made), css=css,
                    print_label=tr.PRINT_BUTTON, viewport=True)


def file_name(code: str, period: str, *, synthetic: bool) -> str:
    """Download name of the report; synthetic data get the prefix 'synthetisch_voorbeeld_'.

    >>> file_name("GM0363", "2016-2020", synthetic=True)
    'synthetisch_voorbeeld_gemeenterapport_GM0363_2016-2020.html'
    """
    name = tr.FILE_NAME.format(code=code, period=period)
    return f"{tp.SYNTHETIC_FILE_PREFIX}{name}" if synthetic else name
