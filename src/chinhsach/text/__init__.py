"""Vietnamese text: one fold, NFC and tone placement, markdown marks, document numbers, tokens."""

from chinhsach.text.normalize import (
    canonical_tones,
    fold,
    has_diacritics,
    normalize_text,
    strip_markdown,
)

__all__ = ["canonical_tones", "fold", "has_diacritics", "normalize_text", "strip_markdown"]
