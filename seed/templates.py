"""Document templates about a planted network. Each shows only a few members (never the whole
network); documents about one network are linked only through the identifiers they share."""

from __future__ import annotations

from collections.abc import Callable

from ontology.names import C
from seed.context import Ctx
from seed.hubs import authority, ngo
from seed.markup import mark
from seed.themes import GENERIC_AD_LINES, INDICATOR_PHRASES

Template = Callable[[Ctx], tuple[str, str, str]]


def job_ad(c: Ctx) -> tuple[str, str, str]:
    job = c.pick("job")
    lines = c.rng.sample(GENERIC_AD_LINES, 2)
    body = (
        f"{job.upper()} WANTED in {c.city(c.dest)}\n\n"
        f"{c.org('front')} is recruiting now for {c.pick('lure')}. {lines[0]} {lines[1]}\n"
        f"Call or WhatsApp {c.phone('recruiter_phone')} or write to {c.email('recruiter_email')}.\n"
        f"Departures every week from {c.city(c.origin)} and {c.city(c.transit)}."
    )
    return f"{job} — {c.net.m('front').value}", C.Advertisement, body


def recruit_post(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"Dear friends from {c.city(c.origin)} and all of {c.country(c.origin)}! My name is "
        f"{c.person('recruiter')}, I help people start again in {c.city(c.dest)}. Our partner "
        f"{c.org('front')} offers {c.pick('lure')}. I was a refugee myself, I know how hard it is. "
        f"Places are limited, write to me today: {c.phone('recruiter_phone')} (Viber, WhatsApp, Telegram)."
    )
    return "Work and a new start — places limited", C.Advertisement, body


def online_ad(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"New in {c.city(c.dest)}! Help for people from {c.country(c.origin)}: "
        f"{c.pick('lure')}. Everything arranged, just bring your passport.\n"
        f"Text only, no calls: {c.phone_obfuscated('recruiter_phone')}. Telegram {c.handle()}."
    )
    return "Help and work — message now", C.Advertisement, body


def survivor_story(c: Ctx) -> tuple[str, str, str]:
    v = c.victim
    body = (
        f'{c.vname()} was {v.age} when {v.pronoun} left {c.city(v.home)}. "Someone called '
        f"{c.person('recruiter')} posted in a group for people leaving, promising {c.pick('lure')}. "
        f'I called {c.phone("recruiter_phone")} and was told everything was arranged."\n\n'
        f"{c.vfirst()} says a driver, {c.person('transporter')}, met the group in {c.city(c.transit)}. "
        f'"He took our passports at the first petrol station. He said it was for registration." '
        f"In {c.city(c.dest)} the group {c.pick('abuse')}.\n\n"
        f'"When I asked {c.surname("recruiter")} for help there was no answer," {c.vfirst()} says.'
    )
    return f"'She said everything was arranged': {v.name.split()[0]}'s story", C.CaseNarrative, body


def ngo_case(c: Ctx) -> tuple[str, str, str]:
    v = c.victim
    body = (
        f"Case summary prepared by {ngo(c.rng)} caseworkers. Client: {c.vname()}, {v.age}, from "
        f"{c.city(v.home)}, {c.country(v.home)}.\n\n"
        f"The client answered an advert and corresponded with {c.email('recruiter_email')} about "
        f"{c.pick('lure')}. On arrival in {c.city(c.dest)} {v.pronoun} was taken to {c.address()}, where "
        f"others were already living. The people in charge {c.rng.choice(INDICATOR_PHRASES)}. "
        f"The client reports that {v.pronoun} and the others {c.pick('abuse')}.\n\n"
        f"Referred to {authority(c.rng, c.dest)}. The client consented to the sharing of this summary."
    )
    return f"Case file: client referred from {c.net.route[2]}", C.CaseNarrative, body


def police_arrest(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"Officers from {authority(c.rng, c.transit)} stopped a minibus near {c.city(c.transit)} "
        f"carrying nine passengers from {c.country(c.origin)}. The driver, {c.person('transporter')}, "
        f"told officers he was paid by {c.person('exploiter')} to bring people to {c.city(c.dest)}.\n\n"
        f"A phone seized from {c.surname('transporter')} was registered to the number "
        f'{c.phone("transporter_phone")}. Messages on it discussed "new arrivals" and '
        f'"what they owe". {c.surname("transporter")} was released pending further enquiries.'
    )
    return f"Minibus stopped near {c.net.route[1]}, driver questioned", C.PressRelease, body


def court_record(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"IN THE MATTER OF the prosecution of {c.person('exploiter')} and {c.person('transporter')} "
        f"(co-defendants).\n\nSummary of the charge: between 2022 and 2024 the defendants arranged the "
        f"travel of persons from {c.country(c.origin)} to {c.country(c.dest)} for the purpose of "
        f"exploitation. The prosecution case is that {c.surname('exploiter')} owns and controls "
        f"{c.org('front')}, and that payments from victims' wages were transferred to the account "
        f"{c.account()} held by {c.surname('exploiter')}.\n\n"
        f"The defendants deny the charges. The trial was adjourned to a date to be fixed."
    )
    return f"R v {c.net.m('exploiter').value.split()[-1]} and another — summary", C.CourtRecord, body


def news_raid(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"Police raided the premises of {c.org('front')} at {c.address()} on Tuesday morning, "
        f"after a tip from a former worker. Officers found {c.rng.randint(6, 23)} people from "
        f"{c.country(c.origin)} who said they {c.pick('abuse')}.\n\n"
        f"The company's director, {c.person('exploiter')}, could not be reached for comment. "
        f"A spokesperson for {authority(c.rng, c.dest)} said enquiries were continuing and urged "
        f"anyone offered {c.pick('lure')} to check the offer first."
    )
    return f"Raid at {c.net.m('front').value} in {c.net.route[2]}", C.NewsArticle, body


def press_charges(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"{authority(c.rng, c.dest)} has charged {c.person('recruiter')} with human trafficking "
        f"offences. Investigators say {c.surname('recruiter')} used the email address "
        f"{c.email('recruiter_email')} and the Telegram account {c.handle()} to contact people in "
        f"{c.city(c.origin)} and {c.city(c.transit)}.\n\nAnyone who was contacted through these "
        f"accounts is asked to get in touch. Support is available from {ngo(c.rng)}."
    )
    return "Recruiter charged with trafficking offences", C.PressRelease, body


def news_money(c: Ctx) -> tuple[str, str, str]:
    body = (
        f"Financial investigators tracing the proceeds of exploitation in {c.city(c.dest)} have "
        f"frozen the account {c.account()}. According to court papers, the account received "
        f'regular transfers described as "rent" and "transport" and paid the invoices of '
        f"{c.org('front')}, registered at {c.address()}.\n\n"
        f"Workers told investigators they had been recruited by phone, from the number "
        f"{c.phone('recruiter_phone')}."
    )
    return f"Account frozen in {c.net.route[2]} trafficking inquiry", C.NewsArticle, body


def survivor_short(c: Ctx) -> tuple[str, str, str]:
    v = c.victim
    war = c.net.route[0] in {"Kyiv", "Kharkiv", "Lviv", "Odesa", "Mykolaiv"}
    trigger = "After the bombing started," if war else "When the factory closed,"
    body = (
        f'"My name is {c.vfirst()}. I come from {c.city(v.home)}. {trigger} a man '
        f"offered me {c.pick('lure')}. He gave me the number {c.phone('transporter_phone')} and said "
        f"his colleague {c.person('transporter')} would drive me. In {c.city(c.dest)} I learned "
        f'I owed them money for the trip, the room, even the food. I could not leave."'
    )
    return f"Testimony of {v.name.split()[0]}, {v.age}", C.CaseNarrative, body


def supply_chain(c: Ctx) -> tuple[str, str, str]:
    supplier = c.net.exposed_supplier or "a local manufacturer"
    body = (
        f"An audit commissioned by {mark(C.Business, supplier)} found that workers at its "
        f"sites had been supplied by the labour provider {c.org('front')}, "
        f"which gave {c.address()} as its office and {c.phone('recruiter_phone')} as its contact "
        f"number. Several of the workers said they {c.pick('abuse')}.\n\n"
        f"{mark(C.Business, supplier)} said it had ended the contract with {c.org('front')} and "
        f"reported its findings to {authority(c.rng, c.dest)}."
    )
    return f"Supplier audit finds abuse at labour provider {c.net.m('front').value}", C.NewsArticle, body


TEMPLATES: dict[str, Template] = {
    "supply_chain": supply_chain,
    "job_ad": job_ad,
    "online_ad": online_ad,
    "recruit_post": recruit_post,
    "survivor_story": survivor_story,
    "ngo_case": ngo_case,
    "police_arrest": police_arrest,
    "court_record": court_record,
    "news_raid": news_raid,
    "press_charges": press_charges,
    "news_money": news_money,
    "survivor_short": survivor_short,
}

# Default plan: each document shares a member with an earlier one, so the network is connected
# only across documents (ad: front+phone+email; story: recruiter+phone+transporter; ...).
DEFAULT_PLAN = ["job_ad", "survivor_story", "online_ad", "police_arrest", "court_record", "news_raid",
                "press_charges", "ngo_case", "news_money", "survivor_short"]  # fmt: skip
