"""Title inference measured on labelled sets of real job titles (tests/data/titles/README.md).

The figures this test computes are the ones docs/roles.md reports. The
acceptance bar holds for labelled.csv; unseen.csv holds the batches
collected after it, measured and reported but not yet brought to the bar.
"""

import csv
import re
from pathlib import Path

import pytest

from orgmodel.roles import FAMILIES, RoleCatalog, band_of

TITLES = Path(__file__).parent / "data" / "titles"
LABELLED = TITLES / "labelled.csv"
UNSEEN = TITLES / "unseen.csv"
SECOND_LABELLER = TITLES / "second-labeller.csv"
BANDS = {20, 30, 40, 50, 60, 70, 80, 90, 100}
# A trap: a title whose words invite a wrong reading (function vs position words, "assistant
# to", "VP of X", "President ...", product-adjacent titles that are not product management,
# or a lone generic word that must stay unknown).
TRAP = re.compile(r"\b(product|vice president|vp|svp|evp|president|assistant to|executive assistant|chief)\b", re.IGNORECASE)


def labelled_rows(path: Path = LABELLED) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def is_trap(row: dict) -> bool:
    return bool(TRAP.search(row["title"])) or row["family"] == "unknown"


def measure(rows: list[dict], catalog: RoleCatalog) -> dict:
    readings = []
    for row in rows:
        role = catalog.infer(row["title"]).role
        readings.append(None if role is None else (role.family, band_of(role.rank), role.on_product_ladder))
    return score(rows, readings)


def score(rows: list[dict], readings: list[tuple | None]) -> dict:
    """Right, wrong-family and ladder figures of readings ``(family, band, on_ladder)``, None for unknown."""
    right = wrong_family = ladder_violations = 0
    for row, reading in zip(rows, readings, strict=True):
        want_rank = int(row["rank"]) if row["rank"] else None
        if reading is None:
            right += row["family"] == "unknown"
            continue
        family, band, on_ladder = reading
        if family == row["family"] and band == want_rank:
            right += 1
        elif family != row["family"]:
            wrong_family += 1
        if on_ladder and not (row["family"] == "product" and want_rank is not None):
            ladder_violations += 1
    return {"right": right / len(rows), "wrong_family": wrong_family / len(rows),
            "ladder_violations": ladder_violations}


def test_the_labelled_set_is_large_real_and_well_formed():
    rows = labelled_rows()
    unseen = labelled_rows(UNSEEN)
    titles = [row["title"].casefold() for row in rows + unseen]
    assert len(set(titles)) == len(titles)
    assert len(rows) >= 400
    assert sum(map(is_trap, rows)) >= 60
    for row in rows + unseen:
        assert row["source"].strip(), row
        assert row["family"] in FAMILIES or row["family"] == "unknown", row
        if row["family"] == "unknown" or (row["family"] == "product" and not row["rank"]):
            assert row["rank"] == "", row
        else:
            assert int(row["rank"]) in BANDS, row


def test_inference_meets_the_accuracy_bar_on_real_titles():
    figures = measure(labelled_rows(), RoleCatalog.builtin())
    assert figures["ladder_violations"] == 0, figures
    assert figures["wrong_family"] <= 0.02, figures
    assert figures["right"] >= 0.90, figures


@pytest.mark.parametrize("rows, expected", [
    ([{"title": "VP of Product Marketing", "family": "marketing", "rank": "80"}],
     {"right": 1.0, "wrong_family": 0.0, "ladder_violations": 0}),
    ([{"title": "VP of Product Marketing", "family": "product", "rank": "80"}],
     {"right": 0.0, "wrong_family": 1.0, "ladder_violations": 0}),
    ([{"title": "Manager", "family": "unknown", "rank": ""}, {"title": "Manager", "family": "sales", "rank": "50"}],
     {"right": 0.5, "wrong_family": 0.0, "ladder_violations": 0}),
    ([{"title": "Product Manager", "family": "marketing", "rank": "40"}],
     {"right": 0.0, "wrong_family": 1.0, "ladder_violations": 1}),
])
def test_the_measure_counts_unknown_as_not_right_and_not_wrong_family(rows, expected):
    assert measure(rows, RoleCatalog.builtin()) == expected


def figures_row(rows: list[dict], catalog: RoleCatalog) -> str:
    """The row docs/roles.md shows for the labelled set."""
    figures = measure(rows, catalog)
    return (f"| {len(rows)} | {figures['right']:.1%} | {figures['wrong_family']:.1%} | "
            f"{figures['ladder_violations']} |")


def test_docs_report_the_figures_measured_here():
    docs = (Path(__file__).parents[1] / "docs" / "roles.md").read_text(encoding="utf-8")
    for path in (LABELLED, UNSEEN):
        row = figures_row(labelled_rows(path), RoleCatalog.builtin())
        assert row in docs, f"docs/roles.md is stale: its accuracy table needs the row {row} for {path.name}"
    traps = sum(map(is_trap, labelled_rows()))
    assert f" {traps} of them are\ntraps" in docs, f"docs/roles.md is stale: labelled.csv has {traps} traps"


def batch(rows: list[dict], span: str) -> list[dict]:
    """The rows FIRST:LAST (data rows of labelled.csv, counted from 1, both included)."""
    first, last = (int(part) for part in span.split(":"))
    return rows[first - 1:last]


def test_a_batch_is_the_rows_it_names():
    rows = labelled_rows()
    assert batch(rows, "1:3") == rows[:3]
    assert batch(rows, f"{len(rows)}:{len(rows)}") == rows[-1:]


def _as_reading(row: dict) -> tuple | None:
    # A label read as if a reader had given it (a labeller puts no one on the product ladder by mistake).
    return None if row["family"] == "unknown" else (row["family"], int(row["rank"]) if row["rank"] else None, False)


def agreement(catalog: RoleCatalog) -> dict[str, dict]:
    """How a second labeller's labels of a sample score against the first labels, and orgmodel against each.

    The ceiling of any reader measured against labels it was not built on: two careful
    labellers following the same conventions disagree this often.
    """
    second = labelled_rows(SECOND_LABELLER)
    first_by_title = {row["title"]: row for row in labelled_rows() + labelled_rows(UNSEEN)}
    first = [first_by_title[row["title"]] for row in second]
    return {
        "the second labeller, scored against the first": score(first, [_as_reading(row) for row in second]),
        "the first labeller, scored against the second": score(second, [_as_reading(row) for row in first]),
        "orgmodel, scored against the first": measure(first, catalog),
        "orgmodel, scored against the second": measure(second, catalog),
    }


def agreement_rows(catalog: RoleCatalog) -> list[str]:
    """The rows docs/roles.md shows for the second labeller's sample."""
    return [f"| {who} | {figures['right']:.1%} | {figures['wrong_family']:.1%} |"
            for who, figures in agreement(catalog).items()]


def test_the_second_labellers_sample_is_drawn_from_the_labelled_titles():
    second = labelled_rows(SECOND_LABELLER)
    titles = {row["title"] for row in labelled_rows() + labelled_rows(UNSEEN)}
    assert len(second) >= 300 and len({row["title"] for row in second}) == len(second)
    for row in second:
        assert row["title"] in titles, row
        assert row["family"] in FAMILIES or row["family"] == "unknown", row
        assert row["rank"] == "" if row["family"] == "unknown" else int(row["rank"] or 0) in BANDS | {0}, row


def test_docs_report_how_far_two_labellers_agree():
    docs = (Path(__file__).parents[1] / "docs" / "roles.md").read_text(encoding="utf-8")
    for row in agreement_rows(RoleCatalog.builtin()):
        assert row in docs, f"docs/roles.md is stale: its agreement table needs the row {row}"


if __name__ == "__main__":
    # python tests/test_titles_accuracy.py [unseen.csv] [FIRST:LAST ...]: the whole set (labelled.csv
    # unless another file of tests/data/titles is named), or each batch of its rows named;
    # python tests/test_titles_accuracy.py --second-labeller: how far two labellers agree.
    import sys

    arguments = sys.argv[1:]
    if arguments == ["--second-labeller"]:
        print("| labels | right family and band | wrong family |")
        print("| --- | ---: | ---: |")
        print("\n".join(agreement_rows(RoleCatalog.builtin())))
        sys.exit()
    path = TITLES / arguments.pop(0) if arguments and arguments[0].endswith(".csv") else LABELLED
    rows = labelled_rows(path)
    print("| titles | right family and band | wrong family | product-ladder roles on other titles |")
    print("| ---: | ---: | ---: | ---: |")
    for span in arguments or [f"1:{len(rows)}"]:
        print(figures_row(batch(rows, span), RoleCatalog.builtin()))
