"""Planted networks: members with a type, a normalised value and roles; routes; fronts."""

from __future__ import annotations

from dataclasses import dataclass, field

from ontology.names import C


def graph_value(m: Member) -> str:
    """The member's value as the graph stores it (handles without the leading '@')."""
    return m.value.lstrip("@") if m.type == C.SocialHandle else m.value


@dataclass
class Member:
    key: str
    """Network-local key: recruiter, recruiter_phone, front, account, ..."""
    type: str
    """Ontology class: Person, Phone, Email, SocialHandle, BankAccount, Address, FrontBusiness, ..."""
    value: str
    """Normalised value: E.164 phone, lower-case email, full name, business name, address."""
    roles: list[str] = field(default_factory=list)
    used_by: str | None = None
    """Key of the member that uses this identifier (phone, email, account, handle)."""


MALE_FIRST_NAMES = {
    "Sergiu",
    "Alin",
    "Gabriel",
    "Nicolae",
    "Petru",
    "Serhii",
    "Taras",
    "Bohdan",
    "Yurii",
    "Andrei",
    "Mihai",
    "Dmytro",
    "Ivan",
    "Vlad",
    "Oleksii",
    "Kwame",
    "Emeka",
    "Radu",
}


@dataclass
class Victim:
    name: str
    age: int
    home: str
    """Canonical city name."""

    @property
    def pronoun(self) -> str:
        return "he" if self.name.split()[0] in MALE_FIRST_NAMES else "she"


@dataclass
class Network:
    id: str
    name: str
    trafficking_type: str
    route: tuple[str, str, str]
    members: dict[str, Member]
    victims: list[Victim]
    exposed_supplier: str | None = None
    """A legitimate business (in suppliers.csv) the front supplies."""
    plan: list[str] = field(default_factory=list)
    """Template names, in order; consecutive documents share at least one member."""

    def m(self, key: str) -> Member:
        return self.members[key]

    def truth(self) -> dict[str, object]:
        out: dict[str, object] = {
            "id": self.id,
            "name": self.name,
            "trafficking_type": self.trafficking_type,
            "members": [
                {
                    "key": m.key,
                    "type": m.type,
                    "value": graph_value(m),
                    "roles": m.roles,
                    "used_by": m.used_by,
                }
                for m in self.members.values()
            ],
            "victims": [{"name": v.name, "age": v.age, "home": v.home} for v in self.victims],
            "route": {"origin": self.route[0], "transit": self.route[1], "destination": self.route[2]},
            "fronts": [m.value for m in self.members.values() if "Facilitator" in m.roles],
        }
        if self.exposed_supplier:
            front = self.members["front"].value
            out["exposed_supplier"] = {
                "business": self.exposed_supplier,
                "via_front": front,
                "path": [self.exposed_supplier, front, self.members["recruiter_phone"].value,
                         self.members["recruiter"].value],
            }  # fmt: skip
        return out
