"""Writes the small hand-built PDFs of the `pdf` seed corpus: one page of text, two pages sharing
a font, and a page whose content stream is FlateDecode-compressed. Run by run.sh; `pdf` and
`stream` are also imported by benches/pathological.sh."""
import sys
import zlib


def pdf(objects):
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
TEXT = (b"BT /F1 11 Tf 72 720 Td (1. Licence.) Tj 0 -14 Td (Customer grants Vendor a perpetual licence "
        b"to use Customer Data to train its models.) Tj 0 -14 Td (2. Termination. Vendor may terminate "
        b"at any time.) Tj ET")


def one_page(content, extra=b""):
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        stream(content, extra),
        FONT,
    ])


def two_pages():
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
        b"/Resources << /Font << /F1 7 0 R >> >> >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 6 0 R "
        b"/Resources << /Font << /F1 7 0 R >> >> >>",
        stream(TEXT),
        stream(b"BT /F1 11 Tf 72 720 Td (3. Governing law. \\(a\\) England.) Tj ET"),
        FONT,
    ])


if __name__ == "__main__":
    out = sys.argv[1]
    with open(out + "/one-page.pdf", "wb") as f:
        f.write(one_page(TEXT))
    with open(out + "/two-pages.pdf", "wb") as f:
        f.write(two_pages())
    with open(out + "/flate.pdf", "wb") as f:
        f.write(one_page(zlib.compress(TEXT), b"/Filter /FlateDecode "))
