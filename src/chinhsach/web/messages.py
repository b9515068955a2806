"""Error messages of the web pages in plain Vietnamese, without paths or exception names.

The library's messages are English one-liners for the CLI and logs; they name files, index
folders and exception types. A page shows :func:`message_vi` instead; the JSON API keeps the
English ``detail`` (with server paths removed by :func:`public_detail`) and adds
``message_vi``.
"""

from __future__ import annotations

import re

from chinhsach.errors import (
    BadIndexError,
    CheckCancelledError,
    ChinhsachError,
    EmptyDocumentError,
    EncodingError,
    EncryptedFileError,
    InputError,
    InputTooLargeError,
    ModelNotFoundError,
    NoTextLayerError,
    QueryError,
    UnknownDocumentError,
    UnknownUnitError,
    UnsupportedFileError,
)
from chinhsach.web.checks import ChecksBusyError
from chinhsach.web.uploads import UploadTooLargeError

SERVER_ERROR_VI = "Máy chủ gặp lỗi khi xử lý yêu cầu này. Vui lòng thử lại; nếu vẫn lỗi, hãy báo quản trị viên."
NOT_FOUND_PAGE_VI = "Không có trang này."
BUSY_VI = ("Máy chủ đang kiểm tra kế hoạch khác. Vui lòng chờ ít phút rồi gửi lại.")
INDEX_VI = "Kho văn bản trên máy chủ chưa sẵn sàng. Vui lòng báo quản trị viên."
INVALID_VI = "Yêu cầu thiếu thông tin hoặc có thông tin không hợp lệ."
_PATHISH = re.compile(r"(?:/[\w.\-]+){2,}/?|[A-Za-z]:\\[^\s;,]+")


def _name(exc: InputError) -> str:
    return f"«{exc.path}»"


def message_vi(exc: BaseException) -> str:
    """What a civil servant reads on the page for this error."""
    if isinstance(exc, UploadTooLargeError):
        return str(exc)  # already Vietnamese: "Tệp tải lên vượt quá giới hạn 20 MB."
    if isinstance(exc, ChecksBusyError):
        return BUSY_VI
    if isinstance(exc, CheckCancelledError):
        if "client went away" in str(exc):
            return "Việc kiểm tra đã dừng vì trình duyệt đã đóng kết nối."
        return ("Việc kiểm tra đã dừng vì quá thời gian cho phép. Kế hoạch quá dài; hãy tải lên "
                "riêng phần nhiệm vụ, giải pháp hoặc một tệp nhỏ hơn.")
    if isinstance(exc, InputTooLargeError):
        return (f"Tệp {_name(exc)} quá lớn để kiểm tra (một kế hoạch thường dài 10–40 trang). "
                "Hãy tải lên đúng kế hoạch cần kiểm tra, không kèm phụ lục dài.")
    if isinstance(exc, NoTextLayerError):
        return (f"Tệp {_name(exc)} là bản quét (ảnh), không có lớp chữ để đọc. Hãy dùng bản "
                "PDF xuất từ Word, tệp DOCX, hoặc nhận dạng chữ (OCR) trước.")
    if isinstance(exc, EncryptedFileError):
        return f"Tệp {_name(exc)} có mật khẩu. Hãy gỡ mật khẩu rồi tải lên lại."
    if isinstance(exc, EmptyDocumentError):
        return f"Tệp {_name(exc)} không có nội dung chữ."
    if isinstance(exc, EncodingError):
        return f"Không đọc được bảng mã chữ của tệp {_name(exc)}. Hãy lưu lại dưới dạng Unicode (UTF-8)."
    if isinstance(exc, UnsupportedFileError):
        return (f"Tệp {_name(exc)} không phải PDF, DOCX hay văn bản thuần, hoặc tệp bị hỏng. "
                "Hãy mở và lưu lại tệp rồi tải lên lại.")
    if isinstance(exc, InputError):
        return f"Không đọc được tệp {_name(exc)}."
    if isinstance(exc, UnknownDocumentError):
        return "Không có văn bản này trong kho. Hãy chọn văn bản trong danh sách."
    if isinstance(exc, UnknownUnitError):
        hint = " Có thể bạn muốn tìm một trong các đơn vị dưới đây." if exc.suggestions else ""
        return f"Không tìm thấy đơn vị «{exc.name}».{hint}"
    if isinstance(exc, QueryError):
        return "Câu tìm kiếm không có từ nào để tìm. Hãy nhập từ khóa, ví dụ «nước sạch»."
    if isinstance(exc, BadIndexError | ModelNotFoundError):
        return INDEX_VI
    if isinstance(exc, ChinhsachError):
        return "Không thực hiện được yêu cầu."
    return SERVER_ERROR_VI


def public_detail(exc: BaseException) -> str:
    """The English one-line ``detail`` of the API, without the server's paths."""
    if isinstance(exc, BadIndexError | ModelNotFoundError):
        return "the server's index or model is not available"
    text = str(exc).strip()
    line = text.splitlines()[0] if text else type(exc).__name__
    if isinstance(exc, UnknownDocumentError):
        line = line.split("; indexed:")[0]  # the list of every indexed id is not an answer
    return _PATHISH.sub("…", line)


__all__ = ["BUSY_VI", "INDEX_VI", "INVALID_VI", "NOT_FOUND_PAGE_VI", "SERVER_ERROR_VI",
           "message_vi", "public_detail"]
