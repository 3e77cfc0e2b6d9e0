"""`lantern gdpr access|erase|retention`: subject access, erasure with a receipt, retention per source —
each a thin shell over graph/gdpr/, each written to the audit log (docs/guide/sharing-and-gdpr.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from api.commands.common import console, fail, open_graph
from api.config import get_settings

if TYPE_CHECKING:
    from api.state import StateStore

app = typer.Typer(
    help="GDPR operations: subject access, erasure, retention.\n\n"
    "Example: lantern gdpr access --identifier '+44 7700 900101' --out /tmp/subject.json",
    no_args_is_help=True,
)


def _state() -> StateStore:
    from api.state import StateStore

    return StateStore.open(get_settings().state_path)


def _ids(identifiers: list[str], kind: str | None) -> list[str]:
    from graph.gdpr.subject import SubjectError, identifier_id

    try:
        return sorted({identifier_id(v, kind, get_settings().default_phone_region) for v in identifiers})
    except SubjectError as exc:
        fail(str(exc))


@app.command("access")
def access(
    identifier: list[str] = typer.Option(
        ..., "--identifier", "-i", help="Phone, e-mail or other identifier; repeat."
    ),
    kind: str | None = typer.Option(
        None, help="Identifier class when it is not a phone or e-mail (BankAccount ...)."
    ),
    out: Path = typer.Option(..., "--out", "-o", help="JSON file to write."),
) -> None:
    """Subject access: everything held about an identifier — its entity, links with evidence, the documents
    that mention it with snippets, watches and alerts, and the audit-log rows naming it.

    Example: lantern gdpr access --identifier '+44 7700 900101' --out /tmp/subject.json
    """
    from api.cli_audit import audit_operation
    from api.gdpr_stores import audit_rows_naming, derived_stores
    from graph.gdpr import subject_access

    ids, store = _ids(identifier, kind), _state()
    with open_graph() as db:
        report = subject_access(db, ids, derived_stores(store), audit_rows_naming(store, ids))
    if not report["entities"] and not report["audit_log"] and not any(report["derived"].values()):
        fail(f"Nothing is held about {', '.join(identifier)} (looked for {', '.join(ids)}); no file written.")
    try:
        out.write_text(json.dumps(report, indent=2, ensure_ascii=False), encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {out}: {exc}. Choose another --out path.")
    audit_operation("gdpr-access", ids, out=str(out))
    console.print(
        f"Wrote {out}: {len(report['entities'])} entities, {len(report['links'])} links, "
        f"{len(report['mentions'])} documents, {len(report['audit_log'])} audit rows."
    )


app.command("export", help="Same as `access` (the name in DESIGN.md).")(access)


@app.command("erase")
def erase(
    identifier: list[str] = typer.Option(
        ..., "--identifier", "-i", help="Phone, e-mail or other identifier; repeat."
    ),
    kind: str | None = typer.Option(None, help="Identifier class when it is not a phone or e-mail."),
    reason: str = typer.Option("data subject request", help="Why (kept in the receipt's request hash)."),
    receipt: Path | None = typer.Option(None, help="Also write the receipt to this JSON file."),
    dry_run: bool = typer.Option(False, "--dry-run", help="Count what would be removed; change nothing."),
) -> None:
    """Erase a data subject's identifiers: the entity and its links, the spans quoting it in documents and
    evidence, watches and alerts on it. Prints a receipt (no personal data beyond what you supplied).

    Example: lantern gdpr erase --identifier '+44 7700 900101' --dry-run
    """
    from api.cli_audit import audit_operation
    from api.gdpr_stores import audit_rows_naming, derived_stores
    from graph.gdpr import erase_identifiers
    from graph.gdpr.subject import SubjectError

    store = _state()
    ids = _ids(identifier, kind)
    try:
        with open_graph() as db:
            result = erase_identifiers(
                db,
                identifier,
                kind,
                get_settings().default_phone_region,
                reason,
                derived_stores(store),
                len(audit_rows_naming(store, ids)),
                dry_run,
            )
    except SubjectError as exc:
        fail(str(exc))
    text = json.dumps(result.as_dict(), indent=2, ensure_ascii=False)
    if receipt:
        receipt.write_text(text, encoding="utf-8")
    if not dry_run:
        audit_operation(
            "gdpr-erase",
            [],
            receipt=result.receipt,
            request_sha256=result.request_sha256,
            removed=result.removed,
        )
    console.print_json(text)
    if result.not_found and len(result.not_found) == len(identifier):
        fail("None of these identifiers is in the graph; derived stores were still checked (see 'removed').")


@app.command("retention")
def retention(
    dry_run: bool = typer.Option(False, "--dry-run", help="List what the rules expire; change nothing."),
) -> None:
    """Apply the retention rules (LANTERN_RETENTION_RULES, per document source): expired documents are
    deleted or their personal spans redacted. `lantern serve` runs this on a schedule.

    Example: lantern gdpr retention --dry-run
    """
    from api.cli_audit import audit_operation
    from graph.gdpr import apply_retention, plan_retention
    from graph.gdpr.retention import RetentionSettings

    rules = RetentionSettings().retention_rules
    if not rules:
        console.print(
            "No retention rules: set LANTERN_RETENTION_RULES, e.g. "
            '\'[{"source": "*case notes*", "days": 365, "action": "redact"}]\'. Nothing expires.'
        )
        return
    with open_graph() as db:
        plan = plan_retention(db, rules)
        for e in plan[:50]:
            console.print(f"{e.action:7} {e.doc_id}  ingested {e.ingested_at[:10]}  ({e.rule})", markup=False)
        if dry_run:
            console.print(f"Dry run: {len(plan)} document(s) would expire under {len(rules)} rule(s).")
            return
        counts = apply_retention(db, plan)
    audit_operation("gdpr-retention", [], rules=[r.model_dump() for r in rules], **counts)
    console.print("Applied: " + ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in counts.items()) + ".")
