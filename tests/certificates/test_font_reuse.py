"""The fonts a process has read serve every certificate after it, and one certificate's glyphs
never reach another's PDF: each embeds the subset of what it prints, as if it were the first."""

import io

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from learners.certificates import pdf
from learners.certificates.pdf import CertificateContent, render_certificate

from .conftest import pdf_text


def content(name: str) -> CertificateContent:
    return CertificateContent(
        organisation="ONU Mujeres",
        heading="Certificado de finalización",
        intro="Se certifica que",
        learner_name=name,
        wording="ha completado el curso",
        course_title="Introducción a la economía del cuidado",
        facts=["20 horas de estudio"],
        competencies_heading="Competencias",
        competencies=["Reconocer el trabajo de cuidados"],
        verify_label="Verifique este certificado en",
        verification_url="https://aula.example.org/es/certificates/verify/ABCD-EFGH/",
        number_label="Número",
        number="AULA-2026-000123",
    )


def embedded_fonts(data: bytes) -> dict[str, int]:
    """{embedded font's name: its number of glyphs}."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            stream = descriptor["/FontFile2"].get_object().get_data()
            fonts[str(font["/BaseFont"])] = len(TTFont(io.BytesIO(stream)).getGlyphOrder())
    return fonts


def test_a_certificate_embeds_the_same_fonts_after_others_as_alone():
    pdf._parsed_font.cache_clear()
    alone = embedded_fonts(render_certificate(content("Ana Pérez")))

    render_certificate(content("Ŵŷŧęķ Ħąłľœ Ǆǅǉ ŊŋŒ"))  # many glyphs the next one has no use for
    render_certificate(content("王小明 (Wang Xiaoming)"))  # the fallback fonts, then none
    after = render_certificate(content("Ana Pérez"))

    assert embedded_fonts(after) == alone
    assert "Ana Pérez" in pdf_text(after)


def test_fonts_are_read_once_per_process():
    pdf._parsed_font.cache_clear()
    for name in ("Ana Pérez", "Luis Gómez", "王小明"):
        assert name in pdf_text(render_certificate(content(name)))
    # Sans, sans bold and serif bold; the two fallback fonts once a name needed them.
    assert pdf._parsed_font.cache_info().misses == 5
