"""Core of the field tool for jobcentre business consultants (virksomhedskonsulenter).

Domain model, local store, identifiers, search and services. Imports no Qt and no HTTP
server code, so everything here runs and is tested without a display (see DESIGN.md).
"""

__version__ = "0.1.0"
