"""Dutch for Streamlit's own English in the browser: texts, tooltips and aria-labels, and <html lang="nl">.

Streamlit 1.67 writes its frontend strings ("Drag and drop file here", "Help for ...", "Download as CSV",
"Page not found") in English and has no locale setting. ``install`` (called by app.py on every run) draws an
invisible components-v2 element whose script, once per browser tab, sets the document language and
watches the page (a MutationObserver) to replace each known English text or attribute by the Dutch of
``ks_data.texts.streamlit_nl``. It also hides Vega's English per-mark descriptions ("X-axis titled ...")
from screen readers: every chart carries its own Dutch description and a table alternative. Offline: the
script is inline, nothing is fetched.
"""

from __future__ import annotations

import streamlit as st

from ks_data.texts import streamlit_nl as nl

CONTAINER_KEY = "ks_dutch"

_JS = r"""
export default function({ data }) {
  const S = (window.__ksDutch = window.__ksDutch || {});
  S.exact = new Map(Object.entries(data.exact));
  S.words = data.words;
  S.patterns = data.patterns.map(([re, to]) => [new RegExp(re), to]);
  S.lang = data.lang;
  document.documentElement.lang = data.lang;
  if (S.observer) { S.fixTree(document.body); return; }

  const ATTRS = ["aria-label", "title", "placeholder", "aria-roledescription", "aria-description", "alt"];
  const SVG = "http://www.w3.org/2000/svg";
  const SKIP = "script, style, textarea, [data-testid='stIconMaterial'], [contenteditable='true']";
  const tr = (text) => {
    const key = text.trim();
    if (!key || key.length > 5000) return null;
    const hit = S.exact.get(key);
    if (hit !== undefined) return text.replace(key, hit);
    for (const [re, to] of S.patterns) {
      if (re.test(key)) {
        const out = key.replace(re, to).replace(/\{([^}]+)\}/g, (m, w) => S.words[w] ?? w);
        return text.replace(key, out);
      }
    }
    return null;
  };
  const fixText = (node) => {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIP)) return;
    const out = tr(node.nodeValue);
    if (out !== null && out !== node.nodeValue) node.nodeValue = out;
  };
  const fixElement = (el) => {
    if (el.namespaceURI === SVG && el.hasAttribute("aria-roledescription") && el.ownerSVGElement) {
      el.setAttribute("aria-hidden", "true");  // a Vega mark, axis or legend: English generated text
      el.removeAttribute("aria-label");
      el.removeAttribute("aria-roledescription");
      return;
    }
    for (const name of ATTRS) {
      const value = el.getAttribute(name);
      if (!value) continue;
      const out = tr(value);
      if (out !== null && out !== value) el.setAttribute(name, out);
    }
  };
  const watchFrame = (frame) => {  // same-origin component frames (the map): their own texts too
    const hook = () => { try { if (frame.contentDocument) S.watch(frame.contentDocument); } catch (e) {} };
    if (!frame._ksDutch) { frame._ksDutch = true; frame.addEventListener("load", hook); }
    hook();
  };
  S.fixTree = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { fixText(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    fixElement(root);
    root.querySelectorAll("*").forEach(fixElement);
    if (root.tagName === "IFRAME") watchFrame(root);
    root.querySelectorAll("iframe").forEach(watchFrame);
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) fixText(node);
  };
  S.watch = (doc) => {
    if (!doc.documentElement || doc.documentElement._ksDutch) return;
    doc.documentElement._ksDutch = true;
    doc.documentElement.lang = S.lang;
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "childList") m.addedNodes.forEach(S.fixTree);
        else if (m.type === "characterData") fixText(m.target);
        else if (m.type === "attributes") fixElement(m.target);
      }
    }).observe(doc.documentElement, {
      subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ATTRS,
    });
    S.fixTree(doc.documentElement);
  };
  S.observer = true;
  S.watch(document);
}
"""

_COMPONENT = st.components.v2.component("ks_dutch", html="<span></span>", js=_JS, isolate_styles=True)


def install() -> None:
    """Draw the (hidden) element that makes Streamlit's own texts Dutch; call once per run, in the frame."""
    with st.container(key=CONTAINER_KEY):
        _COMPONENT(data={"lang": nl.LANG, "exact": nl.EXACT, "words": nl.WORDS,
                         "patterns": [list(pair) for pair in nl.PATTERNS]}, key=f"{CONTAINER_KEY}_script")
