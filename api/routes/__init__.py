"""Route modules: each presents what `graph.queries` answers."""
