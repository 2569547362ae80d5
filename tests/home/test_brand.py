"""The brand in Site settings: the organisation's name as the site title, logo, icons (favicon
and touch icon, never a 404), a primary colour refused below 4.5:1 on white and served as a
stylesheet of custom properties, and the footer's links."""

import pytest
from django.core.exceptions import ValidationError
from django.templatetags.static import static
from django.urls import reverse
from wagtail.images.tests.utils import get_test_image_file

from home.brand import contrast_on_white, parse, validate_brand_colour
from home.models import CustomImage, SiteSettings


@pytest.fixture
def brand(site_tree):
    return SiteSettings.for_site(site_tree.site)


def image(**fields):
    return CustomImage.objects.create(title="Brand", file=get_test_image_file(), **fields)


def test_white_and_black_are_the_contrast_bounds():
    assert contrast_on_white(parse("#ffffff")) == pytest.approx(1)
    assert contrast_on_white(parse("#000000")) == pytest.approx(21)


@pytest.mark.parametrize("colour", ["#1f5c4a", "#767676", "#0B57D0"])
def test_colours_readable_on_white_are_accepted(colour):
    validate_brand_colour(colour)


@pytest.mark.parametrize("colour", ["#777777", "#ffcc00", "#4caf50"])
def test_colours_below_4_5_to_1_on_white_are_refused_with_the_ratio(colour):
    with pytest.raises(ValidationError) as refused:
        validate_brand_colour(colour)

    message = refused.value.messages[0]
    assert "too light" in message and ":1" in message and "4.5:1" in message


@pytest.mark.parametrize("colour", ["green", "#12345", "#gg0000", ""])
def test_colours_not_written_as_hex_are_refused(colour):
    with pytest.raises(ValidationError) as refused:
        validate_brand_colour(colour)

    assert "six hexadecimal digits" in refused.value.messages[0]


def test_the_settings_refuse_a_light_colour_and_store_a_valid_one_in_lowercase(brand):
    brand.brand_colour = "#FFCC00"
    with pytest.raises(ValidationError) as refused:
        brand.full_clean()
    assert "brand_colour" in refused.value.message_dict

    brand.brand_colour = "#0B57D0"
    brand.full_clean()
    brand.save()

    brand.refresh_from_db()
    assert brand.brand_colour == "#0b57d0"


def test_pages_load_the_stylesheet_of_the_brand_colour(client, brand):
    brand.brand_colour = "#0b57d0"
    brand.save()

    html = client.get("/en/").content.decode()

    assert '<link rel="stylesheet" href="/brand/0b57d0.css">' in html


def test_the_brand_stylesheet_sets_the_custom_properties_for_a_year(client, db):
    response = client.get("/brand/0b57d0.css")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/css")
    assert "--brand: #0b57d0;" in response.content.decode()
    assert "--brand-dark: #" in response.content.decode()
    assert "max-age=31536000" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/brand/ffcc00.css", "/brand/0B57D0.css", "/brand/blue.css"])
def test_no_stylesheet_for_an_unreadable_or_malformed_colour(client, db, path):
    assert client.get(path).status_code == 404


def test_the_organisation_name_is_the_site_title_once(client, brand, site_tree):
    brand.organisation_name = "Centro Regional"
    brand.save()

    home = client.get("/en/").content.decode()
    catalogue = client.get(site_tree.catalogue.url).content.decode()

    assert "<title>Centro Regional</title>" in home
    assert f"<title>{site_tree.catalogue.title} · Centro Regional</title>" in catalogue


@pytest.mark.parametrize(
    ("path", "default"),
    [("/favicon.ico", "img/favicon.png"), ("/apple-touch-icon.png", "img/touch-icon.png")],
)
def test_icons_lead_to_aulas_own_when_none_is_chosen(client, site_tree, path, default):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"] == static(default)


@pytest.mark.parametrize(("path", "size"), [("/favicon.ico", 32), ("/apple-touch-icon.png", 180)])
def test_icons_lead_to_the_chosen_icon_at_their_size(client, brand, path, size):
    brand.icon = image()
    brand.save()

    response = client.get(path)

    assert response.status_code == 302
    rendition = brand.icon.renditions.get(width=size, height=size)
    assert response["Location"] == rendition.url
    assert rendition.url.endswith(".png")


def test_the_logo_replaces_the_name_in_the_header_with_its_alt_text(client, brand):
    brand.logo = image(alt_text="Centro Regional de Formación")
    brand.save()

    html = client.get("/en/").content.decode()

    start = html.index('class="site-name"')
    header = html[start : html.index("</a>", start)]
    assert '<img class="site-name__logo"' in header
    assert 'alt="Centro Regional de Formación"' in header


def test_a_new_logo_file_shows_at_once(client, brand):
    brand.logo = image()
    brand.save()
    first = client.get("/en/").content.decode()

    brand.logo.file = get_test_image_file(filename="new.png")
    brand.logo.renditions.all().delete()  # as the admin does when an image's file is replaced
    brand.logo.save()
    second = client.get("/en/").content.decode()

    assert "new" in second.split('class="site-name__logo" src="')[1].split('"')[0]
    assert first != second


def test_the_footer_links_the_privacy_notice_and_what_the_editor_set(client, brand):
    brand.accessibility_statement_url = "https://example.org/accessibility"
    brand.contact_url = "https://example.org/contact"
    brand.contact_email = "hello@example.org"
    brand.save()

    html = client.get("/es/").content.decode()
    footer = html[html.index('class="site-footer"') :]

    assert 'href="/es/privacy/"' in footer
    assert '<a href="https://example.org/accessibility">Declaración de accesibilidad</a>' in footer
    assert '<a href="https://example.org/contact">Contacto</a>' in footer
    assert 'href="mailto:hello@example.org"' in footer


def settings_form(**fields):
    """The Site settings form as the admin posts it, with ``fields`` changed."""
    data = {
        "organisation_name": "Centro de Formación",
        "brand_colour": "#1f5c4a",
        "contact_email": "",
        "contact_url": "",
        "accessibility_statement_url": "",
        "quick_exit_url": "https://www.google.com/search?q=weather",
        "privacy_notice_version": "1",
    }
    for inline in ("signatories", "privacy_notice_translations"):
        data |= {
            f"{inline}-TOTAL_FORMS": "0",
            f"{inline}-INITIAL_FORMS": "0",
            f"{inline}-MIN_NUM_FORMS": "0",
            f"{inline}-MAX_NUM_FORMS": "1000",
        }
    return data | fields


def test_the_admin_refuses_a_light_colour_and_keeps_what_was_typed(admin_client, brand, site_tree):
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_tree.site.pk])

    response = admin_client.post(url, settings_form(brand_colour="#ffcc00"))

    assert response.status_code == 200
    html = response.content.decode()
    assert "This colour is too light" in html
    assert 'value="#ffcc00"' in html and 'value="Centro de Formación"' in html
    brand.refresh_from_db()
    assert brand.brand_colour == "#1f5c4a"


def test_the_admin_saves_the_brand_and_footer_links(admin_client, brand, site_tree):
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site_tree.site.pk])

    response = admin_client.post(
        url,
        settings_form(
            brand_colour="#0B57D0",
            accessibility_statement_url="https://example.org/accessibility",
        ),
    )

    assert response.status_code == 302
    brand.refresh_from_db()
    assert brand.brand_colour == "#0b57d0"
    assert brand.accessibility_statement_url == "https://example.org/accessibility"
