"""Keys read in the article: single letters and sequences such as ``g g``, with a short timeout.

Plain keys (letters, digits, punctuation, Space, with or without Shift) and key sequences act
only while the article has focus, so typing in the location bar, the find bar or the facts
filter never runs a command. Keys with Ctrl, Alt or Meta and special keys (F5, Alt+Left) stay
ordinary window shortcuts on the commands' QActions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QWidget

#: One key press, normalised: (key code, modifier bits).
Stroke = tuple[int, int]

#: How long a started sequence waits for its next key, in milliseconds.
SEQUENCE_TIMEOUT_MS = 1000

_MODIFIERS = (
    Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)
_SHIFT = Qt.KeyboardModifier.ShiftModifier.value
_COMMAND_MODIFIERS = (_MODIFIERS & ~Qt.KeyboardModifier.ShiftModifier).value
#: Key codes below this are characters; above are special keys (arrows, F1, Esc, …).
_SPECIAL = 0x01000000


def normalise(key: int, modifiers: int) -> Stroke:
    """``(key, modifiers)`` as the keymap spells it.

    Shift+Tab arrives as Backtab; a symbol typed with Shift (``?``, ``+``) is the symbol alone,
    while Shift still tells ``G`` from ``g`` and Shift+Space from Space.
    """
    mods = modifiers & _MODIFIERS.value
    if key == Qt.Key.Key_Backtab.value:
        key, mods = Qt.Key.Key_Tab.value, mods | _SHIFT
    elif key < _SPECIAL and not (
        Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value or key == Qt.Key.Key_Space.value
    ):
        mods &= ~_SHIFT
    return key, mods


def strokes(sequence: QKeySequence) -> tuple[Stroke, ...]:
    """The normalised strokes of ``sequence``."""
    out = []
    for i in range(sequence.count()):
        combination: QKeyCombination = sequence[i]  # type: ignore[index]  # stubs lack it
        out.append(normalise(combination.key().value, combination.keyboardModifiers().value))
    return tuple(out)


def is_plain(stroke: Stroke) -> bool:
    """Whether ``stroke`` types a character (no Ctrl, Alt or Meta; not a special key)."""
    key, mods = stroke
    return key < _SPECIAL and not mods & _COMMAND_MODIFIERS


def article_only(sequence: QKeySequence) -> bool:
    """Whether ``sequence`` may only act in the article: a plain key or several keys."""
    found = strokes(sequence)
    return len(found) > 1 or (len(found) == 1 and is_plain(found[0]))


def stroke_text(stroke: Stroke) -> str:
    """How a stroke is shown: ``j``, ``G``, ``Space``, ``Ctrl+D``."""
    key, mods = stroke
    if Qt.Key.Key_A.value <= key <= Qt.Key.Key_Z.value and not mods & _COMMAND_MODIFIERS:
        letter = chr(key)
        return letter if mods & _SHIFT else letter.lower()
    combination = QKeyCombination(Qt.KeyboardModifier(mods), Qt.Key(key))
    return QKeySequence(combination).toString(QKeySequence.SequenceFormat.NativeText)


def sequence_text(sequence: QKeySequence) -> str:
    """How a key sequence is shown: ``g g``, ``Shift+Space``, ``?``."""
    return " ".join(stroke_text(s) for s in strokes(sequence))


class KeyDispatcher(QObject):
    """Runs commands for the keys pressed in the widgets it is attached to.

    ``bindings`` maps stroke tuples to command names; ``run`` is called with the name. A
    sequence's first keys are held as pending (and shown) until it completes, another key
    breaks it, Esc cancels it or :data:`SEQUENCE_TIMEOUT_MS` passes.

    Signals:
        pending_changed(str): the keys typed so far of an unfinished sequence ("" when none).
    """

    pending_changed = Signal(str)

    def __init__(
        self,
        bindings: Mapping[tuple[Stroke, ...], str],
        run: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._bindings = dict(bindings)
        self._prefixes = {seq[:i] for seq in self._bindings for i in range(1, len(seq))}
        self._run = run
        self._pending: tuple[Stroke, ...] = ()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEQUENCE_TIMEOUT_MS)
        self._timer.timeout.connect(self.on_timeout)

    @property
    def pending(self) -> str:
        """The keys of the unfinished sequence, as shown."""
        return " ".join(stroke_text(s) for s in self._pending)

    def attach(self, widgets: Iterable[QWidget]) -> None:
        """Read the keys typed while one of ``widgets`` has focus."""
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        stroke = normalise(event.key(), event.modifiers().value)
        if kind == QEvent.Type.ShortcutOverride:
            # Claim the keys this dispatcher reads, before any window shortcut sees them.
            if self._claims(stroke):
                event.accept()
                return True
            return False
        return self._press(stroke)

    def _claims(self, stroke: Stroke) -> bool:
        if self._pending:
            return True
        return (stroke,) in self._bindings or (stroke,) in self._prefixes

    def _press(self, stroke: Stroke) -> bool:
        if stroke[0] in _LONE_MODIFIER_KEYS:
            return bool(self._pending)
        if self._pending and stroke == (Qt.Key.Key_Escape.value, 0):
            self._set_pending(())
            return True
        candidate = (*self._pending, stroke)
        if candidate not in self._bindings and candidate not in self._prefixes and self._pending:
            # A broken sequence is dropped; the key counts on its own.
            self._set_pending(())
            candidate = (stroke,)
        if candidate in self._prefixes:
            self._set_pending(candidate)
            return True
        command = self._bindings.get(candidate)
        if command is None:
            return False
        self._set_pending(())
        self._run(command)
        return True

    def _set_pending(self, pending: tuple[Stroke, ...]) -> None:
        self._pending = pending
        if pending:
            self._timer.start()
        else:
            self._timer.stop()
        self.pending_changed.emit(self.pending)

    def on_timeout(self) -> None:
        command = self._bindings.get(self._pending)
        self._set_pending(())
        if command is not None:
            self._run(command)


_LONE_MODIFIER_KEYS = {
    Qt.Key.Key_Shift.value, Qt.Key.Key_Control.value, Qt.Key.Key_Alt.value,
    Qt.Key.Key_Meta.value, Qt.Key.Key_AltGr.value, Qt.Key.Key_CapsLock.value,
}
