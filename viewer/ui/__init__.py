"""Qt widgets: they render state and emit signals; selection lives in Selection."""
