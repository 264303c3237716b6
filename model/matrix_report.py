"""The gate's verdict per cell and its renderings: terminal grid, Markdown and HTML reports."""
from __future__ import annotations

import html
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from model.cells import EXPECTED_FAILURE, PASS, REPRODUCED, UNEXPECTED

VERDICT_ORDER = (PASS, REPRODUCED, EXPECTED_FAILURE, UNEXPECTED)
VERDICT_MARK = {PASS: "pass", REPRODUCED: "regression reproduced", EXPECTED_FAILURE: "failed as predicted",
                UNEXPECTED: "UNEXPECTED"}


@dataclass(frozen=True)
class CellRecord:
    """What the reports say about one cell; crosses from xdist workers to the controller as JSON."""

    id: str
    arch: str
    strategy: str
    scenario: str
    kaniko: str
    verdict: str
    predicted: str  # "success" or "fails at stage N: RUN ..."
    seconds: float
    message: str = ""  # the assertion that failed (unexpected cells only)
    log_excerpt: tuple[str, ...] = field(default=())  # kaniko log lines around the failing step
    evidence_dir: str | None = None
    kept_container: str | None = None

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> CellRecord:
        data = json.loads(text)
        data["log_excerpt"] = tuple(data["log_excerpt"])
        return cls(**data)


@dataclass(frozen=True)
class GridCell:
    counts: Counter[str]

    @property
    def text(self) -> str:
        if not self.counts:
            return "-"
        return ", ".join(f"{self.counts[v]} {VERDICT_MARK[v]}" for v in VERDICT_ORDER if self.counts[v])


def grid(records: Iterable[CellRecord]) -> tuple[list[str], list[str], dict[tuple[str, str], GridCell]]:
    """Strategies (rows) x arches (columns), each square counting its cells' verdicts."""
    records = list(records)
    arches = list(dict.fromkeys(r.arch for r in records))
    strategies = list(dict.fromkeys(r.strategy for r in records))
    squares: dict[tuple[str, str], GridCell] = {}
    for strategy in strategies:
        for arch in arches:
            squares[(strategy, arch)] = GridCell(Counter(r.verdict for r in records
                                                         if r.strategy == strategy and r.arch == arch))
    return strategies, arches, squares


def gate_passed(records: Iterable[CellRecord]) -> bool:
    records = list(records)
    return bool(records) and all(r.verdict != UNEXPECTED for r in records)


def totals_line(records: Iterable[CellRecord]) -> str:
    counts = Counter(r.verdict for r in records)
    return ", ".join(f"{counts[v]} {VERDICT_MARK[v]}" for v in VERDICT_ORDER if counts[v]) or "no cells ran"


def terminal_lines(records: list[CellRecord]) -> list[str]:
    """A fixed-width grid for the end of the terminal output, then one line per unexpected cell."""
    strategies, arches, squares = grid(records)
    header = ["strategy", *arches]
    rows = [[s, *(squares[(s, a)].text for a in arches)] for s in strategies]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    verdict = "PASSED" if gate_passed(records) else "FAILED"
    lines.append(f"gate {verdict}: {totals_line(records)}")
    for record in records:
        if record.verdict == UNEXPECTED:
            where = f" (evidence: {record.evidence_dir})" if record.evidence_dir else ""
            first = record.message.splitlines()[0].removeprefix(f"{record.id}: ") if record.message else ""
            lines.append(f"  unexpected: {record.id}: {first}{where}")
        if record.kept_container:
            lines.append(f"  kept {record.id}: docker logs {record.kept_container}; enter its filesystem: "
                         f"docker commit {record.kept_container} kqgate/debug:{record.id[:100]} && "
                         f"docker run --rm -it --entrypoint /busybox/sh kqgate/debug:{record.id[:100]}")
    return lines


def markdown(records: list[CellRecord], environment: dict[str, str]) -> str:
    strategies, arches, squares = grid(records)
    out = ["# kaniko-qemu-gate matrix", "",
           f"**Gate {'passed' if gate_passed(records) else 'FAILED'}**: {totals_line(records)}", ""]
    out += [f"- {key}: {value}" for key, value in environment.items()] + [""]
    out += ["| strategy | " + " | ".join(arches) + " |", "|---|" + "---|" * len(arches)]
    out += [f"| {s} | " + " | ".join(squares[(s, a)].text for a in arches) + " |" for s in strategies]
    out += ["", "## Cells", "", "| cell | kaniko | verdict | model predicts | seconds |", "|---|---|---|---|---|"]
    out += [f"| `{r.id}` | {r.kaniko} | {VERDICT_MARK[r.verdict]} | {r.predicted} | {r.seconds:.1f} |"
            for r in records]
    unexpected = [r for r in records if r.verdict == UNEXPECTED]
    if unexpected:
        out += ["", "## Unexpected cells"]
        for record in unexpected:
            out += ["", f"### `{record.id}`", "", f"Model predicts: {record.predicted}.", ""]
            if record.evidence_dir:
                out += [f"Evidence: `{record.evidence_dir}`", ""]
            out += ["```text", record.message.strip(), "```"]
            if record.log_excerpt:
                out += ["", "kaniko log around the failing step:", "", "```text", *record.log_excerpt, "```"]
    return "\n".join(out) + "\n"


def _html_table(header: list[str], rows: list[list[str]], classes: list[str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = []
    for index, row in enumerate(rows):
        css = f' class="{classes[index]}"' if classes else ""
        body.append(f"<tr{css}>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def html_report(records: list[CellRecord], environment: dict[str, str]) -> str:
    strategies, arches, squares = grid(records)
    passed = gate_passed(records)
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>kaniko-qemu-gate matrix</title><style>",
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin:1em 0}"
        "td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}"
        ".unexpected{background:#fdd}.reproduced{background:#ffd}.pass{background:#dfd}"
        "pre{background:#f4f4f4;padding:.6em;overflow-x:auto}",
        "</style></head><body><h1>kaniko-qemu-gate matrix</h1>",
        f"<p><strong>Gate {'passed' if passed else 'FAILED'}</strong>: {html.escape(totals_line(records))}</p>",
        "<ul>" + "".join(f"<li>{html.escape(k)}: {html.escape(v)}</li>" for k, v in environment.items()) + "</ul>",
        _html_table(["strategy", *arches], [[s, *(squares[(s, a)].text for a in arches)] for s in strategies]),
        "<h2>Cells</h2>",
        _html_table(["cell", "kaniko", "verdict", "model predicts", "seconds"],
                    [[r.id, r.kaniko, VERDICT_MARK[r.verdict], r.predicted, f"{r.seconds:.1f}"] for r in records],
                    [{PASS: "pass", REPRODUCED: "reproduced", EXPECTED_FAILURE: "pass"}.get(r.verdict, "unexpected")
                     for r in records]),
    ]
    for record in (r for r in records if r.verdict == UNEXPECTED):
        parts.append(f"<h3 id='{html.escape(record.id)}'>{html.escape(record.id)}</h3>")
        if record.evidence_dir:
            parts.append(f"<p>Evidence: <code>{html.escape(record.evidence_dir)}</code></p>")
        parts.append(f"<pre>{html.escape(record.message.strip())}</pre>")
        if record.log_excerpt:
            parts.append(f"<p>kaniko log around the failing step:</p><pre>{html.escape(chr(10).join(record.log_excerpt))}</pre>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
