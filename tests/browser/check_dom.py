#!/usr/bin/env python3
"""Checks the DOM Chromium dumped (--dump-dom) for an HTML report.

Usage: check_dom.py score DOM.html
       check_dom.py batch DOM.html ROWS [sorted-by-score]

The DOM is the page after the browser parsed it and ran its script, so these
checks see what a reader sees: the elements exist, nesting survived parsing
(no stray tag from the résumé text broke it), the sorting script ran (it is
allowed only by its hash in the page's Content Security Policy). Standard
library only. Prints what it checked; exits 1 on the first failure.
"""
import html.parser
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], []

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def walk(self):
        for c in self.children:
            yield c
            yield from c.walk()

    def find(self, tag=None, cls=None, **attrs):
        return [n for n in self.walk()
                if (tag is None or n.tag == tag) and (cls is None or cls in n.classes())
                and all(n.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def by_id(self, ident):
        found = [n for n in self.walk() if n.attrs.get("id") == ident]
        return found[0] if found else None

    def all_text(self):
        return "".join(self.text) + "".join(c.all_text() for c in self.children)


class Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.text.append(data)


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def ok(message):
    print("ok: " + message)


def common(root):
    for n in root.walk():
        for name in ("src", "srcset", "href", "action", "formaction", "data", "poster"):
            value = n.attrs.get(name)
            if value is None:
                continue
            if name == "href" and value.startswith("#"):
                continue  # in-page links to lines and sections
            fail("<%s %s=%r>: the page may not point anywhere" % (n.tag, name, value))
        if n.tag in ("img", "link", "iframe", "object", "embed", "base", "form"):
            fail("unexpected <%s> element" % n.tag)
        if any(a.startswith("on") for a in n.attrs):
            fail("event handler attribute on <%s>: %r" % (n.tag, n.attrs))
    ok("no external references, no element that loads anything, no event handler attribute")
    title = root.find("title")
    if not title or not title[0].all_text().strip():
        fail("no <title>")
    ok("title: " + title[0].all_text().strip())


def check_score(root):
    if root.find("script"):
        fail("a <script> element in a score page")
    ok("no script")
    score = root.by_id("score")
    if score is None:
        fail("no #score")
    value = score.find(cls="value")
    if not value or not re.fullmatch(r"\d{1,3}\.\d", value[0].all_text().strip()):
        fail("#score holds no score: %r" % score.all_text())
    ok("#score shows " + value[0].all_text().strip())
    cats = root.by_id("categories")
    svgs = cats.find("svg") if cats is not None else []
    if len(svgs) != 1 or svgs[0].attrs.get("role") != "img" or not svgs[0].find("title"):
        fail("#categories needs one <svg role=img> with a <title>")
    bars = svgs[0].find("rect", cls="bar")
    if not bars:
        fail("the category chart has no bars")
    ok("#categories svg with %d bars" % len(bars))
    text = root.by_id("text")
    marks = text.find("mark", cls="kw") if text is not None else []
    if not marks:
        fail("no <mark class=kw> in #text")
    for m in marks:
        if not m.attrs.get("data-keyword") or m.attrs.get("title") != m.attrs.get("data-keyword"):
            fail("a mark lacks data-keyword/title: %r" % m.attrs)
    lines = text.find("li")
    if not lines or lines[0].attrs.get("id") != "L1":
        fail("#text is not a list of numbered lines")
    # Every mark stays inside one line: the résumé text broke no element.
    for m in marks:
        p = m.parent
        while p is not None and p.tag != "li":
            p = p.parent
        if p is None or not (p.attrs.get("id") or "").startswith("L"):
            fail("a mark outside the text lines")
    ok("#text: %d lines, %d marks (%d keywords)" % (len(lines), len(marks),
                                                     len({m.attrs["data-keyword"] for m in marks})))
    missing = root.by_id("missing")
    weights = [int(li.attrs["data-weight"]) for li in missing.find("li")] if missing is not None else []
    if weights != sorted(weights, reverse=True):
        fail("#missing is not ranked by weight: %r" % weights)
    ok("#missing: %d keywords, heaviest first" % len(weights))
    comp = root.by_id("competencies")
    rows = [tr for tr in comp.find("tr") if "data-verdict" in tr.attrs] if comp is not None else []
    if not rows:
        fail("no competency rows")
    for tr in rows:
        if tr.attrs["data-verdict"] not in tr.all_text():
            fail("a verdict without its text label: %r" % tr.attrs)
    ok("#competencies: %d rows, each verdict written out" % len(rows))
    if root.by_id("warnings") is None:
        fail("no #warnings")
    ok("#warnings: %d" % len(root.by_id("warnings").find("li")))


def check_batch(root, rows_expected, sorted_by_score):
    table = root.by_id("results")
    if table is None:
        fail("no #results table")
    if table.attrs.get("data-sortable") != "yes":
        fail("the sorting script did not run (blocked by the Content Security Policy?)")
    ok("the sorting script ran")
    body = table.find("tbody")
    rows = body[0].find("tr") if body else []
    if len(rows) != rows_expected:
        fail("%d rows, expected %d" % (len(rows), rows_expected))
    ok("%d rows, one per input" % len(rows))
    heads = table.find("thead")[0].find("th")
    if len(heads) < 6 or any(len(r.find("td")) != len(heads) for r in rows):
        fail("rows and headings disagree in length")
    ok("%d columns" % len(heads))
    if sorted_by_score:
        score_col = [h.all_text().strip() for h in heads].index("Score")
        if heads[score_col].attrs.get("aria-sort") != "descending":
            fail("#sort=%d-desc did not sort" % score_col)
        scores = []
        for r in rows:
            v = r.find("td")[score_col].attrs.get("data-sort")
            scores.append(float(v) if v else None)
        numbers = [s for s in scores if s is not None]
        if numbers != sorted(numbers, reverse=True) or scores[:len(numbers)] != numbers:
            fail("not sorted by score, highest first, blanks last: %r" % scores)
        ok("sorted by score: " + ", ".join("-" if s is None else "%.1f" % s for s in scores))
    dist = root.by_id("distribution")
    svgs = dist.find("svg") if dist is not None else []
    if len(svgs) != 1 or len(svgs[0].find("rect", cls="bar")) != 10:
        fail("#distribution needs one svg with 10 bars")
    ok("#distribution: 10 buckets")
    summary = root.by_id("summary-line")
    if summary is None or "files:" not in summary.all_text():
        fail("no summary line")
    ok("summary: " + summary.all_text().strip())


def main():
    kind, path = sys.argv[1], sys.argv[2]
    raw = open(path, encoding="utf-8").read()
    builder = Builder()
    builder.feed(raw)
    root = builder.root
    common(root)
    if kind == "score":
        check_score(root)
    elif kind == "batch":
        check_batch(root, int(sys.argv[3]), len(sys.argv) > 4 and sys.argv[4] == "sorted-by-score")
    else:
        fail("unknown page kind " + kind)


if __name__ == "__main__":
    main()
