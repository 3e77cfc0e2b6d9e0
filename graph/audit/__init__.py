"""Supplier exposure audit: match a supplier register to graph businesses and find exposure paths.

    suppliers, errors = read_suppliers(Path("seed/suppliers.csv"))
    report = audit_suppliers(db, suppliers, errors, max_hops=3)
    write_report(report, Path("report.html"))   # .html, .csv or .json

Modules: `suppliers` (CSV reading, per-row errors), `matching` (explained match scores),
`exposure` (paths + risk), `model` (the report data), `render_html` / `writers` (outputs).
"""

from graph.audit.model import AuditReport, SupplierResult
from graph.audit.run import audit_suppliers
from graph.audit.suppliers import RowError, Supplier, read_suppliers
from graph.audit.writers import write_report

__all__ = [
    "AuditReport",
    "RowError",
    "Supplier",
    "SupplierResult",
    "audit_suppliers",
    "read_suppliers",
    "write_report",
]
