"""``newsdesk claims``: the claim ledger, filtered by subject or claimant."""

from __future__ import annotations

import csv
import json
import sys
from typing import TYPE_CHECKING, Annotated, Optional

import typer
from rich.table import Table

from newsdesk.claims.attribution import claimant_label
from newsdesk.cli.common import assistant_from, console
from newsdesk.display import for_terminal

if TYPE_CHECKING:
    from newsdesk.claims.extraction import Claim

CSV_FIELDS = (
    "doc_id", "claimant", "relay", "kind", "subject", "value", "unit", "hedge", "caveat", "as_of", "start", "end", "quote",
)


def register(app: typer.Typer) -> None:
    app.command()(claims)


def claims(
    ctx: typer.Context,
    subject: Annotated[Optional[str], typer.Option("--subject", help="Only claims whose subject or quote holds these words.")] = None,
    claimant: Annotated[Optional[str], typer.Option("--claimant", help="Only claims by (or relayed by) this name.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header row.")] = False,
    disputes: Annotated[bool, typer.Option("--disputes", help="Only claims in disputed subjects, grouped.")] = False,
) -> None:
    """List who claimed what in the indexed corpus, with exact spans; --disputes shows the disagreements."""
    from newsdesk.claims.conflicts import ledger_disputes

    if as_json and as_csv:
        raise typer.BadParameter("give --json or --csv, not both")
    ledger = assistant_from(ctx).ledger()
    selected = ledger.select(subject=subject, claimant=claimant)
    if disputes:
        _print_disputes(ledger_disputes(ledger), {c.id for c in selected}, as_json)
        return
    if as_json:
        for claim in selected:
            print(json.dumps(claim.to_json(), ensure_ascii=False))
    elif as_csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=CSV_FIELDS, extrasaction="ignore")
        writer.writeheader()
        for claim in selected:
            writer.writerow(claim.to_json())
    else:
        _print_table(selected)


def _print_table(selected: list[Claim]) -> None:
    table = Table("claimant", "relay", "subject", "figure", "as of", "span", show_lines=False)
    for claim in selected:
        figure = claim.hedged_value if claim.kind == "figure" else "(statement)"
        if claim.caveat:
            figure += " (unverified)" if "verif" in claim.caveat else f" ({claim.caveat})"
        table.add_row(*(for_terminal(cell) for cell in (
            claim.claimant, claim.relay or "", claim.subject, figure, claim.as_of,
            f"{claim.doc_id}:{claim.start}-{claim.end}",
        )))
    console.print(table)
    console.print(f"[dim]{len(selected)} claims[/]")


def _print_disputes(found: list, selected_ids: set[str], as_json: bool) -> None:
    for dispute in found:
        if not any(c.id in selected_ids for c in dispute.claims):
            continue
        if as_json:
            print(json.dumps(dispute.to_json(), ensure_ascii=False))
            continue
        table = Table("claimant", "says", "as of", "span", title=f"disputed: {for_terminal(dispute.subject)}")
        for side in dispute.sides:
            claim = side.latest
            says = claim.hedged_value if dispute.kind == "figure" else claim.quote
            if side.revised:
                says += " (earlier " + ", ".join(c.hedged_value for c in side.revised) + ")"
            table.add_row(*(for_terminal(c) for c in (side.claimant, says, claim.as_of, f"{claim.doc_id}:{claim.start}-{claim.end}")))
        console.print(table)


def render_disputes(disputes: list[dict]) -> None:
    """The chat's "disputed figures" table: one row per side of each disputed subject in an answer."""
    for dispute in disputes:
        title = "disputed figures" if dispute["kind"] == "figure" else "disputed statements"
        table = Table("source", "says", "caveat", "as of", "earlier", "cite", title=f"{title}: {for_terminal(dispute['subject'])}")
        for side in dispute["sides"]:
            who = claimant_label(side["claimant"], side.get("relay"))
            if dispute["kind"] == "figure":
                says = f"{side.get('hedge') or ''} {side['value']:,.0f}".strip()
            else:
                says = side["quote"]
            earlier = ", ".join(
                f"{e.get('hedge') or ''} {e['value']:,.0f} ({e['as_of']}) [{e['citation']}]".strip()
                for e in side.get("earlier", [])
            )
            cells = (who, says, side.get("caveat") or "", side.get("as_of") or "", earlier, f"[{side['citation']}]")
            table.add_row(*(for_terminal(cell) for cell in cells))
        console.print(table)
