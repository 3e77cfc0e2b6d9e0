"""What a template needs to write one document about a network: markup helpers bound to a network."""

from __future__ import annotations

import random

from ontology.names import C
from seed.identifiers import iban_grouped, obfuscate_phone, phone_surface
from seed.markup import mark
from seed.model import Network, Victim
from seed.places import country_of, surfaces
from seed.themes import THEMES


class Ctx:
    def __init__(self, net: Network, rng: random.Random, victim: Victim) -> None:
        self.net, self.rng, self.victim = net, rng, victim
        self.theme = THEMES[net.trafficking_type]

    def pick(self, key: str) -> str:
        return self.rng.choice(self.theme[key])

    # --- members -------------------------------------------------------------------------------
    def person(self, key: str) -> str:
        return mark(C.Person, self.net.m(key).value)

    def surname(self, key: str) -> str:
        full = self.net.m(key).value
        return mark(C.Person, full, full.split()[-1])

    def phone(self, key: str, style: int | None = None) -> str:
        v = self.net.m(key).value
        s = self.rng.randrange(7) if style is None else style
        return mark(C.Phone, v, phone_surface(v, s))

    def phone_obfuscated(self, key: str) -> str:
        v = self.net.m(key).value
        return mark(C.Phone, v, obfuscate_phone(v, self.rng)) if v.startswith("+447700") else self.phone(key)

    def email(self, key: str) -> str:
        v = self.net.m(key).value
        return mark(C.Email, v, self.rng.choice([v, v, v.upper() if len(v) < 20 else v]))

    def handle(self, key: str = "handle") -> str:
        return mark(C.SocialHandle, self.net.m(key).value)

    def account(self, key: str = "account") -> str:
        v = self.net.m(key).value
        return mark(C.BankAccount, v, self.rng.choice([v, iban_grouped(v)]))

    def org(self, key: str) -> str:
        mem = self.net.m(key)
        return mark(mem.type, mem.value)

    def address(self, key: str = "front_address") -> str:
        return mark(C.Address, self.net.m(key).value)

    # --- places and people around the network ---------------------------------------------------
    def city(self, canonical: str) -> str:
        return mark(C.City, canonical, self.rng.choice(surfaces(canonical)))

    def country(self, canonical_city: str) -> str:
        return mark(C.Country, country_of(canonical_city))

    @property
    def origin(self) -> str:
        return self.net.route[0]

    @property
    def transit(self) -> str:
        return self.net.route[1]

    @property
    def dest(self) -> str:
        return self.net.route[2]

    def vname(self) -> str:
        return mark(C.Person, self.victim.name)

    def vfirst(self) -> str:
        return mark(C.Person, self.victim.name, self.victim.name.split()[0])
