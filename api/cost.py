"""What one GraphQL operation may cost, estimated from its text and arguments before anything runs.

Two numbers, both computed on the parsed document (fragments expanded) before validation:

* :func:`count_selections` — field selections, fragment spreads and inline fragments visited, with an
  early stop past the limit (so 20,000 duplicate fields or an exponential fragment fan-out cost
  microseconds, never the quadratic overlap check of validation). Also refuses nesting past
  :data:`MAX_NESTING` (the depth rule runs later, during validation).
* :func:`operation_cost` — estimated rows x depth: a field costs 1 plus its children's cost times its
  multiplier, the multiplier being the product of its `limit`/`first` argument and its `depth`/`maxHops`
  argument (values from the literal, the variables or the schema default). A list without such an
  argument is bounded by the enclosing one (multiplier 1). So
  `neighbourhood(depth:3, limit:200){nodes{evidence(limit:200){snippet}}}` costs about
  3*200 * (1 + 1 + 200*1) ≈ 121,000 and a 20-row search about 20 * (fields per row). A field whose
  resolver computes more than its arguments show declares that work (`metadata={"work": N}`), added
  once: `keyJudgementReport` (backtests) is put at the heavy-lane threshold so it runs off the main loop.
"""

from __future__ import annotations

from typing import Any

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
)
from graphql.pyutils import Undefined
from graphql.utilities import value_from_ast, value_from_ast_untyped

MAX_NESTING = 32
ROW_ARGS = ("limit", "first")
DEPTH_ARGS = ("depth", "maxHops")
MAX_MULTIPLIER = 1_000_000


def _fragments(document: DocumentNode) -> dict[str, FragmentDefinitionNode]:
    return {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}


def pick_operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name is None:
        return operations[0] if len(operations) == 1 else None
    return next((o for o in operations if o.name is not None and o.name.value == name), None)


def count_selections(document: DocumentNode, limit: int) -> tuple[int, int]:
    """(selections visited, deepest nesting) over every operation, fragments expanded; stops as soon
    as either passes its limit (`limit`, :data:`MAX_NESTING`), so the figures are then lower bounds."""
    fragments = _fragments(document)
    stack: list[tuple[SelectionSetNode, int, frozenset[str]]] = [
        (d.selection_set, 1, frozenset())
        for d in document.definitions
        if isinstance(d, OperationDefinitionNode)
    ]
    visited = deepest = 0
    while stack:
        selection_set, depth, seen = stack.pop()
        deepest = max(deepest, depth)
        if deepest > MAX_NESTING:
            break
        for selection in selection_set.selections:
            visited += 1
            if visited > limit:
                return visited, deepest
            if isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:  # a cycle is validation's to report
                    stack.append((fragment.selection_set, depth, seen | {name}))
            elif isinstance(selection, FieldNode | InlineFragmentNode) and selection.selection_set:
                inner = depth + 1 if isinstance(selection, FieldNode) else depth
                stack.append((selection.selection_set, inner, seen))
    return visited, deepest


def _argument(
    field: FieldNode, definition: Any, names: tuple[str, ...], variables: dict[str, Any], cap: int
) -> int:
    """The int value (1..cap) of the first of `names` the field has (literal, variable or default),
    else 1. Values past the cap are the resolver's to refuse, with its own message."""
    for name in names:
        arg_def = definition.args.get(name) if definition is not None else None
        if arg_def is None:
            continue
        node = next((a for a in field.arguments or () if a.name.value == name), None)
        value = arg_def.default_value if node is None else value_from_ast(node.value, arg_def.type, variables)
        if isinstance(value, int) and value is not Undefined:
            return min(max(value, 1), cap)
        return 1
    return 1


def _work(definition: Any) -> int:
    """Fixed work a field's resolver declares (`strawberry.field(metadata={"work": N})`), in rows:
    computation its arguments do not show (the Key Judgement Report runs backtests)."""
    field = (getattr(definition, "extensions", None) or {}).get("strawberry-definition")
    metadata = getattr(field, "metadata", None) or {}
    return int(metadata.get("work", 0))


def _variables(operation: OperationDefinitionNode, given: dict[str, Any] | None) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for definition in operation.variable_definitions or ():
        name = definition.variable.name.value
        if given and name in given:
            values[name] = given[name]
        elif definition.default_value is not None:
            values[name] = value_from_ast_untyped(definition.default_value)
    return values


def operation_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: dict[str, Any] | None,
    max_rows: int = MAX_MULTIPLIER,
    max_depth: int = MAX_MULTIPLIER,
) -> int:
    """Estimated rows x depth of the operation that would run (0 when none can be picked: the
    executor refuses that itself). Call after :func:`count_selections` has bounded the document.
    `max_rows`/`max_depth` cap each argument at what the resolvers accept (a larger value is refused
    there with its own message, so it must not be reported as a cost overrun first)."""
    operation = pick_operation(document, operation_name)
    if operation is None:
        return 0
    root = {
        OperationType.QUERY: schema.query_type,
        OperationType.MUTATION: schema.mutation_type,
        OperationType.SUBSCRIPTION: schema.subscription_type,
    }[operation.operation]
    fragments = _fragments(document)
    values = _variables(operation, variables)

    def cost(selection_set: SelectionSetNode, parent: Any, seen: frozenset[str]) -> int:
        total = 0
        fields = getattr(parent, "fields", {})
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                definition = fields.get(selection.name.value)
                work = _work(definition)
                if selection.selection_set is None:
                    total += 1 + work
                    continue
                child = get_named_type(definition.type) if definition is not None else None
                multiplier = _argument(selection, definition, ROW_ARGS, values, max_rows) * _argument(
                    selection, definition, DEPTH_ARGS, values, max_depth
                )
                total += 1 + work + multiplier * cost(selection.selection_set, child, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = schema.get_type(condition.name.value) if condition is not None else parent
                total += cost(selection.selection_set, target or parent, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is not None and name not in seen:
                    target = schema.get_type(fragment.type_condition.name.value) or parent
                    total += cost(fragment.selection_set, target, seen | {name})
        return total

    return cost(operation.selection_set, root, frozenset())
