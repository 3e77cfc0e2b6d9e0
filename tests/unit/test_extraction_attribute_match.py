"""The cached attribute-ruler match gives exactly spaCy's matches and token annotations."""

from __future__ import annotations

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language

from extraction.attribute_match import FastAttributeMatch, install_fast_attribute_match
from extraction.pipeline import load_model

TEXTS = [
    "Marcus Delano Pryce, 34, of Anaheim, a.k.a. \"Royalty\", wasn't charged 'til today.",
    "She's gonna call 555-0142 or write to ada at example dot org — y'all know.",
    "Ain't nobody here; the girls were taken to 12 Harbor Street, Garden Grove, Calif.\n\n  Share",
    "I'm not sure whether he'd cannot or won't; ’cause they're 16-year-olds.",
    "",
]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model("en_core_web_sm")


def test_matches_are_identical(nlp: Language) -> None:
    ruler = nlp.get_pipe("attribute_ruler")
    fast = FastAttributeMatch(ruler)
    assert fast.single, "one-token patterns are looked up"
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        assert fast(doc) == ruler.match(doc)
        assert fast(doc) == ruler.match(doc), "the cached second pass too"


def test_token_annotations_are_identical(nlp: Language) -> None:
    fast_nlp = load_model("en_core_web_sm")
    assert install_fast_attribute_match(fast_nlp)
    attrs = [POS, TAG, MORPH, LEMMA, DEP, HEAD]
    for plain, fast in zip(nlp.pipe(TEXTS), fast_nlp.pipe(TEXTS), strict=True):
        assert plain.to_array(attrs).tolist() == fast.to_array(attrs).tolist()
        assert [t.pos_ for t in fast] == [t.pos_ for t in plain]


def test_not_installed_without_a_ruler() -> None:
    import spacy

    assert not install_fast_attribute_match(spacy.blank("en"))
