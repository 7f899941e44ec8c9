"""AppTest helpers for the sidebar gemeente search (st_keyup, a components-v2 element; ks_data.ui.widgets).

AppTest has no widget class for custom components, so a test 'types' by sending the component's state
(``{"value": text}``) for the next run, exactly what the browser sends after a keystroke (and its debounce);
Enter also sends the component's "submitted" trigger.
"""

from __future__ import annotations

import json

from streamlit.components.v2.bidi_component.main import _make_trigger_id
from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest

from ks_data.texts import search as ts
from ks_data.ui import widgets


def search_box(at: AppTest):
    """The sidebar search box (KeyError when the run drew none)."""
    for element in at.get("bidi_component"):
        if element.proto.id.endswith(f"-_st_keyup_{widgets.SEARCH_KEY}"):
            return element
    raise KeyError(widgets.SEARCH_KEY)


def box_data(at: AppTest) -> dict:
    """What the app sent to the search box: label, value, placeholder, ..."""
    return json.loads(search_box(at).proto.json)


def type_search(at: AppTest, text: str, *, enter: bool = False) -> AppTest:
    """Run ``at`` as after the user typed ``text`` in the search box (and pressed Enter when ``enter``)."""
    box = search_box(at).proto.id
    states = at._tree.get_widget_states()
    states.widgets.append(WidgetState(id=box, json_value=json.dumps({"value": text})))
    if enter:
        states.widgets.append(WidgetState(id=_make_trigger_id(box, "events"),
                                          json_trigger_value=json.dumps([{"event": "submitted", "value": text}])))
    return at._run(states)


def hit_buttons(at: AppTest) -> list:
    """The result buttons under the search box, in order."""
    return [b for b in at.sidebar.button if str(b.key).startswith(widgets.HIT_KEY.split("{")[0])]


def hit_labels(at: AppTest) -> list[str]:
    return [b.label for b in hit_buttons(at)]


def current_text(at: AppTest) -> str:
    """The 'Gemeente: ...' line above the search box (markdown source)."""
    lines = [m.value for m in at.sidebar.markdown if m.value.startswith(ts.NONE_CHOSEN.split(":")[0] + ":")]
    assert len(lines) == 1, lines
    return lines[0]


def choose(at: AppTest, query: str, *, number: int = 0) -> AppTest:
    """Type ``query`` in the search box and click hit ``number`` (0: the best)."""
    type_search(at, query)
    return hit_buttons(at)[number].click().run()
