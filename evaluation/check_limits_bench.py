"""Plan checks of ``chinhsach serve`` under large uploads: time and the server's peak memory.

    PYTHONPATH=src CHINHSACH_MODELS=/work/main/models .venv/bin/python evaluation/check_limits_bench.py [--write]

Builds an index over ``corpus/`` and the illustrative plans (``evaluation/fixtures/``) (in a temporary folder), starts ``chinhsach serve`` on a
loopback port in its own process and posts, one at a time:

- ``20 MB text``: 20 MB of plan text (the upload limit): refused by the text-size limit;
- ``20 MB DOCX bomb``: a DOCX body of repeated paragraphs padded to 20 MB of stored XML;
- ``1M-paragraph DOCX``: 130 KB on disk, a million paragraphs inside;
- ``near the limits``: a synthetic plan under the check limits (110 000 characters, ~550
  task paragraphs: distinct sentences made by reshuffling the district plan's words);
- ``real plan``: the illustrative district plan (15 KB).

For each: HTTP status, wall time, and the server's peak resident memory (VmHWM, read from
/proc; the peak of the whole process since start, so rows are cumulative).
"""

from __future__ import annotations

import argparse
import io
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
COMMAND = ("PYTHONPATH=src CHINHSACH_MODELS=/work/main/models .venv/bin/python "
           "evaluation/check_limits_bench.py --write")
SEED = "sonla-ke-hoach-thuc-hien-nq-42-nq-tw"
DISTRICT = ROOT / "evaluation" / "fixtures" / "minh-hoa-huyen-uy-ke-hoach-58.txt"


def synthetic_plan(chars: int) -> str:
    words = DISTRICT.read_text(encoding="utf-8").split()
    rng = random.Random(0)
    head = ("ĐẢNG BỘ HUYỆN THỬ\nSố 99-KH/HU\n\nKẾ HOẠCH\nthực hiện Kế hoạch số 245-KH/TU\n\n"
            "I- MỤC TIÊU\n\n- Đến năm 2030, 100% hộ dân được sử dụng nước sạch.\n\n"
            "II- NHIỆM VỤ, GIẢI PHÁP\n\n")
    parts = [head]
    size = len(head)
    n = 0
    while size < chars:
        n += 1
        sentence = " ".join(rng.choice(words) for _ in range(rng.randint(25, 60)))
        para = f"{n}. {sentence[0].upper()}{sentence[1:]}.\n\n"
        parts.append(para)
        size += len(para)
    return "".join(parts)[:chars]


def pdf_pages(pages: int, filler: int) -> bytes:
    """A valid PDF of ``pages`` pages, each drawing one line and carrying ``filler`` bytes of
    comment in its content stream (to reach a given file size)."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    for i in range(pages):
        content = b"BT /F1 12 Tf 72 720 Td (Ke hoach trang " + str(i).encode() + b") Tj ET\n"
        content += b"%" + b"x" * filler + b"\n"
        objs.append(b"<< /Length " + str(len(content)).encode() + b" >>\nstream\n" + content + b"endstream")
        stream_id = len(objs)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents "
                    + str(stream_id).encode() + b" 0 R >>")
        kids.append(len(objs))
    objs[1] = (b"<< /Type /Pages /Kids [" + b" ".join(str(k).encode() + b" 0 R" for k in kids)
               + b"] /Count " + str(pages).encode() + b" >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += str(n).encode() + b" 0 obj\n" + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 " + str(len(objs) + 1).encode() + b"\n0000000000 65535 f \n"
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (b"trailer\n<< /Size " + str(len(objs) + 1).encode() + b" /Root 1 0 R >>\nstartxref\n"
            + str(xref).encode() + b"\n%%EOF\n")
    return bytes(out)


def docx_with_body(paragraph: str, count: int, stored: bool = False) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph("Kế hoạch")
    buf = io.BytesIO()
    d.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "word/document.xml":
                head, _, tail = data.decode().partition("<w:body>")
                body = f"<w:p><w:r><w:t>{paragraph}</w:t></w:r></w:p>" * count
                data = (head + "<w:body>" + body + tail).encode()
            zf.writestr(info.filename, data)
    return out.getvalue()


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        text = (task / "children").read_text().split()
        out += [int(c) for c in text]
    return out


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    import httpx

    from chinhsach import build_index

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--write", action="store_true", help="update evaluation/RESULTS.md")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="chinhsach-bench-") as tmp:
        index = Path(tmp) / "idx"
        build_index([ROOT / "corpus", *sorted((ROOT / "evaluation" / "fixtures").glob("minh-hoa-*.txt"))], index)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        server = subprocess.Popen(
            [sys.executable, "-c", "from chinhsach.cli import main; main()", "serve",
             "--index", str(index), "--port", str(port), "--max-upload-mb", "20"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    if httpx.get(base + "/api/status", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            start_rss = rss_mb(server.pid)
            big_text = synthetic_plan(20 * 1024 * 1024).encode("utf-8")[:20 * 1024 * 1024 - 100_000]
            cases = [
                ("real plan (15 KB), first check: loads the model", "kh58.txt", DISTRICT.read_bytes()),
                ("20 MB text", "plan.txt", big_text),
                ("20 MB DOCX, stored (uncompressed) XML", "plan.docx",
                 docx_with_body("Thực hiện nhiệm vụ phát triển kinh tế xã hội " * 4, 68_000, stored=True)),
                ("DOCX with 90 000 paragraphs (deflated)", "plan.docx",
                 docx_with_body("Thực hiện nhiệm vụ " * 3, 90_000)),
                ("1M-paragraph DOCX", "bomb.docx", docx_with_body("a", 1_000_000)),
                ("20 MB PDF, 2 000 pages", "plan.pdf", pdf_pages(2000, 10_000)),
                ("near the limits (110 000 chars, ~550 paragraphs)", "max.txt",
                 synthetic_plan(110_000).encode("utf-8")),
            ]
            rows = []
            for label, name, data in cases:
                t0 = time.perf_counter()
                r = httpx.post(base + "/api/check", data={"parent": SEED},
                               files={"file": (name, data, "application/octet-stream")}, timeout=600)
                seconds = time.perf_counter() - t0
                why = r.json().get("detail", "")[:90] if r.status_code != 200 else "checked"
                kids = children(server.pid)
                worker = max((peak_rss_mb(k) for k in kids), default=0.0)
                server_peak = peak_rss_mb(server.pid)
                rows.append(f"| {label} | {len(data) / 1e6:.2f} MB | {r.status_code} | {seconds:.2f} s "
                            f"| {server_peak:.0f} MB | {worker:.0f} MB | {server_peak + worker:.0f} MB "
                            f"| {why} |")
                print(rows[-1], flush=True)
        finally:
            server.terminate()
            server.wait(10)
    body = "\n".join([
        f"Server resident memory after start and warm-up: {start_rss:.0f} MB. Peak = VmHWM of the "
        "server process and of its parse worker process (started by the first check), cumulative "
        "over the rows, in order.", "",
        "| upload | size | status | time | server peak RSS | parse worker peak RSS | sum | outcome |",
        "|---|---|---|---|---|---|---|---|",
        *rows])
    print(body)
    if args.write:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        from results_md import replace_section

        replace_section("Plan check under large uploads (web server)", f"Command: `{COMMAND}`\n\n{body}")


if __name__ == "__main__":
    main()
