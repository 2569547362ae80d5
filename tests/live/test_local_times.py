"""Sessions are shown in the viewer's time zone with the zone named, DST-correct."""

from datetime import UTC, datetime, timedelta

from django.utils import translation

from learners.live.times import local_span, local_start, zone_label


def test_time_names_the_city_and_the_offset_at_that_instant():
    moment = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)
    assert local_start(moment, "America/Bogota") == "12 May 2026, 10:00 (Bogotá, UTC-5)"
    assert local_start(moment, "America/Argentina/Buenos_Aires") == (
        "12 May 2026, 12:00 (Buenos Aires, UTC-3)"
    )
    assert local_start(moment, "UTC") == "12 May 2026, 15:00 (UTC)"


def test_offset_follows_daylight_saving_in_madrid():
    # Europe/Madrid moves from UTC+1 to UTC+2 on 29 March 2026 at 01:00 UTC.
    before = datetime(2026, 3, 28, 9, 0, tzinfo=UTC)
    after = datetime(2026, 3, 30, 9, 0, tzinfo=UTC)
    assert local_start(before, "Europe/Madrid") == "28 March 2026, 10:00 (Madrid, UTC+1)"
    assert local_start(after, "Europe/Madrid") == "30 March 2026, 11:00 (Madrid, UTC+2)"


def test_offset_follows_daylight_saving_in_santiago():
    # America/Santiago leaves summer time (UTC-3 → UTC-4) on 5 April 2026 at 03:00 UTC and
    # starts it again (UTC-4 → UTC-3) on 6 September 2026 at 04:00 UTC.
    assert zone_label(datetime(2026, 4, 4, 15, 0, tzinfo=UTC), "America/Santiago") == (
        "Santiago, UTC-3"
    )
    assert zone_label(datetime(2026, 4, 6, 15, 0, tzinfo=UTC), "America/Santiago") == (
        "Santiago, UTC-4"
    )
    assert local_start(datetime(2026, 9, 7, 15, 0, tzinfo=UTC), "America/Santiago") == (
        "7 September 2026, 12:00 (Santiago, UTC-3)"
    )


def test_session_crossing_midnight_names_both_days():
    start = datetime(2026, 5, 13, 4, 0, tzinfo=UTC)  # 23:00 in Bogotá on the 12th
    assert local_span(start, start + timedelta(minutes=90), "America/Bogota") == (
        "12 May 2026, 23:00 – 13 May 2026, 00:30 (Bogotá, UTC-5)"
    )
    assert local_span(start, start + timedelta(minutes=30), "America/Bogota") == (
        "12 May 2026, 23:00–23:30 (Bogotá, UTC-5)"
    )


def test_spanish_day_and_month_names():
    moment = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)
    with translation.override("es"):
        text = local_start(moment, "America/Mexico_City")
    # The Spanish date format (aula/formats/es/formats.py): the month in lower case.
    assert text.startswith("12 de mayo de 2026, 09:00 (")
    assert text.endswith(", UTC-6)")


def test_unknown_zone_falls_back_to_utc():
    moment = datetime(2026, 5, 12, 15, 0, tzinfo=UTC)
    assert local_start(moment, "Mars/Olympus") == "12 May 2026, 15:00 (UTC)"
