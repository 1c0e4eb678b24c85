"""``consultant-app rules show --date D [--type T]``: the rules in force on a date in plain
Danish, each with its citation and whether it is confirmed; bad input named in one line."""

from __future__ import annotations

from consultant_app.cli import main


def run(capsys, tmp_path, *args: str) -> tuple[int, str, str]:
    code = main(["--profile", str(tmp_path / "none"), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_show_names_the_set_and_cites_each_rule(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "rules", "show", "--date", "2026-03-01", "--type",
                       "virksomhedspraktik")
    assert code == 0
    assert out.startswith("Regelsæt: Beskæftigelsesreform fase 1")
    assert "gældende fra 01.02.2026, som programmet har det med" in out
    assert "Rimelighedskravet" in out and "BEK § 65" in out
    assert "LAB § 61, stk. 1" in out and "4 uger" in out
    assert "bekræftet" in out.lower() and "FORELØBIGT" not in out
    assert "Løntilskud" not in out  # one type only


def test_a_provisional_set_says_so_first(capsys, tmp_path):
    code, out, _ = run(capsys, tmp_path, "rules", "show", "--date", "2027-06-01")
    assert code == 0
    assert out.splitlines()[1].startswith("FORELØBIGT")
    assert "(igu)" in out and "(virksomhedspraktik)" in out


def test_bad_date_and_type_are_named(capsys, tmp_path):
    code, _, err = run(capsys, tmp_path, "rules", "show", "--date", "1-3-2026")
    assert code == 1 and "--date: '1-3-2026' er ikke en dato" in err
    code, _, err = run(capsys, tmp_path, "rules", "show", "--date", "2026-03-01", "--type",
                       "praktikplads")
    assert code == 1 and "--type: 'praktikplads' er ikke en aftaletype" in err


def test_every_rule_in_every_shipped_set_is_said_in_words():
    """The rule book names each rule by what it is about, never by its key: a rule without a
    text showed as "max_duration_beyond" to the consultant (the praktik's further 13-week
    periods, LAB § 61, stk. 2, and mentor's new periods, § 167)."""
    from consultant_app.rulesets import rulesets
    from forms.rulebook import book

    shown_as_key = sorted({(r.name, e.key) for r in rulesets() for e in book(r).entries
                           if e.text.split(" (")[0] == e.key.partition(".")[0]})
    assert shown_as_key == []
