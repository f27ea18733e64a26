"""One pass of the family's Python detectors over a document, shared by their rules.

Each detector claims the lines and spans it reports (`Claims`), in a fixed order, so a line that is
a related-list header is not reported again as portal furniture or as a site name; every detector
also skips lines that a line rule of the chrome pack already flags. The result is cached in
`doc.cache`, so running all the rules costs one pass."""

from __future__ import annotations

from ._common import Claims

KEY = "chrome.analysis"


def _extra_sites(ctx) -> tuple[str, ...]:
    value = ctx.settings.options.get("chrome", {}).get("extra-sites", ()) if ctx is not None else ()
    if isinstance(value, str):
        value = (value,)
    try:
        return tuple(sorted({str(v) for v in value if str(v).strip()}))
    except TypeError:
        return ()


def analyse(doc, ctx) -> dict:
    settings = getattr(ctx, "settings", None)
    cached = doc.cache.get(KEY)
    # Six rules ask for the same analysis with the run's one settings object: answer them with an
    # identity test instead of reading the options again.
    if cached is not None and settings is not None and cached[2] is settings:
        return cached[1]
    extra = _extra_sites(ctx)
    if cached is not None and cached[0] == extra:
        doc.cache[KEY] = (extra, cached[1], settings)
        return cached[1]
    from . import compilation, lines, notes, pages, portal, prompts, related, sites, urls, voice

    claims = Claims(doc)
    result: dict = {}
    steps = (
        (related.RelatedList.code, lambda: related.detect(doc, claims)),
        (portal.PortalFurniture.code, lambda: portal.detect(doc, claims)),
        (compilation.CompilationMarker.code, lambda: compilation.detect(doc, claims)),
        (notes.SourceNote.code, lambda: notes.detect(doc, claims)),
        (prompts.FollowPrompt.code, lambda: prompts.detect(doc, claims)),
        (voice.EditorVoice.code, lambda: voice.detect(doc, claims)),
        (urls.StrayUrl.code, lambda: urls.detect(doc, claims)),
        (sites.SiteName.code, lambda: sites.detect(doc, claims, extra)),
        (pages.PageNumber.code, lambda: pages.detect(doc, claims)),
        (lines.PageFurniture.code, lambda: lines.detect(doc, claims)),
    )
    for code, step in steps:
        try:
            result[code] = step()
        except Exception as exc:  # reported by the rule that owns the step, not by all of them
            result[code] = exc
    results = _Results(result)
    doc.cache[KEY] = (extra, results, settings)
    return results


class _Results(dict):
    def __getitem__(self, code: str):
        value = dict.__getitem__(self, code)
        if isinstance(value, Exception):
            raise value
        return value

