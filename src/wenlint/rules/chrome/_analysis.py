"""One pass of the family's Python detectors over a document, shared by their rules.

Each detector claims the lines and spans it reports (`Claims`), in a fixed order, so a line that is
a related-list header is not reported again as portal furniture or as a site name; every detector
also skips lines that a line rule of the chrome pack already flags. The result is a document
analysis (per document and per `extra-sites`), so running all the rules costs one pass."""

from __future__ import annotations

from ...analyses import analysis
from ._common import Claims, _pack_flagged_short_lines, short_lines


def _extra_sites(settings) -> tuple[str, ...]:
    value = settings.options.get("chrome", {}).get("extra-sites", ()) if settings is not None else ()
    if isinstance(value, str):
        value = (value,)
    try:
        return tuple(sorted({str(v) for v in value if str(v).strip()}))
    except TypeError:
        return ()


def analyse(doc, ctx) -> _Results:
    """What each detector of the family found in `doc` (by rule code)."""
    return _detected(doc, getattr(ctx, "settings", None))


@analysis("chrome.detectors", key=_extra_sites, needs=(short_lines, _pack_flagged_short_lines, "chrome.page"))
def _detected(doc, settings) -> _Results:
    extra = _extra_sites(settings)
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
    return _Results(result)


class _Results(dict):
    def __getitem__(self, code: str):
        value = dict.__getitem__(self, code)
        if isinstance(value, Exception):
            raise value
        return value

