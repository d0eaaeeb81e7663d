"""Reading glossary YAML safely, keeping the line each mapping starts on so every message can say ``file:line``.

Only ``yaml.safe_load`` semantics: the loader is a subclass of libyaml's ``CSafeLoader`` when available (about
ten times faster than the pure-Python parser, which matters for the 0.2 s load budget) and of ``SafeLoader``
otherwise. No tags beyond the safe ones are ever constructed.

PyYAML is imported on first parse only: a warm start reads the parsed glossary from its cache and never needs it.

User files are untrusted: before anything is built from one, ``check_untrusted_yaml`` reads its event stream once
(libyaml's parser keeps its own stack, so this never recurses) and refuses aliases, deep nesting and too many
nodes. A 1 KB "billion laughs" file (nine lists of nine aliases of the list before) is refused at its first
``*alias``, after reading a few hundred bytes, instead of becoming 387 million strings the moment anything
prints or walks it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

#: Files larger than this are refused: a glossary is a few hundred KB; anything bigger is a mistake or an attack.
MAX_FILE_BYTES = 2 * 1024 * 1024
#: Deepest nesting of lists and mappings allowed in an untrusted file (an entry needs 3: list, entry, example).
MAX_NESTING = 16
#: Most nodes (scalars, lists, mappings) allowed in an untrusted file: ~20 per entry, so room for 10,000 entries.
MAX_NODES = 200_000


class UntrustedYamlError(Exception):
    """Untrusted YAML that is refused before it is built: ``line`` (1-based) and ``problem``."""

    def __init__(self, line: int, problem: str) -> None:
        self.line = line
        self.problem = problem
        super().__init__(f"{line}: {problem}")


def check_untrusted_yaml(text: str, max_nesting: int = MAX_NESTING, max_nodes: int = MAX_NODES) -> None:
    """Refuse YAML that could cost far more to use than its size: aliases, deep nesting, too many nodes.

    Raises ``UntrustedYamlError`` for those, and ``yaml.YAMLError`` for YAML that does not parse. Linear in the
    text; nothing is constructed. Anchors alone (``&name``) are harmless and allowed; their use (``*name``, also
    in ``<<: *name`` merges) is not, since only a use can repeat a subtree.
    """
    import yaml

    loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    depth = nodes = 0
    for event in yaml.parse(text, Loader=loader):
        line = event.start_mark.line + 1 if event.start_mark is not None else 0
        if isinstance(event, yaml.AliasEvent):
            raise UntrustedYamlError(line, "YAML aliases (*name) are not allowed in this file")
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if nodes > max_nodes:
                raise UntrustedYamlError(line, f"more than {max_nodes:,} YAML nodes")
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > max_nesting:
                raise UntrustedYamlError(line, f"nested more than {max_nesting} levels deep")
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1


class GlossaryFileError(Exception):
    """A glossary file that cannot be used at all; ``str()`` is ``file:line: problem``."""

    def __init__(self, path: Path | str, line: int, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        super().__init__(f"{self.path}:{line}: {problem}")


class LineDict(dict):
    """A YAML mapping that remembers the 1-based line it starts on, and the line of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """The line of ``key`` when present, else the mapping's own line."""
        return getattr(self, "key_lines", {}).get(key, self.line)


class LineList(list):
    """A YAML sequence that remembers the 1-based line of each item, so a bad item is reported where it is."""

    line: int = 0
    item_lines: list[int]


@lru_cache(maxsize=1)
def _line_loader() -> type:
    """A safe loader whose mappings come back as ``LineDict``s and sequences as ``LineList``s."""
    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class LineLoader(base):
        def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LineDict:
            mapping = LineDict(super().construct_mapping(node, deep=deep))
            mapping.line = node.start_mark.line + 1
            mapping.key_lines = {
                str(key_node.value): key_node.start_mark.line + 1 for key_node, _ in node.value if key_node.value
            }
            return mapping

    # The safe constructor registers mappings through ``construct_yaml_map``, which builds a plain dict before
    # it fills it; route it through ``construct_mapping`` so every mapping comes back as a LineDict.
    def construct_line_map(loader: LineLoader, node: yaml.MappingNode) -> Any:
        return loader.construct_mapping(node, deep=True)

    def construct_line_seq(loader: LineLoader, node: yaml.SequenceNode) -> Any:
        sequence = LineList(loader.construct_sequence(node, deep=True))
        sequence.line = node.start_mark.line + 1
        sequence.item_lines = [item.start_mark.line + 1 for item in node.value]
        return sequence

    LineLoader.add_constructor("tag:yaml.org,2002:map", construct_line_map)
    LineLoader.add_constructor("tag:yaml.org,2002:seq", construct_line_seq)
    return LineLoader


def read_yaml(path: Path, max_bytes: int = MAX_FILE_BYTES, untrusted: bool = False) -> Any:
    """Parse one YAML file; raises ``GlossaryFileError`` naming the file, the line and the problem.

    ``untrusted`` (a user's file): checked by ``check_untrusted_yaml`` before it is built.
    """
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise GlossaryFileError(path, 0, f"cannot read: {exc.strerror or exc}") from None
    if size > max_bytes:
        raise GlossaryFileError(
            path, 0, f"file is {size / 1048576:.1f} MB; glossary files are limited to {max_bytes // 1048576} MB"
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise GlossaryFileError(path, 0, f"cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise GlossaryFileError(path, line, "not UTF-8 text") from None
    import yaml

    try:
        if untrusted:
            check_untrusted_yaml(text)
        return yaml.load(text, Loader=_line_loader())
    except UntrustedYamlError as exc:
        raise GlossaryFileError(path, exc.line, exc.problem) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 0
        problem = " ".join(str(exc.problem or exc.context or "invalid YAML").split())
        raise GlossaryFileError(path, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise GlossaryFileError(path, 0, f"invalid YAML: {' '.join(str(exc).split())}") from None
