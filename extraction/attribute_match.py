"""An exact, faster `match` step for the model's own `attribute_ruler` (same patterns, same result).

en_core_web_sm's attribute ruler holds ~180 patterns (tag map → POS/morph, lemma and POS exceptions),
almost all of them one token long. spaCy's `Matcher` tests every pattern at every token, which made the
ruler ~18% of the model's time on our corpus. Here a one-token pattern's answer depends only on the
token's (TAG, LOWER, DEP, IS_SPACE), so it is computed once per distinct combination and cached; the
few longer patterns still go through a (small) `Matcher`. The list of matches is identical to
`AttributeRuler.match` (same tuples, same sort), and they are applied as `set_annotations` does (same
token, same attributes, same order) without a `Span` per match.

    install_fast_attribute_match(nlp)   # no-op when the ruler uses anything else
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, NAMES, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

SPACE_ATTR = NAMES[IS_SPACE]
KEY_ATTRS = ("TAG", "LOWER", "DEP", SPACE_ATTR)
"""The token attributes one-token patterns may test (anything else keeps spaCy's own matcher)."""

Match = tuple[int, int, int, int]


def _simple_spec(spec: dict[str, Any]) -> bool:
    for name, condition in spec.items():
        if name not in KEY_ATTRS:
            return False
        if isinstance(condition, dict) and set(condition) != {"IN"}:
            return False
    return True


def _spec_matches(spec: dict[str, Any], values: dict[str, Any]) -> bool:
    for name, condition in spec.items():
        value = values[name]
        if isinstance(condition, dict):
            if value not in condition["IN"]:
                return False
        elif value != condition:
            return False
    return True


class FastAttributeMatch:
    """Drop-in for `AttributeRuler.match`: one-token patterns by cached lookup, the rest by Matcher."""

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        self.strings = strings
        self.single: list[tuple[int, int, dict[str, Any]]] = []  # (attr id, match id, token spec)
        self.multi = Matcher(ruler.vocab)
        for attr_id in range(len(ruler.attrs)):
            key = str(attr_id)
            _, patterns = ruler.matcher.get(key)
            rest = []
            for pattern in patterns:
                if len(pattern) == 1 and "OP" not in pattern[0] and _simple_spec(pattern[0]):
                    self.single.append((attr_id, strings[key], pattern[0]))
                else:
                    rest.append(pattern)
            if rest:
                self.multi.add(key, rest)
        self.cache: dict[tuple[int, ...], list[tuple[int, int]]] = {}

    def _hits(self, key: tuple[int, ...]) -> list[tuple[int, int]]:
        tag, lower, dep, is_space = key
        values = {
            "TAG": self.strings[tag] if tag else "",
            "LOWER": self.strings[lower] if lower else "",
            "DEP": self.strings[dep] if dep else "",
            SPACE_ATTR: bool(is_space),
        }
        hits = [(a, m) for a, m, spec in self.single if _spec_matches(spec, values)]
        self.cache[key] = hits
        return hits

    def __call__(self, doc: Doc) -> list[Match]:
        matches: list[Match] = []
        cache = self.cache
        for i, row in enumerate(doc.to_array([TAG, LOWER, DEP, IS_SPACE]).tolist()):
            key = tuple(row)
            hits = cache.get(key)
            if hits is None:
                hits = self._hits(key)
            for attr_id, match_id in hits:
                matches.append((attr_id, match_id, i, i + 1))
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True, as_spans=False):
                matches.append((int(self.strings[match_id]), match_id, start, end))
        matches.sort()
        return matches


class DirectAttributeSetter:
    """Drop-in for `AttributeRuler.set_annotations`: the same attributes on the same token, in the same
    order, without building a `Span` per match (one per token on a tagged document)."""

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler

    def __call__(self, doc: Doc, matches: list[Match]) -> None:
        attrs, indices = self.ruler.attrs, self.ruler.indices
        for attr_id, _match_id, start, end in matches:
            index = indices[attr_id]
            if not -(end - start) <= index < end - start:
                AttributeRuler.set_annotations(self.ruler, doc, [(attr_id, _match_id, start, end)])
                continue  # spaCy's own error for a pattern index outside its match
            set_token_attrs(doc[start + index if index >= 0 else end + index], attrs[attr_id])


def install_fast_attribute_match(nlp: Language) -> bool:
    """Give the pipeline's `attribute_ruler` the cached matcher; True when installed."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    if not isinstance(ruler, AttributeRuler):
        return False
    ruler.match = FastAttributeMatch(ruler)  # type: ignore[method-assign]
    ruler.set_annotations = DirectAttributeSetter(ruler)  # type: ignore[method-assign]
    return True
