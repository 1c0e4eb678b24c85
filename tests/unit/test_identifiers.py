import pytest

from consultant_app import identifiers as ids
from consultant_app.errors import ValidationError


def message(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return str(exc.value)


@pytest.mark.parametrize("raw", ["25313763", "DK25313763", " 25313763 "])
def test_cvr_accepts_valid_numbers_with_prefix_and_spaces(raw):
    assert ids.normalize_cvr(raw) == "25313763"


def test_cvr_rejects_a_wrong_check_digit_and_names_the_field():
    with pytest.raises(ValidationError) as exc:
        ids.normalize_cvr("25313764")
    assert exc.value.problems[0].field == "cvr"
    assert "kontrolcifferet" in message(exc)
    assert message(exc).startswith("CVR-nummer:")


@pytest.mark.parametrize("raw", ["1234567", "123456789", "02531376", "2531376x"])
def test_cvr_rejects_wrong_length_leading_zero_and_letters(raw):
    with pytest.raises(ValidationError):
        ids.normalize_cvr(raw)


def test_p_number_checks_format_but_not_checksum():
    # 1234567890 fails any weighted checksum, and is still accepted: some were issued so.
    assert ids.normalize_p_number("1234567890") == "1234567890"
    assert ids.normalize_p_number("10 1234 5678") == "1012345678"
    with pytest.raises(ValidationError) as exc:
        ids.normalize_p_number("123456789")
    assert exc.value.problems[0].field == "p_number"


def test_cpr_is_never_rejected_on_modulus_11():
    # 010190-1234 fails the mod-11 check; numbers like it have been issued since 2007.
    assert ids.normalize_cpr("0101901234") == "010190-1234"


@pytest.mark.parametrize("raw,year", [
    ("010190-1234", 1990),  # 7th digit 0-3: 1900s
    ("010136-4234", 2036),  # 4: 2000-2036 when YY <= 36
    ("010137-4234", 1937),  # 4: 1937-1999 when YY > 36
    ("010157-5234", 2057),  # 5-8: 2000-2057 when YY <= 57
    ("010158-5234", 1858),  # 5-8: 1858-1899 when YY > 57
    ("010120-9234", 2020),  # 9: like 4
    ("010199-9234", 1999),
])
def test_cpr_century_rule(raw, year):
    if year > 2026:
        with pytest.raises(ValidationError):  # not born yet
            ids.normalize_cpr(raw)
    else:
        assert ids.cpr_birth_date(ids.normalize_cpr(raw)).year == year


@pytest.mark.parametrize("raw", ["320190-1234", "011390-1234", "290223-1234", "12345", "abcdefghij"])
def test_cpr_rejects_impossible_dates_and_bad_formats(raw):
    with pytest.raises(ValidationError) as exc:
        ids.normalize_cpr(raw)
    assert exc.value.problems[0].field == "cpr"


def test_cpr_error_message_never_contains_the_full_number():
    with pytest.raises(ValidationError) as exc:
        ids.normalize_cpr("320190-1234")
    assert "1234" not in message(exc)


def test_mask_cpr_shows_only_the_birth_date():
    assert ids.mask_cpr("010190-1234") == "010190-XXXX"


def test_postcode_must_exist_in_the_official_list():
    assert ids.normalize_postcode("8000") == "8000"
    assert ids.normalize_postcode("800") == "0800"  # a spreadsheet dropped the zero
    with pytest.raises(ValidationError, match="findes ikke"):
        ids.normalize_postcode("8001")
    with pytest.raises(ValidationError, match="4 cifre"):
        ids.normalize_postcode("80000")


@pytest.mark.parametrize("raw", ["12345678", "1234 5678", "12 34 56 78", "+45 12 34 56 78",
                                 "+4512345678", "0045 12345678", "1234-5678"])
def test_phone_accepts_the_usual_groupings(raw):
    assert ids.normalize_phone(raw) == "12345678"


@pytest.mark.parametrize("raw", ["1234567", "123456789", "+46 12345678", "tlf 12345678"])
def test_phone_rejects_other_lengths_and_countries(raw):
    with pytest.raises(ValidationError) as exc:
        ids.normalize_phone(raw)
    assert exc.value.problems[0].field == "phone"
