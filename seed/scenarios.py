"""Time-structured scenarios for forecasting backtests: drift, emerging hotspots, displacement and
seasonal routes, each with its ground truth (`lantern seed scenarios`).

A scenario is a monthly series of fictional documents about the seed's places. Each place has a
planted intensity (expected documents per month):

    log mu[i, t] = base_i + drift_i * t + A_i * sin(2 pi (t - phase_i) / 12)
                   + emerging/displacement ramps  (+ seasonal route flows, added on the count scale)

Emerging hotspots start quiet and ramp up from an onset month; each is paired with a place that
fades from the same month (displacement: the activity moves). Seasonal routes carry journeys
origin -> transit -> destination that peak in one month of the year; a route document names all
three places. Realised counts are negative binomial around mu. Separate from the demo corpus
(seed/corpus stays byte-identical); deterministic for a given seed.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from seed.places import CITIES, ROUTES

FORMAT = "lantern-seed-scenario/1"
START = date(2022, 1, 1)
RAMP = 0.18  # log-intensity gained (or lost) per month after onset
RAMP_CAP = 2.6
DISPERSION = 0.25  # NB2 alpha of the realised counts


@dataclass(frozen=True)
class Scenario:
    seed: int
    places: tuple[str, ...]
    periods: tuple[str, ...]
    intensity: np.ndarray  # planted mu, places x periods
    counts: np.ndarray  # realised documents per place x period
    truth: dict[str, object]
    documents: list[dict[str, object]]


def _month(t: int) -> date:
    m = START.month - 1 + t
    return date(START.year + m // 12, m % 12 + 1, 1)


def _ramp(t: np.ndarray, onset: int) -> np.ndarray:
    return np.clip((t - onset) * RAMP, 0.0, RAMP_CAP)


def _sentence(places: list[str], rng: random.Random) -> str:
    if len(places) == 3:
        o, m, d = places
        return rng.choice([
            f"Outreach workers met people recruited in {o} who travelled through {m} to {d}.",
            f"A hotline caller described a journey from {o} via {m}; the job in {d} did not exist.",
        ])  # fmt: skip
    return rng.choice([
        f"A support service in {places[0]} recorded a new referral this month.",
        f"Police in {places[0]} opened an inquiry after an anonymous report.",
        f"An NGO in {places[0]} reported a case of suspected exploitation.",
    ])  # fmt: skip


PROFILES: dict[str, dict[str, float]] = {
    # steady: a few shifts on a stable background; displacement: a war-like upheaval, many shifts
    "steady": {"n_emerging": 4, "n_routes": 3, "route_peak": 4.0},
    "displacement": {"n_emerging": 8, "n_routes": 6, "route_peak": 10.0},
}


def generate(
    seed: int = 1, months: int = 48, n_emerging: int = 4, n_routes: int = 3, route_peak: float = 4.0
) -> Scenario:
    """One scenario; the same seed gives the same scenario."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    places = tuple(sorted(CITIES))
    n = len(places)
    t = np.arange(months, dtype=float)
    base = nrng.normal(math.log(2.5), 0.7, n)
    drift = nrng.normal(0.0, 0.015, n)
    amp = nrng.uniform(0.0, 0.35, n)
    phase = nrng.uniform(0, 12, n)
    log_mu = base[:, None] + drift[:, None] * t + amp[:, None] * np.sin(2 * np.pi * (t - phase[:, None]) / 12)
    quiet = sorted(range(n), key=lambda i: base[i])[: n // 2]
    busy = sorted(range(n), key=lambda i: -base[i])[: n // 2]
    emerging = rng.sample(quiet, n_emerging)
    fading = rng.sample([i for i in busy if i not in emerging], n_emerging)
    shifts = []
    for e, f in zip(emerging, fading, strict=True):
        onset = rng.randint(months // 3, months - 8)
        log_mu[e] += _ramp(t, onset)
        log_mu[f] -= _ramp(t, onset) * 0.6
        shifts.append({"emerging": places[e], "fading": places[f], "onset": _month(onset).isoformat()[:7]})
    mu = np.exp(log_mu)
    all_routes = sorted({r for rs in ROUTES.values() for r in rs})
    routes = []
    route_flow = np.zeros((len(all_routes), months))
    for r_i in rng.sample(range(len(all_routes)), n_routes):
        peak = rng.randint(0, 11)
        flow = route_peak * np.exp(2.0 * (np.cos(2 * np.pi * (t - peak) / 12) - 1))
        route_flow[r_i] = flow
        for place in all_routes[r_i]:
            mu[places.index(place)] += flow
        routes.append({"route": list(all_routes[r_i]), "peak_month": peak + 1, "peak_journeys": route_peak})
    index = {p: i for i, p in enumerate(places)}
    counts = np.zeros((n, months))
    documents: list[dict[str, object]] = []
    nb_n = 1.0 / DISPERSION

    def draw(lam: float) -> int:
        return int(nrng.negative_binomial(nb_n, nb_n / (nb_n + lam))) if lam > 0 else 0

    for m in range(months):
        day = _month(m)
        batches: list[list[str]] = []
        for i, p in enumerate(places):
            local = mu[i, m] - sum(route_flow[r, m] for r in range(len(all_routes)) if p in all_routes[r])
            batches += [[p]] * draw(max(local, 0.0))
        for r, route in enumerate(all_routes):
            batches += [list(route)] * draw(route_flow[r, m])
        for j, named in enumerate(batches):
            for p in set(named):
                counts[index[p], m] += 1
            doc_id = f"scn{seed}-{day:%Y%m}-{j:04d}"
            text = _sentence(named, rng)
            documents.append({"id": doc_id, "text": text, "published": f"{day:%Y-%m}-{1 + j % 28:02d}",
                              "source": "scenario", "places": named})  # fmt: skip
    periods = tuple(f"{_month(m):%Y-%m}" for m in range(months))
    truth: dict[str, object] = {
        "format": FORMAT,
        "generator": {
            "seed": seed,
            "months": months,
            "n_emerging": n_emerging,
            "n_routes": n_routes,
            "route_peak": route_peak,
        },
        "places": {
            p: {
                "base": round(float(math.exp(base[i])), 3),
                "drift": round(float(drift[i]), 4),
                "seasonal_amplitude": round(float(amp[i]), 3),
                "seasonal_peak_month": round(float((phase[i] + 3) % 12) + 1, 1),
            }
            for i, p in enumerate(places)
        },
        "displacements": shifts,
        "seasonal_routes": routes,
        "intensity": {p: [round(float(v), 3) for v in mu[i]] for i, p in enumerate(places)},
    }
    return Scenario(seed, places, periods, mu, counts, truth, documents)


FORMS = {"SexTrafficking": ("online advertising", "OnlineAdvertising"),
         "ForcedLabour": ("withheld wages", "WithheldWages")}  # fmt: skip


def as_extracted(scenario: Scenario) -> list[dict[str, object]]:
    """The scenario's documents in the `lantern extract` output contract, with the planted places as
    City entities (offsets into the text) and a planted form of trafficking: the ground truth an
    ideal extractor would return, for report tests and timing without running spaCy."""
    rows = []
    for i, d in enumerate(scenario.documents):
        text = str(d["text"])
        ents = []
        for j, place in enumerate(dict.fromkeys(d["places"])):  # type: ignore[call-overload]
            at = text.index(place)
            ents.append({"id": f"e{j}", "type": "City", "text": place, "start": at, "end": at + len(place),
                         "value": place, "confidence": 1.0})  # fmt: skip
        form = "SexTrafficking" if i % 3 else "ForcedLabour"
        rows.append({"id": d["id"], "text": text, "title": f"Scenario report {d['id']}",
                     "published": d["published"], "source": "scenario", "entities": ents, "relations": [],
                     "classification": {"trafficking_types": [{"type": form, "confidence": 1.0, "spans": []}],
                                        "indicators": [{"type": FORMS[form][1], "start": 0, "end": 0}]},
                     "errors": []})  # fmt: skip
    return rows


def write(scenario: Scenario, out: Path) -> list[Path]:
    """OUT/corpus/scenario-SEED.jsonl (ingest contract), OUT/extracted-SEED.jsonl (extraction
    contract, planted entities) and OUT/ground_truth-SEED.json."""
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    corpus = out / "corpus" / f"scenario-{scenario.seed}.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for d in scenario.documents:
            row = {k: v for k, v in d.items() if k != "places"}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    extracted = out / f"extracted-{scenario.seed}.jsonl"
    with extracted.open("w", encoding="utf-8") as fh:
        for row in as_extracted(scenario):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    truth = out / f"ground_truth-{scenario.seed}.json"
    truth.write_text(json.dumps(scenario.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [corpus, extracted, truth]
