"""Roles from sentence context (extraction.components.role_rules) and per-source hubs, no database."""

from __future__ import annotations

from extraction.components.role_rules import context_roles, sentence_span
from graph.analytics.hubs import source_hubs, unrelated_groups
from graph.analytics.options import AnalysisOptions


def _roles(text: str, name: str) -> list[str]:
    start = text.index(name)
    return context_roles(text, start, start + len(name))


def test_officials_by_title_or_apposition() -> None:
    assert _roles('"No child is for sale," said District Attorney Miriam Okafor.', "Miriam Okafor") == [
        "Official"
    ]
    assert _roles("Deputy District Attorney Felix Brandt prosecuted the case.", "Felix Brandt") == [
        "Official"
    ]
    assert _roles(
        "Media contact: Nadia Preston, Public Information Officer, (202) 555-0150", "Nadia Preston"
    ) == ["Official"]
    assert _roles("Nadia Preston\nPublic Information Officer", "Nadia Preston") == ["Official"]
    assert _roles("Victim Advocates Ann Roe and Bea Lum helped.", "Bea Lum") == ["Official"]  # shared title
    assert _roles("Bea Lum served as lead advocate for the family.", "Bea Lum") == ["Official"]
    assert _roles("Vale will be sentenced on June 3 by Judge Henrietta Lyle.", "Henrietta Lyle") == [
        "Official"
    ]


def test_the_accused_by_what_happened_to_them() -> None:
    text = "Lena Rusk, 51, and Otto Prell, 47, both of Westbrook, were charged with labor trafficking."
    assert _roles(text, "Lena Rusk") == ["Accused"] and _roles(text, "Otto Prell") == ["Accused"]
    assert _roles("Dorian Vale, 34, pleaded guilty today.", "Dorian Vale") == ["Accused"]
    assert _roles("Carla Mendt, 29, of Westbrook,\nwas sentenced to six years.", "Carla Mendt") == ["Accused"]
    assert _roles("A jury convicted Omar Test of pimping.", "Omar Test") == ["Accused"]
    assert _roles("Harbor City Man Charged With Trafficking", "Harbor City Man") == ["Accused"]
    listed = (
        "The jury found these defendants guilty:\nAmy Roe, 31, of Reseda;\nBo Doe, 28; and\nCy Poe, 34.\n"
    )
    assert [_roles(listed, n) for n in ("Amy Roe", "Bo Doe", "Cy Poe")] == [["Accused"]] * 3
    # a judge who sentences someone is not accused; a victim is not either
    assert "Accused" not in _roles("Judge Henrietta Lyle sentenced Vale to 12 years.", "Henrietta Lyle")
    assert _roles("Otto Kern was shot and killed in March.", "Otto Kern") == ["Victim"]
    # a new subject after the name is not a list sharing its predicate
    assert _roles("As officers tried to arrest Kern, Proctor is accused of shooting him.", "Kern") == []


def test_hard_wrapped_lines_are_one_sentence() -> None:
    text = (
        "justice is done for the family of both victims of that crime,” said Harbor County District Attorney"
        "\nMiriam Okafor.\nHeadline\nNext"
    )
    assert _roles(text, "Miriam Okafor") == ["Official"]
    assert _roles("District Attorney\nMiriam Okafor", "Miriam Okafor") == []  # a short line is a heading


def test_titles_with_a_unit_initials_and_no_break_spaces() -> None:
    # a title with its unit ("Chief of Detectives"), after no-break spaces of a web page
    text = "said\u00a0the\u00a0Chief of Detectives\u00a0Ines Marlow."
    assert _roles(text, "Ines Marlow") == ["Official"]
    assert _roles("Director of Public Affairs Tomas Heller spoke.", "Tomas Heller") == ["Official"]
    # the tagger left the initials out of the name: the title still applies to the surname
    assert _roles("The bill went to Gov. RT Calloway for his signature.", "Calloway") == ["Official"]
    assert _roles("The bill went to Governor R.T. Calloway today.", "Calloway") == ["Official"]
    # lower-case words after "of" are no unit, and a capitalised word is no initial
    assert _roles("the chief of staff said Ines Marlow left.", "Ines Marlow") == []
    assert _roles("Judge Orders Ines Marlow Held", "Ines Marlow") == []


def test_former_federal_prosecutor_in_apposition_and_who_handles_the_prosecution() -> None:
    text = "said Lorna Vick, former United States Attorney in the Western District."
    assert _roles(text, "Lorna Vick") == ["Official"]
    assert _roles("Tomas Heller will handle the prosecution.", "Tomas Heller") == ["Official"]


def test_web_lines_cut_at_links_are_one_sentence() -> None:
    # each name was a link: the sentence runs over short lines until one starts in lower case
    text = (
        "He was extradited last week.\nAssistant State's Attorneys\nKelda Rusk\nand\nPavel Orm\n"
        "will handle the prosecution.\nFor more information, call (202) 555-0142."
    )
    assert _roles(text, "Kelda Rusk") == ["Official"]
    assert _roles(text, "Pavel Orm") == ["Official"]
    start = text.index("Kelda Rusk")
    left, right = sentence_span(text, start, start + len("Kelda Rusk"))
    assert text[left:right] == (
        "Assistant State's Attorneys\nKelda Rusk\nand\nPavel Orm\nwill handle the prosecution."
    )
    text = "She thanked Victim Witness Specialists\nIda Pell\nand\nRuth Amsel\nfor their support."
    assert _roles(text, "Ida Pell") == ["Official"] and _roles(text, "Ruth Amsel") == ["Official"]
    # a heading followed by capitalised sentences stays apart from them
    heading = "District Attorney\nKelda Rusk was charged today.\nShe pleaded guilty."
    assert _roles(heading, "Kelda Rusk") == ["Accused"]


def test_sentence_span_is_the_evidence() -> None:
    text = "First sentence. Dorian Vale was charged today. Next one."
    start = text.index("Dorian")
    s, e = sentence_span(text, start, start + 11)
    assert text[s:e] == "Dorian Vale was charged today."


def test_source_hubs_need_unrelated_documents_of_one_source() -> None:
    assert unrelated_groups({"a": {"p1"}, "b": {"p1", "p2"}, "c": {"p3"}, "d": set()}) == 3
    rows = [
        {"id": "tel", "name": "+12025550147", "kind": "Phone", "doc_id": d, "source": f"/x/harbor/{d}.txt",
         "persons": [p]}
        for d, p in (("a", "vale"), ("b", "rusk"), ("c", "mendt"))
    ] + [
        {"id": "own", "name": "+12025550199", "kind": "Phone", "doc_id": d, "source": f"/x/harbor/{d}.txt",
         "persons": ["vale"]}
        for d in ("a", "d", "e")
    ]  # fmt: skip
    hubs = source_hubs(rows, AnalysisOptions(hub_source_min_unrelated=3))
    assert [(h.id, h.reason) for h in hubs] == [("tel", "recurs in 3 unrelated documents of source harbor")]
    assert source_hubs(rows, AnalysisOptions(hub_source_min_unrelated=4)) == []
    two = [r for r in rows if r["doc_id"] != "c"]  # "own" is in one case (vale) however often it recurs
    assert [h.id for h in source_hubs(two, AnalysisOptions())] == ["tel"]
    # a number a suspect uses is evidence wherever it recurs
    assert source_hubs([{**r, "held": True} for r in rows], AnalysisOptions()) == []
    assert source_hubs(rows, AnalysisOptions(hub_source_min_unrelated=0)) == []
