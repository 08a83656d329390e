#!/usr/bin/env bash
# make-samples.sh — regenerate every derived sample résumé from its Markdown source.
#
# Sources (hand-written, the only files to edit):
#   samples/strong-ml-engineer.md   samples/weak-ml-engineer.md
#
# Derived files (all generated here, all committed):
#   <name>.docx               pandoc 2.17  (md -> docx)
#   <name>.libreoffice.docx   pandoc (md -> odt), then LibreOffice Writer 7.4
#                             headless (odt -> "MS Word 2007 XML" docx)
#   <name>.html               pandoc -s with the HTML template and Lua filter
#                             below, then a perl pass that turns a few
#                             characters into named entities (&nbsp; &mdash;
#                             &ndash; &middot;)
#   <name>.txt                pandoc -t plain --wrap=none with a Lua filter
#                             (caps section headings, skills table as
#                             "Area: items" lines), then a sed pass for bullets
#   <name>.odt                pandoc (md -> odt), then LibreOffice Writer
#                             headless (odt -> "writer8" odt): a document as
#                             LibreOffice itself saves it
#   <name>.pdf                pandoc (md -> odt), then LibreOffice Writer
#                             headless (odt -> "writer_pdf_Export" pdf)
#   ../tests/data/pdf/<name>.pdftotext.txt
#                             pdftotext -layout <name>.pdf: what poppler's
#                             own tool reads, which the PDF plugin's text must
#                             agree with (tests/pdf_plugin_test.cpp)
#
# Needs:  apt-get install -y pandoc libreoffice-writer-nogui poppler-utils
#         (plus perl, sed)
#
# The outputs are committed, so users and tests need neither pandoc nor
# LibreOffice.  Re-run this only after editing a .md source:
#     bash samples/make-samples.sh
# The pandoc outputs are reproducible (SOURCE_DATE_EPOCH is fixed).  The
# LibreOffice .docx and .odt files have identical XML parts on every run but
# new zip entry timestamps and save dates, and the .pdf files a new creation
# date and document ID, so git sees them as changed after each run.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"

for tool in pandoc soffice perl pdftotext; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "make-samples.sh: '$tool' not found (apt-get install -y pandoc libreoffice-writer-nogui poppler-utils)" >&2
    exit 1
  }
done

export SOURCE_DATE_EPOCH=1767225600   # 2026-01-01T00:00:00Z: stable pandoc zip/metadata dates

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ---------------------------------------------------------------------------
# Lua filter for HTML: the first level-1 heading and the paragraph after it
# become the page <header>; every level-2 heading opens a <section> inside
# <main>.  It also sets the page title and JSON-LD fields from that header.
cat >"$work/html.lua" <<'LUA'
function Pandoc(doc)
  local blocks = doc.blocks
  local out = {}
  local i = 1
  local open_section = false
  local name, contact = nil, nil
  while i <= #blocks do
    local b = blocks[i]
    if b.t == "Header" and b.level == 1 and name == nil then
      name = pandoc.utils.stringify(b)
      out[#out + 1] = pandoc.RawBlock("html", '<header class="masthead">')
      out[#out + 1] = b
      if blocks[i + 1] and blocks[i + 1].t == "Para" then
        contact = blocks[i + 1]
        out[#out + 1] = pandoc.Div({ contact }, pandoc.Attr("", { "contact" }))
        i = i + 1
      end
      out[#out + 1] = pandoc.RawBlock("html", "</header>\n<main>")
    elseif b.t == "Header" and b.level == 2 then
      if open_section then
        out[#out + 1] = pandoc.RawBlock("html", "</section>")
      end
      out[#out + 1] = pandoc.RawBlock("html", '<section id="sec-' .. b.identifier .. '">')
      open_section = true
      out[#out + 1] = b
    else
      out[#out + 1] = b
    end
    i = i + 1
  end
  if open_section then
    out[#out + 1] = pandoc.RawBlock("html", "</section>")
  end
  out[#out + 1] = pandoc.RawBlock("html", "</main>")

  -- Contact line: "Job title · City, ST · email · phone · site"
  local jobtitle, email = "", ""
  if contact then
    local text = pandoc.utils.stringify(contact)
    jobtitle = text:match("^(.-)%s*\u{00B7}") or ""
    email = text:match("([%w%.%-_]+@[%w%.%-]+)") or ""
  end
  doc.meta.pagetitle = pandoc.MetaString((name or "Résumé") .. " \u{2014} " .. jobtitle)
  doc.meta.personname = pandoc.MetaString(name or "")
  doc.meta.jobtitle = pandoc.MetaString(jobtitle)
  doc.meta.email = pandoc.MetaString(email)
  return pandoc.Pandoc(out, doc.meta)
end
LUA

# Lua filter for plain text: what a person pastes into a web form.
cat >"$work/plain.lua" <<'LUA'
function Header(h)
  if h.level >= 2 then
    return pandoc.Header(h.level, pandoc.utils.stringify(h):upper(), h.attr)
  end
end

function Table(t)
  -- "Languages: Python, R, ..." one line per row.
  local out = {}
  for _, body in ipairs(t.bodies) do
    for _, row in ipairs(body.body) do
      local cells = {}
      for _, cell in ipairs(row.cells) do
        cells[#cells + 1] = pandoc.utils.stringify(cell.contents)
      end
      out[#out + 1] = pandoc.Plain({ pandoc.Str(table.concat(cells, ": ")) })
    end
  end
  return pandoc.Div(out)
end
LUA

# HTML page template (pandoc template syntax: $var$).
cat >"$work/page.html" <<'HTML'
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="author" content="$personname$">
<meta name="description" content="Résumé of $personname$, $jobtitle$.">
<title>$pagetitle$</title>
<!-- Generated from the Markdown source by samples/make-samples.sh; edit the .md, not this file. -->
<style>
  :root { --ink: #1d2430; --muted: #5b6575; --accent: #2f6f8f; --rule: #d9dee5; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 15px/1.55 "Source Sans 3", "Segoe UI", Helvetica, Arial, sans-serif;
         color: var(--ink); background: #f4f6f8; }
  .masthead { background: var(--ink); color: #fff; padding: 2rem 1rem 1.25rem; text-align: center; }
  .masthead h1 { margin: 0 0 .35rem; font-size: 2rem; letter-spacing: .02em; }
  .masthead .contact p { margin: 0; color: #cfd8e3; font-size: .95rem; }
  .masthead a { color: #9fd3ec; }
  main { max-width: 52rem; margin: 1.5rem auto 3rem; background: #fff; padding: 1.5rem 2.25rem 2rem;
         box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h2 { color: var(--accent); font-size: 1.05rem; text-transform: uppercase; letter-spacing: .08em;
       border-bottom: 1px solid var(--rule); padding-bottom: .2rem; margin: 1.6rem 0 .6rem; }
  section:first-child h2 { margin-top: 0; }
  ul { padding-left: 1.2rem; margin: .3rem 0 1rem; }
  li { margin: .2rem 0; }
  table { border-collapse: collapse; width: 100%; }
  td { vertical-align: top; padding: .25rem .5rem .25rem 0; border-bottom: 1px solid var(--rule); }
  td:first-child { font-weight: 600; white-space: nowrap; width: 9.5rem; color: var(--muted); }
  @media print {
    body { background: #fff; font-size: 11pt; }
    .masthead { background: none; color: #000; padding: 0 0 .5rem; }
    .masthead .contact p, .masthead a { color: #000; }
    main { box-shadow: none; margin: 0; padding: 0; max-width: none; }
  }
</style>
<script type="application/ld+json">
{ "@context": "https://schema.org", "@type": "Person",
  "name": "$personname$", "jobTitle": "$jobtitle$", "email": "mailto:$email$" }
</script>
<script>
  // Small enhancements only; the page reads the same without JavaScript.
  document.addEventListener("DOMContentLoaded", function () {
    // Open off-site links in a new tab, keep mailto: links as they are.
    document.querySelectorAll('a[href^="http"]').forEach(function (a) {
      a.setAttribute("target", "_blank");
      a.setAttribute("rel", "noopener");
    });
    // Press "p" to print (recruiters kept asking for a PDF).
    document.addEventListener("keydown", function (e) {
      if (e.key === "p" && !e.ctrlKey && !e.metaKey && e.target === document.body) {
        window.print();
      }
    });
  });
</script>
</head>
<body>
$body$
</body>
</html>
HTML

# ---------------------------------------------------------------------------
for src in *.md; do
  name="${src%.md}"
  [ "$name" = "README" ] && continue
  echo "== $name"

  # 1. DOCX written by pandoc
  pandoc "$src" -o "$name.docx"

  # 2. DOCX written by LibreOffice: pandoc makes a native Writer .odt, then
  #    LibreOffice opens it and saves it as Word 2007+ XML.  (The odt route
  #    gives a cleaner document than importing the .html: no stray tab stops
  #    or trailing spaces in list items, and no chance of <script>/<style>
  #    leaking in as fields.)
  pandoc "$src" -o "$work/$name.odt"
  #    A throwaway profile keeps LibreOffice from writing one into $HOME or here;
  #    its harmless "failed to launch javaldx" warning is kept out of the log.
  if ! soffice -env:UserInstallation="file://$work/lo-profile" --headless \
      --convert-to docx:"MS Word 2007 XML" --outdir "$work/lo" "$work/$name.odt" \
      >"$work/soffice.log" 2>&1 || [ ! -s "$work/lo/$name.docx" ]; then
    cat "$work/soffice.log" >&2
    echo "make-samples.sh: LibreOffice failed to convert $name.odt" >&2
    exit 1
  fi
  cp "$work/lo/$name.docx" "$name.libreoffice.docx"

  # 2b. ODT and PDF written by LibreOffice from the same pandoc .odt.
  for target in odt:writer8 pdf:writer_pdf_Export; do
    ext="${target%%:*}"
    if ! soffice -env:UserInstallation="file://$work/lo-profile" --headless \
        --convert-to "$target" --outdir "$work/lo-$ext" "$work/$name.odt" \
        >"$work/soffice.log" 2>&1 || [ ! -s "$work/lo-$ext/$name.$ext" ]; then
      cat "$work/soffice.log" >&2
      echo "make-samples.sh: LibreOffice failed to write $name.$ext" >&2
      exit 1
    fi
    cp "$work/lo-$ext/$name.$ext" "$name.$ext"
  done
  mkdir -p ../tests/data/pdf
  pdftotext -layout "$name.pdf" "../tests/data/pdf/$name.pdftotext.txt"

  # 3. Standalone HTML page
  pandoc "$src" -s -t html5 --wrap=none --template="$work/page.html" \
    --lua-filter="$work/html.lua" -o "$work/$name.html"
  perl -CSD -pe 's/\x{00A0}/&nbsp;/g; s/\x{2014}/&mdash;/g; s/\x{2013}/&ndash;/g; s/\x{00B7}/&middot;/g' \
    "$work/$name.html" >"$name.html"

  # 4. Plain UTF-8 text (strong: "• " bullets, others: "- ")
  bullet='- '
  [ "$name" = "strong-ml-engineer" ] && bullet='• '
  pandoc "$src" -t plain --wrap=none --lua-filter="$work/plain.lua" \
    | sed -e "s/^-   /$bullet/" >"$name.txt"
done

ls -l -- *.docx *.html *.txt *.odt *.pdf
