"""Website chrome (CH): furniture that comes along when a document is copied from a template or
document-sharing website.

Most chrome is a whole line and is declared in the pack `rules/chrome.toml` (greetings,
breadcrumbs, post metadata, editor intros, tags, prev/next links, share and download prompts,
footers, page markers). The rules here need logic a pattern cannot express:

- CH020 `related-list`: the 推荐阅读/相关文章 header and the list of titles (with dates) under it;
- CH021 `portal-furniture`: government-portal metadata blocks, font-size/print/close controls,
  navigation and language menus, visit counters;
- CH022 `compilation-marker`: 【篇1】, `(共7篇)`, `…工作总结3篇` in compilation titles;
- CH023 `stray-url`: `原创:http://` and other URLs that a site injected into a sentence;
- CH024 `source-note`: disclaimers and ownership notes, a line or a span inside one;
- CH025 `site-name`: a short line naming a known template site (list in rules/data/);
- CH016 `follow-prompt`: QR, follow and subscribe prompts, also inside a line of text;
- CH018 `editor-voice`: sentences in the voice of the site's editor (跟着小编…) inside a paragraph;
- CH026 `page-furniture`, CH013 `title-suffix`, CH014 `credit-line`: the line model of page
  furniture (`lines.py`): line features, the document's genre (captured page or edited document)
  and runs of menu-like lines between furniture lines;
- CH030 `recurring-line`: a line repeated verbatim across many documents of a run that also looks
  like furniture.

A line is reported once: the Python rules skip lines a pack rule of the family already flags, and
among themselves they claim lines in the order above (see `_analysis.py`).
"""
