"""`lantern` — the command line. Each command group lives in `api/commands/<group>.py`.

Heavy imports (spaCy, the driver, FastAPI) happen inside commands so `lantern --help` stays fast.
"""

from __future__ import annotations

import typer

from api.commands import analyze as analyze_cmd
from api.commands import audit as audit_cmd
from api.commands import audit_log as audit_log_cmd
from api.commands import demo as demo_cmd
from api.commands import evaluate as evaluate_cmd
from api.commands import export as export_cmd
from api.commands import extract as extract_cmd
from api.commands import feeds as feeds_cmd
from api.commands import forecast as forecast_cmd
from api.commands import gdpr as gdpr_cmd
from api.commands import imports as imports_cmd
from api.commands import ingest as ingest_cmd
from api.commands import keys as keys_cmd
from api.commands import money as money_cmd
from api.commands import neo4j as neo4j_cmd
from api.commands import queries as queries_cmd
from api.commands import report as report_cmd
from api.commands import resolve as resolve_cmd
from api.commands import schema as schema_cmd
from api.commands import screen as screen_cmd
from api.commands import seed as seed_cmd
from api.commands import serve as serve_cmd

app = typer.Typer(
    name="lantern",
    help=(
        "Lantern — knowledge-graph intelligence against human trafficking.\n\n"
        "Example: lantern neo4j start && lantern schema apply && lantern ingest seed/corpus"
    ),
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_show_locals=False,
)
app.add_typer(evaluate_cmd.app, name="evaluate")
app.add_typer(forecast_cmd.app, name="forecast")
app.add_typer(neo4j_cmd.app, name="neo4j")
app.add_typer(queries_cmd.app, name="queries")
app.add_typer(resolve_cmd.app, name="resolve")
app.add_typer(schema_cmd.app, name="schema")
app.add_typer(serve_cmd.app, name="serve")
app.add_typer(keys_cmd.app, name="keys")
app.add_typer(audit_log_cmd.app, name="audit-log")
app.add_typer(seed_cmd.app, name="seed")
app.add_typer(feeds_cmd.app, name="feeds")
app.add_typer(money_cmd.app, name="money")
app.add_typer(gdpr_cmd.app, name="gdpr")
app.add_typer(imports_cmd.app, name="import")
app.command(name="demo")(demo_cmd.demo)
app.command(name="export")(export_cmd.export)
app.command(name="extract")(extract_cmd.extract)
app.command(name="ingest")(ingest_cmd.ingest)
app.command(name="audit")(audit_cmd.audit)
app.command(name="analyze")(analyze_cmd.analyze)
app.command(name="report")(report_cmd.report)
app.command(name="screen")(screen_cmd.screen)


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":
    main()
