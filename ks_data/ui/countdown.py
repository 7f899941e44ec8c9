"""A workshop countdown that ticks in the browser every second (Streamlit components v2), without reruns.

The server sends the end time and its own clock; the browser corrects for a phone whose clock is off and
counts down to "De tijd is om". Page refreshes (the group screen's fragment) only re-send the same data.
"""

from __future__ import annotations

from datetime import datetime, timezone

import streamlit as st

from ks_data.texts import workshop as tw

_HTML = '<div class="kscd" role="timer" id="box"></div>'
_CSS = """
.kscd { font-family: var(--st-font, sans-serif); font-weight: 700; font-variant-numeric: tabular-nums;
  font-size: var(--kscd-size, 2rem); line-height: 1.2; color: #0b3d5c; padding: 0.2rem 0.6rem;
  border: 3px solid #0b6e99; border-radius: 0.6rem; display: inline-block; background: #fff; }
.kscd--done { color: #8a3b00; border-color: #b34d00; }
"""
_JS = r"""
export default function({ parentElement, data }) {
  const box = parentElement.querySelector("#box");
  box.style.setProperty("--kscd-size", data.size ?? "2rem");
  parentElement._cd = { ends: data.ends_ms, offset: data.server_ms - Date.now(), texts: data.texts };
  const tick = () => {
    if (!parentElement.isConnected) { clearInterval(parentElement._timer); parentElement._timer = null; return; }
    const c = parentElement._cd;
    const left = Math.max(0, Math.ceil((c.ends - (Date.now() + c.offset)) / 1000));
    const text = left > 0
      ? c.texts.left.replace("{time}", Math.floor(left / 60) + ":" + String(left % 60).padStart(2, "0"))
      : c.texts.done;
    if (box.textContent !== text) box.textContent = text;
    box.classList.toggle("kscd--done", left === 0);
  };
  tick();
  if (!parentElement._timer) parentElement._timer = setInterval(tick, 250);
}
"""

_COMPONENT = st.components.v2.component("ks_countdown", html=_HTML, css=_CSS, js=_JS, isolate_styles=True)


def _ms(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def countdown(ends_at: str, *, key: str, size: str = "2rem") -> None:
    """Show the time left until ``ends_at`` (UTC ISO), ticking in the browser; 'De tijd is om' afterwards."""
    _COMPONENT(
        data={"ends_ms": _ms(datetime.fromisoformat(ends_at)), "server_ms": _ms(datetime.now(timezone.utc)),
              "size": size, "texts": {"left": tw.COUNTDOWN_LEFT, "done": tw.COUNTDOWN_DONE}},
        key=key,
    )
