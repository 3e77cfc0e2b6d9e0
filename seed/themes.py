# ruff: noqa: E501  (data tables read better on one line)
"""Phrases per trafficking type: the lure, the place of exploitation, the abuse, the job ad wording."""

from __future__ import annotations

THEMES: dict[str, dict[str, list[str]]] = {
    "SexTrafficking": {
        "lure": ["safe passage to Germany, a room and a job as a hotel receptionist",
                 "a job as a waitress in a hotel bar", "work in a beauty salon and a free flat"],
        "venue": ["a massage parlour", "rented flats advertised online as 'wellness'", "a so-called spa"],
        "abuse": ["were forced to see clients every night and handed over everything they earned",
                  "were moved between flats and made to work for men who answered online adverts"],
        "job": ["Hostess / receptionist", "Hotel staff", "Beauty salon assistant"],
    },
    "ForcedLabour": {
        "lure": ["seasonal work picking and packing vegetables for €1,800 a month",
                 "construction work with free housing and weekly pay", "factory work with overtime"],
        "venue": ["a vegetable packing plant", "building sites", "a car wash", "a meat-processing line"],
        "abuse": ["worked fourteen-hour shifts and were paid almost nothing after 'deductions' for rent",
                  "slept twelve to a room in a caravan and were fined for every day off"],
        "job": ["Farm and packhouse operatives", "Construction labourers", "Warehouse workers"],
    },
    "DomesticServitude": {
        "lure": ["a nanny position with a respectable family", "a live-in housekeeper job paying £1,500 a month"],
        "venue": ["a private household", "a large house in the suburbs"],
        "abuse": ["worked from six in the morning until midnight, slept on the kitchen floor and was "
                  "never allowed out alone", "was not paid for eleven months and was told she owed the "
                  "agency for her flight"],
        "job": ["Live-in nanny", "Housekeeper", "Carer for elderly lady"],
    },
    "CriminalExploitation": {
        "lure": ["a job selling newspapers and flowers", "work in a warehouse abroad"],
        "venue": ["busy shopping streets", "metro stations", "a cannabis grow in a rented house"],
        "abuse": ["were made to beg and pickpocket and had to hand over a daily quota of €150",
                  "were locked inside a house to tend cannabis plants and told the police would jail them"],
        "job": ["Street sales promoters", "Warehouse pickers"],
    },
    "ForcedMarriage": {
        "lure": ["an introduction to a kind husband abroad", "a 'paper marriage' paid €5,000 and a visa"],
        "venue": ["a registry office", "a flat rented by the organisers"],
        "abuse": ["were married to men they had never met and kept as unpaid housewives",
                  "were held in a flat until the marriage papers were filed and then handed to their 'husbands'"],
        "job": ["International introductions", "Marriage agency"],
    },
    "OrganRemoval": {
        "lure": ["€10,000 for taking part in a 'medical study'", "free treatment and a paid job at a clinic"],
        "venue": ["a private clinic", "a rented surgical suite"],
        "abuse": ["had a kidney removed and were sent home with a fraction of the promised money",
                  "were pressured into surgery after their passports were taken"],
        "job": ["Paid medical study volunteers", "Clinic assistants"],
    },
}  # fmt: skip

INDICATOR_PHRASES = [
    "took their passports 'for registration'",
    "told them they owed €3,000 for the journey and accommodation",
    "threatened to hurt their families back home",
    "kept them locked in a flat and never let them go out alone",
    "withheld wages for months",
    "made them work seven days a week",
]

GENERIC_AD_LINES = [
    "High salary, free accommodation, no experience needed.",
    "Start immediately. Transport provided.",
    "Documents arranged, no language required.",
    "Ukrainian and Russian speakers welcome.",
]
