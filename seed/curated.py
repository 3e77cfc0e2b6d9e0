# ruff: noqa: E501  (data tables read better on one line)
"""The seven planted networks of the seed corpus (all names, numbers and businesses are invented)."""

from __future__ import annotations

from ontology.names import C
from seed.identifiers import iban, uk_mobile
from seed.model import Member, Network, Victim


def _net(nid: str, name: str, ttype: str, route: tuple[str, str, str], people: tuple[str, str, str],
         phones: tuple[int, int], email: str, handle: str, front: tuple[str, str], address: str,
         account: int, victims: list[Victim], supplier: str | None = None) -> Network:  # fmt: skip
    recruiter, transporter, exploiter = people
    members = [
        Member("recruiter", C.Person, recruiter, ["Recruiter"]),
        Member("recruiter_phone", C.Phone, uk_mobile(phones[0]), [], "recruiter"),
        Member("recruiter_email", C.Email, email, [], "recruiter"),
        Member("handle", C.SocialHandle, handle, [], "recruiter"),
        Member("transporter", C.Person, transporter, ["Transporter"]),
        Member("transporter_phone", C.Phone, uk_mobile(phones[1]), [], "transporter"),
        Member("exploiter", C.Person, exploiter, ["Exploiter"]),
        Member("front", front[0], front[1], ["Facilitator"]),
        Member("front_address", C.Address, address, [], "front"),
        Member("account", C.BankAccount, iban(account), ["Financier"], "exploiter"),
    ]
    return Network(nid, name, ttype, route, {m.key: m for m in members}, victims, supplier)


V = Victim

NETWORKS: list[Network] = [
    _net("N1", "Sunflower (safe passage to Berlin)", "SexTrafficking", ("Kharkiv", "Przemyśl", "Berlin"),
         ("Larysa Bondar", "Oleh Kravets", "Rainer Vogt"), (101, 102), "safe.passage.help@example.com",
         "@safepassage_ua", (C.FrontBusiness, "Sonnenblume Wellness GmbH"),
         "Lindenstraße 48, 10969 Berlin", 1101,
         [V("Iryna Tkachuk", 23, "Kharkiv"), V("Nadiia Polishchuk", 19, "Mykolaiv"),
          V("Khrystyna Savka", 27, "Kharkiv")]),
    _net("N2", "Harvest (Fenland packhouses)", "ForcedLabour", ("Chisinau", "Bucharest", "Wisbech"),
         ("Ion Ceban", "Vasile Rusu", "Mark Pettigrew"), (201, 202), "agriflex.jobs@example.com",
         "@agriflex_work", (C.EmploymentAgency, "AgriFlex Recruitment Ltd"),
         "Unit 4, Marsh Road Industrial Estate, Wisbech PE13 2XX", 2202,
         [V("Doina Munteanu", 34, "Bălți"), V("Sergiu Lungu", 41, "Chisinau"),
          V("Mihaela Cojocaru", 29, "Chisinau")], "Fenland Fresh Produce Ltd"),
    _net("N3", "Golden Hands (domestic servitude)", "DomesticServitude", ("Lagos", "Dubai", "London"),
         ("Blessing Adeyemi", "Yusuf Karimov", "Celia Whitcombe"), (301, 302),
         "goldenhands.staffing@example.org", "@goldenhands_staff",
         (C.EmploymentAgency, "Golden Hands Domestic Staffing"), "17 Orchard Mews, London NW3 9ZZ", 3303,
         [V("Adaeze Nwosu", 26, "Lagos"), V("Funmilayo Bello", 31, "Lagos"), V("Chioma Eze", 22, "Lagos")]),
    _net("N4", "Danube (forced begging)", "CriminalExploitation", ("Constanța", "Vienna", "Paris"),
         ("Florin Dinu", "Marian Stoica", "Costel Vrabie"), (401, 402), "dunarea.transport@example.net",
         "@dunarea_drive", (C.FrontBusiness, "Dunărea Transport SRL"), "Strada Ecaterina Varga 12, Constanța",
         4404, [V("Alin Preda", 16, "Constanța"), V("Ionela Marin", 17, "Constanța"),
                V("Gabriel Tudose", 15, "Iași")]),
    _net("N5", "Eternal Rose (forced marriage)", "ForcedMarriage", ("Odesa", "Warsaw", "Dublin"),
         ("Svitlana Moroz", "Pavlo Hnatyuk", "Declan Furlong"), (501, 502), "eternal.rose@example.com",
         "@eternalrose_intro", (C.FrontBusiness, "Eternal Rose Introductions Ltd"),
         "Unit 9, Harbour Court, Dublin 1", 5505,
         [V("Oksana Demchenko", 24, "Odesa"), V("Viktoriia Rudenko", 21, "Odesa"),
          V("Alina Chornovol", 26, "Kyiv")]),
    _net("N6", "Bosphorus (organ removal)", "OrganRemoval", ("Chisinau", "Odesa", "Istanbul"),
         ("Artem Lysenko", "Gheorghe Bivol", "Selim Yavuzer"), (601, 602), "bosphorus.care@example.org",
         "@bosphorus_medtravel", (C.FrontBusiness, "Bosphorus Medical Travel"),
         "Kuşdili Caddesi 31, Kadıköy, Istanbul", 6606,
         [V("Nicolae Rotari", 38, "Chisinau"), V("Petru Guțu", 45, "Bălți"), V("Serhii Bilyk", 33, "Odesa")]),
    _net("N7", "Scaffold (construction, Kraków to Praha)", "ForcedLabour", ("Lviv", "Kraków", "Prague"),
         ("Andriy Melnyk", "Jaroslav Beneš", "Tomasz Zieliński"), (701, 702), "budmax.praca@example.com",
         "@budmax_jobs", (C.EmploymentAgency, "BudMax Sp. z o.o."), "ul. Półkole 7, 31-580 Kraków", 7707,
         [V("Taras Hrytsenko", 36, "Lviv"), V("Bohdan Kuzmenko", 29, "Kharkiv"), V("Yurii Pasichnyk", 44, "Lviv")],
         "Vistula Modular Homes S.A."),
]  # fmt: skip

BROKER = {
    "name": "Viktor Hrabar",
    "phone": uk_mobile(888),
    "email": "v.hrabar.docs@example.net",
    "role": "Facilitator",
    "links": ["N1", "N7"],
    "how": "forges work permits and arranges minibuses for both networks; both transporters call him",
}

# Legitimate businesses that appear in the supplier register (and, two of them, in the supply chain).
LEGIT_SUPPLIERS = ["Fenland Fresh Produce Ltd", "Vistula Modular Homes S.A."]
