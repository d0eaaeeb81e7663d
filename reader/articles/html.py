"""Articles saved as web pages: an HTML document as the plain text the parser reads.

The title comes from ``<title>`` (or the first ``<h1>`` when the page has none, or the ``<title>`` is the site's
name repeated on every page); the body is the text of each block element, one paragraph a line. Scripts, styles,
navigation and forms are dropped. lxml's HTML parser reads the bytes as they are: no network, no entity
expansion beyond HTML's own, and broken markup still gives its text.

Worked example::

    <html><head><title>KCNA Watch</title></head><body><nav>Home | News</nav>
    <h1>Kim Jong Un Visits Farm</h1><p>Pyongyang, May 3 (KCNA) -- Kim Jong Un visited a farm.</p>
    <script>track()</script></body></html>

becomes ``"Kim Jong Un Visits Farm\\n\\nPyongyang, May 3 (KCNA) -- Kim Jong Un visited a farm."``: the ``<h1>``
wins over a ``<title>`` that the page's heading does not contain, and the navigation and script are gone.
"""

from __future__ import annotations

#: Elements whose text is never article text.
DROPPED = ("script", "style", "noscript", "template", "nav", "header", "footer", "form", "aside", "button", "select")
#: Elements that start a new paragraph.
BLOCKS = ("p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th", "dd", "dt", "article",
          "section")


def html_to_text(markup: str) -> str:
    """The page's title, a blank line, then one paragraph a line (see the module's example)."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *DROPPED, with_tail=False)
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    title = " ".join((root.findtext(".//title") or "").split())
    first_heading = root.find(".//h1")
    heading = " ".join(first_heading.text_content().split()) if first_heading is not None else ""
    if heading and (not title or heading not in title):
        title = heading
    body = root.find("body")
    paragraphs: list[str] = []
    for block in (body if body is not None else root).iter(*BLOCKS):
        # Only the text that belongs to this block, not to blocks nested inside it.
        own = [block.text or ""]
        for child in block:
            own.append(" " if child.tag in BLOCKS else child.text_content())  # a nested block is a break
            own.append(child.tail or "")
        text = " ".join("".join(own).split())
        if text and not (block is first_heading and text == title):
            paragraphs.append(text)
    return "\n\n".join([title, *paragraphs]) if title else "\n\n".join(paragraphs)
