"""A multi-line note box that is saved while typing (Streamlit components v2), with an honest save status.

``st.text_area`` only sends its text on blur or Ctrl+Enter, so a note typed and then reloaded was lost
while the page said "opgeslagen". This box sends the text to Python shortly after every keystroke
(``debounce_ms``), again when it loses focus and when the page is hidden or unloaded; the ``on_change``
callback stores it. The status under the box says "wordt opgeslagen…" until Python has echoed the text
back (i.e. after the callback ran) and the callback reported success; a failed save shows "niet opgeslagen"
and keeps the browser's draft, so the text is still there after a reload and is sent again.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import streamlit as st

from ks_data.texts import common as tc

_HTML = """
<div class="ksnote" id="root">
  <label id="label" class="ksnote__label" for="text"></label>
  <textarea id="text" class="ksnote__text" rows="4"></textarea>
  <div id="status" class="ksnote__status" aria-live="polite"></div>
</div>
"""

_CSS = """
*, *::before, *::after { box-sizing: border-box; }
.ksnote { display: flex; flex-direction: column; width: 100%;
  font-family: var(--st-font, sans-serif); color: var(--st-text-color, inherit); }
.ksnote__label { font-size: 0.875rem; margin-bottom: 0.25rem; min-height: 1.25em; }
.ksnote__text { width: 100%; min-height: 6.5rem; resize: vertical; padding: 0.6rem 0.75rem;
  font: inherit; font-size: 1rem; line-height: 1.4; color: inherit;
  background: var(--st-secondary-background-color, #f0f2f6);
  border: 1px solid rgba(127, 127, 127, 0.35); border-radius: 0.5rem; }
.ksnote__text:focus { outline: 2px solid var(--st-primary-color, #0b6e99); outline-offset: 1px; }
.ksnote__status { font-size: 0.8rem; min-height: 1.2em; margin-top: 0.25rem; opacity: 0.8; }
.ksnote__status--failed { color: #b3261e; font-weight: 600; opacity: 1; }
"""

_JS = r"""
export default function({ parentElement, data, setStateValue }) {
  const label = parentElement.querySelector("#label");
  const text = parentElement.querySelector("#text");
  const status = parentElement.querySelector("#status");
  label.textContent = data.label ?? "";
  text.placeholder = data.placeholder ?? "";
  text.maxLength = data.max_chars > 0 ? data.max_chars : 100000;
  text.setAttribute("aria-label", data.label ?? "");
  parentElement._texts = data.texts;

  // A draft in localStorage survives a reload that came before the text reached Python.
  const draftKey = "ks-note-draft:" + (data.draft_key ?? "");
  const readDraft = () => { try { return window.localStorage.getItem(draftKey); } catch (e) { return null; } };
  const writeDraft = (v) => { try { window.localStorage.setItem(draftKey, v); } catch (e) {} };
  const dropDraft = () => { try { window.localStorage.removeItem(draftKey); } catch (e) {} };

  const pyValue = data.value ?? "";
  if (!parentElement._seeded) {
    parentElement._seeded = true;
    const draft = data.draft_key ? readDraft() : null;
    if (draft !== null && draft !== pyValue) {
      text.value = draft;
      text._pending = true;
      setStateValue("value", draft);
    } else {
      text.value = pyValue;
      dropDraft();
    }
  } else if (pyValue === text.value) {
    text._pending = false;
    if (!data.failed) dropDraft();
  } else if (!text._pending) {
    text.value = pyValue;
  }
  parentElement._failed = Boolean(data.failed);
  const show = () => {
    const t = parentElement._texts;
    if (text._pending) status.textContent = t.saving;
    else if (parentElement._failed) status.textContent = t.failed;
    else status.textContent = text.value ? t.saved : "";
    status.classList.toggle("ksnote__status--failed", !text._pending && parentElement._failed);
  };
  show();

  if (!parentElement._attached) {
    let timer = null;
    const send = () => {
      clearTimeout(timer);
      timer = null;
      setStateValue("value", text.value);
    };
    text.addEventListener("input", () => {
      text._pending = true;
      if (data.draft_key) writeDraft(text.value);
      show();
      clearTimeout(timer);
      timer = setTimeout(send, data.debounce_ms ?? 400);
    });
    text.addEventListener("blur", () => { if (text._pending) send(); });
    const flush = () => { if (text._pending && timer !== null) send(); };
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "hidden") flush(); });
    window.addEventListener("pagehide", flush);
    parentElement._attached = true;
  }
}
"""

_COMPONENT = st.components.v2.component("ks_note_input", html=_HTML, css=_CSS, js=_JS, isolate_styles=True)


def note_input(label: str, *, key: str, value: str = "", on_change: Callable[[str], object],
               failed: bool = False, draft_key: str = "", placeholder: str = "", max_chars: int = 5000,
               debounce_ms: int = 400) -> str:
    """A note box whose text reaches ``on_change(text)`` while the user types; returns the current text.

    ``value`` seeds the box (e.g. the note as stored); afterwards the box keeps what the user typed.
    ``failed``: the last save of this note did not reach storage (the status then says so, not "opgeslagen").
    ``draft_key`` (unique per stored note, e.g. assessment id + element + kind) keeps unsent keystrokes in the
    browser's localStorage, so a reload within the debounce still delivers them once the page is back.
    """
    internal = f"_ks_note_{key}"
    state = st.session_state.get(internal)
    current = state.get("value", value) if isinstance(state, dict) else value

    def _changed() -> None:
        latest = st.session_state.get(internal, {})
        if isinstance(latest, dict) and "value" in latest:
            on_change(str(latest["value"]))

    result = _COMPONENT(
        data={"label": label, "value": current, "placeholder": placeholder, "max_chars": max_chars,
              "debounce_ms": debounce_ms, "draft_key": draft_key, "failed": failed,
              "texts": {"saving": tc.NOTE_SAVING, "saved": tc.NOTE_SAVED, "failed": tc.NOTE_NOT_SAVED}},
        default={"value": current},
        key=internal,
        on_value_change=functools.partial(_changed),
    )
    return str(getattr(result, "value", current) if result is not None else current)
