"""``newsdesk eval``: run an eval set through the chat's chain and report every metric.

Exit codes: 0 all well, 1 a bad input (eval set, floors, baseline, empty
index), 3 a metric is below its floor (the CI regression gate).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from newsdesk.cli.common import (
    AnswererOption,
    KOption,
    RetrieverOption,
    answerer_kind,
    assistant_from,
    console,
    console_err,
    retriever_mode,
)

if TYPE_CHECKING:
    from newsdesk.assistant import Assistant
    from newsdesk.evaluation.report import Baseline
    from newsdesk.evaluation.runner import EvalRun
    from newsdesk.evaluation.scoring import Case, CaseResult
    from newsdesk.settings import RetrieverMode

BELOW_FLOOR_EXIT = 3


def register(app: typer.Typer) -> None:
    app.command("eval")(evaluate_set)


def evaluate_set(
    ctx: typer.Context,
    set_specs: Annotated[
        list[str],
        typer.Option(
            "--set",
            help="Eval set: JSON Lines cases (shared eval-format doc). Repeat it to report sets side by side; "
            "LABEL=FILE pools files under one column "
            "(e.g. dev=eval/cases.jsonl dev=eval/dev/cases.jsonl dev=eval/dev2/cases.jsonl dev=eval/dev3/cases.jsonl test=eval/test/cases.jsonl).",
        ),
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object: metrics and per-case results.")] = False,
    out: Annotated[
        Optional[Path], typer.Option("--out", help="Write results.json and metrics.png into this directory.")
    ] = None,
    baseline: Annotated[
        Optional[Path], typer.Option("--baseline", help="results.json of an earlier run: print how each metric moved.")
    ] = None,
    floors: Annotated[
        Optional[Path],
        typer.Option("--floors", help="JSON of metric floors (e.g. eval/floors.json); exit 3 when a metric falls below one."),
    ] = None,
    answers: Annotated[
        Optional[Path],
        typer.Option("--answers", help="Score saved `ask --json --batch` output instead of asking again."),
    ] = None,
    claims: Annotated[
        Optional[list[Path]],
        typer.Option("--claims", help="Hand-labelled claims (repeatable; default: claims.jsonl and corpus-claims.jsonl beside the set)."),
    ] = None,
    k: KOption = None,
    retriever: RetrieverOption = None,
    answerer: AnswererOption = None,
) -> None:
    """Run an eval set through the same chain as the chat and report every metric."""
    from newsdesk.evaluation.report import load_baseline, load_floors
    from newsdesk.evaluation.scoring import load_cases

    splits = parse_set_specs(set_specs)
    if len(splits) > 1 or splits[0].label is not None:
        if answers or baseline or floors or claims:
            raise typer.BadParameter(
                "--answers, --baseline, --floors and --claims hold one set; with several sets run them one set at a time"
            )
        evaluate_side_by_side(ctx, splits, as_json=as_json, out=out, k=k, retriever=retriever, answerer=answerer)
        return
    set_path = splits[0].paths[0]
    if answers is not None and (k is not None or retriever is not None):
        raise typer.BadParameter("-k and --retriever apply when asking; --answers scores answers already given")
    # Every input is read and checked before a single question is asked.
    cases = load_cases(set_path)
    floor_values = load_floors(floors) if floors else {}
    earlier = load_baseline(baseline) if baseline else None
    mode = retriever_mode(retriever)
    assistant = assistant_from(ctx, answerer=answerer_kind(answerer))
    evaluate_and_report(
        assistant, cases, set_path, as_json=as_json, out=out, baseline=earlier, floors=floor_values,
        answers=answers, claims=claims or (), k=k, mode=mode,
    )


def evaluate_and_report(
    assistant: Assistant,
    cases: list[Case],
    set_path: Path,
    as_json: bool = False,
    out: Path | None = None,
    baseline: Baseline | None = None,
    floors: dict[str, float] | None = None,
    answers: Path | None = None,
    claims: Sequence[Path] = (),
    k: int | None = None,
    mode: RetrieverMode | None = None,
) -> None:
    """Ask (or score ``answers`` for) one eval set already read, and report it with the claim metrics:
    what `newsdesk eval --set FILE` does once its inputs are checked, and `reindex --eval FILE` after indexing."""
    if answers is not None:
        from newsdesk.evaluation.runner import score_answers

        run = score_answers(assistant, cases, answers, set_path)
    else:
        run = run_with_progress(assistant, cases, set_path, k, mode, show=not as_json)
    from newsdesk.evaluation.claims import claim_metrics_beside

    # Claim extraction is scored apart from the eval-format metrics (docs/evaluation.md, Claims).
    claim_values = claim_metrics_beside(assistant.ledger(), set_path, claims)
    report(run, as_json=as_json, out=out, baseline=baseline, floors=floors or {}, claims=claim_values)


@dataclass(frozen=True)
class Split:
    """One column of a side-by-side report: a label and the case files pooled under it."""

    label: str | None
    paths: tuple[Path, ...]

    @property
    def name(self) -> str:
        return self.label or str(self.paths[0])


_LABEL = re.compile(r"[A-Za-z][\w-]*")


def parse_set_specs(specs: list[str]) -> list[Split]:
    """``FILE`` or ``LABEL=FILE`` per --set; files with the same label pool into one split, in the order given."""
    pooled: dict[str, list[Path]] = {}
    order: list[str | Path] = []
    for spec in specs:
        label, sep, rest = spec.partition("=")
        if sep and _LABEL.fullmatch(label) and not Path(spec).exists():
            if label not in pooled:
                order.append(label)
            pooled.setdefault(label, []).append(Path(rest))
        else:
            order.append(Path(spec))
    return [Split(None, (item,)) if isinstance(item, Path) else Split(item, tuple(pooled[item])) for item in order]


def evaluate_side_by_side(
    ctx: typer.Context,
    splits: list[Split],
    as_json: bool = False,
    out: Path | None = None,
    k: int | None = None,
    retriever: str | None = None,
    answerer: str | None = None,
) -> None:
    """Several eval sets through one assistant: one column per split and the gap between the first and the last."""
    from newsdesk.evaluation.scoring import load_cases

    mode = retriever_mode(retriever)
    present: list[tuple[Split, list[Case]]] = []
    for split in splits:
        missing = [path for path in split.paths if not path.exists()]
        for path in missing:
            console_err.print(
                f"[yellow]warning:[/] {escape(str(path))}: no such eval set; {escape(split.name)} is reported "
                "without it (a split that is written on another branch, such as the sealed test split, may not be here yet)",
                highlight=False,
                soft_wrap=True,  # a long path must stay whole to be copied
            )
        cases = [case for path in split.paths if path not in missing for case in load_cases(path)]
        ids = [case.id for case in cases]
        if len(ids) != len(set(ids)):
            twice = next(case_id for case_id in ids if ids.count(case_id) > 1)
            raise typer.BadParameter(
                f"the files pooled as {split.name} share the case id {twice!r}; ids must be unique across them"
            )
        if cases:
            present.append((split, cases))
    if not present:
        raise typer.BadParameter("none of the --set files exists")
    assistant = assistant_from(ctx, answerer=answerer_kind(answerer))
    runs = [
        (split.name, run_with_progress(assistant, cases, ", ".join(map(str, split.paths)), k, mode, show=not as_json))
        for split, cases in present
    ]
    report_side_by_side(runs, as_json=as_json, out=out)


def report_side_by_side(runs: list[tuple[str, EvalRun]], as_json: bool = False, out: Path | None = None) -> None:
    """Print the splits' metrics in columns with the first-minus-last gap; --out gets one folder per split."""
    from newsdesk.evaluation.report import split_gap

    gap = split_gap(runs[0][1].metrics, runs[-1][1].metrics) if len(runs) > 1 else {}
    data = {
        "sets": {name: run.to_json() for name, run in runs},
        "gap": {"between": [runs[0][0], runs[-1][0]], "metrics": gap} if gap else None,
    }
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        for name, run in runs:
            console.print(
                f"[bold]{escape(name)}[/]: {len(run.results)} cases, {len(run.failures)} with problems", highlight=False
            )
        console.print(side_by_side_table(runs, gap))
    if out is not None:
        for name, run in runs:
            _write_out(out / _folder_name(name), run.to_json(), None)
        (out / "splits.json").write_text(
            json.dumps({"metrics": {name: run.metrics for name, run in runs}, "gap": data["gap"]}, indent=1) + "\n",
            encoding="utf-8",
        )


def side_by_side_table(runs: list[tuple[str, EvalRun]], gap: dict[str, float | None]) -> Table:
    from newsdesk.evaluation.scoring import LOWER_IS_BETTER

    first, last = runs[0][0], runs[-1][0]
    table = Table(title="eval sets side by side", title_justify="left")
    table.add_column("metric")
    for name, run in runs:
        table.add_column(f"{name}\n({len(run.results)} cases)", justify="right")
    if gap:
        table.add_column(f"gap\n({first} − {last})", justify="right")
    for metric in runs[0][1].metrics:
        label = f"{metric} [dim](lower is better)[/]" if metric in LOWER_IS_BETTER else metric
        row = [label] + [_number(metric, run.metrics.get(metric)) for _, run in runs]
        if gap:
            row.append(_gap_cell(metric, gap.get(metric)))
        table.add_row(*row)
    return table


def _gap_cell(name: str, gap: float | None) -> str:
    if gap is None:
        return "[dim]n/a[/]"
    return f"{gap:+.0f} ms" if name.endswith("_ms") else f"{gap:+.3f}"


def _folder_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_") or "set"


def run_with_progress(
    assistant: Assistant,
    cases: list[Case],
    set_path: Path | str,
    k: int | None = None,
    mode: RetrieverMode | None = None,
    show: bool = True,
) -> EvalRun:
    from newsdesk.evaluation.runner import evaluate, evidence_not_indexed

    strays = evidence_not_indexed(assistant, cases)
    if strays:
        console_err.print(
            f"[yellow]warning:[/] the evidence of {len(strays)} cases (e.g. {escape(strays[0])}) is in no indexed "
            "document; was the corpus this set was written for indexed? (`make eval` indexes corpus/ and every eval corpus)",
            highlight=False,
        )
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=console_err,
        transient=True,
        disable=not (show and console_err.is_terminal),
    ) as progress:
        task = progress.add_task("loading model and index", total=len(cases))

        def advance(done: int, total: int) -> None:
            name = set_path.name if isinstance(set_path, Path) else set_path
            progress.update(task, completed=done, description=f"asking {name}")

        return evaluate(assistant, cases, set_path, k=k, mode=mode, on_case=advance)


def report(
    run: EvalRun,
    as_json: bool = False,
    out: Path | None = None,
    baseline: Baseline | None = None,
    floors: dict[str, float] | None = None,
    claims: dict[str, float | None] | None = None,
) -> None:
    """Print the run (table or JSON), write --out files, then enforce the floors."""
    from newsdesk.evaluation.scoring import below_floors

    data = run.to_json()
    if claims:
        data["claims"] = claims
    failing = below_floors(run.metrics, floors) if floors else []
    if floors:
        data["below_floors"] = failing
    if baseline:
        data["baseline"] = {"path": str(baseline.path), "metrics": baseline.metrics}
    if as_json:
        print(json.dumps(data, ensure_ascii=False))
    else:
        _print_failures(run)
        console.print(metrics_table(run, baseline, floors or {}))
        if claims:
            console.print(_claims_table(claims))
        if baseline:
            _print_case_changes(baseline, data["results"])
    if out is not None:
        _write_out(out, data, baseline)
    if failing:
        for line in failing:
            console_err.print(f"[bold red]below floor:[/] {escape(line)}", highlight=False)
        raise typer.Exit(BELOW_FLOOR_EXIT)


def metrics_table(run: EvalRun, baseline: Baseline | None, floors: dict[str, float]) -> Table:
    from newsdesk.evaluation.report import deltas
    from newsdesk.evaluation.scoring import LOWER_IS_BETTER

    table = Table(
        title=f"{run.set_path}: {len(run.results)} cases, {len(run.failures)} with problems "
        f"(retriever {run.retriever}, k={run.k}, {run.documents} documents)",
        title_justify="left",
    )
    table.add_column("metric")
    table.add_column("value", justify="right")
    if floors:
        table.add_column("floor", justify="right")
    if baseline:
        table.add_column("baseline", justify="right")
        table.add_column("change", justify="right")
    moved = {d.name: d for d in deltas(baseline.metrics, run.metrics)} if baseline else {}
    for name, value in run.metrics.items():
        label = f"{name} [dim](lower is better)[/]" if name in LOWER_IS_BETTER else name
        row = [label, _number(name, value)]
        if floors:
            row.append(_floor_cell(name, value, floors.get(name)))
        if baseline:
            delta = moved[name]
            row += [_number(name, delta.old), _change_cell(name, delta.change, delta.improved)]
        table.add_row(*row)
    return table


def _claims_table(claims: dict[str, float | None]) -> Table:
    table = Table(title="claim ledger against the hand-labelled claims", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for name, value in claims.items():
        table.add_row(name, _number(name, value))
    return table


def _number(name: str, value: float | None) -> str:
    if value is None:
        return "[dim]n/a[/]"
    return f"{value:.0f} ms" if name.endswith("_ms") else f"{value:.3f}"


def _floor_cell(name: str, value: float | None, floor: float | None) -> str:
    from newsdesk.evaluation.scoring import LOWER_IS_BETTER, below_floors

    if floor is None:
        return ""
    colour = "red" if below_floors({name: value}, {name: floor}) else "green"
    sign = "≤" if name in LOWER_IS_BETTER else "≥"
    return f"[{colour}]{sign} {_number(name, floor)}[/]"


def _change_cell(name: str, change: float | None, improved: bool | None) -> str:
    if change is None:
        return "[dim]n/a[/]"
    if improved is None:
        return "[dim]=[/]"
    arrow = "▲" if change > 0 else "▼"
    colour = "green" if improved else "red"
    amount = f"{abs(change):.0f} ms" if name.endswith("_ms") else f"{abs(change):.3f}"
    return f"[{colour}]{arrow} {amount}[/]"


def _print_failures(run: EvalRun) -> None:
    failures = run.failures
    if not failures:
        console.print("[green]Every case passed.[/]")
        return
    console.print(f"[bold]Cases with problems ({len(failures)} of {len(run.results)}):[/]")
    for result in failures:
        _print_failure(result)
    console.print()


def _print_failure(result: CaseResult) -> None:
    case = result.case
    follow_up = f" [dim](after: {escape(' / '.join(case.history))})[/]" if case.history else ""
    console.print(f"\n[red]✗[/] [bold]{escape(case.id)}[/]: {escape(case.question)}{follow_up}", highlight=False)
    for problem in result.problems():
        console.print(f"    [yellow]{escape(problem)}[/]", highlight=False)
    answer: dict[str, Any] = result.answer
    said = answer.get("answer", "")
    console.print(f"    answered: [dim]{escape(said[:300])}{'…' if len(said) > 300 else ''}[/]", highlight=False)
    for citation, holds in zip(answer.get("citations", []), result.citations_ok or [], strict=False):
        mark = "" if holds else " [red](does not hold)[/]"
        console.print(
            f"    cited [{citation['n']}] {escape(citation['doc_id'])}:{citation['start']}-{citation['end']}{mark} "
            f"[dim]“{escape(citation['quote'][:200])}”[/]",
            highlight=False,
        )


def _print_case_changes(baseline: Baseline, results: list[dict[str, Any]]) -> None:
    from newsdesk.evaluation.report import case_changes

    newly_failing, fixed = case_changes(baseline, results)
    if newly_failing:
        console.print(f"[red]Fail now, passed in the baseline:[/] {escape(', '.join(newly_failing))}", highlight=False)
    if fixed:
        console.print(f"[green]Pass now, failed in the baseline:[/] {escape(', '.join(fixed))}", highlight=False)


def _write_out(out: Path, data: dict[str, Any], baseline: Baseline | None) -> None:
    from newsdesk.evaluation.chart import write_chart

    out.mkdir(parents=True, exist_ok=True)
    results = out / "results.json"
    results.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    chart = write_chart(data, out / "metrics.png", baseline.metrics if baseline else None)
    console_err.print(f"wrote {results} and {chart}", highlight=False)
