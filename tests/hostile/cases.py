"""The hostile cases: what each input is and what resume-analyser must do with it.

A case runs `resume-analyser ARGV` (placeholders: {corpus} the generated corpus folder, {env}
the environment folder, {file} the case's file in the corpus).

Every case must: exit with one of its statuses; on an error print nothing on stdout and exactly
one stderr line, "resume-analyser: " followed by a match of its message pattern (a corpus file's
message starts with the file's path); on a safe read (exit 0) print a report and nothing on
stderr (cases that expect plugin warnings list their stderr lines exactly); finish within 1 s
of wall time and 200 MB of peak memory. In `batch` a file that `score` read is "pass" and one it
refused is "error", with the same reason.

`xfail` names checks known to fail because of a bug in BUGS: such a check is reported XFAIL and
does not fail the suite (XPASS once it passes: if the bug is fixed, remove the marker). The
one-line shape, the crash and hang checks and the batch bookkeeping are never marked.
"""

# Known bugs the corpus documents, each with its reproducer: run_hostile.py prints them with
# the checks they fail, and a check marked with one that passes is reported as XPASS. None is
# open: BUG-1 to BUG-6 (DOCX sniff hiding the reason, a doubled UTF-16 offset, Boost.DLL's
# dlopen reason, unbounded DOM memory, libxml2's quadratic attributes, a quadratic degree/field
# pass) were fixed in 2026-11; their reproducers stay in the corpus as ordinary cases.
BUGS = {}

UNSUPPORTED = r"unsupported format \(supported: .+\)"

DOCX_ERR = r"{file}: cannot read as docx: "


_SAME = object()
REPORT = r"(?s).*/100 for "  # stdout of a successful `score`


def _case(name, exit, message=None, *, file=_SAME, argv=None, stderr=None, stdout_re=None,
          xfail=None, note=""):
    """exit: the status, or a tuple of acceptable ones (0 = a safe read: no stderr, a report on
    stdout; 2 = `message` on stderr). file: the corpus file (default: the case name); None for
    a case with no corpus file. stderr: the exact stderr lines, whatever the status, for cases
    that print warnings. xfail: a bug id for the message, or {check: bug id} for any of the
    checks message, exit, memory, time."""
    file = name if file is _SAME else file
    xfail = {"message": xfail} if isinstance(xfail, str) else dict(xfail or {})
    return dict(
        name=name, file=file, exits=exit if isinstance(exit, tuple) else (exit,),
        argv=argv if argv is not None else ["score", "{file}"],
        # (pattern, xfail bug id or None), matched against each line after "resume-analyser: ".
        stderr=stderr, error_line=(message, xfail.get("message")), stdout_re=stdout_re,
        xfail=xfail, in_batch=file is not None and argv is None, note=note)


def corpus_cases():
    return [
        # --- ZIP bombs
        _case("ratio-bomb-1gib.docx", 2, DOCX_ERR + r"compression ratio over 100:1 in word/document\.xml",
              note="1 GiB of spaces in w:t; sniffed as DOCX, stopped by the running ratio after ~100 KiB"),
        _case("ratio-bomb-zeros-1gib.docx", 2, DOCX_ERR + r"compression ratio over 100:1 in word/document\.xml",
              note="1 GiB of NULs: no root element in sight, but word/ entries, so sniffed 50 and refused"),
        _case("late-dense-ratio-bomb.odt", 2, r"{file}: cannot read as odt: compression ratio over 100:1 in content\.xml",
              note="64 KiB of words, 12 MiB of spaces, 1 MiB of words: 20:1 over the whole entry, so only "
                   "the running ratio (compressed bytes used so far) stops it, ~4.5 MB into the spaces"),
        _case("overlap-bomb.docx", 2, DOCX_ERR + r"ZIP entries overlap \(compressed sizes exceed the archive size\)",
              note="zbsm-style: 990 entries share one 21 MiB kernel (21.8 GB claimed)"),
        # --- broken packages
        _case("truncated-half.docx", 2,
              DOCX_ERR + r"corrupt ZIP archive: no end of central directory \(truncated\?\)",
              note="samples/strong-ml-engineer.docx cut in half: sniffed from its local file headers"),
        _case("corrupt-central-directory.docx", 2, DOCX_ERR + r"corrupt ZIP archive: .+",
              note="central directory signatures and offset damaged"),
        _case("bad-crc.docx", 2, DOCX_ERR + r"corrupt part word/document\.xml: CRC error"),
        _case("no-main-part.docx", 2, DOCX_ERR + r"no main document part \(word/document\.xml\) in package",
              note="rels name word/document.xml, absent: meant as a DOCX (word/ entries), so the reason is given"),
        _case("main-part-not-in-rels.docx", 2, DOCX_ERR + r"no main document part in package relationships",
              note="no officeDocument relationship: meant as a DOCX (word/ entries), so the reason is given"),
        _case("malformed-xml.docx", 2, DOCX_ERR + r"malformed XML in word/document\.xml: .+"),
        _case("deep-xml-200000.docx", 2, DOCX_ERR + r"XML nesting deeper than 256 in word/document\.xml"),
        _case("billion-laughs.docx", 2, DOCX_ERR + r"DTD not allowed in word/document\.xml"),
        _case("text-over-limit.docx", 2, DOCX_ERR + r"extracted text exceeds .+",
              note="5 MiB of text, stored: over the 4 MiB text limit"),
        _case("element-flood-20mib.docx", 2, DOCX_ERR + r"more than 1000000 XML elements in word/document\.xml",
              note="4.2 million empty elements in a 20 MiB main part, 7 MB on disk: refused before a tree is built"),
        _case("entries-2000.docx", 2, DOCX_ERR + r"ZIP archive has more than 1000 entries"),
        _case("duplicate-entry-names.docx", 2,
              DOCX_ERR + r"duplicate entry name word/document\.xml in ZIP archive"),
        _case("encrypted.docx", 2, DOCX_ERR + r"encrypted DOCX is not supported"),
        _case("bzip2-method.docx", 2, DOCX_ERR + r"unsupported compression method 12 in \S+"),
        # --- not what the name says
        _case("jpeg-named.docx", 2, r"{file}: " + UNSUPPORTED),
        _case("binary-named.txt", 2, r"{file}: (" + UNSUPPORTED + r"|cannot read as text: binary data.*)"),
        _case("empty.docx", 2, r"{file}: (empty file|no text found in \w+ file)"),
        _case("empty.txt", 2, r"{file}: (empty file|no text found in \w+ file)"),
        _case("empty.html", 2, r"{file}: (empty file|no text found in \w+ file)"),
        _case("whitespace-only.txt", 2, r"{file}: no text found in text file"),
        # --- markup and encodings
        _case("deep-html-100000.html", 2,
              r"{file}: cannot read as html: HTML nesting deeper than 256( \(at byte \d+\))?"),
        _case("html-25000-attributes.html", 2,
              r"{file}: cannot read as html: an HTML element with more than 256 attributes( \(at byte \d+\))?",
              note="one start tag with 25,000 distinct attributes: refused before libxml2 sees it"),
        _case("invalid-utf8.txt", 0, note="safe read: not UTF-8, so Windows-1252 (text plugin rule 6)"),
        _case("invalid-utf8-after-bom.txt", 0, note="safe read: UTF-8 BOM, bad sequences become U+FFFD"),
        _case("invalid-utf16-unpaired-surrogate.txt", 2,
              r"{file}: cannot read as text: invalid UTF-16( at byte \d+| \(at byte \d+\))"),
        _case("invalid-utf16-odd-length.txt", 2,
              r"{file}: cannot read as text: invalid UTF-16( at byte \d+| \(at byte \d+\))"),
        _case("degree-field-lines.txt", 0,
              note="512 KiB of 'BSc computer science' lines: a safe read (was quadratic, BUG-6, and again"
                   " through the range search's scratch arrays: 0.3-0.8 s, now 0.06 s)"),
        # --- size
        _case("text-50mib.txt", 2, r"{file}: text input of 50\.0 MiB exceeds the 1\.0 MiB limit",
              note="under the 64 MiB file cap: read, then refused by the text plugin's 1 MiB input limit"),
        _case("sparse-100mib.txt", 2, r"{file}: file of 100\.0 MiB exceeds the 64\.0 MiB limit",
              note="over the 64 MiB file cap: refused from its size, never read"),
    ]


def env_cases():
    good = "{env}/strong-ml-engineer.docx"  # a copy of the sample (run_hostile.py)
    role = "{env}/roles/"
    plugin_warnings = [
        (r"warning: skipped plugin {env}/plugins/no_exports_plugin\.so: missing export ra_plugin_abi.*", None),
        (r"warning: skipped plugin {env}/plugins/wrong_abi_plugin\.so: incompatible plugin: ABI \d+ .*"
         r"host expects ABI \d+ .*", None),
        # The reason is dlopen's own, not Boost.DLL's "Bad file descriptor" (was BUG-3).
        (r"warning: skipped plugin {env}/plugins/x\.so: not a loadable shared library \((?!Bad file descriptor).+\)",
         None),
    ]
    return [
        _case("role-bad-yaml", 2, role + r"role-bad-yaml\.yaml:\d+: .+", file=None,
              argv=["score", good, "--role", role + "role-bad-yaml.yaml"]),
        _case("role-unknown-key", 2, role + r"role-unknown-key\.yaml:\d+: unknown key 'colour'.*", file=None,
              argv=["score", good, "--role", role + "role-unknown-key.yaml"]),
        _case("role-bad-weight", 2, role + r"role-bad-weight\.yaml:\d+: weight .*1, 2 or 3.*", file=None,
              argv=["score", good, "--role", role + "role-bad-weight.yaml"]),
        _case("role-missing-file", 2, r".*" + r"does-not-exist\.yaml.*", file=None,
              argv=["score", good, "--role", role + "does-not-exist.yaml"]),
        _case("plugins-dir-score-good", 0, file=None, stderr=plugin_warnings, stdout_re=r"(?s).*: 84\.7/100 for ",
              argv=["--plugin-dir", "{env}/plugins", "score", good],
              note="bad plugins refused with a warning each; the good ones still read the file"),
        _case("plugins-dir-health", 2, file=None, stderr=plugin_warnings, stdout_re=r"(?s)docx\t.*",
              argv=["--plugin-dir", "{env}/plugins", "plugins"], note="`plugins` exits 2 when any was refused"),
        _case("plugins-dir-score-hostile", 2, file=None,
              stderr=plugin_warnings + [(r"{corpus}/jpeg-named\.docx: " + UNSUPPORTED, None)],
              argv=["--plugin-dir", "{env}/plugins", "score", "{corpus}/jpeg-named.docx"]),
    ]
