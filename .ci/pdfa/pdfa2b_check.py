#!/usr/bin/env python3
"""Fallback PDF/A-2b checker (NOT veraPDF): implements the subset of veraPDF's PDFA-2B profile rules
that matter for printpdf/lopdf output, using veraPDF's rule ids and descriptions.
Usage: pdfa2b_check.py FILE.pdf  -> exit 0 compliant (for the checked rules), 1 not, 2 error."""
import collections, io, re, sys, time
import xml.etree.ElementTree as ET
import pikepdf
from fontTools.ttLib import TTFont

DESC = {
 "6.1.2-1": "The file header shall begin at byte zero and shall consist of \"%PDF-1.n\" followed by a single EOL marker",
 "6.1.2-2": "The EOL marker shall be immediately followed by a % character followed by at least four bytes > 127",
 "6.1.3-1": "The file trailer dictionary shall contain the ID keyword",
 "6.1.3-2": "The keyword Encrypt shall not be used in the trailer dictionary",
 "6.1.3-3": "No data can follow the last end-of-file marker except a single optional end-of-line marker",
 "6.1.7-1": "The value of the Length key shall match the number of bytes between stream and endstream",
 "6.1.7-2": "stream shall be followed by CRLF or LF; endstream shall be preceded by an EOL marker",
 "6.1.7-3": "A stream dictionary shall not contain the F, FFilter, or FDecodeParms keys",
 "6.1.7-4": "Standard filters only, no LZWDecode, Crypt only with Identity",
 "6.1.9-1": "obj/endobj keywords and object/generation numbers shall be separated/followed by the prescribed EOL/space",
 "6.1.13-3": "A conforming file shall not contain any string longer than 32767 bytes",
 "6.1.13-8": "A conforming file shall not nest q/Q pairs by more than 28 nesting levels",
 "6.2.2-1": "Content streams shall not contain any operators not defined in ISO 32000-1",
 "6.2.3-1": "The DestOutputProfile shall be an output (prtr) or monitor (mntr) profile with GRAY, RGB or CMYK colour space, ICC version < 5",
 "6.2.3-2": "If OutputIntents contains more than one entry, all DestOutputProfile values shall be the same indirect object",
 "6.2.4.3-2": "DeviceRGB shall only be used if a DefaultRGB colour space has been set or the file has a PDF/A OutputIntent with an RGB destination profile",
 "6.2.4.3-3": "DeviceCMYK shall only be used if a DefaultCMYK colour space has been set or the file has a PDF/A OutputIntent with a CMYK destination profile",
 "6.2.4.3-4": "DeviceGray shall only be used if a DefaultGray colour space has been set or a PDF/A OutputIntent is present",
 "6.2.5-1": "An ExtGState dictionary shall not contain the TR key",
 "6.2.5-3": "An ExtGState dictionary shall not contain the HTP key",
 "6.2.8-3": "If an Image dictionary contains the Interpolate key, its value shall be false",
 "6.2.10-2": "Without a PDF/A OutputIntent, pages containing transparency shall have a Group with a CS entry",
 "6.2.11.2-1": "Font dictionary Type shall be Font",
 "6.2.11.3-2": "Embedded Type 2 CIDFonts shall contain a CIDToGIDMap entry",
 "6.2.11.4-1": "The font programs for all fonts used for rendering shall be embedded",
 "6.2.11.4-2": "Embedded fonts shall define all glyphs referenced for rendering",
 "6.2.11.5-1": "Glyph width information in the font dictionary and in the embedded font program shall be consistent",
 "6.2.11.8-1": "A PDF/A-2 document shall not reference the .notdef glyph from any text showing operator",
 "6.3.2-1": "Except for Popup annotations, all annotation dictionaries shall contain the F key",
 "6.5.2-1": "The document's Catalog shall not include an AA entry",
 "6.6.2.1-1": "The Catalog shall contain the Metadata key whose value is a metadata stream",
 "6.6.2.1-2": "The bytes attribute shall not be used in the header of an XMP packet",
 "6.6.2.1-3": "The encoding attribute shall not be used in the header of an XMP packet",
 "6.6.2.1-4": "All content of all XMP packets shall be well-formed XML/RDF",
 "6.6.2.3-7": "All XMP properties shall use predefined schemas or extension schemas that comply with 6.6.2.3.2",
 "6.6.4-1": "The PDF/A version and conformance level shall be specified using the PDF/A Identification schema",
 "6.6.4-2": "The value of pdfaid:part shall be 2",
 "6.6.4-3": "pdfaid:conformance shall be A, B or U",
}
OPS = set("b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf TJ Tj TL Tm Tr Ts Tw Tz v w W W* y ' \"".split())
NS_OK = {"http://purl.org/dc/elements/1.1/", "http://ns.adobe.com/xap/1.0/", "http://ns.adobe.com/pdf/1.3/",
         "http://www.aiim.org/pdfa/ns/id/", "http://ns.adobe.com/xap/1.0/mm/", "http://ns.adobe.com/xap/1.0/rights/",
         "http://ns.adobe.com/xap/1.0/sType/ResourceRef#", "http://ns.adobe.com/photoshop/1.0/",
         "http://www.aiim.org/pdfa/ns/extension/", "http://ns.adobe.com/xap/1.0/bj/", "http://ns.adobe.com/exif/1.0/",
         "http://ns.adobe.com/tiff/1.0/", "http://ns.adobe.com/xap/1.0/t/pg/"}
RDF = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"

fails = collections.Counter()
def fail(rule, n=1): fails[rule] += n

def check_file_structure(raw, pdf):
    if not re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)", raw): fail("6.1.2-1")
    m = re.match(rb"%PDF-1\.\d(?:\r\n|\r|\n)%(....)", raw, re.S)
    if not m or any(b <= 127 for b in m.group(1)): fail("6.1.2-2")
    if "/ID" not in pdf.trailer: fail("6.1.3-1")
    if "/Encrypt" in pdf.trailer: fail("6.1.3-2")
    eof = raw.rfind(b"%%EOF")
    if raw[eof + 5:] not in (b"", b"\n", b"\r", b"\r\n"): fail("6.1.3-3")
    for m in re.finditer(rb"(\d+)(\s+)(\d+)(\s+)obj(\s)", raw):
        if m.group(2) != b" " or m.group(4) != b" " or m.group(5) not in (b"\n", b"\r") or (m.start() and raw[m.start()-1:m.start()] not in b"\r\n"):
            fail("6.1.9-1")
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Stream): continue
        d = obj.stream_dict
        if any(k in d for k in ("/F", "/FFilter", "/FDecodeParms")): fail("6.1.7-3")
        flt = d.get("/Filter")
        flts = [str(f) for f in (flt if isinstance(flt, pikepdf.Array) else [flt] if flt is not None else [])]
        if any(f not in ("/ASCIIHexDecode", "/ASCII85Decode", "/FlateDecode", "/RunLengthDecode", "/CCITTFaxDecode",
                         "/JBIG2Decode", "/DCTDecode", "/JPXDecode") for f in flts): fail("6.1.7-4")
        num, gen = obj.objgen
        if num == 0: continue
        m = re.search(rb"(?<![0-9])%d %d obj" % (num, gen), raw)
        if not m: continue
        s = raw.find(b"stream", m.end())
        after = raw[s + 6:s + 8]
        if not (after.startswith(b"\n") or after == b"\r\n"): fail("6.1.7-2"); continue
        start = s + 6 + (2 if after == b"\r\n" else 1)
        e = raw.find(b"endstream", start)
        if raw[e - 1:e] not in (b"\n", b"\r"): fail("6.1.7-2")
        body = e - start - (2 if raw[e - 2:e] == b"\r\n" else 1 if raw[e - 1:e] in (b"\n", b"\r") else 0)
        if int(d.get("/Length", -1)) != body: fail("6.1.7-1")

def output_intent(pdf):
    ois = pdf.Root.get("/OutputIntents", [])
    profs = {o.get("/DestOutputProfile").objgen for o in ois if o.get("/DestOutputProfile") is not None}
    if len(profs) > 1: fail("6.2.3-2")
    for o in ois:
        prof = o.get("/DestOutputProfile")
        if prof is None: continue
        h = prof.read_bytes()[:128]
        cls, cs, ver = h[12:16], h[16:20], h[8]
        if str(o.get("/S")) == "/GTS_PDFA1":
            if cls not in (b"prtr", b"mntr") or cs not in (b"GRAY", b"RGB ", b"CMYK") or ver >= 5: fail("6.2.3-1")
            return cs.decode().strip()
    return None  # no PDF/A output intent (S must be /GTS_PDFA1)

def check_fonts_and_content(pdf, out_cs):
    allowed = {"RGB": out_cs == "RGB", "CMYK": out_cs == "CMYK", "Gray": out_cs is not None}
    font_cache = {}
    def font_info(fd):
        key = fd.objgen if fd.is_indirect else id(fd)
        if key in font_cache: return font_cache[key]
        info = None
        if fd.get("/Type") != "/Font": fail("6.2.11.2-1")
        if fd.get("/Subtype") == "/Type0":
            d = fd.DescendantFonts[0]
            desc = d.get("/FontDescriptor", {})
            ff = desc.get("/FontFile2") or desc.get("/FontFile3") or desc.get("/FontFile")
            if ff is None: fail("6.2.11.4-1")
            elif d.get("/Subtype") == "/CIDFontType2":
                if "/CIDToGIDMap" not in d: fail("6.2.11.3-2")
                tt = TTFont(io.BytesIO(ff.read_bytes()), lazy=True)
                upm, order = tt["head"].unitsPerEm, tt.getGlyphOrder()
                widths, W, k = {}, list(d.get("/W", [])), 0
                while k < len(W):
                    if isinstance(W[k + 1], pikepdf.Array):
                        for j, w in enumerate(W[k + 1]): widths[int(W[k]) + j] = float(w)
                        k += 2
                    else:
                        for c in range(int(W[k]), int(W[k + 1]) + 1): widths[c] = float(W[k + 2])
                        k += 3
                m = d.get("/CIDToGIDMap")
                c2g = (lambda c: c) if (m is None or m == "/Identity") else \
                    (lambda c, b=m.read_bytes(): int.from_bytes(b[2*c:2*c+2], "big") if 2*c+2 <= len(b) else 0)
                info = dict(tt=tt, upm=upm, order=order, widths=widths, dw=float(d.get("/DW", 1000)), c2g=c2g)
        elif "/FontDescriptor" in fd:
            desc = fd.FontDescriptor
            if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")): fail("6.2.11.4-1")
        font_cache[key] = info
        return info

    for page in pdf.pages:
        res = page.obj.get("/Resources", {})
        for gs in res.get("/ExtGState", {}).values():
            if "/TR" in gs: fail("6.2.5-1")
            if "/HTP" in gs: fail("6.2.5-3")
            if not out_cs and (gs.get("/SMask", "/None") != "/None" or float(gs.get("/CA", 1)) < 1 or float(gs.get("/ca", 1)) < 1) \
                    and "/CS" not in page.obj.get("/Group", {}): fail("6.2.10-2")
        for xo in res.get("/XObject", {}).values():
            if xo.get("/Subtype") == "/Image":
                if xo.get("/Interpolate") is True: fail("6.2.8-3")
                cs = str(xo.get("/ColorSpace", ""))
                for name, rule in (("/DeviceRGB", "6.2.4.3-2"), ("/DeviceCMYK", "6.2.4.3-3"), ("/DeviceGray", "6.2.4.3-4")):
                    if cs == name and not allowed[name[7:]]: fail(rule)
        fill = stroke = "Gray"; stack = []; depth = 0; font = None
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op not in OPS: fail("6.2.2-1"); continue
            if op == "q":
                stack.append((fill, stroke, font)); depth += 1
                if depth > 28: fail("6.1.13-8")
            elif op == "Q" and stack: fill, stroke, font = stack.pop(); depth -= 1
            elif op in ("rg", "k", "g"): fill = {"rg": "RGB", "k": "CMYK", "g": "Gray"}[op]
            elif op in ("RG", "K", "G"): stroke = {"RG": "RGB", "K": "CMYK", "G": "Gray"}[op]
            elif op in ("cs", "CS"):
                n = str(operands[0]); v = {"/DeviceRGB": "RGB", "/DeviceCMYK": "CMYK", "/DeviceGray": "Gray"}.get(n, "other")
                if op == "cs": fill = v
                else: stroke = v
            elif op == "Tf": font = res.get("/Font", {}).get(str(operands[0]))
            # a painting operator uses the current device colour space -> one check (veraPDF model semantics)
            used = []
            if op in ("f", "F", "f*", "Tj", "TJ", "'", '"'): used = [fill]
            elif op in ("S", "s"): used = [stroke]
            elif op in ("b", "B", "b*", "B*"): used = [fill, stroke]
            for u in used:
                if u in allowed and not allowed[u]:
                    fail({"RGB": "6.2.4.3-2", "CMYK": "6.2.4.3-3", "Gray": "6.2.4.3-4"}[u])
            if op in ("Tj", "TJ", "'", '"') and font is not None:
                info = font_info(font)
                if info is None: continue
                strs = [operands[-1]] if op != "TJ" else [x for x in operands[0] if isinstance(x, pikepdf.String)]
                for s in strs:
                    b = bytes(s)
                    for i in range(0, len(b) - 1, 2):
                        cid = int.from_bytes(b[i:i + 2], "big"); gid = info["c2g"](cid)
                        if gid >= len(info["order"]): fail("6.2.11.4-2"); continue
                        if gid == 0: fail("6.2.11.8-1"); continue
                        fw = info["tt"]["hmtx"][info["order"][gid]][0] * 1000.0 / info["upm"]
                        if abs(info["widths"].get(cid, info["dw"]) - fw) > 1: fail("6.2.11.5-1")
        for a in page.obj.get("/Annots", []):
            if a.get("/Subtype") != "/Popup" and "/F" not in a: fail("6.3.2-1")

def check_metadata(pdf):
    if "/AA" in pdf.Root: fail("6.5.2-1")
    md = pdf.Root.get("/Metadata")
    if not isinstance(md, pikepdf.Stream): fail("6.6.2.1-1"); fail("6.6.4-1"); return
    data = md.read_bytes()
    hdr = re.search(rb"<\?xpacket[^>]*\?>", data)
    if hdr and b"bytes=" in hdr.group(0): fail("6.6.2.1-2")
    if hdr and b"encoding=" in hdr.group(0): fail("6.6.2.1-3")
    try:
        root = ET.fromstring(re.sub(rb"<\?xpacket[^>]*\?>", b"", data))
    except ET.ParseError:
        fail("6.6.2.1-4"); return
    props = {}
    for desc in root.iter(RDF + "Description"):
        for k, v in desc.attrib.items():
            if not k.startswith(RDF) and not k.startswith("{http://www.w3.org/XML"): props[k] = v
        for child in desc:
            props[child.tag] = (child.text or "").strip()
    for tag in props:
        ns = tag[1:].split("}")[0]
        if ns not in NS_OK: fail("6.6.2.3-7")
    part = props.get("{http://www.aiim.org/pdfa/ns/id/}part")
    conf = props.get("{http://www.aiim.org/pdfa/ns/id/}conformance")
    if part is None: fail("6.6.4-1"); return
    if part != "2": fail("6.6.4-2")
    if conf not in ("A", "B", "U"): fail("6.6.4-3")

def main():
    if len(sys.argv) != 2: print(__doc__, file=sys.stderr); return 2
    t0 = time.time(); path = sys.argv[1]
    try:
        raw = open(path, "rb").read()
        pdf = pikepdf.open(path)
        check_file_structure(raw, pdf)
        out_cs = output_intent(pdf)
        check_fonts_and_content(pdf, out_cs)
        check_metadata(pdf)
    except Exception as e:  # noqa: BLE001
        print(f"ERROR: {e!r}", file=sys.stderr); return 2
    key = lambda r: [int(x) for x in re.split(r"[.-]", r)]
    for rule in sorted(fails, key=key):
        print(f"FAILED {rule} ({fails[rule]} checks): {DESC[rule]}")
    ok = not fails
    print(f"{'PASS' if ok else 'FAIL'}: {path}, PDF/A-2b, fallback checker (not veraPDF), "
          f"{len(fails)} rule(s) failed, {time.time() - t0:.1f}s")
    return 0 if ok else 1

if __name__ == "__main__":
    sys.exit(main())
