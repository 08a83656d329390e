#!/usr/bin/env python3
"""Writes the ODT plugin's test fixtures in this folder (tests/data/odt/).

Each fixture is a small Flat ODT document written below, opened and saved as
.odt by LibreOffice Writer (headless), so the files are what LibreOffice
itself writes. The outputs are committed, so the tests need no LibreOffice.

  header_footer.odt   a header (name, contact) and footer (text, page number)
                      on the default master page, a different first-page
                      header on a second master page
  table.odt           a skills table: header row, merged cells, a cell with
                      two paragraphs and a line break
  text_box.odt        a text box anchored in a paragraph, one anchored to the
                      page, and a shape with text
  tracked_changes.odt recorded changes: a deletion and an insertion
  notes.odt           a footnote and an endnote
  hidden_text.odt     hidden character style, hidden paragraph style, hidden
                      section, white and 1 pt text, white text on a shaded
                      paragraph (visible). (LibreOffice drops hidden-paragraph
                      and hidden-text fields when it reads Flat ODT, so the
                      tests build those packages themselves.)
  runs.odt            spaces (text:s), tabs, line breaks, a comment, a
                      bookmark, a list, a link, a soft page break

Needs: apt-get install -y libreoffice-writer-nogui
Run:   python3 tests/data/odt/make_odt_fixtures.py
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
)

PAGE = ('<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="8.5in" '
        'fo:page-height="11in" fo:margin-top="0.8in" fo:margin-bottom="0.8in" fo:margin-left="0.8in" '
        'fo:margin-right="0.8in"/><style:header-style/><style:footer-style/></style:page-layout>')


def fodt(body, automatic="", common="", master='<style:master-page style:name="Standard" style:page-layout-name="pm1"/>'):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties fo:font-size="11pt" fo:language="en" fo:country="US"/></style:default-style>
 <style:style style:name="Standard" style:family="paragraph"/>
 {common}
</office:styles>
<office:automatic-styles>{automatic}{PAGE}</office:automatic-styles>
<office:master-styles>{master}</office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""


def p(text, style="Standard"):
    return f'<text:p text:style-name="{style}">{text}</text:p>\n'


def header_footer():
    master = (
        '<style:master-page style:name="Standard" style:page-layout-name="pm1">'
        '<style:header>' + p("Jane Doe") + p("jane@example.com<text:tab/>+1 555 0100") + '</style:header>'
        '<style:footer>' + p('Jane Doe, CV, page <text:page-number text:select-page="current">1</text:page-number>')
        + '</style:footer></style:master-page>'
        '<style:master-page style:name="Cover" style:page-layout-name="pm1" style:next-style-name="Standard">'
        '<style:header>' + p("Jane Doe") + p("jane@example.com<text:tab/>+1 555 0100") + '</style:header>'
        '<style:footer>' + p("Confidential") + '</style:footer></style:master-page>')
    automatic = ('<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard" '
                 'style:master-page-name="Cover"/>')
    body = p("Software Engineer", "P1") + p("Built payment systems.")
    return fodt(body, automatic=automatic, master=master)


def table():
    body = p("Skills")
    body += ('<table:table table:name="Skills"><table:table-column table:number-columns-repeated="3"/>'
             '<table:table-header-rows><table:table-row>'
             '<table:table-cell office:value-type="string">' + p("Area") + '</table:table-cell>'
             '<table:table-cell office:value-type="string">' + p("Tools") + '</table:table-cell>'
             '<table:table-cell office:value-type="string">' + p("Years") + '</table:table-cell>'
             '</table:table-row></table:table-header-rows>'
             '<table:table-row>'
             '<table:table-cell office:value-type="string">' + p("Languages") + '</table:table-cell>'
             '<table:table-cell office:value-type="string">' + p("Python, SQL") + p("some Go<text:line-break/>and Rust")
             + '</table:table-cell>'
             '<table:table-cell office:value-type="string">' + p("8") + '</table:table-cell>'
             '</table:table-row>'
             '<table:table-row>'
             '<table:table-cell table:number-columns-spanned="2" office:value-type="string">' + p("Cloud: AWS and GCP")
             + '</table:table-cell><table:covered-table-cell/>'
             '<table:table-cell office:value-type="string">' + p("5") + '</table:table-cell>'
             '</table:table-row></table:table>\n')
    body += p("References on request.")
    return fodt(body)


def text_box():
    frame = ('<draw:frame draw:name="Box1" text:anchor-type="paragraph" svg:width="2in" svg:height="1in" svg:x="4in" svg:y="0in">'
             '<draw:text-box>' + p("Skills: Python, SQL") + p("Certified Kubernetes Administrator") + '</draw:text-box></draw:frame>')
    page_frame = ('<draw:frame draw:name="Box2" text:anchor-type="page" text:anchor-page-number="1" svg:width="2in" '
                  'svg:height="0.5in" svg:x="5in" svg:y="9in"><draw:text-box>' + p("Page-anchored note") +
                  '</draw:text-box></draw:frame>')
    shape = ('<draw:custom-shape text:anchor-type="paragraph" svg:width="2in" svg:height="0.6in" svg:x="0in" svg:y="0.2in">'
             + p("Shape text: open to relocation") + '<draw:enhanced-geometry draw:type="rectangle"/></draw:custom-shape>')
    body = page_frame + p("Jane Doe" + frame) + p("Experience") + p("Summary" + shape) + p("References")
    return fodt(body)


def tracked_changes():
    changes = (
        '<text:tracked-changes text:track-changes="false">'
        '<text:changed-region text:id="ct1"><text:deletion><office:change-info><dc:creator>Jane</dc:creator>'
        '<dc:date>2025-01-01T00:00:00</dc:date></office:change-info><text:p>COBOL, </text:p></text:deletion></text:changed-region>'
        '<text:changed-region text:id="ct2"><text:insertion><office:change-info><dc:creator>Jane</dc:creator>'
        '<dc:date>2025-01-01T00:00:00</dc:date></office:change-info></text:insertion></text:changed-region>'
        '</text:tracked-changes>')
    body = changes + p('Skills: <text:change text:change-id="ct1"/>Python, <text:change-start text:change-id="ct2"/>'
                       'Kubernetes, <text:change-end text:change-id="ct2"/>SQL')
    return fodt(body)


def notes():
    body = p('Led the migration to PyTorch.<text:note text:id="ftn1" text:note-class="footnote">'
             '<text:note-citation>1</text:note-citation><text:note-body>' + p("Across three teams.") +
             '</text:note-body></text:note> Shipped weekly.')
    body += p('Published at NeurIPS.<text:note text:id="edn1" text:note-class="endnote">'
              '<text:note-citation>i</text:note-citation><text:note-body>' + p("Workshop track.") +
              '</text:note-body></text:note>')
    return fodt(body)


def hidden_text():
    common = ('<style:style style:name="Secret" style:family="text"><style:text-properties text:display="none"/></style:style>'
              '<style:style style:name="Ghost" style:family="paragraph" style:parent-style-name="Standard">'
              '<style:text-properties text:display="none"/></style:style>')
    automatic = ('<style:style style:name="T1" style:family="text"><style:text-properties fo:color="#ffffff"/></style:style>'
                 '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-size="1pt"/></style:style>'
                 '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">'
                 '<style:paragraph-properties fo:background-color="#1d2430"/></style:style>'
                 '<style:style style:name="Sect1" style:family="section"><style:section-properties/></style:style>')
    body = p('Skills: Python <text:span text:style-name="Secret">Kubernetes Terraform </text:span>and SQL')
    body += p("Ghost paragraph: TensorFlow", "Ghost")
    body += p('Languages: English<text:span text:style-name="T1"> machine learning</text:span>'
              '<text:span text:style-name="T2"> deep learning</text:span>')
    body += p('<text:span text:style-name="T1">White on dark: Scala</text:span>', "P2")
    body += ('<text:section text:style-name="Sect1" text:name="Hidden" text:display="none">' + p("Section: Hadoop")
             + '</text:section>')
    body += p("End of document.")
    return fodt(body, automatic=automatic, common=common)


def runs():
    body = p('Jane<text:s text:c="3"/>Doe<text:tab/>Engineer<text:line-break/>Seattle,   WA')
    body += p('See <text:a xlink:type="simple" xlink:href="https://example.com">my portfolio</text:a>'
              '<office:annotation><dc:creator>Rev</dc:creator><text:p>Remove this?</text:p></office:annotation>'
              ' and <text:bookmark text:name="b1"/>blog.')
    body += ('<text:list><text:list-item>' + p("First item") + '</text:list-item><text:list-item>' + p("Second item")
             + '</text:list-item></text:list>')
    body += p('Before<text:soft-page-break/> after.')
    return fodt(body)


FIXTURES = {
    "header_footer": header_footer,
    "table": table,
    "text_box": text_box,
    "tracked_changes": tracked_changes,
    "notes": notes,
    "hidden_text": hidden_text,
    "runs": runs,
}


def main():
    if shutil.which("soffice") is None:
        sys.exit("make_odt_fixtures.py: soffice not found (apt-get install -y libreoffice-writer-nogui)")
    with tempfile.TemporaryDirectory() as work:
        for name, make in FIXTURES.items():
            src = os.path.join(work, name + ".fodt")
            with open(src, "w", encoding="utf-8") as f:
                f.write(make())
            subprocess.run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to",
                            "odt:writer8", "--outdir", os.path.join(work, "out"), src], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            shutil.copyfile(os.path.join(work, "out", name + ".odt"), os.path.join(HERE, name + ".odt"))


if __name__ == "__main__":
    main()
