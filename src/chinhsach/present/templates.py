"""The HTML pages, as Jinja2 templates kept in Python (autoescaped: every value is escaped).

They carry no inline script or style: the Content-Security-Policy of the app allows only the
package's own ``/static/style.css`` and ``/static/app.js``.
"""

from __future__ import annotations

from typing import Any

from jinja2 import DictLoader, Environment, StrictUndefined, select_autoescape

from chinhsach.present import render

BASE = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{% block title %}{% endblock %} · Tra cứu văn bản chính sách</title>
<link rel="stylesheet" href="/static/style.css">
<script src="/static/app.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="/">Tra cứu văn bản chính sách</a>
  <nav aria-label="Chức năng">
    {% for key, href, label in [("search", "/", "Tìm kiếm"), ("documents", "/documents", "Văn bản"),
                                ("units", "/units", "Đơn vị"), ("check", "/check", "Kiểm tra kế hoạch")] %}
    <a href="{{ href }}"{% if nav == key %} aria-current="page"{% endif %}>{{ label }}</a>
    {% endfor %}
  </nav>
</header>
<main>
{% block main %}{% endblock %}
</main>
<footer>
  Chạy trên máy này, không cần Internet · {% if generation %}chỉ mục {{ generation }} · {% endif %}
  <a href="/openapi.json">API (OpenAPI)</a>
</footer>
</body>
</html>
"""

ERROR = """{% extends "base.html" %}
{% block title %}Lỗi {{ status }}{% endblock %}
{% block main %}
<section class="error" role="alert">
  <h1>{{ heading }}</h1>
  <p class="message">{{ message }}</p>
  {% if suggestions %}<p>Có thể bạn muốn tìm:</p>
  <ul>{% for s in suggestions %}<li><a href="/unit?name={{ s | urlencode }}">{{ s }}</a></li>{% endfor %}</ul>{% endif %}
  <p><a href="{{ back or '/' }}">← Quay lại</a></p>
</section>
{% endblock %}
"""

SEARCH = """{% extends "base.html" %}
{% block title %}{{ q or "Tìm kiếm" }}{% endblock %}
{% block main %}
{% macro evidence(e) %}
<blockquote class="evidence"><a href="{{ doc_url(e.doc_id, e.section) }}">{{ titles.get(e.doc_id, e.doc_id) | truncate(70) }} · mục {{ e.section or "—" }}</a>
  <p>{{ marked(e.text, topic, none, words) }}</p></blockquote>
{% endmacro %}
{% macro responsible(group) %}
<li class="unit-answer">
  {% for r in group %}
  <div class="unit-line"><a class="unit-name" href="/unit?name={{ r.unit | urlencode }}">{{ r.unit }}</a>
    <span class="role role-{{ r.role }}">{{ roles.get(r.role, r.role) }}</span>
    {% if not r.explicit %}<span class="badge inherited">giao chung</span>{% else %}<span class="badge explicit">đích danh</span>{% endif %}
  </div>
  {% endfor %}
  {% set r = group[0] %}
  {% for e in r.evidence[:1] %}{{ evidence(e) }}{% endfor %}
  {% if r.evidence | length > 1 %}
  <details class="more"><summary>Thêm {{ r.evidence | length - 1 }} căn cứ</summary>
    {% for e in r.evidence[1:] %}{{ evidence(e) }}{% endfor %}
  </details>
  {% endif %}
</li>
{% endmacro %}
<form class="search" method="get" action="/" role="search">
  <label class="visually-hidden" for="q">Câu hỏi hoặc từ khóa</label>
  <input id="q" name="q" type="search" value="{{ q }}" autofocus autocomplete="off" maxlength="1000"
         placeholder="Ví dụ: chỉ tiêu bảo hiểm y tế 2030, ai chịu trách nhiệm về nước sạch (gõ có dấu hoặc không dấu)">
  <button type="submit">Tìm</button>
  <fieldset class="filters">
    <legend>Lọc kết quả</legend>
    <label>Văn bản
      <select name="doc" data-autosubmit>
        <option value="">Tất cả</option>
        {% for d in documents %}<option value="{{ d.doc_id }}"{% if d.doc_id == doc %} selected{% endif %}>{{ titles.get(d.doc_id, d.title) | truncate(70) }}</option>{% endfor %}
      </select></label>
    <label>Loại
      <select name="kind" data-autosubmit>
        <option value="">Tất cả</option>
        {% for k, label in kinds.items() %}<option value="{{ k }}"{% if k == kind %} selected{% endif %}>{{ label }}</option>{% endfor %}
      </select></label>
    <label>Đơn vị
      <select name="unit" data-autosubmit>
        <option value="">Tất cả</option>
        {% for u in units %}<option value="{{ u }}"{% if u == unit %} selected{% endif %}>{{ u }}</option>{% endfor %}
      </select></label>
    <label>Năm
      <select name="year" data-autosubmit>
        <option value="">Tất cả</option>
        {% for y in years %}<option value="{{ y }}"{% if y == year %} selected{% endif %}>{{ y }}</option>{% endfor %}
      </select></label>
  </fieldset>
</form>

{% if who is not none %}
<section class="card who" id="who" aria-labelledby="who-title">
  <h2 id="who-title">Ai chịu trách nhiệm: “{{ topic }}”</h2>
  {% if not who %}<p>Không tìm thấy nhiệm vụ nào về chủ đề này.</p>{% endif %}
  {% set explicit = who | selectattr("explicit") | list %}
  {% set inherited = who | rejectattr("explicit") | list %}
  {% if explicit %}
  <h3>Được giao đích danh trong nhiệm vụ</h3>
  <ul class="responsible explicit">
    {% for g in group_by_evidence(explicit) %}{{ responsible(g) }}{% endfor %}
  </ul>
  {% endif %}
  {% if inherited %}
  <h3>Suy ra: được giao tổ chức thực hiện cả kế hoạch</h3>
  <p class="hint">Văn bản không nêu đơn vị cho các nhiệm vụ này; đơn vị dưới đây được giao chung trong phần “Tổ chức thực hiện”.</p>
  <ul class="responsible inherited">
    {% for g in group_by_evidence(inherited) %}{{ responsible(g) }}{% endfor %}
  </ul>
  {% endif %}
</section>
{% endif %}


{% if q %}
<section class="results" aria-labelledby="results-title">
  <h2 id="results-title">{% if hits %}{{ hits | length }} kết quả{% else %}Không tìm thấy{% endif %} cho “{{ q }}”</h2>
  {% if not hits and not_found %}<p class="not-found">{{ not_found }}</p>{% endif %}
  <ol class="hits">
    {% for h in hits %}
    <li class="hit">
      <div class="where">
        {% set label = titles.get(h.doc_id, h.doc_id) %}
        <a class="doc" href="{{ doc_url(h.doc_id) }}">{{ label }}{% if not h.title.startswith(label.rstrip("…")) %} — {{ h.title | truncate(80) }}{% endif %}</a>
        <a class="section" href="{{ doc_url(h.doc_id) }}#{{ segment_anchor(h.segment_id) }}">Mục {{ h.section or "—" }}</a>
        {% for k in facts.get(h.segment_id, {}).get("kinds", []) %}<span class="badge {{ k }}">{{ kinds[k] }}</span>{% endfor %}
      </div>
      {% if h.heading_path %}<div class="path">{{ h.heading_path | join(" › ") }}</div>{% endif %}
      <p class="text">{{ marked(h.text, q, none, words) }}</p>
      <div class="small">{{ seg_kinds.get(h.kind, h.kind) }} · {% if h.page %}trang {{ h.page }}, {% endif %}dòng {{ h.line }} · điểm {{ "%.2f" | format(h.score) }}</div>
    </li>
    {% endfor %}
  </ol>
</section>
{% else %}
<section class="intro">
  <p>Gõ câu hỏi hoặc từ khóa, có dấu hoặc không dấu. Câu hỏi dạng “ai chịu trách nhiệm về …” hoặc
  “đơn vị nào …” cho biết đơn vị được giao, kèm căn cứ trong văn bản.</p>
  <p>Chỉ mục có {{ documents | length }} văn bản.</p>
</section>
{% endif %}
{% endblock %}
"""

DOCUMENTS = """{% extends "base.html" %}
{% block title %}Văn bản{% endblock %}
{% block main %}
<h1>Văn bản trong chỉ mục</h1>
<table class="sortable data">
  <thead><tr><th>Số hiệu</th><th>Loại</th><th>Ngày</th><th>Cơ quan ban hành</th><th>Tên văn bản</th></tr></thead>
  <tbody>
  {% for d in documents %}
  <tr><td>{{ d.number or "—" }}</td><td>{{ d.type or "—" }}</td><td data-sort="{{ d.date or '' }}">{{ date_vi(d.date) or "—" }}</td>
      <td>{{ d.issuer or "—" }}</td><td><a href="{{ doc_url(d.doc_id) }}">{{ d.title }}</a></td></tr>
  {% endfor %}
  </tbody>
</table>
<h2>Sơ đồ văn bản</h2>
<p class="hint">Văn bản cấp trên ở trên; mũi tên đi từ văn bản được dẫn đến văn bản dẫn chiếu nó.
Khung nét đứt: văn bản được dẫn nhưng chưa có trong chỉ mục. Đường liền: thực hiện; đường đứt: dẫn chiếu.</p>
<div class="graph-wrap">{{ graph }}</div>
{% endblock %}
"""

DOCUMENT = """{% extends "base.html" %}
{% block title %}{{ titles.get(doc.doc_id, doc.title) | truncate(60) }}{% endblock %}
{% block main %}
{% macro ref_list(items) %}
{% if items %}<ul class="refs">{% for r in items %}<li>
  {% if r.doc_id and not r.external %}<a href="{{ doc_url(r.doc_id) }}">{{ r.label }}</a>{% else %}{{ r.label }} <span class="badge external">ngoài chỉ mục</span>{% endif %}
  <span class="small">{{ edge_kinds.get(r.kind, r.kind) }}{% if r.date %} · {{ date_vi(r.date) }}{% endif %}{% if r.issuer %} · {{ r.issuer }}{% endif %}
  · mục {{ r.sections | map("default", "mở đầu", true) | join(", ") }}</span></li>{% endfor %}</ul>
{% else %}<p class="small">Không có.</p>{% endif %}
{% endmacro %}
{% macro node(n, depth) %}
<li><details id="{{ n.anchor }}"{% if depth == 0 %} open{% endif %}>
  <summary><span class="sid">{{ n.section.citable if n.section.kind != "topic" else "" }}</span> {{ n.section.heading }}
    {% if n.segments %}<span class="count">{{ n.segments | length }}</span>{% endif %}</summary>
  {% for s in n.segments %}<p class="seg" id="{{ segment_anchor(s.id) }}">{{ s.text }}</p>{% endfor %}
  {% if n.children %}<ul>{% for c in n.children %}{{ node(c, depth + 1) }}{% endfor %}</ul>{% endif %}
</details></li>
{% endmacro %}
<h1>{{ doc.title }}</h1>
<dl class="meta">
  <dt>Loại văn bản</dt><dd>{{ doc.meta.type or "—" }}</dd>
  <dt>Số hiệu</dt><dd>{{ doc.meta.number or "—" }}</dd>
  <dt>Ngày ban hành</dt><dd>{{ date_vi(doc.meta.date) or "—" }}</dd>
  <dt>Cơ quan ban hành</dt><dd>{{ doc.meta.issuer or "—" }}</dd>
  <dt>Nơi ban hành</dt><dd>{{ doc.meta.place or "—" }}</dd>
  <dt>Người ký</dt><dd>{{ doc.meta.signer or "—" }}</dd>
  <dt>Dữ liệu</dt><dd><a href="/api/documents/{{ doc.doc_id | urlencode }}">JSON</a></dd>
  {% if doc.plan_lead %}<dt>Tổ chức thực hiện chung</dt><dd>{% for u in doc.plan_lead %}<a href="/unit?name={{ u.name | urlencode }}">{{ u.name }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</dd>{% endif %}
</dl>
<nav class="toc" aria-label="Trong trang này"><a href="#outline">Mục lục</a> · <a href="#targets">Chỉ tiêu ({{ doc.targets | length }})</a> ·
  <a href="#duties">Nhiệm vụ ({{ doc.duties | length }})</a> · <a href="#refs">Văn bản liên quan</a>{% if doc.warnings %} · <a href="#warnings">Cảnh báo ({{ doc.warnings | length }})</a>{% endif %}</nav>

<section id="outline">
  <h2>Mục lục và nội dung</h2>
  <p class="tree-tools"><button type="button" data-tree="open">Mở tất cả</button> <button type="button" data-tree="close">Thu gọn</button></p>
  {% if loose %}<details class="preamble"><summary>Phần mở đầu ({{ loose | length }} đoạn)</summary>
    {% for s in loose %}<p class="seg" id="{{ segment_anchor(s.id) }}">{{ s.text }}</p>{% endfor %}</details>{% endif %}
  <ul class="tree">{% for n in tree %}{{ node(n, 0) }}{% endfor %}</ul>
</section>


<section id="targets">
  <h2>Chỉ tiêu</h2>
  {% if doc.targets %}
  <p class="hint">Bấm vào tiêu đề cột để sắp xếp.</p>
  <table class="sortable data">
    <thead><tr><th>Mục</th><th>Chỉ tiêu</th><th>So sánh</th><th>Giá trị</th><th>Năm</th><th>Chiều</th><th>Câu trong văn bản</th></tr></thead>
    <tbody>
    {% for t in doc.targets %}
    <tr><td data-sort="{{ loop.index0 }}">{{ t.section or "—" }}</td><td>{{ t.indicator }}</td>
        <td>{{ comparators.get(t.comparator, "định tính") if t.comparator else "định tính" }}</td>
        <td class="num" data-sort="{{ t.value if t.value is not none else '' }}">{{ target_value(t.to_dict()) }}</td>
        <td class="num">{{ t.year or "—" }}</td><td>{{ directions.get(t.direction, "—") }}</td>
        <td class="quote">{{ t.text }}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}<p>Văn bản không có chỉ tiêu định lượng nào.</p>{% endif %}
</section>

<section id="duties">
  <h2>Nhiệm vụ và đơn vị được giao</h2>
  {% if doc.duties %}
  <table class="sortable data">
    <thead><tr><th>Mục</th><th>Nhiệm vụ</th><th>Đơn vị (vai trò)</th><th>Thời hạn</th></tr></thead>
    <tbody>
    {% for d in doc.duties %}
    <tr><td data-sort="{{ loop.index0 }}">{{ d.section or "—" }}</td><td class="quote">{{ d.text }}</td>
      <td><ul class="units">{% for u in d.units %}<li class="{{ 'explicit' if u.explicit else 'inherited' }}">
        <a href="/unit?name={{ u.name | urlencode }}">{{ u.name }}</a> <span class="role role-{{ u.role }}">{{ roles.get(u.role, u.role) }}</span>{% if not u.explicit %} <span class="badge inherited">giao chung</span>{% endif %}</li>{% endfor %}</ul></td>
      <td data-sort="{{ d.deadline or '9999' }}">{{ date_vi(d.deadline) or d.deadline_text or "" }}{% if d.recurring %} {{ d.recurring }}{% endif %}{% if not d.deadline and not d.recurring and not d.deadline_text %}—{% endif %}</td></tr>
    {% endfor %}
    </tbody>
  </table>
  {% else %}<p>Không nhận ra nhiệm vụ nào.</p>{% endif %}
</section>

<section id="refs">
  <h2>Văn bản được dẫn và văn bản dẫn chiếu</h2>
  {% if refs %}
  <div class="graph-wrap">{{ refs_svg }}</div>
  <div class="two">
    <div><h3>Văn bản này dẫn ({{ refs.cites | length }})</h3>{{ ref_list(refs.cites) }}</div>
    <div><h3>Được dẫn bởi ({{ refs.cited_by | length }})</h3>{{ ref_list(refs.cited_by) }}</div>
  </div>
  {% else %}<p>Chưa có sơ đồ văn bản.</p>{% endif %}
</section>


{% if doc.warnings %}
<section id="warnings">
  <h2>Cảnh báo khi đọc văn bản</h2>
  <ul>{% for w in doc.warnings %}<li><code>{{ w.code }}</code> {% if w.section %}(mục {{ w.section }}) {% endif %}{{ w.message }}</li>{% endfor %}</ul>
</section>
{% endif %}
{% endblock %}
"""

UNITS = """{% extends "base.html" %}
{% block title %}Đơn vị{% endblock %}
{% block main %}
<h1>Đơn vị được giao nhiệm vụ</h1>
<form class="unit-search" method="get" action="/unit">
  <label for="unit-name">Tìm đơn vị (tên đầy đủ, viết tắt, không dấu đều được)</label>
  <input id="unit-name" name="name" type="search" placeholder="Ví dụ: Sở LĐ-TB&amp;XH, ban tuyen giao tinh uy">
  <button type="submit">Xem nhiệm vụ</button>
</form>
<table class="sortable data">
  <thead><tr><th>Đơn vị</th><th class="num">Số nhiệm vụ</th><th>Vai trò</th><th>Văn bản</th></tr></thead>
  <tbody>
  {% for u in units %}
  <tr><td><a href="/unit?name={{ u.unit | urlencode }}">{{ u.unit }}</a></td><td class="num" data-sort="{{ u.duties }}">{{ u.duties }}</td>
      <td>{% for k, v in u.roles.items() %}{{ roles.get(k, k) }} {{ v }}{% if not loop.last %}, {% endif %}{% endfor %}</td>
      <td>{% for d in u.documents %}<a href="{{ doc_url(d) }}">{{ titles.get(d, d) | truncate(40) }}</a>{% if not loop.last %}, {% endif %}{% endfor %}</td></tr>
  {% endfor %}
  </tbody>
</table>
{% endblock %}
"""

UNIT = """{% extends "base.html" %}
{% block title %}{{ names | join(", ") }}{% endblock %}
{% block main %}
<h1>Nhiệm vụ của {{ names | join(", ") }}</h1>
{% if name != names | join(", ") %}<p class="hint">Tìm “{{ name }}”: khớp với {{ names | join(", ") }}.</p>{% endif %}
<p class="filters-inline">
  {% if include_inherited %}<a href="/unit?name={{ name | urlencode }}">Chỉ nhiệm vụ giao đích danh</a>
  {% else %}<a href="/unit?name={{ name | urlencode }}&amp;all=1">Gồm cả nhiệm vụ được giao chung cả kế hoạch</a>{% endif %}
  · <a href="/api/duties?unit={{ name | urlencode }}{% if include_inherited %}&amp;all=true{% endif %}">JSON</a>
</p>
{% if not rows %}
<p>Không có nhiệm vụ nào giao đích danh cho đơn vị này{% if not include_inherited %} (thử xem cả nhiệm vụ được giao chung){% endif %}.</p>
{% else %}
<p>{{ rows | length }} nhiệm vụ trong {{ n_docs }} văn bản; thời hạn sắp tới xếp trước (hôm nay {{ date_vi(today) }}).</p>
<table class="sortable data duties">
  <thead><tr><th>Thời hạn</th><th>Nhiệm vụ</th><th>Vai trò</th><th>Văn bản</th><th>Mục</th></tr></thead>
  <tbody>
  {% for r in rows %}
  <tr class="{{ r.status }}{% if not r.explicit %} inherited{% endif %}">
    <td data-sort="{{ loop.index0 }}">{% if r.deadline %}<b>{{ date_vi(r.deadline) }}</b>{% if r.status == "past" %} <span class="badge past">đã qua</span>{% else %} <span class="badge upcoming">sắp tới</span>{% endif %}{% if r.deadline_text %}<div class="small">{{ r.deadline_text }}</div>{% endif %}
        {% elif r.recurring %}{{ r.recurring }}{% else %}—{% endif %}</td>
    <td class="quote">{{ r.text }}</td>
    <td>{{ r.roles | join(", ") }}{% if names | length > 1 %}<div class="small">{{ r.unit }}</div>{% endif %}{% if not r.explicit %} <span class="badge inherited">giao chung</span>{% endif %}</td>
    <td><a href="{{ doc_url(r.doc_id) }}">{{ titles.get(r.doc_id, r.doc_id) | truncate(60) }}</a></td>
    <td>{% if r.section %}<a href="{{ doc_url(r.doc_id, r.section) }}">{{ r.section }}</a>{% else %}—{% endif %}</td>
  </tr>
  {% endfor %}
  </tbody>
</table>
{% endif %}
{% endblock %}
"""

CHECK = """{% extends "base.html" %}
{% block title %}Kiểm tra kế hoạch{% endblock %}
{% block main %}
<h1>Kiểm tra kế hoạch cấp dưới</h1>
<p class="hint">Tải lên kế hoạch của đơn vị (PDF, DOCX hoặc TXT, tối đa {{ max_mb }} MB) và chọn văn bản cấp trên mà
kế hoạch thực hiện. Tệp chỉ dùng cho lần kiểm tra này, không đưa vào chỉ mục và bị xóa ngay sau khi kiểm tra.</p>
{% if error %}<p class="error message" role="alert">{{ error }}</p>{% endif %}
<form class="check" method="post" action="/check" enctype="multipart/form-data">
  <label>Kế hoạch cần kiểm tra <input name="file" type="file" required accept=".pdf,.docx,.txt,.md,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"></label>
  <label>Văn bản cấp trên
    <select name="parent" required>
      {% for d in documents %}<option value="{{ d.doc_id }}"{% if d.doc_id == parent %} selected{% endif %}>{{ titles.get(d.doc_id, d.title) | truncate(90) }}</option>{% endfor %}
    </select></label>
  <button type="submit" data-busy="Đang kiểm tra…">Kiểm tra</button>
</form>

{% if summary %}
<section class="card check-summary" id="check-summary">
  <h2>Kết quả: {{ child_label }} so với {{ parent_label }}</h2>
  <div class="two">
    <table class="data"><thead><tr><th>Chỉ tiêu cấp trên</th><th class="num">Số lượng</th></tr></thead><tbody>
      {% for k, v in summary.targets.items() %}<tr class="{{ k }}"><td>{{ target_labels.get(k, k) }}</td><td class="num" data-status="{{ k }}">{{ v }}</td></tr>{% endfor %}
      <tr class="added"><td>Chỉ tiêu bổ sung ở cấp dưới</td><td class="num">{{ summary.added.target }}</td></tr>
    </tbody></table>
    <table class="data"><thead><tr><th>Nhiệm vụ cấp trên</th><th class="num">Số lượng</th></tr></thead><tbody>
      {% for k, v in summary.duties.items() %}<tr class="{{ k }}"><td>{{ duty_labels.get(k, k) }}</td><td class="num" data-status="{{ k }}">{{ v }}</td></tr>{% endfor %}
      <tr class="added"><td>Nhiệm vụ bổ sung ở cấp dưới</td><td class="num">{{ summary.added.duty }}</td></tr>
    </tbody></table>
  </div>
  <p>Cảnh báo: {{ summary.warnings }} ·
    <a class="download" href="/check/report/{{ token }}?download=1" download>Tải báo cáo (HTML)</a> ·
    <a href="/check/report/{{ token }}" target="_blank" rel="noopener">Mở báo cáo trong thẻ mới</a></p>
  <iframe class="report" src="/check/report/{{ token }}" title="Báo cáo đối chiếu" sandbox></iframe>
</section>
{% endif %}
{% endblock %}
"""

TEMPLATES = {
    "base.html": BASE,
    "error.html": ERROR,
    "search.html": SEARCH,
    "documents.html": DOCUMENTS,
    "document.html": DOCUMENT,
    "units.html": UNITS,
    "unit.html": UNIT,
    "check.html": CHECK,
}

TARGET_LABELS = {
    "covered": "Đạt / khớp", "stricter": "Cao hơn (chặt hơn)", "weaker": "Thấp hơn (lỏng hơn)",
    "contradicts": "Mâu thuẫn", "changed": "Thay đổi, không so sánh được", "missing": "Thiếu",
}
DUTY_LABELS = {"covered": "Đã cụ thể hóa", "partial": "Một phần", "missing": "Thiếu"}


def environment() -> Environment:
    env = Environment(
        loader=DictLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        marked=render.marked, date_vi=render.date_vi, doc_url=render.doc_url,
        segment_anchor=render.segment_anchor, group_by_evidence=render.group_by_evidence, target_value=render.target_value,
        roles=render.ROLE_VI, seg_kinds=render.SEGMENT_KIND_VI, comparators=render.COMPARATOR_VI,
        directions=render.DIRECTION_VI, edge_kinds=render.EDGE_KIND_VI,
        target_labels=TARGET_LABELS, duty_labels=DUTY_LABELS, generation=None, nav=None,
    )
    return env


_ENV: Environment | None = None


def render_page(template: str, /, **context: Any) -> str:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV.get_template(template).render(**context)


__all__ = ["TEMPLATES", "environment", "render_page"]
