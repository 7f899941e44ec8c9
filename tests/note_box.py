"""AppTest helpers for the note box saved while typing (ks_data.ui.note_input, a components-v2 element).

AppTest has no widget class for custom components, so a test 'types' by sending the component's state
(``{"value": text}``) for the next run, exactly what the browser sends after a keystroke.
"""

from __future__ import annotations

import json

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.testing.v1 import AppTest


def note_box(at: AppTest, key: str):
    """The note box drawn with ``note_input(..., key=key)`` (KeyError when the page has none)."""
    for element in at.get("bidi_component"):
        if element.proto.id.endswith(f"-_ks_note_{key}"):
            return element
    raise KeyError(key)


def note_data(at: AppTest, key: str) -> dict:
    """What the page sent to the note box: label, value (the text shown), failed, draft key, texts."""
    return json.loads(note_box(at, key).proto.json)


def type_note(at: AppTest, key: str, text: str) -> AppTest:
    """Run ``at`` as after the user typed ``text`` in the note box ``key`` (and its debounce sent it)."""
    states = at._tree.get_widget_states()
    states.widgets.append(WidgetState(id=note_box(at, key).proto.id, json_value=json.dumps({"value": text})))
    return at._run(states)
