#!/usr/bin/env python3
"""Writes the crafted DOCX files that tests/docx_plugin_test.cpp reads.

Usage:  python3 make_edge_docx.py            # crafted and hostile files
        python3 make_edge_docx.py --real     # also the real-writer files (needs pandoc and soffice)

Python 3 standard library only. Output is deterministic (fixed timestamps), so
re-running it leaves the committed files unchanged. Every file is small; the
large hostile inputs (a 190 MiB zip bomb, 200,000-deep XML, 1,001 entries)
are built by the test itself at run time.

Crafted files (text expected by the test is in the test):
  textbox.docx        text boxes in mc:AlternateContent (Choice and Fallback hold the same text), VML-only box
  header_contact.docx contact details only in headers: first-page and default identical, even different;
                      two identical footers with a PAGE field
  table_skills.docx   a skills table: multi-paragraph cell, empty row, nested table
  tracked_changes.docx w:ins kept, w:del / w:moveFrom dropped, w:moveTo kept, revision marks in properties
  hyperlink.docx      w:hyperlink and a HYPERLINK field
  content_control.docx block and inline w:sdt, w:smartTag, w:customXml
  fields.docx         complex fields (result kept, code dropped, nested, no separate), w:fldSimple
  runs.docx           xml:space spaces, tabs vs tab stops, breaks, hyphens, hidden runs, ruby, bad UTF-8
  footnotes.docx      footnotes and endnotes with separator notes
  strict.docx         Strict OOXML namespaces and relationship types
  prefixes.docx       WordprocessingML as the default namespace, and a 'w' prefix bound to another URI
  main_elsewhere.docx main part at word/main.xml, found only through relationships (decoy word/document.xml)
  hidden_text.docx    a résumé hiding keywords: white and near-white runs, w:vanish (direct, through a
                      character style and its basedOn chain, through a paragraph style), w:specVanish,
                      a 1 pt run, a hidden run anchoring a text box, white text in the header; and text
                      that stays visible: w:vanish w:val="0"/"off", white on a highlight, run shading,
                      a shaded paragraph style, a shaded table cell, in a text box, a colour just under
                      the near-white threshold
Hostile files (hostile_*.docx): see write_hostile().
Real-writer files (--real): pandoc_resume.docx (pandoc), libreoffice_resume.docx (LibreOffice).
"""

import bz2
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import warnings
import zipfile
import zlib

OUT = os.path.dirname(os.path.abspath(__file__))
DATE = (1980, 1, 1, 0, 0, 0)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT = "http://purl.oclc.org/ooxml/wordprocessingml/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
R_STRICT = "http://purl.oclc.org/ooxml/officeDocument/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
V = "urn:schemas-microsoft-com:vml"
NS = (f'xmlns:w="{W}" xmlns:r="{R}" xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:wp="{WP}" '
      f'xmlns:a="{A}" xmlns:v="{V}" mc:Ignorable="wps"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


# ---------------------------------------------------------------- packaging

def content_types(overrides):
    items = "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>' for name, ct in overrides)
    return (DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>' + items + '</Types>')


def rels(entries, base=R):
    """entries: (id, kind, target[, external])"""
    out = []
    for e in entries:
        mode = ' TargetMode="External"' if len(e) > 3 and e[3] else ""
        out.append(f'<Relationship Id="{e[0]}" Type="{base}/{e[1]}" Target="{e[2]}"{mode}/>')
    return DECL + f'<Relationships xmlns="{PKG_RELS}">' + "".join(out) + "</Relationships>"


def write_zip(name, parts, method=zipfile.ZIP_DEFLATED):
    """parts: list of (entry name, str or bytes), written in order."""
    path = os.path.join(OUT, name)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are intended in one hostile file
        with zipfile.ZipFile(path, "w") as z:
            for entry, data in parts:
                info = zipfile.ZipInfo(entry, date_time=DATE)
                info.compress_type = method
                z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def docx(name, body, extra_parts=(), doc_rels=(), main="word/document.xml", pkg_base=R, root_ns=NS,
         extra_overrides=()):
    """A DOCX whose main part `main` holds `body` inside w:document/w:body."""
    folder, file = main.rsplit("/", 1)
    parts = [
        ("[Content_Types].xml", content_types([(main, MAIN_CT)] + list(extra_overrides))),
        ("_rels/.rels", rels([("rId1", "officeDocument", main)], pkg_base)),
        (main, DECL + f"<w:document {root_ns}><w:body>{body}"
               '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>'),
    ]
    if doc_rels:
        parts.append((f"{folder}/_rels/{file}.rels", rels(doc_rels, pkg_base)))
    parts += list(extra_parts)
    return write_zip(name, parts)


def p(*runs, ppr=""):
    return f"<w:p>{ppr}{''.join(runs)}</w:p>"


def r(text):
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r><w:t{space}>{text}</w:t></w:r>"


def part(root, inner, ns=NS):
    return DECL + f"<w:{root} {ns}>{inner}</w:{root}>"


# ---------------------------------------------------------------- crafted

def txbx(*paragraphs):
    return f"<w:txbxContent>{''.join(paragraphs)}</w:txbxContent>"


def textbox_run(content):
    """A Word 2010 text box: DrawingML in mc:Choice, VML in mc:Fallback, both with the text."""
    return ("<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing>"
            '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" '
            'behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
            '<wp:extent cx="1828800" cy="914400"/><wp:docPr id="1" name="Text Box 1"/>'
            f'<a:graphic><a:graphicData uri="{WPS}"><wps:wsp><wps:spPr/>'
            f"<wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
            '<v:shape id="Text Box 1" style="width:144pt;height:72pt">'
            f"<v:textbox>{content}</v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>")


def write_crafted():
    box = txbx(p(r("Skills: Python, SQL")), p(r("Certified Kubernetes Administrator")))
    legacy = ("<w:r><mc:AlternateContent><mc:Fallback><w:pict><v:shape><v:textbox>"
              + txbx(p(r("Legacy VML box"))) + "</v:textbox></v:shape></w:pict></mc:Fallback>"
              "</mc:AlternateContent></w:r>")
    docx("textbox.docx",
         p(r("Jane "), textbox_run(box), r("Doe")) + p(r("Experience")) + p(legacy) + p(r("References")))

    contact = (p(r("Jane Doe")) +
               '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="4000"/>'
               '<w:gridCol w:w="4000"/></w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w="4000" w:type="dxa"/></w:tcPr>'
               + p(r("jane@example.com")) + "</w:tc><w:tc>" + p(r("+1 555 0100")) + "</w:tc></w:tr></w:tbl>")
    page = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE '
            '</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    hdr_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    ftr_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
    docx("header_contact.docx",
         p(r("Software Engineer")) + p(r("Built payment systems.")),
         extra_parts=[("word/header1.xml", part("hdr", contact)),
                      ("word/header2.xml", part("hdr", contact)),
                      ("word/header3.xml", part("hdr", p(r("Jane Doe \u2014 CV")))),
                      ("word/footer1.xml", part("ftr", p(r("Page "), page))),
                      ("word/footer2.xml", part("ftr", p(r("Page "), page)))],
         doc_rels=[("rId1", "styles", "styles.xml"),
                   ("rId2", "header", "header1.xml"), ("rId3", "header", "header2.xml"),
                   ("rId4", "header", "header3.xml"), ("rId5", "footer", "footer1.xml"),
                   ("rId6", "footer", "footer2.xml"), ("rId7", "header", "header9.xml"),
                   ("rId8", "hyperlink", "https://example.com/", True)],
         extra_overrides=[("word/header1.xml", hdr_ct), ("word/header2.xml", hdr_ct),
                          ("word/header3.xml", hdr_ct), ("word/footer1.xml", ftr_ct),
                          ("word/footer2.xml", ftr_ct)])

    def row(*cells):
        return "<w:tr>" + "".join(f"<w:tc><w:tcPr/>{c}</w:tc>" for c in cells) + "</w:tr>"
    nested = "<w:tbl><w:tblPr/>" + row(p(r("AWS")), p(r("GCP"))) + "</w:tbl>" + p()
    table = ('<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tblGrid><w:gridCol/><w:gridCol/>'
             "</w:tblGrid>" + row(p(r("Language")), p(r("Level"))) + row(p(r("C++")), p(r("Expert")))
             + row(p(r("Python")) + p(r("Go")), p(r("Intermediate"))) + row(p(), p())
             + row(nested, p(r("Cloud"))) + "</w:tbl>")
    docx("table_skills.docx", p(r("Skills")) + table + p(r("Education")))

    docx("tracked_changes.docx",
         p(r("Managed "),
           '<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>three</w:delText></w:r></w:del>',
           '<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:t>five</w:t></w:r></w:ins>',
           r(" engineers"),
           ppr='<w:pPr><w:rPr><w:ins w:id="3" w:author="A" w:date="2024-01-01T00:00:00Z"/></w:rPr></w:pPr>')
         + p('<w:del w:id="4" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>Deleted line</w:delText></w:r></w:del>')
         + p('<w:moveFromRangeStart w:id="5" w:name="move1" w:author="A"/>'
             '<w:moveFrom w:id="6" w:author="A"><w:r><w:t>Kubernetes (old place)</w:t></w:r></w:moveFrom>'
             '<w:moveFromRangeEnd w:id="5"/>')
         + p(r("Tools: "), '<w:moveTo w:id="7" w:author="A"><w:r><w:t>Kubernetes</w:t></w:r></w:moveTo>'))

    docx("hyperlink.docx",
         p(r("Portfolio: "), '<w:hyperlink r:id="rId9" w:history="1"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/>'
           "</w:rPr><w:t>github.com/janedoe</w:t></w:r></w:hyperlink>")
         + p(r("Blog: "), '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve">'
             ' HYPERLINK "https://jane.dev" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>jane.dev</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'),
         doc_rels=[("rId9", "hyperlink", "https://github.com/janedoe", True)])

    docx("content_control.docx",
         '<w:sdt><w:sdtPr><w:alias w:val="Name"/><w:placeholder><w:docPart w:val="X"/></w:placeholder>'
         '</w:sdtPr><w:sdtEndPr/><w:sdtContent>' + p(r("Jane Q. Doe")) + "</w:sdtContent></w:sdt>"
         + p(r("Email: "), '<w:sdt><w:sdtPr><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>jane@example.com</w:t>'
             "</w:r></w:sdtContent></w:sdt>")
         + p(r("Based in "), '<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="City">'
             "<w:r><w:t>Berlin</w:t></w:r></w:smartTag>",
             '<w:customXml w:element="country"><w:r><w:t>, Germany</w:t></w:r></w:customXml>'))

    def fld(kind):
        return f'<w:r><w:fldChar w:fldCharType="{kind}"/></w:r>'

    def instr(code):
        return f'<w:r><w:instrText xml:space="preserve">{code}</w:instrText></w:r>'
    docx("fields.docx",
         p(r("Updated "), fld("begin"), instr(' DATE \\@ "yyyy" '), fld("separate"), r("2024"), fld("end"))
         + p(fld("begin"), instr(" IF "), fld("begin"), instr(" MERGEFIELD x "), fld("separate"),
             r("inner result inside code"), fld("end"), instr(' = 1 "a" "b" '), fld("separate"),
             r("Outer result"), fld("end"))
         + p(fld("begin"), instr(' HYPERLINK \\l "s" '), fld("separate"), r("see page "), fld("begin"),
             instr(" PAGE "), fld("separate"), r("7"), fld("end"), fld("end"))
         + p(fld("begin"), instr(" TOC \\o "), fld("end"), r("After a field without result"))
         + p(r("Pages: "), '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>3</w:t></w:r></w:fldSimple>'))

    docx("runs.docx",
         p(r("Senior"), r(" Engineer"))
         + p(r("Lead"), r(" "), r("Developer"))
         + p('<w:r><w:t>2019</w:t></w:r><w:r><w:tab/><w:t>2023</w:t></w:r>',
             ppr='<w:pPr><w:tabs><w:tab w:val="left" w:pos="2880"/></w:tabs></w:pPr>')
         + p('<w:r><w:t>Line one</w:t><w:br/><w:t>Line two</w:t><w:cr/><w:t>Line three</w:t></w:r>')
         + p('<w:r><w:t>e</w:t><w:noBreakHyphen/><w:t>commerce</w:t></w:r>')
         + p('<w:r><w:t>data</w:t><w:softHyphen/><w:t>base</w:t></w:r>')
         + p('<w:r><w:t>Left</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/>'
             '<w:t>Right</w:t></w:r>')
         + p() + p(r("   ")) + p('<w:r><w:tab/></w:r>')
         + p(r("Visible"), '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve"> kubernetes docker</w:t></w:r>',
             '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t xml:space="preserve"> text</w:t></w:r>')
         + p('<w:r><w:t>A</w:t><w:br/><w:br/><w:t>B</w:t></w:r>')
         + p('<w:r><w:t>Caf\u00e9 \u00bfok? &amp; &lt;tags&gt; &#x1F600;&#1;</w:t></w:r>')
         + p('<w:r><w:t xml:space="preserve">  padded  </w:t></w:r>')
         + p(r("Ruby: "), '<w:r><w:ruby><w:rubyPr><w:hps w:val="10"/></w:rubyPr><w:rt><w:r><w:t>\u304b\u3093\u3058</w:t>'
             '</w:r></w:rt><w:rubyBase><w:r><w:t>\u6f22\u5b57</w:t></w:r></w:rubyBase></w:ruby></w:r>'))
    # Invalid UTF-8 and a lone surrogate reference: pugixml passes both through.
    path = os.path.join(OUT, "runs.docx")
    with zipfile.ZipFile(path) as z:
        files = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    files = [(n, d.replace(b"</w:body>", b"<w:p><w:r><w:t>bad \xff\xfe byte, &#xD800; surrogate</w:t>"
                                         b"</w:r></w:p></w:body>") if n == "word/document.xml" else d)
             for n, d in files]
    write_zip("runs.docx", files)

    sep = ('<w:footnote w:type="separator" w:id="-1">' + p("<w:r><w:separator/></w:r>") + "</w:footnote>"
           '<w:footnote w:type="continuationSeparator" w:id="0">' + p("<w:r><w:continuationSeparator/></w:r>")
           + "</w:footnote>")
    notes = sep + ('<w:footnote w:id="1">' + p('<w:r><w:footnoteRef/></w:r>', r(" IEEE Software, 2021."))
                   + '</w:footnote><w:footnote w:type="normal" w:id="2">' + p(r("Second note.")) + "</w:footnote>")
    endnotes = (sep.replace("footnote", "endnote") + '<w:endnote w:id="1">'
                + p('<w:r><w:endnoteRef/></w:r>', r(" References on request.")) + "</w:endnote>")
    docx("footnotes.docx",
         p(r("Published 3 papers"), '<w:r><w:footnoteReference w:id="1"/></w:r>', r(" and a book"),
           '<w:r><w:footnoteReference w:id="2"/></w:r>') + p(r("Speaker"), '<w:r><w:endnoteReference w:id="1"/></w:r>'),
         extra_parts=[("word/footnotes.xml", part("footnotes", notes)),
                      ("word/endnotes.xml", part("endnotes", endnotes))],
         doc_rels=[("rId1", "footnotes", "footnotes.xml"), ("rId2", "endnotes", "endnotes.xml")])

    strict_ns = f'xmlns:w="{W_STRICT}" xmlns:r="{R_STRICT}" w:conformance="strict"'
    docx("strict.docx", p(r("Strict body text")) + p(r("Rust"), '<w:r><w:tab/></w:r>', r("Go")),
         extra_parts=[("word/header1.xml", part("hdr", p(r("Strict header")), strict_ns))],
         doc_rels=[("rId1", "header", "header1.xml")], pkg_base=R_STRICT, root_ns=strict_ns)

    prefixes = (DECL + f'<document xmlns="{W}" xmlns:x="{W}" xmlns:o="urn:not-word"><body>'
                '<p><r><t>Default namespace</t></r></p>'
                '<x:p><x:r><x:t>Other prefix</x:t></x:r></x:p>'
                '<p><r><o:t>NOT WORD TEXT</o:t><t>Kept</t></r>'
                '<r xmlns:w="urn:not-word"><w:t>ALSO NOT WORD</w:t><t xml:space="preserve"> too</t></r></p>'
                '<p xmlns="urn:not-word"><r><t>NOT WORD EITHER</t></r></p>'
                "</body></document>")
    write_zip("prefixes.docx", [("[Content_Types].xml", content_types([("word/document.xml", MAIN_CT)])),
                                ("_rels/.rels", rels([("rId1", "officeDocument", "word/document.xml")])),
                                ("word/document.xml", prefixes)])

    docx("main_elsewhere.docx", p(r("Found through relationships")),
         main="word/main.xml",
         extra_parts=[("word/document.xml", part("document", "<w:body>" + p(r("DECOY")) + "</w:body>")),
                      ("word/parts/top.xml", part("hdr", p(r("Main header")))),
                      ("word/footer1.xml", part("ftr", p(r("Main footer"))))],
         doc_rels=[("rId1", "header", "./parts/sub/../top.xml"), ("rId2", "footer", "/word/footer1.xml")])
    # The package relationship names the main part with a leading '/'.
    path = os.path.join(OUT, "main_elsewhere.docx")
    with zipfile.ZipFile(path) as z:
        files = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    files = [(n, d.replace(b'Target="word/main.xml"', b'Target="/word/main.xml"')) for n, d in files]
    write_zip("main_elsewhere.docx", files)


def rp(props, text):
    """A run with run properties `props` (the inside of w:rPr)."""
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r><w:rPr>{props}</w:rPr><w:t{space}>{text}</w:t></w:r>"


WHITE = '<w:color w:val="FFFFFF"/>'

HIDDEN_STYLES = part("styles", (
    '<w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="22"/><w:color w:val="auto"/></w:rPr></w:rPrDefault>'
    "</w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/></w:style>'
    '<w:style w:type="character" w:styleId="Concealed"><w:name w:val="Concealed"/><w:rPr><w:vanish/></w:rPr>'
    "</w:style>"
    '<w:style w:type="character" w:styleId="Stealth"><w:name w:val="Stealth"/><w:basedOn w:val="Concealed"/>'
    "<w:rPr><w:b/></w:rPr></w:style>"
    '<w:style w:type="character" w:styleId="Ghost"><w:name w:val="Ghost"/><w:rPr>' + WHITE + "</w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Invisible"><w:name w:val="Invisible"/><w:basedOn w:val="Normal"/>'
    "<w:rPr><w:vanish/></w:rPr></w:style>"
    '<w:style w:type="paragraph" w:styleId="Banner"><w:name w:val="Banner"/><w:basedOn w:val="Normal"/>'
    '<w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:pPr><w:rPr>' + WHITE + "</w:rPr></w:style>"))


def write_hidden():
    def pstyle(name):
        return f'<w:pPr><w:pStyle w:val="{name}"/></w:pPr>'

    def rstyle(name, text):
        return rp(f'<w:rStyle w:val="{name}"/>', text)

    hidden_box = textbox_run(txbx(p(r("Hidden box: Golang"))))
    hidden_box = hidden_box.replace("<w:r>", "<w:r><w:rPr><w:vanish/></w:rPr>", 1)
    cell_dark = ('<w:tc><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:tcPr>'
                 + p(rp(WHITE, "Skills")) + "</w:tc>")
    cell_plain = "<w:tc><w:tcPr/>" + p(rp(WHITE, "Kafka "), r("Spark")) + "</w:tc>"
    body = (p(r("Jane Doe"), ppr=pstyle("Banner"))
            + p(r("Senior Software Engineer"), rp(WHITE, " Kubernetes Terraform Ansible"))
            + p(r("Skills: Python, Go"), rp("<w:vanish/>", " Rust Scala"), r(", SQL"))
            + p(r("Tools: Git"), rstyle("Concealed", " Docker"), rstyle("Stealth", " Helm"), r(" and Jira"))
            + p(r("Machine Learning, TensorFlow, PyTorch"), ppr=pstyle("Invisible"))
            + p(rp('<w:vanish w:val="off"/>', "Shown despite a hidden style"), ppr=pstyle("Invisible"))
            + p(r("Certifications: CKA"), rp('<w:sz w:val="2"/><w:szCs w:val="2"/>', " AWS Solutions Architect"))
            + p(rp('<w:vanish w:val="0"/>', "Vanish off: visible"))
            + p(rp(WHITE + '<w:highlight w:val="yellow"/>', "Highlighted white text"), r(" and "),
                rp(WHITE + '<w:shd w:val="clear" w:color="auto" w:fill="000000"/>', "shaded white text"))
            + p(r("Leadership"), rp('<w:color w:val="f8F8f0"/>', " Mentoring"),
                rp('<w:color w:val="EFFFFF"/>', " Hiring"))
            + p(r("Languages: English"), rp("<w:specVanish/>", " German"))
            + '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr><w:tr>' + cell_dark + cell_plain
            + "</w:tr></w:tbl>"
            + p(r("References"), rstyle("Ghost", " on request Flink"))
            + p(r("Summary"), textbox_run(txbx(p(rp(WHITE, "Sidebar: Java, Spring")))))
            + p(r("Profile"), hidden_box))
    hdr_ct = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
    docx("hidden_text.docx", body,
         extra_parts=[("word/styles.xml", HIDDEN_STYLES),
                      ("word/header1.xml", part("hdr", p(r("jane@example.com"), rp(WHITE, " Salesforce"))))],
         doc_rels=[("rId1", "styles", "styles.xml"), ("rId2", "header", "header1.xml")],
         extra_overrides=[("word/header1.xml", hdr_ct)])


# ---------------------------------------------------------------- hostile

def raw_zip(name, entries):
    """A ZIP written byte by byte. entries: dicts with name, data (as stored), method, crc, size,
    flags, and optionally offset (reuse the local header of an earlier entry: overlapping entries)."""
    body, central, offsets = b"", b"", []
    for e in entries:
        n = e["name"].encode()
        if "reuse" in e:
            offset = offsets[e["reuse"]]
        else:
            offset = len(body)
            body += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, e.get("flags", 0), e["method"], 0, 0x21,
                                e["crc"], len(e["data"]), e["size"], len(n), 0) + n + e["data"]
        offsets.append(offset)
        csize = e.get("claimed_csize", len(e["data"]))
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, e.get("flags", 0), e["method"], 0, 0x21,
                               e["crc"], csize, e["size"], len(n), 0, 0, 0, 0, 0, offset) + n
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), len(body), 0)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(body + central + end)


def zipcrypto(data, password, crc):
    """Traditional PKWARE encryption (what `zip -e` does), with a fixed header for reproducibility."""
    def crc_byte(c, b):
        return ~zlib.crc32(bytes([b]), ~c & 0xFFFFFFFF) & 0xFFFFFFFF
    keys = [0x12345678, 0x23456789, 0x34567890]

    def update(b):
        keys[0] = crc_byte(keys[0], b)
        keys[1] = ((keys[1] + (keys[0] & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        keys[2] = crc_byte(keys[2], keys[1] >> 24)
    for b in password:
        update(b)
    out = bytearray()
    for b in bytes(range(11)) + bytes([crc >> 24]) + data:
        t = (keys[2] | 2) & 0xFFFF
        out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
        update(b)
    return bytes(out)


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def write_hostile():
    ct = content_types([("word/document.xml", MAIN_CT)])
    pkg_rels = rels([("rId1", "officeDocument", "word/document.xml")])
    doc = DECL + f"<w:document {NS}><w:body>" + p(r("Secret text")) + "</w:body></w:document>"

    def stored(name, text, **kw):
        data = text.encode()
        return dict(name=name, data=data, method=0, crc=zlib.crc32(data), size=len(data), **kw)

    # _rels/.rels names word/document.xml, which is missing.
    write_zip("hostile_no_main_part.docx", [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels),
                                            ("word/styles.xml", part("styles", ""))])
    # A plain ZIP: no package relationships at all.
    write_zip("hostile_plain.zip", [("readme.txt", "just a zip\n"), ("word/document.xml", doc)])
    # The officeDocument relationship points into word/media/.
    write_zip("hostile_media_main.docx", [("[Content_Types].xml", ct),
                                          ("_rels/.rels", rels([("rId1", "officeDocument", "word/media/image1.xml")])),
                                          ("word/media/image1.xml", doc)])
    # A presentation: officeDocument relationship to a PresentationML main part.
    write_zip("hostile_presentation.docx", [
        ("[Content_Types].xml", ct), ("_rels/.rels", rels([("rId1", "officeDocument", "ppt/presentation.xml")])),
        ("ppt/presentation.xml", DECL + '<p:presentation xmlns:p="http://schemas.openxmlformats.org/'
                                        'presentationml/2006/main"><p:sldIdLst/></p:presentation>')])
    # Two entries called word/document.xml.
    write_zip("hostile_duplicate.docx", [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels),
                                         ("word/document.xml", doc), ("word/document.xml", doc)])
    # Every entry encrypted with ZipCrypto (password "x"), as `zip -e -P x` writes.
    entries = []
    for name, text in [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels), ("word/document.xml", doc)]:
        data = text.encode()
        crc = zlib.crc32(data)
        entries.append(dict(name=name, data=zipcrypto(data, b"x", crc), method=0, crc=crc, size=len(data), flags=1))
    raw_zip("hostile_encrypted.docx", entries)
    # The main part compressed with bzip2 (method 12).
    data = doc.encode()
    raw_zip("hostile_bzip2.docx", [stored("[Content_Types].xml", ct), stored("_rels/.rels", pkg_rels),
                                   dict(name="word/document.xml", data=bz2.compress(data),
                                        method=12, crc=zlib.crc32(data), size=len(data))])
    # Overlapping entries (the zbsm.zip trick): many central directory records share one local entry,
    # so the compressed sizes add up to more than the archive.
    bomb = deflate(b"\0" * (1 << 20))
    overlap = [stored("[Content_Types].xml", ct), stored("_rels/.rels", pkg_rels),
               dict(name="word/document.xml", data=bomb, method=8, crc=zlib.crc32(b"\0" * (1 << 20)), size=1 << 20)]
    overlap += [dict(overlap[2], name=f"word/media/image{i}.png", reuse=2) for i in range(8)]
    raw_zip("hostile_overlap.docx", overlap)
    # XML nested 300 deep.
    write_zip("hostile_deep300.docx", [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels),
                                       ("word/document.xml", DECL + f"<w:document {NS}><w:body>"
                                        + "<w:sdt><w:sdtContent>" * 150 + p(r("deep"))
                                        + "</w:sdtContent></w:sdt>" * 150 + "</w:body></w:document>")])
    # Malformed XML: an unclosed paragraph.
    write_zip("hostile_malformed.docx", [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels),
                                         ("word/document.xml", DECL + f"<w:document {NS}><w:body><w:p><w:r>"
                                          "<w:t>x</w:t></w:r></w:body></w:document>")])
    # A DTD with an entity (billion-laughs style).
    write_zip("hostile_dtd.docx", [("[Content_Types].xml", ct), ("_rels/.rels", pkg_rels),
                                   ("word/document.xml", '<?xml version="1.0"?>\n<!DOCTYPE w:document '
                                    '[<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                                    f"<w:document {NS}><w:body>" + p(r("&b;")) + "</w:body></w:document>")])


# ---------------------------------------------------------------- real writers

RESUME_MD = """\
# Jane Doe

jane@example.com · [github.com/janedoe](https://github.com/janedoe)

## Experience

**Senior Software Engineer**, Acme Corp (2019–2024)

- Led a team of five engineers[^1]
- Built CI/CD pipelines with GitHub Actions

## Skills

| Area      | Tools              |
|-----------|--------------------|
| Languages | C++, Python, Go    |
| Cloud     | AWS, Kubernetes    |

[^1]: Hired and mentored three of them.
"""

RESUME_FODT = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/>
   <style:header-style/><style:footer-style/></style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="pm1">
   <style:header><text:p>Jane Doe · jane@example.com · +1 555 0100</text:p></style:header>
   <style:footer><text:p>Résumé of Jane Doe</text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
  <text:h text:outline-level="1">Senior Software Engineer</text:h>
  <text:p>Ten years building distributed systems.<draw:frame draw:name="Box" text:anchor-type="paragraph"
    svg:width="6cm" svg:height="2cm"><draw:text-box><text:p>Certified Kubernetes Administrator</text:p>
    </draw:text-box></draw:frame></text:p>
  <table:table table:name="Skills"><table:table-column table:number-columns-repeated="2"/>
   <table:table-row><table:table-cell><text:p>Languages</text:p></table:table-cell>
    <table:table-cell><text:p>C++, Rust</text:p></table:table-cell></table:table-row>
   <table:table-row><table:table-cell><text:p>Databases</text:p></table:table-cell>
    <table:table-cell><text:p>PostgreSQL</text:p></table:table-cell></table:table-row>
  </table:table>
  <text:p>Available from May.</text:p>
 </office:text></office:body>
</office:document>
"""


def write_real():
    with tempfile.TemporaryDirectory() as tmp:
        md = os.path.join(tmp, "resume.md")
        with open(md, "w", encoding="utf-8") as f:
            f.write(RESUME_MD)
        subprocess.run(["pandoc", md, "-o", os.path.join(OUT, "pandoc_resume.docx")], check=True)
        fodt = os.path.join(tmp, "libreoffice_resume.fodt")
        with open(fodt, "w", encoding="utf-8") as f:
            f.write(RESUME_FODT)
        subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", "docx", "--outdir", tmp, fodt], check=True, capture_output=True)
        shutil.copy(os.path.join(tmp, "libreoffice_resume.docx"), OUT)


if __name__ == "__main__":
    write_crafted()
    write_hidden()
    write_hostile()
    if "--real" in sys.argv[1:]:
        write_real()
