#include "html_decode.hpp"

#include "resume_analyser/text_codec.hpp"

#include <iconv.h>

#include <cerrno>
#include <cstring>
#include <new>

namespace ra::html {
namespace {

namespace codec = ra::codec;

constexpr std::size_t kPrescanBytes = 1024;

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view lit) {
  if (s.size() - i < lit.size()) return false;
  for (std::size_t k = 0; k < lit.size(); ++k) {
    if (lower(s[i + k]) != lit[k]) return false;
  }
  return true;
}

std::string trim_ws(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_ws(s[b])) ++b;
  while (e > b && is_ws(s[e - 1])) --e;
  return std::string(s.substr(b, e - b));
}

struct Attribute {
  std::string name;   // lower case
  std::string value;  // lower case
};

// "Get an attribute" of the WHATWG prescan. Reads one attribute starting at
// s[i]; returns false at '>' (consumed) or at the end of `s`.
bool get_attribute(std::string_view s, std::size_t& i, Attribute& a) {
  const std::size_t n = s.size();
  while (i < n && (is_ws(s[i]) || s[i] == '/')) ++i;
  if (i >= n) return false;
  if (s[i] == '>') {
    ++i;
    return false;
  }
  a.name.clear();
  a.value.clear();
  while (i < n) {  // the first character is neither space, '/' nor '>'
    const char c = s[i];
    if ((c == '=' && !a.name.empty()) || is_ws(c) || c == '/' || c == '>') break;
    a.name += lower(c);
    ++i;
  }
  while (i < n && is_ws(s[i])) ++i;
  if (i >= n || s[i] != '=') return true;  // no value
  ++i;
  while (i < n && is_ws(s[i])) ++i;
  if (i >= n) return true;
  const char quote = s[i];
  if (quote == '"' || quote == '\'') {
    ++i;
    while (i < n && s[i] != quote) a.value += lower(s[i++]);
    if (i < n) ++i;
  } else {
    while (i < n && !is_ws(s[i]) && s[i] != '>') a.value += lower(s[i++]);
  }
  return true;
}

// "Extracting a character encoding from a meta element": the charset in a
// content="text/html; charset=..." value (already lower case).
std::string charset_from_content(std::string_view v) {
  std::size_t pos = 0;
  while ((pos = v.find("charset", pos)) != std::string_view::npos) {
    std::size_t j = pos + 7;
    while (j < v.size() && is_ws(v[j])) ++j;
    if (j >= v.size() || v[j] != '=') {
      pos = j;
      continue;
    }
    ++j;
    while (j < v.size() && is_ws(v[j])) ++j;
    if (j >= v.size()) return "";
    if (v[j] == '"' || v[j] == '\'') {
      const std::size_t end = v.find(v[j], j + 1);
      if (end == std::string_view::npos) return "";
      return std::string(v.substr(j + 1, end - j - 1));
    }
    std::size_t end = j;
    while (end < v.size() && !is_ws(v[end]) && v[end] != ';') ++end;
    return std::string(v.substr(j, end - j));
  }
  return "";
}

// The WHATWG prescan for <meta>, over the first 1024 bytes.
std::string prescan_meta(std::string_view s) {
  s = s.substr(0, kPrescanBytes);
  const std::size_t n = s.size();
  std::size_t i = 0;
  Attribute a;
  while (i < n) {
    if (s.compare(i, 4, "<!--") == 0) {
      const std::size_t end = s.find("-->", i + 2);
      if (end == std::string_view::npos) return "";
      i = end + 3;
    } else if (starts_with_ci(s, i, "<meta") && i + 5 < n && (is_ws(s[i + 5]) || s[i + 5] == '/')) {
      i += 5;
      bool seen_http_equiv = false, seen_content = false, seen_charset = false;
      bool got_pragma = false, need_pragma = false;
      std::string charset;
      while (get_attribute(s, i, a)) {
        if (a.name == "http-equiv" && !seen_http_equiv) {
          seen_http_equiv = true;
          got_pragma = a.value == "content-type";
        } else if (a.name == "content" && !seen_content) {
          seen_content = true;
          if (charset.empty()) {
            charset = charset_from_content(a.value);
            need_pragma = !charset.empty();
          }
        } else if (a.name == "charset" && !seen_charset) {
          seen_charset = true;
          charset = a.value;
          need_pragma = false;
        }
      }
      charset = trim_ws(charset);
      if (!charset.empty() && (!need_pragma || got_pragma)) return charset;
    } else if (s[i] == '<' && i + 1 < n &&
               (is_alpha(s[i + 1]) || (s[i + 1] == '/' && i + 2 < n && is_alpha(s[i + 2])))) {
      // Another tag: skip its name and attributes (a quoted '>' does not end it).
      i += 2;
      while (i < n && !is_ws(s[i]) && s[i] != '>') ++i;
      while (get_attribute(s, i, a)) {
      }
    } else if (s.compare(i, 2, "<!") == 0 || s.compare(i, 2, "</") == 0 ||
               s.compare(i, 2, "<?") == 0) {
      const std::size_t end = s.find('>', i + 2);
      if (end == std::string_view::npos) return "";
      i = end + 1;
    } else {
      ++i;
    }
  }
  return "";
}

// encoding="..." in an XML declaration at the very start (XHTML).
std::string xml_declaration_encoding(std::string_view s) {
  if (s.compare(0, 5, "<?xml") != 0) return "";
  const std::size_t end = s.substr(0, kPrescanBytes).find("?>");
  if (end == std::string_view::npos) return "";
  const std::string_view decl = s.substr(0, end);
  std::size_t j = decl.find("encoding");
  if (j == std::string_view::npos) return "";
  j += 8;
  while (j < decl.size() && is_ws(decl[j])) ++j;
  if (j >= decl.size() || decl[j] != '=') return "";
  ++j;
  while (j < decl.size() && is_ws(decl[j])) ++j;
  if (j >= decl.size() || (decl[j] != '"' && decl[j] != '\'')) return "";
  const std::size_t close = decl.find(decl[j], j + 1);
  if (close == std::string_view::npos) return "";
  std::string label(decl.substr(j + 1, close - j - 1));
  for (char& c : label) c = lower(c);
  return trim_ws(label);
}

enum class Encoding { kUnknown, kUtf8, kCp1252, kIconv };

struct LabelEntry {
  const char* label;
  const char* iconv_name;  // nullptr: Windows-1252; "": UTF-8
};

// WHATWG labels of the encodings browsers support, for the names iconv does
// not spell the same way. ISO-8859-n and windows-125n are handled by pattern.
constexpr LabelEntry kLabels[] = {
    {"utf-8", ""}, {"utf8", ""}, {"unicode-1-1-utf-8", ""}, {"unicode11utf8", ""},
    {"unicode20utf8", ""}, {"x-unicode20utf8", ""},
    // A UTF-16 label without a BOM: the file was readable as ASCII, so UTF-8.
    {"utf-16", ""}, {"utf-16le", ""}, {"utf-16be", ""}, {"unicode", ""}, {"ucs-2", ""},
    {"csunicode", ""}, {"iso-10646-ucs-2", ""}, {"unicodefeff", ""}, {"unicodefffe", ""},
    {"windows-1252", nullptr}, {"cp1252", nullptr}, {"x-cp1252", nullptr},
    {"iso-8859-1", nullptr}, {"iso8859-1", nullptr}, {"iso88591", nullptr},
    {"iso_8859-1", nullptr}, {"iso_8859-1:1987", nullptr}, {"latin1", nullptr}, {"l1", nullptr},
    {"us-ascii", nullptr}, {"ascii", nullptr}, {"ansi_x3.4-1968", nullptr}, {"cp819", nullptr},
    {"ibm819", nullptr}, {"csisolatin1", nullptr}, {"iso-ir-100", nullptr},
    {"x-user-defined", nullptr},
    {"iso-8859-9", "WINDOWS-1254"}, {"iso8859-9", "WINDOWS-1254"}, {"latin5", "WINDOWS-1254"},
    {"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"}, {"windows-874", "WINDOWS-874"},
    {"latin2", "ISO-8859-2"}, {"l2", "ISO-8859-2"}, {"latin3", "ISO-8859-3"},
    {"latin4", "ISO-8859-4"}, {"cyrillic", "ISO-8859-5"}, {"arabic", "ISO-8859-6"},
    {"greek", "ISO-8859-7"}, {"hebrew", "ISO-8859-8"}, {"latin6", "ISO-8859-10"},
    {"koi8-r", "KOI8-R"}, {"koi8r", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi", "KOI8-R"},
    {"cskoi8r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"koi8-ru", "KOI8-U"},
    {"ibm866", "IBM866"}, {"cp866", "IBM866"}, {"866", "IBM866"},
    {"macintosh", "MACINTOSH"}, {"mac", "MACINTOSH"}, {"x-mac-roman", "MACINTOSH"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"x-mac-ukrainian", "MAC-CYRILLIC"},
    {"gbk", "GBK"}, {"x-gbk", "GBK"}, {"gb2312", "GBK"}, {"gb_2312-80", "GBK"},
    {"chinese", "GBK"}, {"csgb2312", "GBK"}, {"iso-ir-58", "GBK"}, {"gb18030", "GB18030"},
    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
    {"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"}, {"iso-2022-jp", "ISO-2022-JP"},
    {"csiso2022jp", "ISO-2022-JP"},
    {"shift_jis", "WINDOWS-31J"}, {"shift-jis", "WINDOWS-31J"}, {"sjis", "WINDOWS-31J"},
    {"ms_kanji", "WINDOWS-31J"}, {"ms932", "WINDOWS-31J"}, {"windows-31j", "WINDOWS-31J"},
    {"x-sjis", "WINDOWS-31J"}, {"csshiftjis", "WINDOWS-31J"},
    {"euc-kr", "CP949"}, {"korean", "CP949"}, {"ks_c_5601-1987", "CP949"},
    {"ks_c_5601-1989", "CP949"}, {"ksc5601", "CP949"}, {"windows-949", "CP949"},
    {"cseuckr", "CP949"},
};

Encoding resolve_label(const std::string& label, std::string& iconv_name) {
  for (const LabelEntry& e : kLabels) {
    if (label == e.label) {
      if (e.iconv_name == nullptr) return Encoding::kCp1252;
      if (*e.iconv_name == '\0') return Encoding::kUtf8;
      iconv_name = e.iconv_name;
      return Encoding::kIconv;
    }
  }
  // iso-8859-N / iso8859-N / iso_8859-N, windows-125N / cp125N / x-cp125N.
  auto digits_after = [&](std::string_view prefix) -> std::string {
    if (label.compare(0, prefix.size(), prefix) != 0) return "";
    std::string rest = label.substr(prefix.size());
    if (rest.empty() || rest.size() > 2) return "";
    for (const char c : rest) {
      if (c < '0' || c > '9') return "";
    }
    return rest;
  };
  for (const char* prefix : {"iso-8859-", "iso8859-", "iso_8859-", "iso8859"}) {
    const std::string d = digits_after(prefix);
    if (d.empty()) continue;
    const int n = std::stoi(d);
    if (n >= 2 && n <= 16 && n != 12 && n != 9 && n != 11) {
      iconv_name = "ISO-8859-" + d;
      return Encoding::kIconv;
    }
  }
  for (const char* prefix : {"windows-125", "cp125", "x-cp125"}) {
    const std::string d = digits_after(prefix);
    if (d.size() == 1 && d[0] != '2' && d[0] != '9') {
      iconv_name = "WINDOWS-125" + d;
      return Encoding::kIconv;
    }
  }
  return Encoding::kUnknown;
}

// Appends `in` decoded by iconv; false when iconv does not know `name`.
// Bytes iconv rejects become U+FFFD.
bool append_iconv(std::string& out, const std::string& name, std::string_view in) {
  iconv_t cd = iconv_open("UTF-8", name.c_str());
  if (cd == reinterpret_cast<iconv_t>(-1)) return false;
  struct Closer {
    iconv_t cd;
    ~Closer() { iconv_close(cd); }
  } closer{cd};
  std::string raw;
  raw.reserve(in.size() + in.size() / 2);
  char buf[16384];
  char* inp = const_cast<char*>(in.data());
  std::size_t in_left = in.size();
  while (in_left > 0) {
    char* outp = buf;
    std::size_t out_left = sizeof buf;
    const std::size_t r = iconv(cd, &inp, &in_left, &outp, &out_left);
    const int err = errno;
    raw.append(buf, static_cast<std::size_t>(outp - buf));
    if (r != static_cast<std::size_t>(-1)) continue;
    if (err == E2BIG) continue;
    codec::append_utf8(raw, codec::kReplacement);
    if (err != EILSEQ) break;  // EINVAL: a truncated sequence at the end
    ++inp;
    --in_left;
  }
  char* outp = buf;
  std::size_t out_left = sizeof buf;
  iconv(cd, nullptr, nullptr, &outp, &out_left);  // a final shift sequence, if any
  raw.append(buf, static_cast<std::size_t>(outp - buf));
  codec::append_utf8_repaired(out, raw);  // iconv's output should be valid; make sure
  return true;
}

void remove_nuls(std::string& s) {
  if (s.find('\0') == std::string::npos) return;
  std::size_t w = 0;
  for (const char c : s) {
    if (c != '\0') s[w++] = c;
  }
  s.resize(w);
}

}  // namespace

std::string declared_charset(std::string_view bytes) {
  std::string label = prescan_meta(bytes);
  if (label.empty()) label = xml_declaration_encoding(bytes);
  return label;
}

DecodedHtml decode_html(std::string_view bytes) {
  DecodedHtml d;
  const codec::Bom bom = codec::detect_bom(bytes);
  // FF FE 00 00 (UTF-32 LE) is read as UTF-16 LE with the NUL units dropped,
  // which is right for BMP text; 00 00 FE FF is not a BOM browsers know.
  if (bom == codec::Bom::kUtf16Le || bom == codec::Bom::kUtf16Be || bom == codec::Bom::kUtf32Le) {
    const bool be = bom == codec::Bom::kUtf16Be;
    codec::append_utf16(d.storage, bytes.substr(2), be, /*strict=*/false);
    d.encoding = be ? "UTF-16BE" : "UTF-16LE";
  } else {
    const std::size_t skip = bom == codec::Bom::kUtf8 ? 3 : 0;
    const std::string_view body = bytes.substr(skip);
    Encoding enc = Encoding::kUnknown;
    std::string iconv_name;
    if (bom == codec::Bom::kUtf8) {
      enc = Encoding::kUtf8;
    } else {
      const std::string label = declared_charset(body);
      if (!label.empty()) enc = resolve_label(label, iconv_name);
    }
    const bool valid_utf8 = codec::utf8_first_invalid(body) == codec::kNpos;
    if (enc == Encoding::kUnknown) enc = valid_utf8 ? Encoding::kUtf8 : Encoding::kCp1252;
    if (enc == Encoding::kIconv && !append_iconv(d.storage, iconv_name, body)) {
      enc = valid_utf8 ? Encoding::kUtf8 : Encoding::kCp1252;
    }
    switch (enc) {
      case Encoding::kUtf8:
        d.encoding = "UTF-8";
        if (valid_utf8 && std::memchr(body.data(), 0, body.size()) == nullptr) {
          d.text = body;
          d.offsets_exact = true;
          d.offset_base = skip;
          return d;
        }
        codec::append_utf8_repaired(d.storage, body);
        break;
      case Encoding::kCp1252:
        d.encoding = "windows-1252";
        codec::append_cp1252(d.storage, body);
        break;
      case Encoding::kIconv:
        d.encoding = iconv_name;
        break;
      case Encoding::kUnknown:
        break;
    }
  }
  remove_nuls(d.storage);
  d.text = d.storage;
  return d;
}

}  // namespace ra::html
