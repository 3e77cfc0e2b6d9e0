"""Result completion without graphql-core's per-field machinery, for the subtrees that are plain data.

Once a resolver has returned (say) a `Graph` built by the Presenter — masking and audit bookkeeping
already applied — everything under it is attribute reads: every selected field is a Strawberry
"basic" field (no resolver, no extension, no arguments). graphql-core still completes each of them
through the general path: resolve info, Path objects, awaitable checks, type dispatch. A link chart
is a few thousand such fields, about 1.5 ms a request.

`PlannedExecutionContext` compiles, once per selection, a completer for an object type
whose selected fields are all basic and whose types are scalars, enums, lists, non-nulls or objects
of the same kind; it then completes a value with direct attribute reads and the type's own output
coercion, giving the same JSON. Anything else — a field with a resolver, an abstract type, a type
with `is_type_of`, a @defer or @stream, resolver middleware — is completed by graphql-core as before.
Anything unexpected while completing (a null for a non-null field, an exception, a value of the
wrong shape) abandons the fast completion of that value and hands it to graphql-core, which
completes it again and reports the error exactly where it belongs; reading attributes twice has
no side effect.

Plans are kept between requests (a bounded LRU keyed on the selection's AST nodes, which the parse
cache reuses for a repeated query) when nothing in the selection depends on variables: no
directive anywhere below it. Otherwise the plan is compiled for the request at hand.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLBoolean,
    GraphQLField,
    GraphQLFloat,
    GraphQLID,
    GraphQLInt,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLString,
    InlineFragmentNode,
    is_leaf_type,
    is_object_type,
)
from graphql.pyutils import Undefined
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

Completer = Callable[[Any], Any]
_COLLECTION_DIRECTIVES = frozenset({"skip", "include"})  # resolved by collect_subfields itself
_EXACT: dict[object, tuple[type, Callable[[Any], bool] | None]] = {
    GraphQLString: (str, None),
    GraphQLID: (str, None),
    GraphQLBoolean: (bool, None),
    GraphQLInt: (int, lambda v: -(2**31) <= v < 2**31),
    GraphQLFloat: (float, math.isfinite),
}
SHARED_PLANS = 512
"""How many variable-free plans are kept between requests (each keeps its few AST nodes alive)."""
_shared: OrderedDict[tuple[object, ...], tuple[object, Completer | None]] = OrderedDict()
_shared_lock = threading.Lock()


class Incomplete(Exception):
    """The fast completion cannot finish this value; graphql-core's own path takes over."""


def basic_getter(field_def: GraphQLField) -> Callable[[Any], Any] | None:
    """`source -> value` for a Strawberry field that just reads an attribute, else None."""
    if field_def.args or not getattr(field_def.resolve, "_is_default", False):
        return None
    field = (field_def.extensions or {}).get(GraphQLCoreConverter.DEFINITION_BACKREF)
    if field is None or not field.is_basic_field or field.default_resolver is not getattr:
        return None
    name = field.python_name
    return lambda source: getattr(source, name)


def variable_free(nodes: Iterable[FieldNode], fragments: dict[str, Any]) -> bool:
    """True when no directive appears anywhere in the selections below these field nodes (fragments
    included), so the fields collected under them are the same whatever the variables."""
    stack = [n.selection_set for n in nodes if n.selection_set is not None]
    seen: set[str] = set()
    while stack:
        for selection in stack.pop().selections:
            if selection.directives:
                return False
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                details = fragments.get(name)
                if details is None or details.definition.directives:
                    return False
                if name not in seen:
                    seen.add(name)
                    stack.append(details.definition.selection_set)
            elif (
                isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set is not None
            ):
                stack.append(selection.selection_set)
    return True


def _constant(value: str) -> Callable[[Any], str]:
    return lambda _source: value


def _same(value: Any) -> Any:
    return value


def _leaf(type_: Any, non_null: bool = False) -> Completer:
    """Output coercion of a scalar or enum type. For a standard scalar, a value of the exact Python
    type its coercion returns unchanged (`_EXACT`: str for String and ID, bool for Boolean, a 32-bit
    int for Int, a finite float for Float) is taken as it is."""
    coerce = type_.coerce_output_value
    exact, valid = _EXACT.get(type_, (None, None))

    def complete(value: Any) -> Any:
        if type(value) is exact and (valid is None or valid(value)):
            return value
        if value is None:
            if non_null:
                raise Incomplete
            return None
        if isinstance(value, Exception):
            raise Incomplete
        out = coerce(value)
        if out is None or out is Undefined:
            raise Incomplete
        return out

    return complete


def _non_null(inner: Completer) -> Completer:
    def complete(value: Any) -> Any:
        out = inner(value)
        if out is None:
            raise Incomplete
        return out

    return complete


def _list(inner: Completer) -> Completer:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        if type(value) is not list and type(value) is not tuple:
            raise Incomplete
        return [inner(item) for item in value]

    return complete


def _object(fields: Sequence[tuple[str, Callable[[Any], Any], Completer]]) -> Completer:
    def complete(value: Any) -> Any:
        if value is None:
            return None
        if isinstance(value, Exception):
            raise Incomplete
        return {key: finish(get(value)) for key, get, finish in fields}

    return complete


class PlannedExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with planned completion of plain-data objects (module doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # (object type, id(field_details_list)) -> (the list, kept alive so its id stays unique; plan)
        self._plans: dict[tuple[GraphQLObjectType, int], tuple[object, Completer | None]] = {}
        # Strawberry always passes a MiddlewareManager; it wraps resolvers only when an extension
        # implements `resolve`, and then every field must go through graphql-core
        manager = self.middleware_manager
        self._resolver_middleware = bool(manager is not None and manager.middlewares)

    def complete_object_value(
        self,
        return_type: GraphQLObjectType,
        field_details_list: Any,
        info: Any,
        path: Any,
        result: Any,
        position_context: Any,
    ) -> Any:
        if position_context is None and not self._resolver_middleware:
            plan = self.shared_plan(return_type, field_details_list)
            if plan is not None:
                try:
                    return plan(result)
                except Exception:
                    pass
        return super().complete_object_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def shared_plan(self, object_type: GraphQLObjectType, field_details_list: Any) -> Completer | None:
        """The plan for a completion entry point, from the between-requests cache when it may be."""
        if any(
            d.fragment_variable_values is not None or d.defer_usage is not None for d in field_details_list
        ):
            return self.object_plan(object_type, field_details_list)
        nodes = tuple(d.node for d in field_details_list)
        key = (object_type, *map(id, nodes))
        with _shared_lock:  # the event loop's thread, or several threads running execute_sync
            cached = _shared.get(key)
            if cached is not None:
                _shared.move_to_end(key)
                return cached[1]
        plan = self.object_plan(object_type, field_details_list)
        if variable_free(nodes, self.fragments):
            with _shared_lock:
                _shared[key] = (nodes, plan)  # the nodes stay alive, so their ids are not reused
                if len(_shared) > SHARED_PLANS:
                    _shared.popitem(last=False)
        return plan

    def object_plan(self, object_type: GraphQLObjectType, field_details_list: Any) -> Completer | None:
        key = (object_type, id(field_details_list))
        cached = self._plans.get(key)
        if cached is None:
            cached = (field_details_list, self._compile_object(object_type, field_details_list))
            self._plans[key] = cached
        return cached[1]

    def _compile_object(self, object_type: GraphQLObjectType, field_details_list: Any) -> Completer | None:
        if object_type.is_type_of is not None:
            return None
        grouped, new_defer_usages, _ = self.collect_subfields(object_type, field_details_list)
        if new_defer_usages:
            return None
        fields: list[tuple[str, Callable[[Any], Any], Completer]] = []
        for response_key, details in grouped.items():
            nodes = [d.node for d in details]
            if any(d.name.value not in _COLLECTION_DIRECTIVES for n in nodes for d in n.directives or ()):
                return None  # @stream and friends: graphql-core handles them
            name = nodes[0].name.value
            if name == "__typename":
                fields.append((response_key, _constant(object_type.name), _same))
                continue
            field_def = self.schema.get_field(object_type, name)
            getter = basic_getter(field_def) if field_def is not None else None
            if getter is None:
                return None
            finish = self._compile(field_def.type, details)  # type: ignore[union-attr]
            if finish is None:
                return None
            fields.append((response_key, getter, finish))
        return _object(fields)

    def _compile(self, type_: GraphQLOutputType, details: Any) -> Completer | None:
        if isinstance(type_, GraphQLNonNull):
            if is_leaf_type(type_.of_type):
                return _leaf(type_.of_type, non_null=True)
            inner = self._compile(type_.of_type, details)
            return None if inner is None else _non_null(inner)
        if isinstance(type_, GraphQLList):
            inner = self._compile(type_.of_type, details)
            return None if inner is None else _list(inner)
        if is_leaf_type(type_):
            return _leaf(type_)
        if is_object_type(type_):
            return self.object_plan(type_, details)
        return None  # interfaces and unions: graphql-core resolves the runtime type
