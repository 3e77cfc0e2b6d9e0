"""Ontology names as typed constants. GENERATED from ontology/lantern.ttl by
`python -m ontology.names_gen`; do not edit (tests/unit/test_ontology_names.py checks it is current).

    from ontology.names import C, R
    if kind == C.Phone: ...          # a class (Neo4j label)
    emit(R.USES_PHONE, a, b)         # a relationship type

Each constant is the plain string itself (`C.Phone == "Phone"`). Sets of names are asked of the
ontology (`load_ontology().classes_under(C.Business)`), not written out with these constants.
"""

from typing import Final, final


@final
class C:
    """Classes of lantern.ttl (`lt:Phone` -> `C.Phone`)."""

    Address: Final = "Address"
    """A street address or named premises; a shared address links otherwise ..."""

    Advertisement: Final = "Advertisement"
    """An online or printed advert (job offer, escort advert, accommodation)."""

    AnalysisRun: Final = "AnalysisRun"
    """One run of a graph algorithm (network detection, centrality, risk scoring) ..."""

    Authority: Final = "Authority"
    """Police, prosecutors, courts, ministries and other government agencies; they ..."""

    BankAccount: Final = "BankAccount"
    """A bank account number or IBAN."""

    Business: Final = "Business"
    """A company or other commercial undertaking (shop, farm, restaurant, salon ..."""

    CaseNarrative: Final = "CaseNarrative"
    """A narrative of a trafficking case written by a caseworker, helpline or NGO."""

    City: Final = "City"
    """A city, town or village."""

    Country: Final = "Country"
    """A sovereign state or territory, identified by its ISO 3166 code."""

    CourtRecord: Final = "CourtRecord"
    """A judgment, indictment, sentencing remarks or other court document."""

    CryptoWallet: Final = "CryptoWallet"
    """A cryptocurrency wallet address."""

    Document: Final = "Document"
    """A source text Lantern has read: article, case narrative, court record, press ..."""

    Email: Final = "Email"
    """An email address, lower-cased."""

    EmploymentAgency: Final = "EmploymentAgency"
    """A recruitment or employment agency, including informal labour brokers ..."""

    Entity: Final = "Entity"
    """Anything that can be resolved across documents: a person, organisation ... (abstract)."""

    FrontBusiness: Final = "FrontBusiness"
    """A business used as a front for exploitation, e.g."""

    Identifier: Final = "Identifier"
    """A contact point, account or object that identifies who uses it: phone ... (abstract)."""

    Incident: Final = "Incident"
    """A trafficking case or incident described by one or more documents."""

    Indicator: Final = "Indicator"
    """An indicator of trafficking or a method of control seen in a document."""

    Location: Final = "Location"
    """A place at any level: country, region, city or street address."""

    Mention: Final = "Mention"
    """Evidence: a span of a document (start and end character offsets, text ... (RDF only)."""

    NGO: Final = "NGO"
    """A non-governmental organisation, charity or support service (shelters ..."""

    NewsArticle: Final = "NewsArticle"
    """A news report."""

    Organization: Final = "Organization"
    """A group of people acting together: company, authority, NGO, gang or network."""

    PaymentAccount: Final = "PaymentAccount"
    """An account money moves through: bank account, IBAN, crypto wallet or ..."""

    PaymentAppAccount: Final = "PaymentAppAccount"
    """An id on a payment app (e.g."""

    Person: Final = "Person"
    """A human being named in a document: suspect, victim, witness, official or any ..."""

    Phone: Final = "Phone"
    """A telephone number, normalised to E.164."""

    PressRelease: Final = "PressRelease"
    """A press release from police, a prosecutor or another authority."""

    Region: Final = "Region"
    """An administrative region, state, province or county."""

    Role: Final = "Role"
    """A role a person or organisation plays in a trafficking process."""

    Sector: Final = "Sector"
    """An economic sector a business works in, where trafficking for labour or ... (RDF only)."""

    SightingReport: Final = "SightingReport"
    """An anonymous report from a member of the public (what, where, when they saw ..."""

    SocialHandle: Final = "SocialHandle"
    """A user name on a social network or messaging app (Instagram, Telegram ..."""

    SupplierRecord: Final = "SupplierRecord"
    """A supply-chain record: audit, supplier list or labour-inspection report."""

    TraffickingType: Final = "TraffickingType"
    """A form of exploitation in the Polaris / HTCDS typology."""

    TransactionRecord: Final = "TransactionRecord"
    """A list of payments read from a partner or a case (a bank statement or ..."""

    TransportCompany: Final = "TransportCompany"
    """A bus, coach, taxi, haulage or travel company that moves people."""

    Vehicle: Final = "Vehicle"
    """A car, van, bus or lorry, identified by its registration plate."""

    Website: Final = "Website"
    """A website or URL, e.g."""


@final
class R:
    """Relationship types (`lt:usesPhone` -> `R.USES_PHONE`); RDF-only ones are export-only."""

    ASSOCIATE_OF: Final = "ASSOCIATE_OF"
    """The two people are associates (symmetric meaning; stored once)."""

    CLASSIFIED_AS: Final = "CLASSIFIED_AS"
    """The document describes this form of trafficking."""

    CONTROLLED: Final = "CONTROLLED"
    """The controller exercised control over the person (threats, debt, confinement)."""

    CO_ACCUSED: Final = "CO_ACCUSED"
    """The two people are co-defendants or co-accused in the same proceedings ..."""

    EVIDENCE: Final = "EVIDENCE"
    """A mention supporting a reified relationship statement (rdf:Statement) (RDF only)."""

    EXPLOITED_AT: Final = "EXPLOITED_AT"
    """The victim was exploited at, or made to work at, this organisation or place."""

    HAS_INDICATOR: Final = "HAS_INDICATOR"
    """The document shows this indicator or method of control."""

    HAS_ROLE: Final = "HAS_ROLE"
    """The person or organisation plays this role in the trafficking process."""

    IN_DOCUMENT: Final = "IN_DOCUMENT"
    """The document the mention's span belongs to (RDF only)."""

    LOCATED_IN: Final = "LOCATED_IN"
    """The subject is based at, lives at or is located in the place."""

    MENTIONED_IN: Final = "MENTIONED_IN"
    """Provenance: the entity is mentioned in the document (the spans are on the ..."""

    MENTIONED_TOGETHER: Final = "MENTIONED_TOGETHER"
    """Weak link: named in the same sentence without a typed relation."""

    MENTION_OF: Final = "MENTION_OF"
    """The entity a mention refers to (RDF only)."""

    OWNS: Final = "OWNS"
    """The person or organisation owns, operates or directs the business."""

    PART_OF_INCIDENT: Final = "PART_OF_INCIDENT"
    """The document describes this incident or case."""

    POSSIBLY_SAME_AS: Final = "POSSIBLY_SAME_AS"
    """Entity-resolution candidate with a score and reason; never merged automatically."""

    RECRUITED: Final = "RECRUITED"
    """The recruiter (person or organisation) recruited the person."""

    RECRUITED_IN: Final = "RECRUITED_IN"
    """Where the person was recruited."""

    SUPPLIED_LABOUR_TO: Final = "SUPPLIED_LABOUR_TO"
    """The labour provider (agency, gangmaster or person) supplied workers to the ..."""

    TRANSFERRED_TO: Final = "TRANSFERRED_TO"
    """One dated, valued payment from one payment account to another (amount ..."""

    TRANSPORTED: Final = "TRANSPORTED"
    """The transporter (person or organisation) moved the person."""

    TRANSPORTED_FROM: Final = "TRANSPORTED_FROM"
    """Origin of a movement of a transported person (or of the transporter with them)."""

    TRANSPORTED_TO: Final = "TRANSPORTED_TO"
    """Destination of a movement of a transported person."""

    TRANSPORTED_VIA: Final = "TRANSPORTED_VIA"
    """A transit place on the movement of a transported person."""

    USES_ACCOUNT: Final = "USES_ACCOUNT"
    """The person or organisation holds or receives money through this payment account."""

    USES_EMAIL: Final = "USES_EMAIL"
    """The person or organisation uses this email address."""

    USES_HANDLE: Final = "USES_HANDLE"
    """The person or organisation uses this social media or messaging handle."""

    USES_PHONE: Final = "USES_PHONE"
    """The person or organisation uses this phone number."""

    USES_VEHICLE: Final = "USES_VEHICLE"
    """The person or organisation owns, drives or uses this vehicle."""

    USES_WEBSITE: Final = "USES_WEBSITE"
    """The person or organisation runs or advertises on this website."""

    WORKS_FOR: Final = "WORKS_FOR"
    """The person is employed by or works for the organisation."""
