#!/usr/bin/env python3
"""Writes the PDF plugin's test fixtures in this folder (tests/data/pdf/).

Every PDF here is written by LibreOffice Writer (headless) from a small
Flat ODT document generated below; qpdf then encrypts two of them, and one is
cut short. The outputs are committed, so the tests need none of these tools.

  two_column.pdf    a name and contact line across the page, then a section
                    of two columns (a dense sidebar, then the main column,
                    lines level with each other), then a line across the page
                    again; page 2: a table whose left column holds only dates
                    level with the first line of each entry (reads by rows)
  hyphenated.pdf    a justified paragraph that LibreOffice hyphenates itself
                    (needs the hyphen-en-us dictionary), then lines broken by
                    hand after a hyphen to show each rule of line_repair.hpp,
                    and words typed with ligature characters (U+FB01, U+FB02)
  scanned.pdf       one page holding only a picture (a PNG written below): no
                    text layer
  encrypted.pdf     hyphenated.pdf with a user password (qpdf, AES-256)
  owner_only.pdf    hyphenated.pdf with only an owner password and copying
                    forbidden: opens without a password
  truncated.pdf     the first 60 % of two_column.pdf

Needs: apt-get install -y libreoffice-writer-nogui hyphen-en-us qpdf
Run:   python3 tests/data/pdf/make_pdf_fixtures.py
"""
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

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
)

PAGE = ('<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="8.5in" '
        'fo:page-height="11in" fo:margin-top="0.8in" fo:margin-bottom="0.8in" fo:margin-left="0.8in" '
        'fo:margin-right="0.8in"/></style:page-layout>')


def fodt(body, styles="", page=PAGE):
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Liberation Serif" svg:font-family="'Liberation Serif'"/></office:font-face-decls>
<office:styles>
 <style:default-style style:family="paragraph"><style:text-properties style:font-name="Liberation Serif" fo:font-size="11pt" fo:language="en" fo:country="US"/></style:default-style>
</office:styles>
<office:automatic-styles>{styles}{page}</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/></office:master-styles>
<office:body><office:text>
{body}
</office:text></office:body>
</office:document>
"""


def p(text, style=None):
    attr = f' text:style-name="{style}"' if style else ""
    return f"<text:p{attr}>{text}</text:p>\n"


# --------------------------------------------------------------- two columns
TWO_COLUMN_STYLES = """
<style:style style:name="Name" style:family="paragraph"><style:text-properties fo:font-size="18pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Head" style:family="paragraph"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="NextColumn" style:family="paragraph" style:parent-style-name="Head"><style:paragraph-properties fo:break-before="column"/></style:style>
<style:style style:name="NextPage" style:family="paragraph"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="Sect1" style:family="section"><style:section-properties text:dont-balance-text-columns="true">
 <style:columns fo:column-count="2" fo:column-gap="0.3in"><style:column style:rel-width="2000*" fo:start-indent="0in" fo:end-indent="0.15in"/><style:column style:rel-width="4000*" fo:start-indent="0.15in" fo:end-indent="0in"/></style:columns>
</style:section-properties></style:style>
<style:style style:name="Dates" style:family="table"><style:table-properties style:width="6.9in" table:align="left"/></style:style>
<style:style style:name="Dates.A" style:family="table-column"><style:table-column-properties style:column-width="1.6in"/></style:style>
<style:style style:name="Dates.B" style:family="table-column"><style:table-column-properties style:column-width="5.3in"/></style:style>
"""

SIDEBAR = ["Skills", "Python", "PyTorch", "TensorFlow", "scikit-learn", "SQL and dbt", "Docker",
           "Kubernetes", "Languages", "English", "Spanish", "Contact", "jane@example.com",
           "+1 555 0100"]
MAIN = [
    "Experience",
    "Machine Learning Engineer at Acme Corp: trained",
    "and deployed ranking models for the search team,",
    "moved feature pipelines to Airflow and cut the",
    "training bill by a third with mixed precision.",
    "Data Scientist at Initech: churn models with",
    "gradient boosting, explained to account teams",
    "with SHAP plots and plain-language summaries.",
    "Projects",
    "An open-source library for time-series features,",
    "used by two teams at Initech and a few hundred",
    "people on GitHub; rolling statistics in Rust.",
    "A reinforcement learning agent for a warehouse",
    "game, in PyTorch, used in a university course.",
    "Education",
    "M.S. in Computer Science, University of Westbrook,",
    "thesis on semi-supervised learning for noisy",
    "product taxonomies; B.Sc. in Mathematics.",
    "Publications",
    "Two workshop papers on label noise and one on",
    "drift detection for tabular models in production.",
    "Talks at PyData Seattle and the ML meetup.",
    "Volunteering",
    "Mentor for a coding bootcamp; journal reviewer.",
    "Interests",
    "Trail running, chess, and restoring old radios.",
    "Languages",
    "Fluent English and Spanish, working German.",
    "Awards",
    "Best poster at the 2019 graduate research day.",
]


def two_column():
    body = p("Jane Doe", "Name")
    body += p("Machine Learning Engineer · Seattle, WA · jane@example.com")
    body += '<text:section text:style-name="Sect1" text:name="Columns">\n'
    body += "".join(p(line, "Head" if i in (0, 8, 11) else None) for i, line in enumerate(SIDEBAR))
    body += "".join(p(line, "NextColumn" if i == 0 else None) for i, line in enumerate(MAIN))
    body += "</text:section>\n"
    body += p("References available on request.")
    # Page 2: dates beside entries, read row by row.
    body += p("Earlier roles", "NextPage")
    body += ('<table:table table:name="Dates" table:style-name="Dates">'
             '<table:table-column table:style-name="Dates.A"/><table:table-column table:style-name="Dates.B"/>\n')
    entries = [
        ("2016 - 2018", ["Research Assistant, University of Westbrook", "Built data pipelines for a",
                         "sensor network and wrote the lab's first", "model-monitoring dashboards."]),
        ("2014 - 2016", ["Analyst, Larkspur Retail", "Weekly sales forecasts in R;",
                         "automated the reporting with SQL", "and cron jobs."]),
        ("2012 - 2014", ["Intern, Bluefin Health", "Cleaned clinical records and",
                         "labelled X-ray images for", "a triage model."]),
    ]
    for date, lines in entries:
        cell = "".join(p(x) for x in lines)
        body += (f"<table:table-row><table:table-cell>{p(date)}</table:table-cell>"
                 f"<table:table-cell>{cell}</table:table-cell></table:table-row>\n")
    body += "</table:table>\n"
    return fodt(body, TWO_COLUMN_STYLES)


# --------------------------------------------------------------- hyphenation
HYPHEN_STYLES = """
<style:style style:name="Auto" style:family="paragraph">
 <style:paragraph-properties fo:text-align="justify" fo:margin-right="3.2in" fo:hyphenation-ladder-count="no-limit"/>
 <style:text-properties fo:font-size="12pt" fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
</style:style>
"""


def hyphenated():
    body = p("Our infrastructure engineering organization builds distributed recommendation systems and "
             "operationalizes experimentation frameworks and containerization internationally.", "Auto")
    br = "<text:line-break/>"
    body += p("Hand-broken lines:")
    body += p(f"Platform engi-{br}neering for the search team.")       # neither half elsewhere: join
    body += p(f"Pipelines with scikit-{br}learn and pandas.")          # scikit-learn elsewhere: keep
    body += p(f"Wrote a data-{br}driven roadmap.")                     # "data" elsewhere: keep
    body += p(f"Owned model deploy-{br}ment end to end.")              # "deployment" elsewhere: join
    body += p(f"Answered e-{br}mail within a day.")                    # one letter: keep
    body += p(f"Moved jobs to Python-{br}Based tools.")                # capital after: keep
    body += p("Also: scikit-learn, data quality, every deployment.")
    body += p("Certi\ufb01ed in work\ufb02ow design; e\ufb03cient o\ufb04ine tools.")
    return fodt(body, HYPHEN_STYLES)


# --------------------------------------------------------------- scanned page
def png(width, height):
    """A grey-scale PNG: white, with dark bars where lines of print would be."""
    rows = []
    for y in range(height):
        line_of_print = (y // 6) % 3 != 2 and 10 <= y < height - 10
        row = bytearray([0])  # filter: none
        for x in range(width):
            ink = line_of_print and 12 <= x < width - 12 and (x // 9) % 5 != 4
            row.append(40 if ink else 255)
        rows.append(bytes(row))
    raw = b"".join(rows)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def scanned(work):
    import base64
    data = base64.b64encode(png(320, 120)).decode()
    body = ('<text:p><draw:frame draw:name="Scan" text:anchor-type="as-char" svg:width="6in" svg:height="2.25in">'
            f'<draw:image><office:binary-data>{data}</office:binary-data></draw:image></draw:frame></text:p>')
    return fodt(body)


# --------------------------------------------------------------- driver
def run(cmd, **kw):
    subprocess.run(cmd, check=True, **kw)


def to_pdf(work, name, xml):
    src = os.path.join(work, name + ".fodt")
    with open(src, "w", encoding="utf-8") as f:
        f.write(xml)
    run(["soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "pdf",
         "--outdir", work, src], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    out = os.path.join(HERE, name + ".pdf")
    shutil.copyfile(os.path.join(work, name + ".pdf"), out)
    return out


def main():
    for tool in ("soffice", "qpdf"):
        if shutil.which(tool) is None:
            sys.exit(f"make_pdf_fixtures.py: {tool} not found (apt-get install -y libreoffice-writer-nogui qpdf)")
    if not os.path.exists("/usr/share/hyphen/hyph_en_US.dic"):
        sys.exit("make_pdf_fixtures.py: no hyphenation dictionary (apt-get install -y hyphen-en-us)")
    with tempfile.TemporaryDirectory() as work:
        two = to_pdf(work, "two_column", two_column())
        hy = to_pdf(work, "hyphenated", hyphenated())
        to_pdf(work, "scanned", scanned(work))
    run(["qpdf", "--encrypt", "user-secret", "owner-secret", "256", "--", hy, os.path.join(HERE, "encrypted.pdf")])
    run(["qpdf", "--encrypt", "", "owner-secret", "256", "--extract=n", "--modify=none", "--", hy,
         os.path.join(HERE, "owner_only.pdf")])
    with open(two, "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "truncated.pdf"), "wb") as f:
        f.write(data[: len(data) * 6 // 10])


if __name__ == "__main__":
    main()
