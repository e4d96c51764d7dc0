"""ipywidgets as the app uses them, with one shared ``Layout`` and one shared style per kind.

Every ipywidgets control comes with a ``Layout`` and a style of its own: each a widget of its own, made in the
kernel, sent to the page and built there. The app's step one made 1,288 widgets, 780 of them empty layouts and
styles (60% of the 0.95 MB the page received before it could draw; measured with ``benchmarks/bench_app.py``).
Here a control that is given no layout, or a layout or style as a dict, gets the one shared instance for
those values; the app sets its look with CSS classes, so nearly all are empty. A control whose layout is
changed later must be given its own (``layout=W.Layout()``): the shared ones refuse any change, so a mistake
shows at once instead of hiding every control on the page.

Use it as the module ``ipywidgets``: ``from . import lean as W``; ``W.HTML``, ``W.VBox``... are the lean
classes (same models and views in the browser), anything else is ipywidgets' own.
"""
from __future__ import annotations

import functools
from typing import Any

import ipywidgets as _W
from ipywidgets.widgets.trait_types import InstanceDict
from ipywidgets.widgets.widget import widget_serialization

from ..core.errors import DebtplanError

__all__ = ["SharedInstance", "shared"]

_SHARED: dict[tuple, Any] = {}


class SharedChangeError(DebtplanError):
    """A shared layout or style was changed (it would change every control that shares it)."""


@functools.lru_cache(maxsize=None)
def _frozen(klass: type) -> type:
    """``klass`` whose instances refuse changes to their synced values once made."""

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if self.__dict__.get("_dp_frozen") and name in klass.class_trait_names(sync=True):
            raise SharedChangeError(f"this {klass.__name__} is shared by many controls; give the control its own "
                                    f"(layout=W.Layout() or style=...) before changing {name!r}")
        klass.__setattr__(self, name, value)

    return type(f"Shared{klass.__name__}", (klass,), {"__setattr__": __setattr__})


def shared(klass: type, values: dict | None = None) -> Any:
    """The one instance of ``klass`` (a Layout or a style) with ``values``, made on first use (and again after
    the widgets were closed)."""
    values = dict(values or {})
    key = (klass, tuple(sorted((k, repr(v)) for k, v in values.items())))
    instance = _SHARED.get(key)
    if instance is None or getattr(instance, "comm", None) is None:
        instance = _frozen(klass)(**values)
        instance.__dict__["_dp_frozen"] = True
        _SHARED[key] = instance
    return instance


class SharedInstance(InstanceDict):
    """A layout or style trait: a dict, or nothing, gives the shared instance; an instance is used as given."""

    def validate(self, obj: Any, value: Any) -> Any:
        if isinstance(value, dict):
            value = shared(self.klass, value)
        return super(InstanceDict, self).validate(obj, value)

    def make_dynamic_default(self) -> Any:
        return shared(self.klass)


@functools.lru_cache(maxsize=None)
def _lean(cls: type) -> type:
    traits: dict[str, Any] = {"__module__": __name__, "__doc__": cls.__doc__}
    for name in ("layout", "style"):
        trait = cls.class_traits().get(name)
        if isinstance(trait, InstanceDict):
            traits[name] = SharedInstance(trait.klass).tag(sync=True, **widget_serialization)
    return type(cls.__name__, (cls,), traits)


def __getattr__(name: str) -> Any:
    value = getattr(_W, name)
    if isinstance(value, type) and issubclass(value, _W.DOMWidget) and not issubclass(value, (_W.Layout,)):
        return _lean(value)
    return value
