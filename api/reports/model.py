"""What a sighting report may contain, and the coarse cell its coordinates are rounded to."""

from __future__ import annotations

import math
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from ontology.names import C


@lru_cache(maxsize=1)
def categories() -> tuple[str, ...]:
    """Allowed `category` values: the ontology's trafficking types, plus `Other`."""
    from ontology import load_ontology

    return (*load_ontology().individuals(C.TraffickingType), "Other")


def coarse_cell(lat: float, lon: float, degrees: float) -> tuple[float, float]:
    """The centre of the `degrees`-wide grid cell holding (lat, lon): all a report keeps of a position."""

    def snap(v: float) -> float:
        return round(math.floor(v / degrees) * degrees + degrees / 2, 6)

    return snap(lat), snap(lon)


class ReportIn(BaseModel):
    """The JSON body of `POST /api/reports`. Unknown fields are refused (422), so nothing else slips in."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=3, description="What was seen, in the reporter's words.")
    place: str | None = Field(default=None, max_length=200, description="Where, as text (town, street).")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    observed_at: datetime | date = Field(description="When (ISO date or date-time).")
    category: str | None = Field(default=None, max_length=40)

    @field_validator("category")
    @classmethod
    def _known_category(cls, v: str | None) -> str | None:
        if v is not None and v not in categories():
            raise ValueError(f"category must be one of: {', '.join(categories())}")
        return v

    @model_validator(mode="after")
    def _where_and_when(self) -> ReportIn:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("give both lat and lon, or neither")
        if not self.place and self.lat is None:
            raise ValueError("say where: `place` as text, or `lat` and `lon`")
        if self.observed_day() > datetime.now(UTC).date() + timedelta(days=1):
            raise ValueError("observed_at is in the future")
        return self

    def observed_text(self) -> str:
        """When, to the hour at most (minutes and seconds are dropped: they add nothing but precision)."""
        v = self.observed_at
        if isinstance(v, datetime):
            return v.replace(minute=0, second=0, microsecond=0).isoformat(timespec="minutes")
        return v.isoformat()

    def observed_day(self) -> date:
        v = self.observed_at
        return v.date() if isinstance(v, datetime) else v
