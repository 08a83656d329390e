// Tests of the HTML plugin (plugins/html), loaded from the built .so.
#include "test_support.hpp"

#include "resume_analyser/text_codec.hpp"

#include <string>
#include <thread>
#include <vector>

namespace {

using ra::ExtractLimits;
using ra::ExtractResult;
using ra::ExtractStatus;

const ra::FormatPlugin& html_plugin() { return ra::test::plugin("html"); }

ExtractResult extract(const std::string& bytes, const ExtractLimits& limits = {}) {
  return html_plugin().extract(bytes, limits);
}

// The extracted text with zones, after checking the result and the chunk contract.
std::string text_of(const std::string& bytes, const ExtractLimits& limits = {}) {
  const ExtractResult r = extract(bytes, limits);
  INFO("message: " << r.message);
  REQUIRE(r.ok());
  for (const ra::TextChunk& c : r.chunks) {
    CHECK(!c.text.empty());
    CHECK(ra::codec::utf8_first_invalid(c.text) == ra::codec::kNpos);
    CHECK(c.text.find('\r') == std::string::npos);
    CHECK(c.text.find("\n\n") == std::string::npos);  // no blank lines
    CHECK(c.text.front() != '\n');
    CHECK(c.text.back() != '\n');
    CHECK(c.text.find(" \n") == std::string::npos);  // lines are trimmed
    CHECK(c.text.find("\n ") == std::string::npos);
  }
  for (std::size_t i = 1; i < r.chunks.size(); ++i) {
    CHECK(r.chunks[i].zone != r.chunks[i - 1].zone);  // consecutive zones merge
  }
  return ra::test::joined(r, true);
}

std::string data_file(const std::string& name) {
  return ra::test::read_file(std::string(RA_TEST_DATA_DIR) + "/html/" + name);
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

std::string utf16(const std::u16string& s, bool big_endian) {
  std::string out = big_endian ? "\xFE\xFF" : "\xFF\xFE";
  for (const char16_t u : s) {
    const char hi = static_cast<char>(u >> 8), lo = static_cast<char>(u & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

}  // namespace

TEST_CASE("html: format info", "[html]") {
  const ra::FormatInfo info = html_plugin().info();
  CHECK(info.name == "html");
  CHECK(info.description == "HTML");
  CHECK(info.extensions == std::vector<std::string>{".html", ".htm", ".xhtml"});
  CHECK(info.media_types == std::vector<std::string>{"text/html"});
  CHECK(info.max_input_bytes == 2u * 1024u * 1024u);
}

TEST_CASE("html: sniff", "[html]") {
  const ra::FormatPlugin& p = html_plugin();
  CHECK(p.sniff("<!DOCTYPE html>\n<html><body>x</body></html>") == 80);
  CHECK(p.sniff("<!doctype HTML PUBLIC \"-//W3C//DTD HTML 4.01//EN\">") == 80);
  CHECK(p.sniff("\xEF\xBB\xBF  \r\n\t<HTML lang=en>") == 80);
  CHECK(p.sniff("<html>") == 80);
  CHECK(p.sniff("<!-- saved from url -->\n<!DOCTYPE html><html>") == 80);
  CHECK(p.sniff("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"x\">\n"
                "<html xmlns=\"http://www.w3.org/1999/xhtml\">") == 80);
  CHECK(p.sniff("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"/>") == 80);
  CHECK(p.sniff("<p>Jane Doe</p>") == 80);
  CHECK(p.sniff("<div class=cv><h1>Jane</h1></div>") == 80);
  CHECK(p.sniff("<meta charset=utf-8><title>CV</title>") == 80);
  CHECK(p.sniff("  <b>Jane</b><br>Engineer") == 80);  // starts with a tag, has <br>
  CHECK(p.sniff(utf16(u"<!DOCTYPE html><html>", false)) == 80);
  CHECK(p.sniff(utf16(u"<html><body>", true)) == 80);

  CHECK(p.sniff("") == 0);
  CHECK(p.sniff("Jane Doe\nSkills: HTML (<b>, <div>, <p>), CSS\n<html> templates\n") == 0);
  CHECK(p.sniff("<Jane Doe> jane@example.com\nEngineer") == 0);
  CHECK(p.sniff("<jane@example.com>\n<p>") == 80);  // a tag near the start of a '<' file
  CHECK(p.sniff("<?xml version=\"1.0\"?><w:document><w:p/></w:document>") == 0);
  CHECK(p.sniff("<htmlish>") == 0);
  CHECK(p.sniff("<pre-formatted>") == 0);
  CHECK(p.sniff(std::string("PK\x03\x04\x14\0\0\0", 8)) == 0);
  CHECK(p.sniff("%PDF-1.7\n") == 0);
  CHECK(p.sniff("# Jane Doe\n\n<div>markdown with html</div>") == 0);
  CHECK(p.sniff(std::string(1100, ' ') + "<!DOCTYPE html>") == 0);  // past the first 1 KiB
  CHECK(p.sniff("<!-- a comment that never ends <html>") == 0);
}

TEST_CASE("html: a plain-text résumé mentioning tags goes to the text plugin", "[html]") {
  const std::string bytes =
      "Jane Doe\nFront-end engineer: semantic HTML (<header>, <nav>, <p>), <b>bold</b> claims\n";
  CHECK(html_plugin().sniff(bytes) == 0);
  const ra::LoadedPlugin* chosen = ra::test::built_plugins().choose(bytes, "resume.html");
  REQUIRE(chosen != nullptr);
  CHECK(chosen->info.name == "text");
  const ra::LoadedPlugin* html = ra::test::built_plugins().choose("<!DOCTYPE html><p>x", "cv.txt");
  REQUIRE(html != nullptr);
  CHECK(html->info.name == "html");
}

TEST_CASE("html: realistic résumé", "[html]") {
  CHECK(text_of(data_file("resume.html")) ==
        "[header] Jane Doe\n"
        "jane.doe@example.com \xC2\xB7 +1 555 0100\n"
        "Z\xC3\xBCrich, Switzerland\n"
        "[body] Experience | Skills\n"
        "Summary\n"
        "Senior software engineer & team lead with 10+ years in distributed systems.\n"
        "Expert in Python, C++ and Go \xE2\x80\x94 shipped Kubernetes operators.\n"
        "Experience\n"
        "Acme Corp \xC3\xA9quipe \xE2\x80\x94 Staff Engineer (2019\xE2\x80\x93now)\n"
        "Led migration to gRPC\n"
        "Cut p99 latency by 40 %\n"
        "Initech \xE2\x80\x94 Engineer\n"
        "Skills\n"
        "[table] Area\tTools\n"
        "Languages\tC++, Python, Go\n"
        "Cloud\tAWS, GCP\n"
        "[body] make   build\n"
        "test  && ship\n"
        "[footer] References on request \xC2\xA9 2024\n");
}

TEST_CASE("html: skipped elements and comments add nothing, not even a space", "[html]") {
  CHECK(text_of("<p>Py<script>var x = '<b>Go</b>';</script>thon</p>") == "[body] Python\n");
  CHECK(text_of("<p>Ja<!-- Rust -->va <style>p{}</style>and <svg><text>Go</text></svg>C</p>") ==
        "[body] Java and C\n");
  CHECK(text_of("<head><title>Java</title><noscript>Perl</noscript></head><body>Scala") ==
        "[body] Scala\n");
  CHECK(text_of("<p>a<template><p>COBOL</template>b<iframe>Perl</iframe>c<object>Lisp</object>d"
                "<noembed>Tcl</noembed>e<canvas>Ada</canvas>f<audio>Nim</audio>g<video>Zig</video>h") ==
        "[body] abcdefgh\n");
  // libxml2 2.9 does not know HTML5 void elements like embed and wbr and nests what
  // follows inside them: that text must survive and not count as depth.
  CHECK(text_of("<p>a<embed src=x>b<source src=y>c</p><p>d") == "[body] abc\nd\n");
  CHECK(text_of("<p>" + repeat("Kuber<wbr>", 400) + "</p>") == "[body] " + repeat("Kuber", 400) + "\n");
  CHECK(text_of("<html><head><title>T</title><div>Body after an unclosed head</div>") ==
        "[body] Body after an unclosed head\n");
  CHECK(text_of("<html><head><title>Only a title</title></head></html>").empty());
}

TEST_CASE("html: inline tags inside words and whitespace between them", "[html]") {
  CHECK(text_of("<p><b>Py</b>thon <i>Ja</i><u>va</u><a href=x>Script</a></p>") ==
        "[body] Python JavaScript\n");
  CHECK(text_of("<p><b>Jane</b> <i>Doe</i></p>") == "[body] Jane Doe\n");  // no NOBLANKS
  CHECK(text_of("<p><b>Jane</b>\n  \t<i>Doe</i></p>") == "[body] Jane Doe\n");
  CHECK(text_of("Hello <b>world</b>") == "[body] Hello world\n");
  CHECK(text_of("<p>  lots   of \n\n  space\t </p>") == "[body] lots of space\n");
}

TEST_CASE("html: block elements and br end lines; no blank lines", "[html]") {
  CHECK(text_of("<p>Hi<br>there<br/>x<br><br><br>y<hr>z</p>") == "[body] Hi\nthere\nx\ny\nz\n");
  CHECK(text_of("<div>a<div>b</div>c</div><h1>d</h1><h6>e</h6><blockquote>f</blockquote>"
                "<address>g</address><figure>h<figcaption>i</figcaption></figure><aside>j</aside>"
                "<article>k</article><form>l<fieldset>m</fieldset></form>") ==
        "[body] a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n");
  CHECK(text_of("<dl><dt>Python<dd>8 years<dt>Go<dd>3 years</dl>") ==
        "[body] Python\n8 years\nGo\n3 years\n");
}

TEST_CASE("html: nested lists, unclosed p and li, unquoted attributes", "[html]") {
  CHECK(text_of("<ul class=skills><li>Languages<ul><li>C++<li>Go</ul><li>Tools<ol type=1>"
                "<li>Git<li>Bazel</ol></ul><p>one<p>two") ==
        "[body] Languages\nC++\nGo\nTools\nGit\nBazel\none\ntwo\n");
  CHECK(text_of("<p class=a id=b data-x=1>x<p title=unquoted>y") == "[body] x\ny\n");
}

TEST_CASE("html: entities and character references", "[html]") {
  CHECK(text_of("<p>R&amp;D &lt;C++&gt; caf&eacute; &#8212; &#x2014; &quot;q&quot; &copy;</p>") ==
        "[body] R&D <C++> caf\xC3\xA9 \xE2\x80\x94 \xE2\x80\x94 \"q\" \xC2\xA9\n");
  CHECK(text_of("<p>A&nbsp;B &nbsp; C&nbsp;</p>") == "[body] A B C\n");
  // References to 0x80-0x9F mean Windows-1252, as in browsers; &#129; (undefined) is dropped.
  CHECK(text_of("<p>&#147;q&#148; &#128;5 &#150; a&#129;b</p>") ==
        "[body] \xE2\x80\x9Cq\xE2\x80\x9D \xE2\x82\xAC" "5 \xE2\x80\x93 ab\n");
  CHECK(text_of("<p>Unknown &foo; stays, bare & too</p>") == "[body] Unknown &foo; stays, bare & too\n");
  CHECK(text_of("<p>a&#0;b&#xD800;c&#x110000;d&#1;e</p>") == "[body] abcde\n");
}

TEST_CASE("html: soft hyphens, zero-width characters and controls are dropped", "[html]") {
  CHECK(text_of("<p>Pyth&shy;on Ku&#8203;bernetes Do&#x200C;ck&#x200D;er Go&#x2060;lang "
                "&#xFEFF;Rust \xC2\xAD\xE2\x80\x8B" "C</p>") ==
        "[body] Python Kubernetes Docker Golang Rust C\n");
  CHECK(text_of(std::string("<p>Py\0th\x01on\x7F</p>", 16)) == "[body] Python\n");
}

TEST_CASE("html: tables give tab-separated rows in the table zone", "[html]") {
  CHECK(text_of("<p>Intro</p><table><caption>Skills</caption><thead><tr><th>Area<th>Level"
                "<tbody><tr><td>C++<td>Expert<tr><td><td>Go<td></table><p>After</p>") ==
        "[body] Intro\n[table] Skills\nArea\tLevel\nC++\tExpert\nGo\n[body] After\n");
  // Block content in a cell ends lines; whitespace next to cells never leaks.
  CHECK(text_of("<table><tr> <td> <p>Rust</p> </td> <td> Zig </td> </tr></table>") ==
        "[table] Rust\nZig\n");
  CHECK(text_of("<table><tr><td>a <b>b</b></td><td>c</td></tr></table>") == "[table] a b\tc\n");
}

TEST_CASE("html: header and footer zones", "[html]") {
  CHECK(text_of("<header>Jane Doe<br>jane@example.com</header><p>Body</p><footer>Page 1</footer>") ==
        "[header] Jane Doe\njane@example.com\n[body] Body\n[footer] Page 1\n");
  // A table inside the header is header text; the innermost header/footer wins.
  CHECK(text_of("<header><table><tr><td>Phone<td>555</table><footer>f</footer></header><p>b") ==
        "[header] Phone\t555\n[footer] f\n[body] b\n");
  // A header or footer inside article/aside/main/nav/section belongs to that
  // section (ARIA banner/contentinfo rule): body text.
  CHECK(text_of("<header>Jane</header><main><section><header><h2>Skills</h2></header><p>Go"
                "<footer>Updated 2024</footer></section><article><header>A</header></article>"
                "<aside><footer>B</footer></aside><nav><header>C</header></nav></main>"
                "<footer>Page 1</footer>") ==
        "[header] Jane\n[body] Skills\nGo\nUpdated 2024\nA\nB\nC\n[footer] Page 1\n");
  // Consecutive text in one zone is one chunk, even across elements.
  CHECK(text_of("<header>a</header><header>b</header><p>c") == "[header] a\nb\n[body] c\n");
  const ExtractResult r = extract("<header>H</header><p>B</p><table><tr><td>T</table><footer>F</footer>");
  REQUIRE(r.chunks.size() == 4);
  CHECK(r.chunks[0].zone == ra::Zone::kHeader);
  CHECK(r.chunks[1].zone == ra::Zone::kBody);
  CHECK(r.chunks[2].zone == ra::Zone::kTable);
  CHECK(r.chunks[3].zone == ra::Zone::kFooter);
  CHECK(r.chunks[2].text == "T");
}

TEST_CASE("html hidden: a hidden span inside a visible paragraph", "[html][hidden]") {
  CHECK(text_of("<p>Python <span style='display:none'>Kubernetes</span> and SQL</p>") ==
        "[body] Python and SQL\n[hidden] Kubernetes\n");
  // White space inside hidden text parts the visible words; hidden text inside a word keeps it whole.
  CHECK(text_of("<p>Python<span style='display:none'> Kubernetes </span>and SQL</p>") ==
        "[body] Python and SQL\n[hidden] Kubernetes\n");
  CHECK(text_of("<p>Py<span hidden>zz</span>thon</p>") == "[body] Python\n[hidden] zz\n");
  // Hidden pieces that visible text separates are joined by a space; adjacent ones as written.
  CHECK(text_of("<p><span hidden>Rust</span>Go<span hidden>Zig</span> C <span hidden>Kuber</span>"
                "<b hidden>netes</b></p>") ==
        "[body] Go C\n[hidden] Rust Zig Kubernetes\n");
  // A wholly hidden paragraph gives no body line; hidden text keeps its place between lines.
  CHECK(text_of("<p>One</p><p hidden>Kafka Spark</p><p>Two</p>") ==
        "[body] One\n[hidden] Kafka Spark\n[body] Two\n");
}

TEST_CASE("html hidden: each rule", "[html][hidden]") {
  const std::string hidden = "[body] Shown\n[hidden] Kubernetes\n";
  const std::string shown = "[body] Shown Kubernetes\n";
  struct Case {
    std::string attributes;
    const std::string& expected;
  };
  for (const Case& c : std::vector<Case>{
           {"hidden", hidden},
           {"hidden=hidden", hidden},
           {"hidden=until-found", hidden},
           {"aria-hidden=true", shown},  // hidden from screen readers, not from sight
           {"style='display:none'", hidden},
           {"style='display: block'", shown},
           {"style='visibility:hidden'", hidden},
           {"style='visibility:collapse'", hidden},
           {"style='font-size:0'", hidden},
           {"style='font-size:0px'", hidden},
           {"style='font-size:0pt'", hidden},
           {"style='font-size:0em'", hidden},
           {"style='font-size:0%'", hidden},
           {"style='font-size:0.0rem'", hidden},
           {"style='font-size:1px'", hidden},
           {"style='font-size:1pt'", hidden},
           {"style='font-size:0.05em'", hidden},
           {"style='font-size:2px'", shown},
           {"style='font-size:0.5em'", shown},
           {"style='font-size:small'", shown},
           {"style='font: 0/0 a'", hidden},  // the image-replacement trick
           {"style='font: bold 700 0/0 serif'", hidden},
           {"style='font: italic 700 12px/1.5 serif'", shown},
           {"style='opacity:0'", hidden},
           {"style='opacity:0.0'", hidden},
           {"style='opacity:0%'", hidden},
           {"style='opacity:0.5'", shown},
           {"style='color:#fff'", hidden},
           {"style='color:#FFFFFF'", hidden},
           {"style='color:White'", hidden},
           {"style='color:transparent'", hidden},
           {"style='color:#fefefe'", shown},  // only white itself counts
           {"style='color:#000'", shown},
           {"style='position:absolute;left:-9999px'", hidden},
           {"style='position:fixed; top:-1000px'", hidden},
           {"style='position:absolute;left:-62.5em'", hidden},
           {"style='position:absolute;left:-999px'", shown},
           {"style='position:relative;left:-9999px'", shown},
           {"style='left:-9999px'", shown},
           {"style='text-indent:-9999px'", hidden},
           {"style='position:absolute;clip:rect(0,0,0,0)'", hidden},
           {"style='clip: rect(1px 1px 1px 1px)'", hidden},
           {"style='clip:rect(0px, 100px, 20px, 0px)'", shown},
           {"style='clip-path: inset(50%)'", hidden},
           {"style='clip-path: inset(10%)'", shown},
       }) {
    INFO(c.attributes);
    CHECK(text_of("<p>Shown <span " + c.attributes + ">Kubernetes</span></p>") == c.expected);
  }
}

TEST_CASE("html hidden: inline style is parsed leniently", "[html][hidden]") {
  const std::string hidden = "[body] Shown\n[hidden] Kubernetes\n";
  const std::string shown = "[body] Shown Kubernetes\n";
  for (const char* style : {"DISPLAY : NONE", "display:none;", ";;display:none", "color:red; display:none",
                            "display:none !important", "display: none!IMPORTANT",
                            "display:/* x */none", "display:\n\tnone", "display:block; display:none",
                            "display:none !important; display:block",
                            "background:url('a;b.png'); display:none",
                            "display:&#110;one", "display:none /* an unclosed comment runs to the end"}) {
    INFO(style);
    CHECK(text_of(std::string("<p>Shown <span style=\"") + style + "\">Kubernetes</span></p>") == hidden);
  }
  for (const char* style : {"display:none; display:block", "display", "display:", ":none", "display:nonesuch",
                            "xdisplay:none", "/* display:none */", "/* display:none"}) {
    INFO(style);
    CHECK(text_of(std::string("<p>Shown <span style=\"") + style + "\">Kubernetes</span></p>") == shown);
  }
  CHECK(text_of("<p>Shown <SPAN STYLE='Display:None'>Kubernetes</SPAN></p>") == hidden);
  CHECK(text_of("<p>Shown <span HIDDEN>Kubernetes</span></p>") == hidden);
}

TEST_CASE("html hidden: descendants, and what a descendant can undo", "[html][hidden]") {
  // Everything inside a hidden element is hidden; block rules hold inside it.
  CHECK(text_of("<p>Intro</p><div style='display:none'><h2>Skills</h2><ul><li>Go<li>Rust</ul>"
                "<div>Deep <b>bold</b><br>line</div></div><p>Outro</p>") ==
        "[body] Intro\n[hidden] Skills\nGo\nRust\nDeep bold\nline\n[body] Outro\n");
  CHECK(text_of("<div hidden><p>a</p><div style='display:block'>b</div><span style='display:inline'>c</span></div>") ==
        "[hidden] a\nb\nc\n");
  // A hidden block inside a visible line leaves the visible line whole, with a space.
  CHECK(text_of("<li>Python<ul style='display:none'><li>K8s<li>Helm</ul>SQL</li>") ==
        "[body] Python SQL\n[hidden] K8s\nHelm\n");
  CHECK(text_of("<p>Go<span hidden>a<br>b</span>Rust</p>") == "[body] Go Rust\n[hidden] a\nb\n");
  // display:none, opacity, off-screen and clip cannot be undone inside.
  CHECK(text_of("<div style='display:none'><p style='display:block;visibility:visible;opacity:1'>x</p></div>") ==
        "[hidden] x\n");
  // visibility, font-size and colour are inherited and can be set back.
  CHECK(text_of("<div style='visibility:hidden'>a<p style='visibility:visible'>b</p>c</div>") ==
        "[hidden] a\n[body] b\n[hidden] c\n");
  CHECK(text_of("<div style='font-size:0'><span style='display:inline-block;font-size:16px'>Go</span>"
                " <span style='font-size:1.2em'>Kafka</span> <span style='font-size:medium'>SQL</span></div>") ==
        "[body] Go SQL\n[hidden] Kafka\n");
  CHECK(text_of("<div style='color:#fff'>Kafka <span style='color:#333'>Go</span></div>") ==
        "[body] Go\n[hidden] Kafka\n");
  CHECK(text_of("<div style='color:#333'>Go <span style='color:inherit'>C</span></div>") == "[body] Go C\n");
}

TEST_CASE("html hidden: white text on a coloured background shows", "[html][hidden]") {
  CHECK(text_of("<body style='background:#1f3864'><p style='color:#fff'>Jane Doe</p>") == "[body] Jane Doe\n");
  CHECK(text_of("<body style='background-color: black'><p><font color=white>Jane</font></p>") == "[body] Jane\n");
  CHECK(text_of("<body bgcolor=navy><p style='color:white'>Jane</p>") == "[body] Jane\n");
  CHECK(text_of("<div style='background:linear-gradient(#000,#333)'><span style='color:#fff'>Go</span></div>") ==
        "[body] Go\n");
  CHECK(text_of("<table><tr><td bgcolor='#000'><font color='#FFFFFF'>Skills</font></td>"
                "<td><font color='#FFFFFF'>Kafka</font> Go</td></tr></table>") ==
        "[table] Skills\tGo\n[hidden] Kafka\n");
  // A white box inside a dark one brings white text back to hidden; transparent or none keeps the parent's.
  CHECK(text_of("<body style='background:#000'><div style='background:#FFF'><p style='color:#fff'>Kafka</p></div>"
                "<div style='background:transparent'><p style='color:#fff'>Go</p></div>") ==
        "[hidden] Kafka\n[body] Go\n");
  // Transparent text is hidden whatever lies behind it.
  CHECK(text_of("<body style='background:#000'><p style='color:transparent'>Kafka</p>") == "[hidden] Kafka\n");
  CHECK(text_of("<p><font color=white>Kafka</font> Go</p>") == "[body] Go\n[hidden] Kafka\n");
}

TEST_CASE("html hidden: zones, pre, tables and limits", "[html][hidden]") {
  // Hidden text is hidden whatever zone it sits in.
  CHECK(text_of("<header>Jane<span hidden> Kubernetes</span></header><p>Body</p>"
                "<footer><p style='font-size:0'>Kafka</p>Page 1</footer>") ==
        "[header] Jane\n[hidden] Kubernetes\n[body] Body\n[hidden] Kafka\n[footer] Page 1\n");
  CHECK(text_of("<table><tr><td>Go<td style='display:none'>Rust<td>C</table>") ==
        "[table] Go\tC\n[hidden] Rust\n");
  CHECK(text_of("<table style='display:none'><tr><td>Go<td>Rust<tr><td>C</table>") == "[hidden] Go\tRust\nC\n");
  CHECK(text_of("<pre>a  b<span hidden>x  y\nz</span>\nc</pre>") == "[body] a  b\n[hidden] x  y\nz\n[body] c\n");
  // Skipped elements stay skipped, hidden or not.
  CHECK(text_of("<p hidden>a<script>b</script>c</p>") == "[hidden] ac\n");
  // Void elements libxml2 nests later text into pass no look on.
  CHECK(text_of("<p>a<embed hidden src=x>b<wbr style='display:none'>c</p>") == "[body] abc\n");
  // aria-hidden and <input type=hidden> hide nothing visible.
  CHECK(text_of("<p><span aria-hidden=true>\xE2\x98\x85</span> Go<input type=hidden value=Kafka></p>") ==
        "[body] \xE2\x98\x85 Go\n");
  // Style sheets are not read: class rules neither hide nor show.
  CHECK(text_of("<style>.x{display:none}</style><p class=x>Kafka</p>") == "[body] Kafka\n");
  // Hidden text counts against the text limit (as before, '\n' between chunks does not).
  ExtractLimits limits;
  limits.max_text_bytes = 10;
  CHECK(text_of("<p>01234</p><p hidden>56789</p>", limits) == "[body] 01234\n[hidden] 56789\n");
  ExtractResult r = extract("<p>01234</p><p hidden>567890</p>", limits);
  CHECK(r.status == ExtractStatus::kLimitExceeded);
  CHECK(r.message == "extracted text exceeds 10 bytes");
  // Also hidden lines waiting for a visible line that never ends.
  r = extract("<li>x" + repeat("<div hidden>0123456789</div>", 1000) + "y", limits);
  CHECK(r.status == ExtractStatus::kLimitExceeded);
}

TEST_CASE("html hidden: a résumé gaming the scanner", "[html][hidden]") {
  CHECK(text_of(data_file("resume-hidden.html")) ==
        "[header] Jane Doe\n"
        "jane@example.com\n"
        "[body] Summary\n"
        "Data engineer, 6 years with Python and SQL.\n"
        "[hidden] Kubernetes Terraform\n"
        "[body] Skills\n"
        "Python, SQL, Airflow\n"
        "[hidden] Spark Kafka Snowflake dbt\n"
        "Machine learning, TensorFlow, PyTorch, LLM\n"
        "[body] Experience\n"
        "[table] Acme\tData Engineer\n"
        "[hidden] Databricks\n"
        "[body] Built pipelines.\n"
        "[hidden] senior staff principal architect\n"
        "[footer] References on request\n");
}

TEST_CASE("html: pre keeps spaces and line breaks", "[html]") {
  CHECK(text_of("<pre>\r\n  int  main()\r\n\r\n\t{ return 0; }\r  end\n</pre><p>a   b</p>") ==
        "[body] int  main()\n{ return 0; }\nend\na b\n");
  CHECK(text_of("<pre>x&nbsp;&nbsp;y <b>bold</b>  z</pre>") == "[body] x  y bold  z\n");
}

TEST_CASE("html: charset from <meta>, Windows-1252 fallback, UTF-16 BOM", "[html]") {
  const std::string expected_cp =
      "[body] R\xC3\xA9sum\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x93 caf\xC3\xA9 \xE2\x82\xAC" "5\n";
  CHECK(text_of(data_file("resume-cp1252.html")) == expected_cp);
  // http-equiv; ISO-8859-1 means Windows-1252 (0x93 is a quote, not a C1 control).
  CHECK(text_of("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                "charset=ISO-8859-1\"></head><body><p>\x93q\x94 caf\xe9</p>") ==
        "[body] \xE2\x80\x9Cq\xE2\x80\x9D caf\xC3\xA9\n");
  // No declaration and not UTF-8: Windows-1252 for the whole file (libxml2 alone
  // would switch to Latin-1 and turn 0x93 into a control character).
  CHECK(text_of("<p>R\xe9sum\xe9 \x93q\x94</p>") == "[body] R\xC3\xA9sum\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D\n");
  // No declaration and valid UTF-8: UTF-8.
  CHECK(text_of("<p>Z\xC3\xBCrich \xE2\x80\x94 \xF0\x9F\xA6\x80</p>") ==
        "[body] Z\xC3\xBCrich \xE2\x80\x94 \xF0\x9F\xA6\x80\n");
  // Declared UTF-8 with a bad byte: U+FFFD there, the rest stays UTF-8.
  CHECK(text_of("<meta charset=utf-8><p>Z\xC3\xBCrich \xE9t\xE9</p>") ==
        "[body] Z\xC3\xBCrich \xEF\xBF\xBDt\xEF\xBF\xBD\n");
  // The declaration wins over a guess: valid UTF-8 declared windows-1252 is read as declared.
  CHECK(text_of("<meta charset=windows-1252><p>caf\xC3\xA9</p>") == "[body] caf\xC3\x83\xC2\xA9\n");
  // A <meta> in a comment does not count.
  CHECK(text_of("<!-- <meta charset=koi8-r> --><p>caf\xC3\xA9</p>") == "[body] caf\xC3\xA9\n");
  // UTF-16 with BOM (the meta says utf-16, which only a BOM can mean).
  CHECK(text_of(data_file("resume-utf16le.html")) ==
        "[body] J\xC3\xBCrgen M\xC3\xBCller\nC++ \xE2\x80\x94 Rust \xF0\x9F\xA6\x80\n");
  CHECK(text_of(utf16(u"<p>J\u00fcrgen</p><p>C++</p>", true)) == "[body] J\xC3\xBCrgen\nC++\n");
  // UTF-8 BOM.
  CHECK(text_of("\xEF\xBB\xBF<p>caf\xC3\xA9</p>") == "[body] caf\xC3\xA9\n");
}

TEST_CASE("html: other declared encodings go through iconv", "[html]") {
  // "Привет" in KOI8-R, ISO-8859-2 "Łódź", Shift_JIS "日本".
  CHECK(text_of("<meta charset=\"KOI8-R\"><p>\xF0\xD2\xC9\xD7\xC5\xD4</p>") ==
        "[body] \xD0\x9F\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82\n");
  CHECK(text_of("<meta http-equiv=content-type content='text/html;charset=iso-8859-2'>"
                "<p>\xA3\xF3\x64\xBC</p>") == "[body] \xC5\x81\xC3\xB3" "d\xC5\xBA\n");
  CHECK(text_of("<meta charset=shift_jis><p>\x93\xfa\x96\x7b</p>") ==
        "[body] \xE6\x97\xA5\xE6\x9C\xAC\n");
  // An XML declaration's encoding (XHTML).
  CHECK(text_of("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"
                "<body><p>caf\xe9 \x80</p></body></html>") ==
        "[body] caf\xC3\xA9 \xE2\x82\xAC\n");
  // An unknown label is ignored.
  CHECK(text_of("<meta charset=x-no-such-thing><p>caf\xC3\xA9</p>") == "[body] caf\xC3\xA9\n");
}

TEST_CASE("html: nesting deeper than the limit is refused, with the offset", "[html]") {
  // html and body are implied: div number 255 is element 257.
  const ExtractResult r = extract(repeat("<div>", 300) + "x");
  CHECK(r.status == ExtractStatus::kLimitExceeded);
  CHECK(r.message == "HTML nesting deeper than 256");
  CHECK(r.offset == 254 * 5);
  CHECK(r.chunks.empty());

  const std::string html_body = "<html><body>";
  CHECK(text_of(html_body + repeat("<div>", 254) + "deep") == "[body] deep\n");
  const ExtractResult over = extract(html_body + repeat("<div>", 255) + "deep");
  CHECK(over.status == ExtractStatus::kLimitExceeded);
  CHECK(over.offset == html_body.size() + 254 * 5);

  ExtractLimits limits;
  limits.max_nesting_depth = 10;
  const ExtractResult ten = extract("\xEF\xBB\xBF" + repeat("<span>", 20), limits);
  CHECK(ten.status == ExtractStatus::kLimitExceeded);
  CHECK(ten.message == "HTML nesting deeper than 10");
  CHECK(ten.offset == 3 + 8 * 6);  // after the BOM: span number 9 is element 11
}

TEST_CASE("html: 100,000 nested elements fail; within a raised limit they parse", "[html]") {
  for (const char* tag : {"<div>", "<span>", "<section>", "<b>"}) {
    const std::string deep = repeat(tag, 100000) + "x";
    const ExtractResult r = extract(deep);
    INFO(tag);
    CHECK(r.status == ExtractStatus::kLimitExceeded);
    CHECK(r.message == "HTML nesting deeper than 256");
  }
  ExtractLimits limits;
  limits.max_nesting_depth = 200000;
  const std::string deep = repeat("<div>", 100000) + "deep" + repeat("</div>", 100000) + "<p>after";
  CHECK(text_of(deep, limits) == "[body] deep\nafter\n");
}

namespace {

void check_limit(const std::string& bytes, const ExtractLimits& limits, const std::string& message,
                 std::uint64_t offset) {
  const ExtractResult r = extract(bytes, limits);
  CHECK(r.status == ExtractStatus::kLimitExceeded);
  CHECK(r.message == message);
  CHECK(r.offset == offset);
  CHECK(r.chunks.empty());
}

std::string attributes(int n, const std::string& prefix = " a") {
  std::string out;
  for (int i = 0; i < n; ++i) out += prefix + std::to_string(i);
  return out;
}

}  // namespace

TEST_CASE("html: attributes of one tag are limited before libxml2 parses it", "[html][hostile]") {
  ExtractLimits limits;
  limits.max_attributes = 5;
  const std::string too_many = "an HTML element with more than 5 attributes";
  CHECK(text_of("<p" + attributes(5) + ">Python</p>", limits) == "[body] Python\n");
  check_limit("<p>x</p><p" + attributes(6) + ">Python</p>", limits, too_many, 8);
  // After a BOM, offsets are still the file's.
  check_limit("\xEF\xBB\xBF<p" + attributes(6) + ">Python</p>", limits, too_many, 3);
  // Values, quoted or not, are not attributes; a quoted '>' does not end the tag.
  CHECK(text_of("<p a=\"b c d e f g\" b='>h i j k' c=l d = \"m\" e>Python</p>", limits) == "[body] Python\n");
  check_limit("<p a=\">\" b c d e f>Python</p>", limits, too_many, 0);
  // Duplicate names cost libxml2 as much (it compares each name with the earlier ones): they count.
  check_limit("<p a a a a a a>Python</p>", limits, too_many, 0);
  // Names longer than 100 characters are several names to libxml2.
  limits.max_attributes = 2;
  check_limit("<p " + std::string(250, 'a') + ">Python</p>", limits, "an HTML element with more than 2 attributes", 0);
  limits.max_attributes = 3;
  CHECK(text_of("<p " + std::string(250, 'a') + ">Python</p>", limits) == "[body] Python\n");
  // A quote opened in a comment does not hide the tag libxml2 reads after the comment.
  limits.max_attributes = 5;
  const std::string comment = "<!-- <a b=\" --> ";
  check_limit(comment + "<p" + attributes(6) + ">Python</p> \" -->", limits, too_many, comment.size());
  // Nor does a script.
  const std::string script = "<script>if (a<b) x = \"<i y='</script>";
  check_limit(script + "<p" + attributes(6) + ">Python</p>'\"", limits, too_many, script.size());
  // A bogus string runs into what looks like the next tag: libxml2 reads "<a/<p a0 ... a5>"
  // as an a element with those six attributes.
  check_limit("<a/<p" + attributes(6) + ">Python</p>", limits, too_many, 0);
}

TEST_CASE("html: 200,000 attributes on one tag are refused at once", "[html][hostile]") {
  // libxml2 alone takes over 20 s on this (its attribute check is quadratic).
  const std::string bytes = "<!DOCTYPE html><html><body><p" + attributes(200000) + ">Python engineer</p></body></html>";
  check_limit(bytes, ExtractLimits{}, "an HTML element with more than 256 attributes", 27);
  CHECK(text_of("<!DOCTYPE html><html><body><p" + attributes(256) + ">Python engineer</p></body></html>") ==
        "[body] Python engineer\n");
  // The scan stays linear on text made to defeat it: a bogus string shared by 300,000
  // tags, and a quoted value full of tags.
  check_limit("<!DOCTYPE html>" + repeat("<a/", 300000) + std::string(100000, ' ') + attributes(1001) + ">",
              ExtractLimits{}, "an HTML element with more than 256 attributes", 15);
  CHECK(text_of("<!DOCTYPE html><p a=\"" + repeat("<b>", 100000) + "\">x</p>") == "[body] x\n");
  // The scan errs on the safe side: what looks like a tag inside a value (or a comment, or a
  // script) counts, although libxml2 reads one attribute here.
  check_limit("<!DOCTYPE html><p a=\"<b" + attributes(1001, " c") + "\">x</p>", ExtractLimits{},
              "an HTML element with more than 256 attributes", 21);
  // Here libxml2 reads 50,000 attribute names on p (a="<b c=", then c="<b c=", ...): refused.
  check_limit("<!DOCTYPE html><p a=\"" + repeat("<b c=\"", 100000) + "\">x</p>", ExtractLimits{},
              "an HTML element with more than 256 attributes", 15);
}

TEST_CASE("html: elements are limited", "[html][hostile]") {
  ExtractLimits limits;
  limits.max_elements = 10;
  CHECK(text_of("<html><body>" + repeat("<p>x", 8), limits) == "[body] " + repeat("x\n", 8).substr(0, 15) + "\n");
  check_limit("<html><body>" + repeat("<p>x", 9), limits, "more than 10 HTML elements", 12 + 8 * 4);
  // Anything that may be a start tag counts, in comments and scripts too.
  check_limit("<!-- " + repeat("<b>", 11) + " -->", limits, "more than 10 HTML elements", 5 + 10 * 3);
  // libxml2 implies html, body and p around bare text: counted as it reports them.
  limits.max_elements = 2;
  const ExtractResult r = extract("Python engineer", limits);
  CHECK(r.status == ExtractStatus::kLimitExceeded);
  CHECK(r.message == "more than 2 HTML elements");
  limits.max_elements = 3;
  CHECK(text_of("Python engineer", limits) == "[body] Python engineer\n");
}

TEST_CASE("html: the output limit is enforced", "[html]") {
  ExtractLimits limits;
  limits.max_text_bytes = 10;
  CHECK(text_of("<p>01234</p><p>5678</p>", limits) == "[body] 01234\n5678\n");  // 10 bytes
  ExtractResult r = extract("<p>01234</p><p>56789</p>", limits);
  CHECK(r.status == ExtractStatus::kLimitExceeded);
  CHECK(r.message == "extracted text exceeds 10 bytes");
  CHECK(r.chunks.empty());
  r = extract("<p>" + repeat("word ", 100000) + "</p>", limits);  // one long, unfinished line
  CHECK(r.status == ExtractStatus::kLimitExceeded);
}

TEST_CASE("html: empty and text-free documents give no chunks", "[html]") {
  for (const std::string& bytes :
       {std::string(), std::string("   \n"), std::string("<!DOCTYPE html>"),
        std::string("<html><head><script>x</script></head><body> <br> <p> </p></body></html>"),
        std::string("\xFF\xFE"), std::string("<!-- only a comment -->")}) {
    const ExtractResult r = extract(bytes);
    CHECK(r.ok());
    CHECK(r.chunks.empty());
  }
}

TEST_CASE("html: threads can share the plugin", "[html]") {
  const std::string doc = data_file("resume.html") + repeat("<p>Python C++ Go</p>\n", 2000);
  const std::string expected = ra::test::joined(extract(doc), true);
  REQUIRE(expected.find("Python C++ Go") != std::string::npos);
  std::vector<int> same(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      int ok = 1;
      for (int i = 0; i < 5; ++i) ok &= ra::test::joined(html_plugin().extract(doc, {}), true) == expected;
      same[t] = ok;
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(same == std::vector<int>(4, 1));
}
