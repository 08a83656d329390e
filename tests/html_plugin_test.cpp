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
